/* SPDX-License-Identifier: MIT */
/*
 * solver/sat_int.h - the SAT solver's private data, shared by its files:
 *   sat.c         solver state, the public API, loading the input clauses
 *   sat_search.c  propagation, decisions (VMTF queue / VSIDS heap),
 *                 learning, restarts, clause deletion
 *   sat_analyze.c first-UIP conflict analysis and minimisation, with the
 *                 resolution chain of every learned clause
 *   sat_shrink.c  long learned clauses shrunk to their levels' UIPs
 *   sat_walk.c    the proof walk: trimming, chain scheduling, splitting
 *   sat_encode.c  BCF RESOLUTION / FACTORING parameter words
 *   sat_dimacs.c  the DIMACS reader
 *   sat_window.c  windows: the clauses and variables a phase of the
 *                 preferred literals needs (bcf_sat__phase)
 */
#ifndef BCF_SOLVER_SAT_INT_H
#define BCF_SOLVER_SAT_INT_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lang/debug_assert.h"
#include "lang/grow.h"
#include "solver/sat.h"

/* ---- small vectors ------------------------------------------------------- */

struct u32vec {
	uint32_t *a;
	uint32_t n;
	size_t cap;
};

int sat_u32_reserve(struct u32vec *v, uint32_t need);

static inline int u32_push(struct u32vec *v, uint32_t x)
{
	if (v->n == v->cap && sat_u32_reserve(v, v->n + 1))
		return -ENOMEM;
	v->a[v->n++] = x;
	return 0;
}

/* v[i] = x, with zeros for the entries before it that v does not have. */
static inline int u32_push_fill(struct u32vec *v, uint32_t i, uint32_t x)
{
	if (sat_u32_reserve(v, i + 1))
		return -ENOMEM;
	while (v->n < i)
		v->a[v->n++] = 0;
	v->a[i] = x;
	v->n = i + 1;
	return 0;
}

static inline void u32_free(struct u32vec *v)
{
	free(v->a);
	memset(v, 0, sizeof(*v));
}

/* ---- clauses and watches ----------------------------------------------------- */

#define NO_NODE UINT32_MAX

struct clause {
	uint32_t size;
	uint32_t node;     /* proof node (NO_NODE without logging) */
	float act;
	uint8_t learnt;
	uint8_t deleted;
	uint16_t lbd;      /* learned: distinct decision levels (glue) */
	sat_lit lits[];    /* a reason clause keeps its implied literal first */
};

struct watch {
	struct clause *c;
	sat_lit blocker;
};

struct wvec {
	struct watch *a;
	uint32_t n;
	size_t cap;
};

/* ---- variables --------------------------------------------------------------- */

/* Flag bits of a variable (struct sat_var.flags). */
enum sat_var_flag {
	VF_SEEN = 1u << 0,      /* analysis: met in the current conflict */
	VF_IN_ACC = 1u << 1,    /* analysis (proof): a literal of it is in the accumulated clause */
	VF_LEVEL0 = 1u << 2,    /* analysis (proof): its level-0 unit is queued in s->lvl0 */
	VF_REMOVED = 1u << 3,   /* analysis (proof): removed by minimisation */
	VF_POS = 1u << 4,       /* loading: the positive literal is in the clause */
	VF_NEG = 1u << 5,       /* loading: the negative literal is in the clause */
	VF_DORMANT = 1u << 6,   /* windows: not decided (out of the decision queue) */
};

struct sat_var {
	struct clause *reason;  /* NULL at level 0 and for decisions */
	uint32_t level;         /* decision level of the assignment */
	uint32_t trail_pos;     /* index on the trail */
	uint32_t unit_node;     /* proof node of its level-0 unit (NO_NODE: none) */
	uint32_t pref;          /* 1 + its first index in s->prefer (0: none) */
	uint8_t phase;          /* saved sign: 1 = try the negative literal */
	uint8_t flags;          /* enum sat_var_flag */
	double act;             /* VSIDS activity (also the initial VMTF order) */
	uint32_t heap_pos;      /* VSIDS: index in the heap or UINT32_MAX */
	uint32_t q_prev, q_next; /* VMTF queue links (0 = none) */
	uint64_t q_stamp;       /* VMTF: enqueue time (higher = decided first) */
};

/* ---- solver state ------------------------------------------------------------ */

struct bcf_sat {
	struct bcf_sat_opts opts;
	struct bcf_sat_stats st;
	int error;
	bool solved;
	enum bcf_sat_result result;

	uint32_t nvars;
	struct sat_var *var;    /* by variable (1..nvars) */
	int8_t *val;            /* by literal: 1 true, -1 false, 0 unassigned */
	struct wvec *watches;   /* by literal */
	uint32_t *lvl_stamp;    /* by decision level (glue computation) */
	size_t var_cap, val_cap, watches_cap, lvl_cap;
	uint32_t stamp;

	/* decisions */
	struct u32vec heap;     /* VSIDS: max-activity heap of variables */
	bool vmtf;              /* decisions from the VMTF queue instead of VSIDS */
	uint32_t q_first, q_last, q_search;
	uint64_t q_time;
	struct u32vec bumped;   /* VMTF: variables of the last analysis */
	struct u32vec prefer;   /* literals decided first, in order (bcf_sat__prefer) */
	uint32_t prefer_pos;    /* every prefer.a[0 .. prefer_pos) is assigned */
	double var_inc, cla_inc;

	struct u32vec trail, trail_lim;
	uint32_t qhead;

