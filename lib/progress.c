/* progress.c: the progress line (progress.h). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds before the line is first shown: BTI_PROGRESS_DELAY, or half a
 * second (like git's GIT_PROGRESS_DELAY, so tests need not run long). */
static double
delay(void)
{
	const char *s = getenv("BTI_PROGRESS_DELAY");
	if (!s || !*s)
		return 0.5;
	char *end;
	double d = strtod(s, &end);
	return *end || !(d >= 0) ? 0.5 : d;
}

void
progress_start(struct progress *p, const char *what, size_t total)
{
	p->what = what;
	p->total = total;
	p->n = 0;
	p->each = NULL;
	p->on = isatty(2);
	p->start = p->on ? now() : 0;
	p->shown = 0;           /* not yet */
	p->delay = p->on ? delay() : 0;
}

void
progress_set(struct progress *p, size_t n)
{
	p->n = n;
	if (!p->on)
		return;
	double t = now();
	if (t <= p->start || t - p->start < p->delay || t - p->shown < 0.1)
		return;
	p->shown = t;
	double rate = (double)n / (t - p->start);
	if (p->total)
		fprintf(stderr, "\r%s: %zu/%zu, %.0f/s", p->what, n, p->total, rate);
	else
		fprintf(stderr, "\r%s: %zu, %.0f/s", p->what, n, rate);
	if (p->each && n)
		fprintf(stderr, ", %.2f ms/%s", 1e3 * (t - p->start) / (double)n, p->each);
	fputs("\033[K", stderr);
	fflush(stderr);
}

void
progress_each(struct progress *p, const char *each)
{
	p->each = each;
}

void
progress_end(struct progress *p)
{
	if (p->on && p->shown > 0)
		fputs("\r\033[K", stderr);
	p->on = 0;
}
