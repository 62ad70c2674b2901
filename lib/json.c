/* json.c: JSON strings and trees. */
#include <string.h>

#include "json.h"

void
json_string(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else
			buf_add(b, s, 1);
	}
	buf_puts(b, "\"");
}

/* JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
json_number(const char *s)
{
	s += *s == '-';
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		s += strspn(s, "0123456789");
	else
		return 0;
	if (*s == '.') {
		size_t n = strspn(++s, "0123456789");
		if (!n)
			return 0;
		s += n;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		s += *s == '+' || *s == '-';
		size_t n = strspn(s, "0123456789");
		if (!n)
			return 0;
		s += n;
	}
	return !*s;
}

static void
newline(struct buf *b, int indent)
{
	buf_printf(b, "\n%*s", 2 * indent, "");
}

void
json_node(struct buf *b, const struct node *n, int indent)
{
	switch (n->type) {
	case NT_NULL:
		buf_puts(b, "null");
		break;
	case NT_BOOL:
		buf_puts(b, n->i ? "true" : "false");
		break;
	case NT_INT:
		buf_printf(b, "%lld", n->i);
		break;
	case NT_FLOAT:
		if (json_number(n->s))
			buf_puts(b, n->s);
		else
			json_string(b, n->s);
		break;
	case NT_DATE:
	case NT_STR:
		json_string(b, n->s);
		break;
	case NT_SEQ:
	case NT_MAP:
		buf_puts(b, n->type == NT_SEQ ? "[" : "{");
		for (size_t i = 0; i < n->n; i++) {
			buf_puts(b, i ? "," : "");
			newline(b, indent + 1);
			if (n->type == NT_MAP) {
				json_string(b, n->k[i]->s);
				buf_puts(b, ": ");
			}
			json_node(b, n->v[i], indent + 1);
		}
		if (n->n)
			newline(b, indent);
		buf_puts(b, n->type == NT_SEQ ? "]" : "}");
		break;
	}
}
