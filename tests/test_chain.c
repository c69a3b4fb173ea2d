// SPDX-License-Identifier: MIT
/*
 * Add chains (solver/chain.c): which terms count as links, the sums of
 * their constants modulo 2^w, the lemma atoms' shape and order, and the
 * chains that get none.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include <bcf/bcf.h>
#include "checker/bb_build.h"
#include "lang/expr.h"
#include "solver/chain.h"
#include "solver/pbuild.h"
#include "tests/tap.h"

static uint32_t mk(struct bcf_arena *a, uint8_t code, unsigned w, uint32_t x, uint32_t y)
{
	uint32_t args[2] = { x, y }, id = 0;

	bcf_arena__node(a, code, w, args, 2, &id);
	return id;
}

static uint32_t k(struct bcf_arena *a, unsigned w, uint64_t v)
{
	uint32_t id = 0;

	bcf_arena__bv_const(a, w, v, &id);
	return id;
}

/* chain_scan of root; longest and adders are UINT_MAX when it fails. */
static struct chain_info scan_of(const struct bcf_arena *a, uint32_t root)
{
	struct chain_info ci;

	if (chain_scan(a, root, &ci))
		ci.longest = ci.adders = UINT_MAX;
	return ci;
}

/* An atom (= T (bvadd B C)): T, B and C's value; false if it has another shape. */
static bool lemma_parts(const struct bcf_arena *a, uint32_t atom, uint32_t *t, uint32_t *base,
			uint64_t *c)
{
	const struct bcf_expr *e = bcf_arena__expr(a, atom), *sum, *cst;

	if (!e || e->code != BCF_BOOL_EQ || e->vlen != 2)
		return false;
	sum = bcf_arena__expr(a, e->args[1]);
	if (!sum || sum->code != BCF_BV_ADD || sum->vlen != 2)
		return false;
	cst = bcf_arena__expr(a, sum->args[1]);
	if (!cst || cst->code != BCF_BV_VAL)
		return false;
	*t = e->args[0];
	*base = sum->args[0];
	*c = bcf_expr__bv_value(cst);
	return true;
}

/* Import root into a fresh builder and take its lemmas. */
static int lemmas(const struct bcf_arena *src, uint32_t root, struct pbuild **b, uint32_t *g,
		  uint32_t **atoms, unsigned *n)
{
	int err;

	*b = pbuild_new();
	if (!*b)
		return -1;
	err = pbuild_import(*b, src, root, g);
	return err ? err : chain_lemmas(*b, *g, atoms, n);
}

/* x + 1 + ... + 1 (16 links) over a variable whose id is 0. */
static void test_base_id_zero(void)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t x = 1, t, one, eq;
	unsigned i;

	bcf_arena__var(a, BCF_BV, 64, "x", &x);
	ok(x == 0, "the variable is node 0 (id %u)", x);
	one = k(a, 64, 1);
	for (t = x, i = 0; i < 16; i++)
		t = mk(a, BCF_BV_ADD, 64, t, one);
	eq = mk(a, BCF_BOOL_EQ, 0, t, x);
	/* regression: a base of id 0 counted as "not a chain", 15 links instead of 16 */
	ok(scan_of(a, eq).longest == 16, "16 links counted over a base of id 0 (%u)",
	   scan_of(a, eq).longest);
	ok(scan_of(a, eq).adders == 16, "16 adders (%u)", scan_of(a, eq).adders);
	bcf_arena__free(a);
}

