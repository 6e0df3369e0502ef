/*
 * gen_xsd.c: an XML Schema 1.0 for a revision's payload mapping, for
 * partners who validate with their own XML tools.
 *
 * Records are global elements (a payload may be one record) and the
 * children of `records`; records and groups are sequences in layout order
 * with their occurrences; every item type becomes a restriction of
 * xs:string by pattern and length (lengths in XML Schema count characters,
 * as the layout language does), and every code table an enumeration.
 * Official labels go into xs:documentation.  What XML Schema cannot say
 * (check digits, calendar dates, era bounds, an empty element meaning
 * absent, `revision` on the root only) is listed in docs/xsd.md.
 */
#include "gen_xsd.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

static void indent(struct rk_buf *b, int level)
{
	rk_buf_pad(b, (size_t)level * 2);
}

/* Text for an attribute value or element content. */
static void add_escaped(struct rk_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': rk_buf_adds(b, "&amp;"); break;
		case '<': rk_buf_adds(b, "&lt;"); break;
		case '>': rk_buf_adds(b, "&gt;"); break;
		case '"': rk_buf_adds(b, "&quot;"); break;
		default: rk_buf_addc(b, *s);
		}
	}
}

static void documentation(struct rk_buf *b, int level, const char *label,
			  const char *note)
{
	if (!label && !note)
		return;
	indent(b, level);
	rk_buf_adds(b, "<xs:annotation><xs:documentation>");
	if (label)
		add_escaped(b, label);
	if (label && note)
		rk_buf_adds(b, ": ");
	if (note)
		add_escaped(b, note);
	rk_buf_adds(b, "</xs:documentation></xs:annotation>\n");
}

/* The character class of a string kind, as an XML Schema regex. */
static const char *char_class(enum rk_kind kind)
{
	switch (kind) {
	case RK_DIGITS: return "[0-9]";
	case RK_ALNUM: return "[0-9A-Za-z]";
	case RK_ASCII: return "[ -~]";
	case RK_TEXT: return "[^\\p{Cc}&#x20;-&#x7E;&#xFF61;-&#xFF9F;]";
	case RK_KANA: return "[&#x30A1;-&#x30F6;&#x30FC;&#x30FB;&#x3000;]";
	case RK_HANKANA: return "[&#xFF61;-&#xFF9F;0-9A-Z \\(\\)\\-\\./]";
	default: return "[^\\p{Cc}]";
	}
}

/* The pattern of a kind with a fixed shape; NULL for the others. */
static const char *fixed_pattern(enum rk_kind kind)
{
	switch (kind) {
	case RK_DATE: return "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
	case RK_DATE8: return "[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])";
	case RK_YEARMONTH: return "[0-9]{4}(0[1-9]|1[0-2])";
	case RK_WAREKI: return "[1-5][0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])";
	case RK_FLAG: return "[01]";
	case RK_MYNUMBER: return "[0-9]{12}";
	case RK_LGCODE: return "[0-9]{6}";
	case RK_INSURER: return "[0-9]{6}|[0-9]{8}";
	default: return NULL;
	}
}

static void facet(struct rk_buf *b, int level, const char *name,
		  const char *value)
{
	indent(b, level);
	rk_buf_addf(b, "<xs:%s value=\"%s\"/>\n", name, value);
}

static void number_pattern(struct rk_buf *b, const struct rk_value_type *v)
{
	rk_buf_adds(b, v->is_signed ? "-?" : "");
	rk_buf_addf(b, "[0-9]{1,%u}", (unsigned)(v->precision - v->scale));
	if (v->scale)
		rk_buf_addf(b, "(\\.[0-9]{1,%u})?", (unsigned)v->scale);
}

/* The facets of a restriction of xs:string for one resolved type. */
static void restriction_body(struct rk_buf *b, const struct rk_value_type *v,
			     int level)
{
	struct rk_buf p;
	char num[24];

	rk_buf_init(&p);
	if (v->kind <= RK_STRING) {
		rk_buf_adds(&p, char_class(v->kind));
		rk_buf_adds(&p, "*");
		snprintf(num, sizeof(num), "%u", (unsigned)v->min_len);
		facet(b, level, "minLength", num);
		snprintf(num, sizeof(num), "%u", (unsigned)v->max_len);
		facet(b, level, "maxLength", num);
	} else if (v->kind == RK_NUMBER) {
		number_pattern(&p, v);
	} else if (v->kind == RK_CODE) {
		for (size_t i = 0; i < v->n_codes; i++) {
			indent(b, level);
			rk_buf_adds(b, "<xs:enumeration value=\"");
			add_escaped(b, v->codes[i]);
			rk_buf_adds(b, "\"/>\n");
		}
	} else {
		rk_buf_adds(&p, fixed_pattern(v->kind));
	}
	if (p.len)
		facet(b, level, "pattern", p.s);
	rk_buf_release(&p);
}

/* The type name an item refers to: a code table's or a named type's. */
static void type_name(struct rk_buf *b, const struct rk_typeref *t)
{
	if (t->alias)
		rk_buf_addf(b, "type.%s", t->alias->name.text);
	else if (t->codes)
		rk_buf_addf(b, "codes.%s", t->codes->name.text);
}

static void simple_type(struct rk_buf *b, const struct rk_typeref *t,
			int level)
{
	indent(b, level);
	rk_buf_adds(b, "<xs:simpleType>\n");
	indent(b, level + 1);
	rk_buf_adds(b, "<xs:restriction base=\"xs:string\">\n");
	restriction_body(b, &t->value, level + 2);
	indent(b, level + 1);
	rk_buf_adds(b, "</xs:restriction>\n");
	indent(b, level);
	rk_buf_adds(b, "</xs:simpleType>\n");
}

