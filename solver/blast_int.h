/* SPDX-License-Identifier: MIT */
/*
 * solver/blast_int.h - internals shared by the blaster's files:
 *   blast.c          entry points, atoms (comparisons, equalities, distinct)
 *   blast_term.c     terms: memoised (= t FB(bits)) proofs, iterative walk
 *   blast_mask.c     bvand / bvor / bvxor with a constant operand
 *   blast_poly.c     POLY_NORM route: multiplication by a constant
 *   blast_not.c      bvnot one bit at a time (REWRITE 61, 84, 51, 53)
 *   blast_eq1.c      1-bit equalities (REWRITE 139, 58-60, 54/59 lifting)
 *   blast_abstract.c unsupported terms with opaque bits (REWRITE 83)
 *   blast_lemma.c    comparator lemmas for a run of zero low bits
 *   blast_shift.c    shifts by constants, 1-bit repeats (rewrites)
 *   blast_narrow.c   narrower comparisons of zero-extended terms
 *   blast_window.c   unit equalities narrowed to disagreeing constant bits
 *   blast_util.c     node builders, REWRITE side conditions, step counters
 */
#ifndef BCF_SOLVER_BLAST_INT_H
#define BCF_SOLVER_BLAST_INT_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "checker/bb_build.h"
#include "lang/arena.h"
#include "solver/blast.h"
#include "solver/pbuild.h"

/* "no route / nothing to do": never a step index */
#define BL_NONE 0x7fffffff

#define BL_MAX_LEMMAS 16

struct blaster {
	struct pbuild *b;
	struct bcf_arena *a;
	struct bb_builder bb;
	/* per arena id: proof step + 1 of (= t FB) for terms, (= atom C) for
	 * atoms (0 = not yet); 2 bits of state per id for the walks */
	int *memo;
	uint8_t *state; /* bit 0: on the term stack; bits 1-2: ground 0 unknown, 1 yes, 2 no;
			 * bit 3: opaque bits (blast_abstract.c) */
	size_t cap;
	struct blast_stats st;
	unsigned depth; /* nesting of atom() through rewrites (bounded) */
	bool abstract;  /* give unsupported terms opaque bits (blast_abstract.c) */
	char abstract_why[200]; /* why the first such term had no route */
	char why[200];
	/* comparator lemmas not yet taken by the refuter (blast_lemma.c) */
	int lemmas[BL_MAX_LEMMAS];
	unsigned nlemmas;
};

/* Make room for every id of the arena in the per-id arrays. */
int bl_grow(struct blaster *bl);

static inline const struct bcf_expr *bl_expr(const struct blaster *bl, uint32_t id)
{
	return bcf_arena__expr(bl->a, id);
}

static inline unsigned bl_width(const struct blaster *bl, uint32_t id)
{
	return bcf_expr__width(bl_expr(bl, id));
}

