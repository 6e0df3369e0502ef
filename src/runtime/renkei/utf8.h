/*
 * renkei/utf8.h: strict UTF-8 decoding for the value rules.
 *
 * Strict means what RFC 3629 allows and nothing more: no overlong forms, no
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no stray continuation
 * bytes.  The functions never allocate, never look at the locale and never
 * read past s[n - 1]; the text need not be NUL-terminated.
 */
#ifndef RENKEI_UTF8_H
#define RENKEI_UTF8_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What rk_utf8_decode and rk_utf8_validate return. */
enum rk_utf8_status {
	RK_UTF8_OK = 0,
	/* The bytes at the position can never start a valid sequence. */
	RK_UTF8_INVALID = -1,
	/* A valid beginning cut short by the end of the text: a streaming
	 * reader may wait for more bytes before calling it an error. */
	RK_UTF8_TRUNCATED = -2,
	/* rk_utf8_decode only: *pos is already at (or past) the end. */
	RK_UTF8_END = -3
};

/*
 * Decodes the code point that starts at s[*pos] into *cp and moves *pos past
 * it.  Returns RK_UTF8_OK, or a negative enum rk_utf8_status, leaving *pos
 * and *cp untouched.
 */
int rk_utf8_decode(const char *s, size_t n, size_t *pos, uint32_t *cp);

/*
 * Returns RK_UTF8_OK when s[0..n) is entirely valid UTF-8; otherwise the
 * negative status of the first bad sequence, whose byte offset goes to
 * *bad_offset (bad_offset may be NULL).
 */
int rk_utf8_validate(const char *s, size_t n, size_t *bad_offset);

/*
 * The number of code points in s[0..n), which must be valid UTF-8 (check it
 * with rk_utf8_validate first: on invalid input the count is meaningless,
 * though still computed safely).
 */
size_t rk_utf8_length(const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* RENKEI_UTF8_H */
