/* t_yaml.c: the strict reader, the deterministic writer, and round trips. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "yamlio.h"

static int
parse_len(struct doc *d, const char *text, size_t len, struct diags *dg)
{
	doc_init(d, "t.yaml");
	return yaml_read(d, text, len, dg);
}

static int
parse(struct doc *d, const char *text, struct diags *dg)
{
	return parse_len(d, text, strlen(text), dg);
}

/* Parses len bytes and returns the first diagnostic as "LINE:COL: rule:
 * message", or "ok". */
static const char *
diag_of_len(const char *text, size_t len)
{
	static char out[512];
	struct doc d;
	struct diags dg = { 0 };
	int rc = parse_len(&d, text, len, &dg);
	if (rc == 0 || !dg.n)
		snprintf(out, sizeof out, "%s", rc == 0 ? "ok" : "?");
	else
		snprintf(out, sizeof out, "%d:%d: %s: %s", dg.v[0].line, dg.v[0].col, dg.v[0].rule, dg.v[0].msg);
	diags_free(&dg);
	doc_free(&d);
	return out;
}

static const char *
diag_of(const char *text)
{
	return diag_of_len(text, strlen(text));
}

/* The rule of the first diagnostic, or "ok". */
static const char *
rule_of_len(const char *text, size_t len)
{
	static char rule[64];
	const char *dg = diag_of_len(text, len), *r = strstr(dg, ": ");
	snprintf(rule, sizeof rule, "%.*s", r ? (int)strcspn(r + 2, ":") : 63, r ? r + 2 : dg);
	return rule;
}

static const char *
rule_of(const char *text)
{
	return rule_of_len(text, strlen(text));
}

static char *
roundtrip(const char *text)
{
	struct doc d;
	struct diags dg = { 0 };
	size_t len;
	if (parse(&d, text, &dg) < 0)
		return strdup("parse error");
	char *out = yaml_write(d.root, &len);
	diags_free(&dg);
	doc_free(&d);
	return out;
}

#define BYTES(lit) (lit), sizeof(lit) - 1

/* #12.13: only UTF-8, no directives, no numbers readers disagree on, keys
 * equal under YAML equality refused, every non-string quoted on output. */
