/*
 * diag.c: collecting diagnostics, and printing them with the source line
 * they point at and a caret under the spot.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <renkei/utf8.h>

#include "util.h"

/* Source lines longer than this many code points are quoted in part: a
 * window this wide around the caret. */
#define QUOTE_WINDOW 160

void rk_diags_init(struct rk_diags *diags)
{
	memset(diags, 0, sizeof(*diags));
}

static void diag_release(struct rk_diag *d)
{
	free(d->message);
	for (size_t i = 0; i < d->n_notes; i++)
		free(d->notes[i].message);
	free(d->notes);
}

void rk_diags_release(struct rk_diags *diags)
{
	for (size_t i = 0; i < diags->n; i++)
		diag_release(&diags->items[i]);
	free(diags->items);
	rk_diags_init(diags);
}

static int compare_diags(const void *pa, const void *pb);

/*
 * Makes room for one more diagnostic at LOC, last in the list.  Past the
 * limit, the kept ones are the first by location, not the first reported
 * (which would leave gaps once sorted): the last by location gives up its
 * place if LOC comes before it.  Returns NULL when LOC does not make it.
 */
static struct rk_diag *make_room(struct rk_diags *diags, struct rk_loc loc,
				 size_t seq)
{
	struct rk_diag probe = { .loc = loc, .seq = seq };
	size_t worst = 0;

	if (!diags->limit || diags->n < diags->limit) {
		RK_GROW(diags->items, diags->n, diags->cap);
		return &diags->items[diags->n++];
	}
	diags->dropped++;
	for (size_t i = 1; i < diags->n; i++)
		if (compare_diags(&diags->items[i], &diags->items[worst]) > 0)
			worst = i;
	if (compare_diags(&probe, &diags->items[worst]) > 0)
		return NULL;
	diag_release(&diags->items[worst]);
	/* Notes attach to the last of the list: the newcomer goes there. */
	diags->items[worst] = diags->items[diags->n - 1];
	return &diags->items[diags->n - 1];
}

static void add(struct rk_diags *diags, enum rk_severity sev,
		struct rk_loc loc, const char *fmt, va_list ap) RK_PRINTF(4, 0);

static void add(struct rk_diags *diags, enum rk_severity sev,
		struct rk_loc loc, const char *fmt, va_list ap)
{
	struct rk_buf msg;
	size_t seq = diags->errors + diags->warnings;

	if (sev == RK_ERROR)
		diags->errors++;
	else
		diags->warnings++;
	struct rk_diag *d = make_room(diags, loc, seq);
	diags->last_kept = d != NULL;
	if (!d)
		return;
	rk_buf_init(&msg);
	rk_buf_vaddf(&msg, fmt, ap);
	memset(d, 0, sizeof(*d));
	d->severity = sev;
	d->loc = loc;
	d->message = rk_buf_detach(&msg);
	d->seq = seq;
}

void rk_diag_error(struct rk_diags *diags, struct rk_loc loc,
		   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(diags, RK_ERROR, loc, fmt, ap);
	va_end(ap);
}

void rk_diag_warning(struct rk_diags *diags, struct rk_loc loc,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(diags, RK_WARNING, loc, fmt, ap);
	va_end(ap);
}

void rk_diag_note(struct rk_diags *diags, struct rk_loc loc,
		  const char *fmt, ...)
{
	struct rk_buf msg;
	va_list ap;

	if (!diags->last_kept || diags->n == 0)
		return;
	struct rk_diag *d = &diags->items[diags->n - 1];
	rk_buf_init(&msg);
	va_start(ap, fmt);
	rk_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	d->notes = rk_xrealloc(d->notes, (d->n_notes + 1) * sizeof(*d->notes));
	memset(&d->notes[d->n_notes], 0, sizeof(*d->notes));
	d->notes[d->n_notes].severity = RK_NOTE;
	d->notes[d->n_notes].loc = loc;
	d->notes[d->n_notes].message = rk_buf_detach(&msg);
	d->n_notes++;
}

static int compare_strings(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a)
		return -1;
	if (!b)
		return 1;
	return strcmp(a, b);
}

