// SPDX-License-Identifier: MIT
/*
 * bvand / bvor / bvxor with a constant operand (the kernel cannot bit-blast
 * bvand soundly, nor bvxor at all).  The constant c is split into runs of
 * equal bits, grouped into a tree of 2- and 3-argument concats whose value
 * EVALUATE confirms; CONG puts the tree in place of c; the concat pull-up
 * rewrites (113-121) split the operation into one piece per child, each of
 * the form (op (extract[..] x) child); pieces with a constant run are
 * closed by ACI_NORM (neutral run: the piece is the extract) or ABSORB
 * (absorbing run: the piece is the run), bvxor with all-ones is bvnot
 * (blast_not.c); subtrees recurse.  CONG over the concat and TRANS rebuild
 * the whole, ACI_NORM flattens nested concats.  The result is a concat of
 * extracts, constants (and bvnots for xor) that bit-blasts.  A constant
 * wider than the format's 64 bits is a concat of 2 or 3 bv_vals, a tree
 * already: the pull-up rewrites split by its parts, and each part's piece
 * is a mask of its own (wide_mask).
 */
#include <stdlib.h>
#include <string.h>

#include "solver/blast_int.h"

#define MAX_RUNS 64

struct run {
	unsigned w;
	bool ones;
};

struct mask {
	uint8_t op;      /* BCF_BV_AND / OR / XOR */
	unsigned rid2;   /* PULLUP (split the last argument off) */
	unsigned rid3;   /* PULLUP3 */
};

static int absorb(struct blaster *bl, uint32_t l, uint32_t r)
{
	return bl_eq_by(bl, l, r, pb_absorb, "ABSORB");
}

static int step1(struct blaster *bl, int s, const char *what)
{
	if (s < 0)
		return bl_step_fail(bl, s, what);
	bl->st.other++;
	return s;
}

/* A piece (op e run): close it. */
static int close_piece(struct blaster *bl, const struct mask *m, uint32_t p)
{
	const struct bcf_expr *e = bl_expr(bl, p);
	bool cfirst = bl_expr(bl, e->args[0])->code == BCF_BV_VAL;
	uint32_t x = e->args[cfirst ? 1 : 0], c = e->args[cfirst ? 0 : 1];
	unsigned w = bl_width(bl, p);
	uint64_t v = bcf_expr__bv_value(bl_expr(bl, c));
	bool ones = v == bcf_mask(w);

	if (v != 0 && !ones)
		return bl_fail(bl, -EINVAL, "mask piece %u is not a run", p);
	switch (m->op) {
	case BCF_BV_AND:
		return ones ? bl_aci(bl, p, x) : absorb(bl, p, c);
	case BCF_BV_OR:
		return ones ? absorb(bl, p, c) : bl_aci(bl, p, x);
	default:
		return ones ? bl_xor_ones(bl, p) : bl_aci(bl, p, x);
	}
}

static int build_tree(struct blaster *bl, const struct run *r, unsigned n, uint32_t *id)
{
	uint32_t kids[3];
	unsigned parts = n >= 3 ? 3 : 2, i, at = 0, w = 0;
	int err;

	if (n == 1) {
		uint64_t v = r[0].ones ? bcf_mask(r[0].w) : 0;

		return bl_const(bl, r[0].w, v, id);
	}
	for (i = 0; i < parts; i++) {
		unsigned cnt = n / parts + (i < n % parts ? 1 : 0), k;

		err = build_tree(bl, r + at, cnt, &kids[i]);
		if (err)
			return err;
		for (k = 0; k < cnt; k++)
			w += r[at + k].w;
		at += cnt;
	}
	return bl_mk(bl, BCF_BV_CONCAT, w, kids, parts, id);
}

/*
 * t = (op x tree) (x_first) or (op tree x): prove (= t R).  Children of
 * the tree are constants (runs) or concat subtrees (recursion depth is at
 * most log2(MAX_RUNS)).
 */
