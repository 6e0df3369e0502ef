/*
 * gen_layout.c: writes a synthetic revision of N items for the benchmarks.
 *
 * The revision looks like a real one, only bigger: a header file, shared
 * code tables and named types, and records of 50 to 200 items spread over
 * files by field (分野), with nested and repeated groups, every item type,
 * record and item ids, versions, notes, renames, deprecations, comments and
 * Japanese labels.  Code tables and named types grow with N (about one per
 * 40 and 60 items, close to the ratio of the real revisions), so that every
 * size has the same mix and per-item costs compare.  Every table and type
 * is used, so `renkei check` reports neither error nor warning.
 *
 * The output depends on N and the seed only: the generator draws from its
 * own PRNG (splitmix64), never from libc's rand(), and prints no floats.
 *
 * With -c PCT it writes the next revision of the same layout instead, for
 * `renkei diff`: the same files with PCT percent of the items changed, in
 * the ways a yearly revision changes them (renamed, another type, a longer
 * one, an item added after it, the item removed), the version of each
 * renamed or redefined item raised, and about four times PCT percent of
 * the code tables changed (a value added, removed or relabelled).  Which
 * items change is drawn from a stream of its own, so everything else is
 * written exactly as without -c.
 *
 * usage: gen_layout -n ITEMS [-s SEED] [-c PCT] -o DIR
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_ITEMS 4000000u       /* record numbers in item ids have 5 digits */
#define MIN_ITEMS 50u            /* room to use every table, type and kind */
#define MAX_NAME 63              /* the layout language's limit */
#define MAX_DEPTH 4              /* groups nest at most this deep here */

/* ---- a tiny PRNG: splitmix64, the same sequence on every platform ---- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A number in [0, n); the slight modulo bias does not matter here. */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(rng_next(r) % n);
}

