/*
 * diff.c: the list of changes between two revisions.
 *
 * The driver walks both revisions part by part (header, named types, code
 * tables, records), pairs what is the same thing (diff_match.c), and for
 * each pair compares one property at a time, adding a change for each that
 * differs; diff_impact.c then says what the change breaks.  The version
 * lint rides along: a node whose definition changed keeps its version only
 * with a warning, and a version that goes down is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* What the changes about one thing share. */
struct where {
	struct rk_diff_ctx *x;
	enum rk_subject subject;
	const char *name[2];
	const char *path[2];
	const void *obj[2];
	const char *label;
	/* A node's path instead of PATH: node AT[s] of FLAT[s], made only
	 * when a change is emitted. */
	struct rk_flat *flat[2];
	long at[2];
};

static char *dup_or_null(const char *s)
{
	return s ? rk_xstrdup(s) : NULL;
}

static struct rk_change *emit(const struct where *w, enum rk_change_kind kind,
			      const char *old_value, const char *new_value)
{
	struct rk_diff *d = w->x->d;

	RK_GROW(d->changes, d->n, d->cap);
	struct rk_change *c = &d->changes[d->n++];
	memset(c, 0, sizeof(*c));
	c->subject = w->subject;
	c->kind = kind;
	for (int s = 0; s < 2; s++) {
		c->name[s] = w->name[s];
		c->path[s] = w->flat[s] ?
			rk_xstrdup(rk_flat_path(w->flat[s], w->at[s])) :
			dup_or_null(w->path[s]);
		c->obj[s] = w->obj[s];
	}
	c->value[RK_OLD] = dup_or_null(old_value);
	c->value[RK_NEW] = dup_or_null(new_value);
	c->label = w->label;
	rk_diff_impact(c, w->x);
	return c;
}

static bool differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* Emits KIND when the texts differ; returns whether it did. */
static bool emit_if_differs(const struct where *w, enum rk_change_kind kind,
			    const char *o, const char *n)
{
	if (!differ(o, n))
		return false;
	emit(w, kind, o, n);
	return true;
}

static void emit_flag(const struct where *w, bool o, bool n,
		      enum rk_change_kind on, enum rk_change_kind off)
{
	if (o != n)
		emit(w, n ? on : off, NULL, NULL);
}

/* ---- texts of properties ---- */

static char *u64_text(char *buf, size_t size, uint64_t v)
{
	snprintf(buf, size, "%llu", (unsigned long long)v);
	return buf;
}

char *rk_diff_occurs_text(char *buf, size_t size, uint64_t min, uint64_t max)
{
	if (max == RK_UNBOUNDED)
		snprintf(buf, size, "[%llu..*]", (unsigned long long)min);
	else
		snprintf(buf, size, "[%llu..%llu]", (unsigned long long)min,
			 (unsigned long long)max);
	return buf;
}

void rk_diff_type_text(const struct rk_typeref *t, struct rk_buf *b)
{
	char v[128];

	rk_value_type_syntax(&t->value, v, sizeof(v));
	if (!t->builtin)
		rk_buf_addf(b, "%s (%s)", t->name.text, v);
	else
		rk_buf_adds(b, v);
}

/* An item's or group's definition in short, for additions and removals:
 * "date [0..1]", "[0..5]". */
static void node_text(struct rk_buf *b, const struct rk_node *n)
{
	char occ[64];

	if (n->kind == RK_ITEM) {
		rk_diff_type_text(n->type, b);
		rk_buf_addc(b, ' ');
	}
	rk_buf_adds(b, rk_diff_occurs_text(occ, sizeof(occ), n->min, n->max));
}

/* ---- the revision header and named types ---- */

static void date_text(char *buf, size_t size, const struct rk_header *h)
{
	if (h->has_released)
		snprintf(buf, size, "%04d-%02d-%02d", h->released.year,
			 h->released.month, h->released.day);
	else
		buf[0] = '\0';
}

