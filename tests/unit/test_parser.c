/*
 * test_parser.c: CUnit suites for the grammar and its builders: every
 * declaration form builds the model it describes (names, labels,
 * attributes, occurrences, types, nesting, record statements, code values,
 * header fields, each with its location), attributes written twice are
 * reported, syntax errors are all reported and recovered from, groups
 * nest up to the limit and no further, and `rule` is refused for now.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "unit.h"
#include "util.h"

static int parse(struct ut *u, const char *text)
{
	ut_init(u);
	return ut_parse(u, "t.layout", text);
}

#define ASSERT_LOC(loc, l, c)                   \
	do {                                    \
		UT_ASSERT_INT((loc).line, (l)); \
		UT_ASSERT_INT((loc).col, (c));  \
	} while (0)

/* ---- the revision header ---- */

static void test_header(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "revision R06 {\n"
				  "  title    \"令和6年6月版\";\n"
				  "  released 2024-06-17;\n"
				  "  previous R05;\n"
				  "}\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_headers, 1);
	const struct rk_header *h = u.rev->headers[0];
	UT_ASSERT_STR(h->name.text, "R06");
	ASSERT_LOC(h->name.loc, 1, 10);
	CU_ASSERT_PTR_EQUAL(h->name.loc.src, u.rev->files[0]->src);
	UT_ASSERT_STR(h->title, "令和6年6月版");
	ASSERT_LOC(h->title_loc, 2, 12);
	CU_ASSERT(h->has_released);
	UT_ASSERT_INT(h->released.year, 2024);
	UT_ASSERT_INT(h->released.month, 6);
	UT_ASSERT_INT(h->released.day, 17);
	ASSERT_LOC(h->released_loc, 3, 12);
	UT_ASSERT_STR(h->previous.text, "R05");
	ASSERT_LOC(h->previous.loc, 4, 12);
	UT_ASSERT_INT(h->end_line, 5);
	/* The header is not "checked" until rk_check runs. */
	CU_ASSERT_PTR_NULL(u.rev->header);
	UT_ASSERT_STR(rk_revision_name(u.rev), "R06");
	ut_release(&u);

	/* Every field is optional to the parser, in any order. */
	CU_ASSERT_EQUAL(parse(&u, "revision R { previous Q; title \"t\"; }"), 0);
	h = u.rev->headers[0];
	CU_ASSERT(!h->has_released);
	UT_ASSERT_STR(h->title, "t");
	UT_ASSERT_STR(h->previous.text, "Q");
	ut_release(&u);
	CU_ASSERT_EQUAL(parse(&u, "revision R {}"), 0);
	h = u.rev->headers[0];
	CU_ASSERT_PTR_NULL(h->title);
	CU_ASSERT_PTR_NULL(h->previous.text);
	ut_release(&u);
}

static void test_header_duplicates(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "revision R {\n"
				  "  title \"a\"; released 2024-06-17; previous P;\n"
				  "  title \"b\"; released 2025-01-01; previous Q;\n"
				  "}\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "3:9: error: 'title' given twice\n"
		      "  2:9: note: first given here\n"
		      "3:23: error: 'released' given twice\n"
		      "  2:23: note: first given here\n"
		      "3:44: error: 'previous' given twice\n"
		      "  2:44: note: first given here\n");
	/* The first of each is kept. */
	const struct rk_header *h = u.rev->headers[0];
	UT_ASSERT_STR(h->title, "a");
	UT_ASSERT_INT(h->released.year, 2024);
	UT_ASSERT_STR(h->previous.text, "P");
	CU_ASSERT(!u.rev->files[0]->parsed);
	ut_release(&u);
}

/* ---- code tables ---- */

