// SPDX-License-Identifier: MIT
/*
 * Unit tests of the checker's driver (header, table and global step checks,
 * goal matching, logging) and of the simple core rules ASSUME, REFL, SYMM,
 * TRANS, CONG, TRUE_INTRO, TRUE_ELIM, FALSE_INTRO and FALSE_ELIM, on
 * hand-built proofs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/proof_build.h"
#include "tests/tap.h"

#define COMPAT BCF_CHECK_KERNEL_COMPAT
#define STRICT BCF_CHECK_STRICT

static struct bcf_check_stats st = { .sz = sizeof(st) };
static char logbuf[1 << 16];
static size_t loglen;

static void log_cb(void *ctx, const char *fmt, va_list ap)
{
	if (loglen < sizeof(logbuf))
		loglen += vsnprintf(logbuf + loglen, sizeof(logbuf) - loglen, fmt, ap);
	if (loglen > sizeof(logbuf))
		loglen = sizeof(logbuf);
}

/* Check raw bytes against a goal (goal_words may be NULL). */
static int check_raw(const void *p, size_t size, const uint32_t *gw, uint32_t n, uint32_t goal,
		     enum bcf_check_mode mode, unsigned level)
{
	BCF_OPTS(bcf_check_opts, opts, .mode = mode, .stats = &st, .log_level = level,
		 .log = log_cb);

	loglen = 0;
	logbuf[0] = '\0';
	return bcf_check_proof(gw, n, goal, p, size, &opts);
}

static int check_goal(const struct pb *b, const uint32_t *gw, uint32_t n, uint32_t goal,
		      enum bcf_check_mode mode)
{
	size_t size;
	void *p = pb_finish(b, &size);
	int err = check_raw(p, size, gw, n, goal, mode, 0);

	free(p);
	return err;
}

static int check(const struct pb *b, enum bcf_check_mode mode)
{
	return check_goal(b, NULL, 0, 0, mode);
}

/* Both modes give err; in both the failure is at step fstep (-1: none). */
static void both(const struct pb *b, int err, int fstep, const char *what)
{
	int e1 = check(b, COMPAT), s1 = (int)st.failed_step;
	int e2 = check(b, STRICT), s2 = (int)st.failed_step;

	ok(e1 == err && e2 == err && s1 == fstep && s2 == fstep,
	   "%s: compat %d at %d, strict %d at %d (want %d at %d): %s", what, e1, s1, e2, s2, err,
	   fstep, bcf_last_error());
}

/*
 * Table: x (bv8), y (bv8), E = (= x x), N = (not E).
 * Proof of false from N using REFL/TRUE_INTRO/SYMM/TRANS/FALSE_INTRO/TRUE_ELIM.
 */
struct base {
	uint32_t x, y, E, N, f, t;
};

static void base_table(struct pb *b, struct base *o)
{
	o->x = pb_bvvar(b, 8);
	o->y = pb_bvvar(b, 8);
	o->E = pb_node(b, BCF_BOOL_EQ, 0, 2, o->x, o->x);
	o->N = pb_node(b, BCF_BOOL_NOT, 0, 1, o->E);
	o->f = pb_bool(b, 0);
	o->t = pb_bool(b, 1);
}

/*
 * Given step eq (a fact (= E true) derived somehow) and step fi (= E false):
 * SYMM(eq) (= true E); TRANS(.., fi) (= true false); SYMM (= false true);
 * TRUE_ELIM -> false.
 */
static void finish_from(struct pb *b, unsigned eq_true, unsigned e_false)
{
	unsigned s1 = pb_step(b, BCF_RULE_SYMM, 1, 0, eq_true);
	unsigned s2 = pb_step(b, BCF_RULE_TRANS, 2, 0, s1, e_false);
	unsigned s3 = pb_step(b, BCF_RULE_SYMM, 1, 0, s2);

	pb_step(b, BCF_RULE_TRUE_ELIM, 1, 0, s3);
}

