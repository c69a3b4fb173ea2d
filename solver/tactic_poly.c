// SPDX-License-Identifier: MIT
/*
 * Polynomial steps of the tactic (solver/tactic_int.h), each a POLY_NORM
 * identity that the strict checker verifies (checker/poly.h):
 *   - tac_poly_const: a sum/product whose polynomial is a constant c or
 *     a single atom X: POLY_NORM (= T c) / (= T X);
 *   - tac_lin_solve: an equality (= L R) with L - R = a*X + b, a odd:
 *     POLY_NORM (= (bvmul #1 (bvsub L R)) (bvmul a (bvsub X c))) with
 *     c = -b/a, then POLY_NORM_EQ gives (= (= L R) (= X c)).
 */
#include <stdlib.h>
#include <string.h>

#include "checker/poly.h"
#include "solver/tactic_int.h"

static const uint8_t K_E[1] = { PB_EXPR };

static int poly(struct tac *t, struct poly_norm **p)
{
	if (!t->poly) {
		t->poly = poly_norm__new(bcf_arena__lookup, t->a);
		if (!t->poly)
			return -ENOMEM;
	}
	*p = t->poly;
	return 0;
}

static int cnst(struct tac *t, unsigned w, uint64_t v, uint32_t *id)
{
	uint32_t words[2] = { (uint32_t)v, (uint32_t)(v >> 32) };

	return pbuild_node(t->b, BCF_BV_VAL, w, words, bcf_val_words(w), id);
}

static int poly_norm_step(struct tac *t, uint32_t l, uint32_t r)
{
	uint32_t a[2] = { l, r }, eq;
	int err = pbuild_node(t->b, BCF_BOOL_EQ, 0, a, 2, &eq);

	return err ? err : pbuild_step(t->b, BCF_RULE_POLY_NORM, NULL, 0, &eq, K_E, 1);
}

int tac_poly_const(struct tac *t, uint32_t tp)
{
	const struct bcf_expr *e = tac_expr(t, tp);
	struct poly_norm *p;
	unsigned w, nterms, deg;
	uint32_t cls, c;
	uint64_t coef = 0;
	const uint32_t *atoms;
	int err;

	switch (e->code) {
	case BCF_BV_ADD:
	case BCF_BV_SUB:
	case BCF_BV_NEG:
	case BCF_BV_MUL:
		break;
	default:
		return -ENOENT;
	}
	if (bcf_expr__width(e) > 64)
		return -ENOENT;
	err = poly(t, &p);
	if (!err)
		err = poly_norm__class(p, tp, &cls);
	if (err)
		return err == -ENOMEM ? err : -ENOENT;
	if (!poly_norm__is_poly(p, cls, &w, &nterms) || nterms > 1)
		return -ENOENT;
	if (nterms == 1) {
		if (poly_norm__term(p, cls, 0, &coef, &atoms, &deg))
			return -ENOENT;
		if (deg == 1 && coef == 1) {
			/* a single atom: (= tp X) */
			c = poly_norm__atom_rep(p, atoms[0]);
			if (c == UINT32_MAX || c == tp || !bcf_is_bv(tac_expr(t, c)) ||
			    bcf_expr__width(tac_expr(t, c)) != w)
				return -ENOENT;
			return poly_norm_step(t, tp, c);
		}
		if (deg)
			return -ENOENT;
	}
	err = cnst(t, w, coef, &c);
	return err ? err : poly_norm_step(t, tp, c);
}

/* inverse of an odd a modulo 2^64 (Newton) */
static uint64_t inverse(uint64_t a)
{
	uint64_t x = a;
	int i;

	for (i = 0; i < 6; i++)
		x *= 2 - a * x;
	return x;
}

/*
 * l is (bvsub X k), (bvadd X k) or (bvadd k X) with k a constant, and r a
 * constant c: l - r = X + b, *b = -k - c (sub) or k - c (add).
 */
