/*
 * gen_c_header.c: the header of a revision's C code, "r06.h": the
 * capacity of unbounded members, the record indexes, an enum and three
 * look-ups per code table, and per record its structs (groups first) and
 * its functions, all commented with the official labels.
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

static void preamble(struct rk_gc *g, struct rk_buf *b)
{
	rk_gc_banner(g, b, "h",
		     " * a struct per record and group, an enum per code table, and per\n"
		     " * record the functions that read, check and write it with the\n"
		     " * runtime library (<renkei/payload.h>, librenkei).\n");
	rk_buf_addf(b, "#ifndef %s_H\n#define %s_H\n\n", g->upper, g->upper);
	rk_buf_adds(b, "#include <stdbool.h>\n#include <stddef.h>\n"
		    "#include <stdio.h>\n\n#include <renkei/payload.h>\n\n");
	rk_buf_addf(b,
		    "/*\n"
		    " * How many occurrences a member holds whose maximum is * (or above\n"
		    " * %u): its array has this many elements, and a reader that meets\n"
		    " * more reports an error.  `renkei compile --capacity N` sets it; the\n"
		    " * tables of %s.c are built with it, so change it by generating the\n"
		    " * code again, not here.\n"
		    " */\n"
		    "#define %s_CAPACITY %zu\n\n",
		    RK_GEN_C_MAX_CAPACITY, g->lower, g->upper, g->capacity);
	rk_buf_addf(b,
		    "/*\n"
		    " * The layout's tables, for the functions of <renkei/payload.h>:\n"
		    " * rk_read with a struct per kind of record\n"
		    " * (storage[%s_RECORD_...]), rk_check_record, the writers.\n"
		    " */\n"
		    "extern const struct rk_layout %s_layout;\n",
		    g->upper, g->lower);
}

static void record_enum(struct rk_gc *g, struct rk_buf *b)
{
	struct rk_buf lines;

	if (!g->n_records) {
		rk_buf_addf(b, "\n/* The revision has no records. */\n"
			    "#define %s_N_RECORDS 0\n", g->upper);
		return;
	}
	rk_buf_init(&lines);
	rk_buf_addf(b, "\n/* The records, in layout order: %s_layout.records[%s_RECORD_...]. */\n"
		    "enum %s_record {\n", g->lower, g->upper, g->lower);
	for (size_t i = 0; i < g->n_records; i++) {
		rk_buf_addf(&lines, "\t%s,\t/* ", g->records[i]->index);
		rk_gc_comment_text(&lines, g->records[i]->record->label);
		rk_buf_adds(&lines, " */\n");
	}
	rk_gc_align(b, lines.s);
	rk_buf_release(&lines);
	rk_buf_addf(b, "};\n#define %s_N_RECORDS %zu\n", g->upper, g->n_records);
	rk_buf_addf(b,
		    "\n/*\n"
		    " * The records again, for code written once for all of them: X(struct\n"
		    " * tag, index) for each, so that X can paste the tag into the names of\n"
		    " * the record's functions (tag##_validate, tag##_read_xml...).\n"
		    " */\n"
		    "#define %s_RECORDS(X) \\\n", g->upper);
	/* The backslashes line up one tab stop past the longest line. */
	size_t widest = 0;
	for (size_t i = 0; i < g->n_records; i++) {
		size_t w = 8 + strlen(g->records[i]->stem) +
			   strlen(g->records[i]->index) + 5;
		if (w > widest)
			widest = w;
	}
	size_t column = (widest / 8 + 1) * 8;
	rk_buf_init(&lines);
	for (size_t i = 0; i < g->n_records; i++) {
		const struct rk_gc_struct *r = g->records[i];
		size_t w = 8 + strlen(r->stem) + strlen(r->index) + 5;
		rk_buf_addf(&lines, "\tX(%s, %s)", r->stem, r->index);
		if (i + 1 == g->n_records) {
			rk_buf_addc(&lines, '\n');
			break;
		}
		for (; w < column; w = (w / 8 + 1) * 8)
			rk_buf_addc(&lines, '\t');
		rk_buf_adds(&lines, "\\\n");
	}
	rk_buf_adds(b, lines.s);
	rk_buf_release(&lines);
}