	/* input clauses as given (until solve) */
	struct u32vec in_lits, in_off;
	/* late unit clauses (bcf_sat__late): their input indices, ascending;
	 * loaded by sat_load_late() once every preferred literal is assigned
	 * at decision level 0 */
	struct u32vec late;
	bool late_on, late_loaded;
	/* windows (sat_window.c): the variable whose definition is being
	 * added (bcf_sat__own), each input clause's owner, the phases (lo,
	 * hi, nneed, ncut, then the variables), the state during the search
	 * and how many input clauses it leaves unwatched */
	uint32_t owner;
	struct u32vec in_owner, phases;
	struct sat_window *win;
	uint32_t win_unwatched;

	struct clause **learnts;
	uint32_t nlearnts;
	size_t learnts_cap;
	struct clause **origs;
	uint32_t norigs;
	size_t origs_cap;
	uint64_t next_reduce, nreduce;
	double ema_fast, ema_slow;  /* glue averages for restarts */
	bool minimize;

	/* analysis scratch: learned clause, variables to unmark, DFS stack,
	 * resolution chain (node, pivot pairs), level-0 literals met,
	 * variables removed by minimisation */
	struct u32vec learnt, toclear, stack, chain, lvl0, mvars;
	/* shrinking (sat_shrink.c): a generation stamp per variable */
	struct u32vec smark;
	uint32_t sgen;

	/* proof store: node n has literals p_lits[p_lit_off[n] ..][p_nlits[n]]
	 * and chain p_chain[p_chain_off[n] ..][2 * p_nchain[n]] (premise 0 with
	 * a dummy pivot, then premise / pivot pairs); inputs have no chain */
	struct u32vec p_lits, p_lit_off, p_nlits, p_chain, p_chain_off, p_nchain;
	uint32_t ninputs;
	uint32_t empty_node;

	uint64_t t_start_ms;
};

static inline int8_t lval(const struct bcf_sat *s, sat_lit l)
{
	return s->val[l];
}

static inline uint32_t dlevel(const struct bcf_sat *s)
{
	return s->trail_lim.n;
}

static inline struct sat_var *var_of(const struct bcf_sat *s, sat_lit l)
{
	return &s->var[SAT_VAR(l)];
}

/* Assign l true with reason (kept only above level 0). */
static inline void sat_assign(struct bcf_sat *s, sat_lit l, struct clause *reason)
{
	struct sat_var *x = var_of(s, l);

	BCF_ASSERT(!s->val[l] && !s->val[SAT_NOT(l)]);
	BCF_ASSERT(s->trail.n < s->nvars + 1);
	s->val[l] = 1;
	s->val[SAT_NOT(l)] = -1;
	x->level = dlevel(s);
	x->reason = dlevel(s) ? reason : NULL;
	x->trail_pos = s->trail.n;
	s->trail.a[s->trail.n++] = l; /* reserved for nvars entries */
}

/* sat.c */
uint32_t sat_proof_node(struct bcf_sat *s, const sat_lit *lits, uint32_t n,
			const uint32_t *chain, uint32_t nchain);

/* sat_search.c */
void sat_heap_insert(struct bcf_sat *s, uint32_t v);
uint32_t sat_heap_pop(struct bcf_sat *s);
void sat_heap_up(struct bcf_sat *s, uint32_t i);
void sat_var_rescale(struct bcf_sat *s);
void sat_clause_rescale(struct bcf_sat *s);
void sat_q_append(struct bcf_sat *s, uint32_t v);
void sat_q_unlink(struct bcf_sat *s, uint32_t v);
void sat_q_prepend(struct bcf_sat *s, uint32_t v);
/* Level-0 unit node of l, implied by reason c (all other literals false at level 0). */
void sat_unit_from_reason(struct bcf_sat *s, sat_lit l, const struct clause *c);
struct clause *sat_clause_new(const sat_lit *lits, uint32_t n, bool learnt, uint32_t node);
int sat_clause_attach(struct bcf_sat *s, struct clause *c);
enum bcf_sat_result sat_search(struct bcf_sat *s, bool *restart);
/* Load the late unit clauses (bcf_sat__late) at decision level 0: UNSAT or UNKNOWN. */
enum bcf_sat_result sat_load_late(struct bcf_sat *s);
bool sat_budget_out(struct bcf_sat *s);
bool sat_timed_out(const struct bcf_sat *s);
void sat_check_invariants(const struct bcf_sat *s);

/* A variable met in a conflict analysis: VMTF moves it to the front later. */
static inline void sat_var_bump(struct bcf_sat *s, uint32_t v)
{
	struct sat_var *x = &s->var[v];

	if (s->vmtf) {
		if (u32_push(&s->bumped, v))
			s->error = -ENOMEM;
		return;
	}
	if ((x->act += s->var_inc) > 1e100)
		sat_var_rescale(s);
	if (x->heap_pos != UINT32_MAX)
		sat_heap_up(s, x->heap_pos);
}

static inline void sat_clause_bump(struct bcf_sat *s, struct clause *c)
{
	if ((c->act += (float)s->cla_inc) > 1e20f)
		sat_clause_rescale(s);
}

/* sat_window.c: windows set up before the input clauses are loaded; a
 * loaded clause watched now or left for its window; the update at decision
 * level 0 and the end of windows (UNSAT on a final conflict) */
int sat_window_init(struct bcf_sat *s);
int sat_window_load(struct bcf_sat *s, uint32_t input, struct clause *c);
bool sat_window_on(const struct bcf_sat *s);
enum bcf_sat_result sat_window_update(struct bcf_sat *s);
enum bcf_sat_result sat_window_all(struct bcf_sat *s);
void sat_window_free(struct bcf_sat *s);

/* sat_analyze.c */
void sat_analyze(struct bcf_sat *s, struct clause *confl, uint32_t *bt);
void sat_final_conflict(struct bcf_sat *s, struct clause *confl);

/* sat_shrink.c */
void sat_shrink(struct bcf_sat *s);

#endif
