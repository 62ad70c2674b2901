/* cache.c: the entries of a cache file under .git, each checksummed. */
#include <stdint.h>
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

/* The entry's checksum: eight bytes (little-endian) at a step, each step
 * a bijection of the state, so that an edit of one word is always seen. */
static void
entry_sum(const void *p, size_t n, char hex[CACHE_SUMSZ + 1])
{
	const unsigned char *b = p;
	const uint64_t m = 0x9e3779b97f4a7c15u;
	uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)n;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w = 0;
		if (i + 8 <= n) {
			memcpy(&w, b + i, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			w = __builtin_bswap64(w);
#endif
		} else {
			for (size_t k = 0; i + k < n; k++)
				w |= (uint64_t)b[i + k] << (8 * k);
		}
		h = (h ^ w) * m;
		h ^= h >> 31;
	}
	h ^= h >> 29;
	h *= m;
	h ^= h >> 32;
	for (int i = CACHE_SUMSZ - 1; i >= 0; i--, h >>= 4)
		hex[i] = "0123456789abcdef"[h & 15];
	hex[CACHE_SUMSZ] = 0;
}

void
cache_put(struct buf *b, const git_oid *oid, const char *tag, size_t taglen, const char *text,
    size_t len)
{
	char hex[GIT_OID_HEXSZ + 1], sum[CACHE_SUMSZ + 1];
	size_t start = b->len;
	buf_printf(b, "%s ", git_oid_tostr(hex, sizeof hex, oid));
	if (taglen) {
		buf_add(b, tag, taglen);
		buf_puts(b, " ");
	}
	buf_printf(b, "%zu\n", len);
	buf_add(b, text, len);
	entry_sum(b->p + start, b->len - start, sum);
	buf_printf(b, "%s\n", sum);
}

int
cache_next(const char **p, const char *end, size_t taglen, struct cache_entry *e)
{
	const char *s = *p, *q = s + GIT_OID_HEXSZ + 1 + (taglen ? taglen + 1 : 0);
	size_t n = 0, digits = 0;
	char sum[CACHE_SUMSZ + 1];
	if (q >= end || git_oid_fromstrn(&e->oid, s, GIT_OID_HEXSZ) < 0 || s[GIT_OID_HEXSZ] != ' ' ||
	    (taglen && q[-1] != ' '))
		return -1;
	for (; q < end && *q >= '0' && *q <= '9' && digits < 9; q++, digits++)
		n = n * 10 + (size_t)(*q - '0');
	if (!digits || q == end || *q != '\n')
		return -1;
	const char *text = q + 1;
	if (n > (size_t)(end - text) || (size_t)(end - text) - n < CACHE_SUMSZ + 1 ||
	    text[n + CACHE_SUMSZ] != '\n')
		return -1;
	e->tag = s + GIT_OID_HEXSZ + 1;
	e->text = text;
	e->len = n;
	*p = text + n + CACHE_SUMSZ + 1;
	entry_sum(s, (size_t)(text + n - s), sum);
	return memcmp(sum, text + n, CACHE_SUMSZ) == 0;
}

void
cache_begin(struct cache_out *o, const char *path, const char *header)
{
	memset(o, 0, sizeof *o);
	o->path = xstrdup(path);
	o->tmp = xasprintf("%s.bti-tmp.%ld", path, (long)getpid());
	o->f = fopen(o->tmp, "w");
	o->ok = o->f && fputs(header, o->f) >= 0;
}

void
cache_add(struct cache_out *o, const git_oid *oid, const char *tag, size_t taglen,
    const char *text, size_t len)
{
	o->b.len = 0;
	cache_put(&o->b, oid, tag, taglen, text, len);
	o->ok = o->ok && fwrite(o->b.p, 1, o->b.len, o->f) == o->b.len;
}

void
cache_end(struct cache_out *o)
{
	if (o->f && fclose(o->f) != 0)
		o->ok = 0;
	if (!o->ok || rename(o->tmp, o->path) < 0) {
		unlink(o->tmp);
		unlink(o->path);
	}
	free(o->tmp);
	free(o->path);
	buf_free(&o->b);
}
