/*
 * vreport_json.c: the JSON report (its schema: docs/validate-report.schema.json)
 * and the SARIF 2.1.0 log.  Both are written as they go, one file at a
 * time, with one error (or result) per line so that the output diffs and
 * greps well; neither holds a time or anything else that changes between
 * two runs on the same input.
 */
#include "vreport_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <renkei/value.h>

/* The version of the JSON report's schema: raised on any change to it. */
#define JSON_REPORT_VERSION 1

/* A count that is 0 when unknown: a number, or null. */
static void json_count(FILE *out, uint64_t n)
{
	if (n)
		fprintf(out, "%" PRIu64, n);
	else
		fputs("null", out);
}

/* ---- json ------------------------------------------------------------- */

void rk_report_json_begin(struct rk_report *rep)
{
	FILE *out = rep->out;

	fprintf(out, "{\n  \"report\": \"renkei-validate\",\n"
		"  \"report_version\": %d,\n"
		"  \"tool\": {\"name\": \"renkei\", \"version\": ",
		JSON_REPORT_VERSION);
	rk_report_json_string(out, rep->version);
	fputs("},\n  \"files\": [", out);
}

static void json_error(FILE *out, const struct rk_verror *e)
{
	fputs("{\"line\": ", out);
	json_count(out, e->line);
	fputs(", \"col\": ", out);
	json_count(out, e->col);
	fputs(", \"record\": ", out);
	json_count(out, e->record);
	fputs(", \"path\": ", out);
	rk_report_json_string(out, rk_verror_has_path(e) ? e->path : NULL);
	fputs(", \"label\": ", out);
	rk_report_json_string(out, e->label && e->label[0] ? e->label : NULL);
	fputs(", \"rule\": ", out);
	rk_report_json_string(out, e->rule ? e->rule : "unknown");
	fputs(", \"message\": ", out);
	rk_report_json_string(out, e->message ? e->message : "");
	fputc('}', out);
}

void rk_report_json_add(struct rk_report *rep, const struct rk_vresult *r)
{
	FILE *out = rep->out;

	fputs(rep->n_added ? ",\n    {\n      \"name\": " : "\n    {\n      \"name\": ",
	      out);
	rk_report_json_string(out, r->name ? r->name : "<unnamed>");
	fputs(",\n      \"format\": ", out);
	rk_report_json_string(out, rk_report_payload_format(r->format));
	fputs(",\n      \"revision\": ", out);
	rk_report_json_string(out, r->revision);
	fprintf(out, ",\n      \"valid\": %s,\n      \"failed\": %s,\n"
		"      \"records\": %zu,\n      \"bytes\": %" PRIu64 ",\n"
		"      \"error_count\": %zu,\n      \"errors\": [",
		rk_vresult_valid(r) ? "true" : "false",
		r->failed ? "true" : "false", r->records, r->bytes,
		r->total_errors < r->n_errors ? r->n_errors : r->total_errors);
	for (size_t i = 0; i < r->n_errors; i++) {
		fputs(i ? ",\n        " : "\n        ", out);
		json_error(out, &r->errors[i]);
	}
	fputs(r->n_errors ? "\n      ]\n    }" : "]\n    }", out);
}

void rk_report_json_end(struct rk_report *rep)
{
	const struct rk_report_totals *t = &rep->totals;

	fputs(rep->n_added ? "\n  ],\n" : "],\n", rep->out);
	fprintf(rep->out,
		"  \"summary\": {\"files\": %zu, \"valid_files\": %zu, "
		"\"invalid_files\": %zu, \"failed_files\": %zu, "
		"\"records\": %zu, \"errors\": %zu, \"bytes\": %" PRIu64 "}\n}\n",
		t->files, t->valid_files, t->invalid_files, t->failed_files,
		t->records, t->errors, t->bytes);
}

/* ---- sarif ------------------------------------------------------------ */

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static void add_rule(struct rk_report *rep, size_t *cap, const char *id)
{
	for (size_t i = 0; i < rep->n_rules; i++)
		if (strcmp(rep->rule_ids[i], id) == 0)
			return;
	RK_GROW(rep->rule_ids, rep->n_rules, *cap);
	rep->rule_ids[rep->n_rules++] = id;
}

/* rules[]: the value rules in their enum's order, then REP->rules. */
static void collect_rules(struct rk_report *rep)
{
	size_t cap = 0;

	rep->n_rules = 0;
	for (int i = RK_RULE_OK + 1; i < RK_RULE_COUNT; i++)
		add_rule(rep, &cap, rk_rule_id((enum rk_rule)i));
	for (size_t i = 0; rep->rules && rep->rules[i]; i++)
		add_rule(rep, &cap, rep->rules[i]);
}

void rk_report_sarif_begin(struct rk_report *rep)
{
	FILE *out = rep->out;

	collect_rules(rep);
	fputs("{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n"
	      "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	      "      \"tool\": {\n        \"driver\": {\n"
	      "          \"name\": \"renkei\",\n          \"version\": ", out);
	rk_report_json_string(out, rep->version);
	fputs(",\n          \"rules\": [", out);
	for (size_t i = 0; i < rep->n_rules; i++) {
		const char *text = rk_vrule_describe(rep->rule_ids[i]);
		fputs(i ? ",\n            {\"id\": " : "\n            {\"id\": ", out);
		rk_report_json_string(out, rep->rule_ids[i]);
		fputs(", \"shortDescription\": {\"text\": ", out);
		rk_report_json_string(out, text ? text : rep->rule_ids[i]);
		fputs("}, \"defaultConfiguration\": {\"level\": \"error\"}}", out);
	}
	fputs(rep->n_rules ? "\n          ]\n" : "]\n", out);
	fputs("        }\n      },\n"
	      "      \"columnKind\": \"unicodeCodePoints\",\n"
	      "      \"results\": [", out);
}

