// SPDX-License-Identifier: MIT
/*
 * Tests for solver/sat.c: SAT answers are checked against the clauses
 * (and against brute force on small instances); every UNSAT proof is
 * walked and replayed by an independent checker with BCF RESOLUTION list
 * semantics (remove the first occurrence of the pivot literal on each
 * side, concatenate, keep duplicates; then FACTORING keeps first
 * occurrences), down to the empty clause.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bcf/bcf.h>
#include "solver/sat.h"
#include "tests/tap.h"
#include "lang/clock.h"

/* ---- CNF ------------------------------------------------------------------- */

struct cnf {
	uint32_t nvars, nclauses;
	uint32_t *off; /* nclauses + 1 */
	sat_lit *lits;
	uint32_t cap_c, cap_l;
};

static void cnf_add(struct cnf *f, const sat_lit *l, uint32_t n)
{
	if (f->nclauses + 2 > f->cap_c) {
		f->cap_c = f->cap_c * 2 + 16;
		f->off = realloc(f->off, f->cap_c * sizeof(*f->off));
	}
	if (!f->nclauses)
		f->off[0] = 0;
	if (f->off[f->nclauses] + n > f->cap_l) {
		f->cap_l = (f->off[f->nclauses] + n) * 2 + 16;
		f->lits = realloc(f->lits, f->cap_l * sizeof(*f->lits));
	}
	if (n)
		memcpy(f->lits + f->off[f->nclauses], l, n * sizeof(*l));
	f->off[f->nclauses + 1] = f->off[f->nclauses] + n;
	f->nclauses++;
}

static void cnf_free(struct cnf *f)
{
	free(f->off);
	free(f->lits);
	memset(f, 0, sizeof(*f));
}

static uint64_t rng_state;

static uint32_t rnd(void)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(rng_state >> 33);
}

static void random_ksat(struct cnf *f, uint32_t n, uint32_t m, unsigned k, uint64_t seed)
{
	uint32_t i;
	unsigned j;

	memset(f, 0, sizeof(*f));
	f->nvars = n;
	rng_state = seed;
	for (i = 0; i < m; i++) {
		sat_lit l[8];

		for (j = 0; j < k; j++) {
			unsigned t;
again:
			l[j] = SAT_LIT(1 + rnd() % n, rnd() & 1);
			for (t = 0; t < j; t++)
				if (SAT_VAR(l[t]) == SAT_VAR(l[j]))
					goto again;
		}
		cnf_add(f, l, k);
	}
}

/* Pigeons p = 0..n (n+1 of them), holes h = 0..n-1; var(p,h) = 1 + p*n + h. */
static void pigeonhole(struct cnf *f, uint32_t n)
{
	uint32_t p, q, h;
	sat_lit l[64];

	memset(f, 0, sizeof(*f));
	f->nvars = (n + 1) * n;
	for (p = 0; p <= n; p++) {
		for (h = 0; h < n; h++)
			l[h] = SAT_LIT(1 + p * n + h, 0);
		cnf_add(f, l, n);
	}
	for (h = 0; h < n; h++)
		for (p = 0; p <= n; p++)
			for (q = p + 1; q <= n; q++) {
				l[0] = SAT_LIT(1 + p * n + h, 1);
				l[1] = SAT_LIT(1 + q * n + h, 1);
				cnf_add(f, l, 2);
			}
}

/* ---- Tseitin circuits: a*b != b*a with shift-and-add multipliers ---------------- */

static uint32_t tv(struct cnf *f)
{
	return ++f->nvars;
}

static void cl3(struct cnf *f, sat_lit a, sat_lit b, sat_lit c, unsigned n)
{
	sat_lit l[3] = { a, b, c };

	cnf_add(f, l, n);
}

/* Gate outputs as literals. */
static sat_lit g_and(struct cnf *f, sat_lit a, sat_lit b)
{
	sat_lit o = SAT_LIT(tv(f), 0);

	cl3(f, SAT_NOT(o), a, 0, 2);
	cl3(f, SAT_NOT(o), b, 0, 2);
	cl3(f, o, SAT_NOT(a), SAT_NOT(b), 3);
	return o;
}

static sat_lit g_or(struct cnf *f, sat_lit a, sat_lit b)
{
	return SAT_NOT(g_and(f, SAT_NOT(a), SAT_NOT(b)));
}

static sat_lit g_xor(struct cnf *f, sat_lit a, sat_lit b)
{
	sat_lit o = SAT_LIT(tv(f), 0);

	cl3(f, SAT_NOT(o), a, b, 3);
	cl3(f, SAT_NOT(o), SAT_NOT(a), SAT_NOT(b), 3);
	cl3(f, o, SAT_NOT(a), b, 3);
	cl3(f, o, a, SAT_NOT(b), 3);
	return o;
}

/* n-bit product (low n bits) of x and y; false_lit is a literal fixed false. */
static void multiplier(struct cnf *f, const sat_lit *x, const sat_lit *y, unsigned n,
		       sat_lit false_lit, sat_lit *out)
{
	sat_lit acc[32];
	unsigned i, j;

	for (j = 0; j < n; j++)
		acc[j] = g_and(f, x[j], y[0]);
	for (i = 1; i < n; i++) {
		sat_lit carry = false_lit;

		for (j = i; j < n; j++) {
			sat_lit pp = g_and(f, x[j - i], y[i]);
			sat_lit t = g_xor(f, acc[j], pp);
			sat_lit c = g_or(f, g_and(f, acc[j], pp), g_and(f, carry, t));

			acc[j] = g_xor(f, t, carry);
			carry = c;
		}
	}
	memcpy(out, acc, n * sizeof(*out));
}

static void mul_commutes(struct cnf *f, unsigned n)
{
	sat_lit x[32] = { 0 }, y[32] = { 0 }, p[32] = { 0 }, q[32] = { 0 }, d[32] = { 0 }, F;
	unsigned i;

	memset(f, 0, sizeof(*f));
	F = SAT_LIT(tv(f), 0);
	cl3(f, SAT_NOT(F), 0, 0, 1);
	for (i = 0; i < n; i++) {
		x[i] = SAT_LIT(tv(f), 0);
		y[i] = SAT_LIT(tv(f), 0);
	}
	multiplier(f, x, y, n, F, p);
	multiplier(f, y, x, n, F, q);
	for (i = 0; i < n; i++)
		d[i] = g_xor(f, p[i], q[i]);
	cnf_add(f, d, n);
}

/* ---- the independent proof checker ---------------------------------------------- */

struct pchk {
	const struct cnf *f;
	sat_lit **lits; /* by step id */
	uint32_t *nlits;
	uint8_t *known;
	uint32_t cap;
	uint32_t steps, last_nlits;
	bool failed;
	char why[200];
	uint32_t wide;    /* wide steps met */
	uint32_t max_nlits; /* the longest derived clause */
	sat_lit def, def_f[255]; /* the current definition: def = (or def_f...) */
	uint32_t def_nf, defs, def_clauses; /* its size; definitions and their clauses met */
};

static void pchk_fail(struct pchk *c, const char *fmt, uint32_t id)
{
	if (!c->failed)
		snprintf(c->why, sizeof(c->why), fmt, id);
	c->failed = true;
}

