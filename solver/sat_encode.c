// SPDX-License-Identifier: MIT
/*
 * BCF parameter words of walked SAT steps (solver/sat.h; spec
 * rules-bool.md 3.1 RESOLUTION, 3.2 FACTORING).
 */
#include "solver/sat_int.h"

int bcf_sat__resolution_params(const struct bcf_sat_step *st, const uint32_t *atom,
			       uint32_t *out, unsigned cap)
{
	uint32_t m, w, i;

	if (st->input || st->npremises < 2)
		return -EINVAL;
	m = st->npremises - 1;
	w = (m + 31) / 32;
	if (m > 247 || w + m > cap)
		return -E2BIG;
	memset(out, 0, w * sizeof(*out));
	for (i = 0; i < m; i++) {
		if (!SAT_NEG(st->pivots[i]))
			out[i / 32] |= 1u << (i % 32);
		out[w + i] = atom[SAT_VAR(st->pivots[i])];
	}
	return (int)(w + m);
}

int bcf_sat__factoring_params(const uint32_t *lits, uint32_t n, uint32_t *out, unsigned cap)
{
	uint8_t bytes[4 * 255], done[255] = { 0 };
	uint32_t i, j, nb = 0, words;

	if (n > 255)
		return -E2BIG;
	for (i = 0; i < n; i++) {
		uint32_t len_at, copies = 0;

		if (done[i])
			continue;
		len_at = nb;
		for (j = i + 1; j < n; j++) {
			if (done[j] || lits[j] != lits[i])
				continue;
			if (!copies) {
				if (nb + 2 > sizeof(bytes))
					return -E2BIG;
				bytes[nb++] = 0; /* length, below */
				bytes[nb++] = (uint8_t)i;
			}
			if (nb + 1 > sizeof(bytes))
				return -E2BIG;
			bytes[nb++] = (uint8_t)j;
			done[j] = 1;
			copies++;
		}
		if (copies)
			bytes[len_at] = (uint8_t)(1 + copies);
	}
	if (!nb)
		return 0;
	/* a terminator only if the last word has room; then zero padding */
	while (nb % 4)
		bytes[nb++] = 0;
	words = nb / 4;
	if (words > cap || words > 255)
		return -E2BIG;
	for (i = 0; i < words; i++)
		out[i] = (uint32_t)bytes[4 * i] | (uint32_t)bytes[4 * i + 1] << 8 |
			 (uint32_t)bytes[4 * i + 2] << 16 | (uint32_t)bytes[4 * i + 3] << 24;
	return (int)words;
}
