// SPDX-License-Identifier: MIT
/*
 * bvnot with kernel-checked steps only.  The kernel cannot BITBLAST bv_not
 * (kernel-checker-findings.md 6) and EVALUATE rejects it even on constants,
 * so (bvnot x) is taken apart one bit at a time (rules-core.md 5):
 *
 *   1 bit    (bvnot x) = (ite (= x #0) #1 #0)                 SYMM of REWRITE 84
 *   w bits   (extract[i:i] (bvnot x)) = (bvnot (extract[i:i] x))     REWRITE 61
 *            the extracts are put back together in a tree of concats of
 *            at most NOT_FAN arguments: REWRITE 51 merges two adjacent
 *            extracts of (bvnot x), REWRITE 53 takes the whole one, so
 *            (bvnot x) = R, a concat tree of 1-bit bvnots, each an ite whose
 *            condition (= e #0) blast_eq1.c turns into (bvult e #1)
 *   extract  (extract[h:l] (bvnot x)) = (bvnot (extract[h:l] x))     REWRITE 61
 *            (only the bits that are used), also for (bvxor x ones)
 *
 * bvxor with an all-ones constant is bvnot: REWRITE 123 at 32 bits; other
 * widths through REWRITE 65 with the term fact (= (bvnot #0) ones), which
 * bl_not_zero() proves: REWRITE 123 at 32 bits, REWRITE 142 below (its right
 * side of (= (sign_extend w-1 #1:1) ones) holds the disjunct
 * (= ones (bvnot #0)), the other one EVALUATEs to false), halves above.
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

#define NOT_FAN 4

static int extract_node(struct blaster *bl, uint32_t t, unsigned hi, unsigned lo, uint32_t *id)
{
	return bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(hi, lo), &t, 1, id);
}

/* (= (extract[h:l] (bvnot x)) (bvnot (extract[h:l] x))) by REWRITE 61 */
static int extract_not(struct blaster *bl, uint32_t x, unsigned h, unsigned l)
{
	uint32_t v[3] = { x };
	int err;

	if ((err = bl_i32(bl, l, &v[1])) || (err = bl_i32(bl, h, &v[2])))
		return err;
	return bl_rewrite(bl, 61, NULL, 0, v, 3);
}

/*
 * (= (concat L... (extract[ha:lb] t)) ...) from the concat of args cur[0..n-1]
 * whose last two are (extract[ha:hb+1] t) (extract[hb:lb] t): REWRITE 51
 * BV_CONCAT_EXTRACT_MERGE with v0 = cur[0..n-3], v2 = [].
 */
static int merge_last(struct blaster *bl, uint32_t t, const uint32_t *cur, unsigned n)
{
	const struct bcf_expr *a = bl_expr(bl, cur[n - 2]), *b = bl_expr(bl, cur[n - 1]);
	unsigned ha = BCF_EXPR_HIGH(a->params), hb = BCF_EXPR_HIGH(b->params);
	unsigned lb = BCF_EXPR_LOW(b->params);
	uint32_t v[7], one, sum;
	int c, err;

	if ((err = bl_list(bl, cur, n - 2, &v[0])) || (err = bl_list(bl, NULL, 0, &v[2])) ||
	    (err = bl_i32(bl, lb, &v[3])) || (err = bl_i32(bl, hb, &v[4])) ||
	    (err = bl_i32(bl, hb + 1, &v[5])) || (err = bl_i32(bl, ha, &v[6])) ||
	    (err = bl_i32(bl, 1, &one)) || (err = bl_mk2(bl, BCF_BV_ADD, 32, v[4], one, &sum)))
		return err;
	v[1] = t;
	c = bl_cond_eq(bl, v[5], sum);          /* (= v5 (bvadd v4 #1)) */
	return c < 0 ? c : bl_rewrite(bl, 51, &c, 1, v, 7);
}

/*
 * (= R (extract[h:l] t)), R a concat tree of the leaves (= R_i (extract[i:i] t))
 * that leaf() proves, i = h..l.  Recursion depth: log4 of the width.
 */
