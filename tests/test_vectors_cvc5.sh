#!/bin/sh
# SPDX-License-Identifier: MIT
# cvc5 answers `bcf smt` output for a deterministic quarter of the shared
# vectors (every 4th name in sorted order; BCF_CVC5_ALL=1 for all) and must
# agree with the manifest's status.  bench/cvc5_vectors.sh runs all of them.
# TAP output; skipped when cvc5 is not installed.
set -u
shared=${BCF_SHARED_DIR:-../shared}
bcf=${BCF_BIN:-./bcf}
cvc5=$(command -v cvc5 || true)
if [ -z "$cvc5" ]; then
	echo "1..1"
	echo "ok 1 # SKIP cvc5 not found"
	exit 0
fi
if [ ! -d "$shared/vectors/conds" ] || [ ! -x "$bcf" ]; then
	echo "1..1"
	echo "ok 1 # SKIP no vectors or no bcf binary"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcf-cvc5.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 i=0
for f in $(ls "$shared/vectors/conds" | sort); do
	name=${f%.cond}
	i=$((i + 1))
	if [ "${BCF_CVC5_ALL:-0}" != 1 ] && [ $(((i - 1) % 4)) -ne 0 ]; then
		continue
	fi
	n=$((n + 1))
	want=$(awk -F'\t' -v n="$name" '$1 == n { print $5 }' "$shared/vectors/manifest.tsv")
	if ! "$bcf" smt "$shared/vectors/conds/$f" >"$tmp/q.smt2" 2>"$tmp/err"; then
		echo "not ok $n - $name: bcf smt failed: $(head -c 300 "$tmp/err")"
		continue
	fi
	got=$(timeout 60 "$cvc5" --lang smt2 --tlimit=30000 "$tmp/q.smt2" 2>&1 | head -1)
	if [ "$got" = "$want" ]; then
		echo "ok $n - $name: cvc5 says $got"
	else
		echo "not ok $n - $name: cvc5 says '$got', manifest says '$want'"
	fi
done
echo "1..$n"
