#!/bin/sh
# The example program of examples/ (examples/kaigo_tsukisu.c), run as its
# README says on payloads from `renkei sample`:
#  - on valid records it writes every record, fills in the months of
#    validity where a record leaves them out, and its output validates;
#  - on a payload with a bad record it leaves that record out, reports its
#    error and exits 1; on a missing file it exits 2.
#
# Environment: top_srcdir, RENKEI, RENKEI_WRAPPER as `make check` sets
# them.  Exit status: 0 pass, 1 fail, 99 hard error.
set -u
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
make_tmpdir
LC_ALL=C
export LC_ALL
builddir=$(cd "$(dirname "$RENKEI")/.." && pwd) || exit 99
lay=$top_srcdir/layouts/R06

example() {
	# shellcheck disable=SC2086 # the wrapper and timeout are word lists
	$rk_timeout_cmd $RENKEI_WRAPPER "$builddir/examples/kaigo_tsukisu" "$@"
}

count() {
	grep -c "<$1>" "$2"
}

# Sample dates are drawn at random: give every record a one-year period.
run_renkei sample -l "$lay" --record kaigo_jukyusha --count 12 -o "$tmp/sample.xml" >/dev/null ||
	exit 99
sed -e 's|<nintei_yuko_kaishi>[^<]*<|<nintei_yuko_kaishi>2024-04-01<|' \
	-e 's|<nintei_yuko_shuryo>[^<]*<|<nintei_yuko_shuryo>2025-03-31<|' \
	"$tmp/sample.xml" >"$tmp/in.xml"
example "$tmp/in.xml" >"$tmp/out.xml" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ]; then passed; else failed "valid payload: exit $status$(describe_status "$status")"; sed 's/^/    /' "$tmp/err"; fi
in_n=$(count kaigo_jukyusha "$tmp/in.xml")
out_n=$(count kaigo_jukyusha "$tmp/out.xml")
[ "$in_n" -eq 12 ] && [ "$out_n" -eq 12 ] && passed ||
	failed "valid payload: $in_n records in, $out_n out (want 12 and 12)"
in_months=$(count nintei_yuko_tsukisu "$tmp/in.xml")
out_months=$(count nintei_yuko_tsukisu "$tmp/out.xml")
filled=$(sed -n 's/^\([0-9]*\) records read, \([0-9]*\) filled in.*/\2/p' "$tmp/err")
twelve=$(grep -c '<nintei_yuko_tsukisu>12<' "$tmp/out.xml")
if [ "$in_months" -lt 12 ] && [ "$filled" = $((12 - in_months)) ] &&
	[ "$out_months" -eq 12 ] && [ "$twelve" -ge "$filled" ]; then
	passed
else
	failed "months of validity: $in_months in the input, $out_months in the output, '$filled' filled in"
fi
if run_renkei validate -l "$lay" "$tmp/out.xml" >"$tmp/v" 2>&1; then passed; else failed "the output does not validate:"; sed 's/^/    /' "$tmp/v"; fi

# A record with a care level that is no code value is left out.
sed '0,/<care_level>[^<]*</s//<care_level>77</' "$tmp/in.xml" >"$tmp/bad.xml"
example "$tmp/bad.xml" >"$tmp/out.xml" 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] && passed || failed "bad record: exit $status (want 1)"
grep -q 'found "77" \[value.code\]' "$tmp/err" && passed ||
	{ failed "bad record: no value.code error"; sed 's/^/    /' "$tmp/err"; }
out_n=$(count kaigo_jukyusha "$tmp/out.xml")
[ "$out_n" -eq 11 ] && passed || failed "bad record: $out_n records written (want 11)"

example "$tmp/no-such-file.xml" >/dev/null 2>&1
status=$?
[ "$status" -eq 2 ] && passed || failed "missing file: exit $status (want 2)"
summary
