// SPDX-License-Identifier: MIT
/*
 * The protocol double (tests/protocol_double.c) against spec/format.md
 * 4.2-4.5, and bcf_loader__prog_load against the double: every row of the
 * 4.2 table with crafted attrs, then the loader through plain loads,
 * several requests per load, path-unreachable, batched requests, sat,
 * unprovable, ENOSPC (growth and the limit), truncated and malformed
 * requests, a rejected proof, EPERM, kernels without BCF, --save output,
 * and recorded condition buffers (shared vectors, corpus/conds).  Every
 * proof the loader sends is checked by the double with bcf's
 * kernel-compatible checker; the loader must never trip a 4.2 check and
 * must close every fd it was handed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/bpf.h>

#include <bcf/loader.h>

#include "lang/fileio.h"
#include "loader/attr.h"
#include "tests/protocol_double.h"
#include "tests/tap.h"

static char corpus[4096];

static const struct bpf_insn insns[2] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

static void base_attr(struct bcf_load_attr *a, const char *name)
{
	memset(a, 0, sizeof(*a));
	a->prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a->insn_cnt = 2;
	a->insns = (uintptr_t)insns;
	a->license = (uintptr_t)"GPL";
	snprintf(a->prog_name, sizeof(a->prog_name), "%s", name);
}

static void add_step(struct dbl_prog *p, const char *path, enum dbl_fault f)
{
	struct dbl_step *s = &p->steps[p->nsteps++];
	char *list = strdup(path), *save = NULL, *tok;

	s->fault = f;
	for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char full[8192];

		snprintf(full, sizeof(full), "%s%s", strchr(tok, '/') ? "" : corpus, tok);
		if (dbl_read_cond(full, &s->cond[s->ncond], &s->cond_size[s->ncond]))
			diag("cannot read %s", full);
		else
			s->ncond++;
	}
	free(list);
}

static void prog(struct dbl_prog *p, const char *name, bool plain_ok, bool final_ok)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "%s", name);
	p->plain_ok = plain_ok;
	p->final_ok = final_ok;
	snprintf(p->plain_msg, sizeof(p->plain_msg), "R1 invalid mem access 'scalar'");
	snprintf(p->final_msg, sizeof(p->final_msg), "R2 min value is outside of the range");
}

/* Load NAME through the loader against d; res filled; returns the fd or -errno. */
static int load(struct dbl *d, const char *name, struct bcf_load_result *res,
		const struct bcf_loader_opts *extra)
{
	BCF_OPTS(bcf_loader_opts, o, .sys_bpf = dbl_sys_bpf, .sys_ctx = d, .timeout_ms = 30000);
	struct bcf_loader *l = NULL;
	struct bcf_load_attr a;
	int fd;

	if (extra) {
		o = *extra;
		o.sys_bpf = dbl_sys_bpf;
		o.sys_ctx = d;
	}
	if (bcf_loader__new(&o, &l))
		return -ENOMEM;
	base_attr(&a, name);
	fd = bcf_loader__prog_load(l, name, &a, offsetof(struct bcf_load_attr, log_true_size),
				   res);
	bcf_loader__free(l);
	return fd;
}

static bool clean(struct dbl *d, int fd)
{
	if (fd >= 0)
		close(fd);
	return dbl_open_fds(d) == 0 && dbl_stats(d)->violations == 0;
}

/* ---- 4.2 rows, straight at the double --------------------------------- */

static long raw(struct dbl *d, struct bcf_load_attr *a)
{
	return dbl_bpf(d, BPF_PROG_LOAD, a, sizeof(*a));
}

