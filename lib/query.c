/* query.c: a case as one escaped line of facts, the cache of those lines,
 * and two reader threads for the cases the cache does not know. */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "due.h"
#include "embedded.h"
#include "query.h"
#include "retention.h"
#include "rules.h"
#include "tsv.h"
#include "walk.h"
#include "yamlio.h"

/* Bump when row_text or the cache's form changes meaning. */
#define CACHE_VERSION "bti-query 3"
#define THREADS 2
#define CACHE_SMALL 4096
#define CACHE_SLACK 32

struct item {
	git_oid oid;
	char path[48];
	const char *cached;     /* its row in the cache, clen bytes */
	size_t clen;
	char *text;             /* its row, read from the blob this run */
	size_t ndiag;           /* diagnostics its reading left in the worker's list */
};

struct list {
	struct item *v;
	size_t n, cap;
};

/* src into dst of size n, cut to fit: once or twice per case, so no snprintf. */
static void
copy(char *dst, size_t n, const char *src)
{
	size_t k = strlen(src);
	k = k < n - 1 ? k : n - 1;
	memcpy(dst, src, k);
	dst[k] = 0;
}

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
	copy(it->path, sizeof it->path, path);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	const char *x = strrchr(((const struct item *)a)->path, '/');
	const char *y = strrchr(((const struct item *)b)->path, '/');
	int c = strcmp(x, y);
	return c ? c : strcmp(((const struct item *)a)->path, ((const struct item *)b)->path);
}

void
query_fnr_key(const char *fnr, char out[QUERY_KEY_LEN + 1])
{
	git_oid oid;
	git_odb_hash(&oid, fnr, strlen(fnr), GIT_OBJECT_BLOB);
	git_oid_tostr(out, QUERY_KEY_LEN + 1, &oid);
}

size_t
query_due(const struct qrow *q, day_t today)
{
	size_t n = 0;
	for (size_t i = 0; i < q->ndeadlines; i++)
		n += q->deadlines[i] <= today;
	return n;
}

/* The dates by which something is due in an open case: the next
 * evaluation of every measure that has not ended. */
static void
deadlines(const struct node *root, struct buf *b)
{
	const struct node *ms = map_list(root, "measures");
	size_t n = 0;
	for (size_t i = 0; ms && i < ms->n; i++)
		n += rules_measure_due(root, ms->v[i]) >= 0;
	buf_printf(b, "\t%zu", n);
	for (size_t i = 0; ms && i < ms->n; i++) {
		day_t d = rules_measure_due(root, ms->v[i]);
		if (d >= 0)
			buf_printf(b, "\t%ld", d);
	}
}

/* The days around today on which bti-due's part of a row stays the same:
 * the obligations (due_case, retention_due) and the coordinator depend on
 * the day only through the dates of the services, consents and
 * coordinators entries and the consents' expiry, each compared with the
 * day (it changes on x) or past it (on x + 1). *from is the last of those
 * changes on or before today, *to the first after (DATE_NONE: none). */
static void
due_span(const struct node *root, day_t today, day_t *from, day_t *to)
{
	static const char *const keys[][2] = { { "services", "date" }, { "consents", "date" },
		{ "consents", "expires" }, { "coordinators", "date" } };
	*from = *to = DATE_NONE;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		const struct node *l = map_list(root, keys[k][0]);
		for (size_t i = 0; l && i < l->n; i++) {
			day_t x = map_date(l->v[i], keys[k][1]);
			for (day_t c = x; x != DATE_NONE && c <= x + 1; c++)
				if (c <= today && c > *from)
					*from = c;
				else if (c > today && (*to == DATE_NONE || c < *to))
					*to = c;
		}
	}
}

/* Whether a row's part for bti-due (due_from, due_to: its seventh and
 * eighth fields) holds on today; not when they cannot be read. */
static int
row_fresh(const char *t, size_t len, day_t today)
{
	const char *end = t + len;
	day_t v[2];
	for (int tabs = 0; tabs < 6; t++)
		if (t == end)
			return 0;
		else if (*t == '\t')
			tabs++;
	for (int k = 0; k < 2; k++) {
		int neg = t < end && *t == '-', digits = 0;
		t += neg;
		for (v[k] = 0; t < end && *t >= '0' && *t <= '9' && v[k] < 100000000; t++, digits++)
			v[k] = v[k] * 10 + (*t - '0');
		if (!digits || t == end || *t++ != '\t')
			return 0;
		v[k] = neg ? -v[k] : v[k];
	}
	return (v[0] == DATE_NONE || v[0] <= today) && (v[1] == DATE_NONE || today < v[1]);
}

