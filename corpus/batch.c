// SPDX-License-Identifier: MIT
/*
 * The batch scheduler: up to N worker processes, one per item, each under
 * an address-space limit and a wall-clock deadline.  The parent owns the
 * results file: every line is appended with a single write() and fsync'd,
 * so a kill (even SIGKILL) loses at most the items in flight.  A torn last
 * line (possible only if the file system lost a partial write) is cut off
 * when resuming.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "corpus/batch.h"
#include "corpus/json.h"
#include "lang/error.h"
#include "lang/grow.h"
#include "lang/clock.h"

#define KILL_GRACE_S 5

struct worker {
	pid_t pid;
	int fd;
	size_t item;
	double start;
	struct pbuf out;
	bool killed;
};

int batch_done_names(const char *path, bool repair, char ***names, size_t *n)
{
	char *buf = NULL, *p, *nl;
	size_t len = 0, cap = 0, good = 0;
	struct stat st;
	FILE *f;
	int err = 0;

	*names = NULL;
	*n = 0;
	f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? 0 : bcf__err(-errno, "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &st) == 0 && st.st_size > 0) {
		buf = malloc(st.st_size + 1);
		if (!buf) {
			fclose(f);
			return -ENOMEM;
		}
		len = fread(buf, 1, st.st_size, f);
		buf[len] = '\0';
	}
	fclose(f);
	for (p = buf; p && p < buf + len; p = nl + 1) {
		struct json_obj *j;

		nl = memchr(p, '\n', buf + len - p);
		if (!nl)
			break; /* torn tail */
		*nl = '\0';
		j = json_parse(p, NULL);
		if (j && json_get(j, "name")) {
			if (bcf__grow((void **)names, &cap, *n + 1, sizeof(**names))) {
				json_free(j);
				err = -ENOMEM;
				break;
			}
			(*names)[(*n)++] = strdup(json_str(j, "name"));
		}
		json_free(j);
		good = nl + 1 - buf;
	}
	if (!err && repair && good < len && truncate(path, good))
		err = bcf__err(-errno, "%s: cannot cut the torn last line: %s", path,
			       strerror(errno));
	free(buf);
	return err;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void child(const struct batch_item *it, const struct batch_opts *o, int fd)
{
	char *line = NULL;
	size_t off = 0, len;

	if (o->mem_mb) {
		struct rlimit rl = { (rlim_t)o->mem_mb << 20, (rlim_t)o->mem_mb << 20 };

		setrlimit(RLIMIT_AS, &rl);
	}
	signal(SIGPIPE, SIG_DFL);
	if (batch_run_one(it, o, &line))
		_exit(3);
	len = strlen(line);
	while (off < len) {
		ssize_t w = write(fd, line + off, len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			_exit(4);
		}
		off += w;
	}
	_exit(0);
}

static int append_line(int fd, const char *line)
{
	size_t len = strlen(line);
	char *l = malloc(len + 2);
	ssize_t w;

	if (!l)
		return -ENOMEM;
	memcpy(l, line, len);
	l[len] = '\n';
	w = write(fd, l, len + 1);
	free(l);
	if (w != (ssize_t)len + 1)
		return -EIO;
	fdatasync(fd);
	return 0;
}

/* Count a result line: a condition's prove status or a program's load status. */
static void count(struct batch_summary *sum, const char *line)
{
	struct json_obj *j = json_parse(line, NULL);
	const char *st = json_str(j, "status");
	int s;

	if (j && json_get(j, "prog")) {
		s = batch_load_status(st);
		sum->by_load[s >= 0 ? s : BCF_LOAD_ERROR]++;
		sum->programs++;
	} else {
		for (s = 0; s < BATCH_NSTATUS; s++)
			if (!strcmp(st, bcf_prove_status__name(s)))
				break;
		sum->by_status[s < BATCH_NSTATUS ? s : BCF_PROVE_ERROR]++;
	}
	json_free(j);
}

