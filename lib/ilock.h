/* ilock.h: git's index lock (INDEX.lock), taken so that bti can always
 * tell its own lock from another process's.
 *
 * git takes the lock by creating INDEX.lock exclusively and releases it by
 * renaming it over INDEX; a lock left by a killed process looks like any
 * other. bti first creates INDEX.bti-lock.PID and hard-links it to
 * INDEX.lock (link fails if the lock exists, as the exclusive create
 * does): while bti holds the lock the two names are one file, so a lock
 * left by a killed bti command is recognised by that and removed, and a
 * lock that is not the same file is never touched. The new index is
 * written to INDEX.bti-new.PID and renamed over INDEX. */
#ifndef BTI_ILOCK_H
#define BTI_ILOCK_H

#include <git2.h>

#include "diag.h"

struct ilock {
	char *path;             /* the index */
	char *mine;             /* INDEX.bti-lock.PID: INDEX.lock while we hold it */
	char *copy;             /* INDEX.bti-new.PID: the index as it is being changed */
	git_index *idx;         /* the index, read under the lock; NULL unless held */
};

/* Removes what a killed bti command left of its index lock: INDEX.lock
 * only when it is the same file as an INDEX.bti-lock.* (the caller holds
 * bti's own lock, so the command that made it is dead). */
void ilock_reclaim(const char *path);
/* Takes the lock of the index at path and reads the index. */
int ilock_take(struct ilock *l, const char *path, struct diags *dg);
/* Writes the changed index and puts it in place (the lock stays held). */
int ilock_commit(struct ilock *l);
/* Releases the lock (a no-op when not held). */
void ilock_release(struct ilock *l);

#endif