static void rows(void)
{
	struct dbl *d = dbl_new(DBL_BCF);
	struct dbl_prog p;
	struct bcf_load_attr a;
	static uint32_t buf[1 << 14];
	uint32_t fd, nw;
	long r;
	int pfd[2];

	prog(&p, "rows", false, true);
	add_step(&p, "alu32_add_zext.smt2", DBL_OK);
	add_step(&p, "unreachable_arsh_path.smt2", DBL_OK);
	dbl_add_prog(d, &p);

	base_attr(&a, "rows");
	a.bcf_buf = (uintptr_t)buf;
	ok(raw(d, &a) == -EINVAL, "4.2 row 1: bcf_buf set, bcf_buf_size zero: EINVAL");
	base_attr(&a, "rows");
	a.bcf_buf_size = sizeof(buf);
	ok(raw(d, &a) == -EINVAL, "4.2 row 1: bcf_buf_size set, bcf_buf zero: EINVAL");
	base_attr(&a, "rows");
	a.bcf_buf = (uintptr_t)buf;
	a.bcf_buf_size = sizeof(buf);
	a.bcf_flags = BCF_F_PROOF_REQUESTED;
	ok(raw(d, &a) == -EINVAL, "4.2 row 2: REQUESTED left set: EINVAL");
	a.bcf_flags = 8;
	ok(raw(d, &a) == -EINVAL, "4.2 row 2: unknown flag bit: EINVAL");
	a.bcf_flags = BCF_F_PROOF_PROVIDED;
	a.bcf_buf_true_size = sizeof(buf) + 4;
	ok(raw(d, &a) == -EINVAL, "4.2 row 3: PROVIDED with true_size > buf_size: EINVAL");
	base_attr(&a, "rows");
	a.bcf_flags = BCF_F_PROOF_PROVIDED;
	ok(raw(d, &a) == -EINVAL, "4.2 row 3: PROVIDED with bcf_buf_size 0: EINVAL");
	base_attr(&a, "rows");
	a.bcf_buf = (uintptr_t)buf;
	a.bcf_buf_size = sizeof(buf);
	a.bcf_fd = 3;
	ok(raw(d, &a) == -EINVAL, "4.2 row 4: bcf_fd without PROVIDED: EINVAL");
	a.bcf_fd = 0;
	a.bcf_buf_true_size = 8;
	ok(raw(d, &a) == -EINVAL, "4.2 row 4: bcf_buf_true_size without PROVIDED: EINVAL");
	a.bcf_buf_true_size = 0;
	a.bcf_flags = BCF_F_PROOF_PATH_UNREACHABLE;
	ok(raw(d, &a) == -EINVAL, "4.2 row 4: PATH_UNREACHABLE without PROVIDED: EINVAL");
	ok(dbl_stats(d)->violations == 9, "the double counted 9 violations (%u)",
	   dbl_stats(d)->violations);

	/* a first request: 4.3 */
	base_attr(&a, "rows");
	a.bcf_buf = (uintptr_t)buf;
	a.bcf_buf_size = sizeof(buf);
	r = raw(d, &a);
	nw = a.bcf_buf_true_size / 4 - 2;
	ok(r == -EACCES && a.bcf_flags == BCF_F_PROOF_REQUESTED && a.bcf_fd > 0 &&
	   a.bcf_buf_true_size >= 8 && a.bcf_buf_true_size % 4 == 0,
	   "4.3: a request: verifier error, REQUESTED, a bcf_fd, true_size %u",
	   a.bcf_buf_true_size);
	fd = a.bcf_fd;
	ok(buf[nw] == BCF_COND_NONE && buf[nw + 1] != BCF_COND_NONE,
	   "4.3: trailer words: path_cond -1, refine_cond %u", buf[nw + 1]);

	/* resume rows */
	if (pipe(pfd) == 0) {
		a.bcf_flags = BCF_F_PROOF_PROVIDED;
		a.bcf_buf_true_size = 8;
		a.bcf_fd = (uint32_t)pfd[1];
		ok(raw(d, &a) == -EINVAL, "4.2 row 7: resume with an fd that is not a BCF fd: "
		   "EINVAL");
		close(pfd[0]);
		close(pfd[1]);
		a.bcf_fd = (uint32_t)pfd[1];
		ok(raw(d, &a) == -EBADF, "4.2 row 6: resume with a closed fd: EBADF");
	}
	a.bcf_fd = fd;
	a.bcf_flags = BCF_F_PROOF_PROVIDED | BCF_F_PROOF_PATH_UNREACHABLE;
	ok(raw(d, &a) == -EINVAL, "4.2 row 8: PATH_UNREACHABLE when path_cond is -1: EINVAL");
	dbl_set_busy(d, true);
	a.bcf_flags = BCF_F_PROOF_PROVIDED;
	ok(raw(d, &a) == -EINVAL, "4.2 row 7: state already being resumed: EINVAL");
	dbl_set_busy(d, false);
	{
		/* a garbage proof: the checker's errno */
		static const uint32_t junk[4] = { 0xBCF, 0, 0, 0 };
		BCF_OPTS(bcf_check_opts, co, .mode = BCF_CHECK_KERNEL_COMPAT);
		int want = bcf_check_proof(NULL, 0, 0, junk, sizeof(junk), &co);

		memcpy(buf, junk, sizeof(junk));
		a.bcf_buf_true_size = sizeof(junk);
		r = raw(d, &a);
		ok(r < 0 && r == want && dbl_stats(d)->proofs_bad == 1,
		   "4.2 row 9: a rejected proof fails the load with the checker's errno (%ld)", r);
	}
	close((int)fd);
	{
		struct dbl *n = dbl_new(DBL_BCF_NOCAP);

		dbl_add_prog(n, &p);
		base_attr(&a, "rows");
		a.bcf_buf = (uintptr_t)buf;
		a.bcf_buf_size = sizeof(buf);
		ok(raw(n, &a) == -EPERM, "4.2 row 5: first load with bcf_buf, no CAP_BPF: EPERM");
		dbl_free(n);
	}
	dbl_prog_free(&p);
	dbl_free(d);
}

