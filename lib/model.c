/* model.c: loading a level model (checked against model.schema.json, then
 * what a schema cannot say) and querying it. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "embedded.h"
#include "model.h"
#include "schema.h"
#include "services.h"
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

#define MERR(c, n, ...) \
	(diag_add((c)->dg, (c)->m->d.name, (n)->line, (n)->col, "model/format", __VA_ARGS__), (c)->errors++)

/* Reads {nb: .., nn: .., en: ..} (the schema checked them) into out. */
static void
names(const struct node *v, const char **out)
{
	for (int i = 0; i < LANG_N; i++)
		out[i] = v ? map_str(v, lang_code[i]) : NULL;
}

static int
level_num(struct mctx *c, const struct node *n)
{
	if (n->i >= c->m->nlevels) {
		MERR(c, n, "'%s' is not one of the model's levels (0 to %d)", n->s, c->m->nlevels - 1);
		return -1;
	}
	return (int)n->i;
}

static unsigned
level_set(struct mctx *c, const struct node *root, const char *key)
{
	unsigned set = 0;
	const struct node *v = map_list(root, key);
	for (size_t i = 0; v && i < v->n; i++) {
		int l = level_num(c, v->v[i]);
		if (l >= 0)
			set |= 1u << l;
	}
	return set;
}

static int
opt_int(const struct node *map, const char *key, int dflt)
{
	long long v;
	return map_int(map, key, &v) == 0 ? (int)v : dflt;
}

static const char *const need_words[] = { "none", "own", "involved", "all", NULL };
static const char *const effect_words[] = { "stay", "up", "down", "close", "level", NULL };

static int
word_index(const char *const *words, const char *s, int dflt)
{
	for (int i = 0; s && words[i]; i++)
		if (!strcmp(words[i], s))
			return i;
	return dflt;
}

static void
decisions(struct mctx *c, const struct node *root)
{
	struct model *m = c->m;
	const struct node *ds = map_get(root, "decisions");
	if (!ds) {
		/* The decisions every BTI level ends with. */
		static const char *const dflt[] = { "continue", "up", "down", "close" };
		static const enum effect eff[] = { EFF_STAY, EFF_UP, EFF_DOWN, EFF_CLOSE };
		for (int i = 0; i < 4; i++)
			m->decisions[i] = (struct decision){ .word = dflt[i], .effect = eff[i], .at = root };
		m->ndecisions = 4;
		return;
	}
	if (ds->n > MODEL_MAX_DECISIONS) {
		MERR(c, ds, "a model has at most %d decisions", MODEL_MAX_DECISIONS);
		return;
	}
	for (size_t i = 0; i < ds->n; i++) {
		struct decision *dc = &m->decisions[m->ndecisions++];
		const struct node *v = ds->v[i], *lv = map_get(v, "level");
		dc->word = ds->k[i]->s;
		dc->at = ds->k[i];
		dc->effect = (enum effect)word_index(effect_words, map_str(v, "effect"), EFF_STAY);
		dc->cause = map_str(v, "cause");
		names(map_get(v, "name"), dc->name);
		if ((dc->effect == EFF_LEVEL) != !!lv)
			MERR(c, v, "decisions.%s: 'level' goes with 'effect: level', and only there", dc->word);
		else if (lv)
			dc->level = level_num(c, lv);
		if (dc->cause && dc->effect != EFF_CLOSE)
			MERR(c, v, "decisions.%s: 'cause' goes with 'effect: close'", dc->word);
		else if (dc->cause && !model_has_cause(m, dc->cause))
			MERR(c, map_get(v, "cause"), "decisions.%s: '%s' is not one of close_causes",
			    dc->word, dc->cause);
	}
}

