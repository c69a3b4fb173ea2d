// SPDX-License-Identifier: MIT
/* Unit tests for lang/: code table, type rules, table scan, arena hash-consing. */
#include <errno.h>
#include <string.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "tests/tap.h"

static int scan(const uint32_t *w, uint32_t n)
{
	return bcf_table__scan(w, n, NULL, NULL, NULL);
}

static void test_table_scan(void)
{
	/* v0:8, #x2f:8, (bvadd v0 #x2f), (= add v0) */
	uint32_t good[] = {
		BCF_EXPR_HDR(BCF_BV_VAR, 0, 8),
		BCF_EXPR_HDR(BCF_BV_VAL, 1, 8), 0x2f,
		BCF_EXPR_HDR(BCF_BV_ADD, 2, 8), 0, 1,
		BCF_EXPR_HDR(BCF_BOOL_EQ, 2, 0), 3, 0,
	};
	uint32_t w[16];
	uint32_t bad;
	const char *why;

	ok(scan(good, 9) == 0, "well-formed table accepted");
	memcpy(w, good, sizeof(good));
	w[5] = 6;
	ok(scan(w, 9) == -EINVAL, "forward reference rejected");
	memcpy(w, good, sizeof(good));
	w[5] = 2;
	ok(scan(w, 9) == -EINVAL, "reference into the middle of a node rejected");
	memcpy(w, good, sizeof(good));
	w[2] = 0x12f;
	ok(scan(w, 9) == -EINVAL, "constant with bits above its width rejected");
	memcpy(w, good, sizeof(good));
	w[3] = BCF_EXPR_HDR(BCF_BV_ADD, 2, 16);
	ok(bcf_table__scan(w, 9, NULL, &bad, &why) == -EINVAL && bad == 3,
	   "width mismatch rejected at node 3 (%s)", why);
	ok(scan(good, 8) == -EINVAL, "truncated node rejected");
	memcpy(w, good, sizeof(good));
	w[0] = BCF_EXPR_HDR(0x07, 0, 8);
	ok(scan(w, 9) == -EINVAL, "unknown code rejected");
	w[0] = BCF_EXPR_HDR(BCF_BV_EXTRACT, 1, 0x0700);
	ok(scan(w, 1) == -EINVAL, "argument id out of range rejected");
}

static void test_typecheck_rules(void)
{
	uint32_t w[] = {
		BCF_EXPR_HDR(BCF_BV_VAR, 0, 32),            /* 0 */
		BCF_EXPR_HDR(BCF_BV_EXTRACT, 1, 0x0700), 0,  /* 1: extract 7..0 */
		BCF_EXPR_HDR(BCF_BV_ZERO_EXTEND, 1, 0x2040), 0, /* 3: zext 32 -> 64 */
		BCF_EXPR_HDR(BCF_BV_REPEAT, 1, 0x0240), 0,   /* 5: repeat 2 -> 64 */
		BCF_EXPR_HDR(BCF_BV_CONCAT, 2, 40), 0, 1,   /* 7: concat 32+8 */
		BCF_EXPR_HDR(BCF_BOOL_BITOF, 1, 31), 0,     /* 10: bit 31 */
		BCF_EXPR_HDR(BCF_BV_FROM_BOOL, 2, 0), 10, 10, /* 12 */
		BCF_EXPR_HDR(BCF_BV_ITE, 3, 2), 10, 12, 12, /* 15 */
	};

	ok(scan(w, sizeof(w) / 4) == 0, "extract/extend/repeat/concat/bitof/from_bool/ite accepted");
	w[1] = BCF_EXPR_HDR(BCF_BV_EXTRACT, 1, 0x0708);
	ok(scan(w, sizeof(w) / 4) == -EINVAL, "extract with start < end rejected");
	w[1] = BCF_EXPR_HDR(BCF_BV_EXTRACT, 1, 0x2000);
	ok(scan(w, sizeof(w) / 4) == -EINVAL, "extract beyond width rejected");
	w[1] = BCF_EXPR_HDR(BCF_BV_EXTRACT, 1, 0x0700);
	w[3] = BCF_EXPR_HDR(BCF_BV_ZERO_EXTEND, 1, 0x2041);
	ok(scan(w, sizeof(w) / 4) == -EINVAL, "zero_extend with wrong result width rejected");
	w[3] = BCF_EXPR_HDR(BCF_BV_ZERO_EXTEND, 1, 0x2040);
	w[10] = BCF_EXPR_HDR(BCF_BOOL_BITOF, 1, 32);
	ok(scan(w, sizeof(w) / 4) == -EINVAL, "bitof beyond width rejected");
}

