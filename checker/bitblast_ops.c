// SPDX-License-Identifier: MIT
/*
 * BITBLAST circuits, one check per operator (spec/rules-bv.md 2.3-2.8).
 *
 * Each check walks R from the output bits towards the operands ("peeling")
 * and compares ids.  Work is linear in the circuit size: every gate is
 * looked at a bounded number of times, nothing recurses.
 */
#include <stdio.h>

#include "checker/bitblast.h"

#define W_MAX 256 /* widths are at most 255 */

/* The node at id if it has this code and exactly vlen arguments. */
static const struct bcf_expr *gate(struct bcf_checker *c, uint32_t id, uint8_t code,
				   unsigned vlen)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	return e && e->code == code && e->vlen == vlen ? e : NULL;
}

/* A 2-argument gate with exactly the arguments (x, y). */
static bool gate2(struct bcf_checker *c, uint32_t id, uint8_t code, uint32_t x, uint32_t y)
{
	const struct bcf_expr *e = gate(c, id, code, 2);

	return e && e->args[0] == x && e->args[1] == y;
}

/* Any bool_not node of x. */
static bool is_not_of(struct bcf_checker *c, uint32_t id, uint32_t x)
{
	const struct bcf_expr *e = gate(c, id, BCF_BOOL_NOT, 1);

	return e && e->args[0] == x;
}

/* Any bool_val node with this literal. */
static bool is_bool_val(struct bcf_checker *c, uint32_t id, bool v)
{
	return v ? ckr_is_true(c, id) : ckr_is_false(c, id);
}

static int bad(struct bb_step *s, const char *fmt, unsigned bit)
	__attribute__((format(printf, 2, 0)));
static int bad(struct bb_step *s, const char *fmt, unsigned bit)
{
	char what[160];

	snprintf(what, sizeof(what), fmt, bit);
	return ckr_fail(s->c, -EINVAL, "@t%u (%s): %s", s->eq,
			bcf_code__name(s->l->code), what);
}

static const uint32_t *arg_bits(struct bb_step *s, unsigned i, unsigned *w)
{
	return bb_bits(s->c, s->l->args[i], w);
}

/* Arguments from..vlen-1 are FB vectors of R's width (the type rules
 * guarantee it; checked so that no walk can leave a vector). */
static int same_width(struct bb_step *s, unsigned from)
{
	unsigned i, w;

	for (i = from; i < s->l->vlen; i++)
		if (!arg_bits(s, i, &w) || w != s->r->vlen)
			return bad(s, "argument %u is not a vector of the result's width", i);
	return 0;
}

/* ---- leaves and wiring ------------------------------------------------ */

static int bb_var(struct bb_step *s)
{
	unsigned i;

	for (i = 0; i < s->r->vlen; i++) {
		const struct bcf_expr *b = gate(s->c, s->r->args[i], BCF_BOOL_BITOF, 1);

		if (!b || BCF_EXPR_LOW(b->params) != i || b->args[0] != s->lid)
			return bad(s, "bit %u is not (bit i) of the variable", i);
	}
	return 0;
}

static int bb_val(struct bb_step *s)
{
	uint64_t v = bcf_expr__bv_value(s->l);
	unsigned i;

	for (i = 0; i < s->r->vlen; i++) {
		bool bit = i < 64 && ((v >> i) & 1);

		if (!is_bool_val(s->c, s->r->args[i], bit))
			return bad(s, "bit %u is not the constant's bit", i);
	}
	return 0;
}

static int bb_extract(struct bb_step *s)
{
	unsigned wa, j, lo = BCF_EXPR_LOW(s->l->params);
	const uint32_t *a = arg_bits(s, 0, &wa);

	for (j = 0; j < s->r->vlen; j++)
		if (lo + j >= wa || s->r->args[j] != a[lo + j])
			return bad(s, "bit %u is not the extracted operand bit", j);
	return 0;
}

static int bb_concat(struct bb_step *s)
{
	unsigned k, i, pos = 0, w = s->r->vlen;

	for (k = s->l->vlen; k-- > 0;) {
		unsigned wa;
		const uint32_t *a = arg_bits(s, k, &wa);

		for (i = 0; i < wa; i++, pos++)
			if (pos >= w || s->r->args[pos] != a[i])
				return bad(s, "bit %u is not the concatenated operand bit", pos);
	}
	if (pos != w)
		return bad(s, "%u bits do not match the operands' widths", w);
	return 0;
}

