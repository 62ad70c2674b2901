/* branch.h: moving the branch to a new commit by compare-and-swap, under
 * git's lock on the branch (refs/heads/NAME.lock) taken so that bti can
 * tell its own lock from another process's, as lib/ilock.h does for the
 * index: the lock is a hard link to GITDIR/bti-ref-lock.PID, written with
 * the new commit id before it is linked; a killed command's lock is the
 * same file as its bti-ref-lock.PID, another process's never is.
 * The reflogs (the branch's and HEAD's) get a line as git writes it. */
#ifndef BTI_BRANCH_H
#define BTI_BRANCH_H

#include "repo.h"

/* Removes what a killed bti command left of its lock on r's branch (the
 * caller holds bti's own lock, so the command that made it is dead). */
void branch_reclaim(struct repo *r);
/* Moves r's branch from old (NULL while unborn) to new. Returns 0, or -1
 * with a diagnostic: "the branch moved" only when it did, repo/locked when
 * another process holds the lock, else what failed (a full disk). */
int branch_move(struct repo *r, const git_oid *old, const git_oid *new, const char *msg,
    struct diags *dg);

#endif
