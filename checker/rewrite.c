// SPDX-License-Identifier: MIT
/*
 * The REWRITE rule (spec/rules-core.md 3.6, 4, 5, 5.1, 6): compile the
 * rewrite's patterns (checker/rewrite_table.c) into postfix programs, run
 * them over the bindings to build the side condition, left and right side
 * as dynamic nodes, match the premises against the condition's conjuncts
 * and conclude (= lhs rhs).
 *
 * Kernel-compat mode gives the kernel's verdicts, quirks included (trusted
 * id 0 accepted unchecked).  Strict mode rejects id 0 and the instances
 * the kernel accepts although they are unsound: BV_CONCAT_MERGE_CONST
 * whose merged value exceeds 32 bits, BV_MULT_SLT_MULT_1/2 whose products
 * may overflow.  Both modes require every binding to be a valid static id
 * (spec 6).
 *
 * Error codes: -EINVAL for every rejected step; -EFAULT for an
 * inconsistency in our own table (bad pattern syntax, variable out of
 * range); -EOPNOTSUPP for a pattern operator we do not know; -E2BIG for a
 * node of more than 255 arguments after list splicing.
 */
#include <stdlib.h>
#include <string.h>

#include "checker/rewrite.h"
#include "lang/smt2_ops.h"

#define RW_MAX_VARS 16
#define RW_MAX_PROG 256  /* instructions per pattern */
#define RW_MAX_DEPTH 64  /* pattern nesting (spec 4.3) */
#define RW_EVAL_MAX 192  /* evaluation frames + pending values (spec 3.2) */

/* ---- sorts ------------------------------------------------------------- */

enum rw_sort { S_ANY, S_BOOL, S_BV, S_BV1, S_INT, S_BV_LIST, S_BOOL_LIST };

static int parse_sorts(const char *s, uint8_t *sorts, unsigned *n)
{
	static const struct {
		const char *name;
		enum rw_sort sort;
	} names[] = {
		{ "?", S_ANY }, { "Bool", S_BOOL }, { "BV", S_BV }, { "BV1", S_BV1 },
		{ "Int", S_INT }, { "BV*", S_BV_LIST }, { "Bool*", S_BOOL_LIST },
	};
	unsigned cnt = 0, i;

	while (*s) {
		size_t len;

		while (*s == ' ')
			s++;
		if (!*s)
			break;
		len = strcspn(s, " ");
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i].name) == len && !strncmp(names[i].name, s, len))
				break;
		if (i == sizeof(names) / sizeof(names[0]) || cnt == RW_MAX_VARS)
			return -EFAULT;
		sorts[cnt++] = names[i].sort;
		s += len;
	}
	*n = cnt;
	return 0;
}

int ckr_rewrite_nvars(unsigned rid)
{
	uint8_t sorts[RW_MAX_VARS];
	unsigned n;
	int err;

	if (rid == 0 || rid >= __MAX_BCF_REWRITES || !ckr_rewrites[rid].lhs)
		return -EINVAL;
	err = parse_sorts(ckr_rewrites[rid].sorts, sorts, &n);
	return err ? err : (int)n;
}

/* Does binding e have sort s (spec 4.2)? */
static bool sort_ok(const struct bcf_expr *e, enum rw_sort s)
{
	switch (s) {
	case S_ANY:
		return true;
	case S_BOOL:
		return bcf_is_bool(e);
	case S_BV:
		return bcf_is_bv(e);
	case S_BV1:
		return bcf_is_bv(e) && bcf_expr__width(e) == 1;
	case S_INT:
		return bcf_is_bv(e) && bcf_expr__width(e) == 32;
	case S_BV_LIST:
		return e->code == BCF_LIST_VAL && e->params == BCF_BV;
	case S_BOOL_LIST:
		/* only the empty bool list is usable upstream (spec 4.2) */
		return e->code == BCF_LIST_VAL && e->params == BCF_BOOL && e->vlen == 0;
	}
	return false;
}

static const char *sort_name(enum rw_sort s)
{
	static const char *const n[] = { "any", "Bool", "BV", "(BV 1)", "Int (32-bit BV)",
					  "BV list", "empty Bool list" };
	return n[s];
}

/* ---- pattern compiler ---------------------------------------------------- */

enum rw_kind {
	K_VAR,     /* val = variable index */
	K_LIT,     /* val = 32-bit constant */
	K_TRUE,
	K_FALSE,
	K_OP,      /* val = code byte */
	K_ITE,     /* generic ite: sort of the then-branch */
	K_EXTRACT, /* children: i j x */
	K_ZEXT,    /* children: n x */
	K_SEXT,
	K_REPEAT,
	K_BV,      /* children: n w */
	K_BVONES,  /* children: w */
};

struct rw_ins {
	uint8_t kind;
	uint8_t argc;
	uint32_t val;
};

/*
 * Pattern operators: the SMT-LIB ones by their SMT2_OPS entry (name and,
 * for K_OP, BCF code from that table), plus the pattern language's own
 * (bvite, @bvsize, bv, bvones).
 */
