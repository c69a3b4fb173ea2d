// SPDX-License-Identifier: MIT
/*
 * The checker's expression store: the static table, dynamic nodes with
 * reference counts, builders, structural equality and messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "checker/checker.h"
#include "lang/grow.h"
#include "lang/print.h"

/*
 * Structural hashes: structurally equal nodes (ckr_equal) have equal
 * hashes, so unequal known hashes answer "different" at once.  A variable
 * hashes its id (variables are equal only to themselves), a leaf its words,
 * an inner node its header and its arguments' hashes.  0 = unknown.
 */
static uint32_t mix(uint32_t h, uint32_t v)
{
	h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
	h *= 0x85ebca6bu;
	return h ^ (h >> 15);
}

static uint32_t id_hash(const struct bcf_checker *c, uint32_t id);

static uint32_t node_hash(const struct bcf_checker *c, uint32_t id, const uint32_t *w)
{
	const struct bcf_expr *e = (const struct bcf_expr *)w;
	uint32_t h = mix(0x5bd1e995u, w[0]), i, a;

	if (bcf_is_var(e))
		return mix(h, id) | 1;
	for (i = 0; i < e->vlen; i++) {
		if (e->code == BCF_BV_VAL) {
			h = mix(h, e->args[i]);
			continue;
		}
		a = id_hash(c, e->args[i]);
		if (!a)
			return 0;
		h = mix(h, a);
	}
	return h | 1;
}

