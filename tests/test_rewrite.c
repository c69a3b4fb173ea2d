// SPDX-License-Identifier: MIT
/*
 * tests/test_rewrite.c - the REWRITE rule and its 151-entry table.
 *
 * Table driven: every rewrite id has at least one hand-chosen instance
 * (bindings written in a tiny notation, built into a static expression
 * table).  For each instance the test
 *   - applies rule_REWRITE with the condition's conjuncts as premises and
 *     expects acceptance (kernel-compat and strict mode);
 *   - checks with z3 that the condition is satisfiable and that it implies
 *     lhs = rhs (semantic soundness of our transcription of the table);
 *   - applies a set of mutations that must be rejected: one variable too
 *     few / too many, a binding of the wrong sort for every typed variable,
 *     missing / extra / wrong / swapped premises.
 * Then the special cases: trusted id 0 in both modes, ids >= 152, no
 * parameters, non-static bindings, >255 spliced arguments, and the
 * restrictions of rules-core.md 5.1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <z3.h>

#include "tests/proof_build.h"
#include "tests/tap.h"
#include "checker/rewrite.h"

/* the tables: tests/proof_build.h, reserved so that they never move */
#define TBL_MAX 4096

/*
 * One binding token:  b | t | f | xW | cW:V | iV | L[tok,...] | B[tok,...]
 * (bool var, true, false, W-bit var, W-bit constant V, Int V, bv list,
 * bool list).  Returns the id, advances *s.
 */
static uint32_t parse_tok(struct pb *t, const char **s)
{
	const char *p = *s;
	char *end;
	uint32_t id;

	switch (*p) {
	case 'b':
		p++;
		id = pb_nodev(t, BCF_BOOL_VAR, 0, 0, NULL);
		break;
	case 't':
	case 'f':
		id = pb_nodev(t, BCF_BOOL_VAL, *p == 't' ? BCF_TRUE : BCF_FALSE, 0, NULL);
		p++;
		break;
	case 'x':
		id = pb_nodev(t, BCF_BV_VAR, (uint16_t)strtoul(p + 1, &end, 10), 0, NULL);
		p = end;
		break;
	case 'c': {
		unsigned w = (unsigned)strtoul(p + 1, &end, 10);

		id = pb_bv(t, w, strtoull(end + 1, &end, 0));
		p = end;
		break;
	}
	case 'i':
		id = pb_bv(t, 32, strtoull(p + 1, &end, 0));
		p = end;
		break;
	case 'L':
	case 'B': {
		uint32_t el[256];
		unsigned n = 0;
		uint16_t ty = *p == 'L' ? BCF_BV : BCF_BOOL;

		p += 2; /* "L[" */
		while (*p != ']') {
			el[n++] = parse_tok(t, &p);
			if (*p == ',')
				p++;
		}
		p++;
		id = pb_nodev(t, BCF_LIST_VAL, ty, (uint8_t)n, el);
		break;
	}
	default:
		fprintf(stderr, "bad binding token '%s'\n", p);
		exit(2);
	}
	*s = p;
	return id;
}

static unsigned parse_binds(struct pb *t, const char *s, uint32_t *binds)
{
	unsigned n = 0;

	while (*s) {
		if (*s == ' ') {
			s++;
			continue;
		}
		binds[n++] = parse_tok(t, &s);
	}
	return n;
}

/* ---- z3 translation ----------------------------------------------------- */

static Z3_context zc;

static Z3_ast to_z3(struct bcf_checker *c, uint32_t id);

static Z3_ast z3_bool_of(struct bcf_checker *c, uint32_t id)
{
	const struct bcf_expr *e = ckr_expr(c, id);
	Z3_ast a = to_z3(c, id);

	if (bcf_is_bv(e))
		return Z3_mk_eq(zc, a, Z3_mk_unsigned_int(zc, 1, Z3_mk_bv_sort(zc, 1)));
	return a;
}

static Z3_ast to_z3(struct bcf_checker *c, uint32_t id)
{
	const struct bcf_expr *e = ckr_expr(c, id);
	unsigned w = bcf_expr__width(e), i, hi = BCF_EXPR_HIGH(e->params);
	Z3_ast a[256], r;
	char name[32];

	if (e->code != BCF_BV_VAL)
		for (i = 0; i < e->vlen; i++)
			a[i] = e->code == BCF_BV_FROM_BOOL ? NULL : to_z3(c, e->args[i]);
	switch (e->code) {
	case BCF_BV_VAL:
		return Z3_mk_unsigned_int64(zc, bcf_expr__bv_value(e), Z3_mk_bv_sort(zc, w));
	case BCF_BV_VAR:
		snprintf(name, sizeof(name), "x%u", id);
		return Z3_mk_const(zc, Z3_mk_string_symbol(zc, name), Z3_mk_bv_sort(zc, w));
	case BCF_BOOL_VAR:
		snprintf(name, sizeof(name), "p%u", id);
		return Z3_mk_const(zc, Z3_mk_string_symbol(zc, name), Z3_mk_bool_sort(zc));
	case BCF_BOOL_VAL:
		return e->params & 1 ? Z3_mk_true(zc) : Z3_mk_false(zc);
	case BCF_BV_BVSIZE:
		return Z3_mk_unsigned_int64(zc, bcf_expr__width(ckr_expr(c, e->args[0])),
					    Z3_mk_bv_sort(zc, w));
	case BCF_BV_ADD: case BCF_BV_MUL: case BCF_BV_OR: case BCF_BV_AND: case BCF_BV_XOR:
	case BCF_BV_CONCAT:
		r = a[0];
		for (i = 1; i < e->vlen; i++)
			r = e->code == BCF_BV_ADD ? Z3_mk_bvadd(zc, r, a[i]) :
			    e->code == BCF_BV_MUL ? Z3_mk_bvmul(zc, r, a[i]) :
			    e->code == BCF_BV_OR ? Z3_mk_bvor(zc, r, a[i]) :
			    e->code == BCF_BV_AND ? Z3_mk_bvand(zc, r, a[i]) :
			    e->code == BCF_BV_XOR ? Z3_mk_bvxor(zc, r, a[i]) : Z3_mk_concat(zc, r, a[i]);
		return r;
	case BCF_BV_SUB: return Z3_mk_bvsub(zc, a[0], a[1]);
	case BCF_BV_DIV: return Z3_mk_bvudiv(zc, a[0], a[1]);
	case BCF_BV_MOD: return Z3_mk_bvurem(zc, a[0], a[1]);
	case BCF_BV_SDIV: return Z3_mk_bvsdiv(zc, a[0], a[1]);
	case BCF_BV_SMOD: return Z3_mk_bvsmod(zc, a[0], a[1]);
	case BCF_BV_LSH: return Z3_mk_bvshl(zc, a[0], a[1]);
	case BCF_BV_RSH: return Z3_mk_bvlshr(zc, a[0], a[1]);
	case BCF_BV_ARSH: return Z3_mk_bvashr(zc, a[0], a[1]);
	case BCF_BV_NEG: return Z3_mk_bvneg(zc, a[0]);
	case BCF_BV_NOT: return Z3_mk_bvnot(zc, a[0]);
	case BCF_BV_ITE:
	case BCF_BOOL_ITE:
		return Z3_mk_ite(zc, z3_bool_of(c, e->args[0]), a[1], a[2]);
	case BCF_BV_EXTRACT:
		return Z3_mk_extract(zc, hi, BCF_EXPR_LOW(e->params), a[0]);
	case BCF_BV_SIGN_EXTEND: return Z3_mk_sign_ext(zc, hi, a[0]);
	case BCF_BV_ZERO_EXTEND: return Z3_mk_zero_ext(zc, hi, a[0]);
	case BCF_BV_REPEAT: return Z3_mk_repeat(zc, hi, a[0]);
	case BCF_BV_FROM_BOOL: {
		Z3_sort s1 = Z3_mk_bv_sort(zc, 1);

		r = NULL;
		for (i = 0; i < e->vlen; i++) {
			Z3_ast bit = Z3_mk_ite(zc, to_z3(c, e->args[i]), Z3_mk_unsigned_int(zc, 1, s1),
					       Z3_mk_unsigned_int(zc, 0, s1));
			r = r ? Z3_mk_concat(zc, bit, r) : bit;
		}
		return r;
	}
	case BCF_BOOL_CONJ: return Z3_mk_and(zc, e->vlen, a);
	case BCF_BOOL_DISJ: return Z3_mk_or(zc, e->vlen, a);
	case BCF_BOOL_XOR:
		r = a[0];
		for (i = 1; i < e->vlen; i++)
			r = Z3_mk_xor(zc, r, a[i]);
		return r;
	case BCF_BOOL_EQ: return Z3_mk_eq(zc, a[0], a[1]);
	case BCF_BOOL_DISTINCT: return Z3_mk_not(zc, Z3_mk_eq(zc, a[0], a[1]));
	case BCF_BOOL_NOT: return Z3_mk_not(zc, a[0]);
	case BCF_BOOL_IMPLIES: return Z3_mk_implies(zc, a[0], a[1]);
	case BCF_BOOL_UGT: return Z3_mk_bvugt(zc, a[0], a[1]);
	case BCF_BOOL_UGE: return Z3_mk_bvuge(zc, a[0], a[1]);
	case BCF_BOOL_ULT: return Z3_mk_bvult(zc, a[0], a[1]);
	case BCF_BOOL_ULE: return Z3_mk_bvule(zc, a[0], a[1]);
	case BCF_BOOL_SGT: return Z3_mk_bvsgt(zc, a[0], a[1]);
	case BCF_BOOL_SGE: return Z3_mk_bvsge(zc, a[0], a[1]);
	case BCF_BOOL_SLT: return Z3_mk_bvslt(zc, a[0], a[1]);
	case BCF_BOOL_SLE: return Z3_mk_bvsle(zc, a[0], a[1]);
	case BCF_BOOL_BITOF: {
		unsigned b = BCF_EXPR_LOW(e->params);

		return Z3_mk_eq(zc, Z3_mk_extract(zc, b, b, a[0]),
				Z3_mk_unsigned_int(zc, 1, Z3_mk_bv_sort(zc, 1)));
	}
	default:
		fprintf(stderr, "to_z3: code 0x%02x\n", e->code);
		exit(2);
	}
}

