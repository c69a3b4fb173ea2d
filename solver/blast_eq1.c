// SPDX-License-Identifier: MIT
/*
 * 1-bit equalities with kernel-checked steps only.  BITBLAST of `=` wants a
 * conjunction of one bit equality per bit, and a conjunction has at least
 * two arguments, so a 1-bit (= x y) is first turned into a comparison that
 * BITBLAST accepts (spec/rules-bv.md 2.5, rules-core.md 5):
 *
 *   (= x #0)                 (bvult x #1)                      SYMM of REWRITE 139
 *   (= (extract[i:i] v) y)   (= v (concat (extract v) y (extract v)))  REWRITE 58/59/60
 *                            when v has at most EQ1_EXTRACT_MAX bits
 *   (= x y)                  (= K (concat (extract[1:1] K) y)), K = (concat x x):
 *                            x = (extract[0:0] K)               SYMM of REWRITE 54 + 53
 *                            CONG over =, REWRITE 59 BV_EQ_EXTRACT_ELIM2
 *
 * REWRITE 2 (EQ_SYMM) puts the constant or the extract on the left first.
 * The 2-bit equality of the last route has the circuit
 * (and (x0 = x0) (x0 = y0)); the extract route's circuit compares v with
 * itself except at bit i (a 64-bit v takes the 2-bit route instead).
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

/*
 * Up to this width the extract route: on the shared vectors with 1-bit
 * equalities (ext_con_004_004_0016, simple_processors_002_002_0008) 32 gave
 * 39.6 + 286.9 KB of proof, 16 gave 49.8 + 386.5 KB (the full equality of a
 * 17-bit variable helps the SAT search); on a 64-bit term the lift is
 * smaller (5.0 against 10.4 KB on a small puzzle).
 */
#define EQ1_EXTRACT_MAX 32

static bool is_val(struct blaster *bl, uint32_t id, int v)
{
	const struct bcf_expr *e = bl_expr(bl, id);

	return e->code == BCF_BV_VAL && (v < 0 || bcf_expr__bv_value(e) == (uint64_t)v);
}

/* extract[i:i] of a term of 2..EQ1_EXTRACT_MAX bits */
static bool narrow_extract(struct blaster *bl, uint32_t id)
{
	const struct bcf_expr *e = bl_expr(bl, id);
	unsigned w;

	if (e->code != BCF_BV_EXTRACT)
		return false;
	w = bl_width(bl, e->args[0]);
	return w >= 2 && w <= EQ1_EXTRACT_MAX;
}

/* (= (= x y) (= y x)) by REWRITE 2 */
static int eq_symm(struct blaster *bl, uint32_t x, uint32_t y)
{
	uint32_t v[2] = { x, y };

	return bl_rewrite(bl, 2, NULL, 0, v, 2);
}

/* (= (= x #0:1) (bvult x #1:1)) */
static int eq_zero(struct blaster *bl, uint32_t x)
{
	uint32_t v[2] = { x, 0 };
	int r, err = bl_i32(bl, bl_width(bl, x), &v[1]);

	if (err)
		return err;
	r = bl_rewrite(bl, 139, NULL, 0, v, 2); /* (= (bvult x #1) (= x #0)) */
	return r < 0 ? r : bl_symm(bl, r);
}

