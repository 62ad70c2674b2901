/* history.c: replaying commits to find changes that skipped the rules. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "history.h"
#include "util.h"
#include "yamlio.h"

static const char *const lists[] = { "guardians", "levels", "services", "coordinators",
	"consents", "goals", "measures", "evaluations", "meetings", "reports", "archived", NULL };

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
		size_t j = 0, k = 0;
		for (; j < o->n; j++, k++) {
			if (merge)
				while (n && k < n->n && !node_same(o->v[j], n->v[k]))
					k++;
			if (!n || n->type != NT_SEQ || k >= n->n || !node_same(o->v[j], n->v[k]))
				break;
		}
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

/* Loads the model and schema a commit's tree had. */
static int
load_at(struct repo *r, git_commit *c, struct diags *dg)
{
	if (r->loaded) {
		config_free(&r->cfg);
		model_free(&r->model);
		schema_free(&r->schema);
		r->loaded = 0;
	}
	git_tree_free(r->tree);
	r->tree = NULL;
	if (git_commit_tree(&r->tree, c) < 0)
		return -1;
	git_commit *keep = r->head;
	r->head = c;            /* repo_load reads r->tree, not HEAD, once head is set */
	int rc = repo_load(r, dg);
	r->head = keep;
	return rc;
}

static void
check_delta(struct repo *r, git_commit *c, const git_diff_delta *dd, int merge, struct diags *dg)
{
	const char *path = dd->new_file.path;
	char hex[GIT_OID_HEXSZ + 1], *name, id[CASE_ID_LEN + 1];
	if (strncmp(path, "cases/", 6))
		return;
	name = xasprintf("%s:%s", git_oid_tostr(hex, sizeof hex, git_commit_id(c)), path);
	struct diags local = { 0 };
	const git_signature *a = git_commit_author(c);
	if (dd->status == GIT_DELTA_DELETED) {
		diag_add(&local, name, 0, 0, "history/deleted", "a case file was deleted");
	} else {
		struct doc nd, od;
		if (parse_blob(r->git, &dd->new_file.id, name, &nd, &local) == 0) {
			if (case_path_id(path, id) < 0)
				diag_add(&local, name, 0, 0, "case/path", CASE_PATH_RULE);
			else
				case_validate(&r->schema, &r->model, nd.root, name, id, &local);
			if (dd->status == GIT_DELTA_MODIFIED &&
			    parse_blob(r->git, &dd->old_file.id, name, &od, &local) == 0)
				history_append_only(od.root, nd.root, merge, name, &local);
			if (dd->status == GIT_DELTA_MODIFIED)
				doc_free(&od);
		}
		doc_free(&nd);
	}
	for (size_t i = 0; i < local.n; i++) {
		struct diag *x = &local.v[i];
		diag_add(dg, x->file, x->line, x->col, x->rule, "%s (commit by %s <%s>)", x->msg,
		    a->name, a->email);
	}
	diags_free(&local);
	free(name);
}

int
history_check(struct repo *r, struct diags *dg)
{
	git_revwalk *w;
	git_oid oid;
	int rc = -1;
	if (git_revwalk_new(&w, r->git) < 0)
		return git_fail(dg, "cannot walk the history");
	git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (git_revwalk_push_head(w) < 0) {
		git_revwalk_free(w);
		return 0;       /* no commits: nothing to audit */
	}
	while (git_revwalk_next(&oid, w) == 0) {
		git_commit *c, *p = NULL;
		git_tree *pt = NULL;
		git_diff *diff = NULL;
		if (git_commit_lookup(&c, r->git, &oid) < 0)
			goto out;
		if (git_commit_parentcount(c) > 0 && (git_commit_parent(&p, c, 0) < 0 ||
		    git_commit_tree(&pt, p) < 0)) {
			git_commit_free(c);
			goto out;
		}
		struct diags quiet = { 0 };
		/* A commit without bti.yaml (before bti-init) has no rules to keep. */
		if (load_at(r, c, &quiet) == 0 &&
		    git_diff_tree_to_tree(&diff, r->git, pt, r->tree, NULL) == 0) {
			for (size_t i = 0; i < git_diff_num_deltas(diff); i++)
				check_delta(r, c, git_diff_get_delta(diff, i), git_commit_parentcount(c) > 1, dg);
		}
		diags_free(&quiet);
		git_diff_free(diff);
		git_tree_free(pt);
		git_commit_free(p);
		git_commit_free(c);
	}
	rc = 0;
out:
	git_revwalk_free(w);
	return rc;
}
