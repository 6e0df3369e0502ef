/*
 * source.h: layout source files held in memory.
 *
 * A source is read once, checked for what the language forbids at the byte
 * level (invalid UTF-8, NUL bytes, stray carriage returns), and indexed by
 * line so that diagnostics can quote the line they point at.  Locations
 * count lines and columns from 1; a column counts code points, not bytes.
 */
#ifndef RK_SOURCE_H
#define RK_SOURCE_H

#include <stddef.h>
#include <stdint.h>

struct rk_diags;

struct rk_source {
	char *path;          /* the name diagnostics print, as given */
	char *text;          /* contents and two NULs (it may hold NULs) */
	size_t size;         /* bytes in text, without the terminating NUL */
	size_t start;        /* offset of the first byte after a BOM */
	size_t *lines;       /* byte offset at which each line starts */
	size_t n_lines;
};

/* A position in a source; src is NULL for "no location". */
struct rk_loc {
	const struct rk_source *src;
	uint32_t line;
	uint32_t col;
};

/*
 * Reads PATH into a new source, or returns NULL after reporting why to
 * DIAGS (the file cannot be opened or read).  Encoding problems are not
 * reported here: call rk_source_check_encoding.  Free with rk_source_free.
 */
struct rk_source *rk_source_read(const char *path, struct rk_diags *diags);

/* Makes a source from SIZE bytes of memory (copied), named PATH. */
struct rk_source *rk_source_from_memory(const char *path, const char *data,
					size_t size);

void rk_source_free(struct rk_source *src);

/*
 * Reports every line that holds invalid UTF-8, a NUL byte or another
 * control character (a tab excepted), or a carriage return not followed by
 * a line feed (one error per line, at its first bad byte).  Returns the
 * number of errors reported.
 */
int rk_source_check_encoding(const struct rk_source *src,
			     struct rk_diags *diags);

/* The text of line LINE (1-based), without its line end; NULL past the end. */
const char *rk_source_line(const struct rk_source *src, uint32_t line,
			   size_t *len);

/* The location of byte OFFSET. */
struct rk_loc rk_source_loc_at(const struct rk_source *src, size_t offset);

#endif /* RK_SOURCE_H */
