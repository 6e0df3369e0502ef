/*
 * bench/gen_asn1.c: a revision's records as an ASN.1 module, and its XML
 * payloads as the XER that module reads, so that asn1c's generated decoder
 * can be measured on the same records as renkei's generated readers.
 *
 *   gen_asn1 [-o FILE] LAYOUT_DIR               the module
 *   gen_asn1 --xer [-o FILE] LAYOUT_DIR PAYLOAD the payload (XML) as XER
 *
 * The module has a SEQUENCE per record and group, in layout order, with
 * OPTIONAL for a minimum of 0, `SEQUENCE SIZE(min..max) OF` for repeated
 * items and groups (OPTIONAL too when the minimum is 0: absent means
 * none), an ENUMERATED per code table and, for each item type, a character
 * string type with the SIZE and FROM (permitted alphabet) constraints that
 * say as much of the type's rule as ASN.1 can.  It cannot say the shapes
 * of numbers and dates (where the point and the hyphens go), calendar
 * dates, eras, or check digits; and asn1c checks FROM only on its 8-bit
 * string types, not on UTF8String (text, kana, hankana, string keep their
 * SIZE in characters).  The PDU is `Record`, a CHOICE of the records, so
 * a payload becomes a stream of Record values, one per record.
 *
 * ASN.1 names allow no '_' and no "--": names are mapped to '-' (runs of
 * '_' to one), prefixed when they do not start as ASN.1 wants, and made
 * unique in their scope.  The XER writer uses the same names: repeated
 * elements are gathered under the member's element, each occurrence named
 * like the member (`SEQUENCE OF name Type`), and a code value becomes its
 * ENUMERATED identifier, `<care-level><yokaigo1/></care-level>`.
 *
 * Exit status: 0 done, 1 the layout or the payload is not valid for this
 * (a located message says why), 2 a file could not be read or written.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "cli.h"
#include "model.h"
#include "util.h"

/* ---- the plan: every ASN.1 name, made once for both outputs ------------- */

struct a_codes {
	const struct rk_codes *codes;
	char *type;                  /* "Care-level" */
	char **idents;               /* of codes->values[i]: "yokaigo1" */
};

struct a_node {
	const char *name;            /* the layout's */
	const char *label;
	char *ident;                 /* "nintei-rireki" */
	char *type;                  /* records and groups: their SEQUENCE */
	const struct rk_value_type *value;  /* items */
	const char *syntax_name;     /* items: the named type, or NULL */
	struct a_codes *codes;       /* code items */
	uint64_t min, max;
	struct a_node *kids;
	size_t n_kids;
};

struct a_plan {
	const struct rk_revision *rev;
	char *module;                /* "R06-Payload" */
	struct a_node *records;
	size_t n_records;
	struct a_codes *codes;
	size_t n_codes;
	struct rk_map types;         /* every type reference used */
	char **owned;                /* every name, freed at the end */
	size_t n_owned, cap_owned;
};

static char *own(struct a_plan *p, char *s)
{
	RK_GROW(p->owned, p->n_owned, p->cap_owned);
	p->owned[p->n_owned++] = s;
	return s;
}

/* The words ASN.1 reserves, and what the module itself defines: a type
 * reference must be none of them. */
static const char *const reserved[] = {
	"ABSENT", "ABSTRACT-SYNTAX", "ALL", "APPLICATION", "AUTOMATIC",
	"BEGIN", "BIT", "BMPString", "BOOLEAN", "BY", "CHARACTER", "CHOICE",
	"CLASS", "COMPONENT", "COMPONENTS", "CONSTRAINED", "CONTAINING",
	"DATE", "DATE-TIME", "DEFAULT", "DEFINITIONS", "DURATION", "EMBEDDED",
	"ENCODED", "ENCODING-CONTROL", "END", "ENUMERATED", "EXCEPT",
	"EXPLICIT", "EXPORTS", "EXTENSIBILITY", "EXTERNAL", "FALSE", "FROM",
	"GeneralizedTime", "GeneralString", "GraphicString", "IA5String",
	"IDENTIFIER", "IMPLICIT", "IMPLIED", "IMPORTS", "INCLUDES", "INSTANCE",
	"INSTRUCTIONS", "INTEGER", "INTERSECTION", "ISO646String", "MAX",
	"MIN", "MINUS-INFINITY", "NOT-A-NUMBER", "NULL", "NumericString",
	"OBJECT", "ObjectDescriptor", "OCTET", "OF", "OID-IRI", "OPTIONAL",
	"PATTERN", "PDV", "PLUS-INFINITY", "PRESENT", "PrintableString",
	"PRIVATE", "REAL", "RELATIVE-OID", "RELATIVE-OID-IRI", "SEQUENCE",
	"SET", "SETTINGS", "SIZE", "STRING", "SYNTAX", "T61String", "TAGS",
	"TeletexString", "TIME", "TIME-OF-DAY", "TRUE", "TYPE-IDENTIFIER",
	"UNION", "UNIQUE", "UNIVERSAL", "UniversalString", "UTCTime",
	"UTF8String", "VideotexString", "VisibleString", "WITH",
	"Record", NULL
};

