// SPDX-License-Identifier: MIT
/*
 * SMT-LIB 2 (QF_BV) printer.  The script declares every variable reachable
 * from the root, defines every non-leaf node that is used more than once as
 * "t<id>" (ids ascend, so definitions precede their uses), and asserts the
 * root.  Every BCF code prints as standard SMT-LIB with the same meaning;
 * the few without a direct counterpart are translated:
 *
 *   bv_ite c a b, c 1-bit bv  ->  (ite (= c #b1) a b)
 *   bool_bitof[i] x           ->  (= ((_ extract i i) x) #b1)
 *   bv_from_bool b0..bn-1     ->  (concat (ite bn-1 #b1 #b0) ... (ite b0 #b1 #b0))
 *   bv_bvsize x               ->  the constant width(x)
 *
 * Lists have no SMT-LIB meaning and are refused.  No recursion: reachable
 * nodes are found by one backward sweep (arguments precede their users)
 * and terms are written with an explicit stack.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/arena.h"
#include "lang/error.h"
#include "lang/grow.h"
#include "lang/print_buf.h"
#include "lang/smt2_ops.h"

/* ---- variable names ------------------------------------------------------ */

struct nameset {
	char **slot;
	size_t cap, n;
};

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ull;
	}
	return h;
}

static bool nameset_has(const struct nameset *ns, const char *s)
{
	size_t i;

	if (!ns->cap)
		return false;
	for (i = name_hash(s) & (ns->cap - 1); ns->slot[i]; i = (i + 1) & (ns->cap - 1))
		if (!strcmp(ns->slot[i], s))
			return true;
	return false;
}

/* Insert s (not owned); the set must have room (sized up front). */
static void nameset_add(struct nameset *ns, char *s)
{
	size_t i;

	for (i = name_hash(s) & (ns->cap - 1); ns->slot[i]; i = (i + 1) & (ns->cap - 1))
		;
	ns->slot[i] = s;
	ns->n++;
}

/* Reserved words and sort names; the operator names come from SMT2_OPS. */
static const char *const reserved_names[] = {
	"_", "!", "as", "let", "exists", "forall", "match", "par",
	"NUMERAL", "DECIMAL", "STRING", "BINARY", "HEXADECIMAL",
	"Bool", "BitVec",
};

static bool is_reserved(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(reserved_names) / sizeof(reserved_names[0]); i++)
		if (!strcmp(s, reserved_names[i]))
			return true;
	for (i = 0; i < SMT2_NR_OPS; i++)
		if (!strcmp(s, smt2_op_names[i]))
			return true;
	return false;
}

static bool is_simple_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("~!@$%^&*_-+=<>.?/", c);
}

/*
 * 0: usable as a simple symbol; 1: usable inside |...|; -1: not usable
 * (empty, reserved, solver-reserved prefix, our t<digits> definitions, or
 * characters a quoted symbol cannot hold).
 */
static int name_kind(const char *s)
{
	bool simple = true;
	const char *p;

	if (!s || !*s || *s == '@' || *s == '.')
		return -1;
	if (s[0] == 't' && s[1]) {
		for (p = s + 1; *p >= '0' && *p <= '9'; p++)
			;
		if (!*p)
			return -1;
	}
	if (is_reserved(s))
		return -1;
	for (p = s; *p; p++) {
		if (*p == '|' || *p == '\\' || *p < 0x20 || *p > 0x7e)
			return -1;
		if (!is_simple_char(*p))
			simple = false;
	}
	if (s[0] >= '0' && s[0] <= '9')
		simple = false;
	return simple ? 0 : 1;
}

/* Printed names of the variables among ids: names[id] (malloc'd, quoted if needed). */
static int name_vars(const struct bcf_arena *a, const uint8_t *live, uint32_t nvars,
		     char **names)
{
	struct nameset ns = { 0 };
	uint32_t id;
	int err = 0;

	ns.cap = 16;
	while (ns.cap < (size_t)nvars * 2 + 2)
		ns.cap *= 2;
	ns.slot = calloc(ns.cap, sizeof(*ns.slot));
	if (!ns.slot)
		return -ENOMEM;
	/* first the given names that are usable and not taken */
	for (id = 0; id < a->len && !err; id++) {
		const char *given;
		int kind;

		if (!live[id] || !bcf_is_var(arena_expr(a, id)))
			continue;
		given = bcf_arena__var_name(a, id);
		kind = name_kind(given);
		if (kind < 0 || nameset_has(&ns, given))
			continue;
		names[id] = kind ? malloc(strlen(given) + 3) : strdup(given);
		if (!names[id]) {
			err = -ENOMEM;
			break;
		}
		if (kind)
			sprintf(names[id], "|%s|", given);
		nameset_add(&ns, (char *)given);
	}
	/* then v<id> / b<id>, made unique with a suffix if needed */
	for (id = 0; id < a->len && !err; id++) {
		char buf[48];
		unsigned k = 0;

		if (!live[id] || !bcf_is_var(arena_expr(a, id)) || names[id])
			continue;
		snprintf(buf, sizeof(buf), "%c%u", bcf_is_bv(arena_expr(a, id)) ? 'v' : 'b', id);
		while (nameset_has(&ns, buf))
			snprintf(buf, sizeof(buf), "%c%u_%u", bcf_is_bv(arena_expr(a, id)) ? 'v' : 'b',
				 id, ++k);
		names[id] = strdup(buf);
		if (!names[id]) {
			err = -ENOMEM;
			break;
		}
		nameset_add(&ns, names[id]);
	}
	free(ns.slot);
	return err;
}

