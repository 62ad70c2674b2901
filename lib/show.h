/* show.h: one case, whole, in the forms bti-show prints. */
#ifndef BTI_SHOW_H
#define BTI_SHOW_H

#include "cli.h"
#include "diag.h"
#include "util.h"

enum show_format { SHOW_YAML, SHOW_JSON, SHOW_MD, SHOW_HTML };

/* The show_format named by s, or -1. */
int show_format(const char *s);
/* Reads case id from HEAD of the repository at dir (NULL: the current
 * one), validates it and writes it to out: the file's bytes, JSON, the
 * Markdown summary or its HTML page (lang -1: bti.yaml's). Returns an exit
 * code; a malformed id is a refusal (1), as in every command. */
int show_case(const char *dir, const char *id, int format, int lang, struct buf *out,
    struct diags *dg);

#endif