static int bits_range(struct blaster *bl, uint32_t t, unsigned h, unsigned l, bl_leaf_fn leaf,
		      void *ctx)
{
	unsigned n = h - l + 1, k = n < NOT_FAN ? n : NOT_FAN, j, at = h;
	uint32_t kids[NOT_FAN], cur[NOT_FAN], r;
	int p[NOT_FAN], chain[NOT_FAN + 1], s, err;

	if (n == 1)
		return leaf(bl, t, l, ctx);
	for (j = 0; j < k; j++) {
		unsigned cnt = n / k + (j < n % k ? 1 : 0);

		p[j] = bits_range(bl, t, at, at - cnt + 1, leaf, ctx);
		if (p[j] < 0)
			return p[j];
		kids[j] = bl_lhs(bl, p[j]);
		cur[j] = bl_rhs(bl, p[j]);
		at -= cnt;
	}
	err = bl_mk(bl, BCF_BV_CONCAT, n, kids, k, &r);
	if (err)
		return err;
	chain[0] = bl_cong(bl, r, p, k);        /* (= R (concat E_1 .. E_k)) */
	if (chain[0] < 0)
		return chain[0];
	for (j = k; j >= 2; j--) {
		const struct bcf_expr *e;

		s = merge_last(bl, t, cur, j);
		if (s < 0)
			return s;
		chain[k - j + 1] = s;
		e = bl_expr(bl, bl_rhs(bl, s));
		cur[j - 2] = j == 2 ? bl_rhs(bl, s) : e->args[e->vlen - 1];
	}
	return bl_trans(bl, chain, k);
}

int bl_split_bits(struct blaster *bl, uint32_t t, bl_leaf_fn leaf, void *ctx)
{
	unsigned w = bl_width(bl, t);
	int s, p[2];

	p[0] = bits_range(bl, t, w - 1, 0, leaf, ctx); /* (= R (extract[w-1:0] t)) */
	if (p[0] < 0)
		return p[0];
	p[1] = bl_extract_whole(bl, t);         /* (= (extract[w-1:0] t) t) */
	if (p[1] < 0)
		return p[1];
	s = bl_trans(bl, p, 2);
	return s < 0 ? s : bl_symm(bl, s);
}

/* leaf of (bvnot x): (= (bvnot (extract[i:i] x)) (extract[i:i] (bvnot x))) */
static int not_leaf(struct blaster *bl, uint32_t t, unsigned i, void *ctx)
{
	int s = extract_not(bl, bl_expr(bl, t)->args[0], i, i);

	(void)ctx;
	return s < 0 ? s : bl_symm(bl, s);
}

int bl_route_not(struct blaster *bl, uint32_t t)
{
	uint32_t x = bl_expr(bl, t)->args[0];
	int s;

	if (bl_width(bl, t) == 1) {
		s = bl_rewrite(bl, 84, NULL, 0, &x, 1); /* (= (ite (= x #0) #1 #0) (bvnot x)) */
		return s < 0 ? s : bl_symm(bl, s);
	}
	return bl_split_bits(bl, t, not_leaf, NULL);
}

int bl_route_extract(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned h = BCF_EXPR_HIGH(e->params), l = BCF_EXPR_LOW(e->params);
	uint32_t y = e->args[0], x;
	const struct bcf_expr *ye = bl_expr(bl, y);
	int p[3], s;

	if (ye->code == BCF_BV_NOT)
		return extract_not(bl, ye->args[0], h, l);
	if (ye->code != BCF_BV_XOR)
		return BL_NONE;
	p[0] = bl_xor_ones(bl, y);              /* (= y (bvnot x)) */
	if (p[0] < 0 || p[0] == BL_NONE)
		return p[0];
	x = bl_expr(bl, bl_rhs(bl, p[0]))->args[0];
	p[0] = bl_cong(bl, t, p, 1);            /* (= t (extract (bvnot x))) */
	if (p[0] < 0)
		return p[0];
	p[1] = extract_not(bl, x, h, l);
	if (p[1] < 0)
		return p[1];
	s = bl_trans(bl, p, 2);
	return s;
}

