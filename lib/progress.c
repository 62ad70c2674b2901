/* progress.c: the progress line (progress.h). */
#include <stdio.h>
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

void
progress_start(struct progress *p, const char *what, size_t total)
{
	p->what = what;
	p->total = total;
	p->n = 0;
	p->each = NULL;
	p->on = isatty(2);
	p->start = p->shown = p->on ? now() : 0;
}

void
progress_set(struct progress *p, size_t n)
{
	p->n = n;
	if (!p->on)
		return;
	double t = now();
	if (t - p->start < 0.5 || t - p->shown < 0.1)
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
	if (p->on && p->shown > p->start)
		fputs("\r\033[K", stderr);
	p->on = 0;
}
