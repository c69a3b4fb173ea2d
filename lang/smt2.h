/* SPDX-License-Identifier: MIT */
/*
 * The SMT-LIB QF_BV reader, internal interface shared by the scanner
 * (lang/smt2_lexer.l), the grammar (lang/smt2_parser.y), the script and
 * symbol handling (lang/smt2.c) and the operator translation
 * (lang/smt2_ops.c).
 *
 * Terms are built bottom-up in the grammar's actions straight into a
 * hash-consed arena.  Everything the parser's value stack refers to is owned
 * by the context (struct smt2_ctx): symbols are interned, argument lists,
 * indices and let bindings live on explicit stacks, so a parse abandoned at
 * any point is cleaned up by freeing the context.
 */
#ifndef BCF_LANG_SMT2_H
#define BCF_LANG_SMT2_H

#include <stdbool.h>
#include <stdint.h>

#include "lang/arena.h"
#include "lang/smt2_ops.h"

#define SMT2_MAX_INPUT ((size_t)256 << 20) /* bytes */
#define SMT2_MAX_WIDTH 255                  /* widest bit-vector term */
#define SMT2_MAX_DISTINCT_PAIRS (1u << 20)  /* one n-ary distinct's expansion limit */
#define SMT2_MAX_EXPANSION (1u << 22)       /* all distinct pairs of one script */

/* Where a token starts (1-based line and byte column). */
struct smt2_loc {
	uint32_t line, col;
};

/* A slice of the input (numerals, literals, strings, keywords); not NUL-terminated. */
struct smt2_text {
	const char *p;
	uint32_t len;
};

/* A sort: 0 = Bool, 1..255 = (_ BitVec n). */
#define SMT2_BOOL 0

/* A built term: arena id and sort. */
struct smt2_term {
	uint32_t id;
	uint16_t width; /* SMT2_BOOL or the bit-vector width */
};

struct smt2_sym;

/* An operator position: a symbol, or (_ symbol index...) with its indices on ctx->idx. */
struct smt2_head {
	struct smt2_sym *sym;
	uint32_t idx, nidx;
	bool indexed;
};

/* A run of entries on one of the context's stacks. */
struct smt2_span {
	uint32_t start, n;
};

enum smt2_bind_kind {
	SMT2_BIND_DECL,   /* declare-fun/declare-const: variable made at first use */
	SMT2_BIND_DEFINE, /* define-fun/define-const/:named */
	SMT2_BIND_LET,
};

struct smt2_bind {
	struct smt2_bind *prev;  /* the binding this one shadows; free list link */
	struct smt2_bind *all;   /* every allocated binding, for freeing */
	enum smt2_bind_kind kind;
	bool created;            /* DECL: term.id is valid */
	struct smt2_term term;
	struct smt2_loc loc;
};

/* An interned symbol: the unit of name lookup. */
struct smt2_sym {
	char *name;
	uint32_t len, hash;
	int token;              /* reserved word's token, 0 for an ordinary symbol */
	int op;                 /* enum smt2_op, or SMT2_OP_NONE */
	struct smt2_bind *bind; /* innermost visible binding */
	uint32_t let_mark;
};

/* Argument stack entry, let stack entry, index stack entry. */
struct smt2_arg {
	struct smt2_term t;
	struct smt2_loc loc;
};

struct smt2_let {
	struct smt2_sym *sym;
	struct smt2_term t;
	struct smt2_loc loc;
};

struct smt2_idx {
	struct smt2_text text;
	struct smt2_loc loc;
};

struct smt2_ctx {
	const char *file;
	struct bcf_arena *arena;
	int err;                 /* first error: 0, -EINVAL or -ENOMEM */

	struct smt2_sym **syms;  /* open-addressing table */
	uint32_t nsyms, symcap;

	struct smt2_arg *args;
	uint32_t nargs;
	size_t argcap;
	struct smt2_let *lets;
	uint32_t nlets;
	size_t letcap;
	struct smt2_idx *idx;
	uint32_t nidx;
	size_t idxcap;
	uint32_t *asserts;
	uint32_t nasserts;
	size_t assertcap;
	uint32_t *scratch;
	size_t scratchcap;

	struct smt2_bind *binds;     /* allocation list (through all) */
	struct smt2_bind *free_binds;
	uint32_t let_gen;
	uint64_t expansion;          /* distinct pairs built so far */

