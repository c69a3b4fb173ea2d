// SPDX-License-Identifier: MIT
/* Minimal JSON writer and reader for results files (see corpus/json.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/json.h"

/* ---- reader ---- */

struct reader {
	const char *p;
	const char *err;
};

static void skip_ws(struct reader *r)
{
	while (*r->p && isspace((unsigned char)*r->p))
		r->p++;
}

static char *parse_string(struct reader *r)
{
	struct pbuf b = { 0 };

	if (*r->p != '"') {
		r->err = "expected a string";
		return NULL;
	}
	r->p++;
	while (*r->p && *r->p != '"') {
		if (*r->p == '\\') {
			r->p++;
			switch (*r->p) {
			case 'n': pbuf_putc(&b, '\n'); break;
			case 't': pbuf_putc(&b, '\t'); break;
			case 'r': pbuf_putc(&b, '\r'); break;
			case 'b': pbuf_putc(&b, '\b'); break;
			case 'f': pbuf_putc(&b, '\f'); break;
			case '/': case '\\': case '"': pbuf_putc(&b, *r->p); break;
			case 'u': {
				unsigned v;

				if (sscanf(r->p + 1, "%4x", &v) != 1) {
					r->err = "bad \\u escape";
					pbuf_free(&b);
					return NULL;
				}
				pbuf_putc(&b, v < 0x80 ? (char)v : '?');
				r->p += 4;
				break;
			}
			default:
				r->err = "bad escape";
				pbuf_free(&b);
				return NULL;
			}
			r->p++;
			continue;
		}
		pbuf_putc(&b, *r->p);
		r->p++;
	}
	if (*r->p != '"') {
		r->err = "unterminated string";
		pbuf_free(&b);
		return NULL;
	}
	r->p++;
	if (!b.s)
		return strdup("");
	return b.s;
}

static struct json_obj *parse_obj(struct reader *r, int depth);

static int parse_value(struct reader *r, struct json_field *f, int depth)
{
	skip_ws(r);
	if (*r->p == '"') {
		f->str = parse_string(r);
		return f->str ? 0 : -1;
	}
	if (*r->p == '{') {
		if (depth >= 2) {
			r->err = "nesting too deep";
			return -1;
		}
		f->obj = parse_obj(r, depth + 1);
		return f->obj ? 0 : -1;
	}
	if (!strncmp(r->p, "true", 4)) {
		f->is_num = true;
		f->num = 1;
		r->p += 4;
		return 0;
	}
	if (!strncmp(r->p, "false", 5)) {
		f->is_num = true;
		f->num = 0;
		r->p += 5;
		return 0;
	}
	if (!strncmp(r->p, "null", 4)) {
		r->p += 4;
		return 0;
	}
	{
		char *end;

		f->num = strtod(r->p, &end);
		if (end == r->p) {
			r->err = "expected a value";
			return -1;
		}
		f->is_num = true;
		r->p = end;
	}
	return 0;
}

static struct json_obj *parse_obj(struct reader *r, int depth)
{
	struct json_obj *o;

	skip_ws(r);
	if (*r->p != '{') {
		r->err = "expected '{'";
		return NULL;
	}
	r->p++;
	o = calloc(1, sizeof(*o));
	if (!o) {
		r->err = "out of memory";
		return NULL;
	}
	skip_ws(r);
	if (*r->p == '}') {
		r->p++;
		return o;
	}
	for (;;) {
		struct json_field *f;

		if (o->n == JSON_MAX_FIELDS) {
			r->err = "too many fields";
			goto fail;
		}
		f = &o->f[o->n++];
		skip_ws(r);
		f->key = parse_string(r);
		if (!f->key)
			goto fail;
		skip_ws(r);
		if (*r->p != ':') {
			r->err = "expected ':'";
			goto fail;
		}
		r->p++;
		if (parse_value(r, f, depth))
			goto fail;
		skip_ws(r);
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		if (*r->p == '}') {
			r->p++;
			return o;
		}
		r->err = "expected ',' or '}'";
		goto fail;
	}
fail:
	json_free(o);
	return NULL;
}

struct json_obj *json_parse(const char *text, const char **err)
{
	struct reader r = { text, NULL };
	struct json_obj *o = parse_obj(&r, 0);

	if (o) {
		skip_ws(&r);
		if (*r.p) {
			json_free(o);
			o = NULL;
			r.err = "trailing characters";
		}
	}
	if (err)
		*err = r.err;
	return o;
}

void json_free(struct json_obj *o)
{
	int i;

	if (!o)
		return;
	for (i = 0; i < o->n; i++) {
		free(o->f[i].key);
		free(o->f[i].str);
		json_free(o->f[i].obj);
	}
	free(o);
}

const struct json_field *json_get(const struct json_obj *o, const char *key)
{
	int i;

	for (i = 0; o && i < o->n; i++)
		if (o->f[i].key && !strcmp(o->f[i].key, key))
			return &o->f[i];
	return NULL;
}

const char *json_str(const struct json_obj *o, const char *key)
{
	const struct json_field *f = json_get(o, key);

	return f && f->str ? f->str : "";
}

double json_num(const struct json_obj *o, const char *key)
{
	const struct json_field *f = json_get(o, key);

	return f && f->is_num ? f->num : 0;
}
