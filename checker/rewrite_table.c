// SPDX-License-Identifier: MIT
/*
 * The rewrite table (spec/rules-core.md 5), one entry per rewrite id, in
 * the pattern language described in checker/rewrite.h.
 *
 *   X(id, NAME, sorts, side condition or NULL, left side, right side)
 */
#include "checker/rewrite.h"

#define CKR_REWRITES(X) \
	X(  1, EQ_REFL, \
	  "?", \
	  NULL, \
	  "(= v0 v0)", \
	  "true") \
	X(  2, EQ_SYMM, \
	  "? ?", \
	  NULL, \
	  "(= v0 v1)", \
	  "(= v1 v0)") \
	X(  3, EQ_COND_DEQ, \
	  "? ? ?", \
	  "(= (= v1 v2) false)", \
	  "(= (= v0 v1) (= v0 v2))", \
	  "(and (not (= v0 v1)) (not (= v0 v2)))") \
	X(  4, EQ_ITE_LIFT, \
	  "Bool ? ? ?", \
	  NULL, \
	  "(= (ite v0 v1 v2) v3)", \
	  "(ite v0 (= v1 v3) (= v2 v3))") \
	X(  5, DISTINCT_BINARY_ELIM, \
	  "? ?", \
	  NULL, \
	  "(distinct v0 v1)", \
	  "(not (= v0 v1))") \
	X(  6, ITE_TRUE_COND, \
	  "? ?", \
	  NULL, \
	  "(ite true v0 v1)", \
	  "v0") \
	X(  7, ITE_FALSE_COND, \
	  "? ?", \
	  NULL, \
	  "(ite false v0 v1)", \
	  "v1") \
	X(  8, ITE_NOT_COND, \
	  "Bool ? ?", \
	  NULL, \
	  "(ite (not v0) v1 v2)", \
	  "(ite v0 v2 v1)") \
	X(  9, ITE_EQ_BRANCH, \
	  "Bool ?", \
	  NULL, \
	  "(ite v0 v1 v1)", \
	  "v1") \
	X( 10, ITE_THEN_LOOKAHEAD, \
	  "Bool ? ? ?", \
	  NULL, \
	  "(ite v0 (ite v0 v1 v2) v3)", \
	  "(ite v0 v1 v3)") \
	X( 11, ITE_ELSE_LOOKAHEAD, \
	  "Bool ? ? ?", \
	  NULL, \
	  "(ite v0 v1 (ite v0 v2 v3))", \
	  "(ite v0 v1 v3)") \
	X( 12, ITE_THEN_NEG_LOOKAHEAD, \
	  "Bool ? ? ?", \
	  NULL, \
	  "(ite v0 (ite (not v0) v1 v2) v3)", \
	  "(ite v0 v2 v3)") \
	X( 13, ITE_ELSE_NEG_LOOKAHEAD, \
	  "Bool ? ? ?", \
	  NULL, \
	  "(ite v0 v1 (ite (not v0) v2 v3))", \
	  "(ite v0 v1 v2)") \
	X( 14, BOOL_DOUBLE_NOT_ELIM, \
	  "Bool", \
	  NULL, \
	  "(not (not v0))", \
	  "v0") \
	X( 15, BOOL_NOT_TRUE, \
	  "Bool", \
	  "(= v0 false)", \
	  "(not v0)", \
	  "true") \
	X( 16, BOOL_NOT_FALSE, \
	  "Bool", \
	  "(= v0 true)", \
	  "(not v0)", \
	  "false") \
	X( 17, BOOL_EQ_TRUE, \
	  "Bool", \
	  NULL, \
	  "(= v0 true)", \
	  "v0") \
	X( 18, BOOL_EQ_FALSE, \
	  "Bool", \
	  NULL, \
	  "(= v0 false)", \
	  "(not v0)") \
	X( 19, BOOL_EQ_NREFL, \
	  "Bool", \
	  NULL, \
	  "(= v0 (not v0))", \
	  "false") \
	X( 20, BOOL_IMPL_FALSE1, \
	  "Bool", \
	  NULL, \
	  "(=> v0 false)", \
	  "(not v0)") \
	X( 21, BOOL_IMPL_FALSE2, \
	  "Bool", \
	  NULL, \
	  "(=> false v0)", \
	  "true") \
	X( 22, BOOL_IMPL_TRUE1, \
	  "Bool", \
	  NULL, \
	  "(=> v0 true)", \
	  "true") \
	X( 23, BOOL_IMPL_TRUE2, \
	  "Bool", \
	  NULL, \
	  "(=> true v0)", \
	  "v0") \
	X( 24, BOOL_IMPL_ELIM, \
	  "Bool Bool", \
	  NULL, \
	  "(=> v0 v1)", \
	  "(or (not v0) v1)") \
	X( 25, BOOL_DUAL_IMPL_EQ, \
	  "Bool Bool", \
	  NULL, \
	  "(and (=> v0 v1) (=> v1 v0))", \
	  "(= v0 v1)") \
	X( 26, BOOL_AND_CONF, \
	  "Bool* Bool Bool* Bool*", \
	  NULL, \
	  "(and v0 v1 v2 (not v1) v3)", \
	  "false") \
	X( 27, BOOL_AND_CONF2, \
	  "Bool* Bool Bool* Bool*", \
	  NULL, \
	  "(and v0 (not v1) v2 v1 v3)", \
	  "false") \
	X( 28, BOOL_OR_TAUT, \
	  "Bool* Bool Bool* Bool*", \
	  NULL, \
	  "(or v0 v1 v2 (not v1) v3)", \
	  "true") \
	X( 29, BOOL_OR_TAUT2, \
	  "Bool* Bool Bool* Bool*", \
	  NULL, \
	  "(or v0 (not v1) v2 v1 v3)", \
	  "true") \
	X( 30, BOOL_IMPLIES_DE_MORGAN, \
	  "Bool Bool", \
	  NULL, \
	  "(not (=> v0 v1))", \
	  "(and v0 (not v1))") \
	X( 31, BOOL_XOR_REFL, \
	  "Bool", \
	  NULL, \
	  "(xor v0 v0)", \
	  "false") \
	X( 32, BOOL_XOR_NREFL, \
	  "Bool", \
	  NULL, \
	  "(xor v0 (not v0))", \
	  "true") \
	X( 33, BOOL_XOR_FALSE, \
	  "Bool", \
	  NULL, \
	  "(xor v0 false)", \
	  "v0") \
	X( 34, BOOL_XOR_TRUE, \
	  "Bool", \
	  NULL, \
	  "(xor v0 true)", \
	  "(not v0)") \
	X( 35, BOOL_XOR_COMM, \
	  "Bool Bool", \
	  NULL, \
	  "(xor v0 v1)", \
	  "(xor v1 v0)") \
	X( 36, BOOL_XOR_ELIM, \
	  "Bool Bool", \
	  NULL, \
	  "(xor v0 v1)", \
	  "(= (not v0) v1)") \
	X( 37, BOOL_NOT_XOR_ELIM, \
	  "Bool Bool", \
	  NULL, \
	  "(not (xor v0 v1))", \
	  "(= v0 v1)") \
	X( 38, BOOL_NOT_EQ_ELIM1, \
	  "Bool Bool", \
	  NULL, \
	  "(not (= v0 v1))", \
	  "(= (not v0) v1)") \
	X( 39, BOOL_NOT_EQ_ELIM2, \
	  "Bool Bool", \
	  NULL, \
	  "(not (= v0 v1))", \
	  "(= v0 (not v1))") \
	X( 40, ITE_NEG_BRANCH, \
	  "Bool Bool Bool", \
	  "(= (not v2) v1)", \
	  "(ite v0 v1 v2)", \
	  "(= v0 v1)") \
	X( 41, ITE_THEN_TRUE, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 true v1)", \
	  "(or v0 v1)") \
	X( 42, ITE_ELSE_FALSE, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 v1 false)", \
	  "(and v0 v1)") \
	X( 43, ITE_THEN_FALSE, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 false v1)", \
	  "(and (not v0) v1)") \
	X( 44, ITE_ELSE_TRUE, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 v1 true)", \
	  "(or (not v0) v1)") \
	X( 45, ITE_THEN_LOOKAHEAD_SELF, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 v0 v1)", \
	  "(ite v0 true v1)") \
	X( 46, ITE_ELSE_LOOKAHEAD_SELF, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 v1 v0)", \
	  "(ite v0 v1 false)") \
	X( 47, ITE_THEN_LOOKAHEAD_NOT_SELF, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 (not v0) v1)", \
	  "(ite v0 false v1)") \
	X( 48, ITE_ELSE_LOOKAHEAD_NOT_SELF, \
	  "Bool Bool", \
	  NULL, \
	  "(ite v0 v1 (not v0))", \
	  "(ite v0 v1 true)") \
	X( 49, ITE_EXPAND, \
	  "Bool Bool Bool", \
	  NULL, \
	  "(ite v0 v1 v2)", \
	  "(and (or (not v0) v1) (or v0 v2))") \
	X( 50, BOOL_NOT_ITE_ELIM, \
	  "Bool Bool Bool", \
	  NULL, \
	  "(not (ite v0 v1 v2))", \
	  "(ite v0 (not v1) (not v2))") \
	X( 51, BV_CONCAT_EXTRACT_MERGE, \
	  "BV* BV BV* Int Int Int Int", \
	  "(= v5 (bvadd v4 #1))", \
	  "(concat v0 ((_ extract v6 v5) v1) ((_ extract v4 v3) v1) v2)", \
	  "(concat v0 ((_ extract v6 v3) v1) v2)") \
	X( 52, BV_EXTRACT_EXTRACT, \
	  "BV Int Int Int Int Int Int", \
	  "(and (= v5 (bvadd v1 v4)) (= v6 (bvadd v1 v3)))", \
	  "((_ extract v4 v3) ((_ extract v2 v1) v0))", \
	  "((_ extract v5 v6) v0)") \
	X( 53, BV_EXTRACT_WHOLE, \
	  "BV Int", \
	  "(bvsge v1 (bvsub (@bvsize v0) #1))", \
	  "((_ extract v1 #0) v0)", \
	  "v0") \
	X( 54, BV_EXTRACT_CONCAT_1, \
	  "BV BV* BV Int Int", \
	  "(bvsle v4 (@bvsize v0))", \
	  "((_ extract v4 v3) (concat v1 v2 v0))", \
	  "((_ extract v4 v3) v0)") \
	X( 55, BV_EXTRACT_CONCAT_2, \
	  "BV BV* BV Int Int Int Int", \
	  "(and (bvslt v3 (@bvsize v0)) (bvsge v4 (@bvsize v0)) (= v5 (bvsub v4 (@bvsize v0))) (= v6 (bvsub (@bvsize v0) #1)))", \
	  "((_ extract v4 v3) (concat v1 v2 v0))", \
	  "(concat ((_ extract v5 #0) (concat v1 v2)) ((_ extract v6 v3) v0))") \
	X( 56, BV_EXTRACT_CONCAT_3, \
	  "BV BV BV* Int Int Int Int", \
	  "(and (bvsge v3 (@bvsize v0)) (= v5 (bvsub v4 (@bvsize v0))) (= v6 (bvsub v3 (@bvsize v0))))", \
	  "((_ extract v4 v3) (concat v2 v1 v0))", \
	  "((_ extract v5 v6) (concat v2 v1))") \
	X( 57, BV_EXTRACT_CONCAT_4, \
	  "BV BV BV* Int Int", \
	  "(bvslt v4 (bvsub (@bvsize (concat v0 v2 v1)) (@bvsize v0)))", \
	  "((_ extract v4 v3) (concat v0 v2 v1))", \
	  "((_ extract v4 v3) (concat v2 v1))") \
	X( 58, BV_EQ_EXTRACT_ELIM1, \
	  "BV BV Int Int Int Int Int", \
	  "(and (= v4 (bvsub (@bvsize v0) #1)) (= v5 (bvadd v3 #1)) (= v6 (bvsub v2 #1)) (bvsgt v4 v3) (bvsgt v2 #0))", \
	  "(= ((_ extract v3 v2) v0) v1)", \
	  "(= v0 (concat ((_ extract v4 v5) v0) v1 ((_ extract v6 #0) v0)))") \
	X( 59, BV_EQ_EXTRACT_ELIM2, \
	  "BV BV Int Int Int", \
	  "(and (= v3 (bvsub (@bvsize v0) #1)) (= v4 (bvadd v2 #1)) (bvsgt v3 v2))", \
	  "(= ((_ extract v2 #0) v0) v1)", \
	  "(= v0 (concat ((_ extract v3 v4) v0) v1))") \
	X( 60, BV_EQ_EXTRACT_ELIM3, \
	  "BV BV Int Int Int", \
	  "(and (= v3 (bvsub (@bvsize v0) #1)) (= v4 (bvsub v2 #1)) (bvsgt v2 #0))", \
	  "(= ((_ extract v3 v2) v0) v1)", \
	  "(= v0 (concat v1 ((_ extract v4 #0) v0)))") \
	X( 61, BV_EXTRACT_NOT, \
	  "BV Int Int", \
	  NULL, \
	  "((_ extract v2 v1) (bvnot v0))", \
	  "(bvnot ((_ extract v2 v1) v0))") \
	X( 62, BV_EXTRACT_SIGN_EXTEND_1, \
	  "BV Int Int Int", \
	  "(bvslt v2 (@bvsize v0))", \
	  "((_ extract v2 v1) ((_ sign_extend v3) v0))", \
	  "((_ extract v2 v1) v0)") \
	X( 63, BV_EXTRACT_SIGN_EXTEND_2, \
	  "BV Int Int Int Int Int", \
	  "(and (bvslt v1 (@bvsize v0)) (bvsge v2 (@bvsize v0)) (= v4 (bvsub (@bvsize v0) #1)) (= v5 (bvadd #1 (bvsub v2 (@bvsize v0)))))", \
	  "((_ extract v2 v1) ((_ sign_extend v3) v0))", \
	  "((_ sign_extend v5) ((_ extract v4 v1) v0))") \
	X( 64, BV_EXTRACT_SIGN_EXTEND_3, \
	  "BV Int Int Int Int Int", \
	  "(and (bvsge v1 (@bvsize v0)) (= v4 (bvadd #1 (bvsub v2 v1))) (= v5 (bvsub (@bvsize v0) #1)))", \
	  "((_ extract v2 v1) ((_ sign_extend v3) v0))", \
	  "((_ repeat v4) ((_ extract v5 v5) v0))") \
	X( 65, BV_NOT_XOR, \
	  "BV BV BV*", \
	  NULL, \
	  "(bvnot (bvxor v0 v1 v2))", \
	  "(bvxor (bvnot v0) v1 v2)") \
	X( 66, BV_AND_SIMPLIFY_1, \
	  "BV* BV* BV* BV Int", \
	  "(= v4 (@bvsize v3))", \
	  "(bvand v0 (bvnot v3) v1 v3 v2)", \
	  "(bv #0 v4)") \
	X( 67, BV_AND_SIMPLIFY_2, \
	  "BV* BV* BV* BV Int", \
	  "(= v4 (@bvsize v3))", \
	  "(bvand v0 v3 v1 (bvnot v3) v2)", \
	  "(bv #0 v4)") \
	X( 68, BV_OR_SIMPLIFY_1, \
	  "BV* BV* BV* BV Int", \
	  "(= v4 (@bvsize v3))", \
	  "(bvor v0 (bvnot v3) v1 v3 v2)", \
	  "(bvnot (bv #0 v4))") \
	X( 69, BV_OR_SIMPLIFY_2, \
	  "BV* BV* BV* BV Int", \
	  "(= v4 (@bvsize v3))", \
	  "(bvor v0 v3 v1 (bvnot v3) v2)", \
	  "(bvnot (bv #0 v4))") \
	X( 70, BV_XOR_SIMPLIFY_2, \
	  "BV* BV* BV* BV", \
	  NULL, \
	  "(bvxor v0 v3 v1 (bvnot v3) v2)", \
	  "(bvnot (bvxor v0 v1 v2))") \
	X( 71, BV_XOR_SIMPLIFY_3, \
	  "BV* BV* BV* BV", \
	  NULL, \
	  "(bvxor v0 (bvnot v3) v1 v3 v2)", \
	  "(bvnot (bvxor v0 v1 v2))") \
	X( 72, BV_ULT_ADD_ONE, \
	  "BV BV* BV* BV Int", \
	  "(and (= v3 (bv #1 v4)) (= v4 (@bvsize v0)))", \
	  "(bvult v0 (bvadd v1 v3 v2))", \
	  "(and (not (= (bvadd v1 v2) (bvnot (bv #0 v4)))) (not (bvult (bvadd v1 v2) v0)))") \
	X( 73, BV_MULT_SLT_MULT_1, \
	  "BV BV BV Int Int Int Int", \
	  "(and (= v5 (@bvsize v0)) (= v6 (@bvsize v2)))", \
	  "(bvslt (bvmul ((_ sign_extend v3) v1) ((_ sign_extend v4) v2)) (bvmul ((_ sign_extend v3) v0) ((_ sign_extend v4) v2)))", \
	  "(and (not (= (bvsub v1 v0) (bv #0 v5))) (not (= v2 (bv #0 v6))) (= (bvslt v1 v0) (bvsgt v2 (bv #0 v6))))") \
	X( 74, BV_MULT_SLT_MULT_2, \
	  "BV BV BV Int Int Int Int", \
	  "(and (= v5 (@bvsize v0)) (= v6 (@bvsize v2)))", \
	  "(bvslt (bvmul ((_ zero_extend v3) v1) ((_ sign_extend v4) v2)) (bvmul ((_ zero_extend v3) v0) ((_ sign_extend v4) v2)))", \
	  "(and (not (= (bvsub v1 v0) (bv #0 v5))) (not (= v2 (bv #0 v6))) (= (bvult v1 v0) (bvsgt v2 (bv #0 v6))))") \
	X( 75, BV_COMMUTATIVE_XOR, \
	  "BV BV", \
	  NULL, \
	  "(bvxor v0 v1)", \
	  "(bvxor v1 v0)") \
	X( 76, BV_ZERO_EXTEND_ELIMINATE_0, \
	  "BV", \
	  NULL, \
	  "((_ zero_extend #0) v0)", \
	  "v0") \
	X( 77, BV_SIGN_EXTEND_ELIMINATE_0, \
	  "BV", \
	  NULL, \
	  "((_ sign_extend #0) v0)", \
	  "v0") \
	X( 78, BV_NOT_NEQ, \
	  "BV", \
	  "(bvsgt (@bvsize v0) #0)", \
	  "(= v0 (bvnot v0))", \
	  "false") \
	X( 79, BV_ULT_ONES, \
	  "BV Int Int", \
	  "(= v1 (bvones v2))", \
	  "(bvult v0 (bv v1 v2))", \
	  "(distinct v0 (bv v1 v2))") \
	X( 80, BV_CONCAT_MERGE_CONST, \
	  "BV* Int Int Int Int Int BV*", \
	  "(= v5 (bvadd v2 v4))", \
	  "(concat v0 (bv v1 v2) (bv v3 v4) v6)", \
	  "(concat v0 (bv (bvadd (bvmul v1 (bvshl #1 v4)) v3) v5) v6)") \
	X( 81, BV_COMMUTATIVE_ADD, \
	  "BV BV", \
	  NULL, \
	  "(bvadd v0 v1)", \
	  "(bvadd v1 v0)") \
	X( 82, BV_SUB_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvsub v0 v1)", \
	  "(bvadd v0 (bvneg v1))") \
	X( 83, BV_ITE_WIDTH_ONE, \
	  "BV", \
	  NULL, \
	  "(ite (= v0 (bv #1 #1)) (bv #1 #1) (bv #0 #1))", \
	  "v0") \
	X( 84, BV_ITE_WIDTH_ONE_NOT, \
	  "BV", \
	  NULL, \
	  "(ite (= v0 (bv #0 #1)) (bv #1 #1) (bv #0 #1))", \
	  "(bvnot v0)") \
	X( 85, BV_EQ_XOR_SOLVE, \
	  "BV BV BV", \
	  NULL, \
	  "(= (= (bvxor v0 v1) v2) (= v0 (bvxor v2 v1)))", \
	  "true") \
	X( 86, BV_EQ_NOT_SOLVE, \
	  "BV BV", \
	  NULL, \
	  "(= (= (bvnot v0) v1) (= v0 (bvnot v1)))", \
	  "true") \
	X( 87, BV_UGT_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvugt v0 v1)", \
	  "(bvult v1 v0)") \
	X( 88, BV_UGE_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvuge v0 v1)", \
	  "(bvule v1 v0)") \
	X( 89, BV_SGT_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvsgt v0 v1)", \
	  "(bvslt v1 v0)") \
	X( 90, BV_SGE_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvsge v0 v1)", \
	  "(bvsle v1 v0)") \
	X( 91, BV_SLE_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvsle v0 v1)", \
	  "(not (bvslt v1 v0))") \
	X( 92, BV_ULE_ELIMINATE, \
	  "BV BV", \
	  NULL, \
	  "(bvule v0 v1)", \
	  "(not (bvult v1 v0))") \
	X( 93, BV_ZERO_EXTEND_ELIMINATE, \
	  "BV Int", \
	  NULL, \
	  "((_ zero_extend v1) v0)", \
	  "(concat (bv #0 v1) v0)") \
	X( 94, BV_ITE_EQUAL_CHILDREN, \
	  "BV1 BV", \
	  NULL, \
	  "(bvite v0 v1 v1)", \
	  "v1") \
	X( 95, BV_ITE_CONST_CHILDREN_1, \
	  "BV1", \
	  NULL, \
	  "(bvite v0 (bv #0 #1) (bv #1 #1))", \
	  "(bvnot v0)") \
	X( 96, BV_ITE_CONST_CHILDREN_2, \
	  "BV1", \
	  NULL, \
	  "(bvite v0 (bv #1 #1) (bv #0 #1))", \
	  "v0") \
	X( 97, BV_ITE_EQUAL_COND_1, \
	  "BV1 BV BV BV", \
	  NULL, \
	  "(bvite v0 (bvite v0 v1 v2) v3)", \
	  "(bvite v0 v1 v3)") \
	X( 98, BV_ITE_EQUAL_COND_2, \
	  "BV1 BV BV BV", \
	  NULL, \
	  "(bvite v0 v1 (bvite v0 v2 v3))", \
	  "(bvite v0 v1 v3)") \
	X( 99, BV_ITE_EQUAL_COND_3, \
	  "BV1 BV BV BV BV", \
	  NULL, \
	  "(bvite v0 (bvite v0 v1 v2) (bvite v0 v3 v4))", \
	  "(bvite v0 v1 v4)") \
	X(100, BV_ITE_MERGE_THEN_IF, \
	  "BV1 BV1 BV BV", \
	  NULL, \
	  "(bvite v0 (bvite v1 v2 v3) v2)", \
	  "(bvite (bvand v0 (bvnot v1)) v3 v2)") \
	X(101, BV_ITE_MERGE_ELSE_IF, \
	  "BV1 BV1 BV BV", \
	  NULL, \
	  "(bvite v0 (bvite v1 v2 v3) v3)", \
	  "(bvite (bvand v0 v1) v2 v3)") \
	X(102, BV_ITE_MERGE_THEN_ELSE, \
	  "BV1 BV1 BV BV", \
	  NULL, \
	  "(bvite v0 v2 (bvite v1 v2 v3))", \
	  "(bvite (bvand (bvnot v0) (bvnot v1)) v3 v2)") \
	X(103, BV_ITE_MERGE_ELSE_ELSE, \
	  "BV1 BV1 BV BV", \
	  NULL, \
	  "(bvite v0 v3 (bvite v1 v2 v3))", \
	  "(bvite (bvand (bvnot v0) v1) v2 v3)") \
	X(104, BV_SHL_BY_CONST_0, \
	  "BV Int", \
	  NULL, \
	  "(bvshl v0 (bv #0 v1))", \
	  "v0") \
	X(105, BV_SHL_BY_CONST_1, \
	  "BV Int Int Int", \
	  "(and (bvslt v1 (@bvsize v0)) (= v3 (bvsub (@bvsize v0) (bvadd #1 v1))))", \
	  "(bvshl v0 (bv v1 v2))", \
	  "(concat ((_ extract v3 #0) v0) (bv #0 v1))") \
	X(106, BV_SHL_BY_CONST_2, \
	  "BV Int Int Int", \
	  "(and (bvsge v1 (@bvsize v0)) (= v3 (@bvsize v0)))", \
	  "(bvshl v0 (bv v1 v2))", \
	  "(bv #0 v3)") \
	X(107, BV_LSHR_BY_CONST_0, \
	  "BV Int", \
	  NULL, \
	  "(bvlshr v0 (bv #0 v1))", \
	  "v0") \
	X(108, BV_LSHR_BY_CONST_1, \
	  "BV Int Int Int", \
	  "(and (bvslt v1 (@bvsize v0)) (= v3 (bvsub (@bvsize v0) #1)))", \
	  "(bvlshr v0 (bv v1 v2))", \
	  "(concat (bv #0 v1) ((_ extract v3 v1) v0))") \
	X(109, BV_LSHR_BY_CONST_2, \
	  "BV Int Int", \
	  "(bvsge v1 (@bvsize v0))", \
	  "(bvlshr v0 (bv v1 v2))", \
	  "(bv #0 v2)") \
	X(110, BV_ASHR_BY_CONST_0, \
	  "BV Int", \
	  NULL, \
	  "(bvashr v0 (bv #0 v1))", \
	  "v0") \
	X(111, BV_ASHR_BY_CONST_1, \
	  "BV Int Int Int", \
	  "(and (bvslt v1 (@bvsize v0)) (= v3 (bvsub (@bvsize v0) #1)))", \
	  "(bvashr v0 (bv v1 v2))", \
	  "(concat ((_ repeat v1) ((_ extract v3 v3) v0)) ((_ extract v3 v1) v0))") \
	X(112, BV_ASHR_BY_CONST_2, \
	  "BV Int Int Int Int", \
	  "(and (bvsge v1 (@bvsize v0)) (= v3 (bvsub (@bvsize v0) #1)) (= v4 (@bvsize v0)))", \
	  "(bvashr v0 (bv v1 v2))", \
	  "((_ repeat v4) ((_ extract v3 v3) v0))") \
	X(113, BV_AND_CONCAT_PULLUP, \
	  "BV* BV* BV BV BV* Int Int Int", \
	  "(and (= v6 (@bvsize v2)) (= v5 (bvsub (@bvsize (bvand v0 v1)) #1)) (= v7 (bvsub (@bvsize v2) #1)))", \
	  "(bvand v0 (concat v4 v3 v2) v1)", \
	  "(concat (bvand ((_ extract v5 v6) (bvand v0 v1)) (concat v4 v3)) (bvand ((_ extract v7 #0) (bvand v0 v1)) v2))") \
	X(114, BV_OR_CONCAT_PULLUP, \
	  "BV* BV* BV BV BV* Int Int Int", \
	  "(and (= v6 (@bvsize v2)) (= v5 (bvsub (@bvsize (bvor v0 v1)) #1)) (= v7 (bvsub (@bvsize v2) #1)))", \
	  "(bvor v0 (concat v4 v3 v2) v1)", \
	  "(concat (bvor ((_ extract v5 v6) (bvor v0 v1)) (concat v4 v3)) (bvor ((_ extract v7 #0) (bvor v0 v1)) v2))") \
	X(115, BV_XOR_CONCAT_PULLUP, \
	  "BV* BV* BV BV BV* Int Int Int", \
	  "(and (= v6 (@bvsize v2)) (= v5 (bvsub (@bvsize (bvxor v0 v1)) #1)) (= v7 (bvsub (@bvsize v2) #1)))", \
	  "(bvxor v0 (concat v4 v3 v2) v1)", \
	  "(concat (bvxor ((_ extract v5 v6) (bvxor v0 v1)) (concat v4 v3)) (bvxor ((_ extract v7 #0) (bvxor v0 v1)) v2))") \
	X(116, BV_AND_CONCAT_PULLUP2, \
	  "BV* BV* BV BV BV* Int Int Int", \
	  "(and (= v6 (@bvsize (concat v2 v4))) (= v5 (bvsub (@bvsize (bvand v0 v1)) #1)) (= v7 (bvsub (@bvsize (concat v2 v4)) #1)))", \
	  "(bvand v0 (concat v3 v2 v4) v1)", \
	  "(concat (bvand ((_ extract v5 v6) (bvand v0 v1)) v3) (bvand ((_ extract v7 #0) (bvand v0 v1)) (concat v2 v4)))") \
	X(117, BV_OR_CONCAT_PULLUP2, \
	  "BV* BV* BV BV BV* Int Int Int", \
	  "(and (= v6 (@bvsize (concat v2 v4))) (= v5 (bvsub (@bvsize (bvor v0 v1)) #1)) (= v7 (bvsub (@bvsize (concat v2 v4)) #1)))", \
	  "(bvor v0 (concat v3 v2 v4) v1)", \
	  "(concat (bvor ((_ extract v5 v6) (bvor v0 v1)) v3) (bvor ((_ extract v7 #0) (bvor v0 v1)) (concat v2 v4)))") \
	X(118, BV_XOR_CONCAT_PULLUP2, \
	  "BV* BV* BV BV BV* Int Int Int", \
	  "(and (= v6 (@bvsize (concat v2 v4))) (= v5 (bvsub (@bvsize (bvxor v0 v1)) #1)) (= v7 (bvsub (@bvsize (concat v2 v4)) #1)))", \
	  "(bvxor v0 (concat v3 v2 v4) v1)", \
	  "(concat (bvxor ((_ extract v5 v6) (bvxor v0 v1)) v3) (bvxor ((_ extract v7 #0) (bvxor v0 v1)) (concat v2 v4)))") \
	X(119, BV_AND_CONCAT_PULLUP3, \
	  "BV* BV* BV BV BV Int Int Int Int Int", \
	  "(and (= v5 (bvsub (@bvsize (bvand v0 v1)) #1)) (= v6 (bvadd (@bvsize v2) (@bvsize v4))) (= v7 (bvsub (bvadd (@bvsize v2) (@bvsize v4)) #1)) (= v8 (@bvsize v4)) (= v9 (bvsub (@bvsize v4) #1)))", \
	  "(bvand v0 (concat v3 v2 v4) v1)", \
	  "(concat (bvand ((_ extract v5 v6) (bvand v0 v1)) v3) (bvand ((_ extract v7 v8) (bvand v0 v1)) v2) (bvand ((_ extract v9 #0) (bvand v0 v1)) v4))") \
	X(120, BV_OR_CONCAT_PULLUP3, \
	  "BV* BV* BV BV BV Int Int Int Int Int", \
	  "(and (= v5 (bvsub (@bvsize (bvor v0 v1)) #1)) (= v6 (bvadd (@bvsize v2) (@bvsize v4))) (= v7 (bvsub (bvadd (@bvsize v2) (@bvsize v4)) #1)) (= v8 (@bvsize v4)) (= v9 (bvsub (@bvsize v4) #1)))", \
	  "(bvor v0 (concat v3 v2 v4) v1)", \
	  "(concat (bvor ((_ extract v5 v6) (bvor v0 v1)) v3) (bvor ((_ extract v7 v8) (bvor v0 v1)) v2) (bvor ((_ extract v9 #0) (bvor v0 v1)) v4))") \
	X(121, BV_XOR_CONCAT_PULLUP3, \
	  "BV* BV* BV BV BV Int Int Int Int Int", \
	  "(and (= v5 (bvsub (@bvsize (bvxor v0 v1)) #1)) (= v6 (bvadd (@bvsize v2) (@bvsize v4))) (= v7 (bvsub (bvadd (@bvsize v2) (@bvsize v4)) #1)) (= v8 (@bvsize v4)) (= v9 (bvsub (@bvsize v4) #1)))", \
	  "(bvxor v0 (concat v3 v2 v4) v1)", \
	  "(concat (bvxor ((_ extract v5 v6) (bvxor v0 v1)) v3) (bvxor ((_ extract v7 v8) (bvxor v0 v1)) v2) (bvxor ((_ extract v9 #0) (bvxor v0 v1)) v4))") \
	X(122, BV_XOR_DUPLICATE, \
	  "BV Int", \
	  "(= v1 (@bvsize v0))", \
	  "(bvxor v0 v0)", \
	  "(bv #0 v1)") \
	X(123, BV_XOR_ONES, \
	  "BV* BV* Int Int", \
	  "(= v2 (bvones v3))", \
	  "(bvxor v0 (bv v2 v3) v1)", \
	  "(bvnot (bvxor v0 v1))") \
	X(124, BV_ULE_MAX, \
	  "BV Int Int", \
	  "(and (= v2 (@bvsize v0)) (= v1 (bvones (@bvsize v0))))", \
	  "(bvule v0 (bv v1 v2))", \
	  "true") \
	X(125, BV_XOR_NOT, \
	  "BV BV", \
	  NULL, \
	  "(bvxor (bvnot v0) (bvnot v1))", \
	  "(bvxor v0 v1)") \
	X(126, BV_NOT_IDEMP, \
	  "BV", \
	  NULL, \
	  "(bvnot (bvnot v0))", \
	  "v0") \
	X(127, BV_ULT_ZERO_1, \
	  "BV Int", \
	  NULL, \
	  "(bvult (bv #0 v1) v0)", \
	  "(not (= v0 (bv #0 v1)))") \
	X(128, BV_ULT_ZERO_2, \
	  "BV Int", \
	  NULL, \
	  "(bvult v0 (bv #0 v1))", \
	  "false") \
	X(129, BV_ULT_SELF, \
	  "BV", \
	  NULL, \
	  "(bvult v0 v0)", \
	  "false") \
	X(130, BV_LT_SELF, \
	  "BV", \
	  NULL, \
	  "(bvslt v0 v0)", \
	  "false") \
	X(131, BV_ULE_SELF, \
	  "BV", \
	  NULL, \
	  "(bvule v0 v0)", \
	  "true") \
	X(132, BV_ULE_ZERO, \
	  "BV Int", \
	  NULL, \
	  "(bvule v0 (bv #0 v1))", \
	  "(= v0 (bv #0 v1))") \
	X(133, BV_ZERO_ULE, \
	  "BV Int", \
	  NULL, \
	  "(bvule (bv #0 v1) v0)", \
	  "true") \
	X(134, BV_SLE_SELF, \
	  "BV", \
	  NULL, \
	  "(bvsle v0 v0)", \
	  "true") \
	X(135, BV_NOT_ULT, \
	  "BV BV", \
	  NULL, \
	  "(not (bvult v0 v1))", \
	  "(bvule v1 v0)") \
	X(136, BV_SHL_ZERO, \
	  "BV Int", \
	  NULL, \
	  "(bvshl (bv #0 v1) v0)", \
	  "(bv #0 v1)") \
	X(137, BV_LSHR_ZERO, \
	  "BV Int", \
	  NULL, \
	  "(bvlshr (bv #0 v1) v0)", \
	  "(bv #0 v1)") \
	X(138, BV_ASHR_ZERO, \
	  "BV Int", \
	  NULL, \
	  "(bvashr (bv #0 v1) v0)", \
	  "(bv #0 v1)") \
	X(139, BV_ULT_ONE, \
	  "BV Int", \
	  NULL, \
	  "(bvult v0 (bv #1 v1))", \
	  "(= v0 (bv #0 v1))") \
	X(140, BV_MERGE_SIGN_EXTEND_1, \
	  "BV Int Int Int", \
	  "(= v3 (bvadd v1 v2))", \
	  "((_ sign_extend v1) ((_ sign_extend v2) v0))", \
	  "((_ sign_extend v3) v0)") \
	X(141, BV_MERGE_SIGN_EXTEND_2, \
	  "BV Int Int Int", \
	  "(and (bvsgt v2 #0) (= v3 (bvadd v1 v2)))", \
	  "((_ sign_extend v1) ((_ zero_extend v2) v0))", \
	  "((_ zero_extend v3) v0)") \
	X(142, BV_SIGN_EXTEND_EQ_CONST_1, \
	  "BV Int Int Int Int Int Int", \
	  "(and (= v4 (bvadd v1 #1)) (= v5 (bvsub (@bvsize v0) #1)) (= v6 (bvsub v3 #1)))", \
	  "(= ((_ sign_extend v1) v0) (bv v2 v3))", \
	  "(and (or (= ((_ extract v6 v5) (bv v2 v3)) (bv #0 v4)) (= ((_ extract v6 v5) (bv v2 v3)) (bvnot (bv #0 v4)))) (= v0 ((_ extract v5 #0) (bv v2 v3))))") \
	X(143, BV_SIGN_EXTEND_EQ_CONST_2, \
	  "BV Int Int Int Int Int Int", \
	  "(and (= v4 (bvadd v1 #1)) (= v5 (bvsub (@bvsize v0) #1)) (= v6 (bvsub v3 #1)))", \
	  "(= (bv v2 v3) ((_ sign_extend v1) v0))", \
	  "(and (or (= ((_ extract v6 v5) (bv v2 v3)) (bv #0 v4)) (= ((_ extract v6 v5) (bv v2 v3)) (bvnot (bv #0 v4)))) (= v0 ((_ extract v5 #0) (bv v2 v3))))") \
	X(144, BV_ZERO_EXTEND_EQ_CONST_1, \
	  "BV Int Int Int Int Int", \
	  "(and (= v4 (bvsub (@bvsize v0) #1)) (= v5 (bvsub v3 #1)))", \
	  "(= ((_ zero_extend v1) v0) (bv v2 v3))", \
	  "(and (= ((_ extract v5 v4) (bv v2 v3)) (bv #0 v1)) (= v0 ((_ extract v4 #0) (bv v2 v3))))") \
	X(145, BV_ZERO_EXTEND_EQ_CONST_2, \
	  "BV Int Int Int Int Int", \
	  "(and (= v4 (bvsub (@bvsize v0) #1)) (= v5 (bvsub v3 #1)))", \
	  "(= (bv v2 v3) ((_ zero_extend v1) v0))", \
	  "(and (= ((_ extract v5 v4) (bv v2 v3)) (bv #0 v1)) (= v0 ((_ extract v4 #0) (bv v2 v3))))") \
	X(146, BV_ZERO_EXTEND_ULT_CONST_1, \
	  "BV Int Int Int Int", \
	  "(and (= v4 (bvsub (@bvsize v0) #1)) (= (bv v2 v3) ((_ zero_extend v1) ((_ extract v4 #0) (bv v2 v3)))))", \
	  "(bvult ((_ zero_extend v1) v0) (bv v2 v3))", \
	  "(bvult v0 ((_ extract v4 #0) (bv v2 v3)))") \
	X(147, BV_ZERO_EXTEND_ULT_CONST_2, \
	  "BV Int Int Int Int", \
	  "(and (= v4 (bvsub (@bvsize v0) #1)) (= (bv v2 v3) ((_ zero_extend v1) ((_ extract v4 #0) (bv v2 v3)))))", \
	  "(bvult (bv v2 v3) ((_ zero_extend v1) v0))", \
	  "(bvult ((_ extract v4 #0) (bv v2 v3)) v0)") \
	X(148, BV_SIGN_EXTEND_ULT_CONST_1, \
	  "BV Int Int Int Int", \
	  "(and (or (bvule (bv v2 v3) (bvshl (bv #1 v3) (bv (bvsub (@bvsize v0) #1) v3))) (bvuge (bv v2 v3) (bvshl (bvnot (bv #0 v3)) (bv (bvsub (@bvsize v0) #1) v3)))) (= v4 (bvsub (@bvsize v0) #1)))", \
	  "(bvult ((_ sign_extend v1) v0) (bv v2 v3))", \
	  "(bvult v0 ((_ extract v4 #0) (bv v2 v3)))") \
	X(149, BV_SIGN_EXTEND_ULT_CONST_2, \
	  "BV Int Int Int Int", \
	  "(and (bvult (bvshl (bv #1 v3) (bv (bvsub (@bvsize v0) #1) v3)) (bv v2 v3)) (bvule (bv v2 v3) (bvshl (bvnot (bv #0 v3)) (bv (bvsub (@bvsize v0) #1) v3))) (= v4 (bvsub (@bvsize v0) #1)))", \
	  "(bvult ((_ sign_extend v1) v0) (bv v2 v3))", \
	  "(= ((_ extract v4 v4) v0) (bv #0 #1))") \
	X(150, BV_SIGN_EXTEND_ULT_CONST_3, \
	  "BV Int Int Int Int", \
	  "(and (or (bvult (bv v2 v3) (bvshl (bv #1 v3) (bv (bvsub (@bvsize v0) #1) v3))) (bvuge (bv v2 v3) (bvnot (bvshl (bv #1 v3) (bv (bvsub (@bvsize v0) #1) v3))))) (= v4 (bvsub (@bvsize v0) #1)))", \
	  "(bvult (bv v2 v3) ((_ sign_extend v1) v0))", \
	  "(bvult ((_ extract v4 #0) (bv v2 v3)) v0)") \
	X(151, BV_SIGN_EXTEND_ULT_CONST_4, \
	  "BV Int Int Int Int", \
	  "(and (bvule (bvnot (bvshl (bvnot (bv #0 v3)) (bv (bvsub (@bvsize v0) #1) v3))) (bv v2 v3)) (bvule (bv v2 v3) (bvnot (bvshl (bv #1 v3) (bv (bvsub (@bvsize v0) #1) v3)))) (= v4 (bvsub (@bvsize v0) #1)))", \
	  "(bvult (bv v2 v3) ((_ sign_extend v1) v0))", \
	  "(= ((_ extract v4 v4) v0) (bv #1 #1))")

#define CKR_RW_ENTRY(id, n, s, c, l, r) [id] = { #n, s, c, l, r },
const struct ckr_rewrite ckr_rewrites[__MAX_BCF_REWRITES] = { CKR_REWRITES(CKR_RW_ENTRY) };
#undef CKR_RW_ENTRY