static void
item13(void)
{
	/* Encodings, told from the first bytes as YAML 1.2 (5.2) does. */
	is_str(diag_of_len(BYTES("\xff\xfe" "a\0:\0 \0" "1\0\n\0")),
	    "1:1: yaml/encoding: the file is UTF-16 (little-endian), not UTF-8; save it as UTF-8",
	    "UTF-16LE with a byte-order mark is refused");
	is_str(rule_of_len(BYTES("\xfe\xff" "\0a\0:\0 \0" "1\0\n")), "yaml/encoding", "UTF-16BE with a BOM is refused");
	is_str(rule_of_len(BYTES("a\0:\0 \0" "1\0\n\0")), "yaml/encoding", "UTF-16LE without a BOM is refused");
	is_str(diag_of_len(BYTES("\0a\0:\0 \0" "1\0\n")),
	    "1:1: yaml/encoding: the file is UTF-16 (big-endian), not UTF-8; save it as UTF-8",
	    "UTF-16BE without a BOM is refused");
	is_str(diag_of_len(BYTES("\xff\xfe\0\0" "a\0\0\0:\0\0\0\n\0\0\0")),
	    "1:1: yaml/encoding: the file is UTF-32 (little-endian), not UTF-8; save it as UTF-8",
	    "UTF-32LE with a BOM is refused");
	is_str(rule_of_len(BYTES("\0\0\xfe\xff" "\0\0\0a\0\0\0:")), "yaml/encoding", "UTF-32BE with a BOM is refused");
	is_str(rule_of_len(BYTES("a\0\0\0:\0\0\0")), "yaml/encoding", "UTF-32LE without a BOM is refused");
	is_str(diag_of_len(BYTES("\0\0\0a\0\0\0:")),
	    "1:1: yaml/encoding: the file is UTF-32 (big-endian), not UTF-8; save it as UTF-8",
	    "UTF-32BE without a BOM is refused");
	is_str(rule_of("\xef\xbb\xbf" "a: 1\n"), "ok", "a UTF-8 byte-order mark is accepted");

	/* Directives. */
	is_str(diag_of("%YAML 1.1\n---\nworry: 010\n"),
	    "1:1: yaml/directive: %YAML and %TAG directives are not allowed: bti reads every file as "
	    "YAML 1.2 with the standard tags; remove the line", "%YAML 1.1 is refused");
	is_str(rule_of("%YAML 1.2\n---\na: 1\n"), "yaml/directive", "%YAML 1.2 is refused too");
	is_str(diag_of("# a comment\n%TAG !e! tag:example.com,2000:\n---\na: 1\n"),
	    "2:1: yaml/directive: %YAML and %TAG directives are not allowed: bti reads every file as "
	    "YAML 1.2 with the standard tags; remove the line", "%TAG is refused, at its line");

	/* Numbers YAML 1.1 and 1.2 readers disagree on. */
	is_str(diag_of("a: 1\nworry: 010\n"),
	    "2:8: yaml/number: '010' has a leading zero, which YAML 1.1 reads as an octal number and "
	    "YAML 1.2 as a decimal one; write the number without it, or put it in quotes if it is text",
	    "worry: 010 is refused");
	static const char *bad[] = { "00", "-01", "+007", "02061512345", "0o17", "0x1F", "1e3", "1e+3",
		"1.5e3", "-.5", "+.5", "-.5e+3", NULL };
	for (int i = 0; bad[i]; i++) {
		char text[64];
		snprintf(text, sizeof text, "a: %s\n", bad[i]);
		is_str(rule_of(text), "yaml/number", bad[i]);
		snprintf(text, sizeof text, "x-a:\n  %s: b\n", bad[i]);
		is_str(rule_of(text), "yaml/number", "also as a key");
	}
	static const char *good[] = { "0", "-0", "+1", "10", "0.5", "1.", ".5", "01.5", "1.5e+3",
		"-1.5E-3", ".5e-3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN",
		"'010'", "\"0x1F\"", "1_000", "0b101", "1:20", "99999999999999999999", NULL };
	for (int i = 0; good[i]; i++) {
		char text[64];
		snprintf(text, sizeof text, "a: %s\n", good[i]);
		is_str(rule_of(text), "ok", good[i]);
	}
	is_int(yaml_resolve("0o17", 4), NT_INT, "0o17 is an integer in YAML 1.2");
	is_int(yaml_resolve("0x1F", 4), NT_INT, "0x1F is an integer in YAML 1.2");
	is_int(yaml_resolve(".NAN", 4), NT_FLOAT, ".NAN is a number");
	is_int(yaml_resolve("0o8", 3), NT_STR, "0o8 is text");
	is_int(yaml_resolve("0x", 2), NT_STR, "0x is text");
	is_int(yaml_resolve("1_000", 5), NT_STR, "1_000 is text in YAML 1.2");

	/* Writing: every string a YAML 1.1 or 1.2 reader would take for
	 * something else is double-quoted; dates stay plain. */
	static const char *quoted[] = { ".NAN", ".nan", ".NaN", ".Nan", ".inf", ".INF", "-.Inf", "+.inf",
		".iNf", "0o17", "0x1F", "-0x1F", "0b101", "1_000", "1e3", "1.5e3", "-.5", "1:20", "-1:20",
		"190:20:30", "~", "null", "Null", "NULL", "nUlL", "true", "True", "tRUE", "false", "y", "Y",
		"n", "N", "yes", "Yes", "yEs", "YES", "no", "No", "NO", "on", "On", "oN", "ON", "off",
		"Off", "OFF", "2026-01-01T10:00:00", "2026-1-1 1:00:00Z", "2026-01-01", "=", "<<", "010",
		"", NULL };
	for (int i = 0; quoted[i]; i++) {
		char text[64], want[64];
		snprintf(text, sizeof text, "a: '%s'\n", quoted[i]);
		snprintf(want, sizeof want, "a: \"%s\"\n", quoted[i]);
		char *out = roundtrip(text);
		is_str(out, want, quoted[i]);
		free(out);
	}
	char *out = roundtrip("a: 2026-01-01\nb: <\nc: ==\nd: ._1\n");
	is_str(out, "a: 2026-01-01\nb: <\nc: ==\nd: ._1\n", "a date and harmless strings stay plain");
	free(out);

	/* NEL, LS and PS: escaped in double quotes they round-trip; raw they
	 * are refused, as YAML 1.1 folds them and YAML 1.2 keeps them. */
	const char *esc = "a: \"x\\Ny\\Lz\\P\"\nb: \"l1\\nl2\\N\"\nc: \"\\N\"\nd: \"p\\Lq\"\ne: \"r\\ns\\Pt\"\n";
	struct doc d;
	struct diags dg = { 0 };
	ok(parse(&d, esc, &dg) == 0 && !strcmp(map_str(d.root, "a"), "x\xc2\x85y\xe2\x80\xa8z\xe2\x80\xa9"),
	    "escaped NEL, LS and PS read as themselves");
	doc_free(&d);
	out = roundtrip(esc);
	is_str(out, esc, "NEL, LS and PS are written escaped, also in text of several lines");
	free(out);
	is_str(diag_of("a: 1\nb: x\xc2\x85y\n"),
	    "2:5: yaml/encoding: a raw NEL (U+0085); write it as \\N in double quotes: YAML 1.1 reads it "
	    "as a line break, YAML 1.2 as a character", "a raw NEL is refused");
	is_str(rule_of("a: \"x\xe2\x80\xa8y\"\n"), "yaml/encoding", "a raw LS is refused, also in quotes");
	is_str(rule_of("# c\xe2\x80\xa9" "b: 1\na: 1\n"), "yaml/encoding", "a raw PS is refused, also in a comment");
	is_str(rule_of("a: |\n  x\xc2\x85y\n"), "yaml/encoding", "a raw NEL in a block is refused");

	/* Keys equal under YAML equality. */
	static const char *same[][2] = {
		{ "{1: a, +1: b}", "1:13: yaml/duplicate-key: key '+1' is the same integer as key '1' at line 1; keep one" },
		{ "{0: a, -0: b}", "1:13: yaml/duplicate-key: key '-0' is the same integer as key '0' at line 1; keep one" },
		{ "{null: a, ~: b}", "1:16: yaml/duplicate-key: key '~' is the same null as key 'null' at line 1; keep one" },
		{ "{~: a, NULL: b}", "1:13: yaml/duplicate-key: key 'NULL' is the same null as key '~' at line 1; keep one" },
		{ "{true: a, True: b}", "1:16: yaml/duplicate-key: key 'True' is the same boolean as key 'true' at line 1; keep one" },
		{ "{1.0: a, 1.00: b}", "1:15: yaml/duplicate-key: key '1.00' is the same number as key '1.0' at line 1; keep one" },
		{ "{1.5: a, 15.0e-1: b}", "1:15: yaml/duplicate-key: key '15.0e-1' is the same number as key '1.5' at line 1; keep one" },
		{ "{.nan: a, .NaN: b}", "1:16: yaml/duplicate-key: key '.NaN' is the same number as key '.nan' at line 1; keep one" },
		{ "{.inf: a, +.Inf: b}", "1:16: yaml/duplicate-key: key '+.Inf' is the same number as key '.inf' at line 1; keep one" },
		{ "{~: a, \"~\": b}", "1:13: yaml/duplicate-key: key '~' appears twice (first at line 1); keep one" },
		{ "{1: a, '1': b}", "1:13: yaml/duplicate-key: key '1' appears twice (first at line 1); keep one" },
		{ "{a: 1, b: 2, +1: 3, c: 4, a: 5, 1: 6}", "1:32: yaml/duplicate-key: key 'a' appears twice (first at line 1); keep one" },
		{ "{1: a, 01: b}", "1:13: yaml/number: '01' has a leading zero, which YAML 1.1 reads as an octal number "
		    "and YAML 1.2 as a decimal one; write the number without it, or put it in quotes if it is text" },
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		char text[128];
		snprintf(text, sizeof text, "x-a: %s\n", same[i][0]);
		is_str(diag_of(text), same[i][1], same[i][0]);
	}
	is_str(diag_of("x-a:\n  true: 1\n  b: 2\n  TRUE: 3\n"),
	    "4:3: yaml/duplicate-key: key 'TRUE' is the same boolean as key 'true' at line 2; keep one",
	    "a block mapping: the second key's line and column, the first's line");
	static const char *distinct[] = { "{1: a, 1.0: b}", "{True: a, \"true\": b}", "{yes: a, true: b}",
		"{null: a, \"\": b}", "{2026-01-01: a, 2026-01-02: b}", "{1: a, 2: b, 10: c}", NULL };
	for (int i = 0; distinct[i]; i++) {
		char text[128];
		snprintf(text, sizeof text, "x-a: %s\n", distinct[i]);
		is_str(rule_of(text), "ok", distinct[i]);
	}
}

