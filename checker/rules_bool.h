/* SPDX-License-Identifier: MIT */
/*
 * checker/rules_bool.h - helpers shared by the boolean rule families
 * (checker/resolution.c, checker/rules_bool.c, checker/cnf.c);
 * spec: rules-bool.md.
 */
#ifndef BCF_CHECKER_RULES_BOOL_H
#define BCF_CHECKER_RULES_BOOL_H

#include "checker/checker.h"

static inline uint32_t bool_hdr(const struct bcf_expr *e)
{
	return *(const uint32_t *)e;
}

/*
 * Structural equality (rules-bool.md 1.4) with cheap exits that cannot
 * change ckr_equal()'s answer: same id, different header words, NOT nodes
 * over the same argument or over arguments with different headers.
 * Returns 1, 0 or -E2BIG like ckr_equal().
 */
int bool_equal(struct bcf_checker *c, uint32_t a, uint32_t b);

/*
 * Build DISJ(l0, ..., ln-1) with l_i = ids[i], or NOT ids[i] when neg[i]
 * (neg may be NULL: nothing negated).  n >= 2.  *out holds one reference.
 */
int bool_clause(struct bcf_checker *c, const uint32_t *ids, const uint8_t *neg, unsigned n,
		uint32_t *out);

/* DISJ of two or three literals; an id's bool says "negate it". */
static inline int bool_clause2(struct bcf_checker *c, uint32_t a, bool na, uint32_t b, bool nb,
			       uint32_t *out)
{
	uint32_t ids[2] = { a, b };
	uint8_t neg[2] = { na, nb };

	return bool_clause(c, ids, neg, 2, out);
}

static inline int bool_clause3(struct bcf_checker *c, uint32_t a, bool na, uint32_t b, bool nb,
			       uint32_t d, bool nd, uint32_t *out)
{
	uint32_t ids[3] = { a, b, d };
	uint8_t neg[3] = { na, nb, nd };

	return bool_clause(c, ids, neg, 3, out);
}

/* The fact of a premise, or NULL (then the rule fails with -EFAULT). */
const struct bcf_expr *bool_fact(struct bcf_checker *c, uint32_t id);

/*
 * ITE-shaped (rules-bool.md 1.3): a bool ITE, or a bitvector ITE whose
 * condition is bool.  *is_bv tells which.
 */
bool bool_ite_shaped(struct bcf_checker *c, const struct bcf_expr *e, bool *is_bv);

/* Both arguments of an EQ node are bool (strict mode rejects the rest, Q8). */
bool bool_eq_args_bool(struct bcf_checker *c, const struct bcf_expr *e);

/* Conclude an existing id: take the caller's reference. */
static inline int bool_existing(struct bcf_checker *c, uint32_t id, uint32_t *concl)
{
	ckr_get(c, id);
	*concl = id;
	return 0;
}

#endif
