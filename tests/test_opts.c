// SPDX-License-Identifier: MIT
/*
 * Versioned structs (bcf/bcf.h "Versioned structs"): the one opts reader
 * (lang/opts.c) and every API entry point taking an opts struct accept NULL
 * and a larger struct whose extra bytes are zero, and reject a non-zero
 * byte past the fields libbcf knows and an sz that does not cover sz; result
 * structs must be at least as large as this version's and get their tail
 * zeroed; per-rule counts read through bcf_rule_counts__get.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/bcf.h>
#include <bcf/loader.h>
#include "lang/opts.h"
#include "solver/backend.h"
#include "tests/tap.h"

/* A caller built against a newer header: our struct plus fields we do not know. */
#define NEWER(TYPE)                  \
	struct {                     \
		struct TYPE known;   \
		uint64_t future[2];  \
	}

static int opts_error_names(const char *type)
{
	return strstr(bcf_last_error(), type) != NULL;
}

/* The helper itself on a small struct with a padded tail. */
struct demo_opts {
	size_t sz;
	unsigned a;
	char b;
};
#define demo_opts__last_field b

static void test_helper(void)
{
	NEWER(demo_opts) big;
	struct demo_opts o;
	struct { size_t sz; } old = { sizeof(old) };
	size_t known = BCF__KNOWN_SZ(demo_opts);

	ok(known == offsetof(struct demo_opts, b) + 1 && known < sizeof(struct demo_opts),
	   "known size ends at the last field (%zu of %zu bytes)", known, sizeof(o));
	memset(&o, 0x55, sizeof(o));
	ok(!bcf__opts_get(demo_opts, NULL, &o) && o.sz == sizeof(o) && !o.a && !o.b,
	   "NULL opts: all zero, sz set");
	memset(&big, 0, sizeof(big));
	big.known.sz = sizeof(big);
	big.known.a = 7;
	big.known.b = 'x';
	ok(!bcf__opts_get(demo_opts, &big, &o) && o.a == 7 && o.b == 'x' && o.sz == sizeof(o),
	   "larger struct with a zero tail is accepted and read");
	((unsigned char *)&big)[known] = 1;
	ok(bcf__opts_get(demo_opts, &big, &o) == -EINVAL && opts_error_names("demo_opts"),
	   "non-zero padding byte right after the last known field is rejected: %s",
	   bcf_last_error());
	((unsigned char *)&big)[known] = 0;
	big.future[1] = 1ull << 63;
	ok(bcf__opts_get(demo_opts, &big, &o) == -EINVAL, "non-zero byte at the end is rejected");
	big.future[1] = 0;
	big.known.sz = known; /* a caller that stops right after b: the tail is not looked at */
	big.future[0] = 9;
	ok(!bcf__opts_get(demo_opts, &big, &o) && o.b == 'x',
	   "bytes past the caller's sz are not read");
	ok(!bcf__opts_get(demo_opts, &old, &o) && !o.a && !o.b,
	   "an older caller's struct (sz only): the fields it lacks read as 0");
	big.known.sz = sizeof(size_t) - 1;
	ok(bcf__opts_get(demo_opts, &big, &o) == -EINVAL, "sz smaller than the sz field: rejected");
	big.known.sz = 0;
	ok(bcf__opts_get(demo_opts, &big, &o) == -EINVAL, "sz 0: rejected");
}

/* x:8 with x == x + 1 asserted: unsat, proven quickly. */
static struct bcf_cond *cond_unsat(void)
{
	static const char text[] = "(set-logic QF_BV)(declare-const x (_ BitVec 8))"
				   "(assert (= x (bvadd x #x01)))(check-sat)";
	struct bcf_cond *c = NULL;

	if (bcf_smt2__parse(text, sizeof(text) - 1, "unsat.smt2", &c))
		return NULL;
	return c;
}

