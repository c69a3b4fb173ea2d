// SPDX-License-Identifier: MIT
/* Last-error text per thread and the pluggable print callback. */
#include <stdio.h>

#include "lang/error.h"

static _Thread_local char last_error[1024];

static int default_print(enum bcf_print_level level, const char *fmt, va_list ap)
{
	if (level > BCF_PRINT_WARN)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

static bcf_print_fn_t print_fn = default_print;

bcf_print_fn_t bcf_set_print(bcf_print_fn_t fn)
{
	bcf_print_fn_t old = print_fn;

	print_fn = fn;
	return old;
}

void bcf__print(enum bcf_print_level level, const char *fmt, ...)
{
	va_list ap;

	if (!print_fn)
		return;
	va_start(ap, fmt);
	print_fn(level, fmt, ap);
	va_end(ap);
}

const char *bcf_last_error(void)
{
	return last_error;
}

void bcf__err_clear(void)
{
	last_error[0] = '\0';
}

int bcf__err(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return err;
}
