/*
 * report_diff_text.c: the diff as text for terminals and as Markdown.
 *
 * Both list the changes section by section (the revision header, named
 * types, each code table, each record), each thing once with its changes
 * under it, and every change with its three impacts and their reasons; a
 * change that is compatible everywhere for one reason takes one line.
 */
#include <string.h>

#include "report_diff_internal.h"

/* ---- shared ---- */

static const char *revision_title(const struct rk_revision *r)
{
	return r->header && r->header->title ? r->header->title : "";
}

static void released_text(const struct rk_revision *r, char *buf, size_t n)
{
	const struct rk_header *h = r->header;

	if (h && h->has_released)
		snprintf(buf, n, "%04d-%02d-%02d", h->released.year,
			 h->released.month, h->released.day);
	else
		snprintf(buf, n, "-");
}

static const char *rev_name(const struct rk_diff *d, int side)
{
	const char *n = rk_revision_name(d->rev[side]);
	return n ? n : "?";
}

/* ---- text ---- */

struct text {
	FILE *out;
	enum rk_lang lang;
	bool color;
};

static void paint(const struct text *t, const char *sgr, const char *s)
{
	if (t->color)
		fprintf(t->out, "\033[%sm%s\033[0m", sgr, s);
	else
		fputs(s, t->out);
}

/* Prints S padded with spaces to WIDTH terminal columns. */
static void padded(const struct text *t, const char *sgr, const char *s,
		   size_t width)
{
	size_t w = rk_display_width_str(s, strlen(s));

	paint(t, sgr, s);
	for (; w < width; w++)
		fputc(' ', t->out);
}

static void text_impact_line(const struct text *t, const char *axis,
			     const struct rk_impact *im)
{
	fputs("      ", t->out);
	padded(t, "", axis, 10);
	fputc(' ', t->out);
	padded(t, im->breaking ? "1;31" : "32",
	       rk_dw_verdict(t->lang, im->breaking), 11);
	fprintf(t->out, " %s\n", rk_dw_why(t->lang, im->why));
}

static void text_change(const struct text *t, const struct rk_change *c)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_dr_change_text(c, t->lang, &b);
	fprintf(t->out, "    %s", b.s);
	if (c->lint != RK_LINT_NONE) {
		bool err = c->lint == RK_LINT_ERROR;
		rk_buf_release(&b);
		rk_buf_addf(&b, "[%s: %s]", rk_dw(t->lang, RK_W_LINT),
			    rk_dw(t->lang, err ? RK_W_LINT_ERROR : RK_W_LINT_WARNING));
		fputs("  ", t->out);
		paint(t, err ? "1;31" : "1;33", b.s);
	}
	fputc('\n', t->out);
	rk_buf_release(&b);
	if (rk_dr_uniform(c)) {
		text_impact_line(t, rk_dw(t->lang, RK_W_ALL_AXES), &c->impact[0]);
		return;
	}
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		text_impact_line(t, rk_dw_axis(t->lang, (enum rk_axis)a),
				 &c->impact[a]);
}

static void text_thing(const struct text *t, const struct rk_change *c)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_dr_name(c, rk_dr_side(c), &b);
	fprintf(t->out, "  %s %s", rk_dw_subject(t->lang, c->subject), b.s);
	if (c->label)
		fprintf(t->out, " 「%s」", c->label);
	fputc('\n', t->out);
	rk_buf_release(&b);
}

