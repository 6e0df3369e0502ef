# tests/lib.sh: what the script tests share.  Source it; it reads
#   RENKEI          the renkei program to test (required)
#   RENKEI_WRAPPER  a command to run it under (valgrind ...), or empty
#   top_srcdir      the source tree (default: the directory above this file)
#   TEST_TIMEOUT    seconds one run of renkei may take before it counts as a
#                   hang (default 20, or 300 under RENKEI_WRAPPER)
# and gives run_renkei, counters of passed and failed checks, and summary.

: "${RENKEI:?set RENKEI to the renkei program to test}"
RENKEI_WRAPPER=${RENKEI_WRAPPER-}
top_srcdir=${top_srcdir:-$(dirname "$0")/..}

# The scripts change directory: make the paths absolute first.
case $RENKEI in /*) ;; *) RENKEI=$(pwd)/$RENKEI ;; esac
top_srcdir=$(cd "$top_srcdir" && pwd) || exit 99

if [ -n "$RENKEI_WRAPPER" ]; then
	rk_timeout=${TEST_TIMEOUT:-300}
else
	rk_timeout=${TEST_TIMEOUT:-20}
fi
if command -v timeout >/dev/null 2>&1; then
	rk_timeout_cmd="timeout $rk_timeout"
else
	rk_timeout_cmd=
fi

# run_renkei ARGS...: runs renkei (under the wrapper, with a time limit).
# Its status is renkei's, or 124 if it ran out of time.
run_renkei() {
	# shellcheck disable=SC2086 # the wrapper and timeout are word lists
	$rk_timeout_cmd $RENKEI_WRAPPER "$RENKEI" "$@"
}

# describe_status STATUS: what an abnormal exit status means, or nothing.
describe_status() {
	if [ "$1" -eq 124 ] && [ -n "$rk_timeout_cmd" ]; then
		echo "hang: still running after ${rk_timeout}s"
	elif [ "$1" -ge 128 ]; then
		echo "crash: killed by signal $(($1 - 128))"
	fi
}

pass=0 fail=0

# passed: counts a check that passed.
passed() {
	pass=$((pass + 1))
}

# failed WHAT...: counts a check that failed, and says which.
failed() {
	fail=$((fail + 1))
	printf 'FAIL: %s\n' "$*"
}

# summary: prints "N passed, N failed"; its status is 0 when none failed.
summary() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# make_tmpdir: sets tmp to a new directory, removed on exit.
make_tmpdir() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/renkei-test.XXXXXX") || exit 99
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 99' HUP INT TERM
}