struct dues {
	struct buf b;
	size_t n;
};

static void
add_due(const struct obligation *ob, void *arg)
{
	struct dues *d = arg;
	buf_puts(&d->b, "\t");
	tsv_escape(&d->b, ob->kind);
	buf_printf(&d->b, "\t%ld\t", ob->due);
	tsv_escape(&d->b, ob->detail);
	d->n++;
}

/* The row of a valid case: id, level, closed, opened, last, born, due_from,
 * due_to, fnr key, name, coordinator, its service, the services (count,
 * names), the deadlines (count, dates), the coordinator on today, the
 * obligations (count; kind, date, detail); tab-separated, each field
 * escaped. */
static void
row_text(const struct repo *r, const struct node *root, day_t today, struct buf *b)
{
	struct case_state st;
	case_state(root, &st);
	day_t last = st.opened;
	for (size_t i = 0; i < root->n; i++) {
		const struct node *l = root->v[i];
		for (size_t j = 0; l->type == NT_SEQ && j < l->n; j++) {
			day_t d = map_date(l->v[j], "date");
			if (d > last)
				last = d;
		}
	}
	const struct node *child = map_get(root, "child");
	char key[QUERY_KEY_LEN + 1] = "";
	if (map_str(child, "fnr"))
		query_fnr_key(map_str(child, "fnr"), key);
	day_t from, to;
	due_span(root, today, &from, &to);
	buf_printf(b, "%s\t%d\t%d\t%ld\t%ld\t%ld\t%ld\t%ld\t%s\t", map_str(root, "id"), st.level,
	    st.closed, st.opened, last, st.born, from, to, key);
	tsv_escape(b, map_str(child, "name"));
	const struct node *co = rules_coordinator_on(root, last);
	buf_puts(b, "\t");
	tsv_escape(b, co ? map_str(co, "name") : "");
	buf_puts(b, "\t");
	tsv_escape(b, co ? map_str(co, "service") : "");
	/* The first service, then those taking part on the last day. */
	const struct node *sv = map_list(root, "services");
	const char *names[256];
	size_t n = 0;
	names[n++] = map_str(root, "service");
	for (size_t i = 0; sv && i < sv->n && n < 256; i++) {
		const char *s = map_str(sv->v[i], "name");
		size_t k = 0;
		while (k < n && strcmp(names[k], s))
			k++;
		if (k == n && rules_involved(root, s, last))
			names[n++] = s;
	}
	buf_printf(b, "\t%zu", n);
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, "\t");
		tsv_escape(b, names[i]);
	}
	if (st.closed)
		buf_puts(b, "\t0");
	else
		deadlines(root, b);
	co = rules_coordinator_on(root, today);
	buf_puts(b, "\t");
	tsv_escape(b, co ? map_str(co, "name") : "");
	struct dues d = { { 0 }, 0 };
	due_case(&r->model, root, today, LONG_MAX, add_due, &d);
	retention_due(&r->cfg, root, LONG_MAX, add_due, &d);
	buf_printf(b, "\t%zu", d.n);
	if (d.n)
		buf_add(b, d.b.p, d.b.len);
	buf_free(&d.b);
}

/* A row from its text; buffers are kept in s for the next row. */
struct parsed {
	struct qrow q;
	char *copy;
	size_t ccap;
	const char **sv;
	day_t *dl;
	struct qdue *du;
	size_t svcap, dlcap, ducap;
};

static int
num(char **p, long *out)
{
	char *q = *p;
	int neg = *q == '-';
	long v = 0;
	q += neg;
	if (*q < '0' || *q > '9')
		return -1;
	while (*q >= '0' && *q <= '9' && v < 100000000)
		v = v * 10 + (*q++ - '0');
	if (*q != '\t' && *q)
		return -1;
	*out = neg ? -v : v;
	*p = *q ? q + 1 : q;
	return 0;
}

static char *
field(char **p)
{
	char *s = *p, *t = strchr(s, '\t');
	if (t) {
		*t = 0;
		*p = t + 1;
	} else {
		*p = s + strlen(s);
	}
	tsv_unescape(s);
	return s;
}

