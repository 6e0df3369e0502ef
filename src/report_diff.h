/*
 * report_diff.h: the reports of `renkei diff`: text for terminals,
 * Markdown, one standalone HTML page laid out as a 新旧対照表, JSON (the
 * schema is in docs/diff.md) and CSV, each in English or Japanese.
 *
 * Reports are deterministic: the same diff gives the same bytes (no
 * timestamps, no paths of the machine).  Nothing here prints anywhere but
 * the FILE * it is given.
 */
#ifndef RK_REPORT_DIFF_H
#define RK_REPORT_DIFF_H

#include <stdbool.h>
#include <stdio.h>

#include "diff.h"

enum rk_diff_format {
	RK_DIFF_TEXT,
	RK_DIFF_MARKDOWN,
	RK_DIFF_HTML,
	RK_DIFF_JSON,
	RK_DIFF_CSV
};

enum rk_lang { RK_LANG_EN, RK_LANG_JA };

struct rk_diff_report {
	enum rk_diff_format format;
	enum rk_lang lang;
	bool color;          /* text: terminal colours */
};

/* "text", "markdown" (or "md"), "html", "json", "csv": 0 and *F set, or -1. */
int rk_diff_format_parse(const char *name, enum rk_diff_format *f);
/* "en" or "ja": 0 and *L set, or -1. */
int rk_lang_parse(const char *name, enum rk_lang *l);

/* Writes the report of D to OUT; returns 0, or -1 when OUT had an error. */
int rk_diff_write(const struct rk_diff *d, const struct rk_diff_report *r,
		  FILE *out);

#endif /* RK_REPORT_DIFF_H */
