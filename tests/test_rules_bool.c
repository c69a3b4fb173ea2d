// SPDX-License-Identifier: MIT
/*
 * Unit tests for the 33 boolean rules (checker/resolution.c,
 * checker/rules_bool.c, checker/cnf.c), spec rules-bool.md: an accepted and
 * a rejected instance of every rule, every quirk of section 7 in both
 * modes, the real-trace steps of section 8 and the worked refutation of
 * section 9.  Conclusions are compared as rendered s-expressions.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <bcf/bcf.h>
#include "checker/checker.h"
#include "tests/proof_build.h"
#include "tests/tap.h"
#include "tests/read_file.h"

/* ---- expression tables: tests/proof_build.h, with a name per node ---------- */

/* room reserved: the tables never move */
#define TB_MAX 4096

/* a node whose vlen arguments are all arg */
static uint32_t add_rep(struct pb *t, uint8_t code, unsigned vlen, uint32_t arg)
{
	uint32_t args[255];
	unsigned i;

	for (i = 0; i < vlen && i < 255; i++)
		args[i] = arg;
	return pb_nodev(t, code, 0, vlen, args);
}

/* ---- rendering ----------------------------------------------------------- */

static const struct pb *cur_tb;

static void render_to(struct bcf_checker *c, uint32_t id, char *buf, size_t sz, size_t *pos)
{
	const struct bcf_expr *e = ckr_expr(c, id);
	const char *op = NULL;
	unsigned i;

#define PUT(...)                                                                       \
	do {                                                                           \
		if (*pos < sz)                                                         \
			*pos += snprintf(buf + *pos, sz - *pos, __VA_ARGS__);          \
	} while (0)
	if (id < c->expr_cnt && pb_name_of(cur_tb, id)) {
		PUT("%s", pb_name_of(cur_tb, id));
		return;
	}
	if (!e) {
		PUT("<dead@%u>", id);
		return;
	}
	switch (e->code) {
	case BCF_BOOL_VAL: PUT("%s", e->params & 1 ? "true" : "false"); return;
	case BCF_BOOL_NOT: op = "not"; break;
	case BCF_BOOL_DISJ: op = "or"; break;
	case BCF_BOOL_CONJ: op = "and"; break;
	case BCF_BOOL_EQ: op = "="; break;
	case BCF_BOOL_ITE: op = "ite"; break;
	case BCF_BOOL_XOR: op = "xor"; break;
	default: PUT("@%u", id); return;
	}
	PUT("(%s", op);
	for (i = 0; i < e->vlen; i++) {
		PUT(" ");
		render_to(c, e->args[i], buf, sz, pos);
	}
	PUT(")");
#undef PUT
}

static const char *render(struct bcf_checker *c, uint32_t id)
{
	static char buf[8192];
	size_t pos = 0;

	buf[0] = 0;
	render_to(c, id, buf, sizeof(buf), &pos);
	return buf;
}

/* ---- running a rule -------------------------------------------------------- */

#define REJ "REJECT"
#define A(...) ((const uint32_t[]){ __VA_ARGS__ }), (unsigned)(sizeof((uint32_t[]){ __VA_ARGS__ }) / 4)
#define NONE NULL, 0

static const char *mode_name(struct bcf_checker *c)
{
	return ckr_strict(c) ? "strict" : "compat";
}

/* Run fn; *out gets the rendered conclusion or REJ; returns the errno. */
static int apply(struct bcf_checker *c, ckr_rule_fn fn, const uint32_t *prem, unsigned np,
		 const uint32_t *par, unsigned npar, uint32_t *concl)
{
	c->reason[0] = 0;
	return fn(c, prem, np, par, npar, concl);
}

static void check_(struct bcf_checker *c, const char *what, ckr_rule_fn fn, const uint32_t *prem,
		   unsigned np, const uint32_t *par, unsigned npar, const char *want, int line)
{
	uint32_t concl = UINT32_MAX;
	int err = apply(c, fn, prem, np, par, npar, &concl);
	const char *got = err ? REJ : render(c, concl);
	int good = !strcmp(got, want);

	tap_ok(good, __FILE__, line, "%s [%s]: %s", what, mode_name(c), want);
	if (!good)
		diag("got %s (err %d, %s)", got, err, c->reason);
	if (!err)
		ckr_put(c, concl);
}

/* want in kernel-compat mode, want in strict mode */
#define CHECK2(c, what, fn, prem, par, want_k, want_s)                                 \
	check_(c, what, rule_##fn, prem, par, ckr_strict(c) ? (want_s) : (want_k), __LINE__)
#define CHECK(c, what, fn, prem, par, want)                                             \
	check_(c, what, rule_##fn, prem, par, want, __LINE__)

/* A built node (for premises); the test keeps the reference until fini. */
static uint32_t mk(struct bcf_checker *c, uint8_t code, unsigned vlen, const uint32_t *args)
{
	uint32_t id = UINT32_MAX;

	if (ckr_new(c, code, vlen, 0, args, &id))
		diag("ckr_new failed");
	return id;
}
#define NOT(c, x) mk(c, BCF_BOOL_NOT, 1, (const uint32_t[]){ x })
#define OR(c, ...) mk(c, BCF_BOOL_DISJ, sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, (const uint32_t[]){ __VA_ARGS__ })
#define AND(c, ...) mk(c, BCF_BOOL_CONJ, sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, (const uint32_t[]){ __VA_ARGS__ })
#define XOR(c, ...) mk(c, BCF_BOOL_XOR, sizeof((uint32_t[]){ __VA_ARGS__ }) / 4, (const uint32_t[]){ __VA_ARGS__ })

/* ---- the general table ------------------------------------------------------ */

static struct pb T;
static uint32_t a, b, cc, d, tru, fls, x, y, z1, na, nb, nc, nna, ab_or, abc_or, cd_or,
	ab_and, abc_and, and4, imp, eq, bveq, eqd, xor2, xor3, ite, bvite, bvite1, not_or,
	not_and, not_imp, not_eq, not_bveq, not_xor2, not_xor3, not_ite, and254,
	and255, p4, p5, p6, p7, np4, c605, d608, x121, d590, xn221, not10a, not40a;

static void build_table(void)
{
	struct pb *t = &T;

	pb_reserve(t, TB_MAX);

	a = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "a");
	b = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "b");
	cc = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "c");
	d = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "d");
	tru = pb_name(t, pb_node(t, BCF_BOOL_VAL, 1, 0), "true");
	fls = pb_name(t, pb_node(t, BCF_BOOL_VAL, 0, 0), "false");
	x = pb_name(t, pb_node(t, BCF_BV_VAR, 8, 0), "x");
	y = pb_name(t, pb_node(t, BCF_BV_VAR, 8, 0), "y");
	z1 = pb_name(t, pb_node(t, BCF_BV_VAR, 1, 0), "z1");
	na = pb_node(t, BCF_BOOL_NOT, 0, 1, a);
	nb = pb_node(t, BCF_BOOL_NOT, 0, 1, b);
	nc = pb_node(t, BCF_BOOL_NOT, 0, 1, cc);
	nna = pb_node(t, BCF_BOOL_NOT, 0, 1, na);
	ab_or = pb_name(t, pb_node(t, BCF_BOOL_DISJ, 0, 2, a, b), "ab_or");
	abc_or = pb_name(t, pb_node(t, BCF_BOOL_DISJ, 0, 3, a, b, cc), "abc_or");
	cd_or = pb_node(t, BCF_BOOL_DISJ, 0, 2, cc, d);
	ab_and = pb_name(t, pb_node(t, BCF_BOOL_CONJ, 0, 2, a, b), "ab_and");
	abc_and = pb_name(t, pb_node(t, BCF_BOOL_CONJ, 0, 3, a, b, cc), "abc_and");
	and4 = pb_name(t, pb_node(t, BCF_BOOL_CONJ, 0, 4, a, b, cc, d), "and4");
	imp = pb_name(t, pb_node(t, BCF_BOOL_IMPLIES, 0, 2, a, b), "imp");
	eq = pb_name(t, pb_node(t, BCF_BOOL_EQ, 0, 2, a, b), "eq");
	bveq = pb_name(t, pb_node(t, BCF_BOOL_EQ, 0, 2, x, y), "bveq");
	eqd = pb_name(t, pb_node(t, BCF_BOOL_EQ, 0, 2, ab_or, cc), "eqd");
	xor2 = pb_name(t, pb_node(t, BCF_BOOL_XOR, 0, 2, a, b), "xor2");
	xor3 = pb_name(t, pb_node(t, BCF_BOOL_XOR, 0, 3, a, b, cc), "xor3");
	ite = pb_name(t, pb_node(t, BCF_BOOL_ITE, 0, 3, a, b, cc), "ite");
	bvite = pb_name(t, pb_node(t, BCF_BV_ITE, 8, 3, a, x, y), "bvite");
	bvite1 = pb_name(t, pb_node(t, BCF_BV_ITE, 8, 3, z1, x, y), "bvite1");
	not_or = pb_node(t, BCF_BOOL_NOT, 0, 1, abc_or);
	not_and = pb_node(t, BCF_BOOL_NOT, 0, 1, abc_and);
	not_imp = pb_node(t, BCF_BOOL_NOT, 0, 1, imp);
	not_eq = pb_node(t, BCF_BOOL_NOT, 0, 1, eq);
	not_bveq = pb_node(t, BCF_BOOL_NOT, 0, 1, bveq);
	not_xor2 = pb_node(t, BCF_BOOL_NOT, 0, 1, xor2);
	not_xor3 = pb_node(t, BCF_BOOL_NOT, 0, 1, xor3);
	not_ite = pb_node(t, BCF_BOOL_NOT, 0, 1, ite);
	and254 = add_rep(t, BCF_BOOL_CONJ, 254, a);
	and255 = add_rep(t, BCF_BOOL_CONJ, 255, a);
	/* NOT^40(a), keeping NOT^10(a) */
	{
		uint32_t i, n = a;

		for (i = 1; i <= 40; i++) {
			n = pb_node(t, BCF_BOOL_NOT, 0, 1, n);
			if (i == 10)
				not10a = n;
		}
		not40a = n;
	}
	/* section 8 stand-ins: bitK -> pK */
	p4 = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "p4");
	p5 = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "p5");
	p6 = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "p6");
	p7 = pb_name(t, pb_node(t, BCF_BOOL_VAR, 0, 0), "p7");
	np4 = pb_node(t, BCF_BOOL_NOT, 0, 1, p4);                 /* @603 */
	c605 = pb_name(t, pb_node(t, BCF_BOOL_CONJ, 0, 2, p5, np4), "c605");        /* @605 */
	{
		uint32_t np5 = pb_node(t, BCF_BOOL_NOT, 0, 1, p5);

		d608 = pb_name(t, pb_node(t, BCF_BOOL_DISJ, 0, 2, c605, np5), "d608"); /* @608 */
	}
	x121 = pb_name(t, pb_node(t, BCF_BOOL_XOR, 0, 2, a, b), "x121");            /* @121 */
	d590 = pb_name(t, pb_node(t, BCF_BOOL_DISJ, 0, 2, ab_and, x121), "d590");   /* @590 = (@587 | @121) */
	{
		uint32_t np6 = pb_node(t, BCF_BOOL_NOT, 0, 1, p6);

		xn221 = pb_name(t, pb_node(t, BCF_BOOL_XOR, 0, 2, np6, d), "xn221");   /* @221 */
	}
}

