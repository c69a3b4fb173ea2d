// SPDX-License-Identifier: MIT
/* lang/grow.h: the growth helper every growing array goes through. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "lang/grow.h"
#include "tests/tap.h"

static int all_zero(const unsigned char *p, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (p[i])
			return 0;
	return 1;
}

int main(void)
{
	unsigned char *b = NULL;
	uint32_t *w = NULL;
	size_t cap = 0, wcap = 0;
	void *before;

	ok(bcf__grow_from((void **)&b, &cap, 1, 1, 16) == 0 && b && cap == 16,
	   "first growth allocates the first capacity (16)");
	ok(all_zero(b, 0, cap), "new elements are zeroed");
	b[0] = 7;
	b[15] = 9;
	before = b;
	ok(bcf__grow_from((void **)&b, &cap, 16, 1, 16) == 0 && b == before && cap == 16,
	   "a need within the capacity changes nothing");
	ok(bcf__grow_from((void **)&b, &cap, 17, 1, 16) == 0 && cap == 32,
	   "one element more doubles the capacity");
	ok(b[0] == 7 && b[15] == 9 && all_zero(b, 16, 32), "old elements kept, new ones zeroed");
	ok(bcf__grow_from((void **)&b, &cap, 200, 1, 16) == 0 && cap == 256,
	   "a large need doubles until it fits (200 -> 256)");

	ok(bcf__grow((void **)&w, &wcap, 3, sizeof(*w)) == 0 && wcap == 256,
	   "bcf__grow starts at 256 elements");
	w[255] = 0xffffffffu;
	ok(bcf__grow((void **)&w, &wcap, 257, sizeof(*w)) == 0 && wcap == 512 &&
		   w[255] == 0xffffffffu && w[256] == 0 && w[511] == 0,
	   "elements wider than a byte are kept and zeroed by element");

	before = w;
	ok(bcf__grow((void **)&w, &wcap, SIZE_MAX / 2, sizeof(*w)) == -ENOMEM && w == before &&
		   wcap == 512,
	   "a byte size that overflows is -ENOMEM, array unchanged");

	ok(bcf__grow_max((void **)&b, &cap, 300, 1, 16, 512) == 0 && cap == 512,
	   "bcf__grow_max grows up to its bound (512)");
	before = b;
	ok(bcf__grow_max((void **)&b, &cap, 513, 1, 16, 512) == -E2BIG && b == before && cap == 512,
	   "bcf__grow_max: past the bound is -E2BIG, array unchanged");
	ok(bcf__grow_max((void **)&b, &cap, 512, 1, 16, 512) == 0 && cap == 512,
	   "bcf__grow_max: a need within the capacity is fine at the bound");
	free(b);
	free(w);
	return done_testing();
}
