/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UNSAFE on purpose: variable stack offset that can leave the frame.
 *   i = (x & 15) - (x & 3)      -- 0, 4, 8 or 12
 *   *(u8 *)(fp - 8 + i) = 0     -- i >= 8 writes at or above fp
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "invalid variable-offset write to stack R3 var_off=(0x0; 0xffffffffffffffff) size=1"
 *   BCF kernel 7.2 without proofs: "invalid variable-offset write to stack R3 var_off=(0x0; 0xffffffffffffffff) off=0 size=1"
 * BCF: the refinement condition is satisfiable (x & 8 != 0): rejected as sat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int unsafe_mask_stack(void)
{
	asm volatile(
	"call %[rnd];"
	"r1 = r0;"
	"r1 &= 15;"
	"r2 = r0;"
	"r2 &= 3;"
	"r1 -= r2;"
	"r3 = r10;"
	"r3 += -8;"
	"r3 += r1;"
	"r4 = 0;"
	"*(u8 *)(r3 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS : "memory");
}

LICENSE;
