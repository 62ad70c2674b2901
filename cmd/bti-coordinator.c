/* bti-coordinator: name the coordinator (stafettholder), or hand over. */
#include <stdio.h>

#include "op.h"
#include "rules.h"

static const char usage[] =
"usage: bti-coordinator [-C DIR] [--by NAME] [--date DATE] --name NAME\n"
"                       --service SERVICE CASE-ID\n"
"Names the case's coordinator (koordinator, stafettholder/stafetthaldar).\n"
"A new one hands the role over from the date given; the old coordinator\n"
"holds it until then, and the history keeps both. The coordinator works\n"
"in the case's own service or in one taking part. Prints the commit id.\n"
"  --name NAME        the coordinator\n"
"  --service SERVICE  the service they work in\n"
"  --date DATE        from when (default today)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-coordinator", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "name", required_argument, 0, 'n' },
		{ "service", required_argument, 0, 's' },
		{ 0, 0, 0, 0 },
	};
	const char *name = NULL, *service = NULL;
	int opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'n': name = optarg; break;
		case 's': service = optarg; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1 || !name || !service)
		cli_usage(&c, "give --name, --service and one case id");
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK ||
	    !(service = op_service(&o, service)))
		return op_end(&o);
	int handover = rules_coordinator_on(o.doc.root, o.date) != NULL;
	struct node *e = op_entry(&o);
	map_set(&o.doc, e, "name", node_str(&o.doc, name));
	map_set(&o.doc, e, "service", node_str(&o.doc, service));
	op_append(&o, "coordinators", e);
	op_commit(&o, handover ? "handover" : "coordinator",
	    handover ? "coordinator handed over" : "coordinator named", 0);
	return op_end(&o);
}
