/*
 * test_diff.c: CUnit suites for `renkei diff`'s core: which thing of the
 * old revision is which of the new (matching), the kind of each change,
 * the impact rules on the three axes, value-rule containment (checked
 * against the runtime's own rk_value_check), the version lint, and the
 * order of the change list.
 *
 * Each test diffs two small layouts and compares the change list rendered
 * one change per line:
 *
 *   item r.a length_widened text(20) > text(40) [-x-]
 *
 * where [...] are the producers, consumers and source impacts in that
 * order, x breaking and - compatible, and a trailing "lint:warning" or
 * "lint:error" marks the version lint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "unit.h"
#include "util.h"

/* Two revisions under test and their diff. */
struct pair {
	struct ut side[2];
	struct rk_diff diff;
};

static bool load_side(struct ut *u, const char *text)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_adds(&b, text);
	rk_buf_adds(&b, "\n" UT_HEADER);
	ut_init(u);
	ut_parse(u, "t.layout", b.s);
	rk_buf_release(&b);
	if (ut_check(u) != 0 || u->parse_failures) {
		fprintf(stderr, "\nlayout does not check:\n%s%s\n", text, ut_diags(u));
		return false;
	}
	return true;
}

static void render(const struct rk_diff *d, struct rk_buf *b)
{
	static const char *const lints[] = { "", " lint:warning", " lint:error" };

	for (size_t i = 0; i < d->n; i++) {
		const struct rk_change *c = &d->changes[i];
		int side = c->obj[RK_NEW] ? RK_NEW : RK_OLD;
		rk_buf_addf(b, "%s %s", rk_subject_id(c->subject), c->name[side]);
		if (c->path[side])
			rk_buf_addf(b, ".%s", c->path[side]);
		rk_buf_addf(b, " %s", rk_change_kind_id(c->kind));
		if (c->value[RK_OLD] || c->value[RK_NEW])
			rk_buf_addf(b, " %s > %s",
				    c->value[RK_OLD] ? c->value[RK_OLD] : "-",
				    c->value[RK_NEW] ? c->value[RK_NEW] : "-");
		rk_buf_addf(b, " [%c%c%c]%s\n",
			    c->impact[RK_PRODUCERS].breaking ? 'x' : '-',
			    c->impact[RK_CONSUMERS].breaking ? 'x' : '-',
			    c->impact[RK_SOURCE].breaking ? 'x' : '-',
			    lints[c->lint]);
	}
}

/* Diffs OLD_TEXT with NEW_TEXT (each gets the same revision header) and
 * returns the change list rendered; the caller frees it. */
static char *diff_text(const char *old_text, const char *new_text)
{
	struct pair p;
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_adds(&b, "");
	if (load_side(&p.side[RK_OLD], old_text) &&
	    load_side(&p.side[RK_NEW], new_text)) {
		rk_diff_run(&p.diff, p.side[RK_OLD].rev, p.side[RK_NEW].rev);
		render(&p.diff, &b);
		rk_diff_release(&p.diff);
	} else {
		rk_buf_adds(&b, "(layout errors)\n");
	}
	ut_release(&p.side[RK_OLD]);
	ut_release(&p.side[RK_NEW]);
	return rk_buf_detach(&b);
}

#define DIFF(old_text, new_text, expected) \
	ut_assert_owned(diff_text(old_text, new_text), (expected), \
			"diff", __FILE__, __LINE__)

/* A record R holding BODY. */
#define REC(body) "record r \"R\" {\n" body "}\n"

/* ---- matching ---- */

static void test_identical(void)
{
	const char *t = "codes c \"C\" { \"1\" a \"A\"; }\n"
		REC("a \"A\" : code(c) required id \"KM00000000000001\" version 1;\n"
		    "group g \"G\" [0..3] { b \"B\" : text(10); }\n");
	DIFF(t, t, "");
}

