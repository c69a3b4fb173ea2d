// SPDX-License-Identifier: MIT
/*
 * Goal matching (spec/format.md 3): the ASSUME formula, a static node of
 * the proof, must have the shape of the goal node in the kernel's
 * expression words, with variables matched by a consistent renaming.
 *
 * The kernel compares without memoisation, so a shared sub-DAG is compared
 * again every time it is reached.  A second comparison of a pair that
 * already compared equal adds nothing to the variable map and succeeds
 * again, unless it now sits deeper than the 128-level stack allows.  We
 * therefore remember every equal pair with the height of its comparison
 * tree and only test the depth on a repeat: same verdict, linear time.
 */
#include <stdlib.h>

#include "checker/checker.h"
#include "checker/pairmap.h"
#include "lang/grow.h"

#define GOAL_STACK_MAX CKR_GOAL_STACK_MAX
#define GOAL_VARMAP_MAX CKR_GOAL_VARMAP_MAX

struct frame {
	uint32_t p, g; /* proof id, goal id */
	uint32_t i;    /* next argument */
	uint32_t h;    /* height of the tallest finished child comparison */
};

struct matcher {
	struct bcf_checker *c;
	const uint32_t *gw;
	uint32_t gn;
	uint32_t map[GOAL_VARMAP_MAX][2];
	unsigned nmap;
	struct ckr_pairmap memo; /* equal pairs: the height of their comparison */
};

/* The goal node at id, or NULL if it does not fit in the goal words. */
static const struct bcf_expr *goal_expr(const struct matcher *m, uint32_t id)
{
	const struct bcf_expr *e;

	if (id >= m->gn)
		return NULL;
	e = (const struct bcf_expr *)&m->gw[id];
	if ((uint64_t)id + 1 + e->vlen > m->gn)
		return NULL;
	return e;
}

/* Same header and, for leaves, the same argument words. */
static bool node_equal(const struct bcf_expr *x, const struct bcf_expr *y)
{
	if (*(const uint32_t *)x != *(const uint32_t *)y)
		return false;
	if (bcf_is_leaf(x))
		return !memcmp(x->args, y->args, x->vlen * sizeof(uint32_t));
	return true;
}

/* Variable arguments: a renaming, injective both ways. */
static int map_var(struct matcher *m, uint32_t p, uint32_t g)
{
	unsigned i;

	for (i = 0; i < m->nmap; i++) {
		if (m->map[i][0] == p)
			return m->map[i][1] == g ? 0 : ckr_fail(m->c, -EINVAL,
				"variable %u is matched to goal variables %u and %u", p,
				m->map[i][1], g);
		if (m->map[i][1] == g)
			return ckr_fail(m->c, -EINVAL,
					"goal variable %u is matched to variables %u and %u", g,
					m->map[i][0], p);
	}
	if (m->nmap == GOAL_VARMAP_MAX)
		return ckr_fail(m->c, -EINVAL, "more than %d variables to match",
				GOAL_VARMAP_MAX);
	m->map[m->nmap][0] = p;
	m->map[m->nmap][1] = g;
	m->nmap++;
	return 0;
}

