/*
 * runtime_internal.h: what the files of librenkei share with each other and
 * not with users: the character classes and the reading of date fields, so
 * that the checker (value.c) and the messages (describe.c) can never
 * disagree about them.  Not installed.
 */
#ifndef RENKEI_RUNTIME_INTERNAL_H
#define RENKEI_RUNTIME_INTERNAL_H

#include "renkei/value.h"

/* An ASCII digit; never the locale's idea of one. */
static inline int rk_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Unicode general category Cc: refused in every kind of value. */
static inline int rk_is_control(uint32_t cp)
{
	return cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F);
}

/* Nonzero for the kinds checked character by character (RK_RULE_CHARSET,
 * then RK_RULE_LENGTH); the others have a shape (RK_RULE_FORMAT) or a
 * list of values. */
static inline int rk_kind_has_charset(enum rk_kind kind)
{
	return kind <= RK_STRING || kind == RK_MYNUMBER || kind == RK_LGCODE ||
	       kind == RK_INSURER;
}

/* Nonzero for the kinds whose length bounds come from the type. */
static inline int rk_kind_has_length(enum rk_kind kind)
{
	return kind <= RK_STRING;
}

/* The part of rk_value_type_valid cheap enough to repeat on every value
 * (it does not walk the code table): 0 or -1.  Inline, as it runs once per
 * value and a call through the shared library's PLT would cost more. */
static inline int rk_type_cheap_valid(const struct rk_value_type *t)
{
	if (!t || (unsigned)t->kind >= RK_KIND_COUNT)
		return -1;
	if (rk_kind_has_length(t->kind) && (t->min_len < 1 || t->min_len > t->max_len))
		return -1;
	if (t->kind == RK_NUMBER && (t->precision < 1 || t->scale >= t->precision))
		return -1;
	if (t->kind == RK_CODE && t->n_codes > 0 && !t->codes)
		return -1;
	return 0;
}

/*
 * The strict decoder behind rk_utf8_decode, inline so that the scan of
 * every value keeps its position and code point in registers.  Decodes
 * the multi-byte sequence whose lead byte is p[i] (>= 0x80, i < n): each
 * byte is checked against the exact range Table 3-7 of the Unicode standard
 * allows at its position, which refuses overlongs (C0, C1, E0 80..9F,
 * F0 80..8F), surrogates (ED A0..BF) and values above U+10FFFF (F4 90..,
 * F5..FF).  Returns the sequence's length with *cp set, or a negative
 * enum rk_utf8_status.
 */
static inline int rk_utf8_decode_exact(const unsigned char *p, size_t n, size_t i,
				       uint32_t *cp)
{
	unsigned char c = p[i], lo = 0x80, hi = 0xBF;
	int len, k;
	uint32_t v;

	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0Fu;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07u;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return RK_UTF8_INVALID;
	}
	for (k = 1; k < len; k++) {
		if (n - i <= (size_t)k)
			return RK_UTF8_TRUNCATED;
		if (p[i + k] < lo || p[i + k] > hi)
			return RK_UTF8_INVALID;
		v = (v << 6) | (p[i + k] & 0x3Fu);
		lo = 0x80;	/* only the first continuation is narrowed */
		hi = 0xBF;
	}
	*cp = v;
	return len;
}

/* rk_utf8_decode_exact with a shortcut for the 3-byte sequences that need
 * no narrowed range (leads E1..EC, EE, EF: U+1000..U+CFFF and
 * U+E000..U+FFFF, which hold kana, kanji and the full-width forms). */
static inline int rk_utf8_decode_multi(const unsigned char *p, size_t n, size_t i,
				       uint32_t *cp)
{
	unsigned c = p[i];

	if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i >= 3 &&
	    (p[i + 1] & 0xC0u) == 0x80u && (p[i + 2] & 0xC0u) == 0x80u) {
		*cp = (uint32_t)(c & 0x0Fu) << 12 | (uint32_t)(p[i + 1] & 0x3Fu) << 6 |
		      (p[i + 2] & 0x3Fu);
		return 3;
	}
	return rk_utf8_decode_exact(p, n, i, cp);
}

/* The fields of a date-like value; era is 0 and day 1 where the kind has
 * none. */
struct rk_date_fields {
	int era, year, month, day;
};

/*
 * Reads the fields of a RK_DATE, RK_DATE8, RK_YEARMONTH or RK_WAREKI value.
 * Returns 0 when s[0..n) has the kind's shape (digits and '-' where the
 * format puts them, nothing more), else -1 with the byte offset where the
 * text leaves the shape in *bad (n when it ends too early).  The fields are
 * only read, not checked: 2024-13-45 is read fine.
 */
int rk_date_fields_read(enum rk_kind kind, const char *s, size_t n,
			struct rk_date_fields *f, size_t *bad);

#endif /* RENKEI_RUNTIME_INTERNAL_H */
