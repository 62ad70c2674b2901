/* t_rules.c: the rule engine on each key of the model vocabulary: a small
 * model with one key set, a case that keeps or breaks the rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "due.h"
#include "model.h"
#include "rules.h"
#include "tap.h"
#include "yamlio.h"

static const char model_fmt[] =
"model: 1\n"
"name: t\n"
"title: {nb: T, nn: T, en: T}\n"
"%s"
"levels:\n"
"  - {level: 0, name: {nb: a, nn: a, en: a}, summary: {nb: a, nn: a, en: a}, cooperation: false, coordinator: false}\n"
"  - {level: 1, name: {nb: a, nn: a, en: a}, summary: {nb: a, nn: a, en: a}, cooperation: false%s}\n"
"  - {level: 2, name: {nb: a, nn: a, en: a}, summary: {nb: a, nn: a, en: a}, cooperation: true, coordinator: false%s}\n"
"transitions: [{from: 0, to: 1}, {from: 1, to: 2}, {from: 2, to: 1}]\n"
"close_from: [0, 1, 2]\n"
"reopen_to: [0]\n"
"close_causes: [goal-reached, individual-plan]\n"
"roles:\n"
"  coordinator: {nb: stafettholder, nn: stafetthaldar, en: coordinator}\n"
"  child: {nb: barn, nn: barn, en: child}\n"
"  guardians: {nb: foresatte, nn: føresette, en: guardians}\n";

/* The case: Ola, 15 from 2025-06-01, 16 from 2026-06-01; two guardians. */
static const char case_fmt[] =
"bti: 1\n"
"id: 2026-AAAAAA\n"
"opened: 2026-01-01\n"
"child: {name: Ola, %s}\n"
"service: Skole\n"
"concern: {text: c, worry: 3, by: K%s}\n"
"guardians:\n"
"  - {name: Mor, responsibility: true}\n"
"  - {name: Far, responsibility: true}\n"
"levels:\n"
"  - {date: 2026-01-01, level: 0, reason: r, by: K}\n"
"%s";

static char rules[512];
/* bti.yaml's register of services for the next checks, or NULL. */
static const char *reg;

/* The rules broken, "a b", or "ok"; "model:RULE" when the model is refused. */
static const char *
check_full(const char *top, const char *l1, const char *l2, const char *child, const char *src,
    const char *lists)
{
	char mt[4096], ct[4096], lv1[256];
	struct model m;
	struct diags dg = { 0 };
	char tp[1024];
	snprintf(lv1, sizeof lv1, "%s%s", strstr(l1, "coordinator: true") ? "" : ", coordinator: false", l1);
	snprintf(tp, sizeof tp, "%s%s%s", strstr(top, "consent_age") ? "" : "consent_age: 15\n",
	    strstr(top, "adult_age") ? "" : "adult_age: 18\n", top);
	snprintf(mt, sizeof mt, model_fmt, tp, lv1, l2);
	snprintf(ct, sizeof ct, case_fmt, child, src, lists);
	rules[0] = 0;
	if (model_parse(&m, "m.yaml", mt, strlen(mt), &dg) < 0) {
		snprintf(rules, sizeof rules, "model:%s", dg.n ? dg.v[0].rule : "?");
		for (size_t i = 0; i < dg.n; i++)
			fprintf(stderr, "# %s:%d:%d: %s: %s\n", dg.v[i].file, dg.v[i].line, dg.v[i].col,
			    dg.v[i].rule, dg.v[i].msg);
	} else {
		struct doc d, rd;
		doc_init(&d, "c.yaml");
		doc_init(&rd, "bti.yaml");
		if (reg && yaml_read(&rd, reg, strlen(reg), &dg) == 0)
			m.services = rd.root;
		if (yaml_read(&d, ct, strlen(ct), &dg) < 0) {
			snprintf(rules, sizeof rules, "yaml");
		} else {
			day_t born = map_date(map_get(d.root, "child"), "born");
			rules_check(&m, d.root, "c.yaml", born, &dg);
			for (size_t i = 0; i < dg.n; i++) {
				size_t off = strlen(rules);
				snprintf(rules + off, sizeof rules - off, "%s%s", off ? " " : "", dg.v[i].rule);
			}
		}
		doc_free(&d);
		doc_free(&rd);
	}
	model_free(&m);
	diags_free(&dg);
	return rules[0] ? rules : "ok";
}