static void compare_header(struct rk_diff_ctx *x)
{
	const struct rk_header *o = x->d->rev[RK_OLD]->header;
	const struct rk_header *n = x->d->rev[RK_NEW]->header;
	char od[16], nd[16];

	if (!o || !n)
		return;
	struct where w = { x, RK_SUBJ_REVISION, { o->name.text, n->name.text },
			   { NULL, NULL }, { o, n }, NULL, { NULL, NULL }, { -1, -1 } };
	emit_if_differs(&w, RK_CH_RENAMED, o->name.text, n->name.text);
	emit_if_differs(&w, RK_CH_TITLE, o->title, n->title);
	date_text(od, sizeof(od), o);
	date_text(nd, sizeof(nd), n);
	emit_if_differs(&w, RK_CH_RELEASED, od[0] ? od : NULL, nd[0] ? nd : NULL);
	emit_if_differs(&w, RK_CH_PREVIOUS, o->previous.text, n->previous.text);
}

/* Calls FN for every pair in report order: NEW's order, each unpaired old
 * thing after the new partner of the paired old thing before it. */
typedef void pair_fn(struct rk_diff_ctx *x, const void *o, const void *n,
		     void *data);

static void walk_pairs(struct rk_diff_ctx *x, const struct rk_pairing *p,
		       const void *const *olds, const void *const *news,
		       pair_fn *fn, void *data)
{
	struct rk_anchors a;

	rk_anchors_init(&a, p);
	for (long j = rk_anchors_first(&a, -1); j >= 0; j = a.next[j])
		fn(x, olds[j], NULL, data);
	for (size_t i = 0; i < p->n_new; i++) {
		long j = p->of_new[i];
		fn(x, j >= 0 ? olds[j] : NULL, news[i], data);
		for (j = rk_anchors_first(&a, (long)i); j >= 0; j = a.next[j])
			fn(x, olds[j], NULL, data);
	}
	rk_anchors_release(&a);
}

static void type_def_text(struct rk_buf *b, const struct rk_typedef *t)
{
	b->len = 0;
	if (t)
		rk_diff_type_text(t->type, b);
}

static void compare_type(struct rk_diff_ctx *x, const void *ov,
			 const void *nv, void *data)
{
	const struct rk_typedef *o = ov, *n = nv;
	struct rk_buf ob, nb;
	(void)data;

	struct where w = { x, RK_SUBJ_TYPE,
			   { o ? o->name.text : NULL, n ? n->name.text : NULL },
			   { NULL, NULL }, { o, n }, NULL, { NULL, NULL }, { -1, -1 } };
	rk_buf_init(&ob);
	rk_buf_init(&nb);
	type_def_text(&ob, o);
	type_def_text(&nb, n);
	if (!o || !n)
		emit(&w, o ? RK_CH_REMOVED : RK_CH_ADDED, o ? ob.s : NULL,
		     n ? nb.s : NULL);
	else
		emit_if_differs(&w, RK_CH_TYPE, ob.s, nb.s);
	rk_buf_release(&ob);
	rk_buf_release(&nb);
}

static const char **names_of_types(const struct rk_revision *r)
{
	const char **v = rk_xcalloc(r->n_types + 1, sizeof(*v));
	for (size_t i = 0; i < r->n_types; i++)
		v[i] = r->types[i]->name.text;
	return v;
}

static void compare_types(struct rk_diff_ctx *x)
{
	const struct rk_revision *o = x->d->rev[RK_OLD], *n = x->d->rev[RK_NEW];
	struct rk_pairing p;
	const char **ok = names_of_types(o), **nk = names_of_types(n);

	rk_pairing_init(&p, o->n_types, n->n_types);
	rk_pairing_by_key(&p, ok, nk);
	walk_pairs(x, &p, (const void *const *)o->types,
		   (const void *const *)n->types, compare_type, NULL);
	rk_pairing_release(&p);
	free(ok);
	free(nk);
}

/* ---- code tables ---- */

