/* render.c: escaping, the HTML page, and the yearly statistics outputs. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "render.h"
#include "text.h"

void
md_text(struct buf *b, const char *s)
{
	while (s && *s) {
		if (*s == '\n' || *s == '\t') {     /* multi-line text reads on as one line */
			buf_puts(b, " ");
			s++;
		} else if (text_unsafe(s)) {
			/* \x1b, \u202e: a backslash before a letter is shown as it is */
			s += text_escape_char(b, s);
		} else {
			if (strchr("\\`*_[]<>()#!|~&", *s))
				buf_puts(b, "\\");
			s += text_escape_char(b, s);
		}
	}
}

void
html_text(struct buf *b, const char *s)
{
	while (*s) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: s += text_escape_char(b, s); continue;
		}
		s++;
	}
}

char *
html_page(const char *title, const char *markdown, int lang)
{
	struct buf b = { 0 };
	/* CMARK_OPT_DEFAULT is safe: raw HTML and unsafe URLs are not passed. */
	char *body = cmark_markdown_to_html(markdown, strlen(markdown),
	    CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
	buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
	    lang_code[lang]);
	html_text(&b, title);
	buf_puts(&b, "</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;"
	    "line-height:1.4}blockquote{border-left:4px solid #b00;padding-left:1em;color:#b00}</style>\n"
	    "</head>\n<body>\n");
	buf_puts(&b, body);
	buf_puts(&b, "</body>\n</html>\n");
	free(body);
	return b.p;
}

static void
value(struct buf *b, long n, int hidden, int k)
{
	if (hidden == 1)
		buf_printf(b, "<%d", k);
	else if (hidden)
		buf_puts(b, ":");
	else
		buf_printf(b, "%ld", n);
}

/* A row key as people read it: level numbers, moves, words. */
void
row_text(struct buf *b, const char *table, const char *key, int lang)
{
	const char *colon = strchr(key, ':');
	if (colon && strstr(table, "level")) {
		/* MODEL:LEVEL, repositories of different models */
		buf_printf(b, "%.*s: ", (int)(colon - key), key);
		key = colon + 1;
	}
	if (!strcmp(table, "level_moves")) {
		const char *gt = strchr(key, '>');
		buf_printf(b, "%s %.*s → %s", label(lang, "level"), (int)(gt - key), key, gt + 1);
	} else if (strstr(table, "level")) {
		buf_printf(b, "%s %s", label(lang, "level"), key);
	} else if (!strcmp(table, "opened_by_age") || !strcmp(table, "active_by_age")) {
		buf_printf(b, "%s %s", key, label(lang, "years"));
	} else if (strlen(table) > 5 && !strcmp(table + strlen(table) - 5, "_kind")) {
		xkey_text(b, "kind", key, lang);
	} else {
		/* "table:row" when a word reads differently in a table */
		char *both = xasprintf("%s:%s", table, key);
		const char *l = label(lang, both);
		buf_puts(b, l != both ? l : label(lang, key));
		free(both);
	}
}

static void
row_label(struct buf *b, const struct table *t, const char *key, int lang)
{
	struct buf plain = { 0 };
	row_text(&plain, t->id, key, lang);
	md_text(b, plain.p ? plain.p : "");
	buf_free(&plain);
}

/* A key of a cross-table as people read it, by what the keys are. */
void
xkey_text(struct buf *b, const char *dim, const char *key, int lang)
{
	if (!strcmp(key, "total"))
		buf_puts(b, label(lang, "total"));
	else if (!strcmp(dim, "level"))
		row_text(b, "level", key, lang);
	else if (!strcmp(dim, "age"))
		buf_printf(b, "%s %s", key, label(lang, "years"));
	else if (!strcmp(dim, "kind")) {
		char *k = xasprintf("kind:%s", key);
		const char *l = label(lang, k);
		buf_puts(b, l != k ? l : key);
		free(k);
	} else
		buf_puts(b, label(lang, key));
}

void
crosstab_key_text(struct buf *b, const struct crosstab *x, int col, const char *key, int lang)
{
	if (!col && x->row_table && strcmp(key, "total"))
		row_text(b, x->row_table, key, lang);
	else
		xkey_text(b, col ? x->cols_are : x->rows_are, key, lang);
}

void
crosstab_title(struct buf *b, const struct crosstab *x, int lang)
{
	if (x->row_table)
		buf_printf(b, "%s – %s", label(lang, x->row_table), label(lang, "by-repository"));
	else
		buf_puts(b, label(lang, x->id));
}

static void
xkey_label(struct buf *b, const struct crosstab *x, int col, const char *key, int lang)
{
	struct buf plain = { 0 };
	crosstab_key_text(&plain, x, col, key, lang);
	md_text(b, plain.p ? plain.p : "");
	buf_free(&plain);
}

/* A cross-table as a Markdown (GitHub) table: a row per row key, a column
 * per column key, the totals last. */
