/*
 * sample_write.c: the writers of sample payloads.  Each walks a record's
 * tree (struct inst) and streams it as XML (items in layout order, one
 * element per line, two spaces of indentation), YAML (block style, every
 * scalar double-quoted so that it stays literal text) or JSON (the same
 * shape), into a large buffer written out in blocks.  Values are escaped
 * for the format: XML's markup characters and controls as references,
 * and in YAML and JSON every character a YAML reader would fold or refuse
 * (controls, U+0085, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF) as \uXXXX,
 * which both read alike.  The writers count lines as they go and note on
 * each element where it starts, for the manifest of invalid payloads.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sample_internal.h"

#define OUT_CAP (256 * 1024)

/* ---- the buffer ------------------------------------------------------- */

void sout_init(struct sout *o, FILE *f)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->cap = OUT_CAP;
	o->buf = rk_xmalloc(o->cap);
	o->line = 1;
}

static void flush(struct sout *o)
{
	if (o->n && !o->error && fwrite(o->buf, 1, o->n, o->f) != o->n)
		o->error = errno ? errno : EIO;
	o->n = 0;
}

int sout_finish(struct sout *o)
{
	flush(o);
	if (!o->error && fflush(o->f) != 0)
		o->error = errno ? errno : EIO;
	free(o->buf);
	o->buf = NULL;
	if (o->error) {
		errno = o->error;
		return -1;
	}
	return 0;
}

