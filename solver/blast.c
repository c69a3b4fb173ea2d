// SPDX-License-Identifier: MIT
/*
 * The blaster's entry points and atoms (solver/blast.h): (= atom C) by
 * CONG over the blasted arguments, BITBLAST of the comparison, TRANS;
 * ugt/uge/sgt/sge and distinct are rewritten first (REWRITE 87-90, 5), 1-bit
 * equalities become a 1-bit bvult or a wider equality (blast_eq1.c), ground
 * atoms are EVALUATEd.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

struct blaster *blaster_new(struct pbuild *b)
{
	struct blaster *bl = calloc(1, sizeof(*bl));

	if (!bl)
		return NULL;
	bl->b = b;
	bl->a = pbuild_arena(b);
	bl->bb.mk = bb_arena_mk;
	bl->bb.ctx = bl->a;
	bl->bb.t = pbuild_true(b);
	bl->bb.f = pbuild_false(b);
	return bl;
}

void blaster_free(struct blaster *bl)
{
	if (!bl)
		return;
	free(bl->memo);
	free(bl->state);
	free(bl);
}

void blast_get_stats(const struct blaster *bl, struct blast_stats *st)
{
	*st = bl->st;
}

static bool is_bv_arg(const struct bcf_arena *a, const struct bcf_expr *e)
{
	const struct bcf_expr *x = e->vlen ? bcf_arena__expr(a, e->args[0]) : NULL;

	return x && bcf_is_bv(x);
}

bool blast_is_atom(const struct bcf_arena *a, uint32_t id)
{
	const struct bcf_expr *e = bcf_arena__expr(a, id);

	if (!e)
		return false;
	switch (e->code) {
	case BCF_BOOL_EQ:
	case BCF_BOOL_DISTINCT:
	case BCF_BOOL_ULT:
	case BCF_BOOL_ULE:
	case BCF_BOOL_SLT:
	case BCF_BOOL_SLE:
	case BCF_BOOL_UGT:
	case BCF_BOOL_UGE:
	case BCF_BOOL_SGT:
	case BCF_BOOL_SGE:
		return is_bv_arg(a, e);
	case BCF_BOOL_BITOF: {
		const struct bcf_expr *x = bcf_arena__expr(a, e->args[0]);

		return x && x->code != BCF_BV_VAR;
	}
	default:
		return false;
	}
}

static int cong(struct blaster *bl, uint32_t op, const int *prem, unsigned n)
{
	int s = pb_cong(bl->b, op, prem, n);

	if (s < 0)
		return bl_step_fail(bl, s, "CONG");
	bl->st.other++;
	return s;
}

static int atom(struct blaster *bl, uint32_t id);

/* Is every bit of the bv_from_bool node fb a boolean constant? */
static bool fb_const(struct blaster *bl, uint32_t fb)
{
	const struct bcf_expr *e = bl_expr(bl, fb);
	unsigned i;

	for (i = 0; i < e->vlen; i++)
		if (e->args[i] != pbuild_true(bl->b) && e->args[i] != pbuild_false(bl->b))
			return false;
	return true;
}

/* = ult ule slt sle over blasted arguments */
static int compare(struct blaster *bl, uint32_t id)
{
	const struct bcf_expr *e = bl_expr(bl, id);
	uint8_t code = e->code;
	uint32_t x = e->args[0], y = e->args[1], fb[2], eq;
	unsigned w = bl_width(bl, x);
	int prem[2], s, c;

	if (w == 1 && code == BCF_BOOL_EQ) {
		/* a 1-bit bvult or a wider =, which the code below blasts */
		s = bl_route_eq1(bl, id);
		if (s < 0)
			return s;
		c = compare(bl, bl_rhs(bl, s));
		return c < 0 ? c : bl_trans2(bl, s, c);
	}
	if (w == 1 && (code == BCF_BOOL_SLT || code == BCF_BOOL_SLE))
		return bl_fail(bl, -ENOTSUP, "BITBLAST %s (1-bit)", bcf_code__name(code));
	prem[0] = bl_term(bl, x);
	if (prem[0] < 0)
		return prem[0];
	prem[1] = bl_term(bl, y);
	if (prem[1] < 0)
		return prem[1];
	fb[0] = bl_term_fb(bl, x);
	fb[1] = bl_term_fb(bl, y);
	if (w <= 64 && fb_const(bl, fb[0]) && fb_const(bl, fb[1])) {
		/* every bit known: (= atom (op FB FB')) EVALUATEs, no circuit */
		s = bl_mk2(bl, code, 0, fb[0], fb[1], &eq);
		c = s ? s : cong(bl, id, prem, 2);
		s = c < 0 ? c : bl_cond(bl, eq);
		return s < 0 ? s : bl_trans2(bl, c, s);
	}
	s = bb_build_step(&bl->bb, bcf_arena__lookup, bl->a, code, 0, fb, 2, &eq);
	if (s == -EOPNOTSUPP)
		return bl_fail(bl, -ENOTSUP, "BITBLAST %s", bcf_code__name(code));
	if (s)
		return bl_fail(bl, s, "building the circuit of atom %u: %s", id, bcf_last_error());
	s = bl_bitblast(bl, eq);
	if (s < 0)
		return s;
	c = bl_cmp_lemma(bl, code, x, y, fb[0], fb[1]);
	if (c == -ENOMEM)
		return c;
	c = cong(bl, id, prem, 2);
	return c < 0 ? c : bl_trans2(bl, c, s);
}

