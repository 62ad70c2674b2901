/* t_facts.c: the facts' text form (#12.9): any bytes in a text come back as
 * they were, and text that is not the form is refused, never half read. */
#include <string.h>

#include "facts.h"
#include "tap.h"

/* facts_text of f, parsed into g, written again: the same text. */
static int
round_trip(const struct facts *f, struct facts *g)
{
	struct buf a = { 0 }, b = { 0 };
	facts_text(f, &a);
	int rc = facts_parse(g, a.p, a.len);
	if (rc == 0)
		facts_text(g, &b);
	rc = rc == 0 && a.len == b.len && !memcmp(a.p, b.p, a.len);
	buf_free(&a);
	buf_free(&b);
	return rc;
}

static int
refused(const char *text)
{
	struct facts f = { 0 };
	int rc = facts_parse(&f, text, strlen(text));
	facts_free(&f);
	return rc < 0;
}

int
main(void)
{
	struct facts f = { 0 }, g = { 0 };
	char service[300], *p = service;
	/* Every byte but NUL, a line break and what looks like facts too. */
	for (int c = 255; c > 0; c--)
		*p++ = (char)c;
	strcpy(p, "\nl 20460 2 1 5:moved\n");
	struct flevel lv[2] = { { 739900, 0, 0, "-" }, { 739950, 2, 1, "moved\nc 1 g" } };
	struct fconsent cs[1] = { { 739901, 'w' } };
	day_t ev[1] = { 739940 };
	struct fmeasure ms[1] = { { 739910, DATE_NONE } };
	struct fitem it[1] = { { 0, 0, 'h', DATE_NONE } };
	f.opened = 739900;
	f.born = 715000;
	f.service = service;
	f.lv = lv;
	f.nlv = 2;
	f.cs = cs;
	f.ncs = 1;
	f.ev = ev;
	f.nev = 1;
	f.ms = ms;
	f.nms = 1;
	f.it = it;
	f.nit = 1;
	ok(round_trip(&f, &g), "facts with every byte in their texts read back the same");
	is_str(g.service, service, "the service name, line breaks and all");
	is_int(g.nlv, 2, "two levels entries, none made up");
	is_str(g.lv[1].cause, "moved\nc 1 g", "a cause with a line break");
	is_int(g.ncs, 1, "one consent, none made up");
	is_int(g.born, 715000, "a birth date before 1970");
	is_int(g.ms[0].due, DATE_NONE, "no due date");
	facts_free(&g);

	/* The facts of issue 14: worry and kinds, the child, named events,
	 * reports and meetings. */
	struct facts h = { 0 };
	static const char more[] = "o 739900 -1 5:Skole\nw 7 5\nu 123456789\nk 739901 5:Skole\n"
	    "j 739902 4:P\nPT\nr 739903 p 0\ng 739904 0 1\nx 739905 -1\n";
	ok(facts_parse(&h, more, sizeof more - 1) == 0, "the new lines read");
	ok(round_trip(&h, &g), "and read back the same");
	is_int(g.worry, 7, "the worry score");
	is_int(g.kinds, 5, "the kinds");
	is_int(g.child, 123456789, "the child's hash");
	is_str(g.pool + g.join[0].name, "P\nPT", "a service joining, a line break in its name");
	is_str(g.pool + g.coord[0].name, "Skole", "the coordinator's service");
	is_int(g.rep[0].to, 'p', "a report to the police");
	is_int(g.mt[0].view, 1, "a meeting with the child's view");
	is_int(g.nunc, 1, "a span without consent");
	is_int(g.unc[0].to, DATE_NONE, "that lasts");
	facts_free(&h);
	facts_free(&g);
	ok(refused("o 739900 -1 5:Skole\nw 11 0\n"), "a worry past 10: refused");
	ok(refused("o 739900 -1 5:Skole\nw 5 256\n"), "a kind past the schema's: refused");
	ok(refused("o 739900 -1 5:Skole\nu 0\n"), "a child hash of 0: refused");
	ok(refused("o 739900 -1 5:Skole\nr 739900\n"), "a report of the old form: refused");
	ok(refused("o 739900 -1 5:Skole\nr 739900 x 0\n"), "a report to an unknown receiver: refused");
	ok(refused("o 739900 -1 5:Skole\nk 739900\n"), "a coordinator without a service: refused");
	ok(refused("o 739900 -1 5:Skole\ng 739900 2 0\n"), "a meeting neither 0 nor 1: refused");

	ok(!refused("o 739900 -1 5:Skole\n"), "the smallest facts read");
	ok(refused(""), "no o line: refused");
	ok(refused("o 739900 -1 5:Skole"), "no line break at the end: refused");
	ok(refused("o 739900 -1 6:Skole\n"), "a length past the text: refused");
	ok(refused("o 739900 -1 4:Skole\n"), "a length short of the text: refused");
	ok(refused("o 739900 -1 0:\n"), "an empty service: refused");
	ok(refused("o 739900 -1 Skole\n"), "the old form: refused");
	ok(refused("o 7399000000000000000000 -1 5:Skole\n"), "a number too long: refused");
	ok(refused("o 739900 -1 5:Skole\no 739900 -1 3:NAV\n"), "two o lines: refused");
	ok(refused("o 739900 -1 5:Skole\nl 739900 9 0 1:-\n"), "a level past the model's: refused");
	ok(refused("o 739900 -1 5:Skole\nl 739900 1 2 1:-\n"), "closed neither 0 nor 1: refused");
	ok(refused("o 739900 -1 5:Skole\nc 739900 x\n"), "an unknown consent status: refused");
	ok(refused("o 739900 -1 5:Skole\ni 0 r -1\n"), "an item before any evaluation: refused");
	ok(refused("o 739900 -1 5:Skole\ne 739900\ni 0 r -1\n"), "an item of a measure not there: refused");
	ok(refused("o 739900 -1 5:Skole\nz 1\n"), "an unknown line: refused");
	static const char nul[] = "o 739900 -1 5:Sk\0le\n";
	ok(facts_parse(&g, nul, sizeof nul - 1) < 0, "a NUL in a text: refused");
	facts_free(&g);
	return done_testing();
}
