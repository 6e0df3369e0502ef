# librenkei: the runtime library shared by `renkei validate` and the code
# `renkei compile` generates (the value rules, the payload readers, checks
# and writers), with its unit tests.
# Included by the top-level Makefile.am; paths are from the top.

lib_LTLIBRARIES += src/runtime/librenkei.la
src_runtime_librenkei_la_SOURCES = \
	src/runtime/runtime_internal.h \
	src/runtime/utf8.c \
	src/runtime/calendar.c \
	src/runtime/checkdigit.c \
	src/runtime/types.c \
	src/runtime/value.c \
	src/runtime/describe.c \
	src/runtime/reader_internal.h \
	src/runtime/report.c \
	src/runtime/walk.c \
	src/runtime/read.c \
	src/runtime/read_xml.c \
	src/runtime/read_yaml.c \
	src/runtime/check.c \
	src/runtime/write.c
src_runtime_librenkei_la_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS) $(YAML_CFLAGS)
src_runtime_librenkei_la_LIBADD = $(XML_LIBS) $(YAML_LIBS) -lpthread
src_runtime_librenkei_la_LDFLAGS = -version-info 0:0:0 $(AM_LDFLAGS)

renkeiincludedir = $(includedir)/renkei
renkeiinclude_HEADERS = \
	src/runtime/renkei/value.h \
	src/runtime/renkei/layout.h \
	src/runtime/renkei/payload.h \
	src/runtime/renkei/utf8.h \
	src/runtime/renkei/calendar.h \
	src/runtime/renkei/checkdigit.h

pkgconfig_DATA += src/runtime/renkei.pc

if HAVE_CUNIT
check_PROGRAMS += tests/unit/test_value
TESTS += tests/unit/test_value
tests_unit_test_value_SOURCES = tests/unit/test_value.c
tests_unit_test_value_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_value_LDADD = src/runtime/librenkei.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_payload
TESTS += tests/unit/test_payload
tests_unit_test_payload_SOURCES = tests/unit/test_payload.c
tests_unit_test_payload_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_payload_LDADD = src/runtime/librenkei.la $(CUNIT_LIBS)
endif
