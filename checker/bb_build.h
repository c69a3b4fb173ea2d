/* SPDX-License-Identifier: MIT */
/*
 * checker/bb_build.h - builders for the exact BITBLAST circuit shapes of
 * spec/rules-bv.md section 2, over any node store.
 *
 * The store is reached through one callback with the signature of
 * bcf_arena__node() (so a prover can pass its arena directly); tests pass a
 * plain table appender.  Bit vectors are arrays of bool node ids, LSB first.
 * Every function returns 0 or the callback's negative errno.
 */
#ifndef BCF_CHECKER_BB_BUILD_H
#define BCF_CHECKER_BB_BUILD_H

#include <stdbool.h>
#include <stdint.h>

#include <bcf/bcf.h>

typedef int (*bb_mk_fn)(void *ctx, uint8_t code, uint16_t params, const uint32_t *args,
			unsigned vlen, uint32_t *id);

struct bb_builder {
	bb_mk_fn mk;
	void *ctx;
	/* the store's canonical true / false ids: the first bool_val true / false
	 * of the proof's expression table (the shifters' guard needs exactly these) */
	uint32_t t, f;
};

/* A bb_mk_fn over a hash-consing struct bcf_arena (ctx = the arena). */
int bb_arena_mk(void *arena, uint8_t code, uint16_t params, const uint32_t *args,
		unsigned vlen, uint32_t *id);

/* bit_i(x) for i < w */
int bb_build_var(const struct bb_builder *b, uint32_t x, unsigned w, uint32_t *out);
/* t/f per bit of value (w <= 64) */
void bb_build_const(const struct bb_builder *b, uint64_t value, unsigned w, uint32_t *out);
/* FB(bits) node */
int bb_build_fb(const struct bb_builder *b, const uint32_t *bits, unsigned w, uint32_t *id);

/* ripple-carry adder x + y + cin (2.4) */
int bb_build_rca(const struct bb_builder *b, const uint32_t *x, const uint32_t *y, unsigned w,
		 bool cin, uint32_t *out);
/* n-ary add as the left fold of adders with carry-in false */
int bb_build_add(const struct bb_builder *b, const uint32_t *const *ops, unsigned n,
		 unsigned w, uint32_t *out);
int bb_build_sub(const struct bb_builder *b, const uint32_t *x, const uint32_t *y, unsigned w,
		 uint32_t *out);
int bb_build_neg(const struct bb_builder *b, const uint32_t *x, unsigned w, uint32_t *out);
/* left fold of 2-argument `gate` nodes (bool_disj for bv_or) */
int bb_build_fold(const struct bb_builder *b, uint8_t gate, const uint32_t *const *ops,
		  unsigned n, unsigned w, uint32_t *out);
/* barrel shifter with guard; op is BCF_LSH, BCF_RSH or BCF_ARSH */
int bb_build_shift(const struct bb_builder *b, uint8_t op, const uint32_t *x,
		   const uint32_t *amount, unsigned w, uint32_t *out);
/* bv_ite with a bool condition: (not c or t_i) and (c or e_i) */
int bb_build_ite(const struct bb_builder *b, uint32_t cond, const uint32_t *t,
		 const uint32_t *e, unsigned w, uint32_t *out);

/* comparator circuits; code is BCF_BOOL_EQ (w >= 2), ULT, ULE, SLT or SLE (w >= 2) */
int bb_build_cmp(const struct bb_builder *b, uint8_t code, const uint32_t *x,
		 const uint32_t *y, unsigned w, uint32_t *id);

/*
 * The whole BITBLAST parameter (= op(args) R) for one term or atom whose
 * bit-vector arguments are bv_from_bool nodes (the condition of a bv_ite is
 * a bool): builds op(args), the circuit R and the equality *eq.  Nodes are
 * read through lookup.  Only sound circuits the kernel accepts are built;
 * anything else (bv_and, bv_xor, bv_not, mul/div/mod/sdiv/smod,
 * zero_extend, repeat, 1-bit = and slt/sle, ...) gives -EOPNOTSUPP.
 */
int bb_build_step(const struct bb_builder *b, bcf_expr_lookup_fn lookup, void *lctx,
		  uint8_t code, uint16_t params, const uint32_t *args, unsigned n, uint32_t *eq);
/* (= x FB(bit_0 x ...)) for a bv variable x, (= c FB(t/f ...)) for a constant c. */
int bb_build_leaf(const struct bb_builder *b, bcf_expr_lookup_fn lookup, void *lctx,
		  uint32_t x, uint32_t *eq);

#endif
