/* bti-new: open a case at level 0 and print its id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "find.h"
#include "fnr.h"
#include "op.h"
#include "util.h"

static const char usage[] =
"usage: bti-new [-C DIR] [--by NAME] [--date DATE] --name NAME\n"
"               (--born DATE | --fnr NUMBER | --fnr - | --due DATE) [--born DATE]\n"
"               --service SERVICE --concern TEXT --worry 1-10\n"
"               [--kind KIND]... [--guardian NAME]... [--if-new]\n"
"               [--source service|family]\n"
"Opens a case at level 0 and prints its id on stdout.\n"
"  --name NAME        the child's or young person's name\n"
"  --born DATE        birth date, YYYY-MM-DD\n"
"  --fnr NUMBER       national id number (fødselsnummer, D- or H-number);\n"
"                     '-' reads it from standard input, out of the process list\n"
"  --due DATE         the due date of an unborn child, where the level\n"
"                     model's target group has unborn children\n"
"  --service SERVICE  the service where the concern arose\n"
"  --concern TEXT     the concern in words: what was seen, heard, said\n"
"  --worry N          how worried, 1 (a little) to 10 (very)\n"
"  --kind KIND        violence, sexual-abuse, neglect, illness, disability,\n"
"                     behaviour, trafficking or other (repeatable)\n"
"  --guardian NAME    a guardian with parental responsibility (repeatable)\n"
"  --source SOURCE    service (a service's concern, default) or family (the\n"
"                     parents or the young person asked for the case)\n"
"  --date DATE        the opening date (default today)\n"
"  --by NAME          who opens the case (default $BTI_USER, git user.name)\n"
"  --if-new           when the child already has an open case (the same id\n"
"                     number, or the same name and birth date), print its id\n"
"                     and open none; without it, bti-new warns and opens one\n"
"  -C DIR             the case repository (default: the current one)\n"
"Exit status: 0 opened, 1 refused, 2 usage, 3 repository error.\n";

static char *
read_stdin_line(const struct cli *c)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (n <= 0) {
		free(line);
		cli_usage(c, "--fnr -: nothing on standard input");
	}
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = 0;
	return line;
}

/* Looks for an open case about the same child: with --if-new prints its
 * id and returns 1 (nothing to open); else leaves its path in open_case
 * for a warning once the new case is opened. -1 on a repository error. */
