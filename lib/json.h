/* json.h: JSON text out of case data. */
#ifndef BTI_JSON_H
#define BTI_JSON_H

#include "node.h"
#include "util.h"

/* A string, quoted and escaped (the input is valid UTF-8). */
void json_string(struct buf *b, const char *s);
/* A YAML tree as bti reads it: mappings in their order, integers and
 * booleans as such, null as null, dates and every other scalar as strings;
 * a float as a number when its text is one in JSON, else as a string. */
void json_node(struct buf *b, const struct node *n, int indent);

#endif
