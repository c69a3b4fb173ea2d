// SPDX-License-Identifier: MIT
/*
 * Every shared vector's SMT-LIB text (vectors/smt2/NAME.smt2) parses, and
 * its refine condition is the same DAG as the decoded vectors/conds/NAME.cond
 * up to the renaming of variables: an iterative walk pairs the nodes of the
 * two arenas and requires the pairing to be a bijection with equal codes,
 * params and constants.  The same holds after re-encoding our result, and
 * for our reading of bcf_print__smt2's printing of the cond.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
		text = vec_read(path, &tlen);
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
	vec_list_free(&l);
	return done_testing();
}
