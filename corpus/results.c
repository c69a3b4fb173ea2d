// SPDX-License-Identifier: MIT
/* Loading, de-duplicating and merging results files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/results.h"
#include "lang/fileio.h"
#include "lang/error.h"
#include "lang/grow.h"

int results_load(const char *path, struct result_set *rs)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f)
		return bcf__err(-errno, "%s: %s", path, strerror(errno));
	while ((n = getline(&line, &cap, f)) >= 0) {
		struct json_obj *j;

		if (n == 0 || line[n - 1] != '\n') {
			if (n)
				rs->bad++; /* torn tail */
			continue;
		}
		line[n - 1] = '\0';
		j = json_parse(line, NULL);
		if (!j || !json_get(j, "name")) {
			json_free(j);
			rs->bad++;
			continue;
		}
		if (rs->n == rs->cap) {
			/* the two arrays share one capacity (same start, same need) */
			size_t vc = rs->cap, lc = rs->cap;

			if (bcf__grow((void **)&rs->v, &vc, rs->n + 1, sizeof(*rs->v)) ||
			    bcf__grow((void **)&rs->lines, &lc, rs->n + 1, sizeof(*rs->lines))) {
				json_free(j);
				fclose(f);
				free(line);
				return -ENOMEM;
			}
			rs->cap = vc;
		}
		rs->v[rs->n] = j;
		rs->lines[rs->n] = strdup(line);
		rs->n++;
	}
	free(line);
	fclose(f);
	return 0;
}

void results_free(struct result_set *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		json_free(rs->v[i]);
		free(rs->lines[i]);
	}
	free(rs->v);
	free(rs->lines);
	memset(rs, 0, sizeof(*rs));
}

struct pair {
	struct json_obj *j;
	char *line;
	size_t order;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(json_str(x->j, "name"), json_str(y->j, "name"));

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

size_t results_dedup(struct result_set *rs, FILE *warn)
{
	struct pair *p = malloc((rs->n ? rs->n : 1) * sizeof(*p));
	size_t i, j = 0, dropped = 0;

	if (!p)
		return 0;
	for (i = 0; i < rs->n; i++)
		p[i] = (struct pair){ rs->v[i], rs->lines[i], i };
	qsort(p, rs->n, sizeof(*p), cmp_pair);
	for (i = 0; i < rs->n; i++) {
		if (j && !strcmp(json_str(p[i].j, "name"), json_str(rs->v[j - 1], "name"))) {
			if (warn && strcmp(json_str(p[i].j, "status"), json_str(rs->v[j - 1], "status")))
				fprintf(warn, "bcf: '%s' appears twice with different statuses (%s, %s); "
					"keeping the first\n", json_str(p[i].j, "name"),
					json_str(rs->v[j - 1], "status"), json_str(p[i].j, "status"));
			json_free(p[i].j);
			free(p[i].line);
			dropped++;
			continue;
		}
		rs->v[j] = p[i].j;
		rs->lines[j] = p[i].line;
		j++;
	}
	rs->n = j;
	free(p);
	return dropped;
}

int results_merge(char *const *in, int n, const char *out, FILE *log)
{
	struct result_set rs = { 0 };
	size_t i, dropped, total = 0;
	char *buf = NULL;
	int k, err = 0;

	for (k = 0; k < n && !err; k++)
		err = results_load(in[k], &rs);
	if (err)
		goto out;
	dropped = results_dedup(&rs, log);
	for (i = 0; i < rs.n; i++)
		total += strlen(rs.lines[i]) + 1;
	buf = malloc(total + 1);
	if (!buf) {
		err = -ENOMEM;
		goto out;
	}
	total = 0;
	for (i = 0; i < rs.n; i++) {
		size_t l = strlen(rs.lines[i]);

		memcpy(buf + total, rs.lines[i], l);
		buf[total + l] = '\n';
		total += l + 1;
	}
	err = bcf__file_write(out, buf, total);
	if (err)
		err = bcf__err(err, "%s: %s", out, strerror(-err));
	else if (log)
		fprintf(log, "merged %d files: %zu results, %zu duplicates dropped, %zu malformed "
			"lines skipped\n", n, rs.n, dropped, rs.bad);
out:
	free(buf);
	results_free(&rs);
	return err;
}
