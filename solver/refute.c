// SPDX-License-Identifier: MIT
/*
 * The proof engine (solver/prover.h): refute an unsatisfiable goal.
 *
 *   1. ASSUME the goal; AND_ELIM the conjuncts the solver's unsat core
 *      needs (all of them without a core).  Each fact is a unit clause.
 *   2. Tseitin: every boolean gate reachable from the facts gets its
 *      CNF_* axioms; every bit-vector atom is bit-blasted (solver/blast.c)
 *      to (= atom C) and EQUIV_ELIM gives the two clauses tying the atom
 *      to its circuit C, whose gates get their axioms in turn.
 *   3. Clauses are canonicalised so that literals are x or NOT x only
 *      (NOT(NOT x) is resolved against SPLIT(x)), then handed to the CDCL
 *      solver (solver/sat.c) with proof logging.
 *   4. The trimmed resolution derivation is replayed as RESOLUTION and
 *      FACTORING steps; the empty clause is the proof's last step.
 *   5. pbuild_finish() compacts the proof and checks it in strict and in
 *      kernel-compat mode against the goal.
 *
 * Atoms the blaster cannot handle soundly stay opaque SAT variables; if the
 * refutation then fails, the goal is unprovable within the kernel's rules
 * and the blaster's reason names the missing rule.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checker.h"
#include "lang/clock.h"
#include "lang/arena.h"
#include "lang/error.h"
#include "lang/grow.h"
#include "solver/blast.h"
#include "solver/chain.h"
#include "solver/pbuild.h"
#include "solver/prover.h"
#include "solver/sat.h"
#include "solver/tactic.h"

struct refuter {
	struct pbuild *b;
	struct bcf_arena *a; /* the builder's arena */
	struct blaster *bl;
	struct bcf_sat *sat;
	/* arena id -> SAT variable (0 = none); grows with the arena */
	uint32_t *var_of;
	size_t var_cap;
	/* SAT variable -> base arena node (never a NOT) */
	uint32_t *node_of;
	size_t node_cap;
	/* SAT input clause node id -> proof step */
	int *clause_step;
	size_t nclauses, clause_cap;
	/* derived SAT proof node -> proof step (sparse, grows) */
	int *derived_step;
	size_t derived_cap;
	/* gates and atoms already expanded */
	uint8_t *done;
	size_t done_cap;
	/* work list of base nodes to expand */
	uint32_t *work;
	size_t nwork, work_cap;
	int last_step;
	bool in_goal;        /* adding the goal's facts (not circuit clauses) */
	bool split;          /* case-split wide goal disjunctions (SPLIT_MIN) */
	unsigned nsplit;     /* disjunctions split */
	bool bit_order;      /* decide word equalities bit by bit, bit 0 first */
	bool carries;        /* add chains' links with their carry invariants (chain_carry.c) */
	bool windows;        /* an add chain's links one window each (bcf_sat__phase) */
	bool opaque;         /* some atom was left opaque */
	char opaque_why[200];
	char detail[256];
};

/*
 * Case splits: the SAT search decides the disjuncts of a goal disjunction at
 * least this wide first, one after the other, so that it refutes each
 * disjunct on its own.  On the ext_con puzzles (a disjunction of n
 * extract/concat equalities over w bits) that keeps the proof linear in
 * n * w: 1.72 MB -> 0.26 MB for ext_con_024_001_0032, and 1.0 MB / 5.5 s at
 * 128 bits, where the plain search timed out.
 */
#define SPLIT_MIN 4

/*
 * Bit order: the search decides, for each word equality's circuit
 * (bool_conj of the per-bit (a_i = b_i)), that bit 0 differs, then bit 1 and
 * so on, so that it refutes the low bits' disagreement first and learns what
 * the carries of the bits above need.  On an add chain (x+1+...+1 != x+n at
 * 64 bits) the proof shrinks 3-8 times (n = 10: 14.2 MB -> 3.2 MB); on the
 * shared vectors it is rarely smaller, so it is an alternative attempt for
 * large proofs (BIT_ORDER_MIN_BYTES) and for proofs over a limit, and the
 * first one only with an add chain's lemmas (solver/chain.h).
 */
#define BIT_ORDER_MIN_BYTES (512u << 10)
/* the other tie-breakings for a searched proof of at least this size ... */
#define MID_MIN_BYTES 4096u
/* ... when the searches so far took less than this (microseconds) */
#define MID_MAX_US 2000000

static const struct bcf_expr *node(struct refuter *r, uint32_t id)
{
	return bcf_arena__expr(r->a, id);
}

/* Strip NOTs: base node and count. */
static uint32_t base_of(struct refuter *r, uint32_t id, unsigned *nots)
{
	const struct bcf_expr *e = node(r, id);

	*nots = 0;
	while (e && e->code == BCF_BOOL_NOT) {
		id = e->args[0];
		e = node(r, id);
		(*nots)++;
	}
	return id;
}

static int push_work(struct refuter *r, uint32_t id)
{
	if (bcf__grow((void **)&r->done, &r->done_cap, id + 1, 1))
		return -ENOMEM;
	if (r->done[id])
		return 0;
	r->done[id] = 1;
	if (bcf__grow((void **)&r->work, &r->work_cap, r->nwork + 1, sizeof(*r->work)))
		return -ENOMEM;
	r->work[r->nwork++] = id;
	return 0;
}

static int add_unit_fact(struct refuter *r, int s);

/* SAT variable of a base node, created (and queued for expansion) on demand. */
static int var_of(struct refuter *r, uint32_t base, uint32_t *var)
{
	int err;

	if (bcf__grow((void **)&r->var_of, &r->var_cap, base + 1, sizeof(*r->var_of)))
		return -ENOMEM;
	if (r->var_of[base]) {
		*var = r->var_of[base];
		return 0;
	}
	*var = bcf_sat__new_var(r->sat);
	if (!*var)
		return -ENOMEM;
	r->var_of[base] = *var;
	if (bcf__grow((void **)&r->node_of, &r->node_cap, *var + 1, sizeof(*r->node_of)))
		return -ENOMEM;
	r->node_of[*var] = base;
	/* the constants get their unit clauses: true, NOT false */
	if (base == pbuild_true(r->b) || base == pbuild_false(r->b)) {
		int s = pb_evaluate(r->b, base);

		if (s >= 0)
			s = pbuild_step(r->b, base == pbuild_true(r->b) ? BCF_RULE_TRUE_ELIM :
					BCF_RULE_FALSE_ELIM, &s, 1, NULL, NULL, 0);
		if (s < 0)
			return s;
		return add_unit_fact(r, s);
	}
	err = push_work(r, base);
	return err;
}

/* Literal list of a step's fact: the DISJ's arguments, or the fact alone. */
static unsigned fact_lits(struct refuter *r, int s, bool unit, const uint32_t **lits,
			  uint32_t *one)
{
	uint32_t f = pbuild_fact(r->b, s);
	const struct bcf_expr *e = node(r, f);

	if (!unit && e && e->code == BCF_BOOL_DISJ) {
		*lits = e->args;
		return e->vlen;
	}
	if (f == pbuild_false(r->b)) {
		*lits = one; /* no literal, but a valid pointer for memcpy */
		return 0;
	}
	*one = f;
	*lits = one;
	return 1;
}

/* A fixed limit of the kernel checker the refutation would exceed: -E2BIG, named. */
static int limit(struct refuter *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int limit(struct refuter *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->detail, sizeof(r->detail), fmt, ap);
	va_end(ap);
	return -E2BIG;
}

/*
 * Resolve away literals with two or more NOTs: NOT^k x against SPLIT(NOT^(k-2) x)
 * on pivot NOT^(k-1) x (polarity 0: the left clause holds NOT pivot).
 */
