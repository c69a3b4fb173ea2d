#!/bin/sh
# SPDX-License-Identifier: MIT
# A fixed-seed slice of fuzz/chain_diff.sh: 12 random add chains (3 to 24
# constants over a base, 8 to 64 bits, some off by one) decided by z3; each
# unsat one must be proven and its proof accepted in strict and kernel-compat
# mode, each sat one must get a counterexample.  TAP output.
set -u
bcf=${BCF_BIN:-./bcf}
out=$(sh "${BCF_SRCDIR:-..}/fuzz/chain_diff.sh" "$bcf" 1 12 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
if [ $rc -eq 0 ] && echo "$out" | grep -q "12 goals, [1-9][0-9]* unsat proven (both modes), [1-9][0-9]* sat found, 0 mismatches"; then
	echo "ok 1 - chain_diff seed 1: every unsat chain proven, every sat one refuted by a counterexample"
else
	echo "not ok 1 - chain_diff seed 1 (exit $rc)"
fi
echo "1..1"
