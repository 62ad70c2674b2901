/* cache.c: the entries of a cache file under .git, each checksummed. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"

void
cache_checksum(const void *p, size_t n, char hex[GIT_OID_HEXSZ + 1])
{
	git_oid sum;
	if (git_odb_hash(&sum, p, n, GIT_OBJECT_BLOB) < 0)
		memset(&sum, 0, sizeof sum);
	git_oid_tostr(hex, GIT_OID_HEXSZ + 1, &sum);
}

void
cache_put(struct buf *b, const git_oid *oid, const char *tag, size_t taglen, const char *text,
    size_t len)
{
	char hex[GIT_OID_HEXSZ + 1];
	size_t start = b->len;
	buf_printf(b, "%s ", git_oid_tostr(hex, sizeof hex, oid));
	if (taglen) {
		buf_add(b, tag, taglen);
		buf_puts(b, " ");
	}
	buf_printf(b, "%zu\n", len);
	buf_add(b, text, len);
	cache_checksum(b->p + start, b->len - start, hex);
	buf_printf(b, "%s\n", hex);
}

int
cache_next(const char **p, const char *end, size_t taglen, struct cache_entry *e)
{
	const char *s = *p, *q = s + GIT_OID_HEXSZ + 1 + (taglen ? taglen + 1 : 0);
	size_t n = 0, digits = 0;
	char hex[GIT_OID_HEXSZ + 1];
	if (q >= end || git_oid_fromstrn(&e->oid, s, GIT_OID_HEXSZ) < 0 || s[GIT_OID_HEXSZ] != ' ' ||
	    (taglen && q[-1] != ' '))
		return -1;
	for (; q < end && *q >= '0' && *q <= '9' && digits < 9; q++, digits++)
		n = n * 10 + (size_t)(*q - '0');
	if (!digits || q == end || *q != '\n')
		return -1;
	const char *text = q + 1;
	if (n > (size_t)(end - text) || (size_t)(end - text) - n < GIT_OID_HEXSZ + 1 ||
	    text[n + GIT_OID_HEXSZ] != '\n')
		return -1;
	e->tag = s + GIT_OID_HEXSZ + 1;
	e->text = text;
	e->len = n;
	*p = text + n + GIT_OID_HEXSZ + 1;
	cache_checksum(s, (size_t)(text + n - s), hex);
	return memcmp(hex, text + n, GIT_OID_HEXSZ) == 0;
}

void
cache_save(const char *path, const struct buf *b)
{
	if (write_file_atomic(path, b->p ? b->p : "", b->len, 0644) < 0)
		unlink(path);
}
