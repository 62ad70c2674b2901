/* t_cache.c: cache entries read back, whatever bytes they hold; an edit
 * that keeps the length fails the checksum; a damaged length stops. */
#include <string.h>

#include "cache.h"
#include "tap.h"

int
main(void)
{
	git_libgit2_init();
	struct buf b = { 0 };
	git_oid a, c;
	git_oid_fromstr(&a, "0123456789abcdef0123456789abcdef01234567");
	git_oid_fromstr(&c, "89abcdef0123456789abcdef0123456789abcdef");
	/* Text that looks like an entry's head and its checksum. */
	const char text[] = "x\n0123456789abcdef0123456789abcdef01234567 3\n\0\n";
	cache_put(&b, &a, "2026-ABCDEF", 11, text, sizeof text - 1);
	cache_put(&b, &c, "2026-GHIJKL", 11, "", 0);
	const char *p = b.p, *end = b.p + b.len;
	struct cache_entry e;
	is_int(cache_next(&p, end, 11, &e), 1, "first entry good");
	ok(git_oid_equal(&e.oid, &a) && !memcmp(e.tag, "2026-ABCDEF", 11), "its blob id and tag");
	ok(e.len == sizeof text - 1 && !memcmp(e.text, text, e.len), "its text, every byte");
	is_int(cache_next(&p, end, 11, &e), 1, "second entry good");
	ok(git_oid_equal(&e.oid, &c) && e.len == 0, "an empty text");
	is_int(cache_next(&p, end, 11, &e), -1, "then the end");

	/* One byte of the text changed, the length kept. */
	char *x = strchr(b.p, '\n') + 1;
	*x = 'y';
	p = b.p;
	is_int(cache_next(&p, end, 11, &e), 0, "an edited text fails its checksum");
	is_int(cache_next(&p, end, 11, &e), 1, "the next entry is still read");
	*x = 'x';
	/* A length that points past the entry's checksum line. */
	x = strchr(b.p, '\n') - 1;
	*x = '9';
	p = b.p;
	is_int(cache_next(&p, end, 11, &e), -1, "a damaged length: no way to the next entry");
	*x = '7';

	buf_free(&b);
	b = (struct buf){ 0 };
	cache_put(&b, &a, NULL, 0, "row\tfields", 10);
	ok(!memcmp(b.p, "0123456789abcdef0123456789abcdef01234567 10\nrow\tfields", 54), "no tag");
	p = b.p;
	is_int(cache_next(&p, b.p + b.len, 0, &e), 1, "an untagged entry good");
	is_int(cache_next(&p, b.p + b.len, 11, &e), -1, "nothing after it");
	buf_free(&b);
	git_libgit2_shutdown();
	return done_testing();
}
