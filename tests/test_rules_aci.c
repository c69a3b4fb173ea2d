// SPDX-License-Identifier: MIT
/*
 * ACI_NORM (spec/rules-core.md 3.4) and ABSORB (3.5): every "(tested)"
 * example of the spec with its upstream verdict (kernel-compat mode), the
 * strict-mode verdicts (unsound quirks rejected), and the limits.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tests/rng.h"
#include "tests/tap.h"
#include "tests/proof_build.h"

static struct pb T;

#define COMPAT BCF_CHECK_KERNEL_COMPAT
#define STRICT BCF_CHECK_STRICT

static int run(ckr_rule_fn fn, uint32_t q, enum bcf_check_mode mode)
{
	uint32_t cw[16], cid = UINT32_MAX;
	int leak, err;

	err = pb_run(&T, mode, fn, &q, 1, cw, &cid, NULL, &leak);
	if (leak)
		return -9999;
	if (!err && cid != q)
		return -9998; /* the conclusion must be the parameter itself */
	return err;
}

/* verdicts: 0 accept, else the expected errno */
static void aci(uint32_t q, int compat, int strict, const char *what)
{
	int c = run(rule_ACI_NORM, q, COMPAT), s = run(rule_ACI_NORM, q, STRICT);

	ok(c == compat && s == strict, "ACI_NORM %s: compat %d (want %d), strict %d (want %d)",
	   what, c, compat, s, strict);
}

static void absorb(uint32_t q, int want, const char *what)
{
	int c = run(rule_ABSORB, q, COMPAT), s = run(rule_ABSORB, q, STRICT);

	ok(c == want && s == want, "ABSORB %s: compat %d, strict %d (want %d)", what, c, s, want);
}

#define BVOP(code, w, ...) pb_node(&T, code, w, sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, __VA_ARGS__)
#define BOP(code, ...) BVOP(code, 0, __VA_ARGS__)

