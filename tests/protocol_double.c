// SPDX-License-Identifier: MIT
/*
 * The protocol double (see tests/protocol_double.h).
 *
 * Script format (one directive per line, '#' comments):
 *   kernel bcf|stock|stock-new|bcf-nocap|nopriv
 *   prog NAME plain=ok|reject final=ok|reject [unsupported]
 *   msg NAME TEXT...              the verifier message of NAME's rejections
 *   step NAME FILE[,FILE...] [trunc|badsize|reject|nofd|huge]
 * A step with several files is one batched request (spec/format.md 4.5):
 * the path conditions of all but the last (which must be path-only) are
 * joined in a bool_disj B; the request's path_cond becomes disj(B, path)
 * and its refine_cond disj(B, refine) (or B alone when the last file is
 * path-only too).  FILE is a .cond buffer or a .smt2 script.
 * Unknown program names (libbpf's feature probes) are accepted.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/bpf.h>

#include <bcf/bcf.h>

#include "lang/expr.h"
#include "lang/fileio.h"
#include "loader/attr.h"
#include "tests/protocol_double.h"

#define STOCK_ATTR_SIZE 144

struct handed {
	int rfd, wfd;
	bool is_bcf;
};

struct env {
	int wfd;                 /* the bcf_fd handed out */
	const struct dbl_prog *p;
	unsigned step;           /* step whose request is outstanding */
	uint32_t *cond;          /* the request as sent */
	size_t cond_size;
	bool live;
};

struct dbl {
	enum dbl_kernel kind;
	struct dbl_prog *progs;
	size_t nprogs;
	struct env *envs;
	size_t nenvs;
	struct handed *fds;
	size_t nfds;
	bool busy;
	struct dbl_stats st;
	char log[1024];
};

struct dbl *dbl_new(enum dbl_kernel k)
{
	struct dbl *d = calloc(1, sizeof(*d));

	if (d)
		d->kind = k;
	return d;
}

void dbl_free(struct dbl *d)
{
	size_t i;
	unsigned k;

	if (!d)
		return;
	for (i = 0; i < d->nprogs; i++)
		for (k = 0; k < d->progs[i].nsteps; k++) {
			unsigned c;

			for (c = 0; c < d->progs[i].steps[k].ncond; c++)
				free(d->progs[i].steps[k].cond[c]);
		}
	for (i = 0; i < d->nenvs; i++)
		free(d->envs[i].cond);
	for (i = 0; i < d->nfds; i++)
		close(d->fds[i].rfd);
	free(d->progs);
	free(d->envs);
	free(d->fds);
	free(d);
}

void dbl_prog_free(struct dbl_prog *p)
{
	unsigned k, c;

	for (k = 0; k < p->nsteps; k++)
		for (c = 0; c < p->steps[k].ncond; c++)
			free(p->steps[k].cond[c]);
	p->nsteps = 0;
}

int dbl_add_prog(struct dbl *d, const struct dbl_prog *p)
{
	struct dbl_prog *v = realloc(d->progs, (d->nprogs + 1) * sizeof(*v));
	unsigned k, c;

	if (!v)
		return -ENOMEM;
	d->progs = v;
	v[d->nprogs] = *p;
	for (k = 0; k < p->nsteps; k++)
		for (c = 0; c < p->steps[k].ncond; c++) {
			void *b = malloc(p->steps[k].cond_size[c]);

			if (!b)
				return -ENOMEM;
			memcpy(b, p->steps[k].cond[c], p->steps[k].cond_size[c]);
			v[d->nprogs].steps[k].cond[c] = b;
		}
	d->nprogs++;
	return 0;
}

void dbl_set_kernel(struct dbl *d, enum dbl_kernel k)
{
	d->kind = k;
}

void dbl_set_busy(struct dbl *d, bool busy)
{
	d->busy = busy;
}

const struct dbl_stats *dbl_stats(const struct dbl *d)
{
	return &d->st;
}

const char *dbl_last_log(const struct dbl *d)
{
	return d->log;
}

unsigned dbl_open_fds(struct dbl *d)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < d->nfds; i++) {
		struct pollfd p = { .fd = d->fds[i].rfd, .events = POLLIN };

		if (poll(&p, 1, 0) == 0 || !(p.revents & POLLHUP))
			n++;
	}
	return n;
}

