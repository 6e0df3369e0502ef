/*
 * test_vreport.c: the report writers of `renkei validate` (src/vreport*.c)
 * on hand-built results: exact output of each format on small cases,
 * escaping of hostile strings (quotes, markup, control characters, invalid
 * UTF-8) in every format, empty reports, many files, and the JUnit output
 * parsed by libxml2 and, when the shared schemas are beside the tree,
 * checked against junit-10.xsd the way CI servers read it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <renkei/utf8.h>
#include <renkei/value.h>

#include "unit.h"
#include "util.h"
#include "validate.h"
#include "vreport.h"
#include "vreport_internal.h"

/* ---- building results ------------------------------------------------- */

/* Adds an error the way the validator does (it owns PATH and MESSAGE). */
static void add_error(struct rk_vresult *r, uint32_t line, uint32_t col,
		      size_t record, const char *path, const char *label,
		      const char *rule, const char *message)
{
	r->total_errors++;
	if (r->max_errors && r->n_errors >= r->max_errors)
		return;
	RK_GROW(r->errors, r->n_errors, r->cap_errors);
	struct rk_verror *e = &r->errors[r->n_errors++];
	memset(e, 0, sizeof(*e));
	e->line = line;
	e->col = col;
	e->record = record;
	e->path = path ? rk_xstrdup(path) : NULL;
	e->label = label;
	e->rule = rule;
	e->message = rk_xstrdup(message);
}

static void valid_result(struct rk_vresult *r, const char *name)
{
	rk_vresult_init(r, name, 100);
	r->format = RK_PAYLOAD_XML;
	r->revision = rk_xstrdup("R06");
	r->records = 2;
	r->bytes = 512;
}

static void invalid_result(struct rk_vresult *r, const char *name)
{
	rk_vresult_init(r, name, 100);
	r->format = RK_PAYLOAD_YAML;
	r->revision = rk_xstrdup("R06");
	r->records = 3;
	r->bytes = 1024;
	add_error(r, 12, 7, 2, "kaigo_nintei[2]/care_level", "要介護状態区分",
		  "value.code", "expected a value of code(care_level), found \"07\"");
	add_error(r, 20, 3, 3, "", NULL, "structure.unknown-record",
		  "revision R06 has no record 'foo'");
}

static void failed_result(struct rk_vresult *r, const char *name)
{
	rk_vresult_init(r, name, 100);
	r->failed = true;
	add_error(r, 0, 0, 0, NULL, NULL, "payload.read",
		  "cannot open: No such file or directory");
}

/* ---- running a report into a string ----------------------------------- */

struct capture {
	char *text;
	size_t len;
	FILE *out;
	struct rk_report rep;
};

/* Sets up a report into memory; the caller may change it, then begins. */
static void capture_open(struct capture *c, enum rk_report_format format)
{
	c->text = NULL;
	c->len = 0;
	c->out = open_memstream(&c->text, &c->len);
	CU_ASSERT_FATAL(c->out != NULL);
	rk_report_init(&c->rep, format, c->out);
	c->rep.version = "9.9.9";
}

static void capture_begin(struct capture *c, enum rk_report_format format)
{
	capture_open(c, format);
	rk_report_begin(&c->rep);
}

/* Ends the report and returns its text (the caller frees it). */
static char *capture_end(struct capture *c)
{
	UT_ASSERT_INT(rk_report_end(&c->rep), 0);
	fclose(c->out);
	return c->text;
}

/* The report of results R[0..N) with the defaults but for FORMAT. */
static char *report_of(enum rk_report_format format,
		       const struct rk_vresult *r, size_t n)
{
	struct capture c;

	capture_begin(&c, format);
	for (size_t i = 0; i < n; i++)
		rk_report_add(&c.rep, &r[i]);
	return capture_end(&c);
}

static char *escaped(const char *s, enum rk_esc mode)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	rk_report_put(out, s, mode);
	fclose(out);
	return text;
}

