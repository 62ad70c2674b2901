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
/* A complete HTML page: the Markdown rendered by cmark in safe mode (raw
 * HTML and javascript: links are dropped), titled with escaped text. */
char *html_page(const char *title, const char *markdown, int lang);

/* The page a coordinator brings to a meeting. */
void summary_markdown(struct buf *b, const struct model *m, const struct node *root,
    int lang, day_t today);

void stats_markdown(struct buf *b, const struct stats *s, int lang, int k, const char *who);
/* One line per figure: table, row, value (":" when hidden), header first. */
void stats_delimited(struct buf *b, const struct stats *s, char sep);
void stats_json(struct buf *b, const struct stats *s, int k);

#endif
