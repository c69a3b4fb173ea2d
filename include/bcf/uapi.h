/* SPDX-License-Identifier: MIT */
/*
 * bcf/uapi.h - our own definition of the BCF user/kernel interface.
 *
 * Written from ../shared/spec/format.md.  Everything is little-endian;
 * sizes are in 32-bit words unless stated otherwise.  Debian's kernel
 * headers do not carry any of this, so nothing here depends on them.
 */
#ifndef BCF_UAPI_H
#define BCF_UAPI_H

#include <stdint.h>
#include <stddef.h>

/* ---- expression node ------------------------------------------------ */

/* One header word followed by vlen argument words. */
struct bcf_expr {
	uint8_t code;    /* type | op */
	uint8_t vlen;    /* number of argument words */
	uint16_t params; /* op-specific */
	uint32_t args[];
};

#define BCF_EXPR_LOW(params)  ((uint8_t)((params) & 0xff))
#define BCF_EXPR_HIGH(params) ((uint8_t)(((params) >> 8) & 0xff))
#define BCF_EXPR_PARAMS(high, low) ((uint16_t)(((unsigned)(high) << 8) | (uint8_t)(low)))
#define BCF_EXPR_HDR(code, vlen, params) \
	((uint32_t)(code) | ((uint32_t)(vlen) << 8) | ((uint32_t)(params) << 16))

/* types: code & 0x07 */
enum bcf_type {
	BCF_BV = 0,
	BCF_BOOL = 1,
	BCF_LIST = 2,
	__MAX_BCF_TYPE = 3,
};
#define BCF_TYPE(code) ((code) & 0x07)
#define BCF_OP(code)   ((code) & 0xf8)

/* ops: code & 0xf8.  BPF ALU/JMP numbers are kept where borrowed. */
enum bcf_op {
	/* from BPF ALU */
	BCF_ADD = 0x00, BCF_SUB = 0x10, BCF_MUL = 0x20, BCF_DIV = 0x30,
	BCF_OR = 0x40, BCF_AND = 0x50, BCF_LSH = 0x60, BCF_RSH = 0x70,
	BCF_NEG = 0x80, BCF_MOD = 0x90, BCF_XOR_BV = 0xa0, BCF_ARSH = 0xc0,
	/* from BPF JMP (boolean comparisons) */
	BCF_JEQ = 0x10, BCF_JGT = 0x20, BCF_JGE = 0x30, BCF_JNE = 0x50,
	BCF_JSGT = 0x60, BCF_JSGE = 0x70, BCF_JLT = 0xa0, BCF_JLE = 0xb0,
	BCF_JSLT = 0xc0, BCF_JSLE = 0xd0,
	/* BCF's own */
	BCF_CONJ = 0x00, BCF_VAL = 0x08, BCF_VAR = 0x18, BCF_ITE = 0x28,
	BCF_EXTRACT = 0x38, BCF_XOR = 0x38, BCF_SIGN_EXTEND = 0x48,
	BCF_BITOF = 0x48, BCF_ZERO_EXTEND = 0x58, BCF_BVSIZE = 0x68,
	BCF_BVNOT = 0x78, BCF_NOT = 0x80, BCF_FROM_BOOL = 0x88,
	BCF_IMPLIES = 0x90, BCF_CONCAT = 0x98, BCF_REPEAT = 0xa8,
	BCF_SDIV = 0xb0, BCF_SMOD = 0xd0, BCF_DISJ = 0x40,
};

/*
 * Every valid code byte, one line each:
 *   X(enum name, code, printed name, min arity, max arity)
 * The printed name is the kernel checker's spelling (spec/format.md 1.2).
 */
