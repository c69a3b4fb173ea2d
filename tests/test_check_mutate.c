// SPDX-License-Identifier: MIT
/*
 * Deterministic mutation test of the checker: for every vector proof that
 * kernel-compat mode accepts, build mutants (rule ids, premise indices,
 * parameters, expression words, constants, dropped / duplicated / swapped
 * steps, header fields, truncation, ...) and check each in both modes.
 *
 * Asserted: no crash or sanitizer report, only the checker's errnos,
 * strict-accepted implies compat-accepted.  Mutants that are still
 * accepted are classified and counted:
 *   - strict accepts too: the mutant is a fully checked proof of the same
 *     goal (a dead expression changed, a parameter replaced by an equal
 *     node, a premise replaced by an equivalent step, ...);
 *   - compat only: accepted through a known kernel quirk; strict's reason
 *     says which.
 */
#include <ctype.h>

#include "checker/checker.h"
#include "tests/check_vectors.h"
#include "tests/tap.h"

#define MUTANTS_PER_PROOF 24

enum kind {
	M_RULE, M_PREMISE, M_PARAM_ID, M_PARAM_BIT, M_EXPR_ARG, M_EXPR_BIT, M_CONST,
	M_DROP, M_DUP, M_SWAP_PREMISES, M_TRUNC, M_HDR, M_COUNTS, M_SWAP_STEPS, M_DROP_TAIL,
	M_BYTE, NKINDS
};

static const char *kind_name[NKINDS] = {
	"rule id", "premise index", "parameter -> other node", "parameter bit flip",
	"expression argument", "expression bit flip", "constant value", "drop step",
	"duplicate step", "swap premises", "truncate", "header sizes", "premise/param count",
	"swap adjacent steps", "drop last step", "random byte",
};

struct kstat {
	unsigned made, compat_acc, strict_acc, dead, equal_node;
};

static struct kstat ks[NKINDS];
static unsigned shown[NKINDS];

#define MAX_CLASSES 256
static struct {
	char text[200];
	unsigned n;
	char example[160];
} classes[MAX_CLASSES];
static unsigned nclasses;

static void count_class(const char *text, const char *example)
{
	unsigned i;

	for (i = 0; i < nclasses; i++) {
		if (!strcmp(classes[i].text, text)) {
			classes[i].n++;
			return;
		}
	}
	if (nclasses == MAX_CLASSES)
		return;
	snprintf(classes[nclasses].text, sizeof(classes[nclasses].text), "%s", text);
	snprintf(classes[nclasses].example, sizeof(classes[nclasses].example), "%s", example);
	classes[nclasses++].n = 1;
}

static uint64_t rng;

static uint64_t rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint32_t rn(uint32_t n)
{
	return n ? (uint32_t)(rnd() % n) : 0;
}

