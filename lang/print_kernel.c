// SPDX-License-Identifier: MIT
/*
 * The kernel checker's textual dump (spec/format.md 6): expressions as
 * s-expressions cut at a depth, and one line per proof step.  Output goes
 * into a caller's fixed buffer; if it does not fit the result is -ENOSPC
 * (the kernel then prints nothing for that expression).  No recursion: an
 * explicit stack of open nodes, whose depth is bounded by both the depth
 * argument and the buffer size (every open node has written a '(').
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <bcf/uapi.h>
#include "lang/arena.h"
#include "lang/print.h"

/* The kernel cuts argument lists after this many arguments. */
#define KPRINT_MAX_ARGS 4
/* ... and premise / parameter lists after this many entries. */
#define KPRINT_MAX_LIST 3
/* The kernel's per-expression buffer. */
#define KPRINT_EXPR_BUF 512

struct kbuf {
	char *buf;
	size_t size, len;
	bool full;
};

static void kput(struct kbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void kput(struct kbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->buf + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= b->size - b->len) {
		b->full = true;
		return;
	}
	b->len += n;
}

struct kframe {
	const struct bcf_expr *e;
	unsigned next;  /* next argument to print */
	unsigned level; /* level of this node (root = 1) */
};

/*
 * Print one node that sits at the given level.  Returns true when the
 * node was opened and its arguments remain to be printed (the caller
 * pushes a frame); false when it was printed completely.
 */
static bool open_node(struct kbuf *b, bcf_expr_lookup_fn lookup, void *ctx, uint32_t id,
		      unsigned level, unsigned depth, const struct bcf_expr **out)
{
	const struct bcf_expr *e;
	const char *name;

	if (level > depth || !(e = lookup(ctx, id))) {
		kput(b, "@t%u", id);
		return false;
	}
	*out = e;
	switch (e->code) {
	case BCF_BOOL_VAL:
		kput(b, "%s", e->params & 1 ? "true" : "false");
		return false;
	case BCF_BV_VAL:
		kput(b, "(_ bv%" PRIu64 " %u)", bcf_expr__bv_value(e), BCF_EXPR_LOW(e->params));
		return false;
	case BCF_BV_VAR:
		kput(b, "(bv_var(0) %u)", BCF_EXPR_LOW(e->params));
		return false;
	case BCF_BV_EXTRACT:
		kput(b, "((_ extract %u %u)", BCF_EXPR_HIGH(e->params), BCF_EXPR_LOW(e->params));
		break;
	case BCF_BV_SIGN_EXTEND:
		kput(b, "((_ sign_extend %u)", BCF_EXPR_HIGH(e->params));
		break;
	case BCF_BV_ZERO_EXTEND:
		kput(b, "((_ zero_extend %u)", BCF_EXPR_HIGH(e->params));
		break;
	case BCF_BV_REPEAT:
		kput(b, "((_ repeat %u)", BCF_EXPR_HIGH(e->params));
		break;
	case BCF_BOOL_BITOF:
		kput(b, "((_ bit %u)", BCF_EXPR_LOW(e->params));
		break;
	default:
		name = bcf_code__name(e->code);
		kput(b, "(%s(%u)", name ? name : "unknown", e->vlen);
		break;
	}
	if (!e->vlen) {
		kput(b, ")");
		return false;
	}
	return true;
}

