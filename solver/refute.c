// SPDX-License-Identifier: MIT
/* The proof engine (solver/prover.h).  Work in progress: see docs/prover-design.md. */
#include <errno.h>
#include <stdio.h>

#include "solver/prover.h"

int bcf_refute(const struct bcf_arena *a, uint32_t goal, const struct bcf_solver_result *triage,
	       unsigned timeout_ms, struct refute_result *r)
{
	snprintf(r->detail, sizeof(r->detail), "the proof engine is not built yet");
	return -ENOSYS;
}
