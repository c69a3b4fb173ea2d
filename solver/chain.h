/* SPDX-License-Identifier: MIT */
/*
 * Add chains: lemma atoms that let the SAT search prove a long chain of
 * constant additions one link at a time (solver/chain.c).
 */
#ifndef BCF_SOLVER_CHAIN_H
#define BCF_SOLVER_CHAIN_H

#include <stdint.h>

struct bcf_arena;
struct pbuild;

/* Chains shorter than this many constant additions get no lemmas. */
#define CHAIN_MIN_LINKS 3
/* From this many links on, the lemmas are the first search (solver/refute.c). */
#define CHAIN_FIRST_LINKS 16

/*
 * For every term T below root (a builder arena id) that adds constants to a
 * base B at least twice, T = ((B + c1) + c2) ... with bvadd (either operand
 * order) or bvsub of a constant, the atom (= T (bvadd B C)), C the sum of
 * the constants modulo 2^w, when T is not already that term.  The atoms are
 * in *atoms (malloc'd, the caller frees), ordered so that a chain's shorter
 * links come first; none (and 0) unless some chain has CHAIN_MIN_LINKS
 * links.  Widths above 64 bits are left alone.  0 or a negative errno.
 */
int chain_lemmas(struct pbuild *b, uint32_t root, uint32_t **atoms, unsigned *n);

/* What root reaches of additions (chain_scan). */
struct chain_info {
	unsigned longest; /* constant additions in the longest chain */
	unsigned adders;  /* terms blasted as or through adders: bvadd, bvsub, bvneg, bvmul */
};

/* Fill *ci for the terms below root (a builder arena id): 0 or a negative errno. */
int chain_scan(const struct bcf_arena *a, uint32_t root, struct chain_info *ci);

#endif
