/*
 * walk.c: the state machine over a layout that the XML and YAML readers
 * drive (see reader_internal.h), and where values land in a struct.
 */
#include "reader_internal.h"

#include <stdlib.h>
#include <string.h>

void rt_walk_init(struct rt_walk *w, const struct rk_read_options *opts,
		  struct rk_errors *errs, bool ordered)
{
	memset(w, 0, sizeof(*w));
	w->opts = opts;
	w->errs = errs;
	w->ordered = ordered;
	w->check_values = opts->check_values;
	rt_walk_set_layout(w, opts->layout);
}

void rt_walk_set_layout(struct rt_walk *w, const struct rk_layout *layout)
{
	w->layout = layout;
	free(w->counts);
	free(w->interned);
	w->counts = layout ? rt_calloc(layout->n_slots + 1, sizeof(*w->counts)) :
			     NULL;
	w->interned = layout && w->ordered ?
		rt_calloc(layout->n_slots + 1, sizeof(*w->interned)) : NULL;
}

void rt_walk_release(struct rt_walk *w)
{
	free(w->counts);
	free(w->interned);
	rt_buf_release(&w->text);
	rt_buf_release(&w->path);
}

/* The path of the current position, ending with ABOUT when given, in
 * w->path. */
static const char *current_path(struct rt_walk *w,
				const struct rk_layout_node *about,
				uint64_t about_occ)
{
	w->path.len = 0;
	if (w->path.s)
		w->path.s[0] = '\0';
	for (int i = 0; i < w->depth; i++)
		rt_path_step(&w->path, w->stack[i].node,
			     w->stack[i].occurrence, i == 0);
	if (about)
		rt_path_step(&w->path, about, about_occ, false);
	return rt_buf_str(&w->path);
}

static void verror(struct rt_walk *w, struct rt_pos at, const char *rule,
		   const struct rk_layout_node *about, uint64_t occ,
		   bool with_path, const char *fmt, va_list ap) RT_PRINTF(7, 0);

static void verror(struct rt_walk *w, struct rt_pos at, const char *rule,
		   const struct rk_layout_node *about, uint64_t occ,
		   bool with_path, const char *fmt, va_list ap)
{
	struct rt_buf msg = { NULL, 0, 0 };
	const char *label = NULL;

	if (rt_errors_full(w->errs)) {
		w->errs->count++;
		return;
	}
	if (with_path)
		label = about ? about->label :
			w->depth ? w->stack[w->depth - 1].node->label : NULL;
	rt_buf_vaddf(&msg, fmt, ap);
	rt_report(w->errs, at, w->records,
		  with_path ? current_path(w, about, occ) : "", label, rule,
		  rt_buf_str(&msg));
	rt_buf_release(&msg);
}

void rt_walk_error(struct rt_walk *w, struct rt_pos at, const char *rule,
		   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(w, at, rule, NULL, 0, true, fmt, ap);
	va_end(ap);
}

void rt_walk_plain_error(struct rt_walk *w, struct rt_pos at, const char *rule,
			 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(w, at, rule, NULL, 0, false, fmt, ap);
	va_end(ap);
}

static void error_at(struct rt_walk *w, struct rt_pos at, const char *rule,
		     const struct rk_layout_node *about, uint64_t occ,
		     const char *fmt, ...) RT_PRINTF(6, 7);

static void error_at(struct rt_walk *w, struct rt_pos at, const char *rule,
		     const struct rk_layout_node *about, uint64_t occ,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(w, at, rule, about, occ, true, fmt, ap);
	va_end(ap);
}

static const char *what(const struct rk_layout_node *v)
{
	return v->type ? "item" : "group";
}

static void push(struct rt_walk *w, const struct rk_layout_node *v,
		 uint64_t occ, char *base, struct rt_pos at)
{
	struct rt_frame *f = &w->stack[w->depth++];

	f->node = v;
	f->pos = SIZE_MAX;
	f->occurrence = occ;
	f->content = false;
	f->base = base;
	f->at = at;
	memset(w->counts + v->slot, 0, v->n_children * sizeof(*w->counts));
	w->container_text_reported = false;
	if (base)
		memset(base, 0, v->store.size);
}

