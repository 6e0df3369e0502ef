/*
 * validate.c: the schema compiled from a revision, the validation state
 * machine the readers drive, and the entry point that picks a reader.
 */
#include "validate_internal.h"

#include <libxml/parser.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const rk_structure_rules[] = {
	"structure.unknown-record",  /* a record the revision does not have */
	"structure.unknown",         /* an element or key the layout does not have here */
	"structure.order",           /* XML: an element before one that precedes it in the layout */
	"structure.missing",         /* fewer occurrences than required */
	"structure.too-many",        /* more occurrences than allowed */
	"structure.text",            /* text directly inside a record or group */
	"structure.nested",          /* an element inside an item */
	"structure.shape",           /* YAML: a scalar for a group, a mapping for an item... */
	"structure.attribute",       /* XML: an attribute other than revision on the root */
	"structure.revision",        /* the payload names another revision, or none */
	"structure.duplicate-key",   /* YAML: a key given twice in one mapping */
	"xml.syntax",                /* not well-formed XML */
	"xml.doctype",               /* a DOCTYPE (DTDs and entities are refused) */
	"yaml.syntax",               /* not well-formed YAML or JSON */
	"yaml.alias",                /* YAML anchors and aliases are refused */
	"payload.read",              /* the file could not be read */
	NULL
};

/* ---- the schema ------------------------------------------------------- */

static void compile_nodes(struct rk_schema *s, struct vnode *parent,
			  struct rk_node **nodes, size_t n)
{
	parent->children = rk_xcalloc(n, sizeof(*parent->children));
	parent->n_children = n;
	parent->slot = s->n_slots;
	s->n_slots += n;
	rk_map_init(&parent->index);
	for (size_t i = 0; i < n; i++) {
		struct vnode *v = &parent->children[i];
		const struct rk_node *m = nodes[i];
		v->name = m->name.text;
		v->label = m->label;
		v->min = m->min;
		v->max = m->max;
		v->group = m->kind == RK_GROUP;
		rk_map_put(&parent->index, v->name, (void *)(uintptr_t)(i + 1));
		if (v->group)
			compile_nodes(s, v, m->children, m->n_children);
		else
			v->type = &m->type->value;
	}
}

struct rk_schema *rk_schema_new(const struct rk_revision *rev)
{
	struct rk_schema *s = rk_xcalloc(1, sizeof(*s));

	s->rev = rev;
	s->n_records = rev->n_records;
	s->records = rk_xcalloc(rev->n_records, sizeof(*s->records));
	rk_map_init(&s->index);
	for (size_t i = 0; i < rev->n_records; i++) {
		const struct rk_record *r = rev->records[i];
		struct vnode *v = &s->records[i];
		v->name = r->name.text;
		v->label = r->label;
		v->group = true;
		v->min = 0;
		v->max = RK_UNBOUNDED;
		rk_map_put(&s->index, v->name, (void *)(uintptr_t)(i + 1));
		compile_nodes(s, v, r->children, r->n_children);
	}
	return s;
}

static void free_vnode(struct vnode *v)
{
	for (size_t i = 0; i < v->n_children; i++)
		free_vnode(&v->children[i]);
	free(v->children);
	rk_map_release(&v->index);
}

void rk_schema_free(struct rk_schema *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_records; i++)
		free_vnode(&s->records[i]);
	free(s->records);
	rk_map_release(&s->index);
	free(s);
}

const char *rk_schema_revision(const struct rk_schema *s)
{
	return rk_revision_name(s->rev);
}

/* ---- results ---------------------------------------------------------- */

void rk_vresult_init(struct rk_vresult *r, const char *name,
		     size_t max_errors)
{
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->max_errors = max_errors;
}

void rk_vresult_release(struct rk_vresult *r)
{
	for (size_t i = 0; i < r->n_errors; i++) {
		free(r->errors[i].path);
		free(r->errors[i].message);
	}
	free(r->errors);
	free(r->revision);
	r->errors = NULL;
	r->n_errors = r->cap_errors = 0;
	r->revision = NULL;
}

