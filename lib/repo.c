/* repo.c: the case repository through libgit2. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include "branch.h"
#include "crash.h"
#include "embedded.h"
#include "heap.h"
#include "journal.h"
#include "repo.h"
#include "sign.h"
#include "text.h"
#include "util.h"
#include "wtree.h"

void
repo_read_all(void)
{
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)4 << 20);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)16 << 20);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

int
git_fail(struct diags *dg, const char *what)
{
	const git_error *e = git_error_last();
	diag_add(dg, NULL, 0, 0, "repo", "%s: %s", what, e && e->message ? e->message : "unknown error");
	return -1;
}

int
repo_open(struct repo *r, const char *dir, int readonly, struct diags *dg)
{
	memset(r, 0, sizeof *r);
	r->lockfd = -1;
	heap_tune();
	git_libgit2_init();
	/* Without -C, open as git does, honouring GIT_DIR, GIT_INDEX_FILE and
	 * the object directories git sets for hooks (a pre-receive quarantine). */
	if (git_repository_open_ext(&r->git, dir, dir ? 0 : GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0) {
		diag_add(dg, dir ? dir : ".", 0, 0, "repo",
		    "not in a case repository (or any parent directory); create one with bti-init or name one with -C DIR");
		return -1;
	}
	/* NULL in a bare repository: commands commit there without a work
	 * tree or an index to bring along (docs/design.md, "One command, one commit"). */
	r->workdir = git_repository_workdir(r->git);
	if (r->workdir) {
		const char *env = dir ? NULL : getenv("GIT_INDEX_FILE");
		r->indexpath = env && *env ? xstrdup(env) : xasprintf("%sindex", git_repository_path(r->git));
	}
	git_reference *head;
	if (git_reference_lookup(&head, r->git, "HEAD") < 0)
		return git_fail(dg, "cannot read HEAD");
	if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC && !readonly) {
		git_reference_free(head);
		diag_add(dg, NULL, 0, 0, "repo", "HEAD is detached; check out a branch first (git switch main)");
		return -1;
	}
	/* Reading a detached HEAD (a CI checkout) is fine; committing is not. */
	r->refname = xstrdup(git_reference_type(head) == GIT_REFERENCE_SYMBOLIC ?
	    git_reference_symbolic_target(head) : "HEAD");
	git_reference_free(head);
	return 0;
}

static int
read_head(struct repo *r, struct diags *dg)
{
	git_tree_free(r->tree);
	git_commit_free(r->head);
	r->tree = NULL;
	r->head = NULL;
	git_oid oid;
	int rc = git_reference_name_to_id(&oid, r->git, r->refname);
	if (rc == GIT_ENOTFOUND)
		return 0;
	if (rc < 0 || git_commit_lookup(&r->head, r->git, &oid) < 0 ||
	    git_commit_tree(&r->tree, r->head) < 0)
		return git_fail(dg, "cannot read the current commit");
	return 0;
}

int
repo_lock(struct repo *r, struct diags *dg)
{
	char *path = xasprintf("%sbti.lock", git_repository_path(r->git));
	r->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (r->lockfd < 0 || flock(r->lockfd, LOCK_EX) < 0) {
		diag_add(dg, path, 0, 0, "repo", "cannot take the lock: %s", strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	branch_reclaim(r);
	if (r->workdir) {
		/* The index lock of a command killed while holding it is ours to
		 * remove (we hold bti.lock); another process's never is. */
		ilock_reclaim(r->indexpath);
		if (ilock_take(&r->il, r->indexpath, dg) < 0 || journal_recover(r, dg) < 0)
			return -1;
	}
	return read_head(r, dg);
}

int
repo_read(struct repo *r, const char *path, char **data, size_t *len, struct diags *dg)
{
	if (!r->tree)
		return 1;
	git_tree_entry *e;
	int rc = git_tree_entry_bypath(&e, r->tree, path);
	if (rc == GIT_ENOTFOUND)
		return 1;
	if (rc < 0)
		return git_fail(dg, path);
	git_blob *blob = NULL;
	if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
		git_tree_entry_free(e);
		diag_add(dg, path, 0, 0, "case/symlink", "a symbolic link in the last commit, not a file");
		return -1;
	}
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    git_blob_lookup(&blob, r->git, git_tree_entry_id(e)) < 0) {
		git_tree_entry_free(e);
		diag_add(dg, path, 0, 0, "repo", "not a file in the repository");
		return -1;
	}
	git_tree_entry_free(e);
	*len = (size_t)git_blob_rawsize(blob);
	*data = xmalloc(*len + 1);
	memcpy(*data, git_blob_rawcontent(blob), *len);
	(*data)[*len] = 0;
	git_blob_free(blob);
	return 0;
}