/* 1 sat, 0 unsat, -1 unknown */
static int z3_sat(Z3_ast f)
{
	Z3_solver s = Z3_mk_simple_solver(zc);
	Z3_lbool r;

	Z3_solver_inc_ref(zc, s);
	Z3_solver_assert(zc, s, f);
	r = Z3_solver_check(zc, s);
	Z3_solver_dec_ref(zc, s);
	return r == Z3_L_TRUE ? 1 : r == Z3_L_FALSE ? 0 : -1;
}

/* ---- instances ------------------------------------------------------------ */

enum {
	F_UNUSABLE = 1,   /* the table makes this instance ill-typed: must reject */
	F_STRICT_REJ = 2, /* accepted in kernel-compat only */
};

struct inst {
	unsigned rid;
	const char *binds;
	unsigned flags;
};

static const struct inst insts[] = {
	{ 1, "x8", 0 }, { 1, "b", 0 }, { 1, "L[x8]", 0 },
	{ 2, "x8 x8", 0 }, { 2, "b b", 0 },
	{ 3, "x8 x8 x8", 0 }, { 3, "c8:1 c8:2 c8:3", 0 }, { 3, "b b b", 0 },
	{ 4, "b x8 x8 x8", 0 }, { 4, "b b b b", 0 },
	{ 5, "x8 x8", 0 }, { 5, "b b", 0 },
	{ 6, "x8 x8", 0 }, { 6, "b b", 0 },
	{ 7, "x8 x8", 0 }, { 7, "b b", 0 },
	{ 8, "b x8 x8", 0 }, { 8, "b b b", 0 },
	{ 9, "b x8", 0 },
	{ 10, "b x8 x8 x8", 0 }, { 10, "b b b b", 0 },
	{ 11, "b x8 x8 x8", 0 },
	{ 12, "b x8 x8 x8", 0 }, { 12, "b b b b", 0 },
	{ 13, "b x8 x8 x8", 0 },
	{ 14, "b", 0 },
	{ 15, "b", 0 }, { 15, "f", 0 },
	{ 16, "b", 0 }, { 16, "t", 0 },
	{ 17, "b", 0 }, { 18, "b", 0 }, { 19, "b", 0 }, { 20, "b", 0 }, { 21, "b", 0 }, { 22, "b", 0 }, { 23, "b", 0 },
	{ 24, "b b", 0 }, { 25, "b b", 0 },
	{ 26, "B[] b B[] B[]", 0 }, { 27, "B[] b B[] B[]", 0 },
	{ 28, "B[] b B[] B[]", 0 }, { 29, "B[] b B[] B[]", 0 },
	{ 30, "b b", 0 },
	{ 31, "b", 0 }, { 32, "b", 0 }, { 33, "b", 0 }, { 34, "b", 0 },
	{ 35, "b b", 0 }, { 36, "b b", 0 }, { 37, "b b", 0 }, { 38, "b b", 0 }, { 39, "b b", 0 },
	{ 40, "b b b", 0 },
	{ 41, "b b", 0 }, { 42, "b b", 0 }, { 43, "b b", 0 }, { 44, "b b", 0 },
	{ 45, "b b", 0 }, { 46, "b b", 0 }, { 47, "b b", 0 }, { 48, "b b", 0 },
	{ 49, "b b b", 0 }, { 50, "b b b", 0 },
	{ 51, "L[x8] x16 L[] i2 i5 i6 i10", 0 }, { 51, "L[] x16 L[x4] i0 i7 i8 i15", 0 },
	{ 52, "x16 i4 i11 i1 i5 i9 i5", 0 },
	{ 53, "x8 i7", 0 }, { 53, "x64 i63", 0 },
	{ 54, "x8 L[x4] x4 i1 i6", 0 }, { 54, "x8 L[] x4 i0 i7", 0 },
	{ 55, "x8 L[x4] x4 i3 i10 i2 i7", 0 },
	{ 56, "x8 x8 L[x4] i9 i14 i6 i1", 0 },
	{ 57, "x8 x8 L[x4] i2 i10", 0 }, { 57, "x8 x8 L[] i0 i7", 0 },
	{ 58, "x16 x6 i4 i9 i15 i10 i3", 0 },
	{ 59, "x16 x6 i5 i15 i6", 0 },
	{ 60, "x16 x10 i6 i15 i5", 0 },
	{ 61, "x8 i2 i5", 0 },
	{ 62, "x8 i1 i6 i4", 0 },
	{ 63, "x8 i3 i10 i4 i7 i3", 0 },
	{ 64, "x8 i9 i13 i8 i5 i7", 0 },
	{ 65, "x8 x8 L[x8]", 0 }, { 65, "x8 x8 L[]", 0 },
	{ 66, "L[x8] L[] L[x8] x8 i8", 0 }, { 66, "L[] L[] L[] x4 i4", 0 },
	{ 67, "L[x8] L[] L[x8] x8 i8", 0 },
	{ 68, "L[x8] L[] L[x8] x8 i8", 0 },
	{ 69, "L[x8] L[x8,x8] L[] x8 i8", 0 },
	{ 70, "L[x8] L[] L[] x8", 0 }, { 70, "L[x8] L[x8] L[x8] x8", 0 },
	{ 71, "L[x8] L[] L[] x8", 0 }, { 71, "L[] L[x8,x8] L[] x8", 0 },
	{ 72, "x8 L[x8] L[] c8:1 i8", 0 }, { 72, "x8 L[x8] L[x8] c8:1 i8", 0 },
	{ 73, "x4 x4 x4 i4 i4 i4 i4", 0 }, { 73, "x4 x4 x2 i4 i6 i4 i2", 0 },
	{ 74, "x4 x4 x4 i4 i4 i4 i4", 0 },
	/* no overflow condition upstream: unsound when the extension < width(v2) */
	{ 73, "x4 x4 x4 i0 i0 i4 i4", F_STRICT_REJ }, { 74, "x4 x4 x4 i0 i0 i4 i4", F_STRICT_REJ },
	{ 73, "x4 x4 x4 i1 i1 i4 i4", F_STRICT_REJ }, { 74, "x4 x4 x4 i1 i1 i4 i4", F_STRICT_REJ },
	{ 73, "x4 x4 x4 i3 i3 i4 i4", F_STRICT_REJ }, { 74, "x4 x4 x4 i3 i3 i4 i4", F_STRICT_REJ },
	{ 73, "x4 x4 x2 i2 i4 i4 i2", 0 }, { 74, "x4 x4 x2 i2 i4 i4 i2", 0 },
	{ 58, "x8 x1 i3 i3 i7 i4 i2", 0 }, { 148, "x8 i8 i128 i16 i7", 0 }, { 150, "x8 i8 i65407 i16 i7", 0 },
	{ 149, "x8 i8 i129 i16 i7", 0 }, { 149, "x8 i8 i65408 i16 i7", 0 }, { 151, "x8 i8 i127 i16 i7", 0 }, { 151, "x8 i8 i65407 i16 i7", 0 },
	{ 146, "x8 i24 i255 i32 i7", 0 }, { 142, "x1 i63 i0 i64 i64 i0 i63", 0 },
	{ 75, "x8 x8", 0 },
	{ 76, "x8", 0 }, { 77, "x8", 0 },
	{ 78, "x8", 0 }, { 78, "x1", 0 },
	{ 79, "x32 i4294967295 i32", 0 },
	{ 80, "L[x4] i3 i4 i5 i8 i12 L[]", 0 }, { 80, "L[] i1 i8 i2 i8 i16 L[x8]", 0 },
	{ 80, "L[] i1 i8 i0 i32 i40 L[]", F_STRICT_REJ },
	{ 81, "x8 x8", 0 }, { 82, "x8 x8", 0 },
	{ 83, "x1", 0 }, { 84, "x1", 0 },
	{ 85, "x8 x8 x8", 0 }, { 86, "x8 x8", 0 },
	{ 87, "x8 x8", 0 }, { 88, "x8 x8", 0 }, { 89, "x8 x8", 0 }, { 90, "x8 x8", 0 },
	{ 91, "x8 x8", 0 }, { 92, "x8 x8", 0 },
	{ 93, "x8 i4", 0 },
	{ 94, "x1 x8", 0 }, { 95, "x1", 0 }, { 96, "x1", 0 },
	{ 97, "x1 x8 x8 x8", 0 }, { 98, "x1 x8 x8 x8", 0 }, { 99, "x1 x8 x8 x8 x8", 0 },
	{ 100, "x1 x1 x8 x8", 0 }, { 101, "x1 x1 x8 x8", 0 }, { 102, "x1 x1 x8 x8", 0 },
	{ 103, "x1 x1 x8 x8", 0 },
	{ 104, "x8 i8", 0 },
	{ 105, "x8 i3 i8 i4", 0 },
	{ 106, "x8 i9 i8 i8", 0 },
	{ 107, "x8 i8", 0 },
	{ 108, "x8 i3 i8 i7", 0 },
	{ 109, "x8 i8 i8", 0 }, { 109, "x8 i200 i8", 0 },
	{ 110, "x8 i8", 0 },
	{ 111, "x8 i3 i8 i7", 0 },
	{ 112, "x8 i10 i8 i7 i8", 0 },
	{ 113, "L[x16] L[] x4 x8 L[x4] i15 i4 i3", 0 }, { 113, "L[x12] L[x12] x4 x8 L[] i11 i4 i3", 0 },
	{ 114, "L[x16] L[] x4 x8 L[x4] i15 i4 i3", 0 },
	{ 115, "L[] L[x16] x4 x8 L[x4] i15 i4 i3", 0 },
	{ 116, "L[x16] L[] x4 x8 L[x4] i15 i8 i7", 0 },
	{ 117, "L[x16] L[] x4 x8 L[x4] i15 i8 i7", 0 },
	{ 118, "L[x12] L[x12] x4 x8 L[] i11 i4 i3", 0 },
	{ 119, "L[x16] L[] x4 x8 x4 i15 i8 i7 i4 i3", 0 },
	{ 120, "L[x16] L[] x4 x8 x4 i15 i8 i7 i4 i3", 0 },
	{ 121, "L[x16] L[x16] x4 x8 x4 i15 i8 i7 i4 i3", 0 },
	{ 122, "x8 i8", 0 },
	{ 123, "L[x32] L[] i4294967295 i32", 0 },
	{ 124, "x32 i4294967295 i32", 0 },
	{ 125, "x8 x8", 0 }, { 126, "x8", 0 },
	{ 127, "x8 i8", 0 }, { 128, "x8 i8", 0 },
	{ 129, "x8", 0 }, { 130, "x8", 0 }, { 131, "x8", 0 },
	{ 132, "x8 i8", 0 }, { 133, "x8 i8", 0 }, { 134, "x8", 0 }, { 135, "x8 x8", 0 },
	{ 136, "x8 i8", 0 }, { 137, "x8 i8", 0 }, { 138, "x8 i8", 0 }, { 139, "x8 i8", 0 },
	{ 140, "x8 i3 i4 i7", 0 },
	{ 141, "x8 i3 i4 i7", 0 },
	{ 142, "x8 i8 i65413 i16 i9 i7 i15", 0 }, { 142, "x8 i8 i18 i16 i9 i7 i15", 0 },
	{ 143, "x8 i8 i65413 i16 i9 i7 i15", 0 },
	/* 144/145: the upper extract is one bit wider than (bv 0 v1): unusable */
	{ 144, "x8 i8 i66 i16 i7 i15", F_UNUSABLE },
	{ 145, "x8 i8 i66 i16 i7 i15", F_UNUSABLE },
	{ 146, "x8 i8 i66 i16 i7", 0 },
	{ 147, "x8 i8 i66 i16 i7", 0 },
	{ 148, "x8 i8 i66 i16 i7", 0 }, { 148, "x8 i8 i65413 i16 i7", 0 },
	{ 149, "x8 i8 i4660 i16 i7", 0 },
	{ 150, "x8 i8 i66 i16 i7", 0 },
	{ 151, "x8 i8 i4660 i16 i7", 0 },
};

