/* bti-notify: record a report to child welfare (meldeplikt). */
#include <stdio.h>
#include <string.h>

#include "op.h"
#include "rules.h"

static const char usage[] =
"usage: bti-notify [-C DIR] [--by NAME] [--date DATE] --reason TEXT\n"
"                  [--to barnevern|politi] [--kind KIND]...\n"
"                  [--inform-guardians | --no-inform-guardians] CASE-ID\n"
"Records a report to the child welfare service (or the police). The duty\n"
"to report never needs consent and is never blocked: a closed case or a\n"
"withdrawn consent does not stop it. When the concern or the report is\n"
"about violence or sexual abuse the guardians are not told, and the case\n"
"is marked so. Prints the commit id.\n"
"  --reason TEXT            what the report is about\n"
"  --to WHOM                barnevern (default) or politi\n"
"  --kind KIND              violence, sexual-abuse, neglect, ... (repeatable)\n"
"  --inform-guardians       the guardians are told (the default, except with\n"
"                           violence or sexual abuse, where it is refused)\n"
"  --no-inform-guardians    the guardians are not told\n"
"  --date DATE              when it was sent (default today)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-notify", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "reason", required_argument, 0, 'r' },
		{ "to", required_argument, 0, 't' },
		{ "kind", required_argument, 0, 'k' },
		{ "inform-guardians", no_argument, 0, 'I' },
		{ "no-inform-guardians", no_argument, 0, 'N' },
		{ 0, 0, 0, 0 },
	};
	const char *reason = NULL, *to = "barnevern", *kinds[16];
	int nkinds = 0, inform = -1, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'r': reason = optarg; break;
		case 't': to = optarg; break;
		case 'k':
			if (nkinds == 16)
				cli_usage(&c, "too many --kind options");
			kinds[nkinds++] = optarg;
			break;
		case 'I':
		case 'N':
			if (inform >= 0 && inform != (opt == 'I'))
				cli_usage(&c, "--inform-guardians and --no-inform-guardians exclude each other");
			inform = opt == 'I';
			break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1 || !reason)
		cli_usage(&c, "give --reason and one case id");
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	struct doc *d = &o.doc;
	struct node *e = op_entry(&o);
	map_set(d, e, "to", node_str(d, to));
	map_set(d, e, "reason", node_str(d, reason));
	if (nkinds)
		map_set(d, e, "kinds", op_strings(&o, kinds, nkinds));
	op_append(&o, "reports", e);
	int secret = rules_secret(d->root);
	map_set(d, e, "inform_guardians", node_bool(d, inform < 0 ? !secret : inform));
	if (op_commit(&o, "report", "report to child welfare", 0) == EXIT_OK && secret)
		diag_warn(&o.dg, o.path, 0, 0, "report/secret",
		    "violence or sexual abuse: do not inform the guardians; contact police and "
		    "child welfare the same day");
	return op_end(&o);
}
