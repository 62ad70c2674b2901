/* services.c: the register of services: checking it, resolving names and
 * aliases, and suggesting the nearest names. */
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "services.h"
#include "tsv.h"

const char *const service_kinds[] = { "kindergarten", "school", "health", "ppt", "barnevern",
	"nav", "police", "other", NULL };

int
services_is_kind(const char *word)
{
	for (size_t k = 0; word && service_kinds[k]; k++)
		if (!strcmp(service_kinds[k], word))
			return 1;
	return 0;
}

#define ERR(n, ...) diag_add(dg, "bti.yaml", (n)->line, (n)->col, "config/services", __VA_ARGS__)

static int
same(const char *a, const char *b, int fuzzy)
{
	struct buf x = { 0 }, y = { 0 };
	fold_name(&x, a, fuzzy);
	fold_name(&y, b, fuzzy);
	int eq = !strcmp(x.p, y.p);
	buf_free(&x);
	buf_free(&y);
	return eq;
}

/* Every name and alias of the register, with the entry it belongs to. */
struct word { const struct node *n, *entry; };

static size_t
words(const struct node *list, struct word **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	for (size_t i = 0; list && i < list->n; i++) {
		const struct node *e = list->v[i], *al = map_get(e, "aliases");
		for (size_t j = 0; j < 1 + (al && al->type == NT_SEQ ? al->n : 0); j++) {
			const struct node *w = j ? al->v[j - 1] : map_get(e, "name");
			if (!w || !node_is_scalar(w))
				continue;
			if (n == cap)
				*out = xrealloc(*out, (cap = cap ? 2 * cap : 16) * sizeof **out);
			(*out)[n++] = (struct word){ w, e };
		}
	}
	return n;
}

size_t
services_check(const struct node *list, struct diags *dg)
{
	size_t before = dg->errors;
	if (!list)
		return 0;
	if (list->type != NT_SEQ) {
		ERR(list, "'services:' is a list of services, each with name, kind and aliases");
		return dg->errors - before;
	}
	for (size_t i = 0; i < list->n; i++) {
		const struct node *e = list->v[i], *al;
		if (e->type != NT_MAP) {
			ERR(e, "services[%zu]: a service is a mapping of name, kind and aliases", i);
			continue;
		}
		for (size_t k = 0; k < e->n; k++)
			if (strcmp(e->k[k]->s, "name") && strcmp(e->k[k]->s, "kind") &&
			    strcmp(e->k[k]->s, "aliases"))
				ERR(e->k[k], "services[%zu]: unknown key '%s' (name, kind, aliases)", i,
				    e->k[k]->s);
		const char *name = map_str(e, "name"), *kind = map_str(e, "kind");
		if (!name || !*name)
			ERR(e, "services[%zu]: a service needs a name", i);
		if (!services_is_kind(kind))
			ERR(map_get(e, "kind") ? map_get(e, "kind") : e,
			    "services[%zu]: kind is kindergarten, school, health, ppt, barnevern, nav, "
			    "police or other", i);
		if ((al = map_get(e, "aliases"))) {
			if (al->type != NT_SEQ)
				ERR(al, "services[%zu]: aliases is a list of names", i);
			for (size_t j = 0; al->type == NT_SEQ && j < al->n; j++)
				if (!node_is_scalar(al->v[j]) || al->v[j]->type == NT_NULL || !*al->v[j]->s)
					ERR(al->v[j], "services[%zu]: an alias is a name", i);
		}
	}
	struct word *w;
	size_t n = words(list, &w);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (same(w[i].n->s, w[j].n->s, 0)) {
				ERR(w[i].n, "'%s' names two services, or one twice", w[i].n->s);
				break;
			}
	free(w);
	return dg->errors - before;
}

const char *
services_resolve(const struct node *list, const char *name)
{
	if (!list)
		return name;
	struct word *w;
	const char *found = NULL;
	size_t n = words(list, &w);
	for (size_t i = 0; i < n && !found; i++)
		if (same(w[i].n->s, name, 0))
			found = map_str(w[i].entry, "name");
	free(w);
	return found;
}

const char *
services_kind(const struct node *list, const char *name)
{
	for (size_t i = 0; list && name && i < list->n; i++)
		if (map_str(list->v[i], "name") && !strcmp(map_str(list->v[i], "name"), name))
			return map_str(list->v[i], "kind");
	return NULL;
}

/* Levenshtein distance between two strings of bytes. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), *row = xmalloc((lb + 1) * sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

void
services_nearest(const struct node *list, const char *name, struct buf *out)
{
	struct word *w;
	size_t n = words(list, &w), *d = xmalloc((n + 1) * sizeof *d);
	struct buf f = { 0 };
	fold_name(&f, name, 1);
	for (size_t i = 0; i < n; i++) {
		struct buf g = { 0 };
		fold_name(&g, w[i].n->s, 1);
		d[i] = distance(f.p, g.p);
		buf_free(&g);
	}
	/* The three nearest entries, each once, nearest first. */
	const struct node *shown[3];
	size_t nshown = 0;
	while (nshown < 3) {
		size_t best = n;
		for (size_t i = 0; i < n; i++) {
			size_t k = 0;
			while (k < nshown && shown[k] != w[i].entry)
				k++;
			if (k == nshown && (best == n || d[i] < d[best]))
				best = i;
		}
		/* The nearest always; more only when they are near too. */
		if (best == n || (nshown && d[best] > (f.len + 1) / 3))
			break;
		shown[nshown++] = w[best].entry;
	}
	for (size_t k = 0; k < nshown; k++)
		buf_printf(out, "%s'%s'", !k ? "" : k + 1 == nshown ? " or " : ", ",
		    map_str(shown[k], "name"));
	buf_free(&f);
	free(d);
	free(w);
}

void
services_tsv(const struct node *list, struct buf *out)
{
	for (size_t i = 0; list && i < list->n; i++) {
		const struct node *e = list->v[i], *al = map_get(e, "aliases");
		tsv_escape(out, map_str(e, "name"));
		buf_puts(out, "\t");
		tsv_escape(out, map_str(e, "kind"));
		buf_puts(out, "\t");
		for (size_t j = 0; al && j < al->n; j++) {
			if (j)
				buf_puts(out, ";");
			for (const char *p = al->v[j]->s; *p; p++) {
				if (*p == ';')
					buf_puts(out, "\\");
				char one[2] = { *p, 0 };
				tsv_escape(out, one);
			}
		}
		buf_puts(out, "\n");
	}
}
