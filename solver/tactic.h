/* SPDX-License-Identifier: MIT */
/*
 * solver/tactic.h - word-level refutations tried before bit-blasting.
 *
 * Many conditions are refuted by a handful of word-level steps (substitute
 * variables fixed by equalities and EVALUATE, rewrite trivially false
 * atoms such as (bvult x #0)), giving proofs far smaller than a bit-level
 * refutation.  refute.c calls tactic_refute() first and falls back to
 * bit-blasting + SAT when it does not apply.
 */
#ifndef BCF_SOLVER_TACTIC_H
#define BCF_SOLVER_TACTIC_H

#include "solver/pbuild.h"

/* What a failed refutation leaves for bit-blasting. */
#define TACTIC_MAX_SOLVED 16
struct tactic_out {
	/* steps (= X c) that solved a goal equality over a product, linear
	 * in X (odd coefficient: POLY_NORM, POLY_NORM_EQ), so that the
	 * bit-level refutation gets X's value instead of inverting the
	 * product */
	int solved[TACTIC_MAX_SOLVED];
	unsigned nsolved;
};

/*
 * facts[0..n-1] are steps whose facts are the goal's (core) conjuncts.
 * Returns the index of a step concluding false (>= 0), -ENOENT when no
 * tactic applies (then *out, if given, holds what it found), or another
 * negative errno.  Steps emitted by attempts that fail are harmless:
 * pbuild_finish() trims what false does not need.
 */
int tactic_refute(struct pbuild *b, const int *facts, unsigned n, struct tactic_out *out);

#endif
