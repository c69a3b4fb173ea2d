// SPDX-License-Identifier: MIT
/*
 * ACI_NORM (spec/rules-core.md 3.4): (= a b) holds by associativity,
 * commutativity, idempotence and neutral elements of the root operator.
 *
 * Both sides are normalised (flattened, deduplicated, neutral elements
 * dropped), a one-argument result is replaced by its argument, and the two
 * results are compared structurally, then once more with their argument ids
 * sorted.  Kernel-compat mode follows upstream exactly, including sorting
 * concat arguments and sorting the arguments of whatever expression a
 * one-argument reduction left (upstream does this in place on the stored
 * node; we sort a copy, so later steps see the expression unchanged, see
 * spec 6.5).  Strict mode sorts only when the operator is commutative and
 * neither side was reduced.
 *
 * When every argument of a bv and/or/xor is neutral, upstream leaves a
 * header-only node with no arguments: it equals no real expression, so
 * (= (bvand #xff #xff) #xff) rejects, but two such results compare equal
 * (same operator and width on both sides: a sound equality).  The spec
 * says "equals nothing"; only this both-empty case differs, and it follows
 * upstream's comparison of two argument-less nodes.
 */
#include <stdlib.h>

#include "checker/checker.h"

#define ACI_DEPTH_MAX 64 /* nested same-code levels, root included */
#define ACI_ARGS_MAX 255
#define ACI_EMPTY UINT32_MAX /* the empty bv result (upstream: a header-only node) */

static bool aci_assoc(uint8_t code)
{
	switch (code) {
	case BCF_BOOL_CONJ:
	case BCF_BOOL_DISJ:
	case BCF_BV_AND:
	case BCF_BV_OR:
	case BCF_BV_XOR:
	case BCF_BV_CONCAT:
		return true;
	default:
		return false;
	}
}

static bool aci_idempotent(uint8_t code)
{
	return code == BCF_BOOL_CONJ || code == BCF_BOOL_DISJ || code == BCF_BV_AND ||
	       code == BCF_BV_OR;
}

static bool aci_variadic(uint8_t code)
{
	switch (code) {
	case BCF_BV_ADD:
	case BCF_BV_MUL:
	case BCF_BV_OR:
	case BCF_BV_AND:
	case BCF_BV_XOR:
	case BCF_BV_CONCAT:
	case BCF_BOOL_CONJ:
	case BCF_BOOL_DISJ:
	case BCF_BOOL_XOR:
		return true;
	default:
		return false;
	}
}

/* Operators whose argument order may soundly be sorted (strict mode). */
static bool aci_commutative(uint8_t code)
{
	return aci_assoc(code) && code != BCF_BV_CONCAT;
}

/* Is x the neutral element of the root operator? */
static bool aci_neutral(const struct bcf_checker *c, const struct bcf_expr *root, uint32_t x,
			const struct bcf_expr *xe)
{
	unsigned w;

	switch (root->code) {
	case BCF_BOOL_CONJ:
		return ckr_is_true(c, x);
	case BCF_BOOL_DISJ:
		return ckr_is_false(c, x);
	case BCF_BV_AND:
	case BCF_BV_OR:
	case BCF_BV_XOR:
		w = bcf_expr__width(root);
		if (xe->code != BCF_BV_VAL || w > 64)
			return false;
		return bcf_expr__bv_value(xe) == (root->code == BCF_BV_AND ? bcf_mask(w) : 0);
	default:
		return false;
	}
}

struct aci_res {
	uint32_t id;  /* normal form, or ACI_EMPTY */
	bool owned;   /* id is a temporary node we built */
	bool reduced; /* a one-argument result was replaced by its argument */
};

static int aci_norm(struct bcf_checker *c, uint32_t id, struct aci_res *res)
{
	struct {
		uint32_t id;
		unsigned next;
	} stack[ACI_DEPTH_MAX];
	uint32_t args[ACI_ARGS_MAX];
	const struct bcf_expr *root = ckr_expr(c, id);
	unsigned depth = 0, n = 0, i;
	int err;

	res->id = id;
	res->owned = res->reduced = false;
	if (!root)
		return ckr_fail(c, -EINVAL, "ACI_NORM: %u is not a live expression", id);
	if (!aci_assoc(root->code))
		return 0;
	stack[depth].id = id;
	stack[depth++].next = 0;
	while (depth) {
		const struct bcf_expr *e = ckr_expr(c, stack[depth - 1].id), *xe;
		uint32_t x;
		bool dup = false;

		if (stack[depth - 1].next >= e->vlen) {
			depth--;
			continue;
		}
		x = e->args[stack[depth - 1].next++];
		xe = ckr_expr(c, x);
		if (!xe)
			return ckr_fail(c, -EINVAL, "ACI_NORM: argument %u of %u is not live", x,
					stack[depth - 1].id);
		if (aci_neutral(c, root, x, xe))
			continue;
		if (xe->code == root->code) {
			if (depth == ACI_DEPTH_MAX)
				return ckr_fail(c, -E2BIG,
						"ACI_NORM: more than %u nested levels below %u",
						ACI_DEPTH_MAX, id);
			stack[depth].id = x;
			stack[depth++].next = 0;
			continue;
		}
		if (aci_idempotent(root->code)) {
			for (i = 0; i < n && !dup; i++) {
				err = ckr_equal(c, x, args[i]);
				if (err < 0)
					return ckr_fail(c, err, "ACI_NORM: comparison stack exhausted");
				dup = err;
			}
			if (dup)
				continue;
		}
		if (n == ACI_ARGS_MAX)
			return ckr_fail(c, -E2BIG, "ACI_NORM: %u flattens to more than %u arguments",
					id, ACI_ARGS_MAX);
		args[n++] = x;
	}
	if (!n) {
		if (root->code == BCF_BOOL_CONJ)
			res->id = c->true_id;
		else if (root->code == BCF_BOOL_DISJ)
			res->id = c->false_id;
		else
			res->id = ACI_EMPTY;
		return 0;
	}
	if (n == 1 && aci_variadic(root->code)) {
		res->id = args[0];
		res->reduced = true;
		return 0;
	}
	err = ckr_new(c, root->code, n, root->params, args, &res->id);
	if (err)
		return err;
	res->owned = true;
	return 0;
}

