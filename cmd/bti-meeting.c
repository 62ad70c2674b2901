/* bti-meeting: record a meeting about the case. */
#include <stdio.h>

#include "op.h"

static const char usage[] =
"usage: bti-meeting [-C DIR] [--by NAME] [--date DATE] --kind KIND\n"
"                   --participant NAME... (--child-present | --child-view TEXT)\n"
"                   --minutes WHERE [--minutes-sent] [--next DATE]\n"
"                   [--service SERVICE... [--anonymous]] [--internal] CASE-ID\n"
"Records a meeting: what kind, who took part, whether the child took part\n"
"or how the child's view was brought in, and where the minutes are.\n"
"Prints the commit id.\n"
"  --kind KIND          e.g. plan, evaluation, resource team; the level model's\n"
"                       meeting_kinds (e.g. handover, advice) have rules\n"
"  --participant NAME   someone who took part (repeatable)\n"
"  --child-present      the child or young person took part\n"
"  --child-view TEXT    how the child's view was brought in when absent\n"
"  --minutes WHERE      where the minutes are kept\n"
"  --minutes-sent       the minutes were sent to everyone involved\n"
"  --next DATE          the date agreed for the next meeting\n"
"  --service SERVICE    another service consulted in the meeting (repeatable)\n"
"  --anonymous          the case was discussed without the child's name\n"
"  --internal           not shown to the guardians (bti-report --for-guardians)\n"
"  --date DATE          when it was held (default today)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-meeting", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "kind", required_argument, 0, 'k' },
		{ "participant", required_argument, 0, 'p' },
		{ "child-present", no_argument, 0, 'P' },
		{ "child-view", required_argument, 0, 'v' },
		{ "minutes", required_argument, 0, 'm' },
		{ "minutes-sent", no_argument, 0, 'S' },
		{ "next", required_argument, 0, 'n' },
		{ "service", required_argument, 0, 's' },
		{ "anonymous", no_argument, 0, 'a' },
		{ "internal", no_argument, 0, 'I' },
		{ 0, 0, 0, 0 },
	};
	const char *kind = NULL, *view = NULL, *minutes = NULL, *next = NULL, *who[32], *svc[16];
	int present = 0, nwho = 0, nsvc = 0, sent = 0, anonymous = 0, internal = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'k': kind = optarg; break;
		case 'p':
			if (nwho == 32)
				cli_usage(&c, "too many --participant options");
			who[nwho++] = optarg;
			break;
		case 'P': present = 1; break;
		case 'v': view = optarg; break;
		case 'm': minutes = optarg; break;
		case 'S': sent = 1; break;
		case 'n': next = optarg; break;
		case 's':
			if (nsvc == 16)
				cli_usage(&c, "too many --service options");
			svc[nsvc++] = optarg;
			break;
		case 'a': anonymous = 1; break;
		case 'I': internal = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1 || !kind || !nwho || !minutes)
		cli_usage(&c, "give --kind, --participant, --minutes and one case id");
	if (!present && !view)
		cli_usage(&c, "the child's voice: give --child-present, or --child-view with how "
		    "the child's view was brought in");
	day_t tmp;
	if (next && date_parse(next, &tmp) < 0)
		cli_usage(&c, "--next: '%s' is not a real date in the form YYYY-MM-DD", next);
	if (anonymous && !nsvc)
		cli_usage(&c, "--anonymous goes with --service: the services the case was discussed with");
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	struct doc *d = &o.doc;
	struct node *e = op_entry(&o);
	map_set(d, e, "kind", node_str(d, kind));
	map_set(d, e, "participants", op_strings(&o, who, nwho));
	map_set(d, e, "child_present", node_bool(d, present));
	if (view)
		map_set(d, e, "child_view", node_str(d, view));
	if (nsvc)
		map_set(d, e, "services", op_strings(&o, svc, nsvc));
	if (anonymous)
		map_set(d, e, "anonymous", node_bool(d, 1));
	map_set(d, e, "minutes", node_str(d, minutes));
	if (next)
		map_set(d, e, "next", node_date(d, next));
	if (sent)
		map_set(d, e, "minutes_sent", node_bool(d, 1));
	if (internal)
		map_set(d, e, "internal", node_bool(d, 1));
	op_append(&o, "meetings", e);
	op_commit(&o, "meeting", "meeting held", 0);
	return op_end(&o);
}
