// SPDX-License-Identifier: MIT
/*
 * Unit tests for the bit-vector rules (spec/rules-bv.md): BITBLAST for every
 * operator and atom (accepted circuits, every single-gate mutation rejected,
 * wrong bit order, wrong shapes), the kernel defects of 2.8 in both modes,
 * operators without circuits, POLY_NORM (compat trusted, strict verified)
 * and POLY_NORM_EQ.  Circuits come from checker/bb_build.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "checker/bb_build.h"
#include "checker/checker.h"
#include "checker/poly.h"
#include "lang/arena.h"
#include "tests/proof_build.h"
#include "tests/rng.h"
#include "tests/tap.h"
#include "tests/read_file.h"

#define TMAX (1u << 18)
#define COMPAT BCF_CHECK_KERNEL_COMPAT
#define STRICT BCF_CHECK_STRICT

/* ---- a plain (not hash-consed) expression table ------------------------ */

/* the table (tests/proof_build.h), at most TMAX words (the bound of val[]) */
static struct pb TB;
static int toverflow;

/* mutation of the n-th node the builder creates (see mk_mut) */
static struct {
	int target, count, kind;
	bool changed;
} mut;

static uint32_t node(uint8_t code, uint16_t params, const uint32_t *args, unsigned vlen)
{
	if (TB.nw + vlen + 1 > TMAX) {
		toverflow = 1;
		return 0;
	}
	return pb_nodev(&TB, code, params, vlen, args);
}

static uint32_t n1(uint8_t code, uint16_t params, uint32_t a)
{
	return node(code, params, &a, 1);
}

static uint32_t n2(uint8_t code, uint16_t params, uint32_t a, uint32_t b)
{
	uint32_t x[2] = { a, b };

	return node(code, params, x, 2);
}

static uint32_t n3(uint8_t code, uint16_t params, uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t x[3] = { a, b, c };

	return node(code, params, x, 3);
}

static uint32_t var(unsigned w)
{
	return node(BCF_BV_VAR, w, NULL, 0);
}

static uint32_t cst(unsigned w, uint64_t v)
{
	uint32_t x[2] = { (uint32_t)v, (uint32_t)(v >> 32) };

	return node(BCF_BV_VAL, w, x, w > 32 ? 2 : 1);
}

static uint32_t T, F;

static void reset(void)
{
	pb_reset(&TB);
	pb_reserve(&TB, TMAX); /* node() stays within: the table never moves */
	toverflow = 0;
	T = node(BCF_BOOL_VAL, BCF_TRUE, NULL, 0);
	F = node(BCF_BOOL_VAL, BCF_FALSE, NULL, 0);
}

/* Builder callback; mutates the mut.target-th node it creates. */
static int mk_mut(void *ctx, uint8_t code, uint16_t params, const uint32_t *args, unsigned vlen,
		  uint32_t *id)
{
	uint32_t a[256];

	(void)ctx;
	memcpy(a, args, vlen * sizeof(*a));
	if (mut.count++ == mut.target) {
		bool other_bit = false;
		uint8_t c2 = code;

		if (mut.kind == 0) { /* wrong gate */
			switch (code) {
			case BCF_BOOL_CONJ: c2 = vlen == 2 ? BCF_BOOL_DISJ : BCF_BOOL_XOR; break;
			case BCF_BOOL_DISJ: c2 = BCF_BOOL_CONJ; break;
			case BCF_BOOL_XOR: c2 = BCF_BOOL_DISJ; break;
			case BCF_BOOL_EQ: c2 = BCF_BOOL_XOR; break;
			case BCF_BOOL_DISTINCT: c2 = BCF_BOOL_EQ; break;
			case BCF_BOOL_NOT: /* not x -> not not x */
				a[0] = n1(BCF_BOOL_NOT, 0, a[0]);
				break;
			case BCF_BOOL_ITE: { /* swap branches */
				uint32_t t = a[1];

				a[1] = a[2];
				a[2] = t;
				break;
			}
			case BCF_BOOL_BITOF: /* another bit, if the variable has one */
				if ((params ^ 1u) < (TB.w[a[0]] >> 16 & 0xff)) {
					params ^= 1;
					other_bit = true;
				}
				break;
			}
			mut.changed = c2 != code || memcmp(a, args, vlen * sizeof(*a)) || other_bit;
			code = c2;
		} else if (vlen >= 2 && a[0] != a[1]) { /* wrong argument order */
			uint32_t t = a[0];

			a[0] = a[1];
			a[1] = t;
			mut.changed = true;
		}
	}
	*id = node(code, params, a, vlen);
	return toverflow ? -ENOMEM : 0;
}

static struct bb_builder B = { mk_mut, NULL, 0, 0 };

static void builder_reset(void)
{
	B.t = T;
	B.f = F;
	mut.target = -1;
	mut.count = 0;
	mut.changed = false;
}

/* ---- running a rule -------------------------------------------------- */

static bool last_trusted;
static char last_reason[256];

static int run_rule(enum bcf_check_mode mode, uint16_t rule, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl_out)
{
	struct bcf_checker c;
	ckr_rule_fn fn = ckr_rule_lookup(rule);
	uint32_t bad, concl = UINT32_MAX;
	const char *why = "";
	int err;

	if (toverflow)
		return -ENOMEM;
	if (bcf_table__scan(TB.w, TB.nw, NULL, &bad, &why)) {
		diag("test table rejected at %u: %s", bad, why);
		return -ENOTRECOVERABLE;
	}
	if (ckr_init(&c, TB.w, TB.nw, mode))
		return -ENOMEM;
	err = fn(&c, prem, np, params, nparams, &concl);
	last_trusted = c.trusted;
	snprintf(last_reason, sizeof(last_reason), "%s", c.reason);
	if (!err && concl_out)
		*concl_out = concl;
	if (!err && concl != UINT32_MAX && concl >= c.expr_cnt && concl_out) {
		/* read back a dynamic conclusion into the static table for inspection */
		const struct bcf_expr *e = ckr_expr(&c, concl);
		uint32_t i, args[2];

		if (e && e->code == BCF_BOOL_EQ) {
			for (i = 0; i < 2; i++) {
				const struct bcf_expr *x = ckr_expr(&c, e->args[i]);

				args[i] = x ? n2(x->code, x->params, x->args[0], x->args[1]) : 0;
			}
			*concl_out = n2(e->code, e->params, args[0], args[1]);
		}
	}
	if (!err)
		ckr_put(&c, concl);
	ckr_fini(&c);
	return err;
}

static int bitblast(enum bcf_check_mode mode, uint32_t eq)
{
	return run_rule(mode, BCF_RULE_BITBLAST, NULL, 0, &eq, 1, NULL);
}

/* Both modes give the same verdict err. */
static bool both(uint32_t eq, int err)
{
	int a = bitblast(COMPAT, eq), b = bitblast(STRICT, eq);

	if (a != err || b != err)
		diag("compat %d strict %d, want %d (%s)", a, b, err, last_reason);
	return a == err && b == err;
}

/* ---- semantic evaluation of the test table --------------------------- */

static uint64_t val[TMAX];

static uint64_t sx(uint64_t v, unsigned w)
{
	return w >= 64 || !(v >> (w - 1) & 1) ? v : v | ~bcf_mask(w);
}

/*
 * Evaluate every node of the table in id order (arguments come first).
 * Variables take their values from the bits of assignment, in table
 * order (each bv variable takes width bits, a bool variable one bit).
 */
