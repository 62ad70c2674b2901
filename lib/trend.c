/* trend.c: periods side by side. Every period is counted and suppressed on
 * its own, as a report of that period alone would be; a change is hidden
 * when either of its two values is. The cross-tables are left out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "labels.h"
#include "model.h"
#include "render.h"
#include "svg.h"
#include "trend.h"

int
trend_by(const char *name)
{
	static const char *const names[] = { "quarter", "tertial", "year" };
	for (int i = 0; i < 3; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

size_t
trend_periods(day_t from, day_t to, int by, struct period *out, size_t max)
{
	static const int months[] = { 3, 4, 12 };
	size_t n = 0;
	for (day_t start = from; start <= to; n++) {
		int y, m, d, len = months[by];
		if (n == max)
			return 0;
		date_to_ymd(start, &y, &m, &d);
		int part = (m - 1) / len, last = (part + 1) * len;
		day_t end = date_from_ymd(y, last, days_in_month(y, last));
		out[n].from = start;
		out[n].to = end < to ? end : to;
		if (by == BY_YEAR)
			snprintf(out[n].key, sizeof out[n].key, "%d", y);
		else
			snprintf(out[n].key, sizeof out[n].key, "%d-%c%d", y, by == BY_QUARTER ? 'Q' : 'T', part + 1);
		start = end + 1;
	}
	return n;
}

/* One value of a period: none when a median has no cases. */
struct cell {
	long n;
	int hidden, none;
};

static struct cell
get(const struct stats *s, int t, const char *key)
{
	const struct table *tb = &s->t[t];
	if (!key)
		return (struct cell){ tb->total, tb->total_hidden, 0 };
	for (size_t i = 0; i < tb->nrows; i++)
		if (nb_same_name(tb->rows[i].key, key)) {
			const struct row *r = &tb->rows[i];
			int figure = tb->kind == K_MEDIAN || tb->kind == K_QUARTILES;
			return (struct cell){ r->n, r->hidden, figure && !r->base };
		}
	return (struct cell){ 0, 0, tb->kind == K_MEDIAN || tb->kind == K_QUARTILES };
}

static struct cell
change(struct cell a, struct cell b)
{
	return (struct cell){ b.n - a.n, a.hidden || b.hidden ? 2 : 0, a.none || b.none };
}

static int
cmp_str(const void *a, const void *b)
{
	return nb_collate(*(char *const *)a, *(char *const *)b);
}

/* The rows of table t in any period: the fixed ones, then the others
 * sorted; NULL last for the total, when the table has one. */
static const char **
keys(const struct stats *s, size_t n, int t, size_t *count)
{
	size_t cap = 1, m = 0;
	for (size_t p = 0; p < n; p++)
		cap += s[p].t[t].nrows;
	const char **k = xmalloc((cap + 1) * sizeof *k);
	const struct table *first = &s[0].t[t];
	for (size_t i = 0; i < first->nfixed; i++)
		k[m++] = first->rows[i].key;
	size_t fixed = m;
	for (size_t p = 0; p < n; p++)
		for (size_t i = s[p].t[t].nfixed; i < s[p].t[t].nrows; i++) {
			const char *key = s[p].t[t].rows[i].key;
			size_t j = fixed;
			while (j < m && !nb_same_name(k[j], key))
				j++;
			if (j == m)
				k[m++] = key;
		}
	qsort(k + fixed, m - fixed, sizeof *k, cmp_str);
	if (first->kind == K_COUNTS || first->kind == K_SINGLE)
		k[m++] = NULL;
	*count = m;
	return k;
}

/* A value as text: style 0 CSV (":", empty for none), 1 Markdown and
 * HTML ("<k", ":", "–"); a change with its sign. */
static void
text(struct buf *b, struct cell c, int style, int k, int signed_)
{
	if (c.none)
		buf_puts(b, style ? "–" : "");
	else if (c.hidden == 1 && style)
		buf_printf(b, style == 2 ? "&lt;%d" : "<%d", k);
	else if (c.hidden)
		buf_puts(b, ":");
	else
		buf_printf(b, signed_ && c.n > 0 ? "+%ld" : "%ld", c.n);
}