/* ((x + 1) - 3) + 5 with the last constant first, at 8 bits: sums modulo 256 */
static void test_mixed_links(void)
{
	struct bcf_arena *a = bcf_arena__new(), *ba;
	struct pbuild *b = NULL;
	uint32_t x, t1, t2, t3, root, g, *atoms = NULL, t, base;
	uint64_t c = 0;
	unsigned n = 0;
	int err;

	bcf_arena__var(a, BCF_BV, 8, "x", &x);
	t1 = mk(a, BCF_BV_ADD, 8, x, k(a, 8, 1));
	t2 = mk(a, BCF_BV_SUB, 8, t1, k(a, 8, 3));
	t3 = mk(a, BCF_BV_ADD, 8, k(a, 8, 5), t2);
	root = mk(a, BCF_BOOL_EQ, 0, t3, x);
	ok(scan_of(a, root).longest == 3, "3 links (%u)", scan_of(a, root).longest);
	ok(scan_of(a, root).adders == 3, "bvadd and bvsub are adders: 3 (%u)",
	   scan_of(a, root).adders);
	err = lemmas(a, root, &b, &g, &atoms, &n);
	ok(!err && n == 2, "two lemmas, for links 2 and 3 (err %d, %u)", err, n);
	ba = b ? pbuild_arena(b) : NULL;
	if (ba && n == 2) {
		const struct bcf_expr *r = bcf_arena__expr(ba, g);
		uint32_t bt3 = r->args[0], bx = r->args[1];
		uint32_t bt2 = bcf_arena__expr(ba, bt3)->args[1];

		bool shape = lemma_parts(ba, atoms[0], &t, &base, &c);

		ok(shape && t == bt2 && base == bx && c == 254,
		   "first: (x + 1) - 3 = x + 254 (sum %llu)", (unsigned long long)c);
		shape = lemma_parts(ba, atoms[1], &t, &base, &c);
		ok(shape && t == bt3 && base == bx && c == 3,
		   "then: 5 + ((x + 1) - 3) = x + 3 (sum %llu)", (unsigned long long)c);
	}
	free(atoms);
	pbuild_free(b);
	bcf_arena__free(a);
}

/* Chains that get no lemma, and a base that is no link itself. */
/* The value of a 128-bit lemma constant, a concat of two 64-bit bv_vals (hi, lo). */
static bool wide_parts(const struct bcf_arena *a, uint32_t atom, uint64_t *hi, uint64_t *lo)
{
	const struct bcf_expr *e = bcf_arena__expr(a, atom), *sum, *cst, *h, *l;

	if (!e || e->code != BCF_BOOL_EQ || e->vlen != 2 ||
	    !(sum = bcf_arena__expr(a, e->args[1])) || sum->code != BCF_BV_ADD || sum->vlen != 2 ||
	    !(cst = bcf_arena__expr(a, sum->args[1])) || cst->code != BCF_BV_CONCAT ||
	    cst->vlen != 2)
		return false;
	h = bcf_arena__expr(a, cst->args[0]);
	l = bcf_arena__expr(a, cst->args[1]);
	if (!h || !l || h->code != BCF_BV_VAL || l->code != BCF_BV_VAL ||
	    bcf_expr__width(h) != 64 || bcf_expr__width(l) != 64)
		return false;
	*hi = bcf_expr__bv_value(h);
	*lo = bcf_expr__bv_value(l);
	return true;
}

/*
 * A 128-bit chain: the format's constants are at most 64 bits, so each is a
 * concat of two (as bcf import writes them), and so is each lemma's sum,
 * with the carry from the low half into the high one and a borrow back.
 */
static void test_wide_chain(void)
{
	struct bcf_arena *a = bcf_arena__new(), *ba;
	struct pbuild *b = NULL;
	uint32_t x, y, t, root, g, *atoms = NULL;
	uint64_t hi = 0, lo = 0;
	unsigned n = 0;
	int err;

	bcf_arena__var(a, BCF_BV, 128, "x", &x);
	bcf_arena__var(a, BCF_BV, 128, "y", &y);
	/* x + (2^64 + 2^64 - 1) + 1 - 2 */
	t = mk(a, BCF_BV_ADD, 128, x, mk(a, BCF_BV_CONCAT, 128, k(a, 64, 1), k(a, 64, UINT64_MAX)));
	t = mk(a, BCF_BV_ADD, 128, mk(a, BCF_BV_CONCAT, 128, k(a, 64, 0), k(a, 64, 1)), t);
	t = mk(a, BCF_BV_SUB, 128, t, mk(a, BCF_BV_CONCAT, 128, k(a, 64, 0), k(a, 64, 2)));
	root = mk(a, BCF_BOOL_EQ, 0, t, y);
	ok(scan_of(a, root).longest == 3, "128 bits: 3 links (%u)", scan_of(a, root).longest);
	err = lemmas(a, root, &b, &g, &atoms, &n);
	ba = b ? pbuild_arena(b) : NULL;
	ok(!err && n == 2 && ba, "128 bits: two lemmas (err %d, %u)", err, n);
	if (ba && n == 2) {
		bool shape = wide_parts(ba, atoms[0], &hi, &lo);

		ok(shape && hi == 2 && lo == 0,
		   "x + (2^65 - 1) + 1 = x + 2^65: the carry into the high half (%llx:%llx)",
		   (unsigned long long)hi, (unsigned long long)lo);
		shape = wide_parts(ba, atoms[1], &hi, &lo);
		ok(shape && hi == 1 && lo == UINT64_MAX - 1,
		   "... - 2 = x + (2^65 - 2): the borrow from it (%llx:%llx)",
		   (unsigned long long)hi, (unsigned long long)lo);
	}
	free(atoms);
	pbuild_free(b);
	bcf_arena__free(a);
}

