/* facts.c: reducing a case to its statistics facts; their text form is one
 * line per fact: o OPENED BORN SERVICE, l DATE LEVEL CLOSED CAUSE,
 * c DATE STATUS, k DATE (coordinator), r DATE (report), m DATE DUE,
 * e DATE (evaluation), i MEASURE OUTCOME NEXT (an item of the last e).
 * Numbers are decimal, a date is a day number (DATE_NONE when there is
 * none), and the two texts, SERVICE and CAUSE, are LENGTH:BYTES, so no byte
 * of a case file can end a line or start another fact. */
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
	f->opened = f->born = DATE_NONE;
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

/* A text field as LENGTH:BYTES: any bytes, a line break too, read back as
 * they were. */
static void
put_str(struct buf *b, const char *s)
{
	buf_printf(b, " %zu:", strlen(s));
	buf_puts(b, s);
}

void
facts_text(const struct facts *f, struct buf *b)
{
	buf_printf(b, "o %ld %ld", f->opened, f->born);
	put_str(b, f->service);
	buf_puts(b, "\n");
	for (size_t i = 0; i < f->nlv; i++) {
		buf_printf(b, "l %ld %d %d", f->lv[i].date, f->lv[i].level, f->lv[i].closed);
		put_str(b, f->lv[i].cause);
		buf_puts(b, "\n");
	}
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

/* The reading side: each function takes one field with the blank before it
 * and returns -1 on anything else. */
struct rd {
	const char *p, *end;
};

static int
take(struct rd *r, char c)
{
	if (r->p == r->end || *r->p != c)
		return -1;
	r->p++;
	return 0;
}

/* A number of at most 18 digits (no overflow), in [min, max]. */
static int
num(struct rd *r, long min, long max, long *out)
{
	if (take(r, ' ') < 0)
		return -1;
	int neg = take(r, '-') == 0, n = 0;
	long v = 0;
	for (; r->p < r->end && *r->p >= '0' && *r->p <= '9'; r->p++)
		if (++n > 18)
			return -1;
		else
			v = v * 10 + (*r->p - '0');
	v = neg ? -v : v;
	if (!n || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
date(struct rd *r, day_t *out)
{
	return num(r, DATE_NONE, 9999L * 366, out);
}

static int
letter(struct rd *r, const char *set, char *out)
{
	if (take(r, ' ') < 0 || r->p == r->end || !*r->p || !strchr(set, *r->p))
		return -1;
	*out = *r->p++;
	return 0;
}

/* LENGTH:BYTES, no NUL among them, at most max bytes. */
static int
str(struct rd *r, size_t max, const char **s, size_t *n)
{
	long len;
	if (num(r, 0, (long)max, &len) < 0 || take(r, ':') < 0 || len > r->end - r->p ||
	    memchr(r->p, 0, (size_t)len))
		return -1;
	*s = r->p;
	*n = (size_t)len;
	r->p += len;
	return 0;
}

/* One line after its tag. */
static int
line(struct facts *f, char tag, struct rd *r)
{
	const char *s;
	size_t n;
	long a, b;
	switch (tag) {
	case 'o':
		if (f->service && f->service[0])
			return -1;
		if (date(r, &f->opened) < 0 || date(r, &f->born) < 0 || str(r, (size_t)1 << 30, &s, &n) < 0 || !n)
			return -1;
		set_service(f, s, n);
		return 0;
	case 'l': {
		struct flevel *x = PUSH(f->lv, f->nlv, f->clv);
		if (date(r, &x->date) < 0 || num(r, 0, MODEL_MAX_LEVELS - 1, &a) < 0 || num(r, 0, 1, &b) < 0 ||
		    str(r, sizeof x->cause - 1, &s, &n) < 0)
			return -1;
		x->level = (int)a;
		x->closed = (int)b;
		memcpy(x->cause, s, n);
		x->cause[n] = 0;
		return 0;
	}
	case 'c': {
		struct fconsent *x = PUSH(f->cs, f->ncs, f->ccs);
		return date(r, &x->date) < 0 || letter(r, "grw", &x->status) < 0 ? -1 : 0;
	}
	case 'k': return date(r, PUSH(f->coord, f->ncoord, f->ccoord));
	case 'r': return date(r, PUSH(f->rep, f->nrep, f->crep));
	case 'e': return date(r, PUSH(f->ev, f->nev, f->cev));
	case 'm': {
		struct fmeasure *x = PUSH(f->ms, f->nms, f->cms);
		return date(r, &x->date) < 0 || date(r, &x->due) < 0 ? -1 : 0;
	}
	case 'i': {
		if (!f->nev)
			return -1;
		struct fitem *x = PUSH(f->it, f->nit, f->cit);
		x->eval = f->nev - 1;
		return num(r, -1, (long)f->nms - 1, &x->measure) < 0 || letter(r, "rchs", &x->outcome) < 0 ||
		    date(r, &x->next) < 0 ? -1 : 0;
	}
	}
	return -1;
}

int
facts_parse(struct facts *f, const char *text, size_t len)
{
	struct rd r = { text, text + len };
	reset(f);
	while (r.p < r.end) {
		char tag = *r.p++;
		if (line(f, tag, &r) < 0 || take(&r, '\n') < 0)
			return -1;
	}
	return f->service && f->service[0] ? 0 : -1;
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
