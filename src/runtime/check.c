/*
 * check.c: rk_check_record, the checks of a filled struct.  It reports what
 * the reader reports with check_values on, in the same words (report.c),
 * so that read-then-check and `renkei validate` always agree.
 */
#include "reader_internal.h"

#include <string.h>

struct check {
	struct rk_errors *errs;
	size_t record;
	struct rt_buf path;
	size_t found;
};

static void check_node(struct check *c, const struct rk_layout_node *node,
		       const char *base);

static void check_child(struct check *c, const struct rk_layout_node *v,
			const char *base, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		const char *at = base + v->store.offset + k * v->store.size;
		size_t len = c->path.len;
		rt_path_step(&c->path, v, k + 1, false);
		if (v->type) {
			struct rk_value_error err;
			const char *end = memchr(at, '\0', v->store.size);
			size_t n = end ? (size_t)(end - at) : v->store.size;
			/* An empty occurrence of a repeated item stands for
			 * nothing on the wire either. */
			if (n > 0 && rk_value_check(v->type, at, n, &err) != 0) {
				struct rt_pos none = { 0, 0 };
				c->found++;
				rt_value_error(c->errs, none, c->record,
					       rt_buf_str(&c->path), v, at, n, &err);
			}
		} else {
			check_node(c, v, at);
		}
		c->path.len = len;
		c->path.s[len] = '\0';
	}
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
			rt_missing_error(c->errs, none, c->record, &c->path, v, count);
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
	rt_path_step(&c.path, record, index, true);
	check_node(&c, record, value);
	rt_buf_release(&c.path);
	return c.found;
}
