/* SPDX-License-Identifier: MIT */
/* Reading results files (JSONL written by bcf batch): merge and report. */
#ifndef BCF_CORPUS_RESULTS_H
#define BCF_CORPUS_RESULTS_H

#include <stdio.h>

#include "corpus/json.h"

struct result_set {
	struct json_obj **v;
	char **lines; /* the original text of each record */
	size_t n, cap;
	size_t bad;   /* malformed lines skipped */
};

/* Append every well-formed record of a file. */
int results_load(const char *path, struct result_set *rs);
void results_free(struct result_set *rs);
/* Sort by name and drop later duplicates; returns how many were dropped. */
size_t results_dedup(struct result_set *rs, FILE *warn);

/* Merge files into out (sorted by name, written atomically). */
int results_merge(char *const *in, int n, const char *out, FILE *log);

/* Summary table to f; with a baseline manifest, size ratios and agreement;
 * with outdir, data files and SVG plots (gnuplot). */
int results_report(const char *path, const char *baseline, const char *outdir, FILE *f);

#endif
