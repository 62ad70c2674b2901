/* schema.c: validating YAML trees against a JSON Schema subset. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "schema.h"
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

struct ctx {
	struct schema *s;
	const char *file;
	struct diags *dg;
	char path[512];
};

static void validate(struct ctx *c, const struct node *sch, const struct node *n);

static void
err(struct ctx *c, const struct node *n, const char *rule, const char *fmt, const char *a, const char *b)
{
	diag_add(c->dg, c->file, n->line, n->col, rule, fmt, c->path[0] ? c->path : "document", a, b);
}

/* Appends ".key" or "[i]" to the path for the duration of a descent. */
static size_t
path_push(struct ctx *c, const char *key, size_t idx)
{
	size_t old = strlen(c->path);
	if (key)
		snprintf(c->path + old, sizeof c->path - old, "%s%s", old ? "." : "", key);
	else
		snprintf(c->path + old, sizeof c->path - old, "[%zu]", idx);
	return old;
}

static void
validate_map(struct ctx *c, const struct node *sch, const struct node *n)
{
	const struct node *props = map_get(sch, "properties");
	const struct node *req = map_get(sch, "required");
	const struct node *addl = map_get(sch, "additionalProperties");
	const struct node *pp = map_get(sch, "patternProperties");

	for (size_t i = 0; req && req->type == NT_SEQ && i < req->n; i++)
		if (map_index(n, req->v[i]->s) < 0)
			err(c, n, "schema/required", "%s: missing required key '%s'", req->v[i]->s, NULL);
	for (size_t i = 0; i < n->n; i++) {
		const char *key = n->k[i]->s;
		const struct node *ps = map_get(props, key);
		if (!ps && pp && pp->type == NT_MAP) {
			for (size_t j = 0; j < pp->n && !ps; j++) {
				regex_t *re = compiled(c->s, pp->k[j]);
				if (re && regexec(re, key, 0, NULL, 0) == 0)
					ps = pp->v[j];
			}
		}
		if (!ps) {
			if (addl && addl->type == NT_BOOL && !addl->i) {
				struct buf allowed = { 0 };
				for (size_t j = 0; props && j < props->n; j++)
					buf_printf(&allowed, "%s%s", j ? ", " : "", props->k[j]->s);
				diag_add(c->dg, c->file, n->k[i]->line, n->k[i]->col, "schema/unknown-key",
				    "%s: unknown key '%s' (allowed: %s; extension keys start with 'x-')",
				    c->path[0] ? c->path : "document", key, allowed.p ? allowed.p : "none");
				buf_free(&allowed);
			}
			continue;
		}
		size_t old = path_push(c, key, 0);
		validate(c, ps, n->v[i]);
		c->path[old] = 0;
	}
}

static void
validate_scalar(struct ctx *c, const struct node *sch, const struct node *n)
{
	const struct node *e = map_get(sch, "enum");
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
	const struct node *k = map_get(sch, "const");
	if (k && strcmp(k->s, n->s))
		err(c, n, "schema/const", "%s: must be %s", k->s, NULL);
	long long lim;
	if (n->type == NT_INT && map_int(sch, "minimum", &lim) == 0 && n->i < lim)
		err(c, n, "schema/range", "%s: %s is below the minimum", n->s, NULL);
	if (n->type == NT_INT && map_int(sch, "maximum", &lim) == 0 && n->i > lim)
		err(c, n, "schema/range", "%s: %s is above the maximum", n->s, NULL);
	if (n->type != NT_STR && n->type != NT_DATE)
		return;
	if (!utf8_valid(n->s)) {
		err(c, n, "text/utf8", "%s: not valid UTF-8 text%s", "", NULL);
		return;
	}
	if (map_int(sch, "minLength", &lim) == 0 && (long long)u8len(n->s) < lim)
		err(c, n, "schema/empty", "%s: must not be empty%s", "", NULL);
	const char *fmt = map_str(sch, "format");
	day_t day;
	if (fmt && !strcmp(fmt, "date")) {
		if (date_parse(n->s, &day) < 0)
			err(c, n, "schema/date", "%s: '%s' is not a real date in the form YYYY-MM-DD", n->s, NULL);
		/* date_parse is stricter than any date pattern: no regex needed. */
		return;
	}
	const struct node *pat = map_get(sch, "pattern");
	if (pat && node_is_scalar(pat)) {
		regex_t *re = compiled(c->s, pat);
		if (re && regexec(re, n->s, 0, NULL, 0) != 0)
			err(c, n, "schema/pattern", "%s: '%s' does not have the form %s", n->s, pat->s);
	}
}

static void
validate(struct ctx *c, const struct node *sch, const struct node *n)
{
	sch = deref(c->s, sch);
	const char *type = map_str(sch, "type");
	if (type && !type_ok(type, n)) {
		const char *hint = n->type == NT_INT || n->type == NT_BOOL || n->type == NT_NULL ||
		    n->type == NT_FLOAT ? " (put it in quotes if it is meant as text)" : "";
		diag_add(c->dg, c->file, n->line, n->col, "schema/type",
		    "%s: expected %s, found %s%s", c->path[0] ? c->path : "document",
		    type_word(type), ntype_name(n->type), !strcmp(type, "string") ? hint : "");
		return;
	}
	if (n->type == NT_MAP) {
		validate_map(c, sch, n);
	} else if (n->type == NT_SEQ) {
		long long min;
		if (map_int(sch, "minItems", &min) == 0 && (long long)n->n < min)
			err(c, n, "schema/empty", "%s: needs at least one entry%s", "", NULL);
		const struct node *items = map_get(sch, "items");
		for (size_t i = 0; items && i < n->n; i++) {
			size_t old = path_push(c, NULL, i);
			validate(c, items, n->v[i]);
			c->path[old] = 0;
		}
	} else {
		validate_scalar(c, sch, n);
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
