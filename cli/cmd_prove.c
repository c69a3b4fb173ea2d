// SPDX-License-Identifier: MIT
/* bcf prove: refute a condition and write a BCF proof, or show a counterexample. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checker/checker.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "lang/print_buf.h"

/*
 * The solver library may abort (an uncaught C++ exception, e.g. when it cannot
 * start its timer thread under a small address-space limit).  Nothing has been
 * written then (the proof is written after the prover returns, temp + rename):
 * say so and exit with the error status instead of dying of SIGABRT.
 */
static void solver_aborted(int sig)
{
	static const char msg[] = "bcf prove: error: the prover aborted inside the solver "
				  "(out of memory or threads under a resource limit?); "
				  "nothing written\n";

	(void)sig;
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(BCF_EXIT_USAGE);
	_exit(BCF_EXIT_USAGE);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bcf prove COND|FILE.smt2 -o PROOF [--solver z3|cvc5|auto] [--timeout S]\n"
		"                 [--stats] [--json] [--no-trusted] [--max-proof-bytes N]\n\n"
		"Prove a kernel condition unsatisfiable and write a BCF proof that the kernel\n"
		"checker accepts (checked by bcf's own checker in strict and kernel-compat mode\n"
		"before it is written).  With a path condition, the path is refuted first\n"
		"(result 'path': load with BCF_F_PROOF_PATH_UNREACHABLE); otherwise, or if the\n"
		"path is feasible, the refine condition ('refine').\n\n"
		"  -o PROOF       output file (written whole or not at all)\n"
		"  --solver S     z3, cvc5 or auto (default auto: z3, then cvc5 on unknown)\n"
		"  --timeout S    time limit of the whole prove in seconds (default 60)\n"
		"  --stats        steps per rule\n"
		"  --json         one JSON object instead of text\n"
		"  --no-trusted   refuse a proof with a step the kernel accepts without\n"
		"                 checking it (REWRITE id 0, POLY_NORM): exit 4 naming the fact\n"
		"  --max-proof-bytes N  size limit below the kernel's 32 MiB (a smaller proof\n"
		"                 buffer); over it other searches are tried, then exit 4\n"
		"                 with status proof-too-large naming the size\n\n"
		"Every proof's kernel-trusted steps are counted by rule (text: 'kernel-trusted',\n"
		"JSON: kernel_trusted_steps, kernel_trusted).\n\n"
		"Exit status: 0 proof written; 1 satisfiable (counterexample printed, no proof);\n"
		"2 usage, I/O or invalid input; 3 unknown or timeout; 4 unprovable-kernel\n"
		"(unsatisfiable, but no sound proof within the kernel's rules, or, with\n"
		"--no-trusted, none without a kernel-trusted step) or proof-too-large.\n");
}

static bool has_ext(const char *p, const char *ext)
{
	size_t n = strlen(p), e = strlen(ext);

	return n > e && !strcmp(p + n - e, ext);
}

static void print_rules(const struct bcf_rule_counts *rs, bool json)
{
	bool first = true;
	unsigned cls, id;

	for (cls = 0; cls < 3; cls++)
		for (id = 0; id < 64; id++) {
			const char *name = bcf_rule__name((uint16_t)(cls << 13 | id));

			if (!rs->n[cls][id] || !name)
				continue;
			if (json)
				printf("%s\"%s\":%u", first ? "" : ",", name, rs->n[cls][id]);
			else
				printf("%s%s %u", first ? "" : ", ", name, rs->n[cls][id]);
			first = false;
		}
}

static void print_rule_lines(const struct bcf_rule_counts *rs)
{
	unsigned cls, id;

	for (cls = 0; cls < 3; cls++)
		for (id = 0; id < 64; id++) {
			const char *name = bcf_rule__name((uint16_t)(cls << 13 | id));

			if (rs->n[cls][id] && name)
				printf("  %-18s %u\n", name, rs->n[cls][id]);
		}
}

static void json_string(const char *s)
{
	struct pbuf b = { 0 };

	pbuf_json_str(&b, s);
	if (b.s)
		fputs(b.s, stdout);
	pbuf_free(&b);
}

