/* bti-list: one line per case, filtered, from one or more case repositories. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "listing.h"

static const char usage[] =
"usage: bti-list [-C DIR]... [--date DATE] [--level N] [--open | --closed]\n"
"                [--coordinator NAME] [--service NAME]\n"
"                [--opened-from DATE] [--opened-to DATE] [--inactive-since DATE]\n"
"                [--due] [--born DATE] [--age-from N] [--age-to N]\n"
"                [--format tsv|json|ids] [--header] [-z] [REPO...]\n"
"Lists the cases committed in the case repository (or every -C DIR and\n"
"REPO named), one per case in id order, those that pass every filter given.\n"
"Fields: id, level, state (open or closed), opened, last_activity,\n"
"coordinator, coordinator_service, services, deadlines_due.\n"
"  --level N             at level N (a closed case: the level it closed at)\n"
"  --open, --closed      only open, or only closed, cases\n"
"  --coordinator NAME    whose coordinator is NAME (any letter case)\n"
"  --service NAME        where NAME is one of the services\n"
"  --opened-from DATE, --opened-to DATE   opened in that period (inclusive)\n"
"  --inactive-since DATE nothing dated on or after DATE\n"
"  --due                 with a deadline due on or before today\n"
"  --born DATE           the child born on DATE\n"
"  --age-from N, --age-to N   the child's age today in whole years\n"
"  --date DATE           today, for --due, the ages and deadlines_due\n"
"  --format F            tsv (default), json (one array) or ids\n"
"  --header              tsv: the field names first\n"
"  -z                    ids, each ended by a NUL byte instead of a newline\n"
"  -C DIR                a case repository (repeatable; default: the current one)\n"
"Exit status: 0 done, 1 invalid cases were left out (named on stderr),\n"
"2 usage, 3 repository error.\n";

struct out {
	const struct filter *f;
	char format;            /* t, j, i, z */
	size_t rows;
	struct buf b;
};

static int
emit(const struct qrow *q, void *arg)
{
	struct out *o = arg;
	if (!filter_match(o->f, q))
		return 0;
	if (o->format == 't') {
		list_tsv(&o->b, q, o->f->today);
	} else if (o->format == 'j') {
		buf_puts(&o->b, o->rows ? ",\n" : "\n");
		list_json(&o->b, q, o->f->today);
	} else {
		buf_add(&o->b, q->id, CASE_ID_LEN);
		buf_add(&o->b, o->format == 'z' ? "" : "\n", 1);
	}
	o->rows++;
	if (o->b.len > 1 << 16) {
		fwrite(o->b.p, 1, o->b.len, stdout);
		o->b.len = 0;
	}
	return 0;
}

static day_t
date_arg(const struct cli *c, const char *opt, const char *arg)
{
	day_t d;
	if (date_parse(arg, &d) < 0)
		cli_usage(c, "%s: '%s' is not a real date in the form YYYY-MM-DD", opt, arg);
	return d;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-list", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "level", required_argument, 0, 'l' },
		{ "open", no_argument, 0, 'o' },
		{ "closed", no_argument, 0, 'c' },
		{ "coordinator", required_argument, 0, 'k' },
		{ "service", required_argument, 0, 's' },
		{ "opened-from", required_argument, 0, 'F' },
		{ "opened-to", required_argument, 0, 'T' },
		{ "inactive-since", required_argument, 0, 'i' },
		{ "due", no_argument, 0, 'u' },
		{ "born", required_argument, 0, 'B' },
		{ "age-from", required_argument, 0, 'a' },
		{ "age-to", required_argument, 0, 'A' },
		{ "format", required_argument, 0, 'f' },
		{ "header", no_argument, 0, 'H' },
		{ 0, 0, 0, 0 },
	};
	struct filter f = { .level = -1, .opened_from = -1, .opened_to = -1, .inactive_since = -1,
		.born = -1, .age_from = -1, .age_to = -1 };
	const char *format = "tsv", *level = NULL;
	const char **repos = xmalloc((size_t)argc * sizeof *repos);
	int nrepos = 0, header = 0, nul = 0, format_given = 0, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT "z", opts)) != -1) {
		switch (opt) {
		case 'C': repos[nrepos++] = optarg; break;
		case 'l': level = optarg; break;
		case 'o': f.state = f.state == 'c' ? '!' : 'o'; break;
		case 'c': f.state = f.state == 'o' ? '!' : 'c'; break;
		case 'k': f.coordinator = optarg; break;
		case 's': f.service = optarg; break;
		case 'F': f.opened_from = date_arg(&c, "--opened-from", optarg); break;
		case 'T': f.opened_to = date_arg(&c, "--opened-to", optarg); break;
		case 'i': f.inactive_since = date_arg(&c, "--inactive-since", optarg); break;
		case 'u': f.due = 1; break;
		case 'B': f.born = date_arg(&c, "--born", optarg); break;
		case 'a': f.age_from = cli_number(&c, "--age-from", optarg, 0, 200); break;
		case 'A': f.age_to = cli_number(&c, "--age-to", optarg, 0, 200); break;
		case 'f': format = optarg; format_given = 1; break;
		case 'H': header = 1; break;
		case 'z': nul = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (f.state == '!')
		cli_usage(&c, "--open or --closed, not both");
	if (strcmp(format, "tsv") && strcmp(format, "json") && strcmp(format, "ids"))
		cli_usage(&c, "--format: '%s' is not tsv, json or ids", format);
	if (nul && format_given && strcmp(format, "ids"))
		cli_usage(&c, "-z goes with --format ids");
	if (header && strcmp(format, "tsv"))
		cli_usage(&c, "--header goes with --format tsv");
	if (nul && header)
		cli_usage(&c, "-z prints ids only, without a header");
	if (level)
		f.level = (int)cli_number(&c, "--level", level, 0, MODEL_MAX_LEVELS - 1);
	f.today = cli_date(&c);
	while (optind < argc)
		repos[nrepos++] = argv[optind++];

	struct out o = { .f = &f, .format = nul ? 'z' : format[0] == 'i' ? 'i' : format[0] };
	struct diags dg = { 0 };
	int status = EXIT_OK;
	if (header)
		list_tsv_header(&o.b);
	if (o.format == 'j')
		buf_puts(&o.b, "[");
	for (int i = 0; i < (nrepos ? nrepos : 1) && status == EXIT_OK; i++) {
		struct repo r;
		if (repo_open(&r, nrepos ? repos[i] : NULL, 1, &dg) < 0 || repo_load(&r, &dg) < 0) {
			status = EXIT_SYSTEM;
		} else if (f.level >= r.model.nlevels) {
			fprintf(stderr, "%s: --level: the model %s has no level %d (it has 0 to %d)\n"
			    "Try '%s --help'.\n", c.prog, r.model.name, f.level, r.model.nlevels - 1, c.prog);
			status = EXIT_USAGE;
		} else if (query_cases(&r, emit, &o, &dg) < 0) {
			status = EXIT_SYSTEM;
		}
		repo_close(&r);
	}
	if (status == EXIT_OK) {
		if (o.format == 'j')
			buf_puts(&o.b, o.rows ? "\n]\n" : "]\n");
		if (o.b.len)
			fwrite(o.b.p, 1, o.b.len, stdout);
		if (dg.errors)
			status = EXIT_REFUSED;
	}
	buf_free(&o.b);
	free(repos);
	diag_print(&dg, c.prog, stderr);
	diags_free(&dg);
	return fflush(stdout) == 0 || status ? status : EXIT_SYSTEM;
}
