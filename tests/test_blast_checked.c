// SPDX-License-Identifier: MIT
/*
 * The kernel-checked routes for bvnot, bvxor with all-ones and 1-bit
 * equalities (solver/blast_not.c, solver/blast_eq1.c), which replaced
 * POLY_NORM routes, and the opaque bits of terms with no checked route
 * (solver/blast_abstract.c):
 *  - the blaster, with the proof builder refusing every step the kernel
 *    trusts (pbuild_set_no_trusted), blasts each atom and emits no POLY_NORM;
 *  - bcf_prove proves one unsatisfiable goal per route and width, the proof
 *    has no kernel-trusted step (counted from its bytes) and our checker
 *    accepts it in strict and in kernel-compat mode;
 *  - a product whose value the refutation does not need is proven with no
 *    kernel-trusted step (its bits are opaque), one whose value it needs
 *    still takes the POLY_NORM route;
 *  - goals the routes must not prove (satisfiable ones) are not proven.
 */
#include <errno.h>
#include <string.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "solver/blast.h"
#include "solver/pbuild.h"
#include "tests/tap.h"

/* ---- blaster level: no POLY_NORM with trusted steps refused ---- */

static void blast_no_trusted(const char *name, const char *smt2)
{
	struct bcf_cond *c = NULL;
	struct pbuild *b = pbuild_new();
	struct blaster *bl = b ? blaster_new(b) : NULL;
	struct blast_stats st;
	const struct bcf_expr *e;
	uint32_t atom, circ;
	char text[2048], why[200] = "";
	int err, s;

	snprintf(text, sizeof(text), "(set-logic QF_BV)%s(check-sat)", smt2);
	err = bcf_smt2__parse(text, strlen(text), name, &c);
	if (!ok(!err && bl, "%s: parsed", name))
		goto out;
	pbuild_set_no_trusted(b, true);
	/* the assertion itself is the atom (a single comparison) */
	err = pbuild_import(b, c->arena, c->refine_cond, &atom);
	if (!ok(!err, "%s: imported", name))
		goto out;
	e = bcf_arena__expr(pbuild_arena(b), atom);
	if (e->code == BCF_BOOL_NOT)
		atom = e->args[0];
	s = blast_atom(bl, atom, &circ, why, sizeof(why));
	blast_get_stats(bl, &st);
	ok(s >= 0, "%s: blasted with POLY_NORM refused (%s)", name, why);
	ok(st.poly_norm == 0 && st.rewrite > 0,
	   "%s: %u REWRITE, %u BITBLAST, no POLY_NORM (%u)", name, st.rewrite, st.bitblast,
	   st.poly_norm);
out:
	blaster_free(bl);
	pbuild_free(b);
	bcf_cond__free(c);
}

/* ---- end to end ---- */

static void prove_kt(const char *name, const char *smt2, bool unsat, bool trusted)
{
	BCF_OPTS(bcf_prove_opts, po, .timeout_ms = 30000);
	BCF_OPTS(bcf_prove_result, r);
	struct bcf_cond *c = NULL;
	char text[2048];
	int err;

	snprintf(text, sizeof(text), "(set-logic QF_BV)%s(check-sat)", smt2);
	err = bcf_smt2__parse(text, strlen(text), name, &c);
	if (!ok(!err, "%s: parsed %s", name, err ? bcf_last_error() : ""))
		return;
	err = bcf_prove(c, &po, &r);
	if (!unsat) {
		ok(r.status == BCF_PROVE_SAT && !r.proof, "%s: satisfiable, no proof (%s)", name,
		   bcf_prove_status__name(r.status));
	} else if (ok(!err && r.status == BCF_PROVE_PROVEN_REFINE && r.proof,
		      "%s: proven (%s %s)", name, bcf_prove_status__name(r.status), r.detail)) {
		uint32_t nw;
		const uint32_t *w = bcf_arena__words(c->arena, &nw);
		BCF_OPTS(bcf_check_opts, s, .mode = BCF_CHECK_STRICT);
		BCF_OPTS(bcf_check_opts, k, .mode = BCF_CHECK_KERNEL_COMPAT);
		BCF_OPTS(bcf_check_stats, ks);
		bool good;

		ok(!r.kernel_trusted_steps == !trusted, "%s: %s kernel-trusted step (%u, first: %s)",
		   name, trusted ? "a" : "no", r.kernel_trusted_steps, r.kernel_trusted_first);
		k.stats = &ks;
		good = !bcf_check_proof(w, nw, c->refine_cond, r.proof, r.proof_size, &s) &&
		       !bcf_check_proof(w, nw, c->refine_cond, r.proof, r.proof_size, &k) &&
		       ks.kernel_trusted_steps == r.kernel_trusted_steps;
		ok(good, "%s: %zu-byte proof accepted in strict and kernel-compat mode, "
		   "%u kernel-trusted", name, r.proof_size, ks.kernel_trusted_steps);
	}
	bcf_prove_result__free(&r);
	bcf_cond__free(c);
}

