/*
 * check_types.c: code tables, named types, and resolving a type as written
 * into the value rule (struct rk_value_type) that validators apply.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <renkei/value.h>

#include "check_internal.h"

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A value usable as the tail of a C enum constant as it stands. */
static int identifier_chars(const char *s)
{
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

static int has_control(const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		/* U+0080..U+009F are encoded as C2 80..C2 9F. */
		if (ch < 0x20 || ch == 0x7F ||
		    (ch == 0xC2 && (unsigned char)s[1] >= 0x80 &&
		     (unsigned char)s[1] <= 0x9F))
			return 1;
	}
	return 0;
}

/*
 * The name a value gets in generated C, upper-cased: its symbol, or the
 * value itself.  Two values that would get the same constant collide.
 */
static char *constant_name(const struct rk_code_value *v)
{
	char *s = rk_xstrdup(v->symbol.text ? v->symbol.text : v->value);
	for (char *p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

static void check_value(struct checker *c, struct rk_codes *codes,
			struct rk_code_value *v, struct rk_map *values,
			struct rk_map *constants, char **names, size_t i)
{
	rk_ck_applicable(c, &v->attrs, A_DEPRECATED | A_NOTE, "code value");
	if (!v->value[0])
		rk_ck_error(c, v->loc, "empty code value in table '%s'",
			    codes->name.text);
	else if (has_control(v->value))
		rk_ck_error(c, v->loc, "code value holds a control character");
	const struct rk_code_value *first = rk_map_put(values, v->value, v);
	if (first) {
		rk_ck_error(c, v->loc, "code value \"%s\" appears twice in table '%s'",
			    v->value, codes->name.text);
		rk_diag_note(c->diags, first->loc, "first given here");
	}
	if (v->symbol.text)
		rk_ck_name(c, &v->symbol, "code value symbol");
	else if (v->value[0] && !identifier_chars(v->value))
		rk_diag_warning(c->diags, v->loc,
				"code value \"%s\" has no symbolic name, and generated C "
				"cannot name it by its value", v->value);
	if (v->label && !v->label[0])
		rk_ck_error(c, v->label_loc, "empty label for code value \"%s\"",
			    v->value);
	names[i] = constant_name(v);
	const struct rk_code_value *clash = rk_map_put(constants, names[i], v);
	if (clash && !first) {
		rk_ck_error(c, v->symbol.text ? v->symbol.loc : v->loc,
			    "code value \"%s\" would have the same C name as \"%s\" (%s)",
			    v->value, clash->value, names[i]);
		rk_diag_note(c->diags, clash->loc, "\"%s\" is here",
			     clash->value);
	}
}

void rk_ck_codes(struct checker *c, struct rk_codes *codes)
{
	struct rk_map values, constants;
	char **names = rk_xcalloc(codes->n_values, sizeof(*names));

	rk_ck_applicable(c, &codes->attrs, A_FORMERLY | A_NOTE, "code table");
	rk_ck_renamed(c, &c->codes, &codes->name, &codes->attrs.formerly,
		      "code table");
	if (codes->label && !codes->label[0])
		rk_ck_error(c, codes->label_loc, "code table '%s' has an empty label",
			    codes->name.text);
	if (codes->n_values == 0)
		rk_ck_error(c, codes->name.loc, "code table '%s' has no values",
			    codes->name.text);
	rk_map_init(&values);
	rk_map_init(&constants);
	for (size_t i = 0; i < codes->n_values; i++)
		check_value(c, codes, &codes->values[i], &values, &constants,
			    names, i);
	rk_map_release(&values);
	rk_map_release(&constants);
	for (size_t i = 0; i < codes->n_values; i++)
		free(names[i]);
	free(names);

	/* The sorted, duplicate-free list the runtime searches. */
	free(codes->sorted);
	codes->sorted = rk_xcalloc(codes->n_values, sizeof(*codes->sorted));
	size_t n = 0;
	for (size_t i = 0; i < codes->n_values; i++)
		codes->sorted[n++] = codes->values[i].value;
	qsort(codes->sorted, n, sizeof(*codes->sorted), compare_strings);
	size_t out = 0;
	for (size_t i = 0; i < n; i++)
		if (out == 0 || strcmp(codes->sorted[out - 1], codes->sorted[i]))
			codes->sorted[out++] = codes->sorted[i];
	codes->n_sorted = out;
}

static struct rk_typedef *typedef_of(const struct rk_name *n)
{
	return (struct rk_typedef *)((char *)n - offsetof(struct rk_typedef, name));
}

/* Writes the cycle of aliases from T back to T: "a -> b -> a", its middle
 * cut when it is long. */
static void cycle_text(struct checker *c, const struct rk_typedef *t,
		       struct rk_buf *b)
{
	enum { SHOWN = 8 };
	const struct rk_typedef *d = t;

	rk_buf_adds(b, t->name.text);
	for (size_t i = 0; i < c->rev->n_types; i++) {
		const struct rk_name *n;
		if (d->type->builtin ||
		    !(n = rk_map_get(&c->types, d->type->name.text)))
			break;
		d = typedef_of(n);
		if (i < SHOWN || d == t)
			rk_buf_addf(b, " -> %s", d->name.text);
		else if (i == SHOWN)
			rk_buf_adds(b, " -> ...");
		if (d == t)
			break;
	}
}

/*
 * Records that NAME is referred to, or would be once the error that named
 * it in a note is fixed: "never used" would contradict the note.
 */
static void mark_used(struct rk_map *used, const char *name)
{
	if (name)
		rk_map_put(used, name, (void *)name);
}

/* The named type that T is an alias of, or NULL. */
static struct rk_typedef *next_alias(struct checker *c,
				     const struct rk_typedef *t)
{
	const struct rk_name *n;

	if (t->type->builtin || !(n = rk_map_get(&c->types, t->type->name.text)))
		return NULL;
	return typedef_of(n);
}

static void report_cycle(struct checker *c, struct rk_typedef *t)
{
	struct rk_buf cycle;

	rk_buf_init(&cycle);
	cycle_text(c, t, &cycle);
	rk_ck_error(c, t->name.loc, "type '%s' is defined in terms of itself (%s)",
		    t->name.text, cycle.s);
	rk_buf_release(&cycle);
	t->type->resolved = false;
	t->visiting = 2;
}

/*
 * Resolves T and the aliases it leads to.  The chain is walked first and
 * resolved from its far end back, each step then finding the next one
 * done: a chain of 100,000 aliases must not recurse 100,000 deep.
 */
void rk_ck_alias(struct checker *c, struct rk_typedef *t)
{
	struct rk_typedef **chain = NULL, *d = t;
	size_t n = 0, cap = 0;

	while (d && d->visiting == 0) {
		d->visiting = 1;
		RK_GROW(chain, n, cap);
		chain[n++] = d;
		if ((d = next_alias(c, d)))
			mark_used(&c->used_types, d->name.text);
	}
	if (d && d->visiting == 1)
		report_cycle(c, d);
	while (n > 0) {
		d = chain[--n];
		if (d->visiting == 2)
			continue;
		rk_ck_type(c, d->type);
		d->visiting = 2;
	}
	free(chain);
}

static int is_length_kind(enum rk_kind k)
{
	return k <= RK_STRING;
}


static int check_length(struct checker *c, struct rk_typeref *t)
{
	const char *kw = rk_kind_name(t->kind);
	uint64_t lo, hi;

	if (t->n_args == 0 || t->name.text || (t->n_args == 2 && !t->range)) {
		rk_ck_error(c, t->loc, "%s needs a length: %s(n) or %s(m..n)", kw,
			    kw, kw);
		return -1;
	}
	hi = t->n_args == 2 ? t->args[1] : t->args[0];
	lo = t->n_args == 2 ? t->args[0] : t->kind == RK_DIGITS ? hi : 1;
	if (hi < 1 || lo < 1) {
		rk_ck_error(c, t->args_loc, "%s length must be at least 1", kw);
		return -1;
	}
	if (lo > hi) {
		rk_ck_error(c, t->args_loc, "%s(%llu..%llu): the minimum exceeds the maximum",
			    kw, (unsigned long long)lo, (unsigned long long)hi);
		return -1;
	}
	if (hi > RK_MAX_LENGTH) {
		rk_ck_error(c, t->args_loc, "%s length %llu exceeds the limit of %u",
			    kw, (unsigned long long)hi, RK_MAX_LENGTH);
		return -1;
	}
	t->value.min_len = (uint32_t)lo;
	t->value.max_len = (uint32_t)hi;
	return 0;
}

static int check_number(struct checker *c, struct rk_typeref *t)
{
	if (t->n_args == 0 || t->name.text || t->range) {
		rk_ck_error(c, t->loc, "number needs a precision: number(p) or number(p,s)");
		return -1;
	}
	uint64_t p = t->args[0], s = t->n_args == 2 ? t->args[1] : 0;
	if (p < 1 || p > RK_MAX_PRECISION) {
		rk_ck_error(c, t->args_loc, "number precision must be 1 to %u, not %llu",
			    RK_MAX_PRECISION, (unsigned long long)p);
		return -1;
	}
	if (s >= p) {
		rk_ck_error(c, t->args_loc,
			    "number(%llu,%llu): the scale must be less than the precision",
			    (unsigned long long)p, (unsigned long long)s);
		return -1;
	}
	t->value.precision = (uint16_t)p;
	t->value.scale = (uint16_t)s;
	t->value.is_signed = t->is_signed;
	return 0;
}

static int check_code(struct checker *c, struct rk_typeref *t)
{
	if (!t->name.text || t->n_args) {
		rk_ck_error(c, t->loc, "code needs a code table: code(T)");
		return -1;
	}
	struct rk_name *n = rk_map_get(&c->codes, t->name.text);
	if (!n) {
		rk_ck_error(c, t->name.loc, "unknown code table '%s'", t->name.text);
		mark_used(&c->used_codes, rk_ck_suggest(c, &c->codes, t->name.text,
							t->name.loc));
		return -1;
	}
	struct rk_codes *codes = (struct rk_codes *)((char *)n -
				 offsetof(struct rk_codes, name));
	mark_used(&c->used_codes, t->name.text);
	t->codes = codes;
	t->value.codes = codes->sorted;
	t->value.n_codes = codes->n_sorted;
	t->value.code_table = codes->name.text;
	return 0;
}

static int check_builtin(struct checker *c, struct rk_typeref *t)
{
	t->value.kind = t->kind;
	if (is_length_kind(t->kind))
		return check_length(c, t);
	if (t->kind == RK_NUMBER)
		return check_number(c, t);
	if (t->kind == RK_CODE)
		return check_code(c, t);
	if (t->n_args || t->name.text) {
		rk_ck_error(c, t->loc, "%s takes no arguments", rk_kind_name(t->kind));
		return -1;
	}
	return 0;
}

static int check_named(struct checker *c, struct rk_typeref *t)
{
	struct rk_name *n = rk_map_get(&c->types, t->name.text);

	if (!n) {
		rk_ck_error(c, t->name.loc, "unknown type '%s'", t->name.text);
		if (rk_map_get(&c->codes, t->name.text)) {
			rk_diag_note(c->diags, t->name.loc,
				     "'%s' is a code table: write code(%s)",
				     t->name.text, t->name.text);
			mark_used(&c->used_codes, t->name.text);
		} else {
			mark_used(&c->used_types,
				  rk_ck_suggest(c, &c->types, t->name.text,
						t->name.loc));
		}
		return -1;
	}
	struct rk_typedef *def = typedef_of(n);
	mark_used(&c->used_types, t->name.text);
	t->alias = def;
	rk_ck_alias(c, def);
	if (!def->type->resolved)
		return -1;
	t->value = def->type->value;
	return 0;
}

int rk_ck_type(struct checker *c, struct rk_typeref *t)
{
	/* Resolved even when misused, so that what it names counts as used. */
	int status = t->builtin ? check_builtin(c, t) : check_named(c, t);

	if (t->is_signed && !(t->builtin && t->kind == RK_NUMBER)) {
		rk_ck_error(c, t->signed_loc, "'signed' may follow a number(...) type only");
		status = -1;
	}
	t->resolved = status == 0;
	return status;
}
