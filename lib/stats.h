/* stats.h: the yearly figures, computed from the dates inside case files,
 * with small counts suppressed so that no figure identifies a child. */
#ifndef BTI_STATS_H
#define BTI_STATS_H

#include "crosstab.h"
#include "date.h"
#include "facts.h"
#include "model.h"

enum {
	T_OPENED, T_OPENED_SERVICE, T_OPENED_AGE, T_ACTIVE_HIGHEST, T_OPEN_AT_END,
	T_MOVES, T_CLOSED_LEVEL, T_CLOSED_CAUSE, T_EVALUATIONS, T_CONSENTS,
	T_HANDOVERS, T_REPORTS, T_MEDIANS,
	T_REPORTS_TO, T_REPORTS_TOLD, T_KINDS, T_WORRY, T_WORRY_Q, T_ACTIVE_AGE,
	T_CHILDREN, T_REOPENED, T_DURATION, T_LEVEL_DAYS, T_JOINED, T_COORDINATING,
	T_MEETINGS, T_OUTCOMES, T_DECISIONS, T_MEETINGS_DUE, T_CONSENT_IN_FORCE,
	T_CHILD_HEARD, T_OPENED_KIND, T_JOINED_KIND, T_COORD_KIND, T_N
};

/* The cross-tables: cases opened by service and age band, active cases by
 * highest level and service, closings by level and cause. */
enum { X_OPENED, X_ACTIVE, X_CLOSED, X_OPENED_KIND, X_ACTIVE_KIND, X_N };

/* What a table holds: counts that sum to its total, one count, a median per
 * row (over the row's own values), or the quartiles of one set of values. */
enum { K_COUNTS, K_SINGLE, K_MEDIAN, K_QUARTILES };

struct vals {
	long *v;
	size_t n, cap;
};

struct row {
	char *key;              /* stable, language-free: "2", "0>1", "on-time", a service */
	long n;                 /* a count, or a number of days or a score (K_MEDIAN, K_QUARTILES) */
	long base;              /* K_MEDIAN, K_QUARTILES: how many values the figure is over */
	int hidden;             /* 0 shown, 1 below the threshold, 2 hidden to protect another */
	struct vals vals;       /* K_MEDIAN: the row's values */
};

struct table {
	const char *id;
	int kind;
	struct row *rows;
	size_t nrows;
	size_t nfixed;          /* the first rows, always shown in their own order */
	long total;
	int total_hidden;
	struct vals vals;       /* K_QUARTILES: the values */
};

/* A set of age bands: band i holds the ages up to hi[i] (from the one
 * before's hi + 1); older ages are one more band, "24+" or so. */
#define BANDS_MAX 8
struct bands {
	const char *name;
	int n;
	int hi[BANDS_MAX];
};
/* The band set of that name ("default", "ssb"), or NULL. */
const struct bands *stats_bands(const char *name);

struct stats {
	day_t from, to;
	day_t today;            /* a measure is "not evaluated" once its day has passed */
	const struct bands *bands;
	struct table t[T_N];
	struct crosstab x[X_N];
	int hide[T_N + X_N];    /* tables, then cross-tables, left out (--tables) */
	/* With several repositories: every table of counts by repository
	 * (rows the table's, a column per repository), for the tables of kind
	 * K_COUNTS and K_SINGLE but active_children. */
	char **repos;
	size_t nrepos, repo;    /* repo: the one being counted */
	struct crosstab byrepo[T_N];
	/* "" or, when repositories of different level models are counted
	 * together, the model's name and ":", before every level in a key. */
	char model[128];
	int decision_days;      /* the model's deadline for the first decision, 0 none */
	int meetings_per_year;  /* the model's meetings a year at meeting_levels, 0 none */
	unsigned meeting_levels;        /* bit set: the levels of cooperation */
	const struct node *services;    /* the register of the next cases, or NULL */
	int kinds;              /* a register was seen: the tables by service kind are shown */
	struct vals children;   /* identity hashes of the children of active cases */
	long cases;             /* cases read */
};

/* bands NULL: the default set. */
void stats_init(struct stats *s, day_t from, day_t to, const struct bands *bands);
/* Several repositories, by name: their figures apart too; stats_repo says
 * which one the next cases are from. */
void stats_repos(struct stats *s, char *const *names, size_t n);
void stats_repo(struct stats *s, size_t i);
/* The level model of the next cases, when the repositories' models
 * differ: their levels are then kept apart, as "MODEL:LEVEL". */
void stats_model(struct stats *s, const char *name);
/* The level model's deadlines that the compliance tables count against,
 * for the next cases: the first decision about the level (decision_days
 * after the opening) and the meetings a year at its levels of cooperation. */
void stats_use_model(struct stats *s, const struct model *m);
/* The services register (bti.yaml's services:, NULL none) of the next
 * cases: a service's kind is its kind there, "unknown" when it is not in
 * it; the tables by kind are printed once any repository has a register. */
void stats_use_services(struct stats *s, const struct node *list);
/* The index of a table (0..T_N-1) or cross-table (T_N..) by its id, or -1;
 * and whether table i, or cross-table i, is printed. */
int stats_table(const char *id);
int stats_shown(const struct stats *s, int i);
int stats_xshown(const struct stats *s, int i);
/* Whether table t has a breakdown by repository (and is printed). */
int stats_byrepo(const struct stats *s, int t);
/* Counts one case, from its facts. */
void stats_add(struct stats *s, const struct facts *f);
/* Computes medians and suppresses counts below k, then secondary cells. */
void stats_finish(struct stats *s, int k);
void stats_free(struct stats *s);

#endif
