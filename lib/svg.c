/* svg.c: bar charts as inline SVG. */
#include <string.h>

#include "render.h"
#include "svg.h"
#include "text.h"

enum { LABEL_W = 200, BAR_W = 200, ROW_H = 22, WIDTH = LABEL_W + BAR_W + 50, MAX_CHARS = 28 };

/* A label cut to MAX_CHARS characters, "…" at the end when cut. */
static void
label_text(struct buf *b, const char *s)
{
	struct buf cut = { 0 };
	size_t chars = 0, len;
	const char *p = s;
	while (*p && chars < MAX_CHARS) {
		text_char(p, &len);
		p += len ? len : 1;
		chars++;
	}
	buf_add(&cut, s, (size_t)(p - s));
	if (*p)
		buf_puts(&cut, "…");
	html_text(b, cut.p ? cut.p : "");
	buf_free(&cut);
}

void
svg_bars(struct buf *b, const char *title, const struct bar *bars, size_t n, int k)
{
	long max = 1;
	for (size_t i = 0; i < n; i++)
		if (!bars[i].hidden && bars[i].n > max)
			max = bars[i].n;
	buf_printf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" "
	    "viewBox=\"0 0 %d %zu\" role=\"img\" aria-label=\"", WIDTH, n * ROW_H + 8, WIDTH, n * ROW_H + 8);
	html_text(b, title);
	buf_puts(b, "\"><title>");
	html_text(b, title);
	buf_puts(b, "</title>\n");
	for (size_t i = 0; i < n; i++) {
		const struct bar *r = &bars[i];
		size_t y = i * ROW_H + 4;
		buf_printf(b, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\" font-size=\"11\">", LABEL_W - 6, y + 15);
		label_text(b, r->label);
		buf_puts(b, "</text>");
		long w = r->hidden ? 0 : r->n * BAR_W / max;
		if (r->hidden) {
			buf_printf(b, "<rect x=\"%d\" y=\"%zu\" width=\"28\" height=\"16\" fill=\"#fff\" stroke=\"#000\" "
			    "stroke-dasharray=\"3 2\"></rect>", LABEL_W, y + 2);
			w = 28;
		} else if (w > 0) {
			buf_printf(b, "<rect x=\"%d\" y=\"%zu\" width=\"%ld\" height=\"16\" fill=\"#555\"></rect>", LABEL_W, y + 2, w);
		}
		buf_printf(b, "<text x=\"%ld\" y=\"%zu\" font-size=\"11\">", LABEL_W + w + 4, y + 15);
		if (r->hidden == 1)
			buf_printf(b, "&lt;%d", k);
		else if (r->hidden)
			buf_puts(b, ":");
		else
			buf_printf(b, "%ld", r->n);
		buf_puts(b, "</text>\n");
	}
	buf_puts(b, "</svg>\n");
}
