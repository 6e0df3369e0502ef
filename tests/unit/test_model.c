/*
 * test_model.c: CUnit suites for the layout model and its printer: the
 * look-ups (rk_revision_find_*, rk_codes_find_value, rk_revision_name),
 * rk_record_walk's order, rk_node_path, freeing every part (the suite runs
 * under valgrind), and rk_fmt_file's canonical text, compared byte for
 * byte: statement order, column alignment by display width (Japanese
 * labels count two columns a character), comments and blank lines kept;
 * and rk_load, which reads a revision's files from disk in name order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "fmt.h"
#include "load.h"
#include "parse.h"
#include "unit.h"
#include "util.h"

static int parse(struct ut *u, const char *text)
{
	ut_init(u);
	return ut_parse(u, "t.layout", text);
}

static const char layout[] =
	"revision R06 { title \"t\"; released 2024-06-17; }\n"
	"codes care \"C\" { \"01\" a \"A\"; \"12\" b; \"\" e; \"01\" dup; }\n"
	"codes other { \"x\"; }\n"
	"type hno = digits(10);\n"
	"type hno = text(3);\n"
	"type kubun = code(care);\n"
	"record kaigo \"K\" {\n"
	"  a \"A\" : hno;\n"
	"  group h \"H\" [0..5] {\n"
	"    x \"X\" : date;\n"
	"    group g \"G\" {\n"
	"      y \"Y\" : kubun;\n"
	"      z \"Z\" : code(other);\n"
	"    }\n"
	"    w \"W\" : flag;\n"
	"  }\n"
	"  e \"E\" : text(10);\n"
	"}\n"
	"record empty \"E\" { }\n"
	"record kaigo \"K2\" { q \"Q\" : date; }\n";

/* ---- look-ups ---- */

