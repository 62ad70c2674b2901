/* bti-purge: erase cases past their retention (or named ones) from every
 * commit of the branch, freezing the figures of the years they count in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "freeze.h"
#include "op.h"
#include "purge.h"
#include "retention.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-purge [-C DIR] --list\n"
"       bti-purge [-C DIR] [--by NAME] [--reason TEXT]\n"
"       bti-purge [-C DIR] [--by NAME] --case CASE-ID... --reason TEXT [--force]\n"
"Erases cases from every commit of the current branch: every case closed,\n"
"archived (bti-archive) and kept past bti.yaml's retention_days, or the\n"
"cases named. The other cases keep their history, authors, dates and\n"
"messages; commit ids change from the first commit that touched an erased\n"
"case. First the figures of each finished year the cases count in are\n"
"frozen into stats/YYYY.*, then one commit adds them and the erasure record\n"
"purged/YYYY.yaml (case, dates, who, why: no personal data). The old and\n"
"new commit ids are written to .git/bti-purge-NEWHEAD.map. Prints the new\n"
"head. The old objects stay until the reflog expires and git gc prunes\n"
"them: docs/archive.md says what to run here, on the server and in clones.\n"
"  --list         print the cases past retention, one a line: id, closed,\n"
"                 archived, kept until; change nothing\n"
"  --case ID      erase this case (repeatable); it must be closed, archived\n"
"                 and past retention unless --force\n"
"  --reason TEXT  why (required with --case); goes into the record\n"
"  --force        erase a named case that is open, not archived or not past\n"
"                 retention\n"
"  --by NAME      who erases (default $BTI_USER, git user.name)\n"
"  -C DIR         the case repository (default: the current one)\n"
"Exit status: 0 done (or nothing to erase), 1 refused, 2 usage,\n"
"3 repository error (the branch is then as it was, or erased with the work\n"
"tree behind, which the next bti command brings along).\n";

struct target {
	struct lifespan ls;
	char *path;
};

/* A named case: read, and checked unless forced. */
static int
named(struct op *o, const char *arg, int force, struct target *t)
{
	struct diags dg = { 0 };
	struct doc d;
	char *data;
	size_t len;
	memset(t, 0, sizeof *t);
	if (case_id_check(arg, t->ls.id) < 0)
		return op_refuse(o, NULL, "case/id", "'%s' is not a case id (YYYY-XXXXXX)", arg);
	char path[CASE_PATH_MAX];
	case_path(t->ls.id, path);
	int rc = repo_read(&o->repo, path, &data, &len, &o->dg);
	if (rc > 0)
		return op_refuse(o, NULL, "case/unknown", "no case %s in this repository", t->ls.id);
	if (rc < 0)
		return o->status = EXIT_SYSTEM;
	t->path = xstrdup(path);
	doc_init(&d, path);
	t->ls.opened = t->ls.closed = t->ls.archived = t->ls.until = t->ls.last = DATE_NONE;
	int valid = yaml_read(&d, data, len, &dg) == 0 &&
	    !case_validate(&o->repo.schema, &o->repo.model, d.root, path, t->ls.id, &dg);
	free(data);
	if (valid)
		retention_of(&o->repo.cfg, d.root, &t->ls);
	doc_free(&d);
	const char *why = !valid ? "is not valid (bti-check)" :
	    t->ls.closed == DATE_NONE ? "is open" :
	    t->ls.archived == DATE_NONE ? "is not archived (bti-archive)" :
	    t->ls.until == DATE_NONE ? "has no retention: bti.yaml sets no retention_days" :
	    t->ls.until >= o->date ? "is within its retention" : NULL;
	if (why && !force) {
		char u[11];
		if (t->ls.until != DATE_NONE && t->ls.until >= o->date)
			diag_add(&dg, path, 0, 0, "purge/retention", "kept until %s",
			    date_format(t->ls.until, u));
		diag_print(&dg, o->cli->prog, stderr);
		diags_free(&dg);
		return op_refuse(o, NULL, "purge/refused", "case %s %s; erase it only with --force "
		    "and --reason", t->ls.id, why);
	}
	diags_free(&dg);
	return EXIT_OK;
}

