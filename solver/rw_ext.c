// SPDX-License-Identifier: MIT
/*
 * An extension equal to a constant: REWRITE 142/143 (solver/rw_ext.h).
 */
#include <errno.h>

#include "lang/arena.h"
#include "lang/expr.h"
#include "solver/rw_ext.h"

static const struct bcf_expr *expr(struct pbuild *b, uint32_t id)
{
	return bcf_arena__expr(pbuild_arena(b), id);
}

/* zero extensions by 1 are where the detour through REWRITE 141 ends */
static bool is_ext(const struct bcf_expr *e)
{
	return e->code == BCF_BV_SIGN_EXTEND ||
	       (e->code == BCF_BV_ZERO_EXTEND && BCF_EXPR_HIGH(e->params) >= 2);
}

/*
 * Does v fit the extension e, i.e. is (= e v) satisfiable?  When it is not,
 * a bit of v's high part disagrees with the extension, which the blaster's
 * window (solver/blast_window.c) refutes in fewer words than this route.
 */
static bool fits(const struct bcf_expr *e, uint64_t v)
{
	unsigned w = bcf_expr__width(e), n = w - BCF_EXPR_HIGH(e->params);
	uint64_t top;

	if (n == 0 || n >= w)
		return false;
	if (e->code == BCF_BV_ZERO_EXTEND)
		return v >> n == 0;
	top = v >> (n - 1);             /* the sign bit of x and its copies */
	return top == 0 || top == bcf_mask(w - n + 1);
}

/* The extension side of atom (0 or 1), or -1 */
static int ext_side(struct pbuild *b, uint32_t atom)
{
	const struct bcf_expr *e = expr(b, atom), *x, *c;
	int i;

	if (!e || e->code != BCF_BOOL_EQ || e->vlen != 2)
		return -1;
	for (i = 0; i < 2; i++) {
		x = expr(b, e->args[i]);
		c = expr(b, e->args[1 - i]);
		if (is_ext(x) && c->code == BCF_BV_VAL && BCF_EXPR_HIGH(x->params) > 0 &&
		    bcf_expr__width(c) <= 64 && bcf_expr__bv_value(c) <= UINT32_MAX &&
		    fits(x, bcf_expr__bv_value(c)))
			return i;
	}
	return -1;
}

bool rw_ext_eq_applies(struct pbuild *b, uint32_t atom)
{
	return ext_side(b, atom) >= 0;
}

/* EVALUATE (= l r) for a side condition */
static int cond(struct pbuild *b, uint32_t l, uint32_t r)
{
	uint32_t eq;
	int err = pbuild_node2(b, BCF_BOOL_EQ, 0, l, r, &eq);

	return err ? err : pb_evaluate(b, eq);
}

/* EVALUATE (= l (op a b)) for a side condition (op: BCF_BV_ADD, BCF_BV_SUB) */
static int cond2(struct pbuild *b, uint32_t l, uint8_t op, uint32_t x, uint32_t y)
{
	uint32_t r;
	int err = pbuild_node2(b, op, 32, x, y, &r);

	return err ? err : cond(b, l, r);
}

/* (= (zero_extend k x) (sign_extend k-1 (zero_extend 1 x))): SYMM of REWRITE
 * 141 BV_MERGE_SIGN_EXTEND_2 with v1 = k-1, v2 = 1 */
static int zext_as_sext(struct pbuild *b, uint32_t z)
{
	const struct bcf_expr *e = expr(b, z);
	unsigned k = BCF_EXPR_HIGH(e->params);
	uint32_t v[4], gt, zero;
	int prem[2], err, r;

	v[0] = e->args[0];
	if ((err = pbuild_i32(b, k - 1, &v[1])) || (err = pbuild_i32(b, 1, &v[2])) ||
	    (err = pbuild_i32(b, k, &v[3])) || (err = pbuild_i32(b, 0, &zero)) ||
	    (err = pbuild_node2(b, BCF_BOOL_SGT, 0, v[2], zero, &gt)))
		return err;
	/* (and (bvsgt v2 #0) (= v3 (bvadd v1 v2))) */
	prem[0] = pb_evaluate(b, gt);
	prem[1] = prem[0] < 0 ? prem[0] : cond2(b, v[3], BCF_BV_ADD, v[1], v[2]);
	if (prem[1] < 0)
		return prem[1];
	r = pb_rewrite(b, 141, prem, 2, v, 4);
	return r < 0 ? r : pb_symm(b, r);
}

