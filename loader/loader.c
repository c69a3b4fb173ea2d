// SPDX-License-Identifier: MIT
/*
 * The loader object: options, the default bpf() call, and the one-time
 * probe that tells a BCF kernel from one without BCF (spec/format.md 4.1,
 * 4.2): a trivial program loaded with the 192-byte attr and a non-zero
 * bcf_buf_size.  A kernel that does not know the fields refuses the larger
 * attr (E2BIG when its attr is shorter, EINVAL when the bytes fall after
 * its last PROG_LOAD field); a BCF kernel loads it; EPERM means BCF is not
 * offered to this caller (CAP_BPF).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lang/error.h"
#include "lang/opts.h"
#include "loader/attr.h"
#include "loader/loader_int.h"

long bcf_sys_bpf(int cmd, void *attr, unsigned int size, void *ctx)
{
	long r;

	(void)ctx;
	r = syscall(__NR_bpf, cmd, attr, size);
	return r < 0 ? -errno : r;
}

int bcf_loader__new(const struct bcf_loader_opts *opts, struct bcf_loader **out)
{
	struct bcf_loader_opts o;
	struct bcf_loader *l;
	int err;

	*out = NULL;
	err = bcf__opts_get(bcf_loader_opts, opts, &o);
	if (err)
		return err;
	l = calloc(1, sizeof(*l));
	if (!l)
		return -ENOMEM;
	l->o = o;
	if (!l->o.buf_size)
		l->o.buf_size = 64u << 10;
	if (!l->o.max_buf_size)
		l->o.max_buf_size = BCF_BUF_SIZE;
	if (l->o.buf_size > l->o.max_buf_size)
		l->o.buf_size = l->o.max_buf_size;
	if (l->o.buf_size < 64)
		l->o.buf_size = 64;
	if (!l->o.max_requests)
		l->o.max_requests = 100000;
	if (!l->o.sys_bpf)
		l->o.sys_bpf = bcf_sys_bpf;
	*out = l;
	return 0;
}

void bcf_loader__free(struct bcf_loader *l)
{
	free(l);
}

/* r0 = 0; exit */
static const struct bpf_insn trivial[2] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

static long probe_load(struct bcf_loader *l, bool with_bcf)
{
	struct bcf_load_attr a;
	uint32_t buf[16];
	long fd;

	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 2;
	a.insns = (uintptr_t)trivial;
	a.license = (uintptr_t)"GPL";
	if (with_bcf) {
		a.bcf_buf = (uintptr_t)buf;
		a.bcf_buf_size = sizeof(buf);
	}
	fd = loader_sys(l, BPF_PROG_LOAD, &a, with_bcf ? sizeof(a) :
			offsetof(struct bcf_load_attr, log_true_size));
	if (fd >= 0)
		close((int)fd);
	return fd;
}

int bcf_loader__kernel(struct bcf_loader *l)
{
	long r;

	if (l->kernel)
		return l->kernel;
	r = probe_load(l, true);
	if (r >= 0) {
		l->kernel = BCF_KERNEL_BCF;
		snprintf(l->kernel_detail, sizeof(l->kernel_detail), "the kernel has BCF");
	} else if (r == -E2BIG || r == -EINVAL) {
		l->kernel = BCF_KERNEL_NO_BCF;
		snprintf(l->kernel_detail, sizeof(l->kernel_detail),
			 "kernel without BCF (it refuses the 192-byte attr: %s)",
			 r == -E2BIG ? "E2BIG" : "EINVAL");
	} else if (r == -EPERM) {
		long p = probe_load(l, false);

		l->kernel = BCF_KERNEL_NO_PRIV;
		snprintf(l->kernel_detail, sizeof(l->kernel_detail), "%s",
			 p >= 0 ? "BCF is refused to this caller (EPERM): it needs CAP_BPF" :
				  "bpf() is refused to this caller (EPERM): run as root");
	} else {
		return bcf__err((int)r, "probing the kernel for BCF: bpf(BPF_PROG_LOAD): %s",
				strerror((int)-r));
	}
	return l->kernel;
}

void bcf_load_result__free(struct bcf_load_result *r)
{
	free(r->model_text);
	r->model_text = NULL;
}
