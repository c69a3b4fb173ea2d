/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: helper memory argument with var offset + var size on the stack.
 *   off = rnd & 31;  len = 64 - off
 *   bpf_skb_load_bytes(skb, 0, fp - 64 + off, len)
 * The buffer always ends at fp.  The verifier checks the largest size with
 * the largest offset: [fp - 64 + 31, fp + 31).
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "invalid variable-offset indirect access to stack R3 var_off=(0x0; 0x1f) size=64"
 *   BCF kernel 7.2 without proofs: "invalid variable-offset write to stack R3 var_off=(0xffffffffffffffc0; 0x1f) off=0 size=64"
 * BCF: var + var refinement, condition (off + len) s> 64: unsat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int helper_varvar_stack(void)
{
	asm volatile(
	"r6 = r1;"
	"call %[rnd];"
	"r0 &= 31;"
	"r4 = 64;"
	"r4 -= r0;"		/* len in [33, 64] */
	"r3 = r10;"
	"r3 += -64;"
	"r3 += r0;"
	"r1 = r6;"
	"r2 = 0;"
	"call %[load_bytes];"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS : "memory");
}

LICENSE;
