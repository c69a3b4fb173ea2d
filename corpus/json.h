/* SPDX-License-Identifier: MIT */
/*
 * Minimal JSON for results files (written with lang/print_buf.h): a reader for one flat object per line whose values are strings,
 * numbers, booleans, null, or one level of nested object of numbers.
 */
#ifndef BCF_CORPUS_JSON_H
#define BCF_CORPUS_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/print_buf.h"

#define JSON_MAX_FIELDS 128

struct json_field {
	char *key;
	char *str;      /* string value (unescaped), or NULL */
	double num;     /* number / boolean value */
	bool is_num;
	struct json_obj *obj; /* nested object, or NULL */
};

struct json_obj {
	int n;
	struct json_field f[JSON_MAX_FIELDS];
};

/* Parse one object; returns NULL on malformed input (message in *err). */
struct json_obj *json_parse(const char *text, const char **err);
void json_free(struct json_obj *o);
const struct json_field *json_get(const struct json_obj *o, const char *key);
const char *json_str(const struct json_obj *o, const char *key); /* "" if absent */
double json_num(const struct json_obj *o, const char *key);      /* 0 if absent */

#endif
