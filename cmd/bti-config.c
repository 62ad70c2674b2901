/* bti-config: change bti.yaml (the register of services, the settings) as
 * one validated commit, or list the register. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confedit.h"
#include "services.h"

static const char usage[] =
"usage: bti-config [-C DIR] [--by NAME] service NAME --kind KIND [--alias NAME]...\n"
"       bti-config [-C DIR] [--by NAME] remove-service NAME\n"
"       bti-config [-C DIR] [--by NAME] set municipality|lang|suppress_below VALUE\n"
"       bti-config [-C DIR] services\n"
"Changes the repository's bti.yaml as one commit, after checking the result\n"
"as every command reads it; prints the commit id. Nobody edits bti.yaml by hand.\n"
"  service NAME       adds NAME to the register of services, or replaces it\n"
"  --kind KIND        kindergarten, school, health, ppt, barnevern, nav,\n"
"                     police or other\n"
"  --alias NAME       another name the service goes by (repeatable); stored\n"
"                     as the service's name\n"
"  remove-service NAME  takes NAME out of the register\n"
"  set KEY VALUE      municipality, lang (nb, nn, en) or suppress_below (1-100)\n"
"  services           lists the register: name, kind, aliases (tab-separated)\n"
"With a register, bti-new, bti-service, bti-coordinator and bti-consent\n"
"refuse a service not in it, suggesting the nearest names.\n"
"  -C DIR             the case repository (default: the current one)\n"
"Exit status: 0 done, 1 refused (an invalid result, an unknown service),\n"
"2 usage, 3 repository error.\n";

static int
list(struct cli *c)
{
	struct diags dg = { 0 };
	struct repo r;
	int status = EXIT_SYSTEM;
	if (repo_open(&r, c->dir, 1, &dg) == 0 && repo_load(&r, &dg) == 0) {
		struct buf b = { 0 };
		services_tsv(r.cfg.services, &b);
		if (b.len)
			fwrite(b.p, 1, b.len, stdout);
		buf_free(&b);
		status = EXIT_OK;
	}
	repo_close(&r);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-config", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "kind", required_argument, 0, 'k' },
		{ "alias", required_argument, 0, 'a' },
		{ 0, 0, 0, 0 },
	};
	const char *kind = NULL, *aliases[32];
	int naliases = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'k': kind = optarg; break;
		case 'a':
			if (naliases == 32)
				cli_usage(&c, "too many --alias options");
			aliases[naliases++] = optarg;
			break;
		default: cli_common(&c, opt, optarg);
		}
	}
	int n = argc - optind;
	const char *verb = n ? argv[optind] : "";
	if (!strcmp(verb, "services") && n == 1 && !kind && !naliases)
		return list(&c);
	if (!strcmp(verb, "service") && n == 2) {
		size_t k = 0;
		while (kind && service_kinds[k] && strcmp(service_kinds[k], kind))
			k++;
		if (!kind || !service_kinds[k])
			cli_usage(&c, "--kind is kindergarten, school, health, ppt, barnevern, nav, police or other");
	} else if (kind || naliases) {
		cli_usage(&c, "--kind and --alias go with: service NAME");
	} else if (!strcmp(verb, "set") && n == 3) {
		if (strcmp(argv[optind + 1], "municipality") && strcmp(argv[optind + 1], "lang") &&
		    strcmp(argv[optind + 1], "suppress_below"))
			cli_usage(&c, "set: '%s' is not municipality, lang or suppress_below", argv[optind + 1]);
	} else if (strcmp(verb, "remove-service") || n != 2) {
		cli_usage(&c, "give service NAME --kind KIND, remove-service NAME, set KEY VALUE or services");
	}
	struct op o;
	if (confedit_begin(&o, &c) != EXIT_OK)
		return op_end(&o);
	const char *arg = argv[optind + 1];
	char *what;
	if (!strcmp(verb, "service")) {
		confedit_service(&o, arg, kind, aliases, naliases);
		what = xstrdup("a service in the register");
	} else if (!strcmp(verb, "set")) {
		confedit_set(&o, arg, argv[optind + 2]);
		what = xasprintf("%s set", arg);
	} else {
		if (confedit_remove_service(&o, arg) != EXIT_OK)
			return op_end(&o);
		what = xstrdup("a service out of the register");
	}
	confedit_commit(&o, what);
	free(what);
	return op_end(&o);
}
