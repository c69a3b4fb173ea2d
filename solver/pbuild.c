// SPDX-License-Identifier: MIT
/* The proof builder; see solver/pbuild.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checker.h"
#include "lang/arena.h"
#include "lang/error.h"
#include "lang/grow.h"
#include "solver/pbuild.h"

struct pb_step {
	uint16_t rule;
	uint8_t np, nparams;
	uint32_t fact;
	uint32_t off;   /* into b->args: np premise step indices, then params */
	uint32_t koff;  /* into b->kinds: nparams kinds */
	uint32_t hash;  /* of rule, premises and parameters (step hash-consing) */
};

struct pbuild {
	struct bcf_arena *a;
	struct bcf_checker ck;
	uint32_t true_id, false_id;
	struct pb_step *steps;
	uint32_t nsteps;
	size_t cap;
	uint32_t *args;
	size_t nargs, args_cap;
	uint8_t *kinds;
	size_t nkinds, kinds_cap;
	/* steps hash-consed: a step with the rule, premises and parameters of an
	 * earlier one concludes the same fact, so that one is returned */
	uint32_t *stab;   /* open addressing: step index + 1, 0 = empty */
	size_t stab_cap;  /* a power of two, or 0 */
	/* pbuild_import: source variable -> builder variable, per source arena */
	const struct bcf_arena *import_src;
	uint32_t *import_map;
	uint32_t import_n;
	bool no_trusted;  /* refuse steps the kernel trusts (POLY_NORM, REWRITE id 0) */
	size_t max_bytes; /* proof size limit below the kernel's (0: the kernel's) */
	char err[256];
};

static int fail(struct pbuild *b, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct pbuild *b, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b->err, sizeof(b->err), fmt, ap);
	va_end(ap);
	return err;
}

void pbuild_set_no_trusted(struct pbuild *b, bool on)
{
	b->no_trusted = on;
}

void pbuild_set_max_bytes(struct pbuild *b, size_t max)
{
	b->max_bytes = max;
}

struct pbuild *pbuild_new(void)
{
	struct pbuild *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->a = bcf_arena__new();
	if (!b->a || bcf_arena__bool_const(b->a, true, &b->true_id) ||
	    bcf_arena__bool_const(b->a, false, &b->false_id)) {
		pbuild_free(b);
		return NULL;
	}
	ckr_init_builder(&b->ck, BCF_CHECK_STRICT, b->true_id, b->false_id);
	return b;
}

void pbuild_free(struct pbuild *b)
{
	if (!b)
		return;
	ckr_fini(&b->ck);
	bcf_arena__free(b->a);
	free(b->steps);
	free(b->args);
	free(b->kinds);
	free(b->stab);
	free(b->import_map);
	free(b);
}

struct bcf_arena *pbuild_arena(struct pbuild *b)
{
	return b->a;
}

uint32_t pbuild_true(const struct pbuild *b)
{
	return b->true_id;
}

uint32_t pbuild_false(const struct pbuild *b)
{
	return b->false_id;
}

const char *pbuild_error(const struct pbuild *b)
{
	return b->err;
}

uint32_t pbuild_fact(const struct pbuild *b, int s)
{
	return s >= 0 && (uint32_t)s < b->nsteps ? b->steps[s].fact : UINT32_MAX;
}

unsigned pbuild_nsteps(const struct pbuild *b)
{
	return b->nsteps;
}

int pbuild_rule(const struct pbuild *b, int s)
{
	return s >= 0 && (uint32_t)s < b->nsteps ? b->steps[s].rule : -EINVAL;
}

int pbuild_premise(const struct pbuild *b, int s, unsigned i)
{
	if (s < 0 || (uint32_t)s >= b->nsteps || i >= b->steps[s].np)
		return -EINVAL;
	return (int)b->args[b->steps[s].off + i];
}