/* The erasure record of this year with the targets appended. */
static char *
record(struct op *o, const struct target *t, size_t n, const char *reason, int force,
    struct change *ch, struct diags *dg)
{
	int y, m, d;
	char *data = NULL, buf[11];
	size_t len;
	struct doc doc;
	date_to_ymd(o->date, &y, &m, &d);
	char *path = xasprintf(PURGE_DIR "/%d.yaml", y);
	doc_init(&doc, path);
	int rc = repo_read(&o->repo, path, &data, &len, dg);
	if (rc < 0 || (rc == 0 && yaml_read(&doc, data, len, dg) < 0)) {
		free(data);
		free(path);
		doc_free(&doc);
		return NULL;
	}
	free(data);
	if (!doc.root) {
		doc.root = node_new(&doc, NT_MAP);
		map_set(&doc, doc.root, "bti", node_int(&doc, 1));
	}
	struct node *list = map_get(doc.root, "erased");
	if (!list || list->type != NT_SEQ) {
		list = node_new(&doc, NT_SEQ);
		map_set(&doc, doc.root, "erased", list);
	}
	for (size_t i = 0; i < n; i++) {
		struct node *e = node_new(&doc, NT_MAP);
		const struct lifespan *ls = &t[i].ls;
		map_set(&doc, e, "case", node_str(&doc, ls->id));
		if (ls->opened != DATE_NONE)
			map_set(&doc, e, "opened", node_date(&doc, date_format(ls->opened, buf)));
		if (ls->closed != DATE_NONE)
			map_set(&doc, e, "closed", node_date(&doc, date_format(ls->closed, buf)));
		if (ls->archived != DATE_NONE)
			map_set(&doc, e, "archived", node_date(&doc, date_format(ls->archived, buf)));
		if (ls->until != DATE_NONE)
			map_set(&doc, e, "kept_until", node_date(&doc, date_format(ls->until, buf)));
		map_set(&doc, e, "erased", node_date(&doc, o->datestr));
		map_set(&doc, e, "by", node_str(&doc, o->author->name));
		map_set(&doc, e, "reason", node_str(&doc, reason));
		if (force)
			map_set(&doc, e, "forced", node_bool(&doc, 1));
		seq_push(&doc, list, e);
	}
	char *yaml = yaml_write(doc.root, &len);
	doc_free(&doc);
	ch->path = path;
	ch->data = yaml;
	ch->len = len;
	return yaml;
}