static void test_rename_by_id(void)
{
	DIFF(REC("a \"A\" : date id \"KM00000000000001\";\n"),
	     REC("b \"A\" : date id \"KM00000000000001\";\n"),
	     "item r.b renamed a > b [xxx]\n");
}

static void test_rename_by_formerly(void)
{
	DIFF(REC("a \"A\" : date;\n"),
	     REC("b \"A\" : date formerly a;\n"),
	     "item r.b renamed a > b [xxx]\n");
}

static void test_id_beats_name(void)
{
	/* The names swap, the ids stay: two renames, no type change. */
	DIFF(REC("a \"A\" : date id \"KM00000000000001\";\n"
		 "b \"B\" : flag id \"KM00000000000002\";\n"),
	     REC("b \"A\" : date id \"KM00000000000001\";\n"
		 "a \"B\" : flag id \"KM00000000000002\";\n"),
	     "item r.b renamed a > b [xxx]\n"
	     "item r.a renamed b > a [xxx]\n");
}

static void test_formerly_in_renamed_group(void)
{
	/* The group pairs by `formerly`, then its child by its own. */
	DIFF(REC("group g \"G\" { a \"A\" : date; c \"C\" : flag; }\n"),
	     REC("group h \"G\" formerly g { b \"A\" : date formerly a; c \"C\" : flag; }\n"),
	     "group r.h renamed g > h [xxx]\n"
	     "item r.h.b renamed a > b [xxx]\n");
}

static void test_id_changed_same_name(void)
{
	DIFF(REC("a \"A\" : date id \"KM00000000000001\";\n"),
	     REC("a \"A\" : date id \"KM00000000000009\";\n"),
	     "item r.a id KM00000000000001 > KM00000000000009 [---]\n");
}

static void test_move_by_id(void)
{
	DIFF(REC("a \"A\" : date id \"KM00000000000001\";\n"
		 "group g \"G\" { b \"B\" : flag; }\n"),
	     REC("group g \"G\" { b \"B\" : flag;\n"
		 "a \"A\" : date id \"KM00000000000001\"; }\n"),
	     "item r.g.a moved r > g [xxx]\n");
}

static void test_move_by_unique_name(void)
{
	DIFF(REC("a \"A\" : date;\ngroup g \"G\" { b \"B\" : flag; }\n"),
	     REC("group g \"G\" { b \"B\" : flag; a \"A\" : date; }\n"),
	     "item r.g.a moved r > g [xxx]\n");
}

static void test_no_move_when_ambiguous(void)
{
	/* Two old items named x: neither is taken for the new one. */
	DIFF(REC("group g1 \"G1\" { x \"X\" : flag; }\n"
		 "group g2 \"G2\" { x \"X\" : flag; }\n"),
	     REC("group g3 \"G3\" { x \"X\" : flag; }\n"),
	     "group r.g1 removed [0..1] > - [x-x]\n"
	     "group r.g2 removed [0..1] > - [x-x]\n"
	     "group r.g3 added - > [0..1] [-x-]\n");
}

static void test_no_move_across_ids(void)
{
	/* Same name elsewhere, but different ids: different things. */
	DIFF(REC("a \"A\" : date id \"KM00000000000001\";\ngroup g \"G\" { b \"B\" : flag; }\n"),
	     REC("group g \"G\" { b \"B\" : flag; a \"A\" : date id \"KM00000000000002\"; }\n"),
	     "item r.a removed date [0..1] > - [x-x]\n"
	     "item r.g.a added - > date [0..1] [-x-]\n");
}

static void test_renamed_group_keeps_children(void)
{
	DIFF(REC("group g \"G\" { a \"A\" : flag; b \"B\" : date; }\n"),
	     REC("group h \"G\" formerly g { a \"A\" : flag; b \"B\" : date; }\n"),
	     "group r.h renamed g > h [xxx]\n");
}

static void test_reordered(void)
{
	/* c moves to the front: it alone is out of order. */
	DIFF(REC("a \"A\" : flag;\nb \"B\" : flag;\nc \"C\" : flag;\n"),
	     REC("c \"C\" : flag;\na \"A\" : flag;\nb \"B\" : flag;\n"),
	     "item r.c reordered 3 > 1 [xx-]\n");
}