int pbuild_node(struct pbuild *b, uint8_t code, uint16_t params, const uint32_t *args,
		unsigned vlen, uint32_t *id)
{
	int err = bcf_arena__node(b->a, code, params, args, vlen, id);

	if (err)
		return fail(b, err, "%s", bcf_last_error());
	return 0;
}

int pbuild_node2(struct pbuild *b, uint8_t code, uint16_t params, uint32_t x, uint32_t y,
		 uint32_t *id)
{
	uint32_t a[2] = { x, y };

	return pbuild_node(b, code, params, a, 2, id);
}

int pbuild_i32(struct pbuild *b, uint32_t v, uint32_t *id)
{
	return pbuild_node(b, BCF_BV_VAL, 32, &v, 1, id);
}

int pbuild_import(struct pbuild *b, const struct bcf_arena *src, uint32_t root, uint32_t *id)
{
	uint32_t n, i, *map;
	const uint32_t *w = bcf_arena__words(src, &n);
	uint8_t *live;
	int err = 0;

	if (root >= n || !bcf_arena__expr(src, root))
		return fail(b, -EINVAL, "import: %u is not an expression", root);
	if (b->import_src != src) {
		free(b->import_map);
		b->import_map = malloc((n ? n : 1) * sizeof(*b->import_map));
		if (!b->import_map)
			return -ENOMEM;
		memset(b->import_map, 0xff, (n ? n : 1) * sizeof(*b->import_map));
		b->import_src = src;
		b->import_n = n;
	}
	if (n > b->import_n)
		return fail(b, -EINVAL, "import: the source arena grew between imports");
	map = b->import_map;
	live = calloc(n, 1);
	if (!live)
		return -ENOMEM;
	live[root] = 1;
	for (i = n; i-- > 0;) {
		const struct bcf_expr *e;
		unsigned k;

		if (!live[i])
			continue;
		e = (const struct bcf_expr *)&w[i];
		if (e->code != BCF_BV_VAL)
			for (k = 0; k < e->vlen; k++)
				live[e->args[k]] = 1;
	}
	for (i = 0; i < n && !err; i += (w[i] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&w[i];
		uint32_t args[256];
		unsigned k;

		if (!live[i] || map[i] != UINT32_MAX)
			continue;
		if (bcf_is_var(e)) {
			err = bcf_arena__var(b->a, BCF_TYPE(e->code), BCF_EXPR_LOW(e->params),
					     bcf_arena__var_name(src, i), &map[i]);
		} else {
			for (k = 0; k < e->vlen; k++)
				args[k] = e->code == BCF_BV_VAL ? e->args[k] : map[e->args[k]];
			err = bcf_arena__node(b->a, e->code, e->params, args, e->vlen, &map[i]);
		}
		if (err)
			err = fail(b, err, "import: expression %u: %s", i, bcf_last_error());
	}
	free(live);
	if (!err)
		*id = map[root];
	return err;
}

/* Intern a live dynamic node (and its dynamic arguments) into the arena. */
static int intern(struct pbuild *b, uint32_t id, uint32_t first_dyn, uint32_t *out)
{
	struct bcf_checker *c = &b->ck;
	uint32_t ndyn = c->dyn_base + c->ndyn - first_dyn, *memo, *stack, sp = 0;
	size_t scap = 64;
	int err = 0;

	if (id < c->dyn_base) {
		*out = id;
		return 0;
	}
	if (id < first_dyn)
		return fail(b, -EFAULT, "conclusion refers to a dynamic node of an earlier step");
	memo = malloc(ndyn * sizeof(*memo));
	stack = malloc(scap * sizeof(*stack));
	if (!memo || !stack) {
		free(memo);
		free(stack);
		return -ENOMEM;
	}
	memset(memo, 0xff, ndyn * sizeof(*memo));
	stack[sp++] = id;
	while (sp && !err) {
		uint32_t cur = stack[sp - 1], args[256];
		const struct bcf_expr *e = ckr_expr(c, cur);
		bool ready = true;
		unsigned k;

		if (memo[cur - first_dyn] != UINT32_MAX) {
			sp--;
			continue;
		}
		if (!e) {
			err = fail(b, -EFAULT, "dangling dynamic node %u", cur);
			break;
		}
		for (k = 0; e->code != BCF_BV_VAL && k < e->vlen; k++) {
			uint32_t a = e->args[k];

			if (a < c->dyn_base) {
				args[k] = a;
			} else if (a < first_dyn) {
				err = fail(b, -EFAULT, "dynamic argument of an earlier step");
				break;
			} else if (memo[a - first_dyn] != UINT32_MAX) {
				args[k] = memo[a - first_dyn];
			} else {
				ready = false;
				if (sp == scap && bcf__grow((void **)&stack, &scap, scap + 1,
							  sizeof(*stack))) {
					err = -ENOMEM;
					break;
				}
				stack[sp++] = a;
			}
		}
		if (err || !ready)
			continue;
		if (e->code == BCF_BV_VAL)
			memcpy(args, e->args, e->vlen * sizeof(uint32_t));
		err = bcf_arena__node(b->a, e->code, e->params, args, e->vlen,
				      &memo[cur - first_dyn]);
		if (err)
			err = fail(b, err, "conclusion is not a valid expression: %s",
				   bcf_last_error());
		sp--;
	}
	if (!err)
		*out = memo[id - first_dyn];
	free(memo);
	free(stack);
	return err;
}

static uint32_t step_hash(uint16_t rule, const int *prem, unsigned np, const uint32_t *params,
			  const uint8_t *kinds, unsigned nparams)
{
	uint32_t h = 2166136261u ^ rule ^ (np << 16) ^ (nparams << 24);
	unsigned i;

	for (i = 0; i < np; i++)
		h = (h ^ (uint32_t)prem[i]) * 16777619u;
	for (i = 0; i < nparams; i++)
		h = (h ^ params[i] ^ ((uint32_t)(kinds ? kinds[i] : PB_RAW) << 31)) * 16777619u;
	return h ^ h >> 15;
}

/* An earlier step with this rule, these premises and parameters, or -1. */
static int step_find(const struct pbuild *b, uint32_t h, uint16_t rule, const int *prem,
		     unsigned np, const uint32_t *params, const uint8_t *kinds, unsigned nparams)
{
	size_t mask = b->stab_cap - 1, i;

	if (!b->stab_cap)
		return -1;
	for (i = h & mask; b->stab[i]; i = (i + 1) & mask) {
		const struct pb_step *s = &b->steps[b->stab[i] - 1];
		unsigned k;

		if (s->hash != h || s->rule != rule || s->np != np || s->nparams != nparams)
			continue;
		for (k = 0; k < np && b->args[s->off + k] == (uint32_t)prem[k]; k++)
			;
		if (k < np)
			continue;
		for (k = 0; k < nparams && b->args[s->off + np + k] == params[k] &&
			    b->kinds[s->koff + k] == (kinds ? kinds[k] : PB_RAW); k++)
			;
		if (k == nparams)
			return (int)(b->stab[i] - 1);
	}
	return -1;
}

/* Put step idx (its hash h) into the first free slot of table t. */
static void step_slot(uint32_t *t, size_t cap, uint32_t h, uint32_t idx)
{
	size_t i;

	for (i = h & (cap - 1); t[i]; i = (i + 1) & (cap - 1))
		;
	t[i] = idx + 1;
}

/* Step idx (already in b->steps) into the table, which grows at half full. */
static int step_insert(struct pbuild *b, uint32_t idx)
{
	if (2 * (idx + 1) > b->stab_cap) {
		size_t cap = b->stab_cap ? 2 * b->stab_cap : 1024;
		uint32_t *t = calloc(cap, sizeof(*t)), k;

		if (!t)
			return -ENOMEM;
		for (k = 0; k < idx; k++)
			step_slot(t, cap, b->steps[k].hash, k);
		free(b->stab);
		b->stab = t;
		b->stab_cap = cap;
	}
	step_slot(b->stab, b->stab_cap, b->steps[idx].hash, idx);
	return 0;
}

int pbuild_step(struct pbuild *b, uint16_t rule, const int *prem, unsigned np,
		const uint32_t *params, const uint8_t *kinds, unsigned nparams)
{
	struct bcf_checker *c = &b->ck;
	uint32_t facts[256], concl, fact = 0, first_dyn, words, h;
	ckr_rule_fn fn = ckr_rule_lookup(rule);
	struct pb_step *s;
	unsigned i;
	int err;

	if (!fn)
		return fail(b, -EINVAL, "rule 0x%04x does not exist", rule);
	if (b->no_trusted && (rule == BCF_RULE_POLY_NORM ||
			      (rule == BCF_RULE_REWRITE && nparams && params[0] == 0)))
		return fail(b, -ENOTSUP, "%s: the kernel would trust the step without checking it",
			    bcf_rule__name(rule));
	if (np > 255 || nparams > 255)
		return fail(b, -E2BIG, "%s: %u premises, %u parameters (max 255)",
			    bcf_rule__name(rule), np, nparams);
	for (i = 0; i < np; i++) {
		if (prem[i] < 0 || (uint32_t)prem[i] >= b->nsteps)
			return fail(b, -EINVAL, "%s: premise %d is not an earlier step",
				    bcf_rule__name(rule), prem[i]);
		facts[i] = b->steps[prem[i]].fact;
	}
	h = step_hash(rule, prem, np, params, kinds, nparams);
	err = step_find(b, h, rule, prem, np, params, kinds, nparams);
	if (err >= 0)
		return err;
	bcf_arena__words(b->a, &words);
	ckr_builder_attach(c, b->a->words, words, b->a->is_hdr);
	c->reason[0] = '\0';
	first_dyn = c->dyn_base + c->ndyn;
	err = fn(c, facts, np, params, nparams, &concl);
	if (err)
		return fail(b, err, "%s: %s", bcf_rule__name(rule), c->reason);
	err = intern(b, concl, first_dyn, &fact);
	ckr_put(c, concl);
	if (err)
		return err;
	if (bcf__grow((void **)&b->steps, &b->cap, b->nsteps + 1, sizeof(*b->steps)) ||
	    bcf__grow((void **)&b->args, &b->args_cap, b->nargs + np + nparams, sizeof(uint32_t)) ||
	    bcf__grow((void **)&b->kinds, &b->kinds_cap, b->nkinds + nparams, 1))
		return -ENOMEM;
	s = &b->steps[b->nsteps];
	s->rule = rule;
	s->np = np;
	s->nparams = nparams;
	s->fact = fact;
	s->off = b->nargs;
	s->koff = b->nkinds;
	s->hash = h;
	for (i = 0; i < np; i++)
		b->args[b->nargs++] = prem[i];
	for (i = 0; i < nparams; i++) {
		b->args[b->nargs++] = params[i];
		b->kinds[b->nkinds++] = kinds ? kinds[i] : PB_RAW;
	}
	err = step_insert(b, b->nsteps);
	if (err)
		return err;
	return b->nsteps++;
}

static const uint8_t K_E[1] = { PB_EXPR };
static const uint8_t K_ER[2] = { PB_EXPR, PB_RAW };

int pb_assume(struct pbuild *b, uint32_t goal)
{
	return pbuild_step(b, BCF_RULE_ASSUME, NULL, 0, &goal, K_E, 1);
}

int pb_refl(struct pbuild *b, uint32_t t)
{
	return pbuild_step(b, BCF_RULE_REFL, NULL, 0, &t, K_E, 1);
}

int pb_symm(struct pbuild *b, int s)
{
	return pbuild_step(b, BCF_RULE_SYMM, &s, 1, NULL, NULL, 0);
}

int pb_trans(struct pbuild *b, const int *s, unsigned n)
{
	return pbuild_step(b, BCF_RULE_TRANS, s, n, NULL, NULL, 0);
}

int pb_cong(struct pbuild *b, uint32_t op, const int *s, unsigned n)
{
	const struct bcf_expr *e = bcf_arena__expr(b->a, op);
	uint32_t hdr;

	if (!e)
		return fail(b, -EINVAL, "CONG: %u is not an expression", op);
	hdr = BCF_EXPR_HDR(e->code, e->vlen, e->params);
	return pbuild_step(b, BCF_RULE_CONG, s, n, &hdr, NULL, 1);
}

int pb_rewrite(struct pbuild *b, unsigned rid, const int *prem, unsigned np,
	       const uint32_t *vars, unsigned nvars)
{
	uint32_t params[256];
	uint8_t kinds[256];
	unsigned i;

	if (nvars > 254)
		return fail(b, -E2BIG, "REWRITE: %u variables", nvars);
	params[0] = rid;
	kinds[0] = PB_RAW;
	for (i = 0; i < nvars; i++) {
		params[i + 1] = vars[i];
		kinds[i + 1] = PB_EXPR;
	}
	return pbuild_step(b, BCF_RULE_REWRITE, prem, np, params, kinds, nvars + 1);
}

int pb_evaluate(struct pbuild *b, uint32_t t)
{
	return pbuild_step(b, BCF_RULE_EVALUATE, NULL, 0, &t, K_E, 1);
}

int pb_aci_norm(struct pbuild *b, uint32_t eq)
{
	return pbuild_step(b, BCF_RULE_ACI_NORM, NULL, 0, &eq, K_E, 1);
}

int pb_absorb(struct pbuild *b, uint32_t eq)
{
	return pbuild_step(b, BCF_RULE_ABSORB, NULL, 0, &eq, K_E, 1);
}

int pb_true_elim(struct pbuild *b, int s)
{
	return pbuild_step(b, BCF_RULE_TRUE_ELIM, &s, 1, NULL, NULL, 0);
}

int pb_bitblast(struct pbuild *b, uint32_t eq)
{
	return pbuild_step(b, BCF_RULE_BITBLAST, NULL, 0, &eq, K_E, 1);
}

int pb_and_elim(struct pbuild *b, int s, unsigned i)
{
	uint32_t p = i;

	return pbuild_step(b, BCF_RULE_AND_ELIM, &s, 1, &p, NULL, 1);
}

int pb_eq_resolve(struct pbuild *b, int s_a, int s_eq)
{
	int s[2] = { s_a, s_eq };

	return pbuild_step(b, BCF_RULE_EQ_RESOLVE, s, 2, NULL, NULL, 0);
}

int pb_equiv_elim(struct pbuild *b, int s, unsigned k)
{
	uint32_t p = k;

	return pbuild_step(b, BCF_RULE_EQUIV_ELIM, &s, 1, &p, NULL, 1);
}

int pb_not_or_elim(struct pbuild *b, int s, unsigned i)
{
	uint32_t p = i;

	return pbuild_step(b, BCF_RULE_NOT_OR_ELIM, &s, 1, &p, NULL, 1);
}

int pb_split(struct pbuild *b, uint32_t a)
{
	return pbuild_step(b, BCF_RULE_SPLIT, NULL, 0, &a, K_E, 1);
}

int pb_cnf(struct pbuild *b, uint16_t rule, uint32_t f, unsigned k)
{
	uint32_t p[2] = { f, k };

	switch (rule) {
	case BCF_RULE_CNF_AND_NEG:
	case BCF_RULE_CNF_OR_POS:
	case BCF_RULE_CNF_IMPLIES_POS:
	case BCF_RULE_ITE_EQ:
		return pbuild_step(b, rule, NULL, 0, p, K_E, 1);
	default:
		return pbuild_step(b, rule, NULL, 0, p, K_ER, 2);
	}
}

int pb_resolution(struct pbuild *b, const int *s, unsigned n, const uint32_t *piv,
		  const uint8_t *pol)
{
	uint32_t params[255];
	uint8_t kinds[255];
	unsigned m = n - 1, w, i;

	if (n < 2)
		return fail(b, -EINVAL, "RESOLUTION needs two premises");
	w = (m + 31) / 32;
	if (w + m > 255)
		return fail(b, -E2BIG, "RESOLUTION with %u pivots (max 247)", m);
	memset(params, 0, w * sizeof(uint32_t));
	for (i = 0; i < m; i++) {
		if (pol[i])
			params[i / 32] |= 1u << (i % 32);
		params[w + i] = piv[i];
	}
	for (i = 0; i < w + m; i++)
		kinds[i] = i < w ? PB_RAW : PB_EXPR;
	return pbuild_step(b, BCF_RULE_RESOLUTION, s, n, params, kinds, w + m);
}

int pb_reorder_first(struct pbuild *b, int s, unsigned k)
{
	const struct bcf_expr *e = bcf_arena__expr(b->a, pbuild_fact(b, s));
	uint32_t w;

	if (!k || !e || e->code != BCF_BOOL_DISJ)
		return s;
	if (k >= e->vlen)
		return fail(b, -EINVAL, "REORDERING: index %u of %u literals", k, e->vlen);
	w = 1u | (uint32_t)(k << 8) << 16; /* one swap: (0, k) */
	return pbuild_step(b, BCF_RULE_REORDERING, &s, 1, &w, NULL, 1);
}

int pb_factor(struct pbuild *b, int s)
{
	const struct bcf_expr *e = bcf_arena__expr(b->a, pbuild_fact(b, s));
	uint8_t bytes[1024], *marked;
	uint32_t params[255];
	unsigned n, i, j, pos = 0, dups = 0;

	if (!e || e->code != BCF_BOOL_DISJ)
		return s;
	n = e->vlen;
	marked = calloc(n, 1);
	if (!marked)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		unsigned start = pos, cnt = 0;

		if (marked[i])
			continue;
		for (j = i + 1; j < n; j++)
			if (!marked[j] && e->args[j] == e->args[i])
				cnt++;
		if (!cnt)
			continue;
		if (pos + 2 + cnt > sizeof(bytes)) {
			free(marked);
			return fail(b, -E2BIG, "FACTORING: too many duplicates");
		}
		bytes[pos++] = 1 + cnt;
		bytes[pos++] = i;
		for (j = i + 1; j < n; j++)
			if (!marked[j] && e->args[j] == e->args[i]) {
				bytes[pos++] = j;
				marked[j] = 1;
				dups++;
			}
		(void)start;
	}
	free(marked);
	if (!dups)
		return s;
	while (pos % 4)
		bytes[pos++] = 0;
	memcpy(params, bytes, pos);
	return pbuild_step(b, BCF_RULE_FACTORING, &s, 1, params, NULL, pos / 4);
}