static void test_aci_spec_examples(void)
{
	uint32_t x, y, z, p, q, r, t, f, c0, cff, a, b, s1, s2, words_before[64];
	uint32_t C, n0, n1, n2, n3;

	pb_reset(&T);
	x = pb_bvvar(&T, 8);
	y = pb_bvvar(&T, 8);
	z = pb_bvvar(&T, 8);
	p = pb_boolvar(&T);
	q = pb_boolvar(&T);
	r = pb_boolvar(&T);
	t = pb_bool(&T, 1);
	f = pb_bool(&T, 0);
	c0 = pb_bv_masked(&T, 8, 0);
	cff = pb_bv_masked(&T, 8, 0xff);

	/* concat commutativity (unsound quirk) */
	a = BVOP(BCF_BV_CONCAT, 16, x, y);
	b = BVOP(BCF_BV_CONCAT, 16, y, x);
	aci(pb_eq(&T, a, b), 0, -EINVAL, "(= (concat x y) (concat y x)) [quirk]");
	/* concat associativity (sound) */
	a = BVOP(BCF_BV_CONCAT, 24, x, BVOP(BCF_BV_CONCAT, 16, y, z));
	b = BVOP(BCF_BV_CONCAT, 24, BVOP(BCF_BV_CONCAT, 16, x, y), z);
	aci(pb_eq(&T, a, b), 0, 0, "(= (concat x (concat y z)) (concat (concat x y) z))");

	/* sorting through a one-argument reduction (unsound quirk) */
	s1 = BVOP(BCF_BV_SUB, 8, x, y);
	s2 = BVOP(BCF_BV_SUB, 8, y, x);
	a = BVOP(BCF_BV_OR, 8, s1, s1);
	b = BVOP(BCF_BV_OR, 8, s2, s2);
	memcpy(words_before, T.w, T.nw * 4 < sizeof(words_before) ? T.nw * 4 : sizeof(words_before));
	aci(pb_eq(&T, a, b), 0, -EINVAL,
	    "(= (bvor (bvsub x y) (bvsub x y)) (bvor (bvsub y x) (bvsub y x))) [quirk]");
	ok(T.w[s1 + 1] == x && T.w[s1 + 2] == y && T.w[s2 + 1] == y && T.w[s2 + 2] == x,
	   "the stored bvsub nodes are not reordered");

	/* not normalised: bv add, bool xor */
	aci(pb_eq(&T, BVOP(BCF_BV_ADD, 8, x, c0), x), -EINVAL, -EINVAL, "(= (bvadd x #x00) x)");
	aci(pb_eq(&T, BOP(BCF_BOOL_XOR, p, q), BOP(BCF_BOOL_XOR, q, p)), -EINVAL, -EINVAL,
	    "(= (xor p q) (xor q p)) bool");
	aci(pb_eq(&T, BVOP(BCF_BV_XOR, 8, x, c0, y), BVOP(BCF_BV_XOR, 8, y, x)), 0, 0,
	    "(= (bvxor x #x00 y) (bvxor y x))");
	aci(pb_eq(&T, BVOP(BCF_BV_XOR, 8, x, x), c0), -EINVAL, -EINVAL, "(= (bvxor x x) #x00)");
	aci(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, p), BOP(BCF_BOOL_DISJ, p, p)), -EINVAL, -EINVAL,
	    "(= (and p p) (or p p))");
	aci(pb_eq(&T, BOP(BCF_BOOL_DISJ, f, f), f), 0, 0, "(= (or false false) false)");
	aci(pb_eq(&T, BOP(BCF_BOOL_CONJ, t, t), t), 0, 0, "(= (and true true) true)");
	aci(pb_eq(&T, x, BVOP(BCF_BV_OR, 8, x, c0)), 0, 0, "(= x (bvor x #x00))");
	aci(pb_eq(&T, BVOP(BCF_BV_ADD, 8, x, y), BVOP(BCF_BV_ADD, 8, x, y)), 0, 0,
	    "two identical non-associative terms (distinct nodes)");
	aci(pb_eq(&T, BVOP(BCF_BV_ADD, 8, x, y), BVOP(BCF_BV_ADD, 8, y, x)), -EINVAL, -EINVAL,
	    "(= (bvadd x y) (bvadd y x)): add is not normalised");
	aci(pb_eq(&T, BVOP(BCF_BV_AND, 8, cff, cff), cff), -EINVAL, -EINVAL,
	    "(= (bvand #xff #xff) #xff): empty bv result");
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, c0, c0), c0), -EINVAL, -EINVAL,
	    "(= (bvor #x00 #x00) #x00): empty bv result");
	/* two empty results of the same operator compare equal (header-only nodes upstream) */
	aci(pb_eq(&T, BVOP(BCF_BV_AND, 8, cff, cff), BVOP(BCF_BV_AND, 8, cff, cff, cff)), 0, 0,
	    "(= (bvand #xff #xff) (bvand #xff #xff #xff)): both empty");
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, c0, c0), BVOP(BCF_BV_XOR, 8, c0, c0)), -EINVAL, -EINVAL,
	    "(= (bvor #x00 #x00) (bvxor #x00 #x00)): empty, operators differ");
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, c0, c0), BVOP(BCF_BV_OR, 8, x, c0)), -EINVAL, -EINVAL,
	    "(= (bvor #x00 #x00) (bvor x #x00)): empty vs x");

	/* rules-core.md 7, step #27: (= (or C false) C) with C a 5-argument conjunction */
	n0 = BOP(BCF_BOOL_NOT, p);
	n1 = BOP(BCF_BOOL_NOT, q);
	n2 = BOP(BCF_BOOL_NOT, r);
	n3 = pb_boolvar(&T);
	C = BOP(BCF_BOOL_CONJ, n0, n1, n2, n3, p);
	aci(pb_eq(&T, BOP(BCF_BOOL_DISJ, C, f), C), 0, 0, "(= (or C false) C), C a 5-ary and");
	aci(pb_eq(&T, C, BOP(BCF_BOOL_DISJ, f, C, f)), 0, 0, "(= C (or false C false))");

	/* flattening, dedup, neutral elements, sorting */
	aci(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, BOP(BCF_BOOL_CONJ, q, r)),
		  BOP(BCF_BOOL_CONJ, BOP(BCF_BOOL_CONJ, p, q), r)), 0, 0, "and associativity");
	aci(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, q, p), BOP(BCF_BOOL_CONJ, q, p)), 0, 0,
	    "and idempotence + commutativity");
	aci(pb_eq(&T, BOP(BCF_BOOL_DISJ, r, BOP(BCF_BOOL_DISJ, q, r, f), p),
		  BOP(BCF_BOOL_DISJ, p, q, r)), 0, 0, "or: flatten, dedup, drop false, sort");
	aci(pb_eq(&T, BVOP(BCF_BV_AND, 8, x, cff), x), 0, 0, "(= (bvand x #xff) x)");
	aci(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, t), p), 0, 0, "(= (and p true) p)");
	aci(pb_eq(&T, BVOP(BCF_BV_XOR, 8, x, BVOP(BCF_BV_XOR, 8, y, x)),
		  BVOP(BCF_BV_XOR, 8, x, x, y)), 0, 0, "bvxor: flatten and sort, no dedup");
	aci(pb_eq(&T, BVOP(BCF_BV_XOR, 8, x, y, x), BVOP(BCF_BV_XOR, 8, x, y)), -EINVAL, -EINVAL,
	    "bvxor is not idempotent");
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, x, y), BVOP(BCF_BV_AND, 8, BVOP(BCF_BV_OR, 8, y, x),
							BVOP(BCF_BV_OR, 8, y, x))),
	    -EINVAL, -EINVAL, "codes differ: no sorting");
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, x, y), BVOP(BCF_BV_AND, 8, BVOP(BCF_BV_OR, 8, x, y),
							BVOP(BCF_BV_OR, 8, x, y))),
	    0, 0, "codes differ: (= a (bvand a a)) by reduction");
	aci(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, q), BOP(BCF_BOOL_CONJ, p, r)), -EINVAL, -EINVAL,
	    "different conjunctions");
	aci(pb_eq(&T, x, x), 0, 0, "(= x x)");
	aci(pb_eq(&T, x, y), -EINVAL, -EINVAL, "(= x y)");
	/* one-argument reduction on both sides, equal after reduction (sound) */
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, s1, s1), BVOP(BCF_BV_OR, 8, s1, c0)), 0, 0,
	    "(= (bvor s s) (bvor s #x00))");
	/* reduction on one side only: no sorting rescues different operators */
	aci(pb_eq(&T, BVOP(BCF_BV_OR, 8, s1, s1), BVOP(BCF_BV_OR, 8, s1, x)), -EINVAL, -EINVAL,
	    "(= (bvor s s) (bvor s x))");

	/* the parameter */
	aci(x, -EINVAL, -EINVAL, "of a non-equality");
	aci(1, -EINVAL, -EINVAL, "of an id inside a node");
	aci(T.nw + 10, -EINVAL, -EINVAL, "of an id beyond the table");
	ok(!pb_scan(&T), "ACI_NORM example table well formed");
}