static void pchk_store(struct pchk *c, uint32_t id, const sat_lit *l, uint32_t n)
{
	if (id >= c->cap) {
		uint32_t cap = (id + 1) * 2;

		c->lits = realloc(c->lits, cap * sizeof(*c->lits));
		c->nlits = realloc(c->nlits, cap * sizeof(*c->nlits));
		c->known = realloc(c->known, cap);
		memset(c->lits + c->cap, 0, (cap - c->cap) * sizeof(*c->lits));
		memset(c->known + c->cap, 0, cap - c->cap);
		c->cap = cap;
	}
	if (c->known[id]) {
		pchk_fail(c, "step id %u defined twice", id);
		return;
	}
	c->known[id] = 1;
	c->lits[id] = malloc((n ? n : 1) * sizeof(sat_lit));
	if (n)
		memcpy(c->lits[id], l, n * sizeof(sat_lit));
	c->nlits[id] = n;
}

/* Whether l (n literals) is, as a set, {first} plus rest (nrest literals). */
static bool same_set(const sat_lit *l, uint32_t n, sat_lit first, const sat_lit *rest,
		     uint32_t nrest)
{
	uint32_t i, j;

	if (n != nrest + 1)
		return false;
	for (i = 0; i < n; i++) {
		bool in = l[i] == first;

		for (j = 0; j < nrest && !in; j++)
			in = l[i] == rest[j];
		for (j = 0; j < i && in; j++)
			in = l[j] != l[i];
		if (!in)
			return false;
	}
	return true;
}

/* A definition (solver/sat.h BCF_SAT_DEFINE) and its two kinds of clauses. */
static void pchk_def(struct pchk *c, const struct bcf_sat_step *st)
{
	sat_lit notf;

	if (st->kind == BCF_SAT_DEFINE) {
		if (st->nlits < 2 || st->nlits > 254 || st->npremises) {
			pchk_fail(c, "step %u: a malformed definition", st->id);
			return;
		}
		c->def = st->def;
		c->def_nf = st->nlits;
		memcpy(c->def_f, st->lits, st->nlits * sizeof(sat_lit));
		c->defs++;
		return;
	}
	c->def_clauses++;
	if (!c->def_nf || st->def != c->def || st->npremises) {
		pchk_fail(c, "step %u: a definition clause without its definition", st->id);
		return;
	}
	if (st->kind == BCF_SAT_DEF_POS ?
	    !same_set(st->lits, st->nlits, SAT_NOT(c->def), c->def_f, c->def_nf) :
	    st->def_index >= c->def_nf ||
	    (notf = SAT_NOT(c->def_f[st->def_index]),
	     !same_set(st->lits, st->nlits, c->def, &notf, 1))) {
		pchk_fail(c, "step %u: not a clause of the definition", st->id);
		return;
	}
	pchk_store(c, st->id, st->lits, st->nlits);
}

static int pchk_step(void *ctx, const struct bcf_sat_step *st)
{
	struct pchk *c = ctx;
	sat_lit acc[600], tmp[600];
	uint32_t na = 0, i, j, k;

	c->steps++;
	if (st->kind != BCF_SAT_RESOLVE) {
		pchk_def(c, st);
		return 0;
	}
	c->last_nlits = st->nlits;
	if (!st->input && st->nlits > c->max_nlits)
		c->max_nlits = st->nlits;
	if (st->input) {
		const struct cnf *f = c->f;

		if (st->id >= f->nclauses || st->nlits != f->off[st->id + 1] - f->off[st->id] ||
		    (st->nlits &&
		     memcmp(st->lits, f->lits + f->off[st->id], st->nlits * sizeof(sat_lit))))
			pchk_fail(c, "input step %u differs from the input clause", st->id);
		else
			pchk_store(c, st->id, st->lits, st->nlits);
		return 0;
	}
	if (st->npremises < 1) {
		pchk_fail(c, "step %u: no premise", st->id);
		return 0;
	}
	if (st->wide && st->npremises != 2) {
		pchk_fail(c, "step %u: a wide step has two premises", st->id);
		return 0;
	}
	c->wide += st->wide;
	for (i = 0; i < st->npremises; i++)
		if (st->premises[i] >= c->cap || !c->known[st->premises[i]]) {
			pchk_fail(c, "step %u: premise not defined earlier", st->id);
			return 0;
		}
	if (st->npremises > 248) {
		pchk_fail(c, "step %u: more than 248 premises", st->id);
		return 0;
	}
	k = st->premises[0];
	memcpy(acc, c->lits[k], c->nlits[k] * sizeof(sat_lit));
	na = c->nlits[k];
	for (i = 1; i < st->npremises; i++) {
		sat_lit a = st->pivots[i - 1];
		uint32_t r = st->premises[i], nr = c->nlits[r];
		bool found = false;

		for (j = 0; j < na; j++)
			if (acc[j] == a) {
				memmove(acc + j, acc + j + 1, (na - j - 1) * sizeof(sat_lit));
				na--;
				found = true;
				break;
			}
		if (!found) {
			pchk_fail(c, "step %u: pivot literal missing on the left", st->id);
			return 0;
		}
		memcpy(tmp, c->lits[r], nr * sizeof(sat_lit));
		found = false;
		for (j = 0; j < nr; j++)
			if (tmp[j] == SAT_NOT(a)) {
				memmove(tmp + j, tmp + j + 1, (nr - j - 1) * sizeof(sat_lit));
				nr--;
				found = true;
				break;
			}
		if (!found) {
			pchk_fail(c, "step %u: pivot literal missing on the right", st->id);
			return 0;
		}
		if (na + nr > 255) {
			pchk_fail(c, "step %u: accumulated clause over 255 literals", st->id);
			return 0;
		}
		memcpy(acc + na, tmp, nr * sizeof(sat_lit));
		na += nr;
	}
	if (na != st->chain_lits) {
		pchk_fail(c, "step %u: chain result length differs", st->id);
		return 0;
	}
	/* factoring: keep first occurrences */
	for (i = j = 0; i < na; i++) {
		for (k = 0; k < j; k++)
			if (tmp[k] == acc[i])
				break;
		if (k == j)
			tmp[j++] = acc[i];
	}
	if ((j != na) != st->factoring) {
		pchk_fail(c, "step %u: factoring flag wrong", st->id);
		return 0;
	}
	if (st->npremises == 1 && !st->factoring && (!c->wide || st->premises[0] < c->f->nclauses)) {
		/* only a chain that ends right after a wide step is its clause */
		pchk_fail(c, "step %u: lone FACTORING without duplicates", st->id);
		return 0;
	}
	if (j != st->nlits || (j && memcmp(tmp, st->lits, j * sizeof(sat_lit)))) {
		pchk_fail(c, "step %u: clause differs from the replayed chain", st->id);
		return 0;
	}
	for (i = 0; i < j; i++)
		for (k = i + 1; k < j; k++)
			if (tmp[i] == SAT_NOT(tmp[k])) {
				pchk_fail(c, "step %u: tautology derived", st->id);
				return 0;
			}
	pchk_store(c, st->id, tmp, j);
	return 0;
}