static void test_codes(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "codes care \"介護\" formerly old note \"n\" {\n"
				  "  \"01\" a \"A\";\n"
				  "  \"02\" \"B\" deprecated;\n"
				  "  \"03\" c note \"x\";\n"
				  "  \"04\";\n"
				  "}\n"
				  "codes bare { \"\"; }\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_codes, 2);
	const struct rk_codes *c = u.rev->codes[0];
	UT_ASSERT_STR(c->name.text, "care");
	ASSERT_LOC(c->name.loc, 1, 7);
	UT_ASSERT_STR(c->label, "介護");
	ASSERT_LOC(c->label_loc, 1, 12);
	UT_ASSERT_STR(c->attrs.formerly.text, "old");
	ASSERT_LOC(c->attrs.formerly.loc, 1, 26);
	UT_ASSERT_STR(c->attrs.note, "n");
	UT_ASSERT_INT(c->end_line, 6);
	CU_ASSERT_EQUAL_FATAL(c->n_values, 4);
	const struct rk_code_value *v = c->values;
	UT_ASSERT_STR(v[0].value, "01");
	ASSERT_LOC(v[0].loc, 2, 3);
	UT_ASSERT_STR(v[0].symbol.text, "a");
	ASSERT_LOC(v[0].symbol.loc, 2, 8);
	UT_ASSERT_STR(v[0].label, "A");
	ASSERT_LOC(v[0].label_loc, 2, 10);
	CU_ASSERT(!v[0].attrs.deprecated);
	UT_ASSERT_INT(v[0].end_line, 2);
	UT_ASSERT_STR(v[1].value, "02");
	CU_ASSERT_PTR_NULL(v[1].symbol.text);
	UT_ASSERT_STR(v[1].label, "B");
	CU_ASSERT(v[1].attrs.deprecated);
	ASSERT_LOC(v[1].attrs.deprecated_loc, 3, 12);
	UT_ASSERT_STR(v[2].symbol.text, "c");
	CU_ASSERT_PTR_NULL(v[2].label);
	UT_ASSERT_STR(v[2].attrs.note, "x");
	UT_ASSERT_STR(v[3].value, "04");
	CU_ASSERT_PTR_NULL(v[3].symbol.text);
	CU_ASSERT_PTR_NULL(v[3].label);
	/* Not sorted before the checker runs. */
	CU_ASSERT_PTR_NULL(c->sorted);

	c = u.rev->codes[1];
	UT_ASSERT_STR(c->name.text, "bare");
	CU_ASSERT_PTR_NULL(c->label);
	CU_ASSERT_EQUAL_FATAL(c->n_values, 1);
	UT_ASSERT_STR(c->values[0].value, "");
	ut_release(&u);
}

/* ---- named types and the forms of a type ---- */

