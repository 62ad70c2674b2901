/* treediff.h: the files two trees differ in, reading only the subtrees
 * whose ids differ. */
#ifndef BTI_TREEDIFF_H
#define BTI_TREEDIFF_H

#include <git2.h>

/* Called for each file added, deleted or changed, in the trees' order; a
 * nonzero return stops the walk and is returned. The delta's paths are the
 * same string; the side a file is missing from has a zero id and mode 0.
 * A file that became a directory (or back) is a deletion and an addition,
 * a blob that became a symbolic link GIT_DELTA_TYPECHANGE. */
typedef int (*treediff_fn)(const git_diff_delta *d, void *arg);

/* Compares old with new (either may be NULL: an empty tree). Returns 0, a
 * callback's nonzero value, or -1 when a tree cannot be read. */
int treediff(git_repository *git, git_tree *old, git_tree *new, treediff_fn fn, void *arg);

#endif
