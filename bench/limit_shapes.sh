#!/bin/sh
# bench/limit_shapes.sh: goals that push a node or a step past the format's
# limits (255 arguments per node, 255 literals per clause, 248 premises per
# RESOLUTION, 128-deep structural comparison, 192 evaluation frames).  Each
# shape is generated at several sizes as an SMT-LIB script; z3 confirms it is
# unsat, bcf prove proves it, and the proof is re-checked by bcf check in
# strict and in kernel-compat mode.  One line per goal: shape, size, status,
# proof bytes, steps, seconds, strict, kernel-compat (and the error if any).
#
# Shapes (N = size):
#   or-ult   (or (bvult x_i c_i) ...) of N, with every (bvuge x_i c_i) asserted (8-bit)
#   not-and  the same, and (not (and (bvuge x_i c_i) ...)) of N
#   ite      y = (ite (= x 0) 1 (ite (= x 1) 2 ... 0)) of N over 32 bits, x < N,
#            y != x + 1
#   ite0     the same chain, y = 0
#   add      x+1+...+1 (N increments) != x+N over 64 bits (add32: over 32 bits,
#            add128: 1+(...(1+x)) over 128, the constants concats of two 64-bit
#            ones): the proof's size, not a node, is the limit here
#   addxy    the same over the base x+y: (x+y)+1+...+1 != (x+N)+y
#   sub      x-1-...-1 (N decrements) != x-N over 64 bits
#   maskule  (x & 255)+1+...+1 > 255+N over 64 bits: a masked loop counter
#            against its bound
# The kernel's goal comparison (ASSUME) is at most 128 levels deep and matches
# at most 128 variables: the chains stop at N = 125, or-ult / not-and use at
# most 100 variables (x_(i mod 100), each asserted above the largest c_i).
#
# usage: bench/limit_shapes.sh [BUILD_DIR] [SHAPE:SIZE,SIZE...]...
#        bench/limit_shapes.sh --gen SHAPE SIZE      (print one script)
set -u
gen() { # gen SHAPE N
	awk -v shape="$1" -v n="$2" 'BEGIN {
		print "(set-logic QF_BV)"
		if (shape == "or-ult" || shape == "not-and") {
			for (i = 0; i < n; i++) {
				c = (i * 37 + 11) % 255 + 1
				v = i % 100
				if (i < 100)
					printf "(declare-fun x%d () (_ BitVec 8))\n", v
				printf "(assert (bvuge x%d (_ bv%d 8)))\n", v, c
				lt = lt sprintf(" (bvult x%d (_ bv%d 8))", v, c)
				ge = ge sprintf(" (bvuge x%d (_ bv%d 8))", v, c)
			}
			if (shape == "or-ult")
				printf "(assert (or%s))\n", lt
			else
				printf "(assert (not (and%s)))\n", ge
		} else if (shape == "ite" || shape == "ite0") {
			print "(declare-fun x () (_ BitVec 32))"
			t = "(_ bv0 32)"
			for (i = n - 1; i >= 0; i--)
				t = sprintf("(ite (= x (_ bv%d 32)) (_ bv%d 32) %s)", i, i + 1, t)
			printf "(assert (bvult x (_ bv%d 32)))\n", n
			if (shape == "ite")
				printf "(assert (not (= %s (bvadd x (_ bv1 32)))))\n", t
			else
				printf "(assert (= %s (_ bv0 32)))\n", t
		} else if (shape == "add" || shape == "add32" || shape == "add128") {
			w = shape == "add" ? 64 : shape == "add32" ? 32 : 128
			printf "(declare-fun x () (_ BitVec %d))\n", w
			t = "x"
			for (i = 0; i < n; i++)
				if (w == 128) # the constant first: 1 + T
					t = sprintf("(bvadd (_ bv1 %d) %s)", w, t)
				else
					t = sprintf("(bvadd %s (_ bv1 %d))", t, w)
			printf "(assert (not (= %s (bvadd x (_ bv%d %d)))))\n", t, n, w
		} else if (shape == "addxy") {
			print "(declare-fun x () (_ BitVec 64))"
			print "(declare-fun y () (_ BitVec 64))"
			t = "(bvadd x y)"
			for (i = 0; i < n; i++)
				t = sprintf("(bvadd %s (_ bv1 64))", t)
			printf "(assert (not (= %s (bvadd (bvadd x (_ bv%d 64)) y))))\n", t, n
		} else if (shape == "maskule") {
			print "(declare-fun x () (_ BitVec 64))"
			t = "(bvand x (_ bv255 64))"
			for (i = 0; i < n; i++)
				t = sprintf("(bvadd %s (_ bv1 64))", t)
			printf "(assert (bvugt %s (_ bv%d 64)))\n", t, 255 + n
		} else if (shape == "sub") {
			print "(declare-fun x () (_ BitVec 64))"
			t = "x"
			for (i = 0; i < n; i++)
				t = sprintf("(bvsub %s (_ bv1 64))", t)
			printf "(assert (not (= %s (bvsub x (_ bv%d 64)))))\n", t, n
		} else {
			print "unknown shape " shape > "/dev/stderr"
			exit 2
		}
		print "(check-sat)"
	}'
}
if [ "${1:-}" = --gen ]; then
	gen "$2" "$3"
	exit $?