/* Appends n keys (a, b, ... Z, ba, ...) as a flow mapping. */
static void
flow_keys(struct buf *b, size_t n)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	buf_puts(b, "x-big: {");
	for (size_t i = 0; i < n; i++) {
		char key[8], *p = key + sizeof key - 1;
		*p = 0;
		size_t v = i;
		do
			*--p = letters[v % 52];
		while ((v /= 52));
		buf_printf(b, "%s%s", i ? ", " : "", p);
	}
}

/* #12.14: a mapping of 150,000 keys reads (and a repeat in it is found) in
 * O(n log n); quadratic, this test alone would run for minutes. */
static void
item14(void)
{
	struct buf b = { 0 };
	flow_keys(&b, 150000);
	buf_puts(&b, "}\n");
	struct doc d;
	struct diags dg = { 0 };
	ok(parse_len(&d, b.p, b.len, &dg) == 0 && map_get(d.root, "x-big")->n == 150000,
	    "150,000 distinct keys read (%zu bytes)", b.len);
	struct doc d2;
	ok(parse_len(&d2, b.p, b.len, &dg) == 0 && node_same(d.root, d2.root), "and compare equal");
	struct node *big = map_get(d2.root, "x-big");
	struct node *k0 = big->k[0], *v0 = big->v[0];
	big->k[0] = big->k[big->n - 1];
	big->v[0] = big->v[big->n - 1];
	big->k[big->n - 1] = k0;
	big->v[big->n - 1] = v0;
	ok(node_same(d.root, d2.root), "also with keys in another order");
	big->v[0] = node_str(&d2, "changed");
	ok(!node_same(d.root, d2.root), "a changed value is found");
	doc_free(&d);
	doc_free(&d2);
	b.len -= 2;
	buf_puts(&b, ", a}\n");
	is_str(diag_of_len(b.p, b.len), "1:756645: yaml/duplicate-key: key 'a' appears twice (first at line 1); keep one",
	    "a repeat at the end of 150,000 keys is found");
	buf_free(&b);
	diags_free(&dg);
}