static void aci_release(struct bcf_checker *c, struct aci_res *r)
{
	if (r->owned)
		ckr_put(c, r->id);
	r->owned = false;
}

/*
 * 1 if x ≡ y, else 0.  The empty bv result (ACI_EMPTY) is a header-only
 * node, so it equals only another empty result (both sides then reduce to
 * the neutral element of the same operator and width).  A comparison that
 * exhausts its stack counts as "not equal", as upstream.
 */
static int aci_equal(struct bcf_checker *c, uint32_t x, uint32_t y)
{
	if (x == ACI_EMPTY || y == ACI_EMPTY)
		return x == y;
	return ckr_equal(c, x, y) == 1;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* A copy of x with its argument words sorted ascending (x itself if that changes nothing). */
static int aci_sorted_copy(struct bcf_checker *c, uint32_t x, uint32_t *out, bool *owned)
{
	const struct bcf_expr *e = ckr_expr(c, x);
	uint32_t args[ACI_ARGS_MAX];

	*out = x;
	*owned = false;
	if (!e || e->vlen < 2)
		return 0;
	memcpy(args, e->args, e->vlen * sizeof(args[0]));
	qsort(args, e->vlen, sizeof(args[0]), cmp_u32);
	if (!memcmp(args, e->args, e->vlen * sizeof(args[0])))
		return 0;
	*owned = true;
	return ckr_new(c, e->code, e->vlen, e->params, args, out);
}

static int aci_sorted_equal(struct bcf_checker *c, uint32_t x, uint32_t y)
{
	uint32_t sx, sy;
	bool ox, oy;
	int r;

	if (x == ACI_EMPTY || y == ACI_EMPTY)
		return x == y;
	r = aci_sorted_copy(c, x, &sx, &ox);
	if (r)
		return r;
	r = aci_sorted_copy(c, y, &sy, &oy);
	if (r) {
		if (ox)
			ckr_put(c, sx);
		return r;
	}
	r = aci_equal(c, sx, sy);
	if (ox)
		ckr_put(c, sx);
	if (oy)
		ckr_put(c, sy);
	return r;
}

/* 1 accept, 0 reject, negative errno. */
static int aci_check(struct bcf_checker *c, uint32_t a, uint32_t b, const struct aci_res *an,
		     const struct aci_res *bn)
{
	const struct bcf_expr *ae = ckr_expr(c, a), *be = ckr_expr(c, b);
	int r;

	if (ae->code != be->code) {
		r = aci_equal(c, a, bn->id);
		if (r)
			return r;
		return aci_equal(c, an->id, b);
	}
	r = aci_equal(c, an->id, bn->id);
	if (r)
		return r;
	if (!aci_assoc(ae->code))
		return 0;
	if (ckr_strict(c) && (!aci_commutative(ae->code) || an->reduced || bn->reduced))
		return 0;
	return aci_sorted_equal(c, an->id, bn->id);
}

int rule_ACI_NORM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	struct aci_res an = { 0 }, bn = { 0 };
	const struct bcf_expr *q;
	int err;

	if (np != 0 || nparams != 1)
		return ckr_fail(c, -EINVAL, "ACI_NORM takes no premise and one parameter");
	if (!ckr_is_static(c, params[0]))
		return ckr_fail(c, -EINVAL, "ACI_NORM: %u is not a static expression id", params[0]);
	q = ckr_expr(c, params[0]);
	if (q->code != BCF_BOOL_EQ || q->vlen != 2)
		return ckr_fail(c, -EINVAL, "ACI_NORM: expression %u is not an equality", params[0]);
	err = aci_norm(c, q->args[0], &an);
	if (!err)
		err = aci_norm(c, q->args[1], &bn);
	if (!err) {
		err = aci_check(c, q->args[0], q->args[1], &an, &bn);
		if (err == 0)
			err = ckr_fail(c, -EINVAL,
				       "ACI_NORM: %u and %u are not equal modulo ACI of their operator",
				       q->args[0], q->args[1]);
		else if (err > 0)
			err = 0;
	}
	aci_release(c, &an);
	aci_release(c, &bn);
	if (err)
		return err;
	ckr_get(c, params[0]);
	*concl = params[0];
	return 0;
}
