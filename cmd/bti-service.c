/* bti-service: a service joins or leaves the cooperation around a case. */
#include <stdio.h>
#include <string.h>

#include "op.h"
#include "services.h"

static const char usage[] =
"usage: bti-service [-C DIR] [--by NAME] [--date DATE] [--contact NAME] [--kind KIND]\n"
"                   [--referral] CASE-ID join|leave SERVICE\n"
"Records that a service (PPT, helsestasjon, barnevern, ...) starts or stops\n"
"taking part in the case. At a cooperation level a joining service must be\n"
"covered by consent (bti-consent). Prints the commit id.\n"
"  --contact NAME  the service's contact person\n"
"  --kind KIND     the kind of service: kindergarten, school, health, ppt,\n"
"                  barnevern, nav, police or other; needed only where neither\n"
"                  bti.yaml's register nor the model's service_kinds give it,\n"
"                  and refused when the register gives another\n"
"  --referral      the service joins on a referral (henvisning) sent to it\n"
"  --date DATE     when (default today)\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-service", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "contact", required_argument, 0, 'c' },
		{ "kind", required_argument, 0, 'k' },
		{ "referral", no_argument, 0, 'R' },
		{ 0, 0, 0, 0 },
	};
	const char *contact = NULL, *kind = NULL;
	int opt, referral = 0;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		if (opt == 'c')
			contact = optarg;
		else if (opt == 'k')
			kind = optarg;
		else if (opt == 'R')
			referral = 1;
		else
			cli_common(&c, opt, optarg);
	}
	if (argc - optind != 3)
		cli_usage(&c, "give a case id, join or leave, and a service");
	const char *action = argv[optind + 1], *service = argv[optind + 2];
	if (strcmp(action, "join") && strcmp(action, "leave"))
		cli_usage(&c, "'%s' is not join or leave", action);
	cli_text(&c, "SERVICE", service, TEXT_LINE);
	if (referral && strcmp(action, "join"))
		cli_usage(&c, "--referral goes with join");
	if (kind && !services_is_kind(kind))
		cli_usage(&c, "--kind is kindergarten, school, health, ppt, barnevern, nav, police or other, "
		    "not '%s'", kind);
	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || op_load_case(&o, argv[optind]) != EXIT_OK ||
	    !(service = op_service(&o, service)))
		return op_end(&o);
	const char *registered = services_kind(o.repo.cfg.services, service);
	if (kind && registered && strcmp(kind, registered)) {
		op_refuse(&o, NULL, "service/kind", "%s is of the kind %s in bti.yaml's register of services, "
		    "not %s; leave out --kind (the rules use the register's), or change the register "
		    "(bti-config service)", service, registered, kind);
		return op_end(&o);
	}
	struct node *e = op_entry(&o);
	map_set(&o.doc, e, "name", node_str(&o.doc, service));
	map_set(&o.doc, e, "action", node_str(&o.doc, action));
	if (contact)
		map_set(&o.doc, e, "contact", node_str(&o.doc, contact));
	if (kind)
		map_set(&o.doc, e, "kind", node_str(&o.doc, kind));
	if (referral)
		map_set(&o.doc, e, "referral", node_bool(&o.doc, 1));
	op_append(&o, "services", e);
	op_commit(&o, "service", !strcmp(action, "join") ? "a service joins" : "a service leaves", 0);
	return op_end(&o);
}
