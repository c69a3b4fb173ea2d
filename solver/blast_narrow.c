// SPDX-License-Identifier: MIT
/*
 * Narrowing unsigned comparisons of a zero-extended term with a constant
 * that fits the narrow width (smaller circuits):
 *   (bvult (zero_extend n x) c) = (bvult x (extract[w-1:0] c))   REWRITE 146
 *   (bvult c (zero_extend n x)) = (bvult (extract[w-1:0] c) x)   REWRITE 147
 * bvule goes through REWRITE 92 (= (not (bvult b a))) when the swapped
 * bvult narrows.  Side conditions are EVALUATEd on static copies; the
 * second one, c = (zero_extend n (extract[w-1:0] c)), is what says that c
 * fits.
 */
#include "solver/blast_int.h"

/* Is e (zero_extend n x) and c a constant < 2^32 that fits x's width? */
static bool fits(struct blaster *bl, uint32_t z, uint32_t c)
{
	const struct bcf_expr *ze = bl_expr(bl, z), *ce = bl_expr(bl, c);
	unsigned w;
	uint64_t v;

	if (ze->code != BCF_BV_ZERO_EXTEND || ce->code != BCF_BV_VAL)
		return false;
	w = bl_width(bl, ze->args[0]);
	v = bcf_expr__bv_value(ce);
	return v < 0x100000000ull && (w >= 64 || v >> w == 0);
}

/* ult with a zero-extended side and a fitting constant? */
bool bl_narrowable(struct blaster *bl, uint32_t a, uint32_t b)
{
	return fits(bl, a, b) || fits(bl, b, a);
}

/* (= (bvult a b) (bvult a' b')) by REWRITE 146 / 147 */
int bl_route_narrow(struct blaster *bl, uint32_t atom)
{
	const struct bcf_expr *e = bl_expr(bl, atom);
	uint32_t a = e->args[0], b = e->args[1], z, c, x, v[5], sz, one, s1, ext, zx, eq;
	bool left = fits(bl, a, b);
	unsigned n, w;
	int prem[2], err;

	z = left ? a : b;
	c = left ? b : a;
	e = bl_expr(bl, z);
	x = e->args[0];
	n = BCF_EXPR_HIGH(e->params);
	w = bl_width(bl, x);
	v[0] = x;
	if ((err = bl_i32(bl, n, &v[1])) ||
	    (err = bl_i32(bl, (uint32_t)bcf_expr__bv_value(bl_expr(bl, c)), &v[2])) ||
	    (err = bl_i32(bl, w + n, &v[3])) || (err = bl_i32(bl, w - 1, &v[4])) ||
	    (err = bl_bvsize(bl, x, &sz)) || (err = bl_i32(bl, 1, &one)) ||
	    (err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &s1)))
		return err;
	/* (= v4 (bvsub (bvsize v0) #1)) */
	prem[0] = bl_cond_eq(bl, v[4], s1);
	if (prem[0] < 0)
		return prem[0];
	/* (= c ((_ zero_extend v1) ((_ extract v4 #0) c))) */
	if ((err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(w - 1, 0), &c, 1, &ext)) ||
	    (err = bl_mk(bl, BCF_BV_ZERO_EXTEND, BCF_EXPR_PARAMS(n, w + n), &ext, 1, &zx)) ||
	    (err = bl_mk2(bl, BCF_BOOL_EQ, 0, c, zx, &eq)))
		return err;
	prem[1] = bl_cond(bl, eq);
	if (prem[1] < 0)
		return prem[1];
	return bl_rewrite(bl, left ? 146 : 147, prem, 2, v, 5);
}
