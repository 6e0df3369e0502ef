/*
 * check.c: every semantic rule of the layout language.
 *
 * One pass over the revision in declaration order: the header, the code
 * tables, the named types (resolving aliases, refusing cycles), then the
 * records and their items and groups.  Names resolve across all the files
 * of the revision whatever their order, because every namespace is filled
 * before anything is resolved against it.  Each rule reports at the spot
 * that breaks it, with a note pointing at the other party where there is
 * one (the first declaration of a duplicate name).
 */
#include "check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <renkei/value.h>

#include "check_internal.h"
#include "util.h"

void rk_ck_error(struct checker *c, struct rk_loc loc, const char *fmt, ...)
{
	struct rk_buf msg;
	va_list ap;

	rk_buf_init(&msg);
	va_start(ap, fmt);
	rk_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	rk_diag_error(c->diags, loc, "%s", msg.s);
	rk_buf_release(&msg);
	c->errors++;
}

int rk_is_c_keyword(const char *name)
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
	size_t lo = 0, hi = sizeof(words) / sizeof(words[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		/* The first letters differ nearly always: no call for them. */
		int cmp = (unsigned char)name[0] - (unsigned char)words[mid][0];
		if (cmp == 0)
			cmp = strcmp(name, words[mid]);
		if (cmp == 0)
			return 1;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Names become C identifiers and XML element names. */
void rk_ck_name(struct checker *c, const struct rk_name *name,
		       const char *what)
{
	const char *s = name->text;

	if (strlen(s) > RK_MAX_NAME)
		rk_ck_error(c, name->loc,
			    "%s name '%.20s...' is %zu characters long (the limit is %u)",
			    what, s, strlen(s), RK_MAX_NAME);
	else if (rk_is_c_keyword(s))
		rk_ck_error(c, name->loc,
		      "%s name '%s' is a C keyword (names become C identifiers)",
		      what, s);
	else if ((s[0] == 'x' || s[0] == 'X') && (s[1] == 'm' || s[1] == 'M') &&
		 (s[2] == 'l' || s[2] == 'L'))
		rk_ck_error(c, name->loc,
		      "%s name '%s' begins with 'xml', which XML reserves", what, s);
}

/* Adds NAME to MAP; a name already there is reported as a duplicate. */
int rk_ck_declare(struct checker *c, struct rk_map *map,
		  const struct rk_name *name, const char *what)
{
	const struct rk_name *first = rk_map_put(map, name->text, (void *)name);

	if (!first)
		return 0;
	rk_ck_error(c, name->loc, "%s '%s' is declared twice", what, name->text);
	rk_diag_note(c->diags, first->loc, "first declared here");
	return -1;
}

/* Suggests the closest name in MAP to a misspelt one, as a note. */
const char *rk_ck_suggest(struct checker *c, const struct rk_map *map,
			  const char *wrong, struct rk_loc loc)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (size_t i = 0; i < map->cap; i++) {
		const char *k = map->slots[i].key;
		if (!k)
			continue;
		size_t d = rk_edit_distance(wrong, k, 2);
		if (d < best_d || (d == best_d && best && strcmp(k, best) < 0)) {
			best = k;
			best_d = d;
		}
	}
	if (!best || best_d > 2)
		return NULL;
	rk_diag_note(c->diags, loc, "did you mean '%s'?", best);
	return best;
}

void rk_ck_label(struct checker *c, const char *label,
			struct rk_loc at, struct rk_loc label_loc,
			const char *what, const char *name)
{
	if (!label)
		rk_ck_error(c, at, "%s '%s' has no label (its official name, a string after its name)",
		      what, name);
	else if (!label[0])
		rk_ck_error(c, label_loc, "%s '%s' has an empty label", what, name);
}

int rk_ck_renamed(struct checker *c, const struct rk_map *map,
		  const struct rk_name *name, const struct rk_name *formerly,
		  const char *what)
{
	if (!formerly->text)
		return -1;
	if (strcmp(formerly->text, name->text) == 0) {
		rk_ck_error(c, formerly->loc, "%s '%s' is formerly itself", what,
			    name->text);
		return -1;
	}
	const struct rk_name *alive = rk_map_get(map, formerly->text);
	if (alive) {
		rk_ck_error(c, formerly->loc,
			    "%s '%s' is formerly '%s', but '%s' is still declared",
			    what, name->text, formerly->text, formerly->text);
		rk_diag_note(c->diags, alive->loc, "'%s' is declared here",
			     alive->text);
		return -1;
	}
	return 0;
}

static void refuse_attr(struct checker *c, int present, struct rk_loc loc,
			const char *attr, const char *what)
{
	if (present)
		rk_ck_error(c, loc, "%s does not apply to a %s", attr, what);
}

void rk_ck_applicable(struct checker *c, const struct rk_attrs *a,
			     int allowed, const char *what)
{
	if (!(allowed & A_REQUIRED))
		refuse_attr(c, a->required, a->required_loc, "'required'", what);
	if (!(allowed & A_OCCURS))
		refuse_attr(c, a->has_occurs, a->occurs_loc,
			    "an occurrence [min..max]", what);
	if (!(allowed & A_NOTE))
		refuse_attr(c, a->note != NULL, a->note_loc, "'note'", what);
	if (!(allowed & A_FORMERLY))
		refuse_attr(c, a->formerly.text != NULL, a->formerly.loc,
			    "'formerly'", what);
	if (!(allowed & A_DEPRECATED))
		refuse_attr(c, a->deprecated, a->deprecated_loc, "'deprecated'",
			    what);
	if (!(allowed & A_ID))
		refuse_attr(c, a->id != NULL, a->id_loc, "'id'", what);
	if (!(allowed & A_VERSION))
		refuse_attr(c, a->has_version, a->version_loc, "'version'", what);
}

static int is_capital(char ch)
{
	return ch >= 'A' && ch <= 'Z';
}

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Whether the N characters at S are all capital letters (CAPITALS), or
 * digits (DIGITS), or either (both). */
static int all_of(const char *s, size_t n, int capitals, int digits)
{
	for (size_t i = 0; i < n; i++)
		if (!((capitals && is_capital(s[i])) || (digits && is_digit(s[i]))))
			return 0;
	return 1;
}

/* 特定個人情報名コード: two capital letters and fourteen digits. */
int rk_ck_record_id_ok(const char *s)
{
	return strlen(s) == 16 && all_of(s, 2, 1, 0) && all_of(s + 2, 14, 0, 1);
}

/* 特定個人情報項目コード: sixteen capital letters or digits. */
int rk_ck_item_id_ok(const char *s)
{
	return strlen(s) == 16 && all_of(s, 16, 1, 1);
}

static void check_header(struct checker *c)
{
	struct rk_revision *rev = c->rev;
	struct rk_loc first = { 0 };

	if (rev->n_files)
		first.src = rev->files[0]->src;
	if (rev->n_headers == 0) {
		rk_ck_error(c, first, "no revision header: one file must declare "
			       "'revision NAME { title \"...\"; released YYYY-MM-DD; }'");
		return;
	}
	for (size_t i = 1; i < rev->n_headers; i++) {
		rk_ck_error(c, rev->headers[i]->name.loc,
		      "a second revision header ('%s'): a revision has exactly one",
		      rev->headers[i]->name.text);
		rk_diag_note(c->diags, rev->headers[0]->name.loc,
			     "the first is here");
	}
	struct rk_header *h = rev->headers[0];
	rev->header = h;
	rk_ck_name(c, &h->name, "revision");
	if (!h->title)
		rk_ck_error(c, h->name.loc, "revision '%s' has no title", h->name.text);
	else if (!h->title[0])
		rk_ck_error(c, h->title_loc, "revision '%s' has an empty title",
		      h->name.text);
	if (!h->has_released)
		rk_ck_error(c, h->name.loc, "revision '%s' has no 'released' date",
		      h->name.text);
	else if (rk_date_valid(h->released.year, h->released.month,
			       h->released.day) != RK_DATE_OK)
		rk_ck_error(c, h->released_loc, "released %04d-%02d-%02d is not a calendar date",
		      h->released.year, h->released.month, h->released.day);
	if (h->previous.text && strcmp(h->previous.text, h->name.text) == 0)
		rk_ck_error(c, h->previous.loc, "revision '%s' names itself as its previous revision",
		      h->name.text);
}

/* Fills the namespaces before anything is resolved against them. */
static void declare_all(struct checker *c)
{
	struct rk_revision *rev = c->rev;

	for (size_t i = 0; i < rev->n_codes; i++) {
		rk_ck_name(c, &rev->codes[i]->name, "code table");
		rk_ck_declare(c, &c->codes, &rev->codes[i]->name, "code table");
	}
	for (size_t i = 0; i < rev->n_types; i++) {
		rk_ck_name(c, &rev->types[i]->name, "type");
		rk_ck_declare(c, &c->types, &rev->types[i]->name, "type");
	}
	for (size_t i = 0; i < rev->n_records; i++) {
		struct rk_name *n = &rev->records[i]->name;
		rk_ck_name(c, n, "record");
		if (strcmp(n->text, "records") == 0)
			rk_ck_error(c, n->loc, "'records' cannot name a record (it is the XML wrapper element)");
		rk_ck_declare(c, &c->records, n, "record");
	}
}

static void warn_unused(struct checker *c)
{
	struct rk_revision *rev = c->rev;

	for (size_t i = 0; i < rev->n_codes; i++)
		if (!rk_map_get(&c->used_codes, rev->codes[i]->name.text) &&
		    rk_map_get(&c->codes, rev->codes[i]->name.text) ==
			    &rev->codes[i]->name)
			rk_diag_warning(c->diags, rev->codes[i]->name.loc,
					"code table '%s' is never used",
					rev->codes[i]->name.text);
	for (size_t i = 0; i < rev->n_types; i++)
		if (!rk_map_get(&c->used_types, rev->types[i]->name.text) &&
		    rk_map_get(&c->types, rev->types[i]->name.text) ==
			    &rev->types[i]->name)
			rk_diag_warning(c->diags, rev->types[i]->name.loc,
					"type '%s' is never used",
					rev->types[i]->name.text);
}

static void count_id(struct rk_node *node, void *data)
{
	if (node->attrs.id)
		++*(size_t *)data;
}

/* Sizes the namespaces once: a revision has up to some 100,000 item ids. */
static void reserve_maps(struct checker *c)
{
	size_t items = 0, records = 0;

	for (size_t i = 0; i < c->rev->n_records; i++) {
		records += c->rev->records[i]->id != NULL;
		rk_record_walk(c->rev->records[i], count_id, &items);
	}
	rk_map_reserve(&c->codes, c->rev->n_codes);
	rk_map_reserve(&c->types, c->rev->n_types);
	rk_map_reserve(&c->records, c->rev->n_records);
	rk_map_reserve(&c->record_ids, records);
	rk_map_reserve(&c->item_ids, items);
}

int rk_check(struct rk_revision *rev, struct rk_diags *diags)
{
	struct checker c;

	memset(&c, 0, sizeof(c));
	c.rev = rev;
	c.diags = diags;
	check_header(&c);
	reserve_maps(&c);
	declare_all(&c);
	for (size_t i = 0; i < rev->n_codes; i++)
		rk_ck_codes(&c, rev->codes[i]);
	for (size_t i = 0; i < rev->n_types; i++)
		rk_ck_alias(&c, rev->types[i]);
	for (size_t i = 0; i < rev->n_records; i++)
		rk_ck_record(&c, rev->records[i]);
	warn_unused(&c);
	rk_map_release(&c.codes);
	rk_map_release(&c.types);
	rk_map_release(&c.records);
	rk_map_release(&c.record_ids);
	rk_map_release(&c.item_ids);
	rk_map_release(&c.used_codes);
	rk_map_release(&c.used_types);
	return c.errors;
}
