/*
 * write.c: structs back into payloads.  XML goes through libxml2's
 * xmlTextWriter (it escapes text and keeps the document well-formed), YAML
 * through libyaml's emitter, with every value double-quoted so that it reads
 * back as the same literal text ("0123" stays a string).  Both follow the
 * layout's order; absent items and groups are left out, repeated ones
 * repeat their element (XML) or become a sequence (YAML).
 */
#include "reader_internal.h"

#include <libxml/xmlwriter.h>
#include <yaml.h>

#include <stdlib.h>
#include <string.h>

/* ---- XML --------------------------------------------------------------- */

struct rk_xml_writer {
	xmlTextWriterPtr w;
	int failed;
};

#define X(s) ((const xmlChar *)(s))

static void xml_check(struct rk_xml_writer *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
}

struct rk_xml_writer *rk_xml_writer_open(FILE *out, const struct rk_layout *layout)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
	struct rk_xml_writer *x;

	if (!buf)
		return NULL;
	x = calloc(1, sizeof(*x));
	if (!x || !(x->w = xmlNewTextWriter(buf))) {
		if (!x)
			xmlOutputBufferClose(buf);
		free(x);
		return NULL;
	}
	xml_check(x, xmlTextWriterSetIndent(x->w, 1));
	xml_check(x, xmlTextWriterSetIndentString(x->w, X("  ")));
	xml_check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL));
	xml_check(x, xmlTextWriterStartElement(x->w, X("records")));
	xml_check(x, xmlTextWriterWriteAttribute(x->w, X("revision"),
						 X(layout->revision)));
	return x;
}

static void xml_node(struct rk_xml_writer *x, const struct rk_layout_node *node,
		     const char *base)
{
	xml_check(x, xmlTextWriterStartElement(x->w, X(node->name)));
	for (size_t i = 0; i < node->n_children; i++) {
		const struct rk_layout_node *v = &node->children[i];
		size_t count = rt_occurrences(v, base);
		for (size_t k = 0; k < count; k++) {
			const char *at = base + v->store.offset + k * v->store.size;
			if (!v->type)
				xml_node(x, v, at);
			else if (at[0])
				xml_check(x, xmlTextWriterWriteElement(x->w,
						X(v->name), X(at)));
		}
	}
	xml_check(x, xmlTextWriterEndElement(x->w));
}

int rk_xml_write_record(struct rk_xml_writer *x,
			const struct rk_layout_node *record, const void *value)
{
	xml_node(x, record, value);
	return x->failed ? -1 : 0;
}

int rk_xml_writer_close(struct rk_xml_writer *x)
{
	int failed;

	xml_check(x, xmlTextWriterEndDocument(x->w));
	xml_check(x, xmlTextWriterFlush(x->w));
	xmlFreeTextWriter(x->w);
	failed = x->failed;
	free(x);
	return failed ? -1 : 0;
}

/* ---- YAML -------------------------------------------------------------- */

struct rk_yaml_writer {
	yaml_emitter_t e;
	int failed;
};

static void emit(struct rk_yaml_writer *y, yaml_event_t *ev, int made)
{
	if (!made || !yaml_emitter_emit(&y->e, ev))
		y->failed = 1;
}

static void yaml_scalar(struct rk_yaml_writer *y, const char *s, bool quoted)
{
	yaml_event_t ev;

	emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
			(yaml_char_t *)(uintptr_t)s, (int)strlen(s), 1, 1,
			quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE :
				 YAML_PLAIN_SCALAR_STYLE));
}

static void yaml_open(struct rk_yaml_writer *y, bool sequence)
{
	yaml_event_t ev;

	if (sequence)
		emit(y, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL,
				1, YAML_BLOCK_SEQUENCE_STYLE));
	else
		emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL,
				1, YAML_BLOCK_MAPPING_STYLE));
}

static void yaml_close(struct rk_yaml_writer *y, bool sequence)
{
	yaml_event_t ev;

	if (sequence)
		emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
	else
		emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
}

struct rk_yaml_writer *rk_yaml_writer_open(FILE *out, const struct rk_layout *layout)
{
	struct rk_yaml_writer *y = calloc(1, sizeof(*y));
	yaml_event_t ev;

	if (!y)
		return NULL;
	if (!yaml_emitter_initialize(&y->e)) {
		free(y);
		return NULL;
	}
	yaml_emitter_set_output_file(&y->e, out);
	yaml_emitter_set_unicode(&y->e, 1);
	yaml_emitter_set_width(&y->e, -1);
	emit(y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	yaml_open(y, false);
	yaml_scalar(y, "revision", false);
	yaml_scalar(y, layout->revision, false);
	yaml_scalar(y, "records", false);
	yaml_open(y, true);
	return y;
}

static void yaml_node(struct rk_yaml_writer *y, const struct rk_layout_node *node,
		      const char *base)
{
	yaml_open(y, false);
	for (size_t i = 0; i < node->n_children; i++) {
		const struct rk_layout_node *v = &node->children[i];
		size_t count = rt_occurrences(v, base);
		bool repeated = v->max > 1;
		if (count == 0)
			continue;
		yaml_scalar(y, v->name, false);
		if (repeated)
			yaml_open(y, true);
		for (size_t k = 0; k < count; k++) {
			const char *at = base + v->store.offset + k * v->store.size;
			if (!v->type)
				yaml_node(y, v, at);
			else
				yaml_scalar(y, at, true);
		}
		if (repeated)
			yaml_close(y, true);
	}
	yaml_close(y, false);
}

int rk_yaml_write_record(struct rk_yaml_writer *y,
			 const struct rk_layout_node *record, const void *value)
{
	yaml_open(y, false);
	yaml_scalar(y, record->name, false);
	yaml_node(y, record, value);
	yaml_close(y, false);
	return y->failed ? -1 : 0;
}

int rk_yaml_writer_close(struct rk_yaml_writer *y)
{
	yaml_event_t ev;
	int failed;

	yaml_close(y, true);
	yaml_close(y, false);
	emit(y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(y, &ev, yaml_stream_end_event_initialize(&ev));
	if (!yaml_emitter_flush(&y->e))
		y->failed = 1;
	yaml_emitter_delete(&y->e);
	failed = y->failed;
	free(y);
	return failed ? -1 : 0;
}
