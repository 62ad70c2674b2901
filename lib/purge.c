/* purge.c: a new history without some files, swapped in at once. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case.h"
#include "journal.h"
#include "node.h"
#include "progress.h"
#include "purge.h"
#include "util.h"
#include "yamlio.h"

/* Old commit id -> new, sorted by old id for bsearch. */
struct map {
	git_oid old, new;
	int dropped;
};

static int
cmp_map(const void *a, const void *b)
{
	return git_oid_cmp(&((const struct map *)a)->old, &((const struct map *)b)->old);
}

static struct map *
find(struct map *m, size_t n, const git_oid *old)
{
	struct map key;
	git_oid_cpy(&key.old, old);
	return bsearch(&key, m, n, sizeof *m, cmp_map);
}

/* The tree without the files at paths; *same when none was there. */
static int
strip(git_repository *git, git_tree *tree, char *const *paths, size_t n, git_oid *out, int *same)
{
	git_tree_update *upd = xmalloc((n ? n : 1) * sizeof *upd);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		git_tree_entry *e;
		if (git_tree_entry_bypath(&e, tree, paths[i]) < 0)
			continue;
		git_tree_entry_free(e);
		memset(&upd[k], 0, sizeof upd[k]);
		upd[k].action = GIT_TREE_UPDATE_REMOVE;
		upd[k++].path = paths[i];
	}
	*same = k == 0;
	int rc = 0;
	if (k)
		rc = git_tree_create_updated(out, git, tree, k, upd);
	else
		git_oid_cpy(out, git_tree_id(tree));
	free(upd);
	return rc;
}

/* Makes commit c again on the new history; fills m->new. */
static int
remake(git_repository *git, git_commit *c, struct map *all, size_t n, char *const *paths,
    size_t np, struct map *m)
{
	git_tree *tree = NULL, *nt = NULL;
	git_oid nto;
	int same, rc = -1;
	size_t pc = git_commit_parentcount(c), k = 0;
	git_oid *parents = xmalloc((pc ? pc : 1) * sizeof *parents);
	int moved = 0;
	for (size_t i = 0; i < pc; i++) {
		struct map *p = find(all, n, git_commit_parent_id(c, (unsigned)i));
		if (!p)
			goto out;
		moved |= !git_oid_equal(&p->new, &p->old);
		size_t j = 0;
		while (j < k && !git_oid_equal(&parents[j], &p->new))
			j++;
		if (j == k)
			git_oid_cpy(&parents[k++], &p->new);
	}
	if (git_commit_tree(&tree, c) < 0 || strip(git, tree, paths, np, &nto, &same) < 0)
		goto out;
	if (same && !moved && k == pc) {
		git_oid_cpy(&m->new, git_commit_id(c));
		rc = 0;
		goto out;
	}
	/* A commit that changed only the erased files is left out. */
	if (k == 1) {
		git_commit *op = NULL, *np_ = NULL;
		int was_empty = 0, now_empty = 0;
		if (pc >= 1 && git_commit_parent(&op, c, 0) == 0)
			was_empty = git_oid_equal(git_commit_tree_id(op), git_commit_tree_id(c));
		if (git_commit_lookup(&np_, git, &parents[0]) == 0)
			now_empty = git_oid_equal(git_commit_tree_id(np_), &nto);
		git_commit_free(op);
		git_commit_free(np_);
		if (now_empty && !was_empty) {
			git_oid_cpy(&m->new, &parents[0]);
			m->dropped = 1;
			rc = 0;
			goto out;
		}
	}
	const git_commit **pv = xmalloc((k ? k : 1) * sizeof *pv);
	size_t got = 0;
	for (; got < k; got++)
		if (git_commit_lookup((git_commit **)&pv[got], git, &parents[got]) < 0)
			break;
	if (got == k && git_tree_lookup(&nt, git, &nto) == 0)
		rc = git_commit_create(&m->new, git, NULL, git_commit_author(c), git_commit_committer(c),
		    git_commit_message_encoding(c), git_commit_message(c), nt, k, pv) < 0 ? -1 : 0;
	for (size_t i = 0; i < got; i++)
		git_commit_free((git_commit *)pv[i]);
	free(pv);
out:
	git_tree_free(nt);
	git_tree_free(tree);
	free(parents);
	return rc;
}

