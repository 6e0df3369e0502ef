/*
 * diff_internal.h: what the parts of the diff share: pairing things of two
 * revisions (diff_match.c), the impact rules (diff_impact.c) and the
 * driver that lists the changes (diff.c).
 */
#ifndef RK_DIFF_INTERNAL_H
#define RK_DIFF_INTERNAL_H

#include "diff.h"
#include "util.h"

/*
 * Which of N_OLD old things is which of N_NEW new things: of_new[i] is the
 * old index paired with new thing I, or -1; of_old[j] the reverse.
 */
struct rk_pairing {
	long *of_new, *of_old;
	size_t n_old, n_new;
};

void rk_pairing_init(struct rk_pairing *p, size_t n_old, size_t n_new);
void rk_pairing_release(struct rk_pairing *p);
void rk_pairing_pair(struct rk_pairing *p, size_t old_i, size_t new_i);
/*
 * Pairs the things not yet paired whose keys are equal (a NULL key never
 * pairs); among old things with equal keys the first wins, and new things
 * take their partners in order.
 */
void rk_pairing_by_key(struct rk_pairing *p, const char *const *old_keys,
		       const char *const *new_keys);

/*
 * The order in which to report: removed old things go after the new thing
 * paired with the nearest paired old thing before them (or first of all).
 * rk_pairing_removed_after(p, a, -1) lists, in old order, the unpaired old
 * things reported first; (p, a, i) those reported after new thing I.
 */
struct rk_anchors {
	long *first;     /* per new index + 1: first removed old index, or -1 */
	long *next;      /* per old index: the next one with the same anchor */
};

void rk_anchors_init(struct rk_anchors *a, const struct rk_pairing *p);
void rk_anchors_release(struct rk_anchors *a);
long rk_anchors_first(const struct rk_anchors *a, long new_i);

/* A record's nodes, depth first (parents before children). */
struct rk_flat_node {
	const struct rk_node *node;
	long parent;         /* index of the parent group, -1 at the top */
	char *path;          /* "group.item", made by rk_flat_path */
	long sibling;        /* position among its parent's children */
};

struct rk_flat {
	struct rk_flat_node *v;
	size_t n, cap;
};

void rk_flat_record(struct rk_flat *f, const struct rk_record *r);
void rk_flat_release(struct rk_flat *f);
/* The path of node K, "group.item", made the first time it is asked for
 * (only changes need one); F keeps it. */
const char *rk_flat_path(struct rk_flat *f, long k);

/* The nodes of two records paired, and how the pairs moved. */
struct rk_node_match {
	struct rk_flat side[2];
	struct rk_pairing pair;
	bool *moved;         /* per new node: its parent is not its old one's */
	bool *reordered;     /* per new node: out of order among its siblings */
	struct rk_anchors anchors;
};

/*
 * Pairs the nodes of OLD_REC and NEW_REC: by id, then by name under the
 * paired parent, then by `formerly` there, then (a move) by name or
 * `formerly` anywhere in the record when only one unpaired node of that
 * kind has it.
 */
void rk_node_match_run(struct rk_node_match *m, const struct rk_record *o,
		       const struct rk_record *n);
void rk_node_match_release(struct rk_node_match *m);

/* What the impact rules need to know besides the change itself. */
struct rk_diff_ctx {
	struct rk_diff *d;
	/* old code table name -> the paired struct rk_codes of NEW */
	struct rk_map table_pair;
	/* per side: table name -> non-NULL when an item's type uses it */
	struct rk_map used[2];
};

/* Sets C's three impacts by the rules of docs/diff.md. */
void rk_diff_impact(struct rk_change *c, const struct rk_diff_ctx *x);

/* Whether O and N are the same rule (code tables compared as paired). */
bool rk_diff_same_value(const struct rk_diff_ctx *x,
			const struct rk_value_type *o,
			const struct rk_value_type *n);

/* The kind of type change from O to N (RK_CH_TYPE when not one of the
 * finer kinds), for two resolved types that differ. */
enum rk_change_kind rk_diff_type_kind(const struct rk_value_type *o,
				      const struct rk_value_type *n);

/* The C shape of a node of occurrence [MIN..MAX]: 1 a single field, 2 a
 * fixed array with a count, 3 a pointer with a count. */
int rk_diff_shape(uint64_t max);

#endif /* RK_DIFF_INTERNAL_H */
