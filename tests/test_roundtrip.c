// SPDX-License-Identifier: MIT
/*
 * Round trip over every shared vector: decode the condition, print its
 * refine condition with bcf_print__smt2, parse the text back with
 * bcf_smt2__parse, and check that the parsed refine DAG is structurally
 * identical to the original up to a renaming of variables (a bijection).
 * The few codes that print through a translation are compared in their
 * translated form:
 *   bv_ite with a 1-bit condition c  ~  ite (= c #b1) ...
 *   bool_bitof[i] x                  ~  (= (extract i i x) #b1)
 *   bv_from_bool b0..bn-1            ~  concat (ite bn-1 #b1 #b0) ... (or one ite)
 *   bv_bvsize x                      ~  the constant width(x)
 * Both arenas are hash-consed, so equal structure means a consistent
 * one-to-one map between node ids; the comparison is iterative.
 */
#include <errno.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "tests/rng.h"
#include "tests/vectors.h"
#include "lang/clock.h"

struct cmp {
	const struct bcf_arena *c, *p;
	uint32_t *c2p, *p2c;
	uint32_t (*stack)[2];
	size_t sp, cap;
	char why[256];
};

static const struct bcf_expr *E(const struct bcf_arena *a, uint32_t id)
{
	return bcf_arena__expr(a, id);
}

static bool push(struct cmp *m, uint32_t cid, uint32_t pid)
{
	if (m->sp == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		void *s = realloc(m->stack, cap * sizeof(*m->stack));

		if (!s)
			abort();
		m->stack = s;
		m->cap = cap;
	}
	m->stack[m->sp][0] = cid;
	m->stack[m->sp][1] = pid;
	m->sp++;
	return true;
}

static bool is_const(const struct bcf_arena *a, uint32_t id, unsigned width, uint64_t v)
{
	const struct bcf_expr *e = E(a, id);

	return e && e->code == BCF_BV_VAL && BCF_EXPR_LOW(e->params) == width &&
	       bcf_expr__bv_value(e) == v;
}

/* p is (ite b #b1 #b0): the bit b as a 1-bit vector; pushes (cb, b). */
static bool bit_ite(struct cmp *m, uint32_t cb, uint32_t pid)
{
	const struct bcf_expr *p = E(m->p, pid);

	if (!p || p->code != BCF_BV_ITE || p->vlen != 3 || !is_const(m->p, p->args[1], 1, 1) ||
	    !is_const(m->p, p->args[2], 1, 0))
		return false;
	return push(m, cb, p->args[0]);
}

#define FAIL(...) (snprintf(m->why, sizeof(m->why), __VA_ARGS__), false)

/* Compare one pair whose top-level codes may differ by a translation. */
static bool step(struct cmp *m, uint32_t cid, uint32_t pid)
{
	const struct bcf_expr *c = E(m->c, cid), *p = E(m->p, pid), *q;
	unsigned i;

	if (!c || !p)
		return FAIL("invalid id %u / %u", cid, pid);
	if (m->c2p[cid] != UINT32_MAX || m->p2c[pid] != UINT32_MAX) {
		if (m->c2p[cid] == pid && m->p2c[pid] == cid)
			return true;
		return FAIL("expression %u maps to both %u and %u", cid, m->c2p[cid], pid);
	}
	m->c2p[cid] = pid;
	m->p2c[pid] = cid;
	switch (c->code) {
	case BCF_BV_ITE:
		if (bcf_is_bool(E(m->c, c->args[0])))
			break;
		/* 1-bit condition: (ite (= c #b1) a b) */
		if (p->code != BCF_BV_ITE || p->params != c->params)
			return FAIL("expression %u: expected ite", cid);
		q = E(m->p, p->args[0]);
		if (!q || q->code != BCF_BOOL_EQ || !is_const(m->p, q->args[1], 1, 1))
			return FAIL("expression %u: expected (= c #b1) condition", cid);
		return push(m, c->args[0], q->args[0]) && push(m, c->args[1], p->args[1]) &&
		       push(m, c->args[2], p->args[2]);
	case BCF_BOOL_BITOF:
		if (p->code != BCF_BOOL_EQ || !is_const(m->p, p->args[1], 1, 1))
			return FAIL("expression %u: expected (= (extract) #b1)", cid);
		q = E(m->p, p->args[0]);
		if (!q || q->code != BCF_BV_EXTRACT ||
		    q->params != BCF_EXPR_PARAMS(BCF_EXPR_LOW(c->params), BCF_EXPR_LOW(c->params)))
			return FAIL("expression %u: expected extract of bit %u", cid,
				    BCF_EXPR_LOW(c->params));
		return push(m, c->args[0], q->args[0]);
	case BCF_BV_FROM_BOOL:
		if (c->vlen == 1)
			return bit_ite(m, c->args[0], pid) ||
			       FAIL("expression %u: expected (ite b #b1 #b0)", cid);
		if (p->code != BCF_BV_CONCAT || p->vlen != c->vlen)
			return FAIL("expression %u: expected concat of %u bits", cid, c->vlen);
		for (i = 0; i < c->vlen; i++)
			if (!bit_ite(m, c->args[c->vlen - 1 - i], p->args[i]))
				return FAIL("expression %u: bit %u is not (ite b #b1 #b0)", cid,
					    c->vlen - 1 - i);
		return true;
	case BCF_BV_BVSIZE:
		if (!is_const(m->p, pid, BCF_EXPR_LOW(c->params),
			      bcf_expr__width(E(m->c, c->args[0]))))
			return FAIL("expression %u: expected the constant width", cid);
		return true;
	default:
		break;
	}
	if (c->code != p->code || c->vlen != p->vlen || c->params != p->params)
		return FAIL("expression %u (%s/%u/0x%x) vs parsed %u (%s/%u/0x%x)", cid,
			    bcf_code__name(c->code), c->vlen, c->params, pid,
			    bcf_code__name(p->code), p->vlen, p->params);
	if (bcf_is_var(c))
		return true; /* distinct variables: the maps keep the renaming one-to-one */
	if (c->code == BCF_BV_VAL)
		return !memcmp(c->args, p->args, c->vlen * 4) ||
		       FAIL("constant %u differs from parsed %u", cid, pid);
	for (i = 0; i < c->vlen; i++)
		push(m, c->args[i], p->args[i]);
	return true;
}

