#!/bin/sh
# SPDX-License-Identifier: MIT
# Print every shared vector with `bcf smt`, answer it with cvc5 and count how
# often cvc5 agrees with the manifest's status.
# usage: bench/cvc5_vectors.sh [BCF_BIN] [SHARED_DIR]   (timeout per query: CVC5_TLIMIT ms)
set -u
bcf=${1:-${BCF_BIN:-./bcf}}
shared=${2:-${BCF_SHARED_DIR:-../shared}}
tlimit=${CVC5_TLIMIT:-30000}
command -v cvc5 >/dev/null || { echo "cvc5 not found" >&2; exit 2; }
[ -x "$bcf" ] || { echo "no bcf binary at $bcf" >&2; exit 2; }
[ -d "$shared/vectors/conds" ] || { echo "no vectors under $shared" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcf-cvc5.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
total=0 agree=0 disagree=0 unknown=0 failed=0
start=$(date +%s%N)
for f in $(ls "$shared/vectors/conds" | sort); do
	name=${f%.cond}
	total=$((total + 1))
	want=$(awk -F'\t' -v n="$name" '$1 == n { print $5 }' "$shared/vectors/manifest.tsv")
	if ! "$bcf" smt "$shared/vectors/conds/$f" >"$tmp/q.smt2" 2>/dev/null; then
		failed=$((failed + 1)); echo "print failed: $name"; continue
	fi
	got=$(timeout $((tlimit / 1000 + 30)) cvc5 --lang smt2 --tlimit="$tlimit" "$tmp/q.smt2" 2>&1 | head -1)
	case "$got" in
	"$want") agree=$((agree + 1)) ;;
	sat|unsat) disagree=$((disagree + 1)); echo "disagree: $name cvc5=$got manifest=$want" ;;
	*) unknown=$((unknown + 1)); echo "no answer: $name: $got" ;;
	esac
done
end=$(date +%s%N)
echo "vectors: $total  agree: $agree  disagree: $disagree  unknown/timeout: $unknown  print failed: $failed"
echo "time: $(( (end - start) / 1000000 )) ms"
[ "$agree" -eq "$total" ]
