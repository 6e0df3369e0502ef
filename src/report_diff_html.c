/*
 * report_diff_html.c: the diff as one standalone HTML page laid out as a
 * 新旧対照表 (old/new comparison table), with inline CSS and nothing
 * loaded from elsewhere.
 *
 * At the top, the two revisions and a summary: counts by kind and by
 * impact.  Then one table per part (revision header, named types, code
 * tables, then each record): a row per changed thing with, as official
 * comparison tables have it, the new definition on the left and the old
 * one on the right, the properties that changed highlighted on both sides,
 * and the changes with their impacts as badges in the last column.
 */
#include <string.h>

#include "report_diff_internal.h"

/* The properties of a definition, to highlight those that changed. */
enum {
	F_NAME = 1 << 0, F_LABEL = 1 << 1, F_TYPE = 1 << 2,
	F_OCCURS = 1 << 3, F_ID = 1 << 4, F_VERSION = 1 << 5,
	F_DEPRECATED = 1 << 6, F_NOTE = 1 << 7, F_DATASET = 1 << 8,
	F_SYMBOL = 1 << 9, F_TITLE = 1 << 10, F_RELEASED = 1 << 11,
	F_PREVIOUS = 1 << 12, F_PLACE = 1 << 13
};

struct html {
	const struct rk_diff *d;
	FILE *out;
	enum rk_lang lang;
};

static const char css[] =
	"*{box-sizing:border-box}"
	"body{margin:0;padding:24px 32px;font:14px/1.5 \"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\",\"Yu Gothic\",Meiryo,sans-serif;color:#1d2330;background:#f6f7f9}"
	"h1{font-size:22px;margin:0 0 12px}"
	"h2{font-size:17px;margin:28px 0 8px;padding-left:8px;border-left:5px solid #3a5a98}"
	"h2 .n{font-weight:normal;color:#667;font-size:13px;margin-left:8px}"
	"code{font:13px/1.4 \"DejaVu Sans Mono\",Consolas,monospace}"
	"table{border-collapse:collapse;background:#fff}"
	"th,td{border:1px solid #c9ced8;padding:5px 8px;vertical-align:top;text-align:left}"
	"thead th{background:#e4e8f0;font-weight:600}"
	".revs th{background:#e4e8f0}"
	".cols{display:flex;gap:28px;align-items:flex-start}"
	".totals{display:flex;gap:12px;margin:10px 0 14px}"
	".total{background:#fff;border:1px solid #c9ced8;border-radius:6px;padding:6px 14px;min-width:170px}"
	".total .n{display:block;font-size:24px;font-weight:700}"
	".total.bad .n{color:#b3261e}.total.ok .n{color:#1e7b34}"
	".kinds td.c{text-align:right;font-variant-numeric:tabular-nums}"
	".kinds td.z{color:#aab}.kinds td.brk{color:#b3261e;font-weight:700}"
	".legend{margin:10px 0 0;padding:0;list-style:none;color:#445;font-size:13px}"
	".kinds{font-size:13px}.kinds td,.kinds th{padding:2px 8px;white-space:nowrap}"
	"nav ul{margin:4px 0;padding-left:20px;columns:3;font-size:13px}"
	"nav a{color:#2a4a88;text-decoration:none}"
	".taisho{width:100%;table-layout:fixed}"
	".taisho col.w{width:15%}.taisho col.d{width:26%}.taisho col.c{width:33%}"
	".taisho tr.sub th{background:#eef1f6;font-weight:600}"
	".what .s{display:block;color:#667;font-size:12px}"
	".what code{word-break:break-all}"
	"td.new{background:#fbfdff}td.old{background:#fdfcfb}"
	"tr.add td.new{background:#e9f7ec}tr.del td.old{background:#fdecec}"
	"tr.del td.old .def .nm{text-decoration:line-through;text-decoration-color:#b3261e}"
	".none{color:#99a}"
	".def .nm code{font-weight:600}"
	".def .f{display:inline-block;margin-right:10px}"
	".def .f i{font-style:normal;color:#778;font-size:12px;margin-right:3px}"
	".def .note{display:block;color:#445;font-size:12px}"
	"td.new .hl{background:#fff0a0;text-decoration:underline;text-decoration-color:#c79a00;text-underline-offset:3px}"
	"td.old .hl{background:#fde0dc;text-decoration:underline;text-decoration-color:#b3261e;text-underline-offset:3px}"
	".members{margin-top:6px;border:0;font-size:12px;width:100%}"
	".members td{border:0;border-top:1px solid #e3e6ec;padding:1px 6px}"
	".members td.o{white-space:nowrap;width:7em}"
	".vals{margin:6px 0 0;padding:0;list-style:none;columns:3;column-gap:16px;font-size:12px}"
	".vals li{break-inside:avoid}"
	".vals code{margin-right:4px}"
	".other{color:#778;font-size:12px;margin-left:6px}"
	".changes ul{margin:0;padding:0;list-style:none}"
	".changes li+li{margin-top:6px;padding-top:6px;border-top:1px dashed #d5d9e2}"
	".k{font-weight:600}"
	".badges{display:block;margin-top:2px}"
	".b{display:inline-block;border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px;border:1px solid}"
	".b.ok{color:#1e6b30;background:#e6f4e9;border-color:#a9d5b3}"
	".b.ng{color:#fff;background:#c0352b;border-color:#a02a22;font-weight:600}"
	".b.lint{color:#6b4a00;background:#ffe9a8;border-color:#e0bd55}"
	".b.lint.err{color:#fff;background:#8a3ea0;border-color:#6e2f80}"
	".why{display:block;font-size:12px;color:#7a2019}"
	".why.ok{color:#667}";

