// SPDX-License-Identifier: MIT
/* The pair map of pairmap.h. */
#include <errno.h>
#include <stdlib.h>

#include "checker/pairmap.h"

static uint32_t slot_of(uint64_t k, uint32_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	return (uint32_t)k & (cap - 1);
}

int ckr_pairmap__find(const struct ckr_pairmap *m, uint64_t key, uint32_t *val)
{
	uint32_t i;

	if (!m->cap)
		return 0;
	for (i = slot_of(key, m->cap); m->keys[i]; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key) {
			*val = m->vals[i];
			return 1;
		}
	}
	return 0;
}

static int grow(struct ckr_pairmap *m)
{
	uint32_t cap = m->cap ? 2 * m->cap : 64, i, j;
	uint64_t *keys;
	uint32_t *vals;

	if (cap < m->cap)
		return -ENOMEM;
	keys = calloc(cap, sizeof(*keys));
	vals = malloc(cap * sizeof(*vals));
	if (!keys || !vals) {
		free(keys);
		free(vals);
		return -ENOMEM;
	}
	for (j = 0; j < m->cap; j++) {
		if (!m->keys[j])
			continue;
		for (i = slot_of(m->keys[j], cap); keys[i]; i = (i + 1) & (cap - 1))
			;
		keys[i] = m->keys[j];
		vals[i] = m->vals[j];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return 0;
}

int ckr_pairmap__put(struct ckr_pairmap *m, uint64_t key, uint32_t val)
{
	uint32_t i;

	if (2 * ((uint64_t)m->cnt + 1) > m->cap && grow(m))
		return -ENOMEM;
	for (i = slot_of(key, m->cap); m->keys[i]; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return 0;
		}
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->cnt++;
	return 0;
}

void ckr_pairmap__free(struct ckr_pairmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->cnt = 0;
}