static int canonicalise(struct refuter *r, int s, bool unit, int *out, bool *out_unit)
{
	int prem[256], np = 1;
	uint32_t piv[255], acc[512], one;
	uint8_t pol[255];
	const uint32_t *lits;
	unsigned n, i, nacc;

	n = fact_lits(r, s, unit, &lits, &one);
	if (n > 255)
		return limit(r, "a clause of %u literals (the kernel takes 255)", n);
	memcpy(acc, lits, n * sizeof(*acc));
	nacc = n;
	prem[0] = s;
	for (i = 0; i < nacc; i++) {
		const struct bcf_expr *e = node(r, acc[i]), *e1;
		uint32_t inner, inner2;
		int sp;

		if (!e || e->code != BCF_BOOL_NOT)
			continue;
		inner = e->args[0];
		e1 = node(r, inner);
		if (!e1 || e1->code != BCF_BOOL_NOT)
			continue;
		inner2 = e1->args[0];           /* acc[i] = NOT NOT inner2 */
		if (np == 248 || nacc == 511)
			return limit(r, "a double-negation split over 248 premises or 511 literals");
		sp = pb_split(r->b, inner2);    /* (inner2 OR NOT inner2) */
		if (sp < 0)
			return sp;
		prem[np] = sp;
		piv[np - 1] = inner;            /* NOT inner2 */
		pol[np - 1] = 0;
		np++;
		acc[i] = inner2; /* may itself start with NOT NOT: re-examined */
		i--;
	}
	if (np == 1) {
		*out = s;
		*out_unit = unit;
		return 0;
	}
	s = pb_resolution(r->b, prem, np, piv, pol);
	if (s < 0)
		return s;
	/* nacc literals survive: a single one is a unit fact (even if it is a
	 * disjunction); several form a clause, which may hold repeats */
	*out_unit = nacc == 1;
	if (nacc > 1) {
		s = pb_factor(r->b, s);
		if (s < 0)
			return s;
	}
	*out = s;
	return 0;
}

/* Hand a clause step to the SAT solver. */
static int add_clause(struct refuter *r, int s, bool unit)
{
	sat_lit lits[256];
	const uint32_t *l;
	uint32_t one, node_id, lcopy[256];
	unsigned n, i;
	int err, cs = -1;
	bool cu = false;

	err = canonicalise(r, s, unit, &cs, &cu);
	if (err)
		return err;
	if (!cu) {
		/* the SAT solver sees a set of literals: remove repeated ones;
		 * FACTORING never leaves fewer than one literal, and one left
		 * over is a unit fact */
		const struct bcf_expr *before = node(r, pbuild_fact(r->b, cs));
		unsigned k, distinct = 0;
		bool disj = before && before->code == BCF_BOOL_DISJ;
		int fs;

		/* count distinct literals before pb_factor() grows the arena */
		for (k = 0; disj && k < before->vlen; k++) {
			unsigned j;

			for (j = 0; j < k && before->args[j] != before->args[k]; j++)
				;
			distinct += j == k;
		}
		fs = pb_factor(r->b, cs);
		if (fs < 0)
			return fs;
		if (fs != cs && disj)
			cu = distinct == 1;
		cs = fs;
	}
	n = fact_lits(r, cs, cu, &l, &one);
	if (n > 255)
		return limit(r, "a clause of %u literals (the kernel takes 255)", n);
	memcpy(lcopy, l, n * sizeof(*l)); /* var_of() may grow the arena */
	for (i = 0; i < n; i++) {
		unsigned nots;
		uint32_t base = base_of(r, lcopy[i], &nots), v;

		if (nots > 1)
			return bcf__err(-EPROTO, "clause literal still has %u NOTs", nots);
		err = var_of(r, base, &v);
		if (err)
			return err;
		lits[i] = SAT_LIT(v, nots);
	}
	if (bcf__grow((void **)&r->clause_step, &r->clause_cap, r->nclauses + 1,
		 sizeof(*r->clause_step)))
		return -ENOMEM;
	err = bcf_sat__add_clause(r->sat, lits, n, &node_id);
	if (err)
		return err;
	/* a wide disjunction of the goal: refute one disjunct after the other */
	if (r->split && r->in_goal && n >= SPLIT_MIN) {
		for (i = 0; i < n && !err; i++)
			err = bcf_sat__prefer(r->sat, lits[i]);
		if (err)
			return err;
		r->nsplit++;
	}
	if (!n && r->last_step < 0)
		r->last_step = cs; /* the goal holds false outright */
	if (node_id != r->nclauses)
		return bcf__err(-EPROTO, "SAT clause numbering out of step");
	r->clause_step[r->nclauses++] = cs;
	return 0;
}

/*
 * Case splits on the goal's ite conditions: a goal fact that is a boolean
 * ite (or holds one under and/or/not) has its condition decided first,
 * true, as for the wide disjunctions (SPLIT_MIN), so that the search works
 * out each case on its own.  Two processors compared through extract and
 * concat equalities that hold only under ite conditions (the
 * simple_processors family) mixed the cases in clauses over every bit of
 * every equality hop: at 16 bits a proof of 1.64 MB, now 0.80 MB; at 32
 * bits 3.67 MB, now 1.66 MB.  *budget bounds the nodes visited (the goal is
 * a DAG).
 */
static int prefer_ite_conds(struct refuter *r, uint32_t id, unsigned depth, unsigned *budget,
			    unsigned *nconds)
{
	const struct bcf_expr *e = node(r, id);
	uint32_t args[255], v;
	unsigned i, n, nots;
	int err;

	if (!e || depth > 16 || !*budget ||
	    !(e->code == BCF_BOOL_ITE || e->code == BCF_BOOL_CONJ || e->code == BCF_BOOL_DISJ ||
	      e->code == BCF_BOOL_NOT))
		return 0;
	(*budget)--;
	n = e->vlen;
	memcpy(args, e->args, n * sizeof(*args)); /* var_of() may grow the arena */
	i = 0;
	if (e->code == BCF_BOOL_ITE) {
		err = var_of(r, base_of(r, args[0], &nots), &v);
		if (!err)
			err = bcf_sat__prefer(r->sat, SAT_LIT(v, 0));
		if (err)
			return err;
		(*nconds)++;
		i = 1;
	}
	for (; i < n; i++) {
		err = prefer_ite_conds(r, args[i], depth + 1, budget, nconds);
		if (err)
			return err;
	}
	return 0;
}

/*
 * A fact: decompose it with the streamlined rules where that yields smaller
 * proofs than Tseitin (conjunctions, negated disjunctions, double negation),
 * use disjunctions directly as clauses, and make anything else a unit clause.
 * The decomposition depth is bounded by the goal's depth; an explicit stack
 * keeps it iterative.
 */
static int add_unit_fact(struct refuter *r, int s0)
{
	int stack_buf[64], *stack = stack_buf, sp = 0, err = 0;
	size_t cap = 64;

	stack[sp++] = s0;
	while (sp && !err) {
		int s = stack[--sp], t;
		const struct bcf_expr *fe = node(r, pbuild_fact(r->b, s)), *fin;
		/* emitting steps grows the arena: copy what is needed first */
		struct { uint8_t code, vlen; } ecopy = { 0, 0 }, incopy = { 0, 0 }, *e = NULL,
						 *in = NULL;
		unsigned i, n = 0;
		int sub[255];

		if (fe) {
			ecopy.code = fe->code;
			ecopy.vlen = fe->vlen;
			e = &ecopy;
		}
		fin = fe && fe->code == BCF_BOOL_NOT ? node(r, fe->args[0]) : NULL;
		if (fin) {
			incopy.code = fin->code;
			incopy.vlen = fin->vlen;
			in = &incopy;
		}
		if (e && e->code == BCF_BOOL_CONJ) {
			for (i = 0; i < e->vlen && !err; i++) {
				t = pb_and_elim(r->b, s, i);
				if (t < 0)
					err = t;
				else
					sub[n++] = t;
			}
		} else if (in && in->code == BCF_BOOL_DISJ) {
			for (i = 0; i < in->vlen && !err; i++) {
				t = pb_not_or_elim(r->b, s, i);
				if (t < 0)
					err = t;
				else
					sub[n++] = t;
			}
		} else if (in && in->code == BCF_BOOL_NOT) {
			t = pbuild_step(r->b, BCF_RULE_NOT_NOT_ELIM, &s, 1, NULL, NULL, 0);
			if (t < 0)
				err = t;
			else
				sub[n++] = t;
		} else if (in && in->code == BCF_BOOL_CONJ) {
			uint32_t zero = 0;

			t = pbuild_step(r->b, BCF_RULE_NOT_AND, &s, 1, &zero, NULL, 1);
			err = t < 0 ? t : add_clause(r, t, false);
		} else if (e && e->code == BCF_BOOL_IMPLIES) {
			t = pbuild_step(r->b, BCF_RULE_IMPLIES_ELIM, &s, 1, NULL, NULL, 0);
			err = t < 0 ? t : add_clause(r, t, false);
		} else if (e && e->code == BCF_BOOL_DISJ) {
			err = add_clause(r, s, false);
		} else {
			if (r->split && r->in_goal) {
				unsigned budget = 4096, nconds = 0;

				/* not counted in nsplit: the plain search has never been
				 * the smaller one here, and trying it doubled the time */
				err = prefer_ite_conds(r, pbuild_fact(r->b, s), 0, &budget, &nconds);
				if (err)
					break;
			}
			/* a unit equality refuted by the bits where it fails: only those */
			t = r->in_goal ? blast_narrow_fact(r->bl, s) : -ENOENT;
			err = add_clause(r, t >= 0 ? t : s, true);
		}
		for (i = n; i-- > 0 && !err;) {
			if ((size_t)sp == cap) {
				int *ns = malloc(2 * cap * sizeof(*ns));

				if (!ns) {
					err = -ENOMEM;
					break;
				}
				memcpy(ns, stack, sp * sizeof(*ns));
				if (stack != stack_buf)
					free(stack);
				stack = ns;
				cap *= 2;
			}
			stack[sp++] = sub[i];
		}
	}
	if (stack != stack_buf)
		free(stack);
	return err;
}