/* The files that differ between the old head's tree and the new head's:
 * the erased cases (removed), the record and the frozen figures, which
 * were checked clean before. The work tree and the index follow them as
 * they follow every commit (lib/journal.h); every other file is left
 * alone. The paths are the diff's. */
static int
changed_files(struct repo *r, const git_oid *new_tree, git_diff **diff, struct jfile **f, size_t *n)
{
	git_tree *target = NULL;
	*f = NULL;
	*n = 0;
	*diff = NULL;
	int rc = git_tree_lookup(&target, r->git, new_tree) < 0 ||
	    git_diff_tree_to_tree(diff, r->git, r->tree, target, NULL) < 0 ? -1 : 0;
	git_tree_free(target);
	if (rc < 0)
		return -1;
	*n = git_diff_num_deltas(*diff);
	*f = xmalloc((*n ? *n : 1) * sizeof **f);
	for (size_t i = 0; i < *n; i++) {
		const git_diff_delta *d = git_diff_get_delta(*diff, i);
		struct jfile *j = &(*f)[i];
		memset(j, 0, sizeof *j);
		j->path = (char *)(d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path);
		j->has_old = d->status != GIT_DELTA_ADDED;
		if (j->has_old)
			git_oid_cpy(&j->old, &d->old_file.id);
		if (d->status != GIT_DELTA_DELETED)
			git_oid_cpy(&j->new, &d->new_file.id);
	}
	return 0;
}

void
purge_clean(struct repo *r)
{
	/* A killed purge's temporary map: we hold bti.lock, so no other
	 * purge is writing one. */
	const char *gitdir = git_repository_path(r->git);
	DIR *dp = opendir(gitdir);
	for (struct dirent *de; dp && (de = readdir(dp));)
		if (!strncmp(de->d_name, "bti-purge-", 10) && strstr(de->d_name, ".bti-tmp.")) {
			char *tmp = xasprintf("%s%s", gitdir, de->d_name);
			unlink(tmp);
			free(tmp);
		}
	if (dp)
		closedir(dp);
}