static int split(struct blaster *bl, const struct mask *m, uint32_t t, bool x_first)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint32_t x = e->args[x_first ? 0 : 1], tree = e->args[x_first ? 1 : 0];
	uint32_t kids[3], vars[10], lx, le, one, sz[3], a, b, w1;
	unsigned nk, w = bl_width(bl, t), i;
	int prem[5], rw, ps[3], err, c;

	e = bl_expr(bl, tree);
	nk = e->vlen;
	memcpy(kids, e->args, nk * sizeof(*kids));
	err = bl_list(bl, &x, 1, &lx);
	if (!err)
		err = bl_list(bl, NULL, 0, &le);
	if (!err)
		err = bl_i32(bl, 1, &one);
	if (!err)
		err = bl_bvsize(bl, x, &a);
	if (!err)
		err = bl_mk2(bl, BCF_BV_SUB, 32, a, one, &w1); /* (bvsub (bvsize x) #1) */
	for (i = 0; i < nk && !err; i++)
		err = bl_bvsize(bl, kids[i], &sz[i]);
	if (err)
		return err;
	vars[0] = x_first ? lx : le;
	vars[1] = x_first ? le : lx;
	if (nk == 2) {
		unsigned wl = bl_width(bl, kids[1]);

		vars[2] = kids[1];
		vars[3] = kids[0];
		vars[4] = le;
		if ((err = bl_i32(bl, w - 1, &vars[5])) || (err = bl_i32(bl, wl, &vars[6])) ||
		    (err = bl_i32(bl, wl - 1, &vars[7])))
			return err;
		/* (= v6 (bvsize v2)) (= v5 (bvsub (bvsize x) #1)) (= v7 (bvsub (bvsize v2) #1)) */
		prem[0] = bl_cond_eq(bl, vars[6], sz[1]);
		prem[1] = prem[0] < 0 ? prem[0] : bl_cond_eq(bl, vars[5], w1);
		if (prem[1] < 0)
			return prem[1];
		err = bl_mk2(bl, BCF_BV_SUB, 32, sz[1], one, &b);
		if (err)
			return err;
		prem[2] = bl_cond_eq(bl, vars[7], b);
		if (prem[2] < 0)
			return prem[2];
		rw = bl_rewrite(bl, m->rid2, prem, 3, vars, 8);
	} else {
		unsigned wm = bl_width(bl, kids[1]), wl = bl_width(bl, kids[2]);
		uint32_t sum;

		vars[2] = kids[1];
		vars[3] = kids[0];
		vars[4] = kids[2];
		if ((err = bl_i32(bl, w - 1, &vars[5])) || (err = bl_i32(bl, wm + wl, &vars[6])) ||
		    (err = bl_i32(bl, wm + wl - 1, &vars[7])) || (err = bl_i32(bl, wl, &vars[8])) ||
		    (err = bl_i32(bl, wl - 1, &vars[9])))
			return err;
		err = bl_mk2(bl, BCF_BV_ADD, 32, sz[1], sz[2], &sum);
		if (!err)
			err = bl_mk2(bl, BCF_BV_SUB, 32, sum, one, &a);
		if (!err)
			err = bl_mk2(bl, BCF_BV_SUB, 32, sz[2], one, &b);
		if (err)
			return err;
		prem[0] = bl_cond_eq(bl, vars[5], w1);
		prem[1] = prem[0] < 0 ? prem[0] : bl_cond_eq(bl, vars[6], sum);
		prem[2] = prem[1] < 0 ? prem[1] : bl_cond_eq(bl, vars[7], a);
		prem[3] = prem[2] < 0 ? prem[2] : bl_cond_eq(bl, vars[8], sz[2]);
		prem[4] = prem[3] < 0 ? prem[3] : bl_cond_eq(bl, vars[9], b);
		if (prem[4] < 0)
			return prem[4];
		rw = bl_rewrite(bl, m->rid3, prem, 5, vars, 10);
	}
	if (rw < 0)
		return rw;
	/* pieces of the rewritten concat */
	{
		uint32_t rc = bl_rhs(bl, rw), pieces[3];

		e = bl_expr(bl, rc);
		if (!e || e->code != BCF_BV_CONCAT || e->vlen != nk)
			return bl_fail(bl, -EPROTO, "pull-up rewrite gave an unexpected shape");
		memcpy(pieces, e->args, nk * sizeof(*pieces));
		for (i = 0; i < nk; i++) {
			const struct bcf_expr *k = bl_expr(bl, kids[i]);

			uint64_t kv = k->code == BCF_BV_VAL ? bcf_expr__bv_value(k) : 0;
			unsigned kw = bl_width(bl, kids[i]);

			if (k->code == BCF_BV_VAL && (kv == 0 || kv == bcf_mask(kw)))
				ps[i] = close_piece(bl, m, pieces[i]);
			else if (k->code == BCF_BV_VAL) /* a part of a wide constant */
				ps[i] = bl_route_mask(bl, pieces[i]);
			else
				ps[i] = split(bl, m, pieces[i], true);
			if (ps[i] < 0)
				return ps[i];
		}
		c = step1(bl, pb_cong(bl->b, rc, ps, nk), "CONG");
		if (c < 0)
			return c;
	}
	return bl_trans2(bl, rw, c);
}

