// SPDX-License-Identifier: MIT
/*
 * Clause rules: RESOLUTION, FACTORING, REORDERING (rules-bool.md 3).
 *
 * These are the hottest rules of the corpus.  Literals are kept as small
 * records caching the header word (and, for NOT literals, the argument id
 * and its header), so scanning a clause for a pivot literal costs integer
 * compares; ckr_equal() (which remembers every pair it walked) only
 * runs when the cached words cannot decide.
 * Every shortcut answers exactly as ckr_equal() would.
 *
 * All three rules are sound as the kernel defines them (missing pivots
 * only weaken the resolvent, Q1), so strict mode and kernel-compat mode
 * give the same verdicts here.
 */
#include <string.h>

#include "checker/rules_bool.h"

#define NOT_HDR BCF_EXPR_HDR(BCF_BOOL_NOT, 1, 0)
#define MAX_LITS 255

struct lit {
	uint32_t id;
	uint32_t hdr;    /* header word of the literal */
	uint32_t sub;    /* NOT literal: its argument id */
	uint32_t subhdr; /* NOT literal: the argument's header word */
};

/* The literal a premise loses: pivot p itself, or NOT p. */
struct target {
	uint32_t p;
	uint32_t phdr;
	bool neg;
};

static int lit_fill(struct bcf_checker *c, uint32_t id, struct lit *l)
{
	const struct bcf_expr *e = ckr_expr(c, id), *s;

	if (!e)
		return ckr_fail(c, -EFAULT, "literal @%u is not live", id);
	l->id = id;
	l->hdr = bool_hdr(e);
	l->sub = UINT32_MAX;
	l->subhdr = 0;
	if (l->hdr == NOT_HDR) {
		l->sub = e->args[0];
		s = ckr_expr(c, l->sub);
		l->subhdr = s ? bool_hdr(s) : 0;
	}
	return 0;
}

/* Is literal l structurally equal to the target?  1, 0 or -E2BIG. */
static int lit_match(struct bcf_checker *c, const struct lit *l, const struct target *t)
{
	uint32_t a;

	if (!t->neg) {
		if (l->id == t->p)
			return 1;
		if (l->hdr != t->phdr)
			return 0;
		a = l->id;
	} else {
		/* NOT q == NOT p iff q == p */
		if (l->hdr != NOT_HDR)
			return 0;
		if (l->sub == t->p)
			return 1;
		if (l->subhdr != t->phdr)
			return 0;
		a = l->sub;
	}
	return ckr_equal(c, a, t->p);
}

/* Delete the first literal equal to the target; none is not an error. */
static int remove_first(struct bcf_checker *c, struct lit *v, unsigned *n, const struct target *t)
{
	unsigned i;
	int r;

	for (i = 0; i < *n; i++) {
		r = lit_match(c, &v[i], t);
		if (r < 0)
			return ckr_fail(c, r, "RESOLUTION: literal comparison too deep");
		if (r) {
			memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof(*v));
			(*n)--;
			return 0;
		}
	}
	return 0;
}

/*
 * A premise as a literal list: the arguments of a DISJ, unless the DISJ is
 * itself the literal it loses here (then the unit [P]); any other fact is
 * the unit [P] (rules-bool.md 3.1, Q3).
 */
static int premise_lits(struct bcf_checker *c, uint32_t fact, const struct target *t,
			struct lit *v, unsigned *n)
{
	const struct bcf_expr *e = ckr_expr(c, fact);
	unsigned i;
	int err;

	if (!e)
		return ckr_fail(c, -EFAULT, "premise fact @%u is not live", fact);
	err = lit_fill(c, fact, &v[0]);
	if (err)
		return err;
	*n = 1;
	if (e->code != BCF_BOOL_DISJ)
		return 0;
	err = lit_match(c, &v[0], t);
	if (err < 0)
		return ckr_fail(c, err, "RESOLUTION: literal comparison too deep");
	if (err)
		return 0;
	for (i = 0; i < e->vlen; i++) {
		err = lit_fill(c, e->args[i], &v[i]);
		if (err)
			return err;
	}
	*n = e->vlen;
	return 0;
}

