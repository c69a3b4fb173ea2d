// SPDX-License-Identifier: MIT
/*
 * Differential prover fuzzer.  Generates random conditions over every
 * operator a condition buffer may hold (widths 1..64, shared sub-DAGs, path
 * and refine conditions, the kernel shapes of spec/format.md 5), runs the
 * prover in process (bcf_prove) and checks its answer against z3 (C API, on
 * SMT-LIB text that the generator writes itself, not bcf's printer) and,
 * with --cvc5, against one incremental cvc5 process (push/assert/check-sat/
 * pop; restarted every CVC5_QUERIES queries; --cvc5-every N asks it about
 * every N-th condition only, --cvc5-timeout MS bounds each query):
 *   - proven: the reference says unsat, and bcf's checker accepts the proof
 *     against the condition in strict and in kernel-compat mode;
 *   - unprovable-kernel: the reference says unsat and a rule is named;
 *   - sat: the reference says sat and z3 confirms the counterexample (every
 *     variable of the goal assigned, the goal true under it);
 *   - never a wrong verdict, never a crash, never an error status.
 * With --cli BCF EVERY, every EVERY-th condition is also written as a
 * condition buffer and proved by the `bcf prove` binary: its exit status
 * must match, and it must leave an output file exactly when it proves.
 *
 *   prover_diff [-n N] [-s SEED] [-t TIMEOUT_MS] [-T SECONDS] [--cvc5]
 *               [--cvc5-every N] [--cvc5-timeout MS] [--cli BCF EVERY]
 *               [--tap] [--keep DIR] [--slow MS]
 * (-T: stop after that many seconds even if fewer than N conditions ran;
 * --slow: print the phase times of every condition that took MS or more)
 * prints counts by outcome (and one TAP line per check with --tap); exits 1
 * on any wrong verdict, crash-like error or CLI mismatch.  Reproducers of
 * failures and of prover timeouts (the SMT-LIB script and the condition
 * buffer) go to --keep DIR.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <z3.h>

#include <bcf/bcf.h>
#include "tests/z3_ref.h"
#include "lang/clock.h"

/* ---- small helpers ------------------------------------------------------ */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

static unsigned rn(unsigned n) /* 0..n-1 */
{
	return n ? (unsigned)(rnd() % n) : 0;
}

static int chance(unsigned pct)
{
	return rn(100) < pct;
}

struct sbuf {
	char *p;
	size_t len, cap;
};

