// SPDX-License-Identifier: MIT
/*
 * The cvc5 backend: print root as an SMT-LIB script (bcf_print__smt2), run
 * the cvc5 binary on it through pipes (script on stdin, stdout and stderr
 * merged on one pipe) and read its answer.  The binary's path comes from
 * configure (BCF_CVC5_PATH); the environment variable BCF_CVC5 overrides
 * it.  cvc5 gets --tlimit; we kill it ourselves one second after that
 * (and after 10 s of silence past the limit) so a hung child can never
 * hang us.  Any failure of the child (missing, crash, garbage output) is
 * an ERROR result.  Unsat cores: the conjuncts of a bool_conj root become
 * named assertions (parsed back out of the printer's final assert).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "lang/arena.h"
#include "lang/error.h"
#include "lang/grow.h"
#include "solver/backend.h"
#include "lang/clock.h"

#define CVC5_MAX_OUTPUT (64u << 20)

static const char *cvc5_path(void)
{
	const char *p = getenv("BCF_CVC5");

	if (p && *p)
		return p;
#ifdef BCF_CVC5_PATH
	return BCF_CVC5_PATH;
#else
	return NULL;
#endif
}

/* ---- the script ------------------------------------------------------- */

/* One declared name per variable, in declaration (= ascending id) order. */
struct decls {
	char **names;
	unsigned n;
	size_t cap;
};

static void decls_free(struct decls *d)
{
	unsigned i;

	for (i = 0; i < d->n; i++)
		free(d->names[i]);
	free(d->names);
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

/* Length of the SMT-LIB symbol at s (simple or |quoted|), 0 if none. */
static size_t symbol_len(const char *s)
{
	size_t n = 0;

	if (*s == '|') {
		for (n = 1; s[n] && s[n] != '|'; n++)
			;
		return s[n] == '|' ? n + 1 : 0;
	}
	while (s[n] && !strchr(" \t\r\n()|;\"", s[n]))
		n++;
	return n;
}

static int parse_decls(const char *script, struct decls *d)
{
	const char *p = script;

	memset(d, 0, sizeof(*d));
	while ((p = strstr(p, "(declare-fun "))) {
		size_t n;

		p += strlen("(declare-fun ");
		n = symbol_len(p);
		if (!n)
			return -EINVAL;
		if (bcf__grow_from((void **)&d->names, &d->cap, d->n + 1, sizeof(*d->names), 16))
			return -ENOMEM;
		d->names[d->n] = strndup(p, n);
		if (!d->names[d->n])
			return -ENOMEM;
		d->n++;
		p += n;
	}
	return 0;
}

static void put(char *s, size_t *n, const char *t)
{
	size_t k = strlen(t);

	memcpy(s + *n, t, k);
	*n += k;
}

/* End of the s-expression at p (symbols may be |quoted|), or NULL. */
static const char *sexp_end(const char *p)
{
	int depth = 0;

	do {
		if (*p == '|') {
			p = strchr(p + 1, '|');
			if (!p)
				return NULL;
			p++;
		} else if (*p == '(') {
			depth++;
			p++;
		} else if (*p == ')') {
			if (!depth)
				return NULL;
			depth--;
			p++;
		} else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		} else if (!*p) {
			return NULL;
		} else {
			p += symbol_len(p) ? symbol_len(p) : 1;
		}
	} while (depth);
	return p;
}

/*
 * The printer's script minus its (check-sat)/(exit), plus ours.  With
 * ncore > 0, its final "(assert (and A0 .. An-1))" becomes one named
 * assertion per conjunct and the core is asked for; if the script does not
 * have that shape, *ncore is set to 0 (no core).
 */