/* ---- the loader against the double ------------------------------------ */

static void loader_cases(void)
{
	struct bcf_load_result res;
	struct dbl_prog p;
	struct dbl *d;
	int fd;

	/* plain program on a BCF kernel */
	d = dbl_new(DBL_BCF);
	prog(&p, "plainok", true, true);
	dbl_add_prog(d, &p);
	fd = load(d, "plainok", &res, NULL);
	ok(fd >= 0 && res.status == BCF_LOAD_PLAIN && res.requests == 0 &&
	   res.kernel == BCF_KERNEL_BCF, "no request: loaded-plain on a BCF kernel (%s)",
	   bcf_load_status__name(res.status));
	ok(clean(d, fd), "no fd left, no violation");
	bcf_load_result__free(&res);
	dbl_free(d);

	/* several requests, path and refine */
	d = dbl_new(DBL_BCF);
	prog(&p, "multi", false, true);
	add_step(&p, "alu32_add_zext.smt2", DBL_OK);
	add_step(&p, "unreachable_arsh_path.smt2", DBL_OK);
	add_step(&p, "shift_constraint_path.smt2", DBL_OK);
	add_step(&p, "stack_var_var.smt2", DBL_OK);
	dbl_add_prog(d, &p);
	fd = load(d, "multi", &res, NULL);
	ok(fd >= 0 && res.status == BCF_LOAD_PROOFS && res.requests == 4 && res.proofs == 4 &&
	   dbl_stats(d)->proofs_ok == 4, "4 requests in one load: loaded with 4 proofs, each "
	   "accepted by the kernel-compat checker (%s, %u proofs, %u ok)",
	   bcf_load_status__name(res.status), res.proofs, dbl_stats(d)->proofs_ok);
	ok(res.path_proofs == 2, "path-unreachable answers for the 2 path conditions (%u)",
	   res.path_proofs);
	ok(clean(d, fd), "no fd left, no violation (%s)", dbl_stats(d)->last_violation);
	bcf_load_result__free(&res);
	dbl_prog_free(&p);
	dbl_free(d);

	/* batched path-only requests (4.5), alone and merged with a refine request */
	d = dbl_new(DBL_BCF);
	prog(&p, "batch", false, true);
	add_step(&p, "unreachable_arsh_path.smt2,shift_constraint_path.smt2,"
		 "path_conj_many.smt2", DBL_OK);
	add_step(&p, "unreachable_arsh_path.smt2,jset_two_bits.smt2,alu32_add_zext.smt2",
		 DBL_OK);
	dbl_add_prog(d, &p);
	fd = load(d, "batch", &res, NULL);
	ok(fd >= 0 && res.status == BCF_LOAD_PROOFS && res.requests == 2 &&
	   dbl_stats(d)->proofs_ok == 2 && res.path_proofs >= 1,
	   "batched requests: a disjunction of 3 path conditions, then 2 merged into a refine "
	   "request (%s, %u path proofs)", bcf_load_status__name(res.status), res.path_proofs);
	ok(clean(d, fd), "no fd left, no violation");
	bcf_load_result__free(&res);
	dbl_prog_free(&p);
	dbl_free(d);

	/* sat */
	d = dbl_new(DBL_BCF);
	prog(&p, "satprog", false, true);
	add_step(&p, "alu32_add_zext.smt2", DBL_OK);
	add_step(&p, "alu32_sub_wrap.smt2", DBL_OK);
	dbl_add_prog(d, &p);
	fd = load(d, "satprog", &res, NULL);
	ok(fd == -EACCES && res.status == BCF_LOAD_REJECTED_SAT && res.model_text &&
	   strstr(res.model_text, "BitVec"), "satisfiable 2nd request: rejected-sat with a "
	   "counterexample and the verifier's errno (%d): %s", fd,
	   res.model_text ? res.model_text : "");
	ok(clean(d, fd), "bcf_fd closed after sat");
	bcf_load_result__free(&res);
	dbl_prog_free(&p);
	dbl_free(d);

	/* ENOSPC: growth, and the limit */
	{
		BCF_OPTS(bcf_loader_opts, small, .buf_size = 64, .timeout_ms = 30000);

		d = dbl_new(DBL_BCF);
		prog(&p, "grow", false, true);
		add_step(&p, "alu32_add_zext.smt2", DBL_OK);
		add_step(&p, "path_conj_many.smt2", DBL_OK);
		dbl_add_prog(d, &p);
		fd = load(d, "grow", &res, &small);
		ok(fd >= 0 && res.status == BCF_LOAD_PROOFS && res.restarts >= 1 &&
		   dbl_stats(d)->nospc >= 1, "ENOSPC with a 64-byte buffer: the load restarts "
		   "with a larger one and succeeds (%u restarts, %u ENOSPC)", res.restarts,
		   dbl_stats(d)->nospc);
		ok(clean(d, fd), "no fd left after restarts (%u open)", dbl_open_fds(d));
		bcf_load_result__free(&res);
		dbl_free(d);

		small.max_buf_size = 64;
		d = dbl_new(DBL_BCF);
		dbl_add_prog(d, &p);
		fd = load(d, "grow", &res, &small);
		ok(fd == -ENOSPC && res.status == BCF_LOAD_NOSPC && strstr(res.detail, "64-byte"),
		   "ENOSPC beyond the limit: rejected-nospc: %s", res.detail);
		ok(clean(d, fd), "no fd left");
		bcf_load_result__free(&res);
		dbl_prog_free(&p);
		dbl_free(d);

		/* the proof does not fit although the condition does */
		small.max_buf_size = 0;
		small.buf_size = 256;
		d = dbl_new(DBL_BCF);
		prog(&p, "bigproof", false, true);
		add_step(&p, "stack_var_var.smt2", DBL_OK);
		dbl_add_prog(d, &p);
		fd = load(d, "bigproof", &res, &small);
		ok(fd >= 0 && res.status == BCF_LOAD_PROOFS && res.restarts == 1 &&
		   dbl_stats(d)->proofs_ok == 1, "a proof larger than the buffer: one restart "
		   "with a larger buffer, proof reused (%s, %u restarts)",
		   bcf_load_status__name(res.status), res.restarts);
		ok(clean(d, fd), "no fd left");
		bcf_load_result__free(&res);
		dbl_prog_free(&p);
		dbl_free(d);
	}

	/* malformed requests */
	{
		static const struct { enum dbl_fault f; const char *what, *needle; } m[] = {
			{ DBL_TRUNC, "truncated condition", "does not decode" },
			{ DBL_BADSIZE, "true_size 6", "invalid bcf_buf_true_size 6" },
			{ DBL_NOFD, "request without bcf_fd", "without a bcf_fd" },
		};
		unsigned i;

		for (i = 0; i < 3; i++) {
			d = dbl_new(DBL_BCF);
			prog(&p, "bad", false, true);
			add_step(&p, "alu32_add_zext.smt2", m[i].f);
			dbl_add_prog(d, &p);
			fd = load(d, "bad", &res, NULL);
			ok(fd < 0 && res.status == BCF_LOAD_PROTOCOL && strstr(res.detail, m[i].needle),
			   "%s: protocol-error: %s", m[i].what, res.detail);
			ok(clean(d, fd), "%s: no fd left", m[i].what);
			bcf_load_result__free(&res);
			dbl_prog_free(&p);
			dbl_free(d);
		}
	}

	/* a proof the kernel rejects; a rejection after the proofs */
	d = dbl_new(DBL_BCF);
	prog(&p, "rej", false, true);
	add_step(&p, "alu32_add_zext.smt2", DBL_OK);
	add_step(&p, "stack_var_var.smt2", DBL_REJECT);
	dbl_add_prog(d, &p);
	fd = load(d, "rej", &res, NULL);
	ok(fd == -EINVAL && res.status == BCF_LOAD_PROOF_REJECTED && strstr(res.detail, "proof 2"),
	   "a rejected proof: rejected-proof with the kernel's errno: %s (log: %s)", res.detail,
	   dbl_last_log(d));
	ok(clean(d, fd), "no fd left");
	bcf_load_result__free(&res);
	dbl_prog_free(&p);
	dbl_free(d);

	/* rejected without a condition */
	d = dbl_new(DBL_BCF);
	prog(&p, "nocond", false, false);
	dbl_add_prog(d, &p);
	fd = load(d, "nocond", &res, NULL);
	ok(fd == -EACCES && res.status == BCF_LOAD_REJECTED_NO_COND && res.requests == 0,
	   "verifier error without a request: rejected-no-condition (%s)", res.detail);
	ok(clean(d, fd), "no fd left");
	bcf_load_result__free(&res);
	dbl_free(d);

	/* unprovable */
	d = dbl_new(DBL_BCF);
	prog(&p, "unprov", false, true);
	add_step(&p, "div_index.smt2", DBL_OK);
	dbl_add_prog(d, &p);
	fd = load(d, "unprov", &res, NULL);
	ok(fd == -EACCES && res.status == BCF_LOAD_REJECTED_UNPROVABLE,
	   "unsat without a proof in the kernel's rules (bv_div): rejected-unprovable: %s",
	   res.detail);
	ok(clean(d, fd), "no fd left");
	bcf_load_result__free(&res);
	dbl_prog_free(&p);
	dbl_free(d);

	/* privileges and kernels without BCF */
	{
		static const struct { enum dbl_kernel k; const char *what; } ks[] = {
			{ DBL_STOCK, "stock kernel (E2BIG)" },
			{ DBL_STOCK_NEW, "kernel that knows keyring_id (EINVAL)" },
		};
		unsigned i;

		for (i = 0; i < 2; i++) {
			d = dbl_new(ks[i].k);
			prog(&p, "stockok", true, true);
			add_step(&p, "alu32_add_zext.smt2", DBL_OK);
			dbl_add_prog(d, &p);
			dbl_prog_free(&p);
			prog(&p, "stockbad", false, true);
			add_step(&p, "alu32_add_zext.smt2", DBL_OK);
			dbl_add_prog(d, &p);
			fd = load(d, "stockok", &res, NULL);
			ok(fd >= 0 && res.status == BCF_LOAD_PLAIN && res.kernel == BCF_KERNEL_NO_BCF,
			   "%s: no BCF detected, plain load (%s)", ks[i].what,
			   bcf_load_status__name(res.status));
			if (fd >= 0)
				close(fd);
			bcf_load_result__free(&res);
			fd = load(d, "stockbad", &res, NULL);
			ok(fd == -EACCES && res.status == BCF_LOAD_REJECTED_NO_COND &&
			   res.kernel == BCF_KERNEL_NO_BCF && strstr(dbl_last_log(d), "R1 invalid"),
			   "%s: plain rejection with the verifier's message", ks[i].what);
			ok(clean(d, fd), "%s: no fd left", ks[i].what);
			bcf_load_result__free(&res);
			dbl_prog_free(&p);
			dbl_free(d);
		}
		d = dbl_new(DBL_BCF_NOCAP);
		prog(&p, "cap", true, true);
		dbl_add_prog(d, &p);
		fd = load(d, "cap", &res, NULL);
		ok(fd == -EPERM && res.status == BCF_LOAD_EPERM && strstr(res.detail, "CAP_BPF"),
		   "BCF refused to the caller: eperm: %s", res.detail);
		bcf_load_result__free(&res);
		dbl_free(d);
		d = dbl_new(DBL_NOPRIV);
		dbl_add_prog(d, &p);
		fd = load(d, "cap", &res, NULL);
		ok(fd == -EPERM && res.status == BCF_LOAD_EPERM, "bpf() refused: eperm: %s",
		   res.detail);
		bcf_load_result__free(&res);
		dbl_free(d);
		{
			BCF_OPTS(bcf_loader_opts, nb, .no_bcf = true);

			d = dbl_new(DBL_BCF);
			prog(&p, "nobcf", false, true);
			add_step(&p, "alu32_add_zext.smt2", DBL_OK);
			dbl_add_prog(d, &p);
			fd = load(d, "nobcf", &res, &nb);
			ok(fd == -EACCES && res.status == BCF_LOAD_REJECTED_NO_COND &&
			   dbl_stats(d)->requests == 0, "--no-bcf on a BCF kernel: plain load, "
			   "no request");
			bcf_load_result__free(&res);
			dbl_prog_free(&p);
			dbl_free(d);
		}
	}
}

