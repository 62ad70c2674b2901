/* floor.h: the libyaml parse both floors measure: every event, nothing kept. */
#ifndef BENCH_FLOOR_H
#define BENCH_FLOOR_H

#include <stddef.h>
#include <yaml.h>

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
