/*
 * gen_doc.c: a revision as reference tables, in Markdown or as one HTML
 * page, the way analysts read a layout: a table per record (number,
 * official label, identifier, type, length, occurrence, required, code
 * table, note, id, version) in layout order, groups numbered as sections
 * (3, 3.1, 3.2), then the code tables.
 */
#include "gen_doc.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

struct doc {
	struct rk_buf *b;
	bool html;
};

/* Text escaped for the format: HTML entities, or Markdown table cells. */
static void text(struct doc *d, const char *s)
{
	for (; s && *s; s++) {
		if (d->html && (*s == '<' || *s == '>' || *s == '&' || *s == '"'))
			rk_buf_adds(d->b, *s == '<' ? "&lt;" : *s == '>' ? "&gt;" :
					  *s == '&' ? "&amp;" : "&quot;");
		else if (!d->html && (*s == '|' || *s == '\\' || *s == '*' || *s == '_'))
			rk_buf_addf(d->b, "\\%c", *s);
		else if (*s == '\n')
			rk_buf_adds(d->b, d->html ? "<br>" : " ");
		else
			rk_buf_addc(d->b, *s);
	}
}

static void cell(struct doc *d, const char *s)
{
	rk_buf_adds(d->b, d->html ? "<td>" : " ");
	text(d, s);
	rk_buf_adds(d->b, d->html ? "</td>" : " |");
}

static void length_text(char *out, size_t size, const struct rk_value_type *v)
{
	if (v->kind <= RK_STRING)
		snprintf(out, size, v->min_len == v->max_len ? "%u" : "%u..%u",
			 (unsigned)(v->min_len == v->max_len ? v->max_len : v->min_len),
			 (unsigned)v->max_len);
	else if (v->kind == RK_NUMBER)
		snprintf(out, size, v->scale ? "%u,%u" : "%u", (unsigned)v->precision,
			 (unsigned)v->scale);
	else
		out[0] = '\0';
}

static void occurs_text(char *out, size_t size, const struct rk_node *n)
{
	if (n->max == RK_UNBOUNDED)
		snprintf(out, size, "%llu..*", (unsigned long long)n->min);
	else
		snprintf(out, size, "%llu..%llu", (unsigned long long)n->min,
			 (unsigned long long)n->max);
}

static void type_text(char *out, size_t size, const struct rk_node *n)
{
	const struct rk_typeref *t = n->type;

	if (n->kind == RK_GROUP)
		snprintf(out, size, "%s", "group");
	else if (t->alias)
		snprintf(out, size, "%s (%s)", t->alias->name.text,
			 rk_kind_name(t->value.kind));
	else
		snprintf(out, size, "%s", rk_kind_name(t->value.kind));
}

static void row(struct doc *d, const struct rk_node *n, const char *number)
{
	char type[160], len[48], occ[48], version[24];
	const struct rk_typeref *t = n->type;

	type_text(type, sizeof(type), n);
	if (t)
		length_text(len, sizeof(len), &t->value);
	else
		len[0] = '\0';
	occurs_text(occ, sizeof(occ), n);
	version[0] = '\0';
	if (n->attrs.has_version)
		snprintf(version, sizeof(version), "%llu",
			 (unsigned long long)n->attrs.version);
	rk_buf_adds(d->b, d->html ? (n->kind == RK_GROUP ? "<tr class=\"group\">" :
				     "<tr>") : "|");
	cell(d, number);
	cell(d, n->label);
	cell(d, n->name.text);
	cell(d, type);
	cell(d, len);
	cell(d, occ);
	cell(d, n->min > 0 ? (d->html ? "●" : "yes") : "");
	cell(d, t && t->codes ? t->codes->name.text : "");
	struct rk_buf note;
	rk_buf_init(&note);
	if (n->attrs.deprecated)
		rk_buf_adds(&note, n->attrs.note ? "deprecated; " : "deprecated");
	if (n->attrs.note)
		rk_buf_adds(&note, n->attrs.note);
	cell(d, note.s);
	rk_buf_release(&note);
	cell(d, n->attrs.id);
	cell(d, version);
	rk_buf_adds(d->b, d->html ? "</tr>\n" : "\n");
}

static void rows(struct doc *d, struct rk_node **v, size_t n,
		 const char *prefix)
{
	for (size_t i = 0; i < n; i++) {
		char number[64];
		snprintf(number, sizeof(number), "%s%s%zu", prefix,
			 prefix[0] ? "." : "", i + 1);
		row(d, v[i], number);
		if (v[i]->kind == RK_GROUP)
			rows(d, v[i]->children, v[i]->n_children, number);
	}
}

static const char *const columns[] = {
	"No.", "項目名 (label)", "identifier", "type", "length", "occurs",
	"required", "code table", "note", "id", "version"
};
#define N_COLUMNS (sizeof(columns) / sizeof(columns[0]))

static void table_head(struct doc *d)
{
	if (d->html) {
		rk_buf_adds(d->b, "<table>\n<tr>");
		for (size_t i = 0; i < N_COLUMNS; i++)
			rk_buf_addf(d->b, "<th>%s</th>", columns[i]);
		rk_buf_adds(d->b, "</tr>\n");
		return;
	}
	rk_buf_adds(d->b, "|");
	for (size_t i = 0; i < N_COLUMNS; i++)
		rk_buf_addf(d->b, " %s |", columns[i]);
	rk_buf_adds(d->b, "\n|");
	for (size_t i = 0; i < N_COLUMNS; i++)
		rk_buf_adds(d->b, " --- |");
	rk_buf_adds(d->b, "\n");
}

