// SPDX-License-Identifier: MIT
/*
 * Regression cases found by the differential prover fuzzer (fuzz/prover_diff):
 * each condition is proved with bcf_prove and the answer is checked like the
 * fuzzer checks it (a proof accepted by the checker in both modes against the
 * refuted root).
 *
 *  - a goal that is the constant false (refine_cond, or path_cond): the
 *    refutation was ASSUME alone, a one-step proof that the checker (like the
 *    kernel) rejects because a proof needs two steps; the prover answered
 *    "error" instead of proving it.
 *  - (prover_diff seed 1, condition 4271, minimised) a 64-bit product
 *    (x xor x) * 2^63 compared signed against two constants: the
 *    refutation's RESOLUTION steps compare literals that differ only more
 *    than 128 node pairs deep, which the checker (like the kernel) rejects;
 *    the prover answered "error".  It must prove the goal or answer
 *    unprovable-kernel naming the limit, never error.
 *  - (prover_diff seed 1, condition 6254, minimised) a 64-bit product of a
 *    sign-extended 32-bit variable with a constant: replaying the SAT
 *    refutation needed a resolvent over the kernel's 255 literals (-E2BIG);
 *    the prover answered "error" (with no message).
 *  - (prover_diff seed 18, condition 4511, minimised) a product by an odd
 *    64-bit constant equal to a constant: a timeout (see odd_product).
 *  - 128-bit masks, whose constants are concats: unprovable-kernel (see
 *    wide_and).
 *  - a zero extension by more than 64 bits: error (see wide_zext); a
 *    rewrite whose right side needs a constant over 64 bits: error, now
 *    unprovable-kernel naming the rewrite (see wide_xor_self).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/tap.h"

static int check_both(const struct bcf_cond *c, uint32_t root, const struct bcf_prove_result *r)
{
	uint32_t nw;
	const uint32_t *w = bcf_arena__words(c->arena, &nw);
	BCF_OPTS(bcf_check_opts, strict, .mode = BCF_CHECK_STRICT);
	BCF_OPTS(bcf_check_opts, compat, .mode = BCF_CHECK_KERNEL_COMPAT);
	int e1 = bcf_check_proof(w, nw, root, r->proof, r->proof_size, &strict);
	int e2 = bcf_check_proof(w, nw, root, r->proof, r->proof_size, &compat);

	return e1 ? e1 : e2;
}

static void prove_case(const char *name, struct bcf_cond *c, enum bcf_prove_status want)
{
	BCF_OPTS(bcf_prove_opts, po, .solver = BCF_SOLVER_Z3, .timeout_ms = 20000);
	BCF_OPTS(bcf_prove_result, r);
	uint32_t root = want == BCF_PROVE_PROVEN_PATH ? c->path_cond : c->refine_cond;
	int err = bcf_prove(c, &po, &r);

	ok(!err && r.status == want, "%s: %s (got %d, %s: %s)", name,
	   bcf_prove_status__name(want), err, err ? "" : bcf_prove_status__name(r.status),
	   err ? bcf_last_error() : r.detail);
	if (!err && r.status == want) {
		ok(r.steps >= 2, "%s: %u steps (a proof needs two)", name, r.steps);
		err = check_both(c, root, &r);
		ok(!err, "%s: the proof is accepted in both modes (%d: %s)", name, err,
		   err ? bcf_last_error() : "");
	}
	if (!err)
		bcf_prove_result__free(&r);
}

static const char deep_mul[] =
	"(declare-fun x0 () (_ BitVec 32))\n"
	"(define-fun z () (_ BitVec 64) (bvxor ((_ zero_extend 32) x0) ((_ zero_extend 32) x0)))\n"
	"(define-fun p () (_ BitVec 64) (bvmul z (_ bv9223372036854775808 64)))\n"
	"(assert (or (bvslt p (_ bv18446744073709551602 64)) (bvsgt p (_ bv20973 64))))\n";

static const char wide_resolvent[] =
	"(declare-fun x0 () (_ BitVec 32))\n"
	"(define-fun p () (_ BitVec 64) (bvmul ((_ sign_extend 32) x0) "
	"(_ bv7571035535456945047 64)))\n"
	"(assert (and (bvule x0 (_ bv1 32)) (= ((_ extract 31 0) p) (_ bv2147483648 32)) "
	"(bvult p (_ bv9223372036854775807 64))))\n";

/* Parse an SMT-LIB script (one test point) and prove it: the condition, or NULL. */
static struct bcf_cond *prove_script(const char *name, const char *text,
				     struct bcf_prove_result *r, int *err)
{
	BCF_OPTS(bcf_prove_opts, po, .solver = BCF_SOLVER_Z3, .timeout_ms = 20000);
	struct bcf_cond *c = NULL;