static void eval_table(uint64_t assignment)
{
	uint32_t id;
	unsigned i, shift = 0;

	for (id = 0; id < TB.nw; id += (TB.w[id] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&TB.w[id];
		unsigned w = bcf_is_bv(e) ? bcf_expr__width(e) : 1;
		uint64_t m = bcf_mask(w), a0 = 0, a1 = 0, r = 0;

		if (!bcf_is_leaf(e)) {
			a0 = val[e->args[0]];
			a1 = e->vlen > 1 ? val[e->args[1]] : 0;
		}
		switch (e->code) {
		case BCF_BOOL_VAL: r = e->params & 1; break;
		case BCF_BV_VAL: r = bcf_expr__bv_value(e); break;
		case BCF_BV_VAR:
		case BCF_BOOL_VAR:
			r = (assignment >> shift) & m;
			shift += w;
			break;
		case BCF_BOOL_BITOF: r = a0 >> BCF_EXPR_LOW(e->params) & 1; break;
		case BCF_BOOL_NOT: r = !a0; break;
		case BCF_BOOL_CONJ:
			for (r = 1, i = 0; i < e->vlen; i++)
				r &= val[e->args[i]];
			break;
		case BCF_BOOL_DISJ:
			for (r = 0, i = 0; i < e->vlen; i++)
				r |= val[e->args[i]];
			break;
		case BCF_BOOL_XOR:
			for (r = 0, i = 0; i < e->vlen; i++)
				r ^= val[e->args[i]];
			break;
		case BCF_BOOL_EQ: r = a0 == a1; break;
		case BCF_BOOL_DISTINCT: r = a0 != a1; break;
		case BCF_BOOL_ITE: r = a0 ? a1 : val[e->args[2]]; break;
		case BCF_BV_FROM_BOOL:
			for (r = 0, i = 0; i < e->vlen; i++)
				r |= val[e->args[i]] << i;
			break;
		case BCF_BOOL_ULT:
		case BCF_BOOL_ULE:
		case BCF_BOOL_SLT:
		case BCF_BOOL_SLE: {
			unsigned aw = bcf_expr__width((const struct bcf_expr *)&TB.w[e->args[0]]);
			int64_t x = (int64_t)sx(a0, aw), y = (int64_t)sx(a1, aw);

			r = e->code == BCF_BOOL_ULT ? a0 < a1 : e->code == BCF_BOOL_ULE ? a0 <= a1 :
			    e->code == BCF_BOOL_SLT ? x < y : x <= y;
			break;
		}
		case BCF_BV_ADD:
			for (r = 0, i = 0; i < e->vlen; i++)
				r += val[e->args[i]];
			break;
		case BCF_BV_OR:
			for (r = 0, i = 0; i < e->vlen; i++)
				r |= val[e->args[i]];
			break;
		case BCF_BV_AND:
			for (r = m, i = 0; i < e->vlen; i++)
				r &= val[e->args[i]];
			break;
		case BCF_BV_MUL:
			for (r = 1, i = 0; i < e->vlen; i++)
				r *= val[e->args[i]];
			break;
		case BCF_BV_NOT: r = ~a0; break;
		case BCF_BV_SUB: r = a0 - a1; break;
		case BCF_BV_NEG: r = -a0; break;
		case BCF_BV_LSH: r = a1 >= w ? 0 : a0 << a1; break;
		case BCF_BV_RSH: r = a1 >= w ? 0 : a0 >> a1; break;
		case BCF_BV_ARSH: r = a1 >= w ? (sx(a0, w) >> 63 ? m : 0) : (uint64_t)((int64_t)sx(a0, w) >> a1); break;
		case BCF_BV_ITE: r = a0 ? a1 : val[e->args[2]]; break;
		case BCF_BV_EXTRACT: r = a0 >> BCF_EXPR_LOW(e->params); break;
		case BCF_BV_SIGN_EXTEND:
			r = sx(a0, bcf_expr__width((const struct bcf_expr *)&TB.w[e->args[0]]));
			break;
		case BCF_BV_CONCAT:
			for (r = 0, i = 0; i < e->vlen; i++) {
				unsigned aw = bcf_expr__width((const struct bcf_expr *)&TB.w[e->args[i]]);

				r = (r << aw) | val[e->args[i]];
			}
			break;
		default: r = 0xdead; break;
		}
		val[id] = r & m;
	}
}

/* Number of variable bits in the table (for exhaustive evaluation). */
static unsigned var_bits(void)
{
	uint32_t id;
	unsigned n = 0;

	for (id = 0; id < TB.nw; id += (TB.w[id] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&TB.w[id];

		if (e->code == BCF_BV_VAR)
			n += bcf_expr__width(e);
		else if (e->code == BCF_BOOL_VAR)
			n++;
	}
	return n;
}

/* Does node eq evaluate to true under every assignment? (<= 16 var bits) */
static bool valid(uint32_t eq)
{
	unsigned n = var_bits();
	uint64_t a;

	if (n > 16)
		return false;
	for (a = 0; a < (1ull << n); a++) {
		eval_table(a);
		if (!val[eq])
			return false;
	}
	return true;
}

/* ---- circuit cases -------------------------------------------------- */

/*
 * A case builds its operands, then the circuit through B (so mutations
 * apply), then returns the BITBLAST parameter (= L R).  vars[] holds the
 * operand bit vectors (FB nodes) it made.
 */
typedef uint32_t (*case_fn)(unsigned w, int variant);

static uint32_t fbv(unsigned w, uint32_t *bits)
{
	uint32_t x = var(w);

	bb_build_var(&(struct bb_builder){ mk_mut, NULL, T, F }, x, w, bits);
	return node(BCF_BV_FROM_BOOL, 0, bits, w);
}

/* operand FB vectors are made with mutations disabled */
static uint32_t operand(unsigned w, uint32_t *bits)
{
	int saved = mut.target;
	uint32_t id;

	mut.target = -1;
	id = fbv(w, bits);
	mut.target = saved;
	mut.count = 0;
	return id;
}

static uint32_t eq_of(uint32_t l, uint32_t r)
{
	return n2(BCF_BOOL_EQ, 0, l, r);
}

static uint32_t term_case(uint8_t code, uint16_t params, const uint32_t *args, unsigned n,
			  const uint32_t *bits, unsigned w)
{
	uint32_t l = node(code, params, args, n);

	return eq_of(l, node(BCF_BV_FROM_BOOL, 0, bits, w));
}

static uint32_t case_add(unsigned w, int nops)
{
	uint32_t ids[4], bits[4][256], out[256];
	const uint32_t *ops[4];
	int i;

	for (i = 0; i < nops; i++) {
		ids[i] = operand(w, bits[i]);
		ops[i] = bits[i];
	}
	bb_build_add(&B, ops, nops, w, out);
	return term_case(BCF_BV_ADD, w, ids, nops, out, w);
}

static uint32_t case_add2(unsigned w, int v)
{
	(void)v;
	return case_add(w, 2);
}

static uint32_t case_add3(unsigned w, int v)
{
	(void)v;
	return case_add(w, 3);
}

static uint32_t case_sub(unsigned w, int v)
{
	uint32_t ids[2], a[256], b[256], out[256];

	(void)v;
	ids[0] = operand(w, a);
	ids[1] = operand(w, b);
	bb_build_sub(&B, a, b, w, out);
	return term_case(BCF_BV_SUB, w, ids, 2, out, w);
}

static uint32_t case_neg(unsigned w, int v)
{
	uint32_t id, a[256], out[256];

	(void)v;
	id = operand(w, a);
	bb_build_neg(&B, a, w, out);
	return term_case(BCF_BV_NEG, w, &id, 1, out, w);
}

static uint32_t case_fold(unsigned w, uint8_t bvop, uint8_t gate, int nops)
{
	uint32_t ids[4], bits[4][256], out[256];
	const uint32_t *ops[4];
	int i;

	for (i = 0; i < nops; i++) {
		ids[i] = operand(w, bits[i]);
		ops[i] = bits[i];
	}
	bb_build_fold(&B, gate, ops, nops, w, out);
	return term_case(bvop, w, ids, nops, out, w);
}

static uint32_t case_or(unsigned w, int v)
{
	return case_fold(w, BCF_BV_OR, BCF_BOOL_DISJ, v ? 3 : 2);
}

static uint32_t case_shift(unsigned w, int op)
{
	uint32_t ids[2], a[256], b[256], out[256];
	uint8_t code = op == BCF_LSH ? BCF_BV_LSH : op == BCF_RSH ? BCF_BV_RSH : BCF_BV_ARSH;

	ids[0] = operand(w, a);
	ids[1] = operand(w, b);
	bb_build_shift(&B, op, a, b, w, out);
	return term_case(code, w, ids, 2, out, w);
}

static uint32_t case_ite(unsigned w, int v)
{
	uint32_t ids[3], t[256], e[256], out[256];
	int saved = mut.target;

	(void)v;
	mut.target = -1;
	ids[0] = node(BCF_BOOL_VAR, 0, NULL, 0);
	mut.target = saved;
	ids[1] = operand(w, t);
	ids[2] = operand(w, e);
	bb_build_ite(&B, ids[0], t, e, w, out);
	return term_case(BCF_BV_ITE, w, ids, 3, out, w);
}

static uint32_t case_var(unsigned w, int v)
{
	uint32_t x = var(w), out[256];

	(void)v;
	bb_build_var(&B, x, w, out);
	return eq_of(x, node(BCF_BV_FROM_BOOL, 0, out, w));
}

static uint32_t case_cmp(unsigned w, int code)
{
	uint32_t ids[2], a[256], b[256], r;

	ids[0] = operand(w, a);
	ids[1] = operand(w, b);
	bb_build_cmp(&B, code, a, b, w, &r);
	return eq_of(node(code, 0, ids, 2), r);
}

struct circuit {
	const char *name;
	case_fn fn;
	int variant;
	unsigned widths[6];
};

static const struct circuit circuits[] = {
	{ "bv_var", case_var, 0, { 2, 5, 8 } },
	{ "bv_add", case_add2, 0, { 1, 2, 3, 8 } },
	{ "bv_add 3 operands", case_add3, 0, { 1, 2, 4 } },
	{ "bv_sub", case_sub, 0, { 1, 2, 3, 8 } },
	{ "bv_neg", case_neg, 0, { 1, 2, 3, 8 } },
	{ "bv_or", case_or, 0, { 1, 2, 4 } },
	{ "bv_or 3 operands", case_or, 1, { 1, 3 } },
	{ "bv_lsh", case_shift, BCF_LSH, { 1, 2, 3, 4, 5, 8 } },
	{ "bv_rsh", case_shift, BCF_RSH, { 1, 2, 3, 4, 5, 8 } },
	{ "bv_arsh", case_shift, BCF_ARSH, { 1, 2, 3, 4, 5, 8 } },
	{ "bv_ite", case_ite, 0, { 1, 2, 4 } },
	{ "atom eq", case_cmp, BCF_BOOL_EQ, { 2, 3, 8 } },
	{ "atom ult", case_cmp, BCF_BOOL_ULT, { 1, 2, 3, 8 } },
	{ "atom ule", case_cmp, BCF_BOOL_ULE, { 1, 2, 3, 8 } },
	{ "atom slt", case_cmp, BCF_BOOL_SLT, { 2, 3, 8 } },
	{ "atom sle", case_cmp, BCF_BOOL_SLE, { 2, 3, 8 } },
};

/* Accepted in both modes; every effective single-node mutation rejected. */
static void test_circuits(void)
{
	unsigned i, k;

	for (i = 0; i < sizeof(circuits) / sizeof(circuits[0]); i++) {
		const struct circuit *cc = &circuits[i];

		for (k = 0; k < 6 && cc->widths[k]; k++) {
			unsigned w = cc->widths[k], nmut = 0, nrej = 0, total;
			int kind, t;
			uint32_t eq;

			reset();
			builder_reset();
			eq = cc->fn(w, cc->variant);
			total = mut.count;
			ok(both(eq, 0), "%s w=%u: circuit (%u nodes) accepted in both modes", cc->name,
			   w, total);
			if (var_bits() <= 16)
				ok(valid(eq), "%s w=%u: the accepted equality holds for all %u-bit inputs",
				   cc->name, w, var_bits());
			for (kind = 0; kind < 2; kind++) {
				for (t = 0; t < (int)total; t++) {
					reset();
					builder_reset();
					mut.target = t;
					mut.kind = kind;
					eq = cc->fn(w, cc->variant);
					if (!mut.changed)
						continue;
					nmut++;
					if (bitblast(COMPAT, eq) == -EINVAL &&
					    bitblast(STRICT, eq) == -EINVAL)
						nrej++;
					else
						diag("%s w=%u: mutation kind %d of node %d accepted",
						     cc->name, w, kind, t);
				}
			}
			ok(nmut > 0 && nrej == nmut,
			   "%s w=%u: %u/%u wrong-gate / wrong-order mutations rejected", cc->name, w,
			   nrej, nmut);
		}
	}
}

/* ---- per-operator specifics ----------------------------------------- */

static uint32_t fb(const uint32_t *bits, unsigned w)
{
	return node(BCF_BV_FROM_BOOL, 0, bits, w);
}

static void reverse(uint32_t *b, unsigned w)
{
	unsigned i;

	for (i = 0; i < w / 2; i++) {
		uint32_t t = b[i];

		b[i] = b[w - 1 - i];
		b[w - 1 - i] = t;
	}
}

static void test_wiring(void)
{
	uint32_t a[8], b[8], c[8], r[64], x, y, z, l, args[3];
	unsigned i;

	/* constants */
	reset();
	builder_reset();
	x = cst(8, 0x1d);
	bb_build_const(&B, 0x1d, 8, r);
	ok(both(eq_of(x, fb(r, 8)), 0), "bv_val 0x1d: bits LSB first accepted");
	reverse(r, 8);
	ok(both(eq_of(x, fb(r, 8)), -EINVAL), "bv_val 0x1d: reversed bits rejected");
	bb_build_const(&B, 0x1d, 8, r);
	r[0] = node(BCF_BOOL_VAL, BCF_TRUE, NULL, 0); /* any true node will do */
	r[4] = node(BCF_BOOL_VAL, BCF_TRUE, NULL, 0);
	ok(both(eq_of(x, fb(r, 8)), 0), "bv_val: any bool_val node with the right literal");
	r[1] = T;
	ok(both(eq_of(x, fb(r, 8)), -EINVAL), "bv_val: one wrong bit rejected");
	x = cst(64, 0x8000000000000001ull);
	bb_build_const(&B, 0x8000000000000001ull, 64, r);
	ok(both(eq_of(x, fb(r, 64)), 0), "bv_val 64 bits (second word) accepted");
	r[63] = F;
	ok(both(eq_of(x, fb(r, 64)), -EINVAL), "bv_val 64 bits: wrong bit 63 rejected");

	/* variables: reversed order, wrong variable */
	reset();
	builder_reset();
	x = var(4);
	y = var(4);
	bb_build_var(&B, x, 4, r);
	reverse(r, 4);
	ok(both(eq_of(x, fb(r, 4)), -EINVAL), "bv_var: reversed bit order rejected");
	reverse(r, 4);
	ok(both(eq_of(y, fb(r, 4)), -EINVAL), "bv_var: bits of another variable rejected");
	ok(both(eq_of(fb(r, 4), x), -EINVAL), "(= FB x): bit-level form on the left rejected");
	x = var(1);
	r[0] = n1(BCF_BOOL_BITOF, 0, x);
	ok(both(eq_of(x, fb(r, 1)), 0), "bv_var 1 bit accepted");
	r[1] = n1(BCF_BOOL_BITOF, 0, x);
	ok(both(eq_of(n2(BCF_BV_CONCAT, 2, x, x), fb(r, 2)), -EINVAL),
	   "concat of non-FB operands rejected by the preamble");

	/* extract [5:2] */
	reset();
	builder_reset();
	x = operand(8, a);
	l = n1(BCF_BV_EXTRACT, BCF_EXPR_PARAMS(5, 2), x);
	ok(both(eq_of(l, fb(&a[2], 4)), 0), "bv_extract [5:2]: operand bits 2..5 accepted");
	ok(both(eq_of(l, fb(&a[1], 4)), -EINVAL), "bv_extract [5:2]: bits 1..4 rejected");
	memcpy(r, &a[2], 4 * sizeof(*r));
	reverse(r, 4);
	ok(both(eq_of(l, fb(r, 4)), -EINVAL), "bv_extract: reversed bits rejected");
	y = var(8);
	l = n1(BCF_BV_EXTRACT, BCF_EXPR_PARAMS(5, 2), y);
	ok(both(eq_of(l, fb(&a[2], 4)), -EINVAL), "bv_extract of a non-FB operand: preamble rejects");

	/* concat: args[0] is the most significant part */
	reset();
	builder_reset();
	x = operand(3, a);
	y = operand(2, b);
	z = operand(4, c);
	args[0] = x;
	args[1] = y;
	args[2] = z;
	l = node(BCF_BV_CONCAT, 9, args, 3);
	memcpy(r, c, 4 * sizeof(*r));
	memcpy(r + 4, b, 2 * sizeof(*r));
	memcpy(r + 6, a, 3 * sizeof(*r));
	ok(both(eq_of(l, fb(r, 9)), 0), "bv_concat of 3: last argument's bits first accepted");
	memcpy(r, a, 3 * sizeof(*r));
	memcpy(r + 3, b, 2 * sizeof(*r));
	memcpy(r + 5, c, 4 * sizeof(*r));
	ok(both(eq_of(l, fb(r, 9)), -EINVAL), "bv_concat: first argument's bits first rejected");

	/* sign_extend by 3 */
	reset();
	builder_reset();
	x = operand(4, a);
	l = n1(BCF_BV_SIGN_EXTEND, BCF_EXPR_PARAMS(3, 7), x);
	for (i = 0; i < 7; i++)
		r[i] = a[i < 4 ? i : 3];
	ok(both(eq_of(l, fb(r, 7)), 0), "bv_sign_extend by 3: sign bit repeated accepted");
	r[5] = F;
	ok(both(eq_of(l, fb(r, 7)), -EINVAL), "bv_sign_extend: zero fill rejected");
	r[5] = a[3];
	r[0] = a[1];
	ok(both(eq_of(l, fb(r, 7)), -EINVAL), "bv_sign_extend: wrong low bit rejected");
}

static void test_shapes(void)
{
	uint32_t a[8], b[8], r[8], x, y, v, l, eq, p[2];
	unsigned i;

	reset();
	builder_reset();
	x = operand(4, a);
	y = operand(4, b);
	bb_build_rca(&B, a, b, 4, false, r);
	l = n2(BCF_BV_ADD, 4, x, y);
	eq = eq_of(l, fb(r, 4));
	ok(both(eq, 0), "bv_add 4 bits accepted");
	ok(run_rule(COMPAT, BCF_RULE_BITBLAST, NULL, 0, NULL, 0, NULL) == -EINVAL &&
	   run_rule(STRICT, BCF_RULE_BITBLAST, NULL, 0, NULL, 0, NULL) == -EINVAL,
	   "BITBLAST without parameter rejected");
	p[0] = eq;
	p[1] = eq;
	ok(run_rule(COMPAT, BCF_RULE_BITBLAST, NULL, 0, p, 2, NULL) == -EINVAL,
	   "BITBLAST with 2 parameters rejected");
	ok(run_rule(COMPAT, BCF_RULE_BITBLAST, p, 1, p, 1, NULL) == -EINVAL,
	   "BITBLAST with a premise rejected");
	ok(both(eq + 1, -EINVAL), "BITBLAST of an id inside a node rejected");
	ok(both(TB.nw + 5, -EINVAL), "BITBLAST of an id past the table rejected");
	ok(both(l, -EINVAL), "BITBLAST of a non-equality rejected");
	{
		uint32_t concl = 0;

		ok(run_rule(STRICT, BCF_RULE_BITBLAST, NULL, 0, &eq, 1, &concl) == 0 && concl == eq,
		   "BITBLAST concludes its parameter (same id)");
	}
	/* carry-in true instead of false */
	bb_build_rca(&B, a, b, 4, true, r);
	ok(both(eq_of(l, fb(r, 4)), -EINVAL), "bv_add with carry-in true rejected");
	/* operands swapped */
	bb_build_rca(&B, b, a, 4, false, r);
	ok(both(eq_of(l, fb(r, 4)), -EINVAL), "bv_add with swapped operands rejected");
	/* non-FB operand */
	v = var(4);
	bb_build_rca(&B, a, b, 4, false, r);
	ok(both(eq_of(n2(BCF_BV_ADD, 4, x, v), fb(r, 4)), -EINVAL),
	   "bv_add with a variable operand rejected by the preamble");
	/* RHS not FB */
	ok(both(eq_of(l, v), -EINVAL), "bv_add = variable (not FB) rejected");
	/* duplicated xor inside a carry is accepted, a duplicated leaf is not */
	{
		uint32_t x0, s0, g, pp, c1, x1, s1, dx;

		reset();
		x = operand(2, a);
		y = operand(2, b);
		l = n2(BCF_BV_ADD, 2, x, y);
		x0 = n2(BCF_BOOL_XOR, 0, a[0], b[0]);
		s0 = n2(BCF_BOOL_XOR, 0, x0, F);
		dx = n2(BCF_BOOL_XOR, 0, a[0], b[0]);
		g = n2(BCF_BOOL_CONJ, 0, a[0], b[0]);
		pp = n2(BCF_BOOL_CONJ, 0, dx, F);
		c1 = n2(BCF_BOOL_DISJ, 0, g, pp);
		x1 = n2(BCF_BOOL_XOR, 0, a[1], b[1]);
		s1 = n2(BCF_BOOL_XOR, 0, x1, c1);
		r[0] = s0;
		r[1] = s1;
		ok(both(eq_of(l, fb(r, 2)), 0), "2-bit add (spec 2.4 example), duplicated carry xor accepted");
		/* carry uses a different false node than s0 */
		pp = n2(BCF_BOOL_CONJ, 0, dx, node(BCF_BOOL_VAL, BCF_FALSE, NULL, 0));
		c1 = n2(BCF_BOOL_DISJ, 0, g, pp);
		r[1] = n2(BCF_BOOL_XOR, 0, x1, c1);
		ok(both(eq_of(l, fb(r, 2)), -EINVAL),
		   "2-bit add whose carry reuses another false node than bit 0 rejected");
		/* duplicated leaf: a fresh bitof node for a0 inside the generate term */
		g = n2(BCF_BOOL_CONJ, 0, n1(BCF_BOOL_BITOF, 0, TB.w[a[0] + 1]), b[0]);
		pp = n2(BCF_BOOL_CONJ, 0, dx, F);
		c1 = n2(BCF_BOOL_DISJ, 0, g, pp);
		r[1] = n2(BCF_BOOL_XOR, 0, x1, c1);
		ok(both(eq_of(l, fb(r, 2)), -EINVAL),
		   "2-bit add with a duplicated bit leaf inside the carry rejected");
	}
	/* flat 3-argument disjunction for bv_or of 3 */
	{
		uint32_t c3[4], z, fl[4], ids[3];

		reset();
		builder_reset();
		ids[0] = operand(2, a);
		ids[1] = operand(2, b);
		ids[2] = z = operand(2, c3);
		for (i = 0; i < 2; i++) {
			uint32_t t3[3] = { a[i], b[i], c3[i] };

			fl[i] = node(BCF_BOOL_DISJ, 0, t3, 3);
		}
		(void)z;
		ok(both(eq_of(node(BCF_BV_OR, 2, ids, 3), fb(fl, 2)), -EINVAL),
		   "bv_or of 3 with flat 3-argument disjunctions rejected");
	}
}

/* 2.8 defects and ops without circuits */
static void test_defects(void)
{
	uint32_t a[4], b[4], r[4], x, y, l, eq, args[2];
	const uint32_t *ops[2];
	unsigned i;

	reset();
	builder_reset();
	x = operand(4, a);
	y = operand(4, b);
	ops[0] = a;
	ops[1] = b;
	l = n2(BCF_BV_AND, 4, x, y);
	bb_build_fold(&B, BCF_BOOL_DISTINCT, ops, 2, 4, r);
	eq = eq_of(l, fb(r, 4));
	ok(bitblast(COMPAT, eq) == 0, "bv_and defect: xor (distinct) circuit accepted in compat");
	ok(bitblast(STRICT, eq) == -EINVAL, "bv_and defect: xor (distinct) circuit rejected in strict");
	ok(!valid(eq), "bv_and defect: the circuit compat accepts is false for some inputs");
	bb_build_fold(&B, BCF_BOOL_CONJ, ops, 2, 4, r);
	eq = eq_of(l, fb(r, 4));
	ok(valid(eq) && both(eq, -EINVAL), "bv_and: sound conjunction circuit rejected (both modes)");
	{
		uint32_t c3[4], ids[3] = { x, y, operand(4, c3) };
		const uint32_t *o3[3] = { a, b, c3 };

		bb_build_fold(&B, BCF_BOOL_DISTINCT, o3, 3, 4, r);
		eq = eq_of(node(BCF_BV_AND, 4, ids, 3), fb(r, 4));
		ok(bitblast(COMPAT, eq) == 0 && bitblast(STRICT, eq) == -EINVAL,
		   "bv_and of 3, distinct left fold: compat accepts, strict rejects");
	}

	/* bv_xor: never (even the sound xor circuit) */
	bb_build_fold(&B, BCF_BOOL_XOR, ops, 2, 4, r);
	ok(both(eq_of(n2(BCF_BV_XOR, 4, x, y), fb(r, 4)), -EINVAL),
	   "bv_xor defect: sound xor circuit rejected (both modes)");
	bb_build_fold(&B, BCF_BOOL_DISTINCT, ops, 2, 4, r);
	ok(both(eq_of(n2(BCF_BV_XOR, 4, x, y), fb(r, 4)), -EINVAL),
	   "bv_xor defect: distinct circuit rejected (both modes)");

	/* bv_not: never */
	for (i = 0; i < 4; i++)
		r[i] = n1(BCF_BOOL_NOT, 0, a[i]);
	ok(both(eq_of(n1(BCF_BV_NOT, 4, x), fb(r, 4)), -EINVAL),
	   "bv_not defect: (not a_i) circuit rejected (both modes)");

	/* bv_or is correct */
	bb_build_fold(&B, BCF_BOOL_DISJ, ops, 2, 4, r);
	ok(both(eq_of(n2(BCF_BV_OR, 4, x, y), fb(r, 4)), 0), "bv_or: disjunction circuit accepted");

	/* no circuit: EOPNOTSUPP when all arguments are FB, else EINVAL */
	{
		static const struct { uint8_t code; const char *name; } nl[] = {
			{ BCF_BV_MUL, "bv_mul" }, { BCF_BV_DIV, "bv_div" }, { BCF_BV_MOD, "bv_mod" },
			{ BCF_BV_SDIV, "bv_sdiv" }, { BCF_BV_SMOD, "bv_smod" },
		};
		uint32_t v = var(4);

		for (i = 0; i < 5; i++) {
			ok(both(eq_of(n2(nl[i].code, 4, x, y), fb(a, 4)), -EOPNOTSUPP),
			   "%s of FB operands: -EOPNOTSUPP", nl[i].name);
			ok(both(eq_of(n2(nl[i].code, 4, x, v), fb(a, 4)), -EINVAL),
			   "%s with a non-FB operand: -EINVAL (preamble first)", nl[i].name);
		}
		ok(both(eq_of(n2(BCF_BV_MUL, 4, x, y), v), -EINVAL), "bv_mul = non-FB: -EINVAL");
	}
	{
		uint32_t e8[8], z;

		for (i = 0; i < 8; i++)
			e8[i] = i < 4 ? a[i] : F;
		z = n1(BCF_BV_ZERO_EXTEND, BCF_EXPR_PARAMS(4, 8), x);
		ok(both(eq_of(z, fb(e8, 8)), -EINVAL), "bv_zero_extend: -EINVAL (rewrite first)");
		for (i = 0; i < 8; i++)
			e8[i] = a[i % 4];
		z = n1(BCF_BV_REPEAT, BCF_EXPR_PARAMS(2, 8), x);
		ok(both(eq_of(z, fb(e8, 8)), -EINVAL), "bv_repeat: -EINVAL");
		z = n1(BCF_BV_BVSIZE, 4, x);
		ok(both(eq_of(z, fb(a, 4)), -EINVAL), "bv_bvsize: -EINVAL");
		args[0] = a[0];
		args[1] = a[1];
		ok(both(eq_of(node(BCF_BV_FROM_BOOL, 0, args, 2), fb(args, 2)), -EINVAL),
		   "bv_from_bool on the left: -EINVAL");
	}
}

static void test_ite_and_atoms(void)
{
	uint32_t a[8], b[8], r[8], x, y, c, cb, l, rr, ids[3];
	unsigned i;

	/* per-bit bool ite form rejected; 1-bit FB condition never passes */
	reset();
	builder_reset();
	c = node(BCF_BOOL_VAR, 0, NULL, 0);
	x = operand(3, a);
	y = operand(3, b);
	ids[0] = c;
	ids[1] = x;
	ids[2] = y;
	l = node(BCF_BV_ITE, 3, ids, 3);
	for (i = 0; i < 3; i++)
		r[i] = n3(BCF_BOOL_ITE, 0, c, a[i], b[i]);
	ok(both(eq_of(l, fb(r, 3)), -EINVAL), "bv_ite: per-bit bool ite form rejected");
	bb_build_ite(&B, c, a, b, 3, r);
	ok(both(eq_of(l, fb(r, 3)), 0), "bv_ite: (not c or t) and (c or e) accepted");
	bb_build_ite(&B, c, b, a, 3, r);
	ok(both(eq_of(l, fb(r, 3)), -EINVAL), "bv_ite: branches swapped rejected");
	cb = fb(&a[0], 1);
	ids[0] = cb;
	ok(both(eq_of(node(BCF_BV_ITE, 3, ids, 3), fb(r, 3)), -EINVAL),
	   "bv_ite with a 1-bit FB condition never passes");
	ids[0] = var(1);
	ok(both(eq_of(node(BCF_BV_ITE, 3, ids, 3), fb(r, 3)), -EINVAL),
	   "bv_ite with a 1-bit variable condition rejected by the preamble");
	ids[0] = c;
	ids[1] = var(3);
	ok(both(eq_of(node(BCF_BV_ITE, 3, ids, 3), fb(r, 3)), -EINVAL),
	   "bv_ite with a non-FB branch rejected (upstream ite steps fail this way)");

	/* atoms */
	reset();
	builder_reset();
	x = operand(1, a);
	y = operand(1, b);
	rr = n2(BCF_BOOL_EQ, 0, a[0], b[0]);
	ok(both(eq_of(n2(BCF_BOOL_EQ, 0, x, y), rr), -EINVAL), "1-bit equality cannot be bit-blasted");
	bb_build_cmp(&B, BCF_BOOL_ULT, a, b, 1, &rr);
	ok(both(eq_of(n2(BCF_BOOL_SLT, 0, x, y), rr), -EINVAL), "1-bit slt rejected");
	ok(both(eq_of(n2(BCF_BOOL_SLE, 0, x, y), rr), -EINVAL), "1-bit sle rejected");
	reset();
	builder_reset();
	x = operand(4, a);
	y = operand(4, b);
	bb_build_cmp(&B, BCF_BOOL_ULT, a, b, 4, &rr);
	ok(both(eq_of(n2(BCF_BOOL_ULT, 0, x, y), rr), 0), "ult 4 bits accepted");
	ok(both(eq_of(n2(BCF_BOOL_ULT, 0, y, x), rr), -EINVAL), "ult with swapped operands rejected");
	ok(both(eq_of(n2(BCF_BOOL_ULE, 0, x, y), rr), -EINVAL), "ule with the ult circuit rejected");
	ok(both(eq_of(n2(BCF_BOOL_SLT, 0, x, y), rr), -EINVAL), "slt with the ult circuit rejected");
	{
		static const uint8_t rej[] = { BCF_BOOL_UGT, BCF_BOOL_UGE, BCF_BOOL_SGT, BCF_BOOL_SGE,
					       BCF_BOOL_DISTINCT };

		for (i = 0; i < sizeof(rej); i++)
			ok(both(eq_of(n2(rej[i], 0, x, y), rr), -EINVAL), "atom %s rejected",
			   bcf_code__name(rej[i]));
	}
	ok(both(eq_of(n2(BCF_BOOL_ULT, 0, x, var(4)), rr), -EINVAL),
	   "ult with a non-FB operand rejected");
	ok(both(eq_of(n2(BCF_BOOL_CONJ, 0, T, F), rr), -EINVAL), "conjunction on the left rejected");
	ok(both(eq_of(n2(BCF_BOOL_EQ, 0, a[0], b[0]), rr), -EINVAL), "bool = bool on the left rejected");
	{
		uint32_t eqs[4];

		for (i = 0; i < 4; i++)
			eqs[i] = n2(BCF_BOOL_EQ, 0, i == 2 ? b[i] : a[i], i == 2 ? a[i] : b[i]);
		ok(both(eq_of(n2(BCF_BOOL_EQ, 0, x, y), node(BCF_BOOL_CONJ, 0, eqs, 4)), -EINVAL),
		   "equality with one (b_i = a_i) conjunct rejected");
		eqs[2] = n2(BCF_BOOL_EQ, 0, a[2], b[2]);
		ok(both(eq_of(n2(BCF_BOOL_EQ, 0, x, y), node(BCF_BOOL_CONJ, 0, eqs, 4)), 0),
		   "4-bit equality accepted");
		ok(both(eq_of(n2(BCF_BOOL_EQ, 0, x, y), node(BCF_BOOL_CONJ, 0, eqs, 3)), -EINVAL),
		   "equality with 3 of 4 conjuncts rejected");
	}
}

/* guard constants must be the canonical true/false ids */
static void test_shift_guard(void)
{
	uint32_t a[4], b[4], r[4], x, y, eq;
	unsigned w;

	for (w = 2; w <= 4; w += 2) {
		reset();
		builder_reset();
		x = operand(w, a);
		y = operand(w, b);
		B.f = node(BCF_BOOL_VAL, BCF_FALSE, NULL, 0); /* a second false node */
		bb_build_shift(&B, BCF_LSH, a, b, w, r);
		eq = eq_of(n2(BCF_BV_LSH, w, x, y), fb(r, w));
		ok(both(eq, -EINVAL), "lsh w=%u: guard built from a non-canonical false rejected", w);
	}
	/* a non-canonical false is fine in the stage fills (any false node) */
	reset();
	builder_reset();
	x = operand(4, a);
	y = operand(4, b);
	{
		uint32_t f2 = node(BCF_BOOL_VAL, BCF_FALSE, NULL, 0), kw[4], g, v[4], p[4], nb;
		unsigned j, st;

		/* hand-built rsh with f2 as every fill, canonical ids in the guard */
		memcpy(v, a, sizeof(v));
		for (st = 0; st < 2; st++) {
			unsigned t = 1u << st;

			nb = n1(BCF_BOOL_NOT, 0, b[st]);
			for (j = 0; j < 4; j++)
				p[j] = j + t >= 4 ? n3(BCF_BOOL_ITE, 0, b[st], f2, v[j])
						  : n3(BCF_BOOL_ITE, 0, nb, v[j], v[j + t]);
			memcpy(v, p, sizeof(v));
		}
		bb_build_const(&B, 4, 4, kw);
		/* guard: ucmp via the public builder (ult on 4 bits) */
		bb_build_cmp(&B, BCF_BOOL_ULT, b, kw, 4, &g);
		for (j = 0; j < 4; j++)
			r[j] = n3(BCF_BOOL_ITE, 0, g, v[j], f2);
		ok(both(eq_of(n2(BCF_BV_RSH, 4, x, y), fb(r, 4)), 0),
		   "rsh: any false node in fills accepted, canonical ids in the guard");
		/* one output uses a different (equal) guard node */
		bb_build_cmp(&B, BCF_BOOL_ULT, b, kw, 4, &g);
		r[3] = n3(BCF_BOOL_ITE, 0, g, v[3], f2);
		ok(both(eq_of(n2(BCF_BV_RSH, 4, x, y), fb(r, 4)), -EINVAL),
		   "rsh: outputs with different guard ids rejected");
	}
}

/* The builders over a hash-consing arena (as the prover uses them). */
static void test_arena_builders(void)
{
	struct bcf_arena *ar = bcf_arena__new();
	struct bb_builder ab = { bb_arena_mk, ar, 0, 0 };
	uint32_t t, f, x, y, fx, fy, a[8], b[8], r[8], l, rid, eq, eqs[8], nw;
	const uint32_t *words;
	static const uint8_t ops[] = { BCF_BV_ADD, BCF_BV_SUB, BCF_BV_LSH, BCF_BV_RSH, BCF_BV_ARSH };
	struct bcf_checker c;
	unsigned i, n = 0, good = 0;

	if (!ar || bcf_arena__bool_const(ar, true, &t) || bcf_arena__bool_const(ar, false, &f) ||
	    bcf_arena__var(ar, BCF_BV, 8, "x", &x) || bcf_arena__var(ar, BCF_BV, 8, "y", &y)) {
		ok(0, "arena setup");
		bcf_arena__free(ar);
		return;
	}
	ab.t = t;
	ab.f = f;
	bb_build_var(&ab, x, 8, a);
	bb_build_var(&ab, y, 8, b);
	bb_build_fb(&ab, a, 8, &fx);
	bb_build_fb(&ab, b, 8, &fy);
	for (i = 0; i < sizeof(ops); i++) {
		uint32_t args[2] = { fx, fy };
		int err;

		switch (ops[i]) {
		case BCF_BV_ADD: {
			const uint32_t *o[2] = { a, b };

			err = bb_build_add(&ab, o, 2, 8, r);
			break;
		}
		case BCF_BV_SUB:
			err = bb_build_sub(&ab, a, b, 8, r);
			break;
		default:
			err = bb_build_shift(&ab, ops[i] == BCF_BV_LSH ? BCF_LSH :
					     ops[i] == BCF_BV_RSH ? BCF_RSH : BCF_ARSH, a, b, 8, r);
			break;
		}
		if (!err)
			err = bcf_arena__node(ar, ops[i], 8, args, 2, &l);
		if (!err)
			err = bb_build_fb(&ab, r, 8, &rid);
		if (!err)
			err = bcf_arena__node(ar, BCF_BOOL_EQ, 0, (uint32_t[]){ l, rid }, 2, &eqs[n]);
		if (!err)
			n++;
	}
	words = bcf_arena__words(ar, &nw);
	if (n == sizeof(ops) && !ckr_init(&c, words, nw, STRICT)) {
		for (i = 0; i < n; i++) {
			uint32_t concl;

			eq = eqs[i];
			if (!rule_BITBLAST(&c, NULL, 0, &eq, 1, &concl))
				good++;
			else
				diag("%s", c.reason);
		}
		ckr_fini(&c);
	}
	ok(n == sizeof(ops) && good == n,
	   "builders over a hash-consed arena: add, sub, lsh, rsh, arsh circuits accepted (%u/%u)",
	   good, n);
	bcf_arena__free(ar);
}

/* bb_build_step / bb_build_leaf over an arena: every supported op accepted. */
static void test_build_step(void)
{
	struct bcf_arena *ar = bcf_arena__new();
	struct bb_builder ab = { bb_arena_mk, ar, 0, 0 };
	static const struct { uint8_t code; uint16_t params; unsigned n; int want; } ops[] = {
		{ BCF_BV_ADD, 8, 3, 0 }, { BCF_BV_SUB, 8, 2, 0 }, { BCF_BV_NEG, 8, 1, 0 },
		{ BCF_BV_OR, 8, 2, 0 }, { BCF_BV_LSH, 8, 2, 0 }, { BCF_BV_RSH, 8, 2, 0 },
		{ BCF_BV_ARSH, 8, 2, 0 }, { BCF_BV_ITE, 8, 3, 0 },
		{ BCF_BV_EXTRACT, BCF_EXPR_PARAMS(6, 1), 1, 0 }, { BCF_BV_CONCAT, 16, 2, 0 },
		{ BCF_BV_SIGN_EXTEND, BCF_EXPR_PARAMS(8, 16), 1, 0 },
		{ BCF_BOOL_EQ, 0, 2, 0 }, { BCF_BOOL_ULT, 0, 2, 0 }, { BCF_BOOL_ULE, 0, 2, 0 },
		{ BCF_BOOL_SLT, 0, 2, 0 }, { BCF_BOOL_SLE, 0, 2, 0 },
		{ BCF_BV_AND, 8, 2, -EOPNOTSUPP }, { BCF_BV_XOR, 8, 2, -EOPNOTSUPP },
		{ BCF_BV_NOT, 8, 1, -EOPNOTSUPP }, { BCF_BV_MUL, 8, 2, -EOPNOTSUPP },
		{ BCF_BV_DIV, 8, 2, -EOPNOTSUPP }, { BCF_BOOL_UGT, 0, 2, -EOPNOTSUPP },
	};
	uint32_t t, f, x, y, k, c, bits[8], fb3[3], eqs[32], leaf[2], nw;
	const uint32_t *words;
	struct bcf_checker ck;
	unsigned i, nb = 0, good = 0, verdicts = 0;

	if (!ar || bcf_arena__bool_const(ar, true, &t) || bcf_arena__bool_const(ar, false, &f) ||
	    bcf_arena__var(ar, BCF_BV, 8, "x", &x) || bcf_arena__var(ar, BCF_BV, 8, "y", &y) ||
	    bcf_arena__var(ar, BCF_BOOL, 0, "c", &c) || bcf_arena__bv_const(ar, 8, 0x5a, &k)) {
		ok(0, "arena setup");
		bcf_arena__free(ar);
		return;
	}
	ab.t = t;
	ab.f = f;
	if (bb_build_leaf(&ab, bcf_arena__lookup, ar, x, &leaf[0]) ||
	    bb_build_leaf(&ab, bcf_arena__lookup, ar, k, &leaf[1])) {
		ok(0, "leaves");
		bcf_arena__free(ar);
		return;
	}
	bb_build_var(&ab, x, 8, bits);
	bb_build_fb(&ab, bits, 8, &fb3[0]);
	bb_build_var(&ab, y, 8, bits);
	bb_build_fb(&ab, bits, 8, &fb3[1]);
	bb_build_const(&ab, 0x5a, 8, bits);
	bb_build_fb(&ab, bits, 8, &fb3[2]);
	eqs[nb++] = leaf[0];
	eqs[nb++] = leaf[1];
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		uint32_t args[3] = { fb3[0], fb3[1], fb3[2] }, eq;
		int err;

		if (ops[i].code == BCF_BV_ITE)
			args[0] = c;
		err = bb_build_step(&ab, bcf_arena__lookup, ar, ops[i].code, ops[i].params, args,
				    ops[i].n, &eq);
		if (err == ops[i].want)
			verdicts++;
		else
			diag("bb_build_step %s: %d, want %d", bcf_code__name(ops[i].code), err,
			     ops[i].want);
		if (!err)
			eqs[nb++] = eq;
	}
	words = bcf_arena__words(ar, &nw);
	if (!bcf_table__scan(words, nw, NULL, NULL, NULL) && !ckr_init(&ck, words, nw, STRICT)) {
		for (i = 0; i < nb; i++) {
			uint32_t concl;

			if (!rule_BITBLAST(&ck, NULL, 0, &eqs[i], 1, &concl))
				good++;
			else
				diag("%s", ck.reason);
		}
		ckr_fini(&ck);
	}
	ok(verdicts == sizeof(ops) / sizeof(ops[0]),
	   "bb_build_step builds every supported op and refuses the others (EOPNOTSUPP)");
	ok(nb == 18 && good == nb, "bb_build_step/leaf: %u/%u BITBLAST parameters accepted (strict)",
	   good, nb);
	bcf_arena__free(ar);
}

/* ---- POLY_NORM ------------------------------------------------------- */

static int poly(enum bcf_check_mode mode, uint32_t eq)
{
	return run_rule(mode, BCF_RULE_POLY_NORM, NULL, 0, &eq, 1, NULL);
}

static uint32_t add(unsigned w, uint32_t a, uint32_t b)
{
	return n2(BCF_BV_ADD, w, a, b);
}

static uint32_t mul(unsigned w, uint32_t a, uint32_t b)
{
	return n2(BCF_BV_MUL, w, a, b);
}

static uint32_t sub(unsigned w, uint32_t a, uint32_t b)
{
	return n2(BCF_BV_SUB, w, a, b);
}

static void test_poly_norm(void)
{
	uint32_t x, y, z, e, l, r, p2[2], xw, yw;
	unsigned w;

	reset();
	x = var(8);
	y = var(8);
	z = var(8);

	/* compat: any equality, trusted */
	e = eq_of(add(8, x, y), x);
	ok(poly(COMPAT, e) == 0 && last_trusted, "compat: false POLY_NORM accepted as trusted");
	ok(poly(STRICT, e) == -EINVAL, "strict: x + y = x rejected");
	e = eq_of(T, F);
	ok(poly(COMPAT, e) == 0 && last_trusted, "compat: (= true false) accepted as trusted");
	ok(poly(STRICT, e) == -EINVAL, "strict: (= true false) rejected");
	ok(poly(STRICT, eq_of(T, T)) == 0, "strict: identical bool sides accepted");
	ok(poly(COMPAT, n2(BCF_BOOL_ULT, 0, x, y)) == -EINVAL, "POLY_NORM of a non-equality rejected");
	ok(poly(COMPAT, x) == -EINVAL, "POLY_NORM of a bitvector rejected");
	ok(poly(COMPAT, TB.nw + 3) == -EINVAL, "POLY_NORM of a non-static id rejected");
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM, NULL, 0, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM without parameter rejected");
	p2[0] = p2[1] = e;
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM, NULL, 0, p2, 2, NULL) == -EINVAL,
	   "POLY_NORM with 2 parameters rejected");
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM, &e, 1, &e, 1, NULL) == -EINVAL,
	   "POLY_NORM with a premise rejected");

	/* strict identities */
	l = mul(8, add(8, x, y), cst(8, 2));
	r = add(8, mul(8, cst(8, 2), x), mul(8, cst(8, 2), y));
	e = eq_of(l, r);
	ok(poly(STRICT, e) == 0 && !last_trusted, "strict: (x+y)*2 = 2x + 2y accepted, not trusted");
	ok(poly(COMPAT, e) == 0, "compat: (x+y)*2 = 2x + 2y accepted");
	ok(poly(STRICT, eq_of(sub(8, x, x), cst(8, 0))) == 0, "strict: x - x = 0 accepted");
	ok(poly(STRICT, eq_of(add(8, x, cst(8, 255)), sub(8, x, cst(8, 1)))) == 0,
	   "strict: x + 255 = x - 1 (wrap-around at 8 bits) accepted");
	ok(poly(STRICT, eq_of(add(8, x, cst(8, 254)), sub(8, x, cst(8, 1)))) == -EINVAL,
	   "strict: x + 254 = x - 1 rejected");
	ok(poly(STRICT, eq_of(mul(8, cst(8, 128), add(8, x, x)), cst(8, 0))) == 0,
	   "strict: 128 * (x + x) = 0 at 8 bits accepted");
	ok(poly(STRICT, eq_of(mul(8, add(8, x, y), sub(8, x, y)),
			      sub(8, mul(8, x, x), mul(8, y, y)))) == 0,
	   "strict: (x+y)(x-y) = x*x - y*y accepted");
	ok(poly(STRICT, eq_of(mul(8, x, y), mul(8, y, x))) == 0, "strict: x*y = y*x accepted");
	ok(poly(STRICT, eq_of(mul(8, x, x), x)) == -EINVAL, "strict: x*x = x rejected");
	ok(poly(STRICT, eq_of(add(8, x, z), add(8, y, z))) == -EINVAL,
	   "strict: different variables rejected");
	ok(poly(STRICT, eq_of(n1(BCF_BV_NOT, 8, x), sub(8, n1(BCF_BV_NEG, 8, x), cst(8, 1)))) == 0,
	   "strict: bvnot x = -x - 1 accepted");
	ok(poly(STRICT, eq_of(n1(BCF_BV_NOT, 8, x), n1(BCF_BV_NEG, 8, x))) == -EINVAL,
	   "strict: bvnot x = -x rejected");
	ok(poly(STRICT, eq_of(n1(BCF_BV_NEG, 8, sub(8, x, cst(8, 45))), sub(8, cst(8, 45), x))) == 0,
	   "strict: -(x - 45) = 45 - x accepted");
	{
		uint32_t args[3] = { x, y, z }, args2[3] = { z, x, y };

		ok(poly(STRICT, eq_of(node(BCF_BV_ADD, 8, args, 3), node(BCF_BV_ADD, 8, args2, 3))) == 0,
		   "strict: n-ary add is commutative");
		ok(poly(STRICT, eq_of(node(BCF_BV_MUL, 8, args, 3),
				      mul(8, z, mul(8, y, x)))) == 0,
		   "strict: n-ary mul = nested mul accepted");
	}
	/* the workaround routes of rules-bv.md section 3 */
	{
		uint32_t d1 = add(8, x, x), d2 = add(8, d1, d1), a1 = var(1), b1 = var(1);
		uint32_t s1 = sub(1, a1, b1);

		ok(poly(STRICT, eq_of(mul(8, x, cst(8, 5)), add(8, d2, x))) == 0,
		   "strict: x * 5 = ((x+x)+(x+x)) + x (constant-mul route) accepted");
		ok(poly(STRICT, eq_of(mul(8, x, cst(8, 6)), add(8, d2, x))) == -EINVAL,
		   "strict: x * 6 = 4x + x rejected");
		ok(poly(STRICT, eq_of(mul(1, cst(1, 1), s1),
				      mul(1, cst(1, 1), sub(1, s1, cst(1, 0))))) == 0,
		   "strict: 1-bit equality route #1*(a-b) = #1*((a-b)-#0) accepted");
	}
	/* atoms compared modulo normalisation of their arguments */
	l = n1(BCF_BV_EXTRACT, BCF_EXPR_PARAMS(3, 0), add(8, x, y));
	r = n1(BCF_BV_EXTRACT, BCF_EXPR_PARAMS(3, 0), add(8, y, x));
	ok(poly(STRICT, eq_of(add(4, l, cst(4, 1)), add(4, cst(4, 1), r))) == 0,
	   "strict: extract(x+y) + 1 = 1 + extract(y+x) accepted");
	r = n1(BCF_BV_EXTRACT, BCF_EXPR_PARAMS(4, 1), add(8, y, x));
	ok(poly(STRICT, eq_of(l, r)) == -EINVAL, "strict: different extracts rejected");
	l = n2(BCF_BV_CONCAT, 16, cst(8, 0), x);
	r = n2(BCF_BV_CONCAT, 16, cst(8, 0), x);
	ok(poly(STRICT, eq_of(sub(16, l, cst(16, 8)), add(16, r, n1(BCF_BV_NEG, 16, cst(16, 8))))) == 0,
	   "strict: (concat 0 x) - 8 = (concat 0 x) + (-8) with duplicated atoms accepted");
	l = n3(BCF_BV_ITE, 8, n2(BCF_BOOL_ULT, 0, add(8, x, y), z), cst(8, 1), cst(8, 0));
	r = n3(BCF_BV_ITE, 8, n2(BCF_BOOL_ULT, 0, add(8, y, x), z), cst(8, 1), cst(8, 0));
	ok(poly(STRICT, eq_of(add(8, cst(8, 0), l), r)) == 0,
	   "strict: 0 + ite(x+y < z, 1, 0) = ite(y+x < z, 1, 0) accepted");
	/* 64-bit coefficients */
	xw = var(64);
	yw = var(64);
	ok(poly(STRICT, eq_of(mul(64, xw, cst(64, ~0ull)), n1(BCF_BV_NEG, 64, xw))) == 0,
	   "strict: x * 0xffff...ff = -x at 64 bits accepted");
	ok(poly(STRICT, eq_of(mul(64, add(64, yw, cst(64, (uint64_t)-1601)), cst(64, 365)),
			      add(64, mul(64, yw, cst(64, 365)),
				  mul(64, cst(64, (uint64_t)-1601), cst(64, 365))))) == 0,
	   "strict: (s + -1601) * 365 = s*365 + (-1601*365) at 64 bits accepted");
	ok(poly(STRICT, eq_of(mul(64, cst(64, 1ull << 63), add(64, xw, xw)), cst(64, 0))) == 0,
	   "strict: 2^63 * (x + x) = 0 at 64 bits accepted");
	/* wide terms: structural (atoms) */
	{
		uint32_t xv = var(100), yv = var(100);

		ok(poly(STRICT, eq_of(add(100, xv, yv), add(100, xv, yv))) == 0,
		   "strict: 100-bit identical sides accepted");
		ok(poly(STRICT, eq_of(add(100, xv, yv), add(100, yv, xv))) == -EINVAL,
		   "strict: 100-bit commuted add rejected (no arithmetic above 64 bits)");
	}
	/* blow-up cap */
	w = 32;
	{
		uint32_t v[14], s, pr;
		unsigned i;

		for (i = 0; i < 14; i++)
			v[i] = var(w);
		pr = add(w, v[0], v[1]);
		for (i = 2; i < 14; i++)
			pr = mul(w, pr, add(w, v[i], v[0]));
		s = eq_of(pr, pr);
		ok(poly(STRICT, s) == 0, "strict: identical huge product accepted (same class)");
		s = eq_of(pr, add(w, pr, cst(w, 0)));
		ok(poly(STRICT, s) == -EINVAL, "strict: product beyond the monomial cap rejected");
		ok(poly(COMPAT, s) == 0, "compat: the same step accepted (trusted)");
	}
	{
		uint32_t d = var(64), m = var(8), k;
		unsigned i;

		for (i = 0; i < 200; i++) /* 2^200 leaves as a tree, 200 nodes as a DAG */
			d = add(64, d, d);
		k = var(64);
		ok(poly(STRICT, eq_of(add(64, d, k), k)) == 0,
		   "strict: 200 nested doublings of x vanish at 64 bits (shared DAG, linear work)");
		for (i = 0; i < 10; i++) /* degree 1024 */
			m = mul(8, m, m);
		ok(poly(STRICT, eq_of(add(8, m, cst(8, 1)), add(8, cst(8, 1), m))) == -EINVAL,
		   "strict: a monomial of degree 1024 is beyond the cap and rejected");
	}
}

