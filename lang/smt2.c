// SPDX-License-Identifier: MIT
/*
 * SMT-LIB QF_BV reader: the script level (commands, sorts, symbols, let
 * scopes, constants) and the public entry bcf_smt2__parse.  The operators
 * are in smt2_ops.c, the grammar in smt2_parser.y, the scanner in
 * smt2_lexer.l.
 *
 * Names: every symbol is interned once; its innermost visible binding hangs
 * off it, shadowed ones chain through prev.  Declared constants become arena
 * variables at their first use, so declared-but-unused ones cost nothing.
 * When the script is read, the nodes reachable from the conjunction of the
 * assertions are copied into a fresh arena, which is what the caller gets.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/error.h"
#include "lang/grow.h"
#include "lang/smt2.h"

/* ---- errors ----------------------------------------------------------- */

int smt2_fail(struct smt2_ctx *ctx, struct smt2_loc loc, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	if (ctx->err)
		return -EINVAL;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ctx->err = -EINVAL;
	return bcf__err(-EINVAL, "%s:%u:%u: %s", ctx->file, loc.line, loc.col, msg);
}

int smt2_nomem(struct smt2_ctx *ctx, struct smt2_loc loc)
{
	if (!ctx->err) {
		ctx->err = -ENOMEM;
		bcf__err(-ENOMEM, "%s:%u:%u: out of memory", ctx->file, loc.line, loc.col);
	}
	return -ENOMEM;
}

