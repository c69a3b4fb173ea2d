/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: arithmetic shift and masks selecting one of two offsets.
 *   m = w0 s>> 30               -- -2, -1, 0 or 1
 *   i = (m & 40) + (~m & 24)    -- 40 (m < 0) or 24 (m >= 0)
 *   *(u64 *)(value + i) = 0     -- value is 48 bytes
 * For the verifier m & 40 is [0, 40] and ~m & 24 is [0, 24], so i is
 * [0, 64] and the 8-byte store may end at 72.
 * (With m = w0 s>> 31, in [-1, 0], the 7.2 verifier explores m & 40 as two
 * constants but keeps ~m & 24 as [0, 24]; that fork is not part of the BCF
 * path condition, so the exported condition loses the relation between the
 * two halves and is satisfiable: a shift by 30 avoids the fork.)
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R3 max value is outside of the allowed memory range"
 *   BCF kernel 7.2 without proofs: "R3 max value is outside of the allowed memory range"
 *   (after "invalid access to map value, value_size=48 off=64 size=8")
 * BCF: refinement of the offset; condition i s> 40: unsat.
 */
#include "progs.h"

VALUE_MAP(arsh_select_map_map, 48);

SEC("socket")
__attribute__((naked)) int arsh_select_map(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"w1 = w0;"
	"w1 s>>= 30;"		/* m */
	"w2 = w1;"
	"w2 ^= -1;"		/* ~m */
	"w1 &= 40;"
	"w2 &= 24;"
	"w1 += w2;"		/* i in {24, 40} */
	"r3 = r7;"
	"r3 += r1;"
	"r4 = 0;"
	"*(u64 *)(r3 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&arsh_select_map_map) : "memory");
}

LICENSE;