/* Conclude the clause v[0..n-1]: false, the single literal, or a DISJ. */
static int conclude(struct bcf_checker *c, const struct lit *v, unsigned n, uint32_t *concl)
{
	uint32_t ids[MAX_LITS];
	unsigned i;

	if (n == 0)
		return bool_existing(c, c->false_id, concl);
	if (n == 1)
		return bool_existing(c, v[0].id, concl);
	for (i = 0; i < n; i++)
		ids[i] = v[i].id;
	return ckr_disj(c, ids, n, concl);
}

int rule_RESOLUTION(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	struct lit acc[MAX_LITS], right[MAX_LITS];
	unsigned m, w, i, nacc, nright;
	const uint32_t *piv;
	struct target left_t, right_t;
	int err;

	if (np < 2)
		return ckr_fail(c, -EINVAL, "RESOLUTION: %u premises (need at least 2)", np);
	m = np - 1;
	w = (m + 31) / 32;
	if (nparams != w + m)
		return ckr_fail(c, -EINVAL,
				"RESOLUTION: %u parameters (want %u polarity words + %u pivots)",
				nparams, w, m);
	if (m % 32 && params[w - 1] >> (m % 32))
		return ckr_fail(c, -EINVAL, "RESOLUTION: polarity bits set beyond pivot %u",
				m - 1);
	piv = params + w;
	for (i = 0; i < m; i++) {
		const struct bcf_expr *p;

		if (!ckr_is_static(c, piv[i]))
			return ckr_fail(c, -EINVAL,
					"RESOLUTION: pivot %u (@%u) is not a static expression id",
					i, piv[i]);
		p = ckr_expr(c, piv[i]);
		if (!bcf_is_bool(p))
			return ckr_fail(c, -EINVAL, "RESOLUTION: pivot %u (@%u) is not bool", i,
					piv[i]);
	}

#define POL(i) ((params[(i) / 32] >> ((i) % 32)) & 1)
	for (i = 0; i < m; i++) {
		bool pol = POL(i);

		left_t.p = right_t.p = piv[i];
		left_t.phdr = right_t.phdr = bool_hdr(ckr_expr(c, piv[i]));
		/* pol 1: the left side loses p, the right side NOT p; pol 0: mirrored */
		left_t.neg = !pol;
		right_t.neg = pol;
		if (i == 0) {
			err = premise_lits(c, prem[0], &left_t, acc, &nacc);
			if (err)
				return err;
		}
		err = remove_first(c, acc, &nacc, &left_t);
		if (err)
			return err;
		err = premise_lits(c, prem[i + 1], &right_t, right, &nright);
		if (err)
			return err;
		err = remove_first(c, right, &nright, &right_t);
		if (err)
			return err;
		if (nacc + nright > MAX_LITS)
			return ckr_fail(c, -E2BIG,
					"RESOLUTION: resolvent of %u literals after pivot %u (max 255)",
					nacc + nright, i);
		memcpy(&acc[nacc], right, nright * sizeof(*right));
		nacc += nright;
	}
#undef POL
	return conclude(c, acc, nacc, concl);
}

/* Byte j of the parameter words, little-endian. */
static inline unsigned param_byte(const uint32_t *params, unsigned j)
{
	return (params[j / 4] >> (8 * (j % 4))) & 0xff;
}

