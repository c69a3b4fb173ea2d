/* SPDX-License-Identifier: MIT */
/*
 * checker/poly.h - polynomial normal forms of bit-vector terms
 * (spec/rules-bv.md 5.3), reusable by the checker (strict POLY_NORM) and
 * the prover.
 *
 * Every expression reachable from a queried id gets a canonical class
 * number; two expressions with the same class are equal:
 *   - a bit-vector term of width w <= 64 is the polynomial over Z/2^w of
 *     its add/sub/neg/mul/not/constant structure; the class is that
 *     polynomial (a map monomial -> non-zero coefficient, plus w);
 *   - everything else is an atom, identified by its code, params and the
 *     classes of its arguments (variables by id only, constants by value),
 *     so atoms are compared modulo normalisation of their arguments;
 *   - a monomial is a multiset of atom classes (x*x has degree 2).
 * The normaliser works over any node store through a lookup callback;
 * arguments must be smaller ids than their parent (true for proof tables,
 * checker dynamic nodes and arenas).  No recursion; bounded by limits.
 */
#ifndef BCF_CHECKER_POLY_H
#define BCF_CHECKER_POLY_H

#include <bcf/bcf.h>

#define POLY_MAX_TERMS 4096      /* monomials per polynomial */
#define POLY_MAX_DEGREE 512      /* atoms per monomial */
#define POLY_MAX_PRODUCT (1u << 16) /* term pairs in one multiplication */
#define POLY_MAX_NODES (1u << 22)   /* traversal steps per query */
#define POLY_MAX_WORK (1u << 26)    /* term and atom operations per query */

struct poly_norm;

struct poly_norm *poly_norm__new(bcf_expr_lookup_fn lookup, void *ctx);
void poly_norm__free(struct poly_norm *p);

/*
 * Canonical class of expression id.  Returns 0, -EINVAL (dangling or
 * forward argument id), -E2BIG (a limit was hit) or -ENOMEM; the reason is
 * in poly_norm__why().
 */
int poly_norm__class(struct poly_norm *p, uint32_t id, uint32_t *cls);
const char *poly_norm__why(const struct poly_norm *p);

/* Does cls denote a polynomial (bit-vector term of width <= 64)? Its width
 * and number of terms (0 for the zero polynomial). */
bool poly_norm__is_poly(const struct poly_norm *p, uint32_t cls, unsigned *width,
			unsigned *nterms);
/*
 * Term i of a polynomial class: coefficient (non-zero, < 2^width) and the
 * monomial's atom classes, sorted (degree 0: the constant term).  *atoms
 * stays valid until the next poly_norm__class() call.
 */
int poly_norm__term(const struct poly_norm *p, uint32_t cls, unsigned i, uint64_t *coef,
		    const uint32_t **atoms, unsigned *degree);
/* The first expression id seen with atom class cls (UINT32_MAX if none). */
uint32_t poly_norm__atom_rep(const struct poly_norm *p, uint32_t cls);

/* One-shot: are a and b equal under normalisation? 1 yes, 0 no, or -errno. */
int poly_norm__equal(bcf_expr_lookup_fn lookup, void *ctx, uint32_t a, uint32_t b);

#endif
