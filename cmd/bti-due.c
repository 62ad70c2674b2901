/* bti-due: every obligation that is due or overdue, in one repository or
 * several: level-0 decisions, evaluations, meetings a year, reports the same
 * day, consents that expire. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "query.h"
#include "util.h"

static const char usage[] =
"usage: bti-due [--before DATE] [--coordinator NAME] [--format tsv|json]\n"
"               [-C DIR | REPOSITORY...]\n"
"Lists every obligation the level model's deadlines put on the cases that\n"
"falls due on or before DATE (default today), sorted by due date, one line\n"
"each, tab-separated:\n"
"  case-id  kind  due-date  days-over  coordinator  level  detail\n"
"kind is decision (level 0 within the model's decision_days), evaluation\n"
"(detail: the measure), meeting (the model's meetings a year), report (the\n"
"same day for violence or sexual abuse), consent (detail: the consent that\n"
"expires) or erasure (a closed, archived case kept past bti.yaml's\n"
"retention_days: bti-purge erases it). days-over is negative while it is not yet due. With several\n"
"repositories an eighth column names the repository.\n"
"  --before DATE       list what falls due on or before DATE\n"
"  --coordinator NAME  only the cases NAME coordinates\n"
"  --format FORMAT     tsv (default) or json (an array of objects)\n"
"  -C DIR              the case repository (default: the current one)\n"
"Exit status: 0 done, 1 a case file is invalid (the others are listed),\n"
"2 usage, 3 repository error.\n";

struct item {
	day_t due;
	char *id, *kind, *detail, *coordinator, *repo;
	int level;
};

struct run {
	const char *name;       /* the repository as given, with several */
	struct diags *dg;
	day_t today, before;
	const char *coordinator;
	struct item *v;
	size_t n, cap;
};

/* A case's obligations that fall due on or before the date asked for
 * (lib/query.c keeps them with the case's row, as on today). */
static int
collect(const struct qrow *q, void *arg)
{
	struct run *r = arg;
	if (r->coordinator && (!*q->due_coordinator || strcmp(q->due_coordinator, r->coordinator)))
		return 0;
	for (size_t i = 0; i < q->ndues; i++) {
		const struct qdue *d = &q->dues[i];
		if (d->due > r->before)
			continue;
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 64;
			r->v = xrealloc(r->v, r->cap * sizeof *r->v);
		}
		r->v[r->n++] = (struct item){
			.due = d->due, .id = xstrdup(q->id), .kind = xstrdup(d->kind),
			.detail = xstrdup(d->detail), .coordinator = xstrdup(q->due_coordinator),
			.repo = r->name ? xstrdup(r->name) : NULL, .level = q->level,
		};
	}
	return 0;
}

static int
by_date(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = (x->due > y->due) - (x->due < y->due);
	c = c ? c : strcmp(x->id, y->id);
	return c ? c : strcmp(x->kind, y->kind) ? strcmp(x->kind, y->kind) : strcmp(x->detail, y->detail);
}

/* TSV fields must not break lines or columns. */
static void
tsv(const char *s)
{
	for (; *s; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static void
print(const struct run *r, int json)
{
	char d[11];
	if (json)
		printf("[");
	for (size_t i = 0; i < r->n; i++) {
		const struct item *it = &r->v[i];
		date_format(it->due, d);
		if (!json) {
			printf("%s\t%s\t%s\t%ld\t", it->id, it->kind, d, r->today - it->due);
			tsv(it->coordinator);
			printf("\t%d\t", it->level);
			tsv(it->detail);
			if (it->repo) {
				putchar('\t');
				tsv(it->repo);
			}
			putchar('\n');
			continue;
		}
		printf("%s\n  {\"case\": \"%s\", \"kind\": \"%s\", \"due\": \"%s\", \"days_over\": %ld, "
		    "\"coordinator\": ", i ? "," : "", it->id, it->kind, d, r->today - it->due);
		if (*it->coordinator)
			json_str(it->coordinator);
		else
			printf("null");
		printf(", \"level\": %d, \"detail\": ", it->level);
		json_str(it->detail);
		if (it->repo) {
			printf(", \"repository\": ");
			json_str(it->repo);
		}
		printf("}");
	}
	printf(json ? "%s]\n" : "", r->n ? "\n" : "");
}

/* Walks one repository's committed cases; -1 when it cannot be read. */
static int
walk_repo(struct run *r, const char *dir, const char *name)
{
	struct repo repo;
	int rc = -1;
	r->name = name;
	if (repo_open(&repo, dir, 1, r->dg) == 0 && repo_load(&repo, r->dg) == 0)
		rc = query_cases_on(&repo, r->today, collect, r, r->dg) == 0 ? 0 : -1;
	repo_close(&repo);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-due", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "before", required_argument, 0, 'B' },
		{ "coordinator", required_argument, 0, 'o' },
		{ "format", required_argument, 0, 'f' },
		{ 0, 0, 0, 0 },
	};
	const char *before = NULL, *format = "tsv";
	struct diags dg = { 0 };
	struct run r = { .dg = &dg, .today = date_today() };
	int opt;
	while ((opt = getopt_long(argc, argv, CLI_SHORT, opts, NULL)) != -1) {
		switch (opt) {
		case 'B': before = optarg; break;
		case 'o': r.coordinator = optarg; break;
		case 'f': format = optarg; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	r.before = r.today;
	if (before && date_parse(before, &r.before) < 0)
		cli_usage(&c, "--before: '%s' is not a real date in the form YYYY-MM-DD", before);
	if (strcmp(format, "tsv") && strcmp(format, "json"))
		cli_usage(&c, "--format: '%s' is not tsv or json", format);
	if (c.dir && optind < argc)
		cli_usage(&c, "give -C DIR or repositories, not both");
	int status = EXIT_OK, several = argc - optind > 1;
	if (optind == argc && walk_repo(&r, c.dir, NULL) < 0)
		status = EXIT_SYSTEM;
	for (int i = optind; i < argc && status == EXIT_OK; i++)
		if (walk_repo(&r, argv[i], several ? argv[i] : NULL) < 0)
			status = EXIT_SYSTEM;
	if (status == EXIT_OK) {
		if (r.n)
			qsort(r.v, r.n, sizeof *r.v, by_date);
		print(&r, !strcmp(format, "json"));
		if (dg.errors)
			status = EXIT_REFUSED;
	}
	for (size_t i = 0; i < r.n; i++) {
		free(r.v[i].id);
		free(r.v[i].kind);
		free(r.v[i].detail);
		free(r.v[i].coordinator);
		free(r.v[i].repo);
	}
	free(r.v);
	diag_print(&dg, c.prog, stderr);
	diags_free(&dg);
	if (fflush(stdout) != 0 && status == EXIT_OK)
		status = EXIT_SYSTEM;
	return status;
}
