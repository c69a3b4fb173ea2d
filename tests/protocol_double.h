/* SPDX-License-Identifier: MIT */
/*
 * The protocol double: the kernel side of spec/format.md 4.2-4.5 in user
 * space, for tests.  It answers bpf() like a BCF kernel (or one without
 * BCF, or one that refuses the caller) would: every syscall check of the
 * 4.2 table, proof requests from recorded condition buffers, proofs checked
 * with bcf's kernel-compatible checker (bcf_check_proof), batching of
 * path-only requests (4.5), ENOSPC, and the faults a real kernel could
 * produce (truncated condition, bad size, rejected proof).  Enough of
 * MAP_CREATE, BTF_LOAD, MAP_UPDATE_ELEM, MAP_FREEZE, PROG_BIND_MAP and
 * OBJ_PIN is emulated for libbpf to open and load real objects.
 *
 * File descriptors it hands out are the write ends of pipes whose read ends
 * it keeps, so it can tell later whether the caller closed them.
 */
#ifndef BCF_TESTS_PROTOCOL_DOUBLE_H
#define BCF_TESTS_PROTOCOL_DOUBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum dbl_kernel {
	DBL_BCF = 0,        /* a BCF kernel */
	DBL_STOCK,          /* attr of 144 bytes: larger non-zero attr -> E2BIG */
	DBL_STOCK_NEW,      /* knows up to keyring_id: non-zero BCF bytes -> EINVAL */
	DBL_BCF_NOCAP,      /* BCF kernel, caller without CAP_BPF: BCF loads -> EPERM */
	DBL_NOPRIV,         /* every load -> EPERM */
};

enum dbl_fault {
	DBL_OK = 0,
	DBL_TRUNC,          /* condition cut short: true_size 8 bytes too small */
	DBL_BADSIZE,        /* true_size 6: not a multiple of 4, below 8 */
	DBL_REJECT,         /* the proof is rejected whatever it is */
	DBL_NOFD,           /* REQUESTED without a bcf_fd */
	DBL_HUGE,           /* a condition of 16 MiB: ENOSPC whatever the buffer */
};

#define DBL_MAX_STEPS 64
#define DBL_MAX_BATCH 16

struct dbl_step {
	/* one request: a condition buffer, or several path-only conditions that
	 * are batched into one request (4.5) */
	void *cond[DBL_MAX_BATCH];
	size_t cond_size[DBL_MAX_BATCH];
	unsigned ncond;
	enum dbl_fault fault;
};

struct dbl_prog {
	char name[64];
	bool plain_ok;          /* verdict of a load without BCF */
	char plain_msg[160];    /* verifier message when rejected */
	int plain_err;          /* errno when rejected (EACCES) */
	struct dbl_step steps[DBL_MAX_STEPS];
	unsigned nsteps;
	bool final_ok;          /* after the last step: load or reject */
	bool unsupported;       /* refused before verification: EINVAL, empty log */
	int final_err;
	char final_msg[160];
};

struct dbl_stats {
	unsigned prog_loads, requests, proofs_ok, proofs_bad, nospc, violations;
	unsigned bcf_fds, prog_fds, maps, pins;
	char last_violation[256];
	char last_check[256];   /* checker's reason of the last rejected proof */
};

struct dbl;

struct dbl *dbl_new(enum dbl_kernel k);
void dbl_free(struct dbl *d);
/* Add a program (copied; condition buffers copied). */
int dbl_add_prog(struct dbl *d, const struct dbl_prog *p);
/* Free the condition buffers a caller allocated into p (dbl_add_prog copies them). */
void dbl_prog_free(struct dbl_prog *p);
/* Parse a script (see tests/protocol_double.c); paths relative to its directory. */
int dbl_load_script(struct dbl *d, const char *path, char *err, size_t errsz);
/* Mark the saved state behind bcf_fd as being resumed (4.2 row "already being resumed"). */
void dbl_set_busy(struct dbl *d, bool busy);
void dbl_set_kernel(struct dbl *d, enum dbl_kernel k);

/* bpf(): returns >= 0 or a negative errno. */
long dbl_bpf(struct dbl *d, int cmd, void *attr, unsigned int size);
/* Same, with the signature of bcf_sys_bpf_fn (ctx = the double). */
long dbl_sys_bpf(int cmd, void *attr, unsigned int size, void *ctx);

const struct dbl_stats *dbl_stats(const struct dbl *d);
/* fds handed out (bcf fds and program fds) that the caller has not closed. */
unsigned dbl_open_fds(struct dbl *d);
/* Verifier log of the last program load ("" if none). */
const char *dbl_last_log(const struct dbl *d);

/* Read a .cond file, or import a .smt2 file as a condition buffer (malloc'd). */
int dbl_read_cond(const char *path, void **buf, size_t *size);

#endif
