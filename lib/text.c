/* text.c: checking user text for control characters, and escaping them
 * (and bidi formatting characters) wherever text is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const struct text_class text_forbidden[2] = {
	[TEXT_LINE] = { { 0x00, 0x7F, 0x2028 }, { 0x1F, 0x9F, 0x2029 }, 3 },
	[TEXT_LINES] = { { 0x00, 0x0B, 0x7F, 0x2028 }, { 0x08, 0x1F, 0x9F, 0x2029 }, 4 },
};

long
text_char(const char *str, size_t *len)
{
	const unsigned char *s = (const unsigned char *)str;
	static const unsigned long min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 :
	    s[0] >= 0xE0 && s[0] < 0xF0 ? 3 : s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : 0;
	*len = 1;
	if (!n)
		return -1;
	unsigned long c = n == 1 ? s[0] : s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*len = n;
	return (long)c;
}

static int
bidi(long c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069);
}

static int
in_class(const struct text_class *k, long c)
{
	for (int i = 0; i < k->n; i++)
		if ((unsigned long)c >= k->lo[i] && (unsigned long)c <= k->hi[i])
			return 1;
	return 0;
}

int
text_unsafe(const char *s)
{
	size_t len;
	long c = text_char(s, &len);
	return c < 0 || in_class(&text_forbidden[TEXT_LINE], c) || bidi(c);
}

size_t
text_escape_char(struct buf *b, const char *s)
{
	size_t len;
	long c = text_char(s, &len);
	if (c == '\n')
		buf_puts(b, "\\n");
	else if (c == '\t')
		buf_puts(b, "\\t");
	else if (c == '\r')
		buf_puts(b, "\\r");
	else if (c < 0)
		buf_printf(b, "\\x%02x", (unsigned char)*s);
	else if (c < 0x20 || c == 0x7F)
		buf_printf(b, "\\x%02lx", c);
	else if (in_class(&text_forbidden[TEXT_LINE], c) || bidi(c))
		buf_printf(b, "\\u%04lx", c);
	else
		buf_add(b, s, len);
	return len;
}

void
text_escape(struct buf *b, const char *s)
{
	while (s && *s)
		s += text_escape_char(b, s);
}

void
text_oneline(struct buf *b, const char *s)
{
	while (s && *s) {
		if (*s == '\n' || *s == '\t')
			buf_add(b, " ", 1), s++;
		else
			s += text_escape_char(b, s);
	}
}

int
text_class_check(const struct text_class *k, const char *s, char esc[12])
{
	while (*s) {
		size_t len = 1;
		unsigned char u = (unsigned char)*s;
		long c = u < 0x80 ? u : text_char(s, &len);     /* most text is ASCII */
		if (c >= 0 && in_class(k, c)) {
			struct buf b = { 0 };
			text_escape_char(&b, s);
			memcpy(esc, b.p, b.len + 1);    /* at most 6 bytes */
			buf_free(&b);
			return -1;
		}
		s += len;
	}
	return 0;
}

int
text_check(const char *s, int kind, char esc[12])
{
	if (text_class_check(&text_forbidden[kind], s, esc) < 0)
		return -1;
	for (size_t len; *s; s += len)
		if (text_char(s, &len) < 0) {
			esc[0] = 0;
			return -1;
		}
	return 0;
}

/* One \uHHHH escape of a pattern. */
static int
uescape(const char **p, unsigned long *c)
{
	const char *s = *p;
	if (s[0] != '\\' || s[1] != 'u' || strspn(s + 2, "0123456789abcdefABCDEF") < 4)
		return -1;
	char hex[5] = { s[2], s[3], s[4], s[5], 0 };
	*c = strtoul(hex, NULL, 16);
	*p = s + 6;
	return 0;
}

int
text_class_parse(struct text_class *k, const char *p)
{
	k->n = 0;
	if (strncmp(p, "^[^", 3))
		return -1;
	for (p += 3; *p != ']'; k->n++) {
		if (k->n == 16 || uescape(&p, &k->lo[k->n]) < 0)
			return -1;
		k->hi[k->n] = k->lo[k->n];
		if (*p == '-' && (p++, uescape(&p, &k->hi[k->n]) < 0 || k->hi[k->n] < k->lo[k->n]))
			return -1;
	}
	return k->n && !strcmp(p, "]*$") ? 0 : -1;
}
