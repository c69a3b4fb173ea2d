// SPDX-License-Identifier: MIT
/*
 * Unit tests for the SMT-LIB QF_BV reader (bcf_smt2__parse): every operator
 * maps to the expected BCF code and params; every translated operator is
 * proved equivalent to the original by z3 (the BCF result printed back to
 * SMT-LIB by a small printer here, then (distinct original printed) must be
 * unsat); script handling; every rejection with its line:col.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <z3.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "tests/tap.h"

#define DECLS                                                                        \
	"(set-logic QF_BV)\n"                                                        \
	"(declare-fun a () (_ BitVec 8)) (declare-fun b () (_ BitVec 8))\n"          \
	"(declare-fun c () (_ BitVec 8)) (declare-fun d () (_ BitVec 8))\n"          \
	"(declare-fun p () Bool) (declare-fun q () Bool) (declare-fun r () Bool)\n"  \
	"(declare-fun h () (_ BitVec 16)) (declare-fun w () (_ BitVec 200))\n"       \
	"(declare-fun e () (_ BitVec 1)) (declare-fun m () (_ BitVec 13))\n"

static int parse(const char *text, struct bcf_cond **c)
{
	return bcf_smt2__parse(text, strlen(text), "t.smt2", c);
}

static const struct bcf_expr *ex(const struct bcf_cond *c, uint32_t id)
{
	return bcf_arena__expr(c->arena, id);
}

/* Parse DECLS + (assert (= T T)); the term is the first argument of the root. */
static struct bcf_cond *parse_term(const char *term, uint32_t *id)
{
	struct bcf_cond *c = NULL;
	char *s;

	if (asprintf(&s, DECLS "(assert (= %s %s))\n(check-sat)\n", term, term) < 0)
		abort();
	if (parse(s, &c)) {
		diag("%s: %s", term, bcf_last_error());
		free(s);
		return NULL;
	}
	free(s);
	*id = ex(c, c->refine_cond)->args[0];
	return c;
}

/* ---- direct mappings ---- */

static const struct direct {
	const char *term;
	uint8_t code;
	uint16_t params;
	uint8_t vlen;
	const char *args; /* variable names of the arguments, "" = not checked */
} directs[] = {
	{ "(bvadd a b)", BCF_BV_ADD, 8, 2, "a b" },
	{ "(bvadd a b c d)", BCF_BV_ADD, 8, 4, "a b c d" },
	{ "(bvmul a b c)", BCF_BV_MUL, 8, 3, "a b c" },
	{ "(bvand a b c)", BCF_BV_AND, 8, 3, "a b c" },
	{ "(bvor a b c d)", BCF_BV_OR, 8, 4, "a b c d" },
	{ "(bvxor a b c)", BCF_BV_XOR, 8, 3, "a b c" },
	{ "(bvxor a b)", BCF_BV_XOR, 8, 2, "a b" },
	{ "(concat a h)", BCF_BV_CONCAT, 24, 2, "a h" },
	{ "(concat a b c e)", BCF_BV_CONCAT, 25, 4, "a b c e" },
	{ "(bvsub a b)", BCF_BV_SUB, 8, 2, "a b" },
	{ "(bvudiv a b)", BCF_BV_DIV, 8, 2, "a b" },
	{ "(bvurem a b)", BCF_BV_MOD, 8, 2, "a b" },
	{ "(bvsdiv a b)", BCF_BV_SDIV, 8, 2, "a b" },
	{ "(bvsmod a b)", BCF_BV_SMOD, 8, 2, "a b" },
	{ "(bvshl a b)", BCF_BV_LSH, 8, 2, "a b" },
	{ "(bvlshr a b)", BCF_BV_RSH, 8, 2, "a b" },
	{ "(bvashr a b)", BCF_BV_ARSH, 8, 2, "a b" },
	{ "(bvneg a)", BCF_BV_NEG, 8, 1, "a" },
	{ "(bvnot a)", BCF_BV_NOT, 8, 1, "a" },
	{ "(bvnot w)", BCF_BV_NOT, 200, 1, "w" },
	{ "(bvult a b)", BCF_BOOL_ULT, 0, 2, "a b" },
	{ "(bvule a b)", BCF_BOOL_ULE, 0, 2, "a b" },
	{ "(bvugt a b)", BCF_BOOL_UGT, 0, 2, "a b" },
	{ "(bvuge a b)", BCF_BOOL_UGE, 0, 2, "a b" },
	{ "(bvslt a b)", BCF_BOOL_SLT, 0, 2, "a b" },
	{ "(bvsle a b)", BCF_BOOL_SLE, 0, 2, "a b" },
	{ "(bvsgt a b)", BCF_BOOL_SGT, 0, 2, "a b" },
	{ "(bvsge a b)", BCF_BOOL_SGE, 0, 2, "a b" },
	{ "(= a b)", BCF_BOOL_EQ, 0, 2, "a b" },
	{ "(= p q)", BCF_BOOL_EQ, 0, 2, "p q" },
	{ "(distinct a b)", BCF_BOOL_DISTINCT, 0, 2, "a b" },
	{ "(distinct p q)", BCF_BOOL_DISTINCT, 0, 2, "p q" },
	{ "(not p)", BCF_BOOL_NOT, 0, 1, "p" },
	{ "(=> p q)", BCF_BOOL_IMPLIES, 0, 2, "p q" },
	{ "(and p q)", BCF_BOOL_CONJ, 0, 2, "p q" },
	{ "(and p q r)", BCF_BOOL_CONJ, 0, 3, "p q r" },
	{ "(or p q r)", BCF_BOOL_DISJ, 0, 3, "p q r" },
	{ "(xor p q)", BCF_BOOL_XOR, 0, 2, "p q" },
	{ "(xor p q r)", BCF_BOOL_XOR, 0, 3, "p q r" },
	{ "(ite p a b)", BCF_BV_ITE, 8, 3, "p a b" },
	{ "(ite p q r)", BCF_BOOL_ITE, 0, 3, "p q r" },
	{ "((_ extract 7 4) a)", BCF_BV_EXTRACT, 0x0704, 1, "a" },
	{ "((_ extract 0 0) a)", BCF_BV_EXTRACT, 0x0000, 1, "a" },
	{ "((_ extract 199 0) w)", BCF_BV_EXTRACT, (199 << 8) | 0, 1, "w" },
	{ "((_ zero_extend 8) a)", BCF_BV_ZERO_EXTEND, 0x0810, 1, "a" },
	{ "((_ zero_extend 0) a)", BCF_BV_ZERO_EXTEND, 0x0008, 1, "a" },
	{ "((_ sign_extend 3) a)", BCF_BV_SIGN_EXTEND, 0x030b, 1, "a" },
	{ "((_ sign_extend 55) w)", BCF_BV_SIGN_EXTEND, (55 << 8) | 255, 1, "w" },
	{ "((_ repeat 3) a)", BCF_BV_REPEAT, 0x0318, 1, "a" },
	{ "((_ repeat 1) a)", BCF_BV_REPEAT, 0x0108, 1, "a" },
	{ "((_ repeat 255) e)", BCF_BV_REPEAT, 0xffff, 1, "e" },
	{ "true", BCF_BOOL_VAL, BCF_TRUE, 0, "" },
	{ "false", BCF_BOOL_VAL, BCF_FALSE, 0, "" },
	{ "p", BCF_BOOL_VAR, 0, 0, "" },
	{ "w", BCF_BV_VAR, 200, 0, "" },
	{ "#b101", BCF_BV_VAL, 3, 1, "" },
	{ "#x0f", BCF_BV_VAL, 8, 1, "" },
	{ "#xDeadBeefCafe", BCF_BV_VAL, 48, 2, "" },
	{ "(_ bv300 8)", BCF_BV_VAL, 8, 1, "" },
	{ "(_ bv0 1)", BCF_BV_VAL, 1, 1, "" },
	{ "(_ bv18446744073709551615 64)", BCF_BV_VAL, 64, 2, "" },
};

