/* scan.c: listing case blobs, the facts cache, and two reader threads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "case.h"
#include "embedded.h"
#include "progress.h"
#include "scan.h"
#include "walk.h"
#include "yamlio.h"

/* Bump when facts_from_case, the facts text or the cache's form changes
 * meaning. */
#define CACHE_MAGIC "bti-cache 5"
#define THREADS 2

struct item {
	git_oid oid;
	char path[CASE_PATH_MAX];
	char id[CASE_ID_LEN + 1];  /* what the path says */
	const char *cached;     /* its facts text in the cache, when good */
	size_t clen;
	char *text;             /* its facts text, read from the blob this run */
	size_t len;
	size_t d0, d1;          /* its problems: entries d0 to d1 of its reader's diags */
	int unreadable;         /* its blob could not be read */
};

struct list {
	struct item *v;
	size_t n, cap;
	struct diags *dg;
};

/* Only what bti-check takes for a case file is read; any other file under
 * cases/ (a copy in a subdirectory, a wrong letter directory, a name that is
 * not an id) is named, never counted. */
static int
add_item(const char *path, const git_oid *id, void *arg)
{
	struct list *l = arg;
	char cid[CASE_ID_LEN + 1];
	if (case_path_id(path, cid) < 0) {
		diag_add(l->dg, path, 0, 0, "case/path", CASE_PATH_RULE);
		return 0;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	struct item *it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	git_oid_cpy(&it->oid, id);
	snprintf(it->path, sizeof it->path, "%s", path);
	memcpy(it->id, cid, sizeof it->id);
	return 0;
}

/* The cache: a header line, CACHE_MAGIC and what the validity of a case
 * depends on besides its bytes (the level model's blob id, the schema's
 * hash), then per case an entry of cache.h tagged with the case id, its
 * text the facts; an entry that fails its checksum is left out and its
 * case is read again. The entries are
 * looked up through an open-addressing table of the blob ids. */
struct cache {
	char *data;
	size_t len;
	struct slot { git_oid oid; int used; const char *id, *text; size_t len; } *slots;
	size_t cap;
};

static struct slot *
slot_of(const struct cache *c, const git_oid *oid)
{
	size_t h;
	memcpy(&h, oid->id, sizeof h);
	for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1))
		if (!c->slots[i].used || git_oid_equal(&c->slots[i].oid, oid))
			return &c->slots[i];
}

static void
cache_load(struct cache *c, const char *path, const char *header, size_t n)
{
	memset(c, 0, sizeof *c);
	if (read_file(path, (size_t)1 << 31, &c->data, &c->len) < 0)
		return;
	size_t hl = strlen(header), used = 0;
	if (c->len < hl || memcmp(c->data, header, hl))
		return;
	/* Twice the cases in the tree; entries past half of it (a cache from a
	 * much larger tree) are left out, so lookups always end. */
	for (c->cap = 1024; c->cap < 2 * n; c->cap *= 2)
		;
	c->slots = xmalloc(c->cap * sizeof *c->slots);
	memset(c->slots, 0, c->cap * sizeof *c->slots);
	const char *p = c->data + hl, *end = c->data + c->len;
	struct cache_entry e;
	int good;
	/* A damaged head or length leaves no way to the next entry. */
	while (used < c->cap / 2 && (good = cache_next(&p, end, CASE_ID_LEN, &e)) >= 0) {
		if (!good)
			continue;
		struct slot *s = slot_of(c, &e.oid);
		used += !s->used;
		git_oid_cpy(&s->oid, &e.oid);
		s->used = 1;
		s->id = e.tag;
		s->text = e.text;
		s->len = e.len;
	}
}

struct worker {
	struct repo *r;
	struct list *l;
	size_t first, step;
	struct diags dg;
	int failed;             /* could not start: no case of its share was read */
	struct progress *pg;    /* the first worker's: its share stands for all */
};

static void *
work(void *arg)
{
	struct worker *w = arg;
	git_repository *git;
	struct schema sch;
	struct facts f = { 0 };
	size_t slen;
	const char *s = embedded_file("schema/case.schema.json", &slen);
	if (git_repository_open_bare(&git, git_repository_path(w->r->git)) < 0) {
		w->failed = 1;
		git_fail(&w->dg, "cannot open the repository to read the cases");
		return NULL;
	}
	if (schema_parse(&sch, "case.schema.json", s, slen, &w->dg) < 0) {
		w->failed = 1;
		git_repository_free(git);
		return NULL;
	}
	for (size_t i = w->first; i < w->l->n; i += w->step) {
		struct item *it = &w->l->v[i];
		git_blob *b;
		if (w->pg)
			progress_set(w->pg, i);
		if (it->cached)
			continue;
		it->d0 = w->dg.n;
		if (git_blob_lookup(&b, git, &it->oid) < 0) {
			const git_error *e = git_error_last();
			diag_add(&w->dg, it->path, 0, 0, "repo", "cannot read the case from the repository: %s",
			    e ? e->message : "unknown error");
			it->unreadable = 1;
			it->d1 = w->dg.n;
			continue;
		}
		/* What bti-check accepts: the schema, the id of the path, the
		 * level model and the rules. */
		struct doc d;
		doc_init(&d, it->path);
		if (yaml_read(&d, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), &w->dg) == 0 &&
		    !case_validate(&sch, &w->r->model, d.root, it->path, it->id, &w->dg)) {
			struct buf t = { 0 };
			facts_from_case(&f, d.root);
			facts_text(&f, &t);
			/* Kept until the cache is written: no more than it needs. */
			it->text = xrealloc(t.p, t.len + 1);
			it->len = t.len;
		}
		it->d1 = w->dg.n;
		doc_free(&d);
		git_blob_free(b);
	}
	facts_free(&f);
	schema_free(&sch);
	git_repository_free(git);
	return NULL;
}

