/* bti-check: validate case files against the schema and the level model,
 * or audit the history of every case. Silent when all is well. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "cli.h"
#include "due.h"
#include "history.h"
#include "progress.h"
#include "purge.h"
#include "repo.h"
#include "retention.h"
#include "util.h"
#include "walk.h"
#include "wtree.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-check [-C DIR] [--staged | --rev REV] [CASE-ID | PATH]...\n"
"       bti-check [-C DIR] --history | --range OLD..NEW\n"
"       bti-check [-C DIR] --erased REV\n"
"Validates every case file (or the named ones: case ids, or paths under\n"
"cases/ as git prints them) against the schema and the repository's level\n"
"model and prints one line per problem:\n"
"  FILE:LINE:COL: rule: message\n"
"Prints nothing and exits 0 when all is well: usable as a CI step or hook.\n"
"Checking every case, it also warns (exit 0) about each case kept past\n"
"bti.yaml's retention_days (bti-purge erases them).\n"
"  (default)     the files in the work tree, as an editor left them\n"
"  --staged      the versions staged for the next commit, and that they keep\n"
"                every entry of the last commit's (the pre-commit hook)\n"
"  --rev REV     the versions in a commit, also in a bare repository\n"
"  --history     replays every commit and reports each case change the rules\n"
"                would have refused, as COMMIT:FILE:LINE:COL, with its author,\n"
"                and unsigned commits where bti.yaml says sign: ssh\n"
"  --range OLD..NEW  the same for the commits a push brings (the pre-receive\n"
"                hook); OLD of zeros, a new branch: those no ref has yet\n"
"  --erased REV  the commits of REV that no ref has yet (a push, in the\n"
"                pre-receive hook) holding a case the branch has erased\n"
"A bti.yaml or model committed with invalid data is such a problem.\n"
"Exit status: 0 no problems, 1 problems found, 2 usage, 3 repository error.\n";

struct check {
	struct repo *repo;
	struct diags *dg;
	struct diags *due;      /* obligations overdue: warnings, on stderr */
	char **only;            /* the paths asked for, or NULL for all */
	char *seen;             /* for each of them, whether it was found */
	int nonly;
	git_tree *tree;         /* with --rev, the commit's tree */
};

static int
wanted(struct check *k, const char *path)
{
	int found = 0;
	for (int i = 0; i < k->nonly; i++)
		if (!strcmp(k->only[i], path))
			found = k->seen[i] = 1;
	return found || !k->only;
}

/* A symbolic link or another file that is not a regular file where a case
 * (or a directory of cases) is: bti never follows one, nor reads a FIFO. */
static void
not_a_file(struct check *k, const char *path, mode_t mode, const char *where)
{
	if (S_ISLNK(mode))
		diag_add(k->dg, path, 0, 0, "case/symlink",
		    "%s a symbolic link; bti never follows links in or under cases/: "
		    "put the file (or the directory) itself there", where);
	else
		diag_add(k->dg, path, 0, 0, "case/not-a-file", "%s %s, not a regular file", where, wt_kind(mode));
}

static int
check_one(const char *path, const git_oid *oid, const char *data, size_t len, void *arg)
{
	struct check *k = arg;
	char id[CASE_ID_LEN + 1];
	if (!wanted(k, path))
		return 0;
	git_tree_entry *e;
	if (oid && k->tree && git_tree_entry_bypath(&e, k->tree, path) == 0) {
		git_filemode_t mode = git_tree_entry_filemode(e);
		git_tree_entry_free(e);
		if (mode == GIT_FILEMODE_LINK) {
			not_a_file(k, path, S_IFLNK, "committed as");
			return 0;
		}
	}
	if (case_path_id(path, id) < 0) {
		diag_add(k->dg, path, 0, 0, "case/path", CASE_PATH_RULE);
		return 0;
	}
	struct doc d;
	doc_init(&d, path);
	if (yaml_read(&d, data, len, k->dg) == 0 &&
	    !case_validate(&k->repo->schema, &k->repo->model, d.root, path, id, k->dg))
		due_warn(&k->repo->model, d.root, path, date_today(), k->due);
	doc_free(&d);
	return 0;
}

