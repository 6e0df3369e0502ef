/*
 * diff_impact.c: what a change means for producers, consumers and source
 * code: the rules of docs/diff.md, one function per subject.
 *
 * The payload axes reason about sets of valid payloads: "producers" asks
 * whether every payload OLD accepts is one NEW accepts, "consumers" the
 * reverse.  For types that comes down to whether one value rule contains
 * the other (rk_value_type_contains).  The source axis reasons about the C
 * API that `renkei compile` generates (docs/compile.md): a struct per
 * record and group, a field per item named after it, a NUL-terminated char
 * buffer of rk_value_buffer_size bytes for every item (code(T) ones too),
 * an enum per code table with a constant per value, a single field for an
 * occurrence of at most 1, a fixed array with a count for a repeat (of
 * PREFIX_CAPACITY for an unbounded one), and every name prefixed with the
 * revision's.
 */
#include <string.h>

#include "diff_internal.h"

/* ---- value rules: which contains which ---- */

/* Character classes, to compare the character sets of the kinds. */
enum {
	C_DIGIT = 1 << 0,       /* 0-9 */
	C_UPPER = 1 << 1,       /* A-Z */
	C_LOWER = 1 << 2,       /* a-z */
	C_PUNCT_HK = 1 << 3,    /* space ( ) - . /: the ASCII hankana allows */
	C_PUNCT = 1 << 4,       /* the rest of printable ASCII */
	C_HANKANA = 1 << 5,     /* U+FF61..U+FF9F */
	C_FW_KANA = 1 << 6,     /* what kana allows */
	C_FW_OTHER = 1 << 7,    /* every other character but controls */
	C_ASCII = C_DIGIT | C_UPPER | C_LOWER | C_PUNCT_HK | C_PUNCT,
	C_ALL = C_ASCII | C_HANKANA | C_FW_KANA | C_FW_OTHER
};

static bool is_length_kind(enum rk_kind k)
{
	return k <= RK_STRING;
}

/* The characters a length kind allows. */
static unsigned charset(enum rk_kind k)
{
	switch (k) {
	case RK_DIGITS: return C_DIGIT;
	case RK_ALNUM: return C_DIGIT | C_UPPER | C_LOWER;
	case RK_ASCII: return C_ASCII;
	case RK_TEXT: return C_FW_KANA | C_FW_OTHER;
	case RK_KANA: return C_FW_KANA;
	case RK_HANKANA: return C_DIGIT | C_UPPER | C_PUNCT_HK | C_HANKANA;
	default: return C_ALL;
	}
}

/* The characters and lengths that cover every value of T. */
struct shape {
	unsigned chars;
	uint64_t min, max;
};

static struct shape shape_of(const struct rk_value_type *t)
{
	struct shape s = { C_DIGIT, 1, 1 };

	switch (t->kind) {
	case RK_DATE: s.chars |= C_PUNCT_HK; s.min = s.max = 10; break;
	case RK_DATE8: s.min = s.max = 8; break;
	case RK_YEARMONTH: s.min = s.max = 6; break;
	case RK_WAREKI: s.min = s.max = 7; break;
	case RK_MYNUMBER: s.min = s.max = 12; break;
	case RK_LGCODE: s.min = s.max = 6; break;
	case RK_INSURER: s.min = 6; s.max = 8; break;
	case RK_NUMBER:
		s.max = (uint64_t)(t->precision - t->scale) +
			(t->scale ? 1u + t->scale : 0u) + (t->is_signed ? 1u : 0u);
		if (t->scale || t->is_signed)
			s.chars |= C_PUNCT_HK;
		break;
	case RK_FLAG:
		break;
	case RK_CODE:
		s.chars = C_ALL;
		s.max = 0;
		for (size_t i = 0; i < t->n_codes; i++)
			if (strlen(t->codes[i]) > s.max)
				s.max = strlen(t->codes[i]);
		break;
	default:
		s.chars = charset(t->kind);
		s.min = t->min_len;
		s.max = t->max_len;
	}
	return s;
}

