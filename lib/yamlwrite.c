/* yamlwrite.c: deterministic YAML output through libyaml's emitter. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"
#include "yamlio.h"

static int
out_handler(void *data, unsigned char *buffer, size_t size)
{
	buf_add(data, buffer, size);
	return 1;
}

/* A string must be quoted when, written plain, a YAML 1.1 or 1.2 reader
 * (PyYAML, Psych, go-yaml, yq, editors) would take it for anything but text:
 * whatever YAML 1.2 core resolves (null, booleans, numbers), .nan and .inf
 * in any case (Psych), the YAML 1.1 words y, n, yes, no, on, off in any case, = and <<,
 * and everything that starts like a number, a YAML 1.1 timestamp or
 * sexagesimal (a digit, or a sign or point before a digit or point), so
 * 0o17, 0x1F, 0b101, 1_000, 1e3, 1:20 and 2026-01-01T10:00 are quoted. */
static int
needs_quotes(const char *s)
{
	static const char *words[] = { "y", "n", "yes", "no", "on", "off", "true",
		"false", "null", "~", "=", "<<", ".inf", ".nan", NULL };
	size_t n = strlen(s);
	if (n == 0 || yaml_resolve(s, n) != NT_STR)
		return 1;
	if ((s[0] >= '0' && s[0] <= '9') ||
	    ((s[0] == '-' || s[0] == '+' || s[0] == '.') && n > 1 &&
	    ((s[1] >= '0' && s[1] <= '9') || s[1] == '.')))
		return 1;
	for (int i = 0; words[i]; i++)
		if (!strcasecmp(s, words[i]))
			return 1;
	return 0;
}

/* NEL, LS and PS are line breaks to YAML 1.1 readers and libyaml, which fold
 * them in plain, single-quoted and block scalars; only escaped (\N, \L, \P)
 * in double quotes do they read back as themselves everywhere. */
static int
has_unicode_break(const char *s)
{
	return strstr(s, "\xC2\x85") || strstr(s, "\xE2\x80\xA8") || strstr(s, "\xE2\x80\xA9");
}

static int
emit_scalar(yaml_emitter_t *e, const struct node *n)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
	if (n->type == NT_STR) {
		if (has_unicode_break(n->s))
			style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		else if (strchr(n->s, '\n'))
			style = YAML_LITERAL_SCALAR_STYLE;
		else if (needs_quotes(n->s))
			style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	}
	const char *text = n->type == NT_NULL ? "null" : n->s;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text,
	    (int)strlen(text), 1, 1, style);
	return yaml_emitter_emit(e, &ev);
}

static int
emit_node(yaml_emitter_t *e, const struct node *n)
{
	yaml_event_t ev;
	if (n->type == NT_SEQ) {
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    n->n ? YAML_BLOCK_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE);
		if (!yaml_emitter_emit(e, &ev))
			return 0;
		for (size_t i = 0; i < n->n; i++)
			if (!emit_node(e, n->v[i]))
				return 0;
		yaml_sequence_end_event_initialize(&ev);
		return yaml_emitter_emit(e, &ev);
	}
	if (n->type == NT_MAP) {
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    n->n ? YAML_BLOCK_MAPPING_STYLE : YAML_FLOW_MAPPING_STYLE);
		if (!yaml_emitter_emit(e, &ev))
			return 0;
		for (size_t i = 0; i < n->n; i++)
			if (!emit_scalar(e, n->k[i]) || !emit_node(e, n->v[i]))
				return 0;
		yaml_mapping_end_event_initialize(&ev);
		return yaml_emitter_emit(e, &ev);
	}
	return emit_scalar(e, n);
}

/* libyaml's emitter does not survive invalid UTF-8 (it loops or fails
 * badly), so every scalar is checked before it is handed over. */
int
utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 :
		    (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (n < 0 || (n == 1 && *p < 0xC2) || (n == 3 && *p > 0xF4))
			return 0;
		unsigned cp = n ? *p & (0x3F >> n) : *p;
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i] & 0x3F);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return 0;
		p += n + 1;
	}
	return 1;
}

static int
all_utf8(const struct node *n)
{
	if (!n)
		return 1;
	if (n->type != NT_SEQ && n->type != NT_MAP)
		return utf8_valid(n->s);
	for (size_t i = 0; i < n->n; i++)
		if ((n->type == NT_MAP && !utf8_valid(n->k[i]->s)) || !all_utf8(n->v[i]))
			return 0;
	return 1;
}

char *
yaml_write(const struct node *root, size_t *len)
{
	yaml_emitter_t e;
	yaml_event_t ev;
	struct buf b = { 0 };

	if (!all_utf8(root) || !yaml_emitter_initialize(&e))
		return NULL;
	yaml_emitter_set_output(&e, out_handler, &b);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1);
	yaml_emitter_set_indent(&e, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	int ok = yaml_emitter_emit(&e, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	ok = ok && yaml_emitter_emit(&e, &ev);
	ok = ok && emit_node(&e, root);
	yaml_document_end_event_initialize(&ev, 1);
	ok = ok && yaml_emitter_emit(&e, &ev);
	yaml_stream_end_event_initialize(&ev);
	ok = ok && yaml_emitter_emit(&e, &ev);
	yaml_emitter_delete(&e);
	if (!ok) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return b.p;
}
