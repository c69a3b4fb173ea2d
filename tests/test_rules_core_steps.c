// SPDX-License-Identifier: MIT
/*
 * Every EVALUATE, DISTINCT_VALUES, ACI_NORM and ABSORB step of the upstream
 * proofs (shared vectors), run in isolation on the proof's expression table:
 * their parameters are static ids, so each step can be checked without the
 * rest of the proof.  In proofs the upstream checker accepts, every such step
 * must be accepted, in kernel-compat and (the corpus uses none of the unsound
 * quirks) in strict mode; over the whole corpus the only rejected steps are
 * EVALUATEs of bvnot.
 */
#include "checker/checker.h"
#include "tests/check_vectors.h"
#include "tests/tap.h"

struct counts {
	unsigned long ok[2], rej[2]; /* [mode] */
};

int main(void)
{
	char dir[4096];
	struct cv_set s;
	struct counts cnt[6];
	unsigned bad, i, in_accepted_rejects = 0, other_rejects = 0, tables = 0;
	int mode;

	memset(cnt, 0, sizeof(cnt));
	snprintf(dir, sizeof(dir), "%s/vectors", shared_dir());
	if (cv_load(dir, &s, &bad) || !s.n) {
		skip("shared vectors not found");
		return done_testing();
	}
	for (i = 0; i < s.n; i++) {
		const uint32_t *w = s.c[i].proof;
		uint32_t ec, sc;
		const uint32_t *st;
		bool accepted = !strcmp(s.c[i].verdict, "accept");

		if (s.c[i].proof_len < 12)
			continue;
		ec = w[1];
		sc = w[2];
		if ((3ull + ec + sc) * 4 != s.c[i].proof_len ||
		    bcf_table__scan(w + 3, ec, NULL, NULL, NULL))
			continue;
		st = w + 3 + ec;
		tables++;
		for (mode = 0; mode < 2; mode++) {
			struct bcf_checker c;
			uint32_t j = 0;

			if (ckr_init(&c, w + 3, ec, mode ? BCF_CHECK_KERNEL_COMPAT : BCF_CHECK_STRICT))
				continue;
			while (j < sc) {
				uint32_t h = st[j], concl;
				unsigned np = (h >> 16) & 0xff, npar = h >> 24, rule = h & 0xffff, q;
				int err;

				if (j + 1 + np + npar > sc)
					break;
				if (rule >= BCF_RULE_EVALUATE && rule <= BCF_RULE_ABSORB && !np) {
					err = 0;
					for (q = 0; q < npar; q++)
						if (!ckr_is_static(&c, st[j + 1 + q]))
							err = -EINVAL;
					if (!err)
						err = ckr_rule_lookup(rule)(&c, NULL, 0, st + j + 1, npar,
									    &concl);
					if (!err) {
						cnt[rule].ok[mode]++;
						ckr_put(&c, concl);
					} else {
						cnt[rule].rej[mode]++;
						if (accepted) {
							if (in_accepted_rejects++ < 5)
								diag("%s: %s step rejected (%s mode): %s",
								     s.c[i].name, bcf_rule__name(rule),
								     mode ? "compat" : "strict", c.reason);
						} else if (!(rule == BCF_RULE_EVALUATE &&
							     strstr(c.reason, "bvnot"))) {
							if (other_rejects++ < 5)
								diag("%s: %s step rejected: %s", s.c[i].name,
								     bcf_rule__name(rule), c.reason);
						}
					}
				}
				j += 1 + np + npar;
			}
			ckr_fini(&c);
		}
	}
	ok(tables > 1000, "%u proof tables scanned", tables);
	ok(!in_accepted_rejects, "no step of an upstream-accepted proof rejected (%u)",
	   in_accepted_rejects);
	ok(!other_rejects, "the only rejected steps elsewhere are EVALUATEs of bvnot (%u others)",
	   other_rejects);
	ok(cnt[BCF_RULE_EVALUATE].ok[1] > 10000 && cnt[BCF_RULE_ACI_NORM].ok[1] > 10000 &&
	   cnt[BCF_RULE_ABSORB].ok[1] > 10000,
	   "steps run: EVALUATE %lu/%lu, ACI_NORM %lu/%lu, ABSORB %lu/%lu accepted "
	   "(compat), DISTINCT_VALUES %lu",
	   cnt[2].ok[1], cnt[2].ok[1] + cnt[2].rej[1], cnt[4].ok[1], cnt[4].ok[1] + cnt[4].rej[1],
	   cnt[5].ok[1], cnt[5].ok[1] + cnt[5].rej[1], cnt[3].ok[1] + cnt[3].rej[1]);
	ok(cnt[2].ok[0] == cnt[2].ok[1] && cnt[4].ok[0] == cnt[4].ok[1] &&
	   cnt[5].ok[0] == cnt[5].ok[1],
	   "strict accepts the same steps as compat on the corpus");
	cv_free(&s);
	return done_testing();
}
