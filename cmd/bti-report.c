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
#include "trend.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-report [-C DIR] [--lang nb|nn|en] [--html] [--for-guardians] CASE-ID\n"
"       bti-report [-C DIR] (--year YYYY | --from DATE --to DATE)\n"
"                  [--html | --format md|csv|tsv|json] [--lang nb|nn|en]\n"
"                  [--bands default|ssb] [--tables LIST] [REPO...]\n"
"       bti-report [-C DIR] (--years FIRST-LAST | (--year YYYY | --from DATE\n"
"                  --to DATE) --by quarter|tertial|year) [options] [REPO...]\n"
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
"  --html           a complete HTML page: the summary rendered by cmark, the\n"
"                   figures as tables with SVG charts, for screen and A4\n"
"  --format F       md (default), csv, tsv or json; csv/tsv/json give one\n"
"                   figure per row: table, row, value (\":\" when hidden);\n"
"                   with a case id, json prints the case as bti-show does\n"
"  --lang L         language of the labels (default: bti.yaml's lang)\n"
"  --years Y1-Y2    every year from Y1 to Y2 side by side, with the changes\n"
"  --by PERIOD      the period cut in quarters, tertials or years, side by side\n"
"  --tables LIST    only these tables, ids separated by commas\n"
"  --bands SET      age bands: default (0-5, 6-12, 13-15, 16-17, 18-23) or\n"
"                   ssb (0-5, 6-12, 13-17, 18-22, 23)\n"
"Exit status: 0 done, 1 invalid cases or files that are not case files were\n"
"left out of the figures (named on stderr), 2 usage, 3 repository error (a\n"
"case that could not be read is named; the figures of the others are printed).\n";

/* The periods counted, each with its figures. */
struct periods {
	struct period p[TREND_MAX];
	struct stats s[TREND_MAX];
	size_t n;
	int trend;              /* side by side (--years, --by) */
	int hide[T_N + X_N];    /* tables left out (--tables) */
};