static int bb_sign_extend(struct bb_step *s)
{
	unsigned wa, i;
	const uint32_t *a = arg_bits(s, 0, &wa);

	for (i = 0; i < s->r->vlen; i++) {
		uint32_t want = a[i < wa ? i : wa - 1];

		if (s->r->args[i] != want)
			return bad(s, "bit %u is not the (sign) bit of the operand", i);
	}
	return 0;
}

/* ---- bitwise ------------------------------------------------------------ */

/*
 * Left fold of 2-argument `code` gates over the operands' bit i:
 * r_i = (((x0_i . x1_i) . x2_i) ... . x(n-1)_i).
 */
static int bitwise_fold(struct bb_step *s, uint8_t code)
{
	unsigned i, k, n = s->l->vlen, w = s->r->vlen;

	if (same_width(s, 0))
		return -EINVAL;
	for (i = 0; i < w; i++) {
		uint32_t cur = s->r->args[i];

		for (k = n - 1; k >= 1; k--) {
			const struct bcf_expr *g = gate(s->c, cur, code, 2);
			const uint32_t *xk = arg_bits(s, k, NULL);

			if (!g || g->args[1] != xk[i])
				return bad(s, "bit %u is not a left fold of 2-argument gates", i);
			cur = g->args[0];
		}
		if (cur != arg_bits(s, 0, NULL)[i])
			return bad(s, "bit %u: innermost gate does not start at operand 0", i);
	}
	return 0;
}

static int bb_or(struct bb_step *s)
{
	return bitwise_fold(s, BCF_BOOL_DISJ);
}

/*
 * Kernel defect (rules-bv.md 2.8): the gate code is compared with the ALU
 * code 0x50, which on bool nodes is `distinct`, so the kernel accepts an
 * XOR circuit for bv_and and rejects the sound conjunction.  Reproduced in
 * kernel-compat mode only; strict mode has no accepted bv_and circuit.
 */
static int bb_and(struct bb_step *s)
{
	if (ckr_strict(s->c))
		return ckr_fail(s->c, -EINVAL,
				"@t%u: bv_and has no sound circuit in the kernel's rule "
				"(it accepts xor gates); rejected in strict mode", s->eq);
	return bitwise_fold(s, BCF_BOOL_DISTINCT);
}

/* ---- ripple-carry adder (2.4) ------------------------------------------ */

/*
 * s_i = (x_i xor y_i) xor c_i, c_0 = cin,
 * c_(i+1) = (x_i and y_i) or ((x_i xor y_i) and c_i), the carry by id.
 */
static int rca(struct bb_step *s, unsigned w, const uint32_t *x, const uint32_t *y,
	       const uint32_t *sum, bool cin)
{
	struct bcf_checker *c = s->c;
	uint32_t prev = 0;
	unsigned i;

	for (i = 0; i < w; i++) {
		const struct bcf_expr *si = gate(c, sum[i], BCF_BOOL_XOR, 2);
		const struct bcf_expr *ci, *p;

		if (!si)
			return bad(s, "adder bit %u is not a 2-argument xor", i);
		if (!gate2(c, si->args[0], BCF_BOOL_XOR, x[i], y[i]))
			return bad(s, "adder bit %u: first xor does not take the operand bits", i);
		if (i == 0) {
			if (!is_bool_val(c, si->args[1], cin))
				return bad(s, "adder bit %u: carry-in is not the expected constant", i);
		} else {
			ci = gate(c, si->args[1], BCF_BOOL_DISJ, 2);
			if (!ci)
				return bad(s, "adder bit %u: carry is not a 2-argument or", i);
			if (!gate2(c, ci->args[0], BCF_BOOL_CONJ, x[i - 1], y[i - 1]))
				return bad(s, "adder bit %u: carry generate term is wrong", i);
			p = gate(c, ci->args[1], BCF_BOOL_CONJ, 2);
			if (!p || !gate2(c, p->args[0], BCF_BOOL_XOR, x[i - 1], y[i - 1]) ||
			    p->args[1] != prev)
				return bad(s, "adder bit %u: carry propagate term is wrong", i);
		}
		prev = si->args[1];
	}
	return 0;
}

