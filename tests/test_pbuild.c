// SPDX-License-Identifier: MIT
/* Unit tests for the proof builder: facts computed by the rule book, trimming,
 * serialisation and the self-check against the goal. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "solver/pbuild.h"
#include "tests/tap.h"

struct goal {
	struct bcf_arena *a;
	uint32_t p, q, np, nq, root;
};

static void make_goal(struct goal *g, bool with_q)
{
	uint32_t args[3];

	g->a = bcf_arena__new();
	bcf_arena__var(g->a, BCF_BOOL, 0, "p", &g->p);
	bcf_arena__var(g->a, BCF_BOOL, 0, "q", &g->q);
	bcf_arena__node(g->a, BCF_BOOL_NOT, 0, &g->p, 1, &g->np);
	bcf_arena__node(g->a, BCF_BOOL_NOT, 0, &g->q, 1, &g->nq);
	if (!with_q) {
		args[0] = g->p;
		args[1] = g->np;
		bcf_arena__node(g->a, BCF_BOOL_CONJ, 0, args, 2, &g->root);
		return;
	}
	args[0] = g->p;
	args[1] = g->q;
	bcf_arena__node(g->a, BCF_BOOL_DISJ, 0, args, 2, &args[0]);
	args[1] = g->np;
	args[2] = g->nq;
	bcf_arena__node(g->a, BCF_BOOL_CONJ, 0, args, 3, &g->root);
}

static void test_contra(void)
{
	struct pbuild *b = pbuild_new();
	struct goal g;
	uint32_t root, nw;
	const uint32_t *w;
	void *proof = NULL;
	size_t size = 0;
	struct pbuild_stats st;
	int s0, s1, s2, s3, pr[2];

	make_goal(&g, false);
	w = bcf_arena__words(g.a, &nw);
	ok(pbuild_import(b, g.a, g.root, &root) == 0, "goal imported");
	s0 = pb_assume(b, root);
	s1 = pb_and_elim(b, s0, 0);
	s2 = pb_and_elim(b, s0, 1);
	ok(s0 == 0 && s1 == 1 && s2 == 2, "ASSUME and AND_ELIM steps emitted");
	ok(pb_and_elim(b, s0, 5) < 0 && strstr(pbuild_error(b), "AND_ELIM"),
	   "a step the rule rejects is refused: %s", pbuild_error(b));
	pr[0] = s1;
	pr[1] = s2;
	s3 = pbuild_step(b, BCF_RULE_CONTRA, pr, 2, NULL, NULL, 0);
	ok(s3 == 3 && pbuild_fact(b, s3) == pbuild_false(b), "CONTRA concludes false");
	ok(pbuild_finish(b, s1, w, nw, g.root, &proof, &size, &st) == -EINVAL,
	   "finish refuses a last step that is not false");
	s3 = pbuild_finish(b, s3, w, nw, g.root, &proof, &size, &st);
	ok(s3 == 0, "proof serialised and accepted by the self-check");
	ok(st.steps == 4 && bcf_rule_counts__get(&st.rule_steps, BCF_RULE_AND_ELIM) == 2,
	   "stats count the steps per rule");
	{
		BCF_OPTS(bcf_check_opts, co, .mode = BCF_CHECK_KERNEL_COMPAT);

		ok(bcf_check_proof(w, nw, g.root, proof, size, &co) == 0,
		   "the bytes check in kernel-compat mode");
	}
	free(proof);
	pbuild_free(b);
	bcf_arena__free(g.a);
}

static void test_resolution_trim(void)
{
	struct pbuild *b = pbuild_new();
	struct goal g;
	uint32_t root, nw, piv[2];
	const uint32_t *w;
	uint8_t pol[2] = { 1, 1 };
	void *proof = NULL;
	size_t size = 0;
	struct pbuild_stats st;
	int s0, s[3], r, unused;

	make_goal(&g, true);
	w = bcf_arena__words(g.a, &nw);
	pbuild_import(b, g.a, g.root, &root);
	s0 = pb_assume(b, root);
	s[0] = pb_and_elim(b, s0, 0);
	unused = pb_refl(b, root); /* not needed by false: trimmed */
	s[1] = pb_and_elim(b, s0, 1);
	s[2] = pb_and_elim(b, s0, 2);
	pbuild_import(b, g.a, g.p, &piv[0]);
	pbuild_import(b, g.a, g.q, &piv[1]);
	r = pb_resolution(b, s, 3, piv, pol);
	ok(unused > 0 && r > 0 && pbuild_fact(b, r) == pbuild_false(b),
	   "chain resolution on p and q concludes false");
	memset(&st, 0, sizeof(st));
	r = pbuild_finish(b, r, w, nw, g.root, &proof, &size, &st);
	ok(r == 0 && st.steps == 5, "unused steps are trimmed (%u steps kept) %s", st.steps,
	   pbuild_error(b));
	free(proof);
	pbuild_free(b);
	bcf_arena__free(g.a);
}

