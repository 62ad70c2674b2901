/* wtree.c: work-tree files without following symbolic links. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "wtree.h"

/* Opens the directory holding rel's last component, one component at a
 * time; with create, makes the missing ones. *base is that last component. */
static int
open_parent(const char *top, const char *rel, int create, const char **base, size_t *bad)
{
	int fd = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const char *p = rel;
	*bad = 0;
	for (const char *slash; fd >= 0 && (slash = strchr(p, '/'));) {
		char *name = xstrndup(p, (size_t)(slash - p));
		int next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0 && errno == ENOENT && create && mkdirat(fd, name, 0755) == 0)
			next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0) {
			struct stat st;
			int saved = errno;
			/* O_NOFOLLOW|O_DIRECTORY on a link fails with ENOTDIR or ELOOP. */
			if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
				saved = ELOOP;
			*bad = (size_t)(slash - rel);
			errno = saved;
		}
		free(name);
		close(fd);
		fd = next;
		p = slash + 1;
	}
	*base = p;
	return fd;
}

int
wt_lstat(const char *top, const char *rel, struct stat *st, size_t *bad)
{
	const char *base;
	int dfd = open_parent(top, rel, 0, &base, bad);
	if (dfd < 0)
		return -1;
	int rc = fstatat(dfd, base, st, AT_SYMLINK_NOFOLLOW);
	int saved = errno;
	close(dfd);
	if (rc < 0) {
		*bad = strlen(rel);
		errno = saved;
	}
	return rc;
}

int
wt_read(const char *top, const char *rel, size_t max, char **data, size_t *len,
    struct stat *st, size_t *bad)
{
	const char *base;
	int dfd = open_parent(top, rel, 0, &base, bad);
	if (dfd < 0)
		return -1;
	*bad = strlen(rel);
	/* Looked at before it is opened: opening a device can do things. The
	 * open does not follow a link nor wait for a FIFO's writer either, in
	 * case the file was replaced in between. */
	int fd = -1, saved = 0;
	if (fstatat(dfd, base, st, AT_SYMLINK_NOFOLLOW) < 0)
		saved = errno;
	else if (!S_ISREG(st->st_mode))
		saved = S_ISLNK(st->st_mode) ? ELOOP : EINVAL;
	else if ((fd = openat(dfd, base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0)
		saved = errno;
	close(dfd);
	if (fd < 0) {
		errno = saved;
		return -1;
	}
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	if ((size_t)st->st_size > max) {
		close(fd);
		errno = EFBIG;
		return -1;
	}
	char *p = xmalloc((size_t)st->st_size + 1);
	size_t got = 0;
	ssize_t r;
	while (got <= (size_t)st->st_size && (r = read(fd, p + got, (size_t)st->st_size + 1 - got)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			saved = errno;
			free(p);
			close(fd);
			errno = saved;
			return -1;
		}
		got += (size_t)r;
	}
	close(fd);
	if (got > (size_t)st->st_size) {        /* grew while read: not what fstat saw */
		free(p);
		errno = EAGAIN;
		return -1;
	}
	p[got] = 0;
	*data = p;
	*len = got;
	return 0;
}

int wt_sync = 1;

int
wt_write(const char *top, const char *rel, const void *data, size_t len, struct stat *st,
    size_t *bad)
{
	const char *base;
	int dfd = open_parent(top, rel, 1, &base, bad);
	if (dfd < 0)
		return -1;
	*bad = strlen(rel);
	char *tmp = xasprintf("%s.bti-tmp.%ld", base, (long)getpid());
	int fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	int saved = 0;
	const char *p = data;
	for (size_t left = len; fd >= 0 && left;) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		p += w;
		left -= (size_t)w;
	}
	if (fd < 0 || p != (const char *)data + len || (wt_sync && fsync(fd) < 0) || fstat(fd, st) < 0)
		saved = errno;
	if (fd >= 0 && close(fd) < 0 && !saved)
		saved = errno;
	if (!saved && renameat(dfd, tmp, dfd, base) < 0)
		saved = errno;
	if (saved)
		unlinkat(dfd, tmp, 0);
	else if (wt_sync)
		fsync(dfd);             /* the rename itself, durable */
	close(dfd);
	free(tmp);
	errno = saved;
	return saved ? -1 : 0;
}

int
wt_remove(const char *top, const char *rel, size_t *bad)
{
	const char *base;
	int dfd = open_parent(top, rel, 0, &base, bad);
	if (dfd < 0)
		return -1;
	*bad = strlen(rel);
	int rc = unlinkat(dfd, base, 0), saved = errno;
	close(dfd);
	/* The emptied directories, deepest first; stops at one still used. */
	char *dir = xstrdup(rel);
	for (char *slash; rc == 0 && (slash = strrchr(dir, '/'));) {
		*slash = 0;
		size_t dbad;
		if ((dfd = open_parent(top, dir, 0, &base, &dbad)) < 0)
			break;
		int gone = unlinkat(dfd, base, AT_REMOVEDIR) == 0;
		close(dfd);
		if (!gone)
			break;
	}
	free(dir);
	errno = saved;
	return rc;
}

void
wt_remove_temps(const char *top, const char *rel)
{
	const char *base;
	size_t bad;
	int dfd = open_parent(top, rel, 0, &base, &bad);
	if (dfd < 0)
		return;
	int lfd = dup(dfd);
	DIR *dp = lfd >= 0 ? fdopendir(lfd) : NULL;
	size_t n = strlen(base);
	for (struct dirent *de; dp && (de = readdir(dp));)
		if (!strncmp(de->d_name, base, n) && !strncmp(de->d_name + n, ".bti-tmp.", 9))
			unlinkat(dfd, de->d_name, 0);
	if (dp)
		closedir(dp);
	else if (lfd >= 0)
		close(lfd);
	close(dfd);
}

const char *
wt_kind(mode_t mode)
{
	return S_ISLNK(mode) ? "a symbolic link" : S_ISFIFO(mode) ? "a FIFO" : S_ISDIR(mode) ? "a directory" :
	    S_ISSOCK(mode) ? "a socket" : S_ISCHR(mode) || S_ISBLK(mode) ? "a device" :
	    S_ISREG(mode) ? "a file" : "not a regular file";
}
