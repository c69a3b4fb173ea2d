/* SPDX-License-Identifier: MIT */
/*
 * bcf/loader.h - loading BPF programs with proofs (spec/format.md 4).
 *
 * A bcf_loader issues BPF_PROG_LOAD with the five BCF fields, answers the
 * kernel's proof requests with bcf_prove() and resubmits until the kernel
 * returns a program fd or an error.  The bpf() system call goes through a
 * replaceable function (opts.sys_bpf), so a test double can stand in for
 * the kernel.  Same conventions as bcf.h: opts structs carry their size,
 * functions return 0 (or an fd) or a negative errno, the text of the last
 * error is in bcf_last_error().
 */
#ifndef BCF_LOADER_H
#define BCF_LOADER_H

#include <bcf/bcf.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The bpf() system call: returns >= 0 or a negative errno (never -1/errno). */
typedef long (*bcf_sys_bpf_fn)(int cmd, void *attr, unsigned int size, void *ctx);

/* The default: syscall(__NR_bpf, cmd, attr, size). */
BCF_API long bcf_sys_bpf(int cmd, void *attr, unsigned int size, void *ctx);

enum bcf_kernel_kind {
	BCF_KERNEL_BCF = 1,     /* accepts the BCF fields */
	BCF_KERNEL_NO_BCF = 2,  /* refuses the larger attr (E2BIG/EINVAL): load plainly */
	BCF_KERNEL_NO_PRIV = 3, /* EPERM: BCF needs CAP_BPF (and maybe bpf() itself does) */
};

enum bcf_load_status {
	BCF_LOAD_PLAIN = 0,            /* loaded, no proof requested */
	BCF_LOAD_PROOFS,               /* loaded after answering proof requests */
	BCF_LOAD_REJECTED_SAT,         /* a condition is satisfiable: the program can misbehave */
	BCF_LOAD_REJECTED_UNPROVABLE,  /* unsat, but no proof within the kernel's rules */
	BCF_LOAD_REJECTED_UNKNOWN,     /* the solver gave up or timed out */
	BCF_LOAD_REJECTED_NO_COND,     /* the verifier rejected it without a proof request */
	BCF_LOAD_PROOF_REJECTED,       /* the kernel rejected a proof (or failed after one) */
	BCF_LOAD_NOSPC,                /* condition or proof larger than the buffer limit */
	BCF_LOAD_EPERM,                /* missing privilege */
	BCF_LOAD_SKIPPED_KERNEL,       /* kernel limitation (BTF, program type, map, ...) */
	BCF_LOAD_PROTOCOL,             /* malformed proof request from the kernel */
	BCF_LOAD_ERROR,                /* anything else (I/O, memory, invalid object) */
	BCF_LOAD__NR,
};

/* "loaded-plain", "loaded-with-proofs", "rejected-sat", ... (results-file names). */
BCF_API const char *bcf_load_status__name(enum bcf_load_status s);

/* One answered (or refused) proof request, passed to opts.on_request. */
struct bcf_loader_request {
	const char *prog;            /* program name (opts of the load) */
	unsigned index;              /* 1-based, per load */
	const void *cond;            /* the condition buffer as the kernel wrote it */
	size_t cond_size;
	const struct bcf_prove_result *res; /* NULL if the buffer did not decode */
	uint32_t flags;              /* flags sent back (0 if not answered) */
	bool cached;                 /* proof reused from an earlier identical request */
};
typedef void (*bcf_loader_request_fn)(void *ctx, const struct bcf_loader_request *rq);

struct bcf_loader_opts {
	size_t sz;
	enum bcf_solver_kind solver;
	unsigned timeout_ms;          /* per proof request (bcf_prove_opts); 0 = none */
	uint32_t buf_size;            /* first request buffer; 0 = 64 KiB */
	uint32_t max_buf_size;        /* growth limit on ENOSPC; 0 = BCF_BUF_SIZE (8 MiB) */
	unsigned max_requests;        /* per load; 0 = 100000 */
	bool no_bcf;                  /* never pass the BCF fields */
	const char *save_dir;         /* write conds/ proofs/ manifest.tsv here, or NULL */
	bcf_sys_bpf_fn sys_bpf;       /* NULL = bcf_sys_bpf */
	void *sys_ctx;
	bcf_loader_request_fn on_request;
	void *cb_ctx;
};
#define bcf_loader_opts__last_field cb_ctx

struct bcf_load_result {
	enum bcf_load_status status;
	int err;                      /* final negative errno (0 when loaded) */
	enum bcf_kernel_kind kernel;  /* 0 if not probed */
	unsigned requests;            /* proof requests received */
	unsigned proofs, path_proofs; /* proofs the kernel accepted (path: PATH_UNREACHABLE) */
	unsigned restarts;            /* loads restarted with a larger buffer */
	uint64_t proof_bytes;         /* total bytes of accepted proofs */
	double prove_time_s;
	char *model_text;             /* counterexample (rejected-sat), malloc'd */
	char detail[512];             /* why it failed ("" when loaded) */
};
BCF_API void bcf_load_result__free(struct bcf_load_result *r);