#define BCF_EXPR_CODES(X)                                   \
	X(BV_ADD,         0x00, "bv_add",          2, 255)  \
	X(BV_SUB,         0x10, "bv_sub",          2, 2)    \
	X(BV_MUL,         0x20, "bv_mul",          2, 255)  \
	X(BV_DIV,         0x30, "bv_div",          2, 2)    \
	X(BV_OR,          0x40, "bv_or",           2, 255)  \
	X(BV_AND,         0x50, "bv_and",          2, 255)  \
	X(BV_LSH,         0x60, "bv_lsh",          2, 2)    \
	X(BV_RSH,         0x70, "bv_rsh",          2, 2)    \
	X(BV_NEG,         0x80, "bv_neg",          1, 1)    \
	X(BV_MOD,         0x90, "bv_mod",          2, 2)    \
	X(BV_XOR,         0xa0, "bv_xor",          2, 255)  \
	X(BV_SDIV,        0xb0, "bv_sdiv",         2, 2)    \
	X(BV_ARSH,        0xc0, "bv_arsh",         2, 2)    \
	X(BV_SMOD,        0xd0, "bv_smod",         2, 2)    \
	X(BV_VAL,         0x08, "bv_val",          1, 255)  \
	X(BV_VAR,         0x18, "bv_var",          0, 0)    \
	X(BV_ITE,         0x28, "bv_ite",          3, 3)    \
	X(BV_EXTRACT,     0x38, "bv_extract",      1, 1)    \
	X(BV_SIGN_EXTEND, 0x48, "bv_sign_extend",  1, 1)    \
	X(BV_ZERO_EXTEND, 0x58, "bv_zero_extend",  1, 1)    \
	X(BV_BVSIZE,      0x68, "bv_bvsize",       1, 1)    \
	X(BV_NOT,         0x78, "bv_not",          1, 1)    \
	X(BV_FROM_BOOL,   0x88, "bv_from_bool",    1, 255)  \
	X(BV_CONCAT,      0x98, "bv_concat",       2, 255)  \
	X(BV_REPEAT,      0xa8, "bv_repeat",       1, 1)    \
	X(BOOL_CONJ,      0x01, "bool_conj",       2, 255)  \
	X(BOOL_VAL,       0x09, "bool_val",        0, 0)    \
	X(BOOL_EQ,        0x11, "bool_eq",         2, 2)    \
	X(BOOL_VAR,       0x19, "bool_var",        0, 0)    \
	X(BOOL_UGT,       0x21, "bool_ugt",        2, 2)    \
	X(BOOL_ITE,       0x29, "bool_ite",        3, 3)    \
	X(BOOL_UGE,       0x31, "bool_uge",        2, 2)    \
	X(BOOL_XOR,       0x39, "bool_xor",        2, 255)  \
	X(BOOL_DISJ,      0x41, "bool_disj",       2, 255)  \
	X(BOOL_BITOF,     0x49, "bool_bitof",      1, 1)    \
	X(BOOL_DISTINCT,  0x51, "bool_distinct",   2, 2)    \
	X(BOOL_SGT,       0x61, "bool_sgt",        2, 2)    \
	X(BOOL_SGE,       0x71, "bool_sge",        2, 2)    \
	X(BOOL_NOT,       0x81, "bool_not",        1, 1)    \
	X(BOOL_IMPLIES,   0x91, "bool_implies",    2, 2)    \
	X(BOOL_ULT,       0xa1, "bool_ult",        2, 2)    \
	X(BOOL_ULE,       0xb1, "bool_ule",        2, 2)    \
	X(BOOL_SLT,       0xc1, "bool_slt",        2, 2)    \
	X(BOOL_SLE,       0xd1, "bool_sle",        2, 2)    \
	X(LIST_VAL,       0x0a, "list_val",        0, 255)

enum bcf_code {
#define BCF_X_ENUM(n, c, s, lo, hi) BCF_##n = c,
	BCF_EXPR_CODES(BCF_X_ENUM)
#undef BCF_X_ENUM
};

#define BCF_FALSE 0
#define BCF_TRUE  1

/* ---- proof file ----------------------------------------------------- */

#define BCF_MAGIC 0x00000BCFu
#define MAX_BCF_PROOF_SIZE (32u * 1024 * 1024) /* bytes; sizes >= this are rejected */

struct bcf_proof_header {
	uint32_t magic;
	uint32_t expr_cnt; /* words */
	uint32_t step_cnt; /* words */
};

struct bcf_proof_step {
	uint16_t rule;       /* class | id */
	uint8_t premise_cnt;
	uint8_t param_cnt;
	uint32_t args[];     /* premise step indices, then params */
};

#define BCF_STEP_HDR(rule, npremises, nparams) \
	((uint32_t)(rule) | ((uint32_t)(npremises) << 16) | ((uint32_t)(nparams) << 24))

#define BCF_RULE_CLASS_MASK 0xe000u
#define BCF_RULE_ID_MASK    0x1fffu
enum bcf_rule_class {
	BCF_RULE_CORE = 0x0000,
	BCF_RULE_BOOL = 0x2000,
	BCF_RULE_BV = 0x4000,
};

/* X(NAME, id) — core rules, class 0x0000 */
#define BCF_CORE_RULES(X)        \
	X(ASSUME, 1)             \
	X(EVALUATE, 2)           \
	X(DISTINCT_VALUES, 3)    \
	X(ACI_NORM, 4)           \
	X(ABSORB, 5)             \
	X(REWRITE, 6)            \
	X(REFL, 7)               \
	X(SYMM, 8)               \
	X(TRANS, 9)              \
	X(CONG, 10)              \
	X(TRUE_INTRO, 11)        \
	X(TRUE_ELIM, 12)         \
	X(FALSE_INTRO, 13)       \
	X(FALSE_ELIM, 14)

