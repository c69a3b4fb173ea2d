// SPDX-License-Identifier: MIT
/* File I/O and small helpers for the bcf subcommands. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"

const char *cli_command = "";

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	char opts[64];
	int ch;

	/* leading ':': a missing argument is ':', not '?'; no message from getopt */
	snprintf(opts, sizeof(opts), ":%s", shortopts);
	opterr = 0;
	ch = getopt_long(argc, argv, opts, longopts, NULL);
	if (ch == '?') {
		const char *arg = argv[optind - 1];

		if (!strncmp(arg, "--", 2) || !optopt)
			fprintf(stderr, "bcf %s: unknown option '%s'\n", cli_command, arg);
		else
			fprintf(stderr, "bcf %s: unknown option '-%c'\n", cli_command, optopt);
	} else if (ch == ':') {
		fprintf(stderr, "bcf %s: option '%s' needs an argument\n", cli_command,
			argv[optind - 1]);
		ch = '?';
	}
	return ch;
}

int cli_parse_solver(const char *s, enum bcf_solver_kind *k)
{
	if (!strcmp(s, "z3"))
		*k = BCF_SOLVER_Z3;
	else if (!strcmp(s, "cvc5"))
		*k = BCF_SOLVER_CVC5;
	else if (!strcmp(s, "auto"))
		*k = BCF_SOLVER_AUTO;
	else
		return -1;
	return 0;
}



int cli_load_cond(const char *path, struct bcf_cond **out)
{
	size_t len;
	char *buf;
	int err;

	err = bcf__file_read(path, (size_t)1 << 30, &buf, &len);
	if (err) {
		fprintf(stderr, "bcf %s: %s: %s\n", cli_command, path, strerror(-err));
		return BCF_EXIT_USAGE;
	}
	err = bcf_cond__decode(buf, len, out);
	free(buf);
	if (err) {
		fprintf(stderr, "bcf %s: %s: %s\n", cli_command, path, bcf_last_error());
		return BCF_EXIT_INVALID;
	}
	return BCF_EXIT_OK;
}

int cmd_version(int argc, char **argv)
{
	printf("bcf %s\n", PACKAGE_VERSION);
	return 0;
}
