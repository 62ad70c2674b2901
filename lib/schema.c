/* schema.c: validating YAML trees against a JSON Schema subset. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "schema.h"
#include "text.h"
#include "util.h"
#include "yamlio.h"

struct schema_rx {
	const struct node *pattern;
	regex_t re;
};

int
schema_parse(struct schema *s, const char *name, const char *buf, size_t len, struct diags *dg)
{
	memset(s, 0, sizeof *s);
	doc_init(&s->d, name);
	if (yaml_read(&s->d, buf, len, dg) < 0)
		return -1;
	if (!s->d.root || s->d.root->type != NT_MAP) {
		diag_add(dg, name, 1, 1, "schema/file", "a schema must be a JSON object");
		return -1;
	}
	return 0;
}

void
schema_free(struct schema *s)
{
	for (size_t i = 0; i < s->nrx; i++)
		regfree(&s->rx[i].re);
	free(s->rx);
	free(s->rules);
	doc_free(&s->d);
}

/* Follows "$ref": "#/$defs/NAME"; returns sch itself when it has none. */
static const struct node *
deref(const struct schema *s, const struct node *sch)
{
	for (int hops = 0; hops < 16; hops++) {
		const char *ref = map_str(sch, "$ref");
		if (!ref || strncmp(ref, "#/$defs/", 8))
			return sch;
		const struct node *t = map_get(map_get(s->d.root, "$defs"), ref + 8);
		if (!t)
			return sch;
		sch = t;
	}
	return sch;
}

static regex_t *
compiled(struct schema *s, const struct node *pat)
{
	for (size_t i = 0; i < s->nrx; i++)
		if (s->rx[i].pattern == pat)
			return &s->rx[i].re;
	s->rx = xrealloc(s->rx, (s->nrx + 1) * sizeof *s->rx);
	struct schema_rx *r = &s->rx[s->nrx];
	if (regcomp(&r->re, pat->s, REG_EXTENDED | REG_NOSUB) != 0)
		return NULL;
	r->pattern = pat;
	s->nrx++;
	return &r->re;
}

static int
type_ok(const char *type, const struct node *n)
{
	if (!strcmp(type, "object"))
		return n->type == NT_MAP;
	if (!strcmp(type, "array"))
		return n->type == NT_SEQ;
	if (!strcmp(type, "string"))
		return n->type == NT_STR || n->type == NT_DATE;
	if (!strcmp(type, "integer"))
		return n->type == NT_INT;
	if (!strcmp(type, "number"))
		return n->type == NT_INT || n->type == NT_FLOAT;
	if (!strcmp(type, "boolean"))
		return n->type == NT_BOOL;
	if (!strcmp(type, "null"))
		return n->type == NT_NULL;
	return 0;
}

static const char *
type_word(const char *type)
{
	if (!strcmp(type, "object"))
		return "a mapping";
	if (!strcmp(type, "array"))
		return "a list";
	if (!strcmp(type, "string"))
		return "text";
	if (!strcmp(type, "integer"))
		return "a whole number";
	if (!strcmp(type, "boolean"))
		return "true or false";
	return type;
}

/* The UTF-8 length in code points. */
static size_t
u8len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A schema node's keywords, looked up once: validating a case visits the
 * same few dozen schema nodes thousands of times. */
struct schema_rule {
	const struct node *node;        /* the schema node as referenced (the key) */
	const struct node *props, *req, *pp, *items, *enumv, *constv, *pattern;
	const char *type;
	int closed, date;               /* additionalProperties: false; format: date */
	int has_min, has_max, has_minlen, has_minitems;
	int has_class;                  /* pattern ^[^...]*$, matched by code point */
	struct text_class class;
	long long min, max, minlen, minitems;
};

static size_t
rule_slot(const struct schema *s, const struct node *sch)
{
	size_t h = (size_t)(uintptr_t)sch / sizeof(struct node);
	for (size_t i = h & (s->caprules - 1);; i = (i + 1) & (s->caprules - 1))
		if (!s->rules[i] || s->rules[i]->node == sch)
			return i;
}

/* Rules live in the schema's arena, so a pointer to one stays valid while
 * the table of them grows during a nested validation. */