/* True with probability PCT percent. */
static int rng_pct(struct rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

/* Independent streams, so that changing one part leaves the others. */
static struct rng rng_stream(uint64_t seed, uint64_t stream)
{
	struct rng r = { seed * UINT64_C(0x100000001B3) ^ stream };
	rng_next(&r);
	return r;
}

/* ---- the vocabulary: romaji names beside their Japanese labels ---- */

struct word {
	const char *name, *label;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct word fields[] = {
	{ "kaigo", "介護保険" }, { "shogai", "障害福祉" },
	{ "kenko", "健康増進" }, { "seiho", "生活保護" },
	{ "zeimu", "地方税" }, { "nenkin", "国民年金" },
	{ "jido", "児童手当" }, { "boshi", "母子保健" },
	{ "yobou", "予防接種" }, { "kouhi", "公費負担医療" },
	{ "jutaku", "公営住宅" }, { "kokuho", "国民健康保険" },
};

static const struct word subjects[] = {
	{ "jukyusha", "受給者" }, { "hihokensha", "被保険者" },
	{ "shikaku", "資格" }, { "kyufu", "給付" }, { "nintei", "認定" },
	{ "shotoku", "所得" }, { "setai", "世帯" }, { "shinsei", "申請" },
	{ "kettei", "決定" }, { "techo", "手帳" }, { "futan", "負担" },
	{ "riyosha", "利用者" }, { "kazei", "課税" }, { "shikyu", "支給" },
	{ "kenshin", "健診" }, { "sesshu", "接種" },
};

static const struct word record_kinds[] = {
	{ "joho", "情報" }, { "kihon_joho", "基本情報" },
	{ "rireki_joho", "履歴情報" }, { "meisai_joho", "明細情報" },
	{ "kanri_joho", "管理情報" }, { "kekka_joho", "結果情報" },
};

static const struct word stems[] = {
	{ "hihokensha", "被保険者" }, { "jukyusha", "受給者" },
	{ "shinseisha", "申請者" }, { "setainushi", "世帯主" },
	{ "hogosha", "保護者" }, { "taishosha", "対象者" },
	{ "jigyosho", "事業所" }, { "shisetsu", "施設" },
	{ "iryo_kikan", "医療機関" }, { "shikaku", "資格" },
	{ "nintei", "認定" }, { "kyufu", "給付" }, { "shinsei", "申請" },
	{ "kettei", "決定" }, { "teishi", "停止" }, { "henko", "変更" },
	{ "tennyu", "転入" }, { "tenshutsu", "転出" }, { "shotoku", "所得" },
	{ "kazei", "課税" }, { "futan", "負担" }, { "hokenryo", "保険料" },
	{ "shikyu", "支給" }, { "kofu", "交付" }, { "todoke", "届出" },
	{ "shinryo", "診療" }, { "chosa", "調査" }, { "keikaku", "計画" },
	{ "keiyaku", "契約" }, { "nyusho", "入所" }, { "taisho", "退所" },
	{ "kaishi", "開始" }, { "shuryo", "終了" }, { "tekiyo", "適用" },
	{ "kaijo", "解除" }, { "shinsa", "審査" }, { "sesshu", "接種" },
	{ "kenshin", "健診" }, { "hoken", "保険" }, { "kouza", "口座" },
};

static const struct word code_roles[] = {
	{ "kubun", "区分" }, { "shubetsu", "種別" }, { "jiyu", "事由" },
	{ "jokyo", "状況" }, { "kekka", "結果" }, { "hoho", "方法" },
	{ "shurui", "種類" }, { "tokyu", "等級" },
};

static const struct word group_roles[] = {
	{ "rireki", "履歴" }, { "meisai", "明細" }, { "setaiin", "世帯員" },
	{ "renrakusaki", "連絡先" }, { "kouza_joho", "口座情報" },
	{ "shinsa_kekka", "審査結果" },
};

/* Code values: a symbol for generated C, and the value's label. */
static const struct word code_words[] = {
	{ "gaito", "該当" }, { "higaito", "非該当" }, { "shinki", "新規" },
	{ "koshin", "更新" }, { "henko", "変更" }, { "haishi", "廃止" },
	{ "teishi", "停止" }, { "saikai", "再開" }, { "torikeshi", "取消" },
	{ "kyakka", "却下" }, { "shonin", "承認" }, { "fushonin", "不承認" },
	{ "mishinsa", "未審査" }, { "shinsachu", "審査中" },
	{ "horyu", "保留" }, { "tennyu", "転入" }, { "tenshutsu", "転出" },
	{ "shibo", "死亡" }, { "shussei", "出生" }, { "kika", "帰化" },
	{ "ippan", "一般" }, { "tokubetsu", "特別" }, { "zengaku", "全額" },
	{ "ichibu", "一部" }, { "honnin", "本人" }, { "dairinin", "代理人" },
};

static const char *const notes[] = {
	"全角100文字以内",
	"西暦で記録する",
	"該当しない場合は省略する",
	"令和6年6月版で追加",
	"前回の版から桁数を変更",
	"複数ある場合は繰り返す",
	"半角数字、前ゼロを含む",
	"住民基本台帳の記載による",
};

static const char *const record_comments[] = {
	"番号法 別表に基づく情報提供",
	"副本の登録は月次",
	"令和6年6月版で項目を追加",
	"照会条件は個人番号又は宛名番号",
	"旧様式からの移行項目を含む",
};

/* ---- item types ---- */

enum kind {
	K_DIGITS, K_DIGITS_RANGE, K_ALNUM, K_ASCII, K_TEXT, K_KANA,
	K_HANKANA, K_STRING, K_NUMBER, K_NUMBER_SCALE, K_NUMBER_SIGNED,
	K_DATE, K_DATE8, K_YEARMONTH, K_WAREKI, K_FLAG, K_MYNUMBER,
	K_LGCODE, K_INSURER, K_CODE, K_NAMED, N_KINDS
};

struct kind_info {
	unsigned weight;             /* parts in 100 of the items */
	const struct word *roles;    /* name and label suffixes */
	size_t n_roles;
};

#define ROLES(...) (const struct word[]){ __VA_ARGS__ }, \
	COUNT(((const struct word[]){ __VA_ARGS__ }))

/* The mix of a real revision: dates, numbers and codes dominate. */
static const struct kind_info kinds[N_KINDS] = {
	[K_DIGITS] = { 12, ROLES({ "no", "番号" }, { "kanri_no", "管理番号" },
				 { "renban", "連番" }, { "jiyu_cd", "事由コード" }) },
	[K_DIGITS_RANGE] = { 2, ROLES({ "uketsuke_no", "受付番号" },
				      { "shorui_no", "書類番号" }) },
	[K_ALNUM] = { 4, ROLES({ "kigo", "記号" }, { "shikibetsu", "識別子" },
			       { "kanri_kigo", "管理記号" }) },
	[K_ASCII] = { 2, ROLES({ "denwa", "電話番号" }, { "fax", "ファクシミリ番号" },
			       { "mail", "電子メールアドレス" }) },
	[K_TEXT] = { 12, ROLES({ "meisho", "名称" }, { "shimei", "氏名" },
			       { "jusho", "住所" }, { "naiyo", "内容" },
			       { "riyu", "理由" }, { "katagaki", "方書" }) },
	[K_KANA] = { 3, ROLES({ "shimei_kana", "氏名（カナ）" },
			      { "meisho_kana", "名称（カナ）" }) },
	[K_HANKANA] = { 1, ROLES({ "meigi", "名義（半角カナ）" }) },
	[K_STRING] = { 2, ROLES({ "biko", "備考" }, { "tokki_jiko", "特記事項" }) },
	[K_NUMBER] = { 7, ROLES({ "kingaku", "金額" }, { "nissu", "日数" },
				 { "kaisu", "回数" }, { "tensu", "点数" },
				 { "gendogaku", "限度額" }) },
	[K_NUMBER_SCALE] = { 1, ROLES({ "wariai", "割合" }, { "ritsu", "率" }) },
	[K_NUMBER_SIGNED] = { 1, ROLES({ "sagaku", "差額" },
				       { "chosei_gaku", "調整額" }) },
	[K_DATE] = { 18, ROLES({ "date", "年月日" }, { "kaishi_date", "開始年月日" },
			       { "shuryo_date", "終了年月日" },
			       { "uketsuke_date", "受付年月日" },
			       { "kettei_date", "決定年月日" }) },
	[K_DATE8] = { 1, ROLES({ "ymd", "年月日（８桁）" }) },
	[K_YEARMONTH] = { 2, ROLES({ "ym", "年月" }, { "taisho_ym", "対象年月" }) },
	[K_WAREKI] = { 1, ROLES({ "wareki_date", "年月日（和暦）" }) },
	[K_FLAG] = { 5, ROLES({ "flag", "フラグ" }, { "umu", "有無" }) },
	[K_MYNUMBER] = { 1, ROLES({ "kojin_no", "個人番号" }) },
	[K_LGCODE] = { 2, ROLES({ "dantai_code", "地方公共団体コード" }) },
	[K_INSURER] = { 1, ROLES({ "hokensha_no", "保険者番号" }) },
	[K_CODE] = { 12, NULL, 0 },
	[K_NAMED] = { 10, NULL, 0 },
};

/* Named types: what a shared identifier is, by the role of its name. */
static const struct {
	const char *role, *label, *spec;
} type_shapes[] = {
	{ "no", "番号", "digits(10)" },
	{ "atena_no", "宛名番号", "alnum(15)" },
	{ "kojin_no", "個人番号", "mynumber" },
	{ "dantai_code", "地方公共団体コード", "lgcode" },
	{ "hokensha_no", "保険者番号", "insurer" },
	{ "meigi_kana", "名義（半角カナ）", "hankana(40)" },
	{ "kigo", "記号", "alnum(12)" },
	{ "code", "コード", "digits(4)" },
	{ "shimei", "氏名", "text(60)" },
	{ "kingaku", "金額", "number(12)" },
};

/* ---- small helpers ---- */

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2), noreturn))
#endif
static void die(const char *fmt, ...);

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("gen_layout: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *p = malloc(strlen(s) + 1);
	if (!p)
		die("out of memory");
	return strcpy(p, s);
}