static uint64_t hash_name(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* The original proof, parsed. */
struct orig {
	const uint32_t *w;
	uint32_t nw, expr_cnt, step_cnt;
	uint32_t *hdrs, nhdrs;   /* node offsets in the table */
	uint32_t *soff, nsteps;  /* step offsets (absolute word index) */
	uint8_t *live;           /* expr_cnt: node reachable from a step word */
	struct bcf_checker ck;   /* over the original table, for equality */
};

static int orig_parse(struct orig *o, const void *p, size_t len)
{
	uint32_t i, pos, j;

	memset(o, 0, sizeof(*o));
	o->w = p;
	o->nw = len / 4;
	o->expr_cnt = o->w[1];
	o->step_cnt = o->w[2];
	o->hdrs = malloc(o->expr_cnt * sizeof(uint32_t));
	o->soff = malloc(o->step_cnt * sizeof(uint32_t));
	o->live = calloc(o->expr_cnt, 1);
	if (!o->hdrs || !o->soff || !o->live)
		abort();
	for (i = 0; i < o->expr_cnt; i += (o->w[3 + i] >> 8 & 0xff) + 1)
		o->hdrs[o->nhdrs++] = i;
	for (pos = 0; pos < o->step_cnt; pos += 1 + (o->w[3 + o->expr_cnt + pos] >> 16 & 0xff) +
					       (o->w[3 + o->expr_cnt + pos] >> 24))
		o->soff[o->nsteps++] = 3 + o->expr_cnt + pos;
	if (ckr_init(&o->ck, o->w + 3, o->expr_cnt, BCF_CHECK_STRICT))
		return -1;
	/* liveness: any step word naming a node, the built-ins, and their arguments */
	for (i = 0; i < o->nsteps; i++) {
		const struct bcf_proof_step *s = (const void *)&o->w[o->soff[i]];

		for (j = s->premise_cnt; j < (unsigned)s->premise_cnt + s->param_cnt; j++)
			if (ckr_is_static(&o->ck, s->args[j]))
				o->live[s->args[j]] = 1;
	}
	if (o->ck.true_id < o->expr_cnt)
		o->live[o->ck.true_id] = 1;
	if (o->ck.false_id < o->expr_cnt)
		o->live[o->ck.false_id] = 1;
	for (i = o->nhdrs; i-- > 0;) {
		const struct bcf_expr *e = (const void *)&o->w[3 + o->hdrs[i]];

		if (!o->live[o->hdrs[i]] || e->code == BCF_BV_VAL)
			continue;
		for (j = 0; j < e->vlen; j++)
			o->live[e->args[j]] = 1;
	}
	return 0;
}

static void orig_free(struct orig *o)
{
	ckr_fini(&o->ck);
	free(o->hdrs);
	free(o->soff);
	free(o->live);
}

/* Node containing table word t (t relative to the table). */
static uint32_t node_of(const struct orig *o, uint32_t t)
{
	uint32_t lo = 0, hi = o->nhdrs;

	while (hi - lo > 1) {
		uint32_t mid = (lo + hi) / 2;

		if (o->hdrs[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return o->hdrs[lo];
}

static uint16_t random_rule(void)
{
	switch (rn(3)) {
	case 0: return BCF_RULE_CORE | (1 + rn(__MAX_BCF_CORE_RULES - 1));
	case 1: return BCF_RULE_BOOL | (1 + rn(__MAX_BCF_BOOL_RULES - 1));
	default: return BCF_RULE_BV | (1 + rn(__MAX_BCF_BV_RULES - 1));
	}
}

struct mutant {
	uint32_t *w;
	size_t len;          /* bytes */
	int dead;            /* changed only an unreachable expression */
	int equal_node;      /* replaced a parameter by a structurally equal node */
	char what[96];       /* the change, for the report */
};

/* Steps as a list of word ranges, rebuilt into a new proof. */
static void rebuild(const struct orig *o, const uint32_t *order, uint32_t n, const int32_t *remap,
		    struct mutant *m)
{
	uint32_t i, j, pos = 3 + o->expr_cnt;

	m->w = malloc(o->nw * 2 * 4 + 64);
	memcpy(m->w, o->w, (3 + o->expr_cnt) * 4);
	for (i = 0; i < n; i++) {
		const struct bcf_proof_step *s = (const void *)&o->w[o->soff[order[i]]];
		uint32_t sz = 1 + s->premise_cnt + s->param_cnt;

		memcpy(&m->w[pos], s, sz * 4);
		for (j = 0; j < s->premise_cnt; j++) {
			int32_t r = remap ? remap[s->args[j]] : (int32_t)s->args[j];

			m->w[pos + 1 + j] = r < 0 ? 0 : (uint32_t)r;
		}
		pos += sz;
	}
	m->w[2] = pos - 3 - o->expr_cnt;
	m->len = pos * 4;
}

static const struct bcf_proof_step *ostep(const struct orig *o, uint32_t i)
{
	return (const void *)&o->w[o->soff[i]];
}

/* A step index with premises (or params); UINT32_MAX if none. */
static uint32_t pick_step(const struct orig *o, int need_prem, int need_param)
{
	uint32_t tries;

	for (tries = 0; tries < 64; tries++) {
		uint32_t i = rn(o->nsteps);
		const struct bcf_proof_step *s = ostep(o, i);

		if ((!need_prem || s->premise_cnt) && (!need_param || s->param_cnt))
			return i;
	}
	return UINT32_MAX;
}

static void mutate(struct orig *o, enum kind k, struct mutant *m)
{
	uint32_t i, j, t, *order;
	int32_t *remap;

	memset(m, 0, sizeof(*m));
	m->w = malloc(o->nw * 4 + 64);
	memcpy(m->w, o->w, o->nw * 4);
	m->len = o->nw * 4;
	switch (k) {
	case M_RULE:
		i = rn(o->nsteps);
		m->w[o->soff[i]] = (m->w[o->soff[i]] & 0xffff0000u) | random_rule();
		snprintf(m->what, sizeof(m->what), "step %u: %s -> %s", i,
			 bcf_rule__name(o->w[o->soff[i]] & 0xffff),
			 bcf_rule__name(m->w[o->soff[i]] & 0xffff));
		break;
	case M_PREMISE:
		i = pick_step(o, 1, 0);
		if (i == UINT32_MAX || i == 0)
			break;
		j = rn(ostep(o, i)->premise_cnt);
		m->w[o->soff[i] + 1 + j] = rn(i);
		break;
	case M_PARAM_ID:
		i = pick_step(o, 0, 1);
		if (i == UINT32_MAX)
			break;
		j = ostep(o, i)->premise_cnt + rn(ostep(o, i)->param_cnt);
		t = o->hdrs[rn(o->nhdrs)];
		if (ckr_is_static(&o->ck, m->w[o->soff[i] + 1 + j]) &&
		    m->w[o->soff[i] + 1 + j] != t &&
		    ckr_equal(&o->ck, m->w[o->soff[i] + 1 + j], t) == 1)
			m->equal_node = 1;
		m->w[o->soff[i] + 1 + j] = t;
		break;
	case M_PARAM_BIT:
		i = pick_step(o, 0, 1);
		if (i == UINT32_MAX)
			break;
		j = ostep(o, i)->premise_cnt + rn(ostep(o, i)->param_cnt);
		m->w[o->soff[i] + 1 + j] ^= 1u << rn(rn(2) ? 8 : 32);
		snprintf(m->what, sizeof(m->what), "step %u (%s) word %u: 0x%x -> 0x%x", i,
			 bcf_rule__name(ostep(o, i)->rule), j, o->w[o->soff[i] + 1 + j],
			 m->w[o->soff[i] + 1 + j]);
		break;
	case M_EXPR_ARG:
		for (t = 0; t < 64; t++) {
			uint32_t n = o->hdrs[rn(o->nhdrs)];
			const struct bcf_expr *e = (const void *)&o->w[3 + n];

			if (!e->vlen || e->code == BCF_BV_VAL)
				continue;
			j = rn(e->vlen);
			m->w[3 + n + 1 + j] = o->hdrs[rn(o->nhdrs)];
			m->dead = !o->live[n];
			snprintf(m->what, sizeof(m->what), "node %u (%s) argument %u: %u -> %u", n,
				 bcf_code__name(e->code), j, e->args[j], m->w[3 + n + 1 + j]);
			break;
		}
		break;
	case M_EXPR_BIT:
		t = rn(o->expr_cnt);
		m->w[3 + t] ^= 1u << rn(32);
		m->dead = !o->live[node_of(o, t)];
		break;
	case M_CONST:
		for (t = 0; t < 64; t++) {
			uint32_t n = o->hdrs[rn(o->nhdrs)];
			const struct bcf_expr *e = (const void *)&o->w[3 + n];

			if (e->code != BCF_BV_VAL)
				continue;
			m->w[3 + n + 1] ^= 1u << rn((e->params & 0xff) < 32 ? (e->params & 0xff) : 32);
			m->dead = !o->live[n];
			snprintf(m->what, sizeof(m->what), "constant node %u (width %u): 0x%x -> 0x%x",
				 n, e->params & 0xff, e->args[0], m->w[3 + n + 1]);
			break;
		}
		break;
	case M_DROP:
	case M_DUP:
	case M_SWAP_STEPS:
	case M_DROP_TAIL:
		free(m->w);
		order = malloc((o->nsteps + 1) * sizeof(*order));
		remap = malloc((o->nsteps + 1) * sizeof(*remap));
		if (k == M_DROP || k == M_DROP_TAIL) {
			uint32_t d = k == M_DROP_TAIL ? o->nsteps - 1 : rn(o->nsteps);

			for (i = 0, j = 0; i < o->nsteps; i++) {
				remap[i] = i < d ? (int32_t)i : i == d ? (int32_t)i - 1 : (int32_t)i - 1;
				if (i != d)
					order[j++] = i;
			}
			rebuild(o, order, j, remap, m);
		} else if (k == M_DUP) {
			uint32_t d = rn(o->nsteps);

			for (i = 0, j = 0; i < o->nsteps; i++) {
				order[j++] = i;
				if (i == d)
					order[j++] = i;
				remap[i] = i <= d ? (int32_t)i : (int32_t)i + 1;
			}
			if (rn(2))
				remap[d] = d + 1; /* later users name the copy */
			rebuild(o, order, j, remap, m);
		} else {
			uint32_t d = rn(o->nsteps - 1);

			for (i = 0; i < o->nsteps; i++) {
				order[i] = i;
				remap[i] = i;
			}
			order[d] = d + 1;
			order[d + 1] = d;
			remap[d] = d + 1;
			remap[d + 1] = d;
			rebuild(o, order, o->nsteps, remap, m);
		}
		free(order);
		free(remap);
		break;
	case M_SWAP_PREMISES:
		for (t = 0; t < 64; t++) {
			uint32_t a, b, x;

			i = rn(o->nsteps);
			if (ostep(o, i)->premise_cnt < 2)
				continue;
			a = rn(ostep(o, i)->premise_cnt);
			b = rn(ostep(o, i)->premise_cnt);
			if (m->w[o->soff[i] + 1 + a] == m->w[o->soff[i] + 1 + b])
				continue;
			x = m->w[o->soff[i] + 1 + a];
			m->w[o->soff[i] + 1 + a] = m->w[o->soff[i] + 1 + b];
			m->w[o->soff[i] + 1 + b] = x;
			break;
		}
		break;
	case M_TRUNC:
		m->len = rn(m->len);
		break;
	case M_HDR:
		t = 1 + rn(3);
		if (rn(2)) {
			m->w[1] += t;
			m->w[2] -= t;
		} else {
			m->w[1] -= t;
			m->w[2] += t;
		}
		break;
	case M_COUNTS:
		i = rn(o->nsteps);
		m->w[o->soff[i]] += (rn(2) ? 1u : 0xffu) << (rn(2) ? 16 : 24);
		break;
	case M_BYTE:
		t = rn(m->len);
		((uint8_t *)m->w)[t] = rn(256);
		break;
	case NKINDS:
		break;
	}
}

static int known_errno(int err)
{
	return !err || err == -EINVAL || err == -EFAULT || err == -E2BIG ||
	       err == -EOPNOTSUPP || err == -ENOMEM;
}

/* Rule + reason with numbers replaced by N. */
static void reason_class(const struct bcf_check_stats *st, char *out, size_t size)
{
	const char *why = st->reason, *rule;
	size_t o;

	rule = st->failed_step == UINT32_MAX ? "(global)" :
	       bcf_rule__name(st->failed_rule) ? bcf_rule__name(st->failed_rule) : "?";
	o = snprintf(out, size, "compat only; strict: %s: ", rule);
	for (; *why && o + 2 < size; why++) {
		if (isdigit((unsigned char)*why)) {
			out[o++] = 'N';
			while (isdigit((unsigned char)why[1]))
				why++;
		} else {
			out[o++] = *why;
		}
	}
	out[o] = '\0';
}

int main(void)
{
	unsigned bad, i, k, n, made_here, proofs = 0, total = 0, crashes_bad_errno = 0, subset_bad = 0;
	unsigned identical = 0, min_per_proof = UINT32_MAX;
	char dir[4096], text[200], example[160];
	BCF_OPTS(bcf_check_stats, st);
	struct cv_set set;

	snprintf(dir, sizeof(dir), "%s/vectors", shared_dir());
	if (cv_load(dir, &set, &bad)) {
		skip("no shared vectors");
		return done_testing();
	}
	for (i = 0; i < set.n; i++) {
		struct cv_case *c = &set.c[i];
		struct orig o;

		if (cv_check(c, c->proof, c->proof_len, BCF_CHECK_KERNEL_COMPAT, NULL))
			continue;
		if (orig_parse(&o, c->proof, c->proof_len)) {
			diag("%s: cannot parse", c->name);
			continue;
		}
		proofs++;
		made_here = 0;
		for (n = 0; n < MUTANTS_PER_PROOF; n++) {
			struct mutant m;
			int ec, es;

			unsigned attempt;

			k = (n + i) % NKINDS;
			for (attempt = 0; attempt < 8; attempt++) {
				rng = hash_name(c->name) * 31 + n + 1000 * attempt;
				mutate(&o, k, &m);
				if (m.len != c->proof_len || memcmp(m.w, c->proof, m.len))
					break;
				identical++;
				free(m.w);
				m.w = NULL;
			}
			if (!m.w) {
				k = M_TRUNC; /* always differs */
				mutate(&o, k, &m);
			}
			total++;
			made_here++;
			ks[k].made++;
			ec = cv_check(c, m.w, m.len, BCF_CHECK_KERNEL_COMPAT, NULL);
			es = cv_check(c, m.w, m.len, BCF_CHECK_STRICT, &st);
			if (!known_errno(ec) || !known_errno(es)) {
				crashes_bad_errno++;
				diag("%s mutant %u (%s): unexpected errno %d / %d", c->name, n,
				     kind_name[k], ec, es);
			}
			if (!es && ec) {
				subset_bad++;
				diag("%s mutant %u (%s): strict accepts, compat %d", c->name, n,
				     kind_name[k], ec);
			}
			if (!ec) {
				ks[k].compat_acc++;
				snprintf(example, sizeof(example), "%s mutant %u (%s)", c->name, n,
					 kind_name[k]);
				if (!es) {
					ks[k].strict_acc++;
					if (m.what[0] && !m.dead && shown[k]++ < 3)
						diag("valid mutant %s: %s", example, m.what);
					if (m.dead)
						ks[k].dead++;
					if (m.equal_node)
						ks[k].equal_node++;
					snprintf(text, sizeof(text), "valid proof (strict accepts): %s%s",
						 kind_name[k], m.dead ? ", in an unused expression" :
						 m.equal_node ? ", an equal node" : "");
				} else {
					reason_class(&st, text, sizeof(text));
				}
				count_class(text, example);
			}
			free(m.w);
		}
		orig_free(&o);
		if (made_here < min_per_proof)
			min_per_proof = made_here;
	}

	diag("%u compat-accepted proofs, %u mutants (%u identical mutants regenerated)", proofs, total,
	     identical);
	diag("%-24s %7s %7s %7s %7s %7s", "kind", "made", "compat", "strict", "dead", "eqnode");
	for (k = 0; k < NKINDS; k++)
		diag("%-24s %7u %7u %7u %7u %7u", kind_name[k], ks[k].made, ks[k].compat_acc,
		     ks[k].strict_acc, ks[k].dead, ks[k].equal_node);
	diag("accepted mutants by explanation:");
	for (i = 0; i < nclasses; i++)
		diag("  %6u  %s   (e.g. %s)", classes[i].n, classes[i].text, classes[i].example);

	ok(proofs == 0 || min_per_proof >= 20,
	   "at least 20 mutants of every accepted proof (%u for %u proofs, at least %u each)",
	   total, proofs, min_per_proof);
	ok(crashes_bad_errno == 0, "every mutant gets 0 or one of the checker's errnos");
	ok(subset_bad == 0, "strict acceptance implies kernel-compat acceptance");
	cv_free(&set);
	return done_testing();
}