/* nftw has no argument for its callback: the walk's state. */
static struct {
	struct found {
		char *path;
		mode_t mode;    /* 0: a regular file named *.yaml */
	} *v;
	size_t n;
	size_t skip;            /* length of the work-tree prefix */
} found;

static int
found_file(const char *full, const struct stat *st, int type, struct FTW *f)
{
	(void)f;
	/* FTW_PHYS: a link is reported as one (FTW_SL), never followed. */
	int link = type == FTW_SL || type == FTW_SLN;
	if (link || (type == FTW_F && walk_is_yaml(full))) {
		found.v = xrealloc(found.v, (found.n + 1) * sizeof *found.v);
		found.v[found.n].path = xstrdup(full + found.skip);
		found.v[found.n++].mode = link ? S_IFLNK : S_ISREG(st->st_mode) ? 0 : st->st_mode;
	}
	return 0;
}

static int
cmp_found(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->path, ((const struct found *)b)->path);
}

/* Whether path is under the directory dir (a link standing for one). */
static int
under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return !strncmp(path, dir, n) && path[n] == '/';
}

/* Every case file under cases/ in the work tree, in path order, read
 * without following a link and without waiting on a FIFO. */
static int
walk_worktree(struct check *k)
{
	char *top = xasprintf("%scases", k->repo->workdir);
	found.skip = strlen(k->repo->workdir);
	nftw(top, found_file, 16, FTW_PHYS);
	free(top);
	if (found.n)
		qsort(found.v, found.n, sizeof *found.v, cmp_found);
	struct progress pg;
	progress_start(&pg, "bti-check: cases", found.n);
	for (size_t i = 0; i < found.n; i++) {
		const char *path = found.v[i].path;
		progress_set(&pg, i);
		char *data;
		size_t len, bad;
		struct stat st;
		int inside = 0;         /* a named case is behind this link */
		for (int j = 0; found.v[i].mode && j < k->nonly; j++)
			if (under(k->only[j], path))
				inside = k->seen[j] = 1;
		if (inside || wanted(k, path)) {
			if (found.v[i].mode)
				not_a_file(k, path, found.v[i].mode, "is");
			else if (wt_read(k->repo->workdir, path, YAML_MAX_BYTES, &data, &len, &st, &bad) == 0) {
				check_one(path, NULL, data, len, k);
				free(data);
			} else if (errno == ELOOP || errno == EINVAL) {
				not_a_file(k, path, errno == ELOOP ? S_IFLNK : st.st_mode, "is");
			} else if (errno == EFBIG) {
				diag_add(k->dg, path, 0, 0, "yaml/size", "larger than %d bytes", YAML_MAX_BYTES);
			} else {
				diag_add(k->dg, path, 0, 0, "case/unreadable", "cannot read it: %s", strerror(errno));
			}
		}
		free(found.v[i].path);
	}
	progress_end(&pg);
	free(found.v);
	return 0;
}

