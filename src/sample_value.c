/*
 * sample_value.c: values for every item type, valid ones that hit the
 * type's boundaries and broken ones that fail exactly one value rule, and
 * the PRNG that chooses among them.  Check digits and era boundaries come
 * from the runtime (renkei/checkdigit.h, renkei/calendar.h), so samples
 * agree with the validator by construction.
 */
#include <string.h>

#include "sample_internal.h"

/* ---- the PRNG --------------------------------------------------------- */

void sprng_seed(struct sprng *r, uint64_t seed)
{
	r->state = seed ^ 0x52454e4b45490000ull;	/* "RENKEI" */
}

/* splitmix64 (Steele, Lea, Flood 2014): fixed 64-bit arithmetic. */
uint64_t sprng_next(struct sprng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* The high 32 bits scaled to 0..n-1 without a division (Lemire), for the
 * small ranges of nearly every call. */
uint64_t sprng_below(struct sprng *r, uint64_t n)
{
	uint64_t x = sprng_next(r);

	if (n <= UINT32_MAX)
		return ((x >> 32) * n) >> 32;
	return x % n;
}

/* ---- characters ------------------------------------------------------- */

/* Writes CP as UTF-8 at U; returns the bytes written (1 to 4). */
static size_t encode(char *u, uint32_t cp)
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | cp >> 18);
	u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static void add_cp(struct rk_buf *b, uint32_t cp)
{
	char u[4];

	rk_buf_add(b, u, encode(u, cp));
}

/*
 * Full-width text as names and addresses have it: kanji (a few outside
 * JIS X 0208, such as 髙 and 﨑, and four-byte ones from plane 2), kana,
 * full-width letters, digits and signs, the ideographic space.  None is a
 * line break or a non-character in XML or YAML.
 */
static const uint32_t text_chars[] = {
	0x5C71, 0x7530, 0x592A, 0x90CE, 0x82B1, 0x5B50, 0x6771, 0x4EAC,	/* 山田太郎花子東京 */
	0x90FD, 0x5343, 0x4EE3, 0x533A, 0x5927, 0x962A, 0x5E9C, 0x672D,	/* 都千代区大阪府札 */
	0x5E4C, 0x5E02, 0x4ECB, 0x8B77, 0x4FDD, 0x967A, 0x6599, 0x8A8D,	/* 幌市介護保険料認 */
	0x5B9A, 0x7533, 0x8ACB, 0x66F8, 0x756A, 0x53F7, 0x6C0F, 0x540D,	/* 定申請書番号氏名 */
	0x4F4F, 0x6240, 0x4E01, 0x76EE, 0x5730, 0x9AD9, 0xFA11, 0x9F8D,	/* 住所丁目地髙﨑龍 */
	0x3042, 0x3044, 0x3046, 0x3048, 0x304A, 0x304B, 0x3055, 0x3093,	/* あいうえおかさん */
	0x30A2, 0x30A4, 0x30AB, 0x30F3, 0x30FC, 0x30FB, 0x3005, 0x3012,	/* アイカンー・々〒 */
	0xFF21, 0xFF42, 0xFF10, 0xFF19, 0xFF08, 0xFF09, 0xFF0D, 0x3000,	/* Ａｂ０９（）－　 */
	0x2460, 0x00D7, 0x2015, 0x301C, 0x20BB7, 0x29E3D, 0x2000B, 0x4E00	/* ①×―〜𠮷𩸽𠀋一 */
};
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define N_TEXT N_OF(text_chars)

/* Four-byte characters, the longest a code point can be in UTF-8: kanji
 * of plane 2 (𠮷𩸽𠀋), and for string(n) an emoji too. */
static const uint32_t wide_chars[] = { 0x20BB7, 0x29E3D, 0x2000B, 0x1F600 };

/* What string(n) may hold besides the above: ASCII, accents, emoji. */
static const uint32_t string_extra[] = {
	0x00E9, 0x00FC, 0x00C5, 0x0416, 0x03A9, 0x1F600, 0x1F5FE, 0x2603
};

