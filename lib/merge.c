/* merge.c: the merge driver's logic. Append-only lists make most
 * concurrent changes to one case independent: each side only added.
 * Entries are matched across the three versions by what they say, not by
 * their ids: an earlier merge may have renumbered a consent, goal or
 * measure on one side, and the other side's references must follow it.
 * A correction names the entry it withdraws by id or by its place in a
 * list (meetings/2); a merge that puts entries between moves places, and
 * the corrections of both sides follow them. */
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

/* The list whose entries name entries of every other list, by id or by
 * place: merged last, when the places of the others are known. */
static const char last[] = "corrections";

/* Every place an id stands in an entry of list: its own (key "id"), a
 * reference (key), or a reference in the items of a list in it (key, sub).
 * Prefix 0: the id of any list, or a place LIST/N (the Nth entry, from 1). */
static const struct {
	const char *list, *key, *sub;
	char prefix;
} fields[] = {
	{ "consents", "id", NULL, 'c' }, { "consents", "withdraws", NULL, 'c' },
	{ "goals", "id", NULL, 'g' },
	{ "measures", "id", NULL, 'm' }, { "measures", "goal", NULL, 'g' },
	{ "evaluations", "measures", "measure", 'm' },
	{ "corrections", "withdraws", NULL, 0 },
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

/* One side's list against base's. */
struct lm {
	const char *list;
	struct node *l;         /* the side's list, NULL without one */
	size_t n;
	size_t *at;             /* per base entry: where it is in l, or NONE */
	size_t *from;           /* per entry of l: the base entry it is, or NONE: new */
	size_t *to;             /* per entry of l: where it is in the merged list, or NONE */
	char *byid;             /* per entry of l: 1 when it has base's id but says something else */
	size_t added;           /* how many are new */
	int appended;           /* base's entries are all in l, unchanged and in order */
	int ambiguous;          /* a renumbered base entry matches more than one */
};

/* Where the entries of one version's lists are in another version: by
 * lm.from (in base) or, when merged, by lm.to (in the merged case). */
struct places {
	const struct lm *v;
	size_t n;
	int merged;
};

/* How the ids and places in a copy of an entry are renamed. */
struct xl {
	struct doc *d;
	const struct idmap *map;    /* NULL: ids kept */
	const struct places *pos;   /* NULL: places kept */
	int drop;                   /* leave the entry's own id out */
	int strict;                 /* a reference the maps do not know is lost, else it becomes "?REF" */
	const char *lost;           /* the first reference that could not be renamed */
};

/* A new node in place of n, where n was read. */
static struct node *
like(struct node *n, struct node *c)
{
	c->line = n->line;
	c->col = n->col;
	return c;
}

/* Reference v renamed to, or when to is NULL: lost. */
static struct node *
renamed(struct xl *x, struct node *v, const char *to, int known)
{
	if (to)
		return strcmp(to, v->s) ? like(v, node_str(x->d, to)) : v;
	if (known || x->strict) {  /* known but gone, or unknown where all must be known */
		x->lost = x->lost ? x->lost : v->s;
		return v;
	}
	char *q = xasprintf("?%s", v->s);   /* no entry is meant by it */
	struct node *n = like(v, node_str(x->d, q));
	free(q);
	return n;
}

/* LIST/N, the Nth entry of a list, named by where that entry is in the
 * version x->pos leads to. */
static struct node *
rename_place(struct xl *x, struct node *v, const char *slash)
{
	size_t len = (size_t)(slash - v->s), p = NONE;
	const struct lm *m = NULL;
	char *end;
	unsigned long n = strtoul(slash + 1, &end, 10);
	for (size_t i = 0; i < x->pos->n && !m; i++)
		if (strlen(x->pos->v[i].list) == len && !strncmp(x->pos->v[i].list, v->s, len))
			m = &x->pos->v[i];
	if (m && slash[1] >= '1' && slash[1] <= '9' && !*end && n <= m->n)
		p = (x->pos->merged ? m->to : m->from)[n - 1];
	if (p == NONE)
		return renamed(x, v, NULL, 0);
	char *to = xasprintf("%.*s/%zu", (int)len, v->s, p + 1);
	struct node *r = renamed(x, v, to, 1);
	free(to);
	return r;
}

/* A reference renamed: an id of the list with that prefix, or with prefix
 * 0 the id of any list or a place. */
static struct node *
rename_id(struct xl *x, struct node *v, char prefix)
{
	const char *to = NULL, *slash;
	if (!v || v->type != NT_STR)
		return v;
	if (!prefix && (slash = strchr(v->s, '/')))
		return x->pos ? rename_place(x, v, slash) : v;
	if (!x->map)
		return v;
	int known = idmap_get(x->map, prefix ? prefix : v->s[0], v->s, &to);
	return renamed(x, v, to, known);
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
	if (!e || e->type != NT_MAP || (!x->map && !x->pos && !x->drop) || f == sizeof fields / sizeof *fields)
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
			if (x->map || x->pos)
				v = fields[f].sub ? rename_items(x, v, fields[f].sub, fields[f].prefix) :
				    rename_id(x, v, fields[f].prefix);
		}
		map_push(x->d, c, e->k[i], v);
	}
	return c;
}

