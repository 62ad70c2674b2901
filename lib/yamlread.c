/* yamlread.c: libyaml events to a node tree, refusing what a case never needs. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
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

/* YAML 1.2 core: 0o17 and 0x1F are integers too. */
static int
is_based_int(const char *s, size_t n)
{
	if (n < 3 || s[0] != '0' || (s[1] != 'o' && s[1] != 'x'))
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[1] == 'o' ? s[i] < '0' || s[i] > '7' : !isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
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
	if (all_digits(s + sign, n - sign) || is_based_int(s, n))
		return NT_INT;
	if (n == 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) &&
	    s[7] == '-' && all_digits(s + 8, 2))
		return NT_DATE;
	if (is_float(s, n) || (n == 4 && (!memcmp(s, ".nan", 4) || !memcmp(s, ".NaN", 4) ||
	    !memcmp(s, ".NAN", 4))))
		return NT_FLOAT;
	return NT_STR;
}

/* 1 when YAML 1.1 readers (PyYAML) take this YAML 1.2 float for the same
 * number: digits, a point and digits, an optional signed exponent; a point
 * without digits before it only without a sign; .inf and .nan. */
static int
portable_float(const char *s, size_t n)
{
	size_t i = 0, lead = 0;
	char last = s[n - 1];
	if (last == 'f' || last == 'F' || last == 'n' || last == 'N')
		return 1;
	if (s[0] == '-' || s[0] == '+')
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		lead++;
	if (i == n || s[i] != '.' || (!lead && i > 0))
		return 0;
	for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i == n || (i + 1 < n && (s[i + 1] == '-' || s[i + 1] == '+'));
}

/* Why a plain number cannot be kept as written, or NULL when YAML 1.1 and
 * YAML 1.2 readers take it for the same number. bti writes a number back as
 * it came, so one they disagree on is refused, not guessed at. */
static const char *
number_problem(const char *s, size_t n, enum ntype t)
{
	size_t i = (s[0] == '-' || s[0] == '+');
	if (t == NT_INT && is_based_int(s, n))
		return "is written in base 8 or 16; write the number in decimal, or put it in quotes if it is text";
	if (t == NT_INT && s[i] == '0' && n - i > 1)
		return "has a leading zero, which YAML 1.1 reads as an octal number and YAML 1.2 as a "
		    "decimal one; write the number without it, or put it in quotes if it is text";
	if (t == NT_FLOAT && !portable_float(s, n))
		return "is a number in YAML 1.2 but text in YAML 1.1; write it with a digit before the "
		    "point and a signed exponent (0.5, 1.0e+3), or put it in quotes if it is text";
	return NULL;
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

/* YAML 1.2 (5.2) tells the encoding from the first bytes; only UTF-8 is read.
 * A UTF-8 byte-order mark is allowed (YAML 1.2 allows it; bti never writes one). */
static const char *
foreign_encoding(const unsigned char *b, size_t n)
{
	if (n >= 4 && !b[0] && !b[1] && ((b[2] == 0xFE && b[3] == 0xFF) || (!b[2] && b[3])))
		return "UTF-32 (big-endian)";
	if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] && !b[1])) && !b[2] && !b[3])
		return "UTF-32 (little-endian)";
	if (n >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (!b[0] && b[1])))
		return "UTF-16 (big-endian)";
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] && !b[1])))
		return "UTF-16 (little-endian)";
	return NULL;
}

/* The offset of the first raw NEL, LS or PS, or len. YAML 1.1 (and libyaml)
 * takes them for line breaks, YAML 1.2 for ordinary characters, so written
 * raw they mean different text to different readers; escaped (\N, \L, \P in
 * double quotes, as bti writes them) they mean the same to all. */
static size_t
raw_break(const char *buf, size_t len, const char **esc)
{
	const unsigned char *b = (const unsigned char *)buf;
	for (size_t i = 0; i + 1 < len; i++) {
		if (b[i] == 0xC2 && b[i + 1] == 0x85) {
			*esc = "a raw NEL (U+0085); write it as \\N in double quotes";
			return i;
		}
		if (b[i] == 0xE2 && i + 2 < len && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9)) {
			*esc = b[i + 2] == 0xA8 ? "a raw LINE SEPARATOR (U+2028); write it as \\L in double quotes" :
			    "a raw PARAGRAPH SEPARATOR (U+2029); write it as \\P in double quotes";
			return i;
		}
	}
	return len;
}

/* The keys of one mapping being read, checked when the mapping ends. */
struct key {
	const char *text;       /* as written */
	const char *canon;      /* the value, spelt one way for each type */
	enum ntype type;        /* how the key resolved (NT_STR when quoted) */
	size_t idx;             /* position in the mapping */
	int line, col;
};
struct keys {
	struct key *v;
	size_t n, cap;
};

/* The value of a plain key, spelt one way: +1 and 1, ~ and null, True and
 * true, 1.0 and 1.00 are each the same key. */
static const char *
canon(struct doc *d, const char *s, enum ntype t)
{
	switch (t) {
	case NT_NULL:
		return "";
	case NT_BOOL:
		return s[0] == 't' || s[0] == 'T' ? "true" : "false";
	case NT_INT:
		return !strcmp(s, "-0") ? "0" : s + (s[0] == '+');
	case NT_FLOAT: {
		char last = s[strlen(s) - 1], buf[40];
		if (last == 'n' || last == 'N')
			return "nan";
		double v = strtod(s, NULL);
		snprintf(buf, sizeof buf, "%.17g", v == 0 ? 0.0 : v);
		return arena_strdup(&d->a, buf, strlen(buf));
	}
	default:
		return s;
	}
}