static void esc(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
	}
}

static const char *rev_name(const struct rk_diff *d, int side)
{
	const char *n = rk_revision_name(d->rev[side]);
	return n ? n : "?";
}

/* ---- the head of the page and the summary ---- */

static void html_revisions(const struct html *h)
{
	const struct rk_diff *d = h->d;

	fprintf(h->out, "<table class=\"revs\"><thead><tr><th></th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		rk_dw_subject(h->lang, RK_SUBJ_REVISION), rk_dw(h->lang, RK_W_RELEASED));
	for (int side = RK_NEW; side >= RK_OLD; side--) {
		const struct rk_header *hd = d->rev[side]->header;
		fprintf(h->out, "<tr><th>%s</th><td><code>",
			rk_dw(h->lang, side ? RK_W_NEW : RK_W_OLD));
		esc(h->out, rev_name(d, side));
		fputs("</code> ", h->out);
		esc(h->out, hd ? hd->title : NULL);
		fputs("</td><td>", h->out);
		if (hd && hd->has_released)
			fprintf(h->out, "%04d-%02d-%02d", hd->released.year,
				hd->released.month, hd->released.day);
		fputs("</td></tr>\n", h->out);
	}
	fputs("</tbody></table>\n", h->out);
}

static void html_total(const struct html *h, const char *cls, size_t n,
		       const char *what)
{
	fprintf(h->out, "<div class=\"total %s\"><span class=\"n\">%zu</span>",
		cls, n);
	esc(h->out, what);
	fputs("</div>\n", h->out);
}

static void html_totals(const struct html *h, const struct rk_diff_summary *s)
{
	struct rk_buf b;

	rk_buf_init(&b);
	fputs("<div class=\"totals\">\n", h->out);
	html_total(h, "", s->changes, rk_dw(h->lang, RK_W_CHANGES));
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		b.len = 0;
		rk_dw_breaking_for(h->lang, (enum rk_axis)a, &b);
		html_total(h, s->breaking[a] ? "bad" : "ok", s->breaking[a], b.s);
	}
	b.len = 0;
	rk_buf_addf(&b, "%s: ", rk_dw(h->lang, RK_W_LINT));
	rk_dw_lint_counts(h->lang, s->lint_warnings, s->lint_errors, &b);
	html_total(h, s->lint_warnings + s->lint_errors ? "bad" : "ok",
		   s->lint_warnings + s->lint_errors, b.s);
	fputs("</div>\n", h->out);
	rk_buf_release(&b);
}

static void count_cell(FILE *out, size_t n, bool breaking)
{
	fprintf(out, "<td class=\"c%s\">%zu</td>", !n ? " z" : breaking ? " brk" : "", n);
}