/* Whether TEXT is valid UTF-8 holding no control character but '\n' and,
 * when TAB, '\t' (XML character data may hold both). */
static bool clean_but(const char *text, bool tab)
{
	size_t n = strlen(text), pos = 0;
	uint32_t cp;

	while (pos < n) {
		if (rk_utf8_decode(text, n, &pos, &cp) != RK_UTF8_OK)
			return false;
		if (cp == '\n' || (tab && cp == '\t'))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return false;
	}
	return true;
}

static bool clean(const char *text)
{
	return clean_but(text, false);
}

/* ---- formats and rules ------------------------------------------------ */

static void test_format_names(void)
{
	enum rk_report_format f;
	const char *names[] = { "text", "json", "junit", "sarif" };

	for (int i = 0; i < 4; i++) {
		UT_ASSERT_INT(rk_report_format_parse(names[i], &f), 0);
		UT_ASSERT_STR(rk_report_format_name(f), names[i]);
	}
	UT_ASSERT_INT(rk_report_format_parse("xml", &f), -1);
	UT_ASSERT_INT(rk_report_format_parse("", &f), -1);
	CU_ASSERT_PTR_NULL(rk_report_format_name((enum rk_report_format)9));
}

static void test_rules_described(void)
{
	for (int i = RK_RULE_OK + 1; i < RK_RULE_COUNT; i++) {
		const char *id = rk_rule_id((enum rk_rule)i);
		if (!rk_vrule_describe(id))
			UT_ASSERT_STR("(no description)", id);
	}
	for (size_t i = 0; rk_structure_rules[i]; i++)
		if (!rk_vrule_describe(rk_structure_rules[i]))
			UT_ASSERT_STR("(no description)", rk_structure_rules[i]);
	CU_ASSERT_PTR_NULL(rk_vrule_describe("value.ok"));
	CU_ASSERT_PTR_NULL(rk_vrule_describe("nonsense"));
}

/* ---- escaping --------------------------------------------------------- */

/* Every troublesome thing at once: quotes, backslash, markup, a tab, a
 * line break, a carriage return, C0, DEL, C1, an invalid byte, a truncated
 * sequence, U+2028, a noncharacter, and plain Japanese. */
static const char hostile[] =
	"a\"b\\c<&>'\t\n\r\x01\x7f\xc2\x85\xff\xe3\x81\xe2\x80\xa8\xef\xbf\xbe介護";

static void test_escape_text(void)
{
	char *s = escaped(hostile, RK_ESC_TEXT);
	UT_ASSERT_STR(s, "a\"b\\c<&>'\\x09\\x0A\\x0D\\x01\\x7F\\u0085\\xFF\\xE3\\x81\xe2\x80\xa8\xef\xbf\xbe介護");
	free(s);
}

static void test_escape_json(void)
{
	char *s = escaped(hostile, RK_ESC_JSON);
	UT_ASSERT_STR(s, "a\\\"b\\\\c<&>'\\t\\n\\r\\u0001\\u007F\\u0085\\\\xFF\\\\xE3\\\\x81\\u2028\xef\xbf\xbe介護");
	CU_ASSERT(clean(s));
	free(s);
}

static void test_escape_xml(void)
{
	char *s = escaped(hostile, RK_ESC_XML_TEXT);
	UT_ASSERT_STR(s, "a\"b\\c&lt;&amp;&gt;'\t\n&#13;\\x01\\x7F\\u0085\\xFF\\xE3\\x81\xe2\x80\xa8\\uFFFE介護");
	free(s);
	s = escaped(hostile, RK_ESC_XML_ATTR);
	UT_ASSERT_STR(s, "a&quot;b\\c&lt;&amp;&gt;'&#9;&#10;&#13;\\x01\\x7F\\u0085\\xFF\\xE3\\x81\xe2\x80\xa8\\uFFFE介護");
	CU_ASSERT(clean(s));
	free(s);
	s = escaped("", RK_ESC_XML_ATTR);
	UT_ASSERT_STR(s, "");
	free(s);
}

