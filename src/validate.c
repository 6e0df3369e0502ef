/*
 * validate.c: the schema built from a revision (the runtime's layout tables)
 * and validation through the runtime's reader, with every value and minimum
 * checked and the errors kept in file order.
 */
#include "validate.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- the schema ------------------------------------------------------- */

/*
 * The schema is the revision's struct rk_layout (the runtime's tables),
 * built here from the model instead of generated: the nodes point at the
 * model's names, labels and resolved types.
 */
struct rk_schema {
	const struct rk_revision *rev;
	struct rk_layout layout;
	struct rk_layout_node *records;
};

struct named {
	const char *name;
	uint32_t index;
};

static int by_name(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	return strcmp(a->name, b->name);
}

/* The indexes of NODES sorted by name, for the runtime's look-ups. */
static uint32_t *name_index(const struct rk_layout_node *nodes, size_t n)
{
	struct named *v = rk_xcalloc(n + 1, sizeof(*v));
	uint32_t *index = rk_xcalloc(n + 1, sizeof(*index));

	for (size_t i = 0; i < n; i++) {
		v[i].name = nodes[i].name;
		v[i].index = (uint32_t)i;
	}
	qsort(v, n, sizeof(*v), by_name);
	for (size_t i = 0; i < n; i++)
		index[i] = v[i].index;
	free(v);
	return index;
}

static size_t text_cap(const struct rk_value_type *t)
{
	return t->max_len ? (size_t)t->max_len * 4 + 8 : 4096;
}

static void compile_nodes(struct rk_schema *s, struct rk_layout_node *parent,
			  struct rk_node **nodes, size_t n)
{
	struct rk_layout_node *children = rk_xcalloc(n + 1, sizeof(*children));

	parent->slot = s->layout.n_slots;
	s->layout.n_slots += n;
	for (size_t i = 0; i < n; i++) {
		struct rk_layout_node *v = &children[i];
		const struct rk_node *m = nodes[i];
		v->name = m->name.text;
		v->label = m->label;
		v->min = m->min;
		v->max = m->max == RK_UNBOUNDED ? RK_MANY : m->max;
		if (m->kind == RK_GROUP) {
			compile_nodes(s, v, m->children, m->n_children);
		} else {
			v->type = &m->type->value;
			if (text_cap(v->type) > s->layout.text_max)
				s->layout.text_max = text_cap(v->type);
		}
	}
	parent->children = children;
	parent->n_children = n;
	parent->by_name = name_index(children, n);
}
struct rk_schema *rk_schema_new(const struct rk_revision *rev)
{
	struct rk_schema *s = rk_xcalloc(1, sizeof(*s));
	size_t n = rev->n_records;

	s->rev = rev;
	s->records = rk_xcalloc(n + 1, sizeof(*s->records));
	for (size_t i = 0; i < n; i++) {
		const struct rk_record *r = rev->records[i];
		struct rk_layout_node *v = &s->records[i];
		v->name = r->name.text;
		v->label = r->label;
		v->min = 0;
		v->max = RK_MANY;
		compile_nodes(s, v, r->children, r->n_children);
	}
	s->layout.revision = rk_revision_name(rev);
	s->layout.records = s->records;
	s->layout.n_records = n;
	s->layout.by_name = name_index(s->records, n);
	return s;
}

static void free_nodes(const struct rk_layout_node *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free_nodes(v[i].children, v[i].n_children);
		free((void *)v[i].children);
		free((void *)v[i].by_name);
	}
}

void rk_schema_free(struct rk_schema *s)
{
	if (!s)
		return;
	free_nodes(s->records, s->layout.n_records);
	free(s->records);
	free((void *)s->layout.by_name);
	free(s);
}

const char *rk_schema_revision(const struct rk_schema *s)
{
	return s->layout.revision;
}

const struct rk_layout *rk_schema_layout(const struct rk_schema *s)
{
	return &s->layout;
}