static void pchk_free(struct pchk *c)
{
	uint32_t i;

	for (i = 0; i < c->cap; i++)
		free(c->lits[i]);
	free(c->lits);
	free(c->nlits);
	free(c->known);
}

/* ---- running one instance ---------------------------------------------------- */

struct outcome {
	enum bcf_sat_result r;
	bool model_ok, proof_ok;
	int walk_err;
	uint32_t wide, max_nlits, defs, def_clauses;
	struct bcf_sat_stats st;
	char why[200];
};

static bool model_satisfies(struct bcf_sat *s, const struct cnf *f)
{
	uint32_t i, k;

	for (i = 0; i < f->nclauses; i++) {
		bool sat = false;

		for (k = f->off[i]; k < f->off[i + 1] && !sat; k++) {
			sat_lit l = f->lits[k];

			sat = bcf_sat__value(s, SAT_VAR(l)) != SAT_NEG(l);
		}
		if (!sat)
			return false;
	}
	return true;
}

static int g_minimize; /* bcf_sat_opts.minimize for run() */
static bool g_vsids;   /* bcf_sat_opts.vsids for run() */
static uint32_t g_shrink_min; /* bcf_sat_opts.shrink_min for run() */
static const sat_lit *g_prefer; /* literals run() has decided first (bcf_sat__prefer) */
static uint32_t g_nprefer;
static bool g_late; /* run(): prefer_root, and every unit clause late (bcf_sat__late) */
static const uint32_t *g_owner; /* load(): clause i defines variable g_owner[i] (bcf_sat__own) */
/* run(): phases (bcf_sat__phase) over the preferred literals, each lo, hi,
 * nneed, ncut and the variables, g_nphase_words words in all */
static const uint32_t *g_phase;
static uint32_t g_nphase_words;
static uint64_t g_window_moves; /* run() adds the clauses woken and put to sleep */

/* run()'s options back to their defaults (the tests that change them end so). */
static void run_defaults(void)
{
	g_late = false;
	g_prefer = NULL;
	g_nprefer = 0;
	g_owner = NULL;
	g_phase = NULL;
	g_nphase_words = 0;
	g_shrink_min = 0;
}

/* A solver with options o holding f's variables and clauses; why says what failed. */
static struct bcf_sat *load(const struct cnf *f, const struct bcf_sat_opts *o, char *why,
			    size_t whysz)
{
	struct bcf_sat *s = bcf_sat__new(o);
	uint32_t i, node;

	for (i = 0; s && i < f->nvars; i++)
		bcf_sat__new_var(s);
	for (i = 0; s && i < f->nclauses; i++) {
		bcf_sat__late(s, g_late && f->off[i + 1] - f->off[i] == 1);
		if (g_owner)
			bcf_sat__own(s, g_owner[i]);
		if (bcf_sat__add_clause(s, f->lits + f->off[i], f->off[i + 1] - f->off[i], &node) ||
		    node != i)
			snprintf(why, whysz, "add_clause %u failed", i);
	}
	if (s)
		bcf_sat__late(s, false);
	return s;
}

static struct outcome run(const struct cnf *f, const struct bcf_sat_walk_opts *wo)
{
	struct bcf_sat_opts o = { .proof = true, .minimize = g_minimize, .vsids = g_vsids,
				  .prefer_root = g_late, .shrink_min = g_shrink_min };
	struct outcome out = { 0 };
	struct bcf_sat *s = load(f, &o, out.why, sizeof(out.why));
	uint32_t i;

	if (!s) {
		snprintf(out.why, sizeof(out.why), "no solver (out of memory)");
		return out;
	}
	for (i = 0; i < g_nprefer; i++)
		if (bcf_sat__prefer(s, g_prefer[i]))
			snprintf(out.why, sizeof(out.why), "prefer %u failed", i);
	for (i = 0; i < g_nphase_words; i += 4 + g_phase[i + 2] + g_phase[i + 3])
		if (bcf_sat__phase(s, g_phase[i], g_phase[i + 1], g_phase + i + 4, g_phase[i + 2],
				   g_phase + i + 4 + g_phase[i + 2], g_phase[i + 3]))
			snprintf(out.why, sizeof(out.why), "phase at word %u failed", i);
	out.r = bcf_sat__solve(s);
	if (out.r == BCF_SAT_SAT)
		out.model_ok = model_satisfies(s, f);
	if (out.r == BCF_SAT_UNSAT) {
		struct pchk c = { .f = f };
		int err = bcf_sat__proof_walk(s, wo, pchk_step, &c);

		out.proof_ok = !err && !c.failed && c.steps && c.last_nlits == 0;
		out.walk_err = err;
		out.wide = c.wide;
		out.max_nlits = c.max_nlits;
		out.defs = c.defs;
		out.def_clauses = c.def_clauses;
		if (err)
			snprintf(out.why, sizeof(out.why), "walk error %d", err);
		else if (c.failed)
			snprintf(out.why, sizeof(out.why), "%s", c.why);
		else if (c.last_nlits)
			snprintf(out.why, sizeof(out.why), "last step is not the empty clause");
		pchk_free(&c);
	}
	if (out.r == BCF_SAT_UNKNOWN)
		snprintf(out.why, sizeof(out.why), "unknown (error %d)", bcf_sat__error(s));
	out.st = *bcf_sat__stats(s);
	g_window_moves += out.st.window_watched + out.st.window_unwatched;
	bcf_sat__free(s);
	return out;
}

/* Brute force (n <= 20). */
static bool brute_sat(const struct cnf *f)
{
	uint32_t m, i, k;

	for (m = 0; m < (1u << f->nvars); m++) {
		bool all = true;

		for (i = 0; i < f->nclauses && all; i++) {
			bool sat = false;

			for (k = f->off[i]; k < f->off[i + 1] && !sat; k++) {
				sat_lit l = f->lits[k];

				sat = ((m >> (SAT_VAR(l) - 1)) & 1) != SAT_NEG(l);
			}
			all = sat;
		}
		if (all)
			return true;
	}
	return false;
}

static bool outcome_ok(const struct outcome *o)
{
	return (o->r == BCF_SAT_SAT && o->model_ok) || (o->r == BCF_SAT_UNSAT && o->proof_ok);
}

/* ---- tests ------------------------------------------------------------------- */

/* Brute-force comparisons tallied: verdicts that agree, models/proofs that check. */
struct brute_tally {
	unsigned agree, good, nsat, total;
	char first_bad[300];
};

/* Solve f (run()), compare with brute force and tally; frees f. */
static void brute_compare(struct brute_tally *t, struct cnf *f, unsigned seed)
{
	bool want = brute_sat(f);
	struct outcome o = run(f, NULL);

	t->total++;
	t->nsat += want;
	t->agree += (o.r == BCF_SAT_SAT) == want && o.r != BCF_SAT_UNKNOWN;
	if (outcome_ok(&o))
		t->good++;
	else if (!*t->first_bad)
		snprintf(t->first_bad, sizeof(t->first_bad), "seed %u: %.250s", seed, o.why);
	cnf_free(f);
}