/* (= (= (extract[i:i] v) y) (= v (concat ...))) by REWRITE 58, 59 or 60 */
static int eq_extract(struct blaster *bl, uint32_t x, uint32_t y)
{
	const struct bcf_expr *e = bl_expr(bl, x);
	uint32_t v = e->args[0], vars[7], sz, one, zero, top, a;
	unsigned i = BCF_EXPR_LOW(e->params), w = bl_width(bl, v);
	int prem[5], err;

	vars[0] = v;
	vars[1] = y;
	if ((err = bl_bvsize(bl, v, &sz)) || (err = bl_i32(bl, 1, &one)) ||
	    (err = bl_i32(bl, 0, &zero)) || (err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &top)))
		return err;
	if (i == 0) {
		/* v2 = #0, v3 = w-1, v4 = 1:
		 * (= v3 (bvsub (bvsize v0) #1)) (= v4 (bvadd v2 #1)) (bvsgt v3 v2) */
		if ((err = bl_i32(bl, 0, &vars[2])) || (err = bl_i32(bl, w - 1, &vars[3])) ||
		    (err = bl_i32(bl, 1, &vars[4])) ||
		    (err = bl_mk2(bl, BCF_BV_ADD, 32, vars[2], one, &a)))
			return err;
		prem[0] = bl_cond_eq(bl, vars[3], top);
		prem[1] = prem[0] < 0 ? prem[0] : bl_cond_eq(bl, vars[4], a);
		prem[2] = prem[1] < 0 ? prem[1] : bl_cond_op(bl, BCF_BOOL_SGT, vars[3], vars[2]);
		return prem[2] < 0 ? prem[2] : bl_rewrite(bl, 59, prem, 3, vars, 5);
	}
	if (i == w - 1) {
		/* v2 = i, v3 = w-1, v4 = i-1:
		 * (= v3 (bvsub (bvsize v0) #1)) (= v4 (bvsub v2 #1)) (bvsgt v2 #0) */
		if ((err = bl_i32(bl, i, &vars[2])) || (err = bl_i32(bl, w - 1, &vars[3])) ||
		    (err = bl_i32(bl, i - 1, &vars[4])) ||
		    (err = bl_mk2(bl, BCF_BV_SUB, 32, vars[2], one, &a)))
			return err;
		prem[0] = bl_cond_eq(bl, vars[3], top);
		prem[1] = prem[0] < 0 ? prem[0] : bl_cond_eq(bl, vars[4], a);
		prem[2] = prem[1] < 0 ? prem[1] : bl_cond_op(bl, BCF_BOOL_SGT, vars[2], zero);
		return prem[2] < 0 ? prem[2] : bl_rewrite(bl, 60, prem, 3, vars, 5);
	}
	/* v2 = lo = i, v3 = hi = i, v4 = w-1, v5 = i+1, v6 = i-1:
	 * (= v4 (bvsub (bvsize v0) #1)) (= v5 (bvadd v3 #1)) (= v6 (bvsub v2 #1))
	 * (bvsgt v4 v3) (bvsgt v2 #0) */
	if ((err = bl_i32(bl, i, &vars[2])) || (err = bl_i32(bl, w - 1, &vars[4])) ||
	    (err = bl_i32(bl, i + 1, &vars[5])) || (err = bl_i32(bl, i - 1, &vars[6])) ||
	    (err = bl_mk2(bl, BCF_BV_ADD, 32, vars[2], one, &a)))
		return err;
	vars[3] = vars[2];
	prem[0] = bl_cond_eq(bl, vars[4], top);
	prem[1] = prem[0] < 0 ? prem[0] : bl_cond_eq(bl, vars[5], a);
	if (prem[1] < 0)
		return prem[1];
	err = bl_mk2(bl, BCF_BV_SUB, 32, vars[2], one, &a);
	if (err)
		return err;
	prem[2] = bl_cond_eq(bl, vars[6], a);
	prem[3] = prem[2] < 0 ? prem[2] : bl_cond_op(bl, BCF_BOOL_SGT, vars[4], vars[3]);
	prem[4] = prem[3] < 0 ? prem[3] : bl_cond_op(bl, BCF_BOOL_SGT, vars[2], zero);
	return prem[4] < 0 ? prem[4] : bl_rewrite(bl, 58, prem, 5, vars, 7);
}

