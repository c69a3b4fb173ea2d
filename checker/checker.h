/* SPDX-License-Identifier: MIT */
/*
 * checker/checker.h - internal interface of the proof checker.
 *
 * The checker sees two kinds of expression ids (spec/format.md 2.5):
 *   - static ids 0..expr_cnt-1: offsets of node headers in the proof's
 *     expression table (read-only);
 *   - dynamic ids >= expr_cnt: nodes built while checking (conclusions and
 *     helper terms), reference counted, never reused.
 * Both are read through ckr_expr() as a struct bcf_expr in the kernel word
 * layout, so rule code does not care where a node lives.
 *
 * Every rule is one function of type ckr_rule_fn, registered in the rule
 * tables (checker/rules.c) by the X-macros of include/bcf/uapi.h.
 */
#ifndef BCF_CHECKER_CHECKER_H
#define BCF_CHECKER_CHECKER_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include "checker/pairmap.h"
#include "lang/expr.h"

/* Limits copied from the kernel checker (spec). */
#define CKR_EQ_STACK_MAX 128 /* open node pairs in a structural comparison */

struct ckr_dyn {
	uint32_t refcnt;
	uint32_t words[]; /* header word, then vlen argument words */
};

struct bcf_checker {
	/* static table */
	const uint32_t *exprs;
	uint32_t expr_cnt;
	uint8_t *is_hdr;          /* expr_cnt bytes: 1 at node offsets */

	/* dynamic nodes: dyn[id - dyn_base], NULL once freed.  dyn_base is
	 * expr_cnt when checking a proof (the kernel's numbering); a proof
	 * builder whose static table keeps growing uses a fixed base above it. */
	uint32_t dyn_base;
	bool own_is_hdr;
	struct ckr_dyn **dyn;
	uint32_t ndyn;
	size_t dyn_cap;
	uint64_t live_dyn, peak_dyn;

	uint32_t true_id, false_id; /* built-ins (static if the table has them) */

	/* pairs ckr_equal() walked to the end: verdict and cost (store.c);
	 * valid after their nodes are freed because ids are never reused */
	struct ckr_pairmap eq_memo;
	bool eq_cached; /* kernel-compat: pairs found equal compare as identical */

	enum bcf_check_mode mode;
	unsigned log_level;
	bcf_check_log_fn log;
	void *log_ctx;

	/* why the current step failed (for messages); set by ckr_fail() */
	char reason[256];
	uint32_t cur_step;
	bool trusted;               /* set by a rule that accepted a trusted step */
	uint32_t trusted_steps;     /* count of ckr_warn_trusted() calls */
	/* steps the kernel trusts (ckr_kernel_trusted()), both modes */
	uint32_t kt_steps;
	struct bcf_rule_counts kt_rule_steps;      /* the same by rule word */
	uint32_t kt_first_step;             /* UINT32_MAX until the first one */
	char kt_first[256];                 /* its fact (kernel log format) */
};

static inline bool ckr_strict(const struct bcf_checker *c)
{
	return c->mode == BCF_CHECK_STRICT;
}

/* Set up over an expression table that has already passed bcf_table__scan()
 * (is_hdr is copied); creates built-in true/false if the table lacks them. */
int ckr_init(struct bcf_checker *c, const uint32_t *exprs, uint32_t expr_cnt,
	     enum bcf_check_mode mode);
void ckr_fini(struct bcf_checker *c);

/*
 * Builder mode (solver/pbuild.c): the static table is an external, growing
 * arena (words, is_hdr not owned); dynamic ids start at CKR_BUILDER_DYN_BASE.
 * Call ckr_builder_attach() again whenever the arena has grown.
 */
#define CKR_BUILDER_DYN_BASE 0x80000000u
int ckr_init_builder(struct bcf_checker *c, enum bcf_check_mode mode, uint32_t true_id,
		     uint32_t false_id);
void ckr_builder_attach(struct bcf_checker *c, const uint32_t *words, uint32_t nwords,
			uint8_t *is_hdr);

/* A static id: below expr_cnt and at a node header. */
static inline bool ckr_is_static(const struct bcf_checker *c, uint32_t id)
{
	return id < c->expr_cnt && id < c->dyn_base && c->is_hdr[id];
}

/* Any live id (static or dynamic), or NULL. */
const struct bcf_expr *ckr_expr(const struct bcf_checker *c, uint32_t id);
/* Lookup callback form of ckr_expr, for bcf_expr__typecheck and printers. */
const struct bcf_expr *ckr_lookup(void *checker, uint32_t id);

/*
 * Build a new dynamic node.  Takes a reference on every dynamic argument
 * (not for bv_val, whose words are raw).  On success *id holds one
 * reference owned by the caller.  No type check: call ckr_typecheck().
 */
int ckr_new(struct bcf_checker *c, uint8_t code, uint8_t vlen, uint16_t params,
	    const uint32_t *args, uint32_t *id);
/* Convenience builders (params 0 unless stated); same ownership as ckr_new. */
int ckr_not(struct bcf_checker *c, uint32_t a, uint32_t *id);
int ckr_eq(struct bcf_checker *c, uint32_t a, uint32_t b, uint32_t *id);
int ckr_disj(struct bcf_checker *c, const uint32_t *args, unsigned n, uint32_t *id);
int ckr_conj(struct bcf_checker *c, const uint32_t *args, unsigned n, uint32_t *id);
int ckr_bv_const(struct bcf_checker *c, unsigned width, uint64_t value, uint32_t *id);

