// SPDX-License-Identifier: MIT
/*
 * One program of a BPF object, run inside a batch worker: load it with
 * bcf_loader__load_object (proof requests answered) and format its result
 * line (corpus/load_json.h), with the input path and hash added.  The
 * worker is a child of the bcf executable, so its bpf() calls take the
 * executable's route (the kernel, or the protocol double in tests).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/batch.h"
#include "corpus/load_json.h"
#include "corpus/sha256.h"
#include "lang/error.h"
#include "lang/fileio.h"

struct prog_ctx {
	const struct batch_item *it;
	const char *hash;
	struct pbuf b;
	bool done;
};

static void on_prog(void *ctx, const struct bcf_object_prog_result *r)
{
	struct prog_ctx *c = ctx;

	if (c->done)
		return;
	c->done = true;
	load_result_json(&c->b, c->it->name, r);
	/* splice the input fields in before the closing brace */
	if (c->b.len && c->b.s[c->b.len - 1] == '}') {
		c->b.len--;
		pbuf_putf(&c->b, ",\"input\":");
		pbuf_json_str(&c->b, c->it->path);
		pbuf_putf(&c->b, ",\"input_hash\":\"%s\"}", c->hash);
	}
}

int batch_load_status(const char *name)
{
	int s;

	for (s = 0; s < BCF_LOAD__NR; s++)
		if (!strcmp(name, bcf_load_status__name(s)))
			return s;
	return -1;
}

int batch_run_prog(const struct batch_item *it, const struct batch_opts *o, char **line)
{
	BCF_OPTS(bcf_loader_opts, lo, .solver = o->solver, .timeout_ms = o->timeout_s * 1000,
		 .save_dir = o->proof_dir);
	const char *progs[1] = { it->prog };
	BCF_OPTS(bcf_object_load_opts, oo, .progs = progs, .nprogs = 1);
	struct prog_ctx c = { .it = it };
	struct bcf_loader *l = NULL;
	char hash[65] = "", *raw = NULL;
	size_t len = 0;
	int err;

	if (!bcf__file_read(it->path, (size_t)1 << 30, &raw, &len))
		sha256_hex(raw, len, hash);
	free(raw);
	c.hash = hash;
	oo.on_prog = on_prog;
	oo.ctx = &c;
	err = bcf_loader__new(&lo, &l);
	if (!err)
		err = bcf_loader__load_object(l, it->path, &oo);
	bcf_loader__free(l);
	if (!c.done) {
		struct bcf_object_prog_result r = { .object = it->path, .prog = it->prog };

		r.load.status = BCF_LOAD_ERROR;
		r.load.err = err ? err : -EINVAL;
		snprintf(r.load.detail, sizeof(r.load.detail), "%s",
			 bcf_last_error()[0] ? bcf_last_error() : "the program was not loaded");
		on_prog(&c, &r);
	}
	if (c.b.oom) {
		pbuf_free(&c.b);
		return -ENOMEM;
	}
	*line = c.b.s;
	return 0;
}
