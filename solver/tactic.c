// SPDX-License-Identifier: MIT
/*
 * Word-level refutations (solver/tactic.h): substitute and evaluate.
 *
 *   1. The facts are split into literals: AND_ELIM of conjunctions,
 *      NOT_OR_ELIM of negated disjunctions, NOT_NOT_ELIM.
 *   2. Bindings: a literal (= T c) or (= c T) with c a constant binds the
 *      term T (any non-constant term, not only a variable) to c; every
 *      literal A binds A to true (TRUE_INTRO), (not A) binds A to false
 *      (FALSE_INTRO).
 *   3. Every other literal F is rewritten bottom-up (solver/tactic_rw.c):
 *      bound subterms are replaced by their constants (CONG + TRANS), the
 *      largest ground subterms are EVALUATEd, and nodes made trivial by a
 *      table rewrite (bvult x #0, x = x, ...) or by constant arguments are
 *      folded.  F' = false refutes the goal (EQ_RESOLVE); F' = (= T' c)
 *      gives a new binding and the round starts again.
 *
 * Every step runs through the checker's strict rules (solver/pbuild.c); a
 * rejected step only abandons that attempt.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lang/grow.h"
#include "solver/rw_ext.h"
#include "solver/tactic.h"
#include "solver/tactic_int.h"

#define TAC_MAX_LITS 4096
#define TAC_MAX_ROUNDS 64
/* bind_lit() found false: BIND_FALSE + step + 1 */
#define BIND_FALSE 0x10000000

static unsigned tac_expr_vlen(struct pbuild *b, uint32_t id)
{
	return bcf_arena__expr(pbuild_arena(b), id)->vlen;
}

static bool is_const(struct tac *t, uint32_t id)
{
	uint8_t c = tac_expr(t, id)->code;

	return c == BCF_BV_VAL || c == BCF_BOOL_VAL;
}

/* A new literal; -EEXIST if its fact is a literal already. */
static int add_lit(struct tac *t, int s)
{
	struct tac_slot *sl;

	if (t->nlits == TAC_MAX_LITS)
		return -E2BIG;
	if (bcf__grow_from((void **)&t->lits, &t->lit_cap, t->nlits + 1, sizeof(*t->lits), 64))
		return -ENOMEM;
	sl = tac_slot(t, pbuild_fact(t->b, s));
	if (!sl)
		return -ENOMEM;
	if (sl->lit)
		return -EEXIST;
	sl->lit = 1;
	memset(&t->lits[t->nlits], 0, sizeof(t->lits[0]));
	t->lits[t->nlits].step = s;
	t->nlits++;
	return 0;
}

/*
 * Split the facts into literals.  Returns a step concluding false if a
 * fact already is false, 0 when done, or a negative errno.
 */
static int collect(struct tac *t, const int *facts, unsigned n)
{
	int *work = NULL, err = 0;
	unsigned nw = 0, i;
	size_t cap = 0;

	if (bcf__grow_from((void **)&work, &cap, n + 64, sizeof(*work), n + 64))
		return -ENOMEM;
	for (i = n; i-- > 0;)
		work[nw++] = facts[i];
	while (nw && !err) {
		int s = work[--nw], k;
		uint32_t f = pbuild_fact(t->b, s);
		const struct bcf_expr *e = tac_expr(t, f);
		uint8_t code = e->code, icode = 0;
		unsigned vlen = e->vlen, ivlen = 0;

		if (code == BCF_BOOL_NOT) {
			const struct bcf_expr *x = tac_expr(t, e->args[0]);

			icode = x->code;
			ivlen = x->vlen;
		}
		if (f == pbuild_false(t->b)) {
			free(work);
			return s + 1;
		}
		if (f == pbuild_true(t->b))
			continue;
		if (code == BCF_BOOL_CONJ || (code == BCF_BOOL_NOT && icode == BCF_BOOL_DISJ)) {
			if (bcf__grow_from((void **)&work, &cap, (size_t)nw + vlen + ivlen,
					   sizeof(*work), 64)) {
				err = -ENOMEM;
				break;
			}
			for (i = code == BCF_BOOL_CONJ ? vlen : ivlen; i-- > 0;) {
				k = code == BCF_BOOL_CONJ ? pb_and_elim(t->b, s, i) :
				    pb_not_or_elim(t->b, s, i);
				if (k < 0) {
					err = k;
					break;
				}
				work[nw++] = k;
			}
			continue;
		}
		if (code == BCF_BOOL_NOT && icode == BCF_BOOL_NOT) {
			k = pbuild_step(t->b, BCF_RULE_NOT_NOT_ELIM, &s, 1, NULL, NULL, 0);
			if (k < 0) {
				err = k;
				break;
			}
			work[nw++] = k;
			continue;
		}
		err = add_lit(t, s);
		if (err == -EEXIST || err == -E2BIG)
			err = 0; /* a repeat; or too many: work with the first ones */
	}
	free(work);
	return err;
}