	*err = bcf_smt2__parse(text, strlen(text), name, &c);
	ok(!*err && c, "%s: the script parses (%d)", name, *err);
	if (*err || !c)
		return NULL;
	*err = bcf_prove(c, &po, r);
	return c;
}

/* After a script's point: a proof is checked in both modes (a point), then freed. */
static void checked_and_freed(const char *name, struct bcf_cond *c, int err,
			      struct bcf_prove_result *r)
{
	if (!err && r->status == BCF_PROVE_PROVEN_REFINE) {
		int e = check_both(c, c->refine_cond, r);

		ok(!e, "%s: the proof is accepted in both modes (%d)", name, e);
	}
	if (!err)
		bcf_prove_result__free(r);
	bcf_cond__free(c);
}

/* An unsat script past a kernel checker limit: proven, or unprovable-kernel naming the limit. */
static void over_limit(const char *name, const char *text)
{
	BCF_OPTS(bcf_prove_result, r);
	int err;
	struct bcf_cond *c = prove_script(name, text, &r, &err);

	if (!c)
		return;
	ok(!err && (r.status == BCF_PROVE_PROVEN_REFINE ||
		    (r.status == BCF_PROVE_UNPROVABLE && strstr(r.detail, "over a kernel checker limit") &&
		     strchr(strstr(r.detail, "over a kernel checker limit"), ':') &&
		     strlen(strchr(strstr(r.detail, "over a kernel checker limit"), ':')) > 10)),
	   "%s: proven, or unprovable-kernel naming the limit, not an error (%d, %s: %s)", name,
	   err, err ? "" : bcf_prove_status__name(r.status), err ? bcf_last_error() : r.detail);
	checked_and_freed(name, c, err, &r);
}

/* prover_diff seed 2, condition 227: a 1-bit term with no route is given an opaque
 * bit, and the atom (= t #1) is that bit itself, so it never showed as opaque and the
 * satisfiable bit-level encoding was reported as an encoding bug (exit 2). */
static const char opaque_1bit_mod[] =
	"(declare-fun x0 () (_ BitVec 1))\n"
	"(assert (= (bvurem x0 x0) (_ bv1 1)))\n";
static const char opaque_1bit_or[] =
	"(declare-fun x0 () (_ BitVec 1))\n"
	"(declare-fun p1 () Bool)\n"
	"(define-fun n6 () Bool (distinct (bvurem x0 x0) (_ bv1 1)))\n"
	"(define-fun n18 () Bool (not (bvsge (_ bv1 49) (_ bv84243592614718 49))))\n"
	"(assert (and (distinct n6 n18) (or p1 n18)))\n";

/* prover_diff seed 18, condition 4511, minimised: zext(x0) * c = 64 at 64 bits, c odd.
 * The tactic solved the product (x0's value: POLY_NORM, POLY_NORM_EQ) but found no
 * clash, and the bit-level refutation inverted the 64-bit product by SAT: a timeout
 * at 60 s.  The tactic's solution is now a unit fact of the bit-level refutation. */
static const char odd_product[] =
	"(declare-fun x0 () (_ BitVec 32))\n"
	"(define-fun p () (_ BitVec 64) (bvmul ((_ zero_extend 32) x0) "
	"(_ bv14792191690191041351 64)))\n"
	"(assert (and (bvuge x0 (_ bv684 32)) (= p (_ bv64 64))))\n";

/* 128-bit masks: the constant is a concat of two 64-bit ones (the format's widest);
 * the mask route took only a bv_val and answered unprovable-kernel ("BITBLAST bv_and
 * (no constant operand)") for a mask the pull-up rewrites split soundly by its parts.
 * Found with bench/limit_shapes.sh's maskule chain at 128 bits. */
static const char wide_and[] =
	"(declare-fun x () (_ BitVec 128))\n"
	"(assert (bvugt (bvand x (_ bv340282366920938463463374607431768211200 128)) "
	"(_ bv340282366920938463463374607431768211200 128)))\n";
