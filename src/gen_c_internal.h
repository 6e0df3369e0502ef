/*
 * gen_c_internal.h: what the parts of the C generator share.
 *
 * The generator works in two steps.  gen_c_names.c makes a plan: every
 * name the code will use (made unique), the structs with their members and
 * storage, the item types, the counters of the reader.  gen_c_header.c and
 * gen_c_source.c then print the plan, and gen_c.c holds the text helpers
 * both use (C string literals, comments, wrapped prototypes).
 */
#ifndef RK_GEN_C_INTERNAL_H
#define RK_GEN_C_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "gen_c.h"
#include "util.h"

struct rk_gc_table;

/* An item type, defined once in the source however many items use it. */
struct rk_gc_type {
	char *name;                  /* "r06_type_digits_10" */
	char *syntax;                /* "digits(10)" */
	const struct rk_value_type *value;
	struct rk_gc_table *table;   /* code(T): T */
};

/* A code table: an enum and its look-ups. */
struct rk_gc_table {
	const struct rk_codes *codes;
	char *stem;                  /* "r06_care_level": the tag, and the
					stem of the functions and arrays */
	/* The constants: [0] the one for "not a value", [i + 1] that of
	 * codes->values[i] ("R06_CARE_LEVEL_YOKAIGO1"). */
	char **constants;
	/* The index in codes->values of each value of codes->sorted. */
	size_t *sorted_index;
};

struct rk_gc_struct;

/* A member of a struct: one item or group and its count. */
struct rk_gc_member {
	const struct rk_node *node;
	char *name;                  /* the C member: "tel" */
	char *count;                 /* "n_tel", "has_history", or NULL */
	size_t capacity;             /* occurrences held; 1 for a single one */
	bool many;                   /* the capacity is PREFIX_CAPACITY */
	size_t size;                 /* an item's buffer for one occurrence */
	struct rk_gc_type *type;     /* items */
	struct rk_gc_struct *group;  /* groups */
};

/* The struct of a record or of a group, and its node table. */
struct rk_gc_struct {
	const struct rk_record *record;  /* records */
	const struct rk_node *node;  /* groups */
	char *stem;                  /* "r06_kaigo_nintei_history": the tag,
					and the stem of its tables and
					functions */
	char *path;                  /* "kaigo_nintei/history" */
	char *index;                 /* records: "R06_RECORD_KAIGO_NINTEI" */
	struct rk_gc_member *members;
	size_t n_members;
	size_t slot;                 /* the first counter of its members */
};

struct rk_gc {
	const struct rk_revision *rev;
	struct rk_diags *diags;
	size_t capacity;
	const char *revision;        /* "R06" */
	char *lower, *upper;         /* "r06", "R06" */
	struct rk_gc_table *tables;  /* in layout order */
	size_t n_tables;
	struct rk_gc_struct **records;  /* in layout order */
	size_t n_records;
	struct rk_gc_type **types;   /* by kind, then arguments */
	size_t n_types, cap_types;
	size_t n_slots;              /* counters a reader needs */
	size_t text_max;             /* the longest value text it keeps */
	/* Every identifier claimed (tags as "struct NAME"), with what it
	 * names; the keys and values are owned by OWNED. */
	struct rk_map names;
	char **owned;
	size_t n_owned, cap_owned;
	/* Strings too long for a C literal, as arrays the source defines
	 * before anything else. */
	struct rk_buf strings;
	size_t n_strings;
};

/* gen_c_names.c: makes the plan; -1 after reporting an error. */
int rk_gc_plan(struct rk_gc *g);
void rk_gc_release(struct rk_gc *g);

/* gen_c_header.c, gen_c_source.c: the two files. */
void rk_gc_header(struct rk_gc *g, struct rk_buf *b);
void rk_gc_source(struct rk_gc *g, struct rk_buf *b);

/* gen_c.c: text. */

/* A new string, formatted as printf does (the caller frees it). */
char *rk_gc_format(const char *fmt, ...) RK_PRINTF(1, 2);

/* The comment that opens FILE ("h" or "c"): the revision, its title,
 * WHAT (comment lines " * ...\n" saying what the file holds), and that it
 * is generated. */
void rk_gc_banner(const struct rk_gc *g, struct rk_buf *b, const char *file,
		  const char *what);

/* S as a C string literal ("...", escaped), or, when it is too long for
 * one, the name of an array holding it (defined in G->strings). */
void rk_gc_string(struct rk_gc *g, struct rk_buf *b, const char *s);
/* S (may be NULL: NULL) the same way. */
void rk_gc_string_or_null(struct rk_gc *g, struct rk_buf *b, const char *s);
/* S made safe inside a C comment, on one line, shortened when long. */
void rk_gc_comment_text(struct rk_buf *b, const char *s);
/* TEXT (made safe with rk_gc_comment_text where it quotes the layout) as
 * a comment INDENT tabs in: one line when it fits in 80 columns, else a
 * block wrapped at 80 columns. */
void rk_gc_comment(struct rk_buf *b, int indent, const char *text);
/* "[1..*]", "required", "optional": a node's occurrence, for comments. */
void rk_gc_occurs(struct rk_buf *b, const struct rk_node *n);
/* An occurrence bound as a C constant: "5", "RK_MANY". */
void rk_gc_bound(struct rk_buf *b, uint64_t v);
/*
 * Appends LINES (each ends with '\n') with the comments that end them
 * aligned: in a line whose code and comment a tab separates (its only
 * tab after the indentation), the comment goes to one tab stop, the first
 * past the longest such code (but for code that runs too far right).
 */
void rk_gc_align(struct rk_buf *b, const char *lines);
/*
 * Appends the declaration or call HEAD(PARAMS[0], ..., PARAMS[N - 1])
 * followed by END, wrapped at 80 columns with the continuation lines
 * aligned after the parenthesis; INDENT tabs before it.
 */
void rk_gc_call(struct rk_buf *b, int indent, const char *head,
		const char *const *params, size_t n, const char *end);

#endif /* RK_GEN_C_INTERNAL_H */
