// SPDX-License-Identifier: MIT
/*
 * bcf report: a summary table of a results file, optionally against a
 * baseline manifest, and SVG plots through gnuplot.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bcf/loader.h>

#include "corpus/results.h"
#include "checker/checker.h"
#include "lang/error.h"
#include "lang/grow.h"

struct vec {
	double *v;
	size_t n, cap;
};

static void vpush(struct vec *v, double x)
{
	if (bcf__grow((void **)&v->v, &v->cap, v->n + 1, sizeof(*v->v)))
		return;
	v->v[v->n++] = x;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of a sorted vector. */
static double pct(const struct vec *v, double p)
{
	size_t k;

	if (!v->n)
		return 0;
	k = (size_t)ceil(p / 100.0 * v->n);
	if (k < 1)
		k = 1;
	return v->v[k - 1];
}

static double total(const struct vec *v)
{
	double s = 0;
	size_t i;

	for (i = 0; i < v->n; i++)
		s += v->v[i];
	return s;
}

/* Status names of a conditions results file, in report order. */
static const char *const statuses[] = { "proven-path", "proven-refine", "sat", "unprovable-kernel",
					"unknown", "error", "proof-too-large" };

static const char *cond_status_name(unsigned k)
{
	return statuses[k];
}

static const char *load_status_name(unsigned k)
{
	return bcf_load_status__name((enum bcf_load_status)k);
}

/* The status table: one row per status, and "(other)" if any. */
static void status_table(FILE *f, const char *(*name)(unsigned), unsigned n, const size_t *counts,
			 size_t other)
{
	unsigned k;

	fprintf(f, "| status                 |  count |\n|------------------------|--------|\n");
	for (k = 0; k < n; k++)
		fprintf(f, "| %-22s | %6zu |\n", name(k), counts[k]);
	if (other)
		fprintf(f, "| %-22s | %6zu |\n", "(other)", other);
}

/* The head of the measures table (rows by row()). */
static void measure_header(FILE *f)
{
	fprintf(f, "\n| measure                |      n |          p50 |          p90 |"
		   "          max |          total |\n"
		   "|------------------------|--------|--------------|--------------|"
		   "--------------|----------------|\n");
}

static void row(FILE *f, const char *what, struct vec *v, const char *fmt)
{
	char b[4][32];

	if (v->n)
		qsort(v->v, v->n, sizeof(double), cmp_d);
	snprintf(b[0], 32, fmt, pct(v, 50));
	snprintf(b[1], 32, fmt, pct(v, 90));
	snprintf(b[2], 32, fmt, v->n ? v->v[v->n - 1] : 0.0);
	snprintf(b[3], 32, fmt, total(v));
	fprintf(f, "| %-22s | %6zu | %12s | %12s | %12s | %14s |\n", what, v->n, b[0], b[1], b[2],
		b[3]);
}

struct base {
	char *name;
	double bytes;
	char status[16];
};

static int cmp_base(const void *a, const void *b)
{
	return strcmp(((const struct base *)a)->name, ((const struct base *)b)->name);
}

static int load_baseline(const char *path, struct base **out, size_t *n)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, bcap = 0;
	int col_bytes = -1, col_status = -1;
	bool header = true;
	ssize_t len;

	*out = NULL;
	*n = 0;
	if (!f)
		return bcf__err(-errno, "%s: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, f)) >= 0) {
		char *fields[16], *p = line, *tok;
		int nf = 0;

		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		while (nf < 16 && (tok = strsep(&p, "\t")))
			fields[nf++] = tok;
		if (header) {
			int i;

			header = false;
			for (i = 0; i < nf; i++) {
				if (!strcmp(fields[i], "proof_bytes"))
					col_bytes = i;
				if (!strcmp(fields[i], "status"))
					col_status = i;
			}
			if (nf < 1 || strcmp(fields[0], "name") || col_bytes < 0) {
				free(line);
				fclose(f);
				return bcf__err(-EINVAL, "%s: not a manifest (needs name and "
						"proof_bytes columns)", path);
			}
			continue;
		}
		if (nf <= col_bytes)
			continue;
		if (bcf__grow((void **)out, &bcap, *n + 1, sizeof(**out)))
			break;
		(*out)[*n].name = strdup(fields[0]);
		(*out)[*n].bytes = atof(fields[col_bytes]);
		snprintf((*out)[*n].status, sizeof((*out)[*n].status), "%s",
			 col_status >= 0 && nf > col_status ? fields[col_status] : "");
		(*n)++;
	}
	free(line);
	fclose(f);
	if (*n)
		qsort(*out, *n, sizeof(**out), cmp_base);
	return 0;
}

