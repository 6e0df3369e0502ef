#!/usr/bin/env bash
# bench/run.sh: runs every benchmark of renkei and records the results.
#
#   bench/run.sh [OPTIONS] [BUILDDIR]
#
# The programs are $RENKEI and $GEN when set, else BUILDDIR/src/renkei and
# BUILDDIR/bench/gen_layout (BUILDDIR defaults to the current directory).
# If gen_layout was not built, it is compiled from bench/gen_layout.c.
#
# A full run measures each benchmark several times, takes medians and
# rewrites bench/RESULTS.md (the machine, the commands, the tables).
# --quick is the smoke run CI uses so that the benchmarks cannot rot: the
# smallest size, one run, nothing rewritten.  The exit status is non-zero
# when a step fails (a program missing, a wrong result, a diagnostic where
# none is expected), never because of a timing.
#
# Each benchmark is a function bench_NAME listed in BENCHES: it measures
# with `measure`, checks what it measured, and appends its section of
# Markdown to $report.  Add new benchmarks the same way.
set -u
unset LC_ALL
export LC_NUMERIC=C         # a decimal point, whatever the user's locale

BENCHES=(check)
usage() {
	cat <<'EOF'
usage: bench/run.sh [OPTIONS] [BUILDDIR]

  --quick        smoke run: smallest size, one run, RESULTS.md left alone
  --runs N       runs of each measurement (default 5); medians are reported
  --sizes LIST   item counts for the check benchmark (default "1000 10000 100000")
  --only NAME    run one benchmark (of: check); RESULTS.md left alone
  -o FILE        write the results to FILE instead of bench/RESULTS.md
  --keep         keep the generated layouts (their directory is printed)
  -h, --help     this help

Environment: RENKEI, GEN (the programs), LIBTOOL (to see through a
libtool wrapper), CC (to build gen_layout when it was not built).
EOF
}

here=$(cd "$(dirname "$0")" && pwd)
quick=0 runs=5 keep=0 only="" output="" builddir="" gen_built=""
sizes="1000 10000 100000"
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1 ;;
	--runs) runs=${2:?--runs needs a number}; shift ;;
	--sizes) sizes=${2:?--sizes needs a list}; shift ;;
	--only) only=${2:?--only needs a name}; shift ;;
	-o) output=${2:?-o needs a file}; shift ;;
	--keep) keep=1 ;;
	-h | --help) usage; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	*) builddir=$1 ;;
	esac
	shift
done
case $runs in '' | *[!0-9]* | 0) echo "run.sh: --runs takes a positive number" >&2; exit 2 ;; esac
if [ "$quick" = 1 ]; then
	runs=1
	sizes=${sizes%% *}
fi
rewrite=1
[ "$quick" = 1 ] || [ -n "$only" ] && rewrite=0
[ -n "$output" ] && rewrite=1
[ -n "$output" ] || output=$here/RESULTS.md

fail() {
	echo "run.sh: $*" >&2
	exit 1
}

absolute() {
	case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac
}

# ---- tools ----------------------------------------------------------------

TIME=/usr/bin/time
if ! "$TIME" -f '%e %M' true >/dev/null 2>&1; then
	fail "needs GNU time as $TIME (on Debian: apt-get install time)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/renkei-bench.XXXXXX") || fail "cannot create a temporary directory"
