/* node.c: arena allocation and construction/lookup of YAML tree nodes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node.h"
#include "util.h"

#define CHUNK_MIN (64 * 1024)

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

void *
arena_alloc(struct arena *a, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;
		c = malloc(sizeof *c + want);
		if (!c) {
			perror("bti: out of memory");
			exit(3);
		}
		c->size = want;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

char *
arena_strdup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = 0;
	return p;
}

void
arena_free(struct arena *a)
{
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}

void
doc_init(struct doc *d, const char *name)
{
	memset(d, 0, sizeof *d);
	d->name = name;
}

void
doc_free(struct doc *d)
{
	arena_free(&d->a);
	d->root = NULL;
}

struct node *
node_new(struct doc *d, enum ntype t)
{
	struct node *n = arena_alloc(&d->a, sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = t;
	n->s = "";
	return n;
}

struct node *
node_scalar(struct doc *d, enum ntype t, const char *s)
{
	struct node *n = node_new(d, t);
	n->s = arena_strdup(&d->a, s, strlen(s));
	return n;
}

struct node *
node_str(struct doc *d, const char *s)
{
	return node_scalar(d, NT_STR, s);
}

struct node *
node_int(struct doc *d, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	struct node *n = node_scalar(d, NT_INT, buf);
	n->i = v;
	return n;
}

struct node *
node_bool(struct doc *d, int v)
{
	struct node *n = node_scalar(d, NT_BOOL, v ? "true" : "false");
	n->i = !!v;
	return n;
}

struct node *
node_date(struct doc *d, const char *s)
{
	return node_scalar(d, NT_DATE, s);
}

static void
grow(struct doc *d, struct node *n)
{
	if (n->n < n->cap)
		return;
	size_t cap = n->cap ? n->cap * 2 : 4;
	struct node **v = arena_alloc(&d->a, cap * sizeof *v);
	if (n->n)
		memcpy(v, n->v, n->n * sizeof *v);
	n->v = v;
	if (n->type == NT_MAP) {
		struct node **k = arena_alloc(&d->a, cap * sizeof *k);
		if (n->n)
			memcpy(k, n->k, n->n * sizeof *k);
		n->k = k;
	}
	n->cap = cap;
}

void
seq_push(struct doc *d, struct node *seq, struct node *item)
{
	grow(d, seq);
	seq->v[seq->n++] = item;
}

long
map_index(const struct node *map, const char *key)
{
	if (!map || map->type != NT_MAP)
		return -1;
	/* The first letters first: most keys differ there (a report looks up
	 * some 2,000 keys a case). */
	for (size_t i = 0; i < map->n; i++)
		if (map->k[i]->s[0] == key[0] && strcmp(map->k[i]->s, key) == 0)
			return (long)i;
	return -1;
}

void
map_set(struct doc *d, struct node *map, const char *key, struct node *val)
{
	long i = map_index(map, key);
	if (i >= 0) {
		map->v[i] = val;
		return;
	}
	map_push(d, map, node_str(d, key), val);
}

void
map_push(struct doc *d, struct node *map, struct node *key, struct node *val)
{
	grow(d, map);
	map->k[map->n] = key;
	map->v[map->n++] = val;
}

struct node *
map_get(const struct node *map, const char *key)
{
	long i = map_index(map, key);
	return i < 0 ? NULL : map->v[i];
}

const struct node *
map_list(const struct node *map, const char *key)
{
	const struct node *l = map_get(map, key);
	return l && l->type == NT_SEQ ? l : NULL;
}

int
node_is_scalar(const struct node *n)
{
	return n && n->type != NT_SEQ && n->type != NT_MAP;
}

const char *
map_str(const struct node *map, const char *key)
{
	struct node *v = map_get(map, key);
	return node_is_scalar(v) && v->type != NT_NULL ? v->s : NULL;
}

int
map_int(const struct node *map, const char *key, long long *out)
{
	struct node *v = map_get(map, key);
	if (!v || v->type != NT_INT)
		return -1;
	*out = v->i;
	return 0;
}

int
map_true(const struct node *map, const char *key)
{
	struct node *v = map_get(map, key);
	return v && v->type == NT_BOOL && v->i;
}

const char *
ntype_name(enum ntype t)
{
	static const char *names[] = { "null", "boolean", "integer", "number",
		"date", "string", "list", "mapping" };
	return names[t];
}

static int
by_key(const void *a, const void *b)
{
	return strcmp((*(struct node *const *)a)->s, (*(struct node *const *)b)->s);
}

/* The pairs of a mapping as key, value, key, value ... sorted by key. */
static struct node **
sorted_pairs(const struct node *m)
{
	struct node **p = xmalloc(2 * m->n * sizeof *p);
	for (size_t i = 0; i < m->n; i++) {
		p[2 * i] = m->k[i];
		p[2 * i + 1] = m->v[i];
	}
	qsort(p, m->n, 2 * sizeof *p, by_key);
	return p;
}

/* Mappings of equal size with unique keys: pair by pair when the keys are in
 * the same order (as bti writes them), else after sorting both by key, so a
 * large mapping costs O(n log n), never O(n^2). */
static int
map_same(const struct node *a, const struct node *b)
{
	size_t i = 0;
	while (i < a->n && !strcmp(a->k[i]->s, b->k[i]->s) && node_same(a->v[i], b->v[i]))
		i++;
	if (i == a->n || !strcmp(a->k[i]->s, b->k[i]->s))
		return i == a->n;
	struct node **pa = sorted_pairs(a), **pb = sorted_pairs(b);
	for (i = 0; i < a->n; i++)
		if (strcmp(pa[2 * i]->s, pb[2 * i]->s) || !node_same(pa[2 * i + 1], pb[2 * i + 1]))
			break;
	free(pa);
	free(pb);
	return i == a->n;
}

int
node_same(const struct node *a, const struct node *b)
{
	if (!a || !b || a->n != b->n)
		return a == b;
	if (a->type == NT_MAP && b->type == NT_MAP)
		return map_same(a, b);
	if (a->type != b->type)
		return 0;
	for (size_t i = 0; a->type == NT_SEQ && i < a->n; i++)
		if (!node_same(a->v[i], b->v[i]))
			return 0;
	return a->type == NT_SEQ || !strcmp(a->s, b->s);
}
