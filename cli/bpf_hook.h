/* SPDX-License-Identifier: MIT */
/*
 * The bcf executable's syscall(): libbpf issues bpf() as syscall(__NR_bpf),
 * so defining syscall() in the executable routes libbpf's calls (and
 * libbcf's own) through bcf_loader__sys_hook() and then to a backend: the
 * real system call, or a test double (tests/bcf_double.c provides its own
 * backend and links the same commands).
 */
#ifndef BCF_CLI_BPF_HOOK_H
#define BCF_CLI_BPF_HOOK_H

/* Where bpf() calls go that the loader does not take over. */
long cli_bpf_backend(long cmd, void *attr, unsigned long size);
/* "" for the kernel, " (protocol double)" for the double: appended to messages. */
const char *cli_bpf_backend_name(void);

#endif
