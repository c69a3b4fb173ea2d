// SPDX-License-Identifier: MIT
/*
 * The checker's expression store: the static table, dynamic nodes with
 * reference counts, builders, structural equality and messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checker.h"
#include "lang/grow.h"
#include "lang/print.h"

int ckr_init(struct bcf_checker *c, const uint32_t *exprs, uint32_t expr_cnt,
	     enum bcf_check_mode mode)
{
	uint32_t idx;
	int err;

	memset(c, 0, sizeof(*c));
	c->kt_first_step = UINT32_MAX;
	c->exprs = exprs;
	c->expr_cnt = expr_cnt;
	c->mode = mode;
	c->eq_cached = mode == BCF_CHECK_KERNEL_COMPAT;
	c->true_id = c->false_id = UINT32_MAX;
	c->cur_step = UINT32_MAX;
	c->dyn_base = expr_cnt;
	c->own_is_hdr = true;
	c->is_hdr = calloc(expr_cnt ? expr_cnt : 1, 1);
	if (!c->is_hdr)
		return -ENOMEM;
	for (idx = 0; idx < expr_cnt; idx += (exprs[idx] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&exprs[idx];

		c->is_hdr[idx] = 1;
		if (e->code == BCF_BOOL_VAL) {
			if ((e->params & 1) && c->true_id == UINT32_MAX)
				c->true_id = idx;
			if (!(e->params & 1) && c->false_id == UINT32_MAX)
				c->false_id = idx;
		}
	}
	if (c->true_id == UINT32_MAX) {
		err = ckr_new(c, BCF_BOOL_VAL, 0, BCF_TRUE, NULL, &c->true_id);
		if (err)
			return err;
	}
	if (c->false_id == UINT32_MAX) {
		err = ckr_new(c, BCF_BOOL_VAL, 0, BCF_FALSE, NULL, &c->false_id);
		if (err)
			return err;
	}
	return 0;
}

int ckr_init_builder(struct bcf_checker *c, enum bcf_check_mode mode, uint32_t true_id,
		     uint32_t false_id)
{
	memset(c, 0, sizeof(*c));
	c->kt_first_step = UINT32_MAX;
	c->mode = mode;
	c->dyn_base = CKR_BUILDER_DYN_BASE;
	c->true_id = true_id;
	c->false_id = false_id;
	c->cur_step = UINT32_MAX;
	return 0;
}

void ckr_builder_attach(struct bcf_checker *c, const uint32_t *words, uint32_t nwords,
			uint8_t *is_hdr)
{
	c->exprs = words;
	c->expr_cnt = nwords < CKR_BUILDER_DYN_BASE ? nwords : CKR_BUILDER_DYN_BASE;
	c->is_hdr = is_hdr;
}

void ckr_fini(struct bcf_checker *c)
{
	uint32_t i;

	for (i = 0; i < c->ndyn; i++)
		free(c->dyn[i]);
	free(c->dyn);
	if (c->own_is_hdr)
		free(c->is_hdr);
	ckr_pairmap__free(&c->eq_memo);
	c->dyn = NULL;
	c->is_hdr = NULL;
	c->ndyn = c->dyn_cap = 0;
}

const struct bcf_expr *ckr_expr(const struct bcf_checker *c, uint32_t id)
{
	if (id < c->dyn_base)
		return id < c->expr_cnt && c->is_hdr[id] ? (const struct bcf_expr *)&c->exprs[id] :
							    NULL;
	id -= c->dyn_base;
	if (id >= c->ndyn || !c->dyn[id])
		return NULL;
	return (const struct bcf_expr *)c->dyn[id]->words;
}

const struct bcf_expr *ckr_lookup(void *checker, uint32_t id)
{
	return ckr_expr(checker, id);
}

static struct ckr_dyn *dyn_node(const struct bcf_checker *c, uint32_t id)
{
	if (id < c->dyn_base || id - c->dyn_base >= c->ndyn)
		return NULL;
	return c->dyn[id - c->dyn_base];
}

void ckr_get(struct bcf_checker *c, uint32_t id)
{
	struct ckr_dyn *d = dyn_node(c, id);

	if (d)
		d->refcnt++;
}

void ckr_put(struct bcf_checker *c, uint32_t id)
{
	uint32_t stack_buf[64], *stack = stack_buf, sp = 0, cap = 64;

	stack[sp++] = id;
	while (sp) {
		struct ckr_dyn *d;
		const struct bcf_expr *e;
		uint32_t i, cur = stack[--sp];

		d = dyn_node(c, cur);
		if (!d || --d->refcnt)
			continue;
		if (cur == c->true_id || cur == c->false_id) {
			d->refcnt = 1; /* built-ins are never freed */
			continue;
		}
		e = (const struct bcf_expr *)d->words;
		if (e->code != BCF_BV_VAL) {
			for (i = 0; i < e->vlen; i++) {
				if (!dyn_node(c, e->args[i]))
					continue;
				if (sp == cap) {
					uint32_t *n = malloc(2 * cap * sizeof(*n));

					if (!n)
						continue; /* leak rather than crash */
					memcpy(n, stack, sp * sizeof(*n));
					if (stack != stack_buf)
						free(stack);
					stack = n;
					cap *= 2;
				}
				stack[sp++] = e->args[i];
			}
		}
		free(d);
		c->dyn[cur - c->dyn_base] = NULL;
		c->live_dyn--;
	}
	if (stack != stack_buf)
		free(stack);
}

