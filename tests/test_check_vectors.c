// SPDX-License-Identifier: MIT
/*
 * Conformance of the checker with the upstream (kernel) checker: every
 * included upstream proof of the shared vectors, checked in kernel-compat
 * mode against the refine_cond of its condition buffer, must get the
 * recorded upstream verdict (accept, or reject with the recorded errno).
 * Strict mode must accept a subset; its rejection reasons are summarised.
 */
#include <ctype.h>
#include <time.h>

#include "checker/checker.h"
#include "tests/check_vectors.h"
#include "tests/tap.h"
#include "lang/clock.h"

#define MAX_REASONS 512

struct reason {
	char text[200];
	unsigned n;
	char example[128];
};

static struct reason reasons[MAX_REASONS];
static unsigned nreasons;

/* Count a rejection reason, numbers replaced by N so ids do not split it. */
static void count_reason(const char *rule, const char *why, const char *name)
{
	char text[200];
	size_t o = 0;
	unsigned i;

	o = snprintf(text, sizeof(text), "%s: ", rule);
	for (; *why && o + 2 < sizeof(text); why++) {
		if (isdigit((unsigned char)*why)) {
			text[o++] = 'N';
			while (isdigit((unsigned char)why[1]) || why[1] == 'x' ||
			       isxdigit((unsigned char)why[1]))
				why++;
		} else {
			text[o++] = *why;
		}
	}
	text[o] = '\0';
	for (i = 0; i < nreasons; i++) {
		if (!strcmp(reasons[i].text, text)) {
			reasons[i].n++;
			return;
		}
	}
	if (nreasons == MAX_REASONS)
		return;
	snprintf(reasons[nreasons].text, sizeof(reasons[nreasons].text), "%s", text);
	snprintf(reasons[nreasons].example, sizeof(reasons[nreasons].example), "%s", name);
	reasons[nreasons++].n = 1;
}

static int by_count(const void *a, const void *b)
{
	const struct reason *x = a, *y = b;

	return (int)y->n - (int)x->n;
}

static const char *rule_of(const struct bcf_check_stats *st)
{
	const char *n;

	if (st->failed_step == UINT32_MAX)
		return "(global)";
	n = bcf_rule__name(st->failed_rule);
	return n ? n : "(invalid rule)";
}

int main(void)
{
	unsigned bad, agree = 0, disagree = 0, strict_acc = 0, compat_acc = 0, subset_bad = 0;
	unsigned strict_trusted = 0, i;
	int compat_err;
	BCF_OPTS(bcf_check_stats, st);
	char dir[4096];
	double t0;
	struct cv_set set;
	double secs;

	snprintf(dir, sizeof(dir), "%s/vectors", shared_dir());
	if (cv_load(dir, &set, &bad)) {
		skip("no shared vectors");
		return done_testing();
	}
	ok(set.n >= 1231 && !bad, "loaded %zu included proofs (%u unloadable)", set.n, bad);

	t0 = bcf__mono_s();
	for (i = 0; i < set.n; i++) {
		struct cv_case *c = &set.c[i];
		int err = cv_check(c, c->proof, c->proof_len, BCF_CHECK_KERNEL_COMPAT, &st);
		bool same = c->expect == -1 ? err != 0 : err == c->expect;

		if (same) {
			agree++;
		} else {
			disagree++;
			diag("DISAGREE %s: upstream %s, ours %s at step %d (%s): %s", c->name,
			     c->verdict, err ? cv_errno_name(err) : "accept",
			     (int)st.failed_step, rule_of(&st), bcf_last_error());
		}
		if (!err)
			compat_acc++;
		compat_err = err;
		err = cv_check(c, c->proof, c->proof_len, BCF_CHECK_STRICT, &st);
		if (!err) {
			strict_acc++;
			strict_trusted += st.trusted_steps;
			if (compat_err || c->expect != 0) {
				subset_bad++;
				diag("STRICT-ONLY %s: strict accepts, compat %s, upstream %s",
				     c->name, cv_errno_name(compat_err), c->verdict);
			}
		} else {
			count_reason(rule_of(&st), st.reason, c->name);
		}
	}
	secs = bcf__mono_s() - t0;

	diag("kernel-compat: %u of %zu agree with upstream, %u disagree; %u accepted", agree,
	     set.n, disagree, compat_acc);
	diag("strict: %u accepted (%u trusted steps in them)", strict_acc, strict_trusted);
	qsort(reasons, nreasons, sizeof(reasons[0]), by_count);
	diag("strict rejections by reason:");
	for (i = 0; i < nreasons && i < 40; i++)
		diag("  %5u  %s   (e.g. %s)", reasons[i].n, reasons[i].text, reasons[i].example);
	diag("both modes over the corpus: %.2f s", secs);

	ok(disagree == 0, "kernel-compat verdicts equal the upstream verdicts (%u disagree)",
	   disagree);
	ok(subset_bad == 0, "strict accepts only proofs compat mode and upstream accept (%u not)", subset_bad);
	ok(strict_trusted == 0, "strict mode never accepts a trusted step");
	cv_free(&set);
	return done_testing();
}
