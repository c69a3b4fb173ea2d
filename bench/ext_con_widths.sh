#!/bin/sh
# bench/ext_con_widths.sh: proof size against width on ext_con puzzles.
# Each ext_con vector of the shared set (extract/concat equality puzzles)
# is scaled to 2x and 4x its width: every bit becomes a block of k bits
# ((_ BitVec n) -> n*k, (_ extract h l) -> (h+1)*k-1 l*k); z3 confirms each
# variant is still unsat, then bcf prove proves it (timeout 60 s) and the
# proof is re-checked in kernel-compat mode.  Prints one line per variant:
# name, width, proof bytes, steps, seconds, bytes/width.
# usage: bench/ext_con_widths.sh [BUILD_DIR] [SHARED_DIR] [NAMES...]
set -u
B=${1:-.}
S=${2:-../shared}
shift 2 2>/dev/null
BCF="$B/bcf"
names=${*:-ext_con_024_001_0032 ext_con_012_002_0032 ext_con_016_001_0032}
T=$(mktemp -d "${TMPDIR:-/tmp}/ext-con-widths.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
printf '%-28s %5s %10s %7s %8s %9s %s\n' name width bytes steps seconds bytes/bit kernel-compat
for name in $names; do
	src="$S/vectors/smt2/$name.smt2"
	[ -f "$src" ] || { echo "$name: not found"; continue; }
	w0=$(echo "$name" | sed 's/.*_0*\([0-9]*\)$/\1/')
	for k in 1 2 4; do
		f="$T/${name}_x$k.smt2"
		perl -pe "s/\(_ BitVec (\d+)\)/'(_ BitVec '.(\$1*$k).')'/ge;
			s/\(_ extract (\d+) (\d+)\)/'(_ extract '.((\$1+1)*$k-1).' '.(\$2*$k).')'/ge" \
			"$src" >"$f"
		w=$((w0 * k))
		if [ "$(z3 -T:60 "$f" 2>&1 | head -1)" != unsat ]; then
			printf '%-28s %5s %s\n' "$name" "$w" "not unsat per z3: skipped"
			continue
		fi
		t0=$(date +%s.%N)
		"$BCF" prove --json --timeout 60 "$f" -o "$T/p.bcf" >"$T/p.json" 2>"$T/p.err"
		t1=$(date +%s.%N)
		st=$(sed -n 's/.*"status":"\([^"]*\)".*/\1/p' "$T/p.json")
		by=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$T/p.json")
		sp=$(sed -n 's/.*"steps":\([0-9]*\).*/\1/p' "$T/p.json")
		if [ "$st" != proven-refine ]; then
			# no JSON status: the input was refused (e.g. a width over
			# the format's 255 bits); print the tool's own message
			[ -n "$st" ] || st="not proven: $(sed 's/^[^:]*: [^ ]*: //' "$T/p.err" | head -1)"
			printf '%-28s %5s %s\n' "$name" "$w" "$st"
			continue
		fi
		kc=rejected
		"$BCF" check --kernel-compat "$T/p.bcf" >/dev/null 2>&1 && kc=accepted
		awk -v n="$name" -v w="$w" -v by="$by" -v sp="$sp" -v t0="$t0" -v t1="$t1" \
			-v kc="$kc" 'BEGIN { printf "%-28s %5s %10s %7s %8.2f %9.0f %s\n",
				n, w, by, sp, t1 - t0, by / w, kc }'
	done
done
