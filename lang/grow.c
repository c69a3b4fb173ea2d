// SPDX-License-Identifier: MIT
/* Growing arrays (lang/grow.h). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang/grow.h"

int bcf__grow(void **p, size_t *cap, size_t need, size_t elem)
{
	return bcf__grow_from(p, cap, need, elem, 256);
}

int bcf__grow_from(void **p, size_t *cap, size_t need, size_t elem, size_t first)
{
	return bcf__grow_max(p, cap, need, elem, first, SIZE_MAX);
}

int bcf__grow_max(void **p, size_t *cap, size_t need, size_t elem, size_t first, size_t max)
{
	size_t c = *cap ? *cap : first ? first : 1;
	void *n;

	if (need <= *cap)
		return 0;
	if (!elem)
		return -EINVAL;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			return -ENOMEM;
		c *= 2;
	}
	if (c > SIZE_MAX / elem)
		return -ENOMEM;
	if (c > max)
		return -E2BIG;
	n = realloc(*p, c * elem);
	if (!n)
		return -ENOMEM;
	memset((char *)n + *cap * elem, 0, (c - *cap) * elem);
	*p = n;
	*cap = c;
	return 0;
}