static bool proven(const char *st)
{
	return !strcmp(st, "proven-path") || !strcmp(st, "proven-refine");
}

static void write_cdf(const char *path, struct vec *v)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (!f)
		return;
	if (v->n)
		qsort(v->v, v->n, sizeof(double), cmp_d);
	for (i = 0; i < v->n; i++)
		fprintf(f, "%.9g %.6f\n", v->v[i], (double)(i + 1) / v->n);
	fclose(f);
}

static const char *gnuplot_path(void)
{
#ifdef BCF_GNUPLOT_PATH
	if (access(BCF_GNUPLOT_PATH, X_OK) == 0)
		return BCF_GNUPLOT_PATH;
#endif
	if (access("/usr/bin/gnuplot", X_OK) == 0)
		return "/usr/bin/gnuplot";
	return NULL;
}

static int plot(const char *outdir, bool scatter, size_t nbytes, size_t ntimes, FILE *f)
{
	const char *gp = gnuplot_path();
	char *cmd;
	FILE *p;
	int rc;

	if (!gp) {
		fprintf(f, "\nnotice: gnuplot not found; no plots written (apt-get install "
			   "gnuplot-nox)\n");
		return 0;
	}
	if (asprintf(&cmd, "cd '%s' && '%s' >gnuplot.log 2>&1", outdir, gp) < 0)
		return -ENOMEM;
	p = popen(cmd, "w");
	free(cmd);
	if (!p)
		return -errno;
	fprintf(p, "set terminal svg size 800,520 dynamic enhanced font 'sans,12'\n"
		   "set grid\nset key bottom right\nset ylabel 'fraction of conditions'\n"
		   "set yrange [0:1]\n");
	/* an empty data set still gets its (empty, labelled) plot */
	fprintf(p, "set output 'proof_size_cdf.svg'\nset title 'Proof size (proven conditions)'\n"
		   "set xlabel 'proof bytes'\n");
	if (nbytes)
		fprintf(p, "set logscale x\nplot 'proof_size.dat' using 1:2 with steps lw 2 "
			   "title 'bcf'%s\nunset logscale x\n",
			scatter ? ", 'baseline_size.dat' using 1:2 with steps lw 2 title 'upstream'" :
				  "");
	else
		fprintf(p, "set label 1 'no proven conditions' at graph 0.5,0.5 center\n"
			   "plot [0:1] -1 notitle\nunset label 1\n");
	fprintf(p, "set output 'time_cdf.svg'\nset title 'Time per condition'\n"
		   "set xlabel 'seconds'\n");
	if (ntimes)
		fprintf(p, "set logscale x\nplot 'time.dat' using 1:2 with steps lw 2 "
			   "title 'bcf prove'\nunset logscale x\n");
	else
		fprintf(p, "set label 1 'no results' at graph 0.5,0.5 center\n"
			   "plot [0:1] -1 notitle\nunset label 1\n");
	if (scatter) {
		fprintf(p, "set output 'size_vs_baseline.svg'\nset title 'Proof size per condition'\n"
			   "set autoscale y\nset xlabel 'upstream proof bytes'\n"
			   "set ylabel 'bcf proof bytes'\nset key top left\n");
		if (nbytes)
			fprintf(p, "set logscale xy\nplot 'scatter.dat' using 1:2 with points pt 7 "
				   "ps 0.4 title 'condition', x with lines lw 1 dt 2 "
				   "title 'equal size'\n");
		else
			fprintf(p, "set yrange [0:1]\nset label 1 'no proven conditions' at graph "
				   "0.5,0.5 center\nplot [0:1] -1 notitle\n");
	}
	rc = pclose(p);
	if (rc) {
		fprintf(f, "\nwarning: gnuplot failed (status %d), see %s/gnuplot.log\n", rc,
			outdir);
		return -EIO;
	}
	fprintf(f, "\nplots: %s/proof_size_cdf.svg %s/time_cdf.svg%s%s%s\n", outdir, outdir,
		scatter ? " " : "", scatter ? outdir : "", scatter ? "/size_vs_baseline.svg" : "");
	return 0;
}

/* Steps of one rule over the proven conditions, and its kernel-trusted ones. */
struct rule_count {
	char name[48];
	double n;   /* steps */
	double kt;  /* kernel-trusted steps */
	double ktp; /* proofs with kernel-trusted steps of this rule */
};

#define MAX_RULES 128

/* Index of a rule in the table (added if new), -1 if the table is full. */
static int rule_slot(struct rule_count *rules, int *n, const char *name)
{
	int r;

	for (r = 0; r < *n; r++)
		if (!strcmp(rules[r].name, name))
			return r;
	if (*n == MAX_RULES)
		return -1;
	memset(&rules[r], 0, sizeof(rules[r]));
	snprintf(rules[r].name, sizeof(rules[r].name), "%s", name);
	return (*n)++;
}