/* ---- --save ----------------------------------------------------------------- */

static void save_case(void)
{
	char dir[] = "/tmp/bcf-save-XXXXXX", path[4200];
	struct bcf_load_result res;
	struct dbl_prog p;
	struct dbl *d;
	int fd;

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	{
		BCF_OPTS(bcf_loader_opts, so, .save_dir = dir, .timeout_ms = 30000);
		char *cond = NULL, *proof = NULL, *man = NULL;
		size_t clen = 0, plen = 0, mlen = 0;
		struct bcf_cond *c = NULL;

		d = dbl_new(DBL_BCF);
		prog(&p, "saved", false, true);
		add_step(&p, "alu32_add_zext.smt2", DBL_OK);
		add_step(&p, "unreachable_arsh_path.smt2", DBL_OK);
		dbl_add_prog(d, &p);
		fd = load(d, "saved", &res, &so);
		ok(fd >= 0 && res.proofs == 2, "--save: loaded with 2 proofs");
		snprintf(path, sizeof(path), "%s/conds/saved-2.cond", dir);
		bcf__file_read(path, 1 << 20, &cond, &clen);
		snprintf(path, sizeof(path), "%s/proofs/saved-2.bcf", dir);
		bcf__file_read(path, 1 << 24, &proof, &plen);
		snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
		bcf__file_read(path, 1 << 20, &man, &mlen);
		ok(cond && clen == p.steps[1].cond_size[0] && !memcmp(cond, p.steps[1].cond[0], clen),
		   "the saved condition is the bytes the kernel wrote (%zu)", clen);
		if (cond && proof && !bcf_cond__decode(cond, clen, &c)) {
			BCF_OPTS(bcf_check_opts, co, .mode = BCF_CHECK_KERNEL_COMPAT);
			uint32_t nw = (uint32_t)clen / 4 - 2;

			ok(bcf_check_proof((const uint32_t *)cond, nw, ((uint32_t *)cond)[nw], proof,
					   plen, &co) == 0,
			   "the saved path proof re-checks against the saved condition (kernel-compat)");
		} else {
			ok(0, "saved files readable");
		}
		ok(man && !strncmp(man, "name\tproof_bytes\tstatus\tgoal\n", 29) &&
		   strstr(man, "saved-1\t") && strstr(man, "saved-2\t") && strstr(man, "\tpath\n"),
		   "manifest.tsv: header and one line per request:\n%s", man ? man : "");
		bcf_cond__free(c);
		free(cond);
		free(proof);
		free(man);
		clean(d, fd);
		bcf_load_result__free(&res);
		dbl_prog_free(&p);
		dbl_free(d);
	}
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path))
		diag("cannot remove %s", dir);
}

