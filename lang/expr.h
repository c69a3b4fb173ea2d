/* SPDX-License-Identifier: MIT */
/* Small inline helpers over struct bcf_expr shared by every module. */
#ifndef BCF_LANG_EXPR_H
#define BCF_LANG_EXPR_H

#include <bcf/bcf.h>

static inline bool bcf_is_bv(const struct bcf_expr *e) { return BCF_TYPE(e->code) == BCF_BV; }
static inline bool bcf_is_bool(const struct bcf_expr *e) { return BCF_TYPE(e->code) == BCF_BOOL; }
static inline bool bcf_is_list(const struct bcf_expr *e) { return BCF_TYPE(e->code) == BCF_LIST; }
/* Leaves: nodes whose argument words are not ids. */
static inline bool bcf_is_leaf(const struct bcf_expr *e)
{
	return e->vlen == 0 || e->code == BCF_BV_VAL;
}
static inline bool bcf_is_var(const struct bcf_expr *e)
{
	return e->code == BCF_BV_VAR || e->code == BCF_BOOL_VAR;
}
static inline uint64_t bcf_mask(unsigned width)
{
	return width >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << width) - 1);
}
static inline unsigned bcf_val_words(unsigned width) { return (width + 31) / 32; }

#endif
