/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

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

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1

/* Substitute the type names.  */
#define YYSTYPE         SMT2_STYPE
#define YYLTYPE         SMT2_LTYPE
/* Substitute the variable and function names.  */
#define yyparse         smt2_parse
#define yylex           smt2_lex
#define yyerror         smt2_error
#define yydebug         smt2_debug
#define yynerrs         smt2_nerrs


# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

/* Use api.header.include to #include this header
   instead of duplicating it here.  */
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

#line 123 "lang/smt2_parser.c"

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

#line 210 "lang/smt2_parser.c"

};
typedef union SMT2_STYPE SMT2_STYPE;
# define SMT2_STYPE_IS_TRIVIAL 1
# define SMT2_STYPE_IS_DECLARED 1
#endif

/* Location type.  */
typedef struct smt2_loc SMT2_LTYPE;




int smt2_parse (void *scanner, struct smt2_ctx *ctx);


#endif /* !YY_SMT2_LANG_SMT_PARSER_H_INCLUDED  */
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_LP = 3,                         /* "("  */
  YYSYMBOL_RP = 4,                         /* ")"  */
  YYSYMBOL_SYMBOL = 5,                     /* "symbol"  */
  YYSYMBOL_NUMERAL = 6,                    /* "numeral"  */
  YYSYMBOL_DECIMAL = 7,                    /* "decimal"  */
  YYSYMBOL_BINARY = 8,                     /* "binary literal"  */
  YYSYMBOL_HEX = 9,                        /* "hexadecimal literal"  */
  YYSYMBOL_STRING = 10,                    /* "string literal"  */
  YYSYMBOL_KEYWORD = 11,                   /* "keyword"  */
  YYSYMBOL_UNDERSCORE = 12,                /* "_"  */
  YYSYMBOL_BANG = 13,                      /* "!"  */
  YYSYMBOL_LET = 14,                       /* "let"  */
  YYSYMBOL_TERM_UNSUPPORTED = 15,          /* "binder"  */
  YYSYMBOL_RESERVED = 16,                  /* "reserved word"  */
  YYSYMBOL_SET_LOGIC = 17,                 /* "set-logic"  */
  YYSYMBOL_SET_INFO = 18,                  /* "set-info"  */
  YYSYMBOL_SET_OPTION = 19,                /* "set-option"  */
  YYSYMBOL_DECLARE_FUN = 20,               /* "declare-fun"  */
  YYSYMBOL_DECLARE_CONST = 21,             /* "declare-const"  */
  YYSYMBOL_DEFINE_FUN = 22,                /* "define-fun"  */
  YYSYMBOL_DEFINE_CONST = 23,              /* "define-const"  */
  YYSYMBOL_ASSERT = 24,                    /* "assert"  */
  YYSYMBOL_CHECK_SAT = 25,                 /* "check-sat"  */
  YYSYMBOL_EXIT = 26,                      /* "exit"  */
  YYSYMBOL_CMD_IGNORED = 27,               /* "output command"  */
  YYSYMBOL_CMD_UNSUPPORTED = 28,           /* "unsupported command"  */
  YYSYMBOL_LEXERR = 29,                    /* "invalid token"  */
  YYSYMBOL_YYACCEPT = 30,                  /* $accept  */
  YYSYMBOL_script = 31,                    /* script  */
  YYSYMBOL_open = 32,                      /* open  */
  YYSYMBOL_command = 33,                   /* command  */
  YYSYMBOL_sexprs = 34,                    /* sexprs  */
  YYSYMBOL_sexpr = 35,                     /* sexpr  */
  YYSYMBOL_atom = 36,                      /* atom  */
  YYSYMBOL_attr_value = 37,                /* attr_value  */
  YYSYMBOL_sort = 38,                      /* sort  */
  YYSYMBOL_indexed = 39,                   /* indexed  */
  YYSYMBOL_indices = 40,                   /* indices  */
  YYSYMBOL_term = 41,                      /* term  */
  YYSYMBOL_42_1 = 42,                      /* $@1  */
  YYSYMBOL_43_2 = 43,                      /* $@2  */
  YYSYMBOL_head = 44,                      /* head  */
  YYSYMBOL_args = 45,                      /* args  */
  YYSYMBOL_bindings = 46,                  /* bindings  */
  YYSYMBOL_binding = 47,                   /* binding  */
  YYSYMBOL_attributes = 48,                /* attributes  */
  YYSYMBOL_attribute = 49                  /* attribute  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 22 "../lang/smt2_parser.y"

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

#line 320 "lang/smt2_parser.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_uint8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_USE_ALLOCA
#  if YYSTACK_USE_ALLOCA
#   ifdef __GNUC__
#    define YYSTACK_ALLOC __builtin_alloca
#   elif defined __BUILTIN_VA_ARG_INCR
#    include <alloca.h> /* INFRINGES ON USER NAME SPACE */
#   elif defined _AIX
#    define YYSTACK_ALLOC __alloca
#   elif defined _MSC_VER
#    include <malloc.h> /* INFRINGES ON USER NAME SPACE */
#    define alloca _alloca
#   else
#    define YYSTACK_ALLOC alloca
#    if ! defined _ALLOCA_H && ! defined EXIT_SUCCESS
#     include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
      /* Use EXIT_SUCCESS as a witness for stdlib.h.  */
#     ifndef EXIT_SUCCESS
#      define EXIT_SUCCESS 0
#     endif
#    endif
#   endif
#  endif
# endif

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined SMT2_LTYPE_IS_TRIVIAL && SMT2_LTYPE_IS_TRIVIAL \
             && defined SMT2_STYPE_IS_TRIVIAL && SMT2_STYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
  YYLTYPE yyls_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE) \
             + YYSIZEOF (YYLTYPE)) \
      + 2 * YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  2
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   200

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  30
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  20
/* YYNRULES -- Number of rules.  */
#define YYNRULES  87
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  143

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   284


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,    29
};

