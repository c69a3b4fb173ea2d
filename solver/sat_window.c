// SPDX-License-Identifier: MIT
/*
 * Windows (solver/sat.h, bcf_sat__own / bcf_sat__phase): while the search
 * works on the preferred literals of a phase, only the definitions that
 * phase needs are watched and only their variables are decided.
 *
 * A definition is the set of input clauses added while bcf_sat__own named
 * its variable.  At the start of the search each phase [lo, hi) is walked
 * from its needed variables (the ones given and the variables of its
 * preferred literals) through the definitions to the variables in them,
 * stopping at its cut variables; a variable met gets the phase in its
 * variable window, and, unless it is a cut, in its clause window.  A
 * window is the hull of the phases that met it (a superset is safe).
 *
 * The search calls sat_window_update() at decision level 0 only, where the
 * preferred position never moves back: clauses whose window ended are
 * unwatched, clauses whose window began are watched (a clause already
 * satisfied at level 0 is left out, one with a single free literal
 * propagates it, one with none is the final conflict), and variables go
 * in and out of the decision queue the same way (a woken one at its
 * back).  From the end of the last phase on, or when the watched clauses
 * leave nothing to decide, every clause is watched and every variable
 * decided (sat_window_all): the windows can slow a search down, never
 * make it wrong.
 */
#include "solver/sat_int.h"

enum { WC_DORMANT, WC_ON, WC_SAT0, WC_RETIRED };

struct sat_wclause {
	struct clause *c;
	uint32_t lo, hi;
	uint8_t state;
};

struct sat_window {
	bool on;
	uint32_t end, pos;
	uint32_t *vlo, *vhi, *clo, *chi;  /* by variable; lo > hi: never met */
	struct sat_wclause *wc;
	uint32_t nwc;
	size_t wc_cap;
	uint32_t *c_by_lo, *c_by_hi, ic_lo, ic_hi;  /* indices into wc, sorted */
	uint32_t *v_by_lo, *v_by_hi, nv, iv_lo, iv_hi; /* met variables, sorted */
};

void bcf_sat__own(struct bcf_sat *s, uint32_t var)
{
	s->owner = var <= s->nvars ? var : 0;
}

int bcf_sat__phase(struct bcf_sat *s, uint32_t lo, uint32_t hi, const uint32_t *need,
		   unsigned nneed, const uint32_t *cut, unsigned ncut)
{
	unsigned i;

	if (s->solved || lo >= hi)
		return -EINVAL;
	for (i = 0; i < nneed; i++)
		if (need[i] < 1 || need[i] > s->nvars)
			return -EINVAL;
	for (i = 0; i < ncut; i++)
		if (cut[i] < 1 || cut[i] > s->nvars)
			return -EINVAL;
	if (u32_push(&s->phases, lo) || u32_push(&s->phases, hi) ||
	    u32_push(&s->phases, nneed) || u32_push(&s->phases, ncut) ||
	    sat_u32_reserve(&s->phases, s->phases.n + nneed + ncut))
		return -ENOMEM;
	memcpy(s->phases.a + s->phases.n, need, nneed * sizeof(*need));
	s->phases.n += nneed;
	memcpy(s->phases.a + s->phases.n, cut, ncut * sizeof(*cut));
	s->phases.n += ncut;
	return 0;
}

bool sat_window_on(const struct bcf_sat *s)
{
	return s->win && s->win->on;
}

void sat_window_free(struct bcf_sat *s)
{
	struct sat_window *w = s->win;

	if (!w)
		return;
	free(w->vlo);
	free(w->vhi);
	free(w->clo);
	free(w->chi);
	free(w->wc);
	free(w->c_by_lo);
	free(w->c_by_hi);
	free(w->v_by_lo);
	free(w->v_by_hi);
	free(w);
	s->win = NULL;
}

static inline void hull(uint32_t *lo, uint32_t *hi, uint32_t a, uint32_t b)
{
	if (a < *lo)
		*lo = a;
	if (b > *hi)
		*hi = b;
}

