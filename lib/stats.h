/* stats.h: the yearly figures, computed from the dates inside case files,
 * with small counts suppressed so that no figure identifies a child. */
#ifndef BTI_STATS_H
#define BTI_STATS_H

#include "date.h"
#include "facts.h"

enum {
	T_OPENED, T_OPENED_SERVICE, T_OPENED_AGE, T_ACTIVE_HIGHEST, T_OPEN_AT_END,
	T_MOVES, T_CLOSED_LEVEL, T_CLOSED_CAUSE, T_EVALUATIONS, T_CONSENTS,
	T_HANDOVERS, T_REPORTS, T_MEDIANS, T_N
};

struct row {
	char *key;              /* stable, language-free: "2", "0>1", "on-time", a service */
	long n;                 /* a count, or a median in days (T_MEDIANS) */
	long base;              /* T_MEDIANS: how many cases the median is over */
	int hidden;             /* 0 shown, 1 below the threshold, 2 hidden to protect another */
};

struct table {
	const char *id;
	struct row *rows;
	size_t nrows;
	size_t nfixed;          /* the first rows, always shown in their own order */
	long total;
	int total_hidden;
	int has_rows;           /* a breakdown (rows sum to total), not a single figure */
};

struct stats {
	day_t from, to;
	day_t today;            /* a measure is "not evaluated" once its day has passed */
	struct table t[T_N];
	long *medians[2];       /* days, one per case: to first measure, to first decision */
	size_t nmed[2], capmed[2];
	long cases;             /* cases read */
};

void stats_init(struct stats *s, day_t from, day_t to);
/* Counts one case, from its facts. */
void stats_add(struct stats *s, const struct facts *f);
/* Computes medians and suppresses counts below k, then secondary cells. */
void stats_finish(struct stats *s, int k);
void stats_free(struct stats *s);

#endif
