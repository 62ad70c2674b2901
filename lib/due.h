/* due.h: the obligations a model's deadlines put on a case, and when they
 * fall due: the level-0 decision, evaluations, meetings a year, reports the
 * same day, consents that expire. */
#ifndef BTI_DUE_H
#define BTI_DUE_H

#include "date.h"
#include "diag.h"
#include "model.h"
#include "node.h"

struct obligation {
	const char *kind;       /* decision, evaluation, meeting, report, consent;
	                         * erasure (retention.h) */
	day_t due;
	const char *detail;     /* the measure or consent id, or "" */
	const struct node *at;  /* the entry that sets it, for messages */
};

typedef void (*due_fn)(const struct obligation *ob, void *arg);

/* Calls fn for every obligation of a schema-valid case that is not met on
 * today and falls due on or before `before`. Closed cases owe only their
 * reports. */
void due_case(const struct model *m, const struct node *root, day_t today, day_t before,
    due_fn fn, void *arg);
/* A warning for each obligation overdue today (bti-check: a hand edit
 * cannot hide them). */
void due_warn(const struct model *m, const struct node *root, const char *file, day_t today,
    struct diags *dg);

#endif