/* ---- text ------------------------------------------------------------- */

static void test_text(void)
{
	struct rk_vresult r[3];

	valid_result(&r[0], "out/a.xml");
	invalid_result(&r[1], "out/b.yaml");
	failed_result(&r[2], "out/c.xml");
	char *s = report_of(RK_REPORT_TEXT, r, 3);
	UT_ASSERT_STR(s,
		"out/a.xml: valid (R06, 2 records)\n"
		"out/b.yaml:12:7: error: kaigo_nintei[2]/care_level (要介護状態区分): expected a value of code(care_level), found \"07\" [value.code]\n"
		"out/b.yaml:20:3: error: record 3: revision R06 has no record 'foo' [structure.unknown-record]\n"
		"out/b.yaml: invalid (R06, 3 records, 2 errors)\n"
		"out/c.xml: error: cannot open: No such file or directory [payload.read]\n"
		"out/c.xml: not validated (could not be read)\n");
	free(s);
	for (int i = 0; i < 3; i++)
		rk_vresult_release(&r[i]);
}

static void test_text_quiet_color_capped(void)
{
	struct rk_vresult r;
	struct capture c;

	rk_vresult_init(&r, "x.xml", 2);
	r.records = 1;
	for (int i = 1; i <= 5; i++)
		add_error(&r, (uint32_t)i, 0, 1, "rec[1]/a", NULL, "value.flag",
			  "expected 0 or 1");
	capture_begin(&c, RK_REPORT_TEXT);
	c.rep.verdicts = false;
	rk_report_add(&c.rep, &r);
	char *s = capture_end(&c);
	UT_ASSERT_STR(s,
		"x.xml:1: error: rec[1]/a: expected 0 or 1 [value.flag]\n"
		"x.xml:2: error: rec[1]/a: expected 0 or 1 [value.flag]\n"
		"x.xml: note: 3 more errors not shown (--max-errors 2)\n");
	free(s);

	capture_begin(&c, RK_REPORT_TEXT);
	c.rep.color = true;
	rk_report_add(&c.rep, &r);
	s = capture_end(&c);
	UT_ASSERT_CONTAINS(s, "\033[1mx.xml:1:\033[0m \033[1;31merror:\033[0m rec[1]/a");
	UT_ASSERT_CONTAINS(s, "\033[1;31minvalid\033[0m (1 record, 5 errors)");
	free(s);
	rk_vresult_release(&r);
}

/* A terminal must never receive a raw escape sequence from a payload. */
static void test_text_hostile(void)
{
	struct rk_vresult r;

	rk_vresult_init(&r, "evil\033[2J.xml", 0);
	add_error(&r, 1, 1, 1, "a\nb", "\033]0;title\007", "value.code", hostile);
	char *s = report_of(RK_REPORT_TEXT, &r, 1);
	CU_ASSERT(clean(s));
	UT_ASSERT_CONTAINS(s, "evil\\x1B[2J.xml:1:1: error: a\\x0Ab (\\x1B]0;title\\x07): ");
	free(s);
	rk_vresult_release(&r);
}

static void test_summary(void)
{
	struct rk_report_totals t = { .files = 1, .records = 1, .errors = 1,
				      .invalid_files = 1 };
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	rk_report_print_summary(&t, 0.254, out);
	t = (struct rk_report_totals){ .files = 12, .records = 0, .errors = 0,
				       .failed_files = 2 };
	rk_report_print_summary(&t, 3, out);
	fclose(out);
	UT_ASSERT_STR(text, "1 file, 1 record, 1 error, 1 invalid file, 0.25 s\n"
		      "12 files, 0 records, 0 errors, 0 invalid files, 2 unreadable files, 3.00 s\n");
	free(text);
}

