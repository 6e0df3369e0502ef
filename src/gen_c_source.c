/*
 * gen_c_source.c: the source of a revision's C code, "r06.c": the code
 * tables and their look-ups, the item types, the node tables of every
 * record and group (what the runtime library walks to read, check and
 * write the structs), the revision's struct rk_layout, and the functions
 * of each record, thin wrappers around <renkei/payload.h>.
 *
 * Tables come before what points at them: the groups' nodes before their
 * parents', all of them before the records.
 */
#include <stdlib.h>
#include <string.h>

#include "gen_c_internal.h"

static void section(struct rk_buf *b, const char *title)
{
	size_t n = strlen(title);

	rk_buf_addf(b, "\n/* --- %s ", title);
	for (size_t i = n + 8; i < 76; i++)
		rk_buf_addc(b, '-');
	rk_buf_adds(b, " */\n");
}

/* Appends the words W[0..n) separated by ", ", wrapped at 80 columns,
 * each line indented by a tab. */
static void wrapped(struct rk_buf *b, char **w, size_t n)
{
	size_t col = 8;

	rk_buf_addc(b, '\t');
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(w[i]) + 1;
		if (i > 0 && col + 1 + len > 80) {
			rk_buf_adds(b, "\n\t");
			col = 8;
		} else if (i > 0) {
			rk_buf_addc(b, ' ');
			col++;
		}
		rk_buf_adds(b, w[i]);
		rk_buf_addc(b, ',');
		col += len;
	}
	rk_buf_addc(b, '\n');
}

/* --- code tables ------------------------------------------------------------ */

static void table_arrays(struct rk_gc *g, struct rk_buf *b,
			 const struct rk_gc_table *t)
{
	const struct rk_codes *c = t->codes;
	char **words = rk_xcalloc(c->n_sorted, sizeof(*words));
	struct rk_buf lines;

	rk_buf_init(&lines);
	if (c->label) {
		rk_gc_comment_text(&lines, c->label);
		rk_buf_addf(&lines, " (%s)", c->name.text);
	} else {
		rk_buf_adds(&lines, c->name.text);
	}
	rk_buf_adds(&lines, ": the values in strcmp order, as the runtime searches them,");
	rk_buf_adds(b, "\n");
	rk_gc_comment(b, 0, lines.s);
	rk_buf_release(&lines);
	rk_buf_addf(b, "static const char *const %s_codes[] = {\n", t->stem);
	for (size_t i = 0; i < c->n_sorted; i++) {
		rk_gc_string(g, &lines, c->sorted[i]);
		words[i] = rk_buf_detach(&lines);
	}
	wrapped(b, words, c->n_sorted);
	for (size_t i = 0; i < c->n_sorted; i++)
		free(words[i]);
	free(words);

	rk_buf_addf(b, "};\n\n/* the constant of each, */\n"
		    "static const enum %s %s_of_code[] = {\n", t->stem, t->stem);
	for (size_t i = 0; i < c->n_sorted; i++) {
		rk_buf_addf(&lines, "\t%s,\t/* \"", t->constants[t->sorted_index[i] + 1]);
		rk_gc_comment_text(&lines, c->sorted[i]);
		rk_buf_adds(&lines, "\" */\n");
	}
	rk_gc_align(b, lines.s);
	rk_buf_release(&lines);

	rk_buf_addf(b, "};\n\n/* and the value and label of each constant. */\n"
		    "static const char *const %s_text[%zu][2] = {\n", t->stem,
		    c->n_values + 1);
	for (size_t i = 0; i < c->n_values; i++) {
		rk_buf_addf(b, "\t[%s] = { ", t->constants[i + 1]);
		rk_gc_string(g, b, c->values[i].value);
		rk_buf_adds(b, ", ");
		rk_gc_string_or_null(g, b, c->values[i].label);
		rk_buf_adds(b, " },\n");
	}
	rk_buf_adds(b, "};\n");
}

