// SPDX-License-Identifier: MIT
/*
 * The word-level tactic (solver/tactic.h): small goals it must refute with
 * a proof our checker accepts in both modes (and without bit-blasting),
 * and goals where it must not apply (satisfiable ones, and unsatisfiable
 * ones whose only word-level route would need an EVALUATE the kernel gets
 * wrong or rejects).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "solver/pbuild.h"
#include "solver/tactic.h"
#include "tests/tap.h"

#define DECL "(declare-const v (_ BitVec 8)) (declare-const w (_ BitVec 8)) " \
	     "(declare-const x (_ BitVec 32)) (declare-const y (_ BitVec 32)) " \
	     "(declare-const q (_ BitVec 64)) " \
	     "(declare-const p Bool) (declare-const r Bool) "

/* Where run_core() leaves what a failed tactic solved (NULL: nowhere). */
static struct tactic_out *g_out;

/*
 * Parse DECL + asserts, run the tactic on the conjuncts.  Returns the
 * tactic's result; on success the proof is finished (self-checked in both
 * modes) and *steps / *bytes / rule counts are filled.
 */
static int run_core(const char *asserts, unsigned ncore, struct pbuild_stats *st,
		    size_t *bytes)
{
	char text[4096];
	struct bcf_cond *c = NULL;
	struct pbuild *b;
	uint32_t g, nw;
	const uint32_t *w;
	int facts[64], s0, r, err;
	unsigned n = 0, i;
	void *proof = NULL;
	size_t size = 0;

	snprintf(text, sizeof(text), "%s%s", DECL, asserts);
	if (bcf_smt2__parse(text, strlen(text), "test", &c)) {
		diag("parse: %s", bcf_last_error());
		return -EINVAL;
	}
	b = pbuild_new();
	if (!b || pbuild_import(b, c->arena, c->refine_cond, &g)) {
		pbuild_free(b);
		bcf_cond__free(c);
		return -ENOMEM;
	}
	s0 = pb_assume(b, g);
	{
		const struct bcf_expr *e = bcf_arena__expr(pbuild_arena(b), g);

		if (e->code == BCF_BOOL_CONJ) {
			unsigned k = e->vlen;

			/* ncore > 0: only the first ncore conjuncts, as an
			 * unsat core would give them */
			for (i = 0; i < k && i < 64 && (!ncore || i < ncore); i++)
				facts[n++] = pb_and_elim(b, s0, i);
		} else {
			facts[n++] = s0;
		}
	}
	r = tactic_refute(b, facts, n, g_out);
	if (r >= 0) {
		w = bcf_arena__words(c->arena, &nw);
		err = pbuild_finish(b, r, w, nw, c->refine_cond, &proof, &size, st);
		if (err) {
			diag("finish: %s", pbuild_error(b));
			r = err;
		}
		*bytes = size;
		free(proof);
	}
	pbuild_free(b);
	bcf_cond__free(c);
	return r;
}

static int run(const char *asserts, struct pbuild_stats *st, size_t *bytes)
{
	return run_core(asserts, 0, st, bytes);
}

static unsigned rule(const struct pbuild_stats *st, uint16_t rule)
{
	return bcf_rule_counts__get(&st->rule_steps, rule);
}

static void refuted_poly(const char *what, const char *asserts, unsigned max_steps, bool poly)
{
	struct pbuild_stats st;
	size_t bytes = 0;
	int r;

	memset(&st, 0, sizeof(st));
	r = run(asserts, &st, &bytes);
	ok(r >= 0, "%s: refuted (%d)", what, r);
	if (r < 0)
		return;
	ok(st.steps <= max_steps && !rule(&st, BCF_RULE_BITBLAST) &&
	   !rule(&st, BCF_RULE_RESOLUTION) && (poly || !rule(&st, BCF_RULE_POLY_NORM)),
	   "%s: word level only, %u steps (max %u), %zu bytes", what, st.steps, max_steps,
	   bytes);
	if (poly)
		ok(rule(&st, BCF_RULE_POLY_NORM) > 0, "%s: uses POLY_NORM", what);
}

static void refuted(const char *what, const char *asserts, unsigned max_steps)
{
	refuted_poly(what, asserts, max_steps, false);
}

static void not_applied(const char *what, const char *asserts)
{
	struct pbuild_stats st;
	size_t bytes = 0;
	int r = run(asserts, &st, &bytes);

	ok(r == -ENOENT, "%s: tactic does not apply (%d)", what, r);
}