static bool is_const(struct blaster *bl, uint32_t id, uint64_t v)
{
	const struct bcf_expr *e = bl_expr(bl, id);

	return e->code == BCF_BV_VAL && bcf_expr__bv_value(e) == v;
}

/*
 * Comparisons that a rewrite decides or turns into an equality (much
 * smaller circuits): x < x, x <= x, x = x, x < 0, 0 < x, x < 1, x <= 0,
 * 0 <= x (REWRITE 1, 127-134, 139).  Returns the step or BL_NONE.
 */
static int simple(struct blaster *bl, uint8_t code, uint32_t a, uint32_t b)
{
	uint32_t v[2] = { a, 0 };
	unsigned rid = 0, nv = 1;
	int err;

	if (a == b) {
		rid = code == BCF_BOOL_EQ ? 1 : code == BCF_BOOL_ULT ? 129 :
		      code == BCF_BOOL_SLT ? 130 : code == BCF_BOOL_ULE ? 131 : 134;
	} else if (code == BCF_BOOL_ULT || code == BCF_BOOL_ULE) {
		nv = 2;
		if (is_const(bl, b, 0))
			rid = code == BCF_BOOL_ULT ? 128 : 132;
		else if (is_const(bl, a, 0))
			rid = code == BCF_BOOL_ULT ? 127 : 133;
		else if (code == BCF_BOOL_ULT && is_const(bl, b, 1))
			rid = 139;
		if (rid == 127 || rid == 133)
			v[0] = b;
	}
	if (!rid)
		return BL_NONE;
	if (nv == 2) {
		err = bl_i32(bl, bl_width(bl, a), &v[1]);
		if (err)
			return err;
	}
	return bl_rewrite(bl, rid, NULL, 0, v, nv);
}

/* After (= atom R) by step r (or a negative errno): (= atom C) from R's circuit C. */
static int via(struct blaster *bl, int r)
{
	int s;

	if (r < 0)
		return r;
	bl->depth++;
	s = atom(bl, bl_rhs(bl, r));
	bl->depth--;
	return s < 0 ? s : bl_trans2(bl, r, s);
}

/* After (= atom R) by step r: prove (= atom C) through R. */
static int through(struct blaster *bl, int r)
{
	uint32_t rr = bl_rhs(bl, r);
	const struct bcf_expr *e = bl_expr(bl, rr);
	int s;

	if (e->code == BCF_BOOL_VAL)
		return r;
	bl->depth++;
	if (e->code == BCF_BOOL_NOT) {
		s = atom(bl, e->args[0]);
		if (s >= 0)
			s = cong(bl, rr, &s, 1);
	} else {
		s = atom(bl, rr);
	}
	bl->depth--;
	return s < 0 ? s : bl_trans2(bl, r, s);
}

/*
 * Length of the else-chain of nested bv ites below t.  The bits of such a
 * chain are circuits nested as deep, and bits with the same constants in
 * their first 60-odd branches are alike down to there: the kernel compares
 * two literals depth first with at most 128 open pairs (rules-bool.md 1.4),
 * so a clause holding the bit equalities of such a term on the left side of
 * an = may not be resolvable.  compare() puts the other side first then.
 */
static unsigned else_chain(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned n = 0;

	while (e && e->code == BCF_BV_ITE && n < 1000) {
		n++;
		e = bl_expr(bl, e->args[2]);
	}
	return n;
}

/* Prove (= id C) for an atom; memoised.  Nesting is bounded (distinct ->
 * eq -> ult), so the recursion depth does not depend on the input. */
