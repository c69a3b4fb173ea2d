// SPDX-License-Identifier: MIT
/*
 * The prover on a fast subset of the shared vectors that covers every
 * operator code occurring in them: for each code, the smallest conditions
 * that contain it.  Unsatisfiable ones must be proven (the proof is checked
 * again here, against the condition, in strict and kernel-compat mode) or be
 * unprovable-kernel with a reason naming a missing rule; satisfiable ones
 * must come back as sat with a counterexample.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/vectors.h"

#define PER_CODE 2
#define MAX_PICK 64

struct cand {
	const char *name;
	size_t size;
};

int main(void)
{
	struct vec_list l = vec_list_conds();
	struct cand best[256][PER_CODE];
	const char *pick[MAX_PICK];
	unsigned npick = 0, proven = 0, unprov = 0, sat = 0, covered = 0;
	size_t i;
	int code, k;

	if (!l.n) {
		skip("no vectors");
		return done_testing();
	}
	memset(best, 0, sizeof(best));
	for (i = 0; i < l.n; i++) {
		size_t len, idx, n;
		uint32_t *w = vec_read_cond(l.names[i], &len);
		bool seen[256] = { false };

		if (!w)
			continue;
		n = len / 4 - 2;
		for (idx = 0; idx < n; idx += (w[idx] >> 8 & 0xff) + 1)
			seen[w[idx] & 0xff] = true;
		for (code = 0; code < 256; code++) {
			if (!seen[code])
				continue;
			for (k = 0; k < PER_CODE; k++) {
				if (!best[code][k].name || len < best[code][k].size) {
					memmove(&best[code][k + 1], &best[code][k],
						(PER_CODE - 1 - k) * sizeof(best[0][0]));
					best[code][k] = (struct cand){ l.names[i], len };
					break;
				}
			}
		}
		free(w);
	}
	/* the satisfiable vectors too */
	for (i = 0; i < l.n && npick < MAX_PICK; i++)
		if (!strcmp(vec_status(l.names[i]), "sat") && strstr(l.names[i], "8"))
			pick[npick++] = l.names[i];
	for (code = 0; code < 256; code++) {
		if (best[code][0].name)
			covered++;
		for (k = 0; k < PER_CODE && npick < MAX_PICK; k++) {
			unsigned j;

			if (!best[code][k].name)
				continue;
			for (j = 0; j < npick && strcmp(pick[j], best[code][k].name); j++)
				;
			if (j == npick)
				pick[npick++] = best[code][k].name;
		}
	}
	diag("%u conditions cover the %u operator codes that occur in the vectors", npick, covered);
	for (i = 0; i < npick; i++) {
		const char *name = pick[i], *want = vec_status(name);
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
		if (!strcmp(want, "sat")) {
			ok(!err && res.status == BCF_PROVE_SAT && res.model_text && res.model_text[0],
			   "%s: satisfiable, counterexample given", name);
			sat++;
		} else if (res.status == BCF_PROVE_PROVEN_REFINE) {
			uint32_t nw;
			const uint32_t *w = bcf_arena__words(c->arena, &nw);
			BCF_OPTS(bcf_check_opts, strict, .mode = BCF_CHECK_STRICT);
			BCF_OPTS(bcf_check_opts, compat, .mode = BCF_CHECK_KERNEL_COMPAT);

			ok(!bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &strict) &&
			   !bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &compat),
			   "%s: proven (%zu bytes, %u steps), accepted in both modes", name,
			   res.proof_size, res.steps);
			proven++;
		} else if (res.status == BCF_PROVE_UNPROVABLE) {
			ok(strstr(res.detail, "BITBLAST") || strstr(res.detail, "CNF_"),
			   "%s: unprovable-kernel names the missing rule: %s", name, res.detail);
			unprov++;
		} else {
			ok(0, "%s: unsat but %s: %s", name, bcf_prove_status__name(res.status),
			   res.detail);
		}
		bcf_prove_result__free(&res);
		bcf_cond__free(c);
	}
	diag("%u proven, %u unprovable-kernel, %u sat", proven, unprov, sat);
	ok(proven >= npick / 2, "most of the subset is proven (%u of %u)", proven, npick);
	vec_list_free(&l);
	return done_testing();
}
