// SPDX-License-Identifier: MIT
/*
 * The unsound quirks of the kernel checker (docs/kernel-checker-findings.md),
 * each as a minimal proof of false from a SATISFIABLE goal: kernel-compat
 * mode must accept it (that is what the kernel does), strict mode must
 * reject it, and the goal must evaluate to true under the stated assignment
 * (checked with the checker's own constant evaluator on a copy of the goal
 * whose variables are replaced by constants).
 *
 * The proofs and their goals (as condition buffers) are written to
 * $BCF_FINDINGS_DIR (default: findings/ in the current directory) so that
 * they can be replayed: bcf check --kernel-compat -v --cond NAME.cond NAME.bcf
 *
 * The second table holds the kernel checker's crash classes (findings 8-12):
 * proofs on which the kernel checker dereferences an unchecked id (an oops),
 * where the verdict must be a clean -EINVAL.  Both modes must reject each of
 * them with -EINVAL, with and without the goal, with step logging at level 2
 * (the kernel's crash is in its step dump for two of them).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checker/checker.h"
#include "tests/proof_build.h"
#include "tests/tap.h"

/* Variables are constants when an assignment is given (for the evaluation). */
struct ctx {
	struct pb *b;
	const uint64_t *assign; /* NULL: real variables */
	unsigned next;
};

static uint32_t bvvar(struct ctx *x, unsigned width)
{
	if (x->assign)
		return pb_bv(x->b, width, x->assign[x->next++]);
	x->next++;
	return pb_bvvar(x->b, width);
}

static uint32_t boolvar(struct ctx *x)
{
	if (x->assign)
		return pb_bool(x->b, (int)x->assign[x->next++]);
	x->next++;
	return pb_boolvar(x->b);
}

#define NOT(x) pb_node(b, BCF_BOOL_NOT, 0, 1, (x))
#define EQ(x, y) pb_node(b, BCF_BOOL_EQ, 0, 2, (x), (y))

/* 1. REWRITE id 0 concludes its parameter unchecked. Goal: p. */
static uint32_t f_rewrite0(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x), f = pb_bool(b, 0), e = EQ(p, f);
	unsigned a, r;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 0, e);          /* (= p false), trusted */
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);           /* false */
	return p;
}

/* 2. CONG with a bv_val operator word turns premise ids into constants. Goal: (= x y). */
static uint32_t f_cong_bv_val(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t vx = bvvar(x, 32), vy = bvvar(x, 32), g = EQ(vx, vy);
	uint32_t c0 = pb_bv(b, 32, 0), c1 = pb_bv(b, 32, 1), d = EQ(c0, c1);
	unsigned a, cg, ev;

	/* x and y are the nodes at ids 0 and 1: the CONG constants are #0 and #1 */
	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	cg = pb_step(b, BCF_RULE_CONG, 1, 1, a, BCF_EXPR_HDR(BCF_BV_VAL, 1, 32));
	ev = pb_step(b, BCF_RULE_EVALUATE, 0, 1, d);           /* (= (= #0 #1) false) */
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, cg, ev);
	return g;
}

/* 3. ACI_NORM sorts concat arguments. Goal: (not (= (concat x y) (concat y x))). */
static uint32_t f_aci_concat(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t vx = bvvar(x, 8), vy = bvvar(x, 8);
	uint32_t xy = pb_node(b, BCF_BV_CONCAT, 16, 2, vx, vy);
	uint32_t yx = pb_node(b, BCF_BV_CONCAT, 16, 2, vy, vx);
	uint32_t q = EQ(xy, yx), g = NOT(q);
	unsigned a, n;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	n = pb_step(b, BCF_RULE_ACI_NORM, 0, 1, q);
	pb_step(b, BCF_RULE_CONTRA, 2, 0, n, a);
	return g;
}

/* 4. ACI_NORM sorts the arguments of the argument of a one-argument reduction. */
static uint32_t f_aci_inplace(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t vx = bvvar(x, 8), vy = bvvar(x, 8);
	uint32_t s1 = pb_node(b, BCF_BV_SUB, 8, 2, vx, vy);
	uint32_t s2 = pb_node(b, BCF_BV_SUB, 8, 2, vy, vx);
	uint32_t o1 = pb_node(b, BCF_BV_OR, 8, 2, s1, s1);
	uint32_t o2 = pb_node(b, BCF_BV_OR, 8, 2, s2, s2);
	uint32_t q = EQ(o1, o2), g = NOT(q);
	unsigned a, n;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	n = pb_step(b, BCF_RULE_ACI_NORM, 0, 1, q);
	pb_step(b, BCF_RULE_CONTRA, 2, 0, n, a);
	return g;
}