/*
 * Whether a product (bv_mul) is between the equation id and its solved atom
 * x (not below x), looking at up to 256 nodes (false past that): the value
 * of such a product has no kernel-checked route, so a POLY_NORM step that
 * solves the equation costs no trust the bit-level refutation would not
 * need anyway.
 */
static bool has_product(const struct tac *t, uint32_t id, uint32_t x)
{
	uint32_t stack[256];
	unsigned sp = 0, seen = 0, i;

	stack[sp++] = id;
	while (sp && seen++ < 256) {
		uint32_t n = stack[--sp];
		const struct bcf_expr *e = tac_expr(t, n);

		if (e->code == BCF_BV_MUL)
			return true;
		if (n == x || bcf_is_leaf(e))
			continue;
		for (i = 0; i < e->vlen && sp < 256; i++)
			stack[sp++] = e->args[i];
	}
	return false;
}

/*
 * Literal i is an equality linear in one atom X: (= X c) by POLY_NORM,
 * POLY_NORM_EQ, EQ_RESOLVE; bind X, or keep (= X c) as a literal when X
 * is bound already (rewriting it then exposes a conflict).  Returns 1 if
 * something was bound or added, 0, or -ENOMEM.
 */
static int lin_solve(struct tac *t, unsigned i, bool offset)
{
	int s = t->lits[i].step, k, err;
	uint32_t f = pbuild_fact(t->b, s), x, l, r;
	const struct bcf_expr *e = tac_expr(t, f);

	l = e->args[0];
	r = e->args[1];
	k = tac_lin_solve(t, f, offset, &x);
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	if ((x == l && is_const(t, r)) || (x == r && is_const(t, l)))
		return 0; /* nothing new */
	k = pb_eq_resolve(t->b, s, k);
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	/* for bit-blasting, should the tactic fail: only where a product is
	 * solved (elsewhere the blaster's routes need no trusted step) */
	if (t->out && t->out->nsolved < TACTIC_MAX_SOLVED && has_product(t, f, x))
		t->out->solved[t->out->nsolved++] = k;
	if (!tac_bound(t, x)) {
		err = tac_bind(t, x, k);
		if (!err && !t->lits[i].own[2])
			t->lits[i].own[2] = x;
		return err ? err : 1;
	}
	err = add_lit(t, k);
	if (err)
		return err == -ENOMEM ? err : 0;
	return 1;
}

/*
 * Literal step s says (= c2 T) (t_left false) or (= T c2) (t_left true)
 * while T is bound to c1 by step b (= T c1): the two constants meet,
 * TRANS + EVALUATE + EQ_RESOLVE.  Returns a false step + 1, or 0.
 */
static int clash(struct tac *t, int s, bool t_left, int b)
{
	int ch[2], k, ev;

	if (!t_left) {
		ch[0] = s;      /* (= c2 T) */
		ch[1] = b;      /* (= T c1) */
	} else {
		/* (= c1 T): the premise of b when b is a SYMM, else SYMM(b) */
		k = pbuild_rule(t->b, b) == BCF_RULE_SYMM ? pbuild_premise(t->b, b, 0) :
		    pb_symm(t->b, b);
		if (k < 0)
			return k == -ENOMEM ? k : 0;
		ch[0] = k;
		ch[1] = s;      /* (= T c2) */
	}
	k = pb_trans(t->b, ch, 2);
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	ev = pb_evaluate(t->b, pbuild_fact(t->b, k));
	if (ev < 0)
		return ev == -ENOMEM ? ev : 0;
	k = pb_eq_resolve(t->b, k, ev);
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	return pbuild_fact(t->b, k) == pbuild_false(t->b) ? k + 1 : 0;
}

/*
 * Literal step s equates an extension with a constant: the two conjuncts
 * of REWRITE 142/143's right side (solver/rw_ext.h) become literals, for
 * the rewriter to evaluate (the high bits) and to bind x.  Returns 0 or
 * -ENOMEM.
 */