static void compare_value(struct rk_diff_ctx *x, const void *ov,
			  const void *nv, void *data)
{
	const struct rk_code_value *o = ov, *n = nv;
	const struct where *tw = data;
	struct where w = *tw;

	w.subject = RK_SUBJ_CODE;
	w.path[RK_OLD] = o ? o->value : NULL;
	w.path[RK_NEW] = n ? n->value : NULL;
	w.obj[RK_OLD] = o;
	w.obj[RK_NEW] = n;
	w.label = n && n->label ? n->label : o ? o->label : NULL;
	(void)x;
	if (!o || !n) {
		emit(&w, o ? RK_CH_REMOVED : RK_CH_ADDED, NULL, NULL);
		return;
	}
	emit_if_differs(&w, RK_CH_LABEL, o->label, n->label);
	emit_if_differs(&w, RK_CH_SYMBOL, o->symbol.text, n->symbol.text);
	emit_flag(&w, o->attrs.deprecated, n->attrs.deprecated,
		  RK_CH_DEPRECATED, RK_CH_UNDEPRECATED);
	emit_if_differs(&w, RK_CH_NOTE, o->attrs.note, n->attrs.note);
}

static const void **value_ptrs(const struct rk_codes *c, const char ***keys)
{
	const void **v = rk_xcalloc(c->n_values + 1, sizeof(*v));
	*keys = rk_xcalloc(c->n_values + 1, sizeof(**keys));
	for (size_t i = 0; i < c->n_values; i++) {
		v[i] = &c->values[i];
		(*keys)[i] = c->values[i].value;
	}
	return v;
}

static void compare_values(struct where *w, const struct rk_codes *o,
			   const struct rk_codes *n)
{
	const char **ok, **nk;
	const void **ov = value_ptrs(o, &ok), **nv = value_ptrs(n, &nk);
	struct rk_pairing p;

	rk_pairing_init(&p, o->n_values, n->n_values);
	rk_pairing_by_key(&p, ok, nk);
	walk_pairs(w->x, &p, ov, nv, compare_value, w);
	rk_pairing_release(&p);
	free(ov);
	free(nv);
	free(ok);
	free(nk);
}

static void compare_table(struct rk_diff_ctx *x, const void *ov,
			  const void *nv, void *data)
{
	const struct rk_codes *o = ov, *n = nv;
	(void)data;

	struct where w = { x, RK_SUBJ_CODES,
			   { o ? o->name.text : NULL, n ? n->name.text : NULL },
			   { NULL, NULL }, { o, n },
			   n ? n->label : o->label, { NULL, NULL }, { -1, -1 } };
	if (!o || !n) {
		emit(&w, o ? RK_CH_REMOVED : RK_CH_ADDED, NULL, NULL);
		return;
	}
	emit_if_differs(&w, RK_CH_RENAMED, o->name.text, n->name.text);
	emit_if_differs(&w, RK_CH_LABEL, o->label, n->label);
	compare_values(&w, o, n);
}

static void table_keys(const struct rk_revision *r, const char ***names,
		       const char ***formerly)
{
	*names = rk_xcalloc(r->n_codes + 1, sizeof(**names));
	*formerly = rk_xcalloc(r->n_codes + 1, sizeof(**formerly));
	for (size_t i = 0; i < r->n_codes; i++) {
		(*names)[i] = r->codes[i]->name.text;
		(*formerly)[i] = r->codes[i]->attrs.formerly.text;
	}
}

static void compare_tables(struct rk_diff_ctx *x)
{
	const struct rk_revision *o = x->d->rev[RK_OLD], *n = x->d->rev[RK_NEW];
	const char **on, **of, **nn, **nf;
	struct rk_pairing p;

	table_keys(o, &on, &of);
	table_keys(n, &nn, &nf);
	rk_pairing_init(&p, o->n_codes, n->n_codes);
	rk_pairing_by_key(&p, on, nn);
	rk_pairing_by_key(&p, on, nf);
	for (size_t j = 0; j < o->n_codes; j++)
		if (p.of_old[j] >= 0)
			rk_map_put(&x->table_pair, on[j],
				   n->codes[p.of_old[j]]);
	walk_pairs(x, &p, (const void *const *)o->codes,
		   (const void *const *)n->codes, compare_table, NULL);
	rk_pairing_release(&p);
	free(on);
	free(of);
	free(nn);
	free(nf);
}