/* The two points of a tally, what naming the formulas. */
static void brute_ok(const struct brute_tally *t, const char *what)
{
	ok(t->agree == t->total, "%s: %u/%u agree with brute force (%u sat)", what, t->agree,
	   t->total, t->nsat);
	ok(t->good == t->total, "%s: %u/%u models/proofs check %s", what, t->good, t->total,
	   t->first_bad);
}

/* 300 small random 3-SAT formulas (seeds seed0 ...) against brute force. */
static void small_vs_brute(unsigned seed0, const char *what)
{
	struct brute_tally t = { 0 };
	unsigned i;

	for (i = 0; i < 300; i++) {
		struct cnf f;
		uint32_t n = 6 + i % 13;

		random_ksat(&f, n, (uint32_t)(n * (3.6 + (i % 5) * 0.3)), 3, seed0 + i);
		brute_compare(&t, &f, seed0 + i);
	}
	brute_ok(&t, what);
}

static void test_small_vs_brute(void)
{
	small_vs_brute(1000, "small random 3-SAT");
}

/*
 * Late unit clauses (bcf_sat__late): random 3-SAT with unit clauses among
 * the clauses, every unit late, a few preferred literals decided at level 0
 * only (prefer_root), against brute force.  The units come in only once
 * the preferred literals are assigned at level 0, or when nothing is left
 * to decide: a model must still satisfy them, a proof still end in the
 * empty clause.
 */
static void test_late(void)
{
	struct brute_tally t = { 0 };
	sat_lit pref[3];
	unsigned i;

	g_late = true;
	g_prefer = pref;
	g_nprefer = 3;
	for (i = 0; i < 300; i++) {
		struct cnf f;
		uint32_t n = 6 + i % 11, k;

		random_ksat(&f, n, (uint32_t)(n * (3.0 + (i % 4) * 0.4)), 3, 5000 + i);
		for (k = 0; k < 1 + i % 3; k++) {
			sat_lit u = SAT_LIT(1 + rnd() % n, rnd() & 1);

			cnf_add(&f, &u, 1);
		}
		for (k = 0; k < 3; k++)
			pref[k] = SAT_LIT(1 + rnd() % n, rnd() & 1);
		brute_compare(&t, &f, 5000 + i);
	}
	run_defaults();
	brute_ok(&t, "late units");
}

/*
 * Windows (bcf_sat__own, bcf_sat__phase): random 3-SAT whose clauses each
 * define one of their variables (or none), six preferred literals decided
 * at level 0 only, in two or three phases with random needs and cuts,
 * against brute force.  A phase's clauses are watched only while the
 * search is in it, which can leave a satisfiable-looking rest: the answer,
 * the model and the proof must still be those of the whole formula.  The
 * windows must also have moved clauses in and out at all.
 */
static void test_windows(void)
{
	struct brute_tally t = { 0 };
	sat_lit pref[6];
	uint32_t owner[200], ph[64];
	unsigned i;

	g_late = true;
	g_prefer = pref;
	g_nprefer = 6;
	g_owner = owner;
	g_phase = ph;
	g_window_moves = 0;
	for (i = 0; i < 400; i++) {
		struct cnf f;
		uint32_t n = 6 + i % 12, k, c, lo = 0, np = 2 + i % 2;

		random_ksat(&f, n, (uint32_t)(n * (4.2 + (i % 4) * 0.4)), 3, 9000 + i);
		for (c = 0; c < f.nclauses && c < 200; c++)
			owner[c] = rnd() % 4 ? SAT_VAR(f.lits[f.off[c] + rnd() % 3]) : 0;
		for (k = 0; k < 6; k++)
			pref[k] = SAT_LIT(1 + rnd() % n, rnd() & 1);
		g_nphase_words = 0;
		for (k = 0; k < np; k++) {
			uint32_t hi = k + 1 < np ? lo + 1 + rnd() % 2 : 6, *p = ph + g_nphase_words;

			p[0] = lo;
			p[1] = hi;
			p[2] = rnd() % 3; /* needs */
			p[3] = rnd() % 3; /* cuts */
			for (c = 0; c < p[2] + p[3]; c++)
				p[4 + c] = 1 + rnd() % n;
			g_nphase_words += 4 + p[2] + p[3];
			lo = hi;
		}
		brute_compare(&t, &f, 9000 + i);
	}
	run_defaults();
	brute_ok(&t, "windows");
	ok(g_window_moves > 0, "windows: %llu clauses woken or put to sleep",
	   (unsigned long long)g_window_moves);
}

/*
 * Shrinking (sat_shrink.c), on every learned clause of more than 2
 * literals instead of the default 200: the lower levels' literals replaced
 * by their UIPs must leave a clause the logged chain still derives (the
 * proof checker replays every step) and the same verdicts as brute force;
 * the larger random formulas must have had literals shrunk away, or this
 * tests nothing.
 */
static void test_shrink(void)
{
	uint64_t shrunk = 0, confl = 0;
	unsigned i, good = 0, count = 40;
	char first_bad[300] = "";

	g_shrink_min = 2;
	small_vs_brute(7000, "shrinking, small random 3-SAT");
	for (i = 0; i < count; i++) {
		struct cnf f;
		struct outcome o;

		random_ksat(&f, 60 + i % 20, (uint32_t)((60 + i % 20) * 4.3), 3, 8000 + i);
		o = run(&f, NULL);
		shrunk += o.st.shrunk_lits;
		confl += o.st.conflicts;
		if (outcome_ok(&o))
			good++;
		else if (!*first_bad)
			snprintf(first_bad, sizeof(first_bad), "seed %u: %.250s", 8000 + i, o.why);
		cnf_free(&f);
	}
	run_defaults();
	ok(good == count, "shrinking, 60-79 variables: %u/%u models/proofs check %s", good, count,
	   first_bad);
	ok(shrunk > 0, "shrinking: %llu literals shrunk away in %llu conflicts",
	   (unsigned long long)shrunk, (unsigned long long)confl);
}

static void test_random(uint32_t n, double ratio, unsigned count, uint64_t seed0,
			const struct bcf_sat_walk_opts *wo, bool both, const char *what)
{
	unsigned i, good = 0, nsat = 0, nunsat = 0;
	uint64_t confl = 0, steps = 0, prem = 0, splits = 0;
	char first_bad[300] = "";

	for (i = 0; i < count; i++) {
		struct cnf f;
		struct outcome o;

		random_ksat(&f, n, (uint32_t)(n * ratio), 3, seed0 + i);
		o = run(&f, wo);
		nsat += o.r == BCF_SAT_SAT;
		nunsat += o.r == BCF_SAT_UNSAT;
		confl += o.st.conflicts;
		steps += o.st.trimmed_derived;
		prem += o.st.trimmed_premises;
		splits += o.st.split_steps;
		if (outcome_ok(&o))
			good++;
		else if (!*first_bad)
			snprintf(first_bad, sizeof(first_bad), "seed %llu: %.250s",
				 (unsigned long long)(seed0 + i), o.why);
		cnf_free(&f);
	}
	ok(good == count && (!both || (nsat && nunsat)),
	   "%s: %u/%u check (%u sat, %u unsat) %s", what, good, count, nsat, nunsat, first_bad);
	diag("%s: %llu conflicts, %llu derived steps (%llu premises, %llu splits)", what,
	     (unsigned long long)confl, (unsigned long long)steps, (unsigned long long)prem,
	     (unsigned long long)splits);
}