/* A set of strings (open addressing), to keep names unique in a scope. */
struct strset {
	char **keys;
	size_t n, cap;
};

static size_t str_hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return (size_t)h;
}

static char **strset_slot(char **keys, size_t cap, const char *key)
{
	size_t i = str_hash(key) & (cap - 1);
	while (keys[i] && strcmp(keys[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return &keys[i];
}

/* Adds a copy of KEY; returns 0 if it was there already. */
static int strset_add(struct strset *s, const char *key)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		char **keys = xcalloc(cap, sizeof(*keys));
		for (size_t i = 0; i < s->cap; i++)
			if (s->keys[i])
				*strset_slot(keys, cap, s->keys[i]) = s->keys[i];
		free(s->keys);
		s->keys = keys;
		s->cap = cap;
	}
	char **slot = strset_slot(s->keys, s->cap, key);
	if (*slot)
		return 0;
	*slot = xstrdup(key);
	s->n++;
	return 1;
}

static void strset_clear(struct strset *s)
{
	for (size_t i = 0; i < s->cap; i++) {
		free(s->keys[i]);
		s->keys[i] = NULL;
	}
	s->n = 0;
}

static void strset_release(struct strset *s)
{
	strset_clear(s);
	free(s->keys);
	s->keys = NULL;
	s->cap = 0;
}

/*
 * Makes "BASE" unique in SET, as BASE, BASE_2, BASE_3...; writes it to OUT
 * and returns its ordinal (1 for BASE itself) so labels can follow suit.
 */
static unsigned unique_name(struct strset *set, const char *base,
			    char out[MAX_NAME + 1])
{
	for (unsigned k = 1;; k++) {
		int n = k == 1 ? snprintf(out, MAX_NAME + 1, "%s", base) :
				 snprintf(out, MAX_NAME + 1, "%s_%u", base, k);
		if (n < 0 || n > MAX_NAME)
			die("name '%s' is too long", base);
		if (strset_add(set, out))
			return k;
	}
}

/* Appends K in full-width digits (as labels write numbers) to OUT. */
static void fullwidth_number(char *out, size_t size, unsigned k)
{
	char digits[16];
	size_t len = strlen(out);

	snprintf(digits, sizeof(digits), "%u", k);
	for (const char *d = digits; *d && len + 4 < size; d++) {
		out[len++] = (char)0xEF;
		out[len++] = (char)0xBC;
		out[len++] = (char)(0x90 + (*d - '0'));
	}
	out[len] = '\0';
}

/* LABEL, or "LABEL（K）" for the K-th of a name. */
static void label_with(char *out, size_t size, const char *label, unsigned k)
{
	snprintf(out, size, "%s", label);
	if (k > 1) {
		strncat(out, "（", size - strlen(out) - 1);
		fullwidth_number(out, size, k);
		strncat(out, "）", size - strlen(out) - 1);
	}
}

/* Columns a string takes in a terminal: two for CJK, one for ASCII. */
static size_t display_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x80)
			w++;
		else if (c >= 0xC0)
			w += c >= 0xE0 ? 2 : 1;
	}
	return w;
}

/* Aligns the next column at COL, as the real layouts are written. */
static void pad(FILE *f, size_t width, size_t col)
{
	fprintf(f, "%*s", width + 1 < col ? (int)(col - width) : 1, "");
}

/*
 * A line of a record, built whole before it is written, so that the next
 * revision (-c) can leave it out after drawing everything it draws.
 */
struct line {
	char s[1024];
	size_t len;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void line_add(struct line *l, const char *fmt, ...)
{
	size_t room = sizeof(l->s) - l->len;
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(l->s + l->len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room)
		die("a line of more than %zu bytes", sizeof(l->s));
	l->len += (size_t)n;
}

static void line_pad(struct line *l, size_t width, size_t col)
{
	line_add(l, "%*s", width + 1 < col ? (int)(col - width) : 1, "");
}

static void line_indent(struct line *l, int depth)
{
	line_add(l, "%*s", 2 * (depth + 1), "");
}

static void line_write(FILE *f, struct line *l)
{
	fwrite(l->s, 1, l->len, f);
	l->len = 0;
}

/* ---- the plan: how many items each record holds, in which file ---- */

struct table {
	char name[MAX_NAME + 1];
	char label[160];
	int file;                    /* -1: codes.layout, else a record file */
};

struct ntype {
	char name[MAX_NAME + 1];
	char label[160];
	unsigned shape;              /* index in type_shapes */
	int alias;                   /* an earlier type of that shape, or -1 */
};

/* How the next revision (-c) differs, item by item and table by table. */
enum change {
	CH_NONE, CH_RENAME, CH_TYPE, CH_WIDEN, CH_ADD, CH_REMOVE,
	CH_CODE_ADD, CH_CODE_REMOVE, CH_CODE_LABEL, N_CHANGES
};

/* As gen_layout prints them, after the counts. */
static const char *const change_names[N_CHANGES] = {
	"", "renamed", "retyped", "widened", "added", "removed",
	"code_added", "code_removed", "code_relabelled"
};

struct gen {
	uint64_t seed;
	unsigned long n_items;
	const char *dir;
	unsigned change_pct;         /* -c: 0 for the revision itself */
	struct rng change_rng;       /* which items and tables change, how */
	unsigned long changed[N_CHANGES];

