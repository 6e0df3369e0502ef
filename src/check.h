/*
 * check.h: the semantic checks of a revision, and name resolution.
 *
 * rk_check walks the whole revision once, reports every problem it finds
 * (not only the first), and fills in the fields the model marks "checked":
 * resolved types and code tables, occurrences with defaults applied, the
 * revision header.  Back ends may rely on those fields only when it
 * returned 0.
 */
#ifndef RK_CHECK_H
#define RK_CHECK_H

#include "diag.h"
#include "model.h"

/* The longest length a string type may declare, in code points. */
#define RK_MAX_LENGTH 100000u
/* The largest precision of number(p,s). */
#define RK_MAX_PRECISION 60u
/* The longest name, in characters (names become C identifiers). */
#define RK_MAX_NAME 63u

/* Returns the number of errors found (warnings do not count). */
int rk_check(struct rk_revision *rev, struct rk_diags *diags);

/* Whether NAME is a keyword of C99 or C11 (it cannot name anything). */
int rk_is_c_keyword(const char *name);

#endif /* RK_CHECK_H */