/* Whether OUTER accepts each of the values of INNER, a finite list. */
static bool accepts_all(const struct rk_value_type *outer,
			const struct rk_value_type *inner)
{
	static const char *const flags[] = { "0", "1" };
	const char *const *v = inner->kind == RK_FLAG ? flags : inner->codes;
	size_t n = inner->kind == RK_FLAG ? 2 : inner->n_codes;

	for (size_t i = 0; i < n; i++)
		if (rk_value_check(outer, v[i], strlen(v[i]), NULL) != 0)
			return false;
	return true;
}

static bool same_kind_contains(const struct rk_value_type *outer,
			       const struct rk_value_type *inner)
{
	if (is_length_kind(outer->kind))
		return outer->min_len <= inner->min_len &&
		       inner->max_len <= outer->max_len;
	if (outer->kind == RK_NUMBER)
		return inner->precision - inner->scale <=
			       outer->precision - outer->scale &&
		       inner->scale <= outer->scale &&
		       (!inner->is_signed || outer->is_signed);
	return true;
}

bool rk_value_type_contains(const struct rk_value_type *outer,
			    const struct rk_value_type *inner)
{
	if (inner->kind == RK_CODE || inner->kind == RK_FLAG)
		return accepts_all(outer, inner);
	if (outer->kind == inner->kind)
		return same_kind_contains(outer, inner);
	struct shape s = shape_of(inner);
	if (is_length_kind(outer->kind))
		return (s.chars & ~charset(outer->kind)) == 0 &&
		       outer->min_len <= s.min && s.max <= outer->max_len;
	if (outer->kind == RK_NUMBER)   /* unsigned whole numbers only */
		return s.chars == C_DIGIT &&
		       s.max <= (uint64_t)(outer->precision - outer->scale);
	return false;
}

bool rk_diff_same_value(const struct rk_diff_ctx *x,
			const struct rk_value_type *o,
			const struct rk_value_type *n)
{
	if (o->kind != n->kind)
		return false;
	if (is_length_kind(o->kind))
		return o->min_len == n->min_len && o->max_len == n->max_len;
	if (o->kind == RK_NUMBER)
		return o->precision == n->precision && o->scale == n->scale &&
		       !o->is_signed == !n->is_signed;
	if (o->kind == RK_CODE) {
		const struct rk_codes *c = rk_map_get(&x->table_pair,
						      o->code_table);
		return c && strcmp(c->name.text, n->code_table) == 0;
	}
	return true;
}

enum rk_change_kind rk_diff_type_kind(const struct rk_value_type *o,
				      const struct rk_value_type *n)
{
	if (o->kind != n->kind)
		return RK_CH_TYPE;
	if (is_length_kind(o->kind)) {
		if (n->min_len <= o->min_len && n->max_len >= o->max_len)
			return RK_CH_LENGTH_WIDENED;
		if (n->min_len >= o->min_len && n->max_len <= o->max_len)
			return RK_CH_LENGTH_NARROWED;
		return RK_CH_LENGTH_CHANGED;
	}
	if (o->kind == RK_NUMBER) {
		if (o->precision != n->precision)
			return RK_CH_PRECISION;
		if (o->scale != n->scale)
			return RK_CH_SCALE;
		return RK_CH_SIGN;
	}
	return RK_CH_TYPE;
}

int rk_diff_shape(uint64_t max)
{
	return max == 1 ? 1 : max == RK_UNBOUNDED ? 3 : 2;
}

/* ---- the rules ---- */

static void set(struct rk_change *c, enum rk_axis a, bool breaking,
		enum rk_why why)
{
	c->impact[a].breaking = breaking;
	c->impact[a].why = why;
}

static void set_all(struct rk_change *c, bool breaking, enum rk_why why)
{
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		set(c, (enum rk_axis)a, breaking, why);
}

/* Payload axes to WHY, source to WHY_SOURCE; all compatible. */
static void harmless(struct rk_change *c, enum rk_why why,
		     enum rk_why why_source)
{
	set_all(c, false, why);
	set(c, RK_SOURCE, false, why_source);
}

