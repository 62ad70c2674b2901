/* text.h: control and bidi characters in user text: what input may hold,
 * and how output shows what it must not print raw. */
#ifndef BTI_TEXT_H
#define BTI_TEXT_H

#include "util.h"

/* What a field may hold. TEXT_LINE: one line, no control character at all
 * (names, services, kinds, ...). TEXT_LINES: free text that may also hold
 * line breaks (\n) and tabs (reasons, the concern, minutes, ...). Neither
 * may hold another C0 control, DEL, a C1 control, U+2028 or U+2029. */
enum { TEXT_LINE, TEXT_LINES };

/* A set of code points: the class of a schema "pattern" ^[^...]*$ (regex.h
 * matches bytes, not UTF-8 characters, so such patterns are matched here). */
struct text_class {
	unsigned long lo[16], hi[16];
	int n;
};

/* The code point at s and its length in bytes; -1 (length 1) for a byte
 * that does not start a valid, shortest UTF-8 sequence. */
long text_char(const char *s, size_t *len);

/* The characters kind forbids. */
extern const struct text_class text_forbidden[2];

/* 0 when s is UTF-8 without a character of kind's forbidden set. Otherwise
 * -1, with the first such character escaped into esc ("\n", "\x1b",
 * "\u2028"), or esc empty when s is not valid UTF-8. */
int text_check(const char *s, int kind, char esc[12]);

/* Parses pattern as "^[^CLASS]*$", CLASS made of \uHHHH escapes and ranges
 * of them. Returns 0, or -1 when the pattern has another form. */
int text_class_parse(struct text_class *c, const char *pattern);
/* 0 when no character of s is in c; else -1 with the first escaped into
 * esc. Bytes that are not UTF-8 are passed over (text_check finds them). */
int text_class_check(const struct text_class *c, const char *s, char esc[12]);

/* Appends the character at s, escaped when it must not be shown raw, and
 * returns its length in bytes. Escaped: \n \t \r; \xHH for the other C0
 * controls, DEL and bytes that are not UTF-8; \uHHHH for C1 controls,
 * U+2028, U+2029 and the bidi formatting characters (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069). A backslash stays as it is. */
size_t text_escape_char(struct buf *b, const char *s);
/* Whether the character at s is one text_escape_char escapes. */
int text_unsafe(const char *s);
/* Appends s with every such character escaped. */
void text_escape(struct buf *b, const char *s);
/* The same, but tabs and line breaks as spaces: multi-line text on one line
 * (the fields of TSV and CSV). */
void text_oneline(struct buf *b, const char *s);

#endif
