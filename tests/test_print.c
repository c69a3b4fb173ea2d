// SPDX-License-Identifier: MIT
/*
 * Printers: the kernel checker's dump (checked against the real trace lines
 * quoted in spec/format.md 6 and spec/rules-core.md 7, over hand-built
 * stores that place nodes at the traced ids), the SMT-LIB printer (exact
 * text, translations, names, and z3's verdict on small formulas whose
 * answer is known) and the JSON printer.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <z3.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "lang/print.h"
#include "tests/tap.h"

/* ---- a sparse store: nodes at chosen ids, "static" below a bound --------- */

#define STORE_WORDS 4096

struct store {
	uint32_t w[STORE_WORDS];
	uint8_t is_hdr[STORE_WORDS];
	uint32_t static_cnt;
};

static const struct bcf_expr *store_lookup(void *p, uint32_t id)
{
	struct store *s = p;

	if (id >= STORE_WORDS || !s->is_hdr[id])
		return NULL;
	return (const struct bcf_expr *)&s->w[id];
}

static bool store_is_static(void *p, uint32_t id)
{
	struct store *s = p;

	return id < s->static_cnt && store_lookup(p, id);
}

static void put(struct store *s, uint32_t id, uint8_t code, uint16_t params, unsigned vlen, ...)
{
	va_list ap;
	unsigned i;

	s->w[id] = BCF_EXPR_HDR(code, vlen, params);
	s->is_hdr[id] = 1;
	va_start(ap, vlen);
	for (i = 0; i < vlen; i++)
		s->w[id + 1 + i] = va_arg(ap, uint32_t);
	va_end(ap);
}

/* Print one step line; step words given as header then args. */
static const char *step_line(struct store *s, uint32_t idx, uint32_t concl, uint32_t hdr, ...)
{
	static char line[4096];
	uint32_t words[64];
	unsigned i, n;
	va_list ap;

	words[0] = hdr;
	n = ((hdr >> 16) & 0xff) + (hdr >> 24);
	va_start(ap, hdr);
	for (i = 0; i < n && i < 63; i++)
		words[1 + i] = va_arg(ap, uint32_t);
	va_end(ap);
	if (bcf__print_kernel_step(store_lookup, store_is_static, s, idx,
				   (const struct bcf_proof_step *)words, concl, line,
				   sizeof(line)) < 0)
		return "(error)";
	return line;
}

#define STEP_IS(got, want) \
	do { \
		const char *g_ = (got); \
		if (!ok(!strcmp(g_, (want)), "%s", (want))) \
			diag("got %s", g_); \
	} while (0)

/* spec/format.md 6: the whole 5-step trace. */
static void test_format_trace(void)
{
	static struct store s;

	memset(&s, 0, sizeof(s));
	put(&s, 0, BCF_BV_VAL, 16, 1, 47);
	put(&s, 2, BCF_BV_VAR, 8, 0);
	put(&s, 3, BCF_BV_SIGN_EXTEND, BCF_EXPR_PARAMS(8, 16), 1, 2);
	put(&s, 5, BCF_BOOL_EQ, 0, 2, 3, 0);
	put(&s, 8, BCF_BV_VAL, 16, 1, 0);
	put(&s, 10, BCF_BOOL_EQ, 0, 2, 3, 8);
	put(&s, 13, BCF_BOOL_NOT, 0, 1, 10);
	put(&s, 15, BCF_BOOL_EQ, 0, 2, 0, 3);
	put(&s, 18, BCF_BOOL_NOT, 0, 1, 15);
	put(&s, 20, BCF_BOOL_VAL, BCF_TRUE, 0);
	put(&s, 21, BCF_BOOL_CONJ, 0, 4, 20, 18, 13, 5);
	s.static_cnt = 26;
	/* dynamic facts */
	put(&s, 26, BCF_BOOL_EQ, 0, 2, 3, 0);
	put(&s, 29, BCF_BOOL_NOT, 0, 1, 26);
	put(&s, 31, BCF_BOOL_VAL, BCF_FALSE, 0);

	STEP_IS(step_line(&s, 0, 21, BCF_STEP_HDR(BCF_RULE_ASSUME, 0, 1), 21),
		"(#0 ASSUME () ((bool_conj(4) @t20 @t18 @t13 @t5)) (bool_conj(4) true "
		"(bool_not(1) @t15) (bool_not(1) @t10) (bool_eq(2) @t3 @t0)))");
	STEP_IS(step_line(&s, 1, 18, BCF_STEP_HDR(BCF_RULE_AND_ELIM, 1, 1), 0, 1),
		"(#1 AND_ELIM (@p0) (@t1) (bool_not(1) (bool_eq(2) @t0 @t3)))");
	STEP_IS(step_line(&s, 2, 29, BCF_STEP_HDR(BCF_RULE_SYMM, 1, 0), 1),
		"(#2 SYMM (@p1) () (bool_not(1) (bool_eq(2) @t3 @t0)))");
	STEP_IS(step_line(&s, 3, 5, BCF_STEP_HDR(BCF_RULE_AND_ELIM, 1, 1), 0, 3),
		"(#3 AND_ELIM (@p0) (((_ sign_extend 8) @t2)) (bool_eq(2) ((_ sign_extend 8) @t2) "
		"(_ bv47 16)))");
	STEP_IS(step_line(&s, 4, 31, BCF_STEP_HDR(BCF_RULE_CONTRA, 2, 0), 3, 2),
		"(#4 CONTRA (@p3 @p2) () false)");
}