static void heading(struct doc *d, int level, const char *anchor,
		    const char *name, const char *label)
{
	if (d->html) {
		rk_buf_addf(d->b, "<h%d id=\"%s\">", level, anchor);
		text(d, label);
		rk_buf_addf(d->b, " <code>%s</code></h%d>\n", name, level);
	} else {
		rk_buf_addf(d->b, "%.*s ", level, "######");
		text(d, label);
		rk_buf_addf(d->b, " (`%s`)\n\n", name);
	}
}

static void facts(struct doc *d, const struct rk_record *r)
{
	const char *keys[] = { "id", "dataset", "basis" };
	const char *values[] = { r->id, r->dataset, r->basis };

	for (int i = 0; i < 3; i++) {
		if (!values[i])
			continue;
		rk_buf_adds(d->b, d->html ? "<p class=\"facts\">" : "- ");
		rk_buf_addf(d->b, "%s: ", keys[i]);
		text(d, values[i]);
		rk_buf_adds(d->b, d->html ? "</p>\n" : "\n");
	}
	rk_buf_adds(d->b, "\n");
}

static void record(struct doc *d, const struct rk_record *r)
{
	char anchor[96];

	snprintf(anchor, sizeof(anchor), "record-%s", r->name.text);
	heading(d, 2, anchor, r->name.text, r->label);
	facts(d, r);
	table_head(d);
	rows(d, r->children, r->n_children, "");
	rk_buf_adds(d->b, d->html ? "</table>\n" : "\n");
}

static void code_table(struct doc *d, const struct rk_codes *c)
{
	char anchor[96];

	snprintf(anchor, sizeof(anchor), "codes-%s", c->name.text);
	heading(d, 3, anchor, c->name.text, c->label ? c->label : c->name.text);
	rk_buf_adds(d->b, d->html ? "<table>\n<tr><th>value</th><th>symbol</th>"
				    "<th>label</th><th>note</th></tr>\n" :
				    "| value | symbol | label | note |\n| --- | --- | --- | --- |\n");
	for (size_t i = 0; i < c->n_values; i++) {
		const struct rk_code_value *v = &c->values[i];
		rk_buf_adds(d->b, d->html ? "<tr>" : "|");
		cell(d, v->value);
		cell(d, v->symbol.text);
		cell(d, v->label);
		cell(d, v->attrs.deprecated ? "deprecated" : v->attrs.note);
		rk_buf_adds(d->b, d->html ? "</tr>\n" : "\n");
	}
	rk_buf_adds(d->b, d->html ? "</table>\n" : "\n");
}

static const char style[] =
	"body{font-family:sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin-bottom:2em}"
	"th,td{border:1px solid #bbb;padding:3px 6px;font-size:90%;vertical-align:top}"
	"th{background:#eef}tr.group td{background:#f4f4f4;font-weight:bold}"
	"p.facts{margin:0.2em 0}code{color:#555}";

static void title(struct doc *d, const struct rk_revision *rev)
{
	const char *name = rk_revision_name(rev);
	const struct rk_header *h = rev->header;

	if (d->html) {
		rk_buf_adds(d->b, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
				  "<meta charset=\"utf-8\">\n<title>");
		text(d, h && h->title ? h->title : name);
		rk_buf_addf(d->b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
			    style);
		text(d, h && h->title ? h->title : name);
		rk_buf_addf(d->b, " <code>%s</code></h1>\n", name);
	} else {
		rk_buf_adds(d->b, "# ");
		text(d, h && h->title ? h->title : name);
		rk_buf_addf(d->b, " (`%s`)\n\n", name);
	}
	if (h && h->has_released)
		rk_buf_addf(d->b, d->html ? "<p>released %04d-%02d-%02d</p>\n" :
				  "Released %04d-%02d-%02d.\n\n",
			    h->released.year, h->released.month, h->released.day);
}

static void contents(struct doc *d, const struct rk_revision *rev)
{
	if (!d->html)
		return;
	rk_buf_adds(d->b, "<nav><h2>Contents</h2>\n<ol>\n");
	for (size_t i = 0; i < rev->n_records; i++) {
		const struct rk_record *r = rev->records[i];
		rk_buf_addf(d->b, "<li><a href=\"#record-%s\">", r->name.text);
		text(d, r->label);
		rk_buf_addf(d->b, "</a> <code>%s</code></li>\n", r->name.text);
	}
	rk_buf_adds(d->b, "<li><a href=\"#codes\">Code tables</a></li>\n</ol></nav>\n");
}

char *rk_gen_doc(const struct rk_revision *rev, bool html)
{
	struct rk_buf b;
	struct doc d = { &b, html };

	rk_buf_init(&b);
	title(&d, rev);
	contents(&d, rev);
	for (size_t i = 0; i < rev->n_records; i++)
		record(&d, rev->records[i]);
	rk_buf_adds(&b, html ? "<h2 id=\"codes\">Code tables</h2>\n" :
			       "## Code tables\n\n");
	for (size_t i = 0; i < rev->n_codes; i++)
		code_table(&d, rev->codes[i]);
	if (html)
		rk_buf_adds(&b, "</body>\n</html>\n");
	return rk_buf_detach(&b);
}