static void test_types(void)
{
	static const struct {
		const char *text;
		int builtin;
		enum rk_kind kind;
		const char *name;
		int n_args, range;
		uint64_t a0, a1;
		int is_signed;
	} cases[] = {
		{ "type t = digits(10);", 1, RK_DIGITS, NULL, 1, 0, 10, 0, 0 },
		{ "type t = digits(4..8);", 1, RK_DIGITS, NULL, 2, 1, 4, 8, 0 },
		{ "type t = alnum(15);", 1, RK_ALNUM, NULL, 1, 0, 15, 0, 0 },
		{ "type t = ascii(1..13);", 1, RK_ASCII, NULL, 2, 1, 1, 13, 0 },
		{ "type t = text(100);", 1, RK_TEXT, NULL, 1, 0, 100, 0, 0 },
		{ "type t = kana(20);", 1, RK_KANA, NULL, 1, 0, 20, 0, 0 },
		{ "type t = hankana(40);", 1, RK_HANKANA, NULL, 1, 0, 40, 0, 0 },
		{ "type t = string(2..3);", 1, RK_STRING, NULL, 2, 1, 2, 3, 0 },
		{ "type t = number(9);", 1, RK_NUMBER, NULL, 1, 0, 9, 0, 0 },
		{ "type t = number(12,2);", 1, RK_NUMBER, NULL, 2, 0, 12, 2, 0 },
		{ "type t = number(5) signed;", 1, RK_NUMBER, NULL, 1, 0, 5, 0, 1 },
		{ "type t = number(7, 3) signed;", 1, RK_NUMBER, NULL, 2, 0, 7, 3, 1 },
		{ "type t = date;", 1, RK_DATE, NULL, 0, 0, 0, 0, 0 },
		{ "type t = date8;", 1, RK_DATE8, NULL, 0, 0, 0, 0, 0 },
		{ "type t = yearmonth;", 1, RK_YEARMONTH, NULL, 0, 0, 0, 0, 0 },
		{ "type t = wareki;", 1, RK_WAREKI, NULL, 0, 0, 0, 0, 0 },
		{ "type t = flag;", 1, RK_FLAG, NULL, 0, 0, 0, 0, 0 },
		{ "type t = code(care);", 1, RK_CODE, "care", 0, 0, 0, 0, 0 },
		{ "type t = mynumber;", 1, RK_MYNUMBER, NULL, 0, 0, 0, 0, 0 },
		{ "type t = lgcode;", 1, RK_LGCODE, NULL, 0, 0, 0, 0, 0 },
		{ "type t = insurer;", 1, RK_INSURER, NULL, 0, 0, 0, 0, 0 },
		{ "type t = other;", 0, RK_DIGITS, "other", 0, 0, 0, 0, 0 },
		/* The parser takes these; the checker refuses them. */
		{ "type t = other signed;", 0, RK_DIGITS, "other", 0, 0, 0, 0, 1 },
		{ "type t = date(3);", 1, RK_DATE, NULL, 1, 0, 3, 0, 0 },
		{ "type t = text(x);", 1, RK_TEXT, "x", 0, 0, 0, 0, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ut u;
		CU_ASSERT_EQUAL(parse(&u, cases[i].text), 0);
		UT_ASSERT_STR(ut_diags(&u), "");
		CU_ASSERT_EQUAL_FATAL(u.rev->n_types, 1);
		const struct rk_typedef *d = u.rev->types[0];
		const struct rk_typeref *t = d->type;
		UT_ASSERT_STR(d->name.text, "t");
		ASSERT_LOC(d->name.loc, 1, 6);
		UT_ASSERT_INT(d->end_line, 1);
		UT_ASSERT_INT(t->builtin, cases[i].builtin);
		if (cases[i].builtin)
			UT_ASSERT_INT(t->kind, cases[i].kind);
		if (cases[i].name)
			UT_ASSERT_STR(t->name.text, cases[i].name);
		else
			CU_ASSERT_PTR_NULL(t->name.text);
		UT_ASSERT_INT(t->n_args, cases[i].n_args);
		UT_ASSERT_INT(t->range, cases[i].range);
		if (t->n_args > 0)
			UT_ASSERT_INT(t->args[0], cases[i].a0);
		if (t->n_args > 1)
			UT_ASSERT_INT(t->args[1], cases[i].a1);
		UT_ASSERT_INT(t->is_signed, cases[i].is_signed);
		ASSERT_LOC(t->loc, 1, 10);
		CU_ASSERT(!t->resolved);
		ut_release(&u);
	}
}

static void test_type_locations(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "type a = number(12,2) signed;\n"
				  "type b = code( care );\n"),
			0);
	const struct rk_typeref *t = u.rev->types[0]->type;
	ASSERT_LOC(t->args_loc, 1, 17);
	ASSERT_LOC(t->signed_loc, 1, 23);
	t = u.rev->types[1]->type;
	ASSERT_LOC(t->name.loc, 2, 16);
	ut_release(&u);
}

/* ---- records, items, groups ---- */

static const char record_text[] =
	"record kaigo \"介護保険\" formerly kaigo_old deprecated note \"n\" {\n"
	"  id      \"TM00000000000034\";\n"
	"  dataset \"0201\";\n"
	"  basis   \"番号法 別表\";\n"
	"\n"
	"  a \"被保険者番号\" : hno required id \"KM00000000000101\" version 2;\n"
	"  b \"B\" : ascii(1..13) [0..3] note \"電話\";\n"
	"  c \"C\" : date [1..*] formerly c_old deprecated;\n"
	"  d : flag;\n"
	"  group h \"履歴\" [0..5] required id \"KM00000000000200\" version 1 {\n"
	"    x \"X\" : date required;\n"
	"    group g \"G\" {\n"
	"      y \"Y\" : code(care);\n"
	"    }\n"
	"  }\n"
	"  e \"E\" : text(10);\n"
	"}\n";