static int cnf(struct refuter *r, uint16_t rule, uint32_t f, unsigned k)
{
	int s = pb_cnf(r->b, rule, f, k);

	return s < 0 ? s : add_clause(r, s, false);
}

/*
 * The clause of CNF_AND_NEG / CNF_OR_POS on a 255-argument gate g would have
 * 256 literals (rules-bool.md 6.5).  Split it through the binary gate
 * h = op(op(x0..x253), x254): ACI_NORM proves (= g h) (both flatten to
 * x0..x254), EQUIV_ELIM gives the clause (g OR NOT h) for a conjunction or
 * (NOT g OR h) for a disjunction, and h and its inner gate (254 arguments)
 * get their own axioms when var_of() queues them.  ACI_NORM rejects when an
 * argument of g has g's operator itself and the flattened list is longer
 * than 255: that direction of g then stays missing, and a refutation that
 * needs it fails as an encoding that is satisfiable.
 */
static int wide_gate_split(struct refuter *r, uint32_t g)
{
	const struct bcf_expr *e = node(r, g);
	uint8_t code = e->code;
	uint32_t args[255], inner, h, eq, pair[2];
	int s, err;

	memcpy(args, e->args, 254 * sizeof(*args));
	pair[1] = e->args[254];
	err = pbuild_node(r->b, code, 0, args, 254, &inner);
	if (err)
		return err;
	pair[0] = inner;
	err = pbuild_node(r->b, code, 0, pair, 2, &h);
	if (!err) {
		pair[0] = g;
		pair[1] = h;
		err = pbuild_node(r->b, BCF_BOOL_EQ, 0, pair, 2, &eq);
	}
	if (err)
		return err;
	s = pb_aci_norm(r->b, eq);
	if (s == -ENOMEM)
		return s;
	if (s < 0)
		return 0; /* see above */
	s = pb_equiv_elim(r->b, s, code == BCF_BOOL_CONJ ? 1 : 0);
	return s < 0 ? s : add_clause(r, s, false);
}

/* A word equality's circuit: decide each bit's disagreement, bit 0 first. */
static int prefer_bits(struct refuter *r, uint32_t g)
{
	unsigned i, n = node(r, g)->vlen;
	int err = 0;

	for (i = 0; i < n; i++)
		if (node(r, node(r, g)->args[i])->code != BCF_BOOL_EQ)
			return 0;
	for (i = 0; i < n && !err; i++) {
		uint32_t v;

		err = var_of(r, node(r, g)->args[i], &v); /* may grow the arena */
		if (!err)
			err = bcf_sat__prefer(r->sat, SAT_LIT(v, 1));
	}
	return err;
}

/* Give a gate its Tseitin axioms; literals of its children are queued by var_of(). */
static int expand_gate(struct refuter *r, uint32_t g)
{
	/* emitting steps grows the arena: keep no pointer into it across them */
	const struct bcf_expr *node_g = node(r, g);
	struct { uint8_t code, vlen; } copy = { node_g->code, node_g->vlen }, *e = &copy;
	unsigned i;
	int err = 0;

	switch (e->code) {
	case BCF_BOOL_CONJ:
		for (i = 0; i < e->vlen && !err; i++)
			err = cnf(r, BCF_RULE_CNF_AND_POS, g, i);
		if (!err && r->bit_order)
			err = prefer_bits(r, g);
		if (!err)
			err = e->vlen <= 254 ? cnf(r, BCF_RULE_CNF_AND_NEG, g, 0) :
			      wide_gate_split(r, g);
		return err;
	case BCF_BOOL_DISJ:
		err = e->vlen <= 254 ? cnf(r, BCF_RULE_CNF_OR_POS, g, 0) : wide_gate_split(r, g);
		for (i = 0; i < e->vlen && !err; i++)
			err = cnf(r, BCF_RULE_CNF_OR_NEG, g, i);
		return err;
	case BCF_BOOL_IMPLIES:
		err = cnf(r, BCF_RULE_CNF_IMPLIES_POS, g, 0);
		if (!err)
			err = cnf(r, BCF_RULE_CNF_IMPLIES_NEG, g, 0);
		if (!err)
			err = cnf(r, BCF_RULE_CNF_IMPLIES_NEG, g, 1);
		return err;
	case BCF_BOOL_EQ: /* on bools */
		for (i = 0; i < 2 && !err; i++)
			err = cnf(r, BCF_RULE_CNF_EQUIV_POS, g, i);
		for (i = 0; i < 2 && !err; i++)
			err = cnf(r, BCF_RULE_CNF_EQUIV_NEG, g, i);
		return err;
	case BCF_BOOL_XOR:
		if (e->vlen != 2) {
			snprintf(r->detail, sizeof(r->detail),
				 "CNF_XOR_POS/NEG on a %u-ary xor (the kernel reads two arguments)",
				 e->vlen);
			return -ENOTSUP;
		}
		for (i = 0; i < 2 && !err; i++)
			err = cnf(r, BCF_RULE_CNF_XOR_POS, g, i);
		for (i = 0; i < 2 && !err; i++)
			err = cnf(r, BCF_RULE_CNF_XOR_NEG, g, i);
		return err;
	case BCF_BOOL_ITE:
		for (i = 0; i < 2 && !err; i++)
			err = cnf(r, BCF_RULE_CNF_ITE_POS, g, i);
		for (i = 0; i < 2 && !err; i++)
			err = cnf(r, BCF_RULE_CNF_ITE_NEG, g, i);
		return err;
	default:
		return 0; /* variables, constants: leaves */
	}
}

/* Tie an atom to its circuit: (= a C) -> (NOT a OR C), (a OR NOT C). */
static int expand_equiv(struct refuter *r, int s_eq)
{
	int s, err, k;

	for (k = 0; k < 2; k++) {
		s = pb_equiv_elim(r->b, s_eq, k);
		if (s < 0)
			return s;
		err = add_clause(r, s, false);
		if (err)
			return err;
	}
	return 0;
}

static bool is_bool_distinct(struct refuter *r, uint32_t id)
{
	const struct bcf_expr *e = node(r, id);

	return e->code == BCF_BOOL_DISTINCT && BCF_TYPE(node(r, e->args[0])->code) == BCF_BOOL;
}

/* The blaster's comparator lemmas (= U R): a unit clause for R true or
 * false, else the two clauses of the equivalence. */
static int take_lemmas(struct refuter *r)
{
	int s, u, err = 0;
	uint32_t rhs;

	while (!err && (s = blaster_take_lemma(r->bl)) >= 0) {
		rhs = node(r, pbuild_fact(r->b, s))->args[1];
		if (rhs == pbuild_true(r->b) || rhs == pbuild_false(r->b)) {
			u = pbuild_step(r->b, rhs == pbuild_true(r->b) ? BCF_RULE_TRUE_ELIM :
					BCF_RULE_FALSE_ELIM, &s, 1, NULL, NULL, 0);
			/* one literal on U itself, not split like a fact */
			err = u < 0 ? u : add_clause(r, u, true);
		} else {
			err = expand_equiv(r, s);
		}
	}
	return err;
}

static int expand_node(struct refuter *r, uint32_t id)
{
	const struct bcf_expr *e = node(r, id);
	char why[200] = "";
	uint32_t circ;
	int s, err;

	if (is_bool_distinct(r, id)) {
		uint32_t vars[2] = { e->args[0], e->args[1] };

		s = pb_rewrite(r->b, 5, NULL, 0, vars, 2); /* DISTINCT_BINARY_ELIM */
		if (s < 0)
			return s;
		return expand_equiv(r, s);
	}
	if (!blast_is_atom(r->a, id))
		return expand_gate(r, id);
	s = blast_atom(r->bl, id, &circ, why, sizeof(why));
	if (s == -ENOTSUP) {
		/* leave the atom opaque; fatal only if the refutation needs it */
		if (!r->opaque)
			snprintf(r->opaque_why, sizeof(r->opaque_why), "%s", why);
		r->opaque = true;
		return 0;
	}
	if (s < 0) {
		snprintf(r->detail, sizeof(r->detail), "bit-blasting: %s", why);
		return s;
	}
	/* the lemmas first: a unit they give is then the reason for its
	 * node's value, not the chain walked bit by bit */
	err = take_lemmas(r);
	return err ? err : expand_equiv(r, s);
}