static void html_kinds(const struct html *h, const struct rk_diff_summary *s)
{
	fprintf(h->out, "<table class=\"kinds\"><thead><tr><th rowspan=\"2\">%s</th><th rowspan=\"2\">%s</th><th rowspan=\"2\">%s</th><th colspan=\"3\">%s</th></tr>\n<tr>",
		rk_dw(h->lang, RK_W_THING), rk_dw(h->lang, RK_W_KIND),
		rk_dw(h->lang, RK_W_COUNT), rk_dw(h->lang, RK_W_BREAKING_COUNTS));
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		fprintf(h->out, "<th>%s</th>", rk_dw_axis(h->lang, (enum rk_axis)a));
	fputs("</tr></thead><tbody>\n", h->out);
	for (int sub = 0; sub < RK_SUBJ_COUNT; sub++) {
		for (int k = 0; k < RK_CH_COUNT; k++) {
			if (!s->by_kind[sub][k])
				continue;
			fprintf(h->out, "<tr><td>%s</td><td>%s</td>",
				rk_dw_subject(h->lang, sub), rk_dw_kind(h->lang, k));
			count_cell(h->out, s->by_kind[sub][k], false);
			for (int a = 0; a < RK_AXIS_COUNT; a++)
				count_cell(h->out, s->breaking_by_kind[sub][k][a], true);
			fputs("</tr>\n", h->out);
		}
	}
	fprintf(h->out, "<tr><th colspan=\"2\">%s</th>", rk_dw(h->lang, RK_W_ALL));
	count_cell(h->out, s->changes, false);
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		count_cell(h->out, s->breaking[a], true);
	fputs("</tr>\n</tbody></table>\n", h->out);
}

static void html_summary(const struct html *h)
{
	struct rk_diff_summary s;

	rk_diff_summarize(h->d, &s);
	fprintf(h->out, "<section class=\"summary\">\n<h2>%s</h2>\n",
		rk_dw(h->lang, RK_W_SUMMARY));
	html_totals(h, &s);
	fputs("<div class=\"cols\">\n<div>\n", h->out);
	html_revisions(h);
	fprintf(h->out, "<ul class=\"legend\">\n");
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		fprintf(h->out, "<li><b>%s</b>: ", rk_dw_axis(h->lang, (enum rk_axis)a));
		esc(h->out, rk_dw(h->lang, RK_W_AXIS_HELP_PRODUCERS + a));
		fputs("</li>\n", h->out);
	}
	fputs("</ul>\n</div>\n", h->out);
	html_kinds(h, &s);
	fputs("</div>\n</section>\n", h->out);
}

/* ---- sections: which changes go in one table ---- */

/* The length of the section at I; consecutive code tables make one. */
static size_t html_section(const struct rk_diff *d, size_t i)
{
	size_t k = i;

	do
		k += rk_dr_section(d, k);
	while (k < d->n && rk_dr_part(&d->changes[i]) == RK_PART_CODES &&
	       rk_dr_part(&d->changes[k]) == RK_PART_CODES);
	return k - i;
}

static void section_heading(const struct html *h, size_t i, struct rk_buf *b)
{
	const struct rk_change *c = &h->d->changes[i];

	b->len = 0;
	if (rk_dr_part(c) == RK_PART_CODES)
		rk_buf_adds(b, rk_dw(h->lang, RK_W_SECTION_CODES));
	else
		rk_dr_section_title(h->d, c, h->lang, b);
}

static void html_contents(const struct html *h)
{
	struct rk_buf b;

	if (h->d->n == 0)
		return;
	rk_buf_init(&b);
	fprintf(h->out, "<nav>\n<h2>%s</h2>\n<ul>\n", rk_dw(h->lang, RK_W_CONTENTS));
	for (size_t i = 0; i < h->d->n; i += html_section(h->d, i)) {
		section_heading(h, i, &b);
		fprintf(h->out, "<li><a href=\"#c%zu\">", i);
		esc(h->out, b.s);
		fprintf(h->out, "</a> (%zu)</li>\n", html_section(h->d, i));
	}
	fputs("</ul>\n</nav>\n", h->out);
	rk_buf_release(&b);
}

/* ---- one thing's definition, on one side ---- */

