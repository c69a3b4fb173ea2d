// SPDX-License-Identifier: MIT
/* bcf report and bcf merge: analyse and combine results files. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "corpus/results.h"
#include "cli/cli.h"
#include "cli/commands.h"

int cmd_report(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *baseline = NULL, *outdir = NULL;
	int c, err;

	optind = 1;
	while ((c = cli_getopt(argc, argv, "h", lo)) != -1) {
		switch (c) {
		case 'h':
			printf("usage: bcf report RESULTS.jsonl [--baseline MANIFEST.tsv] [--out DIR]\n\n"
			       "Summary table of a results file: counts by status, time, proof size\n"
			       "and steps (p50/p90/max/total), step totals per rule.  With a baseline\n"
			       "manifest (name, proof_bytes, status columns), the ratio of our proof\n"
			       "size to the baseline's and status agreement.  With --out, data files\n"
			       "and SVG plots (proof-size CDF, time CDF, size against the baseline)\n"
			       "drawn with gnuplot.\n");
			return 0;
		case 'b':
			baseline = optarg;
			break;
		case 'o':
			outdir = optarg;
			break;
		default:
			return BCF_EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: bcf report RESULTS.jsonl [--baseline MANIFEST.tsv] "
			"[--out DIR]\n");
		return BCF_EXIT_USAGE;
	}
	err = results_report(argv[optind], baseline, outdir, stdout);
	if (err) {
		fprintf(stderr, "bcf report: %s\n", bcf_last_error()[0] ? bcf_last_error() :
			strerror(-err));
		return BCF_EXIT_USAGE;
	}
	return 0;
}

int cmd_merge(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	int c, err;

	optind = 1;
	while ((c = cli_getopt(argc, argv, "ho:", lo)) != -1) {
		switch (c) {
		case 'h':
			printf("usage: bcf merge RESULTS.jsonl... -o OUT.jsonl\n\n"
			       "Combine results files (e.g. shards): one record per name, sorted by\n"
			       "name; the first occurrence of a name wins.  OUT is written whole or\n"
			       "not at all.\n");
			return 0;
		case 'o':
			out = optarg;
			break;
		default:
			return BCF_EXIT_USAGE;
		}
	}
	if (!out || optind >= argc) {
		fprintf(stderr, "usage: bcf merge RESULTS.jsonl... -o OUT.jsonl\n");
		return BCF_EXIT_USAGE;
	}
	err = results_merge(argv + optind, argc - optind, out, stderr);
	if (err) {
		fprintf(stderr, "bcf merge: %s\n", bcf_last_error()[0] ? bcf_last_error() :
			strerror(-err));
		return BCF_EXIT_USAGE;
	}
	return 0;
}