static void test_find(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, layout), 0);
	struct rk_record *r = rk_revision_find_record(u.rev, "kaigo");
	CU_ASSERT_PTR_EQUAL(r, u.rev->records[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	UT_ASSERT_STR(r->label, "K");    /* the first declaration wins */
	CU_ASSERT_PTR_EQUAL(rk_revision_find_record(u.rev, "empty"),
			    u.rev->records[1]);
	CU_ASSERT_PTR_NULL(rk_revision_find_record(u.rev, "Kaigo"));
	CU_ASSERT_PTR_NULL(rk_revision_find_record(u.rev, "kaig"));
	CU_ASSERT_PTR_NULL(rk_revision_find_record(u.rev, ""));

	CU_ASSERT_PTR_EQUAL(rk_revision_find_codes(u.rev, "care"), u.rev->codes[0]);
	CU_ASSERT_PTR_EQUAL(rk_revision_find_codes(u.rev, "other"), u.rev->codes[1]);
	CU_ASSERT_PTR_NULL(rk_revision_find_codes(u.rev, "hno"));

	struct rk_typedef *t = rk_revision_find_type(u.rev, "hno");
	CU_ASSERT_PTR_EQUAL(t, u.rev->types[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	UT_ASSERT_INT(t->type->kind, RK_DIGITS);
	CU_ASSERT_PTR_EQUAL(rk_revision_find_type(u.rev, "kubun"), u.rev->types[2]);
	CU_ASSERT_PTR_NULL(rk_revision_find_type(u.rev, "care"));
	CU_ASSERT_PTR_NULL(rk_revision_find_type(u.rev, "kaigo"));
	ut_release(&u);

	/* An empty revision finds nothing. */
	struct rk_revision *rev = rk_revision_new();
	CU_ASSERT_PTR_NULL(rk_revision_find_record(rev, "a"));
	CU_ASSERT_PTR_NULL(rk_revision_find_codes(rev, "a"));
	CU_ASSERT_PTR_NULL(rk_revision_find_type(rev, "a"));
	CU_ASSERT_PTR_NULL(rk_revision_name(rev));
	rk_revision_free(rev);
	rk_revision_free(NULL);
}

static void test_find_code_value(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, layout), 0);
	const struct rk_codes *c = rk_revision_find_codes(u.rev, "care");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	const struct rk_code_value *v = rk_codes_find_value(c, "01");
	CU_ASSERT_PTR_EQUAL(v, &c->values[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	UT_ASSERT_STR(v->symbol.text, "a");   /* not "dup" */
	CU_ASSERT_PTR_EQUAL(rk_codes_find_value(c, "12"), &c->values[1]);
	CU_ASSERT_PTR_EQUAL(rk_codes_find_value(c, ""), &c->values[2]);
	CU_ASSERT_PTR_NULL(rk_codes_find_value(c, "1"));
	CU_ASSERT_PTR_NULL(rk_codes_find_value(c, "012"));
	CU_ASSERT_PTR_NULL(rk_codes_find_value(c, "x"));
	ut_release(&u);
}

static void test_revision_name(void)
{
	struct ut u;

	CU_ASSERT_EQUAL(parse(&u, "revision A { }\nrevision B { }\n"), 0);
	UT_ASSERT_STR(rk_revision_name(u.rev), "A");
	ut_check(&u);
	CU_ASSERT_PTR_EQUAL(u.rev->header, u.rev->headers[0]);
	UT_ASSERT_STR(rk_revision_name(u.rev), "A");
	/* The checked header is the one named. */
	u.rev->header = u.rev->headers[1];
	UT_ASSERT_STR(rk_revision_name(u.rev), "B");
	ut_release(&u);

	CU_ASSERT_EQUAL(parse(&u, "type t = date;\n"), 0);
	CU_ASSERT_PTR_NULL(rk_revision_name(u.rev));
	ut_release(&u);
}

/* ---- walking ---- */

static void collect(struct rk_node *node, void *data)
{
	struct rk_buf *b = data;

	if (b->len)
		rk_buf_addc(b, ' ');
	rk_node_path(node, b);
}

static void test_walk(void)
{
	struct ut u;
	struct rk_buf b;

	CU_ASSERT_EQUAL(parse(&u, layout), 0);
	rk_buf_init(&b);
	rk_record_walk(u.rev->records[0], collect, &b);
	UT_ASSERT_STR(b.s, "a h h/x h/g h/g/y h/g/z h/w e");
	rk_buf_release(&b);

	/* A record without items visits nothing. */
	rk_buf_init(&b);
	rk_record_walk(u.rev->records[1], collect, &b);
	UT_ASSERT_INT(b.len, 0);
	rk_buf_release(&b);
	ut_release(&u);
}

static void test_node_path(void)
{
	struct ut u;
	struct rk_buf b;

	CU_ASSERT_EQUAL(parse(&u, layout), 0);
	struct rk_record *r = u.rev->records[0];
	static const char *const paths[] = { "a", "h", "h/g", "h/g/y", "e" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct rk_node *n = ut_node(r, paths[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		rk_buf_init(&b);
		rk_node_path(n, &b);
		UT_ASSERT_STR(b.s, paths[i]);
		rk_buf_release(&b);
	}
	/* It appends to what the buffer holds. */
	rk_buf_init(&b);
	rk_buf_adds(&b, "kaigo/");
	rk_node_path(ut_node(r, "h/x"), &b);
	UT_ASSERT_STR(b.s, "kaigo/h/x");
	rk_buf_release(&b);
	ut_release(&u);
}

/* ---- the arena the parts live in ---- */

static void test_arena(void)
{
	struct rk_arena a;
	char big[70001];

	/* A first object larger than a block and of an odd size, then
	 * small ones: none goes past the end of the first. */
	rk_arena_init(&a);
	memset(big, 'x', sizeof(big));
	char *p = rk_arena_memdup(&a, big, sizeof(big), 1);
	CU_ASSERT_EQUAL(memcmp(p, big, sizeof(big)), 0);
	uint64_t *u = rk_arena_alloc(&a, sizeof(*u));
	CU_ASSERT_EQUAL((uintptr_t)u % sizeof(*u), 0);
	CU_ASSERT_EQUAL(*u, 0);
	char *s = rk_arena_strndup(&a, "abc", 2);
	UT_ASSERT_STR(s, "ab");
	CU_ASSERT_PTR_NULL(rk_arena_memdup(&a, big, 0, 1));
	rk_arena_release(&a);

	/* Strings of every length between aligned objects, over many blocks:
	 * each object aligned, zeroed, and none overlapping another. */
	rk_arena_init(&a);
	void **objs = rk_xcalloc(20000, sizeof(*objs));
	for (size_t i = 0; i < 20000; i++) {
		rk_arena_strndup(&a, big, i % 13);
		size_t size = 8 + i % 300;
		unsigned char *o = rk_arena_alloc(&a, size);
		CU_ASSERT_EQUAL((uintptr_t)o % sizeof(void *), 0);
		CU_ASSERT_EQUAL(o[0] | o[size - 1], 0);
		memset(o, (int)(i & 0xFF) | 1, size);
		objs[i] = o;
	}
	for (size_t i = 0; i < 20000; i++) {
		unsigned char *o = objs[i];
		size_t size = 8 + i % 300;
		CU_ASSERT_EQUAL(o[0], (unsigned char)((i & 0xFF) | 1));
		CU_ASSERT_EQUAL(o[size - 1], (unsigned char)((i & 0xFF) | 1));
	}
	free(objs);
	rk_arena_release(&a);
	rk_arena_release(&a);        /* released twice: nothing left */
}

/* ---- freeing (leaks show under valgrind) ---- */

static void test_free_everything(void)
{
	struct ut u;

	/* Every part, checked (sorted code lists, resolved types), with
	 * comments, and a second file with syntax errors halfway. */
	CU_ASSERT_EQUAL(parse(&u, layout), 0);
	CU_ASSERT_EQUAL(ut_parse(&u, "u.layout",
				 "# c\ncodes z \"Z\" formerly y note \"n\" { \"1\" s \"S\" deprecated note \"x\"; }\n"
				 "record k \"K\" formerly j deprecated note \"n\" {\n"
				 "  id \"TM00000000000001\"; dataset \"0101\"; basis \"b\";\n"
				 "  a \"A\" : number(3,1) signed [0..*] id \"KM00000000000001\" version 1 formerly b deprecated note \"n\";\n"
				 "  group g \"G\" { id \"x\"; b \"B\" : code(z) ; c \"C\" : ; }\n"
				 "  rule x y \"z\";\n"
				 "  d \"D\" date;\n"
				 "}\n"
				 "record k2 \"K\" { group g \"G\" { a \"A\" : date; \n"),
			-1);
	ut_check(&u);
	CU_ASSERT(u.diags.n > 0);
	ut_release(&u);

	/* The parts live in the revision's arena; only a code table's
	 * arrays are freed apart, and NULL is fine. */
	rk_codes_release(NULL);
}

/* ---- the printer ---- */

/* Formats TEXT; also checks that formatting the result changes nothing. */
static char *fmt(const char *text)
{
	struct ut u, again;

	CU_ASSERT_EQUAL(parse(&u, text), 0);
	UT_ASSERT_STR(ut_diags(&u), "");
	char *out = rk_fmt_file(u.rev->files[0]);
	ut_release(&u);
	CU_ASSERT_EQUAL(parse(&again, out), 0);
	char *twice = rk_fmt_file(again.rev->files[0]);
	UT_ASSERT_STR(twice, out);
	free(twice);
	ut_release(&again);
	return out;
}

#define ASSERT_FMT(text, expected) \
	ut_assert_owned(fmt(text), (expected), "fmt of " #text, __FILE__, __LINE__)

static void test_fmt_representative(void)
{
	ASSERT_FMT(
		"# 介護保険\n"
		"revision R06 {\n"
		"title \"令和6年6月版\";   released 2024-06-17;\n"
		"  previous R05;\n"
		"}\n"
		"codes care_level \"要介護状態区分コード\" {\n"
		"  \"01\" hi_gaito \"非該当\";\n"
		"  \"12\" yoshien1 \"要支援１\" deprecated;\n"
		"  \"99\" other;\n"
		"\n"
		"  \"21\" \"要介護１\";   # no symbol\n"
		"}\n"
		"type hno = digits(10);\n"
		"type amount = number(12,2) signed;\n"
		"type kubun=code(care_level);\n"
		"record kaigo \"介護保険 要介護認定情報\" {\n"
		"  basis \"番号法\"; id \"TM00000000000034\";\n"
		"  hihokensha_no \"被保険者番号\" : hno required id \"KM00000000000101\" version 2;\n"
		"  care \"要介護状態区分\" : code(care_level) formerly kaigodo required;\n"
		"  phone \"電話\" : ascii(1..13) [0..3];\n"
		"  # history\n"
		"  group history \"認定履歴\" [0..5] {\n"
		"    nintei_date \"認定年月日\" : date required; # trailing\n"
		"  }\n"
		"}\n"
		"# end\n",
		"# 介護保険\n"
		"revision R06 {\n"
		"  title    \"令和6年6月版\";\n"
		"  released 2024-06-17;\n"
		"  previous R05;\n"
		"}\n"
		"\n"
		"codes care_level \"要介護状態区分コード\" {\n"
		"  \"01\" hi_gaito \"非該当\";\n"
		"  \"12\" yoshien1 \"要支援１\" deprecated;\n"
		"  \"99\" other;\n"
		"\n"
		"  \"21\"  \"要介護１\"; # no symbol\n"
		"}\n"
		"\n"
		"type hno    = digits(10);\n"
		"type amount = number(12,2) signed;\n"
		"type kubun  = code(care_level);\n"
		"\n"
		"record kaigo \"介護保険 要介護認定情報\" {\n"
		"  id    \"TM00000000000034\";\n"
		"  basis \"番号法\";\n"
		"  hihokensha_no \"被保険者番号\"   : hno"
		"              required id \"KM00000000000101\" version 2;\n"
		"  care          \"要介護状態区分\" : code(care_level) required formerly kaigodo;\n"
		"  phone         \"電話\"           : ascii(1..13)     [0..3];\n"
		"  # history\n"
		"  group history \"認定履歴\" [0..5] {\n"
		"    nintei_date \"認定年月日\" : date required; # trailing\n"
		"  }\n"
		"}\n"
		"# end\n");
}

static void test_fmt_comments_and_blank_lines(void)
{
	ASSERT_FMT(
		"# head comment\n"
		"\n"
		"# second\n"
		"type a = date; # after a\n"
		"# before b\n"
		"type b = flag;\n"
		"\n"
		"\n"
		"type c = text(5);\n"
		"record r \"R\" {   # on head\n"
		"  # first inside\n"
		"\n"
		"  x \"X\" : date;\n"
		"\n"
		"  # before y\n"
		"  y \"Y\" : date;\n"
		"  # before close\n"
		"} # after close\n"
		"# tail\n",
		"# head comment\n"
		"\n"
		"# second\n"
		"type a = date; # after a\n"
		"# before b\n"
		"type b = flag;\n"
		"\n"
		"type c = text(5);\n"
		"\n"
		"record r \"R\" { # on head\n"
		"  # first inside\n"
		"\n"
		"  x \"X\" : date;\n"
		"\n"
		"  # before y\n"
		"  y \"Y\" : date;\n"
		"  # before close\n"
		"} # after close\n"
		"# tail\n");
}

/* Columns align by display width: half-width katakana count one column,
 * full-width characters two; an empty column is padded over. */
static void test_fmt_alignment(void)
{
	ASSERT_FMT(
		"record r \"R\" {\n"
		"  a \"ｶﾅ\" : kana(10);\n"
		"  bb \"全角\" : text(5) note \"x\";\n"
		"  ccc : date;\n"
		"  # breaks the run\n"
		"  dddd \"D\" : flag;\n"
		"  e \"E\" : flag;\n"
		"}\n",
		"record r \"R\" {\n"
		"  a   \"ｶﾅ\"   : kana(10);\n"
		"  bb  \"全角\" : text(5)  note \"x\";\n"
		"  ccc        : date;\n"
		"  # breaks the run\n"
		"  dddd \"D\" : flag;\n"
		"  e    \"E\" : flag;\n"
		"}\n");
}

/* Every attribute, in the canonical order, on every kind of block. */
static void test_fmt_attributes(void)
{
	ASSERT_FMT(
		"codes c \"C\" note \"n\" formerly old { \"1\" one note \"a\\\"b\" deprecated; }\n"
		"record r \"R\" deprecated note \"n\" formerly q {\n"
		"  dataset \"0101\";\n"
		"  group g \"G\" note \"m\" deprecated formerly f version 3 id \"X\" [1..*] {\n"
		"    a \"A\" : number(12,2) signed note \"a\\\\b\\nc\\td\" [0..*];\n"
		"    b \"B\" : digits(4..8) required;\n"
		"  }\n"
		"  k \"K\" : text(x);\n"
		"}\n",
		"codes c \"C\" formerly old note \"n\" {\n"
		"  \"1\" one  deprecated note \"a\\\"b\";\n"
		"}\n"
		"\n"
		"record r \"R\" formerly q deprecated note \"n\" {\n"
		"  dataset \"0101\";\n"
		"  group g \"G\" [1..*] id \"X\" version 3 formerly f deprecated note \"m\" {\n"
		"    a \"A\" : number(12,2) signed [0..*] note \"a\\\\b\\nc\\td\";\n"
		"    b \"B\" : digits(4..8)        required;\n"
		"  }\n"
		"  k \"K\" : text(x);\n"
		"}\n");
}

/*
 * The header's statements and a record's id, dataset and basis are printed
 * in a fixed order, whatever the source's: their comments go with them.
 */
static void test_fmt_reordered_statements(void)
{
	ASSERT_FMT(
		"revision R {\n"
		"  previous Q; # prev\n"
		"  title \"t\";  # title\n"
		"  released 2024-06-17;\n"
		"}\n"
		"record r \"R\" {\n"
		"  a \"A\" : date; # about a\n"
		"  id \"TM00000000000034\"; # about id\n"
		"}\n",
		"revision R {\n"
		"  title    \"t\"; # title\n"
		"  released 2024-06-17;\n"
		"  previous Q; # prev\n"
		"}\n"
		"\n"
		"record r \"R\" {\n"
		"  id \"TM00000000000034\"; # about id\n"
		"  a \"A\" : date; # about a\n"
		"}\n");
	ASSERT_FMT(
		"revision R {\n"
		"  # general\n"
		"\n"
		"  # about previous\n"
		"  previous Q;\n"
		"  # about title\n"
		"  title \"t\"; # t\n"
		"  released 2024-06-17;\n"
		"  # before close\n"
		"}\n"
		"record r \"R\" {\n"
		"  # about a\n"
		"  a \"A\" : date;\n"
		"  # about basis\n"
		"  basis \"b\";\n"
		"  id \"TM00000000000034\"; # id\n"
		"}\n",
		"revision R {\n"
		"  # general\n"
		"\n"
		"  # about title\n"
		"  title    \"t\"; # t\n"
		"  released 2024-06-17;\n"
		"  # about previous\n"
		"  previous Q;\n"
		"  # before close\n"
		"}\n"
		"\n"
		"record r \"R\" {\n"
		"  id    \"TM00000000000034\"; # id\n"
		"  # about basis\n"
		"  basis \"b\";\n"
		"  # about a\n"
		"  a \"A\" : date;\n"
		"}\n");
	/* In source order already, nothing moves. */
	ASSERT_FMT(
		"revision R { # head\n"
		"  # t\n"
		"  title \"t\"; # t2\n"
		"\n"
		"  # r\n"
		"  released 2024-06-17;\n"
		"}\n",
		"revision R { # head\n"
		"  # t\n"
		"  title    \"t\"; # t2\n"
		"\n"
		"  # r\n"
		"  released 2024-06-17;\n"
		"}\n");
}

static void test_fmt_crlf_and_empty(void)
{
	ASSERT_FMT("type a = date;\r\n\r\n\r\ntype b = flag; # x\r\n",
		   "type a = date;\n\ntype b = flag; # x\n");
	ASSERT_FMT("", "");
	ASSERT_FMT("# only\n\n# comments\n", "# only\n\n# comments\n");
}


/* ---- loading from disk ---- */

/* A scratch directory and the files written into it. */
struct scratch {
	char dir[64];
	char *files[8];
	int n;
};

static const char *scratch_path(struct scratch *s, const char *name)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_addf(&b, "%s/%s", s->dir, name);
	s->files[s->n++] = rk_buf_detach(&b);
	return s->files[s->n - 1];
}

static void scratch_write(struct scratch *s, const char *name, const char *text)
{
	FILE *f = fopen(scratch_path(s, name), "wb");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

static int scratch_init(struct scratch *s)
{
	const char *tmp = getenv("TMPDIR");

	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "%s/rk_unit_XXXXXX",
		 tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	return mkdtemp(s->dir) ? 0 : -1;
}

static void scratch_release(struct scratch *s)
{
	for (int i = 0; i < s->n; i++) {
		unlink(s->files[i]);
		free(s->files[i]);
	}
	rmdir(s->dir);
}

static const char *path_of(const struct rk_revision *rev, size_t i)
{
	return i < rev->n_files ? rev->files[i]->src->path : "(none)";
}

static void test_load_directory(void)
{
	struct scratch s;
	struct rk_diags diags;
	struct rk_revision *rev;
	struct rk_buf want;

	CU_ASSERT_FATAL(scratch_init(&s) == 0);
	scratch_write(&s, "b.layout", "type hno = digits(10);\n" UT_HEADER);
	scratch_write(&s, "a.layout", "record r \"R\" { x \"X\" : hno; }\n");
	scratch_write(&s, "notes.txt", "not a layout @@@\n");
	scratch_write(&s, ".hidden.layout", "not a layout @@@\n");
	rk_diags_init(&diags);
	const char *paths[] = { s.dir };
	UT_ASSERT_INT(rk_load(paths, 1, &diags, &rev), RK_LOAD_OK);
	UT_ASSERT_INT(diags.n, 0);
	CU_ASSERT_EQUAL_FATAL(rev->n_files, 2);
	rk_buf_init(&want);
	rk_buf_addf(&want, "%s/a.layout", s.dir);
	UT_ASSERT_STR(path_of(rev, 0), want.s);
	rk_buf_release(&want);
	rk_buf_init(&want);
	rk_buf_addf(&want, "%s/b.layout", s.dir);
	UT_ASSERT_STR(path_of(rev, 1), want.s);
	rk_buf_release(&want);
	UT_ASSERT_INT(rk_check(rev, &diags), 0);
	UT_ASSERT_INT(diags.n, 0);
	rk_revision_free(rev);
	rk_diags_release(&diags);

	/* A trailing '/' is not doubled. */
	rk_buf_init(&want);
	rk_buf_addf(&want, "%s/", s.dir);
	paths[0] = want.s;
	rk_diags_init(&diags);
	UT_ASSERT_INT(rk_load(paths, 1, &diags, &rev), RK_LOAD_OK);
	rk_buf_adds(&want, "a.layout");
	UT_ASSERT_STR(path_of(rev, 0), want.s);
	rk_revision_free(rev);
	rk_diags_release(&diags);
	rk_buf_release(&want);
	scratch_release(&s);
}

static void test_load_files(void)
{
	struct scratch s;
	struct rk_diags diags;
	struct rk_revision *rev;

	CU_ASSERT_FATAL(scratch_init(&s) == 0);
	scratch_write(&s, "z.layout", UT_HEADER);
	scratch_write(&s, "y.layout", "type t = date;\ntype = x;\ntype u = flag;\n");
	/* Files given are read in name order, a file named twice once. */
	const char *paths[] = { s.files[0], s.files[1], s.files[0] };
	rk_diags_init(&diags);
	UT_ASSERT_INT(rk_load(paths, 3, &diags, &rev), RK_LOAD_INVALID);
	CU_ASSERT_EQUAL_FATAL(rev->n_files, 2);
	UT_ASSERT_STR(path_of(rev, 0), s.files[1]);
	UT_ASSERT_STR(path_of(rev, 1), s.files[0]);
	/* The file with an error still gave what parsed. */
	CU_ASSERT(!rev->files[0]->parsed);
	CU_ASSERT(rev->files[1]->parsed);
	UT_ASSERT_INT(rev->n_types, 2);
	UT_ASSERT_INT(rev->n_headers, 1);
	UT_ASSERT_INT(diags.errors, 1);
	CU_ASSERT_EQUAL_FATAL(diags.n, 1);
	UT_ASSERT_INT(diags.items[0].loc.line, 2);
	UT_ASSERT_INT(diags.items[0].loc.col, 6);
	rk_revision_free(rev);
	rk_diags_release(&diags);
	scratch_release(&s);
}

static void test_load_failures(void)
{
	struct scratch s;
	struct rk_diags diags;
	struct rk_revision *rev;
	struct rk_buf want;

	CU_ASSERT_FATAL(scratch_init(&s) == 0);
	const char *paths[] = { s.dir, "/nonexistent/r.layout" };

	/* A directory without layouts. */
	rk_diags_init(&diags);
	UT_ASSERT_INT(rk_load(paths, 1, &diags, &rev), RK_LOAD_FAILED);
	CU_ASSERT_PTR_NOT_NULL(rev);
	UT_ASSERT_INT(rev->n_files, 0);
	CU_ASSERT_EQUAL_FATAL(diags.n, 1);
	rk_buf_init(&want);
	rk_buf_addf(&want, "no .layout files in directory %s", s.dir);
	UT_ASSERT_STR(diags.items[0].message, want.s);
	rk_buf_release(&want);
	CU_ASSERT_PTR_NULL(diags.items[0].loc.src);
	rk_revision_free(rev);
	rk_diags_release(&diags);

	/* A path that does not exist: nothing is parsed. */
	scratch_write(&s, "a.layout", UT_HEADER);
	rk_diags_init(&diags);
	UT_ASSERT_INT(rk_load(paths, 2, &diags, &rev), RK_LOAD_FAILED);
	UT_ASSERT_INT(rev->n_files, 0);
	CU_ASSERT_EQUAL_FATAL(diags.n, 1);
	UT_ASSERT_STR(diags.items[0].message,
		      "cannot open /nonexistent/r.layout: No such file or directory");
	rk_revision_free(rev);
	rk_diags_release(&diags);
	scratch_release(&s);
}

static const struct ut_test lookup_tests[] = {
	{ "find declarations", test_find },
	{ "find code values", test_find_code_value },
	{ "revision name", test_revision_name },
	{ "record walk", test_walk },
	{ "node path", test_node_path },
	{ "free everything", test_free_everything },
	{ "arena", test_arena },
	{ NULL, NULL }
};

static const struct ut_test fmt_tests[] = {
	{ "representative file", test_fmt_representative },
	{ "comments and blank lines", test_fmt_comments_and_blank_lines },
	{ "alignment", test_fmt_alignment },
	{ "attributes", test_fmt_attributes },
	{ "reordered statements keep their comments", test_fmt_reordered_statements },
	{ "CRLF and empty", test_fmt_crlf_and_empty },
	{ NULL, NULL }
};

static const struct ut_test load_tests[] = {
	{ "a directory", test_load_directory },
	{ "files in name order", test_load_files },
	{ "failures", test_load_failures },
	{ NULL, NULL }
};

static const struct ut_suite suites[] = {
	{ "model", lookup_tests },
	{ "load", load_tests },
	{ "fmt", fmt_tests },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return ut_main(argc, argv, suites);
}
