#!/bin/sh
# The generated code of every revision in generated/, at work through
# tests/roundtrip/driver_rNN (see driver.c), against `renkei validate`:
#
#  - nothing lost: valid samples (one of each record, then 60 records of
#    another seed) read into structs and written back as XML are the same
#    document after canonicalisation (xmllint --noblanks --c14n); read from
#    YAML and written as XML, the same document as the XML sample of the
#    same seed (the same data); written as YAML and read again, the same
#    YAML; and every payload written validates;
#  - the same verdict, rule and path: for every invalid sample (XML, YAML,
#    JSON), what the generated reader reports (it checks each record as it
#    reads) is exactly the rule and path that `renkei validate` reports for
#    it, which is the one expected.tsv names (each sample breaks one rule);
#    and where the rule is one a struct can break (value.*,
#    structure.missing), the generated _validate on the struct read finds
#    exactly that too.
#
# Under RENKEI_WRAPPER (valgrind) the drivers run under it, renkei itself
# (tested under it elsewhere) does not, and the work is cut down: the newest
# revision only, the first valid sample set, every 40th invalid sample.
#
# Environment: top_srcdir, RENKEI, RENKEI_WRAPPER as `make check` sets
# them; the drivers are found beside RENKEI's build tree.  Exit status: 0
# pass, 1 fail, 77 skipped (no xmllint), 99 hard error.
set -u
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
make_tmpdir
LC_ALL=C
export LC_ALL
builddir=$(cd "$(dirname "$RENKEI")/.." && pwd) || exit 99

if ! command -v xmllint >/dev/null 2>&1; then
	echo "SKIP: xmllint not found (Debian: libxml2-utils)"
	exit 77
fi

# driver REV ARGS...: runs the revision's driver (under the wrapper).
driver() {
	d=$builddir/tests/roundtrip/driver_$1
	shift
	# shellcheck disable=SC2086 # the wrapper and timeout are word lists
	$rk_timeout_cmd ${rk_wrapper_saved-} "$d" "$@"
}

canon() {
	xmllint --noblanks --c14n "$1"
}

# same A B WHAT: checks that files A and B are equal.
same() {
	if cmp -s "$1" "$2"; then
		passed
	else
		failed "$3"
		diff "$1" "$2" | head -10 | sed 's/^/    /'
	fi
}

# runs_clean STATUS ERRFILE WHAT: checks a run that must find nothing.
runs_clean() {
	if [ "$1" -eq 0 ] && [ ! -s "$2" ]; then
		passed
	else
		failed "$3 (exit $1$(describe_status "$1"))"
		head -5 "$2" | sed 's/^/    /'
	fi
}

# valid REV DIR ARGS...: the round trips of the valid samples ARGS make.
valid() {
	rev=$1 dir=$2
	shift 2
	lay=$top_srcdir/layouts/$dir
	w=$tmp/$rev-valid
	mkdir -p "$w"
	run_renkei sample -l "$lay" "$@" -o "$w/in.xml" >/dev/null &&
		run_renkei sample -l "$lay" "$@" --format yaml -o "$w/in.yaml" >/dev/null ||
		{ failed "$rev: renkei sample $*"; return; }
	canon "$w/in.xml" >"$w/in.c14n" || { failed "$rev: xmllint"; return; }

	driver "$rev" xml "$w/in.xml" >"$w/out.xml" 2>"$w/err"
	runs_clean $? "$w/err" "$rev $*: XML read and written back"
	canon "$w/out.xml" >"$w/out.c14n" 2>&1
	same "$w/in.c14n" "$w/out.c14n" "$rev $*: XML written back differs from the sample"

	driver "$rev" yaml "$w/in.yaml" >"$w/out.yaml" 2>"$w/err"
	runs_clean $? "$w/err" "$rev $*: YAML read and written back"
	driver "$rev" xml "$w/in.yaml" >"$w/yaml.xml" 2>"$w/err"
	runs_clean $? "$w/err" "$rev $*: YAML read and written as XML"
	canon "$w/yaml.xml" >"$w/yaml.c14n" 2>&1
	same "$w/in.c14n" "$w/yaml.c14n" "$rev $*: YAML sample read holds other data than the XML sample"
	driver "$rev" yaml "$w/out.yaml" >"$w/again.yaml" 2>"$w/err"
	runs_clean $? "$w/err" "$rev $*: written YAML read again"
	same "$w/out.yaml" "$w/again.yaml" "$rev $*: YAML written, read and written again differs"

	run_renkei validate -l "$lay" "$w/out.xml" "$w/out.yaml" >"$w/err" 2>&1
	runs_clean $? /dev/null "$rev $*: written payloads do not validate"
}

