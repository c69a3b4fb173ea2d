// SPDX-License-Identifier: MIT
/*
 * SMT-LIB QF_BV operators onto BCF nodes.  Where BCF has the operator, the
 * application becomes one node (n-ary ones stay n-ary, nested only past 255
 * arguments); the others are rewritten into equivalent BCF terms:
 *   (= a b c ...)        conjunction of (= a b) (= b c) ...
 *   (distinct a b c ...) conjunction of the pairwise distincts
 *   (=> a b c)           (=> a (=> b c))
 *   (bvsub a b c)        (bvsub (bvsub a b) c)
 *   bvnand/bvnor/bvxnor  bv_not of and/or/xor
 *   (bvcomp a b)         bv_ite (= a b) #b1 #b0
 *   (bvsrem s t)         sign of s applied to |s| urem |t| (SMT-LIB's definition)
 *   rotate_left/right    concat of two extracts (the term itself for 0 mod width)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lang/error.h"
#include "lang/smt2.h"

enum op_kind { K_CONST, K_BOOL_OP, K_SPECIAL, K_BV_OP, K_BV_CHAIN, K_BV_NOTOP, K_BV_CMP };

static const struct op_info {
	enum op_kind kind;
	uint8_t nidx, lo, hi;
	uint8_t code;
} ops[SMT2_NR_OPS] = {
#define SMT2_X_INFO(id, name, kind, nidx, lo, hi, code, pr) \
	[SMT2_OP_##id] = { K_##kind, nidx, lo, hi, code },
	SMT2_OPS(SMT2_X_INFO)
#undef SMT2_X_INFO
};

const char *const smt2_op_names[SMT2_NR_OPS] = {
#define SMT2_X_NAME(id, name, kind, nidx, lo, hi, code, pr) [SMT2_OP_##id] = name,
	SMT2_OPS(SMT2_X_NAME)
#undef SMT2_X_NAME
};

/* One application being translated. */
struct app {
	struct smt2_ctx *ctx;
	const char *name;
	struct smt2_loc loc;
	struct smt2_arg *a;
	uint32_t n;
	const struct smt2_idx *ix;
	uint32_t nix;
};

static int mk(struct app *p, uint8_t code, uint16_t params, const uint32_t *args, unsigned n,
	      uint32_t *id)
{
	int err = bcf_arena__node(p->ctx->arena, code, params, args, n, id);

	if (err == -ENOMEM)
		return smt2_nomem(p->ctx, p->loc);
	if (err)
		return smt2_fail(p->ctx, p->loc, "'%s': %s", p->name, bcf_last_error());
	return 0;
}

static int mk1(struct app *p, uint8_t code, uint16_t params, uint32_t a, uint32_t *id)
{
	return mk(p, code, params, &a, 1, id);
}

static int mk2(struct app *p, uint8_t code, uint16_t params, uint32_t a, uint32_t b,
	       uint32_t *id)
{
	uint32_t args[2] = { a, b };

	return mk(p, code, params, args, 2, id);
}

static int mk3(struct app *p, uint8_t code, uint16_t params, uint32_t a, uint32_t b,
	       uint32_t c, uint32_t *id)
{
	uint32_t args[3] = { a, b, c };

	return mk(p, code, params, args, 3, id);
}

/*
 * An associative n-ary node; past 255 arguments the first node is nested into
 * the next, each of at most 254 arguments (a nested bool and/or then keeps
 * its CNF_AND_NEG / CNF_OR_POS clause within 255 literals, rules-bool.md 6.5).
 */
static int mk_nary(struct app *p, uint8_t code, uint16_t params, const uint32_t *ids,
		   uint32_t n, uint32_t *id)
{
	uint32_t acc, i, k, tmp[255];
	int err;

	if (n <= 255)
		return mk(p, code, params, ids, n, id);
	err = mk(p, code, params, ids, 254, &acc);
	for (i = 254; !err && i < n; i += k) {
		k = n - i < 253 ? n - i : 253;
		tmp[0] = acc;
		memcpy(tmp + 1, ids + i, k * sizeof(*tmp));
		err = mk(p, code, params, tmp, k + 1, &acc);
	}
	*id = acc;
	return err;
}

