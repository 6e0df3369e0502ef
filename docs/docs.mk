# The user documentation: the man pages (installed in man1 and man5) and the
# language reference (distributed, and installed in the documentation
# directory).  tests/docs.sh checks that they match the program.

dist_man_MANS += \
	docs/renkei.1 \
	docs/renkei-check.1 \
	docs/renkei-fmt.1 \
	docs/renkei-validate.1 \
	docs/renkei-doc.1 \
	docs/renkei-xsd.1 \
	docs/renkei-compile.1 \
	docs/renkei-diff.1 \
	docs/renkei-sample.1 \
	docs/renkei-help.1 \
	docs/renkei-layout.5

# A directory of our own, so that this fragment defines dist_doc_DATA for
# nobody else.
renkeidocdir = $(docdir)
dist_renkeidoc_DATA = \
	docs/layout-language.md \
	docs/validate.md \
	docs/validate-report.schema.json \
	docs/diff.md \
	docs/diff-R05-R06.png \
	docs/xsd.md \
	docs/compile.md
