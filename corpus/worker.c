// SPDX-License-Identifier: MIT
/*
 * One batch item, run inside a worker process: load the input, consult the
 * proof cache, prove, write the proof, format the result line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "corpus/batch.h"
#include "corpus/json.h"
#include "corpus/sha256.h"
#include "lang/fileio.h"
#include "checker/checker.h"
#include "lang/clock.h"

static bool has_ext(const char *p, const char *ext)
{
	size_t n = strlen(p), e = strlen(ext);

	return n > e && !strcmp(p + n - e, ext);
}

/* Load a .cond or .smt2 file; on error *msg is set. */
static int load(const char *path, char *raw, size_t len, struct bcf_cond **c)
{
	if (has_ext(path, ".smt2"))
		return bcf_smt2__parse(raw, len, path, c);
	return bcf_cond__decode(raw, len, c);
}

/* Key of the normalised condition: hash of its canonical encoding. */
static int cond_key(const struct bcf_cond *c, char key[65])
{
	size_t size;
	void *buf;
	int err = bcf_cond__encode(c, &buf, &size);

	if (err)
		return err;
	sha256_hex(buf, size, key);
	free(buf);
	return 0;
}

static char *cache_path(const char *dir, const char *key, const char *ext)
{
	char *p;

	if (asprintf(&p, "%s/%.2s/%s%s", dir, key, key, ext) < 0)
		return NULL;
	return p;
}

static void mkdir_parent(const char *path)
{
	char *d = strdup(path), *slash;

	if (!d)
		return;
	slash = strrchr(d, '/');
	if (slash) {
		*slash = '\0';
		mkdir(d, 0755);
	}
	free(d);
}

static void rules_json(struct pbuf *b, const struct bcf_rule_counts *rs)
{
	bool first = true;
	unsigned cls, id;

	pbuf_putf(b, "{");
	for (cls = 0; cls < 3; cls++)
		for (id = 0; id < 64; id++) {
			const char *name;

			if (!rs->n[cls][id])
				continue;
			name = bcf_rule__name((uint16_t)(cls << 13 | id));
			pbuf_putf(b, "%s\"%s\":%u", first ? "" : ",", name ? name : "?",
				    rs->n[cls][id]);
			first = false;
		}
	pbuf_putf(b, "}");
}

/*
 * Kernel-trusted steps of a cached proof, counted from its bytes by the
 * checker in kernel-compat mode (the ASSUME was compared when it was made).
 */
static int count_trusted(struct bcf_prove_result *res)
{
	BCF_OPTS(bcf_check_stats, st);
	BCF_OPTS(bcf_check_opts, co, .mode = BCF_CHECK_KERNEL_COMPAT, .stats = &st);
	int err = bcf_check_proof(NULL, 0, 0, res->proof, res->proof_size, &co);

	if (err)
		return err;
	res->kernel_trusted_steps = st.kernel_trusted_steps;
	res->kernel_trusted_rule_steps = st.kernel_trusted_rule_steps;
	memcpy(res->kernel_trusted_first, st.kernel_trusted_first,
	       sizeof(res->kernel_trusted_first));
	return 0;
}

static char *safe_name(const char *name)
{
	char *s = strdup(name), *p;

	for (p = s; p && *p; p++)
		if (*p == '/')
			*p = '_';
	return s;
}

