/* repo.c: the case repository through libgit2. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "embedded.h"
#include "heap.h"
#include "repo.h"
#include "util.h"

int
git_fail(struct diags *dg, const char *what)
{
	const git_error *e = git_error_last();
	diag_add(dg, NULL, 0, 0, "repo", "%s: %s", what, e && e->message ? e->message : "unknown error");
	return -1;
}

int
repo_open(struct repo *r, const char *dir, int readonly, struct diags *dg)
{
	memset(r, 0, sizeof *r);
	r->lockfd = -1;
	heap_tune();
	git_libgit2_init();
	/* Without -C, open as git does, honouring GIT_DIR, GIT_INDEX_FILE and
	 * the object directories git sets for hooks (a pre-receive quarantine). */
	if (git_repository_open_ext(&r->git, dir, dir ? 0 : GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0) {
		diag_add(dg, dir ? dir : ".", 0, 0, "repo",
		    "not in a case repository (or any parent directory); create one with bti-init or name one with -C DIR");
		return -1;
	}
	/* NULL in a bare repository: commands commit there without a work
	 * tree or an index to bring along (docs/design.md, "One command, one commit"). */
	r->workdir = git_repository_workdir(r->git);
	git_reference *head;
	if (git_reference_lookup(&head, r->git, "HEAD") < 0)
		return git_fail(dg, "cannot read HEAD");
	if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC && !readonly) {
		git_reference_free(head);
		diag_add(dg, NULL, 0, 0, "repo", "HEAD is detached; check out a branch first (git switch main)");
		return -1;
	}
	/* Reading a detached HEAD (a CI checkout) is fine; committing is not. */
	r->refname = xstrdup(git_reference_type(head) == GIT_REFERENCE_SYMBOLIC ?
	    git_reference_symbolic_target(head) : "HEAD");
	git_reference_free(head);
	return 0;
}

static int
read_head(struct repo *r, struct diags *dg)
{
	git_tree_free(r->tree);
	git_commit_free(r->head);
	r->tree = NULL;
	r->head = NULL;
	git_oid oid;
	int rc = git_reference_name_to_id(&oid, r->git, r->refname);
	if (rc == GIT_ENOTFOUND)
		return 0;
	if (rc < 0 || git_commit_lookup(&r->head, r->git, &oid) < 0 ||
	    git_commit_tree(&r->tree, r->head) < 0)
		return git_fail(dg, "cannot read the current commit");
	return 0;
}

/* The journal names the commit a command is about to make and the files it
 * writes. A command killed between the commit and the work tree finds it
 * at the next lock, and the next command finishes or forgets the work. */
static char *
journal_path(struct repo *r)
{
	return xasprintf("%sbti-journal", git_repository_path(r->git));
}

static int
journal_write(struct repo *r, const git_oid *commit, const struct change *ch, size_t n)
{
	char hex[GIT_OID_HEXSZ + 1];
	struct buf b = { 0 };
	buf_printf(&b, "bti-journal 1\ncommit %s\n", git_oid_tostr(hex, sizeof hex, commit));
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "file %s\n", ch[i].path);
	char *path = journal_path(r);
	int rc = write_file_atomic(path, b.p, b.len, 0644);
	free(path);
	buf_free(&b);
	return rc;
}

static void
unlink_fmt(const char *fmt, const char *a, const char *b)
{
	char *p = xasprintf(fmt, a, b);
	unlink(p);
	free(p);
}

/* Brings the work tree and index up to HEAD for the journal's files. */
static int
journal_finish(struct repo *r, char *files, struct diags *dg)
{
	git_index *idx = NULL;
	int rc = -1;
	if (git_repository_index(&idx, r->git) < 0 || git_index_read(idx, 1) < 0)
		goto out;
	for (char *line = strtok(files, "\n"); line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "file ", 5))
			continue;
		char *data;
		size_t len;
		char *full = xasprintf("%s%s", r->workdir, line + 5);
		int got = repo_read(r, line + 5, &data, &len, dg);
		int wr = got == 0 ? write_file_atomic(full, data, len, 0644) : -1;
		if (got == 0)
			free(data);
		free(full);
		if (wr < 0 || git_index_add_bypath(idx, line + 5) < 0)
			goto out;
	}
	rc = git_index_write(idx);
out:
	git_index_free(idx);
	return rc;
}

/* A command killed while writing its journal leaves only a temporary file:
 * nothing was committed, so it is simply removed. */
