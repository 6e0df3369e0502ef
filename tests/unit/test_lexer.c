/*
 * test_lexer.c: CUnit suites for the tokens of the layout language.  The
 * scanner feeds the parser, so it is driven through rk_parse_file and
 * judged by what the model holds (values of names, numbers, dates,
 * strings; comments) and by the diagnostics, located to the line and the
 * column in code points.  The byte-level checks of the source module
 * (rk_source_check_encoding, rk_source_loc_at, rk_source_line) are tested
 * directly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "source.h"
#include "unit.h"
#include "util.h"

/* The length of a string literal, NUL bytes inside it included. */
#define LIT(s) (s), (sizeof(s) - 1)

/* Parses TEXT in U (one file, "t.layout"). */
static int parse(struct ut *u, const char *text)
{
	ut_init(u);
	return ut_parse(u, "t.layout", text);
}

static const struct rk_header *header(const struct ut *u)
{
	return u->rev->n_headers ? u->rev->headers[0] : NULL;
}

/* ---- keywords and names ---- */

static void test_keyword_prefixes(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "type dates = date;\n"
				  "type date8x = date8;\n"
				  "type d = dates;\n"
				  "type Date = text(3);\n"
				  "type _x9 = datex;\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_types, 5);
	struct rk_typedef **t = u.rev->types;
	UT_ASSERT_STR(t[0]->name.text, "dates");
	CU_ASSERT(t[0]->type->builtin);
	UT_ASSERT_INT(t[0]->type->kind, RK_DATE);
	UT_ASSERT_STR(t[1]->name.text, "date8x");
	CU_ASSERT(t[1]->type->builtin);
	UT_ASSERT_INT(t[1]->type->kind, RK_DATE8);
	CU_ASSERT(!t[2]->type->builtin);
	UT_ASSERT_STR(t[2]->type->name.text, "dates");
	UT_ASSERT_STR(t[3]->name.text, "Date");
	UT_ASSERT_INT(t[3]->type->kind, RK_TEXT);
	UT_ASSERT_STR(t[4]->name.text, "_x9");
	CU_ASSERT(!t[4]->type->builtin);
	UT_ASSERT_STR(t[4]->type->name.text, "datex");
	ut_release(&u);
}

/* Every keyword is reserved: it cannot name a type (or anything). */
static void test_keywords_reserved(void)
{
	static const char *const words[] = {
		"revision", "codes", "type", "record", "group", "rule",
		"title", "released", "previous", "id", "dataset", "basis",
		"required", "note", "formerly", "deprecated", "version",
		"signed", "digits", "alnum", "ascii", "text", "kana",
		"hankana", "string", "number", "date", "date8", "yearmonth",
		"wareki", "flag", "code", "mynumber", "lgcode", "insurer",
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		struct ut u;
		struct rk_buf text, want;

		rk_buf_init(&text);
		rk_buf_init(&want);
		rk_buf_addf(&text, "type %s = date;\ntype ok = date;\n", words[i]);
		rk_buf_addf(&want, "1:6: error: syntax error: unexpected '%s', "
			    "expecting identifier ('%s' is a reserved word and "
			    "cannot be a name)\n", words[i], words[i]);
		CU_ASSERT_EQUAL(parse(&u, text.s), -1);
		UT_ASSERT_STR(ut_diags(&u), want.s);
		/* Recovery at the ';': the next declaration is built. */
		CU_ASSERT_EQUAL(u.rev->n_types, 1);
		if (u.rev->n_types == 1)
			UT_ASSERT_STR(u.rev->types[0]->name.text, "ok");
		ut_release(&u);
		rk_buf_release(&text);
		rk_buf_release(&want);
	}
}