static void test_php(uint32_t n)
{
	struct cnf f;
	struct outcome o;

	pigeonhole(&f, n);
	o = run(&f, NULL);
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok, "PHP(%u,%u) unsat, proof replays %s", n + 1, n,
	   o.why);
	diag("PHP(%u,%u): %llu conflicts, %llu decisions, %llu propagations, %llu learned, "
	     "proof %llu logged nodes -> %llu inputs + %llu derived steps, %llu premises",
	     n + 1, n, (unsigned long long)o.st.conflicts, (unsigned long long)o.st.decisions,
	     (unsigned long long)o.st.propagations, (unsigned long long)o.st.learned,
	     (unsigned long long)o.st.proof_nodes, (unsigned long long)o.st.trimmed_inputs,
	     (unsigned long long)o.st.trimmed_derived, (unsigned long long)o.st.trimmed_premises);
	cnf_free(&f);
}

/*
 * Wide steps (bcf_sat_walk_opts.wide): with a literal limit close to the
 * longest clause, a single resolution whose list result is over the limit
 * (the premises share literals) is emitted as a wide step of two premises
 * instead of failing; every step still replays, and the walk fails
 * (-E2BIG) only when a clause itself is longer than the limit.
 */
static void test_wide(void)
{
	uint32_t lim, wide = 0, proofs = 0, n;
	bool all = true;

	for (n = 5; n <= 7; n++) {
		struct cnf f;

		pigeonhole(&f, n);
		for (lim = 8; lim <= 40; lim += 4) {
			struct bcf_sat_walk_opts wo = { .max_lits = lim, .wide = true };
			struct outcome o = run(&f, &wo);

			if (o.r != BCF_SAT_UNSAT || (!o.proof_ok && o.walk_err != -E2BIG)) {
				all = false;
				diag("PHP(%u,%u), max %u literals: %s", n + 1, n, lim, o.why);
			}
			proofs += o.proof_ok;
			wide += o.proof_ok ? o.wide : 0;
		}
		cnf_free(&f);
	}
	ok(all, "wide steps: every walk replays or fails with -E2BIG (a clause over the limit)");
	ok(proofs > 0 && wide > 0, "wide steps: %u proofs replayed with %u wide steps", proofs, wide);
}

/*
 * One conflict's chain that holds more literals at once than a step allows
 * although every clause is short (found as ite chains of 98-125 levels,
 * bench/limit_shapes.sh), built under a decision d and again under NOT d:
 * x1..xn implied by d; w_k from three x each; z from the w; y_j from x_j
 * and z; q_k from three y each; the conflict (NOT q1 .. NOT q4).  Each x's
 * reason waits on the w's reasons, which wait on z's, which waits on every
 * y's: in any order the accumulated clause holds every NOT x and NOT z at
 * once.  The walk then derives each entry's implied literal on its own
 * (solver/sat_walk.c walk_units).
 */
/* The clause (NOT from .. NOT from+n-1 OR to): the n variables imply to (0: a conflict). */
static void implies(struct cnf *f, uint32_t from, uint32_t n, uint32_t to)
{
	sat_lit l[16];
	uint32_t i;

	for (i = 0; i < n; i++)
		l[i] = SAT_LIT(from + i, 1);
	if (to)
		l[n++] = SAT_LIT(to, 0);
	cnf_add(f, l, n);
}

static void frontier_half(struct cnf *f, uint32_t base, sat_lit d, uint32_t side)
{
	enum { N = 12, W = N / 3, Q = N / 3 };
	uint32_t x = base, w = x + N, z = w + W, y = z + 1, q = y + N, i, k;
	sat_lit l[8];

	for (i = 0; i < N; i++) {
		l[0] = SAT_NOT(d);
		l[1] = SAT_LIT(x + i, 0);
		l[2] = SAT_LIT(side + i % 3, 0);
		cnf_add(f, l, side ? 3 : 2);
	}
	for (k = 0; k < W; k++)
		implies(f, x + 3 * k, 3, w + k);
	implies(f, w, W, z);
	for (i = 0; i < N; i++) {
		l[0] = SAT_LIT(x + i, 1);
		l[1] = SAT_LIT(z, 1);
		l[2] = SAT_LIT(y + i, 0);
		cnf_add(f, l, 3);
	}
	for (k = 0; k < Q; k++)
		implies(f, y + 3 * k, 3, q + k);
	implies(f, q, Q, 0);
}

static void test_frontier(void)
{
	const uint32_t half = 12 + 4 + 1 + 12 + 4;
	struct bcf_sat_walk_opts wo = { .max_lits = 8, .wide = true };
	struct cnf f = { 0 };
	struct outcome o;

	f.nvars = 1 + 2 * half;
	frontier_half(&f, 2, SAT_LIT(1, 0), 0);
	frontier_half(&f, 2 + half, SAT_LIT(1, 1), 0);
	o = run(&f, &wo);
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.max_nlits <= wo.max_lits,
	   "a chain over 13 literals at once, steps of at most %u: the walk derives each "
	   "implied literal on its own (longest clause %u) %s", wo.max_lits, o.max_nlits, o.why);
	cnf_free(&f);
}

/*
 * The same chain with lower-level literals in it: x_j's reason also holds
 * s_(j mod 3), three variables decided false first (bcf_sat__prefer), so
 * the clause learned from the chain is (NOT d OR s1 OR s2 OR s3) and every
 * literal derived on its own would carry s literals.  A definition
 * D = (or NOT d s1 s2 s3) stands for them (BCF_SAT_DEFINE, DEF_NEG,
 * DEF_POS); each s_i is refuted by (NOT s_i OR t_i) (NOT s_i OR NOT t_i).
 */
static void test_frontier_def(void)
{
	const uint32_t half = 12 + 4 + 1 + 12 + 4, S = 2 + 2 * half;
	struct bcf_sat_walk_opts wo = { .max_lits = 8, .wide = true };
	sat_lit prefer[4], l[4];
	struct cnf f = { 0 };
	struct outcome o;
	uint32_t i;

	f.nvars = S + 6;
	frontier_half(&f, 2, SAT_LIT(1, 0), S);
	frontier_half(&f, 2 + half, SAT_LIT(1, 1), S);
	for (i = 0; i < 3; i++) {
		l[0] = SAT_LIT(S + i, 1);
		l[1] = SAT_LIT(S + 3 + i, 0);
		cnf_add(&f, l, 2);
		l[1] = SAT_LIT(S + 3 + i, 1);
		cnf_add(&f, l, 2);
		prefer[i] = SAT_LIT(S + i, 1);
	}
	prefer[3] = SAT_LIT(1, 0);
	g_prefer = prefer;
	g_nprefer = 4;
	o = run(&f, &wo);
	g_prefer = NULL;
	g_nprefer = 0;
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.max_nlits <= wo.max_lits && o.defs > 0 &&
	   o.def_clauses > 0,
	   "the chain under lower-level literals: %u definitions, %u of their clauses, longest "
	   "clause %u of at most %u %s", o.defs, o.def_clauses, o.max_nlits, wo.max_lits, o.why);
	cnf_free(&f);
}

