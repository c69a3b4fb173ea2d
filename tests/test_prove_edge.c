// SPDX-License-Identifier: MIT
/*
 * Regression cases found by the differential prover fuzzer (fuzz/prover_diff):
 * each condition is proved with bcf_prove and the answer is checked like the
 * fuzzer checks it (a proof accepted by the checker in both modes against the
 * refuted root).
 *
 *  - a goal that is the constant false (refine_cond, or path_cond): the
 *    refutation was ASSUME alone, a one-step proof that the checker (like the
 *    kernel) rejects because a proof needs two steps; the prover answered
 *    "error" instead of proving it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/tap.h"

static int check_both(const struct bcf_cond *c, uint32_t root, const struct bcf_prove_result *r)
{
	uint32_t nw;
	const uint32_t *w = bcf_arena__words(c->arena, &nw);
	BCF_OPTS(bcf_check_opts, strict, .mode = BCF_CHECK_STRICT);
	BCF_OPTS(bcf_check_opts, compat, .mode = BCF_CHECK_KERNEL_COMPAT);
	int e1 = bcf_check_proof(w, nw, root, r->proof, r->proof_size, &strict);
	int e2 = bcf_check_proof(w, nw, root, r->proof, r->proof_size, &compat);

	return e1 ? e1 : e2;
}

static void prove_case(const char *name, struct bcf_cond *c, enum bcf_prove_status want)
{
	BCF_OPTS(bcf_prove_opts, po, .solver = BCF_SOLVER_Z3, .timeout_ms = 20000);
	BCF_OPTS(bcf_prove_result, r);
	uint32_t root = want == BCF_PROVE_PROVEN_PATH ? c->path_cond : c->refine_cond;
	int err = bcf_prove(c, &po, &r);

	ok(!err && r.status == want, "%s: %s (got %d, %s: %s)", name,
	   bcf_prove_status__name(want), err, err ? "" : bcf_prove_status__name(r.status),
	   err ? bcf_last_error() : r.detail);
	if (!err && r.status == want) {
		ok(r.steps >= 2, "%s: %u steps (a proof needs two)", name, r.steps);
		err = check_both(c, root, &r);
		ok(!err, "%s: the proof is accepted in both modes (%d: %s)", name, err,
		   err ? bcf_last_error() : "");
	}
	if (!err)
		bcf_prove_result__free(&r);
}

int main(void)
{
	struct bcf_cond c;
	uint32_t f, x, k, cmp, args[2];

	/* refine_cond = false */
	c.arena = bcf_arena__new();
	bcf_arena__bool_const(c.arena, false, &f);
	c.path_cond = BCF_COND_NONE;
	c.refine_cond = f;
	prove_case("refine false", &c, BCF_PROVE_PROVEN_REFINE);
	bcf_arena__free(c.arena);

	/* path_cond = false, refine_cond = (bvult x #x05) */
	c.arena = bcf_arena__new();
	bcf_arena__var(c.arena, BCF_BV, 8, "x", &x);
	bcf_arena__bv_const(c.arena, 8, 5, &k);
	args[0] = x, args[1] = k;
	bcf_arena__node(c.arena, BCF_BOOL_ULT, 0, args, 2, &cmp);
	bcf_arena__bool_const(c.arena, false, &f);
	c.path_cond = f;
	c.refine_cond = cmp;
	prove_case("path false", &c, BCF_PROVE_PROVEN_PATH);
	bcf_arena__free(c.arena);

	return done_testing();
}
