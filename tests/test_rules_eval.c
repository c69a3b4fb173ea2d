// SPDX-License-Identifier: MIT
/*
 * EVALUATE (spec/rules-core.md 3.2) and DISTINCT_VALUES (3.3): hand-built
 * tables, every operator, every listed quirk with its verdict and errno in
 * kernel-compat and strict mode, and random constant trees cross-checked
 * against a reference evaluator written independently below (128-bit
 * arithmetic, shifts as repeated halving/doubling).
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

/* ---- running EVALUATE ------------------------------------------------- */

struct ev_out {
	int err;
	uint64_t val;   /* value of the conclusion's right side */
	int shape_ok;   /* conclusion is (= T c) with a fresh constant / builtin */
	int leak;
};

static struct ev_out run_eval(uint32_t root, enum bcf_check_mode mode)
{
	struct ev_out o = { 0 };
	uint32_t cw[16], cid, bi[2];
	const uint32_t *re = &T.w[root];
	unsigned code = *re & 0xff;

	o.err = pb_run(&T, mode, rule_EVALUATE, &root, 1, cw, &cid, bi, &o.leak);
	if (o.err)
		return o;
	if (cw[0] != BCF_EXPR_HDR(BCF_BOOL_EQ, 2, 0) || cw[1] != root)
		return o;
	if (BCF_TYPE(code) == BCF_BOOL) {
		o.shape_ok = cw[2] == bi[0] || cw[2] == bi[1];
		o.val = cw[2] == bi[0];
		return o;
	}
	/* a new bv constant of T's width */
	{
		unsigned w = code == BCF_BV_EXTRACT ? ((*re >> 24) - ((*re >> 16) & 0xff) + 1) & 0xff
			     : code == BCF_BV_FROM_BOOL ? (*re >> 8) & 0xff
			     : (*re >> 16) & 0xff;

		o.shape_ok = cw[2] >= T.nw && (cw[8] & 0xff) == BCF_BV_VAL &&
			     ((cw[8] >> 16) & 0xff) == w;
		o.val = cw[9];
		if (w > 32)
			o.val |= (uint64_t)cw[10] << 32;
	}
	return o;
}

/* Accepted with value v in both modes. */
static void expect_both(uint32_t root, uint64_t v, const char *what)
{
	struct ev_out c = run_eval(root, COMPAT), s = run_eval(root, STRICT);

	ok(!c.err && c.shape_ok && c.val == v && !c.leak && !s.err && s.val == v,
	   "%s = %#llx (compat err %d val %#llx, strict err %d val %#llx)", what,
	   (unsigned long long)v, c.err, (unsigned long long)c.val, s.err,
	   (unsigned long long)s.val);
}

/* Rejected with err in both modes. */
static void expect_reject(uint32_t root, int err, const char *what)
{
	struct ev_out c = run_eval(root, COMPAT), s = run_eval(root, STRICT);

	ok(c.err == err && s.err == err, "%s rejected with %d (compat %d, strict %d)", what, err,
	   c.err, s.err);
}

/* Kernel quirk: compat accepts with v, strict rejects (-EINVAL). */
static void expect_quirk(uint32_t root, uint64_t v, const char *what)
{
	struct ev_out c = run_eval(root, COMPAT), s = run_eval(root, STRICT);

	ok(!c.err && c.shape_ok && c.val == v && s.err == -EINVAL,
	   "%s: compat %#llx (err %d val %#llx), strict rejects (err %d)", what,
	   (unsigned long long)v, c.err, (unsigned long long)c.val, s.err);
}

/* ---- reference evaluator (independent of checker/evaluate.c) ---------- */

typedef unsigned __int128 u128;
typedef __int128 s128;

static uint64_t rmask(unsigned w)
{
	return (uint64_t)(((u128)1 << w) - 1);
}

static s128 rsigned(uint64_t v, unsigned w)
{
	v &= rmask(w);
	if (v >> (w - 1) & 1)
		return (s128)v - ((s128)1 << w);
	return (s128)v;
}

static uint64_t rtrunc(s128 x, unsigned w)
{
	return (uint64_t)((u128)x & rmask(w));
}

static uint64_t rdouble_n(uint64_t a, unsigned n, unsigned w)
{
	u128 r = a;

	while (n--)
		r = (r * 2) & rmask(w);
	return (uint64_t)r;
}

static uint64_t rhalve_n(uint64_t a, unsigned n)
{
	while (n--)
		a /= 2;
	return a;
}

static uint64_t rahalve_n(uint64_t a, unsigned n, unsigned w)
{
	s128 x = rsigned(a, w);

	while (n--)
		x = (x - (x & 1)) / 2; /* floor */
	return rtrunc(x, w);
}

/* shift semantics: kernel (spec 3.2 table) */
static uint64_t k_shift(int op, uint64_t a, uint64_t s, unsigned w)
{
	switch (op) {
	case BCF_BV_LSH: return s >= 64 ? a : (s >= w ? 0 : rdouble_n(a, (unsigned)s, w));
	case BCF_BV_RSH: return rhalve_n(a, (unsigned)(s % 64));
	default: return rahalve_n(a, (unsigned)(s % 64), w);
	}
}

/* shift semantics: SMT-LIB */
static uint64_t s_shift(int op, uint64_t a, uint64_t s, unsigned w)
{
	switch (op) {
	case BCF_BV_LSH: return s >= w ? 0 : rdouble_n(a, (unsigned)s, w);
	case BCF_BV_RSH: return s >= w ? 0 : rhalve_n(a, (unsigned)s);
	default: return s >= w ? (rsigned(a, w) < 0 ? rmask(w) : 0) : rahalve_n(a, (unsigned)s, w);
	}
}

