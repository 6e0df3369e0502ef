/*
 * diff_match.c: which thing of OLD is which thing of NEW.
 *
 * Identity across revisions follows docs/layout-language.md: an id decides
 * where there is one, else the name, else `formerly`.  Records, code
 * tables, code values and named types pair by keys (rk_pairing_by_key);
 * the nodes of a record pair top down, so that the children of a renamed
 * group still find their old selves, and a node found under another parent
 * is a move.  Everything goes through hash maps: a revision of 100,000
 * items pairs in linear time.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

void rk_pairing_init(struct rk_pairing *p, size_t n_old, size_t n_new)
{
	p->n_old = n_old;
	p->n_new = n_new;
	p->of_old = rk_xmalloc((n_old + 1) * sizeof(*p->of_old));
	p->of_new = rk_xmalloc((n_new + 1) * sizeof(*p->of_new));
	for (size_t j = 0; j < n_old; j++)
		p->of_old[j] = -1;
	for (size_t i = 0; i < n_new; i++)
		p->of_new[i] = -1;
}

void rk_pairing_release(struct rk_pairing *p)
{
	free(p->of_old);
	free(p->of_new);
	p->of_old = p->of_new = NULL;
}

void rk_pairing_pair(struct rk_pairing *p, size_t old_i, size_t new_i)
{
	p->of_old[old_i] = (long)new_i;
	p->of_new[new_i] = (long)old_i;
}

void rk_pairing_by_key(struct rk_pairing *p, const char *const *old_keys,
		       const char *const *new_keys)
{
	struct rk_map m;

	rk_map_init(&m);
	/* Values are index + 1, so that index 0 is not NULL. */
	for (size_t j = 0; j < p->n_old; j++)
		if (p->of_old[j] < 0 && old_keys[j])
			rk_map_put(&m, old_keys[j], (void *)(j + 1));
	for (size_t i = 0; i < p->n_new; i++) {
		if (p->of_new[i] >= 0 || !new_keys[i])
			continue;
		size_t j = (size_t)rk_map_get(&m, new_keys[i]);
		if (j && p->of_old[j - 1] < 0)
			rk_pairing_pair(p, j - 1, i);
	}
	rk_map_release(&m);
}

void rk_anchors_init(struct rk_anchors *a, const struct rk_pairing *p)
{
	long *last = rk_xmalloc((p->n_new + 1) * sizeof(*last));
	long anchor = -1;

	a->first = rk_xmalloc((p->n_new + 1) * sizeof(*a->first));
	a->next = rk_xmalloc((p->n_old + 1) * sizeof(*a->next));
	for (size_t i = 0; i <= p->n_new; i++)
		a->first[i] = last[i] = -1;
	for (size_t j = 0; j < p->n_old; j++) {
		a->next[j] = -1;
		if (p->of_old[j] >= 0) {
			anchor = p->of_old[j];
			continue;
		}
		/* Append J to the list of ANCHOR, keeping old order. */
		if (last[anchor + 1] < 0)
			a->first[anchor + 1] = (long)j;
		else
			a->next[last[anchor + 1]] = (long)j;
		last[anchor + 1] = (long)j;
	}
	free(last);
}

void rk_anchors_release(struct rk_anchors *a)
{
	free(a->first);
	free(a->next);
	a->first = a->next = NULL;
}

long rk_anchors_first(const struct rk_anchors *a, long new_i)
{
	return a->first[new_i + 1];
}

/* ---- the nodes of a record, flattened ---- */

static void flat_add(struct rk_flat *f, struct rk_node **v, size_t n,
		     long parent)
{
	for (size_t k = 0; k < n; k++) {
		RK_GROW(f->v, f->n, f->cap);
		long self = (long)f->n++;
		f->v[self].node = v[k];
		f->v[self].parent = parent;
		f->v[self].path = NULL;
		f->v[self].sibling = (long)k;
		if (v[k]->kind == RK_GROUP)
			flat_add(f, v[k]->children, v[k]->n_children, self);
	}
}

