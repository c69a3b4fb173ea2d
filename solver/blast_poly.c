// SPDX-License-Identifier: MIT
/*
 * POLY_NORM routes (spec/rules-bv.md 3, 5.3).  Every POLY_NORM emitted here
 * is a polynomial identity modulo 2^w that our strict checker verifies
 * (the builder runs the strict rule), so none of them is trusted:
 *   (bvnot x)      = (bvsub ones x)
 *   (bvmul x c ..) = sums / differences of doublings of x (c in non-adjacent form)
 *   1-bit (= x y)  : POLY_NORM + POLY_NORM_EQ + REWRITE 139 BV_ULT_ONE
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

int bl_route_not(struct blaster *bl, uint32_t t)
{
	uint32_t x = bl_expr(bl, t)->args[0], ones, sub, eq;
	unsigned w = bl_width(bl, t);
	int err;

	if (w > 64)
		return bl_fail(bl, -ENOTSUP, "BITBLAST bv_not (wider than 64 bits)");
	err = bl_const(bl, w, bcf_mask(w), &ones);
	if (!err)
		err = bl_mk2(bl, BCF_BV_SUB, w, ones, x, &sub);
	if (!err)
		err = bl_mk2(bl, BCF_BOOL_EQ, 0, t, sub, &eq);
	return err ? err : bl_poly_norm(bl, eq);
}

/* n-ary sum of ids (a single id stays as it is) */
static int sum(struct blaster *bl, const uint32_t *ids, unsigned n, unsigned w, uint32_t *id)
{
	if (n == 1) {
		*id = ids[0];
		return 0;
	}
	return bl_mk(bl, BCF_BV_ADD, w, ids, n, id);
}

int bl_route_mul(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned w = bl_width(bl, t), n = e->vlen, i, nv = 0, np = 0, nn = 0, k;
	uint32_t x = 0, d, pos[64], neg[64], r, eq, a, b;
	uint64_t c = 1, mask = bcf_mask(w);
	int8_t digit[65];
	int err;

	if (w > 64)
		return bl_fail(bl, -ENOTSUP, "BITBLAST bv_mul (wider than 64 bits)");
	for (i = 0; i < n; i++) {
		const struct bcf_expr *ae = bl_expr(bl, e->args[i]);

		if (ae->code == BCF_BV_VAL) {
			c = (c * bcf_expr__bv_value(ae)) & mask;
		} else {
			x = e->args[i];
			nv++;
		}
	}
	if (nv != 1)
		return bl_fail(bl, -ENOTSUP, "BITBLAST bv_mul (var x var)");
	/* non-adjacent form of c; a digit at 2^w vanishes modulo 2^w */
	{
		uint64_t v = c;
		unsigned hi = 0; /* carry beyond 64 bits for w = 64 */

		for (k = 0; k < w; k++) {
			digit[k] = 0;
			if (v & 1) {
				digit[k] = (v & 2) ? -1 : 1;
				if (digit[k] < 0) {
					v += 1;
					if (!v)
						hi = 1;
				} else {
					v -= 1;
				}
			}
			v = (v >> 1) | ((uint64_t)hi << 63);
			hi = 0;
		}
	}
	d = x;
	for (k = 0; k < w; k++) {
		if (digit[k] > 0)
			pos[np++] = d;
		else if (digit[k] < 0)
			neg[nn++] = d;
		if (k + 1 < w) {
			bool more = false;
			unsigned j;

			for (j = k + 1; j < w; j++)
				if (digit[j])
					more = true;
			if (!more)
				break;
			err = bl_mk2(bl, BCF_BV_ADD, w, d, d, &d);
			if (err)
				return err;
		}
	}
	if (!np && !nn) {
		err = bl_const(bl, w, 0, &r);
	} else if (!nn) {
		err = sum(bl, pos, np, w, &r);
	} else if (!np) {
		err = sum(bl, neg, nn, w, &a);
		if (!err)
			err = bl_mk(bl, BCF_BV_NEG, w, &a, 1, &r);
	} else {
		err = sum(bl, pos, np, w, &a);
		if (!err)
			err = sum(bl, neg, nn, w, &b);
		if (!err)
			err = bl_mk2(bl, BCF_BV_SUB, w, a, b, &r);
	}
	if (!err)
		err = bl_mk2(bl, BCF_BOOL_EQ, 0, t, r, &eq);
	return err ? err : bl_poly_norm(bl, eq);
}

int bl_route_eq1(struct blaster *bl, uint32_t atom)
{
	const struct bcf_expr *e = bl_expr(bl, atom);
	uint32_t x = e->args[0], y = e->args[1], d, one, zero, m0, m1, dz, eq, v[2];
	int p, q, r, s, err;

	err = bl_mk2(bl, BCF_BV_SUB, 1, x, y, &d);
	if (!err)
		err = bl_const(bl, 1, 1, &one);
	if (!err)
		err = bl_const(bl, 1, 0, &zero);
	if (!err)
		err = bl_mk2(bl, BCF_BV_MUL, 1, one, d, &m0);
	if (!err)
		err = bl_mk2(bl, BCF_BV_SUB, 1, d, zero, &dz);
	if (!err)
		err = bl_mk2(bl, BCF_BV_MUL, 1, one, dz, &m1);
	if (!err)
		err = bl_mk2(bl, BCF_BOOL_EQ, 0, m0, m1, &eq);
	if (err)
		return err;
	p = bl_poly_norm(bl, eq);          /* 1*(x-y) = 1*((x-y)-0) */
	if (p < 0)
		return p;
	q = pbuild_step(bl->b, BCF_RULE_POLY_NORM_EQ, &p, 1, NULL, NULL, 0);
	if (q < 0)                         /* (= (= x y) (= d #0)) */
		return bl_step_fail(bl, q, "POLY_NORM_EQ");
	bl->st.poly_norm++;
	v[0] = d;
	err = bl_i32(bl, 1, &v[1]);
	if (err)
		return err;
	r = bl_rewrite(bl, 139, NULL, 0, v, 2); /* (= (bvult d #1) (= d #0)) */
	if (r < 0)
		return r;
	s = pb_symm(bl->b, r);
	if (s < 0)
		return bl_step_fail(bl, s, "SYMM");
	bl->st.other++;
	return bl_trans2(bl, q, s);        /* (= (= x y) (bvult d #1)) */
}
