/* summary.c: one case as the Markdown page a coordinator brings to a meeting. */
#include <ctype.h>
#include <string.h>

#include "case.h"
#include "correct.h"
#include "labels.h"
#include "render.h"
#include "rules.h"

/* The latest evaluation item of a measure and its date, or NULL. */
static const struct node *
last_evaluation(const struct node *root, const char *id, const char **date)
{
	const struct node *ev = map_list(root, "evaluations"), *found = NULL;
	for (size_t i = 0; ev && i < ev->n; i++) {
		const struct node *items = map_get(ev->v[i], "measures");
		for (size_t j = 0; items && j < items->n; j++)
			if (!strcmp(map_str(items->v[j], "measure"), id)) {
				found = items->v[j];
				*date = map_str(ev->v[i], "date");
			}
	}
	return found;
}

static void
names(struct buf *b, const struct node *seq)
{
	for (size_t i = 0; seq && i < seq->n; i++) {
		if (i)
			buf_puts(b, ", ");
		md_text(b, seq->v[i]->s);
	}
}

/* " (internal)" after an entry the guardians do not see (--for-guardians). */
static void
internal(struct buf *b, const struct node *e, int lang)
{
	if (map_true(e, "internal"))
		buf_printf(b, " (%s)", label(lang, "internal"));
}

static void
heading(struct buf *b, int lang, const char *key)
{
	buf_printf(b, "\n## %s\n\n", label(lang, key));
}

/* The corrections: each withdrawn entry, what it said, when and why it was
 * withdrawn, and by whom. */
static void
corrections(struct buf *b, const struct node *root, int lang)
{
	const struct node *cs = map_list(root, "corrections");
	static const char *const says[] = { "text", "what", "name", "kind", "to", "status", NULL };
	if (!cs || !cs->n)
		return;
	heading(b, lang, "corrections");
	for (size_t i = 0; i < cs->n; i++) {
		const char *list, *w = map_str(cs->v[i], "withdraws");
		size_t index;
		long long lv;
		const struct node *e = correct_find(root, w, &list, &index);
		buf_printf(b, "- %s", w);
		if (e) {
			buf_printf(b, " (%s", map_str(e, "date"));
			for (int k = 0; says[k]; k++)
				if (map_str(e, says[k])) {
					buf_puts(b, ": ");
					/* kind, to and status are words with labels; the rest is text */
					md_text(b, k >= 3 ? label(lang, map_str(e, says[k])) : map_str(e, says[k]));
					break;
				}
			if (map_int(e, "level", &lv) == 0)
				buf_printf(b, ": %s %lld", label(lang, "level"), lv);
			buf_puts(b, ")");
		}
		buf_printf(b, ": %s %s – ", label(lang, "withdrawn-on"), map_str(cs->v[i], "date"));
		md_text(b, map_str(cs->v[i], "reason"));
		buf_puts(b, " (");
		md_text(b, map_str(cs->v[i], "by"));
		buf_puts(b, ")\n");
	}
}

