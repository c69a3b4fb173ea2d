// SPDX-License-Identifier: MIT
/*
 * syscall() of the bcf executable (see cli/bpf_hook.h): bpf() goes to
 * bcf_loader__sys_hook() first, everything else straight to the kernel.
 * The raw system call is issued with inline assembly on x86-64 and
 * aarch64 (this also works in a static link), elsewhere through the next
 * definition of syscall() (dlsym RTLD_NEXT).
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bcf/loader.h>

#include "cli/bpf_hook.h"

static long raw_syscall(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret;
#if defined(__x86_64__)
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
#elif defined(__aarch64__)
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;
	register long x3 __asm__("x3") = a4;
	register long x4 __asm__("x4") = a5;
	register long x5 __asm__("x5") = a6;

	__asm__ volatile("svc 0"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory");
	ret = x0;
#else
	static long (*next)(long, ...);

	if (!next)
		next = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
	if (!next)
		return -ENOSYS;
	ret = next(n, a1, a2, a3, a4, a5, a6);
	return ret < 0 ? -errno : ret;
#endif
	return ret;
}

#ifndef BCF_BPF_DOUBLE
long cli_bpf_backend(long cmd, void *attr, unsigned long size)
{
	return raw_syscall(__NR_bpf, cmd, (long)attr, (long)size, 0, 0, 0);
}

const char *cli_bpf_backend_name(void)
{
	return "";
}
#endif

long syscall(long n, ...)
{
	long a[6], ret;
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (n == __NR_bpf) {
		if (!bcf_loader__sys_hook(a[0], (void *)a[1], (unsigned long)a[2], &ret))
			ret = cli_bpf_backend(a[0], (void *)a[1], (unsigned long)a[2]);
	} else {
		ret = raw_syscall(n, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	if (ret < 0 && ret > -4096) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}