/* ---- recorded conditions ----------------------------------------------------- */

static void recorded(void)
{
	char path[8192];
	struct dirent *de;
	unsigned n = 0, loaded = 0, sat = 0, other = 0, expect_sat = 0;
	DIR *dir;
	struct dbl *d = dbl_new(DBL_BCF);
	struct dbl_prog p;
	FILE *man;

	/* every bundled corpus condition, one program each */
	dir = opendir(corpus);
	while (dir && (de = readdir(dir))) {
		struct bcf_load_result res;
		char name[16];
		int fd;

		if (!strstr(de->d_name, ".smt2"))
			continue;
		snprintf(name, sizeof(name), "c%u", n++);
		prog(&p, name, false, true);
		add_step(&p, de->d_name, DBL_OK);
		dbl_add_prog(d, &p);
		dbl_prog_free(&p);
		fd = load(d, name, &res, NULL);
		if (strstr(de->d_name, "_sat"))
			expect_sat++;
		if (fd >= 0 && res.status == BCF_LOAD_PROOFS)
			loaded++;
		else if (res.status == BCF_LOAD_REJECTED_SAT)
			sat++;
		else
			other++, diag("%s: %s: %s", de->d_name, bcf_load_status__name(res.status),
				      res.detail);
		if (fd >= 0)
			close(fd);
		bcf_load_result__free(&res);
	}
	if (dir)
		closedir(dir);
	ok(n >= 40 && loaded + sat + other == n && sat >= expect_sat,
	   "corpus/conds: %u programs: %u loaded with proofs, %u rejected-sat, %u other", n,
	   loaded, sat, other);
	ok(dbl_stats(d)->proofs_ok == loaded && dbl_stats(d)->proofs_bad == 0,
	   "every proof sent was accepted by the double's kernel-compat checker (%u)",
	   dbl_stats(d)->proofs_ok);
	ok(clean(d, -1), "no violation, no fd left (%u open)", dbl_open_fds(d));
	dbl_free(d);

	/* shared vectors: every 40th unsat one, as recorded condition buffers */
	d = dbl_new(DBL_BCF);
	snprintf(path, sizeof(path), "%s/vectors/manifest.tsv", shared_dir());
	man = fopen(path, "r");
	n = loaded = 0;
	if (man) {
		char line[1024];
		unsigned k = 0;

		while (fgets(line, sizeof(line), man)) {
			char *tab = strchr(line, '\t'), name[16], file[4200];
			struct bcf_load_result res;
			int fd;

			if (!tab || !strncmp(line, "name\t", 5) || !strstr(line, "\tunsat\t") ||
			    k++ % 40)
				continue;
			*tab = '\0';
			snprintf(name, sizeof(name), "v%u", n++);
			snprintf(file, sizeof(file), "%s/vectors/conds/%s.cond", shared_dir(), line);
			prog(&p, name, false, true);
			add_step(&p, file, DBL_OK);
			dbl_add_prog(d, &p);
			dbl_prog_free(&p);
			fd = load(d, name, &res, NULL);
			if (fd >= 0 && res.status == BCF_LOAD_PROOFS)
				loaded++;
			else
				diag("%s: %s: %s", line, bcf_load_status__name(res.status), res.detail);
			if (fd >= 0)
				close(fd);
			bcf_load_result__free(&res);
		}
		fclose(man);
	}
	if (!n) {
		skip("no shared vectors");
	} else {
		ok(loaded >= n - n / 20, "shared vectors: %u of %u sampled unsat conditions load "
		   "with a proof the double accepts", loaded, n);
		ok(clean(d, -1) && dbl_stats(d)->proofs_bad == 0, "no violation, no rejected "
		   "proof, no fd left");
	}
	dbl_free(d);
}

int main(void)
{
	const char *src = getenv("BCF_SRCDIR");

	snprintf(corpus, sizeof(corpus), "%s/corpus/conds/", src ? src : ".");
	rows();
	loader_cases();
	save_case();
	recorded();
	return done_testing();
}