static void test_poly_api(void)
{
	struct bcf_checker c;
	struct poly_norm *p;
	uint32_t x, y, e, e1, e2, cls;
	unsigned w, n = 0;
	uint64_t coef;
	const uint32_t *atoms;
	unsigned deg;

	reset();
	x = var(16);
	y = var(16);
	/* 3*x*y - y + 7 */
	e = add(16, sub(16, mul(16, cst(16, 3), mul(16, x, y)), y), cst(16, 7));
	e1 = add(16, x, y);
	e2 = add(16, y, x);
	ckr_init(&c, TB.w, TB.nw, STRICT);
	p = poly_norm__new(ckr_lookup, &c);
	ok(p && poly_norm__class(p, e, &cls) == 0 && poly_norm__is_poly(p, cls, &w, &n) &&
	   w == 16 && n == 3, "poly API: 3xy - y + 7 has 3 terms at width 16");
	{
		unsigned i, seen = 0;

		for (i = 0; i < n; i++) {
			if (poly_norm__term(p, cls, i, &coef, &atoms, &deg))
				break;
			if (deg == 0 && coef == 7)
				seen |= 1;
			if (deg == 1 && coef == 0xffff && poly_norm__atom_rep(p, atoms[0]) == y)
				seen |= 2;
			if (deg == 2 && coef == 3)
				seen |= 4;
		}
		ok(seen == 7, "poly API: terms 7, -1*y, 3*x*y read back");
	}
	poly_norm__free(p);
	ok(poly_norm__equal(ckr_lookup, &c, e1, e2) == 1, "poly API: x + y equals y + x");
	ok(poly_norm__equal(ckr_lookup, &c, e1, e) == 0, "poly API: x + y differs from 3xy - y + 7");
	ckr_fini(&c);
}

