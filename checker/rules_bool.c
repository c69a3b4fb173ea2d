// SPDX-License-Identifier: MIT
/*
 * Boolean rules 4..20 (SPLIT .. NOT_AND), spec rules-bool.md 4, and the
 * helpers shared with checker/resolution.c and checker/cnf.c.
 *
 * Shape tests look at the code byte only.  Kernel-compat mode keeps the
 * unsound quirks of rules-bool.md 7; strict mode rejects:
 *   Q7  the XOR rules on an XOR with more than two arguments;
 *   Q8  EQ-based rules on a bitvector equality and ITE-based rules on a
 *       bitvector ITE, which would build ill-typed facts.
 */
#include "checker/rules_bool.h"

#define NOT_HDR BCF_EXPR_HDR(BCF_BOOL_NOT, 1, 0)

int bool_equal(struct bcf_checker *c, uint32_t a, uint32_t b)
{
	const struct bcf_expr *x, *y;

	if (a == b)
		return 1;
	x = ckr_expr(c, a);
	y = ckr_expr(c, b);
	if (!x || !y || bool_hdr(x) != bool_hdr(y))
		return 0;
	if (bool_hdr(x) == NOT_HDR) {
		const struct bcf_expr *xs, *ys;

		if (x->args[0] == y->args[0])
			return 1;
		xs = ckr_expr(c, x->args[0]);
		ys = ckr_expr(c, y->args[0]);
		if (!xs || !ys || bool_hdr(xs) != bool_hdr(ys))
			return 0;
	}
	return ckr_equal(c, a, b);
}

int bool_clause(struct bcf_checker *c, const uint32_t *ids, const uint8_t *neg, unsigned n,
		uint32_t *out)
{
	uint32_t lits[255];
	unsigned i, built;
	int err = 0;

	if (n < 2 || n > 255)
		return ckr_fail(c, -E2BIG, "clause of %u literals (2..255)", n);
	lits[0] = ids[0]; /* (gcc 12 cannot see the loop initialise it) */
	for (built = 0; built < n; built++) {
		lits[built] = ids[built];
		if (neg && neg[built]) {
			err = ckr_not(c, ids[built], &lits[built]);
			if (err)
				break;
		}
	}
	if (!err)
		err = ckr_disj(c, lits, n, out);
	/* the DISJ holds its own references on the NOT nodes */
	for (i = 0; i < built; i++)
		if (neg && neg[i])
			ckr_put(c, lits[i]);
	return err;
}

const struct bcf_expr *bool_fact(struct bcf_checker *c, uint32_t id)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	if (!e)
		ckr_fail(c, -EFAULT, "premise fact @%u is not live", id);
	return e;
}

bool bool_ite_shaped(struct bcf_checker *c, const struct bcf_expr *e, bool *is_bv)
{
	const struct bcf_expr *cond;

	*is_bv = false;
	if (e->code == BCF_BOOL_ITE)
		return e->vlen == 3;
	if (e->code != BCF_BV_ITE || e->vlen != 3)
		return false;
	cond = ckr_expr(c, e->args[0]);
	*is_bv = true;
	return cond && bcf_is_bool(cond);
}

bool bool_eq_args_bool(struct bcf_checker *c, const struct bcf_expr *e)
{
	const struct bcf_expr *a = ckr_expr(c, e->args[0]);
	const struct bcf_expr *b = ckr_expr(c, e->args[1]);

	return a && b && bcf_is_bool(a) && bcf_is_bool(b);
}

/* ---- shared shape checks ----------------------------------------------- */

static int counts(struct bcf_checker *c, const char *rule, unsigned np, unsigned want_np,
		  unsigned nparams, unsigned want_params)
{
	if (np != want_np || nparams != want_params)
		return ckr_fail(c, -EINVAL, "%s: %u premises and %u parameters (want %u and %u)",
				rule, np, nparams, want_np, want_params);
	return 0;
}

/* The single premise as NOT(inner) with inner of code `code`; NULL if not. */
static const struct bcf_expr *not_of(struct bcf_checker *c, const struct bcf_expr *p,
				     uint8_t code)
{
	const struct bcf_expr *in;

	if (p->code != BCF_BOOL_NOT || p->vlen != 1)
		return NULL;
	in = ckr_expr(c, p->args[0]);
	return in && in->code == code ? in : NULL;
}