struct rw_opname {
	int8_t op;        /* enum smt2_op, or SMT2_OP_NONE for the pattern language's own */
	const char *name; /* op == SMT2_OP_NONE: the name */
	uint8_t kind;
	uint8_t code;     /* op == SMT2_OP_NONE: the K_OP code */
	uint8_t nidx;     /* index terms in an indexed head (-1 = not indexed) */
	int8_t argc;      /* exact child count in a pattern, -1 = any (variadic) */
};

static const char *const smt_names[SMT2_NR_OPS] = {
#define RW_X_NAME(id, name, kind, nidx, lo, hi, code, pr) [SMT2_OP_##id] = name,
	SMT2_OPS(RW_X_NAME)
#undef RW_X_NAME
};

static const uint8_t smt_codes[SMT2_NR_OPS] = {
#define RW_X_CODE(id, name, kind, nidx, lo, hi, code, pr) [SMT2_OP_##id] = code,
	SMT2_OPS(RW_X_CODE)
#undef RW_X_CODE
};

#define SMT(id, kind, nidx, argc) { SMT2_OP_##id, NULL, kind, 0, nidx, argc }
#define OWN(name, kind, code, nidx, argc) { SMT2_OP_NONE, name, kind, code, nidx, argc }

static const struct rw_opname opnames[] = {
	SMT(EQ, K_OP, 0, 2), SMT(AND, K_OP, 0, -1), SMT(OR, K_OP, 0, -1), SMT(NOT, K_OP, 0, 1),
	SMT(IMPLIES, K_OP, 0, 2), SMT(XOR, K_OP, 0, -1), SMT(DISTINCT, K_OP, 0, 2),
	SMT(ITE, K_ITE, 0, 3),
	OWN("bvite", K_OP, BCF_BV_ITE, 0, 3),
	SMT(CONCAT, K_OP, 0, -1), SMT(BVNOT, K_OP, 0, 1), SMT(BVNEG, K_OP, 0, 1),
	SMT(BVXOR, K_OP, 0, -1), SMT(BVAND, K_OP, 0, -1), SMT(BVOR, K_OP, 0, -1),
	SMT(BVADD, K_OP, 0, -1), SMT(BVSUB, K_OP, 0, 2), SMT(BVMUL, K_OP, 0, -1),
	SMT(BVUDIV, K_OP, 0, 2), SMT(BVUREM, K_OP, 0, 2), SMT(BVSHL, K_OP, 0, 2),
	SMT(BVLSHR, K_OP, 0, 2), SMT(BVASHR, K_OP, 0, 2),
	SMT(BVULT, K_OP, 0, 2), SMT(BVULE, K_OP, 0, 2), SMT(BVUGT, K_OP, 0, 2),
	SMT(BVUGE, K_OP, 0, 2), SMT(BVSLT, K_OP, 0, 2), SMT(BVSLE, K_OP, 0, 2),
	SMT(BVSGT, K_OP, 0, 2), SMT(BVSGE, K_OP, 0, 2),
	OWN("@bvsize", K_OP, BCF_BV_BVSIZE, 0, 1),
	OWN("bv", K_BV, 0, 0, 2),
	OWN("bvones", K_BVONES, 0, 0, 1),
	/* indexed: ((_ name idx...) x) */
	SMT(EXTRACT, K_EXTRACT, 2, 3), SMT(ZEXT, K_ZEXT, 1, 2), SMT(SEXT, K_SEXT, 1, 2),
	SMT(REPEAT, K_REPEAT, 1, 2),
};

#undef SMT
#undef OWN

static const char *op_name(const struct rw_opname *o)
{
	return o->op == SMT2_OP_NONE ? o->name : smt_names[o->op];
}

/* The instruction value of a pattern operator: its BCF code for K_OP, else 0. */
static uint8_t op_code(const struct rw_opname *o)
{
	return o->op != SMT2_OP_NONE && o->kind == K_OP ? smt_codes[o->op] : o->code;
}

static const struct rw_opname *find_op(const char *s, size_t len)
{
	unsigned i;

	for (i = 0; i < sizeof(opnames) / sizeof(opnames[0]); i++)
		if (strlen(op_name(&opnames[i])) == len && !strncmp(op_name(&opnames[i]), s, len))
			return &opnames[i];
	return NULL;
}

static bool is_delim(char ch)
{
	return ch == '(' || ch == ')' || ch == ' ' || ch == '\0';
}

static bool parse_uint(const char *s, size_t len, uint32_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (!len || len > 10)
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		x = x * 10 + (unsigned)(s[i] - '0');
	}
	if (x > UINT32_MAX)
		return false;
	*v = (uint32_t)x;
	return true;
}

/*
 * Compile one pattern into postfix.  Iterative: a stack of open
 * applications, each counting its children.  Returns the instruction
 * count or a negative errno.
 */