/* ---- POLY_NORM_EQ ------------------------------------------------------ */

static void test_poly_norm_eq(void)
{
	uint32_t x0, x1, y0, y1, m0, m1, prem, concl = 0;
	const struct bcf_expr *ce, *a, *b;

	reset();
	x0 = var(8);
	x1 = var(8);
	y0 = var(8);
	y1 = cst(8, 1);
	m0 = mul(8, cst(8, 1), sub(8, x0, x1));
	m1 = mul(8, cst(8, 0xff), sub(8, y0, y1));
	prem = eq_of(m0, m1);
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, &concl) == 0,
	   "POLY_NORM_EQ with odd constants accepted (compat)");
	ce = (const struct bcf_expr *)&TB.w[concl];
	a = (const struct bcf_expr *)&TB.w[ce->args[0]];
	b = (const struct bcf_expr *)&TB.w[ce->args[1]];
	ok(ce->code == BCF_BOOL_EQ && a->code == BCF_BOOL_EQ && b->code == BCF_BOOL_EQ &&
	   a->args[0] == x0 && a->args[1] == x1 && b->args[0] == y0 && b->args[1] == y1,
	   "POLY_NORM_EQ concludes (= (= x0 x1) (= y0 y1))");
	ok(run_rule(STRICT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == 0,
	   "POLY_NORM_EQ accepted (strict)");
	prem = eq_of(m0, mul(8, cst(8, 2), sub(8, y0, y1)));
	ok(run_rule(STRICT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL &&
	   run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM_EQ with an even constant rejected");
	prem = eq_of(m0, mul(8, sub(8, y0, y1), cst(8, 1)));
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM_EQ with the constant second rejected");
	prem = eq_of(m0, mul(8, cst(8, 1), add(8, y0, y1)));
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM_EQ with an add instead of sub rejected");
	prem = eq_of(m0, sub(8, y0, y1));
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM_EQ without a product rejected");
	{
		uint32_t args[3] = { cst(8, 1), sub(8, y0, y1), cst(8, 1) };

		prem = eq_of(m0, node(BCF_BV_MUL, 8, args, 3));
		ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL,
		   "POLY_NORM_EQ with a 3-argument product rejected");
	}
	prem = n2(BCF_BOOL_ULT, 0, m0, m1);
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM_EQ of a non-equality premise rejected");
	prem = eq_of(m0, m1);
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, NULL, 0, NULL, 0, NULL) == -EINVAL,
	   "POLY_NORM_EQ without premise rejected");
	ok(run_rule(COMPAT, BCF_RULE_POLY_NORM_EQ, &prem, 1, &prem, 1, NULL) == -EINVAL,
	   "POLY_NORM_EQ with a parameter rejected");
}

