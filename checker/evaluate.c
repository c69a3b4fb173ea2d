// SPDX-License-Identifier: MIT
/*
 * Constant evaluation and the EVALUATE core rule (spec/rules-core.md 3.2).
 *
 * The evaluator walks the expression depth first with an explicit stack:
 * a frame per open node and a slot per child value already computed, at
 * most CKR_EVAL_STACK_MAX of both together (the kernel's limit).  Every
 * child is evaluated before its parent, so a zero divisor in the untaken
 * branch of an ite still rejects.
 *
 * Error order follows the kernel: the root must be a bool or a bv of at
 * most 64 bits and not a variable (-EINVAL); a child is refused when the
 * stack is full (-E2BIG), then if it is a variable (-EINVAL); a node's own
 * problems (wider than 64 bits: -E2BIG; sdiv/smod: -EOPNOTSUPP; bvnot,
 * repeat, zero divisor, the NEG quirk: -EINVAL) surface when it is
 * evaluated, after its children.  The kernel's "overflow" flag is ignored,
 * as by the kernel's EVALUATE.
 *
 * Each value is computed in two lanes: the kernel's semantics (shift
 * amounts >= 64 behave as the x86-64 build of the kernel checker does) and
 * SMT-LIB semantics.  The lanes only part at shifts by >= 64 and at a
 * division the kernel would reject anyway; strict mode rejects when the
 * two results differ, kernel-compat mode uses the kernel lane.
 */
#include "checker/checker.h"

#define CKR_EVAL_STACK_MAX 192 /* open frames + pending values (kernel limit) */

struct ev_frame {
	uint32_t id;
	uint16_t next; /* next argument to evaluate */
	uint16_t base; /* index of this node's first argument value */
};

struct ev_val {
	uint64_t k; /* kernel semantics */
	uint64_t s; /* SMT-LIB semantics */
};

static uint64_t sext(uint64_t v, unsigned w)
{
	uint64_t sign;

	if (w == 0 || w >= 64)
		return v;
	v &= bcf_mask(w);
	sign = (uint64_t)1 << (w - 1);
	return (v ^ sign) - sign;
}

static uint64_t const_value(const struct bcf_expr *e)
{
	uint64_t v = 0;

	if (e->vlen >= 1)
		v = e->args[0];
	if (e->vlen >= 2)
		v |= (uint64_t)e->args[1] << 32;
	return v & bcf_mask(bcf_expr__width(e));
}

/* Checks made when a child is reached (the root has its own, ev_root). */
static int ev_visit(struct bcf_checker *c, uint32_t id, const struct bcf_expr **out)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	if (!e)
		return ckr_fail(c, -EINVAL, "evaluate: expression %u is not a live id", id);
	if (bcf_is_var(e))
		return ckr_fail(c, -EINVAL, "evaluate: expression %u is a variable", id);
	*out = e;
	return 0;
}

/* The root must be a bool, or a bv of width <= 64, and not a variable. */
static int ev_root(struct bcf_checker *c, uint32_t id)
{
	const struct bcf_expr *e = ckr_expr(c, id);

	if (!e)
		return ckr_fail(c, -EINVAL, "evaluate: expression %u is not a live id", id);
	if (bcf_is_list(e))
		return ckr_fail(c, -EINVAL, "evaluate: expression %u is a list", id);
	if (bcf_is_bv(e) && bcf_expr__width(e) > 64)
		return ckr_fail(c, -EINVAL, "evaluate: expression %u is %u bits wide (max 64)", id,
				bcf_expr__width(e));
	if (bcf_is_var(e))
		return ckr_fail(c, -EINVAL, "evaluate: expression %u is a variable", id);
	return 0;
}

/* Checks made when a node is evaluated (after its children). */
static int ev_check_node(struct bcf_checker *c, uint32_t id, const struct bcf_expr *e)
{
	if (bcf_is_list(e))
		return ckr_fail(c, -EFAULT, "evaluate: list %u inside an expression", id);
	if (bcf_is_bv(e) && bcf_expr__width(e) > 64)
		return ckr_fail(c, -E2BIG, "evaluate: expression %u is %u bits wide (max 64)", id,
				bcf_expr__width(e));
	switch (e->code) {
	case BCF_BV_SDIV:
	case BCF_BV_SMOD:
		return ckr_fail(c, -EOPNOTSUPP, "evaluate: expression %u: sdiv/smod cannot be evaluated",
				id);
	case BCF_BV_NOT:
	case BCF_BV_REPEAT:
		return ckr_fail(c, -EINVAL, "evaluate: expression %u: %s cannot be evaluated", id,
				e->code == BCF_BV_NOT ? "bvnot" : "repeat");
	default:
		return 0;
	}
}

