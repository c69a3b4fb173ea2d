/* SPDX-License-Identifier: MIT */
/* The tests' reproducible random stream: xorshift64 (the state must not be 0). */
#ifndef BCF_TESTS_RNG_H
#define BCF_TESTS_RNG_H

#include <stdint.h>

static inline uint64_t xorshift64(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

#endif