const char *rk_flat_path(struct rk_flat *f, long k)
{
	struct rk_flat_node *v = &f->v[k];

	if (!v->path) {
		struct rk_buf path;
		rk_buf_init(&path);
		if (v->parent >= 0) {
			rk_buf_adds(&path, rk_flat_path(f, v->parent));
			rk_buf_addc(&path, '.');
		}
		rk_buf_adds(&path, v->node->name.text);
		v->path = rk_buf_detach(&path);
	}
	return v->path;
}

void rk_flat_record(struct rk_flat *f, const struct rk_record *r)
{
	f->v = NULL;
	f->n = f->cap = 0;
	flat_add(f, r->children, r->n_children, -1);
}

void rk_flat_release(struct rk_flat *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].path);
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

/* ---- pairing nodes ---- */

/* The key of a node under a parent: "<parent index>/<I|G><name>" (no
 * printf: this runs for every node). */
static char *place_key(struct rk_buf *b, long parent, enum rk_node_kind kind,
		       const char *name)
{
	char digits[24];
	size_t n = sizeof(digits);
	unsigned long v = parent < 0 ? 0 : (unsigned long)parent;

	do
		digits[--n] = (char)('0' + v % 10);
	while (v /= 10);
	b->len = 0;
	rk_buf_addc(b, parent < 0 ? '-' : '+');
	rk_buf_add(b, digits + n, sizeof(digits) - n);
	rk_buf_addc(b, kind == RK_GROUP ? 'G' : 'I');
	rk_buf_adds(b, name);
	return b->s;
}

/* Pairs by id the nodes of one kind (items and groups never pair). */
static void pair_by_id(struct rk_node_match *m)
{
	struct rk_flat *o = &m->side[RK_OLD], *n = &m->side[RK_NEW];
	const char **ok = rk_xcalloc(o->n + 1, sizeof(*ok));
	const char **nk = rk_xcalloc(n->n + 1, sizeof(*nk));

	for (int kind = RK_ITEM; kind <= RK_GROUP; kind++) {
		for (size_t j = 0; j < o->n; j++)
			ok[j] = o->v[j].node->kind == (enum rk_node_kind)kind ?
				o->v[j].node->attrs.id : NULL;
		for (size_t i = 0; i < n->n; i++)
			nk[i] = n->v[i].node->kind == (enum rk_node_kind)kind ?
				n->v[i].node->attrs.id : NULL;
		rk_pairing_by_key(&m->pair, ok, nk);
	}
	free(ok);
	free(nk);
}

/* Where new node I's parent is in OLD: its old index, -1 for the top of
 * the record, -2 when the parent is new (nothing can pair by place). */
static long old_parent_of(const struct rk_node_match *m, size_t i)
{
	long p = m->side[RK_NEW].v[i].parent;
	if (p < 0)
		return -1;
	long op = m->pair.of_new[p];
	return op >= 0 ? op : -2;
}

/* Ids that differ say two nodes are different things. */
static bool ids_conflict(const struct rk_node *a, const struct rk_node *b)
{
	return a->attrs.id && b->attrs.id && strcmp(a->attrs.id, b->attrs.id);
}

/* Pairs new node I with the unpaired old node at key NAME under its
 * paired parent; returns whether it did. */
static bool pair_at_place(struct rk_node_match *m, struct rk_map *places,
			  struct rk_buf *key, size_t i, const char *name)
{
	long op = old_parent_of(m, i);
	const struct rk_node *n = m->side[RK_NEW].v[i].node;

	if (op == -2 || !name)
		return false;
	size_t j = (size_t)rk_map_get(places, place_key(key, op, n->kind, name));
	if (!j || m->pair.of_old[j - 1] >= 0)
		return false;
	rk_pairing_pair(&m->pair, j - 1, i);
	return true;
}

/* Whether a node of NEW is still unpaired: the later ways of pairing
 * have nothing to do otherwise, as in most records of a revision. */
static bool any_unpaired(const struct rk_node_match *m)
{
	for (size_t i = 0; i < m->side[RK_NEW].n; i++)
		if (m->pair.of_new[i] < 0)
			return true;
	return false;
}