/* Expand node id: its clauses define its variable (bcf_sat__own, the windows). */
static int expand(struct refuter *r, uint32_t id)
{
	int err;

	bcf_sat__own(r->sat, r->var_of[id]);
	err = expand_node(r, id);
	bcf_sat__own(r->sat, 0);
	return err;
}

/* Expand what var_of() queued. */
static int expand_queued(struct refuter *r)
{
	int err = 0;

	while (!err && r->nwork)
		err = expand(r, r->work[--r->nwork]);
	return err;
}

/* Decide atom id to be the opposite of want first (learn want). */
static int prefer_atom(struct refuter *r, uint32_t id, bool want)
{
	uint32_t v;
	int err = var_of(r, id, &v);

	if (!err)
		err = expand_queued(r);
	return err ? err : bcf_sat__prefer(r->sat, SAT_LIT(v, want));
}

/* The term T_(k-1) of a link T_k = T_(k-1) + c / c + T_(k-1) / T_(k-1) - c. */
static uint32_t link_below(struct refuter *r, uint32_t t)
{
	const struct bcf_expr *e = node(r, t);

	if (e->code == BCF_BV_SUB || !chain_is_const(r->a, e->args[0]))
		return e->args[0];
	return e->args[1];
}

/*
 * A lemma's bits decided bit by bit with its carry invariants in between
 * (solver/chain_carry.c): bit 0's equality, bit 1's invariant, bit 1's
 * equality and so on.  circ is the lemma's circuit, prev_circ the one of
 * the lemma T_(k-1) equals (0: T_(k-1) is the chain's first link).
 * -ENOENT when the link is not three adders over one base.
 */
static int prefer_link(struct refuter *r, uint32_t circ, uint32_t prev_circ)
{
	uint32_t tk[CHAIN_CARRY_MAX_W], rhs[CHAIN_CARRY_MAX_W], prev[CHAIN_CARRY_MAX_W];
	uint32_t atoms[CHAIN_CARRY_MAX_W * CHAIN_CARRY_PER_BIT];
	uint8_t want[CHAIN_CARRY_MAX_W * CHAIN_CARRY_PER_BIT];
	unsigned w = node(r, circ)->vlen, i, j;
	int err;

	if (node(r, circ)->code != BCF_BOOL_CONJ || w > CHAIN_CARRY_MAX_W ||
	    (prev_circ && (node(r, prev_circ)->code != BCF_BOOL_CONJ ||
			   node(r, prev_circ)->vlen != w)))
		return -ENOENT;
	for (i = 0; i < w; i++) {
		const struct bcf_expr *eq = node(r, node(r, circ)->args[i]);

		if (eq->code != BCF_BOOL_EQ)
			return -ENOENT;
		tk[i] = eq->args[0];
		rhs[i] = eq->args[1];
		if (prev_circ) {
			eq = node(r, node(r, prev_circ)->args[i]);
			if (eq->code != BCF_BOOL_EQ)
				return -ENOENT;
			prev[i] = eq->args[1];
		}
	}
	err = chain_carry_atoms(r->b, tk, rhs, prev_circ ? prev : NULL, w, atoms, want);
	for (i = 0; i < w && !err; i++) {
		err = prefer_atom(r, node(r, circ)->args[i], true);
		for (j = 0; i + 1 < w && j < CHAIN_CARRY_PER_BIT && !err; j++)
			if (atoms[(i + 1) * CHAIN_CARRY_PER_BIT + j])
				err = prefer_atom(r, atoms[(i + 1) * CHAIN_CARRY_PER_BIT + j],
						  want[(i + 1) * CHAIN_CARRY_PER_BIT + j]);
	}
	return err;
}

/*
 * One window per link (bcf_sat__phase): while the search proves link i's
 * lemma T_i = B + C_i, it needs that lemma's circuit, its carry invariants
 * (the preferred literals) and the lemma of the link below, T_j = B + C_j,
 * whose bits of T_j stand for the whole chain under them (the cut).  With
 * the other links' circuits unwatched, each decision propagates through
 * one link instead of all of them, and a chain of n links takes n times
 * one link's search instead of n^2.
 */
static int link_windows(struct refuter *r, const uint32_t *atoms, const uint32_t *circ,
			const uint32_t *below, const uint32_t *pbeg, unsigned n)
{
	uint32_t cut[CHAIN_CARRY_MAX_W], need;
	unsigned i, k, ncut;
	int err = 0;

	for (i = 0; i < n && !err; i++) {
		unsigned j = below[i];

		if (pbeg[i] == pbeg[i + 1])
			continue; /* nothing preferred: the next phase starts here */
		ncut = 0;
		need = 0;
		if (j < n && circ[j]) {
			const struct bcf_expr *c = node(r, circ[j]);

			need = r->var_of[atoms[j]];
			for (k = 0; k < c->vlen && ncut < CHAIN_CARRY_MAX_W; k++) {
				const struct bcf_expr *eq = node(r, c->args[k]);
				unsigned nots;
				uint32_t b;

				if (eq->code != BCF_BOOL_EQ)
					continue;
				b = base_of(r, eq->args[0], &nots);
				if (b < r->var_cap && r->var_of[b])
					cut[ncut++] = r->var_of[b];
			}
		}
		err = bcf_sat__phase(r->sat, pbeg[i], i + 1 < n ? pbeg[i + 1] : pbeg[n], &need,
				     need ? 1 : 0, cut, ncut);
	}
	return err;
}

/*
 * The add chains' lemma atoms (solver/chain.h), each expanded at once so
 * that the bit order decides a link's bits before the next link's, with
 * the link's carry invariants in between when r->carries: -ENOENT when the
 * goal has no chain.
 */
static int add_chain_lemmas(struct refuter *r, uint32_t goal)
{
	uint32_t *atoms, *term = NULL, *circ = NULL, *pbeg = NULL, *below = NULL, v;
	unsigned i, j, n;
	bool bit_order = r->bit_order;
	int s, err = chain_lemmas(r->b, goal, &atoms, &n);

	if (err)
		return err;
	if (!n)
		return -ENOENT;
	if (r->carries) {
		term = calloc(n, sizeof(*term));
		circ = calloc(n, sizeof(*circ));
		pbeg = calloc(n + 1, sizeof(*pbeg));
		below = calloc(n, sizeof(*below));
		if (!term || !circ || !pbeg || !below)
			err = -ENOMEM;
	}
	for (i = 0; i < n && !err; i++) {
		if (pbeg)
			pbeg[i] = bcf_sat__npreferred(r->sat);
		r->bit_order = bit_order && !r->carries; /* prefer_link orders the bits */
		err = var_of(r, atoms[i], &v);
		if (!err)
			err = expand_queued(r);
		r->bit_order = bit_order;
		if (err || !r->carries)
			continue;
		term[i] = node(r, atoms[i])->args[0];
		below[i] = n;
		s = blast_atom(r->bl, atoms[i], &circ[i], NULL, 0); /* memoised */
		if (s < 0) {
			circ[i] = 0;
			err = s == -ENOMEM ? s : 0; /* left opaque: no circuit to order */
			continue;
		}
		for (j = 0; j < i && term[j] != link_below(r, term[i]); j++)
			;
		below[i] = j < i ? j : n;
		err = prefer_link(r, circ[i], j < i ? circ[j] : 0);
		bcf__debug("refute: chain lemma %u (below: %d): carry invariants %s\n", i,
			   j < i ? (int)j : -1, err ? "none" : "added");
		if (err == -ENOENT && bit_order)
			err = prefer_bits(r, circ[i]);
		else if (err == -ENOENT)
			err = 0;
	}
	if (!err && r->windows && pbeg) {
		pbeg[n] = bcf_sat__npreferred(r->sat);
		err = link_windows(r, atoms, circ, below, pbeg, n);
	}
	free(term);
	free(circ);
	free(pbeg);
	free(below);
	free(atoms);
	return err;
}

/* Index of literal id lit in the clause of step s, 0 if absent or no DISJ. */
static unsigned lit_index(struct refuter *r, int s, uint32_t lit)
{
	const struct bcf_expr *e = node(r, pbuild_fact(r->b, s));
	unsigned i;

	if (!e || e->code != BCF_BOOL_DISJ || pbuild_fact(r->b, s) == lit)
		return 0; /* a unit clause (rules-bool.md 6.2) */
	for (i = 0; i < e->vlen && e->args[i] != lit; i++)
		;
	return i < e->vlen ? i : 0;
}

