/* facts.c: reducing a case to its statistics facts; their text form is one
 * line per fact: o OPENED BORN SERVICE, l DATE LEVEL CLOSED CAUSE,
 * c DATE STATUS, k DATE (coordinator), r DATE (report), m DATE DUE,
 * e DATE (evaluation), i MEASURE OUTCOME NEXT (an item of the last e). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "facts.h"

#define PUSH(arr, n) ((arr) = xrealloc((arr), ((n) + 1) * sizeof *(arr)), &(arr)[(n)++])

void
facts_from_case(struct facts *f, const struct node *root)
{
	struct case_state st;
	const struct node *l;
	memset(f, 0, sizeof *f);
	case_state(root, &st);
	f->opened = st.opened;
	f->born = st.born;
	f->service = xstrdup(map_str(root, "service"));
	if ((l = map_list(root, "levels")))
		for (size_t i = 0; i < l->n; i++) {
			struct flevel *x = PUSH(f->lv, f->nlv);
			long long lv = 0;
			map_int(l->v[i], "level", &lv);
			x->date = map_date(l->v[i], "date");
			x->level = (int)lv;
			x->closed = map_true(l->v[i], "closed");
			snprintf(x->cause, sizeof x->cause, "%s", map_str(l->v[i], "cause") ?
			    map_str(l->v[i], "cause") : "-");
		}
	if ((l = map_list(root, "consents")))
		for (size_t i = 0; i < l->n; i++) {
			struct fconsent *x = PUSH(f->cs, f->ncs);
			x->date = map_date(l->v[i], "date");
			x->status = map_str(l->v[i], "status")[0];
		}
	if ((l = map_list(root, "coordinators")))
		for (size_t i = 0; i < l->n; i++)
			*PUSH(f->coord, f->ncoord) = map_date(l->v[i], "date");
	if ((l = map_list(root, "reports")))
		for (size_t i = 0; i < l->n; i++)
			*PUSH(f->rep, f->nrep) = map_date(l->v[i], "date");
	const struct node *ms = map_list(root, "measures");
	for (size_t i = 0; ms && i < ms->n; i++) {
		struct fmeasure *x = PUSH(f->ms, f->nms);
		x->date = map_date(ms->v[i], "date");
		x->due = map_date(ms->v[i], "evaluate_by");
	}
	if ((l = map_list(root, "evaluations")))
		for (size_t i = 0; i < l->n; i++) {
			*PUSH(f->ev, f->nev) = map_date(l->v[i], "date");
			const struct node *items = map_list(l->v[i], "measures");
			for (size_t j = 0; items && j < items->n; j++) {
				const char *mid = map_str(items->v[j], "measure"), *out = map_str(items->v[j], "outcome");
				struct fitem *x = PUSH(f->it, f->nit);
				x->eval = i;
				x->measure = -1;
				for (size_t k = 0; ms && k < ms->n; k++)
					if (!strcmp(map_str(ms->v[k], "id"), mid))
						x->measure = (long)k;
				x->outcome = !strcmp(out, "change") ? 'h' : out[0];
				x->next = map_date(items->v[j], "next");
			}
		}
}

void
facts_text(const struct facts *f, struct buf *b)
{
	buf_printf(b, "o %ld %ld %s\n", f->opened, f->born, f->service);
	for (size_t i = 0; i < f->nlv; i++)
		buf_printf(b, "l %ld %d %d %s\n", f->lv[i].date, f->lv[i].level, f->lv[i].closed, f->lv[i].cause);
	for (size_t i = 0; i < f->ncs; i++)
		buf_printf(b, "c %ld %c\n", f->cs[i].date, f->cs[i].status);
	for (size_t i = 0; i < f->ncoord; i++)
		buf_printf(b, "k %ld\n", f->coord[i]);
	for (size_t i = 0; i < f->nrep; i++)
		buf_printf(b, "r %ld\n", f->rep[i]);
	for (size_t i = 0; i < f->nms; i++)
		buf_printf(b, "m %ld %ld\n", f->ms[i].date, f->ms[i].due);
	for (size_t i = 0, k = 0; i < f->nev; i++) {
		buf_printf(b, "e %ld\n", f->ev[i]);
		for (; k < f->nit && f->it[k].eval == i; k++)
			buf_printf(b, "i %ld %c %ld\n", f->it[k].measure, f->it[k].outcome, f->it[k].next);
	}
}

int
facts_parse(struct facts *f, const char *text, size_t len)
{
	memset(f, 0, sizeof *f);
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return -1;
		char line[512];
		size_t n = (size_t)(nl - p) < sizeof line - 1 ? (size_t)(nl - p) : sizeof line - 1;
		memcpy(line, p, n);
		line[n] = 0;
		p = nl + 1;
		int off = 0, ok = 1;
		switch (line[0]) {
		case 'o':
			ok = sscanf(line, "o %ld %ld %n", &f->opened, &f->born, &off) == 2 && off;
			if (ok)
				f->service = xstrdup(line + off);
			break;
		case 'l': {
			struct flevel *x = PUSH(f->lv, f->nlv);
			ok = sscanf(line, "l %ld %d %d %63s", &x->date, &x->level, &x->closed, x->cause) == 4;
			break;
		}
		case 'c': {
			struct fconsent *x = PUSH(f->cs, f->ncs);
			ok = sscanf(line, "c %ld %c", &x->date, &x->status) == 2;
			break;
		}
		case 'k': ok = sscanf(line, "k %ld", PUSH(f->coord, f->ncoord)) == 1; break;
		case 'r': ok = sscanf(line, "r %ld", PUSH(f->rep, f->nrep)) == 1; break;
		case 'e': ok = sscanf(line, "e %ld", PUSH(f->ev, f->nev)) == 1; break;
		case 'm': {
			struct fmeasure *x = PUSH(f->ms, f->nms);
			ok = sscanf(line, "m %ld %ld", &x->date, &x->due) == 2;
			break;
		}
		case 'i': {
			struct fitem *x = PUSH(f->it, f->nit);
			x->eval = f->nev - 1;
			ok = f->nev && sscanf(line, "i %ld %c %ld", &x->measure, &x->outcome, &x->next) == 3;
			break;
		}
		default:
			ok = 0;
		}
		if (!ok)
			return -1;
	}
	return f->service ? 0 : -1;
}

void
facts_free(struct facts *f)
{
	free(f->service);
	free(f->lv);
	free(f->cs);
	free(f->coord);
	free(f->rep);
	free(f->ev);
	free(f->ms);
	free(f->it);
	memset(f, 0, sizeof *f);
}
