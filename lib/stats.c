/* stats.c: counting cases into the yearly tables, and suppression.
 * Every figure comes from dates inside the case files, never from commit
 * times, so a late-entered event counts in the year it happened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "util.h"

static const char *const table_ids[T_N] = {
	"opened", "opened_by_service", "opened_by_age", "active_by_highest_level",
	"open_at_end_by_level", "level_moves", "closed_by_level", "closed_by_cause",
	"evaluations_due", "consents", "coordinator_handovers", "reports_to_child_welfare",
	"median_days",
};

static struct row *
row(struct table *t, const char *key)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(t->rows[i].key, key))
			return &t->rows[i];
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	struct row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->key = xstrdup(key);
	return r;
}

static void
count(struct stats *s, int tab, const char *key)
{
	row(&s->t[tab], key)->n++;
	s->t[tab].total++;
}

void
stats_init(struct stats *s, day_t from, day_t to)
{
	static const char *const fixed[][6] = {
		[T_OPENED_AGE] = { "0-5", "6-12", "13-15", "16-17", "18-23", NULL },
		[T_EVALUATIONS] = { "on-time", "late", "not-evaluated", NULL },
		[T_CONSENTS] = { "given", "refused", "withdrawn", NULL },
		[T_MEDIANS] = { "opening-to-first-measure", "opening-to-decision", NULL },
	};
	memset(s, 0, sizeof *s);
	s->from = from;
	s->to = to;
	s->today = date_today();
	for (int i = 0; i < T_N; i++) {
		s->t[i].id = table_ids[i];
		s->t[i].has_rows = i != T_OPENED && i != T_HANDOVERS && i != T_REPORTS;
		for (int j = 0; j < 6 && fixed[i][j]; j++)
			row(&s->t[i], fixed[i][j]);
		s->t[i].nfixed = s->t[i].nrows;
	}
}

static int
in(const struct stats *s, day_t d)
{
	return d >= s->from && d <= s->to;
}

static const char *
age_group(int age)
{
	return age <= 5 ? "0-5" : age <= 12 ? "6-12" : age <= 15 ? "13-15" : age <= 17 ? "16-17" :
	    age <= 23 ? "18-23" : "24+";
}

static void
median_add(struct stats *s, int which, long days)
{
	if (s->nmed[which] == s->capmed[which]) {
		s->capmed[which] = s->capmed[which] ? s->capmed[which] * 2 : 64;
		s->medians[which] = xrealloc(s->medians[which], s->capmed[which] * sizeof(long));
	}
	s->medians[which][s->nmed[which]++] = days;
}

/* Measures whose evaluation fell due in the period: the evaluation that
 * answers a due date is the next one of that measure after the last. */
static void
count_evaluations(struct stats *s, const struct facts *f)
{
	for (size_t m = 0; m < f->nms; m++) {
		day_t due = f->ms[m].due;
		size_t j = 0;
		while (due != DATE_NONE) {
			while (j < f->nit && f->it[j].measure != (long)m)
				j++;
			if (j == f->nit) {
				/* Not evaluated once its day has passed. */
				if (in(s, due) && due < s->today)
					count(s, T_EVALUATIONS, "not-evaluated");
				break;
			}
			if (in(s, due))
				count(s, T_EVALUATIONS, f->ev[f->it[j].eval] <= due ? "on-time" : "late");
			due = f->it[j++].next;
		}
	}
}

