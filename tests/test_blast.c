// SPDX-License-Identifier: MIT
/*
 * The bit-blaster (solver/blast.h): for every operator and atom the kernel
 * can bit-blast, and for every rewrite route, build a small atom, blast it
 * through the proof builder (every step is run by the checker's own rule
 * function in strict mode, so an emitted step is an accepted step), and
 * check that the concluded (= atom C) is right: C agrees with the atom
 * under a few hundred assignments (random and boundary values).  Routes
 * without a sound rule must give -ENOTSUP naming the missing rule.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "solver/blast.h"
#include "solver/pbuild.h"
#include "tests/tap.h"

/* ---- goal construction (a source arena, imported into the builder) ---- */

static struct bcf_arena *src;
static unsigned nvars;

static unsigned wid(uint32_t id)
{
	return bcf_expr__width(bcf_arena__expr(src, id));
}

static uint32_t V(unsigned w)
{
	char name[16];
	uint32_t id;

	snprintf(name, sizeof(name), "v%u", nvars++);
	if (bcf_arena__var(src, BCF_BV, w, name, &id))
		abort();
	return id;
}

static uint32_t B(void)
{
	char name[16];
	uint32_t id;

	snprintf(name, sizeof(name), "p%u", nvars++);
	if (bcf_arena__var(src, BCF_BOOL, 0, name, &id))
		abort();
	return id;
}

static uint32_t C(unsigned w, uint64_t v)
{
	uint32_t id;

	if (bcf_arena__bv_const(src, w, v, &id))
		abort();
	return id;
}

static uint32_t N(uint8_t code, uint16_t params, const uint32_t *args, unsigned n)
{
	uint32_t id;

	if (bcf_arena__node(src, code, params, args, n, &id)) {
		fprintf(stderr, "node: %s\n", bcf_last_error());
		abort();
	}
	return id;
}

static uint32_t O2(uint8_t code, uint32_t x, uint32_t y)
{
	uint32_t a[2] = { x, y };

	return N(code, BCF_TYPE(code) == BCF_BV ? wid(x) : 0, a, 2);
}

static uint32_t O1(uint8_t code, uint32_t x)
{
	return N(code, BCF_TYPE(code) == BCF_BV ? wid(x) : 0, &x, 1);
}

static uint32_t EXT(unsigned hi, unsigned lo, uint32_t x)
{
	return N(BCF_BV_EXTRACT, BCF_EXPR_PARAMS(hi, lo), &x, 1);
}

static uint32_t XT(uint8_t code, unsigned n, uint32_t x)
{
	return N(code, BCF_EXPR_PARAMS(n, wid(x) + n), &x, 1);
}

static uint32_t CAT(uint32_t x, uint32_t y)
{
	uint32_t a[2] = { x, y };

	return N(BCF_BV_CONCAT, wid(x) + wid(y), a, 2);
}

static uint32_t ITE(uint32_t c, uint32_t x, uint32_t y)
{
	uint32_t a[3] = { c, x, y };

	return N(BCF_BV_ITE, wid(x), a, 3);
}

/* ---- an evaluator over the builder's arena (SMT-LIB semantics) ---- */

struct ev {
	const struct bcf_arena *a;
	uint64_t seed;
	uint64_t *memo;
	uint8_t *have;
	uint32_t n;
	int mode; /* variable values: 0 random, 1 zero, 2 ones, 3 sign bit, 4 one */
};

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

static uint64_t sx(uint64_t v, unsigned w)
{
	return w >= 64 ? v : (v & (1ull << (w - 1))) ? v | ~((1ull << w) - 1) : v;
}

static uint64_t msk(unsigned w)
{
	return w >= 64 ? ~0ull : (1ull << w) - 1;
}

