/* json.c: writing JSON. */
#include "json.h"
#include "text.h"

void
json_string(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	while (s && *s) {
		if (*s == '"' || *s == '\\') {
			buf_printf(b, "\\%c", *s);
			s++;
		} else if (text_unsafe(s)) {
			size_t len;
			long cp = text_char(s, &len);
			buf_printf(b, "\\u%04lx", cp < 0 ? 0xFFFD : (unsigned long)cp);
			s += len;
		} else {
			s += text_escape_char(b, s);
		}
	}
	buf_puts(b, "\"");
}

static void
indent(struct buf *b, int depth)
{
	buf_printf(b, "\n%*s", 2 * depth, "");
}

void
json_node(struct buf *b, const struct node *n, int depth)
{
	if (!n || n->type == NT_NULL) {
		buf_puts(b, "null");
		return;
	}
	switch (n->type) {
	case NT_BOOL:
		buf_puts(b, n->i ? "true" : "false");
		break;
	case NT_INT:
		buf_printf(b, "%lld", n->i);
		break;
	case NT_SEQ:
	case NT_MAP:
		buf_puts(b, n->type == NT_SEQ ? "[" : "{");
		for (size_t i = 0; i < n->n; i++) {
			buf_puts(b, i ? "," : "");
			indent(b, depth + 1);
			if (n->type == NT_MAP) {
				json_string(b, n->k[i]->s);
				buf_puts(b, ": ");
			}
			json_node(b, n->v[i], depth + 1);
		}
		if (n->n)
			indent(b, depth);
		buf_puts(b, n->type == NT_SEQ ? "]" : "}");
		break;
	default:                /* dates, strings and floats keep their text */
		json_string(b, n->s);
	}
}
