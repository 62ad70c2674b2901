/* model.c: loading and querying a level model. */
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "yamlio.h"

const char *const lang_code[LANG_N] = { "nb", "nn", "en" };

int
lang_parse(const char *s)
{
	for (int i = 0; i < LANG_N; i++)
		if (!strcmp(s, lang_code[i]))
			return i;
	return -1;
}

struct mctx {
	struct model *m;
	struct diags *dg;
	int errors;
};

static const struct node *
need(struct mctx *c, const struct node *map, const char *key, enum ntype t)
{
	const struct node *v = map_get(map, key);
	if (!v || v->type != t) {
		diag_add(c->dg, c->m->d.name, v ? v->line : map->line, v ? v->col : map->col,
		    "model/format", "'%s' must be %s", key,
		    t == NT_INT ? "a whole number" : t == NT_SEQ ? "a list" :
		    t == NT_MAP ? "a mapping" : t == NT_BOOL ? "true or false" : "text");
		c->errors++;
		return NULL;
	}
	return v;
}

/* Reads {nb: .., nn: .., en: ..} into out. */
static void
names(struct mctx *c, const struct node *map, const char *key, const char **out)
{
	const struct node *v = need(c, map, key, NT_MAP);
	for (int i = 0; i < LANG_N; i++) {
		out[i] = "";
		if (!v)
			continue;
		const char *s = map_str(v, lang_code[i]);
		if (!s) {
			diag_add(c->dg, c->m->d.name, v->line, v->col, "model/format",
			    "'%s' lacks the language '%s'", key, lang_code[i]);
			c->errors++;
		} else {
			out[i] = s;
		}
	}
}

static int
level_num(struct mctx *c, const struct node *n)
{
	if (n->type != NT_INT || n->i < 0 || n->i >= c->m->nlevels) {
		diag_add(c->dg, c->m->d.name, n->line, n->col, "model/format",
		    "'%s' is not one of the model's levels", n->s);
		c->errors++;
		return -1;
	}
	return (int)n->i;
}

static unsigned
level_set(struct mctx *c, const struct node *root, const char *key)
{
	unsigned set = 0;
	const struct node *v = need(c, root, key, NT_SEQ);
	for (size_t i = 0; v && i < v->n; i++) {
		int l = level_num(c, v->v[i]);
		if (l >= 0)
			set |= 1u << l;
	}
	return set;
}

static int
opt_int(struct mctx *c, const struct node *root, const char *key, int dflt)
{
	if (!map_get(root, key))
		return dflt;
	const struct node *v = need(c, root, key, NT_INT);
	return v ? (int)v->i : dflt;
}

int
model_parse(struct model *m, const char *name, const char *buf, size_t len, struct diags *dg)
{
	memset(m, 0, sizeof *m);
	doc_init(&m->d, name);
	if (yaml_read(&m->d, buf, len, dg) < 0)
		return -1;
	struct mctx c = { .m = m, .dg = dg };
	const struct node *root = m->d.root;
	if (!root || root->type != NT_MAP) {
		diag_add(dg, name, 1, 1, "model/format", "a model is a mapping");
		return -1;
	}
	long long ver;
	if (map_int(root, "model", &ver) < 0 || ver != 1) {
		diag_add(dg, name, root->line, root->col, "model/format", "'model: 1' is required");
		return -1;
	}
	const struct node *nm = need(&c, root, "name", NT_STR);
	m->name = nm ? nm->s : "";
	names(&c, root, "title", m->title);
	m->consent_age = opt_int(&c, root, "consent_age", 15);
	m->adult_age = opt_int(&c, root, "adult_age", 18);
	m->decision_days = opt_int(&c, root, "decision_days", 0);
	m->meetings_per_year = opt_int(&c, root, "meetings_per_year", 0);
	const struct node *lv = need(&c, root, "levels", NT_SEQ);
	if (!lv)
		return -1;
	if (lv->n == 0 || lv->n > MODEL_MAX_LEVELS) {
		diag_add(dg, name, lv->line, lv->col, "model/format",
		    "a model has 1 to %d levels", MODEL_MAX_LEVELS);
		return -1;
	}
	m->nlevels = (int)lv->n;
	for (size_t i = 0; i < lv->n; i++) {
		const struct node *l = lv->v[i];
		long long num;
		if (l->type != NT_MAP || map_int(l, "level", &num) < 0 || num != (long long)i) {
			diag_add(dg, name, l->line, l->col, "model/format",
			    "levels are numbered 0, 1, 2, ... in order; expected level %zu", i);
			return -1;
		}
		names(&c, l, "name", m->levels[i].name);
		names(&c, l, "summary", m->levels[i].summary);
		const struct node *b = need(&c, l, "cooperation", NT_BOOL);
		m->levels[i].cooperation = b && b->i;
		b = need(&c, l, "coordinator", NT_BOOL);
		m->levels[i].coordinator = b && b->i;
	}
	const struct node *tr = need(&c, root, "transitions", NT_SEQ);
	for (size_t i = 0; tr && i < tr->n; i++) {
		const struct node *t = tr->v[i];
		const struct node *f = need(&c, t, "from", NT_INT), *to = need(&c, t, "to", NT_INT);
		if (!f || !to)
			continue;
		int fl = level_num(&c, f), tl = level_num(&c, to);
		if (fl >= 0 && tl >= 0)
			m->trans[fl] |= 1u << tl;
	}
	m->close_from = level_set(&c, root, "close_from");
	m->reopen_to = level_set(&c, root, "reopen_to");
	m->causes = need(&c, root, "close_causes", NT_SEQ);
	const struct node *roles = need(&c, root, "roles", NT_MAP);
	if (roles)
		names(&c, roles, "coordinator", m->coordinator_role);
	return c.errors ? -1 : 0;
}

void
model_free(struct model *m)
{
	doc_free(&m->d);
}

int
model_allows(const struct model *m, int from, int to)
{
	return from >= 0 && from < m->nlevels && to >= 0 && to < m->nlevels &&
	    (m->trans[from] >> to & 1);
}

int
model_has_cause(const struct model *m, const char *cause)
{
	for (size_t i = 0; m->causes && i < m->causes->n; i++)
		if (!strcmp(m->causes->v[i]->s, cause))
			return 1;
	return 0;
}

const char *
model_levels_list(unsigned set, char *buf, size_t size)
{
	size_t off = 0;
	buf[0] = 0;
	for (int l = 0; l < MODEL_MAX_LEVELS; l++)
		if (set >> l & 1)
			off += (size_t)snprintf(buf + off, size - off, "%s%d", off ? ", " : "", l);
	if (!off)
		snprintf(buf, size, "none");
	return buf;
}