static const char *
check(const char *top, const char *l1, const char *l2, const char *lists)
{
	return check_full(top, l1, l2, "born: 2010-06-01", "", lists);
}

#define CONSENT(by, svc, extra) \
	"consents:\n  - {id: c1, date: 2026-03-01, status: given, given_by: [" by "], services: [" svc \
	"], scope: over-time, form: written, by: K" extra "}\n"

static void
test_consent(void)
{
	is_str(check("", "", "", CONSENT("Mor, Far", "PPT", "")), "consent/child",
	    "consent_age (default 15): a 15-year-old co-signs");
	is_str(check("consent_age: 16\n", "", "", CONSENT("Mor, Far", "PPT", "")), "ok",
	    "consent_age: 16: a 15-year-old does not");
	is_str(check("consent_age: 15\nadult_age: 15\n", "", "", CONSENT("Mor, Far", "PPT", "")), "consent/adult",
	    "adult_age: 15: the young person consents alone");
	const char *alone = "consent_alone: [{age: 15, kinds: [health]}]\nservice_kinds: {health: [Helsestasjon]}\n";
	is_str(check(alone, "", "", CONSENT("Ola", "helsestasjon", "")), "ok",
	    "consent_alone: alone for a health service (names match in any case)");
	is_str(check(alone, "", "", CONSENT("Ola", "Helsestasjon, PPT", "")), "consent/guardians",
	    "consent_alone: not for PPT");
	is_str(check("consent_alone: [{age: 16, kinds: [health]}]\nservice_kinds: {health: [Helsestasjon]}\n",
	    "", "", CONSENT("Ola", "Helsestasjon", "")), "consent/guardians", "consent_alone: not before the age");
	is_str(check("", "", "", CONSENT("Mor, Ola", "PPT", ", alone_reason: Far er borte")), "ok",
	    "one_parent (default reason): a reason is enough");
	is_str(check("one_parent: lives-with-child\n", "", "", CONSENT("Mor, Ola", "PPT", ", alone_reason: Far er borte")),
	    "consent/alone", "one_parent: lives-with-child: Mor must live with Ola");
	const char *refused = "consents:\n"
	    "  - {id: c1, date: 2026-02-01, status: refused, given_by: [Mor, Far, Ola], services: [PPT], scope: over-time, form: written, by: K}\n"
	    "services:\n  - {date: 2026-02-02, name: PPT, action: join, by: K}\n";
	is_str(check("refusal_blocks: true\n", "", "", refused), "consent/refused", "refusal_blocks: PPT stays out");
	is_str(check("", "", "", refused), "ok", "without refusal_blocks a refusal does not block");
}

static void
test_target(void)
{
	is_str(check("target: {min_age: 0, max_age: 23}\n", "", "", ""), "ok", "target: 15 is in 0-23");
	is_str(check("target: {min_age: 0, max_age: 14}\n", "", "", ""), "case/target", "target: 15 is not in 0-14");
	is_str(check_full("target: {min_age: 0, max_age: 23}\n", "", "", "born: 1899-01-01", "", ""), "case/target",
	    "target: born in 1899 (before 1970)");
	is_str(check_full("target: {min_age: 0, max_age: 23, unborn: true}\n", "", "", "due: 2026-05-01", "", ""),
	    "ok", "target.unborn: a due date");
	is_str(check_full("target: {min_age: 0, max_age: 23}\n", "", "", "due: 2026-05-01", "", ""),
	    "case/unborn", "without unborn a due date is refused");
	is_str(check_full("sources: [service]\n", "", "", "born: 2010-06-01", ", source: family", ""),
	    "case/source", "sources: the family may not ask");
	is_str(check_full("sources: [service, family]\n", "", "", "born: 2010-06-01", ", source: family", ""),
	    "ok", "sources: the family may ask");
}

