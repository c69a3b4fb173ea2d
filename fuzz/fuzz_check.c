// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the proof checker: the input is a proof file.  It
 * is checked in both modes without a goal, and, when its expression table
 * scans, against its own table as the goal words (goal = the ASSUME
 * parameter, or the last node), which exercises goal matching.  Aborts if
 * strict mode accepts what kernel-compat mode rejects, or if the checker
 * returns an errno outside its contract.  Kernel-compat mode runs with step
 * logging at level 3 (every step dumped, as the kernel does at log level 2)
 * for one input size (in words) in four,
 * so the step printer sees every malformed step too (the kernel checker's
 * crashes 10 and 11 of docs/kernel-checker-findings.md are in its dump).
 *
 * Build and run: make fuzz-check (clang, -fsanitize=fuzzer,address,undefined).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>

static int known(int err)
{
	return !err || err == -EINVAL || err == -EFAULT || err == -E2BIG || err == -EOPNOTSUPP ||
	       err == -ENOMEM;
}

static void log_sink(void *ctx, const char *fmt, va_list ap)
{
	char buf[1024];

	*(size_t *)ctx += (size_t)vsnprintf(buf, sizeof(buf), fmt, ap) > 0;
}

static void check_pair(const uint32_t *gw, uint32_t n, uint32_t goal, const uint8_t *data,
		       size_t size)
{
	BCF_OPTS(bcf_check_opts, strict, .mode = BCF_CHECK_STRICT);
	size_t logged = 0;
	/* step logging for one input size in four (it costs a dump per step) */
	BCF_OPTS(bcf_check_opts, compat, .mode = BCF_CHECK_KERNEL_COMPAT,
		 .log_level = (size >> 2) % 4 == 0 ? 3 : 0, .log = log_sink, .log_ctx = &logged);
	int es = bcf_check_proof(gw, n, goal, data, size, &strict);
	int ec = bcf_check_proof(gw, n, goal, data, size, &compat);

	if (!known(es) || !known(ec)) {
		fprintf(stderr, "unexpected errno: strict %d, compat %d\n", es, ec);
		abort();
	}
	if (!es && ec) {
		fprintf(stderr, "strict accepts, kernel-compat rejects (%d)\n", ec);
		abort();
	}
}

/* Goal words: the proof's own table, if it scans; goal = ASSUME's parameter. */
static void with_own_goal(const uint8_t *data, size_t size)
{
	uint32_t h[3], *w, goal = UINT32_MAX, pos, last = 0, i;
	uint8_t *is_hdr;

	if (size < 12 || size % 4)
		return;
	memcpy(h, data, 12);
	if (!h[1] || (uint64_t)h[1] * 4 + 12 > size)
		return;
	w = malloc(size);
	is_hdr = malloc(h[1]);
	if (!w || !is_hdr)
		goto out;
	memcpy(w, data, size);
	if (bcf_table__scan(w + 3, h[1], is_hdr, NULL, NULL))
		goto out;
	for (i = 0; i < h[1]; i++)
		if (is_hdr[i])
			last = i;
	/* first ASSUME-looking step with one parameter names the goal */
	for (pos = 3 + h[1]; pos < size / 4;) {
		uint32_t s = w[pos], np = s >> 16 & 0xff, npar = s >> 24;

		if ((s & 0xffff) == 1 && npar == 1 && pos + 1 + np < size / 4) {
			goal = w[pos + 1 + np];
			break;
		}
		pos += 1 + np + npar;
	}
	if (goal >= h[1] || !is_hdr[goal])
		goal = last;
	check_pair(w + 3, h[1], goal, data, size);
out:
	free(w);
	free(is_hdr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_pair(NULL, 0, 0, data, size);
	with_own_goal(data, size);
	return 0;
}
