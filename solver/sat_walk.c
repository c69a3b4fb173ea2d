// SPDX-License-Identifier: MIT
/*
 * The proof walk (solver/sat.h bcf_sat__proof_walk): trim the logged
 * derivation to what the empty clause needs, inline level-0 units used
 * once into their user's chain, and replay every derived node's chain with
 * BCF RESOLUTION's list semantics, scheduling (or splitting) it so that no
 * pivot literal is held twice when it is resolved.
 */
#include "solver/sat_int.h"

/* High bits of struct walk.copies[lit] (the low bits count copies in acc). */
enum walk_copy_flag {
	WC_FIRST = 1u << 31,   /* walk_emit: first occurrence met */
	WC_PENDING = 1u << 30, /* walk_linear: the pivot of an entry still to come */
	WC_GROUP = 1u << 29,   /* walk_emit: a duplicate group counted */
};

struct walk {
	struct bcf_sat *s;
	bcf_sat_walk_fn fn;
	void *ctx;
	unsigned max_pivots, max_lits;
	bool wide_ok;            /* opts.wide */
	bool wide;               /* walk_emit: the step is a wide one */
	uint32_t *copies;        /* by literal: copies in acc, plus enum walk_copy_flag */
	struct u32vec acc;       /* the accumulated clause (list semantics) */
	struct u32vec dedup;     /* walk_emit: acc without duplicates */
	struct u32vec premises;  /* the chain being built: premise ids ... */
	struct u32vec pivots;    /* ... and pivots (one fewer) */
	struct u32vec pool;      /* the clauses of walked derived nodes */
	uint32_t *pool_off, *pool_len; /* by node: its clause in pool (derived and
					* intermediate steps) */
	size_t pool_cap;         /* entries of pool_off / pool_len */
	uint32_t next_id;        /* id of the next intermediate (split) step */
	uint32_t repeat_max;     /* walk_linear: resolve up to this many copies by repetition */
	/* chain scheduling (walk_sched) */
	uint32_t *entry_of;      /* by literal: the chain entry whose pivot it is (0 = none) */
	struct u32vec entries;   /* (premise, pivot) pairs; pair 0 is premise 0 */
	struct u32vec waits;     /* by entry: pending entries whose clause holds its pivot */
	struct u32vec ready;     /* entries no pending entry waits on, in order */
	struct u32vec dup_ready; /* ready entries whose pivot literal is held twice or more */
	struct u32vec stack;     /* build_entries: entries still to expand */
	uint8_t *inlined;        /* by node: inlined into its only user */
	uint32_t repeat_budget;  /* max extra words a repetition may cost instead of a split */
	size_t nlits;            /* literals copies[] covers: the solver's, and the definition's */
	/* walk_units: by literal (nlits), made on first use, all zero between calls */
	uint32_t *u_entry;       /* the chain entry whose pivot it is */
	uint32_t *u_at;          /* its index into the definition's clause + 1 */
};

static inline const uint32_t *node_chain(const struct bcf_sat *s, uint32_t n)
{
	return s->p_chain.a + s->p_chain_off.a[n];
}

static void node_lits(const struct walk *w, uint32_t n, const sat_lit **l, uint32_t *len)
{
	const struct bcf_sat *s = w->s;

	if (n < s->p_nlits.n && !s->p_nchain.a[n]) {
		*l = s->p_lits.a + s->p_lit_off.a[n];
		*len = s->p_nlits.a[n];
	} else {
		*l = w->pool.a + w->pool_off[n];
		*len = w->pool_len[n];
	}
}

/* acc := the clause of node n (premise 0 of a chain). */
static int acc_start(struct walk *w, uint32_t n)
{
	const sat_lit *l;
	uint32_t i, len;

	w->acc.n = w->premises.n = w->pivots.n = 0;
	node_lits(w, n, &l, &len);
	for (i = 0; i < len; i++) {
		if (u32_push(&w->acc, l[i]))
			return -ENOMEM;
		w->copies[l[i]]++;
	}
	return u32_push(&w->premises, n);
}

/* w->dedup := acc without duplicates; the number of duplicated literals. */
static int dedup_acc(struct walk *w, uint32_t *groups)
{
	uint32_t i;

	*groups = 0;
	w->dedup.n = 0;
	for (i = 0; i < w->acc.n; i++) {
		sat_lit l = w->acc.a[i];

		if (w->copies[l] & WC_FIRST) {
			if (!(w->copies[l] & WC_GROUP))
				(*groups)++;
			w->copies[l] |= WC_GROUP;
			continue;
		}
		w->copies[l] |= WC_FIRST;
		if (u32_push(&w->dedup, l))
			return -ENOMEM;
	}
	for (i = 0; i < w->dedup.n; i++)
		w->copies[w->dedup.a[i]] = (w->copies[w->dedup.a[i]] & WC_PENDING) | 1;
	return 0;
}