static void
cache_write(const char *path, const char *header, const struct list *l)
{
	struct cache_out o;
	cache_begin(&o, path, header);
	for (size_t i = 0; o.ok && i < l->n; i++) {
		const struct item *it = &l->v[i];
		if (it->cached)
			cache_add(&o, &it->oid, it->id, CASE_ID_LEN, it->cached, it->clen);
		else if (it->text)
			cache_add(&o, &it->oid, it->id, CASE_ID_LEN, it->text, it->len);
	}
	cache_end(&o);
}

/* The cache's header: what else than its bytes says whether a case is
 * valid, so a cache made under another model or schema is not used. */
static char *
cache_header(struct repo *r)
{
	char mhex[GIT_OID_HEXSZ + 1] = "-", shex[GIT_OID_HEXSZ + 1];
	char *mpath = xasprintf("models/%s.yaml", r->cfg.model);
	git_tree_entry *e;
	if (git_tree_entry_bypath(&e, r->tree, mpath) == 0) {
		git_oid_tostr(mhex, sizeof mhex, git_tree_entry_id(e));
		git_tree_entry_free(e);
	}
	free(mpath);
	size_t slen;
	const char *s = embedded_file("schema/case.schema.json", &slen);
	cache_checksum(s, slen, shex);
	return xasprintf("%s %s %s\n", CACHE_MAGIC, mhex, shex);
}

int
scan_cases(struct repo *r, void (*fn)(const struct facts *, void *), void *arg, struct diags *dg)
{
	struct list l = { .dg = dg };
	struct cache c;
	int rc = walk_case_ids(r->git, r->tree, add_item, &l);
	if (rc < 0) {
		free(l.v);
		return git_fail(dg, "cannot list the cases");
	}
	char *cpath = xasprintf("%sbti-cache", git_repository_path(r->git));
	char *header = r->tree ? cache_header(r) : xstrdup(CACHE_MAGIC "\n");
	repo_read_all();
	cache_load(&c, cpath, header, l.n);
	/* Cached facts are counted at once, one case at a time; a damaged
	 * entry is as good as none, and the case is read again. */
	struct facts f = { 0 };
	size_t missing = 0;
	for (size_t i = 0; i < l.n; i++) {
		struct slot *s = c.slots ? slot_of(&c, &l.v[i].oid) : NULL;
		if (s && s->used && !memcmp(s->id, l.v[i].id, CASE_ID_LEN) &&
		    facts_parse(&f, s->text, s->len) == 0) {
			l.v[i].cached = s->text;
			l.v[i].clen = s->len;
			fn(&f, arg);
		} else {
			missing++;
		}
	}
	struct worker w[THREADS];
	pthread_t t[THREADS];
	int started[THREADS], failed = 0, unreadable = 0;
	struct progress pg;
	progress_start(&pg, "cases read", l.n);
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){ .r = r, .l = &l, .first = (size_t)i, .step = THREADS,
		    .pg = i ? NULL : &pg };
		started[i] = missing && pthread_create(&t[i], NULL, work, &w[i]) == 0;
		if (missing && !started[i])
			work(&w[i]);
	}
	for (int i = 0; i < THREADS; i++) {
		if (started[i])
			pthread_join(t[i], NULL);
		failed |= w[i].failed;
	}
	progress_end(&pg);
	/* Every case is counted or named, in path order. */
	for (size_t i = 0; i < l.n && !failed; i++) {
		struct item *it = &l.v[i];
		struct diags *wd = &w[i % THREADS].dg;
		for (size_t j = it->d0; j < it->d1; j++) {
			struct diag *x = &wd->v[j];
			diag_add(dg, x->file, x->line, x->col, x->rule, "%s", x->msg);
		}
		unreadable |= it->unreadable;
		if (!it->text)
			continue;
		if (facts_parse(&f, it->text, it->len) == 0)
			fn(&f, arg);
		else
			diag_add(dg, it->path, 0, 0, "report/facts", "the case's facts do not read back; "
			    "it is not counted");
	}
	for (int i = 0; i < THREADS; i++) {
		if (failed)
			for (size_t j = 0; j < w[i].dg.n; j++) {
				struct diag *x = &w[i].dg.v[j];
				diag_add(dg, x->file, x->line, x->col, x->rule, "%s", x->msg);
			}
		diags_free(&w[i].dg);
	}
	facts_free(&f);
	if (!failed && (missing || (c.slots && l.n == 0)))
		cache_write(cpath, header, &l);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].text);
	free(c.data);
	free(l.v);
	free(c.slots);
	free(cpath);
	free(header);
	return failed ? -1 : unreadable;
}
