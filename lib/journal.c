/* journal.c: finishing a command's work after its commit (journal.h). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash.h"
#include "journal.h"
#include "progress.h"
#include "util.h"
#include "wtree.h"

static char *
journal_path(struct repo *r)
{
	return xasprintf("%sbti-journal", git_repository_path(r->git));
}

int
journal_write(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n)
{
	char a[GIT_OID_HEXSZ + 1], b[GIT_OID_HEXSZ + 1];
	struct buf j = { 0 };
	buf_printf(&j, "bti-journal 2\ncommit %s\n", git_oid_tostr(a, sizeof a, commit));
	for (size_t i = 0; i < n; i++)
		buf_printf(&j, "file %s %s %s\n", f[i].has_old ? git_oid_tostr(a, sizeof a, &f[i].old) : "-",
		    git_oid_is_zero(&f[i].new) ? "-" : git_oid_tostr(b, sizeof b, &f[i].new), f[i].path);
	char *path = journal_path(r);
	int rc = write_file_atomic(path, j.p, j.len, 0644);
	free(path);
	buf_free(&j);
	return rc;
}

int
journal_write_batch(struct repo *r, const git_oid *base)
{
	char a[GIT_OID_HEXSZ + 1];
	char *text = xasprintf("bti-journal 2\ncommit %s\nbatch\n", git_oid_tostr(a, sizeof a, base));
	char *path = journal_path(r);
	int rc = write_file_atomic(path, text, strlen(text), 0644);
	free(path);
	free(text);
	return rc;
}

void
journal_remove(struct repo *r)
{
	char *path = journal_path(r);
	unlink(path);
	free(path);
}

/* Parses "bti-journal 2" text; -1 when it is not that (then nothing can
 * have been written on its account that the next command could finish). */
static int
journal_parse(char *text, git_oid *commit, int *batch, struct jfile **files, size_t *n)
{
	*files = NULL;
	*n = 0;
	*batch = 0;
	char *line = strtok(text, "\n");
	if (!line || strcmp(line, "bti-journal 2") || !(line = strtok(NULL, "\n")) ||
	    strncmp(line, "commit ", 7) || git_oid_fromstr(commit, line + 7) < 0)
		return -1;
	while ((line = strtok(NULL, "\n"))) {
		struct jfile f = { 0 };
		if (!strcmp(line, "batch") && !*n) {
			*batch = 1;
			continue;
		}
		char *sp1 = strchr(line, ' '), *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
		char *sp3 = sp2 ? strchr(sp2 + 1, ' ') : NULL;
		if (strncmp(line, "file ", 5) || !sp3)
			return -1;
		*sp2 = *sp3 = 0;
		f.has_old = strcmp(sp1 + 1, "-") != 0;
		if ((f.has_old && git_oid_fromstr(&f.old, sp1 + 1) < 0) ||
		    (strcmp(sp2 + 1, "-") && git_oid_fromstr(&f.new, sp2 + 1) < 0))
			return -1;
		f.path = sp3 + 1;
		*files = xrealloc(*files, (*n + 1) * sizeof **files);
		(*files)[(*n)++] = f;
	}
	return 0;
}

enum { W_ABSENT, W_OLD, W_NEW, W_OTHER };

/* What the work-tree file is: absent, the old blob, the new one, or other
 * (changed by hand, or not a regular file, or behind a symbolic link);
 * -1 when it cannot be read. */
static int
worktree_state(struct repo *r, const struct jfile *f, size_t newlen, struct stat *st, struct diags *dg)
{
	size_t max = newlen, len, bad;
	git_blob *ob;
	if (f->has_old && git_blob_lookup(&ob, r->git, &f->old) == 0) {
		if ((size_t)git_blob_rawsize(ob) > max)
			max = (size_t)git_blob_rawsize(ob);
		git_blob_free(ob);
	}
	char *data;
	if (wt_read(r->workdir, f->path, max, &data, &len, st, &bad) < 0) {
		if (errno == ENOENT)
			return W_ABSENT;
		if (errno == EFBIG || errno == ELOOP || errno == ENOTDIR || errno == EINVAL)
			return W_OTHER;
		diag_add(dg, f->path, 0, 0, "repo", "cannot read it: %s", strerror(errno));
		return -1;
	}
	git_oid oid;
	int rc = git_odb_hash(&oid, data, len, GIT_OBJECT_BLOB);
	free(data);
	if (rc < 0)
		return git_fail(dg, f->path);
	return git_oid_equal(&oid, &f->new) ? W_NEW : f->has_old && git_oid_equal(&oid, &f->old) ? W_OLD : W_OTHER;
}

