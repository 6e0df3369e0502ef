/*
 * test_value.c: CUnit suites for librenkei's value rules, one suite per
 * rule or building block, probing each boundary from both sides (the last
 * character a class accepts and the first it refuses, lengths at min - 1,
 * min, max and max + 1, era boundary days).  Values are written as string
 * literals and measured with sizeof, so they may hold NUL bytes and need no
 * terminator.  Exits non-zero when any assertion fails.
 */
#include <stdio.h>
#include <string.h>

#include <CUnit/Basic.h>

#include <renkei/value.h>

/* The length of a string literal, NUL bytes inside it included. */
#define LIT(s) (s), (sizeof(s) - 1)

/* rk_value_check's rule for a literal; the return value must agree. */
#define RULE(t, s) rule_of((t), LIT(s))

/* A sentinel no rule has: rk_value_check's return and err disagreed. */
#define INCONSISTENT ((enum rk_rule)99)

static enum rk_rule rule_of(const struct rk_value_type *t, const char *s, size_t n)
{
	struct rk_value_error e;
	int r = rk_value_check(t, s, n, &e);

	if (r != -(int)e.rule)
		return INCONSISTENT;
	return e.rule;
}

/* The full error for a literal. */
static struct rk_value_error error_of(const struct rk_value_type *t, const char *s, size_t n)
{
	struct rk_value_error e;

	rk_value_check(t, s, n, &e);
	return e;
}

static struct rk_value_type sized(enum rk_kind kind, uint32_t min, uint32_t max)
{
	struct rk_value_type t;

	memset(&t, 0, sizeof t);
	t.kind = kind;
	t.min_len = min;
	t.max_len = max;
	return t;
}

static struct rk_value_type plain(enum rk_kind kind)
{
	return sized(kind, 0, 0);
}

static struct rk_value_type number(uint16_t p, uint16_t s, int is_signed)
{
	struct rk_value_type t = plain(RK_NUMBER);

	t.precision = p;
	t.scale = s;
	t.is_signed = is_signed;
	return t;
}

static const char *const care_level[] = { "00", "01", "12", "21", "99" };

static struct rk_value_type code_type(void)
{
	struct rk_value_type t = plain(RK_CODE);

	t.codes = care_level;
	t.n_codes = sizeof care_level / sizeof care_level[0];
	t.code_table = "care_level";
	return t;
}

/* rk_value_describe for a literal, checked first. */
#define MESSAGE(t, s, buf) message_of((t), LIT(s), (buf), sizeof(buf))

static const char *message_of(const struct rk_value_type *t, const char *s, size_t n,
			      char *buf, size_t size)
{
	struct rk_value_error e;

	rk_value_check(t, s, n, &e);
	rk_value_describe(t, s, n, &e, buf, size);
	return buf;
}

/* Asserts a message and shows the one found when it differs. */
#define ASSERT_MESSAGE(t, s, want) \
	do { \
		char buf_[512]; \
		const char *got_ = MESSAGE((t), s, buf_); \
		if (strcmp(got_, (want)) != 0) \
			fprintf(stderr, "\n  want: %s\n  got:  %s\n", (want), got_); \
		CU_ASSERT_STRING_EQUAL(got_, (want)); \
	} while (0)

/* ---- UTF-8 ---------------------------------------------------------- */

/* Decodes the single character a literal holds: its code point, or the
 * negative status; also asserts that a success consumed every byte. */
static long decode1(const char *s, size_t n)
{
	size_t pos = 0;
	uint32_t cp = 0;
	int r = rk_utf8_decode(s, n, &pos, &cp);

	if (r < 0) {
		CU_ASSERT_EQUAL(pos, 0);
		return r;
	}
	CU_ASSERT_EQUAL(pos, n);
	return (long)cp;
}

#define DECODE(s) decode1(LIT(s))

static void test_utf8_valid_boundaries(void)
{
	CU_ASSERT_EQUAL(DECODE("\x00"), 0x00);
	CU_ASSERT_EQUAL(DECODE("\x7F"), 0x7F);
	CU_ASSERT_EQUAL(DECODE("\xC2\x80"), 0x80);
	CU_ASSERT_EQUAL(DECODE("\xDF\xBF"), 0x7FF);
	CU_ASSERT_EQUAL(DECODE("\xE0\xA0\x80"), 0x800);
	CU_ASSERT_EQUAL(DECODE("\xE3\x81\x82"), 0x3042);	/* あ */
	CU_ASSERT_EQUAL(DECODE("\xED\x9F\xBF"), 0xD7FF);
	CU_ASSERT_EQUAL(DECODE("\xEE\x80\x80"), 0xE000);
	CU_ASSERT_EQUAL(DECODE("\xEF\xBF\xBF"), 0xFFFF);
	CU_ASSERT_EQUAL(DECODE("\xF0\x90\x80\x80"), 0x10000);
	CU_ASSERT_EQUAL(DECODE("\xF0\xA0\xAE\xB7"), 0x20BB7);	/* 𠮷 */
	CU_ASSERT_EQUAL(DECODE("\xF4\x8F\xBF\xBF"), 0x10FFFF);
}

