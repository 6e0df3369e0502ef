#!/bin/sh
# validate-formats.sh: `renkei validate` end to end, in every report format.
#
# On the fixtures of tests/validate-reports/ (two small revisions, T1 and
# T2, and payloads valid, invalid, malformed and missing):
#  - each format's report equals its golden file in
#    tests/validate-reports/expected/ (RENKEI_REGENERATE=1 rewrites them);
#  - JUnit validates against ../shared/schemas/junit-10.xsd (xmllint);
#  - JSON parses and validates against docs/validate-report.schema.json;
#  - SARIF parses, says version 2.1.0, and validates against the OASIS
#    SARIF 2.1.0 schema, taken from $RENKEI_SARIF_SCHEMA or from the npm
#    package @microsoft/jest-sarif (MIT) fetched at test time, not kept;
#  - -j 3 gives the same bytes as -j 1, in every format;
#  - exit statuses, usage errors, standard input, -o, -q, --max-errors,
#    --layouts, no progress line when standard error is not a terminal;
#  - --list-rules describes every rule, and docs/validate.md's table
#    agrees with it.
# Each check that needs a tool which is missing says so and is skipped.
#
# Environment: top_srcdir, RENKEI, RENKEI_WRAPPER as `make check` sets them.
# Exit status: 0 pass, 1 fail, 77 skipped, 99 hard error.

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$here/..}"
: "${top_builddir:=$top_srcdir}"
: "${RENKEI:=$top_builddir/src/renkei}"
: "${RENKEI_WRAPPER:=}"
set -u

if [ ! -x "$RENKEI" ]; then
	echo "validate-formats.sh: no program at $RENKEI; skipped"
	exit 77
fi
fixtures=$top_srcdir/tests/validate-reports
expected=$fixtures/expected
cd "$fixtures" || exit 99
tmp=$(mktemp -d "${TMPDIR:-/tmp}/renkei-validate.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
pass=0 fail=0 skip=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
skipped() { echo "SKIP: $*"; skip=$((skip + 1)); }

renkei() { $RENKEI_WRAPPER "$RENKEI" "$@"; }

# expect STATUS PATTERN ARGS...: runs renkei validate with ARGS; checks its
# exit status and that stdout+stderr match the grep pattern.
expect() {
	want=$1 pattern=$2
	shift 2
	out=$(renkei validate "$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -e "$pattern"; then
		ok
	else
		bad "renkei validate $*: exit $got (want $want, output matching '$pattern'):
$out"
	fi
}

# --- the reports, against their golden files ------------------------------

payloads="payloads/ok.xml payloads/bad.xml payloads/bad.yaml payloads/broken.xml payloads/t2.yaml payloads/missing.xml"
version=$(renkei --version | sed 's/^renkei //')
normalize() {
	sed "s/\"version\": \"$version\"/\"version\": \"VERSION\"/" "$1"
}

for format in text json junit sarif; do
	# shellcheck disable=SC2086
	renkei validate --layouts layouts --format $format $payloads \
		>"$tmp/$format" 2>"$tmp/$format.err"
	st=$?
	[ $st -eq 2 ] || bad "--format $format: exit $st, want 2 (a missing file)"
	normalize "$tmp/$format" >"$tmp/$format.norm"
	if [ "${RENKEI_REGENERATE:-}" = 1 ]; then
		mkdir -p "$expected"
		cp "$tmp/$format.norm" "$expected/report.$format"
		echo "regenerated $expected/report.$format"
	elif diff -u "$expected/report.$format" "$tmp/$format.norm" >"$tmp/diff"; then
		ok
	else
		bad "--format $format differs from expected/report.$format:"
		cat "$tmp/diff"
	fi
	# The summary goes to standard error, never to the report.
	if grep -q '^6 files, 8 records, 9 errors, 3 invalid files, 1 unreadable file, [0-9.]* s$' "$tmp/$format.err"; then
		ok
	else
		bad "--format $format: summary on stderr: $(cat "$tmp/$format.err")"
	fi
	# No progress line: stderr is not a terminal.
	if tr '\r' '@' <"$tmp/$format.err" | grep -q '@\|validating:'; then
		bad "--format $format: progress line written to a pipe"
	else
		ok
	fi
done

# --- junit against the schema CI servers use --------------------------------

xsd=$top_srcdir/../shared/schemas/junit-10.xsd
if [ ! -f "$xsd" ]; then
	skipped "junit: $xsd is absent; not checked against the schema"
elif ! command -v xmllint >/dev/null 2>&1; then
	skipped "junit: xmllint not found (libxml2-utils); not checked against the schema"
else
	if xmllint --noout --schema "$xsd" "$tmp/junit" 2>"$tmp/xmllint"; then
		ok
	else
		bad "junit report does not validate against junit-10.xsd: $(cat "$tmp/xmllint")"
	fi
fi

# --- json and sarif -------------------------------------------------------------

# One python3 run (it starts slowly) for every JSON check; it prints a line
# per check: "ok", "FAIL: why" or "SKIP: why".
json_checks() { # JSON SARIF JSON_SCHEMA SARIF_SCHEMA
	python3 - "$@" <<'EOF'
import json, sys
report, sarif, report_schema, sarif_schema = sys.argv[1:]
docs = {}
for name in (report, sarif):
    try:
        docs[name] = json.load(open(name, encoding="utf-8"))
        print("ok")
    except ValueError as e:
        print("FAIL: %s is not JSON: %s" % (name, e))
if sarif in docs:
    doc = docs[sarif]
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    problems = []
    if doc.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    if len(ids) != len(set(ids)):
        problems.append("duplicate rule ids")
    for res in run["results"]:
        if res["ruleId"] not in ids or ids[res.get("ruleIndex", -1)] != res["ruleId"]:
            problems.append("result with rule %s not in rules[]" % res["ruleId"])
    if run["invocations"][0]["executionSuccessful"] is not False:
        problems.append("executionSuccessful is not false with a missing file")
    print("FAIL: sarif: " + "; ".join(problems) if problems else "ok")
try:
    import jsonschema
except ImportError:
    print("SKIP: json, sarif: python3-jsonschema not found; not checked against their schemas")
    sys.exit(0)
def check(draft, schema, name, what):
    if name not in docs:
        return
    cls = jsonschema.Draft202012Validator if draft == "2020-12" else jsonschema.Draft4Validator
    schema = json.load(open(schema, encoding="utf-8"))
    cls.check_schema(schema)
    errors = ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)
              for e in cls(schema).iter_errors(docs[name])]
    print("FAIL: %s does not match its schema: %s" % (what, "; ".join(errors[:5]))
          if errors else "ok")
check("2020-12", report_schema, report, "json report (docs/validate-report.schema.json)")
if sarif_schema:
    check("4", sarif_schema, sarif, "sarif report (SARIF 2.1.0 schema)")
else:
    print("SKIP: sarif: no SARIF 2.1.0 schema (set RENKEI_SARIF_SCHEMA, or let npm fetch @microsoft/jest-sarif); not checked against it")
EOF
}

