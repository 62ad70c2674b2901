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
