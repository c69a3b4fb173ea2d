/* SPDX-License-Identifier: MIT */
/*
 * SMT-LIB QF_BV script grammar.  LALR(1) with bison's heap-allocated stack,
 * so nesting depth costs memory, not C stack; exhaustion is a syntax error
 * like any other.  Terms are built in the actions, bottom-up; semantic
 * errors are recorded in the context and abort the parse.
 */
%define api.pure full
%define api.prefix {smt2_}
%define api.location.type {struct smt2_loc}
%define parse.error verbose
%locations
%expect 0

%param {void *scanner}
%parse-param {struct smt2_ctx *ctx}

%code requires {
#include "lang/smt2.h"
}

%code {
#include <errno.h>

/* Up to a million states: about 24 MiB of parser stack at the deepest. */
#define YYMAXDEPTH 1000000

/* A node's location is where its first token starts. */
#define YYLLOC_DEFAULT(cur, rhs, n)                             \
	do {                                                    \
		if (n)                                          \
			(cur) = YYRHSLOC(rhs, 1);               \
		else                                            \
			(cur) = YYRHSLOC(rhs, 0);               \
	} while (0)

int smt2_lex(SMT2_STYPE *lval, SMT2_LTYPE *lloc, void *scanner);

static void smt2_error(SMT2_LTYPE *loc, void *scanner, struct smt2_ctx *ctx, const char *msg)
{
	if (!strcmp(msg, "memory exhausted"))
		smt2_fail(ctx, *loc, "nesting too deep (parser stack exhausted)");
	else
		smt2_fail(ctx, *loc, "%s", msg);
}

#define TRY(x)                          \
	do {                            \
		if ((x) < 0)            \
			YYABORT;        \
	} while (0)
}

%union {
	struct smt2_term term;
	struct smt2_text text;
	struct smt2_sym *sym;
	struct smt2_head head;
	struct smt2_span span;
	uint16_t sort;
}

%token LP "("
%token RP ")"
%token <sym> SYMBOL "symbol"
%token <text> NUMERAL "numeral"
%token <text> DECIMAL "decimal"
%token <text> BINARY "binary literal"
%token <text> HEX "hexadecimal literal"
%token <text> STRING "string literal"
%token <text> KEYWORD "keyword"
%token <sym> UNDERSCORE "_"
%token <sym> BANG "!"
%token <sym> LET "let"
%token <sym> TERM_UNSUPPORTED "binder"
%token <sym> RESERVED "reserved word"
%token <sym> SET_LOGIC "set-logic"
%token <sym> SET_INFO "set-info"
%token <sym> SET_OPTION "set-option"
%token <sym> DECLARE_FUN "declare-fun"
%token <sym> DECLARE_CONST "declare-const"
%token <sym> DEFINE_FUN "define-fun"
%token <sym> DEFINE_CONST "define-const"
%token <sym> ASSERT "assert"
%token <sym> CHECK_SAT "check-sat"
%token <sym> EXIT "exit"
%token <sym> CMD_IGNORED "output command"
%token <sym> CMD_UNSUPPORTED "unsupported command"
%token LEXERR "invalid token"

%type <term> term
%type <head> head indexed
%type <span> args indices bindings binding
%type <sort> sort
%type <sym> attr_value

%%

script
	: %empty
	| script command
	;

open
	: "(" { TRY(smt2_cmd_open(ctx, @1)); }
	;

command
	: open SET_LOGIC SYMBOL ")"		{ TRY(smt2_set_logic(ctx, $3, @3)); }
	| open SET_INFO KEYWORD ")"
	| open SET_INFO KEYWORD attr_value ")"	{ TRY(smt2_set_info(ctx, $3, $4, @4)); }
	| open SET_OPTION KEYWORD ")"
	| open SET_OPTION KEYWORD attr_value ")"
	| open DECLARE_FUN SYMBOL "(" ")" sort ")"
						{ TRY(smt2_declare(ctx, $3, @3, $6)); }
	| open DECLARE_FUN SYMBOL "(" SYMBOL	{ smt2_fail(ctx, @5, "declare-fun with arguments "
							    "(uninterpreted functions) is not supported");
						  YYABORT; }
	| open DECLARE_FUN SYMBOL "(" "("	{ smt2_fail(ctx, @5, "declare-fun with arguments "
							    "(uninterpreted functions) is not supported");
						  YYABORT; }
	| open DECLARE_CONST SYMBOL sort ")"	{ TRY(smt2_declare(ctx, $3, @3, $4)); }
	| open DEFINE_FUN SYMBOL "(" ")" sort term ")"
						{ TRY(smt2_define(ctx, $3, @3, $6, $7, @7)); }
	| open DEFINE_FUN SYMBOL "(" "("	{ smt2_fail(ctx, @5, "define-fun with parameters "
							    "is not supported");
						  YYABORT; }
	| open DEFINE_CONST SYMBOL sort term ")"
						{ TRY(smt2_define(ctx, $3, @3, $4, $5, @5)); }
	| open ASSERT term ")"			{ TRY(smt2_assert(ctx, $3, @3)); }
	| open CHECK_SAT ")"			{ TRY(smt2_check_sat(ctx, @2)); }
	| open EXIT ")"				{ ctx->seen_exit = true; }
	| open CMD_IGNORED sexprs ")"
	| open CMD_UNSUPPORTED			{ smt2_unsupported(ctx, $2, @2); YYABORT; }
	| open SYMBOL				{ smt2_unsupported(ctx, $2, @2); YYABORT; }
	;

