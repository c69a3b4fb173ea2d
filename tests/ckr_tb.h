/* SPDX-License-Identifier: MIT */
/*
 * tests/ckr_tb.h - build a proof expression table by hand and run single
 * checker rules on it (for the rule unit tests).
 */
#ifndef BCF_TESTS_CKR_TB_H
#define BCF_TESTS_CKR_TB_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "checker/checker.h"

#define TB_MAX 65536

struct tb {
	uint32_t w[TB_MAX];
	uint32_t n;
	int overflow;
};

static inline void tb_reset(struct tb *t)
{
	t->n = 0;
	t->overflow = 0;
}

static inline uint32_t tb_node(struct tb *t, uint8_t code, uint16_t params, unsigned vlen,
			       const uint32_t *args)
{
	uint32_t id = t->n;

	if (t->n + vlen + 1 > TB_MAX) {
		t->overflow = 1;
		return 0;
	}
	t->w[t->n++] = BCF_EXPR_HDR(code, vlen, params);
	if (vlen)
		memcpy(&t->w[t->n], args, vlen * sizeof(uint32_t));
	t->n += vlen;
	return id;
}

/* n-ary node from a variable argument list of n ids */
static inline uint32_t tb_op(struct tb *t, uint8_t code, uint16_t params, unsigned n, ...)
{
	uint32_t args[255];
	va_list ap;
	unsigned i;

	va_start(ap, n);
	for (i = 0; i < n && i < 255; i++)
		args[i] = va_arg(ap, uint32_t);
	va_end(ap);
	return tb_node(t, code, params, n, args);
}

static inline uint32_t tb_bv(struct tb *t, unsigned width, uint64_t v)
{
	uint32_t words[2];

	v &= width >= 64 ? ~0ull : ((1ull << width) - 1);
	words[0] = (uint32_t)v;
	words[1] = (uint32_t)(v >> 32);
	return tb_node(t, BCF_BV_VAL, width, (width + 31) / 32, words);
}

static inline uint32_t tb_var(struct tb *t, unsigned width)
{
	return tb_node(t, BCF_BV_VAR, width, 0, NULL);
}

static inline uint32_t tb_bvar(struct tb *t)
{
	return tb_node(t, BCF_BOOL_VAR, 0, 0, NULL);
}

static inline uint32_t tb_bool(struct tb *t, int v)
{
	return tb_node(t, BCF_BOOL_VAL, v ? BCF_TRUE : BCF_FALSE, 0, NULL);
}

static inline uint32_t tb_eq(struct tb *t, uint32_t a, uint32_t b)
{
	return tb_op(t, BCF_BOOL_EQ, 0, 2, a, b);
}

/* Table scan as the loader does; 0 if the table is well formed. */
static inline int tb_scan(const struct tb *t)
{
	uint32_t bad;
	const char *why = NULL;
	int err;

	if (t->overflow)
		return -E2BIG;
	err = bcf_table__scan(t->w, t->n, NULL, &bad, &why);
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
static inline int tb_run(const struct tb *t, enum bcf_check_mode mode, ckr_rule_fn fn,
			 const uint32_t *params, unsigned nparams, uint32_t *concl_words,
			 uint32_t *concl_id, uint32_t builtins[2], int *leak)
{
	struct bcf_checker c;
	uint64_t base;
	uint32_t concl = UINT32_MAX;
	int err;

	*leak = 0;
	err = ckr_init(&c, t->w, t->n, mode);
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