/* ---- terms ------------------------------------------------------------- */

/* The SMT-LIB operator of each BCF code that prints as "(op arg ...)" (SMT2_OPS, pr = 1). */
static const char *const op_by_code[256] = {
#define SMT2_X_PRINT(id, name, kind, nidx, lo, hi, code, pr) SMT2_X_PRINT_##pr(code, name)
#define SMT2_X_PRINT_0(code, name)
#define SMT2_X_PRINT_1(code, name) [code] = name,
	SMT2_OPS(SMT2_X_PRINT)
#undef SMT2_X_PRINT
#undef SMT2_X_PRINT_0
#undef SMT2_X_PRINT_1
};

static const char *smt_op(uint8_t code)
{
	/* SMT-LIB's ite is both BCF's bit-vector and boolean ite */
	return op_by_code[code == BCF_BOOL_ITE ? BCF_BV_ITE : code];
}

struct smt_frame {
	const struct bcf_expr *e;
	unsigned next;     /* next argument to write */
	const char *close; /* written after the last argument */
	const char *post;  /* pending text after the argument just written */
};

struct smt_ctx {
	const struct bcf_arena *a;
	const uint32_t *uses;
	char *const *names;
	struct pbuf *out;
	struct smt_frame *st;
	size_t sp, cap;
};

static bool is_shared(const struct smt_ctx *c, uint32_t id)
{
	const struct bcf_expr *e = arena_expr(c->a, id);

	return c->uses[id] > 1 && !bcf_is_leaf(e) && e->code != BCF_BV_BVSIZE;
}

static int push(struct smt_ctx *c, const struct bcf_expr *e, const char *close)
{
	if (bcf__grow_from((void **)&c->st, &c->cap, c->sp + 1, sizeof(*c->st), 64))
		return -ENOMEM;
	c->st[c->sp++] = (struct smt_frame){ e, 0, close, NULL };
	return 0;
}

/*
 * Start writing node id: leaves, references to definitions and constants
 * are written whole; an operator node writes its head and pushes a frame.
 * define is true for the body of a definition (written in full even if shared).
 */
static int open_term(struct smt_ctx *c, uint32_t id, bool define)
{
	const struct bcf_expr *e = arena_expr(c->a, id);
	struct pbuf *o = c->out;
	const char *op;

	if (!define && is_shared(c, id)) {
		pbuf_putf(o, "t%u", id);
		return 0;
	}
	switch (e->code) {
	case BCF_BV_VAR:
	case BCF_BOOL_VAR:
		pbuf_puts(o, c->names[id]);
		return 0;
	case BCF_BV_VAL:
		pbuf_putf(o, "(_ bv%" PRIu64 " %u)", bcf_expr__bv_value(e), BCF_EXPR_LOW(e->params));
		return 0;
	case BCF_BOOL_VAL:
		pbuf_puts(o, e->params & 1 ? "true" : "false");
		return 0;
	case BCF_BV_BVSIZE: {
		const struct bcf_expr *x = arena_expr(c->a, e->args[0]);

		pbuf_putf(o, "(_ bv%u %u)", bcf_expr__width(x), BCF_EXPR_LOW(e->params));
		return 0;
	}
	case BCF_BV_EXTRACT:
		pbuf_putf(o, "((_ extract %u %u)", BCF_EXPR_HIGH(e->params), BCF_EXPR_LOW(e->params));
		return push(c, e, ")");
	case BCF_BV_SIGN_EXTEND:
		pbuf_putf(o, "((_ sign_extend %u)", BCF_EXPR_HIGH(e->params));
		return push(c, e, ")");
	case BCF_BV_ZERO_EXTEND:
		pbuf_putf(o, "((_ zero_extend %u)", BCF_EXPR_HIGH(e->params));
		return push(c, e, ")");
	case BCF_BV_REPEAT:
		pbuf_putf(o, "((_ repeat %u)", BCF_EXPR_HIGH(e->params));
		return push(c, e, ")");
	case BCF_BOOL_BITOF:
		pbuf_putf(o, "(= ((_ extract %u %u)", BCF_EXPR_LOW(e->params),
			  BCF_EXPR_LOW(e->params));
		return push(c, e, ") #b1)");
	case BCF_BV_FROM_BOOL:
		if (e->vlen > 1)
			pbuf_puts(o, "(concat");
		return push(c, e, e->vlen > 1 ? ")" : "");
	default:
		break;
	}
	op = smt_op(e->code);
	if (!op || !e->vlen)
		return bcf__err(-EINVAL, "expression %u (%s) has no SMT-LIB form", id,
				bcf_code__name(e->code) ? bcf_code__name(e->code) : "invalid code");
	pbuf_putf(o, "(%s", op);
	return push(c, e, ")");
}