/* ---- results ---------------------------------------------------------- */

void rk_vresult_init(struct rk_vresult *r, const char *name,
		     size_t max_errors)
{
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->max_errors = max_errors;
}

void rk_vresult_release(struct rk_vresult *r)
{
	for (size_t i = 0; i < r->n_errors; i++) {
		free(r->errors[i].path);
		free(r->errors[i].message);
	}
	free(r->errors);
	free(r->revision);
	r->errors = NULL;
	r->n_errors = r->cap_errors = 0;
	r->revision = NULL;
}

/* The runtime's report function: keeps a copy of the error. */
static void collect(void *data, const struct rk_payload_error *pe)
{
	struct rk_vresult *r = data;

	RK_GROW(r->errors, r->n_errors, r->cap_errors);
	struct rk_verror *e = &r->errors[r->n_errors++];
	e->line = pe->line;
	e->col = pe->col;
	e->record = pe->record;
	e->path = rk_xstrdup(pe->path);
	e->label = pe->label;
	e->rule = pe->rule;
	e->message = rk_xstrdup(pe->message);
}

/* ---- validating ------------------------------------------------------- */

/* Errors in the order of the file: by line, column, then detection. */
struct numbered {
	struct rk_verror e;
	size_t seq;
};

static int compare_errors(const void *pa, const void *pb)
{
	const struct numbered *a = pa, *b = pb;

	if (a->e.line != b->e.line)
		return a->e.line < b->e.line ? -1 : 1;
	if (a->e.col != b->e.col)
		return a->e.col < b->e.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_errors(struct rk_vresult *r)
{
	struct numbered *v = rk_xcalloc(r->n_errors + 1, sizeof(*v));

	for (size_t i = 0; i < r->n_errors; i++) {
		v[i].e = r->errors[i];
		v[i].seq = i;
	}
	qsort(v, r->n_errors, sizeof(*v), compare_errors);
	for (size_t i = 0; i < r->n_errors; i++)
		r->errors[i] = v[i].e;
	free(v);
}

/* The runtime asks for the layout of a revision a payload names. */
static const struct rk_layout *lookup_layout(const char *revision, void *data)
{
	const struct rk_vopts *opts = data;
	const struct rk_schema *s = opts->lookup(revision, opts->lookup_data);
	return s ? rk_schema_layout(s) : NULL;
}

int rk_validate_stream(FILE *in, const struct rk_vopts *opts,
		       struct rk_vresult *r)
{
	struct rk_read_options o;
	struct rk_errors errs;
	struct rk_read_stats stats;
	int status;

	memset(&o, 0, sizeof(o));
	o.format = opts->format == RK_PAYLOAD_XML ? RK_FORMAT_XML :
		   opts->format == RK_PAYLOAD_YAML ? RK_FORMAT_YAML :
		   RK_FORMAT_AUTO;
	o.name = r->name;
	o.layout = opts->schema ? rk_schema_layout(opts->schema) : NULL;
	if (opts->lookup) {
		o.lookup = lookup_layout;
		o.lookup_data = (void *)opts;
	}
	o.check_values = true;
	o.progress = opts->progress;
	o.progress_data = opts->progress_data;
	memset(&errs, 0, sizeof(errs));
	errs.report = collect;
	errs.data = r;
	errs.limit = r->max_errors;
	status = rk_read(in, &o, &errs, &stats);
	r->format = stats.format == RK_FORMAT_XML ? RK_PAYLOAD_XML : RK_PAYLOAD_YAML;
	r->records = stats.records;
	r->bytes = stats.bytes;
	r->total_errors = errs.count;
	if (stats.revision && !r->revision)
		r->revision = rk_xstrdup(stats.revision);
	if (status < 0)
		r->failed = true;
	sort_errors(r);
	if (status < 0)
		return -1;
	return rk_vresult_valid(r) ? 0 : 1;
}