static void test_record(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, record_text), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_STR(r->name.text, "kaigo");
	ASSERT_LOC(r->name.loc, 1, 8);
	UT_ASSERT_STR(r->label, "介護保険");
	ASSERT_LOC(r->label_loc, 1, 14);
	UT_ASSERT_STR(r->attrs.formerly.text, "kaigo_old");
	CU_ASSERT(r->attrs.deprecated);
	UT_ASSERT_STR(r->attrs.note, "n");
	UT_ASSERT_STR(r->id, "TM00000000000034");
	ASSERT_LOC(r->id_loc, 2, 3);
	UT_ASSERT_STR(r->dataset, "0201");
	ASSERT_LOC(r->dataset_loc, 3, 3);
	UT_ASSERT_STR(r->basis, "番号法 別表");
	ASSERT_LOC(r->basis_loc, 4, 3);
	UT_ASSERT_INT(r->end_line, 17);
	CU_ASSERT_EQUAL_FATAL(r->n_children, 6);
	static const char *const names[] = { "a", "b", "c", "d", "h", "e" };
	for (size_t i = 0; i < 6; i++) {
		UT_ASSERT_STR(r->children[i]->name.text, names[i]);
		CU_ASSERT_PTR_EQUAL(r->children[i]->record, r);
		CU_ASSERT_PTR_NULL(r->children[i]->parent);
	}
	ut_release(&u);
}

static void test_items(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, record_text), 0);
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);

	struct rk_node *a = ut_node(r, "a");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	UT_ASSERT_INT(a->kind, RK_ITEM);
	UT_ASSERT_STR(a->label, "被保険者番号");
	ASSERT_LOC(a->name.loc, 6, 3);
	ASSERT_LOC(a->label_loc, 6, 5);
	CU_ASSERT(!a->type->builtin);
	UT_ASSERT_STR(a->type->name.text, "hno");
	ASSERT_LOC(a->type->loc, 6, 16);
	CU_ASSERT(a->attrs.required);
	ASSERT_LOC(a->attrs.required_loc, 6, 20);
	CU_ASSERT(!a->attrs.has_occurs);
	UT_ASSERT_STR(a->attrs.id, "KM00000000000101");
	ASSERT_LOC(a->attrs.id_loc, 6, 29);
	CU_ASSERT(a->attrs.has_version);
	UT_ASSERT_INT(a->attrs.version, 2);
	ASSERT_LOC(a->attrs.version_loc, 6, 51);
	UT_ASSERT_INT(a->end_line, 6);
	UT_ASSERT_INT(a->n_children, 0);

	struct rk_node *b = ut_node(r, "b");
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT(!b->attrs.required);
	CU_ASSERT(b->attrs.has_occurs);
	UT_ASSERT_INT(b->attrs.min, 0);
	UT_ASSERT_INT(b->attrs.max, 3);
	ASSERT_LOC(b->attrs.occurs_loc, 7, 24);
	UT_ASSERT_STR(b->attrs.note, "電話");
	ASSERT_LOC(b->attrs.note_loc, 7, 31);

	struct rk_node *c = ut_node(r, "c");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	UT_ASSERT_INT(c->attrs.min, 1);
	UT_ASSERT_INT(c->attrs.max, RK_UNBOUNDED);
	UT_ASSERT_STR(c->attrs.formerly.text, "c_old");
	ASSERT_LOC(c->attrs.formerly.loc, 8, 32);
	CU_ASSERT(c->attrs.deprecated);
	CU_ASSERT_PTR_NULL(c->attrs.id);
	CU_ASSERT(!c->attrs.has_version);

	/* An item without a label parses (the checker wants one). */
	struct rk_node *d = ut_node(r, "d");
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_PTR_NULL(d->label);
	UT_ASSERT_INT(d->type->kind, RK_FLAG);
	ut_release(&u);
}

