// SPDX-License-Identifier: MIT
/*
 * The blaster's routes end to end: small unsatisfiable goals whose
 * refutation needs one route each (constant masks, xor with a constant,
 * bvnot, multiplication by a constant, shifts by constants, 1-bit
 * equality, zero_extend narrowing, unit equalities narrowed to two bits)
 * are proven with bcf_prove(), no larger than the route promises, and the
 * proof is checked by our checker in strict and kernel-compat mode.  Goals
 * that need a missing kernel rule give unprovable-kernel naming it.
 */
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/tap.h"

static const struct {
	const char *name, *smt2, *unsup;
	size_t max_bytes; /* a route's whole point is a smaller proof: 0 = no bound */
} goals[] = {
	{ "mask bvand x #xf0 = 1", "(declare-fun x () (_ BitVec 32))"
	  "(assert (= (bvand x #x000000f0) #x00000001))", NULL, 0 },
	{ "mask bvand of a zero_extend", "(declare-fun x () (_ BitVec 8))"
	  "(assert (bvugt (bvand ((_ zero_extend 24) x) #x000000ff) #x000000ff))", NULL, 0 },
	{ "64-bit mask, three runs", "(declare-fun x () (_ BitVec 64))"
	  "(assert (= (bvand #x0000ffff00000000 x) #x0000000100000001))", NULL, 0 },
	{ "bvor with a constant", "(declare-fun x () (_ BitVec 32))"
	  "(assert (= (bvor x #x0000000f) #x00000000))", NULL, 0 },
	{ "bvxor with all-ones is bvnot", "(declare-fun x () (_ BitVec 8))"
	  "(assert (distinct (bvxor x #xff) (bvnot x)))", NULL, 0 },
	{ "bvxor with a constant, 32 bits", "(declare-fun x () (_ BitVec 32))"
	  "(assert (distinct (bvxor (bvxor x #xffff0000) #xffff0000) x))", NULL, 0 },
	{ "bvmul by 5 is x + 4x", "(declare-fun x () (_ BitVec 16))"
	  "(assert (distinct (bvmul x #x0005) (bvadd x (bvshl x #x0002))))", NULL, 0 },
	{ "bvmul by -1 is bvneg", "(declare-fun x () (_ BitVec 32))"
	  "(assert (distinct (bvmul #xffffffff x) (bvneg x)))", NULL, 0 },
	{ "bvashr by 7 of a negative byte", "(declare-fun x () (_ BitVec 8))"
	  "(assert (and (bvslt x #x00) (= (bvashr x #x07) #x00)))", NULL, 0 },
	{ "bvlshr and bvshl by constants", "(declare-fun x () (_ BitVec 32))"
	  "(assert (bvugt (bvlshr (bvshl x #x00000018) #x00000018) #x000000ff))", NULL, 0 },
	{ "1-bit equality", "(declare-fun x () (_ BitVec 8))"
	  "(assert (and (= ((_ extract 3 3) x) #b1) (= ((_ extract 3 3) x) #b0)))", NULL, 0 },
	{ "zero_extend narrowing", "(declare-fun x () (_ BitVec 32))"
	  "(assert (and (bvult x #x00000064) "
	  "(bvugt ((_ zero_extend 32) (bvadd x #x00000001)) #x0000000000000064)))", NULL, 0 },
	{ "bvxor of a register with itself", "(declare-fun x () (_ BitVec 64))"
	  "(assert (distinct (bvxor x x) #x0000000000000000))", NULL, 0 },
	{ "bvxor of two variables", "(declare-fun x () (_ BitVec 8))(declare-fun y () (_ BitVec 8))"
	  "(assert (distinct (bvxor x y) (bvxor y x)))", "BITBLAST bv_xor", 0 },
	{ "bvudiv", "(declare-fun x () (_ BitVec 8))"
	  "(assert (bvugt (bvudiv x #x80) #x01))", "BITBLAST bv_div", 0 },
	/* unit equalities refuted at bits that disagree with the constant
	 * (blast_window.c); the full comparisons took 1108, 1108, 3780, 1672,
	 * 2180 and 1292 bytes.  Word level: a constant reached through the
	 * routes, concats and extracts (REWRITE 56/54/52, EVALUATE, no
	 * bit-blasting); bit level: a blasted bit that is a constant */
	{ "window: zero_extend = -1", "(declare-fun x () (_ BitVec 8))"
	  "(assert (= ((_ zero_extend 24) x) #xffffffff))", NULL, 400 },
	{ "window: -1 = zero_extend", "(declare-fun x () (_ BitVec 8))"
	  "(assert (= #xffffffff ((_ zero_extend 24) x)))", NULL, 400 },
	{ "window: masked register = -1", "(declare-fun x () (_ BitVec 8))"
	  "(assert (= (bvand (bvor (bvshl ((_ zero_extend 24) x) #x00000005) #x0000001b) "
	  "#x0000007f) #xffffffff))", NULL, 800 },
	{ "window: bit 0 disagrees", "(declare-fun x () (_ BitVec 8))"
	  "(assert (= (bvshl ((_ zero_extend 24) x) #x00000001) #x00000001))", NULL, 450 },
	{ "window: a mask inside a concat argument", "(declare-fun x () (_ BitVec 8))"
	  "(declare-fun y () (_ BitVec 8))"
	  "(assert (= (concat (bvand x #xf0) (bvadd y #x01)) #xf5ff))", NULL, 900 },
	{ "window: blasted sign-extension bits", "(declare-fun x () (_ BitVec 15))"
	  "(assert (= ((_ sign_extend 16) (concat #b0 x)) #xffff0000))", NULL, 1050 },
};