static void occurs(struct rk_buf *b, const struct rk_node *n)
{
	if (n->min != 1)
		rk_buf_addf(b, " minOccurs=\"%llu\"", (unsigned long long)n->min);
	if (n->max == RK_UNBOUNDED)
		rk_buf_adds(b, " maxOccurs=\"unbounded\"");
	else if (n->max != 1)
		rk_buf_addf(b, " maxOccurs=\"%llu\"", (unsigned long long)n->max);
}

static void sequence(struct rk_buf *b, struct rk_node **v, size_t n,
		     int level);

static void element(struct rk_buf *b, const struct rk_node *n, int level)
{
	const struct rk_typeref *t = n->type;
	bool named = t && (t->alias || t->codes);

	indent(b, level);
	rk_buf_addf(b, "<xs:element name=\"%s\"", n->name.text);
	if (named) {
		rk_buf_adds(b, " type=\"");
		type_name(b, t);
		rk_buf_adds(b, "\"");
	}
	occurs(b, n);
	rk_buf_adds(b, ">\n");
	documentation(b, level + 1, n->label, n->attrs.note);
	if (n->kind == RK_GROUP) {
		indent(b, level + 1);
		rk_buf_adds(b, "<xs:complexType>\n");
		sequence(b, n->children, n->n_children, level + 2);
		indent(b, level + 1);
		rk_buf_adds(b, "</xs:complexType>\n");
	} else if (!named) {
		simple_type(b, t, level + 1);
	}
	indent(b, level);
	rk_buf_adds(b, "</xs:element>\n");
}

static void sequence(struct rk_buf *b, struct rk_node **v, size_t n,
		     int level)
{
	indent(b, level);
	rk_buf_adds(b, "<xs:sequence>\n");
	for (size_t i = 0; i < n; i++)
		element(b, v[i], level + 1);
	indent(b, level);
	rk_buf_adds(b, "</xs:sequence>\n");
}

static void revision_attribute(struct rk_buf *b, const char *rev, int level)
{
	indent(b, level);
	rk_buf_addf(b, "<xs:attribute name=\"revision\" type=\"xs:string\" fixed=\"%s\"/>\n",
		    rev);
}

static void record(struct rk_buf *b, const struct rk_record *r,
		   const char *rev)
{
	rk_buf_addf(b, "  <xs:element name=\"%s\">\n", r->name.text);
	documentation(b, 2, r->label, r->attrs.note);
	rk_buf_adds(b, "    <xs:complexType>\n");
	sequence(b, r->children, r->n_children, 3);
	revision_attribute(b, rev, 3);
	rk_buf_adds(b, "    </xs:complexType>\n  </xs:element>\n\n");
}

static void named_types(struct rk_buf *b, const struct rk_revision *rev)
{
	for (size_t i = 0; i < rev->n_codes; i++) {
		const struct rk_codes *c = rev->codes[i];
		rk_buf_addf(b, "  <xs:simpleType name=\"codes.%s\">\n", c->name.text);
		documentation(b, 2, c->label, c->attrs.note);
		rk_buf_adds(b, "    <xs:restriction base=\"xs:string\">\n");
		for (size_t k = 0; k < c->n_values; k++) {
			const struct rk_code_value *v = &c->values[k];
			rk_buf_adds(b, "      <xs:enumeration value=\"");
			add_escaped(b, v->value);
			rk_buf_adds(b, "\"");
			if (v->label) {
				rk_buf_adds(b, ">\n");
				documentation(b, 4, v->label, NULL);
				rk_buf_adds(b, "      </xs:enumeration>\n");
			} else {
				rk_buf_adds(b, "/>\n");
			}
		}
		rk_buf_adds(b, "    </xs:restriction>\n  </xs:simpleType>\n\n");
	}
	for (size_t i = 0; i < rev->n_types; i++) {
		const struct rk_typedef *t = rev->types[i];
		rk_buf_addf(b, "  <xs:simpleType name=\"type.%s\">\n", t->name.text);
		rk_buf_adds(b, "    <xs:restriction base=\"xs:string\">\n");
		restriction_body(b, &t->type->value, 3);
		rk_buf_adds(b, "    </xs:restriction>\n  </xs:simpleType>\n\n");
	}
}

char *rk_gen_xsd(const struct rk_revision *rev)
{
	struct rk_buf b;
	const char *name = rk_revision_name(rev);

	rk_buf_init(&b);
	rk_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	rk_buf_addf(&b, "<!-- XML Schema for the payloads of revision %s, written by renkei. -->\n",
		    name);
	rk_buf_adds(&b, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n");
	documentation(&b, 1, rev->header ? rev->header->title : NULL, NULL);
	rk_buf_adds(&b, "\n  <xs:element name=\"records\">\n    <xs:complexType>\n");
	rk_buf_adds(&b, "      <xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n");
	for (size_t i = 0; i < rev->n_records; i++)
		rk_buf_addf(&b, "        <xs:element ref=\"%s\"/>\n",
			    rev->records[i]->name.text);
	rk_buf_adds(&b, "      </xs:choice>\n");
	revision_attribute(&b, name, 3);
	rk_buf_adds(&b, "    </xs:complexType>\n  </xs:element>\n\n");
	for (size_t i = 0; i < rev->n_records; i++)
		record(&b, rev->records[i], name);
	named_types(&b, rev);
	rk_buf_adds(&b, "</xs:schema>\n");
	return rk_buf_detach(&b);
}
