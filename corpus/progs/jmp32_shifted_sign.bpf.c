/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: JMP64 bound on r1, JMP32 sign test on a shifted copy.
 *   if r1 > 255 goto out;  w2 = w1 << 24;  if w2 s< 0 goto out
 *   value[r1] = 1               -- value is 128 bytes
 * w2 is non-negative exactly when bit 7 of r1 is clear, so r1 <= 127
 * below.  The verifier learns the sign of w2, a new value, and keeps r1
 * in [0, 255].
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R3 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R3 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=128 off=255 size=1")
 * BCF: refinement of the offset, condition with a JMP64 and a JMP32 branch: unsat.
 */
#include "progs.h"

VALUE_MAP(jmp32_shifted_sign_map, 128);

SEC("socket")
__attribute__((naked)) int jmp32_shifted_sign(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r1 = r0;"
	"if r1 > 255 goto l_out_%=;"
	"w2 = w1;"
	"w2 <<= 24;"
	"if w2 s< 0 goto l_out_%=;"
	"r3 = r7;"
	"r3 += r1;"
	"r4 = 1;"
	"*(u8 *)(r3 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&jmp32_shifted_sign_map) : "memory");
}

LICENSE;
