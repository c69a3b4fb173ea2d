/* SPDX-License-Identifier: MIT */
/*
 * bcf/bcf.h - libbcf public API.
 *
 * Conventions (as libbpf): functions return 0 or a negative errno; objects
 * are named bcf_<object>__<verb>; messages (warnings, info, debug) go
 * through a pluggable print callback only, and the text of the last error
 * of the calling thread is available from bcf_last_error().
 *
 * Versioned structs.  Option structs (bcf_*_opts) and result structs
 * (bcf_prove_result, bcf_check_stats) carry their own size in their first
 * field, size_t sz; declare them with BCF_OPTS, which zeroes them and sets
 * sz.  For opts: NULL means all defaults; sz must at least cover sz
 * itself; fields past sz read as 0 (so a caller built against an older,
 * smaller struct still works); bytes past the fields this library knows
 * must be 0, else the call fails with -EINVAL (a newer caller asking for
 * something this library cannot do).  For results: sz must cover every
 * field of this version (else -EINVAL and nothing is written); bytes past
 * them up to sz are zeroed.
 *
 * Ownership.  What a function returns through char ** / void ** / a
 * result struct is malloc'd and belongs to the caller: free() strings and
 * buffers, bcf_prove_result__free() a prove result, bcf_cond__free() a
 * condition (it owns its arena), bcf_arena__free() an arena.  const char *
 * returns are static strings unless said otherwise.  Input buffers are
 * only read during the call and never kept.
 */
#ifndef BCF_BCF_H
#define BCF_BCF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <bcf/uapi.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Every function of the API is declared BCF_API: libbcf is built with
 * -fvisibility=hidden and a version script (libbcf.map), so the shared
 * library exports exactly these (tests/test_abi.sh checks it).
 */
#ifndef BCF_API
#define BCF_API __attribute__((visibility("default")))
#endif

/* ---- options, messages ------------------------------------------------ */

/* Declare and zero a versioned (opts or result) struct with its size filled in. */
#define BCF_OPTS(TYPE, NAME, ...)                                   \
	struct TYPE NAME = ({                                       \
		memset(&NAME, 0, sizeof(struct TYPE));              \
		(struct TYPE){ .sz = sizeof(struct TYPE), __VA_ARGS__ }; \
	})

enum bcf_print_level {
	BCF_PRINT_WARN,
	BCF_PRINT_INFO,
	BCF_PRINT_DEBUG,
};

typedef int (*bcf_print_fn_t)(enum bcf_print_level level, const char *fmt, va_list ap);

/*
 * Install the print callback (NULL silences); returns the previous one.
 * Process-wide.  The default prints BCF_PRINT_WARN to stderr and drops the
 * rest; the library writes to stderr/stdout through nothing else.
 * BCF_PRINT_DEBUG carries internal diagnostics (e.g. of a proof replay
 * that went wrong).
 */
BCF_API bcf_print_fn_t bcf_set_print(bcf_print_fn_t fn);

/* Text of the last error reported on this thread ("" if none); a thread-local
 * buffer, valid until the thread's next call into libbcf. */
BCF_API const char *bcf_last_error(void);

/* ---- expressions ------------------------------------------------------- */

/* Printed name of a code byte ("bv_add", ...), or NULL if the code is invalid. */
BCF_API const char *bcf_code__name(uint8_t code);
/* Name of a proof rule word's low 16 bits (class | id), e.g. "RESOLUTION";
 * NULL if no such rule. Static strings. */
BCF_API const char *bcf_rule__name(uint16_t rule);
/* Same, but never NULL: "unknown core rule" etc. for ids outside the tables. */
BCF_API const char *bcf_rule__display_name(uint16_t rule);
/* Arity bounds of a code; false if the code is invalid. */
BCF_API bool bcf_code__arity(uint8_t code, unsigned *min, unsigned *max);
/* Bit-vector width of a node as the kernel computes it (bv nodes only). */
BCF_API unsigned bcf_expr__width(const struct bcf_expr *e);

