/* SPDX-License-Identifier: MIT */
/*
 * The SMT-LIB QF_BV operators: one table for the reader (lang/smt2*.c),
 * the printer (lang/print_smt2.c) and the checker's rewrite patterns
 * (checker/rewrite.c).  Header only: expand SMT2_OPS with an X macro.
 */
#ifndef BCF_LANG_SMT2_OPS_H
#define BCF_LANG_SMT2_OPS_H

#include <bcf/bcf.h>

/*
 * Builtin operators, one line each:
 *   X(id, SMT-LIB name, kind, number of indices, min args, max args, BCF code, pr)
 * max args 0 = unbounded.  The kind selects the translation in smt2_ops.c.
 * pr = 1: a BCF node with this code prints as this operator (one entry per
 * code; lang/print_smt2.c), 0: the name is only read (rewritten, indexed
 * or a constant).  Every SMT-LIB operator name in the tree comes from this
 * table: the reader, the printer, the checker's rewrite patterns.
 */
#define SMT2_OPS(X)                                                              \
	X(TRUE,     "true",         CONST,    0, 0, 0, BCF_BOOL_VAL, 0)               \
	X(FALSE,    "false",        CONST,    0, 0, 0, BCF_BOOL_VAL, 0)               \
	X(NOT,      "not",          BOOL_OP,  0, 1, 1, BCF_BOOL_NOT, 1)               \
	X(IMPLIES,  "=>",           SPECIAL,  0, 2, 0, BCF_BOOL_IMPLIES, 1)           \
	X(AND,      "and",          BOOL_OP,  0, 2, 0, BCF_BOOL_CONJ, 1)              \
	X(OR,       "or",           BOOL_OP,  0, 2, 0, BCF_BOOL_DISJ, 1)              \
	X(XOR,      "xor",          BOOL_OP,  0, 2, 0, BCF_BOOL_XOR, 1)               \
	X(EQ,       "=",            SPECIAL,  0, 2, 0, BCF_BOOL_EQ, 1)                \
	X(DISTINCT, "distinct",     SPECIAL,  0, 2, 0, BCF_BOOL_DISTINCT, 1)          \
	X(ITE,      "ite",          SPECIAL,  0, 3, 3, BCF_BV_ITE, 1)                 \
	X(CONCAT,   "concat",       SPECIAL,  0, 2, 0, BCF_BV_CONCAT, 1)              \
	X(EXTRACT,  "extract",      SPECIAL,  2, 1, 1, BCF_BV_EXTRACT, 0)             \
	X(ZEXT,     "zero_extend",  SPECIAL,  1, 1, 1, BCF_BV_ZERO_EXTEND, 0)         \
	X(SEXT,     "sign_extend",  SPECIAL,  1, 1, 1, BCF_BV_SIGN_EXTEND, 0)         \
	X(REPEAT,   "repeat",       SPECIAL,  1, 1, 1, BCF_BV_REPEAT, 0)              \
	X(ROTL,     "rotate_left",  SPECIAL,  1, 1, 1, BCF_BV_CONCAT, 0)              \
	X(ROTR,     "rotate_right", SPECIAL,  1, 1, 1, BCF_BV_CONCAT, 0)              \
	X(BVNOT,    "bvnot",        BV_OP,    0, 1, 1, BCF_BV_NOT, 1)                 \
	X(BVNEG,    "bvneg",        BV_OP,    0, 1, 1, BCF_BV_NEG, 1)                 \
	X(BVAND,    "bvand",        BV_OP,    0, 2, 0, BCF_BV_AND, 1)                 \
	X(BVOR,     "bvor",         BV_OP,    0, 2, 0, BCF_BV_OR, 1)                  \
	X(BVXOR,    "bvxor",        BV_OP,    0, 2, 0, BCF_BV_XOR, 1)                 \
	X(BVADD,    "bvadd",        BV_OP,    0, 2, 0, BCF_BV_ADD, 1)                 \
	X(BVMUL,    "bvmul",        BV_OP,    0, 2, 0, BCF_BV_MUL, 1)                 \
	X(BVSUB,    "bvsub",        BV_CHAIN, 0, 2, 0, BCF_BV_SUB, 1)                 \
	X(BVUDIV,   "bvudiv",       BV_OP,    0, 2, 2, BCF_BV_DIV, 1)                 \
	X(BVUREM,   "bvurem",       BV_OP,    0, 2, 2, BCF_BV_MOD, 1)                 \
	X(BVSHL,    "bvshl",        BV_OP,    0, 2, 2, BCF_BV_LSH, 1)                 \
	X(BVLSHR,   "bvlshr",       BV_OP,    0, 2, 2, BCF_BV_RSH, 1)                 \
	X(BVASHR,   "bvashr",       BV_OP,    0, 2, 2, BCF_BV_ARSH, 1)                \
	X(BVSDIV,   "bvsdiv",       BV_OP,    0, 2, 2, BCF_BV_SDIV, 1)                \
	X(BVSMOD,   "bvsmod",       BV_OP,    0, 2, 2, BCF_BV_SMOD, 1)                \
	X(BVSREM,   "bvsrem",       SPECIAL,  0, 2, 2, BCF_BV_MOD, 0)                 \
	X(BVNAND,   "bvnand",       BV_NOTOP, 0, 2, 2, BCF_BV_AND, 0)                 \
	X(BVNOR,    "bvnor",        BV_NOTOP, 0, 2, 2, BCF_BV_OR, 0)                  \
	X(BVXNOR,   "bvxnor",       BV_NOTOP, 0, 2, 2, BCF_BV_XOR, 0)                 \
	X(BVCOMP,   "bvcomp",       SPECIAL,  0, 2, 2, BCF_BV_ITE, 0)                 \
	X(BVULT,    "bvult",        BV_CMP,   0, 2, 2, BCF_BOOL_ULT, 1)               \
	X(BVULE,    "bvule",        BV_CMP,   0, 2, 2, BCF_BOOL_ULE, 1)               \
	X(BVUGT,    "bvugt",        BV_CMP,   0, 2, 2, BCF_BOOL_UGT, 1)               \
	X(BVUGE,    "bvuge",        BV_CMP,   0, 2, 2, BCF_BOOL_UGE, 1)               \
	X(BVSLT,    "bvslt",        BV_CMP,   0, 2, 2, BCF_BOOL_SLT, 1)               \
	X(BVSLE,    "bvsle",        BV_CMP,   0, 2, 2, BCF_BOOL_SLE, 1)               \
	X(BVSGT,    "bvsgt",        BV_CMP,   0, 2, 2, BCF_BOOL_SGT, 1)               \
	X(BVSGE,    "bvsge",        BV_CMP,   0, 2, 2, BCF_BOOL_SGE, 1)

enum smt2_op {
#define SMT2_X_ENUM(id, name, kind, nidx, lo, hi, code, pr) SMT2_OP_##id,
	SMT2_OPS(SMT2_X_ENUM)
#undef SMT2_X_ENUM
	SMT2_NR_OPS,
	SMT2_OP_NONE = -1,
};

/* The names by enum smt2_op (lang/smt2_ops.c). */
extern const char *const smt2_op_names[SMT2_NR_OPS];

#endif