static int
row_parse(struct parsed *s, const char *text, size_t len)
{
	if (len + 1 > s->ccap) {
		s->ccap = 2 * (len + 1);
		s->copy = xrealloc(s->copy, s->ccap);
	}
	memcpy(s->copy, text, len);
	s->copy[len] = 0;
	char *p = s->copy, *id = field(&p);
	long lv, cl, n;
	struct qrow *q = &s->q;
	if (strlen(id) != CASE_ID_LEN || num(&p, &lv) || num(&p, &cl) || num(&p, &q->opened) ||
	    num(&p, &q->last) || num(&p, &q->born) || num(&p, &q->due_from) || num(&p, &q->due_to))
		return -1;
	memcpy(q->id, id, sizeof q->id);
	q->level = (int)lv;
	q->closed = (int)cl;
	copy(q->fnr, sizeof q->fnr, field(&p));
	q->name = field(&p);
	q->coordinator = field(&p);
	q->coord_service = field(&p);
	if (num(&p, &n) || n < 0 || n > 256)
		return -1;
	if ((size_t)n > s->svcap)
		s->sv = xrealloc(s->sv, (s->svcap = (size_t)n) * sizeof *s->sv);
	for (q->nservices = 0; q->nservices < (size_t)n; q->nservices++)
		s->sv[q->nservices] = field(&p);
	if (num(&p, &n) || n < 0 || (size_t)n > len)
		return -1;
	if ((size_t)n > s->dlcap)
		s->dl = xrealloc(s->dl, (s->dlcap = (size_t)n) * sizeof *s->dl);
	for (q->ndeadlines = 0; q->ndeadlines < (size_t)n; q->ndeadlines++)
		if (num(&p, &s->dl[q->ndeadlines]))
			return -1;
	q->due_coordinator = field(&p);
	if (num(&p, &n) || n < 0 || (size_t)n > len)
		return -1;
	if ((size_t)n > s->ducap)
		s->du = xrealloc(s->du, (s->ducap = (size_t)n) * sizeof *s->du);
	for (q->ndues = 0; q->ndues < (size_t)n; q->ndues++) {
		struct qdue *d = &s->du[q->ndues];
		d->kind = field(&p);
		if (num(&p, &d->due))
			return -1;
		d->detail = field(&p);
	}
	q->services = s->sv;
	q->deadlines = s->dl;
	q->dues = s->du;
	return *p ? -1 : 0;
}

/* The cache: a header naming what the rows depend on, then per case an
 * entry of cache.h, its text the row, in id order; an entry that fails its
 * checksum is left out and its case is read again. A run reads the rows in
 * the order it lists the cases, so the next entry is nearly always the one
 * wanted; only when it is not are all entries put in an open-addressing
 * table. */
struct cache {
	char *data;             /* the file, mapped; NULL when there is none */
	size_t len;
	const char *rows, *end; /* the first entry and the end; rows NULL when unusable */
	const char *next;       /* the entry after the last one found */
	struct slot { git_oid oid; const char *row, *after; size_t len; } *slots;
	size_t cap;
};

static struct slot *
slot_of(const struct cache *c, const git_oid *oid)
{
	size_t h;
	memcpy(&h, oid->id, sizeof h);
	for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1))
		if (!c->slots[i].row || git_oid_equal(&c->slots[i].oid, oid))
			return &c->slots[i];
}

static void
cache_load(struct cache *c, const char *path, const char *header)
{
	memset(c, 0, sizeof *c);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t hl = strlen(header);
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && (size_t)st.st_size > hl) {
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m != MAP_FAILED) {
			c->data = m;
			c->len = (size_t)st.st_size;
		}
	}
	close(fd);
	if (c->data && memcmp(c->data, header, hl) == 0) {
		c->rows = c->next = c->data + hl;
		c->end = c->data + c->len;
	}
}

/* The line of the table for every good entry; entries past half of it (a
 * cache of a much larger tree) are left out, so that lookups always end. */
static void
cache_index(struct cache *c, size_t n)
{
	for (c->cap = 1024; c->cap < 2 * n; c->cap *= 2)
		;
	c->slots = xmalloc(c->cap * sizeof *c->slots);
	memset(c->slots, 0, c->cap * sizeof *c->slots);
	size_t entries = 0;
	struct cache_entry e;
	int good;
	for (const char *p = c->rows; entries < c->cap / 2 && (good = cache_next(&p, c->end, 0, &e)) >= 0;) {
		if (!good)
			continue;
		struct slot *s = slot_of(c, &e.oid);
		entries += !s->row;
		git_oid_cpy(&s->oid, &e.oid);
		s->row = e.text;
		s->len = e.len;
		s->after = p;
	}
}

/* The cached row of a blob, *len bytes, or NULL. */
static const char *
cache_find(struct cache *c, const git_oid *oid, size_t n, size_t *len)
{
	struct cache_entry e;
	const char *p = c->next;
	if (!c->rows)
		return NULL;
	if (cache_next(&p, c->end, 0, &e) == 1 && git_oid_equal(&e.oid, oid)) {
		c->next = p;
		*len = e.len;
		return e.text;
	}
	if (!c->slots)
		cache_index(c, n);
	struct slot *s = slot_of(c, oid);
	if (!s->row)
		return NULL;
	c->next = s->after;
	*len = s->len;
	return s->row;
}