/*
 * Two properties of the builder's compaction, on every proof: no step is
 * repeated (steps are hash-consed), and no TRANS has a TRANS premise that
 * nothing else uses (TRANS chains are flattened).  Returns the offending
 * step's index, or -1.
 */
static long compaction_violation(const uint32_t *w, size_t nwords)
{
	uint32_t nexpr = w[1], nstep = w[2], i, k, n = 0, *rule, *off, *uses;
	long bad = -1;

	if (3 + (size_t)nexpr + nstep != nwords)
		return 0;
	rule = calloc(nstep + 1, sizeof(*rule));
	off = calloc(nstep + 1, sizeof(*off));
	uses = calloc(nstep + 1, sizeof(*uses));
	for (i = 3 + nexpr; i < nwords && rule && off && uses; n++) {
		uint32_t h = w[i], np = h >> 16 & 0xff, nparam = h >> 24;

		rule[n] = h & 0xffff;
		off[n] = i;
		for (k = 0; k < np; k++)
			uses[w[i + 1 + k]]++;
		i += 1 + np + nparam;
	}
	for (i = 0; i < n && bad < 0; i++) {
		uint32_t h = w[off[i]], len = 1 + (h >> 16 & 0xff) + (h >> 24), np = h >> 16 & 0xff;

		for (k = 0; k < i && bad < 0; k++)
			if (w[off[k]] == h && !memcmp(&w[off[k]], &w[off[i]], len * 4))
				bad = i;
		for (k = 0; rule[i] == BCF_RULE_TRANS && k < np && bad < 0; k++) {
			uint32_t q = w[off[i] + 1 + k];

			if (rule[q] == BCF_RULE_TRANS && uses[q] == 1)
				bad = i;
		}
	}
	free(rule);
	free(off);
	free(uses);
	return bad;
}

int main(void)
{
	BCF_OPTS(bcf_prove_opts, po, .timeout_ms = 20000);
	unsigned i;

	for (i = 0; i < sizeof(goals) / sizeof(goals[0]); i++) {
		BCF_OPTS(bcf_prove_result, r);
		struct bcf_cond *c = NULL;
		char text[1024];
		int err;

		snprintf(text, sizeof(text), "(set-logic QF_BV)%s(check-sat)", goals[i].smt2);
		err = bcf_smt2__parse(text, strlen(text), goals[i].name, &c);
		if (!ok(!err, "%s: parsed %s", goals[i].name, err ? bcf_last_error() : ""))
			continue;
		err = bcf_prove(c, &po, &r);
		if (goals[i].unsup) {
			ok(r.status == BCF_PROVE_UNPROVABLE && strstr(r.detail, goals[i].unsup),
			   "%s: unprovable-kernel naming %s (%s: %s)", goals[i].name, goals[i].unsup,
			   bcf_prove_status__name(r.status), r.detail);
		} else if (ok(!err && r.status == BCF_PROVE_PROVEN_REFINE && r.proof,
			      "%s: proven (%s %s)", goals[i].name,
			      bcf_prove_status__name(r.status), r.detail)) {
			uint32_t nw;
			const uint32_t *w = bcf_arena__words(c->arena, &nw);
			BCF_OPTS(bcf_check_opts, s, .mode = BCF_CHECK_STRICT);
			BCF_OPTS(bcf_check_opts, k, .mode = BCF_CHECK_KERNEL_COMPAT);

			ok(!bcf_check_proof(w, nw, c->refine_cond, r.proof, r.proof_size, &s) &&
			   !bcf_check_proof(w, nw, c->refine_cond, r.proof, r.proof_size, &k),
			   "%s: %zu-byte proof accepted in strict and kernel-compat mode",
			   goals[i].name, r.proof_size);
			ok(compaction_violation(r.proof, r.proof_size / 4) < 0,
			   "%s: no repeated step, no TRANS chain left nested (step %ld)",
			   goals[i].name, compaction_violation(r.proof, r.proof_size / 4));
			if (goals[i].max_bytes)
				ok(r.proof_size <= goals[i].max_bytes, "%s: %zu bytes <= %zu",
				   goals[i].name, r.proof_size, goals[i].max_bytes);
		}
		bcf_prove_result__free(&r);
		bcf_cond__free(c);
	}
	return done_testing();
}
