/*
 * report_diff_internal.h: what the writers of the diff reports share: the
 * words of both languages (report_diff_words.c) and the helpers that name
 * things and split the change list into sections (report_diff.c).
 */
#ifndef RK_REPORT_DIFF_INTERNAL_H
#define RK_REPORT_DIFF_INTERNAL_H

#include "report_diff.h"
#include "util.h"

/* Words of the reports other than kinds, subjects, axes and reasons. */
enum rk_word {
	RK_W_OLD,
	RK_W_NEW,
	RK_W_RELEASED,
	RK_W_SUMMARY,
	RK_W_CHANGES,
	RK_W_CHANGE,
	RK_W_KIND,
	RK_W_COUNT,
	RK_W_ALL,
	RK_W_BREAKING,
	RK_W_COMPATIBLE,
	RK_W_BREAKING_COUNTS,
	RK_W_ALL_AXES,
	RK_W_NO_CHANGES,
	RK_W_LINT,
	RK_W_LINT_WARNING,
	RK_W_LINT_ERROR,
	RK_W_SECTION_REVISION,
	RK_W_SECTION_TYPES,
	RK_W_SECTION_CODES,
	RK_W_SECTION_RECORDS,
	RK_W_THING,
	RK_W_LABEL,
	RK_W_REASON,
	RK_W_AXIS_HELP_PRODUCERS,
	RK_W_AXIS_HELP_CONSUMERS,
	RK_W_AXIS_HELP_SOURCE,
	RK_W_TYPE,
	RK_W_OCCURS,
	RK_W_VERSION,
	RK_W_ID,
	RK_W_NOTE,
	RK_W_DEPRECATED,
	RK_W_MEMBERS,        /* the items of an added or removed record/group */
	RK_W_VALUES,
	RK_W_NONE,           /* an absent side */
	RK_W_CONTENTS,
	RK_W_LEGEND,
	RK_W_DATASET,
	RK_W_PREVIOUS,
	RK_W_CHANGE_IMPACT,
	RK_W_TITLE
};

const char *rk_dw(enum rk_lang lang, enum rk_word w);
const char *rk_dw_subject(enum rk_lang lang, enum rk_subject s);
const char *rk_dw_kind(enum rk_lang lang, enum rk_change_kind k);
const char *rk_dw_axis(enum rk_lang lang, enum rk_axis a);
const char *rk_dw_why(enum rk_lang lang, enum rk_why w);
const char *rk_dw_verdict(enum rk_lang lang, bool breaking);
/* "Changes from R05 to R06" (HTML: "Old and new layouts compared: ..."),
 * "breaking for producers", "2 warnings, 0 errors", appended to B. */
void rk_dw_title(enum rk_lang lang, const char *old_name,
		 const char *new_name, bool html, struct rk_buf *b);
void rk_dw_breaking_for(enum rk_lang lang, enum rk_axis a, struct rk_buf *b);
/* "3 changes" ("3 件"); the separator of a list (", ", "、"). */
void rk_dw_count(enum rk_lang lang, size_t n, struct rk_buf *b);
const char *rk_dw_list_sep(enum rk_lang lang);
void rk_dw_lint_counts(enum rk_lang lang, size_t warnings, size_t errors,
		       struct rk_buf *b);

/* Which part of the report a change belongs to. */
enum rk_dr_part { RK_PART_REVISION, RK_PART_TYPES, RK_PART_CODES,
		  RK_PART_RECORD };

enum rk_dr_part rk_dr_part(const struct rk_change *c);

/* The side a change is shown from: NEW when the thing exists there. */
int rk_dr_side(const struct rk_change *c);

/*
 * The length of the run of changes starting at D->changes[I] about the
 * same record, code table (or, for the revision and named types, the same
 * part).  Sections of the reports are these runs.
 */
size_t rk_dr_section(const struct rk_diff *d, size_t i);

/* The length of the run starting at I about the same thing (the same
 * node, code value, table, record...). */
size_t rk_dr_thing(const struct rk_diff *d, size_t i);

/* The name a change's thing is shown by on SIDE, into B (emptied first):
 * "kaigo.history.care_level", "vaccine \"17\"", "care_level", "R06". */
void rk_dr_name(const struct rk_change *c, int side, struct rk_buf *b);

/* The section's heading, "record kaigo 「介護保険」" style, into B. */
void rk_dr_section_title(const struct rk_diff *d, const struct rk_change *c,
			 enum rk_lang lang, struct rk_buf *b);
/* The label of the record or code table of a section, or NULL. */
const char *rk_dr_section_label(const struct rk_diff *d,
				const struct rk_change *c);

/* The change in words: "length widened: text(20) → text(40)". */
void rk_dr_change_text(const struct rk_change *c, enum rk_lang lang,
		       struct rk_buf *b);

/* Whether all three axes are compatible for the same reason. */
bool rk_dr_uniform(const struct rk_change *c);

/* The writers. */
void rk_dr_text(const struct rk_diff *d, const struct rk_diff_report *r,
		FILE *out);
void rk_dr_markdown(const struct rk_diff *d, const struct rk_diff_report *r,
		    FILE *out);
void rk_dr_html(const struct rk_diff *d, const struct rk_diff_report *r,
		FILE *out);
void rk_dr_json(const struct rk_diff *d, const struct rk_diff_report *r,
		FILE *out);
void rk_dr_csv(const struct rk_diff *d, const struct rk_diff_report *r,
	       FILE *out);

#endif /* RK_REPORT_DIFF_INTERNAL_H */
