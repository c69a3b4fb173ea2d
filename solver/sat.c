// SPDX-License-Identifier: MIT
/*
 * CDCL SAT solver with resolution proof logging; see solver/sat.h.
 *
 * Search: two watched literals with blockers, first-UIP conflict analysis,
 * recursive clause minimisation, decisions from a VMTF queue (variables
 * analysed in a conflict move to the front; opts.vsids: VSIDS with a
 * binary heap instead), phase saving,
 * restarts when the recent glue (LBD) average exceeds the long-run one,
 * periodic deletion of the worse half of the learned clauses (by glue,
 * then activity; glue <= 2 kept).
 *
 * Proof: nodes 0..ninputs-1 are the input clauses.  Derived nodes record a
 * chain (premise 0, then (premise, pivot) pairs); the pivot is the literal
 * as it occurs in the accumulated clause.  A literal fixed at decision
 * level 0 gets its own unit node, so a learned clause's chain ends with
 * one resolution per level-0 literal against that unit (order-free).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "solver/sat.h"

/* ---- small vectors --------------------------------------------------------- */

struct u32vec {
	uint32_t *a;
	uint32_t n, cap;
};

static int u32_reserve(struct u32vec *v, uint32_t need)
{
	uint32_t cap;
	uint32_t *na;

	if (need <= v->cap)
		return 0;
	if (need > (1u << 31))
		return -ENOMEM;
	cap = v->cap ? v->cap : 8;
	while (cap < need)
		cap *= 2;
	na = realloc(v->a, (size_t)cap * sizeof(*na));
	if (!na)
		return -ENOMEM;
	v->a = na;
	v->cap = cap;
	return 0;
}

static inline int u32_push(struct u32vec *v, uint32_t x)
{
	if (v->n == v->cap && u32_reserve(v, v->n + 1))
		return -ENOMEM;
	v->a[v->n++] = x;
	return 0;
}

static void u32_free(struct u32vec *v)
{
	free(v->a);
	memset(v, 0, sizeof(*v));
}

/* ---- solver state -------------------------------------------------------- */

struct clause {
	uint32_t size;
	uint32_t node;     /* proof node (UINT32_MAX without logging) */
	float act;
	uint8_t learnt;
	uint8_t deleted;
	uint16_t lbd;      /* learned: distinct decision levels (glue) */
	sat_lit lits[];
};

struct watch {
	struct clause *c;
	sat_lit blocker;
};

struct wvec {
	struct watch *a;
	uint32_t n, cap;
};

#define NO_NODE UINT32_MAX

struct bcf_sat {
	struct bcf_sat_opts opts;
	struct bcf_sat_stats st;
	int error;
	bool solved;
	enum bcf_sat_result result;

	uint32_t nvars, var_cap;
	int8_t *val;            /* by literal: 1 true, -1 false, 0 unassigned */
	uint32_t *level;        /* by var */
	struct clause **reason; /* by var (NULL at level 0 and for decisions) */
	uint32_t *trail_pos;    /* by var */
	uint8_t *phase;         /* by var: saved sign */
	uint8_t *seen;          /* by var */
	uint8_t *mark;          /* by var: proof bookkeeping */
	double *act;            /* by var */
	uint32_t *heap_pos;     /* by var: index in heap or UINT32_MAX */
	uint32_t *q_prev, *q_next; /* by var: VMTF queue links (0 = none) */
	uint64_t *q_stamp;      /* by var: enqueue time (higher = decided first) */
	uint32_t *unit_node;    /* by var: proof node of the level-0 unit */
	struct wvec *watches;   /* by literal */

	struct u32vec heap;
	bool vmtf;              /* decisions from the VMTF queue instead of VSIDS */
	uint32_t q_first, q_last, q_search;
	uint64_t q_time;
	struct u32vec bumped;
	struct u32vec trail, trail_lim;
	uint32_t qhead;
	double var_inc, cla_inc;

	/* input clauses as given (until solve) */
	struct u32vec in_lits, in_off;

	struct clause **learnts;
	uint32_t nlearnts, learnts_cap;
	struct clause **origs;
	uint32_t norigs, origs_cap;
	uint64_t next_reduce, nreduce;
	double ema_fast, ema_slow;  /* glue averages for restarts */
	uint32_t *lvl_stamp;        /* by decision level */
	uint32_t stamp;
	bool minimize;

	/* analysis scratch */
	struct u32vec learnt, toclear, stack, chain, lvl0, mvars;

	/* proof store */
	struct u32vec p_lits, p_lit_off, p_nlits, p_chain, p_chain_off, p_nchain;
	uint32_t ninputs;
	uint32_t empty_node;

	uint64_t t_start_ms;
};

static uint64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

struct bcf_sat *bcf_sat__new(const struct bcf_sat_opts *opts)
{
	struct bcf_sat *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	if (opts)
		s->opts = *opts;
	s->minimize = s->opts.minimize ? s->opts.minimize > 0 : !s->opts.proof;
	s->vmtf = !s->opts.vsids;
	s->var_inc = 1;
	s->cla_inc = 1;
	s->empty_node = NO_NODE;
	return s;
}

void bcf_sat__free(struct bcf_sat *s)
{
	uint32_t i;

	if (!s)
		return;
	for (i = 0; i < s->nlearnts; i++)
		free(s->learnts[i]);
	for (i = 0; i < s->norigs; i++)
		free(s->origs[i]);
	free(s->learnts);
	free(s->origs);
	if (s->watches)
		for (i = 0; i < 2 * (s->nvars + 1); i++)
			free(s->watches[i].a);
	free(s->watches);
	free(s->val);
	free(s->level);
	free(s->reason);
	free(s->trail_pos);
	free(s->phase);
	free(s->seen);
	free(s->mark);
	free(s->act);
	free(s->heap_pos);
	free(s->q_prev);
	free(s->q_next);
	free(s->q_stamp);
	u32_free(&s->bumped);
	free(s->unit_node);
	free(s->lvl_stamp);
	u32_free(&s->heap);
	u32_free(&s->trail);
	u32_free(&s->trail_lim);
	u32_free(&s->in_lits);
	u32_free(&s->in_off);
	u32_free(&s->learnt);
	u32_free(&s->toclear);
	u32_free(&s->stack);
	u32_free(&s->chain);
	u32_free(&s->lvl0);
	u32_free(&s->mvars);
	u32_free(&s->p_lits);
	u32_free(&s->p_lit_off);
	u32_free(&s->p_nlits);
	u32_free(&s->p_chain);
	u32_free(&s->p_chain_off);
	u32_free(&s->p_nchain);
	free(s);
}

#define GROW(field, n) \
	do { \
		void *p_ = realloc(s->field, (size_t)(n) * sizeof(*s->field)); \
		if (!p_) \
			return 0; \
		s->field = p_; \
	} while (0)

uint32_t bcf_sat__new_var(struct bcf_sat *s)
{
	uint32_t v = s->nvars + 1;

	if (s->solved || v >= (1u << 30))
		return 0;
	if (v + 1 > s->var_cap) {
		uint32_t cap = s->var_cap ? s->var_cap * 2 : 64, old = s->var_cap;

		while (cap < v + 1)
			cap *= 2;
		GROW(val, 2 * cap);
		GROW(watches, 2 * cap);
		memset(s->val + 2 * old, 0, 2 * (cap - old) * sizeof(*s->val));
		memset(s->watches + 2 * old, 0, 2 * (cap - old) * sizeof(*s->watches));
		GROW(level, cap);
		GROW(reason, cap);
		GROW(trail_pos, cap);
		GROW(phase, cap);
		GROW(seen, cap);
		GROW(mark, cap);
		GROW(act, cap);
		GROW(heap_pos, cap);
		GROW(q_prev, cap);
		GROW(q_next, cap);
		GROW(q_stamp, cap);
		GROW(unit_node, cap);
		GROW(lvl_stamp, cap);
		memset(s->lvl_stamp + old, 0, (cap - old) * sizeof(*s->lvl_stamp));
		s->var_cap = cap;
	}
	s->level[v] = 0;
	s->reason[v] = NULL;
	s->trail_pos[v] = 0;
	s->phase[v] = 1; /* first try the negative literal */
	s->seen[v] = 0;
	s->mark[v] = 0;
	s->act[v] = 0;
	s->heap_pos[v] = UINT32_MAX;
	s->q_prev[v] = s->q_next[v] = 0;
	s->q_stamp[v] = 0;
	s->unit_node[v] = NO_NODE;
	s->nvars = v;
	return v;
}