static int match(struct matcher *m, uint32_t pid, uint32_t gid)
{
	struct frame stack[GOAL_STACK_MAX];
	const struct bcf_expr *x, *y;
	unsigned sp = 0;
	uint32_t h;
	int err;

	x = ckr_expr(m->c, pid);
	y = goal_expr(m, gid);
	if (!x || !y)
		return ckr_fail(m->c, -EINVAL, "goal %u is not an expression", gid);
	if (!node_equal(x, y))
		return ckr_fail(m->c, -EINVAL, "expression %u differs from goal %u", pid, gid);
	if (bcf_is_leaf(x))
		return 0;
	stack[sp++] = (struct frame){ pid, gid, 0, 0 };
	while (sp) {
		struct frame *f = &stack[sp - 1];
		uint32_t a, b;

		x = ckr_expr(m->c, f->p);
		y = goal_expr(m, f->g);
		if (f->i == x->vlen) {
			h = f->h + 1;
			err = ckr_pairmap__put(&m->memo, ckr_pair_key(f->p, f->g), h);
			if (err)
				return err;
			sp--;
			if (sp && stack[sp - 1].h < h)
				stack[sp - 1].h = h;
			continue;
		}
		a = x->args[f->i];
		b = y->args[f->i];
		f->i++;
		x = ckr_expr(m->c, a);
		y = goal_expr(m, b);
		if (!x || !y)
			return ckr_fail(m->c, -EINVAL, "goal argument %u is not an expression", b);
		if (!node_equal(x, y))
			return ckr_fail(m->c, -EINVAL, "expression %u differs from goal %u", a, b);
		if (bcf_is_var(x)) {
			err = map_var(m, a, b);
			if (err)
				return err;
			continue;
		}
		if (bcf_is_leaf(x))
			continue;
		if (ckr_pairmap__find(&m->memo, ckr_pair_key(a, b), &h)) {
			if (sp + h > GOAL_STACK_MAX)
				return ckr_fail(m->c, -EINVAL, "goal comparison deeper than %d levels",
						GOAL_STACK_MAX);
			if (f->h < h)
				f->h = h;
			continue;
		}
		if (sp == GOAL_STACK_MAX)
			return ckr_fail(m->c, -EINVAL, "goal comparison deeper than %d levels",
					GOAL_STACK_MAX);
		stack[sp++] = (struct frame){ a, b, 0, 0 };
	}
	return 0;
}

int ckr_goal_match(struct bcf_checker *c, uint32_t pid, const uint32_t *goal_words, uint32_t n,
		   uint32_t goal)
{
	struct matcher m = { .c = c, .gw = goal_words, .gn = n };
	int err;

	err = match(&m, pid, goal);
	ckr_pairmap__free(&m.memo);
	if (err == -ENOMEM)
		return err;
	return err ? -EINVAL : 0;
}

/*
 * Heights by an explicit post-order walk with a memo (height = 1 + the
 * tallest non-leaf argument; leaves and variables 0), so a shared sub-DAG
 * costs once.  state: 0 unseen, 1 open (on the stack), 2 done.
 */
int ckr_goal_needs(const uint32_t *words, uint32_t n, uint32_t goal, unsigned *depth,
		   unsigned *nvars)
{
	uint32_t *h = calloc(n, sizeof(*h)), *stack = NULL, sp = 0;
	uint8_t *state = calloc(n, 1);
	size_t cap = 0;
	int err = goal < n ? 0 : -EINVAL;

	*depth = *nvars = 0;
	if (!h || !state)
		err = -ENOMEM;
	if (!err)
		err = bcf__grow((void **)&stack, &cap, 1, sizeof(*stack));
	if (!err)
		stack[sp++] = goal;
	while (!err && sp) {
		uint32_t id = stack[sp - 1], i, best = 0;
		const struct bcf_expr *e = (const struct bcf_expr *)&words[id];
		bool ready = true;

		if (state[id] == 2 || bcf_is_leaf(e)) {
			*nvars += bcf_is_var(e) && state[id] != 2;
			state[id] = 2;
			sp--;
			continue;
		}
		state[id] = 1;
		for (i = 0; i < e->vlen && !err; i++) {
			uint32_t a = e->args[i];

			if (a >= n || state[a] == 1) {
				err = -EINVAL; /* outside the words, or a cycle */
			} else if (state[a] == 0) {
				ready = false;
				err = bcf__grow((void **)&stack, &cap, sp + 1, sizeof(*stack));
				if (!err)
					stack[sp++] = a;
			} else if (h[a] > best) {
				best = h[a];
			}
		}
		if (err || !ready)
			continue;
		h[id] = best + 1;
		state[id] = 2;
		sp--;
	}
	if (!err)
		*depth = h[goal];
	free(h);
	free(state);
	free(stack);
	return err;
}
