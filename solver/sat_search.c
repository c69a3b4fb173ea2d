// SPDX-License-Identifier: MIT
/*
 * SAT search (solver/sat_int.h): two watched literals with blockers,
 * decisions from a VMTF queue (variables analysed in a conflict move to
 * the front; opts.vsids: VSIDS with a binary heap instead), phase saving,
 * restarts when the recent glue (LBD) average exceeds the long-run one,
 * periodic deletion of the worse half of the learned clauses (by glue,
 * then activity; glue <= 2 kept).
 */
#include "lang/clock.h"
#include "solver/sat_int.h"

/* ---- VSIDS heap (max activity) ---------------------------------------------- */

static inline bool heap_lt(const struct bcf_sat *s, uint32_t a, uint32_t b)
{
	return s->var[a].act > s->var[b].act;
}

void sat_heap_up(struct bcf_sat *s, uint32_t i)
{
	uint32_t v = s->heap.a[i];

	while (i > 0) {
		uint32_t p = (i - 1) / 2;

		if (!heap_lt(s, v, s->heap.a[p]))
			break;
		s->heap.a[i] = s->heap.a[p];
		s->var[s->heap.a[i]].heap_pos = i;
		i = p;
	}
	s->heap.a[i] = v;
	s->var[v].heap_pos = i;
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
		s->var[s->heap.a[i]].heap_pos = i;
		i = c;
	}
	s->heap.a[i] = v;
	s->var[v].heap_pos = i;
}

void sat_heap_insert(struct bcf_sat *s, uint32_t v)
{
	if (s->var[v].heap_pos != UINT32_MAX)
		return;
	if (u32_push(&s->heap, v)) {
		s->error = -ENOMEM;
		return;
	}
	s->var[v].heap_pos = s->heap.n - 1;
	sat_heap_up(s, s->heap.n - 1);
}

uint32_t sat_heap_pop(struct bcf_sat *s)
{
	uint32_t v = s->heap.a[0];

	s->var[v].heap_pos = UINT32_MAX;
	s->heap.n--;
	if (s->heap.n) {
		s->heap.a[0] = s->heap.a[s->heap.n];
		s->var[s->heap.a[0]].heap_pos = 0;
		heap_down(s, 0);
	}
	return v;
}

void sat_var_rescale(struct bcf_sat *s)
{
	uint32_t i;

	for (i = 1; i <= s->nvars; i++)
		s->var[i].act *= 1e-100;
	s->var_inc *= 1e-100;
}

void sat_clause_rescale(struct bcf_sat *s)
{
	uint32_t i;

	for (i = 0; i < s->nlearnts; i++)
		s->learnts[i]->act *= 1e-20f;
	s->cla_inc *= 1e-20;
}

/* ---- VMTF queue (variable move-to-front) ------------------------------------ */

void sat_q_unlink(struct bcf_sat *s, uint32_t v)
{
	struct sat_var *x = &s->var[v];
	uint32_t p = x->q_prev, n = x->q_next;

	if (p)
		s->var[p].q_next = n;
	else
		s->q_first = n;
	if (n)
		s->var[n].q_prev = p;
	else
		s->q_last = p;
	x->q_prev = x->q_next = 0;
}

void sat_q_append(struct bcf_sat *s, uint32_t v)
{
	struct sat_var *x = &s->var[v];

	x->q_prev = s->q_last;
	x->q_next = 0;
	if (s->q_last)
		s->var[s->q_last].q_next = v;
	else
		s->q_first = v;
	s->q_last = v;
	x->q_stamp = ++s->q_time;
	if (!s->val[SAT_LIT(v, 0)])
		s->q_search = v;
}