int
main(void)
{
	is_int(yaml_resolve("12", 2), NT_INT, "12 is an integer");
	is_int(yaml_resolve("-3", 2), NT_INT, "-3 is an integer");
	is_int(yaml_resolve("02061512345", 11), NT_INT, "an unquoted id number is an integer");
	is_int(yaml_resolve("2026-03-14", 10), NT_DATE, "a date");
	is_int(yaml_resolve("true", 4), NT_BOOL, "true is a boolean");
	is_int(yaml_resolve("no", 2), NT_STR, "no is text in YAML 1.2");
	is_int(yaml_resolve("~", 1), NT_NULL, "~ is null");
	is_int(yaml_resolve("1.5e3", 5), NT_FLOAT, "1.5e3 is a number");
	is_int(yaml_resolve("PPT", 3), NT_STR, "PPT is text");

	is_str(rule_of("a: 1\nb: [1, 2]\n"), "ok", "plain YAML reads");
	is_str(rule_of("a: 1\na: 2\n"), "yaml/duplicate-key", "duplicate keys are refused");
	is_str(rule_of("a: &x 1\nb: *x\n"), "yaml/alias", "anchors are refused");
	is_str(rule_of("a: [*x]\n"), "yaml/alias", "an undefined alias is refused as an alias");
	is_str(rule_of("a: !!binary AAAA\n"), "yaml/tag", "explicit tags are refused");
	is_str(rule_of("a: !!str 12\n"), "ok", "!!str is accepted");
	is_str(rule_of("a: 1\n---\nb: 2\n"), "yaml/documents", "a second document is refused");
	is_str(rule_of("? [a]\n: 1\n"), "yaml/key", "a list as key is refused");
	is_str(rule_of("a: \"\xff\"\n"), "yaml/encoding", "invalid UTF-8 is refused");
	is_str(rule_of("a: [\n"), "yaml/syntax", "an unclosed list is a syntax error");
	char deep[200];
	memset(deep, '[', 100);
	memset(deep + 100, ']', 100);
	deep[199] = 0;
	deep[99] = '1';
	deep[100] = ']';
	is_str(rule_of(deep), "yaml/depth", "deep nesting is refused");

	struct doc d;
	struct diags dg = { 0 };
	parse(&d, "a: 1\n  b: 2\n", &dg);
	ok(dg.n == 1 && dg.v[0].line == 2 && dg.v[0].col == 4, "a syntax error has line and column (%d:%d)",
	    dg.n ? dg.v[0].line : 0, dg.n ? dg.v[0].col : 0);
	diags_free(&dg);
	doc_free(&d);
	parse(&d, "a: 1\nb:\n  c: x\n  c: y\n", &dg);
	ok(dg.n == 1 && dg.v[0].line == 4 && dg.v[0].col == 3, "a duplicate key points at the second one");
	diags_free(&dg);
	doc_free(&d);

	const char *canon =
	    "bti: 1\n"
	    "name: \"no\"\n"
	    "fnr: \"02061512345\"\n"
	    "born: 2015-06-02\n"
	    "label: \"2015-06-02\"\n"
	    "flag: true\n"
	    "text: Kvaløysletta skole – æøå\n"
	    "empty: \"\"\n"
	    "nothing: null\n"
	    "list:\n"
	    "- a: 1\n"
	    "  b: \"yes\"\n"
	    "- []\n"
	    "long: |-\n"
	    "  line one\n"
	    "  line two\n";
	char *out = roundtrip(canon);
	is_str(out, canon, "a canonical file round-trips to the same bytes");
	char *again = roundtrip(out);
	is_str(again, out, "writing twice gives the same bytes");
	free(out);
	free(again);
	out = roundtrip("{a: 'on', b: \"1.0\", c: \"~\", d: 'Off', e: \"+1\", f: \".5\", g: 'x: y', h: \"#c\"}\n");
	is_str(out, "a: \"on\"\nb: \"1.0\"\nc: \"~\"\nd: \"Off\"\ne: \"+1\"\nf: \".5\"\ng: 'x: y'\nh: '#c'\n",
	    "ambiguous strings are quoted, flow style becomes block style");
	free(out);
	item13();
	item14();
	return done_testing();
}
