/* facts.c: reducing a case to its statistics facts; their text form is one
 * line per fact: o OPENED BORN SERVICE, w WORRY KINDS (a bit set),
 * u CHILD (the identity hash), l DATE LEVEL CLOSED CAUSE, c DATE STATUS,
 * k DATE SERVICE (coordinator), j DATE SERVICE (a service joining),
 * r DATE TO TOLD (report), g DATE PRESENT VIEW (meeting), m DATE DUE,
 * x FROM TO (days without a consent covering every service taking part),
 * e DATE (evaluation), i MEASURE OUTCOME NEXT (an item of the last e).
 * Numbers are decimal, a date is a day number (DATE_NONE when there is
 * none), and the texts, SERVICE and CAUSE, are LENGTH:BYTES, so no byte
 * of a case file can end a line or start another fact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "correct.h"
#include "facts.h"
#include "rules.h"

/* The next free element of arr (count n, capacity cap), growing it. */
#define PUSH(arr, n, cap) \
	((n) == (cap) ? ((cap) = (cap) ? 2 * (cap) : 8, (arr) = xrealloc((arr), (cap) * sizeof *(arr))) : 0, \
	&(arr)[(n)++])

const char *const facts_kinds[FACTS_NKINDS] = {
	"violence", "sexual-abuse", "neglect", "illness", "disability", "behaviour",
	"trafficking", "other",
};

/* Empties f, keeping its buffers. */
static void
reset(struct facts *f)
{
	f->nlv = f->ncs = f->ncoord = f->nrep = f->nev = f->nms = f->nit = 0;
	f->njoin = f->nmt = f->npool = f->nunc = 0;
	f->worry = f->kinds = 0;
	f->child = 0;
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

/* n bytes of s into the pool, NUL-ended; returns where. */
static size_t
pool_add(struct facts *f, const char *s, size_t n)
{
	size_t at = f->npool;
	if (f->npool + n + 1 > f->cpool) {
		f->cpool = 2 * (f->npool + n + 1);
		f->pool = xrealloc(f->pool, f->cpool);
	}
	memcpy(f->pool + at, s, n);
	f->pool[at + n] = 0;
	f->npool += n + 1;
	return at;
}

/* FNV-1a over the parts (each with its NUL), kept to 59 bits so that it is
 * a positive number of at most 18 digits; never 0. */
static long
child_hash(const char *a, const char *b, const char *c)
{
	unsigned long long h = 14695981039346656037ULL;
	const char *part[3] = { a, b, c };
	for (int i = 0; i < 3; i++)
		for (const char *p = part[i] ? part[i] : ""; ; p++) {
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
			if (!*p)
				break;
		}
	h &= (1ULL << 59) - 1;
	return h ? (long)h : 1;
}

static void
concern(struct facts *f, const struct node *root)
{
	const struct node *c = map_get(root, "concern"), *child = map_get(root, "child"), *k;
	long long w = 0;
	if (c && map_int(c, "worry", &w) == 0 && w >= 1 && w <= 10)
		f->worry = (int)w;
	if (c && (k = map_get(c, "kinds")))
		for (size_t i = 0; i < k->n; i++)
			for (int j = 0; j < FACTS_NKINDS; j++)
				if (k->v[i]->s && !strcmp(k->v[i]->s, facts_kinds[j]))
					f->kinds |= 1 << j;
	if (map_str(child, "fnr"))
		f->child = child_hash("fnr", map_str(child, "fnr"), NULL);
	else if (map_str(child, "name") && map_str(child, "born"))
		f->child = child_hash("name", map_str(child, "name"), map_str(child, "born"));
}

static int
cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;
	return (x > y) - (x < y);
}

/* The spans of days when some service taking part had no consent in force
 * covering it (rules_involved, rules_covering). That can change only on the day of an
 * entry of services or consents, the day after a consent expires, and the
 * day after a consent for one meeting; between those days it holds. */
