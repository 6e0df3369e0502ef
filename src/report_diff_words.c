/*
 * report_diff_words.c: every word the diff reports print, in English and
 * in Japanese, in one place.  The Japanese follows the vocabulary of the
 * data standard layout (項目, 特定個人情報, 桁数, 版数, 無効化, 新旧対照表).
 */
#include "report_diff_internal.h"

#define EN_JA(en, ja) { en, ja }

static const char *const words[][2] = {
	[RK_W_OLD] = EN_JA("old", "旧"),
	[RK_W_NEW] = EN_JA("new", "新"),
	[RK_W_RELEASED] = EN_JA("released", "公開"),
	[RK_W_SUMMARY] = EN_JA("Summary", "概要"),
	[RK_W_CHANGES] = EN_JA("changes", "変更"),
	[RK_W_CHANGE] = EN_JA("change", "変更内容"),
	[RK_W_KIND] = EN_JA("kind", "種別"),
	[RK_W_COUNT] = EN_JA("count", "件数"),
	[RK_W_ALL] = EN_JA("all changes", "すべての変更"),
	[RK_W_BREAKING] = EN_JA("BREAKING", "非互換"),
	[RK_W_COMPATIBLE] = EN_JA("compatible", "互換"),
	[RK_W_BREAKING_COUNTS] = EN_JA("breaking changes", "非互換の変更"),
	[RK_W_ALL_AXES] = EN_JA("all axes", "全観点"),
	[RK_W_NO_CHANGES] = EN_JA("no changes", "変更なし"),
	[RK_W_LINT] = EN_JA("version lint", "版数の点検"),
	[RK_W_LINT_WARNING] = EN_JA("warning", "警告"),
	[RK_W_LINT_ERROR] = EN_JA("error", "誤り"),
	[RK_W_SECTION_REVISION] = EN_JA("revision header", "版の見出し"),
	[RK_W_SECTION_TYPES] = EN_JA("named types", "型定義"),
	[RK_W_SECTION_CODES] = EN_JA("code table", "コード表"),
	[RK_W_SECTION_RECORDS] = EN_JA("record", "特定個人情報"),
	[RK_W_THING] = EN_JA("what", "対象"),
	[RK_W_LABEL] = EN_JA("label", "名称"),
	[RK_W_REASON] = EN_JA("reason", "理由"),
	[RK_W_AXIS_HELP_PRODUCERS] = EN_JA(
		"is a payload valid under the old revision still valid under the new one? (a system still writing old payloads)",
		"旧版で有効なデータは新版でも有効か（旧版のまま送信するシステム）"),
	[RK_W_AXIS_HELP_CONSUMERS] = EN_JA(
		"is a payload valid under the new revision still valid under the old one? (a system still reading as old)",
		"新版で有効なデータは旧版でも有効か（旧版のまま受信するシステム）"),
	[RK_W_AXIS_HELP_SOURCE] = EN_JA(
		"does C code written against the old generated API still compile against the new one?",
		"旧版の生成APIで書いたCのコードが新版でもコンパイルできるか"),
	[RK_W_TYPE] = EN_JA("type", "型"),
	[RK_W_OCCURS] = EN_JA("occurrence", "出現"),
	[RK_W_VERSION] = EN_JA("version", "版数"),
	[RK_W_ID] = EN_JA("id", "コード"),
	[RK_W_NOTE] = EN_JA("note", "備考"),
	[RK_W_DEPRECATED] = EN_JA("deprecated", "無効化"),
	[RK_W_MEMBERS] = EN_JA("items", "項目"),
	[RK_W_VALUES] = EN_JA("values", "コード値"),
	[RK_W_NONE] = EN_JA("(none)", "（なし）"),
	[RK_W_CONTENTS] = EN_JA("Contents", "目次"),
	[RK_W_LEGEND] = EN_JA("The three axes", "影響の三つの観点"),
	[RK_W_DATASET] = EN_JA("dataset", "データセット番号"),
	[RK_W_PREVIOUS] = EN_JA("previous", "前版"),
	[RK_W_CHANGE_IMPACT] = EN_JA("changes and impacts", "変更内容・影響"),
	[RK_W_TITLE] = EN_JA("title", "表題"),
};

