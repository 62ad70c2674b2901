/* svg.h: charts as inline SVG, written as text: no script, no library. */
#ifndef BTI_SVG_H
#define BTI_SVG_H

#include <stddef.h>

#include "util.h"

struct bar {
	const char *label;      /* plain text */
	long n;
	int hidden;             /* 0 shown, 1 below the threshold, 2 hidden to protect another */
};

/* A horizontal bar chart, one bar a value, its label on the left and its
 * number after it, in black and greys so that it reads in greyscale and
 * in print. A hidden value is drawn as hidden: a dashed outline with no
 * length of its own and "<k" or ":" after it, never as a bar of 0. */
void svg_bars(struct buf *b, const char *title, const struct bar *bars, size_t n, int k);

/* A line chart of values in order (periods): a point and its number for
 * each, the label under it; the line is broken at a hidden value, which is
 * drawn as a dashed box on the axis with "<k" or ":" above it. */
void svg_line(struct buf *b, const char *title, const struct bar *points, size_t n, int k);

#endif
