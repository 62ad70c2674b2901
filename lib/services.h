/* services.h: the municipality's register of services in bti.yaml. */
#ifndef BTI_SERVICES_H
#define BTI_SERVICES_H

#include "diag.h"
#include "node.h"
#include "util.h"

/* The kinds a service can be, in the order reports list them. */
extern const char *const service_kinds[];

/* 1 when word is one of service_kinds. */
int services_is_kind(const char *word);
/* Checks bti.yaml's services: list (NULL: there is none): every entry a
 * name, a kind of service_kinds and optional aliases, no name or alias
 * twice (in any letter case). Returns the number of errors. */
size_t services_check(const struct node *list, struct diags *dg);
/* The register's name for name: the name itself without a register, the
 * canonical name for a name or an alias in any letter case, NULL when the
 * register lacks it. */
const char *services_resolve(const struct node *list, const char *name);
/* The kind of a registered service, or NULL. */
const char *services_kind(const struct node *list, const char *name);
/* The registered name nearest to name (edit distance, accents and letter
 * case aside), and up to two more as near as a third of its length, as
 * "'A', 'B' or 'C'". */
void services_nearest(const struct node *list, const char *name, struct buf *out);
/* The register as lines of name, kind, aliases (';'-separated), escaped
 * as bti-list(1) escapes fields. */
void services_tsv(const struct node *list, struct buf *out);

#endif
