// SPDX-License-Identifier: MIT
/*
 * Shifts by a constant amount and 1-bit repeats, by checked rewrites (much
 * smaller than the guarded barrel shifter BITBLAST would need):
 *   bvshl  x k: REWRITE 104 / 105 / 106 -> x, (concat (extract x) #0), #0
 *   bvlshr x k: REWRITE 107 / 108 / 109 -> x, (concat #0 (extract x)), #0
 *   bvashr x k: REWRITE 110 / 111 / 112 -> x, (concat (repeat ..) (extract x)), (repeat ..)
 *   (repeat n (extract[w-1:w-1] y)) = (extract[w+n-1:w] (sign_extend n y))
 *       by SYMM of REWRITE 64 BV_EXTRACT_SIGN_EXTEND_3 (1-bit z: first
 *       (extract[0:0] z) = z by REWRITE 53 BV_EXTRACT_WHOLE).
 * Side conditions are proven by EVALUATE on static copies of their conjuncts.
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

static int cond2(struct blaster *bl, uint8_t code, uint32_t a, uint32_t b)
{
	uint32_t c;
	int err = bl_mk2(bl, code, 0, a, b, &c);

	return err ? err : bl_cond(bl, c);
}

int bl_route_shift(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint8_t code = e->code;
	uint32_t x = e->args[0], amt = e->args[1], v[5], sz, one, a, b;
	unsigned w = bl_width(bl, t), rid, nv, np = 0;
	const struct bcf_expr *ae = bl_expr(bl, amt);
	uint64_t k;
	int prem[3], err;

	if (ae->code != BCF_BV_VAL)
		return BL_NONE;
	k = bcf_expr__bv_value(ae);
	if (k >= 0x80000000ull)
		return BL_NONE; /* not a non-negative 32-bit Int */
	v[0] = x;
	err = bl_bvsize(bl, x, &sz);
	if (!err)
		err = bl_i32(bl, 1, &one);
	if (err)
		return err;
	if (k == 0) {
		err = bl_i32(bl, w, &v[1]);
		if (err)
			return err;
		rid = code == BCF_BV_LSH ? 104 : code == BCF_BV_RSH ? 107 : 110;
		return bl_rewrite(bl, rid, NULL, 0, v, 2);
	}
	if ((err = bl_i32(bl, k, &v[1])) || (err = bl_i32(bl, w, &v[2])))
		return err;
	if (k < w) {
		/* (bvslt v1 (bvsize v0)) */
		prem[np] = cond2(bl, BCF_BOOL_SLT, v[1], sz);
		if (prem[np++] < 0)
			return prem[np - 1];
		if (code == BCF_BV_LSH) {
			/* (= v3 (bvsub (bvsize v0) (bvadd #1 v1))) */
			err = bl_i32(bl, w - 1 - k, &v[3]);
			if (!err)
				err = bl_mk2(bl, BCF_BV_ADD, 32, one, v[1], &a);
			if (!err)
				err = bl_mk2(bl, BCF_BV_SUB, 32, sz, a, &b);
			rid = 105;
		} else {
			/* (= v3 (bvsub (bvsize v0) #1)) */
			err = bl_i32(bl, w - 1, &v[3]);
			if (!err)
				err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &b);
			rid = code == BCF_BV_RSH ? 108 : 111;
		}
		if (err)
			return err;
		prem[np] = bl_cond_eq(bl, v[3], b);
		if (prem[np++] < 0)
			return prem[np - 1];
		return bl_rewrite(bl, rid, prem, np, v, 4);
	}
	/* k >= w: (bvsge v1 (bvsize v0)) first */
	prem[np] = cond2(bl, BCF_BOOL_SGE, v[1], sz);
	if (prem[np++] < 0)
		return prem[np - 1];
	switch (code) {
	case BCF_BV_LSH:
		/* (= v3 (bvsize v0)) */
		v[3] = v[2];
		prem[np] = bl_cond_eq(bl, v[3], sz);
		if (prem[np++] < 0)
			return prem[np - 1];
		rid = 106;
		nv = 4;
		break;
	case BCF_BV_RSH:
		rid = 109;
		nv = 3;
		break;
	default:
		/* (= v3 (bvsub (bvsize v0) #1)) (= v4 (bvsize v0)) */
		err = bl_i32(bl, w - 1, &v[3]);
		if (!err)
			err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &b);
		if (err)
			return err;
		v[4] = v[2];
		prem[np] = bl_cond_eq(bl, v[3], b);
		if (prem[np++] < 0)
			return prem[np - 1];
		prem[np] = bl_cond_eq(bl, v[4], sz);
		if (prem[np++] < 0)
			return prem[np - 1];
		rid = 112;
		nv = 5;
		break;
	}
	return bl_rewrite(bl, rid, prem, np, v, nv);
}

