// SPDX-License-Identifier: MIT
/*
 * ABSORB (spec/rules-core.md 3.5): (= r z) where z is the zero (absorbing)
 * element of r's operator and occurs in r, possibly below nested nodes of
 * the same operator: (and p false) = false, (bvor x (bvor y #xff)) = #xff.
 *
 * The walk descends only through nodes with r's code byte.  Upstream's
 * walk stack holds 64 entries but is bounded at 128 (memory bug); we
 * reject more than 63 nested levels in both modes (spec 6.4).
 */
#include "checker/checker.h"

#define ABSORB_DEPTH_MAX 63 /* nested same-code levels, root included */

/* Is x the zero element of the operator of r (code, width w)? */
static bool absorb_zero(const struct bcf_checker *c, uint8_t code, unsigned w, uint32_t x)
{
	const struct bcf_expr *xe = ckr_expr(c, x);

	if (!xe)
		return false;
	switch (code) {
	case BCF_BOOL_DISJ:
		return ckr_is_true(c, x);
	case BCF_BOOL_CONJ:
		return ckr_is_false(c, x);
	case BCF_BV_AND:
		return xe->code == BCF_BV_VAL && bcf_expr__bv_value(xe) == 0;
	case BCF_BV_OR:
		return xe->code == BCF_BV_VAL && w <= 64 && bcf_expr__bv_value(xe) == bcf_mask(w);
	default:
		return false;
	}
}

int rule_ABSORB(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	struct {
		uint32_t id;
		unsigned next;
	} stack[ABSORB_DEPTH_MAX];
	const struct bcf_expr *q, *re;
	uint32_t r, z;
	unsigned depth = 0, w;

	if (np != 0 || nparams != 1)
		return ckr_fail(c, -EINVAL, "ABSORB takes no premise and one parameter");
	if (!ckr_is_static(c, params[0]))
		return ckr_fail(c, -EINVAL, "ABSORB: %u is not a static expression id", params[0]);
	q = ckr_expr(c, params[0]);
	if (q->code != BCF_BOOL_EQ || q->vlen != 2)
		return ckr_fail(c, -EINVAL, "ABSORB: expression %u is not an equality", params[0]);
	r = q->args[0];
	z = q->args[1];
	re = ckr_expr(c, r);
	if (!re)
		return ckr_fail(c, -EINVAL, "ABSORB: %u is not a live expression", r);
	switch (re->code) {
	case BCF_BOOL_DISJ:
	case BCF_BOOL_CONJ:
	case BCF_BV_AND:
	case BCF_BV_OR:
		break;
	default:
		return ckr_fail(c, -EINVAL, "ABSORB: operator %#x of %u has no zero element",
				re->code, r);
	}
	w = bcf_is_bv(re) ? bcf_expr__width(re) : 0;
	if (!absorb_zero(c, re->code, w, z))
		return ckr_fail(c, -EINVAL, "ABSORB: %u is not the zero element of %u's operator", z,
				r);
	if (absorb_zero(c, re->code, w, r))
		goto accept;
	stack[depth].id = r;
	stack[depth++].next = 0;
	while (depth) {
		const struct bcf_expr *e = ckr_expr(c, stack[depth - 1].id), *xe;
		uint32_t x;

		if (stack[depth - 1].next >= e->vlen) {
			depth--;
			continue;
		}
		x = e->args[stack[depth - 1].next++];
		if (absorb_zero(c, re->code, w, x))
			goto accept;
		xe = ckr_expr(c, x);
		if (!xe || xe->code != re->code)
			continue;
		if (depth == ABSORB_DEPTH_MAX)
			return ckr_fail(c, -E2BIG, "ABSORB: more than %u nested levels below %u",
					ABSORB_DEPTH_MAX, r);
		stack[depth].id = x;
		stack[depth++].next = 0;
	}
	return ckr_fail(c, -EINVAL, "ABSORB: %u does not contain the zero element", r);
accept:
	ckr_get(c, params[0]);
	*concl = params[0];
	return 0;
}
