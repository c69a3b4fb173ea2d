// SPDX-License-Identifier: MIT
/*
 * Type rules for one node (spec/format.md 1.4, rules 3 and 4): the code
 * must exist, vlen must be within its arity, and the per-type rules must
 * hold.  Arguments are resolved through a caller-supplied lookup so the
 * same rules serve condition buffers, proof tables and nodes a checker
 * builds at run time.
 */
#include <errno.h>

#include "lang/expr.h"

#define REJECT(msg) do { *why = (msg); return -EINVAL; } while (0)

/* Same type; for bitvectors also the same width; lists compare vlen and params. */
static bool same_sort(const struct bcf_expr *a, const struct bcf_expr *b)
{
	if (BCF_TYPE(a->code) != BCF_TYPE(b->code))
		return false;
	if (bcf_is_bv(a))
		return bcf_expr__width(a) == bcf_expr__width(b);
	if (bcf_is_list(a))
		return a->vlen == b->vlen && a->params == b->params;
	return true;
}

static int check_bv(const struct bcf_expr *e, const struct bcf_expr **arg, const char **why)
{
	unsigned width = bcf_expr__width(e), high = BCF_EXPR_HIGH(e->params);
	unsigned i;

	if (!width)
		REJECT("bit-vector width is 0");
	switch (e->code) {
	case BCF_BV_ITE:
		if (high)
			REJECT("ite: HIGH params must be 0");
		if (!bcf_is_bool(arg[0]) && !(bcf_is_bv(arg[0]) && bcf_expr__width(arg[0]) == 1))
			REJECT("ite: condition must be bool or a 1-bit bit-vector");
		if (!same_sort(arg[1], e) || !same_sort(arg[2], e))
			REJECT("ite: branches must have the node's type and width");
		return 0;
	case BCF_BV_FROM_BOOL:
		if (e->params)
			REJECT("from_bool: params must be 0");
		for (i = 0; i < e->vlen; i++)
			if (!bcf_is_bool(arg[i]))
				REJECT("from_bool: every argument must be bool");
		return 0;
	default:
		break;
	}
	if (e->vlen && e->code != BCF_BV_VAL && !bcf_is_bv(arg[0]))
		REJECT("first argument must be a bit-vector");
	switch (e->code) {
	case BCF_BV_EXTRACT:
		if (BCF_EXPR_HIGH(e->params) < BCF_EXPR_LOW(e->params))
			REJECT("extract: start < end");
		if (bcf_expr__width(arg[0]) <= BCF_EXPR_HIGH(e->params))
			REJECT("extract: start beyond the argument's width");
		return 0;
	case BCF_BV_SIGN_EXTEND:
	case BCF_BV_ZERO_EXTEND:
		if (bcf_expr__width(arg[0]) + high != width)
			REJECT("extend: argument width + extension != result width");
		return 0;
	case BCF_BV_REPEAT:
		if (high * bcf_expr__width(arg[0]) != width)
			REJECT("repeat: count * argument width != result width");
		return 0;
	default:
		break;
	}
	if (high)
		REJECT("HIGH params must be 0");
	switch (e->code) {
	case BCF_BV_VAR:
		return 0;
	case BCF_BV_VAL: {
		if (e->vlen != bcf_val_words(width) || e->vlen > 2)
			REJECT("constant: vlen must be ceil(width/32) and at most 2");
		if (bcf_expr__bv_value(e) & ~bcf_mask(width))
			REJECT("constant: value has bits above its width");
		return 0;
	}
	case BCF_BV_CONCAT: {
		unsigned sum = 0;

		for (i = 0; i < e->vlen; i++) {
			if (!bcf_is_bv(arg[i]))
				REJECT("concat: every argument must be a bit-vector");
			sum += bcf_expr__width(arg[i]);
		}
		if (sum != width)
			REJECT("concat: argument widths do not add up to the width");
		return 0;
	}
	case BCF_BV_BVSIZE: {
		/* width(arg) <= 2^width - 1; the kernel's mask is undefined above 64 */
		uint64_t max = width >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << width) - 1;

		if (bcf_expr__width(arg[0]) > max)
			REJECT("bvsize: argument width does not fit the result width");
		return 0;
	}
	default:
		for (i = 0; i < e->vlen; i++)
			if (!same_sort(arg[i], e))
				REJECT("every argument must have the node's type and width");
		return 0;
	}
}