/* How many entries the cache has, good or not. */
static size_t
cache_rows(const struct cache *c)
{
	size_t n = 0;
	struct cache_entry e;
	for (const char *p = c->rows; p && cache_next(&p, c->end, 0, &e) >= 0; n++)
		;
	return n;
}

static void
cache_free(struct cache *c)
{
	if (c->data)
		munmap(c->data, c->len);
	free(c->slots);
}

/* What the rows depend on besides the blob: bti.yaml, the model, the
 * schema compiled into this binary. */
static char *
cache_header(struct repo *r)
{
	char cfg[GIT_OID_HEXSZ + 1] = "-", model[GIT_OID_HEXSZ + 1] = "-";
	char *mpath = xasprintf("models/%s.yaml", r->cfg.model);
	git_tree_entry *e;
	if (git_tree_entry_bypath(&e, r->tree, CONFIG_FILE) == 0) {
		git_oid_tostr(cfg, sizeof cfg, git_tree_entry_id(e));
		git_tree_entry_free(e);
	}
	if (git_tree_entry_bypath(&e, r->tree, mpath) == 0) {
		git_oid_tostr(model, sizeof model, git_tree_entry_id(e));
		git_tree_entry_free(e);
	}
	free(mpath);
	size_t slen;
	const char *s = embedded_file("schema/case.schema.json", &slen);
	char sch[GIT_OID_HEXSZ + 1];
	cache_checksum(s, slen, sch);
	return xasprintf("%s %s %s %s\n", CACHE_VERSION, cfg, model, sch);
}

struct worker {
	struct repo *r;
	day_t today;
	struct list *l;
	size_t first, step;
	struct diags dg;
	int failed;
};

static void
read_one(git_repository *git, struct schema *sch, const struct repo *r, day_t today,
    struct item *it, struct diags *dg)
{
	char id[CASE_ID_LEN + 1];
	git_blob *b;
	if (case_path_id(it->path, id) < 0) {
		diag_add(dg, it->path, 0, 0, "case/path", CASE_PATH_RULE);
		return;
	}
	if (git_blob_lookup(&b, git, &it->oid) < 0) {
		diag_add(dg, it->path, 0, 0, "repo", "cannot read the blob");
		return;
	}
	struct doc d;
	doc_init(&d, it->path);
	if (yaml_read(&d, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), dg) == 0 &&
	    !case_validate(sch, &r->model, d.root, it->path, id, dg)) {
		struct buf t = { 0 };
		row_text(r, d.root, today, &t);
		/* Kept until the cache is written: no more than it needs. */
		it->text = xrealloc(t.p, t.len + 1);
	}
	doc_free(&d);
	git_blob_free(b);
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	git_repository *git;
	struct schema sch;
	size_t slen;
	const char *s = embedded_file("schema/case.schema.json", &slen);
	if (git_repository_open_bare(&git, git_repository_path(w->r->git)) < 0) {
		w->failed = 1;
		return NULL;
	}
	if (schema_parse(&sch, "case.schema.json", s, slen, &w->dg) < 0) {
		w->failed = 1;
		git_repository_free(git);
		return NULL;
	}
	for (size_t i = w->first; i < w->l->n; i += w->step) {
		struct item *it = &w->l->v[i];
		size_t before = w->dg.n;
		if (!it->cached)
			read_one(git, &sch, w->r, w->today, it, &w->dg);
		it->ndiag = w->dg.n - before;
	}
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
			cache_add(&o, &it->oid, NULL, 0, it->cached, it->clen);
		else if (it->text)
			cache_add(&o, &it->oid, NULL, 0, it->text, strlen(it->text));
	}
	cache_end(&o);
}

/* Reads the cases the cache does not know; -1 when a reader could not
 * start. */
