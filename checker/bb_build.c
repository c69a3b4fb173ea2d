// SPDX-License-Identifier: MIT
/*
 * Builders for the BITBLAST circuits (spec/rules-bv.md 2.3-2.7).  The
 * shapes are exactly the ones checker/bitblast_ops.c accepts.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "checker/bb_build.h"
#include "lang/expr.h"

#define W_MAX 256

int bb_arena_mk(void *arena, uint8_t code, uint16_t params, const uint32_t *args,
		unsigned vlen, uint32_t *id)
{
	return bcf_arena__node(arena, code, params, args, vlen, id);
}

static int mk1(const struct bb_builder *b, uint8_t code, uint32_t x, uint32_t *id)
{
	return b->mk(b->ctx, code, 0, &x, 1, id);
}

static int mk2(const struct bb_builder *b, uint8_t code, uint32_t x, uint32_t y, uint32_t *id)
{
	uint32_t a[2] = { x, y };

	return b->mk(b->ctx, code, 0, a, 2, id);
}

static int mk3(const struct bb_builder *b, uint8_t code, uint32_t x, uint32_t y, uint32_t z,
	       uint32_t *id)
{
	uint32_t a[3] = { x, y, z };

	return b->mk(b->ctx, code, 0, a, 3, id);
}

int bb_build_var(const struct bb_builder *b, uint32_t x, unsigned w, uint32_t *out)
{
	unsigned i;
	int err;

	for (i = 0; i < w; i++) {
		err = b->mk(b->ctx, BCF_BOOL_BITOF, i, &x, 1, &out[i]);
		if (err)
			return err;
	}
	return 0;
}

void bb_build_const(const struct bb_builder *b, uint64_t value, unsigned w, uint32_t *out)
{
	unsigned i;

	for (i = 0; i < w; i++)
		out[i] = i < 64 && ((value >> i) & 1) ? b->t : b->f;
}

int bb_build_fb(const struct bb_builder *b, const uint32_t *bits, unsigned w, uint32_t *id)
{
	return b->mk(b->ctx, BCF_BV_FROM_BOOL, 0, bits, w, id);
}

int bb_build_rca(const struct bb_builder *b, const uint32_t *x, const uint32_t *y, unsigned w,
		 bool cin, uint32_t *out)
{
	uint32_t carry = cin ? b->t : b->f, xo, g, p, nc;
	unsigned i;
	int err;

	for (i = 0; i < w; i++) {
		err = mk2(b, BCF_BOOL_XOR, x[i], y[i], &xo);
		if (!err)
			err = mk2(b, BCF_BOOL_XOR, xo, carry, &out[i]);
		if (err)
			return err;
		if (i + 1 == w)
			break;
		err = mk2(b, BCF_BOOL_CONJ, x[i], y[i], &g);
		if (!err)
			err = mk2(b, BCF_BOOL_CONJ, xo, carry, &p);
		if (!err)
			err = mk2(b, BCF_BOOL_DISJ, g, p, &nc);
		if (err)
			return err;
		carry = nc;
	}
	return 0;
}

int bb_build_add(const struct bb_builder *b, const uint32_t *const *ops, unsigned n,
		 unsigned w, uint32_t *out)
{
	uint32_t acc[W_MAX];
	unsigned k;
	int err;

	if (n < 2 || w > 255)
		return -EINVAL;
	err = bb_build_rca(b, ops[0], ops[1], w, false, out);
	for (k = 2; !err && k < n; k++) {
		memcpy(acc, out, w * sizeof(*acc));
		err = bb_build_rca(b, acc, ops[k], w, false, out);
	}
	return err;
}

int bb_build_sub(const struct bb_builder *b, const uint32_t *x, const uint32_t *y, unsigned w,
		 uint32_t *out)
{
	uint32_t ny[W_MAX];
	unsigned i;
	int err;

	if (w > 255)
		return -EINVAL;
	for (i = 0; i < w; i++) {
		err = mk1(b, BCF_BOOL_NOT, y[i], &ny[i]);
		if (err)
			return err;
	}
	return bb_build_rca(b, x, ny, w, true, out);
}

int bb_build_neg(const struct bb_builder *b, const uint32_t *x, unsigned w, uint32_t *out)
{
	uint32_t nx[W_MAX], z[W_MAX];
	unsigned i;
	int err;

	if (w > 255)
		return -EINVAL;
	for (i = 0; i < w; i++) {
		err = mk1(b, BCF_BOOL_NOT, x[i], &nx[i]);
		if (err)
			return err;
		z[i] = b->f;
	}
	return bb_build_rca(b, nx, z, w, true, out);
}

int bb_build_fold(const struct bb_builder *b, uint8_t gate, const uint32_t *const *ops,
		  unsigned n, unsigned w, uint32_t *out)
{
	unsigned i, k;
	int err;

	if (n < 2)
		return -EINVAL;
	for (i = 0; i < w; i++) {
		uint32_t cur = ops[0][i];

		for (k = 1; k < n; k++) {
			err = mk2(b, gate, cur, ops[k][i], &cur);
			if (err)
				return err;
		}
		out[i] = cur;
	}
	return 0;
}

/* Unsigned comparator x <u y (le: x <=u y) over w >= 1 bits, rooted at *id. */
static int ucmp(const struct bb_builder *b, const uint32_t *x, const uint32_t *y, unsigned w,
		bool le, uint32_t *id)
{
	uint32_t cur, na, lt, eq, l, h;
	unsigned i;
	int err;

	err = mk1(b, BCF_BOOL_NOT, x[0], &na);
	if (!err)
		err = mk2(b, BCF_BOOL_CONJ, na, y[0], &cur);
	if (!err && le) {
		lt = cur;
		err = mk2(b, BCF_BOOL_EQ, x[0], y[0], &eq);
		if (!err)
			err = mk2(b, BCF_BOOL_DISJ, lt, eq, &cur);
	}
	for (i = 1; !err && i < w; i++) {
		err = mk2(b, BCF_BOOL_EQ, x[i], y[i], &eq);
		if (!err)
			err = mk2(b, BCF_BOOL_CONJ, eq, cur, &l);
		if (!err)
			err = mk1(b, BCF_BOOL_NOT, x[i], &na);
		if (!err)
			err = mk2(b, BCF_BOOL_CONJ, na, y[i], &h);
		if (!err)
			err = mk2(b, BCF_BOOL_DISJ, l, h, &cur);
	}
	if (!err)
		*id = cur;
	return err;
}

