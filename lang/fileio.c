// SPDX-License-Identifier: MIT
/*
 * Whole-file I/O shared by the command line and the corpus runner: bounded
 * reads and atomic writes (temp file in the target's directory, fsync, rename),
 * so that no reader ever sees a partial output file.
 */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang/fileio.h"
#include "lang/grow.h"

int bcf__file_read(const char *path, size_t limit, char **buf, size_t *len)
{
	size_t cap = 0, n = 0, first = 65536;
	char *b = NULL;
	int fd, err = 0;
	struct stat st;
	ssize_t r;

	fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	if (fd < 0)
		return -errno;
	/* a regular file's size is only a hint (it may grow): the first buffer holds
	 * that much and the terminator, doubling from there as for a pipe */
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (uint64_t)st.st_size < limit)
		first = (size_t)st.st_size + 1;
	for (;;) {
		if (n == cap) {
			if (cap && cap >= limit) {
				err = -EFBIG;
				goto out;
			}
			/* the file's size (or 64 KiB), then doubling */
			if (bcf__grow_from((void **)&b, &cap, n + 1, 1, first)) {
				err = -ENOMEM;
				goto out;
			}
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
	/* room for the terminator */
	if (bcf__grow_from((void **)&b, &cap, n + 1, 1, 65536)) {
		err = -ENOMEM;
		goto out;
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

int bcf__file_write(const char *path, const void *buf, size_t len)
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