static uint64_t ev(struct ev *v, uint32_t id)
{
	const struct bcf_expr *e = bcf_arena__expr(v->a, id);
	uint64_t r = 0, x[255];
	unsigned w, i, aw = 0;

	if (id < v->n && v->have[id])
		return v->memo[id];
	w = bcf_is_bv(e) ? bcf_expr__width(e) : 1;
	if (e->code == BCF_BV_VAR || e->code == BCF_BOOL_VAR) {
		uint64_t h = mix(v->seed ^ mix(id + 1));

		switch (v->mode) {
		case 1: r = 0; break;
		case 2: r = ~0ull; break;
		case 3: r = h & 1 ? 1ull << (w - 1) : (1ull << (w - 1)) - 1; break;
		case 4: r = h & 1 ? 1 : h >> 60; break;
		default: r = (h & 3) == 0 ? h >> (h % 61) : h; break;
		}
		r &= msk(w);
		goto out;
	}
	if (e->code == BCF_BV_VAL) {
		r = bcf_expr__bv_value(e);
		goto out;
	}
	if (e->code == BCF_BOOL_VAL) {
		r = e->params & 1;
		goto out;
	}
	for (i = 0; i < e->vlen; i++)
		x[i] = ev(v, e->args[i]);
	e = bcf_arena__expr(v->a, id);
	if (e->vlen) {
		const struct bcf_expr *a0 = bcf_arena__expr(v->a, e->args[e->code == BCF_BV_ITE]);

		aw = bcf_is_bv(a0) ? bcf_expr__width(a0) : 1;
	}
	switch (e->code) {
	case BCF_BV_ADD: for (r = 0, i = 0; i < e->vlen; i++) r += x[i]; break;
	case BCF_BV_MUL: for (r = 1, i = 0; i < e->vlen; i++) r *= x[i]; break;
	case BCF_BV_OR: for (r = 0, i = 0; i < e->vlen; i++) r |= x[i]; break;
	case BCF_BV_AND: for (r = ~0ull, i = 0; i < e->vlen; i++) r &= x[i]; break;
	case BCF_BV_XOR: for (r = 0, i = 0; i < e->vlen; i++) r ^= x[i]; break;
	case BCF_BV_SUB: r = x[0] - x[1]; break;
	case BCF_BV_NEG: r = -x[0]; break;
	case BCF_BV_NOT: r = ~x[0]; break;
	case BCF_BV_LSH: r = x[1] >= w ? 0 : x[0] << x[1]; break;
	case BCF_BV_RSH: r = x[1] >= w ? 0 : x[0] >> x[1]; break;
	case BCF_BV_ARSH:
		r = x[1] >= w ? (sx(x[0], w) >> 63 ? ~0ull : 0) : (uint64_t)((int64_t)sx(x[0], w) >> x[1]);
		break;
	case BCF_BV_DIV: r = x[1] ? x[0] / x[1] : ~0ull; break;
	case BCF_BV_MOD: r = x[1] ? x[0] % x[1] : x[0]; break;
	case BCF_BV_ITE: r = x[0] ? x[1] : x[2]; break;
	case BCF_BV_EXTRACT: r = x[0] >> BCF_EXPR_LOW(e->params); break;
	case BCF_BV_ZERO_EXTEND: r = x[0]; break;
	case BCF_BV_REPEAT:
		for (r = 0, i = 0; i < BCF_EXPR_HIGH(e->params); i++)
			r = (aw >= 64 ? 0 : r << aw) | x[0];
		break;
	case BCF_BV_SIGN_EXTEND: r = sx(x[0], aw); break;
	case BCF_BV_FROM_BOOL: for (r = 0, i = 0; i < e->vlen; i++) r |= (x[i] & 1) << i; break;
	case BCF_BV_CONCAT:
		for (r = 0, i = 0; i < e->vlen; i++) {
			unsigned cw = bcf_expr__width(bcf_arena__expr(v->a, e->args[i]));

			r = (cw >= 64 ? 0 : r << cw) | x[i];
		}
		break;
	case BCF_BOOL_CONJ: for (r = 1, i = 0; i < e->vlen; i++) r &= x[i]; break;
	case BCF_BOOL_DISJ: for (r = 0, i = 0; i < e->vlen; i++) r |= x[i]; break;
	case BCF_BOOL_XOR: for (r = 0, i = 0; i < e->vlen; i++) r ^= x[i]; break;
	case BCF_BOOL_NOT: r = !x[0]; break;
	case BCF_BOOL_IMPLIES: r = !x[0] || x[1]; break;
	case BCF_BOOL_ITE: r = x[0] ? x[1] : x[2]; break;
	case BCF_BOOL_EQ: r = x[0] == x[1]; break;
	case BCF_BOOL_DISTINCT: r = x[0] != x[1]; break;
	case BCF_BOOL_BITOF: r = (x[0] >> BCF_EXPR_LOW(e->params)) & 1; break;
	case BCF_BOOL_ULT: r = x[0] < x[1]; break;
	case BCF_BOOL_ULE: r = x[0] <= x[1]; break;
	case BCF_BOOL_UGT: r = x[0] > x[1]; break;
	case BCF_BOOL_UGE: r = x[0] >= x[1]; break;
	case BCF_BOOL_SLT: r = (int64_t)sx(x[0], aw) < (int64_t)sx(x[1], aw); break;
	case BCF_BOOL_SLE: r = (int64_t)sx(x[0], aw) <= (int64_t)sx(x[1], aw); break;
	case BCF_BOOL_SGT: r = (int64_t)sx(x[0], aw) > (int64_t)sx(x[1], aw); break;
	case BCF_BOOL_SGE: r = (int64_t)sx(x[0], aw) >= (int64_t)sx(x[1], aw); break;
	default:
		fprintf(stderr, "evaluator: code 0x%02x\n", e->code);
		abort();
	}
	r &= msk(w);
out:
	if (id < v->n) {
		v->have[id] = 1;
		v->memo[id] = r;
	}
	return r;
}

/* Do a and c agree under `rounds` assignments? Returns the first failing round or -1. */
static int agree(const struct bcf_arena *a, uint32_t x, uint32_t y, int rounds)
{
	struct ev v = { .a = a };
	uint32_t n;
	int k, bad = -1;

	bcf_arena__words(a, &n);
	v.n = n;
	v.memo = malloc(n * sizeof(*v.memo));
	v.have = malloc(n);
	for (k = 0; k < rounds && bad < 0; k++) {
		memset(v.have, 0, n);
		v.seed = mix(k * 7919 + 17);
		v.mode = k < 8 ? k % 5 : 0;
		if (ev(&v, x) != ev(&v, y))
			bad = k;
	}
	free(v.memo);
	free(v.have);
	return bad;
}

/* ---- the cases ---- */

struct fixture {
	struct pbuild *b;
	struct blaster *bl;
};

static void fx_new(struct fixture *f)
{
	f->b = pbuild_new();
	f->bl = blaster_new(f->b);
	src = bcf_arena__new();
	nvars = 0;
}

static void run_cases(struct fixture *f);

static void fx_free(struct fixture *f)
{
	run_cases(f);
	blaster_free(f->bl);
	pbuild_free(f->b);
	bcf_arena__free(src);
	src = NULL;
}

/*
 * Cases are collected while the source arena is built, then imported and
 * checked together (pbuild_import wants a source arena that no longer grows).
 */
struct kase {
	uint32_t atom;
	char name[96];
	const char *unsup; /* expected -ENOTSUP reason, or NULL */
	bool known;        /* every bit of both sides known: C is a constant */
	char lemma;        /* blast_lemma.c: 0 not checked, '-' none, 'f' / 't'
			    * (= U false/true), '=' (= U circuit), '!' (= U (not circuit)) */
};