void
trend_delimited(struct buf *b, const struct stats *s, const struct period *p, size_t n, char sep)
{
	buf_printf(b, "table%crow", sep);
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "%c%s", sep, p[i].key);
		if (i)
			buf_printf(b, "%cchange-%s", sep, p[i].key);
	}
	buf_puts(b, "\n");
	for (int t = 0; t < T_N; t++) {
		if (!stats_shown(&s[0], t))
			continue;
		size_t nk;
		const char **k = keys(s, n, t, &nk);
		for (size_t j = 0; j < nk; j++) {
			struct buf line = { 0 };
			buf_printf(&line, "%s%c", s[0].t[t].id, sep);
			/* a service name as stats_delimited writes it */
			stats_field(&line, k[j] ? k[j] : "total", sep);
			for (size_t i = 0; i < n; i++) {
				struct cell c = get(&s[i], t, k[j]);
				buf_add(&line, &sep, 1);
				text(&line, c, 0, 0, 0);
				if (i) {
					buf_add(&line, &sep, 1);
					text(&line, change(get(&s[i - 1], t, k[j]), c), 0, 0, 1);
				}
			}
			buf_puts(&line, "\n");
			buf_add(b, line.p, line.len);
			buf_free(&line);
		}
		free(k);
	}
}

static void
json_cell(struct buf *b, struct cell c)
{
	if (c.none)
		buf_puts(b, "null");
	else if (c.hidden)
		buf_puts(b, "\":\"");
	else
		buf_printf(b, "%ld", c.n);
}

void
trend_json(struct buf *b, const struct stats *s, const struct period *p, size_t n, int k)
{
	char f[11], t[11];
	buf_printf(b, "{\"suppress_below\": %d, \"periods\": [", k);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s{\"period\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}", i ? ", " : "", p[i].key,
		    date_format(p[i].from, f), date_format(p[i].to, t));
	buf_puts(b, "], \"tables\": [");
	for (int tb = 0, none = 1; tb < T_N; tb++) {
		if (!stats_shown(&s[0], tb))
			continue;
		size_t nk;
		const char **key = keys(s, n, tb, &nk);
		buf_printf(b, "%s\n  {\"table\": \"%s\", \"rows\": [", none ? "" : ",", s[0].t[tb].id);
		none = 0;
		for (size_t j = 0; j < nk; j++) {
			buf_puts(b, j ? ", {\"row\": " : "{\"row\": ");
			stats_json_str(b, key[j] ? key[j] : "total");
			buf_puts(b, ", \"values\": [");
			for (size_t i = 0; i < n; i++) {
				buf_puts(b, i ? ", " : "");
				json_cell(b, get(&s[i], tb, key[j]));
			}
			buf_puts(b, "], \"changes\": [null");
			for (size_t i = 1; i < n; i++) {
				buf_puts(b, ", ");
				json_cell(b, change(get(&s[i - 1], tb, key[j]), get(&s[i], tb, key[j])));
			}
			buf_puts(b, "]}");
		}
		buf_puts(b, "]}");
		free(key);
	}
	buf_puts(b, "\n]}\n");
}

static void
row_words(struct buf *b, const char *table, const char *key, int lang)
{
	if (key)
		row_text(b, table, key, lang);
	else
		buf_puts(b, label(lang, "total"));
}

/* One row's cells in Markdown or HTML (style as text's): each period's
 * value, and after the first the change from the one before, each between
 * open and close. */
static void
period_cells(struct buf *b, const struct stats *s, size_t n, int tb, const char *key, int k,
    int style, const char *open, const char *close)
{
	for (size_t i = 0; i < n; i++) {
		struct cell c = get(&s[i], tb, key);
		buf_puts(b, open);
		text(b, c, style, k, 0);
		buf_puts(b, close);
		if (i) {
			buf_puts(b, open);
			text(b, change(get(&s[i - 1], tb, key), c), style, k, 1);
			buf_puts(b, close);
		}
	}
}

