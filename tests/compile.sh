#!/bin/sh
# `renkei compile` and the code in generated/:
#  - every revision of layouts/ gives exactly what generated/ holds (the
#    difference is printed; `make generated` writes it again), generated/
#    holds no other revision, and tests/tests.mk links each one into
#    tests/compile/link_generated;
#  - two runs give the same bytes, and --capacity changes only the
#    capacity;
#  - every generated source, and the example program of docs/compile.md,
#    compiles under gcc and clang (those installed) with
#    -std=c99 -Wall -Wextra -Werror -pedantic and a few more warnings;
#  - the naming rules, on a layout made to clash in every way the
#    generator settles (names are checked in its output, and the output
#    compiles too);
#  - bad cases: a revision name that cannot prefix C names and a layout
#    with errors (exit 1, nothing written), an output directory that
#    cannot be created or written, usage errors (exit 2).
#
# The generated code is compiled against the runtime's headers in the
# source tree; set RUNTIME_CFLAGS to build against another copy, such as
# the installed one: RUNTIME_CFLAGS=$(pkg-config --cflags renkei).
#
# Environment: top_srcdir, RENKEI, RENKEI_WRAPPER as `make check` sets
# them.  Exit status: 0 pass, 1 fail, 99 hard error.
set -u
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
make_tmpdir
cd "$top_srcdir" || exit 99
LC_ALL=C
export LC_ALL

: "${RUNTIME_CFLAGS:=-I$top_srcdir/src/runtime}"
strict="-std=c99 -Wall -Wextra -Werror -pedantic -Wshadow -Wconversion
	-Wstrict-prototypes -Wmissing-prototypes -Wcast-qual -Wwrite-strings"
# GNU C, where linux and unix are macros
gnu="-std=gnu99 -Wall -Wextra -Werror"
compilers=
for cc in gcc clang; do
	command -v "$cc" >/dev/null 2>&1 && compilers="$compilers $cc"
done
[ -n "$compilers" ] || echo "compile.sh: neither gcc nor clang found; nothing compiled"

# compile FLAGS FILE.c [MORE_FLAGS...]: compiles FILE with every compiler
# and the flags FLAGS names ($strict or $gnu), one check each (the errors
# are printed).
compile() {
	eval "flags=\$$1"
	src=$2
	shift 2
	for cc in $compilers; do
		# shellcheck disable=SC2086 # flag lists
		if $cc $flags $RUNTIME_CFLAGS "$@" -c "$src" -o "$tmp/out.o" \
			>"$tmp/cc.out" 2>&1; then
			passed
		else
			failed "$cc $flags does not compile $src:"
			sed 's/^/    /' "$tmp/cc.out" | head -40
		fi
	done
}

lower() {
	echo "$1" | tr 'A-Z' 'a-z'
}

# --- generated/ is what the layouts give -------------------------------------

for dir in layouts/*/; do
	rev=$(basename "$dir")
	name=$(lower "$rev")
	out=$tmp/gen/$rev
	if ! run_renkei compile -q "layouts/$rev" -o "$out" >"$tmp/log" 2>&1; then
		failed "renkei compile layouts/$rev:"
		cat "$tmp/log"
		continue
	fi
	if [ -s "$tmp/log" ]; then
		failed "renkei compile -q layouts/$rev printed:"
		cat "$tmp/log"
	fi
	# (an in-tree build leaves objects beside the files in generated/)
	if [ "$(cd "$out" && echo *)" != "$name.c $name.h" ]; then
		failed "renkei compile layouts/$rev wrote $(cd "$out" && echo *)"
	elif { diff -u "generated/$rev/$name.h" "$out/$name.h"
	       diff -u "generated/$rev/$name.c" "$out/$name.c"; } >"$tmp/diff" 2>&1 &&
	     [ ! -s "$tmp/diff" ]; then
		passed
	else
		failed "generated/$rev differs from what layouts/$rev gives (run 'make generated'):"
		head -100 "$tmp/diff"
	fi
	grep -q "generated/$rev/$name\.c" tests/tests.mk ||
		failed "tests/tests.mk does not link generated/$rev into tests/compile/link_generated"
	run_renkei compile -q "layouts/$rev" -o "$tmp/again/$rev" >/dev/null 2>&1
	if diff -r "$out" "$tmp/again/$rev" >/dev/null; then
		passed
	else
		failed "two runs on layouts/$rev give different code"
	fi
	for src in "$out/$name.c" "generated/$rev/$name.c"; do
		[ -f "$src" ] && compile strict "$src"
	done
done
for dir in generated/*/; do
	[ -d "layouts/$(basename "$dir")" ] ||
		failed "$dir has no revision in layouts/ (remove it)"
