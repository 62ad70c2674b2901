/* walk.h: visiting every case file committed in a tree. */
#ifndef BTI_WALK_H
#define BTI_WALK_H

#include <git2.h>

/* Called with the case path and its blob id; non-zero stops the walk. */
typedef int (*walk_id_fn)(const char *path, const git_oid *id, void *arg);
/* Called with the case path, the blob id and its bytes; non-zero stops. */
typedef int (*walk_fn)(const char *path, const git_oid *id, const char *data, size_t len,
    void *arg);

/* Whether a file name ends in .yaml (and is more than that). */
int walk_is_yaml(const char *name);
/* Calls fn for every NAME.yaml under cases/ in tree, at any depth (bti-check
 * names those not where case_path puts them), in path order, reading only
 * trees. Returns 0, fn's non-zero value, or -1 on a libgit2 error. */
int walk_case_ids(git_repository *git, git_tree *tree, walk_id_fn fn, void *arg);
/* The same, with each blob's content. */
int walk_cases(git_repository *git, git_tree *tree, walk_fn fn, void *arg);

#endif