/* ---- RESOLUTION ------------------------------------------------------------ */

static void test_resolution(struct bcf_checker *c)
{
	uint32_t big[255], big2, i, p0, p1, p2, p3;

	CHECK(c, "RESOLUTION basic", RESOLUTION, A(ab_or, OR(c, na, cc)), A(1, a), "(or b c)");
	CHECK(c, "RESOLUTION pol 0", RESOLUTION, A(OR(c, na, cc), ab_or), A(0, a), "(or c b)");
	CHECK(c, "RESOLUTION one premise", RESOLUTION, A(ab_or), A(1), REJ);
	CHECK(c, "RESOLUTION no params", RESOLUTION, A(ab_or, na), NONE, REJ);
	CHECK(c, "RESOLUTION missing polarity word", RESOLUTION, A(ab_or, na), A(a), REJ);
	CHECK(c, "RESOLUTION extra parameter", RESOLUTION, A(ab_or, na), A(1, a, a), REJ);
	CHECK(c, "RESOLUTION polarity padding bit", RESOLUTION, A(ab_or, na), A(3, a), REJ);
	CHECK(c, "RESOLUTION dynamic pivot", RESOLUTION, A(ab_or, na), A(1, OR(c, a, b)), REJ);
	CHECK(c, "RESOLUTION bitvector pivot", RESOLUTION, A(ab_or, na), A(1, x), REJ);
	CHECK(c, "RESOLUTION pivot inside a node", RESOLUTION, A(ab_or, na), A(1, ab_or + 1), REJ);
	CHECK(c, "RESOLUTION pivot beyond the table", RESOLUTION, A(ab_or, na), A(1, 100000), REJ);
	/* Q1 */
	CHECK(c, "Q1 pivot missing on the right", RESOLUTION, A(ab_or, cd_or), A(1, a),
	      "(or b c d)");
	CHECK(c, "Q1 pivot missing on the left", RESOLUTION, A(ab_or, OR(c, nc, d)), A(1, cc),
	      "(or a b d)");
	CHECK(c, "Q1 unrelated pivot keeps everything", RESOLUTION, A(ab_or, OR(c, cc, d)),
	      A(1, nc), "(or a b c d)");
	/* Q2 */
	CHECK(c, "Q2 duplicates kept", RESOLUTION, A(OR(c, a, b, a), OR(c, nb, a, b)), A(1, b),
	      "(or a a a b)");
	CHECK(c, "Q2 one occurrence per side", RESOLUTION, A(OR(c, b, a, b), nb), A(1, b),
	      "(or a b)");
	CHECK(c, "Q2 later pivot searches earlier right survivors", RESOLUTION,
	      A(ab_or, OR(c, na, cc), nc), A(3, a, cc), "b");
	/* Q3 */
	CHECK(c, "Q3 DISJ unit on the left (pol 1)", RESOLUTION, A(ab_or, NOT(c, ab_or)),
	      A(1, ab_or), "false");
	CHECK(c, "Q3 DISJ unit on the right (pol 0)", RESOLUTION, A(NOT(c, ab_or), ab_or),
	      A(0, ab_or), "false");
	CHECK(c, "Q3 DISJ not resolved at its position is flattened", RESOLUTION,
	      A(ab_or, NOT(c, cc)), A(1, cc), "(or a b)");
	CHECK(c, "Q3 built DISJ matching a static pivot is a unit", RESOLUTION,
	      A(OR(c, a, b), NOT(c, ab_or)), A(1, ab_or), "false");
	/* other consequences listed in 3.1 */
	CHECK(c, "tautology allowed", RESOLUTION, A(ab_or, OR(c, na, nb)), A(1, a),
	      "(or b (not b))");
	CHECK(c, "same premise twice", RESOLUTION, A(OR(c, na, na), a, a), A(0, a, a), "false");
	CHECK(c, "false premise kept", RESOLUTION, A(fls, OR(c, a, fls)), A(1, a),
	      "(or false a false)");
	CHECK(c, "double negation needs pivot NOT q", RESOLUTION, A(OR(c, nna, b), OR(c, na, cc)),
	      A(0, na), "(or b c)");
	CHECK(c, "double negation not seen through", RESOLUTION, A(OR(c, nna, b), OR(c, na, cc)),
	      A(0, a), "(or (not (not a)) b (not a) c)");
	CHECK(c, "structural match on built literal", RESOLUTION,
	      A(OR(c, NOT(c, OR(c, a, b)), d), ab_or), A(0, ab_or), "d");
	CHECK(c, "Q10 variables compare by id", RESOLUTION, A(OR(c, p4, a), NOT(c, p5)), A(1, p4),
	      "(or a (not p5))");
	/* 255-literal limit */
	for (i = 0; i < 255; i++)
		big[i] = a;
	big2 = mk(c, BCF_BOOL_DISJ, 255, big);
	{
		uint32_t concl;
		int err = apply(c, rule_RESOLUTION, A(big2, OR(c, na, cc)), A(1, a), &concl);
		const struct bcf_expr *e = err ? NULL : ckr_expr(c, concl);

		ok(!err && e && e->code == BCF_BOOL_DISJ && e->vlen == 255 && e->args[254] == cc,
		   "resolvent of exactly 255 literals accepted [%s]", mode_name(c));
		if (!err)
			ckr_put(c, concl);
		err = apply(c, rule_RESOLUTION, A(big2, OR(c, b, cc)), A(1, d), &concl);
		ok(err == -E2BIG, "resolvent of 257 literals rejected [%s] (%d)", mode_name(c),
		   err);
		if (!err)
			ckr_put(c, concl);
	}
	/* 33 pivots: two polarity words */
	{
		uint32_t prem[34], par[2 + 33], concl;
		int err;

		prem[0] = a;
		par[0] = 0xffffffff;
		par[1] = 1;
		for (i = 0; i < 33; i++) {
			prem[i + 1] = i == 32 ? NOT(c, a) : OR(c, na, a);
			par[2 + i] = a;
		}
		err = apply(c, rule_RESOLUTION, prem, 34, par, 35, &concl);
		ok(!err && ckr_is_false(c, concl), "33-pivot chain with 2 polarity words [%s]",
		   mode_name(c));
		if (!err)
			ckr_put(c, concl);
		par[1] = 3;
		err = apply(c, rule_RESOLUTION, prem, 34, par, 35, &concl);
		ok(err == -EINVAL, "padding bit in the second polarity word rejected [%s]",
		   mode_name(c));
		if (!err)
			ckr_put(c, concl);
	}

	/* deep literals: matches decided within and beyond the quick walk */
	{
		uint32_t na40 = a, nb40 = b, nb10 = b, concl;
		const struct bcf_expr *e;
		int err;

		for (i = 0; i < 40; i++) {
			na40 = NOT(c, na40);
			nb40 = NOT(c, nb40);
			if (i < 10)
				nb10 = NOT(c, nb10);
		}
		CHECK(c, "deep built literal equal to a static pivot", RESOLUTION,
		      A(OR(c, na40, b), NOT(c, not40a)), A(1, not40a), "b");
		CHECK(c, "deep built literal equal to a negated pivot", RESOLUTION,
		      A(OR(c, d, NOT(c, na40)), OR(c, b, not40a)), A(0, not40a), "(or d b)");
		err = apply(c, rule_RESOLUTION, A(OR(c, nb40, b), NOT(c, not40a)), A(1, not40a),
			    &concl);
		e = err ? NULL : ckr_expr(c, concl);
		ok(e && e->code == BCF_BOOL_DISJ && e->vlen == 2 && e->args[0] == nb40,
		   "deep literal differing at the bottom is kept [%s]", mode_name(c));
		if (!err)
			ckr_put(c, concl);
		err = apply(c, rule_RESOLUTION, A(OR(c, nb10, b), NOT(c, not10a)), A(1, not10a),
			    &concl);
		e = err ? NULL : ckr_expr(c, concl);
		ok(e && e->code == BCF_BOOL_DISJ && e->vlen == 2 && e->args[0] == nb10,
		   "shallow literal differing at the bottom is kept [%s]", mode_name(c));
		if (!err)
			ckr_put(c, concl);
	}

	/* section 8.2, example A: all polarities 0 and a built CONJ matching @605 */
	p0 = OR(c, NOT(c, p4), NOT(c, c605));
	p1 = OR(c, NOT(c, p5), AND(c, p5, np4), NOT(c, d608));
	p2 = OR(c, p4, NOT(c, and4));
	p3 = OR(c, p5, NOT(c, and4));
	CHECK(c, "8.2 example A chain", RESOLUTION, A(p0, p1, p2, p3), A(0, c605, p4, p5),
	      "(or (not d608) (not and4) (not and4))");
	{
		uint32_t s242;
		int err = apply(c, rule_RESOLUTION, A(p0, p1, p2, p3), A(0, c605, p4, p5), &s242);

		if (!err) {
			CHECK(c, "8.2 example A factoring", FACTORING, A(s242), A(0x00020102),
			      "(or (not d608) (not and4))");
			ckr_put(c, s242);
		} else {
			ok(0, "8.2 example A chain for factoring");
		}
	}
	CHECK(c, "8.2 FACTORING (2,0,1) on (p7, p7)", FACTORING, A(OR(c, p7, p7)), A(0x00010002),
	      "p7");

	/* section 8.3, example B */
	CHECK(c, "8.3 #153 pivot is a disjunction, unit result", RESOLUTION,
	      A(OR(c, d590, NOT(c, ab_and)), NOT(c, OR(c, AND(c, a, b), x121))), A(1, d590),
	      "(not ab_and)");
	{
		uint32_t s261;
		int err = apply(c, rule_RESOLUTION,
				A(OR(c, p6, abc_and, xn221), NOT(c, p6),
				  NOT(c, XOR(c, NOT(c, p6), d))),
				A(3, p6, xn221), &s261);

		ok(!err && s261 == abc_and, "8.3 #261 concludes the CONJ @130 itself [%s]",
		   mode_name(c));
		if (!err) {
			CHECK(c, "8.3 #264 CONJ unit on the right", RESOLUTION,
			      A(OR(c, p5, NOT(c, abc_and)), s261), A(0, abc_and), "p5");
			ckr_put(c, s261);
		}
	}
}

