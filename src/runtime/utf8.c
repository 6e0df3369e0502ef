/*
 * utf8.c: strict UTF-8 decoding (RFC 3629).  Every value of a payload goes
 * through rk_utf8_decode, so the ASCII case returns at once and the other
 * cases check each byte against the exact range Table 3-7 of the Unicode
 * standard allows at its position: that one range test per byte is what
 * refuses overlongs, surrogates and code points above U+10FFFF.
 */
#include "renkei/utf8.h"

/* The shape a lead byte announces: how many bytes, the payload bits it
 * carries and the range its first continuation byte must fall in. */
struct lead {
	unsigned len;
	uint32_t bits;
	unsigned char lo, hi;
};

/* Reads a lead byte of a multi-byte sequence; returns 0, or -1 for bytes
 * that never start one (continuations, C0/C1 overlongs, F5..FF). */
static int read_lead(unsigned char c, struct lead *l)
{
	l->lo = 0x80;
	l->hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		l->len = 2;
		l->bits = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		l->len = 3;
		l->bits = c & 0x0Fu;
		if (c == 0xE0)
			l->lo = 0xA0;	/* below: overlong */
		else if (c == 0xED)
			l->hi = 0x9F;	/* above: surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		l->len = 4;
		l->bits = c & 0x07u;
		if (c == 0xF0)
			l->lo = 0x90;	/* below: overlong */
		else if (c == 0xF4)
			l->hi = 0x8F;	/* above: beyond U+10FFFF */
	} else {
		return -1;
	}
	return 0;
}

int rk_utf8_decode(const char *s, size_t n, size_t *pos, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = *pos;
	struct lead l;
	uint32_t v;
	unsigned k;

	if (i >= n)
		return RK_UTF8_END;
	if (p[i] < 0x80) {
		*cp = p[i];
		*pos = i + 1;
		return RK_UTF8_OK;
	}
	if (read_lead(p[i], &l) < 0)
		return RK_UTF8_INVALID;
	v = l.bits;
	for (k = 1; k < l.len; k++) {
		if (n - i <= k)
			return RK_UTF8_TRUNCATED;
		if (p[i + k] < l.lo || p[i + k] > l.hi)
			return RK_UTF8_INVALID;
		v = (v << 6) | (p[i + k] & 0x3Fu);
		l.lo = 0x80;	/* only the first continuation is narrowed */
		l.hi = 0xBF;
	}
	*cp = v;
	*pos = i + l.len;
	return RK_UTF8_OK;
}

int rk_utf8_validate(const char *s, size_t n, size_t *bad_offset)
{
	size_t pos = 0;
	uint32_t cp;
	int r;

	while (pos < n) {
		r = rk_utf8_decode(s, n, &pos, &cp);
		if (r < 0) {
			if (bad_offset)
				*bad_offset = pos;
			return r;
		}
	}
	return RK_UTF8_OK;
}

size_t rk_utf8_length(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, count = 0;

	/* In valid UTF-8 every code point has exactly one byte that is not a
	 * continuation byte (10xxxxxx). */
	for (i = 0; i < n; i++)
		count += (p[i] & 0xC0u) != 0x80u;
	return count;
}
