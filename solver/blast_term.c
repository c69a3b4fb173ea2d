// SPDX-License-Identifier: MIT
/*
 * Terms: prove (= t FB(bits)) bottom-up with a memo per arena id
 * (spec/rules-bv.md 4).  Leaves by BITBLAST; operators by CONG over the
 * children's facts, BITBLAST of the operator over FB arguments, TRANS;
 * ground terms by EVALUATE; what the kernel cannot bit-blast goes through a
 * checked route first (zero_extend rewrites, masks, bvnot bit by bit, the
 * POLY_NORM of a product by a constant) whose result is blasted in turn and
 * linked by TRANS.  The walk uses an explicit stack.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/grow.h"
#include "solver/blast_int.h"

#define ON_STACK 1u

struct frame {
	uint32_t id;
	uint32_t repl; /* route: the term the route step rewrote t into */
	int st;        /* 0 new, 1 children pushed, 2 waiting for repl */
	int aux;       /* route step (= t repl) */
};

uint32_t bl_term_fb(const struct blaster *bl, uint32_t t)
{
	return bl_rhs(bl, bl->memo[t] - 1);
}

static int leaf(struct blaster *bl, uint32_t t)
{
	uint32_t eq;
	int err = bb_build_leaf(&bl->bb, bcf_arena__lookup, bl->a, t, &eq);

	if (err)
		return bl_fail(bl, err, "bit-blasting leaf %u: %s", t, bcf_last_error());
	return bl_bitblast(bl, eq);
}

static const char *opname(uint8_t code)
{
	const char *n = bcf_code__name(code);

	return n ? n : "?";
}

/* CONG over the children's facts, BITBLAST, TRANS. */
static int plain(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint32_t args[255], nargs[255], eq;
	uint8_t code = e->code;
	uint16_t params = e->params;
	unsigned n = e->vlen, i;
	int prem[255], s, c = -1;
	bool same = true;

	memcpy(args, e->args, n * sizeof(*args));
	for (i = 0; i < n; i++) {
		if (code == BCF_BV_ITE && i == 0) {
			nargs[i] = args[i];
			prem[i] = -1;
			continue;
		}
		prem[i] = bl->memo[args[i]] - 1;
		nargs[i] = bl_term_fb(bl, args[i]);
		if (nargs[i] != args[i])
			same = false;
	}
	s = bb_build_step(&bl->bb, bcf_arena__lookup, bl->a, code, params, nargs, n, &eq);
	if (s == -EOPNOTSUPP)
		return bl_fail(bl, -ENOTSUP, "BITBLAST %s", opname(code));
	if (s)
		return bl_fail(bl, s, "building the circuit of %s (term %u): %s", opname(code), t,
			       bcf_last_error());
	s = bl_bitblast(bl, eq);
	if (s < 0 || same)
		return s;
	for (i = 0; i < n; i++)
		if (prem[i] < 0) {
			prem[i] = pb_refl(bl->b, args[i]);
			if (prem[i] < 0)
				return bl_step_fail(bl, prem[i], "REFL");
			bl->st.other++;
		}
	c = pb_cong(bl->b, t, prem, n);
	if (c < 0)
		return bl_step_fail(bl, c, "CONG");
	bl->st.other++;
	return bl_trans2(bl, c, s);
}

/*
 * (zero_extend n x) with n > 64: REWRITE 93 would need the constant
 * (bv #0 n), and a constant node holds at most 64 bits (the kernel's too):
 * `bcf prove` answered error (exit 2) for 128-bit goals that zero-extend a
 * 32-bit term.  Instead (= t (sign_extend n-64 (zero_extend 64 x))) by
 * REWRITE 141 BV_MERGE_SIGN_EXTEND_2 (its side conditions evaluated) and
 * SYMM; the inner zero_extend takes REWRITE 93 with a 64-bit zero, and the
 * sign extension of its zero top bit is bit-blasted.
 */
