/* bti-evaluate: record the evaluation of measures and the decision that
 * follows; or list the measures due for evaluation across all cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "correct.h"
#include "op.h"
#include "rules.h"
#include "text.h"
#include "util.h"
#include "walk.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-evaluate [-C DIR] [--by NAME] [--date DATE]\n"
"                    --measure ID=OUTCOME[:NOTE]... [--next DATE]\n"
"                    --decision DECISION [--level N] [--cause CAUSE]\n"
"                    [--child-view TEXT] [--reason TEXT] [--internal] CASE-ID\n"
"       bti-evaluate [-C DIR] --due [--before DATE]\n"
"Records how measures went and the decision every BTI level ends with:\n"
"continue at this level, move up, move down, or close, or another decision\n"
"of the level model (e.g. system, refer-team), each with what it does to\n"
"the level. A decision that moves the case goes through the same rules as\n"
"bti-level, in the same commit.\n"
"Prints the commit id.\n"
"  --measure ID=OUTCOME[:NOTE]  outcome of a measure: reached, continue,\n"
"                               change or stop (repeatable)\n"
"  --next DATE       the next evaluation of measures that continue or change\n"
"  --decision D      continue, up (one level), down (one level), close, or\n"
"                    a decision the level model adds (bti-model(5))\n"
"  --level N         the level to move to, instead of one up or down\n"
"  --cause CAUSE     why the case closes (with a closing decision)\n"
"  --child-view TEXT the child's view of the decision\n"
"  --reason TEXT     why, for the level history (default: the evaluation)\n"
"  --internal        the evaluation is not shown to the guardians\n"
"                    (bti-report --for-guardians)\n"
"With --due, prints the measures of open cases whose evaluation is due on or\n"
"before DATE (default today), one per line, sorted by date, tab-separated:\n"
"  due-date  case-id  measure-id  overdue|due  responsible  what\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

struct due {
	char date[11], status[8];
	char *line;             /* case, measure, responsible, what */
};

struct due_list {
	struct repo *repo;
	struct diags *dg;
	day_t before, today;
	struct due *v;
	size_t n, cap;
};

static int
collect(const char *path, const git_oid *oid, const char *data, size_t len, void *arg)
{
	struct due_list *dl = arg;
	struct doc d;
	(void)oid;
	doc_init(&d, path);
	if (yaml_read(&d, data, len, dl->dg) < 0 || schema_validate(&dl->repo->schema, d.root, path, dl->dg)) {
		doc_free(&d);
		return 0;       /* reported; the other cases still count */
	}
	struct case_state st;
	struct doc vd;
	const struct node *root = case_view(&vd, d.root);       /* without withdrawn entries */
	case_state(root, &st);
	const struct node *ms = map_get(root, "measures");
	for (size_t i = 0; !st.closed && ms && i < ms->n; i++) {
		day_t due = rules_measure_due(root, ms->v[i]);
		if (due < 0 || due > dl->before)
			continue;
		if (dl->n == dl->cap) {
			dl->cap = dl->cap ? dl->cap * 2 : 64;
			dl->v = xrealloc(dl->v, dl->cap * sizeof *dl->v);
		}
		struct due *x = &dl->v[dl->n++];
		date_format(due, x->date);
		snprintf(x->status, sizeof x->status, "%s", due < dl->today ? "overdue" : "due");
		struct buf b = { 0 };
		buf_printf(&b, "%s\t%s\t%s\t", map_str(d.root, "id"), map_str(ms->v[i], "id"), x->status);
		text_oneline(&b, map_str(ms->v[i], "responsible"));
		buf_puts(&b, "\t");
		text_oneline(&b, map_str(ms->v[i], "what"));
		x->line = b.p;
	}
	doc_free(&vd);
	doc_free(&d);
	return 0;
}

static int
by_date(const void *a, const void *b)
{
	const struct due *x = a, *y = b;
	int c = strcmp(x->date, y->date);
	return c ? c : strcmp(x->line, y->line);
}