int
repo_load(struct repo *r, struct diags *dg)
{
	if (!r->head && read_head(r, dg) < 0)
		return -1;
	char *buf;
	size_t len;
	int rc = repo_read(r, CONFIG_FILE, &buf, &len, dg);
	if (rc) {
		if (rc > 0)
			diag_add(dg, CONFIG_FILE, 0, 0, "repo",
			    "no bti.yaml committed at the top of %s; run bti-init there first",
			    r->workdir ? r->workdir : git_repository_path(r->git));
		return -1;
	}
	rc = config_parse(&r->cfg, buf, len, dg);
	free(buf);
	if (rc < 0)
		return REPO_INVALID;
	char *mpath = xasprintf("models/%s.yaml", r->cfg.model);
	rc = repo_read(r, mpath, &buf, &len, dg);
	if (rc) {
		if (rc > 0)
			diag_add(dg, mpath, 0, 0, "repo",
			    "bti.yaml names the model '%s' but %s is not committed", r->cfg.model, mpath);
		free(mpath);
		config_free(&r->cfg);
		return -1;
	}
	rc = model_parse(&r->model, mpath, buf, len, dg);
	free(buf);
	free(mpath);
	if (rc < 0) {
		model_free(&r->model);
		config_free(&r->cfg);
		return REPO_INVALID;
	}
	r->model.services = r->cfg.services;   /* the rules read the register's kinds */
	size_t slen;
	const char *schema = embedded_file("schema/case.schema.json", &slen);
	if (schema_parse(&r->schema, "case.schema.json", schema, slen, dg) < 0)
		return -1;
	r->loaded = 1;
	return 0;
}

void
repo_close(struct repo *r)
{
	if (r->loaded) {
		config_free(&r->cfg);
		model_free(&r->model);
		schema_free(&r->schema);
	}
	for (size_t i = 0; i < r->npend; i++)
		free(r->pend[i].path);
	free(r->pend);
	free(r->fresh);
	git_tree_free(r->tree);
	git_commit_free(r->head);
	ilock_release(&r->il);
	git_repository_free(r->git);
	free(r->refname);
	free(r->indexpath);
	if (r->lockfd >= 0)
		close(r->lockfd);
	memset(r, 0, sizeof *r);
	r->lockfd = -1;
	git_libgit2_shutdown();
}

/* The work-tree file at path against HEAD's blob (in_head, id, mode):
 * 0 the same, 1 different, -1 with a diagnostic when a directory on the
 * way is a symbolic link (or not a directory) or the file cannot be read. */
static int
worktree_differs(struct repo *r, const char *path, int in_head, const git_oid *id, git_filemode_t mode,
    const char **how, struct diags *dg)
{
	struct stat st;
	size_t bad, len = 0;
	char *data = NULL;
	git_blob *blob = NULL;
	*how = "";
	if (in_head && git_blob_lookup(&blob, r->git, id) < 0)
		return git_fail(dg, path);
	size_t max = blob ? (size_t)git_blob_rawsize(blob) : 0;
	git_blob_free(blob);
	if (wt_read(r->workdir, path, max, &data, &len, &st, &bad) == 0) {
		git_oid oid;
		int rc = !in_head || git_odb_hash(&oid, data, len, GIT_OBJECT_BLOB) < 0 ||
		    !git_oid_equal(&oid, id) || !(st.st_mode & 0100) != (mode != GIT_FILEMODE_BLOB_EXECUTABLE);
		free(data);
		return rc;
	}
	if (bad < strlen(path) && (errno == ELOOP || errno == ENOTDIR)) {
		diag_add(dg, path, 0, 0, "repo/symlink",
		    "%.*s is %s, not a directory; bti never follows a symbolic link inside the repository "
		    "(a write would land outside it): put the directory itself there", (int)bad, path,
		    errno == ELOOP ? "a symbolic link" : "a file");
		return -1;
	}
	if (errno == ENOENT)
		return in_head;
	if (errno == EFBIG)
		return 1;
	if (errno == ELOOP || errno == EINVAL) {
		*how = errno == ELOOP ? " (now a symbolic link)" : " (now not a regular file)";
		return 1;
	}
	diag_add(dg, path, 0, 0, "repo", "cannot read it: %s", strerror(errno));
	return -1;
}