/* ---- random constant trees --------------------------------------------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	xorshift64(&rng_state);
	return rng_state;
}

static unsigned rnd_n(unsigned n)
{
	return (unsigned)(rnd() % n);
}

struct rv {
	uint32_t id;
	uint64_t k, s; /* kernel / SMT-LIB value */
	int rej;       /* the kernel rejects (EINVAL) */
};

static uint64_t rnd_value(unsigned w)
{
	static const uint64_t special[] = { 0, 1, 2, 7, 31, 32, 33, 63, 64, 65, 127, 128, 200 };

	switch (rnd_n(6)) {
	case 0: return special[rnd_n(sizeof(special) / sizeof(special[0]))] & rmask(w);
	case 1: return rmask(w);
	case 2: return ((uint64_t)1 << (w - 1)) & rmask(w);
	case 3: return (uint64_t)w & rmask(w);
	default: return rnd() & rmask(w);
	}
}

static struct rv gen_bool(unsigned depth);

static struct rv gen_const(unsigned w)
{
	struct rv r = { 0 };

	r.k = r.s = rnd_value(w);
	r.id = pb_bv_masked(&T, w, r.k);
	return r;
}

static struct rv gen_bv(unsigned w, unsigned depth)
{
	struct rv r = { 0 }, a[8];
	uint32_t ids[8];
	unsigned op, n, i;

	if (!depth)
		return gen_const(w);
	op = rnd_n(21);
	switch (op) {
	case 0:
		return gen_const(w);
	case 1: case 2: case 3: case 4: case 5: { /* n-ary add mul or and xor */
		static const uint8_t codes[] = { BCF_BV_ADD, BCF_BV_MUL, BCF_BV_OR, BCF_BV_AND,
						 BCF_BV_XOR };
		uint8_t code = codes[op - 1];
		u128 k, s;

		n = 2 + rnd_n(4);
		for (i = 0; i < n; i++) {
			a[i] = gen_bv(w, depth - 1);
			ids[i] = a[i].id;
			r.rej |= a[i].rej;
		}
		k = a[0].k;
		s = a[0].s;
		for (i = 1; i < n; i++) {
			switch (code) {
			case BCF_BV_ADD: k += a[i].k; s += a[i].s; break;
			case BCF_BV_MUL: k = (k & rmask(w)) * a[i].k; s = (s & rmask(w)) * a[i].s; break;
			case BCF_BV_OR: k |= a[i].k; s |= a[i].s; break;
			case BCF_BV_AND: k &= a[i].k; s &= a[i].s; break;
			default: k ^= a[i].k; s ^= a[i].s; break;
			}
		}
		r.k = (uint64_t)(k & rmask(w));
		r.s = (uint64_t)(s & rmask(w));
		r.id = pb_nodev(&T, code, w, n, ids);
		return r;
	}
	case 6: case 7: case 8: { /* sub div mod */
		static const uint8_t codes[] = { BCF_BV_SUB, BCF_BV_DIV, BCF_BV_MOD };
		uint8_t code = codes[op - 6];

		a[0] = gen_bv(w, depth - 1);
		a[1] = rnd_n(8) ? gen_bv(w, depth - 1) : (struct rv){ pb_bv_masked(&T, w, 0), 0, 0, 0 };
		r.rej = a[0].rej | a[1].rej;
		if (code == BCF_BV_SUB) {
			r.k = rtrunc((s128)a[0].k - (s128)a[1].k, w);
			r.s = rtrunc((s128)a[0].s - (s128)a[1].s, w);
		} else {
			if (!a[1].k)
				r.rej = 1;
			else
				r.k = code == BCF_BV_DIV ? a[0].k / a[1].k : a[0].k % a[1].k;
			if (!a[1].s)
				r.s = code == BCF_BV_DIV ? rmask(w) : a[0].s;
			else
				r.s = code == BCF_BV_DIV ? a[0].s / a[1].s : a[0].s % a[1].s;
		}
		r.id = pb_node(&T, code, w, 2, a[0].id, a[1].id);
		return r;
	}
	case 9: case 10: case 11: { /* shifts */
		static const uint8_t codes[] = { BCF_BV_LSH, BCF_BV_RSH, BCF_BV_ARSH };
		uint8_t code = codes[op - 9];

		a[0] = gen_bv(w, depth - 1);
		a[1] = gen_bv(w, depth - 1);
		r.rej = a[0].rej | a[1].rej;
		r.k = k_shift(code, a[0].k, a[1].k, w);
		r.s = s_shift(code, a[0].s, a[1].s, w);
		r.id = pb_node(&T, code, w, 2, a[0].id, a[1].id);
		return r;
	}
	case 12: /* neg */
		a[0] = gen_bv(w, depth - 1);
		r.rej = a[0].rej || a[0].k == ((uint64_t)1 << ((w - 1) % 32));
		r.k = rtrunc(-(s128)a[0].k, w);
		r.s = rtrunc(-(s128)a[0].s, w);
		r.id = pb_node(&T, BCF_BV_NEG, w, 1, a[0].id);
		return r;
	case 13: { /* extract */
		unsigned aw = w + rnd_n(64 - w + 1), lo = rnd_n(aw - w + 1);

		a[0] = gen_bv(aw, depth - 1);
		r.rej = a[0].rej;
		r.k = rhalve_n(a[0].k, lo) & rmask(w);
		r.s = rhalve_n(a[0].s, lo) & rmask(w);
		r.id = pb_node(&T, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(lo + w - 1, lo), 1, a[0].id);
		return r;
	}
	case 14: case 15: { /* sign / zero extend */
		unsigned aw;

		if (w < 2)
			return gen_const(w);
		aw = 1 + rnd_n(w - 1);
		a[0] = gen_bv(aw, depth - 1);
		r.rej = a[0].rej;
		r.k = op == 14 ? rtrunc(rsigned(a[0].k, aw), w) : a[0].k;
		r.s = op == 14 ? rtrunc(rsigned(a[0].s, aw), w) : a[0].s;
		r.id = pb_node(&T, op == 14 ? BCF_BV_SIGN_EXTEND : BCF_BV_ZERO_EXTEND,
			     BCF_EXPR_PARAMS(w - aw, w), 1, a[0].id);
		return r;
	}
	case 16: { /* concat: first argument most significant */
		unsigned aw[8];
		u128 k = 0, s = 0;

		if (w < 2)
			return gen_const(w);
		n = 2 + rnd_n((w < 8 ? w : 8) - 1);
		for (i = 0; i < n; i++)
			aw[i] = 1;
		for (i = n; i < w; i++)
			aw[rnd_n(n)]++;
		for (i = 0; i < n; i++) {
			a[i] = gen_bv(aw[i], depth - 1);
			ids[i] = a[i].id;
			r.rej |= a[i].rej;
			k = (k << aw[i]) | a[i].k;
			s = (s << aw[i]) | a[i].s;
		}
		r.k = (uint64_t)k;
		r.s = (uint64_t)s;
		r.id = pb_nodev(&T, BCF_BV_CONCAT, w, n, ids);
		return r;
	}
	case 17: { /* from_bool: argument 0 is the least significant bit */
		if (w > 8)
			return gen_const(w);
		for (i = 0; i < w; i++) {
			a[i] = gen_bool(depth - 1);
			ids[i] = a[i].id;
			r.rej |= a[i].rej;
			r.k |= a[i].k << i;
			r.s |= a[i].s << i;
		}
		r.id = pb_nodev(&T, BCF_BV_FROM_BOOL, 0, w, ids);
		return r;
	}
	case 18: case 19: /* ite on a bool or 1-bit condition */
		a[0] = op == 18 ? gen_bool(depth - 1) : gen_bv(1, depth - 1);
		a[1] = gen_bv(w, depth - 1);
		a[2] = gen_bv(w, depth - 1);
		r.rej = a[0].rej | a[1].rej | a[2].rej;
		r.k = a[0].k ? a[1].k : a[2].k;
		r.s = a[0].s ? a[1].s : a[2].s;
		r.id = pb_node(&T, BCF_BV_ITE, w, 3, a[0].id, a[1].id, a[2].id);
		return r;
	default: { /* bvsize of a variable */
		unsigned max = w >= 8 ? 255 : (1u << w) - 1, vw = 1 + rnd_n(max);
		uint32_t v = pb_bvvar(&T, vw);

		r.k = r.s = vw;
		r.id = pb_node(&T, BCF_BV_BVSIZE, w, 1, v);
		return r;
	}
	}
}

