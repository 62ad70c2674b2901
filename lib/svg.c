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

enum { LINE_W = 560, LINE_H = 220, PAD = 36, STEP_MIN = 40 };

void
svg_line(struct buf *b, const char *title, const struct bar *p, size_t n, int k)
{
	long max = 1;
	for (size_t i = 0; i < n; i++)
		if (!p[i].hidden && p[i].n > max)
			max = p[i].n;
	long step = n > 1 ? (LINE_W - 2 * PAD) / (long)(n - 1) : 0, width = LINE_W;
	if (n > 1 && step < STEP_MIN) {
		step = STEP_MIN;
		width = 2 * PAD + step * (long)(n - 1);
	}
	long base = LINE_H - PAD, top = PAD / 2, h = base - top;
	buf_printf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%ld\" height=\"%d\" "
	    "viewBox=\"0 0 %ld %d\" role=\"img\" aria-label=\"", width, LINE_H, width, LINE_H);
	html_text(b, title);
	buf_puts(b, "\"><title>");
	html_text(b, title);
	buf_printf(b, "</title>\n<line x1=\"%d\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#000\"></line>\n",
	    PAD / 2, base, width - PAD / 2, base);
	/* The line, in pieces between hidden values. */
	for (size_t i = 0; i + 1 < n; i++)
		if (!p[i].hidden && !p[i + 1].hidden)
			buf_printf(b, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#333\" stroke-width=\"2\"></line>\n",
			    PAD + step * (long)i, base - p[i].n * h / max, PAD + step * (long)(i + 1),
			    base - p[i + 1].n * h / max);
	for (size_t i = 0; i < n; i++) {
		long x = PAD + step * (long)i, y = base - (p[i].hidden ? 0 : p[i].n * h / max);
		if (p[i].hidden)
			buf_printf(b, "<rect x=\"%ld\" y=\"%ld\" width=\"16\" height=\"16\" fill=\"#fff\" stroke=\"#000\" "
			    "stroke-dasharray=\"3 2\"></rect>", x - 8, base - 16);
		else
			buf_printf(b, "<circle cx=\"%ld\" cy=\"%ld\" r=\"4\" fill=\"#000\"></circle>", x, y);
		buf_printf(b, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"middle\" font-size=\"11\">", x,
		    (p[i].hidden ? base - 16 : y) - 7);
		if (p[i].hidden == 1)
			buf_printf(b, "&lt;%d", k);
		else if (p[i].hidden)
			buf_puts(b, ":");
		else
			buf_printf(b, "%ld", p[i].n);
		buf_printf(b, "</text><text x=\"%ld\" y=\"%ld\" text-anchor=\"middle\" font-size=\"11\">", x, base + 16);
		label_text(b, p[i].label);
		buf_puts(b, "</text>\n");
	}
	buf_puts(b, "</svg>\n");
}
