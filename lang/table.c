// SPDX-License-Identifier: MIT
/*
 * Expression-table scan (spec/format.md 1.4): nodes must fit, arguments
 * must be ids of earlier accepted nodes, and every node must type-check.
 * Linear in the table size, no recursion.
 */
#include <errno.h>
#include <stdlib.h>

#include "lang/expr.h"

struct scan_ctx {
	const uint32_t *words;
	uint32_t n;
	const uint8_t *is_hdr;
};

static const struct bcf_expr *scan_lookup(void *p, uint32_t id)
{
	struct scan_ctx *c = p;

	if (id >= c->n || !c->is_hdr[id])
		return NULL;
	return (const struct bcf_expr *)&c->words[id];
}

int bcf_table__scan(const uint32_t *words, uint32_t n, uint8_t *is_hdr, uint32_t *bad_idx,
		    const char **why)
{
	struct scan_ctx ctx = { words, n, NULL };
	uint8_t *mark = is_hdr;
	const char *dummy;
	uint32_t idx = 0, i, dummy_idx;
	int err = 0;

	if (!why)
		why = &dummy;
	if (!bad_idx)
		bad_idx = &dummy_idx;
	if (!mark) {
		mark = calloc(n ? n : 1, 1);
		if (!mark)
			return -ENOMEM;
	} else {
		memset(mark, 0, n);
	}
	ctx.is_hdr = mark;
	while (idx < n) {
		const struct bcf_expr *e = (const struct bcf_expr *)&words[idx];

		*bad_idx = idx;
		if ((uint64_t)idx + e->vlen + 1 > n) {
			*why = "node does not fit in the table";
			err = -EINVAL;
			break;
		}
		if (e->code != BCF_BV_VAL) {
			for (i = 0; i < e->vlen; i++)
				if (e->args[i] >= n || !mark[e->args[i]])
					break;
			if (i < e->vlen) {
				*why = "argument is not the id of an earlier node";
				err = -EINVAL;
				break;
			}
		}
		err = bcf_expr__typecheck(e, scan_lookup, &ctx, why);
		if (err)
			break;
		mark[idx] = 1;
		idx += e->vlen + 1;
	}
	if (mark != is_hdr)
		free(mark);
	return err;
}
