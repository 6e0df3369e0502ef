/*
 * describe.c: the words around the value rules: rule ids for machine
 * reports, a type written as source or in words, and the one-line message
 * for a failed value ("expected ..., found ...").  This is the error path,
 * but it still allocates nothing and avoids the printf family, whose
 * behaviour depends on the locale: a small bounded writer does the work.
 */
#include "runtime_internal.h"

#include <string.h>

/* Values longer than this many code points are shortened in messages. */
#define QUOTE_MAX 40

/* Longest code list spelt out in a message. */
#define CODES_LISTED 8

/* A bounded writer with snprintf's contract: len counts everything asked
 * for, buf keeps what fits. */
struct out {
	char *buf;
	size_t size, len;
};

static void put_mem(struct out *o, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++, o->len++)
		if (o->len + 1 < o->size)
			o->buf[o->len] = p[i];
}

static void put(struct out *o, const char *str)
{
	put_mem(o, str, strlen(str));
}

static void put_char(struct out *o, char c)
{
	put_mem(o, &c, 1);
}

/* v in decimal, zero-padded to at least width digits. */
static void put_uint(struct out *o, unsigned long long v, int width)
{
	char tmp[24];
	int i = (int)sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
		width--;
	} while (v > 0 || width > 0);
	put_mem(o, tmp + i, sizeof tmp - (size_t)i);
}

/* v in upper-case hexadecimal, zero-padded to at least width digits. */
static void put_hex(struct out *o, unsigned long v, int width)
{
	static const char digits[] = "0123456789ABCDEF";
	char tmp[16];
	int i = (int)sizeof tmp;

	do {
		tmp[--i] = digits[v & 0xF];
		v >>= 4;
		width--;
	} while (v > 0 || width > 0);
	put_mem(o, tmp + i, sizeof tmp - (size_t)i);
}

/* "U+0041" */
static void put_codepoint(struct out *o, uint32_t cp)
{
	put(o, "U+");
	put_hex(o, cp, 4);
}

/* "1 character", "9 characters" */
static void put_count(struct out *o, unsigned long long n, const char *noun)
{
	put_uint(o, n, 1);
	put_char(o, ' ');
	put(o, noun);
	if (n != 1)
		put_char(o, 's');
}

/* Terminates the text, dropping a UTF-8 sequence that the end of the
 * buffer cut in two, and returns the length needed. */
