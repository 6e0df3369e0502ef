/*
 * bench/bare_writer.c: the limit for the generated XML writers, a bare
 * libxml2 xmlTextWriter loop writing the same elements with the same
 * settings as the runtime's writer (rk_xml_writer_open: indentation on,
 * two spaces, an XML declaration with encoding UTF-8, a `records` root
 * with the revision).
 *
 *   bare_writer -n N SEED.xml [OUT.xml]
 *
 * Reads the records of SEED.xml first, each as a list of elements (a
 * start, an item with its text, an end), then writes N records, taking
 * the seed's in turn: xmlTextWriterStartElement, WriteElement,
 * EndElement, and nothing else.  The output is byte for byte what
 * bench/codegen_write.c writes from the same seed, which bench/codegen.sh
 * checks.  Prints "records=N" on standard error; exits 0, 1 when the seed
 * holds no record or is not well-formed, 2 when a file could not be read
 * or written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

enum op { START, ITEM, END };

struct event {
	enum op op;
	xmlChar *name, *text;
};

struct seed {
	struct event *ev;
	size_t n, cap;
	size_t *records;             /* where each record's events start */
	size_t n_records, cap_records;
	xmlChar *revision;
};

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	void *p;

	if (n < *cap)
		return 0;
	*cap = *cap ? 2 * *cap : 256;
	if (!(p = realloc(*v, *cap * size)))
		return -1;
	*v = p;
	return 0;
}

static int add(struct seed *s, enum op op, const xmlChar *name)
{
	if (grow((void **)&s->ev, &s->cap, s->n, sizeof(*s->ev)) < 0)
		return -1;
	s->ev[s->n].op = op;
	s->ev[s->n].name = name ? xmlStrdup(name) : NULL;
	s->ev[s->n].text = NULL;
	s->n++;
	return 0;
}

/*
 * The elements of the records under the root, in order.  An element whose
 * content is text is an item (text of white space only too: the reader
 * reports it apart, as white space, which between elements is dropped).
 */
static int read_seed(const char *path, struct seed *s)
{
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
	xmlChar *blank = NULL;	/* white space right after a start */
	int rc, depth, item_open = 0;

	if (!r)
		return -1;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const xmlChar *name = xmlTextReaderConstLocalName(r);

		depth = xmlTextReaderDepth(r);
		if (type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		    type == XML_READER_TYPE_WHITESPACE) {
			if (s->n && s->ev[s->n - 1].op == START && !blank)
				blank = xmlTextReaderValue(r);
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT && blank) {
			/* The start had only white space: an item. */
			struct event *e = &s->ev[s->n - 1];
			e->op = ITEM;
			e->text = blank;
			blank = NULL;
			continue;
		}
		xmlFree(blank);
		blank = NULL;
		if (type == XML_READER_TYPE_ELEMENT && depth == 0) {
			s->revision = xmlTextReaderGetAttribute(r, BAD_CAST "revision");
			continue;
		}
		if (type == XML_READER_TYPE_ELEMENT) {
			if (depth == 1) {
				if (grow((void **)&s->records, &s->cap_records,
					 s->n_records, sizeof(*s->records)) < 0)
					return -1;
				s->records[s->n_records++] = s->n;
			}
			if (add(s, START, name) < 0)
				return -1;
			if (xmlTextReaderIsEmptyElement(r))
				s->ev[s->n - 1].op = ITEM;
		} else if (type == XML_READER_TYPE_TEXT) {
			/* The text of the element just started: an item. */
			struct event *e = &s->ev[s->n - 1];
			e->op = ITEM;
			e->text = xmlTextReaderValue(r);
			item_open = 1;
		} else if (type == XML_READER_TYPE_END_ELEMENT && depth > 0) {
			if (item_open)
				item_open = 0;
			else if (add(s, END, NULL) < 0)
				return -1;
		}
	}
	xmlFree(blank);
	xmlFreeTextReader(r);
	return rc < 0 ? -1 : 0;
}

static int write_records(FILE *out, const struct seed *s, unsigned long n)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
	xmlTextWriterPtr w = buf ? xmlNewTextWriter(buf) : NULL;
	int bad = 0;

	if (!w)
		return -1;
	bad |= xmlTextWriterSetIndent(w, 1) < 0;
	bad |= xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0;
	bad |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "records") < 0;
	if (s->revision)
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "revision",
						   s->revision) < 0;
	for (unsigned long i = 0; i < n && !bad; i++) {
		size_t k = i % s->n_records;
		size_t from = s->records[k];
		size_t to = k + 1 < s->n_records ? s->records[k + 1] : s->n;
		for (size_t e = from; e < to; e++) {
			const struct event *v = &s->ev[e];
			if (v->op == START)
				bad |= xmlTextWriterStartElement(w, v->name) < 0;
			else if (v->op == ITEM)
				bad |= xmlTextWriterWriteElement(w, v->name,
						v->text ? v->text : BAD_CAST "") < 0;
			else
				bad |= xmlTextWriterEndElement(w) < 0;
		}
	}
	bad |= xmlTextWriterEndDocument(w) < 0;
	bad |= xmlTextWriterFlush(w) < 0;
	xmlFreeTextWriter(w);
	return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct seed s = { 0 };
	unsigned long n = 0;
	const char *seed = NULL, *output = NULL;
	bool bad = false;
	FILE *out;
	int i, rc;

	for (i = 1; i < argc && !bad; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n = strtoul(argv[++i], NULL, 10);
		else if (!seed && argv[i][0] != '-')
			seed = argv[i];
		else if (!output && argv[i][0] != '-')
			output = argv[i];
		else
			bad = true;
	}
	if (bad || !seed || !n) {
		fputs("usage: bare_writer -n N SEED.xml [OUT.xml]\n", stderr);
		return 2;
	}
	if (read_seed(seed, &s) < 0 || !s.n_records) {
		fprintf(stderr, "bare_writer: %s: no record read\n", seed);
		return 1;
	}
	if (!(out = output ? fopen(output, "wb") : stdout)) {
		perror(output);
		return 2;
	}
	rc = write_records(out, &s, n);
	if (fflush(out) != 0 || ferror(out) || (output && fclose(out) != 0))
		rc = -1;
	if (rc < 0) {
		perror(output ? output : "standard output");
		return 2;
	}
	for (size_t e = 0; e < s.n; e++) {
		xmlFree(s.ev[e].name);
		xmlFree(s.ev[e].text);
	}
	free(s.ev);
	free(s.records);
	xmlFree(s.revision);
	fprintf(stderr, "records=%lu\n", n);
	return 0;
}
