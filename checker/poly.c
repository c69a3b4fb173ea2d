// SPDX-License-Identifier: MIT
/*
 * Polynomial normaliser (spec/rules-bv.md 5.3); see checker/poly.h.
 *
 * Classes live in one hash-consing pool of word keys:
 *   [VAR, id]                       a variable (identity = its id)
 *   [ATOM, header, arg...]          any non-polynomial node; arg = the
 *                                   argument's class (raw words for bv_val)
 *   [MONO, atom...]                 a monomial, atoms sorted ascending
 *   [POLY, width, (mono, lo, hi)*]  terms sorted by monomial class
 * Equal keys get equal class numbers, so comparing classes compares
 * normal forms.  Expressions are visited bottom-up with an explicit stack
 * and memoised by id.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "checker/pairmap.h"
#include "checker/poly.h"
#include "lang/grow.h"
#include "lang/expr.h"

enum { TAG_VAR = 1, TAG_ATOM, TAG_MONO, TAG_POLY };

struct ent {
	uint32_t off, len, hash, rep;
};

struct pterm {
	uint32_t mono;
	uint64_t coef;
};

struct tvec {
	struct pterm *t;
	size_t n, cap;
};

struct poly_norm {
	bcf_expr_lookup_fn lookup;
	void *ctx;
	/* class pool */
	uint32_t *w;
	size_t nw, capw;
	struct ent *e;
	uint32_t ne, cape;
	uint32_t *slot; /* entry index + 1, 0 empty */
	uint32_t nslot;
	/* memo: expression id -> class */
	struct ckr_pairmap memo; /* id + 1 -> class */
	/* scratch */
	uint32_t *stack;
	size_t scap;
	uint32_t *key;
	size_t kcap;
	struct tvec acc, tmp, prod;
	uint32_t mono_one;
	uint64_t work; /* operations in the current query */
	const char *why;
};

static int fail(struct poly_norm *p, int err, const char *why)
{
	p->why = why;
	return err;
}

static uint32_t hash_words(const uint32_t *k, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= k[i];
		h *= 16777619u;
		h ^= h >> 15;
	}
	return h;
}

static int grow(void **buf, size_t *cap, size_t need, size_t elem)
{
	return bcf__grow_from(buf, cap, need, elem, 64);
}

static int key_room(struct poly_norm *p, size_t n)
{
	return grow((void **)&p->key, &p->kcap, n, sizeof(uint32_t));
}

static int rehash(struct poly_norm *p)
{
	uint32_t n = p->nslot ? p->nslot * 2 : 1024, i;
	uint32_t *s = calloc(n, sizeof(*s));

	if (!s)
		return -ENOMEM;
	for (i = 0; i < p->ne; i++) {
		uint32_t j = p->e[i].hash & (n - 1);

		while (s[j])
			j = (j + 1) & (n - 1);
		s[j] = i + 1;
	}
	free(p->slot);
	p->slot = s;
	p->nslot = n;
	return 0;
}

/* Intern key[0..n) (not inside p->w); *cls is its class. */
static int intern(struct poly_norm *p, const uint32_t *key, size_t n, uint32_t rep,
		  uint32_t *cls)
{
	uint32_t h = hash_words(key, n), j;
	size_t cape = p->cape;
	int err;

	if ((size_t)(p->ne + 1) * 2 > p->nslot) {
		err = rehash(p);
		if (err)
			return fail(p, err, "out of memory");
	}
	for (j = h & (p->nslot - 1); p->slot[j]; j = (j + 1) & (p->nslot - 1)) {
		const struct ent *x = &p->e[p->slot[j] - 1];

		if (x->hash == h && x->len == n && !memcmp(&p->w[x->off], key, n * sizeof(*key))) {
			*cls = p->slot[j] - 1;
			return 0;
		}
	}
	if (p->ne >= UINT32_MAX / 4)
		return fail(p, -E2BIG, "too many classes");
	if (grow((void **)&p->w, &p->capw, p->nw + n, sizeof(uint32_t)) ||
	    grow((void **)&p->e, &cape, (size_t)p->ne + 1, sizeof(struct ent)))
		return fail(p, -ENOMEM, "out of memory");
	p->cape = (uint32_t)cape;
	memcpy(&p->w[p->nw], key, n * sizeof(*key));
	p->e[p->ne] = (struct ent){ (uint32_t)p->nw, (uint32_t)n, h, rep };
	p->nw += n;
	p->slot[j] = p->ne + 1;
	*cls = p->ne++;
	return 0;
}

/* ---- memo ------------------------------------------------------------- */

static bool memo_get(const struct poly_norm *p, uint32_t id, uint32_t *cls)
{
	return ckr_pairmap__find(&p->memo, (uint64_t)id + 1, cls);
}