static void test_non_ascii_names(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  名前 \"N\" : date;\n"
				  "  a_あ_b \"A\" : date;\n"
				  "  あ;\n"
				  "  ok \"O\" : date;\n"
				  "}\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "2:3: error: name '名前' is not ASCII (names become C and "
		      "XML names; put the Japanese name in the label)\n"
		      "3:3: error: name 'a_あ_b' is not ASCII (names become C and "
		      "XML names; put the Japanese name in the label)\n"
		      "4:3: error: unexpected character 'あ' (U+3042)\n");
	/* A non-ASCII name is still a name: its item is built. */
	struct rk_record *r = ut_record(&u, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_INT(r->n_children, 3);
	UT_ASSERT_STR(r->children[0]->name.text, "名前");
	UT_ASSERT_STR(r->children[1]->name.text, "a_あ_b");
	UT_ASSERT_STR(r->children[2]->name.text, "ok");
	ut_release(&u);
}

/* A long name is quoted by its start, never cut inside a character. */
static void test_long_non_ascii_name(void)
{
	struct rk_buf text, want;

	rk_buf_init(&text);
	rk_buf_init(&want);
	rk_buf_adds(&text, "type ");
	for (int i = 0; i < 30; i++)
		rk_buf_adds(&text, "あ");
	rk_buf_adds(&text, " = date;\n");
	rk_buf_adds(&want, "1:6: error: name '");
	for (int i = 0; i < 21; i++)   /* 63 bytes, within the 64 quoted */
		rk_buf_adds(&want, "あ");
	rk_buf_adds(&want, "...' is not ASCII (names become C and XML names; put "
		    "the Japanese name in the label)\n");
	UT_PARSE_DIAGS(text.s, want.s);
	rk_buf_release(&text);
	rk_buf_release(&want);
}

static void test_unexpected_characters(void)
{
	UT_PARSE_DIAGS("type a = date @;\n",
		       "1:15: error: unexpected character '@'\n");
	/* Control characters are refused anywhere, a tab excepted. */
	UT_PARSE_DIAGS("type a = date\x01;\ntype b = date\x7F;\n"
		       "# \x1B[1m\n\"\xC2\x85\"\n\t# tab\tin a comment\n",
		       "1:14: error: control character U+0001\n"
		       "2:14: error: control character U+007F\n"
		       "3:3: error: control character U+001B\n"
		       "4:2: error: control character U+0085\n");
	/* A full-width space is not white space, nor part of a name. */
	UT_PARSE_DIAGS("type a = date\xE3\x80\x80;\n",
		       "1:14: error: unexpected full-width space (U+3000)\n");
	UT_PARSE_DIAGS("type a\xE3\x80\x80= date;\ntype b = \xE3\x80\x80" "date;\n",
		       "1:7: error: unexpected full-width space (U+3000)\n"
		       "2:10: error: unexpected full-width space (U+3000)\n");
	UT_PARSE_DIAGS("type 名\xE3\x80\x80前 = date;\n",
		       "1:6: error: unexpected character '名' (U+540D)\n");
	/* Nor is a no-break space. */
	UT_PARSE_DIAGS("type a\xC2\xA0= date;\n",
		       "1:7: error: unexpected character '\xC2\xA0' (U+00A0)\n");
	/* In a label or a comment it is just a character. */
	UT_PARSE_DIAGS("record r \"\xE3\x80\x80\" { a \"\xE3\x80\x80\" : date; } "
		       "# \xE3\x80\x80\n", "");
	/* '-' only appears inside a date. */
	UT_PARSE_DIAGS("revision R { released 2024-6-17; }\n",
		       "1:23: error: syntax error: unexpected integer, "
		       "expecting date (a date is written YYYY-MM-DD)\n");
	/* Of a run of stray characters only the first is reported, and what
	 * follows it up to the end of the statement is its consequence. */
	UT_PARSE_DIAGS("type a = date $%^ x;\ntype b = ?;\n",
		       "1:15: error: unexpected character '$'\n"
		       "2:10: error: unexpected character '?'\n");
}

/* ---- integers and dates ---- */

static void test_integers(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  a \"A\" : digits(007) version 18446744073709551615;\n"
				  "  b \"B\" : number(12,0) version 0;\n"
				  "}\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	struct rk_node *a = ut_node(ut_record(&u, 0), "a");
	struct rk_node *b = ut_node(ut_record(&u, 0), "b");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	UT_ASSERT_INT(a->type->args[0], 7);
	CU_ASSERT(a->attrs.has_version);
	UT_ASSERT_INT(a->attrs.version, UINT64_MAX);
	UT_ASSERT_INT(b->type->n_args, 2);
	UT_ASSERT_INT(b->type->args[0], 12);
	UT_ASSERT_INT(b->type->args[1], 0);
	CU_ASSERT(b->attrs.has_version);
	UT_ASSERT_INT(b->attrs.version, 0);
	ut_release(&u);
}

static void test_integer_overflow(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "record r \"R\" {\n"
				  "  a \"A\" : date version 18446744073709551616;\n"
				  "  b \"B\" : date version 99999999999999999999;\n"
				  "}\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "2:24: error: integer '18446744073709551616' does not fit in 64 bits\n"
		      "3:24: error: integer '99999999999999999999' does not fit in 64 bits\n");
	/* The statement is still built, with the largest value. */
	struct rk_node *a = ut_node(ut_record(&u, 0), "a");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	UT_ASSERT_INT(a->attrs.version, UINT64_MAX);
	ut_release(&u);

	/* A huge integer is quoted by its first 64 digits. */
	struct rk_buf text, want;
	rk_buf_init(&text);
	rk_buf_init(&want);
	rk_buf_adds(&text, "type t = digits(");
	rk_buf_adds(&want, "1:17: error: integer '");
	for (int i = 0; i < 100; i++)
		rk_buf_addc(&text, (char)('0' + (i % 9) + 1));
	for (int i = 0; i < 64; i++)
		rk_buf_addc(&want, (char)('0' + (i % 9) + 1));
	rk_buf_adds(&text, ");\n");
	rk_buf_adds(&want, "...' does not fit in 64 bits\n");
	UT_PARSE_DIAGS(text.s, want.s);
	rk_buf_release(&text);
	rk_buf_release(&want);
}

