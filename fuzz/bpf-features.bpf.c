// SPDX-License-Identifier: MIT
/* A seed for fuzz/fuzz_bpf (fuzz/mkseeds.sh builds it with clang -g and strips DWARF):
 * several programs and maps, a ring buffer, .rodata/.data/.bss, a kconfig extern, a
 * subprogram and a CO-RE read, so that .BTF.ext carries all three blocks. Not loaded. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, int); __type(value, long); } m SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
const volatile int cfg = 3;
int counter;
long arr[8] = {1,2};
struct task { int pid; long x; } __attribute__((preserve_access_index));
extern int LINUX_KERNEL_VERSION __kconfig;
static __noinline int sub(int x) { return x * cfg + counter; }
SEC("xdp") int p1(struct xdp_md *ctx) { int k = 0; long *v = bpf_map_lookup_elem(&m, &k); if (v) *v += sub(ctx->ingress_ifindex); return XDP_PASS; }
SEC("kprobe/foo") int p2(struct task *t) { int pid = BPF_CORE_READ(t, pid); arr[pid & 7]++; return LINUX_KERNEL_VERSION > 0 ? sub(pid) : 0; }
SEC("socket") int p3(void *ctx) { counter++; return 0; }
char LICENSE[] SEC("license") = "GPL";
