/* SPDX-License-Identifier: MIT */
/*
 * The monotonic clock, read one way everywhere: time limits, deadlines and
 * the durations we report (prove, solve, batch workers, the SAT budget).
 * Header-only so that tests, benches and fuzz drivers share it without
 * linking the library's hidden symbols.
 */
#ifndef BCF_LANG_CLOCK_H
#define BCF_LANG_CLOCK_H

#include <stdbool.h>
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

/*
 * A deadline timeout_ms from now, in bcf__mono_ms() time; 0 = none
 * (timeout_ms 0).
 */
static inline int64_t bcf__deadline(unsigned timeout_ms)
{
	return timeout_ms ? bcf__mono_ms() + timeout_ms : 0;
}

/* Whether deadline (from bcf__deadline) has passed; never for 0. */
static inline bool bcf__past(int64_t deadline)
{
	return deadline && bcf__mono_ms() >= deadline;
}

/*
 * The time left before deadline, as a timeout for a solver call: 0 (none)
 * for no deadline, at least 1 ms otherwise (callers that must not start
 * past the deadline test bcf__past first).
 */
static inline unsigned bcf__left_ms(int64_t deadline)
{
	int64_t left;

	if (!deadline)
		return 0;
	left = deadline - bcf__mono_ms();
	return left < 1 ? 1 : left > UINT32_MAX ? UINT32_MAX : (unsigned)left;
}

#endif
