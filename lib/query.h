/* query.h: one line of facts per case, for listing and finding cases,
 * remembered by blob id so an unchanged case is never read again. */
#ifndef BTI_QUERY_H
#define BTI_QUERY_H

#include "case.h"
#include "repo.h"

#define QUERY_KEY_LEN 40        /* a hex SHA-1 */

/* What bti-list, bti-find and bti-new ask of a case. Strings are never
 * NULL ("" when absent); services are the service the concern arose in,
 * then every service that joined and has not left, each once. */
struct qrow {
	char id[CASE_ID_LEN + 1];
	int level, closed;
	day_t opened, last, born;       /* last: the latest date of any entry; born -1 when unknown */
	const char *coordinator, *coord_service, *name;
	char fnr[QUERY_KEY_LEN + 1];    /* query_fnr_key of child.fnr, "" without one */
	const char **services;
	size_t nservices;
	const day_t *deadlines;         /* open cases: the dates their deadlines fall due */
	size_t ndeadlines;
	/* For bti-due, as on every day from due_from to the day before due_to
	 * (DATE_NONE: without end): the obligations of due.h and retention.h
	 * whatever their date, and the coordinator on those days ("" without). */
	day_t due_from, due_to;
	const char *due_coordinator;
	const struct qdue *dues;
	size_t ndues;
};

struct qdue {
	const char *kind, *detail;
	day_t due;
};

/* Calls fn with every valid case of r->tree, in id order; fn returning
 * non-zero stops. Invalid cases are reported in dg with their position and
 * skipped. Returns 0, or -1 on a repository error. The cache is the file
 * bti-query-cache in the git directory, keyed by blob id, by the blob ids of
 * bti.yaml and the model, and by the schema, so it never answers for
 * another version of anything that decides a row. */
int query_cases(struct repo *r, int (*fn)(const struct qrow *, void *), void *arg,
    struct diags *dg);
/* The same, with every row's obligations and coordinator as on today: a
 * cached row that answers for other days is read again. */
int query_cases_on(struct repo *r, day_t today, int (*fn)(const struct qrow *, void *),
    void *arg, struct diags *dg);

/* How many of the case's deadlines fall on or before today. */
size_t query_due(const struct qrow *q, day_t today);

/* The key a national id number is kept under in the cache: its SHA-1, so
 * the cache can be searched without holding the number as text. */
void query_fnr_key(const char *fnr, char out[QUERY_KEY_LEN + 1]);

#endif
