/*
 * report.c: memory, the string buffer, and the errors every reader and
 * check reports, worded here once.
 */
#include "reader_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- memory ------------------------------------------------------------ */

static void *need(void *p)
{
	if (!p) {
		fputs("librenkei: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *rt_alloc(size_t n)
{
	return need(malloc(n ? n : 1));
}

void *rt_calloc(size_t n, size_t size)
{
	return need(calloc(n ? n : 1, size ? size : 1));
}

void *rt_realloc(void *p, size_t n)
{
	return need(realloc(p, n ? n : 1));
}

char *rt_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(rt_alloc(n), s, n);
}

/* ---- the string buffer ------------------------------------------------- */

static void reserve(struct rt_buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->s = rt_realloc(b->s, cap);
	b->cap = cap;
}

void rt_buf_add(struct rt_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void rt_buf_adds(struct rt_buf *b, const char *s)
{
	rt_buf_add(b, s, strlen(s));
}

void rt_buf_addc(struct rt_buf *b, char c)
{
	rt_buf_add(b, &c, 1);
}

void rt_buf_vaddf(struct rt_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	char small[256];
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0) {
		va_end(again);
		return;
	}
	if ((size_t)n < sizeof(small)) {
		rt_buf_add(b, small, (size_t)n);
	} else {
		reserve(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void rt_buf_addf(struct rt_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rt_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void rt_buf_release(struct rt_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void rt_buf_add_printable(struct rt_buf *b, const char *s, size_t n,
			  size_t max_points)
{
	size_t pos = 0, points = 0;

	while (pos < n) {
		uint32_t cp;
		size_t start = pos;
		if (points == max_points) {
			rt_buf_adds(b, "...");
			return;
		}
		points++;
		if (rk_utf8_decode(s, n, &pos, &cp) != RK_UTF8_OK) {
			rt_buf_addf(b, "\\x%02X", (unsigned char)s[start]);
			pos = start + 1;
		} else if (cp < 0x20 || cp == 0x7F) {
			rt_buf_addf(b, "\\x%02X", (unsigned)cp);
		} else if (cp >= 0x80 && cp < 0xA0) {
			rt_buf_addf(b, "\\u%04X", (unsigned)cp);
		} else if (cp == '"' || cp == '\\') {
			rt_buf_addc(b, '\\');
			rt_buf_addc(b, (char)cp);
		} else {
			rt_buf_add(b, s + start, pos - start);
		}
	}
}

/* ---- errors ------------------------------------------------------------ */

void rt_report(struct rk_errors *errs, struct rt_pos at, size_t record,
	       const char *path, const char *label, const char *rule,
	       const char *message)
{
	struct rk_payload_error e;

	errs->count++;
	if (!errs->report || (errs->limit && errs->count > errs->limit))
		return;
	e.line = at.line;
	e.col = at.col;
	e.record = record;
	e.path = path ? path : "";
	e.label = label;
	e.rule = rule;
	e.message = message;
	errs->report(errs->data, &e);
}

void rk_errors_print(void *data, const struct rk_payload_error *e)
{
	FILE *out = data;

	if (e->line)
		fprintf(out, "%lu:%lu: ", (unsigned long)e->line,
			(unsigned long)e->col);
	if (e->path[0])
		fprintf(out, "%s: ", e->path);
	fprintf(out, "%s [%s]\n", e->message, e->rule);
}

void rt_path_step(struct rt_buf *path, const struct rk_layout_node *node,
		  uint64_t occ, bool is_record)
{
	if (path->len)
		rt_buf_addc(path, '/');
	rt_buf_adds(path, node->name);
	if (is_record ? occ > 0 : node->max > 1)
		rt_buf_addf(path, "[%llu]", (unsigned long long)occ);
}

static const char *what(const struct rk_layout_node *node)
{
	return node->type ? "item" : "group";
}

void rt_value_error(struct rk_errors *errs, struct rt_pos at, size_t record,
		    const char *path, const struct rk_layout_node *item,
		    const char *s, size_t n, const struct rk_value_error *err)
{
	char message[512];

	if (rt_errors_full(errs)) {
		/* Counted, not worded: nobody will read it. */
		errs->count++;
		return;
	}
	rk_value_describe(item->type, s, n, err, message, sizeof(message));
	rt_report(errs, at, record, path, item->label, rk_rule_id(err->rule),
		  message);
}

void rt_missing_error(struct rk_errors *errs, struct rt_pos at, size_t record,
		      struct rt_buf *path, const struct rk_layout_node *node,
		      uint64_t count)
{
	size_t len = path->len;
	struct rt_buf msg = { NULL, 0, 0 };

	/* The path names the first occurrence that is missing. */
	rt_path_step(path, node, node->min == 1 ? 1 : count + 1, false);
	if (node->min == 1)
		rt_buf_addf(&msg, "required %s '%s' is missing", what(node),
			    node->name);
	else
		rt_buf_addf(&msg, "%s '%s' occurs %llu time%s, at least %llu required",
			    what(node), node->name, (unsigned long long)count,
			    count == 1 ? "" : "s", (unsigned long long)node->min);
	rt_report(errs, at, record, rt_buf_str(path), node->label,
		  "structure.missing", rt_buf_str(&msg));
	rt_buf_release(&msg);
	path->len = len;
	if (path->s)
		path->s[len] = '\0';
}