static const char *const subjects[RK_SUBJ_COUNT][2] = {
	[RK_SUBJ_REVISION] = EN_JA("revision", "版"),
	[RK_SUBJ_TYPE] = EN_JA("named type", "型定義"),
	[RK_SUBJ_CODES] = EN_JA("code table", "コード表"),
	[RK_SUBJ_CODE] = EN_JA("code value", "コード値"),
	[RK_SUBJ_RECORD] = EN_JA("record", "特定個人情報"),
	[RK_SUBJ_GROUP] = EN_JA("group", "グループ"),
	[RK_SUBJ_ITEM] = EN_JA("item", "項目"),
};

static const char *const kinds[RK_CH_COUNT][2] = {
	[RK_CH_ADDED] = EN_JA("added", "追加"),
	[RK_CH_REMOVED] = EN_JA("removed", "削除"),
	[RK_CH_RENAMED] = EN_JA("renamed", "識別名の変更"),
	[RK_CH_MOVED] = EN_JA("moved", "移動"),
	[RK_CH_REORDERED] = EN_JA("reordered", "順序の変更"),
	[RK_CH_TYPE] = EN_JA("type changed", "型の変更"),
	[RK_CH_LENGTH_WIDENED] = EN_JA("length widened", "桁数の拡大"),
	[RK_CH_LENGTH_NARROWED] = EN_JA("length narrowed", "桁数の縮小"),
	[RK_CH_LENGTH_CHANGED] = EN_JA("length changed", "桁数の変更"),
	[RK_CH_PRECISION] = EN_JA("precision changed", "精度（桁数）の変更"),
	[RK_CH_SCALE] = EN_JA("scale changed", "小数部桁数の変更"),
	[RK_CH_SIGN] = EN_JA("sign changed", "符号の有無の変更"),
	[RK_CH_REQUIRED] = EN_JA("optional → required", "任意 → 必須"),
	[RK_CH_OPTIONAL] = EN_JA("required → optional", "必須 → 任意"),
	[RK_CH_MIN_RAISED] = EN_JA("minimum occurrences raised",
				   "最小出現回数の引上げ"),
	[RK_CH_MIN_LOWERED] = EN_JA("minimum occurrences lowered",
				    "最小出現回数の引下げ"),
	[RK_CH_MAX_RAISED] = EN_JA("maximum occurrences raised",
				   "最大繰返し回数の引上げ"),
	[RK_CH_MAX_LOWERED] = EN_JA("maximum occurrences lowered",
				    "最大繰返し回数の引下げ"),
	[RK_CH_DEPRECATED] = EN_JA("deprecated", "無効化"),
	[RK_CH_UNDEPRECATED] = EN_JA("no longer deprecated", "無効化の取消し"),
	[RK_CH_LABEL] = EN_JA("label changed", "名称の変更"),
	[RK_CH_NOTE] = EN_JA("note changed", "備考の変更"),
	[RK_CH_ID] = EN_JA("id changed", "コードの変更"),
	[RK_CH_DATASET] = EN_JA("dataset number changed",
				"データセット番号の変更"),
	[RK_CH_SYMBOL] = EN_JA("symbol changed", "記号名の変更"),
	[RK_CH_VERSION_RAISED] = EN_JA("version raised", "版数の引上げ"),
	[RK_CH_VERSION_LOWERED] = EN_JA("version lowered", "版数の引下げ"),
	[RK_CH_VERSION_SET] = EN_JA("version given or dropped",
				    "版数の記載の有無の変更"),
	[RK_CH_VERSION_NOT_RAISED] = EN_JA("version not raised",
					   "版数の据置き"),
	[RK_CH_TITLE] = EN_JA("title changed", "表題の変更"),
	[RK_CH_RELEASED] = EN_JA("release date changed", "公開日の変更"),
	[RK_CH_PREVIOUS] = EN_JA("previous revision changed", "前版の変更"),
};

static const char *const axes[RK_AXIS_COUNT][2] = {
	[RK_PRODUCERS] = EN_JA("producers", "送信側"),
	[RK_CONSUMERS] = EN_JA("consumers", "受信側"),
	[RK_SOURCE] = EN_JA("source", "ソース"),
};

