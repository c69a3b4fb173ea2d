// SPDX-License-Identifier: MIT
/*
 * A unit equality fact narrowed to two of its bits.  When the blasted sides
 * of a fact (= x y) over w-bit vectors (w >= WINDOW_MIN) hold different constants at
 * some bit i ((= (zero_extend 24 v) #xffffffff): bit 31 of the left side is
 * false), those bits alone refute the fact: CONG of extract[j+1:j] (the
 * window holding i) over the fact gives the 2-bit equality
 * (= (extract x) (extract y)), whose circuit has the conjunct (= F T).  The
 * w-bit comparison (a w-argument conjunction of bit equalities, and the
 * constant side's w-bit vector) is never built: on the shared vectors that
 * is most of the refutation for the masked-register checks against -1.
 */
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