static void
remove_journal_temps(struct repo *r)
{
	const char *gitdir = git_repository_path(r->git);
	DIR *dp = opendir(gitdir);
	for (struct dirent *de; dp && (de = readdir(dp));)
		if (!strncmp(de->d_name, "bti-journal.bti-tmp.", 20))
			unlink_fmt("%s%s", gitdir, de->d_name);
	if (dp)
		closedir(dp);
}

static int
recover(struct repo *r, struct diags *dg)
{
	if (!r->workdir)                /* bare: commands there write no journal */
		return 0;
	char *path = journal_path(r), *text;
	size_t len;
	remove_journal_temps(r);
	if (read_file(path, 1 << 20, &text, &len) < 0) {
		free(path);
		return errno == ENOENT ? 0 : -1;
	}
	const char *gitdir = git_repository_path(r->git);
	git_oid want, head;
	char *c = strstr(text, "\ncommit ");
	int landed = c && git_oid_fromstrn(&want, c + 8, GIT_OID_HEXSZ) == 0 &&
	    git_reference_name_to_id(&head, r->git, r->refname) == 0 && git_oid_equal(&want, &head);
	/* The dead command's own locks and temporary files: it held bti.lock,
	 * so nothing else of ours can be holding them. */
	unlink_fmt("%s%s.lock", gitdir, r->refname);
	unlink_fmt("%s%s", gitdir, "index.lock");
	for (char *f = strstr(text, "\nfile "); f; f = strstr(f + 1, "\nfile ")) {
		char *end = strchr(f + 6, '\n');
		char *one = xasprintf("%s%.*s", r->workdir, (int)(end ? end - f - 6 : (long)strlen(f + 6)), f + 6);
		char *dir = xstrdup(one), *slash = strrchr(dir, '/'), *base = slash + 1;
		*slash = 0;
		DIR *dp = opendir(dir);
		for (struct dirent *de; dp && (de = readdir(dp));)
			if (!strncmp(de->d_name, base, strlen(base)) && strstr(de->d_name, ".bti-tmp."))
				unlink_fmt("%s/%s", dir, de->d_name);
		if (dp)
			closedir(dp);
		free(dir);
		free(one);
	}
	int rc = 0;
	if (landed) {
		if (read_head(r, dg) < 0 || journal_finish(r, text, dg) < 0)
			rc = git_fail(dg, "cannot finish the interrupted command; run 'git reset --hard' to match the last commit");
		else
			diag_warn(dg, NULL, 0, 0, "repo/recovered",
			    "an earlier command was interrupted after its commit; the work tree now matches it");
	}
	if (rc == 0)
		unlink(path);
	free(path);
	free(text);
	return rc;
}

