/* bench/bare_sax2.c: the limit for `renkei validate` on XML, a libxml2
 * SAX2 push parse with empty handlers, fed as renkei feeds it (256 KB
 * chunks through xmlParseChunk, XML_PARSE_NONET | XML_PARSE_NOWARNING).
 *
 *   bare_sax2 FILE
 *
 * The handlers only count the children of the root element (the records),
 * so that bench/run.sh can check that the whole document was parsed; it
 * prints "records=N" and exits 0 when the document is well-formed, 1 when
 * it is not, 2 when it cannot be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#define CHUNK (256 * 1024)

struct counts {
	long depth;
	unsigned long records;
	int errors;
};

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
		     const xmlChar *uri, int nns, const xmlChar **ns,
		     int nattr, int ndef, const xmlChar **attrs)
{
	struct counts *c = ctx;
	(void)local; (void)prefix; (void)uri; (void)nns; (void)ns;
	(void)nattr; (void)ndef; (void)attrs;
	if (++c->depth == 2)
		c->records++;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
		   const xmlChar *uri)
{
	struct counts *c = ctx;
	(void)local; (void)prefix; (void)uri;
	c->depth--;
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
	(void)ctx; (void)s; (void)len;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	struct counts *c = ctx;
	if (e && e->level >= XML_ERR_ERROR) {
		if (!c->errors)
			fprintf(stderr, "bare_sax2: line %d: %s", e->line,
				e->message ? e->message : "error\n");
		c->errors++;
	}
}

int main(int argc, char **argv)
{
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;
	struct counts c = { 0, 0, 0 };
	FILE *in;
	char *buf;
	size_t n;

	if (argc != 2) {
		fprintf(stderr, "usage: bare_sax2 FILE\n");
		return 2;
	}
	if (!(in = fopen(argv[1], "rb")) || !(buf = malloc(CHUNK))) {
		perror(argv[1]);
		return 2;
	}
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.serror = on_error;
	ctxt = xmlCreatePushParserCtxt(&sax, &c, NULL, 0, argv[1]);
	if (!ctxt) {
		fprintf(stderr, "bare_sax2: cannot start the parser\n");
		return 2;
	}
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	while ((n = fread(buf, 1, CHUNK, in)) > 0)
		xmlParseChunk(ctxt, buf, (int)n, 0);
	xmlParseChunk(ctxt, NULL, 0, 1);
	if (ferror(in)) {
		perror(argv[1]);
		return 2;
	}
	if (!ctxt->wellFormed)
		c.errors++;
	xmlFreeParserCtxt(ctxt);
	fclose(in);
	free(buf);
	printf("records=%lu\n", c.records);
	return c.errors ? 1 : 0;
}