static bool args_named(const struct bcf_cond *c, const struct bcf_expr *e, const char *names)
{
	char buf[64], *tok, *save;
	unsigned i = 0;

	if (!*names)
		return true;
	snprintf(buf, sizeof(buf), "%s", names);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save), i++) {
		const char *n;

		if (i >= e->vlen || !bcf_is_var(ex(c, e->args[i])))
			return false;
		n = bcf_arena__var_name(c->arena, e->args[i]);
		if (!n || strcmp(n, tok))
			return false;
	}
	return i == e->vlen;
}

static void test_direct(void)
{
	size_t i;

	for (i = 0; i < sizeof(directs) / sizeof(directs[0]); i++) {
		const struct direct *d = &directs[i];
		struct bcf_cond *c;
		const struct bcf_expr *e;
		uint32_t id;

		c = parse_term(d->term, &id);
		if (!ok(c, "%s parses", d->term))
			continue;
		e = ex(c, id);
		ok(e->code == d->code && e->params == d->params && e->vlen == d->vlen &&
		   args_named(c, e, d->args),
		   "%s -> %s params %#x vlen %u (got %s params %#x vlen %u)", d->term,
		   bcf_code__name(d->code), d->params, d->vlen, bcf_code__name(e->code), e->params,
		   e->vlen);
		bcf_cond__free(c);
	}
}

static void test_constants(void)
{
	static const struct {
		const char *term;
		unsigned width;
		uint64_t value;
	} k[] = {
		{ "#b101", 3, 5 },
		{ "#b0", 1, 0 },
		{ "#x0f", 8, 15 },
		{ "#xDeadBeefCafe", 48, 0xdeadbeefcafeull },
		{ "(_ bv300 8)", 8, 44 },
		{ "(_ bv256 8)", 8, 0 },
		{ "(_ bv18446744073709551615 64)", 64, UINT64_MAX },
		{ "(_ bv18446744073709551616 64)", 64, 0 },
		{ "(_ bv340282366920938463463374607431768211457 33)", 33, 1 },
		{ "#b1111111111111111111111111111111111111111111111111111111111111110", 64,
		  UINT64_MAX - 1 },
	};
	struct bcf_cond *c;
	uint32_t id;
	size_t i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		c = parse_term(k[i].term, &id);
		if (!ok(c, "%s parses", k[i].term))
			continue;
		ok(ex(c, id)->code == BCF_BV_VAL && bcf_expr__width(ex(c, id)) == k[i].width &&
		   bcf_expr__bv_value(ex(c, id)) == k[i].value,
		   "%s = %u-bit value %llu", k[i].term, k[i].width,
		   (unsigned long long)k[i].value);
		bcf_cond__free(c);
	}

	/* 100-bit constant: concat of a 36-bit and a 64-bit piece, msb first */
	c = parse_term("#x123456789abcdef0123456789", &id);
	if (ok(c, "100-bit hex constant parses")) {
		const struct bcf_expr *e = ex(c, id), *hi, *lo;

		ok(e->code == BCF_BV_CONCAT && e->vlen == 2 && e->params == 100,
		   "100-bit constant is a 100-bit concat of 2 pieces");
		hi = ex(c, e->args[0]);
		lo = ex(c, e->args[1]);
		ok(hi->code == BCF_BV_VAL && bcf_expr__width(hi) == 36 &&
		   bcf_expr__bv_value(hi) == 0x123456789ull,
		   "most significant piece first: 36 bits 0x123456789");
		ok(lo->code == BCF_BV_VAL && bcf_expr__width(lo) == 64 &&
		   bcf_expr__bv_value(lo) == 0xabcdef0123456789ull,
		   "least significant piece: 64 bits");
		bcf_cond__free(c);
	}
	/* (_ bv2^200 200) = 0 as 200 bits: pieces 8, 64, 64, 64 */
	c = parse_term("(_ bv1606938044258990275541962092341162602522202993782792835301377 200)",
		       &id);
	if (ok(c, "(_ bv(2^200+1) 200) parses")) {
		const struct bcf_expr *e = ex(c, id);

		ok(e->code == BCF_BV_CONCAT && e->vlen == 4 && e->params == 200 &&
		   bcf_expr__width(ex(c, e->args[0])) == 8 &&
		   bcf_expr__bv_value(ex(c, e->args[0])) == 0 &&
		   bcf_expr__width(ex(c, e->args[3])) == 64 &&
		   bcf_expr__bv_value(ex(c, e->args[3])) == 1,
		   "(_ bv(2^200+1) 200) is 1 in four pieces (8, 64, 64, 64 bits)");
		bcf_cond__free(c);
	}
	/* 255-bit binary literal */
	{
		char lit[260];

		lit[0] = '#';
		lit[1] = 'b';
		memset(lit + 2, '1', 255);
		lit[257] = '\0';
		c = parse_term(lit, &id);
		ok(c && ex(c, id)->code == BCF_BV_CONCAT && ex(c, id)->params == 255 &&
		   ex(c, id)->vlen == 4, "255-bit binary literal is a 4-piece concat");
		bcf_cond__free(c);
	}
}

/* ---- z3 equivalence of translations ---- */

static void z3_err(Z3_context ctx, Z3_error_code e)
{
	(void)ctx;
	(void)e;
}

static void sort_str(const struct bcf_expr *e, char *buf, size_t n)
{
	if (bcf_is_bool(e))
		snprintf(buf, n, "Bool");
	else
		snprintf(buf, n, "(_ BitVec %u)", bcf_expr__width(e));
}

/*
 * Deliberately not derived from SMT2_OPS (lang/smt2_ops.h): this test
 * prints what the reader built and reads it back, so a wrong name or code
 * in that table must not also be in the oracle.  The names are SMT-LIB's,
 * fixed by the standard, not ours.
 */
