/* crosstab.c: two-dimensional tables and their suppression.
 *
 * A table with its totals is a grid of (R + 1) x (C + 1) values in which
 * every row and every column adds up: the cells to the total at its end.
 * Which hidden values could be worked out from the shown ones is a question
 * about a graph: the R + 1 rows and C + 1 columns are its nodes and every
 * hidden value is an edge between its row and its column. A hidden value
 * can be recomputed from the others (by adding and subtracting rows and
 * columns, in any number of steps) exactly when its edge is a bridge, on no
 * cycle of hidden values; a value alone in its row or column is the
 * simplest case. So after the primary suppression, for as long as a hidden
 * value is a bridge, three more values are hidden so that it is a corner of
 * a rectangle of hidden values: the rectangle whose three other corners
 * hide the least, a value that is not 0 counting as itself and a 0 as more
 * than any count (a hidden 0 protects little: no count is below it). No
 * value is ever unhidden, so every round has one bridge fewer. */
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "crosstab.h"
#include "stats.h"
#include "util.h"

/* Keeps the spelling of a name that sorts first by bytes (as stats.c). */
static void
spelling(char **kept, const char *other)
{
	if (strcmp(other, *kept) < 0) {
		free(*kept);
		*kept = xstrdup(other);
	}
}

void
crosstab_count(struct crosstab *x, const char *r, const char *c)
{
	for (size_t i = 0; i < x->npairs; i++)
		if (nb_same_name(x->pairs[i].r, r) && nb_same_name(x->pairs[i].c, c)) {
			x->pairs[i].n++;
			spelling(&x->pairs[i].r, r);
			spelling(&x->pairs[i].c, c);
			return;
		}
	x->pairs = xrealloc(x->pairs, (x->npairs + 1) * sizeof *x->pairs);
	x->pairs[x->npairs++] = (struct xpair){ xstrdup(r), xstrdup(c), 1 };
}

static int
cmp_str(const void *a, const void *b)
{
	return nb_collate(*(char *const *)a, *(char *const *)b);
}

static size_t
find(char **keys, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (nb_same_name(keys[i], key))
			return i;
	return n;
}

/* The keys of one side: the linked table's rows, then any other key the
 * pairs bring (none when the counting agrees), sorted. */
static char **
keys(const struct table *link, const struct crosstab *x, int col, size_t *n)
{
	char **k = xmalloc((x->npairs + (link ? link->nrows : 0) + x->ncols + 1) * sizeof *k);
	size_t m = 0, fixed;
	for (size_t i = 0; link && i < link->nrows; i++)
		k[m++] = xstrdup(link->rows[i].key);
	for (size_t i = 0; col && i < x->ncols; i++)
		k[m++] = xstrdup(x->cols[i]);
	fixed = m;
	for (size_t i = 0; i < x->npairs; i++) {
		const char *key = col ? x->pairs[i].c : x->pairs[i].r;
		if (find(k, m, key) == m)
			k[m++] = xstrdup(key);
	}
	qsort(k + fixed, m - fixed, sizeof *k, cmp_str);
	*n = m;
	return k;
}

void
crosstab_build(struct crosstab *x)
{
	x->rk = keys(x->rlink, x, 0, &x->nr);
	x->ck = keys(x->clink, x, 1, &x->nc);
	size_t size = (x->nr + 1) * (x->nc + 1);
	x->v = xmalloc(size * sizeof *x->v);
	x->hid = xmalloc(size * sizeof *x->hid);
	memset(x->v, 0, size * sizeof *x->v);
	memset(x->hid, 0, size * sizeof *x->hid);
	for (size_t p = 0; p < x->npairs; p++) {
		size_t i = find(x->rk, x->nr, x->pairs[p].r), j = find(x->ck, x->nc, x->pairs[p].c);
		long n = x->pairs[p].n;
		x->v[XT_AT(x, i, j)] += n;
		x->v[XT_AT(x, i, x->nc)] += n;
		x->v[XT_AT(x, x->nr, j)] += n;
		x->v[XT_AT(x, x->nr, x->nc)] += n;
	}
}

void
crosstab_primary(struct crosstab *x, int k)
{
	for (size_t a = 0; a < (x->nr + 1) * (x->nc + 1); a++)
		if (x->v[a] > 0 && x->v[a] < k)
			x->hid[a] = 1;
}

/* Whether rows and columns a and b (nodes: rows 0..R, then columns) are
 * joined by hidden values, the edge (skip_i, skip_j) left out. */
static int
joined(const struct crosstab *x, size_t a, size_t b, size_t skip_i, size_t skip_j, char *seen, size_t *queue)
{
	size_t R = x->nr + 1, C = x->nc + 1, head = 0, tail = 0;
	memset(seen, 0, R + C);
	seen[a] = 1;
	queue[tail++] = a;
	while (head < tail) {
		size_t u = queue[head++];
		if (u == b)
			return 1;
		for (size_t w = 0; w < (u < R ? C : R); w++) {
			size_t i = u < R ? u : w, j = u < R ? w : u - R, node = u < R ? R + w : w;
			if (!x->hid[XT_AT(x, i, j)] || (i == skip_i && j == skip_j) || seen[node])
				continue;
			seen[node] = 1;
			queue[tail++] = node;
		}
	}
	return 0;
}

/* What hiding a shown value costs: a count itself, a 0 more than any. */
static long
cost(const struct crosstab *x, size_t i, size_t j)
{
	size_t a = XT_AT(x, i, j);
	return x->hid[a] ? 0 : x->v[a] ? x->v[a] : 1L << 40;
}

int
crosstab_protect(struct crosstab *x)
{
	size_t R = x->nr + 1, C = x->nc + 1;
	char *seen = xmalloc(R + C);
	size_t *queue = xmalloc((R + C) * sizeof *queue);
	int added = 0, again = 1;
	while (again) {
		again = 0;
		for (size_t i = 0; i < R && !again; i++)
			for (size_t j = 0; j < C && !again; j++) {
				if (!x->hid[XT_AT(x, i, j)] || joined(x, i, R + j, i, j, seen, queue))
					continue;
				/* A bridge: the cheapest rectangle through it. */
				long best = -1;
				size_t bi = i, bj = j;
				for (size_t i2 = 0; i2 < R; i2++)
					for (size_t j2 = 0; j2 < C; j2++) {
						if (i2 == i || j2 == j)
							continue;
						long c = cost(x, i, j2) + cost(x, i2, j2) + cost(x, i2, j);
						if (best < 0 || c < best) {
							best = c;
							bi = i2;
							bj = j2;
						}
					}
				if (best < 0)
					continue;       /* a single row or column: nothing to pair with */
				size_t corner[3] = { XT_AT(x, i, bj), XT_AT(x, bi, bj), XT_AT(x, bi, j) };
				for (int c = 0; c < 3; c++)
					if (!x->hid[corner[c]]) {
						x->hid[corner[c]] = 2;
						added++;
					}
				again = 1;
			}
	}
	free(seen);
	free(queue);
	return added;
}

void
crosstab_free(struct crosstab *x)
{
	for (size_t i = 0; i < x->npairs; i++) {
		free(x->pairs[i].r);
		free(x->pairs[i].c);
	}
	for (size_t i = 0; i < x->nr; i++)
		free(x->rk[i]);
	for (size_t i = 0; i < x->nc; i++)
		free(x->ck[i]);
	free(x->pairs);
	free(x->rk);
	free(x->ck);
	free(x->v);
	free(x->hid);
}