/* Emit the chain in premises/pivots with result acc as step id; acc becomes its dedup. */
static int walk_emit(struct walk *w, uint32_t id)
{
	struct bcf_sat_step st = { .id = id };
	struct bcf_sat_stats *stats = &w->s->st;
	uint32_t groups, np = w->premises.n;
	int err = dedup_acc(w, &groups);

	if (err)
		return err;
	/* proof words: RESOLUTION (header, premises, polarity words, pivots), FACTORING */
	if (np >= 2)
		stats->est_words += 1 + np + (np - 1 + 31) / 32 + (np - 1);
	if (groups)
		stats->est_words += 2 + (2 * groups + (w->acc.n - w->dedup.n) + 1 + 3) / 4;
	st.lits = w->dedup.a;
	st.nlits = w->dedup.n;
	st.npremises = np;
	st.premises = w->premises.a;
	st.pivots = w->pivots.a;
	st.factoring = w->dedup.n != w->acc.n;
	st.chain = w->acc.a;
	st.chain_lits = w->acc.n;
	st.wide = w->wide;
	if (w->dedup.n > w->max_lits)
		return -E2BIG; /* a clause longer than a step allows */
	BCF_ASSERT(w->pivots.n + 1 == np);
	stats->trimmed_derived++;
	stats->trimmed_premises += np;
	stats->factoring_steps += st.factoring;
	err = w->fn(w->ctx, &st);
	if (err)
		return err;
	/* acc := dedup */
	if (sat_u32_reserve(&w->acc, w->dedup.n))
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
	w->premises.n = w->pivots.n = 0;
	return u32_push(&w->premises, id);
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
	w->copies[a]--;
	for (i = 0; i < len; i++) {
		if (!removed && l[i] == SAT_NOT(a)) {
			removed = true;
			continue;
		}
		if (u32_push(&w->acc, l[i]))
			return -ENOMEM;
		w->copies[l[i]]++;
	}
	if (!removed)
		return -EPROTO; /* pivot missing on the right */
	if (u32_push(&w->premises, R) || u32_push(&w->pivots, a))
		return -ENOMEM;
	return 0;
}

/*
 * One resolution whose list result is longer than a step allows although
 * its clause fits: acc (one copy of a) with R as a step of its own, marked
 * wide for the emitter; the chain continues from it.
 */
static int walk_wide(struct walk *w, uint32_t R, sat_lit a, const sat_lit *l, uint32_t len)
{
	uint32_t id;
	int err;

	if (!w->wide_ok)
		return -E2BIG;
	err = walk_resolve(w, R, a, l, len);
	if (err)
		return err;
	id = w->next_id++;
	w->s->st.split_steps++;
	w->wide = true;
	err = walk_emit(w, id);
	w->wide = false;
	if (err)
		return err;
	w->premises.n = w->pivots.n = 0;
	return u32_push(&w->premises, id);
}

/* Whether c resolutions with a clause of len literals exceed a limit of one step. */
static inline bool over_limits(const struct walk *w, uint32_t c, uint32_t len)
{
	return w->pivots.n + c > w->max_pivots || w->acc.n + c * (len - 1) - c > w->max_lits;
}

/*
 * Resolve acc with R (l, len) on a, held *c times: split first when that
 * would exceed a step's limits (then once).
 */
static int resolve_copies(struct walk *w, uint32_t R, sat_lit a, const sat_lit *l,
			  uint32_t len, uint32_t c, int empty_err)
{
	int err;

	if (over_limits(w, c, len)) {
		if (w->pivots.n) {
			err = walk_split(w);
			if (err)
				return err;
			c = 1;
		}
		if (c == 1 && w->acc.n + len - 2 > w->max_lits)
			return walk_wide(w, R, a, l, len);
		if (w->pivots.n == 0 && over_limits(w, c, len))
			return empty_err;
	}
	while (c--) {
		err = walk_resolve(w, R, a, l, len);
		if (err)
			return err;
	}
	return 0;
}

/* ---- replay in the recorded order ------------------------------------------- */

/*
 * walk_linear's entry (R, a): resolve a once per copy when that is cheap
 * (a single copy, a unit, or few copies of a clause whose other literals
 * are no pending pivot), else split first.
 */
static int linear_entry(struct walk *w, uint32_t R, sat_lit a)
{
	uint32_t c, i, len;
	const sat_lit *l;
	bool repeat;
	int err;

	w->copies[a] &= ~WC_PENDING;
	node_lits(w, R, &l, &len);
	c = w->copies[a];
	if (!c)
		return -EPROTO; /* pivot missing on the left */
	repeat = c == 1 || len == 1;
	if (!repeat && c <= w->repeat_max) {
		repeat = true;
		for (i = 0; i < len && repeat; i++)
			if (l[i] != SAT_NOT(a) && (w->copies[l[i]] & WC_PENDING))
				repeat = false;
	}
	if (repeat && over_limits(w, c, len))
		repeat = false;
	if (!repeat && w->pivots.n) {
		err = walk_split(w);
		if (err)
			return err;
		c = 1;
	}
	return resolve_copies(w, R, a, l, len, c, -E2BIG);
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
	const uint32_t *ch = node_chain(w->s, n);
	uint32_t nch = w->s->p_nchain.a[n], e;
	int err = acc_start(w, ch[0]);

	if (err)
		return err;
	for (e = 1; e < nch; e++)
		w->copies[ch[2 * e + 1]] |= WC_PENDING;
	for (e = 1; e < nch; e++) {
		err = linear_entry(w, ch[2 * e], ch[2 * e + 1]);
		if (err)
			return err;
	}
	return walk_emit(w, n);
}