/* ---- s-expressions (attribute values), read and dropped ---- */

sexprs
	: %empty
	| sexprs sexpr
	;

sexpr
	: atom
	| "(" sexprs ")"
	;

atom
	: SYMBOL | KEYWORD | NUMERAL | DECIMAL | BINARY | HEX | STRING
	| UNDERSCORE | BANG | LET | TERM_UNSUPPORTED | RESERVED
	| SET_LOGIC | SET_INFO | SET_OPTION | DECLARE_FUN | DECLARE_CONST | DEFINE_FUN
	| DEFINE_CONST | ASSERT | CHECK_SAT | EXIT | CMD_IGNORED | CMD_UNSUPPORTED
	;

attr_value
	: SYMBOL				{ $$ = $1; }
	| NUMERAL				{ $$ = NULL; }
	| DECIMAL				{ $$ = NULL; }
	| BINARY				{ $$ = NULL; }
	| HEX					{ $$ = NULL; }
	| STRING				{ $$ = NULL; }
	| "(" sexprs ")"			{ $$ = NULL; }
	;

/* ---- sorts ---- */

sort
	: SYMBOL				{ TRY(smt2_sort_symbol(ctx, $1, @1, &$$)); }
	| indexed				{ TRY(smt2_sort_indexed(ctx, $1, @1, &$$)); }
	| "(" SYMBOL			{ char b[48];

						  smt2_fail(ctx, @2, "sort '%s' is not supported "
							    "(only Bool and (_ BitVec n))",
							    smt2_printable($2->name, $2->len,
									   b, sizeof(b)));
						  YYABORT; }
	;

indexed
	: "(" UNDERSCORE SYMBOL indices ")"	{ $$.sym = $3; $$.idx = $4.start; $$.nidx = $4.n;
						  $$.indexed = true; }
	;

indices
	: NUMERAL				{ TRY(smt2_push_idx(ctx, $1, @1));
						  $$.start = ctx->nidx - 1; $$.n = 1; }
	| indices NUMERAL			{ TRY(smt2_push_idx(ctx, $2, @2));
						  $$ = $1; $$.n++; }
	;

/* ---- terms ---- */

term
	: SYMBOL				{ TRY(smt2_symbol_term(ctx, $1, @1, &$$)); }
	| BINARY				{ TRY(smt2_literal(ctx, $1, @1, &$$)); }
	| HEX					{ TRY(smt2_literal(ctx, $1, @1, &$$)); }
	| NUMERAL				{ smt2_fail(ctx, @1, "a numeral is not a QF_BV term "
							    "(write (_ bvN width))");
						  YYABORT; }
	| DECIMAL				{ smt2_fail(ctx, @1, "a decimal is not a QF_BV term");
						  YYABORT; }
	| STRING				{ smt2_fail(ctx, @1, "a string is not a QF_BV term");
						  YYABORT; }
	| indexed				{ TRY(smt2_indexed_const(ctx, $1, @1, &$$)); }
	| "(" head args ")"			{ TRY(smt2_apply(ctx, $2, @2, $3, &$$)); }
	| "(" LET "(" bindings ")"		{ TRY(smt2_let_enter(ctx, $4.start)); }
	  term ")"				{ smt2_let_leave(ctx, $4.start); $$ = $7; }
	| "(" BANG term				{ ctx->annot = $3; }
	  attributes ")"			{ $$ = $3; }
	| "(" TERM_UNSUPPORTED			{ smt2_unsupported(ctx, $2, @2); YYABORT; }
	;

head
	: SYMBOL				{ $$.sym = $1; $$.idx = ctx->nidx; $$.nidx = 0;
						  $$.indexed = false; }
	| indexed				{ $$ = $1; }
	;

args
	: term					{ TRY(smt2_push_arg(ctx, $1, @1));
						  $$.start = ctx->nargs - 1; $$.n = 1; }
	| args term				{ TRY(smt2_push_arg(ctx, $2, @2));
						  $$ = $1; $$.n++; }
	;

bindings
	: binding				{ $$ = $1; }
	| bindings binding			{ $$ = $1; $$.n++; }
	;

binding
	: "(" SYMBOL term ")"			{ TRY(smt2_let_add(ctx, $2, @2, $3));
						  $$.start = ctx->nlets - 1; $$.n = 1; }
	;

attributes
	: attribute
	| attributes attribute
	;

attribute
	: KEYWORD				{ TRY(smt2_attribute(ctx, $1, @1, NULL, false, @1)); }
	| KEYWORD attr_value			{ TRY(smt2_attribute(ctx, $1, @1, $2, true, @2)); }
	;

%%
