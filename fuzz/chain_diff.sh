#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/chain_diff.sh: random add chains against z3.  Each goal adds 3 to 24
# constants (bvadd in either operand order, bvsub) to a base (x, x & m,
# 5 - y or x + y) at 8, 16, 32, 64 or 128 bits (the 128-bit constants are
# concats of two: the format's are at most 64 bits) and compares the chain
# with the base plus the constants' sum (=, distinct or bvult), off by one in
# about a third of the goals, so some are satisfiable.  z3 decides each one; bcf prove must
# then prove it (exit 0, and bcf check accepts the proof in strict and in
# kernel-compat mode) or give a counterexample (exit 1).  Every chain goes
# through the chain's lemmas first (solver/chain.c).
#
# usage: fuzz/chain_diff.sh BCF SEED COUNT [KEEP_DIR]
#   prints one line per mismatch and a summary: N goals, unsat proven,
#   sat found, mismatches; exit 1 if any mismatch.  KEEP_DIR keeps the
#   mismatching goals.
set -u
bcf=${1:?usage: fuzz/chain_diff.sh BCF SEED COUNT [KEEP_DIR]}
seed=${2:?seed}
count=${3:?count}
keep=${4:-}
command -v z3 >/dev/null || { echo "chain_diff: z3 not found"; exit 2; }
. "$(dirname "$0")/proof_checked.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/chain-diff.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
[ -n "$keep" ] && mkdir -p "$keep"

gen() { # gen SEED INDEX: one goal on stdout
	awk -v seed="$1" -v idx="$2" 'BEGIN {
		srand(seed * 100003 + idx)
		split("8 16 32 64 128", ws, " "); w = ws[1 + int(rand() * 5)]
		split("3 5 16 17 20 24", ns, " "); n = ns[1 + int(rand() * 6)]
		r = int(rand() * 4)
		if (r == 0) base = "x"
		else if (r == 1) base = sprintf("(bvand x (_ bv%d %d))", 1 + int(rand() * 15), w)
		else if (r == 2) base = sprintf("(bvsub (_ bv5 %d) y)", w)
		else base = "(bvadd x y)"
		# the sum modulo 2^w in 16-bit limbs (awk numbers are doubles)
		nl = w / 16
		for (j = 0; j < nl; j++) sum[j] = 0
		t = base
		for (i = 0; i < n; i++) {
			kind = rand()
			for (j = 0; j < nl; j++) c[j] = 0
			if (rand() < 0.3) {
				for (j = 0; j < nl; j++) c[j] = int(rand() * 65536)
			} else {
				p = int(rand() * 5)
				if (p == 4) { for (j = 0; j < nl; j++) c[j] = 65535 }
				else c[0] = p == 3 ? 2 : 1
			}
			if (w == 8) c[0] = c[0] % 256
			lit = "#b"
			for (j = nl - 1; j >= 0; j--) lit = lit bits(c[j], 16)
			if (w == 8) lit = "#b" bits(c[0], 8)
			if (kind < 0.6) t = sprintf("(bvadd %s %s)", t, lit)
			else if (kind < 0.8) t = sprintf("(bvadd %s %s)", lit, t)
			else t = sprintf("(bvsub %s %s)", t, lit)
			sg = kind < 0.8 ? 1 : -1
			for (j = 0; j < nl; j++) sum[j] += sg * c[j]
		}
		if (rand() >= 0.7) sum[0] += 1
		# normalise the limbs (carries, borrows) modulo 2^w
		cy = 0
		for (j = 0; j < nl; j++) {
			v = sum[j] + cy
			cy = 0
			while (v < 0) { v += 65536; cy-- }
			while (v >= 65536) { v -= 65536; cy++ }
			sum[j] = v
		}
		s = "#b"
		for (j = nl - 1; j >= 0; j--) s = s bits(sum[j], 16)
		if (w == 8) s = "#b" bits(sum[0] % 256, 8)
		rhs = sprintf("(bvadd %s %s)", base, s)
		g = int(rand() * 3)
		if (g == 0) goal = sprintf("(not (= %s %s))", t, rhs)
		else if (g == 1) goal = sprintf("(bvult %s %s)", t, rhs)
		else goal = sprintf("(distinct %s %s)", t, rhs)
		print "(set-logic QF_BV)"
		printf "(declare-fun x () (_ BitVec %d))\n(declare-fun y () (_ BitVec %d))\n", w, w
		printf "(assert %s)\n(check-sat)\n", goal
	}
	function bits(v, k,   s, i) {
		s = ""
		for (i = 0; i < k; i++) { s = (v % 2) s; v = int(v / 2) }
		return s
	}'
}

i=0; unsat=0; sat=0; bad=0
while [ "$i" -lt "$count" ]; do
	f="$T/g.smt2"
	gen "$seed" "$i" >"$f"
	z=$(z3 -T:60 "$f" 2>&1 | head -1)
	rm -f "$T/p.bcf"
	"$bcf" prove --timeout 60 "$f" -o "$T/p.bcf" >"$T/out" 2>&1
	rc=$?
	ok=0
	if [ "$z" = unsat ] && [ $rc -eq 0 ] &&
	   proof_checked "$bcf" "$f" "$T"; then
		ok=1; unsat=$((unsat + 1))
	elif [ "$z" = sat ] && [ $rc -eq 1 ]; then
		ok=1; sat=$((sat + 1))
	fi
	if [ $ok -eq 0 ]; then
		bad=$((bad + 1))
		echo "mismatch: seed $seed goal $i: z3 $z, bcf exit $rc: $(head -c 200 "$T/out" | tr '\n' ' ')"
		[ -n "$keep" ] && cp "$f" "$keep/chain-$seed-$i.smt2"
	fi
	i=$((i + 1))
done
echo "chain_diff: seed $seed: $count goals, $unsat unsat proven (both modes), $sat sat found, $bad mismatches"
[ "$bad" -eq 0 ]
