/* SPDX-License-Identifier: MIT */
/*
 * The bcf subcommands, one line each:
 *   X(name, function, one-line summary)
 * Each function lives in cli/cmd_<name>.c and returns the exit status
 * (0 ok, 1 invalid input / rejected, 2 usage or I/O error, others per command).
 */
#ifndef BCF_FRONTEND_COMMANDS_H
#define BCF_FRONTEND_COMMANDS_H

#define BCF_COMMANDS(X) \
	X(version, cmd_version, "print the version") \
	X(import, cmd_import, "convert SMT-LIB QF_BV to a condition buffer") \
	X(check, cmd_check, "check a BCF proof") \
	X(smt, cmd_smt, "print a condition as an SMT-LIB script") \
	X(print, cmd_print, "dump a condition or a proof file readably") \
	X(info, cmd_info, "describe a condition: sizes, variables, operators, depth") \
	X(prove, cmd_prove, "prove a condition and write a BCF proof, or show a counterexample") \
	X(load, cmd_load, "load a BPF object, answering the kernel's proof requests") \
	X(batch, cmd_batch, "prove many conditions in worker processes (JSONL results)") \
	X(merge, cmd_merge, "combine results files") \
	X(report, cmd_report, "summary table and plots of a results file")

#define BCF_X_DECL(name, fn, summary) int fn(int argc, char **argv);
BCF_COMMANDS(BCF_X_DECL)
#undef BCF_X_DECL

#endif