static void test_removed_at_old_position(void)
{
	DIFF(REC("a \"A\" : flag;\nb \"B\" : flag;\nc \"C\" : flag;\n"),
	     REC("a \"A\" : flag;\nc \"C2\" : flag;\nd \"D\" : flag;\n"),
	     "item r.b removed flag [0..1] > - [x-x]\n"
	     "item r.c label C > C2 [---]\n"
	     "item r.d added - > flag [0..1] [-x-]\n");
}

static void test_removed_group_covers_children(void)
{
	DIFF(REC("a \"A\" : flag;\ngroup g \"G\" [1..2] { b \"B\" : flag required; }\n"),
	     REC("a \"A\" : flag;\n"),
	     "group r.g removed [1..2] > - [xxx]\n");
}

static void test_records(void)
{
	DIFF("record a \"A\" { id \"TM00000000000001\"; x \"X\" : flag; }\n"
	     "record b \"B\" { x \"X\" : flag; }\n"
	     "record c \"C\" { id \"TM00000000000003\"; x \"X\" : flag; }\n"
	     "record d \"D\" { x \"X\" : flag; }\n",
	     "record a2 \"A\" { id \"TM00000000000001\"; x \"X\" : flag; }\n"
	     "record b2 \"B\" formerly b { x \"X\" : flag; }\n"
	     "record c \"C\" { id \"TM00000000000004\"; x \"X\" : flag; }\n"
	     "record e \"E\" { x \"X\" : flag; }\n",
	     "record a2 renamed a > a2 [xxx]\n"
	     "record b2 renamed b > b2 [xxx]\n"
	     "record c id TM00000000000003 > TM00000000000004 [---]\n"
	     "record d removed [x-x]\n"
	     "record e added [-x-]\n");
}

/* ---- impacts of items and groups ---- */

static void test_added_and_removed(void)
{
	DIFF(REC("a \"A\" : flag;\nb \"B\" : flag required;\nk \"K\" : flag;\n"),
	     REC("k \"K\" : flag;\nc \"C\" : flag;\nd \"D\" : flag required;\n"),
	     "item r.a removed flag [0..1] > - [x-x]\n"
	     "item r.b removed flag [1..1] > - [xxx]\n"
	     "item r.c added - > flag [0..1] [-x-]\n"
	     "item r.d added - > flag [1..1] [xx-]\n");
}

static void test_lengths(void)
{
	DIFF(REC("a \"A\" : text(20);\nb \"B\" : text(20);\nc \"C\" : digits(7);\n"
		 "d \"D\" : digits(8);\n"),
	     REC("a \"A\" : text(40);\nb \"B\" : text(10);\nc \"C\" : digits(8);\n"
		 "d \"D\" : digits(6..8);\n"),
	     "item r.a length_widened text(20) > text(40) [-x-]\n"
	     "item r.b length_narrowed text(20) > text(10) [x--]\n"
	     "item r.c length_changed digits(7) > digits(8) [xx-]\n"
	     "item r.d length_widened digits(8) > digits(6..8) [-x-]\n");
}

static void test_numbers(void)
{
	DIFF(REC("a \"A\" : number(9);\nb \"B\" : number(5,2);\n"
		 "c \"C\" : number(9);\nd \"D\" : number(9) signed;\n"
		 "e \"E\" : number(6,1);\n"),
	     REC("a \"A\" : number(10);\nb \"B\" : number(5,3);\n"
		 "c \"C\" : number(9) signed;\nd \"D\" : number(9);\n"
		 "e \"E\" : number(8,2);\n"),
	     "item r.a precision number(9) > number(10) [-x-]\n"
	     "item r.b scale number(5,2) > number(5,3) [xx-]\n"
	     "item r.c sign number(9) > number(9) signed [-x-]\n"
	     "item r.d sign number(9) signed > number(9) [x--]\n"
	     "item r.e precision number(6,1) > number(8,2) [-x-]\n");
}

