/* ilock.c: the index lock, provably ours (ilock.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crash.h"
#include "ilock.h"
#include "util.h"

/* Whether a and b are names of the same file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return lstat(a, &sa) == 0 && lstat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void
ilock_reclaim(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : path;
	if (slash)
		*slash = 0;
	char *lock = xasprintf("%s.lock", path);
	char *prefix = xasprintf("%s.bti-", base);
	size_t n = strlen(prefix);
	DIR *dp = opendir(slash ? dir : ".");
	for (struct dirent *de; dp && (de = readdir(dp));) {
		if (strncmp(de->d_name, prefix, n))
			continue;
		char *f = xasprintf("%s/%s", slash ? dir : ".", de->d_name);
		if (!strncmp(de->d_name + n, "lock.", 5) && same_file(f, lock))
			unlink(lock);
		unlink(f);
		free(f);
	}
	if (dp)
		closedir(dp);
	free(prefix);
	free(lock);
	free(dir);
}

int
ilock_take(struct ilock *l, const char *path, struct diags *dg)
{
	memset(l, 0, sizeof *l);
	l->path = xstrdup(path);
	l->mine = xasprintf("%s.bti-lock.%ld", path, (long)getpid());
	l->copy = xasprintf("%s.bti-new.%ld", path, (long)getpid());
	char *lock = xasprintf("%s.lock", path);
	int fd = open(l->mine, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	int rc = -1;
	if (fd < 0 || close(fd) < 0) {
		diag_add(dg, l->mine, 0, 0, "repo", "cannot create it: %s; nothing was changed", strerror(errno));
	} else if (link(l->mine, lock) < 0) {
		if (errno == EEXIST)
			diag_add(dg, lock, 0, 0, "repo/locked",
			    "the index is locked: another git process is running, or one was killed; "
			    "when no git process is running, remove the lock (rm '%s') and run the command again; "
			    "nothing was changed", lock);
		else
			diag_add(dg, lock, 0, 0, "repo", "cannot lock the index: %s; nothing was changed", strerror(errno));
		unlink(l->mine);
	} else if (link(path, l->copy) < 0 && errno != ENOENT) {
		diag_add(dg, l->copy, 0, 0, "repo", "cannot copy the index: %s; nothing was changed", strerror(errno));
		unlink(lock);
		unlink(l->mine);
	} else if (git_index_open(&l->idx, l->copy) < 0) {
		const git_error *e = git_error_last();
		diag_add(dg, path, 0, 0, "repo", "cannot read the index: %s; nothing was changed", e ? e->message : "unknown error");
		l->idx = NULL;
		unlink(l->copy);
		unlink(lock);
		unlink(l->mine);
	} else {
		rc = 0;
		crash_point("locked");
	}
	free(lock);
	if (rc < 0) {
		free(l->path);
		free(l->mine);
		free(l->copy);
		memset(l, 0, sizeof *l);
	}
	return rc;
}

int
ilock_commit(struct ilock *l)
{
	/* git_index_write replaces the copy (a link to the index until now)
	 * by a new file through its own COPY.lock, leaving the index alone. */
	if (git_index_write(l->idx) < 0)
		return -1;
	crash_point("index");
	if (rename(l->copy, l->path) < 0)
		return -1;
	crash_point("renamed");
	return 0;
}

void
ilock_release(struct ilock *l)
{
	if (!l->idx)
		return;
	char *lock = xasprintf("%s.lock", l->path);
	char *copylock = xasprintf("%s.lock", l->copy);
	if (same_file(l->mine, lock))
		unlink(lock);
	unlink(l->mine);
	unlink(l->copy);
	unlink(copylock);
	free(copylock);
	free(lock);
	git_index_free(l->idx);
	free(l->path);
	free(l->mine);
	free(l->copy);
	memset(l, 0, sizeof *l);
}
