# The compiler: a convenience library holding every stage (so that unit
# tests link the same code), and the `renkei` program around it.

noinst_LTLIBRARIES += src/librkc.la
src_librkc_la_SOURCES = \
	src/util.c src/util.h \
	src/source.c src/source.h \
	src/diag.c src/diag.h \
	src/model.c src/model.h \
	src/parse.c src/parse.h src/parse_internal.h \
	src/load.c src/load.h \
	src/check.c src/check.h src/check_internal.h \
	src/check_types.c src/check_records.c \
	src/fmt.c src/fmt.h \
	src/cli.c src/cli.h \
	src/diff.c src/diff.h src/diff_internal.h src/diff_match.c \
	src/diff_impact.c src/report_diff.c src/report_diff.h \
	src/report_diff_internal.h src/report_diff_words.c \
	src/report_diff_text.c src/report_diff_data.c src/report_diff_html.c \
	src/cmd_diff.c \
	src/cmd_check.c src/cmd_fmt.c \
	src/sample.c src/sample.h src/sample_internal.h src/sample_value.c \
	src/sample_write.c src/sample_invalid.c src/cmd_sample.c \
	src/gen_xsd.c src/gen_xsd.h src/cmd_xsd.c \
	src/gen_doc.c src/gen_doc.h src/cmd_doc.c \
	src/gen_c.c src/gen_c.h src/gen_c_internal.h src/gen_c_names.c \
	src/gen_c_header.c src/gen_c_source.c src/cmd_compile.c \
	src/validate.c src/validate.h \
	src/vreport.c src/vreport.h src/vreport_internal.h \
	src/vreport_json.c src/vreport_junit.c src/cmd_validate.c
nodist_src_librkc_la_SOURCES = grammar/parser.c grammar/parser.h grammar/lexer.c
src_librkc_la_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS) $(YAML_CFLAGS)
src_librkc_la_LIBADD = src/runtime/librenkei.la $(XML_LIBS) $(YAML_LIBS)
# `renkei validate -j` runs a pool of threads.
src_librkc_la_LIBADD += -lpthread

bin_PROGRAMS += src/renkei
src_renkei_SOURCES = src/main.c
src_renkei_LDADD = src/librkc.la

# The grammar is built with the project's own rules rather than automake's
# yacc/lex support: we need Bison and Flex specifically (pure parser,
# reentrant scanner), and want warnings from both to be errors.
grammar/parser.c: $(srcdir)/grammar/parser.y
	$(AM_V_GEN)$(MKDIR_P) grammar && \
	$(BISON) -Wall -Werror -o grammar/parser.c \
		--header=grammar/parser.h $(srcdir)/grammar/parser.y
grammar/parser.h: grammar/parser.c
	@test -f $@ || { rm -f grammar/parser.c; $(MAKE) $(AM_MAKEFLAGS) grammar/parser.c; }
grammar/lexer.c: $(srcdir)/grammar/lexer.l grammar/parser.h
	$(AM_V_GEN)$(MKDIR_P) grammar && \
	$(FLEX) -o grammar/lexer.c $(srcdir)/grammar/lexer.l

BUILT_SOURCES += grammar/parser.c grammar/parser.h grammar/lexer.c
CLEANFILES += grammar/parser.c grammar/parser.h grammar/lexer.c
EXTRA_DIST += grammar/parser.y grammar/lexer.l
