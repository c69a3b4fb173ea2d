// SPDX-License-Identifier: MIT
/*
 * Add chains (chain.h).  x+1+1+...+1 compared with x+n is a counting
 * argument at bit level: the n carries into a bit, of which at most one is
 * set above the low bits, so a resolution refutation of the whole chain
 * grows with n^2 and 64-bit chains of 30 links no longer fit the kernel's
 * 32 MiB.  With the lemma atoms (= T_k (bvadd x C_k)) the SAT search, which
 * decides their bits first (solver/refute.c, bit order), proves one link at
 * a time: T_k = T_(k-1) + c_k against x + C_k, where T_(k-1)'s bits are
 * already known equal to those of x + C_(k-1).  Every lemma is an ordinary
 * atom, bit-blasted and refuted with the kernel-checked rules like the
 * goal's own.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>

#include "lang/expr.h"
#include "lang/grow.h"
#include "solver/chain.h"
#include "solver/pbuild.h"

/* A constant of up to CHAIN_MAX_W bits, in 32-bit words, the lowest first. */
#define SUM_WORDS (CHAIN_MAX_W / 32)

struct link {
	uint32_t base;            /* B */
	uint32_t sum[SUM_WORDS];  /* C, modulo 2^w */
	unsigned links;           /* constants added so far (0: not a chain node) */
};

/*
 * The value words of a constant: a bv_val node (its vlen words), or, past the
 * format's 64-bit constants, a concat of them (the highest part first).
 */
static bool const_of(const struct bcf_arena *a, const struct bcf_expr *e, uint32_t *c)
{
	unsigned i, j, at = 0;

	memset(c, 0, SUM_WORDS * sizeof(*c));
	if (e->code == BCF_BV_VAL) {
		for (i = 0; i < e->vlen && i < SUM_WORDS; i++)
			c[i] = e->args[i];
		return true;
	}
	if (e->code != BCF_BV_CONCAT || bcf_expr__width(e) > CHAIN_MAX_W)
		return false;
	for (i = e->vlen; i-- > 0;) {
		const struct bcf_expr *p = bcf_arena__expr(a, e->args[i]);
		unsigned w;

		if (!p || p->code != BCF_BV_VAL)
			return false;
		w = bcf_expr__width(p);
		for (j = 0; j < w; j++)
			if ((p->args[j / 32] >> (j % 32)) & 1)
				c[(at + j) / 32] |= 1u << ((at + j) % 32);
		at += w;
	}
	return true;
}

bool chain_is_const(const struct bcf_arena *a, uint32_t id)
{
	const struct bcf_expr *e = bcf_arena__expr(a, id);
	uint32_t c[SUM_WORDS];

	return e && const_of(a, e, c);
}

/* A constant of width w with value words c: a bv_val, or above 64 bits a concat of two. */
static int const_node(struct pbuild *b, unsigned w, const uint32_t *c, uint32_t *id)
{
	uint32_t parts[2];
	int err;

	if (w <= 64)
		return pbuild_node(b, BCF_BV_VAL, w, c, bcf_val_words(w), id);
	err = pbuild_node(b, BCF_BV_VAL, w - 64, c + 2, bcf_val_words(w - 64), &parts[0]);
	if (!err)
		err = pbuild_node(b, BCF_BV_VAL, 64, c, 2, &parts[1]);
	return err ? err : pbuild_node(b, BCF_BV_CONCAT, w, parts, 2, id);
}

/* x = x + y modulo 2^w (y negated first when neg). */
static void add_mod(uint32_t *x, const uint32_t *y, bool neg, unsigned w)
{
	uint64_t carry = neg; /* -y = ~y + 1 */
	unsigned i;

	for (i = 0; i < SUM_WORDS; i++) {
		uint64_t s = (uint64_t)x[i] + (neg ? (uint32_t)~y[i] : y[i]) + carry;

		x[i] = (uint32_t)s;
		carry = s >> 32;
	}
	for (i = 0; i < SUM_WORDS; i++)
		if (32 * (i + 1) > w)
			x[i] &= 32 * i >= w ? 0 : (uint32_t)bcf_mask(w - 32 * i);
}

/*
 * T's constant operand and other operand, when T is (bvadd U c), (bvadd c U)
 * or (bvsub U c); *neg when c is subtracted.
 */
static bool split_const(const struct bcf_arena *a, const struct bcf_expr *e, uint32_t *u,
			uint32_t *c, bool *neg)
{
	const struct bcf_expr *x, *y;
	uint32_t xc[SUM_WORDS];
	bool cx, cy;

	if ((e->code != BCF_BV_ADD && e->code != BCF_BV_SUB) || e->vlen != 2)
		return false;
	x = bcf_arena__expr(a, e->args[0]);
	y = bcf_arena__expr(a, e->args[1]);
	if (!x || !y)
		return false;
	cx = const_of(a, x, xc);
	cy = const_of(a, y, c);
	if (cx == cy)
		return false;   /* two terms, or two constants (EVALUATE's) */
	*neg = e->code == BCF_BV_SUB;
	if (cy) {
		*u = e->args[0];
		return true;
	}
	if (e->code == BCF_BV_SUB)
		return false;   /* c - U negates U */
	*u = e->args[1];
	memcpy(c, xc, sizeof(xc));
	return true;
}