/* Leaves of nested concats, left to right (depth bounded by the split tree). */
static int flatten(struct blaster *bl, uint32_t id, uint32_t *out, unsigned *n)
{
	const struct bcf_expr *e = bl_expr(bl, id);
	uint32_t args[255];
	unsigned i, k;
	int err;

	if (e->code != BCF_BV_CONCAT) {
		if (*n == 255)
			return bl_fail(bl, -E2BIG, "concat of more than 255 pieces");
		out[(*n)++] = id;
		return 0;
	}
	k = e->vlen;
	memcpy(args, e->args, k * sizeof(*args));
	for (i = 0; i < k; i++) {
		err = flatten(bl, args[i], out, n);
		if (err)
			return err;
	}
	return 0;
}

/* Step r proves (= t R): R's nested concats flattened with one ACI_NORM (w: t's width). */
static int flat_concat(struct blaster *bl, int r, unsigned w)
{
	uint32_t rr = bl_rhs(bl, r), leaves[255], flat;
	const struct bcf_expr *e = bl_expr(bl, rr);
	unsigned nl = 0, i;
	bool nested = false;
	int s, err;

	for (i = 0; i < e->vlen; i++)
		if (bl_expr(bl, e->args[i])->code == BCF_BV_CONCAT)
			nested = true;
	if (!nested)
		return r;
	err = flatten(bl, rr, leaves, &nl);
	if (!err)
		err = bl_mk(bl, BCF_BV_CONCAT, w, leaves, nl, &flat);
	if (err)
		return err;
	s = bl_aci(bl, rr, flat);
	return s < 0 ? s : bl_trans2(bl, r, s);
}

/* A constant wider than the format's 64 bits: a concat of 2 or 3 bv_vals. */
static bool wide_const(struct blaster *bl, uint32_t id)
{
	const struct bcf_expr *e = bl_expr(bl, id);
	unsigned i;

	if (!e || e->code != BCF_BV_CONCAT || e->vlen < 2 || e->vlen > 3)
		return false;
	for (i = 0; i < e->vlen; i++)
		if (bl_expr(bl, e->args[i])->code != BCF_BV_VAL)
			return false;
	return true;
}

/*
 * t = (op x c) (x_first) or (op c x) with c such a concat: the pull-up
 * rewrites split t by c's parts at once (split()), each part's piece then
 * takes the route of a mask of its own width.
 */
static int wide_mask(struct blaster *bl, const struct mask *m, uint32_t t, bool x_first)
{
	int r = split(bl, m, t, x_first);

	return r < 0 ? r : flat_concat(bl, r, bl_width(bl, t));
}

