/*
 * read_xml.c: the libxml2 reader.  An XML payload is fed in chunks to
 * libxml2's SAX2 push parser; its callbacks become the state machine's
 * events.  The parser never touches the network, never loads a DTD and
 * never expands an entity: a DOCTYPE stops the parse with an error, and
 * without one only the five predefined entities and character references
 * exist.  libxml2's own limits (nesting depth, name and text sizes) stay in
 * force, and its errors are collected per parser, never printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "reader_internal.h"

#define CHUNK (256 * 1024)
#define PROGRESS_EVERY (4u << 20)

struct xml_reader {
	struct rt_walk *w;
	xmlParserCtxtPtr ctxt;
	int depth;                   /* XML element depth; 1 is the root */
	bool wrapper;                /* the root is <records> */
	bool stopped;                /* a DOCTYPE, a fatal error, or asked to */
	bool wrapper_text_reported;
};

/* The parser's position, read from its input directly: this runs for
 * every element, and the accessor functions cost a call each. */
static struct rt_pos here(const struct xml_reader *x)
{
	const xmlParserInput *in = x->ctxt->input;
	struct rt_pos at = { in ? (uint32_t)in->line : 0, in ? (uint32_t)in->col : 0 };
	return at;
}

static bool name_is(const xmlChar *a, const char *b)
{
	return strcmp((const char *)a, b) == 0;
}

/* The revision attribute of the root; the others are errors. */
static void root_attributes(struct xml_reader *x, int n,
			    const xmlChar **attrs)
{
	const struct rk_read_options *o = x->w->opts;
	const struct rk_layout *layout = o->layout;
	char *named = NULL;

	for (int i = 0; i < n; i++) {
		const xmlChar **a = attrs + 5 * i;
		size_t len = (size_t)(a[4] - a[3]);
		if (!a[1] && name_is(a[0], "revision")) {
			free(named);
			named = rt_alloc(len + 1);
			memcpy(named, a[3], len);
			named[len] = '\0';
			continue;
		}
		rt_walk_plain_error(x->w, here(x), "structure.attribute",
				    "attribute '%s' is not allowed (only 'revision' on the root)",
				    (const char *)a[0]);
	}
	if (!layout && named && o->lookup)
		layout = o->lookup(named, o->lookup_data);
	if (!layout && named) {
		rt_walk_plain_error(x->w, here(x), "structure.revision",
				    "no layout for revision '%s'", named);
	} else if (!layout) {
		rt_walk_plain_error(x->w, here(x), "structure.revision",
				    "the payload does not name its revision (revision=\"...\" on the root)");
	} else if (named && strcmp(named, layout->revision) != 0) {
		struct rt_buf b = { NULL, 0, 0 };
		rt_buf_add_printable(&b, named, strlen(named), 32);
		rt_walk_plain_error(x->w, here(x), "structure.revision",
				    "the payload is for revision '%s', not %s",
				    rt_buf_str(&b), layout->revision);
		rt_buf_release(&b);
	}
	if (layout != x->w->layout)
		rt_walk_set_layout(x->w, layout);
	free(named);
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
		     const xmlChar *uri, int n_ns, const xmlChar **ns,
		     int n_attrs, int n_defaulted, const xmlChar **attrs)
{
	struct xml_reader *x = ctx;
	const char *name = (const char *)local;

	(void)n_ns; (void)ns; (void)n_defaulted;
	x->depth++;
	/* Payload elements have no namespace: a namespaced one is unknown. */
	char qualified[256];
	if (uri) {
		snprintf(qualified, sizeof(qualified), "%s:%s",
			 prefix ? (const char *)prefix : "", name);
		name = qualified;
	}
	if (x->depth == 1) {
		x->wrapper = name_is(local, "records");
		root_attributes(x, n_attrs, attrs);
		if (!x->wrapper)
			rt_walk_record_start(x->w, name, here(x));
		return;
	}
	if (n_attrs > 0 && !rt_walk_skipping(x->w))
		rt_walk_plain_error(x->w, here(x), "structure.attribute",
			       "attribute '%s' is not allowed on element '%s'",
			       (const char *)attrs[0], name);
	if (x->wrapper && x->depth == 2)
		rt_walk_record_start(x->w, name, here(x));
	else
		rt_walk_start(x->w, name, here(x));
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
		   const xmlChar *uri)
{
	struct xml_reader *x = ctx;

	(void)local; (void)prefix; (void)uri;
	if (!(x->wrapper && x->depth == 1)) {
		/* An item's end needs no position: its errors are at its start. */
		struct rt_pos none = { 0, 0 };
		rt_walk_end(x->w, rt_walk_in_item(x->w) ? none : here(x));
	}
	x->depth--;
	if (x->w->stop && !x->stopped) {
		/* The record callback has had enough. */
		x->stopped = true;
		xmlStopParser(x->ctxt);
	}
}