static struct kase cases[256];
static unsigned ncases;

static void check_atom(struct fixture *f, uint32_t atom_src, const char *what)
{
	(void)f;
	if (ncases == 256)
		abort();
	cases[ncases].atom = atom_src;
	snprintf(cases[ncases].name, sizeof(cases[ncases].name), "%s", what);
	cases[ncases].known = false;
	cases[ncases].lemma = 0;
	cases[ncases++].unsup = NULL;
}

/* an atom with a run of zero low bits on one side: its lemma's kind */
static void expect_lemma(struct fixture *f, uint32_t atom_src, const char *what, char kind)
{
	check_atom(f, atom_src, what);
	cases[ncases - 1].lemma = kind;
}

/* Is id a node of the DAG below root (or root)? */
static bool in_dag(const struct bcf_arena *a, uint32_t root, uint32_t id)
{
	uint32_t *stack = malloc(1u << 16), sp = 0;
	uint8_t *seen = calloc(1u << 20, 1);
	bool found = false;

	if (!stack || !seen) {
		free(stack);
		free(seen);
		return false;
	}
	stack[sp++] = root;
	while (sp && !found) {
		uint32_t n = stack[--sp], i;
		const struct bcf_expr *e = bcf_arena__expr(a, n);

		if (n == id) {
			found = true;
			break;
		}
		if (n >= (1u << 20) || seen[n] || !e || bcf_is_leaf(e))
			continue;
		seen[n] = 1;
		for (i = 0; i < e->vlen && sp < (1u << 14); i++)
			stack[sp++] = e->args[i];
	}
	free(stack);
	free(seen);
	return found;
}

/* an atom whose sides blast to constant bits: EVALUATEd, no circuit */
static void expect_known(struct fixture *f, uint32_t atom_src, const char *what)
{
	check_atom(f, atom_src, what);
	cases[ncases - 1].known = true;
}

static void expect_unsup(struct fixture *f, uint32_t atom_src, const char *what,
			 const char *rule)
{
	check_atom(f, atom_src, what);
	cases[ncases - 1].unsup = rule;
}

static void run_one(struct fixture *f, const struct kase *k)
{
	struct bcf_arena *a = pbuild_arena(f->b);
	uint32_t atom, circ = 0;
	char why[200] = "";
	const struct bcf_expr *e;
	int s, bad;

	if (pbuild_import(f->b, src, k->atom, &atom)) {
		ok(0, "%s: import: %s", k->name, pbuild_error(f->b));
		return;
	}
	s = blast_atom(f->bl, atom, &circ, why, sizeof(why));
	if (k->unsup) {
		ok(s == -ENOTSUP && strstr(why, k->unsup),
		   "%s: -ENOTSUP naming \"%s\" (got %d: %s)", k->name, k->unsup, s, why);
		return;
	}
	ok(blast_is_atom(a, atom), "%s: is an atom", k->name);
	if (!ok(s >= 0, "%s: blasted with accepted steps %s", k->name, why))
		return;
	e = bcf_arena__expr(a, pbuild_fact(f->b, s));
	ok(e && e->code == BCF_BOOL_EQ && e->args[0] == atom && e->args[1] == circ,
	   "%s: the step concludes (= atom C)", k->name);
	{
		int l = blaster_take_lemma(f->bl), more = blaster_take_lemma(f->bl);
		const struct bcf_expr *le = l >= 0 ? bcf_arena__expr(a, pbuild_fact(f->b, l)) : NULL;
		char kind = 0;

		if (le) {
			const struct bcf_expr *r = bcf_arena__expr(a, le->args[1]);

			kind = r->code == BCF_BOOL_VAL ? (le->args[1] == pbuild_true(f->b) ? 't' : 'f') :
			       r->code == BCF_BOOL_NOT ? '!' : '=';
		}
		if (k->lemma == '-')
			ok(l < 0, "%s: no lemma", k->name);
		else if (k->lemma)
			ok(kind == k->lemma && more < 0 && in_dag(a, circ, le->args[0]),
			   "%s: one lemma (= U R), U in the circuit, R of kind '%c' (got '%c')",
			   k->name, k->lemma, kind ? kind : '-');
	}
	if (k->known)
		ok(bcf_arena__expr(a, circ)->code == BCF_BOOL_VAL,
		   "%s: every bit known, C is a constant (code %#x)", k->name,
		   bcf_arena__expr(a, circ)->code);
	bad = agree(a, atom, circ, 300);
	ok(bad < 0, "%s: C agrees with the atom under 300 assignments (first failure: %d)",
	   k->name, bad);
}

static void run_cases(struct fixture *f)
{
	unsigned i;

	for (i = 0; i < ncases; i++)
		run_one(f, &cases[i]);
	ncases = 0;
}

/* (= t y) for a fresh variable y of t's width (w >= 2) */
static uint32_t EQV(uint32_t t)
{
	return O2(BCF_BOOL_EQ, t, V(wid(t)));
}