/* The ids at sum[i].args[0].args[which] (shape checked later by rca). */
static int adder_input(struct bb_step *s, const uint32_t *sum, unsigned w, unsigned which,
		       uint32_t *out)
{
	unsigned i;

	for (i = 0; i < w; i++) {
		const struct bcf_expr *si = gate(s->c, sum[i], BCF_BOOL_XOR, 2);
		const struct bcf_expr *xi = si ? gate(s->c, si->args[0], BCF_BOOL_XOR, 2) : NULL;

		if (!xi)
			return bad(s, "adder bit %u is not (x xor y) xor carry", i);
		out[i] = xi->args[which];
	}
	return 0;
}

static int bb_add(struct bb_step *s)
{
	uint32_t cur[W_MAX], p[W_MAX];
	unsigned w = s->r->vlen, k, i;
	const uint32_t *a0;
	int err;

	if (same_width(s, 0))
		return -EINVAL;
	memcpy(cur, s->r->args, w * sizeof(*cur));
	for (k = s->l->vlen - 1; k >= 1; k--) {
		err = adder_input(s, cur, w, 0, p);
		if (!err)
			err = rca(s, w, p, arg_bits(s, k, NULL), cur, false);
		if (err)
			return err;
		memcpy(cur, p, w * sizeof(*cur));
	}
	a0 = arg_bits(s, 0, NULL);
	for (i = 0; i < w; i++)
		if (cur[i] != a0[i])
			return bad(s, "innermost adder input bit %u is not operand 0's bit", i);
	return 0;
}

static int bb_sub(struct bb_step *s)
{
	const uint32_t *a = arg_bits(s, 0, NULL), *b = arg_bits(s, 1, NULL);
	unsigned w = s->r->vlen, i;
	uint32_t n[W_MAX];
	int err;

	if (same_width(s, 0))
		return -EINVAL;
	err = adder_input(s, s->r->args, w, 1, n);
	if (err)
		return err;
	for (i = 0; i < w; i++)
		if (!is_not_of(s->c, n[i], b[i]))
			return bad(s, "adder bit %u: second input is not (not b_i)", i);
	return rca(s, w, a, n, s->r->args, true);
}

static int bb_neg(struct bb_step *s)
{
	const uint32_t *a = arg_bits(s, 0, NULL);
	unsigned w = s->r->vlen, i;
	uint32_t n[W_MAX], z[W_MAX];
	int err;

	if (same_width(s, 0))
		return -EINVAL;
	err = adder_input(s, s->r->args, w, 0, n);
	if (!err)
		err = adder_input(s, s->r->args, w, 1, z);
	if (err)
		return err;
	for (i = 0; i < w; i++) {
		if (!is_not_of(s->c, n[i], a[i]))
			return bad(s, "adder bit %u: first input is not (not a_i)", i);
		if (!is_bool_val(s->c, z[i], false))
			return bad(s, "adder bit %u: second input is not false", i);
	}
	return rca(s, w, n, z, s->r->args, true);
}

/* ---- comparators (2.5), also the shifters' guard ------------------------ */

/*
 * Unsigned comparator over bits 0..w-1 (w >= 1) rooted at r:
 *   U_i = ((a_i = b_i) and U_(i-1)) or (not a_i and b_i), i >= 1;
 *   U_0 = not a_0 and b_0                       (lt)
 *   U_0 = (not a_0 and b_0) or (a_0 = b_0)      (le)
 */
static int ucmp(struct bb_step *s, uint32_t r, const uint32_t *a, const uint32_t *b,
		unsigned w, bool le)
{
	struct bcf_checker *c = s->c;
	uint32_t cur = r;
	unsigned i;

	for (i = w - 1; i >= 1; i--) {
		const struct bcf_expr *d = gate(c, cur, BCF_BOOL_DISJ, 2);
		const struct bcf_expr *l = d ? gate(c, d->args[0], BCF_BOOL_CONJ, 2) : NULL;
		const struct bcf_expr *h = d ? gate(c, d->args[1], BCF_BOOL_CONJ, 2) : NULL;

		if (!l || !h)
			return bad(s, "comparator bit %u is not (eq and rest) or (lt here)", i);
		if (!gate2(c, l->args[0], BCF_BOOL_EQ, a[i], b[i]))
			return bad(s, "comparator bit %u: equality term is wrong", i);
		if (!is_not_of(c, h->args[0], a[i]) || h->args[1] != b[i])
			return bad(s, "comparator bit %u: (not a_i and b_i) term is wrong", i);
		cur = l->args[1];
	}
	if (le) {
		const struct bcf_expr *d = gate(c, cur, BCF_BOOL_DISJ, 2);

		if (!d || !gate2(c, d->args[1], BCF_BOOL_EQ, a[0], b[0]))
			return bad(s, "comparator bit %u is not (lt or eq) for ule", 0);
		cur = d->args[0];
	}
	{
		const struct bcf_expr *l0 = gate(c, cur, BCF_BOOL_CONJ, 2);

		if (!l0 || !is_not_of(c, l0->args[0], a[0]) || l0->args[1] != b[0])
			return bad(s, "comparator bit %u is not (not a_0 and b_0)", 0);
	}
	return 0;
}