static void test_no_lemma(void)
{
	struct bcf_arena *a = bcf_arena__new(), *ba;
	struct pbuild *b = NULL;
	uint32_t x, y, t, root, g, *atoms = NULL, tt, base;
	uint64_t c = 0;
	unsigned n = 9, i;
	int err;

	bcf_arena__var(a, BCF_BV, 32, "x", &x);
	bcf_arena__var(a, BCF_BV, 32, "y", &y);
	/* one link: below CHAIN_MIN_LINKS, and x + 1 is its own lemma's form */
	t = mk(a, BCF_BV_ADD, 32, x, k(a, 32, 1));
	root = mk(a, BCF_BOOL_EQ, 0, t, y);
	err = lemmas(a, root, &b, &g, &atoms, &n);
	ok(!err && n == 0 && !atoms, "x + 1: no lemma (err %d, %u)", err, n);
	pbuild_free(b);
	/* two links (CHAIN_MIN_LINKS): the lemma x + 1 + 1 = x + 2 */
	t = mk(a, BCF_BV_ADD, 32, t, k(a, 32, 1));
	root = mk(a, BCF_BOOL_EQ, 0, t, y);
	err = lemmas(a, root, &b, &g, &atoms, &n);
	ba = b ? pbuild_arena(b) : NULL;
	ok(!err && n == 1 && ba, "x + 1 + 1: one lemma (err %d, %u)", err, n);
	if (ba && n == 1) {
		bool shape = lemma_parts(ba, atoms[0], &tt, &base, &c);

		ok(shape && c == 2 && bcf_arena__expr(ba, base)->code == BCF_BV_VAR,
		   "x + 1 + 1 = x + 2 (sum %llu)", (unsigned long long)c);
	}
	free(atoms);
	atoms = NULL;
	pbuild_free(b);
	/* 5 - y is no link (it negates y): it is the base of the links above it */
	t = mk(a, BCF_BV_SUB, 32, k(a, 32, 5), y);
	for (i = 0; i < 3; i++)
		t = mk(a, BCF_BV_ADD, 32, t, k(a, 32, 2));
	root = mk(a, BCF_BOOL_EQ, 0, t, x);
	ok(scan_of(a, root).longest == 3, "(5 - y) + 2 + 2 + 2: 3 links (%u)",
	   scan_of(a, root).longest);
	err = lemmas(a, root, &b, &g, &atoms, &n);
	ba = b ? pbuild_arena(b) : NULL;
	ok(!err && n == 2 && ba, "two lemmas (err %d, %u)", err, n);
	if (ba && n == 2) {
		bool shape = lemma_parts(ba, atoms[1], &tt, &base, &c);

		ok(shape && tt == bcf_arena__expr(ba, g)->args[0] && c == 6 &&
		   bcf_arena__expr(ba, base)->code == BCF_BV_SUB,
		   "the last: T = (5 - y) + 6 (sum %llu)", (unsigned long long)c);
	}
	free(atoms);
	pbuild_free(b);
	/* the sum of two constants is EVALUATE's, not a link */
	t = mk(a, BCF_BV_ADD, 32, k(a, 32, 7), k(a, 32, 9));
	for (i = 0; i < 4; i++)
		t = mk(a, BCF_BV_ADD, 32, t, x);
	root = mk(a, BCF_BOOL_EQ, 0, t, y);
	ok(scan_of(a, root).longest == 0, "7 + 9 + x + x...: no link (%u)",
	   scan_of(a, root).longest);
	ok(scan_of(a, root).adders == 5, "7 + 9 + x + x...: 5 adders (%u)",
	   scan_of(a, root).adders);
	bcf_arena__free(a);
}