static void test_type_changes(void)
{
	DIFF("codes c \"C\" { \"01\" one \"1\"; \"02\" two \"2\"; }\n"
	     "type t = digits(7);\n"
	     REC("a \"A\" : alnum(10);\nb \"B\" : digits(2);\nc \"C\" : t;\n"
		 "d \"D\" : date;\n"),
	     "codes c \"C\" { \"01\" one \"1\"; \"02\" two \"2\"; }\n"
	     "type t = digits(7);\n"
	     REC("a \"A\" : ascii(20);\nb \"B\" : code(c);\nc \"C\" : digits(7);\n"
		 "d \"D\" : date8;\n"),
	     "item r.a type alnum(10) > ascii(20) [-x-]\n"
	     "item r.b type digits(2) > code(c) [x--]\n"
	     "item r.c type t (digits(7)) > digits(7) [---]\n"
	     "item r.d type date > date8 [xx-]\n");
}

static void test_occurrences(void)
{
	DIFF(REC("a \"A\" : flag;\nb \"B\" : flag required;\n"
		 "group g1 \"G1\" [1..5] { x \"X\" : flag; }\n"
		 "group g2 \"G2\" [3..5] { x \"X\" : flag; }\n"
		 "group g3 \"G3\" { x \"X\" : flag; }\n"
		 "group g4 \"G4\" [0..5] { x \"X\" : flag; }\n"
		 "group g5 \"G5\" [0..5] { x \"X\" : flag; }\n"
		 "group g6 \"G6\" [0..*] { x \"X\" : flag; }\n"
		 "group g7 \"G7\" [0..4] { x \"X\" : flag; }\n"),
	     REC("a \"A\" : flag required;\nb \"B\" : flag;\n"
		 "group g1 \"G1\" [2..5] { x \"X\" : flag; }\n"
		 "group g2 \"G2\" [2..5] { x \"X\" : flag; }\n"
		 "group g3 \"G3\" [0..3] { x \"X\" : flag; }\n"
		 "group g4 \"G4\" [0..10] { x \"X\" : flag; }\n"
		 "group g5 \"G5\" [0..*] { x \"X\" : flag; }\n"
		 "group g6 \"G6\" [1..*] { x \"X\" : flag; }\n"
		 "group g7 \"G7\" [0..1] { x \"X\" : flag; }\n"),
	     "item r.a required [0..1] > [1..1] [x--]\n"
	     "item r.b optional [1..1] > [0..1] [-x-]\n"
	     "group r.g1 min_raised [1..5] > [2..5] [x--]\n"
	     "group r.g2 min_lowered [3..5] > [2..5] [-x-]\n"
	     "group r.g3 max_raised [0..1] > [0..3] [-xx]\n"
	     "group r.g4 max_raised [0..5] > [0..10] [-xx]\n"
	     "group r.g5 max_raised [0..5] > [0..*] [-xx]\n"
	     "group r.g6 required [0..*] > [1..*] [x--]\n"
	     "group r.g7 max_lowered [0..4] > [0..1] [x-x]\n");
}

static void test_documentation_only(void)
{
	DIFF(REC("a \"A\" : flag note \"n1\";\nb \"B\" : flag;\nc \"C\" : flag deprecated;\n"),
	     REC("a \"A2\" : flag note \"n2\";\nb \"B\" : flag deprecated;\nc \"C\" : flag;\n"),
	     "item r.a label A > A2 [---]\n"
	     "item r.a note n1 > n2 [---]\n"
	     "item r.b deprecated [---]\n"
	     "item r.c undeprecated [---]\n");
}

/* ---- code tables ---- */

