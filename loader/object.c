// SPDX-License-Identifier: MIT
/*
 * BPF objects through Debian's libbpf (1.1, unpatched): libbpf parses the
 * ELF, loads BTF, creates maps and relocates; the BPF_PROG_LOAD of the
 * program is taken over by bcf_loader__sys_hook(), which the executable
 * calls from its syscall() (libbpf issues bpf() as syscall(__NR_bpf, ...)).
 * Every program gets its own open/load cycle with only itself autoloaded:
 * results are per program, and when a load fails libbpf closes (and
 * unpins) the maps it created, so nothing of a failed load is left.
 * libbpf's own feature probes pass through the hook unchanged.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "lang/error.h"
#include "lang/fileio.h"
#include "lang/grow.h"
#include "lang/opts.h"
#include "loader/attr.h"
#include "loader/loader_int.h"
#include "loader/object_check.h"
#include "lang/clock.h"

struct hook_arm {
	struct bcf_loader *l;
	const char *label;
	char name[16];             /* as libbpf passes it: at most 15 bytes */
	uint32_t prog_type;
	struct bcf_load_result *res;
	unsigned calls;            /* BPF_PROG_LOADs of the program taken over */
	unsigned long nbpf;        /* every bpf() the hook saw */
};

static __thread struct hook_arm *armed;
static __thread bool in_hook;

bool bcf_loader__sys_hook(long cmd, void *attr, unsigned long size, long *ret)
{
	const struct bcf_load_attr *a = attr;
	struct hook_arm *h = armed;

	if (!h)
		return false;
	h->nbpf++;
	if (in_hook || cmd != BPF_PROG_LOAD || !attr ||
	    size < offsetof(struct bcf_load_attr, prog_ifindex))
		return false;
	if (a->prog_type != h->prog_type || strncmp(a->prog_name, h->name, sizeof(h->name)))
		return false;
	in_hook = true;
	bcf_load_result__free(h->res);
	*ret = bcf_loader__prog_load(h->l, h->label, attr, size > sizeof(*a) ? sizeof(*a) : size,
				     h->res);
	in_hook = false;
	h->calls++;
	return true;
}

/* libbpf's messages during one load: the last warnings, for error details. */
static __thread char libbpf_msg[512];

static int capture_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char line[512];
	size_t n;

	if (level != LIBBPF_WARN)
		return 0;
	vsnprintf(line, sizeof(line), fmt, ap);
	n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == ' '))
		line[--n] = '\0';
	if (n)
		snprintf(libbpf_msg, sizeof(libbpf_msg), "%s", line);
	return 0;
}

static struct bpf_object *open_obj(const char *path)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);

	if (!obj || libbpf_get_error(obj)) {
		int err = obj ? (int)libbpf_get_error(obj) : -errno;

		if (!err)
			err = -EINVAL;
		errno = -err;
		return NULL;
	}
	return obj;
}

/*
 * In the probe child: read back what the loader will use of an opened
 * object (every program's name, section, type and instructions; every map's
 * name, type and sizes), because libbpf 1.1 can also crash after a
 * successful open, walking a program list it built wrongly (fuzz/fuzz_bpf.c,
 * tests/test_loader_parse.c).  Returns the child's exit status: 0.
 */
static int probe_walk(struct bpf_object *obj)
{
	volatile unsigned long sink = 0;
	struct bpf_program *p;
	struct bpf_map *m;

	bpf_object__for_each_program(p, obj) {
		const struct bpf_insn *insn = bpf_program__insns(p);
		size_t k, cnt = bpf_program__insn_cnt(p);
		const char *name = bpf_program__name(p), *sec = bpf_program__section_name(p);

		for (k = 0; k < cnt; k++)
			sink += insn[k].code;
		sink += (name ? strlen(name) : 0) + (sec ? strlen(sec) : 0) + bpf_program__type(p);
	}
	bpf_object__for_each_map(m, obj) {
		const char *name = bpf_map__name(m);

		sink += (name ? strlen(name) : 0) + bpf_map__type(m) + bpf_map__key_size(m) +
			bpf_map__value_size(m);
	}
	bpf_object__close(obj);
	(void)sink;
	return 0;
}