static void test_prove(void)
{
	struct bcf_cond *c = cond_unsat();
	NEWER(bcf_prove_opts) big;
	NEWER(bcf_prove_result) bigres;
	BCF_OPTS(bcf_prove_result, res);
	struct bcf_prove_opts small = { .sz = 2 };
	int err;

	if (!ok(c != NULL, "parsed the condition %s", c ? "" : bcf_last_error()))
		return;
	err = bcf_prove(c, NULL, &res);
	ok(!err && res.status == BCF_PROVE_PROVEN_REFINE && res.proof,
	   "bcf_prove: NULL opts = defaults (status %s)", bcf_prove_status__name(res.status));
	bcf_prove_result__free(&res);

	memset(&big, 0, sizeof(big));
	big.known.sz = sizeof(big);
	big.known.solver = BCF_SOLVER_Z3;
	err = bcf_prove(c, &big.known, &res);
	ok(!err && res.status == BCF_PROVE_PROVEN_REFINE,
	   "bcf_prove: larger opts with a zero tail accepted (%d)", err);
	bcf_prove_result__free(&res);
	big.future[0] = 1;
	err = bcf_prove(c, &big.known, &res);
	ok(err == -EINVAL && opts_error_names("bcf_prove_opts") && !res.proof,
	   "bcf_prove: non-zero byte past the known fields rejected: %s", bcf_last_error());
	err = bcf_prove(c, &small, &res);
	ok(err == -EINVAL && opts_error_names("bcf_prove_opts"),
	   "bcf_prove: opts sz 2 rejected: %s", bcf_last_error());

	memset(&bigres, 0xa5, sizeof(bigres));
	bigres.known.sz = sizeof(bigres);
	err = bcf_prove(c, NULL, &bigres.known);
	ok(!err && bigres.known.status == BCF_PROVE_PROVEN_REFINE && !bigres.future[0] &&
	   !bigres.future[1] && bigres.known.sz == sizeof(bigres),
	   "bcf_prove: larger result struct: filled, its tail zeroed, sz kept");
	bcf_prove_result__free(&bigres.known);
	memset(&res, 0, sizeof(res));
	res.sz = BCF__KNOWN_SZ(bcf_prove_result) - 1;
	ok(bcf_prove(c, NULL, &res) == -EINVAL && opts_error_names("bcf_prove_result") &&
	   !res.proof && res.status == 0,
	   "bcf_prove: result sz smaller than the struct rejected, nothing written: %s",
	   bcf_last_error());
	res.sz = sizeof(res);
	err = bcf_prove(c, NULL, &res);
	ok(!err && res.steps > 0 &&
	   bcf_rule_counts__get(&res.rule_steps, BCF_RULE_ASSUME) == 1,
	   "rule counts: one ASSUME among %u steps", res.steps);
	ok(bcf_rule_counts__get(&res.rule_steps, BCF_RULE_BV | 0x1fff) == 0 &&
	   bcf_rule_counts__get(&res.rule_steps, 0xe000 | BCF_RULE_ASSUME) == 0 &&
	   bcf_rule_counts__get(NULL, BCF_RULE_ASSUME) == 0,
	   "rule counts: rules outside the tables count 0");

	/* the checker, on the proof just made */
	{
		uint32_t nw;
		const uint32_t *w = bcf_arena__words(c->arena, &nw);
		NEWER(bcf_check_opts) co;
		BCF_OPTS(bcf_check_stats, st);
		struct bcf_check_stats st0 = { .sz = 0 };

		memset(&co, 0, sizeof(co));
		co.known.sz = sizeof(co);
		co.known.stats = &st;
		err = bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &co.known);
		ok(!err && st.steps == res.steps,
		   "bcf_check_proof: larger opts with a zero tail accepted (%u steps)", st.steps);
		ok(bcf_rule_counts__get(&st.rule_steps, BCF_RULE_ASSUME) == 1,
		   "bcf_check_proof: per-rule counts through bcf_rule_counts");
		co.future[1] = 2;
		err = bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &co.known);
		ok(err == -EINVAL && opts_error_names("bcf_check_opts"),
		   "bcf_check_proof: non-zero tail rejected: %s", bcf_last_error());
		co.future[1] = 0;
		co.known.sz = 1;
		err = bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &co.known);
		ok(err == -EINVAL && opts_error_names("bcf_check_opts"),
		   "bcf_check_proof: opts sz 1 rejected");
		co.known.sz = sizeof(co);
		co.known.stats = &st0;
		err = bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, &co.known);
		ok(err == -EINVAL && opts_error_names("bcf_check_stats") && !st0.steps,
		   "bcf_check_proof: stats without sz rejected: %s", bcf_last_error());
		ok(!bcf_check_proof(w, nw, c->refine_cond, res.proof, res.proof_size, NULL),
		   "bcf_check_proof: NULL opts = strict, no stats");
	}
	bcf_prove_result__free(&res);

	/* the internal solver backend reads its opts the same way */
	{
		NEWER(bcf_solve_opts) so;
		struct bcf_solver_result sr;

		memset(&so, 0, sizeof(so));
		so.known.sz = sizeof(so);
		err = bcf_solve(c->arena, c->refine_cond, BCF_SOLVER_Z3, &so.known, &sr);
		ok(!err && sr.status == BCF_SOLVE_UNSAT, "bcf_solve: larger opts, zero tail");
		bcf_solver_result__free(&sr);
		so.future[0] = 3;
		err = bcf_solve(c->arena, c->refine_cond, BCF_SOLVER_Z3, &so.known, &sr);
		ok(err == -EINVAL && opts_error_names("bcf_solve_opts"),
		   "bcf_solve: non-zero tail rejected");
		bcf_solver_result__free(&sr);
	}
	bcf_cond__free(c);
}

