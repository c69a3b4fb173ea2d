/* SPDX-License-Identifier: MIT */
/*
 * Batch runs over many conditions: input collection, worker processes
 * under time and memory limits, a JSONL results file that survives kill -9,
 * resume, shards, a proof cache, progress display.
 */
#ifndef BCF_CORPUS_BATCH_H
#define BCF_CORPUS_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include <bcf/bcf.h>
#include <bcf/loader.h>

struct batch_item {
	char *name; /* unique, stable: relative path without extension, or manifest name */
	char *path; /* a .cond or .smt2 file, or a BPF object (.o) */
	char *prog; /* the program of the object to load, or NULL for a condition */
};

struct batch_items {
	struct batch_item *v;
	size_t n, cap;
};

/* Expand directories (recursively, *.cond, *.smt2 and *.o), file lists (one path
 * per line) and manifests (a TSV whose header starts with "name"; NAME ->
 * DIR/conds/NAME.cond).  A BPF object becomes one item per program, named
 * OBJ:PROG (OBJ without .bpf.o/.o).  Sorted by name; duplicate names are an
 * error. */
int batch_collect(char *const *inputs, int n, struct batch_items *out);
void batch_items_free(struct batch_items *items);
/* Keep only shard k of n (1-based k), chosen by a hash of the name. */
void batch_shard(struct batch_items *items, unsigned k, unsigned n);

struct batch_opts {
	const char *out;        /* results.jsonl */
	unsigned jobs;          /* worker processes */
	unsigned timeout_s;     /* per condition; 0 = none */
	unsigned mem_mb;        /* address-space limit per worker; 0 = none */
	bool resume;
	const char *proof_dir;  /* write NAME.bcf here, or NULL */
	const char *cache_dir;  /* proof cache, or NULL */
	enum bcf_solver_kind solver;
	int progress;           /* 1 = bar on a TTY, 0 = plain lines, -1 = quiet */
};

#define BATCH_NSTATUS 7
struct batch_summary {
	size_t total, skipped, done, cached;
	size_t by_status[BATCH_NSTATUS]; /* indexed by enum bcf_prove_status */
	size_t programs;                 /* results of BPF programs (bcf load) */
	size_t by_load[BCF_LOAD__NR];    /* indexed by enum bcf_load_status */
};

int batch_run(const struct batch_items *items, const struct batch_opts *o,
	      struct batch_summary *sum);

/* Run one item in the current process and format its result line (no newline).
 * Used by the workers; exposed for tests. */
int batch_run_one(const struct batch_item *it, const struct batch_opts *o, char **line);
/* The same for a program of a BPF object (corpus/worker_load.c). */
int batch_run_prog(const struct batch_item *it, const struct batch_opts *o, char **line);
/* enum bcf_load_status of a status name, or -1. */
int batch_load_status(const char *name);

/* Names already present in a results file (resume); the file's torn tail, if
 * any, is cut off at the last complete line. */
int batch_done_names(const char *path, bool repair, char ***names, size_t *n);

#endif
