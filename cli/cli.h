/* SPDX-License-Identifier: MIT */
/* Helpers shared by the bcf subcommands: exit codes, file I/O, option parsing. */
#ifndef BCF_CLI_CLI_H
#define BCF_CLI_CLI_H

#include <stddef.h>
#include <stdint.h>

#include <bcf/bcf.h>

enum bcf_exit {
	BCF_EXIT_OK = 0,
	BCF_EXIT_INVALID = 1,  /* invalid input, rejected proof, satisfiable */
	BCF_EXIT_USAGE = 2,    /* usage or I/O error */
	BCF_EXIT_UNKNOWN = 3,  /* prove: unknown or timeout */
	BCF_EXIT_UNPROVABLE = 4, /* prove: unprovable-kernel */
};

#include "lang/fileio.h"

/* Read and decode a condition buffer file; prints the error and returns an exit status. */
int cli_load_cond(const char *path, struct bcf_cond **out);
/* "z3", "cvc5" or "auto"; -1 if none of them. */
int cli_parse_solver(const char *s, enum bcf_solver_kind *k);
/* The running subcommand's name (set by main), for messages "bcf CMD: ...". */
extern const char *cli_command;

struct option;
/*
 * getopt_long over a subcommand's argv (argv[0] = its name; set optind = 1
 * first).  Returns what getopt_long returns, except that an unknown option
 * or a missing argument is reported on stderr as "bcf CMD: ..." and
 * returned as '?' (the caller prints its usage and exits with 2).
 */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

#endif
