/* SPDX-License-Identifier: MIT */
/*
 * solver/backend.h - decide a boolean expression of an arena with an
 * external SMT solver (z3 through its C API, cvc5 as a child process).
 *
 * One entry point, bcf_solve(), and one result struct that owns its model
 * and core arrays (release with bcf_solver_result__free()).  A solver
 * failure of any kind (crash, missing binary, unsupported node, timeout)
 * is a result, never a crash of the caller: bcf_solve() returns 0 and sets
 * status/error; it returns a negative errno only for invalid arguments or
 * when memory runs out.
 */
#ifndef BCF_SOLVER_BACKEND_H
#define BCF_SOLVER_BACKEND_H

#include <bcf/bcf.h>

/* enum bcf_solver_kind (AUTO: z3, then cvc5 if z3 answers unknown) is in bcf/bcf.h */

enum bcf_solve_status {
	BCF_SOLVE_UNSAT = 0,
	BCF_SOLVE_SAT = 1,
	BCF_SOLVE_UNKNOWN = 2, /* timeout, resource limit, incomplete */
	BCF_SOLVE_ERROR = 3,   /* the backend failed; see error[] */
};

struct bcf_solve_opts {
	size_t sz;
	unsigned timeout_ms; /* 0 = no limit */
	bool want_model;     /* on SAT: fill model[] */
	bool want_core;      /* on UNSAT with a bool_conj root: fill core[] */
};
#define bcf_solve_opts__last_field want_core

#define BCF_MODEL_WORDS 4 /* 4 x 64 = 256 bits >= the widest variable (255) */

/* The value of one variable of the arena. */
struct bcf_model_entry {
	uint32_t var;   /* arena id of a bv_var or bool_var node */
	uint16_t width; /* bit width, 0 for a bool_var */
	/* value: bit i is bit (i % 64) of words[i / 64]; bits >= width are 0;
	 * a bool is 0 or 1 in words[0] */
	uint64_t words[BCF_MODEL_WORDS];
};

struct bcf_solver_result {
	enum bcf_solve_status status;
	enum bcf_solver_kind solver; /* the backend that produced the status */
	/* SAT with want_model: every variable reachable from root, sorted by var id */
	struct bcf_model_entry *model;
	uint32_t model_len;
	/* UNSAT with want_core and a bool_conj root: indices (0-based, ascending)
	 * of root's arguments whose conjunction is already unsat.  core_len = 0
	 * and core = NULL otherwise. */
	uint32_t *core;
	uint32_t core_len;
	bool has_core; /* core[] was computed (false: not requested or root not a conj) */
	uint64_t time_us; /* wall time of the solver run(s) */
	char error[256];  /* BCF_SOLVE_ERROR / UNKNOWN: reason ("timeout", ...) */
};

/*
 * Decide root (a bool node of a): UNSAT, SAT (+ model), UNKNOWN or ERROR.
 * opts may be NULL (no timeout, no model, no core).  res is overwritten;
 * free it with bcf_solver_result__free() even after an error.
 * Returns 0, or -EINVAL (bad root / kind / opts) or -ENOMEM.
 */
int bcf_solve(const struct bcf_arena *a, uint32_t root, enum bcf_solver_kind kind,
	      const struct bcf_solve_opts *opts, struct bcf_solver_result *res);
void bcf_solver_result__free(struct bcf_solver_result *res);

/* The model entry of variable id var, or NULL. */
const struct bcf_model_entry *bcf_solver_result__value(const struct bcf_solver_result *res,
						      uint32_t var);

const char *bcf_solve_status__name(enum bcf_solve_status s);
const char *bcf_solver_kind__name(enum bcf_solver_kind k);

/* ---- per-backend entry points (solver/z3.c, solver/cvc5.c) ------------- */

/* res is zeroed and its solver field set by the caller; these fill the rest. */
int bcf_solve__z3(const struct bcf_arena *a, uint32_t root, const struct bcf_solve_opts *opts,
		  struct bcf_solver_result *res);
int bcf_solve__cvc5(const struct bcf_arena *a, uint32_t root, const struct bcf_solve_opts *opts,
		    struct bcf_solver_result *res);

/* Shared helpers (solver/backend.c). */
/* Variables reachable from root, ascending ids; *vars malloc'd.  Iterative. */
int bcf_solve__collect_vars(const struct bcf_arena *a, uint32_t root, uint32_t **vars,
			    uint32_t *n);
/* Parse a non-negative decimal string into words[] (width bits); false on junk/overflow. */
bool bcf_solve__parse_dec(const char *s, unsigned width, uint64_t words[BCF_MODEL_WORDS]);
void bcf_solve__set_error(struct bcf_solver_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