/*
 * Results of BPF programs (bcf batch over objects): counts per load status
 * and the headline: of the programs the verifier rejects without help
 * (every status but loaded-plain, skipped-kernel, eperm and error), how
 * many load with proofs.
 */
static void report_programs(const char *path, const struct result_set *rs, FILE *f)
{
	size_t counts[BCF_LOAD__NR] = { 0 }, other = 0, nobcf = 0, rejected, i;
	struct vec t = { 0 }, req = { 0 }, bytes = { 0 }, prove = { 0 };
	int k;

	for (i = 0; i < rs->n; i++) {
		const struct json_obj *j = rs->v[i];
		const char *st = json_str(j, "status");

		for (k = 0; k < BCF_LOAD__NR; k++)
			if (!strcmp(st, bcf_load_status__name(k)))
				break;
		if (k < BCF_LOAD__NR)
			counts[k]++;
		else
			other++;
		if (!strcmp(json_str(j, "kernel"), "no-bcf"))
			nobcf++;
		vpush(&t, json_num(j, "time_s"));
		if (k == BCF_LOAD_PROOFS) {
			vpush(&req, json_num(j, "requests"));
			vpush(&bytes, json_num(j, "proof_bytes"));
			vpush(&prove, json_num(j, "prove_time_s"));
		}
	}
	rejected = rs->n - other - counts[BCF_LOAD_PLAIN] - counts[BCF_LOAD_SKIPPED_KERNEL] -
		   counts[BCF_LOAD_EPERM] - counts[BCF_LOAD_ERROR];
	fprintf(f, "results: %s (%zu programs%s)\n\n", path, rs->n,
		rs->bad ? ", some malformed lines skipped" : "");
	status_table(f, load_status_name, BCF_LOAD__NR, counts, other);
	fprintf(f, "\nof the %zu programs the stock verifier rejects, %zu load with proofs (%.1f%%)\n",
		rejected, counts[BCF_LOAD_PROOFS],
		rejected ? 100.0 * counts[BCF_LOAD_PROOFS] / rejected : 0.0);
	if (nobcf)
		fprintf(f, "(%zu programs ran on a kernel without BCF: they count as rejected only "
			   "if that kernel's verifier rejected them)\n", nobcf);
	measure_header(f);
	row(f, "time (s), all", &t, "%.3f");
	row(f, "requests, with proofs", &req, "%.0f");
	row(f, "proof bytes, w/ proofs", &bytes, "%.0f");
	row(f, "prove time (s), w/ pr.", &prove, "%.3f");
	free(t.v);
	free(req.v);
	free(bytes.v);
	free(prove.v);
}