static int atom(struct blaster *bl, uint32_t id)
{
	const struct bcf_expr *e;
	uint32_t vars[2];
	bool ground;
	int s, r;

	s = bl_grow(bl);
	if (s)
		return s;
	if (bl->memo[id])
		return bl->memo[id] - 1;
	if (!blast_is_atom(bl->a, id))
		return bl_fail(bl, -EINVAL, "%u is not a bit-vector atom", id);
	if (bl_abstract_bit(bl, id))
		return bl_fail(bl, -ENOTSUP, "%s", bl->abstract_why);
	s = bl_ground(bl, id, &ground);
	if (s)
		return s;
	if (ground) {
		s = pb_evaluate(bl->b, id);
		if (s >= 0) {
			bl->st.evaluate++;
			goto done;
		}
	}
	e = bl_expr(bl, id);
	vars[0] = e->args[0];
	vars[1] = e->vlen > 1 ? e->args[1] : 0;
	switch (e->code) {
	case BCF_BOOL_UGT:
	case BCF_BOOL_UGE:
	case BCF_BOOL_SGT:
	case BCF_BOOL_SGE: {
		static const unsigned rid[4] = { 87, 88, 89, 90 };
		unsigned k = e->code == BCF_BOOL_UGT ? 0 : e->code == BCF_BOOL_UGE ? 1 :
			     e->code == BCF_BOOL_SGT ? 2 : 3;

		r = bl_rewrite(bl, rid[k], NULL, 0, vars, 2);
		if (r < 0)
			return r;
		s = atom(bl, bl_rhs(bl, r));
		if (s >= 0)
			s = bl_trans2(bl, r, s);
		break;
	}
	case BCF_BOOL_DISTINCT: {
		uint32_t neq;

		r = bl_rewrite(bl, 5, NULL, 0, vars, 2); /* DISTINCT_BINARY_ELIM */
		if (r < 0)
			return r;
		neq = bl_rhs(bl, r);                     /* (not (= a b)) */
		s = atom(bl, bl_expr(bl, neq)->args[0]);
		if (s >= 0)
			s = cong(bl, neq, &s, 1);
		if (s >= 0)
			s = bl_trans2(bl, r, s);
		break;
	}
	case BCF_BOOL_ULT:
		if (bl->depth < 8 && (r = simple(bl, BCF_BOOL_ULT, vars[0], vars[1])) != BL_NONE) {
			s = r < 0 ? r : through(bl, r);
			break;
		}
		if (bl->depth < 8 && bl_narrowable(bl, vars[0], vars[1])) {
			s = via(bl, bl_route_narrow(bl, id));
			break;
		}
		s = compare(bl, id);
		break;
	case BCF_BOOL_ULE:
		if (bl->depth < 8 && (r = simple(bl, BCF_BOOL_ULE, vars[0], vars[1])) != BL_NONE) {
			s = r < 0 ? r : through(bl, r);
			break;
		}
		if (bl->depth < 8 && bl_narrowable(bl, vars[1], vars[0])) {
			uint32_t nult;

			r = bl_rewrite(bl, 92, NULL, 0, vars, 2); /* (not (bvult b a)) */
			if (r < 0)
				return r;
			nult = bl_rhs(bl, r);
			bl->depth++;
			s = atom(bl, bl_expr(bl, nult)->args[0]);
			bl->depth--;
			if (s >= 0)
				s = cong(bl, nult, &s, 1);
			if (s >= 0)
				s = bl_trans2(bl, r, s);
			break;
		}
		s = compare(bl, id);
		break;
	case BCF_BOOL_EQ:
		if (bl->depth < 8 && vars[0] != vars[1] &&
		    else_chain(bl, vars[0]) > else_chain(bl, vars[1]) + 16) {
			/* (= b a): the bit equalities then start with b's bits */
			s = via(bl, bl_rewrite(bl, 2, NULL, 0, vars, 2)); /* EQ_SYMM */
			break;
		}
		/* fall through */
	case BCF_BOOL_SLT:
	case BCF_BOOL_SLE:
		if (vars[0] == vars[1]) {
			r = simple(bl, e->code, vars[0], vars[1]);
			s = r < 0 ? r : through(bl, r);
			break;
		}
		s = compare(bl, id);
		break;
	case BCF_BOOL_BITOF:
		return bl_fail(bl, -ENOTSUP, "BITBLAST bool_bitof (of a non-variable)");
	default:
		return bl_fail(bl, -EINVAL, "%u is not a bit-vector atom", id);
	}
	if (s < 0)
		return s;
done:
	r = bl_grow(bl);
	if (r)
		return r;
	bl->memo[id] = s + 1;
	return s;
}

int blast_atom(struct blaster *bl, uint32_t id, uint32_t *circ, char *detail, size_t n)
{
	int s;

	bl->why[0] = '\0';
	s = atom(bl, id);
	if (s < 0) {
		if (detail && n)
			snprintf(detail, n, "%s", bl->why[0] ? bl->why : "bit-blasting failed");
		return s;
	}
	*circ = bl_rhs(bl, s);
	if (detail && n)
		detail[0] = '\0';
	return s;
}