static bool same_dag(const struct bcf_arena *ca, uint32_t croot, const struct bcf_arena *pa,
		     uint32_t proot, char *why, size_t wsz)
{
	struct cmp m = { .c = ca, .p = pa };
	uint32_t nc, np;
	bool good = true;

	bcf_arena__words(ca, &nc);
	bcf_arena__words(pa, &np);
	m.c2p = malloc((nc + 1) * sizeof(uint32_t));
	m.p2c = malloc((np + 1) * sizeof(uint32_t));
	if (!m.c2p || !m.p2c)
		abort();
	memset(m.c2p, 0xff, (nc + 1) * sizeof(uint32_t));
	memset(m.p2c, 0xff, (np + 1) * sizeof(uint32_t));
	push(&m, croot, proot);
	while (good && m.sp) {
		m.sp--;
		good = step(&m, m.stack[m.sp][0], m.stack[m.sp][1]);
	}
	snprintf(why, wsz, "%s", m.why);
	free(m.c2p);
	free(m.p2c);
	free(m.stack);
	return good;
}

/* Every code the printer translates, plus the n-ary ones, in one formula. */
static void test_translations(void)
{
	struct bcf_arena *a = bcf_arena__new();
	struct bcf_cond *p = NULL;
	uint32_t x, y, b, one, bit, fb3, fb1, sz, ite, cat, eq1, eq2, eq3, root, args[4];
	char *text = NULL, why[256] = "";
	int err;

	bcf_arena__var(a, BCF_BV, 8, "x", &x);
	bcf_arena__var(a, BCF_BV, 1, "y", &y);
	bcf_arena__var(a, BCF_BOOL, 0, "b", &b);
	bcf_arena__node(a, BCF_BOOL_BITOF, 3, &x, 1, &bit);
	args[0] = bit; args[1] = b; args[2] = bit;
	bcf_arena__node(a, BCF_BV_FROM_BOOL, 0, args, 3, &fb3);
	bcf_arena__node(a, BCF_BV_FROM_BOOL, 0, &b, 1, &fb1);
	bcf_arena__node(a, BCF_BV_BVSIZE, 8, &x, 1, &sz);
	args[0] = y; args[1] = x; args[2] = sz;
	bcf_arena__node(a, BCF_BV_ITE, 8, args, 3, &ite);
	args[0] = fb3; args[1] = fb1; args[2] = y; args[3] = fb1;
	bcf_arena__node(a, BCF_BV_CONCAT, 6, args, 4, &cat);
	bcf_arena__bv_const(a, 6, 5, &one);
	args[0] = cat; args[1] = one;
	bcf_arena__node(a, BCF_BOOL_EQ, 0, args, 2, &eq1);
	args[0] = ite; args[1] = x;
	bcf_arena__node(a, BCF_BOOL_ULE, 0, args, 2, &eq2);
	args[0] = bit; args[1] = b;
	bcf_arena__node(a, BCF_BOOL_XOR, 0, args, 2, &eq3);
	args[0] = eq1; args[1] = eq2; args[2] = eq3;
	err = bcf_arena__node(a, BCF_BOOL_DISJ, 0, args, 3, &root);
	ok(!err, "built a formula with every translated code (%s)", err ? bcf_last_error() : "");
	err = bcf_print__smt2(a, root, &text);
	if (!err)
		err = bcf_smt2__parse(text, strlen(text), "translations", &p);
	ok(!err && same_dag(a, root, p->arena, p->refine_cond, why, sizeof(why)),
	   "bitof, from_bool, bvsize and 1-bit ite round-trip in translated form (%s%s)",
	   err ? bcf_last_error() : "", why);
	free(text);
	bcf_cond__free(p);
	bcf_arena__free(a);
}


