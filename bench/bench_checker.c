// SPDX-License-Identifier: MIT
/*
 * bench_checker: time the proof checker over every included upstream proof
 * of the shared vectors (refine_cond goal, kernel-compat mode by default).
 *
 * usage: bench_checker [--strict] [--reps N] [SHARED_DIR]
 *
 * Each proof is checked N times (default 5); its time is the minimum over
 * the repetitions, in thread CPU time (the machine may be shared) and in
 * wall-clock time.  Prints the totals, p50/p90/max per proof, and the total
 * over the proofs the checker accepts.  Upstream reference (release build,
 * one core): about 2.9 s for the 1231 proofs, 2.7 s for the accepted ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/check_vectors.h"

static double now(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void summary(const char *what, double *v, size_t n)
{
	double total = 0;
	size_t i;

	for (i = 0; i < n; i++)
		total += v[i];
	qsort(v, n, sizeof(*v), cmp_double);
	printf("%-5s total %8.3f s   p50 %8.1f us   p90 %8.1f us   max %9.1f us\n", what, total,
	       n ? v[n / 2] * 1e6 : 0, n ? v[n * 9 / 10] * 1e6 : 0, n ? v[n - 1] * 1e6 : 0);
}

int main(int argc, char **argv)
{
	enum bcf_check_mode mode = BCF_CHECK_KERNEL_COMPAT;
	const char *shared = getenv("BCF_SHARED_DIR");
	double *cpu, *wall, acc_cpu = 0, acc_wall = 0;
	unsigned reps = 5, bad, accepted = 0, r;
	char dir[4096];
	struct cv_set set;
	size_t i, bytes = 0;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--strict"))
			mode = BCF_CHECK_STRICT;
		else if (!strcmp(argv[a], "--reps") && a + 1 < argc)
			reps = atoi(argv[++a]) > 0 ? atoi(argv[a]) : 1;
		else if (argv[a][0] != '-')
			shared = argv[a];
		else {
			fprintf(stderr, "usage: bench_checker [--strict] [--reps N] [SHARED_DIR]\n");
			return 2;
		}
	}
	snprintf(dir, sizeof(dir), "%s/vectors", shared ? shared : "../shared");
	if (cv_load(dir, &set, &bad) || !set.n) {
		fprintf(stderr, "bench_checker: no vectors under %s\n", dir);
		return 2;
	}
	cpu = calloc(set.n, sizeof(*cpu));
	wall = calloc(set.n, sizeof(*wall));
	if (!cpu || !wall)
		return 2;
	for (i = 0; i < set.n; i++) {
		struct cv_case *c = &set.c[i];
		int err = 0;

		bytes += c->proof_len;
		for (r = 0; r < reps; r++) {
			double t0 = now(CLOCK_THREAD_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC), t, w;

			err = cv_check(c, c->proof, c->proof_len, mode, NULL);
			t = now(CLOCK_THREAD_CPUTIME_ID) - t0;
			w = now(CLOCK_MONOTONIC) - w0;
			if (!r || t < cpu[i])
				cpu[i] = t;
			if (!r || w < wall[i])
				wall[i] = w;
		}
		if (!err) {
			accepted++;
			acc_cpu += cpu[i];
			acc_wall += wall[i];
		}
	}
	printf("%zu proofs (%.1f MB), %s mode, min of %u runs each; %u accepted\n", set.n,
	       bytes / 1e6, mode == BCF_CHECK_STRICT ? "strict" : "kernel-compat", reps, accepted);
	summary("cpu", cpu, set.n);
	summary("wall", wall, set.n);
	printf("accepted only: cpu %.3f s, wall %.3f s\n", acc_cpu, acc_wall);
	printf("upstream reference: 2.9 s total, 2.7 s accepted\n");
	free(cpu);
	free(wall);
	cv_free(&set);
	return 0;
}