static void
crosstab_markdown(struct buf *b, const struct crosstab *x, int lang, int k)
{
	char *rd = xasprintf("dim:%s", x->rows_are), *cd = xasprintf("dim:%s", x->cols_are);
	buf_puts(b, "\n## ");
	crosstab_title(b, x, lang);
	buf_printf(b, "\n\n| %s \\ %s |", label(lang, rd), label(lang, cd));
	free(rd);
	free(cd);
	for (size_t j = 0; j <= x->nc; j++) {
		buf_puts(b, " ");
		xkey_label(b, x, 1, j < x->nc ? x->ck[j] : "total", lang);
		buf_puts(b, " |");
	}
	buf_puts(b, "\n|---|");
	for (size_t j = 0; j <= x->nc; j++)
		buf_puts(b, "---:|");
	buf_puts(b, "\n");
	for (size_t i = 0; i <= x->nr; i++) {
		buf_puts(b, "| ");
		xkey_label(b, x, 0, i < x->nr ? x->rk[i] : "total", lang);
		buf_puts(b, " |");
		for (size_t j = 0; j <= x->nc; j++) {
			buf_puts(b, " ");
			value(b, x->v[XT_AT(x, i, j)], x->hid[XT_AT(x, i, j)], k);
			buf_puts(b, " |");
		}
		buf_puts(b, "\n");
	}
}

void
stats_markdown(struct buf *b, const struct stats *s, int lang, int k, const char *who)
{
	char f[11], t[11];
	buf_printf(b, "# %s", label(lang, "statistics"));
	if (who) {
		buf_puts(b, " – ");
		md_text(b, who);
	}
	buf_printf(b, "\n\n%s: %s – %s\n\n", label(lang, "period"), date_format(s->from, f),
	    date_format(s->to, t));
	buf_printf(b, label(lang, "legend"), k, k);
	buf_puts(b, "\n");
	for (int i = 0; i < T_N; i++) {
		const struct table *tb = &s->t[i];
		if (!stats_shown(s, i))
			continue;
		buf_printf(b, "\n## %s\n\n", label(lang, tb->id));
		if (tb->kind == K_MEDIAN || tb->kind == K_QUARTILES) {
			for (size_t j = 0; j < tb->nrows; j++) {
				const struct row *r = &tb->rows[j];
				buf_puts(b, "- ");
				row_label(b, tb, r->key, lang);
				buf_puts(b, ": ");
				if (!r->base)
					buf_puts(b, "–");
				else if (r->hidden)
					buf_printf(b, "<%d %s", k, label(lang, "cases"));
				else
					buf_printf(b, "%ld (%ld %s)", r->n, r->base, label(lang, "cases"));
				buf_puts(b, "\n");
			}
			continue;
		}
		for (size_t j = 0; j < tb->nrows; j++) {
			buf_puts(b, "- ");
			row_label(b, tb, tb->rows[j].key, lang);
			buf_puts(b, ": ");
			value(b, tb->rows[j].n, tb->rows[j].hidden, k);
			buf_puts(b, "\n");
		}
		buf_printf(b, "- **%s: ", label(lang, "total"));
		value(b, tb->total, tb->total_hidden, k);
		buf_puts(b, "**\n");
	}
	for (int i = 0; i < X_N; i++)
		if (stats_xshown(s, i))
			crosstab_markdown(b, &s->x[i], lang, k);
	for (int i = 0; i < T_N; i++)
		if (stats_byrepo(s, i))
			crosstab_markdown(b, &s->byrepo[i], lang, k);
}

/* A field of CSV or TSV: tabs and line breaks as spaces, other control and
 * bidi characters escaped (text.h); CSV quotes what has , or ". */
void
stats_field(struct buf *b, const char *s, char sep)
{
	struct buf e = { 0 };
	text_oneline(&e, s);
	const char *t = e.p ? e.p : "";
	if (sep == '\t' || !strpbrk(t, ",\"")) {
		buf_puts(b, t);
	} else {
		buf_puts(b, "\"");
		for (; *t; t++)
			buf_add(b, *t == '"' ? "\"\"" : t, *t == '"' ? 2 : 1);
		buf_puts(b, "\"");
	}
	buf_free(&e);
}

static void
line(struct buf *b, char sep, const char *table, const char *row, long n, int hidden)
{
	stats_field(b, table, sep);
	buf_add(b, &sep, 1);
	stats_field(b, row, sep);
	buf_add(b, &sep, 1);
	if (hidden)
		buf_puts(b, ":\n");
	else
		buf_printf(b, "%ld\n", n);
}

