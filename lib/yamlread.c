/* yamlread.c: libyaml events to a node tree, refusing what a case never needs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"
#include "yamlio.h"

static int
all_digits(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
is_float(const char *s, size_t n)
{
	size_t i = 0, digits = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	if (n - i == 4 && (!strncmp(s + i, ".inf", 4) || !strncmp(s + i, ".Inf", 4) ||
	    !strncmp(s + i, ".INF", 4)))
		return 1;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (!digits)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		if (!all_digits(s + i, n - i))
			return 0;
		i = n;
	}
	return i == n;
}

enum ntype
yaml_resolve(const char *s, size_t n)
{
	if (n == 0 || (n == 1 && s[0] == '~'))
		return NT_NULL;
	if ((n == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4))))
		return NT_NULL;
	if ((n == 4 && (!memcmp(s, "true", 4) || !memcmp(s, "True", 4) || !memcmp(s, "TRUE", 4))) ||
	    (n == 5 && (!memcmp(s, "false", 5) || !memcmp(s, "False", 5) || !memcmp(s, "FALSE", 5))))
		return NT_BOOL;
	size_t sign = (s[0] == '-' || s[0] == '+');
	if (all_digits(s + sign, n - sign))
		return NT_INT;
	if (n == 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) &&
	    s[7] == '-' && all_digits(s + 8, 2))
		return NT_DATE;
	if (is_float(s, n) || (n == 4 && (!memcmp(s, ".nan", 4) || !memcmp(s, ".NaN", 4))))
		return NT_FLOAT;
	return NT_STR;
}

/* 1-based line and column of a byte offset, for reader errors without a mark. */
static void
offset_pos(const char *buf, size_t len, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static int
fail(struct doc *d, struct diags *dg, const yaml_mark_t *m, const char *rule, const char *msg)
{
	diag_add(dg, d->name, (int)m->line + 1, (int)m->column + 1, rule, "%s", msg);
	return -1;
}

static int
parser_error(struct doc *d, struct diags *dg, yaml_parser_t *p, const char *buf, size_t len)
{
	int line, col;
	if (p->error == YAML_READER_ERROR) {
		offset_pos(buf, len, p->problem_offset, &line, &col);
		diag_add(dg, d->name, line, col, "yaml/encoding",
		    "%s: the file must be UTF-8 text", p->problem ? p->problem : "unreadable input");
		return -1;
	}
	const yaml_mark_t *m = &p->problem_mark;
	diag_add(dg, d->name, (int)m->line + 1, (int)m->column + 1, "yaml/syntax",
	    "%s%s%s", p->problem ? p->problem : "malformed YAML",
	    p->context ? " " : "", p->context ? p->context : "");
	return -1;
}

/* A tag is acceptable only when it asks for what the scalar already is. */
static int
tag_ok(const yaml_char_t *tag)
{
	return !tag || !strcmp((const char *)tag, YAML_STR_TAG) ||
	    !strcmp((const char *)tag, "!");
}

int
yaml_read(struct doc *d, const char *buf, size_t len, struct diags *dg)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct node *stack[YAML_MAX_DEPTH + 1];
	struct node *key[YAML_MAX_DEPTH + 1];
	int depth = 0, docs = 0, rc = -1, done = 0;

	if (len > YAML_MAX_BYTES) {
		diag_add(dg, d->name, 0, 0, "yaml/size",
		    "file is %zu bytes, more than the limit of %d", len, YAML_MAX_BYTES);
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		diag_add(dg, d->name, 0, 0, "system", "cannot initialize the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	d->root = NULL;
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(d, dg, &p, buf, len);
			goto out;
		}
		struct node *n = NULL;
		const yaml_mark_t *m = &ev.start_mark;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (docs++) {
				fail(d, dg, m, "yaml/documents", "a file holds one YAML document; remove the second '---'");
				goto bad;
			}
			break;
		case YAML_ALIAS_EVENT:
			fail(d, dg, m, "yaml/alias", "aliases (*name) are not allowed; write the value out");
			goto bad;
		case YAML_SCALAR_EVENT: {
			if (ev.data.scalar.anchor) {
				fail(d, dg, m, "yaml/alias", "anchors (&name) are not allowed; write the value out");
				goto bad;
			}
			if (!tag_ok(ev.data.scalar.tag)) {
				fail(d, dg, m, "yaml/tag", "explicit tags are not allowed; remove the '!' tag");
				goto bad;
			}
			const char *s = (const char *)ev.data.scalar.value;
			size_t sl = ev.data.scalar.length;
			if (memchr(s, 0, sl)) {
				fail(d, dg, m, "yaml/encoding", "NUL characters are not allowed");
				goto bad;
			}
			enum ntype t = NT_STR;
			if (ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev.data.scalar.tag)
				t = yaml_resolve(s, sl);
			n = node_new(d, t);
			n->s = arena_strdup(&d->a, s, sl);
			if (t == NT_INT) {
				errno = 0;
				n->i = strtoll(n->s, NULL, 10);
				if (errno == ERANGE)
					n->type = NT_FLOAT;
			} else if (t == NT_BOOL) {
				n->i = s[0] == 't' || s[0] == 'T';
			}
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			int seq = ev.type == YAML_SEQUENCE_START_EVENT;
			const yaml_char_t *anchor = seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor;
			const yaml_char_t *tag = seq ? ev.data.sequence_start.tag : ev.data.mapping_start.tag;
			if (anchor) {
				fail(d, dg, m, "yaml/alias", "anchors (&name) are not allowed; write the value out");
				goto bad;
			}
			if (tag) {
				fail(d, dg, m, "yaml/tag", "explicit tags are not allowed; remove the '!' tag");
				goto bad;
			}
			if (depth == YAML_MAX_DEPTH) {
				fail(d, dg, m, "yaml/depth", "nesting is deeper than any case needs");
				goto bad;
			}
			n = node_new(d, seq ? NT_SEQ : NT_MAP);
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (n) {
			n->line = (int)m->line + 1;
			n->col = (int)m->column + 1;
			if (depth == 0) {
				d->root = n;
			} else {
				struct node *top = stack[depth - 1];
				if (top->type == NT_SEQ) {
					seq_push(d, top, n);
				} else if (!key[depth - 1]) {
					if (!node_is_scalar(n)) {
						fail(d, dg, m, "yaml/key", "a mapping key must be a plain word, not a list or mapping");
						goto bad;
					}
					long dup = map_index(top, n->s);
					if (dup >= 0) {
						diag_add(dg, d->name, n->line, n->col, "yaml/duplicate-key",
						    "key '%s' appears twice (first at line %d); keep one",
						    n->s, top->k[dup]->line);
						goto bad;
					}
					n->type = NT_STR;
					key[depth - 1] = n;
				} else {
					map_push(d, top, key[depth - 1], n);
					key[depth - 1] = NULL;
				}
			}
			if (n->type == NT_SEQ || n->type == NT_MAP) {
				key[depth] = NULL;
				stack[depth++] = n;
			}
		}
		yaml_event_delete(&ev);
	}
	rc = 0;
	goto out;
bad:
	yaml_event_delete(&ev);
out:
	yaml_parser_delete(&p);
	if (rc)
		d->root = NULL;
	return rc;
}

int
yaml_read_file(struct doc *d, const char *path, struct diags *dg)
{
	char *buf;
	size_t len;
	if (read_file(path, YAML_MAX_BYTES, &buf, &len) < 0) {
		if (errno == EFBIG)
			diag_add(dg, path, 0, 0, "yaml/size",
			    "file is larger than the limit of %d bytes", YAML_MAX_BYTES);
		else
			diag_add(dg, path, 0, 0, "io", "cannot read: %s", strerror(errno));
		return -1;
	}
	int rc = yaml_read(d, buf, len, dg);
	free(buf);
	return rc;
}