/* ---- random formulas over every printable code ------------------------- */

static uint64_t rs = 0x2545f4914f6cdd1dull;

static uint32_t rn(uint32_t n)
{
	xorshift64(&rs);
	return n ? (uint32_t)((rs >> 11) % n) : 0;
}

struct pool {
	uint32_t id[512];
	uint16_t width[512]; /* 0 = bool */
	unsigned n;
};

static void pool_add(struct pool *p, uint32_t id, unsigned width)
{
	if (p->n < 512) {
		p->id[p->n] = id;
		p->width[p->n] = width;
		p->n++;
	}
}

/* A random term of the given width (0 = bool), or of any bv width if width < 0. */
static int pool_pick(struct pool *p, int width, uint32_t *id, unsigned *w)
{
	unsigned i, start = rn(p->n);

	for (i = 0; i < p->n; i++) {
		unsigned k = (start + i) % p->n;

		if ((width < 0 && p->width[k]) || (width >= 0 && p->width[k] == (unsigned)width)) {
			*id = p->id[k];
			if (w)
				*w = p->width[k];
			return 0;
		}
	}
	return -1;
}

static const uint8_t same_width_ops[] = {
	BCF_BV_ADD, BCF_BV_SUB, BCF_BV_MUL, BCF_BV_DIV, BCF_BV_OR, BCF_BV_AND, BCF_BV_LSH,
	BCF_BV_RSH, BCF_BV_NEG, BCF_BV_MOD, BCF_BV_XOR, BCF_BV_SDIV, BCF_BV_ARSH, BCF_BV_SMOD,
	BCF_BV_NOT,
};
static const uint8_t cmp_ops[] = {
	BCF_BOOL_EQ, BCF_BOOL_DISTINCT, BCF_BOOL_UGT, BCF_BOOL_UGE, BCF_BOOL_ULT, BCF_BOOL_ULE,
	BCF_BOOL_SGT, BCF_BOOL_SGE, BCF_BOOL_SLT, BCF_BOOL_SLE,
};
static const uint8_t bool_ops[] = {
	BCF_BOOL_CONJ, BCF_BOOL_DISJ, BCF_BOOL_XOR, BCF_BOOL_NOT, BCF_BOOL_IMPLIES, BCF_BOOL_ITE,
	BCF_BOOL_EQ, BCF_BOOL_DISTINCT,
};