static int print_expr(struct kbuf *b, bcf_expr_lookup_fn lookup, void *ctx, uint32_t root,
		      unsigned depth)
{
	struct kframe small[16], *st = small;
	size_t cap = sizeof(small) / sizeof(small[0]), sp = 0;
	const struct bcf_expr *e = NULL;
	int err = 0;

	if (!open_node(b, lookup, ctx, root, 1, depth, &e))
		return b->full ? -ENOSPC : 0;
	st[sp++] = (struct kframe){ e, 0, 1 };
	while (sp && !b->full) {
		struct kframe *f = &st[sp - 1];
		unsigned level;

		if (f->next >= f->e->vlen || f->next >= KPRINT_MAX_ARGS) {
			kput(b, "%s)", f->next < f->e->vlen ? " ..." : "");
			sp--;
			continue;
		}
		level = f->level + 1;
		kput(b, " ");
		if (!open_node(b, lookup, ctx, f->e->args[f->next++], level, depth, &e))
			continue;
		if (sp == cap) {
			struct kframe *ns;

			/* bounded: every open frame has written at least one byte */
			ns = malloc(cap * 2 * sizeof(*ns));
			if (!ns) {
				err = -ENOMEM;
				break;
			}
			memcpy(ns, st, sp * sizeof(*ns));
			if (st != small)
				free(st);
			st = ns;
			cap *= 2;
		}
		st[sp++] = (struct kframe){ e, 0, level };
	}
	if (st != small)
		free(st);
	if (err)
		return err;
	return b->full ? -ENOSPC : 0;
}

int bcf__print_kernel_expr(bcf_expr_lookup_fn lookup, void *ctx, uint32_t root, unsigned depth,
			   char *buf, size_t size)
{
	struct kbuf b = { buf, size, 0, false };
	int err;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	err = print_expr(&b, lookup, ctx, root, depth);
	if (err) {
		buf[0] = '\0';
		return err;
	}
	return (int)b.len;
}

int bcf_print__kernel(const struct bcf_arena *a, uint32_t root, unsigned depth, char *buf,
		      size_t size)
{
	return bcf__print_kernel_expr(bcf_arena__lookup, (void *)a, root, depth, buf, size);
}

/* An expression as the kernel logs it: empty if it overflows its 512 bytes. */
static void put_expr(struct kbuf *b, bcf_expr_lookup_fn lookup, void *ctx, uint32_t id,
		     unsigned depth)
{
	char tmp[KPRINT_EXPR_BUF];

	if (bcf__print_kernel_expr(lookup, ctx, id, depth, tmp, sizeof(tmp)) < 0)
		tmp[0] = '\0';
	kput(b, "%s", tmp);
}

int bcf__print_kernel_step(bcf_expr_lookup_fn lookup, bool (*is_static)(void *ctx, uint32_t id),
			   void *ctx, uint32_t idx, const struct bcf_proof_step *step,
			   uint32_t concl, char *buf, size_t size)
{
	struct kbuf b = { buf, size, 0, false };
	const uint32_t *prem = step->args, *param = step->args + step->premise_cnt;
	unsigned i;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	kput(&b, "(#%u %s (", idx, bcf_rule__display_name(step->rule));
	for (i = 0; i < step->premise_cnt && i < KPRINT_MAX_LIST; i++)
		kput(&b, "%s@p%u", i ? " " : "", prem[i]);
	if (step->premise_cnt > KPRINT_MAX_LIST)
		kput(&b, " ...");
	kput(&b, ") (");
	for (i = 0; i < step->param_cnt && i < KPRINT_MAX_LIST; i++) {
		if (i) {
			kput(&b, ", @t%u", param[i]);
			continue;
		}
		if (step->rule == BCF_RULE_BITBLAST && lookup(ctx, param[0]))
			put_expr(&b, lookup, ctx, param[0], 2);
		else if (is_static && is_static(ctx, param[0]) && lookup(ctx, param[0]))
			put_expr(&b, lookup, ctx, param[0], 1);
		else
			kput(&b, "@t%u", param[0]);
	}
	if (step->param_cnt > KPRINT_MAX_LIST)
		kput(&b, "...");
	kput(&b, ")");
	if (concl != UINT32_MAX) {
		kput(&b, " ");
		put_expr(&b, lookup, ctx, concl, 2);
	}
	kput(&b, ")");
	if (b.full) {
		buf[0] = '\0';
		return -ENOSPC;
	}
	return (int)b.len;
}