static void impact_revision(struct rk_change *c)
{
	if (c->kind == RK_CH_RENAMED) {
		set_all(c, true, RK_WHY_REV_NAME_PAYLOAD);
		set(c, RK_SOURCE, true, RK_WHY_REV_PREFIX);
	}
}

static void impact_type(struct rk_change *c)
{
	harmless(c, RK_WHY_TYPE_NOT_IN_PAYLOAD, RK_WHY_TYPE_NO_DECL);
}

static void impact_codes(struct rk_change *c)
{
	switch (c->kind) {
	case RK_CH_ADDED:
		harmless(c, RK_WHY_TABLE_NOT_IN_PAYLOAD, RK_WHY_ENUM_ADDED);
		break;
	case RK_CH_REMOVED:
		harmless(c, RK_WHY_TABLE_NOT_IN_PAYLOAD, RK_WHY_ENUM_REMOVED);
		c->impact[RK_SOURCE].breaking = true;
		break;
	case RK_CH_RENAMED:
		harmless(c, RK_WHY_TABLE_NOT_IN_PAYLOAD, RK_WHY_ENUM_RENAMED);
		c->impact[RK_SOURCE].breaking = true;
		break;
	default:
		break;
	}
}

static bool table_used(const struct rk_diff_ctx *x, int side,
		       const char *table)
{
	return table && rk_map_get(&x->used[side], table) != NULL;
}

static void impact_symbol(struct rk_change *c)
{
	set_all(c, false, RK_WHY_SYMBOL_NOT_IN_PAYLOAD);
	if (!c->value[RK_OLD])
		set(c, RK_SOURCE, false, RK_WHY_CONST_ADDED);
	else
		set(c, RK_SOURCE, true, c->value[RK_NEW] ?
			RK_WHY_CONST_RENAMED : RK_WHY_CONST_REMOVED);
}

static void impact_code(struct rk_change *c, const struct rk_diff_ctx *x)
{
	bool used;

	switch (c->kind) {
	case RK_CH_ADDED:
		used = table_used(x, RK_NEW, c->name[RK_NEW]);
		set(c, RK_PRODUCERS, false, RK_WHY_CODE_NEW_VALUE_OK);
		set(c, RK_CONSUMERS, used,
		    used ? RK_WHY_CODE_NEW_VALUE_BREAK : RK_WHY_CODE_UNUSED);
		set(c, RK_SOURCE, false, RK_WHY_CONST_ADDED);
		break;
	case RK_CH_REMOVED:
		used = table_used(x, RK_OLD, c->name[RK_OLD]);
		set(c, RK_PRODUCERS, used,
		    used ? RK_WHY_CODE_GONE_BREAK : RK_WHY_CODE_UNUSED);
		set(c, RK_CONSUMERS, false, RK_WHY_CODE_GONE_OK);
		set(c, RK_SOURCE, true, RK_WHY_CONST_REMOVED);
		break;
	case RK_CH_SYMBOL:
		impact_symbol(c);
		break;
	case RK_CH_DEPRECATED:
	case RK_CH_UNDEPRECATED:
		harmless(c, RK_WHY_DEPRECATED_VALID, RK_WHY_DEPRECATED_KEPT);
		break;
	default:
		break;
	}
}

static void impact_record(struct rk_change *c)
{
	switch (c->kind) {
	case RK_CH_ADDED:
		set(c, RK_PRODUCERS, false, RK_WHY_RECORD_NEW_OK);
		set(c, RK_CONSUMERS, true, RK_WHY_RECORD_NEW_BREAK);
		set(c, RK_SOURCE, false, RK_WHY_STRUCT_ADDED);
		break;
	case RK_CH_REMOVED:
		set(c, RK_PRODUCERS, true, RK_WHY_RECORD_GONE_BREAK);
		set(c, RK_CONSUMERS, false, RK_WHY_RECORD_GONE_OK);
		set(c, RK_SOURCE, true, RK_WHY_STRUCT_REMOVED);
		break;
	case RK_CH_RENAMED:
		set_all(c, true, RK_WHY_ELEMENT_RENAMED);
		set(c, RK_SOURCE, true, RK_WHY_STRUCT_RENAMED);
		break;
	case RK_CH_ID:
		set_all(c, false, RK_WHY_ID_NOT_IN_PAYLOAD);
		break;
	case RK_CH_DEPRECATED:
	case RK_CH_UNDEPRECATED:
		harmless(c, RK_WHY_DEPRECATED_VALID, RK_WHY_DEPRECATED_KEPT);
		break;
	default:
		break;
	}
}

