/*
 * load.h: loading one revision from directories and files.
 */
#ifndef RK_LOAD_H
#define RK_LOAD_H

#include "diag.h"
#include "model.h"

/* What rk_load returns, besides the revision. */
enum rk_load_status {
	RK_LOAD_OK = 0,
	RK_LOAD_INVALID = -1,   /* the files had encoding or syntax errors */
	RK_LOAD_FAILED = -2     /* a path could not be read: nothing to do */
};

/*
 * Parses every file of one revision: each path is a `*.layout` file or a
 * directory whose `*.layout` files are all taken.  Files are read in name
 * order, so diagnostics are stable.  *REV receives the revision (always,
 * even on errors; free it with rk_revision_free).  Does not check it.
 */
enum rk_load_status rk_load(const char *const *paths, size_t n_paths,
			    struct rk_diags *diags, struct rk_revision **rev);

#endif /* RK_LOAD_H */
