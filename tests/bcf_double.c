// SPDX-License-Identifier: MIT
/*
 * tests/bcf_double: the bcf command with the protocol double as its
 * kernel.  It is built from the same sources as bcf, with cli/bpf_hook.c
 * compiled -DBCF_BPF_DOUBLE so that every bpf() call (libbpf's and
 * libbcf's) reaches this backend instead of the system call.
 *   BCF_DOUBLE_SCRIPT  the script (tests/protocol_double.c), required
 *   BCF_DOUBLE_KERNEL  overrides the script's kernel line
 *   BCF_DOUBLE_STATS   at exit, append "key value" lines: violations,
 *                      open_fds (fds handed out and never closed), ...
 *   BCF_DOUBLE_BPFFS   a directory that statfs() reports as a bpffs, so
 *                      libbpf pins there (the double creates plain files)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cli/bpf_hook.h"
#include "tests/protocol_double.h"

static struct dbl *the_double;

static void write_stats(void)
{
	const char *path = getenv("BCF_DOUBLE_STATS");
	const struct dbl_stats *s;
	FILE *f;

	if (!the_double || !path || !(f = fopen(path, "a")))
		return;
	s = dbl_stats(the_double);
	fprintf(f, "violations %u\nopen_fds %u\nrequests %u\nproofs_ok %u\nproofs_bad %u\n"
		"nospc %u\nbcf_fds %u\nprog_fds %u\nmaps %u\npins %u\n", s->violations,
		dbl_open_fds(the_double), s->requests, s->proofs_ok, s->proofs_bad, s->nospc,
		s->bcf_fds, s->prog_fds, s->maps, s->pins);
	if (s->violations)
		fprintf(f, "last_violation %s\n", s->last_violation);
	fclose(f);
}

static struct dbl *get(void)
{
	const char *script = getenv("BCF_DOUBLE_SCRIPT"), *k = getenv("BCF_DOUBLE_KERNEL");
	char err[512] = "";

	if (the_double)
		return the_double;
	if (!script) {
		fprintf(stderr, "bcf_double: BCF_DOUBLE_SCRIPT is not set\n");
		exit(2);
	}
	the_double = dbl_new(DBL_BCF);
	if (!the_double || dbl_load_script(the_double, script, err, sizeof(err))) {
		fprintf(stderr, "bcf_double: %s\n", err[0] ? err : "out of memory");
		exit(2);
	}
	if (k) {
		static const char *const names[] = { "bcf", "stock", "stock-new", "bcf-nocap",
						     "nopriv" };
		unsigned i;

		for (i = 0; i < 5 && strcmp(k, names[i]); i++)
			;
		if (i == 5) {
			fprintf(stderr, "bcf_double: unknown BCF_DOUBLE_KERNEL '%s'\n", k);
			exit(2);
		}
		dbl_set_kernel(the_double, (enum dbl_kernel)i);
	}
	atexit(write_stats);
	return the_double;
}

long cli_bpf_backend(long cmd, void *attr, unsigned long size)
{
	return dbl_bpf(get(), (int)cmd, attr, (unsigned)size);
}

const char *cli_bpf_backend_name(void)
{
	return " (protocol double)";
}

/* libbpf checks that a pin path is on a bpffs with statfs() (statfs64 in its ABI). */
int statfs64(const char *path, struct statfs64 *buf);
int statfs64(const char *path, struct statfs64 *buf)
{
	const char *fake = getenv("BCF_DOUBLE_BPFFS");
	long r = syscall(SYS_statfs, path, buf);

	if (r == 0 && fake && fake[0] && !strncmp(path, fake, strlen(fake)))
		buf->f_type = 0xcafe4a11; /* BPF_FS_MAGIC */
	return (int)r;
}