int batch_run_one(const struct batch_item *it, const struct batch_opts *o, char **line)
{
	BCF_OPTS(bcf_prove_result, res);
	struct bcf_cond *c = NULL;
	struct rusage ru;
	char hash[65] = "", key[65] = "", *raw = NULL, *cached = NULL;
	size_t len = 0, clen = 0;
	struct pbuf b = { 0 };
	bool from_cache = false;
	double t0 = bcf__mono_s();
	int err;

	if (it->prog)
		return batch_run_prog(it, o, line);
	err = bcf__file_read(it->path, (size_t)1 << 30, &raw, &len);
	if (err) {
		res.status = BCF_PROVE_ERROR;
		snprintf(res.detail, sizeof(res.detail), "%s: %s", it->path, strerror(-err));
		goto out;
	}
	sha256_hex(raw, len, hash);
	err = load(it->path, raw, len, &c);
	if (err) {
		res.status = BCF_PROVE_ERROR;
		snprintf(res.detail, sizeof(res.detail), "%s", bcf_last_error());
		goto out;
	}
	if (o->cache_dir && !cond_key(c, key)) {
		char *jp = cache_path(o->cache_dir, key, ".json");
		char *pp = cache_path(o->cache_dir, key, ".bcf");

		if (jp && pp && !bcf__file_read(jp, 1 << 20, &cached, &clen)) {
			struct json_obj *j = json_parse(cached, NULL);
			const char *st = json_str(j, "status");
			int s;

			for (s = 0; j && s < BATCH_NSTATUS; s++)
				if (!strcmp(st, bcf_prove_status__name(s)))
					break;
			if (j && s < BATCH_NSTATUS) {
				res.status = s;
				res.steps = (uint32_t)json_num(j, "steps");
				snprintf(res.detail, sizeof(res.detail), "%s", json_str(j, "error"));
				res.solver = "cache";
				from_cache = true;
				if ((s == BCF_PROVE_PROVEN_PATH || s == BCF_PROVE_PROVEN_REFINE) &&
				    (bcf__file_read(pp, 64u << 20, (char **)&res.proof,
						    &res.proof_size) ||
				     count_trusted(&res))) {
					/* proof file missing or unreadable: prove again */
					free(res.proof);
					res.proof = NULL;
					from_cache = false;
				}
			}
			json_free(j);
		}
		free(jp);
		free(pp);
	}
	if (!from_cache) {
		BCF_OPTS(bcf_prove_opts, po, .solver = o->solver,
			 .timeout_ms = o->timeout_s * 1000);

		err = bcf_prove(c, &po, &res);
		if (err && res.status != BCF_PROVE_ERROR) {
			res.status = BCF_PROVE_ERROR;
			snprintf(res.detail, sizeof(res.detail), "%s", bcf_last_error());
		}
		if (o->cache_dir && key[0] && res.status != BCF_PROVE_ERROR &&
		    res.status != BCF_PROVE_UNKNOWN) {
			char *jp = cache_path(o->cache_dir, key, ".json");
			char *pp = cache_path(o->cache_dir, key, ".bcf");
			struct pbuf cj = { 0 };

			pbuf_putf(&cj, "{\"status\":\"%s\",\"steps\":%u,\"error\":",
				    bcf_prove_status__name(res.status), res.steps);
			pbuf_json_str(&cj, res.detail);
			pbuf_putf(&cj, "}\n");
			if (jp && pp && !cj.oom) {
				mkdir(o->cache_dir, 0755);
				mkdir_parent(jp);
				if (!res.proof || !bcf__file_write(pp, res.proof, res.proof_size))
					bcf__file_write(jp, cj.s, cj.len);
			}
			pbuf_free(&cj);
			free(jp);
			free(pp);
		}
	}
	if (o->proof_dir && res.proof) {
		char *sn = safe_name(it->name), *pp = NULL;

		if (sn && asprintf(&pp, "%s/%s.bcf", o->proof_dir, sn) >= 0) {
			mkdir(o->proof_dir, 0755);
			if (bcf__file_write(pp, res.proof, res.proof_size)) {
				res.status = BCF_PROVE_ERROR;
				snprintf(res.detail, sizeof(res.detail), "cannot write %s", pp);
			}
		}
		free(pp);
		free(sn);
	}
out:
	pbuf_putf(&b, "{\"name\":");
	pbuf_json_str(&b, it->name);
	pbuf_putf(&b, ",\"input\":");
	pbuf_json_str(&b, it->path);
	pbuf_putf(&b, ",\"input_hash\":\"%s\",\"status\":\"%s\",\"solver\":", hash,
		    bcf_prove_status__name(res.status));
	pbuf_json_str(&b, res.solver ? res.solver : "");
	pbuf_putf(&b, ",\"cached\":%s,\"time_s\":%.6f,\"solve_time_s\":%.6f,"
		    "\"proof_bytes\":%zu,\"steps\":%u,\"rules\":",
		    from_cache ? "true" : "false", bcf__mono_s() - t0, res.solve_time_s,
		    res.proof_size, res.steps);
	rules_json(&b, &res.rule_steps);
	pbuf_putf(&b, ",\"kernel_trusted_steps\":%u,\"kernel_trusted\":",
		    res.kernel_trusted_steps);
	rules_json(&b, &res.kernel_trusted_rule_steps);
	pbuf_putf(&b, ",\"kernel_trusted_first\":");
	pbuf_json_str(&b, res.kernel_trusted_first);
	/* the worker is one process per item: its peak RSS is this prove's */
	if (!getrusage(RUSAGE_SELF, &ru))
		pbuf_putf(&b, ",\"peak_rss_kb\":%ld", ru.ru_maxrss);
	pbuf_putf(&b, ",\"error\":");
	pbuf_json_str(&b, res.status == BCF_PROVE_PROVEN_PATH ||
			  res.status == BCF_PROVE_PROVEN_REFINE ? "" : res.detail);
	pbuf_putf(&b, "}");
	free(raw);
	free(cached);
	bcf_cond__free(c);
	bcf_prove_result__free(&res);
	if (b.oom) {
		pbuf_free(&b);
		return -ENOMEM;
	}
	*line = b.s;
	return 0;
}
