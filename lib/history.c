/* history.c: replaying commits to find changes that skipped the rules. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "history.h"
#include "merge.h"
#include "progress.h"
#include "sign.h"
#include "treediff.h"
#include "util.h"
#include "yamlio.h"

static const char *const lists[] = { "guardians", "levels", "services", "coordinators",
	"consents", "goals", "measures", "evaluations", "meetings", "reports", "corrections",
	"archived", NULL };

size_t
history_append_only(const struct node *old, const struct node *new, int merge,
    const char *file, struct diags *dg)
{
	size_t before = dg->errors;
	static const char *const fixed[] = { "id", "opened", NULL };
	for (int i = 0; fixed[i]; i++)
		if (!node_same(map_get(old, fixed[i]), map_get(new, fixed[i]))) {
			const struct node *n = map_get(new, fixed[i]);
			diag_add(dg, file, n ? n->line : 1, n ? n->col : 1, "history/rewrite",
			    "%s was changed; it is fixed when the case is opened", fixed[i]);
		}
	for (int i = 0; lists[i]; i++) {
		const struct node *o = map_get(old, lists[i]), *n = map_get(new, lists[i]);
		if (!o || o->type != NT_SEQ)
			continue;
		/* A merge puts the other side's entries between, and may renumber
		 * ids as long as the references follow (merge.h). */
		size_t j = merge ? merge_kept(old, new, lists[i]) : 0;
		for (; !merge && j < o->n; j++)
			if (!n || n->type != NT_SEQ || j >= n->n || !node_same(o->v[j], n->v[j]))
				break;
		if (j < o->n) {
			const struct node *at = n && n->type == NT_SEQ && j < n->n ? n->v[j] : n ? n : new;
			diag_add(dg, file, at->line, at->col, "history/rewrite",
			    "%s[%zu]: an earlier entry was changed or removed; entries are only ever added",
			    lists[i], j);
		}
	}
	return dg->errors - before;
}

static int
parse_blob(git_repository *git, const git_oid *id, const char *name, struct doc *d,
    struct diags *dg)
{
	git_blob *b;
	doc_init(d, name);
	if (git_blob_lookup(&b, git, id) < 0)
		return -1;
	int rc = yaml_read(d, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), dg);
	git_blob_free(b);
	return rc;
}

/* A file of a tree, or -1 when it has none. */
static int
tree_file(git_repository *git, git_tree *t, const char *path, git_blob **out)
{
	git_tree_entry *e;
	if (!t || git_tree_entry_bypath(&e, t, path) < 0)
		return -1;
	int rc = git_tree_entry_type(e) == GIT_OBJECT_BLOB ?
	    git_blob_lookup(out, git, git_tree_entry_id(e)) : -1;
	git_tree_entry_free(e);
	return rc;
}

/* The ids of the bti.yaml and models/ that the loaded rules came from:
 * most commits keep both, and parsing the schema and the model again for
 * each was most of the time of a commit that changes one case. */
struct rules_from {
	int have;
	git_oid cfg, models;
	/* The bti.yaml whose sign: was read last, and what it says: a commit
	 * and its parent mostly share one, and it was parsed for each. */
	int sign_have, sign;
	git_oid sign_cfg;
};

/* The id of a tree's entry at path into *id; zeros when it has none. */
static void
entry_id(git_tree *t, const char *path, git_oid *id)
{
	git_tree_entry *e;
	memset(id, 0, sizeof *id);
	if (t && git_tree_entry_bypath(&e, t, path) == 0) {
		git_oid_cpy(id, git_tree_entry_id(e));
		git_tree_entry_free(e);
	}
}

/* Loads the model and schema a commit's tree had, unless they are the
 * ones loaded already. */