static int rcmp(uint8_t code, uint64_t a, uint64_t b, unsigned w)
{
	s128 sa = rsigned(a, w), sb = rsigned(b, w);

	switch (code) {
	case BCF_BOOL_EQ: return a == b;
	case BCF_BOOL_DISTINCT: return a != b;
	case BCF_BOOL_UGT: return a > b;
	case BCF_BOOL_UGE: return a >= b;
	case BCF_BOOL_ULT: return a < b;
	case BCF_BOOL_ULE: return a <= b;
	case BCF_BOOL_SGT: return sa > sb;
	case BCF_BOOL_SGE: return sa >= sb;
	case BCF_BOOL_SLT: return sa < sb;
	default: return sa <= sb;
	}
}

static struct rv gen_bool(unsigned depth)
{
	static const uint8_t cmps[] = { BCF_BOOL_EQ, BCF_BOOL_DISTINCT, BCF_BOOL_UGT,
					BCF_BOOL_UGE, BCF_BOOL_ULT, BCF_BOOL_ULE, BCF_BOOL_SGT,
					BCF_BOOL_SGE, BCF_BOOL_SLT, BCF_BOOL_SLE };
	struct rv r = { 0 }, a[6];
	uint32_t ids[6];
	unsigned op, n, i;

	op = depth ? rnd_n(9) : 0;
	switch (op) {
	case 0:
		r.k = r.s = rnd_n(2);
		r.id = pb_bool(&T, (int)r.k);
		return r;
	case 1:
		a[0] = gen_bool(depth - 1);
		r = a[0];
		r.k = !a[0].k;
		r.s = !a[0].s;
		r.id = pb_node(&T, BCF_BOOL_NOT, 0, 1, a[0].id);
		return r;
	case 2: case 3: case 4: { /* n-ary and or xor */
		static const uint8_t codes[] = { BCF_BOOL_CONJ, BCF_BOOL_DISJ, BCF_BOOL_XOR };
		uint8_t code = codes[op - 2];

		n = 2 + rnd_n(4);
		for (i = 0; i < n; i++) {
			a[i] = gen_bool(depth - 1);
			ids[i] = a[i].id;
			r.rej |= a[i].rej;
		}
		r.k = a[0].k;
		r.s = a[0].s;
		for (i = 1; i < n; i++) {
			if (code == BCF_BOOL_CONJ) {
				r.k = r.k && a[i].k;
				r.s = r.s && a[i].s;
			} else if (code == BCF_BOOL_DISJ) {
				r.k = r.k || a[i].k;
				r.s = r.s || a[i].s;
			} else {
				r.k = r.k != a[i].k;
				r.s = r.s != a[i].s;
			}
		}
		r.id = pb_nodev(&T, code, 0, n, ids);
		return r;
	}
	case 5:
		a[0] = gen_bool(depth - 1);
		a[1] = gen_bool(depth - 1);
		r.rej = a[0].rej | a[1].rej;
		r.k = !a[0].k || a[1].k;
		r.s = !a[0].s || a[1].s;
		r.id = pb_node(&T, BCF_BOOL_IMPLIES, 0, 2, a[0].id, a[1].id);
		return r;
	case 6:
		for (i = 0; i < 3; i++)
			a[i] = gen_bool(depth - 1);
		r.rej = a[0].rej | a[1].rej | a[2].rej;
		r.k = a[0].k ? a[1].k : a[2].k;
		r.s = a[0].s ? a[1].s : a[2].s;
		r.id = pb_node(&T, BCF_BOOL_ITE, 0, 3, a[0].id, a[1].id, a[2].id);
		return r;
	case 7: { /* comparison of two bit-vectors (or eq/distinct of bools) */
		uint8_t code = cmps[rnd_n(10)];
		unsigned w = 1 + rnd_n(64);

		if ((code == BCF_BOOL_EQ || code == BCF_BOOL_DISTINCT) && !rnd_n(4)) {
			a[0] = gen_bool(depth - 1);
			a[1] = gen_bool(depth - 1);
			w = 1;
		} else {
			a[0] = gen_bv(w, depth - 1);
			a[1] = gen_bv(w, depth - 1);
		}
		r.rej = a[0].rej | a[1].rej;
		r.k = rcmp(code, a[0].k, a[1].k, w);
		r.s = rcmp(code, a[0].s, a[1].s, w);
		r.id = pb_node(&T, code, 0, 2, a[0].id, a[1].id);
		return r;
	}
	default: { /* bitof */
		unsigned w = 1 + rnd_n(64), bit = rnd_n(w);

		a[0] = gen_bv(w, depth - 1);
		r.rej = a[0].rej;
		r.k = rhalve_n(a[0].k, bit) & 1;
		r.s = rhalve_n(a[0].s, bit) & 1;
		r.id = pb_node(&T, BCF_BOOL_BITOF, bit, 1, a[0].id);
		return r;
	}
	}
}