/*
 * Type-check one node against spec/format.md 1.4 rules 3 and 4.  Argument
 * ids are resolved through lookup (NULL = invalid id).  Returns 0 or
 * -EINVAL with *why set to a static reason.
 */
typedef const struct bcf_expr *(*bcf_expr_lookup_fn)(void *ctx, uint32_t id);
BCF_API int bcf_expr__typecheck(const struct bcf_expr *e, bcf_expr_lookup_fn lookup, void *ctx,
			const char **why);

/*
 * Scan and type-check an expression table exactly as the kernel checker
 * does (spec/format.md 1.4).  is_hdr, if non-NULL, must hold n bytes and
 * receives 1 at every accepted node offset.  On failure returns -EINVAL,
 * *bad_idx is the word offset of the offending node, *why the rule.
 */
BCF_API int bcf_table__scan(const uint32_t *words, uint32_t n, uint8_t *is_hdr, uint32_t *bad_idx,
		    const char **why);

/* ---- expression arena (hash-consed, kernel word layout) ---------------- */

struct bcf_arena;

BCF_API /*
 * Lifetimes: ids stay valid for the arena's life.  Pointers into the arena
 * (bcf_arena__expr, bcf_arena__words) are invalidated by the next call that
 * adds a node (bcf_arena__node, __var, __bv_const, __bool_const) and by
 * bcf_arena__free: re-fetch them after adding.  A variable name
 * (bcf_arena__var_name) is a copy owned by the arena, valid until
 * bcf_arena__free.
 */
BCF_API struct bcf_arena *bcf_arena__new(void);
BCF_API void bcf_arena__free(struct bcf_arena *a);

/* Add (or find) a node; arguments must be earlier ids; the node is type-checked. */
BCF_API int bcf_arena__node(struct bcf_arena *a, uint8_t code, uint16_t params,
			    const uint32_t *args, unsigned vlen, uint32_t *id);
/* A fresh variable (never shared); type BCF_BV (width 1..255) or BCF_BOOL (width ignored). */
BCF_API int bcf_arena__var(struct bcf_arena *a, enum bcf_type type, unsigned width,
			   const char *name, uint32_t *id);
BCF_API int bcf_arena__bv_const(struct bcf_arena *a, unsigned width, uint64_t value, uint32_t *id);
BCF_API int bcf_arena__bool_const(struct bcf_arena *a, bool value, uint32_t *id);

BCF_API const struct bcf_expr *bcf_arena__expr(const struct bcf_arena *a, uint32_t id);
BCF_API const uint32_t *bcf_arena__words(const struct bcf_arena *a, uint32_t *nwords);
/* A variable's name, or NULL if it has none. */
BCF_API const char *bcf_arena__var_name(const struct bcf_arena *a, uint32_t id);
/* Value of a bv constant node (width <= 64). */
BCF_API uint64_t bcf_expr__bv_value(const struct bcf_expr *e);

/* ---- conditions (kernel condition buffers) ----------------------------- */

struct bcf_cond {
	struct bcf_arena *arena;
	uint32_t path_cond;   /* BCF_COND_NONE if absent */
	uint32_t refine_cond; /* BCF_COND_NONE if absent */
};

/*
 * Decode and validate a condition buffer (words, then path_cond and
 * refine_cond as u32).  Unused expressions are dropped and the rest is
 * re-interned into a fresh arena (hash-consed, variables kept distinct).
 */
BCF_API int bcf_cond__decode(const void *buf, size_t size, struct bcf_cond **out);
/* Encode as a kernel condition buffer; *buf is malloc'd (caller frees). */
BCF_API int bcf_cond__encode(const struct bcf_cond *c, void **buf, size_t *size);
BCF_API void bcf_cond__free(struct bcf_cond *c);

/* ---- printers ---------------------------------------------------------- */