static const char hankana_ascii[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ()-./";
static const char alnum_chars[] =
	"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* Writes one character of KIND's set at P; returns its length. */
static size_t put_char(struct sprng *r, enum rk_kind kind, char *p)
{
	uint64_t x;

	switch (kind) {
	case RK_ALNUM:
		*p = alnum_chars[sprng_below(r, sizeof(alnum_chars) - 1)];
		return 1;
	case RK_ASCII:
		*p = (char)(0x20 + sprng_below(r, 0x7F - 0x20));
		return 1;
	case RK_TEXT:
		return encode(p, text_chars[sprng_below(r, N_TEXT)]);
	case RK_KANA:
		/* ァ..ヶ, then ー, ・ and the ideographic space */
		x = sprng_below(r, 0x30F6 - 0x30A1 + 1 + 3);
		return encode(p, x <= 0x30F6 - 0x30A1 ? 0x30A1 + (uint32_t)x :
				 x == 0x30F6 - 0x30A1 + 1 ? 0x30FC :
				 x == 0x30F6 - 0x30A1 + 2 ? 0x30FB : 0x3000);
	case RK_HANKANA:
		x = sprng_below(r, 0xFF9F - 0xFF61 + 1 + sizeof(hankana_ascii) - 1);
		if (x <= 0xFF9F - 0xFF61)
			return encode(p, 0xFF61 + (uint32_t)x);
		*p = hankana_ascii[x - (0xFF9F - 0xFF61 + 1)];
		return 1;
	case RK_STRING:
		x = sprng_below(r, 4);
		if (x < 2) {
			*p = (char)(0x20 + sprng_below(r, 0x7F - 0x20));
			return 1;
		}
		if (x == 2)
			return encode(p, text_chars[sprng_below(r, N_TEXT)]);
		return encode(p, string_extra[sprng_below(r, N_OF(string_extra))]);
	default:	/* digits and the check-digit kinds */
		*p = (char)('0' + sprng_below(r, 10));
		return 1;
	}
}

/* Appends N characters of KIND's set, written in place (at most four
 * bytes each). */
static void add_chars(struct sprng *r, enum rk_kind kind, uint64_t n,
		      struct rk_buf *b)
{
	size_t at = b->len;

	rk_buf_pad(b, (size_t)n * 4);
	char *p = b->s + at;
	for (uint64_t i = 0; i < n; i++)
		p += put_char(r, kind, p);
	b->len = (size_t)(p - b->s);
	*p = 0;
}

static void add_digits(struct sprng *r, int n, struct rk_buf *b)
{
	if (n > 0)
		add_chars(r, RK_DIGITS, (uint64_t)n, b);
}

/* ---- valid values ----------------------------------------------------- */

/* The length of a string value: the maximum, the minimum, or between. */
static uint64_t pick_length(struct sprng *r, const struct rk_value_type *t,
			    uint64_t turn)
{
	switch (turn % 4) {
	case 0:
		return t->max_len;
	case 1:
		return t->min_len;
	default:
		return t->min_len + sprng_below(r, t->max_len - t->min_len + 1);
	}
}

static void gen_string(struct sprng *r, const struct rk_value_type *t,
		       uint64_t turn, struct rk_buf *b)
{
	uint64_t n = pick_length(r, t, turn);

	/* The longest value in bytes too: four-byte characters last. */
	if (turn % 8 == 0 && (t->kind == RK_TEXT || t->kind == RK_STRING)) {
		uint64_t wide = n < 3 ? n : 3;
		add_chars(r, t->kind, n - wide, b);
		for (uint64_t i = 0; i < wide; i++)
			add_cp(b, wide_chars[(turn / 8 + i) %
					     (t->kind == RK_TEXT ? 3 : 4)]);
		return;
	}
	add_chars(r, t->kind, n, b);
}

static void gen_number(struct sprng *r, const struct rk_value_type *t,
		       uint64_t turn, struct rk_buf *b)
{
	int ip = t->precision - t->scale, sc = t->scale, fr = 0;
	bool neg = t->is_signed && turn % 8 < 4;

	switch (turn % 4) {
	case 0:		/* every digit the type allows */
		if (neg)
			rk_buf_addc(b, '-');
		rk_buf_addc(b, (char)('1' + sprng_below(r, 9)));
		add_digits(r, ip - 1, b);
		fr = sc;
		break;
	case 1:
		rk_buf_addc(b, '0');
		return;
	case 2:
		ip = 1 + (int)sprng_below(r, (uint64_t)ip);
		if (t->is_signed && sprng_below(r, 2))
			rk_buf_addc(b, '-');
		rk_buf_addc(b, (char)('1' + sprng_below(r, 9)));
		add_digits(r, ip - 1, b);
		fr = sc ? (int)sprng_below(r, (uint64_t)sc + 1) : 0;
		break;
	default:	/* the largest value (or the smallest, signed) */
		if (neg)
			rk_buf_addc(b, '-');
		for (int i = 0; i < ip; i++)
			rk_buf_addc(b, '9');
		if (sc) {
			rk_buf_addc(b, '.');
			for (int i = 0; i < sc; i++)
				rk_buf_addc(b, '9');
		}
		return;
	}
	if (fr) {
		rk_buf_addc(b, '.');
		add_digits(r, fr, b);
	}
}

static int days_in(int y, int m)
{
	int d = 31;

	while (d > 28 && rk_date_valid(y, m, d) != RK_DATE_OK)
		d--;
	return d;
}

struct ymd {
	int y, m, d;
};

/* Dates at the edges: the first and last the formats can write, leap
 * days (by 4, and by 400), a non-leap century's end of February. */
static const struct ymd date_edges[] = {
	{ 1, 1, 1 }, { 9999, 12, 31 }, { 2024, 2, 29 }, { 2000, 2, 29 },
	{ 1900, 2, 28 }, { 2023, 12, 31 }, { 2019, 5, 1 }, { 1989, 1, 8 }
};

static struct ymd pick_date(struct sprng *r, uint64_t turn)
{
	struct ymd v;

	if (turn % 3 == 0)
		return date_edges[(turn / 3) % N_OF(date_edges)];
	v.y = 1900 + (int)sprng_below(r, 200);
	v.m = 1 + (int)sprng_below(r, 12);
	v.d = 1 + (int)sprng_below(r, (uint64_t)days_in(v.y, v.m));
	return v;
}

/* The era date (era, year of era, month, day) of the Gregorian V. */
struct wareki {
	int era, year, m, d;
};

static struct wareki to_wareki(const struct rk_era *e, struct ymd v)
{
	struct wareki w = { e->code, v.y - e->start_year + 1, v.m, v.d };
	return w;
}

/* Era edges: each era's first day and last day, leap days in 平成, 令和. */
static bool wareki_edge(size_t i, struct wareki *w)
{
	const struct rk_era *e = rk_era_find((int)(i / 2) + 1);

	if (e) {
		struct ymd v = { e->start_year, e->start_month, e->start_day };
		if (i % 2) {
			if (!e->end_year)
				return false;
			v.y = e->end_year;
			v.m = e->end_month;
			v.d = e->end_day;
		}
		*w = to_wareki(e, v);
		return true;
	}
	static const struct wareki leap[] = { { 4, 12, 2, 29 }, { 5, 2, 2, 29 },
					      { 3, 3, 2, 29 } };
	i -= 10;
	if (i >= N_OF(leap))
		return false;
	*w = leap[i];
	return true;
}

static struct wareki pick_wareki(struct sprng *r, uint64_t turn)
{
	struct wareki w;

	if (turn % 3 == 0) {
		/* 9 edges (令和 has no end) and 3 leap days */
		static const size_t edges[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12 };
		if (wareki_edge(edges[(turn / 3) % 12], &w))
			return w;
	}
	for (int tries = 0; tries < 32; tries++) {
		const struct rk_era *e = rk_era_find(1 + (int)sprng_below(r, 5));
		int last = e->end_year ? e->end_year : e->start_year + 98;
		struct ymd v;
		v.y = e->start_year + (int)sprng_below(r, (uint64_t)(last - e->start_year + 1));
		v.m = 1 + (int)sprng_below(r, 12);
		v.d = 1 + (int)sprng_below(r, (uint64_t)days_in(v.y, v.m));
		w = to_wareki(e, v);
		if (rk_wareki_check(w.era, w.year, w.m, w.d, NULL) == RK_WAREKI_OK)
			return w;
	}
	wareki_edge(8, &w);	/* 令和 1, the first day */
	return w;
}

/* Appends V (0 <= V < 10^WIDTH) in WIDTH digits, zeros in front. */
static void add_number(struct rk_buf *b, int v, int width)
{
	char d[8];

	for (int i = width - 1; i >= 0; i--) {
		d[i] = (char)('0' + v % 10);
		v /= 10;
	}
	rk_buf_add(b, d, (size_t)width);
}

static void put_date(enum rk_kind kind, struct ymd v, struct rk_buf *b)
{
	add_number(b, v.y, 4);
	if (kind == RK_DATE)
		rk_buf_addc(b, '-');
	add_number(b, v.m, 2);
	if (kind == RK_YEARMONTH)
		return;
	if (kind == RK_DATE)
		rk_buf_addc(b, '-');
	add_number(b, v.d, 2);
}

static void put_wareki(struct wareki w, struct rk_buf *b)
{
	add_number(b, w.era, 1);
	add_number(b, w.year, 2);
	add_number(b, w.m, 2);
	add_number(b, w.d, 2);
}

/* N - 1 random digits and the check digit KIND calls for. */
static void gen_checked(struct sprng *r, enum rk_kind kind, int n,
			struct rk_buf *b)
{
	size_t at = b->len;
	int check;

	add_digits(r, n - 1, b);
	if (kind == RK_MYNUMBER)
		check = rk_mynumber_check_digit(b->s + at);
	else if (kind == RK_LGCODE)
		check = rk_lgcode_check_digit(b->s + at);
	else
		check = rk_luhn_check_digit(b->s + at, (size_t)n - 1);
	rk_buf_addc(b, (char)('0' + check));
}

static int checked_length(enum rk_kind kind, uint64_t turn)
{
	return kind == RK_MYNUMBER ? 12 : kind == RK_LGCODE ? 6 :
	       turn % 2 ? 6 : 8;
}

void sample_value(struct sprng *r, const struct rk_value_type *t,
		  uint64_t turn, struct rk_buf *b)
{
	switch (t->kind) {
	case RK_DIGITS:
	case RK_ALNUM:
	case RK_ASCII:
	case RK_TEXT:
	case RK_KANA:
	case RK_HANKANA:
	case RK_STRING:
		gen_string(r, t, turn, b);
		return;
	case RK_NUMBER:
		gen_number(r, t, turn, b);
		return;
	case RK_DATE:
	case RK_DATE8:
	case RK_YEARMONTH:
		put_date(t->kind, pick_date(r, turn), b);
		return;
	case RK_WAREKI:
		put_wareki(pick_wareki(r, turn), b);
		return;
	case RK_FLAG:
		rk_buf_addc(b, turn % 2 ? '0' : '1');
		return;
	case RK_CODE:
		rk_buf_adds(b, t->n_codes ? t->codes[turn % t->n_codes] : "");
		return;
	case RK_MYNUMBER:
	case RK_LGCODE:
	case RK_INSURER:
		gen_checked(r, t->kind, checked_length(t->kind, turn), b);
		return;
	}
}

/* ---- broken values ---------------------------------------------------- */

static const struct {
	enum rk_rule rule;
	const char *name;
} breaks[SB_COUNT] = {
	[SB_CONTROL] = { RK_RULE_CONTROL, "control" },
	[SB_TOO_LONG] = { RK_RULE_LENGTH, "too-long" },
	[SB_TOO_SHORT] = { RK_RULE_LENGTH, "too-short" },
	[SB_CHARSET] = { RK_RULE_CHARSET, "charset" },
	[SB_CHARSET2] = { RK_RULE_CHARSET, "other-char" },
	[SB_FORMAT] = { RK_RULE_FORMAT, "format" },
	[SB_DATE] = { RK_RULE_DATE, "no-such-day" },
	[SB_DATE2] = { RK_RULE_DATE, "no-such-month" },
	[SB_ERA_CODE] = { RK_RULE_ERA, "era-code" },
	[SB_ERA_YEAR0] = { RK_RULE_ERA, "era-year-00" },
	[SB_ERA_BEFORE] = { RK_RULE_ERA, "era-before" },
	[SB_ERA_AFTER] = { RK_RULE_ERA, "era-after" },
	[SB_FLAG] = { RK_RULE_FLAG, "flag" },
	[SB_CODE] = { RK_RULE_CODE, "unknown-code" },
	[SB_CODE_SPACE] = { RK_RULE_CODE, "code-space" },
	[SB_CHECK_DIGIT] = { RK_RULE_CHECK_DIGIT, "check-digit" },
	[SB_PRECISION] = { RK_RULE_PRECISION, "precision" },
	[SB_SCALE] = { RK_RULE_SCALE, "scale" },
	[SB_SIGN] = { RK_RULE_SIGN, "sign" },
};

enum rk_rule sample_break_rule(enum sbreak k)
{
	return breaks[k].rule;
}

const char *sample_break_name(enum sbreak k)
{
	return breaks[k].name;
}

static bool has_charset(enum rk_kind kind)
{
	return kind <= RK_STRING || kind == RK_MYNUMBER || kind == RK_LGCODE ||
	       kind == RK_INSURER;
}

static bool is_checked(enum rk_kind kind)
{
	return kind == RK_MYNUMBER || kind == RK_LGCODE || kind == RK_INSURER;
}

/* The byte offset of code point I of B[from..). */
static size_t cp_offset(const struct rk_buf *b, size_t from, size_t i)
{
	size_t at = from;

	for (; at < b->len; at++)
		if (((unsigned char)b->s[at] & 0xC0) != 0x80 && i-- == 0)
			return at;
	return b->len;
}

/* Replaces the middle character of the value at B[from..) by CP. */
static void replace_middle(struct rk_buf *b, size_t from, uint32_t cp)
{
	size_t count = 0, at, end;
	struct rk_buf tail;

	for (size_t i = from; i < b->len; i++)
		count += ((unsigned char)b->s[i] & 0xC0) != 0x80;
	at = cp_offset(b, from, count / 2);
	end = cp_offset(b, from, count / 2 + 1);
	rk_buf_init(&tail);
	rk_buf_add(&tail, b->s + end, b->len - end);
	b->len = at;
	add_cp(b, cp);
	rk_buf_add(b, tail.s ? tail.s : "", tail.len);
	rk_buf_release(&tail);
}

/* Control characters a payload can carry: XML 1.0 has no other C0. */
static const uint32_t xml_controls[] = { 0x09, 0x0A, 0x0D, 0x7F, 0x85, 0x9F };
static const uint32_t yaml_controls[] = { 0x09, 0x0A, 0x0D, 0x7F, 0x85, 0x9F,
					  0x00, 0x1B, 0x01 };

static uint32_t stray_char(enum rk_kind kind, bool second)
{
	switch (kind) {
	case RK_ALNUM:
		return second ? 0xFF21 : '-';	/* Ａ, - */
	case RK_ASCII:
		return second ? 0x00E9 : 0xFF21;	/* é, Ａ */
	case RK_TEXT:
		return second ? 0xFF71 : 'A';	/* ｱ, A */
	case RK_KANA:
		return second ? 0xFF71 : 0x3042;	/* ｱ, あ */
	case RK_HANKANA:
		return second ? 'a' : 0x30A2;	/* a, ア */
	default:	/* the digit kinds */
		return 0xFF11;	/* １ */
	}
}

/* A code that is not in the table: same length as its first value. */
static void unknown_code(const struct rk_value_type *t, struct rk_buf *b)
{
	size_t len = t->n_codes ? strlen(t->codes[0]) : 1;
	static const char fill[] = "98765432ZYX";
	char v[16];

	if (len == 0 || len >= sizeof(v))
		len = 1;
	for (const char *f = fill; *f; f++) {
		memset(v, *f, len);
		v[len] = 0;
		if (rk_code_find(t->codes, t->n_codes, v, len) < 0) {
			rk_buf_adds(b, v);
			return;
		}
	}
	rk_buf_adds(b, "?");
}

static int break_length(struct sprng *r, const struct rk_value_type *t,
			bool longer, struct rk_buf *b)
{
	if (is_checked(t->kind)) {
		int n = t->kind == RK_MYNUMBER ? 12 : t->kind == RK_LGCODE ? 6 : 8;
		add_digits(r, longer ? n + 1 : n - 1, b);
		return 0;
	}
	if (!longer && t->min_len < 2)
		return -1;
	add_chars(r, t->kind, longer ? (uint64_t)t->max_len + 1 :
		  t->min_len - 1, b);
	return 0;
}

static int break_format(struct sprng *r, const struct rk_value_type *t,
			struct rk_buf *b)
{
	struct ymd v = pick_date(r, sprng_next(r));

	switch (t->kind) {
	case RK_NUMBER:
		rk_buf_adds(b, "1,000");	/* a thousands separator */
		return 0;
	case RK_DATE:
		rk_buf_addf(b, "%04d/%02d/%02d", v.y, v.m, v.d);
		return 0;
	case RK_DATE8:
	case RK_YEARMONTH:
		/* the linkage XML's date form where the compact one is due */
		rk_buf_addf(b, "%04d-%02d", v.y, v.m);
		if (t->kind == RK_DATE8)
			rk_buf_addf(b, "-%02d", v.d);
		return 0;
	case RK_WAREKI: {
		/* the era's initial (M T S H R) in place of its code */
		struct wareki w = pick_wareki(r, sprng_next(r));
		rk_buf_addf(b, "%c%02d%02d%02d", "MTSHR"[w.era - 1], w.year,
			    w.m, w.d);
		return 0;
	}
	default:
		return -1;
	}
}

static int break_date(struct sprng *r, const struct rk_value_type *t,
		      bool month, struct rk_buf *b)
{
	/* 29 February of a year that is not a leap year, or month 13 */
	struct ymd v = { 1901 + (int)sprng_below(r, 198), month ? 13 : 2,
			 month ? 1 : 29 };

	if (!month && v.y % 4 == 0)
		v.y++;
	switch (t->kind) {
	case RK_DATE:
	case RK_DATE8:
	case RK_YEARMONTH:
		if (t->kind == RK_YEARMONTH && !month)
			v.m = 0;	/* 00 for a month */
		put_date(t->kind, v, b);
		return 0;
	case RK_WAREKI: {
		/* 平成3年 is 1991: no 29 February */
		struct wareki w = { 4, 3, month ? 13 : 2, month ? 1 : 29 };
		put_wareki(w, b);
		return 0;
	}
	default:
		return -1;
	}
}

/* The day before era E began, or after it ended, written in era E. */
static int break_era_edge(struct sprng *r, bool after, struct rk_buf *b)
{
	/* 令和 has not ended */
	const struct rk_era *e = rk_era_find(1 + (int)sprng_below(r, after ? 4 : 5));
	struct ymd v;

	if (after) {
		v.y = e->end_year;
		v.m = e->end_month;
		v.d = e->end_day + 1;
		if (v.d > days_in(v.y, v.m)) {
			v.d = 1;
			v.m++;
		}
	} else {
		v.y = e->start_year;
		v.m = e->start_month;
		v.d = e->start_day - 1;
		if (v.d == 0) {
			v.m--;
			v.d = days_in(v.y, v.m);
		}
	}
	put_wareki(to_wareki(e, v), b);
	return 0;
}

static int break_era(struct sprng *r, enum sbreak k, struct rk_buf *b)
{
	struct wareki w = pick_wareki(r, sprng_next(r));

	switch (k) {
	case SB_ERA_CODE:
		w.era = 9;
		break;
	case SB_ERA_YEAR0:
		w.year = 0;
		break;
	default:
		return break_era_edge(r, k == SB_ERA_AFTER, b);
	}
	put_wareki(w, b);
	return 0;
}

static int break_number(struct sprng *r, const struct rk_value_type *t,
			enum sbreak k, struct rk_buf *b)
{
	int ip = t->precision - t->scale;

	switch (k) {
	case SB_PRECISION:
		rk_buf_addc(b, (char)('1' + sprng_below(r, 9)));
		add_digits(r, ip, b);
		return 0;
	case SB_SCALE:
		rk_buf_addc(b, '1');
		rk_buf_addc(b, '.');
		add_digits(r, t->scale ? t->scale + 1 : 1, b);
		return 0;
	case SB_SIGN:
		if (t->is_signed)
			return -1;
		rk_buf_addc(b, '-');
		rk_buf_addc(b, (char)('1' + sprng_below(r, 9)));
		return 0;
	default:
		return -1;
	}
}

static int break_simple(struct sprng *r, const struct rk_value_type *t,
			enum sbreak k, bool xml, struct rk_buf *b)
{
	size_t from = b->len;

	switch (k) {
	case SB_CONTROL:
		sample_value(r, t, sprng_next(r), b);
		replace_middle(b, from, xml ?
			       xml_controls[sprng_below(r, N_OF(xml_controls))] :
			       yaml_controls[sprng_below(r, N_OF(yaml_controls))]);
		return 0;
	case SB_CHARSET:
	case SB_CHARSET2:
		if (!has_charset(t->kind) || t->kind == RK_STRING ||
		    (k == SB_CHARSET2 && (t->kind == RK_DIGITS || is_checked(t->kind))))
			return -1;
		sample_value(r, t, sprng_next(r), b);
		replace_middle(b, from, stray_char(t->kind, k == SB_CHARSET2));
		return 0;
	case SB_FLAG:
		if (t->kind != RK_FLAG)
			return -1;
		rk_buf_adds(b, "2");
		return 0;
	case SB_CODE:
		if (t->kind != RK_CODE)
			return -1;
		unknown_code(t, b);
		return 0;
	case SB_CODE_SPACE:
		if (t->kind != RK_CODE || !t->n_codes)
			return -1;
		/* literal text: a padded value is another value */
		rk_buf_adds(b, t->codes[sprng_below(r, t->n_codes)]);
		rk_buf_addc(b, ' ');
		return 0;
	case SB_CHECK_DIGIT:
		if (!is_checked(t->kind))
			return -1;
		sample_value(r, t, sprng_next(r), b);
		b->s[b->len - 1] = (char)('0' + (b->s[b->len - 1] - '0' + 1 +
						  (int)sprng_below(r, 9)) % 10);
		return 0;
	default:
		return -1;
	}
}

int sample_break(struct sprng *r, const struct rk_value_type *t,
		 enum sbreak k, bool xml, struct rk_buf *b)
{
	switch (k) {
	case SB_TOO_LONG:
	case SB_TOO_SHORT:
		if (!has_charset(t->kind))
			return -1;
		return break_length(r, t, k == SB_TOO_LONG, b);
	case SB_FORMAT:
		return break_format(r, t, b);
	case SB_DATE:
	case SB_DATE2:
		return break_date(r, t, k == SB_DATE2, b);
	case SB_ERA_CODE:
	case SB_ERA_YEAR0:
	case SB_ERA_BEFORE:
	case SB_ERA_AFTER:
		if (t->kind != RK_WAREKI)
			return -1;
		return break_era(r, k, b);
	case SB_PRECISION:
	case SB_SCALE:
	case SB_SIGN:
		if (t->kind != RK_NUMBER)
			return -1;
		return break_number(r, t, k, b);
	default:
		return break_simple(r, t, k, xml, b);
	}
}