/* ---- RESOLUTION against a plain transcription of rules-bool.md 3.1 -------- */

static uint32_t rng_state = 12345;

static uint32_t rnd(uint32_t n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) % n;
}

/* x == L where L is p (neg 0) or NOT p (neg 1), with ckr_equal only */
static int ref_is(struct bcf_checker *c, uint32_t lit, uint32_t p, bool neg)
{
	const struct bcf_expr *e = ckr_expr(c, lit);

	if (!neg)
		return ckr_equal(c, lit, p);
	return e->code == BCF_BOOL_NOT ? ckr_equal(c, e->args[0], p) : 0;
}

static unsigned ref_lits(struct bcf_checker *c, uint32_t fact, uint32_t p, bool neg,
			 uint32_t *out)
{
	const struct bcf_expr *e = ckr_expr(c, fact);

	if (e->code == BCF_BOOL_DISJ && ref_is(c, fact, p, neg) != 1) {
		memcpy(out, e->args, e->vlen * 4);
		return e->vlen;
	}
	out[0] = fact;
	return 1;
}

static void ref_remove(struct bcf_checker *c, uint32_t *v, unsigned *n, uint32_t p, bool neg)
{
	unsigned i;

	for (i = 0; i < *n; i++) {
		if (ref_is(c, v[i], p, neg) == 1) {
			memmove(&v[i], &v[i + 1], (*n - i - 1) * 4);
			(*n)--;
			return;
		}
	}
}

static void test_resolution_random(struct bcf_checker *c)
{
	uint32_t pool[40], piv_pool[16], npool = 0, npiv = 0, round, bad = 0, accepted = 0;

	piv_pool[npiv++] = a;
	piv_pool[npiv++] = b;
	piv_pool[npiv++] = cc;
	piv_pool[npiv++] = na;
	piv_pool[npiv++] = nb;
	piv_pool[npiv++] = nna;
	piv_pool[npiv++] = ab_or;
	piv_pool[npiv++] = ab_and;
	piv_pool[npiv++] = xor2;
	piv_pool[npiv++] = eq;
	piv_pool[npiv++] = not10a;
	for (round = 0; round < npiv; round++) {
		pool[npool++] = piv_pool[round];
		pool[npool++] = NOT(c, piv_pool[round]);
	}
	/* structurally equal copies with other ids */
	pool[npool++] = NOT(c, a);
	pool[npool++] = NOT(c, NOT(c, a));
	pool[npool++] = OR(c, a, b);
	pool[npool++] = AND(c, a, b);
	pool[npool++] = NOT(c, OR(c, a, b));
	pool[npool++] = XOR(c, a, b);
	pool[npool++] = NOT(c, XOR(c, a, b));
	pool[npool++] = d;
	pool[npool++] = fls;
	{
		uint32_t n = a, i;

		for (i = 0; i < 10; i++)
			n = NOT(c, n);
		pool[npool++] = n;
		pool[npool++] = NOT(c, n);
	}

	for (round = 0; round < 3000; round++) {
		uint32_t prem[6], par[7], acc[2048], r[256], concl, i, k;
		unsigned np = 2 + rnd(4), m = np - 1, nacc, nr;
		bool ok_ref = true;
		int err;

		for (i = 0; i < np; i++) {
			unsigned len = rnd(5);

			if (len < 2) {
				prem[i] = pool[rnd(npool)];
			} else {
				uint32_t lits[4];

				for (k = 0; k < len; k++)
					lits[k] = pool[rnd(npool)];
				prem[i] = mk(c, BCF_BOOL_DISJ, len, lits);
			}
		}
		par[0] = rnd(1u << m);
		for (i = 0; i < m; i++)
			par[1 + i] = piv_pool[rnd(npiv)];

		/* reference */
		nacc = ref_lits(c, prem[0], par[1], !(par[0] & 1), acc);
		for (i = 0; i < m; i++) {
			bool pol = par[0] >> i & 1;

			ref_remove(c, acc, &nacc, par[1 + i], !pol);
			nr = ref_lits(c, prem[i + 1], par[1 + i], pol, r);
			ref_remove(c, r, &nr, par[1 + i], pol);
			memcpy(&acc[nacc], r, nr * 4);
			nacc += nr;
		}
		ok_ref = nacc <= 255;

		err = apply(c, rule_RESOLUTION, prem, np, par, 1 + m, &concl);
		if (err) {
			bad += ok_ref;
			continue;
		}
		accepted++;
		if (!ok_ref) {
			bad++;
		} else if (nacc == 0) {
			bad += !ckr_is_false(c, concl);
		} else if (nacc == 1) {
			bad += concl != acc[0];
		} else {
			const struct bcf_expr *e = ckr_expr(c, concl);

			bad += e->code != BCF_BOOL_DISJ || e->vlen != nacc ||
			       memcmp(e->args, acc, nacc * 4);
		}
		ckr_put(c, concl);
		if (bad == 1) {
			diag("first mismatch in round %u", round);
			bad++;
		}
	}
	ok(bad == 0 && accepted == 3000,
	   "3000 random RESOLUTION steps equal the spec's algorithm [%s] (%u accepted)",
	   mode_name(c), accepted);
}

