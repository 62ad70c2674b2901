/* op.c: the one-command-one-commit protocol shared by every changing command. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "op.h"
#include "services.h"
#include "sign.h"
#include "util.h"
#include "yamlio.h"

static struct {
	int open;
	struct repo repo;
	char *error;            /* the last command's first error */
} session;

int
op_session_begin(struct cli *cli, struct diags *dg)
{
	if (repo_open(&session.repo, cli->dir, 0, dg) < 0)
		return EXIT_SYSTEM;
	if (repo_lock(&session.repo, dg) < 0 || repo_load(&session.repo, dg) < 0 ||
	    sign_ready(&session.repo, dg) < 0 || repo_batch(&session.repo, dg) < 0) {
		repo_close(&session.repo);
		return EXIT_SYSTEM;
	}
	session.open = 1;
	return EXIT_OK;
}

const char *
op_session_error(void)
{
	return session.error;
}

int
op_session_publish(struct diags *dg)
{
	char *msg = xasprintf("bti-batch: %zu commits", session.repo.unpublished);
	int rc = repo_publish(&session.repo, msg, dg);
	free(msg);
	return rc < 0 ? EXIT_SYSTEM : EXIT_OK;
}

void
op_session_end(struct diags *dg)
{
	repo_flush(&session.repo, dg);
	repo_close(&session.repo);
	free(session.error);
	session.error = NULL;
	session.open = 0;
}

int
op_begin(struct op *o, struct cli *cli)
{
	memset(o, 0, sizeof *o);
	o->cli = cli;
	free(session.error);
	session.error = NULL;
	o->date = cli_date(cli);
	date_format(o->date, o->datestr);
	if (o->date > date_today())
		return o->status = op_refuse(o, NULL, "date/future",
		    "--date %s is in the future; record events when they have happened", o->datestr);
	if (session.open) {
		if (cli->dir) {
			diag_add(&o->dg, NULL, 0, 0, "usage", "-C goes to bti-batch, not on a line");
			return o->status = EXIT_USAGE;
		}
		o->repo = session.repo;
		if (repo_author(o->repo.git, cli->by, &o->author, &o->dg) < 0)
			return o->status = EXIT_USAGE;
		return EXIT_OK;
	}
	if (repo_open(&o->repo, cli->dir, 0, &o->dg) < 0)
		return o->status = EXIT_SYSTEM;
	/* The author is settled before the lock, whose recovery may write. */
	if (repo_author(o->repo.git, cli->by, &o->author, &o->dg) < 0)
		return o->status = EXIT_USAGE;
	if (repo_lock(&o->repo, &o->dg) < 0 || repo_load(&o->repo, &o->dg) < 0 ||
	    sign_ready(&o->repo, &o->dg) < 0)
		return o->status = EXIT_SYSTEM;
	return EXIT_OK;
}

int
op_refuse(struct op *o, const struct node *at, const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(&o->dg, o->path[0] ? o->path : NULL, at ? at->line : 0, at ? at->col : 0,
	    rule, "%s", msg);
	free(msg);
	return o->status = EXIT_REFUSED;
}

const char *
op_service(struct op *o, const char *name)
{
	const struct node *reg = o->repo.cfg.services;
	const char *canonical = services_resolve(reg, name);
	if (!canonical) {
		struct buf near = { 0 };
		services_nearest(reg, name, &near);
		op_refuse(o, NULL, "service/unknown", "'%s' is not in bti.yaml's register of services%s%s",
		    name, near.p ? "; did you mean " : "", near.p ? near.p : "");
		buf_free(&near);
	}
	return canonical;
}

