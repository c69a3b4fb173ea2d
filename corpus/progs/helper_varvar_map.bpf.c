/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: helper memory argument with var offset + var size in a map value.
 *   off = rnd & 15;  len = 64 - off
 *   bpf_skb_load_bytes(skb, 0, value + off, len)
 * The copy always ends at the end of the 64-byte value; the verifier checks
 * offset 15 with size 64.
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R3 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R3 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=64 off=15 size=64")
 * BCF: var + var refinement, condition (off + len) s> 64: unsat.
 */
#include "progs.h"

VALUE_MAP(helper_varvar_map_map, 64);

SEC("socket")
__attribute__((naked)) int helper_varvar_map(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r0 &= 15;"
	"r4 = 64;"
	"r4 -= r0;"		/* len in [49, 64] */
	"r3 = r7;"
	"r3 += r0;"
	"r1 = r6;"
	"r2 = 0;"
	"call %[load_bytes];"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&helper_varvar_map_map) : "memory");
}

LICENSE;
