/* walk.c: cases/YYYY/ID.yaml blobs straight from the tree, no work tree. */
#include <stdio.h>
#include <string.h>

#include "walk.h"

static int
is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

int
walk_cases(git_repository *git, git_tree *tree, walk_fn fn, void *arg)
{
	git_tree_entry *ce;
	git_tree *cases = NULL;
	if (!tree)
		return 0;
	if (git_tree_entry_bypath(&ce, tree, "cases") < 0)
		return 0;
	int rc = git_tree_entry_type(ce) == GIT_OBJECT_TREE ?
	    git_tree_lookup(&cases, git, git_tree_entry_id(ce)) : 0;
	git_tree_entry_free(ce);
	for (size_t i = 0; rc == 0 && cases && i < git_tree_entrycount(cases); i++) {
		const git_tree_entry *ye = git_tree_entry_byindex(cases, i);
		git_tree *year;
		if (git_tree_entry_type(ye) != GIT_OBJECT_TREE)
			continue;
		if (git_tree_lookup(&year, git, git_tree_entry_id(ye)) < 0) {
			rc = -1;
			break;
		}
		for (size_t j = 0; rc == 0 && j < git_tree_entrycount(year); j++) {
			const git_tree_entry *fe = git_tree_entry_byindex(year, j);
			git_blob *blob;
			if (git_tree_entry_type(fe) != GIT_OBJECT_BLOB || !is_yaml(git_tree_entry_name(fe)))
				continue;
			if (git_blob_lookup(&blob, git, git_tree_entry_id(fe)) < 0) {
				rc = -1;
				break;
			}
			char path[256];
			snprintf(path, sizeof path, "cases/%s/%s", git_tree_entry_name(ye),
			    git_tree_entry_name(fe));
			rc = fn(path, git_tree_entry_id(fe), git_blob_rawcontent(blob),
			    (size_t)git_blob_rawsize(blob), arg);
			git_blob_free(blob);
		}
		git_tree_free(year);
	}
	git_tree_free(cases);
	return rc;
}
