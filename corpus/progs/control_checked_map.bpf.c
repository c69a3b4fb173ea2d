/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control, not a verifier imprecision: the access of varvar_map written so
 * that the stock verifier follows it (one register, masked to the value).
 *   x = rnd & 63;  value[x] = 1
 * Every verifier accepts it; `bcf load` loads it without a proof request.
 */
#include "progs.h"

VALUE_MAP(control_checked_map_map, 64);

SEC("socket")
__attribute__((naked)) int control_checked_map(void)
{
	asm volatile(
	LOOKUP_R7("%[map]")
	"call %[rnd];"
	"r2 = r0;"
	"r2 &= 63;"
	"r1 = r7;"
	"r1 += r2;"
	"r4 = 1;"
	"*(u8 *)(r1 + 0) = r4;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS, [map] "i"(&control_checked_map_map) : "memory");
}

LICENSE;
