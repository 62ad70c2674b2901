/* rules.c: the rule engine. It replays a case's lists to check the model's
 * rules on every entry's own date, so a hand edit is judged as a command
 * would have been. Every number and word of a rule comes from the model. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rules.h"

/* Walks a list (which may be NULL) with index i and entry e. */
#define EACH(i, e, l) \
	for (size_t i = 0; (l) && i < (l)->n && ((e) = (l)->v[i], 1); i++)

day_t
map_date(const struct node *map, const char *key)
{
	day_t d;
	return date_parse(map_str(map, key), &d) == 0 ? d : -1;
}

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

/* The number of distinct services taking part on a date, the case's own
 * service included. */
static int
service_count(const struct node *root, day_t d)
{
	const struct node *e, *sv = map_list(root, "services");
	const char *own = map_str(root, "service");
	int n = 1;
	EACH(i_e, e, sv) {
		const char *name = map_str(e, "name");
		int first = strcasecmp(name, own) != 0;
		for (size_t j = 0; first && j < i_e; j++)
			first = strcmp(map_str(sv->v[j], "name"), name) != 0;
		n += first && rules_involved(root, name, d);
	}
	return n;
}

/* The role name for messages: the model's, in its own language. */
static const char *
role_name(const struct model *m)
{
	return m->coordinator_role[m->lang];
}

struct rctx {
	const struct model *m;
	const struct node *root;
	const char *file;
	struct diags *dg;
	day_t opened, born;
	const char *child, *own;
};

#define ERR(c, n, rule, ...) diag_add((c)->dg, (c)->file, (n)->line, (n)->col, rule, __VA_ARGS__)

/* The kind recorded for a service when it joined, or NULL. */
static const char *
kind_given(const struct node *root, const char *service)
{
	const struct node *e, *sv = map_list(root, "services");
	const char *k = NULL;
	EACH(i_e, e, sv)
		if (!strcmp(map_str(e, "name"), service) && map_str(e, "kind"))
			k = map_str(e, "kind");
	return k;
}

static int
service_of_kinds(const struct rctx *c, const char *service, const struct node *kinds)
{
	for (size_t i = 0; kinds && i < kinds->n; i++)
		if (model_service_is(c->m, service, kinds->v[i]->s, kind_given(c->root, service)))
			return 1;
	return 0;
}

/* The refusal dated by d that came after the last consent covering
 * service, when the model lets a refusal keep a service out; or NULL. */
static const struct node *
refused(const struct rctx *c, const char *service, day_t d)
{
	const struct node *e, *cs = map_list(c->root, "consents"), *r = NULL;
	if (!c->m->refusal_blocks)
		return NULL;
	EACH(i_e, e, cs) {
		if (map_date(e, "date") > d || !seq_has(map_get(e, "services"), service))
			continue;
		if (!strcmp(map_str(e, "status"), "refused"))
			r = e;
		else if (!strcmp(map_str(e, "status"), "given"))
			r = NULL;
	}
	return r;
}

/* Consent in force for service on d, as the model sees it. */
static int
covered(const struct rctx *c, const char *service, day_t d)
{
	return rules_covering(c->root, service, d) && !refused(c, service, d);
}

/* The first service a level's consent rule leaves uncovered on d, or NULL. */
static const char *
need_uncovered(const struct rctx *c, enum need need, day_t d)
{
	const struct node *e, *sv = map_list(c->root, "services");
	if ((need == NEED_OWN || need == NEED_ALL) && !covered(c, c->own, d))
		return c->own;
	if (need == NEED_INVOLVED || need == NEED_ALL)
		EACH(i_e, e, sv) {
			const char *name = map_str(e, "name");
			if (rules_involved(c->root, name, d) && !covered(c, name, d))
				return name;
		}
	return NULL;
}

static int
age_at(const struct rctx *c, day_t d)
{
	return c->born < 0 ? -1 : age_on(c->born, d);
}