int
repo_check_clean(struct repo *r, const char *path, struct diags *dg)
{
	git_oid head_oid;
	git_filemode_t head_mode = 0;
	int in_head = 0;
	if (!r->workdir)
		return 0;
	for (size_t i = 0; i < r->npend; i++)
		if (!strcmp(r->pend[i].path, path))
			return 0;       /* changed by this batch: checked when first changed */
	if (r->tree) {
		git_tree_entry *e;
		if (git_tree_entry_bypath(&e, r->tree, path) == 0) {
			git_oid_cpy(&head_oid, git_tree_entry_id(e));
			head_mode = git_tree_entry_filemode(e);
			in_head = 1;
			git_tree_entry_free(e);
		}
	}
	if (in_head && head_mode == GIT_FILEMODE_LINK) {
		diag_add(dg, path, 0, 0, "case/symlink", "a symbolic link in the last commit, not a file; "
		    "commit the file itself in its place first");
		return -1;
	}
	/* The index as read under its lock (repo_lock), once per command. */
	const git_index_entry *ie = git_index_get_bypath(r->il.idx, path, 0);
	int staged = ie ? !in_head || ie->mode != head_mode || !git_oid_equal(&ie->id, &head_oid) : in_head;
	const char *how;
	int changed = worktree_differs(r, path, in_head, &head_oid, head_mode, &how, dg);
	if (changed < 0)
		return -1;
	if (staged || changed) {
		diag_add(dg, path, 0, 0, "repo/uncommitted",
		    "%s%s differs from the last commit; commit the change (git commit) "
		    "or discard it (git checkout HEAD -- %s) first", staged ? "the staged version" : "the file",
		    staged ? "" : how, path);
		return -1;
	}
	return 0;
}

/* A failure to write into the repository, and whether its file system is
 * full (err: errno right after the failure): libgit2 does not always say
 * so (a loose object whose directory cannot be made is reported as
 * missing later, or not at all). */
static int
store_failed(struct repo *r, struct diags *dg, const char *what, int err)
{
	const git_error *e = git_error_last();
	const char *msg = e && e->message ? e->message : "unknown error";
	struct statvfs vfs;
	int full = err == ENOSPC || err == EDQUOT || (statvfs(git_repository_path(r->git), &vfs) == 0 &&
	    (vfs.f_bavail == 0 || (vfs.f_files && vfs.f_favail == 0)));
	if (full && !strstr(msg, strerror(ENOSPC)))
		diag_add(dg, NULL, 0, 0, "repo", "%s: %s; the file system is full (%s)", what, msg, strerror(ENOSPC));
	else
		diag_add(dg, NULL, 0, 0, "repo", "%s: %s", what, msg);
	return -1;
}

/* Brings the work tree and the index to commit for the files f, writes
 * the index and releases its lock. A failure is reported as a warning:
 * the change is recorded, and the journal stays for the next command. */
static int
finish(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n, struct diags *dg)
{
	size_t mark = dg->n;
	int settled = journal_settle(r, commit, f, n, 0, dg);
	if (settled >= 0 && !wt_sync) {
		int fd = open(r->workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			syncfs(fd);
			close(fd);
		}
	}
	if (settled < 0 || ilock_commit(&r->il) < 0) {
		if (settled >= 0)
			git_fail(dg, "cannot write the index");
		for (size_t i = mark; i < dg->n; i++) {
			dg->errors -= !dg->v[i].warning;
			dg->v[i].warning = 1;
		}
		diag_warn(dg, NULL, 0, 0, "repo/unfinished",
		    "the change is committed (%.7s), but the work tree or the index could not be brought "
		    "up to date (see above); the next bti command does that: do not run this command again",
		    git_oid_tostr_s(commit));
		return -1;
	}
	ilock_release(&r->il);
	crash_point("released");
	return 0;
}

/* A copy of the batch's pending files with f merged in (*n its length): a
 * file already pending keeps the blob it had before the batch and takes
 * f's new one. */
