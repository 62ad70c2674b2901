/* find.h: which cases are about a given child. */
#ifndef BTI_FIND_H
#define BTI_FIND_H

#include "query.h"

struct find {
	char fnr[QUERY_KEY_LEN + 1];    /* query_fnr_key of the number, "" for none */
	const char *name;               /* NULL for none */
	day_t born;                     /* -1 for none */
	int fuzzy;                      /* names without regard to accents too */
	int whole;                      /* the whole name, not some of its words */
	int open;                       /* open cases only */
};

/* 1 when q matches every condition set in f (the number, or the name and
 * the birth date). */
int find_match(const struct find *f, const struct qrow *q);
/* Reads a national id number from --fnr's argument, or from standard input
 * when it is "-", spaces left out; puts its key into f->fnr. Returns 0, or
 * -1 (with a reason that does not repeat the number) when it is not one. */
int find_fnr(struct find *f, const char *arg, const char **why);

/* The first open case (in id order) about the same child as a case about
 * to be opened: the same national id number (fnr may be NULL), or the same
 * whole name and birth date (born -1 when unknown). Returns 1 and the id,
 * 0 when there is none, -1 on a repository error. *invalid counts the
 * cases that could not be looked at. */
int find_open_case(struct repo *r, const char *fnr, const char *name, day_t born,
    char id[CASE_ID_LEN + 1], size_t *invalid, struct diags *dg);

#endif