static void test_dates(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "revision R { released 2024-06-17; }\n"
				  "revision S { released 0001-01-01; }\n"
				  "revision T { released 2024-02-30; }\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_headers, 3);
	const struct rk_date *d = &u.rev->headers[0]->released;
	UT_ASSERT_INT(d->year, 2024);
	UT_ASSERT_INT(d->month, 6);
	UT_ASSERT_INT(d->day, 17);
	d = &u.rev->headers[1]->released;
	UT_ASSERT_INT(d->year, 1);
	UT_ASSERT_INT(d->month, 1);
	UT_ASSERT_INT(d->day, 1);
	/* The scanner reads the shape; the checker judges the calendar. */
	d = &u.rev->headers[2]->released;
	UT_ASSERT_INT(d->month, 2);
	UT_ASSERT_INT(d->day, 30);
	ut_release(&u);
}

/* ---- strings ---- */

static void test_string_escapes(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "revision R { title \"a\\\"b\\\\c\\nd\\te\"; }\n"
				  "revision S { title \"\"; }\n"
				  "revision T { title \"介護 # 保険\"; }\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_headers, 3);
	UT_ASSERT_STR(u.rev->headers[0]->title, "a\"b\\c\nd\te");
	UT_ASSERT_STR(u.rev->headers[1]->title, "");
	UT_ASSERT_STR(u.rev->headers[2]->title, "介護 # 保険");
	UT_ASSERT_INT(u.rev->files[0]->n_comments, 0);
	ut_release(&u);
}

