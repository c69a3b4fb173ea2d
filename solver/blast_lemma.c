// SPDX-License-Identifier: MIT
/*
 * Comparator lemmas: a run of zero low bits (solver/blast_int.h).
 *
 * The kernel's comparators are chains from bit 0 up (rules-bv.md 2.5):
 *   U_i = ((a_i = b_i) and U_(i-1)) or (not a_i and b_i)
 * and a signed one is an unsigned chain over the low w-1 bits under the
 * sign bits.  When the low j bits of one side are constant zeros, U_(j-1)
 * is the comparator of those j bits against zero, which a rewrite decides
 * at word level:
 *   ULT(x, 0) = false                    REWRITE 128 BV_ULT_ZERO_2
 *   ULE(x, 0) = (= x 0)                  REWRITE 132 BV_ULE_ZERO
 *   ULT(0, x) = (not (= x 0))            REWRITE 127 BV_ULT_ZERO_1
 *   ULE(0, x) = true                     REWRITE 133 BV_ZERO_ULE
 * The lemma (= U_(j-1) R) joins the clauses: without it a refutation that
 * needs U_(j-1) walks the chain bit by bit (three clauses and about twelve
 * words a bit), as in (bvsle (bvadd x #4) #0) at 32 bits.  The j-bit
 * comparator built here is the same node as the chain's U_(j-1): the
 * arena hash-conses, and the chain is built from bit 0 up.
 */
#include <string.h>

#include "solver/blast_int.h"

/* below this many zero bits a walk costs less than the lemma */
#define LEMMA_MIN_BITS 6
/* the same for a common run of high zeros (the lemma takes more steps) */
#define LEMMA_MIN_HIGH 10

static bool is_false_bit(struct blaster *bl, uint32_t fb, unsigned i)
{
	return bl_expr(bl, fb)->args[i] == pbuild_false(bl->b);
}

/* Number of low bits of the FB node fb that are the constant false. */
static unsigned zero_run(struct blaster *bl, uint32_t fb, unsigned max)
{
	unsigned j = 0;

	while (j < max && is_false_bit(bl, fb, j))
		j++;
	return j;
}

/* FB(bit_0 .. bit_(j-1)) of fb */
static int low_fb(struct blaster *bl, uint32_t fb, unsigned j, uint32_t *id)
{
	uint32_t bits[64];

	memcpy(bits, bl_expr(bl, fb)->args, j * sizeof(bits[0]));
	return bl_mk(bl, BCF_BV_FROM_BOOL, 0, bits, j, id);
}

/* BITBLAST of (op x y) over the FB nodes x, y: the step of (= (op x y) C) */
static int blast2(struct blaster *bl, uint8_t code, uint16_t params, uint32_t x, uint32_t y)
{
	uint32_t args[2] = { x, y }, eq;
	int err = bb_build_step(&bl->bb, bcf_arena__lookup, bl->a, code, params, args, 2, &eq);

	if (err)
		return bl_fail(bl, err, "building a lemma's %s: %s", bcf_code__name(code),
			       bcf_last_error());
	return bl_bitblast(bl, eq);
}

/* (= (= X C0) (= X FB0)) and on to (= (= X C0) conj) by BITBLAST, X an FB node */
static int eq_zero(struct blaster *bl, uint32_t x, uint32_t c0, int s_c0)
{
	uint32_t atom;
	int p[2], c, s, err;

	if ((err = bl_mk2(bl, BCF_BOOL_EQ, 0, x, c0, &atom)))
		return err;
	p[0] = bl_refl(bl, x);
	p[1] = s_c0;
	c = p[0] < 0 ? p[0] : bl_cong(bl, atom, p, 2);
	if (c < 0)
		return c;
	s = blast2(bl, BCF_BOOL_EQ, 0, x, bl_rhs(bl, s_c0));
	return s < 0 ? s : bl_trans2(bl, c, s);
}

/*
 * The lemma for the chain kind code (ULT or ULE) over the low j bits of
 * the FB nodes fa, fb, side zero_b: B's bits are the zeros (else A's).
 * Returns the step of (= U R), or a negative errno.
 */
