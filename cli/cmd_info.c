// SPDX-License-Identifier: MIT
/*
 * bcf info COND [--json]: size and shape of a condition: expressions
 * (nodes, words) after dropping unused ones, variables with their widths,
 * operator counts, DAG depth of each condition, which conditions exist.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "lang/arena.h"

static void info_usage(FILE *f)
{
	fprintf(f, "usage: bcf info COND [--json]\n\n"
		   "Describe the condition buffer COND: number of expressions (nodes and words,\n"
		   "unused expressions dropped), variables with widths, operator counts, DAG\n"
		   "depth of each condition, and which of path_cond / refine_cond are present.\n\n"
		   "Exit status: 0 ok, 1 invalid condition, 2 usage or I/O error.\n");
}

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = *s;

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20 || ch == 0x7f)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static const char *var_name(const struct bcf_arena *a, uint32_t id, char *buf, size_t size)
{
	const char *n = bcf_arena__var_name(a, id);

	if (n)
		return n;
	snprintf(buf, size, "%c%u", bcf_is_bv(arena_expr(a, id)) ? 'v' : 'b', id);
	return buf;
}

enum { OPT_JSON = 256 };

int cmd_info(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	uint32_t counts[256] = { 0 }, *depth, id, i, nvars = 0, d[2] = { 0, 0 };
	const struct bcf_arena *a;
	struct bcf_cond *c;
	bool json = false, first;
	int rc, ch;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "h", lo)) != -1) {
		switch (ch) {
		case 'h':
			info_usage(stdout);
			return BCF_EXIT_OK;
		case OPT_JSON:
			json = true;
			break;
		default:
			info_usage(stderr);
			return BCF_EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "bcf info: more than one condition file\n");
		info_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	path = optind < argc ? argv[optind] : NULL;
	if (!path) {
		info_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	rc = cli_load_cond(path, &c);
	if (rc)
		return rc;
	a = c->arena;
	depth = calloc(a->len ? a->len : 1, sizeof(*depth));
	if (!depth) {
		bcf_cond__free(c);
		fprintf(stderr, "bcf info: out of memory\n");
		return BCF_EXIT_USAGE;
	}
	/* ids ascend with arguments first, so one forward pass gives the depths */
	for (id = 0; id < a->len; id++) {
		const struct bcf_expr *e = arena_expr(a, id);
		uint32_t m = 0;

		if (!a->is_hdr[id])
			continue;
		counts[e->code]++;
		if (bcf_is_var(e))
			nvars++;
		if (!bcf_is_leaf(e))
			for (i = 0; i < e->vlen; i++)
				if (depth[e->args[i]] > m)
					m = depth[e->args[i]];
		depth[id] = m + 1;
	}
	if (c->path_cond != BCF_COND_NONE)
		d[0] = depth[c->path_cond];
	if (c->refine_cond != BCF_COND_NONE)
		d[1] = depth[c->refine_cond];
	if (json) {
		printf("{\"nodes\":%u,\"words\":%u,\"variables\":[", a->nnodes, a->len);
		for (id = 0, first = true; id < a->len; id++) {
			char buf[24];

			if (!a->is_hdr[id] || !bcf_is_var(arena_expr(a, id)))
				continue;
			printf("%s{\"id\":%u,\"name\":", first ? "" : ",", id);
			json_str(var_name(a, id, buf, sizeof(buf)));
			if (bcf_is_bv(arena_expr(a, id)))
				printf(",\"type\":\"bv\",\"width\":%u}", bcf_expr__width(arena_expr(a, id)));
			else
				printf(",\"type\":\"bool\"}");
			first = false;
		}
		printf("],\"ops\":{");
		for (i = 0, first = true; i < 256; i++) {
			if (!counts[i])
				continue;
			printf("%s\"%s\":%u", first ? "" : ",", bcf_code__name(i), counts[i]);
			first = false;
		}
		printf("},\"depth\":%u", d[0] > d[1] ? d[0] : d[1]);
		printf(",\"path_cond\":%s", c->path_cond != BCF_COND_NONE ? "true" : "false");
		printf(",\"refine_cond\":%s", c->refine_cond != BCF_COND_NONE ? "true" : "false");
		printf(",\"path_depth\":%u,\"refine_depth\":%u}\n", d[0], d[1]);
	} else {
		printf("expressions: %u nodes, %u words\n", a->nnodes, a->len);
		printf("variables: %u\n", nvars);
		for (id = 0; id < a->len; id++) {
			char buf[24];

			if (!a->is_hdr[id] || !bcf_is_var(arena_expr(a, id)))
				continue;
			if (bcf_is_bv(arena_expr(a, id)))
				printf("  %s: bv %u\n", var_name(a, id, buf, sizeof(buf)),
				       bcf_expr__width(arena_expr(a, id)));
			else
				printf("  %s: bool\n", var_name(a, id, buf, sizeof(buf)));
		}
		printf("operators:\n");
		for (i = 0; i < 256; i++)
			if (counts[i])
				printf("  %-16s %u\n", bcf_code__name(i), counts[i]);
		printf("depth: %u\n", d[0] > d[1] ? d[0] : d[1]);
		if (c->path_cond != BCF_COND_NONE)
			printf("path_cond: present (depth %u)\n", d[0]);
		else
			printf("path_cond: absent\n");
		if (c->refine_cond != BCF_COND_NONE)
			printf("refine_cond: present (depth %u)\n", d[1]);
		else
			printf("refine_cond: absent\n");
	}
	free(depth);
	bcf_cond__free(c);
	if (fflush(stdout)) {
		fprintf(stderr, "bcf info: cannot write to stdout\n");
		return BCF_EXIT_USAGE;
	}
	return BCF_EXIT_OK;
}