static void test_groups(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, record_text), 0);
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	struct rk_node *h = ut_node(r, "h");
	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	UT_ASSERT_INT(h->kind, RK_GROUP);
	UT_ASSERT_STR(h->label, "履歴");
	CU_ASSERT_PTR_NULL(h->type);
	CU_ASSERT(h->attrs.has_occurs);
	UT_ASSERT_INT(h->attrs.min, 0);
	UT_ASSERT_INT(h->attrs.max, 5);
	CU_ASSERT(h->attrs.required);
	UT_ASSERT_STR(h->attrs.id, "KM00000000000200");
	UT_ASSERT_INT(h->attrs.version, 1);
	UT_ASSERT_INT(h->end_line, 15);
	CU_ASSERT_EQUAL_FATAL(h->n_children, 2);

	struct rk_node *x = h->children[0], *g = h->children[1];
	UT_ASSERT_STR(x->name.text, "x");
	CU_ASSERT_PTR_EQUAL(x->parent, h);
	CU_ASSERT_PTR_EQUAL(x->record, r);
	UT_ASSERT_STR(g->name.text, "g");
	UT_ASSERT_INT(g->kind, RK_GROUP);
	CU_ASSERT_PTR_EQUAL(g->parent, h);
	CU_ASSERT_PTR_EQUAL(g->record, r);
	UT_ASSERT_INT(g->end_line, 14);
	CU_ASSERT_EQUAL_FATAL(g->n_children, 1);

	struct rk_node *y = ut_node(r, "h/g/y");
	CU_ASSERT_PTR_EQUAL(y, g->children[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(y);
	CU_ASSERT_PTR_EQUAL(y->parent, g);
	CU_ASSERT_PTR_EQUAL(y->record, r);
	UT_ASSERT_INT(y->type->kind, RK_CODE);
	UT_ASSERT_STR(y->type->name.text, "care");
	ASSERT_LOC(y->type->name.loc, 13, 20);

	/* An empty group parses (the checker refuses it). */
	ut_release(&u);
	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" { group g \"G\" {} }"), 0);
	struct rk_node *e = ut_node(ut_record(&u, 0), "g");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	UT_ASSERT_INT(e->n_children, 0);
	ut_release(&u);
}

/* Statements only a record holds are refused in a group. */
static void test_group_refuses_record_statements(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  group g \"G\" {\n"
				  "    id \"KM00000000000001\";\n"
				  "    dataset \"0101\";\n"
				  "    basis \"b\";\n"
				  "    x \"X\" : date;\n"
				  "  }\n"
				  "}\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "3:5: error: a group cannot hold an 'id' statement (write "
		      "the group's id after its label)\n"
		      "4:5: error: a group cannot hold a 'dataset' statement (it "
		      "belongs to the record)\n"
		      "5:5: error: a group cannot hold a 'basis' statement (it "
		      "belongs to the record)\n");
	struct rk_node *g = ut_node(ut_record(&u, 0), "g");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	UT_ASSERT_INT(g->n_children, 1);
	CU_ASSERT_PTR_NULL(g->attrs.id);
	ut_release(&u);
}

/* ---- attributes and statements written twice ---- */

static void test_attribute_duplicates(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  a \"A\" : date required required;\n"
				  "  b \"B\" : date [0..1] [1..2];\n"
				  "  c \"C\" : date note \"x\" note \"y\";\n"
				  "  d \"D\" : date formerly p formerly q;\n"
				  "  e \"E\" : date deprecated deprecated;\n"
				  "  f \"F\" : date id \"A\" id \"B\";\n"
				  "  g \"G\" : date version 1 version 2;\n"
				  "}\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "2:25: error: 'required' given twice\n"
		      "  2:16: note: first given here\n"
		      "3:23: error: occurrence given twice\n"
		      "  3:16: note: first given here\n"
		      "4:25: error: 'note' given twice\n"
		      "  4:16: note: first given here\n"
		      "5:27: error: 'formerly' given twice\n"
		      "  5:25: note: first given here\n"
		      "6:27: error: 'deprecated' given twice\n"
		      "  6:16: note: first given here\n"
		      "7:23: error: 'id' given twice\n"
		      "  7:16: note: first given here\n"
		      "8:26: error: 'version' given twice\n"
		      "  8:16: note: first given here\n");
	/* The first of each is kept, and every item is built. */
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_INT(r->n_children, 7);
	UT_ASSERT_INT(ut_node(r, "b")->attrs.max, 1);
	UT_ASSERT_STR(ut_node(r, "c")->attrs.note, "x");
	UT_ASSERT_STR(ut_node(r, "d")->attrs.formerly.text, "p");
	UT_ASSERT_STR(ut_node(r, "f")->attrs.id, "A");
	UT_ASSERT_INT(ut_node(r, "g")->attrs.version, 1);
	ut_release(&u);
}

static void test_record_statement_duplicates(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  id \"A\"; dataset \"1\"; basis \"x\";\n"
				  "  a \"A\" : date;\n"
				  "  id \"B\"; dataset \"2\"; basis \"y\";\n"
				  "}\n"
				  "codes c { \"1\" deprecated deprecated; }\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "4:3: error: 'id' given twice\n"
		      "  2:3: note: first given here\n"
		      "4:11: error: 'dataset' given twice\n"
		      "  2:11: note: first given here\n"
		      "4:24: error: 'basis' given twice\n"
		      "  2:24: note: first given here\n"
		      "6:26: error: 'deprecated' given twice\n"
		      "  6:15: note: first given here\n");
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_STR(r->id, "A");
	UT_ASSERT_STR(r->dataset, "1");
	UT_ASSERT_STR(r->basis, "x");
	UT_ASSERT_INT(r->n_children, 1);
	ut_release(&u);
}

