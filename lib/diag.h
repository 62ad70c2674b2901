/* diag.h: diagnostics in one format everywhere: FILE:LINE:COL: rule: message. */
#ifndef BTI_DIAG_H
#define BTI_DIAG_H

#include <stdio.h>

struct diag {
	char *file;             /* may be NULL when no file is involved */
	int line, col;          /* 0 when unknown */
	char *rule;
	char *msg;
	int warning;
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors;          /* entries that are not warnings */
};

void diag_add(struct diags *dg, const char *file, int line, int col,
    const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void diag_warn(struct diags *dg, const char *file, int line, int col,
    const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Prints each diagnostic as "[prefix: ]file:line:col: rule: message". */
void diag_print(const struct diags *dg, const char *prefix, FILE *fp);
void diags_free(struct diags *dg);

#endif
