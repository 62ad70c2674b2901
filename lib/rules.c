/* rules.c: replaying a case's lists to check the workflow rules on every
 * entry's own date, so a hand edit is judged as a command would have been. */
#include <string.h>

#include "case.h"
#include "rules.h"

/* Walks a list (which may be NULL) with index i and entry e. */
#define EACH(i, e, l) \
	for (size_t i = 0; (l) && i < (l)->n && ((e) = (l)->v[i], 1); i++)

int
seq_has(const struct node *seq, const char *s)
{
	for (size_t i = 0; seq && seq->type == NT_SEQ && i < seq->n; i++)
		if (!strcmp(seq->v[i]->s, s))
			return 1;
	return 0;
}

int
rules_level_on(const struct node *root, day_t d, int *closed)
{
	const struct node *e, *lv = map_list(root, "levels");
	int level = -1;
	*closed = 0;
	EACH(i_e, e, lv) {
		long long l;
		day_t when = map_date(e, "date");
		if (when > d || map_int(e, "level", &l) < 0)
			continue;
		level = (int)l;
		/* A case closes at the end of its closing day: what else happened
		 * that day (the evaluation that decided it) still belongs to it. */
		*closed = map_true(e, "closed") && when < d;
	}
	return level;
}

int
rules_involved(const struct node *root, const char *service, day_t d)
{
	const struct node *e, *sv = map_list(root, "services");
	int in = 0;
	EACH(i_e, e, sv) {
		const char *name = map_str(e, "name");
		if (map_date(e, "date") <= d && name && !strcmp(name, service))
			in = !strcmp(map_str(e, "action"), "join");
	}
	return in;
}

/* The date a consent was withdrawn, or -1. */
static day_t
withdrawn_on(const struct node *root, const char *id)
{
	const struct node *e, *cs = map_list(root, "consents");
	EACH(i_e, e, cs) {
		const char *w = map_str(e, "withdraws");
		if (!strcmp(map_str(e, "status"), "withdrawn") && w && !strcmp(w, id))
			return map_date(e, "date");
	}
	return -1;
}

const struct node *
rules_covering(const struct node *root, const char *service, day_t d)
{
	const struct node *c, *cs = map_list(root, "consents");
	EACH(i_c, c, cs) {
		day_t from = map_date(c, "date");
		if (strcmp(map_str(c, "status"), "given") || from > d ||
		    !seq_has(map_get(c, "services"), service))
			continue;
		if (!strcmp(map_str(c, "scope"), "meeting") && from != d)
			continue;
		day_t until = map_date(c, "expires");
		if (until >= 0 && d > until)
			continue;
		day_t w = withdrawn_on(root, map_str(c, "id"));
		if (w >= 0 && w <= d)
			continue;
		return c;
	}
	return NULL;
}

const char *
rules_uncovered(const struct node *root, day_t d)
{
	const struct node *e, *sv = map_list(root, "services");
	EACH(i_e, e, sv) {
		const char *name = map_str(e, "name");
		if (rules_involved(root, name, d) && !rules_covering(root, name, d))
			return name;
	}
	return NULL;
}

const struct node *
rules_coordinator_on(const struct node *root, day_t d)
{
	const struct node *e, *co = map_list(root, "coordinators"), *cur = NULL;
	EACH(i_e, e, co)
		if (map_date(e, "date") <= d)
			cur = e;
	return cur;
}

static int
violent(const struct node *kinds)
{
	return seq_has(kinds, "violence") || seq_has(kinds, "sexual-abuse");
}

int
rules_secret(const struct node *root)
{
	const struct node *e, *rp = map_list(root, "reports");
	if (violent(map_get(map_get(root, "concern"), "kinds")))
		return 1;
	EACH(i_e, e, rp)
		if (violent(map_get(e, "kinds")))
			return 1;
	return 0;
}

day_t
rules_measure_due(const struct node *root, const struct node *m)
{
	const char *id = map_str(m, "id");
	const struct node *e, *it, *ev = map_list(root, "evaluations");
	day_t due = map_date(m, "evaluate_by");
	EACH(i_e, e, ev) {
		const struct node *items = map_get(e, "measures");
		EACH(i_it, it, items) {
			const char *out = map_str(it, "outcome");
			if (strcmp(map_str(it, "measure"), id))
				continue;
			if (!strcmp(out, "reached") || !strcmp(out, "stop"))
				return -1;
			due = map_date(it, "next");
		}
	}
	return due;
}