static const char *const whys[RK_WHY_COUNT][2] = {
	[RK_WHY_DOC] = EN_JA(
		"documentation only: not in payloads or the generated API",
		"説明上の変更のみ：データにも生成APIにも現れない"),
	[RK_WHY_ID_NOT_IN_PAYLOAD] = EN_JA(
		"ids are in neither payloads (elements are named by identifier) nor the generated API",
		"コードはデータ（要素名は識別名）にも生成APIにも現れない"),
	[RK_WHY_REV_NAME_PAYLOAD] = EN_JA(
		"payloads name their revision (YAML revision:, XML revision=)",
		"データは版の名前を持つ（YAMLの revision:、XMLの revision=）"),
	[RK_WHY_REV_PREFIX] = EN_JA(
		"every generated C name carries the revision's prefix",
		"生成されるCの名前はすべて版の接頭辞を持つ"),
	[RK_WHY_TYPE_NOT_IN_PAYLOAD] = EN_JA(
		"a named type is not in payloads; the items using it are compared on their own",
		"型定義はデータに現れない（使う項目はそれぞれ比較する）"),
	[RK_WHY_TYPE_NO_DECL] = EN_JA(
		"a named type generates no C declaration of its own",
		"型定義それ自体はCの宣言を生成しない"),
	[RK_WHY_TABLE_NOT_IN_PAYLOAD] = EN_JA(
		"a code table reaches payloads only through items, compared on their own",
		"コード表は項目を通してのみデータに現れる（項目はそれぞれ比較する）"),
	[RK_WHY_ENUM_ADDED] = EN_JA(
		"a new enum type; existing code is unaffected",
		"列挙型が増えるだけで既存のコードに影響しない"),
	[RK_WHY_ENUM_REMOVED] = EN_JA("its enum type is gone",
				      "列挙型がなくなる"),
	[RK_WHY_ENUM_RENAMED] = EN_JA("its enum type is renamed",
				      "列挙型の名前が変わる"),
	[RK_WHY_CODE_NEW_VALUE_OK] = EN_JA(
		"old payloads never carry the new value",
		"旧版のデータに新しい値は現れない"),
	[RK_WHY_CODE_NEW_VALUE_BREAK] = EN_JA(
		"new payloads may carry a value the old revision rejects",
		"新版のデータに旧版が受け付けない値が現れうる"),
	[RK_WHY_CODE_UNUSED] = EN_JA("no item uses the table",
				     "このコード表を使う項目がない"),
	[RK_WHY_CODE_GONE_BREAK] = EN_JA(
		"old payloads may carry a value the new revision rejects",
		"旧版のデータに新版が受け付けない値が現れうる"),
	[RK_WHY_CODE_GONE_OK] = EN_JA(
		"new payloads never carry the removed value",
		"新版のデータに削除された値は現れない"),
	[RK_WHY_CONST_ADDED] = EN_JA(
		"a new enum constant; existing code is unaffected",
		"列挙定数が増えるだけで既存のコードに影響しない"),
	[RK_WHY_CONST_REMOVED] = EN_JA("its enum constant is gone",
				       "列挙定数がなくなる"),
	[RK_WHY_CONST_RENAMED] = EN_JA("its enum constant is renamed",
				       "列挙定数の名前が変わる"),
	[RK_WHY_SYMBOL_NOT_IN_PAYLOAD] = EN_JA(
		"payloads carry the code value, not its symbol",
		"データが持つのはコード値で、記号名ではない"),
	[RK_WHY_DEPRECATED_VALID] = EN_JA(
		"deprecated items and values stay valid in payloads",
		"無効化された項目・値もデータとしては有効のまま"),
	[RK_WHY_DEPRECATED_KEPT] = EN_JA("its declaration stays",
					 "宣言はそのまま残る"),
	[RK_WHY_RECORD_NEW_OK] = EN_JA(
		"old payloads never carry the new record",
		"旧版のデータに新しい特定個人情報は現れない"),
	[RK_WHY_RECORD_NEW_BREAK] = EN_JA(
		"new payloads may carry a record the old revision does not know",
		"新版のデータに旧版が知らない特定個人情報が現れうる"),
	[RK_WHY_RECORD_GONE_BREAK] = EN_JA(
		"old payloads may carry a record the new revision does not know",
		"旧版のデータに新版が知らない特定個人情報が現れうる"),
	[RK_WHY_RECORD_GONE_OK] = EN_JA(
		"new payloads never carry the removed record",
		"新版のデータに削除された特定個人情報は現れない"),
	[RK_WHY_STRUCT_ADDED] = EN_JA(
		"a new struct and functions; existing code is unaffected",
		"構造体と関数が増えるだけで既存のコードに影響しない"),
	[RK_WHY_STRUCT_REMOVED] = EN_JA("its struct and functions are gone",
					"構造体と関数がなくなる"),
	[RK_WHY_STRUCT_RENAMED] = EN_JA("its struct and functions are renamed",
					"構造体と関数の名前が変わる"),
	[RK_WHY_ELEMENT_RENAMED] = EN_JA("its element is renamed",
					 "要素名が変わる"),
	[RK_WHY_NEW_OPTIONAL_OK] = EN_JA(
		"it is optional: old payloads without it stay valid",
		"任意なので、これを含まない旧版のデータも有効"),
	[RK_WHY_NEW_REQUIRED_BREAK] = EN_JA(
		"the new revision requires it; old payloads lack it",
		"新版では必須だが、旧版のデータには含まれない"),
	[RK_WHY_UNKNOWN_TO_OLD] = EN_JA(
		"new payloads may carry an element the old revision does not know",
		"新版のデータに旧版が知らない要素が現れうる"),
	[RK_WHY_FIELD_ADDED] = EN_JA(
		"a new field; existing code is unaffected",
		"メンバが増えるだけで既存のコードに影響しない"),
	[RK_WHY_UNKNOWN_TO_NEW] = EN_JA(
		"old payloads may carry an element the new revision does not know",
		"旧版のデータに新版が知らない要素が現れうる"),
	[RK_WHY_GONE_OPTIONAL_OK] = EN_JA(
		"the old revision does not require it",
		"旧版でも必須ではない"),
	[RK_WHY_GONE_REQUIRED_BREAK] = EN_JA(
		"the old revision requires it; new payloads lack it",
		"旧版では必須だが、新版のデータには含まれない"),
	[RK_WHY_FIELD_REMOVED] = EN_JA("its field is gone", "メンバがなくなる"),
	[RK_WHY_FIELD_RENAMED] = EN_JA("its field is renamed",
				       "メンバの名前が変わる"),
	[RK_WHY_ELEMENT_MOVED] = EN_JA("its element moves to another parent",
				       "要素の親が変わる"),
	[RK_WHY_FIELD_MOVED] = EN_JA("its field moves to another struct",
				     "メンバが別の構造体に移る"),
	[RK_WHY_ORDER_PAYLOAD] = EN_JA(
		"XML payloads carry items in layout order",
		"XMLのデータは項目をレイアウトの順に並べる"),
	[RK_WHY_ORDER_SOURCE] = EN_JA(
		"fields are used by name; only their order in the struct changes",
		"メンバは名前で使うので、構造体内の順序が変わるだけ"),
	[RK_WHY_NOW_REQUIRED] = EN_JA(
		"old payloads may omit it; the new revision requires it",
		"旧版のデータでは省略できるが、新版では必須"),
	[RK_WHY_NOW_OPTIONAL] = EN_JA(
		"new payloads may omit it; the old revision requires it",
		"新版のデータでは省略できるが、旧版では必須"),
	[RK_WHY_MIN_RAISED] = EN_JA(
		"old payloads may hold fewer occurrences than the new minimum",
		"旧版のデータの出現回数が新版の最小回数に満たないことがある"),
	[RK_WHY_MIN_LOWERED] = EN_JA(
		"new payloads may hold fewer occurrences than the old minimum",
		"新版のデータの出現回数が旧版の最小回数に満たないことがある"),
	[RK_WHY_MAX_RAISED] = EN_JA(
		"new payloads may repeat it more often than the old revision allows",
		"新版のデータは旧版の上限を超えて繰り返しうる"),
	[RK_WHY_MAX_LOWERED] = EN_JA(
		"old payloads may repeat it more often than the new revision allows",
		"旧版のデータは新版の上限を超えて繰り返しうる"),
	[RK_WHY_COUNTS_OLD_FIT] = EN_JA(
		"the new revision allows every count the old one allows",
		"旧版で認められる出現回数は新版でもすべて認められる"),
	[RK_WHY_COUNTS_NEW_FIT] = EN_JA(
		"the old revision allows every count the new one allows",
		"新版で認められる出現回数は旧版でもすべて認められる"),
	[RK_WHY_SHAPE_SAME] = EN_JA("the field keeps its C shape",
				    "メンバのCでの形は変わらない"),
	[RK_WHY_SHAPE_ARRAY] = EN_JA(
		"a single field becomes an array with a count, or back",
		"単一のメンバが配列と件数に変わる（またはその逆）"),
	[RK_WHY_ARRAY_SIZE] = EN_JA(
		"the generated array changes size: code sized to the old bound must be revisited",
		"生成される配列の大きさが変わる（旧版の上限に合わせたコードは見直しが必要）"),
	[RK_WHY_VALUES_OLD_FIT] = EN_JA(
		"the new revision accepts every value the old one accepts",
		"旧版で有効な値は新版でもすべて有効"),
	[RK_WHY_VALUES_OLD_REJECTED] = EN_JA(
		"old payloads may carry values the new revision rejects",
		"旧版のデータに新版が受け付けない値が含まれうる"),
	[RK_WHY_VALUES_NEW_FIT] = EN_JA(
		"the old revision accepts every value the new one accepts",
		"新版で有効な値は旧版でもすべて有効"),
	[RK_WHY_VALUES_NEW_REJECTED] = EN_JA(
		"new payloads may carry values the old revision rejects",
		"新版のデータに旧版が受け付けない値が含まれうる"),
	[RK_WHY_LONGER_IN_NEW] = EN_JA(
		"new payloads may carry values longer than the old revision allows",
		"新版のデータに旧版の桁数を超える値が含まれうる"),
	[RK_WHY_LONGER_IN_OLD] = EN_JA(
		"old payloads may carry values longer than the new revision allows",
		"旧版のデータに新版の桁数を超える値が含まれうる"),
	[RK_WHY_BUFFER_GROWS] = EN_JA(
		"the text buffer grows; code still compiles",
		"文字列バッファが大きくなるだけでコンパイルは通る"),
	[RK_WHY_BUFFER_SHRINKS] = EN_JA(
		"the text buffer shrinks; code still compiles, but check what it copies in",
		"文字列バッファが小さくなる（コンパイルは通るが、書き込む長さを確認すること）"),
	[RK_WHY_BUFFER_SAME] = EN_JA("still a text buffer of the same size",
				     "同じ大きさの文字列バッファのまま"),
	[RK_WHY_SAME_RULE] = EN_JA("the same value rule, written differently",
				   "書き方が変わっただけで値の規則は同じ"),
};

