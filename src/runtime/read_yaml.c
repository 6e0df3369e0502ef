/*
 * read_yaml.c: the libyaml reader, for YAML and JSON payloads.
 *
 * libyaml's event parser reads the payload in pieces; the events drive a
 * small machine over the payload's shape:
 *
 *   { revision: R06, records: [ { RECORD: { ITEM: "v", GROUP: {...},
 *                                           REPEATED: [ ... ] } } ] }
 *
 * whose record, group and item events go on to the shared state machine.
 * Mappings are unordered, so layout order is not checked; a key given twice
 * is an error.  Scalars are taken as their literal text; a plain empty,
 * "~" or "null" scalar means absent.  Anchors and aliases are refused (they
 * are YAML's entity expansion), and unknown subtrees are skipped by
 * counting, so nesting costs no memory.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "reader_internal.h"

#define PROGRESS_EVERY (4u << 20)

enum ctx_kind {
	C_TOP,        /* the top mapping: revision, records */
	C_RECORDS,    /* the records sequence */
	C_WRAP,       /* { RECORD: {...} }, one key */
	C_MAP,        /* a record's or group's mapping */
	C_SEQ         /* a repeated item or group */
};

struct ctx {
	enum ctx_kind kind;
	const char *key;             /* C_MAP, C_TOP, C_WRAP: the key read, awaiting
					its value (in the reader's keys[] of its depth) */
	char *seq_name;              /* C_SEQ: the child repeated */
	int keys;                    /* C_WRAP: keys seen */
	bool duplicate;              /* C_MAP: the key read was given before */
	struct rt_pos at;              /* C_MAP: where the mapping starts */
};

struct yaml_reader {
	struct rt_walk *w;
	yaml_parser_t parser;
	FILE *in;
	const char *head;
	size_t head_len, head_pos;
	uint64_t next_report;
	struct ctx stack[RT_MAX_DEPTH * 2 + 8];
	struct rt_buf keys[RT_MAX_DEPTH * 2 + 8];  /* the pending key of each depth */
	int depth;
	long skip;                   /* depth inside a skipped collection */
	bool seen_revision, seen_records;
	char *revision;
};

static int read_input(void *data, unsigned char *buf, size_t size,
		      size_t *read)
{
	struct yaml_reader *y = data;

	if (y->head_pos < y->head_len) {
		size_t n = y->head_len - y->head_pos;
		if (n > size)
			n = size;
		memcpy(buf, y->head + y->head_pos, n);
		y->head_pos += n;
		*read = n;
	} else {
		*read = fread(buf, 1, size, y->in);
		if (ferror(y->in))
			return 0;
		y->w->bytes += *read;
	}
	if (y->w->opts->progress && y->w->bytes >= y->next_report) {
		y->w->opts->progress(y->w->bytes, y->w->opts->progress_data);
		y->next_report = y->w->bytes + PROGRESS_EVERY;
	}
	return 1;
}

static struct rt_pos at_mark(const yaml_mark_t *m)
{
	struct rt_pos at = { (uint32_t)m->line + 1, (uint32_t)m->column + 1 };
	return at;
}

static struct ctx *top(struct yaml_reader *y)
{
	return &y->stack[y->depth - 1];
}

