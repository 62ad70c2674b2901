/* floor_git.c: the raw parse floor over committed blobs, libgit2 + libyaml.
 *
 *   floor_git [-j N] REPO
 *
 * Walks HEAD's tree as bti-report does (every NAME.yaml under cases/), reads each
 * blob through libgit2 (inflating it from the pack) and runs
 * yaml_parser_parse over it, throwing the events away. bti-report reads
 * committed blobs, not the work tree, so this is its floor. -j N splits the
 * blobs over N threads, each with its own repository handle. Prints
 * "blobs events"; exit 1 on an error.
 * Built by tests/bench/run.sh: cc -O2 floor_git.c -lgit2 -lyaml -lpthread */
#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "floor.h"

static const char *repo_dir;
static int nthreads = 1;

struct job {
	int id;
	unsigned long blobs, events;
	int bad;
};

static int
fail(const char *what)
{
	const git_error *e = git_error_last();
	fprintf(stderr, "floor_git: %s: %s\n", what, e && e->message ? e->message : "error");
	return 1;
}

struct walk {
	struct job *j;
	git_repository *repo;
	size_t k;               /* case files seen, to share them out */
};

static int
visit(const char *dir, const git_tree_entry *fe, void *arg)
{
	struct walk *w = arg;
	git_blob *blob;
	(void)dir;
	if (git_tree_entry_type(fe) != GIT_OBJECT_BLOB || !is_yaml(git_tree_entry_name(fe)))
		return 0;
	if (w->k++ % (size_t)nthreads != (size_t)w->j->id)
		return 0;
	if (git_blob_lookup(&blob, w->repo, git_tree_entry_id(fe)) < 0) {
		w->j->bad = fail(git_tree_entry_name(fe));
		return 0;
	}
	w->j->blobs++;
	if (!parse(git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), &w->j->events)) {
		fprintf(stderr, "floor_git: %s: not YAML\n", git_tree_entry_name(fe));
		w->j->bad = 1;
	}
	git_blob_free(blob);
	return 0;
}

static void *
work(void *arg)
{
	struct job *j = arg;
	git_repository *repo;
	git_object *obj;
	git_tree *root, *cases = NULL;
	git_tree_entry *ce;
	if (git_repository_open(&repo, repo_dir) < 0 ||
	    git_revparse_single(&obj, repo, "HEAD^{tree}") < 0) {
		j->bad = fail(repo_dir);
		return NULL;
	}
	root = (git_tree *)obj;
	if (git_tree_entry_bypath(&ce, root, "cases") == 0) {
		if (git_tree_entry_type(ce) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&cases, repo, git_tree_entry_id(ce)) < 0)
			j->bad = fail("cases");
		git_tree_entry_free(ce);
	}
	struct walk w = { j, repo, 0 };
	if (cases && git_tree_walk(cases, GIT_TREEWALK_PRE, visit, &w) < 0)
		j->bad = fail("cases");
	git_tree_free(cases);
	git_tree_free(root);
	git_repository_free(repo);
	return NULL;
}

int
main(int argc, char **argv)
{
	int a = jobs_option(argc, argv, &nthreads);
	if (argc - a != 1 || nthreads < 1) {
		fprintf(stderr, "usage: floor_git [-j N] REPO\n");
		return 2;
	}
	repo_dir = argv[a];
	git_libgit2_init();
	pthread_t t[64];
	struct job jobs[64];
	for (int i = 0; i < nthreads; i++) {
		jobs[i] = (struct job){ .id = i };
		pthread_create(&t[i], NULL, work, &jobs[i]);
	}
	unsigned long blobs = 0, events = 0;
	int bad = 0;
	for (int i = 0; i < nthreads; i++) {
		pthread_join(t[i], NULL);
		blobs += jobs[i].blobs;
		events += jobs[i].events;
		bad |= jobs[i].bad;
	}
	git_libgit2_shutdown();
	printf("%lu %lu\n", blobs, events);
	return bad;
}
