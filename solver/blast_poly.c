// SPDX-License-Identifier: MIT
/*
 * The one POLY_NORM route of the blaster (spec/rules-bv.md 3, 5.3):
 *   (bvmul x c ..) = sums / differences of doublings of x (c in non-adjacent form)
 * a polynomial identity modulo 2^w that our strict checker verifies (the
 * builder runs the strict rule).  The kernel trusts POLY_NORM without
 * checking it, but no rule it checks can take a product apart
 * (docs/prover-design.md, "Facts that still need POLY_NORM"), so this is
 * the only route; with pbuild_set_no_trusted() it fails and the product
 * stays an opaque term.
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

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