/*
 * libbpf's ELF parser is not robust against malformed objects: Debian's
 * libbpf 1.1 segfaults inside bpf_object__open_mem/open_file on some, and
 * follows a loop of BTF modifiers forever on others (found by
 * fuzz/fuzz_bpf.c, regression tests in tests/test_loader_parse.c).  bcf
 * validates the object's structure itself first, in process
 * (loader/object_check.c); an object that passes is opened once in a child
 * process, so that a crash of libbpf on what the validation does not cover
 * becomes an error here instead of killing bcf, and a hang becomes one after
 * timeout_ms (the child is killed; it also dies with its parent).
 */
int bcf_loader__object_probe(const char *path, unsigned timeout_ms)
{
	int64_t deadline = bcf__deadline(timeout_ms);
	unsigned nap_us = 100;
	pid_t parent = getpid(), pid, r;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return bcf__err(-errno, "%s: cannot fork to probe the object: %s", path,
				strerror(errno));
	if (!pid) {
		struct bpf_object *obj;

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent) /* the parent died before prctl() */
			_exit(3);
		obj = bpf_object__open_file(path, NULL);
		/* 0: opened, 3: refused cleanly; anything else (a signal, or a
		 * sanitizer's report and exit) means libbpf crashed */
		if (!obj || libbpf_get_error(obj))
			_exit(3);
		_exit(probe_walk(obj));
	}
	while ((r = waitpid(pid, &st, WNOHANG)) != pid) {
		if (r < 0 && errno != EINTR)
			return bcf__err(-errno, "%s: waiting for the object probe: %s", path,
					strerror(errno));
		if (bcf__past(deadline)) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
			return bcf__err(-EINVAL, "%s: libbpf did not finish opening the object in "
					"%u ms (probe killed); refusing it", path, timeout_ms);
		}
		usleep(nap_us);
		if (nap_us < 20000)
			nap_us *= 2;
	}
	if (WIFSIGNALED(st))
		return bcf__err(-EINVAL, "%s: libbpf crashed parsing the object (signal %d, %s); "
				"refusing it", path, WTERMSIG(st), strsignal(WTERMSIG(st)));
	if (!WIFEXITED(st) || (WEXITSTATUS(st) != 0 && WEXITSTATUS(st) != 3))
		return bcf__err(-EINVAL, "%s: libbpf crashed parsing the object (probe exit %d); "
				"refusing it", path, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	return 0;
}

/* the object's structure, in process, before libbpf sees it */
static int validate(const char *path)
{
	char *buf;
	size_t len;
	int err;

	err = bcf__file_read(path, BCF_OBJECT_MAX_SIZE, &buf, &len);
	if (err)
		return bcf__err(err, "%s: cannot read the BPF object: %s", path, strerror(-err));
	err = bcf_loader__object_check(buf, len, path);
	free(buf);
	return err;
}

int bcf_loader__object_progs(const char *path, char ***names, size_t *n)
{
	libbpf_print_fn_t old = libbpf_set_print(capture_print);
	struct bpf_program *p;
	struct bpf_object *obj;
	size_t cnt = 0, cap = 0;
	char **v = NULL;
	int err = 0;

	*names = NULL;
	*n = 0;
	err = validate(path);
	if (!err)
		err = bcf_loader__object_probe(path, BCF_OBJECT_PROBE_MS);
	if (err) {
		libbpf_set_print(old);
		return err;
	}
	libbpf_msg[0] = '\0';
	obj = open_obj(path);
	libbpf_set_print(old);
	if (!obj) {
		err = -errno;
		return bcf__err(err, "%s: cannot open the BPF object: %s%s%s", path,
				strerror(-err), libbpf_msg[0] ? ": " : "", libbpf_msg);
	}
	bpf_object__for_each_program(p, obj) {
		if (bcf__grow_from((void **)&v, &cap, cnt + 1, sizeof(*v), 8) ||
		    !(v[cnt] = strdup(bpf_program__name(p)))) {
			err = -ENOMEM;
			break;
		}
		cnt++;
	}
	bpf_object__close(obj);
	if (err) {
		while (cnt)
			free(v[--cnt]);
		free(v);
		return err;
	}
	*names = v;
	*n = cnt;
	return 0;
}