/* spec/rules-core.md 7: real lines from bench_1000 / bench_1001. */
static void test_core_trace(void)
{
	static struct store s;

	memset(&s, 0, sizeof(s));
	put(&s, 0, BCF_BV_VAL, 8, 1, 8);
	put(&s, 2, BCF_BV_VAR, 8, 0);
	put(&s, 4, BCF_BV_VAR, 8, 0);
	put(&s, 47, BCF_BV_VAR, 16, 0);
	put(&s, 55, BCF_BOOL_VAR, 0, 0);
	put(&s, 59, BCF_BOOL_VAR, 0, 0);
	put(&s, 63, BCF_BOOL_VAR, 0, 0);
	put(&s, 67, BCF_BOOL_VAR, 0, 0);
	put(&s, 69, BCF_BOOL_CONJ, 0, 5, 67, 63, 59, 55, 2);
	put(&s, 75, BCF_BOOL_VAL, BCF_FALSE, 0);
	put(&s, 76, BCF_BOOL_DISJ, 0, 2, 69, 75);
	put(&s, 79, BCF_BOOL_EQ, 0, 2, 76, 69);
	put(&s, 82, BCF_BOOL_CONJ, 0, 2, 67, 75);
	put(&s, 85, BCF_BOOL_EQ, 0, 2, 82, 75);
	s.static_cnt = 88;
	/* dynamic */
	put(&s, 546, BCF_BV_VAL, 8, 1, 8);
	put(&s, 600, BCF_BOOL_EQ, 0, 2, 0, 546);
	put(&s, 1000, BCF_BOOL_ULT, 0, 2, 4, 546);
	put(&s, 1003, BCF_BOOL_ULT, 0, 2, 4, 2);
	put(&s, 1006, BCF_BOOL_EQ, 0, 2, 1000, 1003);
	put(&s, 2910, BCF_BV_VAR, 16, 0);
	put(&s, 3000, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(7, 0), 1, 2910);
	put(&s, 3002, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(7, 0), 1, 47);
	put(&s, 3004, BCF_BOOL_EQ, 0, 2, 3000, 3002);

	STEP_IS(step_line(&s, 0, 600, BCF_STEP_HDR(BCF_RULE_EVALUATE, 0, 1), 0),
		"(#0 EVALUATE () ((_ bv8 8)) (bool_eq(2) (_ bv8 8) (_ bv8 8)))");
	STEP_IS(step_line(&s, 27, 79, BCF_STEP_HDR(BCF_RULE_ACI_NORM, 0, 1), 79),
		"(#27 ACI_NORM () ((bool_eq(2) @t76 @t69)) (bool_eq(2) (bool_disj(2) @t69 @t75) "
		"(bool_conj(5) @t67 @t63 @t59 @t55 ...)))");
	STEP_IS(step_line(&s, 28, 85, BCF_STEP_HDR(BCF_RULE_ABSORB, 0, 1), 85),
		"(#28 ABSORB () ((bool_eq(2) @t82 @t75)) (bool_eq(2) (bool_conj(2) @t67 @t75) false))");
	STEP_IS(step_line(&s, 3, 1006, BCF_STEP_HDR(BCF_RULE_CONG, 2, 1), 2, 1, 673),
		"(#3 CONG (@p2 @p1) (@t673) (bool_eq(2) (bool_ult(2) @t4 @t546) (bool_ult(2) @t4 @t2)))");
	STEP_IS(step_line(&s, 18, 3004, BCF_STEP_HDR(BCF_RULE_TRANS, 2, 0), 17, 13),
		"(#18 TRANS (@p17 @p13) () (bool_eq(2) ((_ extract 7 0) @t2910) ((_ extract 7 0) @t47)))");
	/* rules-bv.md 4.1: BITBLAST prints its parameter two levels deep */
	STEP_IS(step_line(&s, 76, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_BITBLAST, 0, 1), 79),
		"(#76 BITBLAST () ((bool_eq(2) (bool_disj(2) @t69 @t75) (bool_conj(5) @t67 @t63 @t59 "
		"@t55 ...))))");
}

