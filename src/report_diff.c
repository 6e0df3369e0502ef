/*
 * report_diff.c: choosing a diff report, and the helpers its writers share
 * to name things and to cut the change list into sections (one per record
 * or code table) and things (one per item, group, value...).
 */
#include <string.h>

#include "report_diff_internal.h"

int rk_diff_format_parse(const char *name, enum rk_diff_format *f)
{
	static const struct {
		const char *name;
		enum rk_diff_format format;
	} formats[] = {
		{ "text", RK_DIFF_TEXT }, { "markdown", RK_DIFF_MARKDOWN },
		{ "md", RK_DIFF_MARKDOWN }, { "html", RK_DIFF_HTML },
		{ "json", RK_DIFF_JSON }, { "csv", RK_DIFF_CSV },
	};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(name, formats[i].name) == 0) {
			*f = formats[i].format;
			return 0;
		}
	}
	return -1;
}

int rk_lang_parse(const char *name, enum rk_lang *l)
{
	if (strcmp(name, "en") == 0)
		*l = RK_LANG_EN;
	else if (strcmp(name, "ja") == 0)
		*l = RK_LANG_JA;
	else
		return -1;
	return 0;
}

int rk_diff_write(const struct rk_diff *d, const struct rk_diff_report *r,
		  FILE *out)
{
	switch (r->format) {
	case RK_DIFF_TEXT: rk_dr_text(d, r, out); break;
	case RK_DIFF_MARKDOWN: rk_dr_markdown(d, r, out); break;
	case RK_DIFF_HTML: rk_dr_html(d, r, out); break;
	case RK_DIFF_JSON: rk_dr_json(d, r, out); break;
	case RK_DIFF_CSV: rk_dr_csv(d, r, out); break;
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

enum rk_dr_part rk_dr_part(const struct rk_change *c)
{
	switch (c->subject) {
	case RK_SUBJ_REVISION: return RK_PART_REVISION;
	case RK_SUBJ_TYPE: return RK_PART_TYPES;
	case RK_SUBJ_CODES:
	case RK_SUBJ_CODE: return RK_PART_CODES;
	default: return RK_PART_RECORD;
	}
}

int rk_dr_side(const struct rk_change *c)
{
	return c->obj[RK_NEW] ? RK_NEW : RK_OLD;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_section(const struct rk_change *a, const struct rk_change *b)
{
	enum rk_dr_part p = rk_dr_part(a);

	if (p != rk_dr_part(b))
		return false;
	if (p == RK_PART_REVISION || p == RK_PART_TYPES)
		return true;
	return same_str(a->name[RK_OLD], b->name[RK_OLD]) &&
	       same_str(a->name[RK_NEW], b->name[RK_NEW]);
}

size_t rk_dr_section(const struct rk_diff *d, size_t i)
{
	size_t k = i + 1;

	while (k < d->n && same_section(&d->changes[i], &d->changes[k]))
		k++;
	return k - i;
}

size_t rk_dr_thing(const struct rk_diff *d, size_t i)
{
	const struct rk_change *a = &d->changes[i];
	size_t k = i + 1;

	while (k < d->n) {
		const struct rk_change *b = &d->changes[k];
		if (b->subject != a->subject || b->obj[RK_OLD] != a->obj[RK_OLD] ||
		    b->obj[RK_NEW] != a->obj[RK_NEW])
			break;
		k++;
	}
	return k - i;
}

void rk_dr_name(const struct rk_change *c, int side, struct rk_buf *b)
{
	if (!c->obj[side])
		side = !side;
	b->len = 0;
	rk_buf_adds(b, c->name[side] ? c->name[side] : "");
	if (!c->path[side])
		return;
	if (c->subject == RK_SUBJ_CODE)
		rk_buf_addf(b, " \"%s\"", c->path[side]);
	else
		rk_buf_addf(b, ".%s", c->path[side]);
}

/* The label of the record or code table a change is in. */
static const char *section_label(const struct rk_diff *d,
				 const struct rk_change *c)
{
	int side = rk_dr_side(c);
	const struct rk_revision *rev = d->rev[side];

	if (rk_dr_part(c) == RK_PART_CODES) {
		const struct rk_codes *t = rk_revision_find_codes(rev, c->name[side]);
		return t ? t->label : NULL;
	}
	if (rk_dr_part(c) == RK_PART_RECORD) {
		const struct rk_record *r = rk_revision_find_record(rev, c->name[side]);
		return r ? r->label : NULL;
	}
	return NULL;
}

void rk_dr_section_title(const struct rk_diff *d, const struct rk_change *c,
			 enum rk_lang lang, struct rk_buf *b)
{
	static const enum rk_word heads[] = {
		[RK_PART_REVISION] = RK_W_SECTION_REVISION,
		[RK_PART_TYPES] = RK_W_SECTION_TYPES,
		[RK_PART_CODES] = RK_W_SECTION_CODES,
		[RK_PART_RECORD] = RK_W_SECTION_RECORDS,
	};
	enum rk_dr_part p = rk_dr_part(c);
	const char *label = section_label(d, c);

	b->len = 0;
	rk_buf_adds(b, rk_dw(lang, heads[p]));
	if (p == RK_PART_CODES || p == RK_PART_RECORD)
		rk_buf_addf(b, " %s", c->name[rk_dr_side(c)]);
	if (label)
		rk_buf_addf(b, " 「%s」", label);
}

const char *rk_dr_section_label(const struct rk_diff *d,
				const struct rk_change *c)
{
	return section_label(d, c);
}

static void add_value(struct rk_buf *b, const char *v, enum rk_lang lang)
{
	rk_buf_adds(b, v ? v : rk_dw(lang, RK_W_NONE));
}

void rk_dr_change_text(const struct rk_change *c, enum rk_lang lang,
		       struct rk_buf *b)
{
	const char *o = c->value[RK_OLD], *n = c->value[RK_NEW];

	b->len = 0;
	rk_buf_adds(b, rk_dw_kind(lang, c->kind));
	if (!o && !n)
		return;
	rk_buf_adds(b, ": ");
	if (c->kind == RK_CH_ADDED || c->kind == RK_CH_REMOVED) {
		add_value(b, o ? o : n, lang);
		return;
	}
	add_value(b, o, lang);
	rk_buf_adds(b, " → ");
	add_value(b, n, lang);
}

bool rk_dr_uniform(const struct rk_change *c)
{
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		if (c->impact[a].breaking || c->impact[a].why != c->impact[0].why)
			return false;
	return true;
}