/* One random node added to the pool (or nothing if the draw does not fit). */
static void random_node(struct bcf_arena *a, struct pool *p)
{
	uint32_t args[4], id;
	unsigned w = 0, w2, i, n, k;
	uint16_t params = 0;
	uint8_t code;

	switch (rn(12)) {
	case 0: case 1: case 2: /* same-width bv op */
		code = same_width_ops[rn(sizeof(same_width_ops))];
		if (pool_pick(p, -1, &args[0], &w))
			return;
		bcf_code__arity(code, &n, &k);
		n = n + rn(k > n ? 3 : 1);
		for (i = 1; i < n; i++)
			pool_pick(p, w, &args[i], NULL);
		params = w;
		break;
	case 3: /* extract / extend / repeat */
		if (pool_pick(p, -1, &args[0], &w))
			return;
		n = 1;
		k = rn(4);
		if (k == 0) {
			unsigned hi = rn(w), lo = rn(hi + 1);

			code = BCF_BV_EXTRACT;
			params = BCF_EXPR_PARAMS(hi, lo);
			w = hi - lo + 1;
		} else if (k == 3) {
			code = BCF_BV_REPEAT;
			k = 1 + rn(3);
			if (k * w > 255)
				return;
			params = BCF_EXPR_PARAMS(k, k * w);
			w *= k;
		} else {
			code = k == 1 ? BCF_BV_ZERO_EXTEND : BCF_BV_SIGN_EXTEND;
			k = rn(9);
			if (w + k > 255)
				return;
			params = BCF_EXPR_PARAMS(k, w + k);
			w += k;
		}
		break;
	case 4: /* concat */
		code = BCF_BV_CONCAT;
		n = 2 + rn(2);
		for (i = 0, w = 0; i < n; i++) {
			if (pool_pick(p, -1, &args[i], &w2))
				return;
			w += w2;
		}
		if (w > 255)
			return;
		params = w;
		break;
	case 5: /* bv ite, with a bool or a 1-bit condition */
		code = BCF_BV_ITE;
		n = 3;
		if (pool_pick(p, rn(2) ? 1 : 0, &args[0], NULL) ||
		    pool_pick(p, -1, &args[1], &w))
			return;
		pool_pick(p, w, &args[2], NULL);
		params = w;
		break;
	case 6: /* from_bool, bvsize */
		if (rn(2)) {
			code = BCF_BV_FROM_BOOL;
			n = 1 + rn(4);
			for (i = 0; i < n; i++)
				if (pool_pick(p, 0, &args[i], NULL))
					return;
			w = n;
		} else {
			code = BCF_BV_BVSIZE;
			n = 1;
			if (pool_pick(p, -1, &args[0], NULL))
				return;
			w = 8 << rn(4);
			params = w;
		}
		break;
	case 7: case 8: /* comparison */
		code = cmp_ops[rn(sizeof(cmp_ops))];
		n = 2;
		if (pool_pick(p, -1, &args[0], &w))
			return;
		pool_pick(p, w, &args[1], NULL);
		w = 0;
		break;
	case 9: /* bitof */
		code = BCF_BOOL_BITOF;
		n = 1;
		if (pool_pick(p, -1, &args[0], &w))
			return;
		params = rn(w);
		w = 0;
		break;
	default: /* boolean connective */
		code = bool_ops[rn(sizeof(bool_ops))];
		bcf_code__arity(code, &n, &k);
		n = n + rn(k > n ? 3 : 1);
		for (i = 0; i < n; i++)
			if (pool_pick(p, 0, &args[i], NULL))
				return;
		w = 0;
		break;
	}
	if (bcf_arena__node(a, code, params, args, n, &id)) {
		diag("random node %s rejected: %s", bcf_code__name(code), bcf_last_error());
		return;
	}
	pool_add(p, id, w);
}

static void test_random(void)
{
	unsigned t, good = 0, rounds = 300, missing = 0, c;
	bool seen[256] = { false };

	for (t = 0; t < rounds; t++) {
		struct bcf_arena *a = bcf_arena__new();
		struct bcf_cond *pc = NULL;
		struct pool p = { .n = 0 };
		uint32_t id, args[6], root;
		char *text = NULL, why[256] = "";
		unsigned i, w;
		int err;

		/* leaves: variables of a few widths, bools, constants */
		for (i = 0; i < 6; i++) {
			static const unsigned widths[] = { 1, 8, 16, 32, 64, 13 };

			w = widths[i];
			bcf_arena__var(a, BCF_BV, w, NULL, &id);
			pool_add(&p, id, w);
			bcf_arena__bv_const(a, w, ((uint64_t)rn(UINT32_MAX) << 32) | rn(UINT32_MAX),
					    &id);
			pool_add(&p, id, w);
		}
		bcf_arena__var(a, BCF_BOOL, 0, NULL, &id);
		pool_add(&p, id, 0);
		bcf_arena__var(a, BCF_BOOL, 0, "flag", &id);
		pool_add(&p, id, 0);
		bcf_arena__bool_const(a, rn(2), &id);
		pool_add(&p, id, 0);
		for (i = 0; i < 40; i++)
			random_node(a, &p);
		for (i = 0; i < 6; i++)
			if (pool_pick(&p, 0, &args[i], NULL))
				break;
		if (bcf_arena__node(a, BCF_BOOL_CONJ, 0, args, 6, &root))
			continue;
		for (id = 0; id <= root; id++)
			if (bcf_arena__expr(a, id))
				seen[bcf_arena__expr(a, id)->code] = true;
		err = bcf_print__smt2(a, root, &text);
		if (!err)
			err = bcf_smt2__parse(text, strlen(text), "random", &pc);
		if (!err && same_dag(a, root, pc->arena, pc->refine_cond, why, sizeof(why)))
			good++;
		else if (good + 5 > t)
			diag("random formula %u: %s%s\n%s", t, err ? bcf_last_error() : "", why,
			     text ? text : "");
		free(text);
		bcf_cond__free(pc);
		bcf_arena__free(a);
	}
	for (c = 0; c < 256; c++) {
		if (!bcf_code__name(c) || c == BCF_LIST_VAL || seen[c])
			continue;
		diag("no random formula used %s", bcf_code__name(c));
		missing++;
	}
	ok(!missing, "the random formulas use every code but list_val");
	ok(good == rounds, "%u of %u random formulas over every code round-trip", good, rounds);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Timing figures only (no assertion): total and median of a phase. */
static void diag_times(const char *what, double *t, size_t n)
{
	double sum = 0;
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n; i++)
		sum += t[i];
	qsort(t, n, sizeof(*t), cmp_double);
	diag("%s: %zu conditions, total %.1f ms, p50 %.1f us, max %.1f us", what, n, sum / 1e3,
	     t[n / 2], t[n - 1]);
}

