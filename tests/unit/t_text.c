/* t_text.c: control and bidi characters: checks, escapes, and the schema's
 * patterns agreeing with the checks the commands make. */
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "schema.h"
#include "tap.h"
#include "text.h"

static char out[256];

static const char *
esc(const char *s)
{
	struct buf b = { 0 };
	text_escape(&b, s);
	snprintf(out, sizeof out, "%s", b.p ? b.p : "");
	buf_free(&b);
	return out;
}

static int
has(const struct text_class *k, unsigned long c)
{
	for (int i = 0; i < k->n; i++)
		if (c >= k->lo[i] && c <= k->hi[i])
			return 1;
	return 0;
}

/* The same set of code points. */
static int
same_class(const struct text_class *a, const struct text_class *b)
{
	for (unsigned long c = 0; c <= 0x10FFFF; c++)
		if (has(a, c) != has(b, c))
			return 0;
	return 1;
}

static const char *
pattern(const struct schema *s, const char *def)
{
	return map_str(map_get(map_get(s->d.root, "$defs"), def), "pattern");
}

int
main(void)
{
	char e[12];
	is_str(esc("Kari\nL\xc3\xa6rer"), "Kari\\nL\xc3\xa6rer", "a newline as \\n, æ as it is");
	is_str(esc("a\tb\rc"), "a\\tb\\rc", "tab and carriage return");
	is_str(esc("\x1b[31m\x07\x7f"), "\\x1b[31m\\x07\\x7f", "ESC, BEL and DEL as \\xHH");
	is_str(esc("\xc2\x85 \xc2\x9b"), "\\u0085 \\u009b", "C1 controls as \\uHHHH");
	is_str(esc("a\xe2\x80\xa8" "b\xe2\x80\xa9"), "a\\u2028b\\u2029", "line and paragraph separators");
	is_str(esc("\xe2\x80\xae" "abc\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\x8e\xd8\x9c"),
	    "\\u202eabc\\u2066\\u2069\\u200e\\u061c", "bidi overrides, isolates and marks");
	is_str(esc("Ol\xe5 \xc3"), "Ol\\xe5 \\xc3", "bytes that are not UTF-8 as \\xHH");
	is_str(esc("\xc0\xaf"), "\\xc0\\xaf", "an overlong sequence is not UTF-8");
	is_str(esc("C:\\temp \xf0\x9f\x98\x80"), "C:\\temp \xf0\x9f\x98\x80", "backslash and emoji as they are");
	struct buf b = { 0 };
	text_oneline(&b, "a\nb\tc\x1b");
	is_str(b.p, "a b c\\x1b", "one line: tab and newline as spaces, the rest escaped");
	buf_free(&b);

	ok(text_check("Kari Lærer", TEXT_LINE, e) == 0, "a name is one line");
	ok(text_check("Skole\n", TEXT_LINE, e) < 0 && !strcmp(e, "\\n"), "a newline in a name is found");
	ok(text_check("a\nb\tc", TEXT_LINES, e) == 0, "text may hold newlines and tabs");
	ok(text_check("a\rb", TEXT_LINES, e) < 0 && !strcmp(e, "\\r"), "but no carriage return");
	ok(text_check("a\xc2\x85", TEXT_LINES, e) < 0 && !strcmp(e, "\\u0085"), "nor NEL");
	ok(text_check("a\xe2\x80\xa8", TEXT_LINES, e) < 0, "nor U+2028");
	ok(text_check("\xe2\x80\xae" "x", TEXT_LINE, e) == 0, "bidi characters are allowed (shown escaped)");
	ok(text_check("Ol\xe5", TEXT_LINE, e) < 0 && !*e, "not UTF-8: refused, no character named");
	ok(text_class_check(&text_forbidden[TEXT_LINE], "Ol\xe5", e) == 0,
	    "the class check passes over bytes that are not UTF-8");

	struct text_class k;
	ok(text_class_parse(&k, "^[^\\u0041-\\u005A\\u0030]*$") == 0 && k.n == 2 && k.lo[0] == 0x41 &&
	    k.hi[0] == 0x5A && k.lo[1] == 0x30 && k.hi[1] == 0x30, "a class pattern parses");
	ok(text_class_check(&k, "abc", e) == 0 && text_class_check(&k, "ab0", e) < 0, "and matches");
	ok(text_class_parse(&k, "^[0-9]{11}$") < 0, "other patterns are left to regex.h");
	ok(text_class_parse(&k, "^[^\\u005A-\\u0041]*$") < 0, "a backward range is not a class");
	ok(text_class_parse(&k, "^[^\\u00]*$") < 0, "a short escape is not a class");

	size_t len;
	const char *text = embedded_file("schema/case.schema.json", &len);
	struct schema s;
	struct diags dg = { 0 };
	ok(schema_parse(&s, "case.schema.json", text, len, &dg) == 0, "the schema parses");
	struct text_class name, line, free_text;
	ok(text_class_parse(&name, pattern(&s, "name")) == 0 &&
	    same_class(&name, &text_forbidden[TEXT_LINE]), "schema name: the one-line rule of the commands");
	ok(text_class_parse(&line, pattern(&s, "line")) == 0 &&
	    same_class(&line, &text_forbidden[TEXT_LINE]), "schema line: the one-line rule");
	ok(text_class_parse(&free_text, pattern(&s, "text")) == 0 &&
	    same_class(&free_text, &text_forbidden[TEXT_LINES]), "schema text: the multi-line rule");
	schema_free(&s);
	diags_free(&dg);
	return done_testing();
}
