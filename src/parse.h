/*
 * parse.h: reading layout source into the model.
 */
#ifndef RK_PARSE_H
#define RK_PARSE_H

#include "diag.h"
#include "model.h"

/*
 * Parses SRC (taking ownership of it) as one file of REV, adding what it
 * declares.  Encoding and syntax errors go to DIAGS; a file with errors
 * still adds every declaration that parsed.  Returns 0, or -1 when the file
 * had errors.
 */
int rk_parse_file(struct rk_revision *rev, struct rk_source *src,
		  struct rk_diags *diags);

#endif /* RK_PARSE_H */