int results_report(const char *path, const char *baseline, const char *outdir, FILE *f)
{
	struct result_set rs = { 0 };
	struct vec t = { 0 }, solve = { 0 }, bytes = { 0 }, steps = { 0 }, ratio = { 0 }, bbytes = { 0 };
	struct base *base = NULL;
	size_t nbase = 0, i, matched = 0, agree = 0, counts[7] = { 0 }, other = 0;
	struct rule_count rules[MAX_RULES];
	size_t kchecked = 0, ktrusted = 0, kunknown = 0;
	int nrules = 0, err, k;
	FILE *sc = NULL;

	err = results_load(path, &rs);
	if (err)
		return err;
	results_dedup(&rs, stderr);
	for (i = 0; i < rs.n && !json_get(rs.v[i], "prog"); i++)
		;
	if (i < rs.n) {
		report_programs(path, &rs, f);
		goto out;
	}
	if (baseline) {
		err = load_baseline(baseline, &base, &nbase);
		if (err)
			goto out;
	}
	if (outdir) {
		char *p;

		mkdir(outdir, 0755);
		if (asprintf(&p, "%s/scatter.dat", outdir) >= 0) {
			sc = fopen(p, "w");
			free(p);
		}
	}
	for (i = 0; i < rs.n; i++) {
		const struct json_obj *j = rs.v[i];
		const char *st = json_str(j, "status");
		const struct json_field *rf = json_get(j, "rules");
		const struct json_field *kf = json_get(j, "kernel_trusted");

		for (k = 0; k < 7; k++)
			if (!strcmp(st, statuses[k]))
				break;
		if (k < 7)
			counts[k]++;
		else
			other++;
		vpush(&t, json_num(j, "time_s"));
		vpush(&solve, json_num(j, "solve_time_s"));
		if (!proven(st))
			goto baseline_join;
		vpush(&bytes, json_num(j, "proof_bytes"));
		vpush(&steps, json_num(j, "steps"));
		for (k = 0; rf && rf->obj && k < rf->obj->n; k++) {
			int r = rule_slot(rules, &nrules, rf->obj->f[k].key);

			if (r >= 0)
				rules[r].n += rf->obj->f[k].num;
		}
		/* kernel-trusted steps (results written before they were recorded:
		 * unknown) */
		if (!json_get(j, "kernel_trusted_steps"))
			kunknown++;
		else if (json_num(j, "kernel_trusted_steps") > 0)
			ktrusted++;
		else
			kchecked++;
		for (k = 0; kf && kf->obj && k < kf->obj->n; k++) {
			int r = rule_slot(rules, &nrules, kf->obj->f[k].key);

			if (r >= 0 && kf->obj->f[k].num > 0) {
				rules[r].kt += kf->obj->f[k].num;
				rules[r].ktp++;
			}
		}
baseline_join:
		if (base) {
			struct base key = { .name = (char *)json_str(j, "name") };
			struct base *b = nbase ? bsearch(&key, base, nbase, sizeof(*base), cmp_base) :
						 NULL;

			if (!b)
				continue;
			matched++;
			if ((!strcmp(b->status, "unsat") && proven(st)) ||
			    (!strcmp(b->status, "sat") && !strcmp(st, "sat")))
				agree++;
			if (proven(st) && b->bytes > 0) {
				vpush(&ratio, json_num(j, "proof_bytes") / b->bytes);
				if (sc)
					fprintf(sc, "%.0f %.0f\n", b->bytes, json_num(j, "proof_bytes"));
			}
		}
	}
	fprintf(f, "results: %s (%zu conditions%s)\n\n", path, rs.n,
		rs.bad ? ", some malformed lines skipped" : "");
	status_table(f, cond_status_name, 7, counts, other);
	measure_header(f);
	row(f, "time (s), all", &t, "%.3f");
	row(f, "solver-only time (s)", &solve, "%.3f");
	row(f, "proof bytes, proven", &bytes, "%.0f");
	row(f, "steps, proven", &steps, "%.0f");
	if (base)
		row(f, "bytes ours/upstream", &ratio, "%.3f");
	if (nrules) {
		fprintf(f, "\n| rule (proven conditions) |      steps | kernel-trusted |\n"
			   "|--------------------------|------------|----------------|\n");
		for (k = 0; k < nrules; k++)
			fprintf(f, "| %-24s | %10.0f | %14.0f |\n", rules[k].name, rules[k].n,
				rules[k].kt);
	}
	if (bytes.n) {
		bool any = false;

		fprintf(f, "\nkernel-checked: %zu of %zu proofs fully kernel-checked, %zu with "
			   "kernel-trusted steps", kchecked, bytes.n, ktrusted);
		for (k = 0; k < nrules; k++)
			if (rules[k].ktp) {
				fprintf(f, "%s%s %.0f proof%s / %.0f step%s", any ? ", " : " (",
					rules[k].name, rules[k].ktp, rules[k].ktp == 1 ? "" : "s",
					rules[k].kt, rules[k].kt == 1 ? "" : "s");
				any = true;
			}
		fprintf(f, "%s%s\n", any ? ")" : "",
			kunknown ? " (some results predate trust accounting)" : "");
	}
	if (base)
		fprintf(f, "\nbaseline %s: %zu of %zu results matched; status agrees with the "
			   "baseline (unsat -> proven, sat -> sat) on %zu\n", baseline, matched, rs.n,
			agree);
	if (outdir) {
		char *p;

		if (asprintf(&p, "%s/proof_size.dat", outdir) >= 0) {
			write_cdf(p, &bytes);
			free(p);
		}
		if (asprintf(&p, "%s/time.dat", outdir) >= 0) {
			write_cdf(p, &t);
			free(p);
		}
		if (base && asprintf(&p, "%s/baseline_size.dat", outdir) >= 0) {
			for (i = 0; i < nbase; i++)
				if (!strcmp(base[i].status, "unsat"))
					vpush(&bbytes, base[i].bytes);
			write_cdf(p, &bbytes);
			free(p);
		}
		if (sc) {
			fclose(sc);
			sc = NULL;
		}
		err = plot(outdir, base != NULL, bytes.n, t.n, f);
	}
out:
	if (sc)
		fclose(sc);
	for (i = 0; i < nbase; i++)
		free(base[i].name);
	free(base);
	free(t.v);
	free(solve.v);
	free(bytes.v);
	free(steps.v);
	free(ratio.v);
	free(bbytes.v);
	results_free(&rs);
	return err;
}
