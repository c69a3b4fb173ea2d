// SPDX-License-Identifier: MIT
/* Reading opts structs and preparing result structs that carry their size. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "lang/error.h"
#include "lang/opts.h"

int bcf__opts_read(const void *opts, size_t known, void *out, size_t out_sz, const char *func,
		   const char *type)
{
	const uint8_t *p = opts;
	size_t sz, i;

	memset(out, 0, out_sz);
	*(size_t *)out = out_sz;
	if (!opts)
		return 0;
	memcpy(&sz, opts, sizeof(sz));
	if (sz < sizeof(size_t))
		return bcf__err(-EINVAL, "%s: struct %s: sz %zu does not cover the sz field",
				func, type, sz);
	for (i = known; i < sz; i++)
		if (p[i])
			return bcf__err(-EINVAL, "%s: struct %s: byte %zu is non-zero, past the "
					"%zu bytes this libbcf knows (sz %zu)", func, type, i,
					known, sz);
	memcpy(out, opts, sz < known ? sz : known);
	*(size_t *)out = out_sz;
	return 0;
}

int bcf__result_init(void *res, size_t known, const char *func, const char *type)
{
	size_t sz;

	if (!res)
		return bcf__err(-EINVAL, "%s: no struct %s", func, type);
	memcpy(&sz, res, sizeof(sz));
	if (sz < known)
		return bcf__err(-EINVAL, "%s: struct %s: sz %zu is smaller than its %zu bytes "
				"(declare it with BCF_OPTS)", func, type, sz, known);
	memset((uint8_t *)res + sizeof(size_t), 0, sz - sizeof(size_t));
	return 0;
}