int bb_build_cmp(const struct bb_builder *b, uint8_t code, const uint32_t *x,
		 const uint32_t *y, unsigned w, uint32_t *id)
{
	uint32_t eqs[W_MAX], u, eq, l, nb, h;
	unsigned i, s;
	int err;

	if (w < 1 || w > 255)
		return -EINVAL;
	switch (code) {
	case BCF_BOOL_EQ:
		if (w < 2)
			return -EINVAL;
		for (i = 0; i < w; i++) {
			err = mk2(b, BCF_BOOL_EQ, x[i], y[i], &eqs[i]);
			if (err)
				return err;
		}
		return b->mk(b->ctx, BCF_BOOL_CONJ, 0, eqs, w, id);
	case BCF_BOOL_ULT:
	case BCF_BOOL_ULE:
		return ucmp(b, x, y, w, code == BCF_BOOL_ULE, id);
	case BCF_BOOL_SLT:
	case BCF_BOOL_SLE:
		if (w < 2)
			return -EINVAL;
		s = w - 1;
		err = ucmp(b, x, y, s, code == BCF_BOOL_SLE, &u);
		if (!err)
			err = mk2(b, BCF_BOOL_EQ, x[s], y[s], &eq);
		if (!err)
			err = mk2(b, BCF_BOOL_CONJ, eq, u, &l);
		if (!err)
			err = mk1(b, BCF_BOOL_NOT, y[s], &nb);
		if (!err)
			err = mk2(b, BCF_BOOL_CONJ, x[s], nb, &h);
		if (!err)
			err = mk2(b, BCF_BOOL_DISJ, l, h, id);
		return err;
	default:
		return -EINVAL;
	}
}

