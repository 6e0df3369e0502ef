/*
 * driver.c: generated code at work on a payload, for tests/roundtrip.sh.
 *
 * Built once per revision of generated/, with REVISION_HEADER naming its
 * header ("r06.h"), LAYOUT its tables (r06_layout), RECORDS its list of
 * records (R06_RECORDS, which applies a macro to each record's struct name
 * and index) and N_KINDS their number (R06_N_RECORDS).
 *
 *   driver check|xml|yaml FILE
 *
 * reads FILE (XML or YAML, from its name) as the generated readers do
 * (every record checked while read), with a struct for every kind of
 * record and, for each record read, calls the generated _validate and, with
 * xml or yaml, the generated _write_xml or _write_yaml to standard output.
 * The reader's errors are printed to standard error as "rule<TAB>path",
 * _validate's as "validate<TAB>rule<TAB>path", the path with the record's
 * index as `renkei validate` gives it.  Then each record kind's own reader (_read_xml or
 * _read_yaml) reads FILE again and must hand over as many records of its
 * kind as the first reading found, or the driver says so.  Exit status: 0
 * no error, 1 errors, 2 the driver failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include REVISION_HEADER

enum out { OUT_NONE, OUT_XML, OUT_YAML };

static enum out out;
static struct rk_xml_writer *xml;
static struct rk_yaml_writer *yaml;
static size_t index_now;             /* the record being checked */
static size_t kinds[N_KINDS];        /* records read of each kind */
static size_t checked_errors;        /* what _validate found */
static int failed;

static void print_error(void *data, const struct rk_payload_error *e)
{
	(void)data;
	fprintf(stderr, "%s\t%s\n", e->rule, e->path);
}

/* _validate's errors, marked as its own; it knows no index: its paths
 * start "name/", so give them the record's. */
static void print_checked(void *data, const struct rk_payload_error *e)
{
	size_t n = strcspn(e->path, "/");

	(void)data;
	fprintf(stderr, "validate\t%s\t%.*s[%zu]%s\n", e->rule, (int)n, e->path,
		index_now, e->path + n);
}

static int each(void *data, const struct rk_layout_node *record, void *value,
		size_t index)
{
	struct rk_errors checked;
	int rc = 0;

	(void)data;
	memset(&checked, 0, sizeof(checked));
	checked.report = print_checked;
	index_now = index;
	switch (record - LAYOUT.records) {
#define RECORD(name, kind)						\
	case kind:							\
		kinds[kind]++;						\
		checked_errors += name##_validate(value, &checked); \
		if (out == OUT_XML)					\
			rc = name##_write_xml(xml, value);		\
		else if (out == OUT_YAML)				\
			rc = name##_write_yaml(yaml, value);		\
		break;
RECORDS(RECORD)
#undef RECORD
	default:
		fprintf(stderr, "driver: a record of no known kind\n");
		failed = 1;
	}
	if (rc < 0) {
		fprintf(stderr, "driver: cannot write record %zu\n", index);
		failed = 1;
	}
	return 0;
}

/* The readers of one kind each, counting what they hand over. */
#define RECORD(name, kind)						\
	static int count_##name(void *data, struct name *r, size_t i)	\
	{								\
		(void)r; (void)i;					\
		(*(size_t *)data)++;					\
		return 0;						\
	}
RECORDS(RECORD)
#undef RECORD

static void recount(const char *path, bool is_xml)
{
	struct rk_errors quiet;

	memset(&quiet, 0, sizeof(quiet));
#define RECORD(name, kind)						\
	{								\
		size_t n = 0;						\
		FILE *in = fopen(path, "rb");				\
		if (!in) {						\
			perror(path);					\
			exit(2);					\
		}							\
		if (is_xml)						\
			name##_read_xml(in, count_##name, &n, &quiet);	\
		else							\
			name##_read_yaml(in, count_##name, &n, &quiet);	\
		fclose(in);						\
		if (n != kinds[kind]) {					\
			fprintf(stderr, "driver: %s read %zu records, not %zu\n", \
				#name, n, kinds[kind]);			\
			failed = 1;					\
		}							\
	}
RECORDS(RECORD)
#undef RECORD
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcmp(s + n - m, end) == 0;
}

int main(int argc, char **argv)
{
	void *storage[N_KINDS];
	struct rk_read_options o;
	struct rk_errors errs;
	FILE *in;
	int status;

	if (argc != 3) {
		fprintf(stderr, "usage: driver check|xml|yaml FILE\n");
		return 2;
	}
	out = strcmp(argv[1], "xml") == 0 ? OUT_XML :
	      strcmp(argv[1], "yaml") == 0 ? OUT_YAML : OUT_NONE;
	bool is_xml = ends_with(argv[2], ".xml");
	in = fopen(argv[2], "rb");
	if (!in) {
		perror(argv[2]);
		return 2;
	}
#define RECORD(name, kind) storage[kind] = calloc(1, sizeof(struct name));
RECORDS(RECORD)
#undef RECORD
	if (out == OUT_XML)
		xml = rk_xml_writer_open(stdout, &LAYOUT);
	else if (out == OUT_YAML)
		yaml = rk_yaml_writer_open(stdout, &LAYOUT);
	memset(&o, 0, sizeof(o));
	o.format = is_xml ? RK_FORMAT_XML : RK_FORMAT_YAML;
	o.layout = &LAYOUT;
	o.check_values = true;       /* as the generated readers do */
	o.storage = storage;
	o.each = each;
	memset(&errs, 0, sizeof(errs));
	errs.report = print_error;
	status = rk_read(in, &o, &errs, NULL);
	fclose(in);
	if ((xml && rk_xml_writer_close(xml) < 0) ||
	    (yaml && rk_yaml_writer_close(yaml) < 0)) {
		fprintf(stderr, "driver: cannot write the payload\n");
		failed = 1;
	}
	for (size_t i = 0; i < N_KINDS; i++)
		free(storage[i]);
	recount(argv[2], is_xml);
	if (failed || status < 0)
		return 2;
	return status || checked_errors ? 1 : 0;
}
