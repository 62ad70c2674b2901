/* merge.c: the merge driver's logic. Append-only lists make most
 * concurrent changes to one case independent: each side only added.
 * Entries are matched across the three versions by what they say, not by
 * their ids: an earlier merge may have renumbered a consent, goal or
 * measure on one side, and the other side's references must follow it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "util.h"

#define NONE ((size_t)-1)

/* The lists whose entries have ids, in an order where each refers only to
 * itself or to the lists before it. */
static const struct {
	const char *list;
	char prefix;
} idents[] = { { "consents", 'c' }, { "goals", 'g' }, { "measures", 'm' } };

/* Every place an id stands in an entry of list: its own (key "id"), a
 * reference (key), or a reference in the items of a list in it (key, sub). */
static const struct {
	const char *list, *key, *sub;
	char prefix;
} fields[] = {
	{ "consents", "id", NULL, 'c' }, { "consents", "withdraws", NULL, 'c' },
	{ "goals", "id", NULL, 'g' },
	{ "measures", "id", NULL, 'm' }, { "measures", "goal", NULL, 'g' },
	{ "evaluations", "measures", "measure", 'm' },
};

/* Ids of one version renamed to those of another; to NULL: to nothing. */
struct idmap {
	struct {
		char prefix;
		const char *from, *to;
	} *v;
	size_t n, cap;
};

static void
idmap_put(struct idmap *m, char prefix, const char *from, const char *to)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	m->v[m->n].prefix = prefix;
	m->v[m->n].from = from;
	m->v[m->n++].to = to;
}

/* 1 with *to set when m knows id, else 0. */
static int
idmap_get(const struct idmap *m, char prefix, const char *id, const char **to)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].prefix == prefix && !strcmp(m->v[i].from, id)) {
			*to = m->v[i].to;
			return 1;
		}
	return 0;
}