static int check_bool(const struct bcf_expr *e, const struct bcf_expr **arg, const char **why)
{
	unsigned i;

	switch (e->code) {
	case BCF_BOOL_BITOF:
		if (BCF_EXPR_HIGH(e->params))
			REJECT("bitof: HIGH params must be 0");
		if (!bcf_is_bv(arg[0]))
			REJECT("bitof: argument must be a bit-vector");
		if (BCF_EXPR_LOW(e->params) >= bcf_expr__width(arg[0]))
			REJECT("bitof: bit index beyond the argument's width");
		return 0;
	case BCF_BOOL_VAL:
		if (e->params & ~1)
			REJECT("bool constant: params other than bit 0");
		return 0;
	default:
		break;
	}
	if (e->params)
		REJECT("params must be 0");
	switch (e->code) {
	case BCF_BOOL_VAR:
		return 0;
	case BCF_BOOL_UGT: case BCF_BOOL_UGE: case BCF_BOOL_SGT: case BCF_BOOL_SGE:
	case BCF_BOOL_ULT: case BCF_BOOL_ULE: case BCF_BOOL_SLT: case BCF_BOOL_SLE:
		if (!bcf_is_bv(arg[0]))
			REJECT("comparison: first argument must be a bit-vector");
		if (!same_sort(arg[1], arg[0]))
			REJECT("comparison: arguments differ in type or width");
		return 0;
	case BCF_BOOL_EQ:
	case BCF_BOOL_DISTINCT:
		if (bcf_is_list(arg[0]))
			REJECT("eq/distinct: argument is a list");
		if (!same_sort(arg[1], arg[0]))
			REJECT("eq/distinct: arguments differ in type or width");
		return 0;
	default:
		for (i = 0; i < e->vlen; i++)
			if (!bcf_is_bool(arg[i]))
				REJECT("every argument must be bool");
		return 0;
	}
}

static int check_list(const struct bcf_expr *e, const struct bcf_expr **arg, const char **why)
{
	unsigned i, elem = BCF_EXPR_LOW(e->params);

	if (BCF_EXPR_HIGH(e->params))
		REJECT("list: HIGH params must be 0");
	if (elem != BCF_BV && elem != BCF_BOOL)
		REJECT("list: element type must be bv or bool");
	for (i = 0; i < e->vlen; i++)
		if (BCF_TYPE(arg[i]->code) != elem)
			REJECT("list: element of the wrong type");
	return 0;
}

int bcf_expr__typecheck(const struct bcf_expr *e, bcf_expr_lookup_fn lookup, void *ctx,
			const char **why)
{
	const struct bcf_expr *arg[256];
	const char *dummy;
	unsigned min, max, i;

	if (!why)
		why = &dummy;
	if (!bcf_code__arity(e->code, &min, &max))
		REJECT("unknown code");
	if (e->vlen < min || e->vlen > max)
		REJECT("argument count outside the operator's arity");
	if (e->code != BCF_BV_VAL) {
		for (i = 0; i < e->vlen; i++) {
			arg[i] = lookup(ctx, e->args[i]);
			if (!arg[i])
				REJECT("argument is not a valid expression id");
		}
	}
	switch (BCF_TYPE(e->code)) {
	case BCF_BV:
		return check_bv(e, arg, why);
	case BCF_BOOL:
		return check_bool(e, arg, why);
	default:
		return check_list(e, arg, why);
	}
}