/* Shifts in both lanes; a = value (masked to w), s = amount. */
static void ev_shift(uint8_t code, unsigned w, const struct ev_val *a, const struct ev_val *s,
		     struct ev_val *r)
{
	uint64_t m = bcf_mask(w);

	switch (code) {
	case BCF_BV_LSH:
		r->k = s->k < 64 ? a->k << s->k : a->k;
		r->s = s->s < w ? a->s << s->s : 0;
		break;
	case BCF_BV_RSH:
		r->k = a->k >> (s->k & 63);
		r->s = s->s < w ? a->s >> s->s : 0;
		break;
	default: /* BCF_BV_ARSH */
		r->k = (uint64_t)((int64_t)sext(a->k, w) >> (s->k & 63));
		r->s = (uint64_t)((int64_t)sext(a->s, w) >> (s->s < w ? s->s : 63));
		break;
	}
	r->k &= m;
	r->s &= m;
}

static bool cmp_op(uint8_t code, uint64_t a, uint64_t b, unsigned w)
{
	int64_t sa = (int64_t)sext(a, w), sb = (int64_t)sext(b, w);

	switch (code) {
	case BCF_BOOL_EQ: return a == b;
	case BCF_BOOL_DISTINCT: return a != b;
	case BCF_BOOL_UGT: return a > b;
	case BCF_BOOL_UGE: return a >= b;
	case BCF_BOOL_ULT: return a < b;
	case BCF_BOOL_ULE: return a <= b;
	case BCF_BOOL_SGT: return sa > sb;
	case BCF_BOOL_SGE: return sa >= sb;
	case BCF_BOOL_SLT: return sa < sb;
	default: /* BCF_BOOL_SLE */ return sa <= sb;
	}
}