/* ---- json ------------------------------------------------------------- */

static void test_json_empty(void)
{
	char *s = report_of(RK_REPORT_JSON, NULL, 0);
	UT_ASSERT_STR(s,
		"{\n"
		"  \"report\": \"renkei-validate\",\n"
		"  \"report_version\": 1,\n"
		"  \"tool\": {\"name\": \"renkei\", \"version\": \"9.9.9\"},\n"
		"  \"files\": [],\n"
		"  \"summary\": {\"files\": 0, \"valid_files\": 0, \"invalid_files\": 0, \"failed_files\": 0, \"records\": 0, \"errors\": 0, \"bytes\": 0}\n"
		"}\n");
	free(s);
}

static void test_json(void)
{
	struct rk_vresult r[3];

	valid_result(&r[0], "a.xml");
	invalid_result(&r[1], "b.yaml");
	failed_result(&r[2], "c.xml");
	char *s = report_of(RK_REPORT_JSON, r, 3);
	UT_ASSERT_STR(s,
		"{\n"
		"  \"report\": \"renkei-validate\",\n"
		"  \"report_version\": 1,\n"
		"  \"tool\": {\"name\": \"renkei\", \"version\": \"9.9.9\"},\n"
		"  \"files\": [\n"
		"    {\n"
		"      \"name\": \"a.xml\",\n"
		"      \"format\": \"xml\",\n"
		"      \"revision\": \"R06\",\n"
		"      \"valid\": true,\n"
		"      \"failed\": false,\n"
		"      \"records\": 2,\n"
		"      \"bytes\": 512,\n"
		"      \"error_count\": 0,\n"
		"      \"errors\": []\n"
		"    },\n"
		"    {\n"
		"      \"name\": \"b.yaml\",\n"
		"      \"format\": \"yaml\",\n"
		"      \"revision\": \"R06\",\n"
		"      \"valid\": false,\n"
		"      \"failed\": false,\n"
		"      \"records\": 3,\n"
		"      \"bytes\": 1024,\n"
		"      \"error_count\": 2,\n"
		"      \"errors\": [\n"
		"        {\"line\": 12, \"col\": 7, \"record\": 2, \"path\": \"kaigo_nintei[2]/care_level\", \"label\": \"要介護状態区分\", \"rule\": \"value.code\", \"message\": \"expected a value of code(care_level), found \\\"07\\\"\"},\n"
		"        {\"line\": 20, \"col\": 3, \"record\": 3, \"path\": null, \"label\": null, \"rule\": \"structure.unknown-record\", \"message\": \"revision R06 has no record 'foo'\"}\n"
		"      ]\n"
		"    },\n"
		"    {\n"
		"      \"name\": \"c.xml\",\n"
		"      \"format\": null,\n"
		"      \"revision\": null,\n"
		"      \"valid\": false,\n"
		"      \"failed\": true,\n"
		"      \"records\": 0,\n"
		"      \"bytes\": 0,\n"
		"      \"error_count\": 1,\n"
		"      \"errors\": [\n"
		"        {\"line\": null, \"col\": null, \"record\": null, \"path\": null, \"label\": null, \"rule\": \"payload.read\", \"message\": \"cannot open: No such file or directory\"}\n"
		"      ]\n"
		"    }\n"
		"  ],\n"
		"  \"summary\": {\"files\": 3, \"valid_files\": 1, \"invalid_files\": 1, \"failed_files\": 1, \"records\": 5, \"errors\": 3, \"bytes\": 1536}\n"
		"}\n");
	free(s);
	for (int i = 0; i < 3; i++)
		rk_vresult_release(&r[i]);
}