void rt_walk_record_start(struct rt_walk *w, const char *name, struct rt_pos at)
{
	w->records++;
	if (!w->layout) {
		w->skip = 1;
		return;
	}
	const struct rk_layout_node *r = rk_layout_record(w->layout, name);
	if (!r) {
		struct rt_buf b = { NULL, 0, 0 };
		rt_buf_add_printable(&b, name, strlen(name), 64);
		error_at(w, at, "structure.unknown-record", NULL, 0,
			 "revision %s has no record '%s'", w->layout->revision,
			 rt_buf_str(&b));
		rt_buf_release(&b);
		w->skip = 1;
		return;
	}
	size_t i = (size_t)(r - w->layout->records);
	char *base = w->opts->storage && w->layout == w->opts->layout ?
		     w->opts->storage[i] : NULL;
	push(w, r, w->records, base, at);
}

/*
 * Counts one occurrence of child I of the innermost frame, checking layout
 * order and the maximum; returns the occurrence number.
 */
static uint64_t occur(struct rt_walk *w, size_t i, struct rt_pos at)
{
	struct rt_frame *f = &w->stack[w->depth - 1];
	const struct rk_layout_node *v = &f->node->children[i];
	uint32_t *count = &w->counts[f->node->slot + i];

	if (*count < UINT32_MAX)
		(*count)++;
	if (w->ordered && f->pos != SIZE_MAX && i < f->pos)
		error_at(w, at, "structure.order", v, *count,
			 "%s '%s' must come before '%s' (layout order)", what(v),
			 v->name, f->node->children[f->pos].name);
	else
		f->pos = i;
	if (*count == v->max + 1)
		error_at(w, at, "structure.too-many", v, *count,
			 "%s '%s' occurs more than %llu time%s", what(v), v->name,
			 (unsigned long long)v->max, v->max == 1 ? "" : "s");
	return *count;
}

/*
 * Where occurrence OCC of child V of frame F is stored, or NULL when it is
 * not (no struct, or more occurrences than the struct holds: reported once,
 * unless the layout's maximum already was).
 */
static char *slot_of(struct rt_walk *w, const struct rt_frame *f,
		     const struct rk_layout_node *v, uint64_t occ,
		     struct rt_pos at)
{
	if (!f->base || !v->store.size)
		return NULL;
	if (occ <= v->store.capacity)
		return f->base + v->store.offset + (size_t)(occ - 1) * v->store.size;
	if (occ == v->store.capacity + 1 && occ <= v->max)
		error_at(w, at, "structure.capacity", v, occ,
			 "%s '%s' occurs more than %llu times, all the generated struct holds",
			 what(v), v->name, (unsigned long long)v->store.capacity);
	return NULL;
}

/* Records in F's struct that child V occurs OCC times. */
static void set_count(const struct rt_frame *f, const struct rk_layout_node *v,
		      uint64_t occ)
{
	if (!f->base || !v->store.size || occ > v->store.capacity)
		return;
	if (v->store.count == RK_COUNT_FLAG)
		*(bool *)(f->base + v->store.count_offset) = true;
	else if (v->store.count == RK_COUNT_SIZE)
		*(size_t *)(f->base + v->store.count_offset) = (size_t)occ;
}

static void unknown_child(struct rt_walk *w, const char *name, struct rt_pos at)
{
	const struct rk_layout_node *parent = w->stack[w->depth - 1].node;
	struct rt_buf b = { NULL, 0, 0 };

	rt_buf_add_printable(&b, name, strlen(name), 64);
	error_at(w, at, "structure.unknown", NULL, 0,
		 "'%s' is not an item or group of '%s'", rt_buf_str(&b),
		 parent->name);
	rt_buf_release(&b);
}

/* How far past the layout position a pointer match is looked for. */
#define NEAR 8

/*
 * The index of child NAME of frame F's node, or -1.  Payloads mostly come
 * in layout order, so the children at and just after the position reached
 * are tried before the search by name (YAML keys are not interned: this
 * saves most of their look-ups).
 */
static long child_near(const struct rt_frame *f, const char *name)
{
	const struct rk_layout_node *n = f->node;
	/* the next child, then the one reached (a repeat) */
	size_t next = f->pos == SIZE_MAX ? 0 : f->pos + 1;

	if (next < n->n_children && strcmp(n->children[next].name, name) == 0)
		return (long)next;
	if (f->pos != SIZE_MAX && strcmp(n->children[f->pos].name, name) == 0)
		return (long)f->pos;
	return rk_layout_child(n, name);
}

