/* SPDX-License-Identifier: MIT */
/*
 * solver/sat.h - a CDCL SAT solver with resolution proof logging.
 *
 * Two watched literals, first-UIP learning with recursive minimisation,
 * VMTF (or VSIDS) decisions, phase saving, glue (LBD) based restarts and
 * clause deletion.
 *
 * Proof logging (opts.proof): every clause has a proof node.  Input clauses
 * are nodes 0..n-1 in the order of bcf_sat__add_clause().  Each learned
 * clause, each literal fixed at decision level 0 and the final empty clause
 * are derived nodes that record their resolution chain (premise node ids
 * and pivots).  After UNSAT, bcf_sat__proof_walk() trims the derivation to
 * what the empty clause needs and presents it in the shape of BCF's
 * RESOLUTION rule (spec rules-bool.md 3.1): each derived step is a chain of
 * k premises with k-1 pivots whose list-semantics result (remove the first
 * occurrence of each pivot literal on each side, concatenate, keep
 * duplicates) becomes the step's clause after duplicate removal
 * (FACTORING, keep first occurrences).  Pivot literal counts never exceed
 * one in the accumulated clause: the walk orders each chain so that
 * entries whose pivot literal is held once go first, and splits it with an
 * intermediate factored step where needed (or repeats a cheap premise).  A
 * level-0 unit used by one step only is not a step of its own: its reason
 * and unit premises are resolved inside its user's chain.
 *
 * For BCF, feed every input clause with the literal order of its fact
 * (the chain results, hence FACTORING indices, follow that order), map
 * variable v to a static bool atom expression and its negative literal to
 * NOT(atom).  Typical use:
 *
 *	s = bcf_sat__new(&(struct bcf_sat_opts){ .proof = true });
 *	v = bcf_sat__new_var(s) ...; bcf_sat__add_clause(s, lits, n, &node) ...;
 *	if (bcf_sat__solve(s) == BCF_SAT_UNSAT)
 *		bcf_sat__proof_walk(s, NULL, emit, ctx);
 *	emit(): input -> AND_ELIM/CNF step of that clause; derived -> RESOLUTION
 *	(bcf_sat__resolution_params) if npremises >= 2, then FACTORING
 *	(bcf_sat__factoring_params on st->chain) if st->factoring.
 *
 * Literals: variable v >= 1; literal 2v is v, 2v+1 is NOT v.
 */
#ifndef BCF_SOLVER_SAT_H
#define BCF_SOLVER_SAT_H

#include <stdbool.h>
#include <stdint.h>

typedef uint32_t sat_lit;

#define SAT_LIT(var, neg) (((sat_lit)(var) << 1) | ((neg) ? 1u : 0u))
#define SAT_VAR(lit) ((lit) >> 1)
#define SAT_NEG(lit) ((lit) & 1u)
#define SAT_NOT(lit) ((lit) ^ 1u)

enum bcf_sat_result {
	BCF_SAT_UNKNOWN = 0, /* budget (conflicts / time) exhausted */
	BCF_SAT_SAT = 10,
	BCF_SAT_UNSAT = 20,
};

struct bcf_sat_opts {
	bool proof;              /* log resolution chains */
	uint64_t max_conflicts;  /* 0 = no limit */
	unsigned timeout_ms;     /* 0 = no limit */
	uint32_t seed;           /* tie-breaking of the initial order; 0 = default */
	/* recursive learned-clause minimisation: 0 = default (on without proof
	 * logging, off with it: its extra resolutions made walked proofs ~8x
	 * larger on bit-blasted vectors for the same conflict count), 1 = on,
	 * -1 = off */
	int minimize;
	/* decision order: false = VMTF (default: variables of each conflict
	 * analysis move to the front of a queue; on bit-blasted equality
	 * puzzles it needs ~100-500x fewer conflicts than VSIDS), true =
	 * VSIDS activity heap */
	bool vsids;
	/* learned clauses longer than this many literals are shrunk level by
	 * level to their levels' UIPs where that makes them shorter
	 * (sat_shrink.c); 0 = default (200), UINT32_MAX = never */
	uint32_t shrink_min;
	/* preferred literals (bcf_sat__prefer) decided only at decision level
	 * 0: each is refuted (learned) on its own before the next is tried */
	bool prefer_root;
};

