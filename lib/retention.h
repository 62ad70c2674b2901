/* retention.h: which cases have been kept as long as bti.yaml allows. */
#ifndef BTI_RETENTION_H
#define BTI_RETENTION_H

#include "case.h"
#include "due.h"
#include "repo.h"

/* Where a case stands in its life: its dates and when it may be erased. */
struct lifespan {
	char id[CASE_ID_LEN + 1];
	day_t opened, closed, archived; /* closed, archived: DATE_NONE when not */
	day_t last;                     /* the latest date of any entry */
	day_t until;                    /* the last day it is kept; DATE_NONE when
	                                 * it is open, not archived or no
	                                 * retention_days is set */
};

/* The lifespan of one case (a case that passed validation). */
void retention_of(const struct config *cfg, const struct node *root, struct lifespan *ls);
/* Every valid case in r->tree that is closed, archived, and kept past its
 * retention on today, in path order, into a malloc'd array. Returns their
 * number, or -1 on a repository error. */
long retention_expired(struct repo *r, day_t today, struct lifespan **out, struct diags *dg);
/* Calls fn with an "erasure" obligation when the case is closed, archived
 * and past its retention on the day after `until`, if that falls on or
 * before `before` (bti-due lists it beside the model's obligations). */
void retention_due(const struct config *cfg, const struct node *root, day_t before, due_fn fn,
    void *arg);
/* Adds a warning (retention/expired) for each such case; returns -1 on a
 * repository error. Nothing when bti.yaml sets no retention_days. */
int retention_warn(struct repo *r, day_t today, struct diags *dg);

#endif