if ! command -v python3 >/dev/null 2>&1; then
	skipped "json, sarif: python3 not found; not parsed"
else
	sarif_schema=${RENKEI_SARIF_SCHEMA:-}
	if [ -z "$sarif_schema" ] && command -v npm >/dev/null 2>&1 &&
	   (cd "$tmp" && timeout 120 npm pack --silent \
		@microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1) &&
	   tar -xzf "$tmp/microsoft-jest-sarif-1.0.0-beta.0.tgz" -C "$tmp" \
		package/lib/schemas/sarif-2.1.0-rtm.5.json 2>/dev/null; then
		sarif_schema=$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json
	fi
	[ -z "$sarif_schema" ] || [ -f "$sarif_schema" ] || sarif_schema=
	json_checks "$tmp/json" "$tmp/sarif" \
		"$top_srcdir/docs/validate-report.schema.json" "$sarif_schema" \
		>"$tmp/checks" 2>&1 || echo "FAIL: python3 checks: exit $?" >>"$tmp/checks"
	while IFS= read -r line; do
		case $line in
		ok) ok ;;
		SKIP:*) skipped "${line#SKIP: }" ;;
		FAIL:*) bad "${line#FAIL: }" ;;
		*) bad "python3: $line" ;;
		esac
	done <"$tmp/checks"
fi

# --- -j: the same bytes in the same order ---------------------------------------

many=""
for i in 1 2 3 4; do
	for p in ok.xml bad.xml bad.yaml broken.xml t2.yaml; do
		cp "payloads/$p" "$tmp/$i-$p"
		many="$many $tmp/$i-$p"
	done
done
many="$many $tmp/missing.xml"
for format in text json junit sarif; do
	# shellcheck disable=SC2086
	renkei validate --layouts layouts --format $format -j 1 $many >"$tmp/j1" 2>/dev/null
	s1=$?
	# shellcheck disable=SC2086
	renkei validate --layouts layouts --format $format -j 3 $many >"$tmp/j3" 2>/dev/null
	s3=$?
	if [ $s1 -eq 2 ] && [ $s3 -eq 2 ] && cmp -s "$tmp/j1" "$tmp/j3"; then
		ok
	else
		bad "--format $format: -j 3 (exit $s3) differs from -j 1 (exit $s1)"
	fi
done

# --- exit statuses and options ---------------------------------------------------