static int compile(const char *s, unsigned nvars, struct rw_ins *prog)
{
	struct frame {
		const struct rw_opname *op;
		unsigned argc;
		bool in_head;   /* inside ( _ name idx...) */
		bool indexed;
	} st[RW_MAX_DEPTH];
	unsigned sp = 0, n = 0;
	bool done = false;

	while (*s) {
		if (*s == ' ') {
			s++;
			continue;
		}
		if (done)
			return -EFAULT; /* trailing text */
		if (*s == '(') {
			s++;
			while (*s == ' ')
				s++;
			if (*s == '(') {
				/* indexed head of a new application */
				s++;
				while (*s == ' ')
					s++;
				if (*s != '_' || !is_delim(s[1]) || sp == RW_MAX_DEPTH)
					return -EFAULT;
				s++;
				while (*s == ' ')
					s++;
				{
					size_t len = strcspn(s, "() ");
					const struct rw_opname *op = find_op(s, len);

					if (!op)
						return -EOPNOTSUPP;
					if (!op->nidx)
						return -EFAULT;
					st[sp].op = op;
					st[sp].argc = 0;
					st[sp].in_head = true;
					st[sp].indexed = true;
					sp++;
					s += len;
				}
				continue;
			}
			{
				size_t len = strcspn(s, "() ");
				const struct rw_opname *op = find_op(s, len);

				if (!len)
					return -EFAULT;
				if (!op)
					return -EOPNOTSUPP;
				if (op->nidx || sp == RW_MAX_DEPTH)
					return -EFAULT; /* indexed op needs (_ ...) */
				st[sp].op = op;
				st[sp].argc = 0;
				st[sp].in_head = false;
				st[sp].indexed = false;
				sp++;
				s += len;
			}
			continue;
		}
		if (*s == ')') {
			struct frame *f;

			s++;
			if (!sp)
				return -EFAULT;
			f = &st[sp - 1];
			if (f->in_head) {
				if (f->argc != f->op->nidx)
					return -EFAULT;
				f->in_head = false;
				continue;
			}
			if (f->op->argc >= 0 && f->argc != (unsigned)f->op->argc)
				return -EFAULT;
			if (f->indexed && f->argc != f->op->nidx + 1u)
				return -EFAULT;
			if (n == RW_MAX_PROG || f->argc > 255)
				return -EFAULT;
			prog[n].kind = f->op->kind;
			prog[n].argc = (uint8_t)f->argc;
			prog[n].val = op_code(f->op);
			n++;
			sp--;
			if (sp)
				st[sp - 1].argc++;
			else
				done = true;
			continue;
		}
		{
			size_t len = strcspn(s, "() ");
			struct rw_ins ins = { 0, 0, 0 };

			if (s[0] == 'v' && parse_uint(s + 1, len - 1, &ins.val)) {
				if (ins.val >= nvars)
					return -EFAULT;
				ins.kind = K_VAR;
			} else if (s[0] == '#' && parse_uint(s + 1, len - 1, &ins.val)) {
				ins.kind = K_LIT;
			} else if (len == 4 && !strncmp(s, "true", 4)) {
				ins.kind = K_TRUE;
			} else if (len == 5 && !strncmp(s, "false", 5)) {
				ins.kind = K_FALSE;
			} else {
				return -EFAULT;
			}
			if (n == RW_MAX_PROG)
				return -EFAULT;
			prog[n++] = ins;
			if (sp)
				st[sp - 1].argc++;
			else
				done = true;
			s += len;
		}
	}
	if (sp || !done)
		return -EFAULT;
	return (int)n;
}

int ckr_rewrite_compile(const char *pattern, unsigned nvars)
{
	struct rw_ins prog[RW_MAX_PROG];

	return compile(pattern, nvars, prog);
}

/* ---- constant evaluation (rules-core.md 3.2) -------------------------- */

static uint64_t sext64(uint64_t v, unsigned w)
{
	if (w == 0 || w >= 64)
		return v;
	v &= bcf_mask(w);
	if (v >> (w - 1) & 1)
		v |= ~bcf_mask(w);
	return v;
}

static uint64_t shl64(uint64_t v, unsigned s)
{
	return s >= 64 ? 0 : v << s;
}