static void prove(const char *name, const char *smt2, bool unsat)
{
	prove_kt(name, smt2, unsat, false);
}

/* Blaster level: a product of two variables has no route; with opaque bits
 * its atom is blasted, the bits' conditions stay opaque (-ENOTSUP naming
 * the missing rule). */
static void abstract_bits(void)
{
	struct bcf_cond *c = NULL;
	struct pbuild *b = pbuild_new();
	struct blaster *bl = b ? blaster_new(b) : NULL;
	const char *text = "(set-logic QF_BV)(declare-fun x () (_ BitVec 8))"
			   "(declare-fun y () (_ BitVec 8))(assert (bvult (bvmul x y) #x0a))(check-sat)";
	uint32_t atom, circ, bit = 0;
	char why[200] = "";
	int s;

	if (!ok(bl && !bcf_smt2__parse(text, strlen(text), "abstract", &c) &&
		!pbuild_import(b, c->arena, c->refine_cond, &atom), "abstract: goal imported"))
		goto out;
	s = blast_atom(bl, atom, &circ, why, sizeof(why));
	ok(s == -ENOTSUP && strstr(why, "bv_mul"), "product of variables, no opaque bits: -ENOTSUP "
	   "(%s)", why);
	blaster_set_abstract(bl, true);
	s = blast_atom(bl, atom, &circ, why, sizeof(why));
	ok(s >= 0, "with opaque bits: the atom is blasted (%s)", why);
	{
		/* bit 3 of the product: (= (extract[3:3] p) #1) is opaque */
		const struct bcf_expr *e = bcf_arena__expr(pbuild_arena(b), atom);
		uint32_t p = e->args[0], x3, one;

		ok(pbuild_node(b, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(3, 3), &p, 1, &x3) == 0 &&
		   pbuild_node(b, BCF_BV_VAL, 1, (uint32_t[]){ 1 }, 1, &one) == 0 &&
		   pbuild_node(b, BCF_BOOL_EQ, 0, (uint32_t[]){ x3, one }, 2, &bit) == 0,
		   "bit condition built");
		s = blast_atom(bl, bit, &circ, why, sizeof(why));
		ok(s == -ENOTSUP && strstr(why, "bv_mul"), "its bit conditions stay opaque (%d: %s)",
		   s, why);
	}
out:
	blaster_free(bl);
	pbuild_free(b);
	bcf_cond__free(c);
}

