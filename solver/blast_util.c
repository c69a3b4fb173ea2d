// SPDX-License-Identifier: MIT
/* The blaster's node builders, side-condition premises and counted steps. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lang/grow.h"
#include "solver/blast_int.h"

int bl_grow(struct blaster *bl)
{
	uint32_t n;
	size_t mc = bl->cap, sc = bl->cap;

	bcf_arena__words(bl->a, &n);
	/* both arrays grow to the same capacity (same start, same need) */
	if (bcf__grow_from((void **)&bl->memo, &mc, n, sizeof(*bl->memo), 4096) ||
	    bcf__grow_from((void **)&bl->state, &sc, n, sizeof(*bl->state), 4096))
		return -ENOMEM;
	bl->cap = mc;
	return 0;
}

int bl_fail(struct blaster *bl, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(bl->why, sizeof(bl->why), fmt, ap);
	va_end(ap);
	return err;
}

int bl_step_fail(struct blaster *bl, int err, const char *what)
{
	return bl_fail(bl, err, "%s: %s", what, pbuild_error(bl->b));
}

/* (= l r) by a rule that takes the equality as its parameter (ACI_NORM, ABSORB) */
int bl_eq_by(struct blaster *bl, uint32_t l, uint32_t r, int (*rule)(struct pbuild *, uint32_t),
	     const char *name)
{
	uint32_t eq;
	int s = bl_mk2(bl, BCF_BOOL_EQ, 0, l, r, &eq);

	if (s)
		return s;
	s = rule(bl->b, eq);
	if (s < 0)
		return bl_step_fail(bl, s, name);
	bl->st.aci_absorb++;
	return s;
}

int bl_aci(struct blaster *bl, uint32_t l, uint32_t r)
{
	return bl_eq_by(bl, l, r, pb_aci_norm, "ACI_NORM");
}

int bl_mk(struct blaster *bl, uint8_t code, uint16_t params, const uint32_t *args, unsigned n,
	  uint32_t *id)
{
	int err = pbuild_node(bl->b, code, params, args, n, id);

	if (err)
		return bl_step_fail(bl, err, "building a node");
	return 0;
}

int bl_mk2(struct blaster *bl, uint8_t code, uint16_t params, uint32_t x, uint32_t y,
	   uint32_t *id)
{
	uint32_t a[2] = { x, y };

	return bl_mk(bl, code, params, a, 2, id);
}

int bl_const(struct blaster *bl, unsigned w, uint64_t v, uint32_t *id)
{
	uint32_t words[2] = { (uint32_t)v, (uint32_t)(v >> 32) };

	if (w == 0 || w > 64)
		return bl_fail(bl, -EINVAL, "constant of width %u", w);
	return bl_mk(bl, BCF_BV_VAL, w, words, bcf_val_words(w), id);
}

int bl_i32(struct blaster *bl, uint32_t v, uint32_t *id)
{
	return bl_const(bl, 32, v, id);
}

int bl_list(struct blaster *bl, const uint32_t *ids, unsigned n, uint32_t *id)
{
	return bl_mk(bl, BCF_LIST_VAL, BCF_BV, ids, n, id);
}

int bl_bvsize(struct blaster *bl, uint32_t x, uint32_t *id)
{
	return bl_mk(bl, BCF_BV_BVSIZE, 32, &x, 1, id);
}

int bl_cond(struct blaster *bl, uint32_t cond)
{
	int s = pb_evaluate(bl->b, cond);

	if (s < 0)
		return bl_step_fail(bl, s, "EVALUATE of a side condition");
	bl->st.evaluate++;
	return s;
}

int bl_cond_eq(struct blaster *bl, uint32_t a, uint32_t b)
{
	uint32_t eq;
	int err = bl_mk2(bl, BCF_BOOL_EQ, 0, a, b, &eq);

	return err ? err : bl_cond(bl, eq);
}

int bl_rewrite(struct blaster *bl, unsigned rid, const int *prem, unsigned np,
	       const uint32_t *vars, unsigned nv)
{
	int s = pb_rewrite(bl->b, rid, prem, np, vars, nv);

	/*
	 * A right side with a constant wider than a constant node holds (64
	 * bits: (bv #0 128) of REWRITE 122 at 128 bits) is refused by the
	 * kernel as by our checker: the route does not exist at this width,
	 * which is unprovable-kernel (or opaque bits), not an error.
	 */
	if (s == -EINVAL && strstr(pbuild_error(bl->b), "constant of width"))
		return bl_fail(bl, -ENOTSUP, "REWRITE %u at this width: %s", rid,
			       pbuild_error(bl->b));
	if (s < 0)
		return bl_fail(bl, s, "REWRITE %u: %s", rid, pbuild_error(bl->b));
	bl->st.rewrite++;
	return s;
}

