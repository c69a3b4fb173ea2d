// SPDX-License-Identifier: MIT
/*
 * The z3 backend: translate the DAG below root into Z3 terms (one pass in
 * ascending id order, since arguments always precede their users, so no
 * recursion), check with a per-call timeout, read the model or the unsat
 * core (with a plain check after a slow one with assumptions:
 * bcf_solve__z3).  Every check uses a Z3 context of its own; Z3 errors go to
 * a handler that only records them, so they never abort the process.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <z3.h>

#include "lang/arena.h"
#include "lang/clock.h"
#include "lang/error.h"
#include "solver/backend.h"

/* The longest check with assumption literals, for an unsat core (ms). */
#define Z3_CORE_FIRST_MS 1000u

static void z3_error_handler(Z3_context ctx, Z3_error_code e)
{
	/* recorded in ctx; checked with Z3_get_error_code() after each node */
	(void)ctx;
	(void)e;
}

struct z3_tr {
	Z3_context ctx;
	const struct bcf_arena *a;
	Z3_ast *memo;   /* by arena id */
	uint8_t *reach; /* by arena id */
	Z3_ast bv1, bv0; /* #b1, #b0 */
};

static bool z3_failed(struct z3_tr *t)
{
	return Z3_get_error_code(t->ctx) != Z3_OK;
}

static Z3_ast mk_bv_words(struct z3_tr *t, unsigned width, uint64_t v)
{
	return Z3_mk_unsigned_int64(t->ctx, v, Z3_mk_bv_sort(t->ctx, width));
}

static Z3_ast bool_to_bit(struct z3_tr *t, Z3_ast b)
{
	return Z3_mk_ite(t->ctx, b, t->bv1, t->bv0);
}

/* Left fold of a binary constructor over the node's arguments. */
typedef Z3_ast (*z3_bin_fn)(Z3_context, Z3_ast, Z3_ast);

static Z3_ast fold(struct z3_tr *t, const struct bcf_expr *e, z3_bin_fn fn)
{
	Z3_ast acc = t->memo[e->args[0]];
	unsigned i;

	for (i = 1; i < e->vlen && acc; i++)
		acc = fn(t->ctx, acc, t->memo[e->args[i]]);
	return acc;
}