static int
same_str(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

static size_t
seq_len(const struct node *l)
{
	return l && l->type == NT_SEQ ? l->n : 0;
}

static char
prefix_of(const char *list)
{
	for (size_t i = 0; i < sizeof idents / sizeof *idents; i++)
		if (!strcmp(idents[i].list, list))
			return idents[i].prefix;
	return 0;
}

static long
id_num(const char *id)
{
	return id && id[0] ? strtol(id + 1, NULL, 10) : 0;
}

/* How the ids in a copy of an entry are renamed. */
struct xl {
	struct doc *d;
	const struct idmap *map;  /* NULL: kept */
	int drop;                 /* leave the entry's own id out */
	int strict;               /* an id map does not know is lost, else it becomes "?ID" */
	const char *lost;         /* the first id that could not be renamed */
};

/* A new node in place of n, where n was read. */
static struct node *
like(struct node *n, struct node *c)
{
	c->line = n->line;
	c->col = n->col;
	return c;
}

static struct node *
rename_id(struct xl *x, struct node *v, char prefix)
{
	const char *to = NULL;
	if (!v || v->type != NT_STR)
		return v;
	int known = idmap_get(x->map, prefix, v->s, &to);
	if (to)
		return strcmp(to, v->s) ? like(v, node_str(x->d, to)) : v;
	if (known || x->strict) {  /* known but gone, or unknown where all must be known */
		x->lost = x->lost ? x->lost : v->s;
		return v;
	}
	char *q = xasprintf("?%s", v->s);   /* no entry has this id */
	struct node *n = like(v, node_str(x->d, q));
	free(q);
	return n;
}

static struct node *
rename_items(struct xl *x, struct node *v, const char *sub, char prefix)
{
	if (!v || v->type != NT_SEQ)
		return v;
	struct node *s = like(v, node_new(x->d, NT_SEQ));
	for (size_t j = 0; j < v->n; j++) {
		struct node *it = v->v[j];
		if (it && it->type == NT_MAP) {
			struct node *c = like(it, node_new(x->d, NT_MAP));
			for (size_t q = 0; q < it->n; q++)
				map_push(x->d, c, it->k[q], strcmp(it->k[q]->s, sub) ? it->v[q] :
				    rename_id(x, it->v[q], prefix));
			it = c;
		}
		seq_push(x->d, s, it);
	}
	return s;
}

/* A copy of entry e of list with its ids renamed as x says. */
static struct node *
xlate(struct xl *x, const char *list, struct node *e)
{
	size_t f = 0;
	while (f < sizeof fields / sizeof *fields && strcmp(fields[f].list, list))
		f++;
	if (!e || e->type != NT_MAP || (!x->map && !x->drop) || f == sizeof fields / sizeof *fields)
		return e;       /* nothing to rename */
	struct node *c = like(e, node_new(x->d, NT_MAP));
	for (size_t i = 0; i < e->n; i++) {
		struct node *v = e->v[i];
		f = 0;
		while (f < sizeof fields / sizeof *fields &&
		    (strcmp(fields[f].list, list) || strcmp(fields[f].key, e->k[i]->s)))
			f++;
		if (f < sizeof fields / sizeof *fields) {
			if (x->drop && !strcmp(fields[f].key, "id"))
				continue;
			if (x->map)
				v = fields[f].sub ? rename_items(x, v, fields[f].sub, fields[f].prefix) :
				    rename_id(x, v, fields[f].prefix);
		}
		map_push(x->d, c, e->k[i], v);
	}
	return c;
}

/* One side's list against base's. */
struct lm {
	struct node *l;         /* the side's list, NULL without one */
	size_t n;
	size_t *at;             /* per base entry: where it is in l, or NONE */
	size_t *from;           /* per entry of l: the base entry it is, or NONE: new */
	char *byid;             /* per entry of l: 1 when it has base's id but says something else */
	size_t added;           /* how many are new */
	int appended;           /* base's entries are all in l, unchanged and in order */
	int ambiguous;          /* a renumbered base entry matches more than one */
};

/* Finds base's entries in a side's list by what they say, and records in
 * to_base the side's ids of those it has. An entry with base's id that
 * says something else is base's entry changed. */
static void
match(struct doc *d, const char *list, struct node *bl, struct node *sl, struct idmap *to_base,
    struct lm *m)
{
	size_t nb = seq_len(bl), j = 0;
	char p = prefix_of(list);
	memset(m, 0, sizeof *m);
	m->l = sl && sl->type == NT_SEQ ? sl : NULL;
	m->n = seq_len(m->l);
	m->at = arena_alloc(&d->a, (nb + 1) * sizeof *m->at);
	m->from = arena_alloc(&d->a, (m->n + 1) * sizeof *m->from);
	m->byid = arena_alloc(&d->a, m->n + 1);
	for (size_t k = 0; k < m->n; k++) {
		m->from[k] = NONE;
		m->byid[k] = 0;
	}
	m->appended = 1;
	struct xl bx = { d, NULL, 1, 0, NULL }, sx = { d, to_base, 1, 0, NULL };
	for (size_t i = 0; i < nb; i++) {
		const char *bid = map_str(bl->v[i], "id");
		struct node *b = xlate(&bx, list, bl->v[i]);
		m->at[i] = NONE;
		for (size_t k = j; m->appended && k < m->n; k++) {
			if (!node_same(b, xlate(&sx, list, m->l->v[k])))
				continue;
			m->at[i] = k;
			j = k + 1;
			/* Renumbered: another entry that says the same would do as well. */
			for (size_t q = k + 1; p && !same_str(bid, map_str(m->l->v[k], "id")) && q < m->n; q++)
				m->ambiguous |= node_same(b, xlate(&sx, list, m->l->v[q]));
			break;
		}
		if (m->at[i] == NONE) {
			m->appended = 0;
			for (size_t k = 0; p && bid && k < m->n && m->at[i] == NONE; k++)
				if (m->from[k] == NONE && same_str(bid, map_str(m->l->v[k], "id")))
					m->byid[m->at[i] = k] = 1;
		}
		if (m->at[i] == NONE)
			continue;
		m->from[m->at[i]] = i;
		const char *sid = map_str(m->l->v[m->at[i]], "id");
		if (p && sid && bid)
			idmap_put(to_base, p, sid, bid);
	}
	for (size_t k = 0; k < m->n; k++)
		m->added += m->from[k] == NONE;
	if (sl && !m->l)
		m->appended = 0;
}

/* The merge: the kept side's ids stay, the other side's follow them. */
struct mctx {
	struct doc *d;
	struct node *base, *keep, *other, *out;
	struct idmap kb, ob;    /* each side's ids to base's */
	struct idmap fin;       /* the other side's ids to the merged ones */
	struct lm lk[sizeof idents / sizeof *idents], lo[sizeof idents / sizeof *idents];
	const char *file, *oname, *kname;   /* "ours" or "theirs" */
	struct diags *dg;
};

static int
conflict(struct mctx *c, const char *key, const char *why)
{
	diag_add(c->dg, c->file, 0, 0, "merge/conflict", "%s: %s", key, why);
	return -1;
}

/* The new entry of the kept side that other-side entry e repeats, or NONE. */
static size_t
dup_of(struct mctx *c, const char *list, const struct lm *k, struct node *e)
{
	struct xl ox = { c->d, &c->fin, 1, 0, NULL }, kx = { c->d, NULL, 1, 0, NULL };
	struct node *x = xlate(&ox, list, e);
	for (size_t q = 0; q < k->n; q++)
		if (k->from[q] == NONE && node_same(x, xlate(&kx, list, k->l->v[q])))
			return q;
	return NONE;
}

/* The merged ids of the other side's entries of an identified list: a
 * base entry takes the id the kept side has for it (none when the kept
 * side changed or removed it: which entry is meant is then unknown), a
 * repeat of a kept new entry takes its id. The new ones keep their ids
 * unless the kept side uses one of them; then they are numbered after
 * the kept side's highest, in order. */
static void
final_ids(struct mctx *c, const char *list, char p, const struct lm *k, const struct lm *o)
{
	long top = 0;
	int clash = 0;
	for (size_t q = 0; q < k->n; q++)
		if (id_num(map_str(k->l->v[q], "id")) > top)
			top = id_num(map_str(k->l->v[q], "id"));
	for (size_t j = 0; j < o->n; j++) {
		const char *id = map_str(o->l->v[j], "id");
		size_t q;
		if (!id)
			continue;
		if (o->from[j] != NONE) {
			q = k->at[o->from[j]];
			idmap_put(&c->fin, p, id, q == NONE || k->byid[q] ? NULL : map_str(k->l->v[q], "id"));
		} else if ((q = dup_of(c, list, k, o->l->v[j])) != NONE) {
			idmap_put(&c->fin, p, id, map_str(k->l->v[q], "id"));
		} else {
			for (q = 0; q < k->n; q++)
				clash |= same_str(id, map_str(k->l->v[q], "id"));
		}
	}
	for (size_t j = 0; j < o->n; j++) {
		const char *id = map_str(o->l->v[j], "id"), *to;
		if (!id || idmap_get(&c->fin, p, id, &to))
			continue;
		char *n = xasprintf("%c%ld", p, ++top);
		idmap_put(&c->fin, p, id, clash ? arena_strdup(&c->d->a, n, strlen(n)) : id);
		free(n);
	}
}

/* Entry j of the other side's list, in the merged ids; NULL when one of
 * its references has nothing to point at, a conflict when report. */
static struct node *
other_entry(struct mctx *c, const char *list, struct node *e, size_t j, int report)
{
	struct xl x = { c->d, &c->fin, 0, 1, NULL };
	struct node *r = xlate(&x, list, e);
	if (!x.lost)
		return r;
	if (!report)
		return NULL;
	char *key = xasprintf("%s[%zu] in %s", list, j, c->oname);
	char *why = xasprintf("names %s, which %s changed, removed or never had; keep one version by hand",
	    x.lost, c->kname);
	conflict(c, key, why);
	free(key);
	free(why);
	return NULL;
}

static const char *
date_of(const struct node *e)
{
	const char *s = map_str(e, "date");
	return s ? s : "";
}

/* Both sides only added: base's entries with the new entries of both
 * sides between them in date order, the kept side's first on a tie, and
 * an entry both added alike once. */
static struct node *
interleave(struct mctx *c, const char *list, size_t nb, const struct lm *k, const struct lm *o)
{
	struct node *m = node_new(c->d, NT_SEQ);
	size_t a = 0, b = 0;
	for (size_t i = 0; i <= nb; i++) {
		size_t ka = i < nb ? k->at[i] : k->n, oa = i < nb ? o->at[i] : o->n;
		while (a < ka || b < oa) {
			if (b >= oa || (a < ka && strcmp(date_of(k->l->v[a]), date_of(o->l->v[b])) <= 0)) {
				seq_push(c->d, m, k->l->v[a++]);
				continue;
			}
			struct node *e = o->l->v[b];
			if (dup_of(c, list, k, e) == NONE) {
				if (!(e = other_entry(c, list, e, b, 1)))
					return NULL;
				seq_push(c->d, m, e);
			}
			b++;
		}
		if (i < nb) {
			seq_push(c->d, m, k->l->v[ka]);
			a = ka + 1;
			b = oa + 1;
		}
	}
	return m;
}

/* Sets key in the merged case; v NULL: leaves it out. */
static void
set_key(struct mctx *c, const char *key, struct node *v)
{
	long i = map_index(c->out, key);
	if (v) {
		map_set(c->d, c->out, key, v);
	} else if (i >= 0) {
		memmove(c->out->k + i, c->out->k + i + 1, (c->out->n - (size_t)i - 1) * sizeof *c->out->k);
		memmove(c->out->v + i, c->out->v + i + 1, (c->out->n - (size_t)i - 1) * sizeof *c->out->v);
		c->out->n--;
	}
}

/* The other side's list in the merged ids, with the kept side's version
 * of the base entries it did not change; NULL when a reference in it has
 * nothing to point at (a conflict when report). */
static struct node *
other_list(struct mctx *c, const char *key, const struct lm *k, const struct lm *o, int report)
{
	struct node *ot = node_new(c->d, NT_SEQ);
	for (size_t j = 0; j < o->n; j++) {
		size_t q = o->from[j] != NONE && !o->byid[j] ? k->at[o->from[j]] : NONE;
		struct node *e = q != NONE && !k->byid[q] ? k->l->v[q] :
		    other_entry(c, key, o->l->v[j], j, report);
		if (!e)
			return NULL;
		seq_push(c->d, ot, e);
	}
	return ot;
}

static int
merge_list(struct mctx *c, const char *key, const struct lm *k, const struct lm *o)
{
	struct node *kv = map_get(c->keep, key), *ov = map_get(c->other, key), *ot;
	if (o->appended && !o->added)
		return 0;       /* the other side did not change it */
	if (k->appended && !k->added) {
		if (ov && !(ot = other_list(c, key, k, o, 1)))
			return -1;
		set_key(c, key, ov ? ot : NULL);
		return 0;
	}
	if ((ot = other_list(c, key, k, o, 0)) && node_same(kv, ot))
		return 0;
	if (!k->appended || !o->appended)
		return conflict(c, key, "both sides changed it; keep one version by hand");
	if (!strcmp(key, "levels")) {
		for (size_t j = 0; j < o->n; j++)
			if (o->from[j] == NONE && dup_of(c, key, k, o->l->v[j]) == NONE)
				return conflict(c, key, "both sides moved or closed the case; keep one level decision");
		return 0;
	}
	struct node *m = interleave(c, key, seq_len(map_get(c->base, key)), k, o);
	if (!m)
		return -1;
	set_key(c, key, m);
	return 0;
}

static int
merge_key(struct mctx *c, const char *key)
{
	struct node *bv = map_get(c->base, key), *kv = map_get(c->keep, key), *ov = map_get(c->other, key);
	int lists = (!bv || bv->type == NT_SEQ) && (!kv || kv->type == NT_SEQ) && (!ov || ov->type == NT_SEQ);
	if (!lists) {
		if (node_same(bv, ov) || node_same(kv, ov))
			return 0;
		if (!node_same(bv, kv))
			return conflict(c, key, "both sides changed it; keep one version by hand");
		set_key(c, key, ov);
		return 0;
	}
	for (size_t i = 0; i < sizeof idents / sizeof *idents; i++)
		if (!strcmp(idents[i].list, key))
			return merge_list(c, key, &c->lk[i], &c->lo[i]);
	struct lm k, o;
	match(c->d, key, bv, kv, &c->kb, &k);
	match(c->d, key, bv, ov, &c->ob, &o);
	return merge_list(c, key, &k, &o);
}

int
merge_case(struct doc *od, struct node *base, struct node *theirs, int keep_ours,
    const char *file, struct diags *dg)
{
	struct node *ours = od->root;
	struct mctx c = { .d = od, .file = file, .dg = dg };
	int rc = 0;
	if (!ours || ours->type != NT_MAP || !theirs || theirs->type != NT_MAP)
		return conflict(&c, "document", "not a case on both sides");
	c.base = base && base->type == NT_MAP ? base : NULL;
	c.keep = keep_ours ? ours : theirs;
	c.other = keep_ours ? theirs : ours;
	c.kname = keep_ours ? "ours" : "theirs";
	c.oname = keep_ours ? "theirs" : "ours";
	const char *bid = map_str(c.base, "id"), *oid = map_str(ours, "id");
	if (!same_str(oid, map_str(theirs, "id")) || (c.base && !same_str(bid, oid)))
		return conflict(&c, "id", "the case id was changed on one side; a case keeps its id and its file");
	for (size_t i = 0; i < sizeof idents / sizeof *idents; i++) {
		const char *l = idents[i].list;
		struct node *bl = map_get(c.base, l);
		match(od, l, bl, map_get(c.keep, l), &c.kb, &c.lk[i]);
		match(od, l, bl, map_get(c.other, l), &c.ob, &c.lo[i]);
		if (c.lk[i].ambiguous || c.lo[i].ambiguous)
			rc = conflict(&c, l, "an entry renumbered on one side matches more than one entry; "
			    "keep one version by hand");
		final_ids(&c, l, idents[i].prefix, &c.lk[i], &c.lo[i]);
	}
	c.out = node_new(od, NT_MAP);
	for (size_t i = 0; i < c.keep->n; i++)
		map_push(od, c.out, c.keep->k[i], c.keep->v[i]);
	for (size_t i = 0; i < c.keep->n; i++)
		if (merge_key(&c, c.keep->k[i]->s) < 0)
			rc = -1;
	for (size_t i = 0; i < c.other->n; i++)
		if (!map_get(c.keep, c.other->k[i]->s) && merge_key(&c, c.other->k[i]->s) < 0)
			rc = -1;
	free(c.kb.v);
	free(c.ob.v);
	free(c.fin.v);
	if (rc == 0)
		od->root = c.out;
	return rc;
}

size_t
merge_kept(const struct node *old, const struct node *new, const char *list)
{
	struct doc d;
	struct idmap to_old = { 0 };
	struct lm m = { 0 };
	size_t i = 0, j = 0, n = seq_len(map_get(old, list));
	doc_init(&d, "");
	for (; i < sizeof idents / sizeof *idents; i++) {
		match(&d, idents[i].list, map_get(old, idents[i].list), map_get(new, idents[i].list), &to_old, &m);
		if (!strcmp(idents[i].list, list))
			break;
	}
	if (i == sizeof idents / sizeof *idents)
		match(&d, list, map_get(old, list), map_get(new, list), &to_old, &m);
	while (!m.ambiguous && j < n && m.at[j] != NONE && !m.byid[m.at[j]])
		j++;
	free(to_old.v);
	doc_free(&d);
	return j;
}
