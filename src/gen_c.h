/*
 * gen_c.h: the C code of one revision: a header and a source that give
 * vendors a struct per record and group, an enum per code table with its
 * look-ups, and per record the functions that read, check and write it
 * through the runtime library (renkei/payload.h).  docs/compile.md
 * describes what is generated.
 */
#ifndef RK_GEN_C_H
#define RK_GEN_C_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* The capacity of a member whose maximum is `*`, by default. */
#define RK_GEN_C_CAPACITY 16
/* The largest capacity an array member gets: a bound above it counts as
 * `*`, and --capacity cannot go beyond it. */
#define RK_GEN_C_MAX_CAPACITY 65535

/* The two files of a revision, "r06.h" and "r06.c". */
struct rk_gen_c_output {
	char *header_name, *header;
	char *source_name, *source;
};

/*
 * Generates the C code of the checked revision REV, with CAPACITY
 * occurrences for unbounded members.  Returns 0 and fills *OUT (release it
 * with rk_gen_c_release), or -1 after reporting to DIAGS why the revision
 * cannot be generated (its name cannot prefix C names).  Names that would
 * clash are made unique, with a warning.
 */
int rk_gen_c(const struct rk_revision *rev, size_t capacity,
	     struct rk_diags *diags, struct rk_gen_c_output *out);

void rk_gen_c_release(struct rk_gen_c_output *out);

#endif /* RK_GEN_C_H */
