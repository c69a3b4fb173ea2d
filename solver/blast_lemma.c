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

/* (= (= X C0) (= X FB0)) and on to (= (= X C0) conj) by BITBLAST, X an FB node */
static int eq_zero(struct blaster *bl, uint32_t x, uint32_t c0, int s_c0)
{
	uint32_t args[2] = { x, bl_rhs(bl, s_c0) }, atom, eq;
	int p[2], c, s, err;

	if ((err = bl_mk2(bl, BCF_BOOL_EQ, 0, x, c0, &atom)))
		return err;
	p[0] = bl_refl(bl, x);
	p[1] = s_c0;
	c = p[0] < 0 ? p[0] : bl_cong(bl, atom, p, 2);
	if (c < 0)
		return c;
	err = bb_build_step(&bl->bb, bcf_arena__lookup, bl->a, BCF_BOOL_EQ, 0, args, 2, &eq);
	if (err)
		return bl_fail(bl, err, "building a lemma's equality: %s", bcf_last_error());
	s = bl_bitblast(bl, eq);
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
	uint32_t la, lb, c0, x, args[2], eq, c_atom, v[2], zero[2] = { 0, 0 }, r_rhs;
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
	/* (= (op la lb) U) */
	args[0] = la;
	args[1] = lb;
	s = bb_build_step(&bl->bb, bcf_arena__lookup, bl->a, code, 0, args, 2, &eq);
	if (s)
		return bl_fail(bl, s, "building a lemma's comparator: %s", bcf_last_error());
	s_u = bl_bitblast(bl, eq);
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

int bl_cmp_lemma(struct blaster *bl, uint8_t code, uint32_t fa, uint32_t fb)
{
	unsigned w = bl_expr(bl, fa)->vlen, ja, jb, j;
	uint8_t chain;
	int s;

	if (w < LEMMA_MIN_BITS + 1 || w > 64)
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
	/* the chain under the top bit: the sign bits, or the top bit of an
	 * unsigned comparator, whose whole value simple() already decides */
	ja = zero_run(bl, fa, w - 1);
	jb = zero_run(bl, fb, w - 1);
	j = ja > jb ? ja : jb;
	if (j < LEMMA_MIN_BITS || bl->nlemmas == BL_MAX_LEMMAS)
		return 0;
	s = lemma(bl, chain, fa, fb, j, jb >= ja);
	if (s < 0)
		return s;
	bl->lemmas[bl->nlemmas++] = s;
	return 0;
}

int blaster_take_lemma(struct blaster *bl)
{
	return bl->nlemmas ? bl->lemmas[--bl->nlemmas] : -ENOENT;
}
