/* cli.c: common option handling. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"
#include "util.h"

#ifndef BTI_VERSION
#define BTI_VERSION "0.1"
#endif

void (*cli_exit)(int code, char *msg);

int
cli_common(struct cli *c, int opt, const char *arg)
{
	switch (opt) {
	case 'C':
		c->dir = arg;
		return 1;
	case 'b':
		c->by = arg;
		return 1;
	case 'd':
		c->date = arg;
		return 1;
	case 'h':
	case 'V':
		if (cli_exit)
			cli_exit(EXIT_USAGE, xstrdup("--help and --version are not for a batch line"));
		if (opt == 'V') {
			printf("%s %s\n", c->prog, BTI_VERSION);
			exit(EXIT_OK);
		}
		fputs(c->usage, stdout);
		exit(EXIT_OK);
	case '?':
	case ':':
		if (cli_exit)
			cli_exit(EXIT_USAGE, xstrdup("an unknown option or a missing value (see above)"));
		fprintf(stderr, "Try '%s --help'.\n", c->prog);
		exit(EXIT_USAGE);
	}
	return 0;
}

/* Prints the message; returns it escaped (to free). */
static char *
verror(const struct cli *c, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	struct buf b = { 0 };
	text_escape(&b, msg);
	fprintf(stderr, "%s: %s\n", c->prog, b.p ? b.p : "");
	free(msg);
	return b.p ? b.p : xstrdup("");
}

void
cli_error(const struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	free(verror(c, fmt, ap));
	va_end(ap);
}

void
cli_usage(const struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = verror(c, fmt, ap);
	va_end(ap);
	if (cli_exit)
		cli_exit(EXIT_USAGE, msg);
	free(msg);
	fprintf(stderr, "Try '%s --help'.\n", c->prog);
	exit(EXIT_USAGE);
}

void
cli_text(const struct cli *c, const char *what, const char *s, int kind)
{
	char esc[12];
	/* Text that is not UTF-8 is refused where it is validated (exit 1). */
	if (text_class_check(&text_forbidden[kind], s, esc) == 0)
		return;
	if (kind == TEXT_LINE)
		cli_usage(c, "%s: holds a control character (%s); give one line of text without "
		    "control characters", what, esc);
	cli_usage(c, "%s: holds a control character (%s); this text may hold line breaks and "
	    "tabs, but no other control characters", what, esc);
}

/* Options whose values are free text that may span lines. */
static const char *const multiline[] = {
	"reason", "concern", "text", "what", "child-view", "minutes", "alone-reason", "measure",
};

int
cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts, const struct option *opts)
{
	int li = -1;
	int opt = getopt_long(argc, argv, shortopts, opts, &li);
	if (opt == -1 || opt == 'C' || !optarg)
		return opt;
	if (li < 0)  /* a short option: its long name */
		for (int i = 0; opts[i].name; i++)
			if (opts[i].val == opt && opts[i].has_arg)
				li = i;
	if (li < 0 || !opts[li].has_arg)
		return opt;
	int kind = TEXT_LINE;
	for (size_t i = 0; i < sizeof multiline / sizeof *multiline; i++)
		if (!strcmp(opts[li].name, multiline[i]))
			kind = TEXT_LINES;
	char what[64];
	snprintf(what, sizeof what, "--%s", opts[li].name);
	cli_text(c, what, optarg, kind);
	return opt;
}

day_t
cli_date(const struct cli *c)
{
	day_t d;
	if (!c->date)
		return date_today();
	if (date_parse(c->date, &d) < 0)
		cli_usage(c, "--date: '%s' is not a real date in the form YYYY-MM-DD", c->date);
	return d;
}

long
cli_number(const struct cli *c, const char *what, const char *arg, long min, long max)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (!*arg || *end || v < min || v > max)
		cli_usage(c, "%s: '%s' is not a whole number from %ld to %ld", what, arg, min, max);
	return v;
}