/* A young person who consents alone for services of some kinds. */
static int
alone_for_kinds(const struct rctx *c, const struct node *e, int age)
{
	const struct node *sv = map_get(e, "services");
	for (int r = 0; r < c->m->nalone; r++) {
		if (age < c->m->alone[r].age)
			continue;
		size_t i;
		for (i = 0; sv && i < sv->n; i++)
			if (!service_of_kinds(c, sv->v[i]->s, c->m->alone[r].kinds))
				break;
		if (sv && i == sv->n)
			return 1;
	}
	return 0;
}

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
	if (c->born < 0 && map_date(map_get(c->root, "child"), "due") < 0) {
		ERR(c, e, "consent/age",
		    "consents[%zu]: who must consent depends on the child's age; record the birth date (child.born)", i);
		return;
	}
	int age = age_at(c, d);
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
	if (child_signed && alone_for_kinds(c, e, age))
		return;
	int responsible = 0, missing = 0, signed_any = 0, signed_home = 0;
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
			signed_home |= map_true(g, "lives_with_child");
		} else {
			size_t off = strlen(names);
			snprintf(names + off, sizeof names - off, "%s%s", missing++ ? ", " : "", name);
		}
	}
	int alone = map_str(e, "alone_reason") != NULL;
	if (!responsible)
		ERR(c, e, "consent/guardians",
		    "consents[%zu]: %s is %d; no guardian with parental responsibility is recorded "
		    "(add them with bti-guardian)", i, c->child, age);
	else if (alone ? !signed_any : missing > 0)
		ERR(c, e, "consent/guardians",
		    "consents[%zu]: every guardian with parental responsibility must consent; missing: %s "
		    "(or document why one decides alone: alone_reason)", i, names);
	else if (alone && missing && c->m->parent_lives_with && !signed_home)
		ERR(c, e, "consent/alone",
		    "consents[%zu]: in the model %s one parent decides alone only if the child lives with "
		    "them; no parent who signed is recorded as living with the child (lives_with_child); "
		    "missing: %s", i, c->m->name, names);
	if (age >= c->m->consent_age && !child_signed)
		ERR(c, e, "consent/child",
		    "consents[%zu]: %s is %d and must consent too (from %d in the model %s)",
		    i, c->child, age, c->m->consent_age, c->m->name);
}

/* Lists whose entries need an open case and, where the level asks for
 * consent, the consent it asks for. */
static const char *const guarded[] = { "services", "coordinators", "goals", "measures",
	"evaluations", "meetings", NULL };

/* 1 when an evaluation's decision leaves the level (down or closed): what
 * the rules ask for, so it needs no consent of the level it leaves. */
static int
leaves_level(const struct rctx *c, const char *decision, int level)
{
	const struct decision *dc = model_decision(c->m, decision);
	int to = dc ? model_decision_to(dc, level) : level;
	return to == MODEL_CLOSE || to < level;
}

static void
check_guarded(struct rctx *c, const char *key, size_t i, const struct node *e)
{
	day_t d = map_date(e, "date");
	int closed, level = rules_level_on(c->root, d, &closed);
	const char *decision = map_str(e, "decision");
	if (level < 0 || level >= c->m->nlevels || (decision && leaves_level(c, decision, level)))
		return;
	if (closed) {
		ERR(c, e, "case/closed", "%s[%zu]: the case is closed on %s; reopen it first (bti-level)",
		    key, i, map_str(e, "date"));
		return;
	}
	const char *action = map_str(e, "action");
	if (action && !strcmp(action, "leave"))
		return;
	const char *s = need_uncovered(c, c->m->levels[level].consent, d);
	if (s)
		ERR(c, e, "consent/missing",
		    "%s[%zu]: at level %d on %s no consent covers %s; record one (bti-consent), "
		    "or move the case down or close it first", key, i, level, map_str(e, "date"), s);
}

/* The service of the kinds that makes a level's team coordinate, on d, or
 * "" when the team always coordinates; NULL when it need not. */
static const char *
team_reason(const struct rctx *c, const struct level *lvl, day_t d)
{
	const struct node *e, *sv = map_list(c->root, "services");
	if (!lvl->coordinator_team)
		return NULL;
	if (!lvl->team_when)
		return "";
	EACH(i_e, e, sv) {
		const char *name = map_str(e, "name");
		if (rules_involved(c->root, name, d) && service_of_kinds(c, name, lvl->team_when))
			return name;
	}
	return NULL;
}

