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
#include <stdlib.h>

#include <bcf/bcf.h>

#include "lang/expr.h"
#include "lang/grow.h"
#include "solver/chain.h"
#include "solver/pbuild.h"

struct link {
	uint32_t base;   /* B */
	uint64_t sum;    /* C, modulo 2^w */
	unsigned links;  /* constants added so far (0: not a chain node) */
};

/* T's constant operand and other operand, when T is (bvadd U c), (bvadd c U) or (bvsub U c). */
static bool split_const(const struct bcf_arena *a, const struct bcf_expr *e, uint32_t *u,
			uint64_t *c)
{
	const struct bcf_expr *x, *y;

	if ((e->code != BCF_BV_ADD && e->code != BCF_BV_SUB) || e->vlen != 2)
		return false;
	x = bcf_arena__expr(a, e->args[0]);
	y = bcf_arena__expr(a, e->args[1]);
	if (!x || !y || (x->code == BCF_BV_VAL) == (y->code == BCF_BV_VAL))
		return false;   /* two terms, or two constants (EVALUATE's) */
	if (y->code == BCF_BV_VAL) {
		*u = e->args[0];
		*c = bcf_expr__bv_value(y);
		if (e->code == BCF_BV_SUB)
			*c = -*c;
		return true;
	}
	if (e->code == BCF_BV_SUB)
		return false;   /* c - U negates U */
	*u = e->args[1];
	*c = bcf_expr__bv_value(x);
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
		uint32_t u;
		uint64_t c;
		unsigned w;

		if (!e || !bcf_is_bv(e) || (w = bcf_expr__width(e)) > 64 || !w ||
		    !split_const(a, e, &u, &c))
			continue;
		if (u < id && lk[u].links) {
			lk[id].base = lk[u].base;
			lk[id].sum = (lk[u].sum + c) & bcf_mask(w);
			lk[id].links = lk[u].links + 1;
		} else {
			lk[id].base = u;
			lk[id].sum = c & bcf_mask(w);
			lk[id].links = 1;
		}
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
		uint32_t k, sum, eq, pair[2], words[2];
		uint16_t params;
		unsigned w;

		if (lk[id].links < 2)
			continue;
		e = bcf_arena__expr(a, id);
		w = bcf_expr__width(e);
		params = e->params;
		words[0] = (uint32_t)lk[id].sum;
		words[1] = (uint32_t)(lk[id].sum >> 32);
		err = pbuild_node(b, BCF_BV_VAL, w, words, bcf_val_words(w), &k);
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
