/* facts.c: reducing a case to its statistics facts; their text form is one
 * line per fact: o OPENED BORN SERVICE, l DATE LEVEL CLOSED CAUSE,
 * c DATE STATUS, k DATE (coordinator), r DATE (report), m DATE DUE,
 * e DATE (evaluation), i MEASURE OUTCOME NEXT (an item of the last e). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "correct.h"
#include "facts.h"

/* The next free element of arr (count n, capacity cap), growing it. */
#define PUSH(arr, n, cap) \
	((n) == (cap) ? ((cap) = (cap) ? 2 * (cap) : 8, (arr) = xrealloc((arr), (cap) * sizeof *(arr))) : 0, \
	&(arr)[(n)++])

/* Empties f, keeping its buffers. */
static void
reset(struct facts *f)
{
	f->nlv = f->ncs = f->ncoord = f->nrep = f->nev = f->nms = f->nit = 0;
	f->opened = f->born = -1;
	if (f->service)
		f->service[0] = 0;
}

static void
set_service(struct facts *f, const char *s, size_t n)
{
	if (n + 1 > f->cservice) {
		f->cservice = n + 1;
		f->service = xrealloc(f->service, f->cservice);
	}
	memcpy(f->service, s, n);
	f->service[n] = 0;
}

void
facts_from_case(struct facts *f, const struct node *root)
{
	struct case_state st;
	const struct node *l;
	struct doc vd;
	root = case_view(&vd, root);    /* withdrawn entries do not count */
	reset(f);
	case_state(root, &st);
	f->opened = st.opened;
	f->born = st.born;
	set_service(f, map_str(root, "service"), strlen(map_str(root, "service")));
	if ((l = map_list(root, "levels")))
		for (size_t i = 0; i < l->n; i++) {
			struct flevel *x = PUSH(f->lv, f->nlv, f->clv);
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
			struct fconsent *x = PUSH(f->cs, f->ncs, f->ccs);
			x->date = map_date(l->v[i], "date");
			x->status = map_str(l->v[i], "status")[0];
		}
	if ((l = map_list(root, "coordinators")))
		for (size_t i = 0; i < l->n; i++)
			*PUSH(f->coord, f->ncoord, f->ccoord) = map_date(l->v[i], "date");
	if ((l = map_list(root, "reports")))
		for (size_t i = 0; i < l->n; i++)
			*PUSH(f->rep, f->nrep, f->crep) = map_date(l->v[i], "date");
	const struct node *ms = map_list(root, "measures");
	for (size_t i = 0; ms && i < ms->n; i++) {
		struct fmeasure *x = PUSH(f->ms, f->nms, f->cms);
		x->date = map_date(ms->v[i], "date");
		x->due = map_date(ms->v[i], "evaluate_by");
	}
	if ((l = map_list(root, "evaluations")))
		for (size_t i = 0; i < l->n; i++) {
			*PUSH(f->ev, f->nev, f->cev) = map_date(l->v[i], "date");
			const struct node *items = map_list(l->v[i], "measures");
			for (size_t j = 0; items && j < items->n; j++) {
				const char *mid = map_str(items->v[j], "measure"), *out = map_str(items->v[j], "outcome");
				struct fitem *x = PUSH(f->it, f->nit, f->cit);
				x->eval = i;
				x->measure = -1;
				for (size_t k = 0; ms && k < ms->n; k++)
					if (!strcmp(map_str(ms->v[k], "id"), mid))
						x->measure = (long)k;
				x->outcome = !strcmp(out, "change") ? 'h' : out[0];
				x->next = map_date(items->v[j], "next");
			}
		}
	doc_free(&vd);
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

/* Reads a signed number at *p and the blank after it; -1 on anything else. */
static int
num(const char **p, const char *end, long *out)
{
	const char *q = *p;
	int neg = q < end && *q == '-';
	q += neg;
	if (q >= end || *q < '0' || *q > '9')
		return -1;
	long v = 0;
	while (q < end && *q >= '0' && *q <= '9')
		v = v * 10 + (*q++ - '0');
	*out = neg ? -v : v;
	if (q < end && *q == ' ')
		q++;
	*p = q;
	return 0;
}

/* A word up to the end of the line, at most size - 1 bytes. */
static int
word(const char **p, const char *end, char *out, size_t size)
{
	size_t n = (size_t)(end - *p);
	if (!n || n >= size || memchr(*p, ' ', n))
		return -1;
	memcpy(out, *p, n);
	out[n] = 0;
	*p = end;
	return 0;
}

int
facts_parse(struct facts *f, const char *text, size_t len)
{
	int service = 0;
	reset(f);
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl || nl - p < 3 || p[1] != ' ')
			return -1;
		const char *q = p + 2;
		long a = 0, b = 0, c = 0;
		char t = p[0];
		int ok;
		switch (t) {
		case 'o':
			ok = num(&q, nl, &f->opened) == 0 && num(&q, nl, &f->born) == 0 && q < nl;
			if (ok)
				set_service(f, q, (size_t)(nl - q));
			service |= ok;
			break;
		case 'l': {
			struct flevel *x = PUSH(f->lv, f->nlv, f->clv);
			ok = num(&q, nl, &x->date) == 0 && num(&q, nl, &a) == 0 && num(&q, nl, &b) == 0 &&
			    word(&q, nl, x->cause, sizeof x->cause) == 0;
			x->level = (int)a;
			x->closed = (int)b;
			break;
		}
		case 'c': {
			struct fconsent *x = PUSH(f->cs, f->ncs, f->ccs);
			ok = num(&q, nl, &x->date) == 0 && nl - q == 1;
			x->status = *q;
			break;
		}
		case 'k': ok = num(&q, nl, PUSH(f->coord, f->ncoord, f->ccoord)) == 0 && q == nl; break;
		case 'r': ok = num(&q, nl, PUSH(f->rep, f->nrep, f->crep)) == 0 && q == nl; break;
		case 'e': ok = num(&q, nl, PUSH(f->ev, f->nev, f->cev)) == 0 && q == nl; break;
		case 'm': {
			struct fmeasure *x = PUSH(f->ms, f->nms, f->cms);
			ok = num(&q, nl, &x->date) == 0 && num(&q, nl, &x->due) == 0 && q == nl;
			break;
		}
		case 'i': {
			struct fitem *x = PUSH(f->it, f->nit, f->cit);
			x->eval = f->nev - 1;
			ok = f->nev && num(&q, nl, &x->measure) == 0 && q + 1 < nl && q[1] == ' ';
			if (ok) {
				x->outcome = *q;
				q += 2;
				ok = num(&q, nl, &c) == 0 && q == nl;
				x->next = c;
			}
			break;
		}
		default:
			ok = 0;
		}
		if (!ok)
			return -1;
		p = nl + 1;
	}
	return service ? 0 : -1;
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
