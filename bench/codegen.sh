# bench/codegen.sh: the benchmark of the code `renkei compile` generates,
# sourced by bench/run.sh (it uses run.sh's variables and its measure,
# vmeasure, median and bare_prog), which lists it as `codegen`.
#
# Readers: the generated reader of revision R06 (read into structs, then
# validate each record) against asn1c's generated XER decoder with its
# constraint checks, on the same records, and against a bare libxml2 SAX2
# parse, the limit.  asn1c's side is built here, at benchmark time, from
# Debian's asn1c: bench/gen_asn1 writes the ASN.1 module from the layout,
# asn1c compiles it into $work, and bench/asn1/read_xer.c drives it; the
# payloads are converted to XER by bench/gen_asn1 --xer.  Nothing of it is
# kept.  Without asn1c its rows are skipped, and the section says so.
#
# Writers: the generated writer against a bare xmlTextWriter loop writing
# the same elements (bench/bare_writer.c); the two outputs must be the
# same bytes.
#
# Programs: $GEN_ASN1, $CODEGEN_READ, $CODEGEN_WRITE, $BARE_WRITER when
# set, else BUILDDIR/bench/...; $ASN1C (default asn1c); asn1c's output is
# compiled with the build's compiler and CFLAGS, or $ASN1_CC and
# $ASN1_CFLAGS.

# run.sh sets work, here, quick, report...; cg_prog sets the cg_ programs.
# shellcheck disable=SC2154

# cg_prog OUT VAR NAME: sets OUT to the program NAME from $VAR or
# BUILDDIR/bench, seen through libtool's wrapper (the library path the
# wrapper sets goes into cg_env).
cg_prog() {
	local p=${!2:-$builddir/bench/$3} lt out ld
	if [ ! -x "$p" ]; then
		echo "run.sh: no $3 at $p (build it: make bench/$3; or set $2)" >&2
		return 1
	fi
	if head -c 2048 "$p" | grep -q 'libtool'; then
		lt=${LIBTOOL:-$builddir/libtool}
		out=$("$lt" --mode=execute sh -c \
			'printf "%s\n%s\n" "$1" "${LD_LIBRARY_PATH-}"' sh "$p") ||
			{ echo "run.sh: cannot see through libtool's wrapper $p" >&2; return 1; }
		p=$(printf '%s\n' "$out" | sed -n 1p)
		ld=$(printf '%s\n' "$out" | sed -n 2p)
		[ -n "$ld" ] && cg_env=("LD_LIBRARY_PATH=$ld")
	fi
	printf -v "$1" '%s' "$(absolute "$p")"
}

# cg CMD...: runs a program cg_prog found, with the library path it needs.
cg() {
	env ${cg_env[@]+"${cg_env[@]}"} "$@"
}