int
purge_rewrite(struct repo *r, char *const *paths, size_t np, const struct change *ch,
    size_t nch, const char *msg, const git_signature *author, char *out, struct diags *dg)
{
	git_revwalk *w = NULL;
	git_oid oid, tip, tree_oid, head_oid;
	struct map *all = NULL;
	git_oid *order = NULL;
	size_t n = 0, cap = 0;
	git_tree *tree = NULL;
	git_commit *tipc = NULL;
	git_tree_update *upd = xmalloc((nch ? nch : 1) * sizeof *upd);
	struct buf map = { 0 };
	char *mp = NULL;
	git_diff *diff = NULL;
	struct jfile *jf = NULL;
	size_t njf = 0;
	int rc = -1;

	git_oid_cpy(&head_oid, git_commit_id(r->head));
	if (git_revwalk_new(&w, r->git) < 0 ||
	    git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0 ||
	    git_revwalk_push(w, &head_oid) < 0)
		goto fail;
	while (git_revwalk_next(&oid, w) == 0) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			order = xrealloc(order, cap * sizeof *order);
		}
		git_oid_cpy(&order[n++], &oid);
	}
	all = xmalloc((n ? n : 1) * sizeof *all);
	for (size_t i = 0; i < n; i++) {
		git_oid_cpy(&all[i].old, &order[i]);
		git_oid_cpy(&all[i].new, &order[i]);
		all[i].dropped = 0;
	}
	qsort(all, n, sizeof *all, cmp_map);
	/* Parents first: each commit's parents are mapped before it. */
	struct progress pg;
	progress_start(&pg, "bti-purge: commits", n);
	for (size_t i = 0; i < n; i++) {
		git_commit *c;
		struct map *m = find(all, n, &order[i]);
		progress_set(&pg, i);
		int x = -1;
		if (git_commit_lookup(&c, r->git, &order[i]) == 0) {
			x = remake(r->git, c, all, n, paths, np, m);
			git_commit_free(c);
		}
		if (x < 0) {
			progress_end(&pg);
			goto fail;
		}
		if (!git_oid_equal(&m->old, &m->new) || m->dropped) {
			char a[GIT_OID_HEXSZ + 1], b[GIT_OID_HEXSZ + 1];
			buf_printf(&map, "%s %s\n", git_oid_tostr(a, sizeof a, &m->old),
			    m->dropped ? "0000000000000000000000000000000000000000" :
			    git_oid_tostr(b, sizeof b, &m->new));
		}
	}
	progress_end(&pg);
	/* The erasure's own commit on top: the record and the frozen figures. */
	git_oid_cpy(&tip, &find(all, n, &head_oid)->new);
	for (size_t i = 0; i < nch; i++) {
		memset(&upd[i], 0, sizeof upd[i]);
		upd[i].action = GIT_TREE_UPDATE_UPSERT;
		upd[i].filemode = GIT_FILEMODE_BLOB;
		upd[i].path = ch[i].path;
		if (git_blob_create_from_buffer(&upd[i].id, r->git, ch[i].data, ch[i].len) < 0)
			goto fail;
	}
	if (git_commit_lookup(&tipc, r->git, &tip) < 0 || git_commit_tree(&tree, tipc) < 0)
		goto fail;
	git_tree *nt = NULL;
	const git_commit *parents[1] = { tipc };
	if (git_tree_create_updated(&tree_oid, r->git, tree, nch, upd) < 0 ||
	    git_tree_lookup(&nt, r->git, &tree_oid) < 0)
		goto fail;
	int x = git_commit_create(&oid, r->git, NULL, author, author, NULL, msg, nt, 1, parents);
	git_tree_free(nt);
	if (x < 0)
		goto fail;
	git_oid_tostr(out, GIT_OID_HEXSZ + 1, &oid);
	mp = xasprintf("%sbti-purge-%s.map", git_repository_path(r->git), out);
	if (write_file_atomic(mp, map.p ? map.p : "", map.len, 0644) < 0) {
		diag_add(dg, mp, 0, 0, "repo", "cannot write the commit map: %s", strerror(errno));
		goto out;
	}
	if (changed_files(r, &tree_oid, &diff, &jf, &njf) < 0)
		goto fail;
	/* The one step that makes the new history the branch, as every
	 * command moves it. */
	rc = repo_advance(r, &oid, jf, njf, msg, out, dg);
	goto out;
fail:
	git_fail(dg, "cannot write the new history");
out:
	git_diff_free(diff);
	free(jf);
	git_tree_free(tree);
	git_commit_free(tipc);
	git_revwalk_free(w);
	buf_free(&map);
	free(upd);
	free(all);
	free(order);
	free(mp);
	return rc;
}

/* 1 when a commit reachable from tip (and not from the branch) holds one
 * of the files at paths. */
static int
reaches(struct repo *r, const git_oid *tip, char *const *paths, size_t n)
{
	git_revwalk *w;
	git_oid oid;
	int found = 0;
	if (git_revwalk_new(&w, r->git) < 0)
		return -1;
	if (git_revwalk_push(w, tip) < 0 || git_revwalk_hide_ref(w, r->refname) < 0) {
		git_revwalk_free(w);
		return -1;
	}
	while (!found && git_revwalk_next(&oid, w) == 0) {
		git_commit *c;
		git_tree *t;
		if (git_commit_lookup(&c, r->git, &oid) < 0)
			continue;
		if (git_commit_tree(&t, c) == 0) {
			for (size_t i = 0; i < n && !found; i++) {
				git_tree_entry *e;
				if (git_tree_entry_bypath(&e, t, paths[i]) == 0) {
					git_tree_entry_free(e);
					found = 1;
				}
			}
			git_tree_free(t);
		}
		git_commit_free(c);
	}
	git_revwalk_free(w);
	return found;
}

