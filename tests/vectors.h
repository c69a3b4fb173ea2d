/* SPDX-License-Identifier: MIT */
/* Helpers for tests over the shared vectors: list the conditions, read files. */
#ifndef BCF_TESTS_VECTORS_H
#define BCF_TESTS_VECTORS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/tap.h"
#include "tests/read_file.h"

struct vec_list {
	char **names; /* "bench_1006" ... sorted */
	size_t n;
};

static int vec_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names of all conds/NAME.cond, sorted; n = 0 if the directory is missing. */
static inline struct vec_list vec_list_conds(void)
{
	struct vec_list l = { NULL, 0 };
	char dir[4096];
	struct dirent *d;
	size_t cap = 0;
	DIR *dp;

	snprintf(dir, sizeof(dir), "%s/vectors/conds", shared_dir());
	dp = opendir(dir);
	if (!dp)
		return l;
	while ((d = readdir(dp))) {
		size_t len = strlen(d->d_name);

		if (len < 6 || strcmp(d->d_name + len - 5, ".cond"))
			continue;
		if (l.n == cap) {
			cap = cap ? cap * 2 : 256;
			l.names = realloc(l.names, cap * sizeof(*l.names));
			if (!l.names)
				abort();
		}
		l.names[l.n] = strndup(d->d_name, len - 5);
		if (!l.names[l.n])
			abort();
		l.n++;
	}
	closedir(dp);
	qsort(l.names, l.n, sizeof(*l.names), vec_cmp);
	return l;
}

static inline void vec_list_free(struct vec_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
}

/* Read the cond buffer of a vector by name. */
static inline void *vec_read_cond(const char *name, size_t *len)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/vectors/conds/%s.cond", shared_dir(), name);
	return test_read_file(path, len);
}

/* The manifest's status column for name ("unsat"/"sat"), or NULL.  Static storage. */
static inline const char *vec_status(const char *name)
{
	static char *manifest;
	static size_t mlen;
	char path[4096], *p;
	size_t nl = strlen(name);

	if (!manifest) {
		snprintf(path, sizeof(path), "%s/vectors/manifest.tsv", shared_dir());
		manifest = test_read_file(path, &mlen);
		if (!manifest)
			return NULL;
	}
	for (p = manifest; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (!strncmp(p, name, nl) && p[nl] == '\t') {
			/* name proof_bytes upstream_verdict proof_included status ... */
			static char status[16];
			char *q = p;
			int col;

			for (col = 0; col < 4 && q; col++) {
				q = strchr(q, '\t');
				if (q)
					q++;
			}
			if (!q)
				return NULL;
			snprintf(status, sizeof(status), "%.*s", (int)strcspn(q, "\t\n"), q);
			return status;
		}
	}
	return NULL;
}

#endif
