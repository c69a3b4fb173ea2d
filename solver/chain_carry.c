// SPDX-License-Identifier: MIT
/*
 * Carry invariants of an add chain's link (solver/chain.h).
 *
 * A link's lemma says T_k = B + Q, with T_k = T_(k-1) + d and T_(k-1)
 * known equal to B + P (the previous lemma, or T_(k-1) itself for the
 * chain's first link); P, d and Q are constants.  Three ripple-carry adders
 * are at work: v = B + P (carries k_i), T_k = u + d over T_(k-1)'s bits u
 * (carries m_i) and w = B + Q (carries n_i).  Adding the full-adder
 * equations of bit i of the first two and subtracting the third's gives
 *
 *   (k_i + m_i - n_i) + (P_i + d_i - Q_i) = (r_i - r'_i) + 2 (k_(i+1) + m_(i+1) - n_(i+1))
 *
 * (r, r' the sum bits of T_k and of w), so with D_0 the carry-ins' sum and
 * D_(i+1) = (P_i + d_i - Q_i + D_i) / 2, the invariant k_i + m_i - n_i = D_i
 * at bit i gives r_i = r'_i and the invariant at bit i + 1: each bit of the
 * link follows from the bit below, with nothing else of the chain.  The
 * invariants are atoms over the carry nodes, which the SAT search decides
 * bit by bit (solver/refute.c): it then learns them as units, each from a
 * short derivation, instead of clauses that mix every bit of the link.
 * They are ordinary atoms (Tseitin axioms, all checked by the kernel), and
 * a wrong one could only slow the search down, never make a proof wrong.
 */
#include <errno.h>
#include <stdlib.h>

#include "lang/arena.h"
#include "lang/expr.h"
#include "solver/chain.h"
#include "solver/pbuild.h"

/* 0 or 1 for a bool constant or the negation of one (bv_sub's operand bits), else -1. */
static int const_bit(const struct bcf_arena *a, uint32_t id)
{
	const struct bcf_expr *e = bcf_arena__expr(a, id);

	bool neg = e && e->code == BCF_BOOL_NOT && e->vlen == 1;

	if (neg)
		e = bcf_arena__expr(a, e->args[0]);
	return e && e->code == BCF_BOOL_VAL ? (int)(e->params & 1) ^ neg : -1;
}

/* One adder read off its sum bits: per bit the carry into it, the constant bit, the other bit. */
struct adder {
	uint32_t carry[CHAIN_CARRY_MAX_W], other[CHAIN_CARRY_MAX_W];
	uint8_t cbit[CHAIN_CARRY_MAX_W];
	int cin;
};

/*
 * The ripple-carry adder of a term and a constant behind sum bits s
 * (rules-bv.md 2.4: s_i = (x_i XOR y_i) XOR c_i): false if they are not one.
 */
static bool read_adder(const struct bcf_arena *a, const uint32_t *s, unsigned w, struct adder *ad)
{
	unsigned i;

	for (i = 0; i < w; i++) {
		const struct bcf_expr *e = bcf_arena__expr(a, s[i]), *x;
		int cx, cy;

		if (!e || e->code != BCF_BOOL_XOR || e->vlen != 2)
			return false;
		x = bcf_arena__expr(a, e->args[0]);
		if (!x || x->code != BCF_BOOL_XOR || x->vlen != 2)
			return false;
		ad->carry[i] = e->args[1];
		cx = const_bit(a, x->args[0]);
		cy = const_bit(a, x->args[1]);
		if ((cx < 0) == (cy < 0))
			return false; /* not one constant operand */
		ad->cbit[i] = (uint8_t)(cx < 0 ? cy : cx);
		ad->other[i] = cx < 0 ? x->args[0] : x->args[1];
	}
	ad->cin = const_bit(a, ad->carry[0]);
	return ad->cin >= 0;
}

/* The atoms of k + m - n = D at one bit, with the value each must have. */
static int invariant(struct pbuild *b, uint32_t k, uint32_t m, uint32_t n, int D,
		     uint32_t out[CHAIN_CARRY_PER_BIT], uint8_t want[CHAIN_CARRY_PER_BIT])
{
	uint32_t pair[2] = { k, m }, g;
	int err;

	switch (D) {
	case 0: /* not both, n = k OR m */
	case 1: /* at least one, n = k AND m */
		want[0] = D == 1;
		want[1] = 1;
		out[2] = 0;
		err = pbuild_node(b, D ? BCF_BOOL_DISJ : BCF_BOOL_CONJ, 0, pair, 2, &out[0]);
		if (err)
			return err;
		err = pbuild_node(b, D ? BCF_BOOL_CONJ : BCF_BOOL_DISJ, 0, pair, 2, &g);
		if (err)
			return err;
		pair[0] = n;
		pair[1] = g;
		return pbuild_node(b, BCF_BOOL_EQ, 0, pair, 2, &out[1]);
	case 2:
	case -1:
		out[0] = k;
		out[1] = m;
		out[2] = n;
		want[0] = want[1] = D == 2;
		want[2] = D != 2;
		return 0;
	default:
		return -ENOENT;
	}
}

int chain_carry_atoms(struct pbuild *b, const uint32_t *tk_bits, const uint32_t *rhs_bits,
		      const uint32_t *prev_bits, unsigned w, uint32_t *atoms, uint8_t *want)
{
	struct bcf_arena *a = pbuild_arena(b);
	struct adder *link = malloc(3 * sizeof(*link)), *base, *prev;
	unsigned i;
	int D, err = -ENOENT;

	if (!link)
		return -ENOMEM;
	base = link + 1;
	prev = link + 2;
	if (w < 2 || w > CHAIN_CARRY_MAX_W || !read_adder(a, tk_bits, w, link) ||
	    !read_adder(a, rhs_bits, w, base) ||
	    !read_adder(a, prev_bits ? prev_bits : link->other, w, prev))
		goto out;
	for (i = 0; i < w; i++)
		if (base->other[i] != prev->other[i])
			goto out; /* not the same base B */
	for (i = 0; i < CHAIN_CARRY_PER_BIT; i++)
		atoms[i] = 0; /* bit 0: the carry-ins, constants */
	D = prev->cin + link->cin - base->cin;
	err = 0;
	for (i = 0; i + 1 < w && !err; i++) {
		int t = prev->cbit[i] + link->cbit[i] - base->cbit[i] + D;

		if (t & 1) {
			err = -ENOENT; /* the sums differ at bit i: no lemma of this shape */
			break;
		}
		D = t / 2;
		err = invariant(b, prev->carry[i + 1], link->carry[i + 1], base->carry[i + 1], D,
				atoms + (i + 1) * CHAIN_CARRY_PER_BIT,
				want + (i + 1) * CHAIN_CARRY_PER_BIT);
	}
out:
	free(link);
	return err;
}