static struct jfile *
pend_merge(struct repo *r, const struct jfile *f, size_t nf, size_t *n)
{
	struct jfile *p = xmalloc((r->npend + nf) * sizeof *p);
	if (r->npend)
		memcpy(p, r->pend, r->npend * sizeof *p);
	*n = r->npend;
	for (size_t i = 0; i < nf; i++) {
		size_t k = 0;
		while (k < *n && strcmp(p[k].path, f[i].path))
			k++;
		if (k == *n) {
			p[k] = f[i];
			p[k].path = xstrdup(f[i].path);
			++*n;
		}
		p[k].new = f[i].new;
	}
	return p;
}

/* Notes the objects a batch's commit made, for repo_publish: the commit,
 * and for each file its blob and the trees on its way (all of them new,
 * or already stored: a pack may repeat an object). */
static void
fresh_objects(struct repo *r, const git_oid *commit, git_tree *tree, const struct change *ch, size_t n)
{
	r->fresh = xrealloc(r->fresh, (r->nfresh + 2 + n * 8) * sizeof *r->fresh);
	r->fresh[r->nfresh++] = *commit;
	r->fresh[r->nfresh++] = *git_tree_id(tree);
	for (size_t i = 0; i < n; i++) {
		char *dir = xstrdup(ch[i].path);
		for (char *slash = dir; (slash = strchr(slash, '/')) != NULL; slash++) {
			git_tree_entry *e;
			*slash = 0;
			if (git_tree_entry_bypath(&e, tree, dir) == 0) {
				r->fresh = xrealloc(r->fresh, (r->nfresh + 2) * sizeof *r->fresh);
				r->fresh[r->nfresh++] = *git_tree_entry_id(e);
				git_tree_entry_free(e);
			}
			*slash = '/';
		}
		git_tree_entry *e;
		if (git_tree_entry_bypath(&e, tree, ch[i].path) == 0) {
			r->fresh = xrealloc(r->fresh, (r->nfresh + 2) * sizeof *r->fresh);
			r->fresh[r->nfresh++] = *git_tree_entry_id(e);
			git_tree_entry_free(e);
		}
		free(dir);
	}
}

int
repo_commit(struct repo *r, const struct change *ch, size_t n, const char *msg,
    const git_signature *author, char *out, struct diags *dg)
{
	git_tree_update *upd = xmalloc(n * sizeof *upd);
	struct jfile *jf = xmalloc(n * sizeof *jf);
	git_tree *base = r->tree, *empty = NULL, *tree = NULL;
	git_oid tree_oid, commit_oid;
	int rc = -1;

	for (size_t i = 0; i < n; i++) {
		upd[i].action = GIT_TREE_UPDATE_UPSERT;
		upd[i].filemode = GIT_FILEMODE_BLOB;
		upd[i].path = ch[i].path;
		if (git_blob_create_from_buffer(&upd[i].id, r->git, ch[i].data, ch[i].len) < 0) {
			store_failed(r, dg, "cannot store the file; nothing was changed", errno);
			goto out;
		}
		git_tree_entry *e;
		jf[i].path = (char *)ch[i].path;
		jf[i].new = upd[i].id;
		jf[i].has_old = r->tree && git_tree_entry_bypath(&e, r->tree, ch[i].path) == 0;
		if (jf[i].has_old) {
			jf[i].old = *git_tree_entry_id(e);
			git_tree_entry_free(e);
		}
	}
	if (!base) {
		git_treebuilder *tb;
		git_oid eo;
		if (git_treebuilder_new(&tb, r->git, NULL) < 0 || git_treebuilder_write(&eo, tb) < 0 ||
		    git_tree_lookup(&empty, r->git, &eo) < 0) {
			store_failed(r, dg, "cannot create the first tree; nothing was changed", errno);
			goto out;
		}
		git_treebuilder_free(tb);
		base = empty;
	}
	if (git_tree_create_updated(&tree_oid, r->git, base, n, upd) < 0 ||
	    git_tree_lookup(&tree, r->git, &tree_oid) < 0) {
		store_failed(r, dg, "cannot build the new tree; nothing was changed", errno);
		goto out;
	}
	const git_commit *parents[1] = { r->head };
	git_odb *odb = NULL;
	size_t signmark = dg->n;
	int made = sign_commit_create(&commit_oid, r, author, msg, tree, r->head ? 1 : 0, parents,
	    dg) == 0, err = errno;
	if (!made && dg->n > signmark)
		goto out;               /* signing failed, and said why */
	/* Looked up: libgit2 can report a loose object written that is not. */
	made = made && git_repository_odb(&odb, r->git) == 0 && git_odb_exists(odb, &commit_oid);
	git_odb_free(odb);
	if (!made) {
		store_failed(r, dg, "cannot create the commit; nothing was changed", err);
		goto out;
	}
	if (r->batch) {
		/* The commit stays in memory, HEAD with it, until repo_publish
		 * writes the objects and moves the branch. */
		git_commit *c;
		if (git_commit_lookup(&c, r->git, &commit_oid) < 0) {
			git_fail(dg, "cannot read the new commit");
			goto out;
		}
		fresh_objects(r, &commit_oid, tree, ch, n);
		git_commit_free(r->head);
		git_tree_free(r->tree);
		r->head = c;
		r->tree = tree;
		tree = NULL;
		size_t nj;
		struct jfile *j = pend_merge(r, jf, n, &nj);
		free(r->pend);
		r->pend = j;
		r->npend = nj;
		r->unpublished++;
		git_oid_tostr(out, GIT_OID_HEXSZ + 1, &commit_oid);
		rc = 0;
		goto out;
	}
	rc = repo_advance(r, &commit_oid, jf, n, msg, out, dg);
out:
	git_tree_free(tree);
	git_tree_free(empty);
	free(jf);
	free(upd);
	return rc;
}