static const struct schema_rule *
rule_of(struct schema *s, const struct node *sch)
{
	if (s->nrules * 2 >= s->caprules) {
		struct schema_rule **old = s->rules;
		size_t oldcap = s->caprules;
		s->caprules = oldcap ? oldcap * 2 : 256;
		s->rules = xmalloc(s->caprules * sizeof *s->rules);
		memset(s->rules, 0, s->caprules * sizeof *s->rules);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i])
				s->rules[rule_slot(s, old[i]->node)] = old[i];
		free(old);
	}
	size_t slot = rule_slot(s, sch);
	if (s->rules[slot])
		return s->rules[slot];
	struct schema_rule *r = arena_alloc(&s->d.a, sizeof *r);
	const struct node *t = deref(s, sch);
	const struct node *addl = map_get(t, "additionalProperties");
	const char *fmt = map_str(t, "format");
	memset(r, 0, sizeof *r);
	r->node = sch;
	r->props = map_get(t, "properties");
	r->req = map_get(t, "required");
	r->pp = map_get(t, "patternProperties");
	r->items = map_get(t, "items");
	r->enumv = map_get(t, "enum");
	r->constv = map_get(t, "const");
	r->pattern = map_get(t, "pattern");
	r->type = map_str(t, "type");
	r->has_class = r->pattern && node_is_scalar(r->pattern) &&
	    text_class_parse(&r->class, r->pattern->s) == 0;
	r->closed = addl && addl->type == NT_BOOL && !addl->i;
	r->date = fmt && !strcmp(fmt, "date");
	r->has_min = map_int(t, "minimum", &r->min) == 0;
	r->has_max = map_int(t, "maximum", &r->max) == 0;
	r->has_minlen = map_int(t, "minLength", &r->minlen) == 0;
	r->has_minitems = map_int(t, "minItems", &r->minitems) == 0;
	s->rules[slot] = r;
	s->nrules++;
	return r;
}

#define MAX_PATH_DEPTH 64

/* Where in the document validation is: keys and indexes, formatted into
 * "levels[3].cause" only when there is something to report. */
struct ctx {
	struct schema *s;
	const char *file;
	struct diags *dg;
	const char *key[MAX_PATH_DEPTH];
	size_t idx[MAX_PATH_DEPTH];
	int depth;
	char path[512];
};

static const char *
path(struct ctx *c)
{
	size_t off = 0;
	c->path[0] = 0;
	for (int i = 0; i < c->depth && i < MAX_PATH_DEPTH && off < sizeof c->path; i++) {
		int w = c->key[i] ? snprintf(c->path + off, sizeof c->path - off, "%s%s", off ? "." : "", c->key[i]) :
		    snprintf(c->path + off, sizeof c->path - off, "[%zu]", c->idx[i]);
		off += w > 0 ? (size_t)w : 0;
	}
	return c->path[0] ? c->path : "document";
}

static void validate(struct ctx *c, const struct node *sch, const struct node *n);

static void
err(struct ctx *c, const struct node *n, const char *rule, const char *fmt, const char *a, const char *b)
{
	diag_add(c->dg, c->file, n->line, n->col, rule, fmt, path(c), a, b);
}

/* Validates a child, with its key or index on the path. */
static void
descend(struct ctx *c, const char *key, size_t idx, const struct node *sch, const struct node *n)
{
	if (c->depth < MAX_PATH_DEPTH) {
		c->key[c->depth] = key;
		c->idx[c->depth] = idx;
	}
	c->depth++;
	validate(c, sch, n);
	c->depth--;
}

static void
validate_map(struct ctx *c, const struct schema_rule *r, const struct node *n)
{
	for (size_t i = 0; r->req && r->req->type == NT_SEQ && i < r->req->n; i++)
		if (map_index(n, r->req->v[i]->s) < 0)
			err(c, n, "schema/required", "%s: missing required key '%s'", r->req->v[i]->s, NULL);
	for (size_t i = 0; i < n->n; i++) {
		const char *key = n->k[i]->s;
		const struct node *ps = map_get(r->props, key);
		if (!ps && r->pp && r->pp->type == NT_MAP) {
			for (size_t j = 0; j < r->pp->n && !ps; j++) {
				regex_t *re = compiled(c->s, r->pp->k[j]);
				if (re && regexec(re, key, 0, NULL, 0) == 0)
					ps = r->pp->v[j];
			}
		}
		if (!ps) {
			if (r->closed) {
				struct buf allowed = { 0 };
				for (size_t j = 0; r->props && j < r->props->n; j++)
					buf_printf(&allowed, "%s%s", j ? ", " : "", r->props->k[j]->s);
				diag_add(c->dg, c->file, n->k[i]->line, n->k[i]->col, "schema/unknown-key",
				    "%s: unknown key '%s' (allowed: %s; extension keys start with 'x-')",
				    path(c), key, allowed.p ? allowed.p : "none");
				buf_free(&allowed);
			}
			continue;
		}
		descend(c, key, 0, ps, n->v[i]);
	}
}

