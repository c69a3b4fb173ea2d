// SPDX-License-Identifier: MIT
/*
 * A unit equality fact (= x c) with a constant c on one side, refuted by a
 * bit where the other side is a different constant.
 *
 * Word level first: a bit of x that a constant supplies through the routes
 * (zero_extend, constant masks, shifts by constants), concats and extracts,
 * e.g. bit 31 of (bvand u #x7f) = (concat #b0..0 (extract[6:0] u)) against
 * -1.  CONG of extract[i:i] over the fact, then down the path REWRITE 56/54
 * (an argument of a concat), REWRITE 52 (an extract of an extract) and CONG
 * over each route's step, EVALUATE at the constant: false, and nothing is
 * bit-blasted.
 *
 * Bit level otherwise: when the blasted sides of the fact (w >= WINDOW_MIN
 * bits) hold different constants at some bit i (a sign extension of a
 * constant top bit), CONG of extract[j+1:j] (the window holding i) over the
 * fact gives the 2-bit equality (= (extract x) (extract y)), whose circuit
 * has the conjunct (= F T); the w-bit comparison (a w-argument conjunction
 * of bit equalities, and the constant side's w-bit vector) is never built.
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

/* Bit i of the constant e (-1 past 64 bits, where EVALUATE stops). */
static int const_bit(const struct bcf_expr *e, unsigned i)
{
	return bcf_expr__width(e) <= 64 ? (int)((bcf_expr__bv_value(e) >> i) & 1) : -1;
}

/* The argument of concat node e that holds bit i (*lo: that argument's
 * lowest bit in e), or e->vlen if none does. */
static unsigned concat_find(const struct blaster *bl, const struct bcf_expr *e, unsigned i,
			    unsigned *lo)
{
	unsigned k, wk;

	for (k = e->vlen, *lo = 0; k-- > 0; *lo += wk) {
		wk = bl_width(bl, e->args[k]);
		if (i < *lo + wk)
			return k;
	}
	return e->vlen;
}

/* Bit i of side t: 0 or 1 if it is a constant, -1 if it is not (or t has no
 * circuit yet: a failed blast leaves the fact to the normal route). */
static int side_bit(struct blaster *bl, uint32_t t, unsigned i)
{
	const struct bcf_expr *e = bl_expr(bl, t), *fb;
	uint32_t bit;

	if (e->code == BCF_BV_VAL)
		return const_bit(e, i);
	fb = bl_expr(bl, bl_term_fb(bl, t));
	if (!fb || fb->code != BCF_BV_FROM_BOOL || i >= fb->vlen)
		return -1;
	bit = fb->args[i];
	return bit == bl->bb.t ? 1 : bit == bl->bb.f ? 0 : -1;
}

/* acc := TRANS(acc, s), or s if acc is none yet (-1) */
static int chain(struct blaster *bl, int acc, int s)
{
	return s < 0 || acc < 0 ? s : bl_trans2(bl, acc, s);
}

/* Terms deeper than this are not searched (the search recurses). */
#define WORD_DEPTH 32

/*
 * Bit i of t at word level: 0 or 1 when a constant supplies it through
 * concats, extracts and the routes (zero_extend, constant masks, shifts by
 * constants), -1 when it does not (the routes emit their steps once: the
 * builder hash-conses steps, so the proof below reuses them).
 */
static int word_bit(struct blaster *bl, uint32_t t, unsigned i, unsigned depth)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned k, lo;
	int r;

	if (!e || depth > WORD_DEPTH)
		return -1;
	switch (e->code) {
	case BCF_BV_VAL:
		return const_bit(e, i);
	case BCF_BV_CONCAT:
		k = concat_find(bl, e, i, &lo);
		return k < e->vlen ? word_bit(bl, e->args[k], i - lo, depth + 1) : -1;
	case BCF_BV_EXTRACT:
		return word_bit(bl, e->args[0], i + BCF_EXPR_LOW(e->params), depth + 1);
	case BCF_BV_VAR:
		return -1;
	default:
		r = bl_route(bl, t);
		if (r < 0 || r == BL_NONE)
			return -1;
		return word_bit(bl, bl_rhs(bl, r), i, depth + 1);
	}
}

