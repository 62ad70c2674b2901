/* progress.h: a progress line on standard error while a long command runs. */
#ifndef BTI_PROGRESS_H
#define BTI_PROGRESS_H

#include <stddef.h>

struct progress {
	const char *what;       /* "cases", "commits", "lines" */
	size_t total;           /* 0 when not known */
	size_t n;
	double start, shown;
	double delay;           /* seconds before the line is first shown */
	int on;                 /* standard error is a terminal */
	const char *each;       /* "commit": the line shows the time per one */
};

/* Starts counting; shows nothing unless standard error is a terminal. */
void progress_start(struct progress *p, const char *what, size_t total);
/* Sets the count to n; redraws the line ("what: n/total, rate/s") at most
 * ten times a second, from half a second on (BTI_PROGRESS_DELAY seconds
 * when set). */
void progress_set(struct progress *p, size_t n);
/* Adds the mean time per item to the line ("1.25 ms/commit"). */
void progress_each(struct progress *p, const char *each);
/* Clears the line. */
void progress_end(struct progress *p);

#endif