uint32_t bcf_sat__nvars(const struct bcf_sat *s)
{
	return s->nvars;
}

const struct bcf_sat_stats *bcf_sat__stats(const struct bcf_sat *s)
{
	return &s->st;
}

int bcf_sat__error(const struct bcf_sat *s)
{
	return s->error;
}

int bcf_sat__add_clause(struct bcf_sat *s, const sat_lit *lits, unsigned n, uint32_t *node)
{
	unsigned i;

	if (s->solved)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (SAT_VAR(lits[i]) < 1 || SAT_VAR(lits[i]) > s->nvars)
			return -EINVAL;
	if (u32_push(&s->in_off, s->in_lits.n) || u32_reserve(&s->in_lits, s->in_lits.n + n))
		return -ENOMEM;
	if (n)
		memcpy(s->in_lits.a + s->in_lits.n, lits, n * sizeof(*lits));
	s->in_lits.n += n;
	if (node)
		*node = s->in_off.n - 1;
	return 0;
}

/* ---- proof store ---------------------------------------------------------- */

static uint32_t proof_node(struct bcf_sat *s, const sat_lit *lits, uint32_t n,
			   const uint32_t *chain, uint32_t nchain)
{
	uint32_t id = s->p_nlits.n;

	if (!s->opts.proof)
		return NO_NODE;
	if (u32_push(&s->p_lit_off, s->p_lits.n) || u32_push(&s->p_nlits, n) ||
	    u32_push(&s->p_chain_off, s->p_chain.n) || u32_push(&s->p_nchain, nchain) ||
	    u32_reserve(&s->p_lits, s->p_lits.n + n) ||
	    u32_reserve(&s->p_chain, s->p_chain.n + 2 * nchain)) {
		s->error = -ENOMEM;
		return NO_NODE;
	}
	if (n)
		memcpy(s->p_lits.a + s->p_lits.n, lits, n * sizeof(*lits));
	s->p_lits.n += n;
	if (nchain)
		memcpy(s->p_chain.a + s->p_chain.n, chain, 2 * nchain * sizeof(*chain));
	s->p_chain.n += 2 * nchain;
	s->st.proof_nodes++;
	s->st.proof_chain_entries += nchain;
	return id;
}

/* ---- heap (max activity) ---------------------------------------------------- */

static inline bool heap_lt(struct bcf_sat *s, uint32_t a, uint32_t b)
{
	return s->act[a] > s->act[b];
}

static void heap_up(struct bcf_sat *s, uint32_t i)
{
	uint32_t v = s->heap.a[i];

	while (i > 0) {
		uint32_t p = (i - 1) / 2;

		if (!heap_lt(s, v, s->heap.a[p]))
			break;
		s->heap.a[i] = s->heap.a[p];
		s->heap_pos[s->heap.a[i]] = i;
		i = p;
	}
	s->heap.a[i] = v;
	s->heap_pos[v] = i;
}

static void heap_down(struct bcf_sat *s, uint32_t i)
{
	uint32_t v = s->heap.a[i], n = s->heap.n;

	for (;;) {
		uint32_t c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && heap_lt(s, s->heap.a[c + 1], s->heap.a[c]))
			c++;
		if (!heap_lt(s, s->heap.a[c], v))
			break;
		s->heap.a[i] = s->heap.a[c];
		s->heap_pos[s->heap.a[i]] = i;
		i = c;
	}
	s->heap.a[i] = v;
	s->heap_pos[v] = i;
}

static void heap_insert(struct bcf_sat *s, uint32_t v)
{
	if (s->heap_pos[v] != UINT32_MAX)
		return;
	if (u32_push(&s->heap, v)) {
		s->error = -ENOMEM;
		return;
	}
	s->heap_pos[v] = s->heap.n - 1;
	heap_up(s, s->heap.n - 1);
}

static uint32_t heap_pop(struct bcf_sat *s)
{
	uint32_t v = s->heap.a[0];

	s->heap_pos[v] = UINT32_MAX;
	s->heap.n--;
	if (s->heap.n) {
		s->heap.a[0] = s->heap.a[s->heap.n];
		s->heap_pos[s->heap.a[0]] = 0;
		heap_down(s, 0);
	}
	return v;
}

static void var_bump(struct bcf_sat *s, uint32_t v)
{
	if (s->vmtf) {
		if (u32_push(&s->bumped, v))
			s->error = -ENOMEM;
		return;
	}
	if ((s->act[v] += s->var_inc) > 1e100) {
		uint32_t i;

		for (i = 1; i <= s->nvars; i++)
			s->act[i] *= 1e-100;
		s->var_inc *= 1e-100;
	}
	if (s->heap_pos[v] != UINT32_MAX)
		heap_up(s, s->heap_pos[v]);
}

/* ---- VMTF queue (variable move-to-front) ------------------------------------ */

static void q_unlink(struct bcf_sat *s, uint32_t v)
{
	uint32_t p = s->q_prev[v], n = s->q_next[v];

	if (p)
		s->q_next[p] = n;
	else
		s->q_first = n;
	if (n)
		s->q_prev[n] = p;
	else
		s->q_last = p;
	s->q_prev[v] = s->q_next[v] = 0;
}

static void q_append(struct bcf_sat *s, uint32_t v)
{
	s->q_prev[v] = s->q_last;
	s->q_next[v] = 0;
	if (s->q_last)
		s->q_next[s->q_last] = v;
	else
		s->q_first = v;
	s->q_last = v;
	s->q_stamp[v] = ++s->q_time;
	if (!s->val[SAT_LIT(v, 0)])
		s->q_search = v;
}

static int cmp_stamp(const void *a, const void *b, void *ctx)
{
	const struct bcf_sat *s = ctx;
	uint64_t x = s->q_stamp[*(const uint32_t *)a], y = s->q_stamp[*(const uint32_t *)b];

	return x < y ? -1 : x > y ? 1 : 0;
}

/* Move the variables bumped by the last analysis to the front, keeping their order. */
static void q_bump(struct bcf_sat *s)
{
	uint32_t i;

	if (s->bumped.n > 1)
		qsort_r(s->bumped.a, s->bumped.n, sizeof(uint32_t), cmp_stamp, s);
	for (i = 0; i < s->bumped.n; i++) {
		q_unlink(s, s->bumped.a[i]);
		q_append(s, s->bumped.a[i]);
	}
	s->bumped.n = 0;
}

static void clause_bump(struct bcf_sat *s, struct clause *c)
{
	if ((c->act += (float)s->cla_inc) > 1e20f) {
		uint32_t i;

		for (i = 0; i < s->nlearnts; i++)
			s->learnts[i]->act *= 1e-20f;
		s->cla_inc *= 1e-20;
	}
}

/* ---- assignment ------------------------------------------------------------ */

static inline int8_t lval(const struct bcf_sat *s, sat_lit l)
{
	return s->val[l];
}

static inline uint32_t dlevel(const struct bcf_sat *s)
{
	return s->trail_lim.n;
}

static void assign(struct bcf_sat *s, sat_lit l, struct clause *reason)
{
	uint32_t v = SAT_VAR(l);

	s->val[l] = 1;
	s->val[SAT_NOT(l)] = -1;
	s->level[v] = dlevel(s);
	s->reason[v] = dlevel(s) ? reason : NULL;
	s->trail_pos[v] = s->trail.n;
	s->trail.a[s->trail.n++] = l; /* reserved for nvars entries */
}

/* Level-0 unit node of l, implied by reason c (all other literals false at level 0). */
static void unit_from_reason(struct bcf_sat *s, sat_lit l, const struct clause *c)
{
	uint32_t i, v = SAT_VAR(l);

	if (!s->opts.proof)
		return;
	if (c->size == 1) {
		s->unit_node[v] = c->node;
		return;
	}
	s->chain.n = 0;
	if (u32_push(&s->chain, c->node) || u32_push(&s->chain, 0))
		goto oom;
	for (i = 0; i < c->size; i++) {
		sat_lit q = c->lits[i];

		if (q == l)
			continue;
		/* q is false: the unit is NOT q, the accumulated clause holds q */
		if (u32_push(&s->chain, s->unit_node[SAT_VAR(q)]) || u32_push(&s->chain, q))
			goto oom;
	}
	s->unit_node[v] = proof_node(s, &l, 1, s->chain.a, s->chain.n / 2);
	return;
oom:
	s->error = -ENOMEM;
}

