/*
 * report_diff_data.c: the diff for programs and spreadsheets: JSON (its
 * schema is documented in docs/diff.md, "JSON report") and CSV (RFC 4180
 * with CRLF line ends, and a UTF-8 byte-order mark so that spreadsheets
 * read the Japanese right).
 */
#include <string.h>

#include "report_diff_internal.h"

/* ---- JSON ---- */

static void json_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static void json_revision(FILE *out, const char *key,
			  const struct rk_revision *r)
{
	const struct rk_header *h = r->header;
	char rel[16] = "";

	if (h && h->has_released)
		snprintf(rel, sizeof(rel), "%04d-%02d-%02d", h->released.year,
			 h->released.month, h->released.day);
	fprintf(out, "  \"%s\": { \"revision\": ", key);
	json_str(out, rk_revision_name(r));
	fputs(", \"title\": ", out);
	json_str(out, h ? h->title : NULL);
	fputs(", \"released\": ", out);
	json_str(out, rel[0] ? rel : NULL);
	fputs(" },\n", out);
}

static void json_axes(FILE *out, const size_t *v)
{
	fputc('{', out);
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		fprintf(out, "%s \"%s\": %zu", a ? "," : "",
			rk_axis_id((enum rk_axis)a), v[a]);
	fputs(" }", out);
}

static void json_summary(const struct rk_diff *d, FILE *out)
{
	struct rk_diff_summary s;
	bool first = true;

	rk_diff_summarize(d, &s);
	fprintf(out, "  \"summary\": {\n    \"changes\": %zu,\n    \"breaking\": ",
		s.changes);
	json_axes(out, s.breaking);
	fprintf(out, ",\n    \"lint\": { \"warnings\": %zu, \"errors\": %zu },\n"
		"    \"by_kind\": [", s.lint_warnings, s.lint_errors);
	for (int sub = 0; sub < RK_SUBJ_COUNT; sub++) {
		for (int k = 0; k < RK_CH_COUNT; k++) {
			if (!s.by_kind[sub][k])
				continue;
			fprintf(out, "%s\n      { \"subject\": \"%s\", \"kind\": \"%s\", \"count\": %zu, \"breaking\": ",
				first ? "" : ",", rk_subject_id(sub),
				rk_change_kind_id(k), s.by_kind[sub][k]);
			json_axes(out, s.breaking_by_kind[sub][k]);
			fputs(" }", out);
			first = false;
		}
	}
	fputs(first ? "]\n  },\n" : "\n    ]\n  },\n", out);
}

static void json_side(FILE *out, const struct rk_change *c, int side)
{
	fprintf(out, "      \"%s\": ", side ? "new" : "old");
	if (!c->obj[side]) {
		fputs("null", out);
	} else {
		fputs("{ \"name\": ", out);
		json_str(out, c->name[side]);
		fputs(", \"path\": ", out);
		json_str(out, c->path[side]);
		fputs(", \"value\": ", out);
		json_str(out, c->value[side]);
		fputs(" }", out);
	}
	fputs(",\n", out);
}

static void json_change(FILE *out, enum rk_lang lang, const struct rk_change *c)
{
	static const char *const lints[] = { NULL, "warning", "error" };

	fprintf(out, "    {\n      \"subject\": \"%s\",\n      \"kind\": \"%s\",\n      \"text\": ",
		rk_subject_id(c->subject), rk_change_kind_id(c->kind));
	json_str(out, rk_dw_kind(lang, c->kind));
	fputs(",\n", out);
	json_side(out, c, RK_OLD);
	json_side(out, c, RK_NEW);
	fputs("      \"label\": ", out);
	json_str(out, c->label);
	fputs(",\n      \"impact\": {\n", out);
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		const struct rk_impact *im = &c->impact[a];
		fprintf(out, "        \"%s\": { \"breaking\": %s, \"reason\": \"%s\", \"text\": ",
			rk_axis_id((enum rk_axis)a), im->breaking ? "true" : "false",
			rk_why_id(im->why));
		json_str(out, rk_dw_why(lang, im->why));
		fputs(a + 1 < RK_AXIS_COUNT ? " },\n" : " }\n", out);
	}
	fputs("      },\n      \"lint\": ", out);
	json_str(out, lints[c->lint]);
	fputs("\n    }", out);
}

void rk_dr_json(const struct rk_diff *d, const struct rk_diff_report *r,
		FILE *out)
{
	fprintf(out, "{\n  \"schema\": \"renkei-diff/1\",\n  \"lang\": \"%s\",\n",
		r->lang == RK_LANG_JA ? "ja" : "en");
	json_revision(out, "old", d->rev[RK_OLD]);
	json_revision(out, "new", d->rev[RK_NEW]);
	json_summary(d, out);
	fputs("  \"changes\": [", out);
	for (size_t i = 0; i < d->n; i++) {
		fputs(i ? ",\n" : "\n", out);
		json_change(out, r->lang, &d->changes[i]);
	}
	fputs(d->n ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* ---- CSV ---- */

static void csv_field(FILE *out, const char *s, bool last)
{
	if (s && strpbrk(s, ",\"\r\n")) {
		fputc('"', out);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
		fputc('"', out);
	} else if (s) {
		fputs(s, out);
	}
	fputs(last ? "\r\n" : ",", out);
}

static void csv_header(FILE *out, enum rk_lang lang)
{
	static const char *const heads[][2] = {
		{ "subject", "種類" }, { "kind", "変更種別" },
		{ "change", "変更内容" }, { "old_name", "旧_所属" },
		{ "old_path", "旧_パス" }, { "new_name", "新_所属" },
		{ "new_path", "新_パス" }, { "label", "名称" },
		{ "old_value", "旧" }, { "new_value", "新" },
		{ "producers", "送信側" }, { "producers_reason", "送信側の理由" },
		{ "consumers", "受信側" }, { "consumers_reason", "受信側の理由" },
		{ "source", "ソース" }, { "source_reason", "ソースの理由" },
		{ "lint", "版数の点検" },
	};
	size_t n = sizeof(heads) / sizeof(heads[0]);

	for (size_t i = 0; i < n; i++)
		csv_field(out, heads[i][lang == RK_LANG_JA], i + 1 == n);
}

static void csv_change(FILE *out, enum rk_lang lang, const struct rk_change *c)
{
	csv_field(out, rk_dw_subject(lang, c->subject), false);
	csv_field(out, rk_change_kind_id(c->kind), false);
	csv_field(out, rk_dw_kind(lang, c->kind), false);
	for (int side = 0; side < 2; side++) {
		csv_field(out, c->obj[side] ? c->name[side] : NULL, false);
		csv_field(out, c->path[side], false);
	}
	csv_field(out, c->label, false);
	csv_field(out, c->value[RK_OLD], false);
	csv_field(out, c->value[RK_NEW], false);
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		csv_field(out, rk_dw_verdict(lang, c->impact[a].breaking), false);
		csv_field(out, rk_dw_why(lang, c->impact[a].why), false);
	}
	csv_field(out, c->lint == RK_LINT_NONE ? NULL :
		  rk_dw(lang, c->lint == RK_LINT_ERROR ? RK_W_LINT_ERROR :
			RK_W_LINT_WARNING), true);
}

void rk_dr_csv(const struct rk_diff *d, const struct rk_diff_report *r,
	       FILE *out)
{
	fputs("\xef\xbb\xbf", out);
	csv_header(out, r->lang);
	for (size_t i = 0; i < d->n; i++)
		csv_change(out, r->lang, &d->changes[i]);
}
