/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_SMT2_LANG_SMT_PARSER_H_INCLUDED
# define YY_SMT2_LANG_SMT_PARSER_H_INCLUDED
/* Debug traces.  */
#ifndef SMT2_DEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define SMT2_DEBUG 1
#  else
#   define SMT2_DEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define SMT2_DEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined SMT2_DEBUG */
#if SMT2_DEBUG
extern int smt2_debug;
#endif
/* "%code requires" blocks.  */
#line 18 "../lang/smt2_parser.y"

#include "lang/smt2.h"

#line 61 "lang/smt2_parser.h"

/* Token kinds.  */
#ifndef SMT2_TOKENTYPE
# define SMT2_TOKENTYPE
  enum smt2_tokentype
  {
    SMT2_EMPTY = -2,
    SMT2_EOF = 0,                  /* "end of file"  */
    SMT2_error = 256,              /* error  */
    SMT2_UNDEF = 257,              /* "invalid token"  */
    LP = 258,                      /* "("  */
    RP = 259,                      /* ")"  */
    SYMBOL = 260,                  /* "symbol"  */
    NUMERAL = 261,                 /* "numeral"  */
    DECIMAL = 262,                 /* "decimal"  */
    BINARY = 263,                  /* "binary literal"  */
    HEX = 264,                     /* "hexadecimal literal"  */
    STRING = 265,                  /* "string literal"  */
    KEYWORD = 266,                 /* "keyword"  */
    UNDERSCORE = 267,              /* "_"  */
    BANG = 268,                    /* "!"  */
    LET = 269,                     /* "let"  */
    TERM_UNSUPPORTED = 270,        /* "binder"  */
    RESERVED = 271,                /* "reserved word"  */
    SET_LOGIC = 272,               /* "set-logic"  */
    SET_INFO = 273,                /* "set-info"  */
    SET_OPTION = 274,              /* "set-option"  */
    DECLARE_FUN = 275,             /* "declare-fun"  */
    DECLARE_CONST = 276,           /* "declare-const"  */
    DEFINE_FUN = 277,              /* "define-fun"  */
    DEFINE_CONST = 278,            /* "define-const"  */
    ASSERT = 279,                  /* "assert"  */
    CHECK_SAT = 280,               /* "check-sat"  */
    EXIT = 281,                    /* "exit"  */
    CMD_IGNORED = 282,             /* "output command"  */
    CMD_UNSUPPORTED = 283,         /* "unsupported command"  */
    LEXERR = 284                   /* "invalid token"  */
  };
  typedef enum smt2_tokentype smt2_token_kind_t;
#endif
/* Token kinds.  */
#define SMT2_EMPTY -2
#define SMT2_EOF 0
#define SMT2_error 256
#define SMT2_UNDEF 257
#define LP 258
#define RP 259
#define SYMBOL 260
#define NUMERAL 261
#define DECIMAL 262
#define BINARY 263
#define HEX 264
#define STRING 265
#define KEYWORD 266
#define UNDERSCORE 267
#define BANG 268
#define LET 269
#define TERM_UNSUPPORTED 270
#define RESERVED 271
#define SET_LOGIC 272
#define SET_INFO 273
#define SET_OPTION 274
#define DECLARE_FUN 275
#define DECLARE_CONST 276
#define DEFINE_FUN 277
#define DEFINE_CONST 278
#define ASSERT 279
#define CHECK_SAT 280
#define EXIT 281
#define CMD_IGNORED 282
#define CMD_UNSUPPORTED 283
#define LEXERR 284

/* Value type.  */
#if ! defined SMT2_STYPE && ! defined SMT2_STYPE_IS_DECLARED
union SMT2_STYPE
{
#line 54 "../lang/smt2_parser.y"

	struct smt2_term term;
	struct smt2_text text;
	struct smt2_sym *sym;
	struct smt2_head head;
	struct smt2_span span;
	uint16_t sort;

#line 148 "lang/smt2_parser.h"

};
typedef union SMT2_STYPE SMT2_STYPE;
# define SMT2_STYPE_IS_TRIVIAL 1
# define SMT2_STYPE_IS_DECLARED 1
#endif

/* Location type.  */
typedef struct smt2_loc SMT2_LTYPE;




int smt2_parse (void *scanner, struct smt2_ctx *ctx);


#endif /* !YY_SMT2_LANG_SMT_PARSER_H_INCLUDED  */