/* ---- FACTORING / REORDERING ---------------------------------------------------- */

static void test_factoring(struct bcf_checker *c)
{
	uint32_t aaba = OR(c, a, a, b, a), aaab = OR(c, a, a, a, b);

	CHECK(c, "FACTORING basic", FACTORING, A(aaba), A(0x00030102), "(or a a b)");
	CHECK(c, "FACTORING structural", FACTORING, A(OR(c, ab_or, b, OR(c, a, b))),
	      A(0x00020002), "(or ab_or b)");
	CHECK(c, "Q4 dups need not increase", FACTORING, A(aaba), A(0x01030003), "(or a b)");
	CHECK(c, "Q4 repeated dup", FACTORING, A(aaba), A(0x01010003), "(or a b a)");
	CHECK(c, "Q4 uniq already a dup", FACTORING, A(aaab), A(0x02010002, 0x00000201),
	      "(or a b)");
	CHECK(c, "Q4 partial factoring", FACTORING, A(aaba), A(0x00010002), "(or a b a)");
	CHECK(c, "Q4 no terminator", FACTORING, A(aaba), A(0x03010003), "(or a b)");
	CHECK(c, "FACTORING two premises", FACTORING, A(aaba, aaba), A(0x00030102), REJ);
	CHECK(c, "FACTORING no params", FACTORING, A(aaba), NONE, REJ);
	CHECK(c, "FACTORING non-DISJ premise", FACTORING, A(a), A(0x00010002), REJ);
	CHECK(c, "FACTORING entry of length 1", FACTORING, A(aaba), A(0x00000001), REJ);
	CHECK(c, "FACTORING entry past the end", FACTORING, A(aaba), A(0x01000005), REJ);
	CHECK(c, "FACTORING uniq out of range", FACTORING, A(aaba), A(0x00050402), REJ);
	CHECK(c, "FACTORING uniq not increasing", FACTORING, A(aaab), A(0x02020102, 0x00000100),
	      REJ);
	CHECK(c, "FACTORING dup out of range", FACTORING, A(aaba), A(0x00040002), REJ);
	CHECK(c, "FACTORING dup below uniq", FACTORING, A(aaba), A(0x00000102), REJ);
	CHECK(c, "FACTORING dup equal to uniq", FACTORING, A(aaba), A(0x00010102), REJ);
	CHECK(c, "FACTORING dup differs", FACTORING, A(aaba), A(0x00020002), REJ);
	CHECK(c, "FACTORING no dup at all", FACTORING, A(aaba), A(0), REJ);
	CHECK(c, "FACTORING junk after terminator", FACTORING, A(aaba), A(0x00010002, 1), REJ);
	CHECK(c, "FACTORING junk in terminator word", FACTORING, A(aaba), A(0x01010002), REJ);
	/* 128-pair comparison limit (Q10): separately built chains NOT^k(a) */
	{
		uint32_t l1 = a, l2 = a, m1 = a, m2 = a, i, concl;
		int err;

		for (i = 0; i < 200; i++) {
			l1 = NOT(c, l1);
			l2 = NOT(c, l2);
		}
		for (i = 0; i < 100; i++) {
			m1 = NOT(c, m1);
			m2 = NOT(c, m2);
		}
		err = apply(c, rule_FACTORING, A(OR(c, l1, l2)), A(0x00010002), &concl);
		ok(err == -E2BIG, "Q10 comparison 200 levels deep rejected [%s] (%d)",
		   mode_name(c), err);
		if (!err)
			ckr_put(c, concl);
		err = apply(c, rule_FACTORING, A(OR(c, m1, m2)), A(0x00010002), &concl);
		ok(!err, "comparison 100 levels deep accepted [%s] (%d)", mode_name(c), err);
		if (!err)
			ckr_put(c, concl);
	}
}

static void test_reordering(struct bcf_checker *c)
{
	uint32_t concl;
	int err;

	CHECK(c, "8.4 example C", REORDERING, A(OR(c, x121, p7, OR(c, p6, and4))),
	      A(0x00010002, 0x00000102), "(or p7 (or p6 and4) x121)");
	CHECK(c, "REORDERING single swap", REORDERING, A(abc_or), A(0x00010001), "(or b a c)");
	CHECK(c, "REORDERING s=0 identity", REORDERING, A(abc_or), A(0), "(or a b c)");
	CHECK(c, "REORDERING j=k allowed", REORDERING, A(abc_or), A(0x02020001), "(or a b c)");
	CHECK(c, "REORDERING s=vlen", REORDERING, A(abc_or), A(0x02000003, 0x00000101),
	      "(or c b a)");
	CHECK(c, "REORDERING two premises", REORDERING, A(abc_or, abc_or), A(0x00010001), REJ);
	CHECK(c, "REORDERING no premise", REORDERING, NONE, A(0x00010001), REJ);
	CHECK(c, "REORDERING too many swaps", REORDERING, A(ab_or), A(0x00000003, 0), REJ);
	CHECK(c, "REORDERING wrong word count", REORDERING, A(abc_or), A(0x00010001, 0), REJ);
	CHECK(c, "REORDERING padding half", REORDERING, A(abc_or), A(0x00010002, 0x00010001),
	      REJ);
	CHECK(c, "REORDERING s=0 padding half", REORDERING, A(abc_or), A(0x00010000), REJ);
	CHECK(c, "REORDERING swap out of range", REORDERING, A(abc_or), A(0x00030001), REJ);
	CHECK(c, "REORDERING swap high byte out of range", REORDERING, A(abc_or), A(0x03000001),
	      REJ);
	/* Q5: identity, same id, parameters unchecked */
	err = apply(c, rule_REORDERING, A(abc_and), A(0xdeadbeef, 7, 7), &concl);
	ok(!err && concl == abc_and, "Q5 non-DISJ premise with junk params is identity [%s]",
	   mode_name(c));
	if (!err)
		ckr_put(c, concl);
	err = apply(c, rule_REORDERING, A(abc_or), NONE, &concl);
	ok(!err && concl == abc_or, "Q5 DISJ premise with no params is identity [%s]",
	   mode_name(c));
	if (!err)
		ckr_put(c, concl);
}

/* ---- rules 4..20 -------------------------------------------------------------- */

