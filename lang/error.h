/* SPDX-License-Identifier: MIT */
/* Internal error reporting: the last error text of this thread, and the print callback. */
#ifndef BCF_LANG_ERROR_H
#define BCF_LANG_ERROR_H

#include <bcf/bcf.h>

/* Record a message as this thread's last error and return err (a negative errno). */
int bcf__err(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Clear the last error. */
void bcf__err_clear(void);
/* Print through the user's callback. */
void bcf__print(enum bcf_print_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define bcf__warn(...) bcf__print(BCF_PRINT_WARN, __VA_ARGS__)
#define bcf__info(...) bcf__print(BCF_PRINT_INFO, __VA_ARGS__)
#define bcf__debug(...) bcf__print(BCF_PRINT_DEBUG, __VA_ARGS__)

#endif