static unsigned field_of(enum rk_change_kind k)
{
	switch (k) {
	case RK_CH_RENAMED: return F_NAME;
	case RK_CH_MOVED: case RK_CH_REORDERED: return F_PLACE;
	case RK_CH_LABEL: return F_LABEL;
	case RK_CH_TYPE: case RK_CH_LENGTH_WIDENED: case RK_CH_LENGTH_NARROWED:
	case RK_CH_LENGTH_CHANGED: case RK_CH_PRECISION: case RK_CH_SCALE:
	case RK_CH_SIGN: return F_TYPE;
	case RK_CH_REQUIRED: case RK_CH_OPTIONAL: case RK_CH_MIN_RAISED:
	case RK_CH_MIN_LOWERED: case RK_CH_MAX_RAISED: case RK_CH_MAX_LOWERED:
		return F_OCCURS;
	case RK_CH_DEPRECATED: case RK_CH_UNDEPRECATED: return F_DEPRECATED;
	case RK_CH_NOTE: return F_NOTE;
	case RK_CH_ID: return F_ID;
	case RK_CH_DATASET: return F_DATASET;
	case RK_CH_SYMBOL: return F_SYMBOL;
	case RK_CH_VERSION_RAISED: case RK_CH_VERSION_LOWERED:
	case RK_CH_VERSION_SET: case RK_CH_VERSION_NOT_RAISED: return F_VERSION;
	case RK_CH_TITLE: return F_TITLE;
	case RK_CH_RELEASED: return F_RELEASED;
	case RK_CH_PREVIOUS: return F_PREVIOUS;
	default: return 0;
	}
}

/* A property: "<span class=f><i>型</i>text(40)</span>", highlighted when
 * its field changed.  TEXT NULL: nothing. */
static void prop(FILE *out, const char *name, const char *text,
		 bool changed)
{
	if (!text)
		return;
	fputs("<span class=\"f\">", out);
	if (name)
		fprintf(out, "<i>%s</i>", name);
	fputs(changed ? "<span class=\"hl\">" : "<span>", out);
	esc(out, text);
	fputs("</span></span> ", out);
}

static void def_name(FILE *out, const char *name, const char *label,
		     unsigned hl)
{
	fputs("<span class=\"nm\">", out);
	fprintf(out, "<code%s>", hl & (F_NAME | F_PLACE) ? " class=\"hl\"" : "");
	esc(out, name);
	fputs("</code>", out);
	if (label) {
		fputs(hl & F_LABEL ? " <span class=\"hl\">" : " <span>", out);
		esc(out, label);
		fputs("</span>", out);
	}
	fputs("</span><br>", out);
}

static void def_common(const struct html *h, const struct rk_attrs *a,
		       unsigned hl)
{
	char v[32];

	prop(h->out, rk_dw(h->lang, RK_W_ID), a->id, hl & F_ID);
	if (a->has_version)
		snprintf(v, sizeof(v), "%llu", (unsigned long long)a->version);
	prop(h->out, rk_dw(h->lang, RK_W_VERSION), a->has_version ? v : NULL,
	     hl & F_VERSION);
	if (a->deprecated || (hl & F_DEPRECATED))
		prop(h->out, NULL, a->deprecated ? rk_dw(h->lang, RK_W_DEPRECATED) :
		     "—", hl & F_DEPRECATED);
	if (a->note) {
		fputs("<span class=\"note\">", h->out);
		prop(h->out, rk_dw(h->lang, RK_W_NOTE), a->note, hl & F_NOTE);
		fputs("</span>", h->out);
	}
}

static void member_rows(const struct html *h, struct rk_node **v, size_t n,
			int depth)
{
	char occ[64];
	struct rk_buf b;

	rk_buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const struct rk_node *m = v[i];
		fprintf(h->out, "<tr><td style=\"padding-left:%dpx\"><code>", 4 + 14 * depth);
		esc(h->out, m->name.text);
		fputs("</code></td><td>", h->out);
		esc(h->out, m->label);
		fputs("</td><td>", h->out);
		b.len = 0;
		if (m->kind == RK_ITEM) {
			rk_diff_type_text(m->type, &b);
			esc(h->out, b.s);
		}
		fprintf(h->out, "</td><td class=\"o\">%s</td></tr>\n",
			rk_diff_occurs_text(occ, sizeof(occ), m->min, m->max));
		if (m->kind == RK_GROUP)
			member_rows(h, m->children, m->n_children, depth + 1);
	}
	rk_buf_release(&b);
}

static void members(const struct html *h, struct rk_node **v, size_t n)
{
	if (!n)
		return;
	fputs("<table class=\"members\">\n", h->out);
	member_rows(h, v, n, 0);
	fputs("</table>", h->out);
}