/* Write the term for id (in full if define) with an explicit stack. */
static int write_term(struct smt_ctx *c, uint32_t id, bool define)
{
	int err = open_term(c, id, define);

	while (!err && c->sp) {
		struct smt_frame *f = &c->st[c->sp - 1];
		const struct bcf_expr *e = f->e;
		uint32_t arg;
		unsigned i;

		if (f->post) {
			pbuf_puts(c->out, f->post);
			f->post = NULL;
		}
		if (f->next >= e->vlen) {
			pbuf_puts(c->out, f->close);
			c->sp--;
			continue;
		}
		i = f->next++;
		if (e->code == BCF_BV_FROM_BOOL) {
			/* most significant bit (last argument) first */
			arg = e->args[e->vlen - 1 - i];
			pbuf_puts(c->out, e->vlen > 1 ? " (ite " : "(ite ");
			f->post = " #b1 #b0)";
		} else {
			arg = e->args[i];
			pbuf_putc(c->out, ' ');
			if (e->code == BCF_BV_ITE && i == 0 && bcf_is_bv(arena_expr(c->a, arg))) {
				pbuf_puts(c->out, "(= ");
				f->post = " #b1)";
			}
		}
		err = open_term(c, arg, false);
	}
	c->sp = 0;
	return err;
}

static void write_sort(struct pbuf *o, const struct bcf_expr *e)
{
	if (bcf_is_bool(e))
		pbuf_puts(o, "Bool");
	else
		pbuf_putf(o, "(_ BitVec %u)", bcf_expr__width(e));
}

int bcf_print__smt2(const struct bcf_arena *a, uint32_t root, char **out)
{
	struct pbuf o = { 0 };
	struct smt_ctx c = { 0 };
	uint32_t *uses = NULL, id, i, nvars = 0;
	uint8_t *live = NULL;
	char **names = NULL;
	int err = 0;

	*out = NULL;
	if (!a || root >= a->len || !a->is_hdr[root])
		return bcf__err(-EINVAL, "root %u is not an expression id", root);
	if (!bcf_is_bool(arena_expr(a, root)))
		return bcf__err(-EINVAL, "root %u is not boolean", root);
	uses = calloc((size_t)root + 1, sizeof(*uses));
	live = calloc((size_t)root + 1, 1);
	names = calloc((size_t)root + 1, sizeof(*names));
	if (!uses || !live || !names) {
		err = -ENOMEM;
		goto out;
	}
	/* reachable nodes and their use counts: one backward sweep */
	live[root] = 1;
	for (id = root + 1; id-- > 0;) {
		const struct bcf_expr *e;

		if (!live[id] || !a->is_hdr[id])
			continue;
		e = arena_expr(a, id);
		if (bcf_is_list(e)) {
			err = bcf__err(-EINVAL, "expression %u is a list; lists have no SMT-LIB form",
				       id);
			goto out;
		}
		if (bcf_is_var(e))
			nvars++;
		if (bcf_is_leaf(e) || e->code == BCF_BV_BVSIZE)
			continue;
		for (i = 0; i < e->vlen; i++) {
			live[e->args[i]] = 1;
			uses[e->args[i]]++;
		}
	}
	c.a = a;
	c.uses = uses;
	c.names = names;
	c.out = &o;
	/* names index by id: name_vars only looks at ids <= root */
	{
		struct bcf_arena view = *a;

		view.len = root + 1;
		err = name_vars(&view, live, nvars, names);
		if (err)
			goto out;
	}
	pbuf_puts(&o, "(set-logic QF_BV)\n");
	for (id = 0; id <= root; id++) {
		if (!live[id] || !a->is_hdr[id] || !bcf_is_var(arena_expr(a, id)))
			continue;
		pbuf_putf(&o, "(declare-fun %s () ", names[id]);
		write_sort(&o, arena_expr(a, id));
		pbuf_puts(&o, ")\n");
	}
	for (id = 0; id < root && !err; id++) {
		if (!live[id] || !a->is_hdr[id] || !is_shared(&c, id))
			continue;
		pbuf_putf(&o, "(define-fun t%u () ", id);
		write_sort(&o, arena_expr(a, id));
		pbuf_putc(&o, ' ');
		err = write_term(&c, id, true);
		pbuf_puts(&o, ")\n");
	}
	if (err)
		goto out;
	pbuf_puts(&o, "(assert ");
	err = write_term(&c, root, true);
	if (err)
		goto out;
	pbuf_puts(&o, ")\n(check-sat)\n(exit)\n");
	err = pbuf_finish(&o, out);
out:
	pbuf_free(&o);
	free(c.st);
	if (names)
		for (id = 0; id <= root; id++)
			free(names[id]);
	free(names);
	free(uses);
	free(live);
	return err;
}
