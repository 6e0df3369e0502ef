#!/bin/sh
# sample.sh: `renkei sample` against `renkei validate`.
#
# For every revision in layouts/ and every format (xml, yaml, json):
#  - valid samples, for a few seeds and enough records that every record
#    goes through its repeats' minimum and maximum, validate without error;
#  - every invalid sample fails with exactly one error, whose rule, path
#    and (where the manifest gives one) line are the manifest's, and the
#    manifest lists every file written;
#  - the same seed gives the same bytes (valid and invalid), another seed
#    other bytes;
# and the command's usage errors.  Without `renkei validate` (not built
# yet) only what needs no validator is checked.
#
# Environment: top_srcdir, RENKEI, RENKEI_WRAPPER as `make check` sets them.
# Exit status: 0 pass, 1 fail, 99 hard error.
set -u
cd "$top_srcdir" || exit 99
pass=0 fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/renkei-sample.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

sample() {
	$RENKEI_WRAPPER "$RENKEI" sample "$@"
}

have_validate=false
"$RENKEI" help validate >/dev/null 2>&1 && have_validate=true

# report_tsv: a JSON report of `renkei validate` on standard input as
# lines FILE<TAB>RULE<TAB>PATH<TAB>LINE, one per error (FILE without its
# directory), and FILE<TAB>valid for a file without any.
report_tsv() {
	awk '
	function field(re, s) {
		if (!match($0, re))
			return ""
		s = substr($0, RSTART, RLENGTH)
		sub(/^"[a-z_]+": /, "", s)
		if (s == "null")
			return ""
		gsub(/^"|"$/, "", s)
		return s
	}
	/^      "name": / {
		name = field("\"name\": \"[^\"]*\"")
		sub(/.*\//, "", name)
	}
	/^      "error_count": 0,/ { print name "\tvalid" }
	/^        \{"line": / {
		print name "\t" field("\"rule\": \"[^\"]*\"") "\t" \
		      field("\"path\": (null|\"[^\"]*\")") "\t" \
		      field("\"line\": [0-9a-z]+")
	}'
}

# check_invalid REV FORMAT DIR: every file of DIR has exactly the one
# error expected.tsv gives it.
check_invalid() {
	rev=$1 format=$2 dir=$3
	files=$(cd "$dir" && ls | grep -v '^expected\.tsv$')
	listed=$(tail -n +2 "$dir/expected.tsv" | cut -f1 | sort)
	if [ "$(printf '%s\n' "$files" | sort)" = "$listed" ]; then
		ok
	else
		bad "$rev $format: expected.tsv does not list exactly the files written"
	fi
	$have_validate || return
	# shellcheck disable=SC2086 # file names have no white space
	(cd "$dir" && "$RENKEI" validate -l "$top_srcdir/layouts/$rev" \
		--format json --max-errors 0 $files) >"$tmp/report.json" 2>/dev/null
	report_tsv <"$tmp/report.json" >"$tmp/got.tsv"
	awk -F '\t' -v where="$rev $format" '
	NR == FNR {
		if (FNR > 1) {
			rule[$1] = $2; path[$1] = $3; line[$1] = $4
			order[++n] = $1
		}
		next
	}
	{ count[$1]++; grule[$1] = $2; gpath[$1] = $3; gline[$1] = $4 }
	END {
		bad = 0
		for (i = 1; i <= n; i++) {
			f = order[i]
			if (count[f] != 1 || grule[f] == "valid")
				why = (grule[f] == "valid" ? "no error" : count[f] " errors")
			else if (grule[f] != rule[f] || gpath[f] != path[f])
				why = "got " grule[f] " at \"" gpath[f] "\""
			else if (line[f] != "" && gline[f] != line[f])
				why = "got line " gline[f] ", not " line[f]
			else
				continue
			printf "FAIL: %s %s: want %s at \"%s\" (line %s): %s\n",
			       where, f, rule[f], path[f], line[f], why
			bad++
		}
		printf "%d %d\n", n - bad, bad > "/dev/stderr"
	}' "$dir/expected.tsv" "$tmp/got.tsv" 2>"$tmp/counts"
	read -r good failed <"$tmp/counts"
	pass=$((pass + good))
	fail=$((fail + failed))
}

# the rules of FORMAT that every revision's invalid set must cover
rules_of() {
	common="value.control value.length value.charset value.format value.date
		value.era value.flag value.code value.check-digit value.precision
		value.scale value.sign structure.unknown-record structure.unknown
		structure.missing structure.too-many structure.revision"
	case $1 in
	xml) echo "$common structure.order structure.text structure.nested
		structure.attribute xml.syntax xml.doctype" ;;
	yaml) echo "$common structure.shape structure.duplicate-key yaml.syntax
		yaml.alias" ;;
	json) echo "$common structure.shape structure.duplicate-key yaml.syntax" ;;
	esac
}

