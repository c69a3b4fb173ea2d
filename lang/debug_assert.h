/* SPDX-License-Identifier: MIT */
/*
 * Invariant checks: BCF_ASSERT(cond) is assert(cond) in a build configured
 * with --enable-asserts (CI's sanitizer build) and compiles to nothing
 * otherwise (the condition is type-checked but never evaluated, so it may
 * be as expensive as it needs to be).  BCF_ASSERTS_ON tells code whether to
 * run whole-structure checks at all.
 */
#ifndef BCF_LANG_DEBUG_ASSERT_H
#define BCF_LANG_DEBUG_ASSERT_H

#include "config.h"

#ifdef BCF_ENABLE_ASSERTS
#undef NDEBUG
#include <assert.h>
#define BCF_ASSERTS_ON 1
#define BCF_ASSERT(cond) assert(cond)
#else
#define BCF_ASSERTS_ON 0
#define BCF_ASSERT(cond) ((void)sizeof(!(cond)))
#endif

#endif