/* SMT-LIB QF_BV script asserting expression root (bool), with sharing; *out is
 * malloc'd (caller frees). */
BCF_API int bcf_print__smt2(const struct bcf_arena *a, uint32_t root, char **out);
/* The kernel checker's s-expression format (spec/format.md 6) at a depth. */
BCF_API int bcf_print__kernel(const struct bcf_arena *a, uint32_t root, unsigned depth, char *buf,
		      size_t size);
/* JSON description of the DAG below root; *out is malloc'd (caller frees). */
BCF_API int bcf_print__json(const struct bcf_arena *a, uint32_t root, char **out);

/* ---- SMT-LIB import ---------------------------------------------------- */

/*
 * Parse a QF_BV script; the conjunction of its assertions becomes the
 * refine condition (path_cond = BCF_COND_NONE), or, if the script says
 * (set-info :bcf-goal path), the path condition (refine_cond =
 * BCF_COND_NONE: a pure path-unreachable request); (set-info :bcf-goal
 * refine) is the default.  On error returns -EINVAL and bcf_last_error()
 * reads "file:line:col: message".  *out: free with bcf_cond__free().
 */
BCF_API int bcf_smt2__parse(const char *text, size_t len, const char *filename,
			    struct bcf_cond **out);

/* ---- proof checker ----------------------------------------------------- */

enum bcf_check_mode {
	BCF_CHECK_STRICT = 0,        /* verify everything, reject every known quirk */
	BCF_CHECK_KERNEL_COMPAT = 1, /* the kernel checker's verdicts, quirks included */
};

typedef void (*bcf_check_log_fn)(void *ctx, const char *fmt, va_list ap);

/* Steps per proof rule, n[class >> 13][id] (classes core, bool, bv). */
struct bcf_rule_counts {
	uint32_t n[3][64];
};
/* The count of a rule word (class | id); 0 for a rule outside the tables. */
BCF_API uint32_t bcf_rule_counts__get(const struct bcf_rule_counts *c, uint16_t rule);

/* A result struct: declare with BCF_OPTS (see "Versioned structs" above). */
struct bcf_check_stats {
	size_t sz;
	uint32_t steps;
	struct bcf_rule_counts rule_steps;
	uint32_t trusted_steps;
	uint32_t failed_step;       /* index of the failing step, or UINT32_MAX */
	uint64_t peak_dyn_nodes;
	uint16_t failed_rule;       /* rule word of the failing step (0 if none) */
	char reason[256];           /* why the proof was rejected ("" if accepted) */
	/*
	 * Kernel-trusted steps: those the kernel checker accepts without
	 * checking them (its "; WARNING: applying trusted step"), REWRITE id 0
	 * and every POLY_NORM, counted in both modes (strict mode rejects
	 * REWRITE id 0 and verifies POLY_NORM, which the kernel still trusts),
	 * by rule word as rule_steps.  kernel_trusted_first is the fact of the
	 * first one in the kernel's log format ("" if none), at step
	 * kernel_trusted_first_step (UINT32_MAX if none).
	 */
	uint32_t kernel_trusted_steps;
	struct bcf_rule_counts kernel_trusted_rule_steps;
	uint32_t kernel_trusted_first_step;
	char kernel_trusted_first[256];
};
#define bcf_check_stats__last_field kernel_trusted_first

struct bcf_check_opts {
	size_t sz;
	enum bcf_check_mode mode;
	unsigned log_level;          /* 0 silent; 1 errors+warnings; 2 (|2) every step */
	bcf_check_log_fn log;
	void *log_ctx;
	struct bcf_check_stats *stats; /* optional out (its sz set, see above) */
};
#define bcf_check_opts__last_field stats

/*
 * Check proof (size bytes) against goal expression goal of goal_words
 * (n words, trusted as the kernel trusts its own).  goal_words may be NULL:
 * then the ASSUME formula is not compared.  Returns 0 or the kernel's
 * negative errno.
 */
