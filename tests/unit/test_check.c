/*
 * test_check.c: CUnit suites for the checker.  Every rule of src/check*.c
 * has a case that breaks it, compared with the exact diagnostics it gives
 * (location, message, notes), beside one that respects it and gives none.
 * The fields rk_check fills in are tested too: the resolved value rule of
 * every type (through aliases), code tables sorted, occurrences with their
 * defaults, the revision header.
 *
 * UT_CHECK_DIAGS(text, expected) checks TEXT with a valid revision header
 * appended on the line after it, so line numbers are as written.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parse.h"
#include "unit.h"
#include "util.h"

/* Parses TEXT plus a header as one file and checks it, in U. */
static int check(struct ut *u, const char *text)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_adds(&b, text);
	rk_buf_adds(&b, UT_HEADER);
	ut_init(u);
	CU_ASSERT_EQUAL(ut_parse(u, "t.layout", b.s), 0);
	rk_buf_release(&b);
	return ut_check(u);
}

/* The type of the item at PATH of the first record. */
static struct rk_typeref *type_of(const struct ut *u, const char *path)
{
	struct rk_node *n = ut_node(ut_record(u, 0), path);

	return n ? n->type : NULL;
}

/* ---- the revision header ---- */

static void test_header_valid(void)
{
	struct ut u;

	UT_ASSERT_INT(check(&u, "record r \"R\" { x \"X\" : date; }\n"), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT_PTR_EQUAL(u.rev->header, u.rev->headers[0]);
	UT_ASSERT_STR(rk_revision_name(u.rev), "R06");
	ut_release(&u);

	UT_CHECK_DIAGS("revision R { title \"t\"; released 2024-02-29; previous Q; }\n"
		       "record r \"R\" { x \"X\" : date; }\n",
		       "3:10: error: a second revision header ('R06'): a revision has exactly one\n"
		       "  1:10: note: the first is here\n");
}

static void test_header_missing(void)
{
	struct ut u;

	ut_init(&u);
	u.paths = true;
	ut_parse(&u, "t.layout", "record r \"R\" { x \"X\" : date; }\n");
	UT_ASSERT_INT(ut_check(&u), 1);
	UT_ASSERT_STR(ut_diags(&u),
		      "t.layout:0:0: error: no revision header: one file must declare "
		      "'revision NAME { title \"...\"; released YYYY-MM-DD; }'\n");
	CU_ASSERT_PTR_NULL(u.rev->header);
	ut_release(&u);

	/* A revision of no files at all. */
	ut_init(&u);
	UT_ASSERT_INT(ut_check(&u), 1);
	CU_ASSERT_EQUAL_FATAL(u.diags.n, 1);
	CU_ASSERT_PTR_NULL(u.diags.items[0].loc.src);
	UT_ASSERT_CONTAINS(u.diags.items[0].message, "no revision header");
	ut_release(&u);
}

static void test_header_fields(void)
{
	struct ut u;

	ut_init(&u);
	ut_parse(&u, "t.layout",
		 "revision R { }\n"
		 "revision int { title \"\"; released 2023-02-29; previous int; }\n"
		 "revision S { title \"t\"; released 2024-13-01; }\n"
		 "record r \"R\" { x \"X\" : date; }\n");
	UT_ASSERT_INT(ut_check(&u), 4);
	UT_ASSERT_STR(ut_diags(&u),
		      "1:10: error: revision 'R' has no title\n"
		      "1:10: error: revision 'R' has no 'released' date\n"
		      "2:10: error: a second revision header ('int'): a revision has exactly one\n"
		      "  1:10: note: the first is here\n"
		      "3:10: error: a second revision header ('S'): a revision has exactly one\n"
		      "  1:10: note: the first is here\n");
	ut_release(&u);

	/* The header's own rules, on the one header. */
	ut_init(&u);
	ut_parse(&u, "t.layout",
		 "revision int { title \"\"; released 2023-02-29; previous int; }\n"
		 "record r \"R\" { x \"X\" : date; }\n");
	UT_ASSERT_INT(ut_check(&u), 4);
	UT_ASSERT_STR(ut_diags(&u),
		      "1:10: error: revision name 'int' is a C keyword (names become C identifiers)\n"
		      "1:22: error: revision 'int' has an empty title\n"
		      "1:35: error: released 2023-02-29 is not a calendar date\n"
		      "1:56: error: revision 'int' names itself as its previous revision\n");
	ut_release(&u);

	ut_init(&u);
	ut_parse(&u, "t.layout",
		 "revision xmlR { title \"t\"; released 0000-01-01; }\n"
		 "record r \"R\" { x \"X\" : date; }\n");
	UT_ASSERT_INT(ut_check(&u), 2);
	UT_ASSERT_STR(ut_diags(&u),
		      "1:10: error: revision name 'xmlR' begins with 'xml', which XML reserves\n"
		      "1:37: error: released 0000-01-01 is not a calendar date\n");
	ut_release(&u);
}

/* A second header in another file is reported there, with a note. */
static void test_header_in_two_files(void)
{
	struct ut u;

	ut_init(&u);
	u.paths = true;
	ut_parse(&u, "a.layout", "revision A { title \"t\"; released 2024-06-17; }\n");
	ut_parse(&u, "b.layout", "revision B { title \"u\"; released 2024-06-17; }\n"
				 "record r \"R\" { x \"X\" : date; }\n");
	UT_ASSERT_INT(ut_check(&u), 1);
	UT_ASSERT_STR(ut_diags(&u),
		      "b.layout:1:10: error: a second revision header ('B'): a revision has exactly one\n"
		      "  a.layout:1:10: note: the first is here\n");
	CU_ASSERT_PTR_EQUAL(u.rev->header, u.rev->headers[0]);
	UT_ASSERT_STR(rk_revision_name(u.rev), "A");
	ut_release(&u);
}

/* ---- namespaces ---- */

static void test_duplicates(void)
{
	UT_CHECK_DIAGS("codes c { \"1\"; }\n"
		       "codes c { \"2\"; }\n"
		       "type t = date;\n"
		       "type t = flag;\n"
		       "record r \"R\" { a \"A\" : t; a \"B\" : code(c); }\n"
		       "record r \"R\" { g \"G\" : date; group g \"G\" { x \"X\" : date; x \"Y\" : date; } }\n",
		       "2:7: error: code table 'c' is declared twice\n"
		       "  1:7: note: first declared here\n"
		       "4:6: error: type 't' is declared twice\n"
		       "  3:6: note: first declared here\n"
		       "5:27: error: item 'a' is declared twice\n"
		       "  5:16: note: first declared here\n"
		       "6:8: error: record 'r' is declared twice\n"
		       "  5:8: note: first declared here\n"
		       "6:36: error: group 'g' is declared twice\n"
		       "  6:16: note: first declared here\n"
		       "6:58: error: item 'x' is declared twice\n"
		       "  6:44: note: first declared here\n");
}

/* Each namespace is its own: one name for a table, a type, a record, and
 * items in different parents. */
static void test_separate_namespaces(void)
{
	UT_CHECK_DIAGS("codes x { \"1\"; }\n"
		       "type x = code(x);\n"
		       "record x \"X\" { x \"X\" : x; group g \"G\" { x \"X\" : date; } }\n"
		       "record y \"Y\" { x \"X\" : date; group x2 \"G\" { x \"X\" : date; } }\n",
		       "");
}

static void resolve_across(const char *first, const char *second)
{
	static const char uses[] =
		"record r \"R\" {\n"
		"  a \"A\" : hno;\n"
		"  b \"B\" : code(care);\n"
		"}\n";
	static const char defs[] =
		"type hno = digits(10);\n"
		"codes care { \"1\"; }\n"
		"revision R { title \"t\"; released 2024-06-17; }\n";
	struct ut u;

	ut_init(&u);
	u.paths = true;
	ut_parse(&u, first, strcmp(first, "uses.layout") == 0 ? uses : defs);
	ut_parse(&u, second, strcmp(second, "uses.layout") == 0 ? uses : defs);
	UT_ASSERT_INT(ut_check(&u), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	struct rk_typeref *a = type_of(&u, "a"), *b = type_of(&u, "b");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT(a->resolved);
	CU_ASSERT_PTR_EQUAL(a->alias, u.rev->types[0]);
	UT_ASSERT_INT(a->value.kind, RK_DIGITS);
	UT_ASSERT_INT(a->value.max_len, 10);
	CU_ASSERT(b->resolved);
	CU_ASSERT_PTR_EQUAL(b->codes, u.rev->codes[0]);
	ut_release(&u);
}

static void test_names_across_files(void)
{
	resolve_across("uses.layout", "defs.layout");
	resolve_across("defs.layout", "uses.layout");
}

static void test_duplicate_across_files(void)
{
	struct ut u;

	ut_init(&u);
	u.paths = true;
	ut_parse(&u, "a.layout", "type t = date;\nrecord r \"R\" { x \"X\" : t; }\n");
	ut_parse(&u, "b.layout", "\ntype t = flag;\nrecord r \"S\" { x \"X\" : t; }\n"
				 UT_HEADER);
	UT_ASSERT_INT(ut_check(&u), 2);
	UT_ASSERT_STR(ut_diags(&u),
		      "b.layout:2:6: error: type 't' is declared twice\n"
		      "  a.layout:1:6: note: first declared here\n"
		      "b.layout:3:8: error: record 'r' is declared twice\n"
		      "  a.layout:2:8: note: first declared here\n");
	/* Both resolve to the first declaration. */
	struct rk_node *x = ut_node(u.rev->records[1], "x");
	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	CU_ASSERT_PTR_EQUAL(x->type->alias, u.rev->types[0]);
	UT_ASSERT_INT(x->type->value.kind, RK_DATE);
	ut_release(&u);
}

/* ---- resolution ---- */

static void test_unknown_names(void)
{
	UT_CHECK_DIAGS("codes care_level { \"1\"; }\n"
		       "type hno = digits(10);\n"
		       "record r \"R\" {\n"
		       "  a \"A\" : hnoo;\n"
		       "  b \"B\" : code(care_levle);\n"
		       "  c \"C\" : care_level;\n"
		       "  d \"D\" : zzz;\n"
		       "  e \"E\" : code(zzz);\n"
		       "}\n",
		       "4:11: error: unknown type 'hnoo'\n"
		       "  4:11: note: did you mean 'hno'?\n"
		       "5:16: error: unknown code table 'care_levle'\n"
		       "  5:16: note: did you mean 'care_level'?\n"
		       "6:11: error: unknown type 'care_level'\n"
		       "  6:11: note: 'care_level' is a code table: write code(care_level)\n"
		       "7:11: error: unknown type 'zzz'\n"
		       "8:16: error: unknown code table 'zzz'\n");
	/* Of suggestions as close, the first in byte order. */
	UT_CHECK_DIAGS("type az = date; type ay = date; type ax = date; type aw = date;\n"
		       "type av = date; type ac = date; type ab = date; type b_ = date;\n"
		       "record r \"R\" { x \"X\" : a; y \"Y\" : ab; z \"Z\" : ac; v \"V\" : av;\n"
		       "  w \"W\" : aw; x2 \"X\" : ax; y2 \"Y\" : ay; z2 \"Z\" : az; b \"B\" : b_; }\n",
		       "3:24: error: unknown type 'a'\n"
		       "  3:24: note: did you mean 'ab'?\n");
	/* An unknown name inside a type is reported there, once. */
	UT_CHECK_DIAGS("type t = nothing;\n"
		       "record r \"R\" { x \"X\" : t; y \"Y\" : t; }\n",
		       "1:10: error: unknown type 'nothing'\n");
}

static void test_cycles(void)
{
	struct ut u;

	check(&u, "type a = a;\n"
		  "type b = c;\n"
		  "type c = b;\n"
		  "type d = b;\n"
		  "type e = number(3);\n"
		  "record r \"R\" { x \"X\" : a; y \"Y\" : d; z \"Z\" : e; }\n");
	UT_ASSERT_STR(ut_diags(&u),
		      "1:6: error: type 'a' is defined in terms of itself (a -> a)\n"
		      "2:6: error: type 'b' is defined in terms of itself (b -> c -> b)\n");
	UT_ASSERT_INT(u.check_errors, 2);
	CU_ASSERT(!type_of(&u, "x")->resolved);
	CU_ASSERT(!type_of(&u, "y")->resolved);
	CU_ASSERT(type_of(&u, "z")->resolved);
	ut_release(&u);

	/* A chain that ends in a type is no cycle, in any order. */
	UT_CHECK_DIAGS("type a = b;\n"
		       "type c = d;\n"
		       "type b = c;\n"
		       "type d = text(4);\n"
		       "record r \"R\" { x \"X\" : a; }\n",
		       "");
}

static void test_signed(void)
{
	struct ut u;

	check(&u, "type amount = number(12,2) signed;\n"
		  "type hno = digits(10);\n"
		  "record r \"R\" {\n"
		  "  a \"A\" : amount;\n"
		  "  b \"B\" : hno signed;\n"
		  "  c \"C\" : digits(3) signed;\n"
		  "  d \"D\" : number(3) signed;\n"
		  "  e \"E\" : code(k) signed;\n"
		  "  f \"F\" : amount signed;\n"
		  "}\n"
		  "codes k { \"1\"; }\n");
	UT_ASSERT_STR(ut_diags(&u),
		      "5:15: error: 'signed' may follow a number(...) type only\n"
		      "6:21: error: 'signed' may follow a number(...) type only\n"
		      "8:19: error: 'signed' may follow a number(...) type only\n"
		      "9:18: error: 'signed' may follow a number(...) type only\n");
	struct rk_typeref *t = type_of(&u, "a");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT(t->resolved);
	UT_ASSERT_INT(t->value.kind, RK_NUMBER);
	UT_ASSERT_INT(t->value.precision, 12);
	UT_ASSERT_INT(t->value.scale, 2);
	UT_ASSERT_INT(t->value.is_signed, 1);
	t = type_of(&u, "d");
	CU_ASSERT(t->resolved);
	UT_ASSERT_INT(t->value.is_signed, 1);
	CU_ASSERT(!type_of(&u, "b")->resolved);
	CU_ASSERT(!type_of(&u, "c")->resolved);
	CU_ASSERT(!type_of(&u, "e")->resolved);
	ut_release(&u);

	/* Unsigned by default. */
	check(&u, "record r \"R\" { a \"A\" : number(3); }\n");
	UT_ASSERT_INT(type_of(&u, "a")->value.is_signed, 0);
	ut_release(&u);
}

/* ---- type arguments: lengths and precision ---- */

static void test_type_arguments(void)
{
	static const struct {
		const char *type;
		const char *diags;
	} cases[] = {
		{ "digits(1)", "" },
		{ "digits(100000)", "" },
		{ "digits(3..3)", "" },
		{ "alnum(1)", "" },
		{ "ascii(1..1)", "" },
		{ "text(100000)", "" },
		{ "kana(1..2)", "" },
		{ "hankana(40)", "" },
		{ "string(2..3)", "" },
		{ "digits(0)", "1:31: error: digits length must be at least 1\n" },
		{ "digits(0..3)", "1:31: error: digits length must be at least 1\n" },
		{ "digits(3..2)", "1:31: error: digits(3..2): the minimum exceeds the maximum\n" },
		{ "text(0..5)", "1:29: error: text length must be at least 1\n" },
		{ "text(100001)", "1:29: error: text length 100001 exceeds the limit of 100000\n" },
		{ "alnum(1..4294967297)",
		  "1:30: error: alnum length 4294967297 exceeds the limit of 100000\n" },
		{ "string(3,4)", "1:24: error: string needs a length: string(n) or string(m..n)\n" },
		{ "kana", "1:24: error: kana needs a length: kana(n) or kana(m..n)\n" },
		{ "hankana(x)", "1:24: error: hankana needs a length: hankana(n) or hankana(m..n)\n" },
		{ "number(1)", "" },
		{ "number(60)", "" },
		{ "number(60,59)", "" },
		{ "number(5,0)", "" },
		{ "number", "1:24: error: number needs a precision: number(p) or number(p,s)\n" },
		{ "number(1..5)", "1:24: error: number needs a precision: number(p) or number(p,s)\n" },
		{ "number(x)", "1:24: error: number needs a precision: number(p) or number(p,s)\n" },
		{ "number(0)", "1:31: error: number precision must be 1 to 60, not 0\n" },
		{ "number(61)", "1:31: error: number precision must be 1 to 60, not 61\n" },
		{ "number(5,5)", "1:31: error: number(5,5): the scale must be less than the precision\n" },
		{ "number(5,9)", "1:31: error: number(5,9): the scale must be less than the precision\n" },
		{ "date(3)", "1:24: error: date takes no arguments\n" },
		{ "wareki(x)", "1:24: error: wareki takes no arguments\n" },
		{ "flag(1..2)", "1:24: error: flag takes no arguments\n" },
		{ "code", "1:24: error: code needs a code table: code(T)\n" },
		{ "code(3)", "1:24: error: code needs a code table: code(T)\n" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ut u;
		struct rk_buf text;

		rk_buf_init(&text);
		rk_buf_addf(&text, "record r \"R\" { x \"X\" : %s; }\n", cases[i].type);
		check(&u, text.s);
		UT_ASSERT_STR(ut_diags(&u), cases[i].diags);
		/* Resolved exactly when it was accepted, into a rule the
		 * runtime takes. */
		struct rk_typeref *t = type_of(&u, "x");
		CU_ASSERT_PTR_NOT_NULL_FATAL(t);
		UT_ASSERT_INT(t->resolved, cases[i].diags[0] == '\0');
		if (t->resolved)
			UT_ASSERT_INT(rk_value_type_valid(&t->value), 0);
		ut_release(&u);
		rk_buf_release(&text);
	}
}

/* ---- the resolved value rules ---- */

static void test_resolved_values(void)
{
	static const struct {
		const char *item;
		enum rk_kind kind;
		uint32_t min_len, max_len;
		uint16_t precision, scale;
	} want[] = {
		{ "d1", RK_DIGITS, 10, 10, 0, 0 },
		{ "d2", RK_DIGITS, 4, 8, 0, 0 },
		{ "t1", RK_TEXT, 1, 100, 0, 0 },
		{ "t2", RK_ALNUM, 1, 3, 0, 0 },
		{ "s1", RK_ASCII, 1, 13, 0, 0 },
		{ "s2", RK_KANA, 2, 5, 0, 0 },
		{ "s3", RK_HANKANA, 1, 40, 0, 0 },
		{ "s4", RK_STRING, 2, 3, 0, 0 },
		{ "n1", RK_NUMBER, 0, 0, 5, 0 },
		{ "n2", RK_NUMBER, 0, 0, 7, 2 },
		{ "x1", RK_DATE, 0, 0, 0, 0 },
		{ "x2", RK_DATE8, 0, 0, 0, 0 },
		{ "x3", RK_YEARMONTH, 0, 0, 0, 0 },
		{ "x4", RK_WAREKI, 0, 0, 0, 0 },
		{ "x5", RK_FLAG, 0, 0, 0, 0 },
		{ "x6", RK_MYNUMBER, 0, 0, 0, 0 },
		{ "x7", RK_LGCODE, 0, 0, 0, 0 },
		{ "x8", RK_INSURER, 0, 0, 0, 0 },
		{ "k1", RK_CODE, 0, 0, 0, 0 },
		{ "k2", RK_CODE, 0, 0, 0, 0 },
	};
	struct ut u;

	UT_ASSERT_INT(check(&u, "codes c { \"2\"; \"10\"; \"1\"; }\n"
				"type a = b;\n"
				"type b = number(7,2) signed;\n"
				"type k = code(c);\n"
				"record r \"R\" {\n"
				"  d1 \"D\" : digits(10); d2 \"D\" : digits(4..8);\n"
				"  t1 \"T\" : text(100); t2 \"T\" : alnum(1..3);\n"
				"  s1 \"S\" : ascii(13); s2 \"S\" : kana(2..5);\n"
				"  s3 \"S\" : hankana(40); s4 \"S\" : string(2..3);\n"
				"  n1 \"N\" : number(5); n2 \"N\" : a;\n"
				"  x1 \"X\" : date; x2 \"X\" : date8; x3 \"X\" : yearmonth;\n"
				"  x4 \"X\" : wareki; x5 \"X\" : flag; x6 \"X\" : mynumber;\n"
				"  x7 \"X\" : lgcode; x8 \"X\" : insurer;\n"
				"  k1 \"K\" : k; k2 \"K\" : code(c);\n"
				"}\n"),
		      0);
	UT_ASSERT_STR(ut_diags(&u), "");
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct rk_typeref *t = type_of(&u, want[i].item);
		CU_ASSERT_PTR_NOT_NULL_FATAL(t);
		CU_ASSERT(t->resolved);
		UT_ASSERT_INT(t->value.kind, want[i].kind);
		UT_ASSERT_INT(t->value.min_len, want[i].min_len);
		UT_ASSERT_INT(t->value.max_len, want[i].max_len);
		UT_ASSERT_INT(t->value.precision, want[i].precision);
		UT_ASSERT_INT(t->value.scale, want[i].scale);
		UT_ASSERT_INT(t->value.is_signed, strcmp(want[i].item, "n2") == 0);
		UT_ASSERT_INT(rk_value_type_valid(&t->value), 0);
		if (want[i].kind != RK_CODE) {
			CU_ASSERT_PTR_NULL(t->value.codes);
			UT_ASSERT_INT(t->value.n_codes, 0);
		}
	}

	/* Aliases: each reference knows its type declaration. */
	struct rk_typeref *n2 = type_of(&u, "n2");
	CU_ASSERT_PTR_EQUAL(n2->alias, u.rev->types[0]);
	CU_ASSERT_PTR_EQUAL(u.rev->types[0]->type->alias, u.rev->types[1]);
	CU_ASSERT_PTR_NULL(type_of(&u, "n1")->alias);

	/* Code tables: the values sorted by bytes, shared with the table. */
	const struct rk_codes *c = u.rev->codes[0];
	CU_ASSERT_EQUAL_FATAL(c->n_sorted, 3);
	UT_ASSERT_STR(c->sorted[0], "1");
	UT_ASSERT_STR(c->sorted[1], "10");
	UT_ASSERT_STR(c->sorted[2], "2");
	struct rk_typeref *k1 = type_of(&u, "k1"), *k2 = type_of(&u, "k2");
	CU_ASSERT_PTR_EQUAL(k2->codes, c);
	CU_ASSERT_PTR_NULL(k1->codes);
	CU_ASSERT_PTR_EQUAL(k1->alias, u.rev->types[2]);
	CU_ASSERT_PTR_EQUAL(u.rev->types[2]->type->codes, c);
	for (int i = 0; i < 2; i++) {
		const struct rk_value_type *v = i ? &k2->value : &k1->value;
		CU_ASSERT(v->codes == c->sorted);
		UT_ASSERT_INT(v->n_codes, 3);
		UT_ASSERT_STR(v->code_table, "c");
	}
	ut_release(&u);
}

static void test_codes_sorted_without_duplicates(void)
{
	struct ut u;

	check(&u, "codes s { \"3\"; \"1\"; \"b\"; \"10\"; \"1\"; \"A\"; \"\xE3\x81\x82\"; }\n"
		  "record r \"R\" { x \"X\" : code(s); }\n");
	UT_ASSERT_STR(ut_diags(&u),
		      "1:32: error: code value \"1\" appears twice in table 's'\n"
		      "  1:16: note: first given here\n"
		      "1:42: warning: code value \"\xE3\x81\x82\" has no symbolic name, and "
		      "generated C cannot name it by its value\n");
	const struct rk_codes *c = u.rev->codes[0];
	static const char *const want[] = { "1", "10", "3", "A", "b", "\xE3\x81\x82" };
	CU_ASSERT_EQUAL_FATAL(c->n_sorted, 6);
	for (size_t i = 0; i < 6; i++)
		UT_ASSERT_STR(c->sorted[i], want[i]);
	const struct rk_value_type *v = &type_of(&u, "x")->value;
	UT_ASSERT_INT(v->n_codes, 6);
	UT_ASSERT_INT(rk_value_type_valid(v), 0);
	ut_release(&u);
}

/* ---- occurrences ---- */

static void test_occurrence(void)
{
	static const struct {
		const char *path;
		uint64_t min, max;
	} want[] = {
		{ "a", 0, 1 }, { "b", 0, 1 }, { "c", 1, 1 }, { "d", 1, 3 },
		{ "e", 0, RK_UNBOUNDED }, { "f", 0, 1 }, { "g", 1, 1 },
		{ "h", 3, 3 }, { "i", 1, RK_UNBOUNDED }, { "i/x", 0, 1 },
		{ "j", 0, 1 }, { "j/y", 1, 1 },
	};
	struct ut u;

	check(&u, "record r \"R\" {\n"
		  "  a \"A\" : date [2..1];\n"
		  "  b \"B\" : date [0..0];\n"
		  "  c \"C\" : date required [0..3];\n"
		  "  d \"D\" : date required [1..3];\n"
		  "  e \"E\" : date [0..*];\n"
		  "  f \"F\" : date;\n"
		  "  g \"G\" : date required;\n"
		  "  h \"H\" : date [3..3] required;\n"
		  "  group i \"I\" [1..*] { x \"X\" : date; }\n"
		  "  group j \"J\" { y \"Y\" : date required; }\n"
		  "}\n");
	UT_ASSERT_STR(ut_diags(&u),
		      "2:16: error: occurrence [2..1]: the minimum exceeds the maximum\n"
		      "3:16: error: occurrence [0..0]: the maximum must be at least 1\n"
		      "4:16: error: 'required' contradicts the occurrence, whose minimum is 0\n");
	UT_ASSERT_INT(u.check_errors, 3);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct rk_node *n = ut_node(ut_record(&u, 0), want[i].path);
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		UT_ASSERT_INT(n->min, want[i].min);
		UT_ASSERT_INT(n->max, want[i].max);
	}
	ut_release(&u);
}

/* ---- records, items, groups ---- */

static void test_ids(void)
{
	UT_CHECK_DIAGS("record r \"R\" {\n"
		       "  id \"TM00000000000034\";\n"
		       "  a \"A\" : date id \"KM00000000000101\";\n"
		       "  b \"B\" : date id \"KM00000000000101\";\n"
		       "  group g \"G\" id \"km00000000000102\" { c \"C\" : date id \"KM0000000000010\"; }\n"
		       "}\n"
		       "record s \"S\" {\n"
		       "  id \"TM00000000000034\";\n"
		       "  d \"D\" : date id \"KM00000000000101\";\n"
		       "}\n"
		       "record t \"T\" { id \"T100000000000034\"; e \"E\" : date; }\n"
		       "record u \"U\" { id \"tm00000000000034\"; f \"F\" : date; }\n"
		       "record v \"V\" { id \"TM000000000000345\"; g \"G\" : date id \"KM00000000000103\"; }\n",
		       "4:16: error: item id \"KM00000000000101\" is used twice\n"
		       "  3:16: note: first used here\n"
		       "5:15: error: item id \"km00000000000102\" is not 16 capital letters or digits\n"
		       "5:52: error: item id \"KM0000000000010\" is not 16 capital letters or digits\n"
		       "8:3: error: record id \"TM00000000000034\" is used twice\n"
		       "  2:3: note: first used here\n"
		       "9:16: error: item id \"KM00000000000101\" is used twice\n"
		       "  3:16: note: first used here\n"
		       "11:16: error: record id \"T100000000000034\" is not 2 capital letters and 14 digits\n"
		       "12:16: error: record id \"tm00000000000034\" is not 2 capital letters and 14 digits\n"
		       "13:16: error: record id \"TM000000000000345\" is not 2 capital letters and 14 digits\n");
	/* Group ids share the item ids' namespace; record ids are apart. */
	UT_CHECK_DIAGS("record r \"R\" { id \"TM00000000000001\"; a \"A\" : date id \"TM00000000000001\";\n"
		       "  group g \"G\" id \"ABCDEFGHIJ123456\" { b \"B\" : date id \"ABCDEFGHIJ123457\"; } }\n",
		       "");
	UT_CHECK_DIAGS("record r \"R\" { group g \"G\" id \"ABCDEFGHIJ123456\" { b \"B\" : date; } }\n"
		       "record s \"S\" { b \"B\" : date id \"ABCDEFGHIJ123456\"; }\n",
		       "2:29: error: item id \"ABCDEFGHIJ123456\" is used twice\n"
		       "  1:28: note: first used here\n");
}

static void test_dataset_and_basis(void)
{
	UT_CHECK_DIAGS("record r \"R\" { dataset \"0201\"; basis \"b\"; a \"A\" : date; }\n"
		       "record s \"S\" { dataset \"201\"; basis \"\"; a \"A\" : date; }\n"
		       "record t \"T\" { dataset \"02a1\"; a \"A\" : date; }\n"
		       "record u \"U\" { dataset \"02011\"; a \"A\" : date; }\n",
		       "2:16: error: dataset \"201\" is not 4 digits\n"
		       "2:31: error: empty basis\n"
		       "3:16: error: dataset \"02a1\" is not 4 digits\n"
		       "4:16: error: dataset \"02011\" is not 4 digits\n");
}

static void test_labels(void)
{
	UT_CHECK_DIAGS("record r { a : date; group g { b \"\" : date; } }\n"
		       "record s \"\" { c \"C\" : date; }\n",
		       "1:8: error: record 'r' has no label (its official name, a string after its name)\n"
		       "1:12: error: item 'a' has no label (its official name, a string after its name)\n"
		       "1:28: error: group 'g' has no label (its official name, a string after its name)\n"
		       "1:34: error: item 'b' has an empty label\n"
		       "2:10: error: record 's' has an empty label\n");
}

static void test_notes_versions_and_emptiness(void)
{
	UT_CHECK_DIAGS("record r \"R\" {\n"
		       "  a \"A\" : date note \"\";\n"
		       "  b \"B\" : date version 0;\n"
		       "  c \"C\" : date version 1 note \"n\";\n"
		       "  group g \"G\" { }\n"
		       "  group h \"H\" note \"\" version 0 { x \"X\" : date; }\n"
		       "}\n"
		       "record e \"E\" { }\n",
		       "2:16: error: empty note\n"
		       "3:16: error: version numbers start at 1\n"
		       "5:9: error: group 'g' has no items\n"
		       "6:15: error: empty note\n"
		       "6:23: error: version numbers start at 1\n"
		       "8:8: error: record 'e' has no items\n");
}

static void test_applicable_attributes(void)
{
	UT_CHECK_DIAGS("record r \"R\" required [0..1] id \"X\" version 1 { a \"A\" : code(c); }\n"
		       "codes c \"C\" required [0..1] deprecated id \"X\" version 1 "
		       "{ \"1\" x required [0..1] formerly y id \"Y\" version 2; }\n",
		       "1:14: error: 'required' does not apply to a record\n"
		       "1:23: error: an occurrence [min..max] does not apply to a record\n"
		       "1:30: error: 'id' does not apply to a record\n"
		       "1:37: error: 'version' does not apply to a record\n"
		       "2:13: error: 'required' does not apply to a code table\n"
		       "2:22: error: an occurrence [min..max] does not apply to a code table\n"
		       "2:29: error: 'deprecated' does not apply to a code table\n"
		       "2:40: error: 'id' does not apply to a code table\n"
		       "2:47: error: 'version' does not apply to a code table\n"
		       "2:65: error: 'required' does not apply to a code value\n"
		       "2:74: error: an occurrence [min..max] does not apply to a code value\n"
		       "2:90: error: 'formerly' does not apply to a code value\n"
		       "2:92: error: 'id' does not apply to a code value\n"
		       "2:99: error: 'version' does not apply to a code value\n");
	/* What does apply. */
	UT_CHECK_DIAGS("record r \"R\" formerly q deprecated note \"n\" { a \"A\" : code(c); }\n"
		       "codes c \"C\" formerly d note \"n\" { \"1\" x \"X\" deprecated note \"n\"; }\n",
		       "");
}

static void test_records_name(void)
{
	UT_CHECK_DIAGS("record records \"R\" { records \"R\" : date; }\n"
		       "record Records \"R\" { x \"X\" : date; }\n",
		       "1:8: error: 'records' cannot name a record (it is the XML wrapper element)\n");
}

static void test_formerly(void)
{
	UT_CHECK_DIAGS("record r \"R\" formerly r {\n"
		       "  a \"A\" : date formerly a;\n"
		       "  b \"B\" : date formerly a;\n"
		       "  c \"C\" : date formerly z;\n"
		       "  d \"D\" : date formerly z;\n"
		       "  group g \"G\" formerly h { e \"E\" : date formerly z; }\n"
		       "}\n"
		       "record s \"S\" formerly r { x \"X\" : date; }\n"
		       "record t \"T\" formerly old { x \"X\" : date formerly y; }\n"
		       "codes k formerly k { \"1\"; }\n"
		       "codes m formerly k { \"1\"; }\n"
		       "record u \"U\" { p \"P\" : code(k); q \"Q\" : code(m); }\n",
		       "1:23: error: record 'r' is formerly itself\n"
		       "2:25: error: item 'a' is formerly itself\n"
		       "3:25: error: item 'b' is formerly 'a', but 'a' is still declared\n"
		       "  2:3: note: 'a' is declared here\n"
		       "5:25: error: 'z' was renamed twice: to 'c' and to 'd'\n"
		       "  4:3: note: renamed to 'c' here\n"
		       "8:23: error: record 's' is formerly 'r', but 'r' is still declared\n"
		       "  1:8: note: 'r' is declared here\n"
		       "10:18: error: code table 'k' is formerly itself\n"
		       "11:18: error: code table 'm' is formerly 'k', but 'k' is still declared\n"
		       "  10:7: note: 'k' is declared here\n");
	/* A group is renamed like an item, in its parent's namespace. */
	UT_CHECK_DIAGS("record r \"R\" { a \"A\" : date; group g \"G\" formerly a { x \"X\" : date; } }\n",
		       "1:51: error: group 'g' is formerly 'a', but 'a' is still declared\n"
		       "  1:16: note: 'a' is declared here\n");
}

/* ---- names ---- */

static void test_c_keywords(void)
{
	static const char *const words[] = {
		"_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex",
		"_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
		"_Thread_local", "auto", "break", "case", "char", "const",
		"continue", "default", "do", "double", "else", "enum",
		"extern", "float", "for", "goto", "if", "inline", "int",
		"long", "register", "restrict", "return", "short", "signed",
		"sizeof", "static", "struct", "switch", "typedef", "union",
		"unsigned", "void", "volatile", "while",
	};
	static const char *const not_words[] = {
		"", "a", "Int", "INT", "integer", "in", "_", "_bool", "_Boo",
		"auto_", "whilee", "zzz", "_Thread_local_", "__", "Auto",
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!rk_is_c_keyword(words[i]))
			CU_FAIL(words[i]);
	for (size_t i = 0; i < sizeof(not_words) / sizeof(not_words[0]); i++)
		if (rk_is_c_keyword(not_words[i]))
			CU_FAIL(not_words[i]);
	CU_ASSERT(rk_is_c_keyword("default"));
	CU_ASSERT(!rk_is_c_keyword("defaults"));

	UT_CHECK_DIAGS("codes int { \"1\" enum; }\n"
		       "type char = code(int);\n"
		       "record struct \"S\" { double \"D\" : char; group union \"U\" { x \"X\" : date; } }\n",
		       "1:7: error: code table name 'int' is a C keyword (names become C identifiers)\n"
		       "1:17: error: code value symbol name 'enum' is a C keyword (names become C identifiers)\n"
		       "2:6: error: type name 'char' is a C keyword (names become C identifiers)\n"
		       "3:8: error: record name 'struct' is a C keyword (names become C identifiers)\n"
		       "3:21: error: item name 'double' is a C keyword (names become C identifiers)\n"
		       "3:46: error: group name 'union' is a C keyword (names become C identifiers)\n");
}

static void test_xml_prefix(void)
{
	UT_CHECK_DIAGS("codes xml { \"1\" XmlA; }\n"
		       "type XML_t = code(xml);\n"
		       "record xMLr \"R\" { xmlns \"X\" : XML_t; xm \"X\" : date; x_ml \"X\" : date; axml \"X\" : date; x \"X\" : date; }\n",
		       "1:7: error: code table name 'xml' begins with 'xml', which XML reserves\n"
		       "1:17: error: code value symbol name 'XmlA' begins with 'xml', which XML reserves\n"
		       "2:6: error: type name 'XML_t' begins with 'xml', which XML reserves\n"
		       "3:8: error: record name 'xMLr' begins with 'xml', which XML reserves\n"
		       "3:19: error: item name 'xmlns' begins with 'xml', which XML reserves\n");
}

static void test_name_length(void)
{
	struct rk_buf text, want;
	char ok[RK_MAX_NAME + 1], over[RK_MAX_NAME + 2];

	memset(ok, 'a', RK_MAX_NAME);
	ok[RK_MAX_NAME] = '\0';
	memset(over, 'b', RK_MAX_NAME + 1);
	over[RK_MAX_NAME + 1] = '\0';
	rk_buf_init(&text);
	rk_buf_init(&want);
	rk_buf_addf(&text, "type %s = date;\ntype %s = date;\n"
		    "record r \"R\" { x \"X\" : %s; y \"Y\" : %s; }\n",
		    ok, over, ok, over);
	rk_buf_addf(&want, "2:6: error: type name 'bbbbbbbbbbbbbbbbbbbb...' is %u "
		    "characters long (the limit is %u)\n",
		    RK_MAX_NAME + 1, RK_MAX_NAME);
	UT_CHECK_DIAGS(text.s, want.s);
	rk_buf_release(&text);
	rk_buf_release(&want);
}

/* ---- code tables ---- */

static void test_code_values(void)
{
	UT_CHECK_DIAGS("codes a { }\n"
		       "codes b \"\" { \"1\"; }\n"
		       "codes c { \"\"; \"a\\tb\"; \"a\\nb\" nl; \"x\" \"\"; \"\xC2\xA0\" nbsp; }\n"
		       "codes d { \"1\" one; \"1\" uno; \"2\" int; \"1-2\"; \"\xE3\x81\x82\"; \"01\"; }\n"
		       "record r \"R\" { a \"A\" : code(a); b \"B\" : code(b); c \"C\" : code(c); d \"D\" : code(d); }\n",
		       "1:7: error: code table 'a' has no values\n"
		       "2:9: error: code table 'b' has an empty label\n"
		       "3:11: error: empty code value in table 'c'\n"
		       "3:15: error: code value holds a control character\n"
		       "3:15: warning: code value \"a\tb\" has no symbolic name, and generated C cannot name it by its value\n"
		       "3:23: error: code value holds a control character\n"
		       "3:38: error: empty label for code value \"x\"\n"
		       "4:20: error: code value \"1\" appears twice in table 'd'\n"
		       "  4:11: note: first given here\n"
		       "4:33: error: code value symbol name 'int' is a C keyword (names become C identifiers)\n"
		       "4:38: warning: code value \"1-2\" has no symbolic name, and generated C cannot name it by its value\n"
		       "4:45: warning: code value \"\xE3\x81\x82\" has no symbolic name, and generated C cannot name it by its value\n");
}

static void test_code_c_names(void)
{
	UT_CHECK_DIAGS("codes e { \"a\"; \"A\"; \"x\" s; \"y\" S; \"ab\"; \"2\" AB; \"_1\"; \"3\" _1x; }\n"
		       "record r \"R\" { e \"E\" : code(e); }\n",
		       "1:16: error: code value \"A\" would have the same C name as \"a\" (A)\n"
		       "  1:11: note: \"a\" is here\n"
		       "1:32: error: code value \"y\" would have the same C name as \"x\" (S)\n"
		       "  1:21: note: \"x\" is here\n"
		       "1:45: error: code value \"2\" would have the same C name as \"ab\" (AB)\n"
		       "  1:35: note: \"ab\" is here\n");
}

static void test_unused_warnings(void)
{
	struct ut u;

	UT_ASSERT_INT(check(&u, "codes used { \"1\"; }\n"
				"codes unused { \"1\"; }\n"
				"type t_used = date;\n"
				"type t_unused = date;\n"
				"type via = code(only_alias);\n"
				"codes only_alias { \"1\"; }\n"
				"type chain = t_used;\n"
				"record r \"R\" { a \"A\" : chain; b \"B\" : code(used); }\n"),
		      0);
	UT_ASSERT_STR(ut_diags(&u),
		      "2:7: warning: code table 'unused' is never used\n"
		      "4:6: warning: type 't_unused' is never used\n"
		      "5:6: warning: type 'via' is never used\n");
	UT_ASSERT_INT(u.diags.warnings, 3);
	UT_ASSERT_INT(u.diags.errors, 0);
	ut_release(&u);

	/* A second declaration is reported as such, not as unused. */
	UT_CHECK_DIAGS("codes c { \"1\"; }\ncodes c { \"2\"; }\n"
		       "record r \"R\" { x \"X\" : code(c); }\n",
		       "2:7: error: code table 'c' is declared twice\n"
		       "  1:7: note: first declared here\n");
}

/* ---- a whole layout ---- */

static void test_language_example(void)
{
	struct ut u;

	ut_init(&u);
	ut_parse(&u, "r06.layout",
		 "revision R06 {\n"
		 "  title    \"特定個人情報データ標準レイアウト 令和6年6月版\";\n"
		 "  released 2024-06-17;\n"
		 "  previous R05;\n"
		 "}\n"
		 "codes care_level \"要介護状態区分コード\" {\n"
		 "  \"01\" hi_gaito  \"非該当\";\n"
		 "  \"12\" yoshien1  \"要支援１\";\n"
		 "  \"21\" yokaigo1  \"要介護１\";\n"
		 "  \"99\" other     \"その他\"  deprecated;\n"
		 "}\n"
		 "type hihokensha_no = digits(10);\n"
		 "record kaigo_nintei \"介護保険 要介護認定情報\" {\n"
		 "  id      \"TM00000000000034\";\n"
		 "  dataset \"0201\";\n"
		 "  basis   \"番号法 別表 第68項\";\n"
		 "  hihokensha_no \"被保険者番号\" : hihokensha_no required id \"KM00000000000101\" version 2;\n"
		 "  hokensha_no   \"保険者番号\"   : digits(6) required;\n"
		 "  care_level    \"要介護状態区分\" : code(care_level) required formerly kaigodo;\n"
		 "  nintei_date   \"認定年月日\"   : date required;\n"
		 "  valid_from    \"認定有効期間開始日\" : date;\n"
		 "  phone         \"連絡先電話番号\" : ascii(1..13) [0..3];\n"
		 "  remarks       \"備考\" : text(100) note \"全角100文字以内\";\n"
		 "  group history \"認定履歴\" [0..5] {\n"
		 "    nintei_date \"認定年月日\"     : date             required;\n"
		 "    care_level  \"要介護状態区分\" : code(care_level) required;\n"
		 "  }\n"
		 "}\n");
	UT_ASSERT_INT(ut_check(&u), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	struct rk_node *h = ut_node(ut_record(&u, 0), "history");
	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	UT_ASSERT_INT(h->min, 0);
	UT_ASSERT_INT(h->max, 5);
	struct rk_typeref *t = type_of(&u, "history/care_level");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	UT_ASSERT_INT(t->value.n_codes, 4);
	ut_release(&u);
}

static const struct ut_test header_tests[] = {
	{ "valid header", test_header_valid },
	{ "missing header", test_header_missing },
	{ "header fields", test_header_fields },
	{ "header in two files", test_header_in_two_files },
	{ NULL, NULL }
};

static const struct ut_test namespace_tests[] = {
	{ "duplicates", test_duplicates },
	{ "separate namespaces", test_separate_namespaces },
	{ "names across files", test_names_across_files },
	{ "duplicate across files", test_duplicate_across_files },
	{ "unknown names", test_unknown_names },
	{ "cycles", test_cycles },
	{ NULL, NULL }
};

static const struct ut_test type_tests[] = {
	{ "type arguments", test_type_arguments },
	{ "signed", test_signed },
	{ "resolved values", test_resolved_values },
	{ "codes sorted", test_codes_sorted_without_duplicates },
	{ NULL, NULL }
};

static const struct ut_test record_tests[] = {
	{ "occurrence", test_occurrence },
	{ "ids", test_ids },
	{ "dataset and basis", test_dataset_and_basis },
	{ "labels", test_labels },
	{ "notes, versions, emptiness", test_notes_versions_and_emptiness },
	{ "applicable attributes", test_applicable_attributes },
	{ "records", test_records_name },
	{ "formerly", test_formerly },
	{ "language example", test_language_example },
	{ NULL, NULL }
};

static const struct ut_test name_tests[] = {
	{ "C keywords", test_c_keywords },
	{ "xml prefix", test_xml_prefix },
	{ "name length", test_name_length },
	{ NULL, NULL }
};

static const struct ut_test code_tests[] = {
	{ "code values", test_code_values },
	{ "C names of code values", test_code_c_names },
	{ "unused warnings", test_unused_warnings },
	{ NULL, NULL }
};

static const struct ut_suite suites[] = {
	{ "header", header_tests },
	{ "namespaces", namespace_tests },
	{ "types", type_tests },
	{ "records", record_tests },
	{ "names", name_tests },
	{ "codes", code_tests },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return ut_main(argc, argv, suites);
}
