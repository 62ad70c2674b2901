/* walk.c: case files straight from the tree, no work tree. */
#include <stdio.h>
#include <string.h>

#include "walk.h"

int
walk_is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

struct with_ids {
	walk_id_fn fn;
	void *arg;
	int rc;                 /* fn's non-zero value, which stopped the walk */
};

static int
visit(const char *dir, const git_tree_entry *e, void *arg)
{
	struct with_ids *w = arg;
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB || !walk_is_yaml(git_tree_entry_name(e)))
		return 0;
	/* "cases/" DIR NAME, cut at 511 bytes; once per case, so no snprintf. */
	char path[512];
	const char *part[] = { "cases/", dir, git_tree_entry_name(e) };
	size_t n = 0;
	for (size_t i = 0; i < 3; i++) {
		size_t k = strlen(part[i]);
		k = k < sizeof path - 1 - n ? k : sizeof path - 1 - n;
		memcpy(path + n, part[i], k);
		n += k;
	}
	path[n] = 0;
	w->rc = w->fn(path, git_tree_entry_id(e), w->arg);
	return w->rc ? GIT_EUSER : 0;
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
	struct with_ids w = { fn, arg, 0 };
	if (rc == 0 && cases)
		rc = git_tree_walk(cases, GIT_TREEWALK_PRE, visit, &w);
	git_tree_free(cases);
	return w.rc ? w.rc : rc < 0 ? -1 : 0;
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