/* ---- items and groups ---- */

static enum rk_subject node_subject(const struct rk_node *n)
{
	return n->kind == RK_GROUP ? RK_SUBJ_GROUP : RK_SUBJ_ITEM;
}

/* Emits the change of the item's type, if any; returns whether the
 * definition changed (not only how the type is written). */
static bool compare_item_type(const struct where *w, const struct rk_node *o,
			      const struct rk_node *n)
{
	const struct rk_value_type *ov = &o->type->value, *nv = &n->type->value;
	struct rk_buf ob, nb;
	bool changed = !rk_diff_same_value(w->x, ov, nv);

	/* The same rule written the same way, or only with other numbers
	 * ("text(1..40)" for "text(40)"), is no change. */
	if (!changed && o->type->builtin == n->type->builtin &&
	    (o->type->builtin || strcmp(o->type->name.text, n->type->name.text) == 0))
		return false;
	rk_buf_init(&ob);
	rk_buf_init(&nb);
	rk_diff_type_text(o->type, &ob);
	rk_diff_type_text(n->type, &nb);
	if (changed)
		emit(w, rk_diff_type_kind(ov, nv), ob.s, nb.s);
	else
		emit_if_differs(w, RK_CH_TYPE, ob.s, nb.s);
	rk_buf_release(&ob);
	rk_buf_release(&nb);
	return changed;
}

static bool compare_occurs(const struct where *w, const struct rk_node *o,
			   const struct rk_node *n)
{
	char ob[64], nb[64];
	enum rk_change_kind k;

	if (o->min == n->min && o->max == n->max)
		return false;
	rk_diff_occurs_text(ob, sizeof(ob), o->min, o->max);
	rk_diff_occurs_text(nb, sizeof(nb), n->min, n->max);
	if (o->min != n->min) {
		k = o->min == 0 ? RK_CH_REQUIRED : n->min == 0 ? RK_CH_OPTIONAL :
		    n->min > o->min ? RK_CH_MIN_RAISED : RK_CH_MIN_LOWERED;
		emit(w, k, ob, nb);
	}
	if (o->max != n->max)
		emit(w, n->max > o->max ? RK_CH_MAX_RAISED : RK_CH_MAX_LOWERED,
		     ob, nb);
	return true;
}

static void compare_version(const struct where *w, const struct rk_attrs *o,
			    const struct rk_attrs *n, bool defined)
{
	char ob[32], nb[32];

	if (o->has_version == n->has_version &&
	    (!o->has_version || (o->version == n->version && !defined)))
		return;
	const char *ot = o->has_version ? u64_text(ob, sizeof(ob), o->version) : NULL;
	const char *nt = n->has_version ? u64_text(nb, sizeof(nb), n->version) : NULL;
	if (!ot || !nt)
		emit_if_differs(w, RK_CH_VERSION_SET, ot, nt);
	else if (n->version > o->version)
		emit(w, RK_CH_VERSION_RAISED, ot, nt);
	else if (n->version < o->version)
		emit(w, RK_CH_VERSION_LOWERED, ot, nt)->lint = RK_LINT_ERROR;
	else if (defined)
		emit(w, RK_CH_VERSION_NOT_RAISED, ot, nt)->lint = RK_LINT_WARNING;
}

/* The path of the parent of node I of SIDE, or the record's name. */
static const char *parent_path(struct rk_node_match *m, int side,
			       long i, const char *record)
{
	long p = m->side[side].v[i].parent;
	return p < 0 ? record : rk_flat_path(&m->side[side], p);
}

/* The changes that follow are about node J of OLD and node I of NEW
 * (-1: none). */