/* What counts as an adder: bvmul and bvneg do, extract/concat/or do not, nor unreached terms. */
static void test_adders(void)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t x, y, lo, hi, cat, root, neg, prod;
	uint32_t ex[1];

	bcf_arena__var(a, BCF_BV, 16, "x", &x);
	bcf_arena__var(a, BCF_BV, 16, "y", &y);
	/* (concat (extract 7 0 x) (extract 15 8 x)) = (bvor x y): no adder */
	ex[0] = x;
	bcf_arena__node(a, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(7, 0), ex, 1, &lo);
	bcf_arena__node(a, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(15, 8), ex, 1, &hi);
	cat = mk(a, BCF_BV_CONCAT, 16, lo, hi);
	root = mk(a, BCF_BOOL_EQ, 0, cat, mk(a, BCF_BV_OR, 16, x, y));
	/* an adder the root does not reach */
	bcf_arena__node(a, BCF_BV_NEG, 16, ex, 1, &neg);
	ok(scan_of(a, root).adders == 0 && scan_of(a, root).longest == 0,
	   "extract/concat/or, an unreached bvneg: no adder (%u)", scan_of(a, root).adders);
	prod = mk(a, BCF_BV_MUL, 16, x, k(a, 16, 3));
	root = mk(a, BCF_BOOL_EQ, 0, prod, neg);
	ok(scan_of(a, root).adders == 2, "x * 3 = -x: 2 adders (%u)", scan_of(a, root).adders);
	bcf_arena__free(a);
}

/* ---- carry invariants (solver/chain_carry.c) ---- */

/* Value of a bool circuit over the bits of variable x = value xv. */
static int eval_bool(const struct bcf_arena *a, uint32_t id, uint64_t xv)
{
	const struct bcf_expr *e = bcf_arena__expr(a, id);
	int v, i;

	switch (e->code) {
	case BCF_BOOL_VAL:
		return e->params & 1;
	case BCF_BOOL_BITOF:
		return (xv >> (e->params & 0xff)) & 1;
	case BCF_BOOL_NOT:
		return !eval_bool(a, e->args[0], xv);
	case BCF_BOOL_CONJ:
	case BCF_BOOL_DISJ:
		v = e->code == BCF_BOOL_CONJ;
		for (i = 0; i < e->vlen; i++)
			v = e->code == BCF_BOOL_CONJ ? v & eval_bool(a, e->args[i], xv)
						     : v | eval_bool(a, e->args[i], xv);
		return v;
	case BCF_BOOL_XOR:
		return eval_bool(a, e->args[0], xv) ^ eval_bool(a, e->args[1], xv);
	case BCF_BOOL_EQ:
		return eval_bool(a, e->args[0], xv) == eval_bool(a, e->args[1], xv);
	default:
		return -1;
	}
}

/* Whether every atom has its wanted value for every 8-bit base value; the atom count. */
static bool carry_atoms_hold(const struct bcf_arena *a, const uint32_t *atoms,
			     const uint8_t *want, unsigned *natoms)
{
	unsigned i, x;
	bool ok = true;

	*natoms = 0;
	for (i = 0; i < 8 * CHAIN_CARRY_PER_BIT; i++)
		*natoms += atoms[i] != 0;
	for (x = 0; x < 256 && ok; x++)
		for (i = 0; i < 8 * CHAIN_CARRY_PER_BIT && ok; i++)
			ok = !atoms[i] || eval_bool(a, atoms[i], x) == want[i];
	return ok;
}