/* ---- property tests: strict acceptance implies validity --------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
	xorshift64(&rng);
	return n ? (uint32_t)(rng % n) : 0;
}

/* A random earlier node id of the table below limit (any node). */
static uint32_t random_node(uint32_t limit)
{
	uint32_t id, pick = 0, n = 0;

	for (id = 0; id < limit; id += (TB.w[id] >> 8 & 0xff) + 1)
		if (!rnd(++n))
			pick = id;
	return pick;
}

/*
 * Mutate random argument words or params of accepted circuits; whenever the
 * result is still a well-typed table: no crash, strict accepts only what
 * compat accepts, and what strict accepts is a valid equality.
 */
static void test_random_mutants(void)
{
	unsigned i, tries = 0, typed = 0, strict_acc = 0, bad_subset = 0, bad_valid = 0;

	for (i = 0; i < 6000; i++) {
		const struct circuit *cc = &circuits[rnd(sizeof(circuits) / sizeof(circuits[0]))];
		unsigned w = cc->widths[0] == 1 ? 2 : cc->widths[0], k, nmut = 1 + rnd(3);
		uint32_t eq, id;
		int a, b;

		reset();
		builder_reset();
		eq = cc->fn(w, cc->variant);
		for (k = 0; k < nmut; k++) {
			const struct bcf_expr *e;

			id = random_node(eq);
			e = (const struct bcf_expr *)&TB.w[id];
			if (bcf_is_leaf(e) || rnd(4) == 0)
				TB.w[id] ^= 1u << (16 + rnd(16)); /* a params bit */
			else
				TB.w[id + 1 + rnd(e->vlen)] = random_node(id);
		}
		tries++;
		if (bcf_table__scan(TB.w, TB.nw, NULL, NULL, NULL))
			continue;
		typed++;
		a = bitblast(COMPAT, eq);
		b = bitblast(STRICT, eq);
		if (!b) {
			strict_acc++;
			if (a)
				bad_subset++;
			if (var_bits() <= 16 && !valid(eq)) {
				bad_valid++;
				diag("%s w=%u: strict accepted an invalid mutant", cc->name, w);
			}
		}
	}
	ok(typed > 500 && bad_subset == 0 && bad_valid == 0,
	   "%u random mutants (%u well-typed, %u still accepted): strict acceptance implies compat "
	   "acceptance and validity", tries, typed, strict_acc);
}

