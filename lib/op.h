/* op.h: one changing command = read HEAD's case, change it, validate, one commit. */
#ifndef BTI_OP_H
#define BTI_OP_H

#include "case.h"
#include "cli.h"
#include "repo.h"

struct op {
	struct cli *cli;
	struct repo repo;
	struct diags dg;
	struct doc doc;         /* the case being changed */
	char id[CASE_ID_LEN + 1];
	char path[CASE_PATH_MAX];
	git_signature *author;
	day_t date;             /* --date, default today */
	char datestr[11];
	int status;             /* exit code so far */
};

/* A session (bti-batch): one repository opened, locked and loaded once for
 * many commands run in the same process. While it is open, op_begin takes
 * the session's repository instead of opening one (refusing -C), op_end
 * gives it back instead of closing it, and repo_commit leaves the work tree
 * and the index to op_session_end (repo_batch). op_session_error gives the
 * last command's first error as "rule: message" (NULL when it had none). */
int op_session_begin(struct cli *cli, struct diags *dg);
const char *op_session_error(void);
/* Writes the commits made since the last call and moves the branch
 * (repo_publish); returns an exit code. */
int op_session_publish(struct diags *dg);
/* Writes the work tree and the index (repo_flush: a failure is a warning,
 * repo/unfinished, as for a single command) and closes the session. */
void op_session_end(struct diags *dg);

/* Opens and locks the repository, loads its model, settles author and date.
 * Returns an exit code; on anything but EXIT_OK call op_end at once. */
int op_begin(struct op *o, struct cli *cli);
/* Reads the case with this id from HEAD, refusing uncommitted edits of it. */
int op_load_case(struct op *o, const char *id);
/* A new mapping with date and by set: an entry for one of the case's lists. */
struct node *op_entry(struct op *o);
/* Appends an entry to the case's list named key (creating the list). */
void op_append(struct op *o, const char *key, struct node *entry);
/* The next free id for a list of identified entries: prefix + (count + 1),
 * e.g. "c3" for the third consent, into out (16 bytes). */
const char *op_next_id(struct op *o, const char *key, char prefix, char out[16]);
/* A sequence of strings. */
struct node *op_strings(struct op *o, const char *const *v, int n);
/* Validates the whole case, writes it and commits it with the message
 * "<prog> <id>: <what>" and BTI-Case/BTI-Event trailers. Prints the commit
 * id on stdout unless quiet. */
int op_commit(struct op *o, const char *event, const char *what, int quiet);
/* Prints the diagnostics, frees everything, returns the exit code. */
int op_end(struct op *o);
/* The name to record for a service given on the command line: with a
 * register in bti.yaml, its canonical name for a name or an alias; NULL,
 * refused with the nearest names, when the register lacks it. */
const char *op_service(struct op *o, const char *name);
/* Records a refusal by the rules (exit 1); returns EXIT_REFUSED. */
int op_refuse(struct op *o, const struct node *at, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
