/* bti-merge: git merge driver for case files (merge.bti.driver). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "cli.h"
#include "merge.h"
#include "repo.h"
#include "util.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-merge BASE OURS THEIRS [PATH]\n"
"A git merge driver for case files; bti-init registers it as\n"
"  merge.bti.driver = bti-merge %O %A %B %P\n"
"with cases/**/*.yaml merge=bti in .gitattributes. Entries each side added\n"
"to an append-only list are merged in date order; ids both sides gave out\n"
"are renumbered on the incoming side. The result must pass the repository's\n"
"rules. When both sides moved the level, changed the same value or rewrote\n"
"a past entry, OURS is left with both versions between conflict markers.\n"
"Exit status: 0 merged (written to OURS), 1 conflict, 2 usage, 3 error.\n";

static int
load(struct doc *d, const char *path, struct diags *dg)
{
	doc_init(d, path);
	return yaml_read_file(d, path, dg);
}

/* Leaves both versions in OURS between the markers git uses. */
static int
write_conflict(const char *ours, const char *theirs, const struct diags *dg)
{
	char *a, *b;
	size_t al, bl;
	if (read_file(ours, YAML_MAX_BYTES, &a, &al) < 0)
		return -1;
	if (read_file(theirs, YAML_MAX_BYTES, &b, &bl) < 0) {
		free(a);
		return -1;
	}
	struct buf out = { 0 };
	buf_puts(&out, "<<<<<<< ours (bti-merge: ");
	buf_puts(&out, dg->n ? dg->v[0].msg : "conflict");
	buf_puts(&out, ")\n");
	buf_add(&out, a, al);
	buf_puts(&out, "=======\n");
	buf_add(&out, b, bl);
	buf_puts(&out, ">>>>>>> theirs\n");
	int rc = write_file_atomic(ours, out.p, out.len, 0644);
	buf_free(&out);
	free(a);
	free(b);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-merge", .usage = usage };
	static const struct option opts[] = { CLI_LONG, { 0, 0, 0, 0 } };
	int opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1)
		cli_common(&c, opt, optarg);
	if (argc - optind < 3 || argc - optind > 4)
		cli_usage(&c, "give BASE OURS THEIRS and optionally the path");
	const char *bp = argv[optind], *op = argv[optind + 1], *tp = argv[optind + 2];
	const char *name = argc - optind == 4 ? argv[optind + 3] : op;
	struct diags dg = { 0 };
	struct doc bd, od, td;
	struct repo r;
	int status = EXIT_REFUSED, have_repo = 0;
	doc_init(&bd, bp);
	doc_init(&od, op);
	doc_init(&td, tp);
	int loaded = load(&bd, bp, &dg) == 0 && load(&od, op, &dg) == 0 && load(&td, tp, &dg) == 0;
	if (loaded && merge_case(&od, bd.root, td.root, name, &dg) == 0) {
		/* The result must keep the rules, as any single command's would. */
		have_repo = repo_open(&r, NULL, 1, &dg) == 0 && repo_load(&r, &dg) == 0;
		char id[CASE_ID_LEN + 1];
		const char *cid = map_str(od.root, "id");
		if (have_repo && !case_validate(&r.schema, &r.model, od.root, name,
		    cid && case_id_check(cid, id) == 0 ? id : NULL, &dg)) {
			schema_order(&r.schema, &od, od.root);
			size_t len;
			char *yaml = yaml_write(od.root, &len);
			if (yaml && write_file_atomic(op, yaml, len, 0644) == 0)
				status = EXIT_OK;
			else
				diag_add(&dg, op, 0, 0, "io", "cannot write the merge: %s", strerror(errno));
			free(yaml);
		}
	}
	if (status != EXIT_OK && write_conflict(op, tp, &dg) < 0)
		status = EXIT_SYSTEM;
	if (have_repo)
		repo_close(&r);
	doc_free(&bd);
	doc_free(&od);
	doc_free(&td);
	diag_print(&dg, c.prog, stderr);
	diags_free(&dg);
	return status;
}