static void test_terms(void)
{
	struct fixture f;
	uint32_t x8, y8, x32, y32, x64, p, a[3];

	fx_new(&f);
	x8 = V(8);
	y8 = V(8);
	x32 = V(32);
	y32 = V(32);
	x64 = V(64);
	p = B();
	check_atom(&f, EQV(x8), "variable");
	check_atom(&f, O2(BCF_BOOL_EQ, x8, C(8, 0x5a)), "constant");
	check_atom(&f, EQV(O2(BCF_BV_ADD, x8, y8)), "bvadd");
	a[0] = x8;
	a[1] = y8;
	a[2] = C(8, 3);
	check_atom(&f, EQV(N(BCF_BV_ADD, 8, a, 3)), "3-ary bvadd");
	check_atom(&f, EQV(O2(BCF_BV_SUB, x32, y32)), "bvsub");
	check_atom(&f, EQV(O1(BCF_BV_NEG, x8)), "bvneg");
	check_atom(&f, EQV(O2(BCF_BV_OR, x8, y8)), "bvor of variables");
	check_atom(&f, EQV(O2(BCF_BV_LSH, x8, y8)), "bvshl");
	check_atom(&f, EQV(O2(BCF_BV_RSH, x8, y8)), "bvlshr");
	check_atom(&f, EQV(O2(BCF_BV_ARSH, x8, y8)), "bvashr");
	check_atom(&f, EQV(O2(BCF_BV_LSH, x32, C(32, 3))), "bvshl by a constant");
	check_atom(&f, EQV(O2(BCF_BV_ARSH, x64, C(64, 63))), "64-bit bvashr by a constant");
	{
		static const unsigned ks[] = { 0, 1, 7, 31, 32, 40 };
		static const uint8_t ops[] = { BCF_BV_LSH, BCF_BV_RSH, BCF_BV_ARSH };
		unsigned i, j;
		char name[80];

		for (i = 0; i < 3; i++)
			for (j = 0; j < sizeof(ks) / sizeof(ks[0]); j++) {
				snprintf(name, sizeof(name), "%s by constant %u (REWRITE %u..)",
					 bcf_code__name(ops[i]), ks[j], 104 + 3 * i);
				check_atom(&f, EQV(O2(ops[i], x32, C(32, ks[j]))), name);
			}
		check_atom(&f, EQV(O2(BCF_BV_ARSH, x64, XT(BCF_BV_ZERO_EXTEND, 56, C(8, 5)))),
			   "64-bit bvashr by a ground amount");
		check_atom(&f, EQV(O2(BCF_BV_LSH, x8, C(8, 200))), "8-bit bvshl by 200");
	}
	check_atom(&f, EQV(N(BCF_BV_REPEAT, BCF_EXPR_PARAMS(5, 5), (uint32_t[]){ EXT(31, 31, x32) },
			     1)), "repeat of the sign bit (SYMM of REWRITE 64)");
	check_atom(&f, EQV(N(BCF_BV_REPEAT, BCF_EXPR_PARAMS(3, 3), (uint32_t[]){ EXT(2, 2, x8) }, 1)),
		   "repeat of a middle bit (REWRITE 53, 64)");
	expect_unsup(&f, EQV(N(BCF_BV_REPEAT, BCF_EXPR_PARAMS(2, 16), &x8, 1)), "repeat of a byte",
		     "BITBLAST bv_repeat");
	check_atom(&f, EQV(EXT(11, 4, x32)), "extract");
	check_atom(&f, EQV(CAT(x8, y8)), "concat");
	check_atom(&f, EQV(XT(BCF_BV_SIGN_EXTEND, 24, x8)), "sign_extend");
	check_atom(&f, EQV(XT(BCF_BV_ZERO_EXTEND, 24, x8)), "zero_extend (REWRITE 93)");
	check_atom(&f, EQV(XT(BCF_BV_ZERO_EXTEND, 0, x8)), "zero_extend 0 (REWRITE 76)");
	check_atom(&f, EQV(ITE(p, x8, y8)), "bv ite, bool variable condition");
	check_atom(&f, EQV(ITE(O2(BCF_BOOL_ULT, x8, y8), x8, y8)), "bv ite, atom condition");
	check_atom(&f, EQV(O2(BCF_BV_ADD, x32, XT(BCF_BV_ZERO_EXTEND, 24, C(8, 7)))),
		   "ground subterm (EVALUATE)");
	{
		uint32_t m = O2(BCF_BV_AND, x32, C(32, 0xff));

		check_atom(&f, EQV(O2(BCF_BV_ADD, m, O2(BCF_BV_LSH, m, C(32, 1)))),
			   "shared subterm");
	}
	fx_free(&f);
}

