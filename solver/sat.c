// SPDX-License-Identifier: MIT
/*
 * CDCL SAT solver with resolution proof logging; see solver/sat.h, and
 * solver/sat_int.h for how the solver is split over its files.  This file:
 * the solver state, the public API, the proof store and loading the input
 * clauses.
 *
 * Proof: nodes 0..ninputs-1 are the input clauses.  Derived nodes record a
 * chain (premise 0, then (premise, pivot) pairs); the pivot is the literal
 * as it occurs in the accumulated clause.  A literal fixed at decision
 * level 0 gets its own unit node, so a learned clause's chain ends with
 * one resolution per level-0 literal against that unit (order-free).
 */
#include <time.h>

#include "solver/sat_int.h"
#include "lang/clock.h"

int sat_u32_reserve(struct u32vec *v, uint32_t need)
{
	if (need > (1u << 31))
		return -ENOMEM;
	return bcf__grow_from((void **)&v->a, &v->cap, need, sizeof(*v->a), 8);
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
	s->q_time = 1ull << 40; /* room below for sat_q_prepend */
	s->empty_node = NO_NODE;
	return s;
}

static void free_clauses(struct bcf_sat *s)
{
	uint32_t i;

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
}

static void free_vecs(struct bcf_sat *s)
{
	struct u32vec *vecs[] = {
		&s->bumped, &s->heap, &s->trail, &s->trail_lim, &s->in_lits, &s->in_off,
		&s->learnt, &s->toclear, &s->stack, &s->chain, &s->lvl0, &s->mvars,
		&s->p_lits, &s->p_lit_off, &s->p_nlits, &s->p_chain, &s->p_chain_off,
		&s->p_nchain, &s->prefer, &s->late, &s->in_owner, &s->phases, &s->smark,
	};
	size_t i;

	for (i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++)
		u32_free(vecs[i]);
}

int bcf_sat__prefer(struct bcf_sat *s, sat_lit l)
{
	if (SAT_VAR(l) < 1 || SAT_VAR(l) > s->nvars)
		return -EINVAL;
	if (!s->var[SAT_VAR(l)].pref)
		s->var[SAT_VAR(l)].pref = s->prefer.n + 1;
	return u32_push(&s->prefer, l);
}

uint32_t bcf_sat__npreferred(const struct bcf_sat *s)
{
	return s->prefer.n;
}

void bcf_sat__free(struct bcf_sat *s)
{
	if (!s)
		return;
	free_clauses(s);
	free_vecs(s);
	sat_window_free(s);
	free(s->var);
	free(s->val);
	free(s->lvl_stamp);
	free(s);
}

/* Room for variables 0..need-1 (arrays by literal: twice that; new entries zeroed). */
static int grow_vars(struct bcf_sat *s, uint32_t need)
{
	if (bcf__grow_from((void **)&s->val, &s->val_cap, 2 * (size_t)need, sizeof(*s->val), 128) ||
	    bcf__grow_from((void **)&s->watches, &s->watches_cap, 2 * (size_t)need,
			   sizeof(*s->watches), 128) ||
	    bcf__grow_from((void **)&s->var, &s->var_cap, need, sizeof(*s->var), 64) ||
	    bcf__grow_from((void **)&s->lvl_stamp, &s->lvl_cap, need, sizeof(*s->lvl_stamp), 64))
		return -ENOMEM;
	return 0;
}

uint32_t bcf_sat__new_var(struct bcf_sat *s)
{
	uint32_t v = s->nvars + 1;

	if (s->solved || v >= (1u << 30))
		return 0;
	if (v + 1 > s->var_cap && grow_vars(s, v + 1))
		return 0;
	s->var[v] = (struct sat_var){
		.phase = 1, /* first try the negative literal */
		.unit_node = NO_NODE,
		.heap_pos = UINT32_MAX,
	};
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
	if (s->late_on && n == 1 && u32_push(&s->late, s->in_off.n))
		return -ENOMEM;
	if ((s->owner || s->in_owner.n) && u32_push_fill(&s->in_owner, s->in_off.n, s->owner))
		return -ENOMEM;
	if (u32_push(&s->in_off, s->in_lits.n) || sat_u32_reserve(&s->in_lits, s->in_lits.n + n))
		return -ENOMEM;
	if (n)
		memcpy(s->in_lits.a + s->in_lits.n, lits, n * sizeof(*lits));
	s->in_lits.n += n;
	if (node)
		*node = s->in_off.n - 1;
	return 0;
}

