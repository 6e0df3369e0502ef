/*
 * test_payload.c: the runtime's payload reader, struct checks and writers
 * (src/runtime/{walk,read*,check,write}.c) on a small layout written by hand
 * the way `renkei compile` writes one: values stored in the struct, counts
 * and flags set, records handed over one by one, limits of the struct
 * (structure.capacity), a value too long for its member, check_values on
 * and off, rk_check_record agreeing with the reader, and XML and YAML
 * written back and read again.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

#include <renkei/payload.h>

/*
 * record person {
 *   name  "氏名"  : text(3) required;
 *   tel   "電話"  : digits(3) [0..2];
 *   group addr "住所" [0..1] { zip "郵便番号" : digits(7) required; }
 *   group hist "履歴" [0..*] { day "日" : date; }    -- held: 2
 * }
 */
struct person_addr {
	char zip[29];
};

struct person_hist {
	char day[11];
};

struct person {
	char name[13];
	char tel[2][13];
	size_t n_tel;
	bool has_addr;
	struct person_addr addr;
	struct person_hist hist[2];
	size_t n_hist;
};

static const struct rk_value_type name_type = { .kind = RK_TEXT, .min_len = 1, .max_len = 3 };
static const struct rk_value_type tel_type = { .kind = RK_DIGITS, .min_len = 3, .max_len = 3 };
static const struct rk_value_type zip_type = { .kind = RK_DIGITS, .min_len = 7, .max_len = 7 };
static const struct rk_value_type day_type = { .kind = RK_DATE };

static const uint32_t one[] = { 0 };

static const struct rk_layout_node addr_nodes[] = {
	{ .name = "zip", .label = "郵便番号", .type = &zip_type, .min = 1, .max = 1,
	  .store = { offsetof(struct person_addr, zip), 29, 1, 0, RK_COUNT_NONE } },
};

static const struct rk_layout_node hist_nodes[] = {
	{ .name = "day", .label = "日", .type = &day_type, .min = 0, .max = 1,
	  .store = { offsetof(struct person_hist, day), 11, 1, 0, RK_COUNT_NONE } },
};

/* addr, hist, name, tel */
static const uint32_t person_by_name[] = { 2, 3, 0, 1 };

static const struct rk_layout_node person_nodes[] = {
	{ .name = "name", .label = "氏名", .type = &name_type, .min = 1, .max = 1,
	  .store = { offsetof(struct person, name), 13, 1, 0, RK_COUNT_NONE } },
	{ .name = "tel", .label = "電話", .type = &tel_type, .min = 0, .max = 2,
	  .store = { offsetof(struct person, tel), 13, 2,
		     offsetof(struct person, n_tel), RK_COUNT_SIZE } },
	{ .name = "addr", .label = "住所", .min = 0, .max = 1,
	  .children = addr_nodes, .n_children = 1, .by_name = one, .slot = 4,
	  .store = { offsetof(struct person, addr), sizeof(struct person_addr), 1,
		     offsetof(struct person, has_addr), RK_COUNT_FLAG } },
	{ .name = "hist", .label = "履歴", .min = 0, .max = RK_MANY,
	  .children = hist_nodes, .n_children = 1, .by_name = one, .slot = 5,
	  .store = { offsetof(struct person, hist), sizeof(struct person_hist), 2,
		     offsetof(struct person, n_hist), RK_COUNT_SIZE } },
};

static const struct rk_layout_node records[] = {
	{ .name = "person", .label = "人", .min = 0, .max = RK_MANY,
	  .children = person_nodes, .n_children = 4, .by_name = person_by_name,
	  .slot = 0, .store = { 0, sizeof(struct person), 1, 0, RK_COUNT_NONE } },
};

static const struct rk_layout layout = {
	.revision = "T1", .records = records, .n_records = 1, .by_name = one,
	.n_slots = 6, .text_max = 4096,
};

/* ---- reading ---------------------------------------------------------- */

/* The errors of a run, "rule path" per line. */
static char seen[4096];

static void keep(void *data, const struct rk_payload_error *e)
{
	size_t n = strlen(seen);
	(void)data;
	snprintf(seen + n, sizeof(seen) - n, "%s %s\n", e->rule, e->path);
}