static const char *smt_name(uint8_t code)
{
	switch (code) {
	case BCF_BV_ADD: return "bvadd";
	case BCF_BV_SUB: return "bvsub";
	case BCF_BV_MUL: return "bvmul";
	case BCF_BV_DIV: return "bvudiv";
	case BCF_BV_OR: return "bvor";
	case BCF_BV_AND: return "bvand";
	case BCF_BV_LSH: return "bvshl";
	case BCF_BV_RSH: return "bvlshr";
	case BCF_BV_NEG: return "bvneg";
	case BCF_BV_MOD: return "bvurem";
	case BCF_BV_XOR: return "bvxor";
	case BCF_BV_SDIV: return "bvsdiv";
	case BCF_BV_ARSH: return "bvashr";
	case BCF_BV_SMOD: return "bvsmod";
	case BCF_BV_NOT: return "bvnot";
	case BCF_BV_CONCAT: return "concat";
	case BCF_BV_ITE: case BCF_BOOL_ITE: return "ite";
	case BCF_BOOL_CONJ: return "and";
	case BCF_BOOL_DISJ: return "or";
	case BCF_BOOL_XOR: return "xor";
	case BCF_BOOL_NOT: return "not";
	case BCF_BOOL_IMPLIES: return "=>";
	case BCF_BOOL_EQ: return "=";
	case BCF_BOOL_DISTINCT: return "distinct";
	case BCF_BOOL_ULT: return "bvult";
	case BCF_BOOL_ULE: return "bvule";
	case BCF_BOOL_UGT: return "bvugt";
	case BCF_BOOL_UGE: return "bvuge";
	case BCF_BOOL_SLT: return "bvslt";
	case BCF_BOOL_SLE: return "bvsle";
	case BCF_BOOL_SGT: return "bvsgt";
	case BCF_BOOL_SGE: return "bvsge";
	default: return NULL;
	}
}

/* Append the arena as define-funs _nID (in id order: arguments come first). */
static bool print_defs(const struct bcf_cond *c, char **out, size_t *len)
{
	FILE *f = open_memstream(out, len);
	uint32_t n, id, i;

	bcf_arena__words(c->arena, &n);
	for (id = 0; id < n; id += ex(c, id)->vlen + 1) {
		const struct bcf_expr *e = ex(c, id);
		char s[32];

		sort_str(e, s, sizeof(s));
		fprintf(f, "(define-fun _n%u () %s ", id, s);
		switch (e->code) {
		case BCF_BV_VAR:
		case BCF_BOOL_VAR:
			fprintf(f, "|%s|", bcf_arena__var_name(c->arena, id));
			break;
		case BCF_BOOL_VAL:
			fprintf(f, "%s", e->params ? "true" : "false");
			break;
		case BCF_BV_VAL:
			fprintf(f, "(_ bv%llu %u)", (unsigned long long)bcf_expr__bv_value(e),
				bcf_expr__width(e));
			break;
		case BCF_BV_EXTRACT:
			fprintf(f, "((_ extract %u %u) _n%u)", BCF_EXPR_HIGH(e->params),
				BCF_EXPR_LOW(e->params), e->args[0]);
			break;
		case BCF_BV_ZERO_EXTEND:
		case BCF_BV_SIGN_EXTEND:
		case BCF_BV_REPEAT:
			fprintf(f, "((_ %s %u) _n%u)",
				e->code == BCF_BV_REPEAT ? "repeat" :
				e->code == BCF_BV_ZERO_EXTEND ? "zero_extend" : "sign_extend",
				BCF_EXPR_HIGH(e->params), e->args[0]);
			break;
		default:
			if (!smt_name(e->code)) {
				fclose(f);
				diag("no printer for %s", bcf_code__name(e->code));
				return false;
			}
			fprintf(f, "(%s", smt_name(e->code));
			for (i = 0; i < e->vlen; i++)
				fprintf(f, " _n%u", e->args[i]);
			fprintf(f, ")");
		}
		fprintf(f, ")\n");
	}
	fclose(f);
	return true;
}

static Z3_context z3;

/* z3's answer to a script ("unsat\n" expected for equivalences). */
static bool z3_unsat(const char *script)
{
	const char *r;

	Z3_eval_smtlib2_string(z3, "(reset)");
	r = Z3_eval_smtlib2_string(z3, script);
	if (Z3_get_error_code(z3) != Z3_OK) {
		Z3_set_error(z3, Z3_OK);
		diag("z3 error on: %s", script);
		return false;
	}
	if (strstr(r, "unsat"))
		return true;
	diag("z3 says %s", r);
	return false;
}

/* The parsed cond, printed back, is equivalent to the original assertion text. */
static bool equivalent(const char *decls, const char *asserted, const struct bcf_cond *c)
{
	char *defs = NULL, *script;
	size_t len;
	bool res;

	if (!print_defs(c, &defs, &len))
		return false;
	if (asprintf(&script, "%s%s(assert (distinct %s _n%u))\n(check-sat)\n", decls, defs,
		     asserted, c->refine_cond) < 0)
		abort();
	res = z3_unsat(script);
	free(script);
	free(defs);
	return res;
}

/* A term and, where z3 reads it differently or not at all, an equivalent reference. */
static const struct {
	const char *term;
	const char *ref;
} translations[] = {
	{ "(= a b c)", NULL }, { "(= a b c d)", NULL }, { "(= p q r)", NULL }, { "(= a a a)", NULL },
	{ "(distinct a b c)", NULL }, { "(distinct a b c d)", NULL }, { "(distinct p q r)", NULL },
	{ "(distinct e e e)", NULL }, { "(=> p q r)", NULL }, { "(=> p q r p)", NULL },
	{ "(bvsub a b c)", "(bvsub (bvsub a b) c)" },
	{ "(bvsub a b c d)", "(bvsub (bvsub (bvsub a b) c) d)" },
	{ "(bvnand a b)", NULL }, { "(bvnor a b)", NULL }, { "(bvxnor a b)", NULL }, { "(bvnand w w)", NULL },
	{ "(bvcomp a b)", NULL }, { "(bvcomp h h)", NULL }, { "(bvcomp e (bvnot e))", NULL },
	{ "(bvsrem a b)", NULL }, { "(bvsrem e (bvnot e))", NULL }, { "(bvsrem m (bvneg m))", NULL },
	{ "(bvsrem h #x8000)", NULL }, { "(bvsrem w (bvnot w))", NULL },
	{ "((_ rotate_left 3) a)", NULL }, { "((_ rotate_right 3) a)", NULL }, { "((_ rotate_left 0) a)", NULL },
	{ "((_ rotate_left 8) a)", NULL }, { "((_ rotate_left 11) a)", NULL }, { "((_ rotate_right 13) m)", NULL },
	{ "((_ rotate_right 14) m)", NULL }, { "((_ rotate_left 1) e)", NULL },
	{ "((_ rotate_right 123456789012345678901234567890) m)", "m" },
	{ "((_ rotate_left 123456789012345678901234567891) m)", "((_ rotate_left 1) m)" },
	{ "((_ rotate_left 199) w)", NULL }, { "((_ rotate_right 1) w)", NULL },
	{ "#x0123456789abcdef0123456789abcdef", NULL },
	{ "(_ bv123456789012345678901234567890123 200)", NULL },
	{ "(_ bv1606938044258990275541962092341162602522202993782792835301376 200)",
	  "(_ bv0 200)" },
	{ "#b1010101010101010101010101010101010101010101010101010101010101010101010101010101"
	  "0101010101010101010101", NULL },
	{ "(let ((x a) (y b)) (let ((x y) (y x)) (bvsub x y)))", "(bvsub b a)" },
	{ "(let ((x p)) (and x (let ((x (not x))) x)))", "(and p (not p))" },
	{ "((_ zero_extend 0) a)", NULL }, { "((_ sign_extend 192) a)", NULL }, { "(concat w h)", NULL },
	{ "(ite (bvult a b) (bvsrem a b) (bvsub a b))", NULL },
};