/*
 * NAME as an ASN.1 name: '_' runs become one '-', none leads or ends, the
 * first character is a lower-case letter (an identifier) or an upper-case
 * one (a type reference), else a prefix makes it so.  Unique in SCOPE,
 * where it is added: a clash takes "-2", "-3"...
 */
static char *asn1_name(struct a_plan *p, struct rk_map *scope, const char *name,
		       bool type)
{
	struct rk_buf b;
	size_t base;

	rk_buf_init(&b);
	for (const char *s = name; *s; s++) {
		if (*s != '_')
			rk_buf_addc(&b, *s);
		else if (b.len && b.s[b.len - 1] != '-' && s[1] && s[1] != '_')
			rk_buf_addc(&b, '-');
	}
	if (b.len && b.s[b.len - 1] == '-')
		b.s[--b.len] = '\0';
	if (!b.len || !isalpha((unsigned char)b.s[0])) {
		char *rest = rk_buf_detach(&b);
		rk_buf_adds(&b, type ? "T" : "n");
		if (*rest)
			rk_buf_addf(&b, "-%s", rest);
		free(rest);
	} else if (type) {
		b.s[0] = (char)toupper((unsigned char)b.s[0]);
	} else if (isupper((unsigned char)b.s[0])) {
		char *rest = rk_buf_detach(&b);
		rk_buf_addf(&b, "n-%s", rest);
		free(rest);
	}
	base = b.len;
	for (unsigned n = 2; rk_map_get(scope, b.s); n++) {
		b.len = base;
		b.s[base] = '\0';
		rk_buf_addf(&b, "-%u", n);
	}
	char *s = own(p, rk_buf_detach(&b));
	rk_map_put(scope, s, s);
	return s;
}

static struct a_codes *plan_codes(struct a_plan *p, const struct rk_codes *c)
{
	for (size_t i = 0; i < p->n_codes; i++)
		if (p->codes[i].codes == c)
			return &p->codes[i];
	return NULL;
}

static void plan_node(struct a_plan *p, struct a_node *a, const struct rk_node *n,
		      struct rk_map *scope, const char *parent_type)
{
	a->name = n->name.text;
	a->label = n->label;
	a->ident = asn1_name(p, scope, n->name.text, false);
	a->min = n->min;
	a->max = n->max;
	if (n->kind == RK_ITEM) {
		a->value = &n->type->value;
		a->syntax_name = n->type->builtin ? NULL : n->type->name.text;
		if (a->value->kind == RK_CODE)
			a->codes = plan_codes(p, n->type->codes);
		return;
	}
	char *full = rk_xmalloc(strlen(parent_type) + strlen(a->ident) + 2);
	sprintf(full, "%s-%s", parent_type, a->ident);
	a->type = asn1_name(p, &p->types, full, true);
	free(full);

	struct rk_map kids;
	rk_map_init(&kids);
	a->n_kids = n->n_children;
	a->kids = rk_xcalloc(n->n_children ? n->n_children : 1, sizeof(*a->kids));
	for (size_t i = 0; i < n->n_children; i++)
		plan_node(p, &a->kids[i], n->children[i], &kids, a->type);
	rk_map_release(&kids);
}

static void plan_record(struct a_plan *p, struct a_node *a, const struct rk_record *r,
			struct rk_map *alternatives)
{
	struct rk_map kids;