/* Counts an error; returns where to store it, or NULL past the limit. */
static struct rk_verror *new_error(struct rk_vresult *r, struct vpos at,
				   const char *rule)
{
	r->total_errors++;
	if (r->max_errors && r->n_errors >= r->max_errors)
		return NULL;
	RK_GROW(r->errors, r->n_errors, r->cap_errors);
	struct rk_verror *e = &r->errors[r->n_errors++];
	memset(e, 0, sizeof(*e));
	e->line = at.line;
	e->col = at.col;
	e->rule = rule;
	return e;
}

void rk_vresult_add(struct rk_vresult *r, struct vpos at, const char *rule,
		    const char *fmt, ...)
{
	struct rk_verror *e = new_error(r, at, rule);
	struct rk_buf msg;
	va_list ap;

	if (!e)
		return;
	e->record = r->records;
	rk_buf_init(&msg);
	va_start(ap, fmt);
	rk_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	e->message = rk_buf_detach(&msg);
	e->path = rk_xstrdup("");
}

void rk_buf_add_printable(struct rk_buf *b, const char *s, size_t n,
			  size_t max_points)
{
	size_t pos = 0, points = 0;

	while (pos < n) {
		uint32_t cp;
		size_t start = pos;
		if (points == max_points) {
			rk_buf_adds(b, "...");
			return;
		}
		points++;
		if (rk_utf8_decode(s, n, &pos, &cp) != RK_UTF8_OK) {
			rk_buf_addf(b, "\\x%02X", (unsigned char)s[start]);
			pos = start + 1;
		} else if (cp < 0x20 || cp == 0x7F) {
			rk_buf_addf(b, "\\x%02X", (unsigned)cp);
		} else if (cp >= 0x80 && cp < 0xA0) {
			rk_buf_addf(b, "\\u%04X", (unsigned)cp);
		} else if (cp == '"' || cp == '\\') {
			rk_buf_addc(b, '\\');
			rk_buf_addc(b, (char)cp);
		} else {
			rk_buf_add(b, s + start, pos - start);
		}
	}
}

/* ---- the state machine ------------------------------------------------ */

void vstate_init(struct vstate *st, const struct rk_schema *schema,
		 struct rk_vresult *r, bool ordered)
{
	memset(st, 0, sizeof(*st));
	st->r = r;
	st->ordered = ordered;
	rk_buf_init(&st->text);
	vstate_set_schema(st, schema);
}

void vstate_set_schema(struct vstate *st, const struct rk_schema *schema)
{
	st->schema = schema;
	free(st->counts);
	free(st->interned);
	st->counts = schema ? rk_xcalloc(schema->n_slots + 1,
					 sizeof(*st->counts)) : NULL;
	st->interned = schema && st->ordered ?
		rk_xcalloc(schema->n_slots + 1, sizeof(*st->interned)) : NULL;
	if (schema && !st->r->revision && rk_schema_revision(schema))
		st->r->revision = rk_xstrdup(rk_schema_revision(schema));
}

void vstate_release(struct vstate *st)
{
	free(st->counts);
	free(st->interned);
	rk_buf_release(&st->text);
}

static void add_step(struct rk_buf *b, const struct vnode *v, uint64_t occ,
		     bool always_index)
{
	if (b->len)
		rk_buf_addc(b, '/');
	rk_buf_adds(b, v->name);
	if (always_index || v->max > 1)
		rk_buf_addf(b, "[%llu]", (unsigned long long)occ);
}

/* The path of the current position, ending with ABOUT when given. */
static char *current_path(const struct vstate *st, const struct vnode *about,
			  uint64_t about_occ)
{
	struct rk_buf b;

	rk_buf_init(&b);
	for (int i = 0; i < st->depth; i++)
		add_step(&b, st->stack[i].node, st->stack[i].occurrence, i == 0);
	if (about)
		add_step(&b, about, about_occ, false);
	return rk_buf_detach(&b);
}

static void verror(struct vstate *st, struct vpos at, const char *rule,
		   const struct vnode *about, uint64_t occ, const char *fmt,
		   va_list ap) RK_PRINTF(6, 0);

