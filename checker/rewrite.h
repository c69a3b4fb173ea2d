/* SPDX-License-Identifier: MIT */
/*
 * checker/rewrite.h - the REWRITE rule's table (spec/rules-core.md 4-5).
 *
 * Each rewrite is data: its variables' sorts and three patterns (side
 * condition, left side, right side) written in a small s-expression
 * language that checker/rewrite.c compiles and instantiates:
 *
 *   term  := vN | #N | true | false | ( head term* )
 *   head  := operator | ( _ indexed-operator index-term* )
 *
 * vN is the N-th variable (bound by REWRITE parameter N+1), #N a 32-bit
 * constant ("Int").  Operators use the SMT-LIB names of rules-core.md 5
 * plus @bvsize, (bv n w), (bvones w) and bvite.  Sorts, one token per
 * variable: ? Bool BV BV1 Int BV* Bool*.
 */
#ifndef BCF_CHECKER_REWRITE_H
#define BCF_CHECKER_REWRITE_H

#include "checker/checker.h"

struct ckr_rewrite {
	const char *name;
	const char *sorts; /* space-separated, one per variable */
	const char *cond;  /* NULL: unconditional (no premises) */
	const char *lhs;
	const char *rhs;
};

/* Indexed by rewrite id; entry 0 (trusted, BCF_REWRITE_UNSPEC) is empty. */
extern const struct ckr_rewrite ckr_rewrites[__MAX_BCF_REWRITES];

/* Number of variables of rewrite rid (1..151), or -EINVAL. */
int ckr_rewrite_nvars(unsigned rid);

/*
 * Instantiate rewrite rid with the bindings binds[0..n-1] (any live ids;
 * sorts are checked).  On success *cond (UINT32_MAX when the rewrite is
 * unconditional), *lhs and *rhs each hold one reference owned by the
 * caller.  Returns 0 or a negative errno (reason in c->reason).
 */
int ckr_rewrite_instantiate(struct bcf_checker *c, unsigned rid, const uint32_t *binds,
			    unsigned n, uint32_t *cond, uint32_t *lhs, uint32_t *rhs);

/*
 * Compile a pattern over nvars variables without running it (table and
 * DSL self-checks): the instruction count, -EFAULT for a malformed pattern
 * or a variable out of range, -EOPNOTSUPP for an unknown operator.
 */
int ckr_rewrite_compile(const char *pattern, unsigned nvars);

/*
 * Evaluate a constant expression like EVALUATE does (rules-core.md 3.2).
 * *overflow is set when an add, sub or mul wrapped at its width.
 * Returns 0 or -EINVAL.
 */
int ckr_rewrite_eval(struct bcf_checker *c, uint32_t id, uint64_t *value, bool *overflow);

#endif