static void test_core_accept(void)
{
	struct pb b;
	struct base o;
	unsigned a, fi, r, ti, fe, fi2, cg, ry;
	uint32_t add, eqadd, nadd;

	/* ASSUME, FALSE_INTRO, REFL, TRUE_INTRO, SYMM, TRANS, TRUE_ELIM */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
	r = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, r);
	finish_from(&b, ti, fi);
	both(&b, 0, -1, "REFL/SYMM/TRANS/TRUE_INTRO/TRUE_ELIM/FALSE_INTRO refute (not (= x x))");
	ok(st.steps == 8 && bcf_rule_counts__get(&st.rule_steps, BCF_RULE_TRANS) == 1 &&
	   bcf_rule_counts__get(&st.rule_steps, BCF_RULE_SYMM) == 2, "stats count steps per rule");
	ok(st.failed_step == UINT32_MAX && st.reason[0] == '\0', "no failure recorded");
	pb_free(&b);

	/* FALSE_ELIM then FALSE_INTRO again */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
	fe = pb_step(&b, BCF_RULE_FALSE_ELIM, 1, 0, fi);
	fi2 = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, fe);
	r = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, r);
	finish_from(&b, ti, fi2);
	both(&b, 0, -1, "FALSE_ELIM round trip");
	pb_free(&b);

	/* CONG: (not (= (bvadd x y) (bvadd x y))) refuted through CONG of REFLs */
	pb_init(&b);
	base_table(&b, &o);
	add = pb_node(&b, BCF_BV_ADD, 8, 2, o.x, o.y);
	eqadd = pb_node(&b, BCF_BOOL_EQ, 0, 2, add, add);
	nadd = pb_node(&b, BCF_BOOL_NOT, 0, 1, eqadd);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, nadd);
	fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
	r = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
	ry = pb_step(&b, BCF_RULE_REFL, 0, 1, o.y);
	cg = pb_step(&b, BCF_RULE_CONG, 2, 1, r, ry, BCF_EXPR_HDR(BCF_BV_ADD, 2, 8));
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, cg);
	finish_from(&b, ti, fi);
	both(&b, 0, -1, "CONG bvadd of two REFLs");
	pb_free(&b);

	/* the same proof checked against a goal with renamed variables */
	{
		struct pb g;
		uint32_t gx, gy, gadd, geq, gn;

		pb_init(&g);
		pb_bool(&g, 1);
		gy = pb_bvvar(&g, 8);
		gx = pb_bvvar(&g, 8);
		gadd = pb_node(&g, BCF_BV_ADD, 8, 2, gx, gy);
		geq = pb_node(&g, BCF_BOOL_EQ, 0, 2, gadd, gadd);
		gn = pb_node(&g, BCF_BOOL_NOT, 0, 1, geq);
		pb_init(&b);
		base_table(&b, &o);
		add = pb_node(&b, BCF_BV_ADD, 8, 2, o.x, o.y);
		eqadd = pb_node(&b, BCF_BOOL_EQ, 0, 2, add, add);
		nadd = pb_node(&b, BCF_BOOL_NOT, 0, 1, eqadd);
		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, nadd);
		fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
		r = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		ry = pb_step(&b, BCF_RULE_REFL, 0, 1, o.y);
		cg = pb_step(&b, BCF_RULE_CONG, 2, 1, r, ry, BCF_EXPR_HDR(BCF_BV_ADD, 2, 8));
		ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, cg);
		finish_from(&b, ti, fi);
		ok(check_goal(&b, g.w, g.nw, gn, STRICT) == 0, "goal with renamed variables matches");
		ok(check_goal(&b, g.w, g.nw, geq, STRICT) == -EINVAL,
		   "goal of another shape rejects (EINVAL)");
		ok(st.failed_step == 0, "goal mismatch is reported at the ASSUME step");
		pb_free(&b);
		pb_free(&g);
	}
}

/*
 * Rejected instances: a proof that is fine up to the tested step s, whose
 * conclusion then feeds the last step.  The failure must be at s.
 */