static void bvnot_widths(void)
{
	static const unsigned ws[] = { 1, 2, 3, 5, 8, 16, 31, 32, 33, 63, 64 };
	unsigned i;
	char name[64], smt[512];

	for (i = 0; i < sizeof(ws) / sizeof(ws[0]); i++) {
		unsigned w = ws[i];

		/* ~x = -x - 1, through the sub/neg circuits */
		snprintf(name, sizeof(name), "bvnot, %u bits", w);
		snprintf(smt, sizeof(smt), "(declare-fun x () (_ BitVec %u))"
			 "(assert (distinct (bvnot x) (bvsub (bvneg x) (_ bv1 %u))))", w, w);
		prove(name, smt, true);
		blast_no_trusted(name, smt);
		/* bvxor with all-ones: REWRITE 123 (32), 142 (< 32), halves (> 32) */
		snprintf(name, sizeof(name), "bvxor with all-ones, %u bits", w);
		snprintf(smt, sizeof(smt), "(declare-fun x () (_ BitVec %u))"
			 "(assert (distinct (bvxor (bvnot (bvnot x)) (_ bv%llu %u)) "
			 "(bvxor (_ bv%llu %u) (bvadd x (_ bv1 %u)))))", w,
			 (unsigned long long)(w == 64 ? ~0ull : (1ull << w) - 1), w,
			 (unsigned long long)(w == 64 ? ~0ull : (1ull << w) - 1), w, w);
		blast_no_trusted(name, smt);
		snprintf(smt, sizeof(smt), "(declare-fun x () (_ BitVec %u))"
			 "(assert (not (= (bvxor x (bvsub (_ bv0 %u) (_ bv1 %u))) (bvnot x))))",
			 w, w, w);
		prove(name, smt, true);
	}
}

