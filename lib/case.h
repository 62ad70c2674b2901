/* case.h: case ids, paths, the current state, and whole-case validation. */
#ifndef BTI_CASE_H
#define BTI_CASE_H

#include "date.h"
#include "diag.h"
#include "model.h"
#include "node.h"
#include "rules.h"
#include "schema.h"

#define CASE_ID_LEN 11          /* YYYY-XXXXXX */
#define CASE_PATH_MAX 64

/* A new random id for a case opened in year. */
void case_id_new(int year, char out[CASE_ID_LEN + 1]);
/* Normalizes (upper case) and checks an id; -1 if it is not one. */
int case_id_check(const char *in, char out[CASE_ID_LEN + 1]);
/* cases/<YYYY>/<X>/<id>.yaml, X the first letter after the dash: 32
 * directories a year keep each tree a commit rewrites small. */
void case_path(const char *id, char out[CASE_PATH_MAX]);
/* The id of the case whose file is at path; -1 if path is not case_path of
 * any id. */
int case_path_id(const char *path, char id[CASE_ID_LEN + 1]);
/* How case files are named, for messages. */
#define CASE_PATH_RULE "case files are cases/YYYY/X/ID.yaml: YYYY the year in the id, " \
	"X the letter after its dash"

struct case_state {
	int level;              /* current level, -1 when the case has none */
	int closed;
	const struct node *last;  /* the last levels entry */
	day_t opened;
	day_t born;             /* -1 when unknown */
};

/* Folds the levels list. Assumes a case that passed the schema. */
void case_state(const struct node *root, struct case_state *st);

/* Validates a whole case: schema, then the rules of the model that need more
 * than the schema can say. id (may be NULL) is what the path says it is. */
size_t case_validate(struct schema *sch, const struct model *m, const struct node *root,
    const char *file, const char *id, struct diags *dg);

#endif
