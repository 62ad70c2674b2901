/* bti-level: move a case to another level, close it, or reopen it. */
#include <stdio.h>
#include <string.h>

#include "op.h"

static const char usage[] =
"usage: bti-level [-C DIR] [--by NAME] [--date DATE] --reason TEXT\n"
"                 [--leader-informed] CASE-ID LEVEL\n"
"       bti-level [-C DIR] [--by NAME] [--date DATE] --reason TEXT\n"
"                 --cause CAUSE CASE-ID close\n"
"Moves a case to LEVEL, or closes it at its current level. A closed case is\n"
"reopened by moving it to a level the model reopens at. Every move must be\n"
"one the repository's level model allows. Prints the commit id.\n"
"  --reason TEXT   why (required)\n"
"  --leader-informed  the management was informed (where the model's level\n"
"                  asks for it, e.g. Siljan's level 1)\n"
"  --cause CAUSE   why the case closes: one of the model's close_causes\n"
"                  (goal-reached, unfounded, moved, barnevern, ...)\n"
"  --date DATE     when the decision was made (default today)\n"
"  --by NAME       who decided (default $BTI_USER, git user.name)\n"
"  -C DIR          the case repository (default: the current one)\n"
"Exit status: 0 done, 1 refused by the model, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-level", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "reason", required_argument, 0, 'r' },
		{ "cause", required_argument, 0, 'c' },
		{ "leader-informed", no_argument, 0, 'L' },
		{ 0, 0, 0, 0 },
	};
	const char *reason = NULL, *cause = NULL;
	int opt, leader = 0;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT "r:", opts)) != -1) {
		switch (opt) {
		case 'r': reason = optarg; break;
		case 'c': cause = optarg; break;
		case 'L': leader = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 2)
		cli_usage(&c, "give a case id and a level (or 'close')");
	const char *target = argv[optind + 1];
	int close = !strcmp(target, "close");
	long level = close ? -1 : cli_number(&c, "LEVEL", target, 0, 9);
	if (!reason || !*reason)
		cli_usage(&c, "--reason is required: say why");
	if (close && !cause)
		cli_usage(&c, "closing needs --cause (see the model's close_causes)");
	if (!close && cause)
		cli_usage(&c, "--cause goes with 'close'");

	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	struct case_state st;
	case_state(o.doc.root, &st);
	struct node *e = op_entry(&o);
	char what[64];
	if (close) {
		if (st.closed) {
			op_refuse(&o, st.last, "level/closed", "case %s is already closed", o.id);
			return op_end(&o);
		}
		map_set(&o.doc, e, "level", node_int(&o.doc, st.level));
		map_set(&o.doc, e, "closed", node_bool(&o.doc, 1));
		map_set(&o.doc, e, "cause", node_str(&o.doc, cause));
		snprintf(what, sizeof what, "closed at level %d", st.level);
	} else {
		map_set(&o.doc, e, "level", node_int(&o.doc, level));
		if (st.closed)
			snprintf(what, sizeof what, "reopened at level %ld", level);
		else
			snprintf(what, sizeof what, "%d -> %ld", st.level, level);
	}
	map_set(&o.doc, e, "reason", node_str(&o.doc, reason));
	if (leader)
		map_set(&o.doc, e, "leader_informed", node_bool(&o.doc, 1));
	op_append(&o, "levels", e);
	op_commit(&o, close ? "close" : st.closed ? "reopen" : "level", what, 0);
	return op_end(&o);
}