static void table_functions(struct rk_buf *b, const struct rk_gc_table *t)
{
	const char *stem = t->stem;

	rk_buf_addf(b, "\nenum %s %s_from_value(const char *value)\n{\n"
		    "\tint i = -1;\n\n"
		    "\tif (value)\n"
		    "\t\ti = rk_code_find(%s_codes, %zu, value, strlen(value));\n"
		    "\treturn i < 0 ? %s : %s_of_code[i];\n}\n",
		    stem, stem, stem, t->codes->n_sorted, t->constants[0], stem);
	for (int label = 0; label <= 1; label++)
		rk_buf_addf(b, "\nconst char *%s_%s(enum %s c)\n{\n"
			    "\treturn (size_t)c <= %zu ? %s_text[c][%d] : NULL;\n}\n",
			    stem, label ? "label" : "value", stem,
			    t->codes->n_values, stem, label);
}

/* --- item types ---------------------------------------------------------------- */

static void type(struct rk_gc *g, struct rk_buf *b, const struct rk_gc_type *t)
{
	const struct rk_value_type *v = t->value;
	char *kind = rk_gc_format("RK_%s", rk_kind_name(v->kind));
	struct rk_buf fields;

	for (char *p = kind; *p; p++)
		*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
	rk_buf_init(&fields);
	rk_buf_addf(&fields, ".kind = %s", kind);
	if (v->kind <= RK_STRING)
		rk_buf_addf(&fields, ", .min_len = %u, .max_len = %u",
			    (unsigned)v->min_len, (unsigned)v->max_len);
	if (v->kind == RK_NUMBER)
		rk_buf_addf(&fields, ", .precision = %u, .scale = %u%s",
			    (unsigned)v->precision, (unsigned)v->scale,
			    v->is_signed ? ", .is_signed = 1" : "");
	if (v->kind == RK_CODE) {
		rk_buf_addf(&fields, ",\n\t.codes = %s_codes, .n_codes = %zu,\n"
			    "\t.code_table = ", t->table->stem, v->n_codes);
		rk_gc_string(g, &fields, v->code_table);
	}
	rk_buf_addf(b, "\nstatic const struct rk_value_type %s = {\n\t%s,\n};\n",
		    t->name, fields.s);
	rk_buf_release(&fields);
	free(kind);
}

/* --- node tables ---------------------------------------------------------------- */