static void verror(struct vstate *st, struct vpos at, const char *rule,
		   const struct vnode *about, uint64_t occ, const char *fmt,
		   va_list ap)
{
	struct rk_verror *e = new_error(st->r, at, rule);
	struct rk_buf msg;

	if (!e)
		return;
	e->record = st->r->records;
	e->path = current_path(st, about, occ);
	e->label = about ? about->label :
		   st->depth ? st->stack[st->depth - 1].node->label : NULL;
	rk_buf_init(&msg);
	rk_buf_vaddf(&msg, fmt, ap);
	e->message = rk_buf_detach(&msg);
}

void vstate_error(struct vstate *st, struct vpos at, const char *rule,
		  const struct vnode *about, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(st, at, rule, about, 0, fmt, ap);
	va_end(ap);
}

static void error_at(struct vstate *st, struct vpos at, const char *rule,
		     const struct vnode *about, uint64_t occ, const char *fmt,
		     ...) RK_PRINTF(6, 7);

static void error_at(struct vstate *st, struct vpos at, const char *rule,
		     const struct vnode *about, uint64_t occ, const char *fmt,
		     ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(st, at, rule, about, occ, fmt, ap);
	va_end(ap);
}

static const char *what(const struct vnode *v)
{
	return v->group ? "group" : "item";
}

static void push(struct vstate *st, const struct vnode *v, uint64_t occ,
		 struct vpos at)
{
	struct vframe *f = &st->stack[st->depth++];

	f->node = v;
	f->pos = SIZE_MAX;
	f->occurrence = occ;
	f->content = false;
	f->at = at;
	memset(st->counts + v->slot, 0, v->n_children * sizeof(*st->counts));
	st->container_text_reported = false;
}

void vstate_record_start(struct vstate *st, const char *name, struct vpos at)
{
	st->r->records++;
	if (!st->schema) {
		st->skip = 1;
		return;
	}
	uintptr_t i = (uintptr_t)rk_map_get(&st->schema->index, name);
	if (!i) {
		struct rk_buf b;
		rk_buf_init(&b);
		rk_buf_add_printable(&b, name, strlen(name), 64);
		error_at(st, at, "structure.unknown-record", NULL, 0,
			 "revision %s has no record '%s'",
			 rk_schema_revision(st->schema), b.s);
		rk_buf_release(&b);
		st->skip = 1;
		return;
	}
	push(st, &st->schema->records[i - 1], st->r->records, at);
}

/*
 * Counts one occurrence of child I of the innermost frame, checking layout
 * order and the maximum; returns the occurrence number.
 */
static uint64_t occur(struct vstate *st, size_t i, struct vpos at)
{
	struct vframe *f = &st->stack[st->depth - 1];
	const struct vnode *v = &f->node->children[i];
	uint32_t *count = &st->counts[f->node->slot + i];

	if (*count < UINT32_MAX)
		(*count)++;
	if (st->ordered && f->pos != SIZE_MAX && i < f->pos)
		error_at(st, at, "structure.order", v, *count,
			 "%s '%s' must come before '%s' (layout order)", what(v),
			 v->name, f->node->children[f->pos].name);
	else
		f->pos = i;
	if (*count == v->max + 1)
		error_at(st, at, "structure.too-many", v, *count,
			 "%s '%s' occurs more than %llu time%s", what(v), v->name,
			 (unsigned long long)v->max, v->max == 1 ? "" : "s");
	return *count;
}

static void unknown_child(struct vstate *st, const char *name, struct vpos at)
{
	const struct vnode *parent = st->stack[st->depth - 1].node;
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_add_printable(&b, name, strlen(name), 64);
	error_at(st, at, "structure.unknown", NULL, 0,
		 "'%s' is not an item or group of '%s'", b.s, parent->name);
	rk_buf_release(&b);
}

/* How far past the layout position a pointer match is looked for. */
#define NEAR 8

/* The index + 1 of child NAME of frame F's node, or 0. */
static size_t find_child(struct vstate *st, const struct vframe *f,
			 const char *name)
{
	const struct vnode *n = f->node;

	if (st->interned) {
		const char **seen = st->interned + n->slot;
		size_t from = f->pos == SIZE_MAX ? 0 : f->pos;
		size_t to = from + NEAR < n->n_children ? from + NEAR : n->n_children;
		for (size_t k = from; k < to; k++)
			if (seen[k] == name)
				return k + 1;
	}
	size_t i = (uintptr_t)rk_map_get(&n->index, name);
	if (i && st->interned)
		st->interned[n->slot + i - 1] = name;
	return i;
}

