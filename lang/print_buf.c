// SPDX-License-Identifier: MIT
/* Growable text buffer used by the printers. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/print_buf.h"
#include "lang/grow.h"

static bool reserve(struct pbuf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (b->len + extra + 1 <= b->cap)
		return true;
	if (extra > SIZE_MAX - 1 - b->len ||
	    bcf__grow((void **)&b->s, &b->cap, b->len + extra + 1, 1)) {
		b->oom = true;
		return false;
	}
	return true;
}

void pbuf_putf(struct pbuf *b, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if ((size_t)n < sizeof(tmp)) {
		if (reserve(b, n)) {
			memcpy(b->s + b->len, tmp, n + 1);
			b->len += n;
		}
		return;
	}
	if (!reserve(b, n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

void pbuf_puts(struct pbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (!reserve(b, n))
		return;
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

void pbuf_putc(struct pbuf *b, char c)
{
	if (!reserve(b, 1))
		return;
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void pbuf_free(struct pbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int pbuf_finish(struct pbuf *b, char **out)
{
	if (b->oom || !reserve(b, 0)) {
		pbuf_free(b);
		return -ENOMEM;
	}
	b->s[b->len] = '\0';
	*out = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return 0;
}

void pbuf_json_str(struct pbuf *b, const char *s)
{
	pbuf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char ch = *s;

		if (ch == '"' || ch == '\\')
			pbuf_putf(b, "\\%c", ch);
		else if (ch == '\n')
			pbuf_puts(b, "\\n");
		else if (ch < 0x20 || ch == 0x7f)
			pbuf_putf(b, "\\u%04x", ch);
		else
			pbuf_putc(b, ch);
	}
	pbuf_putc(b, '"');
}
