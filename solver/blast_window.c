// SPDX-License-Identifier: MIT
/*
 * A unit equality fact (= x y) with a constant c on one side, refuted by
 * the bits where the other side is a different constant.
 *
 * Word level first: when the route of x (zero_extend, a constant mask, a
 * shift by a constant) rewrites it to a concat with a constant argument that
 * disagrees with c (bvand u #x7f = (concat #b0..0 (extract[6:0] u))
 * against -1), CONG of extract over the fact, REWRITE 56/54 down to that
 * argument and EVALUATE conclude false, and nothing is bit-blasted.
 *
 * Bit level otherwise: when the blasted sides of the fact (w >= WINDOW_MIN
 * bits) hold different constants at some bit i, CONG of extract[j+1:j] (the
 * window holding i) over the fact gives the 2-bit equality
 * (= (extract x) (extract y)), whose circuit has the conjunct (= F T); the
 * w-bit comparison (a w-argument conjunction of bit equalities, and the
 * constant side's w-bit vector) is never built.
 */
#include <string.h>

#include "solver/blast_int.h"

/*
 * The window costs about 35 words (CONG, two extracts, their 2-bit vectors
 * and BITBLASTs, TRANS); the w-bit comparison it replaces about 2w + 2 and
 * up to 3w more for the bit equalities: 9-bit (= (concat x #b1) (concat y
 * #b0)) grows 912 -> 968 bytes, a 32-bit one shrinks 1108 -> 904.
 */
#define WINDOW_MIN 16

/* Bit i of side t: 0 or 1 if it is a constant, -1 if it is not (or t has no
 * circuit yet: a failed blast leaves the fact to the normal route). */
static int side_bit(struct blaster *bl, uint32_t t, unsigned i)
{
	const struct bcf_expr *e = bl_expr(bl, t), *fb;
	uint32_t bit;

	if (e->code == BCF_BV_VAL)
		return bcf_expr__width(e) <= 64 ? (int)((bcf_expr__bv_value(e) >> i) & 1) : -1;
	fb = bl_expr(bl, bl_term_fb(bl, t));
	if (!fb || fb->code != BCF_BV_FROM_BOOL || i >= fb->vlen)
		return -1;
	bit = fb->args[i];
	return bit == bl->bb.t ? 1 : bit == bl->bb.f ? 0 : -1;
}

/* acc := TRANS(acc, s), or s if acc is none yet (-1) */
static int chain(struct blaster *bl, int acc, int s)
{
	int p[2] = { acc, s };

	return s < 0 || acc < 0 ? s : bl_trans(bl, p, 2);
}

/*
 * (= (extract[hi:lo] C) v) for C = (concat a0 .. an-1) (a0 most significant)
 * and [hi:lo] exactly the bits of its constant argument ak: REWRITE 56
 * (BV_EXTRACT_CONCAT_3) drops the last argument while ak is not last,
 * REWRITE 54 (BV_EXTRACT_CONCAT_1) then selects it, EVALUATE gives v.
 */
static int select_arg(struct blaster *bl, const uint32_t *arg, unsigned n, unsigned k,
		      unsigned hi, unsigned lo)
{
	uint32_t v[7], sz, a, x;
	int acc = -1, p[3], s, err;

	for (; n > k + 1; n--) {
		unsigned w = bl_width(bl, arg[n - 1]);

		v[0] = arg[n - 1];
		v[1] = arg[n - 2];
		if ((err = bl_list(bl, arg, n - 2, &v[2])) || (err = bl_i32(bl, lo, &v[3])) ||
		    (err = bl_i32(bl, hi, &v[4])) || (err = bl_i32(bl, hi - w, &v[5])) ||
		    (err = bl_i32(bl, lo - w, &v[6])) || (err = bl_bvsize(bl, v[0], &sz)))
			return err;
		p[0] = bl_cond_op(bl, BCF_BOOL_SGE, v[3], sz);
		if (p[0] < 0 || (err = bl_mk2(bl, BCF_BV_SUB, 32, v[4], sz, &a)))
			return p[0] < 0 ? p[0] : err;
		p[1] = bl_cond_eq(bl, v[5], a);
		if (p[1] < 0 || (err = bl_mk2(bl, BCF_BV_SUB, 32, v[3], sz, &a)))
			return p[1] < 0 ? p[1] : err;
		p[2] = bl_cond_eq(bl, v[6], a);
		acc = chain(bl, acc, p[2] < 0 ? p[2] : bl_rewrite(bl, 56, p, 3, v, 7));
		if (acc < 0)
			return acc;
		hi -= w;
		lo -= w;
	}
	if (n > 1) {
		v[0] = arg[n - 1];
		v[2] = arg[n - 2];
		if ((err = bl_list(bl, arg, n - 2, &v[1])) || (err = bl_i32(bl, lo, &v[3])) ||
		    (err = bl_i32(bl, hi, &v[4])) || (err = bl_bvsize(bl, v[0], &sz)))
			return err;
		p[0] = bl_cond_op(bl, BCF_BOOL_SLE, v[4], sz);
		acc = chain(bl, acc, p[0] < 0 ? p[0] : bl_rewrite(bl, 54, p, 1, v, 5));
		if (acc < 0)
			return acc;
	}
	/* (extract[hi:lo] ak) of a constant */
	if ((err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(hi, lo), &arg[k], 1, &x)))
		return err;
	s = pb_evaluate(bl->b, x);
	if (s < 0)
		return bl_step_fail(bl, s, "EVALUATE");
	return chain(bl, acc, s);
}

