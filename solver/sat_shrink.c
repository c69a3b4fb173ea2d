// SPDX-License-Identifier: MIT
/*
 * Shrinking a long learned clause level by level (solver/sat_int.h), after
 * the idea of all-UIP learning (Feng and Bacchus, SAT 2020): the literals
 * of one lower decision level are replaced by that level's unique
 * implication point when the reasons resolved on the way bring fewer new
 * literals of the levels below than they remove.
 *
 * Why: a learned clause of a proof has at most 255 literals (spec
 * rules-bool.md 3.1), and first-UIP learning keeps every literal of the
 * lower levels as it met them.  Where word equalities hold only in some
 * case (two processors' registers compared through extract/concat
 * equalities under ite conditions), a conflict on the carries of bit k
 * learned the equality of every bit below k along every equality hop: 10
 * hops a bit gave clauses of 260 literals at 32 bits, and the proof could
 * not be written.  Each such literal is implied, at its level, by the
 * case decided there: the level's UIP stands for all of them.
 *
 * With proof logging the resolutions go to s->chain after minimisation's,
 * in the same form (reason node, the pivot's literal in the accumulated
 * clause), latest on the trail first, so the chain still derives the
 * learned clause exactly.
 */
#include "solver/sat_int.h"

/*
 * By default only clauses longer than this are shrunk (bcf_sat_opts.shrink_min
 * overrides it): shorter ones stay first-UIP.  With 100, 7 shared vectors'
 * proofs changed, 5 of them larger by 1-35%; with 200 none did.
 */
#define SAT_SHRINK_MIN 200

static int grow_marks(struct bcf_sat *s)
{
	if (s->smark.n > s->nvars)
		return 0;
	if (sat_u32_reserve(&s->smark, s->nvars + 1))
		return -ENOMEM;
	while (s->smark.n <= s->nvars)
		s->smark.a[s->smark.n++] = 0;
	return 0;
}

static uint32_t next_gen(struct bcf_sat *s)
{
	return ++s->sgen; /* sat_shrink keeps it from wrapping */
}

static uint32_t level_end(const struct bcf_sat *s, uint32_t level)
{
	return level < dlevel(s) ? s->trail_lim.a[level] : s->trail.n;
}

/*
 * Resolve the level's literals of the learned clause back to its UIP.
 * Dry run (commit false): returns how many literals of lower levels the
 * reasons bring that the clause lacks, or UINT32_MAX when that reaches
 * limit.  Commit: edits s->learnt and logs the chain; in_clause marks
 * (gen_in) say which variables the clause holds.
 */
static uint32_t to_uip(struct bcf_sat *s, uint32_t level, uint32_t count, uint32_t gen_in,
		       bool commit, uint32_t limit)
{
	uint32_t gen = next_gen(s), path = count, fresh = 0, idx, i, j;
	uint32_t beg = s->trail_lim.a[level - 1];
	sat_lit uip = 0;

	for (i = 1; i < s->learnt.n; i++)
		if (var_of(s, s->learnt.a[i])->level == level)
			s->smark.a[SAT_VAR(s->learnt.a[i])] = gen;
	for (idx = level_end(s, level); idx-- > beg;) {
		sat_lit p = s->trail.a[idx];
		struct sat_var *x = var_of(s, p);
		struct clause *r = x->reason;
		uint32_t k;

		if (s->smark.a[SAT_VAR(p)] != gen)
			continue;
		if (path == 1) {
			uip = p;
			break;
		}
		if (!r) /* the level's decision with others open: cannot be */
			return commit ? (s->error = -EPROTO, 0) : UINT32_MAX;
		path--;
		if (commit && s->opts.proof && u32_push(&s->chain, r->node) == 0 &&
		    u32_push(&s->chain, SAT_NOT(r->lits[0])))
			s->error = -ENOMEM;
		for (k = 1; k < r->size; k++) {
			sat_lit q = r->lits[k];
			struct sat_var *y = var_of(s, q);
			uint32_t v = SAT_VAR(q);

			if (!y->level) {
				if (commit && s->opts.proof && !(y->flags & VF_LEVEL0)) {
					y->flags |= VF_LEVEL0;
					if (u32_push(&s->lvl0, q))
						s->error = -ENOMEM;
				}
				continue;
			}
			if (s->smark.a[v] == gen)
				continue;
			if (y->level == level) {
				s->smark.a[v] = gen;
				path++;
				continue;
			}
			if (s->smark.a[v] == gen_in)
				continue; /* in the clause already */
			if (!commit) {
				s->smark.a[v] = gen;
				if (++fresh >= limit)
					return UINT32_MAX;
				continue;
			}
			s->smark.a[v] = gen_in;
			if (u32_push(&s->learnt, q))
				s->error = -ENOMEM;
			fresh++;
		}
	}
	if (!commit)
		return fresh;
	/* the level's literals give way to NOT uip */
	for (i = j = 1; i < s->learnt.n; i++)
		if (var_of(s, s->learnt.a[i])->level != level)
			s->learnt.a[j++] = s->learnt.a[i];
	s->learnt.n = j;
	if (u32_push(&s->learnt, SAT_NOT(uip)))
		s->error = -ENOMEM;
	s->smark.a[SAT_VAR(uip)] = gen_in;
	return fresh;
}

static int cmp_u32_desc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

void sat_shrink(struct bcf_sat *s)
{
	uint32_t min = s->opts.shrink_min ? s->opts.shrink_min : SAT_SHRINK_MIN;
	uint32_t i, gen_in, nlev = 0, *lev;

	if (s->learnt.n <= min || grow_marks(s))
		return;
	/* one generation per level and one for the clause: no wrap inside */
	if (s->sgen > UINT32_MAX - 2 * s->learnt.n - 2) {
		memset(s->smark.a, 0, s->smark.n * sizeof(*s->smark.a));
		s->sgen = 0;
	}
	/* the distinct levels below the conflict's, highest first (s->stack is free here) */
	s->stack.n = 0;
	for (i = 1; i < s->learnt.n; i++)
		if (u32_push(&s->stack, var_of(s, s->learnt.a[i])->level)) {
			s->error = -ENOMEM;
			return;
		}
	qsort(s->stack.a, s->stack.n, sizeof(uint32_t), cmp_u32_desc);
	lev = s->stack.a;
	for (i = 0; i < s->stack.n; i++)
		if (!nlev || lev[nlev - 1] != lev[i])
			lev[nlev++] = lev[i];
	gen_in = next_gen(s);
	for (i = 1; i < s->learnt.n; i++)
		s->smark.a[SAT_VAR(s->learnt.a[i])] = gen_in;
	/*
	 * A level's reasons only hold literals of that level and below, so the
	 * levels go highest first; new literals of a lower level are counted
	 * when its turn comes.  gen_in must outlive the per-level marks: the
	 * per-level generations come after it and are never equal to it.
	 */
	for (i = 0; i < nlev && !s->error; i++) {
		uint32_t level = lev[i], count = 0, k, fresh;

		for (k = 1; k < s->learnt.n; k++)
			count += var_of(s, s->learnt.a[k])->level == level;
		if (count < 2)
			continue;
		fresh = to_uip(s, level, count, gen_in, false, count - 1);
		if (fresh == UINT32_MAX || 1 + fresh >= count)
			continue;
		to_uip(s, level, count, gen_in, true, 0);
		s->st.shrunk_lits += count - 1 - fresh;
	}
}
