// SPDX-License-Identifier: MIT
/*
 * The proof loop of one BPF_PROG_LOAD (spec/format.md 4.3-4.5): load with
 * the BCF fields; while the kernel answers with BCF_F_PROOF_REQUESTED,
 * decode the condition it wrote (untrusted: bcf_buf_true_size is checked
 * before anything is read), prove it (path condition first), write the
 * proof, set bcf_buf_true_size and the flags, and resubmit with bcf_fd.
 * A condition or proof larger than the buffer restarts the load with a
 * larger buffer (up to max_buf_size); proofs already found are reused from
 * a per-load cache, so a restart costs verification time only.  The buffer
 * is never changed under a running load: the kernel may hold its address.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang/error.h"
#include "lang/grow.h"
#include "loader/attr.h"
#include "loader/loader_int.h"

struct cache {
	struct proof_cache_entry *v;
	size_t n, cap;
};

static void cache_free(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].cond);
		free(c->v[i].proof);
	}
	free(c->v);
}

static struct proof_cache_entry *cache_find(struct cache *c, const void *cond, size_t size)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].cond_size == size && !memcmp(c->v[i].cond, cond, size))
			return &c->v[i];
	return NULL;
}

static int cache_add(struct cache *c, const void *cond, size_t size, const void *proof,
		     size_t psize, uint32_t flags)
{
	struct proof_cache_entry *e;

	if (bcf__grow_from((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v), 8))
		return -ENOMEM;
	e = &c->v[c->n];
	e->cond = malloc(size);
	e->proof = malloc(psize ? psize : 1);
	if (!e->cond || !e->proof) {
		free(e->cond);
		free(e->proof);
		return -ENOMEM;
	}
	memcpy(e->cond, cond, size);
	memcpy(e->proof, proof, psize);
	e->cond_size = size;
	e->proof_size = psize;
	e->flags = flags;
	c->n++;
	return 0;
}

static const char *errname(int err)
{
	switch (-err) {
	case EINVAL: return "EINVAL";
	case EACCES: return "EACCES";
	case EPERM: return "EPERM";
	case E2BIG: return "E2BIG";
	case ENOSPC: return "ENOSPC";
	case EBADF: return "EBADF";
	case EFAULT: return "EFAULT";
	case ENOMEM: return "ENOMEM";
	case ENOTSUP: return "ENOTSUP";
	case ESRCH: return "ESRCH";
	case ENOENT: return "ENOENT";
	case 524: return "ENOTSUPP";
	default: return "errno";
	}
}

static int plain_load(struct bcf_loader *l, const void *attr, size_t size,
		      struct bcf_load_result *res)
{
	struct bcf_load_attr a;
	long r;

	memset(&a, 0, sizeof(a));
	memcpy(&a, attr, size);
	r = loader_sys(l, BPF_PROG_LOAD, &a, (unsigned)size);
	if (r >= 0) {
		res->status = BCF_LOAD_PLAIN;
		return (int)r;
	}
	res->err = (int)r;
	res->status = r == -EPERM ? BCF_LOAD_EPERM : BCF_LOAD_REJECTED_NO_COND;
	snprintf(res->detail, sizeof(res->detail), "%s (%s)",
		 r == -EPERM ? "permission denied: loading BPF programs needs CAP_BPF" :
			       "the verifier rejected the program", errname((int)r));
	return (int)r;
}

static void set_status(struct bcf_load_result *res, enum bcf_load_status st, int err,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void set_status(struct bcf_load_result *res, enum bcf_load_status st, int err,
		       const char *fmt, ...)
{
	va_list ap;

	res->status = st;
	res->err = err;
	va_start(ap, fmt);
	vsnprintf(res->detail, sizeof(res->detail), fmt, ap);
	va_end(ap);
}

static uint32_t round_buf(uint32_t need, uint32_t max)
{
	uint64_t s = 4096;

	while (s < need)
		s *= 2;
	return s > max ? max : (uint32_t)s;
}

/* Prove one request; on success the proof (malloc'd), its size and the flags are set. */
static int answer(struct bcf_loader *l, const char *name, unsigned idx, const void *cond,
		  size_t size, struct bcf_load_result *res, void **proof, size_t *psize,
		  uint32_t *flags, bool *stop)
{
	BCF_OPTS(bcf_prove_opts, po, .solver = l->o.solver, .timeout_ms = l->o.timeout_ms);
	BCF_OPTS(bcf_prove_result, pr);
	struct bcf_loader_request rq = { .prog = name, .index = idx, .cond = cond,
					 .cond_size = size };
	struct bcf_cond *c = NULL;
	int err;

	*stop = true;
	err = bcf_cond__decode(cond, size, &c);
	if (err) {
		set_status(res, BCF_LOAD_PROTOCOL, err,
			   "request %u: the kernel's condition (%zu bytes) does not decode: %s", idx,
			   size, bcf_last_error());
		if (l->o.on_request)
			l->o.on_request(l->o.cb_ctx, &rq);
		return err;
	}
	err = bcf_prove(c, &po, &pr);
	bcf_cond__free(c);
	if (err && pr.status != BCF_PROVE_ERROR) {
		pr.status = BCF_PROVE_ERROR;
		snprintf(pr.detail, sizeof(pr.detail), "%s", bcf_last_error());
	}
	res->prove_time_s += pr.time_s;
	switch (pr.status) {
	case BCF_PROVE_PROVEN_PATH:
		*flags = BCF_F_PROOF_PROVIDED | BCF_F_PROOF_PATH_UNREACHABLE;
		*stop = false;
		break;
	case BCF_PROVE_PROVEN_REFINE:
		*flags = BCF_F_PROOF_PROVIDED;
		*stop = false;
		break;
	case BCF_PROVE_SAT:
		set_status(res, BCF_LOAD_REJECTED_SAT, res->err,
			   "request %u: the condition is satisfiable: the program can misbehave",
			   idx);
		free(res->model_text);
		res->model_text = pr.model_text;
		pr.model_text = NULL;
		break;
	case BCF_PROVE_UNPROVABLE:
		set_status(res, BCF_LOAD_REJECTED_UNPROVABLE, res->err,
			   "request %u: unsatisfiable, but no proof within the kernel's rules: %s",
			   idx, pr.detail);
		break;
	case BCF_PROVE_TOO_LARGE:
		set_status(res, BCF_LOAD_NOSPC, res->err,
			   "request %u: every proof found is over the size limit: %s", idx,
			   pr.detail);
		break;
	case BCF_PROVE_UNKNOWN:
		set_status(res, BCF_LOAD_REJECTED_UNKNOWN, res->err,
			   "request %u: the solver gave up: %s", idx,
			   pr.detail[0] ? pr.detail : "unknown");
		break;
	default:
		set_status(res, BCF_LOAD_ERROR, res->err, "request %u: prover error: %s", idx,
			   pr.detail);
		break;
	}
	if (l->o.save_dir) {
		char sname[300];
		int e;

		snprintf(sname, sizeof(sname), "%s-%u", name, idx);
		e = loader_save(l->o.save_dir, sname, cond, size, &pr);
		if (e && !*stop) {
			set_status(res, BCF_LOAD_ERROR, e, "request %u: --save: %s", idx,
				   bcf_last_error());
			*stop = true;
		}
	}
	rq.res = &pr;
	rq.flags = *stop ? 0 : *flags;
	if (l->o.on_request)
		l->o.on_request(l->o.cb_ctx, &rq);
	if (!*stop) {
		*proof = pr.proof;
		*psize = pr.proof_size;
		pr.proof = NULL;
	}
	bcf_prove_result__free(&pr);
	return 0;
}

