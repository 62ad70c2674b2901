/* stats.c: counting cases into the yearly tables, and suppression.
 * Every figure comes from dates inside the case files, never from commit
 * times, so a late-entered event counts in the year it happened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "services.h"
#include "stats.h"
#include "util.h"

static const struct {
	const char *id;
	int kind;
	const char *fixed[12];  /* rows always shown, in this order */
} tables[T_N] = {
	[T_OPENED] = { "opened", K_SINGLE, { NULL } },
	[T_OPENED_SERVICE] = { "opened_by_service", K_COUNTS, { NULL } },
	[T_OPENED_AGE] = { "opened_by_age", K_COUNTS, { NULL } },
	[T_ACTIVE_HIGHEST] = { "active_by_highest_level", K_COUNTS, { NULL } },
	[T_OPEN_AT_END] = { "open_at_end_by_level", K_COUNTS, { NULL } },
	[T_MOVES] = { "level_moves", K_COUNTS, { NULL } },
	[T_CLOSED_LEVEL] = { "closed_by_level", K_COUNTS, { NULL } },
	[T_CLOSED_CAUSE] = { "closed_by_cause", K_COUNTS, { NULL } },
	[T_EVALUATIONS] = { "evaluations_due", K_COUNTS, { "on-time", "late", "not-evaluated", NULL } },
	[T_CONSENTS] = { "consents", K_COUNTS, { "given", "refused", "withdrawn", NULL } },
	[T_HANDOVERS] = { "coordinator_handovers", K_SINGLE, { NULL } },
	[T_REPORTS] = { "reports_to_child_welfare", K_SINGLE, { NULL } },
	[T_MEDIANS] = { "median_days", K_MEDIAN, { "opening-to-first-measure", "opening-to-decision", NULL } },
	[T_REPORTS_TO] = { "reports_by_receiver", K_COUNTS, { "barnevern", "politi", NULL } },
	[T_REPORTS_TOLD] = { "reports_guardians_told", K_COUNTS, { "told", "not-told", NULL } },
	[T_KINDS] = { "concern_kinds", K_COUNTS, { "violence", "sexual-abuse", "neglect", "illness",
	    "disability", "behaviour", "trafficking", "other", "no-kind", NULL } },
	[T_WORRY] = { "worry_score", K_COUNTS, { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL } },
	[T_WORRY_Q] = { "worry_quartiles", K_QUARTILES, { "q1", "median", "q3", NULL } },
	[T_ACTIVE_AGE] = { "active_by_age", K_COUNTS, { NULL } },
	[T_CHILDREN] = { "active_children", K_SINGLE, { NULL } },
	[T_REOPENED] = { "reopenings", K_SINGLE, { NULL } },
	[T_DURATION] = { "case_duration_days", K_QUARTILES, { "q1", "median", "q3", NULL } },
	[T_LEVEL_DAYS] = { "days_at_level", K_MEDIAN, { NULL } },
	[T_JOINED] = { "services_joined", K_COUNTS, { NULL } },
	[T_COORDINATING] = { "coordinators_by_service", K_COUNTS, { NULL } },
	[T_MEETINGS] = { "meetings_child_heard", K_COUNTS, { "child-present", "child-view", "child-not-heard", NULL } },
	[T_OUTCOMES] = { "measure_outcomes", K_COUNTS, { "reached", "continue", "change", "stop", NULL } },
	[T_DECISIONS] = { "decisions_within_deadline", K_COUNTS, { "on-time", "late", "overdue", "waiting", NULL } },
	[T_MEETINGS_DUE] = { "meetings_at_cooperation_levels", K_COUNTS, { "enough", "too-few", NULL } },
	[T_CONSENT_IN_FORCE] = { "cooperation_consents", K_COUNTS, { "consent-in-force", "without-consent", NULL } },
	[T_CHILD_HEARD] = { "cooperation_child_heard", K_COUNTS, { "heard", "meetings-not-heard", "no-meeting", NULL } },
	[T_OPENED_KIND] = { "opened_by_service_kind", K_COUNTS, { NULL } },
	[T_JOINED_KIND] = { "services_joined_by_kind", K_COUNTS, { NULL } },
	[T_COORD_KIND] = { "coordinators_by_service_kind", K_COUNTS, { NULL } },
};

static const struct bands band_sets[] = {
	{ "default", 5, { 5, 12, 15, 17, 23 } },
	{ "ssb", 5, { 5, 12, 17, 22, 23 } },
};

