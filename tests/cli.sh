#!/bin/sh
# The command line: help, version, exit statuses, argument errors.
set -u
cd "$top_srcdir" || exit 99
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# expect STATUS PATTERN -- ARGS...: runs renkei, checks its exit status and
# that its output (stdout and stderr) matches the grep pattern.
expect() {
	want=$1 pattern=$2
	shift 3
	out=$($RENKEI_WRAPPER "$RENKEI" "$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -q -- "$pattern"; then
		pass=$((pass + 1))
	else
		printf 'FAIL: renkei %s: exit %s (want %s), output:\n%s\n' "$*" \
			"$got" "$want" "$out"
		fail=$((fail + 1))
	fi
}

expect 0 '^usage: renkei' -- --help
expect 0 '^renkei [0-9]' -- --version
expect 2 'usage: renkei' --
expect 2 "unknown command 'frobnicate'" -- frobnicate
expect 0 'usage: renkei check' -- help check
expect 0 'usage: renkei fmt' -- fmt --help
expect 2 "unknown command" -- help frobnicate
expect 2 'no layout given' -- check
expect 2 'cannot open' -- check "$tmp/missing.layout"
expect 2 'no .layout files' -- check "$tmp"
expect 2 'see .renkei help check' -- check --bogus layouts/R06
expect 2 'max-errors takes a number' -- check --max-errors=x layouts/R06
expect 0 'revision R06' -- check layouts/R06

printf 'revision X { title "t"; released 2024-01-01; }\nrecord r "r" { a "a" : date(3); }\n' >"$tmp/bad.layout"
expect 1 'bad.layout:2:24: error: date takes no arguments' -- check --color=never "$tmp/bad.layout"
expect 1 '     2 | record' -- check --color=never "$tmp/bad.layout"
expect 1 'bad.layout' -- check -q --color=never "$tmp/bad.layout"
# Colour only when asked for (stderr is not a terminal here).
expect 1 "$(printf '\033')\\[" -- check --color=always "$tmp/bad.layout"
out=$("$RENKEI" check "$tmp/bad.layout" 2>&1)
if printf '%s' "$out" | grep -q "$(printf '\033')"; then
	echo "FAIL: colour written to a pipe"; fail=$((fail + 1))
else
	pass=$((pass + 1))
fi

# fmt: --check flags a non-canonical file; -w rewrites it; then it passes.
printf 'type   t=digits( 3 ) ;\n' >"$tmp/t.layout"
expect 1 't.layout' -- fmt --check "$tmp/t.layout"
expect 0 'type t = digits(3);' -- fmt "$tmp/t.layout"
expect 0 't.layout' -- fmt -w "$tmp/t.layout"
expect 0 '' -- fmt --check "$tmp/t.layout"
printf 'type t = ;\n' >"$tmp/u.layout"
expect 1 'syntax error' -- fmt "$tmp/u.layout"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
