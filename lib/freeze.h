/* freeze.h: a finished year's figures kept in the repository as they were,
 * before erasing cases that count in them (stats/YYYY.*). */
#ifndef BTI_FREEZE_H
#define BTI_FREEZE_H

#include "repo.h"

/* The formats a year is frozen in: bti-report --format md (in bti.yaml's
 * lang), csv, tsv, json and --html (the page of the day it was frozen),
 * each as bti-report prints it. */
#define FREEZE_FORMATS 5
extern const char *const freeze_formats[FREEZE_FORMATS];

/* The figures of year for r->tree, in every format, as changes for the
 * files stats/YYYY.FORMAT (data malloc'd; free each). Returns 0, 1 when
 * the year is frozen already (nothing added), -1 on an error or when a case
 * could not be counted (reported). */
int freeze_year(struct repo *r, int year, struct change out[FREEZE_FORMATS], struct diags *dg);

/* bti-report --year for one repository: when the year is frozen there,
 * prints its figures in format (or the frozen HTML page) and says on
 * stderr that they are frozen. Returns the exit code, or -1 when the year
 * is not frozen (or the repository cannot be opened: the caller reports). */
int freeze_show(const char *prog, const char *dir, int year, const char *format, int html);

#endif