/* spec/rules-bv.md 4.1 (bench_1000): raw parameters 0 and 1 where id 0 is a constant. */
static void test_bv_trace(void)
{
	static struct store s;

	memset(&s, 0, sizeof(s));
	put(&s, 0, BCF_BV_VAL, 32, 1, 8);
	put(&s, 4, BCF_BV_VAR, 8, 0);
	put(&s, 43, BCF_BOOL_VAL, BCF_TRUE, 0);
	put(&s, 69, BCF_BOOL_VAR, 0, 0);
	put(&s, 75, BCF_BOOL_VAL, BCF_FALSE, 0);
	put(&s, 100, BCF_BV_VAL, 8, 1, 8);
	put(&s, 102, BCF_BV_FROM_BOOL, 0, 8, 75, 75, 75, 43, 75, 75, 75, 75);
	put(&s, 111, BCF_BOOL_EQ, 0, 2, 100, 102);
	s.static_cnt = 292;
	put(&s, 292, BCF_BV_VAL, 8, 1, 8);
	put(&s, 1000, BCF_BOOL_ULT, 0, 2, 4, 292);
	put(&s, 1003, BCF_BOOL_NOT, 0, 1, 69);
	put(&s, 1005, BCF_BOOL_DISJ, 0, 2, 1000, 1003);
	put(&s, 1010, BCF_BOOL_BITOF, 3, 1, 4);
	put(&s, 1012, BCF_BOOL_NOT, 0, 1, 1010);

	STEP_IS(step_line(&s, 82, 1005, BCF_STEP_HDR(BCF_RULE_EQUIV_ELIM, 1, 1), 81, 1),
		"(#82 EQUIV_ELIM (@p81) (@t1) (bool_disj(2) (bool_ult(2) @t4 @t292) (bool_not(1) @t69)))");
	STEP_IS(step_line(&s, 139, 1012, BCF_STEP_HDR(BCF_RULE_RESOLUTION, 2, 2), 138, 136, 0, 329),
		"(#139 RESOLUTION (@p138 @p136) ((_ bv8 32), @t329) (bool_not(1) ((_ bit 3) @t4)))");
	STEP_IS(step_line(&s, 77, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_BITBLAST, 0, 1), 111),
		"(#77 BITBLAST () ((bool_eq(2) (_ bv8 8) (bv_from_bool(8) @t75 @t75 @t75 @t43 ...))))");
}