static void test_random_trees(void)
{
	unsigned i, bad_scan = 0, bad_compat = 0, bad_strict = 0, leaks = 0;
	unsigned n_rej = 0, n_quirk = 0, n_ok = 0;

	for (i = 0; i < 6000; i++) {
		struct rv r;
		struct ev_out c, s;

		pb_reset(&T);
		if (i % 3 == 0)
			r = gen_bool(1 + rnd_n(4));
		else
			r = gen_bv(1 + rnd_n(64), 1 + rnd_n(4));
		if (pb_scan(&T)) {
			bad_scan++;
			continue;
		}
		c = run_eval(r.id, COMPAT);
		s = run_eval(r.id, STRICT);
		leaks += c.leak + s.leak;
		if (r.rej) {
			n_rej++;
			if (c.err != -EINVAL)
				bad_compat++;
			if (s.err != -EINVAL)
				bad_strict++;
			continue;
		}
		if (c.err || !c.shape_ok || c.val != r.k) {
			if (bad_compat++ < 5)
				diag("case %u: compat err %d val %#llx, expected %#llx", i, c.err,
				     (unsigned long long)c.val, (unsigned long long)r.k);
		}
		if (r.k != r.s) {
			n_quirk++;
			if (s.err != -EINVAL && bad_strict++ < 5)
				diag("case %u: strict accepted a shift quirk", i);
		} else {
			n_ok++;
			if ((s.err || s.val != r.k) && bad_strict++ < 5)
				diag("case %u: strict err %d val %#llx, expected %#llx", i, s.err,
				     (unsigned long long)s.val, (unsigned long long)r.k);
		}
	}
	ok(!bad_scan, "random trees: all 6000 tables well formed (%u bad)", bad_scan);
	ok(!bad_compat, "random trees: compat verdicts and values match the reference (%u "
	   "mismatches; %u accepted, %u shift-quirk, %u rejected)", bad_compat, n_ok, n_quirk,
	   n_rej);
	ok(!bad_strict, "random trees: strict verdicts match (%u mismatches)", bad_strict);
	ok(n_ok > 1000 && n_quirk > 50 && n_rej > 50,
	   "random trees exercise accepts (%u), shift quirks (%u) and rejections (%u)", n_ok,
	   n_quirk, n_rej);
	ok(!leaks, "random trees: no dynamic node leaked (%u)", leaks);
}

/* ---- every operator, by hand ------------------------------------------ */

