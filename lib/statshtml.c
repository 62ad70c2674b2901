/* statshtml.c: the statistics as an HTML page, written here rather than
 * through cmark so that the tables are tables and the charts inline SVG;
 * every text from the data is escaped (html_text). */
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "model.h"
#include "render.h"
#include "svg.h"

static const char style[] =
"body{font-family:sans-serif;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.4;color:#000}"
"h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin:1.4em 0 .4em}"
".meta{margin:0 0 1em;color:#333}"
"table{border-collapse:collapse;margin:.3em 0}"
"th,td{border:1px solid #888;padding:.15em .6em;vertical-align:top}"
"td{text-align:right;font-variant-numeric:tabular-nums}th{text-align:left;font-weight:normal}"
"thead th,tfoot th,tfoot td{font-weight:bold}thead th{background:#eee}"
".fig{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}"
"section{break-inside:avoid;page-break-inside:avoid}"
"@page{size:A4;margin:16mm 14mm}"
"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
"h2{break-after:avoid;page-break-after:avoid}thead th{background:none}"
".cross{break-inside:avoid}}";

static void
value(struct buf *b, long n, int hidden, int k)
{
	if (hidden == 1)
		buf_printf(b, "&lt;%d", k);
	else if (hidden)
		buf_puts(b, ":");
	else
		buf_printf(b, "%ld", n);
}

static void
cell_text(struct buf *b, const char *tag, const char *text)
{
	buf_printf(b, "<%s>", tag);
	html_text(b, text);
	buf_printf(b, "</%s>", tag);
}

/* The tables drawn as bar charts too: cases by level, by service, by age. */
static int
charted(const char *id)
{
	return !strcmp(id, "active_by_highest_level") || !strcmp(id, "opened_by_service") ||
	    !strcmp(id, "active_by_age");
}

static void
counts(struct buf *b, const struct table *t, int lang, int k)
{
	struct buf txt = { 0 };
	struct bar *bars = xmalloc((t->nrows + 1) * sizeof *bars);
	char **names = xmalloc((t->nrows + 1) * sizeof *names);
	for (size_t i = 0; i < t->nrows; i++) {
		txt.len = 0;
		row_text(&txt, t->id, t->rows[i].key, lang);
		names[i] = xstrdup(txt.p ? txt.p : "");
		bars[i] = (struct bar){ names[i], t->rows[i].n, t->rows[i].hidden };
	}
	buf_puts(b, "<div class=\"fig\">\n");
	if (charted(t->id) && t->nrows)
		svg_bars(b, label(lang, t->id), bars, t->nrows, k);
	buf_printf(b, "<table>\n<thead><tr><th></th><th>%s</th></tr></thead>\n<tbody>\n", label(lang, "count"));
	for (size_t i = 0; i < t->nrows; i++) {
		buf_puts(b, "<tr>");
		cell_text(b, "th", names[i]);
		buf_puts(b, "<td>");
		value(b, t->rows[i].n, t->rows[i].hidden, k);
		buf_puts(b, "</td></tr>\n");
		free(names[i]);
	}
	buf_printf(b, "</tbody>\n<tfoot><tr><th>%s</th><td>", label(lang, "total"));
	value(b, t->total, t->total_hidden, k);
	buf_puts(b, "</td></tr></tfoot>\n</table>\n</div>\n");
	free(bars);
	free(names);
	buf_free(&txt);
}

