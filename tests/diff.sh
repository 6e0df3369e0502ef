#!/bin/sh
# `renkei diff`: golden reports in every format and both languages for each
# pair of revisions under tests/diff/ (CASE/old, CASE/new, and the goldens
# CASE/report.LANG.EXT); the R05 -> R06 diff of layouts/ against the changes
# layouts/README.md lists; --fail-on exit statuses; usage errors; and that
# the man page documents every option of the help.
#
# REGENERATE=1 rewrites the golden reports from the tool's output (then
# review them with git diff before committing).
set -u
cd "$top_srcdir" || exit 99
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { printf 'FAIL: %s\n' "$*"; fail=$((fail + 1)); }
run() { $RENKEI_WRAPPER "$RENKEI" "$@"; }

# ---- golden reports ----

for dir in tests/diff/*/; do
	dir=${dir%/}
	[ -d "$dir/old" ] || continue
	for lang in en ja; do
		for f in text:txt markdown:md html:html json:json csv:csv; do
			format=${f%:*} golden=$dir/report.$lang.${f#*:}
			if ! run diff --color=never --format="$format" --lang="$lang" \
				"$dir/old" "$dir/new" >"$tmp/out" 2>"$tmp/err"; then
				bad "renkei diff --format=$format --lang=$lang $dir: $(cat "$tmp/err")"
				continue
			fi
			if [ "${REGENERATE:-0}" = 1 ]; then
				cp "$tmp/out" "$golden"
				ok
			elif cmp -s "$tmp/out" "$golden"; then
				ok
			else
				bad "$golden differs (REGENERATE=1 to accept):"
				diff -u "$golden" "$tmp/out" | head -40
			fi
		done
	done
done

# ---- R05 -> R06 against layouts/README.md ----

# One line per change of the JSON report: "subject kind old new | old
# value | new value", where old and new are record.path or table.value or
# the name, "-" where the side is absent.  (The report writes each change's
# keys one per line, which this reads.)
changes_of() {
	awk '
	function field(line, key,    i, rest) {
		i = index(line, "\"" key "\": ")
		if (i == 0) return "-"
		rest = substr(line, i + length(key) + 4)
		if (substr(rest, 1, 4) == "null") return "-"
		rest = substr(rest, 2)
		return substr(rest, 1, index(rest, "\"") - 1)
	}
	function side(line,    n, p) {
		if (line ~ /^      "(old|new)": null/) return "-"
		n = field(line, "name"); p = field(line, "path")
		return p == "-" ? n : n "." p
	}
	/^      "subject": / { subject = field($0, "subject") }
	/^      "kind": / { kind = field($0, "kind") }
	/^      "old": / { old = side($0); ov = field($0, "value") }
	/^      "new": / {
		new = side($0); nv = field($0, "value")
		print subject " " kind " " old " " new " | " ov " | " nv
	}' "$1"
}

# What layouts/README.md lists for R05 -> R06, in its order, with the
# version raises it states.  "| *" leaves the values unchecked.
cat >"$tmp/expected" <<'EOF'
revision renamed R05 R06 | R05 | R06
revision title R05 R06 | *
revision released R05 R06 | 2023-06-12 | 2024-06-17
revision previous R05 R06 | R04 | R05
codes added - kokka_shikaku | - | -
code added - vaccine.17 | - | -
code added - vaccine.18 | - | -
code deprecated vaccine.02 vaccine.02 | - | -
code added - kenshin_shurui.05 | - | -
code added - kenshin_shurui.06 | - | -
code added - shogai_service.49 | - | -
record renamed kenko_hoken iryo_hoken_shikaku | kenko_hoken | iryo_hoken_shikaku
record label kenko_hoken iryo_hoken_shikaku | 健康保険 資格情報 | 医療保険 資格情報
record added - shikaku_toroku | - | -
record added - shikaku_shiken | - | -
item length_widened kaigo_hihokensha.soshitsu_jiyu_naiyo kaigo_hihokensha.soshitsu_jiyu_naiyo | text(20) | text(40)
item version_raised kaigo_hihokensha.soshitsu_jiyu_naiyo kaigo_hihokensha.soshitsu_jiyu_naiyo | 1 | 2
item removed kenko_hoken.hihokenshasho_kofu_date - | date [0..1] | -
item added - iryo_hoken_shikaku.kakunin_sho_kofu_date | - | date [0..1]
item length_widened shogai_fukushi_jukyusha.shikyu_kettei.keiyaku.jigyosho_meisho shogai_fukushi_jukyusha.shikyu_kettei.keiyaku.jigyosho_meisho | text(40) | text(80)
item version_raised shogai_fukushi_jukyusha.shikyu_kettei.keiyaku.jigyosho_meisho shogai_fukushi_jukyusha.shikyu_kettei.keiyaku.jigyosho_meisho | 1 | 2
group max_raised kouhi_jukyusha.shitei_iryokikan kouhi_jukyusha.shitei_iryokikan | [0..5] | [0..10]
group version_raised kouhi_jukyusha.shitei_iryokikan kouhi_jukyusha.shitei_iryokikan | 1 | 2
item added - kouhi_jukyusha.pmh_renkei | - | flag [0..1]
item required nanbyo_iryohi.jiko_futan_jogen nanbyo_iryohi.jiko_futan_jogen | [0..1] | [1..1]
item version_raised nanbyo_iryohi.jiko_futan_jogen nanbyo_iryohi.jiko_futan_jogen | 1 | 2
item added - chiho_zei.teigaku_genzei | - | number(9) [0..1]
EOF
if run diff --format=json layouts/R05 layouts/R06 >"$tmp/r06.json" 2>"$tmp/err"; then
	changes_of "$tmp/r06.json" >"$tmp/actual"
	while IFS= read -r want; do
		case $want in
		*' | *') grep -F -q -- "${want% | \*} |" "$tmp/actual" ;;
		*) grep -F -x -q -- "$want" "$tmp/actual" ;;
		esac && ok || bad "R05 -> R06: missing: $want"
	done <"$tmp/expected"
	# Nothing beyond what the README lists ("everything not listed here is
	# identical"), and nothing breaks the version lint.
	if [ "$(wc -l <"$tmp/actual")" -eq "$(wc -l <"$tmp/expected")" ]; then
		ok
	else
		bad "R05 -> R06: $(wc -l <"$tmp/actual") changes, the README lists $(wc -l <"$tmp/expected"):"
		cat "$tmp/actual"
	fi
	grep -q '"lint": { "warnings": 0, "errors": 0 }' "$tmp/r06.json" && ok ||
		bad "R05 -> R06: version lint findings"
else
	bad "renkei diff layouts/R05 layouts/R06: $(cat "$tmp/err")"
fi

# Every pair of consecutive revisions in layouts/ passes the version lint.
for pair in R03:R04 R04:R05 R05:R06; do
	run diff --format=json "layouts/${pair%:*}" "layouts/${pair#*:}" 2>/dev/null |
		grep -q '"lint": { "warnings": 0, "errors": 0 }' && ok ||
		bad "version lint findings in layouts ${pair%:*} -> ${pair#*:}"
done

# ---- exit statuses ----

# expect STATUS PATTERN -- ARGS...: runs renkei, checks its exit status and
# that its output (stdout and stderr) matches the grep pattern.
expect() {
	want=$1 pattern=$2
	shift 3
	out=$(run "$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -- "$pattern"; then
		ok
	else
		bad "renkei $*: exit $got (want $want), output:"
		printf '%s\n' "$out" | head -20
	fi
}

# Only consumers break: a length widened under the same revision name.
mkdir -p "$tmp/a" "$tmp/b" "$tmp/bad"
printf 'revision X { title "x"; released 2024-01-01; }\nrecord r "R" { a "A" : text(10); }\n' >"$tmp/a/x.layout"
printf 'revision X { title "x"; released 2024-01-01; }\nrecord r "R" { a "A" : text(20); }\n' >"$tmp/b/x.layout"
printf 'revision X { title "x"; released 2024-01-01; }\nrecord r "R" { a "A" : text(0); }\n' >"$tmp/bad/x.layout"

kinds="tests/diff/kinds/old tests/diff/kinds/new"
same="tests/diff/same/old tests/diff/same/new"
expect 0 'length widened' -- diff "$tmp/a" "$tmp/b"
expect 0 '' -- diff --fail-on=producers "$tmp/a" "$tmp/b"
expect 1 'length widened' -- diff --fail-on=consumers "$tmp/a" "$tmp/b"
expect 0 '' -- diff --fail-on=source "$tmp/a" "$tmp/b"
expect 1 '' -- diff --fail-on=any "$tmp/a" "$tmp/b"
expect 1 '' -- diff --fail-on producers $kinds
expect 1 '' -- diff --fail-on source $kinds
expect 0 'no changes' -- diff --fail-on=any $same
expect 0 'Changes from X to X' -- diff "$tmp/a/x.layout" "$tmp/b/x.layout"
# -q: no report, the status alone.
out=$(run diff -q --fail-on=consumers "$tmp/a" "$tmp/b" 2>&1)
[ $? -eq 1 ] && [ -z "$out" ] && ok || bad "diff -q printed '$out' or kept the wrong status"
# -o FILE
expect 0 '' -- diff --format=json -o "$tmp/out.json" "$tmp/a" "$tmp/b"
grep -q '"kind": "length_widened"' "$tmp/out.json" && ok || bad "-o did not write the report"
expect 2 'cannot open' -- diff -o "$tmp/no/such/dir/out" "$tmp/a" "$tmp/b"
# Usage and unreadable input.
expect 2 'give two revisions' -- diff "$tmp/a"
expect 2 'give two revisions' -- diff "$tmp/a" "$tmp/b" "$tmp/b"
expect 2 "format takes" -- diff --format=pdf "$tmp/a" "$tmp/b"
expect 2 "lang takes" -- diff --lang=fr "$tmp/a" "$tmp/b"
expect 2 "fail-on takes" -- diff --fail-on=everything "$tmp/a" "$tmp/b"
expect 2 "see 'renkei help diff'" -- diff --bogus "$tmp/a" "$tmp/b"
expect 2 'cannot open' -- diff "$tmp/missing" "$tmp/b"
expect 2 'has errors' -- diff "$tmp/bad" "$tmp/b"
expect 0 'usage: renkei diff' -- diff --help
expect 0 'usage: renkei diff' -- help diff
# Colour only on a terminal or when asked.
expect 0 "$(printf '\033')\\[" -- diff --color=always "$tmp/a" "$tmp/b"
run diff "$tmp/a" "$tmp/b" 2>&1 | grep -q "$(printf '\033')" &&
	bad "colour written to a pipe" || ok
run diff --color=always --format=json "$tmp/a" "$tmp/b" 2>&1 | grep -q "$(printf '\033')" &&
	bad "colour in JSON" || ok

# The HTML page stands alone: nothing to fetch.
run diff --format=html layouts/R05 layouts/R06 >"$tmp/page.html" 2>/dev/null
if grep -E -q '<(link|script|img)|src=|url\(|@import|https?:' "$tmp/page.html"; then
	bad "the HTML report refers to something outside the page"
else
	ok
fi

# ---- the man page documents the help's options, and only those ----

run help diff >"$tmp/help"
man=docs/renkei-diff.1
for opt in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
	grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$man" && ok ||
		bad "$man does not document $opt"
done
for opt in $(grep -o -- '\\-\\-[a-z][a-z\\-]*' "$man" | sed 's/\\//g' | sort -u); do
	grep -q -- "$opt" "$tmp/help" && ok || bad "$man documents $opt, the help does not"
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