/* 5. POLY_NORM accepts any equality. Goal: (not (= x (bvadd x #x01))). */
static uint32_t f_poly_norm(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t vx = bvvar(x, 8), one = pb_bv(b, 8, 1);
	uint32_t add = pb_node(b, BCF_BV_ADD, 8, 2, vx, one), q = EQ(vx, add), g = NOT(q);
	unsigned a, n;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	n = pb_step(b, BCF_RULE_POLY_NORM, 0, 1, q);
	pb_step(b, BCF_RULE_CONTRA, 2, 0, n, a);
	return g;
}

/*
 * 6. BITBLAST of bv_and wants XOR gates (bool_distinct).  Goal (true, no
 * variables): (= (bvand FB(true) FB(true)) FB(true)).
 */
static uint32_t f_bitblast_and(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t t = pb_bool(b, 1), fbt = pb_node(b, BCF_BV_FROM_BOOL, 0, 1, t);
	uint32_t l = pb_node(b, BCF_BV_AND, 1, 2, fbt, fbt), g = EQ(l, fbt);
	uint32_t d = pb_node(b, BCF_BOOL_DISTINCT, 0, 2, t, t);
	uint32_t fbd = pb_node(b, BCF_BV_FROM_BOOL, 0, 1, d);
	uint32_t e = EQ(l, fbd), z = EQ(fbd, fbt);
	unsigned a, bb, sy, tr, ev;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	bb = pb_step(b, BCF_RULE_BITBLAST, 0, 1, e);           /* (= L FB(distinct(t,t))) */
	sy = pb_step(b, BCF_RULE_SYMM, 1, 0, bb);
	tr = pb_step(b, BCF_RULE_TRANS, 2, 0, sy, a);          /* (= FB(distinct) FB(true)) */
	ev = pb_step(b, BCF_RULE_EVALUATE, 0, 1, z);           /* (= that false) */
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, tr, ev);
	return g;
}

/* 7. XOR_ELIM reads two arguments of a 3-ary xor. Goal: (and (xor a b c) (not (or a b))). */
static uint32_t f_xor_two_args(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t va = boolvar(x), vb = boolvar(x), vc = boolvar(x);
	uint32_t xr = pb_node(b, BCF_BOOL_XOR, 0, 3, va, vb, vc);
	uint32_t nd = NOT(pb_node(b, BCF_BOOL_DISJ, 0, 2, va, vb));
	uint32_t g = pb_node(b, BCF_BOOL_CONJ, 0, 2, xr, nd);
	unsigned a, e0, e1, xe;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	e0 = pb_step(b, BCF_RULE_AND_ELIM, 1, 1, a, 0);        /* (xor a b c) */
	e1 = pb_step(b, BCF_RULE_AND_ELIM, 1, 1, a, 1);        /* (not (or a b)) */
	xe = pb_step(b, BCF_RULE_XOR_ELIM, 1, 1, e0, 0);       /* (or a b), unsound */
	pb_step(b, BCF_RULE_CONTRA, 2, 0, xe, e1);
	return g;
}

/*
 * Crash classes of the kernel checker.  Goal of 8-10 and 12: b0.  The ids
 * named below are word offsets in the proof's table (pb_* returns them).
 */

/* 8a. trusted REWRITE whose parameter is 2^31: no node has that id. */
static uint32_t c_rewrite0_2p31(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x);
	unsigned a, r;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 0, 0x80000000u);
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);
	return p;
}

/* 8b. REWRITE 1 (EQ_REFL) binding its variable to id 0xffffffff. */
static uint32_t c_rewrite_ffffffff(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x);
	unsigned a, r;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 1, 0xffffffffu);
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);
	return p;
}

/* 8c. spliced: the binding is a dynamic-range id (table size + 64) that no node has. */
static uint32_t c_rewrite_spliced(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x);
	unsigned a, r;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 1, (uint32_t)b->nw + 64);
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);
	return p;
}

/*
 * 9. A parameter id pointing inside a node: the value word 0x00000211 of a
 * constant reads as the header "bool_eq, 2 arguments", whose "arguments" are
 * the next two header words (ids far beyond the table).
 */
static uint32_t c_rewrite0_mid_node(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x), k = pb_bv(b, 32, 0x211);
	unsigned a, r;

	pb_bvvar(b, 64);
	pb_bvvar(b, 32);
	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 0, k + 1);     /* inside the constant */
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);
	return p;
}

