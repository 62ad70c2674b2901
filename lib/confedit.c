/* confedit.c: bti.yaml read from HEAD, changed in memory, checked as
 * config_parse reads it, and committed alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confedit.h"
#include "fold.h"
#include "yamlio.h"

int
confedit_begin(struct op *o, struct cli *c)
{
	char *buf;
	size_t len;
	if (op_begin(o, c) != EXIT_OK)
		return o->status;
	snprintf(o->path, sizeof o->path, "%s", CONFIG_FILE);
	if (repo_check_clean(&o->repo, CONFIG_FILE, &o->dg) < 0)
		return o->status = EXIT_REFUSED;
	if (repo_read(&o->repo, CONFIG_FILE, &buf, &len, &o->dg) != 0)
		return o->status = EXIT_SYSTEM;
	doc_init(&o->doc, CONFIG_FILE);
	int rc = yaml_read(&o->doc, buf, len, &o->dg);
	free(buf);
	return rc < 0 ? (o->status = EXIT_SYSTEM) : EXIT_OK;
}

/* The index of the register's entry named name (any letter case), or -1. */
static long
find(const struct node *list, const char *name)
{
	struct buf a = { 0 };
	long found = -1;
	fold_name(&a, name, 0);
	for (size_t i = 0; list && list->type == NT_SEQ && i < list->n && found < 0; i++) {
		struct buf b = { 0 };
		fold_name(&b, map_str(list->v[i], "name") ? map_str(list->v[i], "name") : "", 0);
		if (!strcmp(a.p, b.p))
			found = (long)i;
		buf_free(&b);
	}
	buf_free(&a);
	return found;
}

void
confedit_service(struct op *o, const char *name, const char *kind, const char *const *aliases,
    int naliases)
{
	struct doc *d = &o->doc;
	struct node *list = map_get(d->root, "services");
	if (!list || list->type != NT_SEQ) {
		list = node_new(d, NT_SEQ);
		map_set(d, d->root, "services", list);
	}
	struct node *e = node_new(d, NT_MAP);
	map_set(d, e, "name", node_str(d, name));
	map_set(d, e, "kind", node_str(d, kind));
	if (naliases)
		map_set(d, e, "aliases", op_strings(o, aliases, naliases));
	long i = find(list, name);
	if (i >= 0)
		list->v[i] = e;
	else
		seq_push(d, list, e);
}

int
confedit_remove_service(struct op *o, const char *name)
{
	struct node *list = map_get(o->doc.root, "services");
	long i = find(list, name);
	if (i < 0)
		return op_refuse(o, NULL, "service/unknown", "'%s' is not in the register of services", name);
	memmove(&list->v[i], &list->v[i + 1], (list->n - (size_t)i - 1) * sizeof *list->v);
	list->n--;
	return EXIT_OK;
}

void
confedit_set(struct op *o, const char *key, const char *value)
{
	struct doc *d = &o->doc;
	enum ntype t = yaml_resolve(value, strlen(value));
	/* suppress_below is a number; other values are text, quoted as needed. */
	map_set(d, d->root, key, !strcmp(key, "suppress_below") && t == NT_INT ?
	    node_scalar(d, NT_INT, value) : node_str(d, value));
}

int
confedit_commit(struct op *o, const char *what)
{
	size_t len;
	char *yaml = yaml_write(o->doc.root, &len);
	if (!yaml) {
		diag_add(&o->dg, CONFIG_FILE, 0, 0, "yaml", "cannot write bti.yaml");
		return o->status = EXIT_SYSTEM;
	}
	struct config cfg;
	struct diags dg = { 0 };
	int bad = config_parse(&cfg, yaml, len, &dg) < 0;
	if (!bad) {
		/* The model it names must be committed, as every command reads it. */
		char *mpath = xasprintf("models/%s.yaml", cfg.model), *m;
		size_t mlen;
		int rc = repo_read(&o->repo, mpath, &m, &mlen, &dg);
		if (rc == 0)
			free(m);
		else if (rc > 0)
			diag_add(&dg, CONFIG_FILE, 0, 0, "config/model", "there is no %s", mpath);
		bad = rc != 0;
		free(mpath);
	}
	config_free(&cfg);
	for (size_t i = 0; i < dg.n; i++)
		diag_add(&o->dg, dg.v[i].file, dg.v[i].line, dg.v[i].col, dg.v[i].rule, "%s", dg.v[i].msg);
	diags_free(&dg);
	if (bad) {
		free(yaml);
		return o->status = EXIT_REFUSED;
	}
	char *msg = xasprintf("%s: %s\n\nBTI-Event: config\n", o->cli->prog, what);
	struct change ch = { CONFIG_FILE, yaml, len };
	char commit[GIT_OID_HEXSZ + 1];
	int rc = repo_commit(&o->repo, &ch, 1, msg, o->author, commit, &o->dg);
	free(msg);
	free(yaml);
	if (rc < 0)
		return o->status = EXIT_SYSTEM;
	printf("%s\n", commit);
	return EXIT_OK;
}
