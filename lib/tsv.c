/* tsv.c: escaping fields for tab-separated lines. */
#include "tsv.h"

void
tsv_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		const char *e = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" :
		    *s == '\r' ? "\\r" : NULL;
		if (e)
			buf_add(b, e, 2);
		else
			buf_add(b, s, 1);
	}
}

void
tsv_unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = 0;
}
