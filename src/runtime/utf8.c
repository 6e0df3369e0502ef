/*
 * utf8.c: strict UTF-8 decoding (RFC 3629), the public face of the inline
 * decoder in runtime_internal.h that rk_value_check uses directly.
 */
#include "runtime_internal.h"

int rk_utf8_decode(const char *s, size_t n, size_t *pos, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = *pos;
	int len;

	if (i >= n)
		return RK_UTF8_END;
	if (p[i] < 0x80) {
		*cp = p[i];
		*pos = i + 1;
		return RK_UTF8_OK;
	}
	len = rk_utf8_decode_multi(p, n, i, cp);
	if (len < 0)
		return len;
	*pos = i + (size_t)len;
	return RK_UTF8_OK;
}

int rk_utf8_validate(const char *s, size_t n, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t pos = 0;
	uint32_t cp;
	int len;

	while (pos < n) {
		if (p[pos] < 0x80) {
			pos++;
			continue;
		}
		len = rk_utf8_decode_multi(p, n, pos, &cp);
		if (len < 0) {
			if (bad_offset)
				*bad_offset = pos;
			return len;
		}
		pos += (size_t)len;
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
