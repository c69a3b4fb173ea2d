// SPDX-License-Identifier: MIT
/* bcf smt COND [--path]: a condition as an SMT-LIB QF_BV script on stdout. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"

static void smt_usage(FILE *f)
{
	fprintf(f, "usage: bcf smt COND [--path]\n\n"
		   "Print the refine condition of the condition buffer COND (or, with --path,\n"
		   "its path condition) as an SMT-LIB QF_BV script on stdout.\n\n"
		   "Exit status: 0 ok, 1 invalid condition or the condition is absent,\n"
		   "2 usage or I/O error.\n");
}

enum { OPT_PATH = 256 };

int cmd_smt(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "path", no_argument, NULL, OPT_PATH },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	struct bcf_cond *c;
	bool want_path = false;
	uint32_t root;
	char *text;
	int ch, rc, err;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "h", lo)) != -1) {
		switch (ch) {
		case 'h':
			smt_usage(stdout);
			return BCF_EXIT_OK;
		case OPT_PATH:
			want_path = true;
			break;
		default:
			smt_usage(stderr);
			return BCF_EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "bcf smt: more than one condition file\n");
		smt_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	path = optind < argc ? argv[optind] : NULL;
	if (!path) {
		smt_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	rc = cli_load_cond(path, &c);
	if (rc)
		return rc;
	root = want_path ? c->path_cond : c->refine_cond;
	if (root == BCF_COND_NONE) {
		fprintf(stderr, "bcf smt: %s: %s is absent (-1)\n", path,
			want_path ? "path_cond" : "refine_cond");
		bcf_cond__free(c);
		return BCF_EXIT_INVALID;
	}
	err = bcf_print__smt2(c->arena, root, &text);
	bcf_cond__free(c);
	if (err) {
		fprintf(stderr, "bcf smt: %s: %s\n", path,
			*bcf_last_error() ? bcf_last_error() : strerror(-err));
		return BCF_EXIT_INVALID;
	}
	rc = bcf__file_write("-", text, strlen(text)) ? BCF_EXIT_USAGE : BCF_EXIT_OK;
	if (rc)
		fprintf(stderr, "bcf smt: cannot write to stdout\n");
	free(text);
	return rc;
}