static void
add_facts(const struct facts *f, void *arg)
{
	struct periods *ps = arg;
	for (size_t i = 0; i < ps->n; i++)
		stats_add(&ps->s[i], f);
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

/* What the repositories named say of themselves before they are counted:
 * names[i], the name of each in the tables by repository (its unit from
 * bti.yaml, bti-init --unit, else the path as given), and whether their
 * level models have different names. Errors are left to the counting. */
static int
survey(char **repos, int n, char **names)
{
	char *first = NULL;
	int mixed = 0;
	for (int i = 0; i < n; i++) {
		struct diags dg = { 0 };
		struct repo r;
		int ok = repo_open(&r, repos[i], 1, &dg) == 0 && repo_load(&r, &dg) == 0;
		names[i] = xstrdup(ok && r.cfg.unit ? r.cfg.unit : repos[i]);
		if (ok && r.model.name) {
			if (!first)
				first = xstrdup(r.model.name);
			else
				mixed |= strcmp(first, r.model.name) != 0;
		}
		repo_close(&r);
		diags_free(&dg);
	}
	free(first);
	return mixed;
}

static int
statistics(struct cli *c, struct periods *ps, const struct bands *bands, const char *format,
    int html, int lang, char **repos, int nrepos)
{
	struct diags dg = { 0 };
	int k = 0, status = EXIT_OK, unreadable = 0, rc = 0;
	const char *who = NULL;
	char *municipality = NULL;
	char **names = nrepos > 1 ? xmalloc((size_t)nrepos * sizeof *names) : NULL;
	int mixed = nrepos > 1 && survey(repos, nrepos, names);
	for (size_t i = 0; i < ps->n; i++) {
		stats_init(&ps->s[i], ps->p[i].from, ps->p[i].to, bands);
		memcpy(ps->s[i].hide, ps->hide, sizeof ps->hide);
		if (nrepos > 1)
			stats_repos(&ps->s[i], names, (size_t)nrepos);
	}
	for (int i = 0; i < (nrepos ? nrepos : 1) && status == EXIT_OK; i++) {
		struct repo r;
		size_t first = dg.n;
		int loaded = repo_open(&r, nrepos ? repos[i] : c->dir, 1, &dg) == 0 && repo_load(&r, &dg) == 0;
		for (size_t j = 0; loaded && j < ps->n; j++) {
			stats_repo(&ps->s[j], (size_t)i);
			stats_use_model(&ps->s[j], &r.model);
			stats_use_services(&ps->s[j], r.cfg.services);
			if (mixed)
				stats_model(&ps->s[j], r.model.name);
		}
		if (!loaded || (rc = scan_cases(&r, add_facts, ps, &dg)) < 0) {
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
		for (size_t i = 0; i < ps->n; i++)
			stats_finish(&ps->s[i], k);
		struct buf out = { 0 };
		char sep = format[0] == 'c' ? ',' : '\t';
		int delimited = !strcmp(format, "csv") || !strcmp(format, "tsv");
		if (ps->trend) {
			if (html)
				trend_html(&out, ps->s, ps->p, ps->n, lang, k, who, date_today());
			else if (!strcmp(format, "json"))
				trend_json(&out, ps->s, ps->p, ps->n, k);
			else if (delimited)
				trend_delimited(&out, ps->s, ps->p, ps->n, sep);
			else
				trend_markdown(&out, ps->s, ps->p, ps->n, lang, k, who);
		} else if (html)
			stats_html(&out, &ps->s[0], lang, k, who, date_today());
		else if (!strcmp(format, "json"))
			stats_json(&out, &ps->s[0], k);
		else if (delimited)
			stats_delimited(&out, &ps->s[0], sep);
		else
			stats_markdown(&out, &ps->s[0], lang, k, who);
		emit(label(lang, "statistics"), &out, 0, lang);
		buf_free(&out);
		/* Every case left out is named on stderr; the figures are of
		 * the others, and the exit status says they are not complete. */
		status = unreadable ? EXIT_SYSTEM : dg.errors ? EXIT_REFUSED : EXIT_OK;
	}
	free(municipality);
	for (size_t i = 0; i < ps->n; i++)
		stats_free(&ps->s[i]);
	for (int i = 0; names && i < nrepos; i++)
		free(names[i]);
	free(names);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-report", .usage = usage };
	/* Not CLI_LONG: --by is the period here, not who did it, and a report
	 * has no --date. */
	static const struct option opts[] = {
		{ "help", no_argument, 0, 'h' },
		{ "version", no_argument, 0, 'V' },
		{ "html", no_argument, 0, 'H' },
		{ "format", required_argument, 0, 'f' },
		{ "lang", required_argument, 0, 'l' },
		{ "year", required_argument, 0, 'y' },
		{ "from", required_argument, 0, 'F' },
		{ "to", required_argument, 0, 'T' },
		{ "bands", required_argument, 0, 'N' },
		{ "years", required_argument, 0, 'Y' },
		{ "by", required_argument, 0, 'B' },
		{ "tables", required_argument, 0, 'S' },
		{ "for-guardians", no_argument, 0, 'G' },
		{ 0, 0, 0, 0 },
	};
	const char *format = "md", *year = NULL, *from = NULL, *to = NULL, *years = NULL, *by = NULL;
	const char *tables = NULL;
	const struct bands *bands = NULL;
	int html = 0, lang = -1, guardians = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, "C:hV", opts)) != -1) {
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
		case 'Y': years = optarg; break;
		case 'B': by = optarg; break;
		case 'S': tables = optarg; break;
		case 'N':
			if (!(bands = stats_bands(optarg)))
				cli_usage(&c, "--bands: '%s' is not default or ssb", optarg);
			break;
		case 'G': guardians = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (strcmp(format, "md") && strcmp(format, "csv") && strcmp(format, "tsv") && strcmp(format, "json"))
		cli_usage(&c, "--format: '%s' is not md, csv, tsv or json", format);
	if (html && strcmp(format, "md"))
		cli_usage(&c, "--html goes with Markdown, not --format %s", format);
	if (!year && !from && !to && !years) {
		if (argc - optind != 1 || by)
			cli_usage(&c, "give a case id, or --year for the statistics");
		if (!strcmp(format, "json") && !guardians)
			return case_json(&c, argv[optind]);
		if (strcmp(format, "md"))
			cli_usage(&c, "--format %s is for the statistics; a case is md, --html or json", format);
		return summary(&c, argv[optind], html, lang, guardians);
	}
	if (guardians)
		cli_usage(&c, "--for-guardians goes with a case id");
	static struct periods ps;
	if (tables) {
		/* Only the tables named, in their own order. */
		char *list = xstrdup(tables), *save = NULL;
		for (int i = 0; i < T_N + X_N; i++)
			ps.hide[i] = 1;
		for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
			int i = stats_table(id);
			if (i < 0)
				cli_usage(&c, "--tables: '%s' is not a table of bti-report(1)", id);
			ps.hide[i] = 0;
		}
		free(list);
	}
	int per = by ? trend_by(by) : years ? BY_YEAR : -1;
	if (by && per < 0)
		cli_usage(&c, "--by: '%s' is not quarter, tertial or year", by);
	day_t f, t;
	if (years) {
		char *end;
		long y1 = strtol(years, &end, 10), y2 = *end == '-' ? strtol(end + 1, &end, 10) : -1;
		if (year || from || to)
			cli_usage(&c, "--years, --year or --from/--to, only one of them");
		if (*end || y1 < 1900 || y2 > 9999 || y2 < y1)
			cli_usage(&c, "--years: '%s' is not FIRST-LAST, two years from 1900 to 9999, "
			    "the first not after the last", years);
		f = date_from_ymd((int)y1, 1, 1);
		t = date_from_ymd((int)y2, 12, 31);
	} else if (year) {
		if (from || to)
			cli_usage(&c, "--year or --from/--to, not both");
		long y = cli_number(&c, "--year", year, 1900, 9999);
		/* A year frozen before an erasure (bti-purge) is printed as it was. */
		int frozen = argc - optind <= 1 && per < 0 && !tables && !bands ? freeze_show(c.prog, argc - optind ? argv[optind] : c.dir,
		    (int)y, format, html) : -1;
		if (frozen >= 0)
			return frozen;
		f = date_from_ymd((int)y, 1, 1);
		t = date_from_ymd((int)y, 12, 31);
	} else {
		if (!from || !to || date_parse(from, &f) < 0 || date_parse(to, &t) < 0 || t < f)
			cli_usage(&c, "--from and --to take two dates, YYYY-MM-DD, in order");
	}
	if (per < 0) {
		ps.n = 1;
		ps.p[0].from = f;
		ps.p[0].to = t;
	} else {
		ps.trend = 1;
		if (!(ps.n = trend_periods(f, t, per, ps.p, TREND_MAX)))
			cli_usage(&c, "more than %d periods: take a shorter time or longer periods", TREND_MAX);
	}
	return statistics(&c, &ps, bands, format, html, lang, argv + optind, argc - optind);
}