/* ---- chain entries and inlining ---------------------------------------------- */

static void entries_clear(struct walk *w)
{
	uint32_t e;

	for (e = 1; e < w->entries.n / 2; e++)
		w->entry_of[w->entries.a[2 * e + 1]] = 0;
	w->entries.n = 0;
}

/* Push node n's entries 1.. onto the stack, last first. */
static int push_chain(struct walk *w, uint32_t n)
{
	const uint32_t *ch = node_chain(w->s, n);
	uint32_t e;

	for (e = w->s->p_nchain.a[n]; e-- > 1;)
		if (u32_push(&w->stack, ch[2 * e + 1]) || u32_push(&w->stack, ch[2 * e]))
			return -ENOMEM;
	return 0;
}

/*
 * Collect node n's chain entries in w->entries (pairs; pair 0 is premise
 * 0), with entry_of set for their pivot literals.  With expand, an entry
 * whose premise is an inlined unit U (used once: its reason, then level-0
 * units) becomes U's entries: (U's reason, pivot), then U's unit entries;
 * a unit entry met twice is kept once (it resolves every copy).  -EAGAIN
 * (nothing kept) when two entries would share a pivot literal.
 */
static int build_entries(struct walk *w, uint32_t n, bool expand)
{
	const struct bcf_sat *s = w->s;

	w->entries.n = w->stack.n = 0;
	if (u32_push(&w->entries, node_chain(s, n)[0]) || u32_push(&w->entries, 0) ||
	    push_chain(w, n))
		return -ENOMEM;
	while (w->stack.n) {
		uint32_t R = w->stack.a[--w->stack.n], a = w->stack.a[--w->stack.n], f;

		if (expand && w->inlined[R]) {
			if (push_chain(w, R) || u32_push(&w->stack, a) ||
			    u32_push(&w->stack, node_chain(s, R)[0]))
				return -ENOMEM;
			continue;
		}
		f = w->entry_of[a];
		if (f && w->entries.a[2 * f] == R && s->p_nlits.a[R] == 1)
			continue;
		if (f) {
			entries_clear(w);
			return -EAGAIN;
		}
		w->entry_of[a] = w->entries.n / 2;
		if (u32_push(&w->entries, R) || u32_push(&w->entries, a)) {
			entries_clear(w);
			return -ENOMEM;
		}
	}
	return 0;
}

/* Whether needed node n (used once) is a unit made of its reason and unit premises. */
static bool inlinable(const struct bcf_sat *s, uint32_t n)
{
	const uint32_t *ch = node_chain(s, n), *r;
	uint32_t nch = s->p_nchain.a[n], e, k, nr;
	sat_lit u;

	if (nch < 2 || s->p_nlits.a[n] != 1)
		return false;
	u = s->p_lits.a[s->p_lit_off.a[n]];
	for (e = 1; e < nch && s->p_nlits.a[ch[2 * e]] == 1; e++)
		;
	r = s->p_lits.a + s->p_lit_off.a[ch[0]];
	nr = s->p_nlits.a[ch[0]];
	for (k = 0; k < nr && r[k] != u; k++)
		;
	return e == nch && k < nr;
}

/*
 * Decide which derived units are inlined into their only user (see
 * build_entries): a needed unit node used once, not as premise 0, made of
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
	for (n = 0; n < N; n++)
		for (e = 0; needed[n] && e < s->p_nchain.a[n]; e++)
			uses[node_chain(s, n)[2 * e]] += e ? 1 : 2; /* premise 0 is never inlined */
	for (n = 0; n < N; n++)
		if (needed[n] && uses[n] == 1)
			w->inlined[n] = inlinable(s, n);
	for (n = 0; n < N && !err; n++) {
		if (!needed[n] || !s->p_nchain.a[n])
			continue;
		err = build_entries(w, n, true);
		if (err == -EAGAIN) {
			for (e = 1; e < s->p_nchain.a[n]; e++)
				w->inlined[node_chain(s, n)[2 * e]] = 0;
			err = 0;
		} else if (!err) {
			entries_clear(w);
		}
	}
	free(uses);
	return err;
}

/* ---- scheduled replay -------------------------------------------------------- */