const struct bands *
stats_bands(const char *name)
{
	for (size_t i = 0; i < sizeof band_sets / sizeof *band_sets; i++)
		if (!strcmp(band_sets[i].name, name))
			return &band_sets[i];
	return NULL;
}

/* The key of band i of b: "6-12", "23" or, past the last, "24+". */
static void
band_key(const struct bands *b, int i, char key[16])
{
	int lo = i ? b->hi[i - 1] + 1 : 0;
	if (i == b->n)
		snprintf(key, 16, "%d+", lo);
	else if (lo == b->hi[i])
		snprintf(key, 16, "%d", lo);
	else
		snprintf(key, 16, "%d-%d", lo, b->hi[i]);
}

static void
band_of(const struct bands *b, int age, char key[16])
{
	int i = 0;
	while (i < b->n && age > b->hi[i])
		i++;
	band_key(b, i, key);
}

/* The row of key, made if there is none. Names that differ only in case
 * or spaces are one row, under the spelling that sorts first by bytes, so
 * that it does not depend on the order of the cases. */
static struct row *
row(struct table *t, const char *key)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(t->rows[i].key, key))
			return &t->rows[i];
	for (size_t i = 0; i < t->nrows; i++)
		if (nb_same_name(t->rows[i].key, key)) {
			if (strcmp(key, t->rows[i].key) < 0) {
				free(t->rows[i].key);
				t->rows[i].key = xstrdup(key);
			}
			return &t->rows[i];
		}
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	struct row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->key = xstrdup(key);
	return r;
}

static const char *const xtable_ids[X_N] = {
	"opened_by_service_and_age", "active_by_level_and_service", "closed_by_level_and_cause",
	"opened_by_service_kind_and_age", "active_by_level_and_service_kind",
};

int
stats_table(const char *id)
{
	for (int i = 0; i < T_N; i++)
		if (!strcmp(tables[i].id, id))
			return i;
	for (int i = 0; i < X_N; i++)
		if (!strcmp(xtable_ids[i], id))
			return T_N + i;
	return -1;
}

/* Whether table or cross-table i (T_N + ...) is by service kind. */
static int
by_kind(int i)
{
	return i == T_OPENED_KIND || i == T_JOINED_KIND || i == T_COORD_KIND ||
	    i == T_N + X_OPENED_KIND || i == T_N + X_ACTIVE_KIND;
}

/* Whether table or cross-table i takes part in the suppression: all but
 * the tables by kind without a register. */
static int
counted(const struct stats *s, int i)
{
	return s->kinds || !by_kind(i);
}

int
stats_shown(const struct stats *s, int i)
{
	return !s->hide[i] && counted(s, i);
}

int
stats_xshown(const struct stats *s, int i)
{
	return stats_shown(s, T_N + i);
}

/* Whether table t is counted by repository (all the kind tables: whether
 * they are printed is known after the last repository). */
static int
counted_byrepo(const struct stats *s, int t)
{
	return s->nrepos > 1 && !s->hide[t] && t != T_CHILDREN && (s->t[t].kind == K_COUNTS || s->t[t].kind == K_SINGLE);
}

int
stats_byrepo(const struct stats *s, int t)
{
	return counted_byrepo(s, t) && stats_shown(s, t);
}

static void
count(struct stats *s, int tab, const char *key)
{
	row(&s->t[tab], key)->n++;
	s->t[tab].total++;
	if (counted_byrepo(s, tab))
		crosstab_count(&s->byrepo[tab], key, s->repos[s->repo]);
}

void
stats_use_services(struct stats *s, const struct node *list)
{
	s->services = list;
	s->kinds |= list != NULL;
}

/* The kind of a service of the next cases, by the register. */
static const char *
kind_of(const struct stats *s, const char *name)
{
	const char *kind = services_kind(s->services, services_resolve(s->services, name));
	return kind ? kind : "unknown";
}

/* A table that is one count. */
static void
single(struct stats *s, int tab, int n)
{
	s->t[tab].total += n;
	while (n-- > 0 && counted_byrepo(s, tab))
		crosstab_count(&s->byrepo[tab], "count", s->repos[s->repo]);
}

