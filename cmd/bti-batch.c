/* bti-batch: many changes from standard input, one commit each. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "batch.h"

static const char usage[] =
"usage: bti-batch [-C DIR] [--by NAME] [--date DATE] [--stop-on-error]\n"
"Reads changes from standard input, one a line, in the words of the\n"
"commands (level ID 1 --reason \"...\"), quoted as in sh; applies each as\n"
"that command would, one commit each, and prints one\n"
"line for each: what the command prints, or error LINE: rule: message.\n"
"A refused line changes nothing; the lines after it go on.\n"
"The work tree and git's index are written once, at the end.\n"
"  --stop-on-error  stop at the first refused line\n"
"  --by NAME        who makes the changes (a line's --by wins)\n"
"  --date DATE      when (a line's --date wins; default today)\n"
"  -C DIR           the case repository (default: the current one)\n"
"Exit status: 0 all done, 1 a line refused, 2 usage, 3 repository error\n"
"or interrupted (the lines done before are committed).\n";

#define CMD(name, fn, all) int fn(int, char **);
#include "batch-cmds.h"
#undef CMD

static const struct batch_cmd cmds[] = {
#define CMD(name, fn, all) { name, fn, all },
#include "batch-cmds.h"
#undef CMD
	{ NULL, NULL, 0 },
};

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-batch", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "stop-on-error", no_argument, 0, 's' },
		{ 0, 0, 0, 0 },
	};
	struct batch_opts bo = { 0 };
	int opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		if (opt == 's')
			bo.stop_on_error = 1;
		else
			cli_common(&c, opt, optarg);
	}
	if (optind != argc)
		cli_usage(&c, "the changes come on standard input, not as arguments");
	bo.by = c.by;
	bo.date = c.date;
	if (c.date)
		cli_date(&c);   /* checked once, before anything is read */
	/* The lines are read from a copy of standard input; the commands see
	 * /dev/null there (bti-new --fnr - has no line to read in a batch). */
	int fd = fcntl(0, F_DUPFD_CLOEXEC, 3), null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || null < 0 || dup2(null, 0) < 0) {
		perror("bti-batch: standard input");
		return EXIT_SYSTEM;
	}
	close(null);
	int rc = batch_run(&c, cmds, fd, &bo);
	close(fd);
	return rc;
}