int ckr_new(struct bcf_checker *c, uint8_t code, uint8_t vlen, uint16_t params,
	    const uint32_t *args, uint32_t *id)
{
	struct ckr_dyn *d;
	uint32_t i;

	if ((uint64_t)c->dyn_base + c->ndyn >= UINT32_MAX - 1)
		return ckr_fail(c, -E2BIG, "out of dynamic expression ids");
	if (bcf__grow((void **)&c->dyn, &c->dyn_cap, (size_t)c->ndyn + 1, sizeof(*c->dyn)))
		return -ENOMEM;
	d = malloc(sizeof(*d) + (vlen + 1) * sizeof(uint32_t));
	if (!d)
		return -ENOMEM;
	d->refcnt = 1;
	d->words[0] = BCF_EXPR_HDR(code, vlen, params);
	if (vlen)
		memcpy(&d->words[1], args, vlen * sizeof(uint32_t));
	if (code != BCF_BV_VAL)
		for (i = 0; i < vlen; i++)
			ckr_get(c, args[i]);
	c->dyn[c->ndyn] = d;
	*id = c->dyn_base + c->ndyn++;
	if (++c->live_dyn > c->peak_dyn)
		c->peak_dyn = c->live_dyn;
	return 0;
}

int ckr_not(struct bcf_checker *c, uint32_t a, uint32_t *id)
{
	return ckr_new(c, BCF_BOOL_NOT, 1, 0, &a, id);
}

int ckr_eq(struct bcf_checker *c, uint32_t a, uint32_t b, uint32_t *id)
{
	uint32_t args[2] = { a, b };

	return ckr_new(c, BCF_BOOL_EQ, 2, 0, args, id);
}

int ckr_disj(struct bcf_checker *c, const uint32_t *args, unsigned n, uint32_t *id)
{
	if (n > 255)
		return ckr_fail(c, -E2BIG, "disjunction of %u literals (max 255)", n);
	return ckr_new(c, BCF_BOOL_DISJ, n, 0, args, id);
}

int ckr_conj(struct bcf_checker *c, const uint32_t *args, unsigned n, uint32_t *id)
{
	if (n > 255)
		return ckr_fail(c, -E2BIG, "conjunction of %u arguments (max 255)", n);
	return ckr_new(c, BCF_BOOL_CONJ, n, 0, args, id);
}

int ckr_bv_const(struct bcf_checker *c, unsigned width, uint64_t value, uint32_t *id)
{
	uint32_t v[2];

	if (width < 1 || width > 64)
		return ckr_fail(c, -E2BIG, "constant of width %u", width);
	value &= bcf_mask(width);
	v[0] = (uint32_t)value;
	v[1] = (uint32_t)(value >> 32);
	return ckr_new(c, BCF_BV_VAL, bcf_val_words(width), width, v, id);
}

