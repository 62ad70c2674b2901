/* sign.c: signing commits with ssh-keygen -Y sign and checking them with
 * ssh-keygen -Y verify, as git does for gpg.format=ssh. No library: the
 * signature is ssh-keygen's output, stored in the commit's gpgsig header. */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sign.h"
#include "util.h"

extern char **environ;

/* git config user.signingkey with ~/ expanded, or NULL. */
static char *
signing_key(git_repository *git)
{
	git_config *cfg;
	git_config_entry *e = NULL;
	char *key = NULL;
	if (git_repository_config_snapshot(&cfg, git) < 0)
		return NULL;
	if (git_config_get_entry(&e, cfg, "user.signingkey") == 0 && *e->value) {
		const char *home = getenv("HOME");
		key = !strncmp(e->value, "~/", 2) && home ? xasprintf("%s/%s", home, e->value + 2) :
		    xstrdup(e->value);
	}
	git_config_entry_free(e);
	git_config_free(cfg);
	return key;
}

int
sign_ready(struct repo *r, struct diags *dg)
{
	if (!r->loaded || !r->cfg.sign)
		return 0;
	char *key = signing_key(r->git);
	int rc = 0;
	if (!key || access(key, R_OK) < 0) {
		diag_add(dg, NULL, 0, 0, "repo/sign",
		    "bti.yaml says 'sign: ssh': every commit is signed, and %s%s; nothing was changed. "
		    "Name your SSH key with 'git config user.signingkey ~/.ssh/id_ed25519' "
		    "(its public key must be in %s)", key ? "the key user.signingkey names cannot be read: " :
		    "git config user.signingkey names no key", key ? key : "", SIGNERS_FILE);
		rc = -1;
	}
	free(key);
	return rc;
}

/* A private directory for the files ssh-keygen reads and writes. */
struct scratch {
	char dir[4096];
};

static int
scratch_open(struct scratch *s)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(s->dir, sizeof s->dir, "%s/bti-sign.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(s->dir) ? 0 : -1;
}

static char *
scratch_put(struct scratch *s, const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", s->dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ssize_t w = fd < 0 ? -1 : write(fd, data, len);
	if (fd < 0 || w != (ssize_t)len || close(fd) < 0) {
		free(path);
		return NULL;
	}
	return path;
}

static void
scratch_close(struct scratch *s)
{
	static const char *const names[] = { "payload", "sig", "allowed", NULL };
	for (int i = 0; names[i]; i++) {
		char *p = xasprintf("%s/%s", s->dir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(s->dir);
}

/* Runs ssh-keygen with argv, standard input from in, standard output into
 * out; its messages are dropped. Returns its exit status, -1 when it could
 * not run. */
static int
ssh_keygen(char *const argv[], const char *in, struct buf *out)
{
	int fds[2], status;
	pid_t pid;
	posix_spawn_file_actions_t fa;
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	int rc = posix_spawnp(&pid, "ssh-keygen", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return -1;
	}
	char chunk[4096];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0 && out)
			buf_add(out, chunk, (size_t)n);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
sign_commit_create(git_oid *out, struct repo *r, const git_signature *author,
    const char *msg, const git_tree *tree, size_t nparents, const git_commit **parents,
    struct diags *dg)
{
	if (!r->loaded || !r->cfg.sign) {
		/* The caller reports a failure here: it knows a full disk. */
		return git_commit_create(out, r->git, NULL, author, author, NULL, msg, tree, nparents,
		    parents) < 0 ? -1 : 0;
	}
	git_buf body = { 0 };
	struct buf sig = { 0 };
	struct scratch s;
	char *key = signing_key(r->git), *payload = NULL;
	int rc = -1;
	if (!key)
		return sign_ready(r, dg);
	if (git_commit_create_buffer(&body, r->git, author, author, NULL, msg, tree, nparents,
	    parents) < 0) {
		free(key);
		return git_fail(dg, "cannot create the commit");
	}
	if (scratch_open(&s) < 0) {
		diag_add(dg, NULL, 0, 0, "repo/sign", "cannot make a temporary directory to sign in: %s",
		    strerror(errno));
		goto out;
	}
	char *argv[] = { "ssh-keygen", "-Y", "sign", "-n", "git", "-f", key, NULL };
	if (!(payload = scratch_put(&s, "payload", body.ptr, body.size)) ||
	    ssh_keygen(argv, payload, &sig) != 0 || !sig.len) {
		diag_add(dg, NULL, 0, 0, "repo/sign",
		    "ssh-keygen -Y sign -n git -f %s failed (is it the private key, or is the key in "
		    "ssh-agent?); nothing was changed", key);
	} else {
		while (sig.len && sig.p[sig.len - 1] == '\n')
			sig.len--;      /* git stores it without the last newline */
		buf_add(&sig, "", 1);
		if (git_commit_create_with_signature(out, r->git, body.ptr, sig.p, NULL) < 0)
			git_fail(dg, "cannot store the signed commit");
		else
			rc = 0;
	}
	scratch_close(&s);
out:
	free(payload);
	buf_free(&sig);
	git_buf_dispose(&body);
	free(key);
	return rc;
}

enum sign_status
sign_verify(git_repository *git, const git_oid *commit, const char *allowed, size_t len)
{
	git_buf sig = { 0 }, data = { 0 };
	struct scratch s;
	struct buf who = { 0 };
	char *sp = NULL, *pp = NULL, *ap = NULL;
	enum sign_status st = SIGN_ERROR;
	int rc = git_commit_extract_signature(&sig, &data, git, (git_oid *)commit, NULL);
	if (rc < 0)
		return rc == GIT_ENOTFOUND ? SIGN_NONE : SIGN_ERROR;
	if (scratch_open(&s) < 0)
		goto out;
	if ((sp = scratch_put(&s, "sig", sig.ptr, sig.size)) && (pp = scratch_put(&s, "payload",
	    data.ptr, data.size)) && (ap = scratch_put(&s, "allowed", allowed, len))) {
		/* Which allowed principal has the key that made the signature. */
		char *find[] = { "ssh-keygen", "-Y", "find-principals", "-s", sp, "-f", ap, NULL };
		rc = ssh_keygen(find, NULL, &who);
		char *nl = who.p ? memchr(who.p, '\n', who.len) : NULL;
		if (rc < 0) {
			st = SIGN_ERROR;
		} else if (rc != 0 || !nl || nl == who.p) {
			st = SIGN_UNKNOWN;
		} else {
			*nl = 0;
			char *verify[] = { "ssh-keygen", "-Y", "verify", "-f", ap, "-I", who.p, "-n", "git",
				"-s", sp, NULL };
			rc = ssh_keygen(verify, pp, NULL);
			st = rc == 0 ? SIGN_GOOD : rc < 0 ? SIGN_ERROR : SIGN_UNKNOWN;
		}
	}
	scratch_close(&s);
out:
	free(sp);
	free(pp);
	free(ap);
	buf_free(&who);
	git_buf_dispose(&sig);
	git_buf_dispose(&data);
	return st;
}