/* ---- sort checks ---- */

static int want(struct app *p, uint32_t i, uint16_t sort)
{
	char s1[24], s2[24];

	if (p->a[i].t.width == sort)
		return 0;
	return smt2_fail(p->ctx, p->a[i].loc, "'%s': argument %u has sort %s, expected %s",
			 p->name, i + 1, smt2_sort_name(p->a[i].t.width, s1, sizeof(s1)),
			 smt2_sort_name(sort, s2, sizeof(s2)));
}

static int want_bv(struct app *p, uint32_t i)
{
	if (p->a[i].t.width != SMT2_BOOL)
		return 0;
	return smt2_fail(p->ctx, p->a[i].loc,
			 "'%s': argument %u has sort Bool, expected a bit-vector", p->name, i + 1);
}

/* Every argument has the sort of the first (a bit-vector if bv). */
static int want_same(struct app *p, bool bv)
{
	uint32_t i;

	if (bv && want_bv(p, 0))
		return -EINVAL;
	for (i = 1; i < p->n; i++)
		if (want(p, i, p->a[0].t.width))
			return -EINVAL;
	return 0;
}

static int want_all(struct app *p, uint16_t sort)
{
	uint32_t i;

	for (i = 0; i < p->n; i++)
		if (want(p, i, sort))
			return -EINVAL;
	return 0;
}

static uint32_t *ids_of(struct app *p)
{
	uint32_t *ids = smt2_scratch(p->ctx, p->n), i;

	if (!ids) {
		smt2_nomem(p->ctx, p->loc);
		return NULL;
	}
	for (i = 0; i < p->n; i++)
		ids[i] = p->a[i].t.id;
	return ids;
}

/* ---- translations ---- */

static int eq_chain(struct app *p, struct smt2_term *out)
{
	uint32_t i, *ids;

	if (want_same(p, false))
		return -EINVAL;
	out->width = SMT2_BOOL;
	if (p->n == 2)
		return mk2(p, BCF_BOOL_EQ, 0, p->a[0].t.id, p->a[1].t.id, &out->id);
	ids = smt2_scratch(p->ctx, p->n - 1);
	if (!ids)
		return smt2_nomem(p->ctx, p->loc);
	for (i = 0; i + 1 < p->n; i++)
		if (mk2(p, BCF_BOOL_EQ, 0, p->a[i].t.id, p->a[i + 1].t.id, &ids[i]))
			return -EINVAL;
	return mk_nary(p, BCF_BOOL_CONJ, 0, ids, p->n - 1, &out->id);
}

static int distinct(struct app *p, struct smt2_term *out)
{
	uint64_t npairs = (uint64_t)p->n * (p->n - 1) / 2;
	uint32_t i, j, k = 0, *ids;

	if (want_same(p, false))
		return -EINVAL;
	out->width = SMT2_BOOL;
	if (p->n == 2)
		return mk2(p, BCF_BOOL_DISTINCT, 0, p->a[0].t.id, p->a[1].t.id, &out->id);
	/* quadratic: bounded per application and per script */
	if (npairs > SMT2_MAX_DISTINCT_PAIRS)
		return smt2_fail(p->ctx, p->loc, "'distinct' of %u arguments: more than %u pairs",
				 p->n, SMT2_MAX_DISTINCT_PAIRS);
	p->ctx->expansion += npairs;
	if (p->ctx->expansion > SMT2_MAX_EXPANSION)
		return smt2_fail(p->ctx, p->loc, "'distinct': the script's n-ary distincts expand "
				 "to more than %u pairs", SMT2_MAX_EXPANSION);
	ids = smt2_scratch(p->ctx, npairs);
	if (!ids)
		return smt2_nomem(p->ctx, p->loc);
	for (i = 0; i < p->n; i++)
		for (j = i + 1; j < p->n; j++)
			if (mk2(p, BCF_BOOL_DISTINCT, 0, p->a[i].t.id, p->a[j].t.id, &ids[k++]))
				return -EINVAL;
	return mk_nary(p, BCF_BOOL_CONJ, 0, ids, k, &out->id);
}