static void test_translations(void)
{
	size_t i;

	for (i = 0; i < sizeof(translations) / sizeof(translations[0]); i++) {
		const char *t = translations[i].term;
		const char *ref = translations[i].ref ? translations[i].ref : t;
		struct bcf_cond *c = NULL;
		char *s, *asserted;

		if (asprintf(&asserted, "(= %s %s)", ref, ref) < 0 ||
		    asprintf(&s, DECLS "(assert (= %s %s))\n", t, t) < 0)
			abort();
		if (ok(parse(s, &c) == 0, "%s parses", t))
			ok(equivalent(DECLS, asserted, c), "z3: translation of %s is equivalent to %s",
			   t, ref);
		bcf_cond__free(c);
		free(asserted);
		free(s);
	}
}

/* ---- structure of translations ---- */

static void test_translation_shapes(void)
{
	const struct bcf_expr *e, *f;
	struct bcf_cond *c;
	uint32_t id;

	c = parse_term("(= a b c d)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BOOL_CONJ && e->vlen == 3 &&
	   ex(c, e->args[0])->code == BCF_BOOL_EQ && ex(c, e->args[2])->code == BCF_BOOL_EQ,
	   "(= a b c d) is a conjunction of 3 equalities");
	bcf_cond__free(c);

	c = parse_term("(distinct a b c d)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BOOL_CONJ && e->vlen == 6 &&
	   ex(c, e->args[5])->code == BCF_BOOL_DISTINCT,
	   "(distinct a b c d) is a conjunction of 6 pairwise distincts");
	bcf_cond__free(c);

	c = parse_term("(=> p q r)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BOOL_IMPLIES && bcf_is_var(ex(c, e->args[0])) &&
	   ex(c, e->args[1])->code == BCF_BOOL_IMPLIES, "=> is right-associative");
	bcf_cond__free(c);

	c = parse_term("(bvsub a b c)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BV_SUB && ex(c, e->args[0])->code == BCF_BV_SUB &&
	   bcf_is_var(ex(c, e->args[1])), "n-ary bvsub is left-associative");
	bcf_cond__free(c);

	c = parse_term("(bvnor a b)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BV_NOT && ex(c, e->args[0])->code == BCF_BV_OR,
	   "bvnor is bv_not of bv_or");
	bcf_cond__free(c);

	c = parse_term("(bvcomp a b)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BV_ITE && e->params == 1 &&
	   ex(c, e->args[0])->code == BCF_BOOL_EQ && bcf_expr__bv_value(ex(c, e->args[1])) == 1 &&
	   bcf_expr__bv_value(ex(c, e->args[2])) == 0, "bvcomp is bv_ite (= a b) #b1 #b0");
	bcf_cond__free(c);

	c = parse_term("(bvsrem a b)", &id);
	e = c ? ex(c, id) : NULL;
	ok(e && e->code == BCF_BV_ITE && ex(c, e->args[2])->code == BCF_BV_MOD &&
	   ex(c, e->args[1])->code == BCF_BV_NEG, "bvsrem is bv_ite over bv_mod");
	bcf_cond__free(c);

	c = parse_term("((_ rotate_left 3) a)", &id);
	e = c ? ex(c, id) : NULL;
	f = e && e->vlen == 2 ? ex(c, e->args[0]) : NULL;
	ok(f && e->code == BCF_BV_CONCAT && e->params == 8 && f->code == BCF_BV_EXTRACT &&
	   f->params == BCF_EXPR_PARAMS(4, 0) &&
	   ex(c, e->args[1])->params == BCF_EXPR_PARAMS(7, 5),
	   "rotate_left 3 of 8 bits is concat of [4:0] and [7:5]");
	bcf_cond__free(c);

	c = parse_term("((_ rotate_right 16) a)", &id);
	ok(c && ex(c, id)->code == BCF_BV_VAR, "rotate by a multiple of the width is the term");
	bcf_cond__free(c);
}

static char *repeat_join(const char *head, const char *const *items, unsigned nitems,
			 unsigned n)
{
	size_t cap = strlen(head) + 16 + (size_t)n * 8, len;
	char *s = malloc(cap);
	unsigned i;

	len = (size_t)sprintf(s, "(%s", head);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, " %s", items[i % nitems]);
	sprintf(s + len, ")");
	return s;
}

static void test_wide_nary(void)
{
	static const char *const bvs[] = { "a", "b", "c", "d", "(bvnot a)" };
	static const char *const bools[] = { "p", "q", "r", "(not p)", "(bvult a b)" };
	static const struct {
		const char *op;
		bool boolean;
		unsigned n;
		uint8_t code;
	} t[] = {
		{ "bvadd", false, 300, BCF_BV_ADD }, { "bvmul", false, 256, BCF_BV_MUL },
		{ "bvxor", false, 600, BCF_BV_XOR }, { "and", true, 300, BCF_BOOL_CONJ },
		{ "or", true, 509, BCF_BOOL_DISJ }, { "xor", true, 510, BCF_BOOL_XOR },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *term = repeat_join(t[i].op, t[i].boolean ? bools : bvs, 5, t[i].n);
		char *s, *asserted;
		struct bcf_cond *c = NULL;
		uint32_t id;
		const struct bcf_expr *e;

		if (asprintf(&asserted, "(= %s %s)", term, term) < 0 ||
		    asprintf(&s, DECLS "(assert %s)\n", asserted) < 0)
			abort();
		if (ok(parse(s, &c) == 0, "%s with %u arguments parses", t[i].op, t[i].n)) {
			id = ex(c, c->refine_cond)->args[0];
			e = ex(c, id);
			ok(e->code == t[i].code && ex(c, e->args[0])->code == t[i].code &&
			   ex(c, e->args[0])->vlen == 254,
			   "%s with %u arguments: nested, first node has 254 arguments", t[i].op,
			   t[i].n);
			ok(equivalent(DECLS, asserted, c), "z3: %s with %u arguments is equivalent",
			   t[i].op, t[i].n);
		}
		bcf_cond__free(c);
		free(s);
		free(asserted);
		free(term);
	}
}

/* ---- scripts ---- */

