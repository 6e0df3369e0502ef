/*
 * sample_invalid.c: invalid sample payloads, each a complete document with
 * exactly one violation, and the manifest of the errors they must produce.
 *
 * Every case starts from full records (every node present, repeated nodes
 * twice) and changes one thing: a value broken one way (for every item type
 * of the layout, every way its kind can fail), or the structure (a required
 * node left out or left empty, one occurrence too many, an element the
 * layout does not have, two elements swapped, text in a record, ...), or
 * the document (another revision, a DOCTYPE, a byte that is not UTF-8...).
 * Every third case has a valid record before the broken one, so paths are
 * not always about record 1.
 *
 * Not every rule can be reached through every format: value.utf8 cannot,
 * since both libxml2 and libyaml refuse a payload that is not UTF-8 before
 * any value is seen (those cases expect xml.syntax or yaml.syntax), nor
 * can value.type (a wrong call, not a wrong value) or payload.read (an
 * unreadable file).  structure.order, structure.text, structure.nested,
 * structure.attribute and xml.* are XML's; structure.shape,
 * structure.duplicate-key and yaml.* are YAML's and JSON's (JSON has no
 * aliases).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sample_internal.h"

/* Where the error a case must produce is reported. */
enum at {
	AT_NONE,           /* no line is known */
	AT_TARGET,         /* where the target element starts */
	AT_MISSING,        /* where its parent is checked for what is missing */
	AT_REVISION,       /* where the revision is checked */
	AT_EXTRA           /* the document-level addition */
};

struct icase {
	struct sdoc doc;
	struct inst *records[2];
	size_t n_records;
	const char *rule;
	enum at at;
	struct inst *target, *parent;
	struct rk_buf path, what, slug;
	struct rk_buf where;         /* for the file name, when not the path */
};

struct iset {
	const struct rk_revision *rev;
	const struct rk_sample_opts *opts;
	enum rk_sample_format format;
	const char *dir;
	struct sgen g;
	FILE *manifest;
	size_t n;
	int error;
	char *failed;
	struct rk_map seen;          /* "type syntax\tbreak" done */
	char **seen_keys;
	size_t n_seen, cap_seen;
	struct icase c;
	struct rk_buf scratch;
};

#define UNKNOWN_NAME "unknown_item"

static bool is_xml(const struct iset *s)
{
	return s->format == RK_SAMPLE_XML;
}

/* ---- making a case ---------------------------------------------------- */

static struct inst *full_record(struct iset *s, const struct rk_record *r)
{
	s->g.full = true;
	return sgen_record(&s->g, sgen_record_index(&s->g, r));
}

/* Starts a case about record R: returns its full record, the second of
 * the document every third case. */
static struct inst *start(struct iset *s, const struct rk_record *r,
			  const char *rule)
{
	struct icase *c = &s->c;

	arena_reset(&s->g.arena);
	memset(&c->doc, 0, sizeof(c->doc));
	c->doc.revision = rk_revision_name(s->rev);
	c->n_records = 0;
	c->rule = rule;
	c->at = AT_TARGET;
	c->target = c->parent = NULL;
	c->path.len = c->what.len = c->slug.len = c->where.len = 0;
	rk_buf_adds(&c->path, "");
	rk_buf_adds(&c->what, "");
	rk_buf_adds(&c->slug, "");
	rk_buf_adds(&c->where, "");
	if (s->n % 3 == 2)
		c->records[c->n_records++] = full_record(s, r);
	struct inst *rec = full_record(s, r);
	c->records[c->n_records++] = rec;
	return rec;
}

static struct inst *new_inst(struct iset *s, const struct rk_node *node,
			     const char *name, const char *value)
{
	struct inst *in = arena_alloc(&s->g.arena, sizeof(*in));

	memset(in, 0, sizeof(*in));
	in->node = node;
	in->name = name;
	in->name_len = name ? strlen(name) : 0;
	in->occ = 1;
	if (value) {
		in->value = arena_strndup(&s->g.arena, value, strlen(value));
		in->len = strlen(value);
	}
	return in;
}

static struct inst *last_of(struct inst *parent, const struct rk_node *node)
{
	struct inst *found = NULL;

	for (struct inst *c = parent->child; c; c = c->next)
		if (c->node == node)
			found = c;
	return found;
}