static unsigned accepted[__MAX_BCF_REWRITES], rejected[__MAX_BCF_REWRITES];
static unsigned sound_ok[__MAX_BCF_REWRITES], unsound[__MAX_BCF_REWRITES];

/* extra nodes for sort mutations */
struct extras {
	uint32_t bvar, x8, x1, bool_list, bool_list_empty, bv_list_empty, junk_mid;
};

static void add_extras(struct pb *t, struct extras *x)
{
	uint32_t el;

	x->bvar = pb_nodev(t, BCF_BOOL_VAR, 0, 0, NULL);
	x->x8 = pb_nodev(t, BCF_BV_VAR, 8, 0, NULL);
	x->x1 = pb_nodev(t, BCF_BV_VAR, 1, 0, NULL);
	el = pb_nodev(t, BCF_BOOL_VAR, 0, 0, NULL);
	x->bool_list = pb_nodev(t, BCF_LIST_VAL, BCF_BOOL, 1, &el);
	x->bool_list_empty = pb_nodev(t, BCF_LIST_VAL, BCF_BOOL, 0, NULL);
	x->bv_list_empty = pb_nodev(t, BCF_LIST_VAL, BCF_BV, 0, NULL);
	x->junk_mid = pb_bv(t, 32, 77) + 1; /* inside a node: not an id */
}

static int run_rule(struct bcf_checker *c, const uint32_t *prem, unsigned np, unsigned rid,
		    const uint32_t *binds, unsigned n, uint32_t *concl)
{
	uint32_t params[64], dummy;
	int err;

	params[0] = rid;
	memcpy(&params[1], binds, n * sizeof(uint32_t));
	err = rule_REWRITE(c, prem, np, params, n + 1, concl ? concl : &dummy);
	if (!err && !concl)
		ckr_put(c, dummy);
	return err;
}

/* Sorts of rid's variables as tokens. */
static unsigned rw_sorts(unsigned rid, char sorts[][8])
{
	const char *s = ckr_rewrites[rid].sorts;
	unsigned n = 0;

	while (*s) {
		size_t len;

		while (*s == ' ')
			s++;
		len = strcspn(s, " ");
		if (!len)
			break;
		snprintf(sorts[n++], 8, "%.*s", (int)len, s);
		s += len;
	}
	return n;
}