static char *make_script(const char *smt, const struct decls *d, bool model, unsigned *ncore,
			 size_t *len)
{
	const char *cut = strstr(smt, "(check-sat)"), *args = NULL;
	size_t base = cut ? (size_t)(cut - smt) : strlen(smt), cap, n = 0;
	unsigned i;
	char *s;

	if (*ncore) {
		/* the last assertion, before the cut */
		const char *q = smt, *last = NULL, *e;

		while ((q = strstr(q, "(assert (and ")) && (size_t)(q - smt) < base)
			last = q++;
		if (last) {
			unsigned cnt = 0;

			args = last + strlen("(assert (and ");
			for (q = args;; cnt++) {
				q = skip_ws(q);
				if (*q == ')')
					break;
				e = sexp_end(q);
				if (!e) {
					cnt = 0;
					break;
				}
				q = e;
			}
			if (cnt != *ncore)
				args = NULL;
			else
				base = (size_t)(last - smt);
		}
		if (!args)
			*ncore = 0;
	}
	cap = strlen(smt) + 64 + 40 * (size_t)*ncore;
	for (i = 0; i < d->n; i++)
		cap += strlen(d->names[i]) + 1;
	s = malloc(cap);
	if (!s)
		return NULL;
	memcpy(s, smt, base);
	n = base;
	if (*ncore) {
		const char *q = args, *e;
		char nm[48];

		for (i = 0; i < *ncore; i++) {
			q = skip_ws(q);
			e = sexp_end(q);
			put(s, &n, "(assert (! ");
			memcpy(s + n, q, (size_t)(e - q));
			n += (size_t)(e - q);
			snprintf(nm, sizeof(nm), " :named bcf_core_%u))\n", i);
			put(s, &n, nm);
			q = e;
		}
	}
	put(s, &n, "(check-sat)\n");
	if (*ncore)
		put(s, &n, "(get-unsat-core)\n");
	if (model && d->n) {
		put(s, &n, "(get-value (");
		for (i = 0; i < d->n; i++) {
			if (i)
				put(s, &n, " ");
			put(s, &n, d->names[i]);
		}
		put(s, &n, "))\n");
	}
	put(s, &n, "(exit)\n");
	s[n] = 0;
	*len = n;
	return s;
}

/* "( name ... )" after unsat: the core indices; 0 or -EINVAL. */
static int parse_core(const char *p, unsigned ncore, struct bcf_solver_result *res)
{
	uint8_t in[256] = { 0 };
	unsigned i, cnt = 0;

	p = skip_ws(p);
	if (*p++ != '(')
		return -EINVAL;
	for (;;) {
		size_t n, len;
		const char *sym;
		unsigned idx;
		int used = 0;

		p = skip_ws(p);
		if (*p == ')')
			break;
		len = n = symbol_len(p);
		if (!n)
			return -EINVAL;
		sym = p;
		if (*p == '|') {
			sym++;
			n -= 2;
		}
		if (sscanf(sym, "bcf_core_%u%n", &idx, &used) != 1 || (size_t)used != n ||
		    idx >= ncore)
			return -EINVAL;
		if (!in[idx]++)
			cnt++;
		p += len;
	}
	res->core = malloc((cnt ? cnt : 1) * sizeof(*res->core));
	if (!res->core)
		return -ENOMEM;
	for (i = 0; i < ncore; i++)
		if (in[i])
			res->core[res->core_len++] = i;
	res->has_core = true;
	return 0;
}

/* ---- the child --------------------------------------------------------- */

struct run {
	char *out;
	size_t len;
	int status;     /* waitpid status */
	bool killed;    /* we killed it (deadline) */
	bool too_much;  /* output limit */
};

