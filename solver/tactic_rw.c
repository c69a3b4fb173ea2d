// SPDX-License-Identifier: MIT
/*
 * The tactic's rewriter (solver/tactic_int.h).  tac_rw(t, id) proves
 * (= id id') bottom-up, iteratively (explicit stack):
 *   - a bound subterm becomes its constant (the binding's step);
 *   - a subterm that is ground after substitution is copied with the
 *     constants in place (CONG over the bindings, REFL elsewhere) and
 *     EVALUATEd once, at its top;
 *   - any other node gets CONG over its rewritten arguments, then a local
 *     fold: EVALUATE when every argument is a constant, ABSORB for bvand
 *     with #0 / bvor with all-ones, a table rewrite
 *     for trivial atoms (bvult x #0, x = x, ...) or to an equality with
 *     zero (bvule x #0, bvult x #1, bvult #0 x), ABSORB for a conjunction
 *     holding false / a disjunction holding true, ITE on a constant
 *     condition, POLY_NORM for a sum or product that is a constant.
 * In canonical mode (second pass) every ground subterm is EVALUATEd and
 * comparisons are normalised to bvult/bvslt (REWRITE 87-92), so that
 * atoms written differently meet as one hash-consed node.
 * No pointer into the arena is kept across a step or a node creation.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lang/grow.h"
#include "solver/tactic_int.h"

#define NONE (-1)

int tac_grow(struct tac *t)
{
	uint32_t n;

	bcf_arena__words(t->a, &n);
	return bcf__grow_from((void **)&t->slot, &t->nslot, n, sizeof(*t->slot), 4096);
}

static struct tac_slot *slot(struct tac *t, uint32_t id)
{
	if (id >= t->nslot && tac_grow(t))
		return NULL;
	return id < t->nslot ? &t->slot[id] : NULL;
}

struct tac_slot *tac_slot(struct tac *t, uint32_t id)
{
	return slot(t, id);
}

bool tac_bound(struct tac *t, uint32_t id)
{
	struct tac_slot *s = slot(t, id);

	return s && s->bind;
}

int tac_bind(struct tac *t, uint32_t id, int s)
{
	struct tac_slot *sl = slot(t, id);

	if (!sl)
		return -ENOMEM;
	sl->bind = s + 1;
	t->gen++;
	return 0;
}

int tac_unbind(struct tac *t, uint32_t id)
{
	struct tac_slot *sl = slot(t, id);
	int v = sl ? sl->bind : 0;

	if (sl && v) {
		sl->bind = 0;
		t->gen++;
	}
	return v;
}

void tac_rebind(struct tac *t, uint32_t id, int saved)
{
	struct tac_slot *sl = slot(t, id);

	if (sl && saved) {
		sl->bind = saved;
		t->gen++;
	}
}

static uint32_t rhs(struct tac *t, int s)
{
	return tac_expr(t, pbuild_fact(t->b, s))->args[1];
}

static bool is_const_code(uint8_t c)
{
	return c == BCF_BV_VAL || c == BCF_BOOL_VAL;
}

static bool is_zero(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);

	return e->code == BCF_BV_VAL && bcf_expr__width(e) <= 64 && bcf_expr__bv_value(e) == 0;
}

static bool is_one(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);

	return e->code == BCF_BV_VAL && bcf_expr__width(e) <= 64 && bcf_expr__bv_value(e) == 1;
}

/* explicit walk stack: (id, stage) pairs */
struct stk {
	uint32_t *v;
	size_t n, cap;
};

static int push(struct stk *k, uint32_t id, uint32_t stage)
{
	if (bcf__grow((void **)&k->v, &k->cap, k->n + 2, sizeof(*k->v)))
		return -ENOMEM;
	k->v[k->n++] = id;
	k->v[k->n++] = stage;
	return 0;
}

/*
 * The walks below (flags, substitution, rewriting) visit the DAG under a
 * root in post order, each node once per generation of bindings (the slot
 * field at `gen` marks it current).  `pre` either decides a node without
 * its arguments (WALK_DONE) or asks for them first (WALK_ARGS); `post`
 * then combines their results.  Both store the result in the node's slot
 * themselves.  Every visit counts against TAC_MAX_WORK.
 */
enum { WALK_ARGS = 0, WALK_DONE = 1 };

