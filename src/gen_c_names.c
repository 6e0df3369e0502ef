/*
 * gen_c_names.c: the plan of the C code of a revision: its names, structs,
 * storage, item types and reader counters, fixed before anything is
 * printed.
 *
 * Every exported name carries the revision's prefix (`r06_`, `R06_`), so
 * that two revisions link into one program.  Names built from the layout
 * can still clash: a record `a_b` and a group `b` of a record `a` both
 * want `struct r06_a_b`, a member `n_tel` is also the count of `tel`, a
 * code value named `unknown` meets the constant for "not a value", an
 * item named `bool` meets a macro.  Each clash is settled the same way,
 * deterministically: the name that comes from the layout and meets one
 * taken before it (in layout order, the generator's own names first) gets
 * an underscore appended until it is free, and a warning says so.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <renkei/value.h>

#include "check.h"
#include "gen_c_internal.h"

static char *owned(struct rk_gc *g, char *s)
{
	RK_GROW(g->owned, g->n_owned, g->cap_owned);
	g->owned[g->n_owned++] = s;
	return s;
}

static char *upper_case(const char *s)
{
	char *u = rk_xstrdup(s);

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

static char *lower_case(const char *s)
{
	char *l = rk_xstrdup(s);

	for (char *p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

static char *append_underscore(char *s)
{
	size_t n = strlen(s);

	s = rk_xrealloc(s, n + 2);
	s[n] = '_';
	s[n + 1] = '\0';
	return s;
}

/* Claims the identifier KEY ("struct NAME" for a tag), free, for WHAT. */
static void claim(struct rk_gc *g, const char *key, const char *what)
{
	rk_map_put(&g->names, owned(g, rk_xstrdup(key)),
		   owned(g, rk_xstrdup(what)));
}

/*
 * A name an entity derives from its stem: the prefix, HEAD, the stem and
 * TAIL; in capitals (prefix and stem) when UPPER; a struct or enum tag
 * when TAG.
 */
struct form {
	const char *head, *tail;
	bool upper, tag;
};

static char *form_name(const struct rk_gc *g, const struct form *f,
		       const char *stem)
{
	char *s = f->upper ? upper_case(stem) : rk_xstrdup(stem);
	char *name = rk_gc_format("%s%s%s%s%s", f->tag ? "struct " : "",
				  f->upper ? g->upper : g->lower, f->head, s,
				  f->tail);
	free(s);
	return name;
}

/* The first of the names of STEM that is taken, or NULL; *OWNER gets
 * what holds it. */
static char *first_taken(struct rk_gc *g, const struct form *forms, size_t n,
			 const char *stem, const char **owner)
{
	for (size_t i = 0; i < n; i++) {
		char *name = form_name(g, &forms[i], stem);
		if ((*owner = rk_map_get(&g->names, name)))
			return name;
		free(name);
	}
	return NULL;
}

/*
 * Claims the names the entity WHAT (declared at LOC) derives from STEM
 * through FORMS; while one is taken, the stem gets an underscore appended.
 * Returns the stem used, owned by G.
 */
static const char *claim_entity(struct rk_gc *g, const char *stem,
				const struct form *forms, size_t n,
				const char *what, struct rk_loc loc)
{
	char *s = rk_xstrdup(stem), *clash = NULL;
	const char *owner, *first_owner = NULL;
	char *taken;

	while ((taken = first_taken(g, forms, n, s, &owner))) {
		if (!clash) {
			clash = taken;
			first_owner = owner;
		} else {
			free(taken);
		}
		s = append_underscore(s);
	}
	for (size_t i = 0; i < n; i++) {
		char *name = form_name(g, &forms[i], s);
		claim(g, name, what);
		free(name);
	}
	if (clash) {
		char *name = form_name(g, &forms[0], s);
		rk_diag_warning(g->diags, loc,
				"%s is '%s' in the generated C ('%s' is taken by %s)",
				what, name, clash, first_owner);
		free(name);
		free(clash);
	}
	return owned(g, s);
}