/* (= (bvnot #0:w) ones:w), 1 <= w < 32: REWRITE 142 BV_SIGN_EXTEND_EQ_CONST_1 */
static int not_zero_small(struct blaster *bl, unsigned w)
{
	uint32_t v[7], sz, one, a, disj, x;
	int prem[3], r, s, f, d, n, p[2], err;
	uint8_t pol = 1;

	/* v0 = #1:1, v1 = w-1, (bv v2 v3) = ones:w, v4 = w, v5 = 0, v6 = w-1:
	 * (= v4 (bvadd v1 #1)) (= v5 (bvsub (bvsize v0) #1)) (= v6 (bvsub v3 #1)) */
	if ((err = bl_const(bl, 1, 1, &v[0])) || (err = bl_i32(bl, w - 1, &v[1])) ||
	    (err = bl_i32(bl, (uint32_t)bcf_mask(w), &v[2])) || (err = bl_i32(bl, w, &v[3])) ||
	    (err = bl_i32(bl, w, &v[4])) || (err = bl_i32(bl, 0, &v[5])) ||
	    (err = bl_i32(bl, w - 1, &v[6])) || (err = bl_i32(bl, 1, &one)) ||
	    (err = bl_bvsize(bl, v[0], &sz)) || (err = bl_mk2(bl, BCF_BV_ADD, 32, v[1], one, &a)))
		return err;
	prem[0] = bl_cond_eq(bl, v[4], a);
	if (prem[0] < 0)
		return prem[0];
	if ((err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &a)))
		return err;
	prem[1] = bl_cond_eq(bl, v[5], a);
	if (prem[1] < 0)
		return prem[1];
	if ((err = bl_mk2(bl, BCF_BV_SUB, 32, v[3], one, &a)))
		return err;
	prem[2] = bl_cond_eq(bl, v[6], a);
	if (prem[2] < 0)
		return prem[2];
	/* (= (= (sign_extend w-1 #1:1) ones) (and (or (= X #0) (= X (bvnot #0))) ..)) */
	r = bl_rewrite(bl, 142, prem, 3, v, 7);
	if (r < 0)
		return r;
	s = pb_evaluate(bl->b, bl_lhs(bl, r)); /* the left side is true */
	if (s < 0)
		return bl_step_fail(bl, s, "EVALUATE");
	bl->st.evaluate++;
	s = pb_true_elim(bl->b, s);
	f = s < 0 ? s : pb_eq_resolve(bl->b, s, r);
	d = f < 0 ? f : pb_and_elim(bl->b, f, 0); /* (or (= X #0) (= X (bvnot #0))) */
	if (d < 0)
		return bl_step_fail(bl, d, "the right side of REWRITE 142");
	bl->st.other += 3;
	disj = pbuild_fact(bl->b, d);
	s = pb_evaluate(bl->b, bl_expr(bl, disj)->args[0]);    /* (= (= X #0) false) */
	n = s < 0 ? s : pbuild_step(bl->b, BCF_RULE_FALSE_ELIM, &s, 1, NULL, NULL, 0);
	p[0] = d;
	p[1] = n;
	a = bl_expr(bl, disj)->args[0];         /* the pivot (= X #0) */
	s = n < 0 ? n : pb_resolution(bl->b, p, 2, &a, &pol);
	if (s < 0)
		return bl_step_fail(bl, s, "(= X (bvnot #0)) from REWRITE 142");
	bl->st.evaluate++;
	bl->st.other += 2;
	x = bl_lhs(bl, s);                      /* (= X (bvnot #0)) */
	p[0] = pb_evaluate(bl->b, x);           /* (= X ones) */
	if (p[0] < 0)
		return bl_step_fail(bl, p[0], "EVALUATE");
	bl->st.evaluate++;
	p[0] = bl_symm(bl, p[0]);
	p[1] = s;
	s = p[0] < 0 ? p[0] : bl_trans(bl, p, 2);  /* (= ones (bvnot #0)) */
	return s < 0 ? s : bl_symm(bl, s);
}