void vstate_start(struct vstate *st, const char *name, struct vpos at)
{
	if (st->skip) {
		st->skip++;
		return;
	}
	if (st->item) {
		error_at(st, at, "structure.nested", st->item, st->item_occurrence,
			 "item '%s' holds a value, not elements", st->item->name);
		st->skip = 1;
		return;
	}
	const struct vnode *parent = st->stack[st->depth - 1].node;
	size_t i = find_child(st, &st->stack[st->depth - 1], name);
	if (!i) {
		unknown_child(st, name, at);
		st->skip = 1;
		return;
	}
	const struct vnode *v = &parent->children[i - 1];
	if (v->group) {
		/* A group is content of its parent once it holds a value. */
		push(st, v, occur(st, i - 1, at), at);
		return;
	}
	st->item = v;
	/* The occurrence it becomes if it holds a value, for the path of an
	 * element nested in it. */
	st->item_occurrence = (uint64_t)st->counts[parent->slot + i - 1] + 1;
	st->item_at = at;
	st->text.len = 0;
	st->text_bytes = 0;
	st->text_points = 0;
	st->text_overflow = false;
	st->text_cap = v->type->max_len ? (size_t)v->type->max_len * 4 + 8 :
					  VALUE_CAP_MIN;
}

static bool all_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

void vstate_text(struct vstate *st, const char *s, size_t n, struct vpos at)
{
	if (st->skip)
		return;
	if (!st->item) {
		if (st->depth && !all_blank(s, n) && !st->container_text_reported) {
			const struct vnode *v = st->stack[st->depth - 1].node;
			error_at(st, at, "structure.text", NULL, 0,
				 "text directly inside %s '%s' (only its items hold values)",
				 st->depth == 1 ? "record" : "group", v->name);
			st->container_text_reported = true;
		}
		return;
	}
	st->text_bytes += n;
	if (!st->text_overflow && st->text.len + n <= st->text_cap) {
		rk_buf_add(&st->text, s, n);
		return;
	}
	st->text_overflow = true;
	for (size_t i = 0; i < n; i++)
		st->text_points += ((unsigned char)s[i] & 0xC0) != 0x80;
}

static void finish_item(struct vstate *st)
{
	const struct vnode *v = st->item;
	struct vframe *f = &st->stack[st->depth - 1];
	struct rk_value_error err;
	char message[512];

	st->item = NULL;
	/* An empty element counts as absent. */
	if (st->text_bytes == 0)
		return;
	uint64_t occ = occur(st, (size_t)(v - f->node->children), st->item_at);
	f->content = true;
	if (st->text_overflow && v->type->max_len) {
		uint64_t points = rk_utf8_length(st->text.s, st->text.len) +
				  st->text_points;
		error_at(st, st->item_at, rk_rule_id(RK_RULE_LENGTH), v, occ,
			 "expected at most %u characters, found %llu",
			 (unsigned)v->type->max_len, (unsigned long long)points);
		return;
	}
	if (rk_value_check(v->type, st->text.s ? st->text.s : "", st->text.len,
			   &err) == 0)
		return;
	if (st->r->max_errors && st->r->n_errors >= st->r->max_errors) {
		st->r->total_errors++;
		return;
	}
	rk_value_describe(v->type, st->text.s ? st->text.s : "", st->text.len,
			  &err, message, sizeof(message));
	error_at(st, st->item_at, rk_rule_id(err.rule), v, occ, "%s", message);
}

static void check_minimums(struct vstate *st, const struct vframe *f,
			   struct vpos at)
{
	const struct vnode *n = f->node;

	for (size_t i = 0; i < n->n_children; i++) {
		const struct vnode *v = &n->children[i];
		uint32_t count = st->counts[n->slot + i];
		if (count >= v->min)
			continue;
		if (v->min == 1)
			error_at(st, at, "structure.missing", v, 1,
				 "required %s '%s' is missing", what(v), v->name);
		else
			error_at(st, at, "structure.missing", v, count + 1,
				 "%s '%s' occurs %u time%s, at least %llu required",
				 what(v), v->name, count, count == 1 ? "" : "s",
				 (unsigned long long)v->min);
	}
}