expect 0 'payloads/ok.xml: valid (T1, 2 records)' -l layouts/T1 payloads/ok.xml
expect 0 '1 file, 2 records, 0 errors, 0 invalid files' -l layouts/T1 payloads/ok.xml
expect 1 'payloads/bad.xml: invalid (T1, 3 records, 5 errors)' -l layouts/T1 payloads/ok.xml payloads/bad.xml
expect 1 '\[xml.syntax\]' -l layouts/T1 payloads/broken.xml
expect 2 'missing.xml: error: cannot open: No such file or directory \[payload.read\]' -l layouts/T1 payloads/ok.xml payloads/missing.xml
expect 2 'cannot read: Is a directory' -l layouts/T1 payloads
expect 1 "the payload is for revision 'T2', not T1" -l layouts/T1 payloads/t2.yaml
expect 0 't2.yaml: valid (T2, 1 record)' --layouts layouts payloads/t2.yaml payloads/ok.xml
expect 0 '<stdin>: valid (T1, 2 records)' -l layouts/T1 - <payloads/ok.xml
expect 0 '<stdin>: valid (T1, 2 records)' -l layouts/T1 --input-format=xml - <payloads/ok.xml
expect 1 'note: 4 more errors not shown (--max-errors 1)' -l layouts/T1 --max-errors 1 payloads/bad.xml
expect 1 '"error_count": 5' -l layouts/T1 --max-errors=1 --format json payloads/bad.xml
expect 1 'errors past --max-errors 2 are not reported' -l layouts/T1 --max-errors=2 --format junit payloads/bad.xml
# Usage errors.
expect 2 'no layout given' payloads/ok.xml
expect 2 'exclude each other' -l layouts/T1 --layouts layouts payloads/ok.xml
expect 2 'no payload given' -l layouts/T1
expect 2 "takes text, json, junit or sarif, not 'xml'" -l layouts/T1 --format xml payloads/ok.xml
expect 2 "input-format takes auto, xml or yaml, not 'csv'" -l layouts/T1 --input-format csv payloads/ok.xml
expect 2 "-j takes a number from 1 to 256, not '0'" -l layouts/T1 -j 0 payloads/ok.xml
expect 2 'given more than once' -l layouts/T1 - -
expect 2 "see 'renkei help validate'" -l layouts/T1 --bogus payloads/ok.xml
mkdir "$tmp/empty"
expect 2 'no revision directories in' --layouts "$tmp/empty" payloads/ok.xml
expect 2 'cannot open payloads/ok.xml: Not a directory' --layouts payloads/ok.xml payloads/ok.xml
expect 0 'usage: renkei validate' --help

# A layout with errors stops the run, but only when a payload needs it.
mkdir -p "$tmp/revs/T1" "$tmp/revs/X1"
cp layouts/T1/t.layout "$tmp/revs/T1/"
printf 'revision X1 { title "t"; released 2024-01-01; }\nrecord r "r" { a "a" : date(3); }\n' \
	>"$tmp/revs/X1/x.layout"
printf '<records revision="X1"><r/></records>\n' >"$tmp/x1.xml"
expect 0 'ok.xml: valid' --layouts "$tmp/revs" payloads/ok.xml
expect 2 'the layout in .*X1 has errors' --layouts "$tmp/revs" payloads/ok.xml "$tmp/x1.xml"
expect 2 'date takes no arguments' -l "$tmp/revs/X1" payloads/ok.xml

# -q: errors only; -o: the report in a file, nothing on standard output.
out=$(renkei validate -q -l layouts/T1 payloads/ok.xml payloads/bad.yaml 2>&1)
if [ "$(printf '%s\n' "$out" | grep -c .)" -eq 2 ] &&
   ! printf '%s\n' "$out" | grep -q 'valid\|files,'; then
	ok
else
	bad "-q printed more than the errors: $out"
fi
out=$(renkei validate -q -l layouts/T1 --format json -o "$tmp/o.json" payloads/ok.xml 2>&1)
if [ $? -eq 0 ] && [ -z "$out" ] && grep -q '"valid": true' "$tmp/o.json"; then
	ok
else
	bad "-o: exit status, output '$out', or report wrong"
fi
expect 2 'cannot create' -l layouts/T1 -o "$tmp/no/such/dir/r.json" payloads/ok.xml
# Colour only when asked for (standard output is not a terminal here).
expect 1 "$(printf '\033')\\[1;31merror:" -l layouts/T1 --color=always payloads/bad.xml
if renkei validate -l layouts/T1 payloads/bad.xml 2>/dev/null | grep -q "$(printf '\033')"; then
	bad "colour written to a pipe"
else
	ok
fi

# --- the rules: described, and documented ----------------------------------------

renkei validate --list-rules >"$tmp/rules" 2>&1 || bad "--list-rules failed"
if [ "$(grep -c . "$tmp/rules")" -lt 20 ] || grep -q 'no description' "$tmp/rules"; then
	bad "--list-rules: missing rules or descriptions:
$(cat "$tmp/rules")"
else
	ok
fi
tab=$(printf '\t')
while IFS="$tab" read -r id text; do
	if grep -q -F "| \`$id\` | $text |" "$top_srcdir/docs/validate.md"; then
		ok
	else
		bad "docs/validate.md has no row '| \`$id\` | $text |'"
	fi
done <"$tmp/rules"

echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