static void test_utf8_overlongs(void)
{
	CU_ASSERT_EQUAL(DECODE("\xC0\x80"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xC1\xBF"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xE0\x80\x80"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xE0\x9F\xBF"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xF0\x80\x80\x80"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xF0\x8F\xBF\xBF"), RK_UTF8_INVALID);
}

static void test_utf8_surrogates_and_range(void)
{
	CU_ASSERT_EQUAL(DECODE("\xED\xA0\x80"), RK_UTF8_INVALID);	/* U+D800 */
	CU_ASSERT_EQUAL(DECODE("\xED\xBF\xBF"), RK_UTF8_INVALID);	/* U+DFFF */
	CU_ASSERT_EQUAL(DECODE("\xF4\x90\x80\x80"), RK_UTF8_INVALID);	/* U+110000 */
	CU_ASSERT_EQUAL(DECODE("\xF5\x80\x80\x80"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xFE"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xFF"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\x80"), RK_UTF8_INVALID);	/* stray continuation */
	CU_ASSERT_EQUAL(DECODE("\xBF"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xC2\x41"), RK_UTF8_INVALID);	/* missing continuation */
	CU_ASSERT_EQUAL(DECODE("\xC2\xC0"), RK_UTF8_INVALID);
}

static void test_utf8_truncated(void)
{
	size_t pos = 3;
	uint32_t cp = 7;

	CU_ASSERT_EQUAL(DECODE("\xC2"), RK_UTF8_TRUNCATED);
	CU_ASSERT_EQUAL(DECODE("\xE3\x81"), RK_UTF8_TRUNCATED);
	CU_ASSERT_EQUAL(DECODE("\xF0\x9F\x98"), RK_UTF8_TRUNCATED);
	/* A prefix that no continuation can save is invalid, not short. */
	CU_ASSERT_EQUAL(DECODE("\xED\xA0"), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(DECODE("\xE3\x81\x41"), RK_UTF8_INVALID);
	/* At the end there is nothing to decode, and nothing moves. */
	CU_ASSERT_EQUAL(rk_utf8_decode("abc", 3, &pos, &cp), RK_UTF8_END);
	CU_ASSERT_EQUAL(pos, 3);
	CU_ASSERT_EQUAL(cp, 7);
}

static void test_utf8_validate_and_length(void)
{
	size_t bad = 99;

	CU_ASSERT_EQUAL(rk_utf8_validate(LIT("a\xE3\x81\x82\xF0\xA0\xAE\xB7"), &bad), RK_UTF8_OK);
	CU_ASSERT_EQUAL(bad, 99);
	CU_ASSERT_EQUAL(rk_utf8_validate(LIT("ab\xE3\x81\x82\xC0\x80"), &bad), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(bad, 5);
	CU_ASSERT_EQUAL(rk_utf8_validate(LIT("ab\xE3\x81"), &bad), RK_UTF8_TRUNCATED);
	CU_ASSERT_EQUAL(bad, 2);
	CU_ASSERT_EQUAL(rk_utf8_validate(LIT("\x80"), NULL), RK_UTF8_INVALID);
	CU_ASSERT_EQUAL(rk_utf8_validate("", 0, NULL), RK_UTF8_OK);
	/* A 4-byte character counts as one. */
	CU_ASSERT_EQUAL(rk_utf8_length(LIT("\xF0\xA0\xAE\xB7")), 1);
	CU_ASSERT_EQUAL(rk_utf8_length(LIT("a\xE3\x81\x82\xF0\xA0\xAE\xB7z")), 4);
	CU_ASSERT_EQUAL(rk_utf8_length("", 0), 0);
}

static void test_utf8_rule(void)
{
	struct rk_value_type s = sized(RK_STRING, 1, 100);
	struct rk_value_type d = sized(RK_DIGITS, 1, 100);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&s, "ab\xC0\x80"), RK_RULE_UTF8);
	e = error_of(&s, LIT("ab\xC0\x80"));
	CU_ASSERT_EQUAL(e.offset, 2);
	CU_ASSERT_EQUAL(e.codepoint, 0xC0);
	CU_ASSERT_EQUAL(RULE(&s, "\xED\xA0\x80"), RK_RULE_UTF8);
	CU_ASSERT_EQUAL(RULE(&s, "\xF4\x90\x80\x80"), RK_RULE_UTF8);
	CU_ASSERT_EQUAL(RULE(&s, "abc\xE3\x81"), RK_RULE_UTF8);
	/* UTF-8 outranks a control character and a stray character met
	 * earlier in the text. */
	CU_ASSERT_EQUAL(RULE(&s, "\t\xC0"), RK_RULE_UTF8);
	CU_ASSERT_EQUAL(RULE(&d, "x1\xFF"), RK_RULE_UTF8);
	e = error_of(&d, LIT("x1\xFF"));
	CU_ASSERT_EQUAL(e.offset, 2);
	/* Every kind refuses it, shape or no shape. */
	{
		struct rk_value_type f = plain(RK_FLAG), dt = plain(RK_DATE), c = code_type();

		CU_ASSERT_EQUAL(RULE(&f, "\xC0"), RK_RULE_UTF8);
		CU_ASSERT_EQUAL(RULE(&dt, "2024-01-0\xC0"), RK_RULE_UTF8);
		CU_ASSERT_EQUAL(RULE(&c, "0\x80"), RK_RULE_UTF8);
	}
}

/*
 * A reference decoder written from the bit patterns rather than from byte
 * ranges: take the payload bits, then refuse what is too small for its
 * length (overlong), a surrogate or above U+10FFFF.  -1 invalid, -2 cut
 * short (some completion of the bytes present would be valid).
 */
static long ref_decode_full(const unsigned char *p, size_t n, size_t *len)
{
	static const uint32_t min_for[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t need, k;
	uint32_t cp;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		need = 2;
		cp = p[0] & 0x1Fu;
	} else if ((p[0] & 0xF0) == 0xE0) {
		need = 3;
		cp = p[0] & 0x0Fu;
	} else if ((p[0] & 0xF8) == 0xF0) {
		need = 4;
		cp = p[0] & 0x07u;
	} else {
		return -1;
	}
	if (n < need)
		return -3;	/* the caller completes it */
	for (k = 1; k < need; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[k] & 0x3Fu);
	}
	if (cp < min_for[need] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return -1;
	*len = need;
	return (long)cp;
}

static long ref_decode(const unsigned char *p, size_t n, size_t *len)
{
	unsigned char buf[4];
	size_t k, fill;
	unsigned b;
	long r = ref_decode_full(p, n, len);

	if (r != -3)
		return r;
	/* Cut short: truncated if some completion is valid.  Only the first
	 * continuation byte narrows the range, so try each value there and
	 * 0x80 after it. */
	for (b = 0x80; b <= 0xBF; b++) {
		memcpy(buf, p, n);
		for (fill = n; fill < 4; fill++)
			buf[fill] = (unsigned char)(fill == 1 ? b : 0x80);
		for (k = 1; k < n; k++)
			if ((buf[k] & 0xC0) != 0x80)
				return -1;
		if (ref_decode_full(buf, 4, len) >= 0)
			return -2;
	}
	return -1;
}

/* Compares rk_utf8_decode and rk_value_check(string) with the reference
 * on one byte sequence; returns nonzero on a disagreement. */
static int differs(const unsigned char *p, size_t n)
{
	struct rk_value_type t = sized(RK_STRING, 1, 8);
	size_t pos = 0, ref_len = 0;
	uint32_t cp = 0;
	long ref = ref_decode(p, n, &ref_len);
	int r = rk_utf8_decode((const char *)p, n, &pos, &cp);
	enum rk_rule rule = rule_of(&t, (const char *)p, n);

	if (ref >= 0)
		return r != 0 || cp != (uint32_t)ref || pos != ref_len ||
		       (ref_len == n && rule == RK_RULE_UTF8);
	if (ref == -2)
		return r != RK_UTF8_TRUNCATED || rule != RK_RULE_UTF8;
	return r != RK_UTF8_INVALID || rule != RK_RULE_UTF8;
}

static void test_utf8_against_reference(void)
{
	static const unsigned char tails[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
					       0x9F, 0xA0, 0xBF, 0xC0, 0xFF };
	unsigned char b[4];
	unsigned a, c, i, j, bad = 0;

	/* Every 1- and 2-byte sequence, and every lead alone. */
	for (a = 0; a < 256; a++) {
		b[0] = (unsigned char)a;
		bad += (unsigned)differs(b, 1);
		for (c = 0; c < 256; c++) {
			b[1] = (unsigned char)c;
			bad += (unsigned)differs(b, 2);
		}
	}
	/* Leads E0..FF with every second byte and the interesting third
	 * and fourth bytes, whole and cut short. */
	for (a = 0xE0; a < 256; a++) {
		for (c = 0; c < 256; c++) {
			for (i = 0; i < sizeof tails; i++) {
				b[0] = (unsigned char)a;
				b[1] = (unsigned char)c;
				b[2] = tails[i];
				bad += (unsigned)differs(b, 3);
				for (j = 0; j < sizeof tails; j++) {
					b[3] = tails[j];
					bad += (unsigned)differs(b, 4);
				}
			}
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* Every kind of bad sequence, inside a value of each kind. */
static void test_utf8_inside_values(void)
{
	static const char *const bad[] = {
		"\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
		"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xFF", "\xE3\x81", "\xE3\x41\x82"
	};
	char v[16];
	size_t i, len;
	int k;

	for (k = 0; k < RK_KIND_COUNT; k++) {
		struct rk_value_type t = sized((enum rk_kind)k, 1, 20);

		if (k == RK_NUMBER)
			t = number(5, 2, 1);
		else if (k == RK_CODE)
			t = code_type();
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct rk_value_error e;

			len = strlen(bad[i]);
			memcpy(v, "\xE3\x81\x82", 3);	/* あ first */
			memcpy(v + 3, bad[i], len);
			e = error_of(&t, v, 3 + len);
			CU_ASSERT_EQUAL(e.rule, RK_RULE_UTF8);
			CU_ASSERT_EQUAL(e.offset, 3);
			CU_ASSERT_EQUAL(e.codepoint, (unsigned char)bad[i][0]);
		}
	}
}

/* ---- control characters ----------------------------------------------- */

/* A type of each kind that "1" or "0" would not fail for a control reason. */
static struct rk_value_type any_of_kind(enum rk_kind k)
{
	struct rk_value_type t = sized(k, 1, 20);

	if (k == RK_NUMBER)
		t = number(5, 2, 1);
	else if (k == RK_CODE)
		t = code_type();
	return t;
}

static void test_control_every_kind(void)
{
	int k;

	for (k = 0; k < RK_KIND_COUNT; k++) {
		struct rk_value_type t = any_of_kind((enum rk_kind)k);
		struct rk_value_error e;

		CU_ASSERT_EQUAL(RULE(&t, "1\t"), RK_RULE_CONTROL);
		CU_ASSERT_EQUAL(RULE(&t, "\n"), RK_RULE_CONTROL);
		CU_ASSERT_EQUAL(RULE(&t, "0\r\n"), RK_RULE_CONTROL);
		e = error_of(&t, LIT("1\t"));
		CU_ASSERT_EQUAL(e.offset, 1);
		CU_ASSERT_EQUAL(e.codepoint, 0x09);
	}
}

static void test_control_boundaries(void)
{
	struct rk_value_type s = sized(RK_STRING, 1, 10);
	struct rk_value_type tx = sized(RK_TEXT, 1, 10);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&s, "a\x00z"), RK_RULE_CONTROL);	/* NUL inside */
	e = error_of(&s, LIT("a\x00z"));
	CU_ASSERT_EQUAL(e.offset, 1);
	CU_ASSERT_EQUAL(e.codepoint, 0);
	CU_ASSERT_EQUAL(RULE(&s, "\x1F"), RK_RULE_CONTROL);
	CU_ASSERT_EQUAL(RULE(&s, " "), RK_RULE_OK);		/* U+0020 */
	CU_ASSERT_EQUAL(RULE(&s, "~"), RK_RULE_OK);		/* U+007E */
	CU_ASSERT_EQUAL(RULE(&s, "\x7F"), RK_RULE_CONTROL);	/* U+007F */
	CU_ASSERT_EQUAL(RULE(&s, "\xC2\x80"), RK_RULE_CONTROL);	/* U+0080 */
	CU_ASSERT_EQUAL(RULE(&s, "\xC2\x85"), RK_RULE_CONTROL);	/* U+0085 NEL */
	CU_ASSERT_EQUAL(RULE(&s, "\xC2\x9F"), RK_RULE_CONTROL);	/* U+009F */
	CU_ASSERT_EQUAL(RULE(&s, "\xC2\xA0"), RK_RULE_OK);	/* U+00A0 */
	/* The C1 range is refused as control even where the kind's set
	 * would take it (text takes everything that is not ASCII). */
	CU_ASSERT_EQUAL(RULE(&tx, "\xC2\x9F"), RK_RULE_CONTROL);
	CU_ASSERT_EQUAL(RULE(&tx, "\xC2\xA0"), RK_RULE_OK);
	/* Control outranks a stray character that comes first. */
	{
		struct rk_value_type d = sized(RK_DIGITS, 1, 10);

		CU_ASSERT_EQUAL(RULE(&d, "A1\t"), RK_RULE_CONTROL);
		e = error_of(&d, LIT("A1\t"));
		CU_ASSERT_EQUAL(e.offset, 2);
	}
}

/* ---- character sets --------------------------------------------------- */

static void test_charset_digits(void)
{
	struct rk_value_type t = sized(RK_DIGITS, 1, 10);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&t, "0123456789"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "/"), RK_RULE_CHARSET);	/* '0' - 1 */
	CU_ASSERT_EQUAL(RULE(&t, ":"), RK_RULE_CHARSET);	/* '9' + 1 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBC\x91"), RK_RULE_CHARSET);	/* full-width １ */
	CU_ASSERT_EQUAL(RULE(&t, "-1"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, " 1"), RK_RULE_CHARSET);
	/* The first stray character is the one reported. */
	e = error_of(&t, LIT("1X2Y"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(e.offset, 1);
	CU_ASSERT_EQUAL(e.codepoint, 'X');
	/* The character set is checked before the length. */
	t = sized(RK_DIGITS, 10, 10);
	CU_ASSERT_EQUAL(RULE(&t, "12X"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "123456789012X"), RK_RULE_CHARSET);
}

static void test_charset_alnum(void)
{
	struct rk_value_type t = sized(RK_ALNUM, 1, 10);

	CU_ASSERT_EQUAL(RULE(&t, "09AZaz"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "@"), RK_RULE_CHARSET);	/* 'A' - 1 */
	CU_ASSERT_EQUAL(RULE(&t, "["), RK_RULE_CHARSET);	/* 'Z' + 1 */
	CU_ASSERT_EQUAL(RULE(&t, "`"), RK_RULE_CHARSET);	/* 'a' - 1 */
	CU_ASSERT_EQUAL(RULE(&t, "{"), RK_RULE_CHARSET);	/* 'z' + 1 */
	CU_ASSERT_EQUAL(RULE(&t, "a b"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "A-1"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBC\xA1"), RK_RULE_CHARSET);	/* full-width Ａ */
}

static void test_charset_ascii(void)
{
	struct rk_value_type t = sized(RK_ASCII, 1, 13);

	CU_ASSERT_EQUAL(RULE(&t, " "), RK_RULE_OK);		/* U+0020 */
	CU_ASSERT_EQUAL(RULE(&t, "~"), RK_RULE_OK);		/* U+007E */
	CU_ASSERT_EQUAL(RULE(&t, "03-1234-5678"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "\x7F"), RK_RULE_CONTROL);	/* U+007F */
	CU_ASSERT_EQUAL(RULE(&t, "\xC2\xA0"), RK_RULE_CHARSET);	/* U+00A0 */
	CU_ASSERT_EQUAL(RULE(&t, "\xC3\xA9"), RK_RULE_CHARSET);	/* é */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82"), RK_RULE_CHARSET);
}

static void test_charset_text(void)
{
	struct rk_value_type t = sized(RK_TEXT, 1, 10);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&t, "\xE5\xB1\xB1\xE7\x94\xB0"), RK_RULE_OK);	/* 山田 */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x80\x80"), RK_RULE_OK);	/* U+3000 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBC\xA1"), RK_RULE_OK);	/* Ａ U+FF21 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBD\xA0"), RK_RULE_OK);	/* U+FF60 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBD\xA1"), RK_RULE_CHARSET);	/* U+FF61 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBE\x9F"), RK_RULE_CHARSET);	/* U+FF9F */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBE\xA0"), RK_RULE_OK);	/* U+FFA0 */
	CU_ASSERT_EQUAL(RULE(&t, "\xF0\xA0\xAE\xB7"), RK_RULE_OK);	/* 𠮷 */
	CU_ASSERT_EQUAL(RULE(&t, "A"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, " "), RK_RULE_CHARSET);		/* ASCII space */
	CU_ASSERT_EQUAL(RULE(&t, "~"), RK_RULE_CHARSET);
	e = error_of(&t, LIT("\xE5\xB1\xB1\xEF\xBD\xB1"));	/* 山ｱ */
	CU_ASSERT_EQUAL(e.rule, RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(e.offset, 3);
	CU_ASSERT_EQUAL(e.codepoint, 0xFF71);
}

static void test_charset_kana(void)
{
	struct rk_value_type t = sized(RK_KANA, 1, 10);

	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xA4\xE3\x83\x9E\xE3\x83\x80"), RK_RULE_OK);	/* ヤマダ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x82\xA0"), RK_RULE_CHARSET);	/* U+30A0 */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x82\xA1"), RK_RULE_OK);	/* U+30A1 ァ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xB6"), RK_RULE_OK);	/* U+30F6 ヶ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xB7"), RK_RULE_CHARSET);	/* U+30F7 ヷ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xBA"), RK_RULE_CHARSET);	/* U+30FA ヺ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xBB"), RK_RULE_OK);	/* U+30FB ・ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xBC"), RK_RULE_OK);	/* U+30FC ー */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x83\xBD"), RK_RULE_CHARSET);	/* U+30FD ヽ */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x80\x80"), RK_RULE_OK);	/* U+3000 */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82"), RK_RULE_CHARSET);	/* hiragana あ */
	CU_ASSERT_EQUAL(RULE(&t, " "), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBD\xB1"), RK_RULE_CHARSET);	/* ｱ */
}