/*
 * RESOLUTION of a chain; when the checker gives up comparing two literals
 * (more than 128 open pairs: distinct literals alike deep down, such as
 * the bits of a long ite chain, rules-bool.md 1.4), the chain is resolved
 * one pivot at a time with each pivot's literal first in both clauses
 * (REORDERING), so that it is found by its id before any other literal is
 * compared with it.  The result holds the same literals.
 */
static int resolve(struct refuter *r, const int *prem, unsigned n, const uint32_t *piv,
		   const uint8_t *pol)
{
	int s = pb_resolution(r->b, prem, n, piv, pol), acc, q, two[2];
	unsigned i;

	if (s != -E2BIG || !strstr(pbuild_error(r->b), "too deep"))
		return s;
	acc = prem[0];
	for (i = 0; i + 1 < n; i++) {
		uint32_t lp, ln, np_ = piv[i];
		int err = pbuild_node(r->b, BCF_BOOL_NOT, 0, &np_, 1, &ln);

		if (err)
			return err;
		lp = piv[i];
		acc = pb_reorder_first(r->b, acc, lit_index(r, acc, pol[i] ? lp : ln));
		q = acc < 0 ? acc : pb_reorder_first(r->b, prem[i + 1],
						     lit_index(r, prem[i + 1], pol[i] ? ln : lp));
		if (q < 0)
			return q;
		two[0] = acc;
		two[1] = q;
		acc = pb_resolution(r->b, two, 2, &piv[i], &pol[i]);
		if (acc < 0)
			return acc;
	}
	return acc;
}

struct replay {
	struct refuter *r;
	int err;
	bool stepped; /* replay_step failed (the builder's error says why) */
};

/*
 * Fold literals of clause step s into d = (or dl...): for each index
 * idx[i], RESOLUTION with CNF_OR_NEG (d OR NOT dl[idx[i]]) on pivot
 * dl[idx[i]] (the literal itself, polarity 1: that also matches a negative
 * literal, whose CNF_OR_NEG literal is NOT(NOT x)), at most 247 pivots a
 * step, each step then FACTORING the copies of d.
 */
static int fold_into(struct refuter *r, int s, uint32_t d, const uint32_t *dl,
		     const uint8_t *idx, unsigned n)
{
	int prem[248];
	uint32_t piv[247];
	uint8_t pol[247];
	unsigned i = 0, k;

	while (i < n) {
		prem[0] = s;
		for (k = 0; k < 247 && i < n; k++, i++) {
			int c = pb_cnf(r->b, BCF_RULE_CNF_OR_NEG, d, idx[i]);

			if (c < 0)
				return c;
			prem[k + 1] = c;
			piv[k] = dl[idx[i]];
			pol[k] = 1;
		}
		s = pb_resolution(r->b, prem, k + 1, piv, pol);
		if (s >= 0)
			s = pb_factor(r->b, s);
		if (s < 0)
			return s;
	}
	return s;
}

/*
 * A wide step (solver/sat.h): P and R resolved on pivot (piv, pol) have
 * more than 255 literals as a list although the clause fits, because they
 * share literals.  With d = (or every literal of P but the pivot's): P
 * becomes (pivot-literal OR d) and R has its literals shared with P folded
 * into d (both by CNF_OR_NEG resolutions, which never lengthen a clause);
 * those two resolve on the pivot (FACTORING the two copies of d), and
 * CNF_OR_POS (NOT d OR ...) puts P's literals back, once each.
 */
static int wide_resolution(struct refuter *r, int p, int q, uint32_t piv, uint8_t pol)
{
	uint32_t dl[255], one, d, pv[1] = { piv };
	uint8_t all[255], shared[255];
	const uint32_t *l;
	unsigned np, nq, n = 0, ns = 0, i, j;
	uint8_t pl[1] = { pol };
	int prem[2], s;

	np = fact_lits(r, p, false, &l, &one);
	for (i = 0; i < np && n < 254; i++) {
		unsigned nots;

		if (base_of(r, l[i], &nots) == piv)
			continue; /* the pivot's literal */
		for (j = 0; j < n && dl[j] != l[i]; j++)
			;
		if (j == n)
			dl[n++] = l[i];
	}
	if (n < 2)
		return -E2BIG; /* then the step was not wide */
	nq = fact_lits(r, q, false, &l, &one);
	for (j = 0; j < n; j++) {
		all[j] = (uint8_t)j;
		for (i = 0; i < nq && l[i] != dl[j]; i++)
			;
		if (i < nq)
			shared[ns++] = (uint8_t)j;
	}
	s = pbuild_node(r->b, BCF_BOOL_DISJ, 0, dl, n, &d);
	if (s)
		return s;
	prem[0] = fold_into(r, p, d, dl, all, n);
	if (prem[0] < 0)
		return prem[0];
	prem[1] = ns ? fold_into(r, q, d, dl, shared, ns) : q;
	if (prem[1] < 0)
		return prem[1];
	s = pb_resolution(r->b, prem, 2, pv, pl);
	if (s >= 0 && ns)
		s = pb_factor(r->b, s);
	if (s >= 0) {
		prem[0] = s;
		prem[1] = pb_cnf(r->b, BCF_RULE_CNF_OR_POS, d, 0);
		pv[0] = d;
		pl[0] = 1;
		s = prem[1] < 0 ? prem[1] : pb_resolution(r->b, prem, 2, pv, pl);
	}
	return s;
}

static int replay_step_(struct replay *rp, const struct bcf_sat_step *st);

/*
 * The walk's definition (solver/sat.h BCF_SAT_DEFINE): the variable of
 * st->def stands for d = (or lits...) from now on, in place of the
 * previous definition.  A d that already has a variable of its own (a gate
 * of the encoding) cannot be bound: -E2BIG, the walk then fails as before.
 */
static int replay_define(struct refuter *r, const struct bcf_sat_step *st)
{
	uint32_t terms[254], d, v = SAT_VAR(st->def), i;
	int err;

	if (st->nlits < 2 || st->nlits > 254)
		return bcf__err(-EPROTO, "SAT definition of %u literals", st->nlits);
	for (i = 0; i < st->nlits; i++) {
		uint32_t x = r->node_of[SAT_VAR(st->lits[i])];

		if (SAT_NEG(st->lits[i])) {
			err = pbuild_node(r->b, BCF_BOOL_NOT, 0, &x, 1, &x);
			if (err)
				return err;
		}
		terms[i] = x;
	}
	err = pbuild_node(r->b, BCF_BOOL_DISJ, 0, terms, st->nlits, &d);
	if (err)
		return err;
	if (bcf__grow((void **)&r->var_of, &r->var_cap, d + 1, sizeof(*r->var_of)) ||
	    bcf__grow((void **)&r->node_of, &r->node_cap, v + 1, sizeof(*r->node_of)))
		return -ENOMEM;
	if (r->var_of[d] && r->var_of[d] != v)
		return limit(r, "a definition of %u literals that is a gate of the encoding",
			     st->nlits);
	if (r->node_of[v] && r->node_of[v] != d)
		r->var_of[r->node_of[v]] = 0; /* the previous definition is done with */
	r->var_of[d] = v;
	r->node_of[v] = d;
	return 0;
}

/* A clause of the definition: CNF_OR_NEG (d OR NOT t_i) canonicalised, or CNF_OR_POS. */
static int replay_def_clause(struct refuter *r, const struct bcf_sat_step *st)
{
	uint32_t v = SAT_VAR(st->def);
	uint32_t d = v < r->node_cap ? r->node_of[v] : 0;
	int s, cs;
	bool cu;

	if (!d)
		return bcf__err(-EPROTO, "SAT definition clause before its definition");
	if (st->kind == BCF_SAT_DEF_POS)
		return pb_cnf(r->b, BCF_RULE_CNF_OR_POS, d, 0);
	s = pb_cnf(r->b, BCF_RULE_CNF_OR_NEG, d, st->def_index);
	if (s < 0)
		return s;
	s = canonicalise(r, s, false, &cs, &cu);
	return s < 0 ? s : cs;
}

static int replay_step(void *ctx, const struct bcf_sat_step *st)
{
	struct replay *rp = ctx;
	int err = replay_step_(rp, st);

	rp->stepped = err != 0;
	return err;
}