	struct smt2_term annot;      /* term of the innermost (! ...) being read */
	uint32_t line, col;          /* scanner position */
	bool logic_set, seen_command, seen_check_sat, seen_exit;
	bool goal_is_path;           /* (set-info :bcf-goal path) */
	void *fatal_jmp;             /* jmp_buf * while the scanner runs */
};

/* ---- errors ---- */
/* Record "file:line:col: message" (only the first error of a parse is kept); -EINVAL. */
int smt2_fail(struct smt2_ctx *ctx, struct smt2_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int smt2_nomem(struct smt2_ctx *ctx, struct smt2_loc loc);
/* A symbol name made safe to print (truncated, non-printables as '?'); buf >= 48 bytes. */
const char *smt2_printable(const char *p, size_t len, char *buf, size_t size);
/* "Bool" or "(_ BitVec n)". */
const char *smt2_sort_name(uint16_t width, char *buf, size_t size);

/* ---- symbols and stacks ---- */
struct smt2_sym *smt2_intern(struct smt2_ctx *ctx, const char *p, size_t len);
int smt2_push_arg(struct smt2_ctx *ctx, struct smt2_term t, struct smt2_loc loc);
int smt2_push_idx(struct smt2_ctx *ctx, struct smt2_text text, struct smt2_loc loc);
uint32_t *smt2_scratch(struct smt2_ctx *ctx, size_t n);

/* ---- script commands ---- */
int smt2_cmd_open(struct smt2_ctx *ctx, struct smt2_loc loc);
int smt2_set_logic(struct smt2_ctx *ctx, struct smt2_sym *logic, struct smt2_loc loc);
/* (set-info :bcf-goal path|refine): which kernel condition the assertions form. */
int smt2_set_info(struct smt2_ctx *ctx, struct smt2_text key, struct smt2_sym *value,
		  struct smt2_loc loc);
int smt2_declare(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		 uint16_t sort);
int smt2_define(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc, uint16_t sort,
		struct smt2_term t, struct smt2_loc tloc);
int smt2_assert(struct smt2_ctx *ctx, struct smt2_term t, struct smt2_loc loc);
int smt2_check_sat(struct smt2_ctx *ctx, struct smt2_loc loc);
int smt2_unsupported(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc);

/* ---- sorts ---- */
int smt2_sort_symbol(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		     uint16_t *sort);
int smt2_sort_indexed(struct smt2_ctx *ctx, struct smt2_head h, struct smt2_loc loc,
		      uint16_t *sort);

/* ---- terms ---- */
int smt2_symbol_term(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		     struct smt2_term *out);
int smt2_literal(struct smt2_ctx *ctx, struct smt2_text text, struct smt2_loc loc,
		 struct smt2_term *out);
int smt2_indexed_const(struct smt2_ctx *ctx, struct smt2_head h, struct smt2_loc loc,
		       struct smt2_term *out);
int smt2_let_add(struct smt2_ctx *ctx, struct smt2_sym *sym, struct smt2_loc loc,
		 struct smt2_term t);
int smt2_let_enter(struct smt2_ctx *ctx, uint32_t start);
void smt2_let_leave(struct smt2_ctx *ctx, uint32_t start);
int smt2_attribute(struct smt2_ctx *ctx, struct smt2_text kw, struct smt2_loc loc,
		   struct smt2_sym *value, bool has_value, struct smt2_loc vloc);
/* Bit-vector constant of width 1..255 from 64-bit words, least significant first. */
int smt2_bv_const(struct smt2_ctx *ctx, const uint64_t *v, unsigned width,
		  struct smt2_loc loc, struct smt2_term *out);
/* Numeral index value, saturated at UINT32_MAX. */
uint32_t smt2_numeral(struct smt2_text t);
/* Numeral index value modulo m (m >= 1). */
uint32_t smt2_numeral_mod(struct smt2_text t, uint32_t m);

/* smt2_ops.c: apply a builtin to the arguments in span (then popped), result in *out. */
int smt2_apply(struct smt2_ctx *ctx, struct smt2_head h, struct smt2_loc loc,
	       struct smt2_span args, struct smt2_term *out);

/* smt2_lexer.l: reserved words, and the whole scan + parse of a text. */
int smt2_reserved_init(struct smt2_ctx *ctx);
int smt2_scan_parse(struct smt2_ctx *ctx, const char *text, size_t len);

#endif