int
purge_other_refs(struct repo *r, char *const *paths, size_t n, struct diags *dg)
{
	git_reference_iterator *it;
	git_reference *ref;
	if (git_reference_iterator_new(&it, r->git) < 0)
		return git_fail(dg, "cannot list the refs");
	while (git_reference_next(&ref, it) == 0) {
		git_object *obj = NULL;
		const char *name = git_reference_name(ref);
		if (strcmp(name, r->refname) && git_reference_type(ref) == GIT_REFERENCE_DIRECT &&
		    git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) == 0 &&
		    reaches(r, git_object_id(obj), paths, n) > 0)
			diag_warn(dg, NULL, 0, 0, "purge/other-ref", "%s still holds an erased case; "
			    "delete it (or purge it too) before the old objects are pruned", name);
		git_object_free(obj);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	return 0;
}

/* The case ids of every record in the branch's purged/ directory. */
static size_t
erased_ids(struct repo *r, char ***ids)
{
	git_tree_entry *e;
	git_tree *dir = NULL;
	size_t n = 0;
	*ids = NULL;
	if (!r->tree || git_tree_entry_bypath(&e, r->tree, PURGE_DIR) < 0)
		return 0;
	if (git_tree_lookup(&dir, r->git, git_tree_entry_id(e)) == 0)
		for (size_t i = 0; i < git_tree_entrycount(dir); i++) {
			const git_tree_entry *f = git_tree_entry_byindex(dir, i);
			git_blob *b;
			struct doc d;
			struct diags dg = { 0 };
			if (git_blob_lookup(&b, r->git, git_tree_entry_id(f)) < 0)
				continue;
			doc_init(&d, PURGE_DIR);
			if (yaml_read(&d, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), &dg) == 0) {
				const struct node *l = map_list(d.root, "erased");
				for (size_t j = 0; l && j < l->n; j++) {
					const char *id = map_str(l->v[j], "case");
					if (!id)
						continue;
					*ids = xrealloc(*ids, (n + 1) * sizeof **ids);
					(*ids)[n++] = xstrdup(id);
				}
			}
			doc_free(&d);
			diags_free(&dg);
			git_blob_free(b);
		}
	git_tree_free(dir);
	git_tree_entry_free(e);
	return n;
}

int
purge_check_push(struct repo *r, const char *rev, struct diags *dg)
{
	char **ids;
	size_t n = erased_ids(r, &ids);
	git_revwalk *w = NULL;
	git_object *obj = NULL;
	git_oid oid;
	int rc = -1;
	if (git_revparse_single(&obj, r->git, rev) < 0 || git_revwalk_new(&w, r->git) < 0 ||
	    git_revwalk_push(w, git_object_id(obj)) < 0 || git_revwalk_hide_glob(w, "refs/*") < 0) {
		git_fail(dg, rev);
		goto out;
	}
	while (n && git_revwalk_next(&oid, w) == 0) {
		git_commit *c;
		git_tree *t;
		if (git_commit_lookup(&c, r->git, &oid) < 0)
			goto out;
		if (git_commit_tree(&t, c) == 0) {
			for (size_t i = 0; i < n; i++) {
				char path[CASE_PATH_MAX], hex[GIT_OID_HEXSZ + 1];
				git_tree_entry *e;
				case_path(ids[i], path);
				if (git_tree_entry_bypath(&e, t, path) < 0)
					continue;
				git_tree_entry_free(e);
				diag_add(dg, path, 0, 0, "purge/returned",
				    "commit %s holds case %s, which was erased (%s/); the push brings "
				    "erased data back: clone the central repository again (docs/archive.md)",
				    git_oid_tostr(hex, sizeof hex, &oid), ids[i], PURGE_DIR);
			}
			git_tree_free(t);
		}
		git_commit_free(c);
	}
	rc = 0;
out:
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	git_object_free(obj);
	git_revwalk_free(w);
	return rc;
}