static void test_code_values(void)
{
	DIFF("codes c \"C\" { \"1\" a \"A\"; \"2\" b \"B\"; \"3\" c \"C\"; \"4\" d \"D\"; }\n"
	     "codes u \"U\" { \"1\" a \"A\"; }\n"
	     "codes gone \"G\" { \"1\" a \"A\"; }\n"
	     REC("x \"X\" : code(c);\n"),
	     "codes c \"C\" { \"1\" a \"A\"; \"2\" bee \"B\"; \"3\" c \"Cee\" deprecated; \"5\" e \"E\"; }\n"
	     "codes u2 \"U\" formerly u { \"1\" a \"A\"; \"2\" b \"B\"; }\n"
	     REC("x \"X\" : code(c);\n"),
	     "code c.2 symbol b > bee [--x]\n"
	     "code c.3 label C > Cee [---]\n"
	     "code c.3 deprecated [---]\n"
	     "code c.4 removed [x-x]\n"
	     "code c.5 added [-x-]\n"
	     "codes u2 renamed u > u2 [--x]\n"
	     "code u2.2 added [---]\n"
	     "codes gone removed [--x]\n");
}

static void test_renamed_table_changes_no_item(void)
{
	DIFF("codes c \"C\" { \"1\" a \"A\"; }\n" REC("x \"X\" : code(c);\n"),
	     "codes d \"C\" formerly c { \"1\" a \"A\"; }\n" REC("x \"X\" : code(d);\n"),
	     "codes d renamed c > d [--x]\n");
}

/* ---- the version lint ---- */

static void test_version_lint(void)
{
	DIFF(REC("a \"A\" : text(10) version 1;\nb \"B\" : text(10) version 1;\n"
		 "c \"C\" : text(10) version 3;\nd \"D\" : flag version 1 note \"x\";\n"
		 "e \"E\" : flag;\n"),
	     REC("a \"A\" : text(20) version 2;\nb \"B\" : text(20) version 1;\n"
		 "c \"C\" : text(10) version 2;\nd \"D\" : flag version 1 note \"y\";\n"
		 "e \"E\" : flag version 1;\n"),
	     "item r.a length_widened text(10) > text(20) [-x-]\n"
	     "item r.a version_raised 1 > 2 [---]\n"
	     "item r.b length_widened text(10) > text(20) [-x-]\n"
	     "item r.b version_not_raised 1 > 1 [---] lint:warning\n"
	     "item r.c version_lowered 3 > 2 [---] lint:error\n"
	     "item r.d note x > y [---]\n"
	     "item r.e version_set - > 1 [---]\n");
}

static void test_group_version_ignores_children(void)
{
	/* Only the child's own definition changed: the group keeps its
	 * version without a warning. */
	DIFF(REC("group g \"G\" version 1 { a \"A\" : text(10) version 1; }\n"),
	     REC("group g \"G\" version 1 { a \"A\" : text(20) version 2; }\n"),
	     "item r.g.a length_widened text(10) > text(20) [-x-]\n"
	     "item r.g.a version_raised 1 > 2 [---]\n");
}

/* ---- the revision header ---- */

static void test_header(void)
{
	struct ut a, b;
	struct rk_diff d;
	struct rk_buf buf;

	ut_init(&a);
	ut_init(&b);
	ut_parse(&a, "a.layout", "revision R05 { title \"T5\"; released 2023-06-12; }\n");
	ut_parse(&b, "b.layout", "revision R06 { title \"T6\"; released 2024-06-17; previous R05; }\n");
	CU_ASSERT_EQUAL(ut_check(&a), 0);
	CU_ASSERT_EQUAL(ut_check(&b), 0);
	rk_diff_run(&d, a.rev, b.rev);
	rk_buf_init(&buf);
	rk_buf_adds(&buf, "");
	render(&d, &buf);
	UT_ASSERT_STR(buf.s,
		      "revision R06 renamed R05 > R06 [xxx]\n"
		      "revision R06 title T5 > T6 [---]\n"
		      "revision R06 released 2023-06-12 > 2024-06-17 [---]\n"
		      "revision R06 previous - > R05 [---]\n");
	CU_ASSERT(rk_diff_breaks(&d, RK_PRODUCERS));
	rk_buf_release(&buf);
	rk_diff_release(&d);
	ut_release(&a);
	ut_release(&b);
}