static uint64_t count_of(const struct inst *parent, const struct rk_node *node)
{
	uint64_t n = 0;

	for (const struct inst *c = parent->child; c; c = c->next)
		n += c->node == node;
	return n;
}

/*
 * The instances from record REC down to NODE's parent, taking the last
 * occurrence at each level, into CHAIN; returns how many, 0 when one is
 * absent.
 */
static int locate(struct inst *rec, const struct rk_node *node,
		  struct inst **chain)
{
	const struct rk_node *up[RK_MAX_GROUP_DEPTH + 2];
	int n = 0, depth = 0;

	for (const struct rk_node *p = node->parent; p && n < RK_MAX_GROUP_DEPTH + 1;
	     p = p->parent)
		up[n++] = p;
	chain[depth++] = rec;
	while (n-- > 0) {
		struct inst *next = last_of(chain[depth - 1], up[n]);
		if (!next)
			return 0;
		chain[depth++] = next;
	}
	return depth;
}

static void add_step(struct rk_buf *b, const char *name,
		     const struct rk_node *node, uint64_t occ)
{
	if (b->len)
		rk_buf_addc(b, '/');
	rk_buf_adds(b, name);
	if (node && node->max > 1)
		rk_buf_addf(b, "[%llu]", (unsigned long long)occ);
}

/* The validator's path of CHAIN[0..depth), then NODE's occurrence OCC. */
static void set_path(struct iset *s, struct inst **chain, int depth,
		     const struct rk_node *node, uint64_t occ)
{
	struct rk_buf *b = &s->c.path;

	b->len = 0;
	rk_buf_addf(b, "%s[%zu]", chain[0]->name, s->c.n_records);
	for (int i = 1; i < depth; i++)
		add_step(b, chain[i]->name, chain[i]->node, chain[i]->occ);
	if (node)
		add_step(b, node->name.text, node, occ);
}

static void what(struct iset *s, const char *fmt, ...) RK_PRINTF(2, 3);

static void what(struct iset *s, const char *fmt, ...)
{
	va_list ap;

	s->c.what.len = 0;
	va_start(ap, fmt);
	rk_buf_vaddf(&s->c.what, fmt, ap);
	va_end(ap);
}

/* ---- writing a case --------------------------------------------------- */

/* Names the record and node a case is about in its file name, when its
 * path does not (errors reported at the parent or without a path). */
static void where(struct iset *s, const struct rk_record *r,
		  const struct rk_node *node)
{
	s->c.where.len = 0;
	rk_buf_adds(&s->c.where, r->name.text);
	if (node)
		rk_buf_addf(&s->c.where, "/%s", node->name.text);
}

/* The file name: NNN-RULE-WHERE.EXT, WHERE the path without indexes. */
static void file_name(struct iset *s, struct rk_buf *b)
{
	const struct icase *c = &s->c;
	const char *p = c->where.len ? c->where.s : c->path.s;

	rk_buf_addf(b, "%03zu-%s", s->n + 1, c->rule);
	if (c->slug.len)
		rk_buf_addf(b, "-%s", c->slug.s);
	rk_buf_addc(b, '-');
	if (!*p)
		rk_buf_adds(b, "document");
	for (size_t kept = 0; *p && kept < 96; p++) {
		if (*p == '[') {
			while (*p && *p != ']')
				p++;
			if (!*p)
				break;
			continue;
		}
		rk_buf_addc(b, *p == '/' ? '.' : *p);
		kept++;
	}
	rk_buf_addf(b, ".%s", rk_sample_format_ext(s->format));
}

static uint32_t line_of(const struct iset *s)
{
	const struct icase *c = &s->c;

	switch (c->at) {
	case AT_TARGET:
		return c->target ? c->target->line : 0;
	case AT_MISSING:
		return is_xml(s) ? c->parent->end_line : c->parent->map_line;
	case AT_REVISION:
		return c->doc.revision_line;
	case AT_EXTRA:
		return c->doc.extra_line;
	default:
		return 0;
	}
}

/* Writes TEXT to the manifest with tabs and line breaks as spaces. */
static void put_field(FILE *f, const char *text)
{
	for (const char *p = text; *p; p++)
		putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
}

