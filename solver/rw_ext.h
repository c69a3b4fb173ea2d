/* SPDX-License-Identifier: MIT */
/*
 * solver/rw_ext.h - an extension equal to a constant, at word level.
 *
 * (= ((_ sign_extend k) x) c) is REWRITE 142 BV_SIGN_EXTEND_EQ_CONST_1:
 *   (and (or (= ((_ extract w-1 n-1) c) #0:k+1)
 *            (= ((_ extract w-1 n-1) c) (bvnot #0:k+1)))
 *        (= x ((_ extract n-1 0) c)))
 * with n the width of x and w = n + k; (= c E) is REWRITE 143, with the
 * same right side.  Both conjuncts are ground but for x, so the equality is
 * decided by c's high bits and x's own value at its own width: the
 * word-level tactic (solver/tactic.c) gets a binding of x.  (The blaster
 * does not use it: an n-bit equality by this route measured larger than
 * the w-bit circuit on every shared vector it changed, the rewrite's Int
 * variables and side conditions costing more than the bits it saves.)
 *
 * A zero extension by k >= 2 is first (sign_extend k-1 (zero_extend 1 x))
 * (SYMM of REWRITE 141), so x' = (zero_extend 1 x) is what gets the value.
 * REWRITE 144/145, BV_ZERO_EXTEND_EQ_CONST_1/2, would say it directly but
 * cannot be used: their right side compares ((_ extract v5 v4) c), with v4
 * = n-1 by the side condition, k+1 bits, with (bv #0 v1), k bits, which is
 * ill-typed for every instance (docs/kernel-checker-findings.md).
 */
#ifndef BCF_SOLVER_RW_EXT_H
#define BCF_SOLVER_RW_EXT_H

#include <stdbool.h>
#include <stdint.h>

#include "solver/pbuild.h"

/*
 * Is atom (= E c) or (= c E) with E a sign extension or a zero extension
 * by 2 or more, and c a constant of at most 64 bits whose value fits in 32
 * (the rewrite names it (bv v2 v3), v2 a 32-bit Int) and is a value E can
 * take?  (When it is not, one bit of c disagrees with the extension: the
 * blaster's window, solver/blast_window.c, refutes that in fewer words.)
 */
bool rw_ext_eq_applies(struct pbuild *b, uint32_t atom);

/* (= atom R) by REWRITE 142/143 (and 141, CONG, TRANS for a zero
 * extension), side conditions EVALUATEd; -ENOENT if rw_ext_eq_applies()
 * says no, or a negative errno. */
int rw_ext_eq(struct pbuild *b, uint32_t atom);

/*
 * (= ((_ extract n-1 0) z) x) for atom (= z c) or (= c z), z = (zero_extend
 * j x), 1 <= j <= 64, c a constant of at most 64 bits that fits: the value
 * of z gives x's (the tactic's last step after REWRITE 142 left (= (zero_extend
 * 1 x) c'), or when c is too wide for REWRITE 142).  -ENOENT if atom is not
 * such an equality.
 */
int rw_zext_arg(struct pbuild *b, uint32_t atom);

#endif
