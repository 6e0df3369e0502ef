#!/bin/sh
# Hostile payloads: each must end with a clean error (its rule id, a
# location), exit status 1, in bounded time, and never a crash (memory is
# shown flat in bench/RESULTS.md).
# The fixed ones are the payload fuzz corpus; the huge ones are made here.
set -u
cd "$top_srcdir/tests" || exit 99
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
layout=hostile/f1.layout

# expect FILE STATUS RULE: validating FILE exits STATUS and reports RULE
# with a line:col location (RULE "-" for none).
expect() {
	out=$(timeout 120 $RENKEI_WRAPPER "$RENKEI" validate -q \
		--max-errors 5 -l "$layout" "$1" 2>&1)
	got=$?
	if [ "$got" -ne "$2" ]; then
		printf 'FAIL: %s: exit %s, want %s\n%s\n' "$1" "$got" "$2" "$out"
		fail=$((fail + 1))
	elif [ "$3" != - ] && ! printf '%s\n' "$out" | grep -q ":[0-9]*:[0-9]*: error: .*\\[$3\\]"; then
		printf 'FAIL: %s: no located [%s] error:\n%s\n' "$1" "$3" "$out"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

c=fuzz/payload-corpus
expect $c/valid.xml 0 -
expect $c/valid.yaml 0 -
expect $c/valid.json 0 -
expect $c/bom.xml 0 -
expect $c/billion-laughs.xml 1 xml.doctype
expect $c/xxe.xml 1 xml.doctype
expect $c/undefined-entity.xml 1 xml.syntax
expect $c/invalid-utf8.xml 1 xml.syntax
expect $c/truncated.xml 1 xml.syntax
expect $c/alias.yaml 1 yaml.alias
expect $c/nested.yaml 1 structure.shape
expect $c/deep.xml 1 structure.unknown

# 10,000 nested elements: skipped by counting, in constant memory.
awk 'BEGIN { printf "<records revision=\"F1\"><rec>"; for (i = 0; i < 10000; i++) printf "<r>";
	for (i = 0; i < 10000; i++) printf "</r>"; print "</rec></records>" }' >"$tmp/deep10k.xml"
expect "$tmp/deep10k.xml" 1 structure.unknown
# 10,000 nested YAML sequences.
awk 'BEGIN { printf "revision: F1\nrecords: [{rec: {a: "; for (i = 0; i < 10000; i++) printf "[";
	for (i = 0; i < 10000; i++) printf "]"; print "}}]" }' >"$tmp/deep10k.yaml"
expect "$tmp/deep10k.yaml" 1 -
# A 16 MB text node in an item: a length error (the value is not kept whole).
awk 'BEGIN { printf "<records revision=\"F1\"><rec><a>"; s = "0123456789012345678901234567890123456789012345678901234567890123";
	for (i = 0; i < 262144; i++) printf "%s", s; print "</a></rec></records>" }' >"$tmp/huge.xml"
expect "$tmp/huge.xml" 1 value.length
# Binary garbage, as XML and as YAML.
head -c 65536 /dev/urandom >"$tmp/garbage.xml"
expect "$tmp/garbage.xml" 1 -
cp "$tmp/garbage.xml" "$tmp/garbage.yaml"
expect "$tmp/garbage.yaml" 1 -
# An empty file.
: >"$tmp/empty.xml"
expect "$tmp/empty.xml" 1 xml.syntax

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