static void test_streamlined(struct bcf_checker *c)
{
	uint32_t concl, not_bvite = NOT(c, bvite);
	int err;

	CHECK(c, "SPLIT", SPLIT, NONE, A(a), "(or a (not a))");
	CHECK(c, "SPLIT on a DISJ", SPLIT, NONE, A(ab_or), "(or ab_or (not ab_or))");
	CHECK(c, "SPLIT bitvector", SPLIT, NONE, A(x), REJ);
	CHECK(c, "SPLIT dynamic id", SPLIT, NONE, A(NOT(c, a)), REJ);
	CHECK(c, "SPLIT no param", SPLIT, NONE, NONE, REJ);
	CHECK(c, "SPLIT with premise", SPLIT, A(a), A(a), REJ);

	CHECK(c, "EQ_RESOLVE", EQ_RESOLVE, A(a, eq), NONE, "b");
	CHECK(c, "EQ_RESOLVE structural", EQ_RESOLVE, A(OR(c, a, b), eqd), NONE, "c");
	CHECK(c, "Q11 EQ_RESOLVE swapped order", EQ_RESOLVE, A(eq, a), NONE, REJ);
	CHECK(c, "EQ_RESOLVE mismatch", EQ_RESOLVE, A(b, eq), NONE, REJ);
	CHECK(c, "EQ_RESOLVE not an EQ", EQ_RESOLVE, A(a, imp), NONE, REJ);
	CHECK(c, "EQ_RESOLVE with a param", EQ_RESOLVE, A(a, eq), A(0), REJ);

	CHECK(c, "MODUS_PONENS", MODUS_PONENS, A(a, imp), NONE, "b");
	CHECK(c, "Q11 MODUS_PONENS swapped order", MODUS_PONENS, A(imp, a), NONE, REJ);
	CHECK(c, "MODUS_PONENS mismatch", MODUS_PONENS, A(b, imp), NONE, REJ);
	CHECK(c, "MODUS_PONENS on EQ", MODUS_PONENS, A(a, eq), NONE, REJ);

	CHECK(c, "NOT_NOT_ELIM", NOT_NOT_ELIM, A(nna), NONE, "a");
	CHECK(c, "NOT_NOT_ELIM single NOT", NOT_NOT_ELIM, A(na), NONE, REJ);
	CHECK(c, "NOT_NOT_ELIM two premises", NOT_NOT_ELIM, A(nna, nna), NONE, REJ);

	CHECK(c, "CONTRA", CONTRA, A(a, na), NONE, "false");
	CHECK(c, "CONTRA structural", CONTRA, A(OR(c, a, b), NOT(c, ab_or)), NONE, "false");
	CHECK(c, "Q11 CONTRA swapped order", CONTRA, A(na, a), NONE, REJ);
	CHECK(c, "CONTRA mismatch", CONTRA, A(b, na), NONE, REJ);

	CHECK(c, "AND_ELIM", AND_ELIM, A(abc_and), A(2), "c");
	CHECK(c, "AND_ELIM index out of range", AND_ELIM, A(abc_and), A(3), REJ);
	CHECK(c, "AND_ELIM huge index", AND_ELIM, A(abc_and), A(0xffffffff), REJ);
	CHECK(c, "AND_ELIM not a CONJ", AND_ELIM, A(abc_or), A(0), REJ);
	CHECK(c, "AND_ELIM no param", AND_ELIM, A(abc_and), NONE, REJ);

	CHECK(c, "AND_INTRO", AND_INTRO, A(a, b, a), NONE, "(and a b a)");
	err = apply(c, rule_AND_INTRO, A(ab_or), NONE, &concl);
	ok(!err && concl == ab_or, "Q9 AND_INTRO of one premise is that id [%s]", mode_name(c));
	if (!err)
		ckr_put(c, concl);
	err = apply(c, rule_AND_INTRO, A(fls), NONE, &concl);
	ok(!err && ckr_is_false(c, concl), "Q9 AND_INTRO(false) concludes false [%s]",
	   mode_name(c));
	if (!err)
		ckr_put(c, concl);
	CHECK(c, "AND_INTRO no premise", AND_INTRO, NONE, NONE, REJ);
	CHECK(c, "AND_INTRO with param", AND_INTRO, A(a, b), A(0), REJ);

	CHECK(c, "NOT_OR_ELIM", NOT_OR_ELIM, A(not_or), A(1), "(not b)");
	CHECK(c, "NOT_OR_ELIM index out of range", NOT_OR_ELIM, A(not_or), A(3), REJ);
	CHECK(c, "NOT_OR_ELIM on NOT(CONJ)", NOT_OR_ELIM, A(not_and), A(0), REJ);

	CHECK(c, "IMPLIES_ELIM", IMPLIES_ELIM, A(imp), NONE, "(or (not a) b)");
	CHECK(c, "IMPLIES_ELIM on EQ", IMPLIES_ELIM, A(eq), NONE, REJ);

	CHECK(c, "NOT_IMPLIES_ELIM 0", NOT_IMPLIES_ELIM, A(not_imp), A(0), "a");
	CHECK(c, "NOT_IMPLIES_ELIM 1", NOT_IMPLIES_ELIM, A(not_imp), A(1), "(not b)");
	CHECK(c, "NOT_IMPLIES_ELIM 2", NOT_IMPLIES_ELIM, A(not_imp), A(2), REJ);
	CHECK(c, "NOT_IMPLIES_ELIM on IMPLIES", NOT_IMPLIES_ELIM, A(imp), A(0), REJ);

	CHECK(c, "EQUIV_ELIM 0", EQUIV_ELIM, A(eq), A(0), "(or (not a) b)");
	CHECK(c, "EQUIV_ELIM 1", EQUIV_ELIM, A(eq), A(1), "(or a (not b))");
	CHECK(c, "EQUIV_ELIM 2", EQUIV_ELIM, A(eq), A(2), REJ);
	CHECK(c, "EQUIV_ELIM on IMPLIES", EQUIV_ELIM, A(imp), A(0), REJ);
	CHECK2(c, "Q8 EQUIV_ELIM on a bitvector EQ", EQUIV_ELIM, A(bveq), A(0), "(or (not x) y)",
	       REJ);

	CHECK(c, "NOT_EQUIV_ELIM 0", NOT_EQUIV_ELIM, A(not_eq), A(0), "(or a b)");
	CHECK(c, "NOT_EQUIV_ELIM 1", NOT_EQUIV_ELIM, A(not_eq), A(1), "(or (not a) (not b))");
	CHECK(c, "NOT_EQUIV_ELIM on EQ", NOT_EQUIV_ELIM, A(eq), A(0), REJ);
	CHECK(c, "NOT_EQUIV_ELIM 2", NOT_EQUIV_ELIM, A(not_eq), A(2), REJ);
	CHECK2(c, "Q8 NOT_EQUIV_ELIM on a bitvector EQ", NOT_EQUIV_ELIM, A(not_bveq), A(1),
	       "(or (not x) (not y))", REJ);

	CHECK(c, "XOR_ELIM 0", XOR_ELIM, A(xor2), A(0), "(or a b)");
	CHECK(c, "XOR_ELIM 1", XOR_ELIM, A(xor2), A(1), "(or (not a) (not b))");
	CHECK(c, "XOR_ELIM 2", XOR_ELIM, A(xor2), A(2), REJ);
	CHECK(c, "XOR_ELIM on EQ", XOR_ELIM, A(eq), A(0), REJ);
	CHECK2(c, "Q7 XOR_ELIM on a 3-ary XOR", XOR_ELIM, A(xor3), A(0), "(or a b)", REJ);

	CHECK(c, "NOT_XOR_ELIM 0", NOT_XOR_ELIM, A(not_xor2), A(0), "(or a (not b))");
	CHECK(c, "NOT_XOR_ELIM 1", NOT_XOR_ELIM, A(not_xor2), A(1), "(or (not a) b)");
	CHECK(c, "NOT_XOR_ELIM on XOR", NOT_XOR_ELIM, A(xor2), A(0), REJ);
	CHECK(c, "NOT_XOR_ELIM 2", NOT_XOR_ELIM, A(not_xor2), A(2), REJ);
	CHECK2(c, "Q7 NOT_XOR_ELIM on a 3-ary XOR", NOT_XOR_ELIM, A(not_xor3), A(1),
	       "(or (not a) b)", REJ);

	CHECK(c, "ITE_ELIM 0", ITE_ELIM, A(ite), A(0), "(or (not a) b)");
	CHECK(c, "ITE_ELIM 1", ITE_ELIM, A(ite), A(1), "(or a c)");
	CHECK(c, "ITE_ELIM 2", ITE_ELIM, A(ite), A(2), REJ);
	CHECK(c, "ITE_ELIM on IMPLIES", ITE_ELIM, A(imp), A(0), REJ);
	CHECK2(c, "Q8 ITE_ELIM on a bitvector ITE", ITE_ELIM, A(bvite), A(0), "(or (not a) x)",
	       REJ);
	CHECK(c, "ITE_ELIM on a bv ITE with a 1-bit condition", ITE_ELIM, A(bvite1), A(0), REJ);

	CHECK(c, "NOT_ITE_ELIM 0", NOT_ITE_ELIM, A(not_ite), A(0), "(or (not a) (not b))");
	CHECK(c, "NOT_ITE_ELIM 1", NOT_ITE_ELIM, A(not_ite), A(1), "(or a (not c))");
	CHECK(c, "NOT_ITE_ELIM on ITE", NOT_ITE_ELIM, A(ite), A(0), REJ);
	CHECK(c, "NOT_ITE_ELIM 2", NOT_ITE_ELIM, A(not_ite), A(2), REJ);
	CHECK2(c, "Q8 NOT_ITE_ELIM on NOT(bitvector ITE)", NOT_ITE_ELIM, A(not_bvite), A(1),
	       "(or a (not y))", REJ);
	CHECK(c, "NOT_ITE_ELIM on NOT(bv ITE, 1-bit condition)", NOT_ITE_ELIM,
	      A(NOT(c, bvite1)), A(1), REJ);

	CHECK(c, "NOT_AND", NOT_AND, A(not_and), A(0), "(or (not a) (not b) (not c))");
	CHECK(c, "Q6 NOT_AND ignores parameter values", NOT_AND, A(not_and), A(0xdead, 5),
	      "(or (not a) (not b) (not c))");
	CHECK(c, "Q6 NOT_AND without parameter", NOT_AND, A(not_and), NONE, REJ);
	CHECK(c, "NOT_AND on NOT(DISJ)", NOT_AND, A(not_or), A(0), REJ);
}

