/*
 * gen_doc.h: a revision as reference tables (Markdown or HTML).
 */
#ifndef RK_GEN_DOC_H
#define RK_GEN_DOC_H

#include <stdbool.h>

#include "model.h"

/* The reference of a checked revision as a new string (caller frees):
 * one standalone HTML page with a table of contents, or Markdown. */
char *rk_gen_doc(const struct rk_revision *rev, bool html);

#endif /* RK_GEN_DOC_H */
