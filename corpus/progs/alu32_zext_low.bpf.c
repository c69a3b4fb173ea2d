/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: ALU32 zero-extension facts.
 *   w2 = w1 (the low word of r1, zero-extended);  d = r1 - r2
 *   w3 = w(d) & 31;  *(u64 *)(value + 56 + w3) = 0
 * r1 - zext(w1) has a zero low word, so w3 is 0.  For the verifier r1 is
 * unknown, tnum subtraction leaves the low word unknown: w3 is [0, 31].
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R4 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R4 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=64 off=87 size=8")
 * BCF: refinement of the offset, condition over extract/zero_extend: unsat.
 */
#include "progs.h"

VALUE_MAP(alu32_zext_low_map, 64);

SEC("socket")
__attribute__((naked)) int alu32_zext_low(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r8 = r0;"
	"r8 <<= 32;"
	"call %[rnd];"
	"r8 |= r0;"		/* 64 unknown bits */
	"w2 = w8;"		/* zext(low word) */
	"r3 = r8;"
	"r3 -= r2;"		/* low word zero */
	"w3 &= 31;"		/* always 0 */
	"r4 = r7;"
	"r4 += 56;"
	"r4 += r3;"
	"r5 = 0;"
	"*(u64 *)(r4 + 0) = r5;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&alu32_zext_low_map) : "memory");
}

LICENSE;