/* ---- syntax errors and recovery ---- */

static void test_recovery_in_record(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  a \"A\" date;\n"
				  "  b \"B\" : date;\n"
				  "  c \"C\" : [0..1];\n"
				  "  d \"D\" : date;\n"
				  "}\n"
				  "type t = date;\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "2:9: error: syntax error: unexpected 'date', expecting ':'\n"
		      "4:11: error: syntax error: unexpected '[', expecting a type\n");
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_INT(r->n_children, 2);
	CU_ASSERT_PTR_NOT_NULL(ut_node(r, "b"));
	CU_ASSERT_PTR_NOT_NULL(ut_node(r, "d"));
	UT_ASSERT_INT(r->end_line, 6);
	UT_ASSERT_INT(u.rev->n_types, 1);
	CU_ASSERT(!u.rev->files[0]->parsed);
	ut_release(&u);
}

/* Errors on consecutive statements are each reported. */
static void test_consecutive_errors(void)
{
	UT_PARSE_DIAGS("record r \"R\" {\n"
		       "  a date;\n"
		       "  b date;\n"
		       "  c \"C\" : date;\n"
		       "}\n",
		       "2:5: error: syntax error: unexpected 'date', expecting ':'\n"
		       "3:5: error: syntax error: unexpected 'date', expecting ':'\n");
	UT_PARSE_DIAGS("codes c {\n"
		       "  \"1\" x y;\n"
		       "  \"2\" x y;\n"
		       "}\n",
		       "2:9: error: syntax error: unexpected identifier, expecting "
		       "an attribute or ';'\n"
		       "3:9: error: syntax error: unexpected identifier, expecting "
		       "an attribute or ';'\n");
	UT_PARSE_DIAGS("revision R {\n"
		       "  title 1;\n"
		       "  title 2;\n"
		       "}\n",
		       "2:9: error: syntax error: unexpected integer, expecting string\n"
		       "3:9: error: syntax error: unexpected integer, expecting string\n");
}

static void test_recovery_at_top_level(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "type = date;\n"
				  "codes c \"C\" { \"1\" x; \"2\" y z; \"3\" w; }\n"
				  "revision R { title \"t\"; bogus; released 2024-06-17; }\n"
				  "record q \"Q\" { group g \"G\" { x \"X\" : ; y \"Y\" : date; } z \"Z\" : date; }\n"
				  "type u = date;\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "1:6: error: syntax error: unexpected '=', expecting identifier\n"
		      "2:28: error: syntax error: unexpected identifier, expecting "
		      "an attribute or ';'\n"
		      "3:25: error: syntax error: unexpected identifier, expecting "
		      "'title', 'released', 'previous' or '}'\n"
		      "4:38: error: syntax error: unexpected ';', expecting a type\n");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_codes, 1);
	UT_ASSERT_INT(u.rev->codes[0]->n_values, 2);
	UT_ASSERT_STR(u.rev->codes[0]->values[1].value, "3");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_headers, 1);
	CU_ASSERT(u.rev->headers[0]->has_released);
	struct rk_record *q = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_PTR_NOT_NULL(ut_node(q, "g/y"));
	CU_ASSERT_PTR_NULL(ut_node(q, "g/x"));
	CU_ASSERT_PTR_NOT_NULL(ut_node(q, "z"));
	CU_ASSERT_EQUAL_FATAL(u.rev->n_types, 1);
	UT_ASSERT_STR(u.rev->types[0]->name.text, "u");
	UT_ASSERT_INT(u.rev->files[0]->n_decls, 4);
	ut_release(&u);
}

static void test_unexpected_end_of_file(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  a \"A\" : date;\n"
				  "  group g \"G\" {\n"
				  "    b \"B\" : date;\n"),
			-1);
	UT_ASSERT_CONTAINS(ut_diags(&u), "error: syntax error: unexpected end of file");
	UT_ASSERT_INT(u.diags.n, 1);
	/* An unfinished record is not built. */
	UT_ASSERT_INT(u.rev->n_records, 0);
	ut_release(&u);
}