static void test_aci_limits(void)
{
	uint32_t v[300], e, e2, leaf, lhs, rhs;
	unsigned i;

	/* nesting: 64 levels including the root are fine, 65 reject */
	pb_reset(&T);
	leaf = pb_boolvar(&T);
	e = leaf;
	for (i = 0; i < 64; i++)
		e = BOP(BCF_BOOL_CONJ, pb_boolvar(&T), e == leaf ? pb_boolvar(&T) : e);
	aci(pb_eq(&T, e, e), 0, 0, "64 nested conjunctions");
	e2 = BOP(BCF_BOOL_CONJ, pb_boolvar(&T), e);
	aci(pb_eq(&T, e2, e2), -E2BIG, -E2BIG, "65 nested conjunctions");
	ok(!pb_scan(&T), "nesting table well formed");

	/* 255 flattened arguments are fine, 256 reject */
	pb_reset(&T);
	for (i = 0; i < 256; i++)
		v[i] = pb_bvvar(&T, 8);
	lhs = pb_nodev(&T, BCF_BV_XOR, 8, 255, v);
	rhs = BVOP(BCF_BV_XOR, 8, pb_nodev(&T, BCF_BV_XOR, 8, 128, v),
		   pb_nodev(&T, BCF_BV_XOR, 8, 127, v + 128));
	aci(pb_eq(&T, lhs, rhs), 0, 0, "255 flattened arguments");
	lhs = BVOP(BCF_BV_XOR, 8, pb_nodev(&T, BCF_BV_XOR, 8, 128, v),
		   pb_nodev(&T, BCF_BV_XOR, 8, 128, v + 128));
	aci(pb_eq(&T, lhs, lhs), -E2BIG, -E2BIG, "256 flattened arguments");
	/* dedup keeps an idempotent root under the limit */
	lhs = BVOP(BCF_BV_OR, 8, pb_nodev(&T, BCF_BV_OR, 8, 200, v),
		   pb_nodev(&T, BCF_BV_OR, 8, 200, v));
	rhs = pb_nodev(&T, BCF_BV_OR, 8, 200, v);
	aci(pb_eq(&T, lhs, rhs), 0, 0, "400 arguments dedup to 200");
	ok(!pb_scan(&T), "width table well formed");
}