/* Put v at the back of the queue (decided last), below every stamp so far. */
void sat_q_prepend(struct bcf_sat *s, uint32_t v)
{
	struct sat_var *x = &s->var[v];

	x->q_next = s->q_first;
	x->q_prev = 0;
	x->q_stamp = s->q_first ? s->var[s->q_first].q_stamp - 1 : ++s->q_time;
	if (s->q_first)
		s->var[s->q_first].q_prev = v;
	else
		s->q_last = v;
	s->q_first = v;
	if (!s->q_search && !s->val[SAT_LIT(v, 0)])
		s->q_search = v;
}

static int cmp_stamp(const void *a, const void *b, void *ctx)
{
	const struct bcf_sat *s = ctx;
	uint64_t x = s->var[*(const uint32_t *)a].q_stamp, y = s->var[*(const uint32_t *)b].q_stamp;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* Move the variables bumped by the last analysis to the front, keeping their order. */
static void q_bump(struct bcf_sat *s)
{
	uint32_t i;

	if (s->bumped.n > 1)
		qsort_r(s->bumped.a, s->bumped.n, sizeof(uint32_t), cmp_stamp, s);
	for (i = 0; i < s->bumped.n; i++) {
		if (s->var[s->bumped.a[i]].flags & VF_DORMANT)
			continue; /* out of the queue while its window is closed */
		sat_q_unlink(s, s->bumped.a[i]);
		sat_q_append(s, s->bumped.a[i]);
	}
	s->bumped.n = 0;
}

/* ---- clauses and watches ---------------------------------------------------- */

void sat_unit_from_reason(struct bcf_sat *s, sat_lit l, const struct clause *c)
{
	uint32_t i;

	if (!s->opts.proof)
		return;
	if (c->size == 1) {
		var_of(s, l)->unit_node = c->node;
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
		BCF_ASSERT(lval(s, q) == -1 && !var_of(s, q)->level);
		BCF_ASSERT(var_of(s, q)->unit_node != NO_NODE);
		if (u32_push(&s->chain, var_of(s, q)->unit_node) || u32_push(&s->chain, q))
			goto oom;
	}
	var_of(s, l)->unit_node = sat_proof_node(s, &l, 1, s->chain.a, s->chain.n / 2);
	return;
oom:
	s->error = -ENOMEM;
}

static int watch_push(struct bcf_sat *s, sat_lit l, struct clause *c, sat_lit blocker)
{
	struct wvec *w = &s->watches[l];

	if (w->n == w->cap && bcf__grow_from((void **)&w->a, &w->cap, w->n + 1, sizeof(*w->a), 4))
		return -ENOMEM;
	w->a[w->n++] = (struct watch){ c, blocker };
	return 0;
}

struct clause *sat_clause_new(const sat_lit *lits, uint32_t n, bool learnt, uint32_t node)
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

int sat_clause_attach(struct bcf_sat *s, struct clause *c)
{
	BCF_ASSERT(c->size >= 2);
	if (watch_push(s, c->lits[0], c, c->lits[1]) || watch_push(s, c->lits[1], c, c->lits[0]))
		return -ENOMEM;
	return 0;
}

/* ---- propagation ------------------------------------------------------------ */

/*
 * Visit the watch (c, blocker) on the false literal fl: move it to a free
 * literal of c, or keep it at *j, propagating c->lits[0] or setting *confl.
 */
static inline void visit_watch(struct bcf_sat *s, struct clause *c, sat_lit blocker, sat_lit fl,
			       struct watch **j, struct clause **confl)
{
	sat_lit first;
	uint32_t k;

	BCF_ASSERT(!c->deleted && (c->lits[0] == fl || c->lits[1] == fl));
	if (c->lits[0] == fl) {
		c->lits[0] = c->lits[1];
		c->lits[1] = fl;
	}
	first = c->lits[0];
	if (first != blocker && lval(s, first) == 1) {
		*(*j)++ = (struct watch){ c, first };
		return;
	}
	for (k = 2; k < c->size; k++) {
		if (lval(s, c->lits[k]) != -1) {
			c->lits[1] = c->lits[k];
			c->lits[k] = fl;
			if (!watch_push(s, c->lits[1], c, first))
				return;
			s->error = -ENOMEM;
			c->lits[k] = c->lits[1];
			c->lits[1] = fl;
			*(*j)++ = (struct watch){ c, first };
			return;
		}
	}
	*(*j)++ = (struct watch){ c, first };
	if (lval(s, first) == -1) {
		*confl = c;
	} else {
		sat_assign(s, first, c);
		if (!dlevel(s))
			sat_unit_from_reason(s, first, c);
	}
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
			struct watch w = *i++;

			if (lval(s, w.blocker) == 1) {
				*j++ = w;
				continue;
			}
			visit_watch(s, w.c, w.blocker, fl, &j, &confl);
			if (confl) {
				s->qhead = s->trail.n;
				while (i != end)
					*j++ = *i++;
			}
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
		struct sat_var *x = var_of(s, l);
		uint32_t v = SAT_VAR(l);

		BCF_ASSERT(x->level > lvl && x->trail_pos == i);
		s->val[l] = 0;
		s->val[SAT_NOT(l)] = 0;
		x->reason = NULL;
		x->phase = SAT_NEG(l);
		if (x->pref && x->pref - 1 < s->prefer_pos)
			s->prefer_pos = x->pref - 1;
		if (x->flags & VF_DORMANT)
			continue; /* windows: out of the queue and the heap */
		if (!s->vmtf)
			sat_heap_insert(s, v);
		else if (x->q_stamp > s->var[s->q_search].q_stamp)
			s->q_search = v;
	}
	s->trail.n = s->trail_lim.a[lvl];
	s->qhead = s->trail.n;
	s->trail_lim.n = lvl;
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

	return lval(s, l) == 1 && var_of(s, l)->reason == c;
}