/* Both comparison operands must be FB vectors of the same width. */
static int atom_operands(struct bb_step *s, const uint32_t **a, const uint32_t **b,
			 unsigned *w)
{
	unsigned wa, wb;

	*a = arg_bits(s, 0, &wa);
	*b = arg_bits(s, 1, &wb);
	if (!*a || !*b)
		return ckr_fail(s->c, -EINVAL,
				"@t%u: operands of %s are not bit-level (bv_from_bool)",
				s->eq, bcf_code__name(s->l->code));
	if (wa != wb)
		return bad(s, "operand widths differ (%u)", wa);
	*w = wa;
	return 0;
}

static int bb_atom_eq(struct bb_step *s)
{
	const uint32_t *a, *b;
	unsigned w, i;
	int err = atom_operands(s, &a, &b, &w);

	if (err)
		return err;
	if (w < 2)
		return bad(s, "%u-bit equality cannot be bit-blasted", w);
	if (s->r->code != BCF_BOOL_CONJ || s->r->vlen != w)
		return bad(s, "circuit is not a conjunction of %u bit equalities", w);
	for (i = 0; i < w; i++)
		if (!gate2(s->c, s->r->args[i], BCF_BOOL_EQ, a[i], b[i]))
			return bad(s, "conjunct %u is not (a_i = b_i)", i);
	return 0;
}

static int bb_atom_ucmp(struct bb_step *s, bool le)
{
	const uint32_t *a, *b;
	unsigned w;
	int err = atom_operands(s, &a, &b, &w);

	return err ? err : ucmp(s, s->rid, a, b, w, le);
}

static int bb_atom_ult(struct bb_step *s)
{
	return bb_atom_ucmp(s, false);
}

static int bb_atom_ule(struct bb_step *s)
{
	return bb_atom_ucmp(s, true);
}

/* ((a_s = b_s) and U(low s bits)) or (a_s and not b_s), s = w - 1 >= 1. */
static int bb_atom_scmp(struct bb_step *s, bool le)
{
	struct bcf_checker *c = s->c;
	const struct bcf_expr *d, *l, *h;
	const uint32_t *a, *b;
	unsigned w, t;
	int err = atom_operands(s, &a, &b, &w);

	if (err)
		return err;
	if (w < 2)
		return bad(s, "%u-bit signed comparison cannot be bit-blasted", w);
	t = w - 1;
	d = gate(c, s->rid, BCF_BOOL_DISJ, 2);
	l = d ? gate(c, d->args[0], BCF_BOOL_CONJ, 2) : NULL;
	h = d ? gate(c, d->args[1], BCF_BOOL_CONJ, 2) : NULL;
	if (!l || !h)
		return bad(s, "sign bit %u is not (eq and rest) or (a_s and not b_s)", t);
	if (!gate2(c, l->args[0], BCF_BOOL_EQ, a[t], b[t]))
		return bad(s, "sign bit %u: equality term is wrong", t);
	if (h->args[0] != a[t] || !is_not_of(c, h->args[1], b[t]))
		return bad(s, "sign bit %u: (a_s and not b_s) term is wrong", t);
	return ucmp(s, l->args[1], a, b, t, le);
}

static int bb_atom_slt(struct bb_step *s)
{
	return bb_atom_scmp(s, false);
}

static int bb_atom_sle(struct bb_step *s)
{
	return bb_atom_scmp(s, true);
}

/* ---- shifts (2.6) -------------------------------------------------------- */