/* The index entry for f: the new blob, with the stat data of the file
 * when the work tree has it (else none, so that git looks at the file). */
static int
index_entry(struct repo *r, const struct jfile *f, const struct stat *st)
{
	git_index_entry e;
	memset(&e, 0, sizeof e);
	if (st) {
		e.ctime.seconds = (int32_t)st->st_ctim.tv_sec;
		e.ctime.nanoseconds = (uint32_t)st->st_ctim.tv_nsec;
		e.mtime.seconds = (int32_t)st->st_mtim.tv_sec;
		e.mtime.nanoseconds = (uint32_t)st->st_mtim.tv_nsec;
		e.dev = (uint32_t)st->st_dev;
		e.ino = (uint32_t)st->st_ino;
		e.uid = st->st_uid;
		e.gid = st->st_gid;
		e.file_size = (uint32_t)st->st_size;
	}
	e.mode = GIT_FILEMODE_BLOB;
	e.id = f->new;
	e.path = f->path;
	return git_index_add(r->il.idx, &e);
}

static void
left_alone(const git_oid *commit, const char *path, const char *what, int recovering,
    struct diags *dg)
{
	char hex[8];
	git_oid_tostr(hex, sizeof hex, commit);
	(recovering ? diag_add : diag_warn)(dg, path, 0, 0, "repo/edited",
	    "%s while the command that committed %s was unfinished, and was left as it is; "
	    "see how it differs from that commit with 'git diff%s HEAD -- %s', then keep it "
	    "(git commit) or drop it (git checkout HEAD -- %s)%s",
	    what, hex, *what == 'i' ? " --cached" : "", path, path,
	    recovering ? "; nothing else was done: run the command again" : "");
}

int
journal_settle(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n,
    int recovering, struct diags *dg)
{
	int edited = 0, rc = -1;
	/* Many files after a batch or a purge. */
	struct progress pg;
	progress_start(&pg, "work tree: files", n);
	for (size_t i = 0; i < n; i++) {
		int gone = git_oid_is_zero(&f[i].new);  /* the commit removes the file */
		git_blob *nb = NULL;
		progress_set(&pg, i);
		if (!gone && git_blob_lookup(&nb, r->git, &f[i].new) < 0) {
			git_fail(dg, f[i].path);
			goto out;
		}
		struct stat st;
		size_t bad;
		int w = worktree_state(r, &f[i], nb ? (size_t)git_blob_rawsize(nb) : 0, &st, dg);
		if (gone && w == W_OLD) {
			if (wt_remove(r->workdir, f[i].path, &bad) < 0 && errno != ENOENT) {
				diag_add(dg, f[i].path, 0, 0, "repo", "cannot remove it: %s", strerror(errno));
				w = -1;
			} else {
				w = W_ABSENT;
			}
		} else if (!gone && (w == W_OLD || (w == W_ABSENT && !f[i].has_old))) {
			if (wt_write(r->workdir, f[i].path, git_blob_rawcontent(nb), (size_t)git_blob_rawsize(nb),
			    &st, &bad) < 0) {
				diag_add(dg, f[i].path, 0, 0, "repo", "cannot write it: %s", strerror(errno));
				w = -1;
			} else {
				w = W_NEW;
			}
		}
		git_blob_free(nb);
		if (w < 0)
			goto out;
		int done = gone ? w == W_ABSENT : w == W_NEW;
		if (!done) {
			left_alone(commit, f[i].path, w == W_ABSENT ? "the file was removed" :
			    "the file was changed by hand", recovering, dg);
			edited++;
		}
		const git_index_entry *ie = git_index_get_bypath(r->il.idx, f[i].path, 0);
		int is_old = ie && ie->mode == GIT_FILEMODE_BLOB && f[i].has_old && git_oid_equal(&ie->id, &f[i].old);
		int is_new = ie ? ie->mode == GIT_FILEMODE_BLOB && git_oid_equal(&ie->id, &f[i].new) : gone;
		if (!is_old && !is_new && (ie || f[i].has_old)) {
			if (done)
				left_alone(commit, f[i].path, "its staged version (the index) was changed",
				    recovering, dg);
			edited += done;
		} else if (gone ? ie && git_index_remove(r->il.idx, f[i].path, 0) < 0 :
		    index_entry(r, &f[i], w == W_NEW ? &st : NULL) < 0) {
			git_fail(dg, f[i].path);
			goto out;
		}
	}
	crash_point("file");
	rc = edited;
out:
	progress_end(&pg);
	return rc;
}

