/* config.h: a case repository's bti.yaml. */
#ifndef BTI_CONFIG_H
#define BTI_CONFIG_H

#include "diag.h"
#include "node.h"

#define CONFIG_FILE "bti.yaml"

struct config {
	struct doc d;
	const char *municipality;
	const char *model;      /* model name: models/<model>.yaml in the repository */
	int lang;               /* enum lang */
	int suppress_below;     /* yearly counts below this are hidden */
	int sign;               /* sign: ssh: every commit is signed (lib/sign.c) */
	const struct node *services;  /* the register of services; NULL without one */
	const char *unit;       /* the unit whose staff share the repository, or NULL */
	long retention_days;    /* how long a closed, archived case stays; 0: not set */
};

int config_parse(struct config *c, const char *buf, size_t len, struct diags *dg);
void config_free(struct config *c);

#endif
