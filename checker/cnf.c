// SPDX-License-Identifier: MIT
/*
 * CNF / Tseitin axioms, boolean rules 21..33 (rules-bool.md 5).  No
 * premises; the first parameter F is a static expression id whose code
 * byte selects the shape, the second (if any) a raw selector word.
 *
 * Strict mode rejects the unsound quirks the kernel accepts: an XOR of
 * more than two arguments (Q7), and EQ / ITE rules over bitvector nodes
 * that would build ill-typed clauses (Q8; ITE_EQ stays accepted, its
 * result is well typed).
 */
#include <string.h>

#include "checker/rules_bool.h"

/* Check counts and fetch F = params[0] with code `code` (0: ITE-shaped). */
static const struct bcf_expr *formula(struct bcf_checker *c, const char *rule, unsigned np,
				      const uint32_t *params, unsigned nparams,
				      unsigned want_params, uint8_t code, int *err)
{
	const struct bcf_expr *f;
	bool is_bv;

	*err = -EINVAL;
	if (np != 0 || nparams != want_params) {
		ckr_fail(c, -EINVAL, "%s: %u premises and %u parameters (want 0 and %u)", rule,
			 np, nparams, want_params);
		return NULL;
	}
	if (!ckr_is_static(c, params[0])) {
		ckr_fail(c, -EINVAL, "%s: @%u is not a static expression id", rule, params[0]);
		return NULL;
	}
	f = ckr_expr(c, params[0]);
	if (code) {
		if (f->code != code) {
			ckr_fail(c, -EINVAL, "%s: @%u has the wrong shape", rule, params[0]);
			return NULL;
		}
	} else if (!bool_ite_shaped(c, f, &is_bv)) {
		ckr_fail(c, -EINVAL, "%s: @%u is not an ITE with a bool condition", rule,
			 params[0]);
		return NULL;
	}
	if (want_params == 2) {
		uint32_t max = code == 0 ? 2 : code == BCF_BOOL_CONJ || code == BCF_BOOL_DISJ
						       ? f->vlen - 1u : 1;

		if (params[1] > max) {
			ckr_fail(c, -EINVAL, "%s: selector %u out of range 0..%u", rule,
				 params[1], max);
			return NULL;
		}
	}
	if (!ckr_strict(c)) {
		*err = 0;
		return f;
	}
	if (code == BCF_BOOL_XOR && f->vlen != 2) {
		ckr_fail(c, -EINVAL,
			 "%s: XOR of %u arguments (only binary XOR is sound; accepted in "
			 "kernel-compat mode)", rule, f->vlen);
		return NULL;
	}
	if (code == BCF_BOOL_EQ && !bool_eq_args_bool(c, f)) {
		ckr_fail(c, -EINVAL,
			 "%s: equality over bitvectors would build an ill-typed clause "
			 "(accepted in kernel-compat mode)", rule);
		return NULL;
	}
	if (code == 0 && is_bv && strcmp(rule, "ITE_EQ")) {
		ckr_fail(c, -EINVAL,
			 "%s: bitvector ITE would build an ill-typed clause (accepted in "
			 "kernel-compat mode)", rule);
		return NULL;
	}
	*err = 0;
	return f;
}

#define GET_F(rule, nwant, code)                                                       \
	int err;                                                                       \
	const struct bcf_expr *f = formula(c, rule, np, params, nparams, nwant, code, &err); \
	const uint32_t F = f ? params[0] : 0; /* no read when nparams was wrong */      \
	if (!f)                                                                        \
		return err;

int rule_CNF_AND_POS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_AND_POS", 2, BCF_BOOL_CONJ);
	return bool_clause2(c, F, true, f->args[params[1]], false, concl);
}

/* DISJ(F or NOT F, then every argument of F, all negated or none). */
static int head_and_args(struct bcf_checker *c, const char *rule, uint32_t F,
			 const struct bcf_expr *f, bool neg_head, bool neg_args, uint32_t *concl)
{
	uint32_t ids[255];
	uint8_t neg[255];
	unsigned i;

	if (f->vlen >= 255)
		return ckr_fail(c, -E2BIG, "%s: @%u has %u arguments (max 254)", rule, F,
				f->vlen);
	ids[0] = F;
	neg[0] = neg_head;
	for (i = 0; i < f->vlen; i++) {
		ids[i + 1] = f->args[i];
		neg[i + 1] = neg_args;
	}
	return bool_clause(c, ids, neg, f->vlen + 1, concl);
}