static void
levels(struct mctx *c, const struct node *lv)
{
	struct model *m = c->m;
	for (size_t i = 0; i < lv->n; i++) {
		const struct node *l = lv->v[i], *ds = map_list(l, "decisions");
		struct level *L = &m->levels[i];
		if (opt_int(l, "level", -1) != (int)i)
			MERR(c, l, "levels are numbered 0, 1, 2, ... in order; expected level %zu", i);
		names(map_get(l, "name"), L->name);
		names(map_get(l, "summary"), L->summary);
		L->cooperation = map_true(l, "cooperation");
		L->coordinator = map_true(l, "coordinator");
		L->coordinator_team = map_str(l, "coordinator_team");
		L->team_when = map_list(l, "coordinator_team_when");
		if (L->team_when && !L->coordinator_team)
			MERR(c, l, "levels[%zu]: coordinator_team_when needs coordinator_team", i);
		L->coordinator_kinds = map_list(l, "coordinator_kinds");
		L->services_min = opt_int(map_get(l, "services"), "min", 0);
		L->services_max = opt_int(map_get(l, "services"), "max", 0);
		if (L->services_max && L->services_min > L->services_max)
			MERR(c, map_get(l, "services"), "levels[%zu].services: min is above max", i);
		L->consent = (enum need)word_index(need_words, map_str(l, "consent"),
		    L->cooperation ? NEED_INVOLVED : NEED_NONE);
		L->meetings_per_year = opt_int(l, "meetings_per_year", L->cooperation ? m->meetings_per_year : 0);
		L->evaluation_days = opt_int(l, "evaluation_days", -1);
		L->leader_informed = map_true(l, "leader_informed");
		if ((L->coordinator_team || L->coordinator_kinds) && !L->coordinator)
			MERR(c, l, "levels[%zu]: coordinator_team and coordinator_kinds need 'coordinator: true'", i);
		if (!ds) {
			L->decisions = (1u << m->ndecisions) - 1;
			continue;
		}
		for (size_t j = 0; j < ds->n; j++) {
			const struct decision *dc = model_decision(m, ds->v[j]->s);
			if (!dc)
				MERR(c, ds->v[j], "levels[%zu]: '%s' is not one of the model's decisions", i, ds->v[j]->s);
			else
				L->decisions |= 1u << (dc - m->decisions);
		}
	}
	/* What a level's listed decisions do must be possible from it. */
	for (size_t l = 0; l < lv->n; l++)
		for (int k = 0; map_list(lv->v[l], "decisions") && k < m->ndecisions; k++) {
			const struct decision *dc = &m->decisions[k];
			int to = model_decision_to(dc, (int)l);
			const char *why = to == MODEL_CLOSE ? (m->close_from >> l & 1 ? NULL : "a closing") :
			    to < 0 || to >= m->nlevels ? "a level it does not have" :
			    to == (int)l || model_allows(m, (int)l, to) ? NULL : "a move it has not";
			if ((m->levels[l].decisions >> k & 1) && why)
				MERR(c, lv->v[l], "levels[%zu]: the decision '%s' leads to %s", l, dc->word, why);
		}
}

/* The kinds a rule names: kinds of service (bti-config(1)) or groups of
 * service_kinds, one vocabulary with the register of services. */
static void
check_kinds(struct mctx *c, const struct node *kinds, const char *what)
{
	for (size_t i = 0; kinds && i < kinds->n; i++)
		if (!services_is_kind(kinds->v[i]->s) && !map_get(c->m->service_kinds, kinds->v[i]->s))
			MERR(c, kinds->v[i], "%s: '%s' is neither a kind of service (kindergarten, school, health, "
			    "ppt, barnevern, nav, police or other) nor a group of service_kinds", what, kinds->v[i]->s);
}

static void
meeting_kinds(struct mctx *c, const struct node *root)
{
	const struct node *mk = map_get(root, "meeting_kinds");
	for (size_t i = 0; mk && i < mk->n; i++) {
		if (c->m->nmkinds == MODEL_MAX_KINDS) {
			MERR(c, mk, "a model has at most %d meeting kinds", MODEL_MAX_KINDS);
			return;
		}
		const struct node *v = mk->v[i];
		const struct node *ch = map_get(v, "child"), *gu = map_get(v, "guardians");
		const char *cs = map_str(v, "consent");
		struct meeting_kind *k = &c->m->mkinds[c->m->nmkinds++];
		*k = (struct meeting_kind){
			.word = mk->k[i]->s,
			.child = !ch || ch->i,
			.guardians = !gu || gu->i,
			.coordinator_leads = map_true(v, "coordinator_leads"),
			.anonymous_or_consent = cs && !strcmp(cs, "unless-anonymous"),
		};
		names(map_get(v, "name"), k->name);
	}
}