static void reduce_db(struct bcf_sat *s)
{
	uint32_t i, j, half = s->nlearnts / 2;

	sat_check_invariants(s);
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

/* ---- learning ------------------------------------------------------------------ */

static uint32_t glue(struct bcf_sat *s, const sat_lit *l, uint32_t n)
{
	uint32_t i, g = 0;

	if (++s->stamp == 0) {
		memset(s->lvl_stamp, 0, s->lvl_cap * sizeof(*s->lvl_stamp));
		s->stamp = 1;
	}
	for (i = 0; i < n; i++) {
		uint32_t lv = var_of(s, l[i])->level;

		if (s->lvl_stamp[lv] != s->stamp) {
			s->lvl_stamp[lv] = s->stamp;
			g++;
		}
	}
	return g;
}

static int push_learnt(struct bcf_sat *s, struct clause *c)
{
	if (bcf__grow((void **)&s->learnts, &s->learnts_cap, s->nlearnts + 1, sizeof(*s->learnts)))
		return -ENOMEM;
	s->learnts[s->nlearnts++] = c;
	return 0;
}

/* Add s->learnt (chain in s->chain), backtrack to bt and assert its first literal. */
static int learn(struct bcf_sat *s, uint32_t bt)
{
	uint32_t node = NO_NODE, lbd = glue(s, s->learnt.a, s->learnt.n), i;
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
		node = sat_proof_node(s, s->learnt.a, s->learnt.n, s->chain.a, s->chain.n / 2);
	backtrack(s, bt);
	/* asserting: the first literal is free, every other one false */
	BCF_ASSERT(!lval(s, s->learnt.a[0]));
	for (i = 1; BCF_ASSERTS_ON && i < s->learnt.n; i++)
		BCF_ASSERT(lval(s, s->learnt.a[i]) == -1);
	if (s->learnt.n == 1) {
		sat_assign(s, s->learnt.a[0], NULL);
		var_of(s, s->learnt.a[0])->unit_node = node;
		return 0;
	}
	c = sat_clause_new(s->learnt.a, s->learnt.n, true, node);
	if (!c)
		return -ENOMEM;
	c->lbd = lbd;
	if (push_learnt(s, c)) {
		free(c);
		return -ENOMEM;
	}
	if (sat_clause_attach(s, c))
		return -ENOMEM;
	sat_clause_bump(s, c);
	sat_assign(s, s->learnt.a[0], c);
	if (!dlevel(s))
		sat_unit_from_reason(s, s->learnt.a[0], c);
	return 0;
}

/* ---- search -------------------------------------------------------------------- */

/* Whether the time limit (opts.timeout_ms, counted from the start of the search) is spent. */
bool sat_timed_out(const struct bcf_sat *s)
{
	return s->opts.timeout_ms && (uint64_t)bcf__mono_ms() - s->t_start_ms >= s->opts.timeout_ms;
}

bool sat_budget_out(struct bcf_sat *s)
{
	if (s->opts.max_conflicts && s->st.conflicts >= s->opts.max_conflicts)
		return true;
	if ((s->st.conflicts & 255) == 0 && sat_timed_out(s))
		return true;
	return false;
}

/* The next decision variable, 0 when every variable is assigned. */
static uint32_t pick_var(struct bcf_sat *s)
{
	uint32_t v = 0;

	if (s->vmtf) {
		for (v = s->q_search; v && lval(s, SAT_LIT(v, 0)); v = s->var[v].q_prev)
			;
		if (v)
			s->q_search = v;
		return v;
	}
	while (s->heap.n) {
		v = sat_heap_pop(s);
		if (!lval(s, SAT_LIT(v, 0)) && !(s->var[v].flags & VF_DORMANT))
			return v;
	}
	return 0;
}

/* Whether every preferred literal is assigned (moves prefer_pos on). */
static bool prefer_done(struct bcf_sat *s)
{
	while (s->prefer_pos < s->prefer.n && lval(s, s->prefer.a[s->prefer_pos]))
		s->prefer_pos++;
	return s->prefer_pos >= s->prefer.n;
}

/* Decide; SAT when everything is assigned, UNKNOWN on time-out or error. */
static enum bcf_sat_result decide(struct bcf_sat *s, bool *decided)
{
	uint32_t v = 0;
	sat_lit l = 0;

	/* the first unassigned preferred literal (backtrack moves prefer_pos back) */
	if (!prefer_done(s) && (!s->opts.prefer_root || !dlevel(s))) {
		l = s->prefer.a[s->prefer_pos];
		v = SAT_VAR(l);
	} else if ((v = pick_var(s))) {
		l = SAT_LIT(v, s->var[v].phase);
	}
	*decided = false;
	if (!v)
		return BCF_SAT_SAT;
	s->st.decisions++;
	if (!(s->st.decisions & 4095) && sat_timed_out(s))
		return BCF_SAT_UNKNOWN;
	if (u32_push(&s->trail_lim, s->trail.n)) {
		s->error = -ENOMEM;
		return BCF_SAT_UNKNOWN;
	}
	sat_assign(s, l, NULL);
	*decided = true;
	return BCF_SAT_UNKNOWN;
}

/* A conflict: UNSAT at level 0, else learn; false to stop (error, budget). */
static bool on_conflict(struct bcf_sat *s, struct clause *confl, enum bcf_sat_result *r)
{
	uint32_t bt;

	s->st.conflicts++;
	if (!dlevel(s)) {
		sat_final_conflict(s, confl);
		*r = BCF_SAT_UNSAT;
		return false;
	}
	sat_analyze(s, confl, &bt);
	if (s->vmtf)
		q_bump(s);
	*r = BCF_SAT_UNKNOWN;
	if (s->error || learn(s, bt))
		return false;
	s->var_inc *= 1 / 0.95;
	s->cla_inc *= 1 / 0.999;
	return !sat_budget_out(s);
}

/* Search until a restart (UNKNOWN with *restart), SAT, UNSAT or the budget. */
enum bcf_sat_result sat_search(struct bcf_sat *s, bool *restart)
{
	enum bcf_sat_result r;
	uint64_t c0 = 0;
	bool decided;

	*restart = false;
	for (;;) {
		struct clause *confl = propagate(s);

		if (s->error)
			return BCF_SAT_UNKNOWN;
		if (confl) {
			c0++;
			if (!on_conflict(s, confl, &r))
				return r;
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
		/* windows: at level 0 the preferred position only moves on */
		if (sat_window_on(s) && !dlevel(s)) {
			prefer_done(s);
			r = sat_window_update(s);
			if (r != BCF_SAT_UNKNOWN || s->error)
				return r;
			if (s->qhead < s->trail.n)
				continue; /* propagate what a woken clause implied */
		}
		/* the late units: once every preferred literal has its value at
		 * level 0, or when they are assigned and nothing is left to decide */
		if (!s->late_loaded && prefer_done(s) &&
		    (!dlevel(s) || s->trail.n >= s->nvars)) {
			backtrack(s, 0);
			r = sat_load_late(s);
			if (r != BCF_SAT_UNKNOWN || s->error)
				return r;
			continue; /* propagate them */
		}
		r = decide(s, &decided);
		if (!decided && r == BCF_SAT_SAT && sat_window_on(s)) {
			/* nothing left to decide in the windows: everything */
			backtrack(s, 0);
			r = sat_window_all(s);
			if (r != BCF_SAT_UNKNOWN || s->error)
				return r;
			continue;
		}
		if (!decided)
			return r;
	}
}

/* ---- invariants (--enable-asserts) ------------------------------------------- */

static void check_watches(const struct bcf_sat *s)
{
	uint64_t nw = 0;
	uint32_t l, i;

	for (l = 2; l < 2 * (s->nvars + 1); l++)
		for (i = 0; i < s->watches[l].n; i++) {
			const struct clause *c = s->watches[l].a[i].c;

			BCF_ASSERT(!c->deleted && c->size >= 2);
			BCF_ASSERT(c->lits[0] == l || c->lits[1] == l);
			nw++;
		}
	/* every long clause is watched twice (original ones: those loaded) */
	for (i = 0; i < s->nlearnts; i++)
		BCF_ASSERT(!s->learnts[i]->deleted && s->learnts[i]->size >= 2);
	BCF_ASSERT(nw == 2 * ((uint64_t)s->norigs - s->win_unwatched + s->nlearnts));
	(void)nw;
}

static void check_trail(const struct bcf_sat *s)
{
	uint32_t i, lvl = 0;

	BCF_ASSERT(s->qhead <= s->trail.n && s->trail.n <= s->nvars);
	for (i = 0; i < s->trail.n; i++) {
		sat_lit l = s->trail.a[i];
		const struct sat_var *x = var_of(s, l);
		uint32_t k;

		while (lvl < s->trail_lim.n && s->trail_lim.a[lvl] <= i)
			lvl++;
		BCF_ASSERT(lval(s, l) == 1 && lval(s, SAT_NOT(l)) == -1);
		BCF_ASSERT(x->trail_pos == i && x->level == lvl);
		BCF_ASSERT(!x->level || x->reason || s->trail_lim.a[lvl - 1] == i);
		BCF_ASSERT(x->level || !s->opts.proof || x->unit_node != NO_NODE);
		if (!x->reason)
			continue;
		BCF_ASSERT(x->reason->lits[0] == l);
		for (k = 1; k < x->reason->size; k++)
			BCF_ASSERT(lval(s, x->reason->lits[k]) == -1 &&
				   var_of(s, x->reason->lits[k])->trail_pos < i);
	}
}

/* Whole-structure checks of the watches and the trail (asserting builds only). */
void sat_check_invariants(const struct bcf_sat *s)
{
	if (!BCF_ASSERTS_ON)
		return;
	check_watches(s);
	check_trail(s);
}