struct walker {
	size_t gen; /* offsetof() the generation field in struct tac_slot */
	int (*pre)(struct tac *t, uint32_t id);
	int (*post)(struct tac *t, uint32_t id);
};

static uint32_t *walk_gen(struct tac_slot *sl, const struct walker *w)
{
	return (uint32_t *)((char *)sl + w->gen);
}

static int walk(struct tac *t, const struct walker *w, uint32_t root)
{
	struct stk sk = { 0 };
	int err = push(&sk, root, 0);

	while (!err && sk.n) {
		uint32_t id = sk.v[sk.n - 2], st = sk.v[sk.n - 1];
		struct tac_slot *sl = slot(t, id);
		unsigned k, n;

		if (!sl) {
			err = -ENOMEM;
			break;
		}
		if (*walk_gen(sl, w) == t->gen) {
			sk.n -= 2;
			continue;
		}
		if (++t->work > TAC_MAX_WORK) {
			err = -ETIME;
			break;
		}
		err = st ? w->post(t, id) : w->pre(t, id);
		if (err < 0)
			break;
		if (!st && err == WALK_ARGS) {
			sk.v[sk.n - 1] = 1;
			n = tac_expr(t, id)->vlen;
			for (k = 0; k < n && !err; k++) {
				uint32_t c = tac_expr(t, id)->args[k];
				struct tac_slot *cs = slot(t, c);

				if (!cs)
					err = -ENOMEM;
				else if (*walk_gen(cs, w) != t->gen)
					err = push(&sk, c, 0);
			}
			continue;
		}
		err = 0;
		sl = slot(t, id);
		if (!sl) {
			err = -ENOMEM;
			break;
		}
		*walk_gen(sl, w) = t->gen;
		sk.n -= 2;
	}
	free(sk.v);
	return err;
}

static int refl(struct tac *t, uint32_t id)
{
	struct tac_slot *sl = slot(t, id);
	int s;

	if (!sl)
		return -ENOMEM;
	if (sl->refl)
		return sl->refl - 1;
	s = pb_refl(t->b, id);
	if (s < 0)
		return s;
	sl = slot(t, id);
	if (!sl)
		return -ENOMEM;
	sl->refl = s + 1;
	return s;
}

static int trans(struct tac *t, int a, int b)
{
	int s[2] = { a, b };

	if (a == TAC_SAME)
		return b;
	if (b == TAC_SAME)
		return a;
	return pb_trans(t->b, s, 2);
}

/* EVALUATE's stack: open nodes plus evaluated sibling values (spec rules-core 3.2) */
#define EVAL_FRAMES 192

static bool op_evaluable(const struct bcf_expr *e)
{
	switch (e->code) {
	case BCF_BV_NOT:
	case BCF_BV_REPEAT:
	case BCF_BV_SDIV:
	case BCF_BV_SMOD:
	case BCF_LIST_VAL:
	case BCF_BV_VAR:
	case BCF_BOOL_VAR:
		return false;
	default:
		return !bcf_is_bv(e) || bcf_expr__width(e) <= 64;
	}
}

/* TF_* flags of every node below id for the current generation. */
static int flags_pre(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);
	struct tac_slot *sl = slot(t, id);

	sl->evm = 0;
	if (sl->bind)
		sl->fl = TF_GROUND | TF_EVAL | TF_BOUND;
	else if (is_const_code(e->code) || e->code == BCF_BV_BVSIZE)
		sl->fl = TF_GROUND | TF_EVAL;
	else if (bcf_is_leaf(e))
		sl->fl = 0;
	else
		return WALK_ARGS;
	return WALK_DONE;
}

static int flags_post(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);
	struct tac_slot *sl = slot(t, id);
	uint8_t fl = TF_GROUND | (op_evaluable(e) ? TF_EVAL : 0), any = 0;
	unsigned k, evm = 0;

	for (k = 0; k < e->vlen; k++) {
		const struct tac_slot *cs = &t->slot[e->args[k]];

		fl &= cs->fl;
		any |= cs->fl & TF_BOUND;
		if (k + 1 + cs->evm > evm)
			evm = k + 1 + cs->evm;
	}
	/* the kernel's evaluator holds every open node and every evaluated
	 * sibling value: at most EVAL_FRAMES in all */
	if (evm > EVAL_FRAMES - 1)
		fl &= ~TF_EVAL;
	sl->evm = evm > 255 ? 255 : (uint8_t)evm;
	sl->fl = fl | any;
	return 0;
}