static void
consent_rules(struct mctx *c, const struct node *root)
{
	struct model *m = c->m;
	const struct node *al = map_list(root, "consent_alone");
	const char *op = map_str(root, "one_parent");
	m->consent_age = opt_int(root, "consent_age", 0);
	m->adult_age = opt_int(root, "adult_age", 0);
	if (m->consent_age > m->adult_age)
		MERR(c, map_get(root, "consent_age"), "consent_age is above adult_age");
	for (size_t i = 0; al && i < al->n; i++) {
		if (m->nalone == MODEL_MAX_ALONE) {
			MERR(c, al, "consent_alone has at most %d entries", MODEL_MAX_ALONE);
			break;
		}
		m->alone[m->nalone++] = (struct alone_rule){ opt_int(al->v[i], "age", 0), map_list(al->v[i], "kinds") };
	}
	m->parent_lives_with = op && !strcmp(op, "lives-with-child");
	m->refusal_blocks = map_true(root, "refusal_blocks");
	m->coordinator_after_consent = map_true(root, "coordinator_after_consent");
}

static void
deadlines(struct model *m, const struct node *root)
{
	const struct node *t = map_get(root, "target"), *v = map_get(root, "child_voice");
	m->decision_days = opt_int(root, "decision_days", -1);
	m->meetings_per_year = opt_int(root, "meetings_per_year", 0);
	m->report_days = opt_int(map_get(root, "report"), "days", -1);
	m->report_kinds = map_list(map_get(root, "report"), "kinds");
	m->target = t != NULL;
	m->min_age = opt_int(t, "min_age", 0);
	m->max_age = opt_int(t, "max_age", 0);
	m->unborn = map_true(t, "unborn");
	m->heard_age = opt_int(v, "heard", -1);
	m->weighs_age = opt_int(v, "weighs", -1);
	m->sources = map_list(root, "sources");
	m->service_kinds = map_get(root, "service_kinds");
}

static int
model_load(struct model *m, const char *name, const char *buf, size_t len, struct diags *dg)
{
	memset(m, 0, sizeof *m);
	doc_init(&m->d, name);
	if (yaml_read(&m->d, buf, len, dg) < 0)
		return -1;
	struct mctx c = { .m = m, .dg = dg };
	const struct node *root = m->d.root;
	struct schema sch;
	size_t slen;
	const char *stext = embedded_file("schema/model.schema.json", &slen);
	if (!root || root->type != NT_MAP) {
		diag_add(dg, name, 1, 1, "model/format", "a model is a mapping");
		return -1;
	}
	if (schema_parse(&sch, "model.schema.json", stext, slen, dg) < 0)
		return -1;
	size_t bad = schema_validate(&sch, root, name, dg);
	schema_free(&sch);
	if (bad)
		return -1;
	const char *lang = map_str(root, "lang");
	m->name = map_str(root, "name");
	m->lang = lang ? lang_parse(lang) : LANG_EN;
	names(map_get(root, "title"), m->title);
	const struct node *lv = map_list(root, "levels");
	if (lv->n > MODEL_MAX_LEVELS) {
		MERR(&c, lv, "a model has 1 to %d levels", MODEL_MAX_LEVELS);
		return -1;
	}
	m->nlevels = (int)lv->n;
	consent_rules(&c, root);
	deadlines(m, root);
	m->causes = map_list(root, "close_causes");
	const struct node *tr = map_list(root, "transitions");
	for (size_t i = 0; i < tr->n; i++) {
		int fl = level_num(&c, map_get(tr->v[i], "from")), tl = level_num(&c, map_get(tr->v[i], "to"));
		if (fl >= 0 && tl >= 0)
			m->trans[fl] |= 1u << tl;
	}
	m->close_from = level_set(&c, root, "close_from");
	m->reopen_to = level_set(&c, root, "reopen_to");
	decisions(&c, root);
	levels(&c, lv);
	meeting_kinds(&c, root);
	const struct node *roles = map_get(root, "roles");
	names(map_get(roles, "coordinator"), m->coordinator_role);
	names(map_get(roles, "child"), m->child_role);
	names(map_get(roles, "guardians"), m->guardians_role);
	names(map_get(map_get(root, "texts"), "opened"), m->opened);
	if (m->target && m->min_age > m->max_age)
		MERR(&c, map_get(root, "target"), "target: min_age is above max_age");
	for (int i = 0; i < m->nalone; i++)
		check_kinds(&c, m->alone[i].kinds, "consent_alone");
	for (int l = 0; l < m->nlevels; l++) {
		check_kinds(&c, m->levels[l].team_when, "coordinator_team_when");
		check_kinds(&c, m->levels[l].coordinator_kinds, "coordinator_kinds");
	}
	return c.errors ? -1 : 0;
}