static int memo_put(struct poly_norm *p, uint32_t id, uint32_t cls)
{
	if (ckr_pairmap__put(&p->memo, (uint64_t)id + 1, cls))
		return fail(p, -ENOMEM, "out of memory");
	return 0;
}

/* ---- polynomials ------------------------------------------------------- */

/* Charge n operations to the current query. */
static int spend(struct poly_norm *p, size_t n)
{
	p->work += n;
	return p->work > POLY_MAX_WORK ? fail(p, -E2BIG, "normalisation too expensive") : 0;
}

static int tv_push(struct poly_norm *p, struct tvec *v, uint32_t mono, uint64_t coef)
{
	if (spend(p, 1))
		return -E2BIG;
	if (grow((void **)&v->t, &v->cap, v->n + 1, sizeof(*v->t)))
		return fail(p, -ENOMEM, "out of memory");
	v->t[v->n++] = (struct pterm){ mono, coef };
	return 0;
}

static const struct ent *poly_ent(const struct poly_norm *p, uint32_t cls)
{
	const struct ent *x;

	if (cls >= p->ne)
		return NULL;
	x = &p->e[cls];
	return p->w[x->off] == TAG_POLY ? x : NULL;
}

/* Append the terms of polynomial class cls (of width w) to v. */
static int tv_load(struct poly_norm *p, struct tvec *v, uint32_t cls, unsigned w)
{
	const struct ent *x = poly_ent(p, cls);
	size_t i, n;
	int err;

	if (!x || p->w[x->off + 1] != w)
		return fail(p, -EINVAL, "arithmetic argument of a different width");
	n = (x->len - 2) / 3;
	for (i = 0; i < n; i++) {
		const uint32_t *t = &p->w[x->off + 2 + 3 * i];

		err = tv_push(p, v, t[0], t[1] | (uint64_t)t[2] << 32);
		if (err)
			return err;
	}
	return 0;
}

static int cmp_term(const void *a, const void *b)
{
	const struct pterm *x = a, *y = b;

	return x->mono < y->mono ? -1 : x->mono > y->mono;
}

/* Sort by monomial, add up equal monomials, drop zeros. */
static int tv_normalise(struct poly_norm *p, struct tvec *v, uint64_t mask)
{
	size_t i = 0, n = 0;

	if (spend(p, v->n * 8))
		return -E2BIG;
	if (v->n > 1)
		qsort(v->t, v->n, sizeof(*v->t), cmp_term);
	while (i < v->n) {
		uint32_t m = v->t[i].mono;
		uint64_t sum = 0;

		for (; i < v->n && v->t[i].mono == m; i++)
			sum = (sum + v->t[i].coef) & mask;
		if (sum)
			v->t[n++] = (struct pterm){ m, sum };
	}
	v->n = n;
	if (n > POLY_MAX_TERMS)
		return fail(p, -E2BIG, "polynomial has too many monomials");
	return 0;
}

static void tv_scale(struct tvec *v, uint64_t k, uint64_t mask)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		v->t[i].coef = (v->t[i].coef * k) & mask;
}

static int store_poly(struct poly_norm *p, struct tvec *v, unsigned w, uint32_t *cls)
{
	uint64_t mask = bcf_mask(w);
	size_t i;
	int err;

	err = tv_normalise(p, v, mask);
	if (err)
		return err;
	if (key_room(p, 2 + 3 * v->n))
		return fail(p, -ENOMEM, "out of memory");
	p->key[0] = TAG_POLY;
	p->key[1] = w;
	for (i = 0; i < v->n; i++) {
		p->key[2 + 3 * i] = v->t[i].mono;
		p->key[3 + 3 * i] = (uint32_t)v->t[i].coef;
		p->key[4 + 3 * i] = (uint32_t)(v->t[i].coef >> 32);
	}
	return intern(p, p->key, 2 + 3 * v->n, UINT32_MAX, cls);
}

/* Monomial product: multiset union of the atoms. */
static int mono_mul(struct poly_norm *p, uint32_t m1, uint32_t m2, uint32_t *out)
{
	const struct ent *x = &p->e[m1], *y = &p->e[m2];
	size_t n1 = x->len - 1, n2 = y->len - 1, i = 0, j = 0, k = 1;
	const uint32_t *a, *b;

	if (!n1 || !n2) {
		*out = n1 ? m1 : m2;
		return 0;
	}
	if (n1 + n2 > POLY_MAX_DEGREE)
		return fail(p, -E2BIG, "monomial degree too high");
	if (spend(p, n1 + n2))
		return -E2BIG;
	if (key_room(p, 1 + n1 + n2))
		return fail(p, -ENOMEM, "out of memory");
	a = &p->w[x->off + 1];
	b = &p->w[y->off + 1];
	p->key[0] = TAG_MONO;
	while (i < n1 || j < n2)
		p->key[k++] = j == n2 || (i < n1 && a[i] <= b[j]) ? a[i++] : b[j++];
	return intern(p, p->key, k, UINT32_MAX, out);
}

