/* sha256.h: SHA-256 (FIPS 180-4) for the archival package's manifest.
 * None of libyaml, libgit2 (its hash functions are internal) or cmark
 * offers it, so it is here (README.md, "Dependencies"). */
#ifndef BTI_SHA256_H
#define BTI_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* The digest of data as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