static void
figures(struct buf *b, const struct table *t, int lang, int k)
{
	buf_printf(b, "<table>\n<thead><tr><th></th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
	    label(lang, t->id[0] == 'w' ? "score" : "days"), label(lang, "cases-col"));
	for (size_t i = 0; i < t->nrows; i++) {
		const struct row *r = &t->rows[i];
		struct buf txt = { 0 };
		row_text(&txt, t->id, r->key, lang);
		buf_puts(b, "<tr>");
		cell_text(b, "th", txt.p ? txt.p : "");
		buf_free(&txt);
		if (!r->base)
			buf_puts(b, "<td>–</td><td>0</td>");
		else if (r->hidden)
			buf_printf(b, "<td>:</td><td>&lt;%d</td>", k);
		else
			buf_printf(b, "<td>%ld</td><td>%ld</td>", r->n, r->base);
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n");
}

static void
xkey_cell(struct buf *b, const char *tag, const struct crosstab *x, int col, const char *key, int lang)
{
	struct buf txt = { 0 };
	crosstab_key_text(&txt, x, col, key, lang);
	cell_text(b, tag, txt.p ? txt.p : "");
	buf_free(&txt);
}

static void
cross(struct buf *b, const struct crosstab *x, int lang, int k)
{
	char *rd = xasprintf("dim:%s", x->rows_are), *cd = xasprintf("dim:%s", x->cols_are);
	struct buf title = { 0 };
	crosstab_title(&title, x, lang);
	buf_printf(b, "<section class=\"cross\">\n<h2>%s</h2>\n<table>\n<thead><tr><th>", title.p);
	buf_free(&title);
	html_text(b, label(lang, rd));
	buf_puts(b, " \\ ");
	html_text(b, label(lang, cd));
	buf_puts(b, "</th>");
	free(rd);
	free(cd);
	for (size_t j = 0; j <= x->nc; j++)
		xkey_cell(b, "th", x, 1, j < x->nc ? x->ck[j] : "total", lang);
	buf_puts(b, "</tr></thead>\n");
	for (size_t i = 0; i <= x->nr; i++) {
		buf_puts(b, i == x->nr ? "<tfoot><tr>" : i == 0 ? "<tbody>\n<tr>" : "<tr>");
		xkey_cell(b, "th", x, 0, i < x->nr ? x->rk[i] : "total", lang);
		for (size_t j = 0; j <= x->nc; j++) {
			buf_puts(b, "<td>");
			value(b, x->v[XT_AT(x, i, j)], x->hid[XT_AT(x, i, j)], k);
			buf_puts(b, "</td>");
		}
		buf_puts(b, i == x->nr ? "</tr></tfoot>\n" : i + 1 == x->nr ? "</tr>\n</tbody>\n" : "</tr>\n");
	}
	buf_puts(b, "</table>\n</section>\n");
}

void
stats_html_head(struct buf *b, int lang, const char *who, const char *from, const char *to,
    const char *made, int k)
{
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s",
	    lang_code[lang], label(lang, "statistics"));
	if (who) {
		buf_puts(b, " – ");
		html_text(b, who);
	}
	buf_printf(b, " %s – %s</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>%s",
	    from, to, style, label(lang, "statistics"));
	if (who) {
		buf_puts(b, " – ");
		html_text(b, who);
	}
	buf_printf(b, "</h1>\n<p class=\"meta\">%s: %s – %s · %s: %s</p>\n</header>\n<p>", label(lang, "period"),
	    from, to, label(lang, "made"), made);
	struct buf legend = { 0 };
	buf_printf(&legend, label(lang, "legend"), k, k);
	html_text(b, legend.p);
	buf_free(&legend);
	buf_puts(b, "</p>\n");
}

void
stats_html(struct buf *b, const struct stats *s, int lang, int k, const char *who, day_t made)
{
	char f[11], t[11], m[11];
	stats_html_head(b, lang, who, date_format(s->from, f), date_format(s->to, t), date_format(made, m), k);
	for (int i = 0; i < T_N; i++) {
		const struct table *tb = &s->t[i];
		if (!stats_shown(s, i))
			continue;
		buf_printf(b, "<section>\n<h2>%s</h2>\n", label(lang, tb->id));
		if (tb->kind == K_COUNTS)
			counts(b, tb, lang, k);
		else if (tb->kind == K_SINGLE) {
			buf_printf(b, "<table><tbody><tr><th>%s</th><td>", label(lang, "total"));
			value(b, tb->total, tb->total_hidden, k);
			buf_puts(b, "</td></tr></tbody></table>\n");
		} else
			figures(b, tb, lang, k);
		buf_puts(b, "</section>\n");
	}
	for (int i = 0; i < X_N; i++)
		if (stats_xshown(s, i))
			cross(b, &s->x[i], lang, k);
	for (int i = 0; i < T_N; i++)
		if (stats_byrepo(s, i))
			cross(b, &s->byrepo[i], lang, k);
	buf_puts(b, "</body>\n</html>\n");
}
