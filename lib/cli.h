/* cli.h: what every command shares: options, exit codes, messages. */
#ifndef BTI_CLI_H
#define BTI_CLI_H

#include <getopt.h>

#include "date.h"
#include "text.h"

/* Exit codes, the same for every command (see bti(7)). */
enum {
	EXIT_OK = 0,
	EXIT_REFUSED = 1,       /* the rules or the data refused the change; nothing changed */
	EXIT_USAGE = 2,         /* bad options or arguments */
	EXIT_SYSTEM = 3,        /* repository, file system or libgit2 failure */
};

struct cli {
	const char *prog;
	const char *usage;      /* the text --help prints */
	const char *dir;        /* -C DIR */
	const char *by;         /* --by NAME */
	const char *date;       /* --date YYYY-MM-DD */
};

/* Short and long options every command takes; commands append their own. */
#define CLI_SHORT "C:b:d:hV"
#define CLI_LONG \
	{ "by", required_argument, 0, 'b' }, \
	{ "date", required_argument, 0, 'd' }, \
	{ "help", no_argument, 0, 'h' }, \
	{ "version", no_argument, 0, 'V' }

/* getopt_long, and every option value checked as text (text.h): one line,
 * or for --reason, --concern, --text, --what, --child-view, --minutes,
 * --alone-reason and --measure free text that may hold line breaks and
 * tabs. Exits 2 naming the option when a value holds what it must not.
 * -C DIR is a path, not recorded text, and is left alone. */
int cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *opts);
/* Checks s as text of kind (TEXT_LINE or TEXT_LINES); exits 2 naming what
 * (an option or argument) when it holds a control character it must not. */
void cli_text(const struct cli *c, const char *what, const char *s, int kind);
/* When set (bti-batch), called instead of exiting by cli_usage and by
 * cli_common for -h, -V and bad options, with the exit code and the
 * message, which it frees; it must not return. */
extern void (*cli_exit)(int code, char *msg);

/* Handles a common option; returns 1 when it was one. Exits for -h, -V and
 * unknown options. */
int cli_common(struct cli *c, int opt, const char *arg);
/* Prints "prog: message" on stderr, control and bidi characters escaped. */
void cli_error(const struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "prog: message" (escaped) and a hint to --help; exits 2. */
void cli_usage(const struct cli *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
/* The --date option (default today); exits 2 on a malformed date. */
day_t cli_date(const struct cli *c);
/* Parses a whole number in [min, max] or exits 2. */
long cli_number(const struct cli *c, const char *what, const char *arg, long min, long max);

#endif