static void emit(struct iset *s)
{
	struct rk_buf name, path;
	struct sout o;
	struct swriter w;

	if (s->error)
		return;
	rk_buf_init(&name);
	rk_buf_init(&path);
	file_name(s, &name);
	rk_buf_addf(&path, "%s/%s", s->dir, name.s);
	FILE *f = fopen(path.s, "wb");
	if (!f) {
		s->error = errno;
		s->failed = rk_buf_detach(&path);
		rk_buf_release(&name);
		return;
	}
	sout_init(&o, f);
	swriter_begin(&w, s->format, &o, &s->c.doc);
	for (size_t i = 0; i < s->c.n_records; i++)
		swriter_record(&w, s->c.records[i]);
	swriter_end(&w);
	int st = sout_finish(&o);
	if (fclose(f) != 0 || st < 0) {
		s->error = errno ? errno : EIO;
		s->failed = rk_buf_detach(&path);
		rk_buf_release(&name);
		return;
	}
	uint32_t line = line_of(s);
	fprintf(s->manifest, "%s\t%s\t", name.s, s->c.rule);
	put_field(s->manifest, s->c.path.s);
	if (line)
		fprintf(s->manifest, "\t%u\t", (unsigned)line);
	else
		fputs("\t\t", s->manifest);
	put_field(s->manifest, s->c.what.s);
	putc('\n', s->manifest);
	s->n++;
	rk_buf_release(&name);
	rk_buf_release(&path);
}

/* ---- broken values ---------------------------------------------------- */

/* Whether KEY was done; marks it done. */
static bool seen_before(struct iset *s, const char *key)
{
	if (rk_map_get(&s->seen, key))
		return true;
	RK_GROW(s->seen_keys, s->n_seen, s->cap_seen);
	char *k = s->seen_keys[s->n_seen++] = rk_xstrdup(key);
	rk_map_put(&s->seen, k, k);
	return false;
}

/* One value of item NODE broken the way K says, if K applies to it. */
static void value_case(struct iset *s, const struct rk_node *node,
		       enum sbreak k)
{
	const struct rk_value_type *t = &node->type->value;
	struct rk_value_error err;
	char key[256], msg[512];
	size_t n = rk_value_type_syntax(t, key, sizeof(key) - 32);

	if (n >= sizeof(key) - 32)
		n = strlen(key);
	snprintf(key + n, sizeof(key) - n, "\t%s", sample_break_name(k));
	s->scratch.len = 0;
	if (sample_break(&s->g.rng, t, k, is_xml(s), &s->scratch) < 0)
		return;
	/* Only a value that fails exactly the rule meant makes a case. */
	if (rk_value_check(t, s->scratch.s, s->scratch.len, &err) !=
	    -(int)sample_break_rule(k) || seen_before(s, key))
		return;

	struct inst *rec = start(s, node->record, rk_rule_id(err.rule));
	struct inst *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth = locate(rec, node, chain);
	struct inst *in = depth ? last_of(chain[depth - 1], node) : NULL;
	if (!in)
		return;
	in->value = arena_strndup(&s->g.arena, s->scratch.s, s->scratch.len);
	in->len = s->scratch.len;
	s->c.target = in;
	set_path(s, chain, depth, node, in->occ);
	/* "value.length-too-long", but "value.flag" rather than
	 * "value.flag-flag" */
	const char *how = sample_break_name(k), *dot = strchr(s->c.rule, '.');
	if (!dot || strcmp(dot + 1, how) != 0)
		rk_buf_adds(&s->c.slug, how);
	rk_value_describe(t, in->value, in->len, &err, msg, sizeof(msg));
	rk_value_type_syntax(t, key, sizeof(key));
	what(s, "%s: %s", key, msg);
	emit(s);
}

static void visit_value_cases(struct rk_node *node, void *data)
{
	struct iset *s = data;

	if (node->kind != RK_ITEM)
		return;
	for (int k = 0; k < SB_COUNT; k++)
		value_case(s, node, (enum sbreak)k);
}

/* ---- structure -------------------------------------------------------- */

static const char *kind_word(const struct rk_node *n)
{
	return n->kind == RK_GROUP ? "group" : "item";
}

/* Leaves NODE out of its parent, or keeps min - 1 of its occurrences;
 * EMPTY: an empty element (or "") instead, which counts as absent. */