static void test_json_hostile(void)
{
	struct rk_vresult r;

	rk_vresult_init(&r, "we\"ird\\\x01\xff.xml", 0);
	add_error(&r, 1, 2, 1, hostile, hostile, hostile, hostile);
	char *s = report_of(RK_REPORT_JSON, &r, 1);
	CU_ASSERT(clean(s));
	UT_ASSERT_CONTAINS(s, "\"name\": \"we\\\"ird\\\\\\u0001\\\\xFF.xml\"");
	UT_ASSERT_CONTAINS(s, "\"message\": \"a\\\"b\\\\c<&>'\\t\\n\\r\\u0001");
	free(s);
	rk_vresult_release(&r);
}

/* ---- junit ------------------------------------------------------------ */

/* Parses XML (fails the test when it is not well-formed) and, when the
 * shared schemas are beside the source tree, validates it. */
static void check_junit(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "junit.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR |
				      XML_PARSE_NOWARNING);
	CU_ASSERT_FATAL(doc != NULL);
	const char *top = getenv("top_srcdir");
	struct rk_buf path;
	rk_buf_init(&path);
	rk_buf_addf(&path, "%s/../shared/schemas/junit-10.xsd", top ? top : ".");
	FILE *f = fopen(path.s, "r");
	if (f) {
		fclose(f);
		xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path.s);
		xmlSchemaPtr schema = xmlSchemaParse(pc);
		CU_ASSERT_FATAL(schema != NULL);
		xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
		int status = xmlSchemaValidateDoc(vc, doc);
		if (status != 0)
			UT_ASSERT_STR(xml, "(valid against junit-10.xsd)");
		xmlSchemaFreeValidCtxt(vc);
		xmlSchemaFree(schema);
		xmlSchemaFreeParserCtxt(pc);
	}
	rk_buf_release(&path);
	xmlFreeDoc(doc);
}

static void test_junit_empty(void)
{
	char *s = report_of(RK_REPORT_JUNIT, NULL, 0);
	UT_ASSERT_STR(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<testsuites name=\"renkei validate\">\n</testsuites>\n");
	check_junit(s);
	free(s);
}

static void test_junit(void)
{
	struct rk_vresult r[3];

	valid_result(&r[0], "a.xml");
	invalid_result(&r[1], "b.yaml");
	failed_result(&r[2], "c.xml");
	char *s = report_of(RK_REPORT_JUNIT, r, 3);
	UT_ASSERT_STR(s,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"renkei validate\">\n"
		"  <testsuite name=\"a.xml\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"0\" file=\"a.xml\">\n"
		"    <properties>\n"
		"      <property name=\"format\" value=\"xml\"/>\n"
		"      <property name=\"revision\" value=\"R06\"/>\n"
		"      <property name=\"records\" value=\"2\"/>\n"
		"      <property name=\"bytes\" value=\"512\"/>\n"
		"      <property name=\"errors\" value=\"0\"/>\n"
		"    </properties>\n"
		"    <testcase name=\"document\" classname=\"a.xml\"/>\n"
		"    <testcase name=\"record 1\" classname=\"a.xml\"/>\n"
		"    <testcase name=\"record 2\" classname=\"a.xml\"/>\n"
		"  </testsuite>\n"
		"  <testsuite name=\"b.yaml\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"0\" file=\"b.yaml\">\n"
		"    <properties>\n"
		"      <property name=\"format\" value=\"yaml\"/>\n"
		"      <property name=\"revision\" value=\"R06\"/>\n"
		"      <property name=\"records\" value=\"3\"/>\n"
		"      <property name=\"bytes\" value=\"1024\"/>\n"
		"      <property name=\"errors\" value=\"2\"/>\n"
		"    </properties>\n"
		"    <testcase name=\"document\" classname=\"b.yaml\"/>\n"
		"    <testcase name=\"record 1\" classname=\"b.yaml\"/>\n"
		"    <testcase name=\"record 2\" classname=\"b.yaml\">\n"
		"      <failure message=\"kaigo_nintei[2]/care_level (要介護状態区分): expected a value of code(care_level), found &quot;07&quot;\" type=\"value.code\">b.yaml:12:7: error: kaigo_nintei[2]/care_level (要介護状態区分): expected a value of code(care_level), found \"07\" [value.code]</failure>\n"
		"    </testcase>\n"
		"    <testcase name=\"record 3\" classname=\"b.yaml\">\n"
		"      <failure message=\"record 3: revision R06 has no record 'foo'\" type=\"structure.unknown-record\">b.yaml:20:3: error: record 3: revision R06 has no record 'foo' [structure.unknown-record]</failure>\n"
		"    </testcase>\n"
		"  </testsuite>\n"
		"  <testsuite name=\"c.xml\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" file=\"c.xml\">\n"
		"    <properties>\n"
		"      <property name=\"records\" value=\"0\"/>\n"
		"      <property name=\"bytes\" value=\"0\"/>\n"
		"      <property name=\"errors\" value=\"1\"/>\n"
		"    </properties>\n"
		"    <testcase name=\"document\" classname=\"c.xml\">\n"
		"      <error message=\"cannot open: No such file or directory\" type=\"payload.read\">c.xml: error: cannot open: No such file or directory [payload.read]</error>\n"
		"    </testcase>\n"
		"  </testsuite>\n"
		"</testsuites>\n");
	check_junit(s);
	free(s);
	for (int i = 0; i < 3; i++)
		rk_vresult_release(&r[i]);
}

