/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: JSET with a multi-bit mask.
 *   x = rnd & 3;  if !(x & 3) goto out;  value[8 - x] = 1
 * On the taken side of JSET x is 1, 2 or 3, so 8 - x is 5..7.  The
 * verifier learns nothing from a JSET with a mask of more than one bit on
 * its taken side: x stays [0, 3] and 8 - x may be 8, one past the value.
 * (Debian's clang 14 has no assembler syntax for JSET: the instruction is
 * written as its encoding; llvm-objdump 14 shows it as <unknown>.)
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R3 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R3 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=8 off=8 size=1")
 * BCF: refinement of the offset under the JSET path condition: unsat.
 */
#include "progs.h"

VALUE_MAP(jset_nonzero_map, 8);

SEC("socket")
__attribute__((naked)) int jset_nonzero(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r1 = r0;"
	"r1 &= 3;"
	".quad 0x0000000300010145;"	/* if r1 & 3 goto +1 (JSET | K) */
	"goto l_out_%=;"
	"r2 = 8;"
	"r2 -= r1;"		/* 5..7, verifier [5, 8] */
	"r3 = r7;"
	"r3 += r2;"
	"r4 = 1;"
	"*(u8 *)(r3 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&jset_nonzero_map) : "memory");
}

LICENSE;
