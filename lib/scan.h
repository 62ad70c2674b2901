/* scan.h: every case of a commit as statistics facts: read in parallel,
 * and remembered by blob id so an unchanged case is never read again. */
#ifndef BTI_SCAN_H
#define BTI_SCAN_H

#include "facts.h"
#include "repo.h"

/* Calls fn with the facts of every case in r->tree that bti-check accepts
 * (cached ones first, then the others, each in path order). Every other
 * file under cases/ named *.yaml, and every case that cannot be read or is
 * invalid, is reported in dg with its path and not counted. The cache lives
 * in the git directory (bti-cache) and is keyed by blob id and case id, each
 * entry with a checksum: it can never return facts of another version of a
 * file. Returns 0; 1 when a case could not be read from the repository (a
 * missing object: named, the others counted); -1 when the cases could not
 * be read at all (reported). */
int scan_cases(struct repo *r, void (*fn)(const struct facts *, void *), void *arg,
    struct diags *dg);

#endif
