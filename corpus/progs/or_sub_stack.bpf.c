/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: variable stack offset, or/and identity.
 *   i = (x | 4) - (x & ~4)      -- always 4
 *   *(u8 *)(fp - 8 + i) = 0     -- fp - 4
 * For the verifier (x | 4) is [4, 63] and (x & ~4) is [0, 59]: i is
 * [-55, 63].
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "invalid variable-offset write to stack R3 var_off=(0x0; 0xffffffffffffffff) size=1"
 *   BCF kernel 7.2 without proofs: "invalid variable-offset write to stack R3 var_off=(0x0; 0xffffffffffffffff) off=0 size=1"
 * BCF: refinement of the stack offset (both bounds): unsat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int or_sub_stack(void)
{
	asm volatile(
	"call %[rnd];"
	"r0 &= 63;"
	"r1 = r0;"
	"r1 |= 4;"
	"r2 = r0;"
	"r2 &= -5;"
	"r1 -= r2;"		/* 4 */
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
