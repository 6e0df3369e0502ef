/*
 * renkei/value.h: the value rules of the layout language, shared by
 * `renkei validate` and by the C code that `renkei compile` generates.
 *
 * Every item type of a layout resolves to one struct rk_value_type; a value
 * (the literal text of an XML element or a YAML scalar) either satisfies it
 * or fails exactly one rule, reported as a struct rk_value_error.  Nothing
 * here allocates or prints.
 */
#ifndef RENKEI_VALUE_H
#define RENKEI_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "renkei/utf8.h"
#include "renkei/calendar.h"
#include "renkei/checkdigit.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The built-in item types, in the order the language reference lists them. */
enum rk_kind {
	RK_DIGITS,
	RK_ALNUM,
	RK_ASCII,
	RK_TEXT,
	RK_KANA,
	RK_HANKANA,
	RK_STRING,
	RK_NUMBER,
	RK_DATE,
	RK_DATE8,
	RK_YEARMONTH,
	RK_WAREKI,
	RK_FLAG,
	RK_CODE,
	RK_MYNUMBER,
	RK_LGCODE,
	RK_INSURER
};
#define RK_KIND_COUNT (RK_INSURER + 1)

/* The keyword that names a kind in layout source ("digits", "wareki"...),
 * or NULL for a value outside the enum. */
const char *rk_kind_name(enum rk_kind kind);

/* The kind whose keyword is s[0..n) (not NUL-terminated): 0 and *kind set,
 * or negative when no kind has that name. */
int rk_kind_from_name(const char *s, size_t n, enum rk_kind *kind);

/*
 * One resolved item type.  The struct only points at the code table: the
 * caller owns it and keeps it alive while the type is used (generated code
 * keeps both in static const storage).  A designated initializer is the
 * simplest way to build one:
 *
 *   static const struct rk_value_type hihokensha_no =
 *           { .kind = RK_DIGITS, .min_len = 10, .max_len = 10 };
 *
 * Fields a kind does not use are ignored by it (leave them 0).
 */
struct rk_value_type {
	enum rk_kind kind;
	/* RK_DIGITS .. RK_STRING: the length bounds in code points,
	 * 1 <= min_len <= max_len; digits(n) is min_len = max_len = n,
	 * text(n) is 1..n.  The other kinds have fixed shapes. */
	uint32_t min_len, max_len;
	/* RK_NUMBER: number(p,s), 1 <= precision, 0 <= scale < precision;
	 * at most precision - scale digits before the point, scale after. */
	uint16_t precision, scale;
	/* RK_NUMBER: nonzero for `number(...) signed` (a leading '-'). */
	int is_signed;
	/* RK_CODE: the table's values, NUL-terminated UTF-8, sorted by strcmp
	 * (byte order) without duplicates; n_codes of them. */
	const char *const *codes;
	size_t n_codes;
	/* RK_CODE: the table's name, for messages ("code(care_level)");
	 * may be NULL. */
	const char *code_table;
};

/*
 * The rules a value can fail.  A value fails exactly one: the first that
 * applies in this order, so results are deterministic:
 *
 *  1. RK_RULE_UTF8      the text is not valid UTF-8 (anywhere in it);
 *  2. RK_RULE_CONTROL   it holds a control character (Unicode Cc:
 *                       U+0000..U+001F, U+007F..U+009F), refused by every
 *                       kind;
 *  3. RK_RULE_CHARSET   (digits, alnum, ascii, text, kana, hankana, string,
 *                       mynumber, lgcode, insurer) a character outside the
 *                       kind's set;
 *     RK_RULE_FORMAT    (number, date, date8, yearmonth, wareki) the text
 *                       does not have the kind's shape;
 *     RK_RULE_FLAG      (flag) the text is not "0" or "1";
 *     RK_RULE_CODE      (code) the text is not one of the table's values;
 *  4. RK_RULE_LENGTH    (the kinds checked for CHARSET) too few or too many
 *                       code points;
 *  5. the meaning:      RK_RULE_SIGN, then RK_RULE_PRECISION, then
 *                       RK_RULE_SCALE (number); RK_RULE_DATE (date, date8,
 *                       yearmonth: year, month or day out of range);
 *                       RK_RULE_ERA and RK_RULE_DATE (wareki: unknown era
 *                       code or year 00 (ERA), then no such calendar date
 *                       (DATE), then outside the era (ERA));
 *                       RK_RULE_CHECK_DIGIT (mynumber, lgcode, insurer).
 *
 * Within one rule the first offending character (in text order) is the one
 * reported.  RK_RULE_TYPE is not about the value: the call itself is wrong.
 */
enum rk_rule {
	RK_RULE_OK = 0,
	RK_RULE_UTF8,
	RK_RULE_CONTROL,
	RK_RULE_LENGTH,
	RK_RULE_CHARSET,
	RK_RULE_FORMAT,
	RK_RULE_DATE,
	RK_RULE_ERA,
	RK_RULE_FLAG,
	RK_RULE_CODE,
	RK_RULE_CHECK_DIGIT,
	RK_RULE_PRECISION,
	RK_RULE_SCALE,
	RK_RULE_SIGN,
	RK_RULE_TYPE	/* type NULL or inconsistent, or s NULL with n > 0 */
};
#define RK_RULE_COUNT (RK_RULE_TYPE + 1)