/* (= (bvnot #0:32) ones:32): REWRITE 123 on (bvxor #0 ones), EVALUATE */
static int not_zero_32(struct blaster *bl)
{
	uint32_t v[4], zero, eq;
	int r, p[2], err;

	if ((err = bl_const(bl, 32, 0, &zero)) || (err = bl_list(bl, &zero, 1, &v[0])) ||
	    (err = bl_list(bl, NULL, 0, &v[1])) || (err = bl_const(bl, 32, 0xffffffffu, &v[2])) ||
	    (err = bl_i32(bl, 32, &v[3])) || (err = bl_mk2(bl, BCF_BOOL_EQ, 0, v[2], v[2], &eq)))
		return err;
	p[0] = bl_cond(bl, eq);                 /* (= v2 (bvones v3)) */
	r = p[0] < 0 ? p[0] : bl_rewrite(bl, 123, p, 1, v, 4); /* (= (bvxor #0 ones) (bvnot #0)) */
	if (r < 0)
		return r;
	p[0] = pb_evaluate(bl->b, bl_lhs(bl, r));
	if (p[0] < 0)
		return bl_step_fail(bl, p[0], "EVALUATE");
	bl->st.evaluate++;
	p[0] = bl_symm(bl, p[0]);
	p[1] = r;
	r = p[0] < 0 ? p[0] : bl_trans(bl, p, 2);
	return r < 0 ? r : bl_symm(bl, r);
}

/* (= (extract[h:l] (bvnot #0:w)) ones) for a part of at most 32 bits */
static int not_zero_part(struct blaster *bl, uint32_t zero, unsigned h, unsigned l)
{
	uint32_t inner, ninner;
	int p[3], e, err;

	p[0] = extract_not(bl, zero, h, l);
	if (p[0] < 0)
		return p[0];
	ninner = bl_rhs(bl, p[0]);              /* (bvnot (extract[h:l] #0)) */
	inner = bl_expr(bl, ninner)->args[0];
	e = pb_evaluate(bl->b, inner);
	if (e < 0)
		return bl_step_fail(bl, e, "EVALUATE");
	bl->st.evaluate++;
	p[1] = bl_cong(bl, ninner, &e, 1);      /* (= (bvnot (extract #0)) (bvnot #0)) */
	if (p[1] < 0)
		return p[1];
	p[2] = bl_not_zero(bl, h - l + 1);
	if (p[2] < 0)
		return p[2];
	err = bl_trans(bl, p, 3);
	return err;
}

int bl_not_zero(struct blaster *bl, unsigned w)
{
	uint32_t zero, t, cur[2], ones[2], r;
	int p[4], q[2], s, err;

	if (w == 32)
		return not_zero_32(bl);
	if (w < 32)
		return not_zero_small(bl, w);
	if (w > 64)
		return bl_fail(bl, -ENOTSUP, "bvnot of a constant wider than 64 bits");
	/* halves: (bvnot #0:w) = (extract[w-1:0] ..) = (concat hi lo) = (concat ones ones) */
	if ((err = bl_const(bl, w, 0, &zero)) || (err = bl_mk(bl, BCF_BV_NOT, w, &zero, 1, &t)) ||
	    (err = extract_node(bl, t, w - 1, 32, &cur[0])) ||
	    (err = extract_node(bl, t, 31, 0, &cur[1])))
		return err;
	q[0] = not_zero_part(bl, zero, w - 1, 32);
	q[1] = q[0] < 0 ? q[0] : not_zero_part(bl, zero, 31, 0);
	if (q[1] < 0)
		return q[1];
	ones[0] = bl_rhs(bl, q[0]);
	ones[1] = bl_rhs(bl, q[1]);
	if ((err = bl_mk(bl, BCF_BV_CONCAT, w, ones, 2, &r)))
		return err;
	s = bl_extract_whole(bl, t);
	p[0] = s < 0 ? s : bl_symm(bl, s);      /* (= t (extract[w-1:0] t)) */
	s = p[0] < 0 ? p[0] : merge_last(bl, t, cur, 2);
	p[1] = s < 0 ? s : bl_symm(bl, s);      /* (= (extract[w-1:0] t) (concat hi lo)) */
	p[2] = p[1] < 0 ? p[1] : bl_cong(bl, r, q, 2);
	if (p[2] < 0)
		return p[2];
	p[3] = pb_evaluate(bl->b, r);           /* (= (concat ones ones) ones) */
	if (p[3] < 0)
		return bl_step_fail(bl, p[3], "EVALUATE");
	bl->st.evaluate++;
	return bl_trans(bl, p, 4);
}