static void
uncovered(struct facts *f, const struct node *root)
{
	const struct node *l, *e;
	size_t n = 0, cap = 8;
	day_t *days = xmalloc(cap * sizeof *days);
	const char *lists[] = { "services", "consents" };
	for (int k = 0; k < 2; k++)
		if ((l = map_list(root, lists[k])))
			for (size_t i = 0; i < l->n; i++) {
				e = l->v[i];
				day_t d[3] = { map_date(e, "date"), map_date(e, "expires"), DATE_NONE };
				if (d[1] != DATE_NONE)
					d[1]++;
				if (k && map_str(e, "scope") && !strcmp(map_str(e, "scope"), "meeting") && d[0] != DATE_NONE)
					d[2] = d[0] + 1;
				for (int j = 0; j < 3; j++)
					if (d[j] != DATE_NONE) {
						if (n == cap)
							days = xrealloc(days, (cap *= 2) * sizeof *days);
						days[n++] = d[j];
					}
			}
	qsort(days, n, sizeof *days, cmp_day);
	for (size_t i = 0; i < n; i++) {
		if (i && days[i] == days[i - 1])
			continue;
		int out = 0;
		if ((l = map_list(root, "services")))
			for (size_t j = 0; j < l->n && !out; j++) {
				const char *name = map_str(l->v[j], "name");
				out = name && rules_involved(root, name, days[i]) && !rules_covering(root, name, days[i]);
			}
		struct fspan *last = f->nunc ? &f->unc[f->nunc - 1] : NULL;
		if (out && (!last || last->to != DATE_NONE))
			*PUSH(f->unc, f->nunc, f->cunc) = (struct fspan){ days[i], DATE_NONE };
		else if (!out && last && last->to == DATE_NONE)
			last->to = days[i];
	}
	free(days);
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
	concern(f, root);
	uncovered(f, root);
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
		for (size_t i = 0; i < l->n; i++) {
			const char *sv = map_str(l->v[i], "service");
			struct fnamed *x = PUSH(f->coord, f->ncoord, f->ccoord);
			x->date = map_date(l->v[i], "date");
			x->name = pool_add(f, sv ? sv : "", sv ? strlen(sv) : 0);
		}
	if ((l = map_list(root, "services")))
		for (size_t i = 0; i < l->n; i++) {
			const char *name = map_str(l->v[i], "name"), *act = map_str(l->v[i], "action");
			if (!act || strcmp(act, "join") || !name)
				continue;
			struct fnamed *x = PUSH(f->join, f->njoin, f->cjoin);
			x->date = map_date(l->v[i], "date");
			x->name = pool_add(f, name, strlen(name));
		}
	if ((l = map_list(root, "reports")))
		for (size_t i = 0; i < l->n; i++) {
			const char *to = map_str(l->v[i], "to");
			struct freport *x = PUSH(f->rep, f->nrep, f->crep);
			x->date = map_date(l->v[i], "date");
			x->to = to && !strcmp(to, "politi") ? 'p' : 'b';
			x->told = map_true(l->v[i], "inform_guardians");
		}
	if ((l = map_list(root, "meetings")))
		for (size_t i = 0; i < l->n; i++) {
			struct fmeeting *x = PUSH(f->mt, f->nmt, f->cmt);
			x->date = map_date(l->v[i], "date");
			x->present = map_true(l->v[i], "child_present");
			x->view = map_str(l->v[i], "child_view") != NULL;
		}
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
	if (f->worry || f->kinds)
		buf_printf(b, "w %d %d\n", f->worry, f->kinds);
	if (f->child)
		buf_printf(b, "u %ld\n", f->child);
	for (size_t i = 0; i < f->nlv; i++) {
		buf_printf(b, "l %ld %d %d", f->lv[i].date, f->lv[i].level, f->lv[i].closed);
		put_str(b, f->lv[i].cause);
		buf_puts(b, "\n");
	}
	for (size_t i = 0; i < f->ncs; i++)
		buf_printf(b, "c %ld %c\n", f->cs[i].date, f->cs[i].status);
	for (size_t i = 0; i < f->ncoord; i++) {
		buf_printf(b, "k %ld", f->coord[i].date);
		put_str(b, f->pool + f->coord[i].name);
		buf_puts(b, "\n");
	}
	for (size_t i = 0; i < f->njoin; i++) {
		buf_printf(b, "j %ld", f->join[i].date);
		put_str(b, f->pool + f->join[i].name);
		buf_puts(b, "\n");
	}
	for (size_t i = 0; i < f->nrep; i++)
		buf_printf(b, "r %ld %c %d\n", f->rep[i].date, f->rep[i].to, f->rep[i].told);
	for (size_t i = 0; i < f->nmt; i++)
		buf_printf(b, "g %ld %d %d\n", f->mt[i].date, f->mt[i].present, f->mt[i].view);
	for (size_t i = 0; i < f->nunc; i++)
		buf_printf(b, "x %ld %ld\n", f->unc[i].from, f->unc[i].to);
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
	case 'w':
		if (num(r, 0, 10, &a) < 0 || num(r, 0, (1 << FACTS_NKINDS) - 1, &b) < 0)
			return -1;
		f->worry = (int)a;
		f->kinds = (int)b;
		return 0;
	case 'u':
		return num(r, 1, (1L << 59) - 1, &f->child);
	case 'k':
	case 'j': {
		struct fnamed *x = tag == 'k' ? PUSH(f->coord, f->ncoord, f->ccoord) : PUSH(f->join, f->njoin, f->cjoin);
		if (date(r, &x->date) < 0 || str(r, (size_t)1 << 30, &s, &n) < 0)
			return -1;
		x->name = pool_add(f, s, n);
		return 0;
	}
	case 'r': {
		struct freport *x = PUSH(f->rep, f->nrep, f->crep);
		if (date(r, &x->date) < 0 || letter(r, "bp", &x->to) < 0 || num(r, 0, 1, &a) < 0)
			return -1;
		x->told = (int)a;
		return 0;
	}
	case 'x': {
		struct fspan *x = PUSH(f->unc, f->nunc, f->cunc);
		return date(r, &x->from) < 0 || date(r, &x->to) < 0 ? -1 : 0;
	}
	case 'g': {
		struct fmeeting *x = PUSH(f->mt, f->nmt, f->cmt);
		if (date(r, &x->date) < 0 || num(r, 0, 1, &a) < 0 || num(r, 0, 1, &b) < 0)
			return -1;
		x->present = (int)a;
		x->view = (int)b;
		return 0;
	}
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
	free(f->join);
	free(f->mt);
	free(f->unc);
	free(f->pool);
	memset(f, 0, sizeof *f);
}
