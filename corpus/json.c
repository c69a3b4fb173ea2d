// SPDX-License-Identifier: MIT
/* Minimal JSON writer and reader for results files (see corpus/json.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/json.h"

static bool sbuf_reserve(struct sbuf *b, size_t more)
{
	size_t cap;
	char *s;

	if (b->oom)
		return false;
	if (b->len + more + 1 <= b->cap)
		return true;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	s = realloc(b->s, cap);
	if (!s) {
		b->oom = true;
		return false;
	}
	b->s = s;
	b->cap = cap;
	return true;
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !sbuf_reserve(b, n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

void sbuf_json_str(struct sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	sbuf_printf(b, "\"");
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			sbuf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			sbuf_printf(b, "\\n");
		else if (*p == '\t')
			sbuf_printf(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			sbuf_printf(b, "\\u%04x", *p);
		else
			sbuf_printf(b, "%c", *p);
	}
	sbuf_printf(b, "\"");
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

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
	struct sbuf b = { 0 };

	if (*r->p != '"') {
		r->err = "expected a string";
		return NULL;
	}
	r->p++;
	while (*r->p && *r->p != '"') {
		if (*r->p == '\\') {
			r->p++;
			switch (*r->p) {
			case 'n': sbuf_printf(&b, "\n"); break;
			case 't': sbuf_printf(&b, "\t"); break;
			case 'r': sbuf_printf(&b, "\r"); break;
			case 'b': sbuf_printf(&b, "\b"); break;
			case 'f': sbuf_printf(&b, "\f"); break;
			case '/': case '\\': case '"': sbuf_printf(&b, "%c", *r->p); break;
			case 'u': {
				unsigned v;

				if (sscanf(r->p + 1, "%4x", &v) != 1) {
					r->err = "bad \\u escape";
					sbuf_free(&b);
					return NULL;
				}
				sbuf_printf(&b, "%c", v < 0x80 ? (char)v : '?');
				r->p += 4;
				break;
			}
			default:
				r->err = "bad escape";
				sbuf_free(&b);
				return NULL;
			}
			r->p++;
			continue;
		}
		sbuf_printf(&b, "%c", *r->p);
		r->p++;
	}
	if (*r->p != '"') {
		r->err = "unterminated string";
		sbuf_free(&b);
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
