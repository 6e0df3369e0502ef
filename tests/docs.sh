#!/bin/sh
# docs.sh: keeps the user documentation honest.
#
# Checks, against the program and the grammar as they are:
#  - every command `renkei --help` lists has its man page, renkei-CMD.1,
#    and a section of its own in renkei.1;
#  - every long option `renkei help CMD` prints appears in renkei-CMD.1,
#    and the options of `renkei --help` in renkei.1;
#  - every reserved word of grammar/lexer.l appears in
#    docs/layout-language.md (as `word`) and in docs/renkei-layout.5;
#  - every message the lexer, parser and checker can report appears in the
#    list of diagnostics of docs/layout-language.md;
#  - every man page in docs/ is installed by docs/docs.mk;
#  - every ```layout example of docs/layout-language.md, and the example
#    of renkei-layout.5, passes `renkei check` (with a revision header added
#    beside it if it has none) and is in canonical form (but for those
#    fenced "```layout noncanonical");
#  - the man pages format without warnings (when groff is installed), as
#    man(1) formats them for a terminal.
#
# Environment: top_srcdir (the source tree), RENKEI (the program) and
# RENKEI_WRAPPER (a command to run it under, e.g. valgrind), as `make check`
# sets them.  Exit status: 0 pass, 1 fail, 77 skipped, 99 hard error.

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$here/..}"
: "${top_builddir:=$top_srcdir}"
: "${RENKEI:=$top_builddir/src/renkei}"
: "${RENKEI_WRAPPER:=}"
docs=$top_srcdir/docs
lexer=$top_srcdir/grammar/lexer.l

if [ ! -x "$RENKEI" ]; then
	echo "docs.sh: no program at $RENKEI; skipped"
	exit 77
fi
for f in "$docs/renkei.1" "$docs/layout-language.md" "$docs/renkei-layout.5" \
	 "$docs/docs.mk" "$lexer"; do
	if [ ! -f "$f" ]; then
		echo "docs.sh: missing $f"
		exit 1
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/renkei-docs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

renkei() {
	$RENKEI_WRAPPER "$RENKEI" "$@"
}

