/*
 * bench/asn1/read_xer.c: reads a stream of XER-encoded `Record` values (a
 * payload as bench/gen_asn1 converts it) with the decoder asn1c generates
 * from the module bench/gen_asn1 writes, and checks each record's
 * constraints: what renkei's generated readers are measured against.
 * bench/codegen.sh compiles it with asn1c's output at benchmark time.
 *
 *   read_xer FILE
 *
 * The way asn1c's own sample converter streams: the file is read in
 * 256 KB chunks (as renkei and the bare SAX2 parse read theirs) and
 * xer_decode is called on what is buffered; it decodes one record, saying
 * how many bytes it consumed, or asks for more (RC_WMORE) after consuming
 * what it could, keeping its state in the struct, and is called again
 * with the rest and the next chunk.  Each decoded record goes through
 * asn_check_constraints, then its contents are freed and the top struct
 * reused.  Prints "records=N errors=E" (records that broke a constraint)
 * and exits 0; 1 when the stream cannot be decoded; 2 when it cannot be
 * read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "Record.h"

#define CHUNK (256 * 1024)

static int blank(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int main(int argc, char **argv)
{
	size_t cap = 2 * CHUNK, have = 0, pos = 0, got;
	unsigned long records = 0, errors = 0;
	Record_t *rec = NULL;
	int eof = 0, inside = 0;
	char *buf;
	FILE *in;

	if (argc != 2) {
		fprintf(stderr, "usage: read_xer FILE\n");
		return 2;
	}
	if (!(in = fopen(argv[1], "rb")) || !(buf = malloc(cap))) {
		perror(argv[1]);
		return 2;
	}
	for (;;) {
		asn_dec_rval_t rv;

		if (!inside)
			while (pos < have && blank(buf[pos]))
				pos++;
		if (pos == have || inside) {
			if (eof) {
				if (inside) {
					fprintf(stderr, "read_xer: %s: ends inside record %lu\n",
						argv[1], records + 1);
					return 1;
				}
				break;
			}
			/* Keep what is not consumed, then read on. */
			memmove(buf, buf + pos, have - pos);
			have -= pos;
			pos = 0;
			if (cap - have < CHUNK) {
				char *more = realloc(buf, cap *= 2);
				if (!more) {
					perror("read_xer");
					return 2;
				}
				buf = more;
			}
			got = fread(buf + have, 1, CHUNK, in);
			if (got < CHUNK) {
				if (ferror(in)) {
					perror(argv[1]);
					return 2;
				}
				eof = 1;
			}
			have += got;
			if (!inside)
				continue;
		}
		rv = xer_decode(NULL, &asn_DEF_Record, (void **)&rec, buf + pos,
				have - pos);
		pos += rv.consumed;
		if (rv.code == RC_WMORE) {
			inside = 1;
			continue;
		}
		inside = 0;
		if (rv.code != RC_OK) {
			fprintf(stderr, "read_xer: %s: cannot decode record %lu (byte %zu of the chunk)\n",
				argv[1], records + 1, pos);
			return 1;
		}
		records++;
		{
			char why[256];
			size_t len = sizeof(why);
			if (asn_check_constraints(&asn_DEF_Record, rec, why, &len)) {
				if (!errors)
					fprintf(stderr, "read_xer: record %lu: %s\n",
						records, why);
				errors++;
			}
		}
		ASN_STRUCT_FREE_CONTENTS_ONLY(asn_DEF_Record, rec);
		memset(rec, 0, sizeof(*rec));
	}
	if (rec)
		ASN_STRUCT_FREE(asn_DEF_Record, rec);
	free(buf);
	fclose(in);
	printf("records=%lu errors=%lu\n", records, errors);
	return 0;
}
