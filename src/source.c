/*
 * source.c: reading layout files into memory and indexing their lines.
 */
#include "source.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <renkei/utf8.h>

#include "diag.h"
#include "util.h"

static void index_lines(struct rk_source *src)
{
	size_t cap = 64, n = 0;
	size_t *lines = rk_xmalloc(cap * sizeof(*lines));

	lines[n++] = src->start;
	const char *p = src->text + src->start, *end = src->text + src->size;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (n == cap) {
			cap *= 2;
			lines = rk_xrealloc(lines, cap * sizeof(*lines));
		}
		lines[n++] = (size_t)(++p - src->text);
	}
	src->lines = lines;
	src->n_lines = n;
}

/* Makes a source of TEXT, SIZE bytes followed by room for two more. */
static struct rk_source *adopt(const char *path, char *text, size_t size)
{
	struct rk_source *src = rk_xcalloc(1, sizeof(*src));

	src->path = rk_xstrdup(path);
	src->text = text;
	text[size] = text[size + 1] = '\0';
	src->size = size;
	/* A byte-order mark is allowed and ignored. */
	if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		src->start = 3;
	index_lines(src);
	return src;
}

struct rk_source *rk_source_from_memory(const char *path, const char *data,
					size_t size)
{
	char *text = rk_xmalloc(size + 2);

	if (size)
		memcpy(text, data, size);
	return adopt(path, text, size);
}

struct rk_source *rk_source_read(const char *path, struct rk_diags *diags)
{
	struct rk_loc none = { 0 };
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t size = 0, cap = 0;
	struct stat st;

	if (!f) {
		rk_diag_error(diags, none, "cannot open %s: %s", path,
			      strerror(errno));
		return NULL;
	}
	/* Read in place, into room for the file as large as it is now and
	 * the two bytes after it; a file that grows meanwhile still fits. */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 3;
	for (;;) {
		if (cap - size < 3) {
			cap = cap ? cap * 2 : 65536;
			data = rk_xrealloc(data, cap);
		} else if (!data) {
			data = rk_xmalloc(cap);
		}
		size_t got = fread(data + size, 1, cap - size - 2, f);
		size += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		rk_diag_error(diags, none, "cannot read %s: %s", path,
			      strerror(errno));
		fclose(f);
		free(data);
		return NULL;
	}
	fclose(f);
	return adopt(path, data, size);
}

void rk_source_free(struct rk_source *src)
{
	if (!src)
		return;
	free(src->path);
	free(src->text);
	free(src->lines);
	free(src);
}

/* Why the UTF-8 sequence at S (N bytes left on its line) is invalid. */
static const char *utf8_problem(const unsigned char *s, size_t n)
{
	int need = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : 1;

	if (s[0] < 0xC0)
		return "invalid UTF-8 (a continuation byte with no lead byte)";
	if (s[0] < 0xC2 || (s[0] == 0xE0 && n > 1 && s[1] < 0xA0) ||
	    (s[0] == 0xF0 && n > 1 && s[1] < 0x90))
		return "invalid UTF-8 (an overlong encoding)";
	if (s[0] > 0xF7)
		return "invalid UTF-8 (a byte that never appears in UTF-8)";
	if (s[0] > 0xF4 || (s[0] == 0xF4 && n > 1 && s[1] >= 0x90))
		return "invalid UTF-8 (a code point beyond U+10FFFF)";
	if (s[0] == 0xED && n > 1 && s[1] >= 0xA0)
		return "invalid UTF-8 (a UTF-16 surrogate)";
	for (int k = 1; k <= need; k++)
		if ((size_t)k >= n || (s[k] & 0xC0) != 0x80)
			return "invalid UTF-8 (a sequence cut short)";
	return "invalid UTF-8";
}

/* What a layout may not hold anywhere: C0 controls but the tab (line ends
 * are dealt with apart), DEL and the C1 controls. */
static int is_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
}

/*
 * The first bad byte of one line of LEN bytes (its line feed excluded), or
 * LEN when the line is clean, with what is wrong in WHY.  HAS_LF says
 * whether a line feed follows.
 */