/*
 * Makes the N names WANTED unique among themselves and the names already
 * in TAKEN (which gets them all): those not marked YIELD keep their name,
 * first come first served; the others, and those that came too late, get
 * underscores appended until they are free, in order.  YIELD[i] ends up
 * true for every name that changed or was asked to.
 */
static void make_unique(struct rk_map *taken, char **wanted, bool *yield,
			size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!yield[i] && rk_map_put(taken, wanted[i], wanted[i]))
			yield[i] = true;
	for (size_t i = 0; i < n; i++) {
		if (!yield[i])
			continue;
		while (rk_map_get(taken, wanted[i]))
			wanted[i] = append_underscore(wanted[i]);
		rk_map_put(taken, wanted[i], wanted[i]);
	}
}

/* --- the revision's prefix ------------------------------------------------- */

static int plan_prefix(struct rk_gc *g)
{
	const struct rk_header *h = g->rev->header;
	const char *name = h->name.text;
	bool ok = isalpha((unsigned char)name[0]);

	for (const char *p = name; *p && ok; p++)
		ok = isalnum((unsigned char)*p) || *p == '_';
	if (!ok) {
		rk_diag_error(g->diags, h->name.loc,
			      "revision name '%s' cannot prefix C names (it must "
			      "begin with a letter: C reserves names that begin "
			      "with '_')", name);
		return -1;
	}
	g->revision = name;
	g->lower = owned(g, lower_case(name));
	g->upper = owned(g, upper_case(name));

	/* The generator's own names come first. */
	char *fixed[] = {
		rk_gc_format("%s_layout", g->lower),
		rk_gc_format("%s_records", g->lower),
		rk_gc_format("%s_records_by_name", g->lower),
		rk_gc_format("%s_read", g->lower),
		rk_gc_format("struct %s_callback", g->lower),
		rk_gc_format("struct %s_record", g->lower),   /* enum r06_record */
		rk_gc_format("%s_H", g->upper),
		rk_gc_format("%s_CAPACITY", g->upper),
		rk_gc_format("%s_N_RECORDS", g->upper),
	};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		claim(g, fixed[i], "the generated code");
		free(fixed[i]);
	}
	return 0;
}

/* --- code tables -------------------------------------------------------------- */

static bool identifier_chars(const char *s)
{
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

/*
 * The constant of a value that cannot name itself ("a-b", "要"): its
 * letters, digits and '_' in capitals, each run of other bytes in hex
 * between underscores: "A_2D_B", "E8A681".
 */
static char *value_in_hex(const char *s)
{
	struct rk_buf b;
	bool in_run = false;

	rk_buf_init(&b);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool plain = isalnum(c) || c == '_';
		if (plain && in_run && b.len)
			rk_buf_addc(&b, '_');
		else if (!plain && !in_run && b.len)
			rk_buf_addc(&b, '_');
		if (plain)
			rk_buf_addc(&b, (char)toupper(c));
		else
			rk_buf_addf(&b, "%02X", c);
		in_run = !plain;
	}
	return rk_buf_detach(&b);
}

static void warn_constant(struct rk_gc *g, const struct rk_codes *c,
			  const struct rk_code_value *v, const char *name)
{
	char *own = upper_case(v->symbol.text ? v->symbol.text : v->value);

	rk_diag_warning(g->diags, v->symbol.text ? v->symbol.loc : v->loc,
			"code value \"%s\" of table '%s' gets the C constant "
			"suffix %s (%s)", v->value, c->name.text, name,
			strcmp(own, "UNKNOWN") == 0 ?
			"UNKNOWN stands for no value of the table" :
			"its own is taken");
	free(own);
}

