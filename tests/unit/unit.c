/*
 * unit.c: the helpers the CUnit suites share (see unit.h): parsing layout
 * text from memory, rendering diagnostics for comparison, assertions that
 * print both sides, and the main loop.
 */
#include "unit.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

#include "check.h"
#include "parse.h"
#include "source.h"
#include "util.h"

void ut_init(struct ut *u)
{
	memset(u, 0, sizeof(*u));
	u->rev = rk_revision_new();
	rk_diags_init(&u->diags);
	u->check_errors = -1;
}

void ut_release(struct ut *u)
{
	rk_revision_free(u->rev);
	rk_diags_release(&u->diags);
	free(u->text);
	memset(u, 0, sizeof(*u));
}

int ut_parse_bytes(struct ut *u, const char *path, const char *text,
		   size_t n)
{
	struct rk_source *src = rk_source_from_memory(path, text, n);
	int status = rk_parse_file(u->rev, src, &u->diags);

	if (status < 0)
		u->parse_failures++;
	return status;
}

int ut_parse(struct ut *u, const char *path, const char *text)
{
	return ut_parse_bytes(u, path, text, strlen(text));
}

int ut_check(struct ut *u)
{
	u->check_errors = rk_check(u->rev, &u->diags);
	return u->check_errors;
}

static const char *severity(enum rk_severity s)
{
	return s == RK_ERROR ? "error" : s == RK_WARNING ? "warning" : "note";
}

static void render(struct rk_buf *b, const struct rk_diag *d, bool paths,
		   const char *indent)
{
	rk_buf_adds(b, indent);
	if (paths)
		rk_buf_addf(b, "%s:", d->loc.src ? d->loc.src->path : "-");
	rk_buf_addf(b, "%u:%u: %s: %s\n", (unsigned)d->loc.line,
		    (unsigned)d->loc.col, severity(d->severity), d->message);
}

const char *ut_diags(struct ut *u)
{
	struct rk_buf b;

	rk_diags_sort(&u->diags);
	rk_buf_init(&b);
	for (size_t i = 0; i < u->diags.n; i++) {
		const struct rk_diag *d = &u->diags.items[i];
		render(&b, d, u->paths, "");
		for (size_t k = 0; k < d->n_notes; k++)
			render(&b, &d->notes[k], u->paths, "  ");
	}
	free(u->text);
	u->text = rk_buf_detach(&b);
	return u->text;
}

static char *diags_of(const char *text, bool check)
{
	struct ut u;
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_adds(&b, text);
	if (check) {
		if (b.len && b.s[b.len - 1] != '\n')
			rk_buf_addc(&b, '\n');
		rk_buf_adds(&b, UT_HEADER);
	}
	ut_init(&u);
	ut_parse_bytes(&u, "t.layout", b.s, b.len);
	if (check)
		ut_check(&u);
	char *out = rk_xstrdup(ut_diags(&u));
	ut_release(&u);
	rk_buf_release(&b);
	return out;
}

char *ut_parse_diags(const char *text)
{
	return diags_of(text, false);
}

char *ut_check_diags(const char *text)
{
	return diags_of(text, true);
}

struct rk_record *ut_record(const struct ut *u, size_t n)
{
	return n < u->rev->n_records ? u->rev->records[n] : NULL;
}

struct rk_node *ut_child(struct rk_node **nodes, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(nodes[i]->name.text, name) == 0)
			return nodes[i];
	return NULL;
}

struct rk_node *ut_node(const struct rk_record *r, const char *path)
{
	struct rk_node **nodes = r ? r->children : NULL;
	size_t n = r ? r->n_children : 0;
	struct rk_node *node = NULL;

	while (*path) {
		size_t len = strcspn(path, "/");
		char *name = rk_xstrndup(path, len);
		node = ut_child(nodes, n, name);
		free(name);
		if (!node)
			return NULL;
		nodes = node->children;
		n = node->n_children;
		path += len + (path[len] == '/');
	}
	return node;
}

/* Reports a failure with a message built here (CUnit copies it). */
static void fail(const char *file, unsigned line, const char *fmt, ...)
	RK_PRINTF(3, 4);

static void fail(const char *file, unsigned line, const char *fmt, ...)
{
	struct rk_buf msg;
	va_list ap;

	rk_buf_init(&msg);
	va_start(ap, fmt);
	rk_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	CU_assertImplementation(CU_FALSE, line, msg.s, file, "", CU_FALSE);
	rk_buf_release(&msg);
}

void ut_assert_str(const char *actual, const char *expected, const char *what,
		   const char *file, unsigned line)
{
	if (actual && expected && strcmp(actual, expected) == 0) {
		CU_assertImplementation(CU_TRUE, line, what, file, "", CU_FALSE);
		return;
	}
	fail(file, line, "%s\n--- expected:\n%s\n--- found:\n%s\n---", what,
	     expected ? expected : "(null)", actual ? actual : "(null)");
}

void ut_assert_owned(char *actual, const char *expected, const char *what,
		     const char *file, unsigned line)
{
	ut_assert_str(actual, expected, what, file, line);
	free(actual);
}

void ut_assert_u64(uint64_t actual, uint64_t expected, const char *what,
		   const char *file, unsigned line)
{
	if (actual == expected) {
		CU_assertImplementation(CU_TRUE, line, what, file, "", CU_FALSE);
		return;
	}
	fail(file, line, "%s: expected %" PRIu64 ", found %" PRIu64, what,
	     expected, actual);
}

void ut_assert_contains(const char *haystack, const char *needle,
			const char *what, const char *file, unsigned line)
{
	if (haystack && strstr(haystack, needle)) {
		CU_assertImplementation(CU_TRUE, line, what, file, "", CU_FALSE);
		return;
	}
	fail(file, line, "%s does not contain \"%s\":\n%s", what, needle,
	     haystack ? haystack : "(null)");
}

static int register_suites(const struct ut_suite *suites, const char *only)
{
	int found = 0;

	for (const struct ut_suite *s = suites; s->name; s++) {
		if (only && strcmp(only, s->name) != 0)
			continue;
		CU_pSuite cs = CU_add_suite(s->name, NULL, NULL);
		if (!cs)
			return -1;
		for (const struct ut_test *t = s->tests; t->name; t++)
			if (!CU_add_test(cs, t->name, t->fn))
				return -1;
		found++;
	}
	return found;
}

int ut_main(int argc, char **argv, const struct ut_suite *suites)
{
	CU_BasicRunMode mode = CU_BRM_NORMAL;
	const char *only = NULL;
	int status;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			mode = CU_BRM_VERBOSE;
		else
			only = argv[i];
	}
	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "%s: %s\n", argv[0], CU_get_error_msg());
		return 2;
	}
	int found = register_suites(suites, only);
	if (found <= 0) {
		fprintf(stderr, "%s: %s\n", argv[0], found < 0 ?
			CU_get_error_msg() : "no such suite");
		CU_cleanup_registry();
		return 2;
	}
	CU_basic_set_mode(mode);
	if (CU_basic_run_tests() != CUE_SUCCESS) {
		fprintf(stderr, "%s: %s\n", argv[0], CU_get_error_msg());
		status = 2;
	} else if (CU_get_number_of_failures() ||
		   CU_get_number_of_tests_failed() ||
		   CU_get_number_of_suites_failed() ||
		   CU_get_failure_list()) {
		status = 1;
	} else {
		status = 0;
	}
	printf("\n");
	CU_cleanup_registry();
	return status;
}