	a->name = r->name.text;
	a->label = r->label;
	a->ident = asn1_name(p, alternatives, r->name.text, false);
	a->type = asn1_name(p, &p->types, r->name.text, true);
	a->min = 0;
	a->max = RK_UNBOUNDED;
	rk_map_init(&kids);
	a->n_kids = r->n_children;
	a->kids = rk_xcalloc(r->n_children ? r->n_children : 1, sizeof(*a->kids));
	for (size_t i = 0; i < r->n_children; i++)
		plan_node(p, &a->kids[i], r->children[i], &kids, a->type);
	rk_map_release(&kids);
}

static void plan_init(struct a_plan *p, const struct rk_revision *rev)
{
	struct rk_map alternatives;

	memset(p, 0, sizeof(*p));
	p->rev = rev;
	rk_map_init(&p->types);
	for (size_t i = 0; reserved[i]; i++)
		rk_map_put(&p->types, reserved[i], (void *)reserved[i]);
	{
		struct rk_buf b;
		rk_buf_init(&b);
		rk_buf_addf(&b, "%s-Payload", rk_revision_name(rev));
		p->module = asn1_name(p, &p->types, b.s, true);
		rk_buf_release(&b);
	}

	/* Code tables first: their types keep their plain names. */
	p->n_codes = rev->n_codes;
	p->codes = rk_xcalloc(rev->n_codes ? rev->n_codes : 1, sizeof(*p->codes));
	for (size_t i = 0; i < rev->n_codes; i++) {
		const struct rk_codes *c = rev->codes[i];
		struct a_codes *a = &p->codes[i];
		struct rk_map values;

		a->codes = c;
		a->type = asn1_name(p, &p->types, c->name.text, true);
		a->idents = rk_xcalloc(c->n_values ? c->n_values : 1, sizeof(char *));
		rk_map_init(&values);
		for (size_t k = 0; k < c->n_values; k++) {
			const struct rk_code_value *v = &c->values[k];
			if (v->symbol.text) {
				a->idents[k] = asn1_name(p, &values, v->symbol.text, false);
				continue;
			}
			/* No symbol: the value itself, its other characters
			 * as '_' (then '-'). */
			char *s = rk_xmalloc(strlen(v->value) + 3);
			char *o = s;
			*o++ = 'v';
			*o++ = '_';
			for (const char *q = v->value; *q; q++)
				*o++ = isalnum((unsigned char)*q) ? *q : '_';
			*o = '\0';
			a->idents[k] = asn1_name(p, &values, s, false);
			free(s);
		}
		rk_map_release(&values);
	}

	rk_map_init(&alternatives);
	p->n_records = rev->n_records;
	p->records = rk_xcalloc(rev->n_records ? rev->n_records : 1,
				sizeof(*p->records));
	for (size_t i = 0; i < rev->n_records; i++)
		plan_record(p, &p->records[i], rev->records[i], &alternatives);
	rk_map_release(&alternatives);
}

static void node_release(struct a_node *a)
{
	for (size_t i = 0; i < a->n_kids; i++)
		node_release(&a->kids[i]);
	free(a->kids);
}

static void plan_release(struct a_plan *p)
{
	for (size_t i = 0; i < p->n_records; i++)
		node_release(&p->records[i]);
	free(p->records);
	for (size_t i = 0; i < p->n_codes; i++)
		free(p->codes[i].idents);
	free(p->codes);
	for (size_t i = 0; i < p->n_owned; i++)
		free(p->owned[i]);
	free(p->owned);
	rk_map_release(&p->types);
}

/* ---- the module ---------------------------------------------------------- */

/* A label or note inside an ASN.1 comment, which "--" would end. */
static void add_comment_text(struct rk_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			rk_buf_addc(b, ' ');
		else if (*s == '-' && s[1] == '-')
			rk_buf_adds(b, "- ");
		else
			rk_buf_addc(b, *s);
	}
}

static void add_size(struct rk_buf *b, uint64_t lo, uint64_t hi)
{
	if (lo == hi)
		rk_buf_addf(b, " (SIZE(%llu))", (unsigned long long)lo);
	else
		rk_buf_addf(b, " (SIZE(%llu..%llu))", (unsigned long long)lo,
			    (unsigned long long)hi);
}