static int
load_at(struct repo *r, git_commit *c, struct rules_from *from, struct diags *dg)
{
	git_tree_free(r->tree);
	r->tree = NULL;
	if (git_commit_tree(&r->tree, c) < 0)
		return -1;
	git_oid cfg, models;
	entry_id(r->tree, CONFIG_FILE, &cfg);
	entry_id(r->tree, "models", &models);
	if (r->loaded && from->have && git_oid_equal(&cfg, &from->cfg) &&
	    git_oid_equal(&models, &from->models))
		return 0;
	if (r->loaded) {
		config_free(&r->cfg);
		model_free(&r->model);
		schema_free(&r->schema);
		r->loaded = 0;
	}
	git_commit *keep = r->head;
	r->head = c;            /* repo_load reads r->tree, not HEAD, once head is set */
	int rc = repo_load(r, dg);
	r->head = keep;
	from->have = rc == 0;
	git_oid_cpy(&from->cfg, &cfg);
	git_oid_cpy(&from->models, &models);
	return rc;
}

/* One changed file of a commit or of the index. The new version is
 * validated when validate is set (the index's is, by bti-check --staged
 * itself); a changed one must keep every entry of the old. */
static void
check_change(struct repo *r, const git_diff_delta *dd, const char *name, int merge, int validate,
    struct diags *dg)
{
	const char *path = dd->new_file.path;
	char id[CASE_ID_LEN + 1];
	if (strncmp(path, "cases/", 6))
		return;
	if (dd->status == GIT_DELTA_DELETED) {
		diag_add(dg, name, 0, 0, "history/deleted", "a case file was deleted");
		return;
	}
	if (dd->new_file.mode != GIT_FILEMODE_BLOB && dd->new_file.mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
		diag_add(dg, name, 0, 0, "case/type", "a case file must be a regular file, not %s",
		    dd->new_file.mode == GIT_FILEMODE_LINK ? "a symbolic link" : "a directory or submodule");
		return;
	}
	struct doc nd, od;
	if (parse_blob(r->git, &dd->new_file.id, name, &nd, dg) == 0) {
		if (validate && case_path_id(path, id) < 0)
			diag_add(dg, name, 0, 0, "case/path", CASE_PATH_RULE);
		else if (validate)
			case_validate(&r->schema, &r->model, nd.root, name, id, dg);
		if (dd->status == GIT_DELTA_MODIFIED &&
		    parse_blob(r->git, &dd->old_file.id, name, &od, dg) == 0)
			history_append_only(od.root, nd.root, merge, name, dg);
		if (dd->status == GIT_DELTA_MODIFIED)
			doc_free(&od);
	}
	doc_free(&nd);
}

/* Whether a tree's bti.yaml says sign: ssh; its allowed signers into *signers. */
static int
tree_signs(git_repository *git, git_tree *t, struct rules_from *from, git_blob **signers)
{
	git_oid id;
	git_blob *b;
	*signers = NULL;
	entry_id(t, CONFIG_FILE, &id);
	if (!from->sign_have || !git_oid_equal(&id, &from->sign_cfg)) {
		struct config cfg;
		struct diags quiet = { 0 };
		from->sign = 0;
		if (!git_oid_is_zero(&id) && git_blob_lookup(&b, git, &id) == 0) {
			if (config_parse(&cfg, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b),
			    &quiet) == 0)
				from->sign = cfg.sign;
			config_free(&cfg);
			git_blob_free(b);
		}
		diags_free(&quiet);
		git_oid_cpy(&from->sign_cfg, &id);
		from->sign_have = 1;
	}
	if (from->sign && tree_file(git, t, SIGNERS_FILE, signers) < 0)
		*signers = NULL;
	return from->sign;
}

/* A commit must be signed when its parent's bti.yaml or its own says
 * sign: ssh, by a key of the parent's allowed signers (its own when the
 * parent did not sign): a key is added by a commit an allowed key signed. */
static void
check_signature(struct repo *r, git_commit *c, git_tree *pt, const char *hex,
    struct rules_from *from, struct diags *dg)
{
	git_blob *ps, *own;
	int psign = tree_signs(r->git, pt, from, &ps), sign = tree_signs(r->git, r->tree, from, &own);
	git_blob *allowed = psign ? ps : own;
	if (psign || sign) {
		enum sign_status st = !allowed ? SIGN_UNKNOWN : sign_verify(r->git, git_commit_id(c),
		    git_blob_rawcontent(allowed), (size_t)git_blob_rawsize(allowed));
		if (st == SIGN_NONE)
			diag_add(dg, hex, 0, 0, "history/unsigned",
			    "the commit is not signed, but bti.yaml says 'sign: ssh'");
		else if (st == SIGN_UNKNOWN)
			diag_add(dg, hex, 0, 0, "history/signer",
			    "the commit is not signed by a key in %s%s", SIGNERS_FILE,
			    allowed ? "" : " (there is no such file)");
		else if (st == SIGN_ERROR)
			diag_add(dg, hex, 0, 0, "history/signer",
			    "cannot check the signature: is ssh-keygen installed?");
	}
	git_blob_free(ps);
	git_blob_free(own);
}

