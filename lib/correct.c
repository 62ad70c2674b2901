/* correct.c: withdrawn entries and the view of a case without them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "correct.h"

/* The lists whose entries a correction can withdraw. */
static const char *const lists[] = { "guardians", "levels", "services", "coordinators",
	"consents", "goals", "measures", "evaluations", "meetings", "reports", NULL };
/* Lists whose entries have ids (c1, g1, m1), by the id's letter. */
static const struct {
	char prefix;
	const char *list;
} idents[] = { { 'c', "consents" }, { 'g', "goals" }, { 'm', "measures" } };

const struct node *
correct_find(const struct node *root, const char *name, const char **list, size_t *index)
{
	const char *slash = name ? strchr(name, '/') : NULL;
	if (!name)
		return NULL;
	if (slash) {
		char *end;
		unsigned long n = strtoul(slash + 1, &end, 10);
		for (int i = 0; lists[i]; i++) {
			const struct node *l = map_list(root, lists[i]);
			if (strlen(lists[i]) != (size_t)(slash - name) || strncmp(name, lists[i], (size_t)(slash - name)))
				continue;
			if (*end || slash[1] < '1' || slash[1] > '9' || !l || n > l->n)
				return NULL;
			*list = lists[i];
			*index = n - 1;
			return l->v[n - 1];
		}
		return NULL;
	}
	for (size_t k = 0; k < sizeof idents / sizeof *idents; k++) {
		const struct node *l = map_list(root, idents[k].list);
		if (name[0] != idents[k].prefix)
			continue;
		/* The first entry with the id: a consent's withdrawal has its own. */
		for (size_t i = 0; l && i < l->n; i++) {
			const char *id = map_str(l->v[i], "id");
			if (id && !strcmp(id, name)) {
				*list = idents[k].list;
				*index = i;
				return l->v[i];
			}
		}
	}
	return NULL;
}

void
correct_name(const struct node *entry, const char *list, size_t index, char out[48])
{
	const char *id = map_str(entry, "id");
	if (id && strlen(id) < 48)
		snprintf(out, 48, "%s", id);
	else
		snprintf(out, 48, "%s/%zu", list, index + 1);
}

const struct node *
correct_withdrawn(const struct node *root, const struct node *entry)
{
	const struct node *cs = map_list(root, "corrections");
	const char *list;
	size_t index;
	for (size_t i = 0; cs && i < cs->n; i++)
		if (correct_find(root, map_str(cs->v[i], "withdraws"), &list, &index) == entry)
			return cs->v[i];
	return NULL;
}

size_t
correct_check(const struct node *root, const char *file, struct diags *dg)
{
	const struct node *cs = map_list(root, "corrections");
	size_t before = dg->errors;
	day_t prev = map_date(root, "opened");
	for (size_t i = 0; cs && i < cs->n; i++) {
		const struct node *c = cs->v[i], *e;
		const char *w = map_str(c, "withdraws"), *list;
		size_t index;
		day_t d = map_date(c, "date");
		if (d < prev)
			diag_add(dg, file, c->line, c->col, "date/order", "corrections[%zu]: dated before "
			    "the entry above it or the opening; entries are in date order", i);
		prev = d;
		if (!(e = correct_find(root, w, &list, &index))) {
			diag_add(dg, file, c->line, c->col, "correction/entry",
			    "corrections[%zu]: the case has no entry %s", i, w);
			continue;
		}
		if (!strcmp(list, "levels") && index == 0)
			diag_add(dg, file, c->line, c->col, "correction/entry",
			    "corrections[%zu]: levels/1 opens the case and cannot be withdrawn", i);
		if (map_date(e, "date") > d)
			diag_add(dg, file, c->line, c->col, "correction/date",
			    "corrections[%zu]: dated before the entry %s it withdraws", i, w);
		for (size_t j = 0; j < i; j++) {
			const char *jl;
			size_t ji;
			if (correct_find(root, map_str(cs->v[j], "withdraws"), &jl, &ji) == e)
				diag_add(dg, file, c->line, c->col, "correction/twice",
				    "corrections[%zu]: %s is withdrawn already (corrections[%zu])", i, w, j);
		}
	}
	return dg->errors - before;
}

const struct node *
case_view(struct doc *view, const struct node *root)
{
	const struct node *cs = map_list(root, "corrections");
	doc_init(view, NULL);
	if (!cs || !cs->n || root->type != NT_MAP)
		return root;
	struct node *v = node_new(view, NT_MAP);
	for (size_t i = 0; i < root->n; i++) {
		struct node *val = root->v[i];
		if (val->type == NT_SEQ && strcmp(root->k[i]->s, "corrections")) {
			struct node *kept = node_new(view, NT_SEQ);
			for (size_t j = 0; j < val->n; j++)
				if (!correct_withdrawn(root, val->v[j]))
					seq_push(view, kept, val->v[j]);
			if (!kept->n && val->n)
				continue;       /* as if nothing had been recorded */
			val = kept;
		}
		map_push(view, v, root->k[i], val);
	}
	return v;
}
