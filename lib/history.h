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
 * commit's model, a rewritten or removed past entry, a deleted case, and
 * unsigned commits where bti.yaml says sign: ssh. Each
 * diagnostic's file is "<commit>:<path>" and its message ends with the
 * author. Returns -1 on a repository error. */
int history_check(struct repo *r, struct diags *dg);
/* The same for the commits of OLD..NEW, as a push brings them: every commit
 * of NEW that OLD does not have, or with OLD empty or zeros (a new branch),
 * that no ref has. OLD must be an ancestor of NEW (history/force). Also
 * lists unsigned commits and signers not in allowed_signers where bti.yaml
 * says sign: ssh. Returns -1 on a repository error. */
int history_range(struct repo *r, const char *range, struct diags *dg);
/* Compares the index with HEAD for the named paths (all of cases/ when n is
 * 0): a deleted case file, one that is no longer a regular file, or a
 * rewritten entry (the pre-commit hook). */
int history_staged(struct repo *r, char **paths, int n, struct diags *dg);

#endif