/*
 * (= p (bvnot x)) for p = (bvxor x ones) or (bvxor ones x):
 *   32 bits: REWRITE 123 BV_XOR_ONES
 *   others:  p = (bvxor ones x)                ACI_NORM (commutativity)
 *              = (bvxor (bvnot #0) x)          CONG, bl_not_zero
 *              = (bvnot (bvxor #0 x))          SYMM of REWRITE 65 BV_NOT_XOR
 *              = (bvnot x)                     CONG, ACI_NORM (#0 is neutral)
 */
int bl_xor_ones(struct blaster *bl, uint32_t p)
{
	const struct bcf_expr *e = bl_expr(bl, p);
	unsigned w = bl_width(bl, p);
	uint32_t x, ones, v[4], eq, zero, t, notop, inner;
	bool ones_first;
	int ch[4], nch = 0, s, c, err;

	if (e->code != BCF_BV_XOR || e->vlen != 2 || w > 64)
		return BL_NONE;
	ones_first = bl_expr(bl, e->args[0])->code == BCF_BV_VAL &&
		     bcf_expr__bv_value(bl_expr(bl, e->args[0])) == bcf_mask(w);
	if (!ones_first && !(bl_expr(bl, e->args[1])->code == BCF_BV_VAL &&
			     bcf_expr__bv_value(bl_expr(bl, e->args[1])) == bcf_mask(w)))
		return BL_NONE;
	ones = e->args[ones_first ? 0 : 1];
	x = e->args[ones_first ? 1 : 0];
	if (w == 32) {
		err = bl_list(bl, &x, 1, &v[ones_first ? 1 : 0]);
		if (!err)
			err = bl_list(bl, NULL, 0, &v[ones_first ? 0 : 1]);
		if (!err)
			err = bl_i32(bl, 32, &v[3]);
		if (!err)
			err = bl_mk2(bl, BCF_BOOL_EQ, 0, ones, ones, &eq);
		if (err)
			return err;
		v[2] = ones;
		s = bl_cond(bl, eq);                    /* (= v2 (bvones v3)) */
		return s < 0 ? s : bl_rewrite(bl, 123, &s, 1, v, 4);
	}
	if ((err = bl_const(bl, w, 0, &zero)) || (err = bl_mk2(bl, BCF_BV_XOR, w, ones, x, &t)))
		return err;
	if (!ones_first) {
		ch[nch] = bl_aci(bl, p, t);                /* p = (bvxor ones x) */
		if (ch[nch] < 0)
			return ch[nch];
		nch++;
	}
	v[0] = zero;
	v[1] = x;
	if ((err = bl_list(bl, NULL, 0, &v[2])))
		return err;
	s = bl_rewrite(bl, 65, NULL, 0, v, 3);  /* (= (bvnot (bvxor #0 x)) (bvxor (bvnot #0) x)) */
	if (s < 0)
		return s;
	notop = bl_lhs(bl, s);
	inner = bl_expr(bl, notop)->args[0];    /* (bvxor #0 x) */
	{
		int pr[2];

		pr[0] = bl_not_zero(bl, w);             /* (= (bvnot #0) ones) */
		pr[1] = pr[0] < 0 ? pr[0] : bl_refl(bl, x);
		c = pr[1] < 0 ? pr[1] : bl_cong(bl, bl_rhs(bl, s), pr, 2);
	}
	if (c < 0)
		return c;
	ch[nch] = bl_symm(bl, c);               /* (= (bvxor ones x) (bvxor (bvnot #0) x)) */
	if (ch[nch] < 0)
		return ch[nch];
	nch++;
	ch[nch] = bl_symm(bl, s);
	if (ch[nch] < 0)
		return ch[nch];
	nch++;
	c = bl_aci(bl, inner, x);                  /* (= (bvxor #0 x) x) */
	ch[nch] = c < 0 ? c : bl_cong(bl, notop, &c, 1);
	if (ch[nch] < 0)
		return ch[nch];
	nch++;
	return bl_trans(bl, ch, nch);
}
