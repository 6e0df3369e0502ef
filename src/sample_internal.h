/*
 * sample_internal.h: the parts of `renkei sample`: a PRNG, values made and
 * broken per item type, the payload tree of one record, and the writers
 * that stream such trees as XML, YAML or JSON.
 *
 * A record is first built as a small tree (struct inst) in an arena that
 * is emptied for the next record; the writers walk the tree.  Invalid
 * payloads are the same trees with one thing changed before writing.
 */
#ifndef RK_SAMPLE_INTERNAL_H
#define RK_SAMPLE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <renkei/value.h>

#include "model.h"
#include "sample.h"
#include "util.h"

/* ---- the PRNG: splitmix64, the same sequence on every machine --------- */

struct sprng {
	uint64_t state;
};

void sprng_seed(struct sprng *r, uint64_t seed);
uint64_t sprng_next(struct sprng *r);
/* A number in 0..n-1 (0 when n is 0). */
uint64_t sprng_below(struct sprng *r, uint64_t n);

/* ---- values ----------------------------------------------------------- */

/*
 * Appends to B a valid value of T.  TURN, how many values this item has had
 * before, picks the boundary to hit (longest, shortest, a leap day, the
 * next code value...), the PRNG the rest.
 */
void sample_value(struct sprng *r, const struct rk_value_type *t,
		  uint64_t turn, struct rk_buf *b);

/* The ways a value can be broken, each failing exactly one value rule. */
enum sbreak {
	SB_CONTROL,        /* a control character in place of one character */
	SB_TOO_LONG,       /* one character more than the maximum */
	SB_TOO_SHORT,      /* one character less than the minimum (min > 1) */
	SB_CHARSET,        /* a character outside the kind's set */
	SB_CHARSET2,       /* another one */
	SB_FORMAT,         /* not the shape of a number or a date */
	SB_DATE,           /* a day or month that does not exist */
	SB_DATE2,
	SB_ERA_CODE,       /* wareki: an era code no era has */
	SB_ERA_YEAR0,      /* wareki: year 00 */
	SB_ERA_BEFORE,     /* wareki: a day before its era began */
	SB_ERA_AFTER,      /* wareki: a day after its era ended */
	SB_FLAG,           /* neither 0 nor 1 */
	SB_CODE,           /* not one of the table's values */
	SB_CODE_SPACE,     /* a value of the table with a trailing space */
	SB_CHECK_DIGIT,    /* the wrong check digit */
	SB_PRECISION,      /* one integer digit too many */
	SB_SCALE,          /* one decimal too many (any point for number(p)) */
	SB_SIGN,           /* a minus on an unsigned number */
	SB_COUNT
};

/* The rule a break makes a value fail. */
enum rk_rule sample_break_rule(enum sbreak k);
/* A short name for file names: "too-long", "era-before". */
const char *sample_break_name(enum sbreak k);

/*
 * Appends to B a value of T broken the way K says, or returns -1 when K
 * does not apply to T.  XML: the value must survive XML (no C0 control
 * but tab, line feed and carriage return).  The caller checks the result
 * with rk_value_check.
 */
int sample_break(struct sprng *r, const struct rk_value_type *t,
		 enum sbreak k, bool xml, struct rk_buf *b);

/* ---- the arena: memory for one record, emptied for the next ----------- */

struct arena_chunk;

struct arena {
	struct arena_chunk *first, *cur;
	char *p;
	size_t left;
};

