// SPDX-License-Identifier: MIT
/*
 * The checker's expression store: the static table, dynamic nodes with
 * reference counts, builders, structural equality and messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "checker/checker.h"

int ckr_init(struct bcf_checker *c, const uint32_t *exprs, uint32_t expr_cnt,
	     enum bcf_check_mode mode)
{
	uint32_t idx;
	int err;

	memset(c, 0, sizeof(*c));
	c->exprs = exprs;
	c->expr_cnt = expr_cnt;
	c->mode = mode;
	c->true_id = c->false_id = UINT32_MAX;
	c->cur_step = UINT32_MAX;
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

void ckr_fini(struct bcf_checker *c)
{
	uint32_t i;

	for (i = 0; i < c->ndyn; i++)
		free(c->dyn[i]);
	free(c->dyn);
	free(c->is_hdr);
	c->dyn = NULL;
	c->is_hdr = NULL;
	c->ndyn = c->dyn_cap = 0;
}

const struct bcf_expr *ckr_expr(const struct bcf_checker *c, uint32_t id)
{
	if (id < c->expr_cnt)
		return c->is_hdr[id] ? (const struct bcf_expr *)&c->exprs[id] : NULL;
	id -= c->expr_cnt;
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
	if (id < c->expr_cnt || id - c->expr_cnt >= c->ndyn)
		return NULL;
	return c->dyn[id - c->expr_cnt];
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
		c->dyn[cur - c->expr_cnt] = NULL;
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

	if ((uint64_t)c->expr_cnt + c->ndyn >= UINT32_MAX - 1)
		return ckr_fail(c, -E2BIG, "out of dynamic expression ids");
	if (c->ndyn == c->dyn_cap) {
		uint32_t cap = c->dyn_cap ? c->dyn_cap * 2 : 256;
		struct ckr_dyn **n = realloc(c->dyn, (size_t)cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		c->dyn = n;
		c->dyn_cap = cap;
	}
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
	*id = c->expr_cnt + c->ndyn++;
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

int ckr_equal(struct bcf_checker *c, uint32_t a, uint32_t b)
{
	uint32_t stack[CKR_EQ_STACK_MAX][2];
	unsigned sp = 0, i;

	if (a == b)
		return 1;
	stack[sp][0] = a;
	stack[sp][1] = b;
	sp++;
	while (sp) {
		const struct bcf_expr *x, *y;

		sp--;
		x = ckr_expr(c, stack[sp][0]);
		y = ckr_expr(c, stack[sp][1]);
		if (!x || !y)
			return 0;
		if (*(const uint32_t *)x != *(const uint32_t *)y)
			return 0;
		if (bcf_is_var(x))
			return 0; /* distinct ids */
		if (x->code == BCF_BV_VAL) {
			if (memcmp(x->args, y->args, x->vlen * sizeof(uint32_t)))
				return 0;
			continue;
		}
		for (i = x->vlen; i-- > 0;) {
			if (x->args[i] == y->args[i])
				continue;
			if (sp == CKR_EQ_STACK_MAX)
				return -E2BIG;
			stack[sp][0] = x->args[i];
			stack[sp][1] = y->args[i];
			sp++;
		}
	}
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

void ckr_warn_trusted(struct bcf_checker *c, const char *name)
{
	c->trusted = true;
	c->trusted_steps++;
	ckr_log(c, "; WARNING: applying trusted step %s\n", name);
}