static int implies(struct app *p, struct smt2_term *out)
{
	uint32_t acc, i;

	if (want_all(p, SMT2_BOOL))
		return -EINVAL;
	acc = p->a[p->n - 1].t.id;
	for (i = p->n - 1; i-- > 0;)
		if (mk2(p, BCF_BOOL_IMPLIES, 0, p->a[i].t.id, acc, &acc))
			return -EINVAL;
	*out = (struct smt2_term){ acc, SMT2_BOOL };
	return 0;
}

static int ite(struct app *p, struct smt2_term *out)
{
	char s1[24], s2[24];
	uint16_t w = p->a[1].t.width;

	if (want(p, 0, SMT2_BOOL))
		return -EINVAL;
	if (p->a[2].t.width != w)
		return smt2_fail(p->ctx, p->a[2].loc, "'ite': branches have sorts %s and %s",
				 smt2_sort_name(w, s1, sizeof(s1)),
				 smt2_sort_name(p->a[2].t.width, s2, sizeof(s2)));
	out->width = w;
	return mk3(p, w == SMT2_BOOL ? BCF_BOOL_ITE : BCF_BV_ITE, w, p->a[0].t.id,
		   p->a[1].t.id, p->a[2].t.id, &out->id);
}

static int concat(struct app *p, struct smt2_term *out)
{
	uint32_t i, w = 0, *ids;

	for (i = 0; i < p->n; i++) {
		if (want_bv(p, i))
			return -EINVAL;
		w += p->a[i].t.width;
		if (w > SMT2_MAX_WIDTH)
			return smt2_fail(p->ctx, p->a[i].loc,
					 "'concat': result wider than %u bits", SMT2_MAX_WIDTH);
	}
	ids = ids_of(p);
	if (!ids)
		return -ENOMEM;
	/* widths are >= 1, so at most 255 arguments get here */
	out->width = (uint16_t)w;
	return mk(p, BCF_BV_CONCAT, (uint16_t)w, ids, p->n, &out->id);
}

static int extract(struct app *p, uint32_t hi, uint32_t lo, uint32_t x, uint32_t *id)
{
	return mk1(p, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(hi, lo), x, id);
}

static int indexed(struct app *p, enum smt2_op op, struct smt2_term *out)
{
	uint32_t w = p->a[0].t.width, i, j, r, lo_part, hi_part;
	struct smt2_term x = p->a[0].t;

	if (want_bv(p, 0))
		return -EINVAL;
	i = smt2_numeral(p->ix[0].text);
	switch (op) {
	case SMT2_OP_EXTRACT:
		j = smt2_numeral(p->ix[1].text);
		if (i >= w)
			return smt2_fail(p->ctx, p->ix[0].loc,
					 "'extract': high index %.*s out of range for (_ BitVec %u)",
					 p->ix[0].text.len > 20 ? 20 : (int)p->ix[0].text.len,
					 p->ix[0].text.p, w);
		if (j > i)
			return smt2_fail(p->ctx, p->ix[1].loc,
					 "'extract': low index %u above high index %u", j, i);
		out->width = (uint16_t)(i - j + 1);
		return extract(p, i, j, x.id, &out->id);
	case SMT2_OP_ZEXT:
	case SMT2_OP_SEXT:
		if (i > SMT2_MAX_WIDTH - w)
			return smt2_fail(p->ctx, p->ix[0].loc,
					 "'%s': result wider than %u bits", p->name,
					 SMT2_MAX_WIDTH);
		out->width = (uint16_t)(w + i);
		return mk1(p, op == SMT2_OP_ZEXT ? BCF_BV_ZERO_EXTEND : BCF_BV_SIGN_EXTEND,
			   BCF_EXPR_PARAMS(i, w + i), x.id, &out->id);
	case SMT2_OP_REPEAT:
		if (i < 1)
			return smt2_fail(p->ctx, p->ix[0].loc, "'repeat': count must be >= 1");
		if (i > SMT2_MAX_WIDTH / w)
			return smt2_fail(p->ctx, p->ix[0].loc,
					 "'repeat': result wider than %u bits", SMT2_MAX_WIDTH);
		out->width = (uint16_t)(w * i);
		return mk1(p, BCF_BV_REPEAT, BCF_EXPR_PARAMS(i, w * i), x.id, &out->id);
	default: /* rotations */
		r = smt2_numeral_mod(p->ix[0].text, w);
		if (op == SMT2_OP_ROTR)
			r = (w - r) % w;
		*out = x;
		if (!r)
			return 0;
		/* rotate left by r: bits [w-1-r:0] on top of bits [w-1:w-r] */
		if (extract(p, w - 1 - r, 0, x.id, &hi_part) ||
		    extract(p, w - 1, w - r, x.id, &lo_part))
			return -EINVAL;
		return mk2(p, BCF_BV_CONCAT, w, hi_part, lo_part, &out->id);
	}
}

