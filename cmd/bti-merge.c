/* bti-merge: git merge driver for case files (merge.bti.driver). */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
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
"to an append-only list are merged in date order. The ids of THEIRS are kept\n"
"in a merge (git pull: the pushed ones), those of OURS in a rebase; the\n"
"other side's new consents, goals and measures are renumbered where they\n"
"clash, and its references follow; the places corrections name (meetings/2)\n"
"follow the merged order on both sides. The result must pass the repository's\n"
"rules. When both sides moved the level, changed the same value, rewrote a\n"
"past entry or changed the case id, or a reference cannot be matched,\n"
"OURS is left with both versions between conflict markers.\n"
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
	/* Whole, even past the size of a case: git holds them already. */
	if (read_file(ours, SIZE_MAX, &a, &al) < 0)
		return -1;
	if (read_file(theirs, SIZE_MAX, &b, &bl) < 0) {
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

/* In a rebase (or git am) OURS is the branch the commits are replayed
 * onto, the one already shared; in a merge (git pull) it is THEIRS. */
static int
rebasing(git_repository *git)
{
	switch (git_repository_state(git)) {
	case GIT_REPOSITORY_STATE_REBASE:
	case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
	case GIT_REPOSITORY_STATE_REBASE_MERGE:
	case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
	case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
		return 1;
	default:
		return 0;
	}
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
	have_repo = loaded && repo_open(&r, NULL, 1, &dg) == 0;
	/* The case keeps the id its file is named after (ours' when the path
	 * is not a case path). */
	char id[CASE_ID_LEN + 1];
	const char *cid = loaded ? map_str(od.root, "id") : NULL;
	int named = case_path_id(name, id) == 0 || (cid && case_id_check(cid, id) == 0);
	if (have_repo && repo_load(&r, &dg) == 0 &&
	    merge_case(&od, bd.root, td.root, rebasing(r.git), name, &dg) == 0 &&
	    /* The result must keep the rules, as any single command's would. */
	    !case_validate(&r.schema, &r.model, od.root, name, named ? id : NULL, &dg)) {
		schema_order(&r.schema, &od, od.root);
		size_t len;
		char *yaml = yaml_write(od.root, &len);
		if (yaml && len > YAML_MAX_BYTES)
			diag_add(&dg, name, 0, 0, "yaml/size", "the merged case would be %zu bytes, past the "
			    "limit of %d; keep one version by hand", len, YAML_MAX_BYTES);
		else if (yaml && write_file_atomic(op, yaml, len, 0644) == 0)
			status = EXIT_OK;
		else
			diag_add(&dg, op, 0, 0, "io", "cannot write the merge: %s", strerror(errno));
		free(yaml);
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