static int selector(struct bcf_checker *c, const char *rule, uint32_t k, uint32_t max)
{
	if (k > max)
		return ckr_fail(c, -EINVAL, "%s: selector %u out of range 0..%u", rule, k, max);
	return 0;
}

/* Strict mode: an XOR rule must see a binary XOR (quirk Q7). */
static int xor_arity(struct bcf_checker *c, const char *rule, const struct bcf_expr *x)
{
	if (x->vlen != 2 && ckr_strict(c))
		return ckr_fail(c, -EINVAL,
				"%s: XOR of %u arguments (only binary XOR is sound; "
				"accepted in kernel-compat mode)", rule, x->vlen);
	return 0;
}

static int eq_typed(struct bcf_checker *c, const char *rule, const struct bcf_expr *eq)
{
	if (ckr_strict(c) && !bool_eq_args_bool(c, eq))
		return ckr_fail(c, -EINVAL,
				"%s: equality over bitvectors would build an ill-typed fact "
				"(accepted in kernel-compat mode)", rule);
	return 0;
}

static int ite_ok(struct bcf_checker *c, const char *rule, const struct bcf_expr *ite)
{
	bool is_bv;

	if (!bool_ite_shaped(c, ite, &is_bv))
		return ckr_fail(c, -EINVAL, "%s: not an ITE with a bool condition", rule);
	if (is_bv && ckr_strict(c))
		return ckr_fail(c, -EINVAL,
				"%s: bitvector ITE would build an ill-typed fact "
				"(accepted in kernel-compat mode)", rule);
	return 0;
}

#define PREM(i)                                                                        \
	({                                                                             \
		const struct bcf_expr *__e = bool_fact(c, prem[i]);                    \
		if (!__e)                                                              \
			return -EFAULT;                                                \
		__e;                                                                   \
	})

/* ---- rules ------------------------------------------------------------- */

int rule_SPLIT(struct bcf_checker *c, const uint32_t *prem, unsigned np, const uint32_t *params,
	       unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *a;
	int err = counts(c, "SPLIT", np, 0, nparams, 1);

	if (err)
		return err;
	if (!ckr_is_static(c, params[0]))
		return ckr_fail(c, -EINVAL, "SPLIT: @%u is not a static expression id",
				params[0]);
	a = ckr_expr(c, params[0]);
	if (!bcf_is_bool(a))
		return ckr_fail(c, -EINVAL, "SPLIT: @%u is not bool", params[0]);
	return bool_clause2(c, params[0], false, params[0], true, concl);
}

/* EQ_RESOLVE and MODUS_PONENS: A, OP(A', B) with A == A' gives B. */
static int resolve2(struct bcf_checker *c, const char *rule, uint8_t code, const uint32_t *prem,
		    unsigned np, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p1;
	int err = counts(c, rule, np, 2, nparams, 0);

	if (err)
		return err;
	if (!bool_fact(c, prem[0]))
		return -EFAULT;
	p1 = PREM(1);
	if (p1->code != code || p1->vlen != 2)
		return ckr_fail(c, -EINVAL, "%s: second premise @%u has the wrong shape", rule,
				prem[1]);
	err = bool_equal(c, prem[0], p1->args[0]);
	if (err < 0)
		return ckr_fail(c, err, "%s: comparison too deep", rule);
	if (!err)
		return ckr_fail(c, -EINVAL, "%s: premise @%u does not match @%u", rule, prem[0],
				p1->args[0]);
	return bool_existing(c, p1->args[1], concl);
}

int rule_EQ_RESOLVE(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	return resolve2(c, "EQ_RESOLVE", BCF_BOOL_EQ, prem, np, nparams, concl);
}

int rule_MODUS_PONENS(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	return resolve2(c, "MODUS_PONENS", BCF_BOOL_IMPLIES, prem, np, nparams, concl);
}

int rule_NOT_NOT_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *in;
	int err = counts(c, "NOT_NOT_ELIM", np, 1, nparams, 0);

	if (err)
		return err;
	in = not_of(c, PREM(0), BCF_BOOL_NOT);
	if (!in || in->vlen != 1)
		return ckr_fail(c, -EINVAL, "NOT_NOT_ELIM: @%u is not NOT(NOT x)", prem[0]);
	return bool_existing(c, in->args[0], concl);
}