int
repo_advance(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n,
    const char *msg, char *out, struct diags *dg)
{
	if (r->workdir && journal_write(r, commit, f, n) < 0) {
		diag_add(dg, NULL, 0, 0, "repo", "cannot write the journal: %s; nothing was changed", strerror(errno));
		return -1;
	}
	crash_point("journal");
	if (branch_move(r, r->head ? git_commit_id(r->head) : NULL, commit, msg, dg) < 0) {
		if (r->workdir)
			journal_remove(r);
		return -1;
	}
	crash_point("branch");
	git_oid_tostr(out, GIT_OID_HEXSZ + 1, commit);
	if (r->workdir && finish(r, commit, f, n, dg) == 0)
		journal_remove(r);
	return 0;
}

int
repo_batch(struct repo *r, struct diags *dg)
{
	git_odb *odb = NULL;
	if (!r->head) {
		diag_add(dg, NULL, 0, 0, "repo", "the branch has no commit yet; run bti-init first");
		return -1;
	}
	/* New objects are kept in memory, above the repository's own stores,
	 * and written as one pack by repo_publish. */
	if (git_repository_odb(&odb, r->git) < 0 || git_mempack_new(&r->mempack) < 0 ||
	    git_odb_add_backend(odb, r->mempack, 1000) < 0) {
		git_odb_free(odb);
		return git_fail(dg, "cannot keep new objects in memory");
	}
	git_odb_free(odb);
	/* The trees are made from HEAD's, whose entries exist: libgit2 need not
	 * look each one up again for every commit. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
	r->batch = 1;
	git_oid_cpy(&r->published, git_commit_id(r->head));
	if (r->workdir && journal_write_batch(r, &r->published) < 0) {
		diag_add(dg, NULL, 0, 0, "repo", "cannot write the journal: %s; nothing was changed", strerror(errno));
		return -1;
	}
	crash_point("journal");
	return 0;
}

int
repo_publish(struct repo *r, const char *msg, struct diags *dg)
{
	if (!r->unpublished)
		return 0;
	/* Each new object is written as git writes one (a loose object):
	 * git_mempack_dump would pack every tree and blob the commits reach,
	 * and packing only the new ones spends its time looking for deltas. */
	git_odb *odb = NULL;
	git_odb_backend *loose = NULL;
	char *dir = xasprintf("%sobjects", git_repository_path(r->git));
	int rc = git_repository_odb(&odb, r->git) < 0 || git_odb_backend_loose(&loose, dir, -1, 0, 0, 0) < 0 ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < r->nfresh; i++) {
		git_odb_object *o;
		rc = git_odb_read(&o, odb, &r->fresh[i]);
		if (rc == 0) {
			rc = loose->write(loose, &r->fresh[i], git_odb_object_data(o), git_odb_object_size(o),
			    git_odb_object_type(o));
			git_odb_object_free(o);
		}
	}
	free(dir);
	if (loose)
		loose->free(loose);
	if (rc < 0) {
		git_odb_free(odb);
		return store_failed(r, dg, "cannot write the new commits", errno);
	}
	git_mempack_reset(r->mempack);
	git_odb_refresh(odb);
	git_odb_free(odb);
	r->nfresh = 0;
	if (branch_move(r, &r->published, git_commit_id(r->head), msg, dg) < 0)
		return -1;
	crash_point("branch");
	git_oid_cpy(&r->published, git_commit_id(r->head));
	r->unpublished = 0;
	return 0;
}

