/* branch.c: the branch's compare-and-swap under a lock bti can prove its own (branch.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "branch.h"
#include "crash.h"
#include "util.h"

static char *
mine_path(struct repo *r, long pid)
{
	return xasprintf("%sbti-ref-lock.%ld", git_repository_path(r->git), pid);
}

static char *
lock_path(struct repo *r)
{
	return xasprintf("%s%s.lock", git_repository_commondir(r->git), r->refname);
}

void
branch_reclaim(struct repo *r)
{
	const char *gitdir = git_repository_path(r->git);
	char *lock = lock_path(r);
	struct stat sl, sm;
	int have_lock = lstat(lock, &sl) == 0;
	DIR *dp = opendir(gitdir);
	for (struct dirent *de; dp && (de = readdir(dp));) {
		if (strncmp(de->d_name, "bti-ref-lock.", 13))
			continue;
		char *f = xasprintf("%s%s", gitdir, de->d_name);
		if (have_lock && lstat(f, &sm) == 0 && sm.st_dev == sl.st_dev && sm.st_ino == sl.st_ino)
			unlink(lock);
		unlink(f);
		free(f);
	}
	if (dp)
		closedir(dp);
	free(lock);
}

/* Makes the directories on the way to path. */
static int
mkdirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; rc == 0 && (s = strchr(s, '/')); s++) {
		*s = 0;
		if (mkdir(p, 0755) < 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Whether git would log updates of this ref (core.logAllRefUpdates). */
static int
should_log(struct repo *r, const char *logpath)
{
	struct stat st;
	if (stat(logpath, &st) == 0)
		return 1;
	git_config *cfg;
	git_config_entry *e = NULL;
	int yes = !git_repository_is_bare(r->git), b;
	if (git_repository_config_snapshot(&cfg, r->git) == 0) {
		if (git_config_get_entry(&e, cfg, "core.logAllRefUpdates") == 0)
			yes = !strcmp(e->value, "always") || (git_config_parse_bool(&b, e->value) == 0 && b);
		git_config_entry_free(e);
		git_config_free(cfg);
	}
	return yes;
}

/* Appends the update to the reflog at logpath, as git does. */
static int
reflog(struct repo *r, const char *logpath, const char *line)
{
	if (!should_log(r, logpath))
		return 0;
	if (mkdirs(logpath) < 0)
		return -1;
	int fd = open(logpath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	int rc = write_all(fd, line, strlen(line));
	int saved = errno;
	if (close(fd) < 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

/* The reflog line: old and new id, who (git's identity, else unknown),
 * when, and the message on one line. */
static char *
log_line(struct repo *r, const git_oid *old, const git_oid *new, const char *msg)
{
	git_signature *who = NULL;
	if (git_signature_default(&who, r->git) < 0)
		git_signature_now(&who, "unknown", "unknown");
	char a[GIT_OID_HEXSZ + 1], b[GIT_OID_HEXSZ + 1];
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	char *one = xstrndup(msg, n);
	for (char *p = one; *p; p++)
		if (*p == '\n')
			*p = ' ';
	int off = who ? who->when.offset : 0;
	char *line = xasprintf("%s %s %s <%s> %lld %c%02d%02d\t%s\n",
	    old ? git_oid_tostr(a, sizeof a, old) : "0000000000000000000000000000000000000000",
	    git_oid_tostr(b, sizeof b, new), who ? who->name : "unknown", who ? who->email : "unknown",
	    who ? (long long)who->when.time : 0LL, off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60, one);
	free(one);
	git_signature_free(who);
	return line;
}

int
branch_move(struct repo *r, const git_oid *old, const git_oid *new, const char *msg,
    struct diags *dg)
{
	char *mine = mine_path(r, (long)getpid()), *lock = lock_path(r);
	char *ref = xasprintf("%s%s", git_repository_commondir(r->git), r->refname);
	char hex[GIT_OID_HEXSZ + 2];
	git_oid_tostr(hex, GIT_OID_HEXSZ + 1, new);
	strcat(hex, "\n");
	int rc = -1, locked = 0;
	int fd = open(mine, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write_all(fd, hex, strlen(hex)) < 0 || close(fd) < 0) {
		diag_add(dg, NULL, 0, 0, "repo", "cannot move the branch to the new commit: %s; nothing was changed",
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	if (mkdirs(ref) < 0 || link(mine, lock) < 0) {
		if (errno == EEXIST)
			diag_add(dg, NULL, 0, 0, "repo/locked",
			    "the branch is locked (%s): another git process is updating it, or one was killed; "
			    "when no git process is running, remove that file and run the command again; "
			    "nothing was changed", lock);
		else
			diag_add(dg, NULL, 0, 0, "repo", "cannot lock the branch: %s; nothing was changed",
			    strerror(errno));
		goto out;
	}
	locked = 1;
	/* Compare-and-swap: under the lock, the branch must still be where
	 * this command read it. */
	git_oid cur;
	int got = git_reference_name_to_id(&cur, r->git, r->refname);
	if (old ? got != 0 || !git_oid_equal(&cur, old) : got != GIT_ENOTFOUND) {
		diag_add(dg, NULL, 0, 0, "repo", "the branch moved while this command ran; nothing was changed, run it again");
		goto out;
	}
	char *line = log_line(r, old, new, msg);
	char *blog = xasprintf("%slogs/%s", git_repository_commondir(r->git), r->refname);
	char *hlog = xasprintf("%slogs/HEAD", git_repository_path(r->git));
	int logged = reflog(r, blog, line) == 0 && reflog(r, hlog, line) == 0;
	free(hlog);
	free(blog);
	free(line);
	crash_point("branch-locked");
	if (!logged || rename(lock, ref) < 0) {
		diag_add(dg, NULL, 0, 0, "repo", "cannot move the branch to the new commit: %s; nothing was changed",
		    strerror(errno));
		goto out;
	}
	locked = 0;
	rc = 0;
out:
	if (locked)
		unlink(lock);
	unlink(mine);
	free(ref);
	free(lock);
	free(mine);
	return rc;
}
