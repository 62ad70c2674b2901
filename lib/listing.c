/* listing.c: bti-list's filters and its line and object per case. */
#include <string.h>

#include "fold.h"
#include "json.h"
#include "listing.h"
#include "tsv.h"

static const char *const fields[] = { LIST_FIELDS };

static int
same_name(const char *a, const char *b)
{
	struct buf x = { 0 }, y = { 0 };
	fold_name(&x, a, 0);
	fold_name(&y, b, 0);
	int same = !strcmp(x.p, y.p);
	buf_free(&x);
	buf_free(&y);
	return same;
}

int
filter_match(const struct filter *f, const struct qrow *q)
{
	if ((f->level >= 0 && q->level != f->level) ||
	    (f->state == 'o' && q->closed) || (f->state == 'c' && !q->closed) ||
	    (f->opened_from >= 0 && q->opened < f->opened_from) ||
	    (f->opened_to >= 0 && q->opened > f->opened_to) ||
	    (f->inactive_since >= 0 && q->last >= f->inactive_since) ||
	    (f->born >= 0 && q->born != f->born) ||
	    (f->due && !query_due(q, f->today)))
		return 0;
	if (f->age_from >= 0 || f->age_to >= 0) {
		if (q->born < 0)
			return 0;
		long age = age_on(q->born, f->today);
		if ((f->age_from >= 0 && age < f->age_from) || (f->age_to >= 0 && age > f->age_to))
			return 0;
	}
	if (f->coordinator && !same_name(q->coordinator, f->coordinator))
		return 0;
	if (f->service) {
		size_t i = 0;
		while (i < q->nservices && !same_name(q->services[i], f->service))
			i++;
		if (i == q->nservices)
			return 0;
	}
	return 1;
}

void
list_tsv_header(struct buf *b)
{
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		buf_printf(b, "%s%s", i ? "\t" : "", fields[i]);
	buf_puts(b, "\n");
}

void
list_tsv(struct buf *b, const struct qrow *q, day_t today)
{
	char o[11], l[11];
	buf_printf(b, "%s\t%d\t%s\t%s\t%s\t", q->id, q->level, q->closed ? "closed" : "open",
	    date_format(q->opened, o), date_format(q->last, l));
	tsv_escape(b, q->coordinator);
	buf_puts(b, "\t");
	tsv_escape(b, q->coord_service);
	buf_puts(b, "\t");
	for (size_t i = 0; i < q->nservices; i++) {
		if (i)
			buf_puts(b, ";");
		for (const char *p = q->services[i]; *p; p++) {
			const char *e = *p == '\\' ? "\\\\" : *p == ';' ? "\\;" : *p == '\t' ? "\\t" :
			    *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : NULL;
			buf_add(b, e ? e : p, e ? 2 : 1);
		}
	}
	buf_printf(b, "\t%zu\n", query_due(q, today));
}

static void
key(struct buf *b, size_t i)
{
	buf_puts(b, i ? ", " : "{");
	json_string(b, fields[i]);
	buf_puts(b, ": ");
}

static void
string_or_null(struct buf *b, const char *s)
{
	if (*s)
		json_string(b, s);
	else
		buf_puts(b, "null");
}

void
list_json(struct buf *b, const struct qrow *q, day_t today)
{
	char d[11];
	key(b, 0);
	json_string(b, q->id);
	key(b, 1);
	buf_printf(b, "%d", q->level);
	key(b, 2);
	json_string(b, q->closed ? "closed" : "open");
	key(b, 3);
	json_string(b, date_format(q->opened, d));
	key(b, 4);
	json_string(b, date_format(q->last, d));
	key(b, 5);
	string_or_null(b, q->coordinator);
	key(b, 6);
	string_or_null(b, q->coord_service);
	key(b, 7);
	buf_puts(b, "[");
	for (size_t i = 0; i < q->nservices; i++) {
		buf_puts(b, i ? ", " : "");
		json_string(b, q->services[i]);
	}
	buf_puts(b, "]");
	key(b, 8);
	buf_printf(b, "%zu}", query_due(q, today));
}