static int
read_missing(struct repo *r, day_t today, struct list *l, struct diags *dg)
{
	int rc = 0;
	struct worker w[THREADS];
	pthread_t t[THREADS];
	int started[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){ .r = r, .today = today, .l = l, .first = (size_t)i,
			.step = THREADS };
		started[i] = pthread_create(&t[i], NULL, work, &w[i]) == 0;
		if (!started[i])
			work(&w[i]);
	}
	for (int i = 0; i < THREADS; i++)
		if (started[i])
			pthread_join(t[i], NULL);
	/* The diagnostics in id order, whichever thread found them: each
	 * thread's are in the order of its items. */
	size_t next[THREADS] = { 0 };
	for (size_t k = 0; k < l->n; k++) {
		int i = (int)(k % THREADS);
		for (size_t j = 0; !w[i].failed && j < l->v[k].ndiag; j++, next[i]++) {
			struct diag *x = &w[i].dg.v[next[i]];
			diag_add(dg, x->file, x->line, x->col, x->rule, "%s", x->msg);
		}
	}
	for (int i = 0; i < THREADS; i++) {
		if (w[i].failed) {
			for (size_t j = 0; j < w[i].dg.n; j++)
				diag_add(dg, w[i].dg.v[j].file, w[i].dg.v[j].line, w[i].dg.v[j].col,
				    w[i].dg.v[j].rule, "%s", w[i].dg.v[j].msg);
			rc = git_fail(dg, "cannot read the cases");
		}
		diags_free(&w[i].dg);
	}
	return rc;
}

/* Whether a case file is where case_path puts the id its name says. */
static int
placed(const char *path, const char *id)
{
	return strlen(path) == 29 && !memcmp(path, "cases/", 6) && !memcmp(path + 6, id, 4) &&
	    path[10] == '/' && path[11] == id[5] && path[12] == '/' &&
	    !memcmp(path + 13, id, CASE_ID_LEN) && !strcmp(path + 24, ".yaml");
}

/* The rows, bti-due's part as on today; with fresh, a cached row whose
 * part does not hold on today is read again. */
static int
query_run(struct repo *r, day_t today, int fresh, int (*fn)(const struct qrow *, void *), void *arg,
    struct diags *dg)
{
	struct list l = { 0 };
	repo_read_all();       /* the trees, and the cases not cached */
	if (walk_case_ids(r->git, r->tree, add_item, &l) < 0) {
		free(l.v);
		return git_fail(dg, "cannot list the cases");
	}
	/* A tree lists its case files in id order already (cases/YYYY/X/ID). */
	for (size_t i = 1; i < l.n; i++)
		if (by_name(&l.v[i - 1], &l.v[i]) > 0) {
			qsort(l.v, l.n, sizeof *l.v, by_name);
			break;
		}
	struct cache c;
	char *cpath = xasprintf("%sbti-query-cache", git_repository_path(r->git));
	char *header = cache_header(r);
	cache_load(&c, cpath, header);
	size_t hits = 0;
	for (size_t i = 0; i < l.n; i++) {
		struct item *it = &l.v[i];
		it->cached = cache_find(&c, &it->oid, l.n, &it->clen);
		if (fresh && it->cached && !row_fresh(it->cached, it->clen, today))
			it->cached = NULL;
		hits += it->cached != NULL;
	}
	int rc = 0, damaged = 0;
	if (hits < l.n)
		rc = read_missing(r, today, &l, dg);
	struct parsed p = { 0 };
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		struct item *it = &l.v[i];
		const char *t = it->cached ? it->cached : it->text;
		if (!t)
			continue;
		size_t len = it->cached ? it->clen : strlen(t);
		if (row_parse(&p, t, len) < 0 || !placed(it->path, p.q.id)) {
			/* A damaged row, or a row of this blob found at another
			 * path: the case is read as if it were not cached. */
			if (!it->cached)
				continue;
			it->cached = NULL;
			damaged = 1;
			read_one(r->git, &r->schema, r, today, it, dg);
			if (!it->text || row_parse(&p, it->text, strlen(it->text)) < 0)
				continue;
		}
		if (fn(&p.q, arg))
			break;
	}
	/* Rewriting a large cache costs more than reading a few cases: it is
	 * rewritten once it misses CACHE_SLACK of them (or a small one at once). */
	size_t rows = cache_rows(&c), changed = rc ? 0 : l.n - hits + (size_t)damaged +
	    (rows > hits ? rows - hits : 0);
	if (changed && (!c.rows || l.n < CACHE_SMALL || changed >= CACHE_SLACK))
		cache_write(cpath, header, &l);
	free(p.copy);
	free(p.sv);
	free(p.dl);
	free(p.du);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].text);
	cache_free(&c);
	free(l.v);
	free(header);
	free(cpath);
	return rc;
}

int
query_cases(struct repo *r, int (*fn)(const struct qrow *, void *), void *arg, struct diags *dg)
{
	return query_run(r, date_today(), 0, fn, arg, dg);
}

int
query_cases_on(struct repo *r, day_t today, int (*fn)(const struct qrow *, void *), void *arg,
    struct diags *dg)
{
	return query_run(r, today, 1, fn, arg, dg);
}