static int shift(struct bb_step *s, uint8_t op)
{
	struct bcf_checker *c = s->c;
	const uint32_t *a = arg_bits(s, 0, NULL), *b = arg_bits(s, 1, NULL);
	uint32_t v[W_MAX], p[W_MAX], kw[W_MAX], g;
	unsigned w = s->r->vlen, k = 0, st, j;
	const struct bcf_expr *n;
	int err;

	if (same_width(s, 0))
		return -EINVAL;
	while ((1u << k) < w)
		k++;
	/* output: r_j = ite(g, V(k)_j, fill), one guard id */
	n = gate(c, s->r->args[0], BCF_BOOL_ITE, 3);
	if (!n)
		return bad(s, "output bit %u is not an ite", 0);
	g = n->args[0];
	for (j = 0; j < w; j++) {
		n = gate(c, s->r->args[j], BCF_BOOL_ITE, 3);
		if (!n || n->args[0] != g)
			return bad(s, "output bit %u is not ite(guard, ...) with bit 0's guard", j);
		if (op == BCF_ARSH ? n->args[2] != a[w - 1] : !ckr_is_false(c, n->args[2]))
			return bad(s, "output bit %u: out-of-range fill is wrong", j);
		v[j] = n->args[1];
	}
	/* guard: b <u w, the constant in the checker's canonical true/false ids */
	for (j = 0; j < w; j++)
		kw[j] = j < 16 && ((w >> j) & 1) ? c->true_id : c->false_id;
	err = ucmp(s, g, b, kw, w, false);
	if (err)
		return err;
	/* stages k-1 .. 0 */
	for (st = k; st-- > 0;) {
		unsigned t = 1u << st;

		for (j = 0; j < w; j++) {
			bool over = j + t >= w;

			n = gate(c, v[j], BCF_BOOL_ITE, 3);
			if (!n)
				return bad(s, "shifter stage bit %u is not an ite", j);
			if (op == BCF_LSH || over) {
				if (n->args[0] != b[st])
					return bad(s, "shifter stage bit %u: condition is not b_s", j);
				p[j] = n->args[2];
			} else {
				if (!is_not_of(c, n->args[0], b[st]))
					return bad(s, "shifter stage bit %u: condition is not (not b_s)", j);
				p[j] = n->args[1];
			}
		}
		for (j = 0; j < w; j++) {
			bool over = j + t >= w;

			n = ckr_expr(c, v[j]);
			if (op == BCF_LSH) {
				if (j < t ? !ckr_is_false(c, n->args[1]) : n->args[1] != p[j - t])
					return bad(s, "left shifter stage bit %u: shifted-in value is wrong",
						   j);
			} else if (over) {
				if (op == BCF_ARSH ? n->args[1] != a[w - 1] : !ckr_is_false(c, n->args[1]))
					return bad(s, "right shifter stage bit %u: fill is wrong", j);
			} else if (n->args[2] != p[j + t]) {
				return bad(s, "right shifter stage bit %u: shifted-in value is wrong", j);
			}
		}
		memcpy(v, p, w * sizeof(*v));
	}
	for (j = 0; j < w; j++)
		if (v[j] != a[j])
			return bad(s, "shifter input bit %u is not the operand's bit", j);
	return 0;
}

static int bb_lsh(struct bb_step *s)
{
	return shift(s, BCF_LSH);
}

static int bb_rsh(struct bb_step *s)
{
	return shift(s, BCF_RSH);
}

static int bb_arsh(struct bb_step *s)
{
	return shift(s, BCF_ARSH);
}

/* ---- ite (2.7) ------------------------------------------------------------ */

static int bb_ite(struct bb_step *s)
{
	struct bcf_checker *c = s->c;
	uint32_t cond = s->l->args[0];
	const uint32_t *t = arg_bits(s, 1, NULL), *e = arg_bits(s, 2, NULL);
	const struct bcf_expr *ce = ckr_expr(c, cond);
	unsigned i;

	if (same_width(s, 1))
		return -EINVAL;
	if (!bcf_is_bool(ce))
		return bad(s, "condition is not a bool (%u-bit vector)", bcf_expr__width(ce));
	for (i = 0; i < s->r->vlen; i++) {
		const struct bcf_expr *r = gate(c, s->r->args[i], BCF_BOOL_CONJ, 2);
		const struct bcf_expr *p = r ? gate(c, r->args[0], BCF_BOOL_DISJ, 2) : NULL;

		if (!p || !is_not_of(c, p->args[0], cond) || p->args[1] != t[i])
			return bad(s, "bit %u is not (not c or t_i) and ...", i);
		if (!gate2(c, r->args[1], BCF_BOOL_DISJ, cond, e[i]))
			return bad(s, "bit %u is not ... and (c or e_i)", i);
	}
	return 0;
}