static void test_factor(void)
{
	struct pbuild *b = pbuild_new();
	struct bcf_arena *a = pbuild_arena(b);
	uint32_t p, q, d, args[3];
	int s, f;

	bcf_arena__var(a, BCF_BOOL, 0, "p", &p);
	bcf_arena__var(a, BCF_BOOL, 0, "q", &q);
	args[0] = p;
	args[1] = q;
	args[2] = p;
	bcf_arena__node(a, BCF_BOOL_DISJ, 0, args, 3, &d);
	s = pb_assume(b, d);
	f = pb_factor(b, s);
	ok(f > s, "FACTORING emitted for a clause with a duplicate");
	{
		const struct bcf_expr *e = bcf_arena__expr(a, pbuild_fact(b, f));

		ok(e && e->code == BCF_BOOL_DISJ && e->vlen == 2 && e->args[0] == p &&
		   e->args[1] == q, "duplicate removed, first occurrences kept in order");
	}
	ok(pb_factor(b, f) == f, "no FACTORING for a clause without duplicates");
	pbuild_free(b);
}

/* Steps are hash-consed: the same rule, premises and parameters give the
 * earlier step back (its fact is the same), and the proof holds it once;
 * true and false are in the table only when something names them. */
static void test_dedup(void)
{
	struct pbuild *b = pbuild_new();
	struct goal g;
	uint32_t root, nw, i;
	const uint32_t *w, *pw;
	void *proof = NULL;
	size_t size = 0;
	struct pbuild_stats st;
	int s0, a, a2, c, r1, r2, r3, pr[2];
	bool has_false = false, has_true = false;

	make_goal(&g, false);
	w = bcf_arena__words(g.a, &nw);
	pbuild_import(b, g.a, g.root, &root);
	s0 = pb_assume(b, root);
	a = pb_and_elim(b, s0, 0);
	a2 = pb_and_elim(b, s0, 0);
	ok(a == 1 && a2 == a && pbuild_nsteps(b) == 2, "a repeated AND_ELIM is the earlier step");
	ok(pb_and_elim(b, s0, 1) == 2, "another parameter is another step");
	r1 = pb_refl(b, root);
	r2 = pb_refl(b, root);
	r3 = pb_refl(b, pbuild_fact(b, a));
	ok(r1 == 3 && r2 == r1 && r3 == 4, "REFL hash-consed on its parameter (%d %d %d)", r1, r2, r3);
	pr[0] = a;
	pr[1] = 2;
	c = pbuild_step(b, BCF_RULE_CONTRA, pr, 2, NULL, NULL, 0);
	ok(c == 5 && pbuild_step(b, BCF_RULE_CONTRA, pr, 2, NULL, NULL, 0) == c,
	   "CONTRA with the same premises is the earlier step");
	ok(pbuild_finish(b, c, w, nw, g.root, &proof, &size, &st) == 0 && st.steps == 4,
	   "the proof has each step once (%u steps)", st.steps);
	pw = proof;
	for (i = 0; i < pw[1];) {
		uint32_t h = pw[3 + i];

		has_false |= (h & 0xff) == BCF_BOOL_VAL && !(h >> 16 & 1);
		has_true |= (h & 0xff) == BCF_BOOL_VAL && (h >> 16 & 1);
		i += 1 + (h >> 8 & 0xff);
	}
	ok(!has_false && !has_true, "no true or false node in a proof that names neither");
	free(proof);
	pbuild_free(b);
	bcf_arena__free(g.a);
}

int main(void)
{
	test_contra();
	test_dedup();
	test_resolution_trim();
	test_factor();
	return done_testing();
}