static void missing_case(struct iset *s, const struct rk_node *node,
			 bool empty)
{
	struct inst *rec = start(s, node->record, "structure.missing");
	struct inst *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth = locate(rec, node, chain);

	if (!depth)
		return;
	struct inst *parent = chain[depth - 1];
	uint64_t keep = node->min - 1;
	for (struct inst *c = parent->child, *next; c; c = next) {
		next = c->next;
		if (c->node != node || c->occ <= keep)
			continue;
		if (empty && c->occ == keep + 1) {
			c->value = "";
			c->len = 0;
			c->child = c->last = NULL;
		} else {
			inst_remove(parent, c);
		}
	}
	if (empty)
		rk_buf_adds(&s->c.slug, "empty");
	/* An empty group counts as absent: then its own minimum is at stake. */
	if (depth > 1 && !inst_has_content(parent))
		return;
	s->c.at = AT_MISSING;
	s->c.parent = parent;
	set_path(s, chain, depth, node, keep + 1);
	if (empty)
		what(s, "required %s '%s' given as an empty %s, which counts as absent",
		     kind_word(node), node->name.text,
		     is_xml(s) ? "element" : "string");
	else if (keep)
		what(s, "%s '%s' occurs %llu times, at least %llu required",
		     kind_word(node), node->name.text, (unsigned long long)keep,
		     (unsigned long long)node->min);
	else
		what(s, "required %s '%s' left out", kind_word(node),
		     node->name.text);
	emit(s);
}

static void too_many_case(struct iset *s, const struct rk_node *node)
{
	struct inst *rec = start(s, node->record, "structure.too-many");
	struct inst *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth = locate(rec, node, chain);
	struct inst *last = depth ? last_of(chain[depth - 1], node) : NULL;

	if (!last)
		return;
	s->g.full = true;
	for (uint64_t occ = count_of(chain[depth - 1], node) + 1;
	     occ <= node->max + 1; occ++) {
		struct inst *more = sgen_node(&s->g, node, occ);
		inst_insert(chain[depth - 1], last, more);
		last = more;
	}
	s->c.target = last;
	set_path(s, chain, depth, node, node->max + 1);
	what(s, "%s '%s' given %llu times, at most %llu allowed", kind_word(node),
	     node->name.text, (unsigned long long)node->max + 1,
	     (unsigned long long)node->max);
	emit(s);
}

/* The instance of the group (or record when NULL) a case goes into. */
static struct inst *container(struct iset *s, const struct rk_record *r,
			      const struct rk_node *group, const char *rule,
			      struct inst **chain, int *depth)
{
	struct inst *rec = start(s, r, rule);

	if (!group) {
		chain[0] = rec;
		*depth = 1;
		return rec;
	}
	*depth = locate(rec, group, chain);
	struct inst *in = *depth ? last_of(chain[*depth - 1], group) : NULL;
	if (in)
		chain[(*depth)++] = in;
	return in;
}

static const char *container_word(const struct rk_node *group)
{
	return group ? "group" : "record";
}

static void unknown_case(struct iset *s, const struct rk_record *r,
			 const struct rk_node *group)
{
	struct inst *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth;
	struct inst *in = container(s, r, group, "structure.unknown", chain, &depth);

	if (!in || !in->child)
		return;
	struct inst *u = new_inst(s, NULL, UNKNOWN_NAME, "1");
	inst_insert(in, in->child, u);
	s->c.target = u;
	set_path(s, chain, depth, NULL, 0);
	what(s, "%s '%s' has no item '%s'", container_word(group),
	     in->name, UNKNOWN_NAME);
	emit(s);
}

/* XML: the first element that has a different one after it, swapped with
 * that one. */
static void order_case(struct iset *s, const struct rk_record *r,
		       const struct rk_node *group)
{
	struct inst *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth;
	struct inst *in = container(s, r, group, "structure.order", chain, &depth);
	struct inst *prev = NULL;

	if (!in)
		return;
	for (struct inst *a = in->child; a && a->next; prev = a, a = a->next) {
		struct inst *b = a->next;
		if (a->node == b->node)
			continue;
		/* prev a b -> prev b a */
		a->next = b->next;
		b->next = a;
		if (prev)
			prev->next = b;
		else
			in->child = b;
		if (in->last == b)
			in->last = a;
		s->c.target = a;
		set_path(s, chain, depth, a->node, a->occ);
		what(s, "%s '%s' after '%s', which comes later in the layout",
		     kind_word(a->node), a->name, b->name);
		emit(s);
		return;
	}
}