static int bv_const(struct app *p, unsigned w, uint64_t v, uint32_t *id)
{
	int err = bcf_arena__bv_const(p->ctx->arena, w, v, id);

	if (err == -ENOMEM)
		return smt2_nomem(p->ctx, p->loc);
	if (err)
		return smt2_fail(p->ctx, p->loc, "'%s': %s", p->name, bcf_last_error());
	return 0;
}

static int bvcomp(struct app *p, struct smt2_term *out)
{
	uint32_t eq, one, zero;

	if (want_same(p, true) || mk2(p, BCF_BOOL_EQ, 0, p->a[0].t.id, p->a[1].t.id, &eq) ||
	    bv_const(p, 1, 1, &one) || bv_const(p, 1, 0, &zero))
		return -EINVAL;
	out->width = 1;
	return mk3(p, BCF_BV_ITE, 1, eq, one, zero, &out->id);
}

/* x < 0 as a Bool: (= ((_ extract w-1 w-1) x) #b1). */
static int negative(struct app *p, uint32_t x, unsigned w, uint32_t *id)
{
	uint32_t msb, one;

	if (extract(p, w - 1, w - 1, x, &msb) || bv_const(p, 1, 1, &one))
		return -EINVAL;
	return mk2(p, BCF_BOOL_EQ, 0, msb, one, id);
}

/*
 * SMT-LIB defines bvsrem by cases on the two sign bits; in each case the
 * result is |s| urem |t| carrying the sign of s:
 *   (bvsrem s t) = (ite s<0 (bvneg (bvurem |s| |t|)) (bvurem |s| |t|))
 * with |x| = (ite x<0 (bvneg x) x).
 */
static int bvsrem(struct app *p, struct smt2_term *out)
{
	uint32_t s = p->a[0].t.id, t = p->a[1].t.id, sneg, tneg, ns, nt, as, at, r, nr;
	unsigned w = p->a[0].t.width;

	if (want_same(p, true))
		return -EINVAL;
	if (negative(p, s, w, &sneg) || negative(p, t, w, &tneg) ||
	    mk1(p, BCF_BV_NEG, w, s, &ns) || mk1(p, BCF_BV_NEG, w, t, &nt) ||
	    mk3(p, BCF_BV_ITE, w, sneg, ns, s, &as) || mk3(p, BCF_BV_ITE, w, tneg, nt, t, &at) ||
	    mk2(p, BCF_BV_MOD, w, as, at, &r) || mk1(p, BCF_BV_NEG, w, r, &nr))
		return -EINVAL;
	out->width = w;
	return mk3(p, BCF_BV_ITE, w, sneg, nr, r, &out->id);
}

static int special(struct app *p, enum smt2_op op, struct smt2_term *out)
{
	switch (op) {
	case SMT2_OP_IMPLIES:
		return implies(p, out);
	case SMT2_OP_EQ:
		return eq_chain(p, out);
	case SMT2_OP_DISTINCT:
		return distinct(p, out);
	case SMT2_OP_ITE:
		return ite(p, out);
	case SMT2_OP_CONCAT:
		return concat(p, out);
	case SMT2_OP_BVCOMP:
		return bvcomp(p, out);
	case SMT2_OP_BVSREM:
		return bvsrem(p, out);
	default:
		return indexed(p, op, out);
	}
}

