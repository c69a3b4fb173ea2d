// SPDX-License-Identifier: MIT
/*
 * Kernel condition buffers (spec/format.md 4.3): expression words, then
 * path_cond and refine_cond as u32 (0xffffffff = none).  Decoding scans
 * and type-checks the table like the kernel checker, checks the trailer,
 * and re-interns only the expressions reachable from the conditions into a
 * fresh hash-consed arena (variables stay distinct).  No recursion: the
 * reachable set is marked by one backward sweep, since arguments always
 * precede their users.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "lang/arena.h"
#include "lang/error.h"

#define COND_MAX_BYTES (1u << 30)

void bcf_cond__free(struct bcf_cond *c)
{
	if (!c)
		return;
	bcf_arena__free(c->arena);
	free(c);
}

static int check_root(const uint8_t *is_hdr, const uint32_t *w, uint32_t n, uint32_t id,
		      const char *which)
{
	if (id == BCF_COND_NONE)
		return 0;
	if (id >= n || !is_hdr[id])
		return bcf__err(-EINVAL, "%s %u is not the id of an expression (table has %u words)",
				which, id, n);
	if (BCF_TYPE(w[id] & 0xff) != BCF_BOOL)
		return bcf__err(-EINVAL, "%s %u is not boolean (expression %u is %s)", which, id,
				id, bcf_code__name(w[id] & 0xff));
	return 0;
}

int bcf_cond__decode(const void *buf, size_t size, struct bcf_cond **out)
{
	const uint32_t *w = buf;
	uint32_t n, path, refine, idx, i, bad, *map = NULL;
	uint8_t *is_hdr = NULL, *live = NULL;
	struct bcf_cond *c = NULL;
	const char *why;
	int err;

	*out = NULL;
	bcf__err_clear();
	if (size % 4)
		return bcf__err(-EINVAL, "size %zu is not a multiple of 4 (%zu stray bytes at offset %zu)",
				size, size % 4, size - size % 4);
	if (size < 8)
		return bcf__err(-EINVAL, "size %zu is too small for the two condition words", size);
	if (size > COND_MAX_BYTES)
		return bcf__err(-E2BIG, "size %zu exceeds the limit of %u bytes", size,
				COND_MAX_BYTES);
	n = size / 4 - 2;
	path = w[n];
	refine = w[n + 1];
	if (path == BCF_COND_NONE && refine == BCF_COND_NONE)
		return bcf__err(-EINVAL, "neither path_cond nor refine_cond is set");
	if (!n)
		return bcf__err(-EINVAL, "empty expression table");
	is_hdr = calloc(n, 1);
	live = calloc(n, 1);
	map = malloc((size_t)n * sizeof(*map));
	c = calloc(1, sizeof(*c));
	if (!is_hdr || !live || !map || !c) {
		err = -ENOMEM;
		goto out;
	}
	err = bcf_table__scan(w, n, is_hdr, &bad, &why);
	if (err) {
		err = bcf__err(err, "expression %u (word offset %u, %s): %s", bad, bad,
			       bad < n && bcf_code__name(w[bad] & 0xff) ?
			       bcf_code__name(w[bad] & 0xff) : "invalid code", why);
		goto out;
	}
	err = check_root(is_hdr, w, n, path, "path_cond");
	if (!err)
		err = check_root(is_hdr, w, n, refine, "refine_cond");
	if (err)
		goto out;
	if (path != BCF_COND_NONE)
		live[path] = 1;
	if (refine != BCF_COND_NONE)
		live[refine] = 1;
	/* backward sweep: a live node makes its arguments live */
	for (idx = n; idx-- > 0;) {
		const struct bcf_expr *e;

		if (!is_hdr[idx] || !live[idx])
			continue;
		e = (const struct bcf_expr *)&w[idx];
		if (e->code == BCF_BV_VAL)
			continue;
		for (i = 0; i < e->vlen; i++)
			live[e->args[i]] = 1;
	}
	c->arena = bcf_arena__new();
	if (!c->arena) {
		err = -ENOMEM;
		goto out;
	}
	for (idx = 0; idx < n; idx += ((const struct bcf_expr *)&w[idx])->vlen + 1) {
		const struct bcf_expr *e = (const struct bcf_expr *)&w[idx];
		uint32_t args[256];

		if (!live[idx])
			continue;
		if (bcf_is_var(e)) {
			char name[16];

			snprintf(name, sizeof(name), "%c%u", bcf_is_bv(e) ? 'v' : 'b', idx);
			err = bcf_arena__var(c->arena, BCF_TYPE(e->code),
					     BCF_EXPR_LOW(e->params), name, &map[idx]);
		} else {
			for (i = 0; i < e->vlen; i++)
				args[i] = e->code == BCF_BV_VAL ? e->args[i] : map[e->args[i]];
			err = bcf_arena__node(c->arena, e->code, e->params, args, e->vlen,
					      &map[idx]);
		}
		if (err) {
			char msg[512];

			/* copy first: the message is rebuilt in the same buffer */
			snprintf(msg, sizeof(msg), "%s", bcf_last_error());
			err = bcf__err(err, "expression %u: %s", idx, msg);
			goto out;
		}
	}
	c->path_cond = path == BCF_COND_NONE ? BCF_COND_NONE : map[path];
	c->refine_cond = refine == BCF_COND_NONE ? BCF_COND_NONE : map[refine];
	*out = c;
	c = NULL;
out:
	bcf_cond__free(c);
	free(is_hdr);
	free(live);
	free(map);
	return err;
}

int bcf_cond__encode(const struct bcf_cond *c, void **buf, size_t *size)
{
	uint32_t n, *w;
	const uint32_t *words = bcf_arena__words(c->arena, &n);

	w = malloc(((size_t)n + 2) * sizeof(*w));
	if (!w)
		return -ENOMEM;
	memcpy(w, words, (size_t)n * sizeof(*w));
	w[n] = c->path_cond;
	w[n + 1] = c->refine_cond;
	*buf = w;
	*size = ((size_t)n + 2) * sizeof(*w);
	return 0;
}