int rule_FACTORING(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		   const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	uint8_t marked[MAX_LITS] = { 0 };
	struct lit out[MAX_LITS];
	const struct bcf_expr *p;
	unsigned n, total, pos = 0, dups = 0, prev_uniq = 0, i, nout = 0;
	bool first = true;
	int err;

	if (np != 1 || nparams < 1)
		return ckr_fail(c, -EINVAL,
				"FACTORING: %u premises and %u parameters (want 1 and at least 1)",
				np, nparams);
	p = bool_fact(c, prem[0]);
	if (!p)
		return -EFAULT;
	if (p->code != BCF_BOOL_DISJ)
		return ckr_fail(c, -EINVAL, "FACTORING: premise @%u is not a disjunction",
				prem[0]);
	n = p->vlen;
	total = 4 * nparams;
	while (pos < total) {
		unsigned len = param_byte(params, pos++), uniq, q;

		if (len == 0)
			break;
		if (len < 2 || pos + len > total)
			return ckr_fail(c, -EINVAL, "FACTORING: bad entry length %u at byte %u",
					len, pos - 1);
		uniq = param_byte(params, pos);
		if (uniq >= n)
			return ckr_fail(c, -EINVAL, "FACTORING: index %u of a %u-literal clause",
					uniq, n);
		if (!first && uniq <= prev_uniq)
			return ckr_fail(c, -EINVAL,
					"FACTORING: kept index %u not above the previous %u", uniq,
					prev_uniq);
		first = false;
		prev_uniq = uniq;
		for (q = pos + 1; q < pos + len; q++) {
			unsigned dup = param_byte(params, q);

			if (dup >= n || dup <= uniq)
				return ckr_fail(c, -EINVAL,
						"FACTORING: duplicate index %u for kept index %u "
						"(clause of %u)", dup, uniq, n);
			err = bool_equal(c, p->args[uniq], p->args[dup]);
			if (err < 0)
				return ckr_fail(c, err, "FACTORING: literal comparison too deep");
			if (!err)
				return ckr_fail(c, -EINVAL,
						"FACTORING: literal %u (@%u) differs from literal %u (@%u)",
						dup, p->args[dup], uniq, p->args[uniq]);
			marked[dup] = 1;
			dups++;
		}
		pos += len;
	}
	if (!dups)
		return ckr_fail(c, -EINVAL, "FACTORING: no duplicate listed");
	for (; pos < total; pos++)
		if (param_byte(params, pos))
			return ckr_fail(c, -EINVAL, "FACTORING: non-zero byte %u after the end",
					pos);
	for (i = 0; i < n; i++)
		if (!marked[i])
			out[nout++].id = p->args[i];
	return conclude(c, out, nout, concl);
}

/* Half-word t of the parameter words, little-endian. */
static inline unsigned param_half(const uint32_t *params, unsigned t)
{
	return (params[t / 2] >> (16 * (t % 2))) & 0xffff;
}

int rule_REORDERING(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		    const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *p;
	uint32_t lits[MAX_LITS], tmp;
	unsigned s, n, t;

	if (np != 1)
		return ckr_fail(c, -EINVAL, "REORDERING: %u premises (want 1)", np);
	p = bool_fact(c, prem[0]);
	if (!p)
		return -EFAULT;
	/* Q5: identity, parameters unchecked */
	if (p->code != BCF_BOOL_DISJ || nparams == 0)
		return bool_existing(c, prem[0], concl);
	n = p->vlen;
	s = param_half(params, 0);
	if (s > n)
		return ckr_fail(c, -EINVAL, "REORDERING: %u swaps for a %u-literal clause", s, n);
	if (nparams != (s + 2) / 2)
		return ckr_fail(c, -EINVAL, "REORDERING: %u parameter words for %u swaps (want %u)",
				nparams, s, (s + 2) / 2);
	if (s % 2 == 0 && param_half(params, s + 1))
		return ckr_fail(c, -EINVAL, "REORDERING: non-zero padding half-word");
	memcpy(lits, p->args, n * sizeof(*lits));
	for (t = 1; t <= s; t++) {
		unsigned h = param_half(params, t), j = h & 0xff, k = h >> 8;

		if (j >= n || k >= n)
			return ckr_fail(c, -EINVAL, "REORDERING: swap %u (%u, %u) outside a "
					"%u-literal clause", t - 1, j, k, n);
		tmp = lits[j];
		lits[j] = lits[k];
		lits[k] = tmp;
	}
	return ckr_disj(c, lits, n, concl);
}