/* The loader's entry points: rejected before any bpf() or file access. */
static void test_loader(void)
{
	NEWER(bcf_loader_opts) lo;
	NEWER(bcf_object_load_opts) oo;
	NEWER(bcf_libbpf_prover_opts) po;
	struct bcf_loader *l = NULL;
	int err;

	memset(&lo, 0, sizeof(lo));
	lo.known.sz = sizeof(lo);
	err = bcf_loader__new(&lo.known, &l);
	ok(!err && l, "bcf_loader__new: larger opts with a zero tail accepted");
	memset(&oo, 0, sizeof(oo));
	oo.known.sz = sizeof(oo);
	oo.future[0] = 1;
	err = l ? bcf_loader__load_object(l, "/nonexistent/x.bpf.o", &oo.known) : -1;
	ok(err == -EINVAL && opts_error_names("bcf_object_load_opts"),
	   "bcf_loader__load_object: non-zero tail rejected: %s", bcf_last_error());
	bcf_loader__free(l);
	l = NULL;
	lo.future[1] = 1;
	ok(bcf_loader__new(&lo.known, &l) == -EINVAL && !l &&
	   opts_error_names("bcf_loader_opts"), "bcf_loader__new: non-zero tail rejected");
	lo.future[1] = 0;
	lo.known.sz = 0;
	ok(bcf_loader__new(&lo.known, &l) == -EINVAL && !l, "bcf_loader__new: sz 0 rejected");

	memset(&po, 0, sizeof(po));
	po.known.sz = sizeof(po);
	po.future[0] = 1;
	ok(bcf_libbpf_prover__set_opts(&po.known) == -EINVAL &&
	   opts_error_names("bcf_libbpf_prover_opts"),
	   "bcf_libbpf_prover__set_opts: non-zero tail rejected");
	po.future[0] = 0;
	ok(!bcf_libbpf_prover__set_opts(&po.known), "bcf_libbpf_prover__set_opts: zero tail");
	ok(!bcf_libbpf_prover__set_opts(NULL), "bcf_libbpf_prover__set_opts: NULL = defaults");
}

int main(void)
{
	test_helper();
	test_prove();
	test_loader();
	return done_testing();
}