static Z3_ast translate_node(struct z3_tr *t, uint32_t id, const char **why)
{
	const struct bcf_expr *e = arena_expr(t->a, id);
	Z3_context c = t->ctx;
	Z3_ast x = NULL, y = NULL, z = NULL, args[256];
	unsigned w = bcf_is_bv(e) ? bcf_expr__width(e) : 0, i;
	char name[32];

	if (!bcf_is_leaf(e) && e->code != BCF_BV_BVSIZE) {
		for (i = 0; i < e->vlen; i++) {
			args[i] = t->memo[e->args[i]];
			if (!args[i]) {
				*why = "argument not translated";
				return NULL;
			}
		}
		x = args[0];
		y = e->vlen > 1 ? args[1] : NULL;
		z = e->vlen > 2 ? args[2] : NULL;
	}

	switch (e->code) {
	case BCF_BV_VAR:
		snprintf(name, sizeof(name), "v%u", id);
		return Z3_mk_const(c, Z3_mk_string_symbol(c, name), Z3_mk_bv_sort(c, w));
	case BCF_BOOL_VAR:
		snprintf(name, sizeof(name), "b%u", id);
		return Z3_mk_const(c, Z3_mk_string_symbol(c, name), Z3_mk_bool_sort(c));
	case BCF_BV_VAL:
		if (w > 64 || e->vlen != bcf_val_words(w)) {
			*why = "malformed bv_val";
			return NULL;
		}
		return mk_bv_words(t, w, bcf_expr__bv_value(e) & bcf_mask(w));
	case BCF_BOOL_VAL:
		return (e->params & 1) ? Z3_mk_true(c) : Z3_mk_false(c);
	case BCF_BV_ADD: return fold(t, e, Z3_mk_bvadd);
	case BCF_BV_MUL: return fold(t, e, Z3_mk_bvmul);
	case BCF_BV_OR: return fold(t, e, Z3_mk_bvor);
	case BCF_BV_AND: return fold(t, e, Z3_mk_bvand);
	case BCF_BV_XOR: return fold(t, e, Z3_mk_bvxor);
	case BCF_BV_SUB: return Z3_mk_bvsub(c, x, y);
	case BCF_BV_DIV: return Z3_mk_bvudiv(c, x, y);
	case BCF_BV_MOD: return Z3_mk_bvurem(c, x, y);
	case BCF_BV_SDIV: return Z3_mk_bvsdiv(c, x, y);
	case BCF_BV_SMOD: return Z3_mk_bvsmod(c, x, y);
	case BCF_BV_LSH: return Z3_mk_bvshl(c, x, y);
	case BCF_BV_RSH: return Z3_mk_bvlshr(c, x, y);
	case BCF_BV_ARSH: return Z3_mk_bvashr(c, x, y);
	case BCF_BV_NEG: return Z3_mk_bvneg(c, x);
	case BCF_BV_NOT: return Z3_mk_bvnot(c, x);
	case BCF_BV_ITE: {
		const struct bcf_expr *ce = arena_expr(t->a, e->args[0]);

		if (bcf_is_bv(ce)) /* 1-bit condition: non-zero is true */
			x = Z3_mk_not(c, Z3_mk_eq(c, x, t->bv0));
		return Z3_mk_ite(c, x, y, z);
	}
	case BCF_BV_EXTRACT:
		return Z3_mk_extract(c, BCF_EXPR_HIGH(e->params), BCF_EXPR_LOW(e->params), x);
	case BCF_BV_SIGN_EXTEND:
		return BCF_EXPR_HIGH(e->params) ? Z3_mk_sign_ext(c, BCF_EXPR_HIGH(e->params), x) : x;
	case BCF_BV_ZERO_EXTEND:
		return BCF_EXPR_HIGH(e->params) ? Z3_mk_zero_ext(c, BCF_EXPR_HIGH(e->params), x) : x;
	case BCF_BV_REPEAT:
		return Z3_mk_repeat(c, BCF_EXPR_HIGH(e->params), x);
	case BCF_BV_CONCAT: return fold(t, e, Z3_mk_concat); /* args[0] is the msb part */
	case BCF_BV_BVSIZE:
		return mk_bv_words(t, w, bcf_expr__width(arena_expr(t->a, e->args[0])));
	case BCF_BV_FROM_BOOL: {
		/* args[0] is bit 0: concat from the top */
		Z3_ast acc = bool_to_bit(t, args[e->vlen - 1]);

		for (i = e->vlen - 1; i-- > 0 && acc;)
			acc = Z3_mk_concat(c, acc, bool_to_bit(t, args[i]));
		return acc;
	}
	case BCF_BOOL_CONJ: return Z3_mk_and(c, e->vlen, args);
	case BCF_BOOL_DISJ: return Z3_mk_or(c, e->vlen, args);
	case BCF_BOOL_XOR: return fold(t, e, Z3_mk_xor);
	case BCF_BOOL_NOT: return Z3_mk_not(c, x);
	case BCF_BOOL_IMPLIES: return Z3_mk_implies(c, x, y);
	case BCF_BOOL_ITE: return Z3_mk_ite(c, x, y, z);
	case BCF_BOOL_EQ: return Z3_mk_eq(c, x, y);
	case BCF_BOOL_DISTINCT: return Z3_mk_not(c, Z3_mk_eq(c, x, y));
	case BCF_BOOL_UGT: return Z3_mk_bvugt(c, x, y);
	case BCF_BOOL_UGE: return Z3_mk_bvuge(c, x, y);
	case BCF_BOOL_ULT: return Z3_mk_bvult(c, x, y);
	case BCF_BOOL_ULE: return Z3_mk_bvule(c, x, y);
	case BCF_BOOL_SGT: return Z3_mk_bvsgt(c, x, y);
	case BCF_BOOL_SGE: return Z3_mk_bvsge(c, x, y);
	case BCF_BOOL_SLT: return Z3_mk_bvslt(c, x, y);
	case BCF_BOOL_SLE: return Z3_mk_bvsle(c, x, y);
	case BCF_BOOL_BITOF: {
		unsigned b = BCF_EXPR_LOW(e->params);

		return Z3_mk_eq(c, Z3_mk_extract(c, b, b, x), t->bv1);
	}
	case BCF_LIST_VAL:
		*why = "list expressions have no SMT meaning";
		return NULL;
	}
	*why = "unknown code";
	return NULL;
}

