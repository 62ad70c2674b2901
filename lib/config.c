/* config.c: reading bti.yaml. */
#include <string.h>

#include "config.h"
#include "model.h"
#include "services.h"
#include "yamlio.h"

static int
parse(struct config *c, const char *buf, size_t len, struct diags *dg)
{
	memset(c, 0, sizeof *c);
	doc_init(&c->d, CONFIG_FILE);
	if (yaml_read(&c->d, buf, len, dg) < 0)
		return -1;
	const struct node *r = c->d.root;
	long long v;
	if (!r || r->type != NT_MAP || map_int(r, "bti", &v) < 0 || v != 1) {
		diag_add(dg, CONFIG_FILE, r ? r->line : 1, r ? r->col : 1, "config/format",
		    "'bti: 1' is required");
		return -1;
	}
	c->municipality = map_str(r, "municipality");
	c->model = map_str(r, "model");
	if (!c->model || !*c->model || strchr(c->model, '/')) {
		diag_add(dg, CONFIG_FILE, r->line, r->col, "config/model",
		    "'model:' must name a level model (a file models/NAME.yaml)");
		return -1;
	}
	const char *lang = map_str(r, "lang");
	c->lang = lang ? lang_parse(lang) : LANG_NB;
	if (c->lang < 0) {
		const struct node *n = map_get(r, "lang");
		diag_add(dg, CONFIG_FILE, n->line, n->col, "config/lang",
		    "'lang:' must be nb, nn or en");
		return -1;
	}
	c->suppress_below = 5;
	if (map_get(r, "suppress_below")) {
		const struct node *n = map_get(r, "suppress_below");
		if (map_int(r, "suppress_below", &v) < 0 || v < 1 || v > 100) {
			diag_add(dg, CONFIG_FILE, n->line, n->col, "config/suppress",
			    "'suppress_below:' must be a whole number from 1 to 100");
			return -1;
		}
		c->suppress_below = (int)v;
	}
	const char *sign = map_str(r, "sign");
	if (map_get(r, "sign") && (!sign || strcmp(sign, "ssh"))) {
		const struct node *n = map_get(r, "sign");
		diag_add(dg, CONFIG_FILE, n->line, n->col, "config/sign",
		    "'sign:' can only be ssh (commits signed with the key in git config user.signingkey)");
		return -1;
	}
	c->sign = sign != NULL;
	c->unit = map_str(r, "unit");
	if (map_get(r, "retention_days")) {
		const struct node *n = map_get(r, "retention_days");
		if (map_int(r, "retention_days", &v) < 0 || v < 1 || v > 36500) {
			diag_add(dg, CONFIG_FILE, n->line, n->col, "config/retention",
			    "'retention_days:' must be a whole number of days from 1 to 36500");
			return -1;
		}
		c->retention_days = (long)v;
	}
	c->services = map_get(r, "services");
	return services_check(c->services, dg) ? -1 : 0;
}

int
config_parse(struct config *c, const char *buf, size_t len, struct diags *dg)
{
	if (parse(c, buf, len, dg) == 0)
		return 0;
	config_free(c);         /* nothing of a refused bti.yaml is kept */
	return -1;
}

void
config_free(struct config *c)
{
	doc_free(&c->d);
}