/* A result line for a worker that produced none (crash, kill, timeout). */
static char *synth_line(const struct batch_item *it, enum bcf_prove_status st, double t,
			const char *why)
{
	struct pbuf b = { 0 };

	pbuf_putf(&b, "{\"name\":");
	pbuf_json_str(&b, it->name);
	pbuf_putf(&b, ",\"input\":");
	pbuf_json_str(&b, it->path);
	if (it->prog) {
		pbuf_putf(&b, ",\"prog\":");
		pbuf_json_str(&b, it->prog);
		pbuf_putf(&b, ",\"input_hash\":\"\",\"status\":\"%s\",\"time_s\":%.6f,"
			  "\"requests\":0,\"proofs\":0,\"proof_bytes\":0,\"prove_time_s\":0,\"error\":",
			  bcf_load_status__name(st == BCF_PROVE_UNKNOWN ? BCF_LOAD_REJECTED_UNKNOWN :
						BCF_LOAD_ERROR), t);
		pbuf_json_str(&b, why);
		pbuf_putf(&b, "}");
		return b.s;
	}
	pbuf_putf(&b, ",\"input_hash\":\"\",\"status\":\"%s\",\"solver\":\"\",\"cached\":false,"
		    "\"time_s\":%.6f,\"solve_time_s\":0,\"proof_bytes\":0,\"steps\":0,"
		    "\"rules\":{},\"kernel_trusted_steps\":0,\"kernel_trusted\":{},"
		    "\"kernel_trusted_first\":\"\",\"error\":",
		    bcf_prove_status__name(st), t);
	pbuf_json_str(&b, why);
	pbuf_putf(&b, "}");
	return b.s;
}