/* A new fd for the caller: the write end of a pipe whose read end we keep. */
static long new_fd(struct dbl *d, bool is_bcf)
{
	struct handed *v;
	int p[2];

	v = realloc(d->fds, (d->nfds + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	d->fds = v;
	if (pipe2(p, O_CLOEXEC))
		return -errno;
	v[d->nfds].rfd = p[0];
	v[d->nfds].wfd = p[1];
	v[d->nfds].is_bcf = is_bcf;
	d->nfds++;
	if (is_bcf)
		d->st.bcf_fds++;
	return p[1];
}

static long violation(struct dbl *d, long err, const char *why)
{
	d->st.violations++;
	snprintf(d->st.last_violation, sizeof(d->st.last_violation), "%s", why);
	return err;
}

static void put_log(struct dbl *d, const struct bcf_load_attr *a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void put_log(struct dbl *d, const struct bcf_load_attr *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->log, sizeof(d->log), fmt, ap);
	va_end(ap);
	if (a->log_level && a->log_buf && a->log_size) {
		size_t n = strlen(d->log);

		if (n >= a->log_size)
			n = a->log_size - 1;
		memcpy((char *)(uintptr_t)a->log_buf, d->log, n);
		((char *)(uintptr_t)a->log_buf)[n] = '\0';
	}
}

static const struct dbl_prog *find_prog(struct dbl *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nprogs; i++)
		if (!strncmp(d->progs[i].name, name, 15) && name[0])
			return &d->progs[i];
	return NULL;
}

/* ---- batching: merge conditions into one arena ------------------------ */

static int copy_nodes(struct bcf_arena *dst, const struct bcf_arena *src, uint32_t *map)
{
	uint32_t nw, i;
	const uint32_t *w = bcf_arena__words(src, &nw);
	int err = 0;

	for (i = 0; i < nw && !err; i += (w[i] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&w[i];
		uint32_t args[256], k;

		if (bcf_is_var(e)) {
			err = bcf_arena__var(dst, BCF_TYPE(e->code), BCF_EXPR_LOW(e->params), NULL,
					     &map[i]);
			continue;
		}
		for (k = 0; k < e->vlen; k++)
			args[k] = e->code == BCF_BV_VAL ? e->args[k] : map[e->args[k]];
		err = bcf_arena__node(dst, e->code, e->params, args, e->vlen, &map[i]);
	}
	return err;
}

static int disj(struct bcf_arena *a, uint32_t x, uint32_t y, uint32_t *out)
{
	uint32_t args[2] = { x, y };

	return bcf_arena__node(a, BCF_BOOL_DISJ, 0, args, 2, out);
}

/* The request of a step, encoded (malloc'd). */
static int step_request(const struct dbl_step *s, uint32_t **buf, size_t *size)
{
	struct bcf_cond out = { .path_cond = BCF_COND_NONE, .refine_cond = BCF_COND_NONE };
	uint32_t bargs[DBL_MAX_BATCH], nb = 0, b = BCF_COND_NONE;
	unsigned i;
	int err = 0;

	if (s->ncond == 1) {
		*buf = malloc(s->cond_size[0]);
		if (!*buf)
			return -ENOMEM;
		memcpy(*buf, s->cond[0], s->cond_size[0]);
		*size = s->cond_size[0];
		return 0;
	}
	out.arena = bcf_arena__new();
	if (!out.arena)
		return -ENOMEM;
	for (i = 0; i < s->ncond && !err; i++) {
		struct bcf_cond *c = NULL;
		uint32_t nw, *map;
		bool last = i == s->ncond - 1;

		err = bcf_cond__decode(s->cond[i], s->cond_size[i], &c);
		if (err)
			break;
		bcf_arena__words(c->arena, &nw);
		map = calloc(nw + 1, sizeof(*map));
		err = map ? copy_nodes(out.arena, c->arena, map) : -ENOMEM;
		if (!err && !last) {
			if (c->refine_cond != BCF_COND_NONE || c->path_cond == BCF_COND_NONE)
				err = -EINVAL; /* only path-only requests are batched */
			else
				bargs[nb++] = map[c->path_cond];
		} else if (!err) {
			if (c->refine_cond == BCF_COND_NONE && c->path_cond != BCF_COND_NONE) {
				bargs[nb++] = map[c->path_cond];
			} else {
				out.path_cond = c->path_cond == BCF_COND_NONE ? BCF_COND_NONE :
									  map[c->path_cond];
				out.refine_cond = map[c->refine_cond];
			}
		}
		free(map);
		bcf_cond__free(c);
	}
	if (!err)
		err = nb == 1 ? (b = bargs[0], 0) :
			bcf_arena__node(out.arena, BCF_BOOL_DISJ, 0, bargs, nb, &b);
	if (!err) {
		if (out.path_cond == BCF_COND_NONE && out.refine_cond == BCF_COND_NONE) {
			out.path_cond = b;
		} else {
			if (out.path_cond != BCF_COND_NONE)
				err = disj(out.arena, b, out.path_cond, &out.path_cond);
			else
				out.path_cond = b;
			if (!err)
				err = disj(out.arena, b, out.refine_cond, &out.refine_cond);
		}
	}
	if (!err)
		err = bcf_cond__encode(&out, (void **)buf, size);
	bcf_arena__free(out.arena);
	return err;
}

/* ---- BPF_PROG_LOAD ---------------------------------------------------- */

static long finish(struct dbl *d, struct env *e, const struct dbl_prog *p,
		   const struct bcf_load_attr *a)
{
	if (e)
		e->live = false;
	if (p->final_ok) {
		long fd = new_fd(d, false);

		if (fd >= 0)
			d->st.prog_fds++;
		put_log(d, a, "processed %u insns (limit 1000000)\n", 10 + 3 * p->nsteps);
		return fd;
	}
	put_log(d, a, "0: (b7) r0 = 0\n%s\nprocessed 7 insns (limit 1000000)\n",
		p->final_msg[0] ? p->final_msg : "invalid access");
	return -(p->final_err ? p->final_err : EACCES);
}

/* Issue the request of e's current step, or the final verdict. */
static long request(struct dbl *d, struct env *e, struct bcf_load_attr *a, bool first)
{
	const struct dbl_step *s;
	uint32_t *buf = NULL;
	size_t size = 0;
	int err;

	if (e->step >= e->p->nsteps)
		return finish(d, e, e->p, a);
	s = &e->p->steps[e->step];
	err = step_request(s, &buf, &size);
	if (err) {
		e->live = false;
		put_log(d, a, "double: step %u of %s does not build (%d)\n", e->step, e->p->name,
			err);
		return err;
	}
	free(e->cond);
	e->cond = buf;
	e->cond_size = size;
	a->bcf_buf_true_size = s->fault == DBL_HUGE ? 16u << 20 : (uint32_t)size;
	if (a->bcf_buf_true_size > a->bcf_buf_size) {
		d->st.nospc++;
		e->live = false;
		put_log(d, a, "bcf: condition of %u bytes exceeds the buffer\n",
			a->bcf_buf_true_size);
		return -ENOSPC;
	}
	memcpy((void *)(uintptr_t)a->bcf_buf, buf, size);
	if (s->fault == DBL_TRUNC)
		a->bcf_buf_true_size = (uint32_t)size - 8;
	else if (s->fault == DBL_BADSIZE)
		a->bcf_buf_true_size = 6;
	a->bcf_flags = BCF_F_PROOF_REQUESTED;
	if (first && s->fault != DBL_NOFD)
		a->bcf_fd = (uint32_t)e->wfd;
	d->st.requests++;
	put_log(d, a, "0: (b7) r0 = 0\n%s\nbcf requested, request %u\n",
		e->p->plain_msg[0] ? e->p->plain_msg : "invalid access", e->step + 1);
	return -EACCES;
}

static struct env *find_env(struct dbl *d, uint32_t fd)
{
	size_t i;

	for (i = 0; i < d->nenvs; i++)
		if (d->envs[i].live && (uint32_t)d->envs[i].wfd == fd)
			return &d->envs[i];
	return NULL;
}

static long resume(struct dbl *d, struct bcf_load_attr *a)
{
	BCF_OPTS(bcf_check_opts, co, .mode = BCF_CHECK_KERNEL_COMPAT);
	BCF_OPTS(bcf_check_stats, cs);
	const struct dbl_step *s;
	struct env *e;
	uint32_t nw, goal;
	int err;

	if (fcntl((int)a->bcf_fd, F_GETFD) < 0)
		return violation(d, -EBADF, "resume: bcf_fd is not an open fd");
	e = find_env(d, a->bcf_fd);
	if (!e)
		return violation(d, -EINVAL, "resume: bcf_fd is not a BCF fd");
	if (d->busy)
		return violation(d, -EINVAL, "resume: the saved state is already being resumed");
	nw = (uint32_t)(e->cond_size / 4) - 2;
	goal = a->bcf_flags & BCF_F_PROOF_PATH_UNREACHABLE ? e->cond[nw] : e->cond[nw + 1];
	if (goal == BCF_COND_NONE)
		return violation(d, -EINVAL, "resume: the selected condition is -1");
	s = &e->p->steps[e->step];
	co.stats = &cs;
	err = bcf_check_proof(e->cond, nw, goal, (const void *)(uintptr_t)a->bcf_buf,
			      a->bcf_buf_true_size, &co);
	if (!err && s->fault == DBL_REJECT) {
		err = -EINVAL;
		snprintf(cs.reason, sizeof(cs.reason), "rejected by the double (fault 'reject')");
	}
	if (err) {
		d->st.proofs_bad++;
		snprintf(d->st.last_check, sizeof(d->st.last_check), "%s", cs.reason);
		e->live = false;
		put_log(d, a, "bcf: proof check failed: %s\n", cs.reason);
		return err;
	}
	d->st.proofs_ok++;
	e->step++;
	a->bcf_flags = 0;
	a->bcf_buf_true_size = 0;
	return request(d, e, a, false);
}

static long prog_load(struct dbl *d, void *uattr, unsigned size)
{
	struct bcf_load_attr a;
	const struct dbl_prog *p;
	unsigned i, limit;
	long r;

	d->st.prog_loads++;
	d->log[0] = '\0';
	limit = d->kind == DBL_STOCK ? STOCK_ATTR_SIZE : sizeof(a);
	for (i = limit; i < size; i++)
		if (((const char *)uattr)[i])
			return -E2BIG;
	memset(&a, 0, sizeof(a));
	memcpy(&a, uattr, size < sizeof(a) ? size : sizeof(a));
	if (d->kind == DBL_STOCK_NEW)
		for (i = offsetof(struct bcf_load_attr, bcf_buf); i < sizeof(a); i++)
			if (((const char *)&a)[i])
				return -EINVAL;
	if (d->kind == DBL_NOPRIV)
		return -EPERM;
	if (d->kind == DBL_BCF || d->kind == DBL_BCF_NOCAP) {
		bool provided = a.bcf_flags & BCF_F_PROOF_PROVIDED;

		if (!a.bcf_buf != !a.bcf_buf_size)
			return violation(d, -EINVAL, "bcf_buf and bcf_buf_size not both zero or "
					 "both non-zero");
		if (a.bcf_flags & ~(uint32_t)(BCF_F_PROOF_PROVIDED | BCF_F_PROOF_PATH_UNREACHABLE))
			return violation(d, -EINVAL, "bcf_flags has a bit other than PROVIDED/"
					 "PATH_UNREACHABLE");
		if (provided && (a.bcf_buf_true_size > a.bcf_buf_size || !a.bcf_buf_size))
			return violation(d, -EINVAL, "PROVIDED with bcf_buf_true_size > "
					 "bcf_buf_size or bcf_buf_size == 0");
		if (!provided && (a.bcf_fd || a.bcf_buf_true_size || a.bcf_flags))
			return violation(d, -EINVAL, "PROVIDED not set but bcf_fd, "
					 "bcf_buf_true_size or bcf_flags non-zero");
		if (!provided && a.bcf_buf && d->kind == DBL_BCF_NOCAP)
			return -EPERM;
		if (provided) {
			r = resume(d, &a);
			goto out;
		}
	}
	p = find_prog(d, a.prog_name);
	if (!p) {
		r = new_fd(d, false);
		goto out;
	}
	if (p->unsupported) {
		r = -EINVAL; /* e.g. a program type this kernel does not know: no log */
		goto out;
	}
	if (!a.bcf_buf || d->kind != DBL_BCF) {
		/* a plain load: the stock verifier's verdict */
		if (p->plain_ok) {
			r = new_fd(d, false);
			if (r >= 0)
				d->st.prog_fds++;
			put_log(d, &a, "processed 10 insns (limit 1000000)\n");
		} else {
			put_log(d, &a, "0: (b7) r0 = 0\n%s\nprocessed 7 insns (limit 1000000)\n",
				p->plain_msg[0] ? p->plain_msg : "invalid access");
			r = -(p->plain_err ? p->plain_err : EACCES);
		}
		goto out;
	}
	if (!p->nsteps) {
		r = finish(d, NULL, p, &a);
		goto out;
	}
	{
		struct env *v = realloc(d->envs, (d->nenvs + 1) * sizeof(*v));
		long fd;

		if (!v)
			return -ENOMEM;
		d->envs = v;
		fd = new_fd(d, true);
		if (fd < 0)
			return fd;
		memset(&v[d->nenvs], 0, sizeof(*v));
		v[d->nenvs].wfd = (int)fd;
		v[d->nenvs].p = p;
		v[d->nenvs].live = true;
		d->nenvs++;
		r = request(d, &v[d->nenvs - 1], &a, true);
		if (!a.bcf_fd)
			v[d->nenvs - 1].live = false, close((int)fd);
	}
out:
	/* write back what the kernel writes: the BCF fields */
	if (size >= sizeof(a))
		memcpy((char *)uattr + BCF_ATTR_OFF_BUF, &a.bcf_buf,
		       sizeof(a) - BCF_ATTR_OFF_BUF);
	return r;
}

/* ---- the other commands libbpf uses ------------------------------------ */

long dbl_bpf(struct dbl *d, int cmd, void *attr, unsigned int size)
{
	long fd;

	switch (cmd) {
	case BPF_PROG_LOAD:
		return prog_load(d, attr, size);
	case BPF_MAP_CREATE: {
		const union bpf_attr *u = attr;

		if (d->kind == DBL_NOPRIV)
			return -EPERM;
		if (size >= offsetof(union bpf_attr, map_flags) + 4 &&
		    (u->map_flags & BPF_F_MMAPABLE))
			return -EINVAL; /* no mmap-able arrays: libbpf then writes with updates */
		fd = new_fd(d, false);
		if (fd >= 0)
			d->st.maps++;
		return fd;
	}
	case BPF_BTF_LOAD:
		return d->kind == DBL_NOPRIV ? -EPERM : new_fd(d, false);
	case BPF_MAP_UPDATE_ELEM:
	case BPF_MAP_FREEZE:
	case BPF_PROG_BIND_MAP:
		return 0;
	case BPF_MAP_LOOKUP_ELEM:
	case BPF_MAP_DELETE_ELEM:
	case BPF_MAP_GET_NEXT_KEY:
	case BPF_OBJ_GET:
		return -ENOENT;
	case BPF_OBJ_PIN: {
		const union bpf_attr *u = attr;
		int f = open((const char *)(uintptr_t)u->pathname,
			     O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

		if (f < 0)
			return -errno;
		close(f);
		d->st.pins++;
		return 0;
	}
	default:
		return -EINVAL;
	}
}

long dbl_sys_bpf(int cmd, void *attr, unsigned int size, void *ctx)
{
	return dbl_bpf(ctx, cmd, attr, size);
}

/* ---- scripts ------------------------------------------------------------ */

int dbl_read_cond(const char *path, void **buf, size_t *size)
{
	size_t n = strlen(path), len;
	char *raw;
	int err = bcf__file_read(path, 64u << 20, &raw, &len);

	if (err)
		return err;
	if (n > 5 && !strcmp(path + n - 5, ".smt2")) {
		struct bcf_cond *c = NULL;

		err = bcf_smt2__parse(raw, len, path, &c);
		free(raw);
		if (!err)
			err = bcf_cond__encode(c, buf, size);
		bcf_cond__free(c);
		return err;
	}
	*buf = raw;
	*size = len;
	return 0;
}

static struct dbl_prog *script_prog(struct dbl_prog *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i].name, name))
			return &v[i];
	return NULL;
}