/* What check_commit hands treediff's callback. */
struct commit_check {
	struct repo *r;
	const char *hex;
	int merge;
	struct diags *dg;
};

static int
check_delta(const git_diff_delta *dd, void *arg)
{
	struct commit_check *cc = arg;
	char *name = xasprintf("%s:%s", cc->hex, dd->new_file.path);
	check_change(cc->r, dd, name, cc->merge, 1, cc->dg);
	free(name);
	return 0;
}

/* Checks one commit against its first parent; the problems end with its author. */
static int
check_commit(struct repo *r, const git_oid *oid, struct rules_from *from, struct diags *dg)
{
	git_commit *c, *p = NULL;
	git_tree *pt = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	if (git_commit_lookup(&c, r->git, oid) < 0)
		return -1;
	if (git_commit_parentcount(c) > 0 && (git_commit_parent(&p, c, 0) < 0 ||
	    git_commit_tree(&pt, p) < 0)) {
		git_commit_free(c);
		return -1;
	}
	git_oid_tostr(hex, sizeof hex, oid);
	struct diags quiet = { 0 }, local = { 0 };
	int loaded = load_at(r, c, from, &quiet) == 0, rc = 0;
	git_blob *had = NULL;
	if (r->tree)
		check_signature(r, c, pt, hex, from, &local);
	/* A commit without bti.yaml (before bti-init) has no rules to keep; one
	 * that breaks bti.yaml or the model breaks them all. */
	if (!loaded && (tree_file(r->git, r->tree, CONFIG_FILE, &had) == 0 ||
	    tree_file(r->git, pt, CONFIG_FILE, &had) == 0)) {
		for (size_t i = 0; i < quiet.n; i++) {
			struct diag *x = &quiet.v[i];
			char *name = xasprintf("%s:%s", hex, x->file ? x->file : CONFIG_FILE);
			diag_add(&local, name, x->line, x->col, x->rule, "%s", x->msg);
			free(name);
		}
	}
	git_blob_free(had);
	if (loaded) {
		struct commit_check cc = { r, hex, git_commit_parentcount(c) > 1, &local };
		rc = treediff(r->git, pt, r->tree, check_delta, &cc);
	}
	const git_signature *a = git_commit_author(c);
	for (size_t i = 0; i < local.n; i++) {
		struct diag *x = &local.v[i];
		diag_add(dg, x->file, x->line, x->col, x->rule, "%s (commit by %s <%s>)", x->msg,
		    a->name, a->email);
	}
	diags_free(&local);
	diags_free(&quiet);
	git_tree_free(pt);
	git_commit_free(p);
	git_commit_free(c);
	return rc;
}

/* Checks every commit the walk gives, oldest first. */
static int
check_walk(struct repo *r, git_revwalk *w, struct diags *dg)
{
	git_oid *ids = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct rules_from from = { 0 };
	struct progress pg;
	/* The walk sorts every commit before it gives the first; taking them
	 * all first gives the progress line its total (20 bytes a commit). */
	git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	for (git_oid oid; git_revwalk_next(&oid, w) == 0; git_oid_cpy(&ids[n++], &oid))
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? 2 * cap : 1024) * sizeof *ids);
	git_revwalk_free(w);
	/* No object cache: a commit's objects are read once or twice, and
	 * libgit2 evicts from a full cache by walking its table from the
	 * start, so the time per commit grew with the commits checked (0.65 ms
	 * at 2,000 commits, 0.89 ms at 100,000; without it 0.68 ms). Pack
	 * windows are kept small, as in repo_read_all: a million commits made
	 * a 1 GB pack, mapped whole by default. Every object's hash is still
	 * checked: this is the audit. */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)4 << 20);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)64 << 20);
	progress_start(&pg, "bti-check: commits", n);
	progress_each(&pg, "commit");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = check_commit(r, &ids[i], &from, dg);
		progress_set(&pg, i + 1);
	}
	progress_end(&pg);
	free(ids);
	return rc < 0 ? git_fail(dg, "cannot read a commit") : 0;
}

