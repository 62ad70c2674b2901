/* node.h: the in-memory YAML tree of one document, allocated from an arena. */
#ifndef BTI_NODE_H
#define BTI_NODE_H

#include <stddef.h>

/* Scalars keep their text; the type says how a plain scalar resolved
 * (YAML 1.2 core schema plus dates). A quoted scalar is always NT_STR. */
enum ntype { NT_NULL, NT_BOOL, NT_INT, NT_FLOAT, NT_DATE, NT_STR, NT_SEQ, NT_MAP };

struct node {
	enum ntype type;
	int line, col;          /* 1-based source position; 0 for nodes made in memory */
	const char *s;          /* scalar text (NUL-terminated) */
	long long i;            /* NT_INT / NT_BOOL value */
	size_t n, cap;          /* children of a sequence or pairs of a mapping */
	struct node **k;        /* mapping keys (NT_STR nodes) */
	struct node **v;        /* sequence items or mapping values */
};

struct chunk;
struct arena { struct chunk *head; };

/* A document owns every node and string in its arena. */
struct doc {
	struct arena a;
	struct node *root;
	const char *name;       /* file name used in diagnostics */
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s, size_t len);
void arena_free(struct arena *a);

void doc_init(struct doc *d, const char *name);
void doc_free(struct doc *d);

struct node *node_new(struct doc *d, enum ntype t);
struct node *node_scalar(struct doc *d, enum ntype t, const char *s);
struct node *node_str(struct doc *d, const char *s);
struct node *node_int(struct doc *d, long long v);
struct node *node_bool(struct doc *d, int v);
struct node *node_date(struct doc *d, const char *s);

/* Appends to a sequence. */
void seq_push(struct doc *d, struct node *seq, struct node *item);
/* Sets key in a mapping, replacing an existing value. */
void map_set(struct doc *d, struct node *map, const char *key, struct node *val);
/* Appends a pair without looking for an existing key. */
void map_push(struct doc *d, struct node *map, struct node *key, struct node *val);
/* The value under key, or NULL (also when map is not a mapping). */
struct node *map_get(const struct node *map, const char *key);
/* Index of key in map, or -1. */
long map_index(const struct node *map, const char *key);

/* The sequence under key, or NULL (also when it is not a sequence). */
const struct node *map_list(const struct node *map, const char *key);
/* Scalar text under key, or NULL if absent or not a scalar. */
const char *map_str(const struct node *map, const char *key);
/* Integer under key into *out; 0 on success, -1 if absent or not an integer. */
int map_int(const struct node *map, const char *key, long long *out);
/* 1 when the value under key is the boolean true. */
int map_true(const struct node *map, const char *key);
int node_is_scalar(const struct node *n);
/* Structural equality: scalars by type and text, mappings in any key order. */
int node_same(const struct node *a, const struct node *b);
const char *ntype_name(enum ntype t);

#endif