static void test_atoms(void)
{
	struct fixture f;
	uint32_t x8, y8, x32, y32, b1, c1;
	static const struct {
		uint8_t code;
		const char *name;
	} cmp[] = {
		{ BCF_BOOL_EQ, "=" }, { BCF_BOOL_DISTINCT, "distinct (REWRITE 5)" },
		{ BCF_BOOL_ULT, "bvult" }, { BCF_BOOL_ULE, "bvule" },
		{ BCF_BOOL_SLT, "bvslt" }, { BCF_BOOL_SLE, "bvsle" },
		{ BCF_BOOL_UGT, "bvugt (REWRITE 87)" }, { BCF_BOOL_UGE, "bvuge (REWRITE 88)" },
		{ BCF_BOOL_SGT, "bvsgt (REWRITE 89)" }, { BCF_BOOL_SGE, "bvsge (REWRITE 90)" },
	};
	unsigned i;
	char name[64];

	fx_new(&f);
	x8 = V(8);
	y8 = V(8);
	x32 = V(32);
	y32 = V(32);
	b1 = V(1);
	c1 = V(1);
	for (i = 0; i < sizeof(cmp) / sizeof(cmp[0]); i++) {
		snprintf(name, sizeof(name), "%s, 8 bits", cmp[i].name);
		check_atom(&f, O2(cmp[i].code, x8, y8), name);
		snprintf(name, sizeof(name), "%s, 32 bits against a constant", cmp[i].name);
		check_atom(&f, O2(cmp[i].code, x32, C(32, 0x80000001u)), name);
	}
	{
		uint32_t z = XT(BCF_BV_ZERO_EXTEND, 24, x8), c;
		static const uint64_t ks[] = { 0, 1, 17, 255, 256, 0x80000000u };
		static const uint8_t ops[] = { BCF_BOOL_ULT, BCF_BOOL_ULE, BCF_BOOL_UGT,
					       BCF_BOOL_UGE };
		unsigned j;

		for (i = 0; i < 4; i++)
			for (j = 0; j < sizeof(ks) / sizeof(ks[0]); j++) {
				c = C(32, ks[j]);
				snprintf(name, sizeof(name), "%s of zero_extend and %llu",
					 bcf_code__name(ops[i]), (unsigned long long)ks[j]);
				check_atom(&f, O2(ops[i], z, c), name);
				snprintf(name, sizeof(name), "%s of %llu and zero_extend",
					 bcf_code__name(ops[i]), (unsigned long long)ks[j]);
				check_atom(&f, O2(ops[i], c, z), name);
			}
	}
	check_atom(&f, O2(BCF_BOOL_UGT, XT(BCF_BV_ZERO_EXTEND, 32, O2(BCF_BV_ADD, x32, C(32, 1))),
			  C(64, 100)), "bvugt of a zero-extended sum and a 64-bit constant");
	check_atom(&f, O2(BCF_BOOL_EQ, XT(BCF_BV_ZERO_EXTEND, 32, x32), C(64, 0x12345678)),
		   "= of zero_extend and a constant");
	check_atom(&f, O2(BCF_BOOL_EQ, C(64, 0x1ff), XT(BCF_BV_ZERO_EXTEND, 56, x8)),
		   "= of a constant too wide for the zero_extend");
	check_atom(&f, O2(BCF_BOOL_DISTINCT, XT(BCF_BV_ZERO_EXTEND, 31, b1), C(32, 1)),
		   "distinct of a zero-extended bit and 1");
	{
		static const uint8_t ops[] = { BCF_BOOL_ULT, BCF_BOOL_ULE, BCF_BOOL_UGT, BCF_BOOL_UGE,
					       BCF_BOOL_SLT, BCF_BOOL_SLE, BCF_BOOL_EQ };
		static const uint64_t ks[] = { 0, 1 };

		for (i = 0; i < 7; i++) {
			unsigned j;

			snprintf(name, sizeof(name), "%s x x (REWRITE 1, 129-134)", bcf_code__name(ops[i]));
			check_atom(&f, O2(ops[i], O2(BCF_BV_ADD, x32, y32), O2(BCF_BV_ADD, x32, y32)),
				   name);
			for (j = 0; j < 2; j++) {
				snprintf(name, sizeof(name), "%s x %llu (REWRITE 127-139)",
					 bcf_code__name(ops[i]), (unsigned long long)ks[j]);
				check_atom(&f, O2(ops[i], x32, C(32, ks[j])), name);
				snprintf(name, sizeof(name), "%s %llu x (REWRITE 127-139)",
					 bcf_code__name(ops[i]), (unsigned long long)ks[j]);
				check_atom(&f, O2(ops[i], C(32, ks[j]), x32), name);
				snprintf(name, sizeof(name), "%s of 1-bit x and %llu",
					 bcf_code__name(ops[i]), (unsigned long long)ks[j]);
				if (ops[i] != BCF_BOOL_SLT && ops[i] != BCF_BOOL_SLE)
					check_atom(&f, O2(ops[i], b1, C(1, ks[j])), name);
			}
		}
	}
	check_atom(&f, O2(BCF_BOOL_ULT, x32, y32), "bvult, 32 bits");
	check_atom(&f, O2(BCF_BOOL_ULT, b1, c1), "bvult, 1 bit");
	check_atom(&f, O2(BCF_BOOL_UGE, b1, c1), "bvuge, 1 bit");
	check_atom(&f, O2(BCF_BOOL_EQ, b1, c1), "=, 1 bit (REWRITE 54, 53, 59)");
	check_atom(&f, O2(BCF_BOOL_EQ, EXT(3, 3, x8), C(1, 1)), "=, 1 bit, extract against 1");
	check_atom(&f, O2(BCF_BOOL_DISTINCT, b1, c1), "distinct, 1 bit");
	check_atom(&f, O2(BCF_BOOL_ULT, C(8, 3), C(8, 9)), "ground atom (EVALUATE)");
	check_atom(&f, O2(BCF_BOOL_EQ, x8, x8), "= of a term with itself");
	expect_unsup(&f, O2(BCF_BOOL_SLT, b1, c1), "1-bit bvslt", "BITBLAST bool_slt (1-bit)");
	expect_unsup(&f, O2(BCF_BOOL_SGE, b1, c1), "1-bit bvsge", "BITBLAST bool_sle (1-bit)");
	{
		uint32_t s = O2(BCF_BV_ADD, x8, y8);

		expect_unsup(&f, N(BCF_BOOL_BITOF, 3, &s, 1), "bitof of a sum",
			     "BITBLAST bool_bitof");
	}
	fx_free(&f);
}