/* One node from its argument values vals[0..vlen-1]. */
static int eval_node(struct bcf_checker *c, const struct bcf_expr *e, const uint64_t *v,
		     uint64_t *out, bool *ovf)
{
	unsigned w = bcf_expr__width(e), i, aw = 0;
	uint64_t m = bcf_mask(w), r = 0, t;
	const struct bcf_expr *a0 = NULL;

	if (e->vlen && e->code != BCF_BV_VAL) {
		a0 = ckr_expr(c, e->args[0]);
		if (!a0)
			return -EINVAL;
		aw = bcf_expr__width(a0);
	}
	switch (e->code) {
	case BCF_BV_ADD:
		for (i = 0; i < e->vlen; i++) {
			t = r + v[i];
			if (t < r || t > m)
				*ovf = true;
			r = t & m;
		}
		break;
	case BCF_BV_SUB:
		if (v[0] < v[1])
			*ovf = true;
		r = (v[0] - v[1]) & m;
		break;
	case BCF_BV_MUL:
		r = v[0];
		for (i = 1; i < e->vlen; i++) {
			if (__builtin_mul_overflow(r, v[i], &t) || t > m)
				*ovf = true;
			r = (r * v[i]) & m;
		}
		break;
	case BCF_BV_DIV:
	case BCF_BV_MOD:
		if (!v[1])
			return ckr_fail(c, -EINVAL, "division by zero in a constant expression");
		r = e->code == BCF_BV_DIV ? v[0] / v[1] : v[0] % v[1];
		break;
	case BCF_BV_OR:
	case BCF_BV_AND:
	case BCF_BV_XOR:
		r = v[0];
		for (i = 1; i < e->vlen; i++)
			r = e->code == BCF_BV_OR ? r | v[i] : e->code == BCF_BV_AND ? r & v[i] : r ^ v[i];
		break;
	case BCF_BV_LSH:
		r = v[1] < 64 ? (v[0] << v[1]) & m : v[0];
		break;
	case BCF_BV_RSH:
		r = v[0] >> (v[1] & 63);
		break;
	case BCF_BV_ARSH:
		r = (uint64_t)((int64_t)sext64(v[0], w) >> (v[1] & 63)) & m;
		break;
	case BCF_BV_NEG:
		/* the kernel computes 1u << (w - 1) in 32 bits (spec 3.2) */
		if (v[0] == (uint64_t)((uint32_t)1 << ((w - 1) & 31)))
			return ckr_fail(c, -EINVAL, "bv_neg of 0x%llx at width %u",
					(unsigned long long)v[0], w);
		r = (0 - v[0]) & m;
		break;
	case BCF_BV_ITE:
	case BCF_BOOL_ITE:
		r = v[0] ? v[1] : v[2];
		break;
	case BCF_BV_EXTRACT:
		r = (v[0] >> BCF_EXPR_LOW(e->params)) & m;
		break;
	case BCF_BV_SIGN_EXTEND:
		r = sext64(v[0], aw) & m;
		break;
	case BCF_BV_ZERO_EXTEND:
		r = v[0];
		break;
	case BCF_BV_FROM_BOOL:
		for (i = 0; i < e->vlen && i < 64; i++)
			r |= (v[i] & 1) << i;
		break;
	case BCF_BV_CONCAT:
		for (i = 0; i < e->vlen; i++) {
			const struct bcf_expr *a = ckr_expr(c, e->args[i]);

			if (!a)
				return -EINVAL;
			r = shl64(r, bcf_expr__width(a)) | v[i];
		}
		r &= m;
		break;
	case BCF_BOOL_CONJ:
		r = 1;
		for (i = 0; i < e->vlen; i++)
			r &= v[i] != 0;
		break;
	case BCF_BOOL_DISJ:
		for (i = 0; i < e->vlen; i++)
			r |= v[i] != 0;
		break;
	case BCF_BOOL_XOR:
		for (i = 0; i < e->vlen; i++)
			r ^= v[i] != 0;
		break;
	case BCF_BOOL_NOT:
		r = !v[0];
		break;
	case BCF_BOOL_IMPLIES:
		r = !v[0] || v[1];
		break;
	case BCF_BOOL_EQ:
	case BCF_BOOL_DISTINCT:
		if (a0 && bcf_is_bv(a0))
			r = (v[0] & bcf_mask(aw)) == (v[1] & bcf_mask(aw));
		else
			r = (v[0] != 0) == (v[1] != 0);
		if (e->code == BCF_BOOL_DISTINCT)
			r = !r;
		break;
	case BCF_BOOL_BITOF:
		r = (v[0] >> (BCF_EXPR_LOW(e->params) & 63)) & 1;
		break;
	case BCF_BOOL_UGT: r = v[0] > v[1]; break;
	case BCF_BOOL_UGE: r = v[0] >= v[1]; break;
	case BCF_BOOL_ULT: r = v[0] < v[1]; break;
	case BCF_BOOL_ULE: r = v[0] <= v[1]; break;
	case BCF_BOOL_SGT: r = (int64_t)sext64(v[0], aw) > (int64_t)sext64(v[1], aw); break;
	case BCF_BOOL_SGE: r = (int64_t)sext64(v[0], aw) >= (int64_t)sext64(v[1], aw); break;
	case BCF_BOOL_SLT: r = (int64_t)sext64(v[0], aw) < (int64_t)sext64(v[1], aw); break;
	case BCF_BOOL_SLE: r = (int64_t)sext64(v[0], aw) <= (int64_t)sext64(v[1], aw); break;
	default:
		/* bvnot, repeat, sdiv, smod cannot be evaluated (spec 3.2) */
		return ckr_fail(c, -EINVAL, "cannot evaluate %s", bcf_code__name(e->code));
	}
	*out = r;
	return 0;
}