/* XML: text directly inside a record or group. */
static void text_case(struct iset *s, const struct rk_record *r,
		      const struct rk_node *group)
{
	struct inst *chain[RK_MAX_GROUP_DEPTH + 2];
	int depth;
	struct inst *in = container(s, r, group, "structure.text", chain, &depth);

	if (!in || !in->child)
		return;
	struct inst *t = new_inst(s, NULL, NULL, "free text");
	t->flags = I_TEXT;
	inst_insert(in, in->child, t);
	s->c.target = t;
	set_path(s, chain, depth, NULL, 0);
	what(s, "text directly inside %s '%s'", container_word(group), in->name);
	emit(s);
}

/* The first item of record R whose maximum is 1, optional ones only when
 * OPTIONAL, else NULL. */
static struct rk_node *single_item(const struct rk_record *r, bool optional)
{
	for (size_t i = 0; i < r->n_children; i++) {
		struct rk_node *n = r->children[i];
		if (n->kind == RK_ITEM && n->max == 1 && (!optional || n->min == 0))
			return n;
	}
	return NULL;
}

/* A case about item NODE (at the top of its record), its instance set as
 * the target; NULL when there is none. */
static struct inst *item_case(struct iset *s, const struct rk_node *node,
			      const char *rule)
{
	struct inst *rec = start(s, node->record, rule);
	struct inst *in = last_of(rec, node);
	struct inst *chain[1] = { rec };

	s->c.target = in;
	set_path(s, chain, 1, node, in ? in->occ : 1);
	return in;
}

/* XML: an element inside an item. */
static void nested_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *node = single_item(r, false);
	struct inst *in = node ? item_case(s, node, "structure.nested") : NULL;

	if (!in)
		return;
	struct inst *x = new_inst(s, NULL, "x", "1");
	inst_append(in, x);
	s->c.target = x;
	what(s, "an element inside item '%s'", node->name.text);
	emit(s);
}

/* XML: an attribute on an item (reported without a path). */
static void attribute_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *node = single_item(r, false);
	struct inst *in = node ? item_case(s, node, "structure.attribute") : NULL;

	if (!in)
		return;
	in->attr = "lang";
	where(s, r, node);
	s->c.path.len = 0;
	rk_buf_adds(&s->c.path, "");
	what(s, "attribute 'lang' on item '%s'", node->name.text);
	emit(s);
}

/* YAML, JSON: an optional item given a mapping (reported at its parent). */
static void shape_item_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *node = single_item(r, true);
	struct inst *in = node ? item_case(s, node, "structure.shape") : NULL;

	if (!in)
		return;
	in->flags |= I_AS_MAP;
	where(s, r, node);
	s->c.path.len = 0;
	rk_buf_addf(&s->c.path, "%s[%zu]", r->name.text, s->c.n_records);
	what(s, "item '%s' given a mapping", node->name.text);
	emit(s);
}

/* YAML, JSON: an optional group given a scalar. */
static void shape_group_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *node = NULL;

	for (size_t i = 0; i < r->n_children && !node; i++)
		if (r->children[i]->kind == RK_GROUP && r->children[i]->min == 0)
			node = r->children[i];
	struct inst *in = node ? item_case(s, node, "structure.shape") : NULL;
	if (!in)
		return;
	struct inst *rec = s->c.records[s->c.n_records - 1];
	for (struct inst *c = rec->child, *next; c; c = next) {
		next = c->next;
		if (c->node == node && c != in)
			inst_remove(rec, c);
	}
	in->occ = 1;
	in->child = in->last = NULL;
	in->flags |= I_AS_SCALAR;
	in->value = "1";
	in->len = 1;
	where(s, r, node);
	s->c.path.len = 0;
	rk_buf_addf(&s->c.path, "%s[%zu]", r->name.text, s->c.n_records);
	what(s, "group '%s' given a scalar", node->name.text);
	emit(s);
}

/* YAML, JSON: an item's key twice in one mapping. */
static void duplicate_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *node = single_item(r, false);
	struct inst *in = node ? item_case(s, node, "structure.duplicate-key") : NULL;

	if (!in)
		return;
	struct inst *rec = s->c.records[s->c.n_records - 1];
	struct inst *dup = new_inst(s, node, node->name.text, in->value);
	dup->flags = I_SPLIT;
	inst_insert(rec, in, dup);
	s->c.target = dup;
	where(s, r, node);
	s->c.path.len = 0;
	rk_buf_addf(&s->c.path, "%s[%zu]", r->name.text, s->c.n_records);
	what(s, "key '%s' given twice", node->name.text);
	emit(s);
}