fi
B=${1:-.}
[ $# -gt 0 ] && shift
BCF="$B/bcf"
specs=${*:-or-ult:100,150,190,200,250,300 not-and:100,250,256,300 ite:50,99,100,120,150,200 add:5,20,30}
T=$(mktemp -d "${TMPDIR:-/tmp}/limit-shapes.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
printf '%-8s %5s %-14s %9s %7s %7s %-8s %-8s %s\n' shape size status bytes steps seconds strict kernel error
for spec in $specs; do
	shape=${spec%%:*}
	for n in $(echo "${spec#*:}" | tr , ' '); do
		f="$T/$shape-$n.smt2"
		gen "$shape" "$n" >"$f" || continue
		if [ "$(z3 -T:60 "$f" 2>&1 | head -1)" != unsat ]; then
			printf '%-8s %5s %s\n' "$shape" "$n" "not unsat per z3: skipped"
			continue
		fi
		rm -f "$T/p.bcf" "$T/c.cond"
		"$BCF" import "$f" -o "$T/c.cond" >/dev/null 2>&1
		t0=$(date +%s.%N)
		"$BCF" prove --json --timeout 120 "$f" -o "$T/p.bcf" >"$T/p.json" 2>"$T/p.err"
		rc=$?
		t1=$(date +%s.%N)
		st=$(sed -n 's/.*"status":"\([^"]*\)".*/\1/p' "$T/p.json")
		by=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$T/p.json")
		sp=$(sed -n 's/.*"steps":\([0-9]*\).*/\1/p' "$T/p.json")
		er=$(sed -n 's/.*"detail":"\([^"]*\)".*/\1/p' "$T/p.json")
		[ -n "$er" ] || er=$(head -c 150 "$T/p.err" | tr '\n' ' ')
		sc=- kc=-
		if [ $rc -eq 0 ]; then
			sc=rejected kc=rejected
			"$BCF" check --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1 && sc=accepted
			"$BCF" check --kernel-compat --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1 &&
				kc=accepted
			er=
		fi
		awk -v s="$shape" -v n="$n" -v st="${st:-exit$rc}" -v by="${by:--}" \
			-v sp="${sp:--}" -v t0="$t0" -v t1="$t1" -v sc="$sc" -v kc="$kc" \
			-v er="$er" 'BEGIN { printf "%-8s %5s %-14s %9s %7s %7.2f %-8s %-8s %s\n",
				s, n, st, by, sp, t1 - t0, sc, kc, er }'
	done
done