/* (= (extract[hi:lo] C) (extract[hi':lo'] ak)) for C = (concat a0 .. an-1)
 * and [hi:lo] inside ak: REWRITE 56 (BV_EXTRACT_CONCAT_3) drops the last
 * argument while ak is not last, REWRITE 54 (BV_EXTRACT_CONCAT_1) selects it. */
static int concat_arg(struct blaster *bl, const uint32_t *arg, unsigned n, unsigned k,
		      unsigned hi, unsigned lo)
{
	uint32_t v[7], sz, a;
	int acc = -1, p[3], err;

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
	}
	return acc;
}

/* (= (extract[i:i] (extract[h:l] u)) (extract[l+i:l+i] u)), t the inner
 * extract: REWRITE 52 BV_EXTRACT_EXTRACT */
static int extract_extract(struct blaster *bl, uint32_t t, unsigned i)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned l = BCF_EXPR_LOW(e->params), h = BCF_EXPR_HIGH(e->params);
	uint32_t v[7], a;
	int p[2], err;

	v[0] = e->args[0];
	if ((err = bl_i32(bl, l, &v[1])) || (err = bl_i32(bl, h, &v[2])) ||
	    (err = bl_i32(bl, i, &v[3])) || (err = bl_i32(bl, i, &v[4])) ||
	    (err = bl_i32(bl, l + i, &v[5])) || (err = bl_i32(bl, l + i, &v[6])) ||
	    (err = bl_mk2(bl, BCF_BV_ADD, 32, v[1], v[4], &a)))
		return err;
	/* (and (= v5 (bvadd v1 v4)) (= v6 (bvadd v1 v3))) */
	p[0] = bl_cond_eq(bl, v[5], a);
	if (p[0] < 0 || (err = bl_mk2(bl, BCF_BV_ADD, 32, v[1], v[3], &a)))
		return p[0] < 0 ? p[0] : err;
	p[1] = bl_cond_eq(bl, v[6], a);
	return p[1] < 0 ? p[1] : bl_rewrite(bl, 52, p, 2, v, 7);
}

/*
 * (= (extract[i:i] t) v) with v a 1-bit constant, along the path word_bit()
 * found: concat arguments (REWRITE 56/54), extracts of extracts (REWRITE
 * 52), routes (CONG of the extract over the route's step), EVALUATE at the
 * constant.
 */
static int word_chain(struct blaster *bl, uint32_t t, unsigned i, unsigned depth)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint32_t x, arg[255], next;
	unsigned k, lo = 0, n;
	uint16_t params;
	uint8_t code;
	int s, r;

	if (!e || depth > WORD_DEPTH)
		return -ENOENT;
	/* building nodes grows the arena (e moves): copy what is needed */
	code = e->code;
	params = e->params;
	n = e->vlen;
	k = code == BCF_BV_CONCAT ? concat_find(bl, e, i, &lo) : 0;
	memcpy(arg, e->args, n * sizeof(arg[0]));
	if ((s = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(i, i), &t, 1, &x)))
		return s;
	switch (code) {
	case BCF_BV_VAL:
		s = pb_evaluate(bl->b, x);
		return s < 0 ? bl_step_fail(bl, s, "EVALUATE") : s;
	case BCF_BV_CONCAT:
		if (k >= n)
			return -ENOENT;
		s = concat_arg(bl, arg, n, k, i, i);
		return chain(bl, s, s < 0 ? s : word_chain(bl, arg[k], i - lo, depth + 1));
	case BCF_BV_EXTRACT:
		next = arg[0];
		k = BCF_EXPR_LOW(params);
		s = extract_extract(bl, t, i);
		return chain(bl, s, s < 0 ? s : word_chain(bl, next, i + k, depth + 1));
	default:
		r = bl_route(bl, t);
		if (r < 0 || r == BL_NONE)
			return -ENOENT;
		next = bl_rhs(bl, r);
		s = bl_cong(bl, x, &r, 1); /* (= (extract t) (extract R)) */
		return chain(bl, s, s < 0 ? s : word_chain(bl, next, i, depth + 1));
	}
}

