/* merge.h: three-way merge of a case file, entry by entry. */
#ifndef BTI_MERGE_H
#define BTI_MERGE_H

#include "diag.h"
#include "node.h"

/* Merges theirs into ours (changing ours, in od's arena) against base
 * (NULL when both sides added the file). New entries of each append-only
 * list are merged in date order; ids that both sides gave out (c2, m3) are
 * renumbered on their side, with the references to them. Returns 0, or -1
 * with merge/conflict diagnostics when both sides moved the level, changed
 * the same fixed value, or rewrote a past entry. */
int merge_case(struct doc *od, const struct node *base, const struct node *theirs,
    const char *file, struct diags *dg);

#endif