#define LEVEL1 "  - {date: 2026-02-01, level: 1, reason: r, by: K}\n"
#define LEVEL2 "  - {date: 2026-02-01, level: 2, reason: r, by: K}\n"
#define JOIN(s) "  - {date: 2026-01-20, name: " s ", action: join, by: K}\n"

static void
test_levels(void)
{
	const char *two = LEVEL1 LEVEL2 "services:\n" JOIN("PPT") JOIN("BUP")
	    "consents:\n  - {id: c1, date: 2026-01-20, status: given, given_by: [Mor, Far, Ola], services: [PPT, BUP, Skole], scope: over-time, form: written, by: K}\n";
	is_str(check("", "", "", two), "ok", "level 2 with three services");
	is_str(check("", "", ", services: {max: 2}", two), "level/services", "services.max: 2");
	is_str(check("", "", ", services: {min: 4}", two), "level/services", "services.min: 4");
	is_str(check("", ", consent: own", "", LEVEL1), "consent/missing", "consent: own at level 1");
	is_str(check("", ", consent: own", "", LEVEL1 "consents:\n  - {id: c1, date: 2026-01-20, status: given, "
	    "given_by: [Mor, Far, Ola], services: [Skole], scope: over-time, form: written, by: K}\n"), "ok",
	    "consent: own, with a consent covering the school");
	const char *co = LEVEL1 "coordinators:\n  - {date: 2026-01-10, name: Kari, service: Skole, by: K}\n";
	is_str(check("", ", coordinator: true", "", LEVEL1), "coordinator/missing", "coordinator: true");
	is_str(check("", ", coordinator: true, coordinator_team: Teamet", "", co), "coordinator/team",
	    "coordinator_team: a school coordinator is refused");
	const char *when = ", coordinator: true, coordinator_team: Teamet, coordinator_team_when: [central]";
	is_str(check("service_kinds: {central: [Barnevern]}\n", when, "", co), "ok",
	    "coordinator_team_when: without a central service the school coordinates");
	const char *withbv = LEVEL1 "services:\n" JOIN("Barnevern")
	    "coordinators:\n  - {date: 2026-01-10, name: Kari, service: Skole, by: K}\n";
	is_str(check("service_kinds: {central: [Barnevern]}\n", when, "", withbv), "coordinator/team",
	    "coordinator_team_when: with barnevern the team coordinates");
	is_str(check("service_kinds: {health: [Skole]}\n", ", coordinator: true, coordinator_kinds: [health]", "", co),
	    "ok", "coordinator_kinds: a service of the kind");
	is_str(check("", ", coordinator: true, coordinator_kinds: [health]", "", co), "coordinator/kind",
	    "coordinator_kinds: a service of another kind");
	const char *ms = LEVEL1 "measures:\n  - {id: m1, date: 2026-02-01, what: w, responsible: r, start: 2026-02-01, evaluate_by: 2026-04-01, by: K}\n";
	is_str(check("", ", evaluation_days: 30", "", ms), "measure/evaluate-by", "evaluation_days: 30");
	is_str(check("", ", evaluation_days: 60", "", ms), "ok", "evaluation_days: 60");
	is_str(check("coordinator_after_consent: true\n", "", "", "coordinators:\n  - {date: 2026-01-10, name: Kari, "
	    "service: Skole, by: K}\n"), "consent/missing", "coordinator_after_consent: no consent yet");
	is_str(check("", ", leader_informed: true", "", LEVEL1), "level/leader", "leader_informed: not recorded");
	is_str(check("", ", leader_informed: true", "", "  - {date: 2026-02-01, level: 1, reason: r, by: K, "
	    "leader_informed: true}\n"), "ok", "leader_informed: recorded");
}