static void test_scripts(void)
{
	struct bcf_cond *c = NULL;
	const struct bcf_expr *e;
	uint32_t n;
	char *s, *conj;
	size_t len;
	FILE *f;
	unsigned i;

	ok(parse("", &c) == 0 && c && ex(c, c->refine_cond)->code == BCF_BOOL_VAL &&
	   ex(c, c->refine_cond)->params == BCF_TRUE && c->path_cond == BCF_COND_NONE,
	   "empty script: refine_cond true, no path_cond");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(set-logic QF_BV)(declare-fun x () Bool)(check-sat)(exit)", &c) == 0 && c &&
	   ex(c, c->refine_cond)->code == BCF_BOOL_VAL &&
	   (bcf_arena__words(c->arena, &n), n == 1),
	   "no assertion: true, and the unused variable is not in the arena");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(declare-fun x () Bool)(assert x)", &c) == 0 && c &&
	   ex(c, c->refine_cond)->code == BCF_BOOL_VAR &&
	   !strcmp(bcf_arena__var_name(c->arena, c->refine_cond), "x"),
	   "one assertion: the term itself; variable name kept");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(declare-fun x () Bool)(declare-fun y () Bool)(declare-fun z () Bool)"
		 "(assert y)(assert x)(assert (not z))", &c) == 0 && c &&
	   (e = ex(c, c->refine_cond))->code == BCF_BOOL_CONJ && e->vlen == 3 &&
	   !strcmp(bcf_arena__var_name(c->arena, e->args[0]), "y") &&
	   !strcmp(bcf_arena__var_name(c->arena, e->args[1]), "x") &&
	   ex(c, e->args[2])->code == BCF_BOOL_NOT,
	   "three assertions: bool_conj of them in order");
	bcf_cond__free(c);
	c = NULL;

	f = open_memstream(&s, &len);
	fprintf(f, "(declare-fun x () (_ BitVec 16))\n");
	for (i = 0; i < 600; i++)
		fprintf(f, "(assert (bvult x (_ bv%u 16)))\n", i + 1000);
	fclose(f);
	f = open_memstream(&conj, &len);
	fprintf(f, "(and");
	for (i = 0; i < 600; i++)
		fprintf(f, " (bvult x (_ bv%u 16))", i + 1000);
	fprintf(f, ")");
	fclose(f);
	if (ok(parse(s, &c) == 0, "600 assertions parse")) {
		const struct bcf_expr *inner;

		e = ex(c, c->refine_cond);
		inner = ex(c, e->args[0]);
		ok(e->code == BCF_BOOL_CONJ && inner->code == BCF_BOOL_CONJ &&
		   ex(c, inner->args[0])->code == BCF_BOOL_CONJ &&
		   ex(c, inner->args[0])->vlen == 254 &&
		   bcf_expr__bv_value(ex(c, ex(c, ex(c, inner->args[0])->args[0])->args[1])) ==
		   1000 &&
		   bcf_expr__bv_value(ex(c, ex(c, e->args[e->vlen - 1])->args[1])) == 1599,
		   "600 assertions: nested conjunctions, first and last in place");
		ok(equivalent("(declare-fun x () (_ BitVec 16))", conj, c),
		   "z3: 600 assertions: the conjunction of all of them");
	}
	bcf_cond__free(c);
	c = NULL;
	free(s);
	free(conj);

	ok(parse("(declare-fun x () (_ BitVec 8))(declare-fun y () (_ BitVec 8))"
		 "(assert (= x y))", &c) == 0 && c &&
	   (e = ex(c, c->refine_cond)) && e->args[0] != e->args[1],
	   "two declarations of the same sort are distinct variables");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("; comment (assert\n(set-info :status unsat)(set-info :source |multi\nline|)\n"
		 "(set-info :smt-lib-version 2.6)(set-info :category \"industrial \"\"x\"\"\")\n"
		 "(set-option :produce-models true)(set-option :random-seed 7)\n"
		 "(set-info :foo (a (b #b1) :k 12))(set-info :empty)\n"
		 "(declare-const |x y| Bool) ; trailing\n"
		 "(define-const k Bool (not |x y|))\n"
		 "(assert (! k :named n1 :pattern (x)))\n(check-sat)(get-model)(get-info :name)"
		 "(echo \"hi\")(get-assertions)\n(exit)\n", &c) == 0 && c &&
	   (e = ex(c, c->refine_cond))->code == BCF_BOOL_NOT &&
	   !strcmp(bcf_arena__var_name(c->arena, e->args[0]), "x y"),
	   "comments, set-info/option, output commands, quoted symbols, define-const, !");
	if (!c)
		diag("%s", bcf_last_error());
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(declare-fun x () Bool)(assert |x|)", &c) == 0 && c &&
	   ex(c, c->refine_cond)->code == BCF_BOOL_VAR, "|x| and x are the same symbol");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(declare-fun x () Bool)(define-fun y () Bool (not x))(define-fun z () Bool "
		 "(and y y))(assert z)", &c) == 0 && c &&
	   (e = ex(c, c->refine_cond))->code == BCF_BOOL_CONJ && e->args[0] == e->args[1],
	   "define-fun names share one node");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(declare-fun x () Bool)(define-fun unused () Bool (not x))(assert true)", &c) ==
	   0 && c && (bcf_arena__words(c->arena, &n), n == 1),
	   "unused definitions are not in the result");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("(declare-fun x () Bool)(assert (! (not x) :named nx))(assert nx)", &c) == 0 &&
	   c && (e = ex(c, c->refine_cond))->code == BCF_BOOL_CONJ && e->args[0] == e->args[1],
	   ":named binds the term");
	bcf_cond__free(c);
	c = NULL;

	ok(parse("\t(declare-fun x () Bool)\r\n(assert x)", &c) == 0, "tabs and CRLF");
	bcf_cond__free(c);
	c = NULL;

	/* fuzz regression: an application before any indexed identifier was read */
	ok(parse("(declare-fun p () Bool)(assert (not p))", &c) == 0 && c &&
	   ex(c, c->refine_cond)->code == BCF_BOOL_NOT,
	   "operator application in a script without any (_ ...)");
	bcf_cond__free(c);
	c = NULL;
}

