// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the condition decoder (kernel condition buffers,
 * spec/format.md 4.3).  Invariants checked on every input:
 *  - no crash, hang or sanitizer report;
 *  - a rejection is -EINVAL, -E2BIG or -ENOMEM, leaves no result and has a
 *    message;
 *  - an accepted buffer re-encodes to a buffer that decodes again, and
 *    encoding that second condition gives the same bytes (the encoder is a
 *    fixed point after one round);
 *  - every root that is present prints as SMT-LIB and in the kernel's log
 *    format without error (the printers see only decoded, typed nodes).
 *
 * Build and run: make fuzz-cond (clang, -fsanitize=fuzzer,address,undefined).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_cond: %s (%s)\n", what, bcf_last_error());
	abort();
}

static void print_root(const struct bcf_cond *c, uint32_t root)
{
	char kbuf[512], *smt = NULL;
	int err;

	if (root == BCF_COND_NONE)
		return;
	if (!bcf_arena__expr(c->arena, root))
		fail("decoded root is not a node");
	err = bcf_print__smt2(c->arena, root, &smt);
	if (err && err != -ENOMEM && err != -E2BIG)
		fail("SMT-LIB printer failed on a decoded condition");
	free(smt);
	err = bcf_print__kernel(c->arena, root, 2, kbuf, sizeof(kbuf));
	if (err < 0 && err != -ENOSPC)
		fail("kernel printer failed on a decoded condition");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bcf_cond *c = (void *)1, *d = NULL, *e = NULL;
	void *b1 = NULL, *b2 = NULL;
	size_t n1 = 0, n2 = 0;
	int err;

	err = bcf_cond__decode(data, size, &c);
	if (err) {
		if (err != -EINVAL && err != -E2BIG && err != -ENOMEM)
			fail("unexpected errno");
		if (c != (void *)1 && c)
			fail("result set on rejection");
		if (err == -EINVAL && !*bcf_last_error())
			fail("rejection without a message");
		return 0;
	}
	if (!c || (c->path_cond == BCF_COND_NONE && c->refine_cond == BCF_COND_NONE))
		fail("accepted buffer without a condition");
	print_root(c, c->path_cond);
	print_root(c, c->refine_cond);
	if (bcf_cond__encode(c, &b1, &n1))
		fail("cannot encode a decoded condition");
	if (bcf_cond__decode(b1, n1, &d))
		fail("re-encoded condition does not decode");
	if (bcf_cond__encode(d, &b2, &n2))
		fail("cannot encode the second condition");
	if (n1 != n2 || memcmp(b1, b2, n1))
		fail("encoding is not a fixed point");
	if (bcf_cond__decode(b2, n2, &e))
		fail("third decode failed");
	bcf_cond__free(e);
	bcf_cond__free(d);
	bcf_cond__free(c);
	free(b1);
	free(b2);
	return 0;
}