/* Errors out of record order still land in their record's testcase; the
 * records past the last error shown, when some were not, are skipped. */
static void test_junit_order_and_cap(void)
{
	struct rk_vresult r;

	rk_vresult_init(&r, "d.xml", 3);
	r.records = 5;
	add_error(&r, 9, 1, 3, "r[3]/a", NULL, "value.flag", "three");
	add_error(&r, 2, 1, 1, "r[1]/a", NULL, "value.flag", "one");
	add_error(&r, 1, 1, 0, NULL, NULL, "structure.revision", "doc");
	add_error(&r, 10, 1, 4, "r[4]/a", NULL, "value.flag", "hidden");
	char *s = report_of(RK_REPORT_JUNIT, &r, 1);
	UT_ASSERT_CONTAINS(s, "tests=\"6\" failures=\"3\" errors=\"0\" skipped=\"2\"");
	const char *doc = strstr(s, "message=\"doc\"");
	const char *one = strstr(s, "message=\"r[1]/a: one\"");
	const char *three = strstr(s, "message=\"r[3]/a: three\"");
	CU_ASSERT(doc && one && three && doc < one && one < three);
	UT_ASSERT_CONTAINS(s, "<testcase name=\"record 4\" classname=\"d.xml\">\n"
			   "      <skipped message=\"errors past --max-errors 3 are not reported\"/>\n");
	UT_ASSERT_CONTAINS(s, "<testcase name=\"record 2\" classname=\"d.xml\"/>");
	CU_ASSERT_PTR_NULL(strstr(s, "hidden"));
	check_junit(s);
	free(s);
	rk_vresult_release(&r);
}

static void test_junit_hostile(void)
{
	struct rk_vresult r;

	rk_vresult_init(&r, "<\"&'>\x01\xff.xml", 0);
	r.revision = rk_xstrdup(hostile);
	add_error(&r, 1, 2, 1, hostile, hostile, hostile, hostile);
	add_error(&r, 0, 0, 0, NULL, NULL, "x", "]]> </testsuite>");
	char *s = report_of(RK_REPORT_JUNIT, &r, 1);
	CU_ASSERT(clean_but(s, true));
	UT_ASSERT_CONTAINS(s, "name=\"&lt;&quot;&amp;'&gt;\\x01\\xFF.xml\"");
	check_junit(s);
	free(s);
	rk_vresult_release(&r);
}

/* ---- sarif ------------------------------------------------------------ */

