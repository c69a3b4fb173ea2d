/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: variable stack offset from a difference of masks.
 *   i = (x & 15) - (x & 8)      -- x & 7: 0..7
 *   r0 = *(u8 *)(fp - 8 + i)    -- reads one of the 8 initialised bytes
 * The verifier sees [0, 15] - [0, 8] = [-8, 15] and the read may reach fp + 7.
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "invalid variable-offset read from stack R3 var_off=(0x0; 0xffffffffffffffff) size=1"
 *   BCF kernel 7.2 without proofs: "invalid variable-offset read from stack R3 var_off=(0x0; 0xffffffffffffffff) off=0 size=1"
 * BCF: refinement of the stack offset: unsat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int mask_sub_stack(void)
{
	asm volatile(
	"r1 = 0;"
	"*(u64 *)(r10 - 8) = r1;"
	"*(u64 *)(r10 - 16) = r1;"
	"call %[rnd];"
	"r1 = r0;"
	"r1 &= 15;"
	"r2 = r0;"
	"r2 &= 8;"
	"r1 -= r2;"		/* 0..7 */
	"r3 = r10;"
	"r3 += -8;"
	"r3 += r1;"
	"r0 = *(u8 *)(r3 + 0);"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS : "memory");
}

LICENSE;
