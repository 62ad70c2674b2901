/* merge.c: the merge driver's logic. Append-only lists make most
 * concurrent changes to one case independent: each side only added. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* Identified lists, their id letter, and where other entries refer to them. */
static const struct {
	const char *list;
	char prefix;
} idents[] = { { "consents", 'c' }, { "goals", 'g' }, { "measures", 'm' } };

struct renum {
	char prefix;
	char from[24], to[24];
};

static size_t
prefix_len(const struct node *base, const struct node *side)
{
	size_t n = base && base->type == NT_SEQ ? base->n : 0;
	if (!side || side->type != NT_SEQ || side->n < n)
		return (size_t)-1;
	for (size_t i = 0; i < n; i++)
		if (!node_same(base->v[i], side->v[i]))
			return (size_t)-1;
	return n;
}

static long
id_num(const char *id)
{
	return id && id[0] ? strtol(id + 1, NULL, 10) : 0;
}

static void
set_str(struct doc *d, struct node *map, const char *key, const char *val)
{
	map_set(d, map, key, node_str(d, val));
}

/* Rewrites references in one of their new entries after renumbering. */
static void
apply(struct doc *d, struct node *e, const struct renum *rn, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *w = map_str(e, "withdraws"), *g = map_str(e, "goal");
		if (rn[i].prefix == 'c' && w && !strcmp(w, rn[i].from))
			set_str(d, e, "withdraws", rn[i].to);
		if (rn[i].prefix == 'g' && g && !strcmp(g, rn[i].from))
			set_str(d, e, "goal", rn[i].to);
		struct node *items = map_get(e, "measures");
		for (size_t j = 0; rn[i].prefix == 'm' && items && items->type == NT_SEQ && j < items->n; j++) {
			const char *m = map_str(items->v[j], "measure");
			if (m && !strcmp(m, rn[i].from))
				set_str(d, items->v[j], "measure", rn[i].to);
		}
	}
}

static int
conflict(struct diags *dg, const char *file, const char *key, const char *why)
{
	diag_add(dg, file, 0, 0, "merge/conflict", "%s: %s", key, why);
	return -1;
}

int
merge_case(struct doc *od, const struct node *base, const struct node *theirs,
    const char *file, struct diags *dg)
{
	struct node *ours = od->root;
	struct renum rn[256];
	size_t nrn = 0;
	int rc = 0;
	if (!ours || ours->type != NT_MAP || !theirs || theirs->type != NT_MAP)
		return conflict(dg, file, "document", "not a case on both sides");
	/* Their new ids that ours gave out too get the next free numbers. */
	for (size_t k = 0; k < sizeof idents / sizeof *idents; k++) {
		const struct node *b = map_get(base, idents[k].list), *o = map_get(ours, idents[k].list);
		const struct node *t = map_get(theirs, idents[k].list);
		size_t bo = prefix_len(b, o), bt = prefix_len(b, t);
		if (bo == (size_t)-1 || bt == (size_t)-1 || !o || !t)
			continue;
		long next = 0;
		for (size_t i = 0; i < o->n; i++)
			if (id_num(map_str(o->v[i], "id")) > next)
				next = id_num(map_str(o->v[i], "id"));
		for (size_t i = bt; i < t->n && bo < o->n && nrn < 256; i++) {
			rn[nrn].prefix = idents[k].prefix;
			snprintf(rn[nrn].from, sizeof rn[nrn].from, "%s", map_str(t->v[i], "id"));
			snprintf(rn[nrn].to, sizeof rn[nrn].to, "%c%ld", idents[k].prefix, ++next);
			set_str(od, t->v[i], "id", rn[nrn].to);
			nrn++;
		}
	}
	for (size_t i = 0; i < theirs->n; i++) {
		const char *key = theirs->k[i]->s;
		struct node *o = map_get(ours, key), *t = theirs->v[i];
		const struct node *b = map_get(base, key);
		if (node_same(o, t) || node_same(b, t))
			continue;
		if (node_same(b, o)) {
			/* Only their side changed it; their new entries may still refer
			 * to ids that were renumbered. */
			size_t bt = prefix_len(b, t);
			for (size_t j = bt == (size_t)-1 ? t->n : bt; t->type == NT_SEQ && j < t->n; j++)
				apply(od, t->v[j], rn, nrn);
			map_set(od, ours, key, t);
			continue;
		}
		size_t bo = prefix_len(b, o), bt = prefix_len(b, t);
		if (t->type != NT_SEQ || bo == (size_t)-1 || bt == (size_t)-1) {
			rc = conflict(dg, file, key, "both sides changed it; keep one version by hand");
			continue;
		}
		if (!strcmp(key, "levels")) {
			rc = conflict(dg, file, key, "both sides moved or closed the case; keep one level decision");
			continue;
		}
		/* Both only added: merge their new entries by date, theirs after ours on a tie. */
		struct node *m = node_new(od, NT_SEQ);
		for (size_t j = 0; j < bo; j++)
			seq_push(od, m, o->v[j]);
		size_t a = bo, c = bt;
		while (a < o->n || c < t->n) {
			int take_ours = c >= t->n || (a < o->n && map_str(o->v[a], "date") &&
			    strcmp(map_str(o->v[a], "date"), map_str(t->v[c], "date") ?
			    map_str(t->v[c], "date") : "") <= 0);
			struct node *e = take_ours ? o->v[a++] : t->v[c++];
			if (!take_ours) {
				apply(od, e, rn, nrn);
				int dup = 0;
				for (size_t j = bo; j < o->n && !dup; j++)
					dup = node_same(o->v[j], e);
				if (dup)
					continue;
			}
			seq_push(od, m, e);
		}
		map_set(od, ours, key, m);
	}
	return rc;
}
