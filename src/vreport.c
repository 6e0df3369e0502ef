/*
 * vreport.c: what every report format shares (escaping, the wording of an
 * error, the totals, the rule descriptions, the closing summary), the
 * dispatch to the formats, and the text format itself: one GCC-style line
 * per error, a note when errors were left out, and a verdict per file.
 */
#include "config.h"

#include "vreport_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <renkei/utf8.h>
#include <renkei/value.h>

static const char *const format_names[] = { "text", "json", "junit", "sarif" };

int rk_report_format_parse(const char *name, enum rk_report_format *format)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names); i++)
		if (strcmp(name, format_names[i]) == 0) {
			*format = (enum rk_report_format)i;
			return 0;
		}
	return -1;
}

const char *rk_report_format_name(enum rk_report_format format)
{
	return (unsigned)format < sizeof(format_names) / sizeof(*format_names) ?
	       format_names[format] : NULL;
}

const char *rk_report_payload_format(enum rk_payload_format format)
{
	return format == RK_PAYLOAD_XML ? "xml" :
	       format == RK_PAYLOAD_YAML ? "yaml" : NULL;
}

/* ---- rule descriptions ------------------------------------------------ */

static const struct {
	const char *id, *text;
} rule_texts[] = {
	{ "value.utf8", "the value is not valid UTF-8" },
	{ "value.control", "the value holds a control character (a tab, a line break...)" },
	{ "value.length", "the value has too few or too many characters" },
	{ "value.charset", "the value holds a character its type does not allow" },
	{ "value.format", "the value does not have its type's shape (number, date, wareki...)" },
	{ "value.date", "the date does not exist in the calendar" },
	{ "value.era", "a wareki date with an unknown era, or outside its era" },
	{ "value.flag", "a flag is not 0 or 1" },
	{ "value.code", "the value is not one of its code table's values" },
	{ "value.check-digit", "the check digit is wrong (mynumber, lgcode, insurer)" },
	{ "value.precision", "a number has too many digits before the decimal point" },
	{ "value.scale", "a number has too many digits after the decimal point" },
	{ "value.sign", "a minus sign on a number that is not signed" },
	{ "value.type", "internal: the item's type is inconsistent" },
	{ "structure.unknown-record", "a record the revision does not have" },
	{ "structure.unknown", "an element or key the layout does not have there" },
	{ "structure.order", "an element out of layout order (XML)" },
	{ "structure.missing", "fewer occurrences of an item or group than the layout requires" },
	{ "structure.too-many", "more occurrences of an item or group than the layout allows" },
	{ "structure.text", "text directly inside a record or group" },
	{ "structure.nested", "an element or mapping inside an item" },
	{ "structure.shape", "the wrong kind of node: a scalar for a group, a mapping for an item (YAML)" },
	{ "structure.attribute", "an attribute other than revision on the root (XML)" },
	{ "structure.revision", "the payload names no revision, or one not at hand (-l, --layouts)" },
	{ "structure.duplicate-key", "a key given twice in one mapping (YAML)" },
	{ "structure.capacity", "more occurrences of a `*` member than a generated struct holds (generated readers only)" },
	{ "xml.syntax", "the payload is not well-formed XML" },
	{ "xml.doctype", "a DOCTYPE: DTDs and entities are refused" },
	{ "yaml.syntax", "the payload is not well-formed YAML or JSON" },
	{ "yaml.alias", "a YAML anchor or alias: they are refused" },
	{ "payload.read", "the payload could not be read" },
};

const char *rk_vrule_describe(const char *id)
{
	for (size_t i = 0; i < sizeof(rule_texts) / sizeof(*rule_texts); i++)
		if (strcmp(rule_texts[i].id, id) == 0)
			return rule_texts[i].text;
	return NULL;
}

/* ---- escaping --------------------------------------------------------- */

/*
 * What to write instead of code point CP in MODE, or NULL to write it as
 * it is.  BUF (16 bytes) holds numeric escapes.
 */