/* Replacement bindings of the wrong sort for sort s. */
static unsigned wrong_sorts(const char *s, const struct extras *x, uint32_t *out)
{
	unsigned n = 0;

	if (!strcmp(s, "Bool")) {
		out[n++] = x->x8;
		out[n++] = x->bool_list_empty;
	} else if (!strcmp(s, "BV")) {
		out[n++] = x->bvar;
		out[n++] = x->bv_list_empty;
	} else if (!strcmp(s, "BV1") || !strcmp(s, "Int")) {
		out[n++] = x->x8;
		out[n++] = x->bvar;
	} else if (!strcmp(s, "BV*")) {
		out[n++] = x->x8;
		out[n++] = x->bool_list_empty;
	} else if (!strcmp(s, "Bool*")) {
		out[n++] = x->bool_list;
		out[n++] = x->bv_list_empty;
		out[n++] = x->bvar;
	}
	return n;
}

static void test_instance(const struct inst *in)
{
	static struct pb t;
	struct bcf_checker c;
	struct extras x;
	uint32_t binds[32], mb[32], prem[32], cond, lhs, rhs, concl, wrong[4];
	char sorts[32][8];
	unsigned n, np = 0, i, k, nw, rid = in->rid, bad = 0;
	const struct bcf_expr *ce;
	int err;

	pb_reset(&t);
	pb_reserve(&t, TBL_MAX);
	n = parse_binds(&t, in->binds, binds);
	add_extras(&t, &x);
	if (ckr_init(&c, t.w, t.nw, BCF_CHECK_KERNEL_COMPAT)) {
		ok(0, "ckr_init");
		return;
	}

	err = ckr_rewrite_instantiate(&c, rid, binds, n, &cond, &lhs, &rhs);
	if (in->flags & F_UNUSABLE) {
		if (!err) {
			uint32_t eq;
			const char *why;

			ckr_eq(&c, lhs, rhs, &eq);
			err = ckr_typecheck(&c, eq, &why) ? -EINVAL : 0;
			ckr_put(&c, eq);
			ckr_put(&c, lhs);
			ckr_put(&c, rhs);
			if (cond != UINT32_MAX) {
				ce = ckr_expr(&c, cond);
				np = ce->code == BCF_BOOL_CONJ ? ce->vlen : 1;
				for (i = 0; i < np; i++)
					prem[i] = ce->code == BCF_BOOL_CONJ ? ce->args[i] : cond;
			}
			err = run_rule(&c, prem, np, rid, binds, n, NULL);
			if (cond != UINT32_MAX)
				ckr_put(&c, cond);
		}
		ok(err == -EINVAL, "rewrite %u %s [%s]: unusable instance rejected (%d: %s)", rid,
		   ckr_rewrites[rid].name, in->binds, err, c.reason);
		if (err == -EINVAL)
			rejected[rid]++;
		ckr_fini(&c);
		return;
	}
	if (!ok(!err, "rewrite %u %s [%s]: instantiates (%s)", rid, ckr_rewrites[rid].name,
		in->binds, err ? c.reason : "ok")) {
		ckr_fini(&c);
		return;
	}

	/* premises: the conjuncts, as themselves or as (= c true) */
	if (cond != UINT32_MAX) {
		ce = ckr_expr(&c, cond);
		np = ce->code == BCF_BOOL_CONJ ? ce->vlen : 1;
		for (i = 0; i < np; i++) {
			uint32_t cj = ce->code == BCF_BOOL_CONJ ? ce->args[i] : cond;

			if ((rid + i) & 1) {
				ckr_eq(&c, cj, c.true_id, &prem[i]);
			} else {
				prem[i] = cj;
				ckr_get(&c, cj);
			}
		}
	}

	/* semantic soundness with z3 */
	{
		Z3_ast l = to_z3(&c, lhs), r = to_z3(&c, rhs);
		Z3_ast cz = cond != UINT32_MAX ? to_z3(&c, cond) : Z3_mk_true(zc);
		Z3_ast both[2] = { cz, Z3_mk_not(zc, Z3_mk_eq(zc, l, r)) };
		int sat_c = z3_sat(cz), sat_bad = z3_sat(Z3_mk_and(zc, 2, both));

		ok(sat_c == 1, "rewrite %u [%s]: side condition satisfiable", rid, in->binds);
		if (in->flags & F_STRICT_REJ) {
			/* a quirk the kernel accepts although it is unsound (spec 5.1) */
			ok(sat_bad == 1, "rewrite %u [%s]: known-unsound instance is unsound (z3)",
			   rid, in->binds);
		} else {
			if (sat_bad == 0)
				sound_ok[rid]++;
			else
				unsound[rid]++;
			ok(sat_bad == 0, "rewrite %u [%s]: condition implies lhs = rhs (z3)", rid,
			   in->binds);
		}
	}

	/* accepted, conclusion is (= lhs rhs) */
	err = run_rule(&c, prem, np, rid, binds, n, &concl);
	if (ok(!err, "rewrite %u [%s]: accepted (%d %s)", rid, in->binds, err, err ? c.reason : "")) {
		const struct bcf_expr *e = ckr_expr(&c, concl);

		accepted[rid]++;
		ok(e && e->code == BCF_BOOL_EQ && ckr_equal(&c, e->args[0], lhs) == 1 &&
		   ckr_equal(&c, e->args[1], rhs) == 1,
		   "rewrite %u: conclusion is (= lhs rhs)", rid);
		/* the conclusion differs from its mirror unless both sides agree */
		if (ckr_equal(&c, lhs, rhs) != 1) {
			uint32_t mir;

			ckr_eq(&c, rhs, lhs, &mir);
			ok(ckr_equal(&c, concl, mir) == 0, "rewrite %u: conclusion is not (= rhs lhs)", rid);
			ckr_put(&c, mir);
		}
		ckr_put(&c, concl);
	}

	/* strict mode gives the same verdict (except the known quirk) */
	c.mode = BCF_CHECK_STRICT;
	err = run_rule(&c, prem, np, rid, binds, n, NULL);
	if (in->flags & F_STRICT_REJ)
		ok(err == -EINVAL, "rewrite %u [%s]: rejected in strict mode", rid, in->binds);
	else
		ok(!err, "rewrite %u [%s]: accepted in strict mode (%s)", rid, in->binds,
		   err ? c.reason : "");
	c.mode = BCF_CHECK_KERNEL_COMPAT;

	/* ---- mutations that must be rejected ---- */
	if (n) {
		err = run_rule(&c, prem, np, rid, binds, n - 1, NULL);
		bad += err == -EINVAL;
		ok(err == -EINVAL, "rewrite %u: one variable too few rejected", rid);
	}
	memcpy(mb, binds, n * sizeof(*mb));
	mb[n] = binds[0];
	err = run_rule(&c, prem, np, rid, mb, n + 1, NULL);
	bad += err == -EINVAL;
	ok(err == -EINVAL, "rewrite %u: one variable too many rejected", rid);

	rw_sorts(rid, sorts);
	for (i = 0; i < n; i++) {
		nw = wrong_sorts(sorts[i], &x, wrong);
		for (k = 0; k < nw; k++) {
			memcpy(mb, binds, n * sizeof(*mb));
			mb[i] = wrong[k];
			err = run_rule(&c, prem, np, rid, mb, n, NULL);
			bad += err == -EINVAL;
			ok(err == -EINVAL, "rewrite %u: v%u (%s) bound to %u of the wrong sort rejected",
			   rid, i, sorts[i], wrong[k]);
		}
	}
	/* a non-static binding */
	memcpy(mb, binds, n * sizeof(*mb));
	if (n) {
		mb[0] = x.junk_mid;
		err = run_rule(&c, prem, np, rid, mb, n, NULL);
		ok(err == -EINVAL, "rewrite %u: binding inside a node rejected", rid);
		mb[0] = lhs; /* a live dynamic id */
		err = run_rule(&c, prem, np, rid, mb, n, NULL);
		ok(err == -EINVAL, "rewrite %u: dynamic binding rejected", rid);
	}

	if (cond == UINT32_MAX) {
		uint32_t p = c.true_id;

		err = run_rule(&c, &p, 1, rid, binds, n, NULL);
		bad += err == -EINVAL;
		ok(err == -EINVAL, "rewrite %u: unconditional rewrite with a premise rejected", rid);
	} else {
		uint32_t save;

		err = run_rule(&c, prem, 0, rid, binds, n, NULL);
		bad += err == -EINVAL;
		ok(err == -EINVAL, "rewrite %u: conditional rewrite without premises rejected", rid);
		prem[np] = c.true_id;
		err = run_rule(&c, prem, np + 1, rid, binds, n, NULL);
		bad += err == -EINVAL;
		ok(err == -EINVAL, "rewrite %u: one premise too many rejected", rid);
		save = prem[np - 1];
		prem[np - 1] = c.false_id;
		err = run_rule(&c, prem, np, rid, binds, n, NULL);
		bad += err == -EINVAL;
		ok(err == -EINVAL, "rewrite %u: wrong premise rejected", rid);
		prem[np - 1] = c.true_id;
		err = run_rule(&c, prem, np, rid, binds, n, NULL);
		ok(err == -EINVAL, "rewrite %u: premise 'true' rejected", rid);
		prem[np - 1] = save;
		if (np >= 2) {
			int same0;
			uint32_t tmp;

			ce = ckr_expr(&c, cond);
			same0 = ckr_equal(&c, ce->args[0], ce->args[1]);
			tmp = prem[0];
			prem[0] = prem[1];
			prem[1] = tmp;
			err = run_rule(&c, prem, np, rid, binds, n, NULL);
			if (same0 == 0) {
				bad += err == -EINVAL;
				ok(err == -EINVAL, "rewrite %u: swapped premises rejected", rid);
			}
			prem[1] = prem[0];
			prem[0] = tmp;
		}
	}
	if (bad)
		rejected[rid]++;

	for (i = 0; i < np; i++)
		ckr_put(&c, prem[i]);
	if (cond != UINT32_MAX)
		ckr_put(&c, cond);
	ckr_put(&c, lhs);
	ckr_put(&c, rhs);
	ok(c.live_dyn == (uint64_t)(c.true_id >= t.nw) + (c.false_id >= t.nw),
	   "rewrite %u: no dynamic nodes leaked (%llu live)", rid, (unsigned long long)c.live_dyn);
	ckr_fini(&c);
}

