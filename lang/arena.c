// SPDX-License-Identifier: MIT
/* Expression arena with hash-consing; see lang/arena.h. */
#include <errno.h>
#include <stdlib.h>

#include "lang/arena.h"
#include "lang/error.h"
#include "lang/grow.h"

#define ARENA_MAX_WORDS (1u << 30)

struct bcf_arena *bcf_arena__new(void)
{
	return calloc(1, sizeof(struct bcf_arena));
}

void bcf_arena__free(struct bcf_arena *a)
{
	uint32_t i;

	if (!a)
		return;
	if (a->names)
		for (i = 0; i < a->len; i++)
			free(a->names[i]);
	free(a->names);
	free(a->words);
	free(a->is_hdr);
	free(a->slots);
	free(a);
}

const struct bcf_expr *bcf_arena__lookup(void *p, uint32_t id)
{
	const struct bcf_arena *a = p;

	if (id >= a->len || !a->is_hdr[id])
		return NULL;
	return arena_expr(a, id);
}

const struct bcf_expr *bcf_arena__expr(const struct bcf_arena *a, uint32_t id)
{
	return bcf_arena__lookup((void *)a, id);
}

const uint32_t *bcf_arena__words(const struct bcf_arena *a, uint32_t *nwords)
{
	if (nwords)
		*nwords = a->len;
	return a->words;
}

const char *bcf_arena__var_name(const struct bcf_arena *a, uint32_t id)
{
	if (!a->names || id >= a->len)
		return NULL;
	return a->names[id];
}

static uint32_t hash_words(const uint32_t *w, unsigned n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull;
	unsigned i;

	for (i = 0; i < n; i++) {
		h ^= w[i];
		h *= 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

static int grow_words(struct bcf_arena *a, uint32_t need)
{
	/* the per-word arrays share one capacity (same start, same need) */
	size_t wc = a->cap, hc = a->cap, nc = a->cap;

	if (need > ARENA_MAX_WORDS)
		return bcf__err(-E2BIG, "expression arena: more than %u words", ARENA_MAX_WORDS);
	if (bcf__grow_from((void **)&a->words, &wc, need, sizeof(*a->words), 64) ||
	    bcf__grow_from((void **)&a->is_hdr, &hc, need, sizeof(*a->is_hdr), 64) ||
	    (a->names && bcf__grow_from((void **)&a->names, &nc, need, sizeof(*a->names), 64)))
		return -ENOMEM;
	a->cap = (uint32_t)wc;
	return 0;
}

static int rehash(struct bcf_arena *a)
{
	uint32_t n = a->nslots ? a->nslots * 2 : 256, i, id;
	uint32_t *s = calloc(n, sizeof(*s));

	if (!s)
		return -ENOMEM;
	for (id = 0; id < a->len; id += a->words[id] >> 8 & 0xff, id++) {
		const struct bcf_expr *e = arena_expr(a, id);

		if (bcf_is_var(e))
			continue;
		i = hash_words(&a->words[id], e->vlen + 1) & (n - 1);
		while (s[i])
			i = (i + 1) & (n - 1);
		s[i] = id + 1;
	}
	free(a->slots);
	a->slots = s;
	a->nslots = n;
	return 0;
}

/* Append a node without looking it up. */
static int append(struct bcf_arena *a, const uint32_t *w, unsigned n, uint32_t *id)
{
	int err = grow_words(a, a->len + n);

	if (err)
		return err;
	memcpy(&a->words[a->len], w, n * sizeof(*w));
	a->is_hdr[a->len] = 1;
	*id = a->len;
	a->len += n;
	a->nnodes++;
	return 0;
}

int bcf_arena__node(struct bcf_arena *a, uint8_t code, uint16_t params, const uint32_t *args,
		    unsigned vlen, uint32_t *id)
{
	uint32_t w[256], h, i;
	const char *why;
	int err;

	if (vlen > 255)
		return bcf__err(-E2BIG, "node %s would need %u arguments (max 255)",
				bcf_code__name(code) ? bcf_code__name(code) : "?", vlen);
	w[0] = BCF_EXPR_HDR(code, vlen, params);
	if (vlen)
		memcpy(&w[1], args, vlen * sizeof(*args));
	err = bcf_expr__typecheck((const struct bcf_expr *)w, bcf_arena__lookup, a, &why);
	if (err)
		return bcf__err(err, "cannot build %s node: %s",
				bcf_code__name(code) ? bcf_code__name(code) : "unknown", why);
	if (code == BCF_BV_VAR || code == BCF_BOOL_VAR)
		return append(a, w, 1, id);
	if ((a->nnodes + 1) * 2 > a->nslots) {
		err = rehash(a);
		if (err)
			return err;
	}
	h = hash_words(w, vlen + 1);
	for (i = h & (a->nslots - 1); a->slots[i]; i = (i + 1) & (a->nslots - 1)) {
		uint32_t cand = a->slots[i] - 1;

		/* equal headers first: same vlen, so the candidate has vlen + 1 words */
		if (a->words[cand] == w[0] && !memcmp(&a->words[cand], w, (vlen + 1) * sizeof(*w))) {
			*id = cand;
			return 0;
		}
	}
	err = append(a, w, vlen + 1, id);
	if (err)
		return err;
	a->slots[i] = *id + 1;
	return 0;
}

int bcf_arena__var(struct bcf_arena *a, enum bcf_type type, unsigned width, const char *name,
		   uint32_t *id)
{
	int err;

	if (type == BCF_BV && (width < 1 || width > 255))
		return bcf__err(-EINVAL, "variable '%s': width %u outside 1..255",
				name ? name : "", width);
	if (type != BCF_BV && type != BCF_BOOL)
		return bcf__err(-EINVAL, "variable '%s': type must be bv or bool", name ? name : "");
	err = bcf_arena__node(a, type == BCF_BV ? BCF_BV_VAR : BCF_BOOL_VAR,
			      type == BCF_BV ? width : 0, NULL, 0, id);
	if (err || !name)
		return err;
	if (!a->names) {
		a->names = calloc(a->cap, sizeof(*a->names));
		if (!a->names)
			return -ENOMEM;
	}
	a->names[*id] = strdup(name);
	return a->names[*id] ? 0 : -ENOMEM;
}

int bcf_arena__bv_const(struct bcf_arena *a, unsigned width, uint64_t value, uint32_t *id)
{
	uint32_t v[2];

	value &= bcf_mask(width);
	v[0] = (uint32_t)value;
	v[1] = (uint32_t)(value >> 32);

	if (width < 1 || width > 64)
		return bcf__err(-EINVAL, "constant width %u outside 1..64", width);
	return bcf_arena__node(a, BCF_BV_VAL, width, v, bcf_val_words(width), id);
}

int bcf_arena__bool_const(struct bcf_arena *a, bool value, uint32_t *id)
{
	return bcf_arena__node(a, BCF_BOOL_VAL, value ? BCF_TRUE : BCF_FALSE, NULL, 0, id);
}