void
stats_add(struct stats *s, const struct facts *f)
{
	char key[32];
	s->cases++;
	if (in(s, f->opened)) {
		s->t[T_OPENED].total++;
		count(s, T_OPENED_SERVICE, f->service);
		count(s, T_OPENED_AGE, f->born != DATE_NONE ? age_group(age_on(f->born, f->opened)) : "unknown");
	}
	/* The level as the period starts, before the entries of its first day
	 * (those are counted below, as every entry in the period is): a case
	 * that moves down or closes that day held its level first. */
	int level = -1, closed = 0;
	for (size_t i = 0; i < f->nlv && f->lv[i].date < s->from; i++) {
		level = f->lv[i].level;
		closed = f->lv[i].closed;
	}
	/* Levels: activity, the highest level held, moves, closings. */
	int active = level >= 0 && !closed, highest = active ? level : -1;
	day_t decision = f->nlv > 1 ? f->lv[1].date : DATE_NONE;
	for (size_t i = 0; i < f->nlv; i++) {
		const struct flevel *e = &f->lv[i];
		if (!in(s, e->date))
			continue;
		active = 1;
		if (!e->closed && e->level > highest)
			highest = e->level;
		if (e->closed) {
			snprintf(key, sizeof key, "%d", e->level);
			count(s, T_CLOSED_LEVEL, key);
			count(s, T_CLOSED_CAUSE, e->cause);
		} else if (i > 0 && !f->lv[i - 1].closed) {
			snprintf(key, sizeof key, "%d>%d", f->lv[i - 1].level, e->level);
			count(s, T_MOVES, key);
		}
	}
	if (active && highest >= 0) {
		snprintf(key, sizeof key, "%d", highest);
		count(s, T_ACTIVE_HIGHEST, key);
	}
	/* Open at the end of the last day: a closing that day counts. */
	level = -1;
	for (size_t i = 0; i < f->nlv && f->lv[i].date <= s->to; i++) {
		level = f->lv[i].level;
		closed = f->lv[i].closed;
	}
	if (level >= 0 && !closed) {
		snprintf(key, sizeof key, "%d", level);
		count(s, T_OPEN_AT_END, key);
	}
	for (size_t i = 0; i < f->ncs; i++)
		if (in(s, f->cs[i].date))
			count(s, T_CONSENTS, f->cs[i].status == 'g' ? "given" :
			    f->cs[i].status == 'r' ? "refused" : "withdrawn");
	for (size_t i = 1; i < f->ncoord; i++)
		s->t[T_HANDOVERS].total += in(s, f->coord[i]);
	for (size_t i = 0; i < f->nrep; i++)
		s->t[T_REPORTS].total += in(s, f->rep[i]);
	count_evaluations(s, f);
	if (in(s, f->opened)) {
		if (f->nms)
			median_add(s, 0, f->ms[0].date - f->opened);
		if (decision != DATE_NONE)
			median_add(s, 1, decision - f->opened);
	}
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

static int
cmp_row(const void *a, const void *b)
{
	return strcmp(((const struct row *)a)->key, ((const struct row *)b)->key);
}

/* Primary: 0 < n < k. Secondary: where a breakdown has exactly one hidden
 * cell, it could be recomputed from the total (which other tables publish
 * too), so the smallest other cell is hidden as well, a non-zero one if
 * there is one. */
static void
suppress(struct table *t, int k)
{
	if (t->total > 0 && t->total < k)
		t->total_hidden = 1;
	size_t hidden = 0;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].n > 0 && t->rows[i].n < k) {
			t->rows[i].hidden = 1;
			hidden++;
		}
	if (hidden != 1 || t->total_hidden)
		return;
	struct row *min = NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		struct row *r = &t->rows[i];
		if (!r->hidden && (!min || (min->n == 0 && r->n > 0) || (r->n > 0 && r->n < min->n)))
			min = r;
	}
	if (min)
		min->hidden = 2;
}

void
stats_finish(struct stats *s, int k)
{
	/* Rows that the data brought are sorted, so the output does not depend
	 * on the order the cases were counted in. */
	for (int i = 0; i < T_N; i++) {
		struct table *t = &s->t[i];
		if (t->nrows > t->nfixed + 1)
			qsort(t->rows + t->nfixed, t->nrows - t->nfixed, sizeof *t->rows, cmp_row);
	}
	struct table *m = &s->t[T_MEDIANS];
	for (int w = 0; w < 2; w++) {
		struct row *r = &m->rows[w];
		r->base = (long)s->nmed[w];
		if (s->nmed[w]) {
			qsort(s->medians[w], s->nmed[w], sizeof(long), cmp_long);
			size_t n = s->nmed[w];
			r->n = n % 2 ? s->medians[w][n / 2] : (s->medians[w][n / 2 - 1] + s->medians[w][n / 2]) / 2;
		}
		r->hidden = r->base > 0 && r->base < k;
	}
	for (int i = 0; i < T_N; i++)
		if (i != T_MEDIANS)
			suppress(&s->t[i], k);
}

void
stats_free(struct stats *s)
{
	for (int i = 0; i < T_N; i++) {
		for (size_t j = 0; j < s->t[i].nrows; j++)
			free(s->t[i].rows[j].key);
		free(s->t[i].rows);
	}
	free(s->medians[0]);
	free(s->medians[1]);
}