/* Words a repetition of entry R (len literals) c times costs beyond one use. */
static uint32_t repeat_cost(uint32_t c, uint32_t len)
{
	return 2 * (c - 1) + ((c - 1) * (len - 1) + 1) / 2;
}

static inline uint32_t entry_premise(const struct walk *w, uint32_t e)
{
	return w->entries.a[2 * e];
}

static inline sat_lit entry_pivot(const struct walk *w, uint32_t e)
{
	return w->entries.a[2 * e + 1];
}

/* Start a scheduled replay: acc from premise 0, waits counted, ready entries queued. */
static int sched_start(struct walk *w)
{
	uint32_t nch = w->entries.n / 2, e, i, len;
	const sat_lit *l;
	int err;

	w->ready.n = w->dup_ready.n = 0;
	if (sat_u32_reserve(&w->waits, nch))
		return -ENOMEM;
	err = acc_start(w, entry_premise(w, 0));
	if (err)
		return err;
	memset(w->waits.a, 0, nch * sizeof(uint32_t));
	for (e = 1; e < nch; e++) {
		node_lits(w, entry_premise(w, e), &l, &len);
		for (i = 0; i < len; i++) {
			uint32_t f = w->entry_of[l[i]];

			if (f && f != e)
				w->waits.a[f]++;
		}
	}
	for (e = 1; e < nch; e++)
		if (!w->waits.a[e] && u32_push(&w->ready, e))
			return -ENOMEM;
	return 0;
}

/* The cheapest duplicate-pivot ready entry to repeat: its index in dup_ready, its cost. */
static uint32_t cheapest_dup(struct walk *w, uint32_t *best)
{
	uint32_t i, k, len, bi = 0;
	const sat_lit *l;

	*best = UINT32_MAX;
	for (i = 0; i < w->dup_ready.n; i++) {
		uint32_t d = w->dup_ready.a[i], cost;
		sat_lit b = entry_pivot(w, d);

		node_lits(w, entry_premise(w, d), &l, &len);
		cost = repeat_cost(w->copies[b], len);
		for (k = 0; k < len && cost <= w->repeat_budget; k++)
			if (l[k] != SAT_NOT(b) && w->entry_of[l[k]])
				cost = UINT32_MAX;
		if (cost < *best) {
			*best = cost;
			bi = i;
		}
	}
	return bi;
}

/*
 * The next entry to resolve into *e: the next ready one whose pivot is
 * held once, else the cheapest duplicate to repeat.  When repeating costs
 * too much, close the chain (every duplicate becomes single) and return
 * -EAGAIN to pick again.
 */
static int sched_pick(struct walk *w, uint32_t *rh, uint32_t *e)
{
	uint32_t i, best, bi;
	int err;

	for (; *rh < w->ready.n; (*rh)++) {
		*e = w->ready.a[*rh];
		if (w->copies[entry_pivot(w, *e)] <= 1)
			break;
		if (u32_push(&w->dup_ready, *e))
			return -ENOMEM;
	}
	if (*rh < w->ready.n) {
		*e = w->ready.a[(*rh)++];
		return 0;
	}
	if (!w->dup_ready.n)
		return -EPROTO; /* an entry waits for itself */
	bi = cheapest_dup(w, &best);
	if (best > w->repeat_budget || w->pivots.n == 0) {
		/* a wide step just restarted the chain: acc holds no duplicate */
		if (w->pivots.n == 0)
			err = w->premises.n == 1 && w->premises.a[0] >= w->s->p_nlits.n ? 0 :
			      -EPROTO;
		else
			err = walk_split(w);
		if (err)
			return err;
		/* the duplicates are ready entries with one copy now */
		for (i = 0; i < w->dup_ready.n; i++)
			w->ready.a[--(*rh)] = w->dup_ready.a[i];
		w->dup_ready.n = 0;
		return -EAGAIN;
	}
	*e = w->dup_ready.a[bi];
	w->dup_ready.a[bi] = w->dup_ready.a[--w->dup_ready.n];
	return 0;
}

/* Resolve entry e (every copy of its pivot); entries that waited only on it become ready. */
static int sched_resolve(struct walk *w, uint32_t e)
{
	uint32_t R = entry_premise(w, e), i, len, c;
	sat_lit a = entry_pivot(w, e);
	const sat_lit *l;
	int err;

	node_lits(w, R, &l, &len);
	c = w->copies[a];
	if (!c)
		return -EPROTO; /* pivot missing on the left */
	err = resolve_copies(w, R, a, l, len, c, -E2BIG);
	if (err)
		return err;
	w->entry_of[a] = 0;
	for (i = 0; i < len; i++) {
		uint32_t f = w->entry_of[l[i]];

		if (f && f != e && !--w->waits.a[f] && u32_push(&w->ready, f))
			return -ENOMEM;
	}
	return 0;
}

