/* fold.c: case and accent folding for names, Latin script. */
#include <string.h>

#include "fold.h"

/* The letter under each of U+0100..U+017F without its accent; '?' for the
 * ligatures, which become two letters. */
static const char ext_a[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllll"
	"nnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
/* The same for U+00E0..U+00FF; '?' where it is not a letter or is two. */
static const char latin1[] = "aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
_Static_assert(sizeof ext_a == 129 && sizeof latin1 == 33, "one letter per code point");

/* Decodes one UTF-8 sequence (already valid: it comes from a case file or
 * the command line; an invalid byte is taken as it is). */
static unsigned
decode(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = *s;
	if (c >= 0xc0 && c < 0xe0 && (s[1] & 0xc0) == 0x80) {
		*p += 2;
		return (c & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if (c >= 0xe0 && c < 0xf0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
		*p += 3;
		return (c & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	if (c >= 0xf0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80) {
		*p += 4;
		return (c & 0x07) << 18 | (s[1] & 0x3f) << 12 | (s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	}
	*p += 1;
	return c;
}

static void
encode(struct buf *b, unsigned c)
{
	char o[4];
	size_t n;
	if (c < 0x80) {
		o[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		o[0] = (char)(0xf0 | c >> 18);
		o[1] = (char)(0x80 | (c >> 12 & 0x3f));
		o[2] = (char)(0x80 | (c >> 6 & 0x3f));
		o[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	buf_add(b, o, n);
}

static unsigned
lower(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return c + (c & 1);
	return c == 0x178 ? 0xff : c;
}

/* A folded letter without its accent, into b. */
static void
plain(struct buf *b, unsigned c)
{
	const char *two = c == 0xe6 ? "ae" : c == 0x153 ? "oe" : c == 0x133 ? "ij" :
	    c == 0xdf ? "ss" : c == 0xfe ? "th" : NULL;
	char one = c >= 0xe0 && c <= 0xff ? latin1[c - 0xe0] :
	    c >= 0x100 && c <= 0x17f ? ext_a[c - 0x100] : 0;
	if (two)
		buf_puts(b, two);
	else if (one && one != '?')
		buf_add(b, &one, 1);
	else
		encode(b, c);
}

void
fold_name(struct buf *b, const char *s, int fuzzy)
{
	const unsigned char *p = (const unsigned char *)s;
	int inword = 0;
	while (*p) {
		unsigned c = lower(decode(&p));
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == 0xa0) {
			if (inword)
				buf_puts(b, " ");
			inword = 0;
			continue;
		}
		inword = 1;
		if (fuzzy)
			plain(b, c);
		else
			encode(b, c);
	}
	if (inword)
		buf_puts(b, " ");
	buf_add(b, "", 0);
}

int
fold_match(const char *name, const char *text, int fuzzy)
{
	struct buf n = { 0 }, t = { 0 };
	buf_puts(&n, " ");
	fold_name(&n, name, fuzzy);
	buf_puts(&t, " ");
	fold_name(&t, text, fuzzy);
	int ok = t.len > 1;
	/* Each " word " of the text in " the name's words ". */
	for (size_t i = 1; ok && i < t.len;) {
		char *sp = strchr(t.p + i, ' '), save = sp[1];
		sp[1] = 0;
		ok = strstr(n.p, t.p + i - 1) != NULL;
		sp[1] = save;
		i = (size_t)(sp - t.p) + 1;
	}
	buf_free(&n);
	buf_free(&t);
	return ok;
}