/* ---- rules 21..33 ------------------------------------------------------------ */

static void test_cnf(struct bcf_checker *c)
{
	uint32_t concl, dyn_and = AND(c, a, b);
	const struct bcf_expr *e;
	int err;

	CHECK(c, "CNF_AND_POS", CNF_AND_POS, NONE, A(abc_and, 1), "(or (not abc_and) b)");
	CHECK(c, "CNF_AND_POS index out of range", CNF_AND_POS, NONE, A(abc_and, 3), REJ);
	CHECK(c, "CNF_AND_POS dynamic F", CNF_AND_POS, NONE, A(dyn_and, 0), REJ);
	CHECK(c, "CNF_AND_POS not a CONJ", CNF_AND_POS, NONE, A(abc_or, 0), REJ);
	CHECK(c, "CNF_AND_POS with premise", CNF_AND_POS, A(a), A(abc_and, 0), REJ);
	CHECK(c, "CNF_AND_POS missing index", CNF_AND_POS, NONE, A(abc_and), REJ);

	CHECK(c, "CNF_AND_NEG", CNF_AND_NEG, NONE, A(abc_and),
	      "(or abc_and (not a) (not b) (not c))");
	CHECK(c, "CNF_AND_NEG not a CONJ", CNF_AND_NEG, NONE, A(abc_or), REJ);
	CHECK(c, "CNF_AND_NEG 255-ary CONJ", CNF_AND_NEG, NONE, A(and255), REJ);
	err = apply(c, rule_CNF_AND_NEG, NONE, A(and254), &concl);
	e = err ? NULL : ckr_expr(c, concl);
	ok(e && e->code == BCF_BOOL_DISJ && e->vlen == 255, "CNF_AND_NEG 254-ary CONJ [%s]",
	   mode_name(c));
	if (!err)
		ckr_put(c, concl);

	CHECK(c, "CNF_OR_POS", CNF_OR_POS, NONE, A(abc_or), "(or (not abc_or) a b c)");
	CHECK(c, "CNF_OR_POS not a DISJ", CNF_OR_POS, NONE, A(abc_and), REJ);
	CHECK(c, "CNF_OR_POS extra param", CNF_OR_POS, NONE, A(abc_or, 0), REJ);

	CHECK(c, "CNF_OR_NEG", CNF_OR_NEG, NONE, A(abc_or, 2), "(or abc_or (not c))");
	CHECK(c, "CNF_OR_NEG index out of range", CNF_OR_NEG, NONE, A(abc_or, 3), REJ);

	CHECK(c, "CNF_IMPLIES_POS", CNF_IMPLIES_POS, NONE, A(imp), "(or (not imp) (not a) b)");
	CHECK(c, "CNF_IMPLIES_POS on EQ", CNF_IMPLIES_POS, NONE, A(eq), REJ);

	CHECK(c, "CNF_IMPLIES_NEG 0", CNF_IMPLIES_NEG, NONE, A(imp, 0), "(or imp a)");
	CHECK(c, "CNF_IMPLIES_NEG 1", CNF_IMPLIES_NEG, NONE, A(imp, 1), "(or imp (not b))");
	CHECK(c, "CNF_IMPLIES_NEG 2", CNF_IMPLIES_NEG, NONE, A(imp, 2), REJ);

	CHECK(c, "CNF_EQUIV_POS 0", CNF_EQUIV_POS, NONE, A(eq, 0), "(or (not eq) (not a) b)");
	CHECK(c, "CNF_EQUIV_POS 1", CNF_EQUIV_POS, NONE, A(eq, 1), "(or (not eq) a (not b))");
	CHECK(c, "CNF_EQUIV_POS 2", CNF_EQUIV_POS, NONE, A(eq, 2), REJ);
	CHECK(c, "CNF_EQUIV_POS on XOR", CNF_EQUIV_POS, NONE, A(xor2, 0), REJ);
	CHECK2(c, "Q8 CNF_EQUIV_POS on a bitvector EQ", CNF_EQUIV_POS, NONE, A(bveq, 0),
	       "(or (not bveq) (not x) y)", REJ);

	CHECK(c, "CNF_EQUIV_NEG 0", CNF_EQUIV_NEG, NONE, A(eq, 0), "(or eq a b)");
	CHECK(c, "CNF_EQUIV_NEG 1", CNF_EQUIV_NEG, NONE, A(eq, 1), "(or eq (not a) (not b))");
	CHECK(c, "CNF_EQUIV_NEG 2", CNF_EQUIV_NEG, NONE, A(eq, 2), REJ);
	CHECK2(c, "Q8 CNF_EQUIV_NEG on a bitvector EQ", CNF_EQUIV_NEG, NONE, A(bveq, 1),
	       "(or bveq (not x) (not y))", REJ);

	CHECK(c, "CNF_XOR_POS 0", CNF_XOR_POS, NONE, A(xor2, 0), "(or (not xor2) a b)");
	CHECK(c, "CNF_XOR_POS 1", CNF_XOR_POS, NONE, A(xor2, 1), "(or (not xor2) (not a) (not b))");
	CHECK(c, "CNF_XOR_POS 2", CNF_XOR_POS, NONE, A(xor2, 2), REJ);
	CHECK(c, "CNF_XOR_POS on EQ", CNF_XOR_POS, NONE, A(eq, 0), REJ);
	CHECK2(c, "Q7 CNF_XOR_POS on a 3-ary XOR", CNF_XOR_POS, NONE, A(xor3, 0),
	       "(or (not xor3) a b)", REJ);

	CHECK(c, "CNF_XOR_NEG 0", CNF_XOR_NEG, NONE, A(xor2, 0), "(or xor2 (not a) b)");
	CHECK(c, "CNF_XOR_NEG 1", CNF_XOR_NEG, NONE, A(xor2, 1), "(or xor2 a (not b))");
	CHECK(c, "CNF_XOR_NEG 2", CNF_XOR_NEG, NONE, A(xor2, 2), REJ);
	CHECK2(c, "Q7 CNF_XOR_NEG on a 3-ary XOR", CNF_XOR_NEG, NONE, A(xor3, 1),
	       "(or xor3 a (not b))", REJ);

	CHECK(c, "CNF_ITE_POS 0", CNF_ITE_POS, NONE, A(ite, 0), "(or (not ite) (not a) b)");
	CHECK(c, "CNF_ITE_POS 1", CNF_ITE_POS, NONE, A(ite, 1), "(or (not ite) a c)");
	CHECK(c, "CNF_ITE_POS 2", CNF_ITE_POS, NONE, A(ite, 2), "(or (not ite) b c)");
	CHECK(c, "CNF_ITE_POS 3", CNF_ITE_POS, NONE, A(ite, 3), REJ);
	CHECK(c, "CNF_ITE_POS on IMPLIES", CNF_ITE_POS, NONE, A(imp, 0), REJ);
	CHECK2(c, "Q8 CNF_ITE_POS on a bitvector ITE", CNF_ITE_POS, NONE, A(bvite, 2),
	       "(or (not bvite) x y)", REJ);
	CHECK(c, "CNF_ITE_POS bv ITE with 1-bit condition", CNF_ITE_POS, NONE, A(bvite1, 0), REJ);

	CHECK(c, "CNF_ITE_NEG 0", CNF_ITE_NEG, NONE, A(ite, 0), "(or ite (not a) (not b))");
	CHECK(c, "CNF_ITE_NEG 1", CNF_ITE_NEG, NONE, A(ite, 1), "(or ite a (not c))");
	CHECK(c, "CNF_ITE_NEG 2", CNF_ITE_NEG, NONE, A(ite, 2), "(or ite (not b) (not c))");
	CHECK(c, "CNF_ITE_NEG 3", CNF_ITE_NEG, NONE, A(ite, 3), REJ);
	CHECK2(c, "Q8 CNF_ITE_NEG on a bitvector ITE", CNF_ITE_NEG, NONE, A(bvite, 0),
	       "(or bvite (not a) (not x))", REJ);

	CHECK(c, "ITE_EQ", ITE_EQ, NONE, A(ite), "(ite a (= ite b) (= ite c))");
	CHECK(c, "ITE_EQ on a bitvector ITE (well typed)", ITE_EQ, NONE, A(bvite),
	      "(ite a (= bvite x) (= bvite y))");
	CHECK(c, "ITE_EQ bv ITE with 1-bit condition", ITE_EQ, NONE, A(bvite1), REJ);
	CHECK(c, "ITE_EQ on EQ", ITE_EQ, NONE, A(eq), REJ);
	CHECK(c, "ITE_EQ extra param", ITE_EQ, NONE, A(ite, 0), REJ);
	CHECK(c, "ITE_EQ id inside a node", ITE_EQ, NONE, A(ite + 1), REJ);
}

