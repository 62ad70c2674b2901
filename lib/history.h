/* history.h: auditing the git history of case files. */
#ifndef BTI_HISTORY_H
#define BTI_HISTORY_H

#include "diag.h"
#include "node.h"
#include "repo.h"

/* Compares the old and new version of a case: every top-level list of the
 * old one must still be there unchanged, as a prefix of the new one (as a
 * subsequence, in order, for a merge); fixed keys (id, opened) must not
 * change. Adds history/rewrite diagnostics; returns their number. */
size_t history_append_only(const struct node *old, const struct node *new, int merge,
    const char *file, struct diags *dg);

/* Replays every commit reachable from HEAD, oldest first, and reports each
 * case file change the rules would have refused: invalid against that
 * commit's model, a rewritten or removed past entry, a deleted case. Each
 * diagnostic's file is "<commit>:<path>" and its message ends with the
 * author. Returns -1 on a repository error. */
int history_check(struct repo *r, struct diags *dg);

#endif