done

# --capacity: the macro, and only it, changes.
run_renkei compile -q --capacity=3 layouts/R06 -o "$tmp/cap" >/dev/null 2>&1
if diff "$tmp/gen/R06/r06.h" "$tmp/cap/r06.h" | grep '^[<>]' >"$tmp/diff" &&
   [ "$(cat "$tmp/diff")" = "< #define R06_CAPACITY 16
> #define R06_CAPACITY 3" ] && cmp -s "$tmp/gen/R06/r06.c" "$tmp/cap/r06.c"; then
	passed
else
	failed "--capacity=3 changed more than R06_CAPACITY:"
	diff "$tmp/gen/R06/r06.h" "$tmp/cap/r06.h" | head -20
fi

# The example of docs/compile.md, against the revision it is written for.
awk '/^```c$/ { getline first; if (first ~ /^\/\* kaigo\.c:/) { on = 1; print first }; next }
     /^```$/ { on = 0 } on' docs/compile.md >"$tmp/kaigo.c"
if [ -s "$tmp/kaigo.c" ]; then
	compile strict "$tmp/kaigo.c" -Igenerated/R06
else
	failed "docs/compile.md has no example program (a C block opening with '/* kaigo.c:')"
fi

# --- naming rules -----------------------------------------------------------

mkdir "$tmp/names" || exit 99
long=$(awk 'BEGIN { for (i = 0; i < 1500; i++) printf "長" }')
cat >"$tmp/names/t1.layout" <<EOF
revision T1 {
  title    "names */ /* ??= ??/";
  released 2024-06-17;
}

codes status "状態 */" {
  "0"      unknown "不明";
  "1"      ok      "正常??=";
  "a-b";
  "要";
  "a_2D_B";
  "9"      nashi   "なし"   deprecated;
}

record a "衝突 1" {
  group b_c "グループ" {
    x "項目" : code(status);
  }
}

record a_b "衝突 2" {
  group c "グループ" {
    y "項目" : digits(1);
  }
}

record m "メンバー" {
  tel       "電話"   : ascii(13)  [0..3];
  n_tel     "件数"   : digits(2);
  bool      "真偽"   : flag;
  linux     "OS"     : flag;
  UINT8_MAX "最大"   : digits(3);
  T1_X      "接頭辞" : flag;
  big       "大きい" : text(2000) [0..*];
  many      "多い"   : digits(1)  [1..100000];
  naga      "$long" : date;

  group g "グループ" [2..*] {
    has_h "項目" : flag;

    group h "入れ子" {
      z "数" : number(7,2) signed;
    }
  }
}
EOF
run_renkei compile --color=never "$tmp/names" -o "$tmp/names/out" >"$tmp/log" 2>&1
status=$?
if [ "$status" -ne 0 ]; then
	failed "renkei compile on the clashing layout: exit $status"
	cat "$tmp/log"
fi
h=$tmp/names/out/t1.h
c=$tmp/names/out/t1.c

# expect_in FILE PATTERN WHY: FILE has a line matching the grep pattern.
expect_in() {
	if grep -q -e "$2" "$1" 2>/dev/null; then
		passed
	else
		failed "$3: no '$2' in $(basename "$1")"
	fi
}
expect_in "$h" 'T1_STATUS_UNKNOWN = 0,' 'the constant for no value'
expect_in "$h" 'T1_STATUS_UNKNOWN_ = 1,.*"0" 不明' 'a value named unknown'
expect_in "$h" 'T1_STATUS_A_2D_B_ = 3,.*"a-b"' 'a value named by its bytes, clashing'
expect_in "$h" 'T1_STATUS_E8A681 = 4,.*"要"' 'a value named by its bytes'
expect_in "$h" 'T1_STATUS_A_2D_B = 5,.*"a_2D_B"' 'a value named by itself'
expect_in "$h" 'T1_STATUS_NASHI = 6,.*"9" なし (deprecated)' 'a deprecated value'
expect_in "$h" '^struct t1_a_b_c {' 'the first of two clashing structs'
expect_in "$h" '^struct t1_a_b_c_ {' 'the second of two clashing structs'
expect_in "$h" 'struct t1_a_b_c_ c;' 'the member of the renamed struct'
expect_in "$h" '	size_t n_tel;' 'the count of tel'
expect_in "$h" '	char n_tel_\[9\];' 'an item named like a count'
expect_in "$h" '	char has_h_\[5\];' 'an item named like a presence flag'
expect_in "$h" '	bool has_h;' 'a presence flag'
expect_in "$h" '	char bool_\[5\];' 'an item named like a macro of stdbool.h'
expect_in "$h" '	char linux_\[5\];' 'an item named like a predefined macro'
expect_in "$h" '	char UINT8_MAX_\[13\];' 'an item named like a macro of stdint.h'
expect_in "$h" '	char T1_X_\[5\];' "an item named like the revision's macros"
expect_in "$h" '	char tel\[3\]\[53\];' 'a repeated item'
expect_in "$h" '	char big\[T1_CAPACITY\]\[8001\];' 'an unbounded item'
expect_in "$h" '	char many\[T1_CAPACITY\]\[5\];' 'an item bound above 65535'
expect_in "$h" '	struct t1_m_g g\[T1_CAPACITY\];' 'an unbounded group'
expect_in "$h" '^#define T1_CAPACITY 16$' 'the default capacity'
expect_in "$c" 'static const char t1_string_1\[\] = {' 'a label too long for a literal'
expect_in "$c" '\.label = t1_string_1,' 'the long label in its node'
expect_in "$c" '"正常?\\?="' 'a trigraph escaped'
expect_in "$c" '\.min = 1, \.max = 100000,' 'the bound above 65535 kept in the node'
for w in "group 'a_b/c' is 'struct t1_a_b_c_'" "item 'n_tel' is the member 'n_tel_'" \
	 "item 'bool' is the member 'bool_'" "gets the C constant suffix UNKNOWN_"; do
	expect_in "$tmp/log" "t1.layout:[0-9]*:[0-9]*: warning: .*$w" 'a warning'
done
if grep -q '\*/.*\*/' "$h" "$c"; then
	failed "a comment ends early: $(grep -h '\*/.*\*/' "$h" "$c" | head -3)"
else
	passed
fi
if [ -f "$c" ]; then
	compile strict "$c"
	compile gnu "$c"
fi

# --- bad cases -------------------------------------------------------------------

# expect STATUS PATTERN ARGS...: renkei compile exits STATUS and prints a
# line matching PATTERN.
expect() {
	want=$1 pattern=$2
	shift 2
	out=$(run_renkei compile --color=never "$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -- "$pattern"; then
		passed
	else
		failed "renkei compile $*: exit $got (want $want), output:
$out"
	fi
}

mkdir "$tmp/under" || exit 99
printf 'revision _R9 {\n  title "t";\n  released 2024-06-17;\n}\n\nrecord r "r" {\n  a "a" : flag;\n}\n' \
	>"$tmp/under/r.layout"
expect 1 "r.layout:1:10: error: revision name '_R9' cannot prefix C names" \
	"$tmp/under" -o "$tmp/under/out"
[ ! -e "$tmp/under/out" ] && passed || failed "a refused revision was written"

mkdir "$tmp/bad" || exit 99
printf 'revision B {\n  title "t";\n  released 2024-06-17;\n}\n\nrecord r "r" {\n  a "a" : date(3);\n}\n' \
	>"$tmp/bad/r.layout"
expect 1 'error: date takes no arguments' "$tmp/bad" -o "$tmp/bad/out"
[ ! -e "$tmp/bad/out" ] && passed || failed "a layout with errors was written"

: >"$tmp/file"
expect 2 'cannot create' layouts/R06 -o "$tmp/file/sub"
expect 2 'cannot write' layouts/R06 -o "$tmp/file"
expect 2 'give the output directory with -o' layouts/R06
expect 2 'give one layout directory' -o "$tmp/x"
expect 2 'give one layout directory' layouts/R05 layouts/R06 -o "$tmp/x"
expect 2 'capacity takes a number from 1 to 65535' --capacity=0 layouts/R06 -o "$tmp/x"
expect 2 'capacity takes a number from 1 to 65535' --capacity=65536 layouts/R06 -o "$tmp/x"
expect 2 'capacity takes a number from 1 to 65535' --capacity=x layouts/R06 -o "$tmp/x"
expect 2 'cannot open' "$tmp/missing" -o "$tmp/x"
expect 0 'usage: renkei compile' --help
expect 0 'R06: [0-9]* records, [0-9]* code tables in .*/new/deep/r06.h and' layouts/R06 -o "$tmp/new/deep"

summary