static void test_core_reject(void)
{
	struct pb b;
	struct base o;
	unsigned a, fi, s;

	/* REFL with a premise */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	s = pb_step(&b, BCF_RULE_REFL, 1, 1, a, o.x);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, s);
	both(&b, -EINVAL, 1, "REFL with a premise rejects");
	pb_free(&b);

	/* REFL of a non-id parameter (driver check) */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	s = pb_step(&b, BCF_RULE_REFL, 0, 1, o.E + 1);
	pb_step(&b, BCF_RULE_TRANS, 2, 0, a, s);
	both(&b, -EINVAL, 1, "core parameter that is not a node id rejects");
	pb_free(&b);

	/* SYMM of a non-equality */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
	s = pb_step(&b, BCF_RULE_SYMM, 1, 0, a); /* (not (= x x)) is fine: check it works */
	pb_step(&b, BCF_RULE_TRANS, 2, 0, fi, s);
	both(&b, -EINVAL, 3, "SYMM of (not (= A B)) gives (not ..), so TRANS over it rejects");
	pb_free(&b);

	pb_init(&b);
	base_table(&b, &o);
	{
		uint32_t p = pb_boolvar(&b), np = pb_node(&b, BCF_BOOL_NOT, 0, 1, p);

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, np);
		fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
		s = pb_step(&b, BCF_RULE_SYMM, 1, 0, a);
		pb_step(&b, BCF_RULE_TRANS, 2, 0, fi, s);
	}
	both(&b, -EINVAL, 2, "SYMM of (not p) with p not an equality rejects");
	pb_free(&b);

	/* TRANS whose chain does not connect */
	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned rx, ry;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		rx = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		ry = pb_step(&b, BCF_RULE_REFL, 0, 1, o.y);
		s = pb_step(&b, BCF_RULE_TRANS, 2, 0, rx, ry);
		pb_step(&b, BCF_RULE_TRANS, 2, 0, s, a);
	}
	both(&b, -EINVAL, 3, "TRANS (= x x) (= y y) rejects");
	pb_free(&b);

	/* TRANS with a non-equality premise, and with no premise */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	pb_step(&b, BCF_RULE_TRANS, 1, 0, a);
	both(&b, -EINVAL, 1, "TRANS over (not ..) rejects");
	pb_free(&b);
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	s = pb_step(&b, BCF_RULE_TRANS, 0, 0);
	pb_step(&b, BCF_RULE_TRANS, 2, 0, a, s);
	both(&b, -EINVAL, 1, "TRANS without premises rejects");
	pb_free(&b);

	/* CONG: ill-typed operator word, vlen > premises, non-equality premise */
	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned rx, c;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		rx = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		c = pb_step(&b, BCF_RULE_CONG, 1, 1, rx, BCF_EXPR_HDR(BCF_BV_NEG, 1, 16));
		pb_step(&b, BCF_RULE_TRANS, 2, 0, c, a);
	}
	both(&b, -EINVAL, 2, "CONG bvneg width 16 over 8-bit arguments rejects");
	pb_free(&b);

	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned rx, c;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		rx = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		c = pb_step(&b, BCF_RULE_CONG, 1, 1, rx, BCF_EXPR_HDR(BCF_BV_ADD, 2, 8));
		pb_step(&b, BCF_RULE_TRANS, 2, 0, c, a);
	}
	both(&b, -EINVAL, 2, "CONG with more operator arguments than premises rejects");
	pb_free(&b);

	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned c;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		c = pb_step(&b, BCF_RULE_CONG, 1, 1, a, BCF_EXPR_HDR(BCF_BOOL_NOT, 1, 0));
		pb_step(&b, BCF_RULE_TRANS, 2, 0, c, a);
	}
	both(&b, -EINVAL, 1, "CONG over a non-equality premise rejects");
	pb_free(&b);

	/* CONG quirks: extra premises, bv_val operator word: compat only */
	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned rx, ry, c, d;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
		rx = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		ry = pb_step(&b, BCF_RULE_REFL, 0, 1, o.y);
		/* ignore premise ry: concludes (= (bvneg x) (bvneg x)) */
		c = pb_step(&b, BCF_RULE_CONG, 2, 1, rx, ry, BCF_EXPR_HDR(BCF_BV_NEG, 1, 8));
		/* bv_val word: (= #x<id> #x<id>) where the ids are those of x */
		d = pb_step(&b, BCF_RULE_CONG, 2, 1, rx, c, BCF_EXPR_HDR(BCF_BV_VAL, 1, 32));
		pb_step(&b, BCF_RULE_TRANS, 2, 0, d, fi);
	}
	ok(check(&b, COMPAT) == -EINVAL && st.failed_step == 6,
	   "compat: CONG with an extra premise and CONG with a bv_val word are accepted "
	   "(failure only at step %d)", (int)st.failed_step);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 4,
	   "strict: CONG with an extra premise rejects (step %d)", (int)st.failed_step);
	pb_free(&b);

	/* TRUE_ELIM / FALSE_ELIM on the wrong constant, FALSE_INTRO of a non-negation */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	fi = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, fi);
	both(&b, -EINVAL, 2, "TRUE_ELIM of (= A false) rejects");
	pb_free(&b);

	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned r, ti, fe;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		r = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, r);
		fe = pb_step(&b, BCF_RULE_FALSE_ELIM, 1, 0, ti);
		pb_step(&b, BCF_RULE_TRANS, 2, 0, fe, a);
	}
	both(&b, -EINVAL, 3, "FALSE_ELIM of (= A true) rejects");
	pb_free(&b);

	pb_init(&b);
	base_table(&b, &o);
	{
		unsigned r, f2;

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
		r = pb_step(&b, BCF_RULE_REFL, 0, 1, o.x);
		f2 = pb_step(&b, BCF_RULE_FALSE_INTRO, 1, 0, r);
		pb_step(&b, BCF_RULE_TRANS, 2, 0, f2, a);
	}
	both(&b, -EINVAL, 2, "FALSE_INTRO of an equality rejects");
	pb_free(&b);

	/* TRUE_INTRO with a parameter */
	pb_init(&b);
	base_table(&b, &o);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, o.N);
	s = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 1, a, o.x);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, s);
	both(&b, -EINVAL, 1, "TRUE_INTRO with a parameter rejects");
	pb_free(&b);
}