static uint32_t id_hash(const struct bcf_checker *c, uint32_t id)
{
	if (id < c->dyn_base)
		return c->shash && id < c->expr_cnt ? c->shash[id] : 0;
	id -= c->dyn_base;
	return id < c->ndyn && c->dyn[id] ? c->dyn[id]->hash : 0;
}

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
	c->true_id = c->false_id = UINT32_MAX;
	c->cur_step = UINT32_MAX;
	c->dyn_base = expr_cnt;
	c->own_is_hdr = true;
	c->is_hdr = calloc(expr_cnt ? expr_cnt : 1, 1);
	if (!c->is_hdr)
		return -ENOMEM;
	c->shash = calloc(expr_cnt ? expr_cnt : 1, sizeof(*c->shash)); /* optional */
	for (idx = 0; idx < expr_cnt; idx += (exprs[idx] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&exprs[idx];

		c->is_hdr[idx] = 1;
		/* arguments precede their users, so their hashes are known */
		if (c->shash)
			c->shash[idx] = node_hash(c, idx, &exprs[idx]);
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
	free(c->shash);
	c->shash = NULL;
	free(c->uf);
	free(c->uf_dyn);
	free(c->uf_log);
	c->uf = NULL;
	c->uf_dyn = NULL;
	c->uf_log = NULL;
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
	d->hash = node_hash(c, *id, d->words);
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

/* ---- structural equality with a persistent union-find of equal ids ---- */

/*
 * Union-find slots: static ids index uf[] directly, dynamic ids index
 * uf_dyn[] from dyn_base (so a builder's dynamic ids far above its static
 * table cost nothing).  NULL = not reserved, i.e. its own root.
 */
static uint32_t *uf_at(struct bcf_checker *c, uint32_t id)
{
	if (id < c->dyn_base)
		return id < c->uf_cap ? &c->uf[id] : NULL;
	id -= c->dyn_base;
	return id < c->uf_dyn_cap ? &c->uf_dyn[id] : NULL;
}

static int uf_grow(uint32_t **arr, size_t *capp, uint32_t idx)
{
	return bcf__grow_from((void **)arr, capp, (size_t)idx + 1, sizeof(**arr), 64);
}

static int uf_reserve(struct bcf_checker *c, uint32_t id)
{
	if (id < c->dyn_base)
		return uf_grow(&c->uf, &c->uf_cap, id);
	return uf_grow(&c->uf_dyn, &c->uf_dyn_cap, id - c->dyn_base);
}

/* Write a reserved slot, logged while a comparison is in progress. */
static int uf_set(struct bcf_checker *c, uint32_t id, uint32_t parent_plus1)
{
	uint32_t *slot = uf_at(c, id);

	if (c->uf_logging) {
		if (bcf__grow((void **)&c->uf_log, &c->uf_logcap, c->uf_nlog + 1,
			      sizeof(*c->uf_log)))
			return -ENOMEM;
		c->uf_log[c->uf_nlog][0] = id;
		c->uf_log[c->uf_nlog][1] = *slot;
		c->uf_nlog++;
	}
	*slot = parent_plus1;
	return 0;
}

/* Representative of id's class. */
static uint32_t uf_find(struct bcf_checker *c, uint32_t id)
{
	uint32_t *slot, *pslot;

	while ((slot = uf_at(c, id)) && *slot) {
		uint32_t p = *slot - 1;

		/* path halving; skipped silently if the log cannot grow */
		pslot = uf_at(c, p);
		if (pslot && *pslot)
			uf_set(c, id, *pslot);
		id = p;
	}
	return id;
}

static void uf_rollback(struct bcf_checker *c)
{
	while (c->uf_nlog) {
		c->uf_nlog--;
		*uf_at(c, c->uf_log[c->uf_nlog][0]) = c->uf_log[c->uf_nlog][1];
	}
	c->uf_logging = false;
}

/*
 * Compare one pair: 1 equal leaves or known equal, 2 equal headers of an
 * inner pair to descend into, 0 different.
 */
static int eq_pair(struct bcf_checker *c, uint32_t a, uint32_t b)
{
	const struct bcf_expr *x, *y;
	uint32_t ra = uf_find(c, a), rb = uf_find(c, b), ha, hb;

	if (ra == rb)
		return 1;
	x = ckr_expr(c, a);
	y = ckr_expr(c, b);
	if (!x || !y || *(const uint32_t *)x != *(const uint32_t *)y || bcf_is_var(x))
		return 0;
	ha = id_hash(c, a);
	hb = id_hash(c, b);
	if (ha && hb && ha != hb)
		return 0;
	if (x->code == BCF_BV_VAL && memcmp(x->args, y->args, x->vlen * sizeof(uint32_t)))
		return 0;
	/*
	 * Assume the pair equal while its arguments are compared: the DAG is
	 * acyclic, and if any pair differs the whole comparison fails and
	 * every union made during it is undone.
	 */
	if (uf_reserve(c, ra) || uf_set(c, ra, rb + 1))
		return -ENOMEM;
	return bcf_is_leaf(x) ? 1 : 2;
}

int ckr_equal(struct bcf_checker *c, uint32_t a, uint32_t b)
{
	struct { const struct bcf_expr *x, *y; uint32_t i; } stack[CKR_EQ_STACK_MAX];
	const struct bcf_expr *x, *y;
	uint32_t ha, hb;
	unsigned sp = 0;
	int r;

	if (a == b)
		return 1;
	/* quick answers: equal nodes have equal headers; known classes */
	x = ckr_expr(c, a);
	y = ckr_expr(c, b);
	if (!x || !y || *(const uint32_t *)x != *(const uint32_t *)y)
		return 0;
	ha = id_hash(c, a);
	hb = id_hash(c, b);
	if (ha && hb && ha != hb)
		return 0;
	if (uf_find(c, a) == uf_find(c, b))
		return 1;
	c->uf_logging = true;
	c->uf_nlog = 0;
	r = eq_pair(c, a, b);
	if (r == 2) {
		stack[sp].x = x;
		stack[sp].y = y;
		stack[sp].i = 0;
		sp++;
		r = 1;
	}
	while (sp && r == 1) {
		uint32_t i = stack[sp - 1].i++, ai, bi;

		x = stack[sp - 1].x;
		y = stack[sp - 1].y;
		if (i == x->vlen) {
			sp--;
			continue;
		}
		ai = x->args[i];
		bi = y->args[i];
		if (ai == bi)
			continue;
		if (sp == CKR_EQ_STACK_MAX) {
			r = -E2BIG;
			break;
		}
		r = eq_pair(c, ai, bi);
		if (r == 2) {
			stack[sp].x = ckr_expr(c, ai);
			stack[sp].y = ckr_expr(c, bi);
			stack[sp].i = 0;
			sp++;
			r = 1;
		}
	}
	if (r != 1) {
		uf_rollback(c);
		return r;
	}
	c->uf_logging = false;
	c->uf_nlog = 0;
	return 1;
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
