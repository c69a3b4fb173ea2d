// SPDX-License-Identifier: MIT
/*
 * Rule names, generated once from the X-macros of include/bcf/uapi.h. They
 * live in lang/ because the printers (kernel log format) need them and sit
 * below the checker; the checker's dispatch table only adds the functions.
 */
#include <bcf/bcf.h>
#include <bcf/uapi.h>

#define RULE_NAME(name, id) [id] = #name,
static const char *const core_names[__MAX_BCF_CORE_RULES] = { BCF_CORE_RULES(RULE_NAME) };
static const char *const bool_names[__MAX_BCF_BOOL_RULES] = { BCF_BOOL_RULES(RULE_NAME) };
static const char *const bv_names[__MAX_BCF_BV_RULES] = { BCF_BV_RULES(RULE_NAME) };
#undef RULE_NAME

const char *bcf_rule__name(uint16_t rule)
{
	unsigned id = rule & BCF_RULE_ID_MASK;

	switch (rule & BCF_RULE_CLASS_MASK) {
	case BCF_RULE_CORE:
		return id && id < __MAX_BCF_CORE_RULES ? core_names[id] : NULL;
	case BCF_RULE_BOOL:
		return id && id < __MAX_BCF_BOOL_RULES ? bool_names[id] : NULL;
	case BCF_RULE_BV:
		return id && id < __MAX_BCF_BV_RULES ? bv_names[id] : NULL;
	default:
		return NULL;
	}
}

const char *bcf_rule__display_name(uint16_t rule)
{
	const char *name = bcf_rule__name(rule);

	if (name)
		return name;
	switch (rule & BCF_RULE_CLASS_MASK) {
	case BCF_RULE_CORE:
		return "unknown core rule";
	case BCF_RULE_BOOL:
		return "unknown bool rule";
	case BCF_RULE_BV:
		return "unknown bv rule";
	default:
		return "unknown rule";
	}
}

uint32_t bcf_rule_counts__get(const struct bcf_rule_counts *c, uint16_t rule)
{
	unsigned cls = (rule & BCF_RULE_CLASS_MASK) >> 13, id = rule & BCF_RULE_ID_MASK;

	if (!c || cls >= sizeof(c->n) / sizeof(c->n[0]) || id >= sizeof(c->n[0]) / sizeof(c->n[0][0]))
		return 0;
	return c->n[cls][id];
}
