// SPDX-License-Identifier: MIT
/*
 * bcf_prove(): the protocol of spec/format.md 4.4.  With a path condition,
 * try to refute it first (proven-path); otherwise, or when the path is
 * feasible, refute the refine condition.  A satisfiable goal yields a
 * counterexample that is confirmed by solving the goal again with every
 * variable fixed to its model value.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang/arena.h"
#include "lang/error.h"
#include "lang/grow.h"
#include "lang/opts.h"
#include "solver/backend.h"
#include "solver/prover.h"
#include "lang/clock.h"

void bcf_prove_result__free(struct bcf_prove_result *res)
{
	free(res->proof);
	free(res->model_text);
	res->proof = NULL;
	res->model_text = NULL;
}

/* Decimal text of a multi-word unsigned value. */
static void to_dec(const uint64_t w[BCF_MODEL_WORDS], char *out, size_t size)
{
	uint64_t v[BCF_MODEL_WORDS];
	char tmp[100];
	int n = 0, i;
	bool zero;

	memcpy(v, w, sizeof(v));
	do {
		unsigned __int128 rem = 0;

		zero = true;
		for (i = BCF_MODEL_WORDS - 1; i >= 0; i--) {
			unsigned __int128 cur = (rem << 64) | v[i];

			v[i] = (uint64_t)(cur / 10);
			rem = cur % 10;
			if (v[i])
				zero = false;
		}
		tmp[n++] = (char)('0' + (int)rem);
	} while (!zero && n < (int)sizeof(tmp) - 1);
	for (i = 0; i < n && i < (int)size - 1; i++)
		out[i] = tmp[n - 1 - i];
	out[i] = '\0';
}

static char *model_text(const struct bcf_arena *a, const struct bcf_solver_result *sr)
{
	size_t cap = 0, len = 0;
	char *s = NULL;
	uint32_t i;

	if (bcf__grow_from((void **)&s, &cap, 1, 1, 256))
		return NULL;
	s[0] = '\0';
	for (i = 0; i < sr->model_len; i++) {
		const struct bcf_model_entry *m = &sr->model[i];
		const char *name = bcf_arena__var_name(a, m->var);
		char line[256], hex[80], dec[100], vname[16];
		int k, nw = (m->width + 63) / 64, n;

		if (!name) {
			snprintf(vname, sizeof(vname), "%c%u", m->width ? 'v' : 'b', m->var);
			name = vname;
		}
		if (!m->width) {
			n = snprintf(line, sizeof(line), "  %s : Bool = %s\n", name,
				     m->words[0] ? "true" : "false");
		} else {
			hex[0] = '\0';
			for (k = nw - 1; k >= 0; k--) {
				char part[20];

				snprintf(part, sizeof(part), k == nw - 1 ? "%llx" : "%016llx",
					 (unsigned long long)m->words[k]);
				strncat(hex, part, sizeof(hex) - strlen(hex) - 1);
			}
			to_dec(m->words, dec, sizeof(dec));
			n = snprintf(line, sizeof(line), "  %s : (_ BitVec %u) = 0x%s = %s\n", name,
				     m->width, hex, dec);
		}
		if (n < 0)
			continue;
		if (bcf__grow_from((void **)&s, &cap, len + n + 1, 1, 256)) {
			free(s);
			return NULL;
		}
		memcpy(s + len, line, n + 1);
		len += n;
	}
	return s;
}

/*
 * Confirm a model: goal AND every variable equal to its value must be SAT;
 * -ETIME when the check cannot tell within timeout_ms (the model found as the
 * time limit ran out).
 */
