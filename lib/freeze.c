/* freeze.c: stats/YYYY.* written before an erasure, and read back by bti-report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "freeze.h"
#include "render.h"
#include "scan.h"
#include "util.h"

const char *const freeze_formats[FREEZE_FORMATS] = { "md", "csv", "tsv", "json", "html" };

static void
add_facts(const struct facts *f, void *arg)
{
	stats_add(arg, f);
}

int
freeze_year(struct repo *r, int year, struct change out[FREEZE_FORMATS], struct diags *dg)
{
	char *path = xasprintf("stats/%d.json", year), *data;
	size_t len;
	int rc = repo_read(r, path, &data, &len, dg);
	free(path);
	if (rc <= 0) {
		if (rc == 0)
			free(data);
		return rc == 0 ? 1 : -1;
	}
	struct stats s;
	struct diags sd = { 0 };
	int k = r->cfg.suppress_below;
	stats_init(&s, date_from_ymd(year, 1, 1), date_from_ymd(year, 12, 31), NULL);
	stats_use_model(&s, &r->model);
	stats_use_services(&s, r->cfg.services);
	rc = scan_cases(r, add_facts, &s, &sd);
	if (rc != 0 || sd.errors) {
		diag_add(dg, NULL, 0, 0, "purge/stats", "the figures of %d cannot be frozen: %zu "
		    "cases could not be counted (bti-check names them); repair them first", year,
		    sd.errors);
		stats_free(&s);
		diags_free(&sd);
		return -1;
	}
	diags_free(&sd);
	stats_finish(&s, k);
	for (int i = 0; i < FREEZE_FORMATS; i++) {
		struct buf b = { 0 };
		const char *f = freeze_formats[i];
		if (!strcmp(f, "json"))
			stats_json(&b, &s, k);
		else if (!strcmp(f, "html"))
			stats_html(&b, &s, r->cfg.lang, k, r->cfg.municipality, date_today());
		else if (!strcmp(f, "md"))
			stats_markdown(&b, &s, r->cfg.lang, k, r->cfg.municipality);
		else
			stats_delimited(&b, &s, f[0] == 'c' ? ',' : '\t');
		out[i].path = xasprintf("stats/%d.%s", year, f);
		out[i].data = b.p ? b.p : xstrdup("");
		out[i].len = b.len;
	}
	stats_free(&s);
	return 0;
}

int
freeze_show(const char *prog, const char *dir, int year, const char *format, int html)
{
	struct diags dg = { 0 };
	struct repo r;
	char *path = xasprintf("stats/%d.%s", year, html ? "html" : format), *data = NULL;
	size_t len;
	int rc = -1;
	if (repo_open(&r, dir, 1, &dg) == 0 && repo_load(&r, &dg) == 0 &&
	    repo_read(&r, path, &data, &len, &dg) == 0) {
		fwrite(data, 1, len, stdout);
		fprintf(stderr, "%s: %s: frozen: the figures of %d were frozen before cases counted "
		    "in them were erased (bti-purge); they are printed as they were then\n",
		    prog, path, year);
		rc = fflush(stdout) == 0 ? 0 : 3;
	}
	free(data);
	free(path);
	repo_close(&r);
	diags_free(&dg);
	return rc;
}