void bcf_sat__late(struct bcf_sat *s, bool on)
{
	s->late_on = on && s->opts.prefer_root && !s->solved;
}

bool bcf_sat__value(const struct bcf_sat *s, uint32_t var)
{
	if (var < 1 || var > s->nvars || s->result != BCF_SAT_SAT)
		return false;
	return s->val[SAT_LIT(var, 0)] == 1;
}

/* ---- proof store ---------------------------------------------------------- */

/* A new proof node with its clause and chain; its id, or NO_NODE. */
uint32_t sat_proof_node(struct bcf_sat *s, const sat_lit *lits, uint32_t n,
			const uint32_t *chain, uint32_t nchain)
{
	uint32_t id = s->p_nlits.n, e;

	if (!s->opts.proof)
		return NO_NODE;
	/* a chain only uses earlier nodes: the walk relies on it */
	for (e = 0; BCF_ASSERTS_ON && e < nchain; e++)
		BCF_ASSERT(chain[2 * e] < id);
	BCF_ASSERT(s->p_lit_off.n == id && s->p_chain_off.n == id && s->p_nchain.n == id);
	if (u32_push(&s->p_lit_off, s->p_lits.n) || u32_push(&s->p_nlits, n) ||
	    u32_push(&s->p_chain_off, s->p_chain.n) || u32_push(&s->p_nchain, nchain) ||
	    sat_u32_reserve(&s->p_lits, s->p_lits.n + n) ||
	    sat_u32_reserve(&s->p_chain, s->p_chain.n + 2 * nchain)) {
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

/* ---- loading the input clauses ------------------------------------------- */

/*
 * Input clause i without duplicate literals into out (first occurrences,
 * in order); *dup if it had any, *taut if it holds a literal and its
 * negation.
 */
static int dedup_input(struct bcf_sat *s, uint32_t i, struct u32vec *out, bool *dup, bool *taut)
{
	uint32_t n = s->in_off.n, k, beg = s->in_off.a[i];
	uint32_t end = i + 1 < n ? s->in_off.a[i + 1] : s->in_lits.n;
	int err = 0;

	*dup = *taut = false;
	out->n = 0;
	for (k = beg; k < end; k++) {
		sat_lit l = s->in_lits.a[k];
		struct sat_var *x = var_of(s, l);
		uint8_t bit = SAT_NEG(l) ? VF_NEG : VF_POS, other = SAT_NEG(l) ? VF_POS : VF_NEG;

		if (x->flags & bit) {
			*dup = true;
			continue;
		}
		if (x->flags & other)
			*taut = true;
		x->flags |= bit;
		if (u32_push(out, l)) {
			err = -ENOMEM;
			break;
		}
	}
	for (k = 0; k < out->n; k++)
		var_of(s, out->a[k])->flags &= ~(VF_POS | VF_NEG);
	return err;
}

/* A unit input clause [l] with proof node node; UNSAT when l is false. */
static enum bcf_sat_result load_unit(struct bcf_sat *s, sat_lit l, uint32_t node)
{
	if (lval(s, l) == 1)
		return BCF_SAT_UNKNOWN;
	if (lval(s, l) == -1) {
		uint32_t ch[4] = { node, 0, var_of(s, l)->unit_node, l };

		if (s->opts.proof)
			s->empty_node = sat_proof_node(s, NULL, 0, ch, 2);
		return BCF_SAT_UNSAT;
	}
	sat_assign(s, l, NULL);
	var_of(s, l)->unit_node = node;
	return BCF_SAT_UNKNOWN;
}

static int load_long(struct bcf_sat *s, uint32_t input, const struct u32vec *lits, uint32_t node)
{
	struct clause *c;

	if (bcf__grow_from((void **)&s->origs, &s->origs_cap, s->norigs + 1, sizeof(*s->origs), 64))
		return -ENOMEM;
	c = sat_clause_new(lits->a, lits->n, false, node);
	if (!c)
		return -ENOMEM;
	s->origs[s->norigs++] = c;
	return sat_window_load(s, input, c);
}

/* Load input clause i (dedupe, drop a tautology, attach, enqueue a unit). */
static enum bcf_sat_result load_input(struct bcf_sat *s, uint32_t i, struct u32vec *tmp)
{
	uint32_t node = s->opts.proof ? i : NO_NODE, chain[2] = { i, 0 };
	bool taut, dup;

	if (dedup_input(s, i, tmp, &dup, &taut)) {
		s->error = -ENOMEM;
		return BCF_SAT_UNKNOWN;
	}
	if (taut)
		return BCF_SAT_UNKNOWN;
	if (dup && s->opts.proof)
		node = sat_proof_node(s, tmp->a, tmp->n, chain, 1);
	if (tmp->n == 0) {
		s->empty_node = node;
		return BCF_SAT_UNSAT;
	}
	if (tmp->n == 1)
		return load_unit(s, tmp->a[0], node);
	if (load_long(s, i, tmp, node))
		s->error = -ENOMEM;
	return BCF_SAT_UNKNOWN;
}

enum bcf_sat_result sat_load_late(struct bcf_sat *s)
{
	struct u32vec tmp = { 0 };
	enum bcf_sat_result r = BCF_SAT_UNKNOWN;
	uint32_t k;

	s->late_loaded = true;
	for (k = 0; k < s->late.n && !s->error && r == BCF_SAT_UNKNOWN; k++)
		r = load_input(s, s->late.a[k], &tmp);
	u32_free(&tmp);
	return s->error ? BCF_SAT_UNKNOWN : r;
}

/* Load the input clauses but the late ones (bcf_sat__late). */
static enum bcf_sat_result load_inputs(struct bcf_sat *s)
{
	uint32_t i, k = 0, n = s->in_off.n;
	struct u32vec tmp = { 0 };
	enum bcf_sat_result r = BCF_SAT_UNKNOWN;

	s->ninputs = n;
	for (i = 0; s->opts.proof && i < n; i++) {
		uint32_t end = i + 1 < n ? s->in_off.a[i + 1] : s->in_lits.n;

		sat_proof_node(s, s->in_lits.a + s->in_off.a[i], end - s->in_off.a[i], NULL, 0);
	}
	s->late_loaded = !s->late.n;
	for (i = 0; i < n && !s->error && r == BCF_SAT_UNKNOWN; i++) {
		if (k < s->late.n && s->late.a[k] == i) {
			k++;
			continue; /* sat_load_late() */
		}
		r = load_input(s, i, &tmp);
	}
	u32_free(&tmp);
	return s->error ? BCF_SAT_UNKNOWN : r;
}

/* ---- solving ------------------------------------------------------------- */

/* The initial decision order (a seed perturbs it). */
static int init_order(struct bcf_sat *s)
{
	struct u32vec ord = { 0 };
	uint32_t v;

	for (v = 1; v <= s->nvars; v++) {
		if (s->opts.seed) {
			uint32_t x = (v * 2654435761u) ^ s->opts.seed;

			x ^= x >> 15;
			x *= 2246822519u;
			x ^= x >> 13;
			s->var[v].act = (x & 0xffff) * 1e-9;
		}
		sat_heap_insert(s, v);
	}
	if (!s->vmtf)
		return 0;
	/* VMTF: the initial queue follows the (perturbed) activity order */
	if (sat_u32_reserve(&ord, s->nvars + 1))
		return -ENOMEM;
	while (s->heap.n)
		ord.a[ord.n++] = sat_heap_pop(s);
	while (ord.n)
		sat_q_append(s, ord.a[--ord.n]);
	u32_free(&ord);
	return 0;
}

enum bcf_sat_result bcf_sat__solve(struct bcf_sat *s)
{
	enum bcf_sat_result r;
	bool restart;

	if (s->solved)
		return s->result;
	s->solved = true;
	s->t_start_ms = bcf__mono_ms();
	if (sat_u32_reserve(&s->trail, s->nvars + 1) || sat_u32_reserve(&s->heap, s->nvars + 1) ||
	    init_order(s) || sat_window_init(s)) {
		s->error = -ENOMEM;
		return s->result = BCF_SAT_UNKNOWN;
	}
	r = load_inputs(s);
	if (r != BCF_SAT_UNKNOWN || s->error)
		return s->result = r;
	s->next_reduce = 2000;
	for (;;) {
		r = sat_search(s, &restart);
		if (!restart)
			break;
		s->st.restarts++;
		if (sat_budget_out(s) || sat_timed_out(s)) {
			r = BCF_SAT_UNKNOWN;
			break;
		}
	}
	if (s->error)
		r = BCF_SAT_UNKNOWN;
	else
		sat_check_invariants(s);
	return s->result = r;
}