void
stats_repos(struct stats *s, char *const *names, size_t n)
{
	s->repos = (char **)names;
	s->nrepos = n;
	for (int i = 0; i < T_N; i++) {
		struct crosstab *x = &s->byrepo[i];
		x->id = xasprintf("%s_by_repository", s->t[i].id);
		x->rows_are = "row";
		x->cols_are = "repository";
		x->rlink = &s->t[i];
		x->cols = names;
		x->ncols = n;
		x->row_table = s->t[i].id;
	}
}

void
stats_repo(struct stats *s, size_t i)
{
	s->repo = i;
}

void
stats_use_model(struct stats *s, const struct model *m)
{
	unsigned coop = 0;
	for (int l = 0; l < m->nlevels; l++)
		coop |= (unsigned)(m->levels[l].cooperation != 0) << l;
	s->decision_days = m->decision_days;
	s->meetings_per_year = m->meetings_per_year;
	s->meeting_levels = coop;
}

/* The days of the period a case spent at a level of cooperation, and the
 * meetings held on those days, against the model's meetings a year for so
 * many days (rounded up). */
static void
count_meetings(struct stats *s, const struct facts *f)
{
	long days = 0, held = 0, heard = 0;
	int without = 0;
	for (size_t i = 0; i < f->nlv; i++) {
		const struct flevel *e = &f->lv[i];
		if (e->closed || !(s->meeting_levels >> e->level & 1))
			continue;
		day_t start = e->date > s->from ? e->date : s->from;
		day_t end = i + 1 < f->nlv ? f->lv[i + 1].date : s->to + 1;
		if (end > s->to + 1)
			end = s->to + 1;
		if (end <= start)
			continue;
		days += end - start;
		for (size_t m = 0; m < f->nmt; m++)
			if (f->mt[m].date >= start && f->mt[m].date < end) {
				held++;
				heard += f->mt[m].present || f->mt[m].view;
			}
		/* a day of it without a consent for every service taking part */
		for (size_t u = 0; u < f->nunc; u++)
			without |= f->unc[u].from < end && (f->unc[u].to == DATE_NONE || f->unc[u].to > start);
	}
	if (days > 0 && s->meetings_per_year > 0)
		count(s, T_MEETINGS_DUE, held * 365 >= (long)s->meetings_per_year * days ? "enough" : "too-few");
	if (days > 0) {
		count(s, T_CONSENT_IN_FORCE, without ? "without-consent" : "consent-in-force");
		count(s, T_CHILD_HEARD, heard ? "heard" : held ? "meetings-not-heard" : "no-meeting");
	}
}

void
stats_model(struct stats *s, const char *name)
{
	snprintf(s->model, sizeof s->model, "%s%s", name ? name : "", name ? ":" : "");
}

static void
vals_add(struct vals *v, long x)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = x;
}

void
stats_init(struct stats *s, day_t from, day_t to, const struct bands *bands)
{
	memset(s, 0, sizeof *s);
	s->from = from;
	s->to = to;
	s->today = date_today();
	s->bands = bands ? bands : &band_sets[0];
	stats_model(s, NULL);
	for (int i = 0; i < T_N; i++) {
		struct table *t = &s->t[i];
		t->id = tables[i].id;
		t->kind = tables[i].kind;
		for (int j = 0; tables[i].fixed[j]; j++)
			row(t, tables[i].fixed[j]);
		if (i == T_OPENED_AGE || i == T_ACTIVE_AGE)
			for (int j = 0; j < s->bands->n; j++) {
				char key[16];
				band_key(s->bands, j, key);
				row(t, key);
			}
		t->nfixed = t->nrows;
	}
	static const struct { const char *rows_are, *cols_are; int rlink, clink; } xs[X_N] = {
		[X_OPENED] = { "service", "age", T_OPENED_SERVICE, T_OPENED_AGE },
		[X_ACTIVE] = { "level", "service", T_ACTIVE_HIGHEST, -1 },
		[X_CLOSED] = { "level", "cause", T_CLOSED_LEVEL, T_CLOSED_CAUSE },
		[X_OPENED_KIND] = { "kind", "age", T_OPENED_KIND, T_OPENED_AGE },
		[X_ACTIVE_KIND] = { "level", "kind", T_ACTIVE_HIGHEST, -1 },
	};
	for (int i = 0; i < X_N; i++) {
		s->x[i].id = xtable_ids[i];
		s->x[i].rows_are = xs[i].rows_are;
		s->x[i].cols_are = xs[i].cols_are;
		s->x[i].rlink = &s->t[xs[i].rlink];
		s->x[i].clink = xs[i].clink >= 0 ? &s->t[xs[i].clink] : NULL;
	}
}

