// SPDX-License-Identifier: MIT
/* Input collection for batch runs: directories, file lists, manifests; shards. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus/batch.h"
#include "lang/error.h"
#include "lang/grow.h"

static bool has_ext(const char *p, const char *ext)
{
	size_t n = strlen(p), e = strlen(ext);

	return n > e && !strcmp(p + n - e, ext);
}

static char *strip_ext(const char *p)
{
	const char *dot = strrchr(p, '.');
	const char *slash = strrchr(p, '/');

	if (dot && (!slash || dot > slash))
		return strndup(p, dot - p);
	return strdup(p);
}

static int add_prog(struct batch_items *it, char *name, char *path, char *prog)
{
	if (!name || !path)
		goto oom;
	if (bcf__grow((void **)&it->v, &it->cap, it->n + 1, sizeof(*it->v)))
		goto oom;
	it->v[it->n].name = name;
	it->v[it->n].path = path;
	it->v[it->n].prog = prog;
	it->n++;
	return 0;
oom:
	free(name);
	free(path);
	free(prog);
	return -ENOMEM;
}

static int add(struct batch_items *it, char *name, char *path)
{
	return add_prog(it, name, path, NULL);
}

/*
 * A BPF object: one item per program, named NAME:PROG.  An object libbpf
 * cannot open becomes one item NAME:* whose result is the error.
 */
static int add_object(struct batch_items *it, const char *rel, const char *path)
{
	size_t len = strlen(rel), n = 0, i;
	char **progs = NULL, *base;
	int err;

	if (len > 6 && !strcmp(rel + len - 6, ".bpf.o"))
		len -= 6;
	else if (len > 2 && !strcmp(rel + len - 2, ".o"))
		len -= 2;
	base = strndup(rel, len);
	if (!base)
		return -ENOMEM;
	err = bcf_loader__object_progs(path, &progs, &n);
	if (err) {
		char *name;

		err = asprintf(&name, "%s:*", base) < 0 ? -ENOMEM :
			add_prog(it, name, strdup(path), strdup(""));
		free(base);
		return err;
	}
	for (i = 0; i < n; i++) {
		char *name;

		if (!err)
			err = asprintf(&name, "%s:%s", base, progs[i]) < 0 ? -ENOMEM :
				add_prog(it, name, strdup(path), progs[i]);
		else
			free(progs[i]);
	}
	free(progs);
	free(base);
	return err;
}

/* Walk a directory tree with an explicit stack of pending directories. */
static int add_dir(struct batch_items *it, const char *root)
{
	char **stack = NULL;
	size_t sp = 0, cap = 0, rootlen = strlen(root);
	int err = 0;

	if (bcf__grow_from((void **)&stack, &cap, 1, sizeof(*stack), 16) ||
	    !(stack[sp++] = strdup(root))) {
		free(stack);
		return -ENOMEM;
	}
	while (sp) {
		char *dir = stack[--sp];
		struct dirent *de;
		DIR *d = opendir(dir);

		if (!d) {
			err = bcf__err(-errno, "%s: %s", dir, strerror(errno));
			free(dir);
			break;
		}
		while (!err && (de = readdir(d))) {
			struct stat st;
			char *p;

			if (de->d_name[0] == '.')
				continue;
			if (asprintf(&p, "%s/%s", dir, de->d_name) < 0) {
				err = -ENOMEM;
				break;
			}
			if (stat(p, &st)) {
				free(p);
				continue;
			}
			if (S_ISDIR(st.st_mode)) {
				if (bcf__grow_from((void **)&stack, &cap, sp + 1, sizeof(*stack),
						   16)) {
					free(p);
					err = -ENOMEM;
					break;
				}
				stack[sp++] = p;
			} else if (S_ISREG(st.st_mode) &&
				   (has_ext(p, ".cond") || has_ext(p, ".smt2"))) {
				const char *rel = p + rootlen;

				while (*rel == '/')
					rel++;
				err = add(it, strip_ext(rel), p);
			} else if (S_ISREG(st.st_mode) && has_ext(p, ".o")) {
				const char *rel = p + rootlen;

				while (*rel == '/')
					rel++;
				err = add_object(it, rel, p);
				free(p);
			} else {
				free(p);
			}
		}
		closedir(d);
		free(dir);
	}
	while (sp)
		free(stack[--sp]);
	free(stack);
	return err;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? strndup(path, slash - path) : strdup(".");
}

