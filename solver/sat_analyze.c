// SPDX-License-Identifier: MIT
/*
 * Conflict analysis (solver/sat_int.h): first-UIP learning, recursive
 * minimisation, and with proof logging the resolution chain of the learned
 * clause in s->chain: the conflict clause, the reasons resolved on the way
 * to the UIP, the reasons of the literals minimisation removed (latest
 * first), then one level-0 unit per level-0 literal met.
 */
#include "solver/sat_int.h"

static inline uint32_t abstract_level(const struct bcf_sat *s, uint32_t v)
{
	return 1u << (s->var[v].level & 31);
}

static int chain_add(struct bcf_sat *s, uint32_t node, sat_lit pivot)
{
	if (u32_push(&s->chain, node) || u32_push(&s->chain, pivot)) {
		s->error = -ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

/* Note a level-0 literal (false) met in a clause of the derivation. */
static void note_level0(struct bcf_sat *s, sat_lit q)
{
	struct sat_var *x = var_of(s, q);

	if (!s->opts.proof || (x->flags & VF_LEVEL0))
		return;
	BCF_ASSERT(!x->level && lval(s, q) == -1);
	x->flags |= VF_LEVEL0;
	if (u32_push(&s->lvl0, q))
		s->error = -ENOMEM;
}

/*
 * Phase 1: resolve from confl back to the first unique implication point.
 * Leaves the literals below the current level in s->learnt[1..] (slot 0 is
 * the asserting literal's), marks every analysed variable VF_SEEN, and
 * returns the UIP literal p (true on the trail).
 */
static sat_lit first_uip(struct bcf_sat *s, struct clause *confl)
{
	uint32_t path = 0, idx = s->trail.n, i;
	sat_lit p = 0;

	if (s->opts.proof)
		chain_add(s, confl->node, 0);
	for (;;) {
		if (confl->learnt)
			sat_clause_bump(s, confl);
		for (i = p ? 1 : 0; i < confl->size; i++) {
			sat_lit q = confl->lits[i];
			struct sat_var *x = var_of(s, q);

			BCF_ASSERT(lval(s, q) == -1);
			if (x->flags & VF_SEEN)
				continue;
			if (!x->level) {
				note_level0(s, q);
				continue;
			}
			x->flags |= VF_SEEN;
			sat_var_bump(s, SAT_VAR(q));
			if (x->level >= dlevel(s))
				path++;
			else if (u32_push(&s->learnt, q))
				s->error = -ENOMEM;
		}
		while (!(var_of(s, s->trail.a[--idx])->flags & VF_SEEN))
			;
		p = s->trail.a[idx];
		BCF_ASSERT(var_of(s, p)->level == dlevel(s));
		confl = var_of(s, p)->reason;
		var_of(s, p)->flags &= ~VF_SEEN;
		if (--path == 0)
			break;
		/* resolve on var(p): the accumulated clause holds NOT p */
		if (s->opts.proof)
			chain_add(s, confl->node, SAT_NOT(p));
		/* reason clauses keep the implied literal first */
		if (confl->lits[0] != p) {
			s->error = -EPROTO;
			break;
		}
	}
	return p;
}

/* Whether p (in the learned clause) is implied by the others (DFS over reasons). */
static bool lit_redundant(struct bcf_sat *s, sat_lit p, uint32_t abs_levels)
{
	uint32_t top = s->toclear.n;

	s->stack.n = 0;
	if (u32_push(&s->stack, p))
		return false;
	while (s->stack.n) {
		sat_lit q = s->stack.a[--s->stack.n];
		struct clause *c = var_of(s, q)->reason;
		uint32_t i;

		for (i = 1; i < c->size; i++) {
			sat_lit l = c->lits[i];
			struct sat_var *x = var_of(s, l);

			if ((x->flags & VF_SEEN) || !x->level)
				continue;
			if (x->reason && (abstract_level(s, SAT_VAR(l)) & abs_levels)) {
				x->flags |= VF_SEEN;
				if (u32_push(&s->stack, l) || u32_push(&s->toclear, l)) {
					s->error = -ENOMEM;
					return false;
				}
			} else {
				for (i = top; i < s->toclear.n; i++)
					var_of(s, s->toclear.a[i])->flags &= ~VF_SEEN;
				s->toclear.n = top;
				return false;
			}
		}
	}
	return true;
}

/*
 * Phase 2: drop the literals of s->learnt implied by the others (when
 * minimising).  s->toclear gets every variable marked VF_SEEN; with proof
 * logging the learned literals are marked VF_IN_ACC.  Returns the size of
 * the accumulated clause before minimisation.
 */
/*
 * Learned clauses longer than this are minimised even with proof logging
 * (where minimisation is off by default): a clause of the proof has at most
 * 255 literals (spec rules-bool.md 6.5), and shorter clauses keep the
 * resolutions that use them within that limit too.
 */
#define SAT_LONG_CLAUSE 200

static uint32_t minimize(struct bcf_sat *s)
{
	uint32_t i, j, abs_levels = 0, nacc = s->learnt.n;
	bool on = s->minimize || s->learnt.n > SAT_LONG_CLAUSE;

	s->toclear.n = 0;
	for (i = 0; i < s->learnt.n; i++)
		if (u32_push(&s->toclear, s->learnt.a[i]))
			s->error = -ENOMEM;
	for (i = 1; i < s->learnt.n; i++)
		abs_levels |= abstract_level(s, SAT_VAR(s->learnt.a[i]));
	if (s->opts.proof)
		for (i = 0; i < s->learnt.n; i++)
			var_of(s, s->learnt.a[i])->flags |= VF_IN_ACC;
	for (i = j = 1; i < s->learnt.n; i++) {
		sat_lit l = s->learnt.a[i];

		if (!on || !var_of(s, l)->reason || !lit_redundant(s, l, abs_levels))
			s->learnt.a[j++] = l;
	}
	s->st.minimized_lits += s->learnt.n - j;
	s->learnt.n = j;
	return nacc;
}

static int cmp_trail_desc(const void *a, const void *b, void *ctx)
{
	const struct bcf_sat *s = ctx;
	uint32_t x = s->var[*(const uint32_t *)a].trail_pos;
	uint32_t y = s->var[*(const uint32_t *)b].trail_pos;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The variables minimisation removed (marked, not learned) into s->mvars, latest first. */
static void removed_vars(struct bcf_sat *s)
{
	uint32_t i;

	s->mvars.n = 0;
	for (i = 0; i < s->toclear.n; i++)
		var_of(s, s->toclear.a[i])->flags |= VF_REMOVED;
	for (i = 0; i < s->learnt.n; i++)
		var_of(s, s->learnt.a[i])->flags &= ~VF_REMOVED;
	for (i = 0; i < s->toclear.n; i++) {
		struct sat_var *x = var_of(s, s->toclear.a[i]);

		if (x->flags & VF_REMOVED) {
			x->flags &= ~VF_REMOVED;
			if (u32_push(&s->mvars, SAT_VAR(s->toclear.a[i])))
				s->error = -ENOMEM;
		}
	}
	if (s->mvars.n > 1)
		qsort_r(s->mvars.a, s->mvars.n, sizeof(uint32_t), cmp_trail_desc, s);
}

/*
 * Phase 3 (proof): resolve the removed literals away with their reasons,
 * latest first, tracking the accumulated clause by VF_IN_ACC (nacc
 * literals); it must end equal to the learned clause.
 */
static void chain_minimized(struct bcf_sat *s, uint32_t nacc)
{
	uint32_t i, k;

	removed_vars(s);
	for (i = 0; i < s->mvars.n; i++) {
		struct sat_var *x = &s->var[s->mvars.a[i]];
		struct clause *r = x->reason;

		if (!(x->flags & VF_IN_ACC))
			continue;
		/* the accumulated clause holds the false literal of v */
		chain_add(s, r->node, SAT_NOT(r->lits[0]));
		x->flags &= ~VF_IN_ACC;
		nacc--;
		for (k = 1; k < r->size; k++) {
			struct sat_var *y = var_of(s, r->lits[k]);

			if (!y->level)
				note_level0(s, r->lits[k]);
			else if (!(y->flags & VF_IN_ACC)) {
				y->flags |= VF_IN_ACC;
				nacc++;
			}
		}
	}
	for (i = 0; i < s->learnt.n; i++)
		if (!(var_of(s, s->learnt.a[i])->flags & VF_IN_ACC))
			s->error = -EPROTO;
	if (nacc != s->learnt.n)
		s->error = -EPROTO;
	for (i = 0; i < s->toclear.n; i++)
		var_of(s, s->toclear.a[i])->flags &= ~VF_IN_ACC;
}

/* Phase 4 (proof): resolve every level-0 literal met against its unit. */
static void chain_level0(struct bcf_sat *s)
{
	uint32_t i;

	for (i = 0; i < s->lvl0.n; i++) {
		sat_lit q = s->lvl0.a[i];

		var_of(s, q)->flags &= ~VF_LEVEL0;
		BCF_ASSERT(var_of(s, q)->unit_node != NO_NODE);
		chain_add(s, var_of(s, q)->unit_node, q);
	}
}

/* Phase 5: the backtrack level, the highest among the rest; its literal goes second. */
static uint32_t backjump_level(struct bcf_sat *s)
{
	uint32_t i, m = 1;
	sat_lit p;

	if (s->learnt.n <= 1)
		return 0;
	for (i = 2; i < s->learnt.n; i++)
		if (var_of(s, s->learnt.a[i])->level > var_of(s, s->learnt.a[m])->level)
			m = i;
	p = s->learnt.a[m];
	s->learnt.a[m] = s->learnt.a[1];
	s->learnt.a[1] = p;
	BCF_ASSERT(var_of(s, p)->level < dlevel(s));
	return var_of(s, p)->level;
}

/*
 * First-UIP analysis of confl at level > 0.  Leaves the learned clause in
 * s->learnt (asserting literal first), the backtrack level in *bt, and
 * with logging the derivation in s->chain.
 */
void sat_analyze(struct bcf_sat *s, struct clause *confl, uint32_t *bt)
{
	uint32_t i, nacc;

	BCF_ASSERT(dlevel(s) > 0);
	*bt = 0;
	s->learnt.n = 0;
	s->chain.n = 0;
	s->lvl0.n = 0;
	if (u32_push(&s->learnt, 0)) { /* slot for the asserting literal */
		s->error = -ENOMEM;
		return;
	}
	s->learnt.a[0] = SAT_NOT(first_uip(s, confl));
	nacc = minimize(s);
	if (s->opts.proof)
		chain_minimized(s, nacc);
	sat_shrink(s);
	if (s->opts.proof)
		chain_level0(s);
	for (i = 0; i < s->toclear.n; i++)
		var_of(s, s->toclear.a[i])->flags &= ~VF_SEEN;
	*bt = backjump_level(s);
}

/* Conflict at level 0: derive the empty clause from confl and the units. */
void sat_final_conflict(struct bcf_sat *s, struct clause *confl)
{
	uint32_t i;

	if (!s->opts.proof)
		return;
	s->chain.n = 0;
	chain_add(s, confl->node, 0);
	for (i = 0; i < confl->size; i++)
		chain_add(s, var_of(s, confl->lits[i])->unit_node, confl->lits[i]);
	s->empty_node = sat_proof_node(s, NULL, 0, s->chain.a, s->chain.n / 2);
}