void
trend_markdown(struct buf *b, const struct stats *s, const struct period *p, size_t n, int lang,
    int k, const char *who)
{
	char f[11], t[11];
	buf_printf(b, "# %s", label(lang, "statistics"));
	if (who) {
		buf_puts(b, " – ");
		md_text(b, who);
	}
	buf_printf(b, "\n\n%s: %s – %s\n\n", label(lang, "period"), date_format(p[0].from, f),
	    date_format(p[n - 1].to, t));
	buf_printf(b, label(lang, "legend"), k, k);
	buf_printf(b, " %s\n", label(lang, "change-legend"));
	for (int tb = 0; tb < T_N; tb++) {
		if (!stats_shown(&s[0], tb))
			continue;
		size_t nk;
		const char **key = keys(s, n, tb, &nk);
		buf_printf(b, "\n## %s\n\n|  |", label(lang, s[0].t[tb].id));
		for (size_t i = 0; i < n; i++)
			buf_printf(b, i ? " %s | ± |" : " %s |", p[i].key);
		buf_puts(b, "\n|---|");
		for (size_t i = 0; i < 2 * n - 1; i++)
			buf_puts(b, "---:|");
		buf_puts(b, "\n");
		for (size_t j = 0; j < nk; j++) {
			struct buf words = { 0 };
			row_words(&words, s[0].t[tb].id, key[j], lang);
			buf_puts(b, "| ");
			md_text(b, words.p ? words.p : "");
			buf_free(&words);
			buf_puts(b, " |");
			period_cells(b, s, n, tb, key[j], k, 1, " ", " |");
			buf_puts(b, "\n");
		}
		free(key);
	}
}

void
trend_html(struct buf *b, const struct stats *s, const struct period *p, size_t n, int lang,
    int k, const char *who, day_t made)
{
	char f[11], t[11], m[11];
	stats_html_head(b, lang, who, date_format(p[0].from, f), date_format(p[n - 1].to, t),
	    date_format(made, m), k);
	buf_printf(b, "<p>%s</p>\n", label(lang, "change-legend"));
	/* The line of active cases, period by period. */
	if (!stats_shown(&s[0], T_ACTIVE_HIGHEST))
		goto tables;
	struct bar *pts = xmalloc(n * sizeof *pts);
	for (size_t i = 0; i < n; i++) {
		struct cell c = get(&s[i], T_ACTIVE_HIGHEST, NULL);
		pts[i] = (struct bar){ p[i].key, c.n, c.hidden };
	}
	buf_printf(b, "<section>\n<h2>%s</h2>\n<div class=\"fig\">\n", label(lang, "active_by_highest_level"));
	svg_line(b, label(lang, "active_by_highest_level"), pts, n, k);
	free(pts);
	buf_puts(b, "</div>\n</section>\n");
tables:
	for (int tb = 0; tb < T_N; tb++) {
		if (!stats_shown(&s[0], tb))
			continue;
		size_t nk;
		const char **key = keys(s, n, tb, &nk);
		buf_printf(b, "<section>\n<h2>%s</h2>\n<table>\n<thead><tr><th></th>", label(lang, s[0].t[tb].id));
		for (size_t i = 0; i < n; i++)
			buf_printf(b, i ? "<th>%s</th><th>±</th>" : "<th>%s</th>", p[i].key);
		buf_puts(b, "</tr></thead>\n<tbody>\n");
		for (size_t j = 0; j < nk; j++) {
			struct buf words = { 0 };
			row_words(&words, s[0].t[tb].id, key[j], lang);
			buf_puts(b, key[j] ? "<tr><th>" : "</tbody>\n<tfoot><tr><th>");
			html_text(b, words.p ? words.p : "");
			buf_free(&words);
			buf_puts(b, "</th>");
			period_cells(b, s, n, tb, key[j], k, 2, "<td>", "</td>");
			buf_puts(b, key[j] ? "</tr>\n" : "</tr></tfoot>\n");
		}
		if (nk == 0 || key[nk - 1])
			buf_puts(b, "</tbody>\n");
		buf_puts(b, "</table>\n</section>\n");
		free(key);
	}
	buf_puts(b, "</body>\n</html>\n");
}
