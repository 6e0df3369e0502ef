/*
 * vreport.h: the reports of `renkei validate`, written from the results the
 * validator fills (struct rk_vresult), in four formats: text (one GCC-style
 * line per error, for people), JSON (the schema in docs/validate.md), JUnit
 * XML and SARIF 2.1.0 (for CI servers and code-scanning tools).
 *
 * A report streams: rk_report_begin writes what comes before the first
 * file, rk_report_add one file (the result may be released right after),
 * rk_report_end what closes the document.  Output depends only on the
 * results, never on the time or the machine, so the same run gives the
 * same bytes.  Every string from a result is escaped for the format, and
 * whatever is not valid UTF-8 or is a control character is written as a
 * visible escape (\xNN, \u0085): no report ever holds invalid UTF-8, nor a
 * control character where its format forbids one.
 */
#ifndef RK_VREPORT_H
#define RK_VREPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "validate.h"

enum rk_report_format {
	RK_REPORT_TEXT,
	RK_REPORT_JSON,
	RK_REPORT_JUNIT,
	RK_REPORT_SARIF
};

/* The format named NAME ("text", "json", "junit", "sarif"): 0 and *FORMAT
 * set, or -1 for no such name. */
int rk_report_format_parse(const char *name, enum rk_report_format *format);
const char *rk_report_format_name(enum rk_report_format format);

/* What the files added so far add up to. */
struct rk_report_totals {
	size_t files;
	size_t valid_files;
	size_t invalid_files;        /* read, with errors */
	size_t failed_files;         /* could not be read at all */
	size_t records;
	size_t errors;               /* all errors, shown or not */
	uint64_t bytes;
};

struct rk_report {
	/* Set by rk_report_init; the caller may change them before begin. */
	enum rk_report_format format;
	FILE *out;
	bool color;                  /* text: terminal colours */
	bool verdicts;               /* text: a line per file, valid or not */
	const char *version;         /* the tool's version (json, sarif) */
	/* Rule ids besides the value.* ones that results may carry, for
	 * SARIF's rules[]: NULL-terminated, NULL for none; borrowed. */
	const char *const *rules;

	struct rk_report_totals totals;

	/* private */
	size_t n_added;
	size_t n_results;            /* sarif: results written */
	const char **rule_ids;       /* sarif: rules[] in order */
	size_t n_rules;
	struct rk_report_note {
		char *name;
		size_t hidden;
	} *notes;                    /* sarif: files whose errors were capped */
	size_t n_notes, cap_notes;
	bool any_failed;
};

/* Sets up REP to write FORMAT to OUT: no colours, verdicts on, version
 * PACKAGE_VERSION, no extra rules. */
void rk_report_init(struct rk_report *rep, enum rk_report_format format,
		    FILE *out);
void rk_report_begin(struct rk_report *rep);
/* Writes one file's result; R stays the caller's. */
void rk_report_add(struct rk_report *rep, const struct rk_vresult *r);
/* Closes the document and frees what REP holds; returns 0, or -1 when
 * writing to OUT failed (OUT is flushed, not closed). */
int rk_report_end(struct rk_report *rep);

/* The whole report of N results at once. */
int rk_report_write(struct rk_report *rep, const struct rk_vresult *results,
		    size_t n);

/*
 * The closing summary, one line:
 *   "3 files, 120 records, 4 errors, 1 invalid file, 0.25 s"
 * with ", N unreadable files" before the time when some could not be read.
 */
void rk_report_print_summary(const struct rk_report_totals *t,
			     double seconds, FILE *out);

/* A short description of rule id ID ("value.code": "the value is not one
 * of its code table's values"), or NULL for an id this module does not
 * know.  Static strings. */
const char *rk_vrule_describe(const char *id);

#endif /* RK_VREPORT_H */