/*
 * The proof walk honours the solver's time limit (opts.timeout_ms, counted
 * from the start of the search): a walk that starts after it is -ETIME,
 * the same walk without a limit replays.
 */
static void test_walk_timeout(void)
{
	unsigned limit;

	for (limit = 0; limit <= 500; limit += 500) {
		struct bcf_sat_opts o = { .proof = true, .timeout_ms = limit };
		struct bcf_sat *s;
		struct pchk c = { 0 };
		struct cnf f;
		char why[100] = "";
		int err;

		pigeonhole(&f, 3);
		c.f = &f;
		s = load(&f, &o, why, sizeof(why));
		if (s && !why[0] && bcf_sat__solve(s) == BCF_SAT_UNSAT) {
			if (limit)
				nanosleep(&(struct timespec){ .tv_nsec = 600 * 1000000L }, NULL);
			err = bcf_sat__proof_walk(s, NULL, pchk_step, &c);
		} else {
			err = -EPROTO;
		}
		if (limit)
			ok(err == -ETIME, "a proof walk that starts after the time limit: -ETIME (%d)",
			   err);
		else
			ok(!err && !c.failed, "the same walk without a limit replays (%d) %s", err,
			   c.why);
		pchk_free(&c);
		bcf_sat__free(s);
		cnf_free(&f);
	}
}

static void test_circuit(unsigned n)
{
	struct cnf f;
	struct outcome o;

	mul_commutes(&f, n);
	o = run(&f, NULL);
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok, "%u-bit x*y = y*x circuit%s: unsat, proof replays %s",
	   n, g_minimize ? " (minimisation on)" : "", o.why);
	diag("mul %u bits%s: %u vars %u clauses, %llu conflicts; proof %llu inputs + %llu derived "
	     "steps (%llu splits), %llu premises, ~%llu BCF words", n,
	     g_minimize ? " (minimisation on)" : "", f.nvars, f.nclauses,
	     (unsigned long long)o.st.conflicts, (unsigned long long)o.st.trimmed_inputs,
	     (unsigned long long)o.st.trimmed_derived, (unsigned long long)o.st.split_steps,
	     (unsigned long long)o.st.trimmed_premises, (unsigned long long)o.st.est_words);
	cnf_free(&f);
}

/* Corner cases: empty clause, contradictory units, duplicates, tautologies. */
static void test_corners(void)
{
	struct cnf f = { 0 };
	struct outcome o;
	sat_lit l[4];

	f.nvars = 2;
	l[0] = SAT_LIT(1, 0);
	l[1] = SAT_LIT(2, 0);
	cnf_add(&f, l, 2);
	cnf_add(&f, NULL, 0);
	o = run(&f, NULL);
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.st.trimmed_derived == 0 &&
	   o.st.trimmed_inputs == 1, "empty input clause: the proof is that clause %s", o.why);
	cnf_free(&f);

	f.nvars = 1;
	l[0] = SAT_LIT(1, 0);
	cnf_add(&f, l, 1);
	l[0] = SAT_LIT(1, 1);
	cnf_add(&f, l, 1);
	o = run(&f, NULL);
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.st.trimmed_derived == 1,
	   "contradictory units: one resolution %s", o.why);
	cnf_free(&f);

	/* (x1 x1 x2) (x1 -x1) (-x1 -x1) (-x2): duplicates need FACTORING, the tautology is unused */
	f.nvars = 2;
	l[0] = SAT_LIT(1, 0);
	l[1] = SAT_LIT(1, 0);
	l[2] = SAT_LIT(2, 0);
	cnf_add(&f, l, 3);
	l[0] = SAT_LIT(1, 0);
	l[1] = SAT_LIT(1, 1);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(1, 1);
	l[1] = SAT_LIT(1, 1);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(2, 1);
	cnf_add(&f, l, 1);
	o = run(&f, NULL);
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.st.trimmed_inputs == 3,
	   "duplicate literals and a tautology: proof replays, tautology unused %s", o.why);
	cnf_free(&f);

	/* unit chain at level 0: x1, x1->x2, ..., x9->x10, -x10 */
	{
		unsigned i;

		f.nvars = 10;
		l[0] = SAT_LIT(1, 0);
		cnf_add(&f, l, 1);
		for (i = 1; i < 10; i++) {
			l[0] = SAT_LIT(i, 1);
			l[1] = SAT_LIT(i + 1, 0);
			cnf_add(&f, l, 2);
		}
		l[0] = SAT_LIT(10, 1);
		cnf_add(&f, l, 1);
		o = run(&f, NULL);
		ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.st.decisions == 0,
		   "level-0 implication chain refuted without decisions %s", o.why);
		/* every level-0 unit is used once: all inlined into the last step */
		ok(o.st.trimmed_derived == 1 && o.st.trimmed_premises == 11,
		   "level-0 chain: units used once are inlined (%llu steps, %llu premises)",
		   (unsigned long long)o.st.trimmed_derived,
		   (unsigned long long)o.st.trimmed_premises);
		cnf_free(&f);
	}

	/* diamond at level 0: x0, x0->x1, x1->x2, x1->x3, x2 x3->x4, -x4 */
	f.nvars = 5;
	l[0] = SAT_LIT(1, 0);
	cnf_add(&f, l, 1);
	l[0] = SAT_LIT(1, 1);
	l[1] = SAT_LIT(2, 0);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(2, 1);
	l[1] = SAT_LIT(3, 0);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(2, 1);
	l[1] = SAT_LIT(4, 0);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(3, 1);
	l[1] = SAT_LIT(4, 1);
	l[2] = SAT_LIT(5, 0);
	cnf_add(&f, l, 3);
	l[0] = SAT_LIT(5, 1);
	cnf_add(&f, l, 1);
	o = run(&f, NULL);
	/* the unit x1 is used twice and stays a step; x2 and x3 are inlined and
	 * share its entry, which resolves both copies of NOT x1 */
	ok(o.r == BCF_SAT_UNSAT && o.proof_ok && o.st.trimmed_derived == 2,
	   "level-0 diamond: shared unit kept, single-use units inlined (%llu steps) %s",
	   (unsigned long long)o.st.trimmed_derived, o.why);
	cnf_free(&f);

	f.nvars = 3;
	l[0] = SAT_LIT(1, 0);
	l[1] = SAT_LIT(2, 1);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(3, 0);
	cnf_add(&f, l, 1);
	o = run(&f, NULL);
	ok(o.r == BCF_SAT_SAT && o.model_ok, "satisfiable with a unit: model checks");
	cnf_free(&f);

	{
		struct bcf_sat_opts so = { .proof = true, .max_conflicts = 100 };
		struct bcf_sat *s = bcf_sat__new(&so);
		struct pchk c = { 0 };
		uint32_t i;

		pigeonhole(&f, 10);
		for (i = 0; i < f.nvars; i++)
			bcf_sat__new_var(s);
		for (i = 0; i < f.nclauses; i++)
			bcf_sat__add_clause(s, f.lits + f.off[i], f.off[i + 1] - f.off[i], NULL);
		ok(bcf_sat__solve(s) == BCF_SAT_UNKNOWN && bcf_sat__stats(s)->conflicts == 100 &&
		   !bcf_sat__error(s) && bcf_sat__proof_walk(s, NULL, pchk_step, &c) == -EINVAL,
		   "conflict budget: PHP(11,10) stops unknown after 100 conflicts, no proof");
		bcf_sat__free(s);
		cnf_free(&f);
	}
	{
		struct bcf_sat *s = bcf_sat__new(NULL);
		sat_lit bad = SAT_LIT(5, 0);
		struct pchk c = { 0 };

		bcf_sat__new_var(s);
		ok(bcf_sat__add_clause(s, &bad, 1, NULL) == -EINVAL, "unknown variable rejected");
		ok(bcf_sat__solve(s) == BCF_SAT_SAT &&
		   bcf_sat__proof_walk(s, NULL, pchk_step, &c) == -EINVAL,
		   "no proof walk after SAT / without logging");
		bcf_sat__free(s);
	}
	{
		struct bcf_sat *s = bcf_sat__new(NULL);
		unsigned line = 0;
		int err;

		err = bcf_sat__read_dimacs(s, "c x\np cnf 2 3\n1 2 0\n-1 0\n-2 0\n", &line);
		ok(!err && bcf_sat__nvars(s) == 2 && bcf_sat__solve(s) == BCF_SAT_UNSAT,
		   "DIMACS reader");
		bcf_sat__free(s);
		s = bcf_sat__new(NULL);
		err = bcf_sat__read_dimacs(s, "p cnf 2 1\n1 3 0\n", &line);
		ok(err == -EINVAL && line == 2, "DIMACS: literal beyond the header rejected at line %u",
		   line);
		bcf_sat__free(s);
	}
}

