/* journal.h: the record that lets the next command finish a killed one.
 *
 * Before a command moves the branch it writes .git/bti-journal: the commit
 * it is about to make and, for every file, the blob it replaces and the
 * blob it writes. Once the branch has moved, the work tree and the index
 * are brought to the commit (journal_settle), the same way by the command
 * itself and, if it was killed, by the next command (journal_recover). */
#ifndef BTI_JOURNAL_H
#define BTI_JOURNAL_H

#include "repo.h"

struct jfile {
	char *path;
	int has_old;            /* the file was in the commit before */
	git_oid old, new;
};

/* prev: in a batch, the commit the branch is at before it moves to commit
 * (the files are then every file the batch changed, from the blob the work
 * tree and the index hold): if the branch never moves, the next command
 * brings them to prev instead. NULL for a single command. */
int journal_write(struct repo *r, const git_oid *commit, const git_oid *prev, const struct jfile *f,
    size_t n);
void journal_remove(struct repo *r);
/* Brings each file and its index entry from the old blob to the new one,
 * in r->il (the caller commits the index). A file or an index entry that
 * is neither (changed by hand meanwhile) is left as it is and reported
 * (an error when recovering, else a warning). Returns -1 when a file or
 * the index could not be written (the journal must stay), else the
 * number of files left as they were. */
int journal_settle(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n,
    int recovering, struct diags *dg);
/* Finishes the command that left the journal, if its commit is HEAD (or,
 * for a batch, its prev: the files are brought to HEAD's blobs), and
 * removes the journal; forgets it otherwise (nothing was written before
 * the branch moved). Returns -1 when the command must not go on. */
int journal_recover(struct repo *r, struct diags *dg);

#endif