int dbl_load_script(struct dbl *d, const char *path, char *errbuf, size_t errsz)
{
	FILE *f = fopen(path, "r");
	struct dbl_prog *progs = NULL;
	char *line = NULL, dir[4096];
	const char *slash = strrchr(path, '/');
	size_t cap = 0, n = 0, i;
	unsigned lineno = 0;
	int err = 0;

	if (!f) {
		snprintf(errbuf, errsz, "%s: %s", path, strerror(errno));
		return -errno;
	}
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	while (!err && getline(&line, &cap, f) >= 0) {
		char *save = NULL, *kw, *name;
		struct dbl_prog *p;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		kw = strtok_r(line, " \t", &save);
		if (!kw || kw[0] == '#')
			continue;
		if (!strcmp(kw, "kernel")) {
			const char *k = strtok_r(NULL, " \t", &save);

			if (k && !strcmp(k, "bcf"))
				d->kind = DBL_BCF;
			else if (k && !strcmp(k, "stock"))
				d->kind = DBL_STOCK;
			else if (k && !strcmp(k, "stock-new"))
				d->kind = DBL_STOCK_NEW;
			else if (k && !strcmp(k, "bcf-nocap"))
				d->kind = DBL_BCF_NOCAP;
			else if (k && !strcmp(k, "nopriv"))
				d->kind = DBL_NOPRIV;
			else
				err = -EINVAL;
			continue;
		}
		name = strtok_r(NULL, " \t", &save);
		if (!name) {
			err = -EINVAL;
			break;
		}
		p = script_prog(progs, n, name);
		if (!strcmp(kw, "prog")) {
			char *opt;
			struct dbl_prog *v;

			if (p) {
				err = -EEXIST;
				break;
			}
			v = realloc(progs, (n + 1) * sizeof(*v));
			if (!v) {
				err = -ENOMEM;
				break;
			}
			progs = v;
			p = &progs[n++];
			memset(p, 0, sizeof(*p));
			snprintf(p->name, sizeof(p->name), "%s", name);
			p->final_ok = true;
			while ((opt = strtok_r(NULL, " \t", &save))) {
				if (!strcmp(opt, "plain=ok"))
					p->plain_ok = true;
				else if (!strcmp(opt, "plain=reject"))
					p->plain_ok = false;
				else if (!strcmp(opt, "final=ok"))
					p->final_ok = true;
				else if (!strcmp(opt, "final=reject"))
					p->final_ok = false;
				else if (!strcmp(opt, "unsupported"))
					p->unsupported = true;
				else
					err = -EINVAL;
			}
		} else if (!p) {
			err = -ENOENT;
		} else if (!strcmp(kw, "msg")) {
			const char *rest = save ? save : "";

			snprintf(p->plain_msg, sizeof(p->plain_msg), "%s", rest);
			snprintf(p->final_msg, sizeof(p->final_msg), "%s", rest);
		} else if (!strcmp(kw, "step")) {
			char *files = strtok_r(NULL, " \t", &save), *fault, *fsave = NULL, *fp;
			struct dbl_step *s;

			if (!files || p->nsteps == DBL_MAX_STEPS) {
				err = -EINVAL;
				break;
			}
			s = &p->steps[p->nsteps++];
			fault = strtok_r(NULL, " \t", &save);
			if (!fault)
				s->fault = DBL_OK;
			else if (!strcmp(fault, "trunc"))
				s->fault = DBL_TRUNC;
			else if (!strcmp(fault, "badsize"))
				s->fault = DBL_BADSIZE;
			else if (!strcmp(fault, "reject"))
				s->fault = DBL_REJECT;
			else if (!strcmp(fault, "nofd"))
				s->fault = DBL_NOFD;
			else if (!strcmp(fault, "huge"))
				s->fault = DBL_HUGE;
			else
				err = -EINVAL;
			for (fp = strtok_r(files, ",", &fsave); fp && !err;
			     fp = strtok_r(NULL, ",", &fsave)) {
				char full[8192];

				if (s->ncond == DBL_MAX_BATCH) {
					err = -E2BIG;
					break;
				}
				snprintf(full, sizeof(full), "%s%s%s", fp[0] == '/' ? "" : dir,
					 fp[0] == '/' ? "" : "/", fp);
				err = dbl_read_cond(full, &s->cond[s->ncond], &s->cond_size[s->ncond]);
				if (!err)
					s->ncond++;
				else
					snprintf(errbuf, errsz, "%s:%u: %s: %s", path, lineno, full,
						 strerror(-err));
			}
			if (err)
				break;
		} else {
			err = -EINVAL;
		}
	}
	if (err && !errbuf[0])
		snprintf(errbuf, errsz, "%s:%u: bad directive (%s)", path, lineno, strerror(-err));
	free(line);
	fclose(f);
	for (i = 0; i < n && !err; i++)
		err = dbl_add_prog(d, &progs[i]);
	for (i = 0; i < n; i++) {
		unsigned k, c;

		for (k = 0; k < progs[i].nsteps; k++)
			for (c = 0; c < progs[i].steps[k].ncond; c++)
				free(progs[i].steps[k].cond[c]);
	}
	free(progs);
	return err;
}