#if SMT2_DEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_uint8 yyrline[] =
{
       0,   100,   100,   101,   105,   109,   110,   111,   112,   113,
     114,   116,   119,   122,   123,   125,   128,   130,   131,   132,
     133,   134,   135,   141,   142,   146,   147,   151,   151,   151,
     151,   151,   151,   151,   152,   152,   152,   152,   152,   153,
     153,   153,   153,   153,   153,   154,   154,   154,   154,   154,
     154,   158,   159,   160,   161,   162,   163,   164,   170,   171,
     172,   182,   187,   189,   196,   197,   198,   199,   202,   204,
     206,   207,   208,   208,   210,   210,   212,   216,   218,   222,
     224,   229,   230,   234,   239,   240,   244,   245
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

/* YYTNAME[SYMBOL-NUM] -- String name of the symbol SYMBOL-NUM.
   First, the terminals, then, starting at YYNTOKENS, nonterminals.  */
static const char *const yytname[] =
{
  "\"end of file\"", "error", "\"invalid token\"", "\"(\"", "\")\"",
  "\"symbol\"", "\"numeral\"", "\"decimal\"", "\"binary literal\"",
  "\"hexadecimal literal\"", "\"string literal\"", "\"keyword\"", "\"_\"",
  "\"!\"", "\"let\"", "\"binder\"", "\"reserved word\"", "\"set-logic\"",
  "\"set-info\"", "\"set-option\"", "\"declare-fun\"", "\"declare-const\"",
  "\"define-fun\"", "\"define-const\"", "\"assert\"", "\"check-sat\"",
  "\"exit\"", "\"output command\"", "\"unsupported command\"",
  "\"invalid token\"", "$accept", "script", "open", "command", "sexprs",
  "sexpr", "atom", "attr_value", "sort", "indexed", "indices", "term",
  "$@1", "$@2", "head", "args", "bindings", "binding", "attributes",
  "attribute", YY_NULLPTR
};

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  return yytname[yysymbol];
}
#endif

