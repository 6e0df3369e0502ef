/*
 * parse.c: running the parser over one file, and the builder functions its
 * grammar actions call.  A builder reports only what a single statement
 * shows to be wrong (an attribute written twice); the checker does the rest.
 * What they build goes into the revision's arena, strings included: a
 * value that error recovery or a duplicate throws away is left there.
 */
#include "parse.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse_internal.h"
#include "parser.h"
#include "util.h"

/* Layout files are small; a larger one is almost surely not a layout. */
#define MAX_SOURCE_SIZE (256u * 1024 * 1024)

struct rk_loc rk_loc_of(const struct rk_parser *p, const rk_span *s)
{
	struct rk_loc loc = { p->file->src, (uint32_t)s->first_line,
			      (uint32_t)s->first_column };
	return loc;
}

static void duplicate(struct rk_parser *p, const rk_span *at,
		      const char *what, struct rk_loc first)
{
	rk_diag_error(p->diags, rk_loc_of(p, at), "%s given twice", what);
	rk_diag_note(p->diags, first, "first given here");
	p->errors++;
}

/* Every item has a list of attributes: one is kept for the next. */
struct rk_attrs *rk_build_attrs(struct rk_parser *p)
{
	struct rk_attrs *a = p->spare_attrs;

	if (!a)
		return rk_xcalloc(1, sizeof(struct rk_attrs));
	p->spare_attrs = NULL;
	memset(a, 0, sizeof(*a));
	return a;
}

void rk_attrs_free(struct rk_attrs *a)
{
	free(a);
}

/* Moves the attributes A into TO. */
static void take_attrs(struct rk_parser *p, struct rk_attrs *to,
		       struct rk_attrs *a)
{
	*to = *a;
	if (p->spare_attrs)
		free(a);
	else
		p->spare_attrs = a;
}

void rk_build_required(struct rk_parser *p, struct rk_attrs *a,
		       const rk_span *at)
{
	if (a->required) {
		duplicate(p, at, "'required'", a->required_loc);
		return;
	}
	a->required = true;
	a->required_loc = rk_loc_of(p, at);
}

void rk_build_occurs(struct rk_parser *p, struct rk_attrs *a, uint64_t min,
		     uint64_t max, const rk_span *at)
{
	if (a->has_occurs) {
		duplicate(p, at, "occurrence", a->occurs_loc);
		return;
	}
	a->has_occurs = true;
	a->min = min;
	a->max = max;
	a->occurs_loc = rk_loc_of(p, at);
}

void rk_build_note(struct rk_parser *p, struct rk_attrs *a, char *note,
		   const rk_span *at)
{
	if (a->note) {
		duplicate(p, at, "'note'", a->note_loc);
		return;
	}
	a->note = note;
	a->note_loc = rk_loc_of(p, at);
}

void rk_build_formerly(struct rk_parser *p, struct rk_attrs *a,
		       struct rk_name name, const rk_span *at)
{
	if (a->formerly.text) {
		duplicate(p, at, "'formerly'", a->formerly.loc);
		return;
	}
	a->formerly = name;
}

void rk_build_deprecated(struct rk_parser *p, struct rk_attrs *a,
			 const rk_span *at)
{
	if (a->deprecated) {
		duplicate(p, at, "'deprecated'", a->deprecated_loc);
		return;
	}
	a->deprecated = true;
	a->deprecated_loc = rk_loc_of(p, at);
}

void rk_build_id(struct rk_parser *p, struct rk_attrs *a, char *id,
		 const rk_span *at)
{
	if (a->id) {
		duplicate(p, at, "'id'", a->id_loc);
		return;
	}
	a->id = id;
	a->id_loc = rk_loc_of(p, at);
}

void rk_build_version(struct rk_parser *p, struct rk_attrs *a, uint64_t v,
		      const rk_span *at)
{
	if (a->has_version) {
		duplicate(p, at, "'version'", a->version_loc);
		return;
	}
	a->has_version = true;
	a->version = v;
	a->version_loc = rk_loc_of(p, at);
}

struct rk_header *rk_build_header(struct rk_parser *p)
{
	return rk_arena_alloc(p->arena, sizeof(struct rk_header));
}

void rk_build_title(struct rk_parser *p, struct rk_header *h, char *title,
		    const rk_span *at)
{
	if (h->title) {
		duplicate(p, at, "'title'", h->title_loc);
		return;
	}
	h->title = title;
	h->title_loc = rk_loc_of(p, at);
}

