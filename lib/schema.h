/* schema.h: the subset of JSON Schema (draft 2020-12) that case.schema.json uses. */
#ifndef BTI_SCHEMA_H
#define BTI_SCHEMA_H

#include <regex.h>

#include "diag.h"
#include "node.h"

struct schema_rx;
struct schema_rule;

struct schema {
	struct doc d;
	struct schema_rx *rx;   /* compiled "pattern" regexes, one per schema node */
	size_t nrx;
	struct schema_rule **rules; /* keywords per schema node, filled as visited */
	size_t nrules, caprules;
};

/* Parses a JSON Schema (JSON is read as YAML); name is used in diagnostics. */
int schema_parse(struct schema *s, const char *name, const char *buf, size_t len,
    struct diags *dg);
void schema_free(struct schema *s);

/* Checks inst against the schema; every problem becomes a diagnostic naming
 * file, line and column of the offending node. Returns the number of errors. */
size_t schema_validate(struct schema *s, const struct node *inst,
    const char *file, struct diags *dg);

/* Reorders mapping keys to the order of the schema's "properties";
 * keys the schema does not name keep their relative order, after the rest. */
void schema_order(const struct schema *s, struct doc *d, struct node *inst);

#endif