static int compare_diags(const void *pa, const void *pb)
{
	const struct rk_diag *a = pa, *b = pb;
	int c = compare_strings(a->loc.src ? a->loc.src->path : NULL,
				b->loc.src ? b->loc.src->path : NULL);

	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void rk_diags_sort(struct rk_diags *diags)
{
	if (diags->n > 1)
		qsort(diags->items, diags->n, sizeof(*diags->items),
		      compare_diags);
}

int rk_display_width(unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	/* Combining marks take no room of their own: the diacritics, and the
	 * (han)dakuten of kana written decomposed (macOS file names, NFD). */
	if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x3099 || cp == 0x309A ||
	    cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF)
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

size_t rk_display_width_str(const char *s, size_t n)
{
	size_t pos = 0, width = 0;

	while (pos < n) {
		uint32_t cp;
		if (rk_utf8_decode(s, n, &pos, &cp) < 0) {
			pos++;
			width++;
			continue;
		}
		width += (size_t)rk_display_width(cp);
	}
	return width;
}

static const char *severity_name(enum rk_severity sev)
{
	return sev == RK_ERROR ? "error" : sev == RK_WARNING ? "warning" : "note";
}

static const char *severity_color(enum rk_severity sev)
{
	return sev == RK_ERROR ? "\033[1;31m" :
	       sev == RK_WARNING ? "\033[1;35m" : "\033[1;36m";
}

/*
 * Prints LINE with every byte that would upset a terminal (control
 * characters, invalid UTF-8) shown as '?', from code point FIRST for at most
 * QUOTE_WINDOW code points; returns the display width up to code point COL.
 */
static size_t quote_line(FILE *out, const char *line, size_t len,
			 size_t first, size_t col)
{
	size_t pos = 0, index = 0, caret = 0;

	while (pos < len && index < first + QUOTE_WINDOW) {
		size_t start = pos;
		uint32_t cp;
		int w;

		if (rk_utf8_decode(line, len, &pos, &cp) < 0) {
			pos = start + 1;
			cp = '?';
		}
		if (cp == '\t')
			cp = ' ';
		w = rk_display_width(cp);
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			cp = '?';
			w = 1;
		}
		if (index >= first) {
			if (cp == '?' || cp < 0x80)
				fputc((int)cp, out);
			else
				fwrite(line + start, 1, pos - start, out);
			if (index + 1 < col)
				caret += (size_t)w;
		}
		index++;
	}
	if (pos < len)
		fputs(" ...", out);
	fputc('\n', out);
	return caret;
}

static void print_one(const struct rk_diag *d, FILE *out, bool color,
		      bool quote)
{
	const struct rk_loc *loc = &d->loc;
	const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
	size_t len;
	const char *line;

	if (loc->src && loc->line)
		fprintf(out, "%s%s:%u:%u:%s ", bold, loc->src->path,
			(unsigned)loc->line, (unsigned)loc->col, reset);
	else if (loc->src)
		fprintf(out, "%s%s:%s ", bold, loc->src->path, reset);
	else
		fputs("renkei: ", out);
	fprintf(out, "%s%s:%s %s\n", color ? severity_color(d->severity) : "",
		severity_name(d->severity), reset, d->message);
	if (!quote || !loc->src || !loc->line)
		return;
	line = rk_source_line(loc->src, loc->line, &len);
	if (!line)
		return;
	size_t first = 0;
	if (rk_utf8_length(line, len) > QUOTE_WINDOW && loc->col > QUOTE_WINDOW / 2)
		first = loc->col - QUOTE_WINDOW / 2;
	int gutter = fprintf(out, " %5u | ", (unsigned)loc->line);
	if (first)
		fputs("... ", out);
	size_t caret = quote_line(out, line, len, first, loc->col);
	fprintf(out, "%*s| %*s%*s%s^%s\n", gutter - 2, "", first ? 4 : 0, "",
		(int)caret, "", color ? "\033[1;32m" : "", reset);
}

static bool same_loc(const struct rk_loc *a, const struct rk_loc *b)
{
	return a->src == b->src && a->line == b->line && a->col == b->col;
}

void rk_diag_print(const struct rk_diag *d, FILE *out, bool color)
{
	print_one(d, out, color, true);
	/* A note about the very spot of its diagnostic need not quote it again. */
	for (size_t i = 0; i < d->n_notes; i++)
		print_one(&d->notes[i], out, color,
			  !same_loc(&d->notes[i].loc, &d->loc));
}

void rk_diags_print(const struct rk_diags *diags, FILE *out, bool color)
{
	for (size_t i = 0; i < diags->n; i++)
		rk_diag_print(&diags->items[i], out, color);
	if (diags->dropped)
		fprintf(out, "renkei: %zu more diagnostics not shown\n",
			diags->dropped);
}