static void test_string_bad_escapes(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "revision R { title \"ab\\qc\\x\"; }\n"
				  "revision S { title \"a\\あb\"; }\n"
				  "revision T { title \"a\tb\"; }\n"
				  "revision U { title \"被保険者\\\"\t\"; }\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "1:23: error: unknown escape sequence '\\q' in a string "
		      "(known: \\\" \\\\ \\n \\t)\n"
		      "1:26: error: unknown escape sequence '\\x' in a string "
		      "(known: \\\" \\\\ \\n \\t)\n"
		      "2:22: error: unknown escape sequence '\\あ' in a string "
		      "(known: \\\" \\\\ \\n \\t)\n"
		      "3:22: error: tab in a string (write \\t)\n"
		      "4:27: error: tab in a string (write \\t)\n");
	/* The strings are kept, the unknown escapes as the escaped text. */
	CU_ASSERT_EQUAL_FATAL(u.rev->n_headers, 4);
	UT_ASSERT_STR(u.rev->headers[0]->title, "abqcx");
	UT_ASSERT_STR(u.rev->headers[1]->title, "aあb");
	UT_ASSERT_STR(u.rev->headers[2]->title, "a\tb");
	UT_ASSERT_STR(u.rev->headers[3]->title, "被保険者\"\t");
	ut_release(&u);
}

static void test_unterminated_string(void)
{
	struct ut u;

	/* The string ends at the line end; the statement goes on. */
	CU_ASSERT_EQUAL(parse(&u, "revision R {\n"
				  "  title \"abc\n"
				  "  ;\n"
				  "  released 2024-06-17;\n"
				  "}\n"
				  "revision S { title \"x\\\n"
				  "; }\n"
				  "revision T { title \"\\\"\r\n"
				  "; }\n"),
			-1);
	UT_ASSERT_STR(ut_diags(&u),
		      "2:9: error: missing terminating '\"' character\n"
		      "6:20: error: missing terminating '\"' character\n"
		      "8:20: error: missing terminating '\"' character\n");
	CU_ASSERT_EQUAL_FATAL(u.rev->n_headers, 3);
	UT_ASSERT_STR(u.rev->headers[0]->title, "abc");
	CU_ASSERT(u.rev->headers[0]->has_released);
	UT_ASSERT_STR(u.rev->headers[1]->title, "x\\");
	UT_ASSERT_STR(u.rev->headers[2]->title, "\"");
	ut_release(&u);
}

/* ---- comments, line ends, byte-order mark ---- */

static void test_comments(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "# first\n"
				  "revision R { # after brace\n"
				  "  title \"a # not a comment\";   \n"
				  "  released 2024-06-17;#tight   \t\n"
				  "  # 注記 \"x\"\n"
				  "}\n"
				  "#\n"
				  "# last, no newline"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	const struct rk_file *f = u.rev->files[0];
	CU_ASSERT_EQUAL_FATAL(f->n_comments, 6);
	static const struct { uint32_t line, col; const char *text; } want[] = {
		{ 1, 1, "# first" },
		{ 2, 14, "# after brace" },
		{ 4, 23, "#tight" },
		{ 5, 3, "# 注記 \"x\"" },
		{ 7, 1, "#" },
		{ 8, 1, "# last, no newline" },
	};
	for (size_t i = 0; i < 6; i++) {
		UT_ASSERT_INT(f->comments[i].line, want[i].line);
		UT_ASSERT_INT(f->comments[i].col, want[i].col);
		UT_ASSERT_STR(f->comments[i].text, want[i].text);
	}
	UT_ASSERT_STR(header(&u)->title, "a # not a comment");
	ut_release(&u);
}

static void test_crlf(void)
{
	struct ut u;
	static const char text[] =
		"revision R {\r\n"
		"  title \"t\"; # c\r\n"
		"  released 2024-06-17;\r\n"
		"}\r\n"
		"record r \"R\" {\r\n"
		"  a \"A\" : date @;\r\n"
		"}\r\n";

	CU_ASSERT_EQUAL(parse(&u, text), -1);
	UT_ASSERT_STR(ut_diags(&u), "6:16: error: unexpected character '@'\n");
	UT_ASSERT_STR(header(&u)->title, "t");
	CU_ASSERT(header(&u)->has_released);
	UT_ASSERT_INT(header(&u)->released_loc.line, 3);
	UT_ASSERT_INT(header(&u)->released_loc.col, 12);
	const struct rk_file *f = u.rev->files[0];
	CU_ASSERT_EQUAL_FATAL(f->n_comments, 1);
	UT_ASSERT_STR(f->comments[0].text, "# c");
	UT_ASSERT_INT(f->comments[0].col, 14);
	CU_ASSERT_PTR_NOT_NULL(ut_node(ut_record(&u, 0), "a"));
	ut_release(&u);
}