/* ---- value rules ---- */

static struct rk_value_type vt(enum rk_kind kind, uint32_t min, uint32_t max)
{
	struct rk_value_type t;

	memset(&t, 0, sizeof(t));
	t.kind = kind;
	t.min_len = min;
	t.max_len = max;
	return t;
}

static struct rk_value_type num(uint16_t p, uint16_t s, int is_signed)
{
	struct rk_value_type t = vt(RK_NUMBER, 0, 0);

	t.precision = p;
	t.scale = s;
	t.is_signed = is_signed;
	return t;
}

/* Asserts that T accepts S, so that a containment claim rests on the
 * runtime's rules and not only on the diff's table of character sets. */
#define ACCEPTS(t, s) CU_ASSERT_EQUAL(rk_value_check(&(t), (s), strlen(s), NULL), 0)

static void test_contains(void)
{
	struct rk_value_type alnum10 = vt(RK_ALNUM, 1, 10), ascii20 = vt(RK_ASCII, 1, 20);
	struct rk_value_type kana10 = vt(RK_KANA, 1, 10), text10 = vt(RK_TEXT, 1, 10);
	struct rk_value_type digits5 = vt(RK_DIGITS, 5, 5), hankana5 = vt(RK_HANKANA, 1, 5);
	struct rk_value_type date = vt(RK_DATE, 0, 0), ascii10 = vt(RK_ASCII, 1, 10);
	struct rk_value_type ascii9 = vt(RK_ASCII, 1, 9), digits12 = vt(RK_DIGITS, 12, 12);
	struct rk_value_type mynumber = vt(RK_MYNUMBER, 0, 0), insurer = vt(RK_INSURER, 0, 0);
	struct rk_value_type digits8 = vt(RK_DIGITS, 8, 8), digits68 = vt(RK_DIGITS, 6, 8);
	struct rk_value_type n52 = num(5, 2, 0), ascii6 = vt(RK_ASCII, 1, 6);
	struct rk_value_type n5 = num(5, 0, 0), digits15 = vt(RK_DIGITS, 1, 5);
	struct rk_value_type digits3 = vt(RK_DIGITS, 3, 3), n3 = num(3, 0, 0);
	struct rk_value_type n3s = num(3, 0, 1), flag = vt(RK_FLAG, 0, 0);

	CU_ASSERT(rk_value_type_contains(&ascii20, &alnum10));
	CU_ASSERT(!rk_value_type_contains(&alnum10, &ascii20));
	CU_ASSERT(rk_value_type_contains(&text10, &kana10));
	ACCEPTS(text10, "アー・　ヴ");
	CU_ASSERT(!rk_value_type_contains(&kana10, &text10));
	CU_ASSERT(rk_value_type_contains(&hankana5, &digits5));
	ACCEPTS(hankana5, "01234");
	CU_ASSERT(rk_value_type_contains(&ascii10, &date));
	ACCEPTS(ascii10, "2024-02-29");
	CU_ASSERT(!rk_value_type_contains(&ascii9, &date));
	CU_ASSERT(rk_value_type_contains(&digits12, &mynumber));
	CU_ASSERT(!rk_value_type_contains(&mynumber, &digits12));
	CU_ASSERT(rk_value_type_contains(&digits68, &insurer));
	CU_ASSERT(!rk_value_type_contains(&digits8, &insurer));
	CU_ASSERT(rk_value_type_contains(&ascii6, &n52));
	ACCEPTS(ascii6, "123.45");
	CU_ASSERT(rk_value_type_contains(&digits15, &n5));
	CU_ASSERT(rk_value_type_contains(&n3, &digits3));
	ACCEPTS(n3, "007");
	CU_ASSERT(!rk_value_type_contains(&n3, &n3s));
	CU_ASSERT(rk_value_type_contains(&n3s, &n3));
	CU_ASSERT(rk_value_type_contains(&digits15, &flag));
	CU_ASSERT(!rk_value_type_contains(&flag, &digits15));
}

