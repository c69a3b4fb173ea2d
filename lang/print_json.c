// SPDX-License-Identifier: MIT
/*
 * JSON description of the DAG below a root:
 *   {"root":R,"nodes":[{"id":..,"op":"bv_add","width":..,"params":..,"args":[..]},...]}
 * Nodes reachable from the root, ascending ids (arguments before users).
 * bv nodes carry "width"; bv constants "value" (decimal string) and no args;
 * bool constants "value" (true/false); variables "name".  No recursion.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "lang/arena.h"
#include "lang/error.h"
#include "lang/print_buf.h"


int bcf_print__json(const struct bcf_arena *a, uint32_t root, char **out)
{
	struct pbuf o = { 0 };
	uint8_t *live;
	uint32_t id, i;
	bool first = true;

	*out = NULL;
	if (!a || root >= a->len || !a->is_hdr[root])
		return bcf__err(-EINVAL, "root %u is not an expression id", root);
	live = calloc((size_t)root + 1, 1);
	if (!live)
		return -ENOMEM;
	live[root] = 1;
	for (id = root + 1; id-- > 0;) {
		const struct bcf_expr *e = arena_expr(a, id);

		if (!live[id] || !a->is_hdr[id] || bcf_is_leaf(e))
			continue;
		for (i = 0; i < e->vlen; i++)
			live[e->args[i]] = 1;
	}
	pbuf_putf(&o, "{\"root\":%u,\"nodes\":[", root);
	for (id = 0; id <= root; id++) {
		const struct bcf_expr *e = arena_expr(a, id);
		const char *name = bcf_code__name(e->code);

		if (!live[id] || !a->is_hdr[id])
			continue;
		pbuf_putf(&o, "%s{\"id\":%u,\"op\":\"%s\"", first ? "" : ",", id,
			  name ? name : "invalid");
		first = false;
		if (bcf_is_bv(e))
			pbuf_putf(&o, ",\"width\":%u", bcf_expr__width(e));
		if (e->params && e->code != BCF_BOOL_VAL)
			pbuf_putf(&o, ",\"params\":%u", e->params);
		if (e->code == BCF_BV_VAL) {
			pbuf_putf(&o, ",\"value\":\"%" PRIu64 "\"}", bcf_expr__bv_value(e));
			continue;
		}
		if (e->code == BCF_BOOL_VAL) {
			pbuf_putf(&o, ",\"value\":%s}", e->params & 1 ? "true" : "false");
			continue;
		}
		if (bcf_is_var(e)) {
			const char *vn = bcf_arena__var_name(a, id);
			char buf[24];

			if (!vn) {
				snprintf(buf, sizeof(buf), "%c%u", bcf_is_bv(e) ? 'v' : 'b', id);
				vn = buf;
			}
			pbuf_puts(&o, ",\"name\":");
			pbuf_json_str(&o, vn);
			pbuf_putc(&o, '}');
			continue;
		}
		pbuf_puts(&o, ",\"args\":[");
		for (i = 0; i < e->vlen; i++)
			pbuf_putf(&o, "%s%u", i ? "," : "", e->args[i]);
		pbuf_puts(&o, "]}");
	}
	pbuf_puts(&o, "]}\n");
	free(live);
	return pbuf_finish(&o, out);
}