/*
 * Only the old nodes still unpaired are keyed: no other can pair.  (A key
 * is unique among them, as names are under a parent of a checked
 * revision.)
 */
static void pair_by_place(struct rk_node_match *m)
{
	struct rk_flat *o = &m->side[RK_OLD], *n = &m->side[RK_NEW];
	struct rk_map places;
	struct rk_buf key;
	char **keys;

	if (!any_unpaired(m))
		return;
	keys = rk_xcalloc(o->n + 1, sizeof(*keys));
	rk_map_init(&places);
	rk_buf_init(&key);
	for (size_t j = 0; j < o->n; j++) {
		const struct rk_node *on = o->v[j].node;
		if (m->pair.of_old[j] >= 0)
			continue;
		keys[j] = rk_xstrdup(place_key(&key, o->v[j].parent, on->kind,
					       on->name.text));
		rk_map_put(&places, keys[j], (void *)(j + 1));
	}
	/* Names first, everywhere; then `formerly`, trying names again for
	 * children whose parent only paired by `formerly`. */
	for (size_t i = 0; i < n->n; i++)
		if (m->pair.of_new[i] < 0)
			pair_at_place(m, &places, &key, i, n->v[i].node->name.text);
	for (size_t i = 0; i < n->n; i++) {
		const struct rk_node *nn = n->v[i].node;
		if (m->pair.of_new[i] < 0 &&
		    !pair_at_place(m, &places, &key, i, nn->name.text))
			pair_at_place(m, &places, &key, i, nn->attrs.formerly.text);
	}
	for (size_t j = 0; j < o->n; j++)
		free(keys[j]);
	free(keys);
	rk_buf_release(&key);
	rk_map_release(&places);
}

/* The only unpaired old node of N's kind named NAME, or -1. */
static long unique_unpaired(const struct rk_node_match *m,
			    const struct rk_map *names, const long *next,
			    const struct rk_node *n, const char *name)
{
	long found = -1;

	if (!name)
		return -1;
	for (long j = (long)(size_t)rk_map_get(names, name) - 1; j >= 0;
	     j = next[j]) {
		const struct rk_node *on = m->side[RK_OLD].v[j].node;
		if (m->pair.of_old[j] >= 0 || on->kind != n->kind ||
		    ids_conflict(on, n))
			continue;
		if (found >= 0)
			return -1;
		found = j;
	}
	return found;
}

static void pair_moves(struct rk_node_match *m)
{
	struct rk_flat *o = &m->side[RK_OLD], *n = &m->side[RK_NEW];
	struct rk_map names;
	long *next, *last;

	if (!any_unpaired(m))
		return;
	next = rk_xmalloc((o->n + 1) * sizeof(*next));
	last = rk_xmalloc((o->n + 1) * sizeof(*last));
	/* NAMES maps a name to the first unpaired old node with it (index +
	 * 1); NEXT chains the others in old order, LAST (per first node) ends
	 * it.  Old nodes paired already are left out: none of them can pair. */
	rk_map_init(&names);
	for (size_t j = 0; j < o->n; j++) {
		next[j] = -1;
		last[j] = (long)j;
		if (m->pair.of_old[j] >= 0)
			continue;
		const char *name = o->v[j].node->name.text;
		size_t head = (size_t)rk_map_put(&names, name, (void *)(j + 1));
		if (head) {
			next[last[head - 1]] = (long)j;
			last[head - 1] = (long)j;
		}
	}
	for (size_t i = 0; i < n->n; i++) {
		const struct rk_node *nn = n->v[i].node;
		if (m->pair.of_new[i] >= 0)
			continue;
		long j = unique_unpaired(m, &names, next, nn, nn->name.text);
		if (j < 0)
			j = unique_unpaired(m, &names, next, nn,
					    nn->attrs.formerly.text);
		if (j >= 0)
			rk_pairing_pair(&m->pair, (size_t)j, i);
	}
	free(next);
	free(last);
	rk_map_release(&names);
}

