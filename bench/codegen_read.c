/*
 * bench/codegen_read.c: the code `renkei compile` generates for revision
 * R06, reading a payload into structs and validating each record, as a
 * vendor's program would: what bench/codegen.sh measures against asn1c's
 * generated XER decoder and a bare libxml2 SAX2 parse.
 *
 *   codegen_read [--all] FILE.xml
 *
 * By default, the kaigo_jukyusha records: r06_kaigo_jukyusha_read_xml
 * streams them into one reused struct, checking each as it reads it (the
 * structure, every value rule, every minimum occurrence: what
 * r06_kaigo_jukyusha_validate checks, in the same pass) and hands each
 * over.  With --all, every record: rk_read with the generated tables
 * (r06_layout), a struct of the generated type of each kind and the checks
 * on, which is what every r06_*_read_xml does.
 *
 * Prints "records=N errors=E" (the records handed over, the errors their
 * structure and values had) and exits 0 when the payload was read, 1 when
 * it held errors (the first ten are printed), 2 when it could not be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r06.h"

struct counts {
	size_t records;
	struct rk_errors *errs;
};

static int on_kaigo_jukyusha(void *data, struct r06_kaigo_jukyusha *record,
			     size_t index)
{
	struct counts *c = data;

	/* Checked already: the reader checks each record as it reads it. */
	(void)record;
	(void)index;
	c->records++;
	return 0;
}

static int on_any(void *data, const struct rk_layout_node *record, void *value,
		  size_t index)
{
	struct counts *c = data;

	(void)record;
	(void)value;
	(void)index;
	c->records++;
	return 0;
}

/* Every kind of record into a struct of its generated type. */
static int read_all(FILE *in, const char *name, struct counts *c)
{
	void *storage[R06_N_RECORDS];
	struct rk_read_options o;
	int rc = 2;
	size_t i;

	memset(&o, 0, sizeof(o));
	for (i = 0; i < R06_N_RECORDS; i++)
		if (!(storage[i] = malloc(r06_layout.records[i].store.size)))
			goto out;
	o.format = RK_FORMAT_XML;
	o.name = name;
	o.layout = &r06_layout;
	o.check_values = true;       /* as every r06_*_read_xml */
	o.storage = storage;
	o.each = on_any;
	o.each_data = c;
	rc = rk_read(in, &o, c->errs, NULL);
out:
	while (i-- > 0)
		free(storage[i]);
	return rc;
}

int main(int argc, char **argv)
{
	struct rk_errors errs;
	struct counts c = { 0, &errs };
	bool all = argc == 3 && !strcmp(argv[1], "--all");
	const char *name = argv[argc - 1];
	FILE *in;
	int rc;

	if (argc != 2 + all || name[0] == '-') {
		fputs("usage: codegen_read [--all] FILE.xml\n", stderr);
		return 2;
	}
	if (!(in = fopen(name, "rb"))) {
		perror(name);
		return 2;
	}
	memset(&errs, 0, sizeof(errs));
	errs.report = rk_errors_print;
	errs.data = stderr;
	errs.limit = 10;
	if (all)
		rc = read_all(in, name, &c);
	else
		rc = r06_kaigo_jukyusha_read_xml(in, on_kaigo_jukyusha, &c, &errs);
	fclose(in);
	if (rc < 0 || rc == 2) {
		fprintf(stderr, "codegen_read: %s: cannot be read\n", name);
		return 2;
	}
	printf("records=%zu errors=%zu\n", c.records, errs.count);
	return errs.count ? 1 : 0;
}
