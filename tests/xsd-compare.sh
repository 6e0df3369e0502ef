#!/bin/sh
# The XML Schema of `renkei xsd` judged against `renkei validate`, on every
# XML payload `renkei sample` writes.  For every revision in layouts/:
#  - xmllint compiles the schema;
#  - the valid samples (the default payload, four of each record for three
#    seeds, and four of one record for every record) pass both;
#  - every invalid sample (`renkei sample --invalid`: one error each, its
#    rule in expected.tsv) is refused by renkei, and by `xmllint --schema`
#    too unless its rule is one docs/xsd.md lists as beyond XML Schema;
#    those are counted apart.
# The list is read from docs/xsd.md, between its two marker comments, so
# the documentation and this test cannot drift.  Every rule in it must be
# one `renkei validate --list-rules` knows, and some sample of it must pass
# the schema: a rule whose every sample the schema refuses is one the
# schema expresses, and does not belong in the list.
#
# xmllint (Debian: libxml2-utils) prints "FILE validates" or "FILE fails to
# validate" for each file it could parse, and nothing for a file that is
# not well-formed XML, which counts as refused.
#
# Environment: top_srcdir, RENKEI, RENKEI_WRAPPER as `make check` sets them.
# Exit status: 0 pass, 1 fail, 77 skipped (no xmllint), 99 hard error.
set -u
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
make_tmpdir
cd "$top_srcdir" || exit 99
LC_ALL=C
export LC_ALL

if ! command -v xmllint >/dev/null 2>&1; then
	echo "xsd-compare.sh: no xmllint (Debian: libxml2-utils); skipped"
	exit 77
fi

# The rules beyond XML Schema, one "- `rule`: why" line each.
begin='<!-- rules beyond XML Schema: begin -->'
end='<!-- rules beyond XML Schema: end -->'
# shellcheck disable=SC2016 # the backquotes are Markdown's
excluded=$(sed -n "/^$begin\$/,/^$end\$/p" docs/xsd.md |
	sed -n 's/^- `\([a-z0-9.-]*\)`.*/\1/p')
if [ -z "$excluded" ]; then
	echo "docs/xsd.md: no rules between '$begin' and '$end'"
	exit 99
fi
known=$(run_renkei validate --list-rules | cut -f1)
for rule in $excluded; do
	if printf '%s\n' "$known" | grep -qx -- "$rule"; then
		passed
	else
		failed "docs/xsd.md lists '$rule', which is not a rule of renkei validate"
	fi
done

# is_excluded RULE: whether the list holds RULE.
is_excluded() {
	for e in $excluded; do
		[ "$1" = "$e" ] && return 0
	done
	return 1
}

# xmllint_verdicts DIR SCHEMA FILES...: "FILE<TAB>valid|invalid" per file,
# from one xmllint run in DIR; its messages are kept in $tmp/xmllint.err.
xmllint_verdicts() {
	dir=$1 schema=$2
	shift 2
	(cd "$dir" && xmllint --noout --nonet --schema "$schema" "$@") \
		>/dev/null 2>"$tmp/xmllint.err"
	printf '%s\n' "$@" | awk '
	NR == FNR { v[$0] = "invalid"; order[++n] = $0; next }
	/ validates$/ { f = $0; sub(/ validates$/, "", f); if (f in v) v[f] = "valid" }
	END { for (i = 1; i <= n; i++) print order[i] "\t" v[order[i]] }
	' - "$tmp/xmllint.err"
}

