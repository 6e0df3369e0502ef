/*
 * reader_internal.h: the state machine the XML and YAML readers drive, and
 * the small string buffer the readers, checks and messages share.  Not
 * installed.
 *
 * A reader turns its parser's events into four calls: a record starts, an
 * element (or key) starts, text arrives, an element ends.  The machine keeps
 * one frame per open record or group (at most the layout's depth: unknown
 * subtrees are skipped by counting, not stacked), counts the occurrences of
 * each child, checks layout order when the format has one, stores values in
 * the caller's struct when there is one, and checks values and minimum
 * occurrences when asked.
 */
#ifndef RENKEI_READER_INTERNAL_H
#define RENKEI_READER_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>

#include "renkei/payload.h"

#if defined(__GNUC__) || defined(__clang__)
#define RT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RT_PRINTF(f, a)
#endif

/* What follows is the library's own: kept out of its exported symbols, so
 * that calls between its files are direct. */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC visibility push(hidden)
#endif

/* The deepest nesting of groups a layout may have (the compiler refuses
 * deeper ones). */
#define RT_MAX_DEPTH 64

/* ---- a growable string ------------------------------------------------- */

struct rt_buf {
	char *s;                     /* NUL-terminated once anything was added */
	size_t len, cap;
};

/* Memory for the runtime: aborts with a message when there is none, as a
 * reader cannot go on without its counters. */
void *rt_alloc(size_t n);
void *rt_calloc(size_t n, size_t size);
void *rt_realloc(void *p, size_t n);
char *rt_strdup(const char *s);

void rt_buf_add(struct rt_buf *b, const char *s, size_t n);
void rt_buf_adds(struct rt_buf *b, const char *s);
void rt_buf_addc(struct rt_buf *b, char c);
void rt_buf_addf(struct rt_buf *b, const char *fmt, ...) RT_PRINTF(2, 3);
void rt_buf_vaddf(struct rt_buf *b, const char *fmt, va_list ap) RT_PRINTF(2, 0);
void rt_buf_release(struct rt_buf *b);
/* The text so far ("" when nothing was added). */
static inline const char *rt_buf_str(const struct rt_buf *b)
{
	return b->s ? b->s : "";
}

/* Appends s[0..n) with what a report could choke on escaped (control
 * characters, bad UTF-8, quotes), cut after MAX_POINTS code points. */
void rt_buf_add_printable(struct rt_buf *b, const char *s, size_t n,
			  size_t max_points);

/* ---- errors ------------------------------------------------------------ */

/* Where an event happened. */
struct rt_pos {
	uint32_t line, col;
};

/* Counts an error and hands it to ERRS' report function. */
void rt_report(struct rk_errors *errs, struct rt_pos at, size_t record,
	       const char *path, const char *label, const char *rule,
	       const char *message);

/* Whether ERRS will report no more errors, only count them. */
static inline bool rt_errors_full(const struct rk_errors *errs)
{
	return errs->limit && errs->count >= errs->limit;
}

/* Adds "/name" or "name[occ]" to a path: a record always has its index
 * (when it has one), a repeatable node its occurrence. */
void rt_path_step(struct rt_buf *path, const struct rk_layout_node *node,
		  uint64_t occ, bool is_record);

/* The errors the reader and rk_check_record share, so that they always
 * say the same thing: a value failing its type, and a minimum not met by
 * COUNT occurrences of NODE (PATH is its parent's). */
void rt_value_error(struct rk_errors *errs, struct rt_pos at, size_t record,
		    const char *path, const struct rk_layout_node *item,
		    const char *s, size_t n, const struct rk_value_error *err);
void rt_missing_error(struct rk_errors *errs, struct rt_pos at, size_t record,
		      struct rt_buf *path, const struct rk_layout_node *node,
		      uint64_t count);

/* How many occurrences of stored node V the struct at BASE holds. */
static inline size_t rt_occurrences(const struct rk_layout_node *v,
				    const char *base)
{
	size_t n;

	switch (v->store.count) {
	case RK_COUNT_FLAG:
		return *(const bool *)(base + v->store.count_offset) ? 1 : 0;
	case RK_COUNT_SIZE:
		n = *(const size_t *)(base + v->store.count_offset);
		return n < v->store.capacity ? n : v->store.capacity;
	case RK_COUNT_NONE:
		break;
	}
	/* A single item: present when its text is not empty. */
	return v->type && base[v->store.offset] ? 1 : 0;
}