/* Nesting deep enough for any recursive parser to overflow the C stack. */
static void test_deep(void)
{
	unsigned depth = 200000, i;
	size_t len = 0;
	struct bcf_cond *c = NULL;
	char *s = malloc((size_t)depth * 16 + 256);
	int err;

	len += sprintf(s, "(declare-fun a () (_ BitVec 8))(assert (= a ");
	for (i = 0; i < depth; i++)
		len += sprintf(s + len, "(bvnot ");
	len += sprintf(s + len, "a");
	for (i = 0; i < depth; i++)
		s[len++] = ')';
	len += sprintf(s + len, "))");
	err = bcf_smt2__parse(s, len, "deep.smt2", &c);
	ok(err == 0, "%u nested bvnot parse (%s)", depth, err ? bcf_last_error() : "ok");
	bcf_cond__free(c);
	c = NULL;

	len = 0;
	for (i = 0; i < 50000; i++)
		len += sprintf(s + len, "(let ((x%u a)) ", i % 7);
	len += sprintf(s + len, "x3");
	for (i = 0; i < 50000; i++)
		s[len++] = ')';
	s[len] = '\0';
	{
		char *t;

		if (asprintf(&t, "(declare-fun a () Bool)(assert %s)", s) < 0)
			abort();
		err = parse(t, &c);
		ok(err == 0 && c && ex(c, c->refine_cond)->code == BCF_BOOL_VAR,
		   "50000 nested lets");
		free(t);
	}
	bcf_cond__free(c);
	c = NULL;
	free(s);

	/* about 2 parser states per level: these exceed the 1M-state stack */
	depth = 1500000;
	s = malloc((size_t)depth * 5 + 64);
	len = sprintf(s, "(declare-fun p () Bool)\n(assert ");
	for (i = 0; i < depth; i++)
		len += sprintf(s + len, "(not ");
	err = bcf_smt2__parse(s, len, "deeper.smt2", &c);
	ok(err == -EINVAL && !c && strstr(bcf_last_error(), "deeper.smt2:2:") &&
	   strstr(bcf_last_error(), "nesting too deep"),
	   "%u nested (not: rejected, not a crash (%s)", depth, bcf_last_error());
	len = sprintf(s, "(set-info :k ");
	memset(s + len, '(', depth);
	len += depth;
	err = bcf_smt2__parse(s, len, "deeper.smt2", &c);
	ok(err == -EINVAL && !c && strstr(bcf_last_error(), "deeper.smt2:1:") &&
	   strstr(bcf_last_error(), "nesting too deep"),
	   "%u open parentheses in an attribute: rejected (%s)", depth, bcf_last_error());
	free(s);
}

/* ---- rejections ---- */