/*
 * 10. A CONG step relabelled BITBLAST: it keeps its premise and its raw
 * operator word ((_ extract 7 0), 0x07000138) as the "parameter".  Goal:
 * (= x y), 32-bit.
 */
static uint32_t c_cong_as_bitblast(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t vx = bvvar(x, 32), vy = bvvar(x, 32), g = EQ(vx, vy);
	unsigned a, bb;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	bb = pb_step(b, BCF_RULE_BITBLAST, 1, 1, a, BCF_EXPR_HDR(BCF_BV_EXTRACT, 1, 0x0700));
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, bb);
	return g;
}

/* 11. A bit-flipped rewrite id: 0x80000001 (EQ_REFL with bit 31 set). */
static uint32_t c_rewrite_rid_flip(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x);
	unsigned a, r;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 0x80000001u, p);
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);
	return p;
}

/* 12. The first rewrite id past the table (152). */
static uint32_t c_rewrite_rid_152(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t p = boolvar(x);
	unsigned a, r;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, p);
	r = pb_step(b, BCF_RULE_REWRITE, 0, 2, 152, p);
	pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, a, r);
	return p;
}

/*
 * 12. REWRITE 73 BV_MULT_SLT_MULT_1 with extensions too small for the
 * products: (a*c <s b*c) = (and (a - b != 0) (c != 0) (= (a <s b) (c >s 0))).
 * Goal (8 bits, no extension): (and (bvslt (* a c) (* b c)) (bvsgt c 0)
 * (not (bvslt a b))), true for a = 64, b = 1, c = 2 (64 * 2 wraps to -128).
 */
static uint32_t f_mult_slt(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t va = bvvar(x, 8), vb = bvvar(x, 8), vc = bvvar(x, 8);
	uint16_t ext0 = BCF_EXPR_PARAMS(0, 8);
	uint32_t sa = pb_node(b, BCF_BV_SIGN_EXTEND, ext0, 1, va);
	uint32_t sb = pb_node(b, BCF_BV_SIGN_EXTEND, ext0, 1, vb);
	uint32_t sc = pb_node(b, BCF_BV_SIGN_EXTEND, ext0, 1, vc);
	uint32_t ac = pb_node(b, BCF_BV_MUL, 8, 2, sa, sc), bc = pb_node(b, BCF_BV_MUL, 8, 2, sb, sc);
	uint32_t l = pb_node(b, BCF_BOOL_SLT, 0, 2, ac, bc);
	uint32_t pos = pb_node(b, BCF_BOOL_SGT, 0, 2, vc, pb_bv(b, 8, 0));
	uint32_t nab = NOT(pb_node(b, BCF_BOOL_SLT, 0, 2, va, vb));
	uint32_t g = pb_node(b, BCF_BOOL_CONJ, 0, 3, l, pos, nab);
	uint32_t i0 = pb_bv(b, 32, 0), i8 = pb_bv(b, 32, 8);
	uint32_t c0 = EQ(i8, pb_node(b, BCF_BV_BVSIZE, 32, 1, vb));
	uint32_t c1 = EQ(i8, pb_node(b, BCF_BV_BVSIZE, 32, 1, vc));
	unsigned a, e0, e1, el, ep, en, rw, rhs, eq, sy, ab;

	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	el = pb_step(b, BCF_RULE_AND_ELIM, 1, 1, a, 0);
	ep = pb_step(b, BCF_RULE_AND_ELIM, 1, 1, a, 1);
	en = pb_step(b, BCF_RULE_AND_ELIM, 1, 1, a, 2);
	e0 = pb_step(b, BCF_RULE_EVALUATE, 0, 1, c0);          /* (= v5 (bvsize v0)) */
	e1 = pb_step(b, BCF_RULE_EVALUATE, 0, 1, c1);          /* (= v6 (bvsize v2)) */
	/* v0 = b, v1 = a, v2 = c, v3 = v4 = 0 (no extension), v5 = v6 = 8 */
	rw = pb_step(b, BCF_RULE_REWRITE, 2, 8, e0, e1, 73, vb, va, vc, i0, i0, i8, i8);
	rhs = pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, el, rw);
	eq = pb_step(b, BCF_RULE_AND_ELIM, 1, 1, rhs, 2);      /* (= (bvslt a b) (bvsgt c 0)) */
	sy = pb_step(b, BCF_RULE_SYMM, 1, 0, eq);
	ab = pb_step(b, BCF_RULE_EQ_RESOLVE, 2, 0, ep, sy);     /* (bvslt a b) */
	pb_step(b, BCF_RULE_CONTRA, 2, 0, ab, en);
	return g;
}