static size_t first_bad_byte(const char *s, size_t len, int has_lf,
			     char *why, size_t size)
{
	size_t pos = 0;

	while (pos < len) {
		/* Most of a layout is printable ASCII: skip it without decoding. */
		while (pos < len && ((unsigned char)s[pos] - 0x20u < 0x5Fu ||
				     s[pos] == '\t'))
			pos++;
		if (pos == len)
			break;
		unsigned char c = (unsigned char)s[pos];
		size_t at = pos;
		uint32_t cp = c;

		if (c == '\r') {
			/* A CR is only allowed as the first half of CRLF. */
			if (pos + 1 != len || !has_lf) {
				snprintf(why, size, "carriage return not followed by a line feed");
				return pos;
			}
			pos++;
			continue;
		}
		if (c < 0x80) {
			pos++;
		} else if (rk_utf8_decode(s, len, &pos, &cp) < 0) {
			snprintf(why, size, "%s", utf8_problem((const unsigned char *)s + at,
							      len - at));
			return at;
		}
		if (cp == 0) {
			snprintf(why, size, "NUL byte");
			return at;
		}
		if (is_control(cp)) {
			snprintf(why, size, "control character U+%04X", (unsigned)cp);
			return at;
		}
	}
	return len;
}

/* Whether the eight bytes at S are all printable ASCII (0x20 to 0x7E).
 * Each test may flag a word wrongly only when it holds a byte that it
 * flags rightly, so a word is never passed that should not be. */
static bool printable8(const unsigned char *s)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = UINT64_C(0x8080808080808080);
	uint64_t w, del;

	memcpy(&w, s, 8);
	del = w ^ (ones * 0x7F);                 /* 0x7F bytes become 0 */
	return ((w |                             /* not ASCII */
		 ((w - ones * 0x20) & ~w) |      /* below 0x20 */
		 ((del - ones) & ~del)) & high) == 0;   /* 0x7F */
}

static bool continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/*
 * Whether the LEN bytes at S hold nothing that rk_source_check_encoding
 * reports, by a quick scan that knows only what layouts are made of:
 * printable ASCII, tabs and line feeds, and UTF-8 sequences of two or
 * three bytes that are valid whatever follows the lead byte's range and
 * encode no control (U+00A0 to U+07FF, U+1000 to U+CFFF, U+E000 to
 * U+FFFF: kana, kanji and the full-width forms).  False means: look line
 * by line.
 */
static bool plainly_clean(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
			/* Most of a layout is runs of printable ASCII. */
			for (i++; len - i >= 8 && printable8(s + i); i += 8)
				;
		} else if (c >= 0xE1 && c <= 0xEF && c != 0xED && len - i >= 3 &&
			   continuation(s[i + 1]) && continuation(s[i + 2])) {
			i += 3;
		} else if (c >= 0xC2 && c <= 0xDF && len - i >= 2 &&
			   continuation(s[i + 1]) && (c > 0xC2 || s[i + 1] >= 0xA0)) {
			i += 2;
		} else {
			return false;
		}
	}
	return true;
}

int rk_source_check_encoding(const struct rk_source *src,
			     struct rk_diags *diags)
{
	int errors = 0;

	if (plainly_clean((const unsigned char *)src->text + src->start,
			  src->size - src->start))
		return 0;

	for (uint32_t line = 1; line <= src->n_lines; line++) {
		size_t begin = src->lines[line - 1], len;
		char why[80];

		int has_lf = line < src->n_lines;
		len = (has_lf ? src->lines[line] - 1 : src->size) - begin;
		size_t bad = first_bad_byte(src->text + begin, len, has_lf, why,
					    sizeof(why));
		if (bad == len)
			continue;
		rk_diag_error(diags, rk_source_loc_at(src, begin + bad),
			      "%s", why);
		errors++;
	}
	return errors;
}

const char *rk_source_line(const struct rk_source *src, uint32_t line,
			   size_t *len)
{
	if (line == 0 || line > src->n_lines)
		return NULL;
	size_t begin = src->lines[line - 1];
	size_t end = line < src->n_lines ? src->lines[line] - 1 : src->size;
	if (end > begin && src->text[end - 1] == '\r')
		end--;
	*len = end - begin;
	return src->text + begin;
}

struct rk_loc rk_source_loc_at(const struct rk_source *src, size_t offset)
{
	struct rk_loc loc = { src, 1, 1 };
	size_t lo = 0, hi = src->n_lines;

	/* The last line that starts at or before OFFSET. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	loc.line = (uint32_t)(lo + 1);
	for (size_t i = src->lines[lo]; i < offset && i < src->size; i++)
		if (((unsigned char)src->text[i] & 0xC0) != 0x80)
			loc.col++;
	return loc;
}
