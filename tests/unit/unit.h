/*
 * unit.h: what the CUnit suites of the compiler share.
 *
 * A struct ut is one revision under test: layout text is parsed into it
 * file by file (from memory), rk_check runs over it on request, and its
 * diagnostics are rendered as compact text, one per line, sorted by
 * location, for exact comparison:
 *
 *   3:5: error: item 'a' is declared twice
 *     2:5: note: first declared here
 *
 * (a note follows the diagnostic it belongs to, indented).  The assertion
 * macros below print what was expected and what was found when they fail.
 * ut_main registers the suites, runs them with CUnit's basic interface and
 * gives the exit status.
 */
#ifndef RK_TESTS_UNIT_H
#define RK_TESTS_UNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <CUnit/CUnit.h>

#include "diag.h"
#include "model.h"

/* A revision header to append to snippets that the checker should pass. */
#define UT_HEADER "revision R06 { title \"t\"; released 2024-06-17; }\n"

struct ut {
	struct rk_revision *rev;
	struct rk_diags diags;
	int parse_failures;   /* files whose rk_parse_file returned -1 */
	int check_errors;     /* what rk_check returned; -1 before it ran */
	bool paths;           /* prefix each rendered line with its file */
	char *text;           /* the last rendering, owned */
};

void ut_init(struct ut *u);
/* Frees the revision, the diagnostics and the rendering. */
void ut_release(struct ut *u);

/* Parses TEXT (N bytes, which may hold NULs) as the file PATH of u's
 * revision; returns what rk_parse_file returned. */
int ut_parse_bytes(struct ut *u, const char *path, const char *text,
		   size_t n);
/* The same for a NUL-terminated TEXT. */
int ut_parse(struct ut *u, const char *path, const char *text);
/* Runs rk_check over the revision; returns the number of errors. */
int ut_check(struct ut *u);

/* The diagnostics so far, sorted and rendered (owned by U: valid until the
 * next call or ut_release); "" when there are none. */
const char *ut_diags(struct ut *u);

/*
 * One-shot forms, each on a fresh revision holding one file "t.layout";
 * the caller frees the result.  ut_parse_diags parses TEXT only;
 * ut_check_diags parses TEXT followed by UT_HEADER on a line of its own
 * (so that TEXT's line numbers stay as written) and checks it.
 */
char *ut_parse_diags(const char *text);
char *ut_check_diags(const char *text);

/* The Nth (0-based) record of the revision; NULL when out of range. */
struct rk_record *ut_record(const struct ut *u, size_t n);
/* The child of NODES named NAME, or NULL. */
struct rk_node *ut_child(struct rk_node **nodes, size_t n, const char *name);
/* The node at PATH ("history/care_level") in record R, or NULL. */
struct rk_node *ut_node(const struct rk_record *r, const char *path);

/* Assertions that show both sides when they fail. */
void ut_assert_str(const char *actual, const char *expected, const char *what,
		   const char *file, unsigned line);
void ut_assert_u64(uint64_t actual, uint64_t expected, const char *what,
		   const char *file, unsigned line);
void ut_assert_contains(const char *haystack, const char *needle,
			const char *what, const char *file, unsigned line);

#define UT_ASSERT_STR(actual, expected) \
	ut_assert_str((actual), (expected), #actual, __FILE__, __LINE__)
#define UT_ASSERT_INT(actual, expected)                                    \
	ut_assert_u64((uint64_t)(actual), (uint64_t)(expected), #actual,   \
		      __FILE__, __LINE__)
#define UT_ASSERT_CONTAINS(haystack, needle) \
	ut_assert_contains((haystack), (needle), #haystack, __FILE__, __LINE__)

/* Asserts the diagnostics of ut_parse_diags / ut_check_diags (freed). */
#define UT_PARSE_DIAGS(text, expected) \
	ut_assert_owned(ut_parse_diags(text), (expected), "parse of " #text, \
			__FILE__, __LINE__)
#define UT_CHECK_DIAGS(text, expected) \
	ut_assert_owned(ut_check_diags(text), (expected), "check of " #text, \
			__FILE__, __LINE__)
void ut_assert_owned(char *actual, const char *expected, const char *what,
		     const char *file, unsigned line);

struct ut_test {
	const char *name;
	CU_TestFunc fn;
};

struct ut_suite {
	const char *name;
	const struct ut_test *tests;   /* ends with { NULL, NULL } */
};

/*
 * Runs SUITES (ending with { NULL, NULL }) with the basic interface and
 * returns the exit status: 0 when every assertion passed, 1 when one
 * failed, 2 on a CUnit error.  Arguments: -v for verbose output, then
 * optionally the name of the one suite to run.
 */
int ut_main(int argc, char **argv, const struct ut_suite *suites);

#endif /* RK_TESTS_UNIT_H */
