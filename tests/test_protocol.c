// SPDX-License-Identifier: MIT
/*
 * The kernel/user protocol of bcf_prove() (spec/format.md 4.4): with a path
 * condition, refute it first (proven-path, the proof's goal is path_cond);
 * if the path is feasible, refute refine_cond (proven-refine); a feasible
 * path with no refine condition, or a satisfiable refine condition, is sat.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/tap.h"

/* x:8 with atoms: x < 5, x > 7, x == 3 */
struct fix {
	struct bcf_cond c;
	uint32_t lt5, gt7, eq3, ne3;
};

static void build(struct fix *f)
{
	uint32_t x, c5, c7, c3, args[2];

	memset(f, 0, sizeof(*f));
	f->c.arena = bcf_arena__new();
	bcf_arena__var(f->c.arena, BCF_BV, 8, "x", &x);
	bcf_arena__bv_const(f->c.arena, 8, 5, &c5);
	bcf_arena__bv_const(f->c.arena, 8, 7, &c7);
	bcf_arena__bv_const(f->c.arena, 8, 3, &c3);
	args[0] = x;
	args[1] = c5;
	bcf_arena__node(f->c.arena, BCF_BOOL_ULT, 0, args, 2, &f->lt5);
	args[1] = c7;
	bcf_arena__node(f->c.arena, BCF_BOOL_UGT, 0, args, 2, &f->gt7);
	args[1] = c3;
	bcf_arena__node(f->c.arena, BCF_BOOL_EQ, 0, args, 2, &f->eq3);
	bcf_arena__node(f->c.arena, BCF_BOOL_NOT, 0, &f->eq3, 1, &f->ne3);
}

static uint32_t conj2(struct fix *f, uint32_t a, uint32_t b)
{
	uint32_t args[2] = { a, b }, id;

	bcf_arena__node(f->c.arena, BCF_BOOL_CONJ, 0, args, 2, &id);
	return id;
}

static int proves(struct fix *f, uint32_t goal, const struct bcf_prove_result *r)
{
	uint32_t nw;
	const uint32_t *w = bcf_arena__words(f->c.arena, &nw);
	BCF_OPTS(bcf_check_opts, s, .mode = BCF_CHECK_STRICT);
	BCF_OPTS(bcf_check_opts, k, .mode = BCF_CHECK_KERNEL_COMPAT);

	return !bcf_check_proof(w, nw, goal, r->proof, r->proof_size, &s) &&
	       !bcf_check_proof(w, nw, goal, r->proof, r->proof_size, &k);
}

int main(void)
{
	BCF_OPTS(bcf_prove_opts, po, .timeout_ms = 20000);
	BCF_OPTS(bcf_prove_result, r);
	struct fix f;
	int err;

	/* path unreachable: x < 5 and x > 7 */
	build(&f);
	f.c.path_cond = conj2(&f, f.lt5, f.gt7);
	f.c.refine_cond = conj2(&f, f.c.path_cond, f.eq3);
	err = bcf_prove(&f.c, &po, &r);
	ok(!err && r.status == BCF_PROVE_PROVEN_PATH, "an unreachable path is refuted first (%s)",
	   bcf_prove_status__name(r.status));
	ok(r.proof && proves(&f, f.c.path_cond, &r), "the proof's goal is path_cond");
	ok(r.proof && !proves(&f, f.c.refine_cond, &r), "and not refine_cond");
	bcf_prove_result__free(&r);
	bcf_arena__free(f.c.arena);

	/* feasible path x < 5, refine: x < 5 and x > 7 */
	build(&f);
	f.c.path_cond = f.lt5;
	f.c.refine_cond = conj2(&f, f.lt5, f.gt7);
	err = bcf_prove(&f.c, &po, &r);
	ok(!err && r.status == BCF_PROVE_PROVEN_REFINE, "feasible path: refine_cond is refuted (%s)",
	   bcf_prove_status__name(r.status));
	ok(r.proof && proves(&f, f.c.refine_cond, &r), "the proof's goal is refine_cond");
	bcf_prove_result__free(&r);
	bcf_arena__free(f.c.arena);

	/* refine only */
	build(&f);
	f.c.path_cond = BCF_COND_NONE;
	f.c.refine_cond = conj2(&f, f.eq3, f.ne3);
	err = bcf_prove(&f.c, &po, &r);
	ok(!err && r.status == BCF_PROVE_PROVEN_REFINE && proves(&f, f.c.refine_cond, &r),
	   "no path condition: refine_cond is refuted");
	bcf_prove_result__free(&r);
	bcf_arena__free(f.c.arena);

	/* feasible path, no refine condition: sat, with the path's model */
	build(&f);
	f.c.path_cond = conj2(&f, f.lt5, f.ne3);
	f.c.refine_cond = BCF_COND_NONE;
	err = bcf_prove(&f.c, &po, &r);
	ok(!err && r.status == BCF_PROVE_SAT && r.model_text && strstr(r.model_text, "x :"),
	   "feasible path without refine_cond: sat with a counterexample: %s",
	   r.model_text ? r.model_text : "(none)");
	bcf_prove_result__free(&r);
	bcf_arena__free(f.c.arena);

	/* feasible path, satisfiable refine: sat */
	build(&f);
	f.c.path_cond = f.lt5;
	f.c.refine_cond = conj2(&f, f.lt5, f.eq3);
	err = bcf_prove(&f.c, &po, &r);
	ok(!err && r.status == BCF_PROVE_SAT && r.model_text && strstr(r.model_text, "0x3 = 3"),
	   "satisfiable refine_cond: counterexample x = 3 in hex and decimal: %s",
	   r.model_text ? r.model_text : "(none)");
	bcf_prove_result__free(&r);
	bcf_arena__free(f.c.arena);

	/* SMT-LIB: (set-info :bcf-goal path) makes the assertions the path condition */
	{
		static const char text[] =
			"(set-logic QF_BV)\n(set-info :bcf-goal path)\n"
			"(declare-fun x () (_ BitVec 8))\n"
			"(assert (and (bvult x #x05) (bvugt x #x07)))\n";
		struct bcf_cond *c = NULL;

		ok(bcf_smt2__parse(text, sizeof(text) - 1, "t.smt2", &c) == 0 && c &&
		   c->path_cond != BCF_COND_NONE && c->refine_cond == BCF_COND_NONE,
		   ":bcf-goal path: the formula is path_cond, no refine_cond");
		err = c ? bcf_prove(c, &po, &r) : -EINVAL;
		ok(!err && r.status == BCF_PROVE_PROVEN_PATH, "and it is refuted as a path (%s)",
		   bcf_prove_status__name(r.status));
		bcf_prove_result__free(&r);
		bcf_cond__free(c);
		c = NULL;
		ok(bcf_smt2__parse("(set-info :bcf-goal sideways)", 29, "t.smt2", &c) == -EINVAL &&
		   strstr(bcf_last_error(), "t.smt2:1:"), "a bad :bcf-goal value is an error: %s",
		   bcf_last_error());
	}

	/* no condition at all */
	build(&f);
	f.c.path_cond = f.c.refine_cond = BCF_COND_NONE;
	ok(bcf_prove(&f.c, &po, &r) == -EINVAL, "no condition: -EINVAL");
	bcf_arena__free(f.c.arena);
	return done_testing();
}
