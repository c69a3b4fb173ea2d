// SPDX-License-Identifier: MIT
/*
 * bcf_check_proof(): the checker's driver (spec/format.md 2).
 *
 *   1. header and size checks (2.1);
 *   2. expression-table scan and type check (1.4);
 *   3. one global pass over the steps (2.4): fit, rule ids, backward
 *      premises, the single ASSUME (checked against the goal at once),
 *      and for every step the index of its last user;
 *   4. the rules, in order; a step's conclusion is released once its last
 *      user has run; the last conclusion must be false.
 *
 * Everything is linear in the proof size and iterative.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "checker/checker.h"
#include "lang/error.h"
#include "lang/opts.h"
#include "lang/print.h"

#define NO_USE UINT32_MAX

struct run {
	struct bcf_checker c;
	const uint32_t *steps; /* step area */
	uint32_t step_words;
	uint32_t nsteps;
	uint32_t *off;      /* word offset of each step in the step area */
	uint32_t *last_use; /* highest step naming it as a premise, or NO_USE */
	uint32_t *fact;     /* conclusion of each step that ran */
	struct bcf_check_stats *stats;
};

static const struct bcf_proof_step *step_at(const struct run *r, uint32_t i)
{
	return (const struct bcf_proof_step *)&r->steps[r->off[i]];
}

static bool is_static_cb(void *ctx, uint32_t id)
{
	return ckr_is_static(ctx, id);
}

/* One step in the kernel's log format; concl = UINT32_MAX prints none. */
static void log_step(struct run *r, const char *prefix, uint32_t i, uint32_t concl)
{
	char buf[4096];
	int n;

	if (!r->c.log_level || !r->c.log)
		return;
	n = bcf__print_kernel_step(ckr_lookup, is_static_cb, &r->c, i, step_at(r, i), concl, buf,
				   sizeof(buf));
	if (n < 0)
		snprintf(buf, sizeof(buf), "(#%u ...)", i);
	ckr_log(&r->c, "%s%s\n", prefix, buf);
}