static void def_node(const struct html *h, const struct rk_node *n,
		     unsigned hl, bool whole)
{
	char occ[64];
	struct rk_buf b;

	rk_buf_init(&b);
	def_name(h->out, n->name.text, n->label, hl);
	if (n->kind == RK_ITEM) {
		rk_diff_type_text(n->type, &b);
		prop(h->out, rk_dw(h->lang, RK_W_TYPE), b.s, hl & F_TYPE);
	}
	prop(h->out, rk_dw(h->lang, RK_W_OCCURS),
	     rk_diff_occurs_text(occ, sizeof(occ), n->min, n->max), hl & F_OCCURS);
	def_common(h, &n->attrs, hl);
	if (whole && n->kind == RK_GROUP)
		members(h, n->children, n->n_children);
	rk_buf_release(&b);
}

static void def_record(const struct html *h, const struct rk_record *r,
		       unsigned hl, bool whole)
{
	def_name(h->out, r->name.text, r->label, hl);
	prop(h->out, rk_dw(h->lang, RK_W_ID), r->id, hl & F_ID);
	prop(h->out, rk_dw(h->lang, RK_W_DATASET), r->dataset, hl & F_DATASET);
	if (r->attrs.deprecated || (hl & F_DEPRECATED))
		prop(h->out, NULL, r->attrs.deprecated ?
		     rk_dw(h->lang, RK_W_DEPRECATED) : "—", hl & F_DEPRECATED);
	if (r->basis) {
		fputs("<span class=\"note\">", h->out);
		prop(h->out, rk_dw(h->lang, RK_W_NOTE), r->basis, hl & F_NOTE);
		fputs("</span>", h->out);
	}
	if (whole)
		members(h, r->children, r->n_children);
}

static void def_codes(const struct html *h, const struct rk_codes *c,
		      unsigned hl, bool whole)
{
	def_name(h->out, c->name.text, c->label, hl);
	if (!whole)
		return;
	fputs("<ul class=\"vals\">\n", h->out);
	for (size_t i = 0; i < c->n_values; i++) {
		const struct rk_code_value *v = &c->values[i];
		fputs("<li><code>", h->out);
		esc(h->out, v->value);
		fputs("</code>", h->out);
		esc(h->out, v->label ? v->label : v->symbol.text);
		fputs("</li>\n", h->out);
	}
	fputs("</ul>", h->out);
}

static void def_value(const struct html *h, const struct rk_code_value *v,
		      unsigned hl)
{
	fprintf(h->out, "<span class=\"nm\"><code>\"");
	esc(h->out, v->value);
	fputs("\"</code></span> ", h->out);
	prop(h->out, NULL, v->symbol.text, hl & F_SYMBOL);
	prop(h->out, NULL, v->label, hl & F_LABEL);
	def_common(h, &v->attrs, hl);
}

static void def_header(const struct html *h, const struct rk_header *hd,
		       unsigned hl)
{
	char rel[16];

	def_name(h->out, hd->name.text, NULL, hl);
	prop(h->out, NULL, hd->title, hl & F_TITLE);
	fputs("<br>", h->out);
	snprintf(rel, sizeof(rel), "%04d-%02d-%02d", hd->released.year,
		 hd->released.month, hd->released.day);
	prop(h->out, rk_dw(h->lang, RK_W_RELEASED), hd->has_released ? rel : NULL,
	     hl & F_RELEASED);
	prop(h->out, rk_dw(h->lang, RK_W_PREVIOUS), hd->previous.text,
	     hl & F_PREVIOUS);
}

static void def_type(const struct html *h, const struct rk_typedef *t,
		     unsigned hl)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_diff_type_text(t->type, &b);
	def_name(h->out, t->name.text, NULL, hl);
	prop(h->out, "=", b.s, hl & F_TYPE);
	rk_buf_release(&b);
}

/* Writes the definition of C's thing on SIDE (its members too when the
 * thing is added or removed whole). */
static void definition(const struct html *h, const struct rk_change *c,
		       int side, unsigned hl)
{
	const void *obj = c->obj[side];
	bool whole = c->kind == RK_CH_ADDED || c->kind == RK_CH_REMOVED;

	fputs("<div class=\"def\">", h->out);
	switch (c->subject) {
	case RK_SUBJ_REVISION: def_header(h, obj, hl); break;
	case RK_SUBJ_TYPE: def_type(h, obj, hl); break;
	case RK_SUBJ_CODES: def_codes(h, obj, hl, whole); break;
	case RK_SUBJ_CODE: def_value(h, obj, hl); break;
	case RK_SUBJ_RECORD: def_record(h, obj, hl, whole); break;
	default: def_node(h, obj, hl, whole); break;
	}
	fputs("</div>", h->out);
}

