/*
 * gen_xsd.c: an XML Schema 1.0 for a revision's payload mapping, for
 * partners who validate with their own XML tools.
 *
 * Records are global elements (a payload may be one record) and the
 * children of `records`, sharing a named complex type (only the global
 * element takes `revision`); records and groups are sequences in layout
 * order with their occurrences; every item type becomes a restriction of
 * xs:string by pattern and length (lengths in XML Schema count characters,
 * as the layout language does; the date patterns admit exactly the
 * calendar's days), and every code table an enumeration.  Official labels
 * go into xs:documentation.  What XML Schema cannot say (check digits, an
 * empty element meaning absent, a DOCTYPE, xsi: attributes) is listed in
 * docs/xsd.md, and tests/xsd-compare.sh holds the schema to renkei
 * validate on every sample payload.
 */
#include "gen_xsd.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <renkei/calendar.h>

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

/*
 * The Gregorian dates renkei accepts: years 0001 to 9999, every month's
 * days, and 29 February of the leap years by the four-century rule (a
 * year ending in 04, 08, .. 96, or a century divisible by 400; 0000 is
 * not a year).  A pattern lists them exactly, so the schema refuses
 * 2023-02-29 and 2024-04-31 as renkei does.
 */
#define YEAR "([0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
#define LEAP_YEAR "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
#define MONTH "(0[1-9]|1[0-2])"
/* Month and day with the separator SEP, 29 February left out. */
#define MONTH_DAY(sep) \
	MONTH sep "(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])" sep \
	"(29|30)|(0[13578]|1[02])" sep "31"

/* The pattern of a kind with a fixed shape, but wareki; NULL for the others. */
static const char *fixed_pattern(enum rk_kind kind)
{
	switch (kind) {
	case RK_DATE: return YEAR "-(" MONTH_DAY("-") ")|" LEAP_YEAR "-02-29";
	case RK_DATE8: return YEAR "(" MONTH_DAY("") ")|" LEAP_YEAR "0229";
	case RK_YEARMONTH: return YEAR MONTH;
	case RK_FLAG: return "[01]";
	case RK_MYNUMBER: return "[0-9]{12}";
	case RK_LGCODE: return "[0-9]{6}";
	case RK_INSURER: return "[0-9]{6}|[0-9]{8}";
	default: return NULL;
	}
}

/* A set of two-digit numbers 00..99, one bit each. */
struct set100 {
	uint64_t w[2];
};

static void set_add(struct set100 *s, unsigned n)
{
	s->w[n / 64] |= (uint64_t)1 << (n % 64);
}

static bool set_has(const struct set100 *s, unsigned n)
{
	return s->w[n / 64] >> (n % 64) & 1;
}

static bool set_empty(const struct set100 *s)
{
	return !s->w[0] && !s->w[1];
}

static bool set_equal(const struct set100 *a, const struct set100 *b)
{
	return a->w[0] == b->w[0] && a->w[1] == b->w[1];
}

/* The digits of mask (bit d: digit d) as a character class: "7", "[48]",
 * "[0-9]", "[13-9]". */
static void digit_class(struct rk_buf *b, unsigned mask)
{
	unsigned n = 0;

	for (unsigned d = 0; d < 10; d++)
		n += mask >> d & 1;
	if (n > 1)
		rk_buf_addc(b, '[');
	for (unsigned d = 0; d < 10; d++) {
		unsigned e = d;

		if (!(mask >> d & 1))
			continue;
		while (e + 1 < 10 && mask >> (e + 1) & 1)
			e++;
		rk_buf_addc(b, (char)('0' + d));
		if (e > d + 1)
			rk_buf_addc(b, '-');
		if (e > d)
			rk_buf_addc(b, (char)('0' + e));
		d = e;
	}
	if (n > 1)
		rk_buf_addc(b, ']');
}

/* A set of two-digit numbers as branches "tens units|...", adjacent tens
 * with the same units sharing one: {2..45} is 0[2-9]|[1-3][0-9]|4[0-5]. */
static void two_digits(struct rk_buf *b, const struct set100 *s)
{
	unsigned units[10] = { 0 };
	bool first = true;

	for (unsigned n = 0; n < 100; n++)
		if (set_has(s, n))
			units[n / 10] |= 1u << (n % 10);
	for (unsigned t = 0; t < 10; t++) {
		unsigned e = t, tens = 0;

		if (!units[t])
			continue;
		while (e + 1 < 10 && units[e + 1] == units[t])
			e++;
		for (unsigned k = t; k <= e; k++)
			tens |= 1u << k;
		if (!first)
			rk_buf_addc(b, '|');
		first = false;
		digit_class(b, tens);
		digit_class(b, units[t]);
		t = e;
	}
}

/* The text of one branch of a pattern, in parentheses when it has
 * branches of its own. */
static void add_term(struct rk_buf *b, const struct rk_buf *t)
{
	bool wrap = t->len && memchr(t->s, '|', t->len);

	if (wrap)
		rk_buf_addc(b, '(');
	rk_buf_add(b, t->s, t->len);
	if (wrap)
		rk_buf_addc(b, ')');
}

/* A set of month and day pairs, day_sets[m] the days of month m (1..12):
 * months with the same days share a branch, "(MONTHS)(DAYS)|...". */
