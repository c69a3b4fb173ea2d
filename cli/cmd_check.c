// SPDX-License-Identifier: MIT
/*
 * bcf check: run the proof checker on a proof file, against the proof's own
 * ASSUME, a condition buffer (--cond) or an upstream goal file (--goal).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "lang/clock.h"

#define PROOF_READ_LIMIT (64u << 20) /* the checker itself rejects >= 32 MiB */
#define GOAL_READ_LIMIT (1u << 30)

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bcf check [--cond COND [--path] | --goal GOALFILE] PROOF [-v] [--json]\n"
		"                 [--kernel-compat]\n\n"
		"Check a BCF proof.  Without --cond or --goal the proof is checked against its\n"
		"own ASSUME step.\n\n"
		"  --cond COND      goal = refine_cond of a kernel condition buffer file\n"
		"  --path           with --cond: use path_cond instead\n"
		"  --goal GOALFILE  upstream goal file (word 0 = goal id, then expression words)\n"
		"  -v               print every step in the kernel checker's log format\n"
		"  --json           print the verdict and statistics as JSON\n"
		"  --kernel-compat  the kernel checker's verdicts, quirks included (default:\n"
		"                   strict, which rejects every known unsound quirk)\n\n"
		"Exit status: 0 accepted, 1 rejected or invalid input, 2 usage or I/O error.\n");
}

static const char *errno_name(int err)
{
	switch (-err) {
	case 0: return "0";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOMEM: return "ENOMEM";
	case E2BIG: return "E2BIG";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EAGAIN: return "EAGAIN";
	case ENOSPC: return "ENOSPC";
	default: return "EUNKNOWN";
	}
}

static const char *rule_name(uint16_t rule)
{
	unsigned id = rule & BCF_RULE_ID_MASK;

#define X_NAME(n, i) case i: return #n;
	switch (rule & BCF_RULE_CLASS_MASK) {
	case BCF_RULE_CORE:
		switch (id) { BCF_CORE_RULES(X_NAME) }
		break;
	case BCF_RULE_BOOL:
		switch (id) { BCF_BOOL_RULES(X_NAME) }
		break;
	case BCF_RULE_BV:
		switch (id) { BCF_BV_RULES(X_NAME) }
		break;
	}
#undef X_NAME
	return NULL;
}

static void log_to(void *ctx, const char *fmt, va_list ap)
{
	vfprintf(ctx, fmt, ap);
}

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = *s;

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static void print_json(int err, const struct bcf_check_stats *st, const char *msg, uint64_t us)
{
	const char *name;
	unsigned cls, id;
	bool first = true;

	printf("{\"verdict\":\"%s\",\"errno\":%d,\"errno_name\":", err ? "reject" : "accept", -err);
	json_string(err ? errno_name(err) : "");
	if (err && st->failed_step != UINT32_MAX) {
		printf(",\"step\":%u,\"rule\":", st->failed_step);
		name = rule_name(st->failed_rule);
		if (name)
			json_string(name);
		else
			printf("null");
	} else {
		printf(",\"step\":null,\"rule\":null");
	}
	printf(",\"reason\":");
	json_string(err ? (st->reason[0] ? st->reason : msg) : "");
	printf(",\"steps\":%u,\"rules\":{", st->steps);
	for (cls = 0; cls < 3; cls++) {
		for (id = 0; id < 64; id++) {
			if (!st->rule_steps.n[cls][id])
				continue;
			name = rule_name(cls << 13 | id);
			if (!name)
				continue;
			printf("%s\"%s\":%u", first ? "" : ",", name, st->rule_steps.n[cls][id]);
			first = false;
		}
	}
	printf("},\"trusted_steps\":%u,\"kernel_trusted_steps\":%u,\"kernel_trusted\":{",
	       st->trusted_steps, st->kernel_trusted_steps);
	first = true;
	for (cls = 0; cls < 3; cls++) {
		for (id = 0; id < 64; id++) {
			if (!st->kernel_trusted_rule_steps.n[cls][id])
				continue;
			name = rule_name(cls << 13 | id);
			if (!name)
				continue;
			printf("%s\"%s\":%u", first ? "" : ",", name,
			       st->kernel_trusted_rule_steps.n[cls][id]);
			first = false;
		}
	}
	printf("},\"kernel_trusted_first\":");
	json_string(st->kernel_trusted_first);
	printf(",\"peak_dyn_nodes\":%llu,\"time_us\":%llu}\n",
	       (unsigned long long)st->peak_dyn_nodes, (unsigned long long)us);
}

/*
 * Upstream goal file: word 0 = goal id, then expression words.  Only words
 * up to the end of the goal node matter; they must scan like a table.
 */
