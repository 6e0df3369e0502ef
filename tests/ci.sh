#!/usr/bin/env bash
# The whole test run, as CI does it, from a fresh clone:
#   1. install what is missing (Debian packages),
#   2. build with -Werror (gcc) and run `make check`,
#   3. the main job on layouts/ (`make layouts`), and the generated code
#      built against the installed runtime through pkg-config,
#   4. the tests again in an ASan+UBSan build,
#   5. the unit suites and the corpus replays again under valgrind,
#   6. a clang build with -Werror, the fuzz target run for a bounded time,
#   7. `make distcheck`, and the benchmarks' smoke run.
# Ends with one line: "N passed, N failed" (every test of every stage).
# FUZZ_SECONDS (default 60) bounds the fuzzing; SKIP_SLOW=1 skips 5-7.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
jobs=$(nproc 2>/dev/null || echo 2)
passed=0 failed=0
failures=""

stage() { printf '\n=== %s\n' "$*"; }
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failed=$((failed + 1)); failures="$failures
  $1"; printf 'FAILED: %s\n' "$1"; }

# Adds the counts of an automake test-suite.log, or fails the stage.
count_suite() {
	local dir=$1 name=$2 log=$1/test-suite.log
	if [ ! -f "$log" ]; then
		bad "$name: no test-suite.log"
		return
	fi
	local p f
	p=$(awk '/^# PASS:/ { print $3 }' "$dir/test-suite.summary" 2>/dev/null || echo)
	f=$(awk '/^# (FAIL|XPASS|ERROR):/ { s += $3 } END { print s + 0 }' \
		"$dir/test-suite.summary" 2>/dev/null || echo 0)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	[ "${f:-0}" -eq 0 ] || failures="$failures
  $name: $f failing tests (see $log)"
}

# build DIR NAME [configure args...]: configure, build and `make check`.
build_and_check() {
	local dir=$1 name=$2
	shift 2
	rm -rf "$dir" && mkdir -p "$dir"
	if ! (cd "$dir" && "$top/configure" -q "$@" >configure.out 2>&1); then
		cat "$dir/configure.out"; bad "$name: configure"; return 1
	fi
	if ! make -C "$dir" -j"$jobs" >"$dir/build.out" 2>&1; then
		tail -40 "$dir/build.out"; bad "$name: build"; return 1
	fi
	ok "$name: build"
	if [ -n "${CHECK_TESTS:-}" ]; then
		make -C "$dir" -j"$jobs" check TESTS="$CHECK_TESTS" >"$dir/check.out" 2>&1
	else
		make -C "$dir" -j"$jobs" check >"$dir/check.out" 2>&1
	fi
	grep -E '^(PASS|FAIL|XPASS|ERROR|SKIP):' "$dir/check.out" | sed 's/^/  /'
	grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$dir/check.out" \
		>"$dir/test-suite.summary"
	sed "s|^|  ($name) |" "$dir/test-suite.summary"
	if grep -q '^FAIL\|^ERROR' "$dir/check.out"; then
		sed -n '1,200p' "$dir/test-suite.log"
	fi
	count_suite "$dir" "$name"
}

stage "setup"
if bash tests/setup.sh; then ok "setup"; else bad "setup"; fi
if autoreconf -fi >/dev/null 2>&1; then ok "autoreconf"; else bad "autoreconf"; exit 2; fi

stage "gcc build, -Werror, make check"
build_and_check build-ci gcc --enable-werror

stage "main job: make layouts"
if make -C build-ci layouts; then ok "make layouts"; else bad "make layouts"; fi
if git diff --quiet -- generated 2>/dev/null; then
	ok "make layouts leaves generated/ as checked in"
else
	git diff --stat -- generated; bad "make layouts changed generated/"
fi

stage "generated code against the installed runtime (pkg-config renkei)"
if sh tests/installed.sh build-ci; then ok "installed runtime"; else bad "installed runtime"; fi

if [ "${SKIP_SLOW:-0}" != 1 ]; then
	stage "ASan+UBSan build, make check"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		build_and_check build-ci-asan asan+ubsan --enable-werror \
		--enable-asan --enable-ubsan

	# Under valgrind, the unit suites and the tests that push the most
	# inputs through one process each (the fuzz corpora hold every bad
	# layout and hostile payload), and the generated code (round trips,
	# every 25th invalid sample); the one-process-per-case golden tests
	# would take too long under valgrind, and run under ASan above.
	stage "valgrind: make check under valgrind"
	CHECK_TESTS="$(cd "$top" && ls tests/unit/test_*.c | sed 's/\.c$//' | tr '\n' ' ')
		tests/fuzz-replay.sh tests/layouts.sh tests/cli.sh tests/hostile-payloads.sh
		tests/compile/link_generated tests/roundtrip.sh" \
		build_and_check build-ci-valgrind valgrind --enable-valgrind

	stage "clang build, -Werror, fuzzing"
	if build_and_check build-ci-clang clang CC=clang --enable-werror \
		--enable-fuzzing --enable-asan --enable-ubsan; then
		for target in layout payload; do
			corpus=$(mktemp -d)
			if [ $target = layout ]; then
				cp tests/fuzz/corpus/* layouts/*/*.layout "$corpus"/
			else
				cp tests/fuzz/payload-corpus/* "$corpus"/
			fi
			log=build-ci-clang/fuzz-$target.out
			if build-ci-clang/tests/fuzz/fuzz_$target \
				-max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 \
				-timeout=10 -rss_limit_mb=2048 "$corpus" >"$log" 2>&1; then
				ok "fuzz_$target for ${FUZZ_SECONDS:-60}s, $(grep -o 'Done [0-9]* runs' "$log" || echo 'no run count')"
			else
				tail -60 "$log"; bad "fuzz_$target found a crash"
			fi
			rm -rf "$corpus"
		done
	fi

	stage "make distcheck"
	if make -C build-ci -j"$jobs" distcheck >build-ci/distcheck.out 2>&1; then
		ok "make distcheck"
	else
		tail -60 build-ci/distcheck.out; bad "make distcheck"
	fi

	stage "benchmarks: smoke run"
	if [ -x bench/run.sh ]; then
		if RENKEI=build-ci/src/renkei bash bench/run.sh --quick build-ci; then
			ok "bench --quick"
		else
			bad "bench --quick"
		fi
	fi
fi

stage "summary"
[ -n "$failures" ] && printf 'failures:%s\n' "$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