static int run_cvc5(const char *path, char *const argv[], const char *in, size_t in_len,
		    unsigned timeout_ms, struct run *r, char *err, size_t errsz)
{
	int sin[2] = { -1, -1 }, sout[2] = { -1, -1 };
	/* a second of grace: cvc5's own --tlimit should stop it first */
	int64_t deadline = timeout_ms ? bcf__deadline(timeout_ms) + 1000 : 0;
	size_t cap = 0, off = 0;
	pid_t pid;
	int ret = 0;

	memset(r, 0, sizeof(*r));
	/* a socket for stdin: send(MSG_NOSIGNAL) cannot raise SIGPIPE */
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sin) ||
	    pipe2(sout, O_CLOEXEC)) {
		snprintf(err, errsz, "cvc5: cannot create pipes: %s", strerror(errno));
		ret = -EIO;
		goto out;
	}
	pid = fork();
	if (pid < 0) {
		snprintf(err, errsz, "cvc5: fork: %s", strerror(errno));
		ret = -EIO;
		goto out;
	}
	if (pid == 0) {
		if (dup2(sin[1], 0) < 0 || dup2(sout[1], 1) < 0 || dup2(sout[1], 2) < 0)
			_exit(126);
		execv(path, argv);
		_exit(127);
	}
	close(sin[1]);
	close(sout[1]);
	sin[1] = sout[1] = -1;
	if (fcntl(sin[0], F_SETFL, O_NONBLOCK) || fcntl(sout[0], F_SETFL, O_NONBLOCK)) {
		kill(pid, SIGKILL);
		r->killed = true;
	}
	while (!r->killed) {
		struct pollfd pfd[2];
		int nfd = 0, wait_ms = -1, k;

		pfd[nfd++] = (struct pollfd){ .fd = sout[0], .events = POLLIN };
		if (sin[0] >= 0)
			pfd[nfd++] = (struct pollfd){ .fd = sin[0], .events = POLLOUT };
		if (deadline) {
			int64_t left = deadline - bcf__mono_ms();

			if (left <= 0) {
				kill(pid, SIGKILL);
				r->killed = true;
				break;
			}
			wait_ms = left > 1000000 ? 1000000 : (int)left;
		}
		k = poll(pfd, nfd, wait_ms);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			kill(pid, SIGKILL);
			r->killed = true;
			break;
		}
		if (nfd > 1 && (pfd[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = send(sin[0], in + off, in_len - off, MSG_NOSIGNAL | MSG_DONTWAIT);

			if (w > 0)
				off += w;
			if ((w < 0 && errno != EAGAIN && errno != EINTR) || off == in_len) {
				/* done, or the child stopped reading: end its input */
				close(sin[0]);
				sin[0] = -1;
			}
		}
		if (pfd[0].revents & (POLLIN | POLLERR | POLLHUP)) {
			ssize_t n;

			int g = bcf__grow_max((void **)&r->out, &cap, r->len + 4096 + 1, 1, 8192,
					      CVC5_MAX_OUTPUT);

			if (g == -E2BIG) {
				r->too_much = true;
				kill(pid, SIGKILL);
				r->killed = true;
				break;
			}
			if (g) {
				kill(pid, SIGKILL);
				r->killed = true;
				ret = -ENOMEM;
				break;
			}
			n = read(sout[0], r->out + r->len, cap - r->len - 1);
			if (n > 0)
				r->len += n;
			else if (n == 0)
				break; /* EOF: the child closed its output */
			else if (errno != EAGAIN && errno != EINTR) {
				kill(pid, SIGKILL);
				r->killed = true;
				break;
			}
		}
	}
	if (r->out)
		r->out[r->len] = 0;
	/* reap; a child that closed its output but lingers is killed at the deadline */
	for (;;) {
		bool poll_only = deadline && !r->killed;
		pid_t w = waitpid(pid, &r->status, poll_only ? WNOHANG : 0);

		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			r->status = 0;
			break;
		}
		if (w == 0) {
			if (bcf__past(deadline)) {
				kill(pid, SIGKILL);
				r->killed = true;
			} else {
				usleep(2000);
			}
		}
	}
out:
	if (sin[0] >= 0)
		close(sin[0]);
	if (sin[1] >= 0)
		close(sin[1]);
	if (sout[0] >= 0)
		close(sout[0]);
	if (sout[1] >= 0)
		close(sout[1]);
	return ret;
}

/* ---- the answer --------------------------------------------------------- */