static const char *escape_for(uint32_t cp, enum rk_esc mode, char *buf)
{
	bool xml = mode == RK_ESC_XML_TEXT || mode == RK_ESC_XML_ATTR;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		if (mode == RK_ESC_JSON) {
			if (cp == '\n')
				return "\\n";
			if (cp == '\t')
				return "\\t";
			if (cp == '\r')
				return "\\r";
			snprintf(buf, 16, "\\u%04X", (unsigned)cp);
			return buf;
		}
		if (xml && cp == '\r')
			return "&#13;";
		if (mode == RK_ESC_XML_TEXT && (cp == '\t' || cp == '\n'))
			return NULL;
		if (mode == RK_ESC_XML_ATTR && cp == '\t')
			return "&#9;";
		if (mode == RK_ESC_XML_ATTR && cp == '\n')
			return "&#10;";
		snprintf(buf, 16, cp < 0x80 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
		return buf;
	}
	switch (cp) {
	case '"':
		return mode == RK_ESC_JSON ? "\\\"" :
		       mode == RK_ESC_XML_ATTR ? "&quot;" : NULL;
	case '\\':
		return mode == RK_ESC_JSON ? "\\\\" : NULL;
	case '&':
		return xml ? "&amp;" : NULL;
	case '<':
		return xml ? "&lt;" : NULL;
	case '>':
		return xml ? "&gt;" : NULL;
	case 0x2028:
	case 0x2029:
		/* Valid JSON, but not valid JavaScript in older engines. */
		if (mode != RK_ESC_JSON)
			return NULL;
		snprintf(buf, 16, "\\u%04X", (unsigned)cp);
		return buf;
	case 0xFFFE:
	case 0xFFFF:
		/* Not XML characters at all. */
		if (!xml)
			return NULL;
		snprintf(buf, 16, "\\u%04X", (unsigned)cp);
		return buf;
	}
	return NULL;
}

void rk_report_put(FILE *out, const char *s, enum rk_esc mode)
{
	char buf[16];
	size_t n, pos = 0, run = 0;

	if (!s)
		return;
	n = strlen(s);
	while (pos < n) {
		size_t start = pos;
		uint32_t cp;
		const char *esc;

		if (rk_utf8_decode(s, n, &pos, &cp) != RK_UTF8_OK) {
			pos = start + 1;
			snprintf(buf, sizeof(buf),
				 mode == RK_ESC_JSON ? "\\\\x%02X" : "\\x%02X",
				 (unsigned char)s[start]);
			esc = buf;
		} else {
			esc = escape_for(cp, mode, buf);
		}
		if (!esc)
			continue;
		fwrite(s + run, 1, start - run, out);
		fputs(esc, out);
		run = pos;
	}
	fwrite(s + run, 1, n - run, out);
}

void rk_report_json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	putc('"', out);
	rk_report_put(out, s, RK_ESC_JSON);
	putc('"', out);
}

/* ---- the wording of an error ------------------------------------------ */

void rk_report_error_text(struct rk_buf *b, const struct rk_verror *e)
{
	if (rk_verror_has_path(e)) {
		rk_buf_adds(b, e->path);
		if (e->label && e->label[0])
			rk_buf_addf(b, " (%s)", e->label);
		rk_buf_adds(b, ": ");
	} else if (e->record) {
		rk_buf_addf(b, "record %zu: ", e->record);
	}
	rk_buf_adds(b, e->message ? e->message : "error");
}

