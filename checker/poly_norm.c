// SPDX-License-Identifier: MIT
/*
 * POLY_NORM (0x4002) and POLY_NORM_EQ (0x4003), spec/rules-bv.md 5.
 *
 * The kernel trusts every well-shaped POLY_NORM (it only warns).  In
 * kernel-compat mode we do the same; in strict mode both sides must have
 * the same polynomial normal form (checker/poly.h).
 */
#include "checker/checker.h"
#include "checker/poly.h"

static int poly_norm_strict(struct bcf_checker *c, uint32_t id, const struct bcf_expr *e)
{
	const struct bcf_expr *l = ckr_expr(c, e->args[0]);
	struct poly_norm *p;
	uint32_t cl, cr;
	int err;

	if (!l)
		return ckr_fail(c, -EINVAL, "@t%u has a dangling argument", id);
	if (!bcf_is_bv(l)) {
		err = ckr_equal(c, e->args[0], e->args[1]);
		if (err == 1)
			return 0;
		return ckr_fail(c, -EINVAL,
				"@t%u: sides are not bit-vectors and not identical", id);
	}
	if (e->args[0] == e->args[1])
		return 0;
	p = poly_norm__new(ckr_lookup, c);
	if (!p)
		return -ENOMEM;
	err = poly_norm__class(p, e->args[0], &cl);
	if (!err)
		err = poly_norm__class(p, e->args[1], &cr);
	if (err) {
		ckr_fail(c, err == -ENOMEM ? err : -EINVAL, "@t%u: cannot normalise: %s",
			 id, poly_norm__why(p));
		poly_norm__free(p);
		return err == -ENOMEM ? err : -EINVAL;
	}
	poly_norm__free(p);
	if (cl != cr)
		return ckr_fail(c, -EINVAL,
				"@t%u: the sides are different polynomials", id);
	return 0;
}

int rule_POLY_NORM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		   const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *e;
	uint32_t id;
	int err;

	(void)prem;
	if (np != 0 || nparams != 1)
		return ckr_fail(c, -EINVAL, "POLY_NORM takes 0 premises and 1 parameter (got %u, %u)",
				np, nparams);
	id = params[0];
	if (!ckr_is_static(c, id))
		return ckr_fail(c, -EINVAL, "parameter %u is not a static expression id",
				id);
	e = ckr_expr(c, id);
	if (!bcf_is_bool(e))
		return ckr_fail(c, -EINVAL, "@t%u is not a bool", id);
	if (e->code != BCF_BOOL_EQ || e->vlen != 2)
		return ckr_fail(c, -EINVAL, "@t%u is not an equality", id);
	if (ckr_strict(c)) {
		err = poly_norm_strict(c, id, e);
		if (err)
			return err;
	} else {
		ckr_warn_trusted(c, "POLY_NORM");
	}
	ckr_kernel_trusted(c, BCF_RULE_POLY_NORM, id);
	ckr_get(c, id);
	*concl = id;
	return 0;
}

/* c * (a - b) with c an odd constant: *sub_args = {a, b}. */
static bool odd_times_sub(struct bcf_checker *c, uint32_t id, const uint32_t **sub_args)
{
	const struct bcf_expr *m = ckr_expr(c, id), *k, *s;

	if (!m || m->code != BCF_BV_MUL || m->vlen != 2)
		return false;
	k = ckr_expr(c, m->args[0]);
	s = ckr_expr(c, m->args[1]);
	if (!k || k->code != BCF_BV_VAL || !k->vlen || !(k->args[0] & 1))
		return false;
	if (!s || s->code != BCF_BV_SUB || s->vlen != 2)
		return false;
	*sub_args = s->args;
	return true;
}

int rule_POLY_NORM_EQ(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p;
	const uint32_t *x, *y;
	uint32_t ex, ey;
	int err;

	(void)params;
	if (np != 1 || nparams != 0)
		return ckr_fail(c, -EINVAL,
				"POLY_NORM_EQ takes 1 premise and 0 parameters (got %u, %u)", np,
				nparams);
	p = ckr_expr(c, prem[0]);
	if (!p || p->code != BCF_BOOL_EQ || p->vlen != 2)
		return ckr_fail(c, -EINVAL, "premise @t%u is not an equality",
				prem[0]);
	if (!odd_times_sub(c, p->args[0], &x) || !odd_times_sub(c, p->args[1], &y))
		return ckr_fail(c, -EINVAL,
				"premise @t%u is not (= (bvmul odd (bvsub x0 x1)) "
				"(bvmul odd (bvsub y0 y1)))", prem[0]);
	err = ckr_eq(c, x[0], x[1], &ex);
	if (err)
		return err;
	/* x may move if the store grows: re-read y from the premise */
	odd_times_sub(c, ckr_expr(c, prem[0])->args[1], &y);
	err = ckr_eq(c, y[0], y[1], &ey);
	if (err) {
		ckr_put(c, ex);
		return err;
	}
	err = ckr_eq(c, ex, ey, concl);
	ckr_put(c, ex);
	ckr_put(c, ey);
	return err;
}