static void test_stray_carriage_return(void)
{
	UT_PARSE_DIAGS("revision R {\r  title \"t\";\n}\r",
		       "1:13: error: carriage return not followed by a line feed\n"
		       "2:2: error: carriage return not followed by a line feed\n");
	UT_PARSE_DIAGS("a\r\r\n", "1:2: error: carriage return not followed by a line feed\n");
}

static void test_byte_order_mark(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "\xEF\xBB\xBFrevision R { title \"t\"; }\n"),
			0);
	UT_ASSERT_STR(ut_diags(&u), "");
	UT_ASSERT_STR(header(&u)->name.text, "R");
	UT_ASSERT_INT(header(&u)->name.loc.line, 1);
	UT_ASSERT_INT(header(&u)->name.loc.col, 10);
	size_t len;
	const char *line = rk_source_line(u.rev->files[0]->src, 1, &len);
	CU_ASSERT_EQUAL(len, strlen("revision R { title \"t\"; }"));
	CU_ASSERT(line && strncmp(line, "revision", 8) == 0);
	ut_release(&u);

	/* Columns on line 1 count from after the mark. */
	UT_PARSE_DIAGS("\xEF\xBB\xBF@", "1:1: error: unexpected character '@'\n");
	UT_PARSE_DIAGS("\xEF\xBB\xBFrevision R @",
		       "1:12: error: unexpected character '@'\n");
	UT_PARSE_DIAGS("\xEF\xBB\xBF" "ab\xFF", "1:3: error: invalid UTF-8 (a byte that never appears in UTF-8)\n");
	/* A mark anywhere else is a character like any other. */
	UT_PARSE_DIAGS("# x\n\xEF\xBB\xBF",
		       "2:1: error: unexpected character '\xEF\xBB\xBF' (U+FEFF)\n");
}

static void test_columns_in_code_points(void)
{
	UT_PARSE_DIAGS("record r \"R\" {\n"
		       "  a \"被保険者番号\" : date @;\n"
		       "  b \"\xF0\x9F\x98\x80\" @ : date;\n"
		       "}\n",
		       "2:21: error: unexpected character '@'\n"
		       "3:9: error: unexpected character '@'\n");
	UT_PARSE_DIAGS("# ああ\xFF\n", "1:5: error: invalid UTF-8 (a byte that never appears in UTF-8)\n");
	UT_PARSE_DIAGS("type a = date; # 注\ntype 型 = date;\n",
		       "2:6: error: unexpected character '型' (U+578B)\n");
}

/* ---- encoding ---- */

static void test_encoding_errors_located(void)
{
	struct ut u;

	ut_init(&u);
	CU_ASSERT_EQUAL(ut_parse_bytes(&u, "t.layout",
				       LIT("record r \"R\" {\n"
					   "  a \"A\xFF\" : date;\n"
					   "  b \"\0\" : date;\xFF\n"
					   "}\n\0")),
			-1);
	UT_ASSERT_STR(ut_diags(&u), "2:7: error: invalid UTF-8 (a byte that never appears in UTF-8)\n"
				    "3:6: error: NUL byte\n"
				    "5:1: error: NUL byte\n");
	/* Nothing of a badly encoded file is parsed. */
	UT_ASSERT_INT(u.rev->n_records, 0);
	UT_ASSERT_INT(u.rev->n_files, 1);
	CU_ASSERT(!u.rev->files[0]->parsed);
	ut_release(&u);
}