static void test_arena(void)
{
	struct bcf_arena *a = bcf_arena__new();
	uint32_t x, y, c1, c2, s1, s2, args[2];

	ok(a != NULL, "arena allocated");
	ok(bcf_arena__var(a, BCF_BV, 32, "x", &x) == 0, "variable x");
	ok(bcf_arena__var(a, BCF_BV, 32, "y", &y) == 0 && x != y,
	   "two variables of the same width stay distinct");
	ok(bcf_arena__bv_const(a, 32, 7, &c1) == 0 && bcf_arena__bv_const(a, 32, 7, &c2) == 0 &&
	   c1 == c2, "equal constants are stored once");
	args[0] = x;
	args[1] = c1;
	ok(bcf_arena__node(a, BCF_BV_ADD, 32, args, 2, &s1) == 0 &&
	   bcf_arena__node(a, BCF_BV_ADD, 32, args, 2, &s2) == 0 && s1 == s2,
	   "equal nodes are hash-consed");
	args[1] = y;
	ok(bcf_arena__node(a, BCF_BV_ADD, 32, args, 2, &s2) == 0 && s1 != s2,
	   "different nodes get different ids");
	ok(bcf_arena__node(a, BCF_BV_ADD, 16, args, 2, &s2) == -EINVAL &&
	   strstr(bcf_last_error(), "bv_add"), "ill-typed node refused with a message: %s",
	   bcf_last_error());
	ok(!strcmp(bcf_arena__var_name(a, y), "y"), "variable names kept");
	ok(bcf_expr__bv_value(bcf_arena__expr(a, c1)) == 7, "constant value read back");
	bcf_arena__free(a);
}

static void test_cond_decode(void)
{
	uint32_t w[] = {
		BCF_EXPR_HDR(BCF_BV_VAR, 0, 8),
		BCF_EXPR_HDR(BCF_BV_VAL, 1, 8), 0x2f,
		BCF_EXPR_HDR(BCF_BV_VAL, 1, 8), 0x2f, /* duplicate, merged */
		BCF_EXPR_HDR(BCF_BOOL_EQ, 2, 0), 0, 3,
		BCF_EXPR_HDR(BCF_BOOL_VAL, 0, 1), /* unused */
		BCF_COND_NONE, 5,
	};
	struct bcf_cond *c;
	uint32_t n;

	ok(bcf_cond__decode(w, sizeof(w), &c) == 0, "condition decoded");
	bcf_arena__words(c->arena, &n);
	ok(n == 6, "unused and duplicate expressions dropped (%u words)", n);
	ok(c->path_cond == BCF_COND_NONE && bcf_arena__expr(c->arena, c->refine_cond)->code ==
	   BCF_BOOL_EQ, "conditions mapped");
	bcf_cond__free(c);
	w[10] = BCF_COND_NONE;
	ok(bcf_cond__decode(w, sizeof(w), &c) == -EINVAL, "no condition rejected");
	w[10] = 1;
	ok(bcf_cond__decode(w, sizeof(w), &c) == -EINVAL && strstr(bcf_last_error(), "refine_cond"),
	   "non-boolean condition rejected: %s", bcf_last_error());
	ok(bcf_cond__decode(w, sizeof(w) - 2, &c) == -EINVAL, "size not a multiple of 4 rejected");
}

int main(void)
{
	test_table_scan();
	test_typecheck_rules();
	test_arena();
	test_cond_decode();
	return done_testing();
}