static int
list_due(struct cli *c, const char *before)
{
	struct diags dg = { 0 };
	struct repo r;
	struct due_list dl = { .repo = &r, .dg = &dg, .today = date_today() };
	int status = EXIT_SYSTEM;
	dl.before = dl.today;
	if (before && date_parse(before, &dl.before) < 0)
		cli_usage(c, "--before: '%s' is not a real date in the form YYYY-MM-DD", before);
	if (repo_open(&r, c->dir, 1, &dg) == 0 && repo_load(&r, &dg) == 0 &&
	    walk_cases(r.git, r.tree, collect, &dl) == 0) {
		if (dl.n)
			qsort(dl.v, dl.n, sizeof *dl.v, by_date);
		for (size_t i = 0; i < dl.n; i++)
			printf("%s\t%s\n", dl.v[i].date, dl.v[i].line);
		status = dg.errors ? EXIT_REFUSED : EXIT_OK;
	}
	for (size_t i = 0; i < dl.n; i++)
		free(dl.v[i].line);
	free(dl.v);
	repo_close(&r);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-evaluate", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "measure", required_argument, 0, 'm' },
		{ "next", required_argument, 0, 'n' },
		{ "decision", required_argument, 0, 'D' },
		{ "level", required_argument, 0, 'l' },
		{ "cause", required_argument, 0, 'c' },
		{ "reason", required_argument, 0, 'r' },
		{ "due", no_argument, 0, 'u' },
		{ "before", required_argument, 0, 'B' },
		{ "child-view", required_argument, 0, 'v' },
		{ "internal", no_argument, 0, 'I' },
		{ 0, 0, 0, 0 },
	};
	const char *items[32], *next = NULL, *decision = NULL, *cause = NULL, *reason = NULL;
	const char *level = NULL, *before = NULL, *view = NULL;
	int nitems = 0, due = 0, internal = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'm':
			if (nitems == 32)
				cli_usage(&c, "too many --measure options");
			items[nitems++] = optarg;
			break;
		case 'n': next = optarg; break;
		case 'D': decision = optarg; break;
		case 'l': level = optarg; break;
		case 'c': cause = optarg; break;
		case 'r': reason = optarg; break;
		case 'u': due = 1; break;
		case 'B': before = optarg; break;
		case 'v': view = optarg; break;
		case 'I': internal = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (due) {
		if (optind < argc || nitems || decision)
			cli_usage(&c, "--due takes no case id and no evaluation");
		return list_due(&c, before);
	}
	if (argc - optind != 1 || !nitems || !decision)
		cli_usage(&c, "give --measure, --decision and one case id");
	for (int i = 0; i < nitems; i++)
		if (strcspn(items[i], "\t\n") < strcspn(items[i], ":"))
			cli_usage(&c, "--measure: ID=OUTCOME in '%s' is one line; only the note may span lines",
			    items[i]);
	day_t tmp;
	if (next && date_parse(next, &tmp) < 0)
		cli_usage(&c, "--next: '%s' is not a real date in the form YYYY-MM-DD", next);

	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	/* What the decision does comes from the model. */
	const struct decision *dc = model_decision(&o.repo.model, decision);
	char words[256];
	if (!dc)
		cli_usage(&c, "--decision: '%s' is not %s", decision,
		    model_decisions_list(&o.repo.model, -1, words, sizeof words));
	int up = dc->effect == EFF_UP, down = dc->effect == EFF_DOWN, close = dc->effect == EFF_CLOSE;
	if (close && !cause)
		cause = dc->cause;
	if (close != !!cause)
		cli_usage(&c, close ? "closing needs --cause" : "--cause goes with --decision close");
	if (level && !up && !down)
		cli_usage(&c, "--level goes with --decision up or down");
	struct doc *d = &o.doc;
	struct node *e = op_entry(&o), *list = node_new(d, NT_SEQ);
	for (int i = 0; i < nitems; i++) {
		char *spec = xstrdup(items[i]);
		char *out = strchr(spec, '='), *note = out ? strchr(out, ':') : NULL;
		if (!out) {
			free(spec);
			op_end(&o);
			cli_usage(&c, "--measure: '%s' is not ID=OUTCOME", items[i]);
		}
		*out++ = 0;
		if (note)
			*note++ = 0;
		struct node *it = node_new(d, NT_MAP);
		map_set(d, it, "measure", node_str(d, spec));
		map_set(d, it, "outcome", node_str(d, out));
		if (next && (!strcmp(out, "continue") || !strcmp(out, "change")))
			map_set(d, it, "next", node_date(d, next));
		if (note && *note)
			map_set(d, it, "note", node_str(d, note));
		seq_push(d, list, it);
		free(spec);
	}
	map_set(d, e, "measures", list);
	map_set(d, e, "decision", node_str(d, decision));
	if (view)
		map_set(d, e, "child_view", node_str(d, view));
	if (internal)
		map_set(d, e, "internal", node_bool(d, 1));
	op_append(&o, "evaluations", e);

	struct case_state st;
	case_state(d->root, &st);
	char what[64];
	snprintf(what, sizeof what, "evaluation, %s", decision);
	long to = dc->effect == EFF_LEVEL ? dc->level : level ? cli_number(&c, "--level", level, 0, 9) :
	    st.level + (up ? 1 : down ? -1 : 0);
	if (close || to != st.level) {
		struct node *lv = op_entry(&o);
		if ((up || down) && (up ? to <= st.level : to >= st.level || to < 0)) {
			op_refuse(&o, st.last, "evaluation/decision",
			    "case %s is at level %d; '%s' cannot lead to level %ld", o.id, st.level, decision, to);
			return op_end(&o);
		}
		map_set(d, lv, "level", node_int(d, close ? st.level : to));
		if (close) {
			map_set(d, lv, "closed", node_bool(d, 1));
			map_set(d, lv, "cause", node_str(d, cause));
			snprintf(what, sizeof what, "evaluation, closed at level %d", st.level);
		} else {
			snprintf(what, sizeof what, "evaluation, %d -> %ld", st.level, to);
		}
		map_set(d, lv, "reason", node_str(d, reason ? reason : "decided at evaluation"));
		op_append(&o, "levels", lv);
	}
	op_commit(&o, "evaluation", what, 0);
	return op_end(&o);
}
