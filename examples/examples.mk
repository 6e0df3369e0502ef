# The example of examples/README.md, built against the runtime library of
# this tree and run by tests/example.sh.  Included by the top-level
# Makefile.am; paths are from the top.
check_PROGRAMS += examples/kaigo_tsukisu
examples_kaigo_tsukisu_SOURCES = examples/kaigo_tsukisu.c generated/R06/r06.c
examples_kaigo_tsukisu_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/runtime \
	-I$(top_srcdir)/generated/R06
examples_kaigo_tsukisu_LDADD = src/runtime/librenkei.la
TESTS += tests/example.sh
EXTRA_DIST += tests/example.sh examples/README.md examples/Makefile