void
summary_markdown(struct buf *b, const struct model *m, const struct node *full, int lang,
    day_t today)
{
	struct case_state st;
	char d[11];
	struct doc vd;
	/* Everything but the corrections is shown without the withdrawn entries. */
	const struct node *root = case_view(&vd, full);
	case_state(root, &st);
	const struct node *child = map_get(root, "child"), *l;
	buf_printf(b, "# %s %s\n\n", label(lang, "case"), map_str(root, "id"));
	if (rules_secret(root))
		buf_printf(b, "> **%s**\n\n", label(lang, "secret"));
	buf_printf(b, "- **%s:** ", label(lang, "child"));
	md_text(b, map_str(child, "name"));
	if (st.born >= 0)
		buf_printf(b, ", %d %s", age_on(st.born, today), label(lang, "age"));
	if (map_str(child, "due"))
		buf_printf(b, ", %s %s", label(lang, "due"), map_str(child, "due"));
	buf_printf(b, "\n- **%s:** ", label(lang, "level"));
	if (st.closed)
		buf_printf(b, "%s (%s %d) ", label(lang, "closed"), label(lang, "level"), st.level);
	else if (st.level >= 0 && st.level < m->nlevels) {
		buf_printf(b, "%d – ", st.level);
		md_text(b, m->levels[st.level].name[lang]);
		buf_puts(b, " ");
	}
	buf_printf(b, "%s %s\n- **%s:** ", label(lang, "since"), map_str(st.last, "date"),
	    label(lang, "service"));
	md_text(b, map_str(root, "service"));
	const char *source = map_str(map_get(root, "concern"), "source");
	if (source && !strcmp(source, "family"))
		buf_printf(b, " (%s)", label(lang, "family"));
	const struct node *co = rules_coordinator_on(root, today);
	/* The model's own name for the role (koordinator, stafetthaldar, ...). */
	const char *role = m->coordinator_role[lang];
	buf_printf(b, "\n- **%c%s:** ", toupper((unsigned char)role[0]), role + 1);
	if (co) {
		md_text(b, map_str(co, "name"));
		buf_puts(b, " (");
		md_text(b, map_str(co, "service"));
		buf_printf(b, "), %s %s", label(lang, "since"), map_str(co, "date"));
	} else {
		buf_puts(b, label(lang, "none"));
	}
	buf_puts(b, "\n");

	heading(b, lang, "services");
	int any = 0;
	if ((l = map_list(root, "services")))
		for (size_t i = 0; i < l->n; i++) {
			const char *name = map_str(l->v[i], "name"), *contact = map_str(l->v[i], "contact");
			if (strcmp(map_str(l->v[i], "action"), "join") || !rules_involved(root, name, today))
				continue;
			any = 1;
			buf_puts(b, "- ");
			md_text(b, name);
			if (contact) {
				buf_printf(b, " (%s ", label(lang, "contact"));
				md_text(b, contact);
				buf_puts(b, ")");
			}
			buf_printf(b, ", %s %s%s%s\n", label(lang, "since"), map_str(l->v[i], "date"),
			    map_true(l->v[i], "referral") ? ", " : "", map_true(l->v[i], "referral") ? label(lang, "referral") : "");
		}
	if (!any)
		buf_printf(b, "- %s\n", label(lang, "none"));

	heading(b, lang, "consents-in-force");
	any = 0;
	if ((l = map_list(root, "consents")))
		for (size_t i = 0; i < l->n; i++) {
			const struct node *c = l->v[i], *sv = map_get(c, "services");
			int covers = 0;
			for (size_t j = 0; sv && j < sv->n; j++)
				covers |= rules_covering(root, sv->v[j]->s, today) == c;
			if (!covers)
				continue;
			any = 1;
			buf_printf(b, "- %s, %s: ", map_str(c, "id"), map_str(c, "date"));
			names(b, sv);
			buf_puts(b, " – ");
			names(b, map_get(c, "given_by"));
			buf_printf(b, " (%s, %s", label(lang, map_str(c, "form")), label(lang, map_str(c, "scope")));
			if (map_str(c, "expires"))
				buf_printf(b, ", %s %s", label(lang, "expires"), map_str(c, "expires"));
			buf_puts(b, ")\n");
		}
	if (!any)
		buf_printf(b, "- %s\n", label(lang, "none"));

	if ((l = map_list(root, "goals"))) {
		heading(b, lang, "goals");
		for (size_t i = 0; i < l->n; i++) {
			buf_printf(b, "- %s: ", map_str(l->v[i], "id"));
			md_text(b, map_str(l->v[i], "text"));
			internal(b, l->v[i], lang);
			buf_puts(b, "\n");
		}
	}
	if ((l = map_list(root, "measures"))) {
		heading(b, lang, "measures");
		for (size_t i = 0; i < l->n; i++) {
			const struct node *ms = l->v[i];
			const char *edate = NULL;
			const struct node *ev = last_evaluation(root, map_str(ms, "id"), &edate);
			day_t due = rules_measure_due(root, ms);
			buf_printf(b, "- **%s** ", map_str(ms, "id"));
			md_text(b, map_str(ms, "what"));
			buf_printf(b, " – %s ", label(lang, "responsible"));
			md_text(b, map_str(ms, "responsible"));
			buf_printf(b, "; %s %s", label(lang, "start"), map_str(ms, "start"));
			if (ev)
				buf_printf(b, "; %s %s: %s", label(lang, "last-evaluation"), edate,
				    label(lang, map_str(ev, "outcome")));
			if (due >= 0)
				buf_printf(b, "; %s %s", label(lang, "next-evaluation"), date_format(due, d));
			else
				buf_printf(b, "; %s", label(lang, "ended"));
			internal(b, ms, lang);
			buf_puts(b, "\n");
		}
	}
	if ((l = map_list(root, "evaluations"))) {
		heading(b, lang, "evaluations");
		for (size_t i = 0; i < l->n; i++) {
			const struct node *ev = l->v[i];
			const char *word = map_str(ev, "decision");
			const struct decision *dc = model_decision(m, word);
			buf_printf(b, "- %s", map_str(ev, "date"));
			if (word) {
				buf_puts(b, ": ");
				md_text(b, dc && dc->name[lang] ? dc->name[lang] : label(lang, word));
			}
			if (map_str(ev, "child_view")) {
				buf_printf(b, "; %s: ", label(lang, "child-view"));
				md_text(b, map_str(ev, "child_view"));
			}
			buf_puts(b, " (");
			md_text(b, map_str(ev, "by"));
			buf_puts(b, ")");
			internal(b, ev, lang);
			buf_puts(b, "\n");
		}
	}
	if ((l = map_list(root, "meetings"))) {
		heading(b, lang, "meetings");
		for (size_t i = 0; i < l->n; i++) {
			const struct node *mt = l->v[i];
			const struct meeting_kind *k = model_meeting_kind(m, map_str(mt, "kind"));
			buf_printf(b, "- %s, ", map_str(mt, "date"));
			md_text(b, k && k->name[lang] ? k->name[lang] : map_str(mt, "kind"));
			buf_puts(b, ": ");
			names(b, map_get(mt, "participants"));
			if (map_true(mt, "child_present")) {
				buf_printf(b, "; %s", label(lang, "child-present"));
			} else if (map_str(mt, "child_view")) {
				buf_printf(b, "; %s: ", label(lang, "child-view"));
				md_text(b, map_str(mt, "child_view"));
			}
			buf_printf(b, "; %s: ", label(lang, "minutes"));
			md_text(b, map_str(mt, "minutes"));
			if (map_true(mt, "minutes_sent"))
				buf_printf(b, " (%s)", label(lang, "minutes-sent"));
			if (map_str(mt, "next"))
				buf_printf(b, "; %s %s", label(lang, "next-meeting"), map_str(mt, "next"));
			internal(b, mt, lang);
			buf_puts(b, "\n");
		}
	}
	if ((l = map_list(root, "reports"))) {
		heading(b, lang, "reports");
		for (size_t i = 0; i < l->n; i++) {
			buf_printf(b, "- %s, %s: ", map_str(l->v[i], "date"), map_str(l->v[i], "to"));
			md_text(b, map_str(l->v[i], "reason"));
			buf_printf(b, " (%s)\n", label(lang, map_true(l->v[i], "inform_guardians") ?
			    "guardians-informed" : "guardians-not-informed"));
		}
	}
	heading(b, lang, "history");
	l = map_list(root, "levels");
	for (size_t i = 0; l && i < l->n; i++) {
		const struct node *e = l->v[i];
		long long lv = 0;
		map_int(e, "level", &lv);
		buf_printf(b, "- %s: ", map_str(e, "date"));
		if (map_true(e, "closed"))
			buf_printf(b, "%s (%s)", label(lang, "closed"), label(lang, map_str(e, "cause")));
		else
			buf_printf(b, "%s %lld", label(lang, "level"), lv);
		buf_puts(b, " – ");
		md_text(b, map_str(e, "reason"));
		buf_puts(b, " (");
		md_text(b, map_str(e, "by"));
		buf_printf(b, "%s%s)\n", map_true(e, "leader_informed") ? "; " : "",
		    map_true(e, "leader_informed") ? label(lang, "leader-informed") : "");
	}
	corrections(b, full, lang);
	doc_free(&vd);
}

