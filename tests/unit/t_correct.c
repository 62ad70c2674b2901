/* t_correct.c: naming entries, withdrawn entries, and the view without them. */
#include <string.h>

#include "correct.h"
#include "tap.h"
#include "yamlio.h"

static const char text[] =
    "opened: 2026-01-10\n"
    "levels:\n"
    "- {date: 2026-01-10, level: 0}\n"
    "- {date: 2026-01-12, level: 1}\n"
    "- {date: 2026-01-20, level: 2}\n"
    "goals:\n"
    "- {id: g1, date: 2026-01-13}\n"
    "- {id: g2, date: 2026-01-14}\n"
    "meetings:\n"
    "- {date: 2026-01-15}\n"
    "corrections:\n"
    "- {date: 2026-02-01, withdraws: levels/3}\n"
    "- {date: 2026-02-01, withdraws: g1}\n"
    "- {date: 2026-02-01, withdraws: meetings/1}\n";

int
main(void)
{
	struct doc d, v;
	struct diags dg = { 0 };
	const char *list = NULL;
	size_t index = 99;
	char name[48];
	doc_init(&d, "t.yaml");
	if (yaml_read(&d, text, strlen(text), &dg) < 0)
		return 1;
	const struct node *r = d.root, *lv = map_list(r, "levels"), *gl = map_list(r, "goals");

	ok(correct_find(r, "levels/2", &list, &index) == lv->v[1], "levels/2 is the second level entry");
	is_str(list, "levels", "in levels");
	is_int(index, 1, "at index 1");
	ok(correct_find(r, "g2", &list, &index) == gl->v[1], "g2 by its id");
	ok(correct_find(r, "goals/2", &list, &index) == gl->v[1], "goals/2 is g2");
	correct_name(gl->v[1], "goals", 1, name);
	is_str(name, "g2", "an entry with an id is named by it");
	correct_name(lv->v[2], "levels", 2, name);
	is_str(name, "levels/3", "others by LIST/N");
	ok(!correct_find(r, "levels/4", &list, &index), "levels/4: past the end");
	ok(!correct_find(r, "levels/0", &list, &index), "levels/0: counted from 1");
	ok(!correct_find(r, "levels/1x", &list, &index), "levels/1x");
	ok(!correct_find(r, "level/1", &list, &index), "level/1: no such list");
	ok(!correct_find(r, "g3", &list, &index), "g3: no such goal");
	ok(!correct_find(r, "m1", &list, &index), "m1: no measures");
	ok(!correct_find(r, NULL, &list, &index), "NULL");

	ok(correct_withdrawn(r, gl->v[0]) == map_list(r, "corrections")->v[1], "g1 is withdrawn by corrections[1]");
	ok(!correct_withdrawn(r, gl->v[1]), "g2 is not");
	is_int(correct_check(r, "t.yaml", &dg), 0, "the corrections are in order");

	const struct node *view = case_view(&v, r);
	ok(view != r, "a view of its own");
	is_int(map_list(view, "levels")->n, 2, "the view has two level entries");
	is_int(map_list(view, "goals")->n, 1, "one goal");
	ok(map_list(view, "goals")->v[0] == gl->v[1], "g2, the node itself");
	ok(!map_get(view, "meetings"), "a list left empty is left out");
	is_int(map_list(view, "corrections")->n, 3, "the corrections stay");
	is_int(map_list(r, "levels")->n, 3, "the case itself is unchanged");
	doc_free(&v);

	struct doc d2;
	doc_init(&d2, "t2.yaml");
	const char t2[] = "opened: 2026-01-10\nlevels:\n- {date: 2026-01-10, level: 0}\n"
	    "corrections:\n- {date: 2026-01-09, withdraws: levels/1}\n- {date: 2026-02-01, withdraws: g7}\n";
	yaml_read(&d2, t2, strlen(t2), &dg);
	is_int(correct_check(d2.root, "t2.yaml", &dg), 4, "four problems");
	is_str(dg.v[0].rule, "date/order", "dated before the opening");
	is_str(dg.v[1].rule, "correction/entry", "levels/1 cannot be withdrawn");
	is_str(dg.v[2].rule, "correction/date", "dated before the entry");
	is_str(dg.v[3].rule, "correction/entry", "no g7");
	ok(case_view(&v, d2.root) != d2.root, "a view even so");
	doc_free(&v);
	const char t3[] = "levels:\n- {level: 0}\n";
	struct doc d3;
	doc_init(&d3, "t3.yaml");
	yaml_read(&d3, t3, strlen(t3), &dg);
	ok(case_view(&v, d3.root) == d3.root, "without corrections the view is the case");
	doc_free(&v);
	doc_free(&d3);
	doc_free(&d2);
	diags_free(&dg);
	doc_free(&d);
	return done_testing();
}