int bb_build_shift(const struct bb_builder *b, uint8_t op, const uint32_t *x,
		   const uint32_t *amount, unsigned w, uint32_t *out)
{
	uint32_t v[W_MAX], p[W_MAX], kw[W_MAX], g, nb, fill;
	unsigned k = 0, st, j;
	int err = 0;

	if (w < 1 || w > 255 || (op != BCF_LSH && op != BCF_RSH && op != BCF_ARSH))
		return -EINVAL;
	while ((1u << k) < w)
		k++;
	memcpy(v, x, w * sizeof(*v));
	for (st = 0; st < k; st++) {
		unsigned t = 1u << st;

		if (op != BCF_LSH) {
			err = mk1(b, BCF_BOOL_NOT, amount[st], &nb);
			if (err)
				return err;
		}
		for (j = 0; j < w && !err; j++) {
			if (op == BCF_LSH)
				err = mk3(b, BCF_BOOL_ITE, amount[st], j < t ? b->f : v[j - t], v[j],
					  &p[j]);
			else if (j + t >= w)
				err = mk3(b, BCF_BOOL_ITE, amount[st],
					  op == BCF_ARSH ? x[w - 1] : b->f, v[j], &p[j]);
			else
				err = mk3(b, BCF_BOOL_ITE, nb, v[j], v[j + t], &p[j]);
		}
		if (err)
			return err;
		memcpy(v, p, w * sizeof(*v));
	}
	bb_build_const(b, w, w, kw);
	err = ucmp(b, amount, kw, w, false, &g);
	fill = op == BCF_ARSH ? x[w - 1] : b->f;
	for (j = 0; j < w && !err; j++)
		err = mk3(b, BCF_BOOL_ITE, g, v[j], fill, &out[j]);
	return err;
}

int bb_build_ite(const struct bb_builder *b, uint32_t cond, const uint32_t *t,
		 const uint32_t *e, unsigned w, uint32_t *out)
{
	uint32_t nc, p, q;
	unsigned i;
	int err;

	err = mk1(b, BCF_BOOL_NOT, cond, &nc);
	for (i = 0; i < w && !err; i++) {
		err = mk2(b, BCF_BOOL_DISJ, nc, t[i], &p);
		if (!err)
			err = mk2(b, BCF_BOOL_DISJ, cond, e[i], &q);
		if (!err)
			err = mk2(b, BCF_BOOL_CONJ, p, q, &out[i]);
	}
	return err;
}

/* Copy the bits of FB node id into out (room for 255); its width or 0. */
static unsigned fb_bits(bcf_expr_lookup_fn lookup, void *lctx, uint32_t id, uint32_t *out)
{
	const struct bcf_expr *e = lookup(lctx, id);

	if (!e || e->code != BCF_BV_FROM_BOOL)
		return 0;
	memcpy(out, e->args, e->vlen * sizeof(*out));
	return e->vlen;
}

static int finish(const struct bb_builder *b, uint8_t code, uint16_t params,
		  const uint32_t *args, unsigned n, const uint32_t *out, unsigned w, uint32_t atom,
		  uint32_t *eq)
{
	uint32_t lr[2];
	int err;

	err = b->mk(b->ctx, code, params, args, n, &lr[0]);
	if (!err && atom == UINT32_MAX)
		err = bb_build_fb(b, out, w, &lr[1]);
	else
		lr[1] = atom;
	if (!err)
		err = b->mk(b->ctx, BCF_BOOL_EQ, 0, lr, 2, eq);
	return err;
}