/* ---- a row of the table: one thing and its changes ---- */

static void badge(const struct html *h, enum rk_axis a,
		  const struct rk_impact *im)
{
	fprintf(h->out, "<span class=\"b %s\" title=\"", im->breaking ? "ng" : "ok");
	esc(h->out, rk_dw_why(h->lang, im->why));
	fprintf(h->out, "\">%s %s</span>", rk_dw_axis(h->lang, a),
		rk_dw_verdict(h->lang, im->breaking));
}

static void change_item(const struct html *h, const struct rk_change *c)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_dr_change_text(c, h->lang, &b);
	fputs("<li><span class=\"k\">", h->out);
	esc(h->out, b.s);
	fputs("</span><span class=\"badges\">", h->out);
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		badge(h, (enum rk_axis)a, &c->impact[a]);
	if (c->lint != RK_LINT_NONE)
		fprintf(h->out, "<span class=\"b lint%s\">%s: %s</span>",
			c->lint == RK_LINT_ERROR ? " err" : "",
			rk_dw(h->lang, RK_W_LINT),
			rk_dw(h->lang, c->lint == RK_LINT_ERROR ? RK_W_LINT_ERROR :
			      RK_W_LINT_WARNING));
	fputs("</span>", h->out);
	if (rk_dr_uniform(c)) {
		fputs("<span class=\"why ok\">", h->out);
		esc(h->out, rk_dw_why(h->lang, c->impact[0].why));
		fputs("</span>", h->out);
	}
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		if (!c->impact[a].breaking)
			continue;
		fprintf(h->out, "<span class=\"why\">%s: ",
			rk_dw_axis(h->lang, (enum rk_axis)a));
		esc(h->out, rk_dw_why(h->lang, c->impact[a].why));
		fputs("</span>", h->out);
	}
	fputs("</li>\n", h->out);
	rk_buf_release(&b);
}

static void side_cell(const struct html *h, const struct rk_change *c,
		      int side, unsigned hl)
{
	fprintf(h->out, "<td class=\"%s\">", side ? "new" : "old");
	if (c->obj[side])
		definition(h, c, side, hl);
	else
		fprintf(h->out, "<span class=\"none\">%s</span>",
			rk_dw(h->lang, RK_W_NONE));
	fputs("</td>\n", h->out);
}

static void what_cell(const struct html *h, const struct rk_change *c)
{
	struct rk_buf b;

	rk_buf_init(&b);
	fprintf(h->out, "<th class=\"what\"><span class=\"s\">%s</span><code>",
		rk_dw_subject(h->lang, c->subject));
	if (c->subject == RK_SUBJ_CODE) {
		rk_buf_addf(&b, "\"%s\"", c->path[rk_dr_side(c)]);
	} else if (c->path[rk_dr_side(c)]) {
		rk_buf_adds(&b, c->path[rk_dr_side(c)]);
	} else {
		rk_dr_name(c, rk_dr_side(c), &b);
	}
	esc(h->out, b.s);
	fputs("</code></th>\n", h->out);
	rk_buf_release(&b);
}

/* Whether C adds or removes a thing with members (a record, a code
 * table, a group), shown across both definition columns. */
static bool whole_with_members(const struct rk_change *c)
{
	const void *obj = c->obj[rk_dr_side(c)];

	if (c->kind != RK_CH_ADDED && c->kind != RK_CH_REMOVED)
		return false;
	return c->subject == RK_SUBJ_RECORD || c->subject == RK_SUBJ_CODES ||
	       (c->subject == RK_SUBJ_GROUP &&
		((const struct rk_node *)obj)->n_children > 0);
}

/* One cell over both columns: the definition, and the side it is from. */
static void wide_cell(const struct html *h, const struct rk_change *c)
{
	int side = rk_dr_side(c);

	fprintf(h->out, "<td class=\"%s\" colspan=\"2\">", side ? "new" : "old");
	definition(h, c, side, 0);
	fprintf(h->out, "<span class=\"other\">%s%s%s%s: %s</span></td>\n",
		rk_dw(h->lang, side ? RK_W_OLD : RK_W_NEW),
		h->lang == RK_LANG_JA ? "（" : " (", rev_name(h->d, !side),
		h->lang == RK_LANG_JA ? "）" : ")", rk_dw(h->lang, RK_W_NONE));
}