static void test_absorb(void)
{
	uint32_t x, y, p, q, t, f, c0, c1, cff, e, e28, leaf;
	unsigned i;

	pb_reset(&T);
	x = pb_bvvar(&T, 8);
	y = pb_bvvar(&T, 8);
	p = pb_boolvar(&T);
	q = pb_boolvar(&T);
	t = pb_bool(&T, 1);
	f = pb_bool(&T, 0);
	c0 = pb_bv_masked(&T, 8, 0);
	c1 = pb_bv_masked(&T, 8, 1);
	cff = pb_bv_masked(&T, 8, 0xff);

	e28 = BOP(BCF_BOOL_CONJ, p, f);
	absorb(pb_eq(&T, e28, f), 0, "(= (and p false) false) [step #28]");
	absorb(pb_eq(&T, f, e28), -EINVAL, "(= false (and p false)): zero on the left");
	absorb(pb_eq(&T, e28, t), -EINVAL, "(= (and p false) true)");
	absorb(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, q), f), -EINVAL, "(= (and p q) false)");
	absorb(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, BOP(BCF_BOOL_CONJ, q, f)), f), 0,
	       "(= (and p (and q false)) false)");
	absorb(pb_eq(&T, BOP(BCF_BOOL_CONJ, p, BOP(BCF_BOOL_DISJ, q, f)), f), -EINVAL,
	       "(= (and p (or q false)) false): different operator in between");
	absorb(pb_eq(&T, BOP(BCF_BOOL_DISJ, p, t), t), 0, "(= (or p true) true)");
	absorb(pb_eq(&T, BOP(BCF_BOOL_DISJ, q, BOP(BCF_BOOL_DISJ, p, t)), t), 0,
	       "(= (or q (or p true)) true)");
	absorb(pb_eq(&T, BOP(BCF_BOOL_DISJ, p, f), f), -EINVAL, "(= (or p false) false)");
	absorb(pb_eq(&T, BVOP(BCF_BV_AND, 8, x, c0), c0), 0, "(= (bvand x #x00) #x00)");
	absorb(pb_eq(&T, BVOP(BCF_BV_AND, 8, x, BVOP(BCF_BV_AND, 8, y, c0)), c0), 0,
	       "(= (bvand x (bvand y #x00)) #x00)");
	absorb(pb_eq(&T, BVOP(BCF_BV_AND, 8, x, BVOP(BCF_BV_OR, 8, y, c0)), c0), -EINVAL,
	       "(= (bvand x (bvor y #x00)) #x00): different operator in between");
	absorb(pb_eq(&T, BVOP(BCF_BV_AND, 8, x, c0), c1), -EINVAL, "(= (bvand x #x00) #x01)");
	absorb(pb_eq(&T, BVOP(BCF_BV_OR, 8, x, cff), cff), 0, "(= (bvor x #xff) #xff)");
	absorb(pb_eq(&T, BVOP(BCF_BV_OR, 8, x, BVOP(BCF_BV_OR, 8, cff, y)), cff), 0,
	       "(= (bvor x (bvor #xff y)) #xff)");
	absorb(pb_eq(&T, BVOP(BCF_BV_OR, 8, x, c0), c0), -EINVAL, "(= (bvor x #x00) #x00)");
	absorb(pb_eq(&T, BVOP(BCF_BV_MUL, 8, x, c0), c0), -EINVAL, "(= (bvmul x #x00) #x00): MUL");
	absorb(pb_eq(&T, BVOP(BCF_BV_XOR, 8, x, c0), c0), -EINVAL, "(= (bvxor x #x00) #x00)");
	{
		uint32_t w16 = pb_bvvar(&T, 16), f16 = pb_bv_masked(&T, 16, 0xffff);

		absorb(pb_eq(&T, BVOP(BCF_BV_OR, 16, w16, f16), f16), 0,
		       "(= (bvor w #xffff) #xffff) at width 16");
	}
	absorb(x, -EINVAL, "of a non-equality");
	absorb(2, -EINVAL, "of an id inside a node");
	ok(!pb_scan(&T), "ABSORB table well formed");

	/* depth: 63 nested same-code levels, zero at the bottom */
	pb_reset(&T);
	f = pb_bool(&T, 0);
	leaf = BOP(BCF_BOOL_CONJ, pb_boolvar(&T), f);
	e = leaf;
	for (i = 1; i < 63; i++)
		e = BOP(BCF_BOOL_CONJ, pb_boolvar(&T), e);
	absorb(pb_eq(&T, e, f), 0, "63 nested conjunctions, false at the bottom");
	e = BOP(BCF_BOOL_CONJ, pb_boolvar(&T), e);
	absorb(pb_eq(&T, e, f), -E2BIG, "64 nested conjunctions rejected (upstream overrun)");
	e = BOP(BCF_BOOL_CONJ, f, e);
	absorb(pb_eq(&T, e, f), 0, "zero found before the deep nesting is reached");
	ok(!pb_scan(&T), "ABSORB depth table well formed");
}