/*
 * 13. REWRITE 80 BV_CONCAT_MERGE_CONST computes the merged constant in 32
 * bits: (concat #x01 #x00000000) = (bv 0 40).  Goal (closed, true):
 * (not (= (concat #x01 #x00000000) #x0000000000)).
 */
static uint32_t f_concat_merge(struct ctx *x)
{
	struct pb *b = x->b;
	uint32_t hi = pb_bv(b, 8, 1), lo = pb_bv(b, 32, 0);
	uint32_t cat = pb_node(b, BCF_BV_CONCAT, 40, 2, hi, lo), z = pb_bv(b, 40, 0);
	uint32_t q = EQ(cat, z), g = NOT(q);
	uint32_t i1 = pb_bv(b, 32, 1), i0 = pb_bv(b, 32, 0), i8 = pb_bv(b, 32, 8);
	uint32_t i32 = pb_bv(b, 32, 32), i40 = pb_bv(b, 32, 40);
	uint32_t nil = pb_node(b, BCF_LIST_VAL, BCF_BV, 0);
	uint32_t c = EQ(i40, pb_node(b, BCF_BV_ADD, 32, 2, i8, i32));
	unsigned a, e, rw;

	(void)x;
	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, g);
	e = pb_step(b, BCF_RULE_EVALUATE, 0, 1, c);            /* (= v5 (bvadd v2 v4)) */
	/* v0 = [], (bv v1 v2) = #x01, (bv v3 v4) = #x00000000, v5 = 40, v6 = [] */
	rw = pb_step(b, BCF_RULE_REWRITE, 1, 8, e, 80, nil, i1, i8, i0, i32, i40, nil);
	pb_step(b, BCF_RULE_CONTRA, 2, 0, rw, a);
	return g;
}

struct crash_finding {
	const char *name;
	uint32_t (*build)(struct ctx *x);
	unsigned step;    /* the step bcf must name */
};

static const struct crash_finding crashes[] = {
	{ "crash_rewrite0_param_2p31", c_rewrite0_2p31, 1 },
	{ "crash_rewrite_param_ffffffff", c_rewrite_ffffffff, 1 },
	{ "crash_rewrite_param_spliced", c_rewrite_spliced, 1 },
	{ "crash_rewrite0_param_mid_node", c_rewrite0_mid_node, 1 },
	{ "crash_cong_as_bitblast", c_cong_as_bitblast, 1 },
	{ "crash_rewrite_rid_bitflip", c_rewrite_rid_flip, 1 },
	{ "crash_rewrite_rid_152", c_rewrite_rid_152, 1 },
};

/* Step log sink: counts the bytes, so the level-2 dump really runs. */
static void log_sink(void *ctx, const char *fmt, va_list ap)
{
	char buf[2048];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n > 0)
		*(size_t *)ctx += (size_t)n;
}

struct finding {
	const char *name;
	uint32_t (*build)(struct ctx *x);
	uint64_t assign[4];
};

static const struct finding findings[] = {
	{ "rewrite_id0", f_rewrite0, { 1 } },
	{ "cong_bv_val", f_cong_bv_val, { 5, 5 } },
	{ "aci_norm_concat", f_aci_concat, { 0, 1 } },
	{ "aci_norm_inplace", f_aci_inplace, { 1, 0 } },
	{ "poly_norm_any_eq", f_poly_norm, { 0 } },
	{ "bitblast_and_xor", f_bitblast_and, { 0 } },
	{ "xor_elim_two_args", f_xor_two_args, { 0, 0, 1 } },
	{ "rewrite_mult_slt", f_mult_slt, { 64, 1, 2 } },
	{ "rewrite_concat_merge_wrap", f_concat_merge, { 0 } },
};

/* Value of the goal with its variables replaced by the assignment. */
static int eval_goal(const struct finding *f, uint64_t *val)
{
	struct pb b;
	struct ctx x = { &b, f->assign, 0 };
	struct bcf_checker c;
	uint32_t goal;
	int err;

	pb_init(&b);
	goal = f->build(&x);
	err = bcf_table__scan(b.w, b.nw, NULL, NULL, NULL);
	if (!err)
		err = ckr_init(&c, b.w, b.nw, BCF_CHECK_KERNEL_COMPAT);
	if (!err) {
		err = ckr_eval(&c, goal, val);
		ckr_fini(&c);
	}
	pb_free(&b);
	return err;
}

