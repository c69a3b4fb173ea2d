/* SPDX-License-Identifier: MIT */
/*
 * solver/blast.h - bit-blasting with checked steps only.
 *
 * For a bit-vector atom a (bool_eq / bool_distinct on bit-vectors, the
 * eight comparisons, ...), blast_atom() emits proof steps (through the
 * proof builder) that conclude (= a C), where C is a boolean circuit whose
 * leaves are bit literals (bool_bitof of a bv_var), the arena's true/false,
 * and atoms left opaque, and whose gates are bool_conj / bool_disj /
 * bool_not / bool_xor / bool_eq / bool_ite nodes.  The CNF stage gives
 * every gate its Tseitin clauses.
 *
 * Terms are proven equal to bit-level vectors (= t FB(bits)) bottom-up
 * (rules-bv.md 4): BITBLAST of variables and constants, CONG + BITBLAST +
 * TRANS through operators, checked REWRITEs first for what the kernel
 * cannot bit-blast directly (zero_extend, swapped comparisons, distinct,
 * constant masks).  Never: BITBLAST of bv_and/bv_xor/bv_not, REWRITE id 0,
 * POLY_NORM that our strict checker does not verify.
 */
#ifndef BCF_SOLVER_BLAST_H
#define BCF_SOLVER_BLAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "solver/pbuild.h"

struct blaster;

struct blaster *blaster_new(struct pbuild *b);
void blaster_free(struct blaster *bl);

/*
 * Prove (= atom C).  Returns the step index (>= 0) and *circ = C, or
 * -ENOTSUP when the kernel's rules have no sound route (detail names the
 * missing rule, e.g. "BITBLAST bv_mul (var x var)"), or another negative
 * errno (detail says why).
 */
int blast_atom(struct blaster *bl, uint32_t atom, uint32_t *circ, char *detail, size_t n);

/*
 * A lemma the last blast_atom() calls left (solver/blast_lemma.c): the step
 * of (= U R), U a node of a comparator's circuit and R true, false, or a
 * circuit of its own; -ENOENT when none is left.
 */
int blaster_take_lemma(struct blaster *bl);

/*
 * A unit fact (= x c) refuted by a bit where x is a different constant: a
 * step concluding false when a constant supplies that bit at word level
 * (through routes, concats and extracts), else the step of a 2-bit extract
 * window around a disagreeing blasted bit, whose circuit is false at once;
 * -ENOENT when no bit disagrees (solver/blast_window.c).
 */
int blast_narrow_fact(struct blaster *bl, int s);

/*
 * Is this bool node an atom the blaster handles (as opposed to a boolean
 * gate or a leaf)?  Atoms: = and distinct on bit-vectors, the eight
 * comparisons, bitof of anything but a variable.  bitof of a variable is a
 * bit literal (a leaf of every circuit), not an atom.
 */
bool blast_is_atom(const struct bcf_arena *a, uint32_t id);

/*
 * Give terms that no checked route blasts opaque bits (REWRITE 83 per bit)
 * instead of leaving every atom over them opaque: the atoms keep their
 * circuits and only the bits of those terms are free SAT variables.
 */
void blaster_set_abstract(struct blaster *bl, bool on);
/* Why the first term given opaque bits had no route; NULL if none was. */
const char *blaster_abstract_why(const struct blaster *bl);

/* Steps the blaster emitted so far, per kind (all of them checked). */
struct blast_stats {
	uint32_t bitblast, rewrite, poly_norm, evaluate, aci_absorb, other;
};
void blast_get_stats(const struct blaster *bl, struct blast_stats *st);

#endif