/* ---- random soundness check: strict accepts only valid equalities ------ */

static uint64_t rs = 0x243f6a8885a308d3ull;

static unsigned rn(unsigned n)
{
	xorshift64(&rs);
	return (unsigned)(rs % n);
}

/* hash-consed node: reuse an identical non-variable node (ids decide commutativity) */
static uint32_t hc(uint8_t code, uint16_t params, unsigned n, const uint32_t *args)
{
	uint32_t i, hdr = BCF_EXPR_HDR(code, n, params);

	for (i = 0; i < T.nw; i += ((T.w[i] >> 8) & 0xff) + 1)
		if (T.w[i] == hdr && (code != BCF_BV_VAR && code != BCF_BOOL_VAR) &&
		    (!n || !memcmp(&T.w[i + 1], args, n * 4)))
			return i;
	return pb_nodev(&T, code, params, n, args);
}

static unsigned width_of(uint32_t id)
{
	return bcf_expr__width((const struct bcf_expr *)&T.w[id]);
}

static uint32_t bvars[4], pvars[2];

/* a random term of width 4 (bv) or bool */
static uint32_t rterm(int is_bool, unsigned depth)
{
	static const uint8_t bvops[] = { BCF_BV_AND, BCF_BV_OR, BCF_BV_XOR, BCF_BV_ADD };
	static const uint8_t bops[] = { BCF_BOOL_CONJ, BCF_BOOL_DISJ, BCF_BOOL_XOR };
	uint32_t args[4], v;
	unsigned n, i;

	if (!depth || !rn(4)) {
		if (is_bool) {
			if (!rn(4)) {
				v = rn(2);
				return hc(BCF_BOOL_VAL, v, 0, NULL);
			}
			return pvars[rn(2)];
		}
		if (!rn(4)) {
			v = (uint32_t[]){ 0, 0xf, 1, 6 }[rn(4)];
			return hc(BCF_BV_VAL, 4, 1, &v);
		}
		return bvars[rn(4)];
	}
	n = 2 + rn(2);
	for (i = 0; i < n; i++)
		args[i] = rterm(is_bool, depth - 1);
	if (is_bool)
		return hc(bops[rn(3)], 0, n, args);
	return hc(bvops[rn(4)], 4, n, args);
}

static bool variadic_op(uint8_t code)
{
	return code == BCF_BV_AND || code == BCF_BV_OR || code == BCF_BV_XOR ||
	       code == BCF_BV_ADD || code == BCF_BV_CONCAT || code == BCF_BOOL_CONJ ||
	       code == BCF_BOOL_DISJ || code == BCF_BOOL_XOR;
}

