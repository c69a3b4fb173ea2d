/* SPDX-License-Identifier: MIT */
/*
 * tests/bpf_eperm.h - for programs that open BPF objects through libbpf and
 * must never reach the kernel (tests/test_loader_parse.c, fuzz/fuzz_bpf.c):
 * defines syscall(), which libbpf issues bpf() through, answering every
 * bpf() with EPERM and counting it in bpf_eperm_calls; every other system
 * call goes to the C library's syscall().  Include it in one file of the
 * program only (it defines a function).
 */
#ifndef BCF_TESTS_BPF_EPERM_H
#define BCF_TESTS_BPF_EPERM_H

#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <unistd.h>

static unsigned long bpf_eperm_calls;

/* declared by <unistd.h> (_GNU_SOURCE) */
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
		bpf_eperm_calls++;
		errno = EPERM;
		return -1;
	}
	if (!next)
		next = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
	return next(n, a[0], a[1], a[2], a[3], a[4], a[5]);
}

#endif
