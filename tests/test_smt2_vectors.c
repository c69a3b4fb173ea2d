// SPDX-License-Identifier: MIT
/*
 * Every shared vector's SMT-LIB text (vectors/smt2/NAME.smt2) parses, and
 * its refine condition is the same DAG as the decoded vectors/conds/NAME.cond
 * up to the renaming of variables: an iterative walk pairs the nodes of the
 * two arenas and requires the pairing to be a bijection with equal codes,
 * params and constants.  The same holds after re-encoding our result, and
 * for our reading of bcf_print__smt2's printing of the cond.  `$BCF_BIN import`
 * gives the same DAGs on a sample (from a file, stdin, to stdout), and its
 * usage errors exit 2.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bcf/bcf.h>
#include "lang/arena.h"
#include "tests/vectors.h"

static unsigned count_nodes(const struct bcf_arena *a)
{
	uint32_t n, id;
	unsigned k = 0;

	bcf_arena__words(a, &n);
	for (id = 0; id < n; id += bcf_arena__expr(a, id)->vlen + 1)
		k++;
	return k;
}

/*
 * Same DAG below ra (in a) and rb (in b), variables matched one to one.
 * Returns NULL or a static description of the first difference.
 */
static const char *same_dag(const struct bcf_arena *a, uint32_t ra, const struct bcf_arena *b,
			    uint32_t rb)
{
	static char why[160];
	uint32_t na, nb, *ma, *mb, (*stack)[2], sp = 0, cap = 1024, i;
	const char *res = NULL;

	bcf_arena__words(a, &na);
	bcf_arena__words(b, &nb);
	ma = malloc((size_t)na * sizeof(*ma));
	mb = malloc((size_t)nb * sizeof(*mb));
	stack = malloc(cap * sizeof(*stack));
	if (!ma || !mb || !stack)
		abort();
	memset(ma, 0xff, (size_t)na * sizeof(*ma));
	memset(mb, 0xff, (size_t)nb * sizeof(*mb));
	stack[sp][0] = ra;
	stack[sp][1] = rb;
	sp++;
	while (sp && !res) {
		uint32_t x, y;
		const struct bcf_expr *ex, *ey;

		sp--;
		x = stack[sp][0];
		y = stack[sp][1];
		if (ma[x] != UINT32_MAX || mb[y] != UINT32_MAX) {
			if (ma[x] != y || mb[y] != x) {
				snprintf(why, sizeof(why), "sharing differs at %u / %u", x, y);
				res = why;
			}
			continue;
		}
		ma[x] = y;
		mb[y] = x;
		ex = bcf_arena__expr(a, x);
		ey = bcf_arena__expr(b, y);
		if (!ex || !ey || ex->code != ey->code || ex->vlen != ey->vlen ||
		    ex->params != ey->params) {
			snprintf(why, sizeof(why), "node %u (%s %#x/%u) vs %u (%s %#x/%u)", x,
				 ex ? bcf_code__name(ex->code) : "?", ex ? ex->params : 0,
				 ex ? ex->vlen : 0, y, ey ? bcf_code__name(ey->code) : "?",
				 ey ? ey->params : 0, ey ? ey->vlen : 0);
			res = why;
			continue;
		}
		if (ex->code == BCF_BV_VAL) {
			if (memcmp(ex->args, ey->args, ex->vlen * sizeof(uint32_t))) {
				snprintf(why, sizeof(why), "constant %u vs %u differ", x, y);
				res = why;
			}
			continue;
		}
		for (i = 0; i < ex->vlen; i++) {
			if (sp == cap) {
				cap *= 2;
				stack = realloc(stack, cap * sizeof(*stack));
				if (!stack)
					abort();
			}
			stack[sp][0] = ex->args[i];
			stack[sp][1] = ey->args[i];
			sp++;
		}
	}
	if (!res && count_nodes(a) != count_nodes(b)) {
		snprintf(why, sizeof(why), "%u nodes vs %u", count_nodes(a), count_nodes(b));
		res = why;
	}
	free(ma);
	free(mb);
	free(stack);
	return res;
}