static bool parse_bits(const char *p, size_t n, unsigned width, uint64_t *words)
{
	size_t i;

	memset(words, 0, BCF_MODEL_WORDS * sizeof(*words));
	if (n > 2 && p[0] == '#' && p[1] == 'b') {
		if (n - 2 != width)
			return false;
		for (i = 0; i < width; i++) {
			char ch = p[2 + i];
			unsigned bit = width - 1 - i;

			if (ch != '0' && ch != '1')
				return false;
			if (ch == '1')
				words[bit / 64] |= (uint64_t)1 << (bit % 64);
		}
		return true;
	}
	if (n > 2 && p[0] == '#' && p[1] == 'x') {
		if ((n - 2) * 4 != width)
			return false;
		for (i = 0; i < n - 2; i++) {
			char ch = p[2 + i];
			unsigned v, bit = (unsigned)(n - 3 - i) * 4;

			if (ch >= '0' && ch <= '9')
				v = ch - '0';
			else if (ch >= 'a' && ch <= 'f')
				v = ch - 'a' + 10;
			else if (ch >= 'A' && ch <= 'F')
				v = ch - 'A' + 10;
			else
				return false;
			words[bit / 64] |= (uint64_t)v << (bit % 64);
		}
		return true;
	}
	return false;
}

/* Symbol p[0..n) equals name, either possibly |quoted|. */
static bool same_symbol(const char *p, size_t n, const char *name)
{
	size_t m = strlen(name);

	if (n >= 2 && p[0] == '|') {
		p++;
		n -= 2;
	}
	if (m >= 2 && name[0] == '|') {
		name++;
		m -= 2;
	}
	return n == m && !memcmp(p, name, n);
}

/* ((name value) ...) in the order asked. */
static int parse_values(const char *p, const struct decls *d, const uint32_t *vars,
			const struct bcf_arena *a, struct bcf_model_entry *model)
{
	unsigned i;

	p = skip_ws(p);
	if (*p++ != '(')
		return -EINVAL;
	for (i = 0; i < d->n; i++) {
		const struct bcf_expr *e = arena_expr(a, vars[i]);
		struct bcf_model_entry *me = &model[i];
		size_t n;

		me->var = vars[i];
		me->width = bcf_is_bv(e) ? bcf_expr__width(e) : 0;
		p = skip_ws(p);
		if (*p++ != '(')
			return -EINVAL;
		p = skip_ws(p);
		n = symbol_len(p);
		if (!n || !same_symbol(p, n, d->names[i]))
			return -EINVAL;
		p = skip_ws(p + n);
		if (*p == '(') {
			/* (_ bvN W) */
			char num[100];
			unsigned w;
			int used = 0;

			if (sscanf(p, "(_ bv%99[0-9] %u )%n", num, &w, &used) < 2 || !used ||
			    w != me->width || !bcf_solve__parse_dec(num, w, me->words))
				return -EINVAL;
			p += used;
		} else {
			n = symbol_len(p);
			if (!n)
				return -EINVAL;
			if (!me->width) {
				if (n == 4 && !strncmp(p, "true", 4))
					me->words[0] = 1;
				else if (!(n == 5 && !strncmp(p, "false", 5)))
					return -EINVAL;
			} else if (!parse_bits(p, n, me->width, me->words)) {
				return -EINVAL;
			}
			p += n;
		}
		p = skip_ws(p);
		if (*p++ != ')')
			return -EINVAL;
	}
	p = skip_ws(p);
	return *p == ')' ? 0 : -EINVAL;
}

int bcf_solve__cvc5(const struct bcf_arena *a, uint32_t root, const struct bcf_solve_opts *opts,
		    struct bcf_solver_result *res)
{
	const char *path = cvc5_path();
	char *smt = NULL, *script = NULL, tlim[48], *argv[8];
	unsigned ncore;
	struct decls d = { 0 };
	struct run r = { 0 };
	uint32_t *vars = NULL, nvars = 0;
	const char *line;
	size_t len;
	int argc = 0, err = 0;

