/* floor.h: what both floors share: the libyaml parse they measure (every
 * event, nothing kept), the file-name test and the -j option. */
#ifndef BENCH_FLOOR_H
#define BENCH_FLOOR_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static int
is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

/* An optional "-j N" in front: sets *threads (at most 64) and returns the
 * index of the first operand. */
static int
jobs_option(int argc, char **argv, int *threads)
{
	int a = 1;
	if (a + 1 < argc && !strcmp(argv[a], "-j")) {
		*threads = atoi(argv[a + 1]);
		a += 2;
	}
	if (*threads > 64)
		*threads = 64;
	return a;
}

static int
parse(const unsigned char *buf, size_t len, unsigned long *events)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int done = 0, ok = 1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			ok = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		(*events)++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok;
}

#endif