/* Translate every node reachable from root; 0 or an error in res. */
static int translate(struct z3_tr *t, uint32_t root, struct bcf_solver_result *res)
{
	const struct bcf_arena *a = t->a;
	uint32_t id, i;

	t->reach[root] = 1;
	for (id = root + 1; id-- > 0;) {
		const struct bcf_expr *e;

		if (!t->reach[id])
			continue;
		if (!a->is_hdr[id]) {
			bcf_solve__set_error(res, "expression %u: not a node", id);
			return -EINVAL;
		}
		e = arena_expr(a, id);
		if (bcf_is_leaf(e) || e->code == BCF_BV_BVSIZE)
			continue;
		for (i = 0; i < e->vlen; i++) {
			if (e->args[i] >= id) {
				bcf_solve__set_error(res, "expression %u: argument %u is not earlier",
						     id, i);
				return -EINVAL;
			}
			t->reach[e->args[i]] = 1;
		}
	}
	for (id = 0; id <= root; id++) {
		const char *why = "z3 refused the term";

		if (!t->reach[id])
			continue;
		t->memo[id] = translate_node(t, id, &why);
		if (z3_failed(t)) {
			bcf_solve__set_error(res, "expression %u (%s): z3 error: %s", id,
					     bcf_code__name(arena_expr(a, id)->code),
					     Z3_get_error_msg(t->ctx, Z3_get_error_code(t->ctx)));
			return -EINVAL;
		}
		if (!t->memo[id]) {
			bcf_solve__set_error(res, "expression %u (%s): %s", id,
					     bcf_code__name(arena_expr(a, id)->code), why);
			return -EINVAL;
		}
	}
	return 0;
}

static int read_model(struct z3_tr *t, Z3_solver s, uint32_t root, struct bcf_solver_result *res)
{
	Z3_model m = Z3_solver_get_model(t->ctx, s);
	uint32_t *vars, n, i;
	int err;

	if (!m || z3_failed(t)) {
		bcf_solve__set_error(res, "z3 gave no model");
		return -EINVAL;
	}
	Z3_model_inc_ref(t->ctx, m);
	err = bcf_solve__collect_vars(t->a, root, &vars, &n);
	if (err)
		goto out;
	res->model = calloc(n ? n : 1, sizeof(*res->model));
	if (!res->model) {
		err = -ENOMEM;
		goto out_vars;
	}
	for (i = 0; i < n; i++) {
		const struct bcf_expr *e = arena_expr(t->a, vars[i]);
		struct bcf_model_entry *me = &res->model[i];
		Z3_ast v = NULL;

		me->var = vars[i];
		me->width = bcf_is_bv(e) ? bcf_expr__width(e) : 0;
		if (!Z3_model_eval(t->ctx, m, t->memo[vars[i]], true, &v) || !v || z3_failed(t)) {
			bcf_solve__set_error(res, "z3: cannot evaluate variable %u", vars[i]);
			err = -EINVAL;
			goto out_vars;
		}
		if (me->width) {
			const char *dec = Z3_get_numeral_string(t->ctx, v);

			if (z3_failed(t) || !dec || !bcf_solve__parse_dec(dec, me->width, me->words)) {
				bcf_solve__set_error(res, "z3: bad value for variable %u", vars[i]);
				err = -EINVAL;
				goto out_vars;
			}
		} else {
			Z3_lbool b = Z3_get_bool_value(t->ctx, v);

			if (b == Z3_L_UNDEF) {
				bcf_solve__set_error(res, "z3: bad value for variable %u", vars[i]);
				err = -EINVAL;
				goto out_vars;
			}
			me->words[0] = b == Z3_L_TRUE;
		}
	}
	res->model_len = n;
out_vars:
	free(vars);
out:
	Z3_model_dec_ref(t->ctx, m);
	return err;
}

static int read_core(struct z3_tr *t, Z3_solver s, const Z3_ast *track, unsigned n,
		     struct bcf_solver_result *res)
{
	Z3_ast_vector core = Z3_solver_get_unsat_core(t->ctx, s);
	unsigned k, i, j, cnt = 0;
	uint8_t in_core[256] = { 0 };
	int err = 0;