/* Value of node e (id) from its argument values v[0..vlen-1]. */
static int ev_apply(struct bcf_checker *c, uint32_t id, const struct bcf_expr *e,
		    const struct ev_val *v, struct ev_val *r)
{
	unsigned w = bcf_is_bv(e) ? bcf_expr__width(e) : 1, i;
	uint64_t m = bcf_mask(w);
	const struct bcf_expr *a0;

	switch (e->code) {
	case BCF_BV_ADD:
	case BCF_BV_MUL:
	case BCF_BV_OR:
	case BCF_BV_AND:
	case BCF_BV_XOR:
		*r = v[0];
		for (i = 1; i < e->vlen; i++) {
			switch (e->code) {
			case BCF_BV_ADD: r->k += v[i].k; r->s += v[i].s; break;
			case BCF_BV_MUL: r->k *= v[i].k; r->s *= v[i].s; break;
			case BCF_BV_OR: r->k |= v[i].k; r->s |= v[i].s; break;
			case BCF_BV_AND: r->k &= v[i].k; r->s &= v[i].s; break;
			default: r->k ^= v[i].k; r->s ^= v[i].s; break;
			}
		}
		break;
	case BCF_BV_SUB:
		r->k = v[0].k - v[1].k;
		r->s = v[0].s - v[1].s;
		break;
	case BCF_BV_DIV:
	case BCF_BV_MOD:
		if (!v[1].k)
			return ckr_fail(c, -EINVAL, "evaluate: expression %u: division by zero", id);
		if (e->code == BCF_BV_DIV) {
			r->k = v[0].k / v[1].k;
			r->s = v[1].s ? v[0].s / v[1].s : m;
		} else {
			r->k = v[0].k % v[1].k;
			r->s = v[1].s ? v[0].s % v[1].s : v[0].s;
		}
		break;
	case BCF_BV_LSH:
	case BCF_BV_RSH:
	case BCF_BV_ARSH:
		ev_shift(e->code, w, &v[0], &v[1], r);
		break;
	case BCF_BV_NEG:
		/* the kernel compares with a 32-bit 1 << (w - 1) */
		if (v[0].k == (uint64_t)((uint32_t)1 << ((w - 1) & 31)))
			return ckr_fail(c, -EINVAL,
					"evaluate: expression %u: negation of %#llx at width %u",
					id, (unsigned long long)v[0].k, w);
		r->k = -v[0].k;
		r->s = -v[0].s;
		break;
	case BCF_BV_EXTRACT: {
		unsigned lo = BCF_EXPR_LOW(e->params);

		r->k = lo < 64 ? v[0].k >> lo : 0;
		r->s = lo < 64 ? v[0].s >> lo : 0;
		break;
	}
	case BCF_BV_SIGN_EXTEND:
		a0 = ckr_expr(c, e->args[0]);
		r->k = sext(v[0].k, bcf_expr__width(a0));
		r->s = sext(v[0].s, bcf_expr__width(a0));
		break;
	case BCF_BV_ZERO_EXTEND:
		*r = v[0];
		break;
	case BCF_BV_FROM_BOOL:
		r->k = r->s = 0;
		for (i = 0; i < e->vlen && i < 64; i++) {
			r->k |= (v[i].k & 1) << i;
			r->s |= (v[i].s & 1) << i;
		}
		break;
	case BCF_BV_CONCAT:
		r->k = r->s = 0;
		for (i = 0; i < e->vlen; i++) {
			unsigned aw = bcf_expr__width(ckr_expr(c, e->args[i]));

			r->k = (aw < 64 ? r->k << aw : 0) | v[i].k;
			r->s = (aw < 64 ? r->s << aw : 0) | v[i].s;
		}
		break;
	case BCF_BV_ITE:
	case BCF_BOOL_ITE:
		r->k = v[0].k ? v[1].k : v[2].k;
		r->s = v[0].s ? v[1].s : v[2].s;
		break;
	case BCF_BOOL_CONJ:
	case BCF_BOOL_DISJ:
	case BCF_BOOL_XOR:
		*r = v[0];
		for (i = 1; i < e->vlen; i++) {
			switch (e->code) {
			case BCF_BOOL_CONJ: r->k &= v[i].k; r->s &= v[i].s; break;
			case BCF_BOOL_DISJ: r->k |= v[i].k; r->s |= v[i].s; break;
			default: r->k ^= v[i].k; r->s ^= v[i].s; break;
			}
		}
		break;
	case BCF_BOOL_NOT:
		r->k = !v[0].k;
		r->s = !v[0].s;
		break;
	case BCF_BOOL_IMPLIES:
		r->k = !v[0].k || v[1].k;
		r->s = !v[0].s || v[1].s;
		break;
	case BCF_BOOL_BITOF: {
		unsigned bit = BCF_EXPR_LOW(e->params);

		r->k = bit < 64 ? (v[0].k >> bit) & 1 : 0;
		r->s = bit < 64 ? (v[0].s >> bit) & 1 : 0;
		break;
	}
	case BCF_BOOL_EQ:
	case BCF_BOOL_DISTINCT:
	case BCF_BOOL_UGT:
	case BCF_BOOL_UGE:
	case BCF_BOOL_ULT:
	case BCF_BOOL_ULE:
	case BCF_BOOL_SGT:
	case BCF_BOOL_SGE:
	case BCF_BOOL_SLT:
	case BCF_BOOL_SLE: {
		unsigned aw;

		a0 = ckr_expr(c, e->args[0]);
		aw = bcf_is_bv(a0) ? bcf_expr__width(a0) : 1;
		r->k = cmp_op(e->code, v[0].k, v[1].k, aw);
		r->s = cmp_op(e->code, v[0].s, v[1].s, aw);
		break;
	}
	default:
		return ckr_fail(c, -EFAULT, "evaluate: expression %u: unexpected code %#x", id,
				e->code);
	}
	r->k &= m;
	r->s &= m;
	return 0;
}

/* Leaves: constants and bvsize (whose argument is not visited). */
static bool ev_leaf(const struct bcf_expr *e)
{
	return e->code == BCF_BV_VAL || e->code == BCF_BOOL_VAL || e->code == BCF_BV_BVSIZE;
}

static int ev_leaf_value(struct bcf_checker *c, uint32_t id, const struct bcf_expr *e,
			 struct ev_val *r)
{
	const struct bcf_expr *x;
	int err = ev_check_node(c, id, e);