# A man page as plain words: escapes for '-' undone, font changes dropped.
man_text() {
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' \
	    -e 's/\\(em/--/g' -e 's/\\&//g' "$1"
}

# --- commands and their options -------------------------------------------

renkei --help >"$tmp/usage" 2>&1 || {
	echo "docs.sh: 'renkei --help' failed"
	exit 99
}
# The command table: the indented lines after "commands:" up to a blank one.
commands=$(sed -n '/^commands:/,/^$/ s/^  \([a-z][a-z0-9-]*\) .*/\1/p' "$tmp/usage")
if [ -z "$commands" ]; then
	echo "docs.sh: no commands found in 'renkei --help'"
	exit 99
fi

man_text "$docs/renkei.1" >"$tmp/renkei.1.txt"
for opt in $(grep -o -- '--[a-z][a-z-]*' "$tmp/usage" | sort -u); do
	grep -q -e "$opt" "$tmp/renkei.1.txt" ||
		fail "renkei.1 does not mention $opt (from 'renkei --help')"
done

for cmd in $commands; do
	page=$docs/renkei-$cmd.1
	if [ ! -f "$page" ]; then
		fail "command '$cmd' has no man page (docs/renkei-$cmd.1)"
		continue
	fi
	grep -q "^\.SS \"\{0,1\}renkei $cmd\([ \"]\|$\)" "$docs/renkei.1" ||
		fail "renkei.1 has no section '.SS \"renkei $cmd\"'"
	renkei help "$cmd" >"$tmp/help" 2>&1 ||
		fail "'renkei help $cmd' failed"
	man_text "$page" >"$tmp/page.txt"
	for opt in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
		grep -q -e "$opt" "$tmp/page.txt" ||
			fail "renkei-$cmd.1 does not mention $opt (from 'renkei help $cmd')"
	done
done

# --- reserved words ----------------------------------------------------------

words=$(sed -n 's/^"\([A-Za-z_][A-Za-z0-9_]*\)"[	 ]*return KW_.*/\1/p' "$lexer")
if [ -z "$words" ]; then
	echo "docs.sh: no reserved words found in grammar/lexer.l"
	exit 99
fi
man_text "$docs/renkei-layout.5" >"$tmp/layout.5.txt"
for w in $words; do
	grep -q -F "\`$w\`" "$docs/layout-language.md" ||
		fail "reserved word '$w' is not in docs/layout-language.md"
	grep -q -w -e "$w" "$tmp/layout.5.txt" ||
		fail "reserved word '$w' is not in docs/renkei-layout.5"
done

# --- diagnostics -----------------------------------------------------------------

# Every fixed part of every message the tool reports about layouts (the
# string literals of the reporting calls, cut at each printf conversion)
# must appear in the reference's list of diagnostics.
cat >"$tmp/msgs.awk" <<'AWK'
# Prints, one a line, the fixed parts of every diagnostic message written
# in the C, Flex or Bison sources given: the string literals of the calls
# that report (rk_ck_error, rk_diag_error, rk_diag_warning, rk_diag_note,
# lex_error, rk_buf_addf) and of `return "..."` and `*why = "..."`,
# adjacent literals joined, cut at each printf conversion; parts shorter
# than four characters are left out.
function flush_group() {
	if (group == "")
		return
	n = split(group, parts, /%[-+ #0-9.*]*(ll|l|z|h)?[a-zA-Z]/)
	for (i = 1; i <= n; i++) {
		p = parts[i]
		gsub(/\\"/, "\"", p)
		gsub(/\\\\/, "\\", p)
		sub(/^[ \t]+/, "", p)
		sub(/[ \t]+$/, "", p)
		if (length(p) >= 4)
			print p
	}
	group = ""
}
# The literals of TEXT, adjacent ones (white space between) joined.
function literals(text,    rest, gap) {
	group = ""
	rest = text
	while (match(rest, /"(\\.|[^"\\])*"/)) {
		gap = substr(rest, 1, RSTART - 1)
		if (group != "" && gap !~ /^[ \t\n]*$/)
			flush_group()
		group = group substr(rest, RSTART + 1, RLENGTH - 2)
		rest = substr(rest, RSTART + RLENGTH)
	}
	flush_group()
}
{ src = src $0 "\n" }
END {
	rest = src
	pat = "(rk_ck_error|rk_diag_error|rk_diag_warning|rk_diag_note|lex_error|rk_buf_addf)[ \t\n]*\\(|return[ \t]+\"|\\*why[ \t]*=[ \t]*\""
	while (match(rest, pat)) {
		rest = substr(rest, RSTART)
		end = index(rest, ");")
		semi = index(rest, ";")
		if (rest ~ /^(return|\*why)/)
			end = semi
		if (end == 0)
			break
		literals(substr(rest, 1, end))
		rest = substr(rest, end + 1)
	}
}
AWK
for src in "$top_srcdir"/src/source.c "$top_srcdir"/src/load.c \
	   "$top_srcdir"/src/parse.c "$top_srcdir"/src/check*.c \
	   "$top_srcdir"/grammar/lexer.l "$top_srcdir"/grammar/parser.y; do
	[ -f "$src" ] || continue
	awk -f "$tmp/msgs.awk" "$src" | sort -u | while IFS= read -r part; do
		grep -q -F -e "$part" "$docs/layout-language.md" ||
			echo "FAIL: message part '$part' ($(basename "$src")) is not in docs/layout-language.md"
	done
done >"$tmp/msgs.out"
if [ -s "$tmp/msgs.out" ]; then
	cat "$tmp/msgs.out"
	failures=$((failures + $(wc -l <"$tmp/msgs.out")))
fi

# --- installation --------------------------------------------------------------

for page in "$docs"/*.[1-8]; do
	name=docs/$(basename "$page")
	grep -q -F "$name" "$docs/docs.mk" ||
		fail "$name is not installed by docs/docs.mk"
done

# --- examples ------------------------------------------------------------------

# check_example FILE WHAT [canonical]: FILE must pass `renkei check` (a
# revision header is added beside it when it has none) and, if asked, be in
# canonical form.
examples=0
check_example() {
	examples=$((examples + 1))
	rev=$tmp/rev$examples
	mkdir "$rev" || exit 99
	cp "$1" "$rev/example.layout"
	grep -q '^[ 	]*revision[ 	]' "$1" ||
		printf 'revision DOC {\n  title "docs";\n  released 2024-06-17;\n}\n' \
			>"$rev/0header.layout"
	if ! renkei check --quiet --color=never "$rev" >"$tmp/out" 2>&1; then
		fail "$2 does not pass 'renkei check':"
		sed 's/^/    /' "$tmp/out"
	fi
	if [ "${3:-}" = canonical ] &&
	   ! renkei fmt --check --color=never "$rev/example.layout" >"$tmp/out" 2>&1; then
		fail "$2 is not in canonical form ('renkei fmt' prints it otherwise)"
	fi
}

# The ```layout blocks of the reference; "```layout noncanonical" marks one
# that is meant not to be in canonical form.
mkdir "$tmp/ex" || exit 99
awk -v dir="$tmp/ex" '
	/^```layout( noncanonical)?[ \t]*$/ {
		n++; inside = 1; line = NR
		file = sprintf("%s/%d-%s.layout", dir, NR, $2 == "noncanonical" ? "any" : "canonical")
		next
	}
	/^```/ && inside { inside = 0; close(file); next }
	inside { print > file }
	END { if (inside) { print "unclosed layout block at line " line; exit 1 } }
' "$docs/layout-language.md" >"$tmp/awk.out" 2>&1 ||
	fail "docs/layout-language.md: $(cat "$tmp/awk.out")"
for ex in "$tmp"/ex/*.layout; do
	[ -f "$ex" ] || continue
	base=$(basename "$ex" .layout)
	check_example "$ex" "the example at line ${base%%-*} of docs/layout-language.md" \
		"${base#*-}"
done
[ "$examples" -gt 0 ] || fail "no layout examples found in docs/layout-language.md"

# The example of renkei-layout(5): the .EX block of its EXAMPLES section.
sed -n '/^\.SH EXAMPLES/,/^\.SH/p' "$docs/renkei-layout.5" |
	sed -n '/^\.EX/,/^\.EE/p' | sed -e '/^\.E[XE]/d' -e 's/\\-/-/g' \
	>"$tmp/man5.layout"
if [ -s "$tmp/man5.layout" ]; then
	check_example "$tmp/man5.layout" "the example of renkei-layout.5" canonical
else
	fail "renkei-layout.5 has no example"
fi

# --- man pages format cleanly ---------------------------------------------------

if command -v groff >/dev/null 2>&1; then
	for page in "$docs"/*.[1-8]; do
		# As man(1) formats them for a terminal: UTF-8 input (-k), so
		# that Japanese in an example is no warning.
		out=$(groff -k -Tutf8 -man -ww -z "$page" 2>&1)
		[ -z "$out" ] || fail "$(basename "$page") has groff warnings: $out"
	done
else
	echo "docs.sh: groff not found; man pages not linted"
fi

if [ "$failures" -gt 0 ]; then
	echo "docs.sh: $failures failure(s)"
	exit 1
fi
echo "docs.sh: ok ($(echo "$commands" | wc -w) commands, $(echo "$words" | wc -w) reserved words, $examples examples)"
exit 0
