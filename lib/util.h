/* util.h: allocation that never returns NULL, formatted strings, files. */
#ifndef BTI_UTIL_H
#define BTI_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer. */
struct buf {
	char *p;
	size_t len, cap;
};
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

/* Reads a whole file of at most max bytes. Returns 0, or -1 with errno set
 * (EFBIG when the file is larger than max). */
int read_file(const char *path, size_t max, char **out, size_t *len);
/* Writes data to path atomically: temporary file, fsync, rename, fsync dir. */
int write_file_atomic(const char *path, const void *data, size_t len, int mode);

#endif
