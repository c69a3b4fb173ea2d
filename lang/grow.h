/* SPDX-License-Identifier: MIT */
/* Growing arrays: one helper instead of a realloc loop in every module. */
#ifndef BCF_LANG_GROW_H
#define BCF_LANG_GROW_H

#include <stddef.h>

/*
 * Make *p (an array of *cap elements of elem bytes) hold at least need
 * elements: capacity doubles from first (when *cap is 0), new elements are
 * zeroed.  Returns 0 or -ENOMEM (then *p and *cap are unchanged); the
 * byte size is overflow-checked.
 */
int bcf__grow_from(void **p, size_t *cap, size_t need, size_t elem, size_t first);

/*
 * bcf__grow_from with an upper bound: -E2BIG (nothing changed) when the
 * doubled capacity would exceed max elements.
 */
int bcf__grow_max(void **p, size_t *cap, size_t need, size_t elem, size_t first, size_t max);

/* bcf__grow_from with a first capacity of 256 elements. */
int bcf__grow(void **p, size_t *cap, size_t need, size_t elem);

#endif