/* ---- special cases --------------------------------------------------------- */

/* Run one REWRITE step given in the binding notation; returns the errno. */
static int one(enum bcf_check_mode mode, unsigned rid, const char *bstr, bool cond_premises,
	       uint32_t *concl_code)
{
	static struct pb t;
	struct bcf_checker c;
	uint32_t binds[300], prem[32], cond, l, r, concl;
	unsigned n, np = 0, i;
	int err;

	pb_reset(&t);
	pb_reserve(&t, TBL_MAX);
	n = parse_binds(&t, bstr, binds);
	if (ckr_init(&c, t.w, t.nw, mode))
		return -ENOMEM;
	if (cond_premises && !ckr_rewrite_instantiate(&c, rid, binds, n, &cond, &l, &r)) {
		if (cond != UINT32_MAX) {
			const struct bcf_expr *ce = ckr_expr(&c, cond);

			np = ce->code == BCF_BOOL_CONJ ? ce->vlen : 1;
			for (i = 0; i < np; i++) {
				prem[i] = ce->code == BCF_BOOL_CONJ ? ce->args[i] : cond;
				ckr_get(&c, prem[i]);
			}
			ckr_put(&c, cond);
		}
		ckr_put(&c, l);
		ckr_put(&c, r);
	}
	err = run_rule(&c, prem, np, rid, binds, n, &concl);
	if (!err) {
		if (concl_code)
			*concl_code = concl;
		ckr_put(&c, concl);
	}
	for (i = 0; i < np; i++)
		ckr_put(&c, prem[i]);
	ckr_fini(&c);
	return err;
}

static void test_special(void)
{
	static struct pb t;
	struct bcf_checker c;
	uint32_t x, fl, params[4], concl = 0, lst[256], el;
	unsigned i;
	int err;

	pb_reset(&t);
	pb_reserve(&t, TBL_MAX);
	x = pb_nodev(&t, BCF_BV_VAR, 8, 0, NULL);
	fl = pb_nodev(&t, BCF_BOOL_VAL, BCF_FALSE, 0, NULL);

	/* trusted id 0 */
	ckr_init(&c, t.w, t.nw, BCF_CHECK_KERNEL_COMPAT);
	params[0] = 0;
	params[1] = fl;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(!err && concl == fl && c.trusted, "rid 0 accepted in kernel-compat, fact = a1, trusted");
	c.trusted = false;
	err = rule_REWRITE(&c, &x, 1, params, 2, &concl);
	ok(err == -EINVAL, "rid 0 with a premise rejected");
	err = rule_REWRITE(&c, NULL, 0, params, 1, &concl);
	ok(err == -EINVAL, "rid 0 without a1 rejected");
	params[2] = x;
	err = rule_REWRITE(&c, NULL, 0, params, 3, &concl);
	ok(err == -EINVAL, "rid 0 with two parameters rejected");
	params[1] = t.nw + 5;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(err == -EINVAL && !c.trusted, "rid 0 with a non-static a1 rejected");
	params[1] = c.true_id >= t.nw ? c.true_id : c.false_id; /* a dynamic built-in */
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(err == -EINVAL, "rid 0 with a dynamic a1 rejected");
	params[1] = fl;
	c.mode = BCF_CHECK_STRICT;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(err == -EINVAL && !c.trusted, "rid 0 rejected in strict mode");
	c.mode = BCF_CHECK_KERNEL_COMPAT;

	/* other ids and shapes */
	err = rule_REWRITE(&c, NULL, 0, params, 0, &concl);
	ok(err == -EINVAL, "param_cnt 0 rejected");
	params[0] = 152;
	params[1] = x;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(err == -EINVAL, "rid 152 rejected");
	params[0] = 0xffffffffu;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(err == -EINVAL, "rid 0xffffffff rejected");
	params[0] = 1;
	params[1] = x;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(!err, "EQ_REFL x accepted");
	if (!err)
		ckr_put(&c, concl);
	params[1] = 1000;
	err = rule_REWRITE(&c, NULL, 0, params, 2, &concl);
	ok(err == -EINVAL, "EQ_REFL with an out-of-range id rejected");
	ok(c.live_dyn <= 2, "no leak after the special cases");
	ckr_fini(&c);

	/* more than 255 arguments after splicing */
	pb_reset(&t);
	pb_reserve(&t, TBL_MAX);
	x = pb_nodev(&t, BCF_BV_VAR, 8, 0, NULL);
	for (i = 0; i < 255; i++)
		lst[i] = x;
	el = pb_nodev(&t, BCF_LIST_VAL, BCF_BV, 255, lst);
	{
		uint32_t b[5], cz, l, r;

		b[0] = el;
		b[1] = el;
		b[2] = pb_nodev(&t, BCF_LIST_VAL, BCF_BV, 0, NULL);
		b[3] = x;
		b[4] = pb_bv(&t, 32, 8);
		ckr_init(&c, t.w, t.nw, BCF_CHECK_KERNEL_COMPAT);
		err = ckr_rewrite_instantiate(&c, 66, b, 5, &cz, &l, &r);
		ok(err == -E2BIG, "more than 255 spliced arguments: -E2BIG (%d)", err);
		ok(c.live_dyn <= 2, "no leak after -E2BIG");
		ckr_fini(&c);
	}

	/* 5.1 restrictions */
	ok(one(BCF_CHECK_KERNEL_COMPAT, 79, "x8 i255 i8", true, NULL) == -EINVAL,
	   "BV_ULT_ONES at width 8 rejected (32-bit only)");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 124, "x8 i255 i8", true, NULL) == -EINVAL,
	   "BV_ULE_MAX at width 8 rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 123, "L[x8] L[] i255 i8", true, NULL) == -EINVAL,
	   "BV_XOR_ONES at width 8 rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 93, "x8 i0", true, NULL) == -EINVAL,
	   "BV_ZERO_EXTEND_ELIMINATE with v1 = 0 rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 76, "x8", true, NULL) == 0, "BV_ZERO_EXTEND_ELIMINATE_0 accepted");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 70, "L[] L[] L[] x8", true, NULL) == -EINVAL,
	   "BV_XOR_SIMPLIFY_2 with all lists empty rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 113, "L[] L[] x4 x8 L[x4] i15 i4 i3", true, NULL) == -EINVAL,
	   "BV_AND_CONCAT_PULLUP with v0 v1 empty rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 72, "x8 L[] L[] c8:1 i8", true, NULL) == -EINVAL,
	   "BV_ULT_ADD_ONE with v1 v2 empty rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 53, "x8 x32", true, NULL) == -EINVAL,
	   "BV_EXTRACT_WHOLE with a variable index rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 53, "x8 i8", true, NULL) == -EINVAL,
	   "BV_EXTRACT_WHOLE with an index beyond the width rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 53, "x8 i300", true, NULL) == -EINVAL,
	   "BV_EXTRACT_WHOLE with an index > 255 rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 26, "B[b] b B[] B[]", true, NULL) == -EINVAL,
	   "BOOL_AND_CONF with a non-empty Bool list rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 80, "L[] i1 i8 i0 i32 i40 L[]", true, NULL) == 0,
	   "BV_CONCAT_MERGE_CONST wrap accepted in kernel-compat");
	ok(one(BCF_CHECK_STRICT, 80, "L[] i1 i8 i0 i32 i40 L[]", true, NULL) == -EINVAL,
	   "BV_CONCAT_MERGE_CONST wrap rejected in strict mode");
	ok(one(BCF_CHECK_STRICT, 80, "L[] i0 i8 i5 i32 i40 L[]", true, NULL) == 0,
	   "BV_CONCAT_MERGE_CONST exact at width 40 accepted in strict mode");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 105, "x8 i0 i8 i7", true, NULL) == -EINVAL,
	   "BV_SHL_BY_CONST_1 with shift 0 rejected (0-width constant)");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 109, "x8 i256 i8", true, NULL) == -EINVAL,
	   "BV_LSHR_BY_CONST_2 with a shift that does not fit the width rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 104, "x8 i65", true, NULL) == -EINVAL,
	   "BV_SHL_BY_CONST_0 with a 65-bit constant rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 104, "x8 i7", true, NULL) == -EINVAL,
	   "BV_SHL_BY_CONST_0 with a width mismatch rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 1, "L[x8]", true, NULL) == 0,
	   "EQ_REFL on a one-element list splices");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 1, "L[x8,x8]", true, NULL) == -EINVAL,
	   "EQ_REFL on a two-element list rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 6, "L[] x8", true, NULL) == -EINVAL,
	   "ITE_TRUE_COND with an empty list then-branch rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 2, "x8 x16", true, NULL) == -EINVAL,
	   "EQ_SYMM with different widths rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 6, "x8 b", true, NULL) == -EINVAL,
	   "ITE_TRUE_COND with branches of different sorts rejected");
	ok(one(BCF_CHECK_KERNEL_COMPAT, 3, "x8 x8 x8", false, NULL) == -EINVAL,
	   "EQ_COND_DEQ without premises rejected");
}

