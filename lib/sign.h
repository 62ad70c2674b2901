/* sign.h: commits signed with an SSH key, the way git signs them
 * (gpg.format=ssh): ssh-keygen -Y sign over the commit object. */
#ifndef BTI_SIGN_H
#define BTI_SIGN_H

#include "repo.h"

/* The allowed signers (ssh-keygen's ALLOWED SIGNERS format, as git's
 * gpg.ssh.allowedSignersFile), committed at the top of the repository. */
#define SIGNERS_FILE "allowed_signers"

/* When bti.yaml says sign: ssh, refuses (-1, a repo/sign diagnostic) unless
 * git config user.signingkey names a key file that exists. */
int sign_ready(struct repo *r, struct diags *dg);
/* Creates the commit object (no ref is moved): signed when bti.yaml says
 * sign: ssh, else as git_commit_create does. Returns -1 with a repo/sign
 * diagnostic when signing fails, -1 without one when storing fails. */
int sign_commit_create(git_oid *out, struct repo *r, const git_signature *author,
    const char *msg, const git_tree *tree, size_t nparents, const git_commit **parents,
    struct diags *dg);

enum sign_status {
	SIGN_GOOD,              /* signed by a key in the allowed signers */
	SIGN_NONE,              /* no signature */
	SIGN_UNKNOWN,           /* a signature, but no allowed key made it */
	SIGN_ERROR,             /* could not check (no ssh-keygen, no temporary file) */
};
/* Checks the commit's signature against the allowed signers' text. */
enum sign_status sign_verify(git_repository *git, const git_oid *commit, const char *allowed,
    size_t len);

#endif