static int zext_wide(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned n = BCF_EXPR_HIGH(e->params);
	uint32_t v[4], zero, sum, gt;
	int c[2], r, err;

	v[0] = e->args[0];
	if ((err = bl_i32(bl, n - 64, &v[1])) || (err = bl_i32(bl, 64, &v[2])) ||
	    (err = bl_i32(bl, n, &v[3])) || (err = bl_i32(bl, 0, &zero)) ||
	    (err = bl_mk2(bl, BCF_BOOL_SGT, 0, v[2], zero, &gt)) ||
	    (err = bl_mk2(bl, BCF_BV_ADD, 32, v[1], v[2], &sum)))
		return err;
	c[0] = bl_cond(bl, gt);                 /* (bvsgt v2 #0) */
	if (c[0] < 0)
		return c[0];
	c[1] = bl_cond_eq(bl, v[3], sum);       /* (= v3 (bvadd v1 v2)) */
	if (c[1] < 0)
		return c[1];
	r = bl_rewrite(bl, 141, c, 2, v, 4);    /* (= (sext n-64 (zext 64 x)) t) */
	return r < 0 ? r : bl_symm(bl, r);
}

/*
 * The route for t, or BL_NONE for a plain operator.  Returns a step (= t R) or a
 * negative errno (-ENOTSUP with bl->why naming the missing rule).
 */
int bl_route(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint32_t vars[2], x = e->args[0];
	unsigned n;
	int s;

	switch (e->code) {
	case BCF_BV_ZERO_EXTEND:
		n = BCF_EXPR_HIGH(e->params);
		vars[0] = x;
		if (n == 0)
			return bl_rewrite(bl, 76, NULL, 0, vars, 1); /* ZERO_EXTEND_ELIMINATE_0 */
		if (n > 64)
			return zext_wide(bl, t);
		s = bl_i32(bl, n, &vars[1]);
		return s ? s : bl_rewrite(bl, 93, NULL, 0, vars, 2); /* ZERO_EXTEND_ELIMINATE */
	case BCF_BV_NOT:
		return bl_route_not(bl, t);
	case BCF_BV_EXTRACT:
		return bl_route_extract(bl, t);
	case BCF_BV_MUL:
		s = bl_fold_operands(bl, t);
		return s != BL_NONE ? s : bl_route_mul(bl, t);
	case BCF_BV_AND:
	case BCF_BV_OR:
	case BCF_BV_XOR:
		s = bl_fold_operands(bl, t);
		return s != BL_NONE ? s : bl_route_mask(bl, t);
	case BCF_BV_ITE: {
		const struct bcf_expr *c = bl_expr(bl, x);

		if (!bcf_is_bool(c))
			return bl_fail(bl, -ENOTSUP, "BITBLAST bv_ite (bit-vector condition)");
		return BL_NONE;
	}
	case BCF_BV_LSH:
	case BCF_BV_RSH:
	case BCF_BV_ARSH:
		s = bl_fold_operands(bl, t);
		return s != BL_NONE ? s : bl_route_shift(bl, t);
	case BCF_BV_REPEAT:
		return bl_route_repeat(bl, t);
	case BCF_BV_DIV:
	case BCF_BV_MOD:
	case BCF_BV_SDIV:
	case BCF_BV_SMOD:
		return bl_fail(bl, -ENOTSUP, "BITBLAST %s", opname(e->code));
	case BCF_BV_BVSIZE:
		return bl_fail(bl, -ENOTSUP, "BITBLAST bv_bvsize (not evaluable)");
	default:
		return BL_NONE;
	}
}

static int push(struct frame **stk, size_t *sp, size_t *cap, uint32_t id)
{
	if (bcf__grow_from((void **)stk, cap, *sp + 1, sizeof(**stk), 64))
		return -ENOMEM;
	(*stk)[(*sp)++] = (struct frame){ .id = id };
	return 0;
}

