/* SPDX-License-Identifier: MIT */
/* A growable text buffer for the printers (smt2, json). */
#ifndef BCF_LANG_PRINT_BUF_H
#define BCF_LANG_PRINT_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct pbuf {
	char *s;
	size_t len, cap;
	bool oom; /* an allocation failed; further appends are dropped */
};

void pbuf_putf(struct pbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pbuf_puts(struct pbuf *b, const char *s);
void pbuf_putc(struct pbuf *b, char c);
/* s as a quoted JSON string (", \\ and control characters escaped). */
void pbuf_json_str(struct pbuf *b, const char *s);
/* Hand the text over (*out, NUL-terminated) or free it; returns 0 or -ENOMEM. */
int pbuf_finish(struct pbuf *b, char **out);
void pbuf_free(struct pbuf *b);

#endif