int
history_check(struct repo *r, struct diags *dg)
{
	git_revwalk *w;
	if (git_revwalk_new(&w, r->git) < 0)
		return git_fail(dg, "cannot walk the history");
	if (git_revwalk_push_head(w) < 0) {
		git_revwalk_free(w);
		return 0;       /* no commits: nothing to audit */
	}
	return check_walk(r, w, dg);
}

/* The commit a tag names; a commit stays itself. */
static int
peel(git_object **o)
{
	git_object *c;
	if (git_object_peel(&c, *o, GIT_OBJECT_COMMIT) < 0)
		return -1;
	git_object_free(*o);
	*o = c;
	return 0;
}

int
history_range(struct repo *r, const char *range, struct diags *dg)
{
	const char *dots = strstr(range, "..");
	git_object *o = NULL, *n = NULL;
	git_revwalk *w = NULL;
	int rc = -1;
	if (!dots) {
		diag_add(dg, NULL, 0, 0, "repo", "--range %s: give OLD..NEW", range);
		return -1;
	}
	char *old = xstrndup(range, (size_t)(dots - range));
	/* A new branch (git gives OLD as zeros): every commit no ref has yet. */
	int fresh = !*old || strspn(old, "0") == strlen(old);
	if (git_revparse_single(&n, r->git, dots + 2) < 0 || peel(&n) < 0 ||
	    (!fresh && (git_revparse_single(&o, r->git, old) < 0 || peel(&o) < 0))) {
		git_fail(dg, range);
		goto out;
	}
	const git_oid *nid = git_object_id(n), *oid = o ? git_object_id(o) : NULL;
	if (oid && !git_oid_equal(oid, nid) && git_graph_descendant_of(r->git, nid, oid) != 1) {
		diag_add(dg, NULL, 0, 0, "history/force",
		    "%s is not an ancestor of %s: the update would drop commits from the history; "
		    "only updates that add commits are accepted (pull, then push)", old, dots + 2);
		rc = 0;
		goto out;
	}
	if (git_revwalk_new(&w, r->git) < 0 || git_revwalk_push(w, nid) < 0 ||
	    (oid && git_revwalk_hide(w, oid) < 0) || (fresh && git_revwalk_hide_glob(w, "refs/*") < 0)) {
		git_fail(dg, range);
		goto out;
	}
	rc = check_walk(r, w, dg);
	w = NULL;
out:
	git_revwalk_free(w);
	git_object_free(o);
	git_object_free(n);
	free(old);
	return rc;
}

int
history_staged(struct repo *r, char **paths, int n, struct diags *dg)
{
	git_index *idx = NULL;
	git_diff *diff = NULL;
	git_diff_options opts;
	char *all[] = { "cases/" };
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_INCLUDE_TYPECHANGE | (n ? GIT_DIFF_DISABLE_PATHSPEC_MATCH : 0);
	opts.pathspec.strings = n ? paths : all;
	opts.pathspec.count = n ? (size_t)n : 1;
	if (git_repository_index(&idx, r->git) < 0 ||
	    git_diff_tree_to_index(&diff, r->git, r->tree, idx, &opts) < 0) {
		git_index_free(idx);
		return git_fail(dg, "cannot compare the index with the last commit");
	}
	/* Committing a merge: the last commit's entries with the other side's between them. */
	int merge = git_repository_state(r->git) == GIT_REPOSITORY_STATE_MERGE;
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *dd = git_diff_get_delta(diff, i);
		check_change(r, dd, dd->new_file.path, merge, 0, dg);
	}
	git_diff_free(diff);
	git_index_free(idx);
	return 0;
}