/* The smallest valid proof: ASSUME false; TRUE_INTRO (= false true); TRUE_ELIM false. */
static void minimal(struct pb *b, uint32_t *f)
{
	unsigned a, t;

	pb_init(b);
	*f = pb_bool(b, 0);
	a = pb_step(b, BCF_RULE_ASSUME, 0, 1, *f);
	t = pb_step(b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(b, BCF_RULE_TRUE_ELIM, 1, 0, t);
}

static void test_header(void)
{
	struct pb b;
	uint32_t f, *w;
	size_t size;
	void *p;
	char *big, *un;

	minimal(&b, &f);
	p = pb_finish(&b, &size);
	w = p;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == 0, "minimal proof accepted");
	ok(check_raw(p, size, w + 3, 1, 0, STRICT, 0) == 0, "minimal proof matches goal false");
	un = malloc(size + 1);
	memcpy(un + 1, p, size);
	ok(check_raw(un + 1, size, NULL, 0, 0, STRICT, 0) == 0, "unaligned buffer accepted");
	free(un);
	ok(bcf_check_proof(NULL, 0, 0, p, size, NULL) == 0, "NULL opts: strict, silent");

	ok(check_raw(p, 12, NULL, 0, 0, STRICT, 0) == -EINVAL, "size 12 rejects (EINVAL)");
	ok(check_raw(p, 0, NULL, 0, 0, STRICT, 0) == -EINVAL, "size 0 rejects (EINVAL)");
	ok(check_raw(p, size - 1, NULL, 0, 0, STRICT, 0) == -EINVAL,
	   "size not a multiple of 4 rejects (EINVAL)");
	ok(check_raw(p, size - 4, NULL, 0, 0, STRICT, 0) == -EINVAL,
	   "size shorter than the header says rejects (EINVAL)");
	big = calloc(1, MAX_BCF_PROOF_SIZE + 4);
	memcpy(big, p, size);
	ok(check_raw(big, MAX_BCF_PROOF_SIZE, NULL, 0, 0, STRICT, 0) == -EINVAL,
	   "size 32 MiB rejects (EINVAL)");
	((uint32_t *)big)[2] = (MAX_BCF_PROOF_SIZE - 4 - 12) / 4 - w[1];
	ok(check_raw(big, MAX_BCF_PROOF_SIZE - 4, NULL, 0, 0, STRICT, 0) == -EINVAL &&
	   st.failed_step == 3, "32 MiB - 4 passes the size checks; zero padding is not a step");
	free(big);

	w[0] ^= 1;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "bad magic rejects (EINVAL)");
	w[0] ^= 1;
	w[1] = 0;
	w[2] = size / 4 - 3;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "expr_cnt 0 rejects (EINVAL)");
	w[1] = size / 4 - 4;
	w[2] = 1;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "step_cnt 1 rejects (EINVAL)");
	w[1] = 0x80000000u;
	w[2] = 0x80000000u + (size / 4 - 3);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL,
	   "sizes that overflow 32 bits reject (EINVAL)");
	w[1] = 1;
	w[2] = size / 4 - 4;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == 0, "restored header accepted");
	w[3] = 0xff;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL &&
	   st.failed_step == UINT32_MAX, "invalid expression code rejects (EINVAL)");
	free(p);
	pb_free(&b);
}