/* a random rewrite of t: permute, regroup, duplicate, add neutral elements */
static uint32_t rmutate(uint32_t t, unsigned depth)
{
	const struct bcf_expr *e = (const struct bcf_expr *)&T.w[t];
	uint32_t args[12], tmp, v;
	unsigned n = e->vlen, i, j, w;
	uint8_t code = e->code;
	uint16_t params = e->params;

	if (!variadic_op(code) || n > 8)
		return t;
	memcpy(args, e->args, n * 4);
	for (i = 0; i < n && depth; i++)
		if (rn(2))
			args[i] = rmutate(args[i], depth - 1);
	switch (rn(5)) {
	case 0: /* permute */
		for (i = n; i > 1; i--) {
			j = rn(i);
			tmp = args[i - 1];
			args[i - 1] = args[j];
			args[j] = tmp;
		}
		break;
	case 1: /* regroup the first two arguments */
		if (n >= 3) {
			w = code == BCF_BV_CONCAT ? width_of(args[0]) + width_of(args[1]) : params;
			tmp = hc(code, w, 2, args);
			args[0] = tmp;
			memmove(&args[1], &args[2], (n - 2) * 4);
			n--;
		}
		break;
	case 2: /* duplicate an argument */
		if (code != BCF_BV_CONCAT) {
			args[n] = args[rn(n)];
			n++;
		}
		break;
	case 3: /* add a neutral element (or what looks like one) */
		if (code == BCF_BOOL_CONJ || code == BCF_BOOL_DISJ || code == BCF_BOOL_XOR) {
			args[n++] = hc(BCF_BOOL_VAL, code == BCF_BOOL_CONJ, 0, NULL);
		} else if (code != BCF_BV_CONCAT) {
			v = code == BCF_BV_AND ? 0xf : 0;
			args[n++] = hc(BCF_BV_VAL, 4, 1, &v);
		}
		break;
	default: /* swap two arguments */
		if (n >= 2) {
			i = rn(n);
			j = rn(n);
			tmp = args[i];
			args[i] = args[j];
			args[j] = tmp;
		}
		break;
	}
	if (n == 1)
		return args[0];
	return hc(code, params, n, args);
}

/* reference semantics (recursion is fine: test terms are a few levels deep) */
static uint64_t reval(uint32_t id, const uint64_t *val)
{
	const struct bcf_expr *e = (const struct bcf_expr *)&T.w[id];
	uint64_t r = 0, m = e->code == BCF_BV_VAL || bcf_is_bv(e) ?
				 (width_of(id) >= 64 ? ~0ull : (1ull << width_of(id)) - 1) : 1;
	unsigned i;

	switch (e->code) {
	case BCF_BV_VAR:
	case BCF_BOOL_VAR:
		return val[id] & m;
	case BCF_BV_VAL:
		return e->args[0];
	case BCF_BOOL_VAL:
		return e->params & 1;
	case BCF_BV_CONCAT:
		for (i = 0; i < e->vlen; i++)
			r = (r << width_of(e->args[i])) | reval(e->args[i], val);
		return r;
	default:
		r = reval(e->args[0], val);
		for (i = 1; i < e->vlen; i++) {
			uint64_t x = reval(e->args[i], val);

			switch (e->code) {
			case BCF_BV_AND: case BCF_BOOL_CONJ: r &= x; break;
			case BCF_BV_OR: case BCF_BOOL_DISJ: r |= x; break;
			case BCF_BV_ADD: r += x; break;
			default: r ^= x; break;
			}
		}
		return r & m;
	}
}

static void test_aci_random(void)
{
	unsigned k, i, s_acc = 0, c_acc = 0, unsound = 0, not_subset = 0, c_invalid = 0;
	uint64_t val[5120]; /* by variable id (the variables are built first) */

	for (k = 0; k < 1500; k++) {
		uint32_t a, b, q;
		int valid = 1, cs, ss;

		pb_reset(&T);
		for (i = 0; i < 4; i++)
			bvars[i] = pb_bvvar(&T, 4);
		for (i = 0; i < 2; i++)
			pvars[i] = pb_boolvar(&T);
		if (k % 3 == 2) { /* concat terms of width 12 */
			uint32_t p[3];

			for (i = 0; i < 3; i++)
				p[i] = rterm(0, 1);
			a = rn(2) ? hc(BCF_BV_CONCAT, 12, 3, p)
				  : hc(BCF_BV_CONCAT, 12, 2, (uint32_t[]){ p[0],
					 hc(BCF_BV_CONCAT, 8, 2, p + 1) });
		} else {
			a = rterm(k % 3 == 1, 3);
		}
		b = rn(5) ? rmutate(a, 2) : (k % 3 == 2 ? rmutate(a, 0) : rterm(k % 3 == 1, 3));
		q = pb_eq(&T, a, b);
		if (pb_scan(&T)) {
			not_subset++;
			continue;
		}
		for (i = 0; i < 256 && valid; i++) {
			unsigned j;

			for (j = 0; j < 6; j++)
				val[j < 4 ? bvars[j] : pvars[j - 4]] = rn(1u << 30);
			valid = reval(a, val) == reval(b, val);
		}
		cs = run(rule_ACI_NORM, q, COMPAT);
		ss = run(rule_ACI_NORM, q, STRICT);
		c_acc += !cs;
		s_acc += !ss;
		if (!ss && !valid && unsound++ < 3)
			diag("case %u: strict accepted an invalid equality", k);
		if (!ss && cs)
			not_subset++;
		if (!cs && !valid)
			c_invalid++;
	}
	ok(!unsound, "random ACI_NORM: strict never accepts an invalid equality (%u of %u accepted)",
	   s_acc, 1500);
	ok(!not_subset, "random ACI_NORM: strict accepts a subset of compat (%u compat accepts)",
	   c_acc);
	ok(s_acc > 300, "random ACI_NORM: a fair share of equalities is accepted (%u)", s_acc);
	ok(c_invalid > 0, "random ACI_NORM: compat accepts invalid concat permutations (%u), "
	   "the quirk strict removes", c_invalid);
}

