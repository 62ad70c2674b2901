/* bti-correct: withdraw an entry recorded by mistake, keeping the record. */
#include <stdio.h>
#include <string.h>

#include "correct.h"
#include "op.h"

static const char usage[] =
"usage: bti-correct [-C DIR] [--by NAME] [--date DATE] --reason TEXT CASE-ID ENTRY\n"
"Withdraws an entry of the case that was recorded by mistake. A dated entry\n"
"in the case's corrections list names it and says why; the entry itself stays\n"
"in the file and in the history. The rules, the statistics and bti-evaluate\n"
"--due leave it out, and bti-report shows it as withdrawn, with the reason.\n"
"Prints the commit id.\n"
"  ENTRY           a consent, goal or measure by its id (c1, g1, m1), or\n"
"                  LIST/N, the Nth entry of a list counted from 1: levels/2,\n"
"                  services/1, coordinators/1, guardians/1, evaluations/1,\n"
"                  meetings/2, reports/1\n"
"  --reason TEXT   why it is withdrawn (required)\n"
"  --date DATE     when it was found (default today)\n"
"  --by NAME       who corrects it (default $BTI_USER, git user.name)\n"
"  -C DIR          the case repository (default: the current one)\n"
"Exit status: 0 done, 1 refused (no such entry, withdrawn already, or the\n"
"case would break a rule without it), 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-correct", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "reason", required_argument, 0, 'r' },
		{ 0, 0, 0, 0 },
	};
	const char *reason = NULL;
	int opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT "r:", opts)) != -1) {
		if (opt == 'r')
			reason = optarg;
		else
			cli_common(&c, opt, optarg);
	}
	if (argc - optind != 2 || !reason)
		cli_usage(&c, "give --reason, a case id and the entry to withdraw (g1, levels/2, ...)");
	const char *name = argv[optind + 1], *list;
	size_t index;
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	const struct node *e = correct_find(o.doc.root, name, &list, &index), *done;
	char canon[48], what[64];
	if (!e) {
		op_refuse(&o, NULL, "correction/entry", "the case has no entry '%s'; name one by its id "
		    "(c1, g1, m1) or as LIST/N, the Nth entry of a list (levels/2, meetings/1)", name);
		return op_end(&o);
	}
	if (!strcmp(list, "levels") && index == 0) {
		op_refuse(&o, e, "correction/entry", "levels/1 opens the case and cannot be withdrawn; "
		    "close a case opened by mistake with bti-level");
		return op_end(&o);
	}
	if ((done = correct_withdrawn(o.doc.root, e))) {
		op_refuse(&o, done, "correction/twice", "%s was withdrawn already on %s", name,
		    map_str(done, "date"));
		return op_end(&o);
	}
	correct_name(e, list, index, canon);
	struct node *x = op_entry(&o);
	map_set(&o.doc, x, "withdraws", node_str(&o.doc, canon));
	map_set(&o.doc, x, "reason", node_str(&o.doc, reason));
	op_append(&o, "corrections", x);
	snprintf(what, sizeof what, "withdraws %s", canon);
	op_commit(&o, "correction", what, 0);
	return op_end(&o);
}
