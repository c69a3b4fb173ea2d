/* SPDX-License-Identifier: MIT */
/*
 * The monotonic clock, read one way everywhere: time limits, deadlines and
 * the durations we report (prove, solve, batch workers, the SAT budget).
 * Header-only so that tests, benches and fuzz drivers share it without
 * linking the library's hidden symbols.
 */
#ifndef BCF_LANG_CLOCK_H
#define BCF_LANG_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline struct timespec bcf__mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts;
}

/* Seconds since an arbitrary fixed point, as a double (for durations). */
static inline double bcf__mono_s(void)
{
	struct timespec ts = bcf__mono();

	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Milliseconds since an arbitrary fixed point (for deadlines). */
static inline int64_t bcf__mono_ms(void)
{
	struct timespec ts = bcf__mono();

	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Microseconds since an arbitrary fixed point. */
static inline uint64_t bcf__mono_us(void)
{
	struct timespec ts = bcf__mono();

	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

#endif
