/*
 * model.h: the layout model, one revision of a data standard layout.
 *
 * The parser builds it (every declaration with its source location), the
 * checker resolves names and fills in the derived fields marked "checked",
 * and every back end (printer, C generator, validator, diff, XSD) walks it:
 * revision -> records -> nodes (items and groups, nested) -> types -> code
 * tables.  A revision owns everything reachable from it; free it with
 * rk_revision_free.  The parts (headers, code tables, types, records,
 * nodes, their strings and arrays of children) live in the revision's
 * arena: they are never freed one by one, and last as long as it does.
 */
#ifndef RK_MODEL_H
#define RK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <renkei/value.h>

#include "source.h"
#include "util.h"

/* Occurrence bound meaning "*". */
#define RK_UNBOUNDED UINT64_MAX

/* The deepest nesting of groups a layout may use. */
#define RK_MAX_GROUP_DEPTH 64

struct rk_date {
	int year, month, day;
};

/* A name as written, with where it was written. */
struct rk_name {
	char *text;
	struct rk_loc loc;
};

/*
 * The attributes of an item, a group, a record, a code table or a code
 * value.  The parser sets only those written (has_* and the locations say
 * which); which apply where is the checker's business.
 */
struct rk_attrs {
	/* (The flags side by side: every item has this.) */
	bool required, has_occurs, deprecated, has_version;
	struct rk_loc required_loc;
	uint64_t min, max;           /* max may be RK_UNBOUNDED */
	struct rk_loc occurs_loc;
	char *note;
	struct rk_loc note_loc;
	struct rk_name formerly;     /* text NULL when absent */
	struct rk_loc deprecated_loc;
	char *id;
	struct rk_loc id_loc;
	uint64_t version;
	struct rk_loc version_loc;
};

struct rk_codes;
struct rk_typedef;

/* A type as written after ':' or '=', and what it resolves to. */
struct rk_typeref {
	struct rk_loc loc;
	bool builtin;                /* a type keyword, else a type name */
	bool range;                  /* (m..n) rather than (m, n) */
	bool is_signed;
	bool resolved;               /* checked */
	enum rk_kind kind;           /* builtin only */
	struct rk_name name;         /* a type name, or code(T)'s T */
	int n_args;                  /* numbers in parentheses: 0, 1 or 2 */
	uint64_t args[2];
	struct rk_loc args_loc;
	struct rk_loc signed_loc;

	/* checked: */
	struct rk_typedef *alias;    /* the named type, if a name */
	struct rk_codes *codes;      /* code(T)'s table */
	struct rk_value_type value;  /* the resolved rule (aliases followed) */
};

enum rk_node_kind { RK_ITEM, RK_GROUP };

/* An item or a group inside a record. */
struct rk_node {
	enum rk_node_kind kind;
	uint32_t end_line;           /* the line of its ';' or '}' */
	struct rk_name name;
	char *label;
	struct rk_loc label_loc;
	struct rk_attrs attrs;
	struct rk_typeref *type;     /* items */
	struct rk_node **children;   /* groups */
	size_t n_children;
	struct rk_node *parent;      /* NULL at the top of a record */
	struct rk_record *record;

	/* checked: */
	uint64_t min, max;           /* occurrence, defaults applied */
};

struct rk_record {
	struct rk_name name;
	char *label;
	struct rk_loc label_loc;
	struct rk_attrs attrs;       /* formerly, deprecated */
	char *id, *dataset, *basis;  /* the record's own statements */
	struct rk_loc id_loc, dataset_loc, basis_loc;
	struct rk_node **children;
	size_t n_children;
	uint32_t end_line;
};

struct rk_code_value {
	char *value;
	struct rk_loc loc;
	struct rk_name symbol;       /* text NULL when absent */
	char *label;                 /* NULL when absent */
	struct rk_loc label_loc;
	struct rk_attrs attrs;       /* deprecated, note */
	uint32_t end_line;
};

