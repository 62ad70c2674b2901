/* bti-measure: record a measure (tiltak) of the plan. */
#include <stdio.h>

#include "op.h"

static const char usage[] =
"usage: bti-measure [-C DIR] [--by NAME] [--date DATE] --what TEXT\n"
"                   --responsible NAME [--start DATE] --evaluate-by DATE\n"
"                   [--duration TEXT] [--goal GOAL-ID] [--internal] CASE-ID\n"
"Adds a measure to the case's plan and prints its id (m1, m2, ...):\n"
"what is done, who is responsible, from when, and when it is evaluated.\n"
"  --what TEXT          the measure\n"
"  --responsible NAME   who is responsible for carrying it out\n"
"  --start DATE         when it starts (default: --date)\n"
"  --evaluate-by DATE   when it is evaluated (bti-evaluate)\n"
"  --duration TEXT      how long, in words (\"8 uker\")\n"
"  --goal GOAL-ID       the goal it serves (bti-goal)\n"
"  --internal           not shown to the guardians (bti-report --for-guardians)\n"
"  --date DATE          when it was agreed (default today)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-measure", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "what", required_argument, 0, 'w' },
		{ "responsible", required_argument, 0, 'r' },
		{ "start", required_argument, 0, 's' },
		{ "evaluate-by", required_argument, 0, 'e' },
		{ "duration", required_argument, 0, 'u' },
		{ "goal", required_argument, 0, 'g' },
		{ "internal", no_argument, 0, 'I' },
		{ 0, 0, 0, 0 },
	};
	const char *what = NULL, *resp = NULL, *start = NULL, *eval = NULL, *dur = NULL, *goal = NULL;
	int internal = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'w': what = optarg; break;
		case 'r': resp = optarg; break;
		case 's': start = optarg; break;
		case 'e': eval = optarg; break;
		case 'u': dur = optarg; break;
		case 'g': goal = optarg; break;
		case 'I': internal = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1 || !what || !resp || !eval)
		cli_usage(&c, "give --what, --responsible, --evaluate-by and one case id");
	day_t tmp;
	if (start && date_parse(start, &tmp) < 0)
		cli_usage(&c, "--start: '%s' is not a real date in the form YYYY-MM-DD", start);
	if (date_parse(eval, &tmp) < 0)
		cli_usage(&c, "--evaluate-by: '%s' is not a real date in the form YYYY-MM-DD", eval);
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	struct doc *d = &o.doc;
	char id[16], subject[32];
	struct node *e = op_entry(&o);
	map_set(d, e, "id", node_str(d, op_next_id(&o, "measures", 'm', id)));
	map_set(d, e, "what", node_str(d, what));
	map_set(d, e, "responsible", node_str(d, resp));
	map_set(d, e, "start", node_date(d, start ? start : o.datestr));
	if (dur)
		map_set(d, e, "duration", node_str(d, dur));
	map_set(d, e, "evaluate_by", node_date(d, eval));
	if (goal)
		map_set(d, e, "goal", node_str(d, goal));
	if (internal)
		map_set(d, e, "internal", node_bool(d, 1));
	op_append(&o, "measures", e);
	snprintf(subject, sizeof subject, "measure %s", id);
	if (op_commit(&o, "measure", subject, 1) == EXIT_OK)
		printf("%s\n", id);
	return op_end(&o);
}