/* Remember acc as the clause of step id (for node_lits). */
static int pool_record_lits(struct walk *w, uint32_t id, const sat_lit *l, uint32_t n)
{
	size_t need = (size_t)id + 1;

	if (need > w->pool_cap) {
		size_t cap = w->pool_cap, old = cap;

		if (bcf__grow((void **)&w->pool_off, &cap, need, sizeof(*w->pool_off)))
			return -ENOMEM;
		cap = old;
		if (bcf__grow((void **)&w->pool_len, &cap, need, sizeof(*w->pool_len)))
			return -ENOMEM;
		w->pool_cap = cap;
	}
	w->pool_off[id] = w->pool.n;
	w->pool_len[id] = n;
	if (sat_u32_reserve(&w->pool, w->pool.n + n))
		return -ENOMEM;
	if (n)
		memcpy(w->pool.a + w->pool.n, l, n * sizeof(sat_lit));
	w->pool.n += n;
	return 0;
}

static int pool_record(struct walk *w, uint32_t id)
{
	return pool_record_lits(w, id, w->acc.a, w->acc.n);
}

/*
 * A chain entry whose clause is long (say the clause of a wide disjunction,
 * the reason of a literal at level 0) can make the accumulated clause
 * exceed 255 literals however the chain is split, although the chain's
 * unit entries remove most of those literals again.  Such a clause is first
 * resolved with those unit entries in an intermediate step of its own (it
 * only shrinks), which then replaces it in the chain; a unit entry whose
 * literal no other clause of the chain holds is then dropped.
 */
#define WIDE_ENTRY 64

static int prereduce(struct walk *w)
{
	uint32_t nch = w->entries.n / 2, e, f, i, len, len2, k;
	const sat_lit *l, *l2;
	int err;

	for (e = 1; e < nch; e++) {
		uint32_t R = entry_premise(w, e), id, nres = 0;
		sat_lit a = entry_pivot(w, e);

		node_lits(w, R, &l, &len);
		if (len <= WIDE_ENTRY)
			continue;
		/* resolve R with the unit entries of its other literals */
		for (i = 0; i < len; i++) {
			f = w->entry_of[l[i]];
			if (l[i] == SAT_NOT(a) || !f || f == e)
				continue;
			node_lits(w, entry_premise(w, f), &l2, &len2);
			if (len2 != 1)
				continue;
			if (!nres) {
				err = acc_start(w, R);
				if (err)
					return err;
			}
			/* acc holds l[i] = pivot(f); the unit is [NOT l[i]] */
			err = resolve_copies(w, entry_premise(w, f), l[i], l2, len2,
					     w->copies[l[i]], -E2BIG);
			if (err)
				return err;
			nres++;
		}
		if (!nres)
			continue;
		id = w->next_id++;
		w->s->st.split_steps++;
		err = walk_emit(w, id);
		if (!err)
			err = pool_record(w, id);
		for (i = 0; i < w->acc.n; i++)
			w->copies[w->acc.a[i]] = 0;
		if (err)
			return err;
		w->entries.a[2 * e] = id;
		/* drop unit entries whose literal no other clause of the chain holds */
		for (f = 1; f < w->entries.n / 2; f++) {
			sat_lit p = entry_pivot(w, f);
			bool held = false;
			uint32_t g;

			node_lits(w, entry_premise(w, f), &l2, &len2);
			if (len2 != 1 || f == e)
				continue;
			node_lits(w, R, &l, &len);
			for (i = 0; i < len && l[i] != p; i++)
				;
			if (i == len)
				continue; /* not one of R's literals */
			for (g = 0; g < w->entries.n / 2 && !held; g++) {
				const sat_lit *l3;
				uint32_t len3;

				if (g == f)
					continue;
				node_lits(w, entry_premise(w, g), &l3, &len3);
				for (k = 0; k < len3 && !held; k++)
					held = l3[k] == p;
			}
			if (held)
				continue;
			w->entry_of[p] = 0;
			memmove(w->entries.a + 2 * f, w->entries.a + 2 * f + 2,
				(w->entries.n - 2 * f - 2) * sizeof(uint32_t));
			w->entries.n -= 2;
			for (g = f; g < w->entries.n / 2; g++)
				w->entry_of[entry_pivot(w, g)] = g;
			if (e > f)
				e--;
			f--;
		}
		nch = w->entries.n / 2;
	}
	return 0;
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
	uint32_t nch, e, done = 0, rh = 0;
	int err = build_entries(w, n, true);

	if (err == -EAGAIN)
		return walk_linear(w, n);
	if (err)
		return err;
	err = prereduce(w);
	if (err) {
		entries_clear(w);
		return err;
	}
	nch = w->entries.n / 2;
	err = sched_start(w);
	while (!err && done < nch - 1) {
		err = sched_pick(w, &rh, &e);
		if (err == -EAGAIN) {
			err = 0;
			continue;
		}
		if (!err)
			err = sched_resolve(w, e);
		done++;
	}
	if (!err)
		err = walk_emit(w, n);
	entries_clear(w);
	return err;
}

/* ---- the walk ------------------------------------------------------------------ */