struct rctx {
	const struct model *m;
	const struct node *root;
	const char *file;
	struct diags *dg;
	day_t opened, born;
	const char *child;
};

#define ERR(c, n, rule, ...) diag_add((c)->dg, (c)->file, (n)->line, (n)->col, rule, __VA_ARGS__)

static void
check_consent(struct rctx *c, const struct node *cs, size_t i)
{
	const struct node *e = cs->v[i];
	const char *id = map_str(e, "id"), *status = map_str(e, "status");
	for (size_t j = 0; j < i; j++)
		if (!strcmp(map_str(cs->v[j], "id"), id))
			ERR(c, e, "consent/id", "consents[%zu]: the id %s is used already", i, id);
	if (!strcmp(map_str(e, "form"), "oral") && !map_str(e, "documented"))
		ERR(c, e, "consent/oral",
		    "consents[%zu]: an oral consent must say where it is documented (documented:)", i);
	if (!strcmp(status, "withdrawn")) {
		const char *w = map_str(e, "withdraws");
		size_t j, given = i, again = 0;
		for (j = 0; w && j < i; j++) {
			const char *st = map_str(cs->v[j], "status"), *jw = map_str(cs->v[j], "withdraws");
			if (!strcmp(map_str(cs->v[j], "id"), w) && !strcmp(st, "given"))
				given = j;
			again |= !strcmp(st, "withdrawn") && jw && !strcmp(jw, w);
		}
		if (!w || given == i)
			ERR(c, e, "consent/withdraws",
			    "consents[%zu]: a withdrawal must name an earlier given consent (withdraws:)", i);
		else if (again)
			ERR(c, e, "consent/withdraws", "consents[%zu]: %s is withdrawn already", i, w);
		return;
	}
	day_t d = map_date(e, "date"), until = map_date(e, "expires");
	if (until >= 0 && until < d)
		ERR(c, e, "consent/expires", "consents[%zu]: expires before it is given", i);
	if (strcmp(status, "given"))
		return;
	if (c->born < 0) {
		ERR(c, e, "consent/age",
		    "consents[%zu]: who must consent depends on the child's age; record the birth date (child.born)", i);
		return;
	}
	int age = age_on(c->born, d);
	const struct node *by = map_get(e, "given_by"), *g, *gs = map_list(c->root, "guardians");
	int child_signed = seq_has(by, c->child);
	if (age >= c->m->adult_age) {
		int verge = 0, verge_signed = 0;
		EACH(i_g, g, gs)
			if (map_true(g, "verge")) {
				verge = 1;
				verge_signed |= seq_has(by, map_str(g, "name"));
			}
		if (!child_signed && !verge_signed)
			ERR(c, e, "consent/adult",
			    "consents[%zu]: %s is %d and consents for themself%s", i, c->child, age,
			    verge ? " (or the appointed verge)" : "; no verge is recorded");
		return;
	}
	int responsible = 0, missing = 0, signed_any = 0;
	char names[256] = "";
	EACH(i_g, g, gs) {
		/* A guardian recorded after the consent could not have signed it. */
		day_t since = map_date(g, "date");
		if (!map_true(g, "responsibility") || map_true(g, "verge") || since > d)
			continue;
		const char *name = map_str(g, "name");
		responsible++;
		if (seq_has(by, name)) {
			signed_any = 1;
		} else {
			size_t off = strlen(names);
			snprintf(names + off, sizeof names - off, "%s%s", missing++ ? ", " : "", name);
		}
	}
	if (!responsible)
		ERR(c, e, "consent/guardians",
		    "consents[%zu]: %s is %d; no guardian with parental responsibility is recorded "
		    "(add them with bti-guardian)", i, c->child, age);
	else if (map_str(e, "alone_reason") ? !signed_any : missing > 0)
		ERR(c, e, "consent/guardians",
		    "consents[%zu]: every guardian with parental responsibility must consent; missing: %s "
		    "(or document why one decides alone: alone_reason)", i, names);
	if (age >= c->m->consent_age && !child_signed)
		ERR(c, e, "consent/child",
		    "consents[%zu]: %s is %d and must consent too (from %d in the model %s)",
		    i, c->child, age, c->m->consent_age, c->m->name);
}

/* Lists whose entries need an open case and, at a cooperation level,
 * consent for every involved service. */