	if (!core || z3_failed(t)) {
		bcf_solve__set_error(res, "z3 gave no unsat core");
		return -EINVAL;
	}
	Z3_ast_vector_inc_ref(t->ctx, core);
	k = Z3_ast_vector_size(t->ctx, core);
	for (i = 0; i < k; i++) {
		Z3_ast lit = Z3_ast_vector_get(t->ctx, core, i);

		for (j = 0; j < n; j++)
			if (Z3_is_eq_ast(t->ctx, lit, track[j]))
				break;
		if (j == n) {
			bcf_solve__set_error(res, "z3: unknown literal in unsat core");
			err = -EINVAL;
			goto out;
		}
		if (!in_core[j]++)
			cnt++;
	}
	res->core = malloc((cnt ? cnt : 1) * sizeof(*res->core));
	if (!res->core) {
		err = -ENOMEM;
		goto out;
	}
	for (j = 0; j < n; j++)
		if (in_core[j])
			res->core[res->core_len++] = j;
	res->has_core = true;
out:
	Z3_ast_vector_dec_ref(t->ctx, core);
	return err;
}

/*
 * A QF_BV solver of t's context with a time limit (ms, 0: none), asked to
 * keep an unsat core when core: NULL (message in res) on failure.
 */
static Z3_solver new_solver(struct z3_tr *t, unsigned timeout_ms, bool core,
			    struct bcf_solver_result *res)
{
	Z3_solver s = Z3_mk_solver_for_logic(t->ctx, Z3_mk_string_symbol(t->ctx, "QF_BV"));
	Z3_params p;

	if (!s || z3_failed(t)) {
		bcf_solve__set_error(res, "z3: cannot create a solver");
		return NULL;
	}
	Z3_solver_inc_ref(t->ctx, s);
	p = Z3_mk_params(t->ctx);
	Z3_params_inc_ref(t->ctx, p);
	if (timeout_ms)
		Z3_params_set_uint(t->ctx, p, Z3_mk_string_symbol(t->ctx, "timeout"), timeout_ms);
	if (core)
		Z3_params_set_bool(t->ctx, p, Z3_mk_string_symbol(t->ctx, "unsat_core"), true);
	Z3_solver_set_params(t->ctx, s, p);
	Z3_params_dec_ref(t->ctx, p);
	/* each API call clears the error code: check before going on */
	if (z3_failed(t)) {
		bcf_solve__set_error(res, "z3: cannot set the solver parameters: %s",
				     Z3_get_error_msg(t->ctx, Z3_get_error_code(t->ctx)));
		Z3_solver_dec_ref(t->ctx, s);
		return NULL;
	}
	return s;
}

/*
 * A context for t with every term below root translated: 0, or -1 with
 * res's message set (t->memo and t->reach are cleared first).
 */
static int open_ctx(struct z3_tr *t, uint32_t root, bool model, struct bcf_solver_result *res)
{
	Z3_config cfg = Z3_mk_config();

	memset(t->memo, 0, (root + 1) * sizeof(*t->memo));
	memset(t->reach, 0, root + 1);
	if (!cfg) {
		bcf_solve__set_error(res, "z3: cannot create a configuration");
		return -1;
	}
	Z3_set_param_value(cfg, "model", model ? "true" : "false");
	t->ctx = Z3_mk_context(cfg);
	Z3_del_config(cfg);
	if (!t->ctx) {
		bcf_solve__set_error(res, "z3: cannot create a context");
		return -1;
	}
	Z3_set_error_handler(t->ctx, z3_error_handler);
	t->bv1 = mk_bv_words(t, 1, 1);
	t->bv0 = mk_bv_words(t, 1, 0);
	if (translate(t, root, res)) {
		Z3_del_context(t->ctx);
		t->ctx = NULL;
		return -1; /* message set */
	}
	return 0;
}

/*
 * One check of root in a context of its own, within timeout_ms (0: none):
 * with core, each of root's conjuncts behind an assumption literal and the
 * unsat core read into res; the model into res when SAT and model.  Fills
 * res->status (and res->error unless decided); 0 or -ENOMEM.
 */