static void text_header(const struct rk_diff *d, const struct text *t)
{
	struct rk_diff_summary s;
	struct rk_buf b;
	char rel[16];

	rk_diff_summarize(d, &s);
	rk_buf_init(&b);
	rk_dw_title(t->lang, rev_name(d, RK_OLD), rev_name(d, RK_NEW), false,
		    &b);
	paint(t, "1", b.s);
	b.len = 0;
	rk_dw_count(t->lang, s.changes, &b);
	fprintf(t->out, ": %s\n", b.s);
	for (int side = 0; side < 2; side++) {
		released_text(d->rev[side], rel, sizeof(rel));
		bool ja = t->lang == RK_LANG_JA;
		fprintf(t->out, "  %s: %s %s%s%s %s%s\n",
			rk_dw(t->lang, side ? RK_W_NEW : RK_W_OLD),
			rev_name(d, side), revision_title(d->rev[side]),
			ja ? "（" : " (", rk_dw(t->lang, RK_W_RELEASED), rel,
			ja ? "）" : ")");
	}
	fprintf(t->out, "  %s:", rk_dw(t->lang, RK_W_BREAKING_COUNTS));
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		fprintf(t->out, "%s%s %zu", a ? rk_dw_list_sep(t->lang) : " ",
			rk_dw_axis(t->lang, (enum rk_axis)a), s.breaking[a]);
	b.len = 0;
	rk_dw_lint_counts(t->lang, s.lint_warnings, s.lint_errors, &b);
	fprintf(t->out, "\n  %s: %s\n", rk_dw(t->lang, RK_W_LINT), b.s);
	rk_buf_release(&b);
}

void rk_dr_text(const struct rk_diff *d, const struct rk_diff_report *r,
		FILE *out)
{
	struct text t = { out, r->lang, r->color };
	struct rk_buf b;

	text_header(d, &t);
	if (d->n == 0)
		fprintf(out, "\n%s\n", rk_dw(r->lang, RK_W_NO_CHANGES));
	rk_buf_init(&b);
	for (size_t i = 0; i < d->n;) {
		size_t end = i + rk_dr_section(d, i);
		rk_dr_section_title(d, &d->changes[i], r->lang, &b);
		fputc('\n', out);
		paint(&t, "1", b.s);
		fputc('\n', out);
		while (i < end) {
			size_t stop = i + rk_dr_thing(d, i);
			if (rk_dr_part(&d->changes[i]) == RK_PART_TYPES ||
			    d->changes[i].path[rk_dr_side(&d->changes[i])])
				text_thing(&t, &d->changes[i]);
			for (; i < stop; i++)
				text_change(&t, &d->changes[i]);
		}
	}
	rk_buf_release(&b);
}

/* ---- Markdown ---- */

/* Writes S for a table cell: '|' and '\' escaped, no line breaks. */
static void md_cell(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' ||
		    *s == '`' || *s == '<')
			fputc('\\', out);
		fputc(*s == '\n' ? ' ' : *s, out);
	}
}

static void md_code(FILE *out, const char *s)
{
	fputc('`', out);
	for (; *s; s++) {
		if (*s == '|')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('`', out);
}

static void md_summary(const struct rk_diff *d, enum rk_lang lang, FILE *out)
{
	struct rk_diff_summary s;
	struct rk_buf b;

	rk_diff_summarize(d, &s);
	rk_buf_init(&b);
	fprintf(out, "## %s\n\n| %s | %s | %s |", rk_dw(lang, RK_W_SUMMARY),
		rk_dw(lang, RK_W_THING), rk_dw(lang, RK_W_KIND),
		rk_dw(lang, RK_W_COUNT));
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		b.len = 0;
		rk_dw_breaking_for(lang, (enum rk_axis)a, &b);
		fprintf(out, " %s |", b.s);
	}
	fputs("\n| --- | --- | ---: | ---: | ---: | ---: |\n", out);
	fprintf(out, "| **%s** | | **%zu** | **%zu** | **%zu** | **%zu** |\n",
		rk_dw(lang, RK_W_ALL), s.changes, s.breaking[0], s.breaking[1],
		s.breaking[2]);
	for (int sub = 0; sub < RK_SUBJ_COUNT; sub++)
		for (int k = 0; k < RK_CH_COUNT; k++)
			if (s.by_kind[sub][k])
				fprintf(out, "| %s | %s | %zu | %zu | %zu | %zu |\n",
					rk_dw_subject(lang, sub),
					rk_dw_kind(lang, k), s.by_kind[sub][k],
					s.breaking_by_kind[sub][k][0],
					s.breaking_by_kind[sub][k][1],
					s.breaking_by_kind[sub][k][2]);
	b.len = 0;
	rk_dw_lint_counts(lang, s.lint_warnings, s.lint_errors, &b);
	fprintf(out, "\n%s: %s.\n\n%s:\n\n", rk_dw(lang, RK_W_LINT), b.s,
		rk_dw(lang, RK_W_LEGEND));
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		fprintf(out, "- **%s**: %s\n", rk_dw_axis(lang, a),
			rk_dw(lang, RK_W_AXIS_HELP_PRODUCERS + a));
	rk_buf_release(&b);
}

