// SPDX-License-Identifier: MIT
/*
 * bcf print FILE: a readable dump of a condition buffer or a proof file
 * (told apart by the proof magic in the first word).  Expressions print in
 * the kernel checker's format (spec/format.md 6) one level deep, with their
 * ids in the file; proof steps print as the kernel's step lines, without
 * conclusions (those need the checker).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "lang/print.h"

#define PRINT_MAX_BYTES ((size_t)1 << 30)

static void print_usage(FILE *f)
{
	fprintf(f, "usage: bcf print FILE\n\n"
		   "Dump a condition buffer or a BCF proof file in readable form: every\n"
		   "expression as 't<id> = <kernel text>' (arguments as @t<id>), then the\n"
		   "path/refine conditions, or the proof's steps as the kernel checker logs them.\n\n"
		   "Exit status: 0 ok, 1 invalid input, 2 usage or I/O error.\n");
}

struct table {
	const uint32_t *w;
	uint32_t n;
	const uint8_t *is_hdr;
};

static const struct bcf_expr *table_lookup(void *p, uint32_t id)
{
	const struct table *t = p;

	if (id >= t->n || !t->is_hdr[id])
		return NULL;
	return (const struct bcf_expr *)&t->w[id];
}

static bool table_is_static(void *p, uint32_t id)
{
	return table_lookup(p, id) != NULL;
}

/* One line per node whose live byte is set (all if live is NULL). */
static int dump_nodes(const struct table *t, const uint8_t *live)
{
	char line[4096];
	uint32_t id;

	for (id = 0; id < t->n; id++) {
		if (!t->is_hdr[id] || (live && !live[id]))
			continue;
		if (bcf__print_kernel_expr(table_lookup, (void *)t, id, 1, line, sizeof(line)) < 0)
			snprintf(line, sizeof(line), "(unprintable)");
		if (printf("t%u = %s\n", id, line) < 0)
			return -EIO;
	}
	return 0;
}

static int print_cond(const char *path, const uint32_t *w, size_t size)
{
	struct bcf_cond *c;
	struct table t;
	uint8_t *is_hdr, *live;
	uint32_t n, root[2], id, i, reach = 0;
	int err;

	err = bcf_cond__decode(w, size, &c);
	if (err) {
		fprintf(stderr, "bcf print: %s: %s\n", path, bcf_last_error());
		return BCF_EXIT_INVALID;
	}
	bcf_cond__free(c);
	n = size / 4 - 2;
	root[0] = w[n];
	root[1] = w[n + 1];
	is_hdr = calloc(n, 1);
	live = calloc(n, 1);
	if (!is_hdr || !live || bcf_table__scan(w, n, is_hdr, NULL, NULL)) {
		free(is_hdr);
		free(live);
		fprintf(stderr, "bcf print: %s: out of memory\n", path);
		return BCF_EXIT_USAGE;
	}
	for (i = 0; i < 2; i++)
		if (root[i] != BCF_COND_NONE)
			live[root[i]] = 1;
	for (id = n; id-- > 0;) {
		const struct bcf_expr *e = (const struct bcf_expr *)&w[id];

		if (!is_hdr[id] || !live[id])
			continue;
		reach++;
		if (e->code == BCF_BV_VAL)
			continue;
		for (i = 0; i < e->vlen; i++)
			live[e->args[i]] = 1;
	}
	t = (struct table){ w, n, is_hdr };
	printf("; condition: %u expression words, %u expressions reachable\n", n, reach);
	err = dump_nodes(&t, live);
	for (i = 0; i < 2 && !err; i++) {
		const char *which = i ? "refine_cond" : "path_cond";

		if (root[i] == BCF_COND_NONE)
			printf("%s = none\n", which);
		else
			printf("%s = t%u\n", which, root[i]);
	}
	free(is_hdr);
	free(live);
	if (err || fflush(stdout)) {
		fprintf(stderr, "bcf print: cannot write to stdout\n");
		return BCF_EXIT_USAGE;
	}
	return BCF_EXIT_OK;
}

#define BAD(...) (fprintf(stderr, "bcf print: %s: ", path), fprintf(stderr, __VA_ARGS__), \
		  fputc('\n', stderr), BCF_EXIT_INVALID)

