/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: arithmetic shift and mask, unreachable path.
 *   m = w0 s>> 30               -- -2, -1, 0 or 1
 *   w1 = m & 0x70               -- 0x70, 0x70, 0 or 0
 *   if w1 == 0 goto out         -- so w1 == 0x70 below
 *   if w1 != 0x50 goto out      -- never falls through
 *   r0 = r5                     -- r5 is not readable after a call
 * For the verifier w1 is [0x10, 0x70] with tnum (0; 0x70) after the first
 * branch, which contains 0x50: it explores the dead path and fails on it.
 * (The BCF cover letter example, w1 = (w0 s>> 31) & -134, is accepted by
 * the 7.2 verifier, which explores a [-1, 0] value as two constants before
 * an AND; a shift by 30 leaves four values.)
 *
 * Message of the stock verifier (the last line of its log), quoted by the VM test:
 *   Debian 6.1: "R5 !read_ok"
 *   BCF kernel 7.2 without proofs: "R5 !read_ok"
 * BCF: path-unreachable request; the path condition is unsat.
 */
#include "progs.h"

SEC("socket")
__attribute__((naked)) int arsh_mask_path(void)
{
	asm volatile(
	"call %[rnd];"
	"w1 = w0;"
	"w1 s>>= 30;"
	"w1 &= 0x70;"
	"if w1 == 0 goto l_out_%=;"
	"if w1 != 0x50 goto l_out_%=;"
	"r0 = r5;"		/* dead: r5 was clobbered by the call */
	"exit;"
	"l_out_%=:"
	"r0 = 0;"
	"exit;"
	:: HELPERS : "memory");
}

LICENSE;