static int write_file(const char *path, const void *p, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(p, 1, len, f) == len;

	if (f && fclose(f))
		ok = 0;
	return ok ? 0 : -1;
}

int main(void)
{
	const char *dir = getenv("BCF_FINDINGS_DIR") ? getenv("BCF_FINDINGS_DIR") : "findings";
	size_t i;

	mkdir(dir, 0755);
	for (i = 0; i < sizeof(findings) / sizeof(findings[0]); i++) {
		const struct finding *f = &findings[i];
		BCF_OPTS(bcf_check_opts, compat, .mode = BCF_CHECK_KERNEL_COMPAT);
		BCF_OPTS(bcf_check_stats, st);
		BCF_OPTS(bcf_check_opts, strict, .mode = BCF_CHECK_STRICT, .stats = &st);
		struct ctx x;
		struct pb b;
		uint32_t goal, *cond;
		uint64_t val = 0;
		char path[4200];
		size_t size;
		void *proof;
		int err;

		pb_init(&b);
		x = (struct ctx){ &b, NULL, 0 };
		goal = f->build(&x);
		proof = pb_finish(&b, &size);

		err = eval_goal(f, &val);
		ok(!err && val == 1, "%s: the goal is true under the assignment (err %d)", f->name, err);
		err = bcf_check_proof(b.w, b.nw, goal, proof, size, &compat);
		ok(err == 0, "%s: kernel-compat accepts the proof of false (%d: %s)", f->name, err,
		   err ? bcf_last_error() : "");
		err = bcf_check_proof(b.w, b.nw, goal, proof, size, &strict);
		ok(err == -EINVAL, "%s: strict rejects it: %s", f->name, bcf_last_error());

		/* replayable files: the proof, and the goal as a condition buffer */
		cond = malloc((b.nw + 2) * 4);
		memcpy(cond, b.w, b.nw * 4);
		cond[b.nw] = BCF_COND_NONE;
		cond[b.nw + 1] = goal;
		snprintf(path, sizeof(path), "%s/%s.bcf", dir, f->name);
		err = write_file(path, proof, size);
		snprintf(path, sizeof(path), "%s/%s.cond", dir, f->name);
		err |= write_file(path, cond, (b.nw + 2) * 4);
		ok(!err, "%s: wrote %s/%s.{bcf,cond}", f->name, dir, f->name);
		free(cond);
		free(proof);
		pb_free(&b);
	}
	for (i = 0; i < sizeof(crashes) / sizeof(crashes[0]); i++) {
		const struct crash_finding *f = &crashes[i];
		static const enum bcf_check_mode modes[2] = { BCF_CHECK_STRICT,
							      BCF_CHECK_KERNEL_COMPAT };
		struct ctx x;
		struct pb b;
		uint32_t goal, *cond;
		char path[4200], want[32];
		size_t size;
		void *proof;
		int err, m, g;

		pb_init(&b);
		x = (struct ctx){ &b, NULL, 0 };
		goal = f->build(&x);
		proof = pb_finish(&b, &size);
		snprintf(want, sizeof(want), "step %u ", f->step);
		for (m = 0; m < 2; m++)
			for (g = 0; g < 2; g++) {
				size_t logged = 0;
				BCF_OPTS(bcf_check_opts, o, .mode = modes[m], .log_level = 3,
					 .log = log_sink, .log_ctx = &logged);

				err = bcf_check_proof(g ? b.w : NULL, g ? b.nw : 0, goal, proof,
						      size, &o);
				ok(err == -EINVAL && strstr(bcf_last_error(), want) && logged,
				   "%s: %s, %s goal: -EINVAL naming step %u (%d: %s)", f->name,
				   m ? "kernel-compat" : "strict", g ? "with" : "no", f->step, err,
				   bcf_last_error());
			}
		cond = malloc((b.nw + 2) * 4);
		memcpy(cond, b.w, b.nw * 4);
		cond[b.nw] = BCF_COND_NONE;
		cond[b.nw + 1] = goal;
		snprintf(path, sizeof(path), "%s/%s.bcf", dir, f->name);
		err = write_file(path, proof, size);
		snprintf(path, sizeof(path), "%s/%s.cond", dir, f->name);
		err |= write_file(path, cond, (b.nw + 2) * 4);
		ok(!err, "%s: wrote %s/%s.{bcf,cond}", f->name, dir, f->name);
		free(cond);
		free(proof);
		pb_free(&b);
	}
	return done_testing();
}