struct walk {
	struct iset *s;
	const struct rk_node *parents[256];   /* parents with a missing case */
	size_t n_parents;
};

static bool first_for_parent(struct walk *w, const struct rk_node *parent)
{
	for (size_t i = 0; i < w->n_parents; i++)
		if (w->parents[i] == parent)
			return false;
	if (w->n_parents < sizeof(w->parents) / sizeof(w->parents[0]))
		w->parents[w->n_parents++] = parent;
	return true;
}

static void visit_structure(struct rk_node *node, void *data)
{
	struct walk *w = data;
	struct iset *s = w->s;

	if (node->min > 1 || (node->min == 1 && first_for_parent(w, node->parent)))
		missing_case(s, node, false);
	if (node->max > 1 && node->max != RK_UNBOUNDED)
		too_many_case(s, node);
	if (node->kind != RK_GROUP)
		return;
	unknown_case(s, node->record, node);
	if (is_xml(s)) {
		order_case(s, node->record, node);
		text_case(s, node->record, node);
	}
}

static void record_cases(struct iset *s, const struct rk_record *r)
{
	struct walk w = { .s = s };
	const struct rk_node *single = single_item(r, false);
	const struct rk_node *required = NULL;

	for (size_t i = 0; i < r->n_children && !required; i++)
		if (r->children[i]->kind == RK_ITEM && r->children[i]->min >= 1)
			required = r->children[i];
	if (required)
		missing_case(s, required, true);
	if (single)
		too_many_case(s, single);
	unknown_case(s, r, NULL);
	if (is_xml(s)) {
		order_case(s, r, NULL);
		text_case(s, r, NULL);
		nested_case(s, r);
		attribute_case(s, r);
	} else {
		shape_item_case(s, r);
		shape_group_case(s, r);
		duplicate_case(s, r);
	}
	rk_record_walk((struct rk_record *)r, visit_structure, &w);
}

/* ---- the document ----------------------------------------------------- */

static void doc_case(struct iset *s, const struct rk_record *r,
		     const char *rule, enum at at, const char *fmt, ...)
	RK_PRINTF(5, 6);

/* A case about the whole document: started, described, not yet written. */
static void doc_case(struct iset *s, const struct rk_record *r,
		     const char *rule, enum at at, const char *fmt, ...)
{
	va_list ap;

	start(s, r, rule);
	s->c.at = at;
	va_start(ap, fmt);
	rk_buf_vaddf(&s->c.what, fmt, ap);
	va_end(ap);
}

static void bad_utf8_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *node = single_item(r, false);

	if (!node)
		return;
	doc_case(s, r, is_xml(s) ? "xml.syntax" : "yaml.syntax", AT_TARGET,
		 "byte 0xFF, which is not UTF-8, in item '%s' (value.utf8 cannot be reached: the parser refuses the payload first)",
		 node->name.text);
	struct inst *in = last_of(s->c.records[s->c.n_records - 1], node);
	struct rk_buf v;
	rk_buf_init(&v);
	rk_buf_add(&v, in->value, in->len / 2);
	rk_buf_addc(&v, (char)0xFF);
	rk_buf_add(&v, in->value + in->len / 2, in->len - in->len / 2);
	in->value = arena_strndup(&s->g.arena, v.s, v.len);
	in->len = v.len;
	in->flags |= I_RAW;
	rk_buf_release(&v);
	s->c.target = in;
	where(s, r, node);
	/* libyaml checks the encoding of a whole buffer before it parses it,
	 * and reports no line. */
	if (!is_xml(s))
		s->c.at = AT_NONE;
	emit(s);
}