struct bcf_sat_stats {
	uint64_t conflicts, decisions, propagations, restarts;
	uint64_t learned, learned_lits, minimized_lits, deleted;
	uint64_t shrunk_lits;  /* literals long clauses lost to their levels' UIPs */
	uint64_t proof_nodes, proof_chain_entries; /* everything logged */
	/* after bcf_sat__proof_walk(): */
	uint64_t trimmed_inputs, trimmed_derived;  /* steps walked */
	uint64_t trimmed_premises;                 /* sum of k over derived steps */
	uint64_t split_steps;                      /* intermediate steps added by the walk */
	uint64_t factoring_steps;                  /* steps whose chain result has duplicates */
	uint64_t est_words;  /* BCF step words of the walked RESOLUTION/FACTORING steps */
	uint64_t window_watched, window_unwatched; /* clauses woken / put to sleep (windows) */
};

struct bcf_sat;

struct bcf_sat *bcf_sat__new(const struct bcf_sat_opts *opts);
void bcf_sat__free(struct bcf_sat *s);

/* A fresh variable (1, 2, ...); 0 when out of memory. */
uint32_t bcf_sat__new_var(struct bcf_sat *s);
uint32_t bcf_sat__nvars(const struct bcf_sat *s);

/*
 * Add an input clause (variables must exist; literals may repeat; a
 * tautology is accepted and ignored).  *node (optional) receives its proof
 * node id, which is the number of clauses added before it.  Must be called
 * before bcf_sat__solve().  Returns 0, -EINVAL (unknown variable), -ENOMEM.
 */
int bcf_sat__add_clause(struct bcf_sat *s, const sat_lit *lits, unsigned n, uint32_t *node);

/*
 * Decide literal l (with its sign) before any variable of the decision queue,
 * in the order of the calls, whenever it is unassigned: a case split the
 * caller knows the refutation follows (one disjunct of a wide goal
 * disjunction after the other).  Returns 0, -EINVAL, -ENOMEM.
 */
int bcf_sat__prefer(struct bcf_sat *s, sat_lit l);

/*
 * With prefer_root: the unit input clauses added from bcf_sat__late(s, true)
 * until bcf_sat__late(s, false) are loaded only once every preferred literal
 * is assigned at decision level 0, so that the preferred literals'
 * refutations cannot reach them (a goal's facts while an add chain's
 * lemmas are proven: solver/refute.c).  Without prefer_root they are
 * ordinary input clauses.  Must be called before bcf_sat__solve().
 */
void bcf_sat__late(struct bcf_sat *s, bool on);

/*
 * Windows, with prefer_root: the clauses that define a variable (the ones
 * added after bcf_sat__own(s, v), until bcf_sat__own(s, 0)) are watched
 * only while the search works on a phase that needs them.  A phase is a
 * range [lo, hi) of positions in the preferred list (bcf_sat__npreferred
 * counts them) that needs the definitions of its preferred literals'
 * variables and of need[], and recursively of the variables in them, down
 * to the cut[] variables, which it needs as variables only (a lemma the
 * phase builds on stands for what lies below it).  Variables no phase in
 * force needs are not decided.  Phases given in order must tile [0, end),
 * or none is used; from end on, and whenever the windows leave nothing to
 * decide, every clause is watched: windows can slow a search down, never
 * change its answer.  Clauses with no owner and units are always in force.
 * Must be called before bcf_sat__solve().  (solver/sat_window.c)
 */
void bcf_sat__own(struct bcf_sat *s, uint32_t var);
uint32_t bcf_sat__npreferred(const struct bcf_sat *s);
int bcf_sat__phase(struct bcf_sat *s, uint32_t lo, uint32_t hi, const uint32_t *need,
		   unsigned nneed, const uint32_t *cut, unsigned ncut);

/* Solve; may be called once. */
enum bcf_sat_result bcf_sat__solve(struct bcf_sat *s);

/* After SAT: the value of a variable in the model. */
bool bcf_sat__value(const struct bcf_sat *s, uint32_t var);

const struct bcf_sat_stats *bcf_sat__stats(const struct bcf_sat *s);

/* 0, or the negative errno that made solve answer UNKNOWN (-ENOMEM, -EPROTO:
 * internal proof inconsistency). */
int bcf_sat__error(const struct bcf_sat *s);

/* ---- proof ------------------------------------------------------------- */