/* The source impact of a change of a node's maximum occurrence. */
static void occurs_source(struct rk_change *c, uint64_t o, uint64_t n)
{
	int so = rk_diff_shape(o), sn = rk_diff_shape(n);

	if ((so == 1) != (sn == 1))
		set(c, RK_SOURCE, true, RK_WHY_SHAPE_ARRAY);
	else if (so != sn || (so == 2 && o != n))
		/* n -> *: an array of n becomes one of PREFIX_CAPACITY */
		set(c, RK_SOURCE, true, RK_WHY_ARRAY_SIZE);
	else
		set(c, RK_SOURCE, false, RK_WHY_SHAPE_SAME);
}

/* Producers: does NEW accept all OLD does?  Consumers: the reverse. */
static void payload_bounds(struct rk_change *c, bool old_fits,
			   enum rk_why why_old, bool new_fits,
			   enum rk_why why_new)
{
	set(c, RK_PRODUCERS, !old_fits,
	    old_fits ? RK_WHY_COUNTS_OLD_FIT : why_old);
	set(c, RK_CONSUMERS, !new_fits,
	    new_fits ? RK_WHY_COUNTS_NEW_FIT : why_new);
}

static void impact_occurs(struct rk_change *c, const struct rk_node *o,
			  const struct rk_node *n)
{
	switch (c->kind) {
	case RK_CH_REQUIRED:
		payload_bounds(c, false, RK_WHY_NOW_REQUIRED, true, 0);
		break;
	case RK_CH_OPTIONAL:
		payload_bounds(c, true, 0, false, RK_WHY_NOW_OPTIONAL);
		break;
	case RK_CH_MIN_RAISED:
		payload_bounds(c, false, RK_WHY_MIN_RAISED, true, 0);
		break;
	case RK_CH_MIN_LOWERED:
		payload_bounds(c, true, 0, false, RK_WHY_MIN_LOWERED);
		break;
	case RK_CH_MAX_RAISED:
		payload_bounds(c, true, 0, false, RK_WHY_MAX_RAISED);
		break;
	default: /* RK_CH_MAX_LOWERED */
		payload_bounds(c, false, RK_WHY_MAX_LOWERED, true, 0);
		break;
	}
	if (c->kind == RK_CH_MAX_RAISED || c->kind == RK_CH_MAX_LOWERED)
		occurs_source(c, o->max, n->max);
	else
		set(c, RK_SOURCE, false, RK_WHY_SHAPE_SAME);
}


static void impact_value(struct rk_change *c, const struct rk_diff_ctx *x,
			 const struct rk_value_type *o,
			 const struct rk_value_type *n)
{
	if (rk_diff_same_value(x, o, n)) {
		set_all(c, false, RK_WHY_SAME_RULE);
		return;
	}
	bool old_fits = rk_value_type_contains(n, o);
	bool new_fits = rk_value_type_contains(o, n);
	/* The same kind of text, longer on one side: say so. */
	bool same_text = o->kind == n->kind && is_length_kind(o->kind);
	bool longer_new = same_text && n->max_len > o->max_len;
	bool longer_old = same_text && o->max_len > n->max_len;
	set(c, RK_PRODUCERS, !old_fits,
	    old_fits ? RK_WHY_VALUES_OLD_FIT :
	    longer_old ? RK_WHY_LONGER_IN_OLD : RK_WHY_VALUES_OLD_REJECTED);
	set(c, RK_CONSUMERS, !new_fits,
	    new_fits ? RK_WHY_VALUES_NEW_FIT :
	    longer_new ? RK_WHY_LONGER_IN_NEW : RK_WHY_VALUES_NEW_REJECTED);
	/* Every item is a text buffer, code(T) ones too: only its size
	 * can change. */
	size_t bo = rk_value_buffer_size(o), bn = rk_value_buffer_size(n);
	if (bn > bo)
		set(c, RK_SOURCE, false, RK_WHY_BUFFER_GROWS);
	else if (bn < bo)
		set(c, RK_SOURCE, false, RK_WHY_BUFFER_SHRINKS);
	else
		set(c, RK_SOURCE, false, RK_WHY_BUFFER_SAME);
}