int main(void)
{
	struct vec_list l = vec_list_conds();
	unsigned same = 0, parsed = 0, shown = 0;
	size_t i;

	test_translations();
	test_random();
	if (!l.n) {
		skip("no vectors under BCF_SHARED_DIR");
		return done_testing();
	}
	double *t_print = calloc(l.n, sizeof(double)), *t_parse = calloc(l.n, sizeof(double));
	size_t nt = 0;

	if (!t_print || !t_parse)
		abort();
	for (i = 0; i < l.n; i++) {
		struct bcf_cond *c = NULL, *p = NULL;
		double t0, t1, t2;
		char *text = NULL, why[256] = "";
		size_t len;
		void *buf = vec_read_cond(l.names[i], &len);
		bool good = false;

		if (!buf || bcf_cond__decode(buf, len, &c)) {
			snprintf(why, sizeof(why), "decode: %s", bcf_last_error());
		} else if (t0 = bcf__mono_s() * 1e6, bcf_print__smt2(c->arena, c->refine_cond, &text)) {
			snprintf(why, sizeof(why), "print: %s", bcf_last_error());
		} else if (t1 = bcf__mono_s() * 1e6, bcf_smt2__parse(text, strlen(text), l.names[i], &p)) {
			snprintf(why, sizeof(why), "parse: %s", bcf_last_error());
		} else {
			t2 = bcf__mono_s() * 1e6;
			t_print[nt] = t1 - t0;
			t_parse[nt++] = t2 - t1;
			parsed++;
			if (p->refine_cond == BCF_COND_NONE || p->path_cond != BCF_COND_NONE)
				snprintf(why, sizeof(why), "parsed conditions: path %u refine %u",
					 p->path_cond, p->refine_cond);
			else
				good = same_dag(c->arena, c->refine_cond, p->arena, p->refine_cond,
						why, sizeof(why));
		}
		if (good)
			same++;
		else if (shown++ < 20)
			diag("%s: %s", l.names[i], why);
		free(text);
		free(buf);
		bcf_cond__free(c);
		bcf_cond__free(p);
	}
	/* the comparison must be able to fail: operands swapped, another vector */
	{
		struct bcf_arena *a = bcf_arena__new();
		struct bcf_cond *p = NULL;
		uint32_t x, y, args[2], r1, r2;
		char *text = NULL, why[256];

		bcf_arena__var(a, BCF_BV, 8, "x", &x);
		bcf_arena__var(a, BCF_BV, 8, "y", &y);
		args[0] = x; args[1] = y;
		bcf_arena__node(a, BCF_BOOL_ULT, 0, args, 2, &r1);
		args[0] = y; args[1] = y;
		bcf_arena__node(a, BCF_BOOL_ULT, 0, args, 2, &r2);
		ok(!bcf_print__smt2(a, r1, &text) && !bcf_smt2__parse(text, strlen(text), "neg", &p) &&
		   same_dag(a, r1, p->arena, p->refine_cond, why, sizeof(why)) &&
		   !same_dag(a, r2, p->arena, p->refine_cond, why, sizeof(why)),
		   "(bvult y y) is not (bvult x y): %s", why);
		free(text);
		bcf_cond__free(p);
		bcf_arena__free(a);
	}
	diag_times("bcf_print__smt2", t_print, nt);
	diag_times("bcf_smt2__parse", t_parse, nt);
	free(t_print);
	free(t_parse);
	ok(parsed == l.n, "the parser reads back all %zu printed conditions (%u)", l.n, parsed);
	ok(same == l.n, "%u of %zu round trips give the same DAG up to variable renaming", same,
	   l.n);
	vec_list_free(&l);
	return done_testing();
}