#define EVAL(dec, extra) \
	"evaluations:\n  - {date: 2026-03-01, measures: [{measure: m1, outcome: reached}], decision: " dec ", by: K" extra "}\n"
#define MEASURE "measures:\n  - {id: m1, date: 2026-02-01, what: w, responsible: r, start: 2026-02-01, evaluate_by: 2026-03-01, by: K}\n"

static void
test_decisions(void)
{
	const char *sys = "decisions: {continue: {effect: stay}, system: {effect: stay}, close: {effect: close}}\n";
	is_str(check(sys, ", decisions: [continue, system]", "", LEVEL1 MEASURE EVAL("system", "")), "ok",
	    "decisions: system at level 1");
	is_str(check(sys, ", decisions: [continue]", "", LEVEL1 MEASURE EVAL("system", "")), "evaluation/decision",
	    "decisions per level: not at level 1");
	is_str(check("", "", "", LEVEL1 MEASURE EVAL("system", "")), "evaluation/decision",
	    "without decisions: only continue, up, down, close");
	is_str(check("child_voice: {heard: 7, weighs: 12}\n", "", "", LEVEL1 MEASURE EVAL("continue", "")),
	    "evaluation/child-view", "child_voice.weighs: a 15-year-old's view");
	is_str(check("child_voice: {heard: 7, weighs: 12}\n", "", "", LEVEL1 MEASURE EVAL("continue", ", child_view: v")),
	    "ok", "child_voice.weighs: with the view");
	is_str(check("decisions: {up: {effect: level, level: 5}}\n", "", "", ""), "model:model/format",
	    "a decision mapped to a level that does not exist");
	is_str(check("decisions: {up: {effect: level}}\n", "", "", ""), "model:model/format",
	    "effect: level without the level");
	is_str(check("decisions: {ke: {effect: close, cause: moved}}\n", "", "", ""), "model:model/format",
	    "a cause that is not a close cause");
	is_str(check("decision_days: -3\n", "", "", ""), "model:schema/range", "a negative deadline");
	is_str(check("colour: red\n", "", "", ""), "model:schema/unknown-key", "an unknown key");

	struct model m;
	struct diags dg = { 0 };
	char mt[4096];
	snprintf(mt, sizeof mt, model_fmt, "consent_age: 15\nadult_age: 18\ndecisions: {team: {effect: level, "
	    "level: 2}, ke: {effect: close, cause: individual-plan}, up: {effect: up}, down: {effect: down}}\n",
	    ", coordinator: false", "");
	if (!ok(model_parse(&m, "m.yaml", mt, strlen(mt), &dg) == 0, "a model with decisions parses"))
		return;
	is_int(model_decision_to(model_decision(&m, "team"), 0), 2, "effect: level goes to its level");
	is_int(model_decision_to(model_decision(&m, "ke"), 1), MODEL_CLOSE, "effect: close closes");
	is_str(model_decision(&m, "ke")->cause, "individual-plan", "with its cause");
	is_int(model_decision_to(model_decision(&m, "up"), 1), 2, "effect: up");
	is_int(model_decision_to(model_decision(&m, "down"), 1), 0, "effect: down");
	ok(model_decision(&m, "continue") == NULL, "a decision the model does not name");
	model_free(&m);
	diags_free(&dg);
}

#define MEETING(kind, who, extra) \
	"meetings:\n  - {date: 2026-03-01, kind: " kind ", participants: [" who "], child_present: false, minutes: m, by: K" extra "}\n"