BCF_API int bcf_check_proof(const uint32_t *goal_words, uint32_t n, uint32_t goal,
			    const void *proof, size_t size, const struct bcf_check_opts *opts);

/* ---- prover ------------------------------------------------------------ */

enum bcf_solver_kind {
	BCF_SOLVER_AUTO = 0, /* z3 (half of a time limit), then cvc5 on unknown (the rest) */
	BCF_SOLVER_Z3 = 1,
	BCF_SOLVER_CVC5 = 2,
};

enum bcf_prove_status {
	BCF_PROVE_PROVEN_PATH = 0,   /* path_cond refuted: set BCF_F_PROOF_PATH_UNREACHABLE */
	BCF_PROVE_PROVEN_REFINE = 1, /* refine_cond refuted */
	BCF_PROVE_SAT = 2,           /* satisfiable: counterexample in model_text */
	BCF_PROVE_UNPROVABLE = 3,    /* unsat, but no sound proof within the kernel's rules */
	BCF_PROVE_UNKNOWN = 4,       /* solver unknown or timeout */
	BCF_PROVE_ERROR = 5,         /* solver crash, invalid input, internal error */
	BCF_PROVE_TOO_LARGE = 6,     /* unsat, but every proof found exceeds the size limit
				      * (detail names the size) */
};

struct bcf_prove_opts {
	size_t sz;
	enum bcf_solver_kind solver;
	unsigned timeout_ms;  /* the whole prove (every solver call and proof search
			       * gets what is left of it); 0 = none */
	/*
	 * Refuse a proof with a kernel-trusted step (REWRITE id 0, POLY_NORM):
	 * the status becomes BCF_PROVE_UNPROVABLE, detail names the fact.
	 */
	bool no_trusted;
	/*
	 * Proof size limit in bytes, below the kernel's (MAX_BCF_PROOF_SIZE,
	 * which always applies); 0 = the kernel's.  Over it, other searches
	 * are tried, then BCF_PROVE_TOO_LARGE.
	 */
	size_t max_proof_bytes;
};
#define bcf_prove_opts__last_field max_proof_bytes

/* A result struct: declare with BCF_OPTS; release with bcf_prove_result__free(). */
struct bcf_prove_result {
	size_t sz;
	enum bcf_prove_status status;
	void *proof;             /* malloc'd proof bytes (proven only) */
	size_t proof_size;
	uint32_t steps;
	struct bcf_rule_counts rule_steps;
	char *model_text;        /* malloc'd counterexample (sat only), one variable per line */
	char detail[256];        /* missing rule (unprovable) or error text */
	const char *solver;      /* "z3" or "cvc5" (static) */
	double time_s, solve_time_s;
	/*
	 * Steps of the proof that the kernel accepts without checking them
	 * (REWRITE id 0, POLY_NORM; counted by bcf's checker on the proof bytes,
	 * by rule word), and the fact of the first one (kernel log format).
	 */
	uint32_t kernel_trusted_steps;
	struct bcf_rule_counts kernel_trusted_rule_steps;
	char kernel_trusted_first[256];
};
#define bcf_prove_result__last_field kernel_trusted_first

/* Status names as used in results files: "proven-path", "proven-refine", "sat",
 * "unprovable-kernel", "unknown", "error", "proof-too-large". */
BCF_API const char *bcf_prove_status__name(enum bcf_prove_status s);

/*
 * Prove a condition following the protocol of spec/format.md 4.4.  res->sz
 * must be set (BCF_OPTS); on return res owns proof and model_text, release
 * them with bcf_prove_result__free() (also after an error).  c is only read.
 */
BCF_API int bcf_prove(const struct bcf_cond *c, const struct bcf_prove_opts *opts,
	      struct bcf_prove_result *res);
BCF_API void bcf_prove_result__free(struct bcf_prove_result *res);

#ifdef __cplusplus
}
#endif

#endif /* BCF_BCF_H */
