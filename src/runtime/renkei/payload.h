/*
 * renkei/payload.h: reading, checking and writing payloads with a layout's
 * tables (renkei/layout.h).
 *
 * One reader serves `renkei validate` and the generated code: libxml2's
 * SAX2 push parser or libyaml's event parser, in chunks, driving a state
 * machine over the layout.  It checks the structure (unknown records and
 * elements, layout order, too many occurrences, text in records, nesting)
 * and, when asked, the values and the minimum occurrences; where a record
 * kind has a struct to fill, it stores each value in it and hands the
 * struct to a callback when the record ends.  Memory does not grow with the
 * payload: one struct per record kind, reused, and a few counters.
 *
 * rk_check_record checks a filled struct: the value rules and the minimum
 * occurrences, with the rule ids, paths and messages the reader uses.  The
 * writers turn structs back into XML (libxml2's xmlTextWriter) or YAML
 * (libyaml's emitter).
 *
 * The XML parser never touches the network, never loads a DTD and never
 * expands an entity (a DOCTYPE is an error); YAML anchors and aliases are
 * refused.
 */
#ifndef RENKEI_PAYLOAD_H
#define RENKEI_PAYLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "renkei/layout.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One problem in a payload.  The strings live only during the call. */
struct rk_payload_error {
	uint32_t line, col;          /* 1-based; 0 when unknown (a struct) */
	size_t record;               /* 1-based index of the record; 0: none */
	const char *path;            /* "kaigo_nintei[3]/history[2]/care_level" */
	const char *label;           /* the official label, or NULL */
	const char *rule;            /* a stable id: "value.length", "structure.order" */
	const char *message;         /* expected against found, one line */
};

/* Where errors go.  Zero it, then set what you need. */
struct rk_errors {
	/* Called for each error (NULL: errors are only counted). */
	void (*report)(void *data, const struct rk_payload_error *e);
	void *data;
	size_t limit;                /* report at most this many; 0: all */
	size_t count;                /* errors found so far, reported or not */
};

/* A report function that prints "line:col: path: message [rule]" lines
 * to the FILE * given as DATA. */
void rk_errors_print(void *data, const struct rk_payload_error *e);

enum rk_format { RK_FORMAT_AUTO, RK_FORMAT_XML, RK_FORMAT_YAML };

/*
 * Called when a record ends.  RECORD is its node, VALUE the struct it was
 * read into (NULL when its kind has no struct), INDEX its 1-based position
 * in the payload.  Returns 0 to go on, nonzero to stop reading.
 */
typedef int rk_record_fn(void *data, const struct rk_layout_node *record,
			 void *value, size_t index);

/* The layout of the revision a payload names, or NULL. */
typedef const struct rk_layout *rk_layout_lookup_fn(const char *revision,
						     void *data);

struct rk_read_options {
	enum rk_format format;       /* AUTO: from NAME's extension or the first bytes */
	const char *name;            /* the payload's name, or NULL */
	/* The layout, or NULL to take the one LOOKUP gives for the revision
	 * the payload names. */
	const struct rk_layout *layout;
	rk_layout_lookup_fn *lookup;
	void *lookup_data;
	/* Check values and minimum occurrences while reading (what `renkei
	 * validate` does).  Generated readers leave them to rk_check_record. */
	bool check_values;
	/* STORAGE[i], when STORAGE and it are not NULL, is the struct records
	 * of LAYOUT->records[i] are read into (zeroed at each record). */
	void *const *storage;
	rk_record_fn *each;
	void *each_data;
	/* Called now and then with the bytes read so far. */
	void (*progress)(uint64_t bytes, void *data);
	void *progress_data;
};

/* What a read saw. */
struct rk_read_stats {
	enum rk_format format;
	const char *revision;        /* the layout's, static; NULL when none */
	size_t records;
	uint64_t bytes;
};

/*
 * Reads the payload from IN (not closed).  Returns 0 when it held no error,
 * 1 when it did (reported through ERRS), -1 when it could not be read at
 * all (an error says why) or EACH asked to stop (then no error).  STATS
 * may be NULL.
 */
int rk_read(FILE *in, const struct rk_read_options *opts,
	    struct rk_errors *errs, struct rk_read_stats *stats);

/*
 * Checks the struct VALUE of RECORD: every value rule and every minimum
 * occurrence, as the reader would, with INDEX (1-based, or 0) as the
 * record's index in paths.  Returns the number of errors found.
 */
size_t rk_check_record(const struct rk_layout_node *record, const void *value,
		       size_t index, struct rk_errors *errs);

/*
 * Writers: a document of records, `<records revision="R06">...` or
 * `revision: R06` + `records:`.  Each call writes one record; values are
 * written as they are (the writers do not check them).  Functions return 0,
 * or -1 on a write error (or an allocation failure at open: NULL).
 */
struct rk_xml_writer;
struct rk_yaml_writer;

struct rk_xml_writer *rk_xml_writer_open(FILE *out, const struct rk_layout *layout);
int rk_xml_write_record(struct rk_xml_writer *w,
			const struct rk_layout_node *record, const void *value);
/* Ends the document, flushes and frees W (OUT stays open). */
int rk_xml_writer_close(struct rk_xml_writer *w);

struct rk_yaml_writer *rk_yaml_writer_open(FILE *out, const struct rk_layout *layout);
int rk_yaml_write_record(struct rk_yaml_writer *w,
			 const struct rk_layout_node *record, const void *value);
int rk_yaml_writer_close(struct rk_yaml_writer *w);

/* The rule ids the reader can report besides the value rules, ending with
 * NULL, for documentation and tests. */
extern const char *const rk_structure_rules[];

#ifdef __cplusplus
}
#endif

#endif /* RENKEI_PAYLOAD_H */