static void
test_meetings(void)
{
	const char *kinds = "meeting_kinds: {handover: {child: false, guardians: false}, plan: {coordinator_leads: true},"
	    " advice: {consent: unless-anonymous}}\n";
	is_str(check(kinds, "", "", MEETING("handover", "Kari, Per", "")), "ok", "handover without child and guardians");
	is_str(check(kinds, "", "", MEETING("handover", "Kari, Mor", "")), "meeting/guardians",
	    "meeting_kinds.guardians: false");
	is_str(check(kinds, "", "", "meetings:\n  - {date: 2026-03-01, kind: handover, participants: [Kari], child_present: true, minutes: m, by: K}\n"),
	    "meeting/child", "meeting_kinds.child: false");
	is_str(check(kinds, "", "", MEETING("plan", "Per", "")), "meeting/coordinator", "coordinator_leads without one");
	is_str(check(kinds, "", "", "coordinators:\n  - {date: 2026-02-01, name: Kari, service: Skole, by: K}\n"
	    MEETING("plan", "Kari", "")), "ok", "coordinator_leads with the coordinator");
	is_str(check(kinds, "", "", MEETING("advice", "Kari", ", services: [PPT]")), "consent/missing",
	    "consent: unless-anonymous");
	is_str(check(kinds, "", "", MEETING("advice", "Kari", ", services: [PPT], anonymous: true")), "ok",
	    "anonymous advice");
	is_str(check("child_voice: {heard: 7}\n", "", "", MEETING("plan", "Kari", "")), "meeting/child-view",
	    "child_voice.heard: the view or presence is recorded");
	is_str(check("", "", "", MEETING("plan", "Kari", ", next: 2026-02-01")), "meeting/next",
	    "the next meeting is after this one");
}

#define AT2 LEVEL1 "  - {date: 2026-03-01, level: 2, reason: r, by: K}\n"

static char dues[512];

static void
note(const struct obligation *ob, void *arg)
{
	char d[11];
	size_t off = strlen(dues);
	(void)arg;
	snprintf(dues + off, sizeof dues - off, "%s%s %s%s%s", off ? ", " : "", ob->kind,
	    date_format(ob->due, d), *ob->detail ? " " : "", ob->detail);
}

/* The obligations of the case on 2026-06-15, listed up to before. */
static const char *
due_of(const char *top, const char *l2, const char *kinds, const char *lists, const char *before)
{
	char mt[4096], ct[4096];
	struct model m;
	struct diags dg = { 0 };
	day_t b;
	snprintf(mt, sizeof mt, model_fmt, top, ", coordinator: false", l2);
	snprintf(ct, sizeof ct, case_fmt, "born: 2010-06-01", kinds, lists);
	dues[0] = 0;
	date_parse(before, &b);
	if (model_parse(&m, "m.yaml", mt, strlen(mt), &dg) == 0) {
		struct doc d;
		doc_init(&d, "c.yaml");
		if (yaml_read(&d, ct, strlen(ct), &dg) == 0)
			due_case(&m, d.root, date_from_ymd(2026, 6, 15), b, note, NULL);
		doc_free(&d);
	}
	model_free(&m);
	diags_free(&dg);
	return dues[0] ? dues : "none";
}

