/* scan.c: listing case blobs, the facts cache, and two reader threads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embedded.h"
#include "scan.h"
#include "walk.h"
#include "yamlio.h"

/* Bump when facts_from_case or the facts text changes meaning. */
#define CACHE_HEADER "bti-cache 1\n"
#define THREADS 2

struct item {
	git_oid oid;
	char path[48];
	const char *cached;     /* its facts text in the cache, when good */
	size_t clen;
	char *text;             /* its facts text, read from the blob this run */
	size_t len;
};

struct list {
	struct item *v;
	size_t n, cap;
};

static int
add_item(const char *path, const git_oid *id, void *arg)
{
	struct list *l = arg;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	struct item *it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	git_oid_cpy(&it->oid, id);
	snprintf(it->path, sizeof it->path, "%s", path);
	return 0;
}

/* The cache: CACHE_HEADER, then per case "<hex oid> <length>\n<facts text>",
 * looked up through an open-addressing table of the oids. */
struct cache {
	char *data;
	size_t len;
	struct slot { git_oid oid; int used; const char *text; size_t len; } *slots;
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
cache_load(struct cache *c, const char *path, size_t n)
{
	memset(c, 0, sizeof *c);
	if (read_file(path, (size_t)1 << 31, &c->data, &c->len) < 0)
		return;
	size_t hl = strlen(CACHE_HEADER), used = 0;
	if (c->len < hl || memcmp(c->data, CACHE_HEADER, hl))
		return;
	/* Twice the cases in the tree; entries past half of it (a cache from a
	 * much larger tree) are left out, so lookups always end. */
	for (c->cap = 1024; c->cap < 2 * n; c->cap *= 2)
		;
	c->slots = xmalloc(c->cap * sizeof *c->slots);
	memset(c->slots, 0, c->cap * sizeof *c->slots);
	for (char *p = c->data + hl, *end = c->data + c->len; p + GIT_OID_HEXSZ + 2 < end && used < c->cap / 2;) {
		git_oid oid;
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? strtoul(p + GIT_OID_HEXSZ + 1, NULL, 10) : 0;
		if (!nl || git_oid_fromstrn(&oid, p, GIT_OID_HEXSZ) < 0 || len > (size_t)(end - nl - 1))
			break;
		struct slot *s = slot_of(c, &oid);
		used += !s->used;
		git_oid_cpy(&s->oid, &oid);
		s->used = 1;
		s->text = nl + 1;
		s->len = len;
		p = nl + 1 + len;
	}
}

struct worker {
	struct repo *r;
	struct list *l;
	size_t first, step;
	struct diags dg;
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
	if (git_repository_open_bare(&git, git_repository_path(w->r->git)) < 0)
		return NULL;
	if (schema_parse(&sch, "case.schema.json", s, slen, &w->dg) < 0) {
		git_repository_free(git);
		return NULL;
	}
	for (size_t i = w->first; i < w->l->n; i += w->step) {
		struct item *it = &w->l->v[i];
		git_blob *b;
		if (it->cached)
			continue;
		if (git_blob_lookup(&b, git, &it->oid) < 0) {
			diag_add(&w->dg, it->path, 0, 0, "repo", "cannot read the blob");
			continue;
		}
		struct doc d;
		doc_init(&d, it->path);
		if (yaml_read(&d, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), &w->dg) == 0 &&
		    !schema_validate(&sch, d.root, it->path, &w->dg)) {
			struct buf t = { 0 };
			facts_from_case(&f, d.root);
			facts_text(&f, &t);
			it->text = t.p;
			it->len = t.len;
		}
		doc_free(&d);
		git_blob_free(b);
	}
	facts_free(&f);
	schema_free(&sch);
	git_repository_free(git);
	return NULL;
}

static void
cache_write(const char *path, const struct list *l)
{
	struct buf b = { 0 };
	char hex[GIT_OID_HEXSZ + 1];
	buf_puts(&b, CACHE_HEADER);
	for (size_t i = 0; i < l->n; i++) {
		const struct item *it = &l->v[i];
		const char *t = it->cached ? it->cached : it->text;
		size_t len = it->cached ? it->clen : it->len;
		if (!t)
			continue;
		buf_printf(&b, "%s %zu\n", git_oid_tostr(hex, sizeof hex, &it->oid), len);
		buf_add(&b, t, len);
	}
	/* A cache that cannot be written only costs time next run. */
	if (write_file_atomic(path, b.p ? b.p : "", b.len, 0644) < 0)
		unlink(path);
	buf_free(&b);
}

int
scan_cases(struct repo *r, void (*fn)(const struct facts *, void *), void *arg, struct diags *dg)
{
	struct list l = { 0 };
	struct cache c;
	char *cpath = xasprintf("%sbti-cache", git_repository_path(r->git));
	int rc = walk_case_ids(r->git, r->tree, add_item, &l);
	if (rc < 0) {
		free(cpath);
		free(l.v);
		return git_fail(dg, "cannot list the cases");
	}
	/* Pack windows count as resident memory; a report needs few at a time. */
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)64 << 20);
	cache_load(&c, cpath, l.n);
	/* Cached facts are counted at once, one case at a time; a damaged
	 * entry is as good as none, and the case is read again. */
	struct facts f = { 0 };
	size_t missing = 0;
	for (size_t i = 0; i < l.n; i++) {
		struct slot *s = c.slots ? slot_of(&c, &l.v[i].oid) : NULL;
		if (s && s->used && facts_parse(&f, s->text, s->len) == 0) {
			l.v[i].cached = s->text;
			l.v[i].clen = s->len;
			fn(&f, arg);
		} else {
			missing++;
		}
	}
	struct worker w[THREADS];
	pthread_t t[THREADS];
	int started[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){ .r = r, .l = &l, .first = (size_t)i, .step = THREADS };
		started[i] = missing && pthread_create(&t[i], NULL, work, &w[i]) == 0;
		if (missing && !started[i])
			work(&w[i]);
	}
	for (int i = 0; i < THREADS; i++) {
		if (started[i])
			pthread_join(t[i], NULL);
		for (size_t j = 0; j < w[i].dg.n; j++) {
			struct diag *x = &w[i].dg.v[j];
			diag_add(dg, x->file, x->line, x->col, x->rule, "%s", x->msg);
		}
		diags_free(&w[i].dg);
	}
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].text && facts_parse(&f, l.v[i].text, l.v[i].len) == 0)
			fn(&f, arg);
	facts_free(&f);
	if (missing || (c.slots && l.n == 0))
		cache_write(cpath, &l);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].text);
	free(c.data);
	free(l.v);
	free(c.slots);
	free(cpath);
	return 0;
}
