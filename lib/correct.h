/* correct.h: corrections: a later, dated entry that withdraws an entry
 * recorded by mistake, so the record keeps both (bti-correct). */
#ifndef BTI_CORRECT_H
#define BTI_CORRECT_H

#include "diag.h"
#include "node.h"

/* The entry a name gives: an id of a consent, goal or measure (c1, g2, m3),
 * or LIST/N, the Nth entry (from 1) of a list (levels/3, meetings/2).
 * Sets *list and *index; NULL when there is no such entry. */
const struct node *correct_find(const struct node *root, const char *name, const char **list,
    size_t *index);
/* The name an entry is withdrawn by: its id when it has one, else LIST/N. */
void correct_name(const struct node *entry, const char *list, size_t index, char out[48]);
/* The correction that withdraws entry, or NULL. */
const struct node *correct_withdrawn(const struct node *root, const struct node *entry);
/* The corrections themselves: each names an entry there is, once, not the
 * opening level, and is dated in order, on or after the entry. */
size_t correct_check(const struct node *root, const char *file, struct diags *dg);
/* The case as the rules and the statistics see it: every list without its
 * withdrawn entries. Shares the nodes of root; root itself when nothing is
 * withdrawn. view is set up here; doc_free it when done. */
const struct node *case_view(struct doc *view, const struct node *root);

#endif