int rule_CNF_AND_NEG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_AND_NEG", 1, BCF_BOOL_CONJ);
	return head_and_args(c, "CNF_AND_NEG", F, f, false, true, concl);
}

int rule_CNF_OR_POS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_OR_POS", 1, BCF_BOOL_DISJ);
	return head_and_args(c, "CNF_OR_POS", F, f, true, false, concl);
}

int rule_CNF_OR_NEG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_OR_NEG", 2, BCF_BOOL_DISJ);
	return bool_clause2(c, F, false, f->args[params[1]], true, concl);
}

int rule_CNF_IMPLIES_POS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
			 const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_IMPLIES_POS", 1, BCF_BOOL_IMPLIES);
	return bool_clause3(c, F, true, f->args[0], true, f->args[1], false, concl);
}

int rule_CNF_IMPLIES_NEG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
			 const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_IMPLIES_NEG", 2, BCF_BOOL_IMPLIES);
	/* 0: F or A; 1: F or (not B) */
	if (params[1] == 0)
		return bool_clause2(c, F, false, f->args[0], false, concl);
	return bool_clause2(c, F, false, f->args[1], true, concl);
}

int rule_CNF_EQUIV_POS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		       const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_EQUIV_POS", 2, BCF_BOOL_EQ);
	/* 0: (not F) or (not A) or B; 1: (not F) or A or (not B) */
	return bool_clause3(c, F, true, f->args[0], params[1] == 0, f->args[1], params[1] == 1,
			    concl);
}

int rule_CNF_EQUIV_NEG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		       const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	bool n;

	GET_F("CNF_EQUIV_NEG", 2, BCF_BOOL_EQ);
	/* 0: F or A or B; 1: F or (not A) or (not B) */
	n = params[1] == 1;
	return bool_clause3(c, F, false, f->args[0], n, f->args[1], n, concl);
}

int rule_CNF_XOR_POS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	bool n;

	GET_F("CNF_XOR_POS", 2, BCF_BOOL_XOR);
	/* 0: (not F) or A or B; 1: (not F) or (not A) or (not B) */
	n = params[1] == 1;
	return bool_clause3(c, F, true, f->args[0], n, f->args[1], n, concl);
}

int rule_CNF_XOR_NEG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_XOR_NEG", 2, BCF_BOOL_XOR);
	/* 0: F or (not A) or B; 1: F or A or (not B) */
	return bool_clause3(c, F, false, f->args[0], params[1] == 0, f->args[1], params[1] == 1,
			    concl);
}

int rule_CNF_ITE_POS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_ITE_POS", 2, 0);
	/* 0: (not F) or (not C) or A; 1: (not F) or C or B; 2: (not F) or A or B */
	switch (params[1]) {
	case 0:
		return bool_clause3(c, F, true, f->args[0], true, f->args[1], false, concl);
	case 1:
		return bool_clause3(c, F, true, f->args[0], false, f->args[2], false, concl);
	default:
		return bool_clause3(c, F, true, f->args[1], false, f->args[2], false, concl);
	}
}

int rule_CNF_ITE_NEG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	GET_F("CNF_ITE_NEG", 2, 0);
	/* 0: F or (not C) or (not A); 1: F or C or (not B); 2: F or (not A) or (not B) */
	switch (params[1]) {
	case 0:
		return bool_clause3(c, F, false, f->args[0], true, f->args[1], true, concl);
	case 1:
		return bool_clause3(c, F, false, f->args[0], false, f->args[2], true, concl);
	default:
		return bool_clause3(c, F, false, f->args[1], true, f->args[2], true, concl);
	}
}

int rule_ITE_EQ(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	uint32_t args[3];

	GET_F("ITE_EQ", 1, 0);
	/* ITE(C, EQ(F, A), EQ(F, B)) as a bool ITE */
	args[0] = f->args[0];
	err = ckr_eq(c, F, f->args[1], &args[1]);
	if (err)
		return err;
	err = ckr_eq(c, F, f->args[2], &args[2]);
	if (err) {
		ckr_put(c, args[1]);
		return err;
	}
	err = ckr_new(c, BCF_BOOL_ITE, 3, 0, args, concl);
	ckr_put(c, args[1]);
	ckr_put(c, args[2]);
	return err;
}