/* out = in + k, the kernel's 8-bit ripple-carry adder with carry-in false. */
static void rca_const(const struct bb_builder *bb, const uint32_t *in, uint64_t k, uint32_t *out)
{
	uint32_t c[8];

	bb_build_const(bb, k, 8, c);
	bb_build_rca(bb, in, c, 8, false, out);
}

/* One link's invariants: a point that each holds for every 8-bit base; the errno. */
static int carry_point(struct pbuild *pb, const uint32_t *tk, const uint32_t *rhs,
		       const uint32_t *prev, const char *what, uint32_t *atoms)
{
	uint8_t want[8 * CHAIN_CARRY_PER_BIT];
	unsigned n = 0;
	int err = chain_carry_atoms(pb, tk, rhs, prev, 8, atoms, want);
	bool hold = !err && carry_atoms_hold(pbuild_arena(pb), atoms, want, &n);

	ok(hold && n >= 14, "%s: %u atoms, each true for every x (err %d)", what, n, err);
	return err;
}

/*
 * 8-bit links over a base x, built as the kernel's ripple-carry adders:
 * (x + 5) + 3 against x + 8, (x + 200) - 7 against x + 193 (carries
 * wrapping), the second link of (x + 1) + 1 + 1 against x + 3 with the
 * first lemma's x + 2, and a wrong lemma.
 */
static void test_carry_atoms(void)
{
	struct pbuild *pb = pbuild_new();
	struct bcf_arena *a = pb ? pbuild_arena(pb) : NULL;
	struct bb_builder bb;
	uint32_t x, xb[8], c[8], t1[8], t2[8], tk[8], rhs[8], prev[8];
	uint32_t atoms[8 * CHAIN_CARRY_PER_BIT];
	uint8_t want[8 * CHAIN_CARRY_PER_BIT];
	int err;

	if (!a) {
		ok(0, "a builder");
		return;
	}
	bb.mk = bb_arena_mk;
	bb.ctx = a;
	bcf_arena__bool_const(a, true, &bb.t);
	bcf_arena__bool_const(a, false, &bb.f);
	bcf_arena__var(a, BCF_BV, 8, "x", &x);
	bb_build_var(&bb, x, 8, xb);
	/* (x + 5) + 3 = x + 8 */
	rca_const(&bb, xb, 5, t1);
	rca_const(&bb, t1, 3, tk);
	rca_const(&bb, xb, 8, rhs);
	err = carry_point(pb, tk, rhs, NULL, "(x + 5) + 3 = x + 8", atoms);
	ok(!err && !atoms[0] && !atoms[1] && !atoms[2], "bit 0 (carry-ins only): no atom");
	/* (x + 200) - 7 = x + 193: a subtractor, carries past bit 7 */
	rca_const(&bb, xb, 200, t1);
	bb_build_const(&bb, 7, 8, c);
	bb_build_sub(&bb, t1, c, 8, tk);
	rca_const(&bb, xb, 193, rhs);
	carry_point(pb, tk, rhs, NULL, "(x + 200) - 7 = x + 193", atoms);
	/* ((x + 1) + 1) + 1 = x + 3, T_2 known equal to x + 2 */
	rca_const(&bb, xb, 1, t1);
	rca_const(&bb, t1, 1, t2);
	rca_const(&bb, t2, 1, tk);
	rca_const(&bb, xb, 2, prev);
	rca_const(&bb, xb, 3, rhs);
	carry_point(pb, tk, rhs, prev, "the third link against the lemma x + 2", atoms);
	/* a lemma that does not hold, and bits that are no adder */
	rca_const(&bb, xb, 4, rhs);
	err = chain_carry_atoms(pb, tk, rhs, prev, 8, atoms, want);
	ok(err == -ENOENT, "x + 2 + 1 against x + 4: -ENOENT (%d)", err);
	err = chain_carry_atoms(pb, xb, rhs, NULL, 8, atoms, want);
	ok(err == -ENOENT, "the bits of a variable: -ENOENT (%d)", err);
	pbuild_free(pb);
}

int main(void)
{
	test_base_id_zero();
	test_mixed_links();
	test_no_lemma();
	test_wide_chain();
	test_adders();
	test_carry_atoms();
	return done_testing();
}
