/*
 * bench/codegen_write.c: the writer `renkei compile` generates for
 * revision R06, writing records from structs: what bench/codegen.sh
 * measures against a bare xmlTextWriter loop (bench/bare_writer.c)
 * writing the same elements.
 *
 *   codegen_write [--all] -n N SEED.xml [OUT.xml]
 *
 * Reads the records of SEED.xml into structs first (the kaigo_jukyusha
 * records with r06_kaigo_jukyusha_read_xml, or with --all every record
 * with rk_read and the generated tables), then writes N records, taking
 * the seed's in turn, with r06_kaigo_jukyusha_write_xml (--all:
 * rk_xml_write_record, which it calls) into one document opened by
 * rk_xml_writer_open on OUT.xml (default: standard output).  Keep the seed
 * small: reading it is part of what the process does.
 *
 * Prints "records=N" on standard error; exits 0, 1 when the seed held no
 * record or an error, 2 when a file could not be read or written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r06.h"

struct seed {
	void **values;               /* copies of the structs read */
	size_t *kinds;               /* r06_layout.records[kinds[i]] */
	size_t n, cap;
	int failed;
};

static void keep(struct seed *s, size_t kind, const void *value, size_t size)
{
	void *copy;

	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		void **v = realloc(s->values, cap * sizeof(*v));
		size_t *k = v ? realloc(s->kinds, cap * sizeof(*k)) : NULL;
		if (v)
			s->values = v;
		if (!k) {
			s->failed = 1;
			return;
		}
		s->kinds = k;
		s->cap = cap;
	}
	if (!(copy = malloc(size))) {
		s->failed = 1;
		return;
	}
	memcpy(copy, value, size);
	s->values[s->n] = copy;
	s->kinds[s->n++] = kind;
}

static int on_kaigo_jukyusha(void *data, struct r06_kaigo_jukyusha *record,
			     size_t index)
{
	(void)index;
	keep(data, R06_RECORD_KAIGO_JUKYUSHA, record, sizeof(*record));
	return 0;
}

static int on_any(void *data, const struct rk_layout_node *record, void *value,
		  size_t index)
{
	(void)index;
	keep(data, (size_t)(record - r06_layout.records), value, record->store.size);
	return 0;
}

static int read_seed(FILE *in, const char *name, bool all, struct seed *s,
		     struct rk_errors *errs)
{
	void *storage[R06_N_RECORDS];
	struct rk_read_options o;
	int rc = -1;
	size_t i;

	if (!all)
		return r06_kaigo_jukyusha_read_xml(in, on_kaigo_jukyusha, s, errs);
	memset(&o, 0, sizeof(o));
	for (i = 0; i < R06_N_RECORDS; i++)
		if (!(storage[i] = malloc(r06_layout.records[i].store.size)))
			goto out;
	o.format = RK_FORMAT_XML;
	o.name = name;
	o.layout = &r06_layout;
	o.storage = storage;
	o.each = on_any;
	o.each_data = s;
	rc = rk_read(in, &o, errs, NULL);
out:
	while (i-- > 0)
		free(storage[i]);
	return rc;
}

static int write_all(FILE *out, const struct seed *s, unsigned long n, bool all)
{
	struct rk_xml_writer *w = rk_xml_writer_open(out, &r06_layout);
	int rc = 0;

	if (!w)
		return -1;
	for (unsigned long i = 0; i < n && rc == 0; i++) {
		size_t k = i % s->n;
		if (all)
			rc = rk_xml_write_record(w, &r06_layout.records[s->kinds[k]],
						 s->values[k]);
		else
			rc = r06_kaigo_jukyusha_write_xml(w, s->values[k]);
	}
	if (rk_xml_writer_close(w) < 0)
		rc = -1;
	return rc;
}

int main(int argc, char **argv)
{
	struct seed s = { 0 };
	struct rk_errors errs;
	unsigned long n = 0;
	bool all = false;
	const char *seed = NULL, *output = NULL;
	FILE *in, *out;
	int i, rc;

	bool bad = false;

	for (i = 1; i < argc && !bad; i++) {
		if (!strcmp(argv[i], "--all"))
			all = true;
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n = strtoul(argv[++i], NULL, 10);
		else if (!seed && argv[i][0] != '-')
			seed = argv[i];
		else if (!output && argv[i][0] != '-')
			output = argv[i];
		else
			bad = true;
	}
	if (bad || !seed || !n) {
		fputs("usage: codegen_write [--all] -n N SEED.xml [OUT.xml]\n", stderr);
		return 2;
	}
	if (!(in = fopen(seed, "rb"))) {
		perror(seed);
		return 2;
	}
	memset(&errs, 0, sizeof(errs));
	errs.report = rk_errors_print;
	errs.data = stderr;
	errs.limit = 10;
	rc = read_seed(in, seed, all, &s, &errs);
	fclose(in);
	if (rc != 0 || s.failed || !s.n) {
		fprintf(stderr, "codegen_write: %s: %s\n", seed,
			s.failed ? "out of memory" : "no valid record to write");
		return 1;
	}
	if (!(out = output ? fopen(output, "wb") : stdout)) {
		perror(output);
		return 2;
	}
	rc = write_all(out, &s, n, all);
	if (fflush(out) != 0 || ferror(out) || (output && fclose(out) != 0))
		rc = -1;
	if (rc < 0) {
		perror(output ? output : "standard output");
		return 2;
	}
	for (size_t k = 0; k < s.n; k++)
		free(s.values[k]);
	free(s.values);
	free(s.kinds);
	fprintf(stderr, "records=%lu\n", n);
	return 0;
}