/* X(NAME, id) — boolean rules, class 0x2000 */
#define BCF_BOOL_RULES(X)        \
	X(RESOLUTION, 1)         \
	X(FACTORING, 2)          \
	X(REORDERING, 3)         \
	X(SPLIT, 4)              \
	X(EQ_RESOLVE, 5)         \
	X(MODUS_PONENS, 6)       \
	X(NOT_NOT_ELIM, 7)       \
	X(CONTRA, 8)             \
	X(AND_ELIM, 9)           \
	X(AND_INTRO, 10)         \
	X(NOT_OR_ELIM, 11)       \
	X(IMPLIES_ELIM, 12)      \
	X(NOT_IMPLIES_ELIM, 13)  \
	X(EQUIV_ELIM, 14)        \
	X(NOT_EQUIV_ELIM, 15)    \
	X(XOR_ELIM, 16)          \
	X(NOT_XOR_ELIM, 17)      \
	X(ITE_ELIM, 18)          \
	X(NOT_ITE_ELIM, 19)      \
	X(NOT_AND, 20)           \
	X(CNF_AND_POS, 21)       \
	X(CNF_AND_NEG, 22)       \
	X(CNF_OR_POS, 23)        \
	X(CNF_OR_NEG, 24)        \
	X(CNF_IMPLIES_POS, 25)   \
	X(CNF_IMPLIES_NEG, 26)   \
	X(CNF_EQUIV_POS, 27)     \
	X(CNF_EQUIV_NEG, 28)     \
	X(CNF_XOR_POS, 29)       \
	X(CNF_XOR_NEG, 30)       \
	X(CNF_ITE_POS, 31)       \
	X(CNF_ITE_NEG, 32)       \
	X(ITE_EQ, 33)

/* X(NAME, id) — bit-vector rules, class 0x4000 */
#define BCF_BV_RULES(X)          \
	X(BITBLAST, 1)           \
	X(POLY_NORM, 2)          \
	X(POLY_NORM_EQ, 3)

enum bcf_rule {
#define BCF_X_CORE(n, id) BCF_RULE_##n = BCF_RULE_CORE | (id),
#define BCF_X_BOOL(n, id) BCF_RULE_##n = BCF_RULE_BOOL | (id),
#define BCF_X_BV(n, id) BCF_RULE_##n = BCF_RULE_BV | (id),
	BCF_CORE_RULES(BCF_X_CORE)
	BCF_BOOL_RULES(BCF_X_BOOL)
	BCF_BV_RULES(BCF_X_BV)
#undef BCF_X_CORE
#undef BCF_X_BOOL
#undef BCF_X_BV
};

#define __MAX_BCF_CORE_RULES 15
#define __MAX_BCF_BOOL_RULES 34
#define __MAX_BCF_BV_RULES 4

/* Rewrite ids (first parameter of REWRITE).  0 = trusted/unspecified. */
#define BCF_REWRITE_UNSPEC 0
#define __MAX_BCF_REWRITES 152

/* ---- kernel/user protocol -------------------------------------------- */

enum bcf_flags {
	BCF_F_PROOF_REQUESTED = 1u << 0,
	BCF_F_PROOF_PROVIDED = 1u << 1,
	BCF_F_PROOF_PATH_UNREACHABLE = 1u << 2,
};

#define BCF_COND_NONE 0xffffffffu  /* path_cond / refine_cond absent */
#define BCF_BUF_SIZE (8u << 20)    /* what libbpf allocates */
#define BCF_BATCH_SIZE 16

/*
 * The five BPF_PROG_LOAD fields that follow keyring_id (offset 164).
 * Absolute offsets are for the bpf-next layout; the attr size libbpf
 * passes is offsetofend(bcf_flags) = 192.
 */
struct bcf_prog_load_attr_tail {      /* starts at BCF_ATTR_OFF_BUF */
	uint64_t bcf_buf;            /* 168: user pointer (aligned u64) */
	uint32_t bcf_buf_size;       /* 176: bytes */
	uint32_t bcf_buf_true_size;  /* 180: bytes, in/out */
	uint32_t bcf_fd;             /* 184: out, then in */
	uint32_t bcf_flags;          /* 188: in/out */
};
#define BCF_ATTR_OFF_KEYRING_ID     164
#define BCF_ATTR_OFF_BUF            168
#define BCF_ATTR_OFF_BUF_SIZE       176
#define BCF_ATTR_OFF_BUF_TRUE_SIZE  180
#define BCF_ATTR_OFF_FD             184
#define BCF_ATTR_OFF_FLAGS          188
#define BCF_ATTR_SIZE               192

_Static_assert(BCF_ATTR_OFF_BUF + sizeof(struct bcf_prog_load_attr_tail) == BCF_ATTR_SIZE,
	       "bcf attr tail layout");
_Static_assert(BCF_ATTR_OFF_BUF + offsetof(struct bcf_prog_load_attr_tail, bcf_flags) ==
	       BCF_ATTR_OFF_FLAGS, "bcf_flags offset");

typedef int (*bcf_prover_fn_t)(uint32_t *bcf_buf, uint32_t bcf_buf_size,
			       uint32_t *bcf_buf_true_size, uint32_t *bcf_flags);

#endif /* BCF_UAPI_H */