static int confirm_model(const struct bcf_arena *src, uint32_t goal,
			 const struct bcf_solver_result *sr, enum bcf_solver_kind kind,
			 unsigned timeout_ms)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t *conj = NULL, n = 0, i, nw, root, *map = NULL;
	const uint32_t *w;
	struct bcf_solver_result check = { 0 };
	BCF_OPTS(bcf_solve_opts, so, .timeout_ms = timeout_ms);
	int err = -ENOMEM;

	if (!a)
		return -ENOMEM;
	w = bcf_arena__words(src, &nw);
	map = malloc((nw ? nw : 1) * sizeof(*map));
	conj = malloc((sr->model_len + 1) * sizeof(*conj));
	if (!map || !conj)
		goto out;
	/* copy the source arena node by node (args precede users) */
	for (i = 0; i < nw; i += (w[i] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&w[i];
		uint32_t args[256], k;

		if (bcf_is_var(e)) {
			err = bcf_arena__var(a, BCF_TYPE(e->code), BCF_EXPR_LOW(e->params),
					     bcf_arena__var_name(src, i), &map[i]);
		} else {
			for (k = 0; k < e->vlen; k++)
				args[k] = e->code == BCF_BV_VAL ? e->args[k] : map[e->args[k]];
			err = bcf_arena__node(a, e->code, e->params, args, e->vlen, &map[i]);
		}
		if (err)
			goto out;
	}
	conj[n++] = map[goal];
	for (i = 0; i < sr->model_len; i++) {
		const struct bcf_model_entry *m = &sr->model[i];
		uint32_t val, eq[2], pieces[4], np = 0;
		int off;

		if (!m->width) {
			err = bcf_arena__bool_const(a, m->words[0] != 0, &val);
		} else {
			/* most significant piece first, pieces of at most 64 bits */
			for (off = (int)((m->width - 1) / 64) * 64; off >= 0 && !err; off -= 64) {
				unsigned pw = m->width - off > 64 ? 64 : m->width - off;

				err = bcf_arena__bv_const(a, pw, m->words[off / 64], &pieces[np++]);
			}
			if (!err && np > 1)
				err = bcf_arena__node(a, BCF_BV_CONCAT, m->width, pieces, np, &val);
			else
				val = pieces[0];
		}
		if (err)
			goto out;
		eq[0] = map[m->var];
		eq[1] = val;
		err = bcf_arena__node(a, BCF_BOOL_EQ, 0, eq, 2, &conj[n++]);
		if (err)
			goto out;
	}
	root = conj[0];
	if (n > 1 && n <= 255)
		err = bcf_arena__node(a, BCF_BOOL_CONJ, 0, conj, n, &root);
	if (err)
		goto out;
	if (n > 255) {
		err = 0; /* too many variables to conjoin at once; trust the model */
		goto out;
	}
	err = bcf_solve(a, root, kind, &so, &check);
	if (!err && check.status == BCF_SOLVE_UNKNOWN)
		err = -ETIME; /* no time left to confirm it: not a wrong model */
	else if (!err && check.status != BCF_SOLVE_SAT)
		err = bcf__err(-EPROTO, "the solver's model does not satisfy the condition (%s)",
			       bcf_solve_status__name(check.status));
out:
	bcf_solver_result__free(&check);
	free(map);
	free(conj);
	bcf_arena__free(a);
	return err;
}

/* Name of the first rule with a kernel-trusted step. */
static const char *first_trusted_rule(const struct bcf_rule_counts *kt)
{
	unsigned cls, id;

	for (cls = 0; cls < 3; cls++)
		for (id = 0; id < 64; id++)
			if (kt->n[cls][id])
				return (cls << 13 | id) == BCF_RULE_REWRITE ? "REWRITE (id 0)" :
				       bcf_rule__name((uint16_t)(cls << 13 | id));
	return "?";
}

/*
 * Try to settle one goal before deadline (0: none); returns 0 and fills
 * res, status decides.
 */