void rk_build_released(struct rk_parser *p, struct rk_header *h,
		       struct rk_date date, const rk_span *at)
{
	if (h->has_released) {
		duplicate(p, at, "'released'", h->released_loc);
		return;
	}
	h->has_released = true;
	h->released = date;
	h->released_loc = rk_loc_of(p, at);
}

void rk_build_previous(struct rk_parser *p, struct rk_header *h,
		       struct rk_name name, const rk_span *at)
{
	if (h->previous.text) {
		duplicate(p, at, "'previous'", h->previous.loc);
		return;
	}
	h->previous = name;
}

struct rk_typeref *rk_build_type(struct rk_parser *p, const rk_span *at)
{
	struct rk_typeref *t = rk_arena_alloc(p->arena, sizeof(*t));
	t->loc = rk_loc_of(p, at);
	return t;
}

struct rk_typedef *rk_build_typedef(struct rk_parser *p, struct rk_name name,
				    struct rk_typeref *type, const rk_span *end)
{
	struct rk_typedef *t = rk_arena_alloc(p->arena, sizeof(*t));

	t->name = name;
	t->type = type;
	t->end_line = (uint32_t)end->last_line;
	return t;
}

struct rk_codes *rk_build_codes(struct rk_parser *p)
{
	return rk_arena_alloc(p->arena, sizeof(struct rk_codes));
}

void rk_build_code_value(struct rk_parser *p, struct rk_codes *c,
			 char *value, const rk_span *at, struct rk_name symbol,
			 char *label, const rk_span *label_at,
			 struct rk_attrs *attrs, const rk_span *end)
{
	RK_GROW(c->values, c->n_values, c->cap_values);
	struct rk_code_value *v = &c->values[c->n_values++];
	memset(v, 0, sizeof(*v));
	v->value = value;
	v->loc = rk_loc_of(p, at);
	v->symbol = symbol;
	v->label = label;
	v->label_loc = rk_loc_of(p, label_at);
	take_attrs(p, &v->attrs, attrs);
	v->end_line = (uint32_t)end->last_line;
}

void rk_build_codes_end(struct rk_parser *p, struct rk_codes *c,
			struct rk_name name, char *label,
			const rk_span *label_at, struct rk_attrs *attrs,
			const rk_span *end)
{
	c->name = name;
	c->label = label;
	c->label_loc = rk_loc_of(p, label_at);
	take_attrs(p, &c->attrs, attrs);
	c->end_line = (uint32_t)end->last_line;
	/* Most tables are short: give back the room they grew into. */
	if (c->n_values && c->n_values < c->cap_values) {
		c->values = rk_xrealloc(c->values,
					c->n_values * sizeof(*c->values));
		c->cap_values = c->n_values;
	}
}

struct rk_body *rk_build_body(void)
{
	return rk_xcalloc(1, sizeof(struct rk_body));
}

void rk_body_free(struct rk_body *b)
{
	if (!b)
		return;
	free(b->nodes);
	free(b);
}

void rk_build_member(struct rk_body *b, struct rk_node *n)
{
	RK_GROW(b->nodes, b->n, b->cap);
	b->nodes[b->n++] = n;
}

void rk_build_meta(struct rk_parser *p, struct rk_body *b, int which,
		   char *value, const rk_span *at)
{
	static const char *const names[] = { "'id'", "'dataset'", "'basis'" };
	char **slot = which == RK_META_ID ? &b->id :
		      which == RK_META_DATASET ? &b->dataset : &b->basis;
	struct rk_loc *loc = which == RK_META_ID ? &b->id_loc :
			     which == RK_META_DATASET ? &b->dataset_loc :
			     &b->basis_loc;

	if (*slot) {
		duplicate(p, at, names[which], *loc);
		return;
	}
	*slot = value;
	*loc = rk_loc_of(p, at);
}

static struct rk_node *new_node(struct rk_parser *p, enum rk_node_kind kind,
				struct rk_name name, char *label,
				const rk_span *label_at, struct rk_attrs *attrs)
{
	struct rk_node *n = rk_arena_alloc(p->arena, sizeof(*n));

	n->kind = kind;
	n->name = name;
	n->label = label;
	n->label_loc = rk_loc_of(p, label_at);
	take_attrs(p, &n->attrs, attrs);
	return n;
}

struct rk_node *rk_build_item(struct rk_parser *p, struct rk_name name,
			      char *label, const rk_span *label_at,
			      struct rk_typeref *type, struct rk_attrs *attrs,
			      const rk_span *end)
{
	struct rk_node *n = new_node(p, RK_ITEM, name, label, label_at, attrs);

	n->type = type;
	n->end_line = (uint32_t)end->last_line;
	return n;
}

