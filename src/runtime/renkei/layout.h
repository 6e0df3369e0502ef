/*
 * renkei/layout.h: the payload layout of one revision, as tables.
 *
 * A layout is a tree of nodes: its records, their groups and items, in
 * layout order.  `renkei validate` builds one at run time from a layout's
 * source; the code `renkei compile` writes holds one in static const
 * storage, with the place of every member in the generated structs.  The
 * readers, the writers and the checks of renkei/payload.h walk these
 * tables, so the structural rules (order, occurrences, unknown elements)
 * and the value rules live once, in this library, whoever drives them.
 */
#ifndef RENKEI_LAYOUT_H
#define RENKEI_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "renkei/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An occurrence bound meaning "*". */
#define RK_MANY UINT64_MAX

/*
 * How a generated struct says how often a member occurs:
 *  RK_COUNT_NONE  a single item: its text buffer, empty when absent (an
 *                 empty element counts as absent on the wire too);
 *  RK_COUNT_FLAG  a single group: a bool has_NAME beside it;
 *  RK_COUNT_SIZE  a repeated item or group: a size_t n_NAME beside an
 *                 array of `capacity` elements.
 */
enum rk_count_kind { RK_COUNT_NONE, RK_COUNT_FLAG, RK_COUNT_SIZE };

/* Where a node is stored in its parent's struct (all 0: not stored). */
struct rk_storage {
	size_t offset;               /* of the member (buffer, struct or array) */
	size_t size;                 /* of one occurrence: buffer or struct */
	size_t capacity;             /* occurrences the member holds */
	size_t count_offset;         /* of has_NAME or n_NAME */
	enum rk_count_kind count;
};

/* A record, group or item. */
struct rk_layout_node {
	const char *name;            /* the element or key */
	const char *label;           /* the official label (UTF-8), or NULL */
	const struct rk_value_type *type;  /* items; NULL for records and groups */
	uint64_t min, max;           /* occurrence; max may be RK_MANY */
	const struct rk_layout_node *children;  /* records and groups */
	size_t n_children;
	/* The indexes of the children sorted by name (strcmp), for look-ups. */
	const uint32_t *by_name;
	size_t slot;                 /* the first of its children's counters */
	struct rk_storage store;     /* records: offset 0, size of the struct */
};

/* One revision's payload layout. */
struct rk_layout {
	const char *revision;        /* "R06" */
	const struct rk_layout_node *records;
	size_t n_records;
	const uint32_t *by_name;     /* record indexes sorted by name */
	size_t n_slots;              /* counters a reader needs */
	size_t text_max;             /* the longest value text kept, in bytes */
};

/* The record named NAME (NUL-terminated), or NULL. */
const struct rk_layout_node *rk_layout_record(const struct rk_layout *layout,
					      const char *name);

/* The index of NODE's child named NAME, or -1. */
long rk_layout_child(const struct rk_layout_node *node, const char *name);

#ifdef __cplusplus
}
#endif

#endif /* RENKEI_LAYOUT_H */
