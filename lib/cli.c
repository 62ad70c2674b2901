/* cli.c: common option handling. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

#ifndef BTI_VERSION
#define BTI_VERSION "0.1"
#endif

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
		fputs(c->usage, stdout);
		exit(EXIT_OK);
	case 'V':
		printf("%s %s\n", c->prog, BTI_VERSION);
		exit(EXIT_OK);
	case '?':
	case ':':
		fprintf(stderr, "Try '%s --help'.\n", c->prog);
		exit(EXIT_USAGE);
	}
	return 0;
}

void
cli_usage(const struct cli *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help'.\n", c->prog);
	exit(EXIT_USAGE);
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