static int print_proof(const char *path, const uint32_t *w, size_t size)
{
	uint32_t expr_cnt, step_cnt, bad, pos, nsteps = 0;
	const uint32_t *steps;
	uint8_t *is_hdr;
	struct table t;
	const char *why;
	char line[8192];
	int err;

	if (size >= MAX_BCF_PROOF_SIZE)
		return BAD("size %zu bytes is not below the limit of %u bytes", size,
			   MAX_BCF_PROOF_SIZE);
	if (size <= 12)
		return BAD("size %zu bytes leaves no room after the 3-word header", size);
	if (size % 4)
		return BAD("size %zu bytes is not a multiple of 4 (trailing bytes at offset %zu)",
			   size, size & ~(size_t)3);
	expr_cnt = w[1];
	step_cnt = w[2];
	if (!expr_cnt)
		return BAD("word 1: expr_cnt is 0");
	if (step_cnt <= 1)
		return BAD("word 2: step_cnt is %u (must be at least 2)", step_cnt);
	if (12 + 4 * (uint64_t)expr_cnt + 4 * (uint64_t)step_cnt != size)
		return BAD("header says %u expression words and %u step words (%llu bytes) "
			   "but the file has %zu bytes", expr_cnt, step_cnt,
			   12 + 4 * (unsigned long long)expr_cnt + 4 * (unsigned long long)step_cnt,
			   size);
	is_hdr = calloc(expr_cnt, 1);
	if (!is_hdr) {
		fprintf(stderr, "bcf print: %s: out of memory\n", path);
		return BCF_EXIT_USAGE;
	}
	err = bcf_table__scan(w + 3, expr_cnt, is_hdr, &bad, &why);
	if (err) {
		free(is_hdr);
		return BAD("expression %u (file word %u): %s", bad, bad + 3, why);
	}
	steps = w + 3 + expr_cnt;
	for (pos = 0; pos < step_cnt; nsteps++) {
		const struct bcf_proof_step *s = (const void *)&steps[pos];
		uint64_t end = (uint64_t)pos + 1 + s->premise_cnt + s->param_cnt;

		if (end > step_cnt) {
			free(is_hdr);
			return BAD("step %u (step word %u, file word %llu) does not fit: it needs "
				   "%u words, %u remain", nsteps, pos,
				   3 + (unsigned long long)expr_cnt + pos,
				   1 + s->premise_cnt + s->param_cnt, step_cnt - pos);
		}
		pos = end;
	}
	t = (struct table){ w + 3, expr_cnt, is_hdr };
	printf("; proof: expr_cnt %u words, step_cnt %u words, %u steps\n", expr_cnt, step_cnt,
	       nsteps);
	printf("; expressions\n");
	err = dump_nodes(&t, NULL);
	if (!err)
		printf("; steps\n");
	for (pos = 0, nsteps = 0; pos < step_cnt && !err; nsteps++) {
		const struct bcf_proof_step *s = (const void *)&steps[pos];

		if (bcf__print_kernel_step(table_lookup, table_is_static, &t, nsteps, s, UINT32_MAX,
					   line, sizeof(line)) < 0)
			snprintf(line, sizeof(line), "(#%u unprintable)", nsteps);
		if (printf("%s\n", line) < 0)
			err = -EIO;
		pos += 1 + s->premise_cnt + s->param_cnt;
	}
	free(is_hdr);
	if (err || fflush(stdout)) {
		fprintf(stderr, "bcf print: cannot write to stdout\n");
		return BCF_EXIT_USAGE;
	}
	return BCF_EXIT_OK;
}

int cmd_print(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	size_t len;
	char *buf;
	int ch, rc, err;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "h", lo)) != -1) {
		if (ch == 'h') {
			print_usage(stdout);
			return BCF_EXIT_OK;
		}
		print_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	if (argc - optind > 1) {
		fprintf(stderr, "bcf print: more than one file\n");
		print_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	path = optind < argc ? argv[optind] : NULL;
	if (!path) {
		print_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	err = bcf__file_read(path, PRINT_MAX_BYTES, &buf, &len);
	if (err) {
		fprintf(stderr, "bcf print: %s: %s\n", path, strerror(-err));
		return BCF_EXIT_USAGE;
	}
	/* bcf__file_read's buffer comes from malloc: aligned for u32 reads */
	if (len >= 4 && ((const uint32_t *)buf)[0] == BCF_MAGIC)
		rc = print_proof(path, (const uint32_t *)buf, len);
	else
		rc = print_cond(path, (const uint32_t *)buf, len);
	free(buf);
	return rc;
}