int ckr_rewrite_eval(struct bcf_checker *c, uint32_t root, uint64_t *value, bool *overflow)
{
	struct {
		uint32_t id;
		uint16_t next;
	} fr[RW_EVAL_MAX];
	uint64_t val[RW_EVAL_MAX];
	unsigned nf = 0, nv = 0;
	int err;

	*overflow = false;
	fr[nf].id = root;
	fr[nf].next = 0;
	nf++;
	while (nf) {
		uint32_t id = fr[nf - 1].id;
		const struct bcf_expr *e = ckr_expr(c, id);
		uint64_t r;

		if (!e)
			return ckr_fail(c, -EINVAL, "expression %u is not live", id);
		if (bcf_is_list(e) || bcf_is_var(e))
			return ckr_fail(c, -EINVAL, "expression %u is not a constant expression", id);
		if (bcf_is_bv(e) && bcf_expr__width(e) > 64)
			return ckr_fail(c, -EINVAL, "expression %u is wider than 64 bits", id);
		if (e->code == BCF_BV_VAL || e->code == BCF_BOOL_VAL || e->code == BCF_BV_BVSIZE) {
			if (e->code == BCF_BV_VAL) {
				r = bcf_expr__bv_value(e);
			} else if (e->code == BCF_BOOL_VAL) {
				r = e->params & 1;
			} else {
				const struct bcf_expr *a = e->vlen ? ckr_expr(c, e->args[0]) : NULL;

				if (!a)
					return ckr_fail(c, -EINVAL, "bvsize %u without argument", id);
				r = bcf_expr__width(a);
			}
			nf--;
		} else if (fr[nf - 1].next < e->vlen) {
			if (nf + nv >= RW_EVAL_MAX)
				return ckr_fail(c, -EINVAL, "evaluation of %u too deep", root);
			fr[nf].id = e->args[fr[nf - 1].next++];
			fr[nf].next = 0;
			nf++;
			continue;
		} else {
			if (nv < e->vlen)
				return -EFAULT;
			nv -= e->vlen;
			err = eval_node(c, e, &val[nv], &r, overflow);
			if (err)
				return err;
			nf--;
		}
		if (nf + nv >= RW_EVAL_MAX)
			return ckr_fail(c, -EINVAL, "evaluation of %u too deep", root);
		val[nv++] = r;
	}
	if (nv != 1)
		return -EFAULT;
	*value = val[0];
	return 0;
}

/* An index term: constant, no overflow, at most 255 (spec 4.3). */
static int eval_index(struct bcf_checker *c, uint32_t id, unsigned *out)
{
	uint64_t v;
	bool ovf;
	int err = ckr_rewrite_eval(c, id, &v, &ovf);

	if (err)
		return ckr_fail(c, -EINVAL, "index term %u is not constant-evaluable", id);
	if (ovf)
		return ckr_fail(c, -EINVAL, "index term %u overflows", id);
	if (v > 255)
		return ckr_fail(c, -EINVAL, "index term %u = %llu exceeds 255", id,
				(unsigned long long)v);
	*out = (unsigned)v;
	return 0;
}

/* ---- instantiation --------------------------------------------------- */

static bool is_variadic(uint8_t code)
{
	switch (code) {
	case BCF_BV_ADD: case BCF_BV_MUL: case BCF_BV_OR: case BCF_BV_AND: case BCF_BV_XOR:
	case BCF_BV_CONCAT: case BCF_BOOL_CONJ: case BCF_BOOL_DISJ: case BCF_BOOL_XOR:
		return true;
	default:
		return false;
	}
}

/*
 * Build one node from the children ch[0..argc-1] (ids; the caller keeps
 * its references).  *id gets one new reference.
 */
