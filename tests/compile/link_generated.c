/*
 * link_generated.c: the code in generated/, every revision of it, linked
 * into one program with the runtime library (so no name of one revision
 * meets a name of another), and its tables checked against what the
 * runtime expects of them:
 *  - every record and every child is found by its name with the runtime's
 *    own look-ups (the by_name arrays are in strcmp order);
 *  - the counters of the records and groups (slot .. slot + n_children)
 *    do not overlap and fit in n_slots;
 *  - every member lies inside its struct, with its count, and text_max
 *    keeps every item's longest value;
 *  - the code table look-ups go from value to constant to value and label.
 * Prints one line per revision; exits 1 at the first failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "R03/r03.h"
#include "R04/r04.h"
#include "R05/r05.h"
#include "R06/r06.h"

static int failures;

#define CHECK(cond, ...)                                                   \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "FAIL: " __VA_ARGS__);             \
			fputc('\n', stderr);                               \
			failures++;                                        \
		}                                                          \
	} while (0)

struct walk {
	const struct rk_layout *layout;
	unsigned char *slots;        /* which counters are taken */
	size_t nodes;
};

static void check_node(struct walk *w, const struct rk_layout_node *node,
		       size_t struct_size)
{
	const char *rev = w->layout->revision;

	CHECK(node->slot + node->n_children <= w->layout->n_slots,
	      "%s %s: counters past n_slots", rev, node->name);
	for (size_t i = 0; i < node->n_children && node->slot + i < w->layout->n_slots; i++) {
		CHECK(!w->slots[node->slot + i], "%s %s: counter %zu taken twice",
		      rev, node->name, node->slot + i);
		w->slots[node->slot + i] = 1;
	}
	for (size_t i = 0; i < node->n_children; i++) {
		const struct rk_layout_node *c = &node->children[i];
		const struct rk_storage *s = &c->store;
		w->nodes++;
		CHECK(rk_layout_child(node, c->name) == (long)i,
		      "%s %s/%s: not found by its name", rev, node->name, c->name);
		CHECK(s->capacity >= 1 && s->size >= 1 &&
		      s->offset + s->size * s->capacity <= struct_size,
		      "%s %s/%s: member outside its struct", rev, node->name, c->name);
		CHECK(s->count == RK_COUNT_NONE ? s->count_offset == 0 :
		      s->count_offset < struct_size,
		      "%s %s/%s: count misplaced", rev, node->name, c->name);
		CHECK((s->count == RK_COUNT_SIZE) == (c->max > 1) &&
		      (s->count == RK_COUNT_FLAG) == (c->max == 1 && c->children),
		      "%s %s/%s: count kind", rev, node->name, c->name);
		if (c->type) {
			size_t kept = c->type->max_len ? c->type->max_len * 4 + 8 : 4096;
			CHECK(rk_value_type_valid(c->type) == 0,
			      "%s %s/%s: type not valid", rev, node->name, c->name);
			CHECK(s->size == rk_value_buffer_size(c->type),
			      "%s %s/%s: buffer size", rev, node->name, c->name);
			CHECK(kept <= w->layout->text_max, "%s %s/%s: text_max",
			      rev, node->name, c->name);
		} else {
			check_node(w, c, s->size);
		}
	}
}

static void check_layout(const struct rk_layout *layout)
{
	struct walk w = { layout, calloc(layout->n_slots + 1, 1), 0 };

	for (size_t i = 0; i < layout->n_records; i++) {
		const struct rk_layout_node *r = &layout->records[i];
		CHECK(rk_layout_record(layout, r->name) == r,
		      "%s %s: record not found by its name", layout->revision, r->name);
		CHECK(r->min == 0 && r->max == RK_MANY && r->store.capacity == 1,
		      "%s %s: record node", layout->revision, r->name);
		check_node(&w, r, r->store.size);
	}
	for (size_t i = 0; i < layout->n_slots; i++)
		CHECK(w.slots[i], "%s: counter %zu unused", layout->revision, i);
	printf("%s: %zu records, %zu members, %zu counters\n", layout->revision,
	       layout->n_records, w.nodes, layout->n_slots);
	free(w.slots);
}

/* A code table of R06, both ways. */
static void check_codes(void)
{
	CHECK(r06_care_level_from_value("21") == R06_CARE_LEVEL_YOKAIGO1,
	      "r06_care_level_from_value(\"21\")");
	CHECK(r06_care_level_from_value("2") == R06_CARE_LEVEL_UNKNOWN &&
	      r06_care_level_from_value("") == R06_CARE_LEVEL_UNKNOWN &&
	      r06_care_level_from_value(NULL) == R06_CARE_LEVEL_UNKNOWN,
	      "r06_care_level_from_value of no value");
	CHECK(strcmp(r06_care_level_label(R06_CARE_LEVEL_YOKAIGO1), "要介護１") == 0,
	      "r06_care_level_label");
	CHECK(r06_care_level_value(R06_CARE_LEVEL_UNKNOWN) == NULL &&
	      r06_care_level_label((enum r06_care_level)1000) == NULL,
	      "r06_care_level_value of no constant");
	for (int c = 1; r06_todofuken_value((enum r06_todofuken)c); c++)
		CHECK(r06_todofuken_from_value(r06_todofuken_value((enum r06_todofuken)c)) ==
		      (enum r06_todofuken)c, "r06_todofuken %d", c);
	CHECK(r06_todofuken_from_value("13") == R06_TODOFUKEN_TOKYO &&
	      strcmp(r06_todofuken_label(R06_TODOFUKEN_TOKYO), "東京都") == 0,
	      "r06_todofuken 13");
}

int main(void)
{
	check_layout(&r03_layout);
	check_layout(&r04_layout);
	check_layout(&r05_layout);
	check_layout(&r06_layout);
	check_codes();
	return failures ? 1 : 0;
}
