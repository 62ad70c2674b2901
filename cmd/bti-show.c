/* bti-show: one case, whole, as YAML, JSON, Markdown or HTML. */
#include <stdio.h>

#include "model.h"
#include "show.h"

static const char usage[] =
"usage: bti-show [-C DIR] [--format yaml|json|md|html] [--lang nb|nn|en] CASE-ID\n"
"Prints the case as committed in HEAD:\n"
"  --format yaml   the case file, byte for byte (default)\n"
"  --format json   the same data as JSON: integers and booleans as such,\n"
"                  dates and all other text as strings, keys in file order\n"
"  --format md     the summary a coordinator brings to a meeting (Markdown)\n"
"  --format html   the same summary as a complete HTML page\n"
"  --lang L        language of the summary (default: bti.yaml's lang)\n"
"  -C DIR          the case repository (default: the current one)\n"
"Exit status: 0 done, 1 no such case, a malformed id or an invalid case,\n"
"2 usage, 3 repository error.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-show", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "format", required_argument, 0, 'f' },
		{ "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 },
	};
	int format = SHOW_YAML, lang = -1, opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'f':
			if ((format = show_format(optarg)) < 0)
				cli_usage(&c, "--format: '%s' is not yaml, json, md or html", optarg);
			break;
		case 'l':
			if ((lang = lang_parse(optarg)) < 0)
				cli_usage(&c, "--lang: '%s' is not nb, nn or en", optarg);
			break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind != 1)
		cli_usage(&c, "give one case id");
	struct diags dg = { 0 };
	struct buf out = { 0 };
	int status = show_case(c.dir, argv[optind], format, lang, &out, &dg);
	if (status == EXIT_OK && out.len)
		fwrite(out.p, 1, out.len, stdout);
	buf_free(&out);
	diag_print(&dg, c.prog, stderr);
	diags_free(&dg);
	return fflush(stdout) == 0 || status ? status : EXIT_SYSTEM;
}