/* ---- the state machine ------------------------------------------------- */

struct rt_frame {
	const struct rk_layout_node *node;
	size_t pos;                  /* layout position reached; SIZE_MAX: none */
	uint64_t occurrence;         /* which occurrence this element is, 1-based */
	bool content;                /* held a child with a value */
	char *base;                  /* the struct being filled, or NULL */
	struct rt_pos at;
};

/* Values longer than this many bytes are not kept whole. */
#define RT_VALUE_CAP_MIN 4096

struct rt_walk {
	const struct rk_layout *layout;
	const struct rk_read_options *opts;
	struct rk_errors *errs;
	bool ordered;                /* XML: children come in layout order */
	bool check_values;           /* values and minimums too */
	bool stop;                   /* the record callback asked to stop */
	bool failed;                 /* the payload could not be read */
	size_t records;              /* records started */
	uint64_t bytes;              /* bytes read */
	uint32_t *counts;            /* layout->n_slots occurrence counters */
	/*
	 * XML only: the name pointer libxml2 last gave for each child.  Its
	 * names are interned for the whole parse, so a name seen before is
	 * found by comparing pointers, near the layout position, without a
	 * search.  (YAML keys are freed after use, so never cached.)
	 */
	const char **interned;
	struct rt_frame stack[RT_MAX_DEPTH + 2];
	int depth;                   /* frames in use */
	long skip;                   /* depth inside an unknown subtree */
	const struct rk_layout_node *item;  /* the item whose text is arriving */
	uint64_t item_occurrence;
	struct rt_pos item_at;
	struct rt_buf text;
	size_t text_cap;
	uint64_t text_bytes;         /* all of it, kept or not */
	bool text_overflow;
	uint64_t text_points;        /* code points, counted when not kept */
	bool container_text_reported;
	struct rt_buf path;          /* scratch for error paths */
};

/* ORDERED: the format orders children (XML); its names are interned. */
void rt_walk_init(struct rt_walk *w, const struct rk_read_options *opts,
		  struct rk_errors *errs, bool ordered);
void rt_walk_release(struct rt_walk *w);
/* Switches to LAYOUT (NULL: none; records are then skipped). */
void rt_walk_set_layout(struct rt_walk *w, const struct rk_layout *layout);

/* The events.  NAME is NUL-terminated; TEXT is not. */
void rt_walk_record_start(struct rt_walk *w, const char *name, struct rt_pos at);
void rt_walk_start(struct rt_walk *w, const char *name, struct rt_pos at);
void rt_walk_text(struct rt_walk *w, const char *text, size_t n,
		  struct rt_pos at);
void rt_walk_end(struct rt_walk *w, struct rt_pos at);
/* Abandons the element just started, unchecked, as if it were absent. */
void rt_walk_drop(struct rt_walk *w);
/* How often child NAME of the innermost record or group has occurred so
 * far, or -1 when it has no child of that name. */
long rt_walk_count(const struct rt_walk *w, const char *name);

/* Whether an item's text is being collected (a scalar is expected). */
static inline bool rt_walk_in_item(const struct rt_walk *w)
{
	return w->item != NULL;
}

/* Whether events are being skipped (inside an unknown element). */
static inline bool rt_walk_skipping(const struct rt_walk *w)
{
	return w->skip > 0;
}

/* Reports an error at AT about the current position (the path from the
 * stack, with no node of its own). */
void rt_walk_error(struct rt_walk *w, struct rt_pos at, const char *rule,
		   const char *fmt, ...) RT_PRINTF(4, 5);
/* Reports an error that has no path (the payload's syntax, its root). */
void rt_walk_plain_error(struct rt_walk *w, struct rt_pos at, const char *rule,
			 const char *fmt, ...) RT_PRINTF(4, 5);

/* The readers. */
int rt_read_xml(struct rt_walk *w, FILE *in, const char *head, size_t head_len);
int rt_read_yaml(struct rt_walk *w, FILE *in, const char *head, size_t head_len);

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC visibility pop
#endif

#endif /* RENKEI_READER_INTERNAL_H */
