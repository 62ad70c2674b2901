/* bti-check: validate case files against the schema and the level model,
 * or audit the history of every case. Silent when all is well. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "cli.h"
#include "history.h"
#include "purge.h"
#include "repo.h"
#include "retention.h"
#include "util.h"
#include "walk.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-check [-C DIR] [--staged | --rev REV] [CASE-ID | PATH]...\n"
"       bti-check [-C DIR] --history\n"
"       bti-check [-C DIR] --erased REV\n"
"Validates every case file (or the named ones: case ids, or paths under\n"
"cases/ as git prints them) against the schema and the repository's level\n"
"model and prints one line per problem:\n"
"  FILE:LINE:COL: rule: message\n"
"Prints nothing and exits 0 when all is well: usable as a CI step or hook.\n"
"Checking every case, it also warns (exit 0) about each case kept past\n"
"bti.yaml's retention_days (bti-purge erases them).\n"
"  (default)     the files in the work tree, as an editor left them\n"
"  --staged      the versions staged for the next commit (the pre-commit hook)\n"
"  --rev REV     the versions in a commit, also in a bare repository (the\n"
"                pre-receive hook on a central server)\n"
"  --history     replays every commit and reports each case change the rules\n"
"                would have refused, as COMMIT:FILE:LINE:COL, with its author\n"
"  --erased REV  the commits of REV that no ref has yet (a push, in the\n"
"                pre-receive hook) holding a case the branch has erased\n"
"Exit status: 0 no problems, 1 problems found, 2 usage, 3 repository error.\n";

struct check {
	struct repo *repo;
	struct diags *dg;
	char **only;            /* the paths asked for, or NULL for all */
	int nonly;
	size_t checked;
};

static int
wanted(struct check *k, const char *path)
{
	for (int i = 0; i < k->nonly; i++)
		if (!strcmp(k->only[i], path))
			return 1;
	return !k->only;
}

static int
check_one(const char *path, const git_oid *oid, const char *data, size_t len, void *arg)
{
	struct check *k = arg;
	char id[CASE_ID_LEN + 1];
	(void)oid;
	if (!wanted(k, path))
		return 0;
	k->checked++;
	if (case_path_id(path, id) < 0) {
		diag_add(k->dg, path, 0, 0, "case/path", CASE_PATH_RULE);
		return 0;
	}
	struct doc d;
	doc_init(&d, path);
	if (yaml_read(&d, data, len, k->dg) == 0)
		case_validate(&k->repo->schema, &k->repo->model, d.root, path, id, k->dg);
	doc_free(&d);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* nftw has no argument for its callback: the walk's state. */
static struct {
	char **paths;
	size_t n;
	size_t skip;            /* length of the work-tree prefix */
} found;

static int
found_file(const char *full, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)f;
	if (type == FTW_F && walk_is_yaml(full)) {
		found.paths = xrealloc(found.paths, (found.n + 1) * sizeof *found.paths);
		found.paths[found.n++] = xstrdup(full + found.skip);
	}
	return 0;
}

/* Every case file under cases/ in the work tree, in path order. */
static int
walk_worktree(struct check *k)
{
	char *top = xasprintf("%scases", k->repo->workdir);
	found.skip = strlen(k->repo->workdir);
	nftw(top, found_file, 16, FTW_PHYS);
	free(top);
	char **paths = found.paths;
	size_t n = found.n;
	if (n)
		qsort(paths, n, sizeof *paths, cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *full = xasprintf("%s%s", k->repo->workdir, paths[i]), *data;
		size_t len;
		if (wanted(k, paths[i])) {
			if (read_file(full, YAML_MAX_BYTES, &data, &len) < 0) {
				diag_add(k->dg, paths[i], 0, 0, "yaml/size",
				    "cannot read it, or it is larger than %d bytes", YAML_MAX_BYTES);
				k->checked++;
			} else {
				check_one(paths[i], NULL, data, len, k);
				free(data);
			}
		}
		free(full);
		free(paths[i]);
	}
	free(paths);
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
		{ "erased", required_argument, 0, 'e' },
		{ 0, 0, 0, 0 },
	};
	const char *rev = NULL, *erased = NULL;
	int staged = 0, history = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 's': staged = 1; break;
		case 'r': rev = optarg; break;
		case 'H': history = 1; break;
		case 'e': erased = optarg; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (staged + !!rev + history + !!erased > 1)
		cli_usage(&c, "--staged, --rev, --history and --erased exclude each other");
	if (erased && optind < argc)
		cli_usage(&c, "--erased takes no case ids");
	if (history && optind < argc)
		cli_usage(&c, "--history audits every case; it takes no case ids");
	struct diags dg = { 0 };
	struct repo r;
	struct check k = { .repo = &r, .dg = &dg };
	int n = argc - optind, status = EXIT_SYSTEM;
	char **paths = NULL;
	if (repo_open(&r, c.dir, 1, &dg) < 0)
		goto out;
	if (erased) {
		if (repo_load(&r, &dg) == 0 && purge_check_push(&r, erased, &dg) == 0)
			status = dg.errors ? EXIT_REFUSED : EXIT_OK;
		goto out;
	}
	if (!r.workdir && !rev && !history) {
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
	}
	if (repo_load(&r, &dg) < 0)
		goto out;
	if (n) {
		paths = xmalloc((size_t)n * sizeof *paths);
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
				status = EXIT_USAGE;
				goto out;
			}
		}
		k.only = paths;
		k.nonly = n;
	}
	int rc = history ? history_check(&r, &dg) : rev ? walk_cases(r.git, r.tree, check_one, &k) :
	    staged ? walk_index(&k) : walk_worktree(&k);
	/* Every case past bti.yaml's retention_days: a warning, exit 0. */
	if (rc < 0 || (!n && !staged && !history && retention_warn(&r, date_today(), &dg) < 0))
		goto out;
	if (n && k.checked < (size_t)n)
		diag_add(&dg, NULL, 0, 0, "case/unknown", "%d of the named cases do not exist",
		    n - (int)k.checked);
	status = dg.errors ? EXIT_REFUSED : EXIT_OK;
out:
	for (int i = 0; paths && i < k.nonly; i++)
		free(paths[i]);
	free(paths);
	repo_close(&r);
	/* Problems are this command's output; failures to run are messages. */
	diag_print(&dg, status == EXIT_SYSTEM ? c.prog : NULL, status == EXIT_SYSTEM ? stderr : stdout);
	diags_free(&dg);
	return status;
}