/* p->acc := p->acc * p->tmp */
static int tv_mul(struct poly_norm *p, uint64_t mask)
{
	size_t i, j;
	int err;

	if (p->acc.n && p->tmp.n && p->acc.n * p->tmp.n > POLY_MAX_PRODUCT)
		return fail(p, -E2BIG, "product has too many terms");
	p->prod.n = 0;
	for (i = 0; i < p->acc.n; i++)
		for (j = 0; j < p->tmp.n; j++) {
			uint32_t m;

			err = mono_mul(p, p->acc.t[i].mono, p->tmp.t[j].mono, &m);
			if (!err)
				err = tv_push(p, &p->prod, m, p->acc.t[i].coef * p->tmp.t[j].coef);
			if (err)
				return err;
		}
	err = tv_normalise(p, &p->prod, mask);
	if (err)
		return err;
	{
		struct tvec t = p->acc;

		p->acc = p->prod;
		p->prod = t;
	}
	return 0;
}

/* The polynomial 1*atom at width w. */
static int poly_of_atom(struct poly_norm *p, uint32_t atom, unsigned w, uint32_t *cls)
{
	uint32_t key[2] = { TAG_MONO, atom }, mono;
	int err = intern(p, key, 2, UINT32_MAX, &mono);

	if (err)
		return err;
	p->acc.n = 0;
	err = tv_push(p, &p->acc, mono, 1);
	return err ? err : store_poly(p, &p->acc, w, cls);
}

static bool poly_op(uint8_t code)
{
	switch (code) {
	case BCF_BV_ADD:
	case BCF_BV_SUB:
	case BCF_BV_NEG:
	case BCF_BV_MUL:
	case BCF_BV_NOT:
	case BCF_BV_VAL:
		return true;
	default:
		return false;
	}
}

/* Class of node id (all argument classes are memoised). */
static int compute(struct poly_norm *p, uint32_t id, const struct bcf_expr *e, uint32_t *cls)
{
	unsigned w = bcf_is_bv(e) ? bcf_expr__width(e) : 0, i;
	bool arith = bcf_is_bv(e) && w >= 1 && w <= 64;
	uint64_t mask = bcf_mask(w);
	uint32_t a;
	int err = 0;

	if (arith && poly_op(e->code) && (e->code != BCF_BV_VAL || e->vlen <= 2)) {
		p->acc.n = 0;
		switch (e->code) {
		case BCF_BV_VAL:
			err = tv_push(p, &p->acc, p->mono_one, bcf_expr__bv_value(e) & mask);
			break;
		case BCF_BV_ADD:
			for (i = 0; i < e->vlen && !err; i++) {
				memo_get(p, e->args[i], &a);
				err = tv_load(p, &p->acc, a, w);
			}
			break;
		case BCF_BV_SUB:
		case BCF_BV_NEG:
		case BCF_BV_NOT:
			for (i = 0; i < e->vlen && !err; i++) {
				p->tmp.n = 0;
				memo_get(p, e->args[i], &a);
				err = tv_load(p, &p->tmp, a, w);
				if (err)
					break;
				if (e->code != BCF_BV_SUB || i == 1)
					tv_scale(&p->tmp, mask, mask); /* times -1 */
				if (!p->tmp.n)
					continue;
				if (grow((void **)&p->acc.t, &p->acc.cap, p->acc.n + p->tmp.n,
					 sizeof(struct pterm)))
					return fail(p, -ENOMEM, "out of memory");
				memcpy(&p->acc.t[p->acc.n], p->tmp.t, p->tmp.n * sizeof(struct pterm));
				p->acc.n += p->tmp.n;
			}
			if (!err && e->code == BCF_BV_NOT)
				err = tv_push(p, &p->acc, p->mono_one, mask); /* ~a = -a - 1 */
			break;
		case BCF_BV_MUL:
			memo_get(p, e->args[0], &a);
			err = tv_load(p, &p->acc, a, w);
			for (i = 1; i < e->vlen && !err; i++) {
				p->tmp.n = 0;
				memo_get(p, e->args[i], &a);
				err = tv_load(p, &p->tmp, a, w);
				if (!err)
					err = tv_mul(p, mask);
			}
			break;
		}
		return err ? err : store_poly(p, &p->acc, w, cls);
	}

	if (key_room(p, 2 + (size_t)e->vlen))
		return fail(p, -ENOMEM, "out of memory");
	if (bcf_is_var(e)) {
		p->key[0] = TAG_VAR;
		p->key[1] = id;
		err = intern(p, p->key, 2, id, &a);
	} else {
		p->key[0] = TAG_ATOM;
		p->key[1] = *(const uint32_t *)e;
		for (i = 0; i < e->vlen; i++)
			if (bcf_is_leaf(e))
				p->key[2 + i] = e->args[i];
			else
				memo_get(p, e->args[i], &p->key[2 + i]);
		err = intern(p, p->key, 2 + e->vlen, id, &a);
	}
	if (err)
		return err;
	if (arith)
		return poly_of_atom(p, a, w, cls);
	*cls = a;
	return 0;
}

