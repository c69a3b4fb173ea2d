/* SPDX-License-Identifier: MIT */
/*
 * solver/tactic_int.h - internals of the word-level tactic:
 *   tactic.c     literals, bindings, rounds (entry point)
 *   tactic_rw.c  the rewriter: substitution, evaluation, node folding
 *   tactic_poly.c  POLY_NORM steps: constant polynomials, linear equations
 */
#ifndef BCF_SOLVER_TACTIC_INT_H
#define BCF_SOLVER_TACTIC_INT_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include "checker/poly.h"
#include "lang/arena.h"
#include "solver/pbuild.h"
#include "solver/tactic.h"

/* "rewrites to itself": never a step index */
#define TAC_SAME 0x7fffffff
/* node visits per tactic_refute() attempt before giving up (-ETIME) */
#define TAC_MAX_WORK (1u << 22)

struct tac_lit {
	int step;        /* proves the literal */
	uint8_t done;    /* superseded by its rewritten form */
	uint32_t own[3]; /* ids this literal bound (0 = none): its atom, the
			  * term it equates with a constant, a solved term */
};

/* Per arena id.  bind/refl are permanent; rw/sb/flags are valid for one
 * generation of bindings (gen bumps whenever a binding changes). */
struct tac_slot {
	int bind;  /* step + 1 of (= id c), 0 = unbound */
	int refl;  /* step + 1 of (= id id) */
	int rw;    /* step of (= id id'), or TAC_SAME */
	int sb;    /* same, substitution only (no evaluation) */
	uint32_t rwgen, sbgen, flgen;
	uint8_t fl; /* TF_* */
	uint8_t lit; /* is the fact of a literal (permanent) */
	uint8_t evm; /* EVALUATE stack need of the substituted node (capped at 255) */
};

#define TF_GROUND 1u /* constant after substitution */
#define TF_EVAL 2u   /* EVALUATE may accept the substituted node */
#define TF_BOUND 4u  /* holds a bound subterm (substitution changes it) */

struct tac {
	struct pbuild *b;
	struct bcf_arena *a;
	struct tac_lit *lits;
	unsigned nlits;
	size_t lit_cap;
	struct tac_slot *slot;
	size_t nslot;
	uint32_t gen;
	uint32_t root; /* of the current tac_rw() */
	struct poly_norm *poly; /* created on first use */
	bool canon;    /* second pass: evaluate every ground subterm,
			* normalise comparisons to bvult / bvslt */
	struct tactic_out *out; /* lin_solve's results (may be NULL) */
	bool ext;      /* unfold extensions equal to constants (rw_ext.h) */
	uint64_t work;
};

static inline const struct bcf_expr *tac_expr(const struct tac *t, uint32_t id)
{
	return bcf_arena__expr(t->a, id);
}

/* Room for every arena id in t->slot (0 or -ENOMEM). */
int tac_grow(struct tac *t);

/* The slot of an arena id (grows the array), NULL without memory. */
struct tac_slot *tac_slot(struct tac *t, uint32_t id);
bool tac_bound(struct tac *t, uint32_t id);
/* Bind id to the constant on the right of step s's fact (= id c). */
int tac_bind(struct tac *t, uint32_t id, int s);
/* Drop / restore a binding temporarily (returns the saved value). */
int tac_unbind(struct tac *t, uint32_t id);
void tac_rebind(struct tac *t, uint32_t id, int saved);

/*
 * Rewrite id under the current bindings: the step of (= id id') or
 * TAC_SAME when nothing changes; negative errno on failure.
 */
int tac_rw(struct tac *t, uint32_t id);

/* solver/tactic_poly.c: POLY_NORM (= tp c) for a sum/product whose
 * polynomial is the constant c; -ENOENT if it is not. */
int tac_poly_const(struct tac *t, uint32_t tp);
/* (= (= L R) (= X c)) for an equality eqn linear in one atom X with an odd
 * coefficient (POLY_NORM + POLY_NORM_EQ); *x = X.  -ENOENT if not.
 * offset: instead, X is the term under a constant offset, as in
 * (= (bvsub X k) c), whatever X is. */
int tac_lin_solve(struct tac *t, uint32_t eqn, bool offset, uint32_t *x);

#endif
