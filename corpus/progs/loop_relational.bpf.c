/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: loop bound relative to a variable start.
 *   x = rnd & 3;  for (i = x; i < x + 8; i++) *(u8 *)(fp - 8 + (i - x)) = 0
 * i - x is 0..7 inside the loop.  The verifier unrolls the loop with
 * ranges for i and x + 8 but not their difference, which grows each round
 * until the store leaves the stack.
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "invalid variable-offset write to stack R2 var_off=(0x0; 0xf) size=1"
 *   BCF kernel 7.2 without proofs: "invalid variable-offset write to stack R2 var_off=(0x0; 0xffffffffffffffff) off=0 size=1"
 * BCF: refinement of the stack offset under the loop path condition: unsat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int loop_relational(void)
{
	asm volatile(
	"call %[rnd];"
	"r6 = r0;"
	"r6 &= 3;"		/* x */
	"r7 = r6;"		/* i = x */
	"r8 = r6;"
	"r8 += 8;"		/* end = x + 8 */
	"l_loop_%=:"
	"if r7 >= r8 goto l_out_%=;"
	"r1 = r7;"
	"r1 -= r6;"		/* i - x */
	"r2 = r10;"
	"r2 += -8;"
	"r2 += r1;"
	"r3 = 0;"
	"*(u8 *)(r2 + 0) = r3;"
	"r7 += 1;"
	"goto l_loop_%=;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS : "memory");
}

LICENSE;