static void table(struct rk_buf *b, const struct rk_gc_table *t)
{
	const struct rk_codes *c = t->codes;
	const struct rk_code_value *first = &c->values[0];
	struct rk_buf lines;

	rk_buf_init(&lines);
	if (c->label) {
		rk_gc_comment_text(&lines, c->label);
		rk_buf_addf(&lines, " (%s)", c->name.text);
	} else {
		rk_buf_adds(&lines, c->name.text);
	}
	rk_buf_adds(b, "\n");
	rk_gc_comment(b, 0, lines.s);
	rk_buf_addf(b, "enum %s {\n", t->stem);
	rk_buf_release(&lines);
	rk_buf_init(&lines);
	rk_buf_addf(&lines, "\t%s = 0,\t/* not a value of the table */\n",
		    t->constants[0]);
	for (size_t i = 0; i < c->n_values; i++) {
		const struct rk_code_value *v = &c->values[i];
		rk_buf_addf(&lines, "\t%s = %zu,\t/* \"", t->constants[i + 1], i + 1);
		rk_gc_comment_text(&lines, v->value);
		rk_buf_adds(&lines, "\"");
		if (v->label) {
			rk_buf_addc(&lines, ' ');
			rk_gc_comment_text(&lines, v->label);
		}
		rk_buf_adds(&lines, v->attrs.deprecated ? " (deprecated) */\n" : " */\n");
	}
	rk_gc_align(b, lines.s);
	rk_buf_release(&lines);
	rk_buf_adds(b, "};\n\n");

	struct rk_buf text;
	rk_buf_init(&text);
	rk_buf_addf(&text, "The constant of a value (\"");
	rk_gc_comment_text(&text, first->value);
	rk_buf_addf(&text, "\" gives %s), or %s when it is none (or NULL); the value "
		    "and the official label of a constant, or NULL when it is none "
		    "(or the value has no label).", t->constants[1], t->constants[0]);
	rk_gc_comment(b, 0, text.s);
	rk_buf_release(&text);
	rk_buf_addf(b, "enum %s %s_from_value(const char *value);\n", t->stem, t->stem);
	rk_buf_addf(b, "const char *%s_value(enum %s c);\n", t->stem, t->stem);
	rk_buf_addf(b, "const char *%s_label(enum %s c);\n", t->stem, t->stem);
}

/* "被保険者番号: hihokensha_no (digits(10)), required" */
static void member_comment(struct rk_buf *b, const struct rk_gc_member *m)
{
	const struct rk_node *n = m->node;

	if (n->label) {
		rk_gc_comment_text(b, n->label);
		rk_buf_adds(b, ": ");
	}
	if (m->type && n->type->alias)
		rk_buf_addf(b, "%s (%s), ", n->type->alias->name.text,
			    m->type->syntax);
	else if (m->type)
		rk_buf_addf(b, "%s, ", m->type->syntax);
	rk_gc_occurs(b, n);
	if (n->attrs.deprecated)
		rk_buf_adds(b, ", deprecated");
}

static void member(struct rk_gc *g, struct rk_buf *b, const struct rk_gc_member *m)
{
	const char *kind = m->node->kind == RK_GROUP ? "group" : "item";

	if (m->count && m->group && m->node->max == 1)
		rk_buf_addf(b, "\tbool %s;\t/* whether the %s %s is present */\n",
			    m->count, kind, m->name);
	if (m->group)
		rk_buf_addf(b, "\tstruct %s %s", m->group->stem, m->name);
	else
		rk_buf_addf(b, "\tchar %s", m->name);
	if (m->many)
		rk_buf_addf(b, "[%s_CAPACITY]", g->upper);
	else if (m->node->max > 1)
		rk_buf_addf(b, "[%zu]", m->capacity);
	if (!m->group)
		rk_buf_addf(b, "[%zu]", m->size);
	rk_buf_adds(b, ";\t/* ");
	member_comment(b, m);
	rk_buf_adds(b, " */\n");
	if (m->node->max > 1)
		rk_buf_addf(b, "\tsize_t %s;\t/* how many of %s are present */\n",
			    m->count, m->name);
}