	unsigned *record_items;      /* items of each record */
	unsigned n_records;
	unsigned *file_first;        /* first record of each record file */
	unsigned n_files;            /* record files */

	struct table *tables;
	unsigned n_tables;
	struct ntype *types;
	unsigned n_types;

	/* while writing records */
	struct rng rng;
	unsigned long items_left;
	unsigned long code_uses, type_uses;
	unsigned kind_used[N_KINDS];
	unsigned long groups;
	struct strset scope[MAX_DEPTH + 1];
	unsigned written[MAX_DEPTH + 1]; /* members kept in each open block */
	unsigned record_no, item_seq;
};

/* Records of 50 to 200 items; the last takes what is left. */
static void plan_records(struct gen *g)
{
	struct rng r = rng_stream(g->seed, 1);
	unsigned long left = g->n_items;
	size_t cap = g->n_items / 50 + 2;

	g->record_items = xcalloc(cap, sizeof(*g->record_items));
	while (left > 0) {
		unsigned size = 50 + rng_below(&r, 151);
		if (left <= 200)
			size = (unsigned)left;
		else if (left - size < 50)
			size = (unsigned)(left - 50);
		g->record_items[g->n_records++] = size;
		left -= size;
	}
}

/* Four to eleven records a file, as the fields of a real revision. */
static void plan_files(struct gen *g)
{
	struct rng r = rng_stream(g->seed, 2);

	g->file_first = xcalloc(g->n_records + 1, sizeof(*g->file_first));
	for (unsigned rec = 0; rec < g->n_records;) {
		g->file_first[g->n_files++] = rec;
		rec += 4 + rng_below(&r, 8);
	}
	g->file_first[g->n_files] = g->n_records;
}

/* One table per 40 items: a third shared, the rest in the field files. */
static void plan_tables(struct gen *g)
{
	struct rng r = rng_stream(g->seed, 3);
	struct strset names = { 0 };

	g->n_tables = (unsigned)(g->n_items / 40);
	if (g->n_tables < 3)
		g->n_tables = 3;
	g->tables = xcalloc(g->n_tables, sizeof(*g->tables));
	for (unsigned t = 0; t < g->n_tables; t++) {
		const struct word *s = &stems[rng_below(&r, COUNT(stems))];
		const struct word *c = &code_roles[rng_below(&r, COUNT(code_roles))];
		char base[MAX_NAME + 1], label[160];
		snprintf(base, sizeof(base), "%s_%s", s->name, c->name);
		unsigned k = unique_name(&names, base, g->tables[t].name);
		snprintf(label, sizeof(label), "%s%s", s->label, c->label);
		label_with(g->tables[t].label, sizeof(g->tables[t].label), label, k);
		g->tables[t].file = t % 3 == 0 ? -1 : (int)rng_below(&r, g->n_files);
	}
	strset_release(&names);
}

/* One named type per 60 items; a few are aliases of an earlier one. */
static void plan_types(struct gen *g)
{
	struct rng r = rng_stream(g->seed, 4);
	struct strset names = { 0 };
	int last[COUNT(type_shapes)];

	for (size_t i = 0; i < COUNT(type_shapes); i++)
		last[i] = -1;

	g->n_types = (unsigned)(g->n_items / 60);
	if (g->n_types < 3)
		g->n_types = 3;
	g->types = xcalloc(g->n_types, sizeof(*g->types));
	for (unsigned t = 0; t < g->n_types; t++) {
		struct ntype *ty = &g->types[t];
		const struct word *s = &stems[rng_below(&r, COUNT(stems))];
		unsigned shape = rng_below(&r, COUNT(type_shapes));
		char base[MAX_NAME + 1], label[160];
		snprintf(base, sizeof(base), "%s_%s", s->name, type_shapes[shape].role);
		unsigned k = unique_name(&names, base, ty->name);
		snprintf(label, sizeof(label), "%s%s", s->label, type_shapes[shape].label);
		label_with(ty->label, sizeof(ty->label), label, k);
		ty->shape = shape;
		/* "type shinseisha_kojin_no = hihokensha_kojin_no;" */
		ty->alias = rng_pct(&r, 5) ? last[shape] : -1;
		if (ty->alias < 0)
			last[shape] = (int)t;
	}
	strset_release(&names);
}

/* ---- writing ---- */

static FILE *open_file(const struct gen *g, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", g->dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot create %s: %s", path, strerror(errno));
	return f;
}

static void close_file(const struct gen *g, FILE *f, const char *name)
{
	if (ferror(f) | fclose(f))
		die("cannot write %s/%s: %s", g->dir, name, strerror(errno));
}

static void write_revision(const struct gen *g)
{
	FILE *f = open_file(g, "revision.layout");

	fputs("# 特定個人情報データ標準レイアウト（ベンチマーク用の合成モデル）\n"
	      "# bench/gen_layout が生成した。公式のレイアウトではない。\n\n", f);
	if (g->change_pct)
		fprintf(f, "revision BENCH2 {\n"
			"  title    \"合成レイアウト %lu項目 (seed %" PRIu64 ", %u%%改定)\";\n"
			"  released 2026-06-15;\n"
			"  previous BENCH;\n"
			"}\n", g->n_items, g->seed, g->change_pct);
	else
		fprintf(f, "revision BENCH {\n"
			"  title    \"合成レイアウト %lu項目 (seed %" PRIu64 ")\";\n"
			"  released 2025-06-16;\n"
			"  previous R06;\n"
			"}\n", g->n_items, g->seed);
	close_file(g, f, "revision.layout");
}