static bool uri_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~' || c == '/';
}

/*
 * NAME as a URI reference: a relative path stays relative (percent-encoded),
 * an absolute one becomes a file: URI.  Every byte outside the unreserved
 * set is encoded, so the result is plain ASCII whatever NAME holds.
 */
static void sarif_uri(FILE *out, const char *name)
{
	putc('"', out);
	if (name[0] == '/')
		fputs("file://", out);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (uri_unreserved(*p))
			putc(*p, out);
		else
			fprintf(out, "%%%02X", *p);
	putc('"', out);
}

static long rule_index(const struct rk_report *rep, const char *id)
{
	for (size_t i = 0; i < rep->n_rules; i++)
		if (strcmp(rep->rule_ids[i], id) == 0)
			return (long)i;
	return -1;
}

static void sarif_location(FILE *out, const struct rk_vresult *r,
			   const struct rk_verror *e)
{
	fputs("\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ",
	      out);
	sarif_uri(out, r->name ? r->name : "<unnamed>");
	fputc('}', out);
	if (e && e->line) {
		fprintf(out, ", \"region\": {\"startLine\": %" PRIu32, e->line);
		if (e->col)
			fprintf(out, ", \"startColumn\": %" PRIu32, e->col);
		fputc('}', out);
	}
	fputc('}', out);
	if (e && rk_verror_has_path(e)) {
		const char *name = strrchr(e->path, '/');
		fputs(", \"logicalLocations\": [{\"fullyQualifiedName\": ", out);
		rk_report_json_string(out, e->path);
		fputs(", \"name\": ", out);
		rk_report_json_string(out, name ? name + 1 : e->path);
		fputc('}', out);
		fputc(']', out);
	}
	fputs("}]", out);
}

static void sarif_result(struct rk_report *rep, const struct rk_vresult *r,
			 const struct rk_verror *e, struct rk_buf *b)
{
	FILE *out = rep->out;
	const char *rule = e->rule ? e->rule : "unknown";
	long index = rule_index(rep, rule);

	fputs(rep->n_results++ ? ",\n        {\"ruleId\": " :
	      "\n        {\"ruleId\": ", out);
	rk_report_json_string(out, rule);
	if (index >= 0)
		fprintf(out, ", \"ruleIndex\": %ld", index);
	fputs(", \"level\": \"error\", \"message\": {\"text\": ", out);
	b->len = 0;
	rk_report_error_text(b, e);
	rk_report_json_string(out, b->s);
	fputs("}, ", out);
	sarif_location(out, r, e);
	if (e->record || (e->label && e->label[0])) {
		fputs(", \"properties\": {", out);
		if (e->record)
			fprintf(out, "\"record\": %zu", e->record);
		if (e->label && e->label[0]) {
			fputs(e->record ? ", \"label\": " : "\"label\": ", out);
			rk_report_json_string(out, e->label);
		}
		fputc('}', out);
	}
	fputc('}', out);
}

void rk_report_sarif_add(struct rk_report *rep, const struct rk_vresult *r)
{
	struct rk_buf b;
	size_t hidden = rk_vresult_hidden(r);

	rk_buf_init(&b);
	for (size_t i = 0; i < r->n_errors; i++)
		sarif_result(rep, r, &r->errors[i], &b);
	rk_buf_release(&b);
	if (r->failed)
		rep->any_failed = true;
	if (hidden) {
		RK_GROW(rep->notes, rep->n_notes, rep->cap_notes);
		struct rk_report_note *note = &rep->notes[rep->n_notes++];
		note->name = rk_xstrdup(r->name ? r->name : "<unnamed>");
		note->hidden = hidden;
	}
}

void rk_report_sarif_end(struct rk_report *rep)
{
	FILE *out = rep->out;

	fputs(rep->n_results ? "\n      ],\n" : "],\n", out);
	fprintf(out, "      \"invocations\": [\n        {\"executionSuccessful\": %s",
		rep->any_failed ? "false" : "true");
	if (rep->n_notes) {
		fputs(", \"toolExecutionNotifications\": [", out);
		for (size_t i = 0; i < rep->n_notes; i++) {
			char msg[128];
			snprintf(msg, sizeof(msg),
				 "%zu more %s not shown (--max-errors)",
				 rep->notes[i].hidden,
				 rep->notes[i].hidden == 1 ? "error" : "errors");
			fputs(i ? ",\n          " : "\n          ", out);
			fputs("{\"level\": \"note\", \"message\": {\"text\": ", out);
			rk_report_json_string(out, msg);
			fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ",
			      out);
			sarif_uri(out, rep->notes[i].name);
			fputs("}}}]}", out);
		}
		fputs("\n        ]", out);
	}
	fputs("}\n      ]\n    }\n  ]\n}\n", out);
}