static int step_err(struct run *r, uint32_t i, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int step_err(struct run *r, uint32_t i, int err, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (r->stats) {
		r->stats->failed_step = i;
		r->stats->failed_rule = i < r->nsteps ? step_at(r, i)->rule : 0;
		snprintf(r->stats->reason, sizeof(r->stats->reason), "%s", why);
	}
	if (i < r->nsteps)
		return bcf__err(err, "step %u (%s): %s", i, bcf_rule__display_name(step_at(r, i)->rule), why);
	return bcf__err(err, "step %u: %s", i, why);
}

static int proof_err(struct run *r, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int proof_err(struct run *r, int err, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (r->stats)
		snprintf(r->stats->reason, sizeof(r->stats->reason), "%s", why);
	return bcf__err(err, "%s", why);
}

static bool rule_valid(uint16_t rule)
{
	unsigned id = rule & BCF_RULE_ID_MASK;

	switch (rule & BCF_RULE_CLASS_MASK) {
	case BCF_RULE_CORE:
		return id && id < __MAX_BCF_CORE_RULES;
	case BCF_RULE_BOOL:
		return id && id < __MAX_BCF_BOOL_RULES;
	case BCF_RULE_BV:
		return id && id < __MAX_BCF_BV_RULES;
	default:
		return false;
	}
}

/* Count the steps; each must fit in the step area. */
static int count_steps(struct run *r)
{
	uint32_t pos = 0, n = 0;

	while (pos < r->step_words) {
		const struct bcf_proof_step *s = (const void *)&r->steps[pos];
		uint64_t end = (uint64_t)pos + 1 + s->premise_cnt + s->param_cnt;

		if (end > r->step_words) {
			r->nsteps = n;
			return proof_err(r, -EINVAL,
					 "step %u at step word %u does not fit in the %u step words",
					 n, pos, r->step_words);
		}
		pos = end;
		n++;
	}
	r->nsteps = n;
	return 0;
}

static int global_pass(struct run *r, const uint32_t *goal_words, uint32_t n, uint32_t goal)
{
	uint32_t pos = 0, i, j;
	bool have_assume = false;
	int err;

	for (i = 0; i < r->nsteps; i++) {
		const struct bcf_proof_step *s = (const void *)&r->steps[pos];

		r->off[i] = pos;
		r->last_use[i] = NO_USE;
		pos += 1 + s->premise_cnt + s->param_cnt;
		if (!rule_valid(s->rule))
			return step_err(r, i, -EINVAL, "invalid rule 0x%04x", s->rule);
		for (j = 0; j < s->premise_cnt; j++) {
			uint32_t p = s->args[j];

			if (p >= i)
				return step_err(r, i, -EINVAL,
						"premise %u names step %u, not an earlier step", j, p);
			r->last_use[p] = i;
		}
		if (r->stats)
			r->stats->rule_steps.n[s->rule >> 13][s->rule & BCF_RULE_ID_MASK]++;
		if (s->rule != BCF_RULE_ASSUME)
			continue;
		if (have_assume)
			return step_err(r, i, -EINVAL, "a second ASSUME step");
		have_assume = true;
		if (s->premise_cnt)
			return step_err(r, i, -EINVAL, "ASSUME takes no premises");
		if (s->param_cnt != 1)
			return step_err(r, i, -EINVAL, "ASSUME takes exactly one parameter");
		if (!ckr_is_static(&r->c, s->args[0]))
			return step_err(r, i, -EINVAL, "parameter %u is not an expression id",
					s->args[0]);
		if (!bcf_is_bool(ckr_expr(&r->c, s->args[0])))
			return step_err(r, i, -EINVAL, "assumption %u is not boolean", s->args[0]);
		if (goal_words) {
			r->c.reason[0] = '\0';
			err = ckr_goal_match(&r->c, s->args[0], goal_words, n, goal);
			if (err)
				return step_err(r, i, err, "assumption %u does not match goal %u: %s",
						s->args[0], goal, r->c.reason);
		}
	}
	if (pos != r->step_words)
		return proof_err(r, -EINVAL, "%u trailing step words", r->step_words - pos);
	if (r->nsteps < 2)
		return proof_err(r, -EINVAL, "a proof needs at least two steps, this one has %u",
				 r->nsteps);
	if (!have_assume)
		return proof_err(r, -EINVAL, "no ASSUME step");
	for (i = 0; i + 1 < r->nsteps; i++)
		if (r->last_use[i] == NO_USE)
			return step_err(r, i, -EINVAL, "conclusion is never used by a later step");
	return 0;
}

/* Core rules whose parameters are all expression ids (all but REWRITE, CONG). */
static bool params_are_ids(uint16_t rule)
{
	return (rule & BCF_RULE_CLASS_MASK) == BCF_RULE_CORE && rule != BCF_RULE_REWRITE &&
	       rule != BCF_RULE_CONG;
}

static int run_steps(struct run *r)
{
	struct bcf_checker *c = &r->c;
	uint32_t prem_buf[256], i, j;
	int err;

	ckr_log(c, "checking %u proof steps\n", r->nsteps);
	for (i = 0; i < r->nsteps; i++) {
		const struct bcf_proof_step *s = step_at(r, i);
		const uint32_t *params = &s->args[s->premise_cnt];
		ckr_rule_fn fn = ckr_rule_lookup(s->rule);

		c->cur_step = i;
		c->reason[0] = '\0';
		c->trusted = false;
		if (!fn) {
			err = step_err(r, i, -EFAULT, "rule not implemented");
			goto fail;
		}
		if (params_are_ids(s->rule)) {
			for (j = 0; j < s->param_cnt; j++) {
				if (!ckr_is_static(c, params[j])) {
					err = step_err(r, i, -EINVAL,
						       "parameter %u (%u) is not an expression id", j,
						       params[j]);
					goto fail;
				}
			}
		}
		for (j = 0; j < s->premise_cnt; j++)
			prem_buf[j] = r->fact[s->args[j]];
		err = fn(c, prem_buf, s->premise_cnt, params, s->param_cnt, &r->fact[i]);
		if (err) {
			err = step_err(r, i, err, "%s", c->reason[0] ? c->reason : "rule failed");
			goto fail;
		}
		if (r->c.log_level & 2)
			log_step(r, "", i, r->fact[i]);
		/* release premises whose last user this was (once, even if repeated) */
		for (j = 0; j < s->premise_cnt; j++) {
			uint32_t p = s->args[j];

			if (r->last_use[p] == i) {
				r->last_use[p] = NO_USE;
				ckr_put(c, r->fact[p]);
			}
		}
	}
	i = r->nsteps - 1;
	if (!ckr_is_false(c, r->fact[i])) {
		err = step_err(r, i, -EINVAL, "the last step does not conclude false");
		ckr_put(c, r->fact[i]);
		return err;
	}
	ckr_put(c, r->fact[i]);
	ckr_log(c, "proof accepted\n");
	return 0;
fail:
	log_step(r, "invalid step: ", i, UINT32_MAX);
	return err;
}

int bcf_check_proof(const uint32_t *goal_words, uint32_t n, uint32_t goal, const void *proof,
		    size_t size, const struct bcf_check_opts *opts)
{
	struct bcf_check_opts o;
	struct bcf_proof_header h;
	struct run r = { 0 };
	uint32_t *copy = NULL, bad;
	const uint32_t *words;
	const char *why;
	int err;

	bcf__err_clear();
	err = bcf__opts_get(bcf_check_opts, opts, &o); /* zero: BCF_CHECK_STRICT */
	if (err)
		return err;
	r.stats = o.stats;
	if (r.stats) {
		err = bcf__result_prepare(bcf_check_stats, r.stats);
		if (err)
			return err;
		r.stats->failed_step = UINT32_MAX;
		r.stats->kernel_trusted_first_step = UINT32_MAX;
	}
	if (!proof && size)
		return proof_err(&r, -EFAULT, "no proof buffer");
	if (size >= MAX_BCF_PROOF_SIZE)
		return proof_err(&r, -EINVAL, "proof size %zu is not below %u bytes", size,
				 MAX_BCF_PROOF_SIZE);
	if (size <= sizeof(h))
		return proof_err(&r, -EINVAL, "proof size %zu is too small for a header", size);
	if (size % 4)
		return proof_err(&r, -EINVAL, "proof size %zu is not a multiple of 4", size);
	memcpy(&h, proof, sizeof(h));
	if (h.magic != BCF_MAGIC)
		return proof_err(&r, -EINVAL, "bad magic 0x%08x", h.magic);
	if (!h.expr_cnt)
		return proof_err(&r, -EINVAL, "empty expression table");
	if (h.step_cnt <= 1)
		return proof_err(&r, -EINVAL, "step area of %u words is too small", h.step_cnt);
	if (sizeof(h) + 4 * ((uint64_t)h.expr_cnt + h.step_cnt) != size)
		return proof_err(&r, -EINVAL,
				 "header sizes (%u expression words, %u step words) do not add up "
				 "to the proof size %zu", h.expr_cnt, h.step_cnt, size);

	/* the caller's buffer may be unaligned; the kernel works on a copy too */
	if ((uintptr_t)proof % _Alignof(uint32_t)) {
		copy = malloc(size);
		if (!copy)
			return proof_err(&r, -ENOMEM, "out of memory");
		memcpy(copy, proof, size);
		words = copy;
	} else {
		words = proof;
	}
	words += 3;

	err = bcf_table__scan(words, h.expr_cnt, NULL, &bad, &why);
	if (err) {
		err = proof_err(&r, err, "expression %u: %s", bad, why);
		goto out_free;
	}
	err = ckr_init(&r.c, words, h.expr_cnt, o.mode);
	if (err) {
		err = proof_err(&r, err, "cannot set up the checker");
		goto out;
	}
	r.c.log_level = o.log_level;
	r.c.log = o.log;
	r.c.log_ctx = o.log_ctx;
	r.steps = words + h.expr_cnt;
	r.step_words = h.step_cnt;
	err = count_steps(&r);
	if (err)
		goto out;
	r.off = malloc((size_t)r.nsteps * sizeof(*r.off));
	r.last_use = malloc((size_t)r.nsteps * sizeof(*r.last_use));
	r.fact = malloc((size_t)r.nsteps * sizeof(*r.fact));
	if (!r.off || !r.last_use || !r.fact) {
		err = proof_err(&r, -ENOMEM, "out of memory");
		goto out;
	}
	err = global_pass(&r, goal_words, n, goal);
	if (err)
		goto out;
	if (r.stats)
		r.stats->steps = r.nsteps;
	err = run_steps(&r);
out:
	if (r.stats) {
		r.stats->steps = r.nsteps;
		r.stats->trusted_steps = r.c.trusted_steps;
		r.stats->kernel_trusted_steps = r.c.kt_steps;
		r.stats->kernel_trusted_rule_steps = r.c.kt_rule_steps;
		r.stats->kernel_trusted_first_step = r.c.kt_first_step;
		memcpy(r.stats->kernel_trusted_first, r.c.kt_first,
		       sizeof(r.stats->kernel_trusted_first));
		r.stats->peak_dyn_nodes = r.c.peak_dyn;
	}
	free(r.off);
	free(r.last_use);
	free(r.fact);
	ckr_fini(&r.c);
out_free:
	free(copy);
	return err;
}