static const struct walker flags_walker = {
	offsetof(struct tac_slot, flgen), flags_pre, flags_post
};

static int flags(struct tac *t, uint32_t root, uint8_t *out)
{
	int err = walk(t, &flags_walker, root);

	if (err)
		return err;
	*out = slot(t, root)->fl;
	return 0;
}

/* CONG of node id over per-argument steps (TAC_SAME = REFL). */
static int cong(struct tac *t, uint32_t id, const int *res)
{
	const struct bcf_expr *e = tac_expr(t, id);
	unsigned n = e->vlen, k;
	uint32_t args[256];
	int prem[256];
	bool any = false;

	memcpy(args, e->args, n * sizeof(*args));
	for (k = 0; k < n; k++)
		if (res[k] != TAC_SAME)
			any = true;
	if (!any)
		return TAC_SAME;
	for (k = 0; k < n; k++) {
		prem[k] = res[k] != TAC_SAME ? res[k] : refl(t, args[k]);
		if (prem[k] < 0)
			return prem[k];
	}
	return pb_cong(t->b, id, prem, n);
}

/* Substitution only: (= id id_s) with every bound subterm replaced. */
static int subst_pre(struct tac *t, uint32_t id)
{
	struct tac_slot *sl = slot(t, id);

	if (sl->bind)
		sl->sb = sl->bind - 1;
	else if (bcf_is_leaf(tac_expr(t, id)))
		sl->sb = TAC_SAME;
	else
		return WALK_ARGS;
	return WALK_DONE;
}

static int subst_post(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);
	int res[256], r;
	unsigned k;

	for (k = 0; k < e->vlen; k++)
		res[k] = t->slot[e->args[k]].sb;
	r = cong(t, id, res);
	if (r < 0)
		return r;
	slot(t, id)->sb = r;
	return 0;
}

static const struct walker subst_walker = {
	offsetof(struct tac_slot, sbgen), subst_pre, subst_post
};

static int subst(struct tac *t, uint32_t root)
{
	int err = walk(t, &subst_walker, root);

	return err ? err : slot(t, root)->sb;
}

static int rewrite2(struct tac *t, unsigned rid, uint32_t x, uint32_t y)
{
	uint32_t v[2] = { x, y };

	return pb_rewrite(t->b, rid, NULL, 0, v, 2);
}

/* REWRITE rid with the variables (x, Int width of x) */
static int rewrite_xw(struct tac *t, unsigned rid, uint32_t x)
{
	uint32_t w;
	int err = pbuild_i32(t->b, bcf_expr__width(tac_expr(t, x)), &w);

	return err ? err : rewrite2(t, rid, x, w);
}

/* (= tp false) or (= tp true) by ABSORB */
static int absorb(struct tac *t, uint32_t tp, uint32_t z)
{
	uint32_t eq, a[2] = { tp, z };
	int err = pbuild_node(t->b, BCF_BOOL_EQ, 0, a, 2, &eq);

	return err ? err : pb_absorb(t->b, eq);
}

/* (= tp c) for a conjunction of true / a disjunction of false (ACI_NORM:
 * every argument is the neutral element) */
static int aci_const(struct tac *t, uint32_t tp, uint32_t c)
{
	uint32_t eq, a[2] = { tp, c };
	int err = pbuild_node(t->b, BCF_BOOL_EQ, 0, a, 2, &eq);

	return err ? err : pb_aci_norm(t->b, eq);
}

/* (= tp #0) for a bvand with an argument #0, (= tp ones) for a bvor with
 * an all-ones argument (ABSORB); NONE otherwise */
static int bv_absorb(struct tac *t, uint32_t tp)
{
	const struct bcf_expr *e = tac_expr(t, tp);
	unsigned w = bcf_expr__width(e), k, n = e->vlen;
	uint8_t code = e->code;
	uint64_t want;
	uint32_t z, words[2];

	if ((code != BCF_BV_AND && code != BCF_BV_OR) || w > 64)
		return NONE;
	want = code == BCF_BV_AND ? 0 : bcf_mask(w);
	for (k = 0; k < n; k++) {
		const struct bcf_expr *ak = tac_expr(t, tac_expr(t, tp)->args[k]);

		if (ak->code == BCF_BV_VAL && bcf_expr__bv_value(ak) == want)
			break;
	}
	if (k == n)
		return NONE;
	words[0] = (uint32_t)want;
	words[1] = (uint32_t)(want >> 32);
	if (pbuild_node(t->b, BCF_BV_VAL, w, words, bcf_val_words(w), &z))
		return -ENOMEM;
	return absorb(t, tp, z);
}

