/*
 * check_internal.h: what the parts of the checker share.
 *
 * check.c holds the entry point and the rules common to every kind of
 * declaration; check_types.c the code tables and types; check_records.c
 * the records, groups and items.
 */
#ifndef RK_CHECK_INTERNAL_H
#define RK_CHECK_INTERNAL_H

#include "check.h"
#include "util.h"

struct checker {
	struct rk_revision *rev;
	struct rk_diags *diags;
	int errors;
	struct rk_map codes, types, records;
	struct rk_map record_ids, item_ids;
	struct rk_map used_codes;    /* code tables referred to */
	struct rk_map used_types;    /* types referred to */
};

/* Which attributes a kind of declaration may carry. */
enum {
	A_REQUIRED = 1 << 0,
	A_OCCURS = 1 << 1,
	A_NOTE = 1 << 2,
	A_FORMERLY = 1 << 3,
	A_DEPRECATED = 1 << 4,
	A_ID = 1 << 5,
	A_VERSION = 1 << 6,
	A_ALL = 0x7F
};

void rk_ck_error(struct checker *c, struct rk_loc loc, const char *fmt, ...)
	RK_PRINTF(3, 4);
/* Refuses C keywords, names beginning with "xml" and overlong names. */
void rk_ck_name(struct checker *c, const struct rk_name *name,
		const char *what);
/* Adds NAME to MAP, reporting a duplicate; returns 0, or -1 if one. */
int rk_ck_declare(struct checker *c, struct rk_map *map,
		  const struct rk_name *name, const char *what);
/*
 * Adds a "did you mean" note for the closest key of MAP to WRONG; returns
 * that key, or NULL when none is close.
 */
const char *rk_ck_suggest(struct checker *c, const struct rk_map *map,
			  const char *wrong, struct rk_loc loc);
void rk_ck_label(struct checker *c, const char *label, struct rk_loc at,
		 struct rk_loc label_loc, const char *what, const char *name);
/*
 * Checks that FORMERLY (if given) names neither NAME itself nor a
 * declaration of MAP that still exists; returns 0, or -1 after reporting
 * (or when there is no FORMERLY).
 */
int rk_ck_renamed(struct checker *c, const struct rk_map *map,
		  const struct rk_name *name, const struct rk_name *formerly,
		  const char *what);
/* Reports the attributes present in A that ALLOWED does not list. */
void rk_ck_applicable(struct checker *c, const struct rk_attrs *a,
		      int allowed, const char *what);
int rk_ck_record_id_ok(const char *s);
int rk_ck_item_id_ok(const char *s);

/* check_types.c */
void rk_ck_codes(struct checker *c, struct rk_codes *codes);
void rk_ck_alias(struct checker *c, struct rk_typedef *t);
/* Resolves a type as written; returns 0, or -1 after reporting. */
int rk_ck_type(struct checker *c, struct rk_typeref *t);

/* check_records.c */
void rk_ck_record(struct checker *c, struct rk_record *r);

#endif /* RK_CHECK_INTERNAL_H */