/* --list: reads only, and needs no author. */
static int
list(struct cli *c)
{
	struct diags dg = { 0 };
	struct repo r;
	struct lifespan *v = NULL;
	long n = -1;
	if (repo_open(&r, c->dir, 1, &dg) == 0 && repo_load(&r, &dg) == 0)
		n = retention_expired(&r, cli_date(c), &v, &dg);
	for (long i = 0; i < n; i++) {
		char cl[11], a[11], u[11];
		printf("%s %s %s %s\n", v[i].id, date_format(v[i].closed, cl),
		    date_format(v[i].archived, a), date_format(v[i].until, u));
	}
	free(v);
	repo_close(&r);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return n < 0 ? EXIT_SYSTEM : fflush(stdout) ? EXIT_SYSTEM : EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-purge", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "list", no_argument, 0, 'L' },
		{ "case", required_argument, 0, 'c' },
		{ "reason", required_argument, 0, 'r' },
		{ "force", no_argument, 0, 'f' },
		{ 0, 0, 0, 0 },
	};
	const char *reason = NULL;
	char **cases = xmalloc((size_t)argc * sizeof *cases);
	int ncases = 0, force = 0, listing = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'L': listing = 1; break;
		case 'c': cases[ncases++] = optarg; break;
		case 'r': reason = optarg; break;
		case 'f': force = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (optind < argc)
		cli_usage(&c, "name cases with --case");
	if (listing && (ncases || reason || force))
		cli_usage(&c, "--list changes nothing and takes no other option");
	if (ncases && (!reason || !*reason))
		cli_usage(&c, "--case needs --reason: say why the case is erased");
	if (force && !ncases)
		cli_usage(&c, "--force goes with --case");

	if (listing) {
		free(cases);
		return list(&c);
	}
	struct op o;
	struct target *t = NULL;
	size_t n = 0, nch = 0;
	struct change *ch = NULL;
	char *msg = NULL;
	if (op_begin(&o, &c) != EXIT_OK)
		goto out;
	purge_clean(&o.repo);
	if (ncases) {
		t = xmalloc((size_t)ncases * sizeof *t);
		for (; n < (size_t)ncases; n++)
			if (named(&o, cases[n], force, &t[n]) != EXIT_OK) {
				free(t[n].path);
				goto out;
			}
	} else {
		struct lifespan *v;
		long k = retention_expired(&o.repo, o.date, &v, &o.dg);
		if (k < 0) {
			o.status = EXIT_SYSTEM;
			goto out;
		}
		t = xmalloc((size_t)(k ? k : 1) * sizeof *t);
		for (; n < (size_t)k; n++) {
			char path[CASE_PATH_MAX];
			t[n].ls = v[n];
			case_path(v[n].id, path);
			t[n].path = xstrdup(path);
		}
		free(v);
		if (!reason)
			reason = "kept as long as bti.yaml's retention_days allows";
	}
	if (!n) {
		fprintf(stderr, "%s: no case is past its retention; nothing erased\n", c.prog);
		goto out;
	}
	/* The figures of every finished year the cases count in. */
	int this_year, mm, dd, first = 9999, last = 0;
	date_to_ymd(o.date, &this_year, &mm, &dd);
	for (size_t i = 0; i < n; i++) {
		int y0, y1;
		if (t[i].ls.opened == DATE_NONE)
			continue;
		date_to_ymd(t[i].ls.opened, &y0, &mm, &dd);
		/* to its last entry: a report may come after the closing */
		date_to_ymd(t[i].ls.closed != DATE_NONE ? t[i].ls.last : o.date, &y1, &mm, &dd);
		first = y0 < first ? y0 : first;
		last = y1 > last ? y1 : last;
	}
	if (last >= this_year)
		last = this_year - 1;
	ch = xmalloc((1 + (size_t)(last >= first ? last - first + 1 : 0) * FREEZE_FORMATS) * sizeof *ch);
	for (int y = first; y <= last; y++) {
		int counts = 0;
		for (size_t i = 0; i < n && !counts; i++) {
			day_t end = t[i].ls.closed != DATE_NONE ? t[i].ls.last : o.date;
			counts = t[i].ls.opened != DATE_NONE && t[i].ls.opened <= date_from_ymd(y, 12, 31) &&
			    end >= date_from_ymd(y, 1, 1);
		}
		int rc = counts ? freeze_year(&o.repo, y, ch + nch, &o.dg) : 1;
		if (rc < 0) {
			o.status = EXIT_REFUSED;
			goto out;
		}
		if (rc == 0)
			nch += FREEZE_FORMATS;
	}
	if (!record(&o, t, n, reason, force, &ch[nch], &o.dg)) {
		o.status = EXIT_SYSTEM;
		goto out;
	}
	nch++;
	for (size_t i = 0; i < n; i++)
		if (repo_check_clean(&o.repo, t[i].path, &o.dg) < 0)
			o.status = EXIT_REFUSED;
	for (size_t i = 0; i < nch; i++)
		if (repo_check_clean(&o.repo, ch[i].path, &o.dg) < 0)
			o.status = EXIT_REFUSED;
	if (o.status != EXIT_OK)
		goto out;
	char **paths = xmalloc(n * sizeof *paths), head[GIT_OID_HEXSZ + 1];
	for (size_t i = 0; i < n; i++)
		paths[i] = t[i].path;
	msg = xasprintf("bti-purge: %zu %s erased\n\nBTI-Event: purge\n", n, n == 1 ? "case" : "cases");
	if (purge_rewrite(&o.repo, paths, n, ch, nch, msg, o.author, head, &o.dg) < 0)
		o.status = EXIT_SYSTEM;
	else if (purge_other_refs(&o.repo, paths, n, &o.dg) < 0)
		o.status = EXIT_SYSTEM;
	else
		printf("%s\n", head);
	free(paths);
out:
	for (size_t i = 0; i < nch; i++) {
		free((char *)ch[i].path);
		free((char *)ch[i].data);
	}
	free(ch);
	for (size_t i = 0; t && i < n; i++)
		free(t[i].path);
	free(t);
	free(msg);
	free(cases);
	return op_end(&o);
}
