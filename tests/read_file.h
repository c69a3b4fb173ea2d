/* SPDX-License-Identifier: MIT */
/* Read a whole file for the tests and benchmarks (one reader for all). */
#ifndef BCF_TESTS_READ_FILE_H
#define BCF_TESTS_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file's bytes in a malloc'd buffer followed by four NUL bytes (so text
 * can be used as a string and a buffer of words read past its end safely);
 * *len = its size.  NULL if it cannot be opened or read. */
static inline void *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long sz;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (sz = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc(sz + 4);
		if (buf && fread(buf, 1, sz, f) != (size_t)sz) {
			free(buf);
			buf = NULL;
		}
		if (buf) {
			memset(buf + sz, 0, 4);
			*len = sz;
		}
	}
	fclose(f);
	return buf;
}

#endif