static void progress(const struct batch_opts *o, const struct batch_summary *s, size_t todo,
		     double t0, bool final)
{
	static double last;
	double t = bcf__mono_s(), rate, eta;
	char bar[31];
	size_t i, fill;

	if (o->progress < 0)
		return;
	if (!final && t - last < (o->progress ? 0.2 : 10.0))
		return;
	last = t;
	rate = s->done / (t - t0 > 1e-6 ? t - t0 : 1e-6);
	eta = rate > 0 ? (todo - s->done) / rate : 0;
	if (s->programs) {
		fprintf(stderr, "%sbatch: %zu/%zu done, %.1f/s, ETA %.0fs, loaded %zu (with proofs %zu) "
			"rejected %zu skipped %zu error %zu%s", o->progress > 0 ? "\r" : "", s->done,
			todo, rate, eta, s->by_load[BCF_LOAD_PLAIN] + s->by_load[BCF_LOAD_PROOFS],
			s->by_load[BCF_LOAD_PROOFS],
			s->programs - s->by_load[BCF_LOAD_PLAIN] - s->by_load[BCF_LOAD_PROOFS] -
			s->by_load[BCF_LOAD_SKIPPED_KERNEL] - s->by_load[BCF_LOAD_ERROR],
			s->by_load[BCF_LOAD_SKIPPED_KERNEL], s->by_load[BCF_LOAD_ERROR],
			o->progress > 0 && !final ? "" : "\n");
		return;
	}
	if (o->progress > 0) {
		fill = todo ? s->done * 30 / todo : 30;
		for (i = 0; i < 30; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[30] = '\0';
		fprintf(stderr, "\r[%s] %zu/%zu %.1f/s ETA %.0fs  proven %zu sat %zu unprovable %zu "
			"unknown %zu error %zu%s", bar, s->done, todo, rate, eta,
			s->by_status[0] + s->by_status[1], s->by_status[2], s->by_status[3],
			s->by_status[4], s->by_status[5], final ? "\n" : "");
	} else {
		fprintf(stderr, "batch: %zu/%zu done, %.1f/s, ETA %.0fs, proven %zu sat %zu "
			"unprovable %zu unknown %zu error %zu\n", s->done, todo, rate, eta,
			s->by_status[0] + s->by_status[1], s->by_status[2], s->by_status[3],
			s->by_status[4], s->by_status[5]);
	}
}

static void finish(struct worker *w, const struct batch_items *items, const struct batch_opts *o,
		   int outfd, struct batch_summary *sum, int *err)
{
	const struct batch_item *it = &items->v[w->item];
	double t = bcf__mono_s() - w->start;
	char *line = NULL, why[160];
	int wst = 0, e;

	waitpid(w->pid, &wst, 0);
	if (w->killed) {
		snprintf(why, sizeof(why), "timeout: worker killed after %.1f s", t);
		line = synth_line(it, BCF_PROVE_UNKNOWN, t, why);
	} else if (WIFEXITED(wst) && WEXITSTATUS(wst) == 0 && w->out.len && !w->out.oom) {
		struct json_obj *j = json_parse(w->out.s, NULL);

		if (j)
			line = strdup(w->out.s);
		else
			line = synth_line(it, BCF_PROVE_ERROR, t, "worker wrote a malformed result");
		json_free(j);
	} else if (WIFSIGNALED(wst)) {
		snprintf(why, sizeof(why), "worker killed by signal %d (%s)%s", WTERMSIG(wst),
			 strsignal(WTERMSIG(wst)),
			 o->mem_mb ? ", possibly out of memory under --mem-limit" : "");
		line = synth_line(it, BCF_PROVE_ERROR, t, why);
	} else {
		snprintf(why, sizeof(why), "worker exited with status %d%s",
			 WIFEXITED(wst) ? WEXITSTATUS(wst) : -1,
			 o->mem_mb ? " (out of memory under --mem-limit?)" : "");
		line = synth_line(it, BCF_PROVE_ERROR, t, why);
	}
	if (!line) {
		*err = -ENOMEM;
	} else {
		e = append_line(outfd, line);
		if (e && !*err)
			*err = bcf__err(e, "%s: cannot append a result", o->out);
		count(sum, line);
		if (strstr(line, "\"cached\":true"))
			sum->cached++;
		sum->done++;
	}
	free(line);
	close(w->fd);
	pbuf_free(&w->out);
	w->pid = 0;
}

int batch_run(const struct batch_items *items, const struct batch_opts *o,
	      struct batch_summary *sum)
{
	char **done = NULL;
	size_t ndone = 0, next = 0, i, running = 0, todo;
	struct worker *ws;
	unsigned jobs = o->jobs ? o->jobs : 1;
	bool *skip;
	double t0 = bcf__mono_s();
	int outfd, err = 0;

	memset(sum, 0, sizeof(*sum));
	sum->total = items->n;
	if (o->resume) {
		err = batch_done_names(o->out, true, &done, &ndone);
		if (err)
			return err;
		if (ndone)
			qsort(done, ndone, sizeof(*done), cmp_str);
	}
	outfd = open(o->out, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (o->resume ? 0 : O_TRUNC),
		     0644);
	if (outfd < 0) {
		err = bcf__err(-errno, "%s: %s", o->out, strerror(errno));
		goto out_names;
	}
	skip = calloc(items->n ? items->n : 1, sizeof(*skip));
	ws = calloc(jobs, sizeof(*ws));
	if (!skip || !ws) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < items->n; i++) {
		const char *key = items->v[i].name;

		if (ndone && bsearch(&key, done, ndone, sizeof(*done), cmp_str)) {
			skip[i] = true;
			sum->skipped++;
		}
	}
	todo = items->n - sum->skipped;
	signal(SIGPIPE, SIG_IGN);
	while (!err || running) {
		struct pollfd pfd[256];
		unsigned k, np = 0;

		/* start workers */
		while (!err && running < jobs && next < items->n) {
			int pipefd[2];
			pid_t pid;

			if (skip[next]) {
				next++;
				continue;
			}
			for (k = 0; ws[k].pid; k++)
				;
			if (pipe2(pipefd, O_CLOEXEC)) {
				err = -errno;
				break;
			}
			fflush(NULL);
			pid = fork();
			if (pid < 0) {
				err = -errno;
				close(pipefd[0]);
				close(pipefd[1]);
				break;
			}
			if (pid == 0) {
				close(pipefd[0]);
				close(outfd);
				child(&items->v[next], o, pipefd[1]);
			}
			close(pipefd[1]);
			fcntl(pipefd[0], F_SETFL, O_NONBLOCK);
			memset(&ws[k], 0, sizeof(ws[k]));
			ws[k].pid = pid;
			ws[k].fd = pipefd[0];
			ws[k].item = next++;
			ws[k].start = bcf__mono_s();
			running++;
		}
		if (!running)
			break;
		for (k = 0; k < jobs && np < 256; k++)
			if (ws[k].pid) {
				pfd[np].fd = ws[k].fd;
				pfd[np].events = POLLIN;
				pfd[np].revents = 0;
				np++;
			}
		poll(pfd, np, 100);
		for (k = 0; k < jobs; k++) {
			struct worker *w = &ws[k];
			char buf[65536];
			ssize_t r;

			if (!w->pid)
				continue;
			while ((r = read(w->fd, buf, sizeof(buf) - 1)) > 0) {
				buf[r] = '\0';
				pbuf_puts(&w->out, buf);
			}
			if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
				finish(w, items, o, outfd, sum, &err);
				running--;
				continue;
			}
			if (o->timeout_s && !w->killed &&
			    bcf__mono_s() - w->start > o->timeout_s + KILL_GRACE_S) {
				kill(w->pid, SIGKILL);
				w->killed = true;
			}
		}
		progress(o, sum, todo, t0, false);
	}
	progress(o, sum, todo, t0, true);
out:
	free(skip);
	free(ws);
	if (close(outfd) && !err)
		err = -errno;
out_names:
	for (i = 0; i < ndone; i++)
		free(done[i]);
	free(done);
	return err;
}
