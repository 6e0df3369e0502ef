/*
 * model.c: building, walking and freeing the layout model.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct rk_revision *rk_revision_new(void)
{
	return rk_xcalloc(1, sizeof(struct rk_revision));
}

static void file_free(struct rk_file *f)
{
	for (size_t i = 0; i < f->n_comments; i++)
		free(f->comments[i].text);
	free(f->comments);
	free(f->decls);
	rk_source_free(f->src);
	free(f);
}

void rk_revision_free(struct rk_revision *rev)
{
	if (!rev)
		return;
	for (size_t i = 0; i < rev->n_headers; i++)
		rk_header_free(rev->headers[i]);
	for (size_t i = 0; i < rev->n_codes; i++)
		rk_codes_free(rev->codes[i]);
	for (size_t i = 0; i < rev->n_types; i++)
		rk_typedef_free(rev->types[i]);
	for (size_t i = 0; i < rev->n_records; i++)
		rk_record_free(rev->records[i]);
	for (size_t i = 0; i < rev->n_files; i++)
		file_free(rev->files[i]);
	free(rev->headers);
	free(rev->codes);
	free(rev->types);
	free(rev->records);
	free(rev->files);
	free(rev);
}

struct rk_file *rk_revision_add_file(struct rk_revision *rev,
				     struct rk_source *src)
{
	struct rk_file *f = rk_xcalloc(1, sizeof(*f));

	f->src = src;
	rev->files = rk_xrealloc(rev->files,
				 (rev->n_files + 1) * sizeof(*rev->files));
	rev->files[rev->n_files++] = f;
	return f;
}

static void add_decl(struct rk_file *file, enum rk_decl_kind kind, void *p)
{
	RK_GROW(file->decls, file->n_decls, file->cap_decls);
	struct rk_decl *d = &file->decls[file->n_decls++];
	d->kind = kind;
	switch (kind) {
	case RK_DECL_HEADER: d->u.header = p; break;
	case RK_DECL_CODES: d->u.codes = p; break;
	case RK_DECL_TYPE: d->u.type = p; break;
	case RK_DECL_RECORD: d->u.record = p; break;
	}
}

void rk_file_add_header(struct rk_revision *rev, struct rk_file *file,
			struct rk_header *h)
{
	RK_GROW(rev->headers, rev->n_headers, rev->cap_headers);
	rev->headers[rev->n_headers++] = h;
	add_decl(file, RK_DECL_HEADER, h);
}

void rk_file_add_codes(struct rk_revision *rev, struct rk_file *file,
		       struct rk_codes *c)
{
	RK_GROW(rev->codes, rev->n_codes, rev->cap_codes);
	rev->codes[rev->n_codes++] = c;
	add_decl(file, RK_DECL_CODES, c);
}

void rk_file_add_type(struct rk_revision *rev, struct rk_file *file,
		      struct rk_typedef *t)
{
	RK_GROW(rev->types, rev->n_types, rev->cap_types);
	rev->types[rev->n_types++] = t;
	add_decl(file, RK_DECL_TYPE, t);
}

void rk_file_add_record(struct rk_revision *rev, struct rk_file *file,
			struct rk_record *r)
{
	RK_GROW(rev->records, rev->n_records, rev->cap_records);
	rev->records[rev->n_records++] = r;
	add_decl(file, RK_DECL_RECORD, r);
}

void rk_attrs_release(struct rk_attrs *a)
{
	free(a->note);
	free(a->formerly.text);
	free(a->id);
	memset(a, 0, sizeof(*a));
}

void rk_typeref_free(struct rk_typeref *t)
{
	if (!t)
		return;
	free(t->name.text);
	free(t);
}

void rk_node_list_free(struct rk_node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rk_node_free(v[i]);
	free(v);
}

/*
 * Groups nest at most RK_MAX_GROUP_DEPTH deep (the parser refuses deeper
 * ones), so recursion here is bounded.
 */
void rk_node_free(struct rk_node *n)
{
	if (!n)
		return;
	free(n->name.text);
	free(n->label);
	rk_attrs_release(&n->attrs);
	rk_typeref_free(n->type);
	rk_node_list_free(n->children, n->n_children);
	free(n);
}

void rk_record_free(struct rk_record *r)
{
	if (!r)
		return;
	free(r->name.text);
	free(r->label);
	rk_attrs_release(&r->attrs);
	free(r->id);
	free(r->dataset);
	free(r->basis);
	rk_node_list_free(r->children, r->n_children);
	free(r);
}

void rk_codes_free(struct rk_codes *c)
{
	if (!c)
		return;
	free(c->name.text);
	free(c->label);
	rk_attrs_release(&c->attrs);
	for (size_t i = 0; i < c->n_values; i++) {
		struct rk_code_value *v = &c->values[i];
		free(v->value);
		free(v->symbol.text);
		free(v->label);
		rk_attrs_release(&v->attrs);
	}
	free(c->values);
	free(c->sorted);
	free(c);
}

void rk_typedef_free(struct rk_typedef *t)
{
	if (!t)
		return;
	free(t->name.text);
	rk_typeref_free(t->type);
	free(t);
}

void rk_header_free(struct rk_header *h)
{
	if (!h)
		return;
	free(h->name.text);
	free(h->title);
	free(h->previous.text);
	free(h);
}

struct rk_record *rk_revision_find_record(const struct rk_revision *rev,
					  const char *name)
{
	for (size_t i = 0; i < rev->n_records; i++)
		if (strcmp(rev->records[i]->name.text, name) == 0)
			return rev->records[i];
	return NULL;
}

struct rk_codes *rk_revision_find_codes(const struct rk_revision *rev,
					const char *name)
{
	for (size_t i = 0; i < rev->n_codes; i++)
		if (strcmp(rev->codes[i]->name.text, name) == 0)
			return rev->codes[i];
	return NULL;
}

struct rk_typedef *rk_revision_find_type(const struct rk_revision *rev,
					 const char *name)
{
	for (size_t i = 0; i < rev->n_types; i++)
		if (strcmp(rev->types[i]->name.text, name) == 0)
			return rev->types[i];
	return NULL;
}

const struct rk_code_value *rk_codes_find_value(const struct rk_codes *c,
						const char *value)
{
	for (size_t i = 0; i < c->n_values; i++)
		if (strcmp(c->values[i].value, value) == 0)
			return &c->values[i];
	return NULL;
}

const char *rk_revision_name(const struct rk_revision *rev)
{
	if (rev->header)
		return rev->header->name.text;
	return rev->n_headers ? rev->headers[0]->name.text : NULL;
}

static void walk(struct rk_node **v, size_t n, rk_node_visit_fn *fn,
		 void *data)
{
	for (size_t i = 0; i < n; i++) {
		fn(v[i], data);
		walk(v[i]->children, v[i]->n_children, fn, data);
	}
}

void rk_record_walk(struct rk_record *r, rk_node_visit_fn *fn, void *data)
{
	walk(r->children, r->n_children, fn, data);
}

void rk_node_path(const struct rk_node *node, struct rk_buf *b)
{
	if (node->parent) {
		rk_node_path(node->parent, b);
		rk_buf_addc(b, '/');
	}
	rk_buf_adds(b, node->name.text);
}