static void md_head(const struct rk_diff *d, enum rk_lang lang, FILE *out)
{
	struct rk_buf b;
	char rel[16];

	rk_buf_init(&b);
	rk_dw_title(lang, rev_name(d, RK_OLD), rev_name(d, RK_NEW), false, &b);
	fprintf(out, "# %s\n\n| | %s | %s | %s |\n| --- | --- | --- | --- |\n",
		b.s, rk_dw_subject(lang, RK_SUBJ_REVISION), rk_dw(lang, RK_W_TITLE),
		rk_dw(lang, RK_W_RELEASED));
	for (int side = 0; side < 2; side++) {
		released_text(d->rev[side], rel, sizeof(rel));
		fprintf(out, "| %s | %s | ", rk_dw(lang, side ? RK_W_NEW : RK_W_OLD),
			rev_name(d, side));
		md_cell(out, revision_title(d->rev[side]));
		fprintf(out, " | %s |\n", rel);
	}
	fputc('\n', out);
	rk_buf_release(&b);
}

static void md_impact(FILE *out, enum rk_lang lang, const struct rk_impact *im)
{
	fprintf(out, im->breaking ? " **%s**: " : " %s: ",
		rk_dw_verdict(lang, im->breaking));
	md_cell(out, rk_dw_why(lang, im->why));
	fputs(" |", out);
}

static void md_change(FILE *out, enum rk_lang lang, const struct rk_change *c,
		      bool first)
{
	struct rk_buf b;

	rk_buf_init(&b);
	fputs("| ", out);
	if (first) {
		rk_dr_name(c, rk_dr_side(c), &b);
		fprintf(out, "%s ", rk_dw_subject(lang, c->subject));
		md_code(out, b.s);
		if (c->label) {
			fputc(' ', out);
			md_cell(out, c->label);
		}
	}
	fputs(" | ", out);
	rk_dr_change_text(c, lang, &b);
	md_cell(out, b.s);
	if (c->lint != RK_LINT_NONE)
		fprintf(out, " (**%s: %s**)", rk_dw(lang, RK_W_LINT),
			rk_dw(lang, c->lint == RK_LINT_ERROR ? RK_W_LINT_ERROR :
			      RK_W_LINT_WARNING));
	fputs(" |", out);
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		md_impact(out, lang, &c->impact[a]);
	fputc('\n', out);
	rk_buf_release(&b);
}

void rk_dr_markdown(const struct rk_diff *d, const struct rk_diff_report *r,
		    FILE *out)
{
	enum rk_lang lang = r->lang;
	struct rk_buf b;

	md_head(d, lang, out);
	md_summary(d, lang, out);
	rk_buf_init(&b);
	for (size_t i = 0; i < d->n;) {
		size_t end = i + rk_dr_section(d, i);
		rk_dr_section_title(d, &d->changes[i], lang, &b);
		fputs("\n## ", out);
		md_cell(out, b.s);
		fprintf(out, "\n\n| %s | %s |", rk_dw(lang, RK_W_THING),
			rk_dw(lang, RK_W_CHANGE));
		for (int a = 0; a < RK_AXIS_COUNT; a++)
			fprintf(out, " %s |", rk_dw_axis(lang, a));
		fputs("\n| --- | --- | --- | --- | --- |\n", out);
		while (i < end) {
			size_t stop = i + rk_dr_thing(d, i);
			for (size_t k = i; k < stop; k++)
				md_change(out, lang, &d->changes[k], k == i);
			i = stop;
		}
	}
	rk_buf_release(&b);
}
