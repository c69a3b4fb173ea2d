/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UNSAFE on purpose: map value access one past the end.
 *   x = rnd & 63;  y = 64 - x;  value[x + y] = 1   -- always value[64]
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R1 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R1 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=64 off=127 size=1")
 * BCF: the refinement condition (x + y) s> 63 is satisfiable (every x is a
 * counterexample): the program is rejected as sat.
 */
#include "progs.h"

VALUE_MAP(unsafe_varvar_map_map, 64);

SEC("socket")
__attribute__((naked)) int unsafe_varvar_map(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r2 = r0;"
	"r2 &= 63;"
	"r3 = 64;"
	"r3 -= r2;"
	"r1 = r7;"
	"r1 += r2;"
	"r1 += r3;"
	"r4 = 1;"
	"*(u8 *)(r1 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&unsafe_varvar_map_map) : "memory");
}

LICENSE;