/* (= (distinct x x) false): REWRITE 5, REWRITE 1 under NOT, EVALUATE */
static int distinct_self(struct tac *t, uint32_t tp, uint32_t x)
{
	int s1, s2, s3, s4, ch[3];
	uint32_t nt, tr = pbuild_true(t->b);

	s1 = rewrite2(t, 5, x, x);
	if (s1 < 0)
		return s1;
	{
		uint32_t v = x;

		s2 = pb_rewrite(t->b, 1, NULL, 0, &v, 1);
	}
	if (s2 < 0)
		return s2;
	{
		uint32_t eq, a[2] = { x, x };
		uint32_t notn;
		int err = pbuild_node(t->b, BCF_BOOL_EQ, 0, a, 2, &eq);

		if (!err)
			err = pbuild_node(t->b, BCF_BOOL_NOT, 0, &eq, 1, &notn);
		if (err)
			return err;
		s3 = pb_cong(t->b, notn, &s2, 1);
	}
	if (s3 < 0)
		return s3;
	if (pbuild_node(t->b, BCF_BOOL_NOT, 0, &tr, 1, &nt))
		return -ENOMEM;
	s4 = pb_evaluate(t->b, nt);
	if (s4 < 0)
		return s4;
	(void)tp;
	ch[0] = s1;
	ch[1] = s3;
	ch[2] = s4;
	return pb_trans(t->b, ch, 3);
}

static bool is_ones32(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);

	return e->code == BCF_BV_VAL && bcf_expr__width(e) == 32 &&
	       bcf_expr__bv_value(e) == 0xffffffffu;
}

/* (= (bvule x ones) true) for a 32-bit x: REWRITE 124 BV_ULE_MAX (its
 * condition only type-checks at width 32) */
static int ule_max(struct tac *t, uint32_t x)
{
	uint32_t w32, ones = 0, sz = 0, a[2], c0, c1, v[3];
	int prem[2], err;

	err = pbuild_i32(t->b, 32, &w32);
	if (!err)
		err = pbuild_i32(t->b, 0xffffffffu, &ones);
	if (!err)
		err = pbuild_node(t->b, BCF_BV_BVSIZE, 32, &x, 1, &sz);
	a[0] = w32;
	a[1] = sz;
	if (!err)
		err = pbuild_node(t->b, BCF_BOOL_EQ, 0, a, 2, &c0);
	a[0] = a[1] = ones;
	if (!err)
		err = pbuild_node(t->b, BCF_BOOL_EQ, 0, a, 2, &c1);
	if (err)
		return err;
	prem[0] = pb_evaluate(t->b, c0);
	if (prem[0] < 0)
		return prem[0];
	prem[1] = pb_evaluate(t->b, c1);
	if (prem[1] < 0)
		return prem[1];
	v[0] = x;
	v[1] = ones;
	v[2] = w32;
	return pb_rewrite(t->b, 124, prem, 2, v, 3);
}

/* (= (bvult ones x) false) for a 32-bit x: REWRITE 135 BV_NOT_ULT to
 * (bvule x ones), 124, TRUE_ELIM, FALSE_INTRO */
static int ult_ones(struct tac *t, uint32_t ones, uint32_t x)
{
	int s1, s2, ch[2];

	s1 = rewrite2(t, 135, ones, x);
	if (s1 < 0)
		return s1;
	s2 = ule_max(t, x);
	if (s2 < 0)
		return s2;
	ch[0] = s1;
	ch[1] = s2;
	s1 = pb_trans(t->b, ch, 2);
	if (s1 >= 0)
		s1 = pb_true_elim(t->b, s1);
	if (s1 >= 0)
		s1 = pbuild_step(t->b, BCF_RULE_FALSE_INTRO, &s1, 1, NULL, NULL, 0);
	return s1;
}