static int check_once(struct z3_tr *t, uint32_t root, bool core, bool model,
		      unsigned timeout_ms, struct bcf_solver_result *res)
{
	const struct bcf_expr *re = arena_expr(t->a, root);
	Z3_ast track[256];
	Z3_lbool r = Z3_L_UNDEF;
	Z3_solver s;
	unsigned i;
	int err = 0;

	res->status = BCF_SOLVE_ERROR;
	res->error[0] = 0;
	if (open_ctx(t, root, model, res))
		return 0; /* message set */
	s = new_solver(t, timeout_ms, core, res);
	if (!s)
		goto out_ctx;
	if (core) {
		for (i = 0; i < re->vlen && !z3_failed(t); i++) {
			char name[32];

			snprintf(name, sizeof(name), "!core%u", i);
			track[i] = Z3_mk_const(t->ctx, Z3_mk_string_symbol(t->ctx, name),
					       Z3_mk_bool_sort(t->ctx));
			Z3_solver_assert(t->ctx, s,
					 Z3_mk_implies(t->ctx, track[i], t->memo[re->args[i]]));
		}
		if (!z3_failed(t))
			r = Z3_solver_check_assumptions(t->ctx, s, re->vlen, track);
	} else {
		Z3_solver_assert(t->ctx, s, t->memo[root]);
		if (!z3_failed(t))
			r = Z3_solver_check(t->ctx, s);
	}
	if (z3_failed(t)) {
		bcf_solve__set_error(res, "z3: %s",
				     Z3_get_error_msg(t->ctx, Z3_get_error_code(t->ctx)));
		goto out_solver;
	}
	switch (r) {
	case Z3_L_FALSE:
		res->status = BCF_SOLVE_UNSAT;
		if (core && read_core(t, s, track, re->vlen, res)) {
			/* core failure is not fatal for the verdict */
			free(res->core);
			res->core = NULL;
			res->core_len = 0;
			res->has_core = false;
		}
		break;
	case Z3_L_TRUE:
		res->status = BCF_SOLVE_SAT;
		if (model && (err = read_model(t, s, root, res))) {
			free(res->model);
			res->model = NULL;
			res->model_len = 0;
			if (err != -ENOMEM) {
				res->status = BCF_SOLVE_ERROR;
				err = 0;
			}
		}
		break;
	default:
		res->status = BCF_SOLVE_UNKNOWN;
		bcf_solve__set_error(res, "%s", Z3_solver_get_reason_unknown(t->ctx, s));
		break;
	}
out_solver:
	Z3_solver_dec_ref(t->ctx, s);
out_ctx:
	Z3_del_context(t->ctx);
	t->ctx = NULL;
	return err;
}

/*
 * With an unsat core wanted, the check with assumption literals comes first,
 * for at most Z3_CORE_FIRST_MS: z3 checks so without its bit-vector
 * preprocessing, and a 64-bit bvurem that the plain check settles in 0.7 s
 * took it over 30 s (prover_diff seed 21; the prove then timed out).  Past
 * that, the plain check with what is left of the limit, without a core (the
 * refutation then takes every conjunct).
 */
int bcf_solve__z3(const struct bcf_arena *a, uint32_t root, const struct bcf_solve_opts *opts,
		  struct bcf_solver_result *res)
{
	bool core = opts->want_core && arena_expr(a, root)->code == BCF_BOOL_CONJ;
	struct z3_tr t = { .a = a };
	unsigned limit = opts->timeout_ms;
	int64_t t0 = bcf__mono_ms(), used;
	int err = 0;

	res->status = BCF_SOLVE_ERROR;
	t.memo = calloc(root + 1, sizeof(*t.memo));
	t.reach = calloc(root + 1, 1);
	if (!t.memo || !t.reach) {
		err = -ENOMEM;
		goto out;
	}
	if (core) {
		err = check_once(&t, root, true, opts->want_model,
				 limit && limit < Z3_CORE_FIRST_MS ? limit : Z3_CORE_FIRST_MS, res);
		if (err || res->status != BCF_SOLVE_UNKNOWN)
			goto out;
		used = bcf__mono_ms() - t0;
		if (limit && used >= limit)
			goto out; /* unknown: the limit is spent */
		if (limit)
			limit -= (unsigned)used;
	}
	err = check_once(&t, root, false, opts->want_model, limit, res);
out:
	free(t.memo);
	free(t.reach);
	return err;
}
