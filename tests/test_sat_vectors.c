// SPDX-License-Identifier: MIT
/*
 * The SAT part of the prover (solver/sat.c search and proof walk, replayed
 * by solver/refute.c) on shared vectors that stress it:
 *   - ext_con_*_0064: extract/concat equality puzzles over 64-bit variables
 *     whose walked proofs exceeded the kernel's 32 MiB limit with VSIDS
 *     decisions (244 MB, 166 MB, time-out); VMTF keeps them far below;
 *   - bench_1021, bench_1075: a chain split by the walk ends in the unit
 *     clause [false], which is the fact false (refute.c's replay check);
 *   - bench_1806: many level-0 units used once (inlined by the walk).
 * Each must be proven, under the kernel's limit, and the proof accepted
 * again here in strict and kernel-compat mode.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/vectors.h"

int main(void)
{
	static const char *const names[] = {
		"ext_con_008_002_0064", "ext_con_012_002_0064", "ext_con_016_001_0064",
		"ext_con_012_001_0064", "bench_1021", "bench_1075", "bench_1806",
	};
	size_t i;

	if (!vec_status(names[0])) {
		skip("no vectors");
		return done_testing();
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *name = names[i];
		BCF_OPTS(bcf_prove_result, res);
		BCF_OPTS(bcf_prove_opts, po, .solver = BCF_SOLVER_Z3, .timeout_ms = 60000);
		struct bcf_cond *c = NULL;
		size_t len;
		void *buf = vec_read_cond(name, &len);
		int err = buf ? bcf_cond__decode(buf, len, &c) : -ENOENT;

		free(buf);
		if (err) {
			ok(0, "%s: decodes", name);
			continue;
		}
		err = bcf_prove(c, &po, &res);
		if (!err && res.status == BCF_PROVE_PROVEN_REFINE) {
			uint32_t nw;
			const uint32_t *w = bcf_arena__words(c->arena, &nw);
			BCF_OPTS(bcf_check_opts, strict, .mode = BCF_CHECK_STRICT);
			BCF_OPTS(bcf_check_opts, compat, .mode = BCF_CHECK_KERNEL_COMPAT);

			ok(res.proof_size <= (32u << 20) &&
			   !bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &strict) &&
			   !bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &compat),
			   "%s: proven (%zu bytes, %u steps), accepted in both modes", name,
			   res.proof_size, res.steps);
		} else {
			ok(0, "%s: %s: %s", name, bcf_prove_status__name(res.status), res.detail);
		}
		bcf_prove_result__free(&res);
		bcf_cond__free(c);
	}
	return done_testing();
}
