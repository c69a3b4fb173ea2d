/* SPDX-License-Identifier: MIT */
/*
 * The reference answer of z3 (C API) on an SMT-LIB script, with z3's QF_BV
 * solver (its default one costs about 10 ms of set-up per query) and a time
 * limit.  Used by tests/test_vectors_z3.c and fuzz/prover_diff.c.
 */
#ifndef BCF_TESTS_Z3_REF_H
#define BCF_TESTS_Z3_REF_H

#include <z3.h>

/* Z3_L_TRUE sat, Z3_L_FALSE unsat, Z3_L_UNDEF unknown; a script z3 cannot
 * parse is Z3_L_UNDEF with *parse_error set to z3's message (else NULL). */
static inline Z3_lbool z3_ref_check(Z3_context ctx, const char *script, unsigned timeout_ms,
				    const char **parse_error)
{
	Z3_ast_vector asserts;
	Z3_solver s;
	Z3_params p;
	Z3_lbool r;
	unsigned i, n;

	*parse_error = NULL;
	asserts = Z3_parse_smtlib2_string(ctx, script, 0, NULL, NULL, 0, NULL, NULL);
	if (Z3_get_error_code(ctx) != Z3_OK) {
		*parse_error = Z3_get_error_msg(ctx, Z3_get_error_code(ctx));
		Z3_set_error(ctx, Z3_OK);
		return Z3_L_UNDEF;
	}
	Z3_ast_vector_inc_ref(ctx, asserts);
	s = Z3_mk_solver_for_logic(ctx, Z3_mk_string_symbol(ctx, "QF_BV"));
	Z3_solver_inc_ref(ctx, s);
	p = Z3_mk_params(ctx);
	Z3_params_inc_ref(ctx, p);
	Z3_params_set_uint(ctx, p, Z3_mk_string_symbol(ctx, "timeout"), timeout_ms);
	Z3_solver_set_params(ctx, s, p);
	n = Z3_ast_vector_size(ctx, asserts);
	for (i = 0; i < n; i++)
		Z3_solver_assert(ctx, s, Z3_ast_vector_get(ctx, asserts, i));
	r = Z3_solver_check(ctx, s);
	Z3_params_dec_ref(ctx, p);
	Z3_solver_dec_ref(ctx, s);
	Z3_ast_vector_dec_ref(ctx, asserts);
	return r;
}

#endif