/* Reference counting; both are no-ops on static ids. */
void ckr_get(struct bcf_checker *c, uint32_t id);
void ckr_put(struct bcf_checker *c, uint32_t id);

/* Type-check a node (static or dynamic) as the table scan would: 0 or -EINVAL. */
int ckr_typecheck(struct bcf_checker *c, uint32_t id, const char **why);

/*
 * Structural equality (rules-bool.md 1.4): same id; else same code, vlen,
 * params and equal leaves / arguments in order; variables only by id.
 * Returns 1 equal, 0 different, -E2BIG if more than CKR_EQ_STACK_MAX
 * pairs had to be open at once (the kernel rejects the step then).
 */
int ckr_equal(struct bcf_checker *c, uint32_t a, uint32_t b);

/* Is id a bool constant true / false (any id, static or dynamic). */
bool ckr_is_true(const struct bcf_checker *c, uint32_t id);
bool ckr_is_false(const struct bcf_checker *c, uint32_t id);

/* Record why the step failed; returns err. */
int ckr_fail(struct bcf_checker *c, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * A rule accepted a trusted (unverified) step: logs the kernel's
 * "; WARNING: applying trusted step <name>\n", sets c->trusted and counts
 * it in the stats (trusted_steps).  Names as the kernel prints them:
 * "rewrite" for REWRITE id 0, "POLY_NORM" for POLY_NORM.
 */
void ckr_warn_trusted(struct bcf_checker *c, const char *name);
/*
 * A rule accepted a step that the kernel accepts without checking (REWRITE
 * id 0, POLY_NORM), whether or not this mode verified it: counts it by rule
 * word and prints fact (its conclusion) for the first one.
 */
void ckr_kernel_trusted(struct bcf_checker *c, uint16_t rule, uint32_t fact);
/* Emit a line through the log callback when log_level != 0. */
void ckr_log(struct bcf_checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A rule: premise facts prem[0..np-1] (live ids), parameter words
 * params[0..nparams-1] (raw; most rules require ckr_is_static() on the ones
 * that are expression ids).  On success *concl holds one reference owned by
 * the caller (use ckr_get() when concluding an existing id).  Returns 0 or
 * a negative errno (ckr_fail() to say why).
 */
typedef int (*ckr_rule_fn)(struct bcf_checker *c, const uint32_t *prem, unsigned np,
			   const uint32_t *params, unsigned nparams, uint32_t *concl);

#define CKR_DECL_RULE(name, id)                                                        \
	int rule_##name(struct bcf_checker *c, const uint32_t *prem, unsigned np,      \
			const uint32_t *params, unsigned nparams, uint32_t *concl);
BCF_CORE_RULES(CKR_DECL_RULE)
BCF_BOOL_RULES(CKR_DECL_RULE)
BCF_BV_RULES(CKR_DECL_RULE)
#undef CKR_DECL_RULE

/*
 * Goal matching (spec/format.md 3): static proof node pid against goal node
 * goal of goal_words (n words).  0 if they match, -EINVAL (reason recorded
 * with ckr_fail) if not.
 */
int ckr_goal_match(struct bcf_checker *c, uint32_t pid, const uint32_t *goal_words, uint32_t n,
		   uint32_t goal);

/* The kernel's goal comparison: open node pairs (root included), variable pairs. */
#define CKR_GOAL_STACK_MAX 128
#define CKR_GOAL_VARMAP_MAX 128

/*
 * What the goal comparison of any proof of goal (in words, n words, already
 * validated) needs: *depth, the most non-leaf nodes open at once (root
 * included), and *nvars, its distinct variables.  A goal with *depth over
 * CKR_GOAL_STACK_MAX or *nvars over CKR_GOAL_VARMAP_MAX has no proof the
 * kernel accepts.  0, -EINVAL (an id outside the words) or -ENOMEM.
 */
int ckr_goal_needs(const uint32_t *words, uint32_t n, uint32_t goal, unsigned *depth,
		   unsigned *nvars);

/*
 * Constant evaluation as EVALUATE does it (spec/rules-core.md 3.2): id must
 * be a bool or a bv of width <= 64 built from constants (and bvsize of
 * anything).  *val gets the kernel's value (bool: 0/1; bv: masked to the
 * width).  Returns 0 or a negative errno (reason via ckr_fail): -EINVAL for
 * a root that is a list, a variable or wider than 64 bits, for variables
 * below it, bvnot, repeat, a zero divisor, the NEG quirk; -E2BIG for inner
 * nodes wider than 64 bits and more than 192 stack frames; -EOPNOTSUPP for
 * sdiv/smod.  In strict mode it also rejects (-EINVAL) when the kernel's
 * shift-by->=64 semantics give another result than SMT-LIB.
 */
int ckr_eval(struct bcf_checker *c, uint32_t id, uint64_t *val);
/* Same walk, never the strict check: the kernel value and the SMT-LIB
 * value (smt_val may be NULL). */
int ckr_eval_compat(struct bcf_checker *c, uint32_t id, uint64_t *kernel_val, uint64_t *smt_val);

/* Rule name for a 16-bit rule word ("ASSUME", ...), or NULL. */
/* Rule function for a rule word, or NULL. */
ckr_rule_fn ckr_rule_lookup(uint16_t rule);

#endif