for layout in layouts/*/; do
	rev=$(basename "$layout")
	records=$("$RENKEI" check "$layout" | sed -n 's/.*: \([0-9]*\) records,.*/\1/p')
	[ -n "$records" ] || { bad "$rev: renkei check gave no record count"; continue; }
	# four records of each: every repeat at its maximum, its minimum, and
	# twice between
	count=$((records * 4))
	for format in xml yaml json; do
		for seed in 1 2 20240617; do
			out=$tmp/$rev-$seed.$format
			if sample -l "$layout" --format "$format" --seed "$seed" \
			   --count "$count" -o "$out"; then
				ok
			else
				bad "$rev $format seed $seed: renkei sample failed"
				continue
			fi
			$have_validate || continue
			if "$RENKEI" validate -q -l "$layout" "$out" >"$tmp/out" 2>&1; then
				ok
			else
				bad "$rev $format seed $seed: a valid sample has errors:"
				head -5 "$tmp/out"
			fi
		done
		# determinism: the same seed, the same bytes; another, others
		sample -l "$layout" --format "$format" --seed 2 --count "$count" \
			>"$tmp/again.$format"
		if cmp -s "$tmp/again.$format" "$tmp/$rev-2.$format"; then
			ok
		else
			bad "$rev $format: seed 2 gave different bytes twice"
		fi
		if cmp -s "$tmp/$rev-1.$format" "$tmp/$rev-2.$format"; then
			bad "$rev $format: seeds 1 and 2 gave the same bytes"
		else
			ok
		fi
		rm -f "$tmp/$rev"-*."$format" "$tmp/again.$format"

		dir=$tmp/invalid-$rev-$format
		if sample -q -l "$layout" --format "$format" --invalid -o "$dir"; then
			ok
		else
			bad "$rev $format: renkei sample --invalid failed"
			continue
		fi
		sample -q -l "$layout" --format "$format" --invalid -o "$dir.again"
		if diff -r "$dir" "$dir.again" >/dev/null; then
			ok
		else
			bad "$rev $format: invalid samples differ between two runs"
		fi
		for rule in $(rules_of "$format"); do
			if cut -f2 "$dir/expected.tsv" | grep -qx "$rule"; then
				ok
			else
				bad "$rev $format: no invalid sample for $rule"
			fi
		done
		check_invalid "$rev" "$format" "$dir"
		rm -rf "$dir" "$dir.again"
	done
done

# --record: only that record, in valid and invalid samples
sample -l layouts/R06 --record kaigo_jukyusha --count 5 --format yaml \
	-o "$tmp/one.yaml"
if [ "$(grep -c '^  - ' "$tmp/one.yaml")" -eq 5 ] &&
   [ "$(grep -c '^  - kaigo_jukyusha:' "$tmp/one.yaml")" -eq 5 ]; then
	ok
else
	bad "--record kaigo_jukyusha --count 5: not five kaigo_jukyusha records"
fi
sample -q -l layouts/R06 --record kaigo_jukyusha --invalid -o "$tmp/one"
if tail -n +2 "$tmp/one/expected.tsv" | cut -f3 | grep -v '^$' |
   grep -qv '^kaigo_jukyusha\['; then
	bad "--record kaigo_jukyusha --invalid: a case about another record"
else
	ok
fi
if $have_validate; then
	check_invalid R06 xml "$tmp/one"
fi

# usage errors
expect_status() {
	want=$1 pattern=$2
	shift 2
	out=$("$RENKEI" sample "$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -- "$pattern"; then
		ok
	else
		bad "renkei sample $*: exit $got (want $want), output: $out"
	fi
}
expect_status 0 'usage: renkei sample' --help
expect_status 2 'no layout given' --count 3
expect_status 2 'needs a directory' -l layouts/R06 --invalid
expect_status 2 'is for valid payloads' -l layouts/R06 --invalid --count 2 -o "$tmp/x"
expect_status 2 'takes xml, yaml or json' -l layouts/R06 --format csv
expect_status 2 'takes a number' -l layouts/R06 --count many
expect_status 2 'above 0' -l layouts/R06 --count 0
expect_status 2 "has no record 'nothing'" -l layouts/R06 --record nothing
expect_status 2 'cannot write' -l layouts/R06 -o "$tmp/no/such/dir/x.xml"

$have_validate || echo "note: renkei validate is not built; samples were not validated"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
