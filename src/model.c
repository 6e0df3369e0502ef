/*
 * model.c: building, walking and freeing the layout model.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct rk_revision *rk_revision_new(void)
{
	struct rk_revision *rev = rk_xcalloc(1, sizeof(*rev));

	rk_arena_init(&rev->arena);
	return rev;
}

static void file_free(struct rk_file *f)
{
	free(f->comments);
	free(f->decls);
	rk_source_free(f->src);
	free(f);
}

void rk_revision_free(struct rk_revision *rev)
{
	if (!rev)
		return;
	for (size_t i = 0; i < rev->n_codes; i++)
		rk_codes_release(rev->codes[i]);
	for (size_t i = 0; i < rev->n_files; i++)
		file_free(rev->files[i]);
	free(rev->headers);
	free(rev->codes);
	free(rev->types);
	free(rev->records);
	free(rev->files);
	rk_arena_release(&rev->arena);
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

void rk_codes_release(struct rk_codes *c)
{
	if (!c)
		return;
	free(c->values);
	free(c->sorted);
	c->values = NULL;
	c->sorted = NULL;
	c->n_values = c->cap_values = c->n_sorted = 0;
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
