/* SPDX-License-Identifier: MIT */
/*
 * checker/bitblast.h - BITBLAST internals shared by the driver
 * (checker/bitblast.c) and the per-operator circuit checks
 * (checker/bitblast_ops.c).  spec/rules-bv.md section 2.
 *
 * Every check compares expression ids ("same id"), except where the spec
 * says "any node with ...".  Bit order is LSB first: bit i of a
 * bv_from_bool vector is args[i].
 */
#ifndef BCF_CHECKER_BITBLAST_H
#define BCF_CHECKER_BITBLAST_H

#include "checker/checker.h"

/* One BITBLAST step: the parameter (= L R). */
struct bb_step {
	struct bcf_checker *c;
	uint32_t eq;                    /* the parameter id */
	uint32_t lid, rid;
	const struct bcf_expr *l, *r;   /* L and R */
};

/* A per-operator check: 0 when R is L's circuit, else a negative errno. */
typedef int (*bb_check_fn)(struct bb_step *s);

struct bb_op {
	const char *name;
	bb_check_fn check;  /* NULL: rejected with err */
	int err;            /* errno when check is NULL */
	const char *why;    /* message when check is NULL */
};

/* Term case (L a bitvector, R = FB): entry for L's code, or NULL. */
const struct bb_op *bb_term_op(uint8_t code);
/* Atom case (L a bool comparison): entry for L's code, or NULL (not an atom). */
const struct bb_op *bb_atom_op(uint8_t code);

/* The bits (argument ids) of a bv_from_bool node, or NULL if id is not one. */
const uint32_t *bb_bits(struct bcf_checker *c, uint32_t id, unsigned *w);

#endif