/* ---- moves and reorders ---- */

static void find_moves(struct rk_node_match *m)
{
	const struct rk_flat *o = &m->side[RK_OLD];

	for (size_t i = 0; i < m->side[RK_NEW].n; i++) {
		long j = m->pair.of_new[i];
		m->moved[i] = j >= 0 && old_parent_of(m, i) != o->v[j].parent;
	}
}

/*
 * Marks as reordered the members of IDX[0..K) (new nodes under one parent,
 * in new order) outside a longest run whose old positions increase: the
 * fewest nodes that explain the new order.
 */
static void mark_out_of_order(struct rk_node_match *m, const long *idx,
			      size_t k)
{
	long *tail = rk_xmalloc((k + 1) * sizeof(*tail));  /* index into idx */
	long *prev = rk_xmalloc((k + 1) * sizeof(*prev));
	bool *keep = rk_xcalloc(k + 1, sizeof(*keep));
	size_t len = 0;
	const struct rk_flat *o = &m->side[RK_OLD];

#define POS(t) (o->v[m->pair.of_new[idx[t]]].sibling)
	for (size_t t = 0; t < k; t++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (POS(tail[mid]) < POS(t))
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[t] = lo ? tail[lo - 1] : -1;
		tail[lo] = (long)t;
		if (lo == len)
			len++;
	}
#undef POS
	for (long t = len ? tail[len - 1] : -1; t >= 0; t = prev[t])
		keep[t] = true;
	for (size_t t = 0; t < k; t++)
		m->reordered[idx[t]] = !keep[t];
	free(tail);
	free(prev);
	free(keep);
}

static void find_reorders(struct rk_node_match *m)
{
	const struct rk_flat *n = &m->side[RK_NEW];
	long *head = rk_xmalloc((n->n + 1) * sizeof(*head));
	long *next = rk_xmalloc((n->n + 1) * sizeof(*next));
	long *last = rk_xmalloc((n->n + 1) * sizeof(*last));
	long *idx = rk_xmalloc((n->n + 1) * sizeof(*idx));

	/* The paired, unmoved children of each parent (+1: the top). */
	for (size_t i = 0; i <= n->n; i++)
		head[i] = last[i] = -1;
	for (size_t i = 0; i < n->n; i++) {
		m->reordered[i] = false;
		next[i] = -1;
		if (m->pair.of_new[i] < 0 || m->moved[i])
			continue;
		long p = n->v[i].parent + 1;
		if (last[p] < 0)
			head[p] = (long)i;
		else
			next[last[p]] = (long)i;
		last[p] = (long)i;
	}
	for (size_t p = 0; p <= n->n; p++) {
		size_t k = 0;
		for (long i = head[p]; i >= 0; i = next[i])
			idx[k++] = i;
		if (k > 1)
			mark_out_of_order(m, idx, k);
	}
	free(head);
	free(next);
	free(last);
	free(idx);
}

void rk_node_match_run(struct rk_node_match *m, const struct rk_record *o,
		       const struct rk_record *n)
{
	rk_flat_record(&m->side[RK_OLD], o);
	rk_flat_record(&m->side[RK_NEW], n);
	rk_pairing_init(&m->pair, m->side[RK_OLD].n, m->side[RK_NEW].n);
	pair_by_id(m);
	pair_by_place(m);
	pair_moves(m);
	m->moved = rk_xcalloc(m->side[RK_NEW].n + 1, sizeof(*m->moved));
	m->reordered = rk_xcalloc(m->side[RK_NEW].n + 1, sizeof(*m->reordered));
	find_moves(m);
	find_reorders(m);
	rk_anchors_init(&m->anchors, &m->pair);
}

void rk_node_match_release(struct rk_node_match *m)
{
	rk_flat_release(&m->side[RK_OLD]);
	rk_flat_release(&m->side[RK_NEW]);
	rk_pairing_release(&m->pair);
	rk_anchors_release(&m->anchors);
	free(m->moved);
	free(m->reordered);
}