cleanup() {
	if [ "$keep" = 1 ]; then
		echo "run.sh: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

builddir=${builddir:-.}
RENKEI=${RENKEI:-$builddir/src/renkei}
[ -x "$RENKEI" ] || fail "no renkei at $RENKEI (build it: make src/renkei; or set RENKEI)"
RENKEI=$(absolute "$RENKEI")

GEN=${GEN:-$builddir/bench/gen_layout}
if [ ! -x "$GEN" ]; then
	echo "run.sh: no gen_layout at $GEN; compiling bench/gen_layout.c" >&2
	${CC:-cc} -O2 -o "$work/gen_layout" "$here/gen_layout.c" ||
		fail "cannot compile bench/gen_layout.c"
	GEN=$work/gen_layout
	gen_built="compiled by run.sh: this build had none"
fi
GEN=$(absolute "$GEN")

# A libtool wrapper script would add a shell's start-up to every run:
# measure the program it wraps, with the library path it would set.
renkei_env=()
renkei_bin=$RENKEI
if head -c 2048 "$RENKEI" | grep -q 'libtool'; then
	lt=${LIBTOOL:-}
	for c in "$builddir/libtool" "$(dirname "$RENKEI")/../libtool"; do
		[ -z "$lt" ] && [ -x "$c" ] && lt=$c
	done
	if [ -n "$lt" ] && out=$("$lt" --mode=execute sh -c \
		'printf "%s\n%s\n%s\n" "$1" "${LD_LIBRARY_PATH-}" "${DYLD_LIBRARY_PATH-}"' \
		sh "$RENKEI") && [ -x "$(printf '%s\n' "$out" | sed -n 1p)" ]; then
		renkei_bin=$(printf '%s\n' "$out" | sed -n 1p)
		ld=$(printf '%s\n' "$out" | sed -n 2p)
		dyld=$(printf '%s\n' "$out" | sed -n 3p)
		[ -n "$ld" ] && renkei_env+=("LD_LIBRARY_PATH=$ld")
		[ -n "$dyld" ] && renkei_env+=("DYLD_LIBRARY_PATH=$dyld")
	else
		echo "run.sh: $RENKEI is a libtool wrapper and no libtool was found: timings include the wrapper" >&2
	fi
fi

# renkei ARGS...: the program measured, without a wrapper.
renkei() {
	env ${renkei_env[@]+"${renkei_env[@]}"} "$renkei_bin" "$@"
}

# ---- measuring ------------------------------------------------------------

now_us() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		local t=$EPOCHREALTIME
		printf '%s\n' "${t/./}"
	else
		date +%s%6N
	fi
}

# measure OUT CMD...: runs CMD once (stdout and stderr to OUT.stdout and
# OUT.stderr) and appends "wall_seconds cpu_seconds peak_rss_kb" to OUT.
# The wall time is taken around the command, to the microsecond; the CPU
# time (user + system, to the millisecond) by the shell's `time`, since GNU
# time prints only hundredths; the peak RSS by GNU time (%M).  Both include
# GNU time itself, which costs well under a millisecond.
measure() {
	local out=$1 t0 t1 status TIMEFORMAT='%3U %3S'
	shift
	t0=$(now_us)
	{ time env ${renkei_env[@]+"${renkei_env[@]}"} "$TIME" -o "$out.time" -f '%M' \
		"$@" >"$out.stdout" 2>"$out.stderr"; } 2>"$out.cpu"
	status=$?
	t1=$(now_us)
	[ "$status" -eq 0 ] || return "$status"
	awk -v us=$((t1 - t0)) -v rss="$(tail -1 "$out.time")" \
		'{ printf "%.6f %.3f %d\n", us / 1e6, $1 + $2, rss }' "$out.cpu" >>"$out"
}

runs_text() {
	if [ "$runs" = 1 ]; then echo "from one run"; else echo "the median of $runs runs"; fi
}