static void structure(struct rk_gc *g, struct rk_buf *b, const struct rk_gc_struct *s)
{
	struct rk_buf lines;

	for (size_t i = 0; i < s->n_members; i++)
		if (s->members[i].group)
			structure(g, b, s->members[i].group);
	rk_buf_init(&lines);
	rk_buf_addf(&lines, "%s: ", s->path);
	rk_gc_comment_text(&lines, s->node ? s->node->label : s->record->label);
	if (!s->node && s->record->id)
		rk_buf_addf(&lines, " (%s)", s->record->id);
	rk_buf_adds(b, "\n");
	rk_gc_comment(b, 0, lines.s);
	rk_buf_release(&lines);
	rk_buf_init(&lines);
	rk_buf_addf(b, "struct %s {\n", s->stem);
	for (size_t i = 0; i < s->n_members; i++)
		member(g, &lines, &s->members[i]);
	rk_gc_align(b, lines.s);
	rk_buf_release(&lines);
	rk_buf_adds(b, "};\n");
}

/* A prototype: HEAD(PARAMS...); with two parameters at most. */
static void prototype(struct rk_buf *b, const struct rk_gc_struct *s,
		      const char *ret, const char *name, const char *p1,
		      const char *p2)
{
	char *head = rk_gc_format("%s%s_%s", ret, s->stem, name);
	const char *params[] = { p1, p2 };

	rk_gc_call(b, 0, head, params, p2 ? 2 : 1, ";");
	free(head);
}

static void functions(struct rk_buf *b, const struct rk_gc_struct *s)
{
	const char *name = s->record->name.text;
	char *rec = rk_gc_format("struct %s *r", s->stem);
	char *crec = rk_gc_format("const struct %s *r", s->stem);
	char *record = rk_gc_format("struct %s *record", s->stem);
	char *each = rk_gc_format("%s_fn *each", s->stem);
	char *head;

	char *text;

	rk_buf_adds(b, "\n");
	rk_gc_comment(b, 0, "Empties R: every item absent, every count 0.");
	prototype(b, s, "void ", "init", rec, NULL);
	rk_gc_comment(b, 0, "Checks R as `renkei validate` checks a record (every "
		      "value, every minimum occurrence), reporting each error to "
		      "ERRS; returns their number.");
	prototype(b, s, "size_t ", "validate", crec, "struct rk_errors *errs");

	text = rk_gc_format("What the readers hand each %s to, with its 1-based "
			    "index in the payload; a nonzero return stops the "
			    "reading.", name);
	rk_gc_comment(b, 0, text);
	free(text);
	head = rk_gc_format("typedef int %s_fn", s->stem);
	rk_gc_call(b, 0, head, (const char *[]){ "void *data", record, "size_t index" },
		   3, ";");
	free(head);

	text = rk_gc_format("Read a payload from IN, XML or else YAML (or JSON), "
			    "handing each %s to EACH.  Every record is checked as "
			    "it is read, as `renkei validate` checks it (structure, "
			    "values, minimum occurrences), each error reported to "
			    "ERRS with its line and column; records of other kinds "
			    "are checked and skipped.  Return 0, 1 when errors were "
			    "reported, or -1 when IN could not be read, memory ran "
			    "out or EACH stopped the reading (see rk_read).", name);
	rk_gc_comment(b, 0, text);
	free(text);
	const char *read[] = { "FILE *in", each, "void *data", "struct rk_errors *errs" };
	for (int yaml = 0; yaml <= 1; yaml++) {
		head = rk_gc_format("int %s_read_%s", s->stem, yaml ? "yaml" : "xml");
		rk_gc_call(b, 0, head, read, 4, ";");
		free(head);
	}

	rk_gc_comment(b, 0, "Write R as the next record of the document W (values as "
		      "they are); return 0, or -1 on a write error.");
	prototype(b, s, "int ", "write_xml", "struct rk_xml_writer *w", crec);
	prototype(b, s, "int ", "write_yaml", "struct rk_yaml_writer *w", crec);
	free(rec);
	free(crec);
	free(record);
	free(each);
}

void rk_gc_header(struct rk_gc *g, struct rk_buf *b)
{
	preamble(g, b);
	record_enum(g, b);
	if (g->n_tables)
		section(b, "Code tables");
	for (size_t i = 0; i < g->n_tables; i++)
		table(b, &g->tables[i]);
	if (g->n_records)
		section(b, "Records");
	for (size_t i = 0; i < g->n_records; i++) {
		structure(g, b, g->records[i]);
		functions(b, g->records[i]);
	}
	rk_buf_addf(b, "\n#endif /* %s_H */\n", g->upper);
}