static const char *const guarded[] = { "services", "coordinators", "goals", "measures",
	"evaluations", "meetings", NULL };

static void
check_guarded(struct rctx *c, const char *key, size_t i, const struct node *e)
{
	day_t d = map_date(e, "date");
	int closed, level = rules_level_on(c->root, d, &closed);
	const char *decision = map_str(e, "decision");
	/* The evaluation that decides to step down or close is what the rules
	 * ask for; its closing entry carries the same date. */
	if (level < 0 || level >= c->m->nlevels ||
	    (decision && (!strcmp(decision, "down") || !strcmp(decision, "close"))))
		return;
	if (closed) {
		ERR(c, e, "case/closed", "%s[%zu]: the case is closed on %s; reopen it first (bti-level)",
		    key, i, map_str(e, "date"));
		return;
	}
	if (!c->m->levels[level].cooperation)
		return;
	const char *action = map_str(e, "action");
	if (action && !strcmp(action, "leave"))
		return;
	const char *s = rules_uncovered(c->root, d);
	if (s)
		ERR(c, e, "consent/missing",
		    "%s[%zu]: at level %d on %s no consent covers %s; record one (bti-consent), "
		    "or move the case down or close it first", key, i, level, map_str(e, "date"), s);
}

static void
check_level_guards(struct rctx *c)
{
	const struct node *e, *lv = map_list(c->root, "levels");
	EACH(i, e, lv) {
		long long l;
		day_t d = map_date(e, "date");
		if (map_true(e, "closed") || map_int(e, "level", &l) < 0 || l >= c->m->nlevels)
			continue;
		const struct level *lvl = &c->m->levels[l];
		if (lvl->coordinator && !rules_coordinator_on(c->root, d))
			ERR(c, e, "coordinator/missing",
			    "levels[%zu]: level %lld needs a %s; name one first (bti-coordinator)",
			    i, l, c->m->coordinator_role[LANG_EN]);
		if (lvl->cooperation) {
			const struct node *s, *sv = map_list(c->root, "services");
			int any = 0;
			EACH(i_s, s, sv)
				any |= rules_involved(c->root, map_str(s, "name"), d);
			const char *un = rules_uncovered(c->root, d);
			if (!any)
				ERR(c, e, "level/services",
				    "levels[%zu]: level %lld is cooperation between services; "
				    "record the services taking part first (bti-service)", i, l);
			else if (un)
				ERR(c, e, "consent/missing",
				    "levels[%zu]: level %lld needs a consent covering %s on %s; record it (bti-consent)",
				    i, l, un, map_str(e, "date"));
		}
	}
}

static void
check_services(struct rctx *c)
{
	const struct node *e, *sv = map_list(c->root, "services");
	EACH(i, e, sv) {
		const char *name = map_str(e, "name");
		int join = !strcmp(map_str(e, "action"), "join");
		/* Involvement just before this entry: fold the ones above it. */
		int in = 0;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(map_str(sv->v[j], "name"), name))
				in = !strcmp(map_str(sv->v[j], "action"), "join");
		if (join && in)
			ERR(c, e, "service/joined", "services[%zu]: %s takes part already", i, name);
		else if (!join && !in)
			ERR(c, e, "service/not-involved", "services[%zu]: %s does not take part", i, name);
	}
	const struct node *co = map_list(c->root, "coordinators");
	EACH(i, e, co) {
		const char *s = map_str(e, "service");
		if (strcmp(s, map_str(c->root, "service")) && !rules_involved(c->root, s, map_date(e, "date")))
			ERR(c, e, "coordinator/service",
			    "coordinators[%zu]: the coordinator must work in a service of the case; "
			    "%s is neither %s nor a service taking part (bti-service)", i, s,
			    map_str(c->root, "service"));
	}
}

static const struct node *
find_id(const struct node *l, const char *id, size_t before)
{
	for (size_t j = 0; l && j < before && j < l->n; j++)
		if (!strcmp(map_str(l->v[j], "id"), id))
			return l->v[j];
	return NULL;
}

