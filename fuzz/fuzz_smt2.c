// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the SMT-LIB reader.  Invariants checked on every
 * input: no crash or sanitizer report; a rejection is -EINVAL (or -ENOMEM)
 * with no result and a "fuzz:line:col: message" text; an accepted script
 * yields a condition whose buffer passes the kernel-style decoder (so every
 * node the reader built is well typed) and whose refine condition is boolean.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>

static void check_message(const char *m)
{
	unsigned line, col;
	int n = 0;

	if (sscanf(m, "fuzz:%u:%u: %n", &line, &col, &n) != 2 || n == 0 || !m[n] || !line ||
	    !col) {
		fprintf(stderr, "rejection without a location: '%s'\n", m);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bcf_cond *c = (void *)1, *d = NULL;
	void *buf = NULL;
	size_t n;
	int err;

	err = bcf_smt2__parse((const char *)data, size, "fuzz", &c);
	if (err) {
		if ((err != -EINVAL && err != -ENOMEM) || c)
			abort();
		if (err == -EINVAL)
			check_message(bcf_last_error());
		return 0;
	}
	if (!c || c->path_cond != BCF_COND_NONE ||
	    !bcf_arena__expr(c->arena, c->refine_cond) ||
	    BCF_TYPE(bcf_arena__expr(c->arena, c->refine_cond)->code) != BCF_BOOL)
		abort();
	if (bcf_cond__encode(c, &buf, &n) || bcf_cond__decode(buf, n, &d)) {
		fprintf(stderr, "accepted script gives an invalid condition: %s\n",
			bcf_last_error());
		abort();
	}
	bcf_cond__free(d);
	free(buf);
	bcf_cond__free(c);
	return 0;
}