static void row(const struct html *h, size_t i, size_t n)
{
	const struct rk_change *c = &h->d->changes[i];
	unsigned hl = 0;

	for (size_t k = i; k < i + n; k++)
		hl |= field_of(h->d->changes[k].kind);
	fprintf(h->out, "<tr class=\"%s\">\n",
		!c->obj[RK_OLD] ? "add" : !c->obj[RK_NEW] ? "del" : "chg");
	what_cell(h, c);
	if (whole_with_members(c)) {
		wide_cell(h, c);
	} else {
		side_cell(h, c, RK_NEW, hl);
		side_cell(h, c, RK_OLD, hl);
	}
	fputs("<td class=\"changes\"><ul>\n", h->out);
	for (size_t k = i; k < i + n; k++)
		change_item(h, &h->d->changes[k]);
	fputs("</ul></td>\n</tr>\n", h->out);
}

static void table_head(const struct html *h)
{
	const char *open = h->lang == RK_LANG_JA ? "（" : " (";
	const char *close = h->lang == RK_LANG_JA ? "）" : ")";

	fputs("<table class=\"taisho\"><colgroup><col class=\"w\"><col class=\"d\"><col class=\"d\"><col class=\"c\"></colgroup>\n",
	      h->out);
	fprintf(h->out, "<thead><tr><th>%s</th>", rk_dw(h->lang, RK_W_THING));
	for (int side = RK_NEW; side >= RK_OLD; side--)
		fprintf(h->out, "<th>%s%s%s%s</th>",
			rk_dw(h->lang, side ? RK_W_NEW : RK_W_OLD), open,
			rev_name(h->d, side), close);
	fprintf(h->out, "<th>%s</th></tr></thead>\n<tbody>\n",
		rk_dw(h->lang, RK_W_CHANGE_IMPACT));
}

/* A sub-heading row per code table of the code tables' section. */
static void table_row_heading(const struct html *h, size_t i)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_dr_section_title(h->d, &h->d->changes[i], h->lang, &b);
	fputs("<tr class=\"sub\"><th colspan=\"4\">", h->out);
	esc(h->out, b.s);
	fputs("</th></tr>\n", h->out);
	rk_buf_release(&b);
}

static void html_section_table(const struct html *h, size_t i, size_t end)
{
	struct rk_buf b;
	bool codes = rk_dr_part(&h->d->changes[i]) == RK_PART_CODES;

	rk_buf_init(&b);
	section_heading(h, i, &b);
	fprintf(h->out, "<section id=\"c%zu\">\n<h2>", i);
	esc(h->out, b.s);
	b.len = 0;
	rk_dw_count(h->lang, end - i, &b);
	fprintf(h->out, "<span class=\"n\">%s</span></h2>\n", b.s);
	table_head(h);
	size_t table_end = i;
	while (i < end) {
		if (codes && i == table_end) {
			table_end = i + rk_dr_section(h->d, i);
			table_row_heading(h, i);
		}
		size_t n = rk_dr_thing(h->d, i);
		row(h, i, n);
		i += n;
	}
	fputs("</tbody></table>\n</section>\n", h->out);
	rk_buf_release(&b);
}

void rk_dr_html(const struct rk_diff *d, const struct rk_diff_report *r,
		FILE *out)
{
	struct html h = { d, out, r->lang };
	struct rk_buf title;

	rk_buf_init(&title);
	rk_dw_title(r->lang, rev_name(d, RK_OLD), rev_name(d, RK_NEW), true,
		    &title);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		r->lang == RK_LANG_JA ? "ja" : "en");
	esc(out, title.s);
	fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", css);
	esc(out, title.s);
	fputs("</h1>\n", out);
	html_summary(&h);
	html_contents(&h);
	if (d->n == 0)
		fprintf(out, "<p>%s</p>\n", rk_dw(r->lang, RK_W_NO_CHANGES));
	for (size_t i = 0; i < d->n;) {
		size_t n = html_section(d, i);
		html_section_table(&h, i, i + n);
		i += n;
	}
	fputs("</body>\n</html>\n", out);
	rk_buf_release(&title);
}