# cg_asn1c DIR MODULE: asn1c's decoder of MODULE and bench/asn1/read_xer.c
# built into DIR/read_xer; its version on stdout.
cg_asn1c() {
	local dir=$1 module=$2 cc cflags mk=$builddir/Makefile
	cc=${ASN1_CC:-} cflags=${ASN1_CFLAGS:-}
	if [ -f "$mk" ]; then
		[ -n "$cc" ] || cc=$(sed -n 's/^CC = //p' "$mk" | head -1)
		[ -n "$cflags" ] || cflags=$(sed -n 's/^CFLAGS = //p' "$mk" | head -1)
	fi
	cc=${cc:-cc} cflags=${cflags:--O2}
	mkdir -p "$dir/src" || return 1
	(cd "$dir/src" && "$ASN1C" -fcompound-names -pdu=Record "$module") \
		>"$dir/asn1c.log" 2>&1 ||
		{ cat "$dir/asn1c.log" >&2; echo "run.sh: asn1c failed on $module" >&2; return 1; }
	# Its sample converter has a main() of its own.
	rm -f "$dir/src/converter-sample.c"
	# $cc and $cflags are lists of words.
	# shellcheck disable=SC2086
	if ! (cd "$dir/src" && printf '%s\n' ./*.c |
		xargs -P "$(nproc 2>/dev/null || echo 2)" -n 8 $cc $cflags -w -I. -c) \
		>"$dir/cc.log" 2>&1 ||
		! $cc $cflags -w -I"$dir/src" -o "$dir/read_xer" "$here/asn1/read_xer.c" \
			"$dir"/src/*.o >>"$dir/cc.log" 2>&1; then
		tail -20 "$dir/cc.log" >&2
		echo "run.sh: cannot compile asn1c's output" >&2
		return 1
	fi
	echo "$cc $cflags" >"$dir/cflags"
	"$ASN1C" -v 2>&1 | head -1
}

# cgrow TAG RECORDS BYTES "WALL CPU RSS": one row of the codegen tables.
cgrow() {
	printf '%s %s %s %s\n' "$1" "$2" "$3" "$4" >>"$work/codegen.rows"
	echo "codegen $1: $4 (wall s, CPU s, peak KB; $(runs_text))" >&2
}

# cg_reader_case NAME RECORDS XML XER [--all]: the three readers on one
# payload, each checked (every record read, no error) and measured.
cg_reader_case() {
	local name=$1 n=$2 xml=$3 xer=$4 all=${5:-} r
	r=$(vmeasure "cg-bare-$name" "^records=$n\$" "$cg_bare" "$xml") || return 1
	cgrow "bare_$name" "$n" "$(wc -c <"$xml")" "$r"
	r=$(vmeasure "cg-read-$name" "^records=$n errors=0\$" \
		env ${cg_env[@]+"${cg_env[@]}"} "$cg_read" ${all:+"$all"} "$xml") || return 1
	cgrow "gen_$name" "$n" "$(wc -c <"$xml")" "$r"
	[ -n "$xer" ] || return 0
	r=$(vmeasure "cg-asn1c-$name" "^records=$n errors=0\$" "$cg_xer" "$xer") || return 1
	cgrow "asn1c_$name" "$n" "$(wc -c <"$xer")" "$r"
}

# cg_writer_case NAME RECORDS SEED [--all]: the generated writer and the
# bare loop; their outputs must be the same bytes, and valid.
cg_writer_case() {
	local name=$1 n=$2 seed=$3 all=${4:-} out=$work/written.xml r b
	cg "$cg_write" ${all:+"$all"} -n "$n" "$seed" "$out" 2>/dev/null &&
		"$cg_bwrite" -n "$n" "$seed" "$out.bare" 2>/dev/null ||
		{ echo "run.sh: codegen: a writer failed on $seed" >&2; return 1; }
	if ! cmp -s "$out" "$out.bare"; then
		cmp "$out" "$out.bare" >&2
		echo "run.sh: codegen: the generated and the bare writer wrote different bytes" >&2
		return 1
	fi
	if ! renkei validate -l "$lay" "$out" 2>&1 | grep -q "valid (R06, $n records)"; then
		renkei validate -l "$lay" "$out" 2>&1 | head -5 >&2
		echo "run.sh: codegen: the generated writer's output is not valid" >&2
		return 1
	fi
	b=$(wc -c <"$out")
	rm -f "$out" "$out.bare"
	r=$(vmeasure "cg-bwrite-$name" "^records=$n\$" "$cg_bwrite" -n "$n" "$seed" /dev/null) || return 1
	cgrow "bwrite_$name" "$n" "$b" "$r"
	r=$(vmeasure "cg-write-$name" "^records=$n\$" \
		env ${cg_env[@]+"${cg_env[@]}"} "$cg_write" ${all:+"$all"} -n "$n" "$seed" /dev/null) || return 1
	cgrow "write_$name" "$n" "$b" "$r"
}

# The values each side must refuse: a record whose first item is one
# character too long (a rule ASN.1 says too), in a small payload.
cg_check_errors() {
	local seed=$1 bad=$work/bad.xml out
	sed '0,/<atena_no>[^<]*</s//<atena_no>ABCDEFGHIJKLMNOP</' "$seed" >"$bad"
	out=$(cg "$cg_read" "$bad" 2>/dev/null)
	case $out in
	*"errors=0"* | "") echo "run.sh: codegen: the generated reader missed an error ($out)" >&2; return 1 ;;
	esac
	[ -n "$cg_xer" ] || return 0
	cg "$cg_gen_asn1" --xer -o "$bad.xer" "$lay" "$bad" 2>/dev/null &&
		out=$("$cg_xer" "$bad.xer" 2>/dev/null) || out=""
	case $out in
	*"errors=1") ;;
	*) echo "run.sh: codegen: asn1c's decoder missed an error ($out)" >&2; return 1 ;;
	esac
	rm -f "$bad" "$bad.xer"
}

bench_codegen() {
	local lay=$here/../layouts/R06 rows=$work/codegen.rows cgw=$work/codegen
	local n_one=130000 n_all=120000
	cg_n_seed=1000
	if [ "$quick" = 1 ]; then
		n_one=400 n_all=400 cg_n_seed=100
	fi
	lay=$(cd "$lay" && pwd) || { echo "run.sh: no layouts/R06" >&2; return 1; }
	cg_env=()
	cg_prog cg_gen_asn1 GEN_ASN1 gen_asn1 &&
		cg_prog cg_read CODEGEN_READ codegen_read &&
		cg_prog cg_write CODEGEN_WRITE codegen_write &&
		cg_prog cg_bwrite BARE_WRITER bare_writer || return 1
	cg_bare=$(bare_prog BARE_SAX2 bare_sax2 libxml-2.0 -lxml2) || return 1
	mkdir -p "$cgw" || return 1
	: >"$rows"

	local one=$cgw/one.xml all=$cgw/all.xml seed_one=$cgw/seed-one.xml seed_all=$cgw/seed-all.xml
	renkei sample -l "$lay" --record kaigo_jukyusha --count "$n_one" -o "$one" &&
		renkei sample -l "$lay" --count "$n_all" -o "$all" &&
		renkei sample -l "$lay" --record kaigo_jukyusha --count "$cg_n_seed" -o "$seed_one" &&
		renkei sample -l "$lay" --count "$cg_n_seed" -o "$seed_all" ||
		{ echo "run.sh: renkei sample failed" >&2; return 1; }

	ASN1C=${ASN1C:-asn1c}
	cg_xer="" cg_asn1c_version="" cg_asn1c_lines=0
	local one_xer="" all_xer=""
	if command -v "$ASN1C" >/dev/null 2>&1; then
		cg "$cg_gen_asn1" -o "$cgw/r06.asn" "$lay" ||
			{ echo "run.sh: gen_asn1 failed" >&2; return 1; }
		cg_asn1c_lines=$(wc -l <"$cgw/r06.asn")
		cg_asn1c_version=$(cg_asn1c "$cgw/asn1c" "$cgw/r06.asn") || return 1
		cg_asn1c_cflags=$(cat "$cgw/asn1c/cflags")
		cg_xer=$cgw/asn1c/read_xer
		one_xer=$cgw/one.xer all_xer=$cgw/all.xer
		cg "$cg_gen_asn1" --xer -o "$one_xer" "$lay" "$one" 2>/dev/null &&
			cg "$cg_gen_asn1" --xer -o "$all_xer" "$lay" "$all" 2>/dev/null ||
			{ echo "run.sh: gen_asn1 --xer failed" >&2; return 1; }
	else
		echo "run.sh: codegen: skipped: asn1c not installed" >&2
	fi
	cg_check_errors "$seed_one" || return 1

	cat "$one" "$all" ${one_xer:+"$one_xer"} ${all_xer:+"$all_xer"} >/dev/null  # the file cache
	cg_reader_case one "$n_one" "$one" "$one_xer" || return 1
	rm -f "$one" ${one_xer:+"$one_xer"}
	cg_reader_case all "$n_all" "$all" "$all_xer" --all || return 1
	rm -f "$all" ${all_xer:+"$all_xer"}
	cg_writer_case one "$n_one" "$seed_one" || return 1
	cg_writer_case all "$n_all" "$seed_all" --all || return 1
	codegen_section "$rows" >>"$report"
}

# codegen_section ROWS: the Markdown of the codegen benchmark.
codegen_section() {
	local asn1c_note
	if [ -n "$cg_xer" ]; then
		asn1c_note="asn1c is $cg_asn1c_version (Debian's package), its output
compiled with \`$cg_asn1c_cflags\`, as the project's code is."
	else
		asn1c_note="**asn1c: skipped: asn1c not installed** (\`apt-get install asn1c\`):
its rows and ratios are missing."
	fi
	cat <<SECTION

## Generated code against asn1c and bare libxml2

The code \`renkei compile layouts/R06\` generates (\`generated/R06\`, built
into \`bench/codegen_read\` and \`bench/codegen_write\`), on payloads from
\`renkei sample\` (seed 1), single-threaded, each figure $(runs_text), all in
the same run; MB are 10^6 bytes.  Two payloads: one of kaigo_jukyusha
records only (介護保険 受給者基本情報: 18 items and up to 10 認定履歴
groups of 4; the generated \`r06_kaigo_jukyusha_read_xml\`), and one of
all 22 records of R06 in turn (\`rk_read\` with the generated tables, a
struct of the generated type per kind and the checks on, which is what
every \`r06_*_read_xml\` does).

- **Generated reader**: reads the XML into structs (one reused struct per
  kind) and checks each record in the same pass, as \`renkei validate\`
  does (what \`r06_*_validate\` checks on a struct): every value rule
  (lengths, character sets, shapes, calendar dates, eras, check digits,
  code values), every minimum occurrence, with the line and column of each
  error.
- **asn1c**: the same records as XER, decoded by the code asn1c generates
  from an equivalent ASN.1 module written from the layout at benchmark time
  by \`bench/gen_asn1\` ($cg_asn1c_lines lines: a SEQUENCE per record and
  group, OPTIONAL, \`SEQUENCE SIZE(min..max) OF\` for repeats, an
  ENUMERATED per code table, character strings with SIZE and FROM).  The
  driver (\`bench/asn1/read_xer.c\`) streams as asn1c's own sample
  converter does: 256 KB chunks, \`xer_decode\` of one \`Record\` (a
  CHOICE of the records) at a time, resumed when it asks for more, then
  \`asn_check_constraints\` and the record's contents freed, the top struct
  reused.  ASN.1 cannot say shapes of numbers and dates, calendar dates,
  eras or check digits, and asn1c does not check FROM on UTF8String, so it
  checks less than the generated code does.  The XER is longer (ENUMERATED
  values as \`<yokaigo1/>\`, repeats gathered under one element, each
  record under \`<Record>\`): compare records/s, or the times.
  $asn1c_note
- **bare SAX2**: the limit, libxml2's SAX2 push parser with empty handlers
  fed 256 KB chunks (\`bench/bare_sax2.c\`), on the same XML.
- **Writers**: $cg_n_seed records read first from a seed payload into
  structs, then N records written from them, the seed's in turn, by the
  generated writer (\`r06_kaigo_jukyusha_write_xml\`, or
  \`rk_xml_write_record\` for all kinds) and by a bare \`xmlTextWriter\`
  loop writing the same elements with the same settings
  (\`bench/bare_writer.c\`), both to /dev/null.  Checked once: both write
  the same bytes, which \`renkei validate\` finds valid.

Commands (TMP a temporary directory; programs behind libtool's wrappers):

    RENKEI sample -l layouts/R06 [--record kaigo_jukyusha] --count N -o TMP/X.xml
    BUILDDIR/bench/gen_asn1 -o TMP/r06.asn layouts/R06
    asn1c -fcompound-names -pdu=Record TMP/r06.asn        # in TMP/asn1c; converter-sample.c left out
    CC CFLAGS -w -o TMP/read_xer bench/asn1/read_xer.c TMP/asn1c/*.c
    BUILDDIR/bench/gen_asn1 --xer -o TMP/X.xer layouts/R06 TMP/X.xml
    BUILDDIR/bench/bare_sax2 TMP/X.xml
    BUILDDIR/bench/codegen_read [--all] TMP/X.xml
    TMP/read_xer TMP/X.xer
    BUILDDIR/bench/bare_writer -n N TMP/seed.xml /dev/null
    BUILDDIR/bench/codegen_write [--all] -n N TMP/seed.xml /dev/null

each under \`time /usr/bin/time -f %M\`.

| case | records | MB | wall s | CPU s | MB/s (wall) | MB/s (CPU) | records/s (wall) | records/s (CPU) | peak RSS MB |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
SECTION
	awk '
		BEGIN {
			n["bare_one"] = "read kaigo_jukyusha: bare libxml2 SAX2 (limit)"
			n["gen_one"] = "read kaigo_jukyusha: generated reader + validate"
			n["asn1c_one"] = "read kaigo_jukyusha: asn1c XER + constraints"
			n["bare_all"] = "read all records: bare libxml2 SAX2 (limit)"
			n["gen_all"] = "read all records: generated reader + validate"
			n["asn1c_all"] = "read all records: asn1c XER + constraints"
			n["bwrite_one"] = "write kaigo_jukyusha: bare xmlTextWriter loop"
			n["write_one"] = "write kaigo_jukyusha: generated writer"
			n["bwrite_all"] = "write all records: bare xmlTextWriter loop"
			n["write_all"] = "write all records: generated writer"
		}
		{ c = ($5 > 0 ? $5 : 0.001)
		  printf "| %s | %d | %.1f | %.3f | %.3f | %.1f | %.1f | %.0f | %.0f | %.1f |\n",
			n[$1], $2, $3 / 1e6, $4, $5, $3 / 1e6 / $4, $3 / 1e6 / c, $2 / $4, $2 / c, $6 / 1024 }' "$1"
	echo
	awk '
		{ w[$1] = $4; c[$1] = ($5 > 0 ? $5 : 0.001) }
		function verdict(x, t) { return x >= t ? "met" : "missed" }
		function beats(x) { return x > 1 ? "met" : "missed" }
		END {
			split("one all", cases, " ")
			label["one"] = "kaigo_jukyusha"; label["all"] = "all records"
			for (i = 1; i <= 2; i++) {
				k = cases[i]; g = "gen_" k; a = "asn1c_" k; b = "bare_" k
				if (a in w)
					printf "- **Generated reader against asn1c** (%s, the same records): %.3f s of CPU time (%.3f s wall) against asn1c%ss %.3f s (%.3f s): the generated reader is %.2f× as fast by CPU time, %.2f× by wall time (target: faster than asn1c: %s by CPU time, %s by wall time).\n", label[k], c[g], w[g], "\047", c[a], w[a], c[a] / c[g], w[a] / w[g], beats(c[a] / c[g]), beats(w[a] / w[g])
				printf "- **Generated reader / bare SAX2** (%s): %.2f× the records/s of the bare parse by CPU time, %.2f× by wall time", label[k], c[b] / c[g], w[b] / w[g]
				if (a in w)
					printf " (asn1c: %.2f× and %.2f×)", c[b] / c[a], w[b] / w[a]
				printf ".\n"
			}
			for (i = 1; i <= 2; i++) {
				k = cases[i]
				rc = c["bwrite_" k] / c["write_" k]; rw = w["bwrite_" k] / w["write_" k]
				printf "- **Generated writer / bare xmlTextWriter loop** (%s): %.2f× by CPU time, %.2f× by wall time (target ≥ 0.7×: %s by CPU time, %s by wall time).\n", label[k], rc, rw, verdict(rc, 0.7), verdict(rw, 0.7)
			}
		}' "$1"
}