static int watch_push(struct bcf_sat *s, sat_lit l, struct clause *c, sat_lit blocker)
{
	struct wvec *w = &s->watches[l];

	if (w->n == w->cap) {
		uint32_t cap = w->cap ? w->cap * 2 : 4;
		struct watch *na = realloc(w->a, cap * sizeof(*na));

		if (!na)
			return -ENOMEM;
		w->a = na;
		w->cap = cap;
	}
	w->a[w->n++] = (struct watch){ c, blocker };
	return 0;
}

static struct clause *clause_new(const sat_lit *lits, uint32_t n, bool learnt, uint32_t node)
{
	struct clause *c = malloc(sizeof(*c) + n * sizeof(sat_lit));

	if (!c)
		return NULL;
	c->size = n;
	c->node = node;
	c->act = 0;
	c->learnt = learnt;
	c->deleted = 0;
	c->lbd = 0;
	memcpy(c->lits, lits, n * sizeof(*lits));
	return c;
}

static int clause_attach(struct bcf_sat *s, struct clause *c)
{
	if (watch_push(s, c->lits[0], c, c->lits[1]) || watch_push(s, c->lits[1], c, c->lits[0]))
		return -ENOMEM;
	return 0;
}

/* Propagate; the conflicting clause or NULL. */
static struct clause *propagate(struct bcf_sat *s)
{
	struct clause *confl = NULL;

	while (s->qhead < s->trail.n) {
		sat_lit p = s->trail.a[s->qhead++], fl = SAT_NOT(p);
		struct wvec *ws = &s->watches[fl];
		struct watch *i = ws->a, *j = ws->a, *end = ws->a + ws->n;

		s->st.propagations++;
		while (i != end) {
			struct watch w = *i;
			struct clause *c;
			sat_lit first;
			uint32_t k;

			if (lval(s, w.blocker) == 1) {
				*j++ = *i++;
				continue;
			}
			c = w.c;
			if (c->lits[0] == fl) {
				c->lits[0] = c->lits[1];
				c->lits[1] = fl;
			}
			i++;
			first = c->lits[0];
			if (first != w.blocker && lval(s, first) == 1) {
				*j++ = (struct watch){ c, first };
				continue;
			}
			for (k = 2; k < c->size; k++) {
				if (lval(s, c->lits[k]) != -1) {
					c->lits[1] = c->lits[k];
					c->lits[k] = fl;
					if (watch_push(s, c->lits[1], c, first)) {
						s->error = -ENOMEM;
						c->lits[k] = c->lits[1];
						c->lits[1] = fl;
						*j++ = (struct watch){ c, first };
					}
					goto next;
				}
			}
			*j++ = (struct watch){ c, first };
			if (lval(s, first) == -1) {
				confl = c;
				s->qhead = s->trail.n;
				while (i != end)
					*j++ = *i++;
			} else {
				assign(s, first, c);
				if (!dlevel(s))
					unit_from_reason(s, first, c);
			}
next:;
		}
		ws->n = (uint32_t)(j - ws->a);
		if (confl)
			break;
	}
	return confl;
}

static void backtrack(struct bcf_sat *s, uint32_t lvl)
{
	uint32_t i;

	if (dlevel(s) <= lvl)
		return;
	for (i = s->trail.n; i-- > s->trail_lim.a[lvl];) {
		sat_lit l = s->trail.a[i];
		uint32_t v = SAT_VAR(l);

		s->val[l] = 0;
		s->val[SAT_NOT(l)] = 0;
		s->reason[v] = NULL;
		s->phase[v] = SAT_NEG(l);
		if (!s->vmtf)
			heap_insert(s, v);
		else if (s->q_stamp[v] > s->q_stamp[s->q_search])
			s->q_search = v;
	}
	s->trail.n = s->trail_lim.a[lvl];
	s->qhead = s->trail.n;
	s->trail_lim.n = lvl;
}

/* ---- conflict analysis ------------------------------------------------------ */

static inline uint32_t abstract_level(const struct bcf_sat *s, uint32_t v)
{
	return 1u << (s->level[v] & 31);
}

static bool lit_redundant(struct bcf_sat *s, sat_lit p, uint32_t abs_levels)
{
	uint32_t top = s->toclear.n;

	s->stack.n = 0;
	if (u32_push(&s->stack, p))
		return false;
	while (s->stack.n) {
		sat_lit q = s->stack.a[--s->stack.n];
		struct clause *c = s->reason[SAT_VAR(q)];
		uint32_t i;

		for (i = 1; i < c->size; i++) {
			sat_lit l = c->lits[i];
			uint32_t v = SAT_VAR(l);

			if (s->seen[v] || !s->level[v])
				continue;
			if (s->reason[v] && (abstract_level(s, v) & abs_levels)) {
				s->seen[v] = 1;
				if (u32_push(&s->stack, l) || u32_push(&s->toclear, l)) {
					s->error = -ENOMEM;
					return false;
				}
			} else {
				for (i = top; i < s->toclear.n; i++)
					s->seen[SAT_VAR(s->toclear.a[i])] = 0;
				s->toclear.n = top;
				return false;
			}
		}
	}
	return true;
}

/* Note a level-0 literal (false) met in a clause of the derivation. */
static void note_level0(struct bcf_sat *s, sat_lit q)
{
	uint32_t v = SAT_VAR(q);

	if (!s->opts.proof || (s->mark[v] & 2))
		return;
	s->mark[v] |= 2;
	if (u32_push(&s->lvl0, q))
		s->error = -ENOMEM;
}

static int cmp_trail_desc(const void *a, const void *b, void *ctx)
{
	const struct bcf_sat *s = ctx;
	uint32_t x = s->trail_pos[*(const uint32_t *)a], y = s->trail_pos[*(const uint32_t *)b];

	return x < y ? 1 : x > y ? -1 : 0;
}