static int build(struct bcf_checker *c, const struct rw_ins *ins, const uint32_t *ch,
		 uint32_t *id)
{
	uint32_t args[256];
	unsigned nargs = 0, first = 0, i, j, hi = 0, lo = 0, width = 0;
	uint8_t code = (uint8_t)ins->val;
	uint16_t params = 0;
	const char *why = "";
	int err;

	switch (ins->kind) {
	case K_BV: {
		uint64_t n, w;
		bool ovf;
		unsigned wi;

		err = eval_index(c, ch[1], &wi);
		if (err)
			return err;
		w = wi;
		err = ckr_rewrite_eval(c, ch[0], &n, &ovf); /* overflow ignored */
		if (err)
			return ckr_fail(c, -EINVAL, "constant value term %u is not constant-evaluable",
					ch[0]);
		if (w == 0 || w > 64)
			return ckr_fail(c, -EINVAL, "constant of width %u", (unsigned)w);
		if (n & ~bcf_mask((unsigned)w))
			return ckr_fail(c, -EINVAL, "value 0x%llx does not fit %u bits",
					(unsigned long long)n, (unsigned)w);
		return ckr_bv_const(c, (unsigned)w, n, id);
	}
	case K_BVONES: {
		unsigned w;

		err = eval_index(c, ch[0], &w);
		if (err)
			return err;
		if (w == 0 || w > 64)
			return ckr_fail(c, -EINVAL, "all-ones constant of width %u", w);
		return ckr_bv_const(c, w, bcf_mask(w), id);
	}
	case K_EXTRACT:
		if ((err = eval_index(c, ch[0], &hi)) || (err = eval_index(c, ch[1], &lo)))
			return err;
		first = 2;
		code = BCF_BV_EXTRACT;
		break;
	case K_ZEXT:
	case K_SEXT:
	case K_REPEAT:
		if ((err = eval_index(c, ch[0], &hi)))
			return err;
		first = 1;
		code = ins->kind == K_ZEXT ? BCF_BV_ZERO_EXTEND :
		       ins->kind == K_SEXT ? BCF_BV_SIGN_EXTEND : BCF_BV_REPEAT;
		break;
	default:
		break;
	}

	/* list splicing: a list-constant child stands for its elements */
	for (i = first; i < ins->argc; i++) {
		const struct bcf_expr *e = ckr_expr(c, ch[i]);

		if (!e)
			return ckr_fail(c, -EINVAL, "expression %u is not live", ch[i]);
		if (e->code != BCF_LIST_VAL) {
			if (nargs == 255)
				return ckr_fail(c, -E2BIG, "more than 255 arguments after splicing");
			args[nargs++] = ch[i];
			continue;
		}
		for (j = 0; j < e->vlen; j++) {
			if (nargs == 255)
				return ckr_fail(c, -E2BIG, "more than 255 arguments after splicing");
			args[nargs++] = e->args[j];
		}
	}
	if (!nargs)
		return ckr_fail(c, -EINVAL, "operator without arguments after list splicing");
	if (ins->kind == K_ITE) {
		const struct bcf_expr *t = nargs >= 2 ? ckr_expr(c, args[1]) : NULL;

		if (t && bcf_is_list(t))
			return ckr_fail(c, -EINVAL, "ite with a list branch");
		code = t && bcf_is_bv(t) ? BCF_BV_ITE : BCF_BOOL_ITE;
	}
	if (nargs == 1 && is_variadic(code)) {
		*id = args[0];
		ckr_get(c, args[0]);
		return 0;
	}

	if (BCF_TYPE(code) == BCF_BV) {
		const struct bcf_expr *a0 = ckr_expr(c, args[0]);
		unsigned aw = a0 && bcf_is_bv(a0) ? bcf_expr__width(a0) : 0;

		switch (code) {
		case BCF_BV_EXTRACT:
			params = BCF_EXPR_PARAMS(hi, lo);
			break;
		case BCF_BV_ZERO_EXTEND:
		case BCF_BV_SIGN_EXTEND:
			params = BCF_EXPR_PARAMS(hi, (aw + hi) & 0xff);
			break;
		case BCF_BV_REPEAT:
			params = BCF_EXPR_PARAMS(hi, (aw * hi) & 0xff);
			break;
		case BCF_BV_CONCAT:
			for (i = 0; i < nargs; i++) {
				const struct bcf_expr *a = ckr_expr(c, args[i]);

				if (a && bcf_is_bv(a))
					width += bcf_expr__width(a);
			}
			params = width & 0xff;
			break;
		case BCF_BV_BVSIZE:
			params = 32;
			break;
		case BCF_BV_ITE:
			if (nargs >= 2) {
				const struct bcf_expr *t = ckr_expr(c, args[1]);

				if (t && bcf_is_bv(t))
					params = bcf_expr__width(t) & 0xff;
			}
			break;
		default:
			for (i = 0; i < nargs; i++) {
				const struct bcf_expr *a = ckr_expr(c, args[i]);

				if (a && bcf_is_bv(a)) {
					params = bcf_expr__width(a) & 0xff;
					break;
				}
			}
			break;
		}
	}
	err = ckr_new(c, code, (uint8_t)nargs, params, args, id);
	if (err)
		return err;
	err = ckr_typecheck(c, *id, &why);
	if (err) {
		ckr_fail(c, -EINVAL, "instantiated %s node is ill-typed: %s",
			 bcf_code__name(code) ? bcf_code__name(code) : "?", why);
		ckr_put(c, *id);
		return -EINVAL;
	}
	return 0;
}

/* Run a compiled pattern over the bindings. */
static int run(struct bcf_checker *c, const struct rw_ins *prog, unsigned n,
	       const uint32_t *binds, uint32_t *out)
{
	uint32_t stack[RW_MAX_PROG];
	unsigned sp = 0, pc;
	int err = 0;

	for (pc = 0; pc < n; pc++) {
		const struct rw_ins *ins = &prog[pc];
		uint32_t id;

		switch (ins->kind) {
		case K_VAR:
			id = binds[ins->val];
			ckr_get(c, id);
			break;
		case K_TRUE:
			id = c->true_id;
			ckr_get(c, id);
			break;
		case K_FALSE:
			id = c->false_id;
			ckr_get(c, id);
			break;
		case K_LIT:
			err = ckr_bv_const(c, 32, ins->val, &id);
			break;
		default:
			if (ins->argc > sp) {
				err = -EFAULT;
				break;
			}
			err = build(c, ins, &stack[sp - ins->argc], &id);
			if (!err) {
				/* the node holds its own references now */
				unsigned k;

				for (k = 0; k < ins->argc; k++)
					ckr_put(c, stack[sp - ins->argc + k]);
				sp -= ins->argc;
			}
			break;
		}
		if (err)
			break;
		stack[sp++] = id;
	}
	if (!err && sp != 1)
		err = -EFAULT;
	if (err) {
		while (sp)
			ckr_put(c, stack[--sp]);
		return err;
	}
	*out = stack[0];
	return 0;
}