/* Premise shapes: P ≡ c, (= c true), (= c true') with another true id, (= true c). */
static void test_premise_forms(void)
{
	static struct pb t;
	struct bcf_checker c;
	uint32_t x, i7, tr, sz, one_, sub, ge, eqt, eqt_rev, params[3], concl, p;
	int err;

	pb_reset(&t);
	pb_reserve(&t, TBL_MAX);
	x = pb_nodev(&t, BCF_BV_VAR, 8, 0, NULL);
	i7 = pb_bv(&t, 32, 7);
	tr = pb_nodev(&t, BCF_BOOL_VAL, BCF_TRUE, 0, NULL);
	sz = pb_nodev(&t, BCF_BV_BVSIZE, 32, 1, &x);
	one_ = pb_bv(&t, 32, 1);
	{
		uint32_t a[2] = { sz, one_ };

		sub = pb_nodev(&t, BCF_BV_SUB, 32, 2, a);
	}
	{
		uint32_t a[2] = { i7, sub };

		ge = pb_nodev(&t, BCF_BOOL_SGE, 0, 2, a);
	}
	{
		uint32_t a[2] = { ge, tr };

		eqt = pb_nodev(&t, BCF_BOOL_EQ, 0, 2, a);
		a[0] = tr;
		a[1] = ge;
		eqt_rev = pb_nodev(&t, BCF_BOOL_EQ, 0, 2, a);
	}
	ckr_init(&c, t.w, t.nw, BCF_CHECK_STRICT);
	params[0] = 53;
	params[1] = x;
	params[2] = i7;
	p = ge;
	err = rule_REWRITE(&c, &p, 1, params, 3, &concl);
	ok(!err, "BV_EXTRACT_WHOLE with a static copy of the condition as premise");
	if (!err)
		ckr_put(&c, concl);
	p = eqt;
	err = rule_REWRITE(&c, &p, 1, params, 3, &concl);
	ok(!err, "premise (= c true) with a static true accepted");
	if (!err)
		ckr_put(&c, concl);
	p = eqt_rev;
	err = rule_REWRITE(&c, &p, 1, params, 3, &concl);
	ok(err == -EINVAL, "premise (= true c) rejected");
	p = sub;
	err = rule_REWRITE(&c, &p, 1, params, 3, &concl);
	ok(err == -EINVAL, "unrelated premise rejected");
	ckr_fini(&c);
}

/* The table compiles; malformed patterns give -EFAULT, unknown operators -EOPNOTSUPP. */
static void test_dsl(void)
{
	static const struct {
		const char *pat;
		unsigned nvars;
		int err;
	} bad[] = {
		{ "(foo v0)", 1, -EOPNOTSUPP },
		{ "((_ rotate_left #1) v0)", 1, -EOPNOTSUPP },
		{ "(= v0 v1", 2, -EFAULT },
		{ "(= v0 v1))", 2, -EFAULT },
		{ "(= v0 v2)", 2, -EFAULT },
		{ "v0 v1", 2, -EFAULT },
		{ "", 1, -EFAULT },
		{ "()", 1, -EFAULT },
		{ "((_ extract #1) v0)", 1, -EFAULT },
		{ "((_ extract #1 #0 #0) v0)", 1, -EFAULT },
		{ "((_ extract #1 #0) v0 v0)", 1, -EFAULT },
		{ "(extract #1 #0 v0)", 1, -EFAULT },
		{ "((_ bvadd #1) v0)", 1, -EFAULT },
		{ "(bv #1)", 1, -EFAULT },
		{ "(bvones #1 #2)", 1, -EFAULT },
		{ "(= vx v0)", 1, -EFAULT },
		{ "(= #99999999999 v0)", 1, -EFAULT },
		{ "(= tru v0)", 1, -EFAULT },
		{ "(not v0 v0)", 1, -EFAULT },
		{ "(ite v0 v0)", 1, -EFAULT },
		{ "(= v0)", 1, -EFAULT },
	};
	char deep[512];
	unsigned i, rid, bad_entries = 0;
	size_t o = 0;

	for (rid = 1; rid < __MAX_BCF_REWRITES; rid++) {
		const struct ckr_rewrite *rw = &ckr_rewrites[rid];
		int nv = ckr_rewrite_nvars(rid);

		if (nv < 0 || ckr_rewrite_compile(rw->lhs, nv) <= 0 ||
		    ckr_rewrite_compile(rw->rhs, nv) <= 0 ||
		    (rw->cond && ckr_rewrite_compile(rw->cond, nv) <= 0)) {
			bad_entries++;
			diag("rewrite %u does not compile", rid);
		}
	}
	ok(!bad_entries, "all 151 table entries compile");
	ok(ckr_rewrite_nvars(0) == -EINVAL && ckr_rewrite_nvars(152) == -EINVAL,
	   "no table entry for ids 0 and 152");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int err = ckr_rewrite_compile(bad[i].pat, bad[i].nvars);

		ok(err == bad[i].err, "pattern '%s': %d (want %d)", bad[i].pat, err, bad[i].err);
	}
	for (i = 0; i < 64; i++)
		o += snprintf(deep + o, sizeof(deep) - o, "(not ");
	o += snprintf(deep + o, sizeof(deep) - o, "v0");
	for (i = 0; i < 64; i++)
		o += snprintf(deep + o, sizeof(deep) - o, ")");
	ok(ckr_rewrite_compile(deep, 1) == 65, "pattern nested 64 deep compiles");
	memmove(deep + 5, deep, o + 1);
	memcpy(deep, "(not ", 5);
	strcat(deep, ")");
	ok(ckr_rewrite_compile(deep, 1) == -EFAULT, "pattern nested 65 deep: -EFAULT");
}

/* ---- randomised variants: strict mode must reject every unsound one ------ */

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint32_t rnd(void)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(rng_state >> 33);
}