	res->status = BCF_SOLVE_ERROR;
	if (!path) {
		bcf_solve__set_error(res, "cvc5 not available");
		return 0;
	}
	if (access(path, X_OK)) {
		bcf_solve__set_error(res, "cvc5 not available: %s: %s", path, strerror(errno));
		return 0;
	}
	err = bcf_print__smt2(a, root, &smt);
	if (err) {
		if (err == -ENOMEM)
			return err;
		bcf_solve__set_error(res, "cannot print the script: %s", bcf_last_error());
		return 0;
	}
	err = parse_decls(smt, &d);
	if (!err && opts->want_model) {
		err = bcf_solve__collect_vars(a, root, &vars, &nvars);
		if (!err && nvars != d.n) {
			bcf_solve__set_error(res, "script declares %u variables, expected %u", d.n,
					     nvars);
			goto out;
		}
	}
	if (err)
		goto out_err;
	ncore = opts->want_core && arena_expr(a, root)->code == BCF_BOOL_CONJ ?
			arena_expr(a, root)->vlen : 0;
	script = make_script(smt, &d, opts->want_model, &ncore, &len);
	if (!script) {
		err = -ENOMEM;
		goto out;
	}
	argv[argc++] = (char *)"cvc5";
	argv[argc++] = (char *)"--lang=smt2";
	if (opts->timeout_ms) {
		snprintf(tlim, sizeof(tlim), "--tlimit=%u", opts->timeout_ms);
		argv[argc++] = tlim;
	}
	if (opts->want_model)
		argv[argc++] = (char *)"--produce-models";
	if (ncore)
		argv[argc++] = (char *)"--produce-unsat-cores";
	argv[argc] = NULL;
	err = run_cvc5(path, argv, script, len, opts->timeout_ms, &r, res->error,
		       sizeof(res->error));
	if (err == -EIO) {
		err = 0;
		goto out; /* message set */
	}
	if (err)
		goto out;

	line = r.out ? skip_ws(r.out) : "";
	if (!strncmp(line, "unsat", 5) && (line[5] == '\n' || line[5] == '\r' || !line[5])) {
		res->status = BCF_SOLVE_UNSAT;
		if (ncore && parse_core(line + 5, ncore, res) == -ENOMEM) {
			err = -ENOMEM;
			goto out;
		}
	} else if (!strncmp(line, "sat", 3) && (line[3] == '\n' || line[3] == '\r' || !line[3])) {
		res->status = BCF_SOLVE_SAT;
		if (opts->want_model) {
			res->model = calloc(nvars ? nvars : 1, sizeof(*res->model));
			if (!res->model) {
				err = -ENOMEM;
				goto out;
			}
			const char *vals = skip_ws(line + 3);

			/* the (get-unsat-core) asked for before the answer was known */
			if (ncore && !strncmp(vals, "(error ", 7) && sexp_end(vals))
				vals = sexp_end(vals);
			if (parse_values(vals, &d, vars, a, res->model)) {
				free(res->model);
				res->model = NULL;
				res->status = BCF_SOLVE_ERROR;
				bcf_solve__set_error(res, "cvc5: cannot read the model: %.120s",
						     line);
			} else {
				res->model_len = nvars;
			}
		}
	} else if (!strncmp(line, "unknown", 7)) {
		res->status = BCF_SOLVE_UNKNOWN;
		bcf_solve__set_error(res, "cvc5: unknown");
	} else if (r.killed && !r.too_much) {
		res->status = BCF_SOLVE_UNKNOWN;
		bcf_solve__set_error(res, "timeout (cvc5 killed)");
	} else if (strstr(line, "interrupted by timeout")) {
		res->status = BCF_SOLVE_UNKNOWN;
		bcf_solve__set_error(res, "timeout");
	} else if (WIFSIGNALED(r.status)) {
		bcf_solve__set_error(res, "cvc5 died of signal %d: %.120s", WTERMSIG(r.status),
				     line);
	} else if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 127 && !*line) {
		bcf_solve__set_error(res, "cvc5: cannot execute %s", path);
	} else {
		bcf_solve__set_error(res, "cvc5: unexpected answer (exit %d): %.120s",
				     WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1, line);
	}
	goto out;
out_err:
	if (err != -ENOMEM) {
		bcf_solve__set_error(res, "cvc5 backend: cannot prepare the script (%d)", err);
		err = 0;
	}
out:
	free(r.out);
	free(script);
	free(smt);
	free(vars);
	decls_free(&d);
	return err;
}
