/* bti-archive: the archival package of one case, and one commit saying that
 * the case was archived. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive.h"
#include "op.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-archive [-C DIR] [--by NAME] [--date DATE] [--out DIR] [--ref REF]\n"
"                   [--lang nb|nn|en] CASE-ID\n"
"Writes the archival package of a case, closed or open, for the municipality's\n"
"archive (the child's journal): the summary as HTML for print and as\n"
"Markdown, the case file as YAML and JSON, its history (every commit that\n"
"changed it: date, author, event, what it added) and manifest.json with the\n"
"metadata and the SHA-256 of every file (docs/archive.md). Then records in\n"
"the case that it was archived, as one commit, and prints the commit id.\n"
"A case whose file is not valid is refused.\n"
"  --out DIR     the package directory, which must not exist and not be in\n"
"                the work tree (default: CASE-ID.archive in the current\n"
"                directory)\n"
"  --ref REF     the archive's reference (journal or case number)\n"
"  --lang L      language of the summary (default: bti.yaml's lang)\n"
"  --date DATE   when the case was archived (default today)\n"
"  --by NAME     who archived it (default $BTI_USER, git user.name)\n"
"  -C DIR        the case repository (default: the current one)\n"
"Exit status: 0 done, 1 refused (invalid case, DIR exists), 2 usage,\n"
"3 repository or system error (nothing recorded, no package left).\n";

/* 1 when a new directory at path would be inside the work tree. */
static int
inside(const char *workdir, const char *path)
{
	char *copy = xstrdup(path), parent[PATH_MAX], top[PATH_MAX];
	int in = workdir && realpath(dirname(copy), parent) && realpath(workdir, top) &&
	    (!strncmp(parent, top, strlen(top)) &&
	    (parent[strlen(top)] == '/' || parent[strlen(top)] == 0));
	free(copy);
	return in;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-archive", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "out", required_argument, 0, 'o' },
		{ "ref", required_argument, 0, 'r' },
		{ "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 },
	};
	const char *out = NULL, *ref = NULL;
	int lang = -1, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'r': ref = optarg; break;
		case 'l':
			if ((lang = lang_parse(optarg)) < 0)
				cli_usage(&c, "--lang: '%s' is not nb, nn or en", optarg);
			break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1)
		cli_usage(&c, "give one case id");
	if (ref && !*ref)
		cli_usage(&c, "--ref: give the archive's reference");
	if (out && !*out)
		cli_usage(&c, "--out: give a directory");

	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	char *dir = out ? xstrdup(out) : xasprintf("%s.archive", o.id);
	char *tmp = xasprintf("%s.bti-tmp.%ld", dir, (long)getpid());
	struct stat st;
	if (lstat(dir, &st) == 0) {
		op_refuse(&o, NULL, "archive/exists",
		    "%s exists; name a new directory with --out", dir);
		goto out;
	}
	/* Personal data, which 'git add' must not take into the repository. */
	if (inside(o.repo.workdir, dir)) {
		op_refuse(&o, NULL, "archive/inside", "%s would be inside the repository's work tree; "
		    "write the package elsewhere with --out", dir);
		goto out;
	}
	struct case_state cs;
	case_state(o.doc.root, &cs);
	if (o.date < cs.opened) {
		op_refuse(&o, NULL, "date/before-opened", "--date %s is before the case was opened",
		    o.datestr);
		goto out;
	}
	struct node *e = op_entry(&o);
	if (ref)
		map_set(&o.doc, e, "ref", node_str(&o.doc, ref));
	op_append(&o, "archived", e);
	if (case_validate(&o.repo.schema, &o.repo.model, o.doc.root, o.path, o.id, &o.dg)) {
		o.status = EXIT_REFUSED;
		goto out;
	}
	/* The package holds the case as the commit below records it. */
	schema_order(&o.repo.schema, &o.doc, o.doc.root);
	size_t len;
	char *yaml = yaml_write(o.doc.root, &len);
	struct archive_in in = { o.id, o.path, o.doc.root, yaml, len,
		lang < 0 ? o.repo.cfg.lang : lang, o.date };
	if (!yaml || archive_write(&o.repo, &in, tmp, &o.dg) < 0) {
		o.status = EXIT_SYSTEM;
		archive_remove(tmp);
		free(yaml);
		goto out;
	}
	free(yaml);
	if (op_commit(&o, "archive", "archived", 0) != EXIT_OK) {
		archive_remove(tmp);
		goto out;
	}
	if (rename(tmp, dir) < 0) {
		diag_add(&o.dg, dir, 0, 0, "archive/write",
		    "recorded as archived, but the package stays in %s: %s", tmp, strerror(errno));
		o.status = EXIT_SYSTEM;
	}
out:
	free(tmp);
	free(dir);
	return op_end(&o);
}
