/* bti-consent: record a consent given, refused or withdrawn. */
#include <stdio.h>
#include <string.h>

#include "op.h"

static const char usage[] =
"usage: bti-consent [-C DIR] [--by NAME] [--date DATE] --from NAME...\n"
"                   --service SERVICE... [--scope meeting|over-time]\n"
"                   [--form written|oral] [--documented WHERE] [--expires DATE]\n"
"                   [--alone-reason TEXT] CASE-ID given|refused\n"
"       bti-consent [-C DIR] [--by NAME] [--date DATE] --from NAME...\n"
"                   --withdraws CONSENT-ID CASE-ID withdrawn\n"
"Records a consent to share information between services, a refusal, or a\n"
"withdrawal, and prints the new consent id (c1, c2, ...). Checked against\n"
"the child's age on the date: under 18 every guardian with parental\n"
"responsibility consents (or --alone-reason says why one decides alone);\n"
"from the model's consent age (15 or 16) the young person signs too; from\n"
"18 the young person consents alone, or an appointed verge.\n"
"  --from NAME         who gives, refuses or withdraws it (repeatable)\n"
"  --service SERVICE   a service the consent covers (repeatable)\n"
"  --scope SCOPE       meeting (that day only) or over-time (default)\n"
"  --form FORM         written (default) or oral; oral needs --documented\n"
"  --documented WHERE  where an oral consent is documented\n"
"  --expires DATE      the last day the consent covers\n"
"  --withdraws ID      the consent a withdrawal ends (from --date on)\n"
"  --alone-reason TEXT why one parent with shared responsibility decides alone\n"
"  --date DATE         when (default today)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-consent", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "from", required_argument, 0, 'f' },
		{ "service", required_argument, 0, 's' },
		{ "scope", required_argument, 0, 'S' },
		{ "form", required_argument, 0, 'F' },
		{ "documented", required_argument, 0, 'D' },
		{ "expires", required_argument, 0, 'E' },
		{ "withdraws", required_argument, 0, 'W' },
		{ "alone-reason", required_argument, 0, 'A' },
		{ 0, 0, 0, 0 },
	};
	const char *from[16], *services[32];
	const char *scope = NULL, *form = NULL, *documented = NULL, *expires = NULL;
	const char *withdraws = NULL, *alone = NULL;
	int nfrom = 0, nserv = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'f':
			if (nfrom == 16)
				cli_usage(&c, "too many --from options");
			from[nfrom++] = optarg;
			break;
		case 's':
			if (nserv == 32)
				cli_usage(&c, "too many --service options");
			services[nserv++] = optarg;
			break;
		case 'S': scope = optarg; break;
		case 'F': form = optarg; break;
		case 'D': documented = optarg; break;
		case 'E': expires = optarg; break;
		case 'W': withdraws = optarg; break;
		case 'A': alone = optarg; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 2)
		cli_usage(&c, "give a case id and given, refused or withdrawn");
	const char *status = argv[optind + 1];
	int withdrawal = !strcmp(status, "withdrawn");
	if (!withdrawal && strcmp(status, "given") && strcmp(status, "refused"))
		cli_usage(&c, "'%s' is not given, refused or withdrawn", status);
	if (!nfrom)
		cli_usage(&c, "--from is required: who gives, refuses or withdraws the consent");
	if (withdrawal != !!withdraws)
		cli_usage(&c, withdrawal ? "a withdrawal needs --withdraws CONSENT-ID" :
		    "--withdraws goes with 'withdrawn'");
	if (!withdrawal && !nserv)
		cli_usage(&c, "--service is required: which services the consent covers");
	day_t tmp;
	if (expires && date_parse(expires, &tmp) < 0)
		cli_usage(&c, "--expires: '%s' is not a real date in the form YYYY-MM-DD", expires);

	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK)
		return op_end(&o);
	for (int i = 0; i < nserv; i++)
		if (!(services[i] = op_service(&o, services[i])))
			return op_end(&o);
	struct doc *d = &o.doc;
	const struct node *old = NULL;
	if (withdrawal) {
		const struct node *cs = map_get(d->root, "consents");
		for (size_t i = 0; cs && i < cs->n; i++)
			if (!strcmp(map_str(cs->v[i], "id"), withdraws))
				old = cs->v[i];
		if (!old) {
			op_refuse(&o, NULL, "consent/withdraws", "case %s has no consent %s", o.id, withdraws);
			return op_end(&o);
		}
	}
	char id[16];
	struct node *e = op_entry(&o);
	map_set(d, e, "id", node_str(d, op_next_id(&o, "consents", 'c', id)));
	map_set(d, e, "status", node_str(d, status));
	map_set(d, e, "given_by", op_strings(&o, from, nfrom));
	if (old) {
		/* A withdrawal covers what it ends unless told otherwise. */
		map_set(d, e, "services", nserv ? op_strings(&o, services, nserv) : map_get(old, "services"));
		map_set(d, e, "scope", node_str(d, scope ? scope : map_str(old, "scope")));
		map_set(d, e, "form", node_str(d, form ? form : "written"));
		map_set(d, e, "withdraws", node_str(d, withdraws));
	} else {
		map_set(d, e, "services", op_strings(&o, services, nserv));
		map_set(d, e, "scope", node_str(d, scope ? scope : "over-time"));
		map_set(d, e, "form", node_str(d, form ? form : "written"));
	}
	if (documented)
		map_set(d, e, "documented", node_str(d, documented));
	if (expires)
		map_set(d, e, "expires", node_date(d, expires));
	if (alone)
		map_set(d, e, "alone_reason", node_str(d, alone));
	op_append(&o, "consents", e);
	if (form && !strcmp(form, "oral"))
		diag_warn(&o.dg, o.path, 0, 0, "consent/oral",
		    "oral consent is valid but hard to document; written consent is recommended");
	char what[64];
	snprintf(what, sizeof what, "consent %s %s", id, status);
	if (op_commit(&o, "consent", what, 1) == EXIT_OK)
		printf("%s\n", id);
	return op_end(&o);
}