/*
 * One local fold of node tp: (= tp tp') or NONE.  eval_ok: EVALUATE when
 * every argument is a constant (not for terms that were ground from the
 * start: folding those gains nothing unless their parent folds too).
 */
static int fold(struct tac *t, uint32_t tp, bool eval_ok)
{
	const struct bcf_expr *e = tac_expr(t, tp);
	uint8_t code = e->code, ck[256];
	unsigned n = e->vlen, k;
	uint32_t args[256], tr = pbuild_true(t->b), fa = pbuild_false(t->b);
	bool all_const = true;
	int s;

	if (bcf_is_leaf(e))
		return NONE;
	memcpy(args, e->args, n * sizeof(*args));
	for (k = 0; k < n; k++) {
		ck[k] = tac_expr(t, args[k])->code;
		if (!is_const_code(ck[k]))
			all_const = false;
	}
	if (all_const && eval_ok && op_evaluable(e) && n < EVAL_FRAMES) {
		s = pb_evaluate(t->b, tp);
		if (s >= 0 || s == -ENOMEM)
			return s;
	}
	if (!all_const && (code == BCF_BV_ADD || code == BCF_BV_SUB || code == BCF_BV_NEG ||
			   code == BCF_BV_MUL)) {
		s = tac_poly_const(t, tp);
		if (s >= 0 || s == -ENOMEM)
			return s;
		return NONE;
	}
	switch (code) {
	case BCF_BOOL_EQ:
		if (args[0] == args[1])
			return pb_rewrite(t->b, 1, NULL, 0, args, 1);
		break;
	case BCF_BOOL_DISTINCT:
		if (args[0] == args[1])
			return distinct_self(t, tp, args[0]);
		break;
	case BCF_BOOL_ULT:
		if (args[0] == args[1])
			return pb_rewrite(t->b, 129, NULL, 0, args, 1);
		if (is_zero(t, args[1]))
			return rewrite_xw(t, 128, args[0]);
		if (is_zero(t, args[0]))
			return rewrite_xw(t, 127, args[1]);
		if (is_one(t, args[1]))
			return rewrite_xw(t, 139, args[0]);
		if (is_ones32(t, args[0]))
			return ult_ones(t, args[0], args[1]);
		break;
	case BCF_BOOL_SLT:
		if (args[0] == args[1])
			return pb_rewrite(t->b, 130, NULL, 0, args, 1);
		break;
	case BCF_BOOL_ULE:
		if (args[0] == args[1])
			return pb_rewrite(t->b, 131, NULL, 0, args, 1);
		if (is_zero(t, args[0]))
			return rewrite_xw(t, 133, args[1]);
		if (is_zero(t, args[1]))
			return rewrite_xw(t, 132, args[0]);
		if (is_ones32(t, args[1]))
			return ule_max(t, args[0]);
		if (t->canon)
			return rewrite2(t, 92, args[0], args[1]);
		break;
	case BCF_BOOL_SLE:
		if (args[0] == args[1])
			return pb_rewrite(t->b, 134, NULL, 0, args, 1);
		if (t->canon)
			return rewrite2(t, 91, args[0], args[1]);
		break;
	case BCF_BOOL_UGT:
		if (t->canon || args[0] == args[1] || is_zero(t, args[0]) || is_ones32(t, args[1]))
			return rewrite2(t, 87, args[0], args[1]);
		break;
	case BCF_BOOL_UGE:
		if (t->canon || args[0] == args[1] || is_zero(t, args[1]) || is_ones32(t, args[0]))
			return rewrite2(t, 88, args[0], args[1]);
		break;
	case BCF_BOOL_SGT:
		if (t->canon || args[0] == args[1])
			return rewrite2(t, 89, args[0], args[1]);
		break;
	case BCF_BOOL_SGE:
		if (t->canon || args[0] == args[1])
			return rewrite2(t, 90, args[0], args[1]);
		break;
	case BCF_BOOL_CONJ:
		for (k = 0; k < n; k++)
			if (args[k] == fa)
				return absorb(t, tp, fa);
		if (all_const) /* every argument true: too wide to EVALUATE */
			return aci_const(t, tp, tr);
		break;
	case BCF_BV_AND:
	case BCF_BV_OR:
		return bv_absorb(t, tp);
	case BCF_BOOL_DISJ:
		for (k = 0; k < n; k++)
			if (args[k] == tr)
				return absorb(t, tp, tr);
		if (all_const) /* every argument false */
			return aci_const(t, tp, fa);
		break;
	case BCF_BOOL_ITE:
	case BCF_BV_ITE:
		if (args[0] == tr || args[0] == fa) {
			uint32_t v[2] = { args[1], args[2] };

			return pb_rewrite(t->b, args[0] == tr ? 6 : 7, NULL, 0, v, 2);
		}
		break;
	case BCF_BOOL_IMPLIES:
		if (args[0] == fa)
			return pb_rewrite(t->b, 21, NULL, 0, &args[1], 1);
		if (args[1] == tr)
			return pb_rewrite(t->b, 22, NULL, 0, &args[0], 1);
		break;
	default:
		break;
	}
	return NONE;
}