static void at_nodes(struct where *w, struct rk_node_match *m, long j, long i)
{
	long at[2] = { j, i };

	for (int s = 0; s < 2; s++) {
		w->path[s] = NULL;
		w->flat[s] = at[s] >= 0 ? &m->side[s] : NULL;
		w->at[s] = at[s];
		w->obj[s] = at[s] >= 0 ? m->side[s].v[at[s]].node : NULL;
	}
}

static void compare_nodes(struct where *w, struct rk_node_match *m,
			  long j, long i)
{
	const struct rk_node *o = m->side[RK_OLD].v[j].node;
	const struct rk_node *n = m->side[RK_NEW].v[i].node;
	char ob[32], nb[32];
	bool defined = false;

	w->subject = node_subject(n);
	at_nodes(w, m, j, i);
	w->label = n->label;
	defined |= emit_if_differs(w, RK_CH_RENAMED, o->name.text, n->name.text);
	if (m->moved[i])
		emit(w, RK_CH_MOVED, parent_path(m, RK_OLD, j, w->name[RK_OLD]),
		     parent_path(m, RK_NEW, i, w->name[RK_NEW]));
	if (m->reordered[i])
		emit(w, RK_CH_REORDERED,
		     u64_text(ob, sizeof(ob), (uint64_t)m->side[RK_OLD].v[j].sibling + 1),
		     u64_text(nb, sizeof(nb), (uint64_t)m->side[RK_NEW].v[i].sibling + 1));
	defined |= emit_if_differs(w, RK_CH_LABEL, o->label, n->label);
	if (n->kind == RK_ITEM)
		defined |= compare_item_type(w, o, n);
	defined |= compare_occurs(w, o, n);
	defined |= o->attrs.deprecated != n->attrs.deprecated;
	emit_flag(w, o->attrs.deprecated, n->attrs.deprecated,
		  RK_CH_DEPRECATED, RK_CH_UNDEPRECATED);
	emit_if_differs(w, RK_CH_NOTE, o->attrs.note, n->attrs.note);
	emit_if_differs(w, RK_CH_ID, o->attrs.id, n->attrs.id);
	compare_version(w, &o->attrs, &n->attrs, defined);
}

/* Emits the addition or removal of node K of SIDE. */
static void emit_node(struct where *w, struct rk_node_match *m,
		      int side, long k)
{
	const struct rk_node *node = m->side[side].v[k].node;
	struct rk_buf b;

	w->subject = node_subject(node);
	at_nodes(w, m, side == RK_OLD ? k : -1, side == RK_NEW ? k : -1);
	w->label = node->label;
	rk_buf_init(&b);
	node_text(&b, node);
	if (side == RK_OLD)
		emit(w, RK_CH_REMOVED, b.s, NULL);
	else
		emit(w, RK_CH_ADDED, NULL, b.s);
	rk_buf_release(&b);
}

/* Removed nodes anchored after new node I (-1: first), each unless its
 * parent went too (the parent's removal covers it). */
static void emit_removed(struct where *w, struct rk_node_match *m,
			 long i)
{
	for (long j = rk_anchors_first(&m->anchors, i); j >= 0;
	     j = m->anchors.next[j]) {
		long p = m->side[RK_OLD].v[j].parent;
		if (p < 0 || m->pair.of_old[p] >= 0)
			emit_node(w, m, RK_OLD, j);
	}
}

static void compare_children(struct where *w, const struct rk_record *o,
			     const struct rk_record *n)
{
	struct rk_node_match m;

	rk_node_match_run(&m, o, n);
	emit_removed(w, &m, -1);
	for (size_t i = 0; i < m.side[RK_NEW].n; i++) {
		long j = m.pair.of_new[i], p = m.side[RK_NEW].v[i].parent;
		if (j >= 0)
			compare_nodes(w, &m, j, (long)i);
		else if (p < 0 || m.pair.of_new[p] >= 0)
			emit_node(w, &m, RK_NEW, (long)i);
		emit_removed(w, &m, (long)i);
	}
	rk_node_match_release(&m);
}

