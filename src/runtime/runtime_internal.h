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
 * (it does not walk the code table): 0 or -1. */
int rk_type_cheap_valid(const struct rk_value_type *t);

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