int
model_parse(struct model *m, const char *name, const char *buf, size_t len, struct diags *dg)
{
	int rc = model_load(m, name, buf, len, dg);
	if (rc < 0)
		doc_free(&m->d);        /* a refused model holds nothing */
	return rc;
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

const struct decision *
model_decision(const struct model *m, const char *word)
{
	for (int i = 0; word && i < m->ndecisions; i++)
		if (!strcmp(m->decisions[i].word, word))
			return &m->decisions[i];
	return NULL;
}

int
model_level_decides(const struct model *m, int level, const struct decision *dc)
{
	return level >= 0 && level < m->nlevels && (m->levels[level].decisions >> (dc - m->decisions) & 1);
}

const char *
model_decisions_list(const struct model *m, int level, char *buf, size_t size)
{
	size_t off = 0;
	int n = 0, last = -1;
	buf[0] = 0;
	for (int i = 0; i < m->ndecisions; i++)
		if (level < 0 || model_level_decides(m, level, &m->decisions[i]))
			last = i;
	for (int i = 0; i <= last && off < size; i++)
		if (level < 0 || model_level_decides(m, level, &m->decisions[i]))
			off += (size_t)snprintf(buf + off, size - off, "%s%s", n++ == 0 ? "" :
			    i == last ? " or " : ", ", m->decisions[i].word);
	return buf;
}

int
model_decision_to(const struct decision *dc, int level)
{
	switch (dc->effect) {
	case EFF_UP: return level + 1;
	case EFF_DOWN: return level - 1;
	case EFF_CLOSE: return MODEL_CLOSE;
	case EFF_LEVEL: return dc->level;
	default: return level;
	}
}

const struct meeting_kind *
model_meeting_kind(const struct model *m, const char *word)
{
	for (int i = 0; word && i < m->nmkinds; i++)
		if (!strcmp(m->mkinds[i].word, word))
			return &m->mkinds[i];
	return NULL;
}

int
model_service_is(const struct model *m, const char *service, const char *kind, const char *kind_given)
{
	const char *canonical = services_resolve(m->services, service);
	const char *known = canonical ? services_kind(m->services, canonical) : NULL;
	if (!known)
		known = kind_given;
	if (known && !strcmp(known, kind))
		return 1;
	int group = !services_is_kind(kind);    /* e.g. Siljan's central services */
	const struct node *members = map_list(m->service_kinds, kind);
	for (size_t i = 0; members && i < members->n; i++)
		if (((group || !known) && !strcasecmp(members->v[i]->s, service)) ||
		    (group && known && !strcmp(members->v[i]->s, known)))
			return 1;
	return 0;
}

int
model_team(const struct model *m, const char *service)
{
	for (int l = 0; l < m->nlevels; l++)
		if (m->levels[l].coordinator_team && !strcasecmp(m->levels[l].coordinator_team, service))
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