static bool blank(const char *s, int len)
{
	for (int i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

static void on_text(void *ctx, const xmlChar *text, int len)
{
	struct xml_reader *x = ctx;
	const char *s = (const char *)text;
	struct rt_pos none = { 0, 0 };

	if (rt_walk_in_item(x->w)) {
		/* An item's value: its errors are reported at its start. */
		rt_walk_text(x->w, s, (size_t)len, none);
		return;
	}
	/* Between elements only white space may stand. */
	if (rt_walk_skipping(x->w) || blank(s, len))
		return;
	if (x->wrapper && x->depth == 1) {
		if (!x->wrapper_text_reported)
			rt_walk_plain_error(x->w, here(x), "structure.text",
				       "text directly inside 'records'");
		x->wrapper_text_reported = true;
		return;
	}
	rt_walk_text(x->w, s, (size_t)len, here(x));
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
		       const xmlChar *sys)
{
	struct xml_reader *x = ctx;

	(void)name; (void)ext; (void)sys;
	rt_walk_plain_error(x->w, here(x), "xml.doctype",
		       "a DOCTYPE is not allowed (payloads use no DTD and no entities)");
	x->stopped = true;
	xmlStopParser(x->ctxt);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct xml_reader *x = ctx;
	struct rt_pos at = { (uint32_t)err->line, (uint32_t)err->int2 };
	struct rt_buf msg = { NULL, 0, 0 };
	size_t len;

	if (x->stopped)
		return;
	if (err->level == XML_ERR_WARNING)
		return;
	len = err->message ? strlen(err->message) : 0;
	while (len && (err->message[len - 1] == '\n' || err->message[len - 1] == ' '))
		len--;
	rt_buf_adds(&msg, "malformed XML: ");
	rt_buf_add_printable(&msg, err->message ? err->message : "", len, 200);
	rt_walk_plain_error(x->w, at, "xml.syntax", "%s", rt_buf_str(&msg));
	rt_buf_release(&msg);
	if (err->level == XML_ERR_FATAL)
		x->stopped = true;
}

static void init_sax(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_text;
	sax->cdataBlock = on_text;
	sax->internalSubset = on_doctype;
	sax->serror = on_error;
}

static void feed(struct xml_reader *x, FILE *in)
{
	static const size_t chunk = CHUNK;
	char *buf = rt_alloc(chunk);
	uint64_t next_report = PROGRESS_EVERY;
	size_t n;

	while (!x->stopped && (n = fread(buf, 1, chunk, in)) > 0) {
		x->w->bytes += n;
		xmlParseChunk(x->ctxt, buf, (int)n, 0);
		if (x->w->opts->progress && x->w->bytes >= next_report) {
			x->w->opts->progress(x->w->bytes, x->w->opts->progress_data);
			next_report = x->w->bytes + PROGRESS_EVERY;
		}
	}
	if (!x->stopped)
		xmlParseChunk(x->ctxt, NULL, 0, 1);
	free(buf);
}

int rt_read_xml(struct rt_walk *w, FILE *in, const char *head, size_t head_len)
{
	struct xml_reader x;
	xmlSAXHandler sax;
	struct rt_pos none = { 0, 0 };

	memset(&x, 0, sizeof(x));
	x.w = w;
	init_sax(&sax);
	x.ctxt = xmlCreatePushParserCtxt(&sax, &x, head, (int)head_len,
					 w->opts->name);
	if (!x.ctxt) {
		rt_walk_plain_error(w, none, "payload.read",
				    "cannot start the XML parser");
		w->failed = true;
		return -1;
	}
	xmlCtxtUseOptions(x.ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	feed(&x, in);
	if (ferror(in)) {
		rt_walk_plain_error(w, none, "payload.read", "cannot read the payload");
		w->failed = true;
	}
	xmlFreeParserCtxt(x.ctxt);
	return w->failed ? -1 : 0;
}