/* The files a batch changed: every file added or modified between the
 * trees of base and head, from base's blob to head's (paths allocated). */
static int
batch_files(struct repo *r, const git_oid *base, const git_oid *head, struct jfile **files,
    size_t *n, struct diags *dg)
{
	git_commit *bc = NULL, *hc = NULL;
	git_tree *bt = NULL, *ht = NULL;
	git_diff *diff = NULL;
	int rc = -1;
	if (git_commit_lookup(&bc, r->git, base) < 0 || git_commit_tree(&bt, bc) < 0 ||
	    git_commit_lookup(&hc, r->git, head) < 0 || git_commit_tree(&ht, hc) < 0 ||
	    git_diff_tree_to_tree(&diff, r->git, bt, ht, NULL) < 0) {
		git_fail(dg, "cannot compare the interrupted batch's commits");
		goto out;
	}
	size_t nd = git_diff_num_deltas(diff);
	*files = xmalloc((nd + 1) * sizeof **files);
	*n = 0;
	for (size_t i = 0; i < nd; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if ((d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_MODIFIED) ||
		    d->new_file.mode != GIT_FILEMODE_BLOB)
			continue;
		struct jfile *f = &(*files)[(*n)++];
		f->path = xstrdup(d->new_file.path);
		f->has_old = d->status == GIT_DELTA_MODIFIED;
		f->old = d->old_file.id;
		f->new = d->new_file.id;
	}
	rc = 0;
out:
	git_diff_free(diff);
	git_tree_free(bt);
	git_tree_free(ht);
	git_commit_free(bc);
	git_commit_free(hc);
	return rc;
}

int
journal_recover(struct repo *r, struct diags *dg)
{
	char *path = journal_path(r), *text;
	size_t len;
	/* A command killed while writing the journal left only its temporary
	 * file: nothing was committed. */
	wt_remove_temps(git_repository_path(r->git), "bti-journal");
	int got = read_file(path, 1 << 20, &text, &len);
	free(path);
	if (got < 0) {
		if (errno == ENOENT)
			return 0;
		diag_add(dg, NULL, 0, 0, "repo", "cannot read .git/bti-journal: %s", strerror(errno));
		return -1;
	}
	git_oid commit, head;
	struct jfile *f;
	size_t n;
	int batch;
	int parsed = journal_parse(text, &commit, &batch, &f, &n);
	int rc = 0, keep = 0, at = parsed == 0 && git_reference_name_to_id(&head, r->git, r->refname) == 0;
	/* A batch killed after it moved the branch: what it changed since its
	 * base is brought to HEAD. */
	if (at && batch && !git_oid_equal(&commit, &head)) {
		free(f);
		if (batch_files(r, &commit, &head, &f, &n, dg) < 0) {
			free(text);
			return -1;      /* the journal stays */
		}
		commit = head;
	}
	for (size_t i = 0; parsed == 0 && i < n; i++)
		wt_remove_temps(r->workdir, f[i].path);
	if (at && git_oid_equal(&commit, &head) && n) {
		int edited = journal_settle(r, &commit, f, n, 1, dg);
		if (edited < 0 || ilock_commit(&r->il) < 0) {
			if (edited >= 0)
				git_fail(dg, "cannot write the index");
			diag_add(dg, NULL, 0, 0, "repo",
			    "cannot finish the interrupted command that committed %.7s (see above); "
			    "once the cause is fixed, the next bti command finishes it; nothing else was done",
			    git_oid_tostr_s(&commit));
			rc = -1;
			keep = 1;
		} else if (edited) {
			rc = -1;        /* the user decides; what is left is an uncommitted change */
		} else {
			diag_warn(dg, NULL, 0, 0, "repo/recovered",
			    "an earlier command was interrupted after its commit; the work tree and the index now match it");
		}
	}
	if (!keep)
		journal_remove(r);
	for (size_t i = 0; batch && i < n; i++)
		free(f[i].path);
	free(f);
	free(text);
	return rc;
}
