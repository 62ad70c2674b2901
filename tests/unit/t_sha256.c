/* t_sha256.c: the FIPS 180-4 test vectors, and lengths around the padding. */
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "tap.h"

int
main(void)
{
	char out[65];
	sha256_hex("", 0, out);
	ok(!strcmp(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "empty");
	sha256_hex("abc", 3, out);
	ok(!strcmp(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "abc");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(two, strlen(two), out);
	ok(!strcmp(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
	    "two blocks (56 bytes: the length goes into a second block)");
	char *a = malloc(1000000);
	memset(a, 'a', 1000000);
	sha256_hex(a, 1000000, out);
	ok(!strcmp(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
	    "a million times 'a'");
	free(a);
	return done_testing();
}