/* How the next revision changes a code table of N values, if at all. */
static enum change table_change(struct gen *g, unsigned n)
{
	if (!g->change_pct)
		return CH_NONE;
	/* Both drawn for every table, so that the choices do not shift. */
	unsigned x = rng_below(&g->change_rng, 10000);
	unsigned how = rng_below(&g->change_rng, 3);
	if (x >= 4 * 100 * g->change_pct)
		return CH_NONE;
	if (how == 1 && n <= 2)
		how = 2;            /* keep two values at least */
	return how == 0 ? CH_CODE_ADD : how == 1 ? CH_CODE_REMOVE : CH_CODE_LABEL;
}

/*
 * A code table of 2 to 30 values, coded "1".."9" or "01".."NN".  In the
 * next revision, the first value may be removed or relabelled, or a value
 * added at the end.
 */
static void write_table(struct gen *g, FILE *f, const struct table *t,
			struct rng *r)
{
	unsigned small = rng_pct(r, 70);
	unsigned n = 2 + rng_below(r, small ? 8 : 29);
	int wide = n > 9 || rng_pct(r, 40);
	unsigned first = rng_below(r, COUNT(code_words));
	enum change ch = table_change(g, n);

	fprintf(f, "\ncodes %s \"%sコード\" {\n", t->name, t->label);
	for (unsigned v = 1; v <= n; v++) {
		const struct word *w = &code_words[(first + v) % COUNT(code_words)];
		char value[8], symbol[MAX_NAME + 1], label[96];
		unsigned round = (first + v) / COUNT(code_words);
		int last_other = v == n && n > 3;
		struct line l = { .len = 0 };

		snprintf(value, sizeof(value), wide ? "%02u" : "%u",
			 last_other ? (wide ? 99 : 9) : v);
		if (last_other) {
			snprintf(symbol, sizeof(symbol), "sonota");
			snprintf(label, sizeof(label), "その他");
		} else {
			snprintf(symbol, sizeof(symbol), round ? "%s%u" : "%s",
				 w->name, round + 1);
			label_with(label, sizeof(label), w->label, round + 1);
		}
		if (v == 1 && ch == CH_CODE_LABEL)
			strncat(label, "（改）", sizeof(label) - strlen(label) - 1);
		line_add(&l, "  \"%s\" %-12s \"%s\"", value, symbol, label);
		if (!last_other && rng_pct(r, 5))
			line_add(&l, " deprecated");
		else if (rng_pct(r, 3))
			line_add(&l, " note \"%s\"", notes[rng_below(r, COUNT(notes))]);
		line_add(&l, ";\n");
		if (!(v == 1 && ch == CH_CODE_REMOVE))
			line_write(f, &l);
	}
	if (ch == CH_CODE_ADD) {
		/* The next free value: after the last one, else "0". */
		unsigned v = n > 3 ? n : n + 1;
		if (!wide && v > 8)
			v = 0;
		fprintf(f, "  \"%s%u\" %-12s \"追加区分\";\n",
			wide && v < 10 ? "0" : "", v, "tsuika");
	}
	if (ch != CH_NONE)
		g->changed[ch]++;
	fputs("}\n", f);
}

static void write_shared(struct gen *g)
{
	struct rng r = rng_stream(g->seed, 5);
	FILE *f = open_file(g, "codes.layout");

	fputs("# 分野をまたいで使うコード表\n", f);
	for (unsigned t = 0; t < g->n_tables; t++)
		if (g->tables[t].file < 0)
			write_table(g, f, &g->tables[t], &r);
	close_file(g, f, "codes.layout");

	f = open_file(g, "types.layout");
	fputs("# 共通の型: 複数の分野の記録で共有する識別子\n\n", f);
	for (unsigned t = 0; t < g->n_types; t++) {
		const struct ntype *ty = &g->types[t];
		const char *spec = ty->alias >= 0 ? g->types[ty->alias].name :
				   type_shapes[ty->shape].spec;
		fprintf(f, "type %s = %s;", ty->name, spec);
		pad(f, strlen(ty->name) + strlen(spec) + 9, 48);
		fprintf(f, "# %s\n", ty->label);
	}
	close_file(g, f, "types.layout");
}

/* The kind the next item must take so that everything gets used. */
static int forced_kind(struct gen *g)
{
	unsigned long need_tables = g->code_uses < g->n_tables ?
		g->n_tables - g->code_uses : 0;
	unsigned long need_types = g->type_uses < g->n_types ?
		g->n_types - g->type_uses : 0;
	unsigned long need = need_tables + need_types;
	int first_unused = -1;

	for (int k = 0; k < N_KINDS; k++)
		if (!g->kind_used[k] && k != K_CODE && k != K_NAMED) {
			need++;
			if (first_unused < 0)
				first_unused = k;
		}
	if (g->items_left > need)
		return -1;
	if (first_unused >= 0)
		return first_unused;
	return need_tables ? K_CODE : K_NAMED;
}

static enum kind pick_kind(struct gen *g)
{
	int forced = forced_kind(g);

	if (forced >= 0)
		return (enum kind)forced;
	unsigned x = rng_below(&g->rng, 100);
	for (int k = 0; k < N_KINDS; k++) {
		if (x < kinds[k].weight)
			return (enum kind)k;
		x -= kinds[k].weight;
	}
	return K_DATE;
}

/* A longer length, for a widened item of the next revision. */
static unsigned wider(unsigned len, int widen)
{
	return widen ? len + len / 2 + 2 : len;
}

/*
 * Writes the type of an item of kind K, its length WIDENed; sets BASE and
 * LABEL for its name.
 */