int rw_ext_eq(struct pbuild *b, uint32_t atom)
{
	int side = ext_side(b, atom), prem[3], err, p[2], r, pre = -1;
	const struct bcf_expr *e;
	uint32_t v[7], one, sz, nm1, ext, cid, cval;
	unsigned n, k, w;

	if (side < 0)
		return -ENOENT;
	/* node pointers do not survive the arena's growth: copy what is used */
	e = expr(b, atom);
	ext = e->args[side];
	cid = e->args[1 - side];
	w = bcf_expr__width(expr(b, cid));
	cval = (uint32_t)bcf_expr__bv_value(expr(b, cid));
	if (expr(b, ext)->code == BCF_BV_ZERO_EXTEND) {
		/* (= atom (= (sign_extend k-1 (zero_extend 1 x)) c)) by CONG */
		p[side] = zext_as_sext(b, ext);
		p[1 - side] = p[side] < 0 ? p[side] : pb_refl(b, cid);
		pre = p[1 - side] < 0 ? p[1 - side] : pb_cong(b, atom, p, 2);
		if (pre < 0)
			return pre;
		atom = expr(b, pbuild_fact(b, pre))->args[1];
		ext = expr(b, atom)->args[side];
	}
	e = expr(b, ext);
	k = BCF_EXPR_HIGH(e->params);
	n = w - k;
	v[0] = e->args[0];
	/* v4 = k+1, v5 = n-1, v6 = w-1: (= v4 (bvadd v1 #1))
	 * (= v5 (bvsub (@bvsize v0) #1)) (= v6 (bvsub v3 #1)) */
	if ((err = pbuild_i32(b, k, &v[1])) || (err = pbuild_i32(b, cval, &v[2])) ||
	    (err = pbuild_i32(b, w, &v[3])) || (err = pbuild_i32(b, 1, &one)) ||
	    (err = pbuild_node(b, BCF_BV_BVSIZE, 32, &v[0], 1, &sz)) ||
	    (err = pbuild_node2(b, BCF_BV_SUB, 32, sz, one, &nm1)) ||
	    (err = pbuild_i32(b, k + 1, &v[4])) || (err = pbuild_i32(b, n - 1, &v[5])) ||
	    (err = pbuild_i32(b, w - 1, &v[6])))
		return err;
	prem[0] = cond2(b, v[4], BCF_BV_ADD, v[1], one);
	prem[1] = prem[0] < 0 ? prem[0] : cond(b, v[5], nm1);
	prem[2] = prem[1] < 0 ? prem[1] : cond2(b, v[6], BCF_BV_SUB, v[3], one);
	if (prem[2] < 0)
		return prem[2];
	r = pb_rewrite(b, side == 0 ? 142 : 143, prem, 3, v, 7);
	if (r < 0 || pre < 0)
		return r;
	p[0] = pre;
	p[1] = r;
	return pb_trans(b, p, 2);
}

/* (= ((_ extract n-1 0) z) x) for z = (zero_extend j x): REWRITE 93 under
 * CONG, REWRITE 54 BV_EXTRACT_CONCAT_1, REWRITE 53 BV_EXTRACT_WHOLE */
static int zext_arg(struct pbuild *b, uint32_t z, uint32_t *ex)
{
	const struct bcf_expr *e = expr(b, z);
	unsigned j = BCF_EXPR_HIGH(e->params), n = bcf_expr__width(e) - j;
	uint32_t x = e->args[0], v[5], sz, one, t, zero[2] = { 0, 0 };
	int p[3], err;

	if ((err = pbuild_node(b, BCF_BV_EXTRACT, BCF_EXPR_PARAMS(n - 1, 0), &z, 1, ex)) ||
	    (err = pbuild_i32(b, j, &v[1])))
		return err;
	v[0] = x;
	p[0] = pb_rewrite(b, 93, NULL, 0, v, 2);        /* (= z (concat #0:j x)) */
	p[0] = p[0] < 0 ? p[0] : pb_cong(b, *ex, p, 1);
	if (p[0] < 0)
		return p[0];
	/* v0 = x, v1 = (), v2 = #0:j, v3 = 0, v4 = n-1; (bvsle v4 (@bvsize v0)) */
	if ((err = pbuild_node(b, BCF_LIST_VAL, BCF_BV, NULL, 0, &v[1])) ||
	    (err = pbuild_node(b, BCF_BV_VAL, j, zero, bcf_val_words(j), &v[2])) ||
	    (err = pbuild_i32(b, 0, &v[3])) || (err = pbuild_i32(b, n - 1, &v[4])) ||
	    (err = pbuild_node(b, BCF_BV_BVSIZE, 32, &x, 1, &sz)) ||
	    (err = pbuild_node2(b, BCF_BOOL_SLE, 0, v[4], sz, &t)))
		return err;
	p[1] = pb_evaluate(b, t);
	p[1] = p[1] < 0 ? p[1] : pb_rewrite(b, 54, &p[1], 1, v, 5);
	if (p[1] < 0)
		return p[1];
	/* v0 = x, v1 = n-1; (bvsge v1 (bvsub (@bvsize v0) #1)) */
	v[1] = v[4];
	if ((err = pbuild_i32(b, 1, &one)) || (err = pbuild_node2(b, BCF_BV_SUB, 32, sz, one, &t)) ||
	    (err = pbuild_node2(b, BCF_BOOL_SGE, 0, v[1], t, &t)))
		return err;
	p[2] = pb_evaluate(b, t);
	p[2] = p[2] < 0 ? p[2] : pb_rewrite(b, 53, &p[2], 1, v, 2);
	return p[2] < 0 ? p[2] : pb_trans(b, p, 3);
}

int rw_zext_arg(struct pbuild *b, uint32_t atom)
{
	const struct bcf_expr *e = expr(b, atom), *z, *c;
	uint32_t ex;
	int i;

	if (!e || e->code != BCF_BOOL_EQ || e->vlen != 2)
		return -ENOENT;
	for (i = 0; i < 2; i++) {
		z = expr(b, e->args[i]);
		c = expr(b, e->args[1 - i]);
		if (z->code == BCF_BV_ZERO_EXTEND && BCF_EXPR_HIGH(z->params) > 0 &&
		    BCF_EXPR_HIGH(z->params) <= 64 && c->code == BCF_BV_VAL &&
		    bcf_expr__width(c) <= 64 && fits(z, bcf_expr__bv_value(c)))
			return zext_arg(b, e->args[i], &ex);
	}
	return -ENOENT;
}
