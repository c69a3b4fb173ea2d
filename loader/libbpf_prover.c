// SPDX-License-Identifier: MIT
/*
 * bcf_libbpf_prover: libbcf as the prover callback of a BCF-enabled libbpf
 * (spec/format.md 4.6).  libbpf calls it while the kernel's answer has
 * BCF_F_PROOF_REQUESTED, with the condition in bcf_buf, ORs in
 * BCF_F_PROOF_PROVIDED and re-issues the load.  As the bpftool prover does,
 * it validates *bcf_buf_true_size (>= 8, <= the buffer, a multiple of 4),
 * zeroes the flags and the size, refutes the path condition first
 * (PATH_UNREACHABLE) and otherwise the refine condition, and overwrites
 * *bcf_flags (so REQUESTED is cleared).  Settings come from
 * bcf_libbpf_prover__set_opts(), since the callback has no context.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/error.h"
#include "lang/opts.h"
#include "loader/loader_int.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct bcf_libbpf_prover_opts settings = { .sz = sizeof(settings) };
static char save_dir[4096];
static unsigned long counter;

/* The exact type libbpf expects. */
static const bcf_prover_fn_t prover_type_check __attribute__((unused)) = bcf_libbpf_prover;

int bcf_libbpf_prover__set_opts(const struct bcf_libbpf_prover_opts *opts)
{
	struct bcf_libbpf_prover_opts o;
	int err = bcf__opts_get(bcf_libbpf_prover_opts, opts, &o);

	if (err)
		return err;
	if (o.save_dir && strlen(o.save_dir) >= sizeof(save_dir))
		return bcf__err(-ENAMETOOLONG, "save directory name too long");
	pthread_mutex_lock(&lock);
	settings = o;
	if (o.save_dir) {
		snprintf(save_dir, sizeof(save_dir), "%s", o.save_dir);
		settings.save_dir = save_dir;
	}
	pthread_mutex_unlock(&lock);
	return 0;
}

static void logf_(const struct bcf_libbpf_prover_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void logf_(const struct bcf_libbpf_prover_opts *o, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!o->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	o->log(o->log_ctx, line);
}

int bcf_libbpf_prover(uint32_t *bcf_buf, uint32_t bcf_buf_size, uint32_t *bcf_buf_true_size,
		      uint32_t *bcf_flags)
{
	struct bcf_libbpf_prover_opts o;
	BCF_OPTS(bcf_prove_result, pr);
	struct bcf_cond *c = NULL;
	uint32_t size;
	unsigned long idx;
	int err;

	pthread_mutex_lock(&lock);
	o = settings;
	idx = ++counter;
	pthread_mutex_unlock(&lock);
	if (!bcf_buf || !bcf_buf_true_size || !bcf_flags)
		return bcf__err(-EINVAL, "bcf_libbpf_prover: NULL argument");
	size = *bcf_buf_true_size;
	*bcf_flags = 0;
	*bcf_buf_true_size = 0;
	if (size < 8 || size > bcf_buf_size || size % 4) {
		logf_(&o, "bcf: request %lu: invalid condition size %u (buffer %u)", idx, size,
		      bcf_buf_size);
		return bcf__err(-EINVAL, "bcf_libbpf_prover: invalid condition size %u (buffer %u "
				"bytes)", size, bcf_buf_size);
	}
	err = bcf_cond__decode(bcf_buf, size, &c);
	if (err) {
		logf_(&o, "bcf: request %lu: invalid condition: %s", idx, bcf_last_error());
		return err;
	}
	{
		BCF_OPTS(bcf_prove_opts, po, .solver = o.solver,
			 .timeout_ms = o.timeout_ms ? o.timeout_ms : 60000);

		err = bcf_prove(c, &po, &pr);
	}
	bcf_cond__free(c);
	if (o.save_dir) {
		char name[64];
		int e;

		snprintf(name, sizeof(name), "libbpf-%lu", idx);
		e = loader_save(o.save_dir, name, bcf_buf, size, &pr);
		if (e)
			logf_(&o, "bcf: request %lu: --save: %s", idx, bcf_last_error());
	}
	if (!err) {
		switch (pr.status) {
		case BCF_PROVE_PROVEN_PATH:
		case BCF_PROVE_PROVEN_REFINE:
			if (pr.proof_size > bcf_buf_size) {
				err = bcf__err(-ENOSPC, "proof of %zu bytes exceeds the %u-byte "
					       "buffer", pr.proof_size, bcf_buf_size);
				break;
			}
			memcpy(bcf_buf, pr.proof, pr.proof_size);
			*bcf_buf_true_size = (uint32_t)pr.proof_size;
			*bcf_flags = BCF_F_PROOF_PROVIDED;
			if (pr.status == BCF_PROVE_PROVEN_PATH)
				*bcf_flags |= BCF_F_PROOF_PATH_UNREACHABLE;
			logf_(&o, "bcf: request %lu: %s proof, %zu bytes, %.3f s", idx,
			      pr.status == BCF_PROVE_PROVEN_PATH ? "path" : "refine",
			      pr.proof_size, pr.time_s);
			break;
		case BCF_PROVE_SAT:
			err = bcf__err(-EACCES, "the condition is satisfiable: the program can "
				       "misbehave; counterexample:\n%s",
				       pr.model_text ? pr.model_text : "");
			break;
		case BCF_PROVE_UNPROVABLE:
			err = bcf__err(-ENOTSUP, "unprovable within the kernel's rules: %s",
				       pr.detail);
			break;
		case BCF_PROVE_TOO_LARGE:
			err = bcf__err(-ENOSPC, "every proof found is over the size limit: %s",
				       pr.detail);
			break;
		case BCF_PROVE_UNKNOWN:
			err = bcf__err(-ETIMEDOUT, "solver gave up: %s", pr.detail);
			break;
		default:
			err = bcf__err(-EIO, "prover error: %s", pr.detail);
			break;
		}
	}
	if (err)
		logf_(&o, "bcf: request %lu: %s", idx, bcf_last_error());
	bcf_prove_result__free(&pr);
	return err;
}
