/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: JMP64 bound on r1, JMP32 bound on a value derived from it.
 *   if r1 > 255 goto out;  w2 = w1 * 3;  if w2 > 300 goto out
 *   value[r1] = 1               -- value is 101 bytes
 * 3 * r1 cannot wrap 32 bits, so r1 <= 100 below.  The verifier bounds w2
 * (a new value) but not r1, which stays [0, 255].
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R3 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R3 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=101 off=255 size=1")
 * BCF: refinement of the offset, condition with a JMP64 and a JMP32 branch: unsat.
 */
#include "progs.h"

VALUE_MAP(jmp32_bound_copy_map, 101);

SEC("socket")
__attribute__((naked)) int jmp32_bound_copy(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r1 = r0;"
	"if r1 > 255 goto l_out_%=;"
	"w2 = w1;"
	"w2 *= 3;"
	"if w2 > 300 goto l_out_%=;"
	"r3 = r7;"
	"r3 += r1;"
	"r4 = 1;"
	"*(u8 *)(r3 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&jmp32_bound_copy_map) : "memory");
}

LICENSE;