static int walk_node(struct walk *w, uint32_t n)
{
	uint32_t i;
	int err = walk_sched(w, n);

	if (err)
		return err;
	/* remember the clause for later users; clear the counts */
	if (n >= w->pool_cap)
		return -EPROTO;
	w->pool_off[n] = w->pool.n;
	w->pool_len[n] = w->acc.n;
	for (i = 0; i < w->acc.n; i++) {
		w->copies[w->acc.a[i]] = 0;
		if (u32_push(&w->pool, w->acc.a[i]))
			return -ENOMEM;
	}
	return 0;
}

/* needed[n] for every node the empty clause depends on. */
static int mark_needed(const struct bcf_sat *s, uint8_t *needed)
{
	uint32_t n, e;

	needed[s->empty_node] = 1;
	for (n = s->empty_node + 1; n-- > 0;) {
		const uint32_t *ch = node_chain(s, n);

		if (!needed[n])
			continue;
		for (e = 0; e < s->p_nchain.a[n]; e++) {
			if (ch[2 * e] >= n)
				return -EPROTO;
			needed[ch[2 * e]] = 1;
		}
	}
	return 0;
}

static int walk_alloc(struct walk *w, uint32_t N)
{
	/* one variable beyond the solver's: walk_units' definition */
	size_t nlits = 2 * ((size_t)w->s->nvars + 2);

	w->nlits = nlits;
	w->copies = calloc(nlits, sizeof(*w->copies));
	w->entry_of = calloc(nlits, sizeof(*w->entry_of));
	w->inlined = calloc(N, 1);
	w->pool_off = calloc(N, sizeof(*w->pool_off));
	w->pool_len = calloc(N, sizeof(*w->pool_len));
	w->pool_cap = N;
	if (!w->copies || !w->entry_of || !w->inlined || !w->pool_off || !w->pool_len)
		return -ENOMEM;
	return 0;
}

static void walk_free(struct walk *w)
{
	struct u32vec *vecs[] = {
		&w->waits, &w->ready, &w->dup_ready, &w->entries, &w->stack,
		&w->acc, &w->dedup, &w->premises, &w->pivots, &w->pool,
	};
	size_t i;

	for (i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++)
		u32_free(vecs[i]);
	free(w->copies);
	free(w->entry_of);
	free(w->inlined);
	free(w->pool_off);
	free(w->pool_len);
	free(w->u_entry);
	free(w->u_at);
}

/*
 * walk_units' definition: d stands for (or f...), the node's final clause,
 * so that a derived literal carries d instead of every final literal it
 * depends on.  Its clauses are steps made on first use.
 */
struct walk_def {
	sat_lit d;
	const sat_lit *f;
	uint32_t nf;
	uint32_t *neg;  /* by index into f: the (d OR NOT f[i]) step, UINT32_MAX = not yet */
	uint32_t *at;   /* by literal: its index into f + 1, 0 = not in f */
	uint32_t pos;   /* the (NOT d OR f...) step, UINT32_MAX = not yet */
};

/* Emit one clause of the definition (no premises) and remember its literals. */
static int def_clause(struct walk *w, const struct walk_def *df, enum bcf_sat_step_kind kind,
		      uint32_t idx, const sat_lit *l, uint32_t n, uint32_t *id)
{
	struct bcf_sat_step st = { .id = w->next_id++, .kind = kind, .def = df->d,
				   .def_index = idx, .lits = l, .nlits = n };
	int err = w->fn(w->ctx, &st);

	*id = st.id;
	return err ? err : pool_record_lits(w, st.id, l, n);
}

/* The index of literal a in the definition's clause, or UINT32_MAX. */
static uint32_t def_index(const struct walk_def *df, sat_lit a)
{
	return df && df->at[a] ? df->at[a] - 1 : UINT32_MAX;
}

/* Whether every literal of R but skip that is some entry's pivot has its derived clause. */
static bool units_ready(const struct walk *w, uint32_t R, sat_lit skip, const uint32_t *unit,
			const uint32_t *entry)
{
	const sat_lit *l;
	uint32_t i, len;

	node_lits(w, R, &l, &len);
	for (i = 0; i < len; i++)
		if (l[i] != skip && entry[l[i]] && unit[entry[l[i]]] == UINT32_MAX)
			return false;
	return true;
}

/*
 * Resolve away every literal of acc but skip that is an entry's pivot, with
 * its derived clause, and (with a definition) every final literal, with
 * (d OR NOT f), which puts d in its place.
 */
static int units_resolve(struct walk *w, sat_lit skip, const uint32_t *unit, const uint32_t *entry,
			 struct walk_def *df)
{
	uint32_t i, len, R, k;
	const sat_lit *l;
	sat_lit two[2];
	int err;