static int replay_step_(struct replay *rp, const struct bcf_sat_step *st)
{
	struct refuter *r = rp->r;
	int prem[256], s;
	uint32_t piv[255], i;
	uint8_t pol[255];

	if (st->input)
		return 0;
	if (bcf__grow((void **)&r->derived_step, &r->derived_cap, st->id + 1, sizeof(int)))
		return -ENOMEM;
	if (st->kind == BCF_SAT_DEFINE)
		return replay_define(r, st);
	if (st->kind == BCF_SAT_DEF_NEG || st->kind == BCF_SAT_DEF_POS) {
		s = replay_def_clause(r, st);
		if (s < 0)
			return s;
		goto check;
	}
	if (st->npremises > 248)
		return limit(r, "RESOLUTION with %u premises (the kernel takes 248)", st->npremises);
	for (i = 0; i < st->npremises; i++) {
		uint32_t p = st->premises[i];

		prem[i] = p < r->nclauses ? r->clause_step[p] : r->derived_step[p] - 1;
		if (prem[i] < 0)
			return bcf__err(-EPROTO, "SAT proof node %u has no step", p);
	}
	if (st->npremises == 1) {
		s = prem[0];
	} else if (st->wide && st->npremises == 2) {
		s = wide_resolution(r, prem[0], prem[1], r->node_of[SAT_VAR(st->pivots[0])],
				    !SAT_NEG(st->pivots[0]));
		if (s < 0)
			return s;
	} else {
		for (i = 0; i + 1 < st->npremises; i++) {
			piv[i] = r->node_of[SAT_VAR(st->pivots[i])];
			pol[i] = !SAT_NEG(st->pivots[i]);
		}
		s = resolve(r, prem, st->npremises, piv, pol);
		if (s < 0)
			return s;
	}
	if (st->factoring) {
		s = pb_factor(r->b, s);
		if (s < 0)
			return s;
	}
check:
	/* the fact must be the SAT clause, literal for literal (as a set) */
	{
		const uint32_t *l;
		uint32_t one;
		unsigned n = fact_lits(r, s, st->nlits == 1, &l, &one), j, k;
		bool same = n == st->nlits;

		/* the unit clause [false] is the fact false (an intermediate
		 * step of a split chain may end so) */
		if (n == 0 && st->nlits == 1 && !SAT_NEG(st->lits[0]) &&
		    r->node_of[SAT_VAR(st->lits[0])] == pbuild_false(r->b))
			same = true;

		for (j = 0; same && j < n; j++) {
			unsigned nots;
			uint32_t base = base_of(r, l[j], &nots);
			sat_lit lit = SAT_LIT(r->var_of[base], nots & 1);

			for (k = 0; k < st->nlits && st->lits[k] != lit; k++)
				;
			same = k < st->nlits && nots < 2;
		}
		if (!same) {
			char buf[256];

			bcf_print__kernel(r->a, pbuild_fact(r->b, s), 3, buf, sizeof(buf));
			/* diagnostics of the mismatch, at debug level of the print callback */
			for (j = 0; j < st->npremises; j++) {
				bcf_print__kernel(r->a, pbuild_fact(r->b, prem[j]), 3, buf,
						  sizeof(buf));
				bcf__debug("refute: premise %u (step %d, sat %u): %s\n", j,
					   prem[j], st->premises[j], buf);
				if (j + 1 < st->npremises) {
					bcf_print__kernel(r->a, piv[j], 2, buf, sizeof(buf));
					bcf__debug("refute: pivot %s pol %u (t%u)\n", buf, pol[j],
						   piv[j]);
				}
			}
			for (j = 0; j < st->nlits; j++)
				bcf__debug("refute: sat lit var %u neg %u node t%u\n",
					   SAT_VAR(st->lits[j]), SAT_NEG(st->lits[j]),
					   r->node_of[SAT_VAR(st->lits[j])]);
			bcf_print__kernel(r->a, pbuild_fact(r->b, s), 3, buf, sizeof(buf));
			snprintf(r->detail, sizeof(r->detail), "replay: step %d concludes %.150s, "
				 "the SAT clause has %u literals", s, buf, st->nlits);
			return -EPROTO;
		}
	}
	r->derived_step[st->id] = s + 1;
	r->last_step = s;
	return 0;
}

/* How one proof attempt is built. */
struct attempt {
	bool no_trusted;   /* refuse kernel-trusted steps */
	uint32_t seed;     /* SAT tie-breaking (0: default) */
	bool no_split;     /* no case split on wide goal disjunctions */
	uint64_t max_conflicts; /* SAT budget (0: none but the time limit) */
	bool vsids;        /* SAT decisions by VSIDS instead of VMTF */
	bool bit_order;    /* word equalities decided bit by bit (BIT_ORDER_MIN_BYTES) */
	bool chains;       /* lemma atoms for add chains (solver/chain.h), bit order */
	bool late_facts;   /* with chains: the goal's facts after the lemmas (bcf_sat__late) */
	uint32_t shrink_min; /* learned clauses shrunk above this length (0: the SAT default) */
	size_t max_bytes;  /* proof size limit (0: the kernel's) */
};

