/* SPDX-License-Identifier: MIT */
/*
 * The expression arena: nodes in the kernel's word layout, ids are word
 * offsets, identical non-variable nodes are stored once (hash-consing).
 * The arena owns its words, the name of each variable and the hash index.
 */
#ifndef BCF_LANG_ARENA_H
#define BCF_LANG_ARENA_H

#include "lang/expr.h"

struct bcf_arena {
	uint32_t *words;
	uint32_t len, cap;  /* in words */
	uint8_t *is_hdr;    /* cap bytes: 1 at node offsets */
	char **names;       /* cap pointers: variable names (or NULL) */
	uint32_t *slots;    /* hash index: id + 1, 0 = empty */
	uint32_t nslots, nnodes;
};

static inline const struct bcf_expr *arena_expr(const struct bcf_arena *a, uint32_t id)
{
	return (const struct bcf_expr *)&a->words[id];
}

/* Lookup callback for bcf_expr__typecheck over an arena. */
const struct bcf_expr *bcf_arena__lookup(void *arena, uint32_t id);

#endif