static int
in(const struct stats *s, day_t d)
{
	return d >= s->from && d <= s->to;
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

/* What is counted on the day a case is opened: service, age, concern. */
static void
count_opened(struct stats *s, const struct facts *f)
{
	char key[16];
	single(s, T_OPENED, 1);
	count(s, T_OPENED_SERVICE, f->service);
	if (f->born != DATE_NONE)
		band_of(s->bands, age_on(f->born, f->opened), key);
	count(s, T_OPENED_AGE, f->born != DATE_NONE ? key : "unknown");
	crosstab_count(&s->x[X_OPENED], f->service, f->born != DATE_NONE ? key : "unknown");
	count(s, T_OPENED_KIND, kind_of(s, f->service));
	crosstab_count(&s->x[X_OPENED_KIND], kind_of(s, f->service), f->born != DATE_NONE ? key : "unknown");
	for (int i = 0; i < FACTS_NKINDS; i++)
		if (f->kinds & 1 << i)
			count(s, T_KINDS, facts_kinds[i]);
	if (!f->kinds)
		count(s, T_KINDS, "no-kind");
	if (f->worry) {
		snprintf(key, sizeof key, "%d", f->worry);
		count(s, T_WORRY, key);
		vals_add(&s->t[T_WORRY_Q].vals, f->worry);
	}
}

/* Reports, meetings, services joining, coordinators, outcomes. */
static void
count_events(struct stats *s, const struct facts *f)
{
	static const char *const outcome[] = { "reached", "continue", "change", "stop" };
	for (size_t i = 0; i < f->ncs; i++)
		if (in(s, f->cs[i].date))
			count(s, T_CONSENTS, f->cs[i].status == 'g' ? "given" :
			    f->cs[i].status == 'r' ? "refused" : "withdrawn");
	for (size_t i = 0; i < f->ncoord; i++)
		if (in(s, f->coord[i].date)) {
			single(s, T_HANDOVERS, i > 0);
			count(s, T_COORDINATING, f->pool + f->coord[i].name);
			count(s, T_COORD_KIND, kind_of(s, f->pool + f->coord[i].name));
		}
	for (size_t i = 0; i < f->njoin; i++)
		if (in(s, f->join[i].date)) {
			count(s, T_JOINED, f->pool + f->join[i].name);
			count(s, T_JOINED_KIND, kind_of(s, f->pool + f->join[i].name));
		}
	for (size_t i = 0; i < f->nrep; i++)
		if (in(s, f->rep[i].date)) {
			single(s, T_REPORTS, 1);
			count(s, T_REPORTS_TO, f->rep[i].to == 'p' ? "politi" : "barnevern");
			count(s, T_REPORTS_TOLD, f->rep[i].told ? "told" : "not-told");
		}
	for (size_t i = 0; i < f->nmt; i++)
		if (in(s, f->mt[i].date))
			count(s, T_MEETINGS, f->mt[i].present ? "child-present" :
			    f->mt[i].view ? "child-view" : "child-not-heard");
	for (size_t i = 0; i < f->nit; i++)
		if (in(s, f->ev[f->it[i].eval]))
			count(s, T_OUTCOMES, outcome[strchr("rchs", f->it[i].outcome) - "rchs"]);
}

void
stats_add(struct stats *s, const struct facts *f)
{
	char key[300];
	s->cases++;
	if (in(s, f->opened))
		count_opened(s, f);
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
		if (i > 0 && !f->lv[i - 1].closed) {
			/* A spell at a level, ended by this entry. */
			snprintf(key, sizeof key, "%s%d", s->model, f->lv[i - 1].level);
			vals_add(&row(&s->t[T_LEVEL_DAYS], key)->vals, e->date - f->lv[i - 1].date);
		}
		if (e->closed) {
			snprintf(key, sizeof key, "%s%d", s->model, e->level);
			count(s, T_CLOSED_LEVEL, key);
			count(s, T_CLOSED_CAUSE, e->cause);
			crosstab_count(&s->x[X_CLOSED], key, e->cause);
			vals_add(&s->t[T_DURATION].vals, e->date - f->opened);
		} else if (i > 0 && !f->lv[i - 1].closed) {
			snprintf(key, sizeof key, "%s%d>%d", s->model, f->lv[i - 1].level, e->level);
			count(s, T_MOVES, key);
		} else if (i > 0) {
			single(s, T_REOPENED, 1);
		}
	}
	if (active && highest >= 0) {
		snprintf(key, sizeof key, "%s%d", s->model, highest);
		count(s, T_ACTIVE_HIGHEST, key);
		crosstab_count(&s->x[X_ACTIVE], key, f->service);
		crosstab_count(&s->x[X_ACTIVE_KIND], key, kind_of(s, f->service));
		if (f->born != DATE_NONE)
			band_of(s->bands, age_on(f->born, s->to), key);
		count(s, T_ACTIVE_AGE, f->born != DATE_NONE ? key : "unknown");
		if (f->child)
			vals_add(&s->children, f->child);
	}
	/* Open at the end of the last day: a closing that day counts. */
	level = -1;
	for (size_t i = 0; i < f->nlv && f->lv[i].date <= s->to; i++) {
		level = f->lv[i].level;
		closed = f->lv[i].closed;
	}
	if (level >= 0 && !closed) {
		snprintf(key, sizeof key, "%s%d", s->model, level);
		count(s, T_OPEN_AT_END, key);
	}
	count_events(s, f);
	count_evaluations(s, f);
	count_meetings(s, f);
	if (in(s, f->opened) && s->decision_days > 0) {
		/* The first decision about the level, against the model's days. */
		day_t due = f->opened + s->decision_days;
		count(s, T_DECISIONS, decision != DATE_NONE ? (decision <= due ? "on-time" : "late") :
		    due < s->today ? "overdue" : "waiting");
	}
	if (in(s, f->opened)) {
		if (f->nms)
			vals_add(&s->t[T_MEDIANS].rows[0].vals, f->ms[0].date - f->opened);
		if (decision != DATE_NONE)
			vals_add(&s->t[T_MEDIANS].rows[1].vals, decision - f->opened);
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
	return nb_collate(((const struct row *)a)->key, ((const struct row *)b)->key);
}

/* The median of n sorted values: the middle one, or the mean of the middle
 * two rounded down. */
static long
median(const long *v, size_t n)
{
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Primary suppression: 0 < n < k. */
static void
primary(struct table *t, int k)
{
	if (t->total > 0 && t->total < k)
		t->total_hidden = 1;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].n > 0 && t->rows[i].n < k)
			t->rows[i].hidden = 1;
}