static void test_charset_hankana(void)
{
	struct rk_value_type t = sized(RK_HANKANA, 1, 40);

	/* ﾔﾏﾀﾞ ﾀﾛｳ (CO.) 0-9/ */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBE\x94\xEF\xBE\x8F\xEF\xBE\x80\xEF\xBE\x9E \xEF\xBE\x80"
				 "\xEF\xBE\x9B\xEF\xBD\xB3 (CO.) 0-9/"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBD\xA0"), RK_RULE_CHARSET);	/* U+FF60 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBD\xA1"), RK_RULE_OK);	/* U+FF61 */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBE\x9F"), RK_RULE_OK);	/* U+FF9F */
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBE\xA0"), RK_RULE_CHARSET);	/* U+FFA0 */
	CU_ASSERT_EQUAL(RULE(&t, "AZ09"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "a"), RK_RULE_CHARSET);	/* lower case */
	CU_ASSERT_EQUAL(RULE(&t, ","), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "&"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x82\xA2"), RK_RULE_CHARSET);	/* full-width ア */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x80\x80"), RK_RULE_CHARSET);	/* full-width space */
}

static void test_charset_string(void)
{
	struct rk_value_type t = sized(RK_STRING, 1, 10);

	CU_ASSERT_EQUAL(RULE(&t, "a \xEF\xBD\xB1\xE5\xB1\xB1\xF0\xA0\xAE\xB7~"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBF\xBF"), RK_RULE_OK);	/* U+FFFF is not Cc */
	CU_ASSERT_EQUAL(RULE(&t, "a\x7F"), RK_RULE_CONTROL);
}

/* Every ASCII byte against every kind, with each set spelt out here as a
 * list rather than as ranges, so a slip in the library's table shows. */
static void test_charset_every_ascii_byte(void)
{
	static const char digits[] = "0123456789";
	static const char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz";
	static const char hankana[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ()-./";
	int k;
	unsigned c, bad = 0;

	for (k = 0; k <= RK_STRING; k++) {
		struct rk_value_type t = sized((enum rk_kind)k, 1, 5);

		for (c = 0; c < 0x80; c++) {
			char v = (char)c;
			enum rk_rule want = RK_RULE_CHARSET;
			const char *set = NULL;

			if (k == RK_DIGITS)
				set = digits;
			else if (k == RK_ALNUM)
				set = alnum;
			else if (k == RK_HANKANA)
				set = hankana;
			if (c < 0x20 || c == 0x7F)
				want = RK_RULE_CONTROL;
			else if (k == RK_ASCII || k == RK_STRING)
				want = RK_RULE_OK;
			else if (set && c != 0 && strchr(set, (int)c))
				want = RK_RULE_OK;
			if (rule_of(&t, &v, 1) != want) {
				fprintf(stderr, "\n  %s: byte 0x%02X\n", rk_kind_name((enum rk_kind)k), c);
				bad++;
			}
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* ---- lengths ------------------------------------------------------------ */

static void test_length_multibyte_text(void)
{
	struct rk_value_type t = sized(RK_TEXT, 2, 4);
	struct rk_value_error e;

	/* あ is 3 bytes: bounds count code points, not bytes. */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82"), RK_RULE_LENGTH);			/* min - 1 */
	e = error_of(&t, LIT("\xE3\x81\x82"));
	CU_ASSERT_EQUAL(e.length, 1);
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82\xE3\x81\x84"), RK_RULE_OK);		/* min */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82\xE3\x81\x84\xE3\x81\x86\xE3\x81\x88"),
			RK_RULE_OK);						/* max */
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82\xE3\x81\x84\xE3\x81\x86\xE3\x81\x88\xE3\x81\x8A"),
			RK_RULE_LENGTH);					/* max + 1 */
	e = error_of(&t, LIT("\xE3\x81\x82\xE3\x81\x84\xE3\x81\x86\xE3\x81\x88\xE3\x81\x8A"));
	CU_ASSERT_EQUAL(e.length, 5);
	CU_ASSERT_EQUAL(e.offset, 0);
	CU_ASSERT_EQUAL(RULE(&t, ""), RK_RULE_LENGTH);
}

static void test_length_four_byte(void)
{
	struct rk_value_type t = sized(RK_TEXT, 1, 2);
	struct rk_value_type s = sized(RK_STRING, 1, 2);

	CU_ASSERT_EQUAL(RULE(&t, "\xF0\xA0\xAE\xB7\xF0\xA0\xAE\xB7"), RK_RULE_OK);	/* 8 bytes, 2 */
	CU_ASSERT_EQUAL(RULE(&t, "\xF0\xA0\xAE\xB7\xF0\xA0\xAE\xB7\xF0\xA0\xAE\xB7"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&s, "a\xF0\x9F\x98\x80"), RK_RULE_OK);			/* a😀 */
	CU_ASSERT_EQUAL(RULE(&s, "ab\xF0\x9F\x98\x80"), RK_RULE_LENGTH);
}

static void test_length_digits(void)
{
	struct rk_value_type t = sized(RK_DIGITS, 10, 10);
	struct rk_value_type r = sized(RK_DIGITS, 4, 6);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&t, "012345678"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&t, "0123456789"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "01234567890"), RK_RULE_LENGTH);
	e = error_of(&t, LIT("01234567890"));
	CU_ASSERT_EQUAL(e.length, 11);
	CU_ASSERT_EQUAL(RULE(&r, "123"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&r, "1234"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&r, "123456"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&r, "1234567"), RK_RULE_LENGTH);
}

static void test_length_other_classes(void)
{
	struct rk_value_type k = sized(RK_KANA, 1, 3);
	struct rk_value_type h = sized(RK_HANKANA, 2, 3);
	struct rk_value_type a = sized(RK_ASCII, 1, 13);
	struct rk_value_type n = sized(RK_ALNUM, 1, 1);

	CU_ASSERT_EQUAL(RULE(&k, "\xE3\x83\xA4\xE3\x83\x9E\xE3\x83\x80"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&k, "\xE3\x83\xA4\xE3\x83\x9E\xE3\x83\x80\xE3\x83\xBC"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&h, "\xEF\xBD\xB1"), RK_RULE_LENGTH);	/* ｱ: 3 bytes, 1 char */
	CU_ASSERT_EQUAL(RULE(&h, "\xEF\xBD\xB1\xEF\xBD\xB2"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&a, "090-1234-5678"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&a, "090-1234-56789"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&n, "A"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&n, "AB"), RK_RULE_LENGTH);
}

/* ---- number(p,s) ---------------------------------------------------------- */

static void test_number_shape(void)
{
	struct rk_value_type t = number(5, 2, 1);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&t, "0"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "123.45"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "-123.45"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "-0"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "007"), RK_RULE_OK);	/* literal text */
	CU_ASSERT_EQUAL(RULE(&t, ""), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "-"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "--1"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "+1"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, ".5"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "1.2.3"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "1e3"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, " 1"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "1 "), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "1,000"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBC\x91"), RK_RULE_FORMAT);	/* full-width １ */
	e = error_of(&t, LIT("1."));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(e.offset, 2);	/* ended too early */
	CU_ASSERT_EQUAL(e.codepoint, 0);
	e = error_of(&t, LIT("12x"));
	CU_ASSERT_EQUAL(e.offset, 2);
	CU_ASSERT_EQUAL(e.codepoint, 'x');
}

