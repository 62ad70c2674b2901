/* walk.c: cases/YYYY/ID.yaml entries straight from the tree, no work tree. */
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
walk_case_ids(git_repository *git, git_tree *tree, walk_id_fn fn, void *arg)
{
	git_tree_entry *ce;
	git_tree *cases = NULL;
	if (!tree || git_tree_entry_bypath(&ce, tree, "cases") < 0)
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
			if (git_tree_entry_type(fe) != GIT_OBJECT_BLOB || !is_yaml(git_tree_entry_name(fe)))
				continue;
			char path[256];
			snprintf(path, sizeof path, "cases/%s/%s", git_tree_entry_name(ye),
			    git_tree_entry_name(fe));
			rc = fn(path, git_tree_entry_id(fe), arg);
		}
		git_tree_free(year);
	}
	git_tree_free(cases);
	return rc;
}

struct with_blob {
	git_repository *git;
	walk_fn fn;
	void *arg;
};

static int
read_blob(const char *path, const git_oid *id, void *arg)
{
	struct with_blob *w = arg;
	git_blob *blob;
	if (git_blob_lookup(&blob, w->git, id) < 0)
		return -1;
	int rc = w->fn(path, id, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), w->arg);
	git_blob_free(blob);
	return rc;
}

int
walk_cases(git_repository *git, git_tree *tree, walk_fn fn, void *arg)
{
	struct with_blob w = { git, fn, arg };
	return walk_case_ids(git, tree, read_blob, &w);
}