static void
validate_scalar(struct ctx *c, const struct schema_rule *r, const struct node *n)
{
	const struct node *e = r->enumv;
	if (e && e->type == NT_SEQ) {
		size_t i;
		for (i = 0; i < e->n; i++)
			if (!strcmp(e->v[i]->s, n->s))
				break;
		if (i == e->n) {
			struct buf allowed = { 0 };
			for (i = 0; i < e->n; i++)
				buf_printf(&allowed, "%s%s", i ? ", " : "", e->v[i]->s);
			err(c, n, "schema/enum", "%s: '%s' is not one of: %s", n->s, allowed.p);
			buf_free(&allowed);
		}
	}
	if (r->constv && strcmp(r->constv->s, n->s))
		err(c, n, "schema/const", "%s: must be %s", r->constv->s, NULL);
	if (n->type == NT_INT && r->has_min && n->i < r->min)
		err(c, n, "schema/range", "%s: %s is below the minimum", n->s, NULL);
	if (n->type == NT_INT && r->has_max && n->i > r->max)
		err(c, n, "schema/range", "%s: %s is above the maximum", n->s, NULL);
	if (n->type != NT_STR && n->type != NT_DATE)
		return;
	if (!utf8_valid(n->s)) {
		err(c, n, "text/utf8", "%s: not valid UTF-8 text%s", "", NULL);
		return;
	}
	if (r->has_minlen && (long long)u8len(n->s) < r->minlen)
		err(c, n, "schema/empty", "%s: must not be empty%s", "", NULL);
	day_t day;
	if (r->date) {
		if (date_parse(n->s, &day) < 0)
			err(c, n, "schema/date", "%s: '%s' is not a real date in the form YYYY-MM-DD", n->s, NULL);
		/* date_parse is stricter than any date pattern: no regex needed. */
		return;
	}
	char esc[12];
	if (r->has_class) {
		if (text_class_check(&r->class, n->s, esc) < 0)
			err(c, n, "text/control", "%s: holds a control character (%s) that this field does not "
			    "allow; see bti-case(5)%s", esc, "");
	} else if (r->pattern && node_is_scalar(r->pattern)) {
		regex_t *re = compiled(c->s, r->pattern);
		if (re && regexec(re, n->s, 0, NULL, 0) != 0)
			err(c, n, "schema/pattern", "%s: '%s' does not have the form %s", n->s, r->pattern->s);
	}
}

static void
validate(struct ctx *c, const struct node *sch, const struct node *n)
{
	const struct schema_rule *r = rule_of(c->s, sch);
	if (r->type && !type_ok(r->type, n)) {
		const char *hint = n->type == NT_INT || n->type == NT_BOOL || n->type == NT_NULL ||
		    n->type == NT_FLOAT ? " (put it in quotes if it is meant as text)" : "";
		diag_add(c->dg, c->file, n->line, n->col, "schema/type",
		    "%s: expected %s, found %s%s", path(c), type_word(r->type), ntype_name(n->type),
		    !strcmp(r->type, "string") ? hint : "");
		return;
	}
	if (n->type == NT_MAP) {
		validate_map(c, r, n);
	} else if (n->type == NT_SEQ) {
		if (r->has_minitems && (long long)n->n < r->minitems)
			err(c, n, "schema/empty", "%s: needs at least one entry%s", "", NULL);
		for (size_t i = 0; r->items && i < n->n; i++)
			descend(c, NULL, i, r->items, n->v[i]);
	} else {
		validate_scalar(c, r, n);
	}
}

size_t
schema_validate(struct schema *s, const struct node *inst, const char *file, struct diags *dg)
{
	size_t before = dg->errors;
	struct ctx c = { .s = s, .file = file, .dg = dg };
	if (!inst) {
		diag_add(dg, file, 1, 1, "schema/type", "the file is empty");
		return 1;
	}
	validate(&c, s->d.root, inst);
	return dg->errors - before;
}

static void
order(const struct schema *s, struct doc *d, const struct node *sch, struct node *n)
{
	sch = deref(s, sch);
	if (n->type == NT_SEQ) {
		const struct node *items = map_get(sch, "items");
		for (size_t i = 0; items && i < n->n; i++)
			order(s, d, items, n->v[i]);
		return;
	}
	if (n->type != NT_MAP)
		return;
	const struct node *props = map_get(sch, "properties");
	if (!props || props->type != NT_MAP || n->n < 2) {
		for (size_t i = 0; props && i < n->n; i++) {
			const struct node *ps = map_get(props, n->k[i]->s);
			if (ps)
				order(s, d, ps, n->v[i]);
		}
		return;
	}
	struct node **k = arena_alloc(&d->a, n->n * sizeof *k);
	struct node **v = arena_alloc(&d->a, n->n * sizeof *v);
	size_t m = 0;
	for (size_t p = 0; p < props->n; p++) {
		long i = map_index(n, props->k[p]->s);
		if (i < 0)
			continue;
		order(s, d, props->v[p], n->v[i]);
		k[m] = n->k[i];
		v[m++] = n->v[i];
	}
	for (size_t i = 0; i < n->n; i++) {
		if (map_get(props, n->k[i]->s))
			continue;
		k[m] = n->k[i];
		v[m++] = n->v[i];
	}
	n->k = k;
	n->v = v;
	n->cap = n->n;
}

void
schema_order(const struct schema *s, struct doc *d, struct node *inst)
{
	if (inst)
		order(s, d, s->d.root, inst);
}