/* Input clauses by owner: off[v] .. off[v + 1] in list (nvars + 2 offsets). */
static int owner_index(struct bcf_sat *s, uint32_t **off_out, uint32_t **list_out)
{
	uint32_t n = s->in_off.n, i, *off = calloc(s->nvars + 2, sizeof(*off)), *list;

	if (!off)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		off[s->in_owner.a[i] + 1]++;
	for (i = 1; i <= s->nvars + 1; i++)
		off[i] += off[i - 1];
	list = malloc((n ? n : 1) * sizeof(*list));
	if (!list) {
		free(off);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++)
		list[off[s->in_owner.a[i]]++] = i;
	/* off[v] now ends v's range: shift back */
	for (i = s->nvars + 1; i > 0; i--)
		off[i] = off[i - 1];
	off[0] = 0;
	*off_out = off;
	*list_out = list;
	return 0;
}

/* Walk one phase from its needed variables (stamp marks, cut_mark cuts). */
static int walk_phase(struct bcf_sat *s, const uint32_t *ph, const uint32_t *off,
		      const uint32_t *list, uint32_t *mark, uint32_t stamp, struct u32vec *stack)
{
	struct sat_window *w = s->win;
	uint32_t lo = ph[0], hi = ph[1], nneed = ph[2], ncut = ph[3], i;
	const uint32_t *need = ph + 4, *cut = need + nneed;

	/* cuts: stamp + 1 (met: stamp) */
	for (i = 0; i < ncut; i++) {
		mark[cut[i]] = stamp + 1;
		hull(&w->vlo[cut[i]], &w->vhi[cut[i]], lo, hi);
	}
	stack->n = 0;
	for (i = 0; i < nneed; i++)
		if (u32_push(stack, need[i]))
			return -ENOMEM;
	for (i = lo; i < hi && i < s->prefer.n; i++)
		if (u32_push(stack, SAT_VAR(s->prefer.a[i])))
			return -ENOMEM;
	while (stack->n) {
		uint32_t v = stack->a[--stack->n], k;

		if (mark[v] == stamp || mark[v] == stamp + 1)
			continue;
		mark[v] = stamp;
		hull(&w->vlo[v], &w->vhi[v], lo, hi);
		hull(&w->clo[v], &w->chi[v], lo, hi);
		for (k = off[v]; k < off[v + 1]; k++) {
			uint32_t ci = list[k], beg = s->in_off.a[ci], j;
			uint32_t end = ci + 1 < s->in_off.n ? s->in_off.a[ci + 1] : s->in_lits.n;

			for (j = beg; j < end; j++)
				if (mark[SAT_VAR(s->in_lits.a[j])] != stamp &&
				    u32_push(stack, SAT_VAR(s->in_lits.a[j])))
					return -ENOMEM;
		}
	}
	return 0;
}

/* Phases in order, tiling [0, end); false when they do not. */
static bool phases_tile(const struct bcf_sat *s, uint32_t *end)
{
	uint32_t i = 0, at = 0;

	while (i < s->phases.n) {
		const uint32_t *ph = s->phases.a + i;

		if (ph[0] != at || ph[1] <= ph[0])
			return false;
		at = ph[1];
		i += 4 + ph[2] + ph[3];
	}
	*end = at;
	return at > 0;
}

/* qsort_r order of indices by keys[index] (ctx: the keys). */
static int cmp_key(const void *a, const void *b, void *ctx)
{
	const uint32_t *key = ctx;
	uint32_t x = key[*(const uint32_t *)a], y = key[*(const uint32_t *)b];

	return x < y ? -1 : x > y;
}

static void var_sleep(struct bcf_sat *s, uint32_t v)
{
	struct sat_var *x = &s->var[v];

	if (x->flags & VF_DORMANT)
		return;
	x->flags |= VF_DORMANT;
	if (s->vmtf)
		sat_q_unlink(s, v);
	/* VSIDS: pick_var drops it when it comes off the heap */
}

static void var_wake(struct bcf_sat *s, uint32_t v)
{
	struct sat_var *x = &s->var[v];

	if (!(x->flags & VF_DORMANT))
		return;
	x->flags &= ~VF_DORMANT;
	/* at the back of the queue: the variables in play stay first (at
	 * the front, the proofs of the add chains were 3-7% larger) */
	if (s->vmtf)
		sat_q_prepend(s, v);
	else
		sat_heap_insert(s, v);
}