/* The tails of the constants: "UNKNOWN", then one per value. */
static char **constant_suffixes(struct rk_gc *g, const struct rk_codes *c)
{
	size_t n = c->n_values + 1;
	char **names = rk_xcalloc(n, sizeof(*names));
	bool *yield = rk_xcalloc(n, sizeof(*yield));
	bool *hex = rk_xcalloc(n, sizeof(*hex));
	struct rk_map taken;

	names[0] = rk_xstrdup("UNKNOWN");
	for (size_t i = 0; i < c->n_values; i++) {
		const struct rk_code_value *v = &c->values[i];
		if (v->symbol.text)
			names[i + 1] = upper_case(v->symbol.text);
		else if (identifier_chars(v->value))
			names[i + 1] = upper_case(v->value);
		else
			names[i + 1] = value_in_hex(v->value);
		/* A made-up name yields to the names the layout gives. */
		yield[i + 1] = hex[i + 1] = !v->symbol.text &&
					    !identifier_chars(v->value);
	}
	rk_map_init(&taken);
	make_unique(&taken, names, yield, n);
	rk_map_release(&taken);
	for (size_t i = 1; i < n; i++)
		if (yield[i] && !hex[i])
			warn_constant(g, c, &c->values[i - 1], names[i]);
	free(yield);
	free(hex);
	return names;
}

static void plan_table(struct rk_gc *g, struct rk_gc_table *t,
		       const struct rk_codes *c)
{
	static const struct form fixed[] = {
		{ "_", "", false, true },
		{ "_", "_from_value", false, false },
		{ "_", "_value", false, false },
		{ "_", "_label", false, false },
		{ "_", "_codes", false, false },
		{ "_", "_of_code", false, false },
		{ "_", "_text", false, false },
	};
	const size_t n_fixed = sizeof(fixed) / sizeof(fixed[0]);
	size_t n = c->n_values + 1;
	char **suffix = constant_suffixes(g, c);
	struct form *forms = rk_xcalloc(n_fixed + n, sizeof(*forms));
	char *what = owned(g, rk_gc_format("code table '%s'", c->name.text));

	memcpy(forms, fixed, sizeof(fixed));
	for (size_t i = 0; i < n; i++) {
		forms[n_fixed + i].head = "_";
		forms[n_fixed + i].tail = owned(g, rk_gc_format("_%s", suffix[i]));
		forms[n_fixed + i].upper = true;
	}
	const char *stem = claim_entity(g, c->name.text, forms, n_fixed + n,
					what, c->name.loc);
	t->codes = c;
	t->stem = owned(g, rk_gc_format("%s_%s", g->lower, stem));
	t->constants = rk_xcalloc(n, sizeof(*t->constants));
	for (size_t i = 0; i < n; i++)
		t->constants[i] = owned(g, form_name(g, &forms[n_fixed + i], stem));
	t->sorted_index = rk_xcalloc(c->n_sorted, sizeof(*t->sorted_index));
	for (size_t i = 0; i < c->n_sorted; i++)
		t->sorted_index[i] = (size_t)(rk_codes_find_value(c, c->sorted[i]) -
					      c->values);
	for (size_t i = 0; i < n; i++)
		free(suffix[i]);
	free(suffix);
	free(forms);
}

/* --- item types ---------------------------------------------------------------- */

static struct rk_gc_table *table_of(struct rk_gc *g, const char *name)
{
	for (size_t i = 0; i < g->n_tables; i++)
		if (strcmp(g->tables[i].codes->name.text, name) == 0)
			return &g->tables[i];
	return NULL;
}

/* The type of V, added the first time it is met; types are told apart
 * by their syntax, which says all of a type. */
static struct rk_gc_type *type_of(struct rk_gc *g, const struct rk_value_type *v)
{
	size_t len = rk_value_type_syntax(v, NULL, 0);
	char *syntax = rk_xmalloc(len + 1);

	rk_value_type_syntax(v, syntax, len + 1);
	for (size_t i = 0; i < g->n_types; i++) {
		if (strcmp(g->types[i]->syntax, syntax) == 0) {
			free(syntax);
			return g->types[i];
		}
	}
	struct rk_gc_type *t = rk_xcalloc(1, sizeof(*t));
	t->syntax = owned(g, syntax);
	t->value = v;
	if (v->kind == RK_CODE)
		t->table = table_of(g, v->code_table);
	RK_GROW(g->types, g->n_types, g->cap_types);
	g->types[g->n_types++] = t;
	return t;
}