/* Why a value failed: filled by rk_value_check, owned by the caller. */
struct rk_value_error {
	enum rk_rule rule;
	/*
	 * Byte offset in the value of what the rule is about, else 0:
	 * UTF8: the first byte of the first bad sequence;
	 * CONTROL, CHARSET: the first offending character;
	 * FORMAT: the first byte where the text leaves the shape, or n when
	 *         it ends too early;
	 * ERA: 0 (the era code) when the code is unknown;
	 * CHECK_DIGIT: the check digit (the last byte).
	 */
	size_t offset;
	/*
	 * The character at offset, for CONTROL, CHARSET, FORMAT (0 when the
	 * text ended), ERA (unknown code), CHECK_DIGIT (the digit found, as a
	 * character: '3') and SIGN ('-'); for UTF8 the first bad byte's value
	 * (it is not a character); else 0.
	 */
	uint32_t codepoint;
	/*
	 * LENGTH: the value's length in code points (saturated at
	 * UINT32_MAX); PRECISION: the digits found before the point; SCALE:
	 * the digits found after it; else 0.
	 */
	uint32_t length;
	/* CHECK_DIGIT: the check digit the value should end with, 0..9. */
	uint32_t expected;
};

/*
 * Checks the value s[0..n) (the literal text, not NUL-terminated; no
 * trimming) against type.  Returns 0 when it is valid; otherwise
 * -(int)rule, the negated enum rk_rule it fails, and, when err is not NULL,
 * fills *err (on success *err is zeroed).  Does not allocate, reads each
 * byte about once and uses no locale.
 */
int rk_value_check(const struct rk_value_type *type, const char *s, size_t n,
		   struct rk_value_error *err);

/*
 * Returns 0 when the type is consistent: a kind of the enum, length bounds
 * 1 <= min_len <= max_len for the length kinds, 1 <= precision and
 * scale < precision for numbers, a code table that is strictly sorted by
 * strcmp and has no NULL entry.  Negative otherwise.  Meant for once per
 * type (it walks the code table); rk_value_check only repeats the cheap part.
 */
int rk_value_type_valid(const struct rk_value_type *type);

/*
 * The most bytes a valid value of TYPE can take in UTF-8 (4 per code point
 * for the length kinds, the exact width of the fixed shapes, the longest
 * value of a code table), without a NUL.  What a buffer for the value needs,
 * plus one; generated structs are sized by it.
 */
size_t rk_value_max_bytes(const struct rk_value_type *type);

/*
 * The bytes a buffer needs to keep a value of TYPE whole, with its NUL: 4
 * for each code point a valid value may have (the fixed shapes are ASCII),
 * plus one.  Generated structs size their members by it, so that a value
 * with too many characters, or characters wider than the type's, still
 * reaches the checks whole unless it is more than four times too long.
 */
size_t rk_value_buffer_size(const struct rk_value_type *type);

/*
 * The index of s[0..len) in sorted[0..n) (strcmp order, n <= INT_MAX), or
 * -1 when it is not there.  Binary search; s need not be NUL-terminated.
 */
int rk_code_find(const char *const *sorted, size_t n, const char *s, size_t len);

/*
 * The stable machine-readable id of a rule, for reports: "value.ok",
 * "value.utf8", "value.control", "value.length", "value.charset",
 * "value.format", "value.date", "value.era", "value.flag", "value.code",
 * "value.check-digit", "value.precision", "value.scale", "value.sign",
 * "value.type"; "value.unknown" for a value outside the enum.  Static
 * strings.
 */
const char *rk_rule_id(enum rk_rule rule);

/*
 * The functions below write text into buf like snprintf: at most size bytes,
 * always NUL-terminated when size > 0 (a UTF-8 character is never cut in
 * two), and return the length the whole text needs, without the NUL.
 * buf may be NULL when size is 0.  The text is one line of valid UTF-8.
 */

/* The type as layout source writes it: "digits(10)", "text(100)",
 * "ascii(2..13)", "number(7,2) signed", "code(care_level)", "date". */
size_t rk_value_type_syntax(const struct rk_value_type *type, char *buf, size_t size);

/* The type in words, as messages use it after "expected": "10 digits
 * (0-9)", "full-width text of 1 to 100 characters", "a date YYYY-MM-DD". */
size_t rk_value_type_describe(const struct rk_value_type *type, char *buf, size_t size);

/*
 * A one-line English message for the error err that rk_value_check gave for
 * s[0..n) against type, saying what was expected and what was found:
 *   expected 10 digits (0-9), found 9 characters
 *   expected a date YYYY-MM-DD, found "2024-02-30": not a calendar date
 *   check digit is 8, found 3
 * Long values are shortened and characters that cannot be shown are escaped
 * (\xNN for bytes and ASCII controls, \u0085 for C1 controls).
 */
size_t rk_value_describe(const struct rk_value_type *type, const char *s, size_t n,
			 const struct rk_value_error *err, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* RENKEI_VALUE_H */