static void item_type(struct gen *g, enum kind k, int widen, char *type,
		      size_t size, const char **base, const char **label)
{
	static const unsigned dig[] = { 1, 2, 3, 4, 6, 7, 8, 10, 12, 15 };
	static const unsigned txt[] = { 10, 20, 40, 60, 100, 200 };
	static const unsigned prec[] = { 3, 5, 7, 9, 12 };
	struct rng *r = &g->rng;

	if (k == K_CODE) {
		unsigned long u = g->code_uses++;
		const struct table *t = &g->tables[u < g->n_tables ? u :
				 rng_below(r, g->n_tables)];
		snprintf(type, size, "code(%s)", t->name);
		*base = t->name;
		*label = t->label;
		return;
	}
	if (k == K_NAMED) {
		unsigned long u = g->type_uses++;
		const struct ntype *t = &g->types[u < g->n_types ? u :
				 rng_below(r, g->n_types)];
		snprintf(type, size, "%s", t->name);
		*base = t->name;
		*label = t->label;
		return;
	}
	const struct word *role = &kinds[k].roles[rng_below(r,
				  (unsigned)kinds[k].n_roles)];
	*base = role->name;
	*label = role->label;
	/* Drawn apart: C leaves the order of arguments unspecified. */
	unsigned a = rng_below(r, 840);
	unsigned b = rng_below(r, 840);
	switch (k) {
	case K_DIGITS:
		/* digits(n) is exactly n digits: a range holds it. */
		if (widen)
			snprintf(type, size, "digits(%u..%u)", dig[a % COUNT(dig)],
				 wider(dig[a % COUNT(dig)], widen));
		else
			snprintf(type, size, "digits(%u)", dig[a % COUNT(dig)]);
		break;
	case K_DIGITS_RANGE: snprintf(type, size, "digits(%u..%u)", 1 + a % 4,
				      wider(6 + b % 15, widen)); break;
	case K_ALNUM: snprintf(type, size, "alnum(%u)", wider(4 + a % 17, widen)); break;
	case K_ASCII: snprintf(type, size, b % 2 ? "ascii(1..%u)" : "ascii(%u)",
			       wider(13 + a % 200, widen)); break;
	case K_TEXT: snprintf(type, size, "text(%u)", wider(txt[a % COUNT(txt)], widen)); break;
	case K_KANA: snprintf(type, size, "kana(%u)", wider(txt[a % COUNT(txt)], widen)); break;
	case K_HANKANA: snprintf(type, size, "hankana(%u)", wider(20 + a % 41, widen)); break;
	case K_STRING: snprintf(type, size, "string(%u)",
				wider(txt[a % COUNT(txt)], widen)); break;
	case K_NUMBER: snprintf(type, size, "number(%u)", prec[a % COUNT(prec)]); break;
	case K_NUMBER_SCALE: snprintf(type, size, "number(%u,%u)", 5 + a % 4,
				      1 + b % 3); break;
	case K_NUMBER_SIGNED: snprintf(type, size, "number(%u) signed",
				       prec[a % COUNT(prec)]); break;
	case K_DATE: snprintf(type, size, "date"); break;
	case K_DATE8: snprintf(type, size, "date8"); break;
	case K_YEARMONTH: snprintf(type, size, "yearmonth"); break;
	case K_WAREKI: snprintf(type, size, "wareki"); break;
	case K_FLAG: snprintf(type, size, "flag"); break;
	case K_MYNUMBER: snprintf(type, size, "mynumber"); break;
	case K_LGCODE: snprintf(type, size, "lgcode"); break;
	case K_INSURER: snprintf(type, size, "insurer"); break;
	default: die("no type for kind %d", (int)k);
	}
}

/*
 * The attributes every item and group may carry, after its type; BUMP
 * raises the version, as a renamed or redefined item's is.
 */
static void write_attrs(struct gen *g, struct line *l, const char *name,
			int group, int bump)
{
	struct rng *r = &g->rng;
	unsigned x = rng_below(r, 100);

	if (group)
		line_add(l, " [0..%u]", 2 + rng_below(r, 9));
	else if (x < 30)
		line_add(l, " required");
	else if (x < 35)
		line_add(l, " [0..%u]", 2 + rng_below(r, 4));
	else if (x < 36)
		line_add(l, " [1..*]");
	else if (x < 37)
		line_add(l, " [0..*]");
	g->item_seq++;
	line_add(l, " id \"KM%05u%09u\"", g->record_no, g->item_seq * 10);
	unsigned v = rng_below(r, 100);
	line_add(l, " version %u", (v < 80 ? 1 : v < 95 ? 2 : 3) + !!bump);
	if (!group && rng_pct(r, 2))
		line_add(l, " formerly kyu_%s", name);
	if (!group && rng_pct(r, 2))
		line_add(l, " deprecated");
	if (rng_pct(r, 8))
		line_add(l, " note \"%s\"", notes[rng_below(r, COUNT(notes))]);
}

/* Another type, for an item of kind K retyped in the next revision. */
static const char *other_type(enum kind k)
{
	switch (k) {
	case K_DIGITS: case K_DIGITS_RANGE: return "alnum(20)";
	case K_ALNUM: case K_ASCII: return "text(40)";
	case K_TEXT: case K_KANA: case K_HANKANA: return "string(100)";
	case K_STRING: return "text(100)";
	case K_NUMBER: case K_NUMBER_SCALE: case K_NUMBER_SIGNED: return "digits(12)";
	case K_DATE: return "date8";
	case K_DATE8: case K_YEARMONTH: case K_WAREKI: return "date";
	case K_FLAG: return "digits(1)";
	default: return "alnum(16)";
	}
}

static int has_length(enum kind k)
{
	return k <= K_STRING;
}

/*
 * How the next revision changes an item of kind K, if at all.  An item
 * typed by a code table or a named type may be its only use, so it is
 * only renamed or followed by a new item: the revision stays free of
 * warnings.  MAY_REMOVE is false for a block's first member, so that no
 * block is left empty.
 */
static enum change item_change(struct gen *g, enum kind k, int may_remove)
{
	static const enum change order[] = {
		CH_RENAME, CH_TYPE, CH_WIDEN, CH_ADD, CH_REMOVE
	};