static void test_encoding_sequences(void)
{
#define BAD(why) "invalid UTF-8 (" why ")"
	static const struct {
		const char *bytes;
		size_t n;
		const char *error;   /* NULL: valid */
	} cases[] = {
		{ LIT("ok \xC3\xA9 \xE3\x81\x82 \xF0\x9F\x98\x80"), NULL },
		{ LIT("\xEF\xBF\xBF \xF4\x8F\xBF\xBF"), NULL },  /* U+FFFF, U+10FFFF */
		{ LIT("ab\x80"), BAD("a continuation byte with no lead byte") },
		{ LIT("ab\xC0\xAF"), BAD("an overlong encoding") },
		{ LIT("ab\xC1\xBF"), BAD("an overlong encoding") },
		{ LIT("ab\xE0\x80\xAF"), BAD("an overlong encoding") },
		{ LIT("ab\xF0\x8F\xBF\xBF"), BAD("an overlong encoding") },
		{ LIT("ab\xED\xA0\x80"), BAD("a UTF-16 surrogate") },
		{ LIT("ab\xF4\x90\x80\x80"), BAD("a code point beyond U+10FFFF") },
		{ LIT("ab\xF5\x80\x80\x80"), BAD("a code point beyond U+10FFFF") },
		{ LIT("ab\xFE"), BAD("a byte that never appears in UTF-8") },
		{ LIT("ab\xFF"), BAD("a byte that never appears in UTF-8") },
		{ LIT("ab\xE3\x81"), BAD("a sequence cut short") },
		{ LIT("ab\xE3\x81 x"), BAD("a sequence cut short") },
		{ LIT("ab\xF0\x9F\x98"), BAD("a sequence cut short") },
		{ LIT("ab\xC3\n"), BAD("a sequence cut short") },
	};
#undef BAD

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct rk_diags diags;
		struct rk_source *src =
			rk_source_from_memory("t", cases[i].bytes, cases[i].n);
		int n = cases[i].error ? 1 : 0;
		rk_diags_init(&diags);
		UT_ASSERT_INT(rk_source_check_encoding(src, &diags), n);
		UT_ASSERT_INT(diags.n, n);
		if (n && diags.n == 1) {
			UT_ASSERT_STR(diags.items[0].message, cases[i].error);
			UT_ASSERT_INT(diags.items[0].loc.line, 1);
			UT_ASSERT_INT(diags.items[0].loc.col, 3);
		}
		rk_diags_release(&diags);
		rk_source_free(src);
	}
}

/* One error per line, at the line's first bad byte. */
static void test_encoding_one_error_per_line(void)
{
	struct rk_diags diags;
	struct rk_source *src = rk_source_from_memory(
		"t", LIT("\xFF\xFF\0\nok\n\r\r\n\xE3\x81\x82\0"));

	rk_diags_init(&diags);
	UT_ASSERT_INT(rk_source_check_encoding(src, &diags), 3);
	CU_ASSERT_EQUAL_FATAL(diags.n, 3);
	UT_ASSERT_STR(diags.items[0].message,
		      "invalid UTF-8 (a byte that never appears in UTF-8)");
	UT_ASSERT_INT(diags.items[0].loc.line, 1);
	UT_ASSERT_INT(diags.items[0].loc.col, 1);
	UT_ASSERT_STR(diags.items[1].message,
		      "carriage return not followed by a line feed");
	UT_ASSERT_INT(diags.items[1].loc.line, 3);
	UT_ASSERT_INT(diags.items[1].loc.col, 1);
	UT_ASSERT_STR(diags.items[2].message, "NUL byte");
	UT_ASSERT_INT(diags.items[2].loc.line, 4);
	UT_ASSERT_INT(diags.items[2].loc.col, 2);
	CU_ASSERT_PTR_EQUAL(diags.items[2].loc.src, src);
	rk_diags_release(&diags);
	rk_source_free(src);
}

/* ---- the source module's indexing ---- */

