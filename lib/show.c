/* show.c: a case from HEAD as YAML, JSON, Markdown or HTML. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "json.h"
#include "render.h"
#include "repo.h"
#include "show.h"
#include "yamlio.h"

int
show_format(const char *s)
{
	static const char *const names[] = { "yaml", "json", "md", "html" };
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

int
show_case(const char *dir, const char *id, int format, int lang, struct buf *out,
    struct diags *dg)
{
	struct repo r;
	struct doc d;
	char cid[CASE_ID_LEN + 1], path[CASE_PATH_MAX] = "", *data = NULL;
	size_t len;
	int status = EXIT_SYSTEM;
	doc_init(&d, path);
	if (repo_open(&r, dir, 1, dg) < 0 || repo_load(&r, dg) < 0)
		goto out;
	status = EXIT_REFUSED;
	if (case_id_check(id, cid) < 0) {
		diag_add(dg, NULL, 0, 0, "case/id", "'%s' is not a case id (YYYY-XXXXXX, as bti-new prints)", id);
		goto out;
	}
	case_path(cid, path);
	int rc = repo_read(&r, path, &data, &len, dg);
	if (rc) {
		if (rc > 0)
			diag_add(dg, NULL, 0, 0, "case/unknown", "no case %s in this repository", cid);
		else
			status = EXIT_SYSTEM;
		goto out;
	}
	if (yaml_read(&d, data, len, dg) < 0 || case_validate(&r.schema, &r.model, d.root, path, cid, dg))
		goto out;
	if (lang < 0)
		lang = r.cfg.lang;
	if (format == SHOW_YAML) {
		buf_add(out, data, len);
	} else if (format == SHOW_JSON) {
		json_node(out, d.root, 0);
		buf_puts(out, "\n");
	} else {
		struct buf md = { 0 };
		summary_markdown(&md, &r.model, d.root, lang, date_today());
		if (format == SHOW_HTML) {
			char *page = html_page(cid, md.p ? md.p : "", lang);
			buf_puts(out, page);
			free(page);
		} else if (md.p) {
			buf_add(out, md.p, md.len);
		}
		buf_free(&md);
	}
	status = EXIT_OK;
out:
	free(data);
	doc_free(&d);
	repo_close(&r);
	return status;
}