/* ---- tables -------------------------------------------------------------- */

#define REJECT(nm, e, why) { nm, NULL, e, why }

static const struct bb_op term_ops[256] = {
	[BCF_BV_VAR] = { "bv_var", bb_var, 0, NULL },
	[BCF_BV_VAL] = { "bv_val", bb_val, 0, NULL },
	[BCF_BV_EXTRACT] = { "bv_extract", bb_extract, 0, NULL },
	[BCF_BV_CONCAT] = { "bv_concat", bb_concat, 0, NULL },
	[BCF_BV_SIGN_EXTEND] = { "bv_sign_extend", bb_sign_extend, 0, NULL },
	[BCF_BV_OR] = { "bv_or", bb_or, 0, NULL },
	[BCF_BV_AND] = { "bv_and", bb_and, 0, NULL },
	[BCF_BV_ADD] = { "bv_add", bb_add, 0, NULL },
	[BCF_BV_SUB] = { "bv_sub", bb_sub, 0, NULL },
	[BCF_BV_NEG] = { "bv_neg", bb_neg, 0, NULL },
	[BCF_BV_LSH] = { "bv_lsh", bb_lsh, 0, NULL },
	[BCF_BV_RSH] = { "bv_rsh", bb_rsh, 0, NULL },
	[BCF_BV_ARSH] = { "bv_arsh", bb_arsh, 0, NULL },
	[BCF_BV_ITE] = { "bv_ite", bb_ite, 0, NULL },
	/* kernel defects (2.8): no circuit is ever accepted */
	[BCF_BV_NOT] = REJECT("bv_not", -EINVAL,
		              "bv_not circuits are never accepted (kernel defect)"),
	[BCF_BV_XOR] = REJECT("bv_xor", -EINVAL,
		              "bv_xor circuits are never accepted (kernel defect)"),
	/* non-linear: no circuit */
	[BCF_BV_MUL] = REJECT("bv_mul", -EOPNOTSUPP, "no circuit for non-linear bv_mul"),
	[BCF_BV_DIV] = REJECT("bv_div", -EOPNOTSUPP, "no circuit for non-linear bv_div"),
	[BCF_BV_MOD] = REJECT("bv_mod", -EOPNOTSUPP, "no circuit for non-linear bv_mod"),
	[BCF_BV_SDIV] = REJECT("bv_sdiv", -EOPNOTSUPP, "no circuit for non-linear bv_sdiv"),
	[BCF_BV_SMOD] = REJECT("bv_smod", -EOPNOTSUPP, "no circuit for non-linear bv_smod"),
	/* meant to be rewritten first / not candidates */
	[BCF_BV_ZERO_EXTEND] = REJECT("bv_zero_extend", -EINVAL,
		                      "bv_zero_extend must be rewritten to concat first"),
	[BCF_BV_REPEAT] = REJECT("bv_repeat", -EINVAL, "bv_repeat has no circuit"),
	[BCF_BV_FROM_BOOL] = REJECT("bv_from_bool", -EINVAL,
		                    "bv_from_bool is not a bit-blast candidate"),
	[BCF_BV_BVSIZE] = REJECT("bv_bvsize", -EINVAL, "bv_bvsize is not a bit-blast candidate"),
};

static const struct bb_op atom_ops[256] = {
	[BCF_BOOL_EQ] = { "bool_eq", bb_atom_eq, 0, NULL },
	[BCF_BOOL_ULT] = { "bool_ult", bb_atom_ult, 0, NULL },
	[BCF_BOOL_ULE] = { "bool_ule", bb_atom_ule, 0, NULL },
	[BCF_BOOL_SLT] = { "bool_slt", bb_atom_slt, 0, NULL },
	[BCF_BOOL_SLE] = { "bool_sle", bb_atom_sle, 0, NULL },
};

const struct bb_op *bb_term_op(uint8_t code)
{
	return term_ops[code].name ? &term_ops[code] : NULL;
}

const struct bb_op *bb_atom_op(uint8_t code)
{
	return atom_ops[code].name ? &atom_ops[code] : NULL;
}