/* (= (= x y) (= K (concat (extract[1:1] K) y))) with K = (concat x x) */
static int eq_lift(struct blaster *bl, uint32_t atom, uint32_t x, uint32_t y)
{
	uint32_t k, v[5], zero, sz, le;
	int p[2], s, r, err;

	if ((err = bl_mk2(bl, BCF_BV_CONCAT, 2, x, x, &k)) || (err = bl_i32(bl, 0, &zero)) ||
	    (err = bl_bvsize(bl, x, &sz)) || (err = bl_list(bl, NULL, 0, &le)))
		return err;
	/* REWRITE 54 BV_EXTRACT_CONCAT_1, v0 = x, v1 = [], v2 = x, v3 = v4 = #0:
	 * (= (extract[0:0] (concat x x)) (extract[0:0] x)), (bvsle v4 (bvsize v0)) */
	v[0] = x;
	v[1] = le;
	v[2] = x;
	v[3] = zero;
	v[4] = zero;
	s = bl_cond_op(bl, BCF_BOOL_SLE, zero, sz);
	r = s < 0 ? s : bl_rewrite(bl, 54, &s, 1, v, 5);
	if (r < 0)
		return r;
	s = bl_extract_whole(bl, x);                 /* (= (extract[0:0] x) x) */
	p[0] = r;
	p[1] = s;
	s = s < 0 ? s : bl_trans(bl, p, 2);          /* (= (extract[0:0] K) x) */
	p[0] = s < 0 ? s : bl_symm(bl, s);
	p[1] = p[0] < 0 ? p[0] : bl_refl(bl, y);
	s = p[1] < 0 ? p[1] : bl_cong(bl, atom, p, 2); /* (= (= x y) (= (extract[0:0] K) y)) */
	if (s < 0)
		return s;
	/* REWRITE 59 BV_EQ_EXTRACT_ELIM2, v0 = K, v1 = y, v2 = #0, v3 = v4 = #1:
	 * (= v3 (bvsub (bvsize v0) #1)) (= v4 (bvadd v2 #1)) (bvsgt v3 v2) */
	{
		uint32_t w[5], one, ksz, top, a;
		int prem[3];

		w[0] = k;
		w[1] = y;
		w[2] = zero;
		if ((err = bl_i32(bl, 1, &one)) || (err = bl_bvsize(bl, k, &ksz)) ||
		    (err = bl_mk2(bl, BCF_BV_SUB, 32, ksz, one, &top)) ||
		    (err = bl_mk2(bl, BCF_BV_ADD, 32, zero, one, &a)))
			return err;
		w[3] = one;
		w[4] = one;
		prem[0] = bl_cond_eq(bl, one, top);
		prem[1] = prem[0] < 0 ? prem[0] : bl_cond_eq(bl, one, a);
		prem[2] = prem[1] < 0 ? prem[1] : bl_cond_op(bl, BCF_BOOL_SGT, one, zero);
		r = prem[2] < 0 ? prem[2] : bl_rewrite(bl, 59, prem, 3, w, 5);
	}
	return r < 0 ? r : bl_trans2(bl, s, r);
}

int bl_route_eq1(struct blaster *bl, uint32_t atom)
{
	const struct bcf_expr *e = bl_expr(bl, atom);
	uint32_t x = e->args[0], y = e->args[1];
	bool zero = is_val(bl, x, 0) || is_val(bl, y, 0);
	int sw = -1, r;

	/* (= v #0), else the narrow extract on the left (REWRITE 2) */
	if (zero ? is_val(bl, x, 0) : (!narrow_extract(bl, x) && narrow_extract(bl, y))) {
		sw = eq_symm(bl, x, y);
		if (sw < 0)
			return sw;
		atom = bl_rhs(bl, sw);
		x = y;
		y = bl_expr(bl, atom)->args[1];
	}
	if (zero)
		r = eq_zero(bl, x);
	else if (narrow_extract(bl, x))
		r = eq_extract(bl, x, y);
	else
		r = eq_lift(bl, atom, x, y);
	if (r < 0 || sw < 0)
		return r;
	return bl_trans2(bl, sw, r);
}