static int refute_once(const struct bcf_arena *src, uint32_t goal,
		       const struct bcf_solver_result *triage, unsigned timeout_ms,
		       const struct attempt *at, struct refute_result *res)
{
	struct bcf_sat_opts so = { .proof = true, .timeout_ms = timeout_ms, .seed = at->seed,
				   .vsids = at->vsids, .max_conflicts = at->max_conflicts,
				   /* the carry invariants: one refuted at a time (chain_carry.c) */
				   .prefer_root = at->chains, .shrink_min = at->shrink_min };
	struct refuter r = { .last_step = -1, .split = !at->no_split,
			     .bit_order = at->bit_order,
			     .carries = at->chains,
			     /* long chains: the facts late, the links in windows */
			     .windows = at->chains && at->late_facts };
	struct pbuild_stats st;
	struct replay rp = { .r = &r };
	uint32_t g, nw;
	const uint32_t *gw;
	int s0, err = 0, facts[255];
	struct tactic_out tout = { .nsolved = 0 };
	enum bcf_sat_result sr;
	unsigned i, nfacts = 0;

	memset(res, 0, sizeof(*res));
	r.b = pbuild_new();
	r.sat = bcf_sat__new(&so);
	if (!r.b || !r.sat) {
		err = -ENOMEM;
		goto out;
	}
	pbuild_set_no_trusted(r.b, at->no_trusted);
	pbuild_set_max_bytes(r.b, at->max_bytes);
	r.a = pbuild_arena(r.b);
	r.bl = blaster_new(r.b);
	if (!r.bl) {
		err = -ENOMEM;
		goto out;
	}
	blaster_set_abstract(r.bl, true);
	err = pbuild_import(r.b, src, goal, &g);
	if (err)
		goto fail_builder;
	s0 = pb_assume(r.b, g);
	if (s0 < 0) {
		err = s0;
		goto fail_builder;
	}
	/* slice: the conjuncts in the unsat core */
	if (node(&r, g)->code == BCF_BOOL_CONJ) {
		const struct bcf_expr *e = node(&r, g);

		nfacts = triage && triage->has_core && triage->core_len ? triage->core_len : e->vlen;
		for (i = 0; i < nfacts && !err; i++) {
			unsigned idx = triage && triage->has_core && triage->core_len ?
				       triage->core[i] : i;

			facts[i] = pb_and_elim(r.b, s0, idx);
			if (facts[i] < 0)
				err = facts[i];
		}
	} else {
		facts[nfacts++] = s0;
	}
	if (err)
		goto fail_builder;
	/* a small word-level refutation, if one applies */
	r.last_step = tactic_refute(r.b, facts, nfacts, &tout);
	if (r.last_step >= 0)
		goto finish;
	if (r.last_step != -ENOENT) {
		err = r.last_step;
		goto fail_builder;
	}
	r.last_step = -1;
	if (at->chains) {
		err = add_chain_lemmas(&r, g);
		if (err)
			goto fail_builder;
	}
	/* otherwise: each fact is a unit clause of the bit-level refutation,
	 * and so is what the tactic solved (a product's factor's value) */
	r.in_goal = true;
	/* or after an add chain's lemmas (bcf_sat__late) */
	bcf_sat__late(r.sat, at->chains && at->late_facts);
	for (i = 0; i < tout.nsolved && !err; i++)
		err = add_unit_fact(&r, tout.solved[i]);
	for (i = 0; i < nfacts && !err; i++)
		err = add_unit_fact(&r, facts[i]);
	bcf_sat__late(r.sat, false);
	r.in_goal = false;
	while (!err && r.nwork)
		err = expand(&r, r.work[--r.nwork]);
	if (err)
		goto fail_builder;
	sr = bcf_sat__solve(r.sat);
	if (sr != BCF_SAT_UNSAT) {
		/* a term with opaque bits may also be its own atom's only
		 * bit (a 1-bit (= t #1)): the atom then never shows as opaque */
		const char *why = r.opaque ? r.opaque_why : blaster_abstract_why(r.bl);

		if (sr == BCF_SAT_SAT && why) {
			snprintf(res->detail, sizeof(res->detail), "%s", why);
			err = -ENOTSUP;
		} else if (sr == BCF_SAT_SAT) {
			snprintf(res->detail, sizeof(res->detail),
				 "the bit-level encoding is satisfiable although the solver said "
				 "unsat (encoding bug)");
			err = -EPROTO;
		} else {
			snprintf(res->detail, sizeof(res->detail), "SAT solver gave up%s",
				 bcf_sat__error(r.sat) ? " (internal error)" : " (time limit)");
			err = -ETIME;
		}
		goto out;
	}
	res->nsplit = r.nsplit;
	res->conflicts = bcf_sat__stats(r.sat)->conflicts;
	err = bcf_sat__proof_walk(r.sat, &(struct bcf_sat_walk_opts){ .wide = true },
				  replay_step, &rp);
	if (err == -E2BIG && !r.detail[0] && !rp.stepped)
		snprintf(r.detail, sizeof(r.detail), "proof walk: a clause of more than 255 "
			 "literals (the format's limit)");
	if (err == -ETIME && !r.detail[0])
		snprintf(r.detail, sizeof(r.detail), "the proof walk ran past the time limit");
	if (err)
		goto fail_builder;
	{
		const struct bcf_sat_stats *ss = bcf_sat__stats(r.sat);

		bcf__debug("refute: %llu decisions, %llu propagations, %llu conflicts, %llu learned "
			   "(%llu literals); walk: %llu inputs, %llu derived, %llu premises, "
			   "%llu split, %llu factoring, ~%llu words\n",
			   (unsigned long long)ss->decisions, (unsigned long long)ss->propagations,
			   (unsigned long long)ss->conflicts, (unsigned long long)ss->learned,
			   (unsigned long long)ss->learned_lits, (unsigned long long)ss->trimmed_inputs,
			   (unsigned long long)ss->trimmed_derived,
			   (unsigned long long)ss->trimmed_premises,
			   (unsigned long long)ss->split_steps, (unsigned long long)ss->factoring_steps,
			   (unsigned long long)ss->est_words);
	}
	{
		char buf[512];
		const struct bcf_expr *e = node(&r, pbuild_fact(r.b, r.last_step));

		bcf_print__kernel(r.a, pbuild_fact(r.b, r.last_step), 3, buf, sizeof(buf));
		bcf__debug("refute: last step %d (of %u) fact %s code %x\n", r.last_step,
			   pbuild_nsteps(r.b), buf, e ? e->code : 0);
	}
finish:
	/*
	 * A goal that is false itself is refuted by its ASSUME alone, but a
	 * proof needs two steps (spec/format.md 2.4): add (= false false) and
	 * EQ_RESOLVE it with the assumption.
	 */
	if (r.last_step == s0) {
		int rf = pb_refl(r.b, g);

		r.last_step = rf < 0 ? rf : pb_eq_resolve(r.b, s0, rf);
		if (r.last_step < 0) {
			err = r.last_step;
			goto fail_builder;
		}
	}
	gw = bcf_arena__words(src, &nw);
	err = pbuild_finish(r.b, r.last_step, gw, nw, goal, &res->proof, &res->proof_size, &st);
	if (err)
		goto fail_builder;
	res->steps = st.steps;
	res->rule_steps = st.rule_steps;
	res->kt_steps = st.kt_steps;
	res->kt_rule_steps = st.kt_rule_steps;
	memcpy(res->kt_first, st.kt_first, sizeof(res->kt_first));
	goto out;
fail_builder:
	if (!res->detail[0])
		snprintf(res->detail, sizeof(res->detail), "%s",
			 r.detail[0] ? r.detail : pbuild_error(r.b)[0] ? pbuild_error(r.b) :
			 bcf_last_error());
out:
	if (err == -ENOTSUP && !res->detail[0])
		snprintf(res->detail, sizeof(res->detail), "%s", r.detail);
	blaster_free(r.bl);
	bcf_sat__free(r.sat);
	pbuild_free(r.b);
	free(r.var_of);
	free(r.node_of);
	free(r.clause_step);
	free(r.derived_step);
	free(r.done);
	free(r.work);
	return err;
}

/*
 * The kernel compares the goal with the proof's ASSUME at most 128 node
 * pairs deep and with at most 128 variables (spec/format.md 3): past that
 * no proof is accepted, however it is built, so say so before building one.
 */
static int goal_fits_kernel(const struct bcf_arena *src, uint32_t goal, struct refute_result *res)
{
	unsigned depth, nvars;
	uint32_t nw;
	const uint32_t *w = bcf_arena__words(src, &nw);
	int err = ckr_goal_needs(w, nw, goal, &depth, &nvars);

	memset(res, 0, sizeof(*res));
	if (err)
		return err;
	if (depth > CKR_GOAL_STACK_MAX)
		snprintf(res->detail, sizeof(res->detail),
			 "over a kernel checker limit: the goal is %u nodes deep, and the kernel "
			 "compares a proof's ASSUME with it at most %d deep", depth,
			 CKR_GOAL_STACK_MAX);
	else if (nvars > CKR_GOAL_VARMAP_MAX)
		snprintf(res->detail, sizeof(res->detail),
			 "over a kernel checker limit: the goal has %u variables, and the kernel "
			 "matches at most %d in a proof's ASSUME", nvars, CKR_GOAL_VARMAP_MAX);
	return res->detail[0] ? -ENOTSUP : 0;
}

/*
 * Another attempt; its proof replaces res's when it is smaller and trusts no
 * more steps: true when it did.
 */
static bool keep_smaller(const struct bcf_arena *src, uint32_t goal,
			 const struct bcf_solver_result *triage, int64_t deadline,
			 const struct attempt *at, struct refute_result *res)
{
	struct refute_result other;

	if (!refute_once(src, goal, triage, bcf__left_ms(deadline), at, &other) &&
	    other.proof_size < res->proof_size && other.kt_steps <= res->kt_steps) {
		free(res->proof);
		*res = other;
		return true;
	}
	free(other.proof);
	return false;
}

/*
 * The searches after the first, in the order they are tried over a limit;
 * the bit-ordered ones (before ALT_SEED) also serve for large proofs.
 */
enum alt_kind { ALT_CHAINS, ALT_CHAINS_LATE, ALT_BIT_ORDER, ALT_SEED, ALT_VSIDS, ALT_SHRINK,
		ALT_NONE };

/*
 * ALT_SHRINK: learned clauses shrunk from this length on (solver/sat_shrink.c)
 * instead of the SAT default, 200.  A second search for a large proof and an
 * alternative over a limit: the processors at 16 / 32 / 64-bit registers
 * (bench/processor_widths.sh) 0.80 / 1.66 / 6.40 MB -> 0.47 / 1.16 / 4.23 MB;
 * as the default it changed 7 shared vectors' proofs, 5 of them larger.
 */
#define SHRINK_ALT_MIN 100

static bool alt_chains(unsigned kind)
{
	return kind == ALT_CHAINS || kind == ALT_CHAINS_LATE;
}

static struct attempt alt_attempt(unsigned kind, bool no_trusted, size_t max_bytes)
{
	struct attempt at = { .no_trusted = no_trusted, .max_bytes = max_bytes };

	switch (kind) {
	case ALT_CHAINS_LATE:
		at.late_facts = true;
		/* fall through */
	case ALT_CHAINS:
		at.chains = true;
		at.bit_order = true; /* the lemmas are decided in bit order */
		break;
	case ALT_BIT_ORDER:
		at.bit_order = true;
		break;
	case ALT_SEED:
		at.seed = 0x9e3779b9u;
		break;
	case ALT_VSIDS:
		at.vsids = true;
		break;
	case ALT_SHRINK:
		at.shrink_min = SHRINK_ALT_MIN;
		break;
	default:
		break; /* ALT_NONE: the plain search */
	}
	return at;
}

/*
 * One refutation with trusted steps allowed or not (no_trusted): the first
 * attempt, the others when it is over a limit, and the smaller of two
 * searches where the first may not be the smallest.  ci: the goal's additions
 * (solver/chain.h); with an add chain (CHAIN_MIN_LINKS or more) the chain's
 * lemmas come first: with 5 to 15 links over a 64-bit base the plain search
 * spent 10-30 s on a proof over the size limit or larger than theirs, which
 * took under a second, and no shared vector's proof got larger.
 */
