/* json.h: JSON text for the archival package: strings and YAML trees. */
#ifndef BTI_JSON_H
#define BTI_JSON_H

#include "node.h"
#include "util.h"

/* s as a JSON string; control, bidi and invalid bytes as \uXXXX. */
void json_string(struct buf *b, const char *s);
/* A YAML tree as JSON: mappings as objects (keys in stored order),
 * integers and booleans as such, dates and other scalars as strings. The
 * text is indented by indent spaces per level, starting at depth. */
void json_node(struct buf *b, const struct node *n, int depth);

#endif