/* ---- serialisation ---- */

/*
 * The premise list each needed step is written with (flat_off/flat_n into
 * *flat), TRANS chains flattened: a TRANS premise that only this TRANS uses
 * is replaced by its own premises (TRANS(a, TRANS(b, c)) = TRANS(a, b, c):
 * the same chain, two words fewer), and the steps folded in are no longer
 * needed.
 */
static int premise_lists(const struct pbuild *b, int last, uint8_t *need, uint32_t **flat,
			 uint32_t *flat_off, uint32_t *flat_n)
{
	uint32_t *uses = calloc(b->nsteps, sizeof(*uses)), n = 0, i, k;
	size_t cap = 0;
	int s, err = 0;

	if (!uses)
		return -ENOMEM;
	for (s = 0; s <= last; s++) {
		const struct pb_step *p = &b->steps[s];

		if (need[s])
			for (i = 0; i < p->np; i++)
				uses[b->args[p->off + i]]++;
	}
	for (s = 0; s <= last && !err; s++) {
		const struct pb_step *p = &b->steps[s];
		uint32_t start = n, len = 0;

		if (!need[s])
			continue;
		for (i = 0; p->rule == BCF_RULE_TRANS && i < p->np; i++) {
			uint32_t q = b->args[p->off + i];

			len += b->steps[q].rule == BCF_RULE_TRANS && uses[q] == 1 ? flat_n[q] : 1;
		}
		if (len > 255)
			len = 0; /* too long for one step: keep this one as it is */
		if (bcf__grow((void **)flat, &cap, n + (len ? len : p->np), sizeof(**flat))) {
			err = -ENOMEM;
			break;
		}
		for (i = 0; i < p->np; i++) {
			uint32_t q = b->args[p->off + i];

			if (len && b->steps[q].rule == BCF_RULE_TRANS && uses[q] == 1) {
				for (k = 0; k < flat_n[q]; k++)
					(*flat)[n++] = (*flat)[flat_off[q] + k];
				need[q] = 0;
			} else {
				(*flat)[n++] = q;
			}
		}
		flat_off[s] = start;
		flat_n[s] = n - start;
	}
	free(uses);
	return err;
}

