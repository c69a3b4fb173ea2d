// SPDX-License-Identifier: MIT
/* The code table (names, arities) and per-node helpers: width, constant value. */
#include "lang/expr.h"

struct code_info {
	const char *name;
	uint8_t min, max;
};

static const struct code_info code_table[256] = {
#define BCF_X_INFO(n, c, s, lo, hi) [c] = { s, lo, hi },
	BCF_EXPR_CODES(BCF_X_INFO)
#undef BCF_X_INFO
};

const char *bcf_code__name(uint8_t code)
{
	return code_table[code].name;
}

bool bcf_code__arity(uint8_t code, unsigned *min, unsigned *max)
{
	if (!code_table[code].name)
		return false;
	if (min)
		*min = code_table[code].min;
	if (max)
		*max = code_table[code].max;
	return true;
}

unsigned bcf_expr__width(const struct bcf_expr *e)
{
	switch (e->code) {
	case BCF_BV_EXTRACT:
		/* start - end + 1, truncated to 8 bits like the kernel */
		return (uint8_t)(BCF_EXPR_HIGH(e->params) - BCF_EXPR_LOW(e->params) + 1);
	case BCF_BV_FROM_BOOL:
		return e->vlen;
	default:
		return BCF_EXPR_LOW(e->params);
	}
}

uint64_t bcf_expr__bv_value(const struct bcf_expr *e)
{
	uint64_t v = 0;

	if (e->vlen >= 1)
		v = e->args[0];
	if (e->vlen >= 2)
		v |= (uint64_t)e->args[1] << 32;
	return v;
}
