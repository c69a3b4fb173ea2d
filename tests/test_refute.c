// SPDX-License-Identifier: MIT
/*
 * The proof engine on random propositional goals: every goal z3 calls
 * unsatisfiable must be refuted by a proof that our checker accepts in
 * strict and in kernel-compat mode against the goal; satisfiable goals are
 * never "refuted".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "solver/backend.h"
#include "solver/prover.h"
#include "tests/tap.h"

static uint32_t rng = 12345;

static unsigned rnd(unsigned n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static uint32_t random_formula(struct bcf_arena *a, const uint32_t *vars, unsigned nv,
			       unsigned depth)
{
	uint32_t args[3], id;
	unsigned k;

	if (!depth || rnd(4) == 0) {
		id = vars[rnd(nv)];
		if (rnd(3) == 0)
			bcf_arena__node(a, BCF_BOOL_NOT, 0, &id, 1, &id);
		return id;
	}
	k = rnd(9);
	args[0] = random_formula(a, vars, nv, depth - 1);
	args[1] = random_formula(a, vars, nv, depth - 1);
	args[2] = random_formula(a, vars, nv, depth - 1);
	switch (k) {
	case 0: bcf_arena__node(a, BCF_BOOL_CONJ, 0, args, 2 + rnd(2), &id); break;
	case 1: bcf_arena__node(a, BCF_BOOL_DISJ, 0, args, 2 + rnd(2), &id); break;
	case 2: bcf_arena__node(a, BCF_BOOL_NOT, 0, args, 1, &id); break;
	case 3: bcf_arena__node(a, BCF_BOOL_IMPLIES, 0, args, 2, &id); break;
	case 4: bcf_arena__node(a, BCF_BOOL_XOR, 0, args, 2, &id); break;
	case 5: bcf_arena__node(a, BCF_BOOL_ITE, 0, args, 3, &id); break;
	case 6: bcf_arena__node(a, BCF_BOOL_EQ, 0, args, 2, &id); break;
	case 7: bcf_arena__node(a, BCF_BOOL_DISTINCT, 0, args, 2, &id); break;
	default:
		bcf_arena__node(a, BCF_BOOL_NOT, 0, args, 1, &id);
		bcf_arena__node(a, BCF_BOOL_NOT, 0, &id, 1, &id);
		break;
	}
	return id;
}

static int check_both(struct bcf_arena *a, uint32_t goal, const void *proof, size_t size)
{
	uint32_t nw;
	const uint32_t *w = bcf_arena__words(a, &nw);
	int mode, err;

	for (mode = 0; mode < 2; mode++) {
		BCF_OPTS(bcf_check_opts, co,
			 .mode = mode ? BCF_CHECK_KERNEL_COMPAT : BCF_CHECK_STRICT);

		err = bcf_check_proof(w, nw, goal, proof, size, &co);
		if (err)
			return err;
	}
	return 0;
}

int main(void)
{
	unsigned i, unsat = 0, proven = 0, sat = 0, wrong = 0, bad = 0;
	char first_fail[300] = "";

	for (i = 0; i < 600; i++) {
		struct bcf_arena *a = bcf_arena__new();
		struct bcf_solver_result sr = { 0 };
		struct refute_result rr;
		BCF_OPTS(bcf_solve_opts, so, .timeout_ms = 10000, .want_core = true);
		uint32_t vars[5], conj[6], goal;
		unsigned k, n = 3 + rnd(4);
		char name[8];
		int err;

		for (k = 0; k < 5; k++) {
			snprintf(name, sizeof(name), "p%u", k);
			bcf_arena__var(a, BCF_BOOL, 0, name, &vars[k]);
		}
		for (k = 0; k < n; k++)
			conj[k] = random_formula(a, vars, 3 + rnd(3), 3);
		if (bcf_arena__node(a, BCF_BOOL_CONJ, 0, conj, n, &goal)) {
			bcf_arena__free(a);
			continue;
		}
		bcf_solve(a, goal, BCF_SOLVER_Z3, &so, &sr);
		if (sr.status == BCF_SOLVE_UNSAT) {
			unsat++;
			err = bcf_refute(a, goal, &sr, 10000, 0, &rr);
			if (!err && !check_both(a, goal, rr.proof, rr.proof_size))
				proven++;
			else if (!first_fail[0])
				snprintf(first_fail, sizeof(first_fail), "goal %u: %d %s", i, err,
					 rr.detail);
			free(rr.proof);
		} else if (sr.status == BCF_SOLVE_SAT) {
			sat++;
			err = bcf_refute(a, goal, &sr, 10000, 0, &rr);
			if (!err)
				wrong++;
			free(rr.proof);
		} else {
			bad++;
		}
		bcf_solver_result__free(&sr);
		bcf_arena__free(a);
	}
	diag("%u unsat, %u sat, %u undecided", unsat, sat, bad);
	ok(unsat >= 100 && sat >= 40, "the generator yields both kinds (%u unsat, %u sat)", unsat, sat);
	ok(proven == unsat, "every unsat goal refuted, proof accepted in both modes (%u/%u) %s",
	   proven, unsat, first_fail);
	ok(wrong == 0, "no satisfiable goal is refuted (%u wrong)", wrong);
	return done_testing();
}