/*
 * Each chain node below root: its base, sum and length in lk (indexed by
 * id, root + 1 entries); returns the longest chain's length.
 */
static unsigned scan(const struct bcf_arena *a, uint32_t root, struct link *lk, uint8_t *live,
		     unsigned *adders)
{
	unsigned longest = 0;
	uint32_t id;

	*adders = 0;

	/* what root reaches: children have smaller ids than their parents */
	live[root] = 1;
	for (id = root + 1; id-- > 0;) {
		const struct bcf_expr *e = live[id] ? bcf_arena__expr(a, id) : NULL;
		unsigned i;

		if (!e || bcf_is_leaf(e))
			continue;
		*adders += e->code == BCF_BV_ADD || e->code == BCF_BV_SUB || e->code == BCF_BV_NEG ||
			   e->code == BCF_BV_MUL;
		for (i = 0; i < e->vlen; i++)
			if (e->args[i] < id)
				live[e->args[i]] = 1;
	}
	/* each live chain node's base, sum and length, children first */
	for (id = 0; id <= root; id++) {
		const struct bcf_expr *e = live[id] ? bcf_arena__expr(a, id) : NULL;
		uint32_t u, c[SUM_WORDS];
		unsigned w;
		bool neg;

		if (!e || !bcf_is_bv(e) || (w = bcf_expr__width(e)) > CHAIN_MAX_W || !w ||
		    !split_const(a, e, &u, c, &neg))
			continue;
		if (u < id && lk[u].links) {
			lk[id].base = lk[u].base;
			memcpy(lk[id].sum, lk[u].sum, sizeof(lk[id].sum));
			lk[id].links = lk[u].links + 1;
		} else {
			lk[id].base = u;
			memset(lk[id].sum, 0, sizeof(lk[id].sum));
			lk[id].links = 1;
		}
		add_mod(lk[id].sum, c, neg, w);
		if (lk[id].links > longest)
			longest = lk[id].links;
	}
	return longest;
}

static int scan_alloc(const struct bcf_arena *a, uint32_t root, struct link **lk,
		      uint8_t **live, struct chain_info *ci)
{
	uint32_t nwords;

	bcf_arena__words(a, &nwords);
	if (root >= nwords)
		return -EINVAL;
	*lk = calloc(root + 1, sizeof(**lk));
	*live = calloc(root + 1, 1);
	if (!*lk || !*live) {
		free(*lk);
		free(*live);
		return -ENOMEM;
	}
	ci->longest = scan(a, root, *lk, *live, &ci->adders);
	return 0;
}

int chain_scan(const struct bcf_arena *a, uint32_t root, struct chain_info *ci)
{
	struct link *lk;
	uint8_t *live;
	int err = scan_alloc(a, root, &lk, &live, ci);

	if (err)
		return err;
	free(lk);
	free(live);
	return 0;
}

int chain_lemmas(struct pbuild *b, uint32_t root, uint32_t **atoms, unsigned *n)
{
	struct bcf_arena *a = pbuild_arena(b);
	uint32_t id, *out = NULL;
	struct link *lk;
	uint8_t *live;
	struct chain_info ci;
	unsigned cnt = 0;
	size_t cap = 0;
	int err;

	*atoms = NULL;
	*n = 0;
	err = scan_alloc(a, root, &lk, &live, &ci);
	if (err)
		return err;
	if (ci.longest < CHAIN_MIN_LINKS)
		goto out;
	/* the lemmas, shorter links first: ids grow along a chain */
	for (id = 0; id <= root && !err; id++) {
		const struct bcf_expr *e;
		uint32_t k, sum, eq, pair[2];
		uint16_t params;
		unsigned w;

		if (lk[id].links < 2)
			continue;
		e = bcf_arena__expr(a, id);
		w = bcf_expr__width(e);
		params = e->params;
		err = const_node(b, w, lk[id].sum, &k);
		if (err)
			break;
		pair[0] = lk[id].base;
		pair[1] = k;
		err = pbuild_node(b, BCF_BV_ADD, params, pair, 2, &sum);
		if (err || sum == id)
			continue;
		pair[0] = id;
		pair[1] = sum;
		err = pbuild_node(b, BCF_BOOL_EQ, 0, pair, 2, &eq);
		if (err)
			break;
		err = bcf__grow_from((void **)&out, &cap, cnt + 1, sizeof(*out), 16);
		if (err)
			break;
		out[cnt++] = eq;
	}
	if (!err) {
		*atoms = out;
		*n = cnt;
		out = NULL;
	}
out:
	free(out);
	free(lk);
	free(live);
	return err;
}
