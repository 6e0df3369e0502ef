/*
 * gen_xsd.h: the XML Schema of a revision's XML payloads.
 */
#ifndef RK_GEN_XSD_H
#define RK_GEN_XSD_H

#include "model.h"

/* The schema of a checked revision, as a new string (the caller frees it). */
char *rk_gen_xsd(const struct rk_revision *rev);

#endif /* RK_GEN_XSD_H */