/* Punctuation where a name is expected is not called a reserved word. */
static void test_punctuation_is_not_a_reserved_word(void)
{
	UT_PARSE_DIAGS("record { }\n",
		       "1:8: error: syntax error: unexpected '{', expecting identifier\n");
	UT_PARSE_DIAGS("type t = code(*);\n",
		       "1:15: error: syntax error: unexpected '*', expecting "
		       "identifier or integer\n");
	UT_PARSE_DIAGS("record r \"R\" { a \"A\" : date formerly ; }\n",
		       "1:38: error: syntax error: unexpected ';', expecting identifier\n");
	UT_PARSE_DIAGS("record r \"R\" { a \"A\" : date formerly note; }\n",
		       "1:38: error: syntax error: unexpected 'note', expecting "
		       "identifier ('note' is a reserved word and cannot be a name)\n");
}

/* ---- nesting limit, rule ---- */

static char *nested_groups(int depth)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_adds(&b, "record r \"R\" {\n");
	for (int i = 0; i < depth; i++)
		rk_buf_addf(&b, "group g%d \"G\" {\n", i);
	rk_buf_adds(&b, "x \"X\" : date;\n");
	for (int i = 0; i < depth; i++)
		rk_buf_adds(&b, "}\n");
	rk_buf_adds(&b, "}\n");
	return rk_buf_detach(&b);
}