	if (!g->change_pct)
		return CH_NONE;
	/* Both drawn for every item, so that the choices do not shift. */
	unsigned x = rng_below(&g->change_rng, 10000);
	enum change c = order[rng_below(&g->change_rng, COUNT(order))];
	if (x >= 100 * g->change_pct)
		return CH_NONE;
	if (k == K_CODE || k == K_NAMED) {
		if (c != CH_RENAME && c != CH_ADD)
			c = x % 2 ? CH_RENAME : CH_ADD;
	} else if (c == CH_WIDEN && !has_length(k)) {
		c = CH_TYPE;
	}
	if (c == CH_REMOVE && !may_remove)
		c = CH_RENAME;
	return c;
}

/* The item a new revision adds after NAME (id: the next free one). */
static void write_added(struct gen *g, FILE *f, int depth, const char *name,
			const char *label)
{
	char added[MAX_NAME + 16], full[260];
	struct line l = { .len = 0 };

	snprintf(added, sizeof(added), "%s_tsuika", name);
	snprintf(full, sizeof(full), "%s（追加）", label);
	line_indent(&l, depth);
	line_add(&l, "%s", added);
	line_pad(&l, strlen(added), 24);
	line_add(&l, "\"%s\"", full);
	line_pad(&l, display_width(full) + 2, 22);
	line_add(&l, ": text(40) id \"KM%05u%09u\" version 1;\n", g->record_no,
		 g->item_seq * 10 + 5);
	line_write(f, &l);
}

static void write_item(struct gen *g, FILE *f, int depth)
{
	enum kind k = pick_kind(g);
	enum change ch = item_change(g, k, g->written[depth] > 0);
	char type[MAX_NAME + 32], base[MAX_NAME + 1], name[MAX_NAME + 1];
	char label[200], full[240], shown[MAX_NAME + 16];
	const char *role, *role_label;
	struct line l = { .len = 0 };

	g->kind_used[k]++;
	item_type(g, k, ch == CH_WIDEN, type, sizeof(type), &role, &role_label);
	if (ch == CH_TYPE)
		snprintf(type, sizeof(type), "%s", other_type(k));
	if (k == K_CODE || k == K_NAMED) {
		/* Named after its table or type, as real layouts do. */
		snprintf(base, sizeof(base), "%s", role);
		snprintf(label, sizeof(label), "%s", role_label);
	} else {
		/* A role alone ("date") says little: a stem says whose. */
		const struct word *s = &stems[rng_below(&g->rng, COUNT(stems))];
		snprintf(base, sizeof(base), "%s_%s", s->name, role);
		snprintf(label, sizeof(label), "%s%s", s->label, role_label);
	}
	unsigned n = unique_name(&g->scope[depth], base, name);
	label_with(full, sizeof(full), label, n);
	snprintf(shown, sizeof(shown), ch == CH_RENAME ? "%s_shin" : "%s", name);
	line_indent(&l, depth);
	line_add(&l, "%s", shown);
	line_pad(&l, strlen(shown), 24);
	line_add(&l, "\"%s\"", full);
	line_pad(&l, display_width(full) + 2, 22);
	line_add(&l, ": %s", type);
	write_attrs(g, &l, name, 0, ch == CH_RENAME || ch == CH_TYPE ||
		    ch == CH_WIDEN);
	line_add(&l, ";\n");
	g->items_left--;
	g->changed[ch]++;
	if (ch == CH_REMOVE)
		return;
	line_write(f, &l);
	g->written[depth]++;
	if (ch == CH_ADD)
		write_added(g, f, depth, name, full);
}

static void write_members(struct gen *g, FILE *f, unsigned items, int depth);

/* A repeated group of ITEMS items, itself perhaps holding groups. */
static void write_group(struct gen *g, FILE *f, unsigned items, int depth)
{
	const struct word *s = &stems[rng_below(&g->rng, COUNT(stems))];
	const struct word *role = &group_roles[rng_below(&g->rng,
					       COUNT(group_roles))];
	char base[MAX_NAME + 1], name[MAX_NAME + 1], label[200];

	snprintf(base, sizeof(base), "%s_%s", s->name, role->name);
	unsigned n = unique_name(&g->scope[depth], base, name);
	snprintf(base, sizeof(base), "%s%s", s->label, role->label);
	label_with(label, sizeof(label), base, n);
	struct line l = { .len = 0 };
	line_add(&l, "\n");
	if (rng_pct(&g->rng, 30)) {
		line_indent(&l, depth);
		line_add(&l, "# %s\n", notes[rng_below(&g->rng, COUNT(notes))]);
	}
	line_indent(&l, depth);
	line_add(&l, "group %s \"%s\"", name, label);
	write_attrs(g, &l, name, 1, 0);
	line_add(&l, " {\n");
	line_write(f, &l);
	g->groups++;
	g->written[depth]++;
	strset_clear(&g->scope[depth + 1]);
	g->written[depth + 1] = 0;
	write_members(g, f, items, depth + 1);
	line_indent(&l, depth);
	line_add(&l, "}\n");
	line_write(f, &l);
}

/* Exactly ITEMS items at DEPTH, some of them in groups. */
static void write_members(struct gen *g, FILE *f, unsigned items, int depth)
{
	static const unsigned group_pct[MAX_DEPTH + 1] = { 6, 10, 8, 0, 0 };

	while (items > 0) {
		if (items >= 4 && rng_pct(&g->rng, group_pct[depth])) {
			unsigned span = items - 1 < 15 ? items - 1 : 15;
			unsigned size = 2 + rng_below(&g->rng, span - 1);
			write_group(g, f, size, depth);
			items -= size;
		} else {
			write_item(g, f, depth);
			items--;
		}
	}
}

