// SPDX-License-Identifier: MIT
/* File I/O and small helpers for the bcf subcommands. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontend/cli.h"

int cli_is_help(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

int cli_parse_solver(const char *s, enum bcf_solver_kind *k)
{
	if (!strcmp(s, "z3"))
		*k = BCF_SOLVER_Z3;
	else if (!strcmp(s, "cvc5"))
		*k = BCF_SOLVER_CVC5;
	else if (!strcmp(s, "auto"))
		*k = BCF_SOLVER_AUTO;
	else
		return -1;
	return 0;
}

int cli_read_file(const char *path, size_t limit, char **buf, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *b = NULL, *nb;
	int fd, err = 0;
	ssize_t r;

	fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	if (fd < 0)
		return -errno;
	b = malloc(cap + 1);
	if (!b) {
		err = -ENOMEM;
		goto out;
	}
	for (;;) {
		if (n == cap) {
			if (cap >= limit) {
				err = -EFBIG;
				goto out;
			}
			cap *= 2;
			nb = realloc(b, cap + 1);
			if (!nb) {
				err = -ENOMEM;
				goto out;
			}
			b = nb;
		}
		r = read(fd, b + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			goto out;
		}
		if (r == 0)
			break;
		n += r;
		if (n > limit) {
			err = -EFBIG;
			goto out;
		}
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	b = NULL;
out:
	free(b);
	if (fd > 0)
		close(fd);
	return err;
}

int cli_write_file(const char *path, const void *buf, size_t len)
{
	char *tmp, *dir_copy;
	const char *p = buf;
	size_t off = 0;
	int fd, err = 0;
	ssize_t w;

	if (!strcmp(path, "-")) {
		if (fwrite(buf, 1, len, stdout) != len || fflush(stdout))
			return -EIO;
		return 0;
	}
	dir_copy = strdup(path);
	if (!dir_copy)
		return -ENOMEM;
	if (asprintf(&tmp, "%s/.%s.tmpXXXXXX", dirname(dir_copy),
		     strrchr(path, '/') ? strrchr(path, '/') + 1 : path) < 0) {
		free(dir_copy);
		return -ENOMEM;
	}
	free(dir_copy);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = -errno;
		free(tmp);
		return err;
	}
	while (off < len) {
		w = write(fd, p + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			break;
		}
		off += w;
	}
	if (!err && fsync(fd))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (!err && fchmodat(AT_FDCWD, tmp, 0644, 0))
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

int cli_load_cond(const char *path, struct bcf_cond **out)
{
	size_t len;
	char *buf;
	int err;

	err = cli_read_file(path, (size_t)1 << 30, &buf, &len);
	if (err) {
		fprintf(stderr, "bcf: %s: %s\n", path, strerror(-err));
		return BCF_EXIT_USAGE;
	}
	err = bcf_cond__decode(buf, len, out);
	free(buf);
	if (err) {
		fprintf(stderr, "bcf: %s: %s\n", path, bcf_last_error());
		return BCF_EXIT_INVALID;
	}
	return BCF_EXIT_OK;
}

int cmd_version(int argc, char **argv)
{
	printf("bcf %s\n", PACKAGE_VERSION);
	return 0;
}
