/* bti-guardian: record a guardian of the child. */
#include <stdio.h>

#include "op.h"

static const char usage[] =
"usage: bti-guardian [-C DIR] [--by NAME] [--date DATE] --name NAME [--no-responsibility]\n"
"                    [--lives-with-child] [--verge] CASE-ID\n"
"Adds a guardian to the case. Guardians with parental responsibility must\n"
"consent for a child under 18 (bti-consent). Prints the commit id.\n"
"  --name NAME            the guardian's name, as they will sign consents\n"
"  --no-responsibility    has no parental responsibility (foreldreansvar)\n"
"  --lives-with-child     the child lives with this guardian\n"
"  --verge                an appointed guardian (verge) of a young adult\n"
"  --date DATE            from when (default today); consents dated earlier\n"
"                         need not carry this guardian's signature\n"
"  --by NAME              who records it (default $BTI_USER, git user.name)\n"
"  -C DIR                 the case repository (default: the current one)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-guardian", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "name", required_argument, 0, 'n' },
		{ "no-responsibility", no_argument, 0, 'R' },
		{ "lives-with-child", no_argument, 0, 'L' },
		{ "verge", no_argument, 0, 'G' },
		{ 0, 0, 0, 0 },
	};
	const char *name = NULL;
	int resp = 1, lives = 0, verge = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'n': name = optarg; break;
		case 'R': resp = 0; break;
		case 'L': lives = 1; break;
		case 'G': verge = 1; resp = 0; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1 || !name)
		cli_usage(&c, "give --name and one case id");
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	struct doc *d = &o.doc;
	struct node *g = node_new(d, NT_MAP);
	map_set(d, g, "date", node_date(d, o.datestr));
	map_set(d, g, "name", node_str(d, name));
	map_set(d, g, "responsibility", node_bool(d, resp));
	if (lives)
		map_set(d, g, "lives_with_child", node_bool(d, 1));
	if (verge)
		map_set(d, g, "verge", node_bool(d, 1));
	op_append(&o, "guardians", g);
	op_commit(&o, "guardian", verge ? "verge added" : "guardian added", 0);
	return op_end(&o);
}