int main(void)
{
	bvnot_widths();
	prove("bvnot of bvnot", "(declare-fun x () (_ BitVec 16))"
	      "(assert (distinct (bvnot (bvnot x)) x))", true);
	prove("bvnot of a constant", "(declare-fun x () (_ BitVec 8))"
	      "(assert (= (bvadd x (bvnot #x0f)) (bvadd x #x0f)))", true);
	prove("bits of a bvnot (extract, REWRITE 61)", "(declare-fun x () (_ BitVec 64))"
	      "(assert (and (= ((_ extract 3 3) x) #b1) (= ((_ extract 4 3) (bvnot x)) #b11)))",
	      true);
	prove("bits of a 32-bit bvxor with ones (arsh_select_map)",
	      "(declare-fun x () (_ BitVec 32))"
	      "(assert (bvugt (bvadd (bvand (bvashr x #x0000001e) #x00000028) "
	      "(bvand (bvxor (bvashr x #x0000001e) #xffffffff) #x00000018)) #x00000028))", true);
	prove("bvxor with a mixed constant, 64 bits", "(declare-fun x () (_ BitVec 64))"
	      "(assert (distinct (bvxor (bvxor x #xff00ff00ffff0000) #xff00ff00ffff0000) x))", true);
	blast_no_trusted("bvxor with a mixed constant, 12 bits", "(declare-fun x () (_ BitVec 12))"
			 "(assert (= (bvxor x #xf0f) x))");
	blast_no_trusted("bits of a bvxor with ones", "(declare-fun x () (_ BitVec 20))"
			 "(assert (= ((_ extract 9 2) (bvxor x #xfffff)) #x00))");

	/* 1-bit equalities */
	{
		static const struct {
			const char *name, *smt;
		} eq1[] = {
			{ "1-bit = of variables (REWRITE 54, 53, 59)",
			  "(declare-fun a () (_ BitVec 1))(declare-fun b () (_ BitVec 1))"
			  "(assert (= a b))" },
			{ "1-bit = against 0 (REWRITE 139)",
			  "(declare-fun a () (_ BitVec 1))(assert (= a #b0))" },
			{ "1-bit = 0 against a term (REWRITE 2, 139)",
			  "(declare-fun a () (_ BitVec 1))(declare-fun b () (_ BitVec 1))"
			  "(assert (= #b0 (bvadd a b)))" },
			{ "1-bit = against 1", "(declare-fun a () (_ BitVec 1))(assert (= a #b1))" },
			{ "1-bit = of the low bit (REWRITE 59)",
			  "(declare-fun x () (_ BitVec 8))(declare-fun b () (_ BitVec 1))"
			  "(assert (= ((_ extract 0 0) x) b))" },
			{ "1-bit = of a middle bit (REWRITE 58)",
			  "(declare-fun x () (_ BitVec 8))(declare-fun b () (_ BitVec 1))"
			  "(assert (= b ((_ extract 5 5) x)))" },
			{ "1-bit = of the top bit (REWRITE 60)",
			  "(declare-fun x () (_ BitVec 16))(assert (= ((_ extract 15 15) x) #b1))" },
			{ "1-bit = of two bits of a wide term (lifted)",
			  "(declare-fun x () (_ BitVec 64))"
			  "(assert (= ((_ extract 40 40) x) ((_ extract 3 3) x)))" },
			{ "1-bit distinct", "(declare-fun a () (_ BitVec 1))(declare-fun b () (_ BitVec 1))"
			  "(assert (distinct a (bvnot b)))" },
		};
		unsigned i;

		for (i = 0; i < sizeof(eq1) / sizeof(eq1[0]); i++)
			blast_no_trusted(eq1[i].name, eq1[i].smt);
	}
	prove("1-bit variables: a = b, b = c, a != c (simple_processors)",
	      "(declare-fun a () (_ BitVec 1))(declare-fun b () (_ BitVec 1))"
	      "(declare-fun c () (_ BitVec 1))(assert (and (= a b) (= b c) (not (= a c))))", true);
	prove("1-bit extracts: bit 14 = bit 13 = bit 12 != bit 14 (ext_con)",
	      "(declare-fun x () (_ BitVec 16))"
	      "(assert (and (= ((_ extract 14 14) x) ((_ extract 13 13) x)) "
	      "(= ((_ extract 13 13) x) ((_ extract 12 12) x)) "
	      "(not (= ((_ extract 12 12) x) ((_ extract 14 14) x)))))", true);
	prove("1-bit extracts of a 64-bit term", "(declare-fun x () (_ BitVec 64))"
	      "(assert (and (= ((_ extract 63 63) x) ((_ extract 0 0) x)) "
	      "(= ((_ extract 0 0) x) #b1) (bvsge x #x0000000000000000)))", true);
	prove("1-bit = to 0 and 1", "(declare-fun a () (_ BitVec 1))"
	      "(assert (and (= a #b0) (= #b1 a)))", true);
	prove("1-bit ite condition", "(declare-fun a () (_ BitVec 1))(declare-fun x () (_ BitVec 8))"
	      "(assert (bvugt (ite (= a #b1) #x01 #x02) (ite (= a #b0) #x02 #x01)))", true);
	/* terms with no checked route: opaque bits */
	abstract_bits();
	prove("a product by 3 whose value is not needed (opaque bits)",
	      "(declare-fun x () (_ BitVec 32))(assert (and (bvult (bvmul x #x00000003) #x0000000a) "
	      "(bvugt (bvmul x #x00000003) #x00000014)))", true);
	prove("a product of variables whose value is not needed (opaque bits)",
	      "(declare-fun x () (_ BitVec 16))(declare-fun y () (_ BitVec 16))"
	      "(assert (and (bvult (bvmul x y) #x000a) (bvugt (bvmul x y) #x0014)))", true);
	prove_kt("a product by 3 whose value is needed (POLY_NORM)",
		 "(declare-fun x () (_ BitVec 16))"
		 "(assert (distinct (bvmul x #x0003) (bvadd x (bvadd x x))))", true, true);
	/* negative controls */
	prove("satisfiable 1-bit equalities", "(declare-fun a () (_ BitVec 1))"
	      "(declare-fun b () (_ BitVec 1))(assert (and (= a b) (= b #b1)))", false);
	prove("satisfiable bvnot", "(declare-fun x () (_ BitVec 8))"
	      "(assert (= (bvnot x) (bvadd x #x01)))", false);
	return done_testing();
}
