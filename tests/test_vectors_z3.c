// SPDX-License-Identifier: MIT
/*
 * Every shared condition, printed with bcf_print__smt2, is answered by z3
 * (C API) and the answer must equal the manifest's status.  A per-query
 * timeout counts as a failure.  BCF_Z3_TIMEOUT_MS overrides the timeout.
 * Under AddressSanitizer z3 itself runs about 8x slower (its allocations go
 * through ASan's allocator), so such builds query every 4th vector only;
 * test_roundtrip still prints every vector under the sanitizers.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <z3.h>

#include <bcf/bcf.h>
#include "tests/vectors.h"
#include "tests/z3_ref.h"
#include "lang/clock.h"

#if defined(__SANITIZE_ADDRESS__)
#define Z3_STRIDE 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define Z3_STRIDE 4
#endif
#endif
#ifndef Z3_STRIDE
#define Z3_STRIDE 1
#endif

static void z3_err(Z3_context ctx, Z3_error_code e)
{
	/* errors are picked up with Z3_get_error_code after each call */
	(void)ctx;
	(void)e;
}

/* "sat", "unsat", "unknown", or "error: ..." (static) */
static const char *z3_answer(Z3_context ctx, const char *script, unsigned timeout_ms)
{
	static char msg[256];
	const char *perr;
	Z3_lbool r = z3_ref_check(ctx, script, timeout_ms, &perr);

	if (perr) {
		snprintf(msg, sizeof(msg), "error: %s", perr);
		return msg;
	}
	return r == Z3_L_TRUE ? "sat" : r == Z3_L_FALSE ? "unsat" : "unknown";
}

int main(void)
{
	struct vec_list l = vec_list_conds();
	unsigned timeout_ms = 60000, agree = 0, timeouts = 0, bad = 0, asked = 0;
	double t0;
	Z3_config cfg;
	Z3_context ctx;
	size_t i;

	if (getenv("BCF_Z3_TIMEOUT_MS"))
		timeout_ms = atoi(getenv("BCF_Z3_TIMEOUT_MS"));
	if (!l.n) {
		skip("no vectors under BCF_SHARED_DIR");
		return done_testing();
	}
	cfg = Z3_mk_config();
	ctx = Z3_mk_context_rc(cfg);
	Z3_del_config(cfg);
	Z3_set_error_handler(ctx, z3_err);
	t0 = bcf__mono_s();
	for (i = 0; i < l.n; i++) {
		const char *want = vec_status(l.names[i]), *got = "decode failed";
		struct bcf_cond *c = NULL;
		char *text = NULL;
		size_t len;
		void *buf;

		if (i % Z3_STRIDE)
			continue;
		asked++;
		buf = vec_read_cond(l.names[i], &len);
		if (buf && bcf_cond__decode(buf, len, &c) == 0) {
			if (bcf_print__smt2(c->arena, c->refine_cond, &text) == 0)
				got = z3_answer(ctx, text, timeout_ms);
			else
				got = "print failed";
		}
		if (want && !strcmp(got, want)) {
			agree++;
		} else {
			bad++;
			if (!strcmp(got, "unknown"))
				timeouts++;
			ok(0, "%s: z3 says %s, manifest says %s", l.names[i], got,
			   want ? want : "(missing)");
		}
		free(text);
		free(buf);
		bcf_cond__free(c);
	}
	diag("z3 agrees on %u of %u conditions (%u timeouts at %u ms) in %.1f s", agree, asked,
	     timeouts, timeout_ms,
	     bcf__mono_s() - t0);
	ok(bad == 0 && agree == asked && asked * Z3_STRIDE >= l.n,
	   "z3 answers every printed condition as the manifest says (%u/%u of %zu vectors)", agree,
	   asked, l.n);
	Z3_del_context(ctx);
	vec_list_free(&l);
	return done_testing();
}