static void test_sarif_empty(void)
{
	char *s = report_of(RK_REPORT_SARIF, NULL, 0);
	UT_ASSERT_CONTAINS(s, "\"version\": \"2.1.0\"");
	UT_ASSERT_CONTAINS(s, "\"name\": \"renkei\",\n          \"version\": \"9.9.9\"");
	UT_ASSERT_CONTAINS(s, "\"results\": [],\n");
	UT_ASSERT_CONTAINS(s, "{\"executionSuccessful\": true}");
	/* Every value rule is described, in the enum's order. */
	UT_ASSERT_CONTAINS(s, "{\"id\": \"value.utf8\", \"shortDescription\": {\"text\": \"the value is not valid UTF-8\"}");
	UT_ASSERT_CONTAINS(s, "{\"id\": \"value.type\"");
	CU_ASSERT(strstr(s, "\"value.utf8\"") < strstr(s, "\"value.control\""));
	free(s);
}

static void test_sarif(void)
{
	static const char *const extra[] = { "structure.missing", "value.code",
					     NULL };
	struct rk_vresult r[3];
	struct capture c;

	invalid_result(&r[0], "out dir/b.yaml");
	add_error(&r[0], 0, 0, 0, NULL, NULL, "made.up", "no rule index");
	r[0].max_errors = 3;
	r[0].total_errors = 7;
	failed_result(&r[1], "/abs/c.xml");
	valid_result(&r[2], "日本.xml");
	capture_open(&c, RK_REPORT_SARIF);
	c.rep.rules = extra;
	rk_report_begin(&c.rep);
	for (int i = 0; i < 3; i++)
		rk_report_add(&c.rep, &r[i]);
	char *s = capture_end(&c);
	/* value rules first (value.code is the 9th), then the extra ones
	 * not already there */
	UT_ASSERT_CONTAINS(s, "{\"id\": \"structure.missing\", \"shortDescription\"");
	UT_ASSERT_CONTAINS(s,
		"{\"ruleId\": \"value.code\", \"ruleIndex\": 8, \"level\": \"error\", "
		"\"message\": {\"text\": \"kaigo_nintei[2]/care_level (要介護状態区分): expected a value of code(care_level), found \\\"07\\\"\"}, "
		"\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"out%20dir/b.yaml\"}, "
		"\"region\": {\"startLine\": 12, \"startColumn\": 7}}, "
		"\"logicalLocations\": [{\"fullyQualifiedName\": \"kaigo_nintei[2]/care_level\", \"name\": \"care_level\"}]}], "
		"\"properties\": {\"record\": 2, \"label\": \"要介護状態区分\"}}");
	UT_ASSERT_CONTAINS(s, "{\"ruleId\": \"made.up\", \"level\": \"error\"");
	UT_ASSERT_CONTAINS(s, "\"uri\": \"file:///abs/c.xml\"");
	UT_ASSERT_CONTAINS(s, "{\"executionSuccessful\": false, \"toolExecutionNotifications\": [");
	UT_ASSERT_CONTAINS(s, "{\"level\": \"note\", \"message\": {\"text\": \"4 more errors not shown (--max-errors)\"}, "
			   "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"out%20dir/b.yaml\"}}}]}");
	CU_ASSERT_PTR_NULL(strstr(s, "日本"));   /* uris are percent-encoded */
	CU_ASSERT(clean(s));
	free(s);
	for (int i = 0; i < 3; i++)
		rk_vresult_release(&r[i]);
}

static void test_sarif_hostile(void)
{
	struct rk_vresult r;

	rk_vresult_init(&r, "a\"b\x01\xff", 0);
	add_error(&r, 1, 2, 1, hostile, hostile, hostile, hostile);
	char *s = report_of(RK_REPORT_SARIF, &r, 1);
	CU_ASSERT(clean(s));
	UT_ASSERT_CONTAINS(s, "\"uri\": \"a%22b%01%FF\"");
	free(s);
	rk_vresult_release(&r);
}

/* ---- many files ------------------------------------------------------- */