#define YYPACT_NINF (-56)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
     -56,    12,   -56,   -56,    -1,   -56,   -56,    23,    25,    40,
      48,    76,    77,    80,    84,    53,    75,   -56,   -56,    82,
      39,    56,    93,    32,   100,    32,    26,   -56,   -56,   -56,
     -56,   -56,   -56,   -56,   101,   -56,   -56,   105,   -56,   -56,
     -56,   -56,   -56,   -56,   -56,   -56,   -56,   102,   -56,   182,
      29,     1,   -56,   183,   -56,    52,    84,   176,   -56,    99,
      84,   186,   -56,   -56,    84,   -56,   -56,   -56,   -56,   -56,
     -56,   -56,   -56,   -56,   -56,   -56,   -56,   -56,   -56,   -56,
     -56,   -56,   -56,   -56,   -56,   -56,   -56,   -56,   -56,   -56,
     -56,   -56,   -56,   -56,   131,   -56,   -56,   -56,    32,   -56,
     -56,   -56,   -56,    32,   187,   184,   -56,   189,   -56,    64,
     157,   -56,   190,    84,   -56,   -56,    46,   185,   188,    74,
     -56,   -56,   -56,   -56,   -56,   191,   -56,   -56,    92,     3,
     -56,    84,   -56,   -56,   -56,   -56,   -56,   -56,   193,    84,
     -56,   194,   -56
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       2,     0,     1,     4,     0,     3,    22,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,    23,    21,     0,
       0,     0,     0,     0,     0,     0,     0,    64,    67,    68,
      65,    66,    69,    70,     0,    18,    19,     0,     5,    23,
       6,    51,    52,    53,    54,    55,    56,     0,     8,     0,
       0,     0,    58,     0,    59,     0,     0,     0,    77,     0,
       0,     0,    76,    78,     0,    17,    23,    20,    27,    29,
      30,    31,    32,    33,    28,    34,    35,    36,    37,    38,
      39,    40,    41,    42,    43,    44,    45,    46,    47,    48,
      49,    50,    24,    25,     0,     7,     9,    12,     0,    11,
      60,    13,    15,     0,     0,     0,    74,     0,    79,     0,
       0,    57,     0,     0,    16,    62,     0,     0,     0,     0,
      81,    71,    80,    26,    10,     0,    61,    63,    86,     0,
      84,     0,    72,    82,    14,    87,    75,    85,     0,     0,
      83,     0,    73
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int8 yypgoto[] =
{
     -56,   -56,   -56,   -56,   -36,   -56,   -56,   -21,   -23,   -15,
     -56,   -55,   -56,   -56,   -56,   -56,   -56,    81,   -56,    70
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_uint8 yydefgoto[] =
{
       0,     1,     4,     5,    37,    92,    93,    47,    53,    33,
     116,    34,   139,   117,    64,   109,   119,   120,   129,   130
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_uint8 yytable[] =
{
      49,   104,    56,    94,     6,   106,   100,   136,    54,   108,
      54,    63,     2,    59,   128,     3,     7,     8,     9,    10,
      11,    12,    13,    14,    15,    16,    17,    18,    19,    57,
     110,    58,    97,    98,    99,    51,    20,    52,    59,    60,
      61,    62,    39,    40,    41,    42,    43,    44,    45,    46,
     126,    21,   127,    22,   122,   102,   103,    35,   125,    39,
      48,    41,    42,    43,    44,    45,    46,    26,   121,    27,
      28,    29,    30,    31,    32,   112,   138,   118,   132,    36,
     113,    23,    24,    54,   141,    25,    38,    26,    54,    27,
      28,    29,    30,    31,    32,    39,    50,    41,    42,    43,
      44,    45,    46,    55,   105,    65,    95,   135,    66,    67,
      68,    69,    70,    71,    72,    73,    74,    75,    76,    77,
      78,    79,    80,    81,    82,    83,    84,    85,    86,    87,
      88,    89,    90,    91,    66,   111,    68,    69,    70,    71,
      72,    73,    74,    75,    76,    77,    78,    79,    80,    81,
      82,    83,    84,    85,    86,    87,    88,    89,    90,    91,
      66,   123,    68,    69,    70,    71,    72,    73,    74,    75,
      76,    77,    78,    79,    80,    81,    82,    83,    84,    85,
      86,    87,    88,    89,    90,    91,    96,   101,    59,   107,
     115,   114,   118,   131,   124,   134,   128,   140,   142,   137,
     133
};

static const yytype_uint8 yycheck[] =
{
      21,    56,    25,    39,     5,    60,     5,     4,    23,    64,
      25,    26,     0,    12,    11,     3,    17,    18,    19,    20,
      21,    22,    23,    24,    25,    26,    27,    28,     5,     3,
      66,     5,     3,     4,     5,     3,    11,     5,    12,    13,
      14,    15,     3,     4,     5,     6,     7,     8,     9,    10,
       4,    11,     6,     5,   109,     3,     4,     4,   113,     3,
       4,     5,     6,     7,     8,     9,    10,     3,     4,     5,
       6,     7,     8,     9,    10,    98,   131,     3,     4,     4,
     103,     5,     5,    98,   139,     5,     4,     3,   103,     5,
       6,     7,     8,     9,    10,     3,     3,     5,     6,     7,
       8,     9,    10,     3,     5,     4,     4,   128,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,     3,     4,     5,     6,     7,     8,
       9,    10,    11,    12,    13,    14,    15,    16,    17,    18,
      19,    20,    21,    22,    23,    24,    25,    26,    27,    28,
       3,     4,     5,     6,     7,     8,     9,    10,    11,    12,
      13,    14,    15,    16,    17,    18,    19,    20,    21,    22,
      23,    24,    25,    26,    27,    28,     4,     4,    12,     3,
       6,     4,     3,     5,     4,     4,    11,     4,     4,   129,
     119
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,    31,     0,     3,    32,    33,     5,    17,    18,    19,
      20,    21,    22,    23,    24,    25,    26,    27,    28,     5,
      11,    11,     5,     5,     5,     5,     3,     5,     6,     7,
       8,     9,    10,    39,    41,     4,     4,    34,     4,     3,
       4,     5,     6,     7,     8,     9,    10,    37,     4,    37,
       3,     3,     5,    38,    39,     3,    38,     3,     5,    12,
      13,    14,    15,    39,    44,     4,     3,     4,     5,     6,
       7,     8,     9,    10,    11,    12,    13,    14,    15,    16,
      17,    18,    19,    20,    21,    22,    23,    24,    25,    26,
      27,    28,    35,    36,    34,     4,     4,     3,     4,     5,
       5,     4,     3,     4,    41,     5,    41,     3,    41,    45,
      34,     4,    38,    38,     4,     6,    40,    43,     3,    46,
      47,     4,    41,     4,     4,    41,     4,     6,    11,    48,
      49,     5,     4,    47,     4,    37,     4,    49,    41,    42,
       4,    41,     4
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    30,    31,    31,    32,    33,    33,    33,    33,    33,
      33,    33,    33,    33,    33,    33,    33,    33,    33,    33,
      33,    33,    33,    34,    34,    35,    35,    36,    36,    36,
      36,    36,    36,    36,    36,    36,    36,    36,    36,    36,
      36,    36,    36,    36,    36,    36,    36,    36,    36,    36,
      36,    37,    37,    37,    37,    37,    37,    37,    38,    38,
      38,    39,    40,    40,    41,    41,    41,    41,    41,    41,
      41,    41,    42,    41,    43,    41,    41,    44,    44,    45,
      45,    46,    46,    47,    48,    48,    49,    49
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     2,     1,     4,     4,     5,     4,     5,
       7,     5,     5,     5,     8,     5,     6,     4,     3,     3,
       4,     2,     2,     0,     2,     1,     3,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,     1,     1,     3,     1,     1,
       2,     5,     1,     2,     1,     1,     1,     1,     1,     1,
       1,     4,     0,     8,     0,     6,     2,     1,     1,     1,
       2,     1,     2,     4,     1,     2,     1,     2
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = SMT2_EMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == SMT2_EMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (&yylloc, scanner, ctx, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use SMT2_error or SMT2_UNDEF. */
#define YYERRCODE SMT2_UNDEF

/* YYLLOC_DEFAULT -- Set CURRENT to span from RHS[1] to RHS[N].
   If N is 0, then set CURRENT to the empty location which ends
   the previous symbol: RHS[0] (always defined).  */

#ifndef YYLLOC_DEFAULT
# define YYLLOC_DEFAULT(Current, Rhs, N)                                \
    do                                                                  \
      if (N)                                                            \
        {                                                               \
          (Current).first_line   = YYRHSLOC (Rhs, 1).first_line;        \
          (Current).first_column = YYRHSLOC (Rhs, 1).first_column;      \
          (Current).last_line    = YYRHSLOC (Rhs, N).last_line;         \
          (Current).last_column  = YYRHSLOC (Rhs, N).last_column;       \
        }                                                               \
      else                                                              \
        {                                                               \
          (Current).first_line   = (Current).last_line   =              \
            YYRHSLOC (Rhs, 0).last_line;                                \
          (Current).first_column = (Current).last_column =              \
            YYRHSLOC (Rhs, 0).last_column;                              \
        }                                                               \
    while (0)
#endif

#define YYRHSLOC(Rhs, K) ((Rhs)[K])


/* Enable debugging if requested.  */
#if SMT2_DEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)


/* YYLOCATION_PRINT -- Print the location on the stream.
   This macro was not mandated originally: define only if we know
   we won't break user code: when these are the locations we know.  */

# ifndef YYLOCATION_PRINT

#  if defined YY_LOCATION_PRINT

   /* Temporary convenience wrapper in case some people defined the
      undocumented and private YY_LOCATION_PRINT macros.  */
#   define YYLOCATION_PRINT(File, Loc)  YY_LOCATION_PRINT(File, *(Loc))

#  elif defined SMT2_LTYPE_IS_TRIVIAL && SMT2_LTYPE_IS_TRIVIAL

/* Print *YYLOCP on YYO.  Private, do not rely on its existence. */

YY_ATTRIBUTE_UNUSED
static int
yy_location_print_ (FILE *yyo, YYLTYPE const * const yylocp)
{
  int res = 0;
  int end_col = 0 != yylocp->last_column ? yylocp->last_column - 1 : 0;
  if (0 <= yylocp->first_line)
    {
      res += YYFPRINTF (yyo, "%d", yylocp->first_line);
      if (0 <= yylocp->first_column)
        res += YYFPRINTF (yyo, ".%d", yylocp->first_column);
    }
  if (0 <= yylocp->last_line)
    {
      if (yylocp->first_line < yylocp->last_line)
        {
          res += YYFPRINTF (yyo, "-%d", yylocp->last_line);
          if (0 <= end_col)
            res += YYFPRINTF (yyo, ".%d", end_col);
        }
      else if (0 <= end_col && yylocp->first_column < end_col)
        res += YYFPRINTF (yyo, "-%d", end_col);
    }
  return res;
}

#   define YYLOCATION_PRINT  yy_location_print_

    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT(File, Loc)  YYLOCATION_PRINT(File, &(Loc))

#  else

#   define YYLOCATION_PRINT(File, Loc) ((void) 0)
    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT  YYLOCATION_PRINT

#  endif
# endif /* !defined YYLOCATION_PRINT */


# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, Location, scanner, ctx); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, struct smt2_ctx *ctx)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (ctx);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, struct smt2_ctx *ctx)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  YYLOCATION_PRINT (yyo, yylocationp);
  YYFPRINTF (yyo, ": ");
  yy_symbol_value_print (yyo, yykind, yyvaluep, yylocationp, scanner, ctx);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp, YYLTYPE *yylsp,
                 int yyrule, void *scanner, struct smt2_ctx *ctx)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)],
                       &(yylsp[(yyi + 1) - (yynrhs)]), scanner, ctx);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, yylsp, Rule, scanner, ctx); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !SMT2_DEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !SMT2_DEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif


