/* t_treediff.c: treediff finds the same changed files as libgit2's own
 * tree diff, for added, deleted, changed and retyped files, a file that
 * becomes a directory, names that sort around a directory's '/', and an
 * empty side; a callback can stop it; a missing subtree is an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "treediff.h"
#include "util.h"

static git_repository *git;

struct file {
	const char *path, *text;
	git_filemode_t mode;
};

/* A tree of the files (NULL-terminated), through an in-memory index. */
static git_tree *
tree_of(const struct file *f)
{
	git_index *idx;
	git_oid id;
	git_tree *t;
	if (git_index_new(&idx) < 0)
		return NULL;
	for (; f->path; f++) {
		git_index_entry e;
		memset(&e, 0, sizeof e);
		e.path = f->path;
		e.mode = f->mode ? f->mode : GIT_FILEMODE_BLOB;
		if (git_blob_create_from_buffer(&e.id, git, f->text, strlen(f->text)) < 0 ||
		    git_index_add(idx, &e) < 0)
			return NULL;
	}
	if (git_index_write_tree_to(&id, idx, git) < 0 || git_tree_lookup(&t, git, &id) < 0)
		t = NULL;
	git_index_free(idx);
	return t;
}

static const char *
status(git_delta_t s)
{
	return s == GIT_DELTA_ADDED ? "A" : s == GIT_DELTA_DELETED ? "D" :
	    s == GIT_DELTA_TYPECHANGE ? "T" : s == GIT_DELTA_MODIFIED ? "M" : "?";
}

/* A delta as one line: status, path, both ids and modes. */
static void
line(struct buf *b, const git_diff_delta *d)
{
	char o[GIT_OID_HEXSZ + 1], n[GIT_OID_HEXSZ + 1];
	git_oid_tostr(o, sizeof o, &d->old_file.id);
	git_oid_tostr(n, sizeof n, &d->new_file.id);
	buf_printf(b, "%s %s %s %o %s %o\n", status(d->status), d->new_file.path, o,
	    (unsigned)d->old_file.mode, n, (unsigned)d->new_file.mode);
}

static int
collect(const git_diff_delta *d, void *arg)
{
	line(arg, d);
	return 0;
}

static int
stop_at_second(const git_diff_delta *d, void *arg)
{
	(void)d;
	return ++*(int *)arg == 2 ? 7 : 0;
}

/* The same lines from libgit2's git_diff_tree_to_tree. */
static char *
libgit2_lines(git_tree *a, git_tree *b)
{
	git_diff *diff;
	git_diff_options o;
	struct buf out = { 0 };
	git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION);
	o.flags |= GIT_DIFF_INCLUDE_TYPECHANGE;
	if (git_diff_tree_to_tree(&diff, git, a, b, &o) < 0)
		return NULL;
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++)
		line(&out, git_diff_get_delta(diff, i));
	git_diff_free(diff);
	buf_add(&out, "", 1);
	return out.p;
}

static char *
our_lines(git_tree *a, git_tree *b)
{
	struct buf out = { 0 };
	if (treediff(git, a, b, collect, &out) != 0)
		return NULL;
	buf_add(&out, "", 1);
	return out.p;
}

static void
same(git_tree *a, git_tree *b, const char *name)
{
	char *want = libgit2_lines(a, b), *got = our_lines(a, b);
	ok(want && got && *want, "%s: libgit2 finds changes", name);
	if (!is_str(got, want, name))
		fprintf(stderr, "# want:\n%s# got:\n%s", want, got ? got : "(error)\n");
	free(want);
	free(got);
}

int
main(void)
{
	char dir[] = "/tmp/t_treediff.XXXXXX";
	git_libgit2_init();
	if (!mkdtemp(dir) || git_repository_init(&git, dir, 1) < 0) {
		printf("Bail out! cannot make a repository in /tmp\n");
		return 1;
	}
	const struct file a[] = {
		{ "bti.yaml", "model: x\n", 0 },
		{ "cases/2024/0/2024-AAAAAA.yaml", "id: a\n", 0 },
		{ "cases/2024/0/2024-BBBBBB.yaml", "id: b\n", 0 },
		{ "cases/2025/1/2025-CCCCCC.yaml", "id: c\n", 0 },
		{ "models/x.yaml", "levels: []\n", 0 },
		{ "foo", "a file\n", 0 },
		{ "link", "target\n", 0 },
		{ "run", "#!/bin/sh\n", 0 },
		{ NULL, NULL, 0 },
	};
	const struct file b[] = {
		{ "bti.yaml", "model: x\n", 0 },
		{ "cases/2024/0/2024-AAAAAA.yaml", "id: a\nlevels: []\n", 0 },
		{ "cases/2024/0/2024-BBBBBB.yaml", "id: b\n", 0 },
		{ "cases/2025/1/2025-CCCCCC.yaml", "id: c\n", 0 },
		{ "cases/2026/2/2026-DDDDDD.yaml", "id: d\n", 0 },
		{ "foo/bar", "now a directory\n", 0 },
		{ "foo.bar", "sorts between foo and foo/\n", 0 },
		{ "foo-", "sorts before foo/\n", 0 },
		{ "link", "target\n", GIT_FILEMODE_LINK },
		{ "run", "#!/bin/sh\n", GIT_FILEMODE_BLOB_EXECUTABLE },
		{ NULL, NULL, 0 },
	};
	git_tree *ta = tree_of(a), *tb = tree_of(b);
	ok(ta && tb, "two trees made");
	same(ta, tb, "added, deleted, changed, retyped, file to directory");
	same(tb, ta, "the other way round");
	same(NULL, tb, "from no tree: every file added");
	same(ta, NULL, "to no tree: every file deleted");
	char *none = our_lines(ta, ta);
	is_str(none, "", "a tree against itself: nothing");
	free(none);
	int seen = 0;
	is_int(treediff(git, ta, tb, stop_at_second, &seen), 7, "a callback's nonzero return stops the walk");
	is_int(seen, 2, "after the second file");

	/* A subtree whose object is missing cannot be compared. */
	git_treebuilder *tbld;
	git_oid ghost, id;
	git_tree *broken = NULL;
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
	git_oid_fromstr(&ghost, "0123456789abcdef0123456789abcdef01234567");
	if (git_treebuilder_new(&tbld, git, NULL) == 0 &&
	    git_treebuilder_insert(NULL, tbld, "cases", &ghost, GIT_FILEMODE_TREE) == 0 &&
	    git_treebuilder_write(&id, tbld) == 0)
		git_tree_lookup(&broken, git, &id);
	git_treebuilder_free(tbld);
	ok(broken != NULL, "a tree naming a missing subtree");
	struct buf out = { 0 };
	is_int(treediff(git, ta, broken, collect, &out), -1, "a missing subtree is an error");
	buf_free(&out);

	git_tree_free(broken);
	git_tree_free(ta);
	git_tree_free(tb);
	git_repository_free(git);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "# cannot remove %s\n", dir);
	free(rm);
	git_libgit2_shutdown();
	return done_testing();
}