int rule_CONTRA(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p1;
	int err = counts(c, "CONTRA", np, 2, nparams, 0);

	if (err)
		return err;
	if (!bool_fact(c, prem[0]))
		return -EFAULT;
	p1 = PREM(1);
	if (p1->code != BCF_BOOL_NOT || p1->vlen != 1)
		return ckr_fail(c, -EINVAL, "CONTRA: second premise @%u is not a NOT", prem[1]);
	err = bool_equal(c, prem[0], p1->args[0]);
	if (err < 0)
		return ckr_fail(c, err, "CONTRA: comparison too deep");
	if (!err)
		return ckr_fail(c, -EINVAL, "CONTRA: @%u is not the negation of @%u", prem[1],
				prem[0]);
	return bool_existing(c, c->false_id, concl);
}

int rule_AND_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p;
	int err = counts(c, "AND_ELIM", np, 1, nparams, 1);

	if (err)
		return err;
	p = PREM(0);
	if (p->code != BCF_BOOL_CONJ)
		return ckr_fail(c, -EINVAL, "AND_ELIM: @%u is not a conjunction", prem[0]);
	if (params[0] >= p->vlen)
		return ckr_fail(c, -EINVAL, "AND_ELIM: index %u of a %u-ary conjunction",
				params[0], p->vlen);
	return bool_existing(c, p->args[params[0]], concl);
}

int rule_AND_INTRO(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		   const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	unsigned i;

	if (np < 1 || nparams != 0)
		return ckr_fail(c, -EINVAL, "AND_INTRO: %u premises and %u parameters", np,
				nparams);
	for (i = 0; i < np; i++)
		if (!bool_fact(c, prem[i]))
			return -EFAULT;
	if (np == 1)
		return bool_existing(c, prem[0], concl); /* Q9 */
	return ckr_conj(c, prem, np, concl);
}

int rule_NOT_OR_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		     const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *d;
	int err = counts(c, "NOT_OR_ELIM", np, 1, nparams, 1);

	if (err)
		return err;
	d = not_of(c, PREM(0), BCF_BOOL_DISJ);
	if (!d)
		return ckr_fail(c, -EINVAL, "NOT_OR_ELIM: @%u is not NOT(DISJ ...)", prem[0]);
	if (params[0] >= d->vlen)
		return ckr_fail(c, -EINVAL, "NOT_OR_ELIM: index %u of a %u-ary disjunction",
				params[0], d->vlen);
	return ckr_not(c, d->args[params[0]], concl);
}

int rule_IMPLIES_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p;
	int err = counts(c, "IMPLIES_ELIM", np, 1, nparams, 0);

	if (err)
		return err;
	p = PREM(0);
	if (p->code != BCF_BOOL_IMPLIES || p->vlen != 2)
		return ckr_fail(c, -EINVAL, "IMPLIES_ELIM: @%u is not an implication", prem[0]);
	return bool_clause2(c, p->args[0], true, p->args[1], false, concl);
}

int rule_NOT_IMPLIES_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
			  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *im;
	int err = counts(c, "NOT_IMPLIES_ELIM", np, 1, nparams, 1);

	if (err || (err = selector(c, "NOT_IMPLIES_ELIM", params[0], 1)))
		return err;
	im = not_of(c, PREM(0), BCF_BOOL_IMPLIES);
	if (!im || im->vlen != 2)
		return ckr_fail(c, -EINVAL, "NOT_IMPLIES_ELIM: @%u is not NOT(IMPLIES ...)",
				prem[0]);
	if (params[0] == 0)
		return bool_existing(c, im->args[0], concl);
	return ckr_not(c, im->args[1], concl);
}

int rule_EQUIV_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p;
	int err = counts(c, "EQUIV_ELIM", np, 1, nparams, 1);

	if (err || (err = selector(c, "EQUIV_ELIM", params[0], 1)))
		return err;
	p = PREM(0);
	if (p->code != BCF_BOOL_EQ || p->vlen != 2)
		return ckr_fail(c, -EINVAL, "EQUIV_ELIM: @%u is not an equality", prem[0]);
	if ((err = eq_typed(c, "EQUIV_ELIM", p)))
		return err;
	/* 0: (not A) or B; 1: A or (not B) */
	return bool_clause2(c, p->args[0], params[0] == 0, p->args[1], params[0] == 1, concl);
}

