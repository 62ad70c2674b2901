/* trend.h: the figures of consecutive periods side by side, with the
 * change from each period to the next. */
#ifndef BTI_TREND_H
#define BTI_TREND_H

#include "date.h"
#include "stats.h"
#include "util.h"

enum { BY_QUARTER, BY_TERTIAL, BY_YEAR };

struct period {
	day_t from, to;
	char key[16];           /* "2025", "2025-Q1", "2025-T1" */
};

#define TREND_MAX 60

/* by from its name ("quarter", "tertial", "year"), or -1. */
int trend_by(const char *name);
/* from..to cut at the calendar's quarters, tertials or years (the first
 * and last may be parts of one); the number of periods, or 0 when there
 * would be more than max. */
size_t trend_periods(day_t from, day_t to, int by, struct period *out, size_t max);

/* s[i] are the finished statistics of period p[i]. */
void trend_delimited(struct buf *b, const struct stats *s, const struct period *p, size_t n, char sep);
void trend_json(struct buf *b, const struct stats *s, const struct period *p, size_t n, int k);
void trend_markdown(struct buf *b, const struct stats *s, const struct period *p, size_t n, int lang,
    int k, const char *who);
void trend_html(struct buf *b, const struct stats *s, const struct period *p, size_t n, int lang,
    int k, const char *who, day_t made);

#endif
