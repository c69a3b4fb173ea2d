/* SPDX-License-Identifier: GPL-2.0 */
/*
 * corpus/progs/progs.h: shared pieces of bcf's own corpus of BPF programs
 * that the stock verifier rejects although they are safe.
 *
 * Every program is a socket filter written as a naked function of inline
 * assembly, so that clang emits exactly the instruction pattern under test
 * (no optimisation can fold the imprecise computation away).  Socket filters
 * load on Debian's kernel and on the minimal BCF test kernel alike.
 */
#ifndef BCF_PROGS_H
#define BCF_PROGS_H

#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* An array map with one element of SIZE bytes: a map value is a memory
 * region [0, SIZE) that the verifier checks every access against. */
#define VALUE_MAP(name, size)                                   \
	struct {                                                \
		__uint(type, BPF_MAP_TYPE_ARRAY);               \
		__uint(max_entries, 1);                         \
		__type(key, __u32);                             \
		__type(value, unsigned char[size]);             \
	} name SEC(".maps")

/*
 * r7 = pointer to the value of MAP's element 0 (or return 0 when the lookup
 * fails); r6 = the context.  Clobbers r0-r5.  Needs "l_out_%=" to exist.
 */
#define LOOKUP_R7(map)                                          \
	"r6 = r1;"                                              \
	"r1 = 0;"                                               \
	"*(u32 *)(r10 - 4) = r1;"                               \
	"r2 = r10;"                                             \
	"r2 += -4;"                                             \
	"r1 = " map " ll;"                                      \
	"call %[lookup];"                                       \
	"if r0 == 0 goto l_out_%=;"                             \
	"r7 = r0;"

#define HELPERS                                                 \
	[lookup] "i"(BPF_FUNC_map_lookup_elem),                 \
	[rnd] "i"(BPF_FUNC_get_prandom_u32),                    \
	[load_bytes] "i"(BPF_FUNC_skb_load_bytes)

#define LICENSE char _license[] SEC("license") = "GPL"

#endif