/* ---- section 9: the worked refutation ---------------------------------------- */

static void test_worked_example(enum bcf_check_mode mode)
{
	static struct pb W;
	struct bcf_checker c;
	uint32_t x1, x2, x3, x4, c1, c2, c3, c4, c5, goal, s[10], s9b, s9c, s9d, i;
	uint64_t base;
	int err, bad = 0;

	pb_reset(&W);
	pb_reserve(&W, TB_MAX);
	x1 = pb_name(&W, pb_node(&W, BCF_BOOL_VAR, 0, 0), "x1");
	x2 = pb_name(&W, pb_node(&W, BCF_BOOL_VAR, 0, 0), "x2");
	x3 = pb_name(&W, pb_node(&W, BCF_BOOL_VAR, 0, 0), "x3");
	x4 = pb_name(&W, pb_node(&W, BCF_BOOL_VAR, 0, 0), "x4");
	pb_node(&W, BCF_BOOL_NOT, 0, 1, x1);
	pb_node(&W, BCF_BOOL_NOT, 0, 1, x2);
	pb_node(&W, BCF_BOOL_NOT, 0, 1, x3);
	pb_node(&W, BCF_BOOL_NOT, 0, 1, x4);
	c1 = pb_name(&W, pb_node(&W, BCF_BOOL_DISJ, 0, 3, x1, x2, x3), "C1");
	c2 = pb_name(&W, pb_node(&W, BCF_BOOL_DISJ, 0, 2, 4, x2), "C2");
	c3 = pb_name(&W, pb_node(&W, BCF_BOOL_DISJ, 0, 2, 8, x2), "C3");
	c4 = pb_name(&W, pb_node(&W, BCF_BOOL_DISJ, 0, 2, 6, x4), "C4");
	c5 = pb_name(&W, pb_node(&W, BCF_BOOL_DISJ, 0, 2, 6, 10), "C5");
	goal = pb_name(&W, pb_node(&W, BCF_BOOL_CONJ, 0, 5, c1, c2, c3, c4, c5), "goal");
	ok(x1 == 0 && x4 == 3 && c1 == 12 && c2 == 16 && c3 == 19 && c4 == 22 && c5 == 25 &&
	   goal == 28 && W.nw == 34, "section 9 table has the spec's ids");
	ok(bcf_table__scan(W.w, W.nw, NULL, NULL, NULL) == 0, "section 9 table scans");
	if (ckr_init(&c, W.w, W.nw, mode)) {
		ok(0, "ckr_init");
		return;
	}
	cur_tb = &W;
	base = c.live_dyn;
	s[0] = goal; /* ASSUME */
	for (i = 1; i <= 5; i++) {
		err = rule_AND_ELIM(&c, &s[0], 1, (uint32_t[]){ i - 1 }, 1, &s[i]);
		bad |= err || s[i] != (uint32_t[]){ c1, c2, c3, c4, c5 }[i - 1];
	}
	ok(!bad, "s1..s5 AND_ELIM give C1..C5 [%s]", mode_name(&c));
	err = rule_REORDERING(&c, &s[2], 1, (uint32_t[]){ 0x01000001 }, 1, &s[6]);
	ok(!err && !strcmp(render(&c, s[6]), "(or x2 (not x1))"), "s6 REORDERING [%s]",
	   mode_name(&c));
	err = rule_RESOLUTION(&c, (uint32_t[]){ s[1], s[3], s[6] }, 3, (uint32_t[]){ 3, x3, x1 },
			      3, &s[7]);
	ok(!err && !strcmp(render(&c, s[7]), "(or x2 x2 x2)"), "s7 RESOLUTION [%s]",
	   mode_name(&c));
	err = rule_FACTORING(&c, &s[7], 1, (uint32_t[]){ 0x02010003 }, 1, &s[8]);
	ok(!err && s[8] == x2, "s8 FACTORING concludes x2 itself [%s]", mode_name(&c));
	err = rule_RESOLUTION(&c, (uint32_t[]){ s[5], s[4], s[8], s[8] }, 4,
			      (uint32_t[]){ 0, x4, x2, x2 }, 4, &s[9]);
	ok(!err && ckr_is_false(&c, s[9]), "s9 RESOLUTION concludes false [%s]", mode_name(&c));
	/* the alternative ending */
	err = rule_RESOLUTION(&c, (uint32_t[]){ s[5], s[4] }, 2, (uint32_t[]){ 0, x4 }, 2, &s9b);
	ok(!err && !strcmp(render(&c, s9b), "(or (not x2) (not x2))"), "s9' RESOLUTION [%s]",
	   mode_name(&c));
	err = rule_FACTORING(&c, &s9b, 1, (uint32_t[]){ 0x00010002 }, 1, &s9c);
	ok(!err && !strcmp(render(&c, s9c), "(not x2)"), "s9' FACTORING [%s]", mode_name(&c));
	err = rule_RESOLUTION(&c, (uint32_t[]){ s[8], s9c }, 2, (uint32_t[]){ 1, x2 }, 2, &s9d);
	ok(!err && ckr_is_false(&c, s9d), "s9' final RESOLUTION concludes false [%s]",
	   mode_name(&c));
	/* only one copy per pivot: a single s8 leaves one NOT x2 */
	{
		uint32_t r;

		err = rule_RESOLUTION(&c, (uint32_t[]){ s[5], s[4], s[8] }, 3,
				      (uint32_t[]){ 0, x4, x2 }, 3, &r);
		ok(!err && !strcmp(render(&c, r), "(not x2)"),
		   "s9 with one copy of s8 leaves NOT x2 [%s]", mode_name(&c));
		if (!err)
			ckr_put(&c, r);
	}
	ckr_put(&c, s9d);
	ckr_put(&c, s9c);
	ckr_put(&c, s9b);
	for (i = 1; i <= 9; i++)
		ckr_put(&c, s[i]);
	ok(c.live_dyn == base, "every built node released (%llu live, %llu at start) [%s]",
	   (unsigned long long)c.live_dyn, (unsigned long long)base, mode_name(&c));
	ckr_fini(&c);

	/* the spec's raw step words, through the driver */
	{
		static const uint32_t steps[] = {
			0x01000001, 0x0000001c,
			0x01012009, 0, 0,
			0x01012009, 0, 1,
			0x01012009, 0, 2,
			0x01012009, 0, 3,
			0x01012009, 0, 4,
			0x01012003, 2, 0x01000001,
			0x03032001, 1, 3, 6, 3, 2, 0,
			0x01012002, 7, 0x02010003,
			0x04042001, 5, 4, 8, 8, 0, 3, 1, 1,
		};
		uint32_t buf[3 + 34 + sizeof(steps) / 4];
		BCF_OPTS(bcf_check_stats, st);
		BCF_OPTS(bcf_check_opts, opts, .mode = mode, .stats = &st);

		buf[0] = BCF_MAGIC;
		buf[1] = W.nw;
		buf[2] = sizeof(steps) / 4;
		memcpy(&buf[3], W.w, W.nw * 4);
		memcpy(&buf[3 + W.nw], steps, sizeof(steps));
		err = bcf_check_proof(W.w, W.nw, goal, buf, sizeof(buf), &opts);
		ok(err == 0, "section 9 raw proof accepted by the driver [%s] (%d)",
		   mode == BCF_CHECK_STRICT ? "strict" : "compat", err);
		buf[3 + W.nw + 24] = 1; /* s7 polarity 0b01: x1 now resolved the wrong way */
		err = bcf_check_proof(W.w, W.nw, goal, buf, sizeof(buf), &opts);
		ok(err == -EINVAL && st.failed_step == 8,
		   "section 9 with s7 polarity 0b01 rejected at the FACTORING step [%s] (%d at %u)",
		   mode == BCF_CHECK_STRICT ? "strict" : "compat", err, st.failed_step);
	}
}

