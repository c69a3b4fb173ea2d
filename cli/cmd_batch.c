// SPDX-License-Identifier: MIT
/* bcf batch: prove many conditions in worker processes, results as JSONL. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus/batch.h"
#include "cli/cli.h"
#include "cli/commands.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bcf batch INPUT... -o RESULTS.jsonl [-j N] [--timeout S] [--mem-limit MB]\n"
		"                 [--resume] [--shard K/N] [--proof-dir DIR] [--cache DIR]\n"
		"                 [--solver z3|cvc5|auto] [--quiet]\n\n"
		"Prove every condition of the inputs, each in its own worker process; load\n"
		"every program of the BPF objects (*.o) among them, each in its own worker, as\n"
		"bcf load does (proof requests answered; needs root and a kernel).\n"
		"INPUT is a directory (searched recursively for *.cond, *.smt2 and *.o), a\n"
		".cond, .smt2 or .o file, a file listing one path per line, or a manifest.tsv\n"
		"(header 'name...'; NAME -> DIR/conds/NAME.cond).  A program is named OBJ:PROG.\n\n"
		"  -o FILE          results, one JSON object per line, appended per item\n"
		"  -j N             worker processes (default: number of CPUs)\n"
		"  --timeout S      per-condition limit in seconds (the prove's; the worker is\n"
		"                   killed S+5 s after it started)\n"
		"  --mem-limit MB   address-space limit per worker\n"
		"  --resume         keep RESULTS and skip the items already in it\n"
		"  --shard K/N      run only the K-th of N deterministic shares of the inputs\n"
		"  --proof-dir DIR  write each proof as DIR/NAME.bcf (programs: conditions and\n"
		"                   proofs as bcf load --save does)\n"
		"  --cache DIR      proof cache keyed by the normalised condition\n"
		"                   (default: $BCF_CACHE_DIR if set)\n"
		"  --solver S       z3, cvc5 or auto (default auto)\n"
		"  --quiet          no progress output\n\n"
		"Statuses: proven-path, proven-refine, sat, unprovable-kernel, unknown, error;\n"
		"programs: loaded-plain, loaded-with-proofs, rejected-sat, rejected-unprovable,\n"
		"rejected-unknown, rejected-no-condition, rejected-proof, rejected-nospc, eperm,\n"
		"skipped-kernel, protocol-error, error.\n"
		"Exit status: 0 ran (whatever the statuses), 2 usage or I/O error.\n");
}

int cmd_batch(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "timeout", required_argument, NULL, 't' },
		{ "mem-limit", required_argument, NULL, 'm' },
		{ "resume", no_argument, NULL, 'r' },
		{ "shard", required_argument, NULL, 's' },
		{ "proof-dir", required_argument, NULL, 'p' },
		{ "cache", required_argument, NULL, 'c' },
		{ "solver", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	struct batch_opts o = { .jobs = 0, .progress = isatty(2) ? 1 : 0 };
	unsigned shard_k = 0, shard_n = 0;
	struct batch_items items;
	struct batch_summary sum;
	char *end;
	int c, err, i;

	o.cache_dir = getenv("BCF_CACHE_DIR");
	if (o.cache_dir && !*o.cache_dir)
		o.cache_dir = NULL;
	optind = 1;
	while ((c = cli_getopt(argc, argv, "ho:j:", lo)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'o':
			o.out = optarg;
			break;
		case 'j':
			o.jobs = strtoul(optarg, &end, 10);
			if (*end || !o.jobs || o.jobs > 256) {
				fprintf(stderr, "bcf batch: -j takes 1..256\n");
				return BCF_EXIT_USAGE;
			}
			break;
		case 't':
			o.timeout_s = strtoul(optarg, &end, 10);
			if (*end) {
				fprintf(stderr, "bcf batch: bad --timeout '%s'\n", optarg);
				return BCF_EXIT_USAGE;
			}
			break;
		case 'm':
			o.mem_mb = strtoul(optarg, &end, 10);
			if (*end || (o.mem_mb && o.mem_mb < 64)) {
				fprintf(stderr, "bcf batch: --mem-limit takes megabytes (>= 64)\n");
				return BCF_EXIT_USAGE;
			}
			break;
		case 'r':
			o.resume = true;
			break;
		case 's':
			if (sscanf(optarg, "%u/%u", &shard_k, &shard_n) != 2 || !shard_n ||
			    !shard_k || shard_k > shard_n) {
				fprintf(stderr, "bcf batch: --shard takes K/N with 1 <= K <= N\n");
				return BCF_EXIT_USAGE;
			}
			break;
		case 'p':
			o.proof_dir = optarg;
			break;
		case 'c':
			o.cache_dir = optarg;
			break;
		case 'S':
			if (cli_parse_solver(optarg, &o.solver)) {
				fprintf(stderr, "bcf batch: --solver takes z3, cvc5 or auto\n");
				return BCF_EXIT_USAGE;
			}
			break;
		case 'q':
			o.progress = -1;
			break;
		default:
			usage(stderr);
			return BCF_EXIT_USAGE;
		}
	}
	if (optind >= argc || !o.out) {
		usage(stderr);
		return BCF_EXIT_USAGE;
	}
	if (!o.jobs) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		o.jobs = n > 0 ? (n > 256 ? 256 : n) : 1;
	}
	err = batch_collect(argv + optind, argc - optind, &items);
	if (err) {
		fprintf(stderr, "bcf batch: %s\n", bcf_last_error());
		return BCF_EXIT_USAGE;
	}
	if (shard_n)
		batch_shard(&items, shard_k, shard_n);
	err = batch_run(&items, &o, &sum);
	batch_items_free(&items);
	if (err) {
		fprintf(stderr, "bcf batch: %s\n", bcf_last_error()[0] ? bcf_last_error() :
			strerror(-err));
		return BCF_EXIT_USAGE;
	}
	printf("%zu items: %zu run, %zu skipped (already in %s), %zu from cache\n", sum.total,
	       sum.done, sum.skipped, o.out, sum.cached);
	for (i = 0; i < BATCH_NSTATUS; i++)
		if (sum.by_status[i])
			printf("  %-22s %zu\n", bcf_prove_status__name(i), sum.by_status[i]);
	for (i = 0; i < BCF_LOAD__NR; i++)
		if (sum.by_load[i])
			printf("  %-22s %zu\n", bcf_load_status__name(i), sum.by_load[i]);
	return 0;
}