int pbuild_finish(struct pbuild *b, int last, const uint32_t *goal_words, uint32_t goal_n,
		  uint32_t goal, void **proof, size_t *size, struct pbuild_stats *st)
{
	uint32_t nw, i, *remap = NULL, *stepmap = NULL, ntable = 0, nsw = 0, nsteps = 0;
	uint32_t *flat = NULL, *flat_off = NULL, *flat_n = NULL;
	const uint32_t *w = bcf_arena__words(b->a, &nw);
	uint8_t *need = NULL, *live = NULL;
	uint32_t *out = NULL;
	BCF_OPTS(bcf_check_stats, cs);
	int err = 0, s;

	if (st)
		memset(st, 0, sizeof(*st));
	if (last < 0 || (uint32_t)last >= b->nsteps)
		return fail(b, -EINVAL, "finish: no such step %d", last);
	if (b->steps[last].fact != b->false_id)
		return fail(b, -EINVAL, "finish: the last step does not conclude false");
	need = calloc(b->nsteps, 1);
	live = calloc(nw, 1);
	remap = malloc(nw * sizeof(*remap));
	stepmap = malloc(b->nsteps * sizeof(*stepmap));
	flat_off = malloc(b->nsteps * sizeof(*flat_off));
	flat_n = malloc(b->nsteps * sizeof(*flat_n));
	if (!need || !live || !remap || !stepmap || !flat_off || !flat_n) {
		err = -ENOMEM;
		goto out;
	}
	/* steps the last one depends on (premises always point backwards) */
	need[last] = 1;
	for (s = last; s >= 0; s--) {
		const struct pb_step *p = &b->steps[s];

		if (!need[s])
			continue;
		for (i = 0; i < p->np; i++)
			need[b->args[p->off + i]] = 1;
	}
	err = premise_lists(b, last, need, &flat, flat_off, flat_n);
	if (err)
		goto out;
	/* expressions named by parameters (true and false only when used:
	 * the checker builds its own for the facts it derives) */
	for (s = 0; s <= last; s++) {
		const struct pb_step *p = &b->steps[s];

		if (!need[s])
			continue;
		stepmap[s] = nsteps++;
		nsw += 1 + flat_n[s] + p->nparams;
		for (i = 0; i < p->nparams; i++)
			if (b->kinds[p->koff + i] == PB_EXPR)
				live[b->args[p->off + p->np + i]] = 1;
	}
	for (i = nw; i-- > 0;) {
		const struct bcf_expr *e;
		unsigned k;

		if (!live[i])
			continue;
		e = (const struct bcf_expr *)&w[i];
		if (e->code != BCF_BV_VAL)
			for (k = 0; k < e->vlen; k++)
				live[e->args[k]] = 1;
	}
	for (i = 0; i < nw; i += (w[i] >> 8 & 0xff) + 1)
		if (live[i]) {
			remap[i] = ntable;
			ntable += (w[i] >> 8 & 0xff) + 1;
		}
	if ((uint64_t)12 + 4ull * ntable + 4ull * nsw >= MAX_BCF_PROOF_SIZE ||
	    (b->max_bytes && (uint64_t)12 + 4ull * ntable + 4ull * nsw > b->max_bytes)) {
		err = fail(b, -EFBIG, "proof of %llu bytes exceeds the limit (%llu bytes)",
			   (unsigned long long)(12 + 4ull * ntable + 4ull * nsw),
			   (unsigned long long)(b->max_bytes ? b->max_bytes :
						MAX_BCF_PROOF_SIZE - 1));
		goto out;
	}
	out = malloc(12 + 4ull * ntable + 4ull * nsw);
	if (!out) {
		err = -ENOMEM;
		goto out;
	}
	out[0] = BCF_MAGIC;
	out[1] = ntable;
	out[2] = nsw;
	for (i = 0; i < nw; i += (w[i] >> 8 & 0xff) + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&w[i];
		uint32_t *d;
		unsigned k;

		if (!live[i])
			continue;
		d = &out[3 + remap[i]];
		d[0] = w[i];
		for (k = 0; k < e->vlen; k++)
			d[1 + k] = e->code == BCF_BV_VAL ? e->args[k] : remap[e->args[k]];
	}
	{
		uint32_t *d = &out[3 + ntable];

		for (s = 0; s <= last; s++) {
			const struct pb_step *p = &b->steps[s];

			if (!need[s])
				continue;
			*d++ = BCF_STEP_HDR(p->rule, flat_n[s], p->nparams);
			for (i = 0; i < flat_n[s]; i++)
				*d++ = stepmap[flat[flat_off[s] + i]];
			for (i = 0; i < p->nparams; i++) {
				uint32_t v = b->args[p->off + p->np + i];

				*d++ = b->kinds[p->koff + i] == PB_EXPR ? remap[v] : v;
			}
			if (st)
				st->rule_steps.n[p->rule >> 13 & 3][p->rule & 63]++;
		}
	}
	*size = 12 + 4ull * ntable + 4ull * nsw;
	/* self-check, both modes: a proof our checker rejects is a bug */
	{
		int mode;

		for (mode = 0; mode < 2; mode++) {
			BCF_OPTS(bcf_check_opts, co,
				 .mode = mode ? BCF_CHECK_KERNEL_COMPAT : BCF_CHECK_STRICT,
				 .stats = &cs);

			err = bcf_check_proof(goal_words, goal_n, goal, out, *size, &co);
			if (err) {
				err = fail(b, -EPROTO, "self-check (%s) rejected the proof at step %u "
					   "(%s): %s", mode ? "kernel-compat" : "strict",
					   cs.failed_step, bcf_rule__name(cs.failed_rule) ?
					   bcf_rule__name(cs.failed_rule) : "?", cs.reason);
				goto out;
			}
		}
	}
	if (st) {
		st->steps = nsteps;
		st->expr_words = ntable;
		st->kt_steps = cs.kernel_trusted_steps;
		st->kt_rule_steps = cs.kernel_trusted_rule_steps;
		memcpy(st->kt_first, cs.kernel_trusted_first, sizeof(st->kt_first));
	}
	*proof = out;
	out = NULL;
out:
	free(out);
	free(need);
	free(live);
	free(remap);
	free(stepmap);
	free(flat);
	free(flat_off);
	free(flat_n);
	return err;
}