/* Complementary: the rows add up to the total, so where exactly one of
 * them and the total is hidden, it could be recomputed: the smallest other
 * row is hidden as well, one that is not 0 if there is one. Returns 1 when
 * it hid a row. */
static int
protect(struct table *t)
{
	size_t hidden = t->total_hidden != 0;
	for (size_t i = 0; i < t->nrows; i++)
		hidden += t->rows[i].hidden != 0;
	if (hidden != 1 || t->kind != K_COUNTS)
		return 0;
	struct row *min = NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		struct row *r = &t->rows[i];
		if (!r->hidden && (!min || (min->n == 0 && r->n > 0) || (r->n > 0 && r->n < min->n)))
			min = r;
	}
	if (!min)
		return 0;
	min->hidden = 2;
	return 1;
}

/* Hides in one what the other hides of a value both publish; returns how
 * many it hid. */
static int
share(int *a, int *b)
{
	if (!*a == !*b)
		return 0;
	if (*a)
		*b = 2;
	else
		*a = 2;
	return 1;
}

/* A cross-table's totals are rows of its linked tables, its grand total
 * their total. */
static int
link(struct crosstab *x, int col)
{
	struct table *t = col ? x->clink : x->rlink;
	int n = 0;
	if (!t)
		return 0;
	size_t keys = col ? x->nc : x->nr;
	for (size_t i = 0; i < keys; i++)
		for (size_t j = 0; j < t->nrows; j++)
			if (!strcmp(t->rows[j].key, col ? x->ck[i] : x->rk[i]))
				n += share(&t->rows[j].hidden,
				    &x->hid[col ? XT_AT(x, x->nr, i) : XT_AT(x, i, x->nc)]);
	return n + share(&t->total_hidden, &x->hid[XT_AT(x, x->nr, x->nc)]);
}

/* Medians and quartiles: a figure over fewer than k values is hidden. The
 * quartiles are the medians of the lower and the upper half (the middle
 * value, when there is one, in neither; with one value, all three are it). */