/* "digits(10)" -> "type_digits_10", "number(7,2) signed" ->
 * "type_number_7_2_signed" */
static char *type_stem(const char *syntax)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_adds(&b, "type_");
	for (const char *p = syntax; *p; p++) {
		if (isalnum((unsigned char)*p) || *p == '_')
			rk_buf_addc(&b, *p);
		else if (b.s[b.len - 1] != '_')
			rk_buf_addc(&b, '_');
	}
	while (b.s[b.len - 1] == '_')
		b.s[--b.len] = '\0';
	return rk_buf_detach(&b);
}

/* Types in the order of the language reference's kinds, then of their
 * arguments. */
static int compare_types(const void *a, const void *b)
{
	const struct rk_value_type *x = (*(struct rk_gc_type *const *)a)->value;
	const struct rk_value_type *y = (*(struct rk_gc_type *const *)b)->value;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->min_len != y->min_len)
		return x->min_len < y->min_len ? -1 : 1;
	if (x->max_len != y->max_len)
		return x->max_len < y->max_len ? -1 : 1;
	if (x->precision != y->precision)
		return x->precision < y->precision ? -1 : 1;
	if (x->scale != y->scale)
		return x->scale < y->scale ? -1 : 1;
	if (x->is_signed != y->is_signed)
		return x->is_signed ? 1 : -1;
	if (x->code_table && y->code_table)
		return strcmp(x->code_table, y->code_table);
	return 0;
}

static void name_types(struct rk_gc *g)
{
	static const struct form form = { "_", "", false, false };

	qsort(g->types, g->n_types, sizeof(*g->types), compare_types);
	for (size_t i = 0; i < g->n_types; i++) {
		struct rk_gc_type *t = g->types[i];
		char *stem = type_stem(t->syntax);
		char *what = rk_gc_format("the item type %s", t->syntax);
		struct rk_loc none = { NULL, 0, 0 };
		const char *s = claim_entity(g, stem, &form, 1, what, none);
		t->name = owned(g, rk_gc_format("%s_%s", g->lower, s));
		free(stem);
		free(what);
	}
}

/* --- structs and members ---------------------------------------------------- */

static bool in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return true;
	return false;
}

/* A limit macro of <stdint.h>: INT8_MAX, UINT_LEAST16_MAX, INTMAX_C... */
static bool stdint_macro(const char *s)
{
	static const char *const others[] = {
		"PTRDIFF_MIN", "PTRDIFF_MAX", "SIG_ATOMIC_MIN", "SIG_ATOMIC_MAX",
		"SIZE_MAX", "WCHAR_MIN", "WCHAR_MAX", "WINT_MIN", "WINT_MAX", NULL
	};
	static const char *const widths[] = {
		"8_", "16_", "32_", "64_", "PTR_", "MAX_", NULL
	};
	static const char *const ends[] = { "MIN", "MAX", "C", NULL };

	if (in_list(s, others))
		return true;
	if (s[0] == 'U')
		s++;
	if (strncmp(s, "INT", 3) != 0)
		return false;
	s += 3;
	if (strncmp(s, "_LEAST", 6) == 0)
		s += 6;
	else if (strncmp(s, "_FAST", 5) == 0)
		s += 5;
	for (const char *const *w = widths; *w; w++)
		if (strncmp(s, *w, strlen(*w)) == 0)
			return in_list(s + strlen(*w), ends);
	return false;
}

/*
 * Whether an item or group cannot be a member under its own name: a C
 * keyword, or a macro the generated header brings in (the standard ones of
 * <stdbool.h>, <stddef.h>, <stdio.h>, <stdint.h>, those GCC and Clang
 * predefine outside the strict ISO modes, renkei's RK_ and RENKEI_ ones,
 * the revision's own).
 */
