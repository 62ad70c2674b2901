/* archive.c: the archival package: summary, case file, history, manifest. */
#include <cmark.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive.h"
#include "case.h"
#include "json.h"
#include "render.h"
#include "sha256.h"
#include "util.h"
#include "yamlio.h"

/* The screening every page and the manifest carry (docs/archive.md). */
#define SCREENING "Unntatt offentlighet, offl. § 13 jf. fvl. § 13"

static const char *const docs[][3] = {
	/* file, media type, title */
	{ "summary.html", "text/html", "Sammendrag (utskrift)" },
	{ "summary.md", "text/markdown", "Sammendrag" },
	{ "case.yaml", "application/yaml", "Saksfil" },
	{ "case.json", "application/json", "Saksfil (JSON)" },
	{ "history.json", "application/json", "Historikk" },
};
#define NDOCS (sizeof docs / sizeof docs[0])

struct pkg {
	const char *dir;
	char sha[NDOCS][65];
	size_t size[NDOCS];
	struct diags *dg;
};

static int
put(struct pkg *p, size_t i, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", p->dir, docs[i][0]);
	int rc = write_file_atomic(path, data, len, 0600);
	if (rc < 0)
		diag_add(p->dg, path, 0, 0, "archive/write", "cannot write: %s", strerror(errno));
	free(path);
	sha256_hex(data, len, p->sha[i]);
	p->size[i] = len;
	return rc;
}

/* A page for paper: A4 margins, the screening on every page, no colours. */
static char *
print_page(const char *id, const char *markdown, int lang)
{
	struct buf b = { 0 };
	char *body = cmark_markdown_to_html(markdown, strlen(markdown),
	    CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
	buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<title>BTI %s</title>\n<style>\n"
	    "@page{size:A4;margin:20mm 18mm;@top-center{content:\"" SCREENING "\"}}\n"
	    "body{font-family:serif;font-size:11pt;line-height:1.35;color:#000;background:#fff}\n"
	    "h1{font-size:16pt}h2{font-size:13pt;break-after:avoid;page-break-after:avoid}\n"
	    "li{break-inside:avoid;page-break-inside:avoid}\n"
	    "blockquote{border:2px solid #000;padding:0 1em;margin:1em 0;font-weight:bold}\n"
	    ".screening{font-size:9pt;text-transform:uppercase;letter-spacing:.05em}\n"
	    "@media screen{body{max-width:50em;margin:2em auto}}\n"
	    "</style>\n</head>\n<body>\n<p class=\"screening\">" SCREENING "</p>\n",
	    lang_code[lang], id);
	buf_puts(&b, body);
	buf_puts(&b, "</body>\n</html>\n");
	free(body);
	return b.p;
}

/* 1 when seq (may be NULL) holds an item equal to n. */
static int
holds(const struct node *seq, const struct node *n)
{
	for (size_t k = 0; seq && seq->type == NT_SEQ && k < seq->n; k++)
		if (node_same(seq->v[k], n))
			return 1;
	return 0;
}

/* What a commit did to the case: {"added": {LIST: [entries]}, "set": {KEY:
 * value}, "removed": [keys]}, each part only when there is something. */
static void
changes(struct buf *b, const struct node *old, const struct node *new)
{
	const char *sep = "";
	buf_puts(b, "{");
	for (int part = 0; part < 3; part++) {
		size_t nk = 0;
		const struct node *keys = part < 2 ? new : old;
		for (size_t i = 0; keys && i < keys->n; i++) {
			const char *key = keys->k[i]->s;
			const struct node *o = map_get(old, key), *n = map_get(new, key);
			int list = n && n->type == NT_SEQ && (!o || o->type == NT_SEQ);
			if (part == 2 ? n != NULL : (o && node_same(o, n)) || list != (part == 0))
				continue;
			buf_printf(b, "%s%s", nk ? "," : sep, nk ? "\n        " : "");
			if (!nk++) {
				static const char *const names[] = { "added", "set", "removed" };
				buf_printf(b, "\n      \"%s\": %s", names[part], part == 2 ? "[" : "{");
				sep = ",";
			}
			json_string(b, key);
			if (part == 2)
				continue;
			buf_puts(b, ": ");
			if (part == 1) {
				json_node(b, n, 4);
				continue;
			}
			buf_puts(b, "[");
			size_t added = 0;
			for (size_t j = 0; j < n->n; j++)
				if (!holds(o, n->v[j])) {
					buf_puts(b, added++ ? ", " : "");
					json_node(b, n->v[j], 4);
				}
			buf_puts(b, "]");
		}
		if (nk)
			buf_puts(b, part == 2 ? "]" : "}");
	}
	buf_puts(b, *sep ? "\n    }" : "}");
}

