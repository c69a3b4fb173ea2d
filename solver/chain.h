/* SPDX-License-Identifier: MIT */
/*
 * Add chains: lemma atoms that let the SAT search prove a long chain of
 * constant additions one link at a time (solver/chain.c).
 */
#ifndef BCF_SOLVER_CHAIN_H
#define BCF_SOLVER_CHAIN_H

#include <stdbool.h>
#include <stdint.h>

struct bcf_arena;
struct pbuild;

/*
 * Chains shorter than this many constant additions get no lemmas; from this
 * many on, the lemmas are the first search (solver/refute.c).
 */
#define CHAIN_MIN_LINKS 2
/*
 * From this many links on, the goal's facts join the SAT search only once
 * the lemmas are proven (bcf_sat__late): a fact over the chain's last term
 * otherwise drew every link into each lemma's refutation (solver/refute.c).
 */
#define CHAIN_LATE_LINKS 4

/*
 * For every term T below root (a builder arena id) that adds constants to a
 * base B at least twice, T = ((B + c1) + c2) ... with bvadd (either operand
 * order) or bvsub of a constant, the atom (= T (bvadd B C)), C the sum of
 * the constants modulo 2^w, when T is not already that term.  The atoms are
 * in *atoms (malloc'd, the caller frees), ordered so that a chain's shorter
 * links come first; none (and 0) unless some chain has CHAIN_MIN_LINKS
 * links.  Widths above CHAIN_MAX_W bits are left alone.  0 or a negative
 * errno.
 */
int chain_lemmas(struct pbuild *b, uint32_t root, uint32_t **atoms, unsigned *n);

/* Whether id is a link's constant: a bv_val, or a concat of them (above 64 bits). */
bool chain_is_const(const struct bcf_arena *a, uint32_t id);

/* What root reaches of additions (chain_scan). */
struct chain_info {
	unsigned longest; /* constant additions in the longest chain */
	unsigned adders;  /* terms blasted as or through adders: bvadd, bvsub, bvneg, bvmul */
};

/* Fill *ci for the terms below root (a builder arena id): 0 or a negative errno. */
int chain_scan(const struct bcf_arena *a, uint32_t root, struct chain_info *ci);

/* Widest chain chain_lemmas() and chain_scan() see (a multiple of 32). */
#define CHAIN_MAX_W 128

/* Widest link chain_carry_atoms() handles; atoms per bit it may give. */
#define CHAIN_CARRY_MAX_W CHAIN_MAX_W
#define CHAIN_CARRY_PER_BIT 3

/*
 * The carry invariants of one link (solver/chain_carry.c): tk_bits are
 * T_k's sum bits (T_k = T_(k-1) + d, a constant d), rhs_bits those of its
 * lemma's right side B + Q, prev_bits those of B + P, which T_(k-1) equals
 * (the previous lemma's right side; NULL when T_(k-1) is itself B + P, the
 * chain's first link).  For bit i (1 .. w-1), atoms[i * CHAIN_CARRY_PER_BIT
 * + j] (0: none) must have the value want[...] (1 = true); bit 0's are 0.
 * -ENOENT when the bits are not three such adders over one base B.
 */
int chain_carry_atoms(struct pbuild *b, const uint32_t *tk_bits, const uint32_t *rhs_bits,
		      const uint32_t *prev_bits, unsigned w, uint32_t *atoms, uint8_t *want);

#endif