int poly_norm__class(struct poly_norm *p, uint32_t root, uint32_t *cls)
{
	size_t sp = 0, steps = 0;
	int err;

	p->why = NULL;
	p->work = 0;
	if (memo_get(p, root, cls))
		return 0;
	if (grow((void **)&p->stack, &p->scap, 1, sizeof(uint32_t)))
		return fail(p, -ENOMEM, "out of memory");
	p->stack[sp++] = root;
	while (sp) {
		uint32_t id = p->stack[sp - 1], c;
		const struct bcf_expr *e;
		bool pending = false;
		unsigned i;

		if (++steps > POLY_MAX_NODES)
			return fail(p, -E2BIG, "expression too large");
		if (memo_get(p, id, &c)) {
			sp--;
			continue;
		}
		e = p->lookup(p->ctx, id);
		if (!e)
			return fail(p, -EINVAL, "dangling expression id");
		if (!bcf_is_leaf(e)) {
			if (grow((void **)&p->stack, &p->scap, sp + e->vlen, sizeof(uint32_t)))
				return fail(p, -ENOMEM, "out of memory");
			for (i = 0; i < e->vlen; i++) {
				if (e->args[i] >= id)
					return fail(p, -EINVAL, "argument id not below its parent");
				if (!memo_get(p, e->args[i], &c)) {
					p->stack[sp++] = e->args[i];
					pending = true;
				}
			}
		}
		if (pending)
			continue;
		sp--;
		err = compute(p, id, e, &c);
		if (!err)
			err = memo_put(p, id, c);
		if (err)
			return err;
	}
	memo_get(p, root, cls);
	return 0;
}

const char *poly_norm__why(const struct poly_norm *p)
{
	return p->why ? p->why : "";
}

struct poly_norm *poly_norm__new(bcf_expr_lookup_fn lookup, void *ctx)
{
	struct poly_norm *p = calloc(1, sizeof(*p));
	uint32_t one = TAG_MONO;

	if (!p)
		return NULL;
	p->lookup = lookup;
	p->ctx = ctx;
	if (intern(p, &one, 1, UINT32_MAX, &p->mono_one)) {
		poly_norm__free(p);
		return NULL;
	}
	return p;
}

void poly_norm__free(struct poly_norm *p)
{
	if (!p)
		return;
	free(p->w);
	free(p->e);
	free(p->slot);
	ckr_pairmap__free(&p->memo);
	free(p->stack);
	free(p->key);
	free(p->acc.t);
	free(p->tmp.t);
	free(p->prod.t);
	free(p);
}

bool poly_norm__is_poly(const struct poly_norm *p, uint32_t cls, unsigned *width,
			unsigned *nterms)
{
	const struct ent *x = poly_ent(p, cls);

	if (!x)
		return false;
	if (width)
		*width = p->w[x->off + 1];
	if (nterms)
		*nterms = (x->len - 2) / 3;
	return true;
}

int poly_norm__term(const struct poly_norm *p, uint32_t cls, unsigned i, uint64_t *coef,
		    const uint32_t **atoms, unsigned *degree)
{
	const struct ent *x = poly_ent(p, cls), *m;
	const uint32_t *t;

	if (!x || i >= (x->len - 2) / 3)
		return -EINVAL;
	t = &p->w[x->off + 2 + 3 * i];
	*coef = t[1] | (uint64_t)t[2] << 32;
	m = &p->e[t[0]];
	*atoms = &p->w[m->off + 1];
	*degree = m->len - 1;
	return 0;
}

uint32_t poly_norm__atom_rep(const struct poly_norm *p, uint32_t cls)
{
	return cls < p->ne ? p->e[cls].rep : UINT32_MAX;
}

int poly_norm__equal(bcf_expr_lookup_fn lookup, void *ctx, uint32_t a, uint32_t b)
{
	struct poly_norm *p = poly_norm__new(lookup, ctx);
	uint32_t ca, cb;
	int err;

	if (!p)
		return -ENOMEM;
	err = poly_norm__class(p, a, &ca);
	if (!err)
		err = poly_norm__class(p, b, &cb);
	poly_norm__free(p);
	return err ? err : ca == cb;
}
