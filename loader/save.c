// SPDX-License-Identifier: MIT
/*
 * --save: every condition the kernel exported (DIR/conds/NAME.cond, the
 * bytes exactly as the kernel wrote them), every proof (DIR/proofs/NAME.bcf)
 * and DIR/manifest.tsv, one line per request (name, proof bytes, status,
 * goal), which `bcf batch DIR/manifest.tsv` reads.  Files are written whole
 * (temp + rename); manifest lines are appended with one write each.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang/error.h"
#include "lang/fileio.h"
#include "loader/loader_int.h"

static int mkdir_p(const char *dir)
{
	if (mkdir(dir, 0755) && errno != EEXIST)
		return bcf__err(-errno, "%s: %s", dir, strerror(errno));
	return 0;
}

static int append_manifest(const char *dir, const char *line)
{
	char path[4096];
	struct stat st;
	bool fresh;
	int fd, err = 0;
	size_t len;

	snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
	fresh = stat(path, &st) != 0 || st.st_size == 0;
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
		return bcf__err(-errno, "%s: %s", path, strerror(errno));
	if (fresh) {
		static const char hdr[] = "name\tproof_bytes\tstatus\tgoal\n";

		if (write(fd, hdr, sizeof(hdr) - 1) != (ssize_t)sizeof(hdr) - 1)
			err = bcf__err(-EIO, "%s: write failed", path);
	}
	len = strlen(line);
	if (!err && write(fd, line, len) != (ssize_t)len)
		err = bcf__err(-EIO, "%s: write failed", path);
	close(fd);
	return err;
}

int loader_save(const char *dir, const char *name, const void *cond, size_t cond_size,
		const struct bcf_prove_result *res)
{
	char path[4096], line[512];
	bool proven = res && (res->status == BCF_PROVE_PROVEN_PATH ||
			      res->status == BCF_PROVE_PROVEN_REFINE);
	int err;

	if (strchr(name, '/') || strchr(name, '\t') || strchr(name, '\n'))
		return bcf__err(-EINVAL, "save name '%s' has a '/', tab or newline", name);
	err = mkdir_p(dir);
	if (!err) {
		snprintf(path, sizeof(path), "%s/conds", dir);
		err = mkdir_p(path);
	}
	if (!err) {
		snprintf(path, sizeof(path), "%s/conds/%s.cond", dir, name);
		err = bcf__file_write(path, cond, cond_size);
		if (err)
			err = bcf__err(err, "%s: %s", path, strerror(-err));
	}
	if (!err && proven) {
		snprintf(path, sizeof(path), "%s/proofs", dir);
		err = mkdir_p(path);
		if (!err) {
			snprintf(path, sizeof(path), "%s/proofs/%s.bcf", dir, name);
			err = bcf__file_write(path, res->proof, res->proof_size);
			if (err)
				err = bcf__err(err, "%s: %s", path, strerror(-err));
		}
	}
	if (err)
		return err;
	snprintf(line, sizeof(line), "%s\t%zu\t%s\t%s\n", name, proven ? res->proof_size : 0,
		 res ? bcf_prove_status__name(res->status) : "invalid",
		 !proven ? "-" : res->status == BCF_PROVE_PROVEN_PATH ? "path" : "refine");
	return append_manifest(dir, line);
}
