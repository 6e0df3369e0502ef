/*
 * sample.c: valid sample payloads.  The layout is mirrored in a tree of
 * counters (struct snode), one per record, group and item, so that every
 * node's samples vary from one occurrence to the next: a node's count
 * cycles through its maximum, its minimum and values between, and an
 * item's value through the boundaries of its type.  Each record is built
 * in an arena, written, and forgotten.
 */
#include <stdlib.h>
#include <string.h>

#include "sample_internal.h"

/* Repeats of a node without a maximum stop this far past its minimum. */
#define UNBOUNDED_EXTRA 3

/* ---- the arena -------------------------------------------------------- */

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	char data[];
};

#define CHUNK_MIN (64 * 1024)

void arena_init(struct arena *a)
{
	memset(a, 0, sizeof(*a));
}

void arena_release(struct arena *a)
{
	struct arena_chunk *c = a->first;

	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	memset(a, 0, sizeof(*a));
}

void arena_reset(struct arena *a)
{
	a->cur = a->first;
	a->p = a->cur ? a->cur->data : NULL;
	a->left = a->cur ? a->cur->size : 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	while (n > a->left) {
		struct arena_chunk *next = a->cur ? a->cur->next : a->first;
		if (!next || next->size < n) {
			/* A new chunk, after the current one. */
			size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
			struct arena_chunk *c = rk_xmalloc(sizeof(*c) + size);
			c->size = size;
			c->next = next;
			if (a->cur)
				a->cur->next = c;
			else
				a->first = c;
			next = c;
		}
		a->cur = next;
		a->p = next->data;
		a->left = next->size;
	}
	void *p = a->p;
	a->p += n;
	a->left -= n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* ---- the tree --------------------------------------------------------- */

void inst_append(struct inst *parent, struct inst *child)
{
	child->next = NULL;
	if (parent->last)
		parent->last->next = child;
	else
		parent->child = child;
	parent->last = child;
}

void inst_insert(struct inst *parent, struct inst *after, struct inst *child)
{
	if (!after) {
		child->next = parent->child;
		parent->child = child;
	} else {
		child->next = after->next;
		after->next = child;
	}
	if (!child->next)
		parent->last = child;
}

void inst_remove(struct inst *parent, struct inst *child)
{
	struct inst *prev = NULL;

	for (struct inst *c = parent->child; c; prev = c, c = c->next) {
		if (c != child)
			continue;
		if (prev)
			prev->next = c->next;
		else
			parent->child = c->next;
		if (parent->last == c)
			parent->last = prev;
		c->next = NULL;
		return;
	}
}

bool inst_has_content(const struct inst *in)
{
	if (in->flags & I_TEXT)
		return false;
	if (in->node && in->node->kind == RK_ITEM)
		return in->len > 0;
	for (const struct inst *c = in->child; c; c = c->next)
		if (c->node && inst_has_content(c))
			return true;
	return false;
}

/* ---- the counters ----------------------------------------------------- */

/*
 * Items start their values at different turns (the Nth item of a record at
 * turn N), so that one record holds different boundaries rather than, say,
 * the same first date in every date item.
 */
static void plan_nodes(struct snode *parent, struct rk_node **nodes, size_t n,
		       uint64_t *items)
{
	parent->children = rk_xcalloc(n ? n : 1, sizeof(*parent->children));
	parent->n_children = n;
	for (size_t i = 0; i < n; i++) {
		struct snode *sn = &parent->children[i];
		sn->node = nodes[i];
		if (nodes[i]->kind == RK_GROUP)
			plan_nodes(sn, nodes[i]->children, nodes[i]->n_children,
				   items);
		else
			sn->values = (*items)++;
	}
}

static void free_plan(struct snode *sn)
{
	for (size_t i = 0; i < sn->n_children; i++)
		free_plan(&sn->children[i]);
	free(sn->children);
}

void sgen_init(struct sgen *g, const struct rk_revision *rev, uint64_t seed)
{
	memset(g, 0, sizeof(*g));
	g->rev = rev;
	sprng_seed(&g->rng, seed);
	arena_init(&g->arena);
	rk_buf_init(&g->scratch);
	g->n_records = rev->n_records;
	g->records = rk_xcalloc(rev->n_records + 1, sizeof(*g->records));
	for (size_t i = 0; i < rev->n_records; i++) {
		uint64_t items = 0;
		plan_nodes(&g->records[i], rev->records[i]->children,
			   rev->records[i]->n_children, &items);
	}
}

void sgen_release(struct sgen *g)
{
	for (size_t i = 0; i < g->n_records; i++)
		free_plan(&g->records[i]);
	free(g->records);
	arena_release(&g->arena);
	rk_buf_release(&g->scratch);
}

size_t sgen_record_index(const struct sgen *g, const struct rk_record *r)
{
	for (size_t i = 0; i < g->n_records; i++)
		if (g->rev->records[i] == r)
			return i;
	return 0;
}

/* ---- building --------------------------------------------------------- */

static uint64_t upper_bound(const struct rk_node *n)
{
	if (n->max != RK_UNBOUNDED)
		return n->max;
	return (n->min > 1 ? n->min : 1) + UNBOUNDED_EXTRA;
}

/* How many occurrences of SN the next sample gets. */
static uint64_t pick_count(struct sgen *g, struct snode *sn)
{
	uint64_t lo = sn->node->min, hi = upper_bound(sn->node);

	if (g->full)
		return lo > 2 ? lo : hi < 2 ? hi : 2;
	switch (sn->turns++ % 4) {
	case 0:
		return hi;
	case 1:
		return lo;
	default:
		return lo + sprng_below(&g->rng, hi - lo + 1);
	}
}

static struct inst *new_inst(struct sgen *g, const struct rk_node *node,
			     const char *name, uint64_t occ)
{
	struct inst *in = arena_alloc(&g->arena, sizeof(*in));

	memset(in, 0, sizeof(*in));
	in->node = node;
	in->name = name;
	in->name_len = name ? strlen(name) : 0;
	in->occ = occ;
	return in;
}

static void build(struct sgen *g, struct snode *sn, struct inst *in);

static void add_occurrences(struct sgen *g, struct snode *sn,
			    struct inst *parent, uint64_t n)
{
	for (uint64_t k = 1; k <= n; k++) {
		struct inst *c = new_inst(g, sn->node, sn->node->name.text, k);
		build(g, sn, c);
		inst_append(parent, c);
	}
}

/* The children of a record or group; a group needs one at least (an
 * empty group counts as absent). */
static void build_children(struct sgen *g, struct snode *sn, struct inst *in,
			   bool need_content)
{
	for (size_t i = 0; i < sn->n_children; i++)
		add_occurrences(g, &sn->children[i], in,
				pick_count(g, &sn->children[i]));
	if (need_content && !in->child && sn->n_children)
		add_occurrences(g, &sn->children[sprng_below(&g->rng,
							     sn->n_children)],
				in, 1);
}

static void build(struct sgen *g, struct snode *sn, struct inst *in)
{
	if (sn->node->kind == RK_GROUP) {
		build_children(g, sn, in, true);
		return;
	}
	g->scratch.len = 0;
	sample_value(&g->rng, &sn->node->type->value, sn->values++, &g->scratch);
	in->value = arena_strndup(&g->arena, g->scratch.s ? g->scratch.s : "",
				  g->scratch.len);
	in->len = g->scratch.len;
}

struct inst *sgen_record(struct sgen *g, size_t i)
{
	const struct rk_record *r = g->rev->records[i];
	struct inst *in = new_inst(g, NULL, r->name.text, 1);

	build_children(g, &g->records[i], in, false);
	return in;
}

/* The counters of NODE: down from its record, by index. */
static struct snode *find_snode(struct sgen *g, const struct rk_node *node)
{
	const struct rk_node *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth = 0;

	for (const struct rk_node *n = node; n && depth < RK_MAX_GROUP_DEPTH + 2;
	     n = n->parent)
		chain[depth++] = n;
	struct snode *sn = &g->records[sgen_record_index(g, node->record)];
	while (depth-- > 0) {
		size_t i = 0;
		while (i < sn->n_children && sn->children[i].node != chain[depth])
			i++;
		if (i == sn->n_children)
			return NULL;
		sn = &sn->children[i];
	}
	return sn;
}

struct inst *sgen_node(struct sgen *g, const struct rk_node *node,
		       uint64_t occ)
{
	struct snode *sn = find_snode(g, node);
	struct inst *in = new_inst(g, node, node->name.text, occ);

	if (sn)
		build(g, sn, in);
	return in;
}

/* ---- valid payloads --------------------------------------------------- */

int rk_sample_format_parse(const char *name, enum rk_sample_format *format)
{
	static const char *const names[] = { "xml", "yaml", "json" };

	for (int i = 0; i < 3; i++) {
		if (strcmp(name, names[i]) == 0) {
			*format = (enum rk_sample_format)i;
			return 0;
		}
	}
	return -1;
}

const char *rk_sample_format_ext(enum rk_sample_format format)
{
	return format == RK_SAMPLE_XML ? "xml" :
	       format == RK_SAMPLE_YAML ? "yaml" : "json";
}

int rk_sample_write(const struct rk_revision *rev,
		    const struct rk_sample_opts *opts, FILE *out)
{
	struct sgen g;
	struct sout o;
	struct swriter w;
	struct sdoc doc;

	sgen_init(&g, rev, opts->seed);
	sout_init(&o, out);
	memset(&doc, 0, sizeof(doc));
	doc.revision = rk_revision_name(rev);
	size_t fixed = opts->record ? sgen_record_index(&g, opts->record) : 0;
	uint64_t n = opts->count ? opts->count :
		     opts->record ? 1 : rev->n_records;
	swriter_begin(&w, opts->format, &o, &doc);
	for (uint64_t k = 0; k < n && !o.error && g.n_records; k++) {
		arena_reset(&g.arena);
		swriter_record(&w, sgen_record(&g, opts->record ? fixed :
					       (size_t)(k % g.n_records)));
	}
	swriter_end(&w);
	sgen_release(&g);
	return sout_finish(&o);
}
