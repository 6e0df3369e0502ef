/*
 * vreport_internal.h: what the report writers share: escaping for each
 * output format, the one-line wording of an error, and each format's
 * begin / add / end.  Not for use outside src/vreport*.c.
 */
#ifndef RK_VREPORT_INTERNAL_H
#define RK_VREPORT_INTERNAL_H

#include "util.h"
#include "vreport.h"

/* How a string is written out. */
enum rk_esc {
	RK_ESC_TEXT,       /* plain text for a terminal or a log */
	RK_ESC_JSON,       /* inside a JSON string (no quotes added) */
	RK_ESC_XML_TEXT,   /* XML character data */
	RK_ESC_XML_ATTR    /* an XML attribute value in double quotes */
};

/*
 * Writes S (NULL writes nothing) to OUT escaped for MODE.  Bytes that are
 * not valid UTF-8 become the text \xNN, control characters \xNN (C0, DEL)
 * or \u0085 (C1), in every mode; what MODE itself needs escaped (quotes,
 * '&', '<'...) is escaped its own way.
 */
void rk_report_put(FILE *out, const char *s, enum rk_esc mode);

/* Writes S as a JSON string with its quotes, or null when S is NULL. */
void rk_report_json_string(FILE *out, const char *s);

/* "xml", "yaml", or NULL when the format was never decided. */
const char *rk_report_payload_format(enum rk_payload_format format);

/* Whether E has an item path (the validator leaves it NULL or ""). */
static inline bool rk_verror_has_path(const struct rk_verror *e)
{
	return e->path && e->path[0];
}

/*
 * The words of error E without its file and location, unescaped:
 *   "kaigo_nintei[3]/care_level (要介護状態区分): MESSAGE"
 *   "record 5: MESSAGE" (a record but no path), or just "MESSAGE".
 */
void rk_report_error_text(struct rk_buf *b, const struct rk_verror *e);

/* The location prefix of E in R, unescaped: "a.xml:12:7", "a.xml:12",
 * "a.xml". */
void rk_report_error_where(struct rk_buf *b, const struct rk_vresult *r,
			   const struct rk_verror *e);

/* The errors of R that R does not hold (past its max_errors). */
static inline size_t rk_vresult_hidden(const struct rk_vresult *r)
{
	return r->total_errors > r->n_errors ? r->total_errors - r->n_errors : 0;
}

void rk_report_json_begin(struct rk_report *rep);
void rk_report_json_add(struct rk_report *rep, const struct rk_vresult *r);
void rk_report_json_end(struct rk_report *rep);

void rk_report_sarif_begin(struct rk_report *rep);
void rk_report_sarif_add(struct rk_report *rep, const struct rk_vresult *r);
void rk_report_sarif_end(struct rk_report *rep);

void rk_report_junit_begin(struct rk_report *rep);
void rk_report_junit_add(struct rk_report *rep, const struct rk_vresult *r);
void rk_report_junit_end(struct rk_report *rep);

#endif /* RK_VREPORT_INTERNAL_H */