int smt2_apply(struct smt2_ctx *ctx, struct smt2_head h, struct smt2_loc loc,
	       struct smt2_span args, struct smt2_term *out)
{
	struct app p = {
		.ctx = ctx, .name = h.sym->name, .loc = loc, .a = ctx->args + args.start,
		.n = args.n, .ix = h.nidx ? ctx->idx + h.idx : NULL, .nix = h.nidx,
	};
	const struct op_info *oi;
	uint32_t i, acc, *ids;
	char b[48];
	int err;

	if (h.sym->op == SMT2_OP_NONE) {
		if (h.indexed)
			err = smt2_fail(ctx, loc, "unknown indexed operator '(_ %s ...)'",
					smt2_printable(h.sym->name, h.sym->len, b, sizeof(b)));
		else if (h.sym->bind)
			err = smt2_fail(ctx, loc, "'%s' is not a function (applied to %u arguments)",
					smt2_printable(h.sym->name, h.sym->len, b, sizeof(b)),
					args.n);
		else
			err = smt2_fail(ctx, loc, "unknown operator '%s'",
					smt2_printable(h.sym->name, h.sym->len, b, sizeof(b)));
		goto out;
	}
	oi = &ops[h.sym->op];
	if (oi->kind == K_CONST) {
		err = smt2_fail(ctx, loc, "'%s' is a constant, not a function", p.name);
		goto out;
	}
	if (h.indexed != (oi->nidx > 0)) {
		err = oi->nidx ? smt2_fail(ctx, loc, "'%s' needs %u index(es): (_ %s ...)",
					   p.name, oi->nidx, p.name)
			       : smt2_fail(ctx, loc, "'%s' takes no indices", p.name);
		goto out;
	}
	if (h.nidx != oi->nidx) {
		err = smt2_fail(ctx, loc, "'%s' takes %u index(es), got %u", p.name, oi->nidx,
				h.nidx);
		goto out;
	}
	if (args.n < oi->lo || (oi->hi && args.n > oi->hi)) {
		if (oi->lo == oi->hi)
			err = smt2_fail(ctx, loc, "'%s' takes %u argument%s, got %u", p.name,
					oi->lo, oi->lo == 1 ? "" : "s", args.n);
		else
			err = smt2_fail(ctx, loc, "'%s' takes at least %u arguments, got %u",
					p.name, oi->lo, args.n);
		goto out;
	}

	switch (oi->kind) {
	case K_BOOL_OP:
		err = want_all(&p, SMT2_BOOL);
		if (err)
			break;
		out->width = SMT2_BOOL;
		ids = ids_of(&p);
		err = ids ? mk_nary(&p, oi->code, 0, ids, p.n, &out->id) : -ENOMEM;
		break;
	case K_BV_OP:
	case K_BV_NOTOP:
		err = want_same(&p, true);
		if (err)
			break;
		out->width = p.a[0].t.width;
		ids = ids_of(&p);
		err = ids ? mk_nary(&p, oi->code, out->width, ids, p.n, &out->id) : -ENOMEM;
		if (!err && oi->kind == K_BV_NOTOP)
			err = mk1(&p, BCF_BV_NOT, out->width, out->id, &out->id);
		break;
	case K_BV_CHAIN:
		err = want_same(&p, true);
		if (err)
			break;
		out->width = p.a[0].t.width;
		acc = p.a[0].t.id;
		for (i = 1; !err && i < p.n; i++)
			err = mk2(&p, oi->code, out->width, acc, p.a[i].t.id, &acc);
		out->id = acc;
		break;
	case K_BV_CMP:
		err = want_same(&p, true);
		if (err)
			break;
		out->width = SMT2_BOOL;
		err = mk2(&p, oi->code, 0, p.a[0].t.id, p.a[1].t.id, &out->id);
		break;
	default:
		err = special(&p, (enum smt2_op)h.sym->op, out);
		break;
	}
out:
	ctx->nargs = args.start;
	ctx->nidx = h.idx;
	return err;
}
