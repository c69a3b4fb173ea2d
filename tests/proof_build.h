/* SPDX-License-Identifier: MIT */
/*
 * tests/proof_build.h - the one builder of hand-made expression tables and
 * proofs in tests: append expression nodes (ids are word offsets, nothing
 * hash-consed) and steps, then serialise header + table + steps
 * (pb_finish), scan the table as the loader does (pb_scan), or run one
 * checker rule on it (pb_run).  No checking while building: tests build
 * invalid tables and proofs on purpose.  A zeroed struct pb is empty.
 */
#ifndef BCF_TESTS_PROOF_BUILD_H
#define BCF_TESTS_PROOF_BUILD_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "checker/checker.h"
#include "lang/grow.h"

struct pb {
	uint32_t *w, *s;     /* expression words, step words */
	size_t nw, ns, capw, caps;
	unsigned nsteps;
	const char **name;   /* optional name per node id (pb_name), for printing */
	size_t capn;
};

static inline void pb_push(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
	if (bcf__grow_from((void **)a, cap, *n + 1, sizeof(**a), 64))
		abort();
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
	free(b->name);
	memset(b, 0, sizeof(*b));
}

/* Empty the table and the steps, keeping the memory. */
static inline void pb_reset(struct pb *b)
{
	b->nw = b->ns = 0;
	b->nsteps = 0;
	if (b->name)
		memset(b->name, 0, b->capn * sizeof(*b->name));
}

/*
 * Room for words expression words: the table does not move while it stays
 * within them (for tests that keep pointers into it, or hand it to a
 * checker and then add nodes).
 */
static inline void pb_reserve(struct pb *b, size_t words)
{
	if (bcf__grow_from((void **)&b->w, &b->capw, words, sizeof(*b->w), words))
		abort();
}

/* Name node id (for printing); returns id. */
static inline uint32_t pb_name(struct pb *b, uint32_t id, const char *name)
{
	if (bcf__grow_from((void **)&b->name, &b->capn, (size_t)id + 1, sizeof(*b->name), 64))
		abort();
	b->name[id] = name;
	return id;
}

static inline const char *pb_name_of(const struct pb *b, uint32_t id)
{
	return id < b->capn ? b->name[id] : NULL;
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

/* A constant masked to its width, in (width + 31) / 32 words. */
static inline uint32_t pb_bv_masked(struct pb *b, unsigned width, uint64_t v)
{
	uint32_t words[2];

	v &= width >= 64 ? ~0ull : ((1ull << width) - 1);
	words[0] = (uint32_t)v;
	words[1] = (uint32_t)(v >> 32);
	return pb_nodev(b, BCF_BV_VAL, width, (width + 31) / 32, words);
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

static inline uint32_t pb_eq(struct pb *b, uint32_t x, uint32_t y)
{
	return pb_node(b, BCF_BOOL_EQ, 0, 2, x, y);
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

/* Table scan as the loader does; 0 if the table is well formed. */
static inline int pb_scan(const struct pb *b)
{
	uint32_t bad;
	const char *why = NULL;
	int err;

	err = bcf_table__scan(b->w, b->nw, NULL, &bad, &why);
	if (err)
		printf("# table scan failed at %u: %s\n", bad, why ? why : "?");
	return err;
}

/*
 * Run one core rule with no premises on the table.  On success the
 * conclusion is copied into concl_words[0..7] (header and arguments), the
 * node of its last argument into concl_words[8..15], and *concl_id gets
 * its id (may be NULL); the conclusion is then released and
 * the checker must hold no dynamic node beyond the built-ins (leak check,
 * *leak set otherwise).  Returns the rule's errno.
 */
static inline int pb_run(const struct pb *b, enum bcf_check_mode mode, ckr_rule_fn fn,
			 const uint32_t *params, unsigned nparams, uint32_t *concl_words,
			 uint32_t *concl_id, uint32_t builtins[2], int *leak)
{
	struct bcf_checker c;
	uint64_t base;
	uint32_t concl = UINT32_MAX;
	int err;

	*leak = 0;
	err = ckr_init(&c, b->w, b->nw, mode);
	if (err)
		return -1000 + err;
	base = c.live_dyn;
	err = fn(&c, NULL, 0, params, nparams, &concl);
	if (!err) {
		const struct bcf_expr *e = ckr_expr(&c, concl);
		unsigned i;

		memset(concl_words, 0xff, 16 * sizeof(uint32_t));
		if (e) {
			concl_words[0] = *(const uint32_t *)e;
			for (i = 0; i < e->vlen && i < 7; i++)
				concl_words[1 + i] = e->args[i];
			if (e->vlen && !bcf_is_leaf(e))
				e = ckr_expr(&c, e->args[e->vlen - 1]);
			else
				e = NULL;
		}
		if (e) {
			concl_words[8] = *(const uint32_t *)e;
			for (i = 0; i < e->vlen && i < 7; i++)
				concl_words[9 + i] = e->args[i];
		}
		if (concl_id)
			*concl_id = concl;
		ckr_put(&c, concl);
	} else if (c.reason[0] && getenv("TB_VERBOSE")) {
		printf("#   (%s)\n", c.reason);
	}
	if (builtins) {
		builtins[0] = c.true_id;
		builtins[1] = c.false_id;
	}
	if (c.live_dyn != base)
		*leak = 1;
	ckr_fini(&c);
	return err;
}

#endif
