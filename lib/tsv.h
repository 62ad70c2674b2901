/* tsv.h: text fields that never break a tab-separated line. */
#ifndef BTI_TSV_H
#define BTI_TSV_H

#include "util.h"

/* Appends s with backslash, tab, newline and carriage return written as
 * \\, \t, \n and \r. */
void tsv_escape(struct buf *b, const char *s);
/* Undoes tsv_escape in place. */
void tsv_unescape(char *s);

#endif
