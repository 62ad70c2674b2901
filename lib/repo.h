/* repo.h: a case repository: discovery, lock, reading HEAD, one-commit writes. */
#ifndef BTI_REPO_H
#define BTI_REPO_H

#include <git2.h>

#include "config.h"
#include "diag.h"
#include "ilock.h"
#include "model.h"
#include "schema.h"

struct jfile;

struct repo {
	git_repository *git;
	const char *workdir;    /* ends in '/'; NULL when bare */
	char *refname;          /* the branch HEAD points to */
	git_commit *head;       /* NULL while the branch is unborn */
	git_tree *tree;         /* HEAD's tree, NULL while unborn */
	int lockfd;
	char *indexpath;        /* the index (GIT_INDEX_FILE honoured); NULL when bare */
	struct ilock il;        /* held by changing commands from repo_lock on */
	int loaded;             /* config, model and schema are loaded */
	struct config cfg;
	struct model model;
	struct schema schema;
	/* A batch (repo_batch): commits leave the work tree and the index to
	 * repo_flush; pend lists every file changed since, from the blob they
	 * hold to the blob HEAD has. */
	int batch;
	struct jfile *pend;
	size_t npend;
	git_odb_backend *mempack;       /* the batch's new objects */
	git_oid *fresh;                 /* their ids, for repo_publish */
	size_t nfresh;
	git_oid published;              /* the commit the branch is at */
	size_t unpublished;             /* commits since */
};

/* One file to write in a commit. */
struct change {
	const char *path;       /* relative to the work tree */
	const char *data;
	size_t len;
};

/* Opens the repository containing dir (or the current directory), as git
 * does. Unless readonly (commands that only read: on a server, in a CI
 * checkout), refuses a detached HEAD. In a bare repository workdir is NULL
 * and commands commit without a work tree or an index to update. */
int repo_open(struct repo *r, const char *dir, int readonly, struct diags *dg);
/* Takes the repository's write lock (waiting for other bti commands) and
 * git's index lock (refusing when another process holds it), finishes or
 * forgets what a killed command left (lib/journal.h), then reads HEAD.
 * Every changing command holds both from reading to committing. */
int repo_lock(struct repo *r, struct diags *dg);
/* Reads HEAD (again) and loads bti.yaml, its model and the schema.
 * Returns 0, -1 on a repository or system error (no bti.yaml or model
 * committed, git failing), or REPO_INVALID when bti.yaml or the model is
 * committed but is invalid data (the diagnostics say where). */
#define REPO_INVALID (-2)
int repo_load(struct repo *r, struct diags *dg);
void repo_close(struct repo *r);

/* Reads a file from HEAD's tree. Returns 0, 1 if absent, -1 on error. */
int repo_read(struct repo *r, const char *path, char **data, size_t *len, struct diags *dg);
/* Refuses (-1) when the work tree or the index has a version of path that
 * differs from HEAD's, in content or in type (a symbolic link, a FIFO, the
 * executable bit): a command never overwrites uncommitted work. Refuses as
 * well when a directory on the way is a symbolic link (lib/wtree.h).
 * Needs repo_lock (it reads the index taken with the lock). */
int repo_check_clean(struct repo *r, const char *path, struct diags *dg);
/* Writes the changes as one commit on the current branch (compare-and-swap
 * on the branch), then the work-tree files (atomically) and the index.
 * Puts the new commit id into out (41 bytes). Returns 0 once the branch
 * has moved, with a warning if the work tree or the index could not be
 * brought along (the next command does it). */
int repo_commit(struct repo *r, const struct change *ch, size_t n, const char *msg,
    const git_signature *author, char *out, struct diags *dg);

struct jfile;
/* The second half of repo_commit, for a commit made on HEAD by other means
 * (bti-purge): writes the journal of the files f (lib/journal.h), moves the
 * branch from HEAD to commit (compare-and-swap), then brings the work tree
 * and the index along and releases the index lock; the same return and
 * warnings as repo_commit. */
int repo_advance(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n,
    const char *msg, char *out, struct diags *dg);
/* Batch mode (bti-batch): from now on repo_commit makes the commit and
 * moves HEAD in memory (repo_publish writes them), and leaves the work
 * tree and the index as they are. The
 * journal, written here once, names the commit they are at: a batch killed
 * at any point is finished by the next command, which brings every file
 * that differs between that commit and HEAD to HEAD. repo_check_clean
 * takes the files changed so far as clean (they were when first changed,
 * and the index is locked). */
int repo_batch(struct repo *r, struct diags *dg);
/* In a batch, the commits made since the last call are kept in memory:
 * this writes their objects and moves the branch to the last
 * (one reflog entry, msg). Until then they are in no repository: a batch
 * reports a commit only after this. */
int repo_publish(struct repo *r, const char *msg, struct diags *dg);
/* Brings the work tree and the index to HEAD for every file the batch
 * changed, writes the index once and removes the journal. Returns -1 (with
 * a warning, as repo_commit) when that could not be done; the commits stay. */
int repo_flush(struct repo *r, struct diags *dg);

/* The author: by (or $BTI_USER) as the name, else git config user.name;
 * the email from "Name <email>" or git config user.email. With git NULL,
 * the user's and system's git config are read. */
int repo_author(git_repository *git, const char *by, git_signature **sig, struct diags *dg);

/* libgit2 set for a command about to read every case once (bti-report's
 * scan, bti-list's and bti-due's rows). Small pack windows: they count as
 * resident memory, by default one maps up to 1 GiB, and the limit cannot
 * unmap a window in use; a read front to back needs few at a time (at
 * 100,000 cases 4 MiB windows took bti-report's peak from 128 MB to 83 MB
 * at the same speed, bti-list's from 133 MB to 85 MB; docs/bench.md). No
 * hash of every object read to check its id (7% of a cold report); git
 * itself leaves that to git fsck. zlib still checks each object's bytes,
 * and a case that does not parse is named. */
void repo_read_all(void);

/* Reports a libgit2 failure as a diagnostic; returns -1. */
int git_fail(struct diags *dg, const char *what);

#endif
