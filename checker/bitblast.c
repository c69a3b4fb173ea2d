// SPDX-License-Identifier: MIT
/*
 * BITBLAST (0x4001): step shape, term/atom dispatch and the term-case
 * preamble (spec/rules-bv.md 2.1, 2.2, 2.5).  The circuits themselves are
 * checked by the operator tables of checker/bitblast_ops.c.
 */
#include <string.h>

#include "checker/bitblast.h"

const uint32_t *bb_bits(struct bcf_checker *c, uint32_t id, unsigned *w)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	if (!e || e->code != BCF_BV_FROM_BOOL)
		return NULL;
	if (w)
		*w = e->vlen;
	return e->args;
}

/* 2.2: every argument of a non-constant L must be an FB vector, except the
 * condition of bv_ite which may also be a bool. */
static int term_preamble(struct bb_step *s)
{
	const struct bcf_expr *l = s->l;
	unsigned i;

	if (l->code == BCF_BV_VAL)
		return 0;
	for (i = 0; i < l->vlen; i++) {
		const struct bcf_expr *a = ckr_expr(s->c, l->args[i]);

		if (!a)
			return ckr_fail(s->c, -EINVAL, "argument %u of @t%u is not a live id",
					i, s->lid);
		if (a->code == BCF_BV_FROM_BOOL)
			continue;
		if (i == 0 && l->code == BCF_BV_ITE && bcf_is_bool(a))
			continue;
		return ckr_fail(s->c, -EINVAL,
				"argument %u (@t%u) of %s @t%u is not bit-level (bv_from_bool)",
				i, l->args[i], bcf_code__name(l->code), s->lid);
	}
	return 0;
}

static int run_op(struct bb_step *s, const struct bb_op *op, const char *kind)
{
	if (!op && !strcmp(kind, "atom"))
		return ckr_fail(s->c, -EINVAL,
				"@t%u: left side %s is not a bit-blastable atom (=, ult, ule, slt, sle)",
				s->eq, bcf_code__name(s->l->code));
	if (!op) /* every bv code has an entry: cannot happen for typed nodes */
		return ckr_fail(s->c, -EFAULT, "no %s entry for code 0x%02x", kind,
				s->l->code);
	if (!op->check)
		return ckr_fail(s->c, op->err, "@t%u: %s", s->eq, op->why);
	return op->check(s);
}

int rule_BITBLAST(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	struct bb_step s = { .c = c };
	const struct bcf_expr *e;
	int err;

	(void)prem;
	if (np != 0 || nparams != 1)
		return ckr_fail(c, -EINVAL, "BITBLAST takes 0 premises and 1 parameter (got %u, %u)",
				np, nparams);
	s.eq = params[0];
	if (!ckr_is_static(c, s.eq))
		return ckr_fail(c, -EINVAL, "parameter %u is not a static expression id",
				s.eq);
	e = ckr_expr(c, s.eq);
	if (e->code != BCF_BOOL_EQ || e->vlen != 2)
		return ckr_fail(c, -EINVAL, "@t%u is not an equality", s.eq);
	s.lid = e->args[0];
	s.rid = e->args[1];
	s.l = ckr_expr(c, s.lid);
	s.r = ckr_expr(c, s.rid);
	if (!s.l || !s.r)
		return ckr_fail(c, -EINVAL, "@t%u has a dangling argument", s.eq);

	if (bcf_is_bv(s.l)) {
		if (s.r->code != BCF_BV_FROM_BOOL)
			return ckr_fail(c, -EINVAL,
					"right side @t%u of @t%u is not bv_from_bool",
					s.rid, s.eq);
		if (bcf_expr__width(s.l) != s.r->vlen)
			return ckr_fail(c, -EINVAL, "width mismatch in @t%u", s.eq);
		err = term_preamble(&s);
		if (!err)
			err = run_op(&s, bb_term_op(s.l->code), "term");
	} else if (bcf_is_bool(s.l)) {
		err = run_op(&s, bb_atom_op(s.l->code), "atom");
	} else {
		err = ckr_fail(c, -EINVAL, "left side @t%u is neither bv nor bool", s.lid);
	}
	if (err)
		return err;
	ckr_get(c, s.eq);
	*concl = s.eq;
	return 0;
}