static void test_step_lists(void)
{
	static struct store s;

	memset(&s, 0, sizeof(s));
	put(&s, 0, BCF_BOOL_VAR, 0, 0);
	s.static_cnt = 1;
	STEP_IS(step_line(&s, 9, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_RESOLUTION, 4, 4), 8, 7, 6, 5,
			  0, 0, 12, 13),
		"(#9 RESOLUTION (@p8 @p7 @p6 ...) ((bool_var(0)), @t0, @t12...))");
	STEP_IS(step_line(&s, 2, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_FACTORING, 1, 1), 1, 65537),
		"(#2 FACTORING (@p1) (@t65537))");
	STEP_IS(step_line(&s, 1, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_CORE | 15, 0, 0)),
		"(#1 unknown core rule () ())");
	STEP_IS(step_line(&s, 1, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_BOOL | 0, 0, 0)),
		"(#1 unknown bool rule () ())");
	STEP_IS(step_line(&s, 1, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_BV | 7, 0, 0)),
		"(#1 unknown bv rule () ())");
	STEP_IS(step_line(&s, 1, UINT32_MAX, BCF_STEP_HDR(0x6001, 0, 0)),
		"(#1 unknown rule () ())");
	STEP_IS(step_line(&s, 1, UINT32_MAX, BCF_STEP_HDR(BCF_RULE_POLY_NORM, 0, 1), 0),
		"(#1 POLY_NORM () ((bool_var(0))))");
}

static void test_expr_depth_and_size(void)
{
	static struct store s;
	char buf[4096];
	uint32_t i;
	int n;

	memset(&s, 0, sizeof(s));
	put(&s, 0, BCF_BV_VAR, 32, 0);
	/* a chain of 100 bv_not nodes: 1, 3, 5, ... */
	for (i = 0; i < 100; i++)
		put(&s, 1 + 2 * i, BCF_BV_NOT, 32, 1, i ? 2 * i - 1 : 0);
	n = bcf__print_kernel_expr(store_lookup, &s, 5, 0, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "@t5"), "depth 0 prints the root as @t (%s)", buf);
	n = bcf__print_kernel_expr(store_lookup, &s, 5, 2, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "(bv_not(1) (bv_not(1) @t1))"), "depth 2 (%s)", buf);
	n = bcf__print_kernel_expr(store_lookup, &s, 5, 100, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "(bv_not(1) (bv_not(1) (bv_not(1) (bv_var(0) 32))))"),
	   "deep enough prints the whole term (%s)", buf);
	ok(n == (int)strlen(buf), "returns the length");
	/* 100 levels * 11 bytes does not fit in the kernel's 512 */
	n = bcf__print_kernel_expr(store_lookup, &s, 199, 1000, buf, 512);
	ok(n == -ENOSPC && buf[0] == '\0', "overflowing 512 bytes gives -ENOSPC and no text");
	n = bcf__print_kernel_expr(store_lookup, &s, 199, 1000, buf, sizeof(buf));
	ok(n > 512 && n < (int)sizeof(buf), "fits a bigger buffer (%d bytes)", n);
	n = bcf__print_kernel_expr(store_lookup, &s, 199, 1000, buf, (size_t)n);
	ok(n == -ENOSPC, "the terminating NUL must fit too");
	n = bcf__print_kernel_expr(store_lookup, &s, 4000, 3, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "@t4000"), "unknown id prints as @t (%s)", buf);

	memset(&s, 0, sizeof(s));
	put(&s, 0, BCF_BV_VAR, 64, 0);
	put(&s, 1, BCF_BV_VAL, 64, 2, 0xffffffffu, 0xffffffffu);
	put(&s, 4, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(31, 0), 1, 0);
	put(&s, 6, BCF_BV_ZERO_EXTEND, BCF_EXPR_PARAMS(32, 64), 1, 4);
	put(&s, 8, BCF_BV_REPEAT, BCF_EXPR_PARAMS(2, 64), 1, 4);
	put(&s, 10, BCF_BOOL_BITOF, 3, 1, 0);
	put(&s, 12, BCF_BOOL_VAR, 0, 0);
	put(&s, 13, BCF_BV_FROM_BOOL, 0, 2, 12, 10);
	put(&s, 16, BCF_LIST_VAL, 1, 0);
	put(&s, 17, BCF_BOOL_CONJ, 0, 6, 10, 12, 10, 12, 10, 12);
	put(&s, 24, BCF_BV_ADD, 64, 3, 1, 6, 8);
	n = bcf__print_kernel_expr(store_lookup, &s, 24, 2, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "(bv_add(3) (_ bv18446744073709551615 64) ((_ zero_extend 32) @t4) "
			     "((_ repeat 2) @t4))"), "constants and indexed ops (%s)", buf);
	n = bcf__print_kernel_expr(store_lookup, &s, 13, 3, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "(bv_from_bool(2) (bool_var(0)) ((_ bit 3) (bv_var(0) 64)))"),
	   "bool_var, bitof, from_bool (%s)", buf);
	n = bcf__print_kernel_expr(store_lookup, &s, 17, 1, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "(bool_conj(6) @t10 @t12 @t10 @t12 ...)"),
	   "arguments after the 4th are cut (%s)", buf);
	n = bcf__print_kernel_expr(store_lookup, &s, 16, 1, buf, sizeof(buf));
	ok(n > 0 && !strcmp(buf, "(list_val(0))"), "empty list (%s)", buf);
}