/* The indexes of S's members sorted by name, for by_name. */
static size_t *by_name(const struct rk_gc_struct *s)
{
	size_t *v = rk_xcalloc(s->n_members, sizeof(*v));

	/* insertion sort: stable, and tables are short */
	for (size_t i = 0; i < s->n_members; i++) {
		size_t j = i;
		while (j > 0 && strcmp(s->members[v[j - 1]].node->name.text,
				       s->members[i].node->name.text) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = i;
	}
	return v;
}

static void index_array(struct rk_buf *b, const char *name, const size_t *v,
			size_t n)
{
	char **words = rk_xcalloc(n, sizeof(*words));

	rk_buf_addf(b, "static const uint32_t %s[] = {\n", name);
	for (size_t i = 0; i < n; i++)
		words[i] = rk_gc_format("%zu", v[i]);
	wrapped(b, words, n);
	rk_buf_adds(b, "};\n");
	for (size_t i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/* ".children = ..., .n_children = ..., .by_name = ..., .slot = ..." */
static void children(struct rk_buf *b, const struct rk_gc_struct *s)
{
	rk_buf_addf(b, "\t\t.children = %s_nodes, .n_children = %zu,\n"
		    "\t\t.by_name = %s_by_name, .slot = %zu,\n",
		    s->stem, s->n_members, s->stem, s->slot);
}

static void node(struct rk_gc *g, struct rk_buf *b,
		 const struct rk_gc_struct *s, size_t i)
{
	const struct rk_gc_member *m = &s->members[i];
	const struct rk_node *n = m->node;
	const char *count = n->max > 1 ? "RK_COUNT_SIZE" :
			    m->group ? "RK_COUNT_FLAG" : "RK_COUNT_NONE";

	rk_buf_addf(b, "\t[%zu] = { .name = ", i);
	rk_gc_string(g, b, n->name.text);
	rk_buf_adds(b, ", .label = ");
	rk_gc_string_or_null(g, b, n->label);
	rk_buf_adds(b, ",\n\t\t");
	if (m->type)
		rk_buf_addf(b, ".type = &%s, ", m->type->name);
	rk_buf_adds(b, ".min = ");
	rk_gc_bound(b, n->min);
	rk_buf_adds(b, ", .max = ");
	rk_gc_bound(b, n->max);
	rk_buf_adds(b, ",\n");
	if (m->group)
		children(b, m->group);
	rk_buf_addf(b, "\t\t.store = { offsetof(struct %s, %s), ", s->stem, m->name);
	if (m->group)
		rk_buf_addf(b, "sizeof(struct %s), ", m->group->stem);
	else
		rk_buf_addf(b, "%zu, ", m->size);
	if (m->many)
		rk_buf_addf(b, "%s_CAPACITY,\n", g->upper);
	else
		rk_buf_addf(b, "%zu,\n", m->capacity);
	if (m->count)
		rk_buf_addf(b, "\t\t\t   offsetof(struct %s, %s), %s } },\n",
			    s->stem, m->count, count);
	else
		rk_buf_addf(b, "\t\t\t   0, %s } },\n", count);
}

static void nodes(struct rk_gc *g, struct rk_buf *b, const struct rk_gc_struct *s)
{
	for (size_t i = 0; i < s->n_members; i++)
		if (s->members[i].group)
			nodes(g, b, s->members[i].group);
	rk_buf_addf(b, "\n/* %s: ", s->path);
	rk_gc_comment_text(b, s->node ? s->node->label : s->record->label);
	rk_buf_addf(b, " */\nstatic const struct rk_layout_node %s_nodes[] = {\n",
		    s->stem);
	for (size_t i = 0; i < s->n_members; i++)
		node(g, b, s, i);
	rk_buf_adds(b, "};\n");

	size_t *order = by_name(s);
	char *name = rk_gc_format("%s_by_name", s->stem);
	index_array(b, name, order, s->n_members);
	free(name);
	free(order);
}

static void layout(struct rk_gc *g, struct rk_buf *b)
{
	size_t *order = rk_xcalloc(g->n_records, sizeof(*order));

	section(b, "The layout");
	if (g->n_records) {
		rk_buf_addf(b, "\n/* The records, in layout order. */\n"
			    "static const struct rk_layout_node %s_records[] = {\n",
			    g->lower);
		for (size_t i = 0; i < g->n_records; i++) {
			const struct rk_gc_struct *s = g->records[i];
			rk_buf_addf(b, "\t[%s] = { .name = ", s->index);
			rk_gc_string(g, b, s->record->name.text);
			rk_buf_adds(b, ",\n\t\t.label = ");
			rk_gc_string_or_null(g, b, s->record->label);
			rk_buf_adds(b, ", .min = 0, .max = RK_MANY,\n");
			children(b, s);
			rk_buf_addf(b, "\t\t.store = { 0, sizeof(struct %s), 1,\n"
				    "\t\t\t   0, RK_COUNT_NONE } },\n", s->stem);
		}
		rk_buf_adds(b, "};\n");
		/* records sorted by name */
		for (size_t i = 0; i < g->n_records; i++) {
			size_t j = i;
			while (j > 0 && strcmp(g->records[order[j - 1]]->record->name.text,
					       g->records[i]->record->name.text) > 0) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = i;
		}
		char *name = rk_gc_format("%s_records_by_name", g->lower);
		index_array(b, name, order, g->n_records);
		free(name);
	}
	free(order);
	rk_buf_addf(b, "\nconst struct rk_layout %s_layout = {\n\t.revision = ", g->lower);
	rk_gc_string(g, b, g->revision);
	if (g->n_records)
		rk_buf_addf(b, ",\n\t.records = %s_records,\n\t.n_records = %zu,\n"
			    "\t.by_name = %s_records_by_name", g->lower,
			    g->n_records, g->lower);
	rk_buf_addf(b, ",\n\t.n_slots = %zu,\n\t.text_max = %zu,\n};\n",
		    g->n_slots, g->text_max);
}

/* --- record functions ----------------------------------------------------------- */

/* The head of a function definition, wrapped, and its opening brace. */
static void definition(struct rk_buf *b, const char *head,
		       const char *const *params, size_t n)
{
	rk_gc_call(b, 0, head, params, n, "");
	rk_buf_adds(b, "{\n");
}

static void reader(struct rk_gc *g, struct rk_buf *b)
{
	const char *l = g->lower;
	char *head = rk_gc_format("static int %s_read", l);
	char *record = rk_gc_format("enum %s_record record", l);
	char *cb = rk_gc_format("struct %s_callback *cb", l);
	const char *params[] = {
		"FILE *in", "enum rk_format format", record, "size_t size",
		"rk_record_fn *call", cb, "struct rk_errors *errs"
	};

	rk_buf_addf(b,
		    "\n/*\n"
		    " * What a trampoline below needs: the typed callback as a generic\n"
		    " * function pointer (converted back before the call: calling a function\n"
		    " * through a pointer of another type is undefined), and its data.\n"
		    " */\n"
		    "struct %s_callback {\n"
		    "\tvoid (*fn)(void);\n"
		    "\tvoid *data;\n"
		    "};\n\n", l);
	rk_gc_comment(b, 0, "Reads IN in FORMAT into one struct of SIZE bytes for "
		      "the records of kind RECORD, checking every record as "
		      "`renkei validate` does (the others are checked and "
		      "skipped), handing each to CALL with CB: one allocation per "
		      "call, none per record.  -1 as well when the struct cannot "
		      "be allocated.");
	definition(b, head, params, 7);
	rk_buf_addf(b,
		    "\tvoid *storage[%s_N_RECORDS] = { 0 };\n"
		    "\tstruct rk_read_options opts = {\n"
		    "\t\t.format = format, .layout = &%s_layout, .storage = storage,\n"
		    "\t\t.check_values = true, .each = call, .each_data = cb,\n"
		    "\t};\n"
		    "\tint status;\n"
		    "\n"
		    "\tstorage[record] = malloc(size);\n"
		    "\tif (!storage[record])\n"
		    "\t\treturn -1;\n"
		    "\tstatus = rk_read(in, &opts, errs, NULL);\n"
		    "\tfree(storage[record]);\n"
		    "\treturn status;\n"
		    "}\n", g->upper, l);
	free(head);
	free(record);
	free(cb);
}

static void trampoline(struct rk_gc *g, struct rk_buf *b,
		       const struct rk_gc_struct *s)
{
	char *head = rk_gc_format("static int %s_call", s->stem);
	const char *params[] = {
		"void *data", "const struct rk_layout_node *record", "void *value",
		"size_t index"
	};

	rk_buf_adds(b, "\n");
	definition(b, head, params, 4);
	rk_buf_addf(b, "\tconst struct %s_callback *cb = data;\n"
		    "\t%s_fn *each = (%s_fn *)cb->fn;\n"
		    "\n"
		    "\t(void)record;\n"
		    "\treturn value && each ? each(cb->data, value, index) : 0;\n"
		    "}\n", g->lower, s->stem, s->stem);
	free(head);
}

static void read_function(struct rk_gc *g, struct rk_buf *b,
			  const struct rk_gc_struct *s, bool yaml)
{
	char *head = rk_gc_format("int %s_read_%s", s->stem, yaml ? "yaml" : "xml");
	char *each = rk_gc_format("%s_fn *each", s->stem);
	const char *params[] = {
		"FILE *in", each, "void *data", "struct rk_errors *errs"
	};
	char *read = rk_gc_format("return %s_read", g->lower);
	char *size = rk_gc_format("sizeof(struct %s)", s->stem);
	char *call = rk_gc_format("%s_call", s->stem);
	const char *args[] = {
		"in", yaml ? "RK_FORMAT_YAML" : "RK_FORMAT_XML", s->index, size,
		call, "&cb", "errs"
	};

	rk_buf_adds(b, "\n");
	definition(b, head, params, 4);
	rk_buf_addf(b, "\tstruct %s_callback cb = { (void (*)(void))each, data };\n\n",
		    g->lower);
	rk_gc_call(b, 1, read, args, 7, ";");
	rk_buf_adds(b, "}\n");
	free(head);
	free(each);
	free(read);
	free(size);
	free(call);
}

static void record_functions(struct rk_gc *g, struct rk_buf *b,
			     const struct rk_gc_struct *s)
{
	char *init = rk_gc_format("void %s_init", s->stem);
	char *rec = rk_gc_format("struct %s *r", s->stem);

	rk_buf_addf(b, "\n/* %s */\n\n", s->path);
	definition(b, init, (const char *[]){ rec }, 1);
	rk_buf_adds(b, "\tmemset(r, 0, sizeof(*r));\n}\n");
	free(init);
	free(rec);
	char *head = rk_gc_format("size_t %s_validate", s->stem);
	char *crec = rk_gc_format("const struct %s *r", s->stem);
	char *node = rk_gc_format("&%s_records[%s]", g->lower, s->index);
	rk_buf_adds(b, "\n");
	definition(b, head, (const char *[]){ crec, "struct rk_errors *errs" }, 2);
	rk_gc_call(b, 1, "return rk_check_record",
		   (const char *[]){ node, "r", "0", "errs" }, 4, ";");
	rk_buf_adds(b, "}\n");
	free(head);
	trampoline(g, b, s);
	read_function(g, b, s, false);
	read_function(g, b, s, true);
	for (int yaml = 0; yaml <= 1; yaml++) {
		head = rk_gc_format("int %s_write_%s", s->stem, yaml ? "yaml" : "xml");
		char *w = rk_gc_format("struct rk_%s_writer *w", yaml ? "yaml" : "xml");
		char *call = rk_gc_format("return rk_%s_write_record",
					  yaml ? "yaml" : "xml");
		rk_buf_adds(b, "\n");
		definition(b, head, (const char *[]){ w, crec }, 2);
		rk_gc_call(b, 1, call, (const char *[]){ "w", node, "r" }, 3, ";");
		rk_buf_adds(b, "}\n");
		free(head);
		free(w);
		free(call);
	}
	free(crec);
	free(node);
}

void rk_gc_source(struct rk_gc *g, struct rk_buf *b)
{
	struct rk_buf body;

	rk_buf_init(&body);
	if (g->n_tables)
		section(&body, "Code tables");
	for (size_t i = 0; i < g->n_tables; i++) {
		table_arrays(g, &body, &g->tables[i]);
		table_functions(&body, &g->tables[i]);
	}
	if (g->n_types)
		section(&body, "Item types");
	for (size_t i = 0; i < g->n_types; i++)
		type(g, &body, g->types[i]);
	if (g->n_records)
		section(&body, "Records and groups");
	for (size_t i = 0; i < g->n_records; i++)
		nodes(g, &body, g->records[i]);
	layout(g, &body);
	if (g->n_records) {
		section(&body, "Record functions");
		reader(g, &body);
	}
	for (size_t i = 0; i < g->n_records; i++)
		record_functions(g, &body, g->records[i]);

	rk_gc_banner(g, b, "c",
		     " * the code tables, the tables of the layout that the runtime library\n"
		     " * (librenkei) reads, checks and writes records with, and the\n"
		     " * functions of the header.\n");
	rk_buf_addf(b, "#include \"%s.h\"\n\n#include <stdlib.h>\n#include <string.h>\n",
		    g->lower);
	if (g->strings.len) {
		section(b, "Strings too long for a literal");
		rk_buf_adds(b, "\n");
		rk_buf_add(b, g->strings.s, g->strings.len - 1);
	}
	rk_buf_add(b, body.s, body.len);
	rk_buf_release(&body);
}