/* The character string type and constraints of an item type. */
static void add_value_type(struct rk_buf *b, const struct a_node *a)
{
	const struct rk_value_type *v = a->value;
	static const char digits[] = " (FROM(\"0\"..\"9\"))";

	switch (v->kind) {
	case RK_DIGITS:
		rk_buf_adds(b, "NumericString");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, digits);
		break;
	case RK_ALNUM:
		rk_buf_adds(b, "IA5String");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, " (FROM(\"0\"..\"9\" | \"A\"..\"Z\" | \"a\"..\"z\"))");
		break;
	case RK_ASCII:
		rk_buf_adds(b, "IA5String");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, " (FROM(\" \"..\"~\"))");
		break;
	case RK_TEXT:
		/* All but ASCII, the C1 controls and half-width katakana. */
		rk_buf_adds(b, "UTF8String");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, " (FROM({0,0,0,160}..{0,0,255,96} | "
			       "{0,0,255,160}..{0,16,255,255}))");
		break;
	case RK_KANA:
		rk_buf_adds(b, "UTF8String");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, " (FROM({0,0,48,161}..{0,0,48,246} | {0,0,48,251} | "
			       "{0,0,48,252} | {0,0,48,0}))");
		break;
	case RK_HANKANA:
		rk_buf_adds(b, "UTF8String");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, " (FROM({0,0,255,97}..{0,0,255,159} | \"0\"..\"9\" | "
			       "\"A\"..\"Z\" | \" \" | \"(\" | \")\" | \"-\" | \".\" | \"/\"))");
		break;
	case RK_STRING:
		rk_buf_adds(b, "UTF8String");
		add_size(b, v->min_len, v->max_len);
		rk_buf_adds(b, " (FROM({0,0,0,32}..{0,0,0,126} | "
			       "{0,0,0,160}..{0,16,255,255}))");
		break;
	case RK_NUMBER: {
		uint64_t longest = (uint64_t)v->precision + (v->scale ? 1 : 0) +
				   (v->is_signed ? 1 : 0);
		if (!v->scale && !v->is_signed) {
			rk_buf_adds(b, "NumericString");
			add_size(b, 1, longest);
			rk_buf_adds(b, digits);
			break;
		}
		rk_buf_adds(b, "IA5String");
		add_size(b, 1, longest);
		rk_buf_addf(b, " (FROM(\"0\"..\"9\"%s%s))", v->scale ? " | \".\"" : "",
			    v->is_signed ? " | \"-\"" : "");
		break;
	}
	case RK_DATE:
		rk_buf_adds(b, "IA5String (SIZE(10)) (FROM(\"0\"..\"9\" | \"-\"))");
		break;
	case RK_DATE8:
		rk_buf_addf(b, "NumericString (SIZE(8))%s", digits);
		break;
	case RK_YEARMONTH:
		rk_buf_addf(b, "NumericString (SIZE(6))%s", digits);
		break;
	case RK_WAREKI:
		rk_buf_addf(b, "NumericString (SIZE(7))%s", digits);
		break;
	case RK_FLAG:
		rk_buf_adds(b, "NumericString (SIZE(1)) (FROM(\"0\"..\"1\"))");
		break;
	case RK_CODE:
		rk_buf_adds(b, a->codes->type);
		break;
	case RK_MYNUMBER:
		rk_buf_addf(b, "NumericString (SIZE(12))%s", digits);
		break;
	case RK_LGCODE:
		rk_buf_addf(b, "NumericString (SIZE(6))%s", digits);
		break;
	case RK_INSURER:
		rk_buf_addf(b, "NumericString (SIZE(6 | 8))%s", digits);
		break;
	}
}

/* What the module cannot check of a kind, for the comment beside it. */
static const char *unchecked(const struct rk_value_type *v)
{
	switch (v->kind) {
	case RK_TEXT:
	case RK_KANA:
	case RK_HANKANA:
	case RK_STRING:
		return "FROM not checked by asn1c on UTF8String";
	case RK_NUMBER:
		if (v->scale && v->is_signed)
			return "not checked: where '.' and '-' go, the digits "
			       "before and after '.'";
		if (v->scale)
			return "not checked: where '.' goes, the digits before "
			       "and after it";
		return v->is_signed ? "not checked: where '-' goes" : NULL;
	case RK_DATE:
		return "not checked: the hyphens' places, a calendar date";
	case RK_DATE8:
	case RK_YEARMONTH:
		return "not checked: a calendar date";
	case RK_WAREKI:
		return "not checked: the era, a date inside it";
	case RK_MYNUMBER:
	case RK_LGCODE:
	case RK_INSURER:
		return "not checked: the check digit";
	default:
		return NULL;
	}
}

