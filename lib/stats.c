/* stats.c: counting cases into the yearly tables, and suppression.
 * Every figure comes from dates inside the case files, never from commit
 * times, so a late-entered event counts in the year it happened. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "rules.h"
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
	}
}

static day_t
dt(const struct node *e, const char *key)
{
	day_t d;
	return date_parse(map_str(e, key), &d) == 0 ? d : -1;
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
count_evaluations(struct stats *s, const struct node *root)
{
	const struct node *ms = map_get(root, "measures"), *ev = map_get(root, "evaluations");
	size_t nev = ev ? ev->n : 0;
	for (size_t i = 0; ms && i < ms->n; i++) {
		const char *id = map_str(ms->v[i], "id");
		day_t due = dt(ms->v[i], "evaluate_by");
		size_t j = 0;
		while (due >= 0) {
			const struct node *it = NULL;
			for (; j < nev && !it; j++) {
				const struct node *items = map_get(ev->v[j], "measures");
				for (size_t k = 0; items && k < items->n; k++)
					if (!strcmp(map_str(items->v[k], "measure"), id))
						it = items->v[k];
			}
			if (!it) {
				/* Not evaluated once its day has passed. */
				if (in(s, due) && due < s->today)
					count(s, T_EVALUATIONS, "not-evaluated");
				break;
			}
			if (in(s, due))
				count(s, T_EVALUATIONS, dt(ev->v[j - 1], "date") <= due ? "on-time" : "late");
			due = dt(it, "next");
		}
	}
}

void
stats_add(struct stats *s, const struct node *root)
{
	char key[32];
	struct case_state st;
	case_state(root, &st);
	s->cases++;
	if (in(s, st.opened)) {
		s->t[T_OPENED].total++;
		count(s, T_OPENED_SERVICE, map_str(root, "service"));
		count(s, T_OPENED_AGE, st.born >= 0 ? age_group(age_on(st.born, st.opened)) : "unknown");
	}
	/* Levels: activity, the highest level held, moves, closings. */
	const struct node *lv = map_get(root, "levels");
	int closed, level = rules_level_on(root, s->from, &closed);
	int active = level >= 0 && !closed, highest = active ? level : -1;
	long long prev = -1;
	int prev_closed = 0;
	day_t decision = -1;
	for (size_t i = 0; lv && i < lv->n; i++) {
		const struct node *e = lv->v[i];
		long long l;
		map_int(e, "level", &l);
		int c = map_true(e, "closed");
		day_t d = dt(e, "date");
		if (i > 0 && decision < 0)
			decision = d;
		if (in(s, d)) {
			active = 1;
			if (!c && l > highest)
				highest = (int)l;
			if (c) {
				snprintf(key, sizeof key, "%lld", l);
				count(s, T_CLOSED_LEVEL, key);
				count(s, T_CLOSED_CAUSE, map_str(e, "cause"));
			} else if (i > 0 && !prev_closed) {
				snprintf(key, sizeof key, "%lld>%lld", prev, l);
				count(s, T_MOVES, key);
			}
		}
		prev = l;
		prev_closed = c;
	}
	if (active && highest >= 0) {
		snprintf(key, sizeof key, "%d", highest);
		count(s, T_ACTIVE_HIGHEST, key);
	}
	/* Open at the end of the last day: a closing that day counts. */
	level = -1;
	for (size_t i = 0; lv && i < lv->n; i++) {
		long long l;
		if (dt(lv->v[i], "date") <= s->to && map_int(lv->v[i], "level", &l) == 0) {
			level = (int)l;
			closed = map_true(lv->v[i], "closed");
		}
	}
	if (level >= 0 && !closed) {
		snprintf(key, sizeof key, "%d", level);
		count(s, T_OPEN_AT_END, key);
	}
	const struct node *e, *l;
	if ((l = map_get(root, "consents")))
		for (size_t i = 0; i < l->n; i++)
			if (e = l->v[i], in(s, dt(e, "date")))
				count(s, T_CONSENTS, map_str(e, "status"));
	if ((l = map_get(root, "coordinators")))
		for (size_t i = 1; i < l->n; i++)
			if (in(s, dt(l->v[i], "date")))
				s->t[T_HANDOVERS].total++;
	if ((l = map_get(root, "reports")))
		for (size_t i = 0; i < l->n; i++)
			if (in(s, dt(l->v[i], "date")))
				s->t[T_REPORTS].total++;
	count_evaluations(s, root);
	if (in(s, st.opened)) {
		const struct node *ms = map_get(root, "measures");
		if (ms && ms->n)
			median_add(s, 0, dt(ms->v[0], "date") - st.opened);
		if (decision >= 0)
			median_add(s, 1, decision - st.opened);
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
	/* Rows whose set depends on the data are sorted for stable output. */
	int sorted[] = { T_OPENED_SERVICE, T_ACTIVE_HIGHEST, T_OPEN_AT_END, T_MOVES,
		T_CLOSED_LEVEL, T_CLOSED_CAUSE };
	for (size_t i = 0; i < sizeof sorted / sizeof *sorted; i++)
		qsort(s->t[sorted[i]].rows, s->t[sorted[i]].nrows, sizeof(struct row), cmp_row);
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