void arena_init(struct arena *a);
void arena_release(struct arena *a);
/* Forgets everything allocated, keeping the memory for reuse. */
void arena_reset(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* ---- the payload tree ------------------------------------------------- */

enum inst_flag {
	I_RAW = 1,          /* the value is written byte for byte, unescaped */
	I_SPLIT = 2,        /* YAML/JSON: a key of its own, even after a
			     * sibling of the same name (a duplicate key) */
	I_AS_MAP = 4,       /* YAML/JSON: an item written as a mapping */
	I_AS_SCALAR = 8,    /* YAML/JSON: a group written as a scalar */
	I_TEXT = 16,        /* XML: text directly inside the parent */
	I_ANCHOR = 32,      /* YAML: the value carries an anchor &a */
	I_ALIAS = 64,       /* YAML: the value is the alias *a */
	I_SEQ = 128         /* YAML/JSON: a sequence even for one occurrence
			     * of a node whose maximum is 1 */
};

/*
 * One element of a payload: a record, a group, an item, or something the
 * layout does not have (NODE NULL).  Siblings of the same node follow one
 * another; OCC counts them from 1.
 */
struct inst {
	const struct rk_node *node;
	const char *name;
	size_t name_len;
	const char *value;           /* items, I_TEXT, I_AS_SCALAR */
	size_t len;
	const char *attr;            /* XML: an attribute attr="1" */
	struct inst *child, *last;   /* records and groups */
	struct inst *next;
	uint64_t occ;
	unsigned flags;
	/* Filled by the writer: the line the element starts on, the line its
	 * mapping starts on (YAML, JSON: where a missing child is reported),
	 * and the line of its end tag (XML: likewise). */
	uint32_t line, map_line, end_line;
};

/* Appends CHILD to PARENT's children. */
void inst_append(struct inst *parent, struct inst *child);
/* Inserts CHILD after AFTER among PARENT's children (first when NULL). */
void inst_insert(struct inst *parent, struct inst *after, struct inst *child);
/* Takes CHILD out of PARENT's children. */
void inst_remove(struct inst *parent, struct inst *child);
/* Whether the element holds a value (an empty group counts as absent). */
bool inst_has_content(const struct inst *in);

/* ---- the writers ------------------------------------------------------ */

/* A buffered FILE: fwrite in large blocks, the first error kept. */
struct sout {
	FILE *f;
	char *buf;
	size_t n, cap;
	int error;                   /* errno of the first failed write */
	uint32_t line;               /* the line being written, from 1 */
};

void sout_init(struct sout *o, FILE *f);
/* Flushes and frees the buffer; returns 0 or -1 (errno set). */
int sout_finish(struct sout *o);

/* What a document says besides its records (invalid payloads change it). */
struct sdoc {
	const char *revision;        /* NULL: none */
	const char *root_attr;       /* XML: another attribute on the root */
	bool doctype;                /* XML: a DOCTYPE */
	const char *root_text;       /* XML: text directly inside <records> */
	const char *top_key;         /* YAML/JSON: another top-level key */
	uint32_t revision_line;      /* filled: where revision is checked */
	uint32_t records_line;       /* filled: where the records start */
	uint32_t extra_line;         /* filled: the line of the top-level
				      * key, DOCTYPE or root text */
};

struct swriter {
	enum rk_sample_format format;
	struct sout *out;
	struct sdoc *doc;
	uint64_t records;
};

void swriter_begin(struct swriter *w, enum rk_sample_format format,
		   struct sout *out, struct sdoc *doc);
void swriter_record(struct swriter *w, struct inst *record);
void swriter_end(struct swriter *w);

/* ---- building records ------------------------------------------------- */

/* A node of the layout with the counters that vary its samples. */
struct snode {
	const struct rk_node *node;  /* NULL for a record */
	struct snode *children;
	size_t n_children;
	uint64_t turns;              /* occurrence counts chosen so far */
	uint64_t values;             /* values made so far */
};

struct sgen {
	const struct rk_revision *rev;
	struct sprng rng;
	struct arena arena;
	struct snode *records;       /* one per record of the revision */
	size_t n_records;
	struct rk_buf scratch;
	/* Full records: every node present, repeated ones twice (or their
	 * minimum), for invalid payloads to break one thing in. */
	bool full;
};

void sgen_init(struct sgen *g, const struct rk_revision *rev, uint64_t seed);
void sgen_release(struct sgen *g);
/* Builds a record (index I of the revision) in the arena. */
struct inst *sgen_record(struct sgen *g, size_t i);
/* Builds one more occurrence of NODE (an item's value, a group's
 * content) in the arena; OCC is its occurrence number. */
struct inst *sgen_node(struct sgen *g, const struct rk_node *node,
		       uint64_t occ);
/* The index of record R in the revision. */
size_t sgen_record_index(const struct sgen *g, const struct rk_record *r);

#endif /* RK_SAMPLE_INTERNAL_H */