/*
 * v = 5 and a chain of depth levels (op .. #x01) over v equated with the
 * wrong constant.  With bvxor (no polynomial shortcut) and a depth beyond
 * EVALUATE's stack, the tactic must fold in pieces, without recursion.
 * Goals deeper than 128 levels cannot be checked against ASSUME at all
 * (the goal comparison's limit), so those only check the false step.
 */
static void deep_chain(unsigned depth, uint8_t op)
{
	struct bcf_arena *a = bcf_arena__new();
	struct pbuild *b = pbuild_new();
	uint32_t v, five, one, x, c, eq[2], conj, g, args[3], nw;
	const uint32_t *w;
	unsigned i;
	int s0, f[2], r;
	void *proof = NULL;
	size_t size = 0;

	bcf_arena__var(a, BCF_BV, 8, "v", &v);
	bcf_arena__bv_const(a, 8, 5, &five);
	bcf_arena__bv_const(a, 8, 1, &one);
	x = v;
	for (i = 0; i < depth; i++) {
		args[0] = x;
		args[1] = one;
		bcf_arena__node(a, op, 8, args, 2, &x);
	}
	if (op == BCF_BV_ADD)
		bcf_arena__bv_const(a, 8, (5 + depth + 1) & 0xff, &c);
	else
		bcf_arena__bv_const(a, 8, depth & 1 ? 5 : 4, &c);
	args[0] = v;
	args[1] = five;
	bcf_arena__node(a, BCF_BOOL_EQ, 0, args, 2, &eq[0]);
	args[0] = x;
	args[1] = c;
	bcf_arena__node(a, BCF_BOOL_EQ, 0, args, 2, &eq[1]);
	bcf_arena__node(a, BCF_BOOL_CONJ, 0, eq, 2, &conj);
	pbuild_import(b, a, conj, &g);
	s0 = pb_assume(b, g);
	f[0] = pb_and_elim(b, s0, 0);
	f[1] = pb_and_elim(b, s0, 1);
	r = tactic_refute(b, f, 2, NULL);
	ok(r >= 0 && pbuild_fact(b, r) == pbuild_false(b), "%s chain of depth %u refuted (%d)",
	   bcf_code__name(op), depth, r);
	if (r >= 0 && depth < 100) {
		w = bcf_arena__words(a, &nw);
		r = pbuild_finish(b, r, w, nw, conj, &proof, &size, NULL);
		ok(r == 0, "chain of depth %u: proof accepted (%zu bytes) %s", depth, size,
		   pbuild_error(b));
		free(proof);
	}
	pbuild_free(b);
	bcf_arena__free(a);
}

/*
 * What a failed tactic hands to bit-blasting: the value of a product's
 * factor (it needs POLY_NORM either way), not a linear solution without a
 * product (the blaster's routes need no trusted step there).
 */
static void test_solved_out(void)
{
	struct tactic_out out;
	struct pbuild_stats st;
	size_t bytes = 0;
	int r;

	g_out = &out;
	out.nsolved = 99;
	r = run_core("(assert (and (bvuge x #x000002ac) (= (bvmul ((_ zero_extend 32) x) "
		     "#xcd486bf847527347) #x0000000000000040)))", 0, &st, &bytes);
	ok(r == -ENOENT && out.nsolved == 1,
	   "zext(x) * odd c = 64: no word-level refutation, x's value handed on (%d, %u)", r,
	   out.nsolved);
	out.nsolved = 99;
	r = run_core("(assert (and (= (bvsub #x00000040 y) #x00000001) (bvult x y)))", 0, &st,
		     &bytes);
	ok(r == -ENOENT && out.nsolved == 0,
	   "64 - y = 1 and x < y: y solved without a product, nothing handed on (%d, %u)", r,
	   out.nsolved);
	g_out = NULL;
}

