/*
 * diff.h: the changes between two revisions of a layout, and what each one
 * means for the systems on both sides.
 *
 * rk_diff_run compares two checked revisions (rk_check returned 0 for
 * both) and lists every change, in a deterministic order: the revision
 * header, named types, code tables, then records, each part following
 * NEW's layout order with removed things at OLD's position.  Things are
 * matched across revisions as docs/layout-language.md says: by id where
 * there is one, else by name, else by `formerly` (docs/diff.md has the
 * details, and the impact rules).
 *
 * Every change carries three impacts, one per axis:
 *  producers: is a payload valid under OLD still valid under NEW?
 *  consumers: is a payload valid under NEW still valid under OLD?
 *  source:    does C code written against OLD's generated API still
 *             compile against NEW's?
 * each breaking or compatible, with the id of a one-line reason that the
 * report writers turn into words (report_diff.h).
 */
#ifndef RK_DIFF_H
#define RK_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Index of the two sides in the arrays of struct rk_change. */
enum { RK_OLD = 0, RK_NEW = 1 };

/* What changed. */
enum rk_subject {
	RK_SUBJ_REVISION,    /* the revision header */
	RK_SUBJ_TYPE,        /* a named type */
	RK_SUBJ_CODES,       /* a code table */
	RK_SUBJ_CODE,        /* a value of a code table */
	RK_SUBJ_RECORD,
	RK_SUBJ_GROUP,
	RK_SUBJ_ITEM
};
#define RK_SUBJ_COUNT (RK_SUBJ_ITEM + 1)

/* How it changed (which kinds apply to which subjects: docs/diff.md). */
enum rk_change_kind {
	RK_CH_ADDED,
	RK_CH_REMOVED,
	RK_CH_RENAMED,           /* its name (identifier) */
	RK_CH_MOVED,             /* to another parent group */
	RK_CH_REORDERED,         /* among its siblings */
	RK_CH_TYPE,              /* the type, other than below */
	RK_CH_LENGTH_WIDENED,    /* the new length range holds the old one */
	RK_CH_LENGTH_NARROWED,   /* the old length range holds the new one */
	RK_CH_LENGTH_CHANGED,    /* neither */
	RK_CH_PRECISION,         /* number(p,s): p (and maybe s) */
	RK_CH_SCALE,             /* number(p,s): s alone */
	RK_CH_SIGN,              /* number: `signed` added or dropped */
	RK_CH_REQUIRED,          /* optional -> required (min 0 -> 1 or more) */
	RK_CH_OPTIONAL,          /* required -> optional */
	RK_CH_MIN_RAISED,        /* min 1 or more, raised */
	RK_CH_MIN_LOWERED,       /* min lowered, still 1 or more */
	RK_CH_MAX_RAISED,
	RK_CH_MAX_LOWERED,
	RK_CH_DEPRECATED,
	RK_CH_UNDEPRECATED,
	RK_CH_LABEL,             /* the official (Japanese) label */
	RK_CH_NOTE,              /* note; a record's basis */
	RK_CH_ID,
	RK_CH_DATASET,
	RK_CH_SYMBOL,            /* a code value's symbolic (C) name */
	RK_CH_VERSION_RAISED,
	RK_CH_VERSION_LOWERED,   /* a version lint error */
	RK_CH_VERSION_SET,       /* given on one side only */
	RK_CH_VERSION_NOT_RAISED,/* lint: the definition changed, not the version */
	RK_CH_TITLE,
	RK_CH_RELEASED,
	RK_CH_PREVIOUS
};
#define RK_CH_COUNT (RK_CH_PREVIOUS + 1)

enum rk_axis { RK_PRODUCERS, RK_CONSUMERS, RK_SOURCE };
#define RK_AXIS_COUNT 3

