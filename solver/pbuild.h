/* SPDX-License-Identifier: MIT */
/*
 * solver/pbuild.h - the proof builder.
 *
 * One hash-consed arena holds every expression the builder knows (the goal
 * copy, parameters, every fact), so structural equality is id equality.
 * Each step is run through the checker's own rule function on a builder
 * checker whose static table is that arena; the dynamic conclusion is
 * interned into the arena and becomes the step's fact.  The fact is thus
 * exactly what the kernel will compute (literal order, duplicates, unit and
 * false normalisation), and the builder cannot drift from the rule book.
 *
 * pbuild_finish() trims the steps to what the last one needs, compacts the
 * expression table to the sub-DAGs the parameters name, renumbers, and
 * checks the bytes with bcf_check_proof() in strict and in kernel-compat
 * mode against the goal: a proof our checker rejects is never returned.
 */
#ifndef BCF_SOLVER_PBUILD_H
#define BCF_SOLVER_PBUILD_H

#include <stdbool.h>
#include <stdint.h>

#include <bcf/bcf.h>

struct pbuild;

/* Parameter kinds: an expression id (remapped when serialised) or a raw word. */
enum pb_kind {
	PB_RAW = 0,
	PB_EXPR = 1,
};

struct pbuild *pbuild_new(void);
void pbuild_free(struct pbuild *b);
/*
 * Refuse (-ENOTSUP) every step the kernel accepts without checking it
 * (POLY_NORM, REWRITE id 0): routes that need one fail and fall back.
 */
void pbuild_set_no_trusted(struct pbuild *b, bool on);
/* pbuild_finish() fails with -EFBIG above max bytes (0: the kernel's limit,
 * which always applies). */
void pbuild_set_max_bytes(struct pbuild *b, size_t max);

struct bcf_arena *pbuild_arena(struct pbuild *b);
uint32_t pbuild_true(const struct pbuild *b);
uint32_t pbuild_false(const struct pbuild *b);
/* The reason of the last failure ("" if none). */
const char *pbuild_error(const struct pbuild *b);

/* Copy the DAG below root of src into the builder's arena (variables keep
 * their identity: one builder variable per source variable, across calls). */
int pbuild_import(struct pbuild *b, const struct bcf_arena *src, uint32_t root, uint32_t *id);

/* Add (or find) a node in the builder's arena; type-checked. */
int pbuild_node(struct pbuild *b, uint8_t code, uint16_t params, const uint32_t *args,
		unsigned vlen, uint32_t *id);
/* The same for a node of two arguments, and for a 32-bit constant (the
 * Int bindings and side conditions of rewrites). */
int pbuild_node2(struct pbuild *b, uint8_t code, uint16_t params, uint32_t x, uint32_t y,
		 uint32_t *id);
int pbuild_i32(struct pbuild *b, uint32_t v, uint32_t *id);

/*
 * Emit a step.  prem: step indices; params with kinds (NULL = all raw).
 * Returns the new step's index (>= 0) or a negative errno (the rule
 * rejected the step: pbuild_error() says why).
 */
int pbuild_step(struct pbuild *b, uint16_t rule, const int *prem, unsigned np,
		const uint32_t *params, const uint8_t *kinds, unsigned nparams);
/* The fact (arena id) concluded by step s. */
uint32_t pbuild_fact(const struct pbuild *b, int s);
unsigned pbuild_nsteps(const struct pbuild *b);
/* Rule word of step s and its premise i (step index), or -EINVAL. */
int pbuild_rule(const struct pbuild *b, int s);
int pbuild_premise(const struct pbuild *b, int s, unsigned i);

/* Convenience wrappers; each returns the step index or a negative errno. */
int pb_assume(struct pbuild *b, uint32_t goal);
int pb_refl(struct pbuild *b, uint32_t t);
int pb_symm(struct pbuild *b, int s);
int pb_trans(struct pbuild *b, const int *s, unsigned n);
/* CONG with the header word of the operator node op (an arena node whose
 * code/vlen/params are used) over premises s[0..n-1] (n must equal vlen). */
int pb_cong(struct pbuild *b, uint32_t op, const int *s, unsigned n);
int pb_rewrite(struct pbuild *b, unsigned rid, const int *prem, unsigned np,
	       const uint32_t *vars, unsigned nvars);
int pb_evaluate(struct pbuild *b, uint32_t t);
int pb_aci_norm(struct pbuild *b, uint32_t eq);
int pb_absorb(struct pbuild *b, uint32_t eq);
int pb_true_elim(struct pbuild *b, int s);
int pb_bitblast(struct pbuild *b, uint32_t eq);
int pb_and_elim(struct pbuild *b, int s, unsigned i);
int pb_eq_resolve(struct pbuild *b, int s_a, int s_eq);
int pb_equiv_elim(struct pbuild *b, int s, unsigned k);
int pb_not_or_elim(struct pbuild *b, int s, unsigned i);
int pb_split(struct pbuild *b, uint32_t a);
/* CNF axioms: rule is one of BCF_RULE_CNF_* / BCF_RULE_ITE_EQ; k is used by
 * the rules that take an index (pass 0 otherwise). */
int pb_cnf(struct pbuild *b, uint16_t rule, uint32_t f, unsigned k);
/* Chain resolution: premises s[0..n-1], pivots piv[0..n-2] (arena ids),
 * pol[i] = 1 when the accumulated (left) clause holds piv[i] itself. */
int pb_resolution(struct pbuild *b, const int *s, unsigned n, const uint32_t *piv,
		  const uint8_t *pol);
/* REORDERING of step s's clause (a DISJ) swapping literals 0 and k (k = 0 or
 * a fact that is no DISJ: s itself, no step). */
int pb_reorder_first(struct pbuild *b, int s, unsigned k);
/* FACTORING removing every later duplicate literal of step s's clause (no
 * step is emitted and s is returned when there is none). */
int pb_factor(struct pbuild *b, int s);

struct pbuild_stats {
	uint32_t steps;
	struct bcf_rule_counts rule_steps;
	uint32_t expr_words;
	/* kernel-trusted steps of the serialised proof (bcf_check_stats) */
	uint32_t kt_steps;
	struct bcf_rule_counts kt_rule_steps;
	char kt_first[256];
};

/*
 * Serialise the proof ending at step last (which must conclude false),
 * check it against goal (goal_words may be NULL: the ASSUME is then not
 * compared), and return the bytes (malloc'd).  -EFBIG: over the size limit.
 */
int pbuild_finish(struct pbuild *b, int last, const uint32_t *goal_words, uint32_t goal_n,
		  uint32_t goal, void **proof, size_t *size, struct pbuild_stats *st);

#endif
