/* bti-find: the cases of a child, by national id number or by name. */
#include <stdio.h>

#include "cli.h"
#include "find.h"

static const char usage[] =
"usage: bti-find [-C DIR] [--open] --fnr NUMBER|-\n"
"       bti-find [-C DIR] [--open] [--fuzzy] --name TEXT [--born DATE]\n"
"       bti-find [-C DIR] [--open] --born DATE\n"
"Prints the ids of the cases about a child, one per line.\n"
"  --fnr NUMBER  the national id number; '-' reads it from standard input,\n"
"                out of the process list (it is never printed or logged)\n"
"  --name TEXT   every word of TEXT is a word of the child's name, in any\n"
"                letter case: 'ola nordmann' finds Ola Johan Nordmann\n"
"  --fuzzy       and letters match without their accents: å, ä as a, æ as ae,\n"
"                ø, ö as o, é as e ('Ase' finds Åse only with --fuzzy)\n"
"  --born DATE   the child's birth date\n"
"  --open        open cases only\n"
"  -C DIR        the case repository (default: the current one)\n"
"Exit status: 0 found, 1 none found or invalid cases left out (named on\n"
"stderr), 2 usage, 3 repository error.\n";

struct found {
	const struct find *f;
	size_t n;
};

static int
print(const struct qrow *q, void *arg)
{
	struct found *x = arg;
	if (find_match(x->f, q)) {
		printf("%s\n", q->id);
		x->n++;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-find", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "fnr", required_argument, 0, 'f' },
		{ "name", required_argument, 0, 'n' },
		{ "born", required_argument, 0, 'B' },
		{ "fuzzy", no_argument, 0, 'z' },
		{ "open", no_argument, 0, 'o' },
		{ 0, 0, 0, 0 },
	};
	struct find f = { .born = -1 };
	const char *why;
	int opt, fnr = 0;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'f':
			if (find_fnr(&f, optarg, &why) < 0)
				cli_usage(&c, "--fnr: not a valid national id number: %s", why);
			fnr = 1;
			break;
		case 'n': f.name = optarg; break;
		case 'B':
			if (date_parse(optarg, &f.born) < 0)
				cli_usage(&c, "--born: '%s' is not a real date in the form YYYY-MM-DD", optarg);
			break;
		case 'z': f.fuzzy = 1; break;
		case 'o': f.open = 1; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (optind < argc)
		cli_usage(&c, "unexpected argument '%s'", argv[optind]);
	if (fnr && (f.name || f.born >= 0))
		cli_usage(&c, "--fnr finds the child alone; give it without --name and --born");
	if (!fnr && !f.name && f.born < 0)
		cli_usage(&c, "give --fnr, --name or --born");
	if (f.name && !*f.name)
		cli_usage(&c, "--name: give at least one word");

	struct diags dg = { 0 };
	struct repo r;
	struct found x = { .f = &f };
	int status = EXIT_SYSTEM;
	if (repo_open(&r, c.dir, 1, &dg) == 0 && repo_load(&r, &dg) == 0 &&
	    query_cases(&r, print, &x, &dg) == 0)
		status = x.n && !dg.errors ? EXIT_OK : EXIT_REFUSED;
	repo_close(&r);
	diag_print(&dg, c.prog, stderr);
	diags_free(&dg);
	return fflush(stdout) == 0 || status ? status : EXIT_SYSTEM;
}