struct bcf_loader;

BCF_API int bcf_loader__new(const struct bcf_loader_opts *opts, struct bcf_loader **out);
BCF_API void bcf_loader__free(struct bcf_loader *l);

/* Probe the kernel once (a trivial program with the BCF fields); cached. */
BCF_API int bcf_loader__kernel(struct bcf_loader *l);

/*
 * Load one program: attr is a BPF_PROG_LOAD attr of size bytes (UAPI
 * layout, BCF fields zero; at most 192 bytes are used).  Runs the proof
 * loop when the kernel has BCF, a plain load otherwise.  Returns the
 * program fd or a negative errno; res (required) tells what happened.
 * name labels saved files and callbacks (NULL: "prog").
 */
BCF_API int bcf_loader__prog_load(struct bcf_loader *l, const char *name, const void *attr,
			  size_t size, struct bcf_load_result *res);

/* ---- BPF objects through libbpf --------------------------------------- */

/*
 * libbpf opens the object, creates maps and relocates; the programs'
 * BPF_PROG_LOAD reaches bcf through bcf_loader__sys_hook(), which the
 * executable must call from its syscall() (libbpf calls syscall(__NR_bpf)):
 * see docs/loader.md.  Each program is loaded in its own open/load cycle
 * (only it autoloaded), so a failed load leaves no maps behind.
 */
struct bcf_object_prog_result {
	const char *object;           /* path */
	const char *prog;             /* program name */
	const char *section;
	struct bcf_load_result load;
	char *log;                    /* verifier log (NUL-terminated), or NULL */
	char verifier_msg[256];       /* the verifier's last message line, or "" */
	bool pinned;
	double time_s;
};
typedef void (*bcf_object_prog_fn)(void *ctx, const struct bcf_object_prog_result *r);

struct bcf_object_load_opts {
	size_t sz;
	const char *pin_dir;          /* pin loaded programs as PIN_DIR/NAME, or NULL */
	const char *const *progs;     /* only these programs (NULL: all) */
	size_t nprogs;
	const char *prog_type;        /* override: a section name such as "xdp" or "kprobe/" */
	unsigned log_level;           /* verifier log level (the log is always kept at >= 1) */
	size_t log_size;              /* 0 = 16 MiB */
	bcf_object_prog_fn on_prog;   /* called once per program */
	void *ctx;
};
#define bcf_object_load_opts__last_field ctx

/*
 * Load the programs of a BPF object file.  Returns 0 when every program
 * was reported through on_prog (whatever its status), or a negative errno
 * when the object itself could not be opened or a selected program does
 * not exist.
 */
BCF_API int bcf_loader__load_object(struct bcf_loader *l, const char *path,
			    const struct bcf_object_load_opts *opts);

/* Names of the programs of an object (malloc'd array of malloc'd strings). */
BCF_API int bcf_loader__object_progs(const char *path, char ***names, size_t *n);

/*
 * For the executable's syscall(): if a bcf_loader__load_object() is in
 * progress on this thread and this is the BPF_PROG_LOAD of its program,
 * run the loader and return true with *ret = fd or negative errno;
 * otherwise return false (pass the call on unchanged).
 */
BCF_API bool bcf_loader__sys_hook(long cmd, void *attr, unsigned long size, long *ret);

/* ---- libbcf as a libbpf prover (spec/format.md 4.6) -------------------- */

/*
 * Settings of bcf_libbpf_prover (a process-wide copy; the callback has no
 * context argument).  log receives one line per request.
 */
struct bcf_libbpf_prover_opts {
	size_t sz;
	enum bcf_solver_kind solver;
	unsigned timeout_ms;          /* 0 = 60 s */
	const char *save_dir;         /* conds/ proofs/ manifest.tsv, or NULL */
	void (*log)(void *ctx, const char *line);
	void *log_ctx;
};
#define bcf_libbpf_prover_opts__last_field log_ctx

BCF_API int bcf_libbpf_prover__set_opts(const struct bcf_libbpf_prover_opts *opts);

/*
 * The prover for libbpf_set_prover(): reads the condition in bcf_buf
 * (*bcf_buf_true_size bytes), proves it (path condition first), writes the
 * proof into bcf_buf, sets *bcf_buf_true_size and overwrites *bcf_flags
 * (PROVIDED, plus PATH_UNREACHABLE for a refuted path).  Returns 0 or a
 * negative errno (sat, unprovable, too large, invalid buffer).
 */
BCF_API int bcf_libbpf_prover(uint32_t *bcf_buf, uint32_t bcf_buf_size,
			      uint32_t *bcf_buf_true_size, uint32_t *bcf_flags);

#ifdef __cplusplus
}
#endif

#endif /* BCF_LOADER_H */
