#!/bin/sh
# Every revision in layouts/ checks with no error and no warning, and every
# layout file is in canonical form.
set -u
cd "$top_srcdir" || exit 99
pass=0 fail=0
for dir in layouts/*/; do
	dir=${dir%/}
	out=$($RENKEI_WRAPPER "$RENKEI" check --color=never "$dir" 2>&1)
	status=$?
	if [ $status -eq 0 ] && ! printf '%s\n' "$out" | grep -q 'warning:'; then
		pass=$((pass + 1))
	else
		printf 'FAIL: renkei check %s (exit %s)\n%s\n' "$dir" "$status" "$out"
		fail=$((fail + 1))
	fi
done
if out=$($RENKEI_WRAPPER "$RENKEI" fmt --check layouts/*/ 2>&1); then
	pass=$((pass + 1))
else
	printf 'FAIL: not in canonical form (run renkei fmt -w layouts/*):\n%s\n' "$out"
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