/* A 32-bit term zero-extended to 128 bits: REWRITE 93 needs the constant
 * (bv #0 96), wider than a constant node holds, and bcf prove answered error
 * (exit 2, "REWRITE: constant of width 96").  Found by widening every shared
 * vector to 4 times its widths (bench_1010 and 126 others). */
static const char wide_zext[] =
	"(declare-fun x () (_ BitVec 32))\n"
	"(assert (bvugt ((_ zero_extend 96) x) (_ bv4294967295 128)))\n";
/* (bvxor x x) at 128 bits: REWRITE 122's right side is (bv #0 128), which
 * no constant node holds (the kernel refuses it too); bcf prove answered
 * error (exit 2), now unprovable-kernel naming the rewrite. */
static const char wide_xor_self[] =
	"(declare-fun x () (_ BitVec 128))\n"
	"(assert (= (bvxor x x) (_ bv1 128)))\n";
static const char wide_xor[] =
	"(declare-fun x () (_ BitVec 128))\n"
	"(define-fun c () (_ BitVec 128) (_ bv1208925819614629174706175 128))\n"
	"(assert (not (= (bvxor (bvxor x c) c) x)))\n";

/* An unsat script proven within the test's time limit, one trusted step at most. */
static void proven_case(const char *name, const char *text)
{
	BCF_OPTS(bcf_prove_result, r);
	int err;
	struct bcf_cond *c = prove_script(name, text, &r, &err);

	if (!c)
		return;
	ok(!err && r.status == BCF_PROVE_PROVEN_REFINE && r.kernel_trusted_steps <= 1,
	   "%s: proven with at most one trusted step (%d, %s, %u trusted: %s)", name, err,
	   err ? "" : bcf_prove_status__name(r.status), err ? 0 : r.kernel_trusted_steps,
	   err ? bcf_last_error() : r.detail);
	checked_and_freed(name, c, err, &r);
}

/* An unsat script that needs a term no kernel-checked route blasts. */
static void unprovable_case(const char *name, const char *text, const char *rule)
{
	BCF_OPTS(bcf_prove_result, r);
	int err;
	struct bcf_cond *c = prove_script(name, text, &r, &err);

	if (!c)
		return;
	ok(!err && r.status == BCF_PROVE_UNPROVABLE && strstr(r.detail, rule),
	   "%s: unprovable-kernel naming %s, not an error (%d, %s: %s)", name, rule, err,
	   err ? "" : bcf_prove_status__name(r.status), err ? bcf_last_error() : r.detail);
	if (!err)
		bcf_prove_result__free(&r);
	bcf_cond__free(c);
}

int main(void)
{
	struct bcf_cond c;
	uint32_t f, x, k, cmp, args[2];

	/* refine_cond = false */
	c.arena = bcf_arena__new();
	bcf_arena__bool_const(c.arena, false, &f);
	c.path_cond = BCF_COND_NONE;
	c.refine_cond = f;
	prove_case("refine false", &c, BCF_PROVE_PROVEN_REFINE);
	bcf_arena__free(c.arena);

	/* path_cond = false, refine_cond = (bvult x #x05) */
	c.arena = bcf_arena__new();
	bcf_arena__var(c.arena, BCF_BV, 8, "x", &x);
	bcf_arena__bv_const(c.arena, 8, 5, &k);
	args[0] = x, args[1] = k;
	bcf_arena__node(c.arena, BCF_BOOL_ULT, 0, args, 2, &cmp);
	bcf_arena__bool_const(c.arena, false, &f);
	c.path_cond = f;
	c.refine_cond = cmp;
	prove_case("path false", &c, BCF_PROVE_PROVEN_PATH);
	bcf_arena__free(c.arena);

	over_limit("deep comparison", deep_mul);
	over_limit("wide resolvent", wide_resolvent);
	unprovable_case("1-bit bvurem atom", opaque_1bit_mod, "BITBLAST bv_mod");
	unprovable_case("1-bit bvurem under a distinct", opaque_1bit_or, "BITBLAST bv_mod");
	proven_case("a product by an odd constant, solved", odd_product);
	proven_case("a 128-bit mask (bvand)", wide_and);
	proven_case("a 128-bit mask (bvxor, twice)", wide_xor);
	proven_case("a zero extension by 96 bits", wide_zext);
	unprovable_case("a 128-bit xor of a term with itself", wide_xor_self, "REWRITE 122");

	return done_testing();
}