static void test_masks(void)
{
	struct fixture f;
	uint32_t x8, x32, x64, y32;
	static const uint64_t m32[] = { 0xff, 0xff00, 0xfffffff0, 0x0ff0f0f0, 0x80000001,
					0xaaaaaaaa, 0x7fffffff, 0x1 };
	static const uint64_t m64[] = { 0xffffffff00000000ull, 0xffffffffull, 0xff,
					0x00ff00ff00ff00ffull, 0x8000000000000000ull };
	unsigned i;
	char name[80];

	fx_new(&f);
	x8 = V(8);
	x32 = V(32);
	y32 = V(32);
	x64 = V(64);
	for (i = 0; i < sizeof(m32) / sizeof(m32[0]); i++) {
		snprintf(name, sizeof(name), "bvand x #x%08llx", (unsigned long long)m32[i]);
		check_atom(&f, EQV(O2(BCF_BV_AND, x32, C(32, m32[i]))), name);
		snprintf(name, sizeof(name), "bvor #x%08llx x", (unsigned long long)m32[i]);
		check_atom(&f, EQV(O2(BCF_BV_OR, C(32, m32[i]), x32)), name);
		snprintf(name, sizeof(name), "bvxor x #x%08llx", (unsigned long long)m32[i]);
		check_atom(&f, EQV(O2(BCF_BV_XOR, x32, C(32, m32[i]))), name);
	}
	for (i = 0; i < sizeof(m64) / sizeof(m64[0]); i++) {
		snprintf(name, sizeof(name), "64-bit bvand #x%016llx x", (unsigned long long)m64[i]);
		check_atom(&f, EQV(O2(BCF_BV_AND, C(64, m64[i]), x64)), name);
	}
	check_atom(&f, EQV(O2(BCF_BV_AND, x8, C(8, 0))), "bvand x 0 (ABSORB)");
	check_atom(&f, EQV(O2(BCF_BV_AND, C(8, 0xff), x8)), "bvand ones x (ACI_NORM)");
	check_atom(&f, EQV(O2(BCF_BV_OR, x8, C(8, 0xff))), "bvor x ones (ABSORB)");
	check_atom(&f, EQV(O2(BCF_BV_XOR, x8, C(8, 0xff))), "bvxor x ones, 8 bits");
	check_atom(&f, EQV(O2(BCF_BV_XOR, C(8, 0x0f), x8)), "bvxor #x0f x, 8 bits");
	check_atom(&f, EQV(O2(BCF_BV_AND, O2(BCF_BV_ADD, x32, y32), C(32, 0xfff0))),
		   "bvand of a sum");
	check_atom(&f, EQV(O2(BCF_BV_AND, x32, XT(BCF_BV_ZERO_EXTEND, 24, C(8, 0xf0)))),
		   "bvand with a ground mask");
	check_atom(&f, O2(BCF_BOOL_ULT, O2(BCF_BV_AND, XT(BCF_BV_ZERO_EXTEND, 24, x8),
					   C(32, 0xff)), C(32, 17)),
		   "bvult over a masked zero_extend");
	{
		uint32_t m = O2(BCF_BV_AND, O2(BCF_BV_AND, XT(BCF_BV_ZERO_EXTEND, 24, x8),
					       C(32, 0xff)), C(32, 0x7f));

		check_atom(&f, O2(BCF_BOOL_SLE, O2(BCF_BV_ADD, m, C(32, 11)), C(32, 0)),
			   "bvsle over nested masks (bench_1734)");
	}
	check_atom(&f, EQV(O2(BCF_BV_XOR, O2(BCF_BV_ADD, x32, y32), O2(BCF_BV_ADD, x32, y32))),
		   "bvxor x x (REWRITE 122)");
	check_atom(&f, EQV(O2(BCF_BV_AND, y32, y32)), "bvand x x (ACI_NORM)");
	check_atom(&f, EQV(O2(BCF_BV_OR, x8, x8)), "bvor x x (ACI_NORM)");
	expect_unsup(&f, EQV(O2(BCF_BV_AND, x32, y32)), "bvand of variables",
		     "BITBLAST bv_and");
	expect_unsup(&f, EQV(O2(BCF_BV_XOR, x32, y32)), "bvxor of variables",
		     "BITBLAST bv_xor");
	fx_free(&f);
}