static void add_members(struct rk_buf *b, const struct a_node *a);

static void add_member(struct rk_buf *b, const struct a_node *k, bool last)
{
	char syntax[128];

	rk_buf_addf(b, "\t%s ", k->ident);
	if (k->max > 1) {
		rk_buf_adds(b, "SEQUENCE (SIZE(");
		rk_buf_addf(b, "%llu..", (unsigned long long)(k->min ? k->min : 1));
		if (k->max == RK_UNBOUNDED)
			rk_buf_adds(b, "MAX");
		else
			rk_buf_addf(b, "%llu", (unsigned long long)k->max);
		rk_buf_addf(b, ")) OF %s ", k->ident);
	}
	if (k->value)
		add_value_type(b, k);
	else
		rk_buf_adds(b, k->type);
	if (k->min == 0)
		rk_buf_adds(b, " OPTIONAL");
	if (!last)
		rk_buf_addc(b, ',');
	rk_buf_adds(b, " -- ");
	add_comment_text(b, k->label);
	if (k->value) {
		rk_value_type_syntax(k->value, syntax, sizeof(syntax));
		rk_buf_adds(b, ": ");
		if (k->syntax_name)
			rk_buf_addf(b, "%s = ", k->syntax_name);
		add_comment_text(b, syntax);
		const char *not = unchecked(k->value);
		if (not)
			rk_buf_addf(b, "; %s", not);
	}
	rk_buf_addc(b, '\n');
}

static void add_sequence(struct rk_buf *b, const struct a_node *a)
{
	rk_buf_adds(b, "\n-- ");
	add_comment_text(b, a->label);
	rk_buf_addf(b, "\n%s ::= SEQUENCE {\n", a->type);
	for (size_t i = 0; i < a->n_kids; i++)
		add_member(b, &a->kids[i], i + 1 == a->n_kids);
	rk_buf_adds(b, "}\n");
	add_members(b, a);
}

/* The SEQUENCE of every group under A, after A's. */
static void add_members(struct rk_buf *b, const struct a_node *a)
{
	for (size_t i = 0; i < a->n_kids; i++)
		if (!a->kids[i].value)
			add_sequence(b, &a->kids[i]);
}

static char *module_text(const struct a_plan *p)
{
	struct rk_buf b;

	rk_buf_init(&b);
	rk_buf_addf(&b, "-- The records of revision %s as ASN.1, written by "
		    "bench/gen_asn1 from the layout\n"
		    "-- for the benchmark against asn1c, which reads the "
		    "payloads gen_asn1 converts to XER.\n", rk_revision_name(p->rev));
	rk_buf_addf(&b, "%s DEFINITIONS AUTOMATIC TAGS ::= BEGIN\n\n", p->module);
	rk_buf_adds(&b, "-- One record of a payload.\nRecord ::= CHOICE {\n");
	for (size_t i = 0; i < p->n_records; i++)
		rk_buf_addf(&b, "\t%s %s%s\n", p->records[i].ident, p->records[i].type,
			    i + 1 < p->n_records ? "," : "");
	rk_buf_adds(&b, "}\n");
	for (size_t i = 0; i < p->n_records; i++)
		add_sequence(&b, &p->records[i]);
	for (size_t i = 0; i < p->n_codes; i++) {
		const struct a_codes *c = &p->codes[i];
		rk_buf_adds(&b, "\n-- ");
		add_comment_text(&b, c->codes->label);
		rk_buf_addf(&b, "\n%s ::= ENUMERATED {\n", c->type);
		for (size_t k = 0; k < c->codes->n_values; k++) {
			rk_buf_addf(&b, "\t%s(%zu)%s -- \"", c->idents[k], k,
				    k + 1 < c->codes->n_values ? "," : "");
			add_comment_text(&b, c->codes->values[k].value);
			rk_buf_adds(&b, "\"\n");
		}
		rk_buf_adds(&b, "}\n");
	}
	rk_buf_adds(&b, "\nEND\n");
	return rk_buf_detach(&b);
}

/* ---- XML to XER ------------------------------------------------------------ */