# The errors of a `renkei validate --format json` report, a line per error:
# file, rule, path.
json_errors() {
	sed -n -e 's/^ *"name": "\(.*\)",$/F\1/p' \
		-e 's/.*"path": \(null\|"[^"]*"\).*"rule": "\([^"]*\)".*/E\2\t\1/p' "$1" |
		awk -F'\t' '/^F/ { f = substr($0, 2); next }
			{ p = $2; if (p == "null") p = ""; gsub(/"/, "", p)
			  print f "\t" substr($1, 2) "\t" p }'
}

# invalid REV DIR FORMAT: every invalid sample of FORMAT.
invalid() {
	rev=$1 dir=$2 format=$3
	lay=$top_srcdir/layouts/$dir
	w=$tmp/$rev-invalid-$format
	run_renkei sample -l "$lay" --invalid --format "$format" -o "$w" >/dev/null ||
		{ failed "$rev: renkei sample --invalid --format $format"; return; }
	run_renkei validate -l "$lay" --format json "$w"/[0-9]* >"$w.json" 2>/dev/null
	json_errors "$w.json" >"$w.validate"
	n=0 agree=0 line=0
	# (tabs would run together in IFS: empty paths need another separator)
	tr '\t' '|' <"$w/expected.tsv" >"$w.expected"
	while IFS='|' read -r file rule path _; do
		[ "$file" = file ] && continue
		line=$((line + 1))
		[ $((line % stride)) -eq 0 ] || continue
		n=$((n + 1))
		driver "$rev" check "$w/$file" >/dev/null 2>"$w.err"
		status=$?
		found=$(grep -v '^validate	' "$w.err" | sort -u)
		checked=$(sed -n 's/^validate	//p' "$w.err" | sort -u)
		want=$(printf '%s\t%s' "$rule" "$path")
		validate=$(awk -F'\t' -v f="$w/$file" '$1 == f { print $2 "\t" $3 }' "$w.validate" | sort -u)
		# _validate alone finds what a struct can hold: bad values and
		# missing items (the other rules are the reader's alone).
		case $rule in
		value.*|structure.missing) checked_ok=$([ "$checked" = "$want" ] && echo y) ;;
		*) checked_ok=y ;;
		esac
		if [ "$status" -ne 1 ]; then
			failed "$rev $format $file: driver exit $status$(describe_status "$status") (want 1)"
		elif [ "$found" != "$want" ]; then
			failed "$rev $format $file: the generated reader found [$found], want [$want]"
		elif [ "$validate" != "$found" ]; then
			failed "$rev $format $file: renkei validate found [$validate], the generated reader [$found]"
		elif [ "$checked_ok" != y ]; then
			failed "$rev $format $file: the generated _validate found [$checked], want [$want]"
		else
			agree=$((agree + 1))
			passed
		fi
	done <"$w.expected"
	echo "$rev $format: $agree of $n invalid samples give renkei validate's rule and path"
}

stride=1 wrapped=
if [ -n "$RENKEI_WRAPPER" ]; then
	stride=40 wrapped=1
	# renkei runs as it is; sample and validate make the inputs
	rk_wrapper_saved=$RENKEI_WRAPPER
	RENKEI_WRAPPER=
fi

revs=0
newest=$(ls "$top_srcdir"/generated/*/*.h | tail -n 1)
for h in "$top_srcdir"/generated/*/*.h; do
	[ -n "$wrapped" ] && [ "$h" != "$newest" ] && continue
	[ -e "$h" ] || continue
	dir=$(basename "$(dirname "$h")")
	rev=$(basename "$h" .h)
	if [ ! -x "$builddir/tests/roundtrip/driver_$rev" ]; then
		failed "$rev: no tests/roundtrip/driver_$rev (add it to tests/tests.mk)"
		continue
	fi
	revs=$((revs + 1))
	valid "$rev" "$dir"
	[ -n "$wrapped" ] || valid "$rev" "$dir" --count 60 --seed 2
	for format in xml yaml json; do
		invalid "$rev" "$dir" "$format"
	done
done
[ "$revs" -gt 0 ] || failed "no revision in generated/"
summary
