/* SPDX-License-Identifier: MIT */
/*
 * tests/tap.h - a minimal TAP producer.  Each ok() is one test point for
 * automake's TAP driver; a program ends with done_testing().
 */
#ifndef BCF_TESTS_TAP_H
#define BCF_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static inline int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		tap_failed++;
		printf("# failed at %s:%d\n", file, line);
	}
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define diag(...) (printf("# "), printf(__VA_ARGS__), printf("\n"))
#define skip(why) (printf("ok %d # SKIP %s\n", ++tap_n, why))

static inline int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

/* Directory of the shared data (spec/, vectors/). */
static inline const char *shared_dir(void)
{
	const char *d = getenv("BCF_SHARED_DIR");

	return d ? d : "../shared";
}

#endif