/* Random small polynomial expressions: strict POLY_NORM never accepts a false one. */
static uint32_t random_poly(unsigned w, const uint32_t *vars, unsigned nv, unsigned depth)
{
	uint32_t args[3];

	if (!depth || rnd(4) == 0)
		return rnd(3) ? vars[rnd(nv)] : cst(w, rnd(1u << w));
	switch (rnd(6)) {
	case 0:
		args[0] = random_poly(w, vars, nv, depth - 1);
		args[1] = random_poly(w, vars, nv, depth - 1);
		args[2] = random_poly(w, vars, nv, depth - 1);
		return node(BCF_BV_ADD, w, args, 2 + rnd(2));
	case 1:
		return sub(w, random_poly(w, vars, nv, depth - 1), random_poly(w, vars, nv, depth - 1));
	case 2:
		return n1(BCF_BV_NEG, w, random_poly(w, vars, nv, depth - 1));
	case 3:
		return n1(BCF_BV_NOT, w, random_poly(w, vars, nv, depth - 1));
	case 4:
		return n2(BCF_BV_AND, w, random_poly(w, vars, nv, depth - 1), vars[rnd(nv)]);
	default:
		return mul(w, random_poly(w, vars, nv, depth - 1), random_poly(w, vars, nv, depth - 1));
	}
}