int
repo_lock(struct repo *r, struct diags *dg)
{
	char *path = xasprintf("%sbti.lock", git_repository_path(r->git));
	r->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (r->lockfd < 0 || flock(r->lockfd, LOCK_EX) < 0) {
		diag_add(dg, path, 0, 0, "repo", "cannot take the lock: %s", strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	return recover(r, dg) < 0 ? -1 : read_head(r, dg);
}

int
repo_read(struct repo *r, const char *path, char **data, size_t *len, struct diags *dg)
{
	if (!r->tree)
		return 1;
	git_tree_entry *e;
	int rc = git_tree_entry_bypath(&e, r->tree, path);
	if (rc == GIT_ENOTFOUND)
		return 1;
	if (rc < 0)
		return git_fail(dg, path);
	git_blob *blob = NULL;
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    git_blob_lookup(&blob, r->git, git_tree_entry_id(e)) < 0) {
		git_tree_entry_free(e);
		diag_add(dg, path, 0, 0, "repo", "not a file in the repository");
		return -1;
	}
	git_tree_entry_free(e);
	*len = (size_t)git_blob_rawsize(blob);
	*data = xmalloc(*len + 1);
	memcpy(*data, git_blob_rawcontent(blob), *len);
	(*data)[*len] = 0;
	git_blob_free(blob);
	return 0;
}

int
repo_load(struct repo *r, struct diags *dg)
{
	if (!r->head && read_head(r, dg) < 0)
		return -1;
	char *buf;
	size_t len;
	int rc = repo_read(r, CONFIG_FILE, &buf, &len, dg);
	if (rc) {
		if (rc > 0)
			diag_add(dg, CONFIG_FILE, 0, 0, "repo",
			    "no bti.yaml committed at the top of %s; run bti-init there first",
			    r->workdir ? r->workdir : git_repository_path(r->git));
		return -1;
	}
	rc = config_parse(&r->cfg, buf, len, dg);
	free(buf);
	if (rc < 0)
		return -1;
	char *mpath = xasprintf("models/%s.yaml", r->cfg.model);
	rc = repo_read(r, mpath, &buf, &len, dg);
	if (rc) {
		if (rc > 0)
			diag_add(dg, mpath, 0, 0, "repo",
			    "bti.yaml names the model '%s' but %s is not committed", r->cfg.model, mpath);
		free(mpath);
		config_free(&r->cfg);
		return -1;
	}
	rc = model_parse(&r->model, mpath, buf, len, dg);
	free(buf);
	free(mpath);
	if (rc < 0) {
		config_free(&r->cfg);
		return -1;
	}
	size_t slen;
	const char *schema = embedded_file("schema/case.schema.json", &slen);
	if (schema_parse(&r->schema, "case.schema.json", schema, slen, dg) < 0)
		return -1;
	r->loaded = 1;
	return 0;
}

void
repo_close(struct repo *r)
{
	if (r->loaded) {
		config_free(&r->cfg);
		model_free(&r->model);
		schema_free(&r->schema);
	}
	git_tree_free(r->tree);
	git_commit_free(r->head);
	git_repository_free(r->git);
	free(r->refname);
	if (r->lockfd >= 0)
		close(r->lockfd);
	memset(r, 0, sizeof *r);
	r->lockfd = -1;
	git_libgit2_shutdown();
}

int
repo_check_clean(struct repo *r, const char *path, struct diags *dg)
{
	git_oid head_oid, oid;
	int in_head = 0;
	if (!r->workdir)
		return 0;
	if (r->tree) {
		git_tree_entry *e;
		if (git_tree_entry_bypath(&e, r->tree, path) == 0) {
			git_oid_cpy(&head_oid, git_tree_entry_id(e));
			in_head = 1;
			git_tree_entry_free(e);
		}
	}
	git_index *idx;
	if (git_repository_index(&idx, r->git) < 0)
		return git_fail(dg, "cannot read the index");
	const git_index_entry *ie = git_index_get_bypath(idx, path, 0);
	int staged = ie ? !in_head || !git_oid_equal(&ie->id, &head_oid) : in_head;
	git_index_free(idx);
	char *full = xasprintf("%s%s", r->workdir, path);
	struct stat st;
	int changed;
	if (lstat(full, &st) < 0)
		changed = in_head;
	else if (!in_head)
		changed = 1;
	else
		changed = git_repository_hashfile(&oid, r->git, full, GIT_OBJECT_BLOB, path) < 0 ||
		    !git_oid_equal(&oid, &head_oid);
	free(full);
	if (staged || changed) {
		diag_add(dg, path, 0, 0, "repo/uncommitted",
		    "%s differs from the last commit; commit the change (git commit) "
		    "or discard it (git checkout HEAD -- %s) first", staged ? "the staged version" : "the file", path);
		return -1;
	}
	return 0;
}

static int
mkdirs(const char *workdir, const char *path)
{
	char *p = xasprintf("%s%s", workdir, path);
	for (char *s = p + strlen(workdir); (s = strchr(s, '/')); s++) {
		*s = 0;
		if (mkdir(p, 0755) < 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

int
repo_commit(struct repo *r, const struct change *ch, size_t n, const char *msg,
    const git_signature *author, char *out, struct diags *dg)
{
	git_tree_update *upd = xmalloc(n * sizeof *upd);
	git_tree *base = r->tree, *empty = NULL, *tree = NULL;
	git_oid tree_oid, commit_oid, head_oid;
	git_reference *ref = NULL;
	git_index *idx = NULL;
	int rc = -1;

	for (size_t i = 0; i < n; i++) {
		upd[i].action = GIT_TREE_UPDATE_UPSERT;
		upd[i].filemode = GIT_FILEMODE_BLOB;
		upd[i].path = ch[i].path;
		if (git_blob_create_from_buffer(&upd[i].id, r->git, ch[i].data, ch[i].len) < 0) {
			git_fail(dg, "cannot store the file");
			goto out;
		}
	}
	if (!base) {
		git_treebuilder *tb;
		git_oid eo;
		if (git_treebuilder_new(&tb, r->git, NULL) < 0 || git_treebuilder_write(&eo, tb) < 0 ||
		    git_tree_lookup(&empty, r->git, &eo) < 0) {
			git_fail(dg, "cannot create the first tree");
			goto out;
		}
		git_treebuilder_free(tb);
		base = empty;
	}
	if (git_tree_create_updated(&tree_oid, r->git, base, n, upd) < 0 ||
	    git_tree_lookup(&tree, r->git, &tree_oid) < 0) {
		git_fail(dg, "cannot build the new tree");
		goto out;
	}
	const git_commit *parents[1] = { r->head };
	if (git_commit_create(&commit_oid, r->git, NULL, author, author, NULL, msg, tree,
	    r->head ? 1 : 0, parents) < 0) {
		git_fail(dg, "cannot create the commit");
		goto out;
	}
	if (r->workdir && journal_write(r, &commit_oid, ch, n) < 0) {
		diag_add(dg, NULL, 0, 0, "repo", "cannot write the journal: %s", strerror(errno));
		goto out;
	}
	/* Compare-and-swap: the branch must still be where we read it. */
	if (r->head) {
		git_oid_cpy(&head_oid, git_commit_id(r->head));
		rc = git_reference_create_matching(&ref, r->git, r->refname, &commit_oid, 1, &head_oid, msg);
	} else {
		rc = git_reference_create(&ref, r->git, r->refname, &commit_oid, 0, msg);
	}
	if (rc < 0) {
		rc = -1;
		git_fail(dg, "the branch moved while this command ran; nothing was changed, run it again");
		char *jp = journal_path(r);
		unlink(jp);
		free(jp);
		goto out;
	}
	rc = -1;
	git_oid_tostr(out, GIT_OID_HEXSZ + 1, &commit_oid);
	if (!r->workdir) {
		rc = 0;
		goto out;
	}
	/* The commit is made; now bring the work tree and the index along. */
	if (git_repository_index(&idx, r->git) < 0 || git_index_read(idx, 0) < 0) {
		git_fail(dg, "committed, but cannot read the index; run 'git reset' to refresh it");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char *full = xasprintf("%s%s", r->workdir, ch[i].path);
		int wr = mkdirs(r->workdir, ch[i].path) < 0 ? -1 :
		    write_file_atomic(full, ch[i].data, ch[i].len, 0644);
		free(full);
		if (wr < 0) {
			diag_add(dg, ch[i].path, 0, 0, "repo",
			    "committed, but cannot write the file: %s; run 'git checkout HEAD -- %s'",
			    strerror(errno), ch[i].path);
			goto out;
		}
		if (git_index_add_bypath(idx, ch[i].path) < 0) {
			git_fail(dg, "committed, but cannot update the index; run 'git reset'");
			goto out;
		}
	}
	if (git_index_write(idx) < 0) {
		git_fail(dg, "committed, but cannot write the index; run 'git reset'");
		goto out;
	}
	char *jp = journal_path(r);
	unlink(jp);
	free(jp);
	rc = 0;
out:
	git_index_free(idx);
	git_reference_free(ref);
	git_tree_free(tree);
	git_tree_free(empty);
	free(upd);
	return rc;
}

int
repo_author(git_repository *git, const char *by, git_signature **sig, struct diags *dg)
{
	git_config *cfg = NULL;
	git_config_entry *name_e = NULL, *mail_e = NULL;
	char *name = NULL, *mail = NULL;
	if (!by || !*by)
		by = getenv("BTI_USER");
	if ((git ? git_repository_config_snapshot(&cfg, git) : git_config_open_default(&cfg)) == 0) {
		git_config_get_entry(&name_e, cfg, "user.name");
		git_config_get_entry(&mail_e, cfg, "user.email");
	}
	if (by && *by) {
		const char *lt = strchr(by, '<');
		const char *gt = lt ? strchr(lt, '>') : NULL;
		if (lt && gt) {
			size_t nl = (size_t)(lt - by);
			while (nl && by[nl - 1] == ' ')
				nl--;
			name = strndup(by, nl);
			mail = strndup(lt + 1, (size_t)(gt - lt - 1));
		} else {
			name = xstrdup(by);
		}
	} else if (name_e && *name_e->value) {
		name = xstrdup(name_e->value);
	}
	/* libgit2 refuses an empty email; .invalid can never be delivered to. */
	if (!mail || !*mail) {
		free(mail);
		mail = xstrdup(mail_e && *mail_e->value ? mail_e->value : "unknown@bti.invalid");
	}
	git_config_entry_free(name_e);
	git_config_entry_free(mail_e);
	git_config_free(cfg);
	int rc = 0;
	if (!name || !*name) {
		diag_add(dg, NULL, 0, 0, "author",
		    "who is making this change? give --by NAME, set BTI_USER, or set git config user.name");
		rc = -1;
	} else if (git_signature_now(sig, name, mail) < 0) {
		rc = git_fail(dg, "invalid author name (no '<' or '>' inside a name)");
	}
	free(name);
	free(mail);
	return rc;
}