#define PICK(table, i, lang) \
	((table)[(i)][(lang) == RK_LANG_JA] ? (table)[(i)][(lang) == RK_LANG_JA] : "?")

const char *rk_dw(enum rk_lang lang, enum rk_word w)
{
	return PICK(words, w, lang);
}

const char *rk_dw_subject(enum rk_lang lang, enum rk_subject s)
{
	return PICK(subjects, s, lang);
}

const char *rk_dw_kind(enum rk_lang lang, enum rk_change_kind k)
{
	return PICK(kinds, k, lang);
}

const char *rk_dw_axis(enum rk_lang lang, enum rk_axis a)
{
	return PICK(axes, a, lang);
}

const char *rk_dw_why(enum rk_lang lang, enum rk_why w)
{
	return PICK(whys, w, lang);
}

const char *rk_dw_verdict(enum rk_lang lang, bool breaking)
{
	return rk_dw(lang, breaking ? RK_W_BREAKING : RK_W_COMPATIBLE);
}

/* The phrases with numbers or names in them, built without printf
 * formats taken from tables (so the compiler checks every format). */

void rk_dw_title(enum rk_lang lang, const char *old_name,
		 const char *new_name, bool html, struct rk_buf *b)
{
	if (lang == RK_LANG_JA && html)
		rk_buf_addf(b, "新旧対照表 %s → %s", old_name, new_name);
	else if (lang == RK_LANG_JA)
		rk_buf_addf(b, "%s から %s への変更", old_name, new_name);
	else if (html)
		rk_buf_addf(b, "Old and new layouts compared: %s → %s",
			    old_name, new_name);
	else
		rk_buf_addf(b, "Changes from %s to %s", old_name, new_name);
}

void rk_dw_breaking_for(enum rk_lang lang, enum rk_axis a, struct rk_buf *b)
{
	if (lang == RK_LANG_JA)
		rk_buf_addf(b, "%sで非互換", rk_dw_axis(lang, a));
	else
		rk_buf_addf(b, "breaking for %s", rk_dw_axis(lang, a));
}

void rk_dw_count(enum rk_lang lang, size_t n, struct rk_buf *b)
{
	if (lang == RK_LANG_JA)
		rk_buf_addf(b, "%zu 件", n);
	else
		rk_buf_addf(b, "%zu change%s", n, n == 1 ? "" : "s");
}

const char *rk_dw_list_sep(enum rk_lang lang)
{
	return lang == RK_LANG_JA ? "、" : ", ";
}

void rk_dw_lint_counts(enum rk_lang lang, size_t warnings, size_t errors,
		       struct rk_buf *b)
{
	if (lang == RK_LANG_JA)
		rk_buf_addf(b, "警告 %zu 件、誤り %zu 件", warnings, errors);
	else
		rk_buf_addf(b, "%zu warning%s, %zu error%s", warnings,
			    warnings == 1 ? "" : "s", errors,
			    errors == 1 ? "" : "s");
}