int bb_build_step(const struct bb_builder *b, bcf_expr_lookup_fn lookup, void *lctx,
		  uint8_t code, uint16_t params, const uint32_t *args, unsigned n, uint32_t *eq)
{
	uint32_t (*bits)[W_MAX], out[W_MAX], atom = UINT32_MAX;
	const uint32_t **ops;
	unsigned i, j, w = 0, wi[256] = { 0 }, first = code == BCF_BV_ITE ? 1 : 0;
	int err = 0;

	if (n <= first || n > 255)
		return -EINVAL;
	bits = malloc(n * sizeof(*bits));
	ops = malloc(n * sizeof(*ops));
	if (!bits || !ops) {
		free(bits);
		free(ops);
		return -ENOMEM;
	}
	for (i = first; i < n && !err; i++) {
		wi[i] = fb_bits(lookup, lctx, args[i], bits[i]);
		ops[i] = bits[i];
		if (!wi[i])
			err = -EINVAL;
	}
	if (err)
		goto out;
	w = wi[first];
	switch (code) {
	case BCF_BV_ADD:
		err = n >= 2 ? bb_build_add(b, ops, n, w, out) : -EINVAL;
		break;
	case BCF_BV_SUB:
		err = n == 2 ? bb_build_sub(b, bits[0], bits[1], w, out) : -EINVAL;
		break;
	case BCF_BV_NEG:
		err = bb_build_neg(b, bits[0], w, out);
		break;
	case BCF_BV_OR:
		err = bb_build_fold(b, BCF_BOOL_DISJ, ops, n, w, out);
		break;
	case BCF_BV_LSH:
	case BCF_BV_RSH:
	case BCF_BV_ARSH:
		err = n == 2 ? bb_build_shift(b, BCF_OP(code), bits[0], bits[1], w, out) : -EINVAL;
		break;
	case BCF_BV_ITE: {
		const struct bcf_expr *c = lookup(lctx, args[0]);

		if (n != 3 || !c || !bcf_is_bool(c))
			err = -EOPNOTSUPP; /* only a bool condition has a circuit */
		else
			err = bb_build_ite(b, args[0], bits[1], bits[2], w, out);
		break;
	}
	case BCF_BV_EXTRACT: {
		unsigned hi = BCF_EXPR_HIGH(params), lo = BCF_EXPR_LOW(params);

		if (hi < lo || hi >= w)
			err = -EINVAL;
		else
			memcpy(out, &bits[0][lo], (hi - lo + 1) * sizeof(*out));
		w = hi - lo + 1;
		break;
	}
	case BCF_BV_CONCAT:
		for (w = 0, i = n; i-- > 0 && !err;)
			for (j = 0; j < wi[i]; j++) {
				if (w == 255) {
					err = -EINVAL;
					break;
				}
				out[w++] = bits[i][j];
			}
		break;
	case BCF_BV_SIGN_EXTEND:
		if (w + BCF_EXPR_HIGH(params) > 255) {
			err = -EINVAL;
			break;
		}
		for (i = 0; i < w + BCF_EXPR_HIGH(params); i++)
			out[i] = bits[0][i < w ? i : w - 1];
		w += BCF_EXPR_HIGH(params);
		break;
	case BCF_BOOL_EQ:
	case BCF_BOOL_ULT:
	case BCF_BOOL_ULE:
	case BCF_BOOL_SLT:
	case BCF_BOOL_SLE:
		if (n != 2 || wi[1] != w)
			err = -EINVAL;
		else if (w < 2 && code != BCF_BOOL_ULT && code != BCF_BOOL_ULE)
			err = -EOPNOTSUPP;
		else
			err = bb_build_cmp(b, code, bits[0], bits[1], w, &atom);
		break;
	default:
		err = -EOPNOTSUPP;
		break;
	}
	if (!err)
		err = finish(b, code, params, args, n, out, w, atom, eq);
out:
	free(bits);
	free(ops);
	return err;
}

int bb_build_leaf(const struct bb_builder *b, bcf_expr_lookup_fn lookup, void *lctx,
		  uint32_t x, uint32_t *eq)
{
	const struct bcf_expr *e = lookup(lctx, x);
	uint32_t out[W_MAX], lr[2] = { x, 0 };
	unsigned w;
	int err;

	if (!e || !bcf_is_bv(e))
		return -EINVAL;
	w = bcf_expr__width(e);
	if (e->code == BCF_BV_VAR) {
		err = bb_build_var(b, x, w, out);
	} else if (e->code == BCF_BV_VAL && w <= 64) {
		bb_build_const(b, bcf_expr__bv_value(e), w, out);
		err = 0;
	} else {
		return -EINVAL;
	}
	if (!err)
		err = bb_build_fb(b, out, w, &lr[1]);
	if (!err)
		err = b->mk(b->ctx, BCF_BOOL_EQ, 0, lr, 2, eq);
	return err;
}