static void month_days(struct rk_buf *b, const struct set100 *day_sets)
{
	struct rk_buf t;
	bool done[13] = { false }, first = true;

	rk_buf_init(&t);
	for (unsigned m = 1; m <= 12; m++) {
		struct set100 months = { { 0, 0 } };

		if (done[m] || set_empty(&day_sets[m]))
			continue;
		for (unsigned k = m; k <= 12; k++) {
			if (set_equal(&day_sets[k], &day_sets[m])) {
				set_add(&months, k);
				done[k] = true;
			}
		}
		if (!first)
			rk_buf_addc(b, '|');
		first = false;
		t.len = 0;
		two_digits(&t, &months);
		add_term(b, &t);
		t.len = 0;
		two_digits(&t, &day_sets[m]);
		add_term(b, &t);
	}
	rk_buf_release(&t);
}

/*
 * wareki, GYYMMDD: exactly the dates rk_wareki_check accepts, taken from
 * it day by day, so the pattern holds each era's first and last day and
 * its leap days.  For each era, the month and day pairs valid in the same
 * years of the era make one branch, "G(YEARS)(MONTHS AND DAYS)": in
 * Heisei, 01-08..04-30 but 29 February in years 01..31, 29 February in
 * the leap years, 01-01..01-07 in 02..31, and 05-01..12-31 in 01..30.
 */
static void wareki_pattern(struct rk_buf *b)
{
	/* years[m][d]: the years of the era in which m-d is a valid day */
	struct set100 years[13][32];
	struct rk_buf t;
	bool first = true;

	rk_buf_init(&t);
	/* GYYMMDD has one digit for the era */
	for (int era = 1; era <= 9 && rk_era_find(era); era++) {
		bool done[13][32] = { { false } };

		memset(years, 0, sizeof(years));
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= 31; d++)
				for (int y = 0; y < 100; y++)
					if (rk_wareki_check(era, y, m, d, NULL) == RK_WAREKI_OK)
						set_add(&years[m][d], (unsigned)y);
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= 31; d++) {
				struct set100 day_sets[13];

				if (done[m][d] || set_empty(&years[m][d]))
					continue;
				memset(day_sets, 0, sizeof(day_sets));
				for (int k = m; k <= 12; k++) {
					for (int e = 1; e <= 31; e++) {
						if (set_equal(&years[k][e], &years[m][d])) {
							set_add(&day_sets[k], (unsigned)e);
							done[k][e] = true;
						}
					}
				}
				if (!first)
					rk_buf_addc(b, '|');
				first = false;
				rk_buf_addf(b, "%d", era);
				t.len = 0;
				two_digits(&t, &years[m][d]);
				add_term(b, &t);
				t.len = 0;
				month_days(&t, day_sets);
				add_term(b, &t);
			}
		}
	}
	rk_buf_release(&t);
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
	} else if (v->kind == RK_WAREKI) {
		wareki_pattern(&p);
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

/*
 * A record's content is a named complex type, record.NAME, used twice: by
 * the record's element inside `records`, which takes no attribute, and by
 * the record's global element, a payload's root, which extends it with
 * `revision`.  The layout language allows `revision` on the root only; a
 * single shared element could not refuse it on a record inside `records`.
 */
static void record_type(struct rk_buf *b, const struct rk_record *r)
{
	rk_buf_addf(b, "  <xs:complexType name=\"record.%s\">\n", r->name.text);
	sequence(b, r->children, r->n_children, 2);
	rk_buf_adds(b, "  </xs:complexType>\n\n");
}

static void record_root(struct rk_buf *b, const struct rk_record *r,
			const char *rev)
{
	rk_buf_addf(b, "  <xs:element name=\"%s\">\n", r->name.text);
	documentation(b, 2, r->label, r->attrs.note);
	rk_buf_adds(b, "    <xs:complexType>\n      <xs:complexContent>\n");
	rk_buf_addf(b, "        <xs:extension base=\"record.%s\">\n", r->name.text);
	revision_attribute(b, rev, 5);
	rk_buf_adds(b, "        </xs:extension>\n      </xs:complexContent>\n");
	rk_buf_adds(b, "    </xs:complexType>\n  </xs:element>\n\n");
}

/* A record's element inside `records`. */
static void record_child(struct rk_buf *b, const struct rk_record *r)
{
	rk_buf_addf(b, "        <xs:element name=\"%s\" type=\"record.%s\"",
		    r->name.text, r->name.text);
	if (!r->label && !r->attrs.note) {
		rk_buf_adds(b, "/>\n");
		return;
	}
	rk_buf_adds(b, ">\n");
	documentation(b, 5, r->label, r->attrs.note);
	rk_buf_adds(b, "        </xs:element>\n");
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
		record_child(&b, rev->records[i]);
	rk_buf_adds(&b, "      </xs:choice>\n");
	revision_attribute(&b, name, 3);
	rk_buf_adds(&b, "    </xs:complexType>\n  </xs:element>\n\n");
	for (size_t i = 0; i < rev->n_records; i++)
		record_root(&b, rev->records[i], name);
	for (size_t i = 0; i < rev->n_records; i++)
		record_type(&b, rev->records[i]);
	named_types(&b, rev);
	rk_buf_adds(&b, "</xs:schema>\n");
	return rk_buf_detach(&b);
}