static int instantiate(struct bcf_checker *c, unsigned rid, const char *pat, unsigned nvars,
		       const uint32_t *binds, uint32_t *out)
{
	struct rw_ins prog[RW_MAX_PROG];
	int n = compile(pat, nvars, prog);

	if (n < 0)
		return ckr_fail(c, n, "rewrite %u (%s): bad pattern in the table", rid,
				ckr_rewrites[rid].name);
	return run(c, prog, (unsigned)n, binds, out);
}

/* Load rid's sorts and check the bindings' sorts. */
static int check_binds(struct bcf_checker *c, unsigned rid, const uint32_t *binds, unsigned n)
{
	const struct ckr_rewrite *rw = &ckr_rewrites[rid];
	uint8_t sorts[RW_MAX_VARS];
	unsigned nv, i;
	int err;

	err = parse_sorts(rw->sorts, sorts, &nv);
	if (err)
		return ckr_fail(c, err, "rewrite %u (%s): bad sort list in the table", rid,
				rw->name);
	if (n != nv)
		return ckr_fail(c, -EINVAL, "rewrite %u (%s) takes %u variables, got %u", rid,
				rw->name, nv, n);
	for (i = 0; i < n; i++) {
		const struct bcf_expr *e = ckr_expr(c, binds[i]);

		if (!e)
			return ckr_fail(c, -EINVAL, "rewrite %u: binding v%u = %u is not an expression",
					rid, i, binds[i]);
		if (!sort_ok(e, sorts[i]))
			return ckr_fail(c, -EINVAL, "rewrite %u (%s): binding v%u = %u is not %s", rid,
					rw->name, i, binds[i], sort_name(sorts[i]));
	}
	return 0;
}

int ckr_rewrite_instantiate(struct bcf_checker *c, unsigned rid, const uint32_t *binds,
			    unsigned n, uint32_t *cond, uint32_t *lhs, uint32_t *rhs)
{
	const struct ckr_rewrite *rw;
	uint32_t cc = UINT32_MAX, l, r;
	unsigned nv;
	int err;

	if (rid == 0 || rid >= __MAX_BCF_REWRITES || !ckr_rewrites[rid].lhs)
		return ckr_fail(c, -EINVAL, "no rewrite with id %u", rid);
	rw = &ckr_rewrites[rid];
	err = check_binds(c, rid, binds, n);
	if (err)
		return err;
	nv = n;
	if (rw->cond) {
		err = instantiate(c, rid, rw->cond, nv, binds, &cc);
		if (err)
			return err;
	}
	err = instantiate(c, rid, rw->lhs, nv, binds, &l);
	if (err)
		goto put_cond;
	err = instantiate(c, rid, rw->rhs, nv, binds, &r);
	if (err)
		goto put_lhs;
	*cond = cc;
	*lhs = l;
	*rhs = r;
	return 0;
put_lhs:
	ckr_put(c, l);
put_cond:
	if (cc != UINT32_MAX)
		ckr_put(c, cc);
	return err;
}

/* ---- the rule ------------------------------------------------------- */

/* P proves c: P ≡ c, or P is (= X T) with T a true constant and X ≡ c. */
static int premise_matches(struct bcf_checker *c, uint32_t p, uint32_t cond)
{
	const struct bcf_expr *e;
	int eq = ckr_equal(c, p, cond);

	if (eq)
		return eq;
	e = ckr_expr(c, p);
	if (!e || e->code != BCF_BOOL_EQ || e->vlen != 2 || !ckr_is_true(c, e->args[1]))
		return 0;
	return ckr_equal(c, e->args[0], cond);
}

static int check_premises(struct bcf_checker *c, unsigned rid, uint32_t cond,
			  const uint32_t *prem, unsigned np)
{
	const struct bcf_expr *e = ckr_expr(c, cond);
	unsigned i;
	int m;

	if (!e)
		return -EFAULT;
	if (e->code == BCF_BOOL_CONJ) {
		if (np != e->vlen)
			return ckr_fail(c, -EINVAL,
					"rewrite %u: side condition has %u conjuncts, step has %u premises",
					rid, e->vlen, np);
		for (i = 0; i < np; i++) {
			/* e stays valid: cond holds a reference, nothing is freed here */
			m = premise_matches(c, prem[i], e->args[i]);
			if (m < 0)
				return ckr_fail(c, -EINVAL, "rewrite %u: premise %u: comparison too deep",
						rid, i);
			if (!m)
				return ckr_fail(c, -EINVAL,
						"rewrite %u: premise %u (fact %u) does not prove conjunct %u",
						rid, i, prem[i], i);
		}
		return 0;
	}
	if (np != 1)
		return ckr_fail(c, -EINVAL, "rewrite %u: side condition needs 1 premise, step has %u",
				rid, np);
	m = premise_matches(c, prem[0], cond);
	if (m < 0)
		return ckr_fail(c, -EINVAL, "rewrite %u: premise comparison too deep", rid);
	if (!m)
		return ckr_fail(c, -EINVAL, "rewrite %u: premise (fact %u) does not prove the side condition",
				rid, prem[0]);
	return 0;
}

/*
 * Strict mode only: BV_CONCAT_MERGE_CONST computes the merged value in 32
 * bits (spec 5.1); reject instances where that differs from the true value.
 */
