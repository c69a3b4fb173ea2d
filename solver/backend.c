// SPDX-License-Identifier: MIT
/* bcf_solve(): argument checks, backend dispatch, shared helpers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lang/arena.h"
#include "lang/error.h"
#include "lang/opts.h"
#include "solver/backend.h"
#include "lang/clock.h"

const char *bcf_solve_status__name(enum bcf_solve_status s)
{
	switch (s) {
	case BCF_SOLVE_UNSAT: return "unsat";
	case BCF_SOLVE_SAT: return "sat";
	case BCF_SOLVE_UNKNOWN: return "unknown";
	case BCF_SOLVE_ERROR: return "error";
	}
	return "?";
}

const char *bcf_solver_kind__name(enum bcf_solver_kind k)
{
	switch (k) {
	case BCF_SOLVER_Z3: return "z3";
	case BCF_SOLVER_CVC5: return "cvc5";
	case BCF_SOLVER_AUTO: return "auto";
	}
	return "?";
}

void bcf_solve__set_error(struct bcf_solver_result *res, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	vsnprintf(res->error, sizeof(res->error), fmt, ap);
	va_end(ap);
	/* one line: solver output may be quoted */
	for (p = res->error; *p; p++)
		if ((unsigned char)*p < ' ')
			*p = ' ';
}

void bcf_solver_result__free(struct bcf_solver_result *res)
{
	if (!res)
		return;
	free(res->model);
	free(res->core);
	res->model = NULL;
	res->core = NULL;
	res->model_len = res->core_len = 0;
	res->has_core = false;
}

const struct bcf_model_entry *bcf_solver_result__value(const struct bcf_solver_result *res,
						      uint32_t var)
{
	uint32_t lo = 0, hi = res->model_len;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (res->model[mid].var == var)
			return &res->model[mid];
		if (res->model[mid].var < var)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int bcf_solve__collect_vars(const struct bcf_arena *a, uint32_t root, uint32_t **vars,
			    uint32_t *n)
{
	uint8_t *seen = calloc(a->len ? a->len : 1, 1);
	uint32_t *out = NULL, nout = 0, id, i;
	int err = 0;

	*vars = NULL;
	*n = 0;
	if (!seen)
		return -ENOMEM;
	/* mark pass: ids are word offsets, arguments precede their users */
	seen[root] = 1;
	for (id = root + 1; id-- > 0;) {
		const struct bcf_expr *e;

		if (!seen[id] || !a->is_hdr[id])
			continue;
		e = arena_expr(a, id);
		if (bcf_is_var(e)) {
			nout++;
			continue;
		}
		/* bvsize needs only its argument's width, not its value */
		if (bcf_is_leaf(e) || e->code == BCF_BV_BVSIZE)
			continue;
		for (i = 0; i < e->vlen; i++)
			if (e->args[i] < id)
				seen[e->args[i]] = 1;
	}
	if (nout) {
		out = malloc(nout * sizeof(*out));
		if (!out) {
			err = -ENOMEM;
			goto done;
		}
		nout = 0;
		for (id = 0; id <= root; id++)
			if (seen[id] && a->is_hdr[id] && bcf_is_var(arena_expr(a, id)))
				out[nout++] = id;
	}
	*vars = out;
	*n = nout;
done:
	free(seen);
	return err;
}

bool bcf_solve__parse_dec(const char *s, unsigned width, uint64_t words[BCF_MODEL_WORDS])
{
	unsigned i;

	memset(words, 0, BCF_MODEL_WORDS * sizeof(*words));
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned __int128 carry;

		if (*s < '0' || *s > '9')
			return false;
		carry = (unsigned)(*s - '0');
		for (i = 0; i < BCF_MODEL_WORDS; i++) {
			unsigned __int128 t = (unsigned __int128)words[i] * 10 + carry;

			words[i] = (uint64_t)t;
			carry = t >> 64;
		}
		if (carry)
			return false;
	}
	/* nothing above width */
	for (i = 0; i < BCF_MODEL_WORDS; i++) {
		unsigned lo = i * 64;
		uint64_t allowed;

		if (width <= lo)
			allowed = 0;
		else if (width - lo >= 64)
			allowed = ~(uint64_t)0;
		else
			allowed = ((uint64_t)1 << (width - lo)) - 1;
		if (words[i] & ~allowed)
			return false;
	}
	return true;
}

int bcf_solve(const struct bcf_arena *a, uint32_t root, enum bcf_solver_kind kind,
	      const struct bcf_solve_opts *opts, struct bcf_solver_result *res)
{
	struct bcf_solve_opts o;
	uint64_t t0;
	int err;

	if (!res)
		return bcf__err(-EINVAL, "bcf_solve: no result struct");
	memset(res, 0, sizeof(*res));
	res->status = BCF_SOLVE_ERROR;
	if (!a || root >= a->len || !a->is_hdr[root] || !bcf_is_bool(arena_expr(a, root))) {
		bcf_solve__set_error(res, "root %u is not a bool expression of the arena", root);
		return bcf__err(-EINVAL, "bcf_solve: root %u is not a bool expression", root);
	}
	err = bcf__opts_get(bcf_solve_opts, opts, &o);
	if (err)
		return err;
	t0 = bcf__mono_us();
	switch (kind) {
	case BCF_SOLVER_Z3:
		res->solver = BCF_SOLVER_Z3;
		err = bcf_solve__z3(a, root, &o, res);
		break;
	case BCF_SOLVER_CVC5:
		res->solver = BCF_SOLVER_CVC5;
		err = bcf_solve__cvc5(a, root, &o, res);
		break;
	case BCF_SOLVER_AUTO: {
		struct bcf_solve_opts oz = o;

		/* z3 gets half of a time limit, so that cvc5 has a chance where
		 * z3 gives up (a goal z3 could not settle in 60 s, cvc5 in 0.1 s:
		 * prover_diff seed 20, condition 14684) */
		if (o.timeout_ms)
			oz.timeout_ms = o.timeout_ms / 2 ? o.timeout_ms / 2 : 1;
		res->solver = BCF_SOLVER_Z3;
		err = bcf_solve__z3(a, root, &oz, res);
		if (!err && res->status == BCF_SOLVE_UNKNOWN) {
			uint64_t used_ms = (bcf__mono_us() - t0) / 1000;
			char why[sizeof(res->error)];

			/* the time limit is the call's: cvc5 gets what z3 left */
			if (o.timeout_ms && used_ms >= o.timeout_ms)
				break;
			if (o.timeout_ms)
				o.timeout_ms -= (unsigned)used_ms;
			memcpy(why, res->error, sizeof(why));
			bcf_solver_result__free(res);
			memset(res, 0, sizeof(*res));
			res->solver = BCF_SOLVER_CVC5;
			err = bcf_solve__cvc5(a, root, &o, res);
			if (!err && res->status == BCF_SOLVE_ERROR) {
				/* cvc5 unusable: report z3's unknown */
				char cvc5_err[sizeof(res->error)];

				memcpy(cvc5_err, res->error, sizeof(cvc5_err));
				res->status = BCF_SOLVE_UNKNOWN;
				res->solver = BCF_SOLVER_Z3;
				snprintf(res->error, sizeof(res->error), "z3: %.100s; cvc5: %.100s",
					 why, cvc5_err);
			}
		}
		break;
	}
	default:
		return bcf__err(-EINVAL, "bcf_solve: unknown solver kind %d", (int)kind);
	}
	res->time_us = bcf__mono_us() - t0;
	if (err) {
		bcf_solver_result__free(res);
		res->status = BCF_SOLVE_ERROR;
	}
	return err;
}
