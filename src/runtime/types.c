/*
 * types.c: the item types themselves, apart from any value: the keywords
 * that name the kinds, the consistency of a struct rk_value_type, and the
 * lookup of a value in a code table.
 */
#include "runtime_internal.h"

#include <limits.h>
#include <string.h>

/* Indexed by enum rk_kind; the order is the enum's. */
static const char *const kind_names[RK_KIND_COUNT] = {
	"digits", "alnum", "ascii", "text", "kana", "hankana", "string",
	"number", "date", "date8", "yearmonth", "wareki", "flag", "code",
	"mynumber", "lgcode", "insurer"
};

const char *rk_kind_name(enum rk_kind kind)
{
	if ((unsigned)kind >= RK_KIND_COUNT)
		return NULL;
	return kind_names[kind];
}

int rk_kind_from_name(const char *s, size_t n, enum rk_kind *kind)
{
	unsigned k;

	for (k = 0; k < RK_KIND_COUNT; k++) {
		if (strlen(kind_names[k]) == n && memcmp(kind_names[k], s, n) == 0) {
			*kind = (enum rk_kind)k;
			return 0;
		}
	}
	return -1;
}

/* Compares the NUL-terminated t with s[0..len) in strcmp's byte order
 * (a prefix sorts first); negative, 0 or positive like strcmp. */
static int compare_code(const char *t, const char *s, size_t len)
{
	size_t i;
	unsigned char a, b;

	for (i = 0; i < len; i++) {
		a = (unsigned char)t[i];
		b = (unsigned char)s[i];
		if (a == '\0')
			return -1;
		if (a != b)
			return a < b ? -1 : 1;
	}
	return t[len] == '\0' ? 0 : 1;
}

int rk_code_find(const char *const *sorted, size_t n, const char *s, size_t len)
{
	size_t lo = 0, hi = n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = compare_code(sorted[mid], s, len);
		if (c == 0)
			return mid <= INT_MAX ? (int)mid : -1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int rk_value_type_valid(const struct rk_value_type *type)
{
	size_t i;

	if (rk_type_cheap_valid(type) < 0)
		return -1;
	if (type->kind != RK_CODE)
		return 0;
	if (type->n_codes > INT_MAX)
		return -1;
	/* Binary search needs a strict order; a NULL would crash it. */
	for (i = 0; i < type->n_codes; i++) {
		if (!type->codes[i])
			return -1;
		if (i > 0 && strcmp(type->codes[i - 1], type->codes[i]) >= 0)
			return -1;
	}
	return 0;
}

size_t rk_value_max_bytes(const struct rk_value_type *type)
{
	size_t most = 0;

	switch (type->kind) {
	case RK_DIGITS:
	case RK_ALNUM:
	case RK_ASCII:
	case RK_TEXT:
	case RK_KANA:
	case RK_HANKANA:
	case RK_STRING:
		return (size_t)type->max_len * 4;
	case RK_NUMBER:
		/* a sign, the digits and a point */
		return (size_t)type->precision + 2;
	case RK_DATE:
		return 10;
	case RK_DATE8:
		return 8;
	case RK_YEARMONTH:
		return 6;
	case RK_WAREKI:
		return 7;
	case RK_FLAG:
		return 1;
	case RK_CODE:
		for (size_t i = 0; i < type->n_codes; i++)
			if (type->codes[i] && strlen(type->codes[i]) > most)
				most = strlen(type->codes[i]);
		return most;
	case RK_MYNUMBER:
		return 12;
	case RK_LGCODE:
		return 6;
	case RK_INSURER:
		return 8;
	}
	return 0;
}

size_t rk_value_buffer_size(const struct rk_value_type *type)
{
	size_t points = rk_kind_has_length(type->kind) ? type->max_len :
			rk_value_max_bytes(type);

	return points * 4 + 1;
}
