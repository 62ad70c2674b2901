/* yamlio.h: strict YAML reading into a node tree and deterministic writing. */
#ifndef BTI_YAMLIO_H
#define BTI_YAMLIO_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

/* The largest file any command reads: a case is a few kilobytes. */
#define YAML_MAX_BYTES (1024 * 1024)
/* Deeper nesting than this is refused: no case needs it. */
#define YAML_MAX_DEPTH 32

/* Parses buf into d->root. Refuses any encoding but UTF-8 (a UTF-8 BOM is
 * allowed), %YAML and %TAG directives, aliases and anchors, explicit tags
 * other than !!str, plain numbers YAML 1.1 and 1.2 read differently (010,
 * 0x1F, 1e3), raw NEL/LS/PS, keys equal by text or by YAML value (1 and +1,
 * ~ and null), non-scalar keys, several documents, invalid UTF-8 and deep
 * nesting. On error adds one diagnostic (named d->name) and returns -1. An
 * empty document gives a NULL root. */
int yaml_read(struct doc *d, const char *buf, size_t len, struct diags *dg);

/* Reads and parses a file (at most YAML_MAX_BYTES). */
int yaml_read_file(struct doc *d, const char *path, struct diags *dg);

/* Serializes a tree: block style, keys in stored order, strings that a YAML
 * 1.1 or 1.2 reader would read back as another type double-quoted, NEL, LS
 * and PS escaped. Returns a malloc'd NUL-terminated buffer,
 * or NULL when a string is not valid UTF-8. */
char *yaml_write(const struct node *root, size_t *len);

/* 1 when s is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
int utf8_valid(const char *s);

/* How a plain scalar with this text resolves. */
enum ntype yaml_resolve(const char *s, size_t len);

#endif