/* ---- records ---- */

static void compare_record(struct rk_diff_ctx *x, const void *ov,
			   const void *nv, void *data)
{
	const struct rk_record *o = ov, *n = nv;
	(void)data;

	struct where w = { x, RK_SUBJ_RECORD,
			   { o ? o->name.text : NULL, n ? n->name.text : NULL },
			   { NULL, NULL }, { o, n }, n ? n->label : o->label,
			   { NULL, NULL }, { -1, -1 } };
	if (!o || !n) {
		emit(&w, o ? RK_CH_REMOVED : RK_CH_ADDED, NULL, NULL);
		return;
	}
	emit_if_differs(&w, RK_CH_RENAMED, o->name.text, n->name.text);
	emit_if_differs(&w, RK_CH_LABEL, o->label, n->label);
	emit_if_differs(&w, RK_CH_ID, o->id, n->id);
	emit_if_differs(&w, RK_CH_DATASET, o->dataset, n->dataset);
	emit_if_differs(&w, RK_CH_NOTE, o->basis, n->basis);
	emit_flag(&w, o->attrs.deprecated, n->attrs.deprecated,
		  RK_CH_DEPRECATED, RK_CH_UNDEPRECATED);
	compare_children(&w, o, n);
}

static void record_keys(const struct rk_revision *r, const char **k[3])
{
	for (int t = 0; t < 3; t++)
		k[t] = rk_xcalloc(r->n_records + 1, sizeof(*k[t]));
	for (size_t i = 0; i < r->n_records; i++) {
		k[0][i] = r->records[i]->id;
		k[1][i] = r->records[i]->name.text;
		k[2][i] = r->records[i]->attrs.formerly.text;
	}
}

static void compare_records(struct rk_diff_ctx *x)
{
	const struct rk_revision *o = x->d->rev[RK_OLD], *n = x->d->rev[RK_NEW];
	const char **ok[3], **nk[3];
	struct rk_pairing p;

	record_keys(o, ok);
	record_keys(n, nk);
	rk_pairing_init(&p, o->n_records, n->n_records);
	rk_pairing_by_key(&p, ok[0], nk[0]);     /* id */
	rk_pairing_by_key(&p, ok[1], nk[1]);     /* name */
	rk_pairing_by_key(&p, ok[1], nk[2]);     /* formerly */
	walk_pairs(x, &p, (const void *const *)o->records,
		   (const void *const *)n->records, compare_record, NULL);
	rk_pairing_release(&p);
	for (int t = 0; t < 3; t++) {
		free(ok[t]);
		free(nk[t]);
	}
}

/* ---- the driver ---- */

static void note_use(struct rk_node *node, void *data)
{
	struct rk_map *used = data;

	if (node->kind == RK_ITEM && node->type->resolved &&
	    node->type->value.kind == RK_CODE && node->type->value.code_table)
		rk_map_put(used, node->type->value.code_table, used);
}

static void ctx_init(struct rk_diff_ctx *x, struct rk_diff *d)
{
	x->d = d;
	rk_map_init(&x->table_pair);
	for (int s = 0; s < 2; s++) {
		rk_map_init(&x->used[s]);
		for (size_t i = 0; i < d->rev[s]->n_records; i++)
			rk_record_walk(d->rev[s]->records[i], note_use,
				       &x->used[s]);
	}
}

static void ctx_release(struct rk_diff_ctx *x)
{
	rk_map_release(&x->table_pair);
	rk_map_release(&x->used[0]);
	rk_map_release(&x->used[1]);
}

void rk_diff_run(struct rk_diff *d, const struct rk_revision *old_rev,
		 const struct rk_revision *new_rev)
{
	struct rk_diff_ctx x;

	d->rev[RK_OLD] = old_rev;
	d->rev[RK_NEW] = new_rev;
	d->changes = NULL;
	d->n = d->cap = 0;
	ctx_init(&x, d);
	compare_header(&x);
	compare_types(&x);
	compare_tables(&x);
	compare_records(&x);
	ctx_release(&x);
}

