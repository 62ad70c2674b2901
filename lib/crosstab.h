/* crosstab.h: two-dimensional tables with row and column totals, and
 * suppression that protects every hidden cell in two dimensions. */
#ifndef BTI_CROSSTAB_H
#define BTI_CROSSTAB_H

#include <stddef.h>

struct table;

struct crosstab {
	const char *id;
	const char *rows_are, *cols_are;   /* what the keys are: "level", "service", ... */
	/* The one-dimensional tables that publish this one's row and column
	 * totals (their rows have the same keys), or NULL. */
	struct table *rlink, *clink;
	/* Or the column keys given, in this order (the repositories). */
	char *const *cols;
	size_t ncols;
	/* Rows named as the rows of this table are (row_text), not by rows_are. */
	const char *row_table;
	struct xpair { char *r, *c; long n; } *pairs;    /* counted so far */
	size_t npairs;
	/* After crosstab_build: nr rows and nc columns, and a grid of
	 * (nr + 1) x (nc + 1) values whose last row and column are the totals
	 * (the corner the grand total), with a hidden flag each: 0 shown, 1
	 * below the threshold, 2 hidden to protect another. */
	char **rk, **ck;
	size_t nr, nc;
	long *v;
	int *hid;
};

#define XT_AT(x, i, j) ((i) * ((x)->nc + 1) + (j))

void crosstab_count(struct crosstab *x, const char *r, const char *c);
/* The grid: rows and columns in the order of the linked tables' rows, or
 * sorted when not linked; every row of a linked table is there. */
void crosstab_build(struct crosstab *x);
/* Primary suppression: 0 < value < k. */
void crosstab_primary(struct crosstab *x, int k);
/* Complementary suppression; returns how many values it hid. */
int crosstab_protect(struct crosstab *x);
void crosstab_free(struct crosstab *x);

#endif