static void test_global(void)
{
	struct pb b, g;
	uint32_t f, t, gid, *w;
	unsigned a, ti;
	size_t size;
	void *p;
	int err;

	/* a step that does not fit */
	minimal(&b, &f);
	p = pb_finish(&b, &size);
	w = p;
	w[3 + 1 + 2] = BCF_STEP_HDR(BCF_RULE_TRUE_INTRO, 1, 9);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "step that does not fit rejects");
	free(p);

	/* invalid rule ids */
	p = pb_finish(&b, &size);
	w = p;
	w[3 + 1 + 2] = BCF_STEP_HDR(15, 1, 0);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL && st.failed_step == 1,
	   "core rule id 15 rejects");
	w[3 + 1 + 2] = BCF_STEP_HDR(0, 1, 0);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "rule id 0 rejects");
	w[3 + 1 + 2] = BCF_STEP_HDR(BCF_RULE_BOOL | 34, 1, 0);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "bool rule id 34 rejects");
	w[3 + 1 + 2] = BCF_STEP_HDR(BCF_RULE_BV | 4, 1, 0);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "bv rule id 4 rejects");
	w[3 + 1 + 2] = BCF_STEP_HDR(0x6000 | 1, 1, 0);
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL, "rule class 0x6000 rejects");
	/* premise naming itself / a later step */
	w[3 + 1 + 2] = BCF_STEP_HDR(BCF_RULE_TRUE_INTRO, 1, 0);
	w[3 + 1 + 3] = 1;
	ok(check_raw(p, size, NULL, 0, 0, STRICT, 0) == -EINVAL && st.failed_step == 1,
	   "premise naming the step itself rejects");
	free(p);
	pb_free(&b);

	/* two ASSUMEs */
	pb_init(&b);
	f = pb_bool(&b, 0);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
	pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, ti);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 1, "a second ASSUME rejects");
	pb_free(&b);

	/* ASSUME shapes */
	pb_init(&b);
	f = pb_bool(&b, 0);
	t = pb_bvvar(&b, 8);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, t);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, ti);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 0, "ASSUME of a bv node rejects");
	pb_free(&b);
	pb_init(&b);
	f = pb_bool(&b, 0);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, f + 5);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, ti);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 0, "ASSUME of a non-id rejects");
	pb_free(&b);
	pb_init(&b);
	f = pb_bool(&b, 0);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 2, f, f);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, ti);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 0, "ASSUME with two parameters rejects");
	pb_free(&b);
	pb_init(&b);
	f = pb_bool(&b, 0);
	t = pb_bool(&b, 1);
	pb_step(&b, BCF_RULE_REFL, 0, 1, t);
	a = pb_step(&b, BCF_RULE_ASSUME, 1, 1, 0, f);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, ti);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 1, "ASSUME with a premise rejects");
	pb_free(&b);

	/* ASSUME not first is fine */
	pb_init(&b);
	f = pb_bool(&b, 0);
	t = pb_bool(&b, 1);
	{
		unsigned r = pb_step(&b, BCF_RULE_REFL, 0, 1, t);

		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
		ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
		pb_step(&b, BCF_RULE_TRUE_ELIM, 2, 0, ti, r);
	}
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 3,
	   "ASSUME in second position passes the global checks");
	pb_free(&b);

	/* no ASSUME, one step, unused step, last not false */
	pb_init(&b);
	f = pb_bool(&b, 0);
	a = pb_step(&b, BCF_RULE_REFL, 0, 1, f);
	pb_step(&b, BCF_RULE_SYMM, 1, 0, a);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == UINT32_MAX, "no ASSUME rejects");
	pb_free(&b);
	pb_init(&b);
	f = pb_bool(&b, 0);
	pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == UINT32_MAX, "a single step rejects");
	pb_free(&b);
	pb_init(&b);
	f = pb_bool(&b, 0);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
	pb_step(&b, BCF_RULE_REFL, 0, 1, f);
	ti = pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, ti);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 1, "an unused step rejects");
	pb_free(&b);
	pb_init(&b);
	f = pb_bool(&b, 0);
	a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
	pb_step(&b, BCF_RULE_TRUE_INTRO, 1, 0, a);
	ok(check(&b, STRICT) == -EINVAL && st.failed_step == 1,
	   "a last step that does not conclude false rejects");
	pb_free(&b);

	/* logging */
	minimal(&b, &f);
	p = pb_finish(&b, &size);
	err = check_raw(p, size, NULL, 0, 0, STRICT, 1);
	ok(!err && !strcmp(logbuf, "checking 3 proof steps\nproof accepted\n"),
	   "level 1 log: '%s'", logbuf);
	err = check_raw(p, size, NULL, 0, 0, STRICT, 2);
	ok(!err && strstr(logbuf, "(#0 ASSUME () (false) false)\n") &&
	   strstr(logbuf, "(#2 TRUE_ELIM (@p1) () false)\nproof accepted\n"),
	   "level 2 log dumps every step: '%s'", logbuf);
	w = p;
	w[3 + 1 + 2] = BCF_STEP_HDR(BCF_RULE_FALSE_INTRO, 1, 0);
	err = check_raw(p, size, NULL, 0, 0, STRICT, 1);
	ok(err == -EINVAL && !strcmp(logbuf, "checking 3 proof steps\ninvalid step: "
					     "(#1 FALSE_INTRO (@p0) ())\n"),
	   "failing step logged: '%s'", logbuf);
	w[3] = 0xff;
	err = check_raw(p, size, NULL, 0, 0, STRICT, 1);
	ok(err == -EINVAL && loglen == 0, "table rejection logs nothing");
	free(p);
	pb_free(&b);

	/* goal matching: variable map and depth limits */
	{
		uint32_t gv[200], pv[200], gc, pc, x, y;
		unsigned i;

		/* (= x y) vs goal (= a a): not injective */
		pb_init(&g);
		gv[0] = pb_bvvar(&g, 8);
		gid = pb_node(&g, BCF_BOOL_EQ, 0, 2, gv[0], gv[0]);
		pb_init(&b);
		x = pb_bvvar(&b, 8);
		y = pb_bvvar(&b, 8);
		pc = pb_node(&b, BCF_BOOL_EQ, 0, 2, x, y);
		f = pb_bool(&b, 0);
		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
		pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
		ok(check_goal(&b, g.w, g.nw, gid, STRICT) == -EINVAL && st.failed_step == 0,
		   "two variables cannot match one goal variable");
		pb_free(&g);
		pb_init(&g);
		gv[0] = pb_bvvar(&g, 8);
		gv[1] = pb_bvvar(&g, 8);
		gid = pb_node(&g, BCF_BOOL_EQ, 0, 2, gv[0], gv[1]);
		ok(check_goal(&b, g.w, g.nw, gid, STRICT) == -EINVAL && st.failed_step == 1,
		   "renaming x,y -> a,b matches (fails later, at step 1)");
		pb_free(&b);
		pb_init(&b);
		x = pb_bvvar(&b, 8);
		pc = pb_node(&b, BCF_BOOL_EQ, 0, 2, x, x);
		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
		pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
		ok(check_goal(&b, g.w, g.nw, gid, STRICT) == -EINVAL && st.failed_step == 0,
		   "one variable cannot match two goal variables");
		pb_free(&b);
		pb_free(&g);

		/* 128 variables fit the map, 129 do not */
		for (unsigned nv = 128; nv <= 129; nv++) {
			pb_init(&g);
			pb_init(&b);
			for (i = 0; i < nv; i++) {
				gv[i] = pb_boolvar(&g);
				pv[i] = pb_boolvar(&b);
			}
			gc = pb_nodev(&g, BCF_BOOL_CONJ, 0, nv, gv);
			pc = pb_nodev(&b, BCF_BOOL_CONJ, 0, nv, pv);
			a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
			pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
			err = check_goal(&b, g.w, g.nw, gc, STRICT);
			ok(err == -EINVAL && st.failed_step == (nv == 128 ? 1u : 0u),
			   "%u variables %s the variable map", nv, nv == 128 ? "fit" : "overflow");
			pb_free(&g);
			pb_free(&b);
		}

		/* depth: a chain of n nots over a variable needs n open pairs */
		for (unsigned n = 128; n <= 129; n++) {
			pb_init(&g);
			pb_init(&b);
			gc = pb_boolvar(&g);
			pc = pb_boolvar(&b);
			for (i = 0; i < n; i++) {
				gc = pb_node(&g, BCF_BOOL_NOT, 0, 1, gc);
				pc = pb_node(&b, BCF_BOOL_NOT, 0, 1, pc);
			}
			a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
			pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
			err = check_goal(&b, g.w, g.nw, gc, STRICT);
			ok(err == -EINVAL && st.failed_step == (n == 128 ? 1u : 0u),
			   "goal nesting of %u levels %s", n, n == 128 ? "fits" : "is too deep");
			pb_free(&g);
			pb_free(&b);
		}

		/*
		 * A shared sub-DAG S (10 levels) reached first near the root and
		 * again below a chain: the second visit must still respect the
		 * depth limit although S already compared equal.
		 */
		for (unsigned n = 117; n <= 118; n++) {
			uint32_t gs, ps, gt, pt;

			pb_init(&g);
			pb_init(&b);
			gs = pb_boolvar(&g);
			ps = pb_boolvar(&b);
			for (i = 0; i < 10; i++) {
				gs = pb_node(&g, BCF_BOOL_NOT, 0, 1, gs);
				ps = pb_node(&b, BCF_BOOL_NOT, 0, 1, ps);
			}
			gt = gs;
			pt = ps;
			for (i = 0; i < n; i++) {
				gt = pb_node(&g, BCF_BOOL_NOT, 0, 1, gt);
				pt = pb_node(&b, BCF_BOOL_NOT, 0, 1, pt);
			}
			gc = pb_node(&g, BCF_BOOL_CONJ, 0, 2, gs, gt);
			pc = pb_node(&b, BCF_BOOL_CONJ, 0, 2, ps, pt);
			a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
			pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
			err = check_goal(&b, g.w, g.nw, gc, STRICT);
			ok(err == -EINVAL && st.failed_step == (n == 117 ? 1u : 0u),
			   "shared sub-DAG revisited at depth %u: %s", n + 2,
			   n == 117 ? "fits" : "too deep");
			pb_free(&g);
			pb_free(&b);
		}

		/*
		 * An exponential DAG (a chain of 60 conj(s, s)): compared in linear
		 * time (the kernel would take 2^60 comparisons).
		 */
		pb_init(&g);
		pb_init(&b);
		gc = pb_boolvar(&g);
		pc = pb_boolvar(&b);
		for (i = 0; i < 60; i++) {
			gc = pb_node(&g, BCF_BOOL_CONJ, 0, 2, gc, gc);
			pc = pb_node(&b, BCF_BOOL_CONJ, 0, 2, pc, pc);
		}
		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
		pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
		err = check_goal(&b, g.w, g.nw, gc, STRICT);
		ok(err == -EINVAL && st.failed_step == 1, "exponential DAG goal matches quickly");
		pb_free(&g);
		pb_free(&b);

		/* top-level leaf: compared by node equality only */
		pb_init(&g);
		gid = pb_boolvar(&g);
		pb_init(&b);
		pc = pb_boolvar(&b);
		a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, pc);
		pb_step(&b, BCF_RULE_TRUE_ELIM, 1, 0, a);
		ok(check_goal(&b, g.w, g.nw, gid, STRICT) == -EINVAL && st.failed_step == 1,
		   "top-level variable matches a goal variable");
		pb_free(&g);
		pb_init(&g);
		gid = pb_bool(&g, 1);
		ok(check_goal(&b, g.w, g.nw, gid, STRICT) == -EINVAL && st.failed_step == 0,
		   "top-level variable does not match a constant");
		pb_free(&g);
		pb_free(&b);
	}
}

