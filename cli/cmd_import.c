// SPDX-License-Identifier: MIT
/* bcf import FILE.smt2 -o OUT.cond: an SMT-LIB QF_BV script as a condition buffer. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"

#define IMPORT_MAX_INPUT ((size_t)256 << 20)

static void import_usage(FILE *f)
{
	fprintf(f, "usage: bcf import FILE.smt2 -o OUT.cond\n\n"
		   "Read an SMT-LIB QF_BV script (FILE '-' = stdin) and write the conjunction\n"
		   "of its assertions as the refine condition of a kernel condition buffer\n"
		   "(no path condition).  OUT '-' = stdout.  Quantifiers, arrays, other\n"
		   "logics, push/pop, define-fun with parameters and bit-vectors wider than\n"
		   "255 bits are rejected with FILE:LINE:COL: MESSAGE.\n\n"
		   "Exit status: 0 ok, 1 invalid input, 2 usage or I/O error.\n");
}

int cmd_import(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *in = NULL, *out = NULL, *name;
	struct bcf_cond *c = NULL;
	void *buf = NULL;
	char *text = NULL;
	size_t len, size;
	int ch, err, rc;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "ho:", lo)) != -1) {
		switch (ch) {
		case 'h':
			import_usage(stdout);
			return BCF_EXIT_OK;
		case 'o':
			if (!out) {
				out = optarg;
				break;
			}
			fprintf(stderr, "bcf import: -o needs one output file\n");
			/* fall through */
		default:
			import_usage(stderr);
			return BCF_EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "bcf import: more than one input file\n");
		import_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	in = optind < argc ? argv[optind] : NULL;
	if (!in || !out) {
		fprintf(stderr, "bcf import: %s\n", !in ? "no input file" : "no output file (-o)");
		import_usage(stderr);
		return BCF_EXIT_USAGE;
	}
	name = strcmp(in, "-") ? in : "<stdin>";
	err = bcf__file_read(in, IMPORT_MAX_INPUT, &text, &len);
	if (err) {
		fprintf(stderr, "bcf import: %s: %s\n", name,
			err == -EFBIG ? "larger than 256 MiB" : strerror(-err));
		return BCF_EXIT_USAGE;
	}
	err = bcf_smt2__parse(text, len, name, &c);
	free(text);
	if (err) {
		if (err == -ENOMEM)
			fprintf(stderr, "bcf import: %s: out of memory\n", name);
		else
			fprintf(stderr, "%s\n", bcf_last_error());
		return err == -ENOMEM ? BCF_EXIT_USAGE : BCF_EXIT_INVALID;
	}
	err = bcf_cond__encode(c, &buf, &size);
	bcf_cond__free(c);
	if (err) {
		fprintf(stderr, "bcf import: %s: %s\n", name, strerror(-err));
		return BCF_EXIT_USAGE;
	}
	err = bcf__file_write(out, buf, size);
	free(buf);
	rc = BCF_EXIT_OK;
	if (err) {
		fprintf(stderr, "bcf import: %s: %s\n", out, strerror(-err));
		rc = BCF_EXIT_USAGE;
	}
	return rc;
}
