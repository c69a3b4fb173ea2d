// SPDX-License-Identifier: MIT
/* The DIMACS CNF reader (solver/sat.h bcf_sat__read_dimacs). */
#include "solver/sat_int.h"

/* The "p cnf V C" line at *p: creates the variables; *nv = V. */
static int read_header(struct bcf_sat *s, const char **p, long *nv)
{
	long nc;
	char *end;

	if (*nv >= 0 || strncmp(*p, "p cnf", 5))
		return -EINVAL;
	*nv = strtol(*p + 5, &end, 10);
	nc = strtol(end, &end, 10);
	if (*nv < 0 || nc < 0 || *nv > (1 << 28))
		return -EINVAL;
	while ((long)s->nvars < *nv)
		if (!bcf_sat__new_var(s))
			return -ENOMEM;
	*p = end;
	return 0;
}

/* One literal at *p (0 ends the clause in cl, which is then added). */
static int read_lit(struct bcf_sat *s, const char **p, long nv, struct u32vec *cl)
{
	char *end;
	long x = strtol(*p, &end, 10);
	int err;

	if (end == *p || nv < 0 || x > nv || x < -nv)
		return -EINVAL;
	*p = end;
	if (x == 0) {
		err = bcf_sat__add_clause(s, cl->a, cl->n, NULL);
		cl->n = 0;
		return err;
	}
	return u32_push(cl, SAT_LIT(x < 0 ? -x : x, x < 0)) ? -ENOMEM : 0;
}

int bcf_sat__read_dimacs(struct bcf_sat *s, const char *p, unsigned *line)
{
	struct u32vec cl = { 0 };
	unsigned ln = 1;
	long nv = -1;
	int err = 0;

	while (!err) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			ln += *p++ == '\n';
		if (!*p)
			break;
		if (*p == 'c' || *p == '%') {
			while (*p && *p != '\n')
				p++;
		} else if (*p == 'p') {
			err = read_header(s, &p, &nv);
		} else {
			err = read_lit(s, &p, nv, &cl);
		}
	}
	if (!err && cl.n)
		err = -EINVAL; /* last clause not terminated */
	if (line)
		*line = ln;
	u32_free(&cl);
	return err;
}