/* ---- SMT-LIB ------------------------------------------------------------- */

static void z3_no_abort(Z3_context ctx, Z3_error_code e)
{
	(void)ctx;
	(void)e;
}

static const char *z3_check(const char *script)
{
	static char msg[256];
	Z3_config cfg = Z3_mk_config();
	Z3_context ctx = Z3_mk_context_rc(cfg);
	Z3_ast_vector v;
	Z3_solver s;
	Z3_lbool r;
	unsigned i;

	Z3_del_config(cfg);
	Z3_set_error_handler(ctx, z3_no_abort);
	v = Z3_parse_smtlib2_string(ctx, script, 0, NULL, NULL, 0, NULL, NULL);
	if (Z3_get_error_code(ctx) != Z3_OK) {
		snprintf(msg, sizeof(msg), "error: %s", Z3_get_error_msg(ctx, Z3_get_error_code(ctx)));
		Z3_del_context(ctx);
		return msg;
	}
	Z3_ast_vector_inc_ref(ctx, v);
	s = Z3_mk_solver(ctx);
	Z3_solver_inc_ref(ctx, s);
	for (i = 0; i < Z3_ast_vector_size(ctx, v); i++)
		Z3_solver_assert(ctx, s, Z3_ast_vector_get(ctx, v, i));
	r = Z3_solver_check(ctx, s);
	Z3_solver_dec_ref(ctx, s);
	Z3_ast_vector_dec_ref(ctx, v);
	Z3_del_context(ctx);
	return r == Z3_L_TRUE ? "sat" : r == Z3_L_FALSE ? "unsat" : "unknown";
}

static uint32_t N(struct bcf_arena *a, uint8_t code, uint16_t params, unsigned vlen, ...)
{
	uint32_t args[8], id = UINT32_MAX;
	va_list ap;
	unsigned i;

	va_start(ap, vlen);
	for (i = 0; i < vlen; i++)
		args[i] = va_arg(ap, uint32_t);
	va_end(ap);
	if (bcf_arena__node(a, code, params, args, vlen, &id))
		diag("node build failed: %s", bcf_last_error());
	return id;
}

static uint32_t C(struct bcf_arena *a, unsigned w, uint64_t v)
{
	uint32_t id = UINT32_MAX;

	bcf_arena__bv_const(a, w, v, &id);
	return id;
}

static uint32_t B(struct bcf_arena *a, bool v)
{
	uint32_t id = UINT32_MAX;

	bcf_arena__bool_const(a, v, &id);
	return id;
}

/* Assert NOT (lhs = rhs): unsat iff the printed semantics agree. */
static void smt_equiv(uint32_t lhs_fn(struct bcf_arena *), uint32_t rhs_fn(struct bcf_arena *),
		      const char *what)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t l = lhs_fn(a), r = rhs_fn(a), root;
	char *text = NULL;

	root = N(a, BCF_BOOL_DISTINCT, 0, 2, l, r);
	ok(bcf_print__smt2(a, root, &text) == 0 && !strcmp(z3_check(text), "unsat"),
	   "%s: z3 finds the printed identity valid", what);
	free(text);
	bcf_arena__free(a);
}