static void put(struct sout *o, const char *s, size_t n)
{
	if (n > o->cap - o->n) {
		flush(o);
		if (n > o->cap) {
			if (!o->error && fwrite(s, 1, n, o->f) != n)
				o->error = errno ? errno : EIO;
			return;
		}
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

static void puts_(struct sout *o, const char *s)
{
	put(o, s, strlen(s));
}

static void putc_(struct sout *o, char c)
{
	if (o->n == o->cap)
		flush(o);
	o->buf[o->n++] = c;
}

static void newline(struct sout *o)
{
	putc_(o, '\n');
	o->line++;
}

static void indent(struct sout *o, int n)
{
	static const char spaces[] = "                                        ";

	while (n > 0) {
		int k = n < (int)sizeof(spaces) - 1 ? n : (int)sizeof(spaces) - 1;
		put(o, spaces, (size_t)k);
		n -= k;
	}
}

/* ---- escaping --------------------------------------------------------- */

/*
 * Bytes that may need escaping: X in XML (markup, controls), Y in YAML and
 * JSON (quote, backslash, controls), M the lead byte of a sequence that
 * might (C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF).
 */
enum { X = 1, Y = 2, M = 4, C = X | Y };

static const unsigned char special[256] = {
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,	/* 0x00 */
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,	/* 0x10 */
	0, 0, Y, 0, 0, 0, X, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/*  !"#$%&'()*+,-./ */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, X, 0, X, 0,	/* 0123456789:;<=>? */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* @ABCDEFGHIJKLMNO */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Y, 0, 0, 0,	/* PQRSTUVWXYZ[\]^_ */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* `abcdefghijklmno */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, C,	/* pqrstuvwxyz{|}~ DEL */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0x80 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0x90 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0xA0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0xB0 */
	0, 0, C | M, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0xC0: U+0080.. */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0xD0 */
	0, 0, Y | M, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Y | M,	/* 0xE0: U+2000.., U+F000.. */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0	/* 0xF0 */
};

/* The code point of the sequence at S[0..N) that needs escaping, or 0. */
static uint32_t escapable(const unsigned char *s, size_t n)
{
	if (s[0] == 0xC2 && n >= 2 && s[1] >= 0x80 && s[1] < 0xA0)
		return s[1];	/* C1 control */
	if (n < 3)
		return 0;
	uint32_t cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		      (s[2] & 0x3F);
	if (s[0] == 0xE2 && (cp == 0x2028 || cp == 0x2029))
		return cp;
	if (s[0] == 0xEF && (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF))
		return cp;
	return 0;
}

static void xml_escape(struct sout *o, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t from = 0;
	char ref[16];

	for (size_t i = 0; i < n; i++) {
		if (!(special[s[i]] & X))
			continue;
		uint32_t cp = s[i];
		size_t len = 1;
		if (special[s[i]] & M) {
			cp = escapable(s + i, n - i);
			if (!cp)
				continue;
			len = 2;
		}
		put(o, text + from, i - from);
		if (cp == '<')
			puts_(o, "&lt;");
		else if (cp == '>')
			puts_(o, "&gt;");
		else if (cp == '&')
			puts_(o, "&amp;");
		else
			put(o, ref, (size_t)snprintf(ref, sizeof(ref), "&#%u;", (unsigned)cp));
		i += len - 1;
		from = i + 1;
	}
	put(o, text + from, n - from);
}

/* TEXT as a double-quoted scalar that YAML and JSON read alike. */
static void quote(struct sout *o, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t from = 0;
	char esc[16];

	putc_(o, '"');
	for (size_t i = 0; i < n; i++) {
		if (!(special[s[i]] & Y))
			continue;
		uint32_t cp = s[i];
		size_t len = 1;
		if (special[s[i]] & M) {
			cp = escapable(s + i, n - i);
			if (!cp)
				continue;
			len = s[i] == 0xC2 ? 2 : 3;
		}
		put(o, text + from, i - from);
		if (cp == '"' || cp == '\\') {
			putc_(o, '\\');
			putc_(o, (char)cp);
		} else if (cp == '\t') {
			puts_(o, "\\t");
		} else if (cp == '\n') {
			puts_(o, "\\n");
		} else if (cp == '\r') {
			puts_(o, "\\r");
		} else {
			put(o, esc, (size_t)snprintf(esc, sizeof(esc), "\\u%04X",
						     (unsigned)cp));
		}
		i += len - 1;
		from = i + 1;
	}
	put(o, text + from, n - from);
	putc_(o, '"');
}

static void yaml_value(struct sout *o, const struct inst *in)
{
	if (in->flags & I_RAW) {
		putc_(o, '"');
		put(o, in->value, in->len);
		putc_(o, '"');
	} else {
		quote(o, in->value, in->len);
	}
}

/* ---- XML -------------------------------------------------------------- */

static void xml_node(struct swriter *w, struct inst *in, int depth,
		     bool indented);

static void xml_children(struct swriter *w, struct inst *in, int depth)
{
	bool indented = false;

	for (struct inst *c = in->child; c; c = c->next) {
		xml_node(w, c, depth, indented);
		indented = c->flags & I_TEXT;
	}
}

static void xml_open(struct sout *o, struct inst *in)
{
	putc_(o, '<');
	put(o, in->name, in->name_len);
	if (in->attr) {
		putc_(o, ' ');
		puts_(o, in->attr);
		puts_(o, "=\"1\"");
	}
	putc_(o, '>');
}

static void xml_close(struct sout *o, const struct inst *in)
{
	put(o, "</", 2);
	put(o, in->name, in->name_len);
	putc_(o, '>');
}

/* INDENTED: the line is begun (after text), so no indentation. */
static void xml_node(struct swriter *w, struct inst *in, int depth,
		     bool indented)
{
	struct sout *o = w->out;

	if (!indented)
		indent(o, 2 * depth);
	in->line = in->map_line = o->line;
	if (in->flags & I_TEXT) {
		/* just before the next element: libxml2 reports text where it
		 * ends */
		xml_escape(o, in->value, in->len);
		return;
	}
	xml_open(o, in);
	bool group = in->node ? in->node->kind == RK_GROUP : !in->value;
	if (!group) {
		if (in->flags & I_RAW)
			put(o, in->value, in->len);
		else
			xml_escape(o, in->value, in->len);
		/* an element inside the item */
		for (struct inst *c = in->child; c; c = c->next) {
			c->line = o->line;
			xml_open(o, c);
			xml_escape(o, c->value, c->len);
			xml_close(o, c);
		}
		in->end_line = o->line;
		xml_close(o, in);
		newline(o);
		return;
	}
	newline(o);
	xml_children(w, in, depth + 1);
	indent(o, 2 * depth);
	in->end_line = o->line;
	xml_close(o, in);
	newline(o);
}

static void xml_begin(struct swriter *w)
{
	struct sout *o = w->out;
	struct sdoc *d = w->doc;

	puts_(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	newline(o);
	if (d->doctype) {
		d->extra_line = o->line;
		puts_(o, "<!DOCTYPE records>");
		newline(o);
	}
	d->revision_line = o->line;
	puts_(o, "<records");
	if (d->revision) {
		puts_(o, " revision=\"");
		xml_escape(o, d->revision, strlen(d->revision));
		putc_(o, '"');
	}
	if (d->root_attr) {
		putc_(o, ' ');
		puts_(o, d->root_attr);
		puts_(o, "=\"1\"");
	}
	putc_(o, '>');
	newline(o);
	if (d->root_text) {
		indent(o, 2);
		d->extra_line = o->line;
		xml_escape(o, d->root_text, strlen(d->root_text));
	}
}

/* ---- YAML ------------------------------------------------------------- */

/* The end of the run of siblings that share FIRST's key. */
static struct inst *run_end(const struct inst *first)
{
	struct inst *c = first->next;

	while (c && c->name == first->name && !(c->flags & I_SPLIT))
		c = c->next;
	return c;
}

static bool run_is_sequence(const struct inst *first, const struct inst *end)
{
	return (first->node && first->node->max > 1) || first->next != end ||
	       (first->flags & I_SEQ);
}

static bool is_group(const struct inst *in)
{
	return in->node ? in->node->kind == RK_GROUP : !in->value;
}

static void yaml_mapping(struct swriter *w, struct inst *in, int ind,
			 bool inline_first);

/* One value after "key: " or "- "; the line is not ended yet. */
static void yaml_scalar(struct swriter *w, struct inst *in)
{
	struct sout *o = w->out;

	in->line = in->map_line = o->line;
	if (in->flags & I_ALIAS) {
		puts_(o, "*a");
		return;
	}
	if (in->flags & I_ANCHOR)
		puts_(o, "&a ");
	if (in->flags & I_AS_MAP) {
		puts_(o, "{ x: ");
		yaml_value(o, in);
		puts_(o, " }");
		return;
	}
	yaml_value(o, in);
}

/* Whether a YAML 1.1 reader would take NAME for a boolean or null. */
static bool yaml_word(const char *name, size_t len)
{
	static const char *const words[] = {
		"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
		"ON", "off", "Off", "OFF", "null", "Null", "NULL"
	};

	if (len > 5)
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(name, words[i]) == 0)
			return true;
	return false;
}

/* The key of IN; names are identifiers, plain but for YAML's words. */
static void yaml_key(struct sout *o, const struct inst *in, int ind,
		     bool *inline_first)
{
	if (!*inline_first)
		indent(o, ind);
	*inline_first = false;
	if (yaml_word(in->name, in->name_len))
		quote(o, in->name, in->name_len);
	else
		put(o, in->name, in->name_len);
	putc_(o, ':');
}

static void yaml_run(struct swriter *w, struct inst *first, struct inst *end,
		     int ind, bool *inline_first)
{
	struct sout *o = w->out;

	yaml_key(o, first, ind, inline_first);
	if (!run_is_sequence(first, end)) {
		if (is_group(first) && !(first->flags & I_AS_SCALAR)) {
			yaml_mapping(w, first, ind + 2, false);
			return;
		}
		putc_(o, ' ');
		yaml_scalar(w, first);
		newline(o);
		return;
	}
	newline(o);
	for (struct inst *c = first; c != end; c = c->next) {
		indent(o, ind + 2);
		put(o, "- ", 2);
		if (is_group(c) && !(c->flags & I_AS_SCALAR)) {
			yaml_mapping(w, c, ind + 4, true);
		} else {
			yaml_scalar(w, c);
			newline(o);
		}
	}
}

/*
 * The children of IN as a block mapping indented IND, or "{}" when it has
 * none.  INLINE_FIRST: the first key goes on the current line (after
 * "- "); otherwise the line is ended first.
 */
static void yaml_mapping(struct swriter *w, struct inst *in, int ind,
			 bool inline_first)
{
	struct sout *o = w->out;

	if (!in->child) {
		if (!inline_first)
			putc_(o, ' ');
		in->line = in->map_line = o->line;
		puts_(o, "{}");
		newline(o);
		return;
	}
	if (!inline_first)
		newline(o);
	in->line = in->map_line = o->line;
	for (struct inst *c = in->child, *end; c; c = end) {
		end = run_end(c);
		yaml_run(w, c, end, ind, &inline_first);
	}
}

static void yaml_begin(struct swriter *w)
{
	struct sout *o = w->out;
	struct sdoc *d = w->doc;

	if (d->top_key) {
		d->extra_line = o->line;
		puts_(o, d->top_key);
		puts_(o, ": \"1\"");
		newline(o);
	}
	if (d->revision) {
		puts_(o, "revision: ");
		quote(o, d->revision, strlen(d->revision));
		newline(o);
	}
	puts_(o, "records:");
	newline(o);
}

static void yaml_record(struct swriter *w, struct inst *rec)
{
	struct sout *o = w->out;

	if (w->records == 0)
		w->doc->revision_line = o->line;
	bool inline_first = true;
	put(o, "  - ", 4);
	yaml_key(o, rec, 0, &inline_first);
	yaml_mapping(w, rec, 6, false);
}

/* ---- JSON ------------------------------------------------------------- */

static void json_mapping(struct swriter *w, struct inst *in, int ind);

static void json_key(struct sout *o, const char *name, size_t len)
{
	quote(o, name, len);
	put(o, ": ", 2);
}

/* Starts an entry of a container: a comma after the one before. */
static void json_entry(struct sout *o, bool *first, int ind)
{
	if (!*first)
		putc_(o, ',');
	*first = false;
	newline(o);
	indent(o, ind);
}

static void json_value(struct swriter *w, struct inst *in, int ind)
{
	struct sout *o = w->out;

	if (is_group(in) && !(in->flags & I_AS_SCALAR)) {
		json_mapping(w, in, ind);
		return;
	}
	in->line = in->map_line = o->line;
	if (in->flags & I_AS_MAP) {
		puts_(o, "{ \"x\": ");
		yaml_value(o, in);
		puts_(o, " }");
		return;
	}
	yaml_value(o, in);
}

static void json_mapping(struct swriter *w, struct inst *in, int ind)
{
	struct sout *o = w->out;
	bool first = true;

	in->line = in->map_line = o->line;
	putc_(o, '{');
	for (struct inst *c = in->child, *end; c; c = end) {
		end = run_end(c);
		json_entry(o, &first, ind + 2);
		json_key(o, c->name, c->name_len);
		if (!run_is_sequence(c, end)) {
			json_value(w, c, ind + 2);
			continue;
		}
		bool first_el = true;
		putc_(o, '[');
		for (struct inst *e = c; e != end; e = e->next) {
			json_entry(o, &first_el, ind + 4);
			json_value(w, e, ind + 4);
		}
		newline(o);
		indent(o, ind + 2);
		putc_(o, ']');
	}
	if (!first) {
		newline(o);
		indent(o, ind);
	}
	putc_(o, '}');
}

static void json_begin(struct swriter *w)
{
	struct sout *o = w->out;
	struct sdoc *d = w->doc;

	putc_(o, '{');
	newline(o);
	if (d->top_key) {
		indent(o, 2);
		d->extra_line = o->line;
		json_key(o, d->top_key, strlen(d->top_key));
		puts_(o, "\"1\",");
		newline(o);
	}
	if (d->revision) {
		indent(o, 2);
		json_key(o, "revision", 8);
		quote(o, d->revision, strlen(d->revision));
		putc_(o, ',');
		newline(o);
	}
	indent(o, 2);
	d->revision_line = o->line;
	json_key(o, "records", 7);
	putc_(o, '[');
}

static void json_record(struct swriter *w, struct inst *rec)
{
	struct sout *o = w->out;

	if (w->records)
		putc_(o, ',');
	newline(o);
	indent(o, 4);
	putc_(o, '{');
	newline(o);
	indent(o, 6);
	json_key(o, rec->name, rec->name_len);
	json_mapping(w, rec, 6);
	newline(o);
	indent(o, 4);
	putc_(o, '}');
}

/* ---- the documents ---------------------------------------------------- */

void swriter_begin(struct swriter *w, enum rk_sample_format format,
		   struct sout *out, struct sdoc *doc)
{
	w->format = format;
	w->out = out;
	w->doc = doc;
	w->records = 0;
	if (format == RK_SAMPLE_XML)
		xml_begin(w);
	else if (format == RK_SAMPLE_YAML)
		yaml_begin(w);
	else
		json_begin(w);
}

void swriter_record(struct swriter *w, struct inst *rec)
{
	if (w->format == RK_SAMPLE_XML)
		xml_node(w, rec, 1, w->records == 0 && w->doc->root_text);
	else if (w->format == RK_SAMPLE_YAML)
		yaml_record(w, rec);
	else
		json_record(w, rec);
	w->records++;
}

void swriter_end(struct swriter *w)
{
	struct sout *o = w->out;

	if (w->format == RK_SAMPLE_XML) {
		puts_(o, "</records>");
	} else if (w->format == RK_SAMPLE_JSON) {
		if (w->records) {
			newline(o);
			indent(o, 2);
		}
		put(o, "]", 1);
		newline(o);
		putc_(o, '}');
	} else {
		/* Records end their lines; "records:" with nothing after it
		 * would be null. */
		if (w->records == 0) {
			o->n--;
			o->line--;
			puts_(o, " []");
			newline(o);
		}
		return;
	}
	newline(o);
}