static void
key_add(struct doc *d, struct keys *ks, const struct node *k, enum ntype t, size_t idx)
{
	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 16;
		ks->v = xrealloc(ks->v, ks->cap * sizeof *ks->v);
	}
	ks->v[ks->n++] = (struct key){ k->s, canon(d, k->s, t), t, idx, k->line, k->col };
}

static int
by_value(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = (int)a->type - (int)b->type;
	if (!c)
		c = strcmp(a->canon, b->canon);
	return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

static int
by_text(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = strcmp(a->text, b->text);
	return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

static int
same_key(const struct key *a, const struct key *b, int by_val)
{
	return by_val ? a->type == b->type && !strcmp(a->canon, b->canon) : !strcmp(a->text, b->text);
}

/* Sorts the keys (by value or by text, then by position) and finds, among
 * the keys equal to an earlier one, the one that comes first in the mapping.
 * 1 with copies in *dup and *first (the earliest key it equals), 0 if none.
 * O(n log n): a mapping of 150,000 keys is checked in a fraction of a second.
 * Sorting leaves the keys out of order; check_keys calls it twice. */
static int
repeat(struct keys *ks, int by_val, struct key *dup, struct key *first)
{
	int found = 0;
	/* Most mappings are short: their keys, still in order, pair by pair. */
	if (ks->n <= 16) {
		for (size_t i = 1; i < ks->n; i++)
			for (size_t j = 0; j < i; j++)
				if (same_key(&ks->v[i], &ks->v[j], by_val)) {
					*dup = ks->v[i];
					*first = ks->v[j];
					return 1;
				}
		return 0;
	}
	qsort(ks->v, ks->n, sizeof *ks->v, by_val ? by_value : by_text);
	for (size_t i = 1, g = 0; i < ks->n; i++) {
		if (!same_key(&ks->v[i], &ks->v[g], by_val))
			g = i;
		else if (!found || ks->v[i].idx < dup->idx) {
			*dup = ks->v[i];
			*first = ks->v[g];
			found = 1;
		}
	}
	return found;
}

/* Two keys of a mapping are the same when they have the same text, or when
 * they are plain scalars that YAML reads as the same null, boolean, integer
 * or number (the same type and value). Empties ks for the next mapping. */
static int
check_keys(struct doc *d, struct diags *dg, struct keys *ks)
{
	struct key dv, fv, dt, ft;
	int v = ks->n > 1 && repeat(ks, 1, &dv, &fv);
	int t = ks->n > 1 && repeat(ks, 0, &dt, &ft);
	ks->n = 0;
	if (t && (!v || dt.idx <= dv.idx))
		diag_add(dg, d->name, dt.line, dt.col, "yaml/duplicate-key",
		    "key '%s' appears twice (first at line %d); keep one", dt.text, ft.line);
	else if (v)
		diag_add(dg, d->name, dv.line, dv.col, "yaml/duplicate-key",
		    "key '%s' is the same %s as key '%s' at line %d; keep one",
		    dv.text, ntype_name(dv.type), fv.text, fv.line);
	return v || t ? -1 : 0;
}

int
yaml_read(struct doc *d, const char *buf, size_t len, struct diags *dg)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct node *stack[YAML_MAX_DEPTH + 1];
	struct node *key[YAML_MAX_DEPTH + 1];
	struct keys keys[YAML_MAX_DEPTH + 1];
	int depth = 0, docs = 0, rc = -1, done = 0;

	if (len > YAML_MAX_BYTES) {
		diag_add(dg, d->name, 0, 0, "yaml/size",
		    "file is %zu bytes, more than the limit of %d", len, YAML_MAX_BYTES);
		return -1;
	}
	const char *enc = foreign_encoding((const unsigned char *)buf, len), *esc;
	if (enc) {
		diag_add(dg, d->name, 1, 1, "yaml/encoding",
		    "the file is %s, not UTF-8; save it as UTF-8", enc);
		return -1;
	}
	size_t at = raw_break(buf, len, &esc);
	if (at < len) {
		int line, col;
		offset_pos(buf, len, at, &line, &col);
		diag_add(dg, d->name, line, col, "yaml/encoding",
		    "%s: YAML 1.1 reads it as a line break, YAML 1.2 as a character", esc);
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		diag_add(dg, d->name, 0, 0, "system", "cannot initialize the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	d->root = NULL;
	memset(keys, 0, sizeof keys);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(d, dg, &p, buf, len);
			goto out;
		}
		struct node *n = NULL;
		enum ntype t = NT_STR;
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
			if (ev.data.document_start.version_directive ||
			    ev.data.document_start.tag_directives.start != ev.data.document_start.tag_directives.end) {
				fail(d, dg, m, "yaml/directive", "%YAML and %TAG directives are not allowed: "
				    "bti reads every file as YAML 1.2 with the standard tags; remove the line");
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
			if (ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev.data.scalar.tag)
				t = yaml_resolve(s, sl);
			const char *why = number_problem(s, sl, t);
			if (why) {
				diag_add(dg, d->name, (int)m->line + 1, (int)m->column + 1, "yaml/number",
				    "'%s' %s", s, why);
				goto bad;
			}
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
		case YAML_MAPPING_END_EVENT:
			if (check_keys(d, dg, &keys[depth - 1]) < 0)
				goto bad;
			/* fall through */
		case YAML_SEQUENCE_END_EVENT:
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
					key_add(d, &keys[depth - 1], n, t, top->n);
					n->type = NT_STR;
					key[depth - 1] = n;
				} else {
					map_push(d, top, key[depth - 1], n);
					key[depth - 1] = NULL;
				}
			}
			if (n->type == NT_SEQ || n->type == NT_MAP) {
				key[depth] = NULL;
				keys[depth].n = 0;
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
	for (int i = 0; i <= YAML_MAX_DEPTH; i++)
		free(keys[i].v);
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