/* Copy bindings in -> out, re-drawing `changes` random Int values / widths. */
static void mutate(const char *in, char *out, size_t size, unsigned changes)
{
	static const unsigned ints[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32,
					 33, 63, 64, 65, 127, 128, 255, 256 };
	static const unsigned widths[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 32 };
	unsigned ntok = 0, pick[4], k, tok = 0;
	const char *p;
	size_t o = 0;

	for (p = in; *p; p++)
		if ((*p == 'i' || *p == 'x') && p[1] >= '0' && p[1] <= '9')
			ntok++;
	for (k = 0; k < changes; k++)
		pick[k] = ntok ? rnd() % ntok : 0;
	for (p = in; *p && o + 16 < size;) {
		if ((*p == 'i' || *p == 'x') && p[1] >= '0' && p[1] <= '9') {
			bool change = false;
			char kind = *p;

			for (k = 0; k < changes; k++)
				change |= pick[k] == tok;
			tok++;
			out[o++] = *p++;
			if (!change) {
				while (*p >= '0' && *p <= '9')
					out[o++] = *p++;
				continue;
			}
			while (*p >= '0' && *p <= '9')
				p++;
			if (kind == 'x')
				o += snprintf(out + o, size - o, "%u", widths[rnd() % 11]);
			else if (rnd() % 8 == 0)
				o += snprintf(out + o, size - o, "%u", rnd() ^ (rnd() << 16));
			else
				o += snprintf(out + o, size - o, "%u", ints[rnd() % 25]);
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}

static void test_variants(unsigned per_inst)
{
	static struct pb t;
	unsigned i, v, acc = 0, nsound = 0, nuns = 0, strict_ok = 0, strict_bad = 0;
	unsigned uns_by_rid[__MAX_BCF_REWRITES] = { 0 };
	char b[512];

	for (i = 0; i < sizeof(insts) / sizeof(insts[0]); i++) {
		if (insts[i].flags & F_UNUSABLE)
			continue;
		for (v = 0; v < per_inst; v++) {
			struct bcf_checker c;
			uint32_t binds[32], prem[32], cond, l, r;
			unsigned n, np = 0, k, rid = insts[i].rid;
			int err;

			mutate(insts[i].binds, b, sizeof(b), 1 + rnd() % 2);
			pb_reset(&t);
			pb_reserve(&t, TBL_MAX);
			n = parse_binds(&t, b, binds);
			if (ckr_init(&c, t.w, t.nw, BCF_CHECK_KERNEL_COMPAT))
				continue;
			if (ckr_rewrite_instantiate(&c, rid, binds, n, &cond, &l, &r)) {
				ckr_fini(&c);
				continue;
			}
			if (cond != UINT32_MAX) {
				const struct bcf_expr *ce = ckr_expr(&c, cond);

				np = ce->code == BCF_BOOL_CONJ ? ce->vlen : 1;
				for (k = 0; k < np; k++)
					prem[k] = ce->code == BCF_BOOL_CONJ ? ce->args[k] : cond;
			}
			err = run_rule(&c, prem, np, rid, binds, n, NULL);
			if (!err) {
				Z3_ast cz = cond != UINT32_MAX ? to_z3(&c, cond) : Z3_mk_true(zc);
				Z3_ast both[2] = { cz, Z3_mk_not(zc, Z3_mk_eq(zc, to_z3(&c, l),
									   to_z3(&c, r))) };

				if (z3_sat(cz) == 1) {
					acc++;
					if (z3_sat(Z3_mk_and(zc, 2, both)) == 0) {
						nsound++;
					} else {
						nuns++;
						if (!uns_by_rid[rid]++)
							diag("unsound upstream-accepted instance: rewrite %u %s [%s]",
							     rid, ckr_rewrites[rid].name, b);
						c.mode = BCF_CHECK_STRICT;
						if (run_rule(&c, prem, np, rid, binds, n, NULL) == -EINVAL)
							strict_ok++;
						else {
							strict_bad++;
							diag("  ... and strict mode accepts it");
						}
					}
				}
			}
			if (cond != UINT32_MAX)
				ckr_put(&c, cond);
			ckr_put(&c, l);
			ckr_put(&c, r);
			ckr_fini(&c);
		}
	}
	diag("random variants: %u accepted with a true condition, %u sound, %u unsound "
	     "(%u rejected by strict mode)", acc, nsound, nuns, strict_ok);
	for (i = 1; i < __MAX_BCF_REWRITES; i++)
		if (uns_by_rid[i])
			diag("  rewrite %u %s: %u unsound variants", i, ckr_rewrites[i].name,
			     uns_by_rid[i]);
	ok(acc > 1000 || per_inst < 30, "random variants: enough accepted instances (%u)", acc);
	ok(!strict_bad, "strict mode rejects every unsound variant (%u accepted)", strict_bad);
}

/* Random bindings from a pool of odd nodes: no crash, only -EINVAL / -E2BIG / 0, no leak. */
static void test_fuzz(unsigned rounds)
{
	static struct pb t;
	struct bcf_checker c;
	uint32_t pool[64], np = 0, a[4], el[200], k;
	unsigned i, r, odd = 0, accepted_n = 0;

	pb_reset(&t);
	pb_reserve(&t, TBL_MAX);
	pool[np++] = pb_nodev(&t, BCF_BOOL_VAR, 0, 0, NULL);
	pool[np++] = pb_nodev(&t, BCF_BOOL_VAL, BCF_TRUE, 0, NULL);
	pool[np++] = pb_nodev(&t, BCF_BOOL_VAL, BCF_FALSE, 0, NULL);
	for (k = 1; k <= 64; k *= 2)
		pool[np++] = pb_nodev(&t, BCF_BV_VAR, (uint16_t)k, 0, NULL);
	pool[np++] = pb_nodev(&t, BCF_BV_VAR, 200, 0, NULL);
	pool[np++] = pb_bv(&t, 32, 0);
	pool[np++] = pb_bv(&t, 32, 1);
	pool[np++] = pb_bv(&t, 32, 7);
	pool[np++] = pb_bv(&t, 32, 8);
	pool[np++] = pb_bv(&t, 32, 255);
	pool[np++] = pb_bv(&t, 32, 0x80000000u);
	pool[np++] = pb_bv(&t, 32, 0xffffffffu);
	pool[np++] = pb_bv(&t, 8, 0x80);
	pool[np++] = pb_bv(&t, 64, ~0ull);
	pool[np++] = pb_bv(&t, 1, 1);
	a[0] = pool[np - 8]; /* 32-bit 0xffffffff + 8: overflows */
	a[1] = pool[np - 9 - 3];
	pool[np++] = pb_nodev(&t, BCF_BV_ADD, 32, 2, a);
	a[0] = pool[np - 10];
	a[1] = pool[np - 9];
	pool[np++] = pb_nodev(&t, BCF_BV_SUB, 32, 2, a); /* 0 - 1 */
	a[0] = pool[np - 9];
	pool[np++] = pb_nodev(&t, BCF_BV_NOT, 32, 1, a);
	a[0] = pool[3];
	pool[np++] = pb_nodev(&t, BCF_BV_BVSIZE, 32, 1, a);
	a[0] = pool[np - 3];
	a[1] = pool[np - 3];
	pool[np++] = pb_nodev(&t, BCF_BV_DIV, 32, 2, a);
	pool[np++] = pb_nodev(&t, BCF_LIST_VAL, BCF_BV, 0, NULL);
	pool[np++] = pb_nodev(&t, BCF_LIST_VAL, BCF_BOOL, 0, NULL);
	for (k = 0; k < 200; k++)
		el[k] = pool[3 + k % 7];
	pool[np++] = pb_nodev(&t, BCF_LIST_VAL, BCF_BV, 200, el);
	pool[np++] = pb_nodev(&t, BCF_LIST_VAL, BCF_BV, 2, el);
	for (k = 0; k < 3; k++)
		el[k] = pool[0];
	pool[np++] = pb_nodev(&t, BCF_LIST_VAL, BCF_BOOL, 3, el);
	ckr_init(&c, t.w, t.nw, BCF_CHECK_KERNEL_COMPAT);
	for (r = 0; r < rounds; r++) {
		uint32_t params[16], prem[8], concl;
		unsigned rid = 1 + rnd() % 151, n = (unsigned)ckr_rewrite_nvars(rid), npm = rnd() % 4;
		int err;

		if (rnd() % 8 == 0)
			n = n + 1 - rnd() % 3;
		params[0] = rid;
		for (i = 0; i < n && i < 15; i++)
			params[1 + i] = pool[rnd() % np];
		for (i = 0; i < npm; i++)
			prem[i] = pool[rnd() % np];
		c.mode = rnd() & 1 ? BCF_CHECK_STRICT : BCF_CHECK_KERNEL_COMPAT;
		err = rule_REWRITE(&c, prem, npm, params, 1 + (n < 15 ? n : 15), &concl);
		if (!err) {
			accepted_n++;
			ckr_put(&c, concl);
		} else if (err != -EINVAL && err != -E2BIG) {
			odd++;
			diag("fuzz: rewrite %u: error %d (%s)", rid, err, c.reason);
		}
	}
	ok(!odd, "fuzz: %u random steps, only 0/-EINVAL/-E2BIG (%u accepted)", rounds, accepted_n);
	ok(c.live_dyn == (uint64_t)(c.true_id >= t.nw) + (c.false_id >= t.nw),
	   "fuzz: no dynamic nodes leaked (%llu live)", (unsigned long long)c.live_dyn);
	ckr_fini(&c);
}

/* ---- our index evaluator against EVALUATE's (ckr_eval_compat) ------------ */

static uint32_t rand_bv(struct pb *t, unsigned w, unsigned depth);

static uint32_t rand_bool(struct pb *t, unsigned depth)
{
	static const uint8_t cmp[] = { BCF_BOOL_EQ, BCF_BOOL_DISTINCT, BCF_BOOL_ULT, BCF_BOOL_ULE,
				       BCF_BOOL_UGT, BCF_BOOL_UGE, BCF_BOOL_SLT, BCF_BOOL_SLE,
				       BCF_BOOL_SGT, BCF_BOOL_SGE };
	static const unsigned ws[] = { 1, 7, 8, 32, 64 };
	uint32_t a[2];
	unsigned w = ws[rnd() % 5];

	if (!depth || rnd() % 4 == 0)
		return pb_nodev(t, BCF_BOOL_VAL, rnd() & 1, 0, NULL);
	a[0] = rand_bv(t, w, depth - 1);
	a[1] = rand_bv(t, w, depth - 1);
	return pb_nodev(t, cmp[rnd() % 10], 0, 2, a);
}

static uint32_t rand_bv(struct pb *t, unsigned w, unsigned depth)
{
	static const uint8_t bin[] = { BCF_BV_ADD, BCF_BV_SUB, BCF_BV_MUL, BCF_BV_DIV, BCF_BV_MOD,
				       BCF_BV_OR, BCF_BV_AND, BCF_BV_XOR, BCF_BV_LSH, BCF_BV_RSH,
				       BCF_BV_ARSH };
	static const uint64_t special[] = { 0, 1, 2, 7, 8, 31, 32, 63, 64, 65, 127, 128, 255,
					    0x80000000ull, 0xffffffffull, ~0ull, 0x8000000000000000ull };
	uint32_t a[3];
	unsigned k = depth ? rnd() % 9 : 0;

	switch (k) {
	case 0: {
		uint64_t v = rnd() & 1 ? special[rnd() % 17] : ((uint64_t)rnd() << 32 | rnd());

		return pb_bv(t, w, v & bcf_mask(w));
	}
	case 1:
	case 2:
	case 3:
		a[0] = rand_bv(t, w, depth - 1);
		a[1] = rand_bv(t, w, depth - 1);
		return pb_nodev(t, bin[rnd() % 11], w, 2, a);
	case 4:
		a[0] = rand_bv(t, w, depth - 1);
		return pb_nodev(t, BCF_BV_NEG, w, 1, a);
	case 5:
		if (w >= 2) {
			unsigned lo = rnd() % w;

			a[0] = rand_bv(t, w - lo, depth - 1);
			return pb_nodev(t, rnd() & 1 ? BCF_BV_ZERO_EXTEND : BCF_BV_SIGN_EXTEND, BCF_EXPR_PARAMS(lo, w), 1, a);
		}
		/* fall through */
	case 6:
		if (w <= 56) {
			unsigned extra = rnd() % 8;

			a[0] = rand_bv(t, w + extra, depth - 1);
			return pb_nodev(t, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(w + extra - 1, extra), 1,
				    a);
		}
		/* fall through */
	case 7:
		if (w >= 2) {
			unsigned hiw = 1 + rnd() % (w - 1);

			a[0] = rand_bv(t, hiw, depth - 1);
			a[1] = rand_bv(t, w - hiw, depth - 1);
			return pb_nodev(t, BCF_BV_CONCAT, w, 2, a);
		}
		/* fall through */
	default:
		a[0] = rand_bool(t, depth - 1);
		a[1] = rand_bv(t, w, depth - 1);
		a[2] = rand_bv(t, w, depth - 1);
		return pb_nodev(t, BCF_BV_ITE, w, 3, a);
	}
}

static void test_eval_differential(unsigned rounds)
{
	static struct pb t;
	static const unsigned ws[] = { 1, 7, 8, 16, 32, 40, 64 };
	unsigned r, agree = 0, both_fail = 0, differ = 0, ill = 0;

	for (r = 0; r < rounds; r++) {
		struct bcf_checker c;
		uint32_t root;
		uint64_t v1 = 0, v2 = 0;
		bool ovf;
		int e1, e2;
		const char *why;

		pb_reset(&t);
		pb_reserve(&t, TBL_MAX);
		root = rnd() % 4 ? rand_bv(&t, ws[rnd() % 7], 1 + rnd() % 4) : rand_bool(&t, 3);
		if (ckr_init(&c, t.w, t.nw, BCF_CHECK_KERNEL_COMPAT))
			continue;
		if (ckr_typecheck(&c, root, &why)) {
			ill++;
			ckr_fini(&c);
			continue;
		}
		e1 = ckr_rewrite_eval(&c, root, &v1, &ovf);
		e2 = ckr_eval_compat(&c, root, &v2, NULL);
		if (!e1 && !e2 && v1 == v2)
			agree++;
		else if (e1 && e2)
			both_fail++;
		else if (differ++ < 5)
			diag("evaluators differ on root %u: ours %d/%#llx, EVALUATE %d/%#llx", root, e1,
			     (unsigned long long)v1, e2, (unsigned long long)v2);
		ckr_fini(&c);
	}
	ok(!differ && agree > rounds / 4,
	   "index evaluator agrees with EVALUATE: %u equal, %u both reject, %u differ (%u ill-typed)",
	   agree, both_fail, differ, ill);
}

int main(void)
{
	Z3_config cfg = Z3_mk_config();
	unsigned i, rid, miss_acc = 0, miss_rej = 0, nunsound = 0;

	zc = Z3_mk_context(cfg);
	Z3_del_config(cfg);

	for (rid = 1; rid < __MAX_BCF_REWRITES; rid++) {
		int nv = ckr_rewrite_nvars(rid);

		if (nv < 0)
			diag("rewrite %u: %d", rid, nv);
	}
	for (i = 0; i < sizeof(insts) / sizeof(insts[0]); i++)
		test_instance(&insts[i]);
	test_special();
	test_premise_forms();
	test_dsl();
	test_fuzz(20000);
	test_eval_differential(20000);
	/* BCF_RW_VARIANTS=N explores more (N variants per instance) */
	test_variants(getenv("BCF_RW_VARIANTS") ? (unsigned)atoi(getenv("BCF_RW_VARIANTS")) : 30);

	for (rid = 1; rid < __MAX_BCF_REWRITES; rid++) {
		bool unusable = rid == 144 || rid == 145;

		if (!accepted[rid] && !unusable) {
			miss_acc++;
			diag("rewrite %u %s: no accepted instance", rid, ckr_rewrites[rid].name);
		}
		if (!rejected[rid]) {
			miss_rej++;
			diag("rewrite %u %s: no rejected instance", rid, ckr_rewrites[rid].name);
		}
		if (unsound[rid]) {
			nunsound++;
			diag("rewrite %u %s: UNSOUND instance", rid, ckr_rewrites[rid].name);
		}
	}
	ok(!miss_acc, "every usable rewrite id 1..151 has an accepted instance (%u missing)", miss_acc);
	ok(!miss_rej, "every rewrite id 1..151 has a rejected instance (%u missing)", miss_rej);
	ok(!nunsound, "every accepted instance is sound under z3 (%u unsound ids)", nunsound);
	Z3_del_context(zc);
	return done_testing();
}
