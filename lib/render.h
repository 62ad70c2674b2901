/* render.h: Markdown, HTML (through cmark), CSV/TSV and JSON output. */
#ifndef BTI_RENDER_H
#define BTI_RENDER_H

#include "date.h"
#include "model.h"
#include "node.h"
#include "stats.h"
#include "util.h"

/* User text as literal Markdown: no markup, link or HTML can come of it. */
void md_text(struct buf *b, const char *s);
/* Text as HTML (and SVG) character data or attribute value. */
void html_text(struct buf *b, const char *s);
/* The words for a row key of a table, and for a key of a cross-table by
 * what its keys are ("level", "age", ...), as plain text. */
void row_text(struct buf *b, const char *table, const char *key, int lang);
void xkey_text(struct buf *b, const char *dim, const char *key, int lang);
/* A row (col 0) or column key of a cross-table, and its title, in words. */
void crosstab_key_text(struct buf *b, const struct crosstab *x, int col, const char *key, int lang);
void crosstab_title(struct buf *b, const struct crosstab *x, int lang);
/* A complete HTML page: the Markdown rendered by cmark in safe mode (raw
 * HTML and javascript: links are dropped), titled with escaped text. */
char *html_page(const char *title, const char *markdown, int lang);

/* The page a coordinator brings to a meeting. */
void summary_markdown(struct buf *b, const struct model *m, const struct node *root,
    int lang, day_t today);
/* The plan as the guardians may see it (bti-report --for-guardians): no
 * reports to child welfare. Only for a case summary_secret refuses. */
void summary_guardians(struct buf *b, const struct model *m, const struct node *root,
    int lang, day_t today);
/* 1 when the guardians must not see the case: a report they are not told
 * of, or violence or sexual abuse in it (rules_secret). */
int summary_secret(const struct node *root);

void stats_markdown(struct buf *b, const struct stats *s, int lang, int k, const char *who);
/* One line per figure: table, row, value (":" when hidden), header first. */
void stats_delimited(struct buf *b, const struct stats *s, char sep);
void stats_json(struct buf *b, const struct stats *s, int k);
/* A CSV or TSV field, and a JSON string, as the statistics write them. */
void stats_field(struct buf *b, const char *s, char sep);
void stats_json_str(struct buf *b, const char *s);
/* The HTML page up to the legend: head, style, heading, period, date made. */
void stats_html_head(struct buf *b, int lang, const char *who, const char *from, const char *to,
    const char *made, int k);
/* The statistics as a complete HTML page for the screen and for A4 paper:
 * tables, cross-tables, bar charts (svg.h); who the municipality or NULL;
 * made the day it is made. */
void stats_html(struct buf *b, const struct stats *s, int lang, int k, const char *who, day_t made);

#endif