static void test_poly(void)
{
	struct fixture f;
	uint32_t x8, x32, x64, y32, a[3];
	static const uint64_t k32[] = { 0, 1, 2, 3, 5, 7, 0xffffffff, 0x9e3779b9, 0x80000000,
					365 };
	unsigned i;
	char name[80];

	fx_new(&f);
	x8 = V(8);
	x32 = V(32);
	y32 = V(32);
	x64 = V(64);
	check_atom(&f, EQV(O1(BCF_BV_NOT, x8)), "bvnot (REWRITE 61, 84, 51, 53)");
	check_atom(&f, EQV(O1(BCF_BV_NOT, x64)), "64-bit bvnot (REWRITE 61, 84, 51, 53)");
	for (i = 0; i < sizeof(k32) / sizeof(k32[0]); i++) {
		snprintf(name, sizeof(name), "bvmul x #x%llx (POLY_NORM)",
			 (unsigned long long)k32[i]);
		check_atom(&f, EQV(O2(BCF_BV_MUL, x32, C(32, k32[i]))), name);
	}
	check_atom(&f, EQV(O2(BCF_BV_MUL, C(64, 0x5851f42d4c957f2dull), x64)),
		   "64-bit bvmul by a constant");
	a[0] = C(8, 3);
	a[1] = x8;
	a[2] = C(8, 5);
	check_atom(&f, EQV(N(BCF_BV_MUL, 8, a, 3)), "3-ary bvmul, two constants");
	expect_unsup(&f, EQV(O2(BCF_BV_MUL, x32, y32)), "bvmul of variables",
		     "BITBLAST bv_mul (var x var)");
	expect_unsup(&f, EQV(O2(BCF_BV_DIV, x32, y32)), "bvudiv", "BITBLAST bv_div");
	expect_unsup(&f, EQV(O2(BCF_BV_MOD, x32, C(32, 3))), "bvurem", "BITBLAST bv_mod");
	check_atom(&f, EQV(O2(BCF_BV_DIV, C(32, 100), C(32, 7))), "ground bvudiv (EVALUATE)");
	/* terms that are not ground but whose bits all are known */
	expect_known(&f, O2(BCF_BOOL_EQ, O2(BCF_BV_LSH, x32, C(32, 40)), C(32, 0)),
		     "a shift out of range equal to 0: bits known");
	expect_known(&f, O2(BCF_BOOL_ULT, O2(BCF_BV_AND, x32, C(32, 0)), C(32, 5)),
		     "a mask by 0 below 5: bits known");
	/* comparator lemmas: the chain under the top bit against zeros */
	expect_lemma(&f, O2(BCF_BOOL_SLT, x32, C(32, 0)), "bvslt x 0: lemma ULT(x_lo, 0) = false",
		     'f');
	expect_lemma(&f, O2(BCF_BOOL_SLE, x32, C(32, 0)), "bvsle x 0: lemma ULE(x_lo, 0) = (= x_lo 0)",
		     '=');
	expect_lemma(&f, O2(BCF_BOOL_SLT, C(32, 0), x32),
		     "bvslt 0 x: lemma ULT(0, x_lo) = (not (= x_lo 0))", '!');
	expect_lemma(&f, O2(BCF_BOOL_SLE, C(32, 0), x32), "bvsle 0 x: lemma ULE(0, x_lo) = true",
		     't');
	expect_lemma(&f, O2(BCF_BOOL_ULT, x32, C(32, 0x80000000u)),
		     "bvult x 2^31: lemma on the low 31 bits", 'f');
	expect_lemma(&f, O2(BCF_BOOL_SLT, O2(BCF_BV_SUB, x32, y32), C(32, 0x100)),
		     "bvslt (x - y) 256: lemma on the low 8 bits", 'f');
	expect_lemma(&f, O2(BCF_BOOL_SLT, x32, C(32, 0x20)), "bvslt x 32: 5 zero bits", '-');
	expect_lemma(&f, O2(BCF_BOOL_SLT, x8, C(8, 0)), "bvslt x 0 at 8 bits: 7 zero bits", 'f');
	/* both sides zero from bit 3 up, one a constant: U_30 = U_2 */
	expect_lemma(&f, O2(BCF_BOOL_SLT, O2(BCF_BV_AND, x32, C(32, 7)), C(32, 5)),
		     "bvslt (x & 7) 5: high zeros, U_30 = U_2", '=');
	expect_lemma(&f, O2(BCF_BOOL_SLE, C(32, 6), O2(BCF_BV_AND, x32, C(32, 7))),
		     "bvsle 6 (x & 7): high zeros through REWRITE 92", '=');
	expect_lemma(&f, O2(BCF_BOOL_ULT, O2(BCF_BV_AND, x32, C(32, 0xff)), C(32, 0x90)),
		     "bvult (x & 255) 144: high zeros, the whole chain", '=');
	expect_lemma(&f, O2(BCF_BOOL_SLT, O2(BCF_BV_AND, x32, C(32, 0x3fffff)), C(32, 5)),
		     "bvslt (x & 2^22-1) 5: 9 high zeros", '-');
	fx_free(&f);
}

/* Sharing: a term blasted for two atoms gets one proof and one bit vector. */
static void test_sharing(void)
{
	struct fixture f;
	struct blast_stats st0, st1;
	uint32_t x, y, t, a1, a2, c1, c2, i1 = 0, i2 = 0, bx, ib = 0;
	char why[200];
	int s1, s2;

	fx_new(&f);
	x = V(32);
	y = V(32);

	t = O2(BCF_BV_AND, O2(BCF_BV_ADD, x, y), C(32, 0xff));
	a1 = O2(BCF_BOOL_ULT, t, y);
	a2 = O2(BCF_BOOL_EQ, t, x);
	bx = N(BCF_BOOL_BITOF, 4, &x, 1);
	ok(pbuild_import(f.b, src, a1, &i1) == 0 && pbuild_import(f.b, src, a2, &i2) == 0 &&
	   pbuild_import(f.b, src, bx, &ib) == 0, "atoms imported");
	s1 = blast_atom(f.bl, i1, &c1, why, sizeof(why));
	blast_get_stats(f.bl, &st0);
	s2 = blast_atom(f.bl, i2, &c2, why, sizeof(why));
	blast_get_stats(f.bl, &st1);
	ok(s1 >= 0 && s2 >= 0, "two atoms over one masked sum blasted");
	ok(st1.rewrite == st0.rewrite && st1.bitblast == st0.bitblast + 1,
	   "the second atom reuses the term's proof (BITBLAST %u -> %u, REWRITE %u -> %u)",
	   st0.bitblast, st1.bitblast, st0.rewrite, st1.rewrite);
	ok(blast_atom(f.bl, i1, &c2, why, sizeof(why)) == s1 && c2 == c1,
	   "blasting an atom again returns the same step");
	ok(!blast_is_atom(pbuild_arena(f.b), pbuild_true(f.b)), "true is not an atom");
	ok(!blast_is_atom(pbuild_arena(f.b), ib), "bitof of a variable is a leaf, not an atom");
	{
		uint32_t nc;

		/* the evaluator can tell a wrong circuit from a right one */
		ok(pbuild_node(f.b, BCF_BOOL_NOT, 0, &c1, 1, &nc) == 0 &&
		   agree(pbuild_arena(f.b), i1, nc, 300) >= 0,
		   "negative control: the negated circuit disagrees with the atom");
	}
	fx_free(&f);
}