static void
check_plan(struct rctx *c)
{
	const struct node *e, *gl = map_list(c->root, "goals"), *ms = map_list(c->root, "measures");
	EACH(i, e, gl) {
		if (find_id(gl, map_str(e, "id"), i))
			ERR(c, e, "goal/id", "goals[%zu]: the id %s is used already", i, map_str(e, "id"));
	}
	EACH(i, e, ms) {
		const char *goal = map_str(e, "goal");
		if (find_id(ms, map_str(e, "id"), i))
			ERR(c, e, "measure/id", "measures[%zu]: the id %s is used already", i, map_str(e, "id"));
		if (map_date(e, "evaluate_by") < map_date(e, "start"))
			ERR(c, e, "measure/dates", "measures[%zu]: evaluate_by is before start", i);
		if (goal && !find_id(gl, goal, gl ? gl->n : 0))
			ERR(c, e, "measure/goal", "measures[%zu]: there is no goal %s", i, goal);
	}
	const struct node *ev = map_list(c->root, "evaluations");
	EACH(i, e, ev) {
		day_t d = map_date(e, "date");
		const struct node *it, *items = map_get(e, "measures");
		EACH(i_it, it, items) {
			const char *mid = map_str(it, "measure"), *out = map_str(it, "outcome");
			const struct node *mm = find_id(ms, mid, ms ? ms->n : 0);
			if (!mm || map_date(mm, "date") > d) {
				ERR(c, it, "evaluation/measure",
				    "evaluations[%zu]: there is no measure %s on %s", i, mid, map_str(e, "date"));
				continue;
			}
			/* A measure that reached its goal or stopped is not evaluated again. */
			for (size_t j = 0; j < i; j++) {
				const struct node *pit, *pitems = map_get(ev->v[j], "measures");
				EACH(i_pit, pit, pitems) {
					const char *po = map_str(pit, "outcome");
					if (!strcmp(map_str(pit, "measure"), mid) &&
					    (!strcmp(po, "reached") || !strcmp(po, "stop")))
						ERR(c, it, "evaluation/ended",
						    "evaluations[%zu]: measure %s ended (%s) on %s", i, mid, po,
						    map_str(ev->v[j], "date"));
				}
			}
			int goes_on = !strcmp(out, "continue") || !strcmp(out, "change");
			day_t next = map_date(it, "next");
			if (goes_on && next <= d)
				ERR(c, it, "evaluation/next",
				    "evaluations[%zu]: measure %s goes on (%s); give the next evaluation date, after %s",
				    i, mid, out, map_str(e, "date"));
		}
	}
}

static void
check_reports(struct rctx *c)
{
	const struct node *e, *rp = map_list(c->root, "reports");
	/* Once violence or abuse is reported, no later report tells the guardians. */
	int secret = violent(map_get(map_get(c->root, "concern"), "kinds"));
	EACH(i, e, rp) {
		secret |= violent(map_get(e, "kinds"));
		if (map_true(e, "inform_guardians") && secret)
			ERR(c, e, "report/inform",
			    "reports[%zu]: with suspected violence or sexual abuse the guardians are not "
			    "told; contact police and child welfare the same day", i);
	}
}

/* Every dated list is in date order and starts no earlier than the case. */
static void
check_dates(struct rctx *c)
{
	static const char *const keys[] = { "services", "coordinators", "consents", "goals",
		"measures", "evaluations", "meetings", "reports", NULL };
	for (int k = 0; keys[k]; k++) {
		const struct node *e, *l = map_list(c->root, keys[k]);
		day_t prev = -1;
		EACH(i, e, l) {
			day_t d = map_date(e, "date");
			if (d < c->opened)
				ERR(c, e, "date/before-opened", "%s[%zu]: dated before the case was opened",
				    keys[k], i);
			else if (d < prev)
				ERR(c, e, "date/order",
				    "%s[%zu]: dated before the entry above it; entries are in date order", keys[k], i);
			prev = d;
		}
	}
}

size_t
rules_check(const struct model *m, const struct node *root, const char *file, struct diags *dg)
{
	size_t before = dg->errors;
	struct case_state st;
	case_state(root, &st);
	struct rctx c = { .m = m, .root = root, .file = file, .dg = dg, .opened = st.opened,
		.born = st.born, .child = map_str(map_get(root, "child"), "name") };
	check_dates(&c);
	const struct node *cs = map_list(root, "consents");
	for (size_t i = 0; cs && i < cs->n; i++)
		check_consent(&c, cs, i);
	check_level_guards(&c);
	check_services(&c);
	for (int k = 0; guarded[k]; k++) {
		const struct node *e, *l = map_list(root, guarded[k]);
		EACH(i, e, l)
			check_guarded(&c, guarded[k], i, e);
	}
	check_plan(&c);
	check_reports(&c);
	return dg->errors - before;
}