void
stats_delimited(struct buf *b, const struct stats *s, char sep)
{
	buf_printf(b, "table%crow%cvalue\n", sep, sep);
	for (int i = 0; i < T_N; i++) {
		const struct table *t = &s->t[i];
		if (!stats_shown(s, i))
			continue;
		for (size_t j = 0; j < t->nrows; j++) {
			const struct row *r = &t->rows[j];
			if (!r->base && (t->kind == K_MEDIAN || t->kind == K_QUARTILES))
				continue;
			line(b, sep, t->id, r->key, r->n, r->hidden);
		}
		if (t->kind == K_COUNTS || t->kind == K_SINGLE)
			line(b, sep, t->id, "total", t->total, t->total_hidden);
	}
	/* Cross-tables: the row ROW|COLUMN, "total" for the totals; then
	 * the tables by repository. */
	for (int x = 0; x < X_N + T_N; x++) {
		if (x < X_N ? !stats_xshown(s, x) : !stats_byrepo(s, x - X_N))
			continue;
		const struct crosstab *c = x < X_N ? &s->x[x] : &s->byrepo[x - X_N];
		for (size_t i = 0; i <= c->nr; i++)
			for (size_t j = 0; j <= c->nc; j++) {
				char *key = xasprintf("%s|%s", i < c->nr ? c->rk[i] : "total",
				    j < c->nc ? c->ck[j] : "total");
				line(b, sep, c->id, key, c->v[XT_AT(c, i, j)], c->hid[XT_AT(c, i, j)]);
				free(key);
			}
	}
}

void
stats_json_str(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			buf_printf(b, "\\%c", c);
			s++;
		} else if (text_unsafe(s)) {
			/* as \u000a, \u001b, \u202e; a byte that is not UTF-8 as U+FFFD */
			size_t len;
			long cp = text_char(s, &len);
			buf_printf(b, "\\u%04lx", cp < 0 ? 0xFFFD : cp);
			s += len;
		} else {
			s += text_escape_char(b, s);
		}
	}
	buf_puts(b, "\"");
}

static void
json_value(struct buf *b, long n, int hidden)
{
	if (hidden)
		buf_puts(b, "\":\"");
	else
		buf_printf(b, "%ld", n);
}

/* {"table", "rows_are", "columns_are", "columns": [...], "rows": [{"row",
 * "cells": [...], "total"}], "column_totals": [...], "total"} */
static void
crosstab_json(struct buf *b, const struct crosstab *x, int first)
{
	buf_printf(b, "%s\n  {\"table\": \"%s\", \"rows_are\": \"%s\", \"columns_are\": \"%s\", \"columns\": [",
	    first ? "" : ",", x->id, x->rows_are, x->cols_are);
	for (size_t j = 0; j < x->nc; j++) {
		buf_puts(b, j ? ", " : "");
		stats_json_str(b, x->ck[j]);
	}
	buf_puts(b, "], \"rows\": [");
	for (size_t i = 0; i <= x->nr; i++) {
		if (i == x->nr)
			buf_puts(b, "], \"column_totals\": [");
		else {
			buf_puts(b, i ? ", {\"row\": " : "{\"row\": ");
			stats_json_str(b, x->rk[i]);
			buf_puts(b, ", \"cells\": [");
		}
		for (size_t j = 0; j < x->nc; j++) {
			buf_puts(b, j ? ", " : "");
			json_value(b, x->v[XT_AT(x, i, j)], x->hid[XT_AT(x, i, j)]);
		}
		buf_puts(b, i < x->nr ? "], \"total\": " : "], \"total\": ");
		json_value(b, x->v[XT_AT(x, i, x->nc)], x->hid[XT_AT(x, i, x->nc)]);
		if (i < x->nr)
			buf_puts(b, "}");
	}
	buf_puts(b, "}");
}

void
stats_json(struct buf *b, const struct stats *s, int k)
{
	char f[11], t[11];
	buf_printf(b, "{\"from\": \"%s\", \"to\": \"%s\", \"suppress_below\": %d, \"tables\": [",
	    date_format(s->from, f), date_format(s->to, t), k);
	int none = 1;
	for (int i = 0; i < T_N; i++) {
		const struct table *tb = &s->t[i];
		if (!stats_shown(s, i))
			continue;
		buf_printf(b, "%s\n  {\"table\": \"%s\", \"rows\": [", none ? "" : ",", tb->id);
		none = 0;
		int first = 1;
		for (size_t j = 0; j < tb->nrows; j++) {
			const struct row *r = &tb->rows[j];
			if (!r->base && (tb->kind == K_MEDIAN || tb->kind == K_QUARTILES))
				continue;
			buf_puts(b, first ? "" : ", ");
			first = 0;
			buf_puts(b, "{\"row\": ");
			stats_json_str(b, r->key);
			buf_puts(b, ", \"value\": ");
			json_value(b, r->n, r->hidden);
			if (tb->kind == K_MEDIAN || tb->kind == K_QUARTILES) {
				buf_puts(b, ", \"cases\": ");
				json_value(b, r->base, r->hidden);
			}
			buf_puts(b, "}");
		}
		buf_puts(b, "]");
		if (tb->kind == K_COUNTS || tb->kind == K_SINGLE) {
			buf_puts(b, ", \"total\": ");
			json_value(b, tb->total, tb->total_hidden);
		}
		buf_puts(b, "}");
	}
	for (int x = 0; x < X_N; x++)
		if (stats_xshown(s, x)) {
			crosstab_json(b, &s->x[x], none);
			none = 0;
		}
	for (int i = 0; i < T_N; i++)
		if (stats_byrepo(s, i)) {
			crosstab_json(b, &s->byrepo[i], none);
			none = 0;
		}
	buf_puts(b, "\n]}\n");
}