	for (i = 0; i < w->acc.n; i++) {
		sat_lit a = w->acc.a[i];

		if (a == skip)
			continue;
		if (entry[a]) {
			R = unit[entry[a]];
			node_lits(w, R, &l, &len);
		} else if ((k = def_index(df, a)) != UINT32_MAX) {
			if (df->neg[k] == UINT32_MAX) {
				two[0] = df->d;
				two[1] = SAT_NOT(a);
				err = def_clause(w, df, BCF_SAT_DEF_NEG, k, two, 2, &df->neg[k]);
				if (err)
					return err;
			}
			R = df->neg[k];
			node_lits(w, R, &l, &len);
		} else {
			continue;
		}
		err = resolve_copies(w, R, a, l, len, w->copies[a], -E2BIG);
		if (err)
			return err;
		i = (uint32_t)-1; /* acc changed: look again from its start */
	}
	return 0;
}

/*
 * Last resort for a chain that no schedule keeps within a step's limits (a
 * conflict whose reasons bring hundreds of literals into the accumulated
 * clause at once): every entry (R, a) first becomes a step of its own, R
 * resolved with the derived clause of each pivot among its other literals,
 * which leaves the implied literal NOT a plus final literals of the node;
 * then premise 0 is resolved with those.  Each step starts from a clause
 * that fits and only loses literals.  An entry is derived once the entries
 * of its own literals are (one pass over a chain in trail order); a pivot
 * met twice is derived once.  With wide steps allowed and a final clause F
 * of 2-254 literals, a definition d = (or F) stands for F's literals in
 * every derived clause ((NOT a OR d): two literals instead of up to 255
 * that every later resolution would repeat), and (NOT d OR F) gives them
 * back at the end.
 */
static int walk_units(struct walk *w, uint32_t n)
{
	const struct bcf_sat *s = w->s;
	const uint32_t *ch = node_chain(s, n);
	uint32_t nch = s->p_nchain.a[n], e, i, left = 0, *unit, *entry;
	struct walk_def def = { .d = SAT_LIT(s->nvars + 1, 0), .pos = UINT32_MAX }, *df = NULL;
	sat_lit *pos = NULL;
	int err = 0;

	unit = malloc(nch * sizeof(*unit));
	if (!w->u_entry)
		w->u_entry = calloc(w->nlits, sizeof(*w->u_entry));
	entry = w->u_entry;
	if (w->wide_ok && s->p_nlits.a[n] >= 2 && s->p_nlits.a[n] <= 254) {
		def.f = s->p_lits.a + s->p_lit_off.a[n];
		def.nf = s->p_nlits.a[n];
		def.neg = malloc(def.nf * sizeof(*def.neg));
		if (!w->u_at)
			w->u_at = calloc(w->nlits, sizeof(*w->u_at));
		def.at = w->u_at;
		pos = malloc((def.nf + 1) * sizeof(*pos));
		df = &def;
	}
	if (!unit || !entry || (df && (!def.neg || !def.at || !pos))) {
		err = -ENOMEM;
		goto out;
	}
	memset(unit, 0xff, nch * sizeof(*unit)); /* UINT32_MAX: not derived yet */
	if (df) {
		struct bcf_sat_step st = { .id = w->next_id++, .kind = BCF_SAT_DEFINE, .def = def.d,
					   .lits = def.f, .nlits = def.nf };

		memset(def.neg, 0xff, def.nf * sizeof(*def.neg));
		for (i = 0; i < def.nf; i++)
			def.at[def.f[i]] = i + 1;
		err = w->fn(w->ctx, &st);
		if (err)
			goto out;
	}
	for (e = 1; e < nch; e++)
		left += !entry[ch[2 * e + 1]], entry[ch[2 * e + 1]] = e;
	while (left && !err) {
		uint32_t before = left;

		for (e = nch; e-- > 1 && !err;) {
			sat_lit na = SAT_NOT(ch[2 * e + 1]);

			if (sat_timed_out(w->s)) {
				err = -ETIME;
				break;
			}
			if (unit[e] != UINT32_MAX || entry[ch[2 * e + 1]] != e ||
			    !units_ready(w, ch[2 * e], na, unit, entry))
				continue;
			err = acc_start(w, ch[2 * e]);
			if (!err)
				err = units_resolve(w, na, unit, entry, df);
			if (!err && w->premises.n == 1) {
				unit[e] = ch[2 * e];
			} else if (!err) {
				unit[e] = w->next_id++;
				w->s->st.split_steps++;
				err = walk_emit(w, unit[e]);
				if (!err)
					err = pool_record(w, unit[e]);
			}
			for (i = 0; i < w->acc.n; i++)
				w->copies[w->acc.a[i]] = 0;
			left--;
		}
		if (!err && left == before)
			err = -E2BIG; /* entries wait on each other */
	}
	if (!err)
		err = acc_start(w, ch[0]);
	if (!err)
		err = units_resolve(w, UINT32_MAX, unit, entry, df);
	if (!err && df && w->copies[def.d]) {
		/* d back to F: (NOT d OR F) */
		pos[0] = SAT_NOT(def.d);
		memcpy(pos + 1, def.f, def.nf * sizeof(*pos));
		err = def_clause(w, df, BCF_SAT_DEF_POS, 0, pos, def.nf + 1, &def.pos);
		if (!err)
			err = resolve_copies(w, def.pos, def.d, pos, def.nf + 1, w->copies[def.d],
					     -E2BIG);
	}
	if (!err)
		err = walk_emit(w, n);
	if (!err)
		err = pool_record(w, n);
	for (i = 0; i < w->acc.n; i++)
		w->copies[w->acc.a[i]] = 0;
out:
	/* leave the tables zero for the next call */
	for (e = 1; entry && e < nch; e++)
		entry[ch[2 * e + 1]] = 0;
	for (i = 0; df && def.at && i < def.nf; i++)
		def.at[def.f[i]] = 0;
	free(unit);
	free(def.neg);
	free(pos);
	return err;
}