int ckr_typecheck(struct bcf_checker *c, uint32_t id, const char **why)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	if (!e) {
		*why = "not a live expression id";
		return -EINVAL;
	}
	return bcf_expr__typecheck(e, ckr_lookup, c, why);
}

bool ckr_is_true(const struct bcf_checker *c, uint32_t id)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	return e && e->code == BCF_BOOL_VAL && (e->params & 1);
}

bool ckr_is_false(const struct bcf_checker *c, uint32_t id)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	return e && e->code == BCF_BOOL_VAL && !(e->params & 1);
}

/* ---- structural equality, walked as the kernel walks it, remembered by pair ---- */

/*
 * The kernel compares depth first with an explicit stack of open pairs and
 * remembers nothing between comparisons, so a pair's verdict depends on how
 * deep it is reached.  Only an inner pair with equal headers is opened (a
 * leaf pair is compared at once, a pair whose headers differ ends the
 * comparison), and opening one while CKR_EQ_STACK_MAX pairs are open fails
 * the comparison.  A pair reached with L pairs open whose own walk opens
 * `cost` nested levels therefore fails it if L + cost - 1 reaches the limit,
 * and its cost does not depend on L:
 *   equal:     1 + the largest cost of its distinct-id argument pairs;
 *   different: 1 + the largest cost of the argument pairs walked before the
 *              first different one, and of that one;
 *   a leaf pair, or a pair whose headers differ: 0.
 * eq_memo keeps the pairs walked to their end (equal inner pairs, and the
 * root of a walk that found a difference) with their verdict and cost, so
 * an equal pair is walked once per proof: the verdicts of a walk that
 * remembers nothing, without its exponential time.  That is strict mode and
 * the proof builder: an upper bound of the kernel's depth.
 *
 * The kernel's own comparison also rewrites the argument ids of nodes it
 * found equal to one id (rules-bool.md 1.4), so a pair it found equal is
 * later skipped as identical.  Kernel-compat mode (eq_cached) models that:
 * a pair found equal by any earlier walk costs nothing.  Costs then only
 * fall as the proof goes on, so a remembered "different" cost is an upper
 * bound, trusted when it fits and walked again when it does not.  With this
 * model the verdicts on all 1231 upstream proofs of the shared vectors are
 * the upstream checker's (tests/test_check_vectors); without it four deep
 * TRANS comparisons overflow.
 */
#define EQ_DIFF 0x80000000u /* eq_memo value: different; the low bits: cost */

struct eq_frame {
	uint32_t a, b;
	const struct bcf_expr *x, *y;
	uint32_t i;    /* next argument */
	uint32_t cost; /* largest cost of its finished argument pairs */
};

static uint64_t eq_key(uint32_t a, uint32_t b)
{
	return a < b ? ckr_pair_key(a, b) : ckr_pair_key(b, a);
}

/*
 * Remember a pair walked to its end.  Without eq_cached the memo only saves
 * time, and a pair opening at most EQ_CHEAP levels is cheap to walk again
 * (its arguments' pairs are remembered or leaves), so it is not kept.  With
 * eq_cached, an equal pair's entry is what makes it free later: every one is
 * kept.
 */
#define EQ_CHEAP 2

static int eq_remember(struct bcf_checker *c, uint32_t a, uint32_t b, uint32_t v)
{
	if ((v & ~EQ_DIFF) <= EQ_CHEAP && (!c->eq_cached || (v & EQ_DIFF)))
		return 0;
	return ckr_pairmap__put(&c->eq_memo, eq_key(a, b), v);
}

/* A pair of distinct ids: 1 equal leaves, 0 different at once, 2 inner pair to walk. */
static int eq_shallow(const struct bcf_expr *x, const struct bcf_expr *y)
{
	if (!x || !y || *(const uint32_t *)x != *(const uint32_t *)y || bcf_is_var(x))
		return 0;
	if (bcf_is_leaf(x))
		return !memcmp(x->args, y->args, x->vlen * sizeof(uint32_t));
	return 2;
}