/* Record why the blaster gave up (returns err). */
int bl_fail(struct blaster *bl, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A rejected step is a bug of ours: record the builder's reason. */
int bl_step_fail(struct blaster *bl, int err, const char *what);
/* (= l r) by ACI_NORM, or by another rule whose parameter is the equality
 * (ABSORB): the step, or a negative errno */
int bl_aci(struct blaster *bl, uint32_t l, uint32_t r);
int bl_eq_by(struct blaster *bl, uint32_t l, uint32_t r, int (*rule)(struct pbuild *, uint32_t),
	     const char *name);

/* Node builders over the builder's arena (return 0 or -errno). */
int bl_mk(struct blaster *bl, uint8_t code, uint16_t params, const uint32_t *args, unsigned n,
	  uint32_t *id);
int bl_mk2(struct blaster *bl, uint8_t code, uint16_t params, uint32_t x, uint32_t y,
	   uint32_t *id);
int bl_const(struct blaster *bl, unsigned w, uint64_t v, uint32_t *id);
int bl_i32(struct blaster *bl, uint32_t v, uint32_t *id);
int bl_list(struct blaster *bl, const uint32_t *ids, unsigned n, uint32_t *id);
int bl_bvsize(struct blaster *bl, uint32_t x, uint32_t *id);
/* (= a b) of 32-bit Int terms as a static node, proven by EVALUATE: the
 * usual premise of a REWRITE side-condition conjunct.  Returns the step. */
int bl_cond(struct blaster *bl, uint32_t cond);
int bl_cond_eq(struct blaster *bl, uint32_t a, uint32_t b);

/* Steps (counted); each returns the step index or a negative errno. */
int bl_rewrite(struct blaster *bl, unsigned rid, const int *prem, unsigned np,
	       const uint32_t *vars, unsigned nv);
int bl_poly_norm(struct blaster *bl, uint32_t eq);
int bl_bitblast(struct blaster *bl, uint32_t eq);
int bl_trans2(struct blaster *bl, int s0, int s1);

/* REFL, SYMM, TRANS, CONG (header word of the node op), counted. */
int bl_refl(struct blaster *bl, uint32_t t);
int bl_symm(struct blaster *bl, int s);
int bl_trans(struct blaster *bl, const int *s, unsigned n);
int bl_cong(struct blaster *bl, uint32_t op, const int *s, unsigned n);
/* (= (extract[w-1:0] z) z) by REWRITE 53 BV_EXTRACT_WHOLE */
int bl_extract_whole(struct blaster *bl, uint32_t z);
/* (code a b) for a bool comparison code of 32-bit Int terms, proven by
 * EVALUATE (a side-condition premise); returns the step. */
int bl_cond_op(struct blaster *bl, uint8_t code, uint32_t a, uint32_t b);

/* lhs / rhs of the equality concluded by step s */
uint32_t bl_lhs(const struct blaster *bl, int s);
uint32_t bl_rhs(const struct blaster *bl, int s);

/* Is the node free of variables? (memoised, iterative) */
int bl_ground(struct blaster *bl, uint32_t id, bool *ground);

/* Prove (= t FB(bits)) for a bit-vector term t; returns the step. */
int bl_term(struct blaster *bl, uint32_t t);
/* The FB node of a blasted term (after bl_term succeeded). */
uint32_t bl_term_fb(const struct blaster *bl, uint32_t t);

/* The route of t's operator (one of those below), BL_NONE for a plain one */
int bl_route(struct blaster *bl, uint32_t t);

/*
 * Rewrite routes: prove (= t R) with R closer to something BITBLAST accepts
 * and return that step (R = bl_rhs of it), or -ENOTSUP with bl->why set, or
 * BL_NONE when t needs no route (plain CONG + BITBLAST).
 */
int bl_route_mask(struct blaster *bl, uint32_t t);
int bl_route_not(struct blaster *bl, uint32_t t);
/* (extract[h:l] (bvnot x)) or (extract[h:l] (bvxor x ones)) narrowed to
 * (bvnot (extract[h:l] x)) (REWRITE 61); BL_NONE for any other extract */
int bl_route_extract(struct blaster *bl, uint32_t t);
/* (= p (bvnot x)) for p = (bvxor x ones) or (bvxor ones x), any width */
int bl_xor_ones(struct blaster *bl, uint32_t p);
/* (= (bvnot #0:w) ones:w) as a term fact, w <= 64 */
int bl_not_zero(struct blaster *bl, unsigned w);
/*
 * (= t R) for a term t of w >= 2 bits, R a tree of concats of leaves R_i:
 * leaf(bl, t, i, ctx) proves (= R_i (extract[i:i] t)); the extracts are
 * merged back by REWRITE 51 and 53 (blast_not.c).
 */
typedef int (*bl_leaf_fn)(struct blaster *bl, uint32_t t, unsigned i, void *ctx);
int bl_split_bits(struct blaster *bl, uint32_t t, bl_leaf_fn leaf, void *ctx);
/*
 * A term no checked route blasts, given opaque bits: (= t R), R a concat
 * tree of (ite (= (extract[i:i] t) #1) #1 #0) (REWRITE 83), whose
 * conditions stay opaque atoms.  Only when enabled (blaster_set_abstract).
 */
int bl_route_abstract(struct blaster *bl, uint32_t t);
bool bl_abstract_bit(struct blaster *bl, uint32_t atom);
int bl_route_mul(struct blaster *bl, uint32_t t);
int bl_route_shift(struct blaster *bl, uint32_t t);
int bl_route_repeat(struct blaster *bl, uint32_t t);
/* bvult of a zero-extended term and a constant that fits: REWRITE 146/147 */
bool bl_narrowable(struct blaster *bl, uint32_t a, uint32_t b);
int bl_route_narrow(struct blaster *bl, uint32_t atom);

/* blast_lemma.c: after the comparator (code x y) blasted to FB nodes fa fb,
 * a lemma on its chain when one side has a run of zero low bits, or both
 * a run of zero high bits and one is a constant (queued for
 * blaster_take_lemma()); 0 or a negative errno. */
int bl_cmp_lemma(struct blaster *bl, uint8_t code, uint32_t x, uint32_t y, uint32_t fa,
		 uint32_t fb);
/* (= (= x y) A) for 1-bit x, y, where A is a comparison that BITBLAST
 * accepts: (bvult x #1:1), or an equality of 2 bits or more */
int bl_route_eq1(struct blaster *bl, uint32_t atom);
/* (= t t') where every ground operand of t that is not a constant literal
 * is EVALUATEd (CONG over EVALUATE / REFL); BL_NONE if there is none. */
int bl_fold_operands(struct blaster *bl, uint32_t t);

#endif
