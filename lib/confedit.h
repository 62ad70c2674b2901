/* confedit.h: changing bti.yaml as one validated commit. */
#ifndef BTI_CONFEDIT_H
#define BTI_CONFEDIT_H

#include "op.h"

/* Opens and locks the repository (op_begin) and reads bti.yaml from HEAD
 * into o->doc, refusing uncommitted edits of it. Returns an exit code. */
int confedit_begin(struct op *o, struct cli *c);
/* Adds the service, or replaces the entry of that name (any letter case). */
void confedit_service(struct op *o, const char *name, const char *kind,
    const char *const *aliases, int naliases);
/* Removes a service from the register; refuses (1) when it is not there. */
int confedit_remove_service(struct op *o, const char *name);
/* Sets a top-level key to a scalar of the type bti.yaml wants. */
void confedit_set(struct op *o, const char *key, const char *value);
/* Checks the new bti.yaml as every command will read it and commits it
 * with the message "bti-config: <what>". Prints the commit id. */
int confedit_commit(struct op *o, const char *what);

#endif
