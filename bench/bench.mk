# The benchmarks: the synthetic layout generator, and `make bench` (every
# benchmark, rewriting bench/RESULTS.md) and `make bench-quick` (the smoke
# run CI uses) around bench/run.sh.  Included by the top-level Makefile.am;
# paths are from the top.

noinst_PROGRAMS += bench/gen_layout
bench_gen_layout_SOURCES = bench/gen_layout.c

# The limits renkei validate is measured against: a bare libxml2 SAX2 push
# parse and a bare libyaml event loop.
noinst_PROGRAMS += bench/bare_sax2 bench/bare_yaml
bench_bare_sax2_SOURCES = bench/bare_sax2.c
bench_bare_sax2_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS)
bench_bare_sax2_LDADD = $(XML_LIBS)
bench_bare_yaml_SOURCES = bench/bare_yaml.c
bench_bare_yaml_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS)
bench_bare_yaml_LDADD = $(YAML_LIBS)

# The peer of the generated readers: a revision as an ASN.1 module and its
# payloads as XER (bench/codegen.sh hands them to asn1c at benchmark time).
noinst_PROGRAMS += bench/gen_asn1
bench_gen_asn1_SOURCES = bench/gen_asn1.c
bench_gen_asn1_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS)
bench_gen_asn1_LDADD = src/librkc.la $(XML_LIBS)

# The generated code of R06 as a vendor builds it, reading and writing;
# and the limit for its writers, a bare xmlTextWriter loop.
noinst_LTLIBRARIES += bench/libr06.la
bench_libr06_la_SOURCES = generated/R06/r06.c generated/R06/r06.h
bench_libr06_la_LIBADD = src/runtime/librenkei.la
noinst_PROGRAMS += bench/codegen_read bench/codegen_write bench/bare_writer
bench_codegen_read_SOURCES = bench/codegen_read.c
bench_codegen_read_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/generated/R06
bench_codegen_read_LDADD = bench/libr06.la
bench_codegen_write_SOURCES = bench/codegen_write.c
bench_codegen_write_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/generated/R06
bench_codegen_write_LDADD = bench/libr06.la
bench_bare_writer_SOURCES = bench/bare_writer.c
bench_bare_writer_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS)
bench_bare_writer_LDADD = $(XML_LIBS)

EXTRA_DIST += bench/run.sh bench/README.md bench/RESULTS.md bench/validate.svg \
	bench/codegen.sh bench/asn1/read_xer.c

bench_env = RENKEI='$(abs_top_builddir)/src/renkei' \
	GEN='$(abs_top_builddir)/bench/gen_layout' \
	BARE_SAX2='$(abs_top_builddir)/bench/bare_sax2' \
	BARE_YAML='$(abs_top_builddir)/bench/bare_yaml' \
	GEN_ASN1='$(abs_top_builddir)/bench/gen_asn1' \
	CODEGEN_READ='$(abs_top_builddir)/bench/codegen_read' \
	CODEGEN_WRITE='$(abs_top_builddir)/bench/codegen_write' \
	BARE_WRITER='$(abs_top_builddir)/bench/bare_writer' \
	LIBTOOL='$(abs_top_builddir)/libtool'
bench_programs = src/renkei$(EXEEXT) bench/gen_layout$(EXEEXT) \
	bench/bare_sax2$(EXEEXT) bench/bare_yaml$(EXEEXT) \
	bench/gen_asn1$(EXEEXT) bench/codegen_read$(EXEEXT) \
	bench/codegen_write$(EXEEXT) bench/bare_writer$(EXEEXT)

bench: $(bench_programs)
	$(bench_env) bash $(srcdir)/bench/run.sh $(BENCH_FLAGS) $(abs_top_builddir)

bench-quick: $(bench_programs)
	$(bench_env) bash $(srcdir)/bench/run.sh --quick $(abs_top_builddir)

.PHONY: bench bench-quick