int
repo_flush(struct repo *r, struct diags *dg)
{
	int rc = 0;
	/* Commits never published are in no repository: the journal stays, and
	 * the next command brings the work tree and the index to the branch. */
	if (r->unpublished) {
		rc = -1;
	} else if (r->workdir && r->npend) {
		/* Many files: the file system is synced once, before the index
		 * that records them is written. */
		wt_sync = 0;
		rc = finish(r, git_commit_id(r->head), r->pend, r->npend, dg);
		wt_sync = 1;
	}
	if (r->workdir && rc == 0)
		journal_remove(r);
	for (size_t i = 0; i < r->npend; i++)
		free(r->pend[i].path);
	free(r->pend);
	r->pend = NULL;
	r->npend = 0;
	return rc;
}

/* A name or e-mail address from src must be one line of UTF-8 text: a line
 * break would end the commit's author header. */
static int
author_text(const char *src, const char *s, struct diags *dg)
{
	char esc[12];
	if (!s || text_check(s, TEXT_LINE, esc) == 0)
		return 0;
	if (*esc)
		diag_add(dg, NULL, 0, 0, "author", "%s: holds a control character (%s); a name and "
		    "an e-mail address are one line of text without control characters", src, esc);
	else
		diag_add(dg, NULL, 0, 0, "author", "%s: not valid UTF-8 text", src);
	return -1;
}

int
repo_author(git_repository *git, const char *by, git_signature **sig, struct diags *dg)
{
	git_config *cfg = NULL;
	git_config_entry *name_e = NULL, *mail_e = NULL;
	char *name = NULL, *mail = NULL;
	const char *name_src = "--by", *mail_src = "--by";
	if (!by || !*by) {
		by = getenv("BTI_USER");
		name_src = mail_src = "BTI_USER";
	}
	if ((git ? git_repository_config_snapshot(&cfg, git) : git_config_open_default(&cfg)) == 0) {
		git_config_get_entry(&name_e, cfg, "user.name");
		git_config_get_entry(&mail_e, cfg, "user.email");
	}
	if (by && *by) {
		const char *lt = strchr(by, '<');
		const char *gt = lt ? strchr(lt, '>') : NULL;
		if (lt && gt) {
			size_t nl = (size_t)(lt - by);
			while (nl && by[nl - 1] == ' ')
				nl--;
			name = strndup(by, nl);
			mail = strndup(lt + 1, (size_t)(gt - lt - 1));
		} else {
			name = xstrdup(by);
		}
	} else if (name_e && *name_e->value) {
		name = xstrdup(name_e->value);
		name_src = "git config user.name";
	}
	/* libgit2 refuses an empty email; .invalid can never be delivered to. */
	if (!mail || !*mail) {
		free(mail);
		mail = xstrdup(mail_e && *mail_e->value ? mail_e->value : "unknown@bti.invalid");
		mail_src = "git config user.email";
	}
	git_config_entry_free(name_e);
	git_config_entry_free(mail_e);
	git_config_free(cfg);
	int rc = 0;
	if (!name || !*name) {
		diag_add(dg, NULL, 0, 0, "author",
		    "who is making this change? give --by NAME, set BTI_USER, or set git config user.name");
		rc = -1;
	} else if (author_text(name_src, name, dg) < 0 || author_text(mail_src, mail, dg) < 0) {
		rc = -1;
	} else if (git_signature_now(sig, name, mail) < 0) {
		rc = git_fail(dg, "invalid author name (no '<' or '>' inside a name)");
	}
	free(name);
	free(mail);
	return rc;
}
