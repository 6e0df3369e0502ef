/*
 * parse_internal.h: what the Bison parser and the Flex scanner share with
 * the builder functions in parse.c.  Grammar actions only call these
 * builders; what they check is limited to what one statement can tell
 * (an attribute written twice); every other rule is the checker's.
 */
#ifndef RK_PARSE_INTERNAL_H
#define RK_PARSE_INTERNAL_H

#include "diag.h"
#include "model.h"

/* The location type shared by the grammar and the scanner. */
typedef struct rk_span {
	int first_line, first_column;
	int last_line, last_column;
} rk_span;

/* The body of a record or a group while it is being parsed. */
struct rk_body {
	struct rk_node **nodes;
	size_t n, cap;
	char *id, *dataset, *basis;
	struct rk_loc id_loc, dataset_loc, basis_loc;
};

/* The parsing context: one per file. */
struct rk_parser {
	struct rk_revision *rev;
	struct rk_arena *arena;     /* the revision's */
	struct rk_file *file;
	struct rk_diags *diags;
	void *scanner;              /* the Flex scanner */
	int group_depth;            /* groups open around the current point */
	int errors;                 /* syntax and lexical errors so far */
	uint32_t line, col;         /* the scanner's position */
	/*
	 * A lexical error that leaves the parser wrong-footed (a string not
	 * closed, a stray character, a name not ASCII), or a syntax error,
	 * silences stray characters and syntax errors up to the end of its
	 * statement: what follows is its consequence.
	 */
	bool quiet;
	bool ended;                 /* the last token was ';', '{' or '}' */
	rk_span last, prev;         /* the last token, and the one before */
	rk_span *braces;            /* every '{' not yet closed, innermost last */
	size_t n_braces, cap_braces;
	struct rk_attrs *spare_attrs;   /* for rk_build_attrs to reuse */
};

struct rk_loc rk_loc_of(const struct rk_parser *p, const rk_span *s);

/* A list of attributes is malloc'd while it grows; the builder that
 * takes it keeps it for the next. */
struct rk_attrs *rk_build_attrs(struct rk_parser *p);
void rk_attrs_free(struct rk_attrs *a);
void rk_build_required(struct rk_parser *p, struct rk_attrs *a,
		       const rk_span *at);
void rk_build_occurs(struct rk_parser *p, struct rk_attrs *a, uint64_t min,
		     uint64_t max, const rk_span *at);
void rk_build_note(struct rk_parser *p, struct rk_attrs *a, char *note,
		   const rk_span *at);
void rk_build_formerly(struct rk_parser *p, struct rk_attrs *a,
		       struct rk_name name, const rk_span *at);
void rk_build_deprecated(struct rk_parser *p, struct rk_attrs *a,
			 const rk_span *at);
void rk_build_id(struct rk_parser *p, struct rk_attrs *a, char *id,
		 const rk_span *at);
void rk_build_version(struct rk_parser *p, struct rk_attrs *a, uint64_t v,
		      const rk_span *at);

struct rk_header *rk_build_header(struct rk_parser *p);
void rk_build_title(struct rk_parser *p, struct rk_header *h, char *title,
		    const rk_span *at);
void rk_build_released(struct rk_parser *p, struct rk_header *h,
		       struct rk_date date, const rk_span *at);
void rk_build_previous(struct rk_parser *p, struct rk_header *h,
		       struct rk_name name, const rk_span *at);

struct rk_typeref *rk_build_type(struct rk_parser *p, const rk_span *at);
struct rk_typedef *rk_build_typedef(struct rk_parser *p, struct rk_name name,
				    struct rk_typeref *type, const rk_span *end);
struct rk_codes *rk_build_codes(struct rk_parser *p);
void rk_build_code_value(struct rk_parser *p, struct rk_codes *c,
			 char *value, const rk_span *at, struct rk_name symbol,
			 char *label, const rk_span *label_at,
			 struct rk_attrs *attrs, const rk_span *end);
/* Gives the table C, whose values are parsed, its name and the rest. */
void rk_build_codes_end(struct rk_parser *p, struct rk_codes *c,
			struct rk_name name, char *label,
			const rk_span *label_at, struct rk_attrs *attrs,
			const rk_span *end);

/* A body is malloc'd while it grows, and freed when its block ends. */
struct rk_body *rk_build_body(void);
void rk_body_free(struct rk_body *b);
void rk_build_member(struct rk_body *b, struct rk_node *n);
void rk_build_meta(struct rk_parser *p, struct rk_body *b, int which,
		   char *value, const rk_span *at);
struct rk_node *rk_build_item(struct rk_parser *p, struct rk_name name,
			      char *label, const rk_span *label_at,
			      struct rk_typeref *type, struct rk_attrs *attrs,
			      const rk_span *end);
struct rk_node *rk_build_group(struct rk_parser *p, struct rk_name name,
			       char *label, const rk_span *label_at,
			       struct rk_attrs *attrs);
/* Moves BODY's members into GROUP (and frees BODY). */
void rk_build_group_end(struct rk_parser *p, struct rk_node *group,
			struct rk_body *body, const rk_span *end);
struct rk_record *rk_build_record(struct rk_parser *p, struct rk_name name,
				  char *label, const rk_span *label_at,
				  struct rk_attrs *attrs,
				  struct rk_body *body, const rk_span *end);

/* Meta statements of a record body, for rk_build_meta. */
enum { RK_META_ID, RK_META_DATASET, RK_META_BASIS };

/*
 * Scanner entry points (lexer.l).  The scanner reads the SIZE bytes of
 * TEXT in place: two NULs must follow them.  It writes in the text while it
 * scans, and rk_scanner_release leaves it as it was.
 */
int rk_scanner_init(struct rk_parser *p, char *text, size_t size);
void rk_scanner_release(struct rk_parser *p);
void rk_comment_add(struct rk_parser *p, uint32_t line, uint32_t col,
		    const char *text, size_t len);

#endif /* RK_PARSE_INTERNAL_H */
