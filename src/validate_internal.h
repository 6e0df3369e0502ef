/*
 * validate_internal.h: the schema tree and the state machine that the XML
 * and YAML readers drive.
 *
 * A reader turns its parser's events into four calls: a record starts, an
 * element (or key) starts, text arrives, an element ends.  The state
 * machine keeps one frame per open record or group (at most the layout's
 * depth: unknown subtrees are skipped by counting, not stacked), counts the
 * occurrences of each child, checks layout order when the format has one,
 * and checks values with the runtime's rules when an item ends.
 */
#ifndef RK_VALIDATE_INTERNAL_H
#define RK_VALIDATE_INTERNAL_H

#include <renkei/value.h>

#include "util.h"
#include "validate.h"

/* A record, group or item of the schema. */
struct vnode {
	const char *name;
	const char *label;
	bool group;                  /* records and groups */
	const struct rk_value_type *type;  /* items */
	uint64_t min, max;
	struct vnode *children;      /* records and groups, in layout order */
	size_t n_children;
	size_t slot;                 /* first of its children's counters */
	struct rk_map index;         /* child name -> index + 1 */
};

struct rk_schema {
	const struct rk_revision *rev;
	struct vnode *records;
	size_t n_records;
	struct rk_map index;         /* record name -> index + 1 */
	size_t n_slots;              /* counters a validation needs */
};

/* Where an event happened. */
struct vpos {
	uint32_t line, col;
};

struct vframe {
	const struct vnode *node;
	size_t pos;                  /* layout position reached; SIZE_MAX: none */
	uint64_t occurrence;         /* which occurrence this element is, 1-based */
	bool content;                /* held a child with a value */
	struct vpos at;
};

/* Values longer than this many bytes are not kept whole. */
#define VALUE_CAP_MIN 4096

struct vstate {
	const struct rk_schema *schema;
	struct rk_vresult *r;
	bool ordered;                /* XML: children come in layout order */
	uint32_t *counts;            /* schema->n_slots occurrence counters */
	/*
	 * XML only: the name pointer libxml2 last gave for each child.  Its
	 * names are interned for the whole parse, so a name seen before is
	 * found by comparing pointers, near the layout position, without
	 * hashing.  (YAML keys are freed after use, so never cached.)
	 */
	const char **interned;
	struct vframe stack[RK_MAX_GROUP_DEPTH + 2];
	int depth;                   /* frames in use */
	long skip;                   /* depth inside an unknown subtree */
	const struct vnode *item;    /* the item whose text is arriving */
	uint64_t item_occurrence;
	struct vpos item_at;
	struct rk_buf text;
	size_t text_cap;
	uint64_t text_bytes;         /* all of it, kept or not */
	bool text_overflow;
	uint64_t text_points;        /* code points, counted when not kept */
	bool container_text_reported;
};

/* ORDERED: the format orders children (XML); its names are interned. */
void vstate_init(struct vstate *st, const struct rk_schema *schema,
		 struct rk_vresult *r, bool ordered);
void vstate_release(struct vstate *st);
/* Switches to SCHEMA (a payload naming its revision, with --layouts). */
void vstate_set_schema(struct vstate *st, const struct rk_schema *schema);

/* The events.  NAME is NUL-terminated; TEXT is not. */
void vstate_record_start(struct vstate *st, const char *name, struct vpos at);
void vstate_start(struct vstate *st, const char *name, struct vpos at);
void vstate_text(struct vstate *st, const char *text, size_t n,
		 struct vpos at);
void vstate_end(struct vstate *st, struct vpos at);
/* Abandons the element just started, unchecked, as if it were absent. */
void vstate_drop(struct vstate *st);
/* How often child NAME of the innermost record or group has occurred so
 * far, or -1 when it has no child of that name. */
long vstate_count(const struct vstate *st, const char *name);
/* Whether an item's text is being collected (a scalar is expected).
 * Inline: the XML reader asks on every event. */
static inline bool vstate_in_item(const struct vstate *st)
{
	return st->item != NULL;
}

/* Whether the element just started is a group (or record). */
static inline bool vstate_in_group(const struct vstate *st)
{
	return !st->skip && !st->item && st->depth > 0;
}

/* Whether events are being skipped (inside an unknown element). */
static inline bool vstate_skipping(const struct vstate *st)
{
	return st->skip > 0;
}

/* Reports an error at AT about the current position (path from the stack). */
void vstate_error(struct vstate *st, struct vpos at, const char *rule,
		  const struct vnode *about, const char *fmt, ...) RK_PRINTF(5, 6);

/* Adds an error that has no path (a syntax error of the payload). */
void rk_vresult_add(struct rk_vresult *r, struct vpos at, const char *rule,
		    const char *fmt, ...) RK_PRINTF(4, 5);

/* The readers. */
int rk_validate_xml(FILE *in, const char *head, size_t head_len,
		    const struct rk_vopts *opts, struct rk_vresult *r);
int rk_validate_yaml(FILE *in, const char *head, size_t head_len,
		     const struct rk_vopts *opts, struct rk_vresult *r);

/* Appends S[0..N) to B with anything a report could choke on escaped. */
void rk_buf_add_printable(struct rk_buf *b, const char *s, size_t n,
			  size_t max_points);

#endif /* RK_VALIDATE_INTERNAL_H */