int ckr_equal(struct bcf_checker *c, uint32_t a, uint32_t b)
{
	struct eq_frame stack[CKR_EQ_STACK_MAX];
	const struct bcf_expr *x, *y;
	uint32_t v, cost, ai, bi;
	unsigned sp = 0;
	int r;

	if (a == b)
		return 1;
	x = ckr_expr(c, a);
	y = ckr_expr(c, b);
	r = eq_shallow(x, y);
	if (r != 2)
		return r;
	/* a remembered pair was walked to its end from some level, so from the root too */
	if (ckr_pairmap__find(&c->eq_memo, eq_key(a, b), &v))
		return !(v & EQ_DIFF);
	stack[sp++] = (struct eq_frame){ a, b, x, y, 0, 0 };
	for (;;) {
		struct eq_frame *f = &stack[sp - 1];

		if (f->i == f->x->vlen) {
			/* every argument pair is equal */
			cost = f->cost + 1;
			if (eq_remember(c, f->a, f->b, cost))
				return -ENOMEM;
			if (--sp == 0)
				return 1;
			if (stack[sp - 1].cost < cost)
				stack[sp - 1].cost = cost;
			continue;
		}
		ai = f->x->args[f->i];
		bi = f->y->args[f->i];
		f->i++;
		if (ai == bi)
			continue;
		x = ckr_expr(c, ai);
		y = ckr_expr(c, bi);
		r = eq_shallow(x, y);
		cost = 0; /* a leaf pair, or different headers: nothing opened */
		if (r == 1)
			continue;
		if (r == 2) {
			if (!ckr_pairmap__find(&c->eq_memo, eq_key(ai, bi), &v)) {
				if (sp == CKR_EQ_STACK_MAX)
					return -E2BIG;
				stack[sp++] = (struct eq_frame){ ai, bi, x, y, 0, 0 };
				continue;
			}
			cost = v & ~EQ_DIFF;
			if (!(v & EQ_DIFF) && c->eq_cached)
				continue; /* found equal before: as if identical */
			if (sp + cost - 1 >= CKR_EQ_STACK_MAX) {
				if (!c->eq_cached)
					return -E2BIG;
				/* an upper bound only: walk it again */
				if (sp == CKR_EQ_STACK_MAX)
					return -E2BIG;
				stack[sp++] = (struct eq_frame){ ai, bi, x, y, 0, 0 };
				continue;
			}
			if (!(v & EQ_DIFF)) {
				if (f->cost < cost)
					f->cost = cost;
				continue;
			}
		}
		/* a different pair: every open pair is different, at the cost walked so far;
		 * only the root is remembered (walking a path again is cheap, and a proof
		 * builder compares millions of literals that differ deep down) */
		while (sp) {
			f = &stack[--sp];
			cost = 1 + (f->cost > cost ? f->cost : cost);
		}
		if (eq_remember(c, f->a, f->b, cost | EQ_DIFF))
			return -ENOMEM;
		return 0;
	}
}

int ckr_fail(struct bcf_checker *c, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->reason, sizeof(c->reason), fmt, ap);
	va_end(ap);
	return err;
}

void ckr_log(struct bcf_checker *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->log_level || !c->log)
		return;
	va_start(ap, fmt);
	c->log(c->log_ctx, fmt, ap);
	va_end(ap);
}

void ckr_kernel_trusted(struct bcf_checker *c, uint16_t rule, uint32_t fact)
{
	c->kt_steps++;
	c->kt_rule_steps.n[rule >> 13 & 3][rule & 63]++;
	if (c->kt_first_step == UINT32_MAX) {
		unsigned depth = 4;

		c->kt_first_step = c->cur_step;
		/* as deep as fits */
		while (bcf__print_kernel_expr(ckr_lookup, c, fact, depth, c->kt_first,
					      sizeof(c->kt_first)) < 0)
			if (--depth == 0) {
				snprintf(c->kt_first, sizeof(c->kt_first), "@t%u", fact);
				break;
			}
	}
}

void ckr_warn_trusted(struct bcf_checker *c, const char *name)
{
	c->trusted = true;
	c->trusted_steps++;
	ckr_log(c, "; WARNING: applying trusted step %s\n", name);
}