int rule_NOT_EQUIV_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
			const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *eq;
	int err = counts(c, "NOT_EQUIV_ELIM", np, 1, nparams, 1);
	bool n;

	if (err || (err = selector(c, "NOT_EQUIV_ELIM", params[0], 1)))
		return err;
	eq = not_of(c, PREM(0), BCF_BOOL_EQ);
	if (!eq || eq->vlen != 2)
		return ckr_fail(c, -EINVAL, "NOT_EQUIV_ELIM: @%u is not NOT(EQ ...)", prem[0]);
	if ((err = eq_typed(c, "NOT_EQUIV_ELIM", eq)))
		return err;
	/* 0: A or B; 1: (not A) or (not B) */
	n = params[0] == 1;
	return bool_clause2(c, eq->args[0], n, eq->args[1], n, concl);
}

int rule_XOR_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *x;
	int err = counts(c, "XOR_ELIM", np, 1, nparams, 1);
	bool n;

	if (err || (err = selector(c, "XOR_ELIM", params[0], 1)))
		return err;
	x = PREM(0);
	if (x->code != BCF_BOOL_XOR || x->vlen < 2)
		return ckr_fail(c, -EINVAL, "XOR_ELIM: @%u is not an XOR", prem[0]);
	if ((err = xor_arity(c, "XOR_ELIM", x)))
		return err;
	/* 0: A or B; 1: (not A) or (not B) (args 0 and 1 only, Q7) */
	n = params[0] == 1;
	return bool_clause2(c, x->args[0], n, x->args[1], n, concl);
}

int rule_NOT_XOR_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *x;
	int err = counts(c, "NOT_XOR_ELIM", np, 1, nparams, 1);

	if (err || (err = selector(c, "NOT_XOR_ELIM", params[0], 1)))
		return err;
	x = not_of(c, PREM(0), BCF_BOOL_XOR);
	if (!x || x->vlen < 2)
		return ckr_fail(c, -EINVAL, "NOT_XOR_ELIM: @%u is not NOT(XOR ...)", prem[0]);
	if ((err = xor_arity(c, "NOT_XOR_ELIM", x)))
		return err;
	/* 0: A or (not B); 1: (not A) or B */
	return bool_clause2(c, x->args[0], params[0] == 1, x->args[1], params[0] == 0, concl);
}

int rule_ITE_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *ite;
	int err = counts(c, "ITE_ELIM", np, 1, nparams, 1);

	if (err || (err = selector(c, "ITE_ELIM", params[0], 1)))
		return err;
	ite = PREM(0);
	if ((err = ite_ok(c, "ITE_ELIM", ite)))
		return err;
	/* 0: (not C) or A; 1: C or B */
	if (params[0] == 0)
		return bool_clause2(c, ite->args[0], true, ite->args[1], false, concl);
	return bool_clause2(c, ite->args[0], false, ite->args[2], false, concl);
}

int rule_NOT_ITE_ELIM(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		      const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p, *ite;
	int err = counts(c, "NOT_ITE_ELIM", np, 1, nparams, 1);

	if (err || (err = selector(c, "NOT_ITE_ELIM", params[0], 1)))
		return err;
	p = PREM(0);
	ite = p->code == BCF_BOOL_NOT && p->vlen == 1 ? ckr_expr(c, p->args[0]) : NULL;
	if (!ite)
		return ckr_fail(c, -EINVAL, "NOT_ITE_ELIM: @%u is not NOT(ITE ...)", prem[0]);
	if ((err = ite_ok(c, "NOT_ITE_ELIM", ite)))
		return err;
	/* 0: (not C) or (not A); 1: C or (not B) */
	if (params[0] == 0)
		return bool_clause2(c, ite->args[0], true, ite->args[1], true, concl);
	return bool_clause2(c, ite->args[0], false, ite->args[2], true, concl);
}

int rule_NOT_AND(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		 const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	static const uint8_t all[255] = { [0 ... 254] = 1 };
	const struct bcf_expr *cj;

	/* Q6: at least one parameter word is required; its value is ignored */
	if (np != 1 || nparams < 1)
		return ckr_fail(c, -EINVAL,
				"NOT_AND: %u premises and %u parameters (want 1 and at least 1)",
				np, nparams);
	cj = not_of(c, PREM(0), BCF_BOOL_CONJ);
	if (!cj || cj->vlen < 2)
		return ckr_fail(c, -EINVAL, "NOT_AND: @%u is not NOT(CONJ ...)", prem[0]);
	return bool_clause(c, cj->args, all, cj->vlen, concl);
}
