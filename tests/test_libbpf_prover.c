// SPDX-License-Identifier: MIT
/*
 * bcf_libbpf_prover called exactly as a BCF-enabled libbpf calls its prover
 * (spec/format.md 4.6): an 8 MiB buffer; while the load returns with
 * BCF_F_PROOF_REQUESTED, call the prover (stop on non-zero), OR in
 * BCF_F_PROOF_PROVIDED and re-issue the same attr.  The kernel side is the
 * protocol double, which checks every proof with bcf's kernel-compatible
 * checker.  Also the bpftool prover's contract on bad input.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/bpf.h>

#include <bcf/loader.h>

#include "lang/fileio.h"
#include "loader/attr.h"
#include "tests/protocol_double.h"
#include "tests/tap.h"

static char corpus[4096];
static unsigned log_lines;

static const struct bpf_insn insns[2] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

/* libbpf's bpf_prog_load loop with a registered prover */
static long libbpf_load(struct dbl *d, const char *name, uint32_t *buf, unsigned *calls,
			uint32_t *last_flags)
{
	struct bcf_load_attr a;
	long fd;

	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 2;
	a.insns = (uintptr_t)insns;
	a.license = (uintptr_t)"GPL";
	snprintf(a.prog_name, sizeof(a.prog_name), "%s", name);
	a.bcf_buf = (uintptr_t)buf;
	a.bcf_buf_size = BCF_BUF_SIZE;
	*calls = 0;
	for (;;) {
		int err;

		fd = dbl_bpf(d, BPF_PROG_LOAD, &a, sizeof(a));
		if (fd >= 0 || !(a.bcf_flags & BCF_F_PROOF_REQUESTED))
			break;
		err = bcf_libbpf_prover(buf, a.bcf_buf_size, &a.bcf_buf_true_size, &a.bcf_flags);
		(*calls)++;
		*last_flags = a.bcf_flags;
		if (err) {
			fd = err;
			break;
		}
		a.bcf_flags |= BCF_F_PROOF_PROVIDED;
	}
	if (a.bcf_fd)
		close((int)a.bcf_fd);
	return fd;
}

static void step(struct dbl_prog *p, const char *files)
{
	struct dbl_step *s = &p->steps[p->nsteps++];
	char *list = strdup(files), *save = NULL, *tok;

	for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char full[8192];

		snprintf(full, sizeof(full), "%s%s", corpus, tok);
		if (!dbl_read_cond(full, &s->cond[s->ncond], &s->cond_size[s->ncond]))
			s->ncond++;
		else
			diag("cannot read %s", full);
	}
	free(list);
}

static void on_log(void *ctx, const char *line)
{
	(void)ctx;
	log_lines++;
	diag("prover: %.*s", (int)strcspn(line, "\n"), line);
}

int main(void)
{
	const char *src = getenv("BCF_SRCDIR");
	uint32_t *buf = malloc(BCF_BUF_SIZE), flags = 0, size;
	char dir[] = "/tmp/bcf-lbp-XXXXXX", path[4200];
	struct dbl_prog p;
	struct dbl *d;
	unsigned calls;
	long fd;

	snprintf(corpus, sizeof(corpus), "%s/corpus/conds/", src ? src : ".");
	if (!buf || !mkdtemp(dir))
		return 1;
	{
		BCF_OPTS(bcf_libbpf_prover_opts, o, .timeout_ms = 30000, .save_dir = dir,
			 .log = on_log);

		ok(bcf_libbpf_prover__set_opts(&o) == 0, "settings through the opts setter");
	}

	/* refine, path, and a batched request in one load */
	d = dbl_new(DBL_BCF);
	memset(&p, 0, sizeof(p));
	snprintf(p.name, sizeof(p.name), "lbp");
	p.final_ok = true;
	step(&p, "alu32_add_zext.smt2");
	step(&p, "unreachable_arsh_path.smt2");
	step(&p, "shift_constraint_path.smt2,jset_two_bits.smt2,path_conj_many.smt2");
	dbl_add_prog(d, &p);
	dbl_prog_free(&p);
	fd = libbpf_load(d, "lbp", buf, &calls, &flags);
	ok(fd >= 0 && calls == 3 && dbl_stats(d)->proofs_ok == 3,
	   "libbpf's loop: 3 prover calls, 3 proofs accepted by the kernel-compat checker, "
	   "program fd %ld", fd);
	ok(flags == (BCF_F_PROOF_PROVIDED | BCF_F_PROOF_PATH_UNREACHABLE),
	   "the batched path request is answered PATH_UNREACHABLE, REQUESTED cleared (0x%x)",
	   flags);
	ok(log_lines == 3, "the log callback got one line per request (%u)", log_lines);
	snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
	{
		char *man = NULL;
		size_t len = 0;

		bcf__file_read(path, 1 << 20, &man, &len);
		ok(man && strstr(man, "libbpf-1\t") && strstr(man, "libbpf-3\t"),
		   "the save directory has the 3 requests");
		free(man);
	}
	if (fd >= 0)
		close((int)fd);
	ok(dbl_open_fds(d) == 0 && dbl_stats(d)->violations == 0,
	   "no 4.2 violation, every fd closed");
	dbl_free(d);

	/* sat: the prover fails, libbpf stops */
	d = dbl_new(DBL_BCF);
	memset(&p, 0, sizeof(p));
	snprintf(p.name, sizeof(p.name), "lbsat");
	p.final_ok = true;
	step(&p, "alu32_sub_wrap.smt2");
	dbl_add_prog(d, &p);
	dbl_prog_free(&p);
	flags = 0xff;
	fd = libbpf_load(d, "lbsat", buf, &calls, &flags);
	ok(fd == -EACCES && calls == 1 && flags == 0 && strstr(bcf_last_error(), "satisfiable"),
	   "sat: the prover returns -EACCES with flags cleared: %.60s", bcf_last_error());
	ok(dbl_open_fds(d) == 0, "fds closed");
	dbl_free(d);

	/* the bpftool prover's checks of true_size */
	{
		static const uint32_t bad[] = { 6, 7, 10, 0 };
		unsigned i;

		for (i = 0; i < 4; i++) {
			size = bad[i];
			flags = BCF_F_PROOF_REQUESTED;
			ok(bcf_libbpf_prover(buf, 64, &size, &flags) == -EINVAL && size == 0 &&
			   flags == 0, "true_size %u: -EINVAL, size and flags zeroed", bad[i]);
		}
		size = 68;
		flags = BCF_F_PROOF_REQUESTED;
		ok(bcf_libbpf_prover(buf, 64, &size, &flags) == -EINVAL && flags == 0,
		   "true_size beyond the buffer: -EINVAL");
		memset(buf, 0xff, 16);
		size = 16;
		flags = BCF_F_PROOF_REQUESTED;
		ok(bcf_libbpf_prover(buf, 64, &size, &flags) < 0 && flags == 0,
		   "garbage condition: an error, flags cleared: %s", bcf_last_error());
	}
	{
		/* a proof larger than the buffer */
		void *c = NULL;
		size_t cs = 0;

		snprintf(path, sizeof(path), "%sstack_var_var.smt2", corpus);
		if (!dbl_read_cond(path, &c, &cs)) {
			memcpy(buf, c, cs);
			size = (uint32_t)cs;
			ok(bcf_libbpf_prover(buf, (uint32_t)cs + 64, &size, &flags) == -ENOSPC &&
			   flags == 0, "proof larger than the buffer: -ENOSPC");
		}
		free(c);
	}
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	if (system(path))
		diag("cannot remove %s", dir);
	free(buf);
	return done_testing();
}
