/* cache.h: the entries of a cache file under .git, each checksummed. */
#ifndef BTI_CACHE_H
#define BTI_CACHE_H

#include <git2.h>

#include "util.h"

/* An entry is
 *     <hex blob id> [<tag> ]<length>\n<text><hex checksum>\n
 * the tag of a fixed width given by the cache (none when 0), the checksum
 * the git object id of everything before it in the entry, so that any
 * change to an entry, even one that keeps its length, is seen; the length
 * makes the entry unambiguous whatever bytes the text holds. */
struct cache_entry {
	git_oid oid;
	const char *tag, *text;
	size_t len;
};

/* The checksum of n bytes, as hex. */
void cache_checksum(const void *p, size_t n, char hex[GIT_OID_HEXSZ + 1]);
/* Appends an entry to b. */
void cache_put(struct buf *b, const git_oid *oid, const char *tag, size_t taglen, const char *text,
    size_t len);
/* The entry at *p, moving *p past it: 1 when it is good, 0 when it fails
 * its checksum, -1 at the end or when the entry is damaged so that no way
 * leads to the next one. */
int cache_next(const char **p, const char *end, size_t taglen, struct cache_entry *e);
/* Writes a cache atomically; one that cannot be written is removed, as it
 * only costs time next run. */
void cache_save(const char *path, const struct buf *b);

#endif
