/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the checker's tests and benchmark over the shared vectors:
 * read manifest.tsv and load each included proof with the refine_cond of
 * its condition buffer as the goal.
 */
#ifndef BCF_TESTS_CHECK_VECTORS_H
#define BCF_TESTS_CHECK_VECTORS_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include "tests/read_file.h"

struct cv_case {
	char name[128];
	char verdict[32];  /* upstream_verdict: accept, reject:EINVAL, ... */
	char status[16];   /* unsat / sat */
	int expect;        /* 0 or the expected negative errno (0 class "reject" = -1) */
	void *proof;
	size_t proof_len;
	struct bcf_cond *cond;
	const uint32_t *goal_words;
	uint32_t nwords, goal;
};

struct cv_set {
	struct cv_case *c;
	size_t n;
};

static inline int cv_expect(const char *verdict)
{
	if (!strcmp(verdict, "accept"))
		return 0;
	if (!strcmp(verdict, "reject:EINVAL"))
		return -EINVAL;
	if (!strcmp(verdict, "reject:EOPNOTSUPP"))
		return -EOPNOTSUPP;
	return -1; /* some rejection */
}

static inline void cv_free(struct cv_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->c[i].proof);
		bcf_cond__free(s->c[i].cond);
	}
	free(s->c);
	s->c = NULL;
	s->n = 0;
}

/*
 * Load every proof_included=yes row of dir/manifest.tsv (dir = the vectors
 * directory).  Returns 0, or -1 if the manifest cannot be read; rows whose
 * files are missing or whose condition does not decode are reported on
 * stderr and skipped (*bad counts them).
 */
static inline int cv_load(const char *dir, struct cv_set *s, unsigned *bad)
{
	char path[8448], line[1024];
	size_t cap = 0;
	FILE *f;

	s->c = NULL;
	s->n = 0;
	*bad = 0;
	snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *fields[6] = { 0 }, *p = line, *save = NULL;
		struct cv_case *c;
		size_t len;
		void *buf;
		int nf = 0;

		line[strcspn(line, "\n")] = '\0';
		for (p = strtok_r(line, "\t", &save); p && nf < 6; p = strtok_r(NULL, "\t", &save))
			fields[nf++] = p;
		if (nf < 5 || !strcmp(fields[0], "name") || strcmp(fields[3], "yes"))
			continue;
		if (s->n == cap) {
			cap = cap ? 2 * cap : 1024;
			s->c = realloc(s->c, cap * sizeof(*s->c));
			if (!s->c)
				abort();
		}
		c = &s->c[s->n];
		memset(c, 0, sizeof(*c));
		snprintf(c->name, sizeof(c->name), "%s", fields[0]);
		snprintf(c->verdict, sizeof(c->verdict), "%s", fields[2]);
		snprintf(c->status, sizeof(c->status), "%s", fields[4]);
		c->expect = cv_expect(c->verdict);
		snprintf(path, sizeof(path), "%s/proofs/%s.bcf", dir, c->name);
		c->proof = test_read_file(path, &c->proof_len);
		snprintf(path, sizeof(path), "%s/conds/%s.cond", dir, c->name);
		buf = test_read_file(path, &len);
		if (!c->proof || !buf || bcf_cond__decode(buf, len, &c->cond) ||
		    c->cond->refine_cond == BCF_COND_NONE) {
			fprintf(stderr, "%s: cannot load proof or condition\n", c->name);
			free(c->proof);
			bcf_cond__free(c->cond);
			free(buf);
			(*bad)++;
			continue;
		}
		free(buf);
		c->goal_words = bcf_arena__words(c->cond->arena, &c->nwords);
		c->goal = c->cond->refine_cond;
		s->n++;
	}
	fclose(f);
	return 0;
}

/* Check one case: the errno (0 = accepted). */
static inline int cv_check(const struct cv_case *c, const void *proof, size_t len,
			   enum bcf_check_mode mode, struct bcf_check_stats *stats)
{
	BCF_OPTS(bcf_check_opts, opts, .mode = mode, .stats = stats);

	return bcf_check_proof(c->goal_words, c->nwords, c->goal, proof, len, &opts);
}

static inline const char *cv_errno_name(int err)
{
	switch (-err) {
	case 0: return "OK";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOMEM: return "ENOMEM";
	case E2BIG: return "E2BIG";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	default: return "E?";
	}
}

#endif