int bl_poly_norm(struct blaster *bl, uint32_t eq)
{
	static const uint8_t k[1] = { PB_EXPR };
	int s = pbuild_step(bl->b, BCF_RULE_POLY_NORM, NULL, 0, &eq, k, 1);

	if (s < 0)
		return bl_step_fail(bl, s, "POLY_NORM");
	bl->st.poly_norm++;
	return s;
}

int bl_bitblast(struct blaster *bl, uint32_t eq)
{
	int s = pb_bitblast(bl->b, eq);

	if (s < 0)
		return bl_step_fail(bl, s, "BITBLAST");
	bl->st.bitblast++;
	return s;
}

int bl_trans2(struct blaster *bl, int s0, int s1)
{
	int p[2] = { s0, s1 };
	int s = pb_trans(bl->b, p, 2);

	if (s < 0)
		return bl_step_fail(bl, s, "TRANS");
	bl->st.other++;
	return s;
}

static int counted(struct blaster *bl, int s, const char *what)
{
	if (s < 0)
		return bl_step_fail(bl, s, what);
	bl->st.other++;
	return s;
}

int bl_refl(struct blaster *bl, uint32_t t)
{
	return counted(bl, pb_refl(bl->b, t), "REFL");
}

int bl_symm(struct blaster *bl, int s)
{
	return counted(bl, pb_symm(bl->b, s), "SYMM");
}

int bl_trans(struct blaster *bl, const int *s, unsigned n)
{
	return counted(bl, pb_trans(bl->b, s, n), "TRANS");
}

int bl_cong(struct blaster *bl, uint32_t op, const int *s, unsigned n)
{
	return counted(bl, pb_cong(bl->b, op, s, n), "CONG");
}

int bl_extract_whole(struct blaster *bl, uint32_t z)
{
	uint32_t v[2], sz, one, a, ge;
	int c, err;

	v[0] = z;
	if ((err = bl_i32(bl, bl_width(bl, z) - 1, &v[1])) || (err = bl_bvsize(bl, z, &sz)) ||
	    (err = bl_i32(bl, 1, &one)) || (err = bl_mk2(bl, BCF_BV_SUB, 32, sz, one, &a)) ||
	    (err = bl_mk2(bl, BCF_BOOL_SGE, 0, v[1], a, &ge)))
		return err;
	c = bl_cond(bl, ge);                   /* (bvsge v1 (bvsub (bvsize v0) #1)) */
	return c < 0 ? c : bl_rewrite(bl, 53, &c, 1, v, 2);
}

int bl_cond_op(struct blaster *bl, uint8_t code, uint32_t a, uint32_t b)
{
	uint32_t c;
	int err = bl_mk2(bl, code, 0, a, b, &c);

	return err ? err : bl_cond(bl, c);
}

uint32_t bl_lhs(const struct blaster *bl, int s)
{
	const struct bcf_expr *e = bl_expr(bl, pbuild_fact(bl->b, s));

	return e && e->code == BCF_BOOL_EQ ? e->args[0] : UINT32_MAX;
}

uint32_t bl_rhs(const struct blaster *bl, int s)
{
	const struct bcf_expr *e = bl_expr(bl, pbuild_fact(bl->b, s));

	return e && e->code == BCF_BOOL_EQ ? e->args[1] : UINT32_MAX;
}

/* ground flag in state bits 1-2 */
#define G_SHIFT 1
#define G_MASK (3u << G_SHIFT)

int bl_ground(struct blaster *bl, uint32_t id, bool *ground)
{
	uint32_t *stack = NULL, sp = 0;
	size_t scap = 0;
	int err;

	err = bl_grow(bl);
	if (err)
		return err;
	if ((bl->state[id] & G_MASK) == 0) {
		if (bcf__grow_from((void **)&stack, &scap, 1, sizeof(*stack), 64))
			return -ENOMEM;
		stack[sp++] = id;
		while (sp) {
			uint32_t cur = stack[sp - 1];
			const struct bcf_expr *e = bl_expr(bl, cur);
			unsigned k, g = 1;
			bool ready = true;

			if (bl->state[cur] & G_MASK) {
				sp--;
				continue;
			}
			if (bcf_is_var(e)) {
				g = 2;
			} else if (!bcf_is_leaf(e) && e->code != BCF_BV_BVSIZE) {
				for (k = 0; k < e->vlen; k++) {
					unsigned ga = bl->state[e->args[k]] & G_MASK;

					if (ga == (2u << G_SHIFT)) {
						g = 2;
					} else if (!ga) {
						ready = false;
						if (bcf__grow_from((void **)&stack, &scap, sp + 1,
								   sizeof(*stack), 64)) {
							free(stack);
							return -ENOMEM;
						}
						stack[sp++] = e->args[k];
					}
				}
			}
			if (!ready)
				continue;
			bl->state[cur] = (bl->state[cur] & ~G_MASK) | (g << G_SHIFT);
			sp--;
		}
		free(stack);
	}
	*ground = (bl->state[id] & G_MASK) == (1u << G_SHIFT);
	return 0;
}