/* Push the children of t that still need a proof. */
static int push_children(struct blaster *bl, struct frame **stk, size_t *sp, size_t *cap,
			 uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	unsigned i, n = e->vlen;
	uint32_t args[255];
	int err;

	memcpy(args, e->args, n * sizeof(*args));
	for (i = 0; i < n; i++) {
		if (e->code == BCF_BV_ITE && i == 0)
			continue;
		if (bl->memo[args[i]])
			continue;
		if (bl->state[args[i]] & ON_STACK)
			return bl_fail(bl, -ELOOP, "term %u depends on itself", args[i]);
		err = push(stk, sp, cap, args[i]);
		if (err)
			return err;
	}
	return 0;
}

/* First visit of t: leaves, ground terms, routes; BL_NONE = plain operator. */
static int visit(struct blaster *bl, struct frame *f)
{
	uint32_t t = f->id;
	const struct bcf_expr *e = bl_expr(bl, t);
	bool ground;
	int s;

	if (!e || !bcf_is_bv(e))
		return bl_fail(bl, -EINVAL, "%u is not a bit-vector term", t);
	if (e->code == BCF_BV_VAR || e->code == BCF_BV_VAL)
		return leaf(bl, t);
	if (e->code == BCF_BV_FROM_BOOL) {
		s = pb_refl(bl->b, t);
		if (s < 0)
			return bl_step_fail(bl, s, "REFL");
		bl->st.other++;
		return s;
	}
	s = bl_ground(bl, t, &ground);
	if (s)
		return s;
	if (ground && bl_width(bl, t) <= 64) {
		s = pb_evaluate(bl->b, t);
		if (s >= 0) {
			bl->st.evaluate++;
			f->aux = s;
			f->repl = bl_rhs(bl, s);
			f->st = 2;
			return -EAGAIN;
		}
	}
	s = bl_route(bl, t);
	if (s == -ENOTSUP)
		s = bl_route_abstract(bl, t);
	if (s < 0 || s == BL_NONE)
		return s;
	f->aux = s;
	f->repl = bl_rhs(bl, s);
	f->st = 2;
	return -EAGAIN;
}

int bl_term(struct blaster *bl, uint32_t t)
{
	struct frame *stk = NULL;
	size_t sp = 0, cap = 0;
	int err;

	err = bl_grow(bl);
	if (err)
		return err;
	if (bl->memo[t])
		return bl->memo[t] - 1;
	err = push(&stk, &sp, &cap, t);
	while (!err && sp) {
		struct frame *f = &stk[sp - 1];
		uint32_t id = f->id;
		int s;

		if (bl->memo[id]) {
			bl->state[id] &= ~ON_STACK;
			sp--;
			continue;
		}
		bl->state[id] |= ON_STACK;
		if (f->st == 0) {
			s = visit(bl, f);
			err = bl_grow(bl);
			if (err)
				break;
			if (s == -EAGAIN) {
				uint32_t r = f->repl;

				if (!bl->memo[r]) {
					if (bl->state[r] & ON_STACK) {
						err = bl_fail(bl, -ELOOP, "route of %u loops", id);
						break;
					}
					err = push(&stk, &sp, &cap, r);
				}
				continue;
			}
			if (s == BL_NONE) {
				f->st = 1;
				err = push_children(bl, &stk, &sp, &cap, id);
				continue;
			}
		} else if (f->st == 1) {
			s = plain(bl, id);
		} else {
			s = bl_trans2(bl, f->aux, bl->memo[f->repl] - 1);
		}
		if (s < 0) {
			err = s;
			break;
		}
		err = bl_grow(bl);
		if (err)
			break;
		bl->memo[id] = s + 1;
		bl->state[id] &= ~ON_STACK;
		sp--;
	}
	while (sp)
		bl->state[stk[--sp].id] &= ~ON_STACK;
	free(stk);
	if (err)
		return err;
	return bl->memo[t] - 1;
}
