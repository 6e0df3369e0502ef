#!/bin/sh
# The corpus of bad layouts (tests/bad): `renkei check` of each case must
# print exactly its .expected file (stderr, then "exit: N"), and must never
# crash or hang.  See tests/README.md for the conventions.
#
#   sh tests/bad-layouts.sh [CASE...]     run every case, or those named
#   REGENERATE=1 sh tests/bad-layouts.sh  rewrite the .expected files
set -u
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
make_tmpdir
cd "$top_srcdir/tests/bad" || exit 99
regenerate=${REGENERATE:-0}

# check_case NAME ARG: runs `renkei check ARG` from the current directory
# and compares what it prints with tests/bad/NAME.expected.
check_case() {
	name=$1 arg=$2 out="$tmp/$1.out"
	run_renkei check --color=never "$arg" >/dev/null 2>"$tmp/stderr"
	status=$?
	{ cat "$tmp/stderr"; echo "exit: $status"; } >"$out"
	problem=$(describe_status "$status")
	if [ -n "$problem" ]; then
		failed "$name: $problem"
		cat "$tmp/stderr"
		return
	fi
	# An -ok- case must be accepted, any other refused: REGENERATE must
	# not quietly record a bad layout let through.
	case $name in
	[0-9][0-9][0-9]-ok-*) want_ok=1 ;;
	*) want_ok=0 ;;
	esac
	if [ $want_ok = 1 ] && [ "$status" -ne 0 ]; then
		failed "$name: refused (exit $status), but an -ok- case must pass"
		cat "$tmp/stderr"
		return
	elif [ $want_ok = 0 ] && [ "$status" -eq 0 ]; then
		failed "$name: accepted, but only an -ok- case may be"
		return
	fi
	expected="$top_srcdir/tests/bad/$name.expected"
	if [ "$regenerate" = 1 ]; then
		cmp -s "$out" "$expected" || echo "regenerated $name.expected"
		[ "$status" -lt 2 ] ||
			echo "note: $name: exit $status (the tool gave up) recorded as expected"
		cp "$out" "$expected"
		passed
	elif [ ! -f "$expected" ]; then
		failed "$name: no $name.expected (REGENERATE=1 writes it)"
		cat "$out"
	elif ! cmp -s "$expected" "$out"; then
		# An exit status of 2 or more that the case does not expect
		# (the tool gave up, or valgrind's 99) is one more mismatch.
		failed "$name: output differs from $name.expected"
		diff -u "$expected" "$out" | sed "s|$tmp/||; s|$top_srcdir/||"
	else
		passed
	fi
}

# run_case FILE: one case, whichever its kind.
run_case() {
	case $1 in
	*.layout)
		check_case "${1%.layout}" "$1"
		;;
	*.gen)
		# A generator prints the layout on stdout: renkei reads it
		# under the case's own name, relative, as for the others.
		name=${1%.gen}
		if ! sh "./$1" >"$tmp/$name.layout"; then
			failed "$name: generator $1 failed"
			return
		fi
		cd "$tmp" || exit 99
		check_case "$name" "$name.layout"
		cd "$top_srcdir/tests/bad" || exit 99
		;;
	*)
		[ -d "$1" ] && check_case "$1" "$1"
		;;
	esac
}

# A case is NNN-name.layout, NNN-name.gen or a directory NNN-name/.
if [ $# -gt 0 ]; then
	cases=
	for want in "$@"; do
		for c in "${want%%.*}"*; do
			case $c in *.expected) ;; *) cases="$cases $c" ;; esac
		done
	done
else
	cases=$(ls -d [0-9][0-9][0-9]-* | grep -v '\.expected$')
fi
for c in $cases; do
	run_case "$c"
done

# Every expected output belongs to a case.
if [ $# -eq 0 ]; then
	for e in [0-9][0-9][0-9]-*.expected; do
		n=${e%.expected}
		[ -e "$n.layout" ] || [ -e "$n.gen" ] || [ -d "$n" ] ||
			failed "$e: no case $n.layout, $n.gen or $n/"
	done
fi
summary
