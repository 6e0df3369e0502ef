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

BENCHES=(check diff validate codegen)
usage() {
	cat <<'EOF'
usage: bench/run.sh [OPTIONS] [BUILDDIR]

  --quick        smoke run: smallest size, one run, RESULTS.md left alone
  --runs N       runs of each measurement (default 5); medians are reported
  --sizes LIST   item counts for the check and diff benchmarks (default "1000 10000 100000")
  --only NAME    run one benchmark (of: check diff validate codegen); RESULTS.md left alone
  -o FILE        write the results to FILE instead of bench/RESULTS.md
  --keep         keep the generated layouts (their directory is printed)
  -h, --help     this help

Environment: RENKEI, GEN, BARE_SAX2, BARE_YAML, GEN_ASN1, CODEGEN_READ,
CODEGEN_WRITE, BARE_WRITER, ASN1C (the programs), LIBTOOL (to see through a
libtool wrapper), CC (to build gen_layout and the bare parsers when they
were not built), ASN1_CC and ASN1_CFLAGS (for asn1c's output; default: the
build's CC and CFLAGS).
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

# ---- the synthetic layouts ------------------------------------------------

# layout N [PCT]: prints the directory of the synthetic revision of N items
# (seed 1), generating it on first use; with PCT, of the next revision, PCT
# percent of its items changed (gen_layout -c), whose line of counts is
# kept in DIR.counts.
layout() {
	local n=$1 pct=${2:-} dir
	dir=$work/layout-$n${pct:+-c$pct}
	if [ ! -d "$dir" ]; then
		"$GEN" -n "$n" -s 1 ${pct:+-c "$pct"} -o "$dir" >"$dir.counts" ||
			{ rm -rf "$dir"; echo "run.sh: gen_layout -n $n ${pct:+-c $pct }failed" >&2; return 1; }
	fi
	printf '%s\n' "$dir"
}

# ---- benchmark: loading and checking a revision ----------------------------

# The check of a synthetic revision of each size in $sizes: load (read,
# decode, scan, parse, build the model) and check every rule, as
# `renkei check DIR` does, process start and exit included.
bench_check() {
	local n dir rows="$work/check.rows" got sum
	: >"$rows"
	for n in $sizes; do
		dir=$(layout "$n") || return 1
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
		bench_compile_size "$n" "$dir" || return 1
	done
	check_section "$rows" >>"$report"
	compile_section "$work/compile.rows" >>"$report"
}

# bench_compile_size N DIR: `renkei compile` of the layout of N items in
# DIR, a row of compile.rows: N, the bytes of C written, wall, CPU, RSS.
bench_compile_size() {
	local n=$1 dir=$2 out="$work/compile-$1" m="$work/compile-$1.m" i
	[ "$n" = "$(echo "$sizes" | awk '{ print $1 }')" ] && : >"$work/compile.rows"
	: >"$m"
	for ((i = 0; i < runs; i++)); do
		rm -rf "$out"
		measure "$m" "$renkei_bin" compile -q "$dir" -o "$out" ||
			{ cat "$m.stderr" >&2; echo "run.sh: renkei compile failed on $n items" >&2; return 1; }
	done
	local bytes wall cpu rss
	bytes=$(cat "$out"/* | wc -c)
	wall=$(median "$m" 1) cpu=$(median "$m" 2) rss=$(median "$m" 3)
	rm -rf "$out"
	printf '%s %s %s %s %s\n' "$n" "$bytes" "$wall" "$cpu" "$rss" >>"$work/compile.rows"
	awk -v n="$n" -v w="$wall" -v c="$cpu" -v r="$rss" -v k="$runs" 'BEGIN {
		printf "compile %5d items: %.3f s wall, %.3f s CPU, %.1f MB (median of %d)\n",
			n, w, c, r / 1024, k }' >&2
}

# compile_section ROWS: the Markdown of the compile benchmark.
compile_section() {
	cat <<EOF

## Compiling a layout to C

\`renkei compile -q DIR -o OUT\` on the same synthetic revisions (loading
and checking included, then the C header and source written); each figure
is $(runs_text).

| items | C written MB | median s (wall) | median s (CPU) | peak RSS MB | µs/item | KB/item |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
	awk '{ printf "| %d | %.1f | %.3f | %.3f | %.1f | %.2f | %.2f |\n",
		$1, $2 / 1048576, $3, $4, $5 / 1024, $3 * 1e6 / $1, $5 / $1 }' "$1"
	echo
	awk '{ print $1, 0, 0, $3, $4, $5 }' "$1" >"$1.growth"
	growth_text "$1.growth" compile
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
	growth_text "$1" check 1
}

# growth_text ROWS WHAT [TARGET]: whether time and memory grow linearly
# from the second largest size to the largest (ROWS: N _ _ wall CPU RSS per
# line), and, given a TARGET in seconds, how the 100,000-item run compares.
growth_text() {
	awk -v what="$2" -v target="${3:-}" '
		function k(x) { return x % 1000 ? x : (x / 1000) "k" }
		{ n[NR] = $1; t[NR] = $4; c[NR] = $5; r[NR] = $6 }
		END {
			if (NR < 2) { print "One size only: no growth to judge."; exit }
			a = NR - 1; b = NR; x = n[b] / n[a]
			tr = t[b] / t[a] / x; cr = (c[a] > 0 ? c[b] / c[a] / x : 1); rr = r[b] / r[a] / x
			lin = (cr < 1.3 && rr < 1.15)
			printf "From %s to %s items (x%.0f), the wall time of %s grows x%.1f, the CPU time x%.1f ", k(n[a]), k(n[b]), x, what, t[b] / t[a], c[b] / c[a]
			printf "and the peak memory x%.1f: an item costs %.2f times the wall time, ", r[b] / r[a], tr
			printf "%.2f times the CPU time and %.2f times the memory it costs at %s ", cr, rr, k(n[a])
			printf "(the fixed cost of starting the process weighs less as the layout grows), "
			printf "so growth is %s.\n", (lin ? "linear" : "faster than linear")
			for (i = 1; i <= NR; i++)
				if (n[i] == 100000 && target != "")
					printf "\nAt 100,000 items the median wall time is %.3f s (CPU %.3f s): %s the %s s target.\n", t[i], c[i], (t[i] < target + 0 ? "within" : "over"), target
		}' "$1"
}

# ---- benchmark: comparing two revisions ----------------------------------

# diff_expect COUNTS CSV: checks that the CSV report of `renkei diff`
# holds exactly the changes gen_layout made (its line of counts in COUNTS)
# and the four of the revision header, and prints how many in all.
diff_expect() {
	awk '
		NR == FNR {
			for (i = 1; i <= NF; i++)
				if (split($i, kv, "=") == 2)
					c[kv[1]] = kv[2]
			next
		}
		FNR > 1 { split($0, f, ","); got[f[1] "," f[2]]++; total++ }
		END {
			want["item,renamed"] = c["renamed"]
			want["item,type"] = c["retyped"]
			want["item,length_widened"] = c["widened"]
			want["item,added"] = c["added"]
			want["item,removed"] = c["removed"]
			want["item,version_raised"] = c["renamed"] + c["retyped"] + c["widened"]
			want["code value,added"] = c["code_added"]
			want["code value,removed"] = c["code_removed"]
			want["code value,label"] = c["code_relabelled"]
			want["revision,renamed"] = want["revision,title"] = 1
			want["revision,released"] = want["revision,previous"] = 1
			for (k in want)
				if (got[k] + 0 != want[k] + 0) {
					printf "run.sh: diff reports %d changes \"%s\", gen_layout made %d\n",
						got[k], k, want[k] > "/dev/stderr"
					bad = 1
				}
			for (k in got)
				if (!(k in want)) {
					printf "run.sh: diff reports %d changes \"%s\", gen_layout made none\n",
						got[k], k > "/dev/stderr"
					bad = 1
				}
			if (bad)
				exit 1
			print total
		}' "$1" "$2"
}

# The comparison of two synthetic revisions of each size in $sizes, the
# second with 1% of its items changed: `renkei diff OLD NEW` as a person
# runs it (both revisions loaded and checked, compared, the text report
# written), process start and exit included.
bench_diff() {
	local n old new rows="$work/diff.rows" changes m i
	: >"$rows"
	for n in $sizes; do
		old=$(layout "$n") && new=$(layout "$n" 1) || return 1
		# Once for the result: every change gen_layout made, no other.
		if ! renkei diff --format=csv "$old" "$new" >"$work/diff-$n.csv" 2>"$work/diff-$n.err" ||
			[ -s "$work/diff-$n.err" ]; then
			head -20 "$work/diff-$n.err" >&2
			echo "run.sh: renkei diff failed on $n items" >&2
			return 1
		fi
		changes=$(diff_expect "$new.counts" "$work/diff-$n.csv") || {
			echo "run.sh: renkei diff on $n items does not report what gen_layout changed" >&2
			return 1
		}
		m=$work/diff-$n.m
		: >"$m"
		for ((i = 0; i < runs; i++)); do
			measure "$m" "$renkei_bin" diff "$old" "$new" ||
				{ cat "$m.stderr" >&2; echo "run.sh: renkei diff failed on $n items" >&2; return 1; }
		done
		if ! head -1 "$m.stdout" | grep -q "^Changes from BENCH to BENCH2: $changes changes\$"; then
			head -3 "$m.stdout" >&2
			echo "run.sh: renkei diff on $n items: its report does not count $changes changes" >&2
			return 1
		fi
		local wall cpu rss
		wall=$(median "$m" 1) cpu=$(median "$m" 2) rss=$(median "$m" 3)
		printf '%s %s %s %s %s\n' "$n" "$changes" "$wall" "$cpu" "$rss" >>"$rows"
		awk -v n="$n" -v ch="$changes" -v w="$wall" -v c="$cpu" -v r="$rss" -v k="$runs" 'BEGIN {
			printf "diff  %7d items (%d changes): %.3f s wall, %.3f s CPU, %.1f MB (median of %d)\n",
				n, ch, w, c, r / 1024, k }' >&2
	done
	diff_section "$rows" >>"$report"
}

# diff_section ROWS: the Markdown of the diff benchmark.
diff_section() {
	cat <<EOF

## Comparing two revisions

\`renkei diff OLD NEW\` on pairs of synthetic revisions from
\`bench/gen_layout\`: OLD is the revision of the check benchmark, NEW the
next revision of it (\`-c 1\`), with 1% of its items changed (renamed,
retyped, widened, followed by a new item, or removed; the version of each
raised) and 4% of its code tables (a value added, removed or relabelled).
The whole command is measured: both revisions read and checked (on two
threads), compared, and the text report written.  Each pair is checked
first: the CSV report holds exactly the changes gen_layout made and the
four of the revision header.  Each figure is $(runs_text); the CPU time is
user + system, of both threads.

| items | changes | median s (wall) | median s (CPU) | peak RSS MB | µs/item | KB/item |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
	awk '{ printf "| %d | %d | %.3f | %.3f | %.1f | %.2f | %.2f |\n",
		$1, $2, $3, $4, $5 / 1024, $3 * 1e6 / $1, $5 / $1 }' "$1"
	echo
	awk '
		function k(x) { return x % 1000 ? x : (x / 1000) "k" }
		{ n[NR] = $1; t[NR] = $3; c[NR] = $4; r[NR] = $5 }
		END {
			if (NR < 2) { print "One size only: no growth to judge."; exit }
			a = NR - 1; b = NR; x = n[b] / n[a]
			cr = (c[a] > 0 ? c[b] / c[a] / x : 1); rr = r[b] / r[a] / x
			lin = (cr < 1.3 && rr < 1.15)
			printf "From %s to %s items (x%.0f), the wall time grows x%.1f, the CPU time x%.1f ", k(n[a]), k(n[b]), x, t[b] / t[a], c[b] / c[a]
			printf "and the peak memory x%.1f, so growth is %s.\n", r[b] / r[a], (lin ? "linear" : "faster than linear")
			for (i = 1; i <= NR; i++)
				if (n[i] == 100000 && target != "")
					printf "\nAt 100,000 items the median wall time is %.3f s (CPU %.3f s): %s the %s s target.\n", t[i], c[i], (t[i] < target + 0 ? "within" : "over"), target
		}' "$1"
}

# ---- benchmark: validating payloads ----------------------------------------

# bare_prog VAR NAME PKG LIBS: the path of a bare parser, from $VAR or the
# build, else compiled here from bench/NAME.c.
bare_prog() {
	local var=$1 name=$2 pc=$3 p
	p=${!var:-$builddir/bench/$name}
	if [ ! -x "$p" ]; then
		echo "run.sh: no $name at $p; compiling bench/$name.c" >&2
		p=$work/$name
		# shellcheck disable=SC2046
		${CC:-cc} -O2 $(pkg-config --cflags "$pc" 2>/dev/null) -o "$p" "$here/$name.c" \
			$(pkg-config --libs "$pc" 2>/dev/null || echo "$4") >&2 || return 1
	fi
	absolute "$p"
}

# vmeasure TAG EXPECT CMD...: checks CMD once (exit 0, and EXPECT, a grep
# pattern, found in its stdout + stderr), then measures it $runs times
# into $work/v-TAG.m and prints the medians "wall cpu rss".
vmeasure() {
	local tag=$1 expect=$2 m i
	shift 2
	m=$work/v-$tag.m
	: >"$m"
	: >"$m.check"
	if ! measure "$m.check" "$@" || { [ -n "$expect" ] &&
		! cat "$m.check.stdout" "$m.check.stderr" | grep -q -- "$expect"; }; then
		head -20 "$m.check.stdout" "$m.check.stderr" >&2
		echo "run.sh: $tag: wrong result from $* (expected /$expect/)" >&2
		return 1
	fi
	[ "$runs" -gt 0 ] || { awk '{ print $1, $2, $3 }' "$m.check"; return 0; }
	for ((i = 0; i < runs; i++)); do
		measure "$m" "$@" || { cat "$m.stderr" >&2; echo "run.sh: $tag failed" >&2; return 1; }
	done
	printf '%s %s %s\n' "$(median "$m" 1)" "$(median "$m" 2)" "$(median "$m" 3)"
}

# vrow TAG RECORDS BYTES "WALL CPU RSS": one row of the validate table.
vrow() {
	printf '%s %s %s %s\n' "$1" "$2" "$3" "$4" >>"$work/validate.rows"
	echo "validate $1: $4 (wall s, CPU s, peak KB; $(runs_text))" >&2
}

# The validation of payloads: renkei validate against the bare parsers
# (the limit) and xmllint --stream, with and without the equivalent XSD.
bench_validate() {
	local lay=$here/../layouts/R06 rows=$work/validate.rows
	local n_xml=120000 n_j=27600 n_yaml=40000 n_small=5500 n_huge=560000
	if [ "$quick" = 1 ]; then
		n_xml=1000 n_j=200 n_yaml=500 n_small=500 n_huge=2000
	fi
	[ -d "$lay" ] || { echo "run.sh: no layouts/R06 at $lay" >&2; return 1; }
	lay=$(cd "$lay" && pwd)
	local bs by
	bs=$(bare_prog BARE_SAX2 bare_sax2 libxml-2.0 -lxml2) ||
		{ echo "run.sh: cannot compile bench/bare_sax2.c" >&2; return 1; }
	by=$(bare_prog BARE_YAML bare_yaml yaml-0.1 -lyaml) ||
		{ echo "run.sh: cannot compile bench/bare_yaml.c" >&2; return 1; }
	bare_built=""
	case $bs in "$work"/*) bare_built="$bare_built bare_sax2" ;; esac
	case $by in "$work"/*) bare_built="$bare_built bare_yaml" ;; esac
	local xml=$work/big.xml yaml=$work/big.yaml xsd=$work/r06.xsd i r
	renkei sample -l "$lay" --count "$n_xml" -o "$xml" &&
		renkei sample -l "$lay" --count "$n_yaml" --format yaml -o "$yaml" &&
		renkei xsd "$lay" -o "$xsd" ||
		{ echo "run.sh: renkei sample/xsd failed" >&2; return 1; }
	local jfiles=()
	for i in 1 2 3 4; do
		renkei sample -l "$lay" --count "$n_j" --seed "$i" -o "$work/j$i.xml" ||
			{ echo "run.sh: renkei sample failed" >&2; return 1; }
		jfiles+=("$work/j$i.xml")
	done
	local have_xmllint=1
	command -v xmllint >/dev/null 2>&1 || have_xmllint=0
	: >"$rows"
	local xb yb jb
	xb=$(wc -c <"$xml") yb=$(wc -c <"$yaml") jb=$(cat "${jfiles[@]}" | wc -c)
	cat "$xml" "$yaml" "${jfiles[@]}" >/dev/null    # the file cache
	r=$(vmeasure bare "^records=$n_xml\$" "$bs" "$xml") || return 1
	vrow bare_sax2 "$n_xml" "$xb" "$r"
	r=$(vmeasure renkei "valid (R06, $n_xml records)" "$renkei_bin" validate -l "$lay" "$xml") || return 1
	vrow renkei_xml "$n_xml" "$xb" "$r"
	if [ "$have_xmllint" = 1 ]; then
		r=$(vmeasure xmllint '' xmllint --stream --noout "$xml") || return 1
		vrow xmllint_stream "$n_xml" "$xb" "$r"
		r=$(vmeasure xmllint_schema ' validates$' xmllint --stream --noout --schema "$xsd" "$xml") || return 1
		vrow xmllint_schema "$n_xml" "$xb" "$r"
	fi
	r=$(vmeasure j1 "$((4 * n_j)) records, 0 errors" "$renkei_bin" validate -j 1 -l "$lay" "${jfiles[@]}") || return 1
	vrow renkei_j1 "$((4 * n_j))" "$jb" "$r"
	r=$(vmeasure j2 "$((4 * n_j)) records, 0 errors" "$renkei_bin" validate -j 2 -l "$lay" "${jfiles[@]}") || return 1
	vrow renkei_j2 "$((4 * n_j))" "$jb" "$r"
	r=$(vmeasure bare_yaml '^events=' "$by" "$yaml") || return 1
	vrow bare_yaml "$n_yaml" "$yb" "$r"
	r=$(vmeasure renkei_yaml "valid (R06, $n_yaml records)" "$renkei_bin" validate -l "$lay" "$yaml") || return 1
	vrow renkei_yaml "$n_yaml" "$yb" "$r"
	rm -f "$xml" "$yaml" "${jfiles[@]}"
	# Memory against the payload's size: a small and a huge payload, the
	# huge one validated once and deleted at once.
	local small=$work/small.xml huge=$work/huge.xml sb hb save=$runs st
	renkei sample -l "$lay" --count "$n_small" -o "$small" ||
		{ echo "run.sh: renkei sample failed" >&2; return 1; }
	sb=$(wc -c <"$small")
	r=$(vmeasure small "valid (R06, $n_small records)" "$renkei_bin" validate -l "$lay" "$small") || return 1
	vrow renkei_small "$n_small" "$sb" "$r"
	rm -f "$small"
	renkei sample -l "$lay" --count "$n_huge" -o "$huge" ||
		{ rm -f "$huge"; echo "run.sh: renkei sample failed" >&2; return 1; }
	hb=$(wc -c <"$huge")
	runs=0
	r=$(vmeasure huge "valid (R06, $n_huge records)" "$renkei_bin" validate -l "$lay" "$huge")
	st=$?
	runs=$save
	rm -f "$huge"
	[ "$st" -eq 0 ] || return 1
	vrow renkei_huge "$n_huge" "$hb" "$r"
	validate_svg "$rows" >"$svg_out" || return 1
	validate_section "$rows" "$have_xmllint" >>"$report"
}

# validate_svg ROWS: a bar chart of XML throughput (MB/s by wall time and
# by CPU time), written with printf.
validate_svg() {
	local bars w=560 x0=190 label wall cpu max y=44 a b h
	bars=$(awk '
		$1 == "bare_sax2" { l = "bare SAX2 push (limit)" }
		$1 == "renkei_xml" { l = "renkei validate" }
		$1 == "xmllint_stream" { l = "xmllint --stream" }
		$1 == "xmllint_schema" { l = "xmllint --stream --schema" }
		l != "" { printf "%s|%.1f|%.1f\n", l, $3 / 1e6 / $4, ($5 > 0 ? $3 / 1e6 / $5 : 0); l = "" }' "$1")
	max=$(printf '%s\n' "$bars" | awk -F'|' '{ if ($2 > m) m = $2; if ($3 > m) m = $3 } END { print int(m / 50 + 1) * 50 }')
	h=$((y + 56 * $(printf '%s\n' "$bars" | grep -c .) + 30))
	printf '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">\n' $((x0 + w + 120)) "$h" $((x0 + w + 120)) "$h"
	printf '<rect width="100%%" height="100%%" fill="white"/>\n'
	printf '<text x="10" y="20" font-size="14" font-weight="bold">renkei validate: XML throughput in MB/s on a %s payload (higher is better)</text>\n' \
		"$(awk '$1 == "renkei_xml" { printf "%.0f MB", $3 / 1e6 }' "$1")"
	while IFS='|' read -r label wall cpu; do
		[ -n "$label" ] || continue
		a=$(awk -v v="$wall" -v m="$max" -v w="$w" 'BEGIN { printf "%d", v / m * w }')
		b=$(awk -v v="$cpu" -v m="$max" -v w="$w" 'BEGIN { printf "%d", v / m * w }')
		printf '<text x="%d" y="%d" text-anchor="end">%s</text>\n' $((x0 - 8)) $((y + 23)) "$label"
		printf '<rect x="%d" y="%d" width="%d" height="18" fill="#4e79a7"/>\n' "$x0" "$y" "$a"
		printf '<text x="%d" y="%d">%s (wall)</text>\n' $((x0 + a + 4)) $((y + 14)) "$wall"
		printf '<rect x="%d" y="%d" width="%d" height="18" fill="#f28e2b"/>\n' "$x0" $((y + 20)) "$b"
		printf '<text x="%d" y="%d">%s (CPU)</text>\n' $((x0 + b + 4)) $((y + 34)) "$cpu"
		y=$((y + 56))
	done <<<"$bars"
	printf '<line x1="%d" y1="36" x2="%d" y2="%d" stroke="black"/>\n' "$x0" "$x0" $((y - 10))
	printf '<rect x="%d" y="%d" width="12" height="12" fill="#4e79a7"/><text x="%d" y="%d">MB/s by wall time (median)</text>\n' "$x0" "$y" $((x0 + 16)) $((y + 11))
	printf '<rect x="%d" y="%d" width="12" height="12" fill="#f28e2b"/><text x="%d" y="%d">MB/s by CPU time, user + system (median)</text>\n' $((x0 + 210)) "$y" $((x0 + 226)) $((y + 11))
	printf '</svg>\n'
}

# validate_section ROWS HAVE_XMLLINT: the Markdown of the validate benchmark.
validate_section() {
	cat <<SECTION

## Validating payloads

Payloads from \`renkei sample -l layouts/R06\` (valid, seed 1 unless told),
validated single-threaded by \`renkei validate\` and by its references: the
limit, a bare libxml2 SAX2 push parse with empty handlers fed 256 KB
chunks with \`xmlParseChunk\` as renkei does (\`bench/bare_sax2.c\`), and
a bare libyaml event loop (\`bench/bare_yaml.c\`); and \`xmllint
--stream\`, without and with the equivalent XML Schema from \`renkei xsd\`.
Each figure is $(runs_text) (the largest payload: one run), all in the
same run; MB are 10^6 bytes; throughputs are by wall time and, steadier on
a shared machine, by CPU time (user + system).  Every command is checked
once first: exit 0, every record counted, xmllint's \`validates\`.

Commands (TMP a temporary directory; RENKEI is BUILDDIR/src/.libs/renkei,
the program behind libtool's wrapper):

    RENKEI sample -l layouts/R06 --count N [--format yaml] [--seed S] -o TMP/FILE
    RENKEI xsd layouts/R06 -o TMP/r06.xsd
    BUILDDIR/bench/bare_sax2 TMP/big.xml${bare_built:+    # compiled by run.sh:$bare_built}
    RENKEI validate -l layouts/R06 TMP/big.xml
    xmllint --stream --noout TMP/big.xml
    xmllint --stream --noout --schema TMP/r06.xsd TMP/big.xml
    RENKEI validate -j 1 -l layouts/R06 TMP/j1.xml TMP/j2.xml TMP/j3.xml TMP/j4.xml    # seeds 1 to 4
    RENKEI validate -j 2 -l layouts/R06 TMP/j1.xml TMP/j2.xml TMP/j3.xml TMP/j4.xml
    BUILDDIR/bench/bare_yaml TMP/big.yaml
    RENKEI validate -l layouts/R06 TMP/big.yaml
    RENKEI validate -l layouts/R06 TMP/small.xml
    RENKEI validate -l layouts/R06 TMP/huge.xml        # once, then deleted

each under \`time /usr/bin/time -f %M\`.

| case | records | MB | wall s | CPU s | MB/s (wall) | MB/s (CPU) | records/s (wall) | records/s (CPU) | peak RSS MB |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
SECTION
	awk '
		BEGIN {
			n["bare_sax2"] = "XML: bare libxml2 SAX2 push (limit)"
			n["renkei_xml"] = "XML: renkei validate"
			n["xmllint_stream"] = "XML: xmllint --stream --noout"
			n["xmllint_schema"] = "XML: xmllint --stream --noout --schema"
			n["renkei_j1"] = "XML, 4 files: renkei validate -j 1"
			n["renkei_j2"] = "XML, 4 files: renkei validate -j 2"
			n["bare_yaml"] = "YAML: bare libyaml events (limit)"
			n["renkei_yaml"] = "YAML: renkei validate"
			n["renkei_small"] = "XML, small: renkei validate"
			n["renkei_huge"] = "XML, huge: renkei validate (1 run)"
		}
		{ c = ($5 > 0 ? $5 : 0.001)
		  printf "| %s | %d | %.1f | %.3f | %.3f | %.1f | %.1f | %.0f | %.0f | %.1f |\n",
			n[$1], $2, $3 / 1e6, $4, $5, $3 / 1e6 / $4, $3 / 1e6 / c, $2 / $4, $2 / c, $6 / 1024 }' "$1"
	echo
	echo "![XML validation throughput, MB/s](validate.svg)"
	[ "$2" = 1 ] || printf '\nxmllint is not installed: its rows are missing.\n'
	awk -v cores="$(nproc 2>/dev/null || echo '?')" '
		{ w[$1] = $4; c[$1] = ($5 > 0 ? $5 : 0.001); r[$1] = $6; b[$1] = $3 }
		function verdict(x, t) { return x >= t ? "met" : "missed" }
		END {
			rw = w["bare_sax2"] / w["renkei_xml"]; rc = c["bare_sax2"] / c["renkei_xml"]
			printf "\n- **renkei / bare SAX2** (XML throughput): %.2f× by wall time, %.2f× by CPU time (target ≥ 0.7×: %s by wall time, %s by CPU time).\n", rw, rc, verdict(rw, 0.7), verdict(rc, 0.7)
			if ("xmllint_schema" in w) {
				sw = w["xmllint_schema"] / w["renkei_xml"]; sc = c["xmllint_schema"] / c["renkei_xml"]
				printf "- **renkei against xmllint --stream --schema**: renkei is %.2f× faster by wall time, %.2f× by CPU time (target ≥ 2×: %s by wall time, %s by CPU time).  Plain `xmllint --stream --noout`, which checks only well-formedness, takes %.2f× renkei'"'"'s CPU time.\n", sw, sc, verdict(sw, 2), verdict(sc, 2), c["xmllint_stream"] / c["renkei_xml"]
			}
			printf "- **-j 2 against -j 1 over 4 files**: %.2f× the speed by wall time (%.3f s against %.3f s), for CPU times of %.3f s and %.3f s, on %s online cores; on a busy machine the second worker waits for a CPU, so the wall-time scaling shows the load as much as the program.\n", w["renkei_j1"] / w["renkei_j2"], w["renkei_j2"], w["renkei_j1"], c["renkei_j2"], c["renkei_j1"], cores
			yw = w["bare_yaml"] / w["renkei_yaml"]; yc = c["bare_yaml"] / c["renkei_yaml"]
			printf "- **renkei / bare libyaml** (YAML throughput): %.2f× by wall time, %.2f× by CPU time (target ≥ 0.7×: %s by wall time, %s by CPU time).\n", yw, yc, verdict(yw, 0.7), verdict(yc, 0.7)
			printf "- **Memory**: peak RSS %.1f MB for %.0f MB of XML and %.1f MB for %.0f MB: %.0f times the payload for %.2f times the memory, so memory does not grow with the payload.\n", r["renkei_small"] / 1024, b["renkei_small"] / 1e6, r["renkei_huge"] / 1024, b["renkei_huge"] / 1e6, b["renkei_huge"] / b["renkei_small"], r["renkei_huge"] / r["renkei_small"]
		}' "$1"
}

# ---- benchmark: the generated code ------------------------------------------

# bench_codegen: the generated readers and writers against asn1c and bare
# libxml2 loops, in bench/codegen.sh.
# shellcheck source=bench/codegen.sh
. "$here/codegen.sh"

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
# build's Makefile names it), and whether that tree had local changes: in
# files git tracks, the results of an earlier run left out.
source_version() {
	local src="" d
	[ -f "$builddir/Makefile" ] && src=$(sed -n 's/^abs_top_srcdir = //p' "$builddir/Makefile" | head -1)
	src=${src:-$here/..}
	d=$(git -C "$src" describe --always 2>/dev/null) || { echo "source not under git"; return; }
	if [ -n "$(git -C "$src" status --porcelain --untracked-files=no -- . \
		':!bench/RESULTS.md' ':!bench/validate.svg' 2>/dev/null)" ]; then
		echo "source at commit $d with local changes"
	else
		echo "source at commit $d"
	fi
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

    BUILDDIR/bench/gen_layout -n N -s 1 -c 1 -o TMP/layout-N-c1
    BUILDDIR/src/renkei diff --format=csv TMP/layout-N TMP/layout-N-c1    # once: exactly the changes made
    time /usr/bin/time -f %M BUILDDIR/src/.libs/renkei diff TMP/layout-N TMP/layout-N-c1    # $runs times

(\`src/.libs/renkei\` is the program behind libtool's wrapper script, run
with the library path the wrapper would set.)
EOF
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
report=$work/report.md
: >"$report"
# The chart of the validate benchmark goes beside the results in a full run.
svg_out=$work/validate.svg
[ "$rewrite" = 1 ] && svg_out=$(dirname "$output")/validate.svg
bare_built=""
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