static int
same_child(struct op *o, const char *fnr, const char *name, day_t born, int if_new,
    char open_case[CASE_PATH_MAX])
{
	struct fnr_info fi;
	char id[CASE_ID_LEN + 1];
	size_t invalid;
	if (born < 0 && fnr && fnr_check(fnr, &fi) == FNR_OK && fi.year)
		born = date_from_ymd(fi.year, fi.month, fi.day);
	int rc = find_open_case(&o->repo, fnr, name, born, id, &invalid, &o->dg);
	if (invalid)
		diag_warn(&o->dg, NULL, 0, 0, "case/invalid",
		    "%zu invalid cases were not looked at for an open case of this child (bti-check)",
		    invalid);
	if (rc <= 0)
		return rc;
	case_path(id, open_case);
	if (!if_new)
		return 0;
	diag_warn(&o->dg, open_case, 0, 0, "case/open",
	    "the child already has this open case; opened none (--if-new)");
	printf("%s\n", id);
	return 1;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-new", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "name", required_argument, 0, 'n' },
		{ "born", required_argument, 0, 'B' },
		{ "fnr", required_argument, 0, 'f' },
		{ "service", required_argument, 0, 's' },
		{ "concern", required_argument, 0, 'c' },
		{ "worry", required_argument, 0, 'w' },
		{ "kind", required_argument, 0, 'k' },
		{ "guardian", required_argument, 0, 'g' },
		{ "if-new", no_argument, 0, 'I' },
		{ "due", required_argument, 0, 'U' },
		{ "source", required_argument, 0, 'S' },
		{ 0, 0, 0, 0 },
	};
	const char *name = NULL, *born = NULL, *service = NULL, *concern = NULL, *worry = NULL;
	const char *due = NULL, *source = NULL;
	char *fnr = NULL;
	const char *kinds[16], *guardians[16];
	int nkinds = 0, nguardians = 0, if_new = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'n': name = optarg; break;
		case 'B': born = optarg; break;
		case 'f': fnr = strcmp(optarg, "-") ? xstrdup(optarg) : read_stdin_line(&c); break;
		case 's': service = optarg; break;
		case 'I': if_new = 1; break;
		case 'U': due = optarg; break;
		case 'S': source = optarg; break;
		case 'c': concern = optarg; break;
		case 'w': worry = optarg; break;
		case 'k':
			if (nkinds == 16)
				cli_usage(&c, "too many --kind options");
			kinds[nkinds++] = optarg;
			break;
		case 'g':
			if (nguardians == 16)
				cli_usage(&c, "too many --guardian options");
			guardians[nguardians++] = optarg;
			break;
		default:
			cli_common(&c, opt, optarg);
		}
	}
	if (optind < argc)
		cli_usage(&c, "unexpected argument '%s'", argv[optind]);
	if (!name || !service || !concern || !worry)
		cli_usage(&c, "--name, --service, --concern and --worry are required");
	if (!born && !fnr && !due)
		cli_usage(&c, "give --born DATE or --fnr NUMBER");
	if (source && strcmp(source, "service") && strcmp(source, "family"))
		cli_usage(&c, "--source: '%s' is not service or family", source);
	long w = cli_number(&c, "--worry", worry, 1, 10);
	day_t bday, dday;
	if (born && date_parse(born, &bday) < 0)
		cli_usage(&c, "--born: '%s' is not a real date in the form YYYY-MM-DD", born);
	if (due && date_parse(due, &dday) < 0)
		cli_usage(&c, "--due: '%s' is not a real date in the form YYYY-MM-DD", due);

	struct op o;
	if (op_begin(&o, &c) != EXIT_OK || !(service = op_service(&o, service))) {
		free(fnr);
		return op_end(&o);
	}
	char open_case[CASE_PATH_MAX] = "";
	switch (same_child(&o, fnr, name, born ? bday : -1, if_new, open_case)) {
	case -1:
		o.status = EXIT_SYSTEM;
		/* fall through */
	case 1:
		free(fnr);
		return op_end(&o);
	}
	int y, m, d;
	date_to_ymd(o.date, &y, &m, &d);
	for (int tries = 0;; tries++) {
		case_id_new(y, o.id);
		case_path(o.id, o.path);
		char *buf;
		size_t len;
		int rc = repo_read(&o.repo, o.path, &buf, &len, &o.dg);
		if (rc == 1)
			break;
		if (rc == 0)
			free(buf);
		if (rc < 0 || tries == 8) {
			o.status = EXIT_SYSTEM;
			free(fnr);
			return op_end(&o);
		}
	}
	if (repo_check_clean(&o.repo, o.path, &o.dg) < 0) {
		o.status = EXIT_REFUSED;
		free(fnr);
		return op_end(&o);
	}
	struct doc *doc = &o.doc;
	doc_init(doc, o.path);
	struct node *r = doc->root = node_new(doc, NT_MAP);
	map_set(doc, r, "bti", node_int(doc, 1));
	map_set(doc, r, "id", node_str(doc, o.id));
	map_set(doc, r, "opened", node_date(doc, o.datestr));
	struct node *child = node_new(doc, NT_MAP);
	map_set(doc, child, "name", node_str(doc, name));
	if (born)
		map_set(doc, child, "born", node_date(doc, born));
	if (fnr)
		map_set(doc, child, "fnr", node_str(doc, fnr));
	free(fnr);
	if (due)
		map_set(doc, child, "due", node_date(doc, due));
	map_set(doc, r, "child", child);
	map_set(doc, r, "service", node_str(doc, service));
	struct node *cn = node_new(doc, NT_MAP);
	map_set(doc, cn, "text", node_str(doc, concern));
	map_set(doc, cn, "worry", node_int(doc, w));
	map_set(doc, cn, "by", node_str(doc, o.author->name));
	if (source)
		map_set(doc, cn, "source", node_str(doc, source));
	if (nkinds) {
		struct node *ks = node_new(doc, NT_SEQ);
		for (int i = 0; i < nkinds; i++)
			seq_push(doc, ks, node_str(doc, kinds[i]));
		map_set(doc, cn, "kinds", ks);
	}
	map_set(doc, r, "concern", cn);
	if (nguardians) {
		struct node *gs = node_new(doc, NT_SEQ);
		for (int i = 0; i < nguardians; i++) {
			struct node *g = node_new(doc, NT_MAP);
			map_set(doc, g, "date", node_date(doc, o.datestr));
			map_set(doc, g, "name", node_str(doc, guardians[i]));
			map_set(doc, g, "responsibility", node_bool(doc, 1));
			seq_push(doc, gs, g);
		}
		map_set(doc, r, "guardians", gs);
	}
	struct node *lv = op_entry(&o);
	map_set(doc, lv, "level", node_int(doc, 0));
	/* The model's words for it, in the repository's language. */
	const char *opened = o.repo.model.opened[o.repo.cfg.lang];
	map_set(doc, lv, "reason", node_str(doc, opened ? opened : "case opened"));
	op_append(&o, "levels", lv);
	if (op_commit(&o, "new", "opened at level 0", 1) == EXIT_OK) {
		printf("%s\n", o.id);
		if (open_case[0])
			diag_warn(&o.dg, open_case, 0, 0, "case/open", "the child already had this open "
			    "case; opened another (--if-new would have printed its id)");
	}
	return op_end(&o);
}