static int lemma(struct blaster *bl, uint8_t code, uint32_t fa, uint32_t fb, unsigned j,
		 bool zero_b)
{
	uint32_t la, lb, c0, x, c_atom, v[2], zero[2] = { 0, 0 }, r_rhs;
	int s_c0, s_u, p[2], c, r, s, t;
	unsigned rid;

	if ((s = low_fb(bl, fa, j, &la)) || (s = low_fb(bl, fb, j, &lb)) ||
	    (s = bl_mk(bl, BCF_BV_VAL, j, zero, bcf_val_words(j), &c0)))
		return s;
	s_c0 = bl_term(bl, c0);                 /* (= c0 FB(false...)) */
	if (s_c0 < 0)
		return s_c0;
	if (bl_rhs(bl, s_c0) != (zero_b ? lb : la))
		return bl_fail(bl, -EINVAL, "lemma: the zero bits are not the constant's");
	s_u = blast2(bl, code, 0, la, lb);      /* (= (op la lb) U) */
	if (s_u < 0)
		return s_u;
	/* (= (op x' c0) (op la lb)) with x' the other side */
	x = zero_b ? la : lb;
	if ((s = bl_mk2(bl, code, 0, zero_b ? x : c0, zero_b ? c0 : x, &c_atom)))
		return s;
	p[0] = zero_b ? bl_refl(bl, x) : s_c0;
	p[1] = zero_b ? s_c0 : bl_refl(bl, x);
	if (p[0] < 0 || p[1] < 0)
		return p[0] < 0 ? p[0] : p[1];
	c = bl_cong(bl, c_atom, p, 2);
	if (c < 0)
		return c;
	/* the rewrite of (op x' c0) */
	rid = code == BCF_BOOL_ULT ? (zero_b ? 128 : 127) : (zero_b ? 132 : 133);
	v[0] = x;
	if ((s = bl_i32(bl, j, &v[1])))
		return s;
	r = bl_rewrite(bl, rid, NULL, 0, v, 2);
	if (r < 0)
		return r;
	/* U = (op la lb) = (op x' c0) = R */
	p[0] = bl_symm(bl, s_u);
	p[1] = p[0] < 0 ? p[0] : bl_symm(bl, c);
	if (p[1] < 0)
		return p[1];
	{
		int ch[3] = { p[0], p[1], r };

		t = bl_trans(bl, ch, 3);
	}
	if (t < 0)
		return t;
	r_rhs = bl_rhs(bl, r);
	if (rid == 132) {                       /* R = (= x c0): its bits */
		s = eq_zero(bl, x, c0, s_c0);
		return s < 0 ? s : bl_trans2(bl, t, s);
	}
	if (rid == 127) {                       /* R = (not (= x c0)) */
		s = eq_zero(bl, x, c0, s_c0);
		s = s < 0 ? s : bl_cong(bl, r_rhs, &s, 1);
		return s < 0 ? s : bl_trans2(bl, t, s);
	}
	return t;                               /* R = false / true */
}

/*
 * (= z V) for V = FB(v_0 .. v_(j-1), false ...) of s bits: z = (zero_extend
 * s-j FB(v_0 .. v_(j-1))), by REWRITE 93 and the concat's BITBLAST.
 */
static int zext_view(struct blaster *bl, uint32_t v, unsigned j, unsigned s, uint32_t *z)
{
	uint32_t lo, zero, cat, amount, zc[2] = { 0, 0 };
	int p[3], s_zero, err;

	if ((err = low_fb(bl, v, j, &lo)) ||
	    (err = bl_mk(bl, BCF_BV_VAL, s - j, zc, bcf_val_words(s - j), &zero)) ||
	    (err = bl_mk(bl, BCF_BV_ZERO_EXTEND, BCF_EXPR_PARAMS(s - j, s), &lo, 1, z)))
		return err;
	s_zero = bl_term(bl, zero);             /* (= #0 FB(false ...)) */
	if (s_zero < 0)
		return s_zero;
	p[2] = blast2(bl, BCF_BV_CONCAT, s, bl_rhs(bl, s_zero), lo);  /* (= (concat FB0 lo) V) */
	if (p[2] < 0)
		return p[2];
	if (bl_rhs(bl, p[2]) != v)
		return bl_fail(bl, -EINVAL, "lemma: the concat's bits are not the term's");
	if ((err = bl_i32(bl, s - j, &amount)))
		return err;
	p[0] = bl_rewrite(bl, 93, NULL, 0, (uint32_t[]){ lo, amount }, 2); /* (= z (concat #0 lo)) */
	if (p[0] < 0)
		return p[0];
	cat = bl_rhs(bl, p[0]);
	{
		int q[2];

		q[0] = s_zero;
		q[1] = bl_refl(bl, lo);
		p[1] = q[1] < 0 ? q[1] : bl_cong(bl, cat, q, 2); /* (= (concat #0 lo) (concat FB0 lo)) */
	}
	return p[1] < 0 ? p[1] : bl_trans(bl, p, 3);
}