static void test_many_files(void)
{
	enum { N = 2000 };
	struct rk_vresult *r = rk_xcalloc(N, sizeof(*r));
	char names[N][16];

	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "f%04zu.xml", i);
		if (i % 3 == 0)
			invalid_result(&r[i], names[i]);
		else
			valid_result(&r[i], names[i]);
	}
	for (int f = RK_REPORT_TEXT; f <= RK_REPORT_SARIF; f++) {
		struct capture c;
		capture_begin(&c, (enum rk_report_format)f);
		for (size_t i = 0; i < N; i++)
			rk_report_add(&c.rep, &r[i]);
		struct rk_report_totals t = c.rep.totals;
		char *s = capture_end(&c);
		UT_ASSERT_INT(t.files, N);
		UT_ASSERT_INT(t.invalid_files, (N + 2) / 3);
		UT_ASSERT_INT(t.valid_files, N - (N + 2) / 3);
		UT_ASSERT_INT(t.errors, 2 * ((N + 2) / 3));
		UT_ASSERT_INT(t.records, 3 * ((N + 2) / 3) + 2 * (N - (N + 2) / 3));
		UT_ASSERT_CONTAINS(s, "f1998.xml");
		CU_ASSERT(clean(s));
		if (f == RK_REPORT_JUNIT)
			check_junit(s);
		if (f == RK_REPORT_JSON)
			UT_ASSERT_CONTAINS(s, "\"summary\": {\"files\": 2000, \"valid_files\": 1333, \"invalid_files\": 667");
		free(s);
	}
	for (size_t i = 0; i < N; i++)
		rk_vresult_release(&r[i]);
	free(r);
}

/* The same results give the same bytes, whatever happened in between. */
static void test_deterministic(void)
{
	struct rk_vresult r[2];

	invalid_result(&r[0], "a.xml");
	failed_result(&r[1], "b.xml");
	for (int f = RK_REPORT_TEXT; f <= RK_REPORT_SARIF; f++) {
		char *a = report_of((enum rk_report_format)f, r, 2);
		char *b = report_of((enum rk_report_format)f, r, 2);
		UT_ASSERT_STR(a, b);
		free(a);
		free(b);
	}
	for (int i = 0; i < 2; i++)
		rk_vresult_release(&r[i]);
}

static const struct ut_test basics[] = {
	{ "format names", test_format_names },
	{ "every rule described", test_rules_described },
	{ "escape: text", test_escape_text },
	{ "escape: json", test_escape_json },
	{ "escape: xml", test_escape_xml },
	{ "summary line", test_summary },
	{ "deterministic", test_deterministic },
	{ "many files", test_many_files },
	{ NULL, NULL }
};

static const struct ut_test text[] = {
	{ "verdicts and errors", test_text },
	{ "quiet, colour, capped", test_text_quiet_color_capped },
	{ "hostile strings", test_text_hostile },
	{ NULL, NULL }
};

static const struct ut_test json[] = {
	{ "empty", test_json_empty },
	{ "three files", test_json },
	{ "hostile strings", test_json_hostile },
	{ NULL, NULL }
};

static const struct ut_test junit[] = {
	{ "empty", test_junit_empty },
	{ "three files", test_junit },
	{ "order and cap", test_junit_order_and_cap },
	{ "hostile strings", test_junit_hostile },
	{ NULL, NULL }
};

static const struct ut_test sarif[] = {
	{ "empty", test_sarif_empty },
	{ "results, uris, notes", test_sarif },
	{ "hostile strings", test_sarif_hostile },
	{ NULL, NULL }
};

static const struct ut_suite suites[] = {
	{ "vreport", basics },
	{ "vreport text", text },
	{ "vreport json", json },
	{ "vreport junit", junit },
	{ "vreport sarif", sarif },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	int status = ut_main(argc, argv, suites);
	xmlCleanupParser();
	return status;
}