struct bcf_sat_step {
	uint32_t id;           /* input: its node id; derived: ids above every input id */
	bool input;
	const sat_lit *lits;   /* the clause without duplicates (empty for the last step) */
	uint32_t nlits;
	/* derived steps only: */
	uint32_t npremises;    /* k >= 1 (k = 1: a lone FACTORING of premise 0, or,
				* without factoring, premise 0's clause itself: a
				* chain that ends right after a wide step) */
	const uint32_t *premises; /* ids of earlier steps; the same id may repeat */
	const sat_lit *pivots; /* k-1 pivots, each the literal as it occurs in the
				* accumulated (left) clause; BCF polarity bit =
				* !SAT_NEG(pivot), pivot atom = variable */
	bool factoring;        /* the chain result has duplicates: FACTORING follows */
	/* (only with bcf_sat_walk_opts.wide) one resolution of two premises
	 * whose list result exceeds max_lits although the clause (without
	 * duplicates) fits: the emitter must first take the literals both
	 * premises share out of them (a definition D = (or shared...) and
	 * CNF_OR_NEG / CNF_OR_POS, say) */
	bool wide;
	const sat_lit *chain;  /* the chain result before factoring (list semantics) */
	uint32_t chain_lits;   /* its length */
	/*
	 * (only with bcf_sat_walk_opts.wide) a definition and its clauses,
	 * for a chain walked entry by entry whose final literals would ride
	 * along in every step: BCF_SAT_DEFINE binds the variable of def (a
	 * variable above every solver variable) to (or lits...), no premise,
	 * no clause, until the next BCF_SAT_DEFINE; BCF_SAT_DEF_NEG is the
	 * clause (def OR NOT lits_of_the_definition[def_index]) (lits holds
	 * it), BCF_SAT_DEF_POS the clause (NOT def OR every literal of the
	 * definition); neither has premises.
	 */
	enum bcf_sat_step_kind { BCF_SAT_RESOLVE, BCF_SAT_DEFINE, BCF_SAT_DEF_NEG,
				 BCF_SAT_DEF_POS } kind;
	sat_lit def;
	uint32_t def_index;
};

struct bcf_sat_walk_opts {
	unsigned max_pivots;   /* per step; 0 = 247 (BCF RESOLUTION's limit) */
	unsigned max_lits;     /* accumulated clause length; 0 = 255 */
	bool wide;             /* emit wide steps (above) instead of failing */
};

typedef int (*bcf_sat_walk_fn)(void *ctx, const struct bcf_sat_step *st);

/*
 * After UNSAT with proof logging: call fn for every step the empty clause
 * depends on, premises before their users (used input clauses first, in id
 * order), the empty clause last.  fn returning non-zero stops the walk and
 * is returned.  -EINVAL: no proof (not UNSAT / logging off); -E2BIG: a
 * clause longer than max_lits (or, without opts.wide, a single resolution
 * whose list result is); -ETIME: the solver's time limit (opts.timeout_ms,
 * counted from the start of the search) passed during the walk; -ENOMEM.
 */
int bcf_sat__proof_walk(struct bcf_sat *s, const struct bcf_sat_walk_opts *opts,
			bcf_sat_walk_fn fn, void *ctx);

/*
 * BCF parameter words for a walked step (spec rules-bool.md 3.1, 3.2).
 *
 * RESOLUTION: ceil(m/32) polarity words then m pivot expression ids, m =
 * npremises - 1; atom[v] is the static expression id of variable v's atom.
 * Returns the word count, -EINVAL for a step without pivots, -E2BIG when
 * m > 247 or cap is too small.
 *
 * FACTORING for a literal list with duplicates (any u32 keys, e.g. the
 * step's chain, or expression ids): the generator recipe, keep first
 * occurrences; entries (1 + copies, first index, copy indices) in order of
 * first occurrence, a zero terminator if space remains, zero padding.
 * Returns the word count, 0 when there is no duplicate (emit no FACTORING),
 * -E2BIG for more than 255 literals or cap too small.
 *
 * Every walked step also satisfies rules-bool.md 6.2: a unit premise is
 * always resolved on its own literal at its own position.
 */
int bcf_sat__resolution_params(const struct bcf_sat_step *st, const uint32_t *atom,
			       uint32_t *out, unsigned cap);
int bcf_sat__factoring_params(const uint32_t *lits, uint32_t n, uint32_t *out, unsigned cap);

/* ---- DIMACS ------------------------------------------------------------ */

/*
 * Read a DIMACS CNF text into s (creates the variables, adds the clauses
 * in order).  Returns 0 or -EINVAL with *line set to the offending line.
 */
int bcf_sat__read_dimacs(struct bcf_sat *s, const char *text, unsigned *line);

#endif