static void test_ops(void)
{
	uint32_t x, y, z, p, q, e;

	pb_reset(&T);
	x = pb_bv_masked(&T, 8, 0x85);
	y = pb_bv_masked(&T, 8, 0x03);
	z = pb_bv_masked(&T, 8, 0x00);
	p = pb_bool(&T, 1);
	q = pb_bool(&T, 0);
	e = pb_node(&T, BCF_BV_ADD, 8, 3, x, y, x);
	expect_both(e, 0x0d, "(bvadd #x85 #x03 #x85)");
	e = pb_node(&T, BCF_BV_SUB, 8, 2, y, x);
	expect_both(e, 0x7e, "(bvsub #x03 #x85)");
	e = pb_node(&T, BCF_BV_MUL, 8, 3, x, y, y);
	expect_both(e, 0xad, "(bvmul #x85 #x03 #x03)");
	e = pb_node(&T, BCF_BV_DIV, 8, 2, x, y);
	expect_both(e, 0x2c, "(bvudiv #x85 #x03)");
	e = pb_node(&T, BCF_BV_MOD, 8, 2, x, y);
	expect_both(e, 0x01, "(bvurem #x85 #x03)");
	e = pb_node(&T, BCF_BV_OR, 8, 3, x, y, z);
	expect_both(e, 0x87, "(bvor #x85 #x03 #x00)");
	e = pb_node(&T, BCF_BV_AND, 8, 2, x, y);
	expect_both(e, 0x01, "(bvand #x85 #x03)");
	e = pb_node(&T, BCF_BV_XOR, 8, 3, x, y, y);
	expect_both(e, 0x85, "(bvxor #x85 #x03 #x03)");
	e = pb_node(&T, BCF_BV_LSH, 8, 2, x, y);
	expect_both(e, 0x28, "(bvshl #x85 #x03)");
	e = pb_node(&T, BCF_BV_RSH, 8, 2, x, y);
	expect_both(e, 0x10, "(bvlshr #x85 #x03)");
	e = pb_node(&T, BCF_BV_ARSH, 8, 2, x, y);
	expect_both(e, 0xf0, "(bvashr #x85 #x03)");
	e = pb_node(&T, BCF_BV_NEG, 8, 1, y);
	expect_both(e, 0xfd, "(bvneg #x03)");
	e = pb_node(&T, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(7, 2), 1, x);
	expect_both(e, 0x21, "((_ extract 7 2) #x85)");
	e = pb_node(&T, BCF_BV_SIGN_EXTEND, BCF_EXPR_PARAMS(8, 16), 1, x);
	expect_both(e, 0xff85, "((_ sign_extend 8) #x85)");
	e = pb_node(&T, BCF_BV_ZERO_EXTEND, BCF_EXPR_PARAMS(8, 16), 1, x);
	expect_both(e, 0x0085, "((_ zero_extend 8) #x85)");
	e = pb_node(&T, BCF_BV_CONCAT, 24, 3, x, y, z);
	expect_both(e, 0x850300, "(concat #x85 #x03 #x00)");
	e = pb_node(&T, BCF_BV_FROM_BOOL, 0, 3, p, q, p);
	expect_both(e, 0x5, "(from_bool true false true): argument 0 is bit 0");
	e = pb_node(&T, BCF_BV_ITE, 8, 3, q, x, y);
	expect_both(e, 0x03, "(ite false #x85 #x03)");
	e = pb_node(&T, BCF_BV_ITE, 8, 3, pb_bv_masked(&T, 1, 1), x, y);
	expect_both(e, 0x85, "(ite #b1 #x85 #x03)");
	e = pb_node(&T, BCF_BV_BVSIZE, 8, 1, pb_bvvar(&T, 128));
	expect_both(e, 128, "(bvsize v:128): the variable is not visited");
	e = pb_node(&T, BCF_BV_BVSIZE, 64, 1, pb_node(&T, BCF_BV_ADD, 16, 2, pb_bvvar(&T, 16),
						 pb_bvvar(&T, 16)));
	expect_both(e, 16, "(bvsize (bvadd v v)) at width 64");
	/* bool operators */
	expect_both(pb_node(&T, BCF_BOOL_NOT, 0, 1, q), 1, "(not false)");
	expect_both(pb_node(&T, BCF_BOOL_CONJ, 0, 3, p, p, q), 0, "(and true true false)");
	expect_both(pb_node(&T, BCF_BOOL_DISJ, 0, 3, q, q, p), 1, "(or false false true)");
	expect_both(pb_node(&T, BCF_BOOL_XOR, 0, 3, p, p, p), 1, "(xor true true true)");
	expect_both(pb_node(&T, BCF_BOOL_IMPLIES, 0, 2, q, q), 1, "(=> false false)");
	expect_both(pb_node(&T, BCF_BOOL_IMPLIES, 0, 2, p, q), 0, "(=> true false)");
	expect_both(pb_node(&T, BCF_BOOL_ITE, 0, 3, p, q, p), 0, "(ite true false true)");
	expect_both(pb_node(&T, BCF_BOOL_EQ, 0, 2, p, q), 0, "(= true false)");
	expect_both(pb_node(&T, BCF_BOOL_EQ, 0, 2, x, pb_bv_masked(&T, 8, 0x85)), 1, "(= #x85 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_DISTINCT, 0, 2, x, y), 1, "(distinct #x85 #x03)");
	expect_both(pb_node(&T, BCF_BOOL_BITOF, 2, 1, x), 1, "(bitof 2 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_BITOF, 1, 1, x), 0, "(bitof 1 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_UGT, 0, 2, x, y), 1, "(bvugt #x85 #x03)");
	expect_both(pb_node(&T, BCF_BOOL_UGE, 0, 2, y, x), 0, "(bvuge #x03 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_ULT, 0, 2, y, x), 1, "(bvult #x03 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_ULE, 0, 2, x, x), 1, "(bvule #x85 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_SGT, 0, 2, x, y), 0, "(bvsgt #x85 #x03): #x85 is negative");
	expect_both(pb_node(&T, BCF_BOOL_SGE, 0, 2, y, x), 1, "(bvsge #x03 #x85)");
	expect_both(pb_node(&T, BCF_BOOL_SLT, 0, 2, x, y), 1, "(bvslt #x85 #x03)");
	expect_both(pb_node(&T, BCF_BOOL_SLE, 0, 2, y, y), 1, "(bvsle #x03 #x03)");
	expect_both(p, 1, "true evaluates to true");
	ok(!pb_scan(&T), "operator table well formed");
}

/* ---- quirks and rejections ---------------------------------------------- */

static void test_quirks(void)
{
	uint32_t c8, e, a, v;
	struct ev_out o;
	unsigned i;

	/* a constant gives (= c c') with a new node */
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 8);
	o = run_eval(c8, COMPAT);
	ok(!o.err && o.shape_ok && o.val == 8, "EVALUATE #x08 gives (= #x08 <new #x08>)");

	/* operators that cannot be evaluated */
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 5);
	expect_reject(pb_node(&T, BCF_BV_NOT, 8, 1, c8), -EINVAL, "(bvnot #x05)");
	expect_reject(pb_node(&T, BCF_BV_REPEAT, BCF_EXPR_PARAMS(2, 16), 1, c8), -EINVAL,
		      "((_ repeat 2) #x05)");
	expect_reject(pb_node(&T, BCF_BV_SDIV, 8, 2, c8, c8), -EOPNOTSUPP, "(bvsdiv #x05 #x05)");
	expect_reject(pb_node(&T, BCF_BV_SMOD, 8, 2, c8, c8), -EOPNOTSUPP, "(bvsmod #x05 #x05)");
	e = pb_node(&T, BCF_BV_NOT, 8, 1, c8);
	expect_reject(pb_node(&T, BCF_BV_ADD, 8, 2, c8, e), -EINVAL, "bvnot below an add");

	/* variables, lists, widths */
	v = pb_bvvar(&T, 8);
	expect_reject(v, -EINVAL, "a bv variable");
	expect_reject(pb_boolvar(&T), -EINVAL, "a bool variable");
	expect_reject(pb_node(&T, BCF_BV_ADD, 8, 2, c8, v), -EINVAL, "a variable below an add");
	expect_reject(pb_node(&T, BCF_LIST_VAL, 0, 1, c8), -EINVAL, "a list constant");
	a = pb_node(&T, BCF_BV_CONCAT, 128, 2, pb_bv_masked(&T, 64, 1), pb_bv_masked(&T, 64, 2));
	expect_reject(a, -EINVAL, "a 128-bit concat as the root");
	expect_reject(pb_node(&T, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(7, 0), 1, a), -E2BIG,
		      "an 8-bit extract of a 128-bit concat");
	expect_reject(pb_node(&T, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(7, 0), 1,
			    pb_node(&T, BCF_BV_CONCAT, 128, 2, pb_bvvar(&T, 64), pb_bv_masked(&T, 64, 2))),
		      -EINVAL, "extract of a 128-bit concat of a variable: the variable first");
	expect_reject(pb_node(&T, BCF_BV_SDIV, 8, 2, v, c8), -EINVAL,
		      "(bvsdiv v #x05): the variable is refused before sdiv");
	expect_reject(pb_node(&T, BCF_BV_SDIV, 8, 2, pb_node(&T, BCF_BV_NOT, 8, 1, c8), c8), -EINVAL,
		      "(bvsdiv (bvnot #x05) #x05): children first");
	expect_reject(pb_node(&T, BCF_BV_NOT, 8, 1, pb_node(&T, BCF_BV_SDIV, 8, 2, c8, c8)),
		      -EOPNOTSUPP, "(bvnot (bvsdiv #x05 #x05)): children first");
	expect_reject(pb_node(&T, BCF_BOOL_BITOF, 3, 1, a), -E2BIG, "bitof of a 128-bit concat");
	expect_reject(pb_node(&T, BCF_BOOL_EQ, 0, 2, pb_bvvar(&T, 8), c8), -EINVAL,
		      "(= v #x05) bool root with a variable");
	e = pb_node(&T, BCF_BV_CONCAT, 64, 2, pb_bv_masked(&T, 32, 0x12345678), pb_bv_masked(&T, 32, 0x9abcdef0));
	expect_both(e, 0x123456789abcdef0ull, "a 64-bit concat of two 32-bit constants");

	/* zero divisors, even in an untaken ite branch */
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 5);
	a = pb_bv_masked(&T, 8, 0);
	expect_reject(pb_node(&T, BCF_BV_DIV, 8, 2, c8, a), -EINVAL, "(bvudiv #x05 #x00)");
	expect_reject(pb_node(&T, BCF_BV_MOD, 8, 2, c8, a), -EINVAL, "(bvurem #x05 #x00)");
	e = pb_node(&T, BCF_BV_DIV, 8, 2, c8, a);
	expect_reject(pb_node(&T, BCF_BV_ITE, 8, 3, pb_bool(&T, 1), c8, e), -EINVAL,
		      "(ite true #x05 (bvudiv #x05 #x00)): untaken branch still evaluated");
	e = pb_eq(&T, pb_node(&T, BCF_BV_MOD, 8, 2, c8, a), a);
	expect_reject(pb_node(&T, BCF_BOOL_ITE, 0, 3, pb_bool(&T, 0), e, pb_bool(&T, 1)), -EINVAL,
		      "bool ite with a zero divisor in the untaken branch");
	e = pb_node(&T, BCF_BV_DIV, 8, 2, c8, pb_node(&T, BCF_BV_SUB, 8, 2, c8, c8));
	expect_reject(e, -EINVAL, "divisor evaluating to zero");

	/* NEG quirk: operand 2^((w-1) mod 32) */
	pb_reset(&T);
	expect_reject(pb_node(&T, BCF_BV_NEG, 8, 1, pb_bv_masked(&T, 8, 0x80)), -EINVAL, "(bvneg #x80) w=8");
	expect_both(pb_node(&T, BCF_BV_NEG, 8, 1, pb_bv_masked(&T, 8, 0x81)), 0x7f, "(bvneg #x81) w=8");
	expect_reject(pb_node(&T, BCF_BV_NEG, 1, 1, pb_bv_masked(&T, 1, 1)), -EINVAL, "(bvneg #b1) w=1");
	expect_reject(pb_node(&T, BCF_BV_NEG, 32, 1, pb_bv_masked(&T, 32, 0x80000000u)), -EINVAL,
		      "(bvneg #x80000000) w=32");
	expect_reject(pb_node(&T, BCF_BV_NEG, 64, 1, pb_bv_masked(&T, 64, 0x80000000u)), -EINVAL,
		      "(bvneg 0x80000000) w=64 (32-bit shift quirk)");
	expect_both(pb_node(&T, BCF_BV_NEG, 64, 1, pb_bv_masked(&T, 64, 0x8000000000000000ull)),
		    0x8000000000000000ull, "(bvneg 0x8000000000000000) w=64 accepted");
	expect_reject(pb_node(&T, BCF_BV_NEG, 40, 1, pb_bv_masked(&T, 40, 0x80)), -EINVAL,
		      "(bvneg 0x80) w=40");
	expect_both(pb_node(&T, BCF_BV_NEG, 40, 1, pb_bv_masked(&T, 40, 0x8000000000ull)),
		    0x8000000000ull, "(bvneg 0x8000000000) w=40 accepted");
	expect_both(pb_node(&T, BCF_BV_NEG, 64, 1, pb_bv_masked(&T, 64, 0)), 0, "(bvneg 0) w=64");

	/* shift quirks: kernel results in compat, strict rejects */
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 0x85);
	expect_quirk(pb_node(&T, BCF_BV_LSH, 8, 2, pb_bv_masked(&T, 8, 5), pb_bv_masked(&T, 8, 64)), 5,
		     "8-bit 5 << 64 = 5");
	expect_quirk(pb_node(&T, BCF_BV_RSH, 8, 2, c8, pb_bv_masked(&T, 8, 64)), 0x85, "8-bit 0x85 >> 64");
	expect_quirk(pb_node(&T, BCF_BV_RSH, 8, 2, c8, pb_bv_masked(&T, 8, 65)), 0x42, "8-bit 0x85 >> 65");
	expect_quirk(pb_node(&T, BCF_BV_ARSH, 8, 2, c8, pb_bv_masked(&T, 8, 65)), 0xc2,
		     "8-bit 0x85 ashr 65");
	expect_quirk(pb_node(&T, BCF_BV_ARSH, 8, 2, pb_bv_masked(&T, 8, 0x45), pb_bv_masked(&T, 8, 64)), 0x45,
		     "8-bit 0x45 ashr 64");
	expect_both(pb_node(&T, BCF_BV_LSH, 8, 2, c8, pb_bv_masked(&T, 8, 8)), 0, "8-bit 0x85 << 8");
	expect_both(pb_node(&T, BCF_BV_LSH, 8, 2, c8, pb_bv_masked(&T, 8, 63)), 0, "8-bit 0x85 << 63");
	expect_both(pb_node(&T, BCF_BV_RSH, 8, 2, c8, pb_bv_masked(&T, 8, 63)), 0, "8-bit 0x85 >> 63");
	expect_both(pb_node(&T, BCF_BV_ARSH, 8, 2, c8, pb_bv_masked(&T, 8, 9)), 0xff, "8-bit 0x85 ashr 9");
	expect_both(pb_node(&T, BCF_BV_LSH, 8, 2, pb_bv_masked(&T, 8, 0), pb_bv_masked(&T, 8, 200)), 0,
		    "8-bit 0 << 200: same in both semantics");
	expect_quirk(pb_node(&T, BCF_BV_RSH, 8, 2, c8, pb_bv_masked(&T, 8, 128)), 0x85,
		     "8-bit 0x85 >> 128 (amount taken mod 64)");
	e = pb_node(&T, BCF_BV_LSH, 8, 2, pb_bv_masked(&T, 8, 5), pb_bv_masked(&T, 8, 64));
	expect_both(pb_node(&T, BCF_BV_AND, 8, 2, e, pb_bv_masked(&T, 8, 0)), 0,
		    "a diverging shift masked away: strict accepts the equal result");
	expect_quirk(pb_node(&T, BCF_BV_LSH, 64, 2, pb_bv_masked(&T, 64, 3), pb_bv_masked(&T, 64, 64)), 3,
		     "64-bit 3 << 64 = 3");
	expect_quirk(pb_node(&T, BCF_BV_RSH, 64, 2, pb_bv_masked(&T, 64, 0x100), pb_bv_masked(&T, 64, 66)), 0x40,
		     "64-bit 0x100 >> 66 = 0x40");
	expect_both(pb_node(&T, BCF_BV_LSH, 64, 2, pb_bv_masked(&T, 64, 3), pb_bv_masked(&T, 64, 63)),
		    0x8000000000000000ull, "64-bit 3 << 63");
	expect_both(pb_node(&T, BCF_BV_ARSH, 64, 2, pb_bv_masked(&T, 64, 0x8000000000000000ull),
			  pb_bv_masked(&T, 64, 63)), ~0ull, "64-bit sign ashr 63");

	/* parameter validation */
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 5);
	{
		uint32_t cw[16], bad = 1, two[2] = { 0, 0 }, far = 1000;
		int leak;

		ok(pb_run(&T, COMPAT, rule_EVALUATE, &bad, 1, cw, NULL, NULL, &leak) == -EINVAL,
		   "EVALUATE of an id inside a node rejected");
		ok(pb_run(&T, COMPAT, rule_EVALUATE, &far, 1, cw, NULL, NULL, &leak) == -EINVAL,
		   "EVALUATE of an id beyond the table rejected");
		ok(pb_run(&T, COMPAT, rule_EVALUATE, two, 2, cw, NULL, NULL, &leak) == -EINVAL,
		   "EVALUATE with two parameters rejected");
		ok(pb_run(&T, COMPAT, rule_EVALUATE, two, 0, cw, NULL, NULL, &leak) == -EINVAL,
		   "EVALUATE without parameter rejected");
	}

	/* stack limit: 192 frames (open nodes + pending sibling values) */
	pb_reset(&T);
	e = pb_bv_masked(&T, 8, 1);
	for (i = 0; i < 191; i++)
		e = pb_node(&T, BCF_BV_NEG, 8, 1, e);
	expect_both(e, 0xff, "191 nested negations of 1 (192 frames)");
	e = pb_node(&T, BCF_BV_NEG, 8, 1, e);
	expect_reject(e, -E2BIG, "192 nested negations (193 frames)");
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 1);
	e = pb_node(&T, BCF_BV_ADD, 8, 2, c8, c8);
	for (i = 1; i < 95; i++)
		e = pb_node(&T, BCF_BV_ADD, 8, 2, c8, e);
	expect_both(e, 96, "95 right-nested adds (2 frames per level)");
	e = pb_node(&T, BCF_BV_ADD, 8, 2, c8, e);
	expect_reject(e, -E2BIG, "96 right-nested adds overflow the stack");
	pb_reset(&T);
	c8 = pb_bv_masked(&T, 8, 1);
	e = pb_node(&T, BCF_BV_ADD, 8, 2, c8, c8);
	for (i = 1; i < 180; i++)
		e = pb_node(&T, BCF_BV_ADD, 8, 2, e, c8);
	expect_both(e, 181, "180 left-nested adds (one frame per level)");
	ok(!pb_scan(&T), "stack tables well formed");
}