int main(void)
{
	test_solved_out();
	/* 1. substitute and evaluate */
	refuted("two constants for one variable",
		"(assert (and true (= #x53 v) (= #x44 v)))", 10);
	refuted("variable fixed, comparison false",
		"(assert (= v #x05)) (assert (bvult v #x03))", 10);
	refuted("term fixed (not a variable)",
		"(assert (= (bvsub ((_ sign_extend 24) v) #x00000043) #x00000000))"
		"(assert (bvslt (bvsub ((_ sign_extend 24) v) #x00000043) #x00000000))", 12);
	refuted("chain of bindings over rounds",
		"(assert (= v #x05)) (assert (= w (bvadd v #x01)))"
		"(assert (bvugt w (bvmul v #x02)))", 20);
	refuted("ground side of an equality evaluated first",
		"(assert (= x ((_ zero_extend 24) #x07))) (assert (= x #x00000008))", 12);
	refuted("negated equality against a binding",
		"(assert (not (= v #x05))) (assert (= v #x05))", 10);
	refuted("disjunction of false atoms",
		"(assert (or (= v #x01) (= v #x02))) (assert (= v #x03))", 14);
	refuted("nested conjunction and negated disjunction",
		"(assert (and (= v #x01) (not (or (= w #x02) (bvult v #x02)))))", 14);
	refuted("ite on a bound condition",
		"(assert (= v #x01)) (assert (= w (ite (= v #x01) #x02 #x03)))"
		"(assert (= w #x03))", 16);
	refuted("a term equated with a constant, contradicted inside by a binding",
		"(assert (= v #x66)) (assert (= (bvsub (bvsub (bvsub #x00000000 "
		"((_ zero_extend 24) (ite (bvult v #x6e) #x01 #x00))) #xffffffff) "
		"((_ zero_extend 24) (ite (bvult v #x6e) #x01 #x00))) #x00000000))", 20);
	refuted("boolean literal and its negation", "(assert p) (assert (not p))", 8);
	refuted("boolean atom bound true, negated inside",
		"(assert (bvult v w)) (assert (or (not (bvult v w)) (= v w)))"
		"(assert (not (= v w)))", 20);
	/* an extension equal to a constant gives its argument's value
	 * (REWRITE 142/143; a zero extension through 141 first) */
	refuted("sign extension equal to zero, argument not zero",
		"(assert (= ((_ sign_extend 8) v) #x0000)) (assert (not (= v #x00)))", 16);
	refuted("sign extension equal to a negative constant, constant on the left",
		"(assert (= #xfffffff6 ((_ sign_extend 24) v))) (assert (bvult v #x80))", 40);
	/* a constant the extension cannot take is the blaster's window */
	not_applied("sign extension: high bits neither zeros nor ones",
		    "(assert (= ((_ sign_extend 24) v) #x00000180))");
	refuted("zero extension equal to a constant, argument compared",
		"(assert (= ((_ zero_extend 24) (bvadd v w)) #x00000005))"
		"(assert (bvult (bvadd v w) #x05))", 45);
	not_applied("zero extension: the constant's high bits are not zero",
		    "(assert (= ((_ zero_extend 24) v) #x00000105))");
	refuted("zero extension by 1, its argument then compared",
		"(assert (= ((_ zero_extend 1) (bvadd x y)) #b000000000000000000000000000000101))"
		"(assert (bvult (bvadd x y) #x00000003))", 30);
	refuted("zero extension of a 56-bit term, a constant over 32 bits (no REWRITE 142)",
		"(assert (= ((_ zero_extend 8) ((_ extract 55 0) q)) #x00ffffffffffff00))"
		"(assert (bvult ((_ extract 55 0) q) #x00000000000005))", 40);
	refuted("zero extension of a 32-bit term to 64 bits",
		"(assert (= ((_ zero_extend 32) (bvadd x y)) #x00000000fffffff0))"
		"(assert (bvult (bvadd x y) #x00000003))", 40);
	/* 2. trivial atoms by rewrites */
	refuted("bvult x #0", "(assert (bvult (bvadd x y) #x00000000))", 5);
	refuted("bvult x x", "(assert (bvult (bvmul x y) (bvmul x y)))", 5);
	refuted("bvslt x x", "(assert (bvslt x x))", 5);
	refuted("not bvule x x", "(assert (not (bvule v v)))", 8);
	refuted("not bvule #0 x", "(assert (not (bvule #x00 (bvadd v w))))", 8);
	refuted("not bvsle x x", "(assert (not (bvsle y y)))", 8);
	refuted("bvugt #0 x", "(assert (bvugt #x00000000 y))", 6);
	refuted("not bvuge x #0", "(assert (not (bvuge v #x00)))", 10);
	refuted("distinct x x", "(assert (distinct (bvadd v w) (bvadd v w)))", 8);
	refuted("not (= x x)", "(assert (not (= y y)))", 8);
	refuted("bvult under a substitution",
		"(assert (= v #x00)) (assert (bvult (bvadd x y) ((_ zero_extend 24) v)))", 14);
	refuted("bvult ones x (32-bit)",
		"(assert (bvult #xffffffff (bvadd x y)))", 10);
	refuted("not bvule x ones (32-bit)",
		"(assert (not (bvule (bvadd x y) #xffffffff)))", 10);
	refuted("bvugt x ones (32-bit)",
		"(assert (bvugt x #xffffffff))", 12);
	not_applied("bvult ones x at 8 bits (no checked rewrite)",
		"(assert (bvult #xff (bvadd v w)))");
	refuted("second pass: ground subterm evaluated, bvsle as not bvslt",
		"(declare-const h (_ BitVec 16))"
		"(assert (bvslt (bvadd ((_ zero_extend 16) h) #x00000001) #x00000000))"
		"(assert (bvsle #x00000000 (bvadd ((_ zero_extend 16) h) "
		"((_ zero_extend 24) #x01))))", 20);
	refuted("bvand with zero absorbs",
		"(assert (bvslt (bvand (bvand (bvadd x y) #x00000000) #x00000000) #x00000000))",
		10);
	refuted("bvor with all-ones absorbs",
		"(assert (= (bvor v #xff w) #x00))", 10);
	/* 3. polynomials (POLY_NORM, verified by the strict checker) */
	refuted_poly("product with zero is a constant polynomial",
		"(assert (= v #x00)) (assert (bvult ((_ zero_extend 24) w) "
		"(bvmul ((_ zero_extend 24) v) x)))", 16, true);
	refuted_poly("sum that cancels to a constant",
		"(assert (bvslt (bvadd (bvsub #x00000000 (bvsub x #x00000310)) x) #x00000000))",
		8, true);
	refuted_poly("two linear equations on one atom",
		"(assert (= (bvsub ((_ sign_extend 24) v) #x00000043) #x00000000))"
		"(assert (= (bvsub ((_ sign_extend 24) v) #x00000041) #x00000000))", 16, true);
	refuted_poly("odd coefficient solved by its inverse",
		"(assert (= (bvadd (bvmul #x03 v) #x05) #x00)) (assert (= v #x01))", 16, true);
	refuted_poly("a non-linear term under two constant offsets",
		"(assert (= (bvsub (bvmul x y) #x00000095) #x00000000))"
		"(assert (= (bvsub (bvmul x y) #x00000097) #x00000000))", 16, true);
	refuted_poly("offset on the right-hand side",
		"(assert (= #x05 (bvadd (bvmul w w) #x01))) (assert (bvult (bvmul w w) #x03))",
		16, true);
	refuted_poly("bvnot as a polynomial",
		"(assert (= v #x05)) (assert (= (bvnot v) #x00))", 16, true);
	not_applied("even coefficient is not solved",
		"(assert (= (bvmul #x02 v) #x04)) (assert (not (= v #x02)))"
		"(assert (not (= v #x82)))");
	refuted("bvule x #0 against x != 0",
		"(assert (bvule (bvadd x y) #x00000000)) (assert (not (= (bvadd x y) #x00000000)))",
		10);
	refuted("bvult x #1 then x bound to 0",
		"(assert (bvult v #x01)) (assert (bvugt (bvadd v #x05) #x07))", 14);
	refuted("bvult #0 x against x = 0",
		"(assert (bvult #x00 v)) (assert (= v #x00))", 12);
	/* the core alone (bit-level only) does not help: the whole conjunction does */
	{
		struct pbuild_stats st;
		size_t bytes = 0;
		int r = run_core("(assert (bvult (bvadd x y) x)) (assert (= y #x00000000))",
				 1, &st, &bytes);

		ok(r >= 0 && !rule(&st, BCF_RULE_BITBLAST),
		   "a core without a word-level refutation: the whole conjunction is used (%d)",
		   r);
	}
	deep_chain(40, BCF_BV_ADD);
	deep_chain(60, BCF_BV_XOR);
	deep_chain(3000, BCF_BV_ADD);
	deep_chain(3000, BCF_BV_XOR);
	/* must not apply */
	not_applied("satisfiable bounds", "(assert (bvult v #x05)) (assert (bvugt v #x01))");
	not_applied("unrelated facts", "(assert (= v #x05)) (assert (bvult w #x03))");
	not_applied("satisfiable ground-free disjunction",
		"(assert (or (= v #x01) (= v #x02))) (assert (not (= v #x01)))");
	not_applied("bvnot of a constant is not evaluated",
		"(assert (= v #x05)) (assert (bvult (bvnot v) #x05))");
	not_applied("division by zero is not evaluated",
		"(assert (= v #x00)) (assert (= (bvudiv #x05 v) #x01))");
	/* SMT-LIB: 1 << 65 = 0, so this is satisfiable; the kernel's EVALUATE
	 * would compute 1 and "refute" it */
	not_applied("shift by >= 64 is not evaluated",
		"(assert (= q #x0000000000000041))"
		"(assert (= (bvshl #x0000000000000001 q) #x0000000000000000))");
	return done_testing();
}
