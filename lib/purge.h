/* purge.h: erasing cases from every commit of the branch (docs/archive.md). */
#ifndef BTI_PURGE_H
#define BTI_PURGE_H

#include "repo.h"

/* The directory of the erasure records: purged/YYYY.yaml, one a year. */
#define PURGE_DIR "purged"

/* Rewrites the branch without the files at paths: every commit that never
 * had one of them keeps its id; from the first that had one on, each is
 * made again with the same author, committer, dates and message, and a
 * commit that only changed those files is left out. Then adds one commit
 * (author, msg) writing the changes, stores "OLD NEW" for every commit
 * whose id changed (NEW 0000... when left out) in the git directory as
 * bti-purge-NEWHEAD.map, and moves the branch with one compare-and-swap
 * (repo_advance). Nothing is visible before the swap; the work tree and
 * the index follow it for the files that differ, under bti's index lock,
 * and the journal lets the next bti command finish them after a crash.
 * Puts the new head into out (41 bytes). */
int purge_rewrite(struct repo *r, char *const *paths, size_t n, const struct change *ch,
    size_t nch, const char *msg, const git_signature *author, char *out, struct diags *dg);

/* Warns (purge/other-ref) about every ref but the branch that still
 * reaches a commit holding one of the files at paths: the erased data stays
 * in the repository until it is deleted. Returns -1 on a libgit2 error. */
int purge_other_refs(struct repo *r, char *const *paths, size_t n, struct diags *dg);

/* Removes the temporary commit map of a killed purge (the rest of it is
 * finished or forgotten by repo_lock, as any command's). Call with the
 * lock held. */
void purge_clean(struct repo *r);

/* Reports (purge/returned) every commit reachable from rev but from no ref
 * of the repository that holds the file of a case erased in the branch's
 * purged/ records: a push from a clone made before the erasure. */
int purge_check_push(struct repo *r, const char *rev, struct diags *dg);

#endif
