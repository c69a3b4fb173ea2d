// SPDX-License-Identifier: MIT
/* bcf: command dispatch.  Subcommands are listed in cli/commands.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/cli.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
#define BCF_X_CMD(name, fn, summary) { #name, fn, summary },
	BCF_COMMANDS(BCF_X_CMD)
#undef BCF_X_CMD
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: bcf COMMAND [ARGS...]\n\n"
		   "The user-space side of BCF, the eBPF Certificate Framework.\n\n"
		   "Commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "  %-8s %s\n", "help", "this text, or 'bcf help CMD' for a command's usage");
	fprintf(f, "\nExit status: 0 ok, 1 invalid input or rejected, 2 usage or I/O error.\n"
		   "See bcf(1).\n");
}

/* BCF_DEBUG=1 in the environment: the library's info and debug messages too. */
static int print_all(enum bcf_print_level level, const char *fmt, va_list ap)
{
	(void)level;
	return vfprintf(stderr, fmt, ap);
}

int main(int argc, char **argv)
{
	const char *debug = getenv("BCF_DEBUG");
	size_t i;

	if (debug && *debug && strcmp(debug, "0"))
		bcf_set_print(print_all);
	if (argc < 2) {
		usage(stderr);
		return BCF_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (argc >= 3) {
			char *hargv[] = { argv[2], "--help", NULL };

			for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
				if (!strcmp(argv[2], commands[i].name)) {
					cli_command = commands[i].name;
					return commands[i].fn(2, hargv);
				}
			fprintf(stderr, "bcf: unknown command '%s'\n", argv[2]);
			return BCF_EXIT_USAGE;
		}
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("bcf %s\n", PACKAGE_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name)) {
			cli_command = commands[i].name;
			return commands[i].fn(argc - 1, argv + 1);
		}
	fprintf(stderr, "bcf: unknown command '%s' (try 'bcf help')\n", argv[1]);
	return BCF_EXIT_USAGE;
}
