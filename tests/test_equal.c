// SPDX-License-Identifier: MIT
/*
 * ckr_equal() against reference walks of the kernel's structural
 * equality (rules-bool.md 1.4: depth first, in argument order, identical ids
 * skipped, variables by id, leaves compared at once, -E2BIG when an inner
 * pair must be opened with 128 pairs open, nothing remembered between
 * comparisons).
 *
 * In kernel-compat mode pairs found equal before are skipped as identical
 * (store.c: our model of the kernel's id rewriting), in strict mode nothing
 * is.  ckr_equal() remembers every pair it walks, for the whole proof, so the
 * expressions here are chains up to 200 deep whose copies are structurally
 * equal under distinct ids, with shared subterms reached at several depths
 * and single differences (a constant, an operator) placed anywhere: the
 * same pair is then met at other depths by later comparisons, which is where
 * a remembered verdict could differ from the kernel's.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "checker/checker.h"
#include "checker/pairmap.h"
#include "tests/rng.h"
#include "tests/tap.h"

#define MAXW (1u << 20)

static uint32_t words[MAXW];
static uint32_t nwords;
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
	xorshift64(&rng);
	return (uint32_t)(rng % n);
}

static uint32_t node(uint8_t code, uint16_t params, const uint32_t *args, uint8_t n)
{
	uint32_t id = nwords;

	if (nwords + 1 + n > MAXW)
		{
		printf("Bail out! table full\n");
		exit(1);
	}
	words[nwords++] = BCF_EXPR_HDR(code, n, params);
	if (n)
		memcpy(&words[nwords], args, n * sizeof(*args));
	nwords += n;
	return id;
}

static uint32_t vars[4];

/*
 * One random chain, drawn from its own stream so that two calls with the same
 * seed build structurally equal copies (every node new); mutate >= 0 changes
 * the draw of that node (a constant's value or an operator).  shared[] are
 * subterms of this copy referenced at several depths.
 */
struct gen {
	uint64_t s;
	int mutate, step;
	uint32_t shared[4];
	uint32_t at_depth[256];
};

static uint32_t g_rnd(struct gen *g, uint32_t n)
{
	xorshift64(&g->s);
	return (uint32_t)(g->s % n);
}

static uint32_t leaf(struct gen *g)
{
	uint32_t k = g_rnd(g, 8), v;
	bool mut = g->step++ == g->mutate;

	if (k < 3 && !mut)
		return vars[k];
	v = k + (mut ? 100 : 0);
	return node(BCF_BV_VAL, 32, &v, 1);
}

/* small subtree (height <= h) */
static uint32_t small(struct gen *g, unsigned h)
{
	uint32_t a[2];
	bool mut;
	uint8_t op;

	if (!h || g_rnd(g, 3) == 0)
		return leaf(g);
	a[0] = small(g, h - 1);
	a[1] = small(g, h - 1);
	op = g_rnd(g, 2) ? BCF_BV_ADD : BCF_BV_XOR;
	mut = g->step++ == g->mutate;
	if (mut)
		op = op == BCF_BV_ADD ? BCF_BV_AND : BCF_BV_OR;
	return node(op, 32, a, 2);
}

static uint32_t chain(struct gen *g, unsigned depth)
{
	uint32_t cur = small(g, 2), a[2];
	unsigned d;

	g->at_depth[depth] = cur;
	for (d = depth; d-- > 0;) {
		uint32_t side = g_rnd(g, 5) == 0 ? g->shared[g_rnd(g, 4)] : small(g, 2);
		bool first = g_rnd(g, 2), mut;
		uint8_t op = BCF_BV_ADD;

		a[first ? 0 : 1] = cur;
		a[first ? 1 : 0] = side;
		mut = g->step++ == g->mutate;
		if (mut)
			op = BCF_BV_SUB;
		cur = node(op, 32, a, 2);
		g->at_depth[d] = cur;
	}
	return cur;
}

/* A copy: shared subterms (themselves short chains) first, then the chain. */
static uint32_t build(struct gen *g, uint64_t seed, unsigned depth, int mutate)
{
	unsigned i;
	struct gen sub;

	memset(g, 0, sizeof(*g));
	g->s = seed | 1;
	g->mutate = mutate;
	for (i = 0; i < 4; i++) {
		memset(&sub, 0, sizeof(sub));
		sub.s = (seed ^ (0x1234567ull * (i + 1))) | 1;
		sub.mutate = -1;
		sub.shared[0] = sub.shared[1] = sub.shared[2] = sub.shared[3] = vars[i];
		g->shared[i] = chain(&sub, 20 + 15 * i);
	}
	return chain(g, depth);
}

/*
 * The reference walk.  Without `seen` nothing is remembered (strict mode's
 * model); with it, every inner pair the walks found equal is skipped later as
 * if identical (kernel-compat mode's model of the kernel's id rewriting).
 */
static uint64_t pkey(uint32_t a, uint32_t b)
{
	return a < b ? ckr_pair_key(a, b) : ckr_pair_key(b, a);
}

