/* words.c: shell-like splitting of a line into words (words.h). */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "words.h"

static int
blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* The character of the escape \ch inside $'...', or 0 when it is none. */
static char
c_escape(char ch)
{
	switch (ch) {
	case 'n': return '\n';
	case 't': return '\t';
	case '\\': return '\\';
	case '\'': return '\'';
	case '"': return '"';
	}
	return 0;
}

int
words_split(const char *line, char ***out, const char **err)
{
	char **w = xmalloc(sizeof *w);
	size_t n = 0;
	const char *p = line;
	*err = NULL;
	for (;;) {
		while (blank(*p))
			p++;
		if (!*p || *p == '#')
			break;
		struct buf b = { 0 };
		buf_add(&b, "", 0);
		while (*p && !blank(*p)) {
			if (*p == '\\') {
				if (!p[1]) {
					*err = "a backslash at the end of the line (a change is one line)";
					break;
				}
				buf_add(&b, p + 1, 1);
				p += 2;
			} else if (*p == '\'') {
				const char *end = strchr(p + 1, '\'');
				if (!end) {
					*err = "a single quote (') is not closed on the line";
					break;
				}
				buf_add(&b, p + 1, (size_t)(end - p - 1));
				p = end + 1;
			} else if (*p == '$' && p[1] == '\'') {
				for (p += 2; *p && *p != '\''; p++) {
					char ch = *p;
					if (ch == '\\' && p[1] && c_escape(p[1]))
						ch = c_escape(*++p);
					buf_add(&b, &ch, 1);
				}
				if (!*p) {
					*err = "a $'...' quote is not closed on the line";
					break;
				}
				p++;
			} else if (*p == '"') {
				for (p++; *p && *p != '"'; p++) {
					if (*p == '\\' && p[1] && strchr("\"\\$`", p[1]))
						p++;
					buf_add(&b, p, 1);
				}
				if (!*p) {
					*err = "a double quote (\") is not closed on the line";
					break;
				}
				p++;
			} else {
				buf_add(&b, p++, 1);
			}
		}
		if (*err) {
			buf_free(&b);
			break;
		}
		w = xrealloc(w, (n + 2) * sizeof *w);
		w[n++] = b.p;
	}
	w[n] = NULL;
	if (*err) {
		words_free(w);
		return -1;
	}
	*out = w;
	return (int)n;
}

void
words_free(char **w)
{
	for (size_t i = 0; w && w[i]; i++)
		free(w[i]);
	free(w);
}