/* Finds base's entries in a side's list by what they say, and records in
 * to_base the side's ids of those it has. An entry with base's id that
 * says something else is base's entry changed. pos: the side's lists
 * matched before, for the places corrections name. */
static void
match(struct doc *d, const char *list, struct node *bl, struct node *sl, struct idmap *to_base,
    const struct places *pos, struct lm *m)
{
	size_t nb = seq_len(bl), j = 0;
	char p = prefix_of(list);
	memset(m, 0, sizeof *m);
	m->l = sl && sl->type == NT_SEQ ? sl : NULL;
	m->n = seq_len(m->l);
	m->at = arena_alloc(&d->a, (nb + 1) * sizeof *m->at);
	m->from = arena_alloc(&d->a, (m->n + 1) * sizeof *m->from);
	m->to = arena_alloc(&d->a, (m->n + 1) * sizeof *m->to);
	m->byid = arena_alloc(&d->a, m->n + 1);
	for (size_t k = 0; k < m->n; k++) {
		m->from[k] = m->to[k] = NONE;
		m->byid[k] = 0;
	}
	m->list = list;
	m->appended = 1;
	struct xl bx = { .d = d, .drop = 1 }, sx = { .d = d, .map = to_base, .pos = pos, .drop = 1 };
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
	struct lm *lk, *lo;     /* each side's lists against base's, in the order matched */
	size_t nl;
	const char *file, *oname, *kname;   /* "ours" or "theirs" */
	struct diags *dg;
};

static int
conflict(struct mctx *c, const char *key, const char *why)
{
	diag_add(c->dg, c->file, 0, 0, "merge/conflict", "%s: %s", key, why);
	return -1;
}

/* Where the entries of the lists of the other side (other), or the kept
 * side's, are in the merged case. */
static struct places
merged_places(const struct mctx *c, int other)
{
	return (struct places){ other ? c->lo : c->lk, c->nl, 1 };
}

/* Both sides' list key against base's: index in c->lk and c->lo. */
static size_t
matched(struct mctx *c, const char *key)
{
	size_t i = 0;
	while (i < c->nl && strcmp(c->lk[i].list, key))
		i++;
	if (i == c->nl) {
		struct places kp = { c->lk, c->nl, 0 }, op = { c->lo, c->nl, 0 };
		struct node *bl = map_get(c->base, key);
		match(c->d, key, bl, map_get(c->keep, key), &c->kb, &kp, &c->lk[i]);
		match(c->d, key, bl, map_get(c->other, key), &c->ob, &op, &c->lo[i]);
		c->nl++;
	}
	return i;
}