static void test_number_precision_scale(void)
{
	struct rk_value_type t = number(5, 2, 0);
	struct rk_value_type w = number(3, 0, 0);
	struct rk_value_type f = number(3, 2, 0);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&t, "999"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "1234"), RK_RULE_PRECISION);
	e = error_of(&t, LIT("1234.5"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_PRECISION);
	CU_ASSERT_EQUAL(e.length, 4);
	CU_ASSERT_EQUAL(RULE(&t, "0001"), RK_RULE_PRECISION);	/* leading zeros count */
	CU_ASSERT_EQUAL(RULE(&t, "1.99"), RK_RULE_OK);
	e = error_of(&t, LIT("1.234"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_SCALE);
	CU_ASSERT_EQUAL(e.length, 3);
	/* number(p) takes no point at all. */
	CU_ASSERT_EQUAL(RULE(&w, "999"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&w, "1000"), RK_RULE_PRECISION);
	CU_ASSERT_EQUAL(RULE(&w, "1.0"), RK_RULE_SCALE);
	/* p - s = 1 */
	CU_ASSERT_EQUAL(RULE(&f, "1.23"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&f, "12.3"), RK_RULE_PRECISION);
	/* Precision is checked before scale. */
	CU_ASSERT_EQUAL(RULE(&f, "12.345"), RK_RULE_PRECISION);
}

static void test_number_sign(void)
{
	struct rk_value_type u = number(3, 0, 0);
	struct rk_value_type s = number(3, 0, 1);
	struct rk_value_error e;

	e = error_of(&u, LIT("-1"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_SIGN);
	CU_ASSERT_EQUAL(e.offset, 0);
	CU_ASSERT_EQUAL(e.codepoint, '-');
	/* The sign is checked before the digits are counted. */
	CU_ASSERT_EQUAL(RULE(&u, "-12345"), RK_RULE_SIGN);
	CU_ASSERT_EQUAL(RULE(&s, "-999"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&s, "-1000"), RK_RULE_PRECISION);
	CU_ASSERT_EQUAL(RULE(&s, "999"), RK_RULE_OK);
}

/* ---- dates ------------------------------------------------------------- */

static void test_date_valid_function(void)
{
	CU_ASSERT_EQUAL(rk_date_valid(2024, 2, 29), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(2023, 2, 29), RK_DATE_DAY);
	CU_ASSERT_EQUAL(rk_date_valid(1900, 2, 29), RK_DATE_DAY);
	CU_ASSERT_EQUAL(rk_date_valid(2000, 2, 29), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(2100, 2, 29), RK_DATE_DAY);
	CU_ASSERT_EQUAL(rk_date_valid(2400, 2, 29), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 4, 30), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 4, 31), RK_DATE_DAY);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 12, 31), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 1, 0), RK_DATE_DAY);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 0, 1), RK_DATE_MONTH);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 13, 1), RK_DATE_MONTH);
	CU_ASSERT_EQUAL(rk_date_valid(0, 1, 1), RK_DATE_YEAR);
	CU_ASSERT_EQUAL(rk_date_valid(1, 1, 1), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(9999, 12, 31), RK_DATE_OK);
	CU_ASSERT_EQUAL(rk_date_valid(10000, 1, 1), RK_DATE_YEAR);
	/* Year first, then month, then day. */
	CU_ASSERT_EQUAL(rk_date_valid(0, 13, 32), RK_DATE_YEAR);
	CU_ASSERT_EQUAL(rk_date_valid(2024, 13, 32), RK_DATE_MONTH);
}

