/* batch.h: many changes in one process, one commit each (bti-batch(1)). */
#ifndef BTI_BATCH_H
#define BTI_BATCH_H

#include <stdio.h>

#include "cli.h"

/* A command a line may name ("level" or "bti-level") and its main. */
struct batch_cmd {
	const char *name;       /* "bti-level" */
	int (*main)(int argc, char **argv);
	int reads_all;          /* reads every case through its own handle on the
	                         * repository (bti-new looks for the child's open
	                         * case): the commits so far are written first */
};

struct batch_opts {
	const char *by, *date;  /* given to every line before its own words */
	int stop_on_error;
};

/* Opens the repository named by c once, then for each line read from fd runs the
 * command it names, as that command would run alone, and prints one result
 * line: what the command prints (a commit id, an entry id or a case id),
 * or "error LINE: rule: message". Blank lines and comments have none.
 * Results are printed once their commits are written (repo_publish): after
 * at most BATCH_GROUP lines, and whenever no further line is at hand.
 * Stops at a repository error, at SIGINT or SIGTERM, and with
 * stop_on_error at the first refusal; writes the work tree and the index
 * at the end. Returns the exit code. */
int batch_run(struct cli *c, const struct batch_cmd *cmds, int fd, const struct batch_opts *bo);

#endif
