/* bti-report: a case summary, or the yearly statistics of one or more
 * case repositories. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "freeze.h"
#include "cli.h"
#include "labels.h"
#include "render.h"
#include "repo.h"
#include "scan.h"
#include "show.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-report [-C DIR] [--lang nb|nn|en] [--html] [--for-guardians] CASE-ID\n"
"       bti-report [-C DIR] (--year YYYY | --from DATE --to DATE)\n"
"                  [--html | --format md|csv|tsv|json] [--lang nb|nn|en] [REPO...]\n"
"With a case id, prints the case as Markdown (or an HTML page): the child's\n"
"age, level, coordinator, services, consents in force, goals, measures with\n"
"their evaluations, meetings, reports and the level history.\n"
"With --for-guardians, the plan as the family may see it, without the\n"
"reports; refused while the case has a report the guardians are not told of.\n"
"With --year or --from/--to, prints the period's figures for the case\n"
"repository (or every REPO named), computed from the dates in the case\n"
"files. Counts below bti.yaml's suppress_below (default 5) are hidden, and\n"
"so is any count that would reveal a hidden one. No name, id number or case\n"
"id appears in the figures.\n"
"  --html           a complete HTML page, rendered by cmark\n"
"  --format F       md (default), csv, tsv or json; csv/tsv/json give one\n"
"                   figure per row: table, row, value (\":\" when hidden);\n"
"                   with a case id, json prints the case as bti-show does\n"
"  --lang L         language of the labels (default: bti.yaml's lang)\n"
"Exit status: 0 done, 1 invalid cases or files that are not case files were\n"
"left out of the figures (named on stderr), 2 usage, 3 repository error (a\n"
"case that could not be read is named; the figures of the others are printed).\n";

static void
add_facts(const struct facts *f, void *arg)
{
	stats_add(arg, f);
}

static void
emit(const char *title, struct buf *md, int html, int lang)
{
	if (html) {
		char *page = html_page(title, md->p ? md->p : "", lang);
		fputs(page, stdout);
		free(page);
	} else if (md->p) {
		fputs(md->p, stdout);
	}
}

static int
summary(struct cli *c, const char *id, int html, int lang, int guardians)
{
	struct diags dg = { 0 };
	struct repo r;
	struct doc d;
	char cid[CASE_ID_LEN + 1], path[CASE_PATH_MAX] = "", *data = NULL;
	size_t len;
	int status = EXIT_SYSTEM;
	doc_init(&d, path);
	if (repo_open(&r, c->dir, 1, &dg) < 0 || repo_load(&r, &dg) < 0)
		goto out;
	status = EXIT_REFUSED;
	if (case_id_check(id, cid) < 0) {
		diag_add(&dg, NULL, 0, 0, "case/id", "'%s' is not a case id (YYYY-XXXXXX)", id);
		goto out;
	}
	case_path(cid, path);
	int rc = repo_read(&r, path, &data, &len, &dg);
	if (rc) {
		if (rc > 0)
			diag_add(&dg, NULL, 0, 0, "case/unknown", "no case %s in this repository", cid);
		else
			status = EXIT_SYSTEM;
		goto out;
	}
	if (yaml_read(&d, data, len, &dg) < 0 || case_validate(&r.schema, &r.model, d.root, path, cid, &dg))
		goto out;
	if (guardians && summary_secret(d.root)) {
		diag_add(&dg, path, 0, 0, "case/secret", "the case holds a report the guardians are not told of, "
		    "or violence or sexual abuse: no view for the guardians while it does");
		goto out;
	}
	if (lang < 0)
		lang = r.cfg.lang;
	struct buf md = { 0 };
	(guardians ? summary_guardians : summary_markdown)(&md, &r.model, d.root, lang, date_today());
	emit(cid, &md, html, lang);
	buf_free(&md);
	status = EXIT_OK;
out:
	free(data);
	doc_free(&d);
	repo_close(&r);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

/* The case as bti-show --format json prints it. */
static int
case_json(struct cli *c, const char *id)
{
	struct diags dg = { 0 };
	struct buf out = { 0 };
	int status = show_case(c->dir, id, SHOW_JSON, -1, &out, &dg);
	if (status == EXIT_OK)
		fwrite(out.p, 1, out.len, stdout);
	buf_free(&out);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

static int
statistics(struct cli *c, day_t from, day_t to, const char *format, int html, int lang,
    char **repos, int nrepos)
{
	struct diags dg = { 0 };
	struct stats s;
	int k = 0, status = EXIT_OK, unreadable = 0, rc = 0;
	const char *who = NULL;
	char *municipality = NULL;
	stats_init(&s, from, to);
	for (int i = 0; i < (nrepos ? nrepos : 1) && status == EXIT_OK; i++) {
		struct repo r;
		size_t first = dg.n;
		if (repo_open(&r, nrepos ? repos[i] : c->dir, 1, &dg) < 0 || repo_load(&r, &dg) < 0 ||
		    (rc = scan_cases(&r, add_facts, &s, &dg)) < 0) {
			status = EXIT_SYSTEM;
		} else {
			unreadable |= rc;
			if (r.cfg.suppress_below > k)
				k = r.cfg.suppress_below;
			if (lang < 0)
				lang = r.cfg.lang;
			if (i == 0 && r.cfg.municipality)
				municipality = xstrdup(r.cfg.municipality);
		}
		/* With several repositories, a path says which one it is in. */
		for (size_t j = first; nrepos > 1 && j < dg.n; j++)
			if (dg.v[j].file) {
				char *path = xasprintf("%s/%s", repos[i], dg.v[j].file);
				free(dg.v[j].file);
				dg.v[j].file = path;
			}
		repo_close(&r);
	}
	if (status == EXIT_OK) {
		if (nrepos <= 1)
			who = municipality;
		stats_finish(&s, k);
		struct buf out = { 0 };
		if (!strcmp(format, "json"))
			stats_json(&out, &s, k);
		else if (!strcmp(format, "csv") || !strcmp(format, "tsv"))
			stats_delimited(&out, &s, format[0] == 'c' ? ',' : '\t');
		else
			stats_markdown(&out, &s, lang, k, who);
		emit(label(lang, "statistics"), &out, html, lang);
		buf_free(&out);
		/* Every case left out is named on stderr; the figures are of
		 * the others, and the exit status says they are not complete. */
		status = unreadable ? EXIT_SYSTEM : dg.errors ? EXIT_REFUSED : EXIT_OK;
	}
	free(municipality);
	stats_free(&s);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-report", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "html", no_argument, 0, 'H' },
		{ "format", required_argument, 0, 'f' },
		{ "lang", required_argument, 0, 'l' },
		{ "year", required_argument, 0, 'y' },
		{ "from", required_argument, 0, 'F' },
		{ "to", required_argument, 0, 'T' },
		{ "for-guardians", no_argument, 0, 'G' },
		{ 0, 0, 0, 0 },
	};
	const char *format = "md", *year = NULL, *from = NULL, *to = NULL;
	int html = 0, lang = -1, guardians = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'H': html = 1; break;
		case 'f': format = optarg; break;
		case 'l':
			if ((lang = lang_parse(optarg)) < 0)
				cli_usage(&c, "--lang: '%s' is not nb, nn or en", optarg);
			break;
		case 'y': year = optarg; break;
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'G': guardians = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (strcmp(format, "md") && strcmp(format, "csv") && strcmp(format, "tsv") && strcmp(format, "json"))
		cli_usage(&c, "--format: '%s' is not md, csv, tsv or json", format);
	if (html && strcmp(format, "md"))
		cli_usage(&c, "--html goes with Markdown, not --format %s", format);
	if (!year && !from && !to) {
		if (argc - optind != 1)
			cli_usage(&c, "give a case id, or --year for the statistics");
		if (!strcmp(format, "json") && !guardians)
			return case_json(&c, argv[optind]);
		if (strcmp(format, "md"))
			cli_usage(&c, "--format %s is for the statistics; a case is md, --html or json", format);
		return summary(&c, argv[optind], html, lang, guardians);
	}
	if (guardians)
		cli_usage(&c, "--for-guardians goes with a case id");
	day_t f, t;
	if (year) {
		if (from || to)
			cli_usage(&c, "--year or --from/--to, not both");
		long y = cli_number(&c, "--year", year, 1900, 9999);
		/* A year frozen before an erasure (bti-purge) is printed as it was. */
		int frozen = argc - optind <= 1 ? freeze_show(c.prog, argc - optind ? argv[optind] : c.dir,
		    (int)y, format, html) : -1;
		if (frozen >= 0)
			return frozen;
		f = date_from_ymd((int)y, 1, 1);
		t = date_from_ymd((int)y, 12, 31);
	} else {
		if (!from || !to || date_parse(from, &f) < 0 || date_parse(to, &t) < 0 || t < f)
			cli_usage(&c, "--from and --to take two dates, YYYY-MM-DD, in order");
	}
	return statistics(&c, f, t, format, html, lang, argv + optind, argc - optind);
}
