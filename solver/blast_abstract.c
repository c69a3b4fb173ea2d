// SPDX-License-Identifier: MIT
/*
 * Terms that no kernel-checked route blasts (a product whose only route is
 * the kernel-trusted POLY_NORM, a product of two variables, a division, a
 * bvxor of two variables...) given opaque bits, so that every atom over
 * such a term still gets its circuit and the refutation can use whatever
 * does not depend on the term's value (e.g. that t < 100 and t > 200 cannot
 * both hold):
 *
 *   (extract[i:i] t) = (ite (= (extract[i:i] t) #1) #1 #0)    SYMM of REWRITE 83
 *
 * for every bit, merged back into t by bl_split_bits (REWRITE 51, 53).  The
 * conditions (= (extract[i:i] t) #1) are left opaque: blast_atom() refuses
 * them with the reason the term had no route, and the refuter makes them
 * SAT variables, so a refutation that needs the term's value is still
 * reported as unprovable with that reason.  Enabled by
 * blaster_set_abstract() (the prover's kernel-checked rebuild).
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

#define ABSTRACTED 8u /* state bit 3: t has opaque bits */

void blaster_set_abstract(struct blaster *bl, bool on)
{
	bl->abstract = on;
}

const char *blaster_abstract_why(const struct blaster *bl)
{
	return bl->abstract_why[0] ? bl->abstract_why : NULL;
}

/* (= (ite (= e #1) #1 #0) e) for e = (extract[i:i] t), or e = t at 1 bit */
static int bit_leaf(struct blaster *bl, uint32_t t, unsigned i, void *ctx)
{
	uint32_t e = t;
	int err;

	(void)ctx;
	if (bl_width(bl, t) > 1) {
		err = bl_mk(bl, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(i, i), &t, 1, &e);
		if (err)
			return err;
	}
	return bl_rewrite(bl, 83, NULL, 0, &e, 1);
}

int bl_route_abstract(struct blaster *bl, uint32_t t)
{
	int s, err;

	if (!bl->abstract)
		return -ENOTSUP;
	err = bl_grow(bl);
	if (err)
		return err;
	if (!bl->abstract_why[0])
		snprintf(bl->abstract_why, sizeof(bl->abstract_why), "%s", bl->why);
	bl->state[t] |= ABSTRACTED;
	if (bl_width(bl, t) == 1) {
		s = bit_leaf(bl, t, 0, NULL);
		return s < 0 ? s : bl_symm(bl, s);
	}
	return bl_split_bits(bl, t, bit_leaf, NULL);
}

bool bl_abstract_bit(struct blaster *bl, uint32_t atom)
{
	const struct bcf_expr *e = bl_expr(bl, atom), *x, *c;
	uint32_t t;

	if (!bl->abstract || e->code != BCF_BOOL_EQ)
		return false;
	x = bl_expr(bl, e->args[0]);
	c = bl_expr(bl, e->args[1]);
	if (c->code != BCF_BV_VAL || bcf_expr__width(c) != 1 || bcf_expr__bv_value(c) != 1)
		return false;
	t = e->args[0];
	if (x->code == BCF_BV_EXTRACT && BCF_EXPR_HIGH(x->params) == BCF_EXPR_LOW(x->params))
		t = x->args[0];
	return t < bl->cap && (bl->state[t] & ABSTRACTED) &&
	       (t == e->args[0] || bl_width(bl, t) > 1);
}
