/*
 * fmt.h: the canonical source of a layout file.
 */
#ifndef RK_FMT_H
#define RK_FMT_H

#include "model.h"

/*
 * Returns FILE (which must have parsed without errors) printed in the
 * canonical form, comments kept; the caller frees the string.
 */
char *rk_fmt_file(const struct rk_file *file);

#endif /* RK_FMT_H */
