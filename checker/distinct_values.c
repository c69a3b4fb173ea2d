// SPDX-License-Identifier: MIT
/*
 * DISTINCT_VALUES (spec/rules-core.md 3.3): two structurally different
 * constants of the same type are unequal.  Conclusion (not (= c0 c1)).
 *
 * Upstream also takes two list constants of the same length and element
 * type, which yields an ill-typed equality; kernel-compat mode reproduces
 * that, strict mode rejects it.
 */
#include "checker/checker.h"

static bool is_const(const struct bcf_expr *e)
{
	return e->code == BCF_BV_VAL || e->code == BCF_BOOL_VAL || e->code == BCF_LIST_VAL;
}

int rule_DISTINCT_VALUES(struct bcf_checker *c, const uint32_t *prem, unsigned np,
			 const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *x, *y;
	uint32_t eq;
	int err;

	if (np != 0 || nparams != 2)
		return ckr_fail(c, -EINVAL, "DISTINCT_VALUES takes no premise and two parameters");
	if (!ckr_is_static(c, params[0]) || !ckr_is_static(c, params[1]))
		return ckr_fail(c, -EINVAL, "DISTINCT_VALUES: parameters %u, %u must be static ids",
				params[0], params[1]);
	x = ckr_expr(c, params[0]);
	y = ckr_expr(c, params[1]);
	if (!is_const(x) || !is_const(y))
		return ckr_fail(c, -EINVAL, "DISTINCT_VALUES: %u and %u must both be constants",
				params[0], params[1]);
	if (x->code != y->code)
		return ckr_fail(c, -EINVAL, "DISTINCT_VALUES: %u and %u have different types",
				params[0], params[1]);
	if (bcf_is_bv(x) && bcf_expr__width(x) != bcf_expr__width(y))
		return ckr_fail(c, -EINVAL, "DISTINCT_VALUES: widths %u and %u differ",
				bcf_expr__width(x), bcf_expr__width(y));
	if (bcf_is_list(x)) {
		if (x->vlen != y->vlen || x->params != y->params)
			return ckr_fail(c, -EINVAL, "DISTINCT_VALUES: lists %u and %u differ in type",
					params[0], params[1]);
		if (ckr_strict(c))
			return ckr_fail(c, -EINVAL,
					"DISTINCT_VALUES: list constants %u, %u (ill-typed conclusion; "
					"strict)", params[0], params[1]);
	}
	/* anything but "different" rejects, a comparison overflow included */
	if (ckr_equal(c, params[0], params[1]) != 0)
		return ckr_fail(c, -EINVAL, "DISTINCT_VALUES: %u and %u are equal", params[0],
				params[1]);
	err = ckr_eq(c, params[0], params[1], &eq);
	if (err)
		return err;
	err = ckr_not(c, eq, concl);
	ckr_put(c, eq);
	return err;
}