/* Combine the rewritten arguments of id: CONG, folds, bindings. */
static int combine(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);
	unsigned n = e->vlen, k, i;
	int res[256], cur, s;
	uint32_t tp;

	for (k = 0; k < n; k++)
		res[k] = t->slot[e->args[k]].rw;
	cur = cong(t, id, res);
	if (cur < 0)
		return cur;
	tp = cur == TAC_SAME ? id : rhs(t, cur);
	for (i = 0; i < 4; i++) {
		struct tac_slot *sl;

		if (tp != id) {
			sl = slot(t, tp);
			if (!sl)
				return -ENOMEM;
			if (sl->bind) {
				cur = trans(t, cur, sl->bind - 1);
				break;
			}
		}
		s = fold(t, tp, cur != TAC_SAME || id == t->root || t->canon);
		if (s == -ENOMEM)
			return s;
		if (s < 0)
			break;
		cur = trans(t, cur, s);
		if (cur < 0)
			return cur;
		tp = rhs(t, cur);
	}
	return cur;
}

/* (= id c) for a ground id: substitute, EVALUATE once. */
static int eval_ground(struct tac *t, uint32_t id)
{
	int s = subst(t, id), ev;

	if (s < 0)
		return s;
	ev = pb_evaluate(t->b, s == TAC_SAME ? id : rhs(t, s));
	if (ev < 0)
		return ev;
	return trans(t, s, ev);
}

static int rw_put(struct tac *t, uint32_t id, int r)
{
	struct tac_slot *sl = slot(t, id);

	if (!sl)
		return -ENOMEM;
	sl->rw = r;
	return WALK_DONE;
}

static int rw_pre(struct tac *t, uint32_t id)
{
	const struct bcf_expr *e = tac_expr(t, id);
	struct tac_slot *sl = slot(t, id);
	uint8_t fl, code = e->code;
	int r = NONE, err;

	if (sl->bind)
		return rw_put(t, id, sl->bind - 1);
	if (bcf_is_leaf(e))
		return rw_put(t, id, TAC_SAME);
	/* a ground subterm: one EVALUATE at its top */
	if (!is_const_code(code)) {
		err = flags(t, id, &fl);
		if (err)
			return err;
		if ((fl & (TF_GROUND | TF_EVAL)) == (TF_GROUND | TF_EVAL) &&
		    ((fl & TF_BOUND) || id == t->root || t->canon)) {
			r = eval_ground(t, id);
			if (r == -ENOMEM || r == -ETIME)
				return r;
		} else if ((fl & TF_GROUND) && !(fl & TF_BOUND) && id != t->root && !t->canon) {
			r = TAC_SAME; /* ground from the start: left alone */
		}
	}
	if (r < 0 && (code == BCF_BV_AND || code == BCF_BV_OR)) {
		/* absorbed at the top: the arguments do not matter */
		r = bv_absorb(t, id);
		if (r == -ENOMEM)
			return r;
	}
	return r < 0 ? WALK_ARGS : rw_put(t, id, r);
}

static int rw_post(struct tac *t, uint32_t id)
{
	int r = combine(t, id);

	return r < 0 ? r : rw_put(t, id, r);
}

static const struct walker rw_walker = {
	offsetof(struct tac_slot, rwgen), rw_pre, rw_post
};

int tac_rw(struct tac *t, uint32_t root)
{
	int err;

	if (tac_grow(t))
		return -ENOMEM;
	t->root = root;
	err = walk(t, &rw_walker, root);
	return err ? err : slot(t, root)->rw;
}
