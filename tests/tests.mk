# The test suite: CUnit suites for the units, golden tests for diagnostics
# and formatting, and the layouts of the repository round-tripped through
# `renkei fmt`.  `make check` runs all of it.

if HAVE_CUNIT
unit_tests = \
	tests/unit/test_lexer \
	tests/unit/test_parser \
	tests/unit/test_model \
	tests/unit/test_check \
	tests/unit/test_vreport \
	tests/unit/test_diff
check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)

unit_cflags = $(AM_CFLAGS) $(CUNIT_CFLAGS)
unit_ldadd = src/librkc.la $(CUNIT_LIBS)
tests_unit_test_lexer_SOURCES = tests/unit/test_lexer.c tests/unit/unit.c tests/unit/unit.h
tests_unit_test_lexer_CFLAGS = $(unit_cflags)
tests_unit_test_lexer_LDADD = $(unit_ldadd)
tests_unit_test_parser_SOURCES = tests/unit/test_parser.c tests/unit/unit.c tests/unit/unit.h
tests_unit_test_parser_CFLAGS = $(unit_cflags)
tests_unit_test_parser_LDADD = $(unit_ldadd)
tests_unit_test_model_SOURCES = tests/unit/test_model.c tests/unit/unit.c tests/unit/unit.h
tests_unit_test_model_CFLAGS = $(unit_cflags)
tests_unit_test_model_LDADD = $(unit_ldadd)
tests_unit_test_check_SOURCES = tests/unit/test_check.c tests/unit/unit.c tests/unit/unit.h
tests_unit_test_check_CFLAGS = $(unit_cflags)
tests_unit_test_check_LDADD = $(unit_ldadd)
tests_unit_test_vreport_SOURCES = tests/unit/test_vreport.c tests/unit/unit.c tests/unit/unit.h
tests_unit_test_vreport_CFLAGS = $(unit_cflags) $(XML_CFLAGS)
tests_unit_test_vreport_LDADD = $(unit_ldadd) $(XML_LIBS)
tests_unit_test_diff_SOURCES = tests/unit/test_diff.c tests/unit/unit.c tests/unit/unit.h
tests_unit_test_diff_CFLAGS = $(unit_cflags)
tests_unit_test_diff_LDADD = $(unit_ldadd)
endif

# Script tests: each finds the tool as $RENKEI and the tree as $top_srcdir.
TESTS += \
	tests/bad-layouts.sh \
	tests/fmt-roundtrip.sh \
	tests/layouts.sh \
	tests/cli.sh \
	tests/docs.sh \
	tests/validate-formats.sh \
	tests/diff.sh \
	tests/sample.sh \
	tests/hostile-payloads.sh \
	tests/xsd-compare.sh
EXTRA_DIST += tests/bad-layouts.sh tests/fmt-roundtrip.sh tests/layouts.sh \
	tests/cli.sh tests/lib.sh tests/bad tests/fmt layouts \
	tests/docs.sh tests/validate-formats.sh tests/validate-reports \
	tests/diff.sh tests/diff tests/diff-screenshot.sh tests/sample.sh \
	tests/setup.sh tests/ci.sh tests/README.md \
	tests/hostile-payloads.sh tests/hostile tests/xsd-compare.sh

# The generated code of every revision (generated/, see generated.mk)
# linked into one program with the runtime, its tables checked against the
# runtime's look-ups; tests/compile.sh checks that generated/ is what
# `renkei compile` gives, and that every revision is listed here.
check_PROGRAMS += tests/compile/link_generated
TESTS += tests/compile/link_generated
tests_compile_link_generated_SOURCES = tests/compile/link_generated.c \
	generated/R03/r03.c generated/R03/r03.h \
	generated/R04/r04.c generated/R04/r04.h \
	generated/R05/r05.c generated/R05/r05.h \
	generated/R06/r06.c generated/R06/r06.h
tests_compile_link_generated_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/generated
tests_compile_link_generated_LDADD = src/runtime/librenkei.la
TESTS += tests/compile.sh
EXTRA_DIST += tests/compile.sh

