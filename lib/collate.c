/* collate.c: the Norwegian alphabet over UTF-8. Small letters are made
 * from capitals for Basic Latin, Latin-1 and Latin Extended-A (Sámi names
 * too: Á, Č, Đ, Ŋ, Š, Ŧ, Ž); tests/bench/stats.py does the same. */
#include <string.h>

#include "collate.h"
#include "text.h"

/* The small letter of code point c, in the ranges above. */
static long
lower(long c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return c & 1 ? c + 1 : c;
	return c;
}

static int
space(long c)
{
	return c == ' ' || c == 0xA0;
}

/* A letter's place: a to z 1..26, æ 27, ø 28, å 29; 0 for no letter. */
static int
letter(long c)
{
	static const struct { long c; int to; } map[] = {
		{ 0xE0, 'a' }, { 0xE1, 'a' }, { 0xE2, 'a' }, { 0xE3, 'a' }, { 0xE4, 27 }, { 0xE5, 29 },
		{ 0xE6, 27 }, { 0xE7, 'c' }, { 0xE8, 'e' }, { 0xE9, 'e' }, { 0xEA, 'e' }, { 0xEB, 'e' },
		{ 0xEC, 'i' }, { 0xED, 'i' }, { 0xEE, 'i' }, { 0xEF, 'i' }, { 0xF1, 'n' }, { 0xF2, 'o' },
		{ 0xF3, 'o' }, { 0xF4, 'o' }, { 0xF5, 'o' }, { 0xF6, 28 }, { 0xF8, 28 }, { 0xF9, 'u' },
		{ 0xFA, 'u' }, { 0xFB, 'u' }, { 0xFC, 'y' }, { 0xFD, 'y' }, { 0xFF, 'y' },
		{ 0x101, 'a' }, { 0x10D, 'c' }, { 0x111, 'd' }, { 0x14B, 'n' }, { 0x161, 's' },
		{ 0x167, 't' }, { 0x17E, 'z' },
	};
	c = lower(c);
	if (c >= 'a' && c <= 'z')
		return (int)(c - 'a' + 1);
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].c == c)
			return map[i].to > 29 ? map[i].to - 'a' + 1 : map[i].to;
	return 0;
}

/* The weight of a character: signs below digits below letters below the
 * rest. */
static long
weight(long c)
{
	int l = letter(c);
	if (l)
		return 1000 + l;
	if (c >= '0' && c <= '9')
		return 500 + c;
	if (c < 128)
		return c;
	return 2000 + c;
}

static long
next(const char **s)
{
	size_t len;
	long c = text_char(*s, &len);
	*s += len ? len : 1;
	return c < 0 ? 0xFFFD : c;
}

int
nb_collate(const char *a, const char *b)
{
	const char *p = a, *q = b;
	while (*p && *q) {
		long x = weight(next(&p)), y = weight(next(&q));
		if (x != y)
			return x < y ? -1 : 1;
	}
	if (*p || *q)
		return *p ? 1 : -1;
	return strcmp(a, b);
}

/* The next character of a name, runs of spaces as one, none at the end. */
static long
name_char(const char **s)
{
	const char *t = *s;
	long c = next(s);
	if (!space(c))
		return lower(c);
	while (**s) {
		t = *s;
		if (!space(next(s))) {
			*s = t;
			return ' ';
		}
	}
	return 0;
}

int
nb_same_name(const char *a, const char *b)
{
	while (*a) {
		const char *t = a;
		if (!space(next(&t)))
			break;
		a = t;
	}
	while (*b) {
		const char *t = b;
		if (!space(next(&t)))
			break;
		b = t;
	}
	for (;;) {
		long x = *a ? name_char(&a) : 0, y = *b ? name_char(&b) : 0;
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
}