/* The index + 1 of child NAME of frame F's node, or 0. */
static size_t find_child(struct rt_walk *w, const struct rt_frame *f,
			 const char *name)
{
	const struct rk_layout_node *n = f->node;

	if (w->interned) {
		const char **seen = w->interned + n->slot;
		size_t from = f->pos == SIZE_MAX ? 0 : f->pos;
		size_t to = from + NEAR < n->n_children ? from + NEAR : n->n_children;
		for (size_t k = from; k < to; k++)
			if (seen[k] == name)
				return k + 1;
	}
	long i = child_near(f, name);
	if (i < 0)
		return 0;
	if (w->interned)
		w->interned[n->slot + (size_t)i] = name;
	return (size_t)i + 1;
}

void rt_walk_start(struct rt_walk *w, const char *name, struct rt_pos at)
{
	if (w->skip) {
		w->skip++;
		return;
	}
	if (w->item) {
		error_at(w, at, "structure.nested", w->item, w->item_occurrence,
			 "item '%s' holds a value, not elements", w->item->name);
		w->skip = 1;
		return;
	}
	struct rt_frame *f = &w->stack[w->depth - 1];
	size_t i = find_child(w, f, name);
	if (!i) {
		unknown_child(w, name, at);
		w->skip = 1;
		return;
	}
	const struct rk_layout_node *v = &f->node->children[i - 1];
	if (!v->type) {
		/* A group is content of its parent once it holds a value. */
		uint64_t occ = occur(w, i - 1, at);
		push(w, v, occ, slot_of(w, f, v, occ, at), at);
		return;
	}
	w->item = v;
	/* The occurrence it becomes if it holds a value, for the path of an
	 * element nested in it. */
	w->item_occurrence = (uint64_t)w->counts[f->node->slot + i - 1] + 1;
	w->item_at = at;
	w->text.len = 0;
	w->text_bytes = 0;
	w->text_points = 0;
	w->text_overflow = false;
	w->text_cap = v->type->max_len ? (size_t)v->type->max_len * 4 + 8 :
					 RT_VALUE_CAP_MIN;
}

static bool all_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

void rt_walk_text(struct rt_walk *w, const char *s, size_t n, struct rt_pos at)
{
	if (w->skip)
		return;
	if (!w->item) {
		if (w->depth && !all_blank(s, n) && !w->container_text_reported) {
			const struct rk_layout_node *v = w->stack[w->depth - 1].node;
			error_at(w, at, "structure.text", NULL, 0,
				 "text directly inside %s '%s' (only its items hold values)",
				 w->depth == 1 ? "record" : "group", v->name);
			w->container_text_reported = true;
		}
		return;
	}
	w->text_bytes += n;
	if (!w->text_overflow && w->text.len + n <= w->text_cap) {
		rt_buf_add(&w->text, s, n);
		return;
	}
	/* Keep what fits, up to a character boundary (a struct member gets
	 * its first bytes), and count the code points of the rest. */
	size_t keep = 0;
	if (!w->text_overflow) {
		keep = w->text_cap - w->text.len;
		while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
			keep--;
		rt_buf_add(&w->text, s, keep);
	}
	w->text_overflow = true;
	for (size_t i = keep; i < n; i++)
		w->text_points += ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* Checks the value that arrived, reporting what it fails. */
static void check_value(struct rt_walk *w, const struct rk_layout_node *v,
			uint64_t occ)
{
	struct rk_value_error err;
	const char *s = rt_buf_str(&w->text);

	if (w->text_overflow && v->type->max_len) {
		uint64_t points = rk_utf8_length(s, w->text.len) + w->text_points;
		error_at(w, w->item_at, rk_rule_id(RK_RULE_LENGTH), v, occ,
			 "expected at most %u characters, found %llu",
			 (unsigned)v->type->max_len, (unsigned long long)points);
		return;
	}
	if (rk_value_check(v->type, s, w->text.len, &err) == 0)
		return;
	rt_value_error(w->errs, w->item_at, w->records,
		       current_path(w, v, occ), v, s, w->text.len, &err);
}

/*
 * Copies the value into DST (a buffer of V's size); returns whether the
 * member holds it as it is.  It does not when it is too long (it keeps its
 * first bytes, whole characters) or holds a NUL, which a C string cannot
 * (a YAML value may; each becomes U+0001, so that the member still fails
 * the checks where the value did).
 */
static bool store_value(struct rt_walk *w, const struct rk_layout_node *v,
			char *dst)
{
	size_t n = w->text.len, room = v->store.size - 1;
	bool as_is = !w->text_overflow && n <= room;

	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)w->text.s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, rt_buf_str(&w->text), n);
	dst[n] = '\0';
	/* (XML text cannot hold a NUL: XML 1.0 has no way to write one.) */
	if (!w->ordered && memchr(dst, '\0', n)) {
		for (size_t i = 0; i < n; i++)
			if (dst[i] == '\0')
				dst[i] = '\x01';
		as_is = false;
	}
	return as_is;
}

