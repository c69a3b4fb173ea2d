/* SPDX-License-Identifier: MIT */
/*
 * solver/prover.h - the proof engine's entry point, used by bcf_prove()
 * (solver/prove.c) once a goal is known to be unsatisfiable.
 */
#ifndef BCF_SOLVER_PROVER_H
#define BCF_SOLVER_PROVER_H

#include <bcf/bcf.h>

#include "solver/backend.h"

struct refute_result {
	void *proof;          /* malloc'd proof bytes on success */
	size_t proof_size;
	uint32_t steps;
	struct bcf_rule_counts rule_steps;
	char detail[256];     /* missing rule (-ENOTSUP) or reason for an error */
	uint32_t kt_steps;    /* kernel-trusted steps (bcf_check_stats) */
	struct bcf_rule_counts kt_rule_steps;
	char kt_first[256];
	unsigned nsplit;      /* goal disjunctions case-split by the SAT search */
	uint64_t conflicts;   /* SAT conflicts of the refutation */
};

/*
 * Build a proof refuting goal (a bool node of a), checked by our checker in
 * strict and kernel-compat mode against the goal before it is returned.
 * triage is the solver's UNSAT answer (its unsat core, if any, may be used
 * to slice the goal).  Returns 0, -ENOTSUP when no proof within the kernel's
 * rules exists (detail names the missing rule), -EFBIG when every proof
 * found exceeds max_bytes (0: the kernel's limit; detail names the size),
 * or another negative errno.
 */
int bcf_refute(const struct bcf_arena *a, uint32_t goal, const struct bcf_solver_result *triage,
	       unsigned timeout_ms, size_t max_bytes, struct refute_result *r);

#endif
