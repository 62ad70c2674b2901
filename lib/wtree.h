/* wtree.h: files in the work tree, reached without following a symbolic
 * link: every component of a path is opened with O_NOFOLLOW, so a link in
 * or under cases/ can never send a read or a write outside the repository. */
#ifndef BTI_WTREE_H
#define BTI_WTREE_H

#include <stddef.h>
#include <sys/stat.h>

/* Each function takes top (the work tree, ending in '/') and rel (a path
 * under it, '/'-separated). On failure they return -1 with errno set, and
 * *bad is the length of the prefix of rel at fault: ELOOP when it is a
 * symbolic link, ENOTDIR when it is not a directory, ENOENT when absent. */

/* lstat of rel. */
int wt_lstat(const char *top, const char *rel, struct stat *st, size_t *bad);
/* Reads rel, at most max bytes (else EFBIG), without blocking on a FIFO:
 * anything but a regular file fails with EINVAL (st says what it is). */
int wt_read(const char *top, const char *rel, size_t max, char **data, size_t *len,
    struct stat *st, size_t *bad);
/* Writes rel atomically (a temporary file NAME.bti-tmp.PID, fsync, rename,
 * fsync of the directory), making missing directories; st is the new file's. */
/* 0: wt_write leaves the flushing to the caller (a batch writing many
 * files syncs the file system once). */
extern int wt_sync;
int wt_write(const char *top, const char *rel, const void *data, size_t len, struct stat *st,
    size_t *bad);
/* Removes the file rel (never what a symbolic link points to), then the
 * directories on its way that it leaves empty, as git does. */
int wt_remove(const char *top, const char *rel, size_t *bad);
/* Removes the temporary files a killed wt_write left next to rel. */
void wt_remove_temps(const char *top, const char *rel);
/* What a file that is not a regular file is: "a symbolic link", "a FIFO"... */
const char *wt_kind(mode_t mode);

#endif