int sat_window_init(struct bcf_sat *s)
{
	struct sat_window *w;
	uint32_t end, *off = NULL, *list = NULL, *mark = NULL, i, v, stamp = 1;
	struct u32vec stack = { 0 };
	int err;

	if (!s->phases.n || !s->opts.prefer_root || s->in_owner.n != s->in_off.n ||
	    !phases_tile(s, &end))
		return 0;
	w = s->win = calloc(1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	w->on = true;
	w->end = end;
	w->vlo = malloc((s->nvars + 1) * sizeof(*w->vlo));
	w->vhi = calloc(s->nvars + 1, sizeof(*w->vhi));
	w->clo = malloc((s->nvars + 1) * sizeof(*w->clo));
	w->chi = calloc(s->nvars + 1, sizeof(*w->chi));
	mark = calloc(s->nvars + 1, sizeof(*mark));
	if (!w->vlo || !w->vhi || !w->clo || !w->chi || !mark) {
		err = -ENOMEM;
		goto out;
	}
	for (v = 0; v <= s->nvars; v++)
		w->vlo[v] = w->clo[v] = UINT32_MAX;
	err = owner_index(s, &off, &list);
	for (i = 0; !err && i < s->phases.n; stamp += 2) {
		err = walk_phase(s, s->phases.a + i, off, list, mark, stamp, &stack);
		i += 4 + s->phases.a[i + 2] + s->phases.a[i + 3];
	}
	if (err)
		goto out;
	/* variables met, sorted by where their window starts and ends */
	w->v_by_lo = malloc((s->nvars + 1) * sizeof(*w->v_by_lo));
	w->v_by_hi = malloc((s->nvars + 1) * sizeof(*w->v_by_hi));
	if (!w->v_by_lo || !w->v_by_hi) {
		err = -ENOMEM;
		goto out;
	}
	for (v = 1; v <= s->nvars; v++) {
		if (w->vlo[v] < w->vhi[v]) {
			w->v_by_lo[w->nv] = w->v_by_hi[w->nv] = v;
			w->nv++;
		}
		if (!(w->vlo[v] == 0 && w->vhi[v] > 0))
			var_sleep(s, v);
	}
	qsort_r(w->v_by_lo, w->nv, sizeof(uint32_t), cmp_key, w->vlo);
	qsort_r(w->v_by_hi, w->nv, sizeof(uint32_t), cmp_key, w->vhi);
	if (s->vmtf)
		s->q_search = s->q_last;
out:
	free(off);
	free(list);
	free(mark);
	u32_free(&stack);
	if (err)
		sat_window_free(s);
	return err;
}

int sat_window_load(struct bcf_sat *s, uint32_t input, struct clause *c)
{
	struct sat_window *w = s->win;
	uint32_t o = input < s->in_owner.n ? s->in_owner.a[input] : 0;
	struct sat_wclause *x;

	if (!w || !o)
		return sat_clause_attach(s, c);
	if (bcf__grow_from((void **)&w->wc, &w->wc_cap, w->nwc + 1, sizeof(*w->wc), 64))
		return -ENOMEM;
	x = &w->wc[w->nwc++];
	x->c = c;
	x->lo = w->clo[o];
	x->hi = w->chi[o];
	if (x->lo >= x->hi)
		x->lo = x->hi = w->end; /* met by no phase: from the end on */
	if (x->lo == 0) {
		x->state = WC_ON;
		return sat_clause_attach(s, c);
	}
	x->state = WC_DORMANT;
	s->win_unwatched++;
	return 0;
}

/* The windowed clauses sorted, once every input clause is loaded. */
static int sort_clauses(struct sat_window *w)
{
	uint32_t i, *lo, *hi;

	if (w->c_by_lo || !w->nwc)
		return 0;
	w->c_by_lo = malloc(w->nwc * sizeof(*w->c_by_lo));
	w->c_by_hi = malloc(w->nwc * sizeof(*w->c_by_hi));
	lo = malloc(w->nwc * sizeof(*lo));
	hi = malloc(w->nwc * sizeof(*hi));
	if (!w->c_by_lo || !w->c_by_hi || !lo || !hi) {
		free(lo);
		free(hi);
		return -ENOMEM;
	}
	for (i = 0; i < w->nwc; i++) {
		w->c_by_lo[i] = w->c_by_hi[i] = i;
		lo[i] = w->wc[i].lo;
		hi[i] = w->wc[i].hi;
	}
	qsort_r(w->c_by_lo, w->nwc, sizeof(uint32_t), cmp_key, lo);
	qsort_r(w->c_by_hi, w->nwc, sizeof(uint32_t), cmp_key, hi);
	free(lo);
	free(hi);
	return 0;
}

/* Watch a clause at decision level 0: UNSAT if every literal is false. */
static enum bcf_sat_result wake_clause(struct bcf_sat *s, struct sat_wclause *x)
{
	struct clause *c = x->c;
	uint32_t i, k = 0;

	for (i = 0; i < c->size; i++)
		if (lval(s, c->lits[i]) == 1) {
			x->state = WC_SAT0; /* satisfied for good */
			return BCF_SAT_UNKNOWN;
		}
	for (i = 0; i < c->size; i++)
		if (!lval(s, c->lits[i])) {
			sat_lit t = c->lits[k];

			c->lits[k++] = c->lits[i];
			c->lits[i] = t;
		}
	if (!k) {
		sat_final_conflict(s, c);
		return BCF_SAT_UNSAT;
	}
	if (sat_clause_attach(s, c)) {
		s->error = -ENOMEM;
		return BCF_SAT_UNKNOWN;
	}
	x->state = WC_ON;
	s->win_unwatched--;
	s->st.window_watched++;
	if (k == 1) {
		sat_assign(s, c->lits[0], c);
		sat_unit_from_reason(s, c->lits[0], c);
	}
	return BCF_SAT_UNKNOWN;
}

static void unwatch(struct bcf_sat *s, struct clause *c, sat_lit l)
{
	struct wvec *ws = &s->watches[l];
	uint32_t i;

	for (i = 0; i < ws->n; i++)
		if (ws->a[i].c == c) {
			ws->a[i] = ws->a[--ws->n];
			return;
		}
}

static void sleep_clause(struct bcf_sat *s, struct sat_wclause *x)
{
	if (x->state == WC_ON) {
		unwatch(s, x->c, x->c->lits[0]);
		unwatch(s, x->c, x->c->lits[1]);
		s->win_unwatched++;
		s->st.window_unwatched++;
	}
	if (x->state != WC_SAT0)
		x->state = WC_RETIRED;
}

enum bcf_sat_result sat_window_all(struct bcf_sat *s)
{
	struct sat_window *w = s->win;
	enum bcf_sat_result r = BCF_SAT_UNKNOWN;
	uint32_t i;

	if (!w || !w->on)
		return r;
	w->on = false;
	for (i = 0; i < w->nwc && r == BCF_SAT_UNKNOWN && !s->error; i++)
		if (w->wc[i].state == WC_DORMANT || w->wc[i].state == WC_RETIRED)
			r = wake_clause(s, &w->wc[i]);
	for (i = 1; i <= s->nvars; i++)
		var_wake(s, i);
	if (s->vmtf)
		s->q_search = s->q_last;
	return r;
}

enum bcf_sat_result sat_window_update(struct bcf_sat *s)
{
	struct sat_window *w = s->win;
	enum bcf_sat_result r = BCF_SAT_UNKNOWN;
	uint32_t pos = s->prefer_pos;

	if (!w || !w->on || pos == w->pos)
		return r;
	if (pos >= w->end)
		return sat_window_all(s);
	if (sort_clauses(w)) {
		s->error = -ENOMEM;
		return r;
	}
	w->pos = pos;
	/* what ended, then what began */
	for (; w->ic_hi < w->nwc && w->wc[w->c_by_hi[w->ic_hi]].hi <= pos; w->ic_hi++)
		sleep_clause(s, &w->wc[w->c_by_hi[w->ic_hi]]);
	for (; w->iv_hi < w->nv && w->vhi[w->v_by_hi[w->iv_hi]] <= pos; w->iv_hi++)
		var_sleep(s, w->v_by_hi[w->iv_hi]);
	for (; w->ic_lo < w->nwc && w->wc[w->c_by_lo[w->ic_lo]].lo <= pos; w->ic_lo++) {
		struct sat_wclause *x = &w->wc[w->c_by_lo[w->ic_lo]];

		if (x->state == WC_DORMANT && r == BCF_SAT_UNKNOWN && !s->error)
			r = wake_clause(s, x);
	}
	for (; w->iv_lo < w->nv && w->vlo[w->v_by_lo[w->iv_lo]] <= pos; w->iv_lo++) {
		uint32_t v = w->v_by_lo[w->iv_lo];

		if (w->vhi[v] > pos)
			var_wake(s, v);
	}
	if (s->vmtf)
		s->q_search = s->q_last;
	return r;
}