int cmd_prove(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "solver", required_argument, NULL, 's' },
		{ "timeout", required_argument, NULL, 't' },
		{ "stats", no_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'j' },
		{ "no-trusted", no_argument, NULL, 'N' },
		{ "max-proof-bytes", required_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 },
	};
	BCF_OPTS(bcf_prove_opts, po, .timeout_ms = 60000);
	BCF_OPTS(bcf_prove_result, res);
	const char *out = NULL, *in;
	bool stats = false, json = false;
	struct bcf_cond *c = NULL;
	size_t len;
	char *buf, *end;
	int ch, err, rc;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "ho:", lo)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return 0;
		case 'o':
			out = optarg;
			break;
		case 's':
			if (cli_parse_solver(optarg, &po.solver)) {
				fprintf(stderr, "bcf prove: --solver takes z3, cvc5 or auto\n");
				return BCF_EXIT_USAGE;
			}
			break;
		case 't': {
			unsigned long s = strtoul(optarg, &end, 10);

			if (*end || s > 86400) {
				fprintf(stderr, "bcf prove: bad --timeout '%s'\n", optarg);
				return BCF_EXIT_USAGE;
			}
			po.timeout_ms = s * 1000;
			break;
		}
		case 'S':
			stats = true;
			break;
		case 'j':
			json = true;
			break;
		case 'N':
			po.no_trusted = true;
			break;
		case 'M': {
			unsigned long long m = strtoull(optarg, &end, 10);

			if (*end || !m || m >= MAX_BCF_PROOF_SIZE) {
				fprintf(stderr, "bcf prove: bad --max-proof-bytes '%s' (1 to %u)\n",
					optarg, MAX_BCF_PROOF_SIZE - 1);
				return BCF_EXIT_USAGE;
			}
			po.max_proof_bytes = (size_t)m;
			break;
		}
		default:
			usage(stderr);
			return BCF_EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !out) {
		usage(stderr);
		return BCF_EXIT_USAGE;
	}
	in = argv[optind];
	err = bcf__file_read(in, (size_t)1 << 30, &buf, &len);
	if (err) {
		fprintf(stderr, "bcf prove: %s: %s\n", in, strerror(-err));
		return BCF_EXIT_USAGE;
	}
	err = has_ext(in, ".smt2") ? bcf_smt2__parse(buf, len, in, &c) :
				     bcf_cond__decode(buf, len, &c);
	free(buf);
	if (err) {
		fprintf(stderr, "bcf prove: %s%s%s\n", has_ext(in, ".smt2") ? "" : in,
			has_ext(in, ".smt2") ? "" : ": ", bcf_last_error());
		return BCF_EXIT_USAGE;
	}
	signal(SIGABRT, solver_aborted);
	err = bcf_prove(c, &po, &res);
	signal(SIGABRT, SIG_DFL);
	bcf_cond__free(c);
	if (err && res.status != BCF_PROVE_ERROR) {
		res.status = BCF_PROVE_ERROR;
		snprintf(res.detail, sizeof(res.detail), "%s", bcf_last_error());
	}
	switch (res.status) {
	case BCF_PROVE_PROVEN_PATH:
	case BCF_PROVE_PROVEN_REFINE:
		err = bcf__file_write(out, res.proof, res.proof_size);
		if (err) {
			fprintf(stderr, "bcf prove: %s: %s\n", out, strerror(-err));
			rc = BCF_EXIT_USAGE;
			goto done;
		}
		rc = BCF_EXIT_OK;
		break;
	case BCF_PROVE_SAT:
		rc = BCF_EXIT_INVALID;
		break;
	case BCF_PROVE_UNKNOWN:
		rc = BCF_EXIT_UNKNOWN;
		break;
	case BCF_PROVE_UNPROVABLE:
	case BCF_PROVE_TOO_LARGE:
		rc = BCF_EXIT_UNPROVABLE;
		break;
	default:
		rc = BCF_EXIT_USAGE;
		break;
	}
	if (json) {
		printf("{\"status\":\"%s\",\"solver\":", bcf_prove_status__name(res.status));
		json_string(res.solver ? res.solver : "");
		printf(",\"proof\":");
		json_string(rc == BCF_EXIT_OK ? out : "");
		printf(",\"steps\":%u,\"bytes\":%zu,\"time_s\":%.6f,\"solve_time_s\":%.6f,"
		       "\"detail\":", res.steps, res.proof_size, res.time_s, res.solve_time_s);
		json_string(res.detail);
		printf(",\"counterexample\":");
		json_string(res.model_text ? res.model_text : "");
		printf(",\"rules\":{");
		print_rules(&res.rule_steps, true);
		printf("},\"kernel_trusted_steps\":%u,\"kernel_trusted\":{",
		       res.kernel_trusted_steps);
		print_rules(&res.kernel_trusted_rule_steps, true);
		printf("},\"kernel_trusted_first\":");
		json_string(res.kernel_trusted_first);
		printf("}\n");
		goto done;
	}
	switch (res.status) {
	case BCF_PROVE_PROVEN_PATH:
	case BCF_PROVE_PROVEN_REFINE:
		printf("%s: %u steps, %zu bytes, %.3f s (solver %s %.3f s) -> %s\n",
		       res.status == BCF_PROVE_PROVEN_PATH ? "path" : "refine", res.steps,
		       res.proof_size, res.time_s, res.solver ? res.solver : "-",
		       res.solve_time_s, out);
		if (res.kernel_trusted_steps) {
			printf("kernel-trusted: %u step%s (", res.kernel_trusted_steps,
			       res.kernel_trusted_steps == 1 ? "" : "s");
			print_rules(&res.kernel_trusted_rule_steps, false);
			printf("), the kernel accepts them unchecked; first: %s\n",
			       res.kernel_trusted_first);
		} else {
			printf("kernel-trusted: 0 steps (the kernel checks every step)\n");
		}
		break;
	case BCF_PROVE_SAT:
		printf("sat: the condition is satisfiable; counterexample:\n%s",
		       res.model_text ? res.model_text : "(no model)\n");
		break;
	case BCF_PROVE_UNPROVABLE:
		if (po.no_trusted && res.kernel_trusted_steps)
			fprintf(stderr, "unprovable-kernel: unsatisfiable, but the proof found "
				"%s\n", res.detail);
		else
			fprintf(stderr, "unprovable-kernel: unsatisfiable, but no sound proof "
				"within the kernel's rules: %s\n", res.detail);
		break;
	case BCF_PROVE_UNKNOWN:
		fprintf(stderr, "unknown: %s\n", res.detail[0] ? res.detail : "solver gave up");
		break;
	case BCF_PROVE_TOO_LARGE:
		fprintf(stderr, "proof-too-large: unsatisfiable, but every proof found is over the "
			"size limit: %s\n", res.detail);
		break;
	default:
		fprintf(stderr, "bcf prove: error: %s\n", res.detail);
		break;
	}
	if (stats)
		print_rule_lines(&res.rule_steps);
done:
	bcf_prove_result__free(&res);
	return rc;
}