static void test_absorb_random(void)
{
	unsigned k, i, acc = 0, unsound = 0, mismatch = 0;
	uint64_t val[4096];

	for (k = 0; k < 1500; k++) {
		uint32_t a, z, q, v;
		int valid = 1, cs, ss, is_bool = k & 1;

		pb_reset(&T);
		for (i = 0; i < 4; i++)
			bvars[i] = pb_bvvar(&T, 4);
		for (i = 0; i < 2; i++)
			pvars[i] = pb_boolvar(&T);
		if (rn(3)) { /* root and/or with a zero planted somewhere */
			uint32_t args[3], zero, inner[2];
			uint8_t code = is_bool ? (rn(2) ? BCF_BOOL_CONJ : BCF_BOOL_DISJ)
					       : (rn(2) ? BCF_BV_AND : BCF_BV_OR);
			uint16_t params = is_bool ? 0 : 4;

			if (is_bool) {
				zero = hc(BCF_BOOL_VAL, code == BCF_BOOL_DISJ, 0, NULL);
			} else {
				v = code == BCF_BV_AND ? 0 : 0xf;
				zero = hc(BCF_BV_VAL, 4, 1, &v);
			}
			for (i = 0; i < 3; i++)
				args[i] = rterm(is_bool, 2);
			if (rn(2)) {
				inner[0] = rterm(is_bool, 1);
				inner[1] = zero;
				args[rn(3)] = hc(rn(4) ? code : (is_bool ? BCF_BOOL_XOR : BCF_BV_XOR),
						 params, 2, inner);
			} else if (rn(2)) {
				args[rn(3)] = zero;
			}
			a = hc(code, params, 2 + rn(2), args);
			z = rn(4) ? zero : rterm(is_bool, 0);
		} else {
			a = rterm(is_bool, 3);
			if (is_bool) {
				z = hc(BCF_BOOL_VAL, rn(2), 0, NULL);
			} else {
				v = rn(2) ? 0 : 0xf;
				z = hc(BCF_BV_VAL, 4, 1, &v);
			}
		}
		q = pb_eq(&T, a, z);
		if (pb_scan(&T))
			continue;
		for (i = 0; i < 256 && valid; i++) {
			unsigned j;

			for (j = 0; j < 6; j++)
				val[j < 4 ? bvars[j] : pvars[j - 4]] = rn(1u << 30);
			valid = reval(a, val) == reval(z, val);
		}
		cs = run(rule_ABSORB, q, COMPAT);
		ss = run(rule_ABSORB, q, STRICT);
		acc += !cs;
		mismatch += cs != ss;
		if (!cs && !valid && unsound++ < 3)
			diag("case %u: ABSORB accepted an invalid equality", k);
	}
	ok(!unsound && !mismatch && acc > 300,
	   "random ABSORB: %u of 1500 accepted, all valid (%u invalid), same in both modes (%u)",
	   acc, unsound, mismatch);
}

int main(void)
{
	pb_reserve(&T, 65536); /* the table's old fixed size: it does not move below it */
	test_aci_random();
	test_absorb_random();
	test_aci_spec_examples();
	test_aci_limits();
	test_absorb();
	return done_testing();
}