/*
 * The verifier's message: the last log line that is not a statistic, nor one
 * of the lines the BCF kernel prints after the error ("bcf refine: ptr ...",
 * a debug line of the 7.2 port, and "bcf requested, try to ...").
 */
static void verifier_msg(const char *log, char *out, size_t size)
{
	const char *end, *s;

	out[0] = '\0';
	if (!log)
		return;
	end = log + strlen(log);
	while (end > log) {
		const char *e = end;

		while (e > log && (e[-1] == '\n' || e[-1] == ' '))
			e--;
		s = e;
		while (s > log && s[-1] != '\n')
			s--;
		if (e > s && strncmp(s, "processed ", 10) && strncmp(s, "verification time", 17) &&
		    strncmp(s, "stack depth", 11) && strncmp(s, "mark_precise", 12) &&
		    strncmp(s, "bcf requested", 13) && strncmp(s, "bcf refine:", 11)) {
			size_t len = (size_t)(e - s) < size - 1 ? (size_t)(e - s) : size - 1;

			memcpy(out, s, len);
			out[len] = '\0';
			return;
		}
		end = s;
	}
}

static void base_label(const char *path, const char *prog, char *out, size_t size)
{
	const char *b = strrchr(path, '/');
	size_t len;

	b = b ? b + 1 : path;
	len = strlen(b);
	if (len > 6 && !strcmp(b + len - 6, ".bpf.o"))
		len -= 6;
	else if (len > 2 && !strcmp(b + len - 2, ".o"))
		len -= 2;
	snprintf(out, size, "%.*s.%s", (int)len, b, prog);
}

static bool kernel_limit(int err)
{
	return err == -ENOTSUP || err == -EOPNOTSUPP || err == -524 /* ENOTSUPP */ ||
	       err == -ESRCH || err == -ENOENT || err == -ENODEV || err == -ENOSYS;
}

