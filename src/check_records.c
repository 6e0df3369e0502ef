/*
 * check_records.c: records, and the groups and items inside them.
 */
#include <string.h>

#include "check_internal.h"

static void check_id(struct checker *c, const char *id,
		     const struct rk_loc *loc, int record)
{
	if (record ? !rk_ck_record_id_ok(id) : !rk_ck_item_id_ok(id)) {
		rk_ck_error(c, *loc, record ?
			    "record id \"%s\" is not 2 capital letters and 14 digits" :
			    "item id \"%s\" is not 16 capital letters or digits", id);
		return;
	}
	const struct rk_loc *first = rk_map_put(record ? &c->record_ids :
						&c->item_ids, id, (void *)loc);
	if (first) {
		rk_ck_error(c, *loc, "%s id \"%s\" is used twice", record ? "record" :
			    "item", id);
		rk_diag_note(c->diags, *first, "first used here");
	}
}

static void check_occurs(struct checker *c, struct rk_node *n)
{
	const struct rk_attrs *a = &n->attrs;

	n->min = a->required ? 1 : 0;
	n->max = 1;
	if (!a->has_occurs)
		return;
	if (a->min > a->max) {
		rk_ck_error(c, a->occurs_loc, "occurrence [%llu..%llu]: the minimum exceeds the maximum",
			    (unsigned long long)a->min, (unsigned long long)a->max);
		return;
	}
	if (a->max == 0) {
		rk_ck_error(c, a->occurs_loc, "occurrence [0..0]: the maximum must be at least 1");
		return;
	}
	if (a->required && a->min == 0) {
		rk_ck_error(c, a->required_loc,
			    "'required' contradicts the occurrence, whose minimum is 0");
		return;
	}
	n->min = a->min;
	n->max = a->max;
}

/* What a rename may not name: itself, a sibling that still exists, or
 * what a sibling was renamed from. */
static void check_formerly(struct checker *c, const struct rk_name *name,
			   const struct rk_name *formerly,
			   const struct rk_map *siblings,
			   struct rk_map *formers, const char *what)
{
	if (rk_ck_renamed(c, siblings, name, formerly, what) < 0)
		return;
	const struct rk_name *first = rk_map_put(formers, formerly->text,
						 (void *)name);
	if (first) {
		rk_ck_error(c, formerly->loc, "'%s' was renamed twice: to '%s' and to '%s'",
			    formerly->text, first->text, name->text);
		rk_diag_note(c->diags, first->loc, "renamed to '%s' here",
			     first->text);
	}
}

static void check_nodes(struct checker *c, struct rk_node **v, size_t n);

static void check_node(struct checker *c, struct rk_node *n)
{
	const char *what = n->kind == RK_ITEM ? "item" : "group";

	rk_ck_name(c, &n->name, what);
	rk_ck_label(c, n->label, n->name.loc, n->label_loc, what, n->name.text);
	if (n->attrs.note && !n->attrs.note[0])
		rk_ck_error(c, n->attrs.note_loc, "empty note");
	check_occurs(c, n);
	if (n->attrs.id)
		check_id(c, n->attrs.id, &n->attrs.id_loc, 0);
	if (n->attrs.has_version && n->attrs.version == 0)
		rk_ck_error(c, n->attrs.version_loc, "version numbers start at 1");
	if (n->kind == RK_ITEM) {
		rk_ck_type(c, n->type);
		return;
	}
	if (n->n_children == 0)
		rk_ck_error(c, n->name.loc, "group '%s' has no items", n->name.text);
	check_nodes(c, n->children, n->n_children);
}

/* One parent's items and groups: their names share one namespace. */
static void check_nodes(struct checker *c, struct rk_node **v, size_t n)
{
	struct rk_map names, formers;

	rk_map_init(&names);
	rk_map_init(&formers);
	rk_map_reserve(&names, n);
	for (size_t i = 0; i < n; i++)
		rk_ck_declare(c, &names, &v[i]->name,
			      v[i]->kind == RK_ITEM ? "item" : "group");
	for (size_t i = 0; i < n; i++) {
		check_node(c, v[i]);
		check_formerly(c, &v[i]->name, &v[i]->attrs.formerly, &names,
			       &formers, v[i]->kind == RK_ITEM ? "item" : "group");
	}
	rk_map_release(&names);
	rk_map_release(&formers);
}

static void check_meta(struct checker *c, struct rk_record *r)
{
	if (r->id)
		check_id(c, r->id, &r->id_loc, 1);
	if (r->dataset && (strlen(r->dataset) != 4 ||
			   strspn(r->dataset, "0123456789") != 4))
		rk_ck_error(c, r->dataset_loc, "dataset \"%s\" is not 4 digits",
			    r->dataset);
	if (r->basis && !r->basis[0])
		rk_ck_error(c, r->basis_loc, "empty basis");
}

void rk_ck_record(struct checker *c, struct rk_record *r)
{
	rk_ck_label(c, r->label, r->name.loc, r->label_loc, "record",
		    r->name.text);
	rk_ck_applicable(c, &r->attrs, A_FORMERLY | A_DEPRECATED | A_NOTE,
			 "record");
	rk_ck_renamed(c, &c->records, &r->name, &r->attrs.formerly, "record");
	check_meta(c, r);
	if (r->n_children == 0)
		rk_ck_error(c, r->name.loc, "record '%s' has no items", r->name.text);
	check_nodes(c, r->children, r->n_children);
}
