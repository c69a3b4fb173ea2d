/* SPDX-License-Identifier: MIT */
/*
 * Versioned structs of the API (see "Versioned structs" in bcf/bcf.h): the
 * one place that reads a caller's opts struct or prepares a caller's result
 * struct.  Every struct declares TYPE__last_field, the last field this
 * library knows; BCF__KNOWN_SZ is the byte size up to its end.
 */
#ifndef BCF_LANG_OPTS_H
#define BCF_LANG_OPTS_H

#include <stddef.h>

#define bcf__offsetofend(TYPE, FIELD) (offsetof(TYPE, FIELD) + sizeof(((TYPE *)0)->FIELD))
#define BCF__KNOWN_SZ(TYPE) bcf__offsetofend(struct TYPE, TYPE##__last_field)

/*
 * Copy the caller's opts (NULL: none) into *out (out_sz bytes), which is
 * zeroed first and gets sz = out_sz: fields the caller's struct lacks read
 * as 0.  -EINVAL (last error naming func) if opts->sz does not cover the
 * sz field, or if a byte between the known bytes and opts->sz is non-zero.
 */
int bcf__opts_read(const void *opts, size_t known, void *out, size_t out_sz, const char *func,
		   const char *type);
#define bcf__opts_get(TYPE, opts, out)                                                 \
	bcf__opts_read(opts, BCF__KNOWN_SZ(TYPE), out, sizeof(*(out)), __func__, #TYPE)

/*
 * Prepare the caller's result struct res: -EINVAL (nothing written) if
 * res->sz is smaller than the known bytes; else zero res up to res->sz,
 * keeping sz.
 */
int bcf__result_init(void *res, size_t known, const char *func, const char *type);
#define bcf__result_prepare(TYPE, res) \
	bcf__result_init(res, BCF__KNOWN_SZ(TYPE), __func__, #TYPE)

#endif
