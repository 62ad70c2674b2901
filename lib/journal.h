/* journal.h: the record that lets the next command finish a killed one.
 *
 * Before a command moves the branch it writes .git/bti-journal: the commit
 * it is about to make and, for every file, the blob it replaces and the
 * blob it writes, or "-" when it removes the file. Once the branch has
 * moved, the work tree and the index are brought to the commit
 * (journal_settle), the same way by the command itself and, if it was
 * killed, by the next command (journal_recover). */
#ifndef BTI_JOURNAL_H
#define BTI_JOURNAL_H

#include "repo.h"

struct jfile {
	char *path;
	int has_old;            /* the file was in the commit before */
	git_oid old, new;       /* new all zeros: the commit removes the file */
};

int journal_write(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n);
/* A batch's journal (bti-batch), written once before its first commit:
 * the work tree and the index are at commit base, and every file that
 * differs between base and HEAD is to be brought to HEAD. */
int journal_write_batch(struct repo *r, const git_oid *base);
void journal_remove(struct repo *r);
/* Brings each file and its index entry from the old blob to the new one,
 * in r->il (the caller commits the index). A file or an index entry that
 * is neither (changed by hand meanwhile) is left as it is and reported
 * (an error when recovering, else a warning). Returns -1 when a file or
 * the index could not be written (the journal must stay), else the
 * number of files left as they were. */
int journal_settle(struct repo *r, const git_oid *commit, const struct jfile *f, size_t n,
    int recovering, struct diags *dg);
/* Finishes the command that left the journal, if its commit is HEAD, and
 * removes the journal; forgets it otherwise (nothing was written before
 * the branch moved). A batch's journal is finished for every file that
 * differs between its base and HEAD. Returns -1 when the command must not go on. */
int journal_recover(struct repo *r, struct diags *dg);

#endif
