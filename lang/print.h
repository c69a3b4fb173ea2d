/* SPDX-License-Identifier: MIT */
/*
 * Internal printers that work over any node store through a lookup
 * callback (an arena, or the checker's static + dynamic nodes).
 */
#ifndef BCF_LANG_PRINT_H
#define BCF_LANG_PRINT_H

#include <bcf/bcf.h>

/*
 * The kernel checker's s-expression text of root (spec/format.md 6) at the
 * given depth (root = level 1; deeper arguments print as @t<id>).  Writes a
 * NUL-terminated string and returns its length, or -ENOSPC if it does not
 * fit in size bytes (the kernel then prints nothing for the expression).
 * The kernel's buffer is 512 bytes: pass size 512 to reproduce its log.
 */
int bcf__print_kernel_expr(bcf_expr_lookup_fn lookup, void *ctx, uint32_t root, unsigned depth,
			   char *buf, size_t size);

/*
 * One step line of the kernel's log: "(#<idx> <RULE> (<premises>) (<params>)[ <conclusion>])"
 * without a trailing newline.  concl = UINT32_MAX prints no conclusion.
 * is_static(ctx, id) tells whether a parameter word is a valid static id
 * (printed as an expression) or not (printed as @t<word>).
 */
int bcf__print_kernel_step(bcf_expr_lookup_fn lookup, bool (*is_static)(void *ctx, uint32_t id),
			   void *ctx, uint32_t idx, const struct bcf_proof_step *step,
			   uint32_t concl, char *buf, size_t size);

#endif