/*
 * (= (K A B) (K' a b)) at word level for the chain kind K over s bits where
 * A and B are FB nodes whose bits from j up are false and one of them is
 * the constant c's bits: the narrow comparison over j bits, through
 * zext_view, REWRITE 146/147 (bl_route_narrow) and, for bvule, REWRITE 92
 * on both sides.  *narrow = the j-bit atom over FB nodes.
 */
static int narrow_word(struct blaster *bl, uint8_t k, uint32_t fa, uint32_t fb, bool c_is_b,
		       uint64_t c, unsigned j, unsigned s, uint32_t *narrow)
{
	uint32_t z, cs, cl, w_atom, v_fb, ext, nat, args[2];
	int p[8], np = 0, s_c, s_z, r, t, e, lo_c, err;
	bool ule = k == BCF_BOOL_ULE;
	uint8_t code = BCF_BOOL_ULT;

	if ((err = bl_const(bl, s, c & bcf_mask(s), &cs)))
		return err;
	s_c = bl_term(bl, cs);                  /* (= c FB(c)) */
	if (s_c < 0)
		return s_c;
	if (bl_rhs(bl, s_c) != (c_is_b ? fb : fa))
		return bl_fail(bl, -EINVAL, "lemma: the constant's bits are not the side's");
	v_fb = c_is_b ? fa : fb;
	s_z = zext_view(bl, v_fb, j, s, &z);    /* (= z V) */
	if (s_z < 0)
		return s_z;
	/* bvule: (not (bvult B A)) by REWRITE 92 */
	if (ule) {
		args[0] = fa;
		args[1] = fb;
		p[np] = bl_rewrite(bl, 92, NULL, 0, args, 2);
		if (p[np] < 0)
			return p[np];
		np++;
		c_is_b = !c_is_b;               /* the ult's sides are swapped */
	}
	/* (bvult z c) or (bvult c z) = (bvult V FB(c)) or swapped */
	if ((err = bl_mk2(bl, code, 0, c_is_b ? z : cs, c_is_b ? cs : z, &w_atom)))
		return err;
	{
		int q[2];

		q[0] = c_is_b ? s_z : s_c;
		q[1] = c_is_b ? s_c : s_z;
		t = bl_cong(bl, w_atom, q, 2);  /* (= (bvult z c) (bvult V Fc)) */
	}
	if (t < 0)
		return t;
	t = bl_symm(bl, t);
	if (t < 0)
		return t;
	r = bl_route_narrow(bl, w_atom);        /* (= (bvult z c) (bvult lo c')) */
	if (r < 0)
		return r;
	/* c' = (extract c) EVALUATEd, then its bits */
	nat = bl_rhs(bl, r);
	ext = bl_expr(bl, nat)->args[c_is_b ? 1 : 0];
	e = bl_cond(bl, ext);                   /* (= (extract c) c_lo) */
	if (e < 0)
		return e;
	cl = bl_rhs(bl, e);
	lo_c = bl_term(bl, cl);                 /* (= c_lo FB(c_lo)) */
	if (lo_c < 0)
		return lo_c;
	e = bl_trans2(bl, e, lo_c);             /* (= (extract c) FB(c_lo)) */
	if (e < 0)
		return e;
	{
		const struct bcf_expr *ne = bl_expr(bl, nat);
		uint32_t lo = ne->args[c_is_b ? 0 : 1];
		int q[2];

		q[c_is_b ? 0 : 1] = bl_refl(bl, lo);
		q[c_is_b ? 1 : 0] = e;
		if (q[0] < 0 || q[1] < 0)
			return q[0] < 0 ? q[0] : q[1];
		e = bl_cong(bl, nat, q, 2);     /* (= (bvult lo c') (bvult lo FB(c_lo))) */
		if (e < 0)
			return e;
	}
	/* chain: (bvult V Fc) = (bvult z c) = (bvult lo c') = (bvult lo Fclo) */
	{
		int ch[3] = { t, r, e };

		t = bl_trans(bl, ch, 3);
	}
	if (t < 0)
		return t;
	if (!ule) {
		*narrow = bl_rhs(bl, t);
		p[np++] = t;
		return np == 1 ? t : bl_trans(bl, p, np);
	}
	/* bvule: (bvule A B) = (not (bvult B A)) = (not (bvult b a)) =
	 * (bvule a b) by REWRITE 92 at j bits, SYMM */
	{
		uint32_t n = bl_rhs(bl, p[0]), ult = bl_rhs(bl, t), a2[2];
		int q;

		a2[0] = bl_expr(bl, ult)->args[1];
		a2[1] = bl_expr(bl, ult)->args[0];
		e = bl_cong(bl, n, &t, 1);      /* (= (not (bvult B A)) (not (bvult b a))) */
		if (e < 0)
			return e;
		q = bl_rewrite(bl, 92, NULL, 0, a2, 2); /* (= (bvule a b) (not (bvult b a))) */
		if (q < 0)
			return q;
		*narrow = bl_lhs(bl, q);
		q = bl_symm(bl, q);
		if (q < 0)
			return q;
		p[np++] = e;
		p[np++] = q;
		return bl_trans(bl, p, np);
	}
}

