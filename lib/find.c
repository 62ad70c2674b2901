/* find.c: matching a child by national id number, or by name and birth date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "find.h"
#include "fnr.h"
#include "fold.h"

int
find_match(const struct find *f, const struct qrow *q)
{
	if ((f->open && q->closed) || (f->fnr[0] && strcmp(f->fnr, q->fnr)) ||
	    (f->born >= 0 && q->born != f->born))
		return 0;
	if (!f->name)
		return 1;
	if (!f->whole)
		return fold_match(q->name, f->name, f->fuzzy);
	struct buf a = { 0 }, b = { 0 };
	fold_name(&a, q->name, f->fuzzy);
	fold_name(&b, f->name, f->fuzzy);
	int same = !strcmp(a.p, b.p);
	buf_free(&a);
	buf_free(&b);
	return same;
}

int
find_fnr(struct find *f, const char *arg, const char **why)
{
	char *line = NULL, num[16];
	size_t cap = 0, n = 0;
	if (!strcmp(arg, "-")) {
		if (getline(&line, &cap, stdin) < 0) {
			free(line);
			*why = "nothing on standard input";
			return -1;
		}
		arg = line;
	}
	for (const char *p = arg; *p && n < sizeof num - 1; p++)
		if (*p != ' ' && *p != '\n' && *p != '\r')
			num[n++] = *p;
	num[n] = 0;
	free(line);
	enum fnr_status st = fnr_check(num, NULL);
	if (st != FNR_OK) {
		*why = fnr_strerror(st);
		return -1;
	}
	query_fnr_key(num, f->fnr);
	memset(num, 0, sizeof num);
	return 0;
}

struct same_child {
	struct find byfnr, byname;
	char *id;
	int found;
};

static int
same_child(const struct qrow *q, void *arg)
{
	struct same_child *s = arg;
	if ((s->byfnr.fnr[0] && find_match(&s->byfnr, q)) ||
	    (s->byname.born >= 0 && find_match(&s->byname, q))) {
		memcpy(s->id, q->id, CASE_ID_LEN + 1);
		s->found = 1;
	}
	return s->found;
}

int
find_open_case(struct repo *r, const char *fnr, const char *name, day_t born,
    char id[CASE_ID_LEN + 1], size_t *invalid, struct diags *dg)
{
	struct same_child s = { .byfnr = { .born = -1, .open = 1 },
		.byname = { .name = name, .born = born, .whole = 1, .open = 1 }, .id = id };
	struct diags scan = { 0 };
	if (fnr)
		query_fnr_key(fnr, s.byfnr.fnr);
	int rc = query_cases(r, same_child, &s, &scan);
	*invalid = scan.errors;
	if (rc < 0)
		for (size_t i = 0; i < scan.n; i++)
			diag_add(dg, scan.v[i].file, scan.v[i].line, scan.v[i].col, scan.v[i].rule, "%s",
			    scan.v[i].msg);
	diags_free(&scan);
	return rc < 0 ? -1 : s.found;
}
