// SPDX-License-Identifier: MIT
/*
 * The simple core rules (spec/rules-core.md 3.1, 3.7-3.10): ASSUME, REFL,
 * SYMM, TRANS, CONG and the TRUE/FALSE introductions and eliminations.
 * Parameters that are expression ids were validated by the driver.
 */
#include "checker/checker.h"

static int want(struct bcf_checker *c, unsigned np, unsigned want_np, unsigned nparams,
		unsigned want_nparams)
{
	if (np != want_np)
		return ckr_fail(c, -EINVAL, "takes %u premise%s, has %u", want_np,
				want_np == 1 ? "" : "s", np);
	if (nparams != want_nparams)
		return ckr_fail(c, -EINVAL, "takes %u parameter%s, has %u", want_nparams,
				want_nparams == 1 ? "" : "s", nparams);
	return 0;
}

/* The premise fact as an equality, or NULL (reason recorded). */
static const struct bcf_expr *eq_premise(struct bcf_checker *c, uint32_t fact, unsigned i)
{
	const struct bcf_expr *e = ckr_expr(c, fact);

	if (!e || e->code != BCF_BOOL_EQ) {
		ckr_fail(c, -EINVAL, "premise %u is not an equality", i);
		return NULL;
	}
	return e;
}

/* Build a node and let the caller's reference on each argument go. */
static int build_eq_put(struct bcf_checker *c, uint32_t a, uint32_t b, uint32_t *id)
{
	int err = ckr_eq(c, a, b, id);

	ckr_put(c, a);
	ckr_put(c, b);
	return err;
}

int rule_ASSUME(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *e;
	int err = want(c, np, 0, nparams, 1);

	if (err)
		return err;
	e = ckr_expr(c, params[0]);
	if (!e || !bcf_is_bool(e))
		return ckr_fail(c, -EINVAL, "assumption %u is not boolean", params[0]);
	*concl = params[0];
	ckr_get(c, *concl);
	return 0;
}

int rule_REFL(struct bcf_checker *c, const uint32_t *prem, unsigned np,
	      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	int err = want(c, np, 0, nparams, 1);

	if (err)
		return err;
	return ckr_eq(c, params[0], params[0], concl);
}

int rule_SYMM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
	      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p, *q;
	uint32_t eq;
	int err = want(c, np, 1, nparams, 0);

	if (err)
		return err;
	p = ckr_expr(c, prem[0]);
	if (p->code != BCF_BOOL_NOT) {
		if (p->code != BCF_BOOL_EQ)
			return ckr_fail(c, -EINVAL, "premise is neither (= A B) nor (not (= A B))");
		return ckr_eq(c, p->args[1], p->args[0], concl);
	}
	q = ckr_expr(c, p->args[0]);
	if (q->code != BCF_BOOL_EQ)
		return ckr_fail(c, -EINVAL, "premise (not X) where X is not an equality");
	err = ckr_eq(c, q->args[1], q->args[0], &eq);
	if (err)
		return err;
	err = ckr_not(c, eq, concl);
	ckr_put(c, eq);
	return err;
}

int rule_TRANS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
	       const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *prev = NULL, *cur;
	unsigned i;
	int eq;

	if (!np)
		return ckr_fail(c, -EINVAL, "takes at least one premise");
	if (nparams)
		return ckr_fail(c, -EINVAL, "takes no parameters, has %u", nparams);
	for (i = 0; i < np; i++) {
		cur = eq_premise(c, prem[i], i);
		if (!cur)
			return -EINVAL;
		if (prev) {
			eq = ckr_equal(c, cur->args[0], prev->args[1]);
			if (eq < 0)
				return ckr_fail(c, eq, "comparison of premises %u and %u too deep",
						i - 1, i);
			if (!eq)
				return ckr_fail(c, -EINVAL,
						"left side of premise %u differs from the right side "
						"of premise %u", i, i - 1);
		}
		prev = cur;
	}
	return ckr_eq(c, ckr_expr(c, prem[0])->args[0], prev->args[1], concl);
}

