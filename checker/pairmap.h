/* SPDX-License-Identifier: MIT */
/*
 * A map from a pair of expression ids (one 64-bit key, never 0) to a 32-bit
 * value: open addressing, linear probing, kept at most half full.  The
 * checker remembers compared pairs in it (store.c, goal.c).
 */
#ifndef BCF_CHECKER_PAIRMAP_H
#define BCF_CHECKER_PAIRMAP_H

#include <stdint.h>

struct ckr_pairmap {
	uint64_t *keys; /* 0 = empty slot */
	uint32_t *vals;
	uint32_t cap, cnt;
};

static inline uint64_t ckr_pair_key(uint32_t a, uint32_t b)
{
	return ((uint64_t)a << 32 | b) + 1;
}

/* 1 and *val if key is present, else 0. */
int ckr_pairmap__find(const struct ckr_pairmap *m, uint64_t key, uint32_t *val);
/* Insert or overwrite: 0 or -ENOMEM. */
int ckr_pairmap__put(struct ckr_pairmap *m, uint64_t key, uint32_t val);
void ckr_pairmap__free(struct ckr_pairmap *m);

#endif
