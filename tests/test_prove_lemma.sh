#!/bin/sh
# SPDX-License-Identifier: MIT
# Comparator lemmas (solver/blast_lemma.c): a signed comparison with 0 is
# the kernel's comparator chain over the low 31 bits under the sign bits,
# and a refutation that needs the chain's value walked it bit by bit
# (about 12 words a bit).  The chain against zero is now decided at word
# level by one lemma (REWRITE 128/132/127/133); when both sides are zero
# from some bit up and one is a constant, the chain's top node equals the
# narrower one's.  Each goal below (BPF range
# checks and the like, written for this test) is proven within a bound
# between its proof size before and after the lemma, and accepted in
# strict and kernel-compat mode.  TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"

# goal NAME BOUND DECLS ASSERTION
goal() {
	printf '(set-logic QF_BV)\n%s\n(assert %s)\n(check-sat)\n' "$3" "$4" >"$T/$1.smt2"
	"$BCF" import "$T/$1.smt2" -o "$T/$1.cond" >/dev/null 2>&1
	ok $? "$1: imported"
	proven_within "$1" "$T/$1.cond" "$T/$1.bcf" "$2"
}

# a masked, shifted byte plus 4 is never <= 0 (signed): ULE chain = (= x 0),
# 8,988 bytes before, 7,868 with the lemma
goal masked_sle 8300 '(declare-fun v () (_ BitVec 8))' \
	'(bvsle (bvadd (bvand (bvor (bvshl (bvand ((_ zero_extend 24) v) #x000000ff) #x00000003) #x00000002) #x0000000f) #x00000004) #x00000000)'
# a sign-extended small sum is never < 0: ULT chain against 0 = false,
# 5,640 -> 4,560
goal sext_slt 5000 '(declare-fun y () (_ BitVec 16))' \
	'(bvslt ((_ sign_extend 16) (bvadd (bvashr y #x0009) #x07bc)) #x00000000)'
# a zero-extended value is never < 0: 3,704 -> 2,612
goal zext_slt 3000 '(declare-fun y () (_ BitVec 16))' \
	'(bvslt ((_ zero_extend 16) y) #x00000000)'
# 0 <= (y & 0x7fffffff) always: ULE chain from 0 = true, 7,696 -> 3,392
goal mask_sle0 4000 '(declare-fun y () (_ BitVec 32))' \
	'(not (bvsle #x00000000 (bvand y #x7fffffff)))'
# a masked byte both <= 5 and >= 6: both sides of each comparison are zero
# from bit 3 up, so the chain's top node equals its bit-2 node (REWRITE
# 146/147 on a zero-extended view), 6,296 -> 5,556
goal masked_pair 5900 '(declare-fun v () (_ BitVec 8))' \
	'(and (bvsle (bvand ((_ zero_extend 24) v) #x00000007) #x00000005) (bvsle #x00000006 (bvand ((_ zero_extend 24) v) #x00000007)))'
echo "1..$n"