/* ---- random terms over every supported operator and route ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)(rng >> 33) % n;
}

static uint64_t rnd_const(unsigned w)
{
	static const uint64_t pick[] = { 0, 1, 2, 3, 0xff, 0xf0, 0x80, 0x7f, 0xffffffff, 0x5a5a5a5a };
	uint64_t v = rnd(3) ? pick[rnd(10)] : ((uint64_t)rnd(1u << 30) << 34) ^ rnd(1u << 30);

	if (!rnd(6))
		v = ~(uint64_t)0;
	return v & msk(w);
}

static uint32_t gen(unsigned w, unsigned depth, uint32_t *vars, unsigned nv)
{
	unsigned op = depth ? rnd(16) : 15, k;

	switch (op) {
	case 0: return O2(BCF_BV_ADD, gen(w, depth - 1, vars, nv), gen(w, depth - 1, vars, nv));
	case 1: return O2(BCF_BV_SUB, gen(w, depth - 1, vars, nv), gen(w, depth - 1, vars, nv));
	case 2: return O1(rnd(2) ? BCF_BV_NEG : BCF_BV_NOT, gen(w, depth - 1, vars, nv));
	case 3: return O2(BCF_BV_OR, gen(w, depth - 1, vars, nv), rnd(2) ? C(w, rnd_const(w)) :
			  gen(w, depth - 1, vars, nv));
	case 4: return rnd(2) ? O2(BCF_BV_AND, gen(w, depth - 1, vars, nv), C(w, rnd_const(w))) :
			  O2(BCF_BV_AND, C(w, rnd_const(w)), gen(w, depth - 1, vars, nv));
	case 5: return O2(BCF_BV_XOR, gen(w, depth - 1, vars, nv), C(w, rnd_const(w)));
	case 6: return O2(BCF_BV_MUL, gen(w, depth - 1, vars, nv), C(w, rnd_const(w)));
	case 7: {
		static const uint8_t sh[] = { BCF_BV_LSH, BCF_BV_RSH, BCF_BV_ARSH };

		return O2(sh[rnd(3)], gen(w, depth - 1, vars, nv),
			  rnd(3) ? C(w, rnd(w + 3) & msk(w)) : gen(w, depth - 1, vars, nv));
	}
	case 8:
		if (w < 64) {
			unsigned w2 = w + rnd(64 - w + 1), lo = rnd(w2 - w + 1);

			return EXT(lo + w - 1, lo, gen(w2, depth - 1, vars, nv));
		}
		/* fall through */
	case 9:
		if (w >= 2) {
			k = 1 + rnd(w - 1);
			return CAT(gen(k, depth - 1, vars, nv), gen(w - k, depth - 1, vars, nv));
		}
		/* fall through */
	case 10:
		if (w >= 2) {
			k = 1 + rnd(w - 1);
			return XT(rnd(2) ? BCF_BV_ZERO_EXTEND : BCF_BV_SIGN_EXTEND, w - k,
				  gen(k, depth - 1, vars, nv));
		}
		/* fall through */
	case 11: {
		unsigned w2 = 1 + rnd(16);
		uint32_t c = O2(rnd(2) ? BCF_BOOL_ULT : BCF_BOOL_EQ, gen(w2, depth - 1, vars, nv),
				gen(w2, depth - 1, vars, nv));

		return ITE(c, gen(w, depth - 1, vars, nv), gen(w, depth - 1, vars, nv));
	}
	case 12:
	case 13:
		return C(w, rnd_const(w));
	default:
		for (k = 0; k < nv; k++)
			if (wid(vars[k]) == w && rnd(2))
				return vars[k];
		return V(w);
	}
}

static void test_random(void)
{
	static const unsigned widths[] = { 1, 2, 3, 8, 13, 32, 64 };
	static const uint8_t cmps[] = { BCF_BOOL_EQ, BCF_BOOL_DISTINCT, BCF_BOOL_ULT, BCF_BOOL_ULE,
					BCF_BOOL_UGT, BCF_BOOL_UGE, BCF_BOOL_SLT, BCF_BOOL_SLE,
					BCF_BOOL_SGT, BCF_BOOL_SGE };
	unsigned round, i;

	for (round = 0; round < 6; round++) {
		struct fixture f;
		uint32_t vars[4];
		char name[96];

		fx_new(&f);
		for (i = 0; i < 4; i++)
			vars[i] = V(widths[rnd(7)]);
		for (i = 0; i < 40; i++) {
			unsigned w = widths[rnd(7)];
			uint8_t c = cmps[rnd(10)];
			uint32_t a;

			if (w == 1 && (c == BCF_BOOL_SLT || c == BCF_BOOL_SLE || c == BCF_BOOL_SGT ||
				       c == BCF_BOOL_SGE))
				c = BCF_BOOL_ULT;
			a = O2(c, gen(w, 3, vars, 4), gen(w, 2, vars, 4));
			snprintf(name, sizeof(name), "random atom %u.%u (%s, %u bits)", round, i,
				 bcf_code__name(c), w);
			check_atom(&f, a, name);
		}
		fx_free(&f);
	}
}

/* The zero_extend narrowing is taken: one REWRITE, an 8-bit circuit. */
static void test_narrow_used(void)
{
	struct fixture f;
	struct blast_stats st;
	uint32_t x, a, ia, circ;
	char why[200];
	int s;

	fx_new(&f);
	x = V(8);
	a = O2(BCF_BOOL_ULT, XT(BCF_BV_ZERO_EXTEND, 24, x), C(32, 17));
	pbuild_import(f.b, src, a, &ia);
	s = blast_atom(f.bl, ia, &circ, why, sizeof(why));
	blast_get_stats(f.bl, &st);
	ok(s >= 0 && st.rewrite == 1 && st.bitblast == 3,
	   "bvult (zero_extend x) 17: REWRITE 146 and an 8-bit comparison (%u rewrites, %u "
	   "BITBLAST)", st.rewrite, st.bitblast);
	fx_free(&f);
}

int main(void)
{
	test_narrow_used();
	test_terms();
	test_atoms();
	test_masks();
	test_poly();
	test_sharing();
	test_random();
	return done_testing();
}