int rule_CONG(struct bcf_checker *c, const uint32_t *prem, unsigned np,
	      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	uint32_t lhs_args[256], rhs_args[256], word, lhs, rhs;
	uint8_t code, vlen;
	uint16_t op_params;
	const char *why;
	unsigned i;
	int err;

	if (!np)
		return ckr_fail(c, -EINVAL, "takes at least one premise");
	if (nparams != 1)
		return ckr_fail(c, -EINVAL, "takes exactly one parameter, has %u", nparams);
	word = params[0];
	code = word & 0xff;
	vlen = word >> 8 & 0xff;
	op_params = word >> 16;
	for (i = 0; i < np; i++) {
		const struct bcf_expr *e = eq_premise(c, prem[i], i);

		if (!e)
			return -EINVAL;
		lhs_args[i] = e->args[0];
		rhs_args[i] = e->args[1];
	}
	if (vlen > np)
		return ckr_fail(c, -EINVAL, "operator word 0x%08x takes %u arguments, only %u "
				"premises", word, vlen, np);
	if (ckr_strict(c)) {
		if (vlen != np)
			return ckr_fail(c, -EINVAL, "operator word 0x%08x takes %u arguments, "
					"%u premises given (strict)", word, vlen, np);
		if (code == BCF_BV_VAL || !vlen)
			return ckr_fail(c, -EINVAL, "operator word 0x%08x is a constant or "
					"nullary operator (strict)", word);
	}
	err = ckr_new(c, code, vlen, op_params, lhs_args, &lhs);
	if (err)
		return err;
	err = ckr_typecheck(c, lhs, &why);
	if (err) {
		ckr_put(c, lhs);
		return ckr_fail(c, err, "operator word 0x%08x applied to the left sides: %s",
				word, why);
	}
	err = ckr_new(c, code, vlen, op_params, rhs_args, &rhs);
	if (err) {
		ckr_put(c, lhs);
		return err;
	}
	if (ckr_strict(c)) {
		err = ckr_typecheck(c, rhs, &why);
		if (err) {
			ckr_put(c, lhs);
			ckr_put(c, rhs);
			return ckr_fail(c, err, "operator word 0x%08x applied to the right "
					"sides: %s (strict)", word, why);
		}
	}
	return build_eq_put(c, lhs, rhs, concl);
}

int rule_TRUE_INTRO(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	int err = want(c, np, 1, nparams, 0);

	if (err)
		return err;
	return ckr_eq(c, prem[0], c->true_id, concl);
}

/* (= A K) with K structurally equal to the constant k: A, else NULL. */
static int eq_const_lhs(struct bcf_checker *c, uint32_t fact, uint32_t k, const char *name,
			uint32_t *a)
{
	const struct bcf_expr *e = eq_premise(c, fact, 0);
	int eq;

	if (!e)
		return -EINVAL;
	eq = ckr_equal(c, e->args[1], k);
	if (eq < 0)
		return ckr_fail(c, eq, "comparison too deep");
	if (!eq)
		return ckr_fail(c, -EINVAL, "premise is not (= A %s)", name);
	*a = e->args[0];
	return 0;
}

int rule_TRUE_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		   const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	int err = want(c, np, 1, nparams, 0);

	if (!err)
		err = eq_const_lhs(c, prem[0], c->true_id, "true", concl);
	if (err)
		return err;
	ckr_get(c, *concl);
	return 0;
}

int rule_FALSE_INTRO(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p;
	int err = want(c, np, 1, nparams, 0);

	if (err)
		return err;
	p = ckr_expr(c, prem[0]);
	if (p->code != BCF_BOOL_NOT)
		return ckr_fail(c, -EINVAL, "premise is not a negation");
	return ckr_eq(c, p->args[0], c->false_id, concl);
}

int rule_FALSE_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	uint32_t a;
	int err = want(c, np, 1, nparams, 0);

	if (!err)
		err = eq_const_lhs(c, prem[0], c->false_id, "false", &a);
	if (err)
		return err;
	return ckr_not(c, a, concl);
}