/*
 * Word level: t's route makes it a concat with a constant argument that
 * disagrees with the constant c there, e.g. (bvand u #x0000007f) =
 * (concat #b0..0 (extract[6:0] u)) against -1.  Then the fact is false by
 * REWRITE and EVALUATE alone, and nothing is bit-blasted: returns a step
 * concluding false, or -ENOENT.  s concludes (= t c) (swap: (= c t)).
 */
static int word_window(struct blaster *bl, int s, uint32_t t, uint32_t c, bool swap)
{
	const struct bcf_expr *ce = bl_expr(bl, t), *ke;
	uint32_t arg[255], x, cc, eq, C;
	unsigned n, k, lo, wk, w = bl_width(bl, t);
	uint64_t cv = bcf_expr__bv_value(bl_expr(bl, c)), kv;
	int r = -1, f, p[3], err;

	if (w > 64)
		return -ENOENT;
	if (ce->code != BCF_BV_CONCAT) {
		r = bl_route(bl, t);
		if (r < 0 || r == BL_NONE)
			return -ENOENT;
		C = bl_rhs(bl, r);
		ce = bl_expr(bl, C);
		if (!ce || ce->code != BCF_BV_CONCAT)
			return -ENOENT;
	} else {
		C = t;
	}
	n = ce->vlen;
	memcpy(arg, ce->args, n * sizeof(arg[0]));
	for (k = n, lo = 0; k-- > 0; lo += wk) {
		ke = bl_expr(bl, arg[k]);
		wk = bcf_expr__width(ke);
		if (ke->code != BCF_BV_VAL)
			continue;
		kv = bcf_expr__bv_value(ke);
		if (((cv >> lo) & (wk >= 64 ? ~0ull : (1ull << wk) - 1)) != kv)
			break;
	}
	if (k >= n)
		return -ENOENT;
	/* (= C c), then (= (extract C) (extract c)) */
	f = swap ? bl_symm(bl, s) : s;
	if (f >= 0 && r >= 0) {
		p[0] = bl_symm(bl, r);
		p[1] = f;
		f = p[0] < 0 ? p[0] : bl_trans(bl, p, 2);
	}
	if (f < 0)
		return f;
	if ((err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(lo + wk - 1, lo), &C, 1, &x)) ||
	    (err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(lo + wk - 1, lo), &c, 1, &cc)))
		return err;
	f = bl_cong(bl, x, &f, 1);
	if (f < 0)
		return f;
	/* (= v v') from (= (extract C) v), the CONG and (= (extract c) v') */
	p[0] = select_arg(bl, arg, n, k, lo + wk - 1, lo);
	p[0] = p[0] < 0 ? p[0] : bl_symm(bl, p[0]);
	if (p[0] < 0)
		return p[0];
	p[1] = f;
	p[2] = pb_evaluate(bl->b, cc);
	if (p[2] < 0)
		return bl_step_fail(bl, p[2], "EVALUATE");
	f = bl_trans(bl, p, 3); /* (= v v') */
	if (f < 0 || (r = bl_mk2(bl, BCF_BOOL_EQ, 0, bl_lhs(bl, f), bl_rhs(bl, f), &eq)))
		return f < 0 ? f : r;
	r = pb_evaluate(bl->b, eq); /* (= (= v v') false) */
	if (r < 0)
		return bl_step_fail(bl, r, "EVALUATE");
	r = pb_eq_resolve(bl->b, f, r);
	return r < 0 ? bl_step_fail(bl, r, "EQ_RESOLVE") : r;
}

int blast_narrow_fact(struct blaster *bl, int s)
{
	const struct bcf_expr *f = bl_expr(bl, pbuild_fact(bl->b, s)), *x;
	uint32_t l, r, ext;
	unsigned w, i, lo;
	int err;

	if (!f || f->code != BCF_BOOL_EQ)
		return -ENOENT;
	l = f->args[0];
	r = f->args[1];
	x = bl_expr(bl, l);
	if (!x || !bcf_is_bv(x) || (w = bcf_expr__width(x)) < WINDOW_MIN)
		return -ENOENT;
	if (bl_expr(bl, r)->code == BCF_BV_VAL && x->code != BCF_BV_VAL &&
	    (err = word_window(bl, s, l, r, false)) != -ENOENT)
		return err;
	if (x->code == BCF_BV_VAL && bl_expr(bl, r)->code != BCF_BV_VAL &&
	    (err = word_window(bl, s, r, l, true)) != -ENOENT)
		return err;
	/* blast the non-constant sides (the atom would blast them anyway) */
	if (x->code != BCF_BV_VAL && bl_term(bl, l) < 0)
		return -ENOENT;
	if (bl_expr(bl, r)->code != BCF_BV_VAL && bl_term(bl, r) < 0)
		return -ENOENT;
	for (i = w; i-- > 0;) {
		int a = side_bit(bl, l, i), b = a < 0 ? -1 : side_bit(bl, r, i);

		if (a >= 0 && b >= 0 && a != b)
			break;
	}
	if (i >= w)
		return -ENOENT;
	lo = i + 1 < w ? i : i - 1;
	if ((err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(lo + 1, lo), &l, 1, &ext)))
		return err;
	return bl_cong(bl, ext, &s, 1);
}