/* Run a shell command; its exit status, or -1. */
static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
	va_list ap;
	char *cmd;
	int rc;

	va_start(ap, fmt);
	if (vasprintf(&cmd, fmt, ap) < 0)
		abort();
	va_end(ap);
	rc = system(cmd);
	free(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* The cond file at path holds the same DAG as the vector's cond. */
static bool same_as_vector(const char *path, const struct bcf_cond *want)
{
	struct bcf_cond *got = NULL;
	size_t len;
	void *buf = test_read_file(path, &len);
	bool res;

	res = buf && !bcf_cond__decode(buf, len, &got) && got->path_cond == BCF_COND_NONE &&
	      !same_dag(want->arena, want->refine_cond, got->arena, got->refine_cond);
	bcf_cond__free(got);
	free(buf);
	return res;
}

/* bcf import on a sample of the vectors (file, stdin, stdout) and its usage errors. */
static void test_cli(const struct vec_list *l)
{
	const char *bin = getenv("BCF_BIN");
	char dir[] = "/tmp/bcf-smt2-import.XXXXXX", out[4200], smt[4200];
	unsigned runs = 0, good = 0;
	size_t i;

	if (!bin || access(bin, X_OK) || !mkdtemp(dir)) {
		skip("BCF_BIN not set: bcf import not exercised");
		return;
	}
	snprintf(out, sizeof(out), "%s/out.cond", dir);
	for (i = 0; i < l->n; i += 25) {
		struct bcf_cond *want = NULL;
		size_t clen;
		void *cbuf = vec_read_cond(l->names[i], &clen);

		snprintf(smt, sizeof(smt), "%s/vectors/smt2/%s.smt2", shared_dir(), l->names[i]);
		if (!cbuf || bcf_cond__decode(cbuf, clen, &want)) {
			free(cbuf);
			continue;
		}
		runs++;
		unlink(out);
		switch (i / 25 % 3) {
		case 0:
			good += run("'%s' import '%s' -o '%s'", bin, smt, out) == 0 &&
				same_as_vector(out, want);
			break;
		case 1:
			good += run("'%s' import - -o '%s' <'%s'", bin, out, smt) == 0 &&
				same_as_vector(out, want);
			break;
		default:
			good += run("'%s' import '%s' -o - >'%s'", bin, smt, out) == 0 &&
				same_as_vector(out, want);
		}
		bcf_cond__free(want);
		free(cbuf);
	}
	ok(runs > 40 && good == runs,
	   "bcf import (file, stdin, stdout) gives the vector's DAG for %u/%u vectors", good,
	   runs);
	ok(run("'%s' import --help >/dev/null", bin) == 0, "bcf import --help: status 0");
	ok(run("'%s' help import >/dev/null", bin) == 0, "bcf help import: status 0");
	ok(run("'%s' import 2>/dev/null", bin) == 2, "bcf import without arguments: status 2");
	ok(run("'%s' import '%s' 2>/dev/null", bin, smt) == 2, "bcf import without -o: status 2");
	ok(run("'%s' import '%s' -o 2>/dev/null", bin, smt) == 2, "-o without a file: status 2");
	ok(run("'%s' import '%s' -o x -q 2>/dev/null", bin, smt) == 2, "unknown option: status 2");
	ok(run("'%s' import '%s' '%s' -o x 2>/dev/null", bin, smt, smt) == 2,
	   "two inputs: status 2");
	ok(run("'%s' import '%s/missing.smt2' -o '%s' 2>/dev/null", bin, dir, out) == 2,
	   "missing input: status 2");
	ok(run("'%s' import '%s' -o '%s/no/such/dir/x.cond' 2>/dev/null", bin, smt, dir) == 2,
	   "unwritable output: status 2");
	unlink(out);
	ok(run("printf '(assert (bvadd #b1 true))' | '%s' import - -o '%s' 2>'%s/err'", bin, out,
	       dir) == 1 && access(out, F_OK) != 0,
	   "invalid stdin: status 1, no output file");
	{
		char p[4300], *msg;
		size_t n;

		snprintf(p, sizeof(p), "%s/err", dir);
		msg = test_read_file(p, &n);
		ok(msg && !strcmp(msg, "<stdin>:1:20: 'bvadd': argument 2 has sort Bool, "
			"expected (_ BitVec 1)\n"), "stdin errors are reported as <stdin>:line:col: %s",
		   msg ? msg : "(none)");
		free(msg);
		unlink(p);
	}
	unlink(out);
	rmdir(dir);
}

int main(void)
{
	struct vec_list l = vec_list_conds();
	unsigned parsed = 0, same = 0, reenc = 0, printed = 0, missing = 0;
	size_t i;

	if (!l.n) {
		skip("no vectors under BCF_SHARED_DIR");
		return done_testing();
	}
	for (i = 0; i < l.n; i++) {
		struct bcf_cond *want = NULL, *got = NULL, *back = NULL, *again = NULL;
		char path[4096], *text = NULL, *ptext = NULL;
		const char *why;
		void *cbuf, *enc = NULL;
		size_t clen = 0, tlen = 0, elen;

		snprintf(path, sizeof(path), "%s/vectors/smt2/%s.smt2", shared_dir(), l.names[i]);
		text = test_read_file(path, &tlen);
		cbuf = vec_read_cond(l.names[i], &clen);
		if (!text || !cbuf || bcf_cond__decode(cbuf, clen, &want)) {
			missing++;
			ok(0, "%s: cannot read the vector", l.names[i]);
			goto next;
		}
		if (bcf_smt2__parse(text, tlen, path, &got)) {
			ok(0, "%s: %s", l.names[i], bcf_last_error());
			goto next;
		}
		parsed++;
		if (got->path_cond != BCF_COND_NONE || want->path_cond != BCF_COND_NONE) {
			ok(0, "%s: path_cond set", l.names[i]);
			goto next;
		}
		why = same_dag(want->arena, want->refine_cond, got->arena, got->refine_cond);
		if (why) {
			ok(0, "%s: parsed DAG differs from the cond: %s", l.names[i], why);
			goto next;
		}
		same++;
		/* our result encodes to a buffer that decodes to the same DAG */
		if (bcf_cond__encode(got, &enc, &elen) || bcf_cond__decode(enc, elen, &back) ||
		    (why = same_dag(want->arena, want->refine_cond, back->arena,
				    back->refine_cond))) {
			ok(0, "%s: re-encoded result differs", l.names[i]);
			goto next;
		}
		reenc++;
		/* and we read the project's own SMT-LIB printing of the cond the same way */
		if (bcf_print__smt2(want->arena, want->refine_cond, &ptext) ||
		    bcf_smt2__parse(ptext, strlen(ptext), "printed", &again) ||
		    (why = same_dag(want->arena, want->refine_cond, again->arena,
				    again->refine_cond))) {
			ok(0, "%s: printed and re-read differs: %s", l.names[i],
			   why ? why : bcf_last_error());
			goto next;
		}
		printed++;
next:
		bcf_cond__free(want);
		bcf_cond__free(got);
		bcf_cond__free(back);
		bcf_cond__free(again);
		free(ptext);
		free(enc);
		free(text);
		free(cbuf);
	}
	ok(missing == 0, "all %zu vectors readable", l.n);
	ok(parsed == l.n, "every vector's .smt2 parses (%u/%zu)", parsed, l.n);
	ok(same == l.n, "every parsed DAG equals the .cond up to variable renaming (%u/%zu)", same,
	   l.n);
	ok(reenc == l.n, "every result re-encodes and decodes to the same DAG (%u/%zu)", reenc,
	   l.n);
	ok(printed == l.n, "bcf_print__smt2 output reads back to the same DAG (%u/%zu)", printed,
	   l.n);
	test_cli(&l);
	vec_list_free(&l);
	return done_testing();
}