/* The blob of path in a commit's tree; 0 found, 1 absent, -1 error. */
static int
blob_at(git_commit *c, const char *path, git_oid *out)
{
	git_tree *t;
	git_tree_entry *e;
	if (git_commit_tree(&t, c) < 0)
		return -1;
	int rc = git_tree_entry_bypath(&e, t, path);
	git_tree_free(t);
	if (rc == GIT_ENOTFOUND)
		return 1;
	if (rc < 0)
		return -1;
	git_oid_cpy(out, git_tree_entry_id(e));
	git_tree_entry_free(e);
	return 0;
}

static int
parse_blob(git_repository *git, const git_oid *id, struct doc *d)
{
	git_blob *b;
	struct diags dg = { 0 };
	if (git_blob_lookup(&b, git, id) < 0)
		return -1;
	int rc = yaml_read(d, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), &dg);
	git_blob_free(b);
	diags_free(&dg);
	return rc;
}

static void
commit_item(struct buf *b, git_commit *c, const struct node *old, const struct node *new)
{
	char hex[GIT_OID_HEXSZ + 1], when[64];
	const git_signature *a = git_commit_author(c);
	time_t t = (time_t)a->when.time + a->when.offset * 60;
	struct tm tm;
	gmtime_r(&t, &tm);
	int off = a->when.offset < 0 ? -a->when.offset : a->when.offset;
	snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    a->when.offset < 0 ? '-' : '+', off / 60, off % 60);
	buf_printf(b, "  {\n    \"commit\": \"%s\",\n    \"date\": \"%s\",\n    \"author\": ",
	    git_oid_tostr(hex, sizeof hex, git_commit_id(c)), when);
	json_string(b, a->name);
	buf_puts(b, ",\n    \"email\": ");
	json_string(b, a->email);
	buf_puts(b, ",\n    \"event\": ");
	git_message_trailer_array tr = { 0 };
	const char *event = NULL;
	if (git_message_trailers(&tr, git_commit_message(c)) == 0)
		for (size_t i = 0; i < tr.count; i++)
			if (!strcmp(tr.trailers[i].key, "BTI-Event"))
				event = tr.trailers[i].value;
	if (event)
		json_string(b, event);
	else
		buf_puts(b, "null");
	git_message_trailer_array_free(&tr);
	buf_puts(b, ",\n    \"subject\": ");
	json_string(b, git_commit_summary(c));
	buf_puts(b, ",\n    \"changes\": ");
	changes(b, old, new);
	buf_puts(b, "\n  }");
}

/* Every commit reachable from HEAD whose version of path differs from its
 * first parent's, oldest first. */
static int
history(struct repo *r, const char *path, struct buf *b, struct diags *dg)
{
	git_revwalk *w = NULL;
	git_oid oid;
	int rc = -1, n = 0;
	buf_puts(b, "[");
	if (!r->head)
		goto done;
	if (git_revwalk_new(&w, r->git) < 0 ||
	    git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE) < 0 ||
	    git_revwalk_push(w, git_commit_id(r->head)) < 0)
		goto fail;
	while (git_revwalk_next(&oid, w) == 0) {
		git_commit *c, *p = NULL;
		git_oid mine, theirs;
		if (git_commit_lookup(&c, r->git, &oid) < 0)
			goto fail;
		int have = blob_at(c, path, &mine), had = 1;
		if (have >= 0 && git_commit_parentcount(c) > 0) {
			had = git_commit_parent(&p, c, 0) < 0 ? -1 : blob_at(p, path, &theirs);
			git_commit_free(p);
		}
		if (have < 0 || had < 0) {
			git_commit_free(c);
			goto fail;
		}
		if (have == 0 && (had || !git_oid_equal(&mine, &theirs))) {
			struct doc od, nd;
			doc_init(&od, path);
			doc_init(&nd, path);
			if (parse_blob(r->git, &mine, &nd) == 0 &&
			    (had || parse_blob(r->git, &theirs, &od) == 0)) {
				buf_puts(b, n++ ? ",\n" : "\n");
				commit_item(b, c, od.root, nd.root);
			}
			doc_free(&od);
			doc_free(&nd);
		}
		git_commit_free(c);
	}