int
summary_secret(const struct node *root)
{
	const struct node *l = map_list(root, "reports");
	for (size_t i = 0; l && i < l->n; i++)
		if (!map_true(l->v[i], "inform_guardians"))
			return 1;
	return rules_secret(root);
}

void
summary_guardians(struct buf *b, const struct model *m, const struct node *root, int lang,
    day_t today)
{
	/* The case without its reports to child welfare and without the goals,
	 * measures, evaluations and meetings marked internal: the same nodes.
	 * Each entry goes by its own mark. */
	static const char *const lists[] = { "goals", "measures", "evaluations", "meetings", NULL };
	struct doc d;
	doc_init(&d, "guardians");
	struct node *view = node_new(&d, NT_MAP);
	for (size_t i = 0; i < root->n; i++) {
		const char *key = root->k[i]->s;
		struct node *v = root->v[i];
		int k = 0;
		if (!strcmp(key, "reports"))
			continue;
		while (lists[k] && strcmp(lists[k], key))
			k++;
		if (lists[k] && v->type == NT_SEQ) {
			v = node_new(&d, NT_SEQ);
			for (size_t j = 0; j < root->v[i]->n; j++)
				if (!map_true(root->v[i]->v[j], "internal"))
					seq_push(&d, v, root->v[i]->v[j]);
		}
		map_push(&d, view, root->k[i], v);
	}
	summary_markdown(b, m, view, lang, today);
	doc_free(&d);
}