/* ---- DISTINCT_VALUES ------------------------------------------------------ */

static int run_dv(uint32_t a, uint32_t b, enum bcf_check_mode mode, uint32_t *cw)
{
	uint32_t p[2] = { a, b };
	int leak, err;

	err = pb_run(&T, mode, rule_DISTINCT_VALUES, p, 2, cw, NULL, NULL, &leak);
	if (leak)
		return -9999;
	return err;
}

static void test_distinct_values(void)
{
	uint32_t a, b, c16, t, f, t2, v, l1, l2, l3, cw[16];
	int ec, es;

	pb_reset(&T);
	a = pb_bv_masked(&T, 8, 1);
	b = pb_bv_masked(&T, 8, 2);
	c16 = pb_bv_masked(&T, 16, 2);
	t = pb_bool(&T, 1);
	f = pb_bool(&T, 0);
	t2 = pb_bool(&T, 1);
	v = pb_bvvar(&T, 8);
	l1 = pb_node(&T, BCF_LIST_VAL, 1, 2, t, f);
	l2 = pb_node(&T, BCF_LIST_VAL, 1, 2, f, t);
	l3 = pb_node(&T, BCF_LIST_VAL, 1, 3, f, t, t);
	ok(!pb_scan(&T), "DISTINCT_VALUES table well formed");

	ec = run_dv(a, b, COMPAT, cw);
	ok(!ec && cw[0] == BCF_EXPR_HDR(BCF_BOOL_NOT, 1, 0) &&
	   cw[8] == BCF_EXPR_HDR(BCF_BOOL_EQ, 2, 0) && cw[9] == a && cw[10] == b,
	   "#x01 vs #x02 gives (not (= #x01 #x02)) (err %d)", ec);
	ok(!run_dv(a, b, STRICT, cw), "#x01 vs #x02 accepted in strict mode");
	ec = run_dv(b, a, COMPAT, cw);
	ok(!ec && cw[9] == b && cw[10] == a, "argument order as given");
	ok(run_dv(a, a, COMPAT, cw) == -EINVAL, "same constant rejected");
	ok(run_dv(b, pb_bv_masked(&T, 8, 2), COMPAT, cw) == -EINVAL, "equal values (two nodes) rejected");
	ok(run_dv(b, c16, COMPAT, cw) == -EINVAL && run_dv(b, c16, STRICT, cw) == -EINVAL,
	   "width mismatch rejected");
	ok(!run_dv(t, f, COMPAT, cw) && !run_dv(f, t, STRICT, cw), "true / false accepted");
	ok(run_dv(t, t2, COMPAT, cw) == -EINVAL, "true / true (two nodes) rejected");
	ok(run_dv(t, a, COMPAT, cw) == -EINVAL, "bool vs bv rejected");
	ok(run_dv(v, a, COMPAT, cw) == -EINVAL, "a variable rejected");
	ec = run_dv(l1, l2, COMPAT, cw);
	es = run_dv(l1, l2, STRICT, cw);
	ok(!ec && es == -EINVAL, "two list constants: compat accepts (quirk, %d), strict rejects (%d)",
	   ec, es);
	ok(run_dv(l1, l1, COMPAT, cw) == -EINVAL, "equal lists rejected");
	ok(run_dv(l1, l3, COMPAT, cw) == -EINVAL, "lists of different length rejected");
	ok(run_dv(a, 1, COMPAT, cw) == -EINVAL, "id inside a node rejected");
	ok(run_dv(a, 100000, COMPAT, cw) == -EINVAL, "id beyond the table rejected");
}

int main(void)
{
	pb_reserve(&T, 65536); /* the table's old fixed size: it does not move below it */
	test_ops();
	test_quirks();
	test_random_trees();
	test_distinct_values();
	return done_testing();
}