static int ext_lits(struct tac *t, int s)
{
	int k, j, p, err;

	if (!t->ext)
		return 0;
	k = rw_ext_eq(t->b, pbuild_fact(t->b, s));
	if (k == -ENOENT) {
		/* (= (zero_extend 1 x) c) and the like: (= (extract z) x) is
		 * a literal the rewriter turns into x's binding */
		k = rw_zext_arg(t->b, pbuild_fact(t->b, s));
		if (k < 0)
			return k == -ENOMEM ? k : 0;
		err = add_lit(t, k);
		return err && err != -EEXIST && err != -E2BIG ? err : 0;
	}
	if (k >= 0)
		k = pb_eq_resolve(t->b, s, k);
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	for (j = 0; j < 2; j++) {
		p = pb_and_elim(t->b, k, j);
		if (p < 0)
			return p == -ENOMEM ? p : 0;
		err = add_lit(t, p);
		if (err && err != -EEXIST && err != -E2BIG)
			return err;
	}
	return 0;
}

/*
 * Bindings from literal i: (= T c) / (= c T), A -> true, (not A) -> false.
 * *term is set when a term T was bound, *added when anything new was
 * bound.  Returns 0, -errno, or BIND_FALSE + (false step + 1) when the
 * literal clashes with a binding of its term.
 */
static int bind_lit(struct tac *t, unsigned i, bool *term, bool *added)
{
	int s = t->lits[i].step, k, err;
	uint32_t f = pbuild_fact(t->b, s), x, y, atom;
	const struct bcf_expr *e = tac_expr(t, f);
	uint8_t code = e->code;

	*added = *term = false;
	if (code == BCF_BOOL_EQ) {
		x = e->args[0];
		y = e->args[1];
		if (is_const(t, y) && !is_const(t, x) && tac_bound(t, x)) {
			k = clash(t, s, true, tac_slot(t, x)->bind - 1);
			if (k)
				return k > 0 ? k + BIND_FALSE : k;
		} else if (is_const(t, x) && !is_const(t, y) && tac_bound(t, y)) {
			k = clash(t, s, false, tac_slot(t, y)->bind - 1);
			if (k)
				return k > 0 ? k + BIND_FALSE : k;
		}
		if (is_const(t, y) && !is_const(t, x) && !tac_bound(t, x)) {
			err = tac_bind(t, x, s);
			if (err)
				return err;
			t->lits[i].own[1] = x;
			*added = *term = true;
			err = ext_lits(t, s);
			if (err)
				return err;
		} else if (is_const(t, x) && !is_const(t, y) && !tac_bound(t, y)) {
			k = pb_symm(t->b, s);
			if (k < 0)
				return k == -ENOMEM ? k : 0;
			err = tac_bind(t, y, k);
			if (err)
				return err;
			t->lits[i].own[1] = y;
			*added = *term = true;
			err = ext_lits(t, s);
			if (err)
				return err;
		}
	}
	if (code == BCF_BOOL_EQ) {
		for (k = 0; k < 2; k++) {
			err = lin_solve(t, i, k == 0);
			if (err < 0)
				return err;
			if (err > 0)
				*added = true;
		}
	}
	/* A and (not A) both literals: CONTRA */
	atom = code == BCF_BOOL_NOT ? tac_expr(t, f)->args[0] : f;
	if (!is_const(t, atom) && tac_bound(t, atom)) {
		int b = tac_slot(t, atom)->bind - 1, other, pr[2];
		uint16_t want = code == BCF_BOOL_NOT ? BCF_RULE_TRUE_INTRO : BCF_RULE_FALSE_INTRO;

		if (pbuild_rule(t->b, b) == want) {
			other = pbuild_premise(t->b, b, 0);
			pr[0] = code == BCF_BOOL_NOT ? other : s;
			pr[1] = code == BCF_BOOL_NOT ? s : other;
			k = pbuild_step(t->b, BCF_RULE_CONTRA, pr, 2, NULL, NULL, 0);
			if (k >= 0 && pbuild_fact(t->b, k) == pbuild_false(t->b))
				return BIND_FALSE + k + 1;
			if (k == -ENOMEM)
				return k;
		}
	}
	if (code == BCF_BOOL_NOT) {
		atom = tac_expr(t, f)->args[0];
		if (is_const(t, atom) || tac_bound(t, atom))
			return 0;
		k = pbuild_step(t->b, BCF_RULE_FALSE_INTRO, &s, 1, NULL, NULL, 0);
	} else {
		atom = f;
		if (tac_bound(t, atom))
			return 0;
		k = pbuild_step(t->b, BCF_RULE_TRUE_INTRO, &s, 1, NULL, NULL, 0);
	}
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	err = tac_bind(t, atom, k);
	if (err)
		return err;
	t->lits[i].own[0] = atom;
	*added = true;
	return 0;
}