/* The new entry of the kept side that other-side entry e repeats, or NONE. */
static size_t
dup_of(struct mctx *c, const char *list, const struct lm *k, struct node *e)
{
	struct places kp = merged_places(c, 0), op = merged_places(c, 1);
	struct xl ox = { .d = c->d, .map = &c->fin, .pos = &op, .drop = 1 },
	    kx = { .d = c->d, .pos = &kp, .drop = 1 };
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

/* The conflict of entry j of list on side, whose reference lost names an
 * entry the other side did what says to. */
static void
lost_ref(struct mctx *c, const char *list, size_t j, const char *side, const char *lost,
    const char *other, const char *what)
{
	char *key = xasprintf("%s[%zu] in %s", list, j, side);
	char *why = xasprintf("names %s, which %s %s; keep one version by hand", lost, other, what);
	conflict(c, key, why);
	free(key);
	free(why);
}

/* Entry j of the other side's list, in the merged ids; NULL when one of
 * its references has nothing to point at, a conflict when report. */
static struct node *
other_entry(struct mctx *c, const char *list, struct node *e, size_t j, int report)
{
	struct places op = merged_places(c, 1);
	struct xl x = { .d = c->d, .map = &c->fin, .pos = &op, .strict = 1 };
	struct node *r = xlate(&x, list, e);
	if (!x.lost)
		return r;
	if (!report)
		return NULL;
	lost_ref(c, list, j, c->oname, x.lost, c->kname, "changed, removed or never had");
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
interleave(struct mctx *c, const char *list, size_t nb, struct lm *k, struct lm *o)
{
	struct node *m = node_new(c->d, NT_SEQ);
	size_t a = 0, b = 0;
	for (size_t i = 0; i <= nb; i++) {
		size_t ka = i < nb ? k->at[i] : k->n, oa = i < nb ? o->at[i] : o->n;
		while (a < ka || b < oa) {
			if (b >= oa || (a < ka && strcmp(date_of(k->l->v[a]), date_of(o->l->v[b])) <= 0)) {
				k->to[a] = m->n;
				seq_push(c->d, m, k->l->v[a++]);
				continue;
			}
			struct node *e = o->l->v[b];
			if (dup_of(c, list, k, e) == NONE) {
				if (!(e = other_entry(c, list, e, b, 1)))
					return NULL;
				o->to[b] = m->n;
				seq_push(c->d, m, e);
			}
			b++;
		}
		if (i < nb) {
			k->to[ka] = m->n;
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

/* List l of key with the kept side's entries in it naming the places the
 * entries they name have in the merged case; NULL when one names an entry
 * the merged case does not have (a conflict when report). Only the last
 * list names places. */
static struct node *
kept_view(struct mctx *c, const char *key, const struct lm *k, struct node *l, int report)
{
	if (!l || l->type != NT_SEQ || strcmp(key, last))
		return l;
	struct places kp = merged_places(c, 0);
	struct node *n = like(l, node_new(c->d, NT_SEQ));
	for (size_t i = 0; i < l->n; i++) {
		struct node *e = l->v[i];
		size_t q = 0;
		while (q < k->n && e != k->l->v[q])
			q++;
		struct xl x = { .d = c->d, .pos = &kp, .strict = 1 };
		if (q < k->n && (e = xlate(&x, key, e), x.lost)) {
			if (!report)
				return NULL;
			lost_ref(c, key, q, c->kname, x.lost, c->oname, "changed or removed");
			return NULL;
		}
		seq_push(c->d, n, e);
	}
	return n;
}

/* The entry of the kept side that entry j of the other side is, or NONE:
 * a new one, or one the kept side changed or removed. */
static size_t
kept_of(struct mctx *c, const char *list, const struct lm *k, const struct lm *o, size_t j)
{
	if (o->from[j] == NONE)
		return dup_of(c, list, k, o->l->v[j]);
	size_t q = o->byid[j] ? NONE : k->at[o->from[j]];
	return q != NONE && !k->byid[q] ? q : NONE;
}

/* The places in the merged list of the other side's entries not yet
 * placed: where the kept side's entry they are is. */
static void
place_rest(struct mctx *c, const char *list, const struct lm *k, struct lm *o)
{
	for (size_t j = 0; j < o->n; j++) {
		size_t q;
		if (o->to[j] == NONE && (q = kept_of(c, list, k, o, j)) != NONE)
			o->to[j] = k->to[q];
	}
}

/* The merged list is side m's, entry by entry. */
static void
in_place(struct lm *m)
{
	for (size_t q = 0; q < m->n; q++)
		m->to[q] = q;
}

static int
merge_list(struct mctx *c, const char *key, struct lm *k, struct lm *o)
{
	struct node *kv = map_get(c->keep, key), *ov = map_get(c->other, key), *ot;
	if (o->appended && !o->added) {
		in_place(k);    /* the other side did not change it */
		place_rest(c, key, k, o);
		return 0;
	}
	if (k->appended && !k->added) {
		if (ov && !(ot = other_list(c, key, k, o, 1)))
			return -1;
		set_key(c, key, ov ? ot : NULL);
		in_place(o);
		for (size_t q = 0; q < k->n; q++) {
			size_t j = o->at[k->from[q]];
			k->to[q] = j != NONE && !o->byid[j] ? j : NONE;
		}
		return 0;
	}
	ot = other_list(c, key, k, o, 0);
	if (ot && node_same(kept_view(c, key, k, kv, 0), kept_view(c, key, k, ot, 0))) {
		in_place(k);
		in_place(o);
		return 0;
	}
	if (!k->appended || !o->appended)
		return conflict(c, key, "both sides changed it; keep one version by hand");
	if (!strcmp(key, "levels")) {
		for (size_t j = 0; j < o->n; j++)
			if (o->from[j] == NONE && dup_of(c, key, k, o->l->v[j]) == NONE)
				return conflict(c, key, "both sides moved or closed the case; keep one level decision");
		in_place(k);
		place_rest(c, key, k, o);
		return 0;
	}
	struct node *m = interleave(c, key, seq_len(map_get(c->base, key)), k, o);
	if (!m)
		return -1;
	set_key(c, key, m);
	place_rest(c, key, k, o);
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
	size_t i = matched(c, key);
	struct node *l;
	if (merge_list(c, key, &c->lk[i], &c->lo[i]) < 0)
		return -1;
	if ((l = map_get(c->out, key)) && !(l = kept_view(c, key, &c->lk[i], l, 1)))
		return -1;
	set_key(c, key, l);
	return 0;
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
	size_t nk = c.keep->n + c.other->n;
	c.lk = arena_alloc(&od->a, (nk + sizeof idents / sizeof *idents) * sizeof *c.lk);
	c.lo = arena_alloc(&od->a, (nk + sizeof idents / sizeof *idents) * sizeof *c.lo);
	for (size_t i = 0; i < sizeof idents / sizeof *idents; i++) {
		const char *l = idents[i].list;
		size_t m = matched(&c, l);
		if (c.lk[m].ambiguous || c.lo[m].ambiguous)
			rc = conflict(&c, l, "an entry renumbered on one side matches more than one entry; "
			    "keep one version by hand");
		final_ids(&c, l, idents[i].prefix, &c.lk[m], &c.lo[m]);
	}
	c.out = node_new(od, NT_MAP);
	for (size_t i = 0; i < c.keep->n; i++)
		map_push(od, c.out, c.keep->k[i], c.keep->v[i]);
	/* The keys of the kept side, then those only the other has; the last
	 * list after all others. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nk; i++) {
			const char *key = i < c.keep->n ? c.keep->k[i]->s : c.other->k[i - c.keep->n]->s;
			if ((i >= c.keep->n && map_get(c.keep, key)) || (strcmp(key, last) == 0) != pass)
				continue;
			if (merge_key(&c, key) < 0)
				rc = -1;
		}
	free(c.kb.v);
	free(c.ob.v);
	free(c.fin.v);
	if (rc == 0)
		od->root = c.out;
	return rc;
}

/* List of old against new's, matched once in ls[0..*nl]. */
static struct lm *
kept_match(struct doc *d, const struct node *old, const struct node *new, const char *list,
    struct idmap *to_old, struct lm *ls, size_t *nl)
{
	struct places p = { ls, *nl, 0 };
	for (size_t i = 0; i < *nl; i++)
		if (!strcmp(ls[i].list, list))
			return &ls[i];
	match(d, list, map_get(old, list), map_get(new, list), to_old, &p, &ls[*nl]);
	return &ls[(*nl)++];
}

size_t
merge_kept(const struct node *old, const struct node *new, const char *list)
{
	struct doc d;
	struct idmap to_old = { 0 };
	size_t nl = 0, j = 0, n = seq_len(map_get(old, list)), nn = new && new->type == NT_MAP ? new->n : 0;
	doc_init(&d, "");
	struct lm *ls = arena_alloc(&d.a, (nn + 1 + sizeof idents / sizeof *idents) * sizeof *ls);
	/* The lists whose ids or places list may name first, as merge_case does. */
	for (size_t i = 0; i < sizeof idents / sizeof *idents; i++)
		kept_match(&d, old, new, idents[i].list, &to_old, ls, &nl);
	for (size_t i = 0; !strcmp(list, last) && i < nn; i++)
		if (new->v[i]->type == NT_SEQ && strcmp(new->k[i]->s, last))
			kept_match(&d, old, new, new->k[i]->s, &to_old, ls, &nl);
	struct lm *m = kept_match(&d, old, new, list, &to_old, ls, &nl);
	while (!m->ambiguous && j < n && m->at[j] != NONE && !m->byid[m->at[j]])
		j++;
	free(to_old.v);
	doc_free(&d);
	return j;
}