static void
test_due(void)
{
	const char *ages = "consent_age: 15\nadult_age: 18\n";
	char top[256];
	snprintf(top, sizeof top, "%sdecision_days: 3\n", ages);
	is_str(due_of(top, "", "", "", "2026-06-15"), "decision 2026-01-04", "decision_days: 3 after opening");
	is_str(due_of(top, "", "", LEVEL1, "2026-06-15"), "none", "a move ends the level-0 decision");
	is_str(due_of(ages, "", "", "", "2026-06-15"), "none", "no decision_days, no deadline");
	snprintf(top, sizeof top, "%sreport: {kinds: [violence], days: 0}\n", ages);
	is_str(due_of(top, "", ", kinds: [violence]", "", "2026-06-15"), "report 2026-01-01",
	    "report.days: 0 is the opening day");
	is_str(due_of(top, "", ", kinds: [violence]", "reports:\n  - {date: 2026-01-01, to: politi, "
	    "inform_guardians: false, reason: r, by: K}\n", "2026-06-15"), "none", "a report meets it");
	is_str(due_of(top, "", ", kinds: [neglect]", "", "2026-06-15"), "none", "other kinds owe no report");
	is_str(due_of(ages, ", meetings_per_year: 2", "", AT2, "2026-12-31"), "meeting 2026-08-30",
	    "meetings_per_year: 2 at level 2: half a year after reaching it");
	is_str(due_of(ages, ", meetings_per_year: 2", "", AT2 "meetings:\n  - {date: 2026-04-01, kind: k, "
	    "participants: [K], child_present: true, minutes: m, by: K}\n", "2026-12-31"), "meeting 2026-09-30",
	    "and half a year after the last meeting");
	is_str(due_of(ages, "", "", LEVEL1 MEASURE, "2026-06-15"), "evaluation 2026-03-01 m1",
	    "a measure's evaluate_by");
	is_str(due_of(ages, "", "", LEVEL1 MEASURE, "2026-02-01"), "none", "--before leaves out what is later");
	is_str(due_of(ages, "", "", "  - {date: 2026-02-01, level: 0, closed: true, cause: goal-reached, reason: r, "
	    "by: K}\n" MEASURE, "2026-06-15"), "none", "a closed case owes no evaluation");
	is_str(due_of(ages, "", "", "consents:\n  - {id: c1, date: 2026-01-02, status: given, given_by: [Mor, Far, Ola], "
	    "services: [Skole], scope: over-time, form: written, expires: 2026-07-01, by: K}\n", "2026-07-31"),
	    "consent 2026-07-01 c1", "a consent that expires");
}

/* One vocabulary of kinds: the register's kind counts first, the model's
 * groups take kinds and names, a rule's kind must be one of them. */
static void
test_kinds(void)
{
	const char *alone = "consent_alone: [{age: 15, kinds: [health]}]\nservice_kinds: {health: [Helsestasjon]}\n";
	reg = "- {name: Ungdomshelse, kind: health, aliases: [UH]}\n- {name: Helsestasjon, kind: school}\n";
	is_str(check(alone, "", "", CONSENT("Ola", "Ungdomshelse", "")), "ok",
	    "register: a health service of the register, alone");
	is_str(check(alone, "", "", CONSENT("Ola", "UH", "")), "ok", "register: by its alias");
	is_str(check(alone, "", "", CONSENT("Ola", "Helsestasjon", "")), "consent/guardians",
	    "register: the register's kind counts before the model's names");
	reg = NULL;
	is_str(check(alone, "", "", CONSENT("Ola", "Ungdomshelse", "")), "consent/guardians",
	    "no register: a name the model does not list is of no kind");
	const char *when = ", coordinator: true, coordinator_team: Teamet, coordinator_team_when: [central]";
	const char *withbv = LEVEL1 "services:\n" JOIN("Vest-barnevern")
	    "coordinators:\n  - {date: 2026-01-10, name: Kari, service: Skole, by: K}\n";
	reg = "- {name: Vest-barnevern, kind: barnevern}\n- {name: Skole, kind: school}\n";
	is_str(check("service_kinds: {central: [barnevern, BUP]}\n", when, "", withbv), "coordinator/team",
	    "a group of kinds: the register's barnevern service is central");
	is_str(check("service_kinds: {central: [nav, BUP]}\n", when, "", withbv), "ok",
	    "a group of kinds: a barnevern service is not in a group without barnevern");
	reg = NULL;
	is_str(check("service_kinds: {central: [barnevern, BUP]}\n", when, "", withbv), "ok",
	    "no register: the name alone does not say barnevern");
	is_str(check("", ", coordinator: true, coordinator_team: T, coordinator_team_when: [central]", "", ""),
	    "model:model/format", "a rule's kind that is neither a kind of service nor a group is refused");
	is_str(check("consent_alone: [{age: 16, kinds: [helse]}]\n", "", "", ""), "model:model/format",
	    "consent_alone: an unknown kind is refused");
}

int
main(void)
{
	test_consent();
	test_target();
	test_levels();
	test_decisions();
	test_meetings();
	test_due();
	test_kinds();
	return done_testing();
}