int bl_route_mask(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	struct mask m = { .op = e->code };
	struct run runs[MAX_RUNS];
	uint32_t x, c, tree, nt;
	unsigned w = bl_width(bl, t), nr = 0, i;
	uint64_t v;
	int s[4], r, err;
	bool x_first;

	switch (e->code) {
	case BCF_BV_AND:
		m.rid2 = 113;
		m.rid3 = 119;
		break;
	case BCF_BV_OR:
		m.rid2 = 114;
		m.rid3 = 120;
		break;
	default:
		m.rid2 = 115;
		m.rid3 = 121;
		break;
	}
	if (e->vlen == 2 && e->args[0] == e->args[1]) {
		uint32_t rw[2], sz;

		x = e->args[0];
		if (e->code != BCF_BV_XOR)
			return bl_aci(bl, t, x);           /* idempotence */
		/* (bvxor x x) = #0: REWRITE 122 BV_XOR_DUPLICATE, (= v1 (bvsize v0)) */
		rw[0] = x;
		err = bl_i32(bl, w, &rw[1]);
		if (!err)
			err = bl_bvsize(bl, x, &sz);
		if (err)
			return err;
		s[0] = bl_cond_eq(bl, rw[1], sz);
		return s[0] < 0 ? s[0] : bl_rewrite(bl, 122, s, 1, rw, 2);
	}
	/* wider than the format's constants: a concat of 2 or 3, already the
	 * tree the pull-up rewrites split by */
	if (e->vlen == 2 && wide_const(bl, e->args[0]) != wide_const(bl, e->args[1]))
		return wide_mask(bl, &m, t, wide_const(bl, e->args[1]));
	if (e->vlen != 2 ||
	    (bl_expr(bl, e->args[0])->code == BCF_BV_VAL) == (bl_expr(bl, e->args[1])->code == BCF_BV_VAL)) {
		if (e->code == BCF_BV_OR)
			return BL_NONE; /* the or circuit is sound */
		return bl_fail(bl, -ENOTSUP, "BITBLAST %s%s", bcf_code__name(e->code),
			       e->vlen != 2 ? " (n-ary)" : " (no constant operand)");
	}
	x_first = bl_expr(bl, e->args[1])->code == BCF_BV_VAL;
	x = e->args[x_first ? 0 : 1];
	c = e->args[x_first ? 1 : 0];
	v = bcf_expr__bv_value(bl_expr(bl, c));
	if (w > 64)
		return bl_fail(bl, -ENOTSUP, "mask wider than 64 bits");
	/* runs from the most significant bit down */
	for (i = w; i-- > 0;) {
		bool bit = (v >> i) & 1;

		if (nr && runs[nr - 1].ones == bit) {
			runs[nr - 1].w++;
			continue;
		}
		runs[nr++] = (struct run){ .w = 1, .ones = bit };
	}
	if (nr == 1)
		return close_piece(bl, &m, t);
	err = build_tree(bl, runs, nr, &tree);
	if (err)
		return err;
	/* (= c tree): SYMM of EVALUATE(tree) */
	s[0] = pb_evaluate(bl->b, tree);
	if (s[0] < 0)
		return bl_step_fail(bl, s[0], "EVALUATE of a mask tree");
	bl->st.evaluate++;
	if (bl_rhs(bl, s[0]) != c)
		return bl_fail(bl, -EPROTO, "mask tree of %u does not evaluate to it", t);
	s[0] = step1(bl, pb_symm(bl->b, s[0]), "SYMM");
	s[1] = s[0] < 0 ? s[0] : step1(bl, pb_refl(bl->b, x), "REFL");
	if (s[1] < 0)
		return s[1];
	{
		int pr[2] = { x_first ? s[1] : s[0], x_first ? s[0] : s[1] };

		s[2] = step1(bl, pb_cong(bl->b, t, pr, 2), "CONG"); /* t = (op x tree) */
	}
	if (s[2] < 0)
		return s[2];
	nt = bl_rhs(bl, s[2]);
	s[3] = split(bl, &m, nt, x_first);
	if (s[3] < 0)
		return s[3];
	r = bl_trans2(bl, s[2], s[3]);
	return r < 0 ? r : flat_concat(bl, r, w);
}

/* (= t t') with every ground, non-literal operand EVALUATEd. */
int bl_fold_operands(struct blaster *bl, uint32_t t)
{
	const struct bcf_expr *e = bl_expr(bl, t);
	uint32_t args[255];
	unsigned n = e->vlen, i, folded = 0;
	int prem[255], err;

	memcpy(args, e->args, n * sizeof(*args));
	for (i = 0; i < n; i++) {
		const struct bcf_expr *a = bl_expr(bl, args[i]);
		bool ground;

		prem[i] = -1;
		if (a->code == BCF_BV_VAL || a->code == BCF_BV_VAR || bl_width(bl, args[i]) > 64)
			continue;
		err = bl_ground(bl, args[i], &ground);
		if (err)
			return err;
		if (!ground)
			continue;
		prem[i] = pb_evaluate(bl->b, args[i]);
		if (prem[i] >= 0) {
			bl->st.evaluate++;
			folded++;
		}
	}
	if (!folded)
		return BL_NONE;
	for (i = 0; i < n; i++)
		if (prem[i] < 0) {
			prem[i] = step1(bl, pb_refl(bl->b, args[i]), "REFL");
			if (prem[i] < 0)
				return prem[i];
		}
	return step1(bl, pb_cong(bl->b, t, prem, n), "CONG");
}