static void test_date_iso(void)
{
	struct rk_value_type t = plain(RK_DATE);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(RULE(&t, "1900-02-29"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2000-02-29"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "2024-02-29"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "2023-02-29"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2023-02-28"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "0000-01-01"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "0001-01-01"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "9999-12-31"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "2024-13-01"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2024-00-10"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2024-01-00"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2024-04-31"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2024-1-01"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "20240101"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "2024-01-01T00:00"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, ""), RK_RULE_FORMAT);
	e = error_of(&t, LIT("2024/01/01"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(e.offset, 4);
	CU_ASSERT_EQUAL(e.codepoint, '/');
	e = error_of(&t, LIT("2024-01-0"));
	CU_ASSERT_EQUAL(e.offset, 9);
	CU_ASSERT_EQUAL(e.codepoint, 0);
	e = error_of(&t, LIT("2024-01-011"));
	CU_ASSERT_EQUAL(e.offset, 10);
	CU_ASSERT_EQUAL(e.codepoint, '1');
}

static void test_date8(void)
{
	struct rk_value_type t = plain(RK_DATE8);

	CU_ASSERT_EQUAL(RULE(&t, "20240229"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "19000229"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "00000101"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "99991231"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "20241301"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "2024-02-29"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "2024022"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "202402290"), RK_RULE_FORMAT);
}

static void test_yearmonth(void)
{
	struct rk_value_type t = plain(RK_YEARMONTH);

	CU_ASSERT_EQUAL(RULE(&t, "202401"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "202412"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "202413"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "202400"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "000001"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "000101"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "999912"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "2024-01"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "20241"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "20240101"), RK_RULE_FORMAT);
}

/* ---- wareki ------------------------------------------------------------ */

static void test_wareki_heisei_reiwa(void)
{
	struct rk_value_type t = plain(RK_WAREKI);

	CU_ASSERT_EQUAL(RULE(&t, "4310430"), RK_RULE_OK);	/* 平成31年4月30日 */
	CU_ASSERT_EQUAL(RULE(&t, "4310501"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "4320101"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "5010501"), RK_RULE_OK);	/* 令和元年5月1日 */
	CU_ASSERT_EQUAL(RULE(&t, "5010430"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "5060617"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "5990101"), RK_RULE_OK);	/* still 令和 */
	CU_ASSERT_EQUAL(RULE(&t, "4010108"), RK_RULE_OK);	/* 平成元年1月8日 */
	CU_ASSERT_EQUAL(RULE(&t, "4010107"), RK_RULE_ERA);
}

static void test_wareki_older_eras(void)
{
	struct rk_value_type t = plain(RK_WAREKI);

	CU_ASSERT_EQUAL(RULE(&t, "3640107"), RK_RULE_OK);	/* 昭和64年1月7日 */
	CU_ASSERT_EQUAL(RULE(&t, "3640108"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "3011225"), RK_RULE_OK);	/* 昭和元年12月25日 */
	CU_ASSERT_EQUAL(RULE(&t, "3011224"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "2151224"), RK_RULE_OK);	/* 大正15年12月24日 */
	CU_ASSERT_EQUAL(RULE(&t, "2151225"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "2010730"), RK_RULE_OK);	/* 大正元年7月30日 */
	CU_ASSERT_EQUAL(RULE(&t, "2010729"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "1450729"), RK_RULE_OK);	/* 明治45年7月29日 */
	CU_ASSERT_EQUAL(RULE(&t, "1450730"), RK_RULE_ERA);
	/* Meiji starts at its proclamation, 1868-10-23 (see calendar.h). */
	CU_ASSERT_EQUAL(RULE(&t, "1011023"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "1011022"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "1990101"), RK_RULE_ERA);	/* 明治99年 = 1966 */
}

static void test_wareki_codes_and_dates(void)
{
	struct rk_value_type t = plain(RK_WAREKI);
	struct rk_value_error e;

	e = error_of(&t, LIT("6010101"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_ERA);
	CU_ASSERT_EQUAL(e.offset, 0);
	CU_ASSERT_EQUAL(e.codepoint, '6');
	CU_ASSERT_EQUAL(RULE(&t, "0010101"), RK_RULE_ERA);
	CU_ASSERT_EQUAL(RULE(&t, "4000101"), RK_RULE_ERA);	/* year 00 */
	CU_ASSERT_EQUAL(RULE(&t, "4040229"), RK_RULE_OK);	/* 1992, leap */
	CU_ASSERT_EQUAL(RULE(&t, "4300229"), RK_RULE_DATE);	/* 2018 */
	CU_ASSERT_EQUAL(RULE(&t, "4011301"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "4010230"), RK_RULE_DATE);
	/* A non-date outranks the era's bounds: 平成31年2月30日. */
	CU_ASSERT_EQUAL(RULE(&t, "4310230"), RK_RULE_DATE);
	CU_ASSERT_EQUAL(RULE(&t, "431043"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "43104300"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "H310430"), RK_RULE_FORMAT);
	CU_ASSERT_EQUAL(RULE(&t, "4-31-04"), RK_RULE_FORMAT);
}

static void test_wareki_functions(void)
{
	const struct rk_era *e;
	int y = 0;

	CU_ASSERT_EQUAL(rk_wareki_check(4, 31, 4, 30, &y), RK_WAREKI_OK);
	CU_ASSERT_EQUAL(y, 2019);
	CU_ASSERT_EQUAL(rk_wareki_check(5, 1, 5, 1, &y), RK_WAREKI_OK);
	CU_ASSERT_EQUAL(y, 2019);
	CU_ASSERT_EQUAL(rk_wareki_check(3, 64, 1, 7, NULL), RK_WAREKI_OK);
	CU_ASSERT_EQUAL(rk_wareki_check(4, 31, 5, 1, NULL), RK_WAREKI_AFTER);
	CU_ASSERT_EQUAL(rk_wareki_check(5, 1, 4, 30, NULL), RK_WAREKI_BEFORE);
	CU_ASSERT_EQUAL(rk_wareki_check(0, 1, 1, 1, NULL), RK_WAREKI_ERA);
	CU_ASSERT_EQUAL(rk_wareki_check(6, 1, 1, 1, NULL), RK_WAREKI_ERA);
	CU_ASSERT_EQUAL(rk_wareki_check(4, 0, 1, 8, NULL), RK_WAREKI_YEAR);
	CU_ASSERT_EQUAL(rk_wareki_check(4, 30, 2, 29, NULL), RK_WAREKI_DATE);
	CU_ASSERT_EQUAL(rk_wareki_check(5, 2147483647, 1, 1, NULL), RK_WAREKI_DATE);
	y = 0;
	CU_ASSERT_EQUAL(rk_wareki_check(4, 31, 5, 1, &y), RK_WAREKI_AFTER);
	CU_ASSERT_EQUAL(y, 0);	/* untouched on failure */
	CU_ASSERT_PTR_NULL(rk_era_find(0));
	CU_ASSERT_PTR_NULL(rk_era_find(6));
	e = rk_era_find(4);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->kanji, "平成");
	CU_ASSERT_EQUAL(e->start_year, 1989);
	CU_ASSERT_EQUAL(e->end_month, 4);
	CU_ASSERT_EQUAL(e->end_day, 30);
	e = rk_era_find(5);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_EQUAL(e->end_year, 0);
	CU_ASSERT_STRING_EQUAL(e->name, "Reiwa");
}

/* ---- flag and code ------------------------------------------------------- */

static void test_flag(void)
{
	struct rk_value_type t = plain(RK_FLAG);

	CU_ASSERT_EQUAL(RULE(&t, "0"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "1"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "2"), RK_RULE_FLAG);
	CU_ASSERT_EQUAL(RULE(&t, "01"), RK_RULE_FLAG);
	CU_ASSERT_EQUAL(RULE(&t, ""), RK_RULE_FLAG);
	CU_ASSERT_EQUAL(RULE(&t, " 0"), RK_RULE_FLAG);
	CU_ASSERT_EQUAL(RULE(&t, "true"), RK_RULE_FLAG);
	CU_ASSERT_EQUAL(RULE(&t, "\xEF\xBC\x90"), RK_RULE_FLAG);	/* full-width ０ */
	CU_ASSERT_EQUAL(RULE(&t, "0\n"), RK_RULE_CONTROL);
}

static void test_code_rule(void)
{
	struct rk_value_type t = code_type();
	size_t i;

	for (i = 0; i < t.n_codes; i++)
		CU_ASSERT_EQUAL(rule_of(&t, care_level[i], strlen(care_level[i])), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "77"), RK_RULE_CODE);
	CU_ASSERT_EQUAL(RULE(&t, "1"), RK_RULE_CODE);	/* a prefix of "12" */
	CU_ASSERT_EQUAL(RULE(&t, "120"), RK_RULE_CODE);	/* "12" is a prefix of it */
	CU_ASSERT_EQUAL(RULE(&t, ""), RK_RULE_CODE);
	CU_ASSERT_EQUAL(RULE(&t, " 12"), RK_RULE_CODE);	/* no trimming */
	CU_ASSERT_EQUAL(RULE(&t, "0"), RK_RULE_CODE);
	CU_ASSERT_EQUAL(RULE(&t, "999"), RK_RULE_CODE);
	t.n_codes = 0;
	CU_ASSERT_EQUAL(RULE(&t, "12"), RK_RULE_CODE);
}

static void test_code_find(void)
{
	static const char *const sorted[] = { "1", "10", "2", "A", "a", "\xE3\x81\x82" };
	size_t n = sizeof sorted / sizeof sorted[0];
	size_t i;

	for (i = 0; i < n; i++)
		CU_ASSERT_EQUAL(rk_code_find(sorted, n, sorted[i], strlen(sorted[i])), (int)i);
	CU_ASSERT_EQUAL(rk_code_find(sorted, n, "0", 1), -1);	/* before all */
	CU_ASSERT_EQUAL(rk_code_find(sorted, n, "11", 2), -1);
	CU_ASSERT_EQUAL(rk_code_find(sorted, n, "b", 1), -1);
	CU_ASSERT_EQUAL(rk_code_find(sorted, n, "\xE3\x81\x84", 3), -1);	/* after all */
	CU_ASSERT_EQUAL(rk_code_find(sorted, n, "1\0", 2), -1);	/* embedded NUL */
	/* The value need not be NUL-terminated: "10" out of "105". */
	CU_ASSERT_EQUAL(rk_code_find(sorted, n, "105", 2), 1);
	CU_ASSERT_EQUAL(rk_code_find(sorted, 0, "1", 1), -1);
	CU_ASSERT_EQUAL(rk_code_find(sorted, 1, "1", 1), 0);
}

/* ---- check digits ---------------------------------------------------------- */

static void test_mynumber(void)
{
	struct rk_value_type t = plain(RK_MYNUMBER);
	struct rk_value_error e;
	char v[13] = "12345678901X";
	char d;

	CU_ASSERT_EQUAL(rk_mynumber_check_digit("12345678901"), 8);
	/* Vectors from an independent implementation of the formula,
	 * covering r = 0 and r = 1 (both give 0) and r = 2 (9). */
	CU_ASSERT_EQUAL(rk_mynumber_check_digit("00000000000"), 0);
	CU_ASSERT_EQUAL(rk_mynumber_check_digit("00000000006"), 0);
	CU_ASSERT_EQUAL(rk_mynumber_check_digit("00000000001"), 9);
	CU_ASSERT_EQUAL(rk_mynumber_check_digit("99999999999"), 6);
	CU_ASSERT_EQUAL(rk_mynumber_check_digit("98765432109"), 3);
	CU_ASSERT_EQUAL(rk_mynumber_check_digit("10000000000"), 5);
	CU_ASSERT(rk_mynumber_check_digit("1234567890") < 0);	/* stops at the NUL */
	CU_ASSERT(rk_mynumber_check_digit("1234567890a") < 0);
	CU_ASSERT_EQUAL(RULE(&t, "123456789018"), RK_RULE_OK);
	for (d = '0'; d <= '9'; d++) {
		v[11] = d;
		e = error_of(&t, v, 12);
		if (d == '8') {
			CU_ASSERT_EQUAL(e.rule, RK_RULE_OK);
		} else {
			CU_ASSERT_EQUAL(e.rule, RK_RULE_CHECK_DIGIT);
			CU_ASSERT_EQUAL(e.expected, 8);
			CU_ASSERT_EQUAL(e.codepoint, (uint32_t)d);
			CU_ASSERT_EQUAL(e.offset, 11);
		}
	}
	CU_ASSERT_EQUAL(RULE(&t, "12345678901"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&t, "1234567890188"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&t, "12345678901A"), RK_RULE_CHARSET);
	CU_ASSERT_EQUAL(RULE(&t, "000000000060"), RK_RULE_OK);
}

static void test_lgcode(void)
{
	struct rk_value_type t = plain(RK_LGCODE);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(rk_lgcode_check_digit("13101"), 6);
	CU_ASSERT_EQUAL(rk_lgcode_check_digit("01100"), 2);
	CU_ASSERT_EQUAL(rk_lgcode_check_digit("27140"), 3);
	CU_ASSERT_EQUAL(rk_lgcode_check_digit("00000"), 1);	/* r = 0: 11 -> 1 */
	CU_ASSERT_EQUAL(rk_lgcode_check_digit("00006"), 0);	/* r = 1: 10 -> 0 */
	CU_ASSERT(rk_lgcode_check_digit("1310") < 0);
	CU_ASSERT(rk_lgcode_check_digit("13-01") < 0);
	CU_ASSERT_EQUAL(RULE(&t, "131016"), RK_RULE_OK);	/* 千代田区 */
	CU_ASSERT_EQUAL(RULE(&t, "011002"), RK_RULE_OK);	/* 札幌市 */
	CU_ASSERT_EQUAL(RULE(&t, "271403"), RK_RULE_OK);	/* 堺市 */
	CU_ASSERT_EQUAL(RULE(&t, "000001"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "000060"), RK_RULE_OK);
	e = error_of(&t, LIT("131017"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_CHECK_DIGIT);
	CU_ASSERT_EQUAL(e.expected, 6);
	CU_ASSERT_EQUAL(e.codepoint, '7');
	CU_ASSERT_EQUAL(RULE(&t, "271400"), RK_RULE_CHECK_DIGIT);
	CU_ASSERT_EQUAL(RULE(&t, "13101"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&t, "1310166"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&t, "13101A"), RK_RULE_CHARSET);
}

static void test_insurer(void)
{
	struct rk_value_type t = plain(RK_INSURER);
	struct rk_value_error e;

	CU_ASSERT_EQUAL(rk_luhn_check_digit("3312001", 7), 5);
	CU_ASSERT_EQUAL(rk_luhn_check_digit("0113001", 7), 2);
	CU_ASSERT_EQUAL(rk_luhn_check_digit("7992739871", 10), 3);	/* the textbook case */
	CU_ASSERT_EQUAL(rk_luhn_check_digit("13101", 5), 1);
	CU_ASSERT_EQUAL(rk_luhn_check_digit("0", 1), 0);
	CU_ASSERT_EQUAL(rk_luhn_check_digit("9", 1), 1);	/* 18 counts as 9 */
	CU_ASSERT_EQUAL(rk_luhn_check_digit("5", 1), 9);	/* 10 counts as 1 */
	CU_ASSERT_EQUAL(rk_luhn_check_digit("55555", 5), 7);
	CU_ASSERT_EQUAL(rk_luhn_check_digit("1234567", 7), 4);
	CU_ASSERT_EQUAL(rk_luhn_check_digit("8888888", 7), 8);
	CU_ASSERT(rk_luhn_check_digit("", 0) < 0);
	CU_ASSERT(rk_luhn_check_digit("12a", 3) < 0);
	CU_ASSERT_EQUAL(RULE(&t, "33120015"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "01130012"), RK_RULE_OK);
	CU_ASSERT_EQUAL(RULE(&t, "131011"), RK_RULE_OK);	/* 6 digits, 国保 */
	e = error_of(&t, LIT("33120016"));
	CU_ASSERT_EQUAL(e.rule, RK_RULE_CHECK_DIGIT);
	CU_ASSERT_EQUAL(e.expected, 5);
	CU_ASSERT_EQUAL(e.offset, 7);
	CU_ASSERT_EQUAL(RULE(&t, "01130013"), RK_RULE_CHECK_DIGIT);
	CU_ASSERT_EQUAL(RULE(&t, "131012"), RK_RULE_CHECK_DIGIT);
	CU_ASSERT_EQUAL(RULE(&t, "13101"), RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(RULE(&t, "3312001"), RK_RULE_LENGTH);	/* 7 */
	CU_ASSERT_EQUAL(RULE(&t, "331200150"), RK_RULE_LENGTH);	/* 9 */
	CU_ASSERT_EQUAL(RULE(&t, "3312001X"), RK_RULE_CHARSET);
}

/* ---- messages ---------------------------------------------------------- */

static void test_describe_brief_examples(void)
{
	struct rk_value_type d = sized(RK_DIGITS, 10, 10);
	struct rk_value_type dt = plain(RK_DATE);
	struct rk_value_type m = plain(RK_MYNUMBER);

	ASSERT_MESSAGE(&d, "012345678", "expected 10 digits (0-9), found 9 characters");
	ASSERT_MESSAGE(&dt, "2024-02-30",
		       "expected a date YYYY-MM-DD, found \"2024-02-30\": not a calendar date");
	ASSERT_MESSAGE(&m, "123456789013", "check digit is 8, found 3");
}

static void test_describe_each_rule(void)
{
	struct rk_value_type d = sized(RK_DIGITS, 10, 10);
	struct rk_value_type tx = sized(RK_TEXT, 1, 100);
	struct rk_value_type n = number(5, 2, 0);
	struct rk_value_type c = code_type();
	struct rk_value_type w = plain(RK_WAREKI);
	struct rk_value_type f = plain(RK_FLAG);

	ASSERT_MESSAGE(&d, "012345678X",
		       "expected 10 digits (0-9), found \"X\" (U+0058) at character 10");
	ASSERT_MESSAGE(&d, "01234\t6789",
		       "expected 10 digits (0-9), found control character U+0009 at character 6");
	ASSERT_MESSAGE(&d, "0123\xC0\x80",
		       "expected 10 digits (0-9), found invalid UTF-8 (byte 0xC0) at byte offset 4");
	ASSERT_MESSAGE(&d, "12\xE3\x81",
		       "expected 10 digits (0-9), found a truncated UTF-8 sequence at byte offset 2");
	ASSERT_MESSAGE(&tx, "\xE5\xB1\xB1\xEF\xBD\xB1",
		       "expected full-width text of 1 to 100 characters, found \"\xEF\xBD\xB1\" "
		       "(U+FF71) at character 2");
	ASSERT_MESSAGE(&n, "1234.5", "expected a number with at most 3 digits before the "
		       "decimal point and at most 2 after, found 4 digits before the decimal point");
	ASSERT_MESSAGE(&n, "1.234", "expected a number with at most 3 digits before the "
		       "decimal point and at most 2 after, found 3 digits after the decimal point");
	ASSERT_MESSAGE(&n, "-1", "expected a number with at most 3 digits before the decimal "
		       "point and at most 2 after, found \"-1\": the type is not signed");
	ASSERT_MESSAGE(&n, "1.2.3", "expected a number with at most 3 digits before the decimal "
		       "point and at most 2 after, found \"1.2.3\"");
	ASSERT_MESSAGE(&c, "77", "expected a value of code(care_level) (\"00\", \"01\", \"12\", "
		       "\"21\" or \"99\"), found \"77\"");
	ASSERT_MESSAGE(&f, "2", "expected 0 or 1, found \"2\"");
	ASSERT_MESSAGE(&w, "4310501", "expected a Japanese-era date GYYMMDD, found \"4310501\": "
		       "2019-05-01 is after 平成 (Heisei) ended on 2019-04-30");
	ASSERT_MESSAGE(&w, "5010430", "expected a Japanese-era date GYYMMDD, found \"5010430\": "
		       "2019-04-30 is before 令和 (Reiwa) began on 2019-05-01");
	ASSERT_MESSAGE(&w, "6010101", "expected a Japanese-era date GYYMMDD, found \"6010101\": "
		       "era code 6 is not 1 明治, 2 大正, 3 昭和, 4 平成 or 5 令和");
	ASSERT_MESSAGE(&w, "4000101", "expected a Japanese-era date GYYMMDD, found \"4000101\": "
		       "the first year of an era is 01 (元年)");
	ASSERT_MESSAGE(&w, "4300229", "expected a Japanese-era date GYYMMDD, found \"4300229\": "
		       "2018-02-29 is not a calendar date");
}

static void test_describe_dates(void)
{
	struct rk_value_type dt = plain(RK_DATE);
	struct rk_value_type ym = plain(RK_YEARMONTH);

	ASSERT_MESSAGE(&dt, "0000-01-01",
		       "expected a date YYYY-MM-DD, found \"0000-01-01\": there is no year 0000");
	ASSERT_MESSAGE(&dt, "2024-13-01",
		       "expected a date YYYY-MM-DD, found \"2024-13-01\": there is no month 13");
	ASSERT_MESSAGE(&dt, "2024-1-01", "expected a date YYYY-MM-DD, found \"2024-1-01\"");
	ASSERT_MESSAGE(&ym, "202400",
		       "expected a year and month YYYYMM, found \"202400\": there is no month 00");
	{
		struct rk_value_type d8 = plain(RK_DATE8), mn = plain(RK_MYNUMBER);
		struct rk_value_type lg = plain(RK_LGCODE), in = plain(RK_INSURER);

		ASSERT_MESSAGE(&d8, "2024-02-29", "expected a date YYYYMMDD, found \"2024-02-29\"");
		ASSERT_MESSAGE(&mn, "12345678901",
			       "expected a 12-digit individual number, found 11 characters");
		ASSERT_MESSAGE(&lg, "13101X", "expected a 6-digit local government code, "
			       "found \"X\" (U+0058) at character 6");
		ASSERT_MESSAGE(&in, "3312001",
			       "expected an 8-digit or 6-digit insurer number, found 7 characters");
		ASSERT_MESSAGE(&in, "33120016", "check digit is 5, found 6");
	}
}

static void test_describe_quoting(void)
{
	struct rk_value_type dt = plain(RK_DATE);
	struct rk_value_type s = sized(RK_STRING, 1, 2);
	struct rk_value_type a = sized(RK_ASCII, 1, 10);

	ASSERT_MESSAGE(&dt, "\"2024\\", "expected a date YYYY-MM-DD, found \"\\\"2024\\\\\"");
	/* Invalid bytes are escaped, so the message stays valid UTF-8. */
	ASSERT_MESSAGE(&dt, "20\xFF", "expected a date YYYY-MM-DD, found invalid UTF-8 "
		       "(byte 0xFF) at byte offset 2");
	ASSERT_MESSAGE(&s, "abc", "expected text of 1 to 2 characters, found 3 characters");
	ASSERT_MESSAGE(&a, "\xC2\xA0", "expected printable ASCII text of 1 to 10 characters, "
		       "found \"\xC2\xA0\" (U+00A0) at character 1");
	/* A long value is cut after 40 characters. */
	ASSERT_MESSAGE(&dt, "0123456789012345678901234567890123456789XYZ",
		       "expected a date YYYY-MM-DD, found "
		       "\"0123456789012345678901234567890123456789\"...");
}

static void test_describe_control_in_quote(void)
{
	struct rk_value_type f = plain(RK_FLAG);
	struct rk_value_error e;
	char buf[128];

	/* rk_value_check never lets a control character reach a quote,
	 * but a caller-made error may: it must still be one line. */
	memset(&e, 0, sizeof e);
	e.rule = RK_RULE_FLAG;
	rk_value_describe(&f, LIT("1\n\xC2\x85"), &e, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "expected 0 or 1, found \"1\\x0A\\u0085\"");
}

static void test_describe_buffer(void)
{
	struct rk_value_type d = sized(RK_DIGITS, 10, 10);
	struct rk_value_type w = plain(RK_WAREKI);
	struct rk_value_error e;
	const char *want = "expected 10 digits (0-9), found 9 characters";
	char small[10], buf[256];
	size_t full, need, cut;

	rk_value_check(&d, LIT("012345678"), &e);
	need = rk_value_describe(&d, LIT("012345678"), &e, NULL, 0);
	CU_ASSERT_EQUAL(need, strlen(want));
	memset(small, 'x', sizeof small);
	CU_ASSERT_EQUAL(rk_value_describe(&d, LIT("012345678"), &e, small, sizeof small), need);
	CU_ASSERT_EQUAL(strlen(small), sizeof small - 1);
	CU_ASSERT_NSTRING_EQUAL(small, want, sizeof small - 1);
	/* A cut never splits a UTF-8 character: try every size through 平成. */
	rk_value_check(&w, LIT("4310501"), &e);
	full = rk_value_describe(&w, LIT("4310501"), &e, buf, sizeof buf);
	CU_ASSERT_EQUAL(full, strlen(buf));
	for (cut = 1; cut <= full + 1; cut++) {
		char part[256];

		rk_value_describe(&w, LIT("4310501"), &e, part, cut);
		CU_ASSERT_EQUAL(rk_utf8_validate(part, strlen(part), NULL), RK_UTF8_OK);
		CU_ASSERT(strlen(part) < cut);
		CU_ASSERT(strlen(part) + 3 >= cut - 1 || strlen(part) == full);
		CU_ASSERT_EQUAL(strncmp(part, buf, strlen(part)), 0);
	}
	/* No error, or none to speak of. */
	CU_ASSERT_EQUAL(rk_value_describe(&d, "", 0, NULL, buf, sizeof buf), 5);
	CU_ASSERT_STRING_EQUAL(buf, "valid");
}

static void test_type_syntax(void)
{
	struct rk_value_type t;
	char buf[64];

#define SYNTAX(type, want) \
	do { \
		rk_value_type_syntax((type), buf, sizeof buf); \
		CU_ASSERT_STRING_EQUAL(buf, (want)); \
	} while (0)

	t = sized(RK_DIGITS, 10, 10);
	SYNTAX(&t, "digits(10)");
	t = sized(RK_DIGITS, 4, 8);
	SYNTAX(&t, "digits(4..8)");
	t = sized(RK_TEXT, 1, 100);
	SYNTAX(&t, "text(100)");
	t = sized(RK_ASCII, 2, 13);
	SYNTAX(&t, "ascii(2..13)");
	t = number(7, 2, 1);
	SYNTAX(&t, "number(7,2) signed");
	t = number(5, 0, 0);
	SYNTAX(&t, "number(5)");
	t = code_type();
	SYNTAX(&t, "code(care_level)");
	t.code_table = NULL;
	SYNTAX(&t, "code");
	t = plain(RK_DATE);
	SYNTAX(&t, "date");
	t = plain(RK_MYNUMBER);
	SYNTAX(&t, "mynumber");
	SYNTAX(NULL, "(invalid type)");
#undef SYNTAX
}

static void test_type_describe(void)
{
	struct rk_value_type t;
	char buf[128];

#define WORDS(type, want) \
	do { \
		rk_value_type_describe((type), buf, sizeof buf); \
		CU_ASSERT_STRING_EQUAL(buf, (want)); \
	} while (0)

	t = sized(RK_DIGITS, 10, 10);
	WORDS(&t, "10 digits (0-9)");
	t = sized(RK_DIGITS, 1, 1);
	WORDS(&t, "1 digit (0-9)");
	t = sized(RK_DIGITS, 4, 8);
	WORDS(&t, "4 to 8 digits (0-9)");
	t = sized(RK_TEXT, 1, 100);
	WORDS(&t, "full-width text of 1 to 100 characters");
	t = sized(RK_STRING, 1, 100);
	WORDS(&t, "text of 1 to 100 characters");
	t = sized(RK_KANA, 1, 40);
	WORDS(&t, "full-width katakana of 1 to 40 characters");
	t = sized(RK_HANKANA, 1, 1);
	WORDS(&t, "half-width katakana of 1 character");
	t = sized(RK_ALNUM, 8, 8);
	WORDS(&t, "alphanumeric text (0-9, A-Z, a-z) of 8 characters");
	t = number(5, 0, 1);
	WORDS(&t, "a signed number of at most 5 digits");
	t = plain(RK_INSURER);
	WORDS(&t, "an 8-digit or 6-digit insurer number");
	t = plain(RK_WAREKI);
	WORDS(&t, "a Japanese-era date GYYMMDD");
#undef WORDS
}

/* ---- the rest of the API ---------------------------------------------- */

static void test_kind_names(void)
{
	int k;
	enum rk_kind back;

	CU_ASSERT_STRING_EQUAL(rk_kind_name(RK_DIGITS), "digits");
	CU_ASSERT_STRING_EQUAL(rk_kind_name(RK_DATE8), "date8");
	CU_ASSERT_STRING_EQUAL(rk_kind_name(RK_INSURER), "insurer");
	CU_ASSERT_PTR_NULL(rk_kind_name((enum rk_kind)RK_KIND_COUNT));
	for (k = 0; k < RK_KIND_COUNT; k++) {
		const char *name = rk_kind_name((enum rk_kind)k);

		CU_ASSERT_PTR_NOT_NULL_FATAL(name);
		CU_ASSERT_EQUAL(rk_kind_from_name(name, strlen(name), &back), 0);
		CU_ASSERT_EQUAL(back, (enum rk_kind)k);
	}
	CU_ASSERT(rk_kind_from_name("dat", 3, &back) < 0);
	CU_ASSERT(rk_kind_from_name("dates", 5, &back) < 0);
	CU_ASSERT_EQUAL(rk_kind_from_name("date8x", 5, &back), 0);	/* length-bounded */
	CU_ASSERT_EQUAL(back, RK_DATE8);
}

static void test_rule_ids(void)
{
	int i, j;

	CU_ASSERT_STRING_EQUAL(rk_rule_id(RK_RULE_LENGTH), "value.length");
	CU_ASSERT_STRING_EQUAL(rk_rule_id(RK_RULE_CHECK_DIGIT), "value.check-digit");
	CU_ASSERT_STRING_EQUAL(rk_rule_id(RK_RULE_OK), "value.ok");
	CU_ASSERT_STRING_EQUAL(rk_rule_id((enum rk_rule)RK_RULE_COUNT), "value.unknown");
	for (i = 0; i < RK_RULE_COUNT; i++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(rk_rule_id((enum rk_rule)i));
		CU_ASSERT_EQUAL(strncmp(rk_rule_id((enum rk_rule)i), "value.", 6), 0);
		for (j = 0; j < i; j++)
			CU_ASSERT_STRING_NOT_EQUAL(rk_rule_id((enum rk_rule)i),
						   rk_rule_id((enum rk_rule)j));
	}
}

static void test_bad_types_and_calls(void)
{
	struct rk_value_type t;
	struct rk_value_error e;

	CU_ASSERT_EQUAL(rk_value_check(NULL, "1", 1, &e), -(int)RK_RULE_TYPE);
	CU_ASSERT_EQUAL(e.rule, RK_RULE_TYPE);
	t = sized(RK_DIGITS, 5, 4);
	CU_ASSERT_EQUAL(RULE(&t, "1234"), RK_RULE_TYPE);
	t = sized(RK_TEXT, 0, 4);
	CU_ASSERT_EQUAL(RULE(&t, "\xE3\x81\x82"), RK_RULE_TYPE);
	t = number(3, 3, 0);
	CU_ASSERT_EQUAL(RULE(&t, "1"), RK_RULE_TYPE);
	t = number(0, 0, 0);
	CU_ASSERT_EQUAL(RULE(&t, "1"), RK_RULE_TYPE);
	t = plain((enum rk_kind)RK_KIND_COUNT);
	CU_ASSERT_EQUAL(RULE(&t, "1"), RK_RULE_TYPE);
	t = code_type();
	t.codes = NULL;
	CU_ASSERT_EQUAL(RULE(&t, "1"), RK_RULE_TYPE);
	t = sized(RK_STRING, 1, 5);
	CU_ASSERT_EQUAL(rk_value_check(&t, NULL, 3, &e), -(int)RK_RULE_TYPE);
	CU_ASSERT_EQUAL(rk_value_check(&t, NULL, 0, &e), -(int)RK_RULE_LENGTH);
	/* err may be NULL; the return still names the rule. */
	CU_ASSERT_EQUAL(rk_value_check(&t, "abcdef", 6, NULL), -(int)RK_RULE_LENGTH);
	CU_ASSERT_EQUAL(rk_value_check(&t, "abc", 3, NULL), 0);
	/* Success zeroes the error. */
	memset(&e, 0xAB, sizeof e);
	CU_ASSERT_EQUAL(rk_value_check(&t, "abc", 3, &e), 0);
	CU_ASSERT_EQUAL(e.rule, RK_RULE_OK);
	CU_ASSERT_EQUAL(e.offset, 0);
	CU_ASSERT_EQUAL(e.length, 0);
}

static void test_type_valid(void)
{
	static const char *const unsorted[] = { "10", "02" };
	static const char *const duplicate[] = { "01", "01" };
	static const char *const with_null[] = { "01", NULL };
	static const char *const bytewise[] = { "Z", "a", "\xE3\x81\x82" };
	struct rk_value_type t = code_type();

	CU_ASSERT_EQUAL(rk_value_type_valid(&t), 0);
	t.codes = unsorted;
	t.n_codes = 2;
	CU_ASSERT(rk_value_type_valid(&t) < 0);
	t.codes = duplicate;
	CU_ASSERT(rk_value_type_valid(&t) < 0);
	t.codes = with_null;
	CU_ASSERT(rk_value_type_valid(&t) < 0);
	t.codes = bytewise;
	t.n_codes = 3;
	CU_ASSERT_EQUAL(rk_value_type_valid(&t), 0);
	t = sized(RK_DIGITS, 10, 10);
	CU_ASSERT_EQUAL(rk_value_type_valid(&t), 0);
	t = sized(RK_DIGITS, 0, 10);
	CU_ASSERT(rk_value_type_valid(&t) < 0);
	t = number(5, 4, 0);
	CU_ASSERT_EQUAL(rk_value_type_valid(&t), 0);
	t = number(5, 5, 0);
	CU_ASSERT(rk_value_type_valid(&t) < 0);
	CU_ASSERT(rk_value_type_valid(NULL) < 0);
	t = plain(RK_WAREKI);	/* no length needed for fixed shapes */
	CU_ASSERT_EQUAL(rk_value_type_valid(&t), 0);
}

/* ---- registry ---------------------------------------------------------- */

struct test {
	const char *name;
	CU_TestFunc fn;
};

struct suite {
	const char *name;
	const struct test *tests;
};

static const struct test utf8_tests[] = {
	{ "valid boundaries", test_utf8_valid_boundaries },
	{ "overlongs", test_utf8_overlongs },
	{ "surrogates and range", test_utf8_surrogates_and_range },
	{ "truncated", test_utf8_truncated },
	{ "validate and length", test_utf8_validate_and_length },
	{ "rule value.utf8", test_utf8_rule },
	{ "against a reference decoder", test_utf8_against_reference },
	{ "inside values of every kind", test_utf8_inside_values },
	{ NULL, NULL }
};

static const struct test control_tests[] = {
	{ "every kind", test_control_every_kind },
	{ "Cc boundaries", test_control_boundaries },
	{ NULL, NULL }
};

static const struct test charset_tests[] = {
	{ "digits", test_charset_digits },
	{ "alnum", test_charset_alnum },
	{ "ascii", test_charset_ascii },
	{ "text", test_charset_text },
	{ "kana", test_charset_kana },
	{ "hankana", test_charset_hankana },
	{ "string", test_charset_string },
	{ "every ASCII byte", test_charset_every_ascii_byte },
	{ NULL, NULL }
};

static const struct test length_tests[] = {
	{ "multi-byte text", test_length_multibyte_text },
	{ "4-byte characters", test_length_four_byte },
	{ "digits", test_length_digits },
	{ "other classes", test_length_other_classes },
	{ NULL, NULL }
};

static const struct test number_tests[] = {
	{ "shape", test_number_shape },
	{ "precision and scale", test_number_precision_scale },
	{ "sign", test_number_sign },
	{ NULL, NULL }
};

static const struct test date_tests[] = {
	{ "rk_date_valid", test_date_valid_function },
	{ "date", test_date_iso },
	{ "date8", test_date8 },
	{ "yearmonth", test_yearmonth },
	{ NULL, NULL }
};

static const struct test wareki_tests[] = {
	{ "Heisei and Reiwa", test_wareki_heisei_reiwa },
	{ "Meiji, Taisho, Showa", test_wareki_older_eras },
	{ "era codes and dates", test_wareki_codes_and_dates },
	{ "rk_wareki_check and rk_era_find", test_wareki_functions },
	{ NULL, NULL }
};

static const struct test flag_code_tests[] = {
	{ "flag", test_flag },
	{ "code rule", test_code_rule },
	{ "rk_code_find", test_code_find },
	{ NULL, NULL }
};

static const struct test check_digit_tests[] = {
	{ "mynumber", test_mynumber },
	{ "lgcode", test_lgcode },
	{ "insurer", test_insurer },
	{ NULL, NULL }
};

static const struct test describe_tests[] = {
	{ "the brief's examples", test_describe_brief_examples },
	{ "each rule", test_describe_each_rule },
	{ "dates", test_describe_dates },
	{ "quoting", test_describe_quoting },
	{ "control characters in quotes", test_describe_control_in_quote },
	{ "buffer bounds", test_describe_buffer },
	{ "type syntax", test_type_syntax },
	{ "type in words", test_type_describe },
	{ NULL, NULL }
};

static const struct test api_tests[] = {
	{ "kind names", test_kind_names },
	{ "rule ids", test_rule_ids },
	{ "bad types and calls", test_bad_types_and_calls },
	{ "rk_value_type_valid", test_type_valid },
	{ NULL, NULL }
};

static const struct suite suites[] = {
	{ "utf8", utf8_tests },
	{ "control", control_tests },
	{ "charset", charset_tests },
	{ "length", length_tests },
	{ "number", number_tests },
	{ "date", date_tests },
	{ "wareki", wareki_tests },
	{ "flag and code", flag_code_tests },
	{ "check digits", check_digit_tests },
	{ "describe", describe_tests },
	{ "api", api_tests },
	{ NULL, NULL }
};

static int register_all(void)
{
	const struct suite *s;
	const struct test *t;
	CU_pSuite cs;

	for (s = suites; s->name; s++) {
		cs = CU_add_suite(s->name, NULL, NULL);
		if (!cs)
			return -1;
		for (t = s->tests; t->name; t++)
			if (!CU_add_test(cs, t->name, t->fn))
				return -1;
	}
	return 0;
}

int main(void)
{
	unsigned failures;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	if (register_all() < 0) {
		fprintf(stderr, "test_value: %s\n", CU_get_error_msg());
		CU_cleanup_registry();
		return 2;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failures ? 1 : 0;
}