static void push(struct yaml_reader *y, enum ctx_kind kind)
{
	struct ctx *c = &y->stack[y->depth++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
}

static void pop(struct yaml_reader *y)
{
	struct ctx *c = top(y);
	free(c->seq_name);
	y->depth--;
}

static bool is_null(const yaml_event_t *e)
{
	const char *v = (const char *)e->data.scalar.value;
	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return !v[0] || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

static const char *event_name(yaml_event_type_t t)
{
	return t == YAML_SCALAR_EVENT ? "a scalar" :
	       t == YAML_SEQUENCE_START_EVENT ? "a sequence" :
	       t == YAML_MAPPING_START_EVENT ? "a mapping" : "an alias";
}

/* Starts skipping the collection E opens (nothing to do for a scalar). */
static void skip_value(struct yaml_reader *y, const yaml_event_t *e)
{
	if (e->type == YAML_SEQUENCE_START_EVENT ||
	    e->type == YAML_MAPPING_START_EVENT)
		y->skip = 1;
}

static void shape_error(struct yaml_reader *y, const yaml_event_t *e,
			const char *name, const char *want)
{
	rt_walk_error(y->w, at_mark(&e->start_mark), "structure.shape",
		      "'%s' takes %s, found %s", name, want, event_name(e->type));
	skip_value(y, e);
}

/* One value of child NAME of the current record or group. */
static void child_value(struct yaml_reader *y, const char *name,
			const yaml_event_t *e, bool in_seq)
{
	struct rt_pos at = at_mark(&e->start_mark);

	if (e->type == YAML_SCALAR_EVENT && is_null(e))
		return;
	if (e->type == YAML_SEQUENCE_START_EVENT && !in_seq &&
	    rt_walk_count(y->w, name) >= 0) {
		push(y, C_SEQ);
		top(y)->seq_name = rt_strdup(name);
		return;
	}
	rt_walk_start(y->w, name, at);
	if (rt_walk_skipping(y->w)) {
		/* An unknown name, reported by the state machine. */
		rt_walk_end(y->w, at);
		skip_value(y, e);
		return;
	}
	bool item = rt_walk_in_item(y->w);
	if (item && e->type == YAML_SCALAR_EVENT) {
		rt_walk_text(y->w, (const char *)e->data.scalar.value,
			    e->data.scalar.length, at);
		rt_walk_end(y->w, at);
	} else if (!item && e->type == YAML_MAPPING_START_EVENT) {
		push(y, C_MAP);
		top(y)->at = at;
	} else {
		rt_walk_drop(y->w);
		shape_error(y, e, name, item ? "a scalar" : "a mapping");
	}
}

static void map_key(struct yaml_reader *y, const yaml_event_t *e)
{
	struct ctx *c = top(y);
	const char *key = (const char *)e->data.scalar.value;

	if (c->kind == C_MAP) {
		/* The second value of a key is reported and skipped. */
		c->duplicate = rt_walk_count(y->w, key) > 0;
		if (c->duplicate)
			rt_walk_error(y->w, at_mark(&e->start_mark),
				      "structure.duplicate-key",
				     "key '%s' given twice", key);
	}
	/* Kept in a buffer of this depth, reused from key to key: no
	 * allocation per key. */
	struct rt_buf *kept = &y->keys[y->depth - 1];
	kept->len = 0;
	rt_buf_add(kept, key, strlen(key));
	c->key = kept->s;
}

static void top_value(struct yaml_reader *y, const char *key,
		      const yaml_event_t *e)
{
	struct rt_pos at = at_mark(&e->start_mark);

	if (strcmp(key, "revision") == 0 && e->type == YAML_SCALAR_EVENT) {
		y->seen_revision = true;
		free(y->revision);
		y->revision = rt_strdup((const char *)e->data.scalar.value);
	} else if (strcmp(key, "records") == 0 &&
		   e->type == YAML_SEQUENCE_START_EVENT) {
		y->seen_records = true;
		push(y, C_RECORDS);
		const struct rk_layout *s = y->w->opts->layout;
		if (!s && y->revision && y->w->opts->lookup)
			s = y->w->opts->lookup(y->revision, y->w->opts->lookup_data);
		if (!s && y->revision)
			rt_walk_plain_error(y->w, at, "structure.revision",
				       "no layout for revision '%s'", y->revision);
		else if (!s)
			rt_walk_plain_error(y->w, at, "structure.revision",
				       "the payload names no revision before its records");
		else if (y->revision &&
			 strcmp(y->revision, s->revision) != 0)
			rt_walk_plain_error(y->w, at, "structure.revision",
				       "the payload is for revision '%s', not %s",
				       y->revision, s->revision);
		if (s != y->w->layout)
			rt_walk_set_layout(y->w, s);
	} else {
		rt_walk_plain_error(y->w, at, "structure.unknown",
			       "'%s' is not a top-level key (revision, records)",
			       key);
		skip_value(y, e);
	}
}

/* A value in the current context (not a collection's end). */
static void value(struct yaml_reader *y, const yaml_event_t *e)
{
	struct ctx *c = top(y);
	struct rt_pos at = at_mark(&e->start_mark);
	const char *key = c->key;

	switch (c->kind) {
	case C_TOP:
		c->key = NULL;
		top_value(y, key, e);
		return;
	case C_RECORDS:
		if (e->type != YAML_MAPPING_START_EVENT) {
			rt_walk_plain_error(y->w, at, "structure.shape",
				       "a record is a mapping of one key, found %s",
				       event_name(e->type));
			skip_value(y, e);
			return;
		}
		push(y, C_WRAP);
		return;
	case C_WRAP:
		c->key = NULL;
		if (++c->keys > 1)
			rt_walk_plain_error(y->w, at, "structure.shape",
				       "a record is a mapping of one key; '%s' is a second",
				       key);
		rt_walk_record_start(y->w, key, at);
		if (rt_walk_skipping(y->w)) {
			rt_walk_end(y->w, at);
			skip_value(y, e);
		} else if (e->type != YAML_MAPPING_START_EVENT) {
			rt_walk_drop(y->w);
			shape_error(y, e, key, "a mapping");
		} else {
			push(y, C_MAP);
			top(y)->at = at;
		}
		return;
	case C_MAP:
		c->key = NULL;
		if (c->duplicate)
			skip_value(y, e);
		else
			child_value(y, key, e, false);
		return;
	case C_SEQ:
		child_value(y, c->seq_name, e, true);
		return;
	}
}

static void end_collection(struct yaml_reader *y, const yaml_event_t *e)
{
	struct ctx *c = top(y);

	/* What is missing from a mapping is reported where it starts. */
	(void)e;
	if (c->kind == C_MAP)
		rt_walk_end(y->w, c->at);
	pop(y);
}

static void on_event(struct yaml_reader *y, const yaml_event_t *e)
{
	bool start = e->type == YAML_SEQUENCE_START_EVENT ||
		     e->type == YAML_MAPPING_START_EVENT;
	bool end = e->type == YAML_SEQUENCE_END_EVENT ||
		   e->type == YAML_MAPPING_END_EVENT;

	if (y->skip) {
		y->skip += start - end;
		return;
	}
	if (e->type == YAML_ALIAS_EVENT) {
		rt_walk_plain_error(y->w, at_mark(&e->start_mark), "yaml.alias",
			       "aliases are not allowed in payloads");
		/* It stood for the value of the pending key, if any: that
		 * key is done with, or the next key would be read as its
		 * value. */
		if (y->depth)
			top(y)->key = NULL;
		return;
	}
	if (end) {
		if (y->depth)
			end_collection(y, e);
		return;
	}
	if (!start && e->type != YAML_SCALAR_EVENT)
		return;
	if (y->depth == 0) {
		if (e->type == YAML_MAPPING_START_EVENT)
			push(y, C_TOP);
		else
			rt_walk_plain_error(y->w, at_mark(&e->start_mark),
				       "structure.shape",
				       "a payload is a mapping with revision and records, found %s",
				       event_name(e->type));
		skip_value(y, e);
		if (e->type == YAML_MAPPING_START_EVENT)
			y->skip = 0;
		return;
	}
	struct ctx *c = top(y);
	bool wants_key = (c->kind == C_TOP || c->kind == C_MAP ||
			  c->kind == C_WRAP) && !c->key;
	if (wants_key) {
		if (e->type == YAML_SCALAR_EVENT) {
			map_key(y, e);
		} else {
			rt_walk_plain_error(y->w, at_mark(&e->start_mark),
				       "structure.shape", "keys must be scalars");
			skip_value(y, e);
		}
		return;
	}
	value(y, e);
}

static void syntax_error(struct yaml_reader *y)
{
	struct rt_pos at = at_mark(&y->parser.problem_mark);
	struct rt_buf msg = { NULL, 0, 0 };
	const char *p = y->parser.problem ? y->parser.problem : "unknown error";

	if (y->parser.error == YAML_READER_ERROR && ferror(y->in)) {
		rt_walk_plain_error(y->w, at, "payload.read", "cannot read the payload");
		y->w->failed = true;
		return;
	}
	rt_buf_adds(&msg, "malformed YAML: ");
	rt_buf_add_printable(&msg, p, strlen(p), 200);
	if (y->parser.context) {
		rt_buf_adds(&msg, " ");
		rt_buf_add_printable(&msg, y->parser.context,
				     strlen(y->parser.context), 200);
	}
	rt_walk_plain_error(y->w, at, "yaml.syntax", "%s", rt_buf_str(&msg));
	rt_buf_release(&msg);
}

int rt_read_yaml(struct rt_walk *w, FILE *in, const char *head, size_t head_len)
{
	struct yaml_reader y;
	yaml_event_t e;
	bool done = false;
	size_t before = w->errs->count;

	memset(&y, 0, sizeof(y));
	y.w = w;
	y.in = in;
	y.head = head;
	y.head_len = head_len;
	y.next_report = PROGRESS_EVERY;
	yaml_parser_initialize(&y.parser);
	yaml_parser_set_input(&y.parser, read_input, &y);
	while (!done && !w->stop) {
		if (!yaml_parser_parse(&y.parser, &e)) {
			syntax_error(&y);
			break;
		}
		done = e.type == YAML_STREAM_END_EVENT;
		on_event(&y, &e);
		yaml_event_delete(&e);
	}
	if (done && !y.seen_records && w->errs->count == before) {
		struct rt_pos none = { 1, 1 };
		rt_walk_plain_error(w, none, "structure.shape",
				    "a payload is a mapping with revision and records");
	}
	while (y.depth)
		pop(&y);
	for (size_t i = 0; i < sizeof(y.keys) / sizeof(y.keys[0]); i++)
		rt_buf_release(&y.keys[i]);
	free(y.revision);
	yaml_parser_delete(&y.parser);
	return w->failed ? -1 : 0;
}