/*
 * Both sides false from bit j up to the chain's top s-1, one of them a
 * constant c: (= U_(s-1) U_(j-1)), the chain's node at the top equal to the
 * one j bits up, by narrow_word and the BITBLASTs of both comparators.
 */
static int high_lemma(struct blaster *bl, uint8_t k, uint32_t fa, uint32_t fb, bool c_is_b,
		      uint64_t c, unsigned j, unsigned s)
{
	uint32_t la, lb, narrow = 0, a, b;
	int big, w, small, err;

	if ((err = low_fb(bl, fa, s, &la)) || (err = low_fb(bl, fb, s, &lb)))
		return err;
	big = blast2(bl, k, 0, la, lb);         /* (= (K A B) U_(s-1)) */
	if (big < 0)
		return big;
	w = narrow_word(bl, k, la, lb, c_is_b, c, j, s, &narrow);
	if (w < 0)
		return w;
	a = bl_expr(bl, narrow)->args[0];
	b = bl_expr(bl, narrow)->args[1];
	small = blast2(bl, k, 0, a, b);         /* (= (K a b) U_(j-1)) */
	if (small < 0)
		return small;
	big = bl_symm(bl, big);
	if (big < 0)
		return big;
	{
		int ch[3] = { big, w, small };

		return bl_trans(bl, ch, 3);
	}
}

/* Number of bits below top (from top-1 down) false in both FB nodes. */
static unsigned high_run(struct blaster *bl, uint32_t fa, uint32_t fb, unsigned top)
{
	unsigned n = 0;

	while (n < top && is_false_bit(bl, fa, top - 1 - n) && is_false_bit(bl, fb, top - 1 - n))
		n++;
	return n;
}

int bl_cmp_lemma(struct blaster *bl, uint8_t code, uint32_t x, uint32_t y, uint32_t fa,
		 uint32_t fb)
{
	unsigned w = bl_expr(bl, fa)->vlen, ja, jb, j, s, hz;
	bool sign = code == BCF_BOOL_SLT || code == BCF_BOOL_SLE;
	bool yc = bl_expr(bl, y)->code == BCF_BV_VAL, xc = bl_expr(bl, x)->code == BCF_BV_VAL;
	uint64_t cv = yc ? bcf_expr__bv_value(bl_expr(bl, y)) :
		      xc ? bcf_expr__bv_value(bl_expr(bl, x)) : 0;
	uint8_t chain;
	int r;

	if (w < LEMMA_MIN_BITS + 1 || w > 64 || bl->nlemmas == BL_MAX_LEMMAS)
		return 0;
	switch (code) {
	case BCF_BOOL_ULT:
	case BCF_BOOL_SLT:
		chain = BCF_BOOL_ULT;
		break;
	case BCF_BOOL_ULE:
	case BCF_BOOL_SLE:
		chain = BCF_BOOL_ULE;
		break;
	default:
		return 0;
	}
	/* a run of zero low bits: the chain under the top bit (the sign
	 * bits, or the top bit of an unsigned comparator, whose whole value
	 * simple() already decides) against zero */
	ja = zero_run(bl, fa, w - 1);
	jb = zero_run(bl, fb, w - 1);
	j = ja > jb ? ja : jb;
	if (j >= LEMMA_MIN_BITS)
		r = lemma(bl, chain, fa, fb, j, jb >= ja);
	else {
		/* both sides zero from bit j to the chain's top, one of them a
		 * constant that fits 32 bits */
		s = sign ? w - 1 : w;
		hz = high_run(bl, fa, fb, s);
		j = s - hz;
		if (hz < LEMMA_MIN_HIGH || j == 0 || j > 32 || (!xc && !yc))
			return 0;
		r = high_lemma(bl, chain, fa, fb, yc, cv, j, s);
	}
	if (r < 0)
		return r;
	bl->lemmas[bl->nlemmas++] = r;
	return 0;
}

int blaster_take_lemma(struct blaster *bl)
{
	return bl->nlemmas ? bl->lemmas[--bl->nlemmas] : -ENOENT;
}
