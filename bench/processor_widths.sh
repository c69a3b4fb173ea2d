#!/bin/sh
# bench/processor_widths.sh: proof size against register width on the
# simple_processors family (two processor models compared through
# extract/concat equalities that hold under ite conditions, and an adder).
# The shared vector simple_processors_002_002_0008 has 8-bit registers,
# 1-bit flags and 17-bit packed words (flag, register, register); each
# variant widens the registers to 8k bits (k = 1 2 4 8), the packed words
# to 16k+1 and their 9-bit halves to 8k+1, with every extract moved to the
# same field, and keeps the flags at 1 bit.  z3 confirms each variant is
# still unsat, then bcf prove proves it (timeout 60 s) and the proof is
# checked in strict and kernel-compat mode.  Prints one line per variant:
# width, proof bytes, steps, seconds, bytes per register bit, verdicts.
# usage: bench/processor_widths.sh [BUILD_DIR] [SHARED_DIR] [K...]
#        bench/processor_widths.sh --gen K [SHARED_DIR]   (print variant K)
set -u
V=simple_processors_002_002_0008

# widen K FILE: the variant with 8K-bit registers on standard output
widen() {
	perl -e '
	my $k = shift;
	sub w { my $n = shift;
		return $n == 1 ? 1 : $n == 8 ? 8 * $k : $n == 9 ? 8 * $k + 1 :
		       $n == 17 ? 16 * $k + 1 : die "width $n\n"; }
	# the fields of a 17-bit word: [16] [15:8] [7:0] or [16:9] [8] [7:0]
	my %f = ("16 16" => [16 * $k, 16 * $k], "15 8" => [16 * $k - 1, 8 * $k],
		 "7 0" => [8 * $k - 1, 0], "16 9" => [16 * $k, 8 * $k + 1],
		 "8 8" => [8 * $k, 8 * $k]);
	sub x { my $r = $f{"$_[0] $_[1]"} or die "extract $_[0] $_[1]\n"; return "@$r"; }
	while (<>) {
		s/\(_ BitVec (\d+)\)/"(_ BitVec " . w($1) . ")"/ge;
		s/\(_ bv(\d+) (\d+)\)/"(_ bv$1 " . w($2) . ")"/ge;
		s/\(_ extract (\d+) (\d+)\)/"(_ extract " . x($1, $2) . ")"/ge;
		print;
	}' "$1" "$2"
}

if [ "${1:-}" = --gen ]; then
	widen "${2:?usage: --gen K [SHARED_DIR]}" "${3:-../shared}/vectors/smt2/$V.smt2"
	exit
fi
B=${1:-.}
S=${2:-../shared}
shift 2 2>/dev/null
BCF="$B/bcf"
src="$S/vectors/smt2/$V.smt2"
[ -f "$src" ] || { echo "bench/processor_widths.sh: $src not found"; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/processor-widths.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
printf '%-32s %5s %10s %7s %8s %9s %s\n' name width bytes steps seconds bytes/bit verdicts
for k in ${*:-1 2 4 8}; do
	f="$T/x$k.smt2"
	widen "$k" "$src" >"$f" || continue
	w=$((8 * k))
	if [ "$(z3 -T:60 "$f" 2>&1 | head -1)" != unsat ]; then
		printf '%-32s %5s %s\n' "$V" "$w" "not unsat per z3: skipped"
		continue
	fi
	"$BCF" import "$f" -o "$T/c.cond" >/dev/null 2>&1
	t0=$(date +%s.%N)
	"$BCF" prove --json --timeout 60 "$T/c.cond" -o "$T/p.bcf" >"$T/p.json" 2>"$T/p.err"
	t1=$(date +%s.%N)
	st=$(sed -n 's/.*"status":"\([^"]*\)".*/\1/p' "$T/p.json")
	if [ "$st" != proven-refine ]; then
		printf '%-32s %5s %s: %s\n' "$V" "$w" "${st:-error}" \
			"$(sed -n 's/.*"detail":"\([^"]*\)".*/\1/p' "$T/p.json" | head -c 160)"
		continue
	fi
	by=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$T/p.json")
	sp=$(sed -n 's/.*"steps":\([0-9]*\).*/\1/p' "$T/p.json")
	v=
	"$BCF" check --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1 && v=strict
	"$BCF" check --kernel-compat --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1 &&
		v="${v:+$v,}kernel-compat"
	awk -v n="$V" -v w="$w" -v by="$by" -v sp="$sp" -v t0="$t0" -v t1="$t1" \
		-v v="${v:-rejected}" 'BEGIN { printf "%-32s %5s %10s %7s %8.2f %9.0f %s\n",
			n, w, by, sp, t1 - t0, by / w, v }'
done