static void test_loc_at(void)
{
	struct rk_source *src = rk_source_from_memory("t", LIT("ab\nあいう\nx"));
	static const struct { size_t offset; uint32_t line, col; } want[] = {
		{ 0, 1, 1 }, { 2, 1, 3 }, { 3, 2, 1 }, { 6, 2, 2 },
		{ 12, 2, 4 }, { 13, 3, 1 }, { 14, 3, 2 },
	};

	UT_ASSERT_INT(src->n_lines, 3);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct rk_loc loc = rk_source_loc_at(src, want[i].offset);
		CU_ASSERT_PTR_EQUAL(loc.src, src);
		UT_ASSERT_INT(loc.line, want[i].line);
		UT_ASSERT_INT(loc.col, want[i].col);
	}
	rk_source_free(src);

	src = rk_source_from_memory("t", LIT("\xEF\xBB\xBF" "ab\ncd"));
	UT_ASSERT_INT(src->start, 3);
	UT_ASSERT_INT(rk_source_loc_at(src, 3).col, 1);
	UT_ASSERT_INT(rk_source_loc_at(src, 4).col, 2);
	UT_ASSERT_INT(rk_source_loc_at(src, 7).line, 2);
	UT_ASSERT_INT(rk_source_loc_at(src, 7).col, 2);
	rk_source_free(src);
}

static void test_source_line(void)
{
	struct rk_source *src = rk_source_from_memory("t", LIT("ab\r\nあい\n\n"));
	const char *line;
	size_t len = 99;

	UT_ASSERT_INT(src->n_lines, 4);
	line = rk_source_line(src, 1, &len);
	CU_ASSERT(line && len == 2 && strncmp(line, "ab", 2) == 0);
	line = rk_source_line(src, 2, &len);
	CU_ASSERT(line && len == 6 && strncmp(line, "あい", 6) == 0);
	line = rk_source_line(src, 3, &len);
	CU_ASSERT(line && len == 0);
	line = rk_source_line(src, 4, &len);
	CU_ASSERT(line && len == 0);
	CU_ASSERT_PTR_NULL(rk_source_line(src, 5, &len));
	CU_ASSERT_PTR_NULL(rk_source_line(src, 0, &len));
	rk_source_free(src);

	/* An empty source has one empty line. */
	src = rk_source_from_memory("t", "", 0);
	UT_ASSERT_INT(src->n_lines, 1);
	line = rk_source_line(src, 1, &len);
	CU_ASSERT(line && len == 0);
	rk_source_free(src);
}

static void test_empty_file(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, ""), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	CU_ASSERT(u.rev->files[0]->parsed);
	UT_ASSERT_INT(u.rev->files[0]->n_decls, 0);
	ut_release(&u);
	UT_PARSE_DIAGS("\n\n  # only a comment\n\t\n", "");
}

static const struct ut_test name_tests[] = {
	{ "keywords vs identifiers", test_keyword_prefixes },
	{ "every keyword is reserved", test_keywords_reserved },
	{ "non-ASCII names", test_non_ascii_names },
	{ "long non-ASCII name quoted", test_long_non_ascii_name },
	{ "unexpected characters", test_unexpected_characters },
	{ NULL, NULL }
};

static const struct ut_test literal_tests[] = {
	{ "integers", test_integers },
	{ "integer overflow", test_integer_overflow },
	{ "dates", test_dates },
	{ "string escapes", test_string_escapes },
	{ "bad escapes", test_string_bad_escapes },
	{ "unterminated strings", test_unterminated_string },
	{ NULL, NULL }
};

static const struct ut_test layout_tests[] = {
	{ "comments", test_comments },
	{ "CRLF", test_crlf },
	{ "stray CR", test_stray_carriage_return },
	{ "byte-order mark", test_byte_order_mark },
	{ "columns in code points", test_columns_in_code_points },
	{ "empty file", test_empty_file },
	{ NULL, NULL }
};

static const struct ut_test encoding_tests[] = {
	{ "errors located", test_encoding_errors_located },
	{ "UTF-8 sequences", test_encoding_sequences },
	{ "one error per line", test_encoding_one_error_per_line },
	{ "rk_source_loc_at", test_loc_at },
	{ "rk_source_line", test_source_line },
	{ NULL, NULL }
};

static const struct ut_suite suites[] = {
	{ "names", name_tests },
	{ "literals", literal_tests },
	{ "layout", layout_tests },
	{ "encoding", encoding_tests },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return ut_main(argc, argv, suites);
}