	if (err)
		return err;
	switch (e->code) {
	case BCF_BV_VAL:
		r->k = r->s = const_value(e);
		return 0;
	case BCF_BOOL_VAL:
		r->k = r->s = e->params & 1;
		return 0;
	default: /* BCF_BV_BVSIZE */
		x = ckr_expr(c, e->args[0]);
		if (!x || !bcf_is_bv(x))
			return ckr_fail(c, -EINVAL, "evaluate: bvsize %u: bad argument", id);
		r->k = r->s = bcf_expr__width(x) & bcf_mask(bcf_expr__width(e));
		return 0;
	}
}

static int ev_run(struct bcf_checker *c, uint32_t root, struct ev_val *out)
{
	struct ev_frame frames[CKR_EVAL_STACK_MAX];
	struct ev_val vals[CKR_EVAL_STACK_MAX];
	unsigned nf = 0, nv = 0;
	const struct bcf_expr *e;
	int err;

	err = ev_root(c, root);
	if (err)
		return err;
	frames[nf++] = (struct ev_frame){ .id = root, .next = 0, .base = 0 };
	while (nf) {
		struct ev_frame *f = &frames[nf - 1];
		struct ev_val r;

		e = ckr_expr(c, f->id);
		if (ev_leaf(e)) {
			err = ev_leaf_value(c, f->id, e, &r);
			if (err)
				return err;
		} else if (f->next < e->vlen) {
			uint32_t child = e->args[f->next++];
			const struct bcf_expr *ce;

			if (nf + nv + 1 > CKR_EVAL_STACK_MAX)
				return ckr_fail(c, -E2BIG,
						"evaluate: stack overflow (%u frames) at expression %u",
						CKR_EVAL_STACK_MAX, child);
			err = ev_visit(c, child, &ce);
			if (err)
				return err;
			frames[nf++] = (struct ev_frame){ .id = child, .next = 0, .base = nv };
			continue;
		} else {
			if (nv - f->base != e->vlen)
				return ckr_fail(c, -EFAULT, "evaluate: stack inconsistency at %u",
						f->id);
			err = ev_check_node(c, f->id, e);
			if (!err)
				err = ev_apply(c, f->id, e, &vals[f->base], &r);
			if (err)
				return err;
			nv = f->base;
		}
		nf--;
		vals[nv++] = r;
	}
	if (nv != 1)
		return ckr_fail(c, -EFAULT, "evaluate: stack inconsistency at the root");
	*out = vals[0];
	return 0;
}

int ckr_eval(struct bcf_checker *c, uint32_t id, uint64_t *val)
{
	struct ev_val r;
	int err = ev_run(c, id, &r);

	if (err)
		return err;
	if (ckr_strict(c) && r.k != r.s)
		return ckr_fail(c, -EINVAL,
				"evaluate: expression %u: a shift by >= 64 gives %#llx in the kernel, "
				"%#llx in SMT-LIB (strict)",
				id, (unsigned long long)r.k, (unsigned long long)r.s);
	*val = r.k;
	return 0;
}

int ckr_eval_compat(struct bcf_checker *c, uint32_t id, uint64_t *kernel_val, uint64_t *smt_val)
{
	struct ev_val r;
	int err = ev_run(c, id, &r);

	if (err)
		return err;
	*kernel_val = r.k;
	if (smt_val)
		*smt_val = r.s;
	return 0;
}

int rule_EVALUATE(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		  const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct bcf_expr *e;
	uint32_t t, cid;
	uint64_t v;
	int err;

	if (np != 0 || nparams != 1)
		return ckr_fail(c, -EINVAL, "EVALUATE takes no premise and one parameter");
	t = params[0];
	if (!ckr_is_static(c, t))
		return ckr_fail(c, -EINVAL, "EVALUATE: %u is not a static expression id", t);
	err = ckr_eval(c, t, &v);
	if (err)
		return err;
	e = ckr_expr(c, t);
	if (bcf_is_bool(e))
		return ckr_eq(c, t, v ? c->true_id : c->false_id, concl);
	err = ckr_bv_const(c, bcf_expr__width(e), v, &cid);
	if (err)
		return err;
	err = ckr_eq(c, t, cid, concl);
	ckr_put(c, cid);
	return err;
}