static size_t finish(struct out *o)
{
	size_t end, k;
	unsigned char lead;
	size_t need;

	if (o->size == 0)
		return o->len;
	end = o->len < o->size ? o->len : o->size - 1;
	if (end < o->len) {
		k = end;
		while (k > 0 && ((unsigned char)o->buf[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && (lead = (unsigned char)o->buf[k - 1]) >= 0xC0) {
			need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
			if (end - (k - 1) < need)
				end = k - 1;
		}
	}
	o->buf[end] = '\0';
	return o->len;
}

/* One character of a quoted value, escaped when it cannot be shown. */
static void put_shown(struct out *o, const char *s, uint32_t cp, size_t from, size_t to)
{
	if (cp == '"' || cp == '\\') {
		put_char(o, '\\');
		put_char(o, (char)cp);
	} else if (cp < 0x20 || cp == 0x7F) {
		put(o, "\\x");
		put_hex(o, cp, 2);
	} else if (rk_is_control(cp)) {
		put(o, "\\u");
		put_hex(o, cp, 4);
	} else {
		put_mem(o, s + from, to - from);
	}
}

/* s[0..n) in double quotes: invalid bytes as \xNN, long values cut. */
static void put_quoted(struct out *o, const char *s, size_t n)
{
	size_t pos = 0, at, shown = 0;
	uint32_t cp;

	put_char(o, '"');
	while (pos < n && shown < QUOTE_MAX) {
		at = pos;
		if (rk_utf8_decode(s, n, &pos, &cp) < 0) {
			put(o, "\\x");
			put_hex(o, (unsigned char)s[pos++], 2);
		} else {
			put_shown(o, s, cp, at, pos);
		}
		shown++;
	}
	put_char(o, '"');
	if (pos < n)
		put(o, "...");
}

const char *rk_rule_id(enum rk_rule rule)
{
	static const char *const ids[RK_RULE_COUNT] = {
		"value.ok", "value.utf8", "value.control", "value.length",
		"value.charset", "value.format", "value.date", "value.era",
		"value.flag", "value.code", "value.check-digit",
		"value.precision", "value.scale", "value.sign", "value.type"
	};

	if ((unsigned)rule >= RK_RULE_COUNT)
		return "value.unknown";
	return ids[rule];
}

/* "text(100)", "digits(10)", "ascii(2..13)" */
static void put_length_syntax(struct out *o, const struct rk_value_type *t)
{
	put(o, rk_kind_name(t->kind));
	put_char(o, '(');
	if (t->kind == RK_DIGITS ? t->min_len != t->max_len : t->min_len != 1) {
		put_uint(o, t->min_len, 1);
		put(o, "..");
	}
	put_uint(o, t->max_len, 1);
	put_char(o, ')');
}

static void put_syntax(struct out *o, const struct rk_value_type *t)
{
	if (rk_type_cheap_valid(t) < 0) {
		put(o, "(invalid type)");
	} else if (rk_kind_has_length(t->kind)) {
		put_length_syntax(o, t);
	} else if (t->kind == RK_NUMBER) {
		put(o, "number(");
		put_uint(o, t->precision, 1);
		if (t->scale > 0) {
			put_char(o, ',');
			put_uint(o, t->scale, 1);
		}
		put(o, t->is_signed ? ") signed" : ")");
	} else if (t->kind == RK_CODE && t->code_table) {
		put(o, "code(");
		put(o, t->code_table);
		put_char(o, ')');
	} else {
		put(o, rk_kind_name(t->kind));
	}
}

size_t rk_value_type_syntax(const struct rk_value_type *type, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	put_syntax(&o, type);
	return finish(&o);
}

/* "10", "1 to 100" */
static void put_bounds(struct out *o, const struct rk_value_type *t)
{
	if (t->min_len != t->max_len) {
		put_uint(o, t->min_len, 1);
		put(o, " to ");
	}
	put_uint(o, t->max_len, 1);
}

/* The string kinds in words: "full-width text of 1 to 100 characters". */
static void put_length_words(struct out *o, const struct rk_value_type *t)
{
	/* Indexed by kind, RK_DIGITS .. RK_STRING. */
	static const char *const nouns[RK_STRING + 1] = {
		"digits", "alphanumeric text (0-9, A-Z, a-z)",
		"printable ASCII text", "full-width text", "full-width katakana",
		"half-width katakana", "text"
	};

	if (t->kind == RK_DIGITS) {
		put_bounds(o, t);
		put(o, t->max_len == 1 ? " digit (0-9)" : " digits (0-9)");
		return;
	}
	put(o, nouns[t->kind]);
	put(o, " of ");
	put_bounds(o, t);
	put(o, t->max_len == 1 ? " character" : " characters");
}

static void put_number_words(struct out *o, const struct rk_value_type *t)
{
	put(o, t->is_signed ? "a signed number " : "a number ");
	if (t->scale == 0) {
		put(o, "of at most ");
		put_count(o, t->precision, "digit");
		return;
	}
	put(o, "with at most ");
	put_count(o, (unsigned long)(t->precision - t->scale), "digit");
	put(o, " before the decimal point and at most ");
	put_uint(o, t->scale, 1);
	put(o, " after");
}

static void put_words(struct out *o, const struct rk_value_type *t)
{
	/* The kinds whose words do not depend on the type's fields. */
	static const char *const fixed[RK_KIND_COUNT] = {
		[RK_DATE] = "a date YYYY-MM-DD",
		[RK_DATE8] = "a date YYYYMMDD",
		[RK_YEARMONTH] = "a year and month YYYYMM",
		[RK_WAREKI] = "a Japanese-era date GYYMMDD",
		[RK_FLAG] = "0 or 1",
		[RK_MYNUMBER] = "a 12-digit individual number",
		[RK_LGCODE] = "a 6-digit local government code",
		[RK_INSURER] = "an 8-digit or 6-digit insurer number",
	};

	if (rk_type_cheap_valid(t) < 0) {
		put(o, "a value of a valid type");
	} else if (rk_kind_has_length(t->kind)) {
		put_length_words(o, t);
	} else if (t->kind == RK_NUMBER) {
		put_number_words(o, t);
	} else if (t->kind == RK_CODE) {
		put(o, "a value of ");
		put_syntax(o, t);
	} else {
		put(o, fixed[t->kind]);
	}
}

size_t rk_value_type_describe(const struct rk_value_type *type, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	put_words(&o, type);
	return finish(&o);
}

/* "2019-05-01" */
static void put_date(struct out *o, int y, int m, int d)
{
	put_uint(o, (unsigned long)y, 4);
	put_char(o, '-');
	put_uint(o, (unsigned long)m, 2);
	put_char(o, '-');
	put_uint(o, (unsigned long)d, 2);
}

/* "平成 (Heisei)" */
static void put_era(struct out *o, const struct rk_era *e)
{
	put(o, e->kanji);
	put(o, " (");
	put(o, e->name);
	put_char(o, ')');
}

/* Why a value with the right shape is not a date (RK_RULE_DATE). */
static void put_date_reason(struct out *o, const struct rk_value_type *t, const char *s,
			    size_t n)
{
	struct rk_date_fields f;
	const struct rk_era *e;
	size_t bad;
	int r;

	if (rk_type_cheap_valid(t) < 0 || rk_date_fields_read(t->kind, s, n, &f, &bad) < 0) {
		put(o, "not a calendar date");
		return;
	}
	if (t->kind == RK_WAREKI) {
		/* The era is known good here: name the Gregorian date tried. */
		if ((e = rk_era_find(f.era)) != NULL) {
			put_date(o, e->start_year + f.year - 1, f.month, f.day);
			put_char(o, ' ');
		}
		put(o, "is not a calendar date");
		return;
	}
	r = rk_date_valid(f.year, f.month, f.day);
	if (r == RK_DATE_YEAR) {
		put(o, "there is no year ");
		put_uint(o, (unsigned long)f.year, 4);
	} else if (r == RK_DATE_MONTH) {
		put(o, "there is no month ");
		put_uint(o, (unsigned long)f.month, 2);
	} else {
		put(o, "not a calendar date");
	}
}

/* Why a wareki value does not fall in its era (RK_RULE_ERA). */
static void put_era_reason(struct out *o, const char *s, size_t n)
{
	struct rk_date_fields f;
	const struct rk_era *e;
	size_t bad;
	int y;

	if (rk_date_fields_read(RK_WAREKI, s, n, &f, &bad) < 0) {
		put(o, "not a date of an era");
		return;
	}
	if ((e = rk_era_find(f.era)) == NULL) {
		put(o, "era code ");
		put_uint(o, (unsigned long long)f.era, 1);
		put(o, " is not 1 明治, 2 大正, 3 昭和, 4 平成 or 5 令和");
		return;
	}
	if (f.year < 1) {
		put(o, "the first year of an era is 01 (元年)");
		return;
	}
	y = e->start_year + f.year - 1;
	put_date(o, y, f.month, f.day);
	if (rk_wareki_check(f.era, f.year, f.month, f.day, NULL) == RK_WAREKI_BEFORE) {
		put(o, " is before ");
		put_era(o, e);
		put(o, " began on ");
		put_date(o, e->start_year, e->start_month, e->start_day);
	} else {
		put(o, " is after ");
		put_era(o, e);
		put(o, " ended on ");
		put_date(o, e->end_year, e->end_month, e->end_day);
	}
}

/* " (\"01\", \"12\" or \"99\")", or the count for long tables. */
static void put_code_choices(struct out *o, const struct rk_value_type *t)
{
	size_t i;

	if (rk_type_cheap_valid(t) < 0 || t->kind != RK_CODE)
		return;
	put(o, " (");
	if (t->n_codes == 0) {
		put(o, "the table is empty");
	} else if (t->n_codes > CODES_LISTED) {
		put_count(o, t->n_codes, "value");
	} else {
		for (i = 0; i < t->n_codes; i++) {
			if (i > 0)
				put(o, i + 1 == t->n_codes ? " or " : ", ");
			if (t->codes[i])
				put_quoted(o, t->codes[i], strlen(t->codes[i]));
		}
	}
	put_char(o, ')');
}

/* " at character 10" (1-based, counted in code points). */
static void put_position(struct out *o, const char *s, size_t n, size_t offset)
{
	put(o, " at character ");
	put_uint(o, rk_utf8_length(s, offset < n ? offset : n) + 1, 1);
}

static void put_utf8_found(struct out *o, const char *s, size_t n, const struct rk_value_error *err)
{
	size_t pos = err->offset;
	uint32_t cp;

	if (pos < n && rk_utf8_decode(s, n, &pos, &cp) == RK_UTF8_TRUNCATED) {
		put(o, "a truncated UTF-8 sequence");
	} else {
		put(o, "invalid UTF-8 (byte 0x");
		put_hex(o, err->codepoint, 2);
		put_char(o, ')');
	}
	put(o, " at byte offset ");
	put_uint(o, err->offset, 1);
}

/* "\"X\" (U+0058) at character 10" */
static void put_char_found(struct out *o, const char *s, size_t n, const struct rk_value_error *err)
{
	size_t pos = err->offset;
	uint32_t cp;

	if (pos < n && rk_utf8_decode(s, n, &pos, &cp) == RK_UTF8_OK) {
		put_quoted(o, s + err->offset, pos - err->offset);
		put_char(o, ' ');
	}
	put_char(o, '(');
	put_codepoint(o, err->codepoint);
	put_char(o, ')');
	put_position(o, s, n, err->offset);
}

/* What follows "found " in the message. */
static void put_found(struct out *o, const struct rk_value_type *t, const char *s, size_t n,
		      const struct rk_value_error *err)
{
	switch (err->rule) {
	case RK_RULE_UTF8:
		put_utf8_found(o, s, n, err);
		break;
	case RK_RULE_CONTROL:
		put(o, "control character ");
		put_codepoint(o, err->codepoint);
		put_position(o, s, n, err->offset);
		break;
	case RK_RULE_CHARSET:
		put_char_found(o, s, n, err);
		break;
	case RK_RULE_LENGTH:
		put_count(o, err->length, "character");
		break;
	case RK_RULE_PRECISION:
		put_count(o, err->length, "digit");
		put(o, " before the decimal point");
		break;
	case RK_RULE_SCALE:
		put_count(o, err->length, "digit");
		put(o, " after the decimal point");
		break;
	case RK_RULE_DATE:
		put_quoted(o, s, n);
		put(o, ": ");
		put_date_reason(o, t, s, n);
		break;
	case RK_RULE_ERA:
		put_quoted(o, s, n);
		put(o, ": ");
		put_era_reason(o, s, n);
		break;
	case RK_RULE_SIGN:
		put_quoted(o, s, n);
		put(o, ": the type is not signed");
		break;
	default:	/* FORMAT, FLAG, CODE: the value says it all */
		put_quoted(o, s, n);
		break;
	}
}

static void put_check_digit(struct out *o, const struct rk_value_error *err)
{
	put(o, "check digit is ");
	put_uint(o, err->expected, 1);
	put(o, ", found ");
	if (err->codepoint >= '0' && err->codepoint <= '9')
		put_char(o, (char)err->codepoint);
	else
		put_codepoint(o, err->codepoint);
}

size_t rk_value_describe(const struct rk_value_type *type, const char *s, size_t n,
			 const struct rk_value_error *err, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	if (!s)
		n = 0;
	if (!err || err->rule == RK_RULE_OK) {
		put(&o, "valid");
	} else if ((unsigned)err->rule >= RK_RULE_COUNT) {
		put(&o, "unknown rule");
	} else if (err->rule == RK_RULE_TYPE) {
		put(&o, "invalid value type");
	} else if (err->rule == RK_RULE_CHECK_DIGIT) {
		put_check_digit(&o, err);
	} else {
		put(&o, "expected ");
		put_words(&o, type);
		if (err->rule == RK_RULE_CODE)
			put_code_choices(&o, type);
		put(&o, ", found ");
		put_found(&o, type, s, n, err);
	}
	return finish(&o);
}
