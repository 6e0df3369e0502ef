/*
 * diag.h: the one diagnostics module.
 *
 * Library code never prints: every stage reports errors, warnings and notes
 * to a struct rk_diags, and the command-line driver prints them, sorted by
 * location, as `file:line:col: error: message`, followed by the source line
 * and a caret under the spot.  A note belongs to the diagnostic reported just
 * before it ("previous declaration is here") and is printed after it.
 */
#ifndef RK_DIAG_H
#define RK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "source.h"

#if defined(__GNUC__)
#define RK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RK_PRINTF(f, a)
#endif

enum rk_severity { RK_NOTE, RK_WARNING, RK_ERROR };

struct rk_diag {
	enum rk_severity severity;
	struct rk_loc loc;
	char *message;
	size_t seq;          /* order of reporting, the tie-break when sorting */
	struct rk_diag *notes;   /* notes attached to this one, in order */
	size_t n_notes;
};

struct rk_diags {
	struct rk_diag *items;
	size_t n, cap;
	size_t errors, warnings;  /* counted even when past the limit */
	size_t limit;             /* keep at most this many errors; 0: no limit */
	size_t dropped;           /* diagnostics not kept because of the limit */
	bool last_kept;           /* whether a note may attach to the last one */
};

void rk_diags_init(struct rk_diags *diags);
void rk_diags_release(struct rk_diags *diags);

void rk_diag_error(struct rk_diags *diags, struct rk_loc loc,
		   const char *fmt, ...) RK_PRINTF(3, 4);
void rk_diag_warning(struct rk_diags *diags, struct rk_loc loc,
		     const char *fmt, ...) RK_PRINTF(3, 4);
/* Attaches a note to the error or warning reported last. */
void rk_diag_note(struct rk_diags *diags, struct rk_loc loc,
		  const char *fmt, ...) RK_PRINTF(3, 4);

/* Sorts by file, line, column, then reporting order. */
void rk_diags_sort(struct rk_diags *diags);

/* Prints every diagnostic to OUT; COLOR adds terminal colours. */
void rk_diags_print(const struct rk_diags *diags, FILE *out, bool color);

/* Prints one diagnostic the same way (for tests and streaming callers). */
void rk_diag_print(const struct rk_diag *diag, FILE *out, bool color);

/* The display width of the code point CP in a terminal: 0, 1 or 2. */
int rk_display_width(unsigned long cp);

/* The display width of the UTF-8 string S of N bytes. */
size_t rk_display_width_str(const char *s, size_t n);

#endif /* RK_DIAG_H */
