# librenkei: the runtime library shared by `renkei validate` and the code
# `renkei compile` generates (the value rules), with its unit tests.
# Included by the top-level Makefile.am; paths are from the top.

lib_LTLIBRARIES += src/runtime/librenkei.la
src_runtime_librenkei_la_SOURCES = \
	src/runtime/runtime_internal.h \
	src/runtime/utf8.c \
	src/runtime/calendar.c \
	src/runtime/checkdigit.c \
	src/runtime/types.c \
	src/runtime/value.c \
	src/runtime/describe.c
src_runtime_librenkei_la_LDFLAGS = -version-info 0:0:0 $(AM_LDFLAGS)

renkeiincludedir = $(includedir)/renkei
renkeiinclude_HEADERS = \
	src/runtime/renkei/value.h \
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
endif
