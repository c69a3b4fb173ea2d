// SPDX-License-Identifier: MIT
/*
 * Rule tables: one entry per rule, generated from the X-macros of
 * include/bcf/uapi.h.  Rule functions live in one file per family
 * (checker/rules_core*.c, checker/rules_bool*.c; BV: bitblast.c, poly_norm.c).
 * Every family exists now, so the references are strong: weak references
 * do not pull the rule objects out of a static libbcf.a (--disable-shared,
 * as the sanitizer CI build uses), which left every rule NULL there.
 */
#include "checker/checker.h"

#define CKR_EXTERN_RULE(name, id)                                                        \
	extern int rule_##name(struct bcf_checker *c, const uint32_t *prem, unsigned np, \
			       const uint32_t *params, unsigned nparams, uint32_t *concl);
BCF_CORE_RULES(CKR_EXTERN_RULE)
BCF_BOOL_RULES(CKR_EXTERN_RULE)
BCF_BV_RULES(CKR_EXTERN_RULE)
#undef CKR_EXTERN_RULE


#define CKR_ENTRY(name, id) [id] = rule_##name,
static const ckr_rule_fn core_rules[__MAX_BCF_CORE_RULES] = { BCF_CORE_RULES(CKR_ENTRY) };
static const ckr_rule_fn bool_rules[__MAX_BCF_BOOL_RULES] = { BCF_BOOL_RULES(CKR_ENTRY) };
static const ckr_rule_fn bv_rules[__MAX_BCF_BV_RULES] = { BCF_BV_RULES(CKR_ENTRY) };
#undef CKR_ENTRY

static const ckr_rule_fn *entry(uint16_t rule)
{
	unsigned id = rule & BCF_RULE_ID_MASK;

	switch (rule & BCF_RULE_CLASS_MASK) {
	case BCF_RULE_CORE:
		return id && id < __MAX_BCF_CORE_RULES ? &core_rules[id] : NULL;
	case BCF_RULE_BOOL:
		return id && id < __MAX_BCF_BOOL_RULES ? &bool_rules[id] : NULL;
	case BCF_RULE_BV:
		return id && id < __MAX_BCF_BV_RULES ? &bv_rules[id] : NULL;
	default:
		return NULL;
	}
}

ckr_rule_fn ckr_rule_lookup(uint16_t rule)
{
	const ckr_rule_fn *e = entry(rule);

	return e ? *e : NULL;
}