static void finish_item(struct rt_walk *w)
{
	const struct rk_layout_node *v = w->item;
	struct rt_frame *f = &w->stack[w->depth - 1];

	w->item = NULL;
	/* An empty element counts as absent. */
	if (w->text_bytes == 0)
		return;
	uint64_t occ = occur(w, (size_t)(v - f->node->children), w->item_at);
	f->content = true;
	char *dst = slot_of(w, f, v, occ, w->item_at);
	bool as_is = true;
	if (dst) {
		as_is = store_value(w, v, dst);
		set_count(f, v, occ);
	}
	/* A value its member cannot hold as it is gets reported here, as the
	 * checks would report it: the member cannot carry it to them. */
	if (w->check_values || !as_is)
		check_value(w, v, occ);
}

static void check_minimums(struct rt_walk *w, const struct rt_frame *f,
			   struct rt_pos at)
{
	const struct rk_layout_node *n = f->node;

	for (size_t i = 0; i < n->n_children; i++) {
		const struct rk_layout_node *v = &n->children[i];
		uint32_t count = w->counts[n->slot + i];
		if (count >= v->min)
			continue;
		current_path(w, NULL, 0);
		rt_missing_error(w->errs, at, w->records, &w->path, v, count);
	}
}

/* A record ends: hand it over. */
static void record_done(struct rt_walk *w, const struct rt_frame *f)
{
	if (!w->opts->each)
		return;
	if (w->opts->each(w->opts->each_data, f->node, f->base, w->records))
		w->stop = true;
}

void rt_walk_end(struct rt_walk *w, struct rt_pos at)
{
	if (w->skip) {
		w->skip--;
		return;
	}
	if (w->item) {
		finish_item(w);
		return;
	}
	if (w->depth == 0)
		return;
	struct rt_frame *f = &w->stack[w->depth - 1];
	if (w->depth > 1 && !f->content) {
		/* An empty group counts as absent: take back its occurrence. */
		struct rt_frame *parent = &w->stack[w->depth - 2];
		size_t i = (size_t)(f->node - parent->node->children);
		w->counts[parent->node->slot + i]--;
		w->depth--;
		return;
	}
	if (w->check_values)
		check_minimums(w, f, at);
	w->depth--;
	if (w->depth) {
		struct rt_frame *parent = &w->stack[w->depth - 1];
		parent->content = true;
		set_count(parent, f->node, f->occurrence);
	} else {
		record_done(w, f);
	}
}

void rt_walk_drop(struct rt_walk *w)
{
	if (w->item) {
		w->item = NULL;
		return;
	}
	if (w->depth == 0)
		return;
	struct rt_frame *f = &w->stack[--w->depth];
	if (w->depth) {
		const struct rt_frame *parent = &w->stack[w->depth - 1];
		w->counts[parent->node->slot +
			  (size_t)(f->node - parent->node->children)]--;
	}
}

long rt_walk_count(const struct rt_walk *w, const char *name)
{
	if (w->depth == 0)
		return -1;
	const struct rt_frame *f = &w->stack[w->depth - 1];
	long i = child_near(f, name);
	return i >= 0 ? (long)w->counts[f->node->slot + (size_t)i] : -1;
}