static const struct reject {
	const char *text;
	const char *where; /* "line:col" */
	const char *msg;   /* substring of the message */
} rejects[] = {
	{ "(set-logic QF_ABV)", "1:12", "logic 'QF_ABV' is not supported" },
	{ "(set-logic QF_LIA)", "1:12", "only QF_BV" },
	{ "(set-logic QF_BV)\n(set-logic QF_BV)", "2:12", "already set" },
	{ "(declare-fun p () Bool)(set-logic QF_BV)", "1:35", "set-logic after" },
	{ "(declare-fun x () (_ BitVec 0))", "1:29", "width 0 outside 1..255" },
	{ "(declare-fun x () (_ BitVec 256))", "1:29", "width 256 outside" },
	{ "(declare-fun x () (_ BitVec 99999999999999999999))", "1:29", "outside 1..255" },
	{ "(declare-fun x () (_ BitVec 8 8))", "1:19", "takes one index" },
	{ "(declare-fun x () (_ FloatingPoint 8 24))", "1:19", "not supported" },
	{ "(declare-fun x () Int)", "1:19", "sort 'Int' is not supported" },
	{ "(declare-fun x () BitVec)", "1:19", "needs a width" },
	{ "(declare-fun x () (Array (_ BitVec 8) (_ BitVec 8)))", "1:20", "sort 'Array'" },
	{ "(declare-fun f ((_ BitVec 8)) Bool)", "1:17", "declare-fun with arguments" },
	{ "(declare-fun f (Bool) Bool)", "1:17", "declare-fun with arguments" },
	{ "(define-fun f ((x Bool)) Bool x)", "1:16", "define-fun with parameters" },
	{ "(push 1)", "1:2", "'push' is not supported" },
	{ "(pop 1)", "1:2", "'pop' is not supported" },
	{ "(declare-sort U 0)", "1:2", "'declare-sort' is not supported" },
	{ "(define-sort B () Bool)", "1:2", "'define-sort'" },
	{ "(check-sat-assuming (p))", "1:2", "'check-sat-assuming'" },
	{ "(declare-fun p () Bool)(get-value (p))", "1:25", "'get-value'" },
	{ "(reset)", "1:2", "'reset'" },
	{ "(declare-datatypes () ())", "1:2", "datatypes" },
	{ "(define-fun-rec f () Bool true)", "1:2", "recursive" },
	{ "(frobnicate)", "1:2", "unknown command 'frobnicate'" },
	{ "(assert (forall ((x Bool)) x))", "1:10", "'forall' is not supported (quantifiers" },
	{ "(assert (exists ((x Bool)) x))", "1:10", "'exists'" },
	{ "(declare-fun p () Bool)(assert (as p Bool))", "1:33", "'as'" },
	{ "(declare-fun x () Bool)\n(declare-fun x () Bool)", "2:14",
	  "'x' is already declared (at 1:14)" },
	{ "(declare-fun x () Bool)\n(define-fun x () Bool true)", "2:13", "already declared" },
	{ "(declare-fun true () Bool)", "1:14", "'true' is a predefined symbol" },
	{ "(declare-fun bvadd () Bool)", "1:14", "predefined" },
	{ "(assert y)", "1:9", "unknown symbol 'y'" },
	{ "(define-fun x () Bool x)", "1:23", "unknown symbol 'x'" },
	{ "(declare-fun a () (_ BitVec 8))(declare-fun p () Bool)\n(assert (= (bvadd a p) a))",
	  "2:21", "'bvadd': argument 2 has sort Bool, expected (_ BitVec 8)" },
	{ "(declare-fun a () (_ BitVec 8))(declare-fun h () (_ BitVec 16))\n(assert (= a h))",
	  "2:14", "'=': argument 2 has sort (_ BitVec 16), expected (_ BitVec 8)" },
	{ "(declare-fun a () (_ BitVec 8))(declare-fun h () (_ BitVec 16))\n"
	  "(assert (bvult (bvadd a a) (bvmul h h)))", "2:28", "'bvult': argument 2" },
	{ "(assert (bvult true false))", "1:16", "'bvult': argument 1 has sort Bool, expected a "
	  "bit-vector" },
	{ "(declare-fun a () (_ BitVec 8))(assert (and a true))", "1:45",
	  "'and': argument 1 has sort (_ BitVec 8), expected Bool" },
	{ "(declare-fun a () (_ BitVec 8))(assert (ite a true false))", "1:45", "'ite': argument 1" },
	{ "(declare-fun a () (_ BitVec 8))(declare-fun h () (_ BitVec 16))\n"
	  "(assert (= a (ite true a h)))", "2:26", "'ite': branches" },
	{ "(assert (= #b102 #b1))", "1:12", "invalid literal '#b102'" },
	{ "(assert (= #xg1 #x01))", "1:12", "invalid literal '#xg1'" },
	{ "(assert (= #b #b1))", "1:12", "invalid literal '#b'" },
	{ "(assert (= #o17 #b1))", "1:12", "invalid literal" },
	{ "(assert (= (_ bv1 0) (_ bv1 0)))", "1:19", "width 0" },
	{ "(assert (= (_ bv1 256) (_ bv1 256)))", "1:19", "width 256" },
	{ "(assert (= (_ bv01 8) (_ bv1 8)))", "1:12", "malformed bit-vector constant" },
	{ "(assert (= (_ bv1x 8) (_ bv1 8)))", "1:12", "malformed" },
	{ "(assert (= (_ bv1 8 9) (_ bv1 8)))", "1:12", "takes one index" },
	{ "(assert (= (_ BitVec 8) (_ bv1 8)))", "1:12", "unknown indexed constant" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ extract 8 0) a) a))", "1:55",
	  "'extract': high index 8 out of range for (_ BitVec 8)" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ extract 99999999999 0) a) a))", "1:55",
	  "out of range" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ extract 2 5) a) a))", "1:57",
	  "low index 5 above high index 2" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ extract 2) a) a))", "1:44",
	  "'extract' takes 2 index(es), got 1" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ zero_extend 248) a) a))", "1:59",
	  "'zero_extend': result wider than 255" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ sign_extend 4294967296) a) a))",
	  "1:59", "result wider" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ repeat 0) a) a))", "1:54",
	  "count must be >= 1" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ repeat 32) a) a))", "1:54",
	  "'repeat': result wider than 255" },
	{ "(declare-fun w () (_ BitVec 200))(assert (= (concat w w) w))", "1:55",
	  "'concat': result wider than 255" },
	{ "(declare-fun a () (_ BitVec 8))(assert a)", "1:40",
	  "assert: term has sort (_ BitVec 8), expected Bool" },
	{ "(declare-fun p () Bool)(define-fun t () (_ BitVec 8) p)", "1:54",
	  "definition of 't': term has sort Bool, declared (_ BitVec 8)" },
	{ "(assert |abc", "1:9", "unterminated quoted symbol" },
	{ "(assert |abc\ndef", "1:9", "unterminated quoted symbol" },
	{ "(assert |a\\b|)", "1:11", "'\\' is not allowed in a quoted symbol" },
	{ "(set-info :source \"abc)", "1:19", "unterminated string" },
	{ "(set-info :source \"a\x01\")", "1:21", "invalid byte 0x01 in string" },
	{ "(declare-fun |a\x7f| () Bool)", "1:16", "invalid byte 0x7f in quoted symbol" },
	{ "(declare-fun |a\nb| () Bool)\n(assert c)", "3:9", "unknown symbol 'c'" },
	{ "(declare-fun p () Bool)\n(assert (and p p)", "2:18", "syntax error" },
	{ "(declare-fun p () Bool)\n(assert p))", "2:11", "syntax error" },
	{ "(assert ())", "1:10", "syntax error" },
	{ "(declare-fun p () Bool)(assert (p))", "1:34", "syntax error" },
	{ "(declare-fun let () Bool)", "1:14", "syntax error" },
	{ "(assert \xff)", "1:9", "invalid byte 0xff" },
	{ "(assert {p})", "1:9", "invalid character '{'" },
	{ "(assert\f p)", "1:8", "invalid byte 0x0c" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= a 5))", "1:45", "a numeral is not a QF_BV term" },
	{ "(assert (= 1.5 1.5))", "1:12", "a decimal is not" },
	{ "(assert (= \"s\" \"s\"))", "1:12", "a string is not" },
	{ "(assert 007)", "1:9", "leading zero" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= (bvadd a) a))", "1:44",
	  "'bvadd' takes at least 2 arguments, got 1" },
	{ "(declare-fun p () Bool)(assert (not p p))", "1:33", "'not' takes 1 argument, got 2" },
	{ "(declare-fun a () (_ BitVec 8))(assert (bvult a a a))", "1:41",
	  "'bvult' takes 2 arguments, got 3" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= (bvnand a a a) a))", "1:44",
	  "'bvnand' takes 2 arguments" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= (extract a) a))", "1:44",
	  "'extract' needs 2 index(es)" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ bvadd 3) a a) a))", "1:44",
	  "'bvadd' takes no indices" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ foo 3) a) a))", "1:44",
	  "unknown indexed operator '(_ foo ...)'" },
	{ "(declare-fun p () Bool)(assert (foo p))", "1:33", "unknown operator 'foo'" },
	{ "(declare-fun p () Bool)(declare-fun q () Bool)(assert (p q))", "1:56",
	  "'p' is not a function" },
	{ "(declare-fun p () Bool)(assert (true p))", "1:33", "'true' is a constant" },
	{ "(assert bvadd)", "1:9", "'bvadd' is an operator and needs arguments" },
	{ "(declare-fun p () Bool)(assert (let ((x p) (x p)) x))", "1:45",
	  "'x' is bound twice in one let" },
	{ "(declare-fun p () Bool)(assert (let ((bvadd p)) p))", "1:39",
	  "let cannot bind the predefined symbol 'bvadd'" },
	{ "(declare-fun p () Bool)(assert (let ((x p)) x))(assert x)", "1:56",
	  "unknown symbol 'x'" },
	{ "(declare-fun p () Bool)(check-sat)\n(assert p)", "2:9", "assert after check-sat" },
	{ "(declare-fun p () Bool)(exit)\n(assert p)", "2:1", "command after (exit)" },
	{ "(declare-fun p () Bool)(assert (! p :named q))(declare-fun q () Bool)", "1:60",
	  "already declared" },
	{ "(declare-fun p () Bool)(assert (! p :named))", "1:37", ":named needs a symbol" },
	{ "(declare-fun p () Bool)(assert (! p :named 3))", "1:44", ":named needs a symbol" },
	{ "(declare-fun p () Bool)(assert (! p :named p))", "1:44", "already declared" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= (_ bv1 8) (! a :named a2) a2 (bvsrem a)))",
	  "1:73", "'bvsrem' takes 2 arguments" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= ((_ rotate_left) a) a))", "1:58",
	  "syntax error" },
	{ "(declare-fun p () Bool)(assert (= p p p (bvcomp p p)))", "1:49",
	  "'bvcomp': argument 1 has sort Bool" },
	{ "(declare-fun a () (_ BitVec 8))(declare-fun p () Bool)(assert (distinct a a p))",
	  "1:77", "'distinct': argument 3 has sort Bool" },
	{ "(declare-fun p () Bool)(assert (=> p p (bvnot p)))", "1:47", "'bvnot': argument 1" },
	{ "(declare-fun a () (_ BitVec 8))(assert (bvsge a #b1))", "1:49",
	  "argument 2 has sort (_ BitVec 1), expected (_ BitVec 8)" },
	{ "(declare-fun a () (_ BitVec 8))(assert (= (bvsub a a #x001) a))", "1:54",
	  "'bvsub': argument 3 has sort (_ BitVec 12)" },
	{ "(assert (= #b" "1111111111111111111111111111111111111111111111111111111111111111"
	  "1111111111111111111111111111111111111111111111111111111111111111"
	  "1111111111111111111111111111111111111111111111111111111111111111"
	  "1111111111111111111111111111111111111111111111111111111111111111 #b1))",
	  "1:12", "binary literal of 256 bits" },
	{ "(assert (= #x" "1111111111111111111111111111111111111111111111111111111111111111"
	  "0 #b1))", "1:12", "hexadecimal literal of 260 bits" },
	{ "(set-info :status)(assert NUMERAL)", "1:27", "syntax error" },
	{ "(assert (let () true))", "1:15", "syntax error" },
};