struct rk_codes {
	struct rk_name name;
	char *label;
	struct rk_loc label_loc;
	struct rk_attrs attrs;       /* formerly */
	struct rk_code_value *values;    /* malloc'd, outside the arena */
	size_t n_values, cap_values;
	uint32_t end_line;

	/* checked: the values sorted by byte order, for rk_code_find
	 * (malloc'd) */
	const char **sorted;
	size_t n_sorted;
};

struct rk_typedef {
	struct rk_name name;
	struct rk_typeref *type;
	uint32_t end_line;
	int visiting;                /* checker: cycle detection */
};

struct rk_header {
	struct rk_name name;
	char *title;
	struct rk_loc title_loc;
	bool has_released;
	struct rk_date released;
	struct rk_loc released_loc;
	struct rk_name previous;     /* text NULL when absent */
	uint32_t end_line;
};

enum rk_decl_kind { RK_DECL_HEADER, RK_DECL_CODES, RK_DECL_TYPE, RK_DECL_RECORD };

/* One top-level declaration, in file order, for printing files back. */
struct rk_decl {
	enum rk_decl_kind kind;
	union {
		struct rk_header *header;
		struct rk_codes *codes;
		struct rk_typedef *type;
		struct rk_record *record;
	} u;
};

struct rk_comment {
	uint32_t line, col;
	char *text;                  /* from '#' to the end of the line */
};

/* One source file of a revision and what it declares, in order. */
struct rk_file {
	struct rk_source *src;
	struct rk_decl *decls;
	size_t n_decls, cap_decls;
	struct rk_comment *comments;
	size_t n_comments, cap_comments;
	bool parsed;                 /* false when its syntax had errors */
};

struct rk_revision {
	struct rk_file **files;      /* in name order */
	size_t n_files;
	/* Every declaration of every file, in file order then source order. */
	struct rk_header **headers;
	size_t n_headers, cap_headers;
	struct rk_codes **codes;
	size_t n_codes, cap_codes;
	struct rk_typedef **types;
	size_t n_types, cap_types;
	struct rk_record **records;
	size_t n_records, cap_records;

	/* checked: the one header, when there is exactly one */
	struct rk_header *header;

	/* Where the parts live (see the top of this file). */
	struct rk_arena arena;
};

struct rk_revision *rk_revision_new(void);
void rk_revision_free(struct rk_revision *rev);

/* Adds a file (taking ownership of SRC) and returns it. */
struct rk_file *rk_revision_add_file(struct rk_revision *rev,
				     struct rk_source *src);

/* Declarations: each appends to both FILE's order and the revision's. */
void rk_file_add_header(struct rk_revision *rev, struct rk_file *file,
			struct rk_header *h);
void rk_file_add_codes(struct rk_revision *rev, struct rk_file *file,
		       struct rk_codes *c);
void rk_file_add_type(struct rk_revision *rev, struct rk_file *file,
		      struct rk_typedef *t);
void rk_file_add_record(struct rk_revision *rev, struct rk_file *file,
			struct rk_record *r);

/* Frees the arrays a code table holds outside the arena (NULL is fine). */
void rk_codes_release(struct rk_codes *c);

/* Look-ups by name (NULL when absent; the first declaration wins). */
struct rk_record *rk_revision_find_record(const struct rk_revision *rev,
					  const char *name);
struct rk_codes *rk_revision_find_codes(const struct rk_revision *rev,
					const char *name);
struct rk_typedef *rk_revision_find_type(const struct rk_revision *rev,
					 const char *name);
const struct rk_code_value *rk_codes_find_value(const struct rk_codes *c,
						const char *value);

/* The name of the revision (from its header), or NULL. */
const char *rk_revision_name(const struct rk_revision *rev);

/* Visits every node of a record depth first, parents before children. */
typedef void rk_node_visit_fn(struct rk_node *node, void *data);
void rk_record_walk(struct rk_record *r, rk_node_visit_fn *fn, void *data);

/* Writes the node's path from its record, "history/care_level", into B. */
struct rk_buf;
void rk_node_path(const struct rk_node *node, struct rk_buf *b);

#endif /* RK_MODEL_H */
