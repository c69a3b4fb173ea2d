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
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "tests/vectors.h"

/* The parser is another module; run without it (skip) if it is not linked in. */
#pragma weak bcf_smt2__parse

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

int main(void)
{
	struct vec_list l = vec_list_conds();
	unsigned same = 0, parsed = 0, shown = 0;
	size_t i;

	if (!bcf_smt2__parse) {
		skip("bcf_smt2__parse is not linked into libbcf yet");
		return done_testing();
	}
	test_translations();
	if (!l.n) {
		skip("no vectors under BCF_SHARED_DIR");
		return done_testing();
	}
	for (i = 0; i < l.n; i++) {
		struct bcf_cond *c = NULL, *p = NULL;
		char *text = NULL, why[256] = "";
		size_t len;
		void *buf = vec_read_cond(l.names[i], &len);
		bool good = false;

		if (!buf || bcf_cond__decode(buf, len, &c)) {
			snprintf(why, sizeof(why), "decode: %s", bcf_last_error());
		} else if (bcf_print__smt2(c->arena, c->refine_cond, &text)) {
			snprintf(why, sizeof(why), "print: %s", bcf_last_error());
		} else if (bcf_smt2__parse(text, strlen(text), l.names[i], &p)) {
			snprintf(why, sizeof(why), "parse: %s", bcf_last_error());
		} else {
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
	ok(parsed == l.n, "the parser reads back all %zu printed conditions (%u)", l.n, parsed);
	ok(same == l.n, "%u of %zu round trips give the same DAG up to variable renaming", same,
	   l.n);
	vec_list_free(&l);
	return done_testing();
}