/* ---- section 8: the real steps of bench_8494 through the driver --------------- */

static const struct {
	const char *prefix, *concl;
} trace_want[] = {
	{ "(#242 RESOLUTION ",
	  "(bool_disj(3) (bool_not(1) @t608) (bool_not(1) @t109) (bool_not(1) @t109)))" },
	{ "(#243 FACTORING ", "(bool_disj(2) (bool_not(1) @t608) (bool_not(1) @t109)))" },
	{ "(#247 FACTORING ", "((_ bit 7) (bv_var(0) 8)))" },
	{ "(#153 RESOLUTION ", "(bool_not(1) (bool_conj(2) @t585 @t582)))" },
	{ "(#261 RESOLUTION ",
	  "(bool_conj(3) ((_ bit 5) @t4) ((_ bit 4) @t4) (bool_disj(2) @t91 @t95)))" },
	{ "(#264 RESOLUTION ", "((_ bit 5) (bv_var(0) 8)))" },
	{ "(#227 REORDERING ",
	  "(bool_disj(3) ((_ bit 7) @t4) (bool_disj(2) @t105 @t109) (bool_xor(2) @t119 @t114)))" },
};
static int trace_seen[sizeof(trace_want) / sizeof(trace_want[0])];

static void trace_log(void *ctx, const char *fmt, va_list ap)
{
	char line[4096];
	size_t i, n, m;

	vsnprintf(line, sizeof(line), fmt, ap);
	line[strcspn(line, "\n")] = 0;
	n = strlen(line);
	for (i = 0; i < sizeof(trace_want) / sizeof(trace_want[0]); i++) {
		if (strncmp(line, trace_want[i].prefix, strlen(trace_want[i].prefix)))
			continue;
		m = strlen(trace_want[i].concl);
		trace_seen[i] = 1 + (n >= m && !strcmp(line + n - m, trace_want[i].concl));
		if (trace_seen[i] != 2)
			diag("step logged as %s", line);
	}
}

static void test_real_trace(void)
{
	char path[4096];
	size_t plen = 0, clen = 0, i;
	void *proof, *cbuf;
	struct bcf_cond *cond = NULL;
	const uint32_t *goal_words;
	uint32_t nwords;
	int err;

	snprintf(path, sizeof(path), "%s/vectors/proofs/bench_8494.bcf", shared_dir());
	proof = test_read_file(path, &plen);
	snprintf(path, sizeof(path), "%s/vectors/conds/bench_8494.cond", shared_dir());
	cbuf = test_read_file(path, &clen);
	if (!proof || !cbuf || bcf_cond__decode(cbuf, clen, &cond)) {
		skip("bench_8494 not available");
		free(proof);
		free(cbuf);
		return;
	}
	goal_words = bcf_arena__words(cond->arena, &nwords);
	{
		BCF_OPTS(bcf_check_opts, opts, .mode = BCF_CHECK_KERNEL_COMPAT, .log_level = 2,
			 .log = trace_log);

		err = bcf_check_proof(goal_words, nwords, cond->refine_cond, proof, plen, &opts);
		ok(err == 0, "bench_8494 accepted in kernel-compat mode (%d)", err);
		for (i = 0; i < sizeof(trace_want) / sizeof(trace_want[0]); i++)
			ok(trace_seen[i] == 2, "section 8 step %s-> %s", trace_want[i].prefix,
			   trace_want[i].concl);
	}
	bcf_cond__free(cond);
	free(proof);
	free(cbuf);
}

/* ---- main ---------------------------------------------------------------------- */

static void run_mode(enum bcf_check_mode mode)
{
	struct bcf_checker c;

	if (ckr_init(&c, T.w, T.nw, mode)) {
		ok(0, "ckr_init");
		return;
	}
	cur_tb = &T;
	test_resolution(&c);
	test_resolution_random(&c);
	test_factoring(&c);
	test_reordering(&c);
	test_streamlined(&c);
	test_cnf(&c);
	ckr_fini(&c);
}

/* Leak check: conclusions alone, without premise nodes kept by the test. */
static void test_refcounts(void)
{
	struct bcf_checker c;
	uint32_t concl, i;
	uint64_t base;
	int err, bad = 0;
	static const struct {
		ckr_rule_fn fn;
		unsigned np;
		uint32_t prem[3];
		unsigned npar;
		uint32_t par[3];
	} *cs, cases[] = {
		{ rule_SPLIT, 0, { 0 }, 1, { 0 } },
		{ rule_NOT_AND, 1, { 0 }, 1, { 0 } },
		{ rule_IMPLIES_ELIM, 1, { 0 }, 0, { 0 } },
		{ rule_CNF_AND_NEG, 0, { 0 }, 1, { 0 } },
		{ rule_CNF_ITE_NEG, 0, { 0 }, 2, { 0, 2 } },
		{ rule_ITE_EQ, 0, { 0 }, 1, { 0 } },
		{ rule_NOT_OR_ELIM, 1, { 0 }, 1, { 1 } },
	};

	if (ckr_init(&c, T.w, T.nw, BCF_CHECK_STRICT)) {
		ok(0, "ckr_init");
		return;
	}
	cur_tb = &T;
	base = c.live_dyn;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t prem[3], par[3];

		cs = &cases[i];
		memcpy(prem, cs->prem, sizeof(prem));
		memcpy(par, cs->par, sizeof(par));
		/* fill in table ids (static initialisers cannot use them) */
		if (cs->fn == rule_SPLIT) par[0] = a;
		if (cs->fn == rule_NOT_AND) prem[0] = not_and;
		if (cs->fn == rule_IMPLIES_ELIM) prem[0] = imp;
		if (cs->fn == rule_CNF_AND_NEG) par[0] = abc_and;
		if (cs->fn == rule_CNF_ITE_NEG) par[0] = ite;
		if (cs->fn == rule_ITE_EQ) par[0] = ite;
		if (cs->fn == rule_NOT_OR_ELIM) prem[0] = not_or;
		err = cs->fn(&c, prem, cs->np, par, cs->npar, &concl);
		bad |= err != 0;
		if (!err)
			ckr_put(&c, concl);
		bad |= c.live_dyn != base;
	}
	ok(!bad, "built conclusions are freed with their last reference");
	ckr_fini(&c);
}

int main(void)
{
	unsigned id, missing = 0;

	build_table();
	ok(bcf_table__scan(T.w, T.nw, NULL, NULL, NULL) == 0, "test table scans (%zu words)", T.nw);
	for (id = 1; id < __MAX_BCF_BOOL_RULES; id++)
		missing += !ckr_rule_lookup(BCF_RULE_BOOL | id);
	ok(!missing, "all 33 boolean rules are registered (%u missing)", missing);
	{
		struct bcf_checker c;
		unsigned bad = 0;
		uint32_t concl;

		/* no premises and no parameters: every rule rejects without reading */
		if (!ckr_init(&c, T.w, T.nw, BCF_CHECK_KERNEL_COMPAT)) {
			for (id = 1; id < __MAX_BCF_BOOL_RULES; id++) {
				ckr_rule_fn fn = ckr_rule_lookup(BCF_RULE_BOOL | id);

				bad += fn && fn(&c, NULL, 0, NULL, 0, &concl) != -EINVAL;
			}
			ckr_fini(&c);
		}
		ok(!bad, "every boolean rule rejects an empty step (%u do not)", bad);
	}
	ok(ckr_rule_lookup(BCF_RULE_RESOLUTION) == rule_RESOLUTION &&
	   ckr_rule_lookup(BCF_RULE_ITE_EQ) == rule_ITE_EQ, "rule table wiring");
	run_mode(BCF_CHECK_KERNEL_COMPAT);
	run_mode(BCF_CHECK_STRICT);
	test_worked_example(BCF_CHECK_KERNEL_COMPAT);
	test_worked_example(BCF_CHECK_STRICT);
	test_refcounts();
	test_real_trace();
	return done_testing();
}