static int
walk_index(struct check *k)
{
	git_index *idx;
	if (git_repository_index(&idx, k->repo->git) < 0)
		return git_fail(k->dg, "cannot read the index");
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < git_index_entrycount(idx); i++) {
		const git_index_entry *e = git_index_get_byindex(idx, i);
		git_blob *b;
		/* Only the cases asked for are read (the hook names the staged ones). */
		if (strncmp(e->path, "cases/", 6) || !walk_is_yaml(e->path) || !wanted(k, e->path))
			continue;
		if (S_ISLNK(e->mode)) {
			not_a_file(k, e->path, S_IFLNK, "staged as");
			continue;
		}
		if (git_blob_lookup(&b, k->repo->git, &e->id) < 0) {
			rc = git_fail(k->dg, e->path);
			break;
		}
		rc = check_one(e->path, &e->id, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), k);
		git_blob_free(b);
	}
	git_index_free(idx);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-check", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "staged", no_argument, 0, 's' },
		{ "rev", required_argument, 0, 'r' },
		{ "history", no_argument, 0, 'H' },
		{ "range", required_argument, 0, 'R' },
		{ "erased", required_argument, 0, 'e' },
		{ 0, 0, 0, 0 },
	};
	const char *rev = NULL, *range = NULL, *erased = NULL;
	int staged = 0, history = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 's': staged = 1; break;
		case 'r': rev = optarg; break;
		case 'H': history = 1; break;
		case 'R': range = optarg; break;
		case 'e': erased = optarg; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (staged + !!rev + history + !!range + !!erased > 1)
		cli_usage(&c, "--staged, --rev, --history, --range and --erased exclude each other");
	if (range && !strstr(range, ".."))
		cli_usage(&c, "--range takes OLD..NEW, as a pre-receive hook reads them");
	if ((history || range || erased) && optind < argc)
		cli_usage(&c, "--history, --range and --erased audit every case; they take no case ids");
	struct diags dg = { 0 }, due = { 0 };
	struct repo r;
	struct check k = { .repo = &r, .dg = &dg, .due = &due };
	int n = argc - optind, status = EXIT_SYSTEM;
	char **paths = NULL;
	if (repo_open(&r, c.dir, 1, &dg) < 0)
		goto out;
	if (erased) {
		if (repo_load(&r, &dg) == 0 && purge_check_push(&r, erased, &dg) == 0)
			status = dg.errors ? EXIT_REFUSED : EXIT_OK;
		goto out;
	}
	if (!r.workdir && !rev && !history && !range) {
		diag_add(&dg, NULL, 0, 0, "repo", "a bare repository has no work tree; check a commit with --rev");
		goto out;
	}
	if (rev) {
		git_object *obj;
		if (git_revparse_single(&obj, r.git, rev) < 0 ||
		    git_commit_lookup(&r.head, r.git, git_object_id(obj)) < 0) {
			git_fail(&dg, rev);
			goto out;
		}
		git_object_free(obj);
		if (git_commit_tree(&r.tree, r.head) < 0)
			goto out;
		k.tree = r.tree;
	}
	/* A range is judged by each commit's own bti.yaml (the first push
	 * reaches a server whose branch is not born yet). */
	int loaded = range ? 0 : repo_load(&r, &dg);
	if (loaded == REPO_INVALID)
		status = EXIT_REFUSED;      /* a committed bad model is a finding */
	if (loaded < 0)
		goto out;
	if (n) {
		paths = xmalloc((size_t)n * sizeof *paths);
		k.seen = xmalloc((size_t)n);
		memset(k.seen, 0, (size_t)n);
		for (int i = 0; i < n; i++) {
			const char *arg = argv[optind + i];
			char id[CASE_ID_LEN + 1], path[CASE_PATH_MAX];
			k.nonly = i;
			/* A path as git prints it (the hook passes the staged ones):
			 * checked where it is, so a misplaced file is found too. */
			if (!strncmp(arg, "cases/", 6)) {
				paths[i] = xstrdup(arg);
			} else if (case_id_check(arg, id) == 0) {
				case_path(id, path);
				paths[i] = xstrdup(path);
			} else {
				cli_error(&c, "'%s' is not a case id or a path under cases/", arg);
				status = EXIT_REFUSED;      /* as a malformed id in every command */
				goto out;
			}
		}
		k.only = paths;
		k.nonly = n;
	}
	int rc = range ? history_range(&r, range, &dg) : history ? history_check(&r, &dg) :
	    rev ? walk_cases(r.git, r.tree, check_one, &k) : staged ? walk_index(&k) : walk_worktree(&k);
	if (rc == 0 && staged)
		rc = history_staged(&r, paths, n, &dg);
	/* Every case past bti.yaml's retention_days: a warning, exit 0. */
	if (rc < 0 || (!n && !staged && !history && !range && !rev &&
	    retention_warn(&r, date_today(), &dg) < 0))
		goto out;
	int unknown = 0;
	for (int i = 0; i < n; i++)
		unknown += !k.seen[i];
	if (unknown)
		diag_add(&dg, NULL, 0, 0, "case/unknown", "%d of the named cases do not exist", unknown);
	status = dg.errors ? EXIT_REFUSED : EXIT_OK;
out:
	for (int i = 0; paths && i < k.nonly; i++)
		free(paths[i]);
	free(paths);
	free(k.seen);
	repo_close(&r);
	/* Problems are this command's output; failures to run are messages. */
	diag_print(&dg, status == EXIT_SYSTEM ? c.prog : NULL, status == EXIT_SYSTEM ? stderr : stdout);
	diag_print(&due, c.prog, stderr);
	diags_free(&dg);
	diags_free(&due);
	return status;
}