/*
 * Word level: a bit of t that a constant supplies (through the routes,
 * concats and extracts) and that disagrees with the constant c, e.g.
 * (bvand u #x7f) = (concat #b0..0 (extract[6:0] u)) against -1.  Then the
 * fact is false by CONG of a 1-bit extract, REWRITEs and EVALUATE, and
 * nothing is bit-blasted: returns a step concluding false, or -ENOENT.
 * s concludes (= t c) (swap: (= c t)).
 */
static int word_window(struct blaster *bl, int s, uint32_t t, uint32_t c, bool swap)
{
	uint64_t cv = bcf_expr__bv_value(bl_expr(bl, c));
	unsigned i, w = bl_width(bl, t);
	uint32_t x, cc, eq;
	int f, p[3], err, b;

	if (w > 64)
		return -ENOENT;
	for (i = w; i-- > 0;) {
		b = word_bit(bl, t, i, 0);
		if (b >= 0 && (unsigned)b != ((cv >> i) & 1))
			break;
	}
	if (i >= w)
		return -ENOENT;
	f = swap ? bl_symm(bl, s) : s;
	if (f < 0)
		return f;
	if ((err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(i, i), &t, 1, &x)) ||
	    (err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(i, i), &c, 1, &cc)))
		return err;
	/* (= v v') from (= (extract t) v), the fact's CONG and (= (extract c) v') */
	p[0] = word_chain(bl, t, i, 0);
	p[0] = p[0] < 0 ? p[0] : bl_symm(bl, p[0]);
	p[1] = p[0] < 0 ? p[0] : bl_cong(bl, x, &f, 1);
	if (p[1] < 0)
		return p[1];
	p[2] = pb_evaluate(bl->b, cc);
	if (p[2] < 0)
		return bl_step_fail(bl, p[2], "EVALUATE");
	f = bl_trans(bl, p, 3); /* (= v v') */
	if (f < 0 || (err = bl_mk2(bl, BCF_BOOL_EQ, 0, bl_lhs(bl, f), bl_rhs(bl, f), &eq)))
		return f < 0 ? f : err;
	p[0] = pb_evaluate(bl->b, eq); /* (= (= v v') false) */
	if (p[0] < 0)
		return bl_step_fail(bl, p[0], "EVALUATE");
	p[0] = pb_eq_resolve(bl->b, f, p[0]);
	return p[0] < 0 ? bl_step_fail(bl, p[0], "EQ_RESOLVE") : p[0];
}

int blast_narrow_fact(struct blaster *bl, int s)
{
	const struct bcf_expr *f = bl_expr(bl, pbuild_fact(bl->b, s)), *x;
	uint32_t l, r, ext;
	unsigned w, i, lo;
	bool lc, rc;
	int err;

	if (!f || f->code != BCF_BOOL_EQ)
		return -ENOENT;
	l = f->args[0];
	r = f->args[1];
	x = bl_expr(bl, l);
	if (!x || !bcf_is_bv(x))
		return -ENOENT;
	w = bcf_expr__width(x);
	lc = x->code == BCF_BV_VAL;
	rc = bl_expr(bl, r)->code == BCF_BV_VAL;
	/* word level, at any width; a failure leaves the bit level to try */
	if (lc != rc) {
		err = rc ? word_window(bl, s, l, r, false) : word_window(bl, s, r, l, true);
		if (err >= 0)
			return err;
	}
	if (w < WINDOW_MIN)
		return -ENOENT;
	/* blast the non-constant sides (the atom would blast them anyway) */
	if (!lc && bl_term(bl, l) < 0)
		return -ENOENT;
	if (!rc && bl_term(bl, r) < 0)
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