static void test_contains_codes(void)
{
	static const char *const zero_one[] = { "0", "1" };
	static const char *const zero_two[] = { "0", "1", "2" };
	struct rk_value_type a = vt(RK_CODE, 0, 0), b = vt(RK_CODE, 0, 0);
	struct rk_value_type flag = vt(RK_FLAG, 0, 0), d1 = vt(RK_DIGITS, 1, 1);

	a.codes = zero_one;
	a.n_codes = 2;
	b.codes = zero_two;
	b.n_codes = 3;
	CU_ASSERT(rk_value_type_contains(&b, &a));
	CU_ASSERT(!rk_value_type_contains(&a, &b));
	CU_ASSERT(rk_value_type_contains(&a, &flag));
	CU_ASSERT(rk_value_type_contains(&flag, &a));
	CU_ASSERT(rk_value_type_contains(&d1, &b));
	CU_ASSERT(!rk_value_type_contains(&b, &d1));
}

/* ---- names ---- */

static void test_ids(void)
{
	UT_ASSERT_STR(rk_subject_id(RK_SUBJ_ITEM), "item");
	UT_ASSERT_STR(rk_change_kind_id(RK_CH_PREVIOUS), "previous");
	UT_ASSERT_STR(rk_change_kind_id(RK_CH_LENGTH_WIDENED), "length_widened");
	UT_ASSERT_STR(rk_axis_id(RK_SOURCE), "source");
	UT_ASSERT_STR(rk_why_id(RK_WHY_SAME_RULE), "same_rule");
	UT_ASSERT_STR(rk_why_id(RK_WHY_SYMBOL_NOT_IN_PAYLOAD), "symbol_not_in_payload");
	for (int w = 0; w < RK_WHY_COUNT; w++)
		CU_ASSERT_PTR_NOT_NULL(rk_why_id((enum rk_why)w));
}

static const struct ut_test matching[] = {
	{ "identical", test_identical },
	{ "rename by id", test_rename_by_id },
	{ "rename by formerly", test_rename_by_formerly },
	{ "id beats name", test_id_beats_name },
	{ "formerly in a renamed group", test_formerly_in_renamed_group },
	{ "id changed, same name", test_id_changed_same_name },
	{ "move by id", test_move_by_id },
	{ "move by unique name", test_move_by_unique_name },
	{ "no move when ambiguous", test_no_move_when_ambiguous },
	{ "no move across ids", test_no_move_across_ids },
	{ "renamed group keeps children", test_renamed_group_keeps_children },
	{ "reordered", test_reordered },
	{ "removed at old position", test_removed_at_old_position },
	{ "removed group covers children", test_removed_group_covers_children },
	{ "records", test_records },
	{ NULL, NULL }
};

static const struct ut_test impacts[] = {
	{ "added and removed", test_added_and_removed },
	{ "lengths", test_lengths },
	{ "numbers", test_numbers },
	{ "type changes", test_type_changes },
	{ "occurrences", test_occurrences },
	{ "documentation only", test_documentation_only },
	{ "code values", test_code_values },
	{ "renamed table changes no item", test_renamed_table_changes_no_item },
	{ "header", test_header },
	{ NULL, NULL }
};

static const struct ut_test lint[] = {
	{ "version lint", test_version_lint },
	{ "group version ignores children", test_group_version_ignores_children },
	{ NULL, NULL }
};

static const struct ut_test values[] = {
	{ "contains", test_contains },
	{ "contains codes", test_contains_codes },
	{ "ids", test_ids },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	static const struct ut_suite suites[] = {
		{ "diff matching", matching },
		{ "diff impacts", impacts },
		{ "diff version lint", lint },
		{ "diff value rules", values },
		{ NULL, NULL }
	};
	return ut_main(argc, argv, suites);
}