/* A manifest (header line starting with "name\t") or a plain list of paths. */
static int add_listfile(struct batch_items *it, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *dir;
	size_t cap = 0;
	ssize_t n;
	bool manifest = false, first = true;
	unsigned lineno = 0;
	int err = 0;

	if (!f)
		return bcf__err(-errno, "%s: %s", path, strerror(errno));
	dir = dir_of(path);
	while (!err && (n = getline(&line, &cap, f)) >= 0) {
		char *tab;

		lineno++;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (first) {
			first = false;
			if (!strncmp(line, "name\t", 5)) {
				manifest = true;
				continue;
			}
		}
		if (!n || line[0] == '#')
			continue;
		if (manifest) {
			char *p;

			tab = strchr(line, '\t');
			if (tab)
				*tab = '\0';
			if (asprintf(&p, "%s/conds/%s.cond", dir, line) < 0) {
				err = -ENOMEM;
				break;
			}
			err = add(it, strdup(line), p);
		} else {
			char *base = strrchr(line, '/');

			if (has_ext(line, ".o")) {
				err = add_object(it, base ? base + 1 : line, line);
				continue;
			}
			if (!has_ext(line, ".cond") && !has_ext(line, ".smt2")) {
				err = bcf__err(-EINVAL, "%s:%u: '%s' is not a .cond, .smt2 or .o file",
					       path, lineno, line);
				break;
			}
			err = add(it, strip_ext(base ? base + 1 : line), strdup(line));
		}
	}
	free(line);
	free(dir);
	fclose(f);
	return err;
}

static int cmp_item(const void *a, const void *b)
{
	return strcmp(((const struct batch_item *)a)->name, ((const struct batch_item *)b)->name);
}

int batch_collect(char *const *inputs, int n, struct batch_items *out)
{
	int i, err = 0;
	size_t k;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n && !err; i++) {
		struct stat st;
		const char *in = inputs[i];

		if (stat(in, &st))
			err = bcf__err(-errno, "%s: %s", in, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			err = add_dir(out, in);
		else if (has_ext(in, ".cond") || has_ext(in, ".smt2")) {
			const char *base = strrchr(in, '/');

			err = add(out, strip_ext(base ? base + 1 : in), strdup(in));
		} else if (has_ext(in, ".o")) {
			const char *base = strrchr(in, '/');

			err = add_object(out, base ? base + 1 : in, in);
		} else
			err = add_listfile(out, in);
	}
	if (err) {
		batch_items_free(out);
		return err;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), cmp_item);
	for (k = 1; k < out->n; k++)
		if (!strcmp(out->v[k].name, out->v[k - 1].name)) {
			err = bcf__err(-EINVAL, "two inputs are named '%s' (%s and %s)",
				       out->v[k].name, out->v[k - 1].path, out->v[k].path);
			batch_items_free(out);
			return err;
		}
	return 0;
}

void batch_items_free(struct batch_items *items)
{
	size_t i;

	for (i = 0; i < items->n; i++) {
		free(items->v[i].name);
		free(items->v[i].path);
		free(items->v[i].prog);
	}
	free(items->v);
	memset(items, 0, sizeof(*items));
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	return h;
}

void batch_shard(struct batch_items *items, unsigned k, unsigned n)
{
	size_t i, j = 0;

	for (i = 0; i < items->n; i++) {
		if (fnv1a(items->v[i].name) % n == k - 1) {
			items->v[j++] = items->v[i];
		} else {
			free(items->v[i].name);
			free(items->v[i].path);
			free(items->v[i].prog);
		}
	}
	items->n = j;
}