static void test_random_poly(void)
{
	unsigned i, acc = 0, bad = 0, sem_eq = 0;

	for (i = 0; i < 4000; i++) {
		unsigned w = 1 + rnd(4);
		uint32_t vars[2], l, r, e;

		reset();
		vars[0] = var(w);
		vars[1] = var(w);
		l = random_poly(w, vars, 2, 3);
		r = random_poly(w, vars, 2, 3);
		e = eq_of(l, r);
		if (valid(e))
			sem_eq++;
		if (poly(STRICT, e) == 0) {
			acc++;
			if (!valid(e))
				bad++;
		}
	}
	ok(acc > 20 && bad == 0,
	   "4000 random polynomial equalities: strict accepted %u, all valid (%u valid in total)",
	   acc, sem_eq);
}

/* ---- strict POLY_NORM over the upstream corpus ----------------------------- */

/*
 * Every POLY_NORM step of the included upstream proofs, verified by the
 * strict check: all steps of proofs of unsatisfiable goals must pass; the
 * invalid "proofs" of the satisfiable goals contain false identities.
 */
static void test_corpus_poly_norm(void)
{
	char path[4096], *manifest, *line, *save = NULL;
	unsigned pass_unsat = 0, fail_unsat = 0, fail_sat = 0, proofs = 0;
	size_t len;

	snprintf(path, sizeof(path), "%s/vectors/manifest.tsv", shared_dir());
	manifest = test_read_file(path, &len);
	if (!manifest) {
		skip("no shared vectors");
		return;
	}
	for (line = strtok_r(manifest, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[256], verdict[64], incl[16], status[16];
		uint32_t *w, n, ns, pos;
		struct bcf_checker c;
		bool sat;

		if (sscanf(line, "%255s %*s %63s %15s %15s", name, verdict, incl, status) != 4 ||
		    strcmp(incl, "yes"))
			continue;
		sat = !strcmp(status, "sat");
		snprintf(path, sizeof(path), "%s/vectors/proofs/%s.bcf", shared_dir(), name);
		w = (uint32_t *)test_read_file(path, &len);
		if (!w)
			continue;
		n = len >= 12 ? w[1] : 0;
		ns = len >= 12 ? w[2] : 0;
		if (len < 12 || 12 + 4ull * n + 4ull * ns != len ||
		    bcf_table__scan(w + 3, n, NULL, NULL, NULL) ||
		    ckr_init(&c, w + 3, n, STRICT)) {
			free(w);
			continue;
		}
		proofs++;
		for (pos = 0; pos < ns;) {
			uint32_t h = w[3 + n + pos], concl;
			unsigned np = h >> 16 & 0xff, npar = h >> 24;

			if (pos + 1 + np + npar > ns)
				break;
			if ((h & 0xffff) == BCF_RULE_POLY_NORM && !np && npar == 1) {
				int err = rule_POLY_NORM(&c, NULL, 0, &w[3 + n + pos + 1], 1, &concl);

				if (!err)
					ckr_put(&c, concl);
				if (!sat && !err)
					pass_unsat++;
				else if (!sat)
					fail_unsat++, diag("%s: %s", name, c.reason);
				else if (err)
					fail_sat++;
			}
			pos += 1 + np + npar;
		}
		ckr_fini(&c);
		free(w);
	}
	free(manifest);
	ok(proofs > 1000 && pass_unsat > 1500 && fail_unsat == 0,
	   "strict POLY_NORM: all %u steps in %u upstream proofs of unsat goals verified (%u fail)",
	   pass_unsat, proofs, fail_unsat);
	ok(fail_sat > 0, "strict POLY_NORM: %u false identities found in proofs of sat goals",
	   fail_sat);
}

int main(void)
{
	test_circuits();
	test_wiring();
	test_shapes();
	test_defects();
	test_ite_and_atoms();
	test_shift_guard();
	test_arena_builders();
	test_build_step();
	test_poly_norm();
	test_poly_api();
	test_poly_norm_eq();
	test_corpus_poly_norm();
	test_random_mutants();
	test_random_poly();
	return done_testing();
}
