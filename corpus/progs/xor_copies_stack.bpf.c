/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: variable stack offset from the xor of two copies of a register.
 *   x = rnd & 31;  y = x;  i = x ^ y;  *(u8 *)(fp - 8 + i) = 0
 * i is always 0.  The verifier does not relate the copies once one of them
 * is changed, and the xor of two unknown 5-bit values is [0, 31] for it.
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "math between fp pointer and register with unbounded min value is not allowed"
 *   BCF kernel 7.2 without proofs: "invalid variable-offset write to stack R3 var_off=(0x0; 0xffffffffffffffff) off=0 size=1"
 * BCF: refinement of the stack offset; condition i s> 7: unsat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int xor_copies_stack(void)
{
	asm volatile(
	"call %[rnd];"
	"r1 = r0;"
	"r1 &= 31;"		/* x in [0, 31] */
	"r2 = r1;"		/* y = x */
	"r1 ^= r2;"		/* i = x ^ y == 0 */
	"r3 = r10;"
	"r3 += -8;"
	"r3 += r1;"		/* fp - 8 + i */
	"r4 = 0;"
	"*(u8 *)(r3 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS : "memory");
}

LICENSE;