static void alias_case(struct iset *s, const struct rk_record *r)
{
	const struct rk_node *anchored = NULL, *aliased = NULL;

	for (size_t i = 0; i < r->n_children; i++) {
		const struct rk_node *n = r->children[i];
		if (n->kind != RK_ITEM || n->max != 1)
			continue;
		if (!anchored)
			anchored = n;
		else if (n->min == 0 && !aliased)
			aliased = n;
	}
	if (!aliased)
		return;
	doc_case(s, r, "yaml.alias", AT_TARGET,
		 "item '%s' given the alias *a of the value of '%s'",
		 aliased->name.text, anchored->name.text);
	struct inst *rec = s->c.records[s->c.n_records - 1];
	last_of(rec, anchored)->flags |= I_ANCHOR;
	s->c.target = last_of(rec, aliased);
	s->c.target->flags |= I_ALIAS;
	where(s, r, aliased);
	emit(s);
}

static void document_cases(struct iset *s, const struct rk_record *r)
{
	char other[128];

	snprintf(other, sizeof(other), "X%s", rk_revision_name(s->rev));
	doc_case(s, r, "structure.revision", AT_REVISION,
		 "the payload names revision '%s'", other);
	s->c.doc.revision = other;
	emit(s);

	doc_case(s, r, "structure.unknown-record", AT_TARGET,
		 "record 'unknown_record', which the revision does not have");
	struct inst *u = new_inst(s, NULL, "unknown_record", NULL);
	inst_append(u, new_inst(s, NULL, "x", "1"));
	s->c.records[s->c.n_records++] = u;
	s->c.target = u;
	emit(s);

	if (is_xml(s)) {
		doc_case(s, r, "structure.attribute", AT_REVISION,
			 "attribute 'lang' on the root");
		s->c.doc.root_attr = "lang";
		emit(s);
		doc_case(s, r, "xml.doctype", AT_EXTRA, "a DOCTYPE");
		s->c.doc.doctype = true;
		emit(s);
		doc_case(s, r, "structure.text", AT_EXTRA,
			 "text directly inside 'records'");
		s->c.doc.root_text = "free text";
		emit(s);
	} else {
		doc_case(s, r, "structure.unknown", AT_EXTRA,
			 "top-level key 'comment' besides revision and records");
		s->c.doc.top_key = "comment";
		emit(s);
		if (s->format == RK_SAMPLE_YAML)
			alias_case(s, r);
	}
	bad_utf8_case(s, r);
}

/* ---- the set ---------------------------------------------------------- */

long rk_sample_write_invalid(const struct rk_revision *rev,
			     const struct rk_sample_opts *opts,
			     const char *dir, char **failed)
{
	struct iset s;
	struct rk_buf path;

	memset(&s, 0, sizeof(s));
	s.rev = rev;
	s.opts = opts;
	s.format = opts->format;
	s.dir = dir;
	rk_buf_init(&path);
	rk_buf_addf(&path, "%s/expected.tsv", dir);
	s.manifest = fopen(path.s, "wb");
	if (!s.manifest) {
		if (failed)
			*failed = rk_buf_detach(&path);
		rk_buf_release(&path);
		return -1;
	}
	sgen_init(&s.g, rev, opts->seed);
	rk_map_init(&s.seen);
	rk_buf_init(&s.scratch);
	rk_buf_init(&s.c.path);
	rk_buf_init(&s.c.what);
	rk_buf_init(&s.c.slug);
	rk_buf_init(&s.c.where);
	fputs("file\trule\tpath\tline\twhat\n", s.manifest);

	const struct rk_record *first = opts->record ? opts->record :
					rev->n_records ? rev->records[0] : NULL;
	if (first)
		document_cases(&s, first);
	for (size_t i = 0; i < rev->n_records && !s.error; i++) {
		const struct rk_record *r = rev->records[i];
		if (opts->record && r != opts->record)
			continue;
		record_cases(&s, r);
		rk_record_walk((struct rk_record *)r, visit_value_cases, &s);
	}

	if (fclose(s.manifest) != 0 && !s.error) {
		s.error = errno ? errno : EIO;
		s.failed = rk_buf_detach(&path);
	}
	for (size_t i = 0; i < s.n_seen; i++)
		free(s.seen_keys[i]);
	free(s.seen_keys);
	rk_map_release(&s.seen);
	rk_buf_release(&s.scratch);
	rk_buf_release(&s.c.path);
	rk_buf_release(&s.c.what);
	rk_buf_release(&s.c.slug);
	rk_buf_release(&s.c.where);
	sgen_release(&s.g);
	rk_buf_release(&path);
	if (s.error) {
		if (failed)
			*failed = s.failed;
		else
			free(s.failed);
		errno = s.error;
		return -1;
	}
	return (long)s.n;
}
