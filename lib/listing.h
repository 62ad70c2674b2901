/* listing.h: which cases bti-list shows, and how. */
#ifndef BTI_LISTING_H
#define BTI_LISTING_H

#include "query.h"
#include "util.h"

/* Every condition set must hold; -1 (or NULL, or 0) leaves one out. */
struct filter {
	int level;
	char state;                     /* 'o' open, 'c' closed, 0 either */
	const char *coordinator, *service;
	day_t opened_from, opened_to, inactive_since, born;
	int due;                        /* deadlines due today or earlier */
	long age_from, age_to;          /* whole years today */
	day_t today;
};

int filter_match(const struct filter *f, const struct qrow *q);

/* The field names, in order: the --header line and the JSON keys. */
#define LIST_FIELDS "id", "level", "state", "opened", "last_activity", "coordinator", \
	"coordinator_service", "services", "deadlines_due"
/* One case as a tab-separated line (fields escaped as tsv_escape does;
 * services joined by ';', a ';' or '\' in a name preceded by '\'). */
void list_tsv(struct buf *b, const struct qrow *q, day_t today);
void list_tsv_header(struct buf *b);
/* One case as a JSON object, on one line. */
void list_json(struct buf *b, const struct qrow *q, day_t today);

#endif