const char *smt2_printable(const char *p, size_t len, char *buf, size_t size)
{
	size_t i, n = 0;

	for (i = 0; i < len && n + 4 < size; i++) {
		unsigned char c = p[i];

		buf[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (i < len) {
		n = n > size - 4 ? size - 4 : n;
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

const char *smt2_sort_name(uint16_t width, char *buf, size_t size)
{
	if (width == SMT2_BOOL)
		snprintf(buf, size, "Bool");
	else
		snprintf(buf, size, "(_ BitVec %u)", width);
	return buf;
}

#define SYMNAME(s, b) smt2_printable((s)->name, (s)->len, b, sizeof(b))

/* ---- symbols and stacks ------------------------------------------------ */

static uint32_t hash_bytes(const char *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 16777619u;
	}
	return h;
}

static int sym_grow(struct smt2_ctx *ctx)
{
	uint32_t cap = ctx->symcap ? ctx->symcap * 2 : 1024, i, j;
	struct smt2_sym **t;

	if (cap > (1u << 28))
		return -ENOMEM;
	t = calloc(cap, sizeof(*t));
	if (!t)
		return -ENOMEM;
	for (i = 0; i < ctx->symcap; i++) {
		struct smt2_sym *s = ctx->syms[i];

		if (!s)
			continue;
		for (j = s->hash & (cap - 1); t[j]; j = (j + 1) & (cap - 1))
			;
		t[j] = s;
	}
	free(ctx->syms);
	ctx->syms = t;
	ctx->symcap = cap;
	return 0;
}

struct smt2_sym *smt2_intern(struct smt2_ctx *ctx, const char *p, size_t len)
{
	uint32_t h = hash_bytes(p, len), i;
	struct smt2_sym *s;

	if ((ctx->nsyms + 1) * 2 > ctx->symcap && sym_grow(ctx))
		return NULL;
	for (i = h & (ctx->symcap - 1); (s = ctx->syms[i]); i = (i + 1) & (ctx->symcap - 1))
		if (s->hash == h && s->len == len && !memcmp(s->name, p, len))
			return s;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->name = malloc(len + 1);
	if (!s->name) {
		free(s);
		return NULL;
	}
	memcpy(s->name, p, len);
	s->name[len] = '\0';
	s->len = (uint32_t)len;
	s->hash = h;
	s->op = SMT2_OP_NONE;
	ctx->syms[i] = s;
	ctx->nsyms++;
	return s;
}

/* Make room for one more element of size sz on a stack. */
static int stack_reserve(void **base, uint32_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return 0;
	if (n >= (1u << 30))
		return -ENOMEM;
	return bcf__grow_from(base, cap, (size_t)n + 1, sz, 64);
}

int smt2_push_arg(struct smt2_ctx *ctx, struct smt2_term t, struct smt2_loc loc)
{
	if (stack_reserve((void **)&ctx->args, ctx->nargs, &ctx->argcap, sizeof(*ctx->args)))
		return smt2_nomem(ctx, loc);
	ctx->args[ctx->nargs].t = t;
	ctx->args[ctx->nargs].loc = loc;
	ctx->nargs++;
	return 0;
}

int smt2_push_idx(struct smt2_ctx *ctx, struct smt2_text text, struct smt2_loc loc)
{
	if (stack_reserve((void **)&ctx->idx, ctx->nidx, &ctx->idxcap, sizeof(*ctx->idx)))
		return smt2_nomem(ctx, loc);
	ctx->idx[ctx->nidx].text = text;
	ctx->idx[ctx->nidx].loc = loc;
	ctx->nidx++;
	return 0;
}

uint32_t *smt2_scratch(struct smt2_ctx *ctx, size_t n)
{
	if (n <= ctx->scratchcap)
		return ctx->scratch;
	if (n > (1u << 28) ||
	    bcf__grow((void **)&ctx->scratch, &ctx->scratchcap, n, sizeof(*ctx->scratch)))
		return NULL;
	return ctx->scratch;
}

/*
 * Bindings: global ones (declare/define/:named) live to the end, let
 * bindings are recycled.  Every allocation is on ctx->binds (through all);
 * a free binding is on ctx->free_binds (through prev).
 */
static int bind_push(struct smt2_ctx *ctx, struct smt2_sym *s, enum smt2_bind_kind kind,
		     struct smt2_term t, struct smt2_loc loc)
{
	struct smt2_bind *b = ctx->free_binds;

	if (b) {
		ctx->free_binds = b->prev;
	} else {
		b = calloc(1, sizeof(*b));
		if (!b)
			return smt2_nomem(ctx, loc);
		b->all = ctx->binds;
		ctx->binds = b;
	}
	b->kind = kind;
	b->term = t;
	b->loc = loc;
	b->created = kind != SMT2_BIND_DECL;
	b->prev = s->bind;
	s->bind = b;
	return 0;
}

/* ---- commands ---------------------------------------------------------- */

int smt2_cmd_open(struct smt2_ctx *ctx, struct smt2_loc loc)
{
	if (ctx->seen_exit)
		return smt2_fail(ctx, loc, "command after (exit)");
	return 0;
}

int smt2_set_logic(struct smt2_ctx *ctx, struct smt2_sym *logic, struct smt2_loc loc)
{
	char b[48];

	if (ctx->logic_set)
		return smt2_fail(ctx, loc, "the logic is already set");
	if (ctx->seen_command)
		return smt2_fail(ctx, loc, "set-logic after a declaration or assertion");
	if (strcmp(logic->name, "QF_BV"))
		return smt2_fail(ctx, loc, "logic '%s' is not supported (only QF_BV)",
				 SYMNAME(logic, b));
	ctx->logic_set = true;
	return 0;
}

int smt2_set_info(struct smt2_ctx *ctx, struct smt2_text key, struct smt2_sym *value,
		  struct smt2_loc loc)
{
	static const char k[] = ":bcf-goal";

	if (key.len != sizeof(k) - 1 || memcmp(key.p, k, key.len))
		return 0; /* other attributes are accepted and ignored */
	if (value && !strcmp(value->name, "path"))
		ctx->goal_is_path = true;
	else if (value && !strcmp(value->name, "refine"))
		ctx->goal_is_path = false;
	else
		return smt2_fail(ctx, loc, ":bcf-goal takes path or refine");
	return 0;
}

static int check_fresh(struct smt2_ctx *ctx, struct smt2_sym *s, struct smt2_loc loc)
{
	char b[48];

	if (s->op != SMT2_OP_NONE)
		return smt2_fail(ctx, loc, "'%s' is a predefined symbol", SYMNAME(s, b));
	if (s->bind)
		return smt2_fail(ctx, loc, "'%s' is already declared (at %u:%u)", SYMNAME(s, b),
				 s->bind->loc.line, s->bind->loc.col);
	return 0;
}

int smt2_declare(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		 uint16_t sort)
{
	struct smt2_term t = { 0, sort };

	ctx->seen_command = true;
	if (check_fresh(ctx, sym, loc))
		return -EINVAL;
	return bind_push(ctx, sym, SMT2_BIND_DECL, t, loc);
}

int smt2_define(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc, uint16_t sort,
		struct smt2_term t, struct smt2_loc tloc)
{
	char b[48], s1[24], s2[24];

	ctx->seen_command = true;
	if (check_fresh(ctx, sym, loc))
		return -EINVAL;
	if (t.width != sort)
		return smt2_fail(ctx, tloc, "definition of '%s': term has sort %s, declared %s",
				 SYMNAME(sym, b), smt2_sort_name(t.width, s1, sizeof(s1)),
				 smt2_sort_name(sort, s2, sizeof(s2)));
	return bind_push(ctx, sym, SMT2_BIND_DEFINE, t, loc);
}

int smt2_assert(struct smt2_ctx *ctx, struct smt2_term t, struct smt2_loc loc)
{
	char s[24];

	ctx->seen_command = true;
	if (ctx->seen_check_sat)
		return smt2_fail(ctx, loc, "assert after check-sat (incremental scripts are "
				 "not supported)");
	if (t.width != SMT2_BOOL)
		return smt2_fail(ctx, loc, "assert: term has sort %s, expected Bool",
				 smt2_sort_name(t.width, s, sizeof(s)));
	if (stack_reserve((void **)&ctx->asserts, ctx->nasserts, &ctx->assertcap,
			  sizeof(*ctx->asserts)))
		return smt2_nomem(ctx, loc);
	ctx->asserts[ctx->nasserts++] = t.id;
	return 0;
}

int smt2_check_sat(struct smt2_ctx *ctx, struct smt2_loc loc)
{
	ctx->seen_check_sat = true;
	return 0;
}

int smt2_unsupported(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc)
{
	static const struct {
		const char *name, *why;
	} why[] = {
		{ "push", "assertion stacks" }, { "pop", "assertion stacks" },
		{ "reset", "incremental scripts" }, { "reset-assertions", "incremental scripts" },
		{ "check-sat-assuming", "incremental scripts" },
		{ "get-value", "model queries" },
		{ "declare-sort", "uninterpreted sorts" }, { "define-sort", "sort definitions" },
		{ "declare-datatype", "datatypes" }, { "declare-datatypes", "datatypes" },
		{ "define-fun-rec", "recursive functions" },
		{ "define-funs-rec", "recursive functions" },
		{ "forall", "quantifiers" }, { "exists", "quantifiers" },
		{ "match", "datatypes" }, { "par", "parametric sorts" },
		{ "as", "qualified identifiers" }, { "lambda", "higher-order terms" },
	};
	char b[48];
	size_t i;

	for (i = 0; i < sizeof(why) / sizeof(why[0]); i++)
		if (!strcmp(sym->name, why[i].name))
			return smt2_fail(ctx, loc, "'%s' is not supported (%s are not QF_BV)",
					 why[i].name, why[i].why);
	return smt2_fail(ctx, loc, "unknown command '%s'", SYMNAME(sym, b));
}

/* ---- numerals and sorts ------------------------------------------------ */

uint32_t smt2_numeral(struct smt2_text t)
{
	uint64_t v = 0;
	uint32_t i;

	for (i = 0; i < t.len; i++) {
		v = v * 10 + (uint64_t)(t.p[i] - '0');
		if (v > UINT32_MAX)
			return UINT32_MAX;
	}
	return (uint32_t)v;
}

uint32_t smt2_numeral_mod(struct smt2_text t, uint32_t m)
{
	uint64_t v = 0;
	uint32_t i;

	for (i = 0; i < t.len; i++)
		v = (v * 10 + (uint64_t)(t.p[i] - '0')) % m;
	return (uint32_t)v;
}

int smt2_sort_symbol(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		     uint16_t *sort)
{
	char b[48];

	if (!strcmp(sym->name, "Bool")) {
		*sort = SMT2_BOOL;
		return 0;
	}
	if (!strcmp(sym->name, "BitVec"))
		return smt2_fail(ctx, loc, "'BitVec' needs a width: (_ BitVec n)");
	return smt2_fail(ctx, loc, "sort '%s' is not supported (only Bool and (_ BitVec n))",
			 SYMNAME(sym, b));
}

static int width_index(struct smt2_ctx *ctx, const struct smt2_idx *ix, uint16_t *w)
{
	uint32_t v = smt2_numeral(ix->text);
	char b[48];

	if (v < 1 || v > SMT2_MAX_WIDTH)
		return smt2_fail(ctx, ix->loc, "bit-vector width %s outside 1..%u",
				 smt2_printable(ix->text.p, ix->text.len, b, sizeof(b)),
				 SMT2_MAX_WIDTH);
	*w = (uint16_t)v;
	return 0;
}

int smt2_sort_indexed(struct smt2_ctx *ctx, struct smt2_head h, struct smt2_loc loc,
		      uint16_t *sort)
{
	char b[48];
	int err;

	if (strcmp(h.sym->name, "BitVec"))
		err = smt2_fail(ctx, loc, "sort '(_ %s ...)' is not supported "
				"(only Bool and (_ BitVec n))", SYMNAME(h.sym, b));
	else if (h.nidx != 1)
		err = smt2_fail(ctx, loc, "'(_ BitVec n)' takes one index, got %u", h.nidx);
	else
		err = width_index(ctx, &ctx->idx[h.idx], sort);
	ctx->nidx = h.idx;
	return err;
}

/* ---- constants ---------------------------------------------------------- */

int smt2_bv_const(struct smt2_ctx *ctx, const uint64_t *v, unsigned width,
		  struct smt2_loc loc, struct smt2_term *out)
{
	uint32_t pieces[4], top;
	unsigned n, k, lo;
	int err;

	out->width = width;
	if (width <= 64) {
		err = bcf_arena__bv_const(ctx->arena, width, v[0], &out->id);
		goto done;
	}
	/* wider: 64-bit pieces from the least significant end, concatenated msb first */
	n = (width + 63) / 64;
	for (k = 0; k < n; k++) {
		lo = k * 64;
		err = bcf_arena__bv_const(ctx->arena, width - lo >= 64 ? 64 : width - lo, v[k],
					  &pieces[n - 1 - k]);
		if (err)
			goto done;
	}
	err = bcf_arena__node(ctx->arena, BCF_BV_CONCAT, width, pieces, n, &top);
	out->id = top;
done:
	if (err == -ENOMEM)
		return smt2_nomem(ctx, loc);
	if (err)
		return smt2_fail(ctx, loc, "constant: %s", bcf_last_error());
	return 0;
}

static unsigned hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

int smt2_literal(struct smt2_ctx *ctx, struct smt2_text t, struct smt2_loc loc,
		 struct smt2_term *out)
{
	uint64_t v[4] = { 0 };
	bool hex = t.p[1] == 'x';
	uint32_t ndig = t.len - 2, i, bit;
	uint64_t width = (uint64_t)ndig * (hex ? 4 : 1);

	if (width > SMT2_MAX_WIDTH)
		return smt2_fail(ctx, loc, "%s literal of %llu bits: widths are 1..%u",
				 hex ? "hexadecimal" : "binary", (unsigned long long)width,
				 SMT2_MAX_WIDTH);
	for (i = 0; i < ndig; i++) {
		char c = t.p[t.len - 1 - i];

		if (hex) {
			unsigned d = hexval(c);

			bit = i * 4;
			v[bit / 64] |= (uint64_t)d << (bit % 64);
		} else if (c == '1') {
			v[i / 64] |= (uint64_t)1 << (i % 64);
		}
	}
	return smt2_bv_const(ctx, v, (unsigned)width, loc, out);
}

/* v = v * 10 + d over 256 bits (modulo 2^256). */
static void mul10_add(uint64_t *v, unsigned d)
{
	unsigned __int128 carry = d;
	int k;

	for (k = 0; k < 4; k++) {
		unsigned __int128 x = (unsigned __int128)v[k] * 10 + carry;

		v[k] = (uint64_t)x;
		carry = x >> 64;
	}
}

int smt2_indexed_const(struct smt2_ctx *ctx, struct smt2_head h, struct smt2_loc loc,
		       struct smt2_term *out)
{
	uint64_t v[4] = { 0 };
	const char *name = h.sym->name;
	uint32_t i, len = h.sym->len;
	uint16_t w;
	char b[48];
	int err;

	if (len < 3 || name[0] != 'b' || name[1] != 'v' || name[2] < '0' || name[2] > '9') {
		if (h.sym->op != SMT2_OP_NONE)
			err = smt2_fail(ctx, loc, "'(_ %s ...)' needs an argument", name);
		else
			err = smt2_fail(ctx, loc, "unknown indexed constant '(_ %s ...)'",
					SYMNAME(h.sym, b));
		goto out;
	}
	for (i = 2; i < len; i++)
		if (name[i] < '0' || name[i] > '9')
			break;
	if (i < len || (name[2] == '0' && len > 3)) {
		err = smt2_fail(ctx, loc, "malformed bit-vector constant '(_ %s ...)'",
				SYMNAME(h.sym, b));
		goto out;
	}
	if (h.nidx != 1) {
		err = smt2_fail(ctx, loc, "'(_ %s w)' takes one index (the width), got %u",
				SYMNAME(h.sym, b), h.nidx);
		goto out;
	}
	err = width_index(ctx, &ctx->idx[h.idx], &w);
	if (err)
		goto out;
	/* (_ bvX w) is X modulo 2^w */
	for (i = 2; i < len; i++)
		mul10_add(v, name[i] - '0');
	for (i = w; i < 256; i++)
		v[i / 64] &= ~((uint64_t)1 << (i % 64));
	err = smt2_bv_const(ctx, v, w, loc, out);
out:
	ctx->nidx = h.idx;
	return err;
}

/* ---- names in terms -------------------------------------------------------- */

int smt2_symbol_term(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		     struct smt2_term *out)
{
	struct smt2_bind *b = sym->bind;
	char n[48];
	int err;

	if (b) {
		if (!b->created) {
			err = bcf_arena__var(ctx->arena, b->term.width ? BCF_BV : BCF_BOOL,
					     b->term.width, sym->name, &b->term.id);
			if (err == -ENOMEM)
				return smt2_nomem(ctx, loc);
			if (err)
				return smt2_fail(ctx, loc, "'%s': %s", SYMNAME(sym, n),
						 bcf_last_error());
			b->created = true;
		}
		*out = b->term;
		return 0;
	}
	if (sym->op == SMT2_OP_TRUE || sym->op == SMT2_OP_FALSE) {
		out->width = SMT2_BOOL;
		err = bcf_arena__bool_const(ctx->arena, sym->op == SMT2_OP_TRUE, &out->id);
		return err ? smt2_nomem(ctx, loc) : 0;
	}
	if (sym->op != SMT2_OP_NONE)
		return smt2_fail(ctx, loc, "'%s' is an operator and needs arguments",
				 sym->name);
	return smt2_fail(ctx, loc, "unknown symbol '%s'", SYMNAME(sym, n));
}

int smt2_let_add(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		 struct smt2_term t)
{
	if (sym->op != SMT2_OP_NONE)
		return smt2_fail(ctx, loc, "let cannot bind the predefined symbol '%s'",
				 sym->name);
	if (stack_reserve((void **)&ctx->lets, ctx->nlets, &ctx->letcap, sizeof(*ctx->lets)))
		return smt2_nomem(ctx, loc);
	ctx->lets[ctx->nlets].sym = sym;
	ctx->lets[ctx->nlets].t = t;
	ctx->lets[ctx->nlets].loc = loc;
	ctx->nlets++;
	return 0;
}

int smt2_let_enter(struct smt2_ctx *ctx, uint32_t start)
{
	uint32_t i, gen = ++ctx->let_gen;
	char b[48];

	/* parallel let: the names must be distinct */
	for (i = start; i < ctx->nlets; i++) {
		struct smt2_let *l = &ctx->lets[i];

		if (l->sym->let_mark == gen)
			return smt2_fail(ctx, l->loc, "'%s' is bound twice in one let",
					 SYMNAME(l->sym, b));
		l->sym->let_mark = gen;
	}
	for (i = start; i < ctx->nlets; i++)
		if (bind_push(ctx, ctx->lets[i].sym, SMT2_BIND_LET, ctx->lets[i].t,
			      ctx->lets[i].loc))
			return -ENOMEM;
	return 0;
}

void smt2_let_leave(struct smt2_ctx *ctx, uint32_t start)
{
	uint32_t i;

	for (i = ctx->nlets; i-- > start;) {
		struct smt2_sym *s = ctx->lets[i].sym;
		struct smt2_bind *b = s->bind;

		s->bind = b->prev;
		b->prev = ctx->free_binds;
		ctx->free_binds = b;
	}
	ctx->nlets = start;
}

int smt2_attribute(struct smt2_ctx *ctx, struct smt2_text kw, struct smt2_loc loc,
		   struct smt2_sym *value, bool has_value, struct smt2_loc vloc)
{
	if (kw.len != 6 || memcmp(kw.p, ":named", 6))
		return 0; /* other annotations (:pattern, ...) carry no meaning here */
	if (!value)
		return smt2_fail(ctx, has_value ? vloc : loc, ":named needs a symbol");
	ctx->seen_command = true;
	if (check_fresh(ctx, value, vloc))
		return -EINVAL;
	return bind_push(ctx, value, SMT2_BIND_DEFINE, ctx->annot, vloc);
}

/* ---- the whole script ------------------------------------------------------ */

static void ctx_free(struct smt2_ctx *ctx)
{
	struct smt2_bind *b, *nb;
	uint32_t i;

	for (i = 0; i < ctx->symcap; i++) {
		if (ctx->syms[i]) {
			free(ctx->syms[i]->name);
			free(ctx->syms[i]);
		}
	}
	free(ctx->syms);
	for (b = ctx->binds; b; b = nb) {
		nb = b->all;
		free(b);
	}
	free(ctx->args);
	free(ctx->lets);
	free(ctx->idx);
	free(ctx->asserts);
	free(ctx->scratch);
	bcf_arena__free(ctx->arena);
}

static int ctx_init(struct smt2_ctx *ctx, const char *file)
{
	unsigned i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->file = file;
	ctx->line = ctx->col = 1;
	ctx->arena = bcf_arena__new();
	if (!ctx->arena)
		return -ENOMEM;
	for (i = 0; i < SMT2_NR_OPS; i++) {
		struct smt2_sym *s = smt2_intern(ctx, smt2_op_names[i], strlen(smt2_op_names[i]));

		if (!s)
			return -ENOMEM;
		s->op = (int)i;
	}
	return smt2_reserved_init(ctx);
}

/*
 * Conjunction of the assertions (nested when there are more than 255: nodes
 * of at most 254 arguments, whose CNF_AND_NEG clause still fits in 255
 * literals, rules-bool.md 6.5); true if none.
 */
static int assertions(struct smt2_ctx *ctx, uint32_t *root)
{
	struct smt2_loc end = { ctx->line, ctx->col };
	uint32_t acc, i, k, tmp[255];
	int err;

	if (!ctx->nasserts)
		err = bcf_arena__bool_const(ctx->arena, true, root);
	else if (ctx->nasserts == 1)
		return *root = ctx->asserts[0], 0;
	else if (ctx->nasserts <= 255)
		err = bcf_arena__node(ctx->arena, BCF_BOOL_CONJ, 0, ctx->asserts, ctx->nasserts,
				      root);
	else {
		err = bcf_arena__node(ctx->arena, BCF_BOOL_CONJ, 0, ctx->asserts, 254, &acc);
		for (i = 254; !err && i < ctx->nasserts; i += k) {
			k = ctx->nasserts - i < 253 ? ctx->nasserts - i : 253;
			tmp[0] = acc;
			memcpy(tmp + 1, ctx->asserts + i, k * sizeof(*tmp));
			err = bcf_arena__node(ctx->arena, BCF_BOOL_CONJ, 0, tmp, k + 1, &acc);
		}
		*root = acc;
	}
	if (err == -ENOMEM)
		return smt2_nomem(ctx, end);
	if (err)
		return smt2_fail(ctx, end, "conjunction of the assertions: %s", bcf_last_error());
	return 0;
}

/* Copy the nodes reachable from root into a fresh arena (args precede their users). */
static int compact(const struct bcf_arena *a, uint32_t root, struct bcf_arena **out,
		   uint32_t *new_root)
{
	uint32_t n = a->len, id, i, args[256], *map;
	struct bcf_arena *na;
	uint8_t *live;
	int err = 0;

	*out = NULL;
	live = calloc(n ? n : 1, 1);
	map = malloc((size_t)(n ? n : 1) * sizeof(*map));
	na = bcf_arena__new();
	if (!live || !map || !na) {
		err = -ENOMEM;
		goto out;
	}
	live[root] = 1;
	for (id = n; id-- > 0;) {
		const struct bcf_expr *e;

		if (!a->is_hdr[id] || !live[id])
			continue;
		e = arena_expr(a, id);
		if (bcf_is_leaf(e))
			continue;
		for (i = 0; i < e->vlen; i++)
			live[e->args[i]] = 1;
	}
	for (id = 0; id < n && !err; id += arena_expr(a, id)->vlen + 1) {
		const struct bcf_expr *e = arena_expr(a, id);

		if (!live[id])
			continue;
		if (bcf_is_var(e)) {
			err = bcf_arena__var(na, BCF_TYPE(e->code), BCF_EXPR_LOW(e->params),
					     bcf_arena__var_name(a, id), &map[id]);
			continue;
		}
		for (i = 0; i < e->vlen; i++)
			args[i] = e->code == BCF_BV_VAL ? e->args[i] : map[e->args[i]];
		err = bcf_arena__node(na, e->code, e->params, args, e->vlen, &map[id]);
	}
	if (!err) {
		*new_root = map[root];
		*out = na;
		na = NULL;
	}
out:
	bcf_arena__free(na);
	free(live);
	free(map);
	return err;
}

int bcf_smt2__parse(const char *text, size_t len, const char *filename, struct bcf_cond **out)
{
	struct smt2_ctx ctx;
	struct bcf_cond *c = NULL;
	uint32_t root;
	int err;

	bcf__err_clear();
	if (!out)
		return bcf__err(-EINVAL, "bcf_smt2__parse: no result pointer");
	*out = NULL;
	if (!filename)
		filename = "<input>";
	if (!text && len)
		return bcf__err(-EINVAL, "%s:1:1: no text", filename);
	if (len > SMT2_MAX_INPUT)
		return bcf__err(-EINVAL, "%s:1:1: input of %zu bytes exceeds the limit of %zu",
				filename, len, SMT2_MAX_INPUT);
	err = ctx_init(&ctx, filename);
	if (err) {
		ctx_free(&ctx);
		return bcf__err(err, "%s:1:1: out of memory", filename);
	}
	err = smt2_scan_parse(&ctx, text ? text : "", len);
	if (!err)
		err = assertions(&ctx, &root);
	if (!err) {
		c = calloc(1, sizeof(*c));
		if (!c)
			err = -ENOMEM;
	}
	if (!err) {
		err = compact(ctx.arena, root, &c->arena, &c->refine_cond);
		if (err)
			err = bcf__err(err, "%s:%u:%u: %s", filename, ctx.line, ctx.col,
				       err == -ENOMEM ? "out of memory" : bcf_last_error());
	}
	if (err) {
		free(c);
		ctx_free(&ctx);
		if (err != -ENOMEM)
			err = -EINVAL;
		return err;
	}
	c->path_cond = BCF_COND_NONE;
	if (ctx.goal_is_path) {
		/* a pure path-unreachable request: the formula is path_cond */
		c->path_cond = c->refine_cond;
		c->refine_cond = BCF_COND_NONE;
	}
	ctx_free(&ctx);
	*out = c;
	return 0;
}
