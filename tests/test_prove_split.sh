#!/bin/sh
# SPDX-License-Identifier: MIT
# Case splits on wide goal disjunctions (solver/refute.c SPLIT_MIN): the
# ext_con puzzles are a disjunction of extract/concat equalities; refuting
# one disjunct after the other keeps the proof linear in the width.
# Without the split ext_con_024_001_0032 took 1.72 MB (8.8x upstream's
# proof) and its 64-bit variant over 60 s.  TAP output.
set -u
bcf=${BCF_BIN:-./bcf}
s=${BCF_SHARED_DIR:-../shared}/vectors
n=0
ok() { # ok COND-EXIT-STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
name=ext_con_024_001_0032
if [ ! -f "$s/conds/$name.cond" ] || ! command -v perl >/dev/null; then
	echo "ok 1 # SKIP no shared vectors or no perl"
	echo "1..1"
	exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/bcf-split.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
bytes() { sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$1"; }

up=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$s/manifest.tsv")
"$bcf" prove --json "$s/conds/$name.cond" -o "$T/p32.bcf" >"$T/p32.json"
ok $? "$name: proven"
b32=$(bytes "$T/p32.json")
[ -n "$b32" ] && [ -n "$up" ] && [ "$b32" -le $((2 * up)) ]
ok $? "$name: $b32 bytes, at most twice upstream's $up"
"$bcf" check --kernel-compat --cond "$s/conds/$name.cond" "$T/p32.bcf" >/dev/null
ok $? "$name: accepted (kernel-compat)"

# the same puzzle at 64 bits: every bit a block of two
perl -pe 's/\(_ BitVec (\d+)\)/"(_ BitVec ".($1*2).")"/ge;
	s/\(_ extract (\d+) (\d+)\)/"(_ extract ".(($1+1)*2-1)." ".($2*2).")"/ge' \
	"$s/smt2/$name.smt2" >"$T/w64.smt2"
"$bcf" prove --json --timeout 60 "$T/w64.smt2" -o "$T/p64.bcf" >"$T/p64.json"
ok $? "64-bit variant: proven"
b64=$(bytes "$T/p64.json")
[ -n "$b64" ] && [ -n "$b32" ] && [ "$b64" -le $((b32 * 22 / 10)) ]
ok $? "64-bit variant: $b64 bytes, linear in the width (32-bit: $b32)"
"$bcf" import "$T/w64.smt2" -o "$T/w64.cond" >/dev/null &&
	"$bcf" check --kernel-compat --cond "$T/w64.cond" "$T/p64.bcf" >/dev/null
ok $? "64-bit variant: accepted (kernel-compat)"
echo "1..$n"
