/* archive.h: the archival package of one case (docs/archive.md). */
#ifndef BTI_ARCHIVE_H
#define BTI_ARCHIVE_H

#include "date.h"
#include "repo.h"

/* What the package is made of: the case as it is recorded archived. */
struct archive_in {
	const char *id, *path;          /* the case and its file */
	const struct node *root;        /* the case, with its new archived entry */
	const char *yaml;               /* root as committed */
	size_t ylen;
	int lang;                       /* of the summary */
	day_t today;
};

/* Writes the package into dir (created, mode 0700; it must not exist):
 * summary.md, summary.html, case.yaml, case.json, history.json (every
 * commit of HEAD's history that changed the case) and manifest.json.
 * Returns 0, or -1 with a diagnostic (dir may be left partly written:
 * archive_remove it). */
int archive_write(struct repo *r, const struct archive_in *in, const char *dir,
    struct diags *dg);
/* Removes a package directory written by archive_write. */
void archive_remove(const char *dir);

#endif