static int settle(const struct bcf_arena *a, uint32_t goal, bool is_path,
		  const struct bcf_prove_opts *o, int64_t deadline, struct bcf_prove_result *res)
{
	BCF_OPTS(bcf_solve_opts, so, .timeout_ms = bcf__left_ms(deadline), .want_model = true,
		 .want_core = true);
	struct bcf_solver_result sr = { 0 };
	struct refute_result rr = { 0 };
	double t0 = bcf__mono_s();
	int err;

	err = bcf_solve(a, goal, o->solver, &so, &sr);
	res->solve_time_s += bcf__mono_s() - t0;
	if (err) {
		res->status = BCF_PROVE_ERROR;
		snprintf(res->detail, sizeof(res->detail), "solver: %s", strerror(-err));
		goto out;
	}
	res->solver = bcf_solver_kind__name(sr.solver);
	switch (sr.status) {
	case BCF_SOLVE_SAT:
		res->status = BCF_PROVE_SAT;
		err = confirm_model(a, goal, &sr, o->solver, bcf__left_ms(deadline));
		if (err == -ETIME) {
			/* under load the first answer can take the whole limit
			 * (prover_diff seed 25, condition 6400: exit 2) */
			res->status = BCF_PROVE_UNKNOWN;
			snprintf(res->detail, sizeof(res->detail),
				 "timeout: a counterexample was found at the time limit, with "
				 "no time left to confirm it");
			err = 0;
			break;
		}
		if (err) {
			res->status = BCF_PROVE_ERROR;
			snprintf(res->detail, sizeof(res->detail), "%s", bcf_last_error());
			err = 0;
			break;
		}
		free(res->model_text);
		res->model_text = model_text(a, &sr);
		break;
	case BCF_SOLVE_UNKNOWN:
		res->status = BCF_PROVE_UNKNOWN;
		snprintf(res->detail, sizeof(res->detail), "%s", sr.error[0] ? sr.error : "unknown");
		break;
	case BCF_SOLVE_ERROR:
		res->status = BCF_PROVE_ERROR;
		snprintf(res->detail, sizeof(res->detail), "%s", sr.error);
		break;
	case BCF_SOLVE_UNSAT:
		if (bcf__past(deadline)) {
			res->status = BCF_PROVE_UNKNOWN;
			snprintf(res->detail, sizeof(res->detail),
				 "timeout: the solver answered unsat at the time limit, no time "
				 "was left for the proof");
			break;
		}
		err = bcf_refute(a, goal, &sr, bcf__left_ms(deadline), o->max_proof_bytes, &rr);
		if (!err) {
			res->status = is_path ? BCF_PROVE_PROVEN_PATH : BCF_PROVE_PROVEN_REFINE;
			res->proof = rr.proof;
			res->proof_size = rr.proof_size;
			res->steps = rr.steps;
			res->rule_steps = rr.rule_steps;
			res->kernel_trusted_steps = rr.kt_steps;
			res->kernel_trusted_rule_steps = rr.kt_rule_steps;
			memcpy(res->kernel_trusted_first, rr.kt_first,
			       sizeof(res->kernel_trusted_first));
			rr.proof = NULL;
			if (o->no_trusted && rr.kt_steps) {
				/* no proof leaves: the kernel would not check all of it */
				res->status = BCF_PROVE_UNPROVABLE;
				snprintf(res->detail, sizeof(res->detail),
					 "needs %u kernel-trusted step%s (--no-trusted); first: "
					 "%s %.160s", rr.kt_steps, rr.kt_steps == 1 ? "" : "s",
					 first_trusted_rule(&rr.kt_rule_steps), rr.kt_first);
				free(res->proof);
				res->proof = NULL;
				res->proof_size = 0;
			}
		} else if (err == -ENOTSUP) {
			res->status = BCF_PROVE_UNPROVABLE;
			snprintf(res->detail, sizeof(res->detail), "%s", rr.detail);
		} else if (err == -ETIME) {
			/* our SAT search ran out of time: a timeout, not an error */
			res->status = BCF_PROVE_UNKNOWN;
			snprintf(res->detail, sizeof(res->detail), "timeout: %.200s", rr.detail);
		} else if (err == -EFBIG) {
			res->status = BCF_PROVE_TOO_LARGE;
			snprintf(res->detail, sizeof(res->detail), "%s", rr.detail);
		} else {
			res->status = BCF_PROVE_ERROR;
			snprintf(res->detail, sizeof(res->detail), "proof engine: %.200s",
				 rr.detail[0] ? rr.detail : strerror(-err));
		}
		err = 0;
		free(rr.proof);
		break;
	}
out:
	bcf_solver_result__free(&sr);
	return err;
}

int bcf_prove(const struct bcf_cond *c, const struct bcf_prove_opts *opts,
	      struct bcf_prove_result *res)
{
	struct bcf_prove_opts o;
	double t0 = bcf__mono_s();
	int64_t deadline;
	int err;

	err = bcf__result_prepare(bcf_prove_result, res);
	if (err)
		return err;
	err = bcf__opts_get(bcf_prove_opts, opts, &o);
	if (err)
		return err;
	if (!c || !c->arena || (c->path_cond == BCF_COND_NONE && c->refine_cond == BCF_COND_NONE))
		return bcf__err(-EINVAL, "bcf_prove: no condition to prove");
	/* one time limit for the whole prove: path, refine, proof searches */
	deadline = bcf__deadline(o.timeout_ms);
	if (c->path_cond != BCF_COND_NONE) {
		err = settle(c->arena, c->path_cond, true, &o, deadline, res);
		if (err || res->status != BCF_PROVE_SAT || c->refine_cond == BCF_COND_NONE)
			goto out;
		/* the path is feasible: refine_cond decides */
		free(res->model_text);
		res->model_text = NULL;
		res->status = BCF_PROVE_ERROR;
	}
	if (bcf__past(deadline)) {
		res->status = BCF_PROVE_UNKNOWN;
		snprintf(res->detail, sizeof(res->detail),
			 "timeout: the path condition took the whole time limit");
		goto out;
	}
	err = settle(c->arena, c->refine_cond, false, &o, deadline, res);
out:
	res->time_s = bcf__mono_s() - t0;
	return err;
}
