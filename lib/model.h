/* model.h: a municipality's level model (a file in schema/models). */
#ifndef BTI_MODEL_H
#define BTI_MODEL_H

#include "diag.h"
#include "node.h"

#define MODEL_MAX_LEVELS 8

enum lang { LANG_NB, LANG_NN, LANG_EN, LANG_N };

struct level {
	const char *name[LANG_N];
	const char *summary[LANG_N];
	int cooperation;        /* several services: consent must cover them */
	int coordinator;        /* a coordinator must be named */
};

struct model {
	struct doc d;
	const char *name;
	const char *title[LANG_N];
	int consent_age, adult_age;
	int decision_days;      /* 0: no deadline */
	int meetings_per_year;  /* 0: not set */
	int nlevels;
	struct level levels[MODEL_MAX_LEVELS];
	unsigned trans[MODEL_MAX_LEVELS];  /* bit t of trans[f]: f -> t allowed */
	unsigned close_from, reopen_to;    /* bit sets of levels */
	const struct node *causes;         /* sequence of cause words */
	const char *coordinator_role[LANG_N];
};

/* Parses a model from text; errors name the file and position. */
int model_parse(struct model *m, const char *name, const char *buf, size_t len,
    struct diags *dg);
void model_free(struct model *m);

int model_allows(const struct model *m, int from, int to);
int model_has_cause(const struct model *m, const char *cause);
/* "1, 2" style list of the levels set in a bit set, into buf. */
const char *model_levels_list(unsigned set, char *buf, size_t size);
int lang_parse(const char *s);
extern const char *const lang_code[LANG_N];

#endif
