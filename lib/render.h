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

#endif
