// SPDX-License-Identifier: MIT
/*
 * The loader's object parsing on a malformed BPF object (fuzz/fuzz_bpf.c
 * finding): Debian's libbpf 1.1 segfaults in bpf_object__open_mem/open_file
 * when one byte of the .BTF section of corpus/progs/varvar_map.bpf.o (byte
 * 290 of the section, inside a BTF type record; file offset 1230 in the build
 * the fuzzer saw) is 0xff.  The section's offset moves with the build
 * directory (DWARF and BTF strings hold paths), so it is looked up in the
 * section headers.  bcf_loader__object_progs()
 * (which `bcf load` runs first on every object) must refuse it with -EINVAL
 * and a message instead of crashing.  The pristine object still lists its
 * program.  Nothing may reach the kernel: bpf() is answered with EPERM here.
 * Skipped when the object is not built (no clang) or differs from the one
 * the case was derived from.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bcf/bcf.h>
#include <bcf/loader.h>
#include "tests/tap.h"

static unsigned long bpf_calls;

long syscall(long n, ...)
{
	static long (*next)(long, ...);
	long a[6];
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (n == __NR_bpf) {
		bpf_calls++;
		errno = EPERM;
		return -1;
	}
	if (!next)
		next = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
	return next(n, a[0], a[1], a[2], a[3], a[4], a[5]);
}

#define OBJ "corpus/progs/varvar_map.bpf.o"
#define OBJ_MAX 65536
#define BTF_BAD 290 /* offset of the bad byte inside .BTF */

static uint64_t rd(const unsigned char *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* File offset of the ELF64 little-endian section named .BTF, or 0. */
static size_t btf_offset(const unsigned char *b, size_t len)
{
	uint64_t shoff, stroff, off, noff;
	unsigned shentsize, shnum, shstrndx, i;

	if (len < 64 || memcmp(b, "\177ELF\2\1", 6))
		return 0;
	shoff = rd(b + 40, 8);
	shentsize = rd(b + 58, 2);
	shnum = rd(b + 60, 2);
	shstrndx = rd(b + 62, 2);
	if (shentsize != 64 || shstrndx >= shnum || shoff > len ||
	    (uint64_t)shnum * 64 > len - shoff)
		return 0;
	stroff = rd(b + shoff + (uint64_t)shstrndx * 64 + 24, 8);
	for (i = 0; i < shnum; i++) {
		const unsigned char *sh = b + shoff + (uint64_t)i * 64;

		noff = stroff + rd(sh, 4);
		off = rd(sh + 24, 8);
		if (noff + 5 <= len && !memcmp(b + noff, ".BTF", 5) && off < len)
			return off;
	}
	return 0;
}

int main(void)
{
	char tmpl[] = "/tmp/test_loader_parse.XXXXXX", **names = NULL;
	static unsigned char buf[OBJ_MAX];
	size_t n = 0, len, i, bad = 0;
	FILE *f = fopen(OBJ, "rb");
	int err, fd;

	len = f ? fread(buf, 1, sizeof(buf), f) : 0;
	if (f)
		fclose(f);
	if (len && len < sizeof(buf))
		bad = btf_offset(buf, len) + BTF_BAD;
	if (bad <= BTF_BAD || bad >= len || buf[bad] != 0) {
		printf("1..0 # SKIP %s not built or not the object the case was derived from\n", OBJ);
		return 0;
	}

	err = bcf_loader__object_progs(OBJ, &names, &n);
	ok(!err && n >= 1, "the pristine object lists %zu program(s) (%d: %s)", n, err,
	   err ? bcf_last_error() : "");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);

	buf[bad] = 0xff;
	fd = mkstemp(tmpl);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
		return fprintf(stderr, "cannot write %s\n", tmpl), 1;
	close(fd);
	names = NULL;
	n = 0;
	err = bcf_loader__object_progs(tmpl, &names, &n);
	ok(err == -EINVAL && strstr(bcf_last_error(), "libbpf crashed"),
	   "one bad .BTF byte: refused with -EINVAL, no crash (%d: %s)", err, bcf_last_error());
	ok(!names && !n, "and no program list");
	unlink(tmpl);
	ok(bpf_calls == 0, "opening objects issued no bpf() call (%lu)", bpf_calls);
	return done_testing();
}