static int chain_add(struct bcf_sat *s, uint32_t node, sat_lit pivot)
{
	if (u32_push(&s->chain, node) || u32_push(&s->chain, pivot)) {
		s->error = -ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

/*
 * First-UIP analysis of confl at level > 0.  Leaves the learned clause in
 * s->learnt (asserting literal first), the backtrack level in *bt, and
 * with logging the derivation in s->chain.
 */
static void analyze(struct bcf_sat *s, struct clause *confl, uint32_t *bt)
{
	uint32_t path = 0, idx = s->trail.n, i, j, abs_levels = 0, nacc;
	sat_lit p = 0;
	bool proof = s->opts.proof;

	*bt = 0;
	s->learnt.n = 0;
	s->chain.n = 0;
	s->lvl0.n = 0;
	if (u32_push(&s->learnt, 0)) { /* slot for the asserting literal */
		s->error = -ENOMEM;
		return;
	}
	if (proof)
		chain_add(s, confl->node, 0);
	for (;;) {
		uint32_t start = p ? 1 : 0;

		if (confl->learnt)
			clause_bump(s, confl);
		for (i = start; i < confl->size; i++) {
			sat_lit q = confl->lits[i];
			uint32_t v = SAT_VAR(q);

			if (s->seen[v])
				continue;
			if (!s->level[v]) {
				note_level0(s, q);
				continue;
			}
			s->seen[v] = 1;
			var_bump(s, v);
			if (s->level[v] >= dlevel(s))
				path++;
			else if (u32_push(&s->learnt, q))
				s->error = -ENOMEM;
		}
		while (!s->seen[SAT_VAR(s->trail.a[--idx])])
			;
		p = s->trail.a[idx];
		confl = s->reason[SAT_VAR(p)];
		s->seen[SAT_VAR(p)] = 0;
		if (--path == 0)
			break;
		/* resolve on var(p): the accumulated clause holds NOT p */
		if (proof)
			chain_add(s, confl->node, SAT_NOT(p));
		/* reason clauses keep the implied literal first */
		if (confl->lits[0] != p) {
			s->error = -EPROTO;
			break;
		}
	}
	s->learnt.a[0] = SAT_NOT(p);

	/* recursive minimisation */
	s->toclear.n = 0;
	for (i = 0; i < s->learnt.n; i++)
		if (u32_push(&s->toclear, s->learnt.a[i]))
			s->error = -ENOMEM;
	for (i = 1; i < s->learnt.n; i++)
		abs_levels |= abstract_level(s, SAT_VAR(s->learnt.a[i]));
	if (proof)
		for (i = 0; i < s->learnt.n; i++)
			s->mark[SAT_VAR(s->learnt.a[i])] |= 1; /* in the accumulated clause */
	nacc = s->learnt.n;
	for (i = j = 1; i < s->learnt.n; i++) {
		sat_lit l = s->learnt.a[i];

		if (!s->minimize || !s->reason[SAT_VAR(l)] || !lit_redundant(s, l, abs_levels))
			s->learnt.a[j++] = l;
	}
	s->st.minimized_lits += s->learnt.n - j;
	s->learnt.n = j;

	if (proof) {
		/* resolve away the removed literals and their helpers, latest first */
		s->mvars.n = 0;
		for (i = 0; i < s->toclear.n; i++)
			s->mark[SAT_VAR(s->toclear.a[i])] |= 4;
		for (i = 0; i < s->learnt.n; i++)
			s->mark[SAT_VAR(s->learnt.a[i])] &= ~4;
		for (i = 0; i < s->toclear.n; i++) {
			uint32_t v = SAT_VAR(s->toclear.a[i]);

			if (s->mark[v] & 4) {
				s->mark[v] &= ~4;
				if (u32_push(&s->mvars, v))
					s->error = -ENOMEM;
			}
		}
		if (s->mvars.n > 1)
			qsort_r(s->mvars.a, s->mvars.n, sizeof(uint32_t), cmp_trail_desc, s);
		for (i = 0; i < s->mvars.n; i++) {
			uint32_t v = s->mvars.a[i], k;
			struct clause *r = s->reason[v];

			if (!(s->mark[v] & 1))
				continue;
			/* the accumulated clause holds the false literal of v */
			chain_add(s, r->node, SAT_NOT(r->lits[0]));
			s->mark[v] &= ~1;
			nacc--;
			for (k = 1; k < r->size; k++) {
				uint32_t w = SAT_VAR(r->lits[k]);

				if (!s->level[w])
					note_level0(s, r->lits[k]);
				else if (!(s->mark[w] & 1)) {
					s->mark[w] |= 1;
					nacc++;
				}
			}
		}
		/* the accumulated clause must now be the learned clause */
		for (i = 0; i < s->learnt.n; i++)
			if (!(s->mark[SAT_VAR(s->learnt.a[i])] & 1))
				s->error = -EPROTO;
		if (nacc != s->learnt.n)
			s->error = -EPROTO;
		for (i = 0; i < s->toclear.n; i++)
			s->mark[SAT_VAR(s->toclear.a[i])] &= ~1;
		for (i = 0; i < s->lvl0.n; i++) {
			sat_lit q = s->lvl0.a[i];

			s->mark[SAT_VAR(q)] &= ~2;
			chain_add(s, s->unit_node[SAT_VAR(q)], q);
		}
	}
	for (i = 0; i < s->toclear.n; i++)
		s->seen[SAT_VAR(s->toclear.a[i])] = 0;

	/* backtrack level: the highest level among the rest; put it second */
	*bt = 0;
	if (s->learnt.n > 1) {
		uint32_t m = 1;

		for (i = 2; i < s->learnt.n; i++)
			if (s->level[SAT_VAR(s->learnt.a[i])] > s->level[SAT_VAR(s->learnt.a[m])])
				m = i;
		p = s->learnt.a[m];
		s->learnt.a[m] = s->learnt.a[1];
		s->learnt.a[1] = p;
		*bt = s->level[SAT_VAR(p)];
	}
}

/* Conflict at level 0: derive the empty clause from confl and the units. */
static void final_conflict(struct bcf_sat *s, struct clause *confl)
{
	uint32_t i;

	if (!s->opts.proof)
		return;
	s->chain.n = 0;
	chain_add(s, confl->node, 0);
	for (i = 0; i < confl->size; i++)
		chain_add(s, s->unit_node[SAT_VAR(confl->lits[i])], confl->lits[i]);
	s->empty_node = proof_node(s, NULL, 0, s->chain.a, s->chain.n / 2);
}

/* ---- clause deletion --------------------------------------------------------- */

static int cmp_glue(const void *a, const void *b)
{
	const struct clause *x = *(struct clause *const *)a, *y = *(struct clause *const *)b;

	if (x->lbd != y->lbd)
		return x->lbd > y->lbd ? -1 : 1;
	return x->act < y->act ? -1 : x->act > y->act ? 1 : 0;
}

static bool locked(const struct bcf_sat *s, const struct clause *c)
{
	sat_lit l = c->lits[0];

	return lval(s, l) == 1 && s->reason[SAT_VAR(l)] == c;
}

static void reduce_db(struct bcf_sat *s)
{
	uint32_t i, j, half = s->nlearnts / 2;

	qsort(s->learnts, s->nlearnts, sizeof(*s->learnts), cmp_glue);
	for (i = 0; i < s->nlearnts; i++) {
		struct clause *c = s->learnts[i];

		/* worst half first; glue <= 2 clauses stay */
		if (i >= half || c->lbd <= 2)
			continue;
		if (c->size > 2 && !locked(s, c)) {
			c->deleted = 1;
			s->st.deleted++;
		}
	}
	/* drop the watches of deleted clauses, then free them */
	for (i = 2; i < 2 * (s->nvars + 1); i++) {
		struct wvec *w = &s->watches[i];
		uint32_t a, b;

		for (a = b = 0; a < w->n; a++)
			if (!w->a[a].c->deleted)
				w->a[b++] = w->a[a];
		w->n = b;
	}
	for (i = j = 0; i < s->nlearnts; i++) {
		if (s->learnts[i]->deleted)
			free(s->learnts[i]);
		else
			s->learnts[j++] = s->learnts[i];
	}
	s->nlearnts = j;
}

/* ---- search ------------------------------------------------------------------ */

static uint32_t glue(struct bcf_sat *s, const sat_lit *l, uint32_t n)
{
	uint32_t i, g = 0;

	if (++s->stamp == 0) {
		memset(s->lvl_stamp, 0, s->var_cap * sizeof(*s->lvl_stamp));
		s->stamp = 1;
	}
	for (i = 0; i < n; i++) {
		uint32_t lv = s->level[SAT_VAR(l[i])];

		if (s->lvl_stamp[lv] != s->stamp) {
			s->lvl_stamp[lv] = s->stamp;
			g++;
		}
	}
	return g;
}

static int learn(struct bcf_sat *s, uint32_t bt)
{
	uint32_t node = NO_NODE, lbd = glue(s, s->learnt.a, s->learnt.n);
	struct clause *c;

	if (lbd > 0xffff)
		lbd = 0xffff;
	if (!s->st.learned)
		s->ema_fast = s->ema_slow = lbd;
	s->ema_fast += (lbd - s->ema_fast) / 32.0;
	s->ema_slow += (lbd - s->ema_slow) / 8192.0;

	s->st.learned++;
	s->st.learned_lits += s->learnt.n;
	if (s->opts.proof)
		node = proof_node(s, s->learnt.a, s->learnt.n, s->chain.a, s->chain.n / 2);
	backtrack(s, bt);
	if (s->learnt.n == 1) {
		assign(s, s->learnt.a[0], NULL);
		s->unit_node[SAT_VAR(s->learnt.a[0])] = node;
		return 0;
	}
	c = clause_new(s->learnt.a, s->learnt.n, true, node);
	if (!c)
		return -ENOMEM;
	c->lbd = lbd;
	if (s->nlearnts == s->learnts_cap) {
		uint32_t cap = s->learnts_cap ? s->learnts_cap * 2 : 256;
		struct clause **na = realloc(s->learnts, cap * sizeof(*na));

		if (!na) {
			free(c);
			return -ENOMEM;
		}
		s->learnts = na;
		s->learnts_cap = cap;
	}
	s->learnts[s->nlearnts++] = c;
	if (clause_attach(s, c))
		return -ENOMEM;
	clause_bump(s, c);
	assign(s, s->learnt.a[0], c);
	if (!dlevel(s))
		unit_from_reason(s, s->learnt.a[0], c);
	return 0;
}

static bool budget_out(struct bcf_sat *s)
{
	if (s->opts.max_conflicts && s->st.conflicts >= s->opts.max_conflicts)
		return true;
	if (s->opts.timeout_ms && (s->st.conflicts & 255) == 0 &&
	    mono_ms() - s->t_start_ms >= s->opts.timeout_ms)
		return true;
	return false;
}

/* Search until a restart (UNKNOWN with *restart), SAT, UNSAT or the budget. */
static enum bcf_sat_result search(struct bcf_sat *s, bool *restart)
{
	uint64_t c0 = 0;

	*restart = false;
	for (;;) {
		struct clause *confl = propagate(s);

		if (s->error)
			return BCF_SAT_UNKNOWN;
		if (confl) {
			uint32_t bt;

			s->st.conflicts++;
			c0++;
			if (!dlevel(s)) {
				final_conflict(s, confl);
				return BCF_SAT_UNSAT;
			}
			analyze(s, confl, &bt);
			if (s->vmtf)
				q_bump(s);
			if (s->error || learn(s, bt))
				return BCF_SAT_UNKNOWN;
			s->var_inc *= 1 / 0.95;
			s->cla_inc *= 1 / 0.999;
			if (budget_out(s))
				return BCF_SAT_UNKNOWN;
			continue;
		}
		/* restart when recent glue is well above the long-run average */
		if (c0 >= 50 && s->ema_fast > 1.2 * s->ema_slow) {
			backtrack(s, 0);
			*restart = true;
			return BCF_SAT_UNKNOWN;
		}
		if (s->st.conflicts >= s->next_reduce) {
			s->nreduce++;
			s->next_reduce = s->st.conflicts + 2000 + 300 * s->nreduce;
			reduce_db(s);
		}
		/* decide */
		{
			uint32_t v = 0;

			if (s->vmtf) {
				for (v = s->q_search; v && lval(s, SAT_LIT(v, 0)); v = s->q_prev[v])
					;
				if (v)
					s->q_search = v;
			}
			while (!s->vmtf && s->heap.n) {
				v = heap_pop(s);
				if (!lval(s, SAT_LIT(v, 0)))
					break;
				v = 0;
			}
			if (!v)
				return BCF_SAT_SAT;
			s->st.decisions++;
			if (!(s->st.decisions & 4095) && s->opts.timeout_ms &&
			    mono_ms() - s->t_start_ms >= s->opts.timeout_ms)
				return BCF_SAT_UNKNOWN;
			if (u32_push(&s->trail_lim, s->trail.n)) {
				s->error = -ENOMEM;
				return BCF_SAT_UNKNOWN;
			}
			assign(s, SAT_LIT(v, s->phase[v]), NULL);
		}
	}
}

/* Load the input clauses: dedupe, drop tautologies, attach, enqueue units. */
static enum bcf_sat_result load_inputs(struct bcf_sat *s)
{
	uint32_t i, k, n = s->in_off.n;
	struct u32vec tmp = { 0 };
	enum bcf_sat_result r = BCF_SAT_UNKNOWN;

	s->ninputs = n;
	if (s->opts.proof)
		for (i = 0; i < n; i++) {
			uint32_t end = i + 1 < n ? s->in_off.a[i + 1] : s->in_lits.n;

			proof_node(s, s->in_lits.a + s->in_off.a[i], end - s->in_off.a[i], NULL, 0);
		}
	if (s->error)
		return BCF_SAT_UNKNOWN;
	for (i = 0; i < n; i++) {
		uint32_t beg = s->in_off.a[i], end = i + 1 < n ? s->in_off.a[i + 1] : s->in_lits.n;
		uint32_t node = s->opts.proof ? i : NO_NODE, chain[2] = { i, 0 };
		bool taut = false, dup = false;
		struct clause *c;

		tmp.n = 0;
		for (k = beg; k < end; k++) {
			sat_lit l = s->in_lits.a[k];
			uint8_t bit = SAT_NEG(l) ? 16 : 8, other = SAT_NEG(l) ? 8 : 16;

			if (s->mark[SAT_VAR(l)] & bit) {
				dup = true;
				continue;
			}
			if (s->mark[SAT_VAR(l)] & other)
				taut = true;
			s->mark[SAT_VAR(l)] |= bit;
			if (u32_push(&tmp, l)) {
				s->error = -ENOMEM;
				break;
			}
		}
		for (k = 0; k < tmp.n; k++)
			s->mark[SAT_VAR(tmp.a[k])] &= ~24;
		if (s->error)
			break;
		if (taut)
			continue;
		if (dup && s->opts.proof)
			node = proof_node(s, tmp.a, tmp.n, chain, 1);
		if (tmp.n == 0) {
			s->empty_node = node;
			r = BCF_SAT_UNSAT;
			break;
		}
		if (tmp.n == 1) {
			sat_lit l = tmp.a[0];

			if (lval(s, l) == 1)
				continue;
			if (lval(s, l) == -1) {
				uint32_t ch[4] = { node, 0, s->unit_node[SAT_VAR(l)], l };

				if (s->opts.proof)
					s->empty_node = proof_node(s, NULL, 0, ch, 2);
				r = BCF_SAT_UNSAT;
				break;
			}
			assign(s, l, NULL);
			s->unit_node[SAT_VAR(l)] = node;
			continue;
		}
		if (s->norigs == s->origs_cap) {
			uint32_t cap = s->origs_cap * 2 + 64;
			struct clause **na = realloc(s->origs, cap * sizeof(*na));

			if (!na) {
				s->error = -ENOMEM;
				break;
			}
			s->origs = na;
			s->origs_cap = cap;
		}
		c = clause_new(tmp.a, tmp.n, false, node);
		if (!c) {
			s->error = -ENOMEM;
			break;
		}
		s->origs[s->norigs++] = c;
		if (clause_attach(s, c)) {
			s->error = -ENOMEM;
			break;
		}
	}
	u32_free(&tmp);
	return s->error ? BCF_SAT_UNKNOWN : r;
}

enum bcf_sat_result bcf_sat__solve(struct bcf_sat *s)
{
	enum bcf_sat_result r;
	uint32_t v;
	bool restart;

	if (s->solved)
		return s->result;
	s->solved = true;
	s->t_start_ms = mono_ms();
	if (u32_reserve(&s->trail, s->nvars + 1) || u32_reserve(&s->heap, s->nvars + 1)) {
		s->error = -ENOMEM;
		return s->result = BCF_SAT_UNKNOWN;
	}
	/* a seed perturbs the initial order */
	for (v = 1; v <= s->nvars; v++) {
		if (s->opts.seed) {
			uint32_t x = (v * 2654435761u) ^ s->opts.seed;

			x ^= x >> 15;
			x *= 2246822519u;
			x ^= x >> 13;
			s->act[v] = (x & 0xffff) * 1e-9;
		}
		heap_insert(s, v);
	}
	if (s->vmtf) {
		/* VMTF: the initial queue follows the (perturbed) activity order */
		struct u32vec ord = { 0 };

		if (u32_reserve(&ord, s->nvars + 1)) {
			s->error = -ENOMEM;
			return s->result = BCF_SAT_UNKNOWN;
		}
		while (s->heap.n)
			ord.a[ord.n++] = heap_pop(s);
		while (ord.n)
			q_append(s, ord.a[--ord.n]);
		u32_free(&ord);
	}
	r = load_inputs(s);
	if (r != BCF_SAT_UNKNOWN || s->error)
		return s->result = r;
	s->next_reduce = 2000;
	for (;;) {
		r = search(s, &restart);
		if (!restart)
			break;
		s->st.restarts++;
		if (budget_out(s) ||
		    (s->opts.timeout_ms && mono_ms() - s->t_start_ms >= s->opts.timeout_ms)) {
			r = BCF_SAT_UNKNOWN;
			break;
		}
	}
	if (s->error)
		r = BCF_SAT_UNKNOWN;
	return s->result = r;
}

bool bcf_sat__value(const struct bcf_sat *s, uint32_t var)
{
	if (var < 1 || var > s->nvars || s->result != BCF_SAT_SAT)
		return false;
	return s->val[SAT_LIT(var, 0)] == 1;
}

/* ---- proof walk ------------------------------------------------------------ */

struct walk {
	struct bcf_sat *s;
	bcf_sat_walk_fn fn;
	void *ctx;
	unsigned maxp, maxl;
	uint32_t *cnt;          /* by literal: copies in acc */
	struct u32vec acc, dedup, P, V, pool;
	uint32_t *b_off, *b_len; /* by node: its clause in pool (derived) */
	uint32_t next_id;
	uint32_t rep_max;        /* walk_linear: resolve up to this many copies by repetition */
	/* scheduling (walk_sched) */
	uint32_t *item_of;       /* by literal: chain entry whose pivot it is (0 = none) */
	struct u32vec blk, ready, dupq, items, stk;
	uint8_t *inl;            /* by node: inlined into its only user */
	uint32_t rep_cost;       /* max extra words a repetition may cost instead of a split */
};

static void node_lits(const struct walk *w, uint32_t n, const sat_lit **l, uint32_t *len)
{
	const struct bcf_sat *s = w->s;

	if (!s->p_nchain.a[n]) {
		*l = s->p_lits.a + s->p_lit_off.a[n];
		*len = s->p_nlits.a[n];
	} else {
		*l = w->pool.a + w->b_off[n];
		*len = w->b_len[n];
	}
}

/* Emit the chain in P/V with result acc as step id; acc becomes its dedup. */
static int walk_emit(struct walk *w, uint32_t id)
{
	struct bcf_sat_step st = { .id = id };
	uint32_t i, groups = 0;
	int err;

	w->dedup.n = 0;
	for (i = 0; i < w->acc.n; i++) {
		sat_lit l = w->acc.a[i];

		if (w->cnt[l] & 0x80000000u) {
			if (!(w->cnt[l] & 0x20000000u))
				groups++;
			w->cnt[l] |= 0x20000000u;
			continue;
		}
		w->cnt[l] |= 0x80000000u;
		if (u32_push(&w->dedup, l))
			return -ENOMEM;
	}
	for (i = 0; i < w->dedup.n; i++)
		w->cnt[w->dedup.a[i]] = (w->cnt[w->dedup.a[i]] & 0x40000000u) | 1;
	/* proof words: RESOLUTION (header, premises, polarity words, pivots), FACTORING */
	if (w->P.n >= 2)
		w->s->st.est_words += 1 + w->P.n + (w->P.n - 1 + 31) / 32 + (w->P.n - 1);
	if (groups)
		w->s->st.est_words += 2 + (2 * groups + (w->acc.n - w->dedup.n) + 1 + 3) / 4;
	st.lits = w->dedup.a;
	st.nlits = w->dedup.n;
	st.npremises = w->P.n;
	st.premises = w->P.a;
	st.pivots = w->V.a;
	st.factoring = w->dedup.n != w->acc.n;
	st.chain = w->acc.a;
	st.chain_lits = w->acc.n;
	w->s->st.trimmed_derived++;
	w->s->st.trimmed_premises += w->P.n;
	w->s->st.factoring_steps += st.factoring;
	err = w->fn(w->ctx, &st);
	if (err)
		return err;
	/* acc := dedup */
	if (u32_reserve(&w->acc, w->dedup.n))
		return -ENOMEM;
	if (w->dedup.n)
		memcpy(w->acc.a, w->dedup.a, w->dedup.n * sizeof(sat_lit));
	w->acc.n = w->dedup.n;
	return 0;
}

/* Close the chain so far as an intermediate step and restart from it. */
static int walk_split(struct walk *w)
{
	uint32_t id = w->next_id++;
	int err;

	w->s->st.split_steps++;
	err = walk_emit(w, id);
	if (err)
		return err;
	w->P.n = w->V.n = 0;
	return u32_push(&w->P, id);
}

/* One resolution of acc with R (literals l, len) on pivot a (in acc). */
static int walk_resolve(struct walk *w, uint32_t R, sat_lit a, const sat_lit *l, uint32_t len)
{
	bool removed = false;
	uint32_t i;

	for (i = 0; i < w->acc.n && w->acc.a[i] != a; i++)
		;
	if (i == w->acc.n)
		return -EPROTO; /* pivot missing on the left */
	memmove(w->acc.a + i, w->acc.a + i + 1, (w->acc.n - i - 1) * sizeof(sat_lit));
	w->acc.n--;
	w->cnt[a]--;
	for (i = 0; i < len; i++) {
		if (!removed && l[i] == SAT_NOT(a)) {
			removed = true;
			continue;
		}
		if (u32_push(&w->acc, l[i]))
			return -ENOMEM;
		w->cnt[l[i]]++;
	}
	if (!removed)
		return -EPROTO; /* pivot missing on the right */
	if (u32_push(&w->P, R) || u32_push(&w->V, a))
		return -ENOMEM;
	return 0;
}

/*
 * Replay node n's chain with list semantics in the recorded order (used
 * when a chain resolves the same literal twice).  A pivot literal held more
 * than once in the accumulated clause is either resolved once per copy
 * (units, which add nothing, and reasons whose other literals are all
 * final, i.e. no later pivot of this chain) or the chain is closed as an
 * intermediate factored step and continued from it.
 */
static int walk_linear(struct walk *w, uint32_t n)
{
	struct bcf_sat *s = w->s;
	const uint32_t *ch = s->p_chain.a + s->p_chain_off.a[n];
	uint32_t nch = s->p_nchain.a[n], e, i, len;
	const sat_lit *l;
	int err;

	w->acc.n = w->P.n = w->V.n = 0;
	node_lits(w, ch[0], &l, &len);
	for (i = 0; i < len; i++) {
		if (u32_push(&w->acc, l[i]))
			return -ENOMEM;
		w->cnt[l[i]]++;
	}
	if (u32_push(&w->P, ch[0]))
		return -ENOMEM;
	/* pivots still to come (bit 30 of cnt) */
	for (e = 1; e < nch; e++)
		w->cnt[ch[2 * e + 1]] |= 0x40000000u;
	for (e = 1; e < nch; e++) {
		uint32_t R = ch[2 * e], a = ch[2 * e + 1], c;
		bool repeat;

		w->cnt[a] &= ~0x40000000u;
		node_lits(w, R, &l, &len);
		c = w->cnt[a];
		if (!c)
			return -EPROTO; /* pivot missing on the left */
		repeat = c == 1 || len == 1;
		if (!repeat && c <= w->rep_max) {
			repeat = true;
			for (i = 0; i < len && repeat; i++)
				if (l[i] != SAT_NOT(a) && (w->cnt[l[i]] & 0x40000000u))
					repeat = false;
		}
		if (repeat && (w->V.n + c > w->maxp || w->acc.n + c * (len - 1) - c > w->maxl))
			repeat = false;
		if (!repeat) {
			if (w->V.n == 0)
				return -E2BIG;
			err = walk_split(w);
			if (err)
				return err;
			c = 1;
		}
		if (w->V.n + c > w->maxp || w->acc.n + c * (len - 1) - c > w->maxl) {
			if (w->V.n == 0)
				return -E2BIG;
			err = walk_split(w);
			if (err)
				return err;
			c = 1;
			if (w->acc.n + len - 2 > w->maxl)
				return -E2BIG;
		}
		while (c--) {
			err = walk_resolve(w, R, a, l, len);
			if (err)
				return err;
		}
	}
	return walk_emit(w, n);
}

static void items_clear(struct walk *w)
{
	uint32_t e;

	for (e = 1; e < w->items.n / 2; e++)
		w->item_of[w->items.a[2 * e + 1]] = 0;
	w->items.n = 0;
}

/*
 * Collect node n's chain entries in w->items (pairs; pair 0 is premise 0),
 * with item_of set for their pivot literals.  With expand, an entry whose
 * premise is an inlined unit U (used once: its reason, then level-0 units)
 * becomes U's entries: (U's reason, pivot), then U's unit entries; a unit
 * entry met twice is kept once (it resolves every copy).  -EAGAIN (nothing
 * kept) when two entries would share a pivot literal.
 */
static int build_items(struct walk *w, uint32_t n, bool expand)
{
	const struct bcf_sat *s = w->s;
	const uint32_t *ch = s->p_chain.a + s->p_chain_off.a[n];
	uint32_t nch = s->p_nchain.a[n], e;

	w->items.n = w->stk.n = 0;
	if (u32_push(&w->items, ch[0]) || u32_push(&w->items, 0))
		return -ENOMEM;
	for (e = nch; e-- > 1;)
		if (u32_push(&w->stk, ch[2 * e + 1]) || u32_push(&w->stk, ch[2 * e]))
			return -ENOMEM;
	while (w->stk.n) {
		uint32_t R = w->stk.a[--w->stk.n], a = w->stk.a[--w->stk.n], f;

		if (expand && w->inl[R]) {
			const uint32_t *c2 = s->p_chain.a + s->p_chain_off.a[R];

			for (e = s->p_nchain.a[R]; e-- > 1;)
				if (u32_push(&w->stk, c2[2 * e + 1]) || u32_push(&w->stk, c2[2 * e]))
					return -ENOMEM;
			if (u32_push(&w->stk, a) || u32_push(&w->stk, c2[0]))
				return -ENOMEM;
			continue;
		}
		f = w->item_of[a];
		if (f && w->items.a[2 * f] == R && s->p_nlits.a[R] == 1)
			continue;
		if (f) {
			items_clear(w);
			return -EAGAIN;
		}
		w->item_of[a] = w->items.n / 2;
		if (u32_push(&w->items, R) || u32_push(&w->items, a)) {
			items_clear(w);
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * Decide which derived units are inlined into their only user (see
 * build_items): a needed unit node used once, not as premise 0, made of
 * its reason (holding the unit literal) and unit premises.  Then, in node
 * order, a node whose expanded entries would share a pivot literal keeps
 * its direct children as steps of their own.
 */
static int plan_inline(struct walk *w, const uint8_t *needed)
{
	struct bcf_sat *s = w->s;
	uint32_t N = s->empty_node + 1, n, e, *uses = calloc(N, sizeof(*uses));
	int err = 0;

	if (!uses)
		return -ENOMEM;
	for (n = 0; n < N; n++) {
		const uint32_t *ch = s->p_chain.a + s->p_chain_off.a[n];

		if (!needed[n])
			continue;
		for (e = 0; e < s->p_nchain.a[n]; e++)
			uses[ch[2 * e]] += e ? 1 : 2; /* premise 0 is never inlined */
	}
	for (n = 0; n < N; n++) {
		const uint32_t *ch = s->p_chain.a + s->p_chain_off.a[n], *r;
		uint32_t nch = s->p_nchain.a[n], k, nr;
		sat_lit u;

		if (!needed[n] || uses[n] != 1 || nch < 2 || s->p_nlits.a[n] != 1)
			continue;
		u = s->p_lits.a[s->p_lit_off.a[n]];
		for (e = 1; e < nch && s->p_nlits.a[ch[2 * e]] == 1; e++)
			;
		r = s->p_lits.a + s->p_lit_off.a[ch[0]];
		nr = s->p_nlits.a[ch[0]];
		for (k = 0; k < nr && r[k] != u; k++)
			;
		w->inl[n] = e == nch && k < nr;
	}
	for (n = 0; n < N && !err; n++) {
		const uint32_t *ch = s->p_chain.a + s->p_chain_off.a[n];

		if (!needed[n] || !s->p_nchain.a[n])
			continue;
		err = build_items(w, n, true);
		if (err == -EAGAIN) {
			for (e = 1; e < s->p_nchain.a[n]; e++)
				w->inl[ch[2 * e]] = 0;
			err = 0;
		} else if (!err) {
			items_clear(w);
		}
	}
	free(uses);
	return err;
}

/* Words a repetition of entry R (len literals) c times costs beyond one use. */
static uint32_t repeat_cost(uint32_t c, uint32_t len)
{
	return 2 * (c - 1) + ((c - 1) * (len - 1) + 1) / 2;
}

/*
 * Replay node n's chain in a scheduled order.  An entry (R, a) is ready
 * once no pending entry's clause would bring its pivot literal a back;
 * ready entries whose pivot literal is held once are resolved first (they
 * cost nothing extra); when only entries with a duplicated pivot literal
 * are ready, one is resolved once per copy if that is cheap (a unit, or a
 * short clause whose other literals are no pending pivot), otherwise the
 * chain is closed as an intermediate factored step, which makes every
 * duplicate single at once.  Chains whose pivot literals repeat fall back
 * to the recorded order (walk_linear).
 */
static int walk_sched(struct walk *w, uint32_t n)
{
	const uint32_t *ch;
	uint32_t nch, e, i, len, done = 0, rh = 0;
	const sat_lit *l;
	int err = build_items(w, n, true);

	if (err == -EAGAIN)
		return walk_linear(w, n);
	if (err)
		return err;
	ch = w->items.a;
	nch = w->items.n / 2;
	w->acc.n = w->P.n = w->V.n = w->ready.n = w->dupq.n = 0;
	if (u32_reserve(&w->blk, nch) || u32_push(&w->P, ch[0])) {
		err = -ENOMEM;
		goto out;
	}
	node_lits(w, ch[0], &l, &len);
	for (i = 0; i < len; i++) {
		if (u32_push(&w->acc, l[i])) {
			err = -ENOMEM;
			goto out;
		}
		w->cnt[l[i]]++;
	}
	memset(w->blk.a, 0, nch * sizeof(uint32_t));
	for (e = 1; e < nch; e++) {
		node_lits(w, ch[2 * e], &l, &len);
		for (i = 0; i < len; i++) {
			uint32_t f = w->item_of[l[i]];

			if (f && f != e)
				w->blk.a[f]++;
		}
	}
	for (e = 1; e < nch; e++)
		if (!w->blk.a[e] && u32_push(&w->ready, e)) {
			err = -ENOMEM;
			goto out;
		}
	while (done < nch - 1) {
		uint32_t R, c, best = UINT32_MAX, bi = 0;
		sat_lit a;

		/* the next ready entry with a single pivot copy, or the cheapest duplicate */
		for (; rh < w->ready.n; rh++) {
			e = w->ready.a[rh];
			if (w->cnt[ch[2 * e + 1]] <= 1)
				break;
			if (u32_push(&w->dupq, e)) {
				err = -ENOMEM;
				goto out;
			}
		}
		if (rh < w->ready.n) {
			e = w->ready.a[rh++];
		} else {
			for (i = 0; i < w->dupq.n; i++) {
				uint32_t k, d = w->dupq.a[i], cost;
				sat_lit b = ch[2 * d + 1];

				node_lits(w, ch[2 * d], &l, &len);
				cost = repeat_cost(w->cnt[b], len);
				for (k = 0; k < len && cost <= w->rep_cost; k++)
					if (l[k] != SAT_NOT(b) && w->item_of[l[k]])
						cost = UINT32_MAX;
				if (cost < best) {
					best = cost;
					bi = i;
				}
			}
			if (!w->dupq.n) {
				err = -EPROTO; /* an entry waits for itself */
				goto out;
			}
			if (best > w->rep_cost) {
				/* close the chain: every duplicate becomes single */
				if (w->V.n == 0) {
					err = -EPROTO;
					goto out;
				}
				err = walk_split(w);
				if (err)
					goto out;
				/* the duplicates are ready entries with one copy now */
				for (i = 0; i < w->dupq.n; i++)
					w->ready.a[--rh] = w->dupq.a[i];
				w->dupq.n = 0;
				continue;
			}
			e = w->dupq.a[bi];
			w->dupq.a[bi] = w->dupq.a[--w->dupq.n];
		}
		R = ch[2 * e];
		a = ch[2 * e + 1];
		node_lits(w, R, &l, &len);
		c = w->cnt[a];
		if (!c) {
			err = -EPROTO; /* pivot missing on the left */
			goto out;
		}
		if (w->V.n + c > w->maxp || w->acc.n + c * (len - 1) - c > w->maxl) {
			if (w->V.n == 0) {
				err = -E2BIG;
				goto out;
			}
			err = walk_split(w);
			if (err)
				goto out;
			c = 1;
			if (w->acc.n + len - 2 > w->maxl) {
				err = -E2BIG;
				goto out;
			}
		}
		while (c--) {
			err = walk_resolve(w, R, a, l, len);
			if (err)
				goto out;
		}
		w->item_of[a] = 0;
		done++;
		for (i = 0; i < len; i++) {
			uint32_t f = w->item_of[l[i]];

			if (f && f != e && !--w->blk.a[f] && u32_push(&w->ready, f)) {
				err = -ENOMEM;
				goto out;
			}
		}
	}
	err = walk_emit(w, n);
out:
	items_clear(w);
	return err;
}

static int walk_node(struct walk *w, uint32_t n)
{
	uint32_t i;
	int err = walk_sched(w, n);

	if (err)
		return err;
	/* remember the clause for later users; clear the counts */
	w->b_off[n] = w->pool.n;
	w->b_len[n] = w->acc.n;
	for (i = 0; i < w->acc.n; i++) {
		w->cnt[w->acc.a[i]] = 0;
		if (u32_push(&w->pool, w->acc.a[i]))
			return -ENOMEM;
	}
	return 0;
}

int bcf_sat__proof_walk(struct bcf_sat *s, const struct bcf_sat_walk_opts *opts,
			bcf_sat_walk_fn fn, void *ctx)
{
	struct walk w = { .s = s, .fn = fn, .ctx = ctx, .maxp = 247, .maxl = 255, .rep_max = 2 };
	uint32_t N = s->p_nlits.n, n, e;
	uint8_t *needed = NULL;
	int err = 0;

	if (!s->opts.proof || s->result != BCF_SAT_UNSAT || s->empty_node >= N)
		return -EINVAL;
	if (opts && opts->max_pivots)
		w.maxp = opts->max_pivots;
	if (opts && opts->max_lits)
		w.maxl = opts->max_lits < 2 ? 2 : opts->max_lits;
	needed = calloc(N, 1);
	w.cnt = calloc(2 * ((size_t)s->nvars + 1), sizeof(*w.cnt));
	w.item_of = calloc(2 * ((size_t)s->nvars + 1), sizeof(*w.item_of));
	w.rep_cost = 4;
	w.inl = calloc(N, 1);
	w.b_off = calloc(N, sizeof(*w.b_off));
	w.b_len = calloc(N, sizeof(*w.b_len));
	if (!needed || !w.cnt || !w.item_of || !w.inl || !w.b_off || !w.b_len) {
		err = -ENOMEM;
		goto out;
	}
	needed[s->empty_node] = 1;
	for (n = s->empty_node + 1; n-- > 0;) {
		const uint32_t *ch = s->p_chain.a + s->p_chain_off.a[n];

		if (!needed[n])
			continue;
		for (e = 0; e < s->p_nchain.a[n]; e++) {
			if (ch[2 * e] >= n) {
				err = -EPROTO;
				goto out;
			}
			needed[ch[2 * e]] = 1;
		}
	}
	s->st.trimmed_inputs = s->st.trimmed_derived = s->st.trimmed_premises = 0;
	s->st.split_steps = s->st.factoring_steps = s->st.est_words = 0;

	err = plan_inline(&w, needed);
	w.next_id = N;
	for (n = 0; n <= s->empty_node && !err; n++) {
		if (!needed[n] || w.inl[n])
			continue;
		if (!s->p_nchain.a[n]) {
			struct bcf_sat_step st = { .id = n, .input = true };

			st.lits = s->p_lits.a + s->p_lit_off.a[n];
			st.nlits = s->p_nlits.a[n];
			s->st.trimmed_inputs++;
			err = fn(ctx, &st);
		} else {
			err = walk_node(&w, n);
		}
	}
out:
	free(needed);
	free(w.cnt);
	free(w.item_of);
	u32_free(&w.blk);
	u32_free(&w.ready);
	u32_free(&w.dupq);
	u32_free(&w.items);
	u32_free(&w.stk);
	free(w.inl);
	free(w.b_off);
	free(w.b_len);
	u32_free(&w.acc);
	u32_free(&w.dedup);
	u32_free(&w.P);
	u32_free(&w.V);
	u32_free(&w.pool);
	return err;
}

/* ---- BCF parameter words ------------------------------------------------------- */

int bcf_sat__resolution_params(const struct bcf_sat_step *st, const uint32_t *atom,
			       uint32_t *out, unsigned cap)
{
	uint32_t m, w, i;

	if (st->input || st->npremises < 2)
		return -EINVAL;
	m = st->npremises - 1;
	w = (m + 31) / 32;
	if (m > 247 || w + m > cap)
		return -E2BIG;
	memset(out, 0, w * sizeof(*out));
	for (i = 0; i < m; i++) {
		if (!SAT_NEG(st->pivots[i]))
			out[i / 32] |= 1u << (i % 32);
		out[w + i] = atom[SAT_VAR(st->pivots[i])];
	}
	return (int)(w + m);
}

int bcf_sat__factoring_params(const uint32_t *lits, uint32_t n, uint32_t *out, unsigned cap)
{
	uint8_t bytes[4 * 255], done[255] = { 0 };
	uint32_t i, j, nb = 0, words;

	if (n > 255)
		return -E2BIG;
	for (i = 0; i < n; i++) {
		uint32_t len_at, copies = 0;

		if (done[i])
			continue;
		len_at = nb;
		for (j = i + 1; j < n; j++) {
			if (done[j] || lits[j] != lits[i])
				continue;
			if (!copies) {
				if (nb + 2 > sizeof(bytes))
					return -E2BIG;
				bytes[nb++] = 0; /* length, below */
				bytes[nb++] = (uint8_t)i;
			}
			if (nb + 1 > sizeof(bytes))
				return -E2BIG;
			bytes[nb++] = (uint8_t)j;
			done[j] = 1;
			copies++;
		}
		if (copies)
			bytes[len_at] = (uint8_t)(1 + copies);
	}
	if (!nb)
		return 0;
	/* a terminator only if the last word has room; then zero padding */
	while (nb % 4)
		bytes[nb++] = 0;
	words = nb / 4;
	if (words > cap || words > 255)
		return -E2BIG;
	for (i = 0; i < words; i++)
		out[i] = (uint32_t)bytes[4 * i] | (uint32_t)bytes[4 * i + 1] << 8 |
			 (uint32_t)bytes[4 * i + 2] << 16 | (uint32_t)bytes[4 * i + 3] << 24;
	return (int)words;
}

/* ---- DIMACS ------------------------------------------------------------------ */

int bcf_sat__read_dimacs(struct bcf_sat *s, const char *p, unsigned *line)
{
	struct u32vec cl = { 0 };
	unsigned ln = 1;
	long nv = -1;
	int err = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			ln += *p++ == '\n';
		if (!*p)
			break;
		if (*p == 'c' || *p == '%') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (*p == 'p') {
			long nc;
			char *end;

			if (nv >= 0 || strncmp(p, "p cnf", 5)) {
				err = -EINVAL;
				break;
			}
			nv = strtol(p + 5, &end, 10);
			nc = strtol(end, &end, 10);
			if (nv < 0 || nc < 0 || nv > (1 << 28)) {
				err = -EINVAL;
				break;
			}
			while ((long)s->nvars < nv)
				if (!bcf_sat__new_var(s)) {
					err = -ENOMEM;
					goto out;
				}
			p = end;
			continue;
		}
		{
			char *end;
			long x = strtol(p, &end, 10);

			if (end == p || nv < 0 || x > nv || x < -nv) {
				err = -EINVAL;
				break;
			}
			p = end;
			if (x == 0) {
				err = bcf_sat__add_clause(s, cl.a, cl.n, NULL);
				cl.n = 0;
				if (err)
					break;
			} else if (u32_push(&cl, SAT_LIT(x < 0 ? -x : x, x < 0))) {
				err = -ENOMEM;
				break;
			}
		}
	}
	if (!err && cl.n)
		err = -EINVAL; /* last clause not terminated */
out:
	if (line)
		*line = ln;
	u32_free(&cl);
	return err;
}