static bool reserved_member(const struct rk_gc *g, const char *name)
{
	static const char *const macros[] = {
		"bool", "true", "false", "__bool_true_false_are_defined",
		"NULL", "offsetof",
		"EOF", "BUFSIZ", "FILENAME_MAX", "FOPEN_MAX", "L_tmpnam",
		"L_ctermid", "P_tmpdir", "SEEK_CUR", "SEEK_END", "SEEK_SET",
		"TMP_MAX", "stdin", "stdout", "stderr", "_IOFBF", "_IOLBF",
		"_IONBF",
		"linux", "unix", "i386",
		NULL
	};
	size_t n = strlen(g->upper);

	return rk_is_c_keyword(name) || in_list(name, macros) ||
	       stdint_macro(name) || strncmp(name, "RK_", 3) == 0 ||
	       strncmp(name, "RENKEI_", 7) == 0 ||
	       (strncmp(name, g->upper, n) == 0 && name[n] == '_');
}

static size_t capacity_of(const struct rk_gc *g, const struct rk_node *n,
			  bool *many)
{
	*many = n->max == RK_UNBOUNDED || n->max > RK_GEN_C_MAX_CAPACITY;
	return *many ? g->capacity : (size_t)n->max;
}

/* The C names of the members of S: see make_unique. */
static void name_members(struct rk_gc *g, struct rk_gc_struct *s)
{
	size_t n = s->n_members;
	char **names = rk_xcalloc(n, sizeof(*names));
	bool *yield = rk_xcalloc(n, sizeof(*yield));
	bool *reserved = rk_xcalloc(n, sizeof(*reserved));
	struct rk_map taken;

	rk_map_init(&taken);
	for (size_t i = 0; i < n; i++) {
		struct rk_gc_member *m = &s->members[i];
		const char *name = m->node->name.text;
		yield[i] = reserved[i] = reserved_member(g, name);
		names[i] = yield[i] ? rk_gc_format("%s_", name) : rk_xstrdup(name);
		if (m->node->max > 1)
			m->count = owned(g, rk_gc_format("n_%s", names[i]));
		else if (m->node->kind == RK_GROUP)
			m->count = owned(g, rk_gc_format("has_%s", names[i]));
		if (m->count)
			rk_map_put(&taken, m->count, m);
	}
	make_unique(&taken, names, yield, n);
	rk_map_release(&taken);
	for (size_t i = 0; i < n; i++) {
		const struct rk_node *node = s->members[i].node;
		s->members[i].name = owned(g, names[i]);
		if (yield[i])
			rk_diag_warning(g->diags, node->name.loc,
					"%s '%s' is the member '%s' in the generated C "
					"(%s)", node->kind == RK_GROUP ? "group" : "item",
					node->name.text, names[i], reserved[i] ?
					"its name is a C keyword or a macro" :
					"its name is taken by a count");
	}
	free(names);
	free(yield);
	free(reserved);
}

static struct rk_gc_struct *plan_struct(struct rk_gc *g, const char *stem,
					const char *path,
					const struct rk_record *r,
					const struct rk_node *group);

static void plan_member(struct rk_gc *g, struct rk_gc_member *m,
			const char *stem, const char *path,
			const struct rk_record *r)
{
	const struct rk_node *n = m->node;

	m->capacity = capacity_of(g, n, &m->many);
	if (n->kind == RK_GROUP) {
		char *sub_stem = rk_gc_format("%s_%s", stem, n->name.text);
		char *sub_path = rk_gc_format("%s/%s", path, n->name.text);
		m->group = plan_struct(g, sub_stem, sub_path, r, n);
		free(sub_stem);
		free(sub_path);
		return;
	}
	const struct rk_value_type *v = &n->type->value;
	m->type = type_of(g, v);
	m->size = rk_value_buffer_size(v);
	size_t kept = v->max_len ? (size_t)v->max_len * 4 + 8 : 4096;
	if (kept > g->text_max)
		g->text_max = kept;
}