/* from_bool(true, false, false): bit 0 set, so the value is 1 */
static uint32_t fb_lhs(struct bcf_arena *a)
{
	return N(a, BCF_BV_FROM_BOOL, 0, 3, B(a, true), B(a, false), B(a, false));
}
static uint32_t fb_rhs(struct bcf_arena *a) { return C(a, 3, 1); }
/* from_bool of one bit */
static uint32_t fb1_lhs(struct bcf_arena *a) { return N(a, BCF_BV_FROM_BOOL, 0, 1, B(a, true)); }
static uint32_t fb1_rhs(struct bcf_arena *a) { return C(a, 1, 1); }
/* bitof[1](0b0110) is true; bitof[0] is false */
static uint32_t bit_lhs(struct bcf_arena *a)
{
	return N(a, BCF_BOOL_XOR, 0, 2, N(a, BCF_BOOL_BITOF, 1, 1, C(a, 4, 6)),
		 N(a, BCF_BOOL_BITOF, 0, 1, C(a, 4, 6)));
}
static uint32_t bool_true(struct bcf_arena *a) { return B(a, true); }
/* bvsize of a 13-bit variable at width 8 is 13 */
static uint32_t size_lhs(struct bcf_arena *a)
{
	uint32_t x;

	bcf_arena__var(a, BCF_BV, 13, "x", &x);
	return N(a, BCF_BV_BVSIZE, 8, 1, x);
}
static uint32_t size_rhs(struct bcf_arena *a) { return C(a, 8, 13); }
/* ite on a 1-bit vector #b1 picks the then-branch */
static uint32_t ite_lhs(struct bcf_arena *a)
{
	return N(a, BCF_BV_ITE, 8, 3, C(a, 1, 1), C(a, 8, 7), C(a, 8, 9));
}
static uint32_t ite_rhs(struct bcf_arena *a) { return C(a, 8, 7); }
/* concat: args[0] is the most significant part */
static uint32_t cat_lhs(struct bcf_arena *a)
{
	return N(a, BCF_BV_CONCAT, 16, 3, C(a, 4, 0xa), C(a, 8, 0xbc), C(a, 4, 0xd));
}
static uint32_t cat_rhs(struct bcf_arena *a) { return C(a, 16, 0xabcd); }
/* n-ary add and xor */
static uint32_t add_lhs(struct bcf_arena *a)
{
	return N(a, BCF_BV_XOR, 8, 3, N(a, BCF_BV_ADD, 8, 3, C(a, 8, 200), C(a, 8, 100), C(a, 8, 3)),
		 C(a, 8, 0xff), C(a, 8, 0x0f));
}
static uint32_t add_rhs(struct bcf_arena *a) { return C(a, 8, (303 & 0xff) ^ 0xff ^ 0x0f); }