/* The records handed over: copies, and their indexes. */
static struct person got[4];
static size_t got_index[4];
static size_t n_got;
static size_t stop_after;

static int each(void *data, const struct rk_layout_node *record, void *value,
		size_t index)
{
	(void)data;
	CU_ASSERT_PTR_EQUAL(record, &records[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(value);
	if (n_got < 4) {
		memcpy(&got[n_got], value, sizeof(got[0]));
		got_index[n_got] = index;
	}
	n_got++;
	return stop_after && n_got >= stop_after;
}

static struct person storage_struct;

static int read_text(const char *text, enum rk_format format, bool check,
		     struct rk_errors *errs)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	void *storage[1] = { &storage_struct };
	struct rk_read_options o;
	int status;

	memset(&o, 0, sizeof(o));
	o.format = format;
	o.layout = &layout;
	o.check_values = check;
	o.storage = storage;
	o.each = each;
	memset(errs, 0, sizeof(*errs));
	errs->report = keep;
	seen[0] = '\0';
	n_got = 0;
	CU_ASSERT_PTR_NOT_NULL_FATAL(in);
	status = rk_read(in, &o, errs, NULL);
	fclose(in);
	return status;
}

static const char good_xml[] =
	"<records revision=\"T1\">\n"
	"  <person><name>山田</name><tel>012</tel><tel>345</tel>\n"
	"    <addr><zip>1000001</zip></addr>\n"
	"    <hist><day>2024-04-01</day></hist><hist><day>2024-05-01</day></hist>\n"
	"  </person>\n"
	"  <person><name>花子</name></person>\n"
	"</records>\n";

static void test_read_stores_values(void)
{
	struct rk_errors errs;

	CU_ASSERT_EQUAL(read_text(good_xml, RK_FORMAT_XML, true, &errs), 0);
	CU_ASSERT_STRING_EQUAL(seen, "");
	CU_ASSERT_EQUAL_FATAL(n_got, 2);
	CU_ASSERT_STRING_EQUAL(got[0].name, "山田");
	CU_ASSERT_EQUAL(got[0].n_tel, 2);
	CU_ASSERT_STRING_EQUAL(got[0].tel[1], "345");
	CU_ASSERT_TRUE(got[0].has_addr);
	CU_ASSERT_STRING_EQUAL(got[0].addr.zip, "1000001");
	CU_ASSERT_EQUAL(got[0].n_hist, 2);
	CU_ASSERT_STRING_EQUAL(got[0].hist[1].day, "2024-05-01");
	CU_ASSERT_EQUAL(got_index[0], 1);
	/* The struct is cleared for each record. */
	CU_ASSERT_STRING_EQUAL(got[1].name, "花子");
	CU_ASSERT_EQUAL(got[1].n_tel, 0);
	CU_ASSERT_FALSE(got[1].has_addr);
	CU_ASSERT_EQUAL(got[1].n_hist, 0);
	CU_ASSERT_EQUAL(got_index[1], 2);
}

static void test_read_yaml(void)
{
	static const char yaml[] =
		"revision: T1\n"
		"records:\n"
		"  - person:\n"
		"      name: \"川\"\n"
		"      tel: [\"111\"]\n"
		"      hist:\n"
		"        - { day: \"2020-02-29\" }\n"
		"      addr: { zip: \"0600000\" }\n";
	struct rk_errors errs;

	CU_ASSERT_EQUAL(read_text(yaml, RK_FORMAT_YAML, true, &errs), 0);
	CU_ASSERT_STRING_EQUAL(seen, "");
	CU_ASSERT_EQUAL_FATAL(n_got, 1);
	CU_ASSERT_STRING_EQUAL(got[0].name, "川");
	CU_ASSERT_EQUAL(got[0].n_tel, 1);
	CU_ASSERT_STRING_EQUAL(got[0].tel[0], "111");
	CU_ASSERT_EQUAL(got[0].n_hist, 1);
	CU_ASSERT_TRUE(got[0].has_addr);
	CU_ASSERT_STRING_EQUAL(got[0].addr.zip, "0600000");
}

/* Structure is always checked; values and minimums only when asked, and
 * rk_check_record then finds exactly what the reader would have. */
static void test_values_left_to_the_check(void)
{
	static const char xml[] =
		"<person><tel>12x</tel><addr><zip>1</zip></addr>"
		"<addr><zip>2</zip></addr><bogus/></person>";
	struct rk_errors errs;
	char reader[4096], checker[4096];

	CU_ASSERT_EQUAL(read_text(xml, RK_FORMAT_XML, false, &errs), 1);
	CU_ASSERT_STRING_EQUAL(seen,
		"structure.too-many person[1]/addr\n"
		"structure.unknown person[1]\n");
	CU_ASSERT_EQUAL_FATAL(n_got, 1);

	memset(&errs, 0, sizeof(errs));
	errs.report = keep;
	seen[0] = '\0';
	CU_ASSERT_EQUAL(rk_check_record(&records[0], &got[0], 1, &errs), 3);
	snprintf(checker, sizeof(checker), "%s", seen);

	CU_ASSERT_EQUAL(read_text(xml, RK_FORMAT_XML, true, &errs), 1);
	snprintf(reader, sizeof(reader), "%s", seen);
	CU_ASSERT_STRING_EQUAL(checker,
		"structure.missing person[1]/name\n"
		"value.charset person[1]/tel[1]\n"
		"value.length person[1]/addr/zip\n");
	/* The same errors, among the structural ones. */
	CU_ASSERT_PTR_NOT_NULL(strstr(reader, "value.charset person[1]/tel[1]\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(reader, "value.length person[1]/addr/zip\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(reader, "structure.missing person[1]/name\n"));
}

static void test_capacity(void)
{
	static const char xml[] =
		"<person revision=\"T1\"><name>山</name>"
		"<hist><day>2024-01-01</day></hist>"
		"<hist><day>2024-01-02</day></hist>"
		"<hist><day>2024-01-03</day></hist>"
		"<hist><day>2024-01-04</day></hist></person>";
	struct rk_errors errs;

	CU_ASSERT_EQUAL(read_text(xml, RK_FORMAT_XML, true, &errs), 1);
	/* Once, at the first occurrence the struct cannot hold. */
	CU_ASSERT_STRING_EQUAL(seen, "structure.capacity person[1]/hist[3]\n");
	CU_ASSERT_EQUAL_FATAL(n_got, 1);
	CU_ASSERT_EQUAL(got[0].n_hist, 2);
	CU_ASSERT_STRING_EQUAL(got[0].hist[1].day, "2024-01-02");
}

static void test_too_long_for_member(void)
{
	/* 40 ASCII characters: more than text(3)'s 12-byte buffer holds. */
	static const char xml[] =
		"<person revision=\"T1\"><name>"
		"0123456789012345678901234567890123456789</name></person>";
	struct rk_errors errs;

	/* Reported by the reader even with values left to the check. */
	CU_ASSERT_EQUAL(read_text(xml, RK_FORMAT_XML, false, &errs), 1);
	CU_ASSERT_STRING_EQUAL(seen, "value.length person[1]/name\n");
	CU_ASSERT_EQUAL_FATAL(n_got, 1);
	CU_ASSERT_EQUAL(strlen(got[0].name), 12);
}

static void test_stop(void)
{
	struct rk_errors errs;

	stop_after = 1;
	CU_ASSERT_EQUAL(read_text(good_xml, RK_FORMAT_XML, true, &errs), -1);
	stop_after = 0;
	CU_ASSERT_EQUAL(n_got, 1);
	CU_ASSERT_EQUAL(errs.count, 0);
}

/* ---- writing ---------------------------------------------------------- */

static char *write_both(enum rk_format format, const struct person *p, size_t n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	if (format == RK_FORMAT_XML) {
		struct rk_xml_writer *w = rk_xml_writer_open(out, &layout);
		CU_ASSERT_PTR_NOT_NULL_FATAL(w);
		for (size_t i = 0; i < n; i++)
			CU_ASSERT_EQUAL(rk_xml_write_record(w, &records[0], &p[i]), 0);
		CU_ASSERT_EQUAL(rk_xml_writer_close(w), 0);
	} else {
		struct rk_yaml_writer *w = rk_yaml_writer_open(out, &layout);
		CU_ASSERT_PTR_NOT_NULL_FATAL(w);
		for (size_t i = 0; i < n; i++)
			CU_ASSERT_EQUAL(rk_yaml_write_record(w, &records[0], &p[i]), 0);
		CU_ASSERT_EQUAL(rk_yaml_writer_close(w), 0);
	}
	fclose(out);
	return text;
}

static void round_trip(enum rk_format format)
{
	struct rk_errors errs;
	struct person first[2];

	CU_ASSERT_EQUAL(read_text(good_xml, RK_FORMAT_XML, true, &errs), 0);
	CU_ASSERT_EQUAL_FATAL(n_got, 2);
	memcpy(first, got, sizeof(first));
	char *text = write_both(format, first, 2);
	CU_ASSERT_EQUAL(read_text(text, format, true, &errs), 0);
	CU_ASSERT_STRING_EQUAL(seen, "");
	CU_ASSERT_EQUAL_FATAL(n_got, 2);
	CU_ASSERT_EQUAL(memcmp(&got[0], &first[0], sizeof(first[0])), 0);
	CU_ASSERT_EQUAL(memcmp(&got[1], &first[1], sizeof(first[1])), 0);
	/* Writing what was read back gives the same text. */
	char *again = write_both(format, got, 2);
	CU_ASSERT_STRING_EQUAL(again, text);
	free(again);
	free(text);
}

static void test_xml_round_trip(void)
{
	round_trip(RK_FORMAT_XML);
}

static void test_yaml_round_trip(void)
{
	round_trip(RK_FORMAT_YAML);
}

static void test_xml_written(void)
{
	struct person p;
	char *text;

	memset(&p, 0, sizeof(p));
	strcpy(p.name, "<&>");
	p.has_addr = true;
	strcpy(p.addr.zip, "1000001");
	text = write_both(RK_FORMAT_XML, &p, 1);
	CU_ASSERT_STRING_EQUAL(text,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<records revision=\"T1\">\n"
		"  <person>\n"
		"    <name>&lt;&amp;&gt;</name>\n"
		"    <addr>\n"
		"      <zip>1000001</zip>\n"
		"    </addr>\n"
		"  </person>\n"
		"</records>\n");
	free(text);
}

static void test_yaml_written(void)
{
	struct person p;
	char *text;

	memset(&p, 0, sizeof(p));
	strcpy(p.name, "0\"1");
	strcpy(p.tel[0], "012");
	p.n_tel = 1;
	text = write_both(RK_FORMAT_YAML, &p, 1);
	CU_ASSERT_STRING_EQUAL(text,
		"revision: T1\n"
		"records:\n"
		"- person:\n"
		"    name: \"0\\\"1\"\n"
		"    tel:\n"
		"    - \"012\"\n");
	free(text);
}

static int register_all(void)
{
	CU_pSuite s = CU_add_suite("payload", NULL, NULL);

	if (!s)
		return -1;
	if (!CU_add_test(s, "read stores values", test_read_stores_values) ||
	    !CU_add_test(s, "read yaml", test_read_yaml) ||
	    !CU_add_test(s, "values left to the check", test_values_left_to_the_check) ||
	    !CU_add_test(s, "capacity", test_capacity) ||
	    !CU_add_test(s, "too long for its member", test_too_long_for_member) ||
	    !CU_add_test(s, "stop", test_stop) ||
	    !CU_add_test(s, "xml round trip", test_xml_round_trip) ||
	    !CU_add_test(s, "yaml round trip", test_yaml_round_trip) ||
	    !CU_add_test(s, "xml written", test_xml_written) ||
	    !CU_add_test(s, "yaml written", test_yaml_written))
		return -1;
	return 0;
}

int main(void)
{
	unsigned failures;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	if (register_all() < 0) {
		fprintf(stderr, "test_payload: %s\n", CU_get_error_msg());
		CU_cleanup_registry();
		return 2;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failures ? 1 : 0;
}