int bcf_loader__prog_load(struct bcf_loader *l, const char *name, const void *attr,
			  size_t size, struct bcf_load_result *res)
{
	const size_t pre = offsetof(struct bcf_load_attr, bcf_buf);
	struct cache cache = { 0 };
	void **bufs = NULL;
	size_t nbufs = 0, bufs_cap = 0, copy = size < pre ? size : pre;
	uint32_t bufsz = l->o.buf_size;
	unsigned round_requests;
	int kind, ret = 0;

	memset(res, 0, sizeof(*res));
	if (!name)
		name = "prog";
	if (!attr || size < offsetof(struct bcf_load_attr, log_level)) {
		set_status(res, BCF_LOAD_ERROR, -EINVAL, "bpf_attr of %zu bytes is too short", size);
		return bcf__err(-EINVAL, "%s", res->detail);
	}
	if (size > sizeof(struct bcf_load_attr)) {
		size_t i;

		for (i = sizeof(struct bcf_load_attr); i < size; i++)
			if (((const char *)attr)[i]) {
				set_status(res, BCF_LOAD_ERROR, -E2BIG,
					   "bpf_attr byte %zu beyond bcf_flags is not zero", i);
				return bcf__err(-E2BIG, "%s", res->detail);
			}
		size = sizeof(struct bcf_load_attr);
	}
	if (size > pre) {
		size_t i;

		for (i = pre; i < size; i++)
			if (((const char *)attr)[i]) {
				set_status(res, BCF_LOAD_ERROR, -EINVAL,
					   "the caller's attr already has BCF fields set");
				return bcf__err(-EINVAL, "%s", res->detail);
			}
	}
	if (l->o.no_bcf)
		return plain_load(l, attr, size, res);
	kind = bcf_loader__kernel(l);
	if (kind < 0) {
		set_status(res, BCF_LOAD_ERROR, kind, "%s", bcf_last_error());
		return kind;
	}
	res->kernel = kind;
	if (kind == BCF_KERNEL_NO_BCF)
		return plain_load(l, attr, size, res);
	if (kind == BCF_KERNEL_NO_PRIV) {
		set_status(res, BCF_LOAD_EPERM, -EPERM, "%s", l->kernel_detail);
		return -EPERM;
	}

restart:
	{
		struct bcf_load_attr a;
		uint32_t bcf_fd = 0;
		bool answered = false;
		void *buf;

		round_requests = 0;
		res->requests = res->proofs = res->path_proofs = 0;
		res->proof_bytes = 0;
		buf = bcf__grow_from((void **)&bufs, &bufs_cap, nbufs + 1, sizeof(*bufs), 4) ?
			      NULL : calloc(1, bufsz);
		if (!buf) {
			set_status(res, BCF_LOAD_ERROR, -ENOMEM, "out of memory for a %u-byte buffer",
				   bufsz);
			ret = -ENOMEM;
			goto out;
		}
		bufs[nbufs++] = buf;
		memset(&a, 0, sizeof(a));
		memcpy(&a, attr, copy);
		a.bcf_buf = (uintptr_t)buf;
		a.bcf_buf_size = bufsz;
		for (;;) {
			struct proof_cache_entry *ce;
			void *proof = NULL;
			size_t psize = 0;
			uint32_t flags = 0, ts;
			bool stop;
			long r;

			r = loader_sys(l, BPF_PROG_LOAD, &a, sizeof(a));
			if (r >= 0) {
				res->status = res->requests ? BCF_LOAD_PROOFS : BCF_LOAD_PLAIN;
				res->err = 0;
				ret = (int)r;
				goto round_done;
			}
			ret = res->err = (int)r;
			if (a.bcf_fd && !bcf_fd)
				bcf_fd = a.bcf_fd;
			if (r == -ENOSPC && a.bcf_buf_true_size > a.bcf_buf_size) {
				uint32_t need = a.bcf_buf_true_size;

				if (need > l->o.max_buf_size || bufsz >= l->o.max_buf_size) {
					set_status(res, BCF_LOAD_NOSPC, ret,
						   "request %u: the condition of %u bytes exceeds the "
						   "%u-byte buffer limit (ENOSPC)", round_requests + 1,
						   need, l->o.max_buf_size);
					goto round_done;
				}
				bufsz = round_buf(need, l->o.max_buf_size);
				res->restarts++;
				if (bcf_fd)
					close((int)bcf_fd);
				goto restart;
			}
			if (!(a.bcf_flags & BCF_F_PROOF_REQUESTED)) {
				if (answered)
					set_status(res, BCF_LOAD_PROOF_REJECTED, ret,
						   "the kernel refused the load after proof %u (%s): "
						   "the proof was rejected or verification failed after it",
						   round_requests, errname(ret));
				else if (r == -EPERM)
					set_status(res, BCF_LOAD_EPERM, ret,
						   "permission denied (EPERM): BCF needs CAP_BPF");
				else
					set_status(res, BCF_LOAD_REJECTED_NO_COND, ret,
						   "the verifier rejected the program without a proof "
						   "request (%s)", errname(ret));
				goto round_done;
			}
			round_requests++;
			res->requests = round_requests;
			if (round_requests > l->o.max_requests) {
				set_status(res, BCF_LOAD_ERROR, ret, "more than %u proof requests",
					   l->o.max_requests);
				goto round_done;
			}
			if (!bcf_fd) {
				set_status(res, BCF_LOAD_PROTOCOL, ret,
					   "request %u: the kernel requested a proof without a bcf_fd",
					   round_requests);
				goto round_done;
			}
			ts = a.bcf_buf_true_size;
			if (ts < 8 || ts > a.bcf_buf_size || ts % 4) {
				set_status(res, BCF_LOAD_PROTOCOL, ret,
					   "request %u: invalid bcf_buf_true_size %u (buffer %u bytes; "
					   "must be >= 8, a multiple of 4, within the buffer)",
					   round_requests, ts, a.bcf_buf_size);
				goto round_done;
			}
			ce = cache_find(&cache, buf, ts);
			if (ce) {
				struct bcf_loader_request rq = {
					.prog = name, .index = round_requests, .cond = buf,
					.cond_size = ts, .flags = ce->flags, .cached = true,
				};

				if (l->o.on_request)
					l->o.on_request(l->o.cb_ctx, &rq);
				proof = ce->proof;
				psize = ce->proof_size;
				flags = ce->flags;
			} else {
				int e = answer(l, name, round_requests, buf, ts, res, &proof, &psize,
					       &flags, &stop);

				if (e || stop) {
					if (res->err == 0)
						res->err = ret;
					goto round_done;
				}
				e = cache_add(&cache, buf, ts, proof, psize, flags);
				free(proof);
				if (e) {
					set_status(res, BCF_LOAD_ERROR, e, "out of memory");
					goto round_done;
				}
				ce = &cache.v[cache.n - 1];
				proof = ce->proof;
			}
			if (psize > a.bcf_buf_size) {
				if (psize > l->o.max_buf_size) {
					set_status(res, BCF_LOAD_NOSPC, -ENOSPC,
						   "request %u: the proof of %zu bytes exceeds the "
						   "%u-byte buffer limit", round_requests, psize,
						   l->o.max_buf_size);
					goto round_done;
				}
				bufsz = round_buf((uint32_t)psize, l->o.max_buf_size);
				res->restarts++;
				if (bcf_fd)
					close((int)bcf_fd);
				goto restart;
			}
			memcpy(buf, proof, psize);
			a.bcf_buf_true_size = (uint32_t)psize;
			a.bcf_flags = flags;
			a.bcf_fd = bcf_fd;
			res->proofs++;
			if (flags & BCF_F_PROOF_PATH_UNREACHABLE)
				res->path_proofs++;
			res->proof_bytes += psize;
			answered = true;
		}
round_done:
		if (bcf_fd)
			close((int)bcf_fd);
	}
out:
	while (nbufs)
		free(bufs[--nbufs]);
	free(bufs);
	cache_free(&cache);
	if (ret < 0 && res->status == BCF_LOAD_PLAIN)
		res->status = BCF_LOAD_ERROR;
	if (ret < 0)
		bcf__err(ret, "%s", res->detail);
	return ret;
}
