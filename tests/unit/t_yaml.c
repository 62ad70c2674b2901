/* t_yaml.c: the strict reader, the deterministic writer, and round trips. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "yamlio.h"

static int
parse(struct doc *d, const char *text, struct diags *dg)
{
	doc_init(d, "t.yaml");
	return yaml_read(d, text, strlen(text), dg);
}

/* Parses text and returns the first diagnostic's rule, or "ok". */
static const char *
rule_of(const char *text)
{
	static char rule[64];
	struct doc d;
	struct diags dg = { 0 };
	int rc = parse(&d, text, &dg);
	snprintf(rule, sizeof rule, "%s", rc == 0 ? "ok" : dg.n ? dg.v[0].rule : "?");
	diags_free(&dg);
	doc_free(&d);
	return rule;
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
	return done_testing();
}
