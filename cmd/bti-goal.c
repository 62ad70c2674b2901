/* bti-goal: record a goal of the plan. */
#include <stdio.h>

#include "op.h"

static const char usage[] =
"usage: bti-goal [-C DIR] [--by NAME] [--date DATE] --text TEXT [--internal] CASE-ID\n"
"Adds a goal to the case's plan, agreed with the child and the guardians,\n"
"and prints its id (g1, g2, ...) for bti-measure --goal.\n"
"  --text TEXT   the goal, in words the child understands\n"
"  --date DATE   when it was agreed (default today)\n"
"  --internal    not shown to the guardians (bti-report --for-guardians)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-goal", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "text", required_argument, 0, 't' },
		{ "internal", no_argument, 0, 'I' },
		{ 0, 0, 0, 0 },
	};
	const char *text = NULL;
	int internal = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		if (opt == 't')
			text = optarg;
		else if (opt == 'I')
			internal = 1;
		else
			cli_common(&c, opt, optarg);
	}
	if (argc - optind != 1 || !text)
		cli_usage(&c, "give --text and one case id");
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	char id[16], what[32];
	struct node *e = op_entry(&o);
	map_set(&o.doc, e, "id", node_str(&o.doc, op_next_id(&o, "goals", 'g', id)));
	map_set(&o.doc, e, "text", node_str(&o.doc, text));
	if (internal)
		map_set(&o.doc, e, "internal", node_bool(&o.doc, 1));
	op_append(&o, "goals", e);
	snprintf(what, sizeof what, "goal %s", id);
	if (op_commit(&o, "goal", what, 1) == EXIT_OK)
		printf("%s\n", id);
	return op_end(&o);
}