done:
	buf_puts(b, n ? "\n]\n" : "]\n");
	rc = 0;
fail:
	if (rc < 0)
		git_fail(dg, "cannot read the case's history");
	git_revwalk_free(w);
	return rc;
}

static void
manifest(struct buf *b, struct repo *r, const struct archive_in *in, const struct pkg *p)
{
	struct case_state st;
	const struct node *arch = map_list(in->root, "archived");
	const struct node *last = arch && arch->n ? arch->v[arch->n - 1] : NULL;
	case_state(in->root, &st);
	buf_puts(b, "{\n  \"format\": \"bti-archive 1\",\n  \"case\": ");
	json_string(b, in->id);
	buf_puts(b, ",\n  \"title\": ");
	char *title = xasprintf("BTI-sak %s", in->id);
	json_string(b, title);
	free(title);
	buf_puts(b, ",\n  \"municipality\": ");
	json_string(b, r->cfg.municipality ? r->cfg.municipality : "");
	buf_puts(b, ",\n  \"unit\": ");
	if (r->cfg.unit)
		json_string(b, r->cfg.unit);
	else
		buf_puts(b, "null");
	buf_puts(b, ",\n  \"model\": ");
	json_string(b, r->model.name);
	buf_puts(b, ",\n  \"period\": {\"opened\": ");
	json_string(b, map_str(in->root, "opened"));
	buf_puts(b, ", \"closed\": ");
	if (st.closed)
		json_string(b, map_str(st.last, "date"));
	else
		buf_puts(b, "null");
	buf_puts(b, "},\n  \"archived\": {\"date\": ");
	json_string(b, map_str(last, "date"));
	buf_puts(b, ", \"ref\": ");
	if (map_str(last, "ref"))
		json_string(b, map_str(last, "ref"));
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"by\": ");
	json_string(b, map_str(last, "by"));
	buf_puts(b, "},\n  \"classification\": {\"system\": \"BTI\", \"value\": \"barnesak\", "
	    "\"title\": \"Sak om barn eller ungdom (BTI)\"},\n"
	    "  \"screening\": {\"code\": \"UO\", \"title\": \"Unntatt offentlighet\", "
	    "\"authority\": \"offl. § 13 jf. fvl. § 13\"},\n  \"documents\": [");
	for (size_t i = 0; i < NDOCS; i++)
		buf_printf(b, "%s\n    {\"file\": \"%s\", \"title\": \"%s\", \"format\": \"%s\", "
		    "\"size\": %zu, \"sha256\": \"%s\"}", i ? "," : "", docs[i][0], docs[i][2],
		    docs[i][1], p->size[i], p->sha[i]);
	buf_puts(b, "\n  ]\n}\n");
}

int
archive_write(struct repo *r, const struct archive_in *in, const char *dir, struct diags *dg)
{
	struct pkg p = { .dir = dir, .dg = dg };
	struct buf md = { 0 }, json = { 0 }, hist = { 0 }, man = { 0 };
	int rc = -1;
	if (mkdir(dir, 0700) < 0) {
		diag_add(dg, dir, 0, 0, "archive/write", "cannot create the directory: %s", strerror(errno));
		return -1;
	}
	summary_markdown(&md, &r->model, in->root, in->lang, in->today);
	char *page = print_page(in->id, md.p, in->lang);
	json_node(&json, in->root, 0);
	buf_puts(&json, "\n");
	if (history(r, in->path, &hist, dg) < 0 ||
	    put(&p, 0, page, strlen(page)) < 0 || put(&p, 1, md.p, md.len) < 0 ||
	    put(&p, 2, in->yaml, in->ylen) < 0 || put(&p, 3, json.p, json.len) < 0 ||
	    put(&p, 4, hist.p, hist.len) < 0)
		goto out;
	manifest(&man, r, in, &p);
	char *mpath = xasprintf("%s/manifest.json", dir);
	rc = write_file_atomic(mpath, man.p, man.len, 0600);
	if (rc < 0)
		diag_add(dg, mpath, 0, 0, "archive/write", "cannot write: %s", strerror(errno));
	free(mpath);
out:
	free(page);
	buf_free(&md);
	buf_free(&json);
	buf_free(&hist);
	buf_free(&man);
	return rc;
}

void
archive_remove(const char *dir)
{
	static const char *const more[] = { "manifest.json" };
	for (size_t i = 0; i < NDOCS + 1; i++) {
		char *path = xasprintf("%s/%s", dir, i < NDOCS ? docs[i][0] : more[0]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}