static int ref_equal(uint32_t a, uint32_t b, struct ckr_pairmap *seen)
{
	struct { uint32_t a, b, i; } st[CKR_EQ_STACK_MAX];
	const struct bcf_expr *x, *y;
	unsigned sp = 0;
	uint32_t v;

	if (a == b)
		return 1;
	x = (const struct bcf_expr *)&words[a];
	y = (const struct bcf_expr *)&words[b];
	if (words[a] != words[b] || bcf_is_var(x))
		return 0;
	if (bcf_is_leaf(x))
		return !memcmp(x->args, y->args, x->vlen * 4);
	if (seen && ckr_pairmap__find(seen, pkey(a, b), &v))
		return 1;
	st[sp].a = a, st[sp].b = b, st[sp].i = 0, sp++;
	while (sp) {
		uint32_t ai, bi;

		x = (const struct bcf_expr *)&words[st[sp - 1].a];
		y = (const struct bcf_expr *)&words[st[sp - 1].b];
		if (st[sp - 1].i == x->vlen) {
			sp--;
			if (seen && ckr_pairmap__put(seen, pkey(st[sp].a, st[sp].b), 1))
				return -ENOMEM;
			continue;
		}
		ai = x->args[st[sp - 1].i];
		bi = y->args[st[sp - 1].i];
		st[sp - 1].i++;
		if (ai == bi)
			continue;
		x = (const struct bcf_expr *)&words[ai];
		y = (const struct bcf_expr *)&words[bi];
		if (words[ai] != words[bi] || bcf_is_var(x))
			return 0;
		if (bcf_is_leaf(x)) {
			if (memcmp(x->args, y->args, x->vlen * 4))
				return 0;
			continue;
		}
		if (seen && ckr_pairmap__find(seen, pkey(ai, bi), &v))
			continue;
		if (sp == CKR_EQ_STACK_MAX)
			return -E2BIG;
		st[sp].a = ai, st[sp].b = bi, st[sp].i = 0, sp++;
	}
	return 1;
}

struct pairs {
	uint32_t a[256], b[256];
	unsigned depth;
};

/* The same 4000 comparisons, in one order, on one checker: its verdicts against the model's. */
static void run(const char *name, enum bcf_check_mode mode, const struct pairs *pairs, bool cached)
{
	struct ckr_pairmap seen = { 0 };
	unsigned k, seen_v[3] = { 0 }, wrong = 0;
	uint64_t saved = rng;
	struct bcf_checker c;
	int err;

	err = ckr_init(&c, words, nwords, mode);
	ok(!err, "%s: checker over %u words (%d)", name, nwords, err);
	if (err)
		return;
	/* deep pairs first, then shallow ones and the roots, in a random order, so that
	 * remembered pairs are met again at other depths */
	for (k = 0; k < 4000; k++) {
		unsigned r = rnd(60), d = rnd(pairs[r].depth + 1);
		int want, got;

		if (k >= 2000 && rnd(2))
			d = 0;
		want = ref_equal(pairs[r].a[d], pairs[r].b[d], cached ? &seen : NULL);
		got = ckr_equal(&c, pairs[r].a[d], pairs[r].b[d]);
		if (got != want && wrong++ < 5)
			diag("%s: round %u depth %u of %u: ckr_equal %d, the model's walk %d", name,
			     r, d, pairs[r].depth, got, want);
		seen_v[want == 1 ? 0 : want == 0 ? 1 : 2]++;
	}
	ok(!wrong, "%s: 4000 comparisons: ckr_equal gives the model walk's verdict (%u differ)",
	   name, wrong);
	ok(seen_v[0] > 100 && seen_v[1] > 100 && seen_v[2] > 20,
	   "%s: every verdict occurs: %u equal, %u different, %u too deep", name, seen_v[0],
	   seen_v[1], seen_v[2]);
	ckr_fini(&c);
	ckr_pairmap__free(&seen);
	rng = saved;
}

int main(void)
{
	static struct gen ga, gb;
	struct pairs *pairs = calloc(60, sizeof(*pairs));
	unsigned round, k;

	if (!pairs) {
		printf("Bail out! out of memory\n");
		return 1;
	}
	for (k = 0; k < 4; k++)
		vars[k] = node(BCF_BV_VAR, 32, NULL, 0);
	for (round = 0; round < 60; round++) {
		unsigned depth = 60 + rnd(141); /* 60..200 */
		uint64_t seed = 1000 + round;
		int mutate = round % 3 == 0 ? -1 : (int)rnd(depth * 4);

		pairs[round].depth = depth;
		build(&ga, seed, depth, -1);
		build(&gb, seed, depth, mutate);
		memcpy(pairs[round].a, ga.at_depth, sizeof(ga.at_depth));
		memcpy(pairs[round].b, gb.at_depth, sizeof(gb.at_depth));
	}
	run("strict (nothing remembered)", BCF_CHECK_STRICT, pairs, false);
	run("kernel-compat (equal pairs as identical)", BCF_CHECK_KERNEL_COMPAT, pairs, true);
	free(pairs);
	return done_testing();
}