void rk_diff_release(struct rk_diff *d)
{
	for (size_t i = 0; i < d->n; i++) {
		for (int s = 0; s < 2; s++) {
			free(d->changes[i].path[s]);
			free(d->changes[i].value[s]);
		}
	}
	free(d->changes);
	d->changes = NULL;
	d->n = d->cap = 0;
}

void rk_diff_summarize(const struct rk_diff *d, struct rk_diff_summary *s)
{
	memset(s, 0, sizeof(*s));
	s->changes = d->n;
	for (size_t i = 0; i < d->n; i++) {
		const struct rk_change *c = &d->changes[i];
		s->by_kind[c->subject][c->kind]++;
		for (int a = 0; a < RK_AXIS_COUNT; a++) {
			if (!c->impact[a].breaking)
				continue;
			s->breaking[a]++;
			s->breaking_by_kind[c->subject][c->kind][a]++;
		}
		s->lint_warnings += c->lint == RK_LINT_WARNING;
		s->lint_errors += c->lint == RK_LINT_ERROR;
	}
}

bool rk_diff_breaks(const struct rk_diff *d, enum rk_axis axis)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->changes[i].impact[axis].breaking)
			return true;
	return false;
}

/* ---- names ---- */

const char *rk_subject_id(enum rk_subject s)
{
	static const char *const ids[RK_SUBJ_COUNT] = {
		"revision", "type", "codes", "code", "record", "group", "item"
	};
	return (unsigned)s < RK_SUBJ_COUNT ? ids[s] : "?";
}

const char *rk_change_kind_id(enum rk_change_kind k)
{
	static const char *const ids[RK_CH_COUNT] = {
		"added", "removed", "renamed", "moved", "reordered", "type",
		"length_widened", "length_narrowed", "length_changed",
		"precision", "scale", "sign", "required", "optional",
		"min_raised", "min_lowered", "max_raised", "max_lowered",
		"deprecated", "undeprecated", "label", "note", "id", "dataset",
		"symbol", "version_raised", "version_lowered", "version_set",
		"version_not_raised", "title", "released", "previous"
	};
	return (unsigned)k < RK_CH_COUNT ? ids[k] : "?";
}

const char *rk_axis_id(enum rk_axis a)
{
	static const char *const ids[RK_AXIS_COUNT] = {
		"producers", "consumers", "source"
	};
	return (unsigned)a < RK_AXIS_COUNT ? ids[a] : "?";
}

const char *rk_why_id(enum rk_why w)
{
	static const char *const ids[RK_WHY_COUNT] = {
		"doc", "id_not_in_payload", "rev_name_payload", "rev_prefix",
		"type_not_in_payload", "type_no_decl", "table_not_in_payload",
		"enum_added", "enum_removed", "enum_renamed",
		"code_new_value_ok", "code_new_value_break", "code_unused",
		"code_gone_break", "code_gone_ok", "const_added",
		"const_removed", "const_renamed", "symbol_not_in_payload",
		"deprecated_valid", "deprecated_kept", "record_new_ok",
		"record_new_break", "record_gone_break", "record_gone_ok",
		"struct_added", "struct_removed", "struct_renamed",
		"element_renamed", "new_optional_ok", "new_required_break",
		"unknown_to_old", "field_added", "unknown_to_new",
		"gone_optional_ok", "gone_required_break", "field_removed",
		"field_renamed", "element_moved", "field_moved",
		"order_payload", "order_source", "now_required", "now_optional",
		"min_raised", "min_lowered", "max_raised", "max_lowered",
		"counts_old_fit", "counts_new_fit", "shape_same", "shape_array",
		"array_size", "values_old_fit",
		"values_old_rejected", "values_new_fit", "values_new_rejected",
		"longer_in_new", "longer_in_old", "buffer_grows",
		"buffer_shrinks", "buffer_same", "same_rule"
	};
	return (unsigned)w < RK_WHY_COUNT ? ids[w] : "?";
}