# Generated code against `renkei validate` and itself: every sample read
# into structs and written back, every invalid sample's error found by
# reading and _validate (tests/roundtrip.sh, with a driver per revision).
check_PROGRAMS += tests/roundtrip/driver_r03 tests/roundtrip/driver_r04 \
	tests/roundtrip/driver_r05 tests/roundtrip/driver_r06
roundtrip_cppflags = $(AM_CPPFLAGS) -I$(top_srcdir)/src/runtime
tests_roundtrip_driver_r03_SOURCES = tests/roundtrip/driver.c generated/R03/r03.c
tests_roundtrip_driver_r03_CPPFLAGS = $(roundtrip_cppflags) -I$(top_srcdir)/generated/R03 \
	-DREVISION_HEADER='"r03.h"' -DLAYOUT=r03_layout -DRECORDS=R03_RECORDS -DN_KINDS=R03_N_RECORDS
tests_roundtrip_driver_r03_LDADD = src/runtime/librenkei.la
tests_roundtrip_driver_r04_SOURCES = tests/roundtrip/driver.c generated/R04/r04.c
tests_roundtrip_driver_r04_CPPFLAGS = $(roundtrip_cppflags) -I$(top_srcdir)/generated/R04 \
	-DREVISION_HEADER='"r04.h"' -DLAYOUT=r04_layout -DRECORDS=R04_RECORDS -DN_KINDS=R04_N_RECORDS
tests_roundtrip_driver_r04_LDADD = src/runtime/librenkei.la
tests_roundtrip_driver_r05_SOURCES = tests/roundtrip/driver.c generated/R05/r05.c
tests_roundtrip_driver_r05_CPPFLAGS = $(roundtrip_cppflags) -I$(top_srcdir)/generated/R05 \
	-DREVISION_HEADER='"r05.h"' -DLAYOUT=r05_layout -DRECORDS=R05_RECORDS -DN_KINDS=R05_N_RECORDS
tests_roundtrip_driver_r05_LDADD = src/runtime/librenkei.la
tests_roundtrip_driver_r06_SOURCES = tests/roundtrip/driver.c generated/R06/r06.c
tests_roundtrip_driver_r06_CPPFLAGS = $(roundtrip_cppflags) -I$(top_srcdir)/generated/R06 \
	-DREVISION_HEADER='"r06.h"' -DLAYOUT=r06_layout -DRECORDS=R06_RECORDS -DN_KINDS=R06_N_RECORDS
tests_roundtrip_driver_r06_LDADD = src/runtime/librenkei.la
TESTS += tests/roundtrip.sh
EXTRA_DIST += tests/roundtrip.sh

# The fuzz target: with --enable-fuzzing (clang), a libFuzzer binary; in
# every build, a plain driver that replays the corpus through it.
check_PROGRAMS += tests/fuzz/replay_layout tests/fuzz/replay_payload
tests_fuzz_replay_layout_SOURCES = tests/fuzz/fuzz_layout.c tests/fuzz/fuzz_main.c
tests_fuzz_replay_layout_LDADD = src/librkc.la
tests_fuzz_replay_payload_SOURCES = tests/fuzz/fuzz_payload.c tests/fuzz/fuzz_main.c
tests_fuzz_replay_payload_LDADD = src/librkc.la
TESTS += tests/fuzz-replay.sh
EXTRA_DIST += tests/fuzz-replay.sh tests/fuzz/corpus tests/fuzz/payload-corpus

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz_layout
tests_fuzz_fuzz_layout_SOURCES = tests/fuzz/fuzz_layout.c
tests_fuzz_fuzz_layout_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_layout_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_layout_LDADD = src/librkc.la
noinst_PROGRAMS += tests/fuzz/fuzz_payload
tests_fuzz_fuzz_payload_SOURCES = tests/fuzz/fuzz_payload.c
tests_fuzz_fuzz_payload_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_payload_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_payload_LDADD = src/librkc.la
endif
