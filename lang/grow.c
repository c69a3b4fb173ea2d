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
	size_t c = *cap ? *cap : first ? first : 1;
	void *n;

	if (need <= *cap)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			return -ENOMEM;
		c *= 2;
	}
	n = realloc(*p, c * elem);
	if (!n)
		return -ENOMEM;
	memset((char *)n + *cap * elem, 0, (c - *cap) * elem);
	*p = n;
	*cap = c;
	return 0;
}
