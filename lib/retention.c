/* retention.c: closed and archived cases past bti.yaml's retention_days. */
#include <stdlib.h>
#include <string.h>

#include "retention.h"
#include "util.h"
#include "walk.h"
#include "yamlio.h"

void
retention_of(const struct config *cfg, const struct node *root, struct lifespan *ls)
{
	struct case_state st;
	case_state(root, &st);
	const struct node *a = map_list(root, "archived");
	ls->opened = st.opened;
	ls->closed = st.closed ? map_date(st.last, "date") : DATE_NONE;
	ls->archived = a && a->n ? map_date(a->v[a->n - 1], "date") : DATE_NONE;
	ls->until = DATE_NONE;
	ls->last = st.opened;
	for (size_t i = 0; root && i < root->n; i++) {
		const struct node *l = root->v[i];
		if (!strcmp(root->k[i]->s, "archived"))     /* not a figure of any year */
			continue;
		for (size_t j = 0; l->type == NT_SEQ && j < l->n; j++) {
			day_t d = map_date(l->v[j], "date");
			if (d > ls->last)
				ls->last = d;
		}
	}
	/* Kept from the later of the two, so that a case archived late is
	 * not erased before its package is safe. */
	if (cfg->retention_days && ls->closed != DATE_NONE && ls->archived != DATE_NONE)
		ls->until = (ls->closed > ls->archived ? ls->closed : ls->archived) + cfg->retention_days;
}

struct scan {
	struct repo *r;
	day_t today;
	struct lifespan *v;
	long n;
};

static int
one(const char *path, const git_oid *oid, const char *data, size_t len, void *arg)
{
	struct scan *s = arg;
	struct lifespan ls;
	struct diags dg = { 0 };
	struct doc d;
	(void)oid;
	if (case_path_id(path, ls.id) < 0)
		return 0;
	doc_init(&d, path);
	/* An invalid case is bti-check's to report, not this list's. */
	if (yaml_read(&d, data, len, &dg) == 0 &&
	    !case_validate(&s->r->schema, &s->r->model, d.root, path, ls.id, &dg)) {
		retention_of(&s->r->cfg, d.root, &ls);
		if (ls.until != DATE_NONE && ls.until < s->today) {
			s->v = xrealloc(s->v, (size_t)(s->n + 1) * sizeof *s->v);
			s->v[s->n++] = ls;
		}
	}
	doc_free(&d);
	diags_free(&dg);
	return 0;
}

long
retention_expired(struct repo *r, day_t today, struct lifespan **out, struct diags *dg)
{
	struct scan s = { r, today, NULL, 0 };
	*out = NULL;
	if (!r->cfg.retention_days || !r->tree)
		return 0;
	if (walk_cases(r->git, r->tree, one, &s) < 0) {
		free(s.v);
		return git_fail(dg, "cannot read the cases");
	}
	*out = s.v;
	return s.n;
}

int
retention_warn(struct repo *r, day_t today, struct diags *dg)
{
	struct lifespan *v;
	long n = retention_expired(r, today, &v, dg);
	for (long i = 0; i < n; i++) {
		char path[CASE_PATH_MAX], c[11], a[11], u[11];
		case_path(v[i].id, path);
		diag_warn(dg, path, 0, 0, "retention/expired",
		    "closed %s and archived %s, it was to be kept until %s (retention_days: %ld); "
		    "erase it with bti-purge", date_format(v[i].closed, c), date_format(v[i].archived, a),
		    date_format(v[i].until, u), r->cfg.retention_days);
	}
	free(v);
	return n < 0 ? -1 : 0;
}

void
retention_due(const struct config *cfg, const struct node *root, day_t before, due_fn fn,
    void *arg)
{
	struct lifespan ls;
	retention_of(cfg, root, &ls);
	if (ls.until == DATE_NONE || ls.until + 1 > before)
		return;
	const struct node *a = map_list(root, "archived");
	struct obligation ob = { "erasure", ls.until + 1, "", a && a->n ? a->v[a->n - 1] : root };
	fn(&ob, arg);
}
