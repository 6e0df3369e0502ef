/*
 * vreport_junit.c: the JUnit XML report, in the dialect CI servers read
 * (the schema of Jenkins' xUnit plugin, junit-10.xsd).
 *
 * One <testsuite> per payload file, named by the file; in it, a testcase
 * "document" for what concerns the file as a whole (well-formedness, the
 * root, the revision: errors outside any record), then a testcase
 * "record N" for each record, in order.  Each error is a <failure> of its
 * testcase, typed by its rule id; a file that could not be read has an
 * <error> instead.  When --max-errors cut the list short, the records after
 * the last error shown are <skipped>: they may hold errors not reported.
 * No time attributes: the report depends on the input alone.
 */
#include "vreport_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void rk_report_junit_begin(struct rk_report *rep)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<testsuites name=\"renkei validate\">\n", rep->out);
}

void rk_report_junit_end(struct rk_report *rep)
{
	fputs("</testsuites>\n", rep->out);
}

/* The errors of one file in record order (stable), and what they add up
 * to, testcase by testcase. */
struct suite {
	const struct rk_vresult *r;
	size_t *order;               /* indexes into r->errors */
	size_t n_cases;              /* record testcases */
	size_t last_shown;           /* the last record with an error shown */
	bool hidden;                 /* errors past --max-errors */
	size_t failures, errors, skipped;
};

static const struct rk_verror *err_at(const struct suite *s, size_t i)
{
	return &s->r->errors[s->order[i]];
}

/* Insertion sort by record, keeping the validator's order within one:
 * the errors arrive sorted already, so this is one pass in practice. */
static void sort_errors(struct suite *s)
{
	const struct rk_vresult *r = s->r;

	s->order = rk_xcalloc(r->n_errors, sizeof(*s->order));
	for (size_t i = 0; i < r->n_errors; i++) {
		size_t j = i;
		while (j > 0 && r->errors[s->order[j - 1]].record >
				       r->errors[i].record) {
			s->order[j] = s->order[j - 1];
			j--;
		}
		s->order[j] = i;
	}
}

/* Whether testcase RECORD (0: the document) is skipped. */
static bool case_skipped(const struct suite *s, size_t record)
{
	return s->hidden && record > s->last_shown;
}

static void tally(struct suite *s)
{
	const struct rk_vresult *r = s->r;
	size_t prev = SIZE_MAX;

	s->n_cases = r->records;
	s->hidden = rk_vresult_hidden(r) > 0;
	for (size_t i = 0; i < r->n_errors; i++) {
		const struct rk_verror *e = err_at(s, i);
		if (e->record > s->n_cases)
			s->n_cases = e->record;
		if (e->record > s->last_shown)
			s->last_shown = e->record;
		if (e->record == prev)
			continue;
		prev = e->record;
		if (r->failed && e->record == 0)
			s->errors++;
		else
			s->failures++;
	}
	for (size_t k = 1; k <= s->n_cases; k++)
		if (case_skipped(s, k))
			s->skipped++;
}

static void attr(FILE *out, const char *name, const char *value)
{
	fprintf(out, " %s=\"", name);
	rk_report_put(out, value, RK_ESC_XML_ATTR);
	putc('"', out);
}

static void property(FILE *out, const char *name, const char *value)
{
	if (!value)
		return;
	fputs("      <property", out);
	attr(out, "name", name);
	attr(out, "value", value);
	fputs("/>\n", out);
}

static void properties(FILE *out, const struct rk_vresult *r)
{
	char num[32];

	fputs("    <properties>\n", out);
	property(out, "format", rk_report_payload_format(r->format));
	property(out, "revision", r->revision);
	snprintf(num, sizeof(num), "%zu", r->records);
	property(out, "records", num);
	snprintf(num, sizeof(num), "%" PRIu64, r->bytes);
	property(out, "bytes", num);
	snprintf(num, sizeof(num), "%zu", r->total_errors);
	property(out, "errors", num);
	fputs("    </properties>\n", out);
}

static void failure(FILE *out, const struct rk_vresult *r,
		    const struct rk_verror *e, struct rk_buf *b)
{
	const char *element = r->failed && e->record == 0 ? "error" : "failure";
	const char *rule = e->rule ? e->rule : "unknown";

	fprintf(out, "      <%s", element);
	b->len = 0;
	rk_report_error_text(b, e);
	attr(out, "message", b->s);
	attr(out, "type", rule);
	putc('>', out);
	b->len = 0;
	rk_report_error_where(b, r, e);
	rk_buf_adds(b, ": error: ");
	rk_report_error_text(b, e);
	rk_buf_addf(b, " [%s]", rule);
	rk_report_put(out, b->s, RK_ESC_XML_TEXT);
	fprintf(out, "</%s>\n", element);
}

/* Writes testcase RECORD with its errors from *NEXT on; moves *NEXT past
 * them. */
static void testcase(FILE *out, const struct suite *s, size_t record,
		     size_t *next, struct rk_buf *b)
{
	const struct rk_vresult *r = s->r;
	char name[40];

	if (record)
		snprintf(name, sizeof(name), "record %zu", record);
	else
		snprintf(name, sizeof(name), "document");
	fputs("    <testcase", out);
	attr(out, "name", name);
	attr(out, "classname", r->name ? r->name : "<unnamed>");
	bool open = *next < r->n_errors && err_at(s, *next)->record == record;
	if (!open && !case_skipped(s, record)) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	for (; *next < r->n_errors && err_at(s, *next)->record == record; ++*next)
		failure(out, r, err_at(s, *next), b);
	if (!open)
		fprintf(out, "      <skipped message=\"errors past --max-errors %zu are not reported\"/>\n",
			r->max_errors);
	fputs("    </testcase>\n", out);
}

void rk_report_junit_add(struct rk_report *rep, const struct rk_vresult *r)
{
	FILE *out = rep->out;
	struct suite s = { .r = r };
	struct rk_buf b;
	size_t next = 0;

	sort_errors(&s);
	tally(&s);
	fputs("  <testsuite", out);
	attr(out, "name", r->name ? r->name : "<unnamed>");
	fprintf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\"",
		s.n_cases + 1, s.failures, s.errors, s.skipped);
	attr(out, "file", r->name ? r->name : "<unnamed>");
	fputs(">\n", out);
	properties(out, r);
	rk_buf_init(&b);
	for (size_t k = 0; k <= s.n_cases; k++)
		testcase(out, &s, k, &next, &b);
	rk_buf_release(&b);
	fputs("  </testsuite>\n", out);
	free(s.order);
}