static void write_record(struct gen *g, FILE *f, struct strset *records,
			 unsigned rec, const struct word *field)
{
	const struct word *s = &subjects[rng_below(&g->rng, COUNT(subjects))];
	const struct word *k = &record_kinds[rng_below(&g->rng,
					     COUNT(record_kinds))];
	char base[MAX_NAME + 1], name[MAX_NAME + 1], label[200];

	snprintf(base, sizeof(base), "%s_%s_%s", field->name, s->name, k->name);
	unsigned n = unique_name(records, base, name);
	snprintf(base, sizeof(base), "%s %s%s", field->label, s->label, k->label);
	label_with(label, sizeof(label), base, n);
	g->record_no = rec + 1;
	g->item_seq = 0;
	fputc('\n', f);
	if (rng_pct(&g->rng, 40))
		fprintf(f, "# %s\n", record_comments[rng_below(&g->rng,
					     COUNT(record_comments))]);
	fprintf(f, "record %s \"%s\" {\n", name, label);
	fprintf(f, "  id      \"TM%014u\";\n", 10000 + rec);
	fprintf(f, "  dataset \"%04u\";\n", (rec * 7 + 101) % 10000);
	fprintf(f, "  basis   \"番号法 別表 第%u項\";\n\n", 1 + rng_below(&g->rng, 120));
	strset_clear(&g->scope[0]);
	g->written[0] = 0;
	write_members(g, f, g->record_items[rec], 0);
	fputs("}\n", f);
}

static void write_records(struct gen *g)
{
	struct strset records = { 0 };
	struct rng tables = rng_stream(g->seed, 6);
	unsigned per_field[COUNT(fields)] = { 0 };

	g->rng = rng_stream(g->seed, 7);
	g->items_left = g->n_items;
	for (unsigned fi = 0; fi < g->n_files; fi++) {
		const struct word *field = &fields[fi % COUNT(fields)];
		char fname[64];
		snprintf(fname, sizeof(fname), "%s_%03u.layout", field->name,
			 ++per_field[fi % COUNT(fields)]);
		FILE *f = open_file(g, fname);
		fprintf(f, "# %s（合成）\n", field->label);
		for (unsigned t = 0; t < g->n_tables; t++)
			if (g->tables[t].file == (int)fi)
				write_table(g, f, &g->tables[t], &tables);
		for (unsigned rec = g->file_first[fi]; rec < g->file_first[fi + 1]; rec++)
			write_record(g, f, &records, rec, field);
		close_file(g, f, fname);
	}
	strset_release(&records);
	for (int d = 0; d <= MAX_DEPTH; d++)
		strset_release(&g->scope[d]);
}

/* ---- the command ---- */

#define USAGE \
	"usage: gen_layout -n ITEMS [-s SEED] [-c PCT] -o DIR\n" \
	"\n" \
	"Writes a synthetic revision of ITEMS items (at least %u, at most %u)\n" \
	"into DIR, which is created if missing and must hold no .layout file.\n" \
	"The same ITEMS and SEED (default 1) give the same files everywhere.\n" \
	"Prints one line: items, groups, records, code tables, types, files.\n" \
	"\n" \
	"-c PCT writes the next revision instead: PCT percent (1 to 100) of\n" \
	"the items renamed, retyped, widened, followed by a new item or\n" \
	"removed, and 4 x PCT percent of the code tables changed; the line\n" \
	"printed then ends with how many of each (renamed=... retyped=...).\n"

static unsigned long long number_arg(const char *s, const char *what)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-')
		die("%s must be a number, not '%s'", what, s);
	return v;
}

/* DIR may exist, but a stale .layout file would join the revision. */
static void prepare_dir(const char *dir)
{
	struct dirent *e;
	DIR *d;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		die("cannot create directory %s: %s", dir, strerror(errno));
	d = opendir(dir);
	if (!d)
		die("cannot open directory %s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 7 && strcmp(e->d_name + len - 7, ".layout") == 0) {
			closedir(d);
			die("%s already holds .layout files: give an empty directory", dir);
		}
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	struct gen g;
	int opt;

	memset(&g, 0, sizeof(g));
	g.seed = 1;
	while ((opt = getopt(argc, argv, "n:s:c:o:h")) != -1) {
		switch (opt) {
		case 'n': g.n_items = (unsigned long)number_arg(optarg, "ITEMS"); break;
		case 's': g.seed = number_arg(optarg, "SEED"); break;
		case 'c':
			g.change_pct = (unsigned)number_arg(optarg, "PCT");
			if (g.change_pct < 1 || g.change_pct > 100)
				die("PCT must be between 1 and 100");
			break;
		case 'o': g.dir = optarg; break;
		case 'h': printf(USAGE, MIN_ITEMS, MAX_ITEMS); return 0;
		default: fprintf(stderr, USAGE, MIN_ITEMS, MAX_ITEMS); return 2;
		}
	}
	if (optind != argc || !g.dir || !g.n_items) {
		fprintf(stderr, USAGE, MIN_ITEMS, MAX_ITEMS);
		return 2;
	}
	if (g.n_items < MIN_ITEMS || g.n_items > MAX_ITEMS)
		die("ITEMS must be between %u and %u", MIN_ITEMS, MAX_ITEMS);
	prepare_dir(g.dir);
	g.change_rng = rng_stream(g.seed, 8);
	plan_records(&g);
	plan_files(&g);
	plan_tables(&g);
	plan_types(&g);
	write_revision(&g);
	write_shared(&g);
	write_records(&g);
	unsigned long items = g.n_items + g.changed[CH_ADD] - g.changed[CH_REMOVE];
	printf("items=%lu groups=%lu records=%u codes=%u types=%u files=%u",
	       items, g.groups, g.n_records, g.n_tables, g.n_types, g.n_files + 3);
	for (int c = CH_RENAME; c < N_CHANGES && g.change_pct; c++)
		printf(" %s=%lu", change_names[c], g.changed[c]);
	putchar('\n');
	free(g.record_items);
	free(g.file_first);
	free(g.tables);
	free(g.types);
	return 0;
}