/* Context of a parse error.  */
typedef struct
{
  yy_state_t *yyssp;
  yysymbol_kind_t yytoken;
  YYLTYPE *yylloc;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;
  int yyn = yypact[+*yyctx->yyssp];
  if (!yypact_value_is_default (yyn))
    {
      /* Start YYX at -YYN if negative to avoid negative indexes in
         YYCHECK.  In other words, skip the first -YYN actions for
         this state because they are default actions.  */
      int yyxbegin = yyn < 0 ? -yyn : 0;
      /* Stay within bounds of both yycheck and yytname.  */
      int yychecklim = YYLAST - yyn + 1;
      int yyxend = yychecklim < YYNTOKENS ? yychecklim : YYNTOKENS;
      int yyx;
      for (yyx = yyxbegin; yyx < yyxend; ++yyx)
        if (yycheck[yyx + yyn] == yyx && yyx != YYSYMBOL_YYerror
            && !yytable_value_is_error (yytable[yyx + yyn]))
          {
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = YY_CAST (yysymbol_kind_t, yyx);
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}




#ifndef yystrlen
# if defined __GLIBC__ && defined _STRING_H
#  define yystrlen(S) (YY_CAST (YYPTRDIFF_T, strlen (S)))
# else
/* Return the length of YYSTR.  */
static YYPTRDIFF_T
yystrlen (const char *yystr)
{
  YYPTRDIFF_T yylen;
  for (yylen = 0; yystr[yylen]; yylen++)
    continue;
  return yylen;
}
# endif
#endif

#ifndef yystpcpy
# if defined __GLIBC__ && defined _STRING_H && defined _GNU_SOURCE
#  define yystpcpy stpcpy
# else
/* Copy YYSRC to YYDEST, returning the address of the terminating '\0' in
   YYDEST.  */
static char *
yystpcpy (char *yydest, const char *yysrc)
{
  char *yyd = yydest;
  const char *yys = yysrc;

  while ((*yyd++ = *yys++) != '\0')
    continue;

  return yyd - 1;
}
# endif
#endif

#ifndef yytnamerr
/* Copy to YYRES the contents of YYSTR after stripping away unnecessary
   quotes and backslashes, so that it's suitable for yyerror.  The
   heuristic is that double-quoting is unnecessary unless the string
   contains an apostrophe, a comma, or backslash (other than
   backslash-backslash).  YYSTR is taken from yytname.  If YYRES is
   null, do not copy; instead, return the length of what the result
   would have been.  */
static YYPTRDIFF_T
yytnamerr (char *yyres, const char *yystr)
{
  if (*yystr == '"')
    {
      YYPTRDIFF_T yyn = 0;
      char const *yyp = yystr;
      for (;;)
        switch (*++yyp)
          {
          case '\'':
          case ',':
            goto do_not_strip_quotes;

          case '\\':
            if (*++yyp != '\\')
              goto do_not_strip_quotes;
            else
              goto append;

          append:
          default:
            if (yyres)
              yyres[yyn] = *yyp;
            yyn++;
            break;

          case '"':
            if (yyres)
              yyres[yyn] = '\0';
            return yyn;
          }
    do_not_strip_quotes: ;
    }

  if (yyres)
    return yystpcpy (yyres, yystr) - yyres;
  else
    return yystrlen (yystr);
}
#endif


static int
yy_syntax_error_arguments (const yypcontext_t *yyctx,
                           yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;
  /* There are many possibilities here to consider:
     - If this state is a consistent state with a default action, then
       the only way this function was invoked is if the default action
       is an error action.  In that case, don't check for expected
       tokens because there are none.
     - The only way there can be no lookahead present (in yychar) is if
       this state is a consistent state with a default action.  Thus,
       detecting the absence of a lookahead is sufficient to determine
       that there is no unexpected or expected token to report.  In that
       case, just report a simple "syntax error".
     - Don't assume there isn't a lookahead just because this state is a
       consistent state with a default action.  There might have been a
       previous inconsistent state, consistent state with a non-default
       action, or user semantic action that manipulated yychar.
     - Of course, the expected token list depends on states to have
       correct lookahead information, and it depends on the parser not
       to perform extra reductions after fetching a lookahead from the
       scanner and before detecting a syntax error.  Thus, state merging
       (from LALR or IELR) and default reductions corrupt the expected
       token list.  However, the list is correct for canonical LR with
       one exception: it will still contain any token that will not be
       accepted due to an error action in a later state.
  */
  if (yyctx->yytoken != YYSYMBOL_YYEMPTY)
    {
      int yyn;
      if (yyarg)
        yyarg[yycount] = yyctx->yytoken;
      ++yycount;
      yyn = yypcontext_expected_tokens (yyctx,
                                        yyarg ? yyarg + 1 : yyarg, yyargn - 1);
      if (yyn == YYENOMEM)
        return YYENOMEM;
      else
        yycount += yyn;
    }
  return yycount;
}

/* Copy into *YYMSG, which is of size *YYMSG_ALLOC, an error message
   about the unexpected token YYTOKEN for the state stack whose top is
   YYSSP.

   Return 0 if *YYMSG was successfully written.  Return -1 if *YYMSG is
   not large enough to hold the message.  In that case, also set
   *YYMSG_ALLOC to the required number of bytes.  Return YYENOMEM if the
   required number of bytes is too large to store.  */
static int
yysyntax_error (YYPTRDIFF_T *yymsg_alloc, char **yymsg,
                const yypcontext_t *yyctx)
{
  enum { YYARGS_MAX = 5 };
  /* Internationalized format string. */
  const char *yyformat = YY_NULLPTR;
  /* Arguments of yyformat: reported tokens (one for the "unexpected",
     one per "expected"). */
  yysymbol_kind_t yyarg[YYARGS_MAX];
  /* Cumulated lengths of YYARG.  */
  YYPTRDIFF_T yysize = 0;

  /* Actual size of YYARG. */
  int yycount = yy_syntax_error_arguments (yyctx, yyarg, YYARGS_MAX);
  if (yycount == YYENOMEM)
    return YYENOMEM;

  switch (yycount)
    {
#define YYCASE_(N, S)                       \
      case N:                               \
        yyformat = S;                       \
        break
    default: /* Avoid compiler warnings. */
      YYCASE_(0, YY_("syntax error"));
      YYCASE_(1, YY_("syntax error, unexpected %s"));
      YYCASE_(2, YY_("syntax error, unexpected %s, expecting %s"));
      YYCASE_(3, YY_("syntax error, unexpected %s, expecting %s or %s"));
      YYCASE_(4, YY_("syntax error, unexpected %s, expecting %s or %s or %s"));
      YYCASE_(5, YY_("syntax error, unexpected %s, expecting %s or %s or %s or %s"));
#undef YYCASE_
    }

  /* Compute error message size.  Don't count the "%s"s, but reserve
     room for the terminator.  */
  yysize = yystrlen (yyformat) - 2 * yycount + 1;
  {
    int yyi;
    for (yyi = 0; yyi < yycount; ++yyi)
      {
        YYPTRDIFF_T yysize1
          = yysize + yytnamerr (YY_NULLPTR, yytname[yyarg[yyi]]);
        if (yysize <= yysize1 && yysize1 <= YYSTACK_ALLOC_MAXIMUM)
          yysize = yysize1;
        else
          return YYENOMEM;
      }
  }

  if (*yymsg_alloc < yysize)
    {
      *yymsg_alloc = 2 * yysize;
      if (! (yysize <= *yymsg_alloc
             && *yymsg_alloc <= YYSTACK_ALLOC_MAXIMUM))
        *yymsg_alloc = YYSTACK_ALLOC_MAXIMUM;
      return -1;
    }

  /* Avoid sprintf, as that infringes on the user's name space.
     Don't have undefined behavior even if the translation
     produced a string with the wrong number of "%s"s.  */
  {
    char *yyp = *yymsg;
    int yyi = 0;
    while ((*yyp = *yyformat) != '\0')
      if (*yyp == '%' && yyformat[1] == 's' && yyi < yycount)
        {
          yyp += yytnamerr (yyp, yytname[yyarg[yyi++]]);
          yyformat += 2;
        }
      else
        {
          ++yyp;
          ++yyformat;
        }
  }
  return 0;
}


/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, YYLTYPE *yylocationp, void *scanner, struct smt2_ctx *ctx)
{
  YY_USE (yyvaluep);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (ctx);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (void *scanner, struct smt2_ctx *ctx)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

/* Location data for the lookahead symbol.  */
static YYLTYPE yyloc_default
# if defined SMT2_LTYPE_IS_TRIVIAL && SMT2_LTYPE_IS_TRIVIAL
  = { 1, 1, 1, 1 }
# endif
;
YYLTYPE yylloc = yyloc_default;

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

    /* The location stack: array, bottom, top.  */
    YYLTYPE yylsa[YYINITDEPTH];
    YYLTYPE *yyls = yylsa;
    YYLTYPE *yylsp = yyls;

  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;
  YYLTYPE yyloc;

  /* The locations where the error started and ended.  */
  YYLTYPE yyerror_range[3];

  /* Buffer for error messages, and its allocated size.  */
  char yymsgbuf[128];
  char *yymsg = yymsgbuf;
  YYPTRDIFF_T yymsg_alloc = sizeof yymsgbuf;

#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N), yylsp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = SMT2_EMPTY; /* Cause a token to be read.  */

  yylsp[0] = yylloc;
  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;
        YYLTYPE *yyls1 = yyls;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yyls1, yysize * YYSIZEOF (*yylsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
        yyls = yyls1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
        YYSTACK_RELOCATE (yyls_alloc, yyls);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;
      yylsp = yyls + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == SMT2_EMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, &yylloc, scanner);
    }

  if (yychar <= SMT2_EOF)
    {
      yychar = SMT2_EOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == SMT2_error)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = SMT2_UNDEF;
      yytoken = YYSYMBOL_YYerror;
      yyerror_range[1] = yylloc;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    goto yydefault;
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END
  *++yylsp = yylloc;

  /* Discard the shifted token.  */
  yychar = SMT2_EMPTY;
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];

  /* Default location. */
  YYLLOC_DEFAULT (yyloc, (yylsp - yylen), yylen);
  yyerror_range[1] = yyloc;
  YY_REDUCE_PRINT (yyn);
  switch (yyn)
    {
  case 4: /* open: "("  */
#line 105 "../lang/smt2_parser.y"
              { TRY(smt2_cmd_open(ctx, (yylsp[0]))); }
#line 1779 "lang/smt2_parser.c"
    break;

  case 5: /* command: open "set-logic" "symbol" ")"  */
#line 109 "../lang/smt2_parser.y"
                                                { TRY(smt2_set_logic(ctx, (yyvsp[-1].sym), (yylsp[-1]))); }
#line 1785 "lang/smt2_parser.c"
    break;

  case 7: /* command: open "set-info" "keyword" attr_value ")"  */
#line 111 "../lang/smt2_parser.y"
                                                { TRY(smt2_set_info(ctx, (yyvsp[-2].text), (yyvsp[-1].sym), (yylsp[-1]))); }
#line 1791 "lang/smt2_parser.c"
    break;

  case 10: /* command: open "declare-fun" "symbol" "(" ")" sort ")"  */
#line 115 "../lang/smt2_parser.y"
                                                { TRY(smt2_declare(ctx, (yyvsp[-4].sym), (yylsp[-4]), (yyvsp[-1].sort))); }
#line 1797 "lang/smt2_parser.c"
    break;

  case 11: /* command: open "declare-fun" "symbol" "(" "symbol"  */
#line 116 "../lang/smt2_parser.y"
                                                { smt2_fail(ctx, (yylsp[0]), "declare-fun with arguments "
							    "(uninterpreted functions) is not supported");
						  YYABORT; }
#line 1805 "lang/smt2_parser.c"
    break;

  case 12: /* command: open "declare-fun" "symbol" "(" "("  */
#line 119 "../lang/smt2_parser.y"
                                                { smt2_fail(ctx, (yylsp[0]), "declare-fun with arguments "
							    "(uninterpreted functions) is not supported");
						  YYABORT; }
#line 1813 "lang/smt2_parser.c"
    break;

  case 13: /* command: open "declare-const" "symbol" sort ")"  */
#line 122 "../lang/smt2_parser.y"
                                                { TRY(smt2_declare(ctx, (yyvsp[-2].sym), (yylsp[-2]), (yyvsp[-1].sort))); }
#line 1819 "lang/smt2_parser.c"
    break;

  case 14: /* command: open "define-fun" "symbol" "(" ")" sort term ")"  */
#line 124 "../lang/smt2_parser.y"
                                                { TRY(smt2_define(ctx, (yyvsp[-5].sym), (yylsp[-5]), (yyvsp[-2].sort), (yyvsp[-1].term), (yylsp[-1]))); }
#line 1825 "lang/smt2_parser.c"
    break;

  case 15: /* command: open "define-fun" "symbol" "(" "("  */
#line 125 "../lang/smt2_parser.y"
                                                { smt2_fail(ctx, (yylsp[0]), "define-fun with parameters "
							    "is not supported");
						  YYABORT; }
#line 1833 "lang/smt2_parser.c"
    break;

  case 16: /* command: open "define-const" "symbol" sort term ")"  */
#line 129 "../lang/smt2_parser.y"
                                                { TRY(smt2_define(ctx, (yyvsp[-3].sym), (yylsp[-3]), (yyvsp[-2].sort), (yyvsp[-1].term), (yylsp[-1]))); }
#line 1839 "lang/smt2_parser.c"
    break;

  case 17: /* command: open "assert" term ")"  */
#line 130 "../lang/smt2_parser.y"
                                                { TRY(smt2_assert(ctx, (yyvsp[-1].term), (yylsp[-1]))); }
#line 1845 "lang/smt2_parser.c"
    break;

  case 18: /* command: open "check-sat" ")"  */
#line 131 "../lang/smt2_parser.y"
                                                { TRY(smt2_check_sat(ctx, (yylsp[-1]))); }
#line 1851 "lang/smt2_parser.c"
    break;

  case 19: /* command: open "exit" ")"  */
#line 132 "../lang/smt2_parser.y"
                                                { ctx->seen_exit = true; }
#line 1857 "lang/smt2_parser.c"
    break;

  case 21: /* command: open "unsupported command"  */
#line 134 "../lang/smt2_parser.y"
                                                { smt2_unsupported(ctx, (yyvsp[0].sym), (yylsp[0])); YYABORT; }
#line 1863 "lang/smt2_parser.c"
    break;

  case 22: /* command: open "symbol"  */
#line 135 "../lang/smt2_parser.y"
                                                { smt2_unsupported(ctx, (yyvsp[0].sym), (yylsp[0])); YYABORT; }
#line 1869 "lang/smt2_parser.c"
    break;

  case 51: /* attr_value: "symbol"  */
#line 158 "../lang/smt2_parser.y"
                                                { (yyval.sym) = (yyvsp[0].sym); }
#line 1875 "lang/smt2_parser.c"
    break;

  case 52: /* attr_value: "numeral"  */
#line 159 "../lang/smt2_parser.y"
                                                { (yyval.sym) = NULL; }
#line 1881 "lang/smt2_parser.c"
    break;

  case 53: /* attr_value: "decimal"  */
#line 160 "../lang/smt2_parser.y"
                                                { (yyval.sym) = NULL; }
#line 1887 "lang/smt2_parser.c"
    break;

  case 54: /* attr_value: "binary literal"  */
#line 161 "../lang/smt2_parser.y"
                                                { (yyval.sym) = NULL; }
#line 1893 "lang/smt2_parser.c"
    break;

  case 55: /* attr_value: "hexadecimal literal"  */
#line 162 "../lang/smt2_parser.y"
                                                { (yyval.sym) = NULL; }
#line 1899 "lang/smt2_parser.c"
    break;

  case 56: /* attr_value: "string literal"  */
#line 163 "../lang/smt2_parser.y"
                                                { (yyval.sym) = NULL; }
#line 1905 "lang/smt2_parser.c"
    break;

  case 57: /* attr_value: "(" sexprs ")"  */
#line 164 "../lang/smt2_parser.y"
                                                { (yyval.sym) = NULL; }
#line 1911 "lang/smt2_parser.c"
    break;

  case 58: /* sort: "symbol"  */
#line 170 "../lang/smt2_parser.y"
                                                { TRY(smt2_sort_symbol(ctx, (yyvsp[0].sym), (yylsp[0]), &(yyval.sort))); }
#line 1917 "lang/smt2_parser.c"
    break;

  case 59: /* sort: indexed  */
#line 171 "../lang/smt2_parser.y"
                                                { TRY(smt2_sort_indexed(ctx, (yyvsp[0].head), (yylsp[0]), &(yyval.sort))); }
#line 1923 "lang/smt2_parser.c"
    break;

  case 60: /* sort: "(" "symbol"  */
#line 172 "../lang/smt2_parser.y"
                                        { char b[48];

						  smt2_fail(ctx, (yylsp[0]), "sort '%s' is not supported "
							    "(only Bool and (_ BitVec n))",
							    smt2_printable((yyvsp[0].sym)->name, (yyvsp[0].sym)->len,
									   b, sizeof(b)));
						  YYABORT; }
#line 1935 "lang/smt2_parser.c"
    break;

  case 61: /* indexed: "(" "_" "symbol" indices ")"  */
#line 182 "../lang/smt2_parser.y"
                                                { (yyval.head).sym = (yyvsp[-2].sym); (yyval.head).idx = (yyvsp[-1].span).start; (yyval.head).nidx = (yyvsp[-1].span).n;
						  (yyval.head).indexed = true; }
#line 1942 "lang/smt2_parser.c"
    break;

  case 62: /* indices: "numeral"  */
#line 187 "../lang/smt2_parser.y"
                                                { TRY(smt2_push_idx(ctx, (yyvsp[0].text), (yylsp[0])));
						  (yyval.span).start = ctx->nidx - 1; (yyval.span).n = 1; }
#line 1949 "lang/smt2_parser.c"
    break;

  case 63: /* indices: indices "numeral"  */
#line 189 "../lang/smt2_parser.y"
                                                { TRY(smt2_push_idx(ctx, (yyvsp[0].text), (yylsp[0])));
						  (yyval.span) = (yyvsp[-1].span); (yyval.span).n++; }
#line 1956 "lang/smt2_parser.c"
    break;

  case 64: /* term: "symbol"  */
#line 196 "../lang/smt2_parser.y"
                                                { TRY(smt2_symbol_term(ctx, (yyvsp[0].sym), (yylsp[0]), &(yyval.term))); }
#line 1962 "lang/smt2_parser.c"
    break;

  case 65: /* term: "binary literal"  */
#line 197 "../lang/smt2_parser.y"
                                                { TRY(smt2_literal(ctx, (yyvsp[0].text), (yylsp[0]), &(yyval.term))); }
#line 1968 "lang/smt2_parser.c"
    break;

  case 66: /* term: "hexadecimal literal"  */
#line 198 "../lang/smt2_parser.y"
                                                { TRY(smt2_literal(ctx, (yyvsp[0].text), (yylsp[0]), &(yyval.term))); }
#line 1974 "lang/smt2_parser.c"
    break;

  case 67: /* term: "numeral"  */
#line 199 "../lang/smt2_parser.y"
                                                { smt2_fail(ctx, (yylsp[0]), "a numeral is not a QF_BV term "
							    "(write (_ bvN width))");
						  YYABORT; }
#line 1982 "lang/smt2_parser.c"
    break;

  case 68: /* term: "decimal"  */
#line 202 "../lang/smt2_parser.y"
                                                { smt2_fail(ctx, (yylsp[0]), "a decimal is not a QF_BV term");
						  YYABORT; }
#line 1989 "lang/smt2_parser.c"
    break;

  case 69: /* term: "string literal"  */
#line 204 "../lang/smt2_parser.y"
                                                { smt2_fail(ctx, (yylsp[0]), "a string is not a QF_BV term");
						  YYABORT; }
#line 1996 "lang/smt2_parser.c"
    break;

  case 70: /* term: indexed  */
#line 206 "../lang/smt2_parser.y"
                                                { TRY(smt2_indexed_const(ctx, (yyvsp[0].head), (yylsp[0]), &(yyval.term))); }
#line 2002 "lang/smt2_parser.c"
    break;

  case 71: /* term: "(" head args ")"  */
#line 207 "../lang/smt2_parser.y"
                                                { TRY(smt2_apply(ctx, (yyvsp[-2].head), (yylsp[-2]), (yyvsp[-1].span), &(yyval.term))); }
#line 2008 "lang/smt2_parser.c"
    break;

  case 72: /* $@1: %empty  */
#line 208 "../lang/smt2_parser.y"
                                                { TRY(smt2_let_enter(ctx, (yyvsp[-1].span).start)); }
#line 2014 "lang/smt2_parser.c"
    break;

  case 73: /* term: "(" "let" "(" bindings ")" $@1 term ")"  */
#line 209 "../lang/smt2_parser.y"
                                                { smt2_let_leave(ctx, (yyvsp[-4].span).start); (yyval.term) = (yyvsp[-1].term); }
#line 2020 "lang/smt2_parser.c"
    break;

  case 74: /* $@2: %empty  */
#line 210 "../lang/smt2_parser.y"
                                                { ctx->annot = (yyvsp[0].term); }
#line 2026 "lang/smt2_parser.c"
    break;

  case 75: /* term: "(" "!" term $@2 attributes ")"  */
#line 211 "../lang/smt2_parser.y"
                                                { (yyval.term) = (yyvsp[-3].term); }
#line 2032 "lang/smt2_parser.c"
    break;

  case 76: /* term: "(" "binder"  */
#line 212 "../lang/smt2_parser.y"
                                                { smt2_unsupported(ctx, (yyvsp[0].sym), (yylsp[0])); YYABORT; }
#line 2038 "lang/smt2_parser.c"
    break;

  case 77: /* head: "symbol"  */
#line 216 "../lang/smt2_parser.y"
                                                { (yyval.head).sym = (yyvsp[0].sym); (yyval.head).idx = ctx->nidx; (yyval.head).nidx = 0;
						  (yyval.head).indexed = false; }
#line 2045 "lang/smt2_parser.c"
    break;

  case 78: /* head: indexed  */
#line 218 "../lang/smt2_parser.y"
                                                { (yyval.head) = (yyvsp[0].head); }
#line 2051 "lang/smt2_parser.c"
    break;

  case 79: /* args: term  */
#line 222 "../lang/smt2_parser.y"
                                                { TRY(smt2_push_arg(ctx, (yyvsp[0].term), (yylsp[0])));
						  (yyval.span).start = ctx->nargs - 1; (yyval.span).n = 1; }
#line 2058 "lang/smt2_parser.c"
    break;

  case 80: /* args: args term  */
#line 224 "../lang/smt2_parser.y"
                                                { TRY(smt2_push_arg(ctx, (yyvsp[0].term), (yylsp[0])));
						  (yyval.span) = (yyvsp[-1].span); (yyval.span).n++; }
#line 2065 "lang/smt2_parser.c"
    break;

  case 81: /* bindings: binding  */
#line 229 "../lang/smt2_parser.y"
                                                { (yyval.span) = (yyvsp[0].span); }
#line 2071 "lang/smt2_parser.c"
    break;

  case 82: /* bindings: bindings binding  */
#line 230 "../lang/smt2_parser.y"
                                                { (yyval.span) = (yyvsp[-1].span); (yyval.span).n++; }
#line 2077 "lang/smt2_parser.c"
    break;

  case 83: /* binding: "(" "symbol" term ")"  */
#line 234 "../lang/smt2_parser.y"
                                                { TRY(smt2_let_add(ctx, (yyvsp[-2].sym), (yylsp[-2]), (yyvsp[-1].term)));
						  (yyval.span).start = ctx->nlets - 1; (yyval.span).n = 1; }
#line 2084 "lang/smt2_parser.c"
    break;

  case 86: /* attribute: "keyword"  */
#line 244 "../lang/smt2_parser.y"
                                                { TRY(smt2_attribute(ctx, (yyvsp[0].text), (yylsp[0]), NULL, false, (yylsp[0]))); }
#line 2090 "lang/smt2_parser.c"
    break;

  case 87: /* attribute: "keyword" attr_value  */
#line 245 "../lang/smt2_parser.y"
                                                { TRY(smt2_attribute(ctx, (yyvsp[-1].text), (yylsp[-1]), (yyvsp[0].sym), true, (yylsp[0]))); }
#line 2096 "lang/smt2_parser.c"
    break;


#line 2100 "lang/smt2_parser.c"

      default: break;
    }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;
  *++yylsp = yyloc;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == SMT2_EMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyssp, yytoken, &yylloc};
        char const *yymsgp = YY_("syntax error");
        int yysyntax_error_status;
        yysyntax_error_status = yysyntax_error (&yymsg_alloc, &yymsg, &yyctx);
        if (yysyntax_error_status == 0)
          yymsgp = yymsg;
        else if (yysyntax_error_status == -1)
          {
            if (yymsg != yymsgbuf)
              YYSTACK_FREE (yymsg);
            yymsg = YY_CAST (char *,
                             YYSTACK_ALLOC (YY_CAST (YYSIZE_T, yymsg_alloc)));
            if (yymsg)
              {
                yysyntax_error_status
                  = yysyntax_error (&yymsg_alloc, &yymsg, &yyctx);
                yymsgp = yymsg;
              }
            else
              {
                yymsg = yymsgbuf;
                yymsg_alloc = sizeof yymsgbuf;
                yysyntax_error_status = YYENOMEM;
              }
          }
        yyerror (&yylloc, scanner, ctx, yymsgp);
        if (yysyntax_error_status == YYENOMEM)
          YYNOMEM;
      }
    }

  yyerror_range[1] = yylloc;
  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= SMT2_EOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == SMT2_EOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, &yylloc, scanner, ctx);
          yychar = SMT2_EMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;

      yyerror_range[1] = *yylsp;
      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, yylsp, scanner, ctx);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  yyerror_range[2] = yylloc;
  ++yylsp;
  YYLLOC_DEFAULT (*yylsp, yyerror_range, 2);

  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (&yylloc, scanner, ctx, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != SMT2_EMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, &yylloc, scanner, ctx);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, yylsp, scanner, ctx);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif
  if (yymsg != yymsgbuf)
    YYSTACK_FREE (yymsg);
  return yyresult;
}

#line 248 "../lang/smt2_parser.y"