/* Rewrite literal i; returns a false step + 1, 0 or -errno. */
static int rewrite_lit(struct tac *t, unsigned i, bool *bound)
{
	int s = t->lits[i].step, r, k, err, saved[3];
	uint32_t f = pbuild_fact(t->b, s), nf, own[3];
	bool added, term;
	unsigned j;

	*bound = false;
	/* the literal's own bindings would rewrite it to true */
	memcpy(own, t->lits[i].own, sizeof(own));
	for (j = 0; j < 3; j++)
		saved[j] = own[j] ? tac_unbind(t, own[j]) : 0;
	r = tac_rw(t, f);
	for (j = 3; j-- > 0;)
		if (own[j])
			tac_rebind(t, own[j], saved[j]);
	if (r < 0)
		return r == -ENOMEM ? r : 0;
	if (r == TAC_SAME)
		return 0;
	k = pb_eq_resolve(t->b, s, r);
	if (k < 0)
		return k == -ENOMEM ? k : 0;
	nf = pbuild_fact(t->b, k);
	if (nf == pbuild_false(t->b))
		return k + 1;
	t->lits[i].done = 1;
	if (nf == pbuild_true(t->b))
		return 0;
	err = add_lit(t, k);
	if (err)
		return err == -ENOMEM ? err : 0;
	err = bind_lit(t, t->nlits - 1, &term, &added);
	if (err >= BIND_FALSE)
		return err - BIND_FALSE;
	if (err)
		return err;
	*bound = added;
	return 0;
}

static int run(struct tac *t, const int *facts, unsigned n)
{
	unsigned i, round;
	int r;
	bool added, term, again = true;

	r = collect(t, facts, n);
	if (r)
		return r > 0 ? r - 1 : r;
	for (i = 0; i < t->nlits; i++) {
		r = bind_lit(t, i, &term, &added);
		if (r >= BIND_FALSE)
			return r - BIND_FALSE - 1;
		if (r)
			return r;
	}
	for (round = 0; round < TAC_MAX_ROUNDS; round++) {
		if (!again) {
			/* second pass: canonical forms (solver/tactic_rw.c) */
			if (t->canon)
				break;
			t->canon = true;
			t->gen++;
		}
		again = false;
		for (i = 0; i < t->nlits; i++) {
			if (t->lits[i].done)
				continue;
			r = rewrite_lit(t, i, &added);
			if (r > 0)
				return r - 1;
			if (r < 0)
				return r;
			if (added)
				again = true;
		}
	}
	return -ENOENT;
}

static int attempt(struct pbuild *b, const int *facts, unsigned n, struct tactic_out *out,
		   bool ext)
{
	struct tac t;
	int r;

	memset(&t, 0, sizeof(t));
	t.ext = ext;
	t.b = b;
	t.a = pbuild_arena(b);
	t.gen = 1;
	t.out = out;
	r = run(&t, facts, n);
	free(t.lits);
	free(t.slot);
	poly_norm__free(t.poly);
	return r;
}

/*
 * The step every fact was AND_ELIMed from, when the facts are conjuncts of
 * one conjunction that has more of them (an unsat core); -ENOENT if not.
 */
static int whole_conj(struct pbuild *b, const int *facts, unsigned n)
{
	int src = -1, p;
	unsigned i;

	for (i = 0; i < n; i++) {
		if (pbuild_rule(b, facts[i]) != BCF_RULE_AND_ELIM)
			return -ENOENT;
		p = pbuild_premise(b, facts[i], 0);
		if (p < 0 || (src >= 0 && p != src))
			return -ENOENT;
		src = p;
	}
	if (src < 0 || tac_expr_vlen(b, pbuild_fact(b, src)) <= n)
		return -ENOENT;
	return src;
}

/* An attempt on the facts, then on the whole conjunction they come from. */
static int attempt_both(struct pbuild *b, const int *facts, unsigned n, struct tactic_out *out,
			bool ext)
{
	int r = attempt(b, facts, n, out, ext), src;

	/* The solver's core is minimal, not necessarily the conjuncts with a
	 * short word-level refutation: try the whole conjunction too (what
	 * the first attempt solved is kept). */
	if (r < 0 && r != -ENOMEM && (src = whole_conj(b, facts, n)) >= 0)
		r = attempt(b, &src, 1, NULL, ext);
	return r;
}

int tactic_refute(struct pbuild *b, const int *facts, unsigned n, struct tactic_out *out)
{
	int r;

	if (out)
		out->nsolved = 0;
	r = attempt_both(b, facts, n, out, false);
	/* Extensions equal to constants are unfolded only when the plain
	 * rounds found nothing: their rewrites would otherwise replace
	 * shorter refutations. */
	if (r < 0 && r != -ENOMEM)
		r = attempt_both(b, facts, n, NULL, true);
	/* only running out of memory is worth reporting: any other failure
	 * just means bit-blasting has to do the work */
	return r >= 0 || r == -ENOMEM ? r : -ENOENT;
}
