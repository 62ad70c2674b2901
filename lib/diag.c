/* diag.c: collecting and printing diagnostics. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"
#include "util.h"

static void
vadd(struct diags *dg, int warning, const char *file, int line, int col,
    const char *rule, const char *fmt, va_list ap)
{
	if (dg->n == dg->cap) {
		dg->cap = dg->cap ? dg->cap * 2 : 8;
		dg->v = xrealloc(dg->v, dg->cap * sizeof *dg->v);
	}
	struct diag *d = &dg->v[dg->n++];
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
	d->rule = xstrdup(rule);
	d->msg = xvasprintf(fmt, ap);
	d->warning = warning;
	if (!warning)
		dg->errors++;
}

void
diag_add(struct diags *dg, const char *file, int line, int col,
    const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(dg, 0, file, line, col, rule, fmt, ap);
	va_end(ap);
}

void
diag_warn(struct diags *dg, const char *file, int line, int col,
    const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(dg, 1, file, line, col, rule, fmt, ap);
	va_end(ap);
}

/* Control and bidi characters from input are shown escaped (text.h). */
void
diag_print(const struct diags *dg, const char *prefix, FILE *fp)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < dg->n; i++) {
		const struct diag *d = &dg->v[i];
		b.len = 0;
		if (prefix)
			buf_printf(&b, "%s: ", prefix);
		if (d->file) {
			text_escape(&b, d->file);
			if (d->line)
				buf_printf(&b, ":%d:%d", d->line, d->col);
			buf_puts(&b, ": ");
		}
		buf_puts(&b, d->warning ? "warning: " : "");
		text_escape(&b, d->rule);
		buf_puts(&b, ": ");
		text_escape(&b, d->msg);
		buf_puts(&b, "\n");
		fputs(b.p, fp);
	}
	buf_free(&b);
}

void
diags_free(struct diags *dg)
{
	for (size_t i = 0; i < dg->n; i++) {
		free(dg->v[i].file);
		free(dg->v[i].rule);
		free(dg->v[i].msg);
	}
	free(dg->v);
	memset(dg, 0, sizeof *dg);
}