/* The coordinator a level asks for: named, from its team, of its kinds. */
static void
check_coordinator_fits(struct rctx *c, const struct node *at, const char *what, size_t i,
    long long l, const struct node *co)
{
	const struct level *lvl = &c->m->levels[l];
	const char *svc = co ? map_str(co, "service") : NULL;
	const char *why = co ? team_reason(c, lvl, map_date(at, "date")) : NULL;
	if (!co)
		ERR(c, at, "coordinator/missing",
		    "%s[%zu]: level %lld needs a %s; name one first (bti-coordinator)", what, i, l, role_name(c->m));
	else if (why && strcasecmp(svc, lvl->coordinator_team))
		ERR(c, at, "coordinator/team",
		    "%s[%zu]: at level %lld the %s is %s in the model %s%s%s; %s is from %s "
		    "(bti-coordinator --service \"%s\")", what, i, l, role_name(c->m), lvl->coordinator_team,
		    c->m->name, *why ? " when this service takes part: " : "", why, map_str(co, "name"), svc,
		    lvl->coordinator_team);
	else if (lvl->coordinator_kinds && !service_of_kinds(c, svc, lvl->coordinator_kinds))
		ERR(c, at, "coordinator/kind",
		    "%s[%zu]: at level %lld the %s comes from a service of the kind %s in the model %s; %s is not",
		    what, i, l, role_name(c->m), lvl->coordinator_kinds->v[0]->s, c->m->name, svc);
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
		if (lvl->coordinator)
			check_coordinator_fits(c, e, "levels", i, l, rules_coordinator_on(c->root, d));
		if (lvl->leader_informed && !map_true(e, "leader_informed"))
			ERR(c, e, "level/leader",
			    "levels[%zu]: at level %lld in the model %s the management is informed; "
			    "record it (bti-level --leader-informed)", i, l, c->m->name);
		int n = service_count(c->root, d);
		if (lvl->services_min && n < lvl->services_min)
			ERR(c, e, "level/services",
			    "levels[%zu]: level %lld in the model %s has at least %d services taking part (the "
			    "case's own included); %d take part on %s (bti-service)", i, l, c->m->name,
			    lvl->services_min, n, map_str(e, "date"));
		else if (lvl->services_max && n > lvl->services_max)
			ERR(c, e, "level/services",
			    "levels[%zu]: level %lld in the model %s has at most %d services taking part (the "
			    "case's own included); %d take part on %s: choose another level, or let a service "
			    "leave first", i, l, c->m->name, lvl->services_max, n, map_str(e, "date"));
		else if (lvl->cooperation && !lvl->services_min && n < 2)
			ERR(c, e, "level/services",
			    "levels[%zu]: level %lld is cooperation between services; "
			    "record the services taking part first (bti-service)", i, l);
		const char *un = need_uncovered(c, lvl->consent, d);
		if (un)
			ERR(c, e, "consent/missing",
			    "levels[%zu]: level %lld needs a consent covering %s on %s; record it (bti-consent)",
			    i, l, un, map_str(e, "date"));
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
		const struct node *r = join ? refused(c, name, map_date(e, "date")) : NULL;
		if (join && in)
			ERR(c, e, "service/joined", "services[%zu]: %s takes part already", i, name);
		else if (!join && !in)
			ERR(c, e, "service/not-involved", "services[%zu]: %s does not take part", i, name);
		else if (r)
			ERR(c, e, "consent/refused",
			    "services[%zu]: the consent for %s was refused on %s (%s); in the model %s it takes "
			    "part only after a new consent (bti-consent)", i, name, map_str(r, "date"),
			    map_str(r, "id"), c->m->name);
	}
	const struct node *co = map_list(c->root, "coordinators");
	EACH(i, e, co) {
		const char *s = map_str(e, "service");
		day_t d = map_date(e, "date");
		int closed, level = rules_level_on(c->root, d, &closed);
		const struct level *lvl = level >= 0 && level < c->m->nlevels ? &c->m->levels[level] : NULL;
		if (strcmp(s, c->own) && !model_team(c->m, s) && !rules_involved(c->root, s, d))
			ERR(c, e, "coordinator/service",
			    "coordinators[%zu]: the %s must work in a service of the case; "
			    "%s is neither %s nor a service taking part (bti-service)", i, role_name(c->m), s, c->own);
		else if (c->m->coordinator_after_consent && !covered(c, c->own, d))
			ERR(c, e, "consent/missing",
			    "coordinators[%zu]: in the model %s the %s is named after the consent; record a "
			    "consent covering %s first (bti-consent)", i, c->m->name, role_name(c->m), c->own);
		else if (lvl && lvl->coordinator && !closed)
			check_coordinator_fits(c, e, "coordinators", i, level, e);
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
check_measures(struct rctx *c)
{
	const struct node *e, *gl = map_list(c->root, "goals"), *ms = map_list(c->root, "measures");
	EACH(i, e, gl) {
		if (find_id(gl, map_str(e, "id"), i))
			ERR(c, e, "goal/id", "goals[%zu]: the id %s is used already", i, map_str(e, "id"));
	}
	EACH(i, e, ms) {
		const char *goal = map_str(e, "goal");
		day_t start = map_date(e, "start"), by = map_date(e, "evaluate_by");
		int closed, level = rules_level_on(c->root, map_date(e, "date"), &closed);
		int days = level >= 0 && level < c->m->nlevels ? c->m->levels[level].evaluation_days : -1;
		if (find_id(ms, map_str(e, "id"), i))
			ERR(c, e, "measure/id", "measures[%zu]: the id %s is used already", i, map_str(e, "id"));
		if (by < start)
			ERR(c, e, "measure/dates", "measures[%zu]: evaluate_by is before start", i);
		else if (days >= 0 && by - start > days)
			ERR(c, e, "measure/evaluate-by",
			    "measures[%zu]: at level %d the model %s evaluates a measure within %d days of its "
			    "start; evaluate_by is %ld days after it", i, level, c->m->name, days, by - start);
		if (goal && !find_id(gl, goal, gl ? gl->n : 0))
			ERR(c, e, "measure/goal", "measures[%zu]: there is no goal %s", i, goal);
	}
}

/* The level an evaluation on d decided at: a decision that moves the case
 * is followed by its levels entry of the same day, which does not count. */
static int
level_deciding(const struct rctx *c, day_t d, const struct decision *dc)
{
	const struct node *e, *lv = map_list(c->root, "levels");
	long long prev = -1, cur = -1, l;
	day_t last = -1;
	EACH(i_e, e, lv) {
		if (map_date(e, "date") > d || map_int(e, "level", &l) < 0)
			continue;
		prev = cur;
		cur = l;
		last = map_date(e, "date");
	}
	return (int)(dc && dc->effect != EFF_STAY && last == d && prev >= 0 ? prev : cur);
}

static void
check_decision(struct rctx *c, size_t i, const struct node *e)
{
	char list[256];
	const char *word = map_str(e, "decision");
	const struct decision *dc = model_decision(c->m, word);
	day_t d = map_date(e, "date");
	int level = level_deciding(c, d, dc);
	if (!dc) {
		ERR(c, map_get(e, "decision"), "evaluation/decision",
		    "evaluations[%zu]: '%s' is not a decision of the model %s (it has: %s)", i, word, c->m->name,
		    model_decisions_list(c->m, -1, list, sizeof list));
		return;
	}
	if (level >= 0 && !model_level_decides(c->m, level, dc))
		ERR(c, map_get(e, "decision"), "evaluation/decision",
		    "evaluations[%zu]: at level %d the model %s does not decide '%s' (it decides: %s)", i, level,
		    c->m->name, word, model_decisions_list(c->m, level, list, sizeof list));
	int age = age_at(c, d);
	if (c->m->weighs_age >= 0 && age >= c->m->weighs_age && !map_str(e, "child_view"))
		ERR(c, e, "evaluation/child-view",
		    "evaluations[%zu]: %s is %d; from %d the model %s gives the child's view great weight: "
		    "record it with the decision (child_view)", i, c->child, age, c->m->weighs_age, c->m->name);
}

static void
check_evaluations(struct rctx *c)
{
	const struct node *e, *ms = map_list(c->root, "measures"), *ev = map_list(c->root, "evaluations");
	EACH(i, e, ev) {
		day_t d = map_date(e, "date");
		const struct node *it, *items = map_get(e, "measures");
		check_decision(c, i, e);
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

/* 1 when name is a guardian of the case. */
static int
is_guardian(const struct rctx *c, const char *name)
{
	const struct node *g, *gs = map_list(c->root, "guardians");
	EACH(i_g, g, gs)
		if (!strcmp(map_str(g, "name"), name))
			return 1;
	return 0;
}

static void
check_meetings(struct rctx *c)
{
	const struct node *e, *mt = map_list(c->root, "meetings");
	EACH(i, e, mt) {
		const struct meeting_kind *k = model_meeting_kind(c->m, map_str(e, "kind"));
		const struct node *p, *ps = map_get(e, "participants");
		day_t d = map_date(e, "date");
		int age = age_at(c, d);
		if (map_date(e, "next") >= 0 && map_date(e, "next") <= d)
			ERR(c, e, "meeting/next", "meetings[%zu]: the next meeting is to be after this one", i);
		if (k && !k->child && (map_true(e, "child_present") || seq_has(ps, c->child)))
			ERR(c, e, "meeting/child",
			    "meetings[%zu]: the child does not take part in a %s meeting (model %s)", i, k->word, c->m->name);
		EACH(i_p, p, ps)
			if (k && !k->guardians && is_guardian(c, p->s))
				ERR(c, p, "meeting/guardians",
				    "meetings[%zu]: %s is a guardian; guardians do not take part in a %s meeting (model %s)",
				    i, p->s, k->word, c->m->name);
		const struct node *co = rules_coordinator_on(c->root, d);
		if (k && k->coordinator_leads && (!co || !seq_has(ps, map_str(co, "name"))))
			ERR(c, e, "meeting/coordinator",
			    "meetings[%zu]: the %s leads a %s meeting in the model %s; %s is not among the participants",
			    i, role_name(c->m), k->word, c->m->name, co ? map_str(co, "name") : "no one named");
		const struct node *sv = map_get(e, "services");
		for (size_t j = 0; k && k->anonymous_or_consent && !map_true(e, "anonymous") && sv && j < sv->n; j++)
			if (!covered(c, sv->v[j]->s, d))
				ERR(c, sv->v[j], "consent/missing",
				    "meetings[%zu]: no consent covers %s on %s; discuss the case anonymously "
				    "(anonymous: true) or record a consent first (bti-consent)", i, sv->v[j]->s,
				    map_str(e, "date"));
		if (c->m->heard_age >= 0 && age >= c->m->heard_age && (!k || k->child) &&
		    !map_true(e, "child_present") && !map_str(e, "child_view"))
			ERR(c, e, "meeting/child-view",
			    "meetings[%zu]: %s is %d and has the right to be heard (from %d in the model %s); "
			    "record that the child took part or the child's view", i, c->child, age,
			    c->m->heard_age, c->m->name);
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

/* The child is in the model's target group on the opening date. */
static void
check_target(struct rctx *c)
{
	const struct node *child = map_get(c->root, "child"), *due = map_get(child, "due");
	const struct node *src = map_get(map_get(c->root, "concern"), "source");
	if (src && c->m->sources && !seq_has(c->m->sources, src->s))
		ERR(c, src, "case/source", "concern.source: the model %s opens cases only on a %s's concern",
		    c->m->name, c->m->sources->v[0]->s);
	if (due && (!c->m->unborn || c->born >= 0)) {
		ERR(c, due, "case/unborn", c->born >= 0 ? "child.due: the child is born (born or fnr)" :
		    "child.due: the model %s has no cases for unborn children", c->m->name);
		return;
	}
	if (due && map_date(child, "due") < c->opened)
		ERR(c, due, "case/unborn", "child.due: the due date is before the case was opened; "
		    "give the birth date (born)");
	/* A birth date before 1970 is a negative day: parsed here, not taken
	 * for "unknown". */
	const char *bs = map_str(child, "born");
	day_t born = c->born;
	if (!c->m->target || c->opened < 0 || (bs ? date_parse(bs, &born) < 0 : born < 0))
		return;
	const struct node *at = map_get(child, "born") ? map_get(child, "born") : child;
	int age = age_on(born, c->opened);
	if (born > c->opened)
		ERR(c, at, "case/target", "child: born after the case was opened%s",
		    c->m->unborn ? "; for an unborn child give the due date (child.due)" : "");
	else if (age < c->m->min_age || age > c->m->max_age)
		ERR(c, at, "case/target",
		    "child: %s is %d on the opening date; the model %s covers ages %d to %d",
		    c->child, age, c->m->name, c->m->min_age, c->m->max_age);
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
rules_check(const struct model *m, const struct node *root, const char *file, day_t born,
    struct diags *dg)
{
	size_t before = dg->errors;
	struct rctx c = { .m = m, .root = root, .file = file, .dg = dg,
		.opened = map_date(root, "opened"), .born = born,
		.child = map_str(map_get(root, "child"), "name"), .own = map_str(root, "service") };
	check_target(&c);
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
	check_measures(&c);
	check_evaluations(&c);
	check_meetings(&c);
	check_reports(&c);
	return dg->errors - before;
}