static int load_goal_file(const char *path, uint32_t **words, uint32_t *n, uint32_t *goal)
{
	const struct bcf_expr *e;
	uint32_t *w, cnt, bad;
	const char *why;
	uint8_t *is_hdr;
	size_t len;
	char *buf;
	int err;

	err = bcf__file_read(path, GOAL_READ_LIMIT, &buf, &len);
	if (err) {
		fprintf(stderr, "bcf check: %s: %s\n", path, strerror(-err));
		return BCF_EXIT_USAGE;
	}
	if (len % 4 || len < 8) {
		fprintf(stderr, "bcf check: %s: goal file of %zu bytes: need a goal id and at least one "
			"expression word, in whole words\n", path, len);
		free(buf);
		return BCF_EXIT_INVALID;
	}
	w = (uint32_t *)buf;
	*goal = w[0];
	cnt = len / 4 - 1;
	if (*goal >= cnt || (uint64_t)*goal + 1 + (w[1 + *goal] >> 8 & 0xff) > cnt) {
		fprintf(stderr, "bcf check: %s: goal id %u is outside the %u expression words\n", path,
			*goal, cnt);
		free(buf);
		return BCF_EXIT_INVALID;
	}
	e = (const struct bcf_expr *)&w[1 + *goal];
	cnt = *goal + 1 + e->vlen;
	is_hdr = calloc(cnt, 1);
	if (!is_hdr) {
		free(buf);
		return BCF_EXIT_USAGE;
	}
	err = bcf_table__scan(w + 1, cnt, is_hdr, &bad, &why);
	if (!err && (!is_hdr[*goal] || BCF_TYPE(e->code) != BCF_BOOL)) {
		bad = *goal;
		why = is_hdr[*goal] ? "the goal is not boolean" : "the goal id is not a node";
		err = -EINVAL;
	}
	free(is_hdr);
	if (err) {
		fprintf(stderr, "bcf check: %s: goal expression %u: %s\n", path, bad, why);
		free(buf);
		return BCF_EXIT_INVALID;
	}
	memmove(w, w + 1, (size_t)cnt * 4);
	*words = w;
	*n = cnt;
	return BCF_EXIT_OK;
}

enum { OPT_COND = 256, OPT_GOAL, OPT_PATH, OPT_JSON, OPT_COMPAT };

int cmd_check(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "cond", required_argument, NULL, OPT_COND },
		{ "goal", required_argument, NULL, OPT_GOAL },
		{ "path", no_argument, NULL, OPT_PATH },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "kernel-compat", no_argument, NULL, OPT_COMPAT },
		{ NULL, 0, NULL, 0 },
	};
	const char *cond_path = NULL, *goal_path = NULL, *proof_path = NULL;
	bool path = false, verbose = false, json = false, compat = false;
	BCF_OPTS(bcf_check_stats, stats);
	struct bcf_cond *cond = NULL;
	uint32_t *goal_buf = NULL, n = 0, goal = 0;
	const uint32_t *goal_words = NULL;
	uint64_t t0 = 0, t1 = 0;
	char *proof = NULL;
	uint64_t us;
	size_t len;
	int ch, err, ret;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "hv", lo)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return BCF_EXIT_OK;
		case OPT_COND:
			cond_path = optarg;
			break;
		case OPT_GOAL:
			goal_path = optarg;
			break;
		case OPT_PATH:
			path = true;
			break;
		case 'v':
			verbose = true;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_COMPAT:
			compat = true;
			break;
		default:
			usage(stderr);
			return BCF_EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "bcf check: more than one proof file\n");
		return BCF_EXIT_USAGE;
	}
	proof_path = optind < argc ? argv[optind] : NULL;
	if (!proof_path || (cond_path && goal_path) || (path && !cond_path)) {
		usage(stderr);
		return BCF_EXIT_USAGE;
	}

	if (cond_path) {
		ret = cli_load_cond(cond_path, &cond);
		if (ret)
			return ret;
		goal = path ? cond->path_cond : cond->refine_cond;
		if (goal == BCF_COND_NONE) {
			fprintf(stderr, "bcf check: %s: the condition has no %s\n", cond_path,
				path ? "path_cond" : "refine_cond");
			bcf_cond__free(cond);
			return BCF_EXIT_INVALID;
		}
		goal_words = bcf_arena__words(cond->arena, &n);
	} else if (goal_path) {
		ret = load_goal_file(goal_path, &goal_buf, &n, &goal);
		if (ret)
			return ret;
		goal_words = goal_buf;
	}

	err = bcf__file_read(proof_path, PROOF_READ_LIMIT, &proof, &len);
	if (err) {
		fprintf(stderr, "bcf check: %s: %s\n", proof_path, strerror(-err));
		ret = BCF_EXIT_USAGE;
		goto out;
	}

	{
		BCF_OPTS(bcf_check_opts, opts,
			 .mode = compat ? BCF_CHECK_KERNEL_COMPAT : BCF_CHECK_STRICT,
			 .log_level = verbose ? 3 : 0,
			 .log = log_to,
			 .log_ctx = json ? stderr : stdout,
			 .stats = &stats);

		t0 = bcf__mono_us();
		err = bcf_check_proof(goal_words, n, goal, proof, len, &opts);
		t1 = bcf__mono_us();
	}
	us = t1 - t0;
	fflush(stdout);
	if (json) {
		print_json(err, &stats, bcf_last_error(), us);
	} else if (err) {
		fprintf(stderr, "bcf check: %s: rejected: %s (%s)\n", proof_path, bcf_last_error(),
			errno_name(err));
	} else if (!verbose) {
		if (stats.trusted_steps)
			printf("accepted (%u steps, %u trusted)\n", stats.steps,
			       stats.trusted_steps);
		else
			printf("accepted (%u steps)\n", stats.steps);
	}
	ret = err ? BCF_EXIT_INVALID : BCF_EXIT_OK;
out:
	free(proof);
	free(goal_buf);
	bcf_cond__free(cond);
	return ret;
}