static bool offset_form(struct tac *t, uint32_t l, uint32_t r, uint32_t *x, uint64_t *b)
{
	const struct bcf_expr *e = tac_expr(t, l), *re = tac_expr(t, r), *k;
	uint64_t kv, cv;
	unsigned xi;

	if (re->code != BCF_BV_VAL || e->vlen != 2 ||
	    (e->code != BCF_BV_SUB && e->code != BCF_BV_ADD))
		return false;
	cv = bcf_expr__bv_value(re);
	xi = e->code == BCF_BV_ADD && tac_expr(t, e->args[0])->code == BCF_BV_VAL ? 1 : 0;
	k = tac_expr(t, e->args[1 - xi]);
	if (k->code != BCF_BV_VAL || tac_expr(t, e->args[xi])->code == BCF_BV_VAL)
		return false;
	kv = bcf_expr__bv_value(k);
	*x = e->args[xi];
	*b = e->code == BCF_BV_SUB ? 0 - kv - cv : kv - cv;
	return true;
}

int tac_lin_solve(struct tac *t, uint32_t eqn, bool offset, uint32_t *xout)
{
	const struct bcf_expr *e = tac_expr(t, eqn);
	struct poly_norm *p;
	uint32_t l, r, d, cls, x = 0, c, one, ac, m0, m1, xs;
	uint64_t a = 0, b = 0, coef, mask;
	unsigned w, nterms, i, deg;
	const uint32_t *atoms;
	int err, s;

	if (e->code != BCF_BOOL_EQ)
		return -ENOENT;
	l = e->args[0];
	r = e->args[1];
	e = tac_expr(t, l);
	if (!bcf_is_bv(e) || (w = bcf_expr__width(e)) > 64)
		return -ENOENT;
	err = poly(t, &p);
	if (!err)
		err = pbuild_node(t->b, BCF_BV_SUB, w, (uint32_t[2]){ l, r }, 2, &d);
	if (!err)
		err = poly_norm__class(p, d, &cls);
	if (err)
		return err == -ENOMEM ? err : -ENOENT;
	/* (= (bvsub X k) c) and the like, whatever X is: l - r = a*X + b */
	if (offset) {
		if (offset_form(t, l, r, &x, &b)) {
			a = 1;
			goto solved;
		}
		if (offset_form(t, r, l, &x, &b)) {
			a = (uint64_t)-1;
			b = 0 - b;
			goto solved;
		}
		return -ENOENT;
	}
	if (!poly_norm__is_poly(p, cls, &w, &nterms) || nterms < 1 || nterms > 2)
		return -ENOENT;
	for (i = 0; i < nterms; i++) {
		if (poly_norm__term(p, cls, i, &coef, &atoms, &deg))
			return -ENOENT;
		if (deg == 0) {
			b = coef;
		} else if (deg == 1 && !a) {
			a = coef;
			x = poly_norm__atom_rep(p, atoms[0]);
		} else {
			return -ENOENT;
		}
	}
	if (!(a & 1) || x == UINT32_MAX)
		return -ENOENT;
solved:
	e = tac_expr(t, x);
	if (!bcf_is_bv(e) || bcf_expr__width(e) != w || e->code == BCF_BV_VAL)
		return -ENOENT;
	mask = bcf_mask(w);
	/* a*x + b = 0  <=>  x = -b / a */
	err = cnst(t, w, (0 - b) * inverse(a) & mask, &c);
	if (!err)
		err = cnst(t, w, 1, &one);
	if (!err)
		err = cnst(t, w, a & mask, &ac);
	if (!err)
		err = pbuild_node(t->b, BCF_BV_MUL, w, (uint32_t[2]){ one, d }, 2, &m0);
	if (!err)
		err = pbuild_node(t->b, BCF_BV_SUB, w, (uint32_t[2]){ x, c }, 2, &xs);
	if (!err)
		err = pbuild_node(t->b, BCF_BV_MUL, w, (uint32_t[2]){ ac, xs }, 2, &m1);
	if (err)
		return err;
	s = poly_norm_step(t, m0, m1);
	if (s < 0)
		return s == -ENOMEM ? s : -ENOENT;
	s = pbuild_step(t->b, BCF_RULE_POLY_NORM_EQ, &s, 1, NULL, NULL, 0);
	if (s < 0)
		return s == -ENOMEM ? s : -ENOENT;
	*xout = x;
	return s;
}