# renkei_verdicts DIR LAYOUT FILES...: the same from one `renkei validate`
# run; "error" for a file it could not read.
renkei_verdicts() {
	dir=$1 layout=$2
	shift 2
	(cd "$dir" && run_renkei validate -l "$layout" --format json \
		--max-errors 1 "$@") >"$tmp/report.json" 2>"$tmp/renkei.err"
	status=$?
	if [ "$status" -gt 1 ]; then
		failed "renkei validate in $dir: exit $status $(describe_status "$status")"
		head -5 "$tmp/renkei.err"
	fi
	awk '
	/^      "name": / {
		name = $0
		sub(/^      "name": "/, "", name)
		sub(/",$/, "", name)
	}
	/^      "valid": / { valid = ($2 == "true,") }
	/^      "failed": / {
		print name "\t" ($2 == "true," ? "error" : valid ? "valid" : "invalid")
	}' "$tmp/report.json"
}

# why FILE: xmllint's first message about FILE.
why() {
	grep -a -m 1 -F "$1:" "$tmp/xmllint.err" | cut -c 1-300
}

# Rules whose invalid samples passed the schema somewhere.
: >"$tmp/schema-accepts"
# REVISION<TAB>RULE<TAB>SCHEMA VERDICT for every sample left out.
: >"$tmp/excluded-all"

for layout in layouts/*/; do
	rev=$(basename "$layout")
	layout=$top_srcdir/$layout
	work=$tmp/$rev
	mkdir -p "$work/valid" || exit 99
	if ! run_renkei xsd -q -o "$work/schema.xsd" "$layout"; then
		failed "$rev: renkei xsd failed"
		continue
	fi

	# The valid samples.
	if ! run_renkei sample -l "$layout" -o "$work/valid/default.xml"; then
		failed "$rev: renkei sample failed"
		continue
	fi
	records=$(sed -n 's/^  <\([a-z0-9_]*\)>$/\1/p' "$work/valid/default.xml")
	count=$(($(printf '%s\n' "$records" | wc -l) * 4))
	for seed in 1 2 20240617; do
		run_renkei sample -l "$layout" --seed "$seed" --count "$count" \
			-o "$work/valid/seed-$seed.xml" ||
			failed "$rev: renkei sample --seed $seed failed"
	done
	for record in $records; do
		run_renkei sample -l "$layout" --record "$record" --count 4 \
			-o "$work/valid/record-$record.xml" ||
			failed "$rev: renkei sample --record $record failed"
	done
	if ! (cd "$work" && xmllint --noout --nonet --schema schema.xsd \
	      valid/default.xml) >/dev/null 2>"$tmp/xmllint.err"; then
		failed "$rev: xmllint refuses the schema or the default sample:"
		head -5 "$tmp/xmllint.err"
		continue
	fi
	valid_files=$(cd "$work/valid" && ls)
	# shellcheck disable=SC2086 # file names have no white space
	xmllint_verdicts "$work/valid" ../schema.xsd $valid_files >"$work/x.valid"
	# shellcheck disable=SC2086
	renkei_verdicts "$work/valid" "$layout" $valid_files >"$work/r.valid"
	n_valid=0
	while IFS='	' read -r file x; do
		r=$(grep "^$file	" "$work/r.valid" | cut -f2)
		n_valid=$((n_valid + 1))
		if [ "$x" = valid ] && [ "$r" = valid ]; then
			passed
		else
			failed "$rev valid/$file: schema says $x, renkei says ${r:-nothing}"
			[ "$x" = valid ] || why "$file"
		fi
	done <"$work/x.valid"

	# The invalid samples.
	dir=$work/invalid
	if ! run_renkei sample -q -l "$layout" --invalid -o "$dir"; then
		failed "$rev: renkei sample --invalid failed"
		continue
	fi
	tail -n +2 "$dir/expected.tsv" | cut -f1,2 | sort >"$work/expected"
	files=$(cut -f1 "$work/expected")
	# shellcheck disable=SC2086
	xmllint_verdicts "$dir" ../schema.xsd $files | sort >"$work/x.invalid"
	# shellcheck disable=SC2086
	renkei_verdicts "$dir" "$layout" $files | sort >"$work/r.invalid"
	# FILE RULE SCHEMA RENKEI, one line per sample
	join -t '	' "$work/expected" "$work/x.invalid" |
		join -t '	' - "$work/r.invalid" >"$work/verdicts"
	if [ "$(wc -l <"$work/verdicts")" -ne "$(wc -l <"$work/expected")" ]; then
		failed "$rev: not every invalid sample has both verdicts"
	fi
	compared=0 disagree=0 n_excluded=0
	while IFS='	' read -r file rule x r; do
		if [ "$r" != invalid ]; then
			failed "$rev $file ($rule): renkei says $r"
			continue
		fi
		if is_excluded "$rule"; then
			n_excluded=$((n_excluded + 1))
			echo "$rev	$rule	$x" >>"$tmp/excluded-all"
			[ "$x" = valid ] && echo "$rule" >>"$tmp/schema-accepts"
			passed
			continue
		fi
		compared=$((compared + 1))
		if [ "$x" = invalid ]; then
			passed
		else
			disagree=$((disagree + 1))
			failed "$rev $file: renkei refuses it ($rule), the schema accepts it"
		fi
	done <"$work/verdicts"
	by_rule=$(awk -F '\t' -v rev="$rev" '$1 == rev { print $2 }' \
		"$tmp/excluded-all" | sort | uniq -c |
		awk '{ printf "%s%s %d", sep, $2, $1; sep = ", " }')
	accepted=$(awk -F '\t' -v rev="$rev" '$1 == rev && $3 == "valid"' \
		"$tmp/excluded-all" | wc -l)
	echo "$rev: $compared invalid + $n_valid valid compared, $n_excluded excluded" \
		"(${by_rule:-none}; $accepted of them pass the schema), $disagree disagree"
	rm -rf "$work"
done

# A rule in the list must be one the schema cannot express: some sample of
# it passes the schema.
for rule in $excluded; do
	if grep -qx -- "$rule" "$tmp/schema-accepts"; then
		passed
	elif cut -f2 "$tmp/excluded-all" | grep -qx -- "$rule"; then
		failed "docs/xsd.md lists $rule as beyond XML Schema, but the schema refuses every sample of it"
	else
		failed "docs/xsd.md lists $rule, but no sample breaks it"
	fi
done

summary