static int refute_best(const struct bcf_arena *src, uint32_t goal,
		       const struct bcf_solver_result *triage, int64_t deadline,
		       bool no_trusted, const struct chain_info *ci, size_t max_bytes,
		       struct refute_result *res)
{
	unsigned first = ci->longest >= CHAIN_LATE_LINKS ? ALT_CHAINS_LATE :
			 ci->longest >= CHAIN_MIN_LINKS  ? ALT_CHAINS : ALT_NONE;
	unsigned won = first, i, k, tried = 1;
	struct attempt at = alt_attempt(first, no_trusted, max_bytes);
	struct refute_result other;
	uint64_t t0 = bcf__mono_us();
	int err = refute_once(src, goal, triage, bcf__left_ms(deadline), &at, res);

	if (err == -ENOENT && first != ALT_NONE) { /* no lemma after all: the plain search */
		first = won = ALT_NONE;
		at = alt_attempt(ALT_NONE, no_trusted, max_bytes);
		err = refute_once(src, goal, triage, bcf__left_ms(deadline), &at, res);
	}
	/* every further attempt gets what is left of the time limit, or none */
	for (i = 0; (err == -EFBIG || err == -E2BIG) && i < ALT_NONE && !bcf__past(deadline);
	     i++) {
		int e;

		if (i == first || (alt_chains(i) && ci->longest < CHAIN_MIN_LINKS))
			continue; /* made, or does not apply (no add chain) */
		at = alt_attempt(i, no_trusted, max_bytes);
		e = refute_once(src, goal, triage, bcf__left_ms(deadline), &at, &other);
		if (e == -ENOENT) {
			free(other.proof);
			continue;       /* the attempt does not apply (no add chain) */
		}
		tried++;
		if (e == -EFBIG || e == -ETIME || e == -E2BIG) {
			free(other.proof);
			continue;       /* keep the first size in the detail */
		}
		free(res->proof);
		*res = other;
		err = e;
		won = i;
	}
	if (err == -E2BIG && i < ALT_NONE) {
		char d[sizeof(res->detail)];

		/* the other refutations were not tried: a timeout, not a verdict */
		snprintf(d, sizeof(d), "the time limit passed before another refutation could be "
			 "tried (the first one: %.150s)", res->detail);
		memcpy(res->detail, d, sizeof(d));
		return -ETIME;
	}
	if (err == -E2BIG) {
		char d[sizeof(res->detail)];

		snprintf(d, sizeof(d), "over a kernel checker limit in each of the %u refutations "
			 "tried: %.180s", tried, res->detail);
		memcpy(res->detail, d, sizeof(d));
		return -ENOTSUP;
	}
	if (err)
		return err;
	/*
	 * The case split is not always the smaller refutation (a few wide
	 * disjuncts over many bits: the plain search shares more between them):
	 * with a budget of conflicts, try the plain search too and keep the
	 * smaller proof.
	 */
	if (res->nsplit && !bcf__past(deadline)) {
		at = alt_attempt(ALT_NONE, no_trusted, max_bytes);
		at.no_split = true;
		at.max_conflicts = 2 * res->conflicts + 1000;
		keep_smaller(src, goal, triage, deadline, &at, res);
	}
	/* the chain's lemmas were not needed if the plain search is as small */
	if (alt_chains(won) && won == first && res->proof_size < BIT_ORDER_MIN_BYTES &&
	    !bcf__past(deadline)) {
		at = alt_attempt(ALT_NONE, no_trusted, max_bytes);
		at.max_conflicts = 2 * res->conflicts + 1000;
		if (keep_smaller(src, goal, triage, deadline, &at, res))
			won = ALT_NONE;
	}
	/*
	 * A proof the SAT search had to search for (conflicts), of middle
	 * size: the other tie-breakings too, within twice the conflicts, the
	 * smallest kept (150 shared vectors' proofs smaller, up to half:
	 * bench_4698 310,172 -> 150,092 bytes; none larger).  Not when the
	 * searches so far took more than MID_MAX_US.
	 */
	if (won == ALT_NONE && res->conflicts >= 1 && res->proof_size >= MID_MIN_BYTES &&
	    res->proof_size < BIT_ORDER_MIN_BYTES && bcf__mono_us() - t0 < MID_MAX_US) {
		static const unsigned mid[] = { ALT_SEED, ALT_VSIDS, ALT_SHRINK };

		for (k = 0; k < sizeof(mid) / sizeof(mid[0]) && !bcf__past(deadline); k++) {
			at = alt_attempt(mid[k], no_trusted, max_bytes);
			at.max_conflicts = 2 * res->conflicts + 1000;
			if (keep_smaller(src, goal, triage, deadline, &at, res))
				won = mid[k];
		}
	}
	/* a large proof of the plain search: shorter learned clauses, within twice the conflicts */
	if (won == ALT_NONE && res->proof_size >= BIT_ORDER_MIN_BYTES && !bcf__past(deadline)) {
		at = alt_attempt(ALT_SHRINK, no_trusted, max_bytes);
		at.max_conflicts = 2 * res->conflicts + 1000;
		if (keep_smaller(src, goal, triage, deadline, &at, res))
			won = ALT_SHRINK;
	}
	/*
	 * A large proof: the searches in bit order (the chain's lemmas, with
	 * the facts before and after them; bit order alone) not made yet,
	 * within 4 times the conflicts.  After the chain's lemmas, bit order
	 * alone only grows with the square of the chain's length.  Bit order
	 * is for carries: without an adder (extract/concat puzzles; 0.3-0.5 s
	 * of a 128-bit ext_con) it has never given the smaller proof.
	 */
	for (k = i; k < ALT_SEED && ci->adders && res->proof_size >= BIT_ORDER_MIN_BYTES &&
		    !bcf__past(deadline); k++) {
		if (alt_chains(won))
			break; /* bit order alone, or the other lemmas' search: no smaller */
		if (k == first || (alt_chains(k) && ci->longest < CHAIN_MIN_LINKS))
			continue;
		at = alt_attempt(k, no_trusted, max_bytes);
		at.max_conflicts = 4 * res->conflicts + 1000;
		if (keep_smaller(src, goal, triage, deadline, &at, res))
			won = k;
	}
	return 0;
}

/*
 * Kernel-checked routes first: when the proof needs a step the kernel trusts
 * (a POLY_NORM route of the tactic or the blaster), build it again with
 * every such step refused, so that each route falls back to a checked one
 * (bit-blasting the linear facts instead of normalising them) and a term
 * with no checked route (a product by a constant) gets opaque bits; if that
 * refutation needs more than the solver's unsat core, once more with every
 * conjunct.  The proof with trusted steps is kept only when no other one
 * exists.
 *
 * A proof over the size limit is not the end either: the SAT search is run
 * again with an add chain's lemmas, in bit order, with another tie-breaking
 * and with VSIDS decisions (enum alt_kind: a different refutation, often a
 * much smaller one); -EFBIG only when none fits.
 * Likewise for a refutation that exceeds another fixed limit of the kernel
 * checker (-E2BIG from the builder: a step comparing literals that differ
 * only more than 128 node pairs deep, a clause over 255 literals, more than
 * 248 premises): the kernel would reject that proof, so another refutation
 * is tried, and when none fits the goal is unprovable within the kernel's
 * limits (-ENOTSUP, detail naming the limit).  Found by fuzz/prover_diff:
 * a 64-bit multiplication by 2^63 compared bit by bit (tests/test_prove_edge).
 */
int bcf_refute(const struct bcf_arena *src, uint32_t goal, const struct bcf_solver_result *triage,
	       unsigned timeout_ms, size_t max_bytes, struct refute_result *res)
{
	struct refute_result other;
	int64_t deadline = bcf__deadline(timeout_ms);
	int err = goal_fits_kernel(src, goal, res);
	struct chain_info ci;

	if (err)
		return err;
	err = chain_scan(src, goal, &ci);
	if (err)
		return err;
	bcf__debug("refute: longest add chain %u links, %u adders\n", ci.longest, ci.adders);
	err = refute_best(src, goal, triage, deadline, false, &ci, max_bytes, res);
	if (err || !res->kt_steps || bcf__past(deadline))
		return err;
	err = refute_best(src, goal, triage, deadline, true, &ci, max_bytes, &other);
	if (err == -ENOTSUP && triage && triage->has_core && !bcf__past(deadline)) {
		/* the solver's core may rest on the value of a term that is opaque now */
		free(other.proof);
		err = refute_best(src, goal, NULL, deadline, true, &ci, max_bytes, &other);
	}
	if (err) {
		free(other.proof);
		return 0;
	}
	free(res->proof);
	*res = other;
	return 0;
}