/* An open record or group: the level of its element, and the repeated
 * member whose occurrences are being written under the member's element. */
struct frame {
	const struct a_node *node;
	int level;
	const struct a_node *repeating;
};

struct xer {
	const struct a_plan *plan;
	xmlTextReaderPtr r;
	FILE *out;
	const char *name;
	struct frame stack[RK_MAX_GROUP_DEPTH + 2];
	int depth;                   /* frames open */
	bool in_records;             /* under a `records` root */
	unsigned long records;
};

static int xer_error(struct xer *x, const char *what, const char *name)
{
	fprintf(stderr, "gen_asn1: %s:%d: %s%s%s%s\n", x->name,
		xmlTextReaderGetParserLineNumber(x->r), what,
		name ? " '" : "", name ? name : "", name ? "'" : "");
	return -1;
}

static void put_indent(struct xer *x, int level)
{
	putc('\n', x->out);
	for (int i = 0; i < level; i++)
		fputs("  ", x->out);
}

static void put_escaped(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		default: putc(*s, out);
		}
	}
}

static const struct a_node *find_kid(const struct a_node *a, const char *name)
{
	for (size_t i = 0; i < a->n_kids; i++)
		if (!strcmp(a->kids[i].name, name))
			return &a->kids[i];
	return NULL;
}

static void end_repeating(struct xer *x)
{
	struct frame *f = &x->stack[x->depth - 1];

	if (!f->repeating)
		return;
	put_indent(x, f->level + 1);
	fprintf(x->out, "</%s>", f->repeating->ident);
	f->repeating = NULL;
}

/*
 * Opens member K of the innermost frame: the element that gathers its
 * occurrences when it repeats, then its own unless BARE (the values of a
 * repeated ENUMERATED, `<codes><a/><b/></codes>`, have none).  Returns the
 * level of its own element.
 */
static int open_member(struct xer *x, const struct a_node *k, bool bare)
{
	struct frame *f = &x->stack[x->depth - 1];
	int level = f->level + 1;

	if (f->repeating != k)
		end_repeating(x);
	if (k->max > 1) {
		if (f->repeating != k) {
			put_indent(x, level);
			fprintf(x->out, "<%s>", k->ident);
			f->repeating = k;
		}
		level++;
	}
	if (!bare) {
		put_indent(x, level);
		fprintf(x->out, "<%s>", k->ident);
	}
	return level;
}

static int xer_item(struct xer *x, const struct a_node *k)
{
	xmlChar *text = xmlTextReaderReadString(x->r);
	const char *s = text ? (const char *)text : "";
	if (!*s) {
		/* An empty element is an absent item. */
		xmlFree(text);
		return 0;
	}
	if (k->codes) {
		const struct rk_code_value *v = rk_codes_find_value(k->codes->codes, s);
		if (!v) {
			xmlFree(text);
			return xer_error(x, "not a value of the code table of", k->name);
		}
		open_member(x, k, k->max > 1);
		fprintf(x->out, "<%s/>", k->codes->idents[v - k->codes->codes->values]);
	} else {
		open_member(x, k, false);
		put_escaped(x->out, s);
	}
	/* Repeated ENUMERATED values stand in a list, each alone. */
	if (!k->codes || k->max == 1)
		fprintf(x->out, "</%s>", k->ident);
	xmlFree(text);
	return 0;
}

static void xer_end(struct xer *x)
{
	struct frame *f;

	if (x->depth == 0)
		return;		/* </records> */
	end_repeating(x);
	f = &x->stack[--x->depth];
	put_indent(x, f->level);
	fprintf(x->out, "</%s>", f->node->ident);
	if (x->depth == 0)
		fputs("\n</Record>", x->out);
}

/*
 * An element starts: the root, a record, a group or an item.  Returns 1
 * when it was an item, whose text is taken (the reader is to move past
 * its end), 0 otherwise, -1 on an error.
 */
