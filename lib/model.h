/* model.h: a municipality's BTI rules as data (a file in schema/models,
 * format in bti-model(5), checked against schema/model.schema.json). */
#ifndef BTI_MODEL_H
#define BTI_MODEL_H

#include "diag.h"
#include "node.h"

#define MODEL_MAX_LEVELS 8
#define MODEL_MAX_DECISIONS 16
#define MODEL_MAX_KINDS 16
#define MODEL_MAX_ALONE 4

enum lang { LANG_NB, LANG_NN, LANG_EN, LANG_N };

/* Which services a consent must cover at a level. */
enum need { NEED_NONE, NEED_OWN, NEED_INVOLVED, NEED_ALL };

/* What a decision does to the level. */
enum effect { EFF_STAY, EFF_UP, EFF_DOWN, EFF_CLOSE, EFF_LEVEL };

struct level {
	const char *name[LANG_N];
	const char *summary[LANG_N];
	int cooperation;        /* several services: consent must cover them */
	int coordinator;        /* a coordinator must be named */
	const char *coordinator_team;          /* the coordinator's service, or NULL */
	const struct node *team_when;          /* only when a service of these kinds takes part */
	const struct node *coordinator_kinds;  /* kinds the coordinator's service may be, or NULL */
	int services_min, services_max;        /* services taking part, own included; 0: unset */
	enum need consent;
	int meetings_per_year;  /* 0: none */
	int evaluation_days;    /* -1: no limit */
	unsigned decisions;     /* bit set over model.decisions */
	int leader_informed;    /* entering it records that the leader knows */
};

struct decision {
	const char *word;
	enum effect effect;
	int level;              /* EFF_LEVEL */
	const char *cause;      /* EFF_CLOSE: the closing cause, or NULL (given by the user) */
	const char *name[LANG_N];  /* NULL when the model gives none */
	const struct node *at;  /* where it is defined, for messages */
};

struct meeting_kind {
	const char *word;
	const char *name[LANG_N];  /* NULL when the model gives none */
	int child, guardians;   /* 0: must not attend */
	int coordinator_leads;
	int anonymous_or_consent;
};

struct alone_rule {
	int age;
	const struct node *kinds;
};

struct model {
	struct doc d;
	const char *name;
	const char *title[LANG_N];
	int lang;               /* the guide's language: role names in messages */
	int consent_age, adult_age;
	struct alone_rule alone[MODEL_MAX_ALONE];
	int nalone;
	int parent_lives_with;  /* one parent alone: must live with the child */
	int refusal_blocks;
	int coordinator_after_consent;  /* named only once consent covers the own service */
	int decision_days;      /* -1: no deadline */
	int meetings_per_year;  /* 0: not set */
	int report_days;        /* -1: no report deadline */
	const struct node *report_kinds;
	int target, min_age, max_age, unborn;
	int heard_age, weighs_age;  /* -1: not set */
	const struct node *sources;        /* allowed concern.source words, or NULL */
	const struct node *service_kinds;  /* kind or group -> service names and kinds, or NULL */
	const struct node *services;       /* bti.yaml's register of services, or NULL (repo_load) */
	int nlevels;
	struct level levels[MODEL_MAX_LEVELS];
	unsigned trans[MODEL_MAX_LEVELS];  /* bit t of trans[f]: f -> t allowed */
	unsigned close_from, reopen_to;    /* bit sets of levels */
	const struct node *causes;         /* sequence of cause words */
	struct decision decisions[MODEL_MAX_DECISIONS];
	int ndecisions;
	struct meeting_kind mkinds[MODEL_MAX_KINDS];
	int nmkinds;
	const char *coordinator_role[LANG_N];
	const char *child_role[LANG_N];
	const char *guardians_role[LANG_N];
	const char *opened[LANG_N];        /* NULL: "case opened" */
};

/* Parses and checks a model; errors name the file, line and column. */
int model_parse(struct model *m, const char *name, const char *buf, size_t len,
    struct diags *dg);
void model_free(struct model *m);

int model_allows(const struct model *m, int from, int to);
int model_has_cause(const struct model *m, const char *cause);
/* The decision called word, or NULL. */
const struct decision *model_decision(const struct model *m, const char *word);
/* 1 when an evaluation at level may end in the decision. */
int model_level_decides(const struct model *m, int level, const struct decision *dc);
/* "a, b or c": the decisions of the model at level (-1: all), into buf. */
const char *model_decisions_list(const struct model *m, int level, char *buf, size_t size);
/* The level a decision leads to from level (maybe out of range), or
 * MODEL_CLOSE when it closes the case. */
#define MODEL_CLOSE (-1000)
int model_decision_to(const struct decision *dc, int level);
/* The meeting kind called word, or NULL. */
const struct meeting_kind *model_meeting_kind(const struct model *m, const char *word);
/* 1 when service is of kind: a kind of service (lib/services.h) or a group
 * of the model's service_kinds. The service's kind is the register's
 * (model.services), else kind_given (recorded when it joined); a kind of
 * service is matched by that kind, or when it is unknown by the names the
 * model lists for the kind; a group by a name or a kind it lists. */
int model_service_is(const struct model *m, const char *service, const char *kind, const char *kind_given);
/* 1 when service is a team that coordinates a level of the model. */
int model_team(const struct model *m, const char *service);
/* "1, 2" style list of the levels set in a bit set, into buf. */
const char *model_levels_list(unsigned set, char *buf, size_t size);
int lang_parse(const char *s);
extern const char *const lang_code[LANG_N];

#endif