/* (= (repeat n (extract[s:s] y)) (extract[w+n-1:w] (sign_extend n y))), s = w - 1 */
static int repeat_top_bit(struct blaster *bl, uint32_t y, unsigned n)
{
	unsigned w = bl_width(bl, y);
	uint32_t v[6], sz, one, a, b;
	int prem[3], r, err;

	if (w + n > 255)
		return bl_fail(bl, -ENOTSUP, "BITBLAST bv_repeat (sign extension beyond 255 bits)");
	v[0] = y;
	if ((err = bl_i32(bl, w, &v[1])) || (err = bl_i32(bl, w + n - 1, &v[2])) ||
	    (err = bl_i32(bl, n, &v[3])) || (err = bl_i32(bl, w - 1, &v[5])) ||
	    (err = bl_bvsize(bl, y, &sz)) || (err = bl_i32(bl, 1, &one)))
		return err;
	v[4] = v[3];
	/* (bvsge v1 (bvsize v0)) */
	prem[0] = cond2(bl, BCF_BOOL_SGE, v[1], sz);
	if (prem[0] < 0)
		return prem[0];
	/* (= v4 (bvadd #1 (bvsub v2 v1))) */
	err = bl_mk2(bl, BCF_BV_SUB, 32, v[2], v[1], &a);
	if (!err)
		err = bl_mk2(bl, BCF_BV_ADD, 32, one, a, &b);
	if (err)
		return err;
	prem[1] = bl_cond_eq(bl, v[4], b);
	if (prem[1] < 0)
		return prem[1];
	/* (= v5 (bvsub (bvsize v0) #1)) */
	err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &a);
	if (err)
		return err;
	prem[2] = bl_cond_eq(bl, v[5], a);
	if (prem[2] < 0)
		return prem[2];
	r = bl_rewrite(bl, 64, prem, 3, v, 6);
	return r < 0 ? r : bl_symm(bl, r);
}

int bl_route_repeat(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint32_t z = e->args[0], v[2], sz, one, a, ez;
	unsigned n = BCF_EXPR_HIGH(e->params);
	const struct bcf_expr *ze = bl_expr(bl, z);
	int s, c, r, err;

	if (bl_width(bl, z) != 1)
		return bl_fail(bl, -ENOTSUP, "BITBLAST bv_repeat (of more than one bit)");
	if (ze->code == BCF_BV_EXTRACT && BCF_EXPR_HIGH(ze->params) == BCF_EXPR_LOW(ze->params) &&
	    BCF_EXPR_HIGH(ze->params) + 1u == bl_width(bl, ze->args[0]))
		return repeat_top_bit(bl, ze->args[0], n);
	/* (extract[0:0] z) = z, then (repeat n z) = (repeat n (extract[0:0] z)) */
	v[0] = z;
	if ((err = bl_i32(bl, 0, &v[1])) || (err = bl_bvsize(bl, z, &sz)) ||
	    (err = bl_i32(bl, 1, &one)) || (err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &a)) ||
	    (err = bl_mk2(bl, BCF_BOOL_SGE, 0, v[1], a, &ez)))
		return err;
	c = bl_cond(bl, ez);                   /* (bvsge v1 (bvsub (bvsize v0) #1)) */
	if (c < 0)
		return c;
	r = bl_rewrite(bl, 53, &c, 1, v, 2);   /* (= (extract[0:0] z) z) */
	if (r < 0)
		return r;
	s = bl_symm(bl, r);
	if (s < 0)
		return s;
	c = bl_cong(bl, t, &s, 1);             /* (= (repeat n z) (repeat n (extract[0:0] z))) */
	if (c < 0)
		return c;
	s = repeat_top_bit(bl, z, n);
	if (s < 0)
		return s;
	return bl_trans2(bl, c, s);
}