struct rk_node *rk_build_group(struct rk_parser *p, struct rk_name name,
			       char *label, const rk_span *label_at,
			       struct rk_attrs *attrs)
{
	return new_node(p, RK_GROUP, name, label, label_at, attrs);
}

/* Reports the record statements that a group body cannot hold. */
static void refuse_meta(struct rk_parser *p, struct rk_body *b)
{
	static const char *const names[] = { "id", "dataset", "basis" };
	const struct rk_loc *locs[] = { &b->id_loc, &b->dataset_loc,
					&b->basis_loc };
	const char *values[] = { b->id, b->dataset, b->basis };

	for (int i = 0; i < 3; i++) {
		if (!values[i])
			continue;
		rk_diag_error(p->diags, *locs[i],
			      "a group cannot hold %s '%s' statement%s",
			      i == 0 ? "an" : "a", names[i],
			      i == 0 ? " (write the group's id after its label)" :
				       " (it belongs to the record)");
		p->errors++;
	}
}

void rk_build_group_end(struct rk_parser *p, struct rk_node *group,
			struct rk_body *body, const rk_span *end)
{
	refuse_meta(p, body);
	group->children = rk_arena_memdup(p->arena, body->nodes, body->n,
					  sizeof(*body->nodes));
	group->n_children = body->n;
	for (size_t i = 0; i < body->n; i++)
		body->nodes[i]->parent = group;
	group->end_line = (uint32_t)end->last_line;
	rk_body_free(body);
}

static void set_record(struct rk_node **v, size_t n, struct rk_record *r)
{
	for (size_t i = 0; i < n; i++) {
		v[i]->record = r;
		set_record(v[i]->children, v[i]->n_children, r);
	}
}

struct rk_record *rk_build_record(struct rk_parser *p, struct rk_name name,
				  char *label, const rk_span *label_at,
				  struct rk_attrs *attrs,
				  struct rk_body *body, const rk_span *end)
{
	struct rk_record *r = rk_arena_alloc(p->arena, sizeof(*r));

	r->name = name;
	r->label = label;
	r->label_loc = rk_loc_of(p, label_at);
	take_attrs(p, &r->attrs, attrs);
	r->id = body->id;
	r->dataset = body->dataset;
	r->basis = body->basis;
	r->id_loc = body->id_loc;
	r->dataset_loc = body->dataset_loc;
	r->basis_loc = body->basis_loc;
	r->children = rk_arena_memdup(p->arena, body->nodes, body->n,
				      sizeof(*body->nodes));
	r->n_children = body->n;
	set_record(r->children, r->n_children, r);
	r->end_line = (uint32_t)end->last_line;
	rk_body_free(body);
	return r;
}

void rk_comment_add(struct rk_parser *p, uint32_t line, uint32_t col,
		    const char *text, size_t len)
{
	struct rk_file *f = p->file;

	/* Trailing blanks are not part of a comment. */
	while (len > 1 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	RK_GROW(f->comments, f->n_comments, f->cap_comments);
	struct rk_comment *c = &f->comments[f->n_comments++];
	c->line = line;
	c->col = col;
	c->text = rk_arena_strndup(p->arena, text, len);
}

int rk_parse_file(struct rk_revision *rev, struct rk_source *src,
		  struct rk_diags *diags)
{
	struct rk_parser p;
	struct rk_file *file = rk_revision_add_file(rev, src);

	memset(&p, 0, sizeof(p));
	p.rev = rev;
	p.arena = &rev->arena;
	p.file = file;
	p.diags = diags;
	if (src->size > MAX_SOURCE_SIZE) {
		rk_diag_error(diags, rk_source_loc_at(src, 0),
			      "file too large for a layout (%zu bytes; the limit is %u)",
			      src->size, MAX_SOURCE_SIZE);
		return -1;
	}
	if (rk_source_check_encoding(src, diags) > 0)
		return -1;
	if (rk_scanner_init(&p, src->text + src->start,
			    src->size - src->start) < 0) {
		rk_diag_error(diags, rk_source_loc_at(src, 0),
			      "cannot start the scanner");
		return -1;
	}
	int status = rk_yyparse(&p);
	rk_scanner_release(&p);
	free(p.spare_attrs);
	if (status != 0 && p.errors == 0) {
		rk_diag_error(diags, rk_source_loc_at(src, src->size),
			      "parser ran out of memory");
		p.errors++;
	}
	file->parsed = p.errors == 0;
	return p.errors ? -1 : 0;
}