static int load_one(struct bcf_loader *l, const char *path, const char *name,
		    const struct bcf_object_load_opts *o, size_t log_size)
{
	struct bcf_object_prog_result r = { .object = path, .prog = name };
	struct hook_arm h = { .l = l };
	struct bpf_program *p, *target = NULL;
	struct bpf_object *obj;
	libbpf_print_fn_t old;
	char label[300];
	double t0 = bcf__mono_s();
	int err;

	r.load.status = BCF_LOAD_ERROR;
	libbpf_msg[0] = '\0';
	old = libbpf_set_print(capture_print);
	obj = open_obj(path);
	if (!obj) {
		err = -errno;
		snprintf(r.load.detail, sizeof(r.load.detail), "cannot open the object: %s%s%.400s",
			 strerror(-err), libbpf_msg[0] ? ": " : "", libbpf_msg);
		r.load.err = err;
		goto report;
	}
	bpf_object__for_each_program(p, obj) {
		bool me = !strcmp(bpf_program__name(p), name);

		bpf_program__set_autoload(p, me);
		if (me)
			target = p;
	}
	if (!target) {
		r.load.err = -ENOENT;
		snprintf(r.load.detail, sizeof(r.load.detail), "no program '%s' in the object", name);
		goto report;
	}
	r.section = bpf_program__section_name(target);
	if (o->prog_type) {
		enum bpf_prog_type t;
		enum bpf_attach_type at;

		if (libbpf_prog_type_by_name(o->prog_type, &t, &at)) {
			r.load.err = -EINVAL;
			snprintf(r.load.detail, sizeof(r.load.detail),
				 "unknown program type '%s' (give a section name such as xdp, "
				 "socket, kprobe/)", o->prog_type);
			goto report;
		}
		bpf_program__set_type(target, t);
		bpf_program__set_expected_attach_type(target, at);
	}
	r.log = calloc(1, log_size);
	if (!r.log) {
		r.load.err = -ENOMEM;
		snprintf(r.load.detail, sizeof(r.load.detail), "out of memory for the log");
		goto report;
	}
	bpf_program__set_log_buf(target, r.log, log_size);
	bpf_program__set_log_level(target, o->log_level ? o->log_level : 1);
	base_label(path, name, label, sizeof(label));
	h.label = label;
	snprintf(h.name, sizeof(h.name), "%s", name);
	h.prog_type = bpf_program__type(target);
	h.res = &r.load;
	armed = &h;
	err = bpf_object__load(obj);
	armed = NULL;
	if (!h.calls) {
		bcf_load_result__free(&r.load);
		memset(&r.load, 0, sizeof(r.load));
		r.load.err = err ? err : -ENOSYS;
		if (!h.nbpf) {
			r.load.status = BCF_LOAD_ERROR;
			snprintf(r.load.detail, sizeof(r.load.detail),
				 "bpf() calls do not reach bcf_loader__sys_hook (the executable must "
				 "route syscall(__NR_bpf) to it)");
		} else if (!err) {
			r.load.status = BCF_LOAD_ERROR;
			snprintf(r.load.detail, sizeof(r.load.detail),
				 "libbpf loaded the program without the hook seeing it");
		} else {
			r.load.status = kernel_limit(err) || err == -EINVAL ? BCF_LOAD_SKIPPED_KERNEL :
									   BCF_LOAD_ERROR;
			snprintf(r.load.detail, sizeof(r.load.detail), "libbpf: %s%s%.400s",
				 strerror(-err), libbpf_msg[0] ? ": " : "", libbpf_msg);
		}
	} else {
		verifier_msg(r.log, r.verifier_msg, sizeof(r.verifier_msg));
		if (r.load.status == BCF_LOAD_REJECTED_NO_COND &&
		    (kernel_limit(r.load.err) || !r.log[0])) {
			r.load.status = BCF_LOAD_SKIPPED_KERNEL;
			snprintf(r.load.detail, sizeof(r.load.detail),
				 "the kernel refused the program before verifying it (%s)",
				 strerror(-r.load.err));
		}
		if (!err && o->pin_dir) {
			char pin[4096];

			snprintf(pin, sizeof(pin), "%s/%s", o->pin_dir, name);
			err = bpf_program__pin(target, pin);
			if (err) {
				r.load.status = BCF_LOAD_ERROR;
				r.load.err = err;
				snprintf(r.load.detail, sizeof(r.load.detail), "pin %.300s: %s%s%.150s", pin,
					 strerror(-err), libbpf_msg[0] ? ": " : "", libbpf_msg);
			} else {
				r.pinned = true;
			}
		} else if (err && (r.load.status == BCF_LOAD_PLAIN ||
				   r.load.status == BCF_LOAD_PROOFS)) {
			/* the program loaded but libbpf failed afterwards */
			r.load.status = BCF_LOAD_ERROR;
			r.load.err = err;
			snprintf(r.load.detail, sizeof(r.load.detail), "libbpf: %s%s%.400s",
				 strerror(-err), libbpf_msg[0] ? ": " : "", libbpf_msg);
		}
	}
report:
	libbpf_set_print(old);
	r.time_s = bcf__mono_s() - t0;
	if (o->on_prog)
		o->on_prog(o->ctx, &r);
	bpf_object__close(obj);
	free(r.log);
	bcf_load_result__free(&r.load);
	return 0;
}

int bcf_loader__load_object(struct bcf_loader *l, const char *path,
			    const struct bcf_object_load_opts *opts)
{
	struct bcf_object_load_opts o;
	char **names = NULL;
	size_t n = 0, i, k;
	int err;

	err = bcf__opts_get(bcf_object_load_opts, opts, &o);
	if (err)
		return err;
	err = bcf_loader__object_progs(path, &names, &n);
	if (err)
		return err;
	for (k = 0; k < o.nprogs; k++) {
		for (i = 0; i < n && strcmp(names[i], o.progs[k]); i++)
			;
		if (i == n) {
			err = bcf__err(-ENOENT, "%s: no program named '%s'", path, o.progs[k]);
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		bool want = !o.nprogs;

		for (k = 0; k < o.nprogs && !want; k++)
			want = !strcmp(names[i], o.progs[k]);
		if (want)
			load_one(l, path, names[i], &o, o.log_size ? o.log_size : 16u << 20);
	}
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return err;
}