# median FILE COLUMN: the median of one column of numbers.
median() {
	awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '
		{ v[NR] = $1 }
		END { if (NR == 0) exit 1
		      if (NR % 2) print v[(NR + 1) / 2]
		      else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---- benchmark: loading and checking a revision ----------------------------

# The check of a synthetic revision of each size in $sizes: load (read,
# decode, scan, parse, build the model) and check every rule, as
# `renkei check DIR` does, process start and exit included.
bench_check() {
	local n dir rows="$work/check.rows" got sum
	: >"$rows"
	for n in $sizes; do
		dir=$work/layout-$n
		"$GEN" -n "$n" -s 1 -o "$dir" >"$work/gen-$n.out" ||
			{ echo "run.sh: gen_layout -n $n failed" >&2; return 1; }
		# Once for the result (and to warm the file cache): a clean pass
		# over exactly N items, with no diagnostic at all.
		if ! renkei check "$dir" >"$work/check-$n.out" 2>"$work/check-$n.err"; then
			cat "$work/check-$n.err" >&2
			echo "run.sh: renkei check failed on $n items" >&2
			return 1
		fi
		if [ -s "$work/check-$n.err" ]; then
			head -20 "$work/check-$n.err" >&2
			echo "run.sh: renkei check reported diagnostics on $n items" >&2
			return 1
		fi
		got=$(sed -n 's/.*, \([0-9]*\) items,.*/\1/p' "$work/check-$n.out")
		if [ "$got" != "$n" ]; then
			cat "$work/check-$n.out" >&2
			echo "run.sh: renkei check counted ${got:-no} items, expected $n" >&2
			return 1
		fi
		local m="$work/check-$n.m" i
		: >"$m"
		for ((i = 0; i < runs; i++)); do
			measure "$m" "$renkei_bin" check -q "$dir" ||
				{ cat "$m.stderr" >&2; echo "run.sh: renkei check failed on $n items" >&2; return 1; }
		done
		local files bytes wall cpu rss
		files=$(find "$dir" -name '*.layout' | wc -l)
		bytes=$(cat "$dir"/*.layout | wc -c)
		wall=$(median "$m" 1) cpu=$(median "$m" 2) rss=$(median "$m" 3)
		printf '%s %s %s %s %s %s\n' "$n" "$files" "$bytes" "$wall" "$cpu" "$rss" >>"$rows"
		awk -v n="$n" -v w="$wall" -v c="$cpu" -v r="$rss" -v k="$runs" 'BEGIN {
			printf "check %7d items: %.3f s wall, %.3f s CPU, %.1f MB (median of %d)\n",
				n, w, c, r / 1024, k }' >&2
	done
	check_section "$rows" >>"$report"
}

# check_section ROWS: the Markdown of the check benchmark.
check_section() {
	cat <<EOF

## Loading and checking a layout

\`renkei check DIR\` on synthetic revisions from \`bench/gen_layout\`
(seed 1): records of 50 to 200 items over files by field, nested and
repeated groups, every item type, about one code table per 40 items and
one named type per 60.  Each figure is $(runs_text); the wall time is
taken around the process, start-up and exit included, and the CPU time is
user + system.

| items | files | source MB | median s (wall) | median s (CPU) | peak RSS MB | µs/item | KB/item |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
	awk '{ printf "| %d | %d | %.1f | %.3f | %.3f | %.1f | %.2f | %.2f |\n",
		$1, $2, $3 / 1048576, $4, $5, $6 / 1024, $4 * 1e6 / $1, $6 / $1 }' "$1"
	echo
	awk '
		function k(x) { return x % 1000 ? x : (x / 1000) "k" }
		{ n[NR] = $1; t[NR] = $4; c[NR] = $5; r[NR] = $6 }
		END {
			if (NR < 2) { print "One size only: no growth to judge."; exit }
			a = NR - 1; b = NR; x = n[b] / n[a]
			tr = t[b] / t[a] / x; cr = (c[a] > 0 ? c[b] / c[a] / x : 1); rr = r[b] / r[a] / x
			lin = (cr < 1.3 && rr < 1.15)
			printf "From %s to %s items (x%.0f), the wall time grows x%.1f, the CPU time x%.1f ", k(n[a]), k(n[b]), x, t[b] / t[a], c[b] / c[a]
			printf "and the peak memory x%.1f: an item costs %.2f times the wall time, ", r[b] / r[a], tr
			printf "%.2f times the CPU time and %.2f times the memory it costs at %s ", cr, rr, k(n[a])
			printf "(the fixed cost of starting the process weighs less as the layout grows), "
			printf "so growth is %s.\n", (lin ? "linear" : "faster than linear")
			for (i = 1; i <= NR; i++)
				if (n[i] == 100000)
					printf "\nAt 100,000 items the median wall time is %.3f s (CPU %.3f s): %s the 1 s target.\n", t[i], c[i], (t[i] < 1 ? "within" : "over")
		}' "$1"
}

# ---- the report -------------------------------------------------------------

# The build's compiler and flags, from its Makefile when there is one.
compiler() {
	local cc="" cflags="" mk=$builddir/Makefile
	if [ -f "$mk" ]; then
		cc=$(sed -n 's/^CC = //p' "$mk" | head -1)
		cflags=$(sed -n 's/^CFLAGS = //p' "$mk" | head -1)
	fi
	cc=${cc:-cc}
	printf '%s (CFLAGS %s)\n' "$($cc --version 2>/dev/null | head -1)" "${cflags:-unknown}"
}

# The commit the measured build was made from (its source tree's, when the
# build's Makefile names it), and whether that tree had local changes.
source_version() {
	local src="" d
	[ -f "$builddir/Makefile" ] && src=$(sed -n 's/^abs_top_srcdir = //p' "$builddir/Makefile" | head -1)
	src=${src:-$here/..}
	d=$(git -C "$src" describe --always --dirty 2>/dev/null) || { echo "source not under git"; return; }
	case $d in
	*-dirty) echo "source at commit ${d%-dirty} with local changes" ;;
	*) echo "source at commit $d" ;;
	esac
}

environment() {
	local cpu mem os cores
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
	cores=$(nproc 2>/dev/null || echo '?')
	mem=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
	os=$( (. /etc/os-release 2>/dev/null && printf '%s' "$PRETTY_NAME"); printf ', %s %s' "$(uname -s)" "$(uname -r)")
	cat <<EOF
## Machine

| | |
| --- | --- |
| CPU | ${cpu:-unknown} |
| cores | $cores (online) |
| memory | ${mem:-unknown} |
| OS | $os |
| compiler | $(compiler) |
| renkei | $(renkei --version 2>/dev/null | head -1), $(source_version) |
| load average | $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) after |
| date | $(date -u +%Y-%m-%d) |
EOF
	local after
	after=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)
	if awk -v a="${load_before%% *}" -v b="${after:-0}" -v c="$cores" \
		'BEGIN { exit !(a + 0 >= c / 2 || b + 0 >= c / 2) }'; then
		cat <<EOF

The machine was shared and busy during the run (see the load average):
wall times include waiting for a CPU, and the CPU times are the steadier
figures.
EOF
	fi
}

commands() {
	local opts=""
	[ "$runs" != 5 ] && opts="$opts --runs $runs"
	[ "$sizes" != "1000 10000 100000" ] && opts="$opts --sizes \"$sizes\""
	cat <<EOF

## Commands

Produced, from the top of the source tree, by

    bench/run.sh$opts BUILDDIR

which, for each size N, runs (BUILDDIR and TMP stand for the build and a
temporary directory)

    BUILDDIR/bench/gen_layout -n N -s 1 -o TMP/layout-N${gen_built:+    # $gen_built}
    BUILDDIR/src/renkei check TMP/layout-N            # once: exit 0, no diagnostic, N items
    time /usr/bin/time -f %M BUILDDIR/src/.libs/renkei check -q TMP/layout-N    # $runs times

(\`src/.libs/renkei\` is the program behind libtool's wrapper script, run
with the library path the wrapper would set.)
EOF
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
report=$work/report.md
: >"$report"
if [ -n "$only" ] && ! printf '%s\n' "${BENCHES[@]}" | grep -qx -- "$only"; then
	fail "no benchmark named $only (known: ${BENCHES[*]})"
fi
status=0
for b in "${BENCHES[@]}"; do
	[ -n "$only" ] && [ "$only" != "$b" ] && continue
	"bench_$b" || status=1
done

if [ "$status" -ne 0 ]; then
	echo "run.sh: a benchmark failed; $output left as it was" >&2
	exit 1
fi
if [ "$rewrite" = 1 ]; then
	{
		echo "# Benchmark results"
		echo
		echo "Written by \`bench/run.sh\`; see \`bench/README.md\` for what each"
		echo "benchmark measures.  Run it again rather than editing this file."
		echo
		environment
		commands
		cat "$report"
	} >"$work/RESULTS.md" && mv "$work/RESULTS.md" "$output" ||
		fail "cannot write $output"
	echo "run.sh: wrote $output" >&2
else
	cat "$report"
fi
