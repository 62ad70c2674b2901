/* walk.h: visiting every case file committed at HEAD. */
#ifndef BTI_WALK_H
#define BTI_WALK_H

#include <git2.h>

/* Called with the case path, the blob id and its bytes; non-zero stops. */
typedef int (*walk_fn)(const char *path, const git_oid *id, const char *data, size_t len,
    void *arg);

/* Calls fn for every cases/YYYY/ID.yaml in tree, in path order.
 * Returns 0, fn's non-zero value, or -1 on a libgit2 error. */
int walk_cases(git_repository *git, git_tree *tree, walk_fn fn, void *arg);

#endif
