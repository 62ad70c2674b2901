/* case.c: case identity and the rules a case must keep. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "case.h"
#include "correct.h"
#include "fnr.h"

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void
case_id_new(int year, char out[CASE_ID_LEN + 1])
{
	unsigned char rnd[6];
	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
		perror("bti: getrandom");
		_exit(3);
	}
	snprintf(out, CASE_ID_LEN + 1, "%04d-", year % 10000);
	for (int i = 0; i < 6; i++)
		out[5 + i] = crockford[rnd[i] & 31];
	out[CASE_ID_LEN] = 0;
}

int
case_id_check(const char *in, char out[CASE_ID_LEN + 1])
{
	if (strlen(in) != CASE_ID_LEN)
		return -1;
	for (int i = 0; i < CASE_ID_LEN; i++) {
		char c = (char)toupper((unsigned char)in[i]);
		if (i < 4 ? !isdigit((unsigned char)c) : i == 4 ? c != '-' : !strchr(crockford, c) || !c)
			return -1;
		out[i] = c;
	}
	out[CASE_ID_LEN] = 0;
	return 0;
}

void
case_path(const char *id, char out[CASE_PATH_MAX])
{
	snprintf(out, CASE_PATH_MAX, "cases/%.4s/%c/%s.yaml", id, id[5], id);
}

int
case_path_id(const char *path, char id[CASE_ID_LEN + 1])
{
	const char *base = strrchr(path, '/');
	size_t bl = base ? strlen(++base) : 0;
	char name[CASE_ID_LEN + 1], want[CASE_PATH_MAX];
	if (bl != CASE_ID_LEN + 5 || strcmp(base + CASE_ID_LEN, ".yaml"))
		return -1;
	memcpy(name, base, CASE_ID_LEN);
	name[CASE_ID_LEN] = 0;
	if (case_id_check(name, id) < 0 || strcmp(id, name))
		return -1;
	case_path(id, want);
	return strcmp(want, path) ? -1 : 0;
}

void
case_state(const struct node *root, struct case_state *st)
{
	memset(st, 0, sizeof *st);
	st->level = -1;
	st->opened = map_date(root, "opened");
	const struct node *child = map_get(root, "child");
	st->born = map_date(child, "born");
	struct fnr_info fi;
	if (st->born < 0 && fnr_check(map_str(child, "fnr"), &fi) == FNR_OK && fi.year)
		st->born = date_from_ymd(fi.year, fi.month, fi.day);
	const struct node *lv = map_get(root, "levels");
	if (!lv || lv->type != NT_SEQ || !lv->n)
		return;
	st->last = lv->v[lv->n - 1];
	long long l;
	if (map_int(st->last, "level", &l) == 0)
		st->level = (int)l;
	st->closed = map_true(st->last, "closed");
}

static void
check_child(const struct model *m, const struct node *child, const char *file, struct diags *dg,
    day_t *born)
{
	const struct node *fnr = map_get(child, "fnr");
	const struct node *bn = map_get(child, "born");
	*born = bn ? map_date(child, "born") : -1;
	if (!fnr && !bn && !(m->unborn && map_get(child, "due"))) {
		diag_add(dg, file, child->line, child->col, "case/child",
		    "child: give the birth date (born) or the national id number (fnr)%s",
		    m->unborn ? "; for an unborn child, the due date (due)" : "");
		return;
	}
	if (!fnr)
		return;
	struct fnr_info fi;
	enum fnr_status st = fnr_check(fnr->s, &fi);
	if (st != FNR_OK) {
		diag_add(dg, file, fnr->line, fnr->col, "case/fnr",
		    "child.fnr: not a valid national id number: %s", fnr_strerror(st));
		return;
	}
	if (!fi.year)
		return;
	day_t enc = date_from_ymd(fi.year, fi.month, fi.day);
	if (!bn) {
		*born = enc;
	} else if (*born >= 0 && enc != *born) {
		char b[11];
		diag_add(dg, file, bn->line, bn->col, "case/born",
		    "child.born: %s does not agree with the national id number, which gives %s",
		    bn->s, date_format(enc, b));
	}
}

static void
check_levels(const struct model *m, const struct node *lv, day_t opened,
    const char *file, struct diags *dg)
{
	char set[64];
	for (size_t i = 0; i < lv->n; i++) {
		const struct node *e = lv->v[i];
		long long l = -1;
		map_int(e, "level", &l);
		int closed = map_true(e, "closed");
		day_t d = map_date(e, "date");
		if (l >= m->nlevels) {
			diag_add(dg, file, e->line, e->col, "level/unknown",
			    "levels[%zu]: the model %s has no level %lld (it has 0 to %d)",
			    i, m->name, l, m->nlevels - 1);
			continue;
		}
		const char *cause = map_str(e, "cause");
		if (closed && !cause)
			diag_add(dg, file, e->line, e->col, "level/cause",
			    "levels[%zu]: a closing needs a cause (one of the model's close_causes)", i);
		else if (closed && !model_has_cause(m, cause))
			diag_add(dg, file, e->line, e->col, "level/cause",
			    "levels[%zu]: '%s' is not a closing cause of the model %s", i, cause, m->name);
		else if (!closed && cause)
			diag_add(dg, file, e->line, e->col, "level/cause",
			    "levels[%zu]: a cause belongs only to a closing (closed: true)", i);
		if (i == 0) {
			if (l != 0 || closed)
				diag_add(dg, file, e->line, e->col, "level/first",
				    "levels[0]: a case opens at level 0");
			if (d != opened && d >= 0 && opened >= 0)
				diag_add(dg, file, e->line, e->col, "level/first",
				    "levels[0]: the first level date must be the opening date");
			continue;
		}
		const struct node *p = lv->v[i - 1];
		long long pl = -1;
		map_int(p, "level", &pl);
		int pclosed = map_true(p, "closed");
		day_t pd = map_date(p, "date");
		if (d >= 0 && pd >= 0 && d < pd)
			diag_add(dg, file, e->line, e->col, "level/date-order",
			    "levels[%zu]: dated before the entry above it; entries are in date order", i);
		if (pclosed) {
			if (closed)
				diag_add(dg, file, e->line, e->col, "level/closed",
				    "levels[%zu]: the case is already closed", i);
			else if (!(m->reopen_to >> l & 1))
				diag_add(dg, file, e->line, e->col, "level/reopen",
				    "levels[%zu]: the model %s reopens a closed case only at level %s",
				    i, m->name, model_levels_list(m->reopen_to, set, sizeof set));
		} else if (closed) {
			if (l != pl)
				diag_add(dg, file, e->line, e->col, "level/close",
				    "levels[%zu]: a closing records the level the case was at (%lld)", i, pl);
			else if (!(m->close_from >> l & 1))
				diag_add(dg, file, e->line, e->col, "level/close",
				    "levels[%zu]: the model %s closes cases only from level %s",
				    i, m->name, model_levels_list(m->close_from, set, sizeof set));
		} else if (l == pl) {
			diag_add(dg, file, e->line, e->col, "level/transition",
			    "levels[%zu]: the case is already at level %lld", i, l);
		} else if (!model_allows(m, (int)pl, (int)l)) {
			diag_add(dg, file, e->line, e->col, "level/transition",
			    "levels[%zu]: the model %s does not allow %lld -> %lld (from %lld it allows: %s)",
			    i, m->name, pl, l, pl, model_levels_list(m->trans[pl], set, sizeof set));
		}
	}
}

size_t
case_validate(struct schema *sch, const struct model *m, const struct node *root,
    const char *file, const char *id, struct diags *dg)
{
	size_t before = dg->errors;
	if (schema_validate(sch, root, file, dg))
		return dg->errors - before;
	const char *cid = map_str(root, "id");
	if (id && strcmp(cid, id))
		diag_add(dg, file, map_get(root, "id")->line, map_get(root, "id")->col, "case/id",
		    "id: '%s' does not match the file name (%s)", cid, id);
	day_t born;
	check_child(m, map_get(root, "child"), file, dg, &born);
	correct_check(root, file, dg);
	/* The rules judge the case without the entries corrections withdrew. */
	struct doc vd;
	const struct node *view = case_view(&vd, root);
	struct case_state st;
	case_state(view, &st);
	check_levels(m, map_get(view, "levels"), st.opened, file, dg);
	if (dg->errors == before)
		rules_check(m, view, file, born, dg);
	doc_free(&vd);
	return dg->errors - before;
}