static void
figures(struct table *t, int k)
{
	for (size_t i = 0; i < t->nrows; i++) {
		struct row *r = &t->rows[i];
		struct vals *v = t->kind == K_MEDIAN ? &r->vals : &t->vals;
		r->base = (long)v->n;
		if (!v->n)
			continue;
		qsort(v->v, v->n, sizeof *v->v, cmp_long);
		size_t half = v->n / 2 ? v->n / 2 : 1;
		if (t->kind == K_MEDIAN || !strcmp(r->key, "median"))
			r->n = median(v->v, v->n);
		else
			r->n = median(!strcmp(r->key, "q1") ? v->v : v->v + v->n - half, half);
		r->hidden = r->base < k;
	}
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
	/* Children: each identity once. */
	if (s->children.n)
		qsort(s->children.v, s->children.n, sizeof *s->children.v, cmp_long);
	for (size_t i = 0; i < s->children.n; i++)
		s->t[T_CHILDREN].total += !i || s->children.v[i] != s->children.v[i - 1];
	for (int i = 0; i < T_N; i++)
		if (s->t[i].kind == K_MEDIAN || s->t[i].kind == K_QUARTILES)
			figures(&s->t[i], k);
		else
			primary(&s->t[i], k);
	for (int i = 0; i < X_N; i++) {
		if (!counted(s, T_N + i))
			continue;
		crosstab_build(&s->x[i]);
		crosstab_primary(&s->x[i], k);
	}
	for (int i = 0; i < T_N; i++)
		if (stats_byrepo(s, i)) {
			crosstab_build(&s->byrepo[i]);
			crosstab_primary(&s->byrepo[i], k);
		}
	/* Tables whose totals are the same count. */
	static const int same[][5] = {
		{ T_OPENED, T_OPENED_SERVICE, T_OPENED_AGE, T_OPENED_KIND, -1 },
		{ T_ACTIVE_HIGHEST, T_ACTIVE_AGE, -1 },
		{ T_CLOSED_LEVEL, T_CLOSED_CAUSE, -1 },
		{ T_REPORTS, T_REPORTS_TO, T_REPORTS_TOLD, -1 },
		{ T_JOINED, T_JOINED_KIND, -1 },
		{ T_COORDINATING, T_COORD_KIND, -1 },
	};
	/* Until nothing more is hidden: every table and cross-table protects
	 * its hidden values, and a value two of them publish is hidden in both
	 * when it is in one. */
	for (int more = 1; more;) {
		more = 0;
		for (int i = 0; i < T_N; i++)
			if (counted(s, i))
				more += protect(&s->t[i]);
		for (int i = 0; i < X_N; i++) {
			if (!counted(s, T_N + i))
				continue;
			more += crosstab_protect(&s->x[i]);
			more += link(&s->x[i], 0);
			more += link(&s->x[i], 1);
		}
		for (int i = 0; i < T_N; i++)
			if (stats_byrepo(s, i)) {
				more += crosstab_protect(&s->byrepo[i]);
				more += link(&s->byrepo[i], 0);
			}
		for (size_t g = 0; g < sizeof same / sizeof *same; g++)
			for (int j = 1; same[g][j] >= 0; j++) {
				int a = same[g][0], b = same[g][j];
				if (!counted(s, b))
					continue;
				more += share(&s->t[a].total_hidden, &s->t[b].total_hidden);
				/* and each repository's total, a column total */
				for (size_t r = 0; stats_byrepo(s, a) && r < s->nrepos; r++) {
					struct crosstab *x = &s->byrepo[a], *y = &s->byrepo[b];
					more += share(&x->hid[XT_AT(x, x->nr, r)], &y->hid[XT_AT(y, y->nr, r)]);
				}
			}
	}
}

void
stats_free(struct stats *s)
{
	for (int i = 0; i < T_N; i++) {
		for (size_t j = 0; j < s->t[i].nrows; j++) {
			free(s->t[i].rows[j].key);
			free(s->t[i].rows[j].vals.v);
		}
		free(s->t[i].rows);
		free(s->t[i].vals.v);
	}
	for (int i = 0; i < X_N; i++)
		crosstab_free(&s->x[i]);
	for (int i = 0; i < T_N; i++)
		if (s->byrepo[i].id) {
			crosstab_free(&s->byrepo[i]);
			free((char *)s->byrepo[i].id);
		}
	free(s->children.v);
}