static void test_group_depth_limit(void)
{
	struct ut u;
	char *text = nested_groups(RK_MAX_GROUP_DEPTH);

	CU_ASSERT_EQUAL(parse(&u, text), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	struct rk_node *n = r->children[0];
	int depth = 1;
	while (n->kind == RK_GROUP && n->n_children == 1) {
		CU_ASSERT_PTR_EQUAL(n->children[0]->parent, n);
		n = n->children[0];
		depth++;
	}
	UT_ASSERT_INT(depth, RK_MAX_GROUP_DEPTH + 1);
	UT_ASSERT_STR(n->name.text, "x");
	CU_ASSERT_PTR_EQUAL(n->record, r);
	ut_release(&u);
	free(text);

	text = nested_groups(RK_MAX_GROUP_DEPTH + 1);
	struct rk_buf want;
	rk_buf_init(&want);
	rk_buf_addf(&want, "%d:1: error: groups nested more than %d levels deep\n",
		    RK_MAX_GROUP_DEPTH + 2, RK_MAX_GROUP_DEPTH);
	CU_ASSERT_EQUAL(parse(&u, text), -1);
	UT_ASSERT_STR(ut_diags(&u), want.s);
	UT_ASSERT_INT(u.rev->n_records, 0);
	ut_release(&u);
	free(text);
	rk_buf_release(&want);

	/* Far deeper: still one error, no crash, nothing leaked. */
	text = nested_groups(5000);
	CU_ASSERT_EQUAL(parse(&u, text), -1);
	UT_ASSERT_INT(u.diags.n, 1);
	ut_release(&u);
	free(text);
}

static void test_rule_unsupported(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  a \"A\" : date;\n"
				  "  rule require a when b != \"01\" (x, 1..*) < 2024-01-01 = date required;\n"
				  "  b \"B\" : date;\n"
				  "}\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "3:3: error: rule declarations are planned but not supported yet\n");
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_INT(r->n_children, 2);
	CU_ASSERT_PTR_NOT_NULL(ut_node(r, "b"));
	ut_release(&u);
}

/* ---- files and declaration order ---- */

static void test_declaration_order(void)
{
	struct ut u;

	ut_init(&u);
	CU_ASSERT_EQUAL(ut_parse(&u, "a.layout",
				 "type t1 = date;\n"
				 "record r1 \"R\" { x \"X\" : t1; }\n"
				 "codes c1 { \"1\"; }\n"
				 "type t2 = flag;\n"),
			0);
	CU_ASSERT_EQUAL(ut_parse(&u, "b.layout",
				 "revision R { }\n"
				 "record r2 \"R\" { x \"X\" : t2; }\n"),
			0);
	CU_ASSERT_EQUAL_FATAL(u.rev->n_files, 2);
	const struct rk_file *a = u.rev->files[0], *b = u.rev->files[1];
	UT_ASSERT_STR(a->src->path, "a.layout");
	UT_ASSERT_STR(b->src->path, "b.layout");
	CU_ASSERT(a->parsed);
	CU_ASSERT(b->parsed);
	CU_ASSERT_EQUAL_FATAL(a->n_decls, 4);
	UT_ASSERT_INT(a->decls[0].kind, RK_DECL_TYPE);
	CU_ASSERT_PTR_EQUAL(a->decls[0].u.type, u.rev->types[0]);
	UT_ASSERT_INT(a->decls[1].kind, RK_DECL_RECORD);
	CU_ASSERT_PTR_EQUAL(a->decls[1].u.record, u.rev->records[0]);
	UT_ASSERT_INT(a->decls[2].kind, RK_DECL_CODES);
	CU_ASSERT_PTR_EQUAL(a->decls[2].u.codes, u.rev->codes[0]);
	UT_ASSERT_INT(a->decls[3].kind, RK_DECL_TYPE);
	CU_ASSERT_PTR_EQUAL(a->decls[3].u.type, u.rev->types[1]);
	CU_ASSERT_EQUAL_FATAL(b->n_decls, 2);
	UT_ASSERT_INT(b->decls[0].kind, RK_DECL_HEADER);
	CU_ASSERT_PTR_EQUAL(b->decls[0].u.header, u.rev->headers[0]);
	CU_ASSERT_PTR_EQUAL(b->decls[1].u.record, u.rev->records[1]);
	UT_ASSERT_INT(u.rev->n_records, 2);
	UT_ASSERT_STR(u.rev->records[1]->name.text, "r2");
	/* Locations point into their own file. */
	CU_ASSERT_PTR_EQUAL(u.rev->records[0]->name.loc.src, a->src);
	CU_ASSERT_PTR_EQUAL(u.rev->records[1]->name.loc.src, b->src);
	ut_release(&u);
}

static void test_comments_kept(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "# 介護\n"
				  "record r \"R\" { # head\n"
				  "  a \"A\" : date; # 認定日\n"
				  "  # between\n"
				  "  group g \"G\" {\n"
				  "    b \"B\" : date; # inner\n"
				  "  } # end group\n"
				  "}\n"),
			0);
	const struct rk_file *f = u.rev->files[0];
	CU_ASSERT_EQUAL_FATAL(f->n_comments, 6);
	static const struct { uint32_t line, col; const char *text; } want[] = {
		{ 1, 1, "# 介護" }, { 2, 16, "# head" }, { 3, 17, "# 認定日" },
		{ 4, 3, "# between" }, { 6, 19, "# inner" }, { 7, 5, "# end group" },
	};
	for (size_t i = 0; i < 6; i++) {
		UT_ASSERT_INT(f->comments[i].line, want[i].line);
		UT_ASSERT_INT(f->comments[i].col, want[i].col);
		UT_ASSERT_STR(f->comments[i].text, want[i].text);
	}
	ut_release(&u);
}

static const struct ut_test decl_tests[] = {
	{ "header", test_header },
	{ "header duplicates", test_header_duplicates },
	{ "code tables", test_codes },
	{ "types", test_types },
	{ "type locations", test_type_locations },
	{ "declaration order", test_declaration_order },
	{ "comments kept", test_comments_kept },
	{ NULL, NULL }
};

static const struct ut_test record_tests[] = {
	{ "record", test_record },
	{ "items", test_items },
	{ "groups", test_groups },
	{ "group refuses record statements", test_group_refuses_record_statements },
	{ "attribute duplicates", test_attribute_duplicates },
	{ "record statement duplicates", test_record_statement_duplicates },
	{ "group depth limit", test_group_depth_limit },
	{ "rule unsupported", test_rule_unsupported },
	{ NULL, NULL }
};

static const struct ut_test error_tests[] = {
	{ "recovery in a record", test_recovery_in_record },
	{ "consecutive errors", test_consecutive_errors },
	{ "recovery at top level", test_recovery_at_top_level },
	{ "unexpected end of file", test_unexpected_end_of_file },
	{ "punctuation is not a reserved word", test_punctuation_is_not_a_reserved_word },
	{ NULL, NULL }
};

static const struct ut_suite suites[] = {
	{ "declarations", decl_tests },
	{ "records", record_tests },
	{ "errors", error_tests },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return ut_main(argc, argv, suites);
}
