/*
 * value.c: rk_value_check, the value rules of the layout language applied
 * to one value.  One scan decodes the UTF-8 once, counts the code points and
 * remembers the first control character and the first character outside
 * the kind's set; then the kind's own rule (shape, length, meaning) runs on
 * what is by then known to be clean text.  The order the rules are reported
 * in is documented with enum rk_rule in renkei/value.h.
 */
#include "runtime_internal.h"

#include <string.h>

#define NONE SIZE_MAX

/* What the character scan found. */
struct scan {
	size_t count;				/* code points */
	size_t control_at, stray_at;		/* byte offsets, or NONE */
};

/* Records the rule in e and returns what rk_value_check returns for it. */
static int fail(struct rk_value_error *e, enum rk_rule rule, size_t offset, uint32_t cp)
{
	e->rule = rule;
	e->offset = offset;
	e->codepoint = cp;
	return -(int)rule;
}

static uint32_t saturate(size_t v)
{
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/*
 * Which classes each byte belongs to, one bit per class; bytes that are
 * controls or not ASCII belong to none.  A kind accepts an ASCII byte when
 * the byte has the kind's bit, so the scan's inner loop is one lookup.
 */
enum {
	C_DIGIT = 1,	/* digits, mynumber, lgcode, insurer: 0-9 */
	C_ALNUM = 2,	/* alnum: 0-9 A-Z a-z */
	C_PRINT = 4,	/* ascii, string, the shaped kinds: U+0020..U+007E */
	C_HANKANA = 8	/* hankana: 0-9 A-Z space ( ) - . / */
};

#define P C_PRINT
#define H (C_PRINT | C_HANKANA)
#define D (C_DIGIT | C_ALNUM | C_PRINT | C_HANKANA)
#define U (C_ALNUM | C_PRINT | C_HANKANA)
#define L (C_ALNUM | C_PRINT)

static const unsigned char byte_classes[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 0x10 */
	H, P, P, P, P, P, P, P, H, H, P, P, P, H, H, H,	/*  !"#$%&'()*+,-./ */
	D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,	/* 0123456789:;<=>? */
	P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,	/* @ABCDEFGHIJKLMNO */
	U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,	/* PQRSTUVWXYZ[\]^_ */
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,	/* `abcdefghijklmno */
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, 0,	/* pqrstuvwxyz{|}~ DEL */
	/* 0x80..0xFF: not ASCII, zero-filled */
};

#undef P
#undef H
#undef D
#undef U
#undef L

/* The class bit of the ASCII bytes a kind accepts (0: none). */
static unsigned ascii_mask(enum rk_kind kind)
{
	switch (kind) {
	case RK_DIGITS:
	case RK_MYNUMBER:
	case RK_LGCODE:
	case RK_INSURER:
		return C_DIGIT;
	case RK_ALNUM:
		return C_ALNUM;
	case RK_HANKANA:
		return C_HANKANA;
	case RK_TEXT:
	case RK_KANA:
		return 0;
	default:
		/* ascii, string and the shaped kinds, whose bad bytes can
		 * only be controls: their shape is checked afterwards. */
		return C_PRINT;
	}
}

/* Whether a kind accepts cp >= U+0080.  Control characters never reach
 * here, so the sets need not exclude U+0080..U+009F. */
static int wide_in_class(enum rk_kind kind, uint32_t cp)
{
	switch (kind) {
	case RK_TEXT:
		return !(cp >= 0xFF61 && cp <= 0xFF9F);
	case RK_KANA:
		return (cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FB || cp == 0x30FC ||
		       cp == 0x3000;
	case RK_HANKANA:
		return cp >= 0xFF61 && cp <= 0xFF9F;
	case RK_STRING:
		return 1;
	default:
		/* digits, alnum, ascii and the numbers are ASCII only; the
		 * shaped kinds have no set of their own. */
		return !rk_kind_has_charset(kind);
	}
}

/*
 * Decodes s[0..n) once.  A UTF-8 error anywhere outranks every other rule,
 * so it ends the scan; control and charset faults are only remembered
 * (the first of each) while the scan goes on looking for one.  Runs of
 * accepted ASCII bytes, most bytes of most payloads, take the inner loop:
 * one table lookup per byte, and the code point count is derived from the
 * continuation bytes skipped rather than counted byte by byte.
 */
static int scan_text(enum rk_kind kind, const char *s, size_t n, struct scan *sc,
		     struct rk_value_error *e)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned mask = ascii_mask(kind);
	size_t pos = 0, continuations = 0, control_at = NONE, stray_at = NONE;
	uint32_t cp;
	int len;

	for (;;) {
		while (pos < n && (byte_classes[p[pos]] & mask))
			pos++;
		if (pos >= n)
			break;
		cp = p[pos];
		len = 1;
		if (cp >= 0x80) {
			len = rk_utf8_decode_multi(p, n, pos, &cp);
			if (len < 0)
				return fail(e, RK_RULE_UTF8, pos, p[pos]);
			continuations += (size_t)len - 1;
			/* Below U+00A0 are the C1 controls. */
			if (cp >= 0xA0 && wide_in_class(kind, cp)) {
				pos += (size_t)len;
				continue;
			}
		}
		if (rk_is_control(cp)) {
			if (control_at == NONE)
				control_at = pos;
		} else if (stray_at == NONE) {
			stray_at = pos;
		}
		pos += (size_t)len;
	}
	sc->count = n - continuations;
	sc->control_at = control_at;
	sc->stray_at = stray_at;
	return 0;
}

/* The code point that starts at byte `at` of text already known valid. */
static uint32_t char_at(const char *s, size_t n, size_t at)
{
	uint32_t cp = 0;

	if (rk_utf8_decode(s, n, &at, &cp) < 0)
		return 0;	/* cannot happen after a successful scan */
	return cp;
}

/* RK_RULE_FORMAT at byte `at` (n when the text ended too early). */
static int fail_format(const char *s, size_t n, size_t at, struct rk_value_error *e)
{
	return fail(e, RK_RULE_FORMAT, at, at < n ? char_at(s, n, at) : 0);
}

static int check_length(const struct rk_value_type *t, size_t count,
			struct rk_value_error *e)
{
	size_t lo = t->min_len, hi = t->max_len;

	if (t->kind == RK_INSURER) {
		/* 8 digits, or 6 for 国民健康保険, whose numbers omit the
		 * two-digit 法別番号. */
		if (count == 6 || count == 8)
			return 0;
		lo = hi = 0;
	} else if (t->kind == RK_MYNUMBER) {
		lo = hi = 12;
	} else if (t->kind == RK_LGCODE) {
		lo = hi = 6;
	}
	if (count >= lo && count <= hi)
		return 0;
	e->length = saturate(count);
	return fail(e, RK_RULE_LENGTH, 0, 0);
}

/* The check digit of mynumber, lgcode and insurer; s is all digits and of
 * the right length by now. */
static int check_check_digit(enum rk_kind kind, const char *s, size_t n,
			     struct rk_value_error *e)
{
	int want;

	if (kind == RK_MYNUMBER)
		want = rk_mynumber_check_digit(s);
	else if (kind == RK_LGCODE)
		want = rk_lgcode_check_digit(s);
	else if (kind == RK_INSURER)
		want = rk_luhn_check_digit(s, n - 1);
	else
		return 0;
	if (want == s[n - 1] - '0')
		return 0;
	e->expected = want < 0 ? 0 : (uint32_t)want;
	return fail(e, RK_RULE_CHECK_DIGIT, n - 1, (unsigned char)s[n - 1]);
}

/* The index just past the run of ASCII digits that starts at i. */
static size_t skip_digits(const char *s, size_t n, size_t i)
{
	while (i < n && rk_is_digit(s[i]))
		i++;
	return i;
}

/*
 * number(p,s): the shape -?[0-9]+(\.[0-9]+)? first, so that "1.2.3" is a
 * format error and not a scale error; then the sign, the integer digits
 * (at most p - s, leading zeros included: the text is literal) and the
 * decimals (at most s, so any point fails number(p)).
 */
static int check_number(const struct rk_value_type *t, const char *s, size_t n,
			struct rk_value_error *e)
{
	size_t i, start, int_digits, frac_digits = 0;

	i = start = (n > 0 && s[0] == '-');
	i = skip_digits(s, n, i);
	int_digits = i - start;
	if (int_digits == 0)
		return fail_format(s, n, i, e);
	if (i < n && s[i] == '.') {
		start = ++i;
		i = skip_digits(s, n, i);
		frac_digits = i - start;
		if (frac_digits == 0)
			return fail_format(s, n, i, e);
	}
	if (i < n)
		return fail_format(s, n, i, e);
	if (s[0] == '-' && !t->is_signed)
		return fail(e, RK_RULE_SIGN, 0, '-');
	if (int_digits > (size_t)(t->precision - t->scale)) {
		e->length = saturate(int_digits);
		return fail(e, RK_RULE_PRECISION, 0, 0);
	}
	if (frac_digits > t->scale) {
		e->length = saturate(frac_digits);
		return fail(e, RK_RULE_SCALE, 0, 0);
	}
	return 0;
}

static int check_date(enum rk_kind kind, const char *s, size_t n, struct rk_value_error *e)
{
	struct rk_date_fields f;
	size_t bad;

	if (rk_date_fields_read(kind, s, n, &f, &bad) < 0)
		return fail_format(s, n, bad, e);
	if (rk_date_valid(f.year, f.month, f.day) != RK_DATE_OK)
		return fail(e, RK_RULE_DATE, 0, 0);
	return 0;
}

static int check_wareki(const char *s, size_t n, struct rk_value_error *e)
{
	struct rk_date_fields f;
	size_t bad;

	if (rk_date_fields_read(RK_WAREKI, s, n, &f, &bad) < 0)
		return fail_format(s, n, bad, e);
	switch (rk_wareki_check(f.era, f.year, f.month, f.day, NULL)) {
	case RK_WAREKI_OK:
		return 0;
	case RK_WAREKI_ERA:
		return fail(e, RK_RULE_ERA, 0, (unsigned char)s[0]);
	case RK_WAREKI_DATE:
		return fail(e, RK_RULE_DATE, 0, 0);
	default:	/* year 00, before or after the era */
		return fail(e, RK_RULE_ERA, 0, 0);
	}
}

/* The rules after the scan, by kind. */
static int check_kind(const struct rk_value_type *t, const char *s, size_t n,
		      size_t count, struct rk_value_error *e)
{
	switch (t->kind) {
	case RK_NUMBER:
		return check_number(t, s, n, e);
	case RK_DATE:
	case RK_DATE8:
	case RK_YEARMONTH:
		return check_date(t->kind, s, n, e);
	case RK_WAREKI:
		return check_wareki(s, n, e);
	case RK_FLAG:
		if (n == 1 && (s[0] == '0' || s[0] == '1'))
			return 0;
		return fail(e, RK_RULE_FLAG, 0, 0);
	case RK_CODE:
		if (rk_code_find(t->codes, t->n_codes, s, n) >= 0)
			return 0;
		return fail(e, RK_RULE_CODE, 0, 0);
	default:
		if (check_length(t, count, e) < 0)
			return -(int)e->rule;
		return check_check_digit(t->kind, s, n, e);
	}
}

int rk_value_check(const struct rk_value_type *type, const char *s, size_t n,
		   struct rk_value_error *err)
{
	struct rk_value_error local;
	struct rk_value_error *e = err ? err : &local;
	struct scan sc;

	memset(e, 0, sizeof *e);
	if (rk_type_cheap_valid(type) < 0 || (!s && n > 0))
		return fail(e, RK_RULE_TYPE, 0, 0);
	if (scan_text(type->kind, s, n, &sc, e) < 0)
		return -(int)e->rule;
	/* Decoding the offending character again costs nothing on the
	 * path of valid values, which never come here. */
	if (sc.control_at != NONE)
		return fail(e, RK_RULE_CONTROL, sc.control_at, char_at(s, n, sc.control_at));
	if (sc.stray_at != NONE)
		return fail(e, RK_RULE_CHARSET, sc.stray_at, char_at(s, n, sc.stray_at));
	return check_kind(type, s, n, sc.count, e);
}

/* Where a date-like kind keeps its fields: the pattern ('N' a digit, other
 * bytes themselves) and the offsets of the fields, -1 when absent. */
struct shape {
	const char *pattern;
	int era_at, year_at, year_len, month_at, day_at;
};

static const struct shape *shape_of(enum rk_kind kind)
{
	static const struct shape date = { "NNNN-NN-NN", -1, 0, 4, 5, 8 };
	static const struct shape date8 = { "NNNNNNNN", -1, 0, 4, 4, 6 };
	static const struct shape yearmonth = { "NNNNNN", -1, 0, 4, 4, -1 };
	static const struct shape wareki = { "NNNNNNN", 0, 1, 2, 3, 5 };

	switch (kind) {
	case RK_DATE:
		return &date;
	case RK_DATE8:
		return &date8;
	case RK_YEARMONTH:
		return &yearmonth;
	case RK_WAREKI:
		return &wareki;
	default:
		return NULL;
	}
}

/* The decimal number in the len digits at s + at, or dflt when at < 0. */
static int field(const char *s, int at, int len, int dflt)
{
	int i, v = 0;

	if (at < 0)
		return dflt;
	for (i = 0; i < len; i++)
		v = v * 10 + (s[at + i] - '0');
	return v;
}

int rk_date_fields_read(enum rk_kind kind, const char *s, size_t n,
			struct rk_date_fields *f, size_t *bad)
{
	const struct shape *sh = shape_of(kind);
	size_t i, len;

	*bad = 0;
	if (!sh)
		return -1;
	len = strlen(sh->pattern);
	for (i = 0; i < len; i++) {
		if (i >= n || !(sh->pattern[i] == 'N' ? rk_is_digit(s[i]) : s[i] == sh->pattern[i])) {
			*bad = i;
			return -1;
		}
	}
	if (n > len) {
		*bad = len;
		return -1;
	}
	f->era = field(s, sh->era_at, 1, 0);
	f->year = field(s, sh->year_at, sh->year_len, 0);
	f->month = field(s, sh->month_at, 2, 0);
	f->day = field(s, sh->day_at, 2, 1);
	return 0;
}
