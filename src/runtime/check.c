/*
 * check.c: rk_check_record, the checks of a filled struct.  It reports what
 * the reader reports with check_values on, in the same words (report.c),
 * so that read-then-check and `renkei validate` always agree.
 */
#include "reader_internal.h"

#include <string.h>

/* Where the check is: the record, then each group and item occurrence. */
struct step {
	const struct rk_layout_node *node;
	size_t occ;
};

struct check {
	struct rk_errors *errs;
	size_t record;
	struct step stack[RT_MAX_DEPTH + 2];
	int depth;
	struct rt_buf path;          /* made from the stack for an error */
	size_t found;
};

/* The path of the steps in c->stack, in c->path. */
static struct rt_buf *path_of(struct check *c)
{
	c->path.len = 0;
	if (c->path.s)
		c->path.s[0] = '\0';
	for (int i = 0; i < c->depth; i++)
		rt_path_step(&c->path, c->stack[i].node, c->stack[i].occ, i == 0);
	return &c->path;
}

static void check_node(struct check *c, const struct rk_layout_node *node,
		       const char *base);

static void check_child(struct check *c, const struct rk_layout_node *v,
			const char *base, size_t count)
{
	struct rt_pos none = { 0, 0 };
	struct step *step = &c->stack[c->depth++];

	step->node = v;
	for (size_t k = 0; k < count; k++) {
		const char *at = base + v->store.offset + k * v->store.size;
		step->occ = k + 1;
		if (!v->type) {
			check_node(c, v, at);
			continue;
		}
		const char *end = memchr(at, '\0', v->store.size);
		size_t n = end ? (size_t)(end - at) : v->store.size;
		struct rk_value_error err;
		/* An empty occurrence of a repeated item stands for
		 * nothing on the wire either. */
		if (n > 0 && rk_value_check(v->type, at, n, &err) != 0) {
			c->found++;
			rt_value_error(c->errs, none, c->record,
				       rt_buf_str(path_of(c)), v, at, n, &err);
		}
	}
	c->depth--;
}

static void check_node(struct check *c, const struct rk_layout_node *node,
		       const char *base)
{
	struct rt_pos none = { 0, 0 };

	for (size_t i = 0; i < node->n_children; i++) {
		const struct rk_layout_node *v = &node->children[i];
		size_t count = rt_occurrences(v, base);
		check_child(c, v, base, count);
		if (count < v->min) {
			c->found++;
			rt_missing_error(c->errs, none, c->record, path_of(c),
					 v, count);
		}
	}
}

size_t rk_check_record(const struct rk_layout_node *record, const void *value,
		       size_t index, struct rk_errors *errs)
{
	struct check c;

	memset(&c, 0, sizeof(c));
	c.errs = errs;
	c.record = index;
	c.stack[0].node = record;
	c.stack[0].occ = index;
	c.depth = 1;
	check_node(&c, record, value);
	rt_buf_release(&c.path);
	return c.found;
}