/* An item or group added (N) or removed (O): its minimum decides. */
static void impact_presence(struct rk_change *c, const struct rk_node *o,
			    const struct rk_node *n)
{
	if (n) {
		set(c, RK_PRODUCERS, n->min > 0, n->min > 0 ?
			RK_WHY_NEW_REQUIRED_BREAK : RK_WHY_NEW_OPTIONAL_OK);
		set(c, RK_CONSUMERS, true, RK_WHY_UNKNOWN_TO_OLD);
		set(c, RK_SOURCE, false, RK_WHY_FIELD_ADDED);
	} else {
		set(c, RK_PRODUCERS, true, RK_WHY_UNKNOWN_TO_NEW);
		set(c, RK_CONSUMERS, o->min > 0, o->min > 0 ?
			RK_WHY_GONE_REQUIRED_BREAK : RK_WHY_GONE_OPTIONAL_OK);
		set(c, RK_SOURCE, true, RK_WHY_FIELD_REMOVED);
	}
}

static void impact_node(struct rk_change *c, const struct rk_diff_ctx *x)
{
	const struct rk_node *o = c->obj[RK_OLD], *n = c->obj[RK_NEW];

	switch (c->kind) {
	case RK_CH_ADDED:
	case RK_CH_REMOVED:
		impact_presence(c, o, n);
		break;
	case RK_CH_RENAMED:
		set_all(c, true, RK_WHY_ELEMENT_RENAMED);
		set(c, RK_SOURCE, true, RK_WHY_FIELD_RENAMED);
		break;
	case RK_CH_MOVED:
		set_all(c, true, RK_WHY_ELEMENT_MOVED);
		set(c, RK_SOURCE, true, RK_WHY_FIELD_MOVED);
		break;
	case RK_CH_REORDERED:
		set_all(c, true, RK_WHY_ORDER_PAYLOAD);
		set(c, RK_SOURCE, false, RK_WHY_ORDER_SOURCE);
		break;
	case RK_CH_TYPE: case RK_CH_LENGTH_WIDENED: case RK_CH_LENGTH_NARROWED:
	case RK_CH_LENGTH_CHANGED: case RK_CH_PRECISION: case RK_CH_SCALE:
	case RK_CH_SIGN:
		impact_value(c, x, &o->type->value, &n->type->value);
		break;
	case RK_CH_REQUIRED: case RK_CH_OPTIONAL: case RK_CH_MIN_RAISED:
	case RK_CH_MIN_LOWERED: case RK_CH_MAX_RAISED: case RK_CH_MAX_LOWERED:
		impact_occurs(c, o, n);
		break;
	case RK_CH_DEPRECATED:
	case RK_CH_UNDEPRECATED:
		harmless(c, RK_WHY_DEPRECATED_VALID, RK_WHY_DEPRECATED_KEPT);
		break;
	case RK_CH_ID:
		set_all(c, false, RK_WHY_ID_NOT_IN_PAYLOAD);
		break;
	default:
		break;
	}
}

void rk_diff_impact(struct rk_change *c, const struct rk_diff_ctx *x)
{
	/* Everything not named below is documentation only. */
	set_all(c, false, RK_WHY_DOC);
	switch (c->subject) {
	case RK_SUBJ_REVISION: impact_revision(c); break;
	case RK_SUBJ_TYPE: impact_type(c); break;
	case RK_SUBJ_CODES: impact_codes(c); break;
	case RK_SUBJ_CODE: impact_code(c, x); break;
	case RK_SUBJ_RECORD: impact_record(c); break;
	case RK_SUBJ_GROUP:
	case RK_SUBJ_ITEM: impact_node(c, x); break;
	}
}