int
op_load_case(struct op *o, const char *id)
{
	if (case_id_check(id, o->id) < 0)
		return op_refuse(o, NULL, "case/id",
		    "'%s' is not a case id (YYYY-XXXXXX, as bti-new prints)", id);
	case_path(o->id, o->path);
	if (repo_check_clean(&o->repo, o->path, &o->dg) < 0)
		return o->status = EXIT_REFUSED;
	char *buf;
	size_t len;
	int rc = repo_read(&o->repo, o->path, &buf, &len, &o->dg);
	if (rc > 0)
		return op_refuse(o, NULL, "case/unknown", "no case %s in this repository", o->id);
	if (rc < 0)
		return o->status = EXIT_SYSTEM;
	doc_init(&o->doc, o->path);
	rc = yaml_read(&o->doc, buf, len, &o->dg);
	free(buf);
	if (rc < 0 || case_validate(&o->repo.schema, &o->repo.model, o->doc.root, o->path,
	    o->id, &o->dg)) {
		diag_add(&o->dg, o->path, 0, 0, "case/invalid",
		    "the committed case is not valid; repair it (bti-check lists the problems) before changing it");
		return o->status = EXIT_REFUSED;
	}
	return EXIT_OK;
}

struct node *
op_entry(struct op *o)
{
	struct node *e = node_new(&o->doc, NT_MAP);
	map_set(&o->doc, e, "date", node_date(&o->doc, o->datestr));
	map_set(&o->doc, e, "by", node_str(&o->doc, o->author->name));
	return e;
}

void
op_append(struct op *o, const char *key, struct node *entry)
{
	struct node *list = map_get(o->doc.root, key);
	if (!list) {
		list = node_new(&o->doc, NT_SEQ);
		map_set(&o->doc, o->doc.root, key, list);
	}
	seq_push(&o->doc, list, entry);
}

const char *
op_next_id(struct op *o, const char *key, char prefix, char out[16])
{
	const struct node *l = map_get(o->doc.root, key);
	snprintf(out, 16, "%c%zu", prefix, (l && l->type == NT_SEQ ? l->n : 0) + 1);
	return out;
}

struct node *
op_strings(struct op *o, const char *const *v, int n)
{
	struct node *seq = node_new(&o->doc, NT_SEQ);
	for (int i = 0; i < n; i++)
		seq_push(&o->doc, seq, node_str(&o->doc, v[i]));
	return seq;
}

int
op_commit(struct op *o, const char *event, const char *what, int quiet)
{
	if (case_validate(&o->repo.schema, &o->repo.model, o->doc.root, o->path, o->id, &o->dg))
		return o->status = EXIT_REFUSED;
	schema_order(&o->repo.schema, &o->doc, o->doc.root);
	size_t len;
	char *yaml = yaml_write(o->doc.root, &len);
	if (!yaml) {
		diag_add(&o->dg, o->path, 0, 0, "yaml", "cannot write the case as YAML");
		return o->status = EXIT_SYSTEM;
	}
	if (len > YAML_MAX_BYTES) {
		free(yaml);
		return op_refuse(o, NULL, "yaml/size", "the case would grow to %zu bytes, past the limit of %d; "
		    "keep long texts in the minutes or documents the case points to", len, YAML_MAX_BYTES);
	}
	char *msg = xasprintf("%s %s: %s\n\nBTI-Case: %s\nBTI-Event: %s\n",
	    o->cli->prog, o->id, what, o->id, event);
	struct change ch = { o->path, yaml, len };
	char commit[GIT_OID_HEXSZ + 1];
	int rc = repo_commit(&o->repo, &ch, 1, msg, o->author, commit, &o->dg);
	free(msg);
	free(yaml);
	if (rc < 0)
		return o->status = EXIT_SYSTEM;
	if (!quiet)
		printf("%s\n", commit);
	return EXIT_OK;
}

int
op_end(struct op *o)
{
	diag_print(&o->dg, o->cli->prog, stderr);
	for (size_t i = 0; session.open && !session.error && i < o->dg.n; i++)
		if (!o->dg.v[i].warning)
			session.error = xasprintf("%s: %s", o->dg.v[i].rule, o->dg.v[i].msg);
	diags_free(&o->dg);
	doc_free(&o->doc);
	git_signature_free(o->author);
	if (!session.open)
		repo_close(&o->repo);
	else if (o->repo.git)
		session.repo = o->repo;         /* its HEAD has moved */
	/* In a session the results wait for their commits (bti-batch). */
	if ((session.open ? ferror(stdout) : fflush(stdout) != 0) && o->status == EXIT_OK)
		o->status = EXIT_SYSTEM;
	return o->status;
}