void vstate_end(struct vstate *st, struct vpos at)
{
	if (st->skip) {
		st->skip--;
		return;
	}
	if (st->item) {
		finish_item(st);
		return;
	}
	if (st->depth == 0)
		return;
	struct vframe *f = &st->stack[st->depth - 1];
	if (st->depth > 1 && !f->content) {
		/* An empty group counts as absent: take back its occurrence. */
		struct vframe *parent = &st->stack[st->depth - 2];
		size_t i = (size_t)(f->node - parent->node->children);
		st->counts[parent->node->slot + i]--;
		st->depth--;
		return;
	}
	check_minimums(st, f, at);
	st->depth--;
	if (st->depth)
		st->stack[st->depth - 1].content = true;
}

void vstate_drop(struct vstate *st)
{
	if (st->item) {
		st->item = NULL;
		return;
	}
	if (st->depth == 0)
		return;
	struct vframe *f = &st->stack[--st->depth];
	if (st->depth) {
		const struct vframe *parent = &st->stack[st->depth - 1];
		st->counts[parent->node->slot +
			   (size_t)(f->node - parent->node->children)]--;
	}
}

long vstate_count(const struct vstate *st, const char *name)
{
	if (st->depth == 0)
		return -1;
	const struct vnode *n = st->stack[st->depth - 1].node;
	uintptr_t i = (uintptr_t)rk_map_get(&n->index, name);
	return i ? (long)st->counts[n->slot + i - 1] : -1;
}

/* ---- choosing a reader ------------------------------------------------ */

static bool has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

static enum rk_payload_format sniff(const char *name, const char *head,
				    size_t n)
{
	if (has_suffix(name, ".xml"))
		return RK_PAYLOAD_XML;
	if (has_suffix(name, ".yaml") || has_suffix(name, ".yml") ||
	    has_suffix(name, ".json"))
		return RK_PAYLOAD_YAML;
	size_t i = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
			 head[i] == '\n'))
		i++;
	return i < n && head[i] == '<' ? RK_PAYLOAD_XML : RK_PAYLOAD_YAML;
}

/* Errors in the order of the file: by line, column, then detection. */
struct numbered {
	struct rk_verror e;
	size_t seq;
};

static int compare_errors(const void *pa, const void *pb)
{
	const struct numbered *a = pa, *b = pb;

	if (a->e.line != b->e.line)
		return a->e.line < b->e.line ? -1 : 1;
	if (a->e.col != b->e.col)
		return a->e.col < b->e.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_errors(struct rk_vresult *r)
{
	struct numbered *v = rk_xcalloc(r->n_errors + 1, sizeof(*v));

	for (size_t i = 0; i < r->n_errors; i++) {
		v[i].e = r->errors[i];
		v[i].seq = i;
	}
	qsort(v, r->n_errors, sizeof(*v), compare_errors);
	for (size_t i = 0; i < r->n_errors; i++)
		r->errors[i] = v[i].e;
	free(v);
}

/* libxml2's global set-up is not thread-safe: done once, before any parse. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_xml(void)
{
	xmlInitParser();
}

int rk_validate_stream(FILE *in, const struct rk_vopts *opts,
		       struct rk_vresult *r)
{
	pthread_once(&xml_once, init_xml);
	char head[512];
	size_t n = fread(head, 1, sizeof(head), in);
	struct vpos none = { 0, 0 };

	if (ferror(in)) {
		rk_vresult_add(r, none, "payload.read", "cannot read the payload");
		r->failed = true;
		return -1;
	}
	enum rk_payload_format format = opts->format != RK_PAYLOAD_AUTO ?
		opts->format : sniff(r->name ? r->name : "", head, n);
	r->format = format;
	int status = format == RK_PAYLOAD_XML ?
		rk_validate_xml(in, head, n, opts, r) :
		rk_validate_yaml(in, head, n, opts, r);
	sort_errors(r);
	if (status < 0)
		return -1;
	return rk_vresult_valid(r) ? 0 : 1;
}
