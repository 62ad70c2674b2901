/* cache.h: the entries of a cache file under .git, each checksummed. */
#ifndef BTI_CACHE_H
#define BTI_CACHE_H

#include <git2.h>
#include <stdio.h>

#include "util.h"

/* An entry is
 *     <hex blob id> [<tag> ]<length>\n<text><hex checksum>\n
 * the tag of a fixed width given by the cache (none when 0), the checksum
 * 16 hex digits of a 64-bit hash of everything before it in the entry
 * (cache.c), so that any change to an entry, even one that keeps its
 * length, is seen; the length makes the entry unambiguous whatever bytes
 * the text holds. The hash is not SHA-1: a warm run checks every entry,
 * and SHA-1 (with its collision detection) took two thirds of bti-list's
 * time at 100,000 cases; it guards against damage, and whoever can write
 * the git directory can write anything else there too. */
#define CACHE_SUMSZ 16
struct cache_entry {
	git_oid oid;
	const char *tag, *text;
	size_t len;
};

/* The SHA-1 of n bytes, as hex (for what a cache's header names). */
void cache_checksum(const void *p, size_t n, char hex[GIT_OID_HEXSZ + 1]);
/* Appends an entry to b. */
void cache_put(struct buf *b, const git_oid *oid, const char *tag, size_t taglen, const char *text,
    size_t len);
/* The entry at *p, moving *p past it: 1 when it is good, 0 when it fails
 * its checksum, -1 at the end or when the entry is damaged so that no way
 * leads to the next one. */
int cache_next(const char **p, const char *end, size_t taglen, struct cache_entry *e);
/* A cache written entry by entry (at 100,000 cases the whole cache in one
 * buffer was a third of bti-report's peak memory) to a temporary file,
 * renamed over the cache at the end. Not synced: a cache cut short by a
 * crash fails its checksums, and its cases are read again. */
struct cache_out {
	char *path, *tmp;
	FILE *f;
	struct buf b;
	int ok;
};

void cache_begin(struct cache_out *o, const char *path, const char *header);
/* Writes an entry, as cache_put. */
void cache_add(struct cache_out *o, const git_oid *oid, const char *tag, size_t taglen,
    const char *text, size_t len);
/* Puts the cache in place; one that could not be written is removed, as
 * it only costs time next run. */
void cache_end(struct cache_out *o);

#endif
