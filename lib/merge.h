/* merge.h: three-way merge of a case file, entry by entry. */
#ifndef BTI_MERGE_H
#define BTI_MERGE_H

#include "diag.h"
#include "node.h"

/* Merges theirs into ours (the result replaces od->root, in od's arena
 * and theirs') against base (NULL when both sides added the file).
 * Entries are matched by what they say, so a consent, goal or measure
 * that either side renumbered in an earlier merge is still found. New
 * entries of each append-only list are merged in date order. The ids of
 * one side are kept (ours when keep_ours, else theirs); the other side's
 * take the kept side's ids for the entries both have, keep their own when
 * free, else get the next free number, and its references follow. The
 * places corrections name (meetings/2) are rewritten, on both sides, to
 * where those entries are in the merged lists. Returns
 * 0, or -1 with merge/conflict diagnostics when both sides moved the
 * level, changed the same fixed value, rewrote a past entry, changed the
 * case id, or when a reference (an id or a place) cannot be matched to
 * one entry. */
int merge_case(struct doc *od, struct node *base, struct node *theirs, int keep_ours,
    const char *file, struct diags *dg);

/* How many entries of list in old, from the first, are in new, unchanged
 * and in order, with other entries between and ids renumbered the way
 * merge_case does: new's references, ids and places, follow. */
size_t merge_kept(const struct node *old, const struct node *new, const char *list);

#endif