/*
 * The struct of the record R, or of its group GROUP, with the bare STEM
 * ("kaigo_nintei_history") and PATH.  Names are claimed and counters
 * given in pre-order: the struct, then its groups in layout order.
 */
static struct rk_gc_struct *plan_struct(struct rk_gc *g, const char *stem,
					const char *path,
					const struct rk_record *r,
					const struct rk_node *group)
{
	static const struct form record_forms[] = {
		{ "_", "", false, true },
		{ "_", "_init", false, false },
		{ "_", "_validate", false, false },
		{ "_", "_fn", false, false },
		{ "_", "_read_xml", false, false },
		{ "_", "_read_yaml", false, false },
		{ "_", "_write_xml", false, false },
		{ "_", "_write_yaml", false, false },
		{ "_", "_call", false, false },
		{ "_", "_nodes", false, false },
		{ "_", "_by_name", false, false },
		{ "_RECORD_", "", true, false },
	};
	static const struct form group_forms[] = {
		{ "_", "", false, true },
		{ "_", "_nodes", false, false },
		{ "_", "_by_name", false, false },
	};
	struct rk_gc_struct *s = rk_xcalloc(1, sizeof(*s));
	struct rk_node *const *children = group ? group->children : r->children;
	char *what = rk_gc_format("%s '%s'", group ? "group" : "record", path);

	s->record = r;
	s->node = group;
	s->path = owned(g, rk_xstrdup(path));
	if (group) {
		stem = claim_entity(g, stem, group_forms, 3, what, group->name.loc);
	} else {
		stem = claim_entity(g, stem, record_forms, 12, what, r->name.loc);
		s->index = owned(g, form_name(g, &record_forms[11], stem));
	}
	free(what);
	s->stem = owned(g, rk_gc_format("%s_%s", g->lower, stem));
	s->n_members = group ? group->n_children : r->n_children;
	s->members = rk_xcalloc(s->n_members, sizeof(*s->members));
	s->slot = g->n_slots;
	g->n_slots += s->n_members;
	for (size_t i = 0; i < s->n_members; i++) {
		s->members[i].node = children[i];
		plan_member(g, &s->members[i], stem, path, r);
	}
	name_members(g, s);
	return s;
}

/* --- the plan ----------------------------------------------------------------- */

int rk_gc_plan(struct rk_gc *g)
{
	const struct rk_revision *rev = g->rev;

	rk_map_init(&g->names);
	rk_buf_init(&g->strings);
	if (plan_prefix(g) < 0)
		return -1;
	g->n_tables = rev->n_codes;
	g->tables = rk_xcalloc(rev->n_codes, sizeof(*g->tables));
	for (size_t i = 0; i < rev->n_codes; i++)
		plan_table(g, &g->tables[i], rev->codes[i]);
	g->n_records = rev->n_records;
	g->records = rk_xcalloc(rev->n_records, sizeof(*g->records));
	for (size_t i = 0; i < rev->n_records; i++)
		g->records[i] = plan_struct(g, rev->records[i]->name.text,
					    rev->records[i]->name.text,
					    rev->records[i], NULL);
	name_types(g);
	return 0;
}

static void free_struct(struct rk_gc_struct *s)
{
	for (size_t i = 0; i < s->n_members; i++)
		if (s->members[i].group)
			free_struct(s->members[i].group);
	free(s->members);
	free(s);
}

void rk_gc_release(struct rk_gc *g)
{
	for (size_t i = 0; i < g->n_tables; i++) {
		free(g->tables[i].constants);
		free(g->tables[i].sorted_index);
	}
	free(g->tables);
	for (size_t i = 0; i < g->n_records; i++)
		free_struct(g->records[i]);
	free(g->records);
	for (size_t i = 0; i < g->n_types; i++)
		free(g->types[i]);
	free(g->types);
	rk_map_release(&g->names);
	for (size_t i = 0; i < g->n_owned; i++)
		free(g->owned[i]);
	free(g->owned);
	rk_buf_release(&g->strings);
}
