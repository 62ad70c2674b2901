/* rules.h: the rule engine: it interprets a model's vocabulary over a whole
 * case (consent, coordinator, services, measures, evaluations, meetings,
 * reports, target group). The case code calls it; it calls nothing of the
 * case code. The level sequence itself is checked in case.c. */
#ifndef BTI_RULES_H
#define BTI_RULES_H

#include "date.h"
#include "diag.h"
#include "model.h"
#include "node.h"

/* The date under key, or -1 when absent or not a date. */
day_t map_date(const struct node *map, const char *key);

/* Checks every entry of a schema-valid case whose child was born on born
 * (-1: unknown, e.g. unborn); returns the number of errors. */
size_t rules_check(const struct model *m, const struct node *root, const char *file,
    day_t born, struct diags *dg);

/* The level on a date (-1 before the case opened); *closed says whether the
 * case was closed then. Entries dated the same day count in list order. */
int rules_level_on(const struct node *root, day_t d, int *closed);
/* 1 when service takes part in the case on a date (joined, not left). */
int rules_involved(const struct node *root, const char *service, day_t d);
/* The consent that covers service on a date, or NULL: given, in scope,
 * not expired, not withdrawn by then. */
const struct node *rules_covering(const struct node *root, const char *service, day_t d);
/* The current coordinator on a date (the last entry), or NULL. */
const struct node *rules_coordinator_on(const struct node *root, day_t d);
/* 1 when the case must not be told to the guardians (violence or sexual
 * abuse in the concern or in a report). */
int rules_secret(const struct node *root);
/* When measure m is next to be evaluated: the `next` of its latest
 * evaluation, else its evaluate_by. -1 when it has ended (reached, stop). */
day_t rules_measure_due(const struct node *root, const struct node *m);
/* 1 when the sequence of strings holds s. */
int seq_has(const struct node *seq, const char *s);

#endif