static int strict_concat_merge(struct bcf_checker *c, const uint32_t *binds)
{
	uint64_t v1, w2, v3, w4;
	bool ovf;

	if (ckr_rewrite_eval(c, binds[1], &v1, &ovf) || ckr_rewrite_eval(c, binds[2], &w2, &ovf) ||
	    ckr_rewrite_eval(c, binds[3], &v3, &ovf) || ckr_rewrite_eval(c, binds[4], &w4, &ovf))
		return ckr_fail(c, -EINVAL, "rewrite 80: bindings are not constant");
	(void)w2;
	if (v1 && (w4 >= 32 || (v1 << w4) + v3 > UINT32_MAX))
		return ckr_fail(c, -EINVAL,
				"rewrite 80 (BV_CONCAT_MERGE_CONST): merged value exceeds 32 bits "
				"(accepted upstream, unsound; rejected in strict mode)");
	return 0;
}

/*
 * Strict mode only: BV_MULT_SLT_MULT_1/2 compare products of extended
 * operands; the rewrite is only valid when the products cannot overflow,
 * i.e. the extension of v0/v1 (v3) is at least the width of v2.  Upstream
 * has no such condition and accepts unsound instances.
 */
static int strict_mult_slt(struct bcf_checker *c, unsigned rid, const uint32_t *binds)
{
	const struct bcf_expr *v2 = ckr_expr(c, binds[2]);
	uint64_t n;
	bool ovf;

	if (!v2 || ckr_rewrite_eval(c, binds[3], &n, &ovf))
		return 0; /* instantiation rejects it anyway */
	if (n < bcf_expr__width(v2))
		return ckr_fail(c, -EINVAL,
				"rewrite %u (%s): extension %llu below the width %u of v2, products "
				"may overflow (accepted upstream, unsound; rejected in strict mode)",
				rid, ckr_rewrites[rid].name, (unsigned long long)n,
				bcf_expr__width(v2));
	return 0;
}

int rule_REWRITE(struct bcf_checker *c, const uint32_t *prem, unsigned np,
		 const uint32_t *params, unsigned nparams, uint32_t *concl)
{
	const struct ckr_rewrite *rw;
	uint32_t rid, n, i, cond, lhs, rhs, eq;
	const char *why = "";
	int err;

	if (!nparams)
		return ckr_fail(c, -EINVAL, "REWRITE without a rewrite id");
	rid = params[0];
	n = nparams - 1;
	/* bindings must be static ids in both modes (spec 6.1, 6.2) */
	for (i = 1; i < nparams; i++)
		if (!ckr_is_static(c, params[i]))
			return ckr_fail(c, -EINVAL, "REWRITE parameter %u (%u) is not a static expression id",
					i, params[i]);
	if (rid == BCF_REWRITE_UNSPEC) {
		if (ckr_strict(c))
			return ckr_fail(c, -EINVAL,
					"trusted REWRITE (id 0) rejected in strict mode (use --kernel-compat)");
		if (n != 1 || np != 0)
			return ckr_fail(c, -EINVAL,
					"trusted REWRITE needs 1 parameter and no premises (has %u, %u)", n,
					np);
		ckr_warn_trusted(c, "rewrite");
		ckr_kernel_trusted(c, BCF_RULE_REWRITE, params[1]);
		*concl = params[1];
		ckr_get(c, params[1]);
		return 0;
	}
	if (rid >= __MAX_BCF_REWRITES)
		return ckr_fail(c, -EINVAL, "rewrite id %u out of range (max %u)", rid,
				__MAX_BCF_REWRITES - 1);
	rw = &ckr_rewrites[rid];
	if (!rw->lhs)
		return ckr_fail(c, -EFAULT, "rewrite %u missing from the table", rid);
	err = check_binds(c, rid, &params[1], n);
	if (err)
		return err;
	if (rw->cond && !np)
		return ckr_fail(c, -EINVAL, "rewrite %u (%s) has a side condition: premises needed",
				rid, rw->name);
	if (!rw->cond && np)
		return ckr_fail(c, -EINVAL, "rewrite %u (%s) is unconditional: no premises allowed",
				rid, rw->name);
	if (ckr_strict(c)) {
		if (rid == 80)
			err = strict_concat_merge(c, &params[1]);
		else if (rid == 73 || rid == 74)
			err = strict_mult_slt(c, rid, &params[1]);
		if (err)
			return err;
	}
	err = ckr_rewrite_instantiate(c, rid, &params[1], n, &cond, &lhs, &rhs);
	if (err)
		return err;
	if (cond != UINT32_MAX) {
		err = check_premises(c, rid, cond, prem, np);
		ckr_put(c, cond);
		if (err)
			goto out;
	}
	err = ckr_eq(c, lhs, rhs, &eq);
	if (err)
		goto out;
	if (ckr_typecheck(c, eq, &why)) {
		ckr_put(c, eq);
		err = ckr_fail(c, -EINVAL, "rewrite %u (%s): conclusion ill-typed: %s", rid,
			       rw->name, why);
		goto out;
	}
	*concl = eq;
out:
	ckr_put(c, lhs);
	ckr_put(c, rhs);
	return err;
}