/* ---- BCF end to end: walked proofs through the project's checker --------------- */

/* The examples of rules-bool.md 8.2 and 9. */
static void test_param_words(void)
{
	uint32_t atom[5] = { 0, 0, 1, 2, 3 }, out[8], l[4];
	sat_lit piv7[2] = { SAT_LIT(3, 0), SAT_LIT(1, 0) };
	sat_lit piv9[3] = { SAT_LIT(4, 1), SAT_LIT(2, 1), SAT_LIT(2, 1) };
	uint32_t prem[4] = { 0 };
	struct bcf_sat_step s7 = { .npremises = 3, .premises = prem, .pivots = piv7 };
	struct bcf_sat_step s9 = { .npremises = 4, .premises = prem, .pivots = piv9 };
	int n;

	n = bcf_sat__resolution_params(&s7, atom, out, 8);
	ok(n == 3 && out[0] == 3 && out[1] == 2 && out[2] == 0,
	   "RESOLUTION params of rules-bool 9 s7: [0b11, 2, 0]");
	n = bcf_sat__resolution_params(&s9, atom, out, 8);
	ok(n == 4 && out[0] == 0 && out[1] == 3 && out[2] == 1 && out[3] == 1,
	   "RESOLUTION params of rules-bool 9 s9: [0, 3, 1, 1]");
	l[0] = l[1] = l[2] = 7;
	n = bcf_sat__factoring_params(l, 3, out, 8);
	ok(n == 1 && out[0] == 0x02010003, "FACTORING of (x2 x2 x2): [0x02010003]");
	l[0] = 9;
	l[1] = l[2] = 4;
	n = bcf_sat__factoring_params(l, 3, out, 8);
	ok(n == 1 && out[0] == 0x00020102, "FACTORING of (a b b): [0x00020102]");
	n = bcf_sat__factoring_params(l, 2, out, 8);
	ok(n == 0, "FACTORING of a clause without duplicates: none");
	l[0] = 5;
	l[1] = 6;
	l[2] = 5;
	l[3] = 6;
	n = bcf_sat__factoring_params(l, 4, out, 8);
	ok(n == 2 && out[0] == 0x02020002 && out[1] == 0x00000301,
	   "FACTORING of (a b a b): entries (2,0,2) (2,1,3)");
}

struct bcfp {
	struct bcf_arena *a;
	uint32_t *atom;            /* by variable */
	uint32_t *words;           /* step area */
	uint32_t nwords, cap;
	uint32_t nsteps;
	uint32_t *fact_step;       /* by walk id: step index of its fact */
	uint32_t fcap;
	int err;
};

static void bp_word(struct bcfp *b, uint32_t w)
{
	if (b->nwords == b->cap) {
		b->cap = b->cap * 2 + 64;
		b->words = realloc(b->words, b->cap * sizeof(*b->words));
	}
	b->words[b->nwords++] = w;
}

static uint32_t bp_step(struct bcfp *b, uint16_t rule, const uint32_t *prem, unsigned np,
			const uint32_t *par, unsigned npar)
{
	unsigned i;

	bp_word(b, BCF_STEP_HDR(rule, np, npar));
	for (i = 0; i < np; i++)
		bp_word(b, prem[i]);
	for (i = 0; i < npar; i++)
		bp_word(b, par[i]);
	return b->nsteps++;
}

static void bp_set_fact(struct bcfp *b, uint32_t id, uint32_t step)
{
	if (id >= b->fcap) {
		uint32_t cap = (id + 1) * 2;

		b->fact_step = realloc(b->fact_step, cap * sizeof(*b->fact_step));
		b->fcap = cap;
	}
	b->fact_step[id] = step;
}

static int bp_walk(void *ctx, const struct bcf_sat_step *st)
{
	struct bcfp *b = ctx;
	uint32_t prem[256], par[256], i;
	int n;

	if (st->input) {
		par[0] = st->id;
		prem[0] = 0; /* the ASSUME step */
		bp_set_fact(b, st->id, bp_step(b, BCF_RULE_AND_ELIM, prem, 1, par, 1));
		return 0;
	}
	for (i = 0; i < st->npremises; i++)
		prem[i] = b->fact_step[st->premises[i]];
	if (st->npremises >= 2) {
		n = bcf_sat__resolution_params(st, b->atom, par, 256);
		if (n < 0)
			return b->err = n;
		prem[0] = bp_step(b, BCF_RULE_RESOLUTION, prem, st->npremises, par, n);
	}
	if (st->factoring) {
		n = bcf_sat__factoring_params(st->chain, st->chain_lits, par, 256);
		if (n <= 0)
			return b->err = n ? n : -EPROTO;
		prem[0] = bp_step(b, BCF_RULE_FACTORING, prem, 1, par, n);
	}
	bp_set_fact(b, st->id, prem[0]);
	return 0;
}

