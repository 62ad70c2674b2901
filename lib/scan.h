/* scan.h: every case of a commit as statistics facts: read in parallel,
 * and remembered by blob id so an unchanged case is never read again. */
#ifndef BTI_SCAN_H
#define BTI_SCAN_H

#include "facts.h"
#include "repo.h"

/* Calls fn with the facts of every schema-valid case in r->tree, in path
 * order. Invalid cases are reported in dg and skipped. The cache lives in
 * the git directory (bti-cache) and is keyed by blob id: the content hash,
 * so it can never return facts of another version of a file. */
int scan_cases(struct repo *r, void (*fn)(const struct facts *, void *), void *arg,
    struct diags *dg);

#endif
