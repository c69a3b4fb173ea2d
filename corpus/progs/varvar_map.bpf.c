/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: map value access at var + var offset (relational).
 *   x = rnd & 63;  y = 63 - x;  value[x + y] = 1
 * x + y is always 63, the last byte of the 64-byte value.  The verifier
 * keeps one interval per register, so x + y is [0, 126] for it.
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R1 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R1 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=64 off=126 size=1")
 * BCF: refinement of R1's offset, condition (x + (63 - x)) s> 63: unsat.
 */
#include "progs.h"

VALUE_MAP(vv_map, 64);

SEC("socket")
__attribute__((naked)) int varvar_map(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r2 = r0;"
	"r2 &= 63;"		/* x in [0, 63] */
	"r3 = 63;"
	"r3 -= r2;"		/* y = 63 - x */
	"r1 = r7;"
	"r1 += r2;"
	"r1 += r3;"		/* value + x + y == value + 63 */
	"r4 = 1;"
	"*(u8 *)(r1 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&vv_map) : "memory");
}

LICENSE;