void rk_report_error_where(struct rk_buf *b, const struct rk_vresult *r,
			   const struct rk_verror *e)
{
	rk_buf_adds(b, r->name ? r->name : "<unnamed>");
	if (e && e->line) {
		rk_buf_addf(b, ":%" PRIu32, e->line);
		if (e->col)
			rk_buf_addf(b, ":%" PRIu32, e->col);
	}
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* ---- text ------------------------------------------------------------- */

struct colors {
	const char *bold, *error, *note, *good, *reset;
};

static struct colors colors_of(const struct rk_report *rep)
{
	struct colors c = { "", "", "", "", "" };

	if (rep->color) {
		c.bold = "\033[1m";
		c.error = "\033[1;31m";
		c.note = "\033[1;36m";
		c.good = "\033[1;32m";
		c.reset = "\033[0m";
	}
	return c;
}

static void text_error(const struct rk_report *rep, const struct rk_vresult *r,
		       const struct rk_verror *e, struct rk_buf *b)
{
	struct colors c = colors_of(rep);

	b->len = 0;
	rk_report_error_where(b, r, e);
	fputs(c.bold, rep->out);
	rk_report_put(rep->out, b->s, RK_ESC_TEXT);
	fprintf(rep->out, ":%s %serror:%s ", c.reset, c.error, c.reset);
	b->len = 0;
	rk_report_error_text(b, e);
	rk_report_put(rep->out, b->s, RK_ESC_TEXT);
	fputs(" [", rep->out);
	rk_report_put(rep->out, e->rule ? e->rule : "unknown", RK_ESC_TEXT);
	fputs("]\n", rep->out);
}

static void text_verdict(const struct rk_report *rep,
			 const struct rk_vresult *r)
{
	struct colors c = colors_of(rep);
	FILE *out = rep->out;

	fputs(c.bold, out);
	rk_report_put(out, r->name ? r->name : "<unnamed>", RK_ESC_TEXT);
	fprintf(out, ":%s ", c.reset);
	if (r->failed)
		fprintf(out, "%snot validated%s (could not be read", c.error,
			c.reset);
	else if (rk_vresult_valid(r))
		fprintf(out, "%svalid%s (", c.good, c.reset);
	else
		fprintf(out, "%sinvalid%s (", c.error, c.reset);
	if (!r->failed) {
		if (r->revision) {
			rk_report_put(out, r->revision, RK_ESC_TEXT);
			fputs(", ", out);
		}
		fprintf(out, "%zu %s", r->records,
			plural(r->records, "record", "records"));
	}
	if (r->total_errors && !(r->failed && r->total_errors == 1))
		fprintf(out, ", %zu %s", r->total_errors,
			plural(r->total_errors, "error", "errors"));
	fputs(")\n", out);
}

static void text_add(struct rk_report *rep, const struct rk_vresult *r)
{
	struct colors c = colors_of(rep);
	struct rk_buf b;
	size_t hidden = rk_vresult_hidden(r);

	rk_buf_init(&b);
	for (size_t i = 0; i < r->n_errors; i++)
		text_error(rep, r, &r->errors[i], &b);
	rk_buf_release(&b);
	if (hidden) {
		fputs(c.bold, rep->out);
		rk_report_put(rep->out, r->name ? r->name : "<unnamed>",
			      RK_ESC_TEXT);
		fprintf(rep->out, ":%s %snote:%s %zu more %s not shown (--max-errors %zu)\n",
			c.reset, c.note, c.reset, hidden,
			plural(hidden, "error", "errors"), r->max_errors);
	}
	if (rep->verdicts)
		text_verdict(rep, r);
}

/* ---- the report ------------------------------------------------------- */

void rk_report_init(struct rk_report *rep, enum rk_report_format format,
		    FILE *out)
{
	memset(rep, 0, sizeof(*rep));
	rep->format = format;
	rep->out = out;
	rep->verdicts = true;
	rep->version = PACKAGE_VERSION;
}

void rk_report_begin(struct rk_report *rep)
{
	memset(&rep->totals, 0, sizeof(rep->totals));
	rep->n_added = rep->n_results = 0;
	rep->any_failed = false;
	switch (rep->format) {
	case RK_REPORT_TEXT:
		break;
	case RK_REPORT_JSON:
		rk_report_json_begin(rep);
		break;
	case RK_REPORT_JUNIT:
		rk_report_junit_begin(rep);
		break;
	case RK_REPORT_SARIF:
		rk_report_sarif_begin(rep);
		break;
	}
}

static void count(struct rk_report_totals *t, const struct rk_vresult *r)
{
	t->files++;
	if (r->failed)
		t->failed_files++;
	else if (rk_vresult_valid(r))
		t->valid_files++;
	else
		t->invalid_files++;
	t->records += r->records;
	t->errors += r->total_errors;
	t->bytes += r->bytes;
}

void rk_report_add(struct rk_report *rep, const struct rk_vresult *r)
{
	count(&rep->totals, r);
	switch (rep->format) {
	case RK_REPORT_TEXT:
		text_add(rep, r);
		break;
	case RK_REPORT_JSON:
		rk_report_json_add(rep, r);
		break;
	case RK_REPORT_JUNIT:
		rk_report_junit_add(rep, r);
		break;
	case RK_REPORT_SARIF:
		rk_report_sarif_add(rep, r);
		break;
	}
	rep->n_added++;
}

int rk_report_end(struct rk_report *rep)
{
	switch (rep->format) {
	case RK_REPORT_TEXT:
		break;
	case RK_REPORT_JSON:
		rk_report_json_end(rep);
		break;
	case RK_REPORT_JUNIT:
		rk_report_junit_end(rep);
		break;
	case RK_REPORT_SARIF:
		rk_report_sarif_end(rep);
		break;
	}
	for (size_t i = 0; i < rep->n_notes; i++)
		free(rep->notes[i].name);
	free(rep->notes);
	free(rep->rule_ids);
	rep->notes = NULL;
	rep->rule_ids = NULL;
	rep->n_notes = rep->cap_notes = rep->n_rules = 0;
	return fflush(rep->out) != 0 || ferror(rep->out) ? -1 : 0;
}

int rk_report_write(struct rk_report *rep, const struct rk_vresult *results,
		    size_t n)
{
	rk_report_begin(rep);
	for (size_t i = 0; i < n; i++)
		rk_report_add(rep, &results[i]);
	return rk_report_end(rep);
}

void rk_report_print_summary(const struct rk_report_totals *t,
			     double seconds, FILE *out)
{
	fprintf(out, "%zu %s, %zu %s, %zu %s, %zu invalid %s", t->files,
		plural(t->files, "file", "files"), t->records,
		plural(t->records, "record", "records"), t->errors,
		plural(t->errors, "error", "errors"), t->invalid_files,
		plural(t->invalid_files, "file", "files"));
	if (t->failed_files)
		fprintf(out, ", %zu unreadable %s", t->failed_files,
			plural(t->failed_files, "file", "files"));
	fprintf(out, ", %.2f s\n", seconds < 0 ? 0.0 : seconds);
}
