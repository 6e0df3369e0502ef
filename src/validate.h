/*
 * validate.h: validating payloads (XML, YAML, JSON) against a revision.
 *
 * A checked revision is first compiled into a schema: the records, groups
 * and items as a tree of lookup tables, each item with its value rule from
 * the runtime library.  A payload is then streamed through a parser (libxml2
 * SAX2 push parser, libyaml event parser) whose events drive a small state
 * machine over that tree, so memory does not grow with the payload.  Every
 * problem becomes a struct rk_verror with its location, record index, item
 * path, official label, a stable rule id and a message saying what was
 * expected and what was found.
 */
#ifndef RK_VALIDATE_H
#define RK_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <renkei/payload.h>

#include "model.h"

enum rk_payload_format { RK_PAYLOAD_AUTO, RK_PAYLOAD_XML, RK_PAYLOAD_YAML };

/* The schema of one revision; it points into the revision, which must
 * outlive it. */
struct rk_schema;

/* Compiles a revision that rk_check passed without errors. */
struct rk_schema *rk_schema_new(const struct rk_revision *rev);
void rk_schema_free(struct rk_schema *schema);
const char *rk_schema_revision(const struct rk_schema *schema);

/*
 * Finds the schema for the revision a payload names (for --layouts);
 * returns NULL when there is none.  DATA is the caller's.
 */
typedef const struct rk_schema *rk_schema_lookup_fn(const char *revision,
						     void *data);

/* One problem in a payload.  Strings are owned by the result. */
struct rk_verror {
	uint32_t line, col;          /* 1-based; 0 when unknown */
	size_t record;               /* 1-based index of the record; 0: none */
	char *path;                  /* "kaigo_nintei[3]/history[2]/care_level" */
	const char *label;           /* official label of the item, or NULL */
	const char *rule;            /* stable id: "value.length", "structure.order" */
	char *message;               /* expected against found, one line */
};

/* What validating one payload found. */
struct rk_vresult {
	const char *name;            /* the file name reports print */
	enum rk_payload_format format;
	char *revision;              /* the revision validated against */
	size_t records;              /* records seen */
	uint64_t bytes;              /* bytes read */
	struct rk_verror *errors;    /* the first max_errors errors, in order */
	size_t n_errors, cap_errors;
	size_t total_errors;         /* all errors, kept or not */
	size_t max_errors;           /* keep at most this many; 0: no limit */
	bool failed;                 /* the payload could not be read at all */
};

void rk_vresult_init(struct rk_vresult *r, const char *name,
		     size_t max_errors);
void rk_vresult_release(struct rk_vresult *r);

/* Whether R holds no error. */
static inline bool rk_vresult_valid(const struct rk_vresult *r)
{
	return r->total_errors == 0 && !r->failed;
}

/*
 * Validates the payload read from IN (not closed) against SCHEMA, or, when
 * SCHEMA is NULL, against the schema LOOKUP returns for the revision the
 * payload names.  FORMAT AUTO decides from NAME's extension, else from the
 * first bytes.  Returns 0 when the payload is valid, 1 when it has errors
 * (in *R), -1 when it could not be read (R->failed, with an error saying
 * why).  PROGRESS, when not NULL, is called now and then with the bytes
 * read so far.
 */
struct rk_vopts {
	enum rk_payload_format format;
	const struct rk_schema *schema;
	rk_schema_lookup_fn *lookup;
	void *lookup_data;
	void (*progress)(uint64_t bytes, void *data);
	void *progress_data;
};
int rk_validate_stream(FILE *in, const struct rk_vopts *opts,
		       struct rk_vresult *r);

/* The runtime's tables for the schema (the rule ids validate can report
 * are the runtime's too: rk_structure_rules in renkei/payload.h). */
struct rk_layout;
const struct rk_layout *rk_schema_layout(const struct rk_schema *schema);

#endif /* RK_VALIDATE_H */