/*
 * Walk node n; when its chain cannot stay within a step's limits (-E2BIG:
 * typically a long clause whose inlined units bring their reasons into the
 * accumulated clause), the units inlined into it become steps of their own
 * (each resolves one literal away without adding any) and the chain is
 * walked again.  Steps a failed attempt emitted are unused (the proof is
 * trimmed to what the last step needs).
 */
static int walk_node_split(struct walk *w, uint32_t n)
{
	const struct bcf_sat *s = w->s;
	const uint32_t *ch;
	uint32_t e, nch;
	bool changed = false;
	int err = walk_node(w, n);

	if (err != -E2BIG)
		return err;
	memset(w->copies, 0, w->nlits * sizeof(*w->copies));
	w->acc.n = w->premises.n = w->pivots.n = 0;
	ch = node_chain(s, n);
	nch = s->p_nchain.a[n];
	for (e = 1; e < nch; e++) {
		uint32_t R = ch[2 * e];

		if (!w->inlined[R])
			continue;
		w->inlined[R] = 0;
		changed = true;
		err = walk_node_split(w, R);
		if (err)
			return err;
	}
	return changed ? walk_node_split(w, n) : walk_units(w, n);
}

/*
 * -E2BIG at once when a needed clause is itself longer than a step allows
 * (a learned clause of 393 literals, say): no schedule can emit it, and
 * walking the other nodes first (walk_units on hundreds of chains) would
 * only spend the time limit before failing the same way.
 */
static int needed_fit(const struct walk *w, const uint8_t *needed)
{
	const struct bcf_sat *s = w->s;
	uint32_t n;

	for (n = 0; n <= s->empty_node; n++)
		if (needed[n] && s->p_nlits.a[n] > w->max_lits)
			return -E2BIG;
	return 0;
}

/* Walk the needed nodes in id order (inlined units are walked by their user). */
static int walk_all(struct walk *w, const uint8_t *needed)
{
	struct bcf_sat *s = w->s;
	uint32_t n;
	int err = 0;

	for (n = 0; n <= s->empty_node && !err; n++) {
		if (!needed[n] || w->inlined[n])
			continue;
		if (sat_timed_out(w->s))
			return -ETIME;
		if (!s->p_nchain.a[n]) {
			struct bcf_sat_step st = { .id = n, .input = true };

			st.lits = s->p_lits.a + s->p_lit_off.a[n];
			st.nlits = s->p_nlits.a[n];
			s->st.trimmed_inputs++;
			err = w->fn(w->ctx, &st);
		} else {
			err = walk_node_split(w, n);
		}
	}
	return err;
}

int bcf_sat__proof_walk(struct bcf_sat *s, const struct bcf_sat_walk_opts *opts,
			bcf_sat_walk_fn fn, void *ctx)
{
	struct walk w = {
		.s = s, .fn = fn, .ctx = ctx, .max_pivots = 247, .max_lits = 255,
		.repeat_max = 2, .repeat_budget = 4,
	};
	uint32_t N = s->p_nlits.n;
	uint8_t *needed = NULL;
	int err;

	if (!s->opts.proof || s->result != BCF_SAT_UNSAT || s->empty_node >= N)
		return -EINVAL;
	if (opts && opts->max_pivots)
		w.max_pivots = opts->max_pivots;
	if (opts && opts->max_lits)
		w.max_lits = opts->max_lits < 2 ? 2 : opts->max_lits;
	w.wide_ok = opts && opts->wide;
	needed = calloc(N, 1);
	err = needed ? walk_alloc(&w, N) : -ENOMEM;
	if (!err)
		err = mark_needed(s, needed);
	if (!err)
		err = needed_fit(&w, needed);
	if (!err) {
		s->st.trimmed_inputs = s->st.trimmed_derived = s->st.trimmed_premises = 0;
		s->st.split_steps = s->st.factoring_steps = s->st.est_words = 0;
		err = plan_inline(&w, needed);
		w.next_id = N;
	}
	if (!err)
		err = walk_all(&w, needed);
	free(needed);
	walk_free(&w);
	return err;
}
