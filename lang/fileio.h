/* SPDX-License-Identifier: MIT */
/* Whole-file I/O: bounded reads, atomic writes. Internal to libbcf and its tools. */
#ifndef BCF_LANG_FILEIO_H
#define BCF_LANG_FILEIO_H

#include <stddef.h>

/* Read a whole file (or stdin for "-"); *buf is malloc'd and NUL-terminated,
 * owned by the caller. More than limit bytes: -EFBIG. Returns 0 or -errno. */
int bcf__file_read(const char *path, size_t limit, char **buf, size_t *len);
/* Write a whole file atomically (temp file in the same directory, fsync, then
 * rename); "-" = stdout. On failure the target is untouched. 0 or -errno. */
int bcf__file_write(const char *path, const void *buf, size_t len);

#endif