/*
 * Every rule as the last step with no parameters (and 0, 1 or 2 premises),
 * its step ending exactly at the end of the buffer: a rule must not read
 * parameters it was not given (fuzz finding: ITE_EQ read params[0] before
 * checking the count; caught by ASan in the sanitizer build).
 */
static void test_rules_without_params(void)
{
	static const uint16_t classes[3][2] = {
		{ BCF_RULE_CORE, __MAX_BCF_CORE_RULES },
		{ BCF_RULE_BOOL, __MAX_BCF_BOOL_RULES },
		{ BCF_RULE_BV, __MAX_BCF_BV_RULES },
	};
	unsigned cls, id, np, bad = 0, n = 0;

	for (cls = 0; cls < 3; cls++) {
		for (id = 1; id < classes[cls][1]; id++) {
			for (np = 0; np <= 2; np++) {
				uint16_t rule = classes[cls][0] | id;
				struct pb b;
				uint32_t f;
				unsigned a, i;
				int e1, e2;

				if (rule == BCF_RULE_ASSUME)
					continue;
				pb_init(&b);
				f = pb_bool(&b, 0);
				pb_node(&b, BCF_BOOL_NOT, 0, 1, f);
				a = pb_step(&b, BCF_RULE_ASSUME, 0, 1, f);
				if (np == 0) {
					/* keep ASSUME used: a TRUE_INTRO in between, unused */
					pb_step(&b, rule, 0, 0);
				} else {
					uint32_t prem[2] = { a, a };

					pb_stepv(&b, rule, np, prem, 0, NULL);
				}
				e1 = check(&b, COMPAT);
				e2 = check(&b, STRICT);
				n++;
				for (i = 0; i < 2; i++) {
					int e = i ? e2 : e1;

					if (e != 0 && e != -EINVAL && e != -EFAULT && e != -E2BIG &&
					    e != -EOPNOTSUPP) {
						bad++;
						diag("rule 0x%04x with %u premises: errno %d", rule, np, e);
					}
				}
				if (!e2 && e1) {
					bad++;
					diag("rule 0x%04x: strict accepts, compat %d", rule, e1);
				}
				pb_free(&b);
			}
		}
	}
	ok(!bad && n > 140, "%u rule steps without parameters at the end of the proof: no "
	   "over-read, only checker errnos", n);
}

int main(void)
{
	test_core_accept();
	test_core_reject();
	test_header();
	test_global();
	test_rules_without_params();
	return done_testing();
}
