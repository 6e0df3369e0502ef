#!/bin/sh
# renkei fmt: the golden pairs of tests/fmt, and the round trip of every
# layout of the tree (layouts/*/ and tests/fmt/).  See tests/README.md.
#
#   sh tests/fmt-roundtrip.sh              run everything
#   REGENERATE=1 sh tests/fmt-roundtrip.sh rewrite tests/fmt/*.expected
#
# For each tests/fmt/NAME.layout: `renkei fmt` prints NAME.expected, and
# formatting NAME.expected again changes nothing.  For every layout file:
# fmt of fmt is identical; and the formatted revision (each file of the
# revision formatted into a copy of its directory) checks to the same
# summary line (records, groups, items, code tables, types), `renkei diff`
# finds no change between the two, and `renkei xsd` writes the same schema.
# Finally `renkei fmt --check layouts/*/` passes: the layouts are canonical.
set -u
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
make_tmpdir
regenerate=${REGENERATE:-0}

# fmt_file FILE OUT: formats FILE into OUT; reports a failure and returns
# non-zero if renkei did not format it.
fmt_file() {
	run_renkei fmt --color=never "$1" >"$2" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 0 ] && return 0
	failed "renkei fmt $1: exit $st $(describe_status "$st")"
	cat "$tmp/err"
	return 1
}

# The golden pairs, run from tests/fmt so that paths stay relative.
cd "$top_srcdir/tests/fmt" || exit 99
for src in *.layout; do
	name=${src%.layout}
	fmt_file "$src" "$tmp/$name.out" || continue
	if [ "$regenerate" = 1 ]; then
		cmp -s "$tmp/$name.out" "$name.expected" ||
			echo "regenerated $name.expected"
		cp "$tmp/$name.out" "$name.expected"
	elif [ ! -f "$name.expected" ]; then
		failed "tests/fmt/$src: no $name.expected (REGENERATE=1 writes it)"
		continue
	elif ! cmp -s "$name.expected" "$tmp/$name.out"; then
		failed "tests/fmt/$src: fmt output differs from $name.expected"
		diff -u "$name.expected" "$tmp/$name.out" | sed "s|$tmp/||"
		continue
	fi
	passed
	cp "$name.expected" "$tmp/$name.again.layout"
	fmt_file "$tmp/$name.again.layout" "$tmp/$name.again" || continue
	if cmp -s "$name.expected" "$tmp/$name.again"; then
		passed
	else
		failed "tests/fmt/$name.expected: not idempotent (fmt changes it)"
		diff -u "$name.expected" "$tmp/$name.again" | sed "s|$tmp/||"
	fi
done
for e in *.expected; do
	[ -f "${e%.expected}.layout" ] ||
		failed "tests/fmt/$e: no ${e%.expected}.layout beside it"
done
cd "$top_srcdir" || exit 99

# summary_of PATH: the summary line of `renkei check PATH`, without PATH.
summary_of() {
	run_renkei check --color=never "$1" 2>/dev/null | sed 's/^[^:]*: //'
}

# same_model ORIG COPY: checks that the formatted COPY of revision ORIG
# (a directory, or one file) is the same revision.
same_model() {
	want=$(summary_of "$1") got=$(summary_of "$2")
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		passed
	else
		failed "$1: formatted, the revision checks differently:" \
			"'$want' before, '$got' after"
		run_renkei check --color=never "$2" 2>&1 >/dev/null |
			sed "s|$tmp/||" | head -20
		return
	fi
	if [ "$has_diff" = 1 ]; then
		if run_renkei diff --color=never "$1" "$2" 2>&1 |
		   grep -q ': 0 changes$'; then
			passed
		else
			failed "$1: renkei diff finds changes once formatted"
			run_renkei diff --color=never "$1" "$2" 2>&1 |
				sed "s|$tmp/||" | head -20
		fi
	fi
	if [ "$has_xsd" = 1 ] && [ -d "$1" ]; then
		run_renkei xsd "$1" >"$tmp/xsd.want" 2>/dev/null
		run_renkei xsd "$2" >"$tmp/xsd.got" 2>/dev/null
		if cmp -s "$tmp/xsd.want" "$tmp/xsd.got"; then
			passed
		else
			failed "$1: renkei xsd writes another schema once formatted"
			diff -u "$tmp/xsd.want" "$tmp/xsd.got" | head -20
		fi
	fi
}
has_diff=0 has_xsd=0
run_renkei help diff >/dev/null 2>&1 && has_diff=1
run_renkei help xsd >/dev/null 2>&1 && has_xsd=1

# roundtrip FILE DIR: formats FILE into DIR (the copy of its revision),
# and checks that formatting the result changes nothing.
roundtrip() {
	out="$2/$(basename "$1")"
	fmt_file "$1" "$out" || return
	fmt_file "$out" "$tmp/again" || return
	if cmp -s "$out" "$tmp/again"; then
		passed
	else
		failed "$1: fmt is not idempotent on it"
		diff -u "$out" "$tmp/again" | sed "s|$tmp/||" | head -40
	fi
}

for dir in layouts/*/; do
	dir=${dir%/}
	copy="$tmp/layouts/$(basename "$dir")"
	mkdir -p "$copy"
	for f in "$dir"/*.layout; do
		roundtrip "$f" "$copy"
	done
	same_model "$dir" "$copy"
done
# Each tests/fmt file is a revision of its own.
mkdir -p "$tmp/fmt"
for f in tests/fmt/*.layout; do
	roundtrip "$f" "$tmp/fmt"
	same_model "$f" "$tmp/fmt/$(basename "$f")"
done

# The layouts of the tree are in canonical form.
if out=$(run_renkei fmt --check --color=never layouts/*/ 2>&1); then
	passed
else
	failed "renkei fmt --check layouts/*/: not canonical (run renkei fmt -w layouts/):"
	printf '%s\n' "$out"
fi
summary