static int xer_start(struct xer *x, const char *name, bool empty)
{
	const struct a_node *k = NULL;
	int level;

	if (x->depth == 0) {
		if (!x->in_records && !x->records && !strcmp(name, "records") &&
		    xmlTextReaderDepth(x->r) == 0) {
			x->in_records = true;
			return 0;
		}
		for (size_t i = 0; i < x->plan->n_records && !k; i++)
			if (!strcmp(x->plan->records[i].name, name))
				k = &x->plan->records[i];
		if (!k)
			return xer_error(x, "unknown record", name);
		if (x->records)
			putc('\n', x->out);
		fprintf(x->out, "<Record>");
		put_indent(x, 1);
		fprintf(x->out, "<%s>", k->ident);
		level = 1;
		x->records++;
	} else {
		k = find_kid(x->stack[x->depth - 1].node, name);
		if (!k)
			return xer_error(x, "unknown element", name);
		if (k->value)
			return xer_item(x, k) < 0 ? -1 : 1;
		level = open_member(x, k, false);
	}
	if (x->depth == RK_MAX_GROUP_DEPTH + 2)
		return xer_error(x, "too deep", name);
	x->stack[x->depth].node = k;
	x->stack[x->depth].level = level;
	x->stack[x->depth].repeating = NULL;
	x->depth++;
	if (empty)
		xer_end(x);	/* no end tag will come */
	return 0;
}

/* Whether S is only XML white space. */
static bool blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

static int xer_convert(const struct a_plan *plan, const char *in, FILE *out)
{
	struct xer x = { .plan = plan, .out = out, .name = in };
	int rc, st = 0;

	x.r = xmlReaderForFile(in, NULL, XML_PARSE_NONET);
	if (!x.r) {
		fprintf(stderr, "gen_asn1: cannot read %s\n", in);
		return 2;
	}
	rc = xmlTextReaderRead(x.r);
	while (rc == 1) {
		int type = xmlTextReaderNodeType(x.r);
		const char *name = (const char *)xmlTextReaderConstLocalName(x.r);

		if (type == XML_READER_TYPE_ELEMENT) {
			st = xer_start(&x, name, xmlTextReaderIsEmptyElement(x.r));
			if (st < 0)
				break;
			if (st == 1) {
				rc = xmlTextReaderNext(x.r);
				continue;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			xer_end(&x);
		} else if ((type == XML_READER_TYPE_TEXT ||
			    type == XML_READER_TYPE_CDATA) &&
			   !blank(xmlTextReaderConstValue(x.r))) {
			st = xer_error(&x, "text outside an item", NULL);
			break;
		} else if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			st = xer_error(&x, "a DOCTYPE is refused", NULL);
			break;
		}
		rc = xmlTextReaderRead(x.r);
	}
	if (rc < 0 && st >= 0)
		st = xer_error(&x, "not well-formed XML", NULL);
	if (x.records)
		putc('\n', out);
	xmlFreeTextReader(x.r);
	if (st < 0)
		return 1;
	fprintf(stderr, "records=%lu\n", x.records);
	return 0;
}

/* ---- the program ------------------------------------------------------------ */

static const char usage[] =
	"usage: gen_asn1 [-o FILE] LAYOUT_DIR\n"
	"       gen_asn1 --xer [-o FILE] LAYOUT_DIR PAYLOAD.xml\n";

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "xer", no_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL;
	bool xer = false;
	int opt, status;

	while ((opt = getopt_long(argc, argv, "xo:h", options, NULL)) != -1) {
		switch (opt) {
		case 'x': xer = true; break;
		case 'o': output = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (argc - optind != (xer ? 2 : 1)) {
		fputs(usage, stderr);
		return 2;
	}

	struct rk_cli cli;
	struct rk_revision *rev;
	rk_cli_init(&cli);
	cli.quiet = true;
	status = rk_cli_load(&cli, argv + optind, 1, true, &rev);
	if (status != RK_EXIT_OK) {
		rk_revision_free(rev);
		return status;
	}

	struct a_plan plan;
	plan_init(&plan, rev);
	FILE *out = output ? fopen(output, "w") : stdout;
	if (!out) {
		perror(output);
		status = 2;
	} else if (xer) {
		static char buf[1 << 16];
		setvbuf(out, buf, _IOFBF, sizeof(buf));
		status = xer_convert(&plan, argv[optind + 1], out);
	} else {
		char *text = module_text(&plan);
		fputs(text, out);
		free(text);
	}
	if (out && (fflush(out) != 0 || ferror(out) || (output && fclose(out) != 0))) {
		perror(output ? output : "standard output");
		status = 2;
	}
	plan_release(&plan);
	rk_revision_free(rev);
	return status;
}