static void test_rejects(void)
{
	size_t i;

	for (i = 0; i < sizeof(rejects) / sizeof(rejects[0]); i++) {
		const struct reject *r = &rejects[i];
		struct bcf_cond *c = (void *)1;
		char want[64];
		int err;

		snprintf(want, sizeof(want), "t.smt2:%s: ", r->where);
		err = parse(r->text, &c);
		ok(err == -EINVAL && !c && !strncmp(bcf_last_error(), want, strlen(want)) &&
		   strstr(bcf_last_error(), r->msg),
		   "rejected at %s with '%s' (got %d: %s)", r->where, r->msg, err,
		   bcf_last_error());
	}
}

static void test_bytes(void)
{
	static const char nul[] = "(declare-fun p () Bool)\n(assert\0 p)";
	static const char nul2[] = "(declare-fun p\0q () Bool)";
	struct bcf_cond *c = (void *)1;
	char *big;
	int err;

	err = bcf_smt2__parse(nul, sizeof(nul) - 1, "nul.smt2", &c);
	ok(err == -EINVAL && !c && !strcmp(bcf_last_error(), "nul.smt2:2:8: invalid byte 0x00"),
	   "embedded NUL rejected at its position (%s)", bcf_last_error());
	err = bcf_smt2__parse(nul2, sizeof(nul2) - 1, "nul.smt2", &c);
	ok(err == -EINVAL && !strncmp(bcf_last_error(), "nul.smt2:1:15: ", 15),
	   "NUL inside a symbol rejected (%s)", bcf_last_error());
	err = bcf_smt2__parse("(assert true)", 7, NULL, &c);
	ok(err == -EINVAL && !strncmp(bcf_last_error(), "<input>:1:8: syntax error", 25),
	   "length respected, no file name: <input> (%s)", bcf_last_error());
	err = bcf_smt2__parse(NULL, 0, "x", &c);
	ok(err == 0 && c, "NULL text of length 0 is the empty script");
	bcf_cond__free(c);
	ok(bcf_smt2__parse("(assert true)", 13, "x", NULL) == -EINVAL, "NULL out rejected");

	big = malloc(((size_t)256 << 20) + 1);
	if (big) {
		memcpy(big, "(assert true)", 13);
		err = bcf_smt2__parse(big, ((size_t)256 << 20) + 1, "big.smt2", &c);
		ok(err == -EINVAL && !strncmp(bcf_last_error(), "big.smt2:1:1: ", 14) &&
		   strstr(bcf_last_error(), "exceeds the limit"),
		   "input over 256 MiB rejected (%s)", bcf_last_error());
		free(big);
	}
}

static void test_limits(void)
{
	struct bcf_cond *c = NULL;
	char *s;
	size_t len;
	FILE *f;
	unsigned i, k;
	int err;

	/* distinct of 1500 arguments: 1124250 pairs */
	f = open_memstream(&s, &len);
	fprintf(f, "(declare-fun a () (_ BitVec 8))(assert (distinct");
	for (i = 0; i < 1500; i++)
		fprintf(f, " a");
	fprintf(f, "))");
	fclose(f);
	err = parse(s, &c);
	ok(err == -EINVAL && strstr(bcf_last_error(), "t.smt2:1:41: 'distinct' of 1500 arguments"),
	   "huge n-ary distinct rejected (%s)", bcf_last_error());
	free(s);

	/* nine distincts of 1000 arguments: 4.5M pairs in all, over the script's budget */
	f = open_memstream(&s, &len);
	fprintf(f, "(declare-fun a () (_ BitVec 8))\n");
	for (k = 0; k < 9; k++) {
		fprintf(f, "(assert (distinct");
		for (i = 0; i < 1000; i++)
			fprintf(f, " (bvadd a (_ bv%u 8))", (i + k) % 256);
		fprintf(f, "))\n");
	}
	fclose(f);
	err = parse(s, &c);
	ok(err == -EINVAL && strstr(bcf_last_error(), "t.smt2:10:10: 'distinct': the script's"),
	   "n-ary distincts bounded per script (%s)", bcf_last_error());
	free(s);

	/* 40 distinct arguments: 780 pairs, nested conjunction */
	f = open_memstream(&s, &len);
	fprintf(f, "(declare-fun a () (_ BitVec 8))(assert (distinct");
	for (i = 0; i < 40; i++)
		fprintf(f, " (bvadd a (_ bv%u 8))", i);
	fprintf(f, "))");
	fclose(f);
	err = parse(s, &c);
	s[len - 1] = '\0'; /* the assertion's own closing parenthesis */
	ok(err == 0 && c && ex(c, c->refine_cond)->code == BCF_BOOL_CONJ,
	   "distinct of 40 arguments: 780 pairs in nested conjunctions");
	if (c)
		ok(equivalent("(declare-fun a () (_ BitVec 8))", strstr(s, "(distinct"), c),
		   "z3: distinct of 40 arguments equivalent");
	bcf_cond__free(c);
	free(s);
}

/* The reader is reentrant: threads parse at once, each with its own error text. */
struct thr {
	int id, good;
};

static void *thr_main(void *arg)
{
	struct thr *t = arg;
	struct bcf_cond *c;
	char *s, name[16], want[64];
	int i;

	t->good = 1;
	snprintf(name, sizeof(name), "thr%d", t->id);
	for (i = 0; i < 200; i++) {
		if (asprintf(&s, "(declare-fun x%d () (_ BitVec %d))\n(assert (bvult x%d "
			     "(_ bv%d %d)))%s", t->id, t->id + 1, t->id, i, t->id + 1,
			     i % 2 ? "(assert y)" : "") < 0)
			abort();
		if (i % 2) {
			/* the error text is this thread's own */
			snprintf(want, sizeof(want), "%s:2:%d: unknown symbol 'y'", name,
				 (int)strlen(s) - (int)(strchr(s, '\n') - s) - 2);
			if (bcf_smt2__parse(s, strlen(s), name, &c) != -EINVAL ||
			    strcmp(bcf_last_error(), want))
				t->good = 0;
		} else {
			if (bcf_smt2__parse(s, strlen(s), name, &c) ||
			    bcf_expr__width(ex(c, ex(c, c->refine_cond)->args[0])) !=
			    (unsigned)t->id + 1)
				t->good = 0;
			bcf_cond__free(c);
		}
		free(s);
	}
	return NULL;
}

static void test_threads(void)
{
	pthread_t th[4];
	struct thr t[4];
	int i, good = 1;

	for (i = 0; i < 4; i++) {
		t[i].id = i + 4;
		pthread_create(&th[i], NULL, thr_main, &t[i]);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		good &= t[i].good;
	}
	ok(good, "4 threads parse concurrently");
}

int main(void)
{
	Z3_config cfg = Z3_mk_config();

	z3 = Z3_mk_context(cfg);
	Z3_del_config(cfg);
	Z3_set_error_handler(z3, z3_err);

	test_direct();
	test_constants();
	test_translations();
	test_translation_shapes();
	test_wide_nary();
	test_scripts();
	test_deep();
	test_rejects();
	test_bytes();
	test_limits();
	test_threads();
	Z3_del_context(z3);
	return done_testing();
}
