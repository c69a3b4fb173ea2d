/* SPDX-License-Identifier: MIT */
/*
 * A tiny builder for hand-made proof files in tests: append expression
 * nodes (ids are word offsets) and steps, then serialise header + table +
 * steps.  No checking at all: tests build invalid proofs on purpose.
 */
#ifndef BCF_TESTS_PROOF_BUILD_H
#define BCF_TESTS_PROOF_BUILD_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>

struct pb {
	uint32_t *w, *s;     /* expression words, step words */
	size_t nw, ns, capw, caps;
	unsigned nsteps;
};

static inline void pb_push(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*a = realloc(*a, *cap * sizeof(**a));
		if (!*a)
			abort();
	}
	(*a)[(*n)++] = v;
}

static inline void pb_init(struct pb *b)
{
	memset(b, 0, sizeof(*b));
}

static inline void pb_free(struct pb *b)
{
	free(b->w);
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* A node from an argument array. */
static inline uint32_t pb_nodev(struct pb *b, uint8_t code, uint16_t params, unsigned vlen,
				const uint32_t *args)
{
	uint32_t id = b->nw;
	unsigned i;

	pb_push(&b->w, &b->nw, &b->capw, BCF_EXPR_HDR(code, vlen, params));
	for (i = 0; i < vlen; i++)
		pb_push(&b->w, &b->nw, &b->capw, args[i]);
	return id;
}

/* A node: pb_node(b, code, params, vlen, arg0, arg1, ...). */
static inline uint32_t pb_node(struct pb *b, uint8_t code, uint16_t params, unsigned vlen, ...)
{
	uint32_t args[256];
	unsigned i;
	va_list ap;

	va_start(ap, vlen);
	for (i = 0; i < vlen && i < 256; i++)
		args[i] = va_arg(ap, uint32_t);
	va_end(ap);
	return pb_nodev(b, code, params, vlen, args);
}

static inline uint32_t pb_bv(struct pb *b, unsigned width, uint64_t v)
{
	if (width > 32)
		return pb_node(b, BCF_BV_VAL, width, 2, (uint32_t)v, (uint32_t)(v >> 32));
	return pb_node(b, BCF_BV_VAL, width, 1, (uint32_t)v);
}

static inline uint32_t pb_bvvar(struct pb *b, unsigned width)
{
	return pb_node(b, BCF_BV_VAR, width, 0);
}

static inline uint32_t pb_boolvar(struct pb *b)
{
	return pb_node(b, BCF_BOOL_VAR, 0, 0);
}

static inline uint32_t pb_bool(struct pb *b, int v)
{
	return pb_node(b, BCF_BOOL_VAL, v ? BCF_TRUE : BCF_FALSE, 0);
}

/* A step from arrays; returns its index. */
static inline unsigned pb_stepv(struct pb *b, uint16_t rule, unsigned np, const uint32_t *prem,
				unsigned nparams, const uint32_t *params)
{
	unsigned i;

	pb_push(&b->s, &b->ns, &b->caps, BCF_STEP_HDR(rule, np, nparams));
	for (i = 0; i < np; i++)
		pb_push(&b->s, &b->ns, &b->caps, prem[i]);
	for (i = 0; i < nparams; i++)
		pb_push(&b->s, &b->ns, &b->caps, params[i]);
	return b->nsteps++;
}

/* pb_step(b, rule, np, nparams, premises..., params...) */
static inline unsigned pb_step(struct pb *b, uint16_t rule, unsigned np, unsigned nparams, ...)
{
	uint32_t w[512];
	unsigned i;
	va_list ap;

	va_start(ap, nparams);
	for (i = 0; i < np + nparams && i < 512; i++)
		w[i] = va_arg(ap, uint32_t);
	va_end(ap);
	return pb_stepv(b, rule, np, w, nparams, w + np);
}

/* Serialise; *size bytes, malloc'd. */
static inline void *pb_finish(const struct pb *b, size_t *size)
{
	uint32_t *p;

	*size = 4 * (3 + b->nw + b->ns);
	p = malloc(*size);
	if (!p)
		abort();
	p[0] = BCF_MAGIC;
	p[1] = b->nw;
	p[2] = b->ns;
	if (b->nw)
		memcpy(p + 3, b->w, 4 * b->nw);
	if (b->ns)
		memcpy(p + 3 + b->nw, b->s, 4 * b->ns);
	return p;
}

#endif
