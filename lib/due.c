/* due.c: obligations that come due, from the model's deadlines. */
#include <stdio.h>
#include <string.h>

#include "due.h"
#include "rules.h"

static void
emit(due_fn fn, void *arg, day_t before, const char *kind, day_t due, const char *detail,
    const struct node *at)
{
	struct obligation ob = { kind, due, detail ? detail : "", at };
	if (due >= 0 && due <= before)
		fn(&ob, arg);
}

/* The report a concern of the model's report kinds asks for. */
static void
report_due(const struct model *m, const struct node *root, day_t before, due_fn fn, void *arg)
{
	const struct node *concern = map_get(root, "concern"), *kinds = map_get(concern, "kinds");
	int owed = 0;
	for (size_t i = 0; m->report_kinds && i < m->report_kinds->n; i++)
		owed |= seq_has(kinds, m->report_kinds->v[i]->s);
	if (m->report_days < 0 || !owed || map_list(root, "reports"))
		return;
	emit(fn, arg, before, "report", map_date(root, "opened") + m->report_days, NULL, concern);
}

/* The meetings a year at the current level: the next one is due a year's
 * share after the last one since the level began (or after it began). */
static void
meeting_due(const struct model *m, const struct node *root, int level, const struct node *last,
    day_t before, due_fn fn, void *arg)
{
	int n = m->levels[level].meetings_per_year;
	const struct node *mt = map_list(root, "meetings");
	day_t from = map_date(last, "date");
	if (!n)
		return;
	for (size_t i = 0; mt && i < mt->n; i++)
		if (map_date(mt->v[i], "date") > from)
			from = map_date(mt->v[i], "date");
	emit(fn, arg, before, "meeting", from + 365 / n, NULL, last);
}

/* A consent in force that expires while a service it covers (the case's
 * own, or one taking part) is in the case and no later consent takes over. */
static void
consents_due(const struct node *root, day_t today, day_t before, due_fn fn, void *arg)
{
	const struct node *cs = map_list(root, "consents");
	for (size_t i = 0; cs && i < cs->n; i++) {
		const struct node *c = cs->v[i], *sv = map_get(c, "services");
		day_t until = map_date(c, "expires");
		if (until < 0 || strcmp(map_str(c, "status"), "given"))
			continue;
		for (size_t j = 0; sv && j < sv->n; j++) {
			const char *s = sv->v[j]->s;
			int in = rules_involved(root, s, today) || !strcmp(s, map_str(root, "service"));
			if (in && rules_covering(root, s, today) == c &&
			    !rules_covering(root, s, until + 1)) {
				emit(fn, arg, before, "consent", until, map_str(c, "id"), c);
				break;
			}
		}
	}
}

void
due_case(const struct model *m, const struct node *root, day_t today, day_t before, due_fn fn,
    void *arg)
{
	const struct node *lv = map_list(root, "levels"), *ms = map_list(root, "measures");
	if (!lv || !lv->n)
		return;
	const struct node *last = lv->v[lv->n - 1];
	long long level;
	report_due(m, root, before, fn, arg);
	if (map_true(last, "closed") || map_int(last, "level", &level) < 0 || level >= m->nlevels)
		return;
	if (m->decision_days >= 0 && lv->n == 1)
		emit(fn, arg, before, "decision", map_date(root, "opened") + m->decision_days, NULL, last);
	for (size_t i = 0; ms && i < ms->n; i++)
		emit(fn, arg, before, "evaluation", rules_measure_due(root, ms->v[i]), map_str(ms->v[i], "id"),
		    ms->v[i]);
	meeting_due(m, root, (int)level, last, before, fn, arg);
	consents_due(root, today, before, fn, arg);
}

struct warn {
	const char *file;
	struct diags *dg;
	day_t today;
};

static void
warn_one(const struct obligation *ob, void *arg)
{
	struct warn *w = arg;
	char d[11];
	char rule[32];
	snprintf(rule, sizeof rule, "due/%s", ob->kind);
	diag_warn(w->dg, w->file, ob->at->line, ob->at->col, rule, "%s%s%s was due on %s, %ld days ago (bti-due)", ob->kind, *ob->detail ? " " : "", ob->detail,
	    date_format(ob->due, d), w->today - ob->due);
}

void
due_warn(const struct model *m, const struct node *root, const char *file, day_t today,
    struct diags *dg)
{
	struct warn w = { file, dg, today };
	due_case(m, root, today, today - 1, warn_one, &w);
}