static void sput(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			abort();
		if (b->p && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
}

static uint64_t mask(unsigned w)
{
	return w >= 64 ? ~0ull : (1ull << w) - 1;
}

/* ---- generator ------------------------------------------------------------ */

#define MAXN 4096

struct node {
	uint32_t id;
	unsigned width; /* 0 = bool */
};

struct gen {
	struct bcf_arena *a;
	struct sbuf decl;       /* declare-fun / define-fun lines, in creation order */
	char **name;            /* SMT name of arena id (NULL: not defined yet) */
	uint32_t name_cap;
	struct node pool[MAXN]; /* every node made, for sharing */
	unsigned npool, nvars, nodes;
	int err;
};

static const char *nm(struct gen *g, uint32_t id)
{
	return id < g->name_cap && g->name[id] ? g->name[id] : "?";
}

static void set_name(struct gen *g, uint32_t id, const char *s)
{
	if (id >= g->name_cap) {
		uint32_t cap = (id + 1) * 2;

		g->name = realloc(g->name, cap * sizeof(*g->name));
		if (!g->name)
			abort();
		memset(g->name + g->name_cap, 0, (cap - g->name_cap) * sizeof(*g->name));
		g->name_cap = cap;
	}
	g->name[id] = strdup(s);
}

static void sort_of(unsigned w, char *buf, size_t n)
{
	if (w)
		snprintf(buf, n, "(_ BitVec %u)", w);
	else
		snprintf(buf, n, "Bool");
}

/* Record a node: define it in SMT-LIB (once: the arena shares equal nodes). */
static struct node mk(struct gen *g, uint8_t code, uint16_t params, const uint32_t *args,
		      unsigned vlen, unsigned width, const char *smt)
{
	struct node r = { UINT32_MAX, width };
	char sort[32], nmbuf[24];

	if (g->err)
		return r;
	if (bcf_arena__node(g->a, code, params, args, vlen, &r.id)) {
		fprintf(stderr, "prover_diff: generator built an invalid node (%s): %s\n", smt,
			bcf_last_error());
		g->err = -EINVAL;
		return r;
	}
	if (r.id < g->name_cap && g->name[r.id])
		return r;
	snprintf(nmbuf, sizeof(nmbuf), "n%u", r.id);
	sort_of(width, sort, sizeof(sort));
	sput(&g->decl, "(define-fun %s () %s %s)\n", nmbuf, sort, smt);
	set_name(g, r.id, nmbuf);
	if (g->npool < MAXN)
		g->pool[g->npool++] = r;
	g->nodes++;
	return r;
}

static struct node var(struct gen *g, unsigned w)
{
	struct node r = { UINT32_MAX, w };
	char name[24], sort[32];

	if (g->err)
		return r;
	snprintf(name, sizeof(name), "%c%u", w ? 'x' : 'p', g->nvars++);
	if (bcf_arena__var(g->a, w ? BCF_BV : BCF_BOOL, w, name, &r.id)) {
		g->err = -EINVAL;
		return r;
	}
	sort_of(w, sort, sizeof(sort));
	sput(&g->decl, "(declare-fun %s () %s)\n", name, sort);
	set_name(g, r.id, name);
	if (g->npool < MAXN)
		g->pool[g->npool++] = r;
	return r;
}

static struct node bvconst(struct gen *g, unsigned w, uint64_t v)
{
	struct node r = { UINT32_MAX, w };
	char smt[64];

	v &= mask(w);
	if (g->err)
		return r;
	if (bcf_arena__bv_const(g->a, w, v, &r.id)) {
		g->err = -EINVAL;
		return r;
	}
	if (r.id < g->name_cap && g->name[r.id])
		return r;
	snprintf(smt, sizeof(smt), "(_ bv%" PRIu64 " %u)", v, w);
	set_name(g, r.id, smt);
	return r;
}

static struct node boolconst(struct gen *g, int v)
{
	struct node r = { UINT32_MAX, 0 };

	if (g->err)
		return r;
	if (bcf_arena__bool_const(g->a, v, &r.id)) {
		g->err = -EINVAL;
		return r;
	}
	if (!(r.id < g->name_cap && g->name[r.id]))
		set_name(g, r.id, v ? "true" : "false");
	return r;
}

static uint64_t interesting(unsigned w)
{
	switch (rn(8)) {
	case 0: return 0;
	case 1: return 1;
	case 2: return mask(w);
	case 3: return w > 1 ? 1ull << (w - 1) : 1;
	case 4: return mask(w) >> 1;
	case 5: return rn(w + 1);
	default: return rnd();
	}
}

/* An existing node of that sort, or UINT32_MAX. */
static struct node reuse(struct gen *g, unsigned w)
{
	struct node none = { UINT32_MAX, w };
	unsigned i, start;

	if (!g->npool)
		return none;
	start = rn(g->npool);
	for (i = 0; i < g->npool; i++) {
		struct node *p = &g->pool[(start + i) % g->npool];

		if (p->width == w)
			return *p;
	}
	return none;
}

static struct node bv_term(struct gen *g, unsigned w, unsigned depth);
static struct node bool_term(struct gen *g, unsigned depth);

static struct node bv_leaf(struct gen *g, unsigned w)
{
	struct node r;

	if (chance(35))
		return bvconst(g, w, interesting(w));
	r = reuse(g, w);
	if (r.id != UINT32_MAX && chance(60))
		return r;
	return var(g, w);
}

static unsigned pick_width(void)
{
	static const unsigned common[] = { 1, 2, 3, 4, 5, 7, 8, 8, 16, 32, 32, 64, 64 };

	if (chance(70))
		return common[rn(sizeof(common) / sizeof(common[0]))];
	return 1 + rn(64);
}

static struct node binop(struct gen *g, uint8_t code, const char *op, struct node x, struct node y,
			 unsigned w)
{
	uint32_t args[2] = { x.id, y.id };
	char smt[96];

	snprintf(smt, sizeof(smt), "(%s %s %s)", op, nm(g, x.id), nm(g, y.id));
	return mk(g, code, w, args, 2, w, smt);
}

/* n-ary bv op as nested binary SMT-LIB applications */
static struct node naryop(struct gen *g, uint8_t code, const char *op, unsigned w, unsigned n,
			  unsigned depth)
{
	uint32_t args[4];
	struct sbuf s = { 0 };
	struct node r;
	unsigned i;

	for (i = 0; i < n; i++)
		args[i] = bv_term(g, w, depth).id;
	if (g->err)
		return (struct node){ UINT32_MAX, w };
	for (i = 1; i < n; i++)
		sput(&s, "(%s ", op);
	sput(&s, "%s", nm(g, args[0]));
	for (i = 1; i < n; i++)
		sput(&s, " %s)", nm(g, args[i]));
	r = mk(g, code, w, args, n, w, s.p);
	free(s.p);
	return r;
}

static struct node bv_term(struct gen *g, unsigned w, unsigned depth)
{
	struct node x, y, z, r;
	uint32_t args[8];
	char smt[512];
	unsigned k, ws;

	if (g->err)
		return (struct node){ UINT32_MAX, w };
	if (!depth || chance(20))
		return bv_leaf(g, w);
	if (chance(15)) {
		r = reuse(g, w);
		if (r.id != UINT32_MAX)
			return r;
	}
	switch (rn(26)) {
	case 0: case 1: return naryop(g, BCF_BV_ADD, "bvadd", w, 2 + chance(20), depth - 1);
	case 2: return binop(g, BCF_BV_SUB, "bvsub", bv_term(g, w, depth - 1), bv_term(g, w, depth - 1), w);
	case 3:
		if (w > 16 && chance(70))
			return bv_leaf(g, w);
		return naryop(g, BCF_BV_MUL, "bvmul", w, 2, depth - 1);
	case 4: case 5: {
		static const struct { uint8_t code; const char *op; } d[4] = {
			{ BCF_BV_DIV, "bvudiv" }, { BCF_BV_MOD, "bvurem" },
			{ BCF_BV_SDIV, "bvsdiv" }, { BCF_BV_SMOD, "bvsmod" } };
		k = rn(4);
		if (w > 16 && chance(70))
			return bv_leaf(g, w);
		x = bv_term(g, w, depth - 1);
		y = chance(50) ? bvconst(g, w, interesting(w)) : bv_term(g, w, depth - 1);
		return binop(g, d[k].code, d[k].op, x, y, w);
	}
	case 6: return naryop(g, BCF_BV_OR, "bvor", w, 2 + chance(20), depth - 1);
	case 7: return naryop(g, BCF_BV_AND, "bvand", w, 2 + chance(20), depth - 1);
	case 8: return naryop(g, BCF_BV_XOR, "bvxor", w, 2 + chance(20), depth - 1);
	case 9: case 10: {
		static const struct { uint8_t code; const char *op; } s[3] = {
			{ BCF_BV_LSH, "bvshl" }, { BCF_BV_RSH, "bvlshr" }, { BCF_BV_ARSH, "bvashr" } };
		k = rn(3);
		x = bv_term(g, w, depth - 1);
		y = chance(60) ? bvconst(g, w, rn(w + 2)) : bv_term(g, w, depth - 1);
		return binop(g, s[k].code, s[k].op, x, y, w);
	}
	case 11:
		x = bv_term(g, w, depth - 1);
		args[0] = x.id;
		snprintf(smt, sizeof(smt), "(bvneg %s)", nm(g, x.id));
		return mk(g, BCF_BV_NEG, w, args, 1, w, smt);
	case 12:
		x = bv_term(g, w, depth - 1);
		args[0] = x.id;
		snprintf(smt, sizeof(smt), "(bvnot %s)", nm(g, x.id));
		return mk(g, BCF_BV_NOT, w, args, 1, w, smt);
	case 13: case 14: /* ite: bool or 1-bit condition */
		if (chance(70) || w == 1) {
			x = bool_term(g, depth - 1);
			snprintf(smt, sizeof(smt), "%s", nm(g, x.id));
		} else {
			x = bv_term(g, 1, depth - 1);
			snprintf(smt, sizeof(smt), "(= %s #b1)", nm(g, x.id));
		}
		y = bv_term(g, w, depth - 1);
		z = bv_term(g, w, depth - 1);
		args[0] = x.id, args[1] = y.id, args[2] = z.id;
		{
			char s2[1100];

			snprintf(s2, sizeof(s2), "(ite %s %s %s)", smt, nm(g, y.id), nm(g, z.id));
			return mk(g, BCF_BV_ITE, w, args, 3, w, s2);
		}
	case 15: case 16: { /* extract from a wider term */
		unsigned lo;

		ws = w + rn(65 - w);
		lo = rn(ws - w + 1);
		x = bv_term(g, ws, depth - 1);
		args[0] = x.id;
		snprintf(smt, sizeof(smt), "((_ extract %u %u) %s)", lo + w - 1, lo, nm(g, x.id));
		return mk(g, BCF_BV_EXTRACT, (uint16_t)((lo + w - 1) << 8 | lo), args, 1, w, smt);
	}
	case 17: case 18: /* zero / sign extend from a narrower term */
		if (w == 1)
			return bv_leaf(g, w);
		ws = 1 + rn(w - 1);
		x = bv_term(g, ws, depth - 1);
		args[0] = x.id;
		k = chance(50);
		snprintf(smt, sizeof(smt), "((_ %s %u) %s)", k ? "sign_extend" : "zero_extend", w - ws,
			 nm(g, x.id));
		return mk(g, k ? BCF_BV_SIGN_EXTEND : BCF_BV_ZERO_EXTEND, (uint16_t)((w - ws) << 8 | w),
			  args, 1, w, smt);
	case 19: { /* concat of 2..3 parts, args[0] most significant */
		unsigned n = w >= 3 && chance(30) ? 3 : 2, left = w, i, part;
		struct sbuf s = { 0 };

		if (w < 2)
			return bv_leaf(g, w);
		sput(&s, "(concat");
		for (i = 0; i < n; i++) {
			part = i == n - 1 ? left : 1 + rn(left - (n - 1 - i));
			left -= part;
			x = bv_term(g, part, depth - 1);
			args[i] = x.id;
			sput(&s, " %s", nm(g, x.id));
		}
		sput(&s, ")");
		r = mk(g, BCF_BV_CONCAT, w, args, n, w, s.p);
		free(s.p);
		return r;
	}
	case 20: { /* repeat */
		unsigned cnt = 0, d;

		for (d = 2; d <= w; d++)
			if (w % d == 0 && chance(60)) {
				cnt = d;
				break;
			}
		if (!cnt)
			return bv_leaf(g, w);
		x = bv_term(g, w / cnt, depth - 1);
		args[0] = x.id;
		snprintf(smt, sizeof(smt), "((_ repeat %u) %s)", cnt, nm(g, x.id));
		return mk(g, BCF_BV_REPEAT, (uint16_t)(cnt << 8 | w), args, 1, w, smt);
	}
	case 21: { /* from_bool: bit i = args[i] (args[0] least significant) */
		struct sbuf s = { 0 };
		unsigned i;

		if (w > 8)
			return bv_leaf(g, w);
		for (i = 0; i < w; i++)
			args[i] = bool_term(g, depth - 1).id;
		if (g->err)
			return (struct node){ UINT32_MAX, w };
		if (w > 1)
			sput(&s, "(concat");
		for (i = w; i-- > 0;)
			sput(&s, " (ite %s #b1 #b0)", nm(g, args[i]));
		if (w > 1)
			sput(&s, ")");
		r = mk(g, BCF_BV_FROM_BOOL, 0, args, w, w, s.p + (w == 1));
		free(s.p);
		return r;
	}
	case 22: /* bvsize: the constant "width of the argument" */
		ws = pick_width();
		if (w < 7 && ws > mask(w))
			ws = 1 + rn((unsigned)mask(w));
		x = bv_term(g, ws, depth - 1);
		args[0] = x.id;
		snprintf(smt, sizeof(smt), "(_ bv%u %u)", ws, w);
		return mk(g, BCF_BV_BVSIZE, w, args, 1, w, smt);
	default:
		return bv_leaf(g, w);
	}
}

static struct node cmp(struct gen *g, unsigned depth, unsigned w)
{
	static const struct { uint8_t code; const char *op; } c[10] = {
		{ BCF_BOOL_EQ, "=" }, { BCF_BOOL_DISTINCT, "distinct" }, { BCF_BOOL_UGT, "bvugt" },
		{ BCF_BOOL_UGE, "bvuge" }, { BCF_BOOL_ULT, "bvult" }, { BCF_BOOL_ULE, "bvule" },
		{ BCF_BOOL_SGT, "bvsgt" }, { BCF_BOOL_SGE, "bvsge" }, { BCF_BOOL_SLT, "bvslt" },
		{ BCF_BOOL_SLE, "bvsle" } };
	unsigned k = rn(10);
	struct node x = bv_term(g, w, depth), y;
	uint32_t args[2];
	char smt[128];

	y = chance(40) ? bvconst(g, w, interesting(w)) : bv_term(g, w, depth);
	args[0] = x.id, args[1] = y.id;
	snprintf(smt, sizeof(smt), "(%s %s %s)", c[k].op, nm(g, x.id), nm(g, y.id));
	return mk(g, c[k].code, 0, args, 2, 0, smt);
}

static struct node bool_nary(struct gen *g, uint8_t code, const char *op, unsigned n,
			     const struct node *xs)
{
	uint32_t args[8];
	struct sbuf s = { 0 };
	struct node r;
	unsigned i;

	sput(&s, "(%s", op);
	for (i = 0; i < n; i++) {
		args[i] = xs[i].id;
		sput(&s, " %s", nm(g, xs[i].id));
	}
	sput(&s, ")");
	r = mk(g, code, 0, args, n, 0, s.p);
	free(s.p);
	return r;
}

static struct node bool_term(struct gen *g, unsigned depth)
{
	struct node xs[4], r;
	uint32_t args[3];
	char smt[256];
	unsigned i, n, w;

	if (g->err)
		return (struct node){ UINT32_MAX, 0 };
	if (!depth || chance(10)) {
		if (chance(10))
			return boolconst(g, chance(50));
		r = reuse(g, 0);
		if (r.id != UINT32_MAX && chance(50))
			return r;
		if (chance(50))
			return var(g, 0);
		return cmp(g, 0, pick_width());
	}
	switch (rn(12)) {
	case 0: case 1: case 2: case 3:
		return cmp(g, depth - 1, pick_width());
	case 4: { /* bitof */
		unsigned bit;

		w = pick_width();
		bit = rn(w);
		xs[0] = bv_term(g, w, depth - 1);
		args[0] = xs[0].id;
		snprintf(smt, sizeof(smt), "(= ((_ extract %u %u) %s) #b1)", bit, bit, nm(g, xs[0].id));
		return mk(g, BCF_BOOL_BITOF, (uint16_t)bit, args, 1, 0, smt);
	}
	case 5:
		xs[0] = bool_term(g, depth - 1);
		args[0] = xs[0].id;
		snprintf(smt, sizeof(smt), "(not %s)", nm(g, xs[0].id));
		return mk(g, BCF_BOOL_NOT, 0, args, 1, 0, smt);
	case 6: case 7: {
		static const struct { uint8_t code; const char *op; } o[3] = {
			{ BCF_BOOL_CONJ, "and" }, { BCF_BOOL_DISJ, "or" }, { BCF_BOOL_XOR, "xor" } };
		unsigned k = rn(3);

		n = 2 + rn(3);
		for (i = 0; i < n; i++)
			xs[i] = bool_term(g, depth - 1);
		if (g->err)
			return xs[0];
		return bool_nary(g, o[k].code, o[k].op, n, xs);
	}
	case 8:
		xs[0] = bool_term(g, depth - 1);
		xs[1] = bool_term(g, depth - 1);
		return bool_nary(g, BCF_BOOL_IMPLIES, "=>", 2, xs);
	case 9:
		xs[0] = bool_term(g, depth - 1);
		xs[1] = bool_term(g, depth - 1);
		if (chance(50))
			return bool_nary(g, BCF_BOOL_EQ, "=", 2, xs);
		return bool_nary(g, BCF_BOOL_DISTINCT, "distinct", 2, xs);
	case 10:
		xs[0] = bool_term(g, depth - 1);
		xs[1] = bool_term(g, depth - 1);
		xs[2] = bool_term(g, depth - 1);
		return bool_nary(g, BCF_BOOL_ITE, "ite", 3, xs);
	default:
		return cmp(g, depth - 1, pick_width());
	}
}

/* ---- kernel shapes (spec/format.md 5) -------------------------------------- */

struct reg {
	struct node v64; /* the 64-bit value */
	struct node v32; /* its 32-bit form (inner var or extract) */
};

static struct node ext64(struct gen *g, struct node v32, int sign)
{
	uint32_t args[1] = { v32.id };
	char smt[96];

	snprintf(smt, sizeof(smt), "((_ %s 32) %s)", sign ? "sign_extend" : "zero_extend",
		 nm(g, v32.id));
	return mk(g, sign ? BCF_BV_SIGN_EXTEND : BCF_BV_ZERO_EXTEND, 0x2040, args, 1, 64, smt);
}

static struct node lo32(struct gen *g, struct node v64)
{
	uint32_t args[1] = { v64.id };
	char smt[96];

	snprintf(smt, sizeof(smt), "((_ extract 31 0) %s)", nm(g, v64.id));
	return mk(g, BCF_BV_EXTRACT, 0x1f00, args, 1, 32, smt);
}

static struct node cmpk(struct gen *g, uint8_t code, const char *op, struct node x, uint64_t k)
{
	struct node c = bvconst(g, x.width, k);
	uint32_t args[2] = { x.id, c.id };
	char smt[128];

	snprintf(smt, sizeof(smt), "(%s %s %s)", op, nm(g, x.id), nm(g, c.id));
	return mk(g, code, 0, args, 2, 0, smt);
}

/* A register read: a 32-bit variable with range facts, extended, or a 64-bit one. */
static struct reg kreg(struct gen *g, struct node *facts, unsigned *nf)
{
	struct reg r;
	unsigned w = chance(60) ? 32 : 64;
	struct node v = var(g, w);
	uint64_t lo = chance(50) ? 0 : rnd() & mask(rn(w) + 1), hi = lo + (rnd() & mask(rn(w) + 1));

	if (lo && *nf < 60)
		facts[(*nf)++] = cmpk(g, BCF_BOOL_UGE, "bvuge", v, lo);
	if ((hi & mask(w)) >= lo && *nf < 60 && chance(70))
		facts[(*nf)++] = cmpk(g, BCF_BOOL_ULE, "bvule", v, hi);
	if (chance(30) && *nf < 60)
		facts[(*nf)++] = cmpk(g, BCF_BOOL_SLE, "bvsle", v, mask(w) >> 1 >> rn(w));
	if (w == 32) {
		r.v32 = v;
		r.v64 = ext64(g, v, chance(30));
	} else {
		r.v64 = v;
		r.v32 = lo32(g, v);
	}
	return r;
}

static struct node kalu(struct gen *g, struct reg a, struct reg b, int alu32)
{
	static const struct { uint8_t code; const char *op; } ops[12] = {
		{ BCF_BV_ADD, "bvadd" }, { BCF_BV_SUB, "bvsub" }, { BCF_BV_MUL, "bvmul" },
		{ BCF_BV_DIV, "bvudiv" }, { BCF_BV_MOD, "bvurem" }, { BCF_BV_OR, "bvor" },
		{ BCF_BV_AND, "bvand" }, { BCF_BV_XOR, "bvxor" }, { BCF_BV_LSH, "bvshl" },
		{ BCF_BV_RSH, "bvlshr" }, { BCF_BV_ARSH, "bvashr" }, { BCF_BV_NEG, "bvneg" } };
	unsigned k = rn(12), w = alu32 ? 32 : 64;
	struct node x = alu32 ? a.v32 : a.v64, y;
	uint32_t args[2];
	char smt[128];

	if ((k == 2 || k == 3 || k == 4) && chance(60))
		k = 0; /* keep wide mul/div rare: their circuits are large */
	if (k == 11) {
		args[0] = x.id;
		snprintf(smt, sizeof(smt), "(bvneg %s)", nm(g, x.id));
		return mk(g, BCF_BV_NEG, w, args, 1, w, smt);
	}
	if (k >= 8 && k <= 10)
		y = bvconst(g, w, rn(w));
	else
		y = chance(50) ? bvconst(g, w, interesting(w)) : (alu32 ? b.v32 : b.v64);
	return binop(g, ops[k].code, ops[k].op, x, y, w);
}

/*
 * A kernel-shaped request: registers with range facts, an ALU chain (32-bit
 * ops zero/sign-extended), branch conditions on the path, and a memory-bound
 * violation as the refinement.
 */
static void kernel_shape(struct gen *g, struct bcf_cond *c)
{
	static const struct { uint8_t code; const char *op; } br[10] = {
		{ BCF_BOOL_EQ, "=" }, { BCF_BOOL_DISTINCT, "distinct" }, { BCF_BOOL_UGT, "bvugt" },
		{ BCF_BOOL_UGE, "bvuge" }, { BCF_BOOL_ULT, "bvult" }, { BCF_BOOL_ULE, "bvule" },
		{ BCF_BOOL_SGT, "bvsgt" }, { BCF_BOOL_SGE, "bvsge" }, { BCF_BOOL_SLT, "bvslt" },
		{ BCF_BOOL_SLE, "bvsle" } };
	struct node facts[64], path = { UINT32_MAX, 0 }, viol, t;
	struct reg regs[4];
	unsigned nf = 0, nr = 1 + rn(3), i, k;

	for (i = 0; i < nr; i++)
		regs[i] = kreg(g, facts, &nf);
	for (i = 0; i < 1 + rn(3) && !g->err; i++) {
		int alu32 = chance(50);
		struct node v = kalu(g, regs[rn(nr)], regs[rn(nr)], alu32);

		if (alu32) {
			regs[rn(nr)] = (struct reg){ ext64(g, v, chance(20)), v };
		} else {
			regs[rn(nr)] = (struct reg){ v, lo32(g, v) };
		}
	}
	for (i = 0; i < rn(4) && nf < 60 && !g->err; i++) { /* branches, JMP or JMP32 */
		int j32 = chance(40);
		struct reg a = regs[rn(nr)];
		struct node x = j32 ? a.v32 : a.v64, y;
		uint32_t args[2];
		char smt[128];

		k = rn(10);
		if (chance(20)) { /* JSET: (distinct/= (bvand x m) 0) */
			struct node m = bvconst(g, x.width, interesting(x.width)), z;
			int ne = chance(50);

			x = binop(g, BCF_BV_AND, "bvand", x, m, x.width);
			z = bvconst(g, x.width, 0);
			facts[nf++] = binop(g, ne ? BCF_BOOL_DISTINCT : BCF_BOOL_EQ,
					    ne ? "distinct" : "=", x, z, 0);
			continue;
		}
		y = chance(60) ? bvconst(g, x.width, interesting(x.width))
			       : (j32 ? regs[rn(nr)].v32 : regs[rn(nr)].v64);
		args[0] = x.id, args[1] = y.id;
		snprintf(smt, sizeof(smt), "(%s %s %s)", br[k].op, nm(g, x.id), nm(g, y.id));
		facts[nf++] = mk(g, br[k].code, 0, args, 2, 0, smt);
	}
	if (g->err)
		return;
	if (nf == 1)
		path = facts[0];
	else if (nf > 1)
		path = bool_nary(g, BCF_BOOL_CONJ, "and", nf > 8 ? 8 : nf, facts);
	/* the violation */
	{
		struct reg off = regs[rn(nr)], sz = regs[rn(nr)];
		uint64_t high = rnd() & 0xffff, low = rnd() & 0xff;

		switch (rn(4)) {
		case 0:
			viol = cmpk(g, BCF_BOOL_UGT, "bvugt", sz.v64, high);
			break;
		case 1:
			viol = cmpk(g, BCF_BOOL_SGT, "bvsgt", off.v64, high);
			break;
		case 2: {
			struct node xs[2] = { cmpk(g, BCF_BOOL_SLT, "bvslt", off.v64, -low),
					      cmpk(g, BCF_BOOL_SGT, "bvsgt", off.v64, high) };

			viol = bool_nary(g, BCF_BOOL_DISJ, "or", 2, xs);
			break;
		}
		default:
			t = binop(g, BCF_BV_ADD, "bvadd", off.v64, sz.v64, 64);
			viol = cmpk(g, BCF_BOOL_SGT, "bvsgt", t, high);
			break;
		}
	}
	if (g->err)
		return;
	if (path.id == UINT32_MAX || chance(15)) { /* refine only */
		c->refine_cond = viol.id;
		return;
	}
	c->path_cond = path.id;
	if (chance(25))
		return; /* pure path-unreachable request */
	{
		struct node xs[2] = { path, viol };

		c->refine_cond = bool_nary(g, BCF_BOOL_CONJ, "and", 2, xs).id;
	}
}

/* ---- references ------------------------------------------------------------ */

enum verdict { V_UNSAT, V_SAT, V_UNKNOWN };
static const char *vname[] = { "unsat", "sat", "unknown" };

static Z3_context zctx;

static void z3_err(Z3_context c, Z3_error_code e)
{
	(void)c;
	(void)e;
}

static enum verdict z3_check(const char *script, unsigned timeout_ms)
{
	const char *perr;
	Z3_lbool r = z3_ref_check(zctx, script, timeout_ms, &perr);

	if (perr) {
		fprintf(stderr, "prover_diff: z3 cannot parse the script (%s):\n%s\n", perr, script);
		return V_UNKNOWN;
	}
	return r == Z3_L_TRUE ? V_SAT : r == Z3_L_FALSE ? V_UNSAT : V_UNKNOWN;
}

/* one incremental cvc5 process */
static FILE *cvc5_in, *cvc5_out;
static pid_t cvc5_pid;
static unsigned cvc5_timeout;
#define CVC5_QUERIES 200
static void cvc5_stop(void);

static int cvc5_start(unsigned timeout_ms)
{
	int in[2], out[2];
	char tl[32];

	if (pipe(in) || pipe(out))
		return -errno;
	cvc5_timeout = timeout_ms;
	snprintf(tl, sizeof(tl), "--tlimit-per=%u", timeout_ms);
	cvc5_pid = fork();
	if (cvc5_pid < 0)
		return -errno;
	if (!cvc5_pid) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		execlp("cvc5", "cvc5", "--incremental", "--lang", "smt2", tl, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	cvc5_in = fdopen(in[1], "w");
	cvc5_out = fdopen(out[0], "r");
	fprintf(cvc5_in, "(set-logic QF_BV)\n");
	return 0;
}

static enum verdict cvc5_check(const char *body)
{
	static unsigned queries;
	char line[4096];

	/* cvc5 slows down over thousands of push/pop rounds (its term table only
	 * grows): a fresh process every CVC5_QUERIES queries */
	if (cvc5_in && ++queries % CVC5_QUERIES == 0) {
		cvc5_stop();
		if (cvc5_start(cvc5_timeout))
			cvc5_in = NULL;
	}
	if (!cvc5_in)
		return V_UNKNOWN;
	fprintf(cvc5_in, "(push 1)\n%s(check-sat)\n(pop 1)\n", body);
	fflush(cvc5_in);
	if (!fgets(line, sizeof(line), cvc5_out)) {
		fprintf(stderr, "prover_diff: cvc5 exited; restarting it\n");
		cvc5_stop();
		cvc5_in = cvc5_out = NULL;
		if (cvc5_start(cvc5_timeout))
			cvc5_in = NULL;
		return V_UNKNOWN;
	}
	if (!strncmp(line, "unsat", 5))
		return V_UNSAT;
	if (!strncmp(line, "sat", 3))
		return V_SAT;
	if (strncmp(line, "unknown", 7))
		fprintf(stderr, "prover_diff: cvc5 says %s", line);
	return V_UNKNOWN;
}

static void cvc5_stop(void)
{
	if (cvc5_in) {
		fprintf(cvc5_in, "(exit)\n");
		fclose(cvc5_in);
	}
	if (cvc5_out)
		fclose(cvc5_out);
	if (cvc5_pid > 0)
		waitpid(cvc5_pid, NULL, 0);
	cvc5_in = cvc5_out = NULL;
	cvc5_pid = 0;
}

/* ---- the run -------------------------------------------------------------- */

enum outcome {
	O_PROVEN_PATH, O_PROVEN_REFINE, O_SAT, O_UNPROVABLE, O_UNKNOWN, O_REF_UNKNOWN,
	O_REF_DISAGREE, O_WRONG, O_ERROR, O_CLI_MISMATCH, O_MAX
};
static const char *oname[O_MAX] = {
	"proven-path", "proven-refine", "sat (counterexample confirmed)", "unprovable-kernel",
	"prover unknown (timeout)", "reference unknown", "z3/cvc5 disagree", "WRONG VERDICT",
	"ERROR", "CLI MISMATCH"
};

struct opts {
	unsigned long n, seed;
	unsigned timeout_ms;
	int use_cvc5, tap;
	unsigned cvc5_every, cvc5_timeout_ms; /* cvc5 on every N-th condition, its time limit */
	unsigned slow_ms;                     /* print the phases of conditions this slow */
	const char *cli, *keep;
	unsigned cli_every;
	unsigned long max_s;
};

static unsigned long counts[O_MAX], tests_run, gen_nodes, cli_runs;
/* reference queries: z3 asked/decided, cvc5 asked/decided, both decided (and so agreed) */
static unsigned long z3_asked, z3_decided, cvc5_asked, cvc5_decided, both_decided;
static double t_prove, t_z3, t_cvc5, t_check; /* CPU-independent wall seconds by phase */

static unsigned long unprovable_rules[64];
static char unprov_names[64][64];
static unsigned nunprov;

static void note_unprovable(const char *detail)
{
	char key[64];
	unsigned i;

	snprintf(key, sizeof(key), "%.60s", detail);
	for (i = 0; i < nunprov; i++)
		if (!strcmp(unprov_names[i], key)) {
			unprovable_rules[i]++;
			return;
		}
	if (nunprov < 64) {
		snprintf(unprov_names[nunprov], sizeof(unprov_names[0]), "%s", key);
		unprovable_rules[nunprov++] = 1;
	}
}

static void keep_case(const struct opts *o, unsigned long idx, const char *why, const char *script,
		      const struct bcf_cond *c)
{
	char path[4096];
	void *buf;
	size_t n;
	FILE *f;

	fprintf(stderr, "prover_diff: condition %lu (seed %lu): %s\n%s", idx, o->seed, why, script);
	if (!o->keep)
		return;
	mkdir(o->keep, 0755);
	snprintf(path, sizeof(path), "%s/case-%lu-%lu.smt2", o->keep, o->seed, idx);
	if ((f = fopen(path, "w"))) {
		fprintf(f, "; %s\n%s", why, script);
		fclose(f);
	}
	if (!bcf_cond__encode(c, &buf, &n)) {
		snprintf(path, sizeof(path), "%s/case-%lu-%lu.cond", o->keep, o->seed, idx);
		if ((f = fopen(path, "wb"))) {
			fwrite(buf, 1, n, f);
			fclose(f);
		}
		free(buf);
	}
}

/* Reference verdict of one root: z3, and cvc5 on every cvc5_every-th condition. */
static enum verdict reference(const struct opts *o, unsigned long idx, const char *decl,
			      uint32_t root, struct gen *g, int *disagree, struct sbuf *script)
{
	struct sbuf body = { 0 };
	enum verdict z, v;
	double t0;

	sput(&body, "%s(assert %s)\n", decl ? decl : "", nm(g, root));
	script->len = 0;
	sput(script, "(set-logic QF_BV)\n%s(check-sat)\n", body.p);
	t0 = bcf__mono_s();
	z = z3_check(script->p, o->timeout_ms);
	t_z3 += bcf__mono_s() - t0;
	z3_asked++;
	z3_decided += z != V_UNKNOWN;
	if (o->use_cvc5 && idx % o->cvc5_every == 0) {
		t0 = bcf__mono_s();
		v = cvc5_check(body.p);
		t_cvc5 += bcf__mono_s() - t0;
		cvc5_asked++;
		cvc5_decided += v != V_UNKNOWN;
		both_decided += z != V_UNKNOWN && v != V_UNKNOWN;
		if (z != V_UNKNOWN && v != V_UNKNOWN && z != v)
			*disagree = 1;
		if (z == V_UNKNOWN)
			z = v;
	}
	free(body.p);
	return z;
}

/* Names of the variables reachable from root, one per line in *names. */
static void reachable_vars(const struct bcf_arena *a, uint32_t root, struct sbuf *names)
{
	uint32_t nw, *stack, sp = 0;
	uint8_t *seen;

	bcf_arena__words(a, &nw);
	seen = calloc(nw + 1, 1);
	stack = malloc((nw + 1) * sizeof(*stack));
	if (!seen || !stack)
		abort();
	stack[sp++] = root;
	seen[root] = 1;
	while (sp) {
		const struct bcf_expr *e = bcf_arena__expr(a, stack[--sp]);
		unsigned i;

		if (!e)
			continue;
		if (BCF_OP(e->code) == BCF_VAR) {
			sput(names, "%s\n", bcf_arena__var_name(a, stack[sp]));
			continue;
		}
		if (e->code == BCF_BV_VAL || e->code == BCF_BV_BVSIZE)
			continue; /* a bvsize's argument is only its width */
		for (i = 0; i < e->vlen; i++)
			if (e->args[i] < nw && !seen[e->args[i]]) {
				seen[e->args[i]] = 1;
				stack[sp++] = e->args[i];
			}
	}
	free(seen);
	free(stack);
}

/* The counterexample: every variable of the goal assigned, the goal true under it (z3). */
static int confirm_cex(const struct opts *o, const char *script, const struct bcf_arena *a,
		       uint32_t root, const char *model, char *why, size_t whysz)
{
	struct sbuf s = { 0 }, names = { 0 };
	const char *p, *q;
	enum verdict v;
	int ret = 0;

	if (!model) {
		snprintf(why, whysz, "sat without a counterexample");
		return -1;
	}
	reachable_vars(a, root, &names);
	for (q = names.p; q && *q; q = strchr(q, '\n') + 1) {
		char name[64], pat[80];

		sscanf(q, "%63s", name);
		snprintf(pat, sizeof(pat), "  %s : ", name);
		if (!strstr(model, pat)) {
			if (getenv("PD_DEBUG"))
				fprintf(stderr, "reachable:\n%smodel:\n%s", names.p, model);
			snprintf(why, whysz, "the counterexample does not assign %s", name);
			free(names.p);
			return -1;
		}
	}
	free(names.p);
	/* the script without its trailing (check-sat), then the assignment */
	sput(&s, "%.*s", (int)(strstr(script, "(check-sat)") - script), script);
	for (p = model; *p;) {
		char name[64], val[128];
		unsigned w;

		if (sscanf(p, " %63s : Bool = %127s", name, val) == 2) {
			sput(&s, "(assert (= %s %s))\n", name, val);
		} else if (sscanf(p, " %63s : (_ BitVec %u) = %*s = %127s", name, &w, val) == 3) {
			sput(&s, "(assert (= %s (_ bv%s %u)))\n", name, val, w);
		} else {
			snprintf(why, whysz, "unreadable counterexample line: %.80s", p);
			ret = -1;
			break;
		}
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	if (!ret) {
		sput(&s, "(check-sat)\n");
		v = z3_check(s.p, o->timeout_ms * 4);
		if (v != V_SAT) {
			snprintf(why, whysz, "z3 says %s for the goal under the counterexample",
				 vname[v]);
			ret = v == V_UNKNOWN ? 1 : -1;
		}
	}
	free(s.p);
	return ret;
}

static int check_proof(const struct bcf_cond *c, uint32_t root, const struct bcf_prove_result *r,
		       char *why, size_t whysz)
{
	static const enum bcf_check_mode modes[2] = { BCF_CHECK_STRICT, BCF_CHECK_KERNEL_COMPAT };
	uint32_t nw;
	const uint32_t *w = bcf_arena__words(c->arena, &nw);
	int m, err;

	for (m = 0; m < 2; m++) {
		BCF_OPTS(bcf_check_opts, co, .mode = modes[m]);

		err = bcf_check_proof(w, nw, root, r->proof, r->proof_size, &co);
		if (err) {
			snprintf(why, whysz, "%s checker rejects the proof: %s",
				 m ? "kernel-compat" : "strict", bcf_last_error());
			return -1;
		}
	}
	return 0;
}

/* `bcf prove` on the condition buffer: exit status and output file. */
static int run_cli(const struct opts *o, const struct bcf_cond *c, enum bcf_prove_status st,
		   char *why, size_t whysz)
{
	char dir[] = "/tmp/prover_diff.XXXXXX", in[256], out[256], to[32];
	int status, code, want, has_out, ret = 0;
	void *buf;
	size_t n;
	FILE *f;
	pid_t pid;

	if (!mkdtemp(dir))
		return 0;
	snprintf(in, sizeof(in), "%s/c.cond", dir);
	snprintf(out, sizeof(out), "%s/p.bcf", dir);
	if (bcf_cond__encode(c, &buf, &n) || !(f = fopen(in, "wb"))) {
		rmdir(dir);
		return 0;
	}
	fwrite(buf, 1, n, f);
	fclose(f);
	free(buf);
	snprintf(to, sizeof(to), "%u", (o->timeout_ms + 999) / 1000);
	pid = fork();
	if (!pid) {
		int devnull = open("/dev/null", O_WRONLY);

		dup2(devnull, 1);
		dup2(devnull, 2);
		execl(o->cli, o->cli, "prove", "--solver", "z3", "--timeout", to, in, "-o", out,
		      (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	cli_runs++;
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	has_out = access(out, F_OK) == 0;
	switch (st) {
	case BCF_PROVE_PROVEN_PATH: case BCF_PROVE_PROVEN_REFINE: want = 0; break;
	case BCF_PROVE_SAT: want = 1; break;
	case BCF_PROVE_UNPROVABLE: want = 4; break;
	case BCF_PROVE_UNKNOWN: want = 3; break;
	default: want = 2; break;
	}
	if (has_out != (code == 0)) {
		snprintf(why, whysz, "bcf prove exit %d %s an output file", code,
			 has_out ? "left" : "without");
		ret = -1;
	} else if (code != want && code != 3 && want != 3) {
		snprintf(why, whysz, "bcf prove exit %d, in-process status %s", code,
			 bcf_prove_status__name(st));
		ret = -1;
	} else if (code > 4) {
		snprintf(why, whysz, "bcf prove exit %d (crash?)", code);
		ret = -1;
	}
	unlink(out);
	unlink(in);
	rmdir(dir);
	return ret;
}

static enum outcome one(const struct opts *o, unsigned long idx)
{
	struct bcf_cond c = { 0 };
	struct gen g = { 0 };
	BCF_OPTS(bcf_prove_result, r);
	BCF_OPTS(bcf_prove_opts, po, .solver = BCF_SOLVER_Z3, .timeout_ms = o->timeout_ms);
	struct sbuf script = { 0 };
	enum outcome out = O_ERROR;
	enum verdict vp = V_UNKNOWN, vr = V_UNKNOWN;
	uint32_t root;
	int disagree = 0, err, is_path, has_path, has_ref, k;
	enum verdict v;
	char why[512] = "";
	unsigned i;
	double tp0 = 0, tz0 = 0, tc0 = 0, tk0 = 0, tw0 = 0;

	g.a = bcf_arena__new();
	c.arena = g.a;
	c.path_cond = c.refine_cond = BCF_COND_NONE;
	switch (rn(10)) {
	case 0: case 1: case 2: case 3:
		kernel_shape(&g, &c);
		break;
	case 4: case 5: /* path and refine, random */
		c.path_cond = bool_term(&g, 1 + rn(3)).id;
		if (chance(70)) {
			struct node xs[2] = { { c.path_cond, 0 }, bool_term(&g, 1 + rn(3)) };

			c.refine_cond = bool_nary(&g, BCF_BOOL_CONJ, "and", 2, xs).id;
		}
		break;
	default: { /* refine only: a conjunction of random atoms */
		struct node xs[4];
		unsigned n = 1 + rn(4);

		for (i = 0; i < n; i++)
			xs[i] = bool_term(&g, 1 + rn(3));
		c.refine_cond = n == 1 ? xs[0].id : bool_nary(&g, BCF_BOOL_CONJ, "and", n, xs).id;
	}
	}
	gen_nodes += g.nodes;
	if (o->slow_ms)
		tp0 = t_prove, tz0 = t_z3, tc0 = t_cvc5, tk0 = t_check, tw0 = bcf__mono_s();
	if (g.err) {
		snprintf(why, sizeof(why), "generator error");
		keep_case(o, idx, why, g.decl.p ? g.decl.p : "", &c);
		out = O_ERROR;
		goto done;
	}

	t_prove -= bcf__mono_s();
	err = bcf_prove(&c, &po, &r);
	t_prove += bcf__mono_s();
	if (err) {
		snprintf(why, sizeof(why), "bcf_prove returned %d: %s", err, bcf_last_error());
		out = O_ERROR;
		goto report;
	}
	/* reference verdicts: the path, and the refinement when the path is feasible */
	if (c.path_cond != BCF_COND_NONE)
		vp = reference(o, idx, g.decl.p, c.path_cond, &g, &disagree, &script);
	if (c.refine_cond != BCF_COND_NONE && (c.path_cond == BCF_COND_NONE || vp != V_UNSAT))
		vr = reference(o, idx, g.decl.p, c.refine_cond, &g, &disagree, &script);
	else
		vr = V_UNKNOWN;
	if (disagree) {
		snprintf(why, sizeof(why), "z3 and cvc5 disagree");
		out = O_REF_DISAGREE;
		goto report;
	}
	has_path = c.path_cond != BCF_COND_NONE;
	has_ref = c.refine_cond != BCF_COND_NONE;
	/* the root bcf_prove settled last: the path unless it is sat and a refinement exists */
	is_path = has_path && !(r.status == BCF_PROVE_PROVEN_REFINE ||
				(has_ref && r.status == BCF_PROVE_SAT) ||
				(has_ref && vp == V_SAT && r.status != BCF_PROVE_PROVEN_PATH));
	root = is_path ? c.path_cond : c.refine_cond;
	v = is_path ? vp : vr;
	if (!is_path && has_path && vp == V_UNSAT) {
		snprintf(why, sizeof(why), "%s (the path is feasible), but the reference says the "
			 "path is unsat", bcf_prove_status__name(r.status));
		out = O_WRONG;
		goto report;
	}
	switch (r.status) {
	case BCF_PROVE_PROVEN_PATH:
	case BCF_PROVE_PROVEN_REFINE:
		if (v == V_SAT) {
			snprintf(why, sizeof(why), "%s, but the reference says sat",
				 bcf_prove_status__name(r.status));
			out = O_WRONG;
		} else if ((t_check -= bcf__mono_s(), k = check_proof(&c, root, &r, why, sizeof(why)),
			    t_check += bcf__mono_s(), k)) {
			out = O_WRONG;
		} else {
			out = v == V_UNKNOWN ? O_REF_UNKNOWN
			    : is_path ? O_PROVEN_PATH : O_PROVEN_REFINE;
		}
		break;
	case BCF_PROVE_SAT:
		if (v == V_UNSAT) {
			snprintf(why, sizeof(why), "sat, but the reference says unsat");
			out = O_WRONG;
		} else {
			k = confirm_cex(o, script.p, g.a, root, r.model_text, why, sizeof(why));
			out = k < 0 ? O_WRONG : k > 0 ? O_REF_UNKNOWN : O_SAT;
		}
		break;
	case BCF_PROVE_UNPROVABLE:
		if (v == V_SAT) {
			snprintf(why, sizeof(why), "unprovable-kernel, but the reference says sat");
			out = O_WRONG;
		} else if (!r.detail[0]) {
			snprintf(why, sizeof(why), "unprovable-kernel without a rule");
			out = O_WRONG;
		} else {
			note_unprovable(r.detail);
			out = v == V_UNKNOWN ? O_REF_UNKNOWN : O_UNPROVABLE;
		}
		break;
	case BCF_PROVE_UNKNOWN:
		snprintf(why, sizeof(why), "prover unknown: %s", r.detail);
		out = O_UNKNOWN;
		break;
	default:
		snprintf(why, sizeof(why), "status %s: %s", bcf_prove_status__name(r.status),
			 r.detail);
		out = O_ERROR;
		break;
	}
	if (o->cli && o->cli_every && idx % o->cli_every == 0 && out != O_WRONG &&
	    run_cli(o, &c, r.status, why, sizeof(why)))
		out = O_CLI_MISMATCH;
report:
	/* a timeout is no failure, but its reproducer is kept too */
	if (out == O_WRONG || out == O_ERROR || out == O_CLI_MISMATCH || out == O_REF_DISAGREE ||
	    out == O_UNKNOWN) {
		if (!script.p) {
			uint32_t rt = c.refine_cond != BCF_COND_NONE ? c.refine_cond : c.path_cond;

			reference(o, idx, g.decl.p, rt, &g, &disagree, &script);
		}
		keep_case(o, idx, why, script.p, &c);
	}
	if (!err)
		bcf_prove_result__free(&r);
done:
	if (o->slow_ms && bcf__mono_s() - tw0 >= o->slow_ms / 1000.0)
		fprintf(stderr, "slow %lu: %s total %.3f prove %.3f z3 %.3f cvc5 %.3f check %.3f nodes %u\n",
			idx, oname[out], bcf__mono_s() - tw0, t_prove - tp0, t_z3 - tz0, t_cvc5 - tc0,
			t_check - tk0, g.nodes);
	free(script.p);
	for (i = 0; i < g.name_cap; i++)
		free(g.name[i]);
	free(g.name);
	free(g.decl.p);
	bcf_arena__free(g.a);
	return out;
}

static void usage(void)
{
	fprintf(stderr, "usage: prover_diff [-n N] [-s SEED] [-t TIMEOUT_MS] [-T SECONDS] [--cvc5] "
			"[--cvc5-every N] [--cvc5-timeout MS] [--cli BCF EVERY] [--tap] "
			"[--keep DIR] [--slow MS]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = { .n = 1000, .seed = 1, .timeout_ms = 3000 };
	double start_s, end_s;
	struct rusage ru;
	unsigned long i, bad;
	Z3_config cfg;
	int k;

	for (k = 1; k < argc; k++) {
		if (!strcmp(argv[k], "-n") && k + 1 < argc)
			o.n = strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "-s") && k + 1 < argc)
			o.seed = strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "-T") && k + 1 < argc)
			o.max_s = strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "-t") && k + 1 < argc)
			o.timeout_ms = (unsigned)strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "--cvc5"))
			o.use_cvc5 = 1;
		else if (!strcmp(argv[k], "--slow") && k + 1 < argc)
			o.slow_ms = (unsigned)strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "--cvc5-every") && k + 1 < argc)
			o.cvc5_every = (unsigned)strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "--cvc5-timeout") && k + 1 < argc)
			o.cvc5_timeout_ms = (unsigned)strtoul(argv[++k], NULL, 0);
		else if (!strcmp(argv[k], "--tap"))
			o.tap = 1;
		else if (!strcmp(argv[k], "--keep") && k + 1 < argc)
			o.keep = argv[++k];
		else if (!strcmp(argv[k], "--cli") && k + 2 < argc) {
			o.cli = argv[++k];
			o.cli_every = (unsigned)strtoul(argv[++k], NULL, 0);
		} else
			usage();
	}
	signal(SIGPIPE, SIG_IGN);
	rng_state = 0x9e3779b97f4a7c15ull ^ (o.seed * 0x100000001b3ull);
	if (!rng_state)
		rng_state = 1;
	cfg = Z3_mk_config();
	zctx = Z3_mk_context(cfg);
	Z3_del_config(cfg);
	Z3_set_error_handler(zctx, z3_err);
	if (!o.cvc5_every)
		o.cvc5_every = 1;
	if (!o.cvc5_timeout_ms)
		o.cvc5_timeout_ms = o.timeout_ms;
	if (o.use_cvc5 && cvc5_start(o.cvc5_timeout_ms)) {
		fprintf(stderr, "prover_diff: cannot start cvc5\n");
		return 2;
	}
	start_s = bcf__mono_s();
	for (i = 0; i < o.n; i++) {
		enum outcome out;

		if (o.max_s && bcf__mono_s() - start_s >= (double)o.max_s)
			break;
		out = one(&o, i);

		counts[out]++;
		tests_run++;
		if (!o.tap && (i + 1) % 1000 == 0) {
			fprintf(stderr, "prover_diff: %lu conditions, %.0f s, %lu wrong, %lu errors\n",
				i + 1, bcf__mono_s() - start_s, counts[O_WRONG],
				counts[O_ERROR]);
		}
	}
	end_s = bcf__mono_s();
	cvc5_stop();
	Z3_del_context(zctx);
	getrusage(RUSAGE_SELF, &ru);

	bad = counts[O_WRONG] + counts[O_ERROR] + counts[O_CLI_MISMATCH] + counts[O_REF_DISAGREE];
	printf("# prover_diff: %lu conditions (seed %lu, %lu generated nodes, timeout %u ms, "
	       "references z3%s), %.1f s, peak RSS %ld KiB, %lu CLI runs\n",
	       tests_run, o.seed, gen_nodes, o.timeout_ms, o.use_cvc5 ? " + cvc5" : "",
	       end_s - start_s, ru.ru_maxrss,
	       cli_runs);
	printf("# wall seconds: prove %.1f, z3 reference %.1f, cvc5 reference %.1f, proof checks %.1f\n",
	       t_prove, t_z3, t_cvc5, t_check);
	printf("# reference queries: z3 %lu (%lu decided); cvc5 (1 condition in %u, %u ms each) "
	       "%lu (%lu decided; %lu decided by both, all agreeing unless counted below)\n",
	       z3_asked, z3_decided, o.use_cvc5 ? o.cvc5_every : 0, o.cvc5_timeout_ms,
	       cvc5_asked, cvc5_decided, both_decided);
	for (k = 0; k < O_MAX; k++)
		printf("# %-32s %lu\n", oname[k], counts[k]);
	for (k = 0; k < (int)nunprov; k++)
		printf("#   unprovable: %-40s %lu\n", unprov_names[k], unprovable_rules[k]);
	if (o.tap) {
		printf("1..4\n");
		printf("%s 1 - %lu conditions, no wrong verdict (%lu)\n",
		       counts[O_WRONG] ? "not ok" : "ok", tests_run, counts[O_WRONG]);
		printf("%s 2 - no error status or crash-like result (%lu)\n",
		       counts[O_ERROR] ? "not ok" : "ok", counts[O_ERROR]);
		printf("%s 3 - bcf prove binary agrees and writes a file only for a proof (%lu of %lu)\n",
		       counts[O_CLI_MISMATCH] ? "not ok" : "ok", counts[O_CLI_MISMATCH], cli_runs);
		printf("%s 4 - proofs and counterexamples were checked (%lu proven, %lu sat)\n",
		       counts[O_PROVEN_PATH] + counts[O_PROVEN_REFINE] && counts[O_SAT] ? "ok"
										 : "not ok",
		       counts[O_PROVEN_PATH] + counts[O_PROVEN_REFINE], counts[O_SAT]);
	}
	return bad ? 1 : 0;
}