/* Why a change is breaking or compatible on one axis (words: report). */
enum rk_why {
	RK_WHY_DOC,                  /* documentation only */
	RK_WHY_ID_NOT_IN_PAYLOAD,
	RK_WHY_REV_NAME_PAYLOAD,
	RK_WHY_REV_PREFIX,
	RK_WHY_TYPE_NOT_IN_PAYLOAD,
	RK_WHY_TYPE_NO_DECL,
	RK_WHY_TABLE_NOT_IN_PAYLOAD,
	RK_WHY_ENUM_ADDED,
	RK_WHY_ENUM_REMOVED,
	RK_WHY_ENUM_RENAMED,
	RK_WHY_CODE_NEW_VALUE_OK,    /* producers: OLD never sends it */
	RK_WHY_CODE_NEW_VALUE_BREAK, /* consumers: OLD rejects it */
	RK_WHY_CODE_UNUSED,
	RK_WHY_CODE_GONE_BREAK,      /* producers: NEW rejects it */
	RK_WHY_CODE_GONE_OK,         /* consumers: NEW never sends it */
	RK_WHY_CONST_ADDED,
	RK_WHY_CONST_REMOVED,
	RK_WHY_CONST_RENAMED,
	RK_WHY_SYMBOL_NOT_IN_PAYLOAD,
	RK_WHY_DEPRECATED_VALID,
	RK_WHY_DEPRECATED_KEPT,
	RK_WHY_RECORD_NEW_OK,
	RK_WHY_RECORD_NEW_BREAK,
	RK_WHY_RECORD_GONE_BREAK,
	RK_WHY_RECORD_GONE_OK,
	RK_WHY_STRUCT_ADDED,
	RK_WHY_STRUCT_REMOVED,
	RK_WHY_STRUCT_RENAMED,
	RK_WHY_ELEMENT_RENAMED,
	RK_WHY_NEW_OPTIONAL_OK,
	RK_WHY_NEW_REQUIRED_BREAK,
	RK_WHY_UNKNOWN_TO_OLD,
	RK_WHY_FIELD_ADDED,
	RK_WHY_UNKNOWN_TO_NEW,
	RK_WHY_GONE_OPTIONAL_OK,
	RK_WHY_GONE_REQUIRED_BREAK,
	RK_WHY_FIELD_REMOVED,
	RK_WHY_FIELD_RENAMED,
	RK_WHY_ELEMENT_MOVED,
	RK_WHY_FIELD_MOVED,
	RK_WHY_ORDER_PAYLOAD,
	RK_WHY_ORDER_SOURCE,
	RK_WHY_NOW_REQUIRED,
	RK_WHY_NOW_OPTIONAL,
	RK_WHY_MIN_RAISED,
	RK_WHY_MIN_LOWERED,
	RK_WHY_MAX_RAISED,
	RK_WHY_MAX_LOWERED,
	RK_WHY_COUNTS_OLD_FIT,       /* NEW allows every count OLD allows */
	RK_WHY_COUNTS_NEW_FIT,       /* OLD allows every count NEW allows */
	RK_WHY_SHAPE_SAME,
	RK_WHY_SHAPE_ARRAY,
	RK_WHY_ARRAY_SIZE,
	RK_WHY_VALUES_OLD_FIT,       /* NEW accepts every value OLD accepts */
	RK_WHY_VALUES_OLD_REJECTED,  /* OLD may send values NEW rejects */
	RK_WHY_VALUES_NEW_FIT,       /* OLD accepts every value NEW accepts */
	RK_WHY_VALUES_NEW_REJECTED,  /* NEW may send values OLD rejects */
	RK_WHY_LONGER_IN_NEW,
	RK_WHY_LONGER_IN_OLD,
	RK_WHY_BUFFER_GROWS,
	RK_WHY_BUFFER_SHRINKS,
	RK_WHY_BUFFER_SAME,
	RK_WHY_SAME_RULE
};
#define RK_WHY_COUNT (RK_WHY_SAME_RULE + 1)

struct rk_impact {
	bool breaking;
	enum rk_why why;
};

/* The version lint's verdict on a change. */
enum rk_lint { RK_LINT_NONE, RK_LINT_WARNING, RK_LINT_ERROR };

/*
 * One change.  Index [RK_OLD] describes OLD's side, [RK_NEW] NEW's; a side
 * where the thing does not exist has NULLs.
 */
struct rk_change {
	enum rk_subject subject;
	enum rk_change_kind kind;
	/* The record, code table, type or revision, by name (borrowed from
	 * the revisions). */
	const char *name[2];
	/* Inside it: a node's path "group.item", or a code value; NULL for a
	 * whole record, table, type or revision. */
	char *path[2];
	/* The changed property on each side as text (a type "text(20)",
	 * an occurrence "[0..5]", a label...), NULL when it has none. */
	char *value[2];
	/* The official label (NEW's, else OLD's), borrowed; may be NULL. */
	const char *label;
	struct rk_impact impact[RK_AXIS_COUNT];
	enum rk_lint lint;
	/* The model objects compared, borrowed (struct rk_node, rk_record,
	 * rk_codes, rk_code_value, rk_typedef or rk_header by subject), for
	 * reports that show whole definitions. */
	const void *obj[2];
};

/* The changes from OLD to NEW; the revisions must outlive it. */
struct rk_diff {
	const struct rk_revision *rev[2];
	struct rk_change *changes;
	size_t n, cap;
};

/*
 * Compares OLD with NEW (both checked without errors) into D, which it
 * initializes.  Free the result with rk_diff_release.
 */
void rk_diff_run(struct rk_diff *d, const struct rk_revision *old_rev,
		 const struct rk_revision *new_rev);
void rk_diff_release(struct rk_diff *d);

/* Counts of a diff, for summaries. */
struct rk_diff_summary {
	size_t changes;
	size_t by_kind[RK_SUBJ_COUNT][RK_CH_COUNT];
	size_t breaking_by_kind[RK_SUBJ_COUNT][RK_CH_COUNT][RK_AXIS_COUNT];
	size_t breaking[RK_AXIS_COUNT];
	size_t lint_warnings, lint_errors;
};

void rk_diff_summarize(const struct rk_diff *d, struct rk_diff_summary *s);

/* Whether any change breaks AXIS. */
bool rk_diff_breaks(const struct rk_diff *d, enum rk_axis axis);

/* Stable lower-case names, as the JSON report spells them ("item",
 * "length_widened", "producers", "values_old_fit"). */
const char *rk_subject_id(enum rk_subject s);
const char *rk_change_kind_id(enum rk_change_kind k);
const char *rk_axis_id(enum rk_axis a);
const char *rk_why_id(enum rk_why w);

/*
 * Whether every value valid under INNER is valid under OUTER (both
 * resolved types).  Code tables are compared by their values.
 */
bool rk_value_type_contains(const struct rk_value_type *outer,
			    const struct rk_value_type *inner);

/* A type as written, with what a type name stands for ("text(40)",
 * "hihokensha_no (digits(10))"), appended to B. */
struct rk_buf;
void rk_diff_type_text(const struct rk_typeref *t, struct rk_buf *b);

/* An occurrence as "[0..1]", "[1..*]" in BUF; returns BUF. */
char *rk_diff_occurs_text(char *buf, size_t size, uint64_t min, uint64_t max);

#endif /* RK_DIFF_H */