static void test_smt2(void)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t x, y, p, q, r, s, t, root, lst;
	char *text = NULL;
	int err;

	bcf_arena__var(a, BCF_BV, 8, "x", &x);
	bcf_arena__var(a, BCF_BV, 8, "y", &y);
	bcf_arena__var(a, BCF_BOOL, 0, "my flag", &p);
	bcf_arena__var(a, BCF_BOOL, 0, "t12", &q);
	s = N(a, BCF_BV_ADD, 8, 3, x, y, x);
	t = N(a, BCF_BOOL_ULT, 0, 2, s, y);
	r = N(a, BCF_BOOL_SLE, 0, 2, s, x);
	root = N(a, BCF_BOOL_CONJ, 0, 4, t, r, p, q);
	err = bcf_print__smt2(a, root, &text);
	ok(err == 0 && text, "print a small formula");
	if (text) {
		char want[1024];

		snprintf(want, sizeof(want),
			 "(set-logic QF_BV)\n"
			 "(declare-fun x () (_ BitVec 8))\n"
			 "(declare-fun y () (_ BitVec 8))\n"
			 "(declare-fun |my flag| () Bool)\n"
			 "(declare-fun b%u () Bool)\n"
			 "(define-fun t%u () (_ BitVec 8) (bvadd x y x))\n"
			 "(assert (and (bvult t%u y) (bvsle t%u x) |my flag| b%u))\n"
			 "(check-sat)\n(exit)\n", q, s, s, s, q);
		if (!ok(!strcmp(text, want), "exact text: shared node defined, names quoted or replaced"))
			diag("got:\n%s", text);
		ok(!strcmp(z3_check(text), "sat"), "z3 parses it and finds it satisfiable");
	}
	free(text);
	text = NULL;
	lst = N(a, BCF_LIST_VAL, 1, 2, p, q);
	err = bcf_print__smt2(a, lst, &text);
	ok(err == -EINVAL && !text, "a list root is refused");
	ok(bcf_print__smt2(a, s, &text) == -EINVAL, "a bit-vector root is refused");
	ok(bcf_print__smt2(a, 100000, &text) == -EINVAL, "an invalid root is refused");
	bcf_arena__free(a);

	/* names: duplicates, unusable characters, reserved words */
	a = bcf_arena__new();
	bcf_arena__var(a, BCF_BOOL, 0, "v", &x);
	bcf_arena__var(a, BCF_BOOL, 0, "v", &y);
	bcf_arena__var(a, BCF_BOOL, 0, "a|b", &p);
	bcf_arena__var(a, BCF_BOOL, 0, "and", &q);
	bcf_arena__var(a, BCF_BOOL, 0, "b3", &r); /* id 4: a fallback would be b2 / b3 */
	root = N(a, BCF_BOOL_CONJ, 0, 5, x, y, p, q, r);
	text = NULL;
	err = bcf_print__smt2(a, root, &text);
	if (err)
		diag("print failed: %d %s", err, bcf_last_error());
	ok(err == 0 && strstr(text, "(declare-fun v () Bool)") &&
	   strstr(text, "(declare-fun b1 () Bool)") && strstr(text, "(declare-fun b2 () Bool)") &&
	   strstr(text, "(declare-fun b3_1 () Bool)") && strstr(text, "(declare-fun b3 () Bool)") &&
	   !strcmp(z3_check(text), "sat"), "names made unique and valid");
	free(text);
	bcf_arena__free(a);

	smt_equiv(fb_lhs, fb_rhs, "bv_from_bool bit order");
	smt_equiv(fb1_lhs, fb1_rhs, "bv_from_bool of one bit");
	smt_equiv(bit_lhs, bool_true, "bool_bitof");
	smt_equiv(size_lhs, size_rhs, "bv_bvsize");
	smt_equiv(ite_lhs, ite_rhs, "bv_ite with a 1-bit condition");
	smt_equiv(cat_lhs, cat_rhs, "n-ary concat");
	smt_equiv(add_lhs, add_rhs, "n-ary bvadd / bvxor");
}

static void test_json(void)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t x, c, e, root;
	char *text = NULL, want[512];

	bcf_arena__var(a, BCF_BV, 8, "x\"1", &x);
	c = C(a, 8, 200);
	e = N(a, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(3, 0), 1, x);
	root = N(a, BCF_BOOL_ULT, 0, 2, x, c);
	(void)e;
	ok(bcf_print__json(a, root, &text) == 0, "json");
	snprintf(want, sizeof(want),
		 "{\"root\":%u,\"nodes\":[{\"id\":%u,\"op\":\"bv_var\",\"width\":8,\"params\":8,"
		 "\"name\":\"x\\\"1\"},{\"id\":%u,\"op\":\"bv_val\",\"width\":8,\"params\":8,"
		 "\"value\":\"200\"},{\"id\":%u,\"op\":\"bool_ult\",\"args\":[%u,%u]}]}\n",
		 root, x, c, root, x, c);
	if (!ok(text && !strcmp(text, want), "json text (unreachable nodes left out)"))
		diag("got %s", text ? text : "nothing");
	free(text);
	bcf_arena__free(a);
}

int main(void)
{
	test_format_trace();
	test_core_trace();
	test_bv_trace();
	test_step_lists();
	test_expr_depth_and_size();
	test_smt2();
	test_json();
	return done_testing();
}