/* Encode f (<= 255 clauses, no empty clause) as a goal, refute it, check the proof. */
static int bcf_roundtrip(const struct cnf *f, const struct bcf_sat_walk_opts *wo, char *why,
			 size_t whysz)
{
	struct bcf_sat_opts so = { .proof = true, .minimize = g_minimize };
	struct bcfp b = { .a = bcf_arena__new() };
	struct bcf_sat *s = bcf_sat__new(&so);
	uint32_t *cl = calloc(f->nclauses, sizeof(*cl)), goal = 0, i, k, nw;
	const uint32_t *tw;
	uint32_t *proof = NULL;
	int ret = -1, err;

	b.atom = calloc(f->nvars + 1, sizeof(*b.atom));
	for (i = 1; i <= f->nvars; i++) {
		bcf_sat__new_var(s);
		if (bcf_arena__var(b.a, BCF_BOOL, 0, NULL, &b.atom[i]))
			goto out;
	}
	for (i = 0; i < f->nclauses; i++) {
		uint32_t args[64], n = f->off[i + 1] - f->off[i];

		for (k = 0; k < n; k++) {
			sat_lit l = f->lits[f->off[i] + k];

			args[k] = b.atom[SAT_VAR(l)];
			if (SAT_NEG(l) && bcf_arena__node(b.a, BCF_BOOL_NOT, 0, &args[k], 1, &args[k]))
				goto out;
		}
		if (n == 1)
			cl[i] = args[0];
		else if (bcf_arena__node(b.a, BCF_BOOL_DISJ, 0, args, n, &cl[i]))
			goto out;
		bcf_sat__add_clause(s, f->lits + f->off[i], n, NULL);
	}
	if (bcf_arena__node(b.a, BCF_BOOL_CONJ, 0, cl, f->nclauses, &goal))
		goto out;
	if (bcf_sat__solve(s) != BCF_SAT_UNSAT) {
		ret = 1; /* not a refutation test */
		goto out;
	}
	bp_step(&b, BCF_RULE_ASSUME, NULL, 0, &goal, 1);
	err = bcf_sat__proof_walk(s, wo, bp_walk, &b);
	if (err || b.err) {
		snprintf(why, whysz, "walk %d / %d", err, b.err);
		goto out;
	}
	tw = bcf_arena__words(b.a, &nw);
	proof = malloc((3 + nw + b.nwords) * sizeof(*proof));
	proof[0] = BCF_MAGIC;
	proof[1] = nw;
	proof[2] = b.nwords;
	memcpy(proof + 3, tw, nw * sizeof(*tw));
	memcpy(proof + 3 + nw, b.words, b.nwords * sizeof(*b.words));
	{
		BCF_OPTS(bcf_check_stats, cs);
		BCF_OPTS(bcf_check_opts, co, .mode = BCF_CHECK_STRICT, .stats = &cs);
		int e1 = bcf_check_proof(tw, nw, goal, proof, (3 + nw + b.nwords) * 4, &co);
		int e2;

		co.mode = BCF_CHECK_KERNEL_COMPAT;
		e2 = bcf_check_proof(tw, nw, goal, proof, (3 + nw + b.nwords) * 4, &co);
		if (e1 || e2)
			snprintf(why, whysz, "checker: strict %d, compat %d (step %u: %s)", e1, e2,
				 cs.failed_step, cs.reason);
		else
			ret = 0;
	}
out:
	free(proof);
	free(cl);
	free(b.atom);
	free(b.words);
	free(b.fact_step);
	bcf_arena__free(b.a);
	bcf_sat__free(s);
	return ret;
}

static void test_bcf_checker(void)
{
	struct bcf_sat_walk_opts tight = { .max_pivots = 2, .max_lits = 64 };
	unsigned i, good = 0, tried = 0;
	char why[300] = "", first[300] = "";
	struct cnf f;
	sat_lit l[3];

	/* the CNF of rules-bool.md 9 */
	memset(&f, 0, sizeof(f));
	f.nvars = 4;
	l[0] = SAT_LIT(1, 0); l[1] = SAT_LIT(2, 0); l[2] = SAT_LIT(3, 0);
	cnf_add(&f, l, 3);
	l[0] = SAT_LIT(1, 1); l[1] = SAT_LIT(2, 0);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(3, 1); l[1] = SAT_LIT(2, 0);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(2, 1); l[1] = SAT_LIT(4, 0);
	cnf_add(&f, l, 2);
	l[0] = SAT_LIT(2, 1); l[1] = SAT_LIT(4, 1);
	cnf_add(&f, l, 2);
	ok(bcf_roundtrip(&f, NULL, why, sizeof(why)) == 0,
	   "rules-bool 9 CNF: walked proof accepted by the checker (strict, compat) %s", why);
	cnf_free(&f);

	for (i = 0; i < 80; i++) {
		int r;

		g_minimize = i % 2 ? 1 : 0;
		random_ksat(&f, 12 + i % 40, (uint32_t)((12 + i % 40) * 4.6), 3, 500 + i);
		if (f.nclauses > 255) {
			cnf_free(&f);
			continue;
		}
		why[0] = 0;
		r = bcf_roundtrip(&f, i % 3 == 2 ? &tight : NULL, why, sizeof(why));
		if (r != 1) {
			tried++;
			good += r == 0;
			if (r && !*first)
				snprintf(first, sizeof(first), "seed %u: %.250s", 500 + i, why);
		}
		cnf_free(&f);
	}
	g_minimize = 0;
	ok(tried > 40 && good == tried,
	   "random 3-SAT: %u/%u walked proofs accepted by the checker %s", good, tried, first);
	for (i = 3; i <= 6; i++) {
		pigeonhole(&f, i);
		why[0] = 0;
		ok(bcf_roundtrip(&f, NULL, why, sizeof(why)) == 0,
		   "PHP(%u,%u): walked proof accepted by the checker %s", i + 1, i, why);
		cnf_free(&f);
	}
	mul_commutes(&f, 3);
	why[0] = 0;
	if (f.nclauses <= 255)
		ok(bcf_roundtrip(&f, NULL, why, sizeof(why)) == 0,
		   "3-bit x*y = y*x circuit: walked proof accepted by the checker %s", why);
	cnf_free(&f);
}

int main(void)
{
	struct bcf_sat_walk_opts tight = { .max_pivots = 2, .max_lits = 64 };
	double t0 = bcf__mono_s();
	uint32_t n;

	test_corners();
	test_param_words();
	test_bcf_checker();
	test_small_vs_brute();
	test_shrink();
	test_late();
	test_windows();
	test_random(50, 4.26, 100, 7000, NULL, true, "random 3-SAT n=50");
	test_random(50, 4.26, 40, 7000, &tight, true, "random 3-SAT n=50, max 2 pivots / 64 literals");
	test_random(120, 4.26, 20, 9000, NULL, true, "random 3-SAT n=120");
	test_random(200, 4.26, 4, 11000, NULL, false, "random 3-SAT n=200");
	for (n = 2; n <= 8; n++)
		test_php(n);
	for (n = 4; n <= 7; n++)
		test_circuit(n);
	test_wide();
	test_frontier();
	test_frontier_def();
	test_walk_timeout();
	/* proofs through recursive minimisation (off by default with logging) */
	g_minimize = 1;
	test_random(50, 4.26, 60, 7000, NULL, true, "random 3-SAT n=50, minimisation on");
	test_random(100, 4.26, 10, 9500, &tight, true,
		    "random 3-SAT n=100, minimisation on, max 2 pivots / 64 literals");
	test_php(7);
	test_circuit(6);
	g_minimize = 0;
	/* the VSIDS decision order (VMTF is the default) */
	g_vsids = true;
	test_random(50, 4.26, 40, 7100, NULL, true, "random 3-SAT n=50, VSIDS");
	test_php(7);
	test_circuit(6);
	g_vsids = false;
	diag("total %.2f s", bcf__mono_s() - t0);
	return done_testing();
}
